//! Editor workflows (issue #4): coverage of a draft, diff of two sources, reviewed claim
//! files, baselines and suppression. The harbour-fire examples run everywhere; the seed
//! corpus tests read `$CORROBORATE_CORPUS` and work on temporary copies.

mod common;

use std::{
    fs,
    path::{Path, PathBuf},
};

use common::{corpus, run, run_json};
use serde_json::Value;

const HARBOUR: &str = "examples/harbour-fire";
const HARBOUR_DRAFT: &str = "examples/drafts/harbour-fire-draft.md";
const SEED_DRAFT: &str = "examples/drafts/el-salvador-visit.md";

fn code(out: &std::process::Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

/// The draft claim whose text contains `needle`.
fn draft_claim<'a>(report: &'a Value, needle: &str) -> &'a Value {
    let found: Vec<&Value> = report["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter(|c| c["text"].as_str().is_some_and(|t| t.contains(needle)))
        .collect();
    assert_eq!(found.len(), 1, "one draft claim with `{needle}`");
    found[0]
}

fn missing_texts(report: &Value) -> Vec<Vec<String>> {
    report["missing"]
        .as_array()
        .expect("missing")
        .iter()
        .map(|m| {
            m["claims"]
                .as_array()
                .expect("claims")
                .iter()
                .map(|c| c["text"].as_str().expect("text").to_owned())
                .collect()
        })
        .collect()
}

/// Copy every file of `from` into a new temporary folder.
fn copy_dir(from: &Path) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let to = tmp.path().join("articles");
    fs::create_dir(&to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_file() {
            fs::copy(&path, to.join(path.file_name().expect("name"))).expect("copy");
        }
    }
    (tmp, to)
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

#[test]
fn harbour_draft_coverage_names_each_claims_status_issue_4() {
    let (status, report) = run_json(&[
        "coverage",
        HARBOUR_DRAFT,
        "--against",
        HARBOUR,
        "--format",
        "json",
    ]);
    assert_eq!(status, 1, "a contradicted claim fails by default");
    let residents = draft_claim(&report, "112 residents");
    assert_eq!(residents["status"], "corroborated");
    assert_eq!(residents["independent_sources"], 2);
    let stalls = draft_claim(&report, "30 stalls");
    assert_eq!(stalls["status"], "contradicted");
    let against: Vec<&str> = stalls["contradicted_by"]
        .as_array()
        .expect("list")
        .iter()
        .map(|c| c["text"].as_str().expect("text"))
        .collect();
    assert_eq!(against, ["27 stalls", "35 stalls"]);
    assert_eq!(draft_claim(&report, "14 policies")["status"], "unsupported");
    let boats = draft_claim(&report, "9 fishing boats");
    assert_eq!(boats["status"], "unsupported");
    assert_eq!(
        boats["suppressed"],
        "confirmed by phone with the harbour master"
    );
    assert!(
        missing_texts(&report)
            .iter()
            .any(|m| m.iter().any(|t| t.contains("40 tonnes"))),
        "the tonnage two sources give is missing from the draft"
    );
    assert_eq!(report["summary"]["suppressed"], 1);
}

#[test]
fn coverage_fail_levels_issue_4() {
    let args = |level: &'static str| {
        code(&run(&[
            "coverage",
            HARBOUR_DRAFT,
            "--against",
            HARBOUR,
            "--fail-on",
            level,
        ]))
    };
    assert_eq!(args("never"), 0);
    assert_eq!(args("unsupported"), 1);
    assert_eq!(
        code(&run(&["coverage", "nowhere.md", "--against", HARBOUR])),
        2
    );
}

#[test]
fn markdown_markup_keeps_spans_and_numbers_issue_4() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let path = tmp.path().join("draft.md");
    let text = "# Flood: **112** moved\n\nOfficials moved **64 men and 48 women** to the gym, \
        [the council said](https://example.org/2024/55-people?page=7). The repairs cost \
        _nearly $2.7 million_.\n\n<!-- corroborate: ignore 3 calls confirmed it -->\n**Later**, 9 boats left.\n";
    fs::write(&path, text).expect("write");
    let (status, report) = run_json(&["extract", "--format", "json", s(&path)]);
    assert_eq!(status, 0);
    let claims = report["claims"].as_array().expect("claims");
    let texts: Vec<&str> = claims
        .iter()
        .map(|c| c["text"].as_str().expect("text"))
        .collect();
    assert!(texts.contains(&"64 men and 48 women"), "{texts:?}");
    assert!(texts.contains(&"nearly $2.7 million"), "{texts:?}");
    assert!(texts.contains(&"9 boats"), "{texts:?}");
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("55") || t.contains("3 calls")),
        "no claim from a link target or a comment: {texts:?}"
    );
    for c in claims {
        let (start, end) = (
            c["start"].as_u64().expect("start") as usize,
            c["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(
            &text[start..end],
            c["text"],
            "spans are byte offsets into the file"
        );
    }
}

