//! # missing-disclaimer
//!
//! **What it catches:** a health article with no disclaimer: no section whose heading names
//! one ("Disclaimer", "Professional Medical Disclaimer", "Medical Disclaimer") and no sentence
//! with one of the profile's disclaimer phrases ("not a substitute for professional medical
//! advice", "for educational purposes only", "for informational purposes only", …).
//!
//! **Why it matters:** readers of health content must be told that it does not replace a
//! clinician's advice; publishers of medical content are expected to say so on every page.
//!
//! **Where it looks:** section headings (words of `disclaimer-headings` in the title), the prose
//! of every block (the phrases, and a paragraph that introduces its disclaimer in words:
//! "Disclaimer: …", "A disclaimer is in order: …"), in a reference section only a paragraph
//! that introduces itself so ("**Medical disclaimer:** …" in a `:::disclaimer` block closing
//! the page; a source's excerpt or title is the source speaking), HTML `<meta
//! name="disclaimer">` / JSON-LD `disclaimer`, and an HTML block the page marks as its
//! disclaimer by its class or id (`<div class="disclaimer">`, `<aside
//! id="medical-disclaimer">`), shown, when its own text reads as one (it speaks of medical
//! or clinical advice, a doctor, a diagnosis or treatment: not a cookie banner's or an
//! affiliate note's "disclaimer"). The finding points at the article's title (or its start): it is
//! about the whole document.
//!
//! **Example:** an article about statins with a References list and no disclaimer section
//! reports "the article has no disclaimer".
//!
//! A research manuscript (Methods and Results, or one of them and a Discussion; a proposal's
//! Research Methodology and Research Questions) is not asked for one: it is written for a
//! journal, not for patients. Nor is a repository's README (a project's or a dataset's
//! documentation), or an R Markdown or Quarto file rendered to a document rather than a web
//! page (`output: pdf_document`, `word_document`, `md_document`, `format: docx`, …), or a
//! part of a Manubot manuscript (cited with `[@doi:…]`, `[@tag:…]` keys), or a part another
//! file includes (`{{< include _intro.qmd >}}`, `#| child: 02-methods.qmd`: the main file is
//! the page), or a file of a Quarto manuscript project (`project: type: manuscript`).
//!
//! **Options:** `headings` and `phrases` (lists of strings) add to the profile's
//! `disclaimer-headings` and `disclaimer-phrases`. The `medical` profile requires a
//! disclaimer (`require-disclaimer = true`); `general` does not run the rule.

use crate::checks::{Context, Reads, Rule, RuleOption, parse_options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::metadata::contains_words;
use crate::document::{BlockKind, Document, Role};

pub static RULE: Rule = Rule {
    id: "missing-disclaimer",
    family: "metadata",
    summary: "no disclaimer where the profile requires one",
    source: include_str!("missing_disclaimer.rs"),
    default_severity: Severity::Warning,
    reads: Reads::METADATA,
    parse_options: parse_options::<Options>,
    options: &[
        RuleOption {
            name: "headings",
            kind: "list of strings",
            help: "extra section titles that count as a disclaimer",
        },
        RuleOption {
            name: "phrases",
            kind: "list of strings",
            help: "extra phrases that count as a disclaimer",
        },
    ],
    check,
};

/// `[rules.missing-disclaimer]`: each adds to the profile's list.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    #[serde(default)]
    headings: Vec<String>,
    #[serde(default)]
    phrases: Vec<String>,
}

/// Where a whole-document finding points: the first heading, else the first block.
pub fn document_anchor(doc: &Document) -> std::ops::Range<usize> {
    doc.sections
        .first()
        .map(|s| s.heading.clone())
        .or_else(|| doc.blocks.first().map(|b| b.span.clone()))
        .unwrap_or(0..0)
}

/// Does the document carry a disclaimer? The span of the first one found.
pub fn find_disclaimer(doc: &Document, cx: &Context) -> Option<std::ops::Range<usize>> {
    let o = cx.options::<Options>();
    let profile = &cx.profile.metadata;
    let mut headings = profile.disclaimer_headings.clone();
    headings.extend(o.headings.iter().cloned());
    if headings.is_empty() {
        headings.push("disclaimer".into());
    }
    let mut phrases = profile.disclaimer_phrases.clone();
    phrases.extend(o.phrases.iter().cloned());
    for sec in &doc.sections {
        let title = sec.title.to_lowercase();
        if headings
            .iter()
            .any(|h| contains_words(&title, &h.to_lowercase()))
        {
            return Some(sec.heading.clone());
        }
    }
    if doc
        .metadata
        .iter()
        .any(|m| m.name.eq_ignore_ascii_case("disclaimer") && !m.value.is_empty())
    {
        return doc
            .metadata
            .iter()
            .find(|m| m.name.eq_ignore_ascii_case("disclaimer"))
            .map(|m| m.span.clone());
    }
    for b in &doc.blocks {
        // a paragraph of a reference section (a `:::disclaimer` block closing the page under
        // its References) counts only when it calls itself a disclaimer: the others are the
        // sources' own words (an excerpt, a footnote, an entry's title)
        if b.role == Role::Reference && b.kind == BlockKind::Paragraph {
            let t = b.text.to_lowercase();
            if let Some(i) = introduces_disclaimer(&t) {
                return Some(b.map.range(i..i + "disclaimer".len()));
            }
            continue;
        }
        if b.role != Role::Prose {
            continue;
        }
        let t = b.text.to_lowercase();
        for p in &phrases {
            if let Some(i) = t.find(&p.to_lowercase()) {
                return Some(b.map.range(i..i + p.len()));
            }
        }
        if let Some(i) = introduces_disclaimer(&t) {
            return Some(b.map.range(i..i + "disclaimer".len()));
        }
    }
    None
}

