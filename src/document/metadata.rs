//! Article metadata from every place an article keeps it: front matter (with aliases mapped to
//! canonical names), in-body lines (`Last updated: February 7, 2025`, `Medically reviewed by
//! Jane Roe, MD`, a "lead reviewers … are:" list), HTML `<meta>` tags and schema.org JSON-LD
//! (read by `crate::document::html`, mapped here). The words live in `rules/metadata.toml`; the
//! rules' helpers (profile settings, review status, day arithmetic) live in
//! `src/checks/metadata/`.
//!
//! Canonical field names: `last_reviewed`, `last_updated`, `published`, `reviewed_by`,
//! `review_board` (a board or committee named as reviewer), `review_status`, `status`.

use super::patterns;
use crate::document::{Block, BlockKind, Document, MetaField, MetaSource, Role};
use crate::lexicon_regex::{DocRegex, doc_regex};
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

pub const LAST_REVIEWED: &str = "last_reviewed";
pub const LAST_UPDATED: &str = "last_updated";
pub const PUBLISHED: &str = "published";
pub const REVIEWED_BY: &str = "reviewed_by";
pub const REVIEW_BOARD: &str = "review_board";
pub const REVIEW_STATUS: &str = "review_status";
pub const STATUS: &str = "status";
pub const GENERATOR: &str = "generator";
pub const AI_GENERATED: &str = "ai_generated";
pub const AI_DISCLOSURE: &str = "ai_disclosure";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodyLabel {
    pub labels: Vec<String>,
    pub field: String,
    pub value: String,
    /// Only in a header block: a paragraph of two or more lines among the document's first
    /// three prose blocks, the title counted (`**Date**: 2026-01-31` under the title, not a date in an
    /// event list further down).
    #[serde(default)]
    pub header: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub approved: Vec<String>,
    pub pending: Vec<String>,
    pub stages: Vec<String>,
    pub banners: Vec<String>,
    pub assurances: Vec<String>,
    pub groups: Vec<String>,
}

/// `[ai]`: the words of `missing-ai-disclosure`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ai {
    pub tools: Vec<String>,
    pub disclosures: Vec<String>,
    pub signs: Vec<String>,
    pub disclosure_headings: Vec<String>,
}

/// The contents of `rules/metadata.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Credentials after a name that make it a person's (`MD`, `PhD`), compared exactly.
    pub credentials: Vec<String>,
    pub aliases: BTreeMap<String, Vec<String>>,
    pub body: Vec<BodyLabel>,
    pub review: Review,
    #[serde(default)]
    pub ai: Ai,
    #[serde(skip)]
    by_key: BTreeMap<String, String>,
    /// The first word of every body label, lower case: a segment that starts with none of
    /// them is not tried against the label patterns.
    #[serde(skip)]
    label_starts: Vec<String>,
    /// `review.banners`, found ASCII-case-insensitively.
    #[serde(skip)]
    pub banner_ac: Phrases,
    /// `review.assurances` so.
    #[serde(skip)]
    pub assurance_ac: Phrases,
}

/// Phrases found ignoring ASCII case, the longest at each place. Text without the longest
/// piece that every phrase holds (`review` in every banner) holds none of them: it is passed
/// over with a search for that piece, and the phrases' automaton is built when a text first
/// has it (searching every prose block with it was 5 % of a PDQ run).
#[derive(Default)]
pub struct Phrases {
    phrases: Vec<String>,
    shared: Option<aho_corasick::AhoCorasick>,
    all: OnceLock<aho_corasick::AhoCorasick>,
}

impl std::fmt::Debug for Phrases {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(&self.phrases).finish()
    }
}

impl Phrases {
    fn new(phrases: &[String]) -> Phrases {
        let shared = shared_piece(phrases).map(|piece| {
            aho_corasick::AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .build([piece])
                .expect("a phrase piece builds an automaton")
        });
        Phrases {
            phrases: phrases.to_vec(),
            shared,
            all: OnceLock::new(),
        }
    }

