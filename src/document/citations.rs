//! Finds citation markers in prose blocks, in every syntax seen in real articles:
//! `[1]`, `[1,2]`, `[1-3]`, `[1–3]`, `[[1]]`, `[[1](#cit/…)]`, `[[4](#…)-[7](#…)]`, `¹²`,
//! `<sup>1</sup>`, `[^note]`, `[@key; @other]`, and bare trailing numbers in scraped text.

use super::patterns;
use super::{Citation, CiteSyntax, Document, Format, ParseOptions, RefKey, Role, Target};
use crate::lexicon_regex::{Captures, DocAlternation, DocRegex, Match, doc_regex};
use std::ops::Range;
use std::sync::OnceLock;

/// Quarto cross-reference prefixes: `@fig-x`, `@tbl-x`, `@sec-x`, `@eq-x` are never citations.
const CROSS_REFS: &[&str] = &[
    "fig", "tbl", "sec", "eq", "lst", "thm", "lem", "cor", "prp", "cnj", "def", "exm", "exr",
    "sol", "rem", "alg", "tip", "nte", "wrn", "imp", "cau", "apx",
];

/// Is this key a Quarto cross-reference (`fig-…`, `tbl-…`, …)?
pub fn is_cross_ref(key: &str) -> bool {
    key.split_once('-')
        .is_some_and(|(p, rest)| !rest.is_empty() && CROSS_REFS.contains(&p))
}

/// Each pattern is compiled the first time a file's text needs it: a file without the
/// syntax a pattern matches never pays for compiling it (most of a short run's start-up).
fn any_re() -> &'static DocAlternation {
    static P: OnceLock<DocAlternation> = OnceLock::new();
    P.get_or_init(|| DocAlternation::new(&patterns::CITATION))
}

doc_regex!(linked_item_re = patterns::LINKED_ITEM);

doc_regex!(pandoc_key_re = patterns::pandoc_key());

doc_regex!(narrative_key_re = patterns::narrative_key());

doc_regex!(
    /// A group of numbers right before the full stop that ends a line or sentence.
    bare_re = patterns::BARE
);

/// A citation of `syntax` over `span` whose reference numbers are written `list` ("1, 3-5")
/// starting at `at`, with the malformation found, if any.
fn numbered(syntax: CiteSyntax, span: Range<usize>, list: &str, at: usize) -> Citation {
    let mut c = Citation {
        span,
        syntax,
        targets: Vec::new(),
        malformed: None,
        list: None,
    };
    c.malformed = numbers(list, at, &mut c.targets);
    c
}

/// Does every number of a citation found by its shape alone (bare, glued, in parentheses) fall
/// in 1..=300, where reference lists stop and years and measurements do not?
fn plausible(c: &Citation) -> bool {
    c.targets
        .iter()
        .all(|t| matches!(t.key, RefKey::Num(n) if (1..=300).contains(&n)))
}

/// Parse "1, 3-5" into keys; returns the malformation found, if any.
fn numbers(list: &str, at: usize, out: &mut Vec<Target>) -> Option<String> {
    let mut problem = None;
    let mut pos = 0;
    for item in list.split([',', ';']) {
        let start = at + pos + (item.len() - item.trim_start().len());
        pos += item.len() + 1;
        let t = item.trim();
        if t.is_empty() {
            problem = Some("an empty item in the citation".to_string());
            continue;
        }
        let span = start..start + t.len();
        let mut parts = t.split(['-', '–', '—', '⁻']).map(str::trim);
        let a = parts.next().and_then(parse_num);
        let b = parts.next().and_then(parse_num);
        match (a, b) {
            (Some(a), None) => {
                if a == 0 {
                    problem = Some("cites reference 0; reference numbers start at 1".to_string());
                }
                out.push(Target::num(a, span));
            }
            (Some(a), Some(b)) => {
                if b < a {
                    problem = Some(format!("the range {a}–{b} runs backwards"));
                    out.push(Target::num(a, span.clone()));
                    out.push(Target::num(b, span));
                } else if b == a {
                    problem = Some(format!("the range {a}–{b} names one reference"));
                    out.push(Target::num(a, span));
                } else if b - a > 500 {
                    problem = Some(format!("the range {a}–{b} is implausibly long"));
                    out.push(Target::num(a, span.clone()));
                    out.push(Target::num(b, span));
                } else {
                    if a == 0 {
                        problem =
                            Some("cites reference 0; reference numbers start at 1".to_string());
                    }
                    for n in a..=b {
                        out.push(Target::in_range(n, a, b, span.clone()));
                    }
                }
            }
            _ => problem = Some(format!("cannot read '{t}' as reference numbers")),
        }
    }
    problem
}

fn parse_num(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    // superscript digits
    let mut n: u32 = 0;
    for c in s.chars() {
        let d = "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|x| x == c)? as u32;
        n = n.checked_mul(10)?.checked_add(d)?;
    }
    Some(n)
}

fn superscript_context_ok(src: &str, at: usize) -> bool {
    // "m²", "kg/m²", "10⁹" are units and powers, not citations
    let before = &src[..at];
    match before.chars().next_back() {
        None => false,
        Some(c) if c.is_alphanumeric() || c == '/' || c == '^' => !raises_a_power(before),
        Some(c) => matches!(
            c,
            '.' | ',' | ')' | ';' | ':' | '"' | '\'' | '”' | '’' | ']'
        ),
    }
}

/// Whether a superscript right after `before` would be a power, not a citation: glued to a
/// digit (`10⁹`) other than a year's (`in 1995<sup>7</sup>` cites), a slash or caret, a unit
/// (`m²`, `cm<sup>3</sup>`; "in" only after a number: "breathing it in<sup>1</sup>" cites), a
/// statistic named in letters (`Chi²`, `Tau²`), or a single letter (`I²`, `R<sup>2</sup>`).
fn raises_a_power(before: &str) -> bool {
    match before.chars().next_back() {
        Some(c) if c.is_ascii_digit() => !ends_with_a_year(before),
        Some('/' | '^') => true,
        Some(c) if c.is_alphabetic() => {
            let word: String = before
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let units = [
                "m", "cm", "mm", "km", "μm", "µm", "nm", "in", "ft", "dm", "yd", "mi",
            ];
            let statistics = ["chi", "tau", "eta", "omega", "sigma"];
            let is = |list: &[&str]| {
                list.iter()
                    .any(|u| u.len() == word.len() && u.eq_ignore_ascii_case(&word))
            };
            // "in" is also a word of prose: the inch only after a number
            let inch_or_word = word.eq_ignore_ascii_case("in")
                && !before[..before.len() - word.len()]
                    .trim_end()
                    .ends_with(|c: char| c.is_ascii_digit());
            word.chars().count() < 2 || is(&statistics) || (is(&units) && !inch_or_word)
        }
        _ => false,
    }
}

