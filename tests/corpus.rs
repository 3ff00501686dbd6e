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
    let found = findings_with(&report, "32 men and 14 women");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["verdict"], "conflict");
    // The migrants' frames name no attribute: a conflict to check, which the default
    // `--fail-on conflict` reports without failing and `any-conflict` fails on.
    assert_eq!(found[0]["confidence"], "to-check");
    assert_eq!(code, 0, "a conflict to check does not fail the default run");
    let mut args = vec!["check", "--format", "json", "--fail-on", "any-conflict"];
    args.extend(files.iter().map(String::as_str));
    assert_eq!(run_json(&args).0, 1, "--fail-on any-conflict fails on it");
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

/// Copy the seeds into a temporary directory, replacing `from` with `to` in the one seed
/// whose name starts with `seed` (the others keep their words).
fn one_seed_edited(
    dir: &Path,
    seed: &str,
    from: &str,
    to: &str,
) -> (tempfile::TempDir, Vec<String>) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut files = Vec::new();
    let mut replaced = 0;
    for file in seed_files(dir) {
        let name = Path::new(&file).file_name().expect("file name");
        let mut text = fs::read_to_string(&file).expect("seed is UTF-8");
        if name.to_string_lossy().starts_with(seed) {
            replaced += text.matches(from).count();
            text = text.replacen(from, to, 1);
        }
        let target = tmp.path().join(name);
        fs::write(&target, text).expect("write copy");
        files.push(target.display().to_string());
    }
    assert_eq!(replaced, 1, "`{from}` occurs once in seed {seed}");
    (tmp, files)
}

/// The conflict findings whose claims include one with `changed` and one with `kept`.
fn conflicts_between(report: &serde_json::Value, changed: &str, kept: &str) -> usize {
    findings_with(report, changed)
        .into_iter()
        .filter(|f| f["verdict"] == "conflict")
        .filter(|f| finding_texts(report, f).iter().any(|t| t.contains(kept)))
        .count()
}

/// A draft of our own words checked against the real seeds: the status of the draft claim
/// whose text holds `needle`.
fn draft_status(dir: &Path, draft: &str, needle: &str) -> String {
    let tmp = tempfile::tempdir().expect("temp dir");
    let path = tmp.path().join("draft.md");
    fs::write(&path, draft).expect("write draft");
    let mut args = vec![
        "coverage",
        "--format",
        "json",
        path.to_str().expect("UTF-8"),
        "--against",
    ];
    let seeds = seed_files(dir);
    args.extend(seeds.iter().map(String::as_str));
    let (_, report) = run_json(&args);
    let claims = report["claims"].as_array().expect("draft claims");
    let claim = claims
        .iter()
        .find(|c| c["text"].as_str().is_some_and(|t| t.contains(needle)))
        .unwrap_or_else(|| panic!("a draft claim holds `{needle}`: {claims:?}"));
    claim["status"].as_str().expect("status").to_owned()
}

/// Issue 15: one changed figure in one seed, or one quote reworded, is a conflict with
/// the seeds that kept it; the same change in a draft is contradicted by the seeds.
#[test]
fn one_changed_figure_or_reworded_quote_conflicts_issue_15() {
    let Some(dir) = corpus("one_changed_figure_or_reworded_quote_conflicts_issue_15") else {
        return;
    };
    let cases = [
        // A count.
        (
            "002",
            "watched 43 Colombian",
            "watched 45 Colombian",
            "45 Colombian",
            "43",
        ),
        // A bound turned round.
        (
            "002",
            "arresting more than 80,000",
            "arresting nearly 80,000",
            "nearly 80,000",
            "more than 80,000",
        ),
        // A quote reworded in a few words.
        (
            "000",
            "the most unprecedented, extraordinary, extraordinary migratory agreement",
            "the most unusual, extraordinary migratory deal",
            "the most unusual",
            "the most unprecedented",
        ),
    ];
    for (seed, from, to, changed, kept) in cases {
        let (_tmp, files) = one_seed_edited(&dir, seed, from, to);
        let (code, report) = check(&files);
        assert!(
            conflicts_between(&report, changed, kept) == 1,
            "`{to}` in seed {seed} is one conflict with `{kept}`: {:#}",
            report["findings"]
        );
        assert!(matches!(code, 0 | 1), "exit 0 or 1, not an error");
    }
    let drafts = [
        (
            "Panama reported an 80% decrease in migrants crossing the Darien region.",
            "80%",
        ),
        (
            "Rubio watched 45 Colombian migrants board a deportation flight in Panama.",
            "45",
        ),
        (
            "\u{201c}The most unusual, extraordinary migratory deal anywhere in the world,\u{201d} Rubio said of the deal.",
            "most unusual",
        ),
    ];
    for (draft, needle) in drafts {
        assert_eq!(draft_status(&dir, draft, needle), "contradicted", "{draft}");
    }
}

