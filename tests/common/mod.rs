//! Helpers shared by the integration tests: run the binary, find the corpus.

#![allow(dead_code, unreachable_pub)]

use std::{
    path::{Path, PathBuf},
    process::{Command, Output},
};

/// Run `corroborate` with `args` from the crate root.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("the corroborate binary runs")
}

/// Run and parse stdout as JSON.
pub fn run_json(args: &[&str]) -> (i32, serde_json::Value) {
    let out = run(args);
    let value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap_or(-1), value)
}

/// The shared corpus, or None (after saying the test is skipped) when
/// `CORROBORATE_CORPUS` is unset.
pub fn corpus(test: &str) -> Option<PathBuf> {
    match std::env::var_os("CORROBORATE_CORPUS") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            let dir = if dir.is_absolute() {
                dir
            } else {
                Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)
            };
            assert!(
                dir.is_dir(),
                "CORROBORATE_CORPUS={} is not a directory",
                dir.display()
            );
            Some(dir)
        }
        None => {
            skipped(test, "CORROBORATE_CORPUS unset");
            None
        }
    }
    .inspect(|_| ran(test))
}

/// Where skipped tests leave a note (one file per test) for `tests/zz_skipped.rs`, which
/// runs last, lists them once and fails when `CORROBORATE_NO_SKIPS=1` (set by `.ci/run`).
pub fn skip_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|d| {
            if d.is_absolute() {
                d
            } else {
                Path::new(env!("CARGO_MANIFEST_DIR")).join(d)
            }
        })
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
        .join("skipped-tests")
}

fn note_path(test: &str) -> PathBuf {
    let name: String = test
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    skip_dir().join(format!("{name}.txt"))
}

/// Say that `test` is skipped and why, and leave a note for the run's summary.
pub fn skipped(test: &str, why: &str) {
    eprintln!("skipped {test}: {why}");
    let _ = std::fs::create_dir_all(skip_dir());
    let _ = std::fs::write(note_path(test), format!("{test}: {why}\n"));
}

/// `test` ran: a note from an earlier skipped run is stale.
pub fn ran(test: &str) {
    let _ = std::fs::remove_file(note_path(test));
}

/// The claim with `id` in a JSON report.
pub fn claim<'a>(report: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    report["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .find(|c| c["id"] == id)
        .expect("claim id exists")
}

/// The findings whose claims include one whose text contains `needle`.
pub fn findings_with<'a>(
    report: &'a serde_json::Value,
    needle: &str,
) -> Vec<&'a serde_json::Value> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| {
            f["claims"].as_array().expect("claim ids").iter().any(|id| {
                claim(report, id.as_str().expect("id"))
                    .get("text")
                    .and_then(|t| t.as_str())
                    .is_some_and(|t| t.contains(needle))
            })
        })
        .collect()
}

/// Source ids of the claims of a finding.
pub fn finding_texts(report: &serde_json::Value, finding: &serde_json::Value) -> Vec<String> {
    finding["claims"]
        .as_array()
        .expect("claim ids")
        .iter()
        .map(|id| {
            claim(report, id.as_str().expect("id"))["text"]
                .as_str()
                .expect("text")
                .to_owned()
        })
        .collect()
}

/// The seed articles of the corpus, sorted.
pub fn seed_files(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir.join("seeds"))
        .expect("seeds folder")
        .map(|e| e.expect("entry").path().display().to_string())
        .filter(|p| p.ends_with(".txt"))
        .collect();
    files.sort();
    files
}

/// Extract and reconcile invented articles in memory; the verdicts of the findings whose
/// claims include one with `needle` in its text.
pub fn verdicts_for(texts: &[&str], needle: &str) -> Vec<corroborate::rules::Verdict> {
    use corroborate::{config::Settings, extract, ingest::Article, reconcile};
    let settings = Settings::builtin();
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            Article::from_text(
                PathBuf::from(format!("source{i}.txt")),
                std::sync::Arc::from(*t),
                &settings,
            )
        })
        .collect();
    let claims = extract::all(&articles, &settings);
    reconcile::judge(&articles, &claims, &settings)
        .findings
        .iter()
        .filter(|f| {
            f.claims.iter().any(|&c| {
                articles[claims[c].article]
                    .slice(claims[c].span)
                    .contains(needle)
            })
        })
        .map(|f| f.verdict)
        .collect()
}
