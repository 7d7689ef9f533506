//! Pins the rendered human output (no colour) for a few fixtures.

use citelint::config::{CliOverrides, Config};
use citelint::document::Format;

fn human(path: &str, select: &[&str]) -> String {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let text = std::fs::read_to_string(&full).unwrap();
    let cli = CliOverrides {
        select: Some(select.iter().map(|s| s.to_string()).collect()),
        today: Some("2026-11-24".parse().unwrap()),
        ..CliOverrides::default()
    };
    let settings = Config::default().settings_for(path, &cli);
    let report = citelint::lint_text(path, text, Format::from_path(&full).unwrap(), &settings);
    citelint::render::human::render(&[report], false)
}

#[test]
fn unresolved_citation_human_output() {
    insta::assert_snapshot!(human(
        "fixtures/citations/unresolved.md",
        &["unresolved-citation"]
    ));
}

#[test]
fn seed_style_text_without_a_reference_list() {
    insta::assert_snapshot!(human(
        "fixtures/citations/no-reference-list.txt",
        &["unresolved-citation"]
    ));
}

#[test]
fn evidence_contradiction_human_output() {
    insta::assert_snapshot!(human(
        "fixtures/evidence/inline-reference.md",
        &["evidence-contradiction"]
    ));
}
