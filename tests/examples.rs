//! The bundled examples show every verdict (issue #2), and the JSON contract holds.

mod common;

use common::{finding_texts, findings_with, run, run_json};
use serde::Deserialize;

/// Mirror of the documented JSON contract: parsing fails if a required field is missing.
#[derive(Debug, Deserialize)]
struct Report {
    version: u32,
    sources: Vec<Source>,
    claims: Vec<Claim>,
    findings: Vec<Finding>,
    summary: Summary,
}

#[derive(Debug, Deserialize)]
struct Source {
    id: String,
    path: String,
    independence_group: usize,
    outlet: Option<String>,
    date: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Claim {
    id: String,
    source: String,
    kind: String,
    text: String,
    start: usize,
    end: usize,
    line: usize,
    subject: String,
    value: serde_json::Value,
}

#[derive(Debug, Deserialize)]
struct Finding {
    id: String,
    verdict: String,
    kind: String,
    claims: Vec<String>,
    sources: Vec<String>,
    independent_sources: usize,
    explanation: String,
}

#[derive(Debug, Deserialize)]
struct Summary {
    agreement: usize,
    conflict: usize,
    single_source: usize,
}

#[test]
fn json_report_follows_the_contract() {
    let out = run(&["check", "--format", "json", "examples/harbour-fire"]);
    let report: Report = serde_json::from_slice(&out.stdout).expect("contract holds");
    assert_eq!(report.version, 1);
    assert_eq!(
        report.summary.agreement + report.summary.conflict + report.summary.single_source,
        report.findings.len()
    );
    for source in &report.sources {
        assert!(!source.id.is_empty() && !source.path.is_empty() && source.independence_group >= 1);
        assert!(
            source.outlet.is_some() && source.date.is_some(),
            "the examples carry metadata"
        );
    }
    for claim in &report.claims {
        let source = report
            .sources
            .iter()
            .find(|s| s.id == claim.source)
            .expect("claim source is listed");
        let text = std::fs::read_to_string(&source.path).expect("source readable");
        assert_eq!(
            &text[claim.start..claim.end],
            claim.text,
            "span of {} is exact",
            claim.id
        );
        assert!(claim.line >= 1 && !claim.subject.is_empty() && !claim.kind.is_empty());
        if claim.kind == "quantity" {
            for key in ["number", "low", "high", "qualifier", "unit", "counted"] {
                assert!(claim.value.get(key).is_some(), "quantity value has `{key}`");
            }
        } else if claim.kind == "quote" {
            assert!(
                claim.value.get("speaker").is_some() && claim.value.get("normalized").is_some()
            );
        }
    }
    for finding in &report.findings {
        assert!(
            finding.id.starts_with('F')
                && !finding.kind.is_empty()
                && !finding.explanation.is_empty()
        );
        assert!(
            finding
                .claims
                .iter()
                .all(|id| report.claims.iter().any(|c| &c.id == id))
        );
        assert!(
            finding.independent_sources >= 1
                && finding.independent_sources <= finding.sources.len()
        );
        assert!(["agreement", "conflict", "single_source"].contains(&finding.verdict.as_str()));
    }
}

#[test]
fn examples_show_every_verdict() {
    let (code, report) = run_json(&["check", "--format", "json", "examples/harbour-fire"]);
    assert_eq!(code, 1, "the examples hold conflicts");
    let sum = findings_with(&report, "64 men and 48 women");
    assert_eq!(sum.len(), 1);
    assert_eq!(sum[0]["verdict"], "agreement", "a sum agrees with a total");
    assert!(
        finding_texts(&report, sum[0])
            .iter()
            .any(|t| t == "112 residents")
    );

    let bounds = findings_with(&report, "Dozens of firefighters");
    assert_eq!(
        bounds[0]["verdict"], "agreement",
        "bounds agree: dozens and more than 60"
    );

    let stalls = findings_with(&report, "35 stalls");
    assert_eq!(stalls[0]["verdict"], "conflict");
    assert!(
        finding_texts(&report, stalls[0])
            .iter()
            .any(|t| t == "27 stalls")
    );

    let damage = findings_with(&report, "$4.2 million");
    assert_eq!(
        damage[0]["verdict"], "single_source",
        "a syndicated copy is not corroboration"
    );
    assert_eq!(damage[0]["sources"].as_array().expect("sources").len(), 2);

    let quote = findings_with(&report, "We were lucky the wind turned before midnight");
    assert_eq!(quote[0]["verdict"], "agreement");
    let misquote = findings_with(&report, "that is all that matters");
    assert_eq!(misquote[0]["verdict"], "conflict");
    assert_eq!(misquote[0]["kind"], "misquote");
}

#[test]
fn reordered_arguments_give_identical_output() {
    let dir = "examples/harbour-fire";
    let files = [
        "coastline-wire.txt",
        "ellery-gazette.txt",
        "harbour-daily-syndicated.txt",
        "radio-ellery.txt",
    ];
    let forward: Vec<String> = files.iter().map(|f| format!("{dir}/{f}")).collect();
    let mut backward = forward.clone();
    backward.reverse();
    for format in ["human", "json"] {
        let mut a = vec!["check", "--color", "never", "--format", format];
        a.extend(forward.iter().map(String::as_str));
        let mut b = vec!["check", "--color", "never", "--format", format];
        b.extend(backward.iter().map(String::as_str));
        assert_eq!(
            run(&a).stdout,
            run(&b).stdout,
            "{format} output depends on argument order"
        );
    }
}

#[test]
fn inputs_are_never_written() {
    let before: Vec<(String, Vec<u8>)> = std::fs::read_dir("examples/harbour-fire")
        .expect("examples")
        .map(|e| {
            let p = e.expect("entry").path();
            (
                p.display().to_string(),
                std::fs::read(&p).expect("readable"),
            )
        })
        .collect();
    let _ = run(&["check", "examples/harbour-fire"]);
    for (path, bytes) in before {
        assert_eq!(
            std::fs::read(&path).expect("still there"),
            bytes,
            "{path} changed"
        );
    }
}
