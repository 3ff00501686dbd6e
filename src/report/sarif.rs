//! SARIF 2.1.0 (`--format sarif`), for GitHub code scanning and other SARIF viewers.
//!
//! One run; one rule per finding kind of the registry (all kinds, so rule indices are
//! stable); one result per finding, with a physical location for every claim of it and a
//! content-based fingerprint under `partialFingerprints`. `baselineState` is written only
//! when the caller passes the fingerprints of a baseline. Must not read files or decide
//! exit codes.

use std::collections::BTreeSet;

use serde_json::{Value as Json, json};

use super::{Analysis, fingerprint, location::Location};
use crate::rules::{KINDS, Severity};

/// The schema URI written into `$schema`.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Where results come from relative to: the directory corroborate ran in.
const SRCROOT: &str = "%SRCROOT%";

/// A finding's known fingerprints from an earlier run, for `baselineState`.
#[derive(Debug, Clone, Copy)]
pub struct Baseline<'a> {
    /// Fingerprints ([`fingerprint::of_finding`]) of the baseline's findings.
    pub fingerprints: &'a BTreeSet<String>,
}

/// SARIF `level` of a severity (`off` findings are never reported).
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note | Severity::Off => "note",
    }
}

/// `QuantityConflict` from `quantity-conflict`: SARIF's `name` is an identifier-like
/// form of the rule id.
fn pascal_case(name: &str) -> String {
    name.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect()
}

/// A relative path becomes a URI relative to `%SRCROOT%`; an absolute one a `file://` URI.
fn artifact_location(path: &str) -> Json {
    let encoded = encode_uri_path(path);
    if path.starts_with('/') {
        json!({ "uri": format!("file://{encoded}") })
    } else {
        json!({ "uri": encoded, "uriBaseId": SRCROOT })
    }
}

/// Percent-encode what may not appear in a URI path (RFC 3986 `pchar` plus `/`).
fn encode_uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        let keep = byte.is_ascii_alphanumeric()
            || matches!(
                byte,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'/'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b':'
                    | b'@'
            );
        if keep {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The whole SARIF log as a JSON value.
pub fn log(analysis: &Analysis<'_>, baseline: Option<Baseline<'_>>) -> Json {
    let rules: Vec<Json> = KINDS
        .iter()
        .map(|k| {
            json!({
                "id": k.name,
                "name": pascal_case(k.name),
                "shortDescription": { "text": k.summary },
                "fullDescription": { "text": k.summary },
                "help": { "text": k.doc, "markdown": k.doc },
                "defaultConfiguration": { "level": level(k.default_severity) },
                "properties": { "verdict": k.verdict.name() },
            })
        })
        .collect();
    let results: Vec<Json> = analysis
        .findings
        .iter()
        .map(|finding| {
            let locations: Vec<Json> = finding
                .claims
                .iter()
                .filter_map(|&i| {
                    let claim = analysis.claims.get(i)?;
                    let article = analysis.articles.get(claim.article)?;
                    let at = Location::of(claim, article);
                    Some(json!({
                        "physicalLocation": {
                            "artifactLocation": artifact_location(&at.path),
                            "region": {
                                "startLine": at.start_line,
                                "startColumn": at.start_column,
                                "endLine": at.end_line,
                                "endColumn": at.end_column,
                                "charOffset": at.char_offset,
                                "charLength": at.char_length,
                                "byteOffset": at.byte_offset,
                                "byteLength": at.byte_length,
                                "snippet": { "text": article.slice(claim.span) },
                            },
                        },
                        "message": { "text": format!("{} ({})", claim.id, article.id) },
                    }))
                })
                .collect();
            let print = fingerprint::of_finding(finding, analysis);
            let rule_index = KINDS
                .iter()
                .position(|k| k.kind == finding.kind)
                .expect("every finding kind is in the registry");
            let mut result = json!({
                "ruleId": finding.kind.name(),
                "ruleIndex": rule_index,
                "kind": "fail",
                "level": level(finding.severity),
                "message": { "text": finding.explanation },
                "locations": locations,
                "properties": {
                    "findingId": finding.id,
                    "verdict": finding.verdict.name(),
                    "independentSources": finding.independent_sources(),
                    "claims": finding
                        .claims
                        .iter()
                        .filter_map(|&i| analysis.claims.get(i).map(|c| c.id.as_str()))
                        .collect::<Vec<_>>(),
                },
            });
            if let Some(base) = baseline {
                let state = if base.fingerprints.contains(&print) {
                    "unchanged"
                } else {
                    "new"
                };
                result["baselineState"] = json!(state);
            }
            result["partialFingerprints"] = json!({ fingerprint::SARIF_KEY: print });
            result
        })
        .collect();
    json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "corroborate",
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                },
            },
            "originalUriBaseIds": {
                SRCROOT: { "description": { "text": "the directory corroborate ran in" } },
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// The SARIF log, pretty-printed, with a final newline.
pub fn render(analysis: &Analysis<'_>, baseline: Option<Baseline<'_>>) -> String {
    let mut out = serde_json::to_string_pretty(&log(analysis, baseline))
        .expect("a JSON value always serializes");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_pascal_case_ids() {
        assert_eq!(pascal_case("quantity-conflict"), "QuantityConflict");
        assert_eq!(pascal_case("misquote"), "Misquote");
    }

    #[test]
    fn uris_encode_spaces_and_keep_slashes() {
        assert_eq!(
            encode_uri_path("drafts/my story#1.md"),
            "drafts/my%20story%231.md"
        );
        assert_eq!(
            artifact_location("/tmp/a b.txt")["uri"],
            json!("file:///tmp/a%20b.txt")
        );
    }

    #[test]
    fn severities_map_to_sarif_levels() {
        assert_eq!(level(Severity::Error), "error");
        assert_eq!(level(Severity::Warning), "warning");
        assert_eq!(level(Severity::Note), "note");
    }
}