    /// The successive non-overlapping phrases in `hay`.
    pub fn find_iter<'a>(&'a self, hay: &'a str) -> impl Iterator<Item = aho_corasick::Match> + 'a {
        let may = self.shared.as_ref().is_none_or(|s| s.is_match(hay));
        may.then(|| {
            self.all.get_or_init(|| {
                aho_corasick::AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                    .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                    .build(&self.phrases)
                    .expect("review phrases build an automaton")
            })
        })
        .into_iter()
        .flat_map(move |ac| ac.find_iter(hay))
    }
}

/// The longest piece of the shortest phrase, three bytes or more, that every phrase holds
/// (ASCII case aside), in lower case.
fn shared_piece(phrases: &[String]) -> Option<String> {
    let lower: Vec<String> = phrases.iter().map(|p| p.to_ascii_lowercase()).collect();
    let short = lower.iter().min_by_key(|p| p.len())?;
    (3..=short.len()).rev().find_map(|len| {
        (0..=short.len() - len)
            .filter_map(|at| short.get(at..at + len))
            .find(|piece| lower.iter().all(|p| p.contains(piece)))
            .map(str::to_string)
    })
}

pub fn pack() -> &'static Pack {
    static P: OnceLock<Pack> = OnceLock::new();
    P.get_or_init(|| {
        let mut p: Pack = crate::builtin_rules::builtin_rules!("metadata");
        for (canon, keys) in &p.aliases {
            p.by_key.insert(norm_key(canon), canon.clone());
            for k in keys {
                p.by_key.insert(norm_key(k), canon.clone());
            }
        }
        let mut starts: Vec<String> = p
            .body
            .iter()
            .flat_map(|b| b.labels.iter())
            .filter_map(|l| l.split_whitespace().next())
            .map(str::to_lowercase)
            .collect();
        starts.sort();
        starts.dedup();
        p.label_starts = starts;
        p.banner_ac = Phrases::new(&p.review.banners);
        p.assurance_ac = Phrases::new(&p.review.assurances);
        p
    })
}

/// The body label patterns, loaded the first time a prose line starts with a label's first
/// word (`label_starts`).
fn body_res() -> &'static [(DocRegex, usize)] {
    static P: OnceLock<Vec<(DocRegex, usize)>> = OnceLock::new();
    P.get_or_init(|| {
        pack()
            .body
            .iter()
            .enumerate()
            .map(|(i, b)| (DocRegex::new(&body_pattern(b)), i))
            .collect()
    })
}

/// The pattern of a body label entry.
fn body_pattern(b: &BodyLabel) -> String {
    patterns::body_label(&b.labels, b.value == "name")
}

/// The body label entries' patterns.
#[cfg(test)]
pub(crate) fn body_patterns() -> Vec<String> {
    pack().body.iter().map(body_pattern).collect()
}

/// Compile the metadata patterns now (the run's start-up warms them on an idle thread).
pub fn warm() {
    pack();
}

/// A key compared loosely: lower case, letters and digits only.
pub fn norm_key(k: &str) -> String {
    k.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The canonical name of a metadata key, if it is one citelint reads.
pub fn canonical(key: &str) -> Option<&'static str> {
    pack().by_key.get(&norm_key(key)).map(String::as_str)
}

// ---------------------------------------------------------------------------------------------
// Dates

fn date_patterns() -> &'static [DocRegex; 5] {
    static P: OnceLock<[DocRegex; 5]> = OnceLock::new();
    P.get_or_init(|| patterns::dates().map(|p| DocRegex::new(&p)))
}

fn month_number(m: &str) -> Option<i8> {
    let m = m.to_ascii_lowercase();
    let names = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    names
        .iter()
        .position(|n| m.starts_with(n))
        .map(|i| i as i8 + 1)
}

