//! Baselines: findings accepted as known, recorded by a fingerprint of their claims'
//! content so that moving text around an article does not make them new again.
//!
//! Owns the fingerprint, the baseline file format (TOML: `version`, then one
//! `[[finding]]` per accepted finding with its fingerprint, kind, summary and a reason
//! for a person to fill in) and matching a run's findings against it. It never decides
//! exit codes; the CLI does.

// An error is built once per unusable file; its size on the happy path costs nothing.
#![allow(clippy::result_large_err)]

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
    sync::Arc,
};

use miette::{Diagnostic, NamedSource};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::{extract::Claim, ingest::Article, reconcile::Finding, rules::Verdict};

/// The baseline format version.
pub const VERSION: u32 = 1;

const HEADER: &str = "\
# corroborate baseline: findings accepted as known. `check --baseline FILE` fails only on
# findings not listed here. Say in `reason` why each one is accepted.
";

/// A baseline file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Baseline {
    pub version: u32,
    #[serde(default, rename = "finding", skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Entry>,
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Entry {
    /// [`fingerprint`] of the finding.
    pub fingerprint: String,
    /// Finding kind (`quantity-conflict`), for people.
    pub kind: String,
    /// The finding's explanation when recorded, for people.
    #[serde(default)]
    pub summary: String,
    /// Why the finding is accepted.
    #[serde(default)]
    pub reason: String,
}

/// Where a finding stands against a baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Listed in the baseline: reported, never fails the run.
    Baselined,
    /// Not in the baseline.
    New,
}

/// A baseline file that cannot be used.
#[derive(Debug, Error, Diagnostic)]
pub enum Error {
    #[error("cannot read baseline `{path}`")]
    #[diagnostic(code(corroborate::baseline::unreadable))]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("baseline `{path}` is not valid: {message}")]
    #[diagnostic(
        code(corroborate::baseline::invalid),
        help("baselines are written by `corroborate check ... --write-baseline FILE`")
    )]
    Invalid {
        path: PathBuf,
        message: String,
        #[source_code]
        src: NamedSource<Arc<str>>,
        #[label("here")]
        at: Option<miette::SourceSpan>,
    },
    #[error("baseline `{path}` has version {found}, this corroborate reads version {VERSION}")]
    #[diagnostic(code(corroborate::baseline::version))]
    Version { path: PathBuf, found: u32 },
}

/// A finding's fingerprint: its kind and its claims' sources and texts, sorted (see
/// `report::fingerprint`). Line numbers, offsets and ids play no part, so moving text
/// keeps it; changing a figure or a quote makes a new one.
pub fn fingerprint(finding: &Finding, claims: &[Claim], articles: &[Article]) -> String {
    // One recipe for baselines and SARIF `partialFingerprints`, so a baseline file and a
    // code-scanning baseline agree on what "the same finding" is.
    crate::report::fingerprint::of_claims(finding, claims, articles)
}

impl Baseline {
    /// A baseline accepting every finding that can fail a run (all but agreements).
    pub fn of(findings: &[Finding], claims: &[Claim], articles: &[Article]) -> Self {
        let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
        for f in findings.iter().filter(|f| f.verdict != Verdict::Agreement) {
            let fingerprint = fingerprint(f, claims, articles);
            entries.entry(fingerprint.clone()).or_insert(Entry {
                fingerprint,
                kind: f.kind.name().to_owned(),
                summary: f.explanation.clone(),
                reason: String::new(),
            });
        }
        Self {
            version: VERSION,
            findings: entries.into_values().collect(),
        }
    }

    /// The file's text.
    pub fn to_toml(&self) -> String {
        let body = toml::to_string(self).expect("baselines hold only strings");
        format!("{HEADER}{body}")
    }

    /// Read a baseline file.
    ///
    /// # Errors
    /// The file cannot be read, is not valid TOML, or has another version.
    pub fn read(path: &Path) -> Result<Self, Error> {
        // Never blocks on a FIFO, never reads without end (issue 18).
        let text = crate::ingest::read_regular(path, crate::ingest::DEFAULT_MAX_FILE_SIZE)
            .map_err(std::io::Error::from)
            .and_then(|bytes| {
                String::from_utf8(bytes)
                    .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
            })
            .map_err(|source| Error::Unreadable {
                path: path.to_owned(),
                source,
            })?;
        let baseline: Baseline = toml::from_str(&text).map_err(|e| Error::Invalid {
            path: path.to_owned(),
            message: e.message().to_owned(),
            at: e.span().map(|s| (s.start, s.len()).into()),
            src: NamedSource::new(path.display().to_string(), Arc::from(text.as_str())),
        })?;
        if baseline.version != VERSION {
            return Err(Error::Version {
                path: path.to_owned(),
                found: baseline.version,
            });
        }
        Ok(baseline)
    }

    /// The baseline entry of a finding with this fingerprint, if any.
    pub fn entry(&self, fingerprint: &str) -> Option<&Entry> {
        self.findings.iter().find(|e| e.fingerprint == fingerprint)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{config::Settings, extract, reconcile};

    fn run(texts: &[(&str, &str)]) -> (Vec<Article>, Vec<Claim>, Vec<Finding>) {
        let settings = Settings::builtin();
        let articles: Vec<Article> = texts
            .iter()
            .map(|(name, t)| Article::from_text(PathBuf::from(name), Arc::from(*t), &settings))
            .collect();
        let claims = extract::all(&articles, &settings);
        let findings = reconcile::judge(&articles, &claims, &settings).findings;
        (articles, claims, findings)
    }

    const A: &str = "The storm flooded the lower town on Tuesday and officials moved 112 residents from the riverside flats to the school gym.";
    const B: &str = "Officials moved 140 residents from the riverside flats to the school gym on Tuesday after the storm flooded the lower town.";

    #[test]
    fn moving_text_keeps_the_fingerprint() {
        let (articles, claims, findings) = run(&[("a.txt", A), ("b.txt", B)]);
        let conflict = findings
            .iter()
            .find(|f| f.verdict == Verdict::Conflict)
            .expect("112 vs 140 conflicts");
        let moved = format!("\n\nA note first.\n\n{A}");
        let (articles2, claims2, findings2) = run(&[("a.txt", &moved), ("b.txt", B)]);
        let conflict2 = findings2
            .iter()
            .find(|f| f.verdict == Verdict::Conflict)
            .expect("still conflicts");
        assert_eq!(
            fingerprint(conflict, &claims, &articles),
            fingerprint(conflict2, &claims2, &articles2)
        );
        let changed = B.replace("140", "150");
        let (articles3, claims3, findings3) = run(&[("a.txt", A), ("b.txt", &changed)]);
        let conflict3 = findings3
            .iter()
            .find(|f| f.verdict == Verdict::Conflict)
            .expect("still conflicts");
        assert_ne!(
            fingerprint(conflict, &claims, &articles),
            fingerprint(conflict3, &claims3, &articles3)
        );
    }

    #[test]
    fn a_baseline_reads_back_as_written() {
        let (articles, claims, findings) = run(&[("a.txt", A), ("b.txt", B)]);
        let baseline = Baseline::of(&findings, &claims, &articles);
        assert!(!baseline.findings.is_empty());
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("baseline.toml");
        std::fs::write(&path, baseline.to_toml()).expect("write");
        assert_eq!(Baseline::read(&path).expect("reads"), baseline);
    }
}
