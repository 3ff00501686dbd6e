//! The pipeline, from the paths given to the reconciled result: `ingest -> extract ->
//! normalize -> reconcile`, with reviewers' claim files and suppression comments applied
//! between extraction and reconciliation ([`inputs`]).
//!
//! This is the whole of a run but its output: the command line parses arguments, calls
//! [`run`] (or [`read`] and [`judge`], [`judge_draft`]) and renders what comes back.
//! Nothing here prints; inputs that cannot be used come back as
//! [`InputError`]s for the caller to show.

mod inputs;

use std::path::PathBuf;

pub use inputs::{InputError, Inputs, article_of, read};

use crate::{
    config::Settings,
    ingest::{self, Article},
    reconcile::{self, Groups, Reconciled, graph, independence, verdict},
};

/// Where a run reads its articles and claim files, and how.
#[derive(Debug, Clone)]
pub struct Sources {
    /// Articles (.txt, .md), claim files (.toml), directories of them, or `-` (stdin).
    pub paths: Vec<PathBuf>,
    /// Encoding and size limit of the inputs.
    pub options: ingest::Options,
}

/// What one run read and found, before rendering.
#[derive(Debug)]
pub struct Run {
    /// Articles, claims, reviewers' edits and the inputs that could not be used.
    pub inputs: Inputs,
    /// Independence groups, findings and the number of claim pairs compared.
    pub reconciled: Reconciled,
}

/// Read the sources (articles and claim files), extract and reconcile, calling
/// `observe(done, total)` as article files are read (for a progress bar).
///
/// Unusable inputs do not stop the run: they are in `run.inputs.errors`.
pub fn run(sources: &Sources, settings: &Settings, observe: &mut dyn FnMut(usize, usize)) -> Run {
    let inputs = read(&sources.paths, settings, sources.options, observe);
    let reconciled = judge(&inputs, settings);
    Run { inputs, reconciled }
}

/// Group the sources, link related claims and judge each cluster.
pub fn judge(inputs: &Inputs, settings: &Settings) -> Reconciled {
    reconcile::judge(&inputs.articles, &inputs.claims, settings)
}

/// Reconcile a draft (article `draft` of `inputs`) with its sources. Independence is
/// found among the sources alone: a draft that borrows from two stories must not merge
/// them into one; the draft is a group of its own.
pub fn judge_draft(inputs: &Inputs, draft: usize, settings: &Settings) -> Reconciled {
    let sources: Vec<Article> = inputs
        .articles
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != draft)
        .map(|(_, a)| a.clone())
        .collect();
    let source_groups = independence::group(&sources, settings);
    let mut of_source = source_groups.of_article.iter().copied();
    let of_article = (0..inputs.articles.len())
        .map(|i| {
            if i == draft {
                source_groups.count() + 1
            } else {
                of_source.next().expect("one group per source")
            }
        })
        .collect();
    let groups = Groups {
        of_article,
        comparisons: source_groups.comparisons,
    };
    let graph = graph::build(&inputs.claims, &groups, settings);
    let comparisons = graph.comparisons;
    let findings = verdict::judge(&inputs.articles, &inputs.claims, graph, &groups, settings);
    Reconciled {
        groups,
        findings,
        comparisons,
    }
}