/// The first date written in `s` (ISO `2025-02-07`, `February 7, 2025`, `Feb 7, 2025`,
/// `7 February 2025`, `05/12/2025` read month first unless `month_first` is false (a part
/// above 12 settles it), `February 2025` as its first day) with its byte range in `s`.
pub fn find_date(s: &str, month_first: bool) -> Option<(Date, Range<usize>)> {
    let mut best: Option<(Date, Range<usize>)> = None;
    for (k, re) in date_patterns().iter().enumerate() {
        for c in re.captures_iter(s) {
            let m = c.get(0).expect("match");
            // a date glued to a following digit is part of a longer number
            if s[m.end()..].starts_with(|ch: char| ch.is_ascii_digit()) {
                continue;
            }
            let num = |n: &str| c.name(n).and_then(|g| g.as_str().parse::<i32>().ok());
            let y = num("y")?;
            let (mo, d) = match k {
                0 => (num("m")?, num("d")?),
                1 | 2 => (month_number(c.name("mon")?.as_str())? as i32, num("d")?),
                3 => {
                    let (a, b) = (num("a")?, num("b")?);
                    if a > 12 {
                        (b, a)
                    } else if b > 12 || month_first {
                        (a, b)
                    } else {
                        (b, a)
                    }
                }
                _ => (month_number(c.name("mon")?.as_str())? as i32, 1),
            };
            let Ok(date) = Date::new(y as i16, mo as i8, d as i8) else {
                continue;
            };
            let better = match &best {
                None => true,
                // earlier start wins; at the same start the longer (more precise) form
                Some((_, r)) => m.start() < r.start || (m.start() == r.start && m.end() > r.end),
            };
            if better {
                best = Some((date, m.range()));
            }
            break;
        }
    }
    best
}

// ---------------------------------------------------------------------------------------------
// Values

/// Does `hay` contain `needle` as whole words (both lower case)?
pub fn contains_words(hay: &str, needle: &str) -> bool {
    find_words(hay, needle).is_some()
}

/// Where `needle` occurs in `hay` as whole words, ASCII case-insensitively.
pub fn find_words(hay: &str, needle: &str) -> Option<Range<usize>> {
    let lower = hay.to_ascii_lowercase();
    let needle = needle.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(&needle) {
        let s = from + i;
        let e = s + needle.len();
        let before = lower[..s].chars().next_back();
        let after = lower[e..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(s..e);
        }
        from = s + needle.len().max(1);
    }
    None
}

/// Is this reviewer a group (board, committee, team) rather than a person?
pub fn is_group(name: &str) -> bool {
    pack()
        .review
        .groups
        .iter()
        .any(|g| contains_words(&name.to_lowercase(), g))
}

/// Does this value name a person: a credential, `Dr`, or two capitalised words, and no group word?
pub fn is_person(name: &str) -> bool {
    let n = name.trim();
    if n.is_empty() || is_group(n) {
        return false;
    }
    let words: Vec<&str> = n
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if words
        .iter()
        .any(|w| pack().credentials.iter().any(|c| c == w) || *w == "Dr" || *w == "Dr.")
    {
        return true;
    }
    words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count()
        >= 2
}

// ---------------------------------------------------------------------------------------------
// Collecting

pub fn collect(doc: &mut Document) {
    let mut fields = Vec::new();
    front_matter(doc, &mut fields);
    body(doc, &mut fields);
    file_name_date(doc, &mut fields);
    doc.metadata.extend(fields);
    doc.metadata.sort_by_key(|f| f.span.start);
}

/// The date a static-site post's file name gives it, `2018-12-30-tracking-salt.md` (Jekyll,
/// Hexo, Hugo, Eleventy show it as the post's date), when nothing in the article dates it: its
/// publication date, with an empty span (it is not in the text).
fn file_name_date(doc: &Document, out: &mut Vec<MetaField>) {
    let dated = |m: &MetaField| matches!(m.name.as_str(), LAST_REVIEWED | LAST_UPDATED | PUBLISHED);
    if out.iter().chain(&doc.metadata).any(dated) {
        return;
    }
    let name = doc.path.rsplit(['/', '\\']).next().unwrap_or("");
    let (Some(head), Some(rest)) = (name.get(..10), name.get(10..)) else {
        return;
    };
    // the whole head a date (`2018-12-30`), then `-` and the post's name
    if find_date(head, true).is_some_and(|(_, r)| r == (0..10))
        && rest.starts_with('-')
        && rest[1..].starts_with(|c: char| c.is_alphanumeric())
    {
        out.push(field(
            PUBLISHED,
            "file name",
            head,
            0..0,
            MetaSource::FileName,
        ));
    }
}

