//! SARIF output against the official SARIF 2.1.0 schema, read at test time from
//! `../shared/schemas/` (never copied into the repository), and the stability of the
//! findings' fingerprints.

mod common;

use std::{
    collections::BTreeSet,
    fs,
    path::{Path, PathBuf},
};

use common::{corpus, run, run_json};
use serde_json::Value;

fn schema_path() -> PathBuf {
    let dir = std::env::var_os("CORROBORATE_SCHEMAS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/schemas"),
        PathBuf::from,
    );
    dir.join("sarif-schema-2.1.0.json")
}

fn validator() -> jsonschema::Validator {
    let path = schema_path();
    let text = fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the SARIF schema is read from {} ({e}); set CORROBORATE_SCHEMAS to its folder",
            path.display()
        )
    });
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn assert_valid(validator: &jsonschema::Validator, sarif: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF is not valid:\n{}",
        errors.join("\n")
    );
}

fn sarif_of(args: &[&str]) -> Value {
    let mut all = vec!["check", "--format", "sarif"];
    all.extend_from_slice(args);
    run_json(&all).1
}

fn results(sarif: &Value) -> &Vec<Value> {
    sarif["runs"][0]["results"].as_array().expect("results")
}

fn fingerprints(sarif: &Value) -> BTreeSet<String> {
    results(sarif)
        .iter()
        .map(|r| {
            r["partialFingerprints"]["corroborate/finding/v1"]
                .as_str()
                .expect("fingerprint")
                .to_owned()
        })
        .collect()
}

#[test]
fn harbour_fire_sarif_validates_against_the_official_schema() {
    let validator = validator();
    let sarif = sarif_of(&["examples/harbour-fire"]);
    assert_valid(&validator, &sarif);
    // The validator is not vacuous: a log without its version is rejected.
    let mut broken = sarif.clone();
    broken.as_object_mut().expect("object").remove("version");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn every_claim_of_a_finding_is_a_location_with_its_byte_region() {
    let sarif = sarif_of(&["examples/harbour-fire"]);
    let (_, report) = run_json(&["check", "--format", "json", "examples/harbour-fire"]);
    let findings = report["findings"].as_array().expect("findings");
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert_eq!(results(&sarif).len(), findings.len());
    for (result, finding) in results(&sarif).iter().zip(findings) {
        assert_eq!(result["ruleId"], finding["kind"]);
        let index = result["ruleIndex"].as_u64().expect("rule index") as usize;
        assert_eq!(rules[index]["id"], finding["kind"]);
        assert_eq!(result["properties"]["findingId"], finding["id"]);
        let level = match finding["severity"].as_str() {
            Some("error") => "error",
            Some("warning") => "warning",
            _ => "note",
        };
        assert_eq!(result["level"], level);
        let locations = result["locations"].as_array().expect("locations");
        let claims = finding["claims"].as_array().expect("claims");
        assert_eq!(locations.len(), claims.len());
        for (location, id) in locations.iter().zip(claims) {
            let claim = common::claim(&report, id.as_str().expect("id"));
            let region = &location["physicalLocation"]["region"];
            assert_eq!(region["byteOffset"], claim["start"]);
            let length =
                claim["end"].as_u64().expect("end") - claim["start"].as_u64().expect("start");
            assert_eq!(region["byteLength"].as_u64(), Some(length));
            assert_eq!(region["startLine"], claim["line"]);
            assert_eq!(region["startColumn"], claim["column"]);
            assert_eq!(region["snippet"]["text"], claim["text"]);
            let uri = location["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .expect("uri");
            assert!(uri.starts_with("examples/harbour-fire/"), "{uri}");
        }
    }
    // A conflict is an error, or a warning when it is one to check (issue 15).
    assert!(results(&sarif).iter().any(|r| {
        matches!(r["level"].as_str(), Some("error" | "warning"))
            && r["ruleId"]
                .as_str()
                .is_some_and(|id| id.ends_with("conflict"))
    }));
}

#[test]
fn fingerprints_survive_moved_lines_and_change_with_a_figure() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let copy = |edit: &dyn Fn(&str, &str) -> String| {
        for entry in fs::read_dir("examples/harbour-fire").expect("example dir") {
            let path = entry.expect("entry").path();
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            let text = fs::read_to_string(&path).expect("UTF-8");
            fs::write(tmp.path().join(&name), edit(&name, &text)).expect("write");
        }
        sarif_of(&[tmp.path().to_str().expect("UTF-8 path")])
    };
    let original = fingerprints(&copy(&|_, t| t.to_owned()));
    let moved = fingerprints(&copy(&|name, t| {
        if name.starts_with("radio") {
            // Lines inserted after the metadata block move every claim down.
            assert!(t.contains("\n\n"), "the article has paragraphs");
            t.replacen("\n\n", "\n\nA new paragraph about the weather.\n\n", 1)
        } else {
            t.to_owned()
        }
    }));
    assert_eq!(original, moved, "moving text does not change fingerprints");
    let changed = fingerprints(&copy(&|name, t| {
        if name.starts_with("radio") {
            t.replace("35 stalls", "36 stalls")
        } else {
            t.to_owned()
        }
    }));
    assert_ne!(
        original, changed,
        "a different figure is a different finding"
    );
    assert!(
        original.intersection(&changed).count() > 0,
        "other findings keep theirs"
    );
}

fn seed_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir.join("seeds"))
        .expect("seeds folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn seeds_sarif_validates_and_an_edited_copy_reports_an_error() {
    let Some(dir) = corpus("seeds_sarif_validates_and_an_edited_copy_reports_an_error") else {
        return;
    };
    let validator = validator();
    let files = seed_files(&dir);
    let args: Vec<&str> = files
        .iter()
        .map(|p| p.to_str().expect("UTF-8 path"))
        .collect();
    let sarif = sarif_of(&args);
    assert_valid(&validator, &sarif);
    assert!(!results(&sarif).is_empty());
    assert!(results(&sarif).iter().all(|r| r["level"] != "error"));

    let tmp = tempfile::tempdir().expect("temp dir");
    let mut replaced = 0;
    for file in &files {
        let text = fs::read_to_string(file).expect("seed is UTF-8");
        replaced += text.matches("11 women").count();
        fs::write(
            tmp.path().join(file.file_name().expect("name")),
            text.replace("11 women", "14 women"),
        )
        .expect("write copy");
    }
    assert!(replaced > 0, "`11 women` occurs in the seeds");
    // The migrants' frames name no attribute: a conflict to check, which fails the run
    // at `--fail-on any-conflict` (the default fails on confident conflicts only).
    let out = run(&[
        "check",
        "--format",
        "sarif",
        "--fail-on",
        "any-conflict",
        tmp.path().to_str().expect("UTF-8"),
    ]);
    assert_eq!(out.status.code(), Some(1), "the edited copy conflicts");
    let edited: Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    assert_valid(&validator, &edited);
    let conflict = results(&edited)
        .iter()
        .find(|r| {
            matches!(r["level"].as_str(), Some("error" | "warning"))
                && r["ruleId"]
                    .as_str()
                    .is_some_and(|id| id.ends_with("conflict"))
        })
        .expect("a conflict is an error, or a warning when it is one to check");
    assert!(conflict["locations"].as_array().expect("locations").len() >= 2);
}
