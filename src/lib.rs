//! corroborate: cross-reference claims between news articles.
pub mod cli;
pub mod config;
pub mod extract;
pub mod ingest;
pub mod normalize;
pub mod output;
pub mod reconcile;
pub mod report;
pub mod rules;
pub mod span;
