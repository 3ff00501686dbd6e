//! Reporting: findings and claims as miette diagnostics for people and as JSON for
//! machines.
//!
//! Renders into strings; the caller decides where they go. Never decides exit codes.

pub mod coverage;
pub mod diff;
pub mod editor;
pub mod fingerprint;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod location;
pub mod paint;
pub mod sarif;
pub mod terminal;

// Made safe to print in `crate::printable` (config's errors use them too, and config must
// not import report); re-exported here where every renderer finds them.
pub use crate::printable::{one_line_safe, terminal_safe, terminal_source};
use crate::{
    extract::Claim,
    ingest::Article,
    reconcile::{Finding, Groups},
    rules::Verdict,
};

/// Everything a report is made from.
#[derive(Debug, Clone, Copy)]
pub struct Analysis<'a> {
    pub articles: &'a [Article],
    pub claims: &'a [Claim],
    pub groups: &'a Groups,
    pub findings: &'a [Finding],
    pub comparisons: usize,
}

/// Findings per verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub agreement: usize,
    pub conflict: usize,
    pub single_source: usize,
}

impl Summary {
    /// Count the findings per verdict.
    pub fn of(findings: &[Finding]) -> Self {
        let mut s = Summary::default();
        for f in findings {
            match f.verdict {
                Verdict::Agreement => s.agreement += 1,
                Verdict::Conflict => s.conflict += 1,
                Verdict::SingleSource => s.single_source += 1,
            }
        }
        s
    }
}
