//! The metadata family: disclaimers, review dates, reviewers, review status and AI disclosure.

pub mod missing_ai_disclosure;
pub mod missing_disclaimer;
pub mod missing_review_metadata;
pub mod review_pending;
pub mod stale_review;

use crate::document::metadata::{contains_words, pack};
use jiff::civil::Date;

/// Is the document a research manuscript: two of its parts, a Methods or Results section
/// (`[sections] manuscript` in `rules/claims.toml`) and another of those or a Discussion (one
/// "Methodology" section is also how a decision aid explains itself; headings in a block
/// quote are not its own)? A manuscript is
/// reviewed by its journal and carries neither a reader's disclaimer nor a "medically
/// reviewed by" line.
pub fn is_manuscript(doc: &crate::document::Document, cx: &crate::checks::Context) -> bool {
    reports_its_own_work(doc, cx.lexicons.claims())
}

/// [`is_manuscript`], given the claims lexicon.
pub fn reports_its_own_work(
    doc: &crate::document::Document,
    lex: &crate::checks::claims::engine::ClaimLexicon,
) -> bool {
    let own = doc
        .own_sections()
        .filter(|s| lex.marks_manuscript(&s.title))
        .count();
    let discussion = doc.own_sections().any(|s| lex.discusses_findings(&s.title));
    own >= 2 || (own == 1 && discussion)
}

/// Whether the document is something other than a page readers come to for health
/// information, and so is asked for neither a disclaimer nor review metadata, nor is its own
/// date held against it: a research manuscript (see [`is_manuscript`]), a repository's
/// README (the documentation of a project, a dataset or a tool), or an R Markdown or Quarto
/// file whose front matter renders it to a document (`output: pdf_document`,
/// `word_document`, `md_document`, `rticles::…`, `format: pdf` / `docx` / `typst`): a
/// manuscript, proposal, report or slides, not a web page (`html_document`, `gitbook`,
/// `blogdown`, `format: html` are pages); or a part of a Manubot manuscript (it cites with
/// Manubot's keys, `[@doi:…]`, `[@tag:…]`, beside a `citation-tags.tsv` or named as a
/// numbered part, `05.treat.md`); or a part another file includes (`#| child: 02-methods.qmd`,
/// `{{< include _intro.qmd >}}`): the main file's page or document is the one asked; or a
/// file of a Quarto manuscript project (`project: type: manuscript` in `_quarto.yml`).
pub fn not_a_health_page(doc: &crate::document::Document, cx: &crate::checks::Context) -> bool {
    doc.parent.is_some()
        || doc.quarto_project.as_deref() == Some("manuscript")
        || is_manuscript(doc, cx)
        || is_readme(&doc.path)
        || renders_to_document(doc)
        || is_manubot_part(doc)
}

/// A part of a Manubot manuscript: it cites with Manubot's keys and its folder holds the tag
/// map (`citation-tags.tsv`), or its name is a numbered part (`content/05.treat.md`).
fn is_manubot_part(doc: &crate::document::Document) -> bool {
    let numbered = std::path::Path::new(&doc.path)
        .file_name()
        .and_then(|s| s.to_str())
        .is_some_and(|n| {
            let b = n.as_bytes();
            b.len() > 3 && b[0].is_ascii_digit() && b[1].is_ascii_digit() && b[2] == b'.'
        });
    doc.lists
        .iter()
        .any(|l| l.kind == crate::document::ListKind::Manubot && (l.file.is_some() || numbered))
}

/// `README.md`, `readme.Rmd`, `README.es.md`.
fn is_readme(path: &str) -> bool {
    std::path::Path::new(path)
        .file_name()
        .and_then(|s| s.to_str())
        .and_then(|s| s.split('.').next())
        .is_some_and(|s| s.eq_ignore_ascii_case("readme"))
}

fn renders_to_document(doc: &crate::document::Document) -> bool {
    // R Markdown's formats (after any `pkg::`) and Quarto's that make a file, not a page
    const DOCUMENTS: &[&str] = &[
        "pdf_document",
        "pdf_document2",
        "word_document",
        "word_document2",
        "odt_document",
        "rtf_document",
        "md_document",
        "github_document",
        "pdf_book",
        "beamer_presentation",
        "ioslides_presentation",
        "slidy_presentation",
        "powerpoint_presentation",
        "apa6_pdf",
        "apa6_docx",
        "apa6_word",
        "pdf",
        "docx",
        "odt",
        "rtf",
        "typst",
        "beamer",
        "pptx",
        "gfm",
        "commonmark",
    ];
    // packages whose every format is a journal article
    const ARTICLE_PACKAGES: &[&str] = &["rticles", "papaja"];
    if !crate::document::is_literate(&doc.path) {
        return false;
    }
    let Some(value) = doc.front_matter.as_ref().and_then(|f| f.value.as_ref()) else {
        return false;
    };
    let is_document = |name: &str| {
        let (package, format) = name.rsplit_once("::").unwrap_or(("", name));
        ARTICLE_PACKAGES.contains(&package) || DOCUMENTS.contains(&format)
    };
    ["output", "format"].iter().any(|k| match value.get(k) {
        // a format's name, a list of them, or a map from names to their options
        Some(serde_json::Value::String(name)) => is_document(name),
        Some(serde_json::Value::Array(names)) => {
            names.iter().any(|n| n.as_str().is_some_and(is_document))
        }
        Some(serde_json::Value::Object(formats)) => formats.keys().any(|n| is_document(n)),
        _ => false,
    })
}

