//! The machine formats, config discovery and terminal behaviour, through the binary.

mod common;

use std::{fs, path::Path, process::Command};

use common::run;

fn stdout(args: &[&str]) -> String {
    String::from_utf8(run(args).stdout).expect("UTF-8 output")
}

/// Run the binary in `dir` without NO_COLOR or CI set.
fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CI")
        .output()
        .expect("the corroborate binary runs")
}

#[test]
fn jsonl_has_one_finding_per_line_with_its_claims() {
    let (_, report) = common::run_json(&["check", "--format", "json", "examples/harbour-fire"]);
    let text = stdout(&["check", "--format", "jsonl", "examples/harbour-fire"]);
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(lines.len(), findings.len());
    for (line, finding) in lines.iter().zip(findings) {
        assert_eq!(line["id"], finding["id"]);
        let ids: Vec<&serde_json::Value> = line["claims"]
            .as_array()
            .expect("claims inline")
            .iter()
            .map(|c| &c["id"])
            .collect();
        let expected: Vec<&serde_json::Value> = finding["claims"]
            .as_array()
            .expect("claims")
            .iter()
            .collect();
        assert_eq!(ids, expected);
        assert_eq!(line["fingerprint"].as_str().map(str::len), Some(32));
    }
}

#[test]
fn completions_and_man_pages_come_from_the_command_line_definition() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout(&["completions", shell]);
        for word in ["check", "extract", "rules", "format"] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
        // The shells whose generators complete values offer the formats too.
        if matches!(shell, "bash" | "zsh" | "fish") {
            assert!(
                script.contains("sarif") && script.contains("junit"),
                "{shell}"
            );
        }
    }
    let page = stdout(&["man"]);
    assert!(page.contains(".SH SUBCOMMANDS") && page.contains("corroborate\\-check"));
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run(&["man", "--out-dir", dir.path().to_str().expect("UTF-8")]);
    assert!(out.status.success());
    let check =
        fs::read_to_string(dir.path().join("corroborate-check.1")).expect("a page per subcommand");
    assert!(check.contains("sarif") && check.contains("\\-\\-output"));
}

#[test]
fn the_nearest_rules_file_is_found_up_to_the_repository_root() {
    let root = tempfile::tempdir().expect("temp dir");
    let nested = root.path().join("newsroom/drafts/today");
    fs::create_dir_all(&nested).expect("dirs");
    fs::write(
        root.path().join("newsroom/corroborate.toml"),
        "[severity]\nsingle-source = \"off\"\n",
    )
    .expect("rules");
    let listing = String::from_utf8(run_in(&nested, &["rules"]).stdout).expect("UTF-8");
    assert!(listing.contains("newsroom/corroborate.toml"), "{listing}");
    assert!(
        listing
            .lines()
            .any(|l| l.starts_with("single-source") && l.contains(" off "))
    );

    // A repository root in between stops the search.
    fs::create_dir(root.path().join("newsroom/drafts/.git")).expect("git dir");
    let listing = String::from_utf8(run_in(&nested, &["rules"]).stdout).expect("UTF-8");
    assert!(!listing.contains("corroborate.toml"), "{listing}");

    // `--rules` wins over discovery.
    let explicit = root.path().join("explicit.toml");
    fs::write(&explicit, "[severity]\nmisquote = \"warning\"\n").expect("rules");
    let listing = String::from_utf8(
        run_in(
            &nested,
            &["rules", "--rules", explicit.to_str().expect("UTF-8")],
        )
        .stdout,
    )
    .expect("UTF-8");
    assert!(
        listing
            .lines()
            .any(|l| l.starts_with("misquote") && l.contains(" warning "))
    );
}

#[test]
fn piped_output_has_no_colour_and_no_progress_bar() {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..30 {
        fs::write(
            dir.path().join(format!("a{i:02}.txt")),
            format!(
                "The ferry carried {} passengers across the bay on Monday.\n",
                100 + i % 3
            ),
        )
        .expect("write");
    }
    let out = run_in(dir.path(), &["check", "--fail-on", "never", "."]);
    assert!(out.status.success());
    assert!(
        !out.stdout.contains(&0x1b),
        "no ANSI escapes when stdout is a pipe"
    );
    assert!(
        out.stderr.is_empty(),
        "no progress bar when stderr is a pipe: {:?}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn html_escapes_the_articles_and_output_writes_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("hostile.txt"),
        "<script>alert(1)</script> The ferry carried 112 passengers & \"crew\".\n",
    )
    .expect("write");
    fs::write(
        dir.path().join("other.txt"),
        "The ferry carried 121 passengers on Monday.\n",
    )
    .expect("write");
    let target = dir.path().join("out/report.html");
    fs::create_dir(dir.path().join("out")).expect("out dir");
    let out = run(&[
        "check",
        "--format",
        "html",
        "--output",
        target.to_str().expect("UTF-8"),
        dir.path().join("hostile.txt").to_str().expect("UTF-8"),
        dir.path().join("other.txt").to_str().expect("UTF-8"),
    ]);
    assert!(out.stdout.is_empty());
    let page = fs::read_to_string(&target).expect("report written");
    assert!(!page.contains("<script>alert"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_eq!(page.matches("<script>").count(), 1, "only our own script");
    assert!(page.contains("Content-Security-Policy"));
    assert_eq!(
        fs::read_dir(dir.path().join("out")).expect("list").count(),
        1,
        "no temporary left"
    );
}

#[test]
fn coverage_writes_the_html_page_with_the_draft_beside_its_sources_issue_5() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args([
            "coverage",
            "examples/drafts/harbour-fire-draft.md",
            "--against",
            "examples/harbour-fire",
            "--format",
            "html",
            "--fail-on",
            "never",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("binary runs");
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).expect("UTF-8 page");
    assert!(
        page.starts_with("<!DOCTYPE html>") || page.starts_with("<!doctype html>"),
        "{}",
        &page[..page.len().min(80)]
    );
    assert!(page.contains("harbour-fire-draft.md") && page.contains("radio-ellery"));
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "no network requests"
    );
}
