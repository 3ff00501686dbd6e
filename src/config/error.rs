//! What can go wrong reading rules: unreadable files, TOML syntax, values out of range.

use std::{path::PathBuf, sync::Arc};

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

/// A rules file could not be used. Carries every problem found in it.
#[derive(Debug, Error, Diagnostic)]
pub enum Error {
    /// The file could not be read.
    #[error("cannot read rules file `{path}`")]
    #[diagnostic(code(corroborate::config::unreadable))]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid UTF-8.
    #[error("rules file `{path}` is not UTF-8 text")]
    #[diagnostic(
        code(corroborate::config::not_utf8),
        help("save the rules file as UTF-8")
    )]
    NotUtf8 { path: PathBuf },
    /// The words or patterns of one list together make a pattern too large to compile.
    #[error("the patterns built from {what} are too large")]
    #[diagnostic(
        code(corroborate::config::too_large),
        help("shorten the list or split long alternatives; the compiled size limit is 32 MiB")
    )]
    TooLarge {
        what: &'static str,
        #[source]
        source: regex::Error,
    },
    /// Every problem found in one rules file (syntax, unknown keys, types, values), each
    /// at its line.: every one found, each at its line.
    #[error("{} problem{} in rules file `{name}`", problems.len(), if problems.len() == 1 { "" } else { "s" })]
    #[diagnostic(code(corroborate::config::invalid))]
    Invalid {
        name: String,
        #[related]
        problems: Vec<Problem>,
    },
}

/// One value in a rules file that cannot be used.
#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(corroborate::config::problem))]
pub struct Problem {
    pub message: String,
    #[source_code]
    pub src: NamedSource<Arc<str>>,
    #[label("{label}")]
    pub at: SourceSpan,
    pub label: String,
    #[help]
    pub help: Option<String>,
}
