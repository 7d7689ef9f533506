//! # missing-ai-disclosure
//!
//! **What it catches:** an article that shows signs of AI generation and says neither that AI
//! was used nor which person reviewed it. The signs:
//! - an assistant's notes or reasoning left in the text (what `assistant-artifact` finds:
//!   "I will search for relevant research papers instead", a reasoning trace);
//! - a statement that an AI produces the page's answers without saying this text is
//!   AI-generated ("Our Medical A.I. is used by …", "powered by AI");
//! - generator metadata naming an AI tool (`generator: ChatGPT`, `<meta name="generator"
//!   content="…">`) or a flag such as `ai_generated: true`.
//!
//! What counts as a disclosure: a sentence that says the text was generated, drafted or
//! written with AI ("This article was drafted with an AI system and reviewed by …", "AI
//! disclosure: …", "This page shows an AI chatbot's answer…"), a section headed "AI
//! disclosure" or "Use of AI", or an `ai_disclosure:`
//! field. What counts as review: a named person as reviewer (`reviewed_by: Jane Roe, MD`,
//! "Medically reviewed by Dr. Ana Li"); a board or team is not a person, and a "pending
//! review" banner or a pending review status means the review is not done, whoever is named.
//!
//! **Why it matters:** the EU AI Act, Article 50(4), applies from 2 August 2026: text
//! generated or manipulated by AI and published to inform the public on matters of public
//! interest must disclose that it was, unless a human reviewed it and a natural or legal
//! person holds editorial responsibility for it. Health information is such a matter. This is
//! a check that helps an editor see the question, not legal advice: whether the Act applies
//! to a page, and what it requires of it, is for the publisher and their counsel.
//!
//! **Example:** a page with "I will search for relevant research papers instead." and "Content
//! is pending human review", reviewed only "by our Medical Advisory Board", is reported at the
//! assistant's sentence.
//!
//! **Options:** none. The words live in `rules/metadata.toml` (`[ai]`); the assistant's
//! patterns in `rules/assistant.toml`.

use super::{StatusKind, status_kind};
use crate::checks::{Context, Lexicon, NoOptions, Reads, Rule, parse_options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::metadata::{
    AI_DISCLOSURE, AI_GENERATED, GENERATOR, REVIEW_STATUS, REVIEWED_BY, STATUS, contains_words,
    is_person, pack,
};
use crate::document::{Document, Role};
use crate::lexicon_regex::LexRegex as Regex;
use std::ops::Range;
use std::sync::OnceLock;

pub static RULE: Rule = Rule {
    id: "missing-ai-disclosure",
    family: "metadata",
    summary: "AI-generated text with neither a disclosure nor a named human reviewer (EU AI Act Art. 50(4))",
    source: include_str!("missing_ai_disclosure.rs"),
    default_severity: Severity::Warning,
    reads: Reads {
        text: false,
        sentences: true,
        metadata: true,
        references: false,
        lexicons: &[Lexicon::Assistant],
    },
    parse_options: parse_options::<NoOptions>,
    options: &[],
    check,
};

/// `[ai]` of `rules/metadata.toml`, compiled: disclosures and signs as one pattern each.
struct Patterns {
    disclosure: Option<Regex>,
    sign: Option<Regex>,
}

/// Both patterns.
#[cfg(test)]
pub(crate) fn regexes() -> impl Iterator<Item = &'static Regex> {
    let p = patterns();
    p.disclosure.iter().chain(&p.sign)
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let any = |list: &[String]| {
            (!list.is_empty()).then(|| {
                crate::lexicon_regex::compile(&crate::lexicon_patterns::ai_any(list))
                    .expect("rules/metadata.toml [ai] patterns compile")
            })
        };
        let ai = &pack().ai;
        Patterns {
            disclosure: any(&ai.disclosures),
            sign: any(&ai.signs),
        }
    })
}

/// A sign of AI generation: where, and what it is.
struct Sign {
    span: Range<usize>,
    what: String,
}

