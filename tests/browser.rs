//! The HTML pages in a real browser: builds reports and coverage pages with the binary,
//! then runs `tests/browser/report.test.mjs` (node + playwright-core driving Debian's
//! chromium headless at 1280x800), which checks what a person sees: the selected spans
//! inside the viewport, the legend, the coverage marks. Screenshots go to
//! `target/screenshots/` (CI keeps them). Skipped with a message when node, the npm
//! packages or chromium are missing, unless `CORROBORATE_BROWSER=require` (set by
//! `.ci/run`), which makes them mandatory.

mod common;

use std::{
    fs,
    path::{Path, PathBuf},
    process::Command,
};

fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

fn browser_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser")
}

/// Whether the browser test can run; says why not when it cannot.
fn ready(test: &str) -> bool {
    let required = std::env::var("CORROBORATE_BROWSER").is_ok_and(|v| v == "require");
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let missing = if !node {
        Some("node is not installed".to_owned())
    } else if !browser_dir().join("node_modules/playwright-core").is_dir() {
        Some("run `npm ci` in tests/browser".to_owned())
    } else if !chromium().is_file() {
        Some(format!(
            "{} is missing (apt-get install chromium)",
            chromium().display()
        ))
    } else {
        None
    };
    match missing {
        None => {
            common::ran(test);
            true
        }
        Some(why) if required => panic!("{test}: CORROBORATE_BROWSER=require but {why}"),
        Some(why) => {
            common::skipped(test, &why);
            false
        }
    }
}

