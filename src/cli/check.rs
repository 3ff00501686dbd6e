//! `corroborate check`: reconcile articles and report every finding.

use clap::{Args, ValueEnum};

use std::path::PathBuf;

use super::{Common, ExitStatus, analyse, output, width};
use crate::{
    reconcile::Finding,
    report::{Analysis, github, html, human, json, jsonl, junit, sarif},
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
    /// Write the report to FILE (replaced atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Diagnostics for people, with the sources' lines.
    Human,
    /// The JSON report (documented in README.md).
    Json,
    /// One finding per line, claims inline (JSON Lines).
    Jsonl,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub Actions annotations (workflow commands).
    Github,
    /// JUnit XML: one test case per finding, failures for failing findings.
    Junit,
    /// One self-contained HTML page: sources side by side, findings clickable.
    Html,
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

impl FailOn {
    /// Whether `finding` makes the run fail at this level.
    pub fn fails(self, finding: &Finding) -> bool {
        match self {
            FailOn::Conflict => finding.verdict == Verdict::Conflict,
            FailOn::SingleSource => {
                matches!(finding.verdict, Verdict::Conflict | Verdict::SingleSource)
            }
            FailOn::Never => false,
        }
    }
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
    let report = match args.format {
        Format::Human => human::render(
            &analysis,
            human::Style {
                color: args.common.color.enabled(),
                width: width(),
            },
        ),
        Format::Json => json::render(&analysis, true),
        Format::Jsonl => jsonl::render(&analysis),
        Format::Sarif => sarif::render(&analysis, None),
        Format::Github => github::render(&analysis),
        Format::Junit => junit::render(&analysis, &|f| args.fail_on.fails(f)),
        Format::Html => html::render(&analysis),
    };
    if let Err(status) = output(args.output.as_deref(), &report) {
        return status;
    }
    let failing = run
        .reconciled
        .findings
        .iter()
        .any(|f| args.fail_on.fails(f));
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
