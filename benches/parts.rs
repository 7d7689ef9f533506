//! Criterion benchmarks of the parts: parse (Markdown, text), sentence split, citation scan,
//! lexicon matching and each rule. Input: a PDQ article from `/work/shared/corpus/pdq` (or
//! `CITELINT_BENCH_ARTICLE`) when present, else a generated one.
//!
//! `cargo bench --bench parts` (CI only builds them: `cargo bench --no-run`).

#[path = "support/gen.rs"]
mod generator;

use citelint::checks::claims::engine::{ClaimLexicon, score_sentence};
use citelint::checks::evidence::{EvidenceLexicon, find_absence};
use citelint::checks::{Context, RULES};
use citelint::document::split::split_sentences;
use citelint::document::{Document, Format, ParseOptions, citations};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

/// (name, text) of the article the benchmarks read.
fn input() -> (String, String) {
    let named = std::env::var("CITELINT_BENCH_ARTICLE").ok();
    let pdq = "/work/shared/corpus/pdq/about-cancer-treatment-cam-hp-black-cohosh-pdq.md";
    for p in named.iter().map(String::as_str).chain([pdq]) {
        if let Ok(t) = std::fs::read_to_string(p) {
            return (p.to_string(), t);
        }
    }
    (
        "generated-5000-words.md".into(),
        generator::article(7, 5000),
    )
}

fn parts(c: &mut Criterion) {
    let (path, text) = input();
    let opts = ParseOptions::default();
    let doc = Document::parse(&path, text.clone(), Format::Markdown, &opts);
    let sentences: Vec<String> = doc
        .sentences
        .iter()
        .map(|s| doc.sentence_text(s).to_string())
        .collect();
    eprintln!(
        "input: {path}: {} bytes, {} sentences, {} citations",
        text.len(),
        sentences.len(),
        doc.citations.len()
    );

    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(text.len() as u64));
    for (name, format) in [("markdown", Format::Markdown), ("text", Format::Text)] {
        g.bench_function(name, |b| {
            b.iter_batched(
                || text.clone(),
                |t| Document::parse(&path, t, format, &opts),
                BatchSize::LargeInput,
            )
        });
    }
    g.bench_function("split_sentences", |b| {
        b.iter(|| split_sentences(black_box(&text)))
    });
    g.bench_function("citation_scan", |b| {
        b.iter_batched(
            || {
                let mut d = Document::parse(&path, text.clone(), Format::Markdown, &opts);
                d.citations.clear();
                d
            },
            |mut d| {
                citations::scan(&mut d, &opts);
                d
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();

    let mut g = c.benchmark_group("lexicon");
    g.throughput(Throughput::Elements(sentences.len() as u64));
    let claims = ClaimLexicon::builtin();
    let evidence = EvidenceLexicon::builtin();
    g.bench_function("score_sentence", |b| {
        b.iter(|| {
            for s in &sentences {
                black_box(score_sentence(s, claims));
            }
        })
    });
    g.bench_function("find_absence", |b| {
        b.iter(|| {
            for s in &sentences {
                black_box(find_absence(s, evidence));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("rule");
    g.throughput(Throughput::Bytes(text.len() as u64));
    for rule in RULES {
        let options = rule.default_options();
        let cx = Context {
            today: jiff::civil::date(2026, 11, 24),
            options: &*options,
            profile: citelint::profile::get(citelint::profile::DEFAULT_PROFILE).expect("profile"),
            lexicons: &citelint::checks::packs::Lexicons::default(),
        };
        g.bench_function(rule.id, |b| b.iter(|| (rule.check)(black_box(&doc), &cx)));
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
    targets = parts
}
criterion_main!(benches);
