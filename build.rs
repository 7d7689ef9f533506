//! Builds the automata of the built-in lexicons before the program runs.
//!
//! Compiling the lexicon patterns of `rules/claims.toml`, `evidence.toml`, `assistant.toml`
//! and `metadata.toml` (`[ai]`) was
//! most of the instructions of a run on one article (issue #21). This script assembles the
//! same pattern strings the program assembles (`src/lexicon_patterns.rs`, included below:
//! one source of truth), builds each one's forward and reverse DFAs with `regex-automata`
//! (minimised, dense: a sparse DFA is a sixth of the size but searched several times slower,
//! which made a PDQ run half again as slow), and writes them to `OUT_DIR` with a
//! table, `prebuilt_lexicons.rs`, that `src/lexicon_regex.rs` includes. The program finds a
//! pattern's automata by its exact string and deserialises them without copying; a pattern
//! whose DFA would be too big (a few, whose counted repeats explode when determinised) is
//! listed as skipped and compiled at run time, as rule packs' patterns are.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use regex_automata::dfa::{dense, regex::Regex};
use serde::Deserialize;

#[path = "src/lexicon_patterns.rs"]
#[allow(dead_code)]
mod lexicon_patterns;

#[path = "src/document/patterns.rs"]
#[allow(dead_code)]
mod document_patterns;

/// The most a DFA may grow while determinised; beyond it the pattern is compiled at run time.
const SIZE_LIMIT: usize = 4 << 20;
#[derive(Deserialize)]
struct Claims {
    #[serde(default)]
    group: Vec<ClaimGroup>,
    #[serde(default, rename = "not-prose")]
    not_prose: NotProse,
}

#[derive(Deserialize)]
struct ClaimGroup {
    #[serde(default)]
    patterns: Vec<String>,
    #[serde(default)]
    case_sensitive: bool,
}

#[derive(Deserialize, Default)]
struct NotProse {
    #[serde(default)]
    patterns: Vec<String>,
}

#[derive(Deserialize)]
struct Assistant {
    #[serde(default)]
    pattern: Vec<AssistantEntry>,
    #[serde(default)]
    reasoning: Vec<AssistantEntry>,
}

#[derive(Deserialize)]
struct AssistantEntry {
    regex: String,
}

#[derive(Deserialize)]
struct Metadata {
    ai: Ai,
    #[serde(default)]
    body: Vec<BodyLabel>,
}

#[derive(Deserialize)]
struct BodyLabel {
    labels: Vec<String>,
    value: String,
}

#[derive(Deserialize)]
struct Ai {
    #[serde(default)]
    disclosures: Vec<String>,
    #[serde(default)]
    signs: Vec<String>,
}

#[derive(Deserialize)]
struct Evidence {
    absence: lexicon_patterns::RawAbsence,
}

fn read(path: &str) -> String {
    println!("cargo::rerun-if-changed={path}");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/lexicon_patterns.rs");
    println!("cargo::rerun-if-changed=src/document/patterns.rs");
    let mut patterns: Vec<String> = Vec::new();

    let claims: Claims = toml::from_str(&read("rules/claims.toml")).expect("rules/claims.toml");
    for g in &claims.group {
        if !g.patterns.is_empty() {
            patterns.push(lexicon_patterns::claim_group(&g.patterns, g.case_sensitive));
        }
    }
    patterns.extend(lexicon_patterns::not_prose(&claims.not_prose.patterns));
    let evidence: Evidence =
        toml::from_str(&read("rules/evidence.toml")).expect("rules/evidence.toml");
    let absence = lexicon_patterns::absence(&evidence.absence);
    patterns.extend(absence.all().iter().map(|p| p.to_string()));
    let assistant: Assistant =
        toml::from_str(&read("rules/assistant.toml")).expect("rules/assistant.toml");
    for list in [&assistant.pattern, &assistant.reasoning] {
        let entries: Vec<String> = list
            .iter()
            .map(|e| lexicon_patterns::assistant_entry(&e.regex))
            .collect();
        patterns.extend(lexicon_patterns::assistant_any(&entries));
    }
    let metadata: Metadata =
        toml::from_str(&read("rules/metadata.toml")).expect("rules/metadata.toml");
    for list in [&metadata.ai.disclosures, &metadata.ai.signs] {
        if !list.is_empty() {
            patterns.push(lexicon_patterns::ai_any(list));
        }
    }
    patterns.sort();
    patterns.dedup();

    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let mut table = String::new();
    let mut entries = String::new();
    let mut skipped = String::new();
    for (i, pattern) in patterns.iter().enumerate() {
        match build(&lexicon_patterns::ascii_word_classes(pattern)) {
            Some(dfas) => {
                let p = emit(&out, &mut table, ("lexicon", "P", i), pattern, dfas);
                writeln!(entries, "    {p},").unwrap();
            }
            None => writeln!(skipped, "    {pattern:?},").unwrap(),
        }
    }
    // the document layer's patterns: Unicode, as written; a pattern with a Unicode word
    // boundary gets the DFAs of its ASCII-boundary twin, whose matches are its own on ASCII text
    let mut documents = String::new();
    let mut document_skipped = String::new();
    let mut all = document_patterns::all();
    all.extend(
        metadata
            .body
            .iter()
            .map(|b| document_patterns::body_label(&b.labels, b.value == "name")),
    );
    all.sort();
    all.dedup();
    for (i, pattern) in all.iter().enumerate() {
        let (source, fit) = ascii_boundaries(pattern);
        let anchored = regex_syntax::parse(pattern)
            .expect("a document pattern parses")
            .properties()
            .look_set_prefix()
            .contains(regex_syntax::hir::Look::Start);
        match build(&source) {
            Some(dfas) => {
                let p = emit(&out, &mut table, ("document", "D", i), pattern, dfas);
                writeln!(documents, "    ({p}, Fit::{fit:?}, {anchored}),").unwrap();
            }
            None => writeln!(document_skipped, "    {pattern:?},").unwrap(),
        }
    }
    let code = format!(
        "// generated by build.rs from rules/*.toml and src/document/patterns.rs\n{table}\n\
         pub(crate) static PREBUILT: &[Prebuilt] = &[\n{entries}];\n\n\
         /// Built-in patterns whose DFAs were too big: compiled at run time.\n\
         #[cfg_attr(not(test), allow(dead_code))]\n\
         pub(crate) static SKIPPED: &[&str] = &[\n{skipped}];\n\n\
         /// The document layer's patterns, how their DFAs stand to them, and whether they\n\
         /// match only at the start of the text (`^`).\n\
         pub(crate) static DOCUMENT: &[(Prebuilt, Fit, bool)] = &[\n{documents}];\n\n\
         /// Document-layer patterns whose DFAs were too big: compiled at run time.\n\
         #[cfg_attr(not(test), allow(dead_code))]\n\
         pub(crate) static DOCUMENT_SKIPPED: &[&str] = &[\n{document_skipped}];\n"
    );
    write(&out.join("prebuilt_lexicons.rs"), code.as_bytes());
}

