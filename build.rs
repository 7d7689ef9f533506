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
            Some((fwd, rev)) => {
                for (part, bytes) in [("fwd", &fwd), ("rev", &rev)] {
                    let file = format!("lexicon-{i}.{part}");
                    let part = part.to_uppercase();
                    write(&out.join(&file), bytes);
                    writeln!(
                        table,
                        "static P{i}_{part}: &AlignAs<[u8], u32> = &AlignAs {{ _align: [], bytes: *include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{file}\")) }};"
                    )
                    .unwrap();
                }
                writeln!(
                    entries,
                    "    Prebuilt {{ pattern: {pattern:?}, fwd: &P{i}_FWD.bytes, rev: &P{i}_REV.bytes }},"
                )
                .unwrap();
            }
            None => writeln!(skipped, "    {pattern:?},").unwrap(),
        }
    }
    let code = format!(
        "// generated by build.rs from rules/*.toml\n{table}\n\
         pub(crate) static PREBUILT: &[Prebuilt] = &[\n{entries}];\n\n\
         /// Built-in patterns whose DFAs were too big: compiled at run time.\n\
         #[cfg_attr(not(test), allow(dead_code))]\n\
         pub(crate) static SKIPPED: &[&str] = &[\n{skipped}];\n"
    );
    write(&out.join("prebuilt_lexicons.rs"), code.as_bytes());
}

fn write(path: &Path, bytes: &[u8]) {
    // unchanged files keep their times: nothing downstream rebuilds for nothing
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return;
    }
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
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
