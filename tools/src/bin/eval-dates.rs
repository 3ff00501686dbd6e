//! `eval-dates --corpus DIR`: score the date and duration readers against the peer
//! suites in DIR (Microsoft Recognizers-Text DateTime specs, Duckling Time/Duration).
//!
//! For each file it prints the share of cases where our spans and values equal theirs,
//! over all cases and over the cases in scope (dates at day/week/month/year grain and
//! durations; clock times, sets and intervals are out of scope), cases their own
//! reference implementation fails (`dotnet_passes: false`) counted apart, and the main
//! classes of failure (`EVAL_EXAMPLES=N` shows N cases of each, default 3). The corpus
//! is read at run time and never copied.

use std::{
    collections::BTreeMap,
    fs,
    io::{BufRead, BufReader},
    path::{Path, PathBuf},
    process::ExitCode,
};

use corroborate::normalize::{
    date::{self, Civil, Granularity, Lean},
    duration,
};
use serde_json::Value;

/// What we read in a text: (byte start, byte end, value).
type Reading = (usize, usize, String);

/// Our readings of `text`, values in the suite's notation.
fn ours(text: &str, reference: Option<Civil>, suite: Suite) -> Vec<Reading> {
    let mut out = Vec::new();
    let dates = date::find(text);
    for m in &dates {
        let value = match suite {
            Suite::Recognizers => m.timex(reference, date::lean_of(text)),
            Suite::Duckling => m.resolve(reference, Lean::Future).map(|p| {
                let grain = match p.granularity {
                    Granularity::Day => "day",
                    Granularity::Week => "week",
                    Granularity::Month => "month",
                    Granularity::Year => "year",
                };
                format!("{}T00:00:00 {grain}", p.start)
            }),
        };
        out.push((m.span.start, m.span.end, value.unwrap_or_default()));
    }
    for d in duration::find(text) {
        if dates
            .iter()
            .any(|m| m.span.start < d.span.end && d.span.start < m.span.end)
        {
            continue;
        }
        let value = match suite {
            Suite::Recognizers => d.unit.iso(d.amount),
            Suite::Duckling => format!("{} {}", trim_number(d.amount), d.unit.name()),
        };
        out.push((d.span.start, d.span.end, value));
    }
    out.sort();
    out
}

fn trim_number(x: f64) -> String {
    let s = format!("{x:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Suite {
    Recognizers,
    Duckling,
}

/// The expected readings of a case, or None when one of them is out of scope.
fn expected(case: &Value, suite: Suite) -> Option<Vec<(Reading, bool)>> {
    let mut out = Vec::new();
    for e in case["expected"].as_array()? {
        let start = e["byte_start"].as_u64()? as usize;
        let end = e["byte_end"].as_u64()? as usize;
        let kind = e["type"].as_str().unwrap_or("");
        let (value, has_value) = match suite {
            Suite::Recognizers => {
                let kind = kind.trim_start_matches("datetimeV2.");
                if !matches!(kind, "date" | "daterange" | "duration") {
                    return None;
                }
                match e["value"].as_str() {
                    // Intervals ("(2016-12-04,2016-12-23,P19D)") are out of scope.
                    Some(v) if v.starts_with('(') || v.contains('T') => return None,
                    Some(v) => (v.to_owned(), true),
                    None => (String::new(), false),
                }
            }
            Suite::Duckling => match kind {
                "time" => {
                    let grain = e["grain"].as_str().unwrap_or("");
                    if !matches!(grain, "day" | "week" | "month" | "year") {
                        return None;
                    }
                    let v = e["value"].as_str().unwrap_or("");
                    (format!("{} {grain}", v.get(..19).unwrap_or(v)), true)
                }
                "duration" => {
                    let v = e["value"].as_f64().unwrap_or(f64::NAN);
                    (
                        format!("{} {}", trim_number(v), e["unit"].as_str().unwrap_or("")),
                        true,
                    )
                }
                _ => return None,
            },
        };
        out.push(((start, end, value), has_value));
    }
    Some(out)
}

/// Why a case failed.
fn failure(expect: &[(Reading, bool)], got: &[Reading]) -> Option<&'static str> {
    let overlaps = |a: &Reading, b: &Reading| a.0 < b.1 && b.0 < a.1;
    for (e, has_value) in expect {
        match got.iter().find(|g| overlaps(g, e)) {
            None => return Some("missed"),
            Some(g) if (g.0, g.1) != (e.0, e.1) => return Some("span boundary"),
            Some(g) if *has_value && g.2 != e.2 => {
                return Some(if g.2.is_empty() {
                    "unresolved"
                } else {
                    "value"
                });
            }
            _ => {}
        }
    }
    if got
        .iter()
        .any(|g| !expect.iter().any(|(e, _)| overlaps(g, e)))
    {
        return Some(if expect.is_empty() {
            "found in a negative case"
        } else {
            "extra span"
        });
    }
    None
}

