//! corroborate: cross-reference claims between news articles.
//!
//! A run is one pass down the pipeline, each stage a module that sees only the types of
//! the stages before it (plus [`span`], [`config`] and [`rules`]):
//!
//! ```text
//! ingest -> extract -> normalize -> reconcile -> report
//! ```
//!
//! [`run`] goes from the paths given (articles, claim files, directories) and the
//! [`config::Settings`] to the reconciled result; [`pipeline`] also has its parts
//! ([`pipeline::read`], [`pipeline::judge`], [`pipeline::judge_draft`]) for the commands
//! that need something between them. The library never prints: unusable inputs come
//! back as [`pipeline::InputError`]s, findings as data, and [`report`] renders them;
//! [`cli`] parses arguments, calls the library and prints.
//!
//! ```no_run
//! use corroborate::{Sources, config::Settings, ingest};
//!
//! let settings = Settings::from_layers(&[]).expect("the built-in rules are valid");
//! let sources = Sources {
//!     paths: vec!["examples/harbour-fire".into()],
//!     options: ingest::Options::default(),
//! };
//! let run = corroborate::run(&sources, &settings, &mut |_, _| {});
//! println!("{} findings", run.reconciled.findings.len());
//! ```
pub mod baseline;
pub mod claim_file;
pub mod cli;
pub mod config;
pub mod extract;
pub mod ingest;
pub mod normalize;
pub mod pipeline;
pub mod printable;
pub mod reconcile;
pub mod report;
pub mod rules;
pub mod safe_write;
pub mod span;

pub use pipeline::{Run, Sources, run};
