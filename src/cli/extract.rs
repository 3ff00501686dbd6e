//! `corroborate extract`: print the claims of articles, or write them as claim files.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{Common, ExitStatus, print, print_with};
use crate::{
    claim_file::{self, ClaimFile},
    extract::Claim,
    reconcile::Groups,
    report::{Analysis, human, json},
};

/// Arguments of `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write one claim file per source into DIR (created if missing) instead of printing.
    #[arg(long, value_name = "DIR")]
    pub write: Option<PathBuf>,
    /// Overwrite existing claim files (never an input).
    #[arg(long, requires = "write")]
    pub force: bool,
    #[command(flatten)]
    pub common: Common,
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One claim per line: `path:line:column`, kind, text, value.
    Human,
    /// Sources and claims as in the JSON report of `check` (docs/reference.md).
    Json,
}

/// Run `extract`.
pub(crate) fn run(args: ExtractArgs) -> ExitStatus {
    let settings = match super::settings_for(&args.common.flags) {
        Ok(s) => s,
        Err(status) => return status,
    };
    let loaded = super::read_inputs(&args.common.paths, &args.common.flags, &settings);
    let mut failed = !loaded.errors.is_empty() || loaded.articles.is_empty();
    if let Some(dir) = &args.write {
        // The folder exists before the first file, so that each article's path can be
        // written relative to it.
        let _ = std::fs::create_dir_all(dir);
        // Names given in this run: two source ids may map to one file name (`x/y` and
        // `x-y`); the later gets `~2`, so no claim file is lost or refused as existing.
        let mut taken = std::collections::BTreeSet::new();
        for (i, article) in loaded.articles.iter().enumerate() {
            let claims: Vec<&Claim> = loaded.claims.iter().filter(|c| c.article == i).collect();
            let mut file = ClaimFile::of(article, &claims);
            // Ignored claims stay in the file, with their reason, for the next review.
            for ignored in loaded.ignored.iter().filter(|g| g.article == i) {
                file.claims.push(ignored.entry.clone());
            }
            file.claims.sort_by_key(|e| (e.start, e.kind, e.end));
            file.article = claim_file::article_field(&article.path, dir);
            let path = dir.join(claim_file::unique_file_name(&article.id, &mut taken));
            match claim_file::write_new(&path, file.to_toml().as_bytes(), args.force, &loaded.files)
            {
                Ok(()) => {
                    if !args.common.flags.quiet {
                        super::eprint(&format!(
                            "wrote {} ({} claims)\n",
                            crate::report::one_line_safe(&path.display().to_string()),
                            file.claims.len()
                        ));
                    }
                }
                Err(e) => {
                    super::report_error(&e);
                    failed = true;
                }
            }
        }
        return if failed {
            ExitStatus::Error
        } else {
            ExitStatus::Success
        };
    }
    // Sources are listed without grouping: each is its own group until reconciled.
    let groups = Groups {
        of_article: (1..=loaded.articles.len()).collect(),
        comparisons: 0,
    };
    let analysis = Analysis {
        articles: &loaded.articles,
        claims: &loaded.claims,
        groups: &groups,
        findings: &[],
        comparisons: 0,
    };
    match args.format {
        Format::Human => print(&human::render_claims(&analysis)),
        // Streamed: the JSON of a huge article is never one string in memory.
        Format::Json => {
            let report = json::report(&analysis, false);
            let pretty = args.common.flags.pretty_json(false);
            print_with(&|w| json::write(w, &report, pretty));
        }
    }
    if failed {
        ExitStatus::Error
    } else {
        ExitStatus::Success
    }
}
