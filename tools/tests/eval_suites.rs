//! The `eval-suites` binary scores a suite file (an invented one without the corpus; the
//! real suites, with floors, when `CORROBORATE_CORPUS` is set). Moved here from the root
//! package's `tests/units.rs` with the binary (issue 19).

use std::{
    path::{Path, PathBuf},
    process::Command,
};

/// The workspace root (this crate lives in `tools/`).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tools/ has a parent")
        .to_path_buf()
}

/// Where a skipped test leaves its note for the root's `tests/zz_skipped.rs` (the same
/// folder as `tests/common`'s `skip_dir`: `$CARGO_TARGET_DIR` or `target/`, then
/// `skipped-tests/`). Cargo runs this package's tests after the root's, so a note written
/// here is listed by the next run's summary; the skip itself is said on stderr at once.
fn note_path(test: &str) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|d| if d.is_absolute() { d } else { root().join(d) })
        .unwrap_or_else(|| root().join("target"))
        .join("skipped-tests")
        .join(format!("{test}.txt"))
}

/// The shared corpus, or None (after saying the test is skipped) when
/// `CORROBORATE_CORPUS` is unset.
fn corpus(test: &str) -> Option<PathBuf> {
    let note = note_path(test);
    let Some(dir) = std::env::var_os("CORROBORATE_CORPUS") else {
        let why = "CORROBORATE_CORPUS unset";
        eprintln!("skipped {test}: {why}");
        if let Some(parent) = note.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::fs::write(&note, format!("{test}: {why}\n"));
        return None;
    };
    let _ = std::fs::remove_file(&note);
    let dir = PathBuf::from(dir);
    let dir = if dir.is_absolute() {
        dir
    } else {
        root().join(dir)
    };
    assert!(
        dir.is_dir(),
        "CORROBORATE_CORPUS={} is not a directory",
        dir.display()
    );
    Some(dir)
}

fn eval(corpus: &std::path::Path, extra: &[&str]) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_eval-suites"))
        .arg("--corpus")
        .arg(corpus)
        .arg("--json")
        .args(extra)
        .output()
        .expect("eval-suites runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("eval-suites --json prints JSON")
}

#[test]
fn eval_suites_scores_an_invented_suite_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rec = dir.path().join("recognizers");
    std::fs::create_dir_all(&rec).expect("create dir");
    // Two invented cases in the Recognizers record format: one we read, one we miss.
    let lines = [
        r#"{"id":"t/0","mode":"default","text":"the pier cost $ 4 million to mend","expected":[{"text":"$ 4 million","type":"currency","value":"4000000","unit":"Dollar","isoCurrency":"USD","byte_start":14,"byte_end":25}]}"#,
        r#"{"id":"t/1","mode":"default","text":"it cost four quid","expected":[{"text":"four quid","type":"currency","value":"4","unit":"Pound","byte_start":8,"byte_end":17}]}"#,
    ];
    std::fs::write(rec.join("currency.jsonl"), lines.join("\n")).expect("write suite");
    let report = eval(dir.path(), &[]);
    let score = &report["recognizers/currency.jsonl"];
    assert_eq!(score["cases"], 2, "{report}");
    assert_eq!(score["passed"], 1, "{report}");
    assert_eq!(score["failures"]["missed"], 1, "{report}");
}

#[test]
fn eval_suites_meets_its_floors_on_the_peer_suites() {
    let Some(corpus) = corpus("eval_suites_meets_its_floors_on_the_peer_suites") else {
        return;
    };
    let report = eval(&corpus, &[]);
    // Floors a little below what the README reports, so a regression fails.
    for (file, floor) in FLOORS {
        let share = report[*file]["share"].as_f64().unwrap_or(0.0);
        assert!(share >= *floor, "{file}: {share:.3} < floor {floor}");
    }
}

const FLOORS: &[(&str, f64)] = &[
    ("recognizers/number.jsonl", 0.95),
    ("recognizers/number-range.jsonl", 0.88),
    ("recognizers/percentage.jsonl", 0.95),
    ("recognizers/currency.jsonl", 0.9),
    ("recognizers/dimension.jsonl", 0.82),
    ("quantulum/quantities.jsonl", 0.85),
    ("quantulum/spellout.jsonl", 0.95),
    ("quantulum/robustness.jsonl", 1.0),
    ("duckling/duckling.jsonl#Numeral", 0.88),
    ("duckling/duckling.jsonl#AmountOfMoney", 0.9),
];
