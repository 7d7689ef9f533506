//! # review-pending
//!
//! **What it catches:** an article that says its review is not done:
//! - a review status other than approved (`review_status: draft`, JSON-LD
//!   `creativeWorkStatus: "Pending"`, a line "Review status: Under review"), or a generic
//!   `status:` whose value says the review is pending (`status: active` is not a review status
//!   and is left alone);
//! - a banner in the prose: "content is pending human review", "has not been reviewed", …;
//! - statements that contradict each other: a banner next to "All articles are reviewed for
//!   accuracy by our Medical Advisory Board", or next to an approved status. The finding is on
//!   the banner, with the contradicting statement as a secondary label.
//!
//! **Progress widgets:** scraped pages often carry a widget that lists every stage ("Article
//! Review Status / Submitted / Under Review / Approved"). Such a run of stage names after a
//! status label says nothing about the current stage, so it is ignored; a status label followed
//! by a single stage is read as the status.
//!
//! **Why it matters:** unreviewed health content should not be published as if it were
//! reviewed, and readers cannot trust a page that says both.
//!
//! **Example:** `Exercise caution as content is pending human review` on a page that also says
//! `All articles are reviewed for accuracy by our Medical Advisory Board` reports "the article
//! says its content is pending human review, but also that it is reviewed".
//!
//! **Options:** none. The words live in `rules/metadata.toml` (`[review]`).

use super::{StatusKind, status_kind};
use crate::checks::{Context, NoOptions, Reads, Rule, parse_options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::document::metadata::{Phrases, REVIEW_STATUS, STATUS, pack};
use std::ops::Range;

pub static RULE: Rule = Rule {
    id: "review-pending",
    family: "metadata",
    summary: "review status is not approved, a \"pending review\" banner, or statuses that contradict",
    source: include_str!("review_pending.rs"),
    default_severity: Severity::Warning,
    reads: Reads {
        text: false,
        sentences: true,
        metadata: true,
        references: false,
        lexicons: &[],
    },
    parse_options: parse_options::<NoOptions>,
    options: &[],
    check,
};

/// Occurrences of any phrase of `phrases` (case-insensitive, longest at each place) in the
/// prose, as (source span, plain text of the sentence).
fn find_phrases(doc: &Document, ac: &Phrases) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    for (bi, b) in doc.prose() {
        for m in ac.find_iter(b.text.as_str()) {
            let (s, e) = (m.start(), m.end());
            // the sentence around it, for the message
            let sentence = doc
                .sentences
                .iter()
                .find(|x| x.block == bi && x.text_range.start <= s && e <= x.text_range.end)
                .map(|x| doc.sentence_text(x).trim().to_string())
                .unwrap_or_else(|| b.text.trim().to_string());
            out.push((b.map.range(s..e), sentence));
        }
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

fn quote(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() > 90 {
        let cut: String = s.chars().take(87).collect();
        format!("\u{201c}{}…\u{201d}", cut.trim_end())
    } else {
        format!("\u{201c}{s}\u{201d}")
    }
}

fn check(doc: &Document, _cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let statuses: Vec<_> = doc
        .metadata
        .iter()
        .filter(|m| m.name == REVIEW_STATUS || m.name == STATUS)
        .map(|m| (m, status_kind(&m.value)))
        .collect();
    let approved: Vec<_> = statuses
        .iter()
        .filter(|(_, k)| *k == StatusKind::Approved)
        .map(|(m, _)| m)
        .collect();
    for (m, k) in &statuses {
        let flag = match k {
            StatusKind::Pending => true,
            StatusKind::Unknown => m.name == REVIEW_STATUS && !m.value.is_empty(),
            StatusKind::Approved => false,
        };
        if flag {
            let mut d = Diagnostic::new(
                RULE.id,
                m.span.clone(),
                format!("the review status is \"{}\", not approved", m.value),
            )
            .help(
                "publish the article only once its review is approved, and then update the status",
            );
            for a in &approved {
                d = d.label(
                    a.span.clone(),
                    format!("yet this status says \"{}\"", a.value),
                );
            }
            out.push(d);
        }
    }
    let banners = find_phrases(doc, &pack().banner_ac);
    // assurances only matter next to a banner
    let assurances = if banners.is_empty() {
        Vec::new()
    } else {
        find_phrases(doc, &pack().assurance_ac)
    };
    for (span, sentence) in banners {
        let contradicted = !assurances.is_empty() || !approved.is_empty();
        let msg = if contradicted {
            format!(
                "the article says its content is not reviewed ({}) but also that it is",
                quote(&sentence)
            )
        } else {
            format!(
                "the article says its content is not reviewed: {}",
                quote(&sentence)
            )
        };
        let mut d = Diagnostic::new(RULE.id, span, msg).help(
            "have the article reviewed and remove the banner; until then, do not also claim it is reviewed",
        );
        for (a, text) in &assurances {
            d = d.label(a.clone(), format!("contradicted here: {}", quote(text)));
        }
        for a in &approved {
            d = d.label(
                a.span.clone(),
                format!("contradicted by the status \"{}\"", a.value),
            );
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run;
    const R: &str = "review-pending";

    #[test]
    fn status_values() {
        let d = run(R, "---\nreview_status: draft\n---\n# T\n\nText.\n", "a.md");
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("\"draft\""));
        assert!(
            run(
                R,
                "---\nreview_status: approved\nstatus: active\n---\n# T\n",
                "a.md"
            )
            .is_empty()
        );
        assert_eq!(
            run(R, "---\nstatus: pending review\n---\n# T\n", "a.md").len(),
            1
        );
    }

    #[test]
    fn banner_and_contradiction() {
        let t = "# T\n\nAll articles are reviewed for accuracy by our board.\n\nThis content is pending human review.\n";
        let d = run(R, t, "a.md");
        assert_eq!(d.len(), 1);
        assert_eq!(&t[d[0].span.clone()], "pending human review");
        assert!(d[0].message.contains("but also"));
        assert_eq!(d[0].labels.len(), 1);
    }

    #[test]
    fn widget_is_not_a_status() {
        let t =
            "Article Review Status\n\nSubmitted\n\nUnder Review\n\nApproved\n\nSalt is salty.\n";
        assert!(run(R, t, "a.txt").is_empty());
    }
}