#[test]
fn harbour_diff_shows_shared_and_conflicting_claims_issue_4() {
    let a = "examples/harbour-fire/coastline-wire.txt";
    let b = "examples/harbour-fire/radio-ellery.txt";
    let (status, report) = run_json(&["diff", a, b, "--format", "json"]);
    // The two wordings of the chief's quote differ in function words only ("that is what
    // matters" / "that is all that matters"): one statement, shared (issue 15).
    assert_eq!(status, 0, "no conflict between these two sources");
    let changes: Vec<(&str, String)> = report["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| {
            let texts: Vec<&str> = e["a"]
                .as_array()
                .expect("a")
                .iter()
                .chain(e["b"].as_array().expect("b"))
                .map(|c| c["text"].as_str().expect("text"))
                .collect();
            (e["change"].as_str().expect("change"), texts.join(" | "))
        })
        .collect();
    assert!(
        changes.iter().any(|(c, t)| *c == "shared"
            && t.contains("about 40 tonnes")
            && t.contains("roughly 40 tonnes")),
        "{changes:?}"
    );
    assert!(
        changes
            .iter()
            .any(|(c, t)| *c == "shared" && t.contains("Nobody was hurt")),
        "{changes:?}"
    );
    assert!(
        changes
            .iter()
            .any(|(c, t)| *c == "only_a" && t.contains("$4.2 million")),
        "{changes:?}"
    );
    let text = run(&["diff", a, b, "--fail-on", "never"]);
    assert_eq!(code(&text), 0);
    let stdout = String::from_utf8_lossy(&text.stdout);
    assert!(stdout.starts_with("--- a/coastline-wire"));
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("  ") && l.contains("Nobody was hurt"))
    );
    assert!(!stdout.lines().any(|l| l.starts_with("! ")));
}

