//! # stale-review
//!
//! **What it catches:** an article whose last review (or, when no review date is given, last
//! update) is older than the profile allows (`max-review-age-days`, 365 in the `medical`
//! profile), or dated in the future.
//!
//! **How the date is chosen:** a last-reviewed date wins over a last-updated one, and either
//! over the article's own date (front-matter `date:`, schema.org `datePublished`, an HTML
//! `<time datetime>`; failing all of these, the date a static-site post's file name opens
//! with, `2018-12-30-salt.md`), which counts only when neither is given, and only on a
//! health page: a manuscript's, a README's or a rendered report's own date says when it was
//! written, not reviewed (see `missing-disclaimer`); among several
//! (front matter and a body line), the most recent counts. Dates are read as ISO
//! (`2025-02-07`), `February 7, 2025`, `Feb 7, 2025`, `7 February 2025` or `05/12/2025`
//! (month first unless `month-first = false`; a part above 12 settles it). Age is measured
//! against `--today` (the system date by default).
//!
//! **Why it matters:** medical guidance changes; a page that nobody has looked at for years
//! may recommend what is no longer advised. A date in the future is a typo or a fabrication.
//!
//! **Example:** `Last updated: February 7, 2025` checked on 2026-11-24 reports "last updated
//! 2025-02-07, 655 days before 2026-11-24; the medical profile allows 365".
//!
//! **Options:** `max-age-days` (integer) and `month-first` (bool) override the profile.

use super::days_between;
use crate::checks::{Context, Reads, Rule, RuleOption, parse_options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::metadata::{LAST_REVIEWED, LAST_UPDATED, PUBLISHED, find_date};
use crate::document::{Document, MetaField};

pub static RULE: Rule = Rule {
    id: "stale-review",
    family: "metadata",
    summary: "the review/update date is older than the profile's max age, or in the future",
    source: include_str!("stale_review.rs"),
    default_severity: Severity::Warning,
    reads: Reads::METADATA,
    parse_options: parse_options::<Options>,
    options: &[
        RuleOption {
            name: "max-age-days",
            kind: "integer",
            help: "how many days old the review date may be",
        },
        RuleOption {
            name: "month-first",
            kind: "bool",
            help: "read 05/12/2025 as May 12 (true, the default) or 5 December",
        },
    ],
    check,
};

/// `[rules.stale-review]`: each overrides the profile's setting.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    max_age_days: Option<i64>,
    month_first: Option<bool>,
}

