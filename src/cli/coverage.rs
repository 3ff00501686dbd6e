//! `corroborate coverage DRAFT --against SOURCES...`: can this draft be published?

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{ExitStatus, RunFlags, read_inputs, settings_for};
use crate::{
    pipeline,
    report::{
        Analysis,
        coverage::{self, Status},
        paint::Paint,
    },
};

/// Arguments of `coverage`.
#[derive(Debug, Args)]
pub struct CoverageArgs {
    /// The draft: an article (.md, .txt) or its claim file (.toml).
    #[arg(value_name = "DRAFT")]
    pub draft: PathBuf,
    /// Sources to check the draft against: articles, claim files or directories.
    #[arg(long, value_name = "SOURCES", required = true, num_args = 1..)]
    pub against: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Which draft claims make the run exit 1 (suppressed claims never do).
    #[arg(long, value_enum, default_value_t = FailOn::Contradicted)]
    pub fail_on: FailOn,
    /// Write the report to FILE (replaced atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub flags: RunFlags,
}

/// Output formats of `coverage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Each draft claim with its status and the sources' words, then what the sources
    /// agree on that the draft leaves out.
    Human,
    /// The same as data (docs/guide.md).
    Json,
    /// One self-contained page: the draft with each claim marked corroborated,
    /// contradicted or unsupported and the sources' words beside it.
    Html,
}

/// Fail levels of `coverage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Exit 1 when a source contradicts a draft claim.
    Contradicted,
    /// Exit 1 when a draft claim is contradicted or no source says it.
    Unsupported,
    /// Always exit 0 (unless an input is bad).
    Never,
}

/// Run `coverage`.
pub(crate) fn run(args: CoverageArgs) -> ExitStatus {
    let settings = match settings_for(&args.flags) {
        Ok(s) => s,
        Err(status) => return status,
    };
    let mut paths = vec![args.draft.clone()];
    paths.extend(args.against.iter().cloned());
    let inputs = read_inputs(&paths, &args.flags, &settings);
    let Some(draft) = pipeline::article_of(&inputs.articles, &args.draft) else {
        if inputs.errors.is_empty() {
            super::report_error(&NoDraft {
                path: args.draft.clone(),
            });
        }
        return ExitStatus::Error;
    };
    if inputs.articles.len() < 2 {
        if inputs.errors.is_empty() {
            super::report_error(&NoSources);
        }
        return ExitStatus::Error;
    }
    let reconciled = pipeline::judge_draft(&inputs, draft, &settings);
    let analysis = Analysis {
        articles: &inputs.articles,
        claims: &inputs.claims,
        groups: &reconciled.groups,
        findings: &reconciled.findings,
        comparisons: reconciled.comparisons,
    };
    let result = coverage::assess(draft, &analysis, &inputs.suppressed, &settings.ranking);
    let output = match args.format {
        Format::Human => coverage::render_human(
            &result,
            &analysis,
            Paint {
                enabled: args.flags.color.enabled(),
            },
        ),
        Format::Json => coverage::render_json(
            &result,
            &analysis,
            args.flags.pretty_json(args.output.is_some()),
        ),
        Format::Html => crate::report::html::render_coverage(&result, &analysis),
    };
    let render = |w: &mut dyn std::io::Write| w.write_all(output.as_bytes());
    if let Err(status) = super::output(args.output.as_deref(), &inputs.files, &render) {
        return status;
    }
    if !inputs.errors.is_empty() {
        return ExitStatus::Error;
    }
    let failing = result.claims.iter().any(|c| {
        c.suppressed.is_none()
            && match args.fail_on {
                FailOn::Contradicted => c.status == Status::Contradicted,
                FailOn::Unsupported => c.status != Status::Corroborated,
                FailOn::Never => false,
            }
    });
    if failing {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    }
}

/// The draft could not be found among the inputs.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("no draft to check: `{path}` was not read")]
#[diagnostic(
    code(corroborate::cli::no_draft),
    help("give the draft as a .md or .txt file, or as its claim file")
)]
struct NoDraft {
    path: PathBuf,
}

/// Nothing to check the draft against.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("no sources to check the draft against")]
#[diagnostic(
    code(corroborate::cli::no_sources),
    help("give articles, claim files or directories after `--against`")
)]
struct NoSources;