#[derive(Default)]
struct Tally {
    cases: usize,
    passed: usize,
    in_scope: usize,
    passed_in_scope: usize,
    reference_fails: usize,
    reference_fails_passed: usize,
    failures: BTreeMap<&'static str, usize>,
    examples: BTreeMap<&'static str, Vec<String>>,
}

/// How many failing cases to show per class: `EVAL_EXAMPLES` (default 3), for finding
/// the families of failure.
fn examples_per_class() -> usize {
    std::env::var("EVAL_EXAMPLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3)
}

fn score(path: &Path, suite: Suite) -> std::io::Result<Tally> {
    let mut tally = Tally::default();
    let file = fs::File::open(path)?;
    for line in BufReader::new(file).lines() {
        let line = line?;
        let Ok(case) = serde_json::from_str::<Value>(&line) else {
            continue;
        };
        if suite == Suite::Duckling
            && !matches!(case["dimension"].as_str(), Some("Time" | "Duration"))
        {
            continue;
        }
        if case["culture"].as_str() == Some("en-others") {
            // Day-first dates: we read news in US order.
            continue;
        }
        let text = case["text"].as_str().unwrap_or("");
        let reference = case["reference_datetime"]
            .as_str()
            .and_then(Civil::parse_iso);
        let got = ours(text, reference, suite);
        let reference_fails = case["dotnet_passes"].as_bool() == Some(false);
        let (in_scope, pass, why) = match expected(&case, suite) {
            Some(expect) => {
                let why = failure(&expect, &got);
                (true, why.is_none(), why)
            }
            None => (false, false, Some("out of scope (time, set, interval)")),
        };
        if reference_fails {
            tally.reference_fails += 1;
            tally.reference_fails_passed += usize::from(pass);
            continue;
        }
        tally.cases += 1;
        tally.passed += usize::from(pass);
        if in_scope {
            tally.in_scope += 1;
            tally.passed_in_scope += usize::from(pass);
        }
        if let Some(why) = why {
            *tally.failures.entry(why).or_default() += 1;
            let examples = tally.examples.entry(why).or_default();
            if examples.len() < examples_per_class() && in_scope {
                let got: Vec<String> = got
                    .iter()
                    .map(|g| format!("{}={}", text.get(g.0..g.1).unwrap_or(""), g.2))
                    .collect();
                examples.push(format!("{text:?} -> [{}]", got.join(", ")));
            }
        }
    }
    Ok(tally)
}

fn share(n: usize, d: usize) -> String {
    if d == 0 {
        "-".to_owned()
    } else {
        format!("{:.1}%", 100.0 * n as f64 / d as f64)
    }
}

#[allow(clippy::print_stdout, clippy::print_stderr)]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let corpus = match args.as_slice() {
        [flag, dir] if flag == "--corpus" => PathBuf::from(dir),
        _ => {
            eprintln!(
                "usage: eval-dates --corpus DIR (the folder holding recognizers/ and duckling/)"
            );
            return ExitCode::from(2);
        }
    };
    let files = [
        ("recognizers/datetime-model.jsonl", Suite::Recognizers),
        ("recognizers/datetime-components.jsonl", Suite::Recognizers),
        ("duckling/duckling.jsonl", Suite::Duckling),
    ];
    let mut status = ExitCode::SUCCESS;
    for (name, suite) in files {
        let path = corpus.join(name);
        let tally = match score(&path, suite) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: cannot read `{}`: {e}", path.display());
                status = ExitCode::from(2);
                continue;
            }
        };
        println!(
            "{name}: {} of {} cases match ({}); in scope {} of {} ({}); reference fails apart: {} of {} match",
            tally.passed,
            tally.cases,
            share(tally.passed, tally.cases),
            tally.passed_in_scope,
            tally.in_scope,
            share(tally.passed_in_scope, tally.in_scope),
            tally.reference_fails_passed,
            tally.reference_fails,
        );
        let mut failures: Vec<(&&str, &usize)> = tally.failures.iter().collect();
        failures.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (why, n) in failures {
            println!("  {n:5}  {why}");
            for example in tally.examples.get(why).into_iter().flatten() {
                println!("         e.g. {example}");
            }
        }
    }
    status
}