/// Whether `before` ends with a year standing as a word (`in 1995`, `(2018`): four digits
/// from 1800 to 2099, no digit, point or comma before them.
fn ends_with_a_year(before: &str) -> bool {
    let b = before.as_bytes();
    let n = b.len();
    if n < 4 || !b[n - 4..].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let year: u32 = before[n - 4..].parse().unwrap_or(0);
    (1800..2100).contains(&year)
        && (n == 4 || !(b[n - 5].is_ascii_alphanumeric() || matches!(b[n - 5], b'.' | b',')))
}

/// A citation ends its word: a superscript glued to a letter or digit after it (`m²s`) is
/// part of a term, and one followed by a comparison (`I² = 42%`, `χ² < 3.8`) is a statistic.
fn superscript_follow_ok(after: &str) -> bool {
    // an ion's charge: "Mg²⁺", "SO₄²⁻"
    if after.starts_with(|c: char| c.is_alphanumeric() || c == '⁺' || c == '⁻') {
        return false;
    }
    !after
        .trim_start_matches([' ', '\u{a0}'])
        .starts_with(['=', '<', '>', '≤', '≥', '≈'])
}

/// One match of the `any` pattern, for the function of its syntax.
struct Marker<'a> {
    /// the matched text
    whole: &'a str,
    /// where it starts in the document
    at: usize,
    /// the rest of its block after the match
    after: &'a str,
    /// the whole document text
    src: &'a str,
}

impl Marker<'_> {
    /// A citation of this marker with no targets yet.
    fn citation(&self, syntax: CiteSyntax) -> Citation {
        Citation {
            span: self.at..self.at + self.whole.len(),
            syntax,
            targets: Vec::new(),
            malformed: None,
            list: None,
        }
    }
}

/// A function that reads one syntax: the citation, or `None` when the match is not one.
type Reader = fn(&Marker) -> Option<Citation>;

/// Every syntax: the named group of the `any` pattern and the function that reads it.
const SYNTAXES: &[(&str, Reader)] = &[
    ("linked", linked),
    ("link1", linked),
    ("esc", escaped_link),
    ("double", double),
    ("sup", sup_tag),
    ("aref", anchor),
    ("foot", footnote),
    ("pandoc", pandoc),
    ("latex", latex),
    ("narr", narrative),
    ("wiki", wiki_ref),
    ("bracket", bracket),
    ("escbr", escaped_bracket),
    ("labeled", labeled),
    ("super", superscript),
];

/// `[[1](#a)]`, `[[1](#a),[2](#b)]`, `[[4](#a)-[7](#b)]` and a bare `[3](#ref-3)`.
fn linked(m: &Marker) -> Option<Citation> {
    let (whole, at) = (m.whole, m.at);
    let mut c = m.citation(CiteSyntax::Linked);
    let mut prev_end: Option<(u32, usize)> = None;
    for lm in linked_item_re().find_iter(whole) {
        // the group: the digits right after the opening `[` (read without a capture engine)
        let digits = lm.as_str()[1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let g = lm.start() + 1..lm.start() + 1 + digits;
        let n: u32 = whole[g.clone()].parse().unwrap_or(0);
        let span = at + g.start..at + g.end;
        if let Some((a, end)) = prev_end {
            let between = &whole[end..lm.start()];
            if between.contains(['-', '–', '—']) {
                if n > a && n - a <= 500 {
                    for k in a + 1..n {
                        c.targets.push(Target::in_range(k, a, n, span.clone()));
                    }
                } else {
                    c.malformed = Some(format!("the range {a}–{n} runs backwards"));
                }
            }
        }
        if n == 0 {
            c.malformed = Some("cites reference 0; reference numbers start at 1".into());
        }
        c.targets.push(Target::num(n, span));
        prev_end = Some((n, lm.end()));
    }
    Some(c)
}

/// `[\[36\]](https://…)`, `[\[2\]\[9\]](…)`: the numbers between the escaped brackets.
fn escaped_link(m: &Marker) -> Option<Citation> {
    let mut c = m.citation(CiteSyntax::Linked);
    // (the link's text ends at the `](` before its address)
    let text_end = m.whole.find("](")?;
    let mut from = 0;
    while let Some(o) = m.whole[from..text_end].find("\\[") {
        let open = from + o + 2;
        let close = open + m.whole[open..text_end].find("\\]")?;
        let problem = numbers(&m.whole[open..close], m.at + open, &mut c.targets);
        c.malformed = c.malformed.take().or(problem);
        from = close + 2;
    }
    Some(c)
}

/// `[[1]]`, `[[1, 2]]`.
fn double(m: &Marker) -> Option<Citation> {
    let mut c = m.citation(CiteSyntax::Bracket);
    let inner_end = m.whole.rfind("]]").unwrap_or(m.whole.len());
    c.span = m.at..m.at + inner_end + 2;
    c.malformed = numbers(&m.whole[2..inner_end], m.at + 2, &mut c.targets);
    Some(c)
}

/// `<sup>1</sup>`, `<sup>[1, 2]</sup>`, `<sup><a href=…>1</a></sup>`.
fn sup_tag(m: &Marker) -> Option<Citation> {
    // `I<sup>2</sup> = 42%`, `m<sup>2</sup>`: a power or a statistic, not a citation
    if raises_a_power(&m.src[..m.at]) || !superscript_follow_ok(m.after) {
        return None;
    }
    let whole = m.whole;
    let mut c = m.citation(CiteSyntax::SupTag);
    let open = whole.find('>').map(|i| i + 1).unwrap_or(0);
    let inner = &whole[open..whole.len() - "</sup>".len()];
    // skip an inner <a …> tag
    let (inner, off) = match (inner.find("<a"), inner.find('>')) {
        (Some(_), Some(g)) => (&inner[g + 1..], open + g + 1),
        _ => (inner, open),
    };
    let inner = inner.split("</a>").next().unwrap_or(inner);
    c.malformed = numbers_inside(inner, m.at + off, &mut c.targets);
    Some(c)
}

/// `<a href="#ref-1">1</a>`, `<a href="#ref-1">[1]</a>`: an in-page link whose text is a number.
fn anchor(m: &Marker) -> Option<Citation> {
    let whole = m.whole;
    let mut c = m.citation(CiteSyntax::Linked);
    let open = whole.find('>').map(|i| i + 1).unwrap_or(0);
    let close = whole.rfind("</a>").unwrap_or(whole.len()).max(open);
    c.malformed = numbers_inside(&whole[open..close], m.at + open, &mut c.targets);
    Some(c)
}

/// The numbers of a tag's text (`1`, ` [1, 2] `) starting at `at`, brackets and spaces around
/// them skipped.
fn numbers_inside(inner: &str, at: usize, out: &mut Vec<Target>) -> Option<String> {
    let lead = inner.len() - inner.trim_start().len();
    let t = inner.trim().trim_start_matches('[').trim_end_matches(']');
    let shift = inner.trim().find(t).unwrap_or(0);
    numbers(t, at + lead + shift, out)
}

/// `[^note]`, not a definition `[^note]:`.
fn footnote(m: &Marker) -> Option<Citation> {
    if m.after.starts_with(':') {
        return None;
    }
    let (whole, at) = (m.whole, m.at);
    let mut c = m.citation(CiteSyntax::Footnote);
    c.targets.push(Target {
        key: RefKey::Footnote(whole[2..whole.len() - 1].to_string()),
        span: at + 2..at + whole.len() - 1,
        resolved: None,
        interior: false,
    });
    Some(c)
}

/// The key of a `KEY` match and its range in the match's text.
fn key_of<'a>(caps: &Captures<'a>) -> Option<Match<'a>> {
    caps.name("braced").or(caps.name("plain"))
}