fn check(doc: &Document, cx: &Context) -> Vec<Diagnostic> {
    let p = patterns();
    if disclosed(doc, p) {
        return Vec::new();
    }
    // a named person reviewed it, and nothing says the review is still to come
    let banner = pending_banner(doc);
    let pending_status = doc.metadata.iter().find(|m| {
        (m.name == REVIEW_STATUS || m.name == STATUS)
            && status_kind(&m.value) == StatusKind::Pending
    });
    let reviewer = doc
        .metadata
        .iter()
        .find(|m| m.name == REVIEWED_BY && is_person(&m.value));
    if reviewer.is_some() && banner.is_none() && pending_status.is_none() {
        return Vec::new();
    }
    let mut signs = signs(doc, cx, p);
    if signs.is_empty() {
        return Vec::new();
    }
    signs.sort_by_key(|s| s.span.start);
    let first = signs.remove(0);
    let mut d = Diagnostic::new(
        RULE.id,
        first.span,
        format!(
            "the article shows signs of AI generation ({}) but says neither that AI was used nor which person reviewed it",
            first.what
        ),
    )
    .help("EU AI Act, Article 50(4): AI-generated text published to inform the public must say so, unless a person reviewed it and holds editorial responsibility; add a disclosure (\"This article was drafted with an AI system and reviewed by …\") or name the reviewer");
    for s in signs.into_iter().take(3) {
        d = d.label(s.span, format!("also a sign: {}", s.what));
    }
    if let Some(r) = reviewer {
        let why = match (&banner, pending_status) {
            (Some(b), _) => {
                d = d.label(
                    b.clone(),
                    "a \"pending review\" banner: the review is not done",
                );
                "the banner says the review is not done"
            }
            (None, Some(s)) => {
                d = d.label(
                    s.span.clone(),
                    format!("the review status is \"{}\"", s.value),
                );
                "the review status is pending"
            }
            (None, None) => "",
        };
        d = d.label(r.span.clone(), format!("a reviewer is named, but {why}"));
    } else if let Some(b) = banner {
        d = d.label(b, "a \"pending review\" banner is no review");
    }
    vec![d]
}

/// Does the article say that AI was used: a disclosure sentence, section or field?
fn disclosed(doc: &Document, p: &Patterns) -> bool {
    if doc
        .metadata
        .iter()
        .any(|m| m.name == AI_DISCLOSURE && !m.value.trim().is_empty())
    {
        return true;
    }
    let headings = &pack().ai.disclosure_headings;
    if doc.sections.iter().any(|s| {
        let t = crate::document::normalise_title(&s.title);
        headings.iter().any(|h| h.eq_ignore_ascii_case(&t))
    }) {
        return true;
    }
    let Some(re) = &p.disclosure else {
        return false;
    };
    doc.prose().any(|(_, b)| re.is_match(&b.text))
}

/// The first "pending review" banner in the prose.
fn pending_banner(doc: &Document) -> Option<Range<usize>> {
    let ac = &pack().banner_ac;
    doc.prose().find_map(|(_, b)| {
        ac.find_iter(b.text.as_str())
            .next()
            .map(|m| b.map.range(m.start()..m.end()))
    })
}

