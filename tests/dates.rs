//! Dates, durations and events (issue #3): the dock-strike example, the `--date` flag,
//! and, when `CORROBORATE_CORPUS` is set, the real seed articles (edited copies are made
//! in a temporary directory; the corpus is never copied into the repository).

mod common;

use common::seed_files;

use std::fs;

use common::{corpus, run_json};

fn kinds(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["kind"].as_str().expect("kind").to_owned())
        .collect()
}

fn dates<'a>(report: &'a serde_json::Value, source: &str) -> Vec<&'a serde_json::Value> {
    report["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter(|c| c["kind"] == "date" && c["source"] == source)
        .collect()
}

fn explanations(report: &serde_json::Value, kind: &str) -> Vec<String> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["kind"] == kind)
        .map(|f| f["explanation"].as_str().expect("explanation").to_owned())
        .collect()
}

#[test]
fn dock_strike_dates_conflict_and_a_weekday_is_caught_issue_3() {
    let (code, report) = run_json(&["check", "--format", "json", "examples/dock-strike"]);
    assert_eq!(code, 1);
    let kinds = kinds(&report);
    for kind in [
        "date-conflict",
        "weekday-mismatch",
        "duration-conflict",
        "date-agreement",
    ] {
        assert!(kinds.iter().any(|k| k == kind), "{kind} in {kinds:?}");
    }
    let conflict = explanations(&report, "date-conflict");
    assert!(conflict[0].contains("April 28") && conflict[0].contains("April 30"));
    let weekday = explanations(&report, "weekday-mismatch");
    assert!(weekday[0].contains("Thursday"), "{weekday:?}");
}

#[test]
fn a_date_value_carries_resolution_granularity_and_phrase_issue_3() {
    let (_, report) = run_json(&["extract", "--format", "json", "examples/dock-strike"]);
    let wire = dates(&report, "harbour-wire");
    let monday = wire
        .iter()
        .find(|c| c["text"] == "Monday")
        .expect("a Monday in the wire story");
    assert_eq!(monday["value"]["resolved"], "2026-05-04");
    assert_eq!(monday["value"]["granularity"], "day");
    assert_eq!(monday["value"]["relative"], true);
    assert_eq!(monday["value"]["phrase"], "Monday");
}

#[test]
fn the_date_flag_resolves_undated_articles_issue_3() {
    let file = "tests/cmd/fixtures/undated-council.txt";
    let (_, without) = run_json(&["extract", "--format", "json", file]);
    let (_, with) = run_json(&["extract", "--format", "json", "--date", "2025-02-04", file]);
    let source = "undated-council";
    assert!(
        dates(&without, source)
            .iter()
            .all(|c| c["value"]["relative"] == false || c["value"]["resolved"].is_null())
    );
    let monday = dates(&with, source)
        .into_iter()
        .find(|c| c["text"] == "Monday")
        .expect("Monday");
    assert_eq!(monday["value"]["resolved"], "2025-02-03");
}

fn check(files: &[String]) -> (i32, serde_json::Value) {
    let mut args = vec!["check", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    run_json(&args)
}

#[test]
fn seeds_date_the_meeting_and_agree_on_july_issue_3() {
    let Some(dir) = corpus("seeds_date_the_meeting_and_agree_on_july_issue_3") else {
        return;
    };
    let (code, report) = check(&seed_files(&dir));
    assert_eq!(code, 0, "no conflict on the real seeds");
    assert!(explanations(&report, "date-conflict").is_empty());
    // Every source with a known date puts the meeting on Monday, Feb. 3, 2025.
    for source in report["sources"].as_array().expect("sources") {
        if source["date"].is_null() {
            continue;
        }
        let id = source["id"].as_str().expect("id");
        let mondays: Vec<_> = dates(&report, id)
            .into_iter()
            .filter(|c| c["text"] == "Monday")
            .collect();
        assert!(!mondays.is_empty(), "{id} says Monday");
        for m in mondays {
            assert_eq!(m["value"]["resolved"], "2025-02-03", "{id}");
        }
    }
    let agreements = explanations(&report, "date-agreement");
    assert!(
        agreements
            .iter()
            .any(|e| e.contains("July 1, 2024") && e.contains("“July” (2024-07)")),
        "{agreements:?}"
    );
}

#[test]
fn an_article_dating_the_start_jan_22_conflicts_with_the_wire_issue_3() {
    let Some(dir) = corpus("an_article_dating_the_start_jan_22_conflicts_with_the_wire_issue_3")
    else {
        return;
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut files = seed_files(&dir);
    let ours = tmp.path().join("border-desk.txt");
    fs::write(
        &ours,
        "---\nsource: Border Desk\ndate: 2025-02-05\n---\n\
         Since taking office on Jan. 22, the Trump administration has sharply increased \
         deportation flights to Latin America, officials said on Wednesday.\n",
    )
    .expect("write our article");
    files.push(ours.display().to_string());
    let (code, report) = check(&files);
    assert_eq!(code, 1);
    let conflicts = explanations(&report, "date-conflict");
    assert!(
        conflicts
            .iter()
            .any(|e| e.contains("Jan. 22") && e.contains("Jan. 20")),
        "{conflicts:?}"
    );
}

#[test]
fn a_wrong_weekday_in_a_seed_is_caught_in_that_article_alone_issue_3() {
    let Some(dir) = corpus("a_wrong_weekday_in_a_seed_is_caught_in_that_article_alone_issue_3")
    else {
        return;
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    let seed = seed_files(&dir)
        .into_iter()
        .find(|f| fs::read_to_string(f).is_ok_and(|t| t.contains("February 3, 2025")))
        .expect("a seed dated February 3, 2025");
    let text = fs::read_to_string(&seed).expect("seed is UTF-8");
    let edited = tmp.path().join("edited.txt");
    fs::write(
        &edited,
        text.replacen("February 3, 2025", "Sunday, February 3, 2025", 1),
    )
    .expect("write copy");
    let (code, report) = check(&[edited.display().to_string()]);
    assert_eq!(code, 1);
    let found = explanations(&report, "weekday-mismatch");
    assert!(found.iter().any(|e| e.contains("Monday")), "{found:?}");
}
