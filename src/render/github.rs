//! `--format github`: GitHub Actions workflow commands, one per finding, which the runner turns
//! into annotations on the pull request's changed files:
//! `::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE`.
//! Warnings become `::warning`, infos `::notice`. Suppressed findings are not shown.

use super::{End, Piece, Renderer, shown};
use crate::diagnostic::{FileReport, Severity};
use crate::document::LineIndex;

/// Escape a command's message: `%`, CR and LF.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value: as data, plus `:` and `,`, which delimit properties.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// `--format github`: one file's lines at a time.
pub struct Github;

impl Renderer for Github {
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
        let file = escape_property(&r.path.replace('\\', "/"));
        for d in shown(r) {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let start = d.span.start.min(r.text.len());
            let a = lines.line_col(&r.text, start);
            let b = lines.line_col(&r.text, d.span.end.min(r.text.len()).max(start));
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(h);
            }
            out.push_str(&format!(
                "::{command} file={file},line={},col={},endLine={},endColumn={},title={}::{}\n",
                a.line,
                a.column,
                b.line,
                b.column,
                escape_property(d.rule),
                escape_data(&message),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(render(&crate::render::sample_reports()));
    }

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50%\r\nok: a,b"), "50%25%0D%0Aok: a,b");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