/// What a review status says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusKind {
    Approved,
    Pending,
    Unknown,
}

pub fn status_kind(value: &str) -> StatusKind {
    let v = value
        .trim()
        .trim_end_matches(['.', '!'])
        .to_lowercase()
        .replace(['_', '-'], " ");
    let r = &pack().review;
    if r.pending.contains(&v) {
        StatusKind::Pending
    } else if r.approved.contains(&v) {
        StatusKind::Approved
    } else if r.pending.iter().any(|p| contains_words(&v, p)) {
        StatusKind::Pending
    } else if r.approved.iter().any(|p| contains_words(&v, p)) && !v.contains("not ") {
        StatusKind::Approved
    } else {
        StatusKind::Unknown
    }
}

/// Days from `a` to `b` (positive when `b` is later).
pub fn days_between(a: Date, b: Date) -> i64 {
    day_number(b) - day_number(a)
}

fn day_number(d: Date) -> i64 {
    // days from civil (Howard Hinnant)
    let (y, m, d) = (d.year() as i64, d.month() as i64, d.day() as i64);
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, day: i8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn day_arithmetic() {
        assert_eq!(days_between(d(2025, 2, 7), d(2026, 11, 24)), 655);
        assert_eq!(days_between(d(2024, 2, 28), d(2024, 3, 1)), 2);
        assert_eq!(days_between(d(2026, 1, 1), d(2025, 12, 31)), -1);
    }

    use crate::checks::testing::run;

    #[test]
    fn only_health_pages_are_asked_for_a_disclaimer() {
        let body = "# Heat and health\n\nHeat waves raise hospital admissions.\n";
        assert_eq!(run("missing-disclaimer", body, "notes/heat.md").len(), 1);
        // a repository's README documents a project
        assert!(run("missing-disclaimer", body, "data/README.md").is_empty());
        assert!(run("missing-review-metadata", body, "readme.Rmd").is_empty());
        // an R Markdown or Quarto file rendered to a document, not to a web page
        for output in [
            "output: pdf_document",
            "output:\n  md_document:\n    variant: markdown_github",
            "format: docx",
        ] {
            let t = format!("---\ntitle: Heat\n{output}\n---\n{body}");
            assert!(
                run("missing-disclaimer", &t, "heat.Rmd").is_empty(),
                "{output}"
            );
        }
        // web pages: a blog's, a web book's, a site's, and an option naming a PDF
        for output in [
            "output: blogdown::html_page",
            "output: bookdown::gitbook",
            "output:\n  html_document:\n    toc: true",
            "format:\n  html:\n    other-links:\n      - href: heat.pdf",
        ] {
            let t = format!("---\ntitle: Heat\n{output}\n---\n{body}");
            assert_eq!(
                run("missing-disclaimer", &t, "heat.Rmd").len(),
                1,
                "{output}"
            );
        }
        assert!(run("missing-disclaimer", body, "README.es.md").is_empty());
        // (the same front matter in a Markdown file says nothing)
        let t = format!("---\ntitle: Heat\noutput: pdf_document\n---\n{body}");
        assert_eq!(run("missing-disclaimer", &t, "heat.md").len(), 1);
    }

    #[test]
    fn a_quoted_prompt_s_headings_do_not_make_a_manuscript() {
        let quoted = "# Report\n\n> ## Methods\n> Search.\n>\n> ## Results\n> Found.\n\nSalt raises blood pressure.\n";
        assert_eq!(run("missing-disclaimer", quoted, "a.md").len(), 1);
        let own = quoted.replace("> ", "").replace(">\n", "\n");
        assert!(run("missing-disclaimer", &own, "a.md").is_empty());
    }

    #[test]
    fn a_document_s_own_date_is_not_a_review_date() {
        let t = "---\ndate: 2020-01-01\noutput: word_document\n---\n# Heat\n\nHeat kills.\n";
        assert!(run("stale-review", t, "proposal.Rmd").is_empty());
        assert_eq!(run("stale-review", t, "proposal.md").len(), 1);
        // an explicit review date still counts
        let t = t.replace("date:", "last_reviewed:");
        assert_eq!(run("stale-review", &t, "proposal.Rmd").len(), 1);
    }

    #[test]
    fn a_reviewed_revised_label_dates_the_review() {
        let t = "# Migraine\n\nBy Ana Li, MD\n\nReviewed/Revised Apr 2023\n\nMigraine is common.\n";
        let d = run("stale-review", t, "a.md");
        assert_eq!(d.len(), 1);
        assert!(
            d[0].message
                .starts_with("the article was reviewed 2023-04-01"),
            "{}",
            d[0].message
        );
        assert_eq!(&t[d[0].span.clone()], "Apr 2023");
        let d = run("missing-review-metadata", t, "a.md");
        assert!(
            d.iter()
                .all(|d| !d.message.contains("when it was last reviewed")),
            "{d:?}"
        );
    }

    #[test]
    fn statuses() {
        assert_eq!(status_kind("Approved"), StatusKind::Approved);
        assert_eq!(status_kind("pending_review"), StatusKind::Pending);
        assert_eq!(status_kind("Under Review"), StatusKind::Pending);
        assert_eq!(status_kind("active"), StatusKind::Unknown);
    }
}
