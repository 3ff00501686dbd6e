//! JSON Lines (`--format jsonl`): one finding per line with its claims inline, for
//! streaming into other tools (`jq`, log pipelines) without reading a whole report.
//!
//! Each line is a complete JSON object; field names follow the JSON report (`json.rs`),
//! plus `fingerprint` and each claim's `path`. Must not print anything but findings.

use serde::Serialize;

use super::{Analysis, fingerprint, json, location::Location};
use crate::rules::Severity;

/// One claim inside a finding line.
#[derive(Debug, Serialize)]
pub struct Claim<'a> {
    #[serde(flatten)]
    pub claim: json::Claim<'a>,
    /// The file as given.
    pub path: String,
    /// Column just after the last character.
    pub end_line: usize,
    pub end_column: usize,
}

/// One line.
#[derive(Debug, Serialize)]
pub struct Line<'a> {
    pub id: &'a str,
    pub kind: &'static str,
    pub verdict: &'static str,
    pub severity: Severity,
    pub fingerprint: String,
    pub explanation: &'a str,
    pub sources: Vec<&'a str>,
    pub independent_sources: usize,
    pub claims: Vec<Claim<'a>>,
}

/// Every finding, one JSON object per line.
pub fn render(analysis: &Analysis<'_>) -> String {
    let mut out = String::new();
    for finding in analysis.findings {
        let claims = finding
            .claims
            .iter()
            .filter_map(|&i| {
                let c = analysis.claims.get(i)?;
                let article = analysis.articles.get(c.article)?;
                let at = Location::of(c, article);
                Some(Claim {
                    claim: json::Claim::of(c, analysis.articles),
                    path: at.path,
                    end_line: at.end_line,
                    end_column: at.end_column,
                })
            })
            .collect();
        let line = Line {
            id: &finding.id,
            kind: finding.kind.name(),
            verdict: finding.verdict.name(),
            severity: finding.severity,
            fingerprint: fingerprint::of_finding(finding, analysis),
            explanation: &finding.explanation,
            sources: finding
                .sources
                .iter()
                .filter_map(|&a| analysis.articles.get(a).map(|a| a.id.as_str()))
                .collect(),
            independent_sources: finding.independent_sources(),
            claims,
        };
        out.push_str(
            &serde_json::to_string(&line).expect("a finding holds only strings and numbers"),
        );
        out.push('\n');
    }
    out
}