fn field(name: &str, raw: &str, value: &str, span: Range<usize>, source: MetaSource) -> MetaField {
    MetaField {
        name: name.to_string(),
        raw_key: raw.to_string(),
        value: value.trim().to_string(),
        span,
        source,
    }
}

/// A field read from a key/value pair (front matter, `<meta>`, JSON-LD): the alias mapped to
/// its canonical name, a date value trimmed to the date.
pub fn keyed_field(
    raw_key: &str,
    value: &str,
    span: Range<usize>,
    source: MetaSource,
) -> MetaField {
    let name = canonical(raw_key).unwrap_or(raw_key);
    let (value, span) = if matches!(name, LAST_REVIEWED | LAST_UPDATED | PUBLISHED) {
        match find_date(value, true) {
            Some((_, r)) if span.len() == value.len() => (
                value[r.clone()].to_string(),
                span.start + r.start..span.start + r.end,
            ),
            _ => (value.to_string(), span),
        }
    } else {
        (value.to_string(), span)
    };
    field(name, raw_key, &value, span, source)
}

/// Names in a JSON value: a string, `{"name": …}`, or a list of them.
pub fn json_names(v: &serde_json::Value) -> Vec<String> {
    match v {
        serde_json::Value::String(s) => vec![s.clone()],
        serde_json::Value::Object(o) => o.get("name").map(json_names).unwrap_or_else(|| {
            let parts: Vec<&str> = ["givenName", "familyName"]
                .iter()
                .filter_map(|k| o.get(*k).and_then(|v| v.as_str()))
                .collect();
            if parts.is_empty() {
                Vec::new()
            } else {
                vec![parts.join(" ")]
            }
        }),
        serde_json::Value::Array(a) => a.iter().flat_map(json_names).collect(),
        _ => Vec::new(),
    }
}

fn front_matter(doc: &Document, out: &mut Vec<MetaField>) {
    let Some(fm) = &doc.front_matter else { return };
    for k in &fm.keys {
        let canon = canonical(&k.name);
        if k.value.is_empty() {
            // a nested value: a list of reviewers, `reviewedBy: {name: …}`
            if canon == Some(REVIEWED_BY) {
                let v = fm.value.as_ref().and_then(|v| v.get(&k.name));
                let end = fm
                    .keys
                    .iter()
                    .map(|o| o.key_span.start)
                    .find(|&s| s > k.key_span.start)
                    .unwrap_or(fm.body.end);
                let mut from = k.key_span.end;
                for name in v.map(json_names).unwrap_or_default() {
                    let span = match doc.text[from..end].find(name.as_str()) {
                        Some(i) => from + i..from + i + name.len(),
                        None => k.key_span.clone(),
                    };
                    from = span.end.max(from);
                    out.push(field(
                        REVIEWED_BY,
                        &k.name,
                        &name,
                        span,
                        MetaSource::FrontMatter,
                    ));
                }
            }
            continue;
        }
        // an empty value written out (`reviewers: []`, `[ ]`, `[""]`, `last_reviewed: null`,
        // `~`) names nothing
        let bare: String = k
            .value
            .chars()
            .filter(|c| {
                !c.is_whitespace() && !matches!(c, '[' | ']' | '{' | '}' | '"' | '\'' | ',')
            })
            .collect();
        if bare.is_empty() || bare == "~" || bare.eq_ignore_ascii_case("null") {
            continue;
        }
        out.push(keyed_field(
            &k.name,
            &k.value,
            k.value_span.clone(),
            MetaSource::FrontMatter,
        ));
    }
}

// The reviewer patterns, each loaded on first use and searched only in blocks that pass a
// substring test first, which most articles never do. The list and board patterns' bounded
// repeats of Unicode classes are too big for prebuilt DFAs: they are compiled then (a
// millisecond or so each).
doc_regex!(list_re = patterns::REVIEWER_LIST);
doc_regex!(board_re = patterns::REVIEWED_BY_BOARD);
doc_regex!(byline_re = patterns::REVIEWED_BY);

