//! corroborate: cross-reference claims between news articles.
pub mod config;
pub mod extract;
pub mod ingest;
pub mod normalize;
pub mod reconcile;
pub mod rules;
pub mod span;
