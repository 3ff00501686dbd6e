//! `corroborate diff A B`: what two sources share, what only one says, where they
//! conflict.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{ExitStatus, RunFlags, print, read_inputs, settings_for};
use crate::{
    pipeline,
    report::{
        Analysis,
        diff::{self, Change},
        paint::Paint,
    },
};

/// Arguments of `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The first source: an article or its claim file.
    #[arg(value_name = "A")]
    pub a: PathBuf,
    /// The second source: an article or its claim file.
    #[arg(value_name = "B")]
    pub b: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Which entries make the run exit 1.
    #[arg(long, value_enum, default_value_t = FailOn::Conflict)]
    pub fail_on: FailOn,
    #[command(flatten)]
    pub flags: RunFlags,
}

/// Output formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One line per claim cluster: ` ` shared, `-` only in A, `+` only in B, `!`
    /// conflicting, with each side's line:column.
    Human,
    /// Entries and a summary (docs/guide.md).
    Json,
}

/// Fail levels of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Exit 1 when the two sources conflict.
    Conflict,
    /// Always exit 0 (unless an input is bad).
    Never,
}

/// Run `diff`.
pub(crate) fn run(args: DiffArgs) -> ExitStatus {
    let settings = match settings_for(&args.flags) {
        Ok(s) => s,
        Err(status) => return status,
    };
    // A folder is many sources, not one (issue 18: it used to exit 2 saying nothing).
    if let Some(dir) = [&args.a, &args.b].into_iter().find(|p| p.is_dir()) {
        super::report_error(&NotOneSource { path: dir.clone() });
        return ExitStatus::Error;
    }
    let inputs = read_inputs(&[args.a.clone(), args.b.clone()], &args.flags, &settings);
    let a = pipeline::article_of(&inputs.articles, &args.a);
    let b = pipeline::article_of(&inputs.articles, &args.b);
    let (Some(a), Some(b)) = (a, b) else {
        return ExitStatus::Error; // the unreadable one was reported
    };
    if a == b {
        super::report_error(&SameSource);
        return ExitStatus::Error;
    }
    let reconciled = pipeline::judge(&inputs, &settings);
    let analysis = Analysis {
        articles: &inputs.articles,
        claims: &inputs.claims,
        groups: &reconciled.groups,
        findings: &reconciled.findings,
        comparisons: reconciled.comparisons,
    };
    let entries = diff::compare(a, b, &analysis);
    let output = match args.format {
        Format::Human => diff::render_human(
            a,
            b,
            &entries,
            &analysis,
            Paint {
                enabled: args.flags.color.enabled(),
            },
        ),
        Format::Json => diff::render_json(a, b, &entries, &analysis, args.flags.pretty_json(false)),
    };
    print(&output);
    if !inputs.errors.is_empty() {
        ExitStatus::Error
    } else if args.fail_on == FailOn::Conflict
        && entries.iter().any(|e| e.change == Change::Conflicting)
    {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    }
}

/// A and B are one source.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("`diff` needs two different sources")]
#[diagnostic(
    code(corroborate::cli::same_source),
    help("give two articles (or claim files of two articles)")
)]
struct SameSource;

/// A or B is a folder.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("`{}` is a directory: `diff` compares two sources", path.display())]
#[diagnostic(
    code(corroborate::cli::diff_directory),
    help("give two articles (or claim files of two articles); `check DIR` reconciles a folder")
)]
struct NotOneSource {
    path: PathBuf,
}
