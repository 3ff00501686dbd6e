//! The HTML pages as text (no browser): what the page says and in which order, that it
//! is the same bytes on every run, and the coverage page's marks. `tests/browser.rs`
//! checks what a person sees.

mod common;

use std::fs;

fn page(args: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("page.html");
    let mut all = args.to_vec();
    all.extend(["-o", out.to_str().expect("UTF-8 temp path")]);
    let run = common::run(&all);
    assert!(
        matches!(run.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(run.stdout.is_empty(), "-o keeps stdout empty");
    fs::read_to_string(&out).expect("page written")
}

fn report() -> String {
    page(&["check", "--format", "html", "examples/harbour-fire"])
}

fn coverage() -> String {
    page(&[
        "coverage",
        "examples/drafts/harbour-fire-draft.md",
        "--against",
        "examples/harbour-fire",
        "--format",
        "html",
    ])
}

/// The part of `html` from `start` up to the first `end` after it.
fn part<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = &html[html.find(start).unwrap_or_else(|| panic!("no {start}"))..];
    &from[..from
        .find(end)
        .unwrap_or_else(|| panic!("no {end} after {start}"))]
}

#[test]
fn findings_are_headlines_naming_outlets_conflicts_first_issue_17() {
    let html = report();
    let conflict = html
        .find("27 stalls (Ellery Gazette) vs 35 stalls (Radio Ellery)")
        .expect("the conflict's headline names both outlets");
    let agreement = html
        .find("112 residents: Coastline Press, Ellery Gazette")
        .expect("an agreement's headline names its outlets");
    assert!(conflict < agreement, "conflicts come before agreements");
    // The reconcile explanation, full of claim ids, is not what the list shows.
    let list = part(&html, "<nav id=\"findings\"", "</nav>");
    assert!(
        !list.contains("ellery-gazette"),
        "no claim id in the list: {list}"
    );
}

#[test]
fn single_source_claims_are_counted_and_folded_issue_17() {
    let html = report();
    let folded = html
        .find("<details id=\"single-source\"")
        .expect("single-source claims sit in a details element");
    let closed = &html[folded..folded + 60];
    assert!(!closed.contains(" open"), "folded by default: {closed}");
    assert!(html[folded..].contains("Single-source claims <span class=\"n\">5</span>"));
    let agreements = html.find("<h2>Agreements").expect("agreements heading");
    assert!(agreements < folded);
}

#[test]
fn the_legend_explains_every_mark_the_sources_use_issue_17() {
    let html = report();
    let legend = part(&html, "<dl id=\"legend\"", "</dl>");
    let body = &html[html.find("<div id=\"sources\">").expect("sources")..];
    for class in ["v-conflict", "v-agreement", "v-single_source", "v-none"] {
        assert!(
            body.contains(&format!("<mark class=\"{class}\"")),
            "{class} used"
        );
        assert!(
            legend.contains(&format!("class=\"sample {class}")),
            "{class} explained"
        );
    }
    assert!(legend.contains("grey underline") && legend.contains("selected finding"));
}

#[test]
fn the_pages_are_the_same_bytes_on_every_run() {
    assert_eq!(report(), report());
    assert_eq!(coverage(), coverage());
}

#[test]
fn the_coverage_page_shows_the_draft_marked_and_the_sources_words_issue_17() {
    let html = coverage();
    let draft = part(&html, "<section id=\"draft\"", "</section>");
    assert!(
        draft.contains("Firefighters evacuated"),
        "the draft's own text"
    );
    for (status, words) in [
        ("s-contradicted", "30 stalls"),
        ("s-corroborated", "112 residents"),
        ("s-unsupported", "14 policies"),
    ] {
        assert!(
            draft.contains(&format!("class=\"{status}\"")) && draft.contains(words),
            "{status} {words}"
        );
    }
    assert!(
        draft.contains("s-unsupported suppressed"),
        "the ignored claim"
    );
    let evidence = part(&html, "<aside id=\"evidence\"", "</aside>");
    let card = part(evidence, "30 stalls", "</article>");
    assert!(
        card.contains("<cite>Ellery Gazette</cite>")
            && card.contains(
                "The council said <mark class=\"s-contradicted\">27 stalls</mark> were destroyed."
            )
            && card.contains("27 cannot be 30"),
        "{card}"
    );
}
