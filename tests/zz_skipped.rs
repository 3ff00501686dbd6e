//! Runs after every other test binary (cargo runs them in name order) and prints, once,
//! which tests skipped and why (each left a note in `target/skipped-tests/`, see
//! `tests/common`). With `CORROBORATE_NO_SKIPS=1` (`.ci/run`) any skipped test fails the
//! run: CI has the corpus and the browser, so a skip there is a test that did not run.

mod common;

fn main() {
    let dir = common::skip_dir();
    let mut notes: Vec<String> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .map(|t| t.trim_end().to_owned())
        .collect();
    notes.sort();
    if notes.is_empty() {
        println!("skipped tests: none");
        return;
    }
    println!(
        "skipped tests ({}; notes in {}):",
        notes.len(),
        dir.display()
    );
    for note in &notes {
        println!("  {note}");
    }
    if std::env::var("CORROBORATE_NO_SKIPS").is_ok_and(|v| v == "1") {
        println!("CORROBORATE_NO_SKIPS=1: these tests must run here");
        std::process::exit(1);
    }
}