/// Writes the DFAs of `pattern` to `OUT_DIR` as `{file}-{i}.fwd` and `.rev`, with their
/// statics (`{id}{i}_FWD`, `_REV`) in `table`; the `Prebuilt` that holds them.
fn emit(
    out: &Path,
    table: &mut String,
    (file, id, i): (&str, &str, usize),
    pattern: &str,
    (fwd, rev): (Vec<u8>, Vec<u8>),
) -> String {
    for (part, bytes) in [("fwd", &fwd), ("rev", &rev)] {
        let file = format!("{file}-{i}.{part}");
        let part = part.to_uppercase();
        write(&out.join(&file), bytes);
        writeln!(
            table,
            "static {id}{i}_{part}: &AlignAs<[u8], u32> = &AlignAs {{ _align: [], bytes: *include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{file}\")) }};"
        )
        .unwrap();
    }
    format!("Prebuilt {{ pattern: {pattern:?}, fwd: &{id}{i}_FWD.bytes, rev: &{id}{i}_REV.bytes }}")
}

fn write(path: &Path, bytes: &[u8]) {
    // unchanged files keep their times: nothing downstream rebuilds for nothing
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return;
    }
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// How the DFAs of a document pattern stand to the pattern (`Fit` in `src/lexicon_regex.rs`).
#[derive(Clone, Copy, PartialEq, Debug)]
enum Fit {
    /// its own DFAs: no Unicode word boundary
    Exact,
    /// the DFAs of its twin with ASCII word boundaries, each of which stands next to an ASCII
    /// letter, digit or `_` of the pattern: there a Unicode boundary is an ASCII one too, so
    /// the twin finds every match of the pattern (and more), and the same ones where the
    /// match and the characters around it are ASCII
    Superset,
    /// the same twin, whose matches are the pattern's only in ASCII text
    AsciiText,
}