fn signs(doc: &Document, cx: &Context, p: &Patterns) -> Vec<Sign> {
    let mut out = Vec::new();
    let tools = &pack().ai.tools;
    for m in &doc.metadata {
        if m.name == GENERATOR {
            let v = m.value.to_lowercase();
            if tools.iter().any(|t| contains_words(&v, t)) {
                out.push(Sign {
                    span: m.span.clone(),
                    what: format!("generator metadata \"{}\"", m.value),
                });
            }
        } else if m.name == AI_GENERATED
            && matches!(m.value.trim().to_lowercase().as_str(), "true" | "yes" | "1")
        {
            out.push(Sign {
                span: m.span.clone(),
                what: format!("`{}: {}`", m.raw_key, m.value),
            });
        }
    }
    if let Some(re) = &p.sign {
        for (_, b) in doc.prose().filter(|(_, b)| b.role == Role::Prose) {
            if let Some(m) = re.find(&b.text) {
                out.push(Sign {
                    span: b.map.range(m.start()..m.end()),
                    what: format!("\u{201c}{}\u{201d}", m.as_str().trim()),
                });
            }
        }
    }
    // Gemini's citation markers, read as citations where its sources list is kept: the
    // form is the tool's own
    if let Some(c) = doc
        .citations
        .iter()
        .find(|c| crate::document::citations::is_gemini(&doc.text, c))
    {
        out.push(Sign {
            span: c.span.clone(),
            what: format!(
                "Gemini's citation marker \u{201c}{}\u{201d}",
                &doc.text[c.span.clone()]
            ),
        });
    }
    // an assistant's notes and reasoning, as `assistant-artifact` finds them
    for a in (crate::checks::content::assistant_artifact::RULE.check)(doc, cx) {
        let sentence = doc.sentences.iter().find(|s| {
            s.span.start <= a.span.start && a.span.start < s.span.end.max(s.span.start + 1)
        });
        // a chat tool's token is quoted itself, as a reader sees it
        if sentence.is_some_and(|s| {
            s.chat_tokens
                .iter()
                .any(|t| s.span.start + t.span.start == a.span.start)
        }) {
            let token =
                crate::checks::content::assistant_artifact::shown(&doc.text[a.span.clone()]);
            out.push(Sign {
                span: a.span,
                what: format!("a chat tool's token left in the text: \u{201c}{token}\u{201d}"),
            });
            continue;
        }
        // the plain text of the first sentence it covers (no markup, no line breaks)
        let words = sentence.map_or(&doc.text[a.span.clone()], |s| doc.sentence_text(s));
        let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
        let words: String = if words.chars().count() > 80 {
            format!("{}…", words.chars().take(80).collect::<String>().trim_end())
        } else {
            words.to_string()
        };
        out.push(Sign {
            span: a.span,
            what: format!("an assistant's words left in the text: \u{201c}{words}\u{201d}"),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run;
    const R: &str = "missing-ai-disclosure";
    const ARTIFACT: &str =
        "Zinc may shorten colds. I will search for relevant research papers instead.";

    fn article(extra: &str) -> String {
        format!("# Zinc and colds\n\n{ARTIFACT}\n\n{extra}\n")
    }

    #[test]
    fn signs_without_disclosure_or_reviewer_are_reported() {
        let t = article("");
        let d = run(R, &t, "a.md");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            &t[d[0].span.clone()],
            "I will search for relevant research papers instead."
        );
        assert!(d[0].help.as_deref().unwrap_or("").contains("Article 50(4)"));
    }

    #[test]
    fn a_disclosure_or_a_named_reviewer_is_enough() {
        for extra in [
            "This article was drafted with an AI system and checked by our editors.",
            "Medically reviewed by Jane Roe, MD on March 3, 2026.",
            "## AI disclosure\n\nWe use tools.",
        ] {
            let d = run(R, &article(extra), "a.md");
            assert!(d.is_empty(), "{extra}: {d:?}");
        }
    }

    #[test]
    fn a_board_or_a_pending_banner_is_no_review() {
        for extra in [
            "All articles are reviewed for accuracy by our Medical Advisory Board.",
            "Medically reviewed by Jane Roe, MD.\n\nThis content is pending human review.",
        ] {
            assert_eq!(run(R, &article(extra), "a.md").len(), 1, "{extra}");
        }
    }

    #[test]
    fn generator_metadata_and_ai_in_the_subject_matter() {
        let t = "---\ngenerator: ChatGPT 4o\n---\n# Zinc\n\nZinc may shorten colds [1].\n";
        assert_eq!(run(R, t, "a.md").len(), 1);
        let t = "---\ngenerator: Hugo 0.120\n---\n# AI in radiology\n\nAI tools can flag fractures; a language model drafted none of this page.\n";
        assert!(run(R, t, "a.md").is_empty());
    }

    #[test]
    fn a_chat_token_is_quoted_as_a_reader_sees_it() {
        let t = "# Zinc\n\nZinc lozenges shortened colds by a day in adults.\u{e200}cite\u{e202}turn0search1\u{e201}\n";
        let d = run(R, t, "a.md");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(
            d[0].message.contains(
                "(a chat tool's token left in the text: \u{201c}·cite·turn0search1·\u{201d})"
            ),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn gemini_markers_read_as_citations_are_still_a_sign() {
        let t = "# Zinc\n\nZinc lozenges shortened colds by a day in adults [cite: 1].\n\n**Sources:**\n1. [example.org](https://www.example.org/zinc)\n";
        let d = run(R, t, "a.md");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(
            d[0].message
                .contains("(Gemini's citation marker \u{201c}[cite: 1]\u{201d})"),
            "{}",
            d[0].message
        );
        assert_eq!(&t[d[0].span.clone()], "[cite: 1]");
    }
}
