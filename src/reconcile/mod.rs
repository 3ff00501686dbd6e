//! Reconciliation: independence groups, the claim graph, and one verdict per cluster.
//!
//! A pure function of the articles, their claims and `Settings`.

pub mod graph;
pub mod independence;
pub mod relate;
pub mod verdict;
pub mod wording;

pub use independence::Groups;
pub use verdict::{Finding, FindingLink};

use crate::{config::Settings, extract::Claim, ingest::Article};

/// Everything reconciliation concluded.
#[derive(Debug)]
pub struct Reconciled {
    pub groups: Groups,
    pub findings: Vec<Finding>,
    /// Claim pairs compared.
    pub comparisons: usize,
}

/// Group sources, link related claims and judge each cluster.
pub fn judge(articles: &[Article], claims: &[Claim], settings: &Settings) -> Reconciled {
    let groups = independence::group(articles, settings);
    let graph = graph::build(claims, &groups, settings);
    let comparisons = graph.comparisons;
    let findings = verdict::judge(articles, claims, graph, &groups, settings);
    Reconciled {
        groups,
        findings,
        comparisons,
    }
}
