//! Floors on the facts scorer (issue 15): the answer key for real ECB+ clusters in
//! `$CORROBORATE_CORPUS/news-clusters/facts` scores this build's verdicts. A change to a
//! threshold or a rule that makes the verdicts worse fails here. The floors sit a little
//! below the figures measured when they were set (docs/accuracy.md).

mod common;

use std::process::Command;

use common::corpus;

/// Percentage figures of the scorer's summary, as numbers.
fn figure(summary: &serde_json::Value, key: &str) -> f64 {
    summary[key]
        .as_str()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("scorer summary has no `{key}`: {summary}"))
}

#[test]
fn facts_scorer_stays_above_its_floors_issue_15() {
    let Some(corpus) = corpus("facts_scorer_stays_above_its_floors_issue_15") else {
        return;
    };
    let facts = corpus.join("news-clusters/facts");
    let mut golds: Vec<_> = std::fs::read_dir(facts.join("dev"))
        .expect("facts/dev")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    golds.sort();
    let out = Command::new("python3")
        .arg(facts.join("score.py"))
        .arg(env!("CARGO_MANIFEST_DIR"))
        .arg(corpus.join("news-clusters/ecbplus"))
        .args(&golds)
        .args(["--bin", env!("CARGO_BIN_EXE_corroborate"), "--json"])
        .output()
        .expect("python3 runs the facts scorer");
    assert!(
        out.status.success(),
        "score.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("scorer JSON");
    let s = &report["summary"];
    let floors = [
        ("conflict_precision", 58.0),
        ("conflict_recall", 24.0),
        ("agreement_precision", 91.0),
        ("agreement_recall", 45.0),
        // Issue 16: pairs of figures, ordinals and ranks are claims (66.0% -> 78.5%).
        ("mention_coverage", 76.0),
    ];
    for (key, floor) in floors {
        let got = figure(s, key);
        assert!(got >= floor, "{key} {got} fell below its floor {floor}");
    }
    let flagged = s["distractor_conflicts"]
        .as_u64()
        .expect("distractor count");
    assert!(
        flagged <= 10,
        "{flagged} distractors flagged as conflicts (at most 10)"
    );
    println!(
        "facts scorer: conflict precision {}%, recall {}%; agreement precision {}%, recall {}%; distractors {}; coverage {}%",
        s["conflict_precision"],
        s["conflict_recall"],
        s["agreement_precision"],
        s["agreement_recall"],
        s["distractor_false_conflicts"],
        s["mention_coverage"]
    );
}
