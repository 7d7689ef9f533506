//! Every file in `tests/regressions/` is an input that once crashed citelint (most found by the
//! fuzz targets in `fuzz/`). Each is linted as Markdown, text and HTML through the byte path
//! (`lint_bytes`), every renderer runs, and the result must be sane: no panic, every span on
//! char boundaries inside the text. A crasher of a parser that does not read articles is named
//! after its fuzz target (`config-…`, `bibtex-…`, `csl_json-…`, `csl_yaml-…`, `rule_packs-…`,
//! `retractions-…`)
//! and goes to that parser only; a hang counts too (`bibtex-string-macro-loop.bib` once
//! expanded for hours).

use citelint::config::{CliOverrides, Config};
use citelint::diagnostic::FileReport;
use citelint::document::Format;
use citelint::render;

fn sane(r: &FileReport) {
    let ok = |s: &std::ops::Range<usize>| {
        s.start <= s.end
            && s.end <= r.text.len()
            && r.text.is_char_boundary(s.start)
            && r.text.is_char_boundary(s.end)
    };
    for d in &r.diagnostics {
        assert!(ok(&d.span), "{}: {} span {:?}", r.path, d.rule, d.span);
        for l in d.labels.iter().filter(|l| l.path.is_none()) {
            assert!(ok(&l.span), "{}: {} label {:?}", r.path, d.rule, l.span);
        }
    }
}

#[test]
fn regressions_lint_without_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    entries.sort();
    let cli = CliOverrides {
        today: Some(jiff::civil::date(2025, 6, 1)),
        ..CliOverrides::default()
    };
    let config = Config::default();
    for p in &entries {
        let bytes = std::fs::read(p).unwrap();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        // a crasher of a config, bibliography or rule-pack parser is named after its fuzz
        // target; anything else is an article
        let text = String::from_utf8_lossy(&bytes);
        let target = name.split_once('-').map_or("", |(t, _)| t);
        match target {
            "config" => {
                let _ = Config::parse(&name, &text);
                continue;
            }
            "bibtex" => {
                if let Err((_, at)) = citelint::document::bibtex::parse(&text) {
                    assert!(at.start <= at.end && at.end <= text.len(), "{name}: {at:?}");
                }
                continue;
            }
            "bibliography" | "csl_json" => {
                let _ = citelint::document::bibliography::parse_csl(&text);
                continue;
            }
            "csl_yaml" => {
                let _ = citelint::document::bibliography::parse_csl_yaml(&text);
                continue;
            }
            "retractions" => {
                // the fuzz target's first byte picks CSV (even) or a DOI a line (odd)
                if let Some((&pick, rest)) = bytes.split_first() {
                    let mut r = citelint::checks::sources::retractions::Retractions::default();
                    if let Err(e) = r.read(rest, &name, pick % 2 == 0) {
                        assert!(e.contains(&name), "{e}");
                    }
                }
                continue;
            }
            "rule_packs" => {
                let _ = citelint::checks::packs::parse_pack(&text);
                continue;
            }
            _ => {}
        }
        for (file, format) in [
            ("a.md", Format::Markdown),
            ("a.txt", Format::Text),
            ("a.html", Format::Html),
        ] {
            let settings = config.settings_for(file, &cli);
            let r = citelint::lint_bytes(&name, bytes.clone(), format, &settings);
            sane(&r);
            let reports = [r];
            let _ = render::human::render(&reports, false);
            let _ = render::json::render(&reports);
            let _ = render::json_lines::render(&reports);
            let _ = render::sarif::render(&reports);
            let _ = render::github::render(&reports);
            let _ = render::junit::render(&reports);
        }
    }
}
