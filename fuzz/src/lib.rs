//! Shared body of the fuzz targets: parse, run every rule, render every format, and check
//! that every span the pipeline produced lies on char boundaries inside the file.

use citelint::config::{CliOverrides, Config, Settings};
use citelint::diagnostic::FileReport;
use citelint::document::{Document, Format};
use citelint::render;

/// A fixed date so runs are reproducible.
pub fn cli() -> CliOverrides {
    CliOverrides {
        today: Some(jiff::civil::date(2025, 6, 1)),
        ..CliOverrides::default()
    }
}

/// Default settings (the medical profile, every rule it enables) for `path`.
pub fn settings(path: &str) -> Settings {
    Config::default().settings_for(path, &cli())
}

fn span_ok(text: &str, s: &std::ops::Range<usize>) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

/// Assert the document model's spans are sane.
pub fn check_document(doc: &Document) {
    let t = &doc.text;
    for b in &doc.blocks {
        assert!(span_ok(t, &b.span), "block span {:?}", b.span);
    }
    for s in &doc.sentences {
        assert!(span_ok(t, &s.span), "sentence span {:?}", s.span);
    }
    for c in &doc.citations {
        assert!(span_ok(t, &c.span), "citation span {:?}", c.span);
    }
    // references from a bibliography file point into that file
    for r in doc.references.iter().filter(|r| r.path.is_none()) {
        assert!(span_ok(t, &r.span), "reference span {:?}", r.span);
    }
}

/// Lint `text` as `format`, check spans, render everything.
pub fn lint_and_render(path: &str, text: &str, format: Format, settings: &Settings) {
    let doc = Document::parse(path, text.to_string(), format, &settings.parse);
    check_document(&doc);
    let report = citelint::lint_text(path, text.to_string(), format, settings);
    check_report(&report);
    render_all(std::slice::from_ref(&report));
}

/// Every diagnostic and same-file label span is on char boundaries inside the text.
pub fn check_report(r: &FileReport) {
    for d in &r.diagnostics {
        assert!(span_ok(&r.text, &d.span), "{} span {:?}", d.rule, d.span);
        for l in d.labels.iter().filter(|l| l.path.is_none()) {
            assert!(
                span_ok(&r.text, &l.span),
                "{} label span {:?}",
                d.rule,
                l.span
            );
        }
    }
}

/// Run every renderer.
pub fn render_all(reports: &[FileReport]) {
    let _ = render::human::render(reports, false);
    let _ = render::human::render(reports, true);
    let j = render::json::render(reports);
    assert!(j.starts_with('{'));
    let _ = render::json_lines::render(reports);
    let _ = render::sarif::render(reports);
    let _ = render::github::render(reports);
    let _ = render::junit::render(reports);
}
