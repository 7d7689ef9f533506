//! `--format junit`: JUnit XML for CI test reports. One `<testsuite>` per file, one
//! `<testcase>` per finding, each with a `<failure>`; a file without findings gets a single
//! passing test case so it still shows as checked. Suppressed findings are not shown.

use super::{End, Piece, Renderer, shown};
use crate::diagnostic::FileReport;
use crate::document::LineIndex;

/// Escape text for XML content and attribute values; drops characters XML 1.0 forbids.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Escape an attribute value: as text, plus line breaks as character references, which
/// attribute-value normalisation would otherwise turn into spaces.
pub fn escape_attr(s: &str) -> String {
    escape(s).replace('\n', "&#10;").replace('\r', "&#13;")
}

/// `--format junit`: one document over every report, kept until the end.
pub struct Junit;

impl Renderer for Junit {
    fn file(&self, r: FileReport) -> Piece {
        Piece::keep(r)
    }
    fn finish(&self, end: End) -> String {
        render(end.reports)
    }
}

pub fn render(reports: &[FileReport]) -> String {
    let mut body = String::new();
    let (mut tests, mut failures) = (0usize, 0usize);
    for r in reports {
        let lines = LineIndex::new(&r.text);
        let path = escape_attr(&r.path);
        let found: Vec<_> = shown(r).collect();
        let n = found.len().max(1);
        tests += n;
        failures += found.len();
        body.push_str(&format!(
            "  <testsuite name=\"{path}\" tests=\"{n}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n",
            found.len()
        ));
        if found.is_empty() {
            body.push_str(&format!(
                "    <testcase name=\"no findings\" classname=\"{path}\"/>\n"
            ));
        }
        for d in found {
            let p = lines.line_col(&r.text, d.span.start);
            let mut text = format!(
                "{}:{}:{}: {} [{}] {}",
                r.path,
                p.line,
                p.column,
                d.severity.as_str(),
                d.rule,
                d.message
            );
            for l in &d.labels {
                match &l.path {
                    Some(other) => text.push_str(&format!("\n  {other}: {}", l.message)),
                    None => {
                        let q = lines.line_col(&r.text, l.span.start);
                        text.push_str(&format!("\n  {}:{}: {}", q.line, q.column, l.message));
                    }
                }
            }
            if let Some(h) = &d.help {
                text.push_str(&format!("\n  help: {h}"));
            }
            body.push_str(&format!(
                "    <testcase name=\"{}\" classname=\"{path}\" file=\"{path}\" line=\"{}\">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>\n",
                escape_attr(&format!("{} at {}:{}", d.rule, p.line, p.column)),
                p.line,
                escape_attr(&d.message),
                d.severity.as_str(),
                escape(&text),
            ));
        }
        body.push_str("  </testsuite>\n");
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"citelint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">\n{body}</testsuites>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(render(&crate::render::sample_reports()));
    }

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>\u{1}"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;"
        );
    }
}
