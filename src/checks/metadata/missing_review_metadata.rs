//! # missing-review-metadata
//!
//! **What it catches:** a health article that does not say when it was last reviewed or
//! updated, or who reviewed it. The fields are read from every place articles keep them:
//! front matter (`lastReviewed`, `last_updated`, `dateModified`, `reviewed_by`, `reviewers`, …;
//! see `rules/metadata.toml` for the aliases), lines in the body ("Last updated: February 7,
//! 2025", "Reviewed/Revised Apr 2023", "Medically reviewed by Jane Roe, MD", a "The lead reviewers for … are:" list), HTML
//! `<meta>` tags and schema.org JSON-LD (`lastReviewed`, `reviewedBy`, `dateModified`).
//!
//! **Why it matters:** readers and regulators judge health content by how recently, and by
//! whom, it was checked. A board or committee named as reviewer, with no person, is reported
//! as such: it says who is accountable only in general terms.
//!
//! **Which fields are required** comes from the profile's `require` list: `review-date` (a
//! last-reviewed or last-updated date; when neither is given, the article's own date:
//! front-matter `date:`, schema.org `datePublished`, an HTML `<time datetime>`, a
//! `**Date:** 2026-01-31` line in the header block under the title) and `reviewer` (a named person). The `medical` profile
//! requires both; `general` does not run the rule.
//!
//! **Example:**
//! ```markdown
//! All articles are reviewed by our Medical Advisory Board.
//! ```
//! reports "the reviewer named is a group (\"Medical Advisory Board\"), not a person", and,
//! without any date, "the article does not say when it was last reviewed or updated".
//!
//! A research manuscript (Methods and Results, or one of them and a Discussion) is not asked for
//! them: its review is the journal's. Nor are a repository's README, an R Markdown or
//! Quarto file rendered to a document, a Manubot manuscript's parts, a part another file
//! includes and a Quarto manuscript project's files (see `missing-disclaimer`).
//!
//! **Options:** `require` (list of strings) replaces the profile's list.

use crate::checks::{Context, Reads, Rule, RuleOption, parse_options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::document::metadata::{
    LAST_REVIEWED, LAST_UPDATED, PUBLISHED, REVIEW_BOARD, REVIEWED_BY, is_person,
};
use crate::profile::Required;

pub static RULE: Rule = Rule {
    id: "missing-review-metadata",
    family: "metadata",
    summary: "a required field is absent: last updated/reviewed date, a named reviewer",
    source: include_str!("missing_review_metadata.rs"),
    default_severity: Severity::Warning,
    reads: Reads::METADATA,
    parse_options: parse_options::<Options>,
    options: &[RuleOption {
        name: "require",
        kind: "list of strings",
        help: "fields to require: \"review-date\", \"reviewer\"",
    }],
    check,
};

/// `[rules.missing-review-metadata]`: `require` replaces the profile's list.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    require: Option<Vec<Required>>,
}

fn check(doc: &Document, cx: &Context) -> Vec<Diagnostic> {
    let o = cx.options::<Options>();
    let require = o.require.as_ref().unwrap_or(&cx.profile.metadata.require);
    if doc.blocks.is_empty() || super::not_a_health_page(doc, cx) {
        return Vec::new();
    }
    let anchor = super::missing_disclaimer::document_anchor(doc);
    let mut out = Vec::new();
    let profile = &cx.profile.name;
    if require.contains(&Required::ReviewDate)
        && !doc.metadata.iter().any(|m| {
            (m.name == LAST_REVIEWED || m.name == LAST_UPDATED || m.name == PUBLISHED)
                && !m.value.is_empty()
        })
    {
        out.push(
            Diagnostic::new(
                RULE.id,
                anchor.clone(),
                format!("the article does not say when it was last reviewed or updated (the {profile} profile requires a date)"),
            )
            .help("add a `last_reviewed: YYYY-MM-DD` front-matter field or a \"Last reviewed: <date>\" line"),
        );
    }
    if require.contains(&Required::Reviewer) {
        let person = doc
            .metadata
            .iter()
            .any(|m| m.name == REVIEWED_BY && is_person(&m.value));
        if !person {
            let board = doc
                .metadata
                .iter()
                .find(|m| m.name == REVIEW_BOARD)
                .or_else(|| {
                    doc.metadata
                        .iter()
                        .find(|m| m.name == REVIEWED_BY && !m.value.is_empty())
                });
            let d = match board {
                Some(b) => Diagnostic::new(
                    RULE.id,
                    b.span.clone(),
                    format!(
                        "the reviewer named is a group (\"{}\"), not a person; the {profile} profile requires a named reviewer",
                        b.value
                    ),
                )
                .help("name the person who reviewed the article (\"Medically reviewed by <name>, <credential>\"), or list the board's reviewers"),
                None => Diagnostic::new(
                    RULE.id,
                    anchor.clone(),
                    format!("the article names no reviewer (the {profile} profile requires one)"),
                )
                .help("add a `reviewed_by:` front-matter field or a \"Medically reviewed by <name>, <credential>\" line"),
            };
            out.push(d);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run;
    const R: &str = "missing-review-metadata";

    #[test]
    fn complete_metadata_passes() {
        let t = "---\nlast_reviewed: 2026-06-01\nreviewed_by: Ana Li, MD\n---\n# Salt\n\nText.\n";
        assert!(run(R, t, "a.md").is_empty());
        let t = "# Salt\n\nLast updated: June 1, 2026\n\nMedically reviewed by Ana Li, MD\n";
        assert!(run(R, t, "a.md").is_empty());
    }

    #[test]
    fn missing_date_and_reviewer() {
        let d = run(R, "# Salt\n\nText.\n", "a.md");
        assert_eq!(d.len(), 2);
        assert!(d[0].message.contains("last reviewed or updated"));
        assert!(d[1].message.contains("names no reviewer"));
    }

    #[test]
    fn board_without_person() {
        let t = "# Salt\n\nUpdated: 2026-06-01\n\nAll articles are reviewed by our Medical Advisory Board.\n";
        let d = run(R, t, "a.md");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("\"Medical Advisory Board\""));
        assert_eq!(&t[d[0].span.clone()], "Medical Advisory Board");
    }
}
