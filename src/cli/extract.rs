//! `corroborate extract`: print the claims of articles.

use clap::{Args, ValueEnum};

use super::{Common, ExitStatus, print};
use crate::{
    extract as extraction, ingest,
    reconcile::Groups,
    report::{Analysis, human, json},
};

/// Arguments of `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub common: Common,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// Run `extract`.
pub(crate) fn run(args: ExtractArgs) -> ExitStatus {
    let settings = match super::settings_for(&args.common) {
        Ok(s) => s,
        Err(status) => return status,
    };
    let loaded = ingest::load(&args.common.paths, &settings);
    for e in &loaded.errors {
        super::report_error(e);
    }
    let claims = extraction::all(&loaded.articles, &settings);
    // Sources are listed without grouping: each is its own group until reconciled.
    let groups = Groups {
        of_article: (1..=loaded.articles.len()).collect(),
        comparisons: 0,
    };
    let analysis = Analysis {
        articles: &loaded.articles,
        claims: &claims,
        groups: &groups,
        findings: &[],
        comparisons: 0,
    };
    let output = match args.format {
        Format::Human => human::render_claims(&analysis),
        Format::Json => json::render(&analysis, false),
    };
    print(&output);
    if loaded.errors.is_empty() && !loaded.articles.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Error
    }
}