fn check(doc: &Document, cx: &Context) -> Vec<Diagnostic> {
    let o = cx.options::<Options>();
    let profile = &cx.profile.metadata;
    let max = o.max_age_days.or(profile.max_review_age_days);
    let month_first = o.month_first.unwrap_or(profile.month_first);
    let dated = |name: &str| -> Vec<(jiff::civil::Date, &MetaField)> {
        doc.metadata
            .iter()
            .filter(|m| m.name == name)
            .filter_map(|m| find_date(&m.value, month_first).map(|(d, _)| (d, m)))
            .collect()
    };
    let mut out = Vec::new();
    let today = cx.today;
    let reviewed = dated(LAST_REVIEWED);
    let updated = dated(LAST_UPDATED);
    // dates in the future, whichever field holds them
    for (d, m) in reviewed.iter().chain(updated.iter()) {
        let ahead = days_between(today, *d);
        if ahead > 1 {
            out.push(
                Diagnostic::new(
                    RULE.id,
                    m.span.clone(),
                    format!(
                        "`{}` is {d}, {ahead} days after {today}: a review date cannot be in the future",
                        m.raw_key
                    ),
                )
                .help("correct the date to the day the article was actually reviewed"),
            );
        }
    }
    let Some(max) = max else { return out };
    let published = dated(PUBLISHED);
    let chosen = if !reviewed.is_empty() {
        &reviewed
    } else if !updated.is_empty() {
        &updated
    } else if !super::not_a_health_page(doc, cx) {
        &published
    } else {
        // a manuscript's, a README's or a report's own date is not a review date
        return out;
    };
    let Some((d, m)) = chosen
        .iter()
        .filter(|(d, _)| days_between(today, *d) <= 1)
        .max_by_key(|(d, _)| *d)
    else {
        return out;
    };
    let age = days_between(*d, today);
    if age > max {
        let what = match m.name.as_str() {
            LAST_REVIEWED => "reviewed",
            PUBLISHED => "dated",
            _ => "last updated",
        };
        // a date the file's name gives has no place in the text: the finding opens the file
        let by_name = m.source == crate::document::MetaSource::FileName;
        let mut diag = Diagnostic::new(
            RULE.id,
            m.span.clone(),
            format!(
                "the article was {what} {d}{}, {age} days before {today}; the {} profile allows {max}",
                if by_name { " (by its file name)" } else { "" },
                cx.profile.name
            ),
        )
        .help("have the article reviewed again and update the date");
        if !by_name {
            diag = diag.label(m.span.clone(), format!("{what} {d} (`{}`)", m.raw_key));
        }
        out.push(diag);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run_with;
    const R: &str = "stale-review";

    #[test]
    fn old_recent_and_future_dates() {
        let t = "# Salt\n\nLast updated: February 7, 2025\n";
        let d = run_with(R, t, "a.md", "medical", "2026-11-24");
        assert_eq!(d.len(), 1);
        assert!(
            d[0].message.contains("655 days before 2026-11-24"),
            "{}",
            d[0].message
        );
        assert_eq!(&t[d[0].span.clone()], "February 7, 2025");
        assert!(run_with(R, t, "a.md", "medical", "2025-06-01").is_empty());
        let d = run_with(R, t, "a.md", "medical", "2024-06-01");
        assert!(d[0].message.contains("future"));
    }

    #[test]
    fn a_post_is_dated_by_its_file_name_when_nothing_else_dates_it() {
        let t = "# Salt\n\nSalt raises blood pressure in most adults.\n";
        let d = run_with(
            R,
            t,
            "blog/_posts/2018-12-30-salt.md",
            "medical",
            "2026-11-24",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].message,
            "the article was dated 2018-12-30 (by its file name), 2886 days before 2026-11-24; the medical profile allows 365"
        );
        assert_eq!((d[0].span.clone(), d[0].labels.len()), (0..0, 0));
        let missing = run_with(
            "missing-review-metadata",
            t,
            "2018-12-30-salt.md",
            "medical",
            "2026-11-24",
        );
        assert!(
            missing
                .iter()
                .all(|m| !m.message.contains("when it was last reviewed"))
        );
        // a date in the text wins; a name that only opens with digits is no date
        let dated = "# Salt\n\nLast updated: 2026-10-01\n";
        assert!(run_with(R, dated, "2018-12-30-salt.md", "medical", "2026-11-24").is_empty());
        for name in [
            "2018-13-30-salt.md",
            "20181230-salt.md",
            "2018-12-30.md",
            "2018-12-30-.md",
        ] {
            assert!(
                run_with(R, t, name, "medical", "2026-11-24").is_empty(),
                "{name}"
            );
        }
    }

    #[test]
    fn review_date_wins_over_update_and_latest_counts() {
        let t = "---\nlastReviewed: '2026-01-10'\nupdated: 2020-01-01\n---\n# Salt\n\nLast reviewed: 01/03/2024\n";
        assert!(run_with(R, t, "a.md", "medical", "2026-11-24").is_empty());
        let t = "---\nlastReviewed: '2024-01-10'\nupdated: 2026-10-01\n---\n# Salt\n";
        assert_eq!(run_with(R, t, "a.md", "medical", "2026-11-24").len(), 1);
    }

    #[test]
    fn the_article_date_counts_when_nothing_else_is_given() {
        let t = "---
title: Salt
date: 2024-03-01
---
# Salt
";
        let d = run_with(R, t, "a.qmd", "medical", "2026-11-24");
        assert_eq!(d.len(), 1);
        assert!(
            d[0].message.contains("dated 2024-03-01"),
            "{}",
            d[0].message
        );
        // an update date wins over it
        let t = "---
date: 2024-03-01
updated: 2026-10-01
---
# Salt
";
        assert!(run_with(R, t, "a.qmd", "medical", "2026-11-24").is_empty());
    }
}
