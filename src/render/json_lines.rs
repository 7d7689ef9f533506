//! `--format json-lines`: one JSON object per line, one line per shown finding, each the same
//! shape as a diagnostic object of `--format json`. No summary line; suppressed findings are
//! left out (they are in `--format json` and SARIF).

use super::{End, Piece, Renderer, shown};
use crate::diagnostic::FileReport;
use crate::document::LineIndex;

/// `--format json-lines`: one file's lines at a time.
pub struct JsonLines;

impl Renderer for JsonLines {
    fn file(&self, r: FileReport) -> Piece {
        Piece::of_file(&r, render)
    }
    fn finish(&self, _end: End) -> String {
        String::new()
    }
}

pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for r in reports {
        let lines = LineIndex::new(&r.text);
        for d in shown(r) {
            let v = super::json::diagnostic_value(r, &lines, d);
            out.push_str(&serde_json::to_string(&v).unwrap_or_default());
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot() {
        let out = render(&crate::render::sample_reports());
        for line in out.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert!(v["rule"].is_string() && v["start"]["line"].is_number());
        }
        insta::assert_snapshot!(out);
    }
}
