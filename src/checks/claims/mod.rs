//! The claims family: `uncited-claim` and the claim scoring it runs on.

pub mod engine;
pub mod model;
pub mod uncited_claim;
