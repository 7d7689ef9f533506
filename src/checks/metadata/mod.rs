//! The metadata family: disclaimers, review dates, reviewers and review status.

pub mod missing_disclaimer;
pub mod missing_review_metadata;
pub mod review_pending;
pub mod stale_review;