/// The keys of a claim's value that are figures or names from our own tables, never the
/// article's words (phrases, counted text, speakers, events and quotes are left out).
const SNAPSHOT_VALUE_KEYS: &[&str] = &[
    "number",
    "low",
    "high",
    "qualifier",
    "unit",
    "subset",
    "amount",
    "low_days",
    "high_days",
    "iso",
    "age",
    "resolved",
    "granularity",
    "timex",
    "relative",
    "attributive",
    "quoted",
    "status",
];

/// One line per source, claim, finding and link of a report, holding no article text:
/// ids, kinds, byte spans, figures, units, verdicts, confidences and similarities.
fn textless_lines(report: &serde_json::Value) -> String {
    use std::fmt::Write as _;
    let list = |key: &str| report[key].as_array().cloned().unwrap_or_default();
    let mut out = String::new();
    for source in list("sources") {
        let _ = writeln!(
            out,
            "source {} group {}",
            source["id"].as_str().expect("source id"),
            source["independence_group"]
        );
    }
    for claim in list("claims") {
        let _ = write!(
            out,
            "claim {} {} {}..{}",
            claim["id"].as_str().expect("claim id"),
            claim["kind"].as_str().expect("claim kind"),
            claim["start"],
            claim["end"]
        );
        for key in SNAPSHOT_VALUE_KEYS {
            if let Some(v) = claim["value"].get(*key).filter(|v| !v.is_null()) {
                let _ = write!(out, " {key}={v}");
            }
        }
        out.push('\n');
    }
    for finding in list("findings") {
        let ids: Vec<&str> = finding["claims"]
            .as_array()
            .expect("claim ids")
            .iter()
            .map(|id| id.as_str().expect("claim id"))
            .collect();
        let _ = writeln!(
            out,
            "finding {} {} {} {} {} independent={} claims={}",
            finding["id"].as_str().expect("finding id"),
            finding["kind"].as_str().expect("finding kind"),
            finding["verdict"].as_str().expect("verdict"),
            finding["severity"].as_str().unwrap_or("-"),
            finding["confidence"].as_str().unwrap_or("-"),
            finding["independent_sources"],
            ids.join(",")
        );
        for link in finding["links"].as_array().into_iter().flatten() {
            let _ = writeln!(
                out,
                "  link {} {} {} {}",
                link["a"].as_str().expect("link end"),
                link["b"].as_str().expect("link end"),
                link["relation"].as_str().expect("relation"),
                link["similarity"]
            );
        }
    }
    let _ = writeln!(out, "summary {}", report["summary"]);
    let _ = writeln!(out, "stats {}", report["stats"]);
    out
}

/// Golden snapshots of `check` on the facts `dev/` clusters (issue 19), holding no article
/// text: real articles are never copied into the repository (`textless_lines`). Update on
/// purpose with `INSTA_UPDATE=always cargo test --test corpus` (docs/guide.md).
#[test]
fn facts_cluster_reports_match_their_snapshots_issue_19() {
    let Some(dir) = corpus("facts_cluster_reports_match_their_snapshots_issue_19") else {
        return;
    };
    let mut clusters: Vec<String> = fs::read_dir(dir.join("news-clusters/facts/dev"))
        .expect("facts/dev")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            p.file_stem()
                .expect("file name")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    clusters.sort();
    assert!(!clusters.is_empty(), "facts/dev names clusters");
    for cluster in clusters {
        let folder = dir.join("news-clusters/ecbplus").join(&cluster);
        let folder = folder.display().to_string();
        let (_, report) = run_json(&["check", "--format", "json", "--fail-on", "never", &folder]);
        insta::assert_snapshot!(format!("facts-{cluster}"), textless_lines(&report));
    }
}