fn html_report(args: &[&str], out: &Path) {
    let out_arg = out.to_str().expect("UTF-8 temp path");
    let mut all = vec!["check", "--format", "html", "--output", out_arg];
    all.extend_from_slice(args);
    let run = common::run(&all);
    assert!(
        matches!(run.status.code(), Some(0 | 1)),
        "corroborate failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(run.stdout.is_empty(), "--output keeps stdout empty");
}

fn coverage_page(draft: &str, against: &[&str], out: &Path) {
    let out_arg = out.to_str().expect("UTF-8 temp path");
    let mut all = vec![
        "coverage",
        draft,
        "--format",
        "html",
        "--fail-on",
        "never",
        "-o",
        out_arg,
        "--against",
    ];
    all.extend_from_slice(against);
    let run = common::run(&all);
    assert_eq!(
        run.status.code(),
        Some(0),
        "corroborate coverage failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(run.stdout.is_empty(), "-o keeps stdout empty");
}

/// Where a screenshot is kept: `target/screenshots/NAME.png` (CI keeps them as artifacts).
fn screenshot(name: &str) -> String {
    let dir = common::skip_dir()
        .parent()
        .expect("the skip notes live in the target directory")
        .join("screenshots");
    fs::create_dir_all(&dir).expect("screenshot dir");
    dir.join(format!("{name}.png"))
        .to_str()
        .expect("UTF-8 target path")
        .to_owned()
}

fn drive(report: &Path, extra: &[&str]) -> String {
    let out = Command::new("node")
        .arg(browser_dir().join("report.test.mjs"))
        .arg(report)
        .args(extra)
        .env("CHROMIUM", chromium())
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "browser test failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

#[test]
fn clicking_a_conflict_marks_its_spans_in_both_sources() {
    if !ready("clicking_a_conflict_marks_its_spans_in_both_sources") {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let report = tmp.path().join("harbour-fire.html");
    html_report(&["examples/harbour-fire"], &report);
    let shot = screenshot("harbour-fire-report");
    let log = drive(
        &report,
        &[
            "--expect-conflict",
            "--open",
            "conflict",
            "--open",
            "agreement",
            "--sources-fit",
            "4",
            "--screenshot",
            &shot,
        ],
    );
    assert!(log.contains("marks spans in 2 sources"), "{log}");
    assert!(
        log.contains("the selected span is inside the viewport in all 2 involved sources"),
        "{log}"
    );
}

#[test]
fn the_coverage_page_marks_each_draft_claim_and_shows_the_sources_words() {
    if !ready("the_coverage_page_marks_each_draft_claim_and_shows_the_sources_words") {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let page = tmp.path().join("coverage.html");
    coverage_page(
        "examples/drafts/harbour-fire-draft.md",
        &["examples/harbour-fire"],
        &page,
    );
    let shot = screenshot("harbour-fire-coverage");
    let log = drive(&page, &["--coverage", "--screenshot", &shot]);
    for status in ["corroborated", "contradicted", "unsupported"] {
        assert!(log.contains(&format!("marked {status}")), "{log}");
    }
    assert!(
        log.contains("Ellery Gazette: \"27 stalls\""),
        "the 30 stalls of the draft are shown beside the Gazette's words: {log}"
    );
}

/// Twenty invented sources sharing figures about many things: thousands of claims.
fn write_large_corpus(dir: &Path) -> usize {
    let things = [
        "lamps", "benches", "buses", "trees", "bridges", "schools", "boats", "wells", "clinics",
        "ferries", "stalls", "markets",
    ];
    let places = [
        "Alder",
        "Birch",
        "Cedar",
        "Dunmore",
        "Elmwood",
        "Fairley",
        "Garron",
        "Hollin",
        "Ivybank",
        "Juniper",
        "Kestrel",
        "Larchmont",
    ];
    let mut claims = 0;
    for source in 0..20 {
        let mut text =
            format!("source: outlet{source}.example\n\nCouncil survey, part {source}\n\n");
        for (p, place) in places.iter().enumerate() {
            for (t, thing) in things.iter().enumerate() {
                // Most sources agree; every seventh source counts one more, a conflict.
                let count = 10 + p * 12 + t + usize::from(source % 7 == 3 && t == p);
                text.push_str(&format!(
                    "Inspectors in {place} district counted {count} {thing} during the {place} survey this spring. "
                ));
                claims += 1;
            }
            text.push_str("\n\n");
        }
        fs::write(dir.join(format!("survey-{source:02}.txt")), text).expect("write source");
    }
    claims
}

#[test]
fn a_report_of_twenty_sources_and_thousands_of_claims_stays_usable() {
    if !ready("a_report_of_twenty_sources_and_thousands_of_claims_stays_usable") {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    fs::create_dir(&corpus).expect("corpus dir");
    let claims = write_large_corpus(&corpus);
    assert!(claims >= 2000, "{claims} claims");
    let report = tmp.path().join("large.html");
    html_report(&[corpus.to_str().expect("UTF-8")], &report);
    let log = drive(&report, &["--expect-conflict", "--timing"]);
    eprintln!("{log}");
    let click_ms: u64 = log
        .lines()
        .find_map(|l| {
            l.strip_prefix("timing: ")?
                .split("click ")
                .nth(1)?
                .strip_suffix(" ms")?
                .parse()
                .ok()
        })
        .expect("timing line");
    assert!(click_ms < 1000, "selecting a finding took {click_ms} ms");
}

#[test]
fn the_seeds_report_renders_and_can_be_photographed() {
    let Some(corpus) = common::corpus("the_seeds_report_renders_and_can_be_photographed") else {
        return;
    };
    if !ready("the_seeds_report_renders_and_can_be_photographed") {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let report = tmp.path().join("seeds.html");
    html_report(&[corpus.join("seeds").to_str().expect("UTF-8")], &report);
    // The picture stays in target/ (never committed: it shows corpus text).
    let shot = screenshot("seeds-report");
    let log = drive(
        &report,
        &[
            "--sources-fit",
            "5",
            "--open",
            "agreement",
            "--open",
            "conflict?",
            "--screenshot",
            &shot,
        ],
    );
    assert!(log.contains("5 sources are shown whole"), "{log}");
    assert!(
        log.contains("(agreement): the selected span is inside the viewport"),
        "{log}"
    );
}

#[test]
fn a_draft_about_the_seeds_story_has_its_coverage_page() {
    let Some(corpus) = common::corpus("a_draft_about_the_seeds_story_has_its_coverage_page") else {
        return;
    };
    if !ready("a_draft_about_the_seeds_story_has_its_coverage_page") {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let page = tmp.path().join("coverage.html");
    let seeds = corpus.join("seeds");
    coverage_page(
        "examples/drafts/el-salvador-visit.md",
        &[seeds.to_str().expect("UTF-8")],
        &page,
    );
    let shot = screenshot("seeds-coverage");
    drive(&page, &["--coverage", "--screenshot", &shot]);
}
