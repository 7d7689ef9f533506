//! `--format json`: the contract in DESIGN.md. One object: version, diagnostics (sorted by
//! path, offset, rule), suppressed findings with their reasons, and a summary.

use super::Summary;
use crate::diagnostic::{Diagnostic, FileReport};
use crate::document::LineIndex;
use serde_json::{Value, json};

pub fn diagnostic_value(r: &FileReport, lines: &LineIndex, d: &Diagnostic) -> Value {
    let lc = |at: usize| {
        let p = lines.line_col(&r.text, at);
        json!({"line": p.line, "column": p.column})
    };
    let mut o = json!({
        "path": r.path,
        "rule": d.rule,
        "severity": d.severity,
        "message": d.message,
        "span": {"start": d.span.start, "end": d.span.end},
        "start": lc(d.span.start),
        "end": lc(d.span.end),
        "labels": d.labels.iter().map(|l| {
            let mut v = json!({"span": {"start": l.span.start, "end": l.span.end}, "message": l.message});
            if let Some(p) = &l.path { v["path"] = json!(p); }
            v
        }).collect::<Vec<_>>(),
    });
    if let Some(h) = &d.help {
        o["help"] = json!(h);
    }
    if let Some(reason) = &d.suppressed {
        o["suppressed"] = json!({"reason": reason});
    }
    o
}

pub fn render(reports: &[FileReport]) -> String {
    let mut diags = Vec::new();
    let mut suppressed = Vec::new();
    for r in reports {
        let lines = LineIndex::new(&r.text);
        for d in &r.diagnostics {
            let v = diagnostic_value(r, &lines, d);
            if d.suppressed.is_some() {
                suppressed.push(v);
            } else {
                diags.push(v);
            }
        }
    }
    let out = json!({
        "version": 1,
        "diagnostics": diags,
        "suppressed": suppressed,
        "summary": Summary::of(reports),
    });
    let mut s = serde_json::to_string_pretty(&out).unwrap_or_default();
    s.push('\n');
    s
}
