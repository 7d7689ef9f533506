//! The content family: text that should not be in a published article.

pub mod assistant_artifact;
pub mod placeholder_text;
pub mod unused_suppression;
