//! Language server latency: diagnostics for a generated 5,000-word article after a one-line
//! edit (incremental `didChange` → lint → `publishDiagnostics`), in process.

use citelint::server::Server;
use criterion::{Criterion, criterion_group, criterion_main};
use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::json;
use std::hint::black_box;

const URI: &str = "untitled:bench.md";

/// A Markdown article of about `words` words: headings, cited and uncited claims, hedged
/// sentences, an absence-of-evidence statement, and a numbered reference list.
pub fn article(words: usize) -> String {
    let sentences = [
        "Vitamin D supplementation reduces the risk of hip fractures in older adults by 20% [{a}].",
        "Patients who took calcium as well saw fewer fractures over five years [{a}, {b}].",
        "Some researchers suggest that regular walking may help, although the data are mixed.",
        "Daily exercise lowers blood pressure by 5 mmHg in adults with hypertension.",
        "There is no evidence that vitamin D prevents falls in people living at home [{b}].",
        "In a trial of 2,000 participants, the intervention halved the rate of readmission [{a}].",
        "Clinicians often discuss these findings with their patients during routine visits.",
        "Green tea extract is associated with lower LDL cholesterol in several cohorts [{a}–{b}].",
    ];
    let refs = 40;
    // the reference list below adds about 17 words an entry
    let words = words.saturating_sub(refs * 17);
    let mut out = String::from(
        "---\ntitle: Bone health\nlast_reviewed: 2025-01-10\n---\n\n# Bone health in older adults\n\n",
    );
    let mut n = 0usize;
    let mut i = 0usize;
    while n < words {
        if i.is_multiple_of(40) {
            out.push_str(&format!("\n## Section {}\n\n", i / 40 + 1));
        }
        let a = i % refs + 1;
        let b = (i + 3) % refs + 1;
        let (a, b) = (a.min(b), a.max(b));
        let s = sentences[i % sentences.len()]
            .replace("{a}", &a.to_string())
            .replace("{b}", &b.to_string());
        n += s.split_whitespace().count();
        out.push_str(&s);
        out.push(if i % 4 == 3 { '\n' } else { ' ' });
        if i % 4 == 3 {
            out.push('\n');
        }
        i += 1;
    }
    out.push_str("\n## References\n\n");
    for r in 1..=refs {
        out.push_str(&format!(
            "{r}. Author{r} A, Writer B. A randomised trial of intervention {r} in older adults. J Bone Res. {}. doi:10.1000/jbr.{r}\n",
            2000 + r % 25
        ));
    }
    out
}

fn notify(s: &mut Server, method: &str, params: serde_json::Value) {
    s.handle(Message::Notification(Notification::new(
        method.to_string(),
        params,
    )));
}

fn bench(c: &mut Criterion) {
    let text = article(5000);
    let words = text.split_whitespace().count();
    let mut s = Server::new();
    s.handle(Message::Request(Request::new(
        RequestId::from(1),
        "initialize".to_string(),
        json!({"capabilities": {}}),
    )));
    notify(&mut s, "initialized", json!({}));
    notify(
        &mut s,
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "markdown", "version": 1, "text": text}}),
    );
    s.flush();
    let published = s.take_output();
    let line = text
        .lines()
        .position(|l| l.starts_with("Daily exercise"))
        .unwrap_or(20) as u32;
    let mut version: u32 = 1;
    let mut diags = 0;
    c.bench_function(
        &format!("lsp: one-line edit → diagnostics, {words}-word article"),
        |b| {
            b.iter(|| {
                version += 1;
                // retype the line's first word: a one-line incremental edit
                let word = if version.is_multiple_of(2) {
                    "Weekly"
                } else {
                    "Daily"
                };
                let old_len = if version.is_multiple_of(2) { 5 } else { 6 };
                notify(
                    &mut s,
                    "textDocument/didChange",
                    json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [
                        {"range": {"start": {"line": line, "character": 0},
                                   "end": {"line": line, "character": old_len}}, "text": word}
                    ]}),
                );
                s.flush();
                let out = s.take_output();
                diags = black_box(out).len();
            })
        },
    );
    assert_eq!(diags, 1, "one publishDiagnostics per edit");
    assert!(!published.is_empty());
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench
}
criterion_main!(benches);
