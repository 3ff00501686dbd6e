//! `corroborate check`: reconcile articles and report every finding.

use clap::{Args, ValueEnum};

use super::{Common, ExitStatus, analyse, print, width};
use crate::{
    report::{Analysis, human, json},
    rules::Verdict,
};

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: Common,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Which findings make the run exit 1.
    #[arg(long, value_enum, default_value_t = FailOn::Conflict)]
    pub fail_on: FailOn,
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// Fail levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Exit 1 when a conflict is found.
    Conflict,
    /// Exit 1 when a conflict or a single-source claim is found.
    SingleSource,
    /// Always exit 0 (unless an input is bad).
    Never,
}

/// Run `check`.
pub(crate) fn run(args: CheckArgs) -> ExitStatus {
    let settings = match super::settings_for(&args.common) {
        Ok(s) => s,
        Err(status) => return status,
    };
    let run = analyse(&args.common, &settings);
    if run.articles.is_empty() {
        if run.input_errors == 0 {
            super::report_error(&NoInput);
        }
        return ExitStatus::Error;
    }
    let analysis = Analysis {
        articles: &run.articles,
        claims: &run.claims,
        groups: &run.reconciled.groups,
        findings: &run.reconciled.findings,
        comparisons: run.reconciled.comparisons,
    };
    let output = match args.format {
        Format::Human => human::render(
            &analysis,
            human::Style {
                color: args.common.color.enabled(),
                width: width(),
            },
        ),
        Format::Json => json::render(&analysis, true),
    };
    print(&output);
    let failing = run.reconciled.findings.iter().any(|f| match args.fail_on {
        FailOn::Conflict => f.verdict == Verdict::Conflict,
        FailOn::SingleSource => matches!(f.verdict, Verdict::Conflict | Verdict::SingleSource),
        FailOn::Never => false,
    });
    let status = if failing {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    };
    if run.input_errors > 0 {
        ExitStatus::Error
    } else {
        status
    }
}

/// No article could be read at all.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("no articles to check")]
#[diagnostic(
    code(corroborate::cli::no_input),
    help("give .txt or .md files, or directories holding them")
)]
struct NoInput;