/// Where a paragraph introduces its own disclaimer in words ("Disclaimer: …", "**Medical
/// disclaimer** - …", "A disclaimer is, therefore, in order: …"): the word "disclaimer"
/// followed, within a few words, by the colon or dash that opens it. Lower-case text.
fn introduces_disclaimer(t: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = t[from..].find("disclaimer") {
        let at = from + k;
        from = at + "disclaimer".len();
        let word_start = at == 0 || !t[..at].ends_with(|c: char| c.is_alphanumeric());
        let before = t[..at].trim_end_matches(|c: char| !c.is_alphanumeric());
        if !word_start || before.ends_with("no") || before.ends_with("without") {
            continue;
        }
        let rest = t[from..].trim_start_matches('s');
        let window: String = rest.chars().take(40).collect();
        let opens = window
            .find([':', '—', '–'])
            .or_else(|| window.find(" - "))
            .is_some_and(|e| !window[..e].contains(['.', ';']));
        if opens {
            return Some(at);
        }
    }
    None
}

fn check(doc: &Document, cx: &Context) -> Vec<Diagnostic> {
    if !cx.profile.metadata.require_disclaimer
        || doc.blocks.is_empty()
        || super::not_a_health_page(doc, cx)
    {
        return Vec::new();
    }
    if find_disclaimer(doc, cx).is_some() {
        return Vec::new();
    }
    vec![Diagnostic::new(
        RULE.id,
        document_anchor(doc),
        format!(
            "the article has no disclaimer (the {} profile requires one)",
            cx.profile.name
        ),
    )
    .help("add a \"Disclaimer\" section, e.g. \"This article is for informational purposes only and is not a substitute for professional medical advice.\"")]
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run;

    #[test]
    fn heading_or_phrase_satisfies_it() {
        assert!(
            run(
                "missing-disclaimer",
                "# Salt\n\nSalt raises blood pressure.\n\n## Medical Disclaimer\n\nAsk a doctor.\n",
                "a.md"
            )
            .is_empty()
        );
        assert!(run(
            "missing-disclaimer",
            "# Salt\n\nSalt raises blood pressure. This page is for informational purposes only.\n",
            "a.md"
        )
        .is_empty());
        let d = run(
            "missing-disclaimer",
            "# Salt\n\nSalt raises blood pressure.\n",
            "a.md",
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].span, 0..6);
    }

    #[test]
    fn a_paragraph_that_introduces_its_disclaimer_satisfies_it() {
        for text in [
            "A disclaimer is, therefore, in order: what I write may be wrong.",
            "**Disclaimer:** I am not a doctor.",
            "Medical disclaimers - the author is a student.",
        ] {
            let doc = format!("# Salt\n\nSalt raises blood pressure.\n\n{text}\n");
            assert!(run("missing-disclaimer", &doc, "a.md").is_empty(), "{text}");
        }
        // the word alone, or a page that says it has none, is no disclaimer
        for text in [
            "This page has no disclaimer: ask a doctor anyway.",
            "Writing a disclaimer takes time. Later: more on salt.",
            "Our disclaimer policy changed last year.",
        ] {
            let doc = format!("# Salt\n\nSalt raises blood pressure.\n\n{text}\n");
            assert_eq!(run("missing-disclaimer", &doc, "a.md").len(), 1, "{text}");
        }
    }

    #[test]
    fn an_html_block_marked_as_the_disclaimer_satisfies_it_when_it_holds_words() {
        let page = |block: &str| {
            format!(
                "<html><body><h1>Salt</h1><p>Salt raises blood pressure in most adults.</p>{block}</body></html>"
            )
        };
        let with_words = page(
            "<aside id=\"medical-disclaimer\"><b>Note.</b> Ask your own clinician before changing your diet.</aside>",
        );
        assert!(run("missing-disclaimer", &with_words, "a.html").is_empty());
        // an empty styling hook (the text after it is not its own), a hidden one, a class
        // that only contains the word, a cookie banner's or an affiliate note's "disclaimer"
        for block in [
            "<div class=\"disclaimer\"></div><p>Salt is in bread, cheese and most soups, say doctors.</p>",
            "<div class=\"disclaimer\" style=\"display: none\">Ask your doctor before any change.</div>",
            "<div class=\"disclaimers-hidden\"><p>Salt is in bread, cheese and most soups.</p></div>",
            "<div id=\"cookie-disclaimer\">This website uses cookies to improve your experience.</div>",
            "<div class=\"affiliate-disclaimer\">If you buy through links on this page, we may earn a commission.</div>",
        ] {
            assert_eq!(
                run("missing-disclaimer", &page(block), "a.html").len(),
                1,
                "{block}"
            );
        }
    }

    #[test]
    fn general_profile_does_not_require_it() {
        let d = crate::checks::testing::run_with(
            "missing-disclaimer",
            "# Salt\n\nSalt raises blood pressure.\n",
            "a.md",
            "general",
            "2026-01-01",
        );
        assert!(d.is_empty());
    }
}