/// The source span of `r` (a range of the block's plain text).
fn src(b: &Block, r: Range<usize>) -> Range<usize> {
    b.map.range(r)
}

/// Segments of a paragraph: the whole text, its later source lines `lines` (a header block
/// of `**Status:** …`, `**Last Updated:** …` lines held together by line breaks), and the
/// parts after ` • ` or ` | ` separators.
fn segments(t: &str, lines: &[usize]) -> Vec<usize> {
    let mut v = vec![0];
    for &next in lines {
        let skip = t[next..].len() - t[next..].trim_start().len();
        v.push(next + skip);
    }
    // '|', and the lead bytes of '•' (E2 80 A2) and '·' (C2 B7): found by byte search
    for i in memchr::memchr3_iter(b'|', 0xE2, 0xC2, t.as_bytes()) {
        let rest = &t[i..];
        let len = if rest.starts_with('|') {
            1
        } else if rest.starts_with('•') || rest.starts_with('·') {
            rest.chars().next().map_or(1, char::len_utf8)
        } else {
            continue;
        };
        let next = i + len;
        let skip = t[next..].len() - t[next..].trim_start().len();
        v.push(next + skip);
    }
    v
}

/// End of a name value: a date (" on March 3"), a separator, or a glued word ("MDView").
fn name_end(v: &str) -> usize {
    let mut end = v.len();
    for stop in [" on ", " | ", " • ", " — ", " – ", "\t", ". "] {
        if let Some(i) = v.find(stop) {
            end = end.min(i);
        }
    }
    end
}