/// `[@key]`, `[see @key, p. 3; @other]`, `[-@key]`, `[@{braced.key}]`; not e-mail addresses
/// (`[write to a@b.org]`) nor Quarto cross-references (`[@fig-a; @tbl-b]`).
fn pandoc(m: &Marker) -> Option<Citation> {
    let mut c = m.citation(CiteSyntax::Pandoc);
    for k in pandoc_key_re().captures_iter(m.whole) {
        let g = key_of(&k)?;
        if is_cross_ref(g.as_str()) {
            continue;
        }
        c.targets.push(Target {
            key: RefKey::Key(g.as_str().to_string()),
            span: m.at + g.start()..m.at + g.end(),
            resolved: None,
            interior: false,
        });
    }
    (!c.targets.is_empty()).then_some(c)
}

/// `\citep{a, b}`, `\citet[p. 3]{a}`: LaTeX's citation commands, which R Markdown and Quarto
/// pass to natbib or biblatex; each comma-separated key is a target.
/// An escaped `\\citep{…}` is literal text.
fn latex(m: &Marker) -> Option<Citation> {
    if m.src[..m.at].ends_with('\\') {
        return None;
    }
    let open = m.whole.rfind('{')?;
    let inner = &m.whole[open + 1..m.whole.len() - 1];
    let mut c = m.citation(CiteSyntax::Latex);
    let mut pos = open + 1;
    for part in inner.split(',') {
        let key = part.trim();
        let lead = part.len() - part.trim_start().len();
        if !key.is_empty() {
            let start = m.at + pos + lead;
            c.targets.push(Target {
                key: RefKey::Key(key.to_string()),
                span: start..start + key.len(),
                resolved: None,
                interior: false,
            });
        }
        pos += part.len() + 1;
    }
    (!c.targets.is_empty()).then_some(c)
}

/// `@key` in running text, `@key [p. 33]` (the locator is part of the marker), `@{key}`; not
/// an e-mail address or handle inside a word or URL (`a@b.org`, `/@user`), a bookdown
/// reference (`\@ref(fig:x)`), nor a Quarto cross-reference (`@fig-x`).
fn narrative(m: &Marker) -> Option<Citation> {
    let prev = m.src[..m.at].chars().next_back();
    let ok_before = match prev {
        None => true,
        Some(c) => c.is_whitespace() || "(;,\"“‘'*_—–".contains(c),
    };
    if !ok_before {
        return None;
    }
    let rest = &m.src[m.at..m.at + m.whole.len() + m.after.len()];
    let caps = narrative_key_re().captures(rest)?;
    let g = key_of(&caps)?;
    let key_end = caps.get(0)?.end();
    if is_cross_ref(g.as_str()) {
        return None;
    }
    // the key must end the word: `@user.name@host` or `@a@b` are not citations
    if rest[key_end..].starts_with(['@']) {
        return None;
    }
    let mut end = key_end;
    // a locator in brackets right after: `@smith2020 [p. 33]`
    let after = &rest[key_end..];
    if let Some(loc) = after.strip_prefix(' ').and_then(|a| a.strip_prefix('['))
        && let Some(close) = loc.find(']')
        && close < 80
        && !loc[..close].contains(['@', '[', '\n'])
        && !loc[..close].trim().is_empty()
        && !loc[close + 1..].starts_with(['(', '['])
    {
        end = key_end + 2 + close + 1;
    }
    let mut c = m.citation(CiteSyntax::Narrative);
    c.span = m.at..m.at + end;
    c.targets.push(Target {
        key: RefKey::Key(g.as_str().to_string()),
        span: m.at + g.start()..m.at + g.end(),
        resolved: None,
        interior: false,
    });
    Some(c)
}

