//! The citations family: markers and reference lists that do not agree.

pub mod citation_order;
pub mod duplicate_reference;
pub mod malformed_citation;
pub mod unresolved_citation;
pub mod unused_reference;
