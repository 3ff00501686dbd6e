//! People, titles and attribution (issue 9): role claims, who said what, and how sources
//! are reconciled on them. The seed tests read `$CORROBORATE_CORPUS/seeds`; edited copies
//! are made in a temporary directory, the corpus is never copied into the repository.

mod common;

use common::seed_files;

use std::{fs, path::Path};

use common::{corpus, run_json};
use serde_json::Value;

fn claims_of<'a>(report: &'a Value, kind: &str) -> Vec<&'a Value> {
    report["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter(|c| c["kind"] == kind)
        .collect()
}

fn findings_of<'a>(report: &'a Value, kind: &str) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["kind"] == kind)
        .collect()
}

/// The speaker of the quote claim in `source` whose text starts with `start`.
fn speaker<'a>(report: &'a Value, source: &str, start: &str) -> Option<&'a str> {
    let found: Vec<&Value> = claims_of(report, "quote")
        .into_iter()
        .filter(|c| {
            c["source"].as_str().is_some_and(|s| s.starts_with(source))
                && c["text"].as_str().is_some_and(|t| t.starts_with(start))
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one quote in {source} starts with `{start}`"
    );
    found[0]["value"]["speaker"].as_str()
}

#[test]
fn council_vote_shows_a_role_conflict_a_misattribution_and_a_misspelling_issue_9() {
    let (code, report) = run_json(&["check", "--format", "json", "examples/council-vote"]);
    assert_eq!(code, 1, "the council-vote examples hold conflicts");

    let conflicts = findings_of(&report, "role-conflict");
    assert_eq!(conflicts.len(), 1);
    let why = conflicts[0]["explanation"].as_str().expect("explanation");
    assert!(
        why.contains("Lee Park cannot be both deputy mayor and treasurer"),
        "{why}"
    );

    let misattributed = findings_of(&report, "misattributed-quote");
    assert_eq!(misattributed.len(), 1);
    let why = misattributed[0]["explanation"]
        .as_str()
        .expect("explanation");
    assert!(
        why.contains("credited to Ana Ruiz and to Lee Park"),
        "{why}"
    );

    let misspelt = findings_of(&report, "name-misspelling");
    assert_eq!(misspelt.len(), 1);
    let why = misspelt[0]["explanation"].as_str().expect("explanation");
    assert!(
        why.contains("Maria Hollingsworth") && why.contains("Maria Hollingworth"),
        "{why}"
    );

    let agreements = findings_of(&report, "role-agreement");
    assert_eq!(agreements.len(), 1, "Ana Ruiz is the mayor in both");
}

#[test]
fn council_vote_speakers_resolve_pronouns_and_titles_issue_9() {
    let (_, report) = run_json(&["extract", "--format", "json", "examples/council-vote"]);
    assert_eq!(
        speaker(&report, "eastvale", "The heating bill"),
        Some("Maria Hollingsworth"),
        "she"
    );
    assert_eq!(
        speaker(&report, "eastvale", "a fair outcome"),
        Some("Ana Ruiz"),
        "the mayor"
    );
    assert_eq!(
        speaker(&report, "ridge", "Hundreds of letters"),
        Some("Ana Ruiz"),
        "she"
    );
    assert_eq!(
        speaker(&report, "ridge", "We will not close"),
        Some("Lee Park"),
        "said Park"
    );
    let roles = claims_of(&report, "role");
    let park = roles
        .iter()
        .find(|c| c["value"]["person"] == "Lee Park" && c["source"] == "eastvale-courier")
        .expect("Lee Park's role");
    assert_eq!(park["value"]["role"], "deputy mayor");
    assert_eq!(park["value"]["status"], "current");
    assert!(park["value"].get("organization").is_some());
}