fn body(doc: &Document, out: &mut Vec<MetaField>) {
    let p = pack();
    let blocks: Vec<(usize, &Block)> = doc.prose().collect();
    let mut k = 0;
    while k < blocks.len() {
        let (_, b) = blocks[k];
        let t = b.text.as_str();
        // the later lines of a short paragraph with a label in it (a header block)
        let lines = if t.len() < 1000 && t.contains(':') {
            b.map.line_starts(&doc.text)
        } else {
            Vec::new()
        };
        let mut segs = segments(t, &lines);
        // the title's date in parentheses: "# Managing migraines (Updated March 8, 2025)"
        // (only the first heading's: a section's "(updated 2023)" may be a guideline's)
        if matches!(b.kind, BlockKind::Heading(_))
            && !blocks[..k]
                .iter()
                .any(|(_, x)| matches!(x.kind, BlockKind::Heading(_)))
        {
            segs.extend(t.match_indices('(').map(|(i, _)| i + 1));
        }
        segs.sort_unstable();
        // a line that gave a field gives no other (a later line of the block may)
        let mut line_done = 0;
        for &seg in &segs {
            if seg < line_done {
                continue;
            }
            let rest = &t[seg..];
            let may_be_label = p.label_starts.iter().any(|w| {
                rest.len() >= w.len()
                    && rest.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
            });
            if !may_be_label {
                continue;
            }
            let Some((m, i)) = body_res()
                .iter()
                .find_map(|(re, i)| re.find(rest).map(|m| (m, *i)))
            else {
                continue;
            };
            let label = &p.body[i];
            if label.header && (k >= 3 || lines.is_empty()) {
                continue;
            }
            let vstart = seg + m.end();
            let mut value = &t[vstart..];
            if let Some(j) = value.find(['•', '|']) {
                value = &value[..j];
            }
            // (a value ends with its line)
            if let Some(&next) = lines.iter().find(|&&l| l > vstart) {
                value = &value[..(next - vstart).min(value.len())];
            }
            let raw_key = rest[..m.end()].trim().trim_end_matches(':').trim();
            match label.value.as_str() {
                "date" => {
                    if let Some((_, r)) = find_date(value, true) {
                        // the date must open the value ("Updated on March 3, 2025")
                        if value[..r.start].trim().is_empty() {
                            let s = vstart + r.start..vstart + r.end;
                            out.push(field(
                                &label.field,
                                raw_key,
                                &t[s.clone()],
                                src(b, s),
                                MetaSource::Body,
                            ));
                        }
                    }
                }
                "name" => {
                    let e = name_end(value);
                    let v = value[..e]
                        .trim_end_matches(|c: char| c == '.' || c == ',' || c.is_whitespace());
                    if !v.trim().is_empty() && v.len() <= 120 {
                        let lead = v.len() - v.trim_start().len();
                        let s = vstart + lead..vstart + v.len();
                        let name = if is_group(v) {
                            REVIEW_BOARD
                        } else {
                            REVIEWED_BY
                        };
                        out.push(field(name, raw_key, v, src(b, s), MetaSource::Body));
                        // "Medically reviewed by Jane Roe, MD on March 3, 2025"
                        let after = &value[e..];
                        if let Some(on) = after.strip_prefix(" on ")
                            && let Some((_, r)) = find_date(on, true)
                            && r.start == 0
                        {
                            let at = vstart + e + 4;
                            let s = at + r.start..at + r.end;
                            out.push(field(
                                LAST_REVIEWED,
                                raw_key,
                                &t[s.clone()],
                                src(b, s),
                                MetaSource::Body,
                            ));
                        }
                    }
                }
                _ => {
                    let v = value.trim();
                    if v.is_empty() {
                        // a label on its own line: the status is the next line, unless the
                        // next lines list every stage (a progress widget, not a status)
                        let stages: Vec<usize> = blocks[k + 1..]
                            .iter()
                            .take_while(|(_, n)| {
                                let s = n.text.trim().to_lowercase();
                                p.review.stages.contains(&s)
                            })
                            .map(|(i, _)| *i)
                            .collect();
                        if stages.len() == 1 {
                            let n = &doc.blocks[stages[0]];
                            let v = n.text.trim();
                            let lead = n.text.len() - n.text.trim_start().len();
                            out.push(field(
                                &label.field,
                                raw_key,
                                v,
                                src(n, lead..lead + v.len()),
                                MetaSource::Body,
                            ));
                        }
                        k += stages.len();
                    } else if v.len() <= 60 {
                        let lead = value.len() - value.trim_start().len();
                        let s = vstart + lead..vstart + lead + v.len();
                        out.push(field(&label.field, raw_key, v, src(b, s), MetaSource::Body));
                    }
                }
            }
            line_done = lines.iter().copied().find(|&l| l > seg).unwrap_or(t.len());
        }
        // a list of reviewers after "The lead reviewers for … are:"
        // cheap substring tests first: these patterns are searched in every prose block
        if !matches!(b.kind, BlockKind::ListItem)
            && t.trim_end().ends_with(':')
            && t.contains("eviewer")
            && list_re().is_match(t.trim_end())
        {
            let raw_key = t.trim().trim_end_matches(':').to_string();
            let mut j = k + 1;
            while j < blocks.len() && blocks[j].1.kind == BlockKind::ListItem {
                let n = blocks[j].1;
                let nt = n.text.as_str();
                let lead = nt.len() - nt.trim_start().len();
                let e = nt.find(" (").unwrap_or(nt.len());
                let v = nt[lead..e].trim_end();
                if !v.is_empty() {
                    let name = if is_group(v) {
                        REVIEW_BOARD
                    } else {
                        REVIEWED_BY
                    };
                    out.push(field(
                        name,
                        &raw_key,
                        v,
                        src(n, lead..lead + v.len()),
                        MetaSource::Body,
                    ));
                }
                j += 1;
            }
        }
        if !matches!(b.kind, BlockKind::Heading(_)) {
            let by = t.contains(" reviewed by");
            let bylines = if by {
                byline_re().captures_iter(t).collect::<Vec<_>>()
            } else {
                Vec::new()
            };
            for c in bylines {
                let g = c.name("who").expect("group");
                let v = g.as_str().trim_end_matches(['.', ',']);
                if is_person(v)
                    && !out
                        .iter()
                        .any(|f| f.span == src(b, g.start()..g.start() + v.len()))
                {
                    out.push(field(
                        REVIEWED_BY,
                        "reviewed by",
                        v,
                        src(b, g.start()..g.start() + v.len()),
                        MetaSource::Body,
                    ));
                }
            }
            let boards = if t.contains("eviewed") {
                board_re().captures_iter(t).collect::<Vec<_>>()
            } else {
                Vec::new()
            };
            for c in boards {
                let g = c.name("who").expect("group");
                let mut who = g.as_str();
                for stop in [
                    ", which",
                    " which ",
                    ", who",
                    " that ",
                    " and is ",
                    " and are ",
                ] {
                    if let Some(i) = who.find(stop) {
                        who = &who[..i];
                    }
                }
                // end at the last group word ("… Editorial Board, which is …")
                let lower = who.to_lowercase();
                let end = p
                    .review
                    .groups
                    .iter()
                    .filter_map(|w| {
                        let mut last = None;
                        let mut from = 0;
                        while let Some(r) = find_words(&lower[from..], w) {
                            last = Some(from + r.end);
                            from += r.end;
                        }
                        last
                    })
                    .max();
                let Some(end) = end else { continue };
                let v = &who[..end];
                if v.len() > 120 {
                    continue;
                }
                let s = src(b, g.start()..g.start() + end);
                if out.iter().any(|f| f.span == s) {
                    continue;
                }
                out.push(field(REVIEW_BOARD, "reviewed by", v, s, MetaSource::Body));
            }
        }
        k += 1;
    }
}

