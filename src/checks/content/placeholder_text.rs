//! # placeholder-text
//!
//! **What it catches:** template text that was never filled in, in the article's prose,
//! headings, table cells and reference entries:
//!
//! - a citation placeholder where a source should be: `[citation needed]`, `[Source]`,
//!   `[ref?]`, `[Insert citation here]`, `(Author, Year)`, `(Smith et al., 20XX)`;
//! - an instruction to the writer: `[Insert a statistic on fall injuries here]`,
//!   `[YOUR STATISTIC HERE]`, `(Include relevant local resources as needed.)`;
//! - a note to the writer: `[TODO: add the 2024 figures]`, `[HUMAN: confirm the dose]`,
//!   `TODO: cite the trial`;
//! - a form field left empty: `[Your Name]`, `[Clinic Name]`, `[Phone Number]`, and a
//!   run of five X's or more standing for a name or a number (`Grant No. xxxxxx`);
//! - a placeholder figure: `XX%`, `X.X mg`, `n = XX`, and a figure a script never computed,
//!   `NA%`;
//! - filler text: `Lorem ipsum dolor …`.
//!
//! **Why it matters:** drafting templates and AI assistants leave such slots for a person to
//! fill; published as they are, they show an unfinished article, and a citation placeholder
//! marks a statement whose source nobody found. A reader cannot tell the one from the other.
//!
//! **How it matches:** the words in `rules/placeholders.toml`, compared lower case, against
//! what stands between brackets or parentheses (the innermost pair, on one line, at most 160
//! bytes) and against the plain text around a run of `X`s. It stays quiet on quotations and
//! block quotes (someone else's words: a redacted "[name]" in a patient's story), on links
//! (`[[source]](https://…)` is a citation that works), on code and on a user's question in a
//! saved chat; on an editor's insertion ("[the doctor]", "[our clinic]", "[sic]"; a form
//! field counts only capitalised, as templates write it: "[Name]") and note ("[Update: the
//! label changed in 2024]"; in parentheses only "TODO:" and the like are notes, "(human:
//! 85%)" is a label); on an instruction in parentheses that neither opens with "insert" nor
//! names what a writer adds ("(Add water as needed.)" is a recipe's step, "(Include relevant
//! local resources.)" is not); and on karyotypes ("46,XX women", "XX men"; a long run of
//! X's in a text that speaks of chromosomes or a syndrome). `uncited-claim`
//! still judges the sentence a citation placeholder stands in: the placeholder is no citation.
//!
//! **Example:** `Walking lowers blood pressure by XX mmHg [citation needed].` reports `XX mmHg`
//! and `[citation needed]`; `Call [Clinic Name] to book.` reports `[Clinic Name]`.
//!
//! **Options:** none.

use crate::checks::{Context, NoOptions, Reads, Rule, parse_options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::english::listed;
use crate::document::{BlockKind, Document, Role};
use serde::Deserialize;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

pub static RULE: Rule = Rule {
    id: "placeholder-text",
    family: "content",
    summary: "template text left unfilled: [citation needed], [Insert … here], [Your Name], XX%, TODO:",
    source: include_str!("placeholder_text.rs"),
    default_severity: Severity::Warning,
    reads: Reads::TEXT,
    parse_options: parse_options::<NoOptions>,
    options: &[],
    check,
};

/// `rules/placeholders.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Lexicon {
    citation_words: Vec<String>,
    citation_marks: Vec<String>,
    citation_phrases: Vec<String>,
    instruction_verbs: Vec<String>,
    instruction_cues: Vec<String>,
    note_labels: Vec<String>,
    field_words: Vec<String>,
    field_owners: Vec<String>,
    figure_units: Vec<String>,
    note_words: Vec<String>,
}

#[cfg(test)]
pub(crate) const BUILTIN: &str = include_str!("../../../rules/placeholders.toml");

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| crate::builtin_rules::builtin_rules!("placeholders"))
}

/// What a placeholder stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Citation,
    Instruction,
    Note,
    Field,
    Figure,
    Filler,
}

