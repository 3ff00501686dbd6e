//! Behaviour on the real seed articles in `$CORROBORATE_CORPUS/seeds` (issue #2).
//! Edited copies are made in a temporary directory at test time; the corpus is never
//! copied into the repository.

mod common;

use common::seed_files;

use std::{fs, path::Path};

use common::{corpus, finding_texts, findings_with, run_json};

fn check(files: &[String]) -> (i32, serde_json::Value) {
    let mut args = vec!["check", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    run_json(&args)
}

/// Copy the seeds into a temporary directory, replacing `from` with `to` everywhere.
fn edited_seeds(dir: &Path, from: &str, to: &str) -> (tempfile::TempDir, Vec<String>) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut files = Vec::new();
    let mut replaced = 0;
    for file in seed_files(dir) {
        let text = fs::read_to_string(&file).expect("seed is UTF-8");
        replaced += text.matches(from).count();
        let target = tmp
            .path()
            .join(Path::new(&file).file_name().expect("file name"));
        fs::write(&target, text.replace(from, to)).expect("write copy");
        files.push(target.display().to_string());
    }
    assert!(replaced > 0, "`{from}` occurs in the seeds");
    (tmp, files)
}

fn verdicts(report: &serde_json::Value, needle: &str) -> Vec<String> {
    findings_with(report, needle)
        .iter()
        .map(|f| f["verdict"].as_str().expect("verdict").to_owned())
        .collect()
}

#[test]
fn seeds_agree_and_never_conflict_issue_2() {
    let Some(dir) = corpus("seeds_agree_and_never_conflict_issue_2") else {
        return;
    };
    let (code, report) = check(&seed_files(&dir));
    assert_eq!(code, 0, "no conflict on the real seeds");
    assert_eq!(report["summary"]["conflict"], 0);

    let migrants = findings_with(&report, "43 Colombian migrants");
    assert_eq!(migrants.len(), 1);
    assert_eq!(migrants[0]["verdict"], "agreement");
    let texts = finding_texts(&report, migrants[0]);
    assert!(
        texts.iter().any(|t| t.contains("32 men and 11 women")),
        "{texts:?}"
    );

    let percent = findings_with(&report, "90%");
    assert!(percent.iter().all(|f| f["verdict"] == "agreement") && !percent.is_empty());
    assert!(percent[0]["sources"].as_array().expect("sources").len() >= 2);

    let arrests = findings_with(&report, "more than 80,000 people");
    assert_eq!(arrests.len(), 1);
    assert_eq!(arrests[0]["verdict"], "single_source");
    assert_eq!(
        arrests[0]["sources"].as_array().expect("sources").len(),
        2,
        "both wire copies carry it"
    );
    assert_eq!(arrests[0]["independent_sources"], 1);

    assert_eq!(
        verdicts(&report, "most unprecedented, extraordinary"),
        ["agreement"]
    );
    assert_eq!(verdicts(&report, "traffickers"), ["single_source"]);
    assert_eq!(verdicts(&report, "nearly $2.7 million"), ["single_source"]);
    assert_eq!(verdicts(&report, "more than 1,700"), ["single_source"]);
}

#[test]
fn an_edited_womens_count_conflicts_issue_2() {
    let Some(dir) = corpus("an_edited_womens_count_conflicts_issue_2") else {
        return;
    };
    let (_tmp, files) = edited_seeds(&dir, "11 women", "14 women");
    let (code, report) = check(&files);
    assert_eq!(code, 1, "a conflict fails the run");
    let found = findings_with(&report, "32 men and 14 women");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["verdict"], "conflict");
    let texts = finding_texts(&report, found[0]);
    assert!(
        texts.iter().any(|t| t.contains("43 Colombian migrants")),
        "both spans are in the finding: {texts:?}"
    );
}

#[test]
fn forty_three_in_words_still_agrees_issue_2() {
    let Some(dir) = corpus("forty_three_in_words_still_agrees_issue_2") else {
        return;
    };
    let (_tmp, files) = edited_seeds(&dir, "43 Colombian", "forty-three Colombian");
    let (code, report) = check(&files);
    assert_eq!(code, 0);
    let found = findings_with(&report, "forty-three Colombian migrants");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["verdict"], "agreement");
}

#[test]
fn argument_order_does_not_change_the_report_issue_2() {
    let Some(dir) = corpus("argument_order_does_not_change_the_report_issue_2") else {
        return;
    };
    let files = seed_files(&dir);
    let mut reversed = files.clone();
    reversed.reverse();
    let forward = common::run(
        &[
            &["check", "--format", "json"][..],
            &files.iter().map(String::as_str).collect::<Vec<_>>(),
        ]
        .concat(),
    );
    let backward = common::run(
        &[
            &["check", "--format", "json"][..],
            &reversed.iter().map(String::as_str).collect::<Vec<_>>(),
        ]
        .concat(),
    );
    assert_eq!(forward.stdout, backward.stdout);
}