/// `pattern` with each Unicode word boundary made an ASCII one (a DFA cannot look at the
/// characters around a position), and how its DFAs will stand to it. Panics on a pattern that
/// can match the empty string: the program's iteration over matches assumes none does.
fn ascii_boundaries(pattern: &str) -> (String, Fit) {
    use regex_syntax::hir::{Capture, Hir, HirKind, Look, Repetition};

    fn word_byte(b: u32) -> bool {
        b < 128 && (char::from(b as u8).is_ascii_alphanumeric() || b == u32::from(b'_'))
    }
    fn word_class(c: &regex_syntax::hir::Class) -> bool {
        use regex_syntax::hir::Class;
        let all = |mut rs: Box<dyn Iterator<Item = (u32, u32)> + '_>| {
            rs.all(|(a, b)| (a..=b).all(word_byte))
        };
        match c {
            Class::Unicode(u) => all(Box::new(
                u.ranges()
                    .iter()
                    .map(|r| (r.start() as u32, r.end() as u32)),
            )),
            Class::Bytes(b) => all(Box::new(
                b.ranges()
                    .iter()
                    .map(|r| (u32::from(r.start()), u32::from(r.end()))),
            )),
        }
    }
    fn may_be_empty(h: &Hir) -> bool {
        h.properties().minimum_len().is_none_or(|n| n == 0)
    }
    /// Does every non-empty match of `h` start (`end` false) or end with an ASCII word
    /// character?
    fn edge_word(h: &Hir, end: bool) -> bool {
        match h.kind() {
            HirKind::Empty | HirKind::Look(_) => true,
            HirKind::Literal(l) => {
                let b = if end { l.0.last() } else { l.0.first() };
                b.is_some_and(|&b| word_byte(u32::from(b)))
            }
            HirKind::Class(c) => word_class(c),
            HirKind::Capture(c) => edge_word(&c.sub, end),
            HirKind::Repetition(r) => edge_word(&r.sub, end),
            HirKind::Alternation(hs) => hs.iter().all(|h| edge_word(h, end)),
            HirKind::Concat(hs) => seq_edge_word(hs, end),
        }
    }
    /// Does every non-empty match of the sequence `hs` start (or end) with an ASCII word
    /// character?
    fn seq_edge_word(hs: &[Hir], end: bool) -> bool {
        let mut items: Box<dyn Iterator<Item = &Hir>> = if end {
            Box::new(hs.iter().rev())
        } else {
            Box::new(hs.iter())
        };
        items
            .try_fold((), |(), h| {
                if !edge_word(h, end) {
                    Err(false)
                } else if may_be_empty(h) {
                    Ok(())
                } else {
                    Err(true)
                }
            })
            .err()
            .unwrap_or(true)
    }
    /// Does a word boundary between `before` and `after` always stand next to an ASCII word
    /// character (each side must match something for its side to count)?
    fn next_to_word(before: &[Hir], after: &[Hir]) -> bool {
        let side = |hs: &[Hir], end| !hs.iter().all(may_be_empty) && seq_edge_word(hs, end);
        side(before, true) || side(after, false)
    }
    fn walk(h: Hir, fit: &mut Fit, safe: bool) -> Hir {
        match h.into_kind() {
            HirKind::Look(look) => {
                let ascii = match look {
                    Look::WordUnicode => Look::WordAscii,
                    Look::WordUnicodeNegate => Look::WordAsciiNegate,
                    Look::WordStartUnicode => Look::WordStartAscii,
                    Look::WordEndUnicode => Look::WordEndAscii,
                    Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
                    Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
                    other => other,
                };
                if ascii != look {
                    *fit = match (*fit, safe && look == Look::WordUnicode) {
                        (Fit::AsciiText, _) | (_, false) => Fit::AsciiText,
                        (_, true) => Fit::Superset,
                    };
                }
                Hir::look(ascii)
            }
            HirKind::Repetition(r) => Hir::repetition(Repetition {
                sub: Box::new(walk(*r.sub, fit, false)),
                ..r
            }),
            HirKind::Capture(c) => Hir::capture(Capture {
                sub: Box::new(walk(*c.sub, fit, false)),
                ..c
            }),
            HirKind::Concat(hs) => {
                let safe: Vec<bool> = (0..hs.len())
                    .map(|k| next_to_word(&hs[..k], &hs[k + 1..]))
                    .collect();
                Hir::concat(
                    hs.into_iter()
                        .zip(safe)
                        .map(|(h, safe)| walk(h, fit, safe))
                        .collect(),
                )
            }
            HirKind::Alternation(hs) => {
                Hir::alternation(hs.into_iter().map(|h| walk(h, fit, false)).collect())
            }
            HirKind::Empty => Hir::empty(),
            HirKind::Literal(l) => Hir::literal(l.0),
            HirKind::Class(c) => Hir::class(c),
        }
    }
    let hir = regex_syntax::parse(pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"));
    assert!(
        !may_be_empty(&hir),
        "a document pattern matches the empty string: {pattern}"
    );
    let mut fit = Fit::Exact;
    let ascii = walk(hir, &mut fit, false);
    match fit {
        Fit::Exact => (pattern.to_string(), fit),
        _ => (ascii.to_string(), fit),
    }
}

/// The forward and reverse dense DFAs of `pattern` (already with ASCII word classes),
/// serialised little-endian; `None` when they would be too big.
fn build(pattern: &str) -> Option<(Vec<u8>, Vec<u8>)> {
    let config = dense::Config::new()
        .minimize(true)
        .dfa_size_limit(Some(SIZE_LIMIT))
        .determinize_size_limit(Some(2 * SIZE_LIMIT));
    let re: Regex = Regex::builder().dense(config).build(pattern).ok()?;
    // the serialisers pad the front for alignment; the program aligns the file itself
    let unpadded = |(bytes, pad): (Vec<u8>, usize)| bytes[pad..].to_vec();
    let fwd = unpadded(re.forward().to_bytes_little_endian());
    let rev = unpadded(re.reverse().to_bytes_little_endian());
    Some((fwd, rev))
}