impl Kind {
    fn message(self, shown: &str) -> (String, &'static str) {
        let (what, help) = match self {
            Kind::Citation => (
                "a citation placeholder stands where a source should be",
                "cite the source this rests on, or take the statement out",
            ),
            Kind::Instruction => (
                "an instruction to the writer was left in the text",
                "do what it asks, or delete it",
            ),
            Kind::Note => (
                "a note to the writer was left in the text",
                "resolve it, or move it into a comment (`<!-- … -->`)",
            ),
            Kind::Field => (
                "a template field was never filled in",
                "fill it in, or delete it",
            ),
            Kind::Figure => (
                "a placeholder figure was never filled in",
                "write the figure the source gives",
            ),
            Kind::Filler => (
                "filler text was left in the article",
                "replace it with the article's own text",
            ),
        };
        (format!("{what}: \u{201c}{shown}\u{201d}"), help)
    }
}

fn check(doc: &Document, _cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for b in &doc.blocks {
        // a user's question in a saved chat; a block quote is someone else's words (a
        // patient's story with "[name]" for the name)
        if b.role == Role::Prompt || b.kind == BlockKind::Quote {
            continue;
        }
        let text = crate::checks::content::assistant_artifact::mask_quotes(&b.text);
        for (r, kind) in find(&text) {
            let span = b.map.range(r.clone());
            if span.is_empty()
                || in_link(&doc.text, span.clone())
                || doc.in_code(span.start)
                || doc.in_code(span.end - 1)
            {
                continue;
            }
            let one_line = b.text[r].split_whitespace().collect::<Vec<_>>().join(" ");
            let shown = crate::checks::sources::shorten(&one_line, 80);
            let (message, help) = kind.message(&shown);
            out.push(Diagnostic::new(RULE.id, span, message).help(help));
        }
    }
    out
}

/// Whether the source at `span` holds a link or is a link's text: "[source]" of
/// `[[source]](https://…)` or `<a href="…">[source]</a>`, "(link here)" of `([link
/// here](https://…))`: a citation that works, whatever its words.
fn in_link(text: &str, span: Range<usize>) -> bool {
    let inside = &text[span.clone()];
    let after = text[span.end..].trim_start_matches('\\');
    inside.contains("](")
        || inside.contains("<a ")
        || inside.contains("\\]")
        || after.starts_with("](")
        || (inside.ends_with(']') && after.starts_with('('))
        || after.starts_with("</a>")
        || (text[..span.start].ends_with('[') && after.starts_with(']'))
}

/// The placeholders in `text` (a block's plain text, quotations blanked), in order.
fn find(text: &str) -> Vec<(Range<usize>, Kind)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    // brackets and parentheses: the innermost pair on one line
    let mut at = 0;
    while let Some(k) = memchr::memchr2(b'[', b'(', &b[at..]) {
        let open = at + k;
        at = open + 1;
        let (close_ch, bracket) = if b[open] == b'[' {
            (b']', true)
        } else {
            (b')', false)
        };
        let Some(len) = b[open + 1..]
            .iter()
            .take(160)
            .position(|&c| c == close_ch || c == b'[' || c == b'(' || c == b'\n')
        else {
            continue;
        };
        let close = open + 1 + len;
        // a wiki's link, `[[Name]]`
        if b[close] != close_ch
            || (bracket && open > 0 && b[open - 1] == b'[' && b.get(close + 1) == Some(&b']'))
        {
            continue;
        }
        let inner = &text[open + 1..close];
        if may_be_placeholder(inner, bracket)
            && let Some(kind) = classify(inner, bracket, lexicon())
        {
            out.push((open..close + 1, kind));
        }
    }
    figures(text, &mut out);
    notes(text, &mut out);
    static LOREM: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("orem ipsum"));
    // the filler itself, not a text about it ("Lorem ipsum is the usual filler")
    if let Some(k) = LOREM.find(b)
        && k > 0
        && (b[k - 1] == b'L' || b[k - 1] == b'l')
        && text[k + "orem ipsum".len()..].starts_with(" dolor")
    {
        out.push((k - 1..k + "orem ipsum".len(), Kind::Filler));
    }
    out.sort_by_key(|(r, _)| r.start);
    // a figure inside a bracket already reported is one finding
    let mut kept: Vec<(Range<usize>, Kind)> = Vec::with_capacity(out.len());
    for (r, kind) in out {
        if kept
            .last()
            .is_some_and(|(p, _)| p.start <= r.start && r.end <= p.end)
        {
            continue;
        }
        kept.push((r, kind));
    }
    kept
}