fn check(files: &[String]) -> (i32, Value) {
    let mut args = vec!["check", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    run_json(&args)
}

/// Every quote of the seeds with its speaker, by source prefix and the quote's first
/// words. None: the article does not say who spoke.
const SEED_SPEAKERS: &[(&str, &str, Option<&str>)] = &[
    ("000", "the most unprecedented", Some("Marco Rubio")), // "he announced"
    ("000", "Salvadoran MS-13", Some("Tammy Bruce")),
    ("000", "promised to accept", Some("Tammy Bruce")),
    ("000", "extraordinary gesture", None),
    ("000", "offered to house", None),
    ("000", "the opportunity to", Some("Nayib Bukele")), // embedded post, unquoted
    ("000", "The fee would", Some("Nayib Bukele")),      // embedded post, unquoted
    ("000", "signed a Memorandum", Some("State Department")),
    ("001", "He’s also offered", Some("Marco Rubio")),
    ("001", "the most unprecedented", Some("Marco Rubio")),
    ("001", "the opportunity to", Some("Nayib Bukele")),
    ("001", "The fee would", Some("Nayib Bukele")),
    ("001", "This is an effective", Some("Marco Rubio")),
    ("001", "This flight today", Some("Marco Rubio")), // "he added"
    ("001", "We’re going to", Some("Marco Rubio")),    // stands alone after "he added"
    ("001", "Secretary Rubio made", Some("Tammy Bruce")),
    ("001", "We’ll study the", Some("José Raúl Mulino")),
    ("001", "is fueled by", Some("United States")),
    ("002", "an excellent job", Some("Marco Rubio")),
    ("002", "It's not good", Some("Marco Rubio")),
    ("002", "This is an example", Some("Marco Rubio")),
    ("003", "an excellent job", Some("Marco Rubio")),
    ("003", "It’s not good", Some("Marco Rubio")),
    ("003", "This is an example", Some("Marco Rubio")),
    ("004", "There will be", Some("Nayib Bukele")), // "In his exact words:"
];

#[test]
fn every_seed_quote_has_the_right_speaker_issue_9() {
    let Some(dir) = corpus("every_seed_quote_has_the_right_speaker_issue_9") else {
        return;
    };
    let (code, report) = check(&seed_files(&dir));
    assert_eq!(code, 0, "check still passes on the seeds");
    let quotes = claims_of(&report, "quote");
    let mut unlisted = Vec::new();
    for q in &quotes {
        let source = q["source"].as_str().expect("source");
        let text = q["text"].as_str().expect("text");
        let listed = SEED_SPEAKERS
            .iter()
            .any(|(s, start, _)| source.starts_with(s) && text.starts_with(start));
        if !listed {
            unlisted.push(format!("{source}: {text}"));
        }
    }
    assert!(
        unlisted.is_empty(),
        "quotes without an expected speaker: {unlisted:?}"
    );
    for (source, start, expected) in SEED_SPEAKERS {
        let found = quotes
            .iter()
            .filter(|c| {
                c["source"].as_str().is_some_and(|s| s.starts_with(source))
                    && c["text"].as_str().is_some_and(|t| t.starts_with(start))
            })
            .collect::<Vec<_>>();
        assert!(!found.is_empty(), "{source}: a quote starts with `{start}`");
        for c in found {
            assert_eq!(
                c["value"]["speaker"].as_str(),
                *expected,
                "speaker of {source} `{start}`"
            );
        }
    }
}

#[test]
fn seed_roles_agree_and_never_conflict_issue_9() {
    let Some(dir) = corpus("seed_roles_agree_and_never_conflict_issue_9") else {
        return;
    };
    let (_, report) = check(&seed_files(&dir));
    assert!(findings_of(&report, "role-conflict").is_empty());
    assert!(findings_of(&report, "misattributed-quote").is_empty());
    assert!(findings_of(&report, "name-misspelling").is_empty());
    let agreements = findings_of(&report, "role-agreement");
    let about = |person: &str| {
        agreements
            .iter()
            .find(|f| {
                f["claims"].as_array().expect("ids").iter().any(|id| {
                    report["claims"]
                        .as_array()
                        .expect("claims")
                        .iter()
                        .any(|c| c["id"] == *id && c["value"]["person"] == person)
                })
            })
            .copied()
    };
    let bruce = about("Tammy Bruce").expect("Tammy Bruce's role is corroborated");
    let sources: Vec<&str> = bruce["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        sources.iter().any(|s| s.starts_with("000"))
            && sources.iter().any(|s| s.starts_with("001"))
    );
    assert!(
        bruce["explanation"]
            .as_str()
            .expect("why")
            .contains("spokesperson of State Department")
    );
    let rubio = about("Marco Rubio").expect("Rubio's title is corroborated");
    assert!(rubio["independent_sources"].as_u64().expect("count") >= 3);
    assert!(
        rubio["explanation"]
            .as_str()
            .expect("why")
            .contains("secretary of state")
    );
}

#[test]
fn an_edited_seed_shows_a_misspelt_name_and_a_wrong_title_issue_9() {
    let Some(dir) = corpus("an_edited_seed_shows_a_misspelt_name_and_a_wrong_title_issue_9") else {
        return;
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut files = Vec::new();
    for file in seed_files(&dir) {
        let mut text = fs::read_to_string(&file).expect("seed is UTF-8");
        if Path::new(&file)
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("001"))
        {
            assert!(text.contains("Nayib Bukele") && text.contains("spokesperson Tammy"));
            text = text
                .replace("Nayib Bukele", "Nayib Bukelle")
                .replace("Bukele", "Bukelle")
                .replace("spokesperson Tammy", "deputy spokesperson Tammy");
        }
        let target = tmp.path().join(Path::new(&file).file_name().expect("name"));
        fs::write(&target, text).expect("write copy");
        files.push(target.display().to_string());
    }
    let (code, report) = check(&files);
    assert_eq!(code, 1);
    let misspelt = findings_of(&report, "name-misspelling");
    assert!(!misspelt.is_empty());
    assert!(
        misspelt[0]["explanation"]
            .as_str()
            .expect("why")
            .contains("Bukelle")
    );
    let conflicts = findings_of(&report, "role-conflict");
    assert_eq!(conflicts.len(), 1);
    assert!(
        conflicts[0]["explanation"]
            .as_str()
            .expect("why")
            .contains("deputy spokesperson")
    );
}