/// Write claim files of `articles` into a new `claims` folder beside them.
fn extract_to(articles: &Path) -> PathBuf {
    let claims = articles.with_file_name("claims");
    let out = run(&["extract", s(articles), "--write", s(&claims)]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    claims
}

fn claim_value(report: &Value, text: &str) -> Vec<f64> {
    report["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter(|c| c["text"] == text)
        .filter_map(|c| c["value"]["number"].as_f64())
        .collect()
}

#[test]
fn claim_files_round_trip_issue_4() {
    let (_tmp, articles) = copy_dir(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(HARBOUR)
            .as_path(),
    );
    let claims = extract_to(&articles);
    let gazette = claims.join("ellery-gazette.toml");
    let written = fs::read_to_string(&gazette).expect("claim file");

    // Rewriting unchanged claims gives identical bytes.
    let again = articles.with_file_name("again");
    let out = run(&["extract", s(&claims), s(&articles), "--write", s(&again)]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    for entry in fs::read_dir(&claims).expect("claims") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name");
        assert_eq!(
            fs::read(&path).expect("first"),
            fs::read(again.join(name)).expect("second"),
            "{name:?} is byte-stable"
        );
    }

    // Existing files are not overwritten without --force, and never an input.
    assert_eq!(
        code(&run(&["extract", s(&articles), "--write", s(&claims)])),
        2
    );
    assert_eq!(fs::read_to_string(&gazette).expect("kept"), written);
    assert_eq!(
        code(&run(&[
            "extract",
            s(&claims),
            s(&articles),
            "--write",
            s(&claims),
            "--force"
        ])),
        2,
        "a claim file is never written over itself"
    );

    // An edited value is what check sees.
    fs::write(&gazette, written.replace("number = 27.0", "number = 35")).expect("edit");
    let (status, report) = run_json(&["check", "--format", "json", s(&claims), s(&articles)]);
    assert_eq!(claim_value(&report, "27 stalls"), [35.0]);
    let stalls = common::findings_with(&report, "27 stalls");
    assert_eq!(stalls[0]["verdict"], "agreement", "35 now agrees with 35");
    assert_eq!(status, 0, "nothing conflicts once 35 agrees with 35");

    // Claim files beside articles: the claim file wins for its article.
    let (_, beside) = run_json(&["check", "--format", "json", s(&articles), s(&gazette)]);
    assert_eq!(claim_value(&beside, "27 stalls"), [35.0]);
    assert_eq!(beside["sources"].as_array().expect("sources").len(), 4);

    // A deleted claim and an ignored one are not used.
    let edited = fs::read_to_string(&gazette).expect("claim file");
    let ignored = edited.replacen(
        "kind = \"quantity\"\ntext = \"27 stalls\"",
        "kind = \"quantity\"\ntext = \"27 stalls\"\nignore = true\nreason = \"the council corrected it\"",
        1,
    );
    assert_ne!(ignored, edited);
    fs::write(&gazette, ignored).expect("edit");
    let (_, report) = run_json(&["check", "--format", "json", s(&claims), s(&articles)]);
    assert!(claim_value(&report, "27 stalls").is_empty());
    assert_eq!(
        report["ignored_claims"][0]["reason"],
        "the council corrected it"
    );

    // A stale claim file is reported and not used.
    let article = articles.join("ellery-gazette.txt");
    let text = fs::read_to_string(&article).expect("article");
    fs::write(&article, text.replace("27 stalls", "29 stalls")).expect("edit article");
    let out = run(&["check", s(&claims), s(&articles)]);
    assert_eq!(code(&out), 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("is stale"), "{stderr}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("ellery-gazette.txt"));
}

#[test]
fn a_baseline_accepts_known_findings_only_issue_4() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let baseline = tmp.path().join("baseline.toml");
    let out = run(&["check", HARBOUR, "--write-baseline", s(&baseline)]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        code(&run(&["check", HARBOUR, "--write-baseline", s(&baseline)])),
        2,
        "an existing baseline is kept without --force"
    );
    let (status, report) = run_json(&[
        "check",
        HARBOUR,
        "--baseline",
        s(&baseline),
        "--format",
        "json",
    ]);
    assert_eq!(status, 0);
    let conflicts: Vec<&Value> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["verdict"] == "conflict")
        .collect();
    assert_eq!(conflicts.len(), 1);
    assert!(conflicts.iter().all(|f| f["baseline_state"] == "baselined"));

    // Copies elsewhere, one new conflict: only it fails the run.
    let (_tmp, copies) = copy_dir(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(HARBOUR)
            .as_path(),
    );
    let radio = copies.join("radio-ellery.txt");
    let text = fs::read_to_string(&radio).expect("article");
    fs::write(
        &radio,
        text.replace("roughly 40 tonnes", "roughly 90 tonnes"),
    )
    .expect("edit");
    // 40 against 90 tonnes of catch: frames without an attribute, a conflict to check.
    let (status, report) = run_json(&[
        "check",
        s(&copies),
        "--baseline",
        s(&baseline),
        "--fail-on",
        "any-conflict",
        "--format",
        "json",
    ]);
    assert_eq!(status, 1);
    let new: Vec<&Value> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["verdict"] == "conflict" && f["baseline_state"] == "new")
        .collect();
    assert_eq!(new.len(), 1);
    assert!(new[0]["explanation"].as_str().expect("text").contains("90"));
}

#[test]
fn suppressed_draft_claims_do_not_fail_check_issue_4() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let draft = tmp.path().join("draft.md");
    let original = fs::read_to_string(HARBOUR_DRAFT).expect("draft");
    let text = original.replace(
        "The council said 30 stalls",
        "<!-- corroborate: ignore the council's own count -->\nThe council said 30 stalls",
    );
    fs::write(&draft, text).expect("write");
    let rules_free = |extra: &str| {
        run_json(&[
            "check",
            "--format",
            "json",
            "examples/harbour-fire/coastline-wire.txt",
            "examples/harbour-fire/ellery-gazette.txt",
            extra,
        ])
    };
    let (status, report) = rules_free(s(&draft));
    assert_eq!(status, 0, "the only conflict is suppressed");
    let stalls = common::findings_with(&report, "30 stalls");
    assert_eq!(stalls[0]["suppressed"], "the council's own count");
}