/// A cheap test before [`classify`] (most parentheses hold figures and asides): the first
/// word of `inner` opens some placeholder of the lexicon, or its end is a year's slot, or a
/// bracket holds a colon (a note's label).
fn may_be_placeholder(inner: &str, bracket: bool) -> bool {
    static FIRST: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
        let lx = lexicon();
        let firsts = |list: &[String]| -> Vec<String> {
            list.iter()
                .filter_map(|p| p.split([' ', ':']).next())
                .map(|w| w.trim_end_matches('?').to_string())
                .collect()
        };
        let mut set: std::collections::HashSet<String> = std::collections::HashSet::new();
        for list in [
            &lx.citation_words,
            &lx.citation_phrases,
            &lx.instruction_verbs,
            &lx.note_labels,
            &lx.field_owners,
            &lx.field_words,
        ] {
            set.extend(firsts(list));
        }
        set.extend(["author", "authors", "surname", "lastname"].map(String::from));
        set
    });
    let t = inner.trim();
    let end = t.trim_end_matches(['.', ',', ';', ')']);
    let slot = ["xx", "yyyy", "year", "date", "n.d"].iter().any(|e| {
        end.len() >= e.len()
            && end.is_char_boundary(end.len() - e.len())
            && end[end.len() - e.len()..].eq_ignore_ascii_case(e)
    });
    if slot || (bracket && t.contains(':')) {
        return true;
    }
    let first = t
        .split(|c: char| c.is_whitespace() || c == ':' || c == ',')
        .next()
        .unwrap_or("")
        .trim_end_matches(['?', '.']);
    // lower-cased on the stack: most parentheses fail here, and this is run on every one
    let mut buf = [0u8; 24];
    first.len() <= buf.len() && first.is_ascii() && {
        let low = &mut buf[..first.len()];
        low.copy_from_slice(first.as_bytes());
        low.make_ascii_lowercase();
        std::str::from_utf8(low).is_ok_and(|w| FIRST.contains(w))
    }
}

/// What the text between a pair of brackets (`bracket`) or parentheses stands for, if it is a
/// placeholder.
fn classify(inner: &str, bracket: bool, lx: &Lexicon) -> Option<Kind> {
    let t = inner
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let t = t.trim_end_matches(['.', ',', ';']);
    if t.is_empty() || t.len() > 160 {
        return None;
    }
    if listed(&lx.citation_phrases, t) {
        return Some(Kind::Citation);
    }
    let (first, rest) = t.split_once(' ').unwrap_or((t, ""));
    let bare = t.trim_end_matches('?');
    if bracket && listed(&lx.citation_words, bare) {
        return Some(Kind::Citation);
    }
    if listed(&lx.citation_words, first) && listed(&lx.citation_marks, rest) {
        return Some(Kind::Citation);
    }
    if author_year(t) {
        return Some(Kind::Citation);
    }
    // "[TODO: …]", "[HUMAN: confirm …]"
    // (in parentheses only the writer's own labels: "(human: 85%)" is a figure's label)
    if let Some((label, _)) = t.split_once(':')
        && listed(&lx.note_labels, label.trim())
        && (bracket
            || matches!(
                label.trim(),
                "todo" | "to do" | "fixme" | "tk" | "placeholder"
            ))
    {
        return Some(Kind::Note);
    }
    // an instruction: a verb and its object ("[Update: …]" is an editor's note)
    if listed(&lx.instruction_verbs, first) && !rest.is_empty() && !first.ends_with(':') {
        if bracket || first == "insert" {
            return Some(Kind::Instruction);
        }
        let padded = format!(" {} ", t.trim_end_matches(['.', '!']));
        let cued = lx
            .instruction_cues
            .iter()
            .any(|c| padded.contains(&format!(" {c} ")));
        if cued {
            return Some(Kind::Instruction);
        }
    }
    if !bracket {
        return None;
    }
    // "[YOUR STATISTIC HERE]", "[SOURCE: a statistic here]"
    if t.ends_with(" here") && (first == "your" || t.contains(':')) {
        return Some(Kind::Instruction);
    }
    // "[Name]", "[Your Phone Number]", "[Doctor's Name]"
    let field = match t.split_once(' ') {
        Some((owner, f)) if listed(&lx.field_owners, owner) => f,
        _ => t,
    };
    // …capitalised, as templates write them ("[Name]", "[YOUR CLINIC]"); "[name]" and "[our
    // clinic]" are an editor's insertions in reported speech
    if listed(&lx.field_words, field) && inner.trim_start().starts_with(char::is_uppercase) {
        return Some(Kind::Field);
    }
    None
}

