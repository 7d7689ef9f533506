//! `--format json`: the contract in DESIGN.md. One object: version, diagnostics (sorted by
//! path, offset, rule), suppressed findings with their reasons, and a summary.

use super::{End, Piece, Renderer, Summary};
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

/// One file's findings as pretty-printed objects at the depth of the `diagnostics` array,
/// joined by `,\n`: (shown, how many), (suppressed, how many).
pub fn file_chunks(r: &FileReport) -> ((String, usize), (String, usize)) {
    let mut shown = (String::new(), 0);
    let mut suppressed = (String::new(), 0);
    if r.diagnostics.is_empty() {
        return (shown, suppressed);
    }
    let lines = LineIndex::new(&r.text);
    for d in &r.diagnostics {
        let v = diagnostic_value(r, &lines, d);
        let into = if d.suppressed.is_some() {
            &mut suppressed
        } else {
            &mut shown
        };
        if into.1 > 0 {
            into.0.push_str(",\n");
        }
        indent_into(
            &mut into.0,
            &serde_json::to_string_pretty(&v).unwrap_or_default(),
            "    ",
            true,
        );
        into.1 += 1;
    }
    (shown, suppressed)
}

/// Appends `pretty` with every line indented by `pad` (the first too when `first` is set).
fn indent_into(out: &mut String, pretty: &str, pad: &str, first: bool) {
    if first {
        out.push_str(pad);
    }
    // each line break followed by the pad (line breaks found with memchr: splitting at
    // '\n' a line at a time was a sixth of the JSON rendering)
    let mut at = 0;
    for nl in memchr::memchr_iter(b'\n', pretty.as_bytes()) {
        out.push_str(&pretty[at..=nl]);
        out.push_str(pad);
        at = nl + 1;
    }
    out.push_str(&pretty[at..]);
}

/// The opening of the document, up to the first diagnostic.
pub const HEAD: &str = "{\n  \"diagnostics\": [";

/// Between the chunks of the `diagnostics` array: nothing before the first.
pub fn separator(first: bool) -> &'static str {
    if first { "\n" } else { ",\n" }
}

/// The rest of the document after the last diagnostic chunk: the summary, the suppressed
/// findings (chunks as [`file_chunks`] gives them) and the version. Keys in the order
/// serde_json writes them (sorted), so the streamed output equals a whole-value rendering.
pub fn tail(any_shown: bool, summary: &Summary, suppressed: &[String]) -> String {
    let mut out = String::new();
    out.push_str(if any_shown { "\n  ],\n" } else { "],\n" });
    out.push_str("  \"summary\": ");
    indent_into(
        &mut out,
        // through a Value: keys sorted, as in a whole-value rendering
        &serde_json::to_value(summary)
            .and_then(|v| serde_json::to_string_pretty(&v))
            .unwrap_or_default(),
        "  ",
        false,
    );
    out.push_str(",\n  \"suppressed\": [");
    let parts: Vec<&String> = suppressed.iter().filter(|s| !s.is_empty()).collect();
    if parts.is_empty() {
        out.push(']');
    } else {
        for (i, p) in parts.iter().enumerate() {
            out.push_str(separator(i == 0));
            out.push_str(p);
        }
        out.push_str("\n  ]");
    }
    out.push_str(",\n  \"version\": 1\n}\n");
    out
}

/// `--format json`.
pub struct Json;

impl Renderer for Json {
    fn begin(&self) -> String {
        HEAD.to_string()
    }
    fn file(&self, r: FileReport) -> Piece {
        let ((body, items), (suppressed, _)) = file_chunks(&r);
        Piece {
            body,
            items,
            suppressed,
            report: None,
        }
    }
    fn separator(&self, first: bool) -> &'static str {
        separator(first)
    }
    fn finish(&self, end: End) -> String {
        tail(end.any, end.summary, end.suppressed)
    }
}

/// The whole document for these reports: the streamed output (`super::stream`) at once.
pub fn render(reports: &[FileReport]) -> String {
    super::stream::render_all(&Json, reports)
}

#[cfg(test)]
mod tests {
    /// `indent_into` writes what it wrote a line at a time: the pad before every line but
    /// the first (and before that too when `first` is set).
    #[test]
    fn indent_into_pads_each_line() {
        for pretty in ["", "a", "a\nb", "\n", "a\n\nb\n", "{\n  \"x\": \"é\"\n}"] {
            for first in [false, true] {
                let mut want = String::from("x");
                for (i, line) in pretty.split('\n').enumerate() {
                    if i > 0 {
                        want.push('\n');
                    }
                    if i > 0 || first {
                        want.push_str("    ");
                    }
                    want.push_str(line);
                }
                let mut got = String::from("x");
                super::indent_into(&mut got, pretty, "    ", first);
                assert_eq!(got, want, "{pretty:?} {first}");
            }
        }
    }
}