/// The name of a `<ref name="x">` tag, if it has one.
pub fn wiki_ref_name(tag: &str) -> Option<&str> {
    let open = &tag[..tag.find('>').unwrap_or(tag.len())];
    let at = open.find(" name").or_else(|| open.find("\tname"))?;
    let v = open[at + 5..].trim_start().strip_prefix('=')?.trim_start();
    let v = match v.chars().next() {
        Some(q @ ('"' | '\'')) => &v[1..v[1..].find(q).map_or(v.len(), |e| e + 1)],
        _ => v
            .split(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .next()
            .unwrap_or(v),
    };
    Some(v.trim()).filter(|n| !n.is_empty())
}

/// MediaWiki `<ref>source</ref>` (a citation that carries its own source: see
/// `references::collect_wiki_refs`), `<ref name="x">source</ref>`, `<ref name="x" />` (a reuse
/// of the named one). An unnamed tag is keyed by its offset.
fn wiki_ref(m: &Marker) -> Option<Citation> {
    let mut c = m.citation(CiteSyntax::WikiRef);
    let key = match wiki_ref_name(m.whole) {
        Some(n) => n.to_string(),
        None if m.whole.ends_with("/>") => return None,
        None => format!("#{}", m.at),
    };
    let end = m.whole.find('>').map_or(m.whole.len(), |i| i + 1);
    c.targets.push(Target {
        key: RefKey::Footnote(key),
        span: m.at..m.at + end,
        resolved: None,
        interior: false,
    });
    Some(c)
}

/// `[1]`, `[1, 2]`, `[1-3]`, `[1–3]`; not a link, arithmetic or a year in brackets.
fn bracket(m: &Marker) -> Option<Citation> {
    let after = m.after;
    // a link definition `[1]: https://…` opens its line, and a journal issue comes before
    // its pages (`Nat Genet 47 [11]: 1334-40`); "Big reveal [1]: probiotics…" cites
    let line_start = m.src[..m.at].rfind('\n').map_or(0, |i| i + 1);
    let opens_line = m.src[line_start..m.at]
        .trim_start_matches([' ', '>'])
        .is_empty();
    let pages = after
        .get(1..)
        .is_some_and(|a| a.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    if after.starts_with('(') || (after.starts_with(':') && (opens_line || pages)) {
        return None; // a link or a link definition
    }
    // `[1][3]` is two citations; `[1][label]` a reference-style link
    if after.starts_with('[') && !next_is_numbered(after) {
        return None;
    }
    if after
        .trim_start()
        .starts_with(['/', '*', '×', '+', '=', '^'])
    {
        return None; // arithmetic: ([206–160]/90)
    }
    bracketed(m, 1)
}

/// The citation of numbers between brackets `open` bytes wide; none for a year in brackets.
fn bracketed(m: &Marker, open: usize) -> Option<Citation> {
    let inner = &m.whole[open..m.whole.len() - open];
    if let Ok(y) = inner.trim().parse::<u32>()
        && (1800..=2100).contains(&y)
    {
        return None; // a year in brackets
    }
    let mut c = m.citation(CiteSyntax::Bracket);
    c.malformed = numbers(inner, m.at + open, &mut c.targets);
    Some(c)
}

/// `\[1\]`, `\[2, 3\]`: a bracketed citation with its brackets escaped.
fn escaped_bracket(m: &Marker) -> Option<Citation> {
    bracketed(m, 2)
}

/// Is this citation Gemini's `[cite: 3]` (`text` is the document's)?
pub fn is_gemini(text: &str, c: &Citation) -> bool {
    text[c.span.clone()].starts_with(GEMINI)
}

/// How Gemini's markers open.
pub(crate) const GEMINI: &str = "[cite:";

/// `[Source #5, #12]`, `[#3]`, `[Ref 4]`, `[cite: 3]`: the numbers read with the label and
/// the `#`s as blanks, so that every number keeps its place. Not the text of a link
/// (`[#3](…)`).
fn labeled(m: &Marker) -> Option<Citation> {
    // `[Ref 4]: https://…` defines a link; `…five domains [cite: 5, 6]:` leads in a list
    let colon = m.after.starts_with(':') && !m.whole.starts_with(GEMINI);
    if m.after.starts_with(['(', '[']) || colon {
        return None;
    }
    let inner = &m.whole[1..m.whole.len() - 1];
    let label = inner.len()
        - inner
            .trim_start_matches(|c: char| c.is_alphabetic() || c == '.' || c == ':')
            .len();
    let blanked: String = inner
        .char_indices()
        .map(|(i, c)| if i < label || c == '#' { ' ' } else { c })
        .collect();
    let mut c = m.citation(CiteSyntax::Bracket);
    c.malformed = numbers(&blanked, m.at + 1, &mut c.targets);
    Some(c)
}

/// Does `after` start with another bracketed citation (`[3]` of `[1][3]`), itself not a link?
fn next_is_numbered(after: &str) -> bool {
    static R: OnceLock<DocRegex> = OnceLock::new();
    let re = R.get_or_init(|| DocRegex::new(patterns::NEXT_BRACKET));
    // a chain `[1][2][3]` is citations unless its last bracket is a link, or a colon after
    // it leads to an address or to pages (`[1][2]: https://…`, `47 [11][12]: 1334-40`);
    // "…by a third[1][2]: this held" cites
    let mut rest = after;
    while let Some(m) = re.find(rest) {
        rest = &rest[m.end()..];
        if !rest.starts_with('[') {
            let defines = rest.strip_prefix(':').is_some_and(|r| {
                let r = r.trim_start();
                r.starts_with(|c: char| c.is_ascii_digit() || c == '<') || r.starts_with("http")
            });
            return !rest.starts_with('(') && !defines;
        }
    }
    false
}

/// `¹²`, `¹⁻³`, `¹,²`; not a unit or a power (`m²`, `10⁹`).
fn superscript(m: &Marker) -> Option<Citation> {
    let (whole, at) = (m.whole, m.at);
    if !superscript_context_ok(m.src, at) || !superscript_follow_ok(m.after) {
        return None;
    }
    let mut c = m.citation(CiteSyntax::Superscript);
    c.malformed = numbers(&whole.replace('⁻', "-"), at, &mut Vec::new());
    // re-run on the original so spans stay exact
    let mut pos = 0;
    for part in whole.split(',') {
        let t = part.trim();
        let start = at + pos + (part.len() - part.trim_start().len());
        pos += part.len() + 1;
        let mut ends = t.split(['⁻', '–', '-']);
        let a = ends.next().and_then(parse_num);
        let b = ends.next().and_then(parse_num);
        let span = start..start + t.len();
        match (a, b) {
            (Some(a), Some(b)) if b > a && b - a <= 500 => {
                for n in a..=b {
                    c.targets.push(Target::in_range(n, a, b, span.clone()));
                }
            }
            (Some(a), _) => c.targets.push(Target::num(a, span)),
            _ => {}
        }
    }
    Some(c)
}

/// Find every marker in the prose blocks of `doc`.
pub fn scan(doc: &mut Document, opts: &ParseOptions) {
    let mut found: Vec<Citation> = Vec::new();
    let src = doc.text.as_str();
    for b in doc.blocks.iter().filter(|b| b.role == Role::Prose) {
        let region = &src[b.span.clone()];
        // every syntax starts with `[`, `<`, `@`, `\` or a superscript digit (UTF-8 lead
        // byte 0xC2 or 0xE2): a block with none of them holds no marker
        if memchr::memchr3(b'[', b'<', 0xC2, region.as_bytes()).is_none()
            && memchr::memchr3(0xE2, b'@', b'\\', region.as_bytes()).is_none()
        {
            continue;
        }
        for caps in any_re().captures_iter(region) {
            let m = caps.get(0).expect("whole match");
            let at = b.span.start + m.start();
            if doc.in_code(at) {
                continue;
            }
            let marker = Marker {
                whole: m.as_str(),
                at,
                after: &region[m.end()..],
                src,
            };
            let read = SYNTAXES
                .iter()
                .find(|(name, _)| caps.name(name).is_some())
                .and_then(|(_, read)| read(&marker));
            if let Some(c) = read
                && (!c.targets.is_empty() || c.malformed.is_some())
            {
                found.push(c);
            }
        }
    }
    if !found.iter().any(|c| c.syntax.is_numeric()) {
        let paren = scan_paren(doc, &found);
        let multi = paren.iter().filter(|c| c.targets.len() > 1).count();
        if (multi >= 1 && paren.len() >= 2) || paren.len() >= 3 {
            found.extend(paren);
        }
    }
    // narrative `@key` only where the document writes pandoc citations: it names a
    // bibliography or `references:`, is Quarto or R Markdown, or brackets a key somewhere;
    // LaTeX citations also where it names a LaTeX bibliography (`\bibliography{refs}`) or
    // writes at least two of them (a habit, not a command quoted once)
    if !writes_pandoc(doc, &found) {
        let latex = found
            .iter()
            .filter(|c| c.syntax == CiteSyntax::Latex)
            .count();
        let keep_latex = latex >= 2 || !super::bibliography::latex_named(doc).is_empty();
        found.retain(|c| match c.syntax {
            CiteSyntax::Narrative => false,
            CiteSyntax::Latex => keep_latex,
            _ => true,
        });
    }
    if !found.iter().any(|c| c.syntax.is_numeric()) {
        found.extend(scan_glued(doc));
    }
    let bare_allowed = opts.bare_numbers || doc.format == Format::Text;
    if bare_allowed {
        let bare = scan_bare(doc, &found);
        let consistent = opts.bare_numbers
            || bare.iter().filter(|c| c.targets.len() > 1).count() >= 1
            || bare.len() >= 2;
        if consistent {
            found.extend(bare);
        }
    }
    // Gemini's `[cite: 3]` names an entry of the numbered "Sources:" list under its answer:
    // citations where most of their numbers are entries of the document's numbered lists;
    // otherwise chat tokens standing for sources the text does not hold (`assistant-artifact`
    // reports them)
    let gemini = |c: &Citation| is_gemini(&doc.text, c);
    let (mut numbers, mut listed) = (0, 0);
    for t in found.iter().filter(|c| gemini(c)).flat_map(|c| &c.targets) {
        numbers += 1;
        listed += usize::from(
            doc.references
                .iter()
                .any(|r| r.key == t.key && r.path.is_none()),
        );
    }
    if listed * 2 <= numbers {
        found.retain(|c| !gemini(c));
    }
    found.sort_by_key(|c| c.span.start);
    doc.citations = found;
}

/// `(1)`, `(3, 4)`, `(5–7)` closing a clause (before `.`, `,`, `;`, `:` or the end of the
/// line), after a word that does not make the number a label ("stage (2)", "step (1)") and
/// not starting an enumeration ("(1) first, (2) second" is followed by words). Kept only
/// when the document uses them consistently (see `scan`).
fn scan_paren(doc: &Document, taken: &[Citation]) -> Vec<Citation> {
    static R: OnceLock<DocRegex> = OnceLock::new();
    // compiled at the first block that holds a `(`
    let re = || R.get_or_init(|| DocRegex::new(patterns::PAREN_NUMBERS));
    let src = doc.text.as_str();
    let mut out = Vec::new();
    for b in prose_text_blocks(doc) {
        let region = &src[b.span.clone()];
        if !region.contains('(') {
            continue;
        }
        for caps in re().captures_iter(region) {
            let Some(word) = caps.name("word") else {
                continue; // a line that starts with "(1)" enumerates
            };
            let w = word.as_str().trim_end_matches(['.', ',']).to_lowercase();
            if super::english::listed(&super::english::words().citations.number_heads, &w)
                || w.chars().all(|c| c.is_ascii_digit())
            {
                continue;
            }
            let nums = caps.name("nums").expect("nums");
            let open = b.span.start + nums.start() - 1;
            if taken.iter().any(|c| c.span.contains(&open)) || doc.in_code(open) {
                continue;
            }
            let at = b.span.start + nums.start();
            let c = numbered(
                CiteSyntax::Paren,
                open..at + nums.len() + 1,
                nums.as_str(),
                at,
            );
            // "(18–65)" is an age range, not references 18 to 65
            if c.malformed.is_none() && c.targets.len() <= 10 && plausible(&c) {
                out.push(c);
            }
        }
    }
    out
}

/// Does the document write pandoc citations (so that `@key` in running text is one)?
fn writes_pandoc(doc: &Document, found: &[Citation]) -> bool {
    let literate = std::path::Path::new(&doc.path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["qmd", "rmd", "rmarkdown"].contains(&e.to_ascii_lowercase().as_str()));
    let names_sources = doc
        .front_matter
        .as_ref()
        .and_then(|f| f.value.as_ref())
        .is_some_and(|v| v.get("bibliography").is_some() || v.get("references").is_some());
    literate || names_sources || found.iter().any(|c| c.syntax == CiteSyntax::Pandoc)
}

/// Prose blocks other than headings: where sentence-final markers stand.
pub fn prose_text_blocks(doc: &Document) -> impl Iterator<Item = &super::Block> {
    doc.blocks
        .iter()
        .filter(|b| b.role == Role::Prose && !matches!(b.kind, super::BlockKind::Heading(_)))
}

doc_regex!(
    /// The pattern of `scan_glued`, loaded at the first block that has a digit after a full
    /// stop.
    glued_re = patterns::GLUED
);

/// A number glued after a sentence's full stop, before the next sentence or the end of the
/// line: `…competitions.1 It…`, `…well-being.4,7`. Exports that flatten superscripts write
/// citations this way. Read only in a document with a numbered reference list that at least
/// three of them, and four in five, fall within: elsewhere "word.2" is too rare a habit to
/// guess at.
fn scan_glued(doc: &Document) -> Vec<Citation> {
    let listed = doc
        .references
        .iter()
        .filter_map(|r| match r.key {
            RefKey::Num(n) => Some(n),
            _ => None,
        })
        .max();
    let Some(max) = listed else {
        return Vec::new();
    };
    let src = doc.text.as_str();
    let mut out = Vec::new();
    for b in prose_text_blocks(doc) {
        let region = &src[b.span.clone()];
        if !region
            .as_bytes()
            .windows(2)
            .any(|w| w[0] == b'.' && w[1].is_ascii_digit())
        {
            continue;
        }
        for caps in glued_re().captures_iter(region) {
            let word = caps.name("word").expect("word");
            let nums = caps.name("nums").expect("nums");
            let w = word.as_str().to_lowercase();
            if super::english::listed(&super::english::words().citations.number_heads, &w) {
                continue;
            }
            // the word must not be part of an address or a path: `example.org/v.2`
            let token_start = region[..word.start()]
                .rfind(char::is_whitespace)
                .map_or(0, |i| i + 1);
            if region[token_start..word.start()].contains(['/', '@', '.', '_']) {
                continue;
            }
            let at = b.span.start + nums.start();
            if doc.in_code(at) {
                continue;
            }
            let c = numbered(CiteSyntax::Glued, at..at + nums.len(), nums.as_str(), at);
            if c.malformed.is_none() && plausible(&c) {
                out.push(c);
            }
        }
    }
    let within = |c: &Citation| {
        c.targets
            .iter()
            .all(|t| matches!(t.key, RefKey::Num(n) if n <= max))
    };
    let fit = out.iter().filter(|c| within(c)).count();
    if fit >= 3 && fit * 5 >= out.len() * 4 {
        out
    } else {
        Vec::new()
    }
}

fn scan_bare(doc: &Document, taken: &[Citation]) -> Vec<Citation> {
    let src = doc.text.as_str();
    let mut out = Vec::new();
    for b in prose_text_blocks(doc) {
        let region = &src[b.span.clone()];
        for caps in bare_re().captures_iter(region) {
            let word = caps.name("word").expect("word").as_str();
            let nums = caps.name("nums").expect("nums");
            let at = b.span.start + nums.start();
            let lw = word.trim_end_matches(')').to_lowercase();
            let single = !nums.as_str().contains(',');
            if word != ")"
                && (lw.chars().count() < 3
                    || super::english::listed(&super::english::words().citations.number_heads, &lw))
            {
                continue;
            }
            if single && word == ")" {
                continue;
            }
            if taken.iter().any(|c| c.span.contains(&at)) || doc.in_code(at) {
                continue;
            }
            let c = numbered(CiteSyntax::Bare, at..at + nums.len(), nums.as_str(), at);
            if plausible(&c) {
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::document::{CiteSyntax, Document, Format, ParseOptions, RefKey};

    fn keys(text: &str, format: Format) -> Vec<(CiteSyntax, Vec<String>)> {
        let d = Document::parse("t", text.to_string(), format, &ParseOptions::default());
        d.citations
            .iter()
            .map(|c| {
                (
                    c.syntax,
                    c.targets.iter().map(|t| t.key.to_string()).collect(),
                )
            })
            .collect()
    }

    fn nums(v: &[u32]) -> Vec<String> {
        v.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn latex_citations_in_plain_markdown_need_a_habit_or_a_latex_bibliography() {
        let md = Format::Markdown;
        let key = |k: &str| vec![format!("@{k}")];
        // one command quoted in passing is not a citation habit
        assert!(keys("Type \\citep{doe2020} to cite.", md).is_empty());
        // two are
        assert_eq!(
            keys(
                "Sleep fell \\citep{doe2020}. Naps help \\citet{roe2021}.",
                md
            ),
            vec![
                (CiteSyntax::Latex, key("doe2020")),
                (CiteSyntax::Latex, key("roe2021"))
            ]
        );
        // and one is, in a document that names its bibliography the LaTeX way
        assert_eq!(
            keys("Sleep fell \\citep{doe2020}.\n\n\\bibliography{refs}\n", md),
            vec![(CiteSyntax::Latex, key("doe2020"))]
        );
        let d = Document::parse(
            "t",
            "A \\citep{x}.\n\n\\bibliography{refs, more.bib}\n\n\\addbibresource[location=local]{extra.bib}\n\nNot \\\\bibliography{escaped}.\n".to_string(),
            md,
            &ParseOptions::default(),
        );
        let named: Vec<(String, &str)> = super::super::bibliography::latex_named(&d)
            .into_iter()
            .map(|(f, r)| (f, &d.text[r]))
            .collect();
        assert_eq!(
            named,
            vec![
                ("refs.bib".to_string(), "refs"),
                ("more.bib".to_string(), "more.bib"),
                ("extra.bib".to_string(), "extra.bib"),
            ]
        );
    }

    #[test]
    fn numbers_glued_after_the_full_stop_cite_when_a_numbered_list_takes_them() {
        let md = Format::Markdown;
        let list = "\n\nWorks cited\n1. One.\n2. Two.\n3. Three.\n";
        let body = "Sweat rates vary.1 Salt losses differ.2,3 Most runners drink too little.3\nVersion 2.1 Changed the dose. See example.org/v.2 Today.";
        assert_eq!(
            keys(&format!("{body}{list}"), md),
            vec![
                (CiteSyntax::Glued, nums(&[1])),
                (CiteSyntax::Glued, nums(&[2, 3])),
                (CiteSyntax::Glued, nums(&[3])),
            ]
        );
        // without a numbered list, or with fewer than three, the numbers are text
        assert!(keys(body, md).is_empty());
        assert!(
            keys(
                &format!("Sweat rates vary.1 Salt losses differ.2{list}"),
                md
            )
            .is_empty()
        );
        // nor when most of them fall outside the list
        assert!(
            keys(
                &format!("A rises.7 B falls.8 C holds.9 D ends.1 E.2{list}"),
                md
            )
            .is_empty()
        );
        // the full stop before the number ends the sentence
        let d = Document::parse("t", format!("{body}{list}"), md, &ParseOptions::default());
        assert_eq!(d.sentence_text(&d.sentences[1]), "Salt losses differ.");
    }

    #[test]
    fn escaped_and_labelled_numbers_cite() {
        let md = Format::Markdown;
        let b = |v: &[u32]| (CiteSyntax::Bracket, nums(v));
        assert_eq!(keys("Tea helps \\[1\\].", md), vec![b(&[1])]);
        assert_eq!(keys("Tea helps \\[2, 3\\].", md), vec![b(&[2, 3])]);
        assert_eq!(keys("Made in \\[2019\\].", md), vec![]);
        assert_eq!(keys("Tea helps [Source #5, #12].", md), vec![b(&[5, 12])]);
        assert_eq!(
            keys("Tea helps [#3] and [Ref 4].", md),
            vec![b(&[3]), b(&[4])]
        );
        assert_eq!(keys("Tea helps [Sources 1-3].", md), vec![b(&[1, 2, 3])]);
        // every number is spanned where it is written
        assert_eq!(target_texts("A [Source #5, #12]."), ["5", "12"]);
        // a link's text and a word that is not a label are not citations
        assert!(keys("See [#3](https://example.org/3) and [Step 2].", md).is_empty());
        // a linked number written escaped, two in one link, and each spanned where written
        let l = |v: &[u32]| (CiteSyntax::Linked, nums(v));
        assert_eq!(
            keys("Tea helps.[\\[36\\]](https://example.org/a)", md),
            vec![l(&[36])]
        );
        let two = "Tea helps[\\[2\\]\\[9\\]](https://example.org/a#:~:text=x).";
        assert_eq!(keys(two, md), vec![l(&[2, 9])]);
        assert_eq!(target_texts(two), ["2", "9"]);
    }

    /// The text at each target span of the first citation of Markdown `src`.
    fn target_texts(src: &str) -> Vec<String> {
        let d = Document::parse("t", src.into(), Format::Markdown, &Default::default());
        d.citations[0]
            .targets
            .iter()
            .map(|t| d.text[t.span.clone()].to_string())
            .collect()
    }

    #[test]
    fn a_bracket_before_a_colon_cites_unless_it_opens_the_line() {
        let md = Format::Markdown;
        assert_eq!(
            keys("Big reveal [1]: probiotics rarely settle.\n", md),
            vec![(CiteSyntax::Bracket, nums(&[1]))]
        );
        assert!(keys("Text.\n\n[1]: https://example.org/a\n", md).is_empty());
        assert!(keys("Smith J. Nat Genet 47 [11]: 1334-40, 2015.\n", md).is_empty());
        // a chain before a colon cites every bracket
        assert_eq!(
            keys("Falls rose by a third[1][2]: this held.\n", md),
            vec![
                (CiteSyntax::Bracket, nums(&[1])),
                (CiteSyntax::Bracket, nums(&[2]))
            ]
        );
        assert!(keys("Smith J. Nat Genet 47 [11][12]: 1334-40.\n", md).is_empty());
    }

    #[test]
    fn every_syntax_of_the_design_parses() {
        let md = Format::Markdown;
        assert_eq!(keys("A [1].", md), vec![(CiteSyntax::Bracket, nums(&[1]))]);
        assert_eq!(
            keys("A [1,2].", md),
            vec![(CiteSyntax::Bracket, nums(&[1, 2]))]
        );
        assert_eq!(
            keys("A [1-3].", md),
            vec![(CiteSyntax::Bracket, nums(&[1, 2, 3]))]
        );
        assert_eq!(
            keys("A [1–3].", md),
            vec![(CiteSyntax::Bracket, nums(&[1, 2, 3]))]
        );
        assert_eq!(
            keys("A [1][3].", md),
            vec![
                (CiteSyntax::Bracket, nums(&[1])),
                (CiteSyntax::Bracket, nums(&[3]))
            ]
        );
        assert!(keys("See [the guide][1] and [1][x].", md).len() == 1);
        assert_eq!(
            keys("A [[2]].", md),
            vec![(CiteSyntax::Bracket, nums(&[2]))]
        );
        assert_eq!(
            keys("A.[[1](#cit/section_2.1)]", md),
            vec![(CiteSyntax::Linked, nums(&[1]))]
        );
        assert_eq!(
            keys("A.[[4](#cit/s_1.4)-[7](#cit/s_1.7)]", md),
            vec![(CiteSyntax::Linked, nums(&[4, 5, 6, 7]))]
        );
        assert_eq!(
            keys("A.¹²", md),
            vec![(CiteSyntax::Superscript, nums(&[12]))]
        );
        assert_eq!(
            keys("A.¹⁻³", md),
            vec![(CiteSyntax::Superscript, nums(&[1, 2, 3]))]
        );
        assert_eq!(
            keys("A.<sup>1,2</sup>", md),
            vec![(CiteSyntax::SupTag, nums(&[1, 2]))]
        );
        // an ion's charge is not a citation
        assert!(keys("Electrolytes (Na⁺, K⁺, Mg²⁺) and sulfate (SO₄²⁻).", md).is_empty());
        // a power or a statistic in HTML is not a citation; a word's superscript is
        assert!(keys("Heterogeneity was low (I<sup>2</sup> = 0%).", md).is_empty());
        assert!(keys("A room of 12 m<sup>2</sup> was used.", md).is_empty());
        assert_eq!(
            keys("Sepsis kills millions<sup>3</sup> each year.", md),
            vec![(CiteSyntax::SupTag, nums(&[3]))]
        );
        // a year's superscript cites, a count's raises it; a unit word only after a number
        assert_eq!(
            keys("The vaccine came in 1995<sup>7</sup>.", md),
            vec![(CiteSyntax::SupTag, nums(&[7]))]
        );
        assert!(keys("Cultures reached 10<sup>7</sup> cells.", md).is_empty());
        assert!(keys("Counts of 21995<sup>7</sup> rose.", md).is_empty());
        assert_eq!(
            keys("It spreads by breathing it in<sup>1</sup>.", md),
            vec![(CiteSyntax::SupTag, nums(&[1]))]
        );
        assert!(keys("A pad of 12 in<sup>2</sup> was used.", md).is_empty());
        assert_eq!(
            keys("A.[^116tr6H6]", md),
            vec![(CiteSyntax::Footnote, vec!["^116tr6H6".to_string()])]
        );
        assert_eq!(
            keys("A [@smith2020; @lee2021].", md),
            vec![(
                CiteSyntax::Pandoc,
                vec!["@smith2020".to_string(), "@lee2021".to_string()]
            )]
        );
        assert_eq!(
            keys(
                "Cold water eased soreness 1, 2, 3.\nIt also helped sleep 4.\n",
                Format::Text
            ),
            vec![
                (CiteSyntax::Bare, nums(&[1, 2, 3])),
                (CiteSyntax::Bare, nums(&[4]))
            ]
        );
    }

    #[test]
    fn numbers_that_are_not_citations() {
        let txt = "Most people are found at stage 2.\nRules changed in 2020.\nAdults with type 2 diabetes.\nIt was graded 3.\n";
        assert!(
            keys(txt, Format::Text).is_empty(),
            "{:?}",
            keys(txt, Format::Text)
        );
        // bare numbers stay off in Markdown unless configured
        assert!(keys("Soreness fell 1, 2.\n", Format::Markdown).is_empty());
        // units and powers are not superscript citations; neither are links or years
        assert!(keys("BMI above 30 kg/m² and 10⁹ cells.", Format::Markdown).is_empty());
        // statistics and units glued to a term: χ² written in letters, a comparison after
        assert!(
            keys(
                "Subgroups were compared by the Chi² statistic.",
                Format::Markdown
            )
            .is_empty()
        );
        assert!(keys("Heterogeneity was low (Tau² = 0.01).", Format::Markdown).is_empty());
        assert!(keys("Heterogeneity was high (Isq² = 71%).", Format::Markdown).is_empty());
        assert!(keys("A dose of 20 mg per CM² daily.", Format::Markdown).is_empty());
        assert!(keys("The field dose was 4 Gy²s in all.", Format::Markdown).is_empty());
        // a citation after a word still is one, before a comma or a space
        assert_eq!(
            keys(
                "Common in cancer²,³ and rare in adults² overall.",
                Format::Markdown
            ),
            vec![
                (CiteSyntax::Superscript, nums(&[2, 3])),
                (CiteSyntax::Superscript, nums(&[2]))
            ]
        );
        assert!(keys("See [1](https://example.org) and [2019].", Format::Markdown).is_empty());
        assert!(keys("Code `arr[1]` is not prose.", Format::Markdown).is_empty());
        assert!(keys("Ratio ([206–160]/90).", Format::Markdown).is_empty());
        let bare = ParseOptions {
            bare_numbers: true,
            ..ParseOptions::default()
        };
        let d = Document::parse("t", "Soreness fell 1, 2.\n".into(), Format::Markdown, &bare);
        assert_eq!(d.citations.len(), 1);
    }

    #[test]
    fn the_whole_pandoc_citation_syntax() {
        let md = Format::Markdown;
        let fm = "---\nbibliography: refs.bib\n---\n";
        let k = |t: &str| keys(&format!("{fm}{t}"), md);
        let key = |v: &[&str]| v.iter().map(|s| format!("@{s}")).collect::<Vec<_>>();
        assert_eq!(
            k("A [see @a, p. 33; -@b]."),
            vec![(CiteSyntax::Pandoc, key(&["a", "b"]))]
        );
        assert_eq!(
            k("A [@{doe.2020:x}]."),
            vec![(CiteSyntax::Pandoc, key(&["doe.2020:x"]))]
        );
        assert_eq!(
            k("@smith2020 [p. 33] found it; so did @lee_2021."),
            vec![
                (CiteSyntax::Narrative, key(&["smith2020"])),
                (CiteSyntax::Narrative, key(&["lee_2021"]))
            ]
        );
        assert_eq!(
            k("Both (@a, @b) agree."),
            vec![
                (CiteSyntax::Narrative, key(&["a"])),
                (CiteSyntax::Narrative, key(&["b"]))
            ]
        );
        // e-mail addresses, handles in URLs, code, cross-references and bookdown refs are not
        assert!(
            k("Write to ann@example.org or see https://x.org/@ann and `@a` and @fig-one, [@tbl-two; @sec-three] and \\@ref(fig:x).").is_empty(),
            "{:?}",
            k("Write to ann@example.org or see https://x.org/@ann and `@a` and @fig-one, [@tbl-two; @sec-three] and \\@ref(fig:x).")
        );
        // narrative keys only where the document writes pandoc citations
        assert!(keys("Follow @nhs for updates.", md).is_empty());
        let d = Document::parse(
            "t.md",
            format!("{fm}A @smith2020 [p. 33] note."),
            md,
            &ParseOptions::default(),
        );
        assert_eq!(&d.text[d.citations[0].span.clone()], "@smith2020 [p. 33]");
    }

    #[test]
    fn wiki_refs_and_numbers_in_parentheses() {
        let md = Format::Markdown;
        assert_eq!(
            keys(
                "A.<ref name=\"a\">Src.</ref> B.<ref name=a /> C.<ref>Other.</ref>",
                md
            )
            .iter()
            .map(|k| (k.0, k.1.len()))
            .collect::<Vec<_>>(),
            vec![
                (CiteSyntax::WikiRef, 1),
                (CiteSyntax::WikiRef, 1),
                (CiteSyntax::WikiRef, 1)
            ]
        );
        let consistent = "Salt raises pressure (1). Potassium lowers it (2, 3).\n";
        assert_eq!(
            keys(consistent, md),
            vec![
                (CiteSyntax::Paren, nums(&[1])),
                (CiteSyntax::Paren, nums(&[2, 3]))
            ]
        );
        // one lone number, enumerations, years, ranges of ages, samples and labels are not
        for t in [
            "Salt raises pressure (1).\n",
            "Patients should (1) rest, (2) drink, and (3) sleep.\n",
            "In (2019), adults aged (18–65) took part (n = 40), see stage (2), stage (3), grade (4).\n",
        ] {
            assert!(keys(t, md).is_empty(), "{t}: {:?}", keys(t, md));
        }
        // a document that cites [1] keeps its parentheses as text
        assert_eq!(keys("A [1]. B (2). C (3, 4).\n", md).len(), 1);
    }

    #[test]
    fn ranges_mark_their_interior() {
        let d = Document::parse(
            "t",
            "A [2-5].".into(),
            Format::Markdown,
            &ParseOptions::default(),
        );
        let interior: Vec<bool> = d.citations[0].targets.iter().map(|t| t.interior).collect();
        assert_eq!(interior, vec![false, true, true, false]);
        assert_eq!(d.citations[0].targets[1].key, RefKey::Num(3));
    }
}
