//! Every output format of one analysis, each checked: JSON, SARIF and JSON Lines parse,
//! GitHub annotations are one command per line, and what reaches a terminal (human
//! report, claim listing, GitHub annotations) holds no control character. Shared by the
//! `claim_files` and `renderers` targets.

use corroborate::{
    extract::Claim,
    ingest::Article,
    reconcile::{self, Groups},
    report::{self, Analysis, github, html, human, json, jsonl, junit, sarif},
    config::Settings,
};

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

pub use invariants::{check_article, check_claims};

/// Reconcile `claims` of `articles` and render every format.
pub fn render_every_format(articles: &[Article], claims: &[Claim], settings: &Settings) {
    check_claims(articles, claims);
    let reconciled = reconcile::judge(articles, claims, settings);
    let analysis = Analysis {
        articles,
        claims,
        groups: &reconciled.groups,
        findings: &reconciled.findings,
        comparisons: reconciled.comparisons,
    };
    let out = json::render(&analysis, true);
    serde_json::from_str::<serde_json::Value>(&out).expect("the JSON report parses");
    let out = sarif::render(&analysis, None);
    serde_json::from_str::<serde_json::Value>(&out).expect("the SARIF report parses");
    let out = jsonl::render(&analysis);
    for line in out.lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("each JSON line parses");
    }
    let out = github::render(&analysis);
    for line in out.lines() {
        assert!(line.starts_with("::"), "a GitHub line that is no command: {line:?}");
    }
    invariants::check_terminal_safe(&out, "the GitHub annotations");
    let out = junit::render(&analysis, &|_| true);
    assert!(out.starts_with("<?xml"), "JUnit starts with its declaration");
    let out = html::render(&analysis);
    assert!(out.contains("</html>"), "the HTML report is whole");
    for style in [
        human::Style { color: false, width: 80 },
        human::Style { color: true, width: 20 },
    ] {
        let out = human::render(&analysis, style);
        if !style.color {
            invariants::check_terminal_safe(&out, "the human report");
        }
    }
    let listing_groups = Groups {
        of_article: (1..=articles.len()).collect(),
        comparisons: 0,
    };
    let listing = Analysis {
        groups: &listing_groups,
        findings: &[],
        comparisons: 0,
        ..analysis
    };
    let out = human::render_claims(&listing);
    invariants::check_terminal_safe(&out, "the claim listing");
    for line in out.lines() {
        assert_eq!(line.matches('\t').count() >= 3, true, "a claim line has its columns");
    }
    let _ = report::terminal_safe(&out);
}