/// Is the block a prose block whose role is prose (helper for rules).
pub fn is_prose(b: &Block) -> bool {
    b.role == Role::Prose
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, ParseOptions};

    #[test]
    fn phrases_pass_over_text_without_their_shared_piece() {
        assert_eq!(
            shared_piece(&pack().review.banners).as_deref(),
            Some("review")
        );
        let list = ["Pending Review", "fact-checked by our"].map(String::from);
        assert_eq!(shared_piece(&list), None);
        let p = Phrases::new(&["pending review".into(), "awaiting REVIEW".into()]);
        let found = |t: &str| p.find_iter(t).map(|m| m.range()).collect::<Vec<_>>();
        assert!(found("Pending approval.").is_empty());
        assert!(p.all.get().is_none());
        assert_eq!(found("This page is PENDING review."), vec![13..27]);
    }

    fn d(y: i16, m: i8, day: i8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_every_form() {
        assert_eq!(find_date("2025-02-07", true).unwrap().0, d(2025, 2, 7));
        let (date, r) = find_date("February 7, 2025View editorial policy", true).unwrap();
        assert_eq!((date, r), (d(2025, 2, 7), 0..16));
        assert_eq!(find_date("Feb 7, 2025", true).unwrap().0, d(2025, 2, 7));
        assert_eq!(find_date("Feb. 7th 2025", true).unwrap().0, d(2025, 2, 7));
        assert_eq!(find_date("7 February 2025", true).unwrap().0, d(2025, 2, 7));
        assert_eq!(find_date("05/12/2025", true).unwrap().0, d(2025, 5, 12));
        assert_eq!(find_date("05/12/2025", false).unwrap().0, d(2025, 12, 5));
        assert_eq!(find_date("25/12/2025", true).unwrap().0, d(2025, 12, 25));
        assert_eq!(find_date("March 2024", true).unwrap().0, d(2024, 3, 1));
        assert_eq!(find_date("on 2025-12-30T10:00:00Z", true).unwrap().1, 3..13);
        // non-breaking hyphens and minus signs, as language models write dates
        let (date, r) = find_date("Last updated: 2026\u{2011}02\u{2011}23.", true).unwrap();
        assert_eq!((date, r), (d(2026, 2, 23), 14..28));
        assert_eq!(
            find_date("2024\u{2212}11\u{2212}05", true).unwrap().0,
            d(2024, 11, 5)
        );
        assert!(find_date("2025\u{2011}2026", true).is_none());
        assert!(find_date("2025-02-30", true).is_none());
        assert!(find_date("no date here, 12345", true).is_none());
        assert!(find_date("May I ask", true).is_none());
    }

    #[test]
    fn aliases_map_to_canonical_names() {
        for k in ["lastReviewed", "last_reviewed", "Last-Reviewed"] {
            assert_eq!(canonical(k), Some(LAST_REVIEWED), "{k}");
        }
        for k in [
            "dateModified",
            "updated",
            "last_updated",
            "article:modified_time",
        ] {
            assert_eq!(canonical(k), Some(LAST_UPDATED), "{k}");
        }
        for k in ["reviewedBy", "reviewed_by", "medical_reviewer"] {
            assert_eq!(canonical(k), Some(REVIEWED_BY), "{k}");
        }
        assert_eq!(canonical("creativeWorkStatus"), Some(REVIEW_STATUS));
        assert_eq!(canonical("title"), None);
    }

    #[test]
    fn people_and_groups() {
        assert!(is_person("Jane Roe, MD"));
        assert!(is_person("Dr. Okafor"));
        assert!(!is_person("Medical Advisory Board"));
        assert!(!is_person("staff"));
        assert!(is_group("PDQ Adult Treatment Editorial Board"));
    }

    fn meta(t: &str, f: Format) -> Vec<(String, String, String)> {
        let d = Document::parse("a", t.to_string(), f, &ParseOptions::default());
        d.metadata
            .iter()
            .map(|m| {
                (
                    m.name.clone(),
                    m.value.clone(),
                    d.text[m.span.clone()].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn body_lines_and_front_matter() {
        let m = meta(
            "---\nlast_updated: 2025-01-02\nreviewers:\n  - Ana Li, MD\n---\n# T\n\nLast reviewed: March 3, 2025\n\nMedically reviewed by Jane Roe, MD on April 1, 2025\n\nThe content is reviewed by our Editorial Board.\n",
            Format::Markdown,
        );
        let has = |n: &str, v: &str| m.iter().any(|(a, b, c)| a == n && b == v && c == v);
        assert!(has(LAST_UPDATED, "2025-01-02"), "{m:?}");
        assert!(has(REVIEWED_BY, "Ana Li, MD"), "{m:?}");
        assert!(has(LAST_REVIEWED, "March 3, 2025"), "{m:?}");
        assert!(has(REVIEWED_BY, "Jane Roe, MD"), "{m:?}");
        assert!(has(LAST_REVIEWED, "April 1, 2025"), "{m:?}");
        assert!(has(REVIEW_BOARD, "Editorial Board"), "{m:?}");
    }

    #[test]
    fn a_header_block_of_label_lines_gives_each_field() {
        let t = "# T\n\n**Status:** Living document  \n**Last Updated:** January 2026  \n**Reviewed by:** Ana Ruiz, MD  \n**Project:** Dawnward\n\nAspirin lowers fever.\n";
        let d = Document::parse(
            "a",
            t.to_string(),
            Format::Markdown,
            &ParseOptions::default(),
        );
        let m = meta(t, Format::Markdown);
        let has = |n: &str, v: &str| m.iter().any(|(a, b, c)| a == n && b == v && c == v);
        assert!(
            has(LAST_UPDATED, "January 2026"),
            "{m:?} {:?}",
            d.blocks[1].text
        );
        assert!(has(REVIEWED_BY, "Ana Ruiz, MD"), "{m:?}");
    }

    #[test]
    fn reviewer_list_and_widget() {
        let m = meta(
            "# T\n\nThe lead reviewers for Sleep are:\n\n- Ana Li, MD (A Hospital)\n- Bo Chen, PhD (B College)\n\n## Status\n\nArticle Review Status\n\nSubmitted\n\nUnder Review\n\nApproved\n",
            Format::Markdown,
        );
        let names: Vec<&str> = m
            .iter()
            .filter(|f| f.0 == REVIEWED_BY)
            .map(|f| f.2.as_str())
            .collect();
        assert_eq!(names, ["Ana Li, MD", "Bo Chen, PhD"]);
        assert!(!m.iter().any(|f| f.0 == REVIEW_STATUS), "{m:?}");
        let m = meta("Review Status\n\nUnder Review\n", Format::Text);
        assert!(
            m.iter()
                .any(|f| f.0 == REVIEW_STATUS && f.2 == "Under Review"),
            "{m:?}"
        );
    }
}