/// "Author, Year", "Smith et al., 20XX": a citation's shape with a slot for its year.
fn author_year(t: &str) -> bool {
    let words: Vec<&str> = t.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    if words.len() < 2 || words.len() > 5 {
        return false;
    }
    let slot = matches!(*last, "yyyy" | "20xx" | "19xx" | "xxxx");
    let named = matches!(*first, "author" | "authors" | "surname" | "lastname")
        && matches!(*last, "year" | "date" | "n.d");
    slot || named
}

/// Placeholder figures: a run of two or more `X`s (or `X.X`) before a percent sign or a unit,
/// or after `n =`; and a value a script never computed, `NA%` or `NaN%` (R's and Python's
/// missing value pasted into a sentence).
fn figures(text: &str, out: &mut Vec<(Range<usize>, Kind)>) {
    let b = text.as_bytes();
    let percent = memchr::memchr(b'%', b).is_some();
    for missing in ["NA%", "NaN%"].into_iter().filter(|_| percent) {
        for k in memchr::memmem::find_iter(b, missing.as_bytes()) {
            if !text[..k].ends_with(|c: char| c.is_alphanumeric()) {
                out.push((k..k + missing.len(), Kind::Figure));
            }
        }
    }
    let units = &lexicon().figure_units;
    let mut at = 0;
    while let Some(k) = memchr::memchr2(b'X', b'x', &b[at..]) {
        let start = at + k;
        let x = b[start];
        let mut end = start;
        while end < b.len() && b[end] == x {
            end += 1;
        }
        at = end;
        let mut count = end - start;
        // "X.X", "XX.X"
        if end + 1 < b.len() && b[end] == b'.' && b[end + 1] == x {
            end += 1;
            while end < b.len() && b[end] == x {
                end += 1;
                count += 1;
            }
            at = end;
        }
        if count < 2 {
            continue;
        }
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if before.is_some_and(|c| c.is_alphanumeric() || c == ',' || c == '/' || c == '_')
            || after.is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            continue;
        }
        let rest = text[end..].trim_start_matches(' ');
        let gap = text.len() - end - rest.len();
        let percent = rest.starts_with('%');
        let unit = (x == b'X' && gap <= 1)
            .then(|| {
                let word: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '/' || *c == 'µ')
                    .collect();
                let word = word.to_lowercase();
                listed(units, &word).then_some(word.len())
            })
            .flatten();
        // "n = XX" ("women = XX" gives a karyotype)
        let counted = x == b'X' && count == 2 && {
            let head = text[..start].trim_end_matches(' ');
            head.strip_suffix('=').is_some_and(|h| {
                let h = h.trim_end_matches(' ');
                (h.ends_with('n') || h.ends_with('N'))
                    && !h[..h.len() - 1].ends_with(|c: char| c.is_alphanumeric())
            })
        };
        // a long run standing for a name, a number or an address ("Grant No. xxxxxx",
        // "xxxxx: Writing – original draft"); not a karyotype written without its count
        // ("pentasomy X (XXXXX)")
        let slot = count >= 5
            && !counted
            && !percent
            && unit.is_none()
            && !karyotype(text)
            && !mask_or_address(text, start, end);
        if slot {
            out.push((start..end, Kind::Field));
            continue;
        }
        let cut = if percent && gap <= 1 {
            end + gap + 1
        } else if let Some(len) = unit {
            end + gap + len
        } else if counted {
            end
        } else {
            continue;
        };
        out.push((start..cut, Kind::Figure));
    }
}

