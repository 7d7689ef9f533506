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
/// "Methodology" section is also how a decision aid explains itself)? A manuscript is
/// reviewed by its journal and carries neither a reader's disclaimer nor a "medically
/// reviewed by" line.
pub fn is_manuscript(doc: &crate::document::Document, cx: &crate::checks::Context) -> bool {
    let lex = cx.lexicons.claims();
    let own = doc
        .sections
        .iter()
        .filter(|s| lex.marks_manuscript(&s.title))
        .count();
    let discussion = doc
        .sections
        .iter()
        .any(|s| lex.discusses_findings(&s.title));
    own >= 2 || (own == 1 && discussion)
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

    #[test]
    fn statuses() {
        assert_eq!(status_kind("Approved"), StatusKind::Approved);
        assert_eq!(status_kind("pending_review"), StatusKind::Pending);
        assert_eq!(status_kind("Under Review"), StatusKind::Pending);
        assert_eq!(status_kind("active"), StatusKind::Unknown);
    }
}