// ---- the seed corpus ----

fn seeds(dir: &Path) -> PathBuf {
    dir.join("seeds")
}

fn seed(dir: &Path, prefix: &str) -> PathBuf {
    fs::read_dir(seeds(dir))
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .expect("seed exists")
}

#[test]
fn seed_draft_coverage_says_exactly_what_is_wrong_issue_4() {
    let Some(dir) = corpus("seed_draft_coverage_says_exactly_what_is_wrong_issue_4") else {
        return;
    };
    let (status, report) = run_json(&[
        "coverage",
        SEED_DRAFT,
        "--against",
        s(&seeds(&dir)),
        "--format",
        "json",
    ]);
    assert_eq!(status, 1);
    // The figures the draft gets right, wrong or from nowhere (its "Monday" is a date
    // claim, corroborated, and checked by the date tests).
    let statuses: Vec<(&str, &str)> = report["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter(|c| c["kind"] == "quantity")
        .map(|c| {
            (
                c["text"].as_str().expect("t"),
                c["status"].as_str().expect("s"),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        [
            // Issue 16: "the second stop" is a rank, said by the sources too.
            ("second stop", "corroborated"),
            ("45,000 people", "contradicted"),
            ("nearly $2.7 million", "corroborated"),
            ("12 new consular offices", "unsupported"),
        ]
    );
    // Issue 9: the draft's titles are corroborated by the seeds.
    let roles: Vec<(&str, &str)> = report["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter(|c| c["kind"] == "role")
        .map(|c| {
            (
                c["text"].as_str().expect("t"),
                c["status"].as_str().expect("s"),
            )
        })
        .collect();
    assert_eq!(
        roles,
        [
            ("Secretary of State Marco Rubio", "corroborated"),
            ("President Nayib Bukele", "corroborated"),
        ]
    );
    let against = &draft_claim(&report, "45,000")["contradicted_by"];
    assert!(
        against
            .as_array()
            .expect("list")
            .iter()
            .all(|c| c["text"] == "more than 80,000 people")
    );
    let missing = missing_texts(&report);
    let has = |needle: &str| missing.iter().any(|m| m.iter().any(|t| t.contains(needle)));
    assert!(has("43 Colombian migrants"), "{missing:?}");
    assert!(has("90%"), "{missing:?}");
}

#[test]
fn seed_diff_of_wire_and_broadcaster_issue_4() {
    let Some(dir) = corpus("seed_diff_of_wire_and_broadcaster_issue_4") else {
        return;
    };
    let (status, report) = run_json(&[
        "diff",
        s(&seed(&dir, "003_")),
        s(&seed(&dir, "001_")),
        "--format",
        "json",
    ]);
    assert_eq!(status, 0);
    let entry = |change: &str, needle: &str| {
        report["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .filter(|e| e["change"] == change)
            .any(|e| {
                e["a"]
                    .as_array()
                    .expect("a")
                    .iter()
                    .chain(e["b"].as_array().expect("b"))
                    .any(|c| c["text"].as_str().is_some_and(|t| t.contains(needle)))
            })
    };
    assert!(entry("shared", "43 Colombian migrants"));
    assert!(entry("shared", "32 men and 11 women"));
    assert!(entry("only_a", "more than 80,000 people"));
    assert!(entry("only_b", "nearly $2.7 million"));
    assert!(!entry("conflicting", ""));
}

#[test]
fn seed_claim_files_round_trip_and_go_stale_issue_4() {
    let Some(dir) = corpus("seed_claim_files_round_trip_and_go_stale_issue_4") else {
        return;
    };
    let (_tmp, articles) = copy_dir(&seeds(&dir));
    let claims = extract_to(&articles);
    let broadcaster = fs::read_dir(&claims)
        .expect("claims")
        .map(|e| e.expect("entry").path())
        .find(|p| p.to_string_lossy().contains("001_"))
        .expect("claim file of 001");
    let text = fs::read_to_string(&broadcaster).expect("claim file");
    let edited = text.replacen("number = 43.0", "number = 46", 1);
    assert_ne!(edited, text, "the 32 + 11 claim has number 43");
    fs::write(&broadcaster, edited).expect("edit");
    let (status, report) = run_json(&[
        "check",
        "--format",
        "json",
        "--fail-on",
        "any-conflict",
        s(&claims),
        s(&articles),
    ]);
    assert_eq!(status, 1, "46 conflicts with 43 (a conflict to check)");
    assert_eq!(claim_value(&report, "32 men and 11 women"), [46.0]);
    assert_eq!(
        common::findings_with(&report, "32 men and 11 women")[0]["verdict"],
        "conflict"
    );

    let article = fs::read_dir(&articles)
        .expect("articles")
        .map(|e| e.expect("entry").path())
        .find(|p| p.to_string_lossy().contains("001_"))
        .expect("article 001");
    let body = fs::read_to_string(&article).expect("article");
    fs::write(&article, body.replace("32 men", "33 men")).expect("edit");
    let out = run(&["check", s(&claims), s(&articles)]);
    assert_eq!(code(&out), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("is stale"));
}

#[test]
fn seed_baseline_fails_only_on_a_new_conflict_issue_4() {
    let Some(dir) = corpus("seed_baseline_fails_only_on_a_new_conflict_issue_4") else {
        return;
    };
    let (tmp, articles) = copy_dir(&seeds(&dir));
    let baseline = tmp.path().join("baseline.toml");
    let inputs = [s(&articles), SEED_DRAFT];
    let out = run(&[&["check", "--write-baseline", s(&baseline)][..], &inputs].concat());
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    // The seeds' conflicts are conflicts to check: the run fails on them at
    // `--fail-on any-conflict`, the level this workflow gates on.
    let with_baseline = |files: &[&str]| {
        code(&run(&[
            &[
                "check",
                "--fail-on",
                "any-conflict",
                "--baseline",
                s(&baseline),
            ][..],
            files,
        ]
        .concat()))
    };
    assert_eq!(
        code(&run(&[
            &["check", "--fail-on", "any-conflict"][..],
            &inputs
        ]
        .concat())),
        1,
        "the draft conflicts"
    );
    assert_eq!(with_baseline(&inputs), 0);
    let article = fs::read_dir(&articles)
        .expect("articles")
        .map(|e| e.expect("entry").path())
        .find(|p| p.to_string_lossy().contains("001_"))
        .expect("article 001");
    let body = fs::read_to_string(&article).expect("article");
    fs::write(&article, body.replace("11 women", "14 women")).expect("edit");
    assert_eq!(with_baseline(&inputs), 1);
}

/// A draft and two sources written to a temporary folder.
fn dated_inputs() -> (tempfile::TempDir, PathBuf, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let draft = dir.path().join("draft.md");
    let first = dir.path().join("first.txt");
    let second = dir.path().join("second.txt");
    std::fs::write(
        &draft,
        "The ferry terminal at Ostrow reopened on Monday after the storm repairs ended.\n",
    )
    .expect("write");
    std::fs::write(
        &first,
        "date: 2031-05-14\n\nThe ferry terminal at Ostrow reopened on May 12, 2031, once the storm repairs ended.\n",
    )
    .expect("write");
    std::fs::write(
        &second,
        "The Ostrow ferry terminal reopened on 12 May 2031 when storm repairs at the terminal ended.\n",
    )
    .expect("write");
    (dir, draft, first, second)
}

#[test]
fn coverage_resolves_the_drafts_relative_dates_with_date_flag() {
    let (_dir, draft, first, second) = dated_inputs();
    let args = |date: Option<&str>| {
        let mut v = vec![
            "coverage".to_owned(),
            s(&draft).to_owned(),
            "--against".to_owned(),
            s(&first).to_owned(),
            s(&second).to_owned(),
            "--format".to_owned(),
            "json".to_owned(),
        ];
        if let Some(d) = date {
            v.extend(["--date".to_owned(), d.to_owned()]);
        }
        v
    };
    let with = args(Some("2031-05-14"));
    let (_, report) = run_json(&with.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(
        draft_claim(&report, "Monday")["status"],
        "corroborated",
        "{report:#}"
    );
    // A week later "Monday" is another day, which no source gives (a bare weekday is
    // never called a contradiction: the reference day may be the wrong one).
    let later = args(Some("2031-05-21"));
    let (_, report) = run_json(&later.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(
        draft_claim(&report, "Monday")["status"],
        "unsupported",
        "{report:#}"
    );
}

#[test]
fn coverage_and_diff_colour_only_when_asked() {
    let (_dir, draft, first, second) = dated_inputs();
    for color in ["always", "never"] {
        let coverage = run(&[
            "coverage",
            s(&draft),
            "--against",
            s(&first),
            "--date",
            "2031-05-14",
            "--color",
            color,
        ]);
        // Two different days: one line only in A and one only in B, both coloured.
        let diff = run(&[
            "diff",
            s(&draft),
            s(&second),
            "--date",
            "2031-05-21",
            "--color",
            color,
        ]);
        for out in [coverage, diff] {
            let text = String::from_utf8_lossy(&out.stdout);
            assert_eq!(
                text.contains('\u{1b}'),
                color == "always",
                "{color}: {text}"
            );
        }
    }
}

// ---- issue 17 ----

#[test]
fn a_draft_quote_changed_in_a_few_words_is_contradicted_with_the_sources_words_issue_17() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let draft = tmp.path().join("draft.md");
    fs::write(
        &draft,
        "The fire forced 112 residents from their homes.\n\n\"Nobody was hurt, and that is what counts tonight,\" Fire Chief Dana Holt told reporters.\n",
    )
    .expect("write draft");
    let out = run(&["coverage", s(&draft), "--against", HARBOUR]);
    assert_eq!(code(&out), 1, "a contradicted claim fails the run");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let quote = text
        .lines()
        .skip_while(|l| !l.starts_with("contradicted") || !l.contains("what counts tonight"))
        .nth(1)
        .expect("the quote is contradicted");
    assert!(
        quote.contains("contradicted by")
            && quote.contains("“Nobody was hurt, and that is what matters tonight”"),
        "the source's words are shown: {quote}"
    );
}

#[test]
fn coverage_writes_its_report_with_output_issue_17() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let report = tmp.path().join("coverage.json");
    let out = run(&[
        "coverage",
        HARBOUR_DRAFT,
        "--against",
        HARBOUR,
        "--format",
        "json",
        "-o",
        s(&report),
    ]);
    assert_eq!(code(&out), 1);
    assert!(out.stdout.is_empty(), "-o keeps stdout empty");
    let json: Value =
        serde_json::from_str(&fs::read_to_string(&report).expect("report written")).expect("JSON");
    assert!(json["claims"].as_array().is_some_and(|c| !c.is_empty()));
    let refused = run(&[
        "coverage",
        HARBOUR_DRAFT,
        "--against",
        HARBOUR,
        "-o",
        HARBOUR_DRAFT,
    ]);
    assert_eq!(code(&refused), 2, "never written over an input");
}

#[test]
fn diff_leaves_out_scene_dates_and_shows_what_relative_dates_resolve_to_issue_17() {
    let out = run(&[
        "diff",
        "examples/harbour-fire/coastline-wire.txt",
        "examples/harbour-fire/radio-ellery.txt",
    ]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains("Wednesday (2026-03-11) = tonight (2026-03-11)"),
        "{text}"
    );
    // "tonight" alone in A is the day of writing: not an entry of its own.
    assert!(
        !text
            .lines()
            .any(|l| l.starts_with("- ") && l.ends_with(" tonight")),
        "{text}"
    );
}

#[test]
fn the_missing_list_puts_people_and_magnitudes_before_titles_and_weekdays_issue_17() {
    let Some(dir) =
        corpus("the_missing_list_puts_people_and_magnitudes_before_titles_and_weekdays_issue_17")
    else {
        return;
    };
    let (_, report) = run_json(&[
        "coverage",
        SEED_DRAFT,
        "--against",
        s(&seeds(&dir)),
        "--format",
        "json",
    ]);
    let order: Vec<String> = missing_texts(&report)
        .into_iter()
        .map(|t| t.join(" | "))
        .collect();
    let at = |needle: &str| {
        order
            .iter()
            .position(|t| t.contains(needle))
            .unwrap_or_else(|| panic!("{needle} missing: {order:?}"))
    };
    for first in ["32 men and 11 women", "90%"] {
        for later in ["President Trump", "Sunday"] {
            assert!(at(first) < at(later), "{first} before {later}: {order:?}");
        }
    }
}

/// Articles without metadata are named by a `sources.toml` beside them (read, never
/// written, never taken for a claim file), else by a first line that reads as a
/// headline, else by their file stem; each file is shown once.
#[test]
fn sources_are_named_by_a_sidecar_or_their_headline_issue_17() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    let body = "Flames tore through the covered market before dawn, and the council said 27 stalls were destroyed.\nTraders gathered behind the tape to count their losses.\n";
    fs::write(
        dir.join("a1.txt"),
        "Market Fire Destroys Stalls\n\nA fire gutted the old market hall overnight. The council said 27 stalls were destroyed.\nNeighbours watched the roof fall in.\n",
    )
    .expect("write");
    fs::write(dir.join("b2.txt"), body).expect("write");
    fs::write(
        dir.join("c3.txt"),
        "Listeners called in all morning about the blaze.\nThe council said 35 stalls were destroyed in the fire, a spokesman told our reporter.\n",
    )
    .expect("write");
    let sidecar = "# names for the articles here\nb2 = \"Ellery Gazette\"\n\n[\"c3.txt\"]\nsource = \"Radio Ellery\"\ndate = \"2026-03-11\"\n";
    fs::write(dir.join("sources.toml"), sidecar).expect("write");
    let out = run(&["check", s(dir), "--verbose"]);
    assert_eq!(code(&out), 1, "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    for (name, file) in [
        ("Market Fire Destroys Stalls", "a1.txt"),
        ("Ellery Gazette", "b2.txt"),
        ("Radio Ellery", "c3.txt"),
    ] {
        assert!(
            text.lines()
                .any(|l| l.starts_with(&format!("  {name} ")) && l.ends_with(file)),
            "{name} names {file}: {text}"
        );
        assert_eq!(text.matches(file).count(), 1, "{file} once: {text}");
    }
    assert!(text.contains("(Radio Ellery)"), "{text}");
    assert_eq!(
        fs::read_to_string(dir.join("sources.toml")).expect("kept"),
        sidecar,
        "the sidecar is only read"
    );
    let (_, json) = run_json(&["check", s(dir), "--format", "json"]);
    let c3 = json["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .find(|s| s["id"] == "c3")
        .expect("c3 listed");
    assert_eq!(c3["outlet"], "Radio Ellery");
    assert_eq!(c3["date"], "2026-03-11");
    // The article's own metadata wins over the sidecar.
    fs::write(dir.join("b2.txt"), format!("source: Own Outlet\n\n{body}")).expect("write");
    let text = String::from_utf8(run(&["check", s(dir)]).stdout).expect("UTF-8");
    assert!(text.contains("  Own Outlet "), "{text}");
    // A sidecar that does not parse is an input error naming the file; the rest is read.
    fs::write(dir.join("sources.toml"), "[c3]\nsorce = \"typo\"\n").expect("write");
    let out = run(&["check", s(dir)]);
    assert_eq!(code(&out), 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sources.toml"), "{err}");
    assert!(!out.stdout.is_empty(), "the articles are still reported");
}

/// Agreement headlines of the report, without their ids.
fn agreement_values(report: &str) -> Vec<String> {
    report
        .lines()
        .filter_map(|l| l.strip_prefix("✓ "))
        .filter_map(|l| l.split_once(' ').map(|(_, rest)| rest))
        .map(|rest| rest.split_once(": ").map_or(rest, |(v, _)| v).to_owned())
        .collect()
}

/// Findings that are one fact are one finding: two agreements on "2004" in one real
/// cluster are listed once, with both ids and every span.
#[test]
fn agreements_on_one_fact_are_listed_once_issue_17() {
    let Some(dir) = corpus("agreements_on_one_fact_are_listed_once_issue_17") else {
        return;
    };
    for cluster in [
        dir.join("news-clusters/ecbplus/ecbplus-t37-ecb"),
        dir.join("seeds"),
        PathBuf::from(HARBOUR),
    ] {
        let out = run(&["check", s(&cluster)]);
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        let values = agreement_values(&text);
        let mut unique = values.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(values.len(), unique.len(), "{text}");
    }
    let t37 = dir.join("news-clusters/ecbplus/ecbplus-t37-ecb");
    let text = String::from_utf8(run(&["check", s(&t37)]).stdout).expect("UTF-8");
    let line = text
        .lines()
        .find(|l| l.starts_with("✓ ") && l.contains(" “2004”:"))
        .unwrap_or_else(|| panic!("one 2004 agreement: {text}"));
    assert!(line.contains('+'), "both ids: {line}");
}
