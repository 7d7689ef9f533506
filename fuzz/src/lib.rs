//! Shared body of the fuzz targets.
//!
//! The per-parser targets (`markdown`, `text`, `html`, `citations`, `front_matter`, `bibtex`,
//! `csl_json`, `csl_yaml`, `config`, `rule_packs`) only parse and check that every span the
//! parser produced lies on char boundaries inside its input and that every index points at
//! something: cheap enough for thousands of inputs a second. `end_to_end` runs the whole
//! pipeline (byte decoding, every rule, every renderer) on each input.

use citelint::config::{CliOverrides, Config, Settings};
use citelint::diagnostic::FileReport;
use citelint::document::bibliography::CslItem;
use citelint::document::front_matter::FrontMatter;
use citelint::document::{Document, Format, ParseOptions};
use citelint::render;
use std::ops::Range;

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

/// Is `s` a range on char boundaries inside `text`?
pub fn span_ok(text: &str, s: &Range<usize>) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

/// Parse `text` as `format` with every part of the model built (sentences, metadata) and no
/// file read, and check the model. Nothing else runs: no rule, no renderer.
pub fn parse_and_check(path: &str, text: &str, format: Format) -> Document {
    let opts = ParseOptions::default();
    let doc = Document::parse(path, text.to_string(), format, &opts);
    assert_eq!(doc.text, text, "the parser changed the text");
    check_document(&doc);
    doc
}

/// The front matter's spans: inside the text, body within the block, keys within the body.
pub fn check_front_matter(text: &str, fm: &FrontMatter) {
    assert!(span_ok(text, &fm.span), "front matter span {:?}", fm.span);
    assert!(span_ok(text, &fm.body), "front matter body {:?}", fm.body);
    assert!(
        fm.span.start <= fm.body.start && fm.body.end <= fm.span.end,
        "front matter body {:?} outside its block {:?}",
        fm.body,
        fm.span
    );
    assert!(
        fm.value.is_none() || fm.error.is_none(),
        "front matter with both a value and an error"
    );
    for k in &fm.keys {
        assert!(span_ok(text, &k.key_span), "key span {:?}", k.key_span);
        assert!(
            span_ok(text, &k.value_span),
            "value span {:?}",
            k.value_span
        );
        assert!(
            fm.body.start <= k.key_span.start && k.key_span.end <= fm.body.end,
            "key {:?} outside the body {:?}",
            k.key_span,
            fm.body
        );
        assert!(fm.key(&k.name).is_some());
    }
}

/// Assert the document model's spans are sane and its indices point at something.
pub fn check_document(doc: &Document) {
    let t = &doc.text;
    for b in &doc.blocks {
        assert!(span_ok(t, &b.span), "block span {:?}", b.span);
        if let Some(s) = b.section {
            assert!(s < doc.sections.len(), "block section {s}");
        }
        if let Some((_, r)) = &b.number {
            assert!(span_ok(t, r), "list number span {r:?}");
        }
    }
    for s in &doc.sentences {
        assert!(span_ok(t, &s.span), "sentence span {:?}", s.span);
        let b = doc.blocks.get(s.block).expect("sentence block");
        assert!(
            span_ok(&b.text, &s.text_range),
            "sentence text range {:?} in a block text of {} bytes",
            s.text_range,
            b.text.len()
        );
        for &c in &s.citations {
            assert!(c < doc.citations.len(), "sentence citation {c}");
        }
    }
    for c in &doc.citations {
        assert!(span_ok(t, &c.span), "citation span {:?}", c.span);
        for tg in &c.targets {
            assert!(span_ok(t, &tg.span), "target span {:?}", tg.span);
            if let Some(r) = tg.resolved {
                assert!(r < doc.references.len(), "target resolves to {r}");
            }
        }
        if let Some(l) = c.list {
            assert!(l < doc.lists.len(), "citation list {l}");
        }
    }
    for l in &doc.lists {
        assert!(span_ok(t, &l.span), "list span {:?}", l.span);
        assert!(span_ok(t, &l.scope), "list scope {:?}", l.scope);
        if let Some(h) = &l.heading {
            assert!(span_ok(t, h), "list heading {h:?}");
        }
        for &e in &l.entries {
            assert!(e < doc.references.len(), "list entry {e}");
        }
    }
    for r in &doc.references {
        assert!(r.list < doc.lists.len(), "reference list {}", r.list);
        // references from a bibliography file point into that file
        if r.path.is_none() {
            assert!(span_ok(t, &r.span), "reference span {:?}", r.span);
            assert!(
                span_ok(t, &r.key_span),
                "reference key span {:?}",
                r.key_span
            );
        }
    }
    for (i, s) in doc.sections.iter().enumerate() {
        assert!(span_ok(t, &s.span), "section span {:?}", s.span);
        assert!(span_ok(t, &s.heading), "section heading {:?}", s.heading);
        if let Some(p) = s.parent {
            assert!(p < i, "section {i} has parent {p}");
        }
    }
    for m in &doc.metadata {
        assert!(span_ok(t, &m.span), "metadata {} span {:?}", m.name, m.span);
    }
    for r in doc.comments.iter().chain(&doc.code).chain(&doc.traces) {
        assert!(span_ok(t, r), "comment, code or trace span {r:?}");
    }
    // `code` is sorted without overlaps: `in_code` binary-searches it
    for w in doc.code.windows(2) {
        assert!(
            w[0].end < w[1].start,
            "code ranges {:?} and {:?}",
            w[0],
            w[1]
        );
    }
    for (_, r) in doc.footnote_defs.iter().chain(&doc.link_defs) {
        assert!(span_ok(t, r), "definition span {r:?}");
    }
    if let Some(fm) = &doc.front_matter {
        check_front_matter(t, fm);
    }
    for d in &doc.problems {
        assert!(span_ok(t, &d.span), "{} span {:?}", d.rule, d.span);
    }
}

/// A bibliography parser's result: items whose fields can all be read, or a message.
pub fn check_items(r: Result<Vec<CslItem>, String>) {
    match r {
        Ok(items) => {
            for i in &items {
                let _ = (i.id.len(), &i.title, &i.abstract_text, &i.container, &i.ids);
            }
        }
        Err(e) => assert!(!e.is_empty(), "an error without a message"),
    }
}

/// The end-to-end path for one input: the byte path (binary, UTF-16, invalid UTF-8) through
/// every rule and renderer, then, for UTF-8, the text path with the model checked too.
pub fn end_to_end(path: &str, data: &[u8], format: Format) {
    let settings = settings(path);
    let r = citelint::lint_bytes(path, data.to_vec(), format, &settings);
    check_report(&r);
    render_all(std::slice::from_ref(&r));
    if let Ok(text) = std::str::from_utf8(data) {
        lint_and_render(path, text, format, &settings);
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
