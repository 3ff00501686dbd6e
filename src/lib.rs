//! corroborate: cross-reference claims between news articles.
pub mod baseline;
pub mod claim_file;
pub mod cli;
pub mod config;
pub mod extract;
pub mod ingest;
pub mod normalize;
pub mod printable;
pub mod reconcile;
pub mod report;
pub mod rules;
pub mod safe_write;
pub mod span;
