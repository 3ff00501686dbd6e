//! Invariants every run must keep, whatever the input: shared by the property tests
//! (`tests/robustness.rs`) and the fuzz targets (`fuzz/fuzz_targets/`), which include
//! this file by path.
//!
//! Each check panics with what broke, so a fuzzer or proptest reports it as a crash.

#![allow(dead_code, unreachable_pub)]

use corroborate::{
    config::{RulesSource, Settings},
    extract::{self, Claim},
    ingest::Article,
    reconcile::{self, Groups, Reconciled},
    report::{Analysis, human, json},
    span::Span,
};

/// Everything one run produced, rendered.
pub struct Outputs {
    pub json: String,
    pub human: String,
    pub claims_listing: String,
}

/// A span lies inside `text` and starts and ends on character boundaries.
pub fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} is outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} cuts a character"
    );
}

/// Every span an article holds is in bounds and on character boundaries.
pub fn check_article(article: &Article) {
    let text = &article.text;
    check_span(
        text,
        Span::new(article.body_start, article.body_start),
        "body start",
    );
    for p in &article.paragraphs {
        check_span(text, *p, "paragraph");
    }
    for c in &article.clutter {
        check_span(text, *c, "clutter line");
    }
    for s in &article.sentences {
        check_span(text, s.span, "sentence");
        let paragraph = article.paragraphs[s.paragraph];
        assert!(paragraph.contains(s.span), "sentence outside its paragraph");
    }
}

/// Every claim's spans are in bounds, on boundaries, and the claim inside its sentence.
pub fn check_claims(articles: &[Article], claims: &[Claim]) {
    for claim in claims {
        let article = &articles[claim.article];
        check_span(&article.text, claim.span, "claim");
        check_span(&article.text, claim.sentence, "claim sentence");
        let (line, column) = article.lines.line_col(&article.text, claim.span.start);
        assert!(line >= 1 && column >= 1, "line and column are 1-based");
    }
}

/// Human output on a terminal: no control character but line feeds and tabs, so
/// article text cannot move the cursor or recolour the terminal.
pub fn check_terminal_safe(output: &str, what: &str) {
    if let Some(c) = output
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\t'))
    {
        panic!("{what} prints control character {c:?}");
    }
}

/// A rules layer made of arbitrary text: reading it must not panic, and a rejected layer
/// must render as the command line shows it (through `SafeDiagnostic`) without a control
/// character. Returns the settings when the layer is accepted.
pub fn check_rules_layer(text: &str) -> Option<Settings> {
    let layer = RulesSource {
        name: "fuzz.toml".to_owned(),
        text: std::sync::Arc::from(text),
    };
    match Settings::from_layers(&[layer]) {
        Ok(settings) => Some(settings),
        Err(e) => {
            let mut out = String::new();
            miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
                .render_report(
                    &mut out,
                    &corroborate::report::terminal::SafeDiagnostic::new(&e),
                )
                .expect("a rules diagnostic renders");
            check_terminal_safe(&out, "a rules diagnostic");
            None
        }
    }
}

/// Extract, reconcile and render `articles`, checking every invariant on the way.
pub fn run(articles: &[Article], settings: &Settings) -> Outputs {
    for article in articles {
        check_article(article);
    }
    let claims = extract::all(articles, settings);
    check_claims(articles, &claims);
    let Reconciled {
        groups,
        findings,
        comparisons,
    } = reconcile::judge(articles, &claims, settings);
    for finding in &findings {
        for &c in &finding.claims {
            assert!(
                c < claims.len(),
                "finding names a claim that does not exist"
            );
        }
    }
    let analysis = Analysis {
        articles,
        claims: &claims,
        groups: &groups,
        findings: &findings,
        comparisons,
    };
    let json = json::render(&analysis, true);
    serde_json::from_str::<serde_json::Value>(&json).expect("the JSON report parses");
    let human = human::render(
        &analysis,
        human::Style {
            color: false,
            width: 80,
        },
    );
    check_terminal_safe(&human, "the human report");
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
    let claims_listing = human::render_claims(&listing);
    check_terminal_safe(&claims_listing, "the claim listing");
    Outputs {
        json,
        human,
        claims_listing,
    }
}