/// Whether a text speaks of sex chromosomes, where a run of X's is a karyotype.
fn karyotype(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    ["karyotype", "chromosom", "somy", "aneuploid", "xxxxy"]
        .iter()
        .any(|w| t.contains(w))
}

/// Whether the run of X's at `start..end` describes a format ("in the format XXXXXXXXXX",
/// "shown as XXXXX", "e.g. XXXXX"), stands in a web address (`?id=xxxxxx`, `story-xxxxx.html`)
/// or names a size ("XXXXX-Large"): no slot left to fill.
fn mask_or_address(text: &str, start: usize, end: usize) -> bool {
    let token_start = text[..start]
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + 1);
    let token_end = text[end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| end + i);
    let token = &text[token_start..token_end];
    let before = text[..token_start].trim_end().to_ascii_lowercase();
    token.contains(['/', '=', '<', '>'])
        || token.contains(".htm")
        || text[end..].starts_with('-')
        || ["format", "as", "like", "e.g.", "e.g.,", "eg"]
            .iter()
            .any(|w| {
                before.ends_with(w)
                    && !before[..before.len() - w.len()].ends_with(char::is_alphanumeric)
            })
}

/// "TODO: …" and the like, written in capitals before a colon: to the end of the sentence.
fn notes(text: &str, out: &mut Vec<(Range<usize>, Kind)>) {
    // a colon first: most blocks have none, and each word's searcher is built once
    if memchr::memchr(b':', text.as_bytes()).is_none() {
        return;
    }
    static FINDERS: LazyLock<Vec<(&'static str, memchr::memmem::Finder<'static>)>> =
        LazyLock::new(|| {
            lexicon()
                .note_words
                .iter()
                .map(|w| (w.as_str(), memchr::memmem::Finder::new(w.as_bytes())))
                .collect()
        });
    for (word, finder) in FINDERS.iter() {
        let mut at = 0;
        while let Some(k) = finder.find(&text.as_bytes()[at..]) {
            let start = at + k;
            let end = start + word.len();
            at = end;
            let before = text[..start].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '[' || c == '(') {
                continue;
            }
            let rest = &text[end..];
            if !rest.trim_start_matches(' ').starts_with(':') {
                continue;
            }
            // to the end of the sentence or line, at most 120 bytes
            let mut cut = rest.len().min(120);
            for (i, c) in rest.char_indices() {
                if c == '\n' || (c == '.' && rest[i + 1..].starts_with(' ')) {
                    cut = cut.min(i + usize::from(c == '.'));
                    break;
                }
            }
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push((start..end + cut, Kind::Note));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The placeholders of `text`, as its words.
    fn found(text: &str) -> Vec<(&str, Kind)> {
        find(text).into_iter().map(|(r, k)| (&text[r], k)).collect()
    }

    #[test]
    fn citation_placeholders() {
        use Kind::Citation;
        assert_eq!(
            found("It fell by a fifth [citation needed]. It rose [Source]."),
            [("[citation needed]", Citation), ("[Source]", Citation)]
        );
        assert_eq!(found("Cited [ref?] here"), [("[ref?]", Citation)]);
        assert_eq!(
            found("as shown (Author, Year) and (Smith et al., 20XX)."),
            [
                ("(Author, Year)", Citation),
                ("(Smith et al., 20XX)", Citation)
            ]
        );
        assert_eq!(
            found("It works [Insert citation here]."),
            [("[Insert citation here]", Citation)]
        );
        // a word in parentheses is prose; a real year is a real citation
        assert!(found("the water (source) and (Smith et al., 2020) and (per year)").is_empty());
    }

    #[test]
    fn instructions_notes_and_fields() {
        assert_eq!(
            found("[Insert a statistic about fall injuries here] and [YOUR STATISTIC HERE]"),
            [
                (
                    "[Insert a statistic about fall injuries here]",
                    Kind::Instruction
                ),
                ("[YOUR STATISTIC HERE]", Kind::Instruction)
            ]
        );
        assert_eq!(
            found("(Include relevant local resources and helplines as needed.)"),
            [(
                "(Include relevant local resources and helplines as needed.)",
                Kind::Instruction
            )]
        );
        assert_eq!(
            found("[TODO: add the 2024 figures] then TODO: cite the trial. More."),
            [
                ("[TODO: add the 2024 figures]", Kind::Note),
                ("TODO: cite the trial.", Kind::Note)
            ]
        );
        assert_eq!(
            found("Call [Clinic Name] or [Your Phone Number] or [Doctor's Name]."),
            [
                ("[Clinic Name]", Kind::Field),
                ("[Your Phone Number]", Kind::Field),
                ("[Doctor's Name]", Kind::Field)
            ]
        );
        // labels of figures in parentheses, an editor's insertion with an owner, lower case
        // fields (a redaction), a wiki link, filler named in a sentence, a schedule's TBD
        assert!(
            found(
                "(human: 85%, mouse: 15%) (editor: J. Smith) [our clinic] said; Accessed [date]. \
                 See [[Source]] and [[Name]]. Lorem ipsum is filler. TBD: May. \
                 (include your medication list here) (bring the appropriate forms)"
            )
            .is_empty()
        );
        // an editor's insertion and note, a recipe's step, a task box, a word "todo"
        assert!(
            found(
                "He said [the doctor] was right [sic]. [Update: the label changed.] \
                 (add 2 tbsp of oil) (Add water as needed.) [x] done; a todo: list; [Add]"
            )
            .is_empty()
        );
    }

    #[test]
    fn placeholder_figures_and_filler() {
        use Kind::Figure;
        assert_eq!(
            found("fell by XX% (n = XX), a dose of X.X mg, XX mmHg lower"),
            [
                ("XX%", Figure),
                ("XX", Figure),
                ("X.X mg", Figure),
                ("XX mmHg", Figure)
            ]
        );
        assert_eq!(
            found("Lorem ipsum dolor sit"),
            [("Lorem ipsum", Kind::Filler)]
        );
        assert_eq!(
            found("heterogeneity at NA% and DNA% or NaN%"),
            [("NA%", Figure), ("NaN%", Figure)]
        );
        // karyotypes, Roman numerals, a single X, words
        assert!(
            found(
                "46,XX women; XX men; XXX women; women = XX; Chapter XX of the book; an X% fall; \
                 XXL shirts; 45,X/46,XX"
            )
            .is_empty()
        );
        // a long run for a name or a number; not a karyotype, nor a run inside a word
        assert_eq!(
            found("funded by the foundation (Grant Nos. xxxxxx). xxxxx: Data curation."),
            [("xxxxxx", Kind::Field), ("xxxxx", Kind::Field)]
        );
        assert!(found("Pentasomy X (XXXXX) is rare; 49,XXXXX girls.").is_empty());
        // a format, an address, a size; "syndrome" alone is no karyotype
        assert!(
            found(
                "Write it in the format XXXXXXXXXX; see https://example.org/a?id=xxxxxx and \
                 story-xxxxxx.html; an XXXXX-Large shirt."
            )
            .is_empty()
        );
        assert_eq!(
            found("The metabolic syndrome cohort was funded by Grant No. xxxxxx."),
            [("xxxxxx", Kind::Field)]
        );
        assert!(found("the XXXXXL size; abcxxxxxdef; XXXX").is_empty());
        // in a bracket already reported: one finding
        assert_eq!(
            found("[X.X% of patients: insert statistic here]"),
            [(
                "[X.X% of patients: insert statistic here]",
                Kind::Instruction
            )]
        );
    }
}
