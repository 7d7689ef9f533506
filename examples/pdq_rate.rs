//! PDQ false-alarm rate of `uncited-claim`: findings per 1,000 prose sentences outside
//! headings in the NCI PDQ corpus, with each finding placed relative to the citations of its
//! block. A measurement, not a test (the corpus is not in the repository):
//! `cargo run --release --example pdq_rate -- [PDQ_DIR]` (default `../shared/corpus/pdq`).
//! `PDQ_DUMP=file` writes each finding with its block context.

use citelint::config::{CliOverrides, Config};
use citelint::document::{BlockKind, Document, Format, ParseOptions, Role};
use std::collections::BTreeMap;
use std::fmt::Write;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("PDQ_DIR").ok())
        .unwrap_or_else(|| "../shared/corpus/pdq".into());
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("no corpus at {dir}");
        return;
    };
    let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
    paths.sort();
    let config = Config::default();
    let cli = CliOverrides {
        profile: None,
        select: Some(vec!["uncited-claim".into()]),
        ignore: Vec::new(),
        today: None,
    };
    let (mut files, mut prose, mut found) = (0usize, 0usize, 0usize);
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let mut dump = String::new();
    for p in paths {
        if p.extension().and_then(|x| x.to_str()) != Some("md") {
            continue;
        }
        let shown = p.to_string_lossy().to_string();
        let text = std::fs::read_to_string(&p).unwrap();
        let settings = config.settings_for(&shown, &cli);
        let doc = Document::parse(
            &shown,
            text.clone(),
            Format::Markdown,
            &ParseOptions::default(),
        );
        let report = citelint::lint_text(&shown, text, Format::Markdown, &settings);
        files += 1;
        prose += doc
            .sentences
            .iter()
            .filter(|s| {
                let b = &doc.blocks[s.block];
                b.role == Role::Prose && !matches!(b.kind, BlockKind::Heading(_))
            })
            .count();
        for d in report
            .diagnostics
            .iter()
            .filter(|d| d.rule == "uncited-claim")
        {
            found += 1;
            let Some(i) = doc.sentences.iter().position(|s| s.span == d.span) else {
                *kinds.entry("unmatched").or_default() += 1;
                continue;
            };
            let s = &doc.sentences[i];
            let same: Vec<usize> = (0..doc.sentences.len())
                .filter(|&k| doc.sentences[k].block == s.block)
                .collect();
            let cited = |k: usize| !doc.sentences[k].citations.is_empty();
            let next_cited = i + 1 < doc.sentences.len()
                && doc.sentences[i + 1].block == s.block
                && cited(i + 1);
            let before = same.iter().any(|&k| k < i && cited(k));
            let after = same.iter().any(|&k| k > i && cited(k));
            let kind = match (next_cited, before, after) {
                (true, _, _) => "next-cited",
                (false, true, true) => "between-cited",
                (false, true, false) => "after-cited",
                (false, false, true) => "before-cited(not-next)",
                _ => "block-uncited",
            };
            let kind = if doc.blocks[s.block].kind == BlockKind::ListItem {
                match kind {
                    "block-uncited" => "list:block-uncited",
                    "next-cited" => "list:next-cited",
                    _ => "list:other",
                }
            } else {
                kind
            };
            *kinds.entry(kind).or_default() += 1;
            let _ = writeln!(dump, "== {kind} {shown}:{}", d.span.start);
            for &k in &same {
                let mark = if k == i {
                    ">>"
                } else if cited(k) {
                    "c "
                } else {
                    "  "
                };
                let _ = writeln!(dump, "{mark} {}", doc.sentence_text(&doc.sentences[k]));
            }
        }
    }
    println!(
        "pdq files={files} prose_sentences={prose} findings={found} per_1000={:.1}",
        found as f64 * 1000.0 / prose.max(1) as f64
    );
    for (k, v) in &kinds {
        println!("  {k}: {v}");
    }
    if let Ok(out) = std::env::var("PDQ_DUMP") {
        std::fs::write(out, dump).unwrap();
    }
}
