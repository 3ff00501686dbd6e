//! `eval-suites`: corroborate's quantity reading measured against peer test suites.
//!
//! Runs `extract::quantity::mentions` (the reading code the claims use, bare numbers
//! kept) over the JSON Lines files of Microsoft Recognizers-Text, quantulum3 and Duckling
//! found under `--corpus`, and prints per file the share of cases where our spans and
//! normalized values match theirs, precision and recall over spans, the cases we read
//! differently on purpose (counted apart, with the reason) and the main classes of
//! failure. It only reads the suite files; it never writes anything but standard output.
//!
//! Usage: `eval-suites --corpus DIR [--show N] [--only NAME] [--json]`, or
//! `eval-suites --text TEXT` to print the mentions read in one text (for debugging). With
//! `EVAL_SHOW_APART` set, each case counted apart is printed on standard error.

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
    process::ExitCode,
};

use corroborate::{
    config::Settings,
    extract::{
        Qualifier,
        quantity::{Mention, mentions},
    },
    span::Span,
};
use serde_json::Value;

/// What a suite expects at one span.
#[derive(Debug, Clone)]
struct Item {
    span: Span,
    value: Reading,
    /// Our unit name(s) that satisfy the suite's unit; empty: no unit check.
    unit: UnitWant,
}

/// A value: a number or an interval (None = open).
#[derive(Debug, Clone, PartialEq)]
enum Reading {
    Number(f64),
    Interval {
        low: Option<f64>,
        high: Option<f64>,
        low_inclusive: bool,
    },
    /// Ranges with a stated uncertainty: compared by midpoint.
    Midpoint(f64),
}

/// The suite's unit as far as it can be checked.
#[derive(Debug, Clone, PartialEq)]
enum UnitWant {
    /// Not checked (numbers, percentages).
    Any,
    /// A bare number: no unit.
    None,
    /// The suite's unit name, checked against our unit's name and aliases.
    Named(String),
}

/// How one file is scored.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Suite {
    RecNumber,
    RecRange,
    RecPercent,
    RecCurrency,
    RecDimension,
    RecAge,
    RecTemperature,
    RecOrdinal,
    QuQuantities,
    QuSpellout,
    QuRobustness,
    Duckling,
}

const FILES: &[(&str, Suite)] = &[
    ("recognizers/number.jsonl", Suite::RecNumber),
    ("recognizers/number-range.jsonl", Suite::RecRange),
    ("recognizers/percentage.jsonl", Suite::RecPercent),
    ("recognizers/currency.jsonl", Suite::RecCurrency),
    ("recognizers/dimension.jsonl", Suite::RecDimension),
    ("recognizers/age.jsonl", Suite::RecAge),
    ("recognizers/temperature.jsonl", Suite::RecTemperature),
    ("recognizers/ordinal.jsonl", Suite::RecOrdinal),
    ("quantulum/quantities.jsonl", Suite::QuQuantities),
    ("quantulum/spellout.jsonl", Suite::QuSpellout),
    ("quantulum/robustness.jsonl", Suite::QuRobustness),
    ("duckling/duckling.jsonl", Suite::Duckling),
];

/// Scores of one file (or one part of it: Duckling is split by dimension).
#[derive(Debug, Default)]
struct Score {
    cases: usize,
    passed: usize,
    /// Spans: expected, found, found at an expected span.
    expected: usize,
    found: usize,
    matched: usize,
    /// Reason -> (cases, of which passed anyway).
    apart: BTreeMap<&'static str, usize>,
    /// Failure class -> count.
    failures: BTreeMap<&'static str, usize>,
    examples: Vec<String>,
    /// Cases not scored at all (out of scope), by reason.
    skipped: BTreeMap<&'static str, usize>,
}

impl Score {
    fn share(&self) -> f64 {
        self.passed as f64 / self.cases.max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.matched as f64 / self.found.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.matched as f64 / self.expected.max(1) as f64
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

fn opt_close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => close(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// Suite unit names that are not spelled like any of our aliases.
const UNIT_NAMES: &[(&str, &str)] = &[
    ("dollar", "USD"),
    ("united states dollar", "USD"),
    ("pound sterling", "GBP"),
    ("british pound", "GBP"),
    ("pound", "lb"),
    ("pound-mass", "lb"),
    ("euro", "EUR"),
    ("japanese yen", "JPY"),
    ("chinese yuan", "CNY"),
    ("indian rupee", "INR"),
    ("c", "celsius"),
    ("f", "fahrenheit"),
    ("celsius", "celsius"),
    ("degree celsius", "celsius"),
    ("fahrenheit", "fahrenheit"),
    ("degree fahrenheit", "fahrenheit"),
    ("kelvin", "kelvin"),
    ("percentage", "percent"),
];

fn unit_ok(want: &UnitWant, got: &Mention, settings: &Settings) -> bool {
    match want {
        UnitWant::Any => true,
        UnitWant::None => got.unit.is_none(),
        UnitWant::Named(name) => {
            let Some(ours) = &got.unit else {
                return false;
            };
            let low = name.to_lowercase();
            // A rate: ours is "USD/hour" (numerator unit, then each denominator after a
            // slash), the suite's "dollar per hour"; each part is checked on its own.
            if ours.contains('/') {
                let our_parts: Vec<&str> = ours.split('/').collect();
                let their_parts: Vec<&str> = low.split(" per ").collect();
                return our_parts.len() == their_parts.len()
                    && our_parts.iter().zip(&their_parts).all(|(o, t)| {
                        let one = Mention {
                            unit: Some((*o).to_owned()),
                            dimension: settings
                                .units
                                .iter()
                                .find(|u| u.name == *o)
                                .map(|u| u.dimension.clone()),
                            ..got.clone()
                        };
                        unit_ok(&UnitWant::Named((*t).to_owned()), &one, settings)
                            || denominator_named(o, t)
                    });
            }
            if ours.eq_ignore_ascii_case(&low) {
                return true;
            }
            // A "pound" read as money is sterling; as a measure, a pound of mass.
            if low == "pound" && got.dimension.as_deref() == Some("currency") {
                return ours == "GBP";
            }
            if let Some((_, mapped)) = UNIT_NAMES.iter().find(|(k, _)| *k == low) {
                return ours == mapped;
            }
            settings.units.iter().any(|u| {
                &u.name == ours
                    && u.aliases.iter().any(|a| {
                        *a == low
                            || *a == format!("{low}s")
                            || a.replace(' ', "") == low.replace(' ', "")
                    })
            })
        }
    }
}

/// Whether a rate's denominator of ours (a time word, "hour") is the suite's ("hour",
/// "square second"), compared by their letters.
fn denominator_named(ours: &str, theirs: &str) -> bool {
    let ours = ours.replace(['2', '²'], "");
    let theirs = theirs
        .trim_start_matches("square ")
        .trim_start_matches("cubic ");
    ours == theirs || ours == theirs.trim_end_matches('s')
}

fn value_ok(want: &Reading, got: &Reading) -> bool {
    match (want, got) {
        (Reading::Number(a), Reading::Number(b)) => close(*a, *b),
        (Reading::Midpoint(a), Reading::Midpoint(b)) => close(*a, *b),
        (
            Reading::Interval {
                low: l1,
                high: h1,
                low_inclusive: i1,
            },
            Reading::Interval {
                low: l2,
                high: h2,
                low_inclusive: i2,
            },
        ) => {
            // A two-sided range's inclusivity is a convention ("between 20 and 30" is
            // [20,30) upstream, [20,30] for us); a one-sided bound's is its meaning.
            opt_close(*l1, *l2) && opt_close(*h1, *h2) && (h1.is_some() || i1 == i2)
        }
        _ => false,
    }
}

/// A mention as the interval its qualifier states (no tolerance added).
fn interval(m: &Mention) -> Option<Reading> {
    let n = m.number;
    Some(match m.qualifier {
        Qualifier::Range => Reading::Interval {
            low: m.low,
            high: m.high,
            low_inclusive: true,
        },
        Qualifier::MoreThan => Reading::Interval {
            low: n,
            high: None,
            low_inclusive: false,
        },
        Qualifier::AtLeast => Reading::Interval {
            low: n,
            high: None,
            low_inclusive: true,
        },
        Qualifier::LessThan | Qualifier::AtMost => Reading::Interval {
            low: None,
            high: n,
            low_inclusive: false,
        },
        _ => return None,
    })
}

/// The value a mention states for an exact comparison.
fn stated(m: &Mention) -> Reading {
    match (m.number, m.qualifier) {
        (Some(n), Qualifier::Exact | Qualifier::Approximate) => Reading::Number(n),
        (_, Qualifier::Range) => match (m.low, m.high) {
            (Some(l), Some(h)) => Reading::Midpoint((l + h) / 2.0),
            _ => Reading::Number(f64::NAN),
        },
        (Some(n), _) => Reading::Number(n),
        (None, _) => Reading::Number(f64::NAN),
    }
}

/// What we found, projected onto what a suite scores.
struct Got {
    span: Span,
    value: Reading,
    mention: Mention,
}

/// Whether a mention's dimension is one of `dims`; a rate ("length per hour") by its
/// numerator's.
fn dimension_is(m: &Mention, dims: &[&str]) -> bool {
    m.dimension
        .as_deref()
        .and_then(|d| d.split(" per ").next())
        .is_some_and(|d| dims.contains(&d))
}

const MEASURES: &[&str] = &[
    "length", "mass", "volume", "area", "speed", "data", "energy", "power",
];

/// Our mentions projected for a suite (and, for Duckling, a dimension).
fn project(suite: Suite, dimension: &str, text: &str, found: &[Mention]) -> Vec<Got> {
    let mut out = Vec::new();
    for m in found {
        let got = |span: Span, value: Reading| Got {
            span,
            value,
            mention: m.clone(),
        };
        match suite {
            // A number with a measure unit is a dimension, not a bare number.
            Suite::RecNumber if dimension_is(m, MEASURES) => {}
            Suite::RecNumber | Suite::QuSpellout => {
                for (s, v) in &m.numbers {
                    out.push(got(*s, Reading::Number(*v)));
                }
            }
            Suite::RecRange => {
                if let Some(iv) = interval(m) {
                    out.push(got(m.span, iv));
                } else if let Some(n) = m.number
                    && m.qualifier == Qualifier::Exact
                    && m.span.start < m.core.start
                {
                    // "equal to 20": our exact value, kept with its words, is the
                    // suite's one-point range.
                    out.push(got(
                        m.span,
                        Reading::Interval {
                            low: Some(n),
                            high: Some(n),
                            low_inclusive: true,
                        },
                    ));
                }
            }
            Suite::RecPercent if m.unit.as_deref() == Some("percent") => {
                out.push(got(m.core, stated(m)));
            }
            Suite::RecCurrency if dimension_is(m, &["currency"]) => {
                out.push(got(m.core, stated(m)));
            }
            Suite::RecDimension if dimension_is(m, MEASURES) => {
                out.push(got(m.core, stated(m)));
            }
            Suite::RecAge if dimension_is(m, &["age"]) => out.push(got(m.core, stated(m))),
            Suite::RecTemperature if dimension_is(m, &["temperature"]) => {
                out.push(got(m.core, stated(m)));
            }
            // Quantulum's range spans take in "between" ("between 44 mg and 50 mg").
            Suite::QuQuantities
                if m.qualifier == Qualifier::Range
                    && text
                        .get(m.span.start..)
                        .is_some_and(|t| t.to_lowercase().starts_with("between ")) =>
            {
                out.push(got(m.span, stated(m)));
            }
            Suite::RecOrdinal | Suite::QuQuantities => out.push(got(m.core, stated(m))),
            Suite::Duckling => {
                let wanted = match dimension {
                    "Numeral" => m.unit.is_none(),
                    "AmountOfMoney" => dimension_is(m, &["currency"]),
                    "Distance" => dimension_is(m, &["length"]),
                    "Volume" => dimension_is(m, &["volume"]),
                    "Temperature" => dimension_is(m, &["temperature"]),
                    "Quantity" => dimension_is(m, MEASURES),
                    // Ordinals must yield nothing at all.
                    _ => true,
                };
                if wanted {
                    let value = interval(m).unwrap_or_else(|| stated(m));
                    out.push(got(m.span, value));
                }
            }
            _ => {}
        }
    }
    out
}

fn span_of(e: &Value) -> Option<Span> {
    let s = usize::try_from(e["byte_start"].as_u64()?).ok()?;
    let t = usize::try_from(e["byte_end"].as_u64()?).ok()?;
    (s <= t).then(|| Span::new(s, t))
}

fn num(v: &Value) -> Option<f64> {
    v.as_f64()
        .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
}

/// Upstream interval notation "[20,30)" / "(20,)".
fn parse_interval(s: &str) -> Option<Reading> {
    let s = s.trim();
    let low_inclusive = s.starts_with('[');
    let inner = s.get(1..s.len().checked_sub(1)?)?;
    let (a, b) = inner.split_once(',')?;
    let parse = |x: &str| {
        let x = x.trim();
        if x.is_empty() || x.contains("infinity") {
            None
        } else {
            x.parse::<f64>().ok()
        }
    };
    Some(Reading::Interval {
        low: parse(a),
        high: parse(b),
        low_inclusive,
    })
}

/// What a record expects, for the suites that score spans.
fn expected(suite: Suite, rec: &Value) -> Vec<Item> {
    let list = rec["expected"].as_array().cloned().unwrap_or_default();
    let mut out = Vec::new();
    for e in &list {
        let Some(span) = span_of(e) else { continue };
        let unit_name = e["unit"].as_str().map(str::to_owned);
        let item = match suite {
            Suite::RecNumber => Item {
                span,
                value: Reading::Number(num(&e["value"]).unwrap_or(f64::NAN)),
                unit: UnitWant::Any,
            },
            Suite::RecRange => Item {
                span,
                value: e["value"]
                    .as_str()
                    .and_then(parse_interval)
                    .unwrap_or(Reading::Number(f64::NAN)),
                unit: UnitWant::Any,
            },
            Suite::RecPercent => Item {
                span,
                value: Reading::Number(
                    e["value"]
                        .as_str()
                        .and_then(|s| s.trim_end_matches('%').parse().ok())
                        .unwrap_or(f64::NAN),
                ),
                unit: UnitWant::Any,
            },
            Suite::RecCurrency
            | Suite::RecDimension
            | Suite::RecAge
            | Suite::RecTemperature
            | Suite::RecOrdinal => {
                let unit = match e["isoCurrency"].as_str().or(unit_name.as_deref()) {
                    Some(u) if suite != Suite::RecAge => UnitWant::Named(u.to_owned()),
                    _ => UnitWant::Any,
                };
                Item {
                    span,
                    value: Reading::Number(num(&e["value"]).unwrap_or(f64::NAN)),
                    unit,
                }
            }
            Suite::QuQuantities => {
                let v = num(&e["value"]).unwrap_or(f64::NAN);
                let ranged = e["uncertainty"].as_f64().is_some_and(|u| u > 0.0);
                Item {
                    span,
                    value: if ranged {
                        Reading::Midpoint(v)
                    } else {
                        Reading::Number(v)
                    },
                    unit: match unit_name.as_deref() {
                        Some("dimensionless") | None => UnitWant::None,
                        Some(u) => UnitWant::Named(u.to_owned()),
                    },
                }
            }
            Suite::Duckling => {
                let value = match e["interval"].as_str() {
                    Some("between") => Reading::Interval {
                        low: num(&e["min"]),
                        high: num(&e["max"]),
                        low_inclusive: true,
                    },
                    Some("under") => Reading::Interval {
                        low: None,
                        high: num(&e["max"]),
                        low_inclusive: false,
                    },
                    Some("above") => Reading::Interval {
                        low: num(&e["min"]),
                        high: None,
                        low_inclusive: false,
                    },
                    _ => Reading::Number(num(&e["value"]).unwrap_or(f64::NAN)),
                };
                let unit = match unit_name.as_deref() {
                    None => UnitWant::None,
                    // "Unnamed" money ("42 bucks") and "Degree" without a scale name no
                    // unit of ours; any currency / temperature will do.
                    Some("Unnamed" | "Degree") => UnitWant::Any,
                    Some(u) => UnitWant::Named(u.to_owned()),
                };
                Item { span, value, unit }
            }
            Suite::QuSpellout | Suite::QuRobustness => continue,
        };
        out.push(item);
    }
    out
}

/// Whether a phrase holds an ordinal ("21st", "tenth", "twenty-first").
fn has_ordinal(phrase: &str) -> bool {
    const STEMS: &[&str] = &[
        "four", "fif", "six", "seven", "eigh", "nin", "ten", "eleven", "twelf", "teen", "tie",
        "hundred", "thousand", "million", "billion",
    ];
    phrase.split(|c: char| !c.is_alphanumeric()).any(|w| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        (!digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && matches!(suffix, "st" | "nd" | "rd" | "th"))
            || matches!(w, "first" | "second" | "third")
            || w.strip_suffix("th")
                .is_some_and(|stem| STEMS.iter().any(|s| stem.ends_with(s)))
    })
}

/// Why a failing case is read differently on purpose, if it is.
fn deliberate(
    suite: Suite,
    text: &str,
    want: &[Item],
    got: &[Got],
    settings: &Settings,
) -> Option<&'static str> {
    let lower = text.to_lowercase();
    let missed: Vec<&Item> = want
        .iter()
        .filter(|w| !got.iter().any(|g| g.span == w.span))
        .collect();
    let extra: Vec<&Got> = got
        .iter()
        .filter(|g| !want.iter().any(|w| w.span == g.span))
        .collect();
    let slice = |s: Span| text.get(s.start..s.end).unwrap_or("").to_lowercase();
    // A unit named with no amount ("the dollar rose", "in degrees"): we read quantities, and a
    // unit alone states none. Apart only when everything else in the case matched.
    if want
        .iter()
        .any(|w| matches!(w.value, Reading::Number(v) if v.is_nan()))
    {
        let rest: Vec<Item> = want
            .iter()
            .filter(|w| !matches!(w.value, Reading::Number(v) if v.is_nan()))
            .cloned()
            .collect();
        let bare_unit = |w: &Item| {
            let t = slice(w.span);
            !t.is_empty() && !t.chars().any(|c| c.is_ascii_digit())
        };
        if want
            .iter()
            .filter(|w| matches!(w.value, Reading::Number(v) if v.is_nan()))
            .all(bare_unit)
            && rest.iter().all(|w| {
                got.iter()
                    .any(|g| g.span == w.span && value_ok(&w.value, &g.value))
            })
            && got.iter().all(|g| rest.iter().any(|w| w.span == g.span))
        {
            return Some("a unit named with no amount");
        }
    }
    // "few", "a few": a vague amount is a range of ours (rules.toml [vague]), not 3.
    if !missed.is_empty()
        && missed.iter().all(|m| {
            let t = slice(m.span);
            t == "few" || settings.matchers().vague_index(&t).is_some()
        })
    {
        return Some("vague words are ranges, not numbers");
    }
    // "- 1,200,000": a hyphen and a space before digits is a dash (a list, an aside),
    // not a minus sign.
    if missed.iter().any(|m| slice(m.span).starts_with("- ")) {
        return Some("a spaced hyphen is a dash, not a sign");
    }
    // "3/15": a slash pair with an uncommon denominator is a date or a score for us.
    if !missed.is_empty()
        && missed.iter().all(|m| {
            let t = slice(m.span);
            t.split_once('/').is_some_and(|(a, b)| {
                !a.is_empty()
                    && !b.is_empty()
                    && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
            })
        })
    {
        return Some("slash pairs are not fractions unless the denominator is common");
    }
    // "1/0", "150/0": the same pair with nothing expected; we read its two figures (a
    // score, a record), the suite nothing.
    let b = text.as_bytes();
    let in_slash_pair = |s: Span| {
        (s.start >= 2 && b[s.start - 1] == b'/' && b[s.start - 2].is_ascii_digit())
            || (b.get(s.end) == Some(&b'/') && b.get(s.end + 1).is_some_and(u8::is_ascii_digit))
    };
    if missed.is_empty() && !extra.is_empty() && extra.iter().all(|g| in_slash_pair(g.span)) {
        return Some("slash pairs are not fractions unless the denominator is common");
    }
    // "6.0-sigma", "a 90-day plan": a figure joined by a hyphen to a word modifies it and
    // states no amount ("a 2.5-mile stretch", with a unit, is read).
    if !missed.is_empty()
        && extra.is_empty()
        && missed.iter().all(|m| {
            text.get(m.span.end..)
                .and_then(|r| r.strip_prefix('-'))
                .is_some_and(|r| r.starts_with(char::is_alphabetic))
        })
    {
        return Some("a figure joined by a hyphen to a word is a modifier");
    }
    // "a couple of": the same value, the suite's span running on over "of".
    if !missed.is_empty()
        && missed.iter().all(|m| {
            got.iter().any(|g| {
                g.span.start == m.span.start
                    && value_ok(&m.value, &g.value)
                    && text
                        .get(g.span.end..m.span.end)
                        .is_some_and(|rest| rest.trim().eq_ignore_ascii_case("of"))
            })
        })
    {
        return Some("a following 'of' is not part of the number");
    }
    // Years and dates are not amounts.
    let is_year = |s: &str| {
        s.len() == 4
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
    };
    if !missed.is_empty() && missed.iter().all(|m| is_year(&slice(m.span))) {
        return Some("years are not amounts");
    }
    // Ordinals and ordinal ranks are not quantities.
    if !missed.is_empty() && missed.iter().all(|m| has_ordinal(&slice(m.span))) {
        return Some("ordinals are not quantities");
    }
    // A sign is ours to keep: "negative"/"minus" spelled out only in the suite's sense.
    if suite == Suite::RecNumber && missed.iter().any(|m| slice(m.span).contains("negative")) {
        return Some("'negative' as a sign word");
    }
    if suite == Suite::RecNumber {
        // "one over three", "1 in 21": a ratio phrase, read by us as two numbers.
        if missed.iter().any(|m| {
            let t = slice(m.span);
            t.contains(" over ") || t.contains(" out of ") || t.contains(" in ")
        }) {
            return Some("ratio phrases read as two numbers");
        }
        // "1 234 567": a plain space never groups digits for us (it separates figures).
        if missed.iter().any(|m| {
            slice(m.span)
                .as_bytes()
                .windows(3)
                .any(|w| w[0].is_ascii_digit() && w[1] == b' ' && w[2].is_ascii_digit())
        }) {
            return Some("space as a thousands separator");
        }
    }
    // "That one is good": kept as a mention; the claim reader drops it.
    if matches!(suite, Suite::RecNumber | Suite::QuQuantities)
        && missed.is_empty()
        && !extra.is_empty()
        && extra.iter().all(|g| slice(g.span) == "one")
        && want.iter().all(|w| {
            got.iter().any(|g| {
                g.span == w.span
                    && value_ok(&w.value, &g.value)
                    && unit_ok(&w.unit, &g.mention, settings)
            })
        })
    {
        return Some("the pronoun 'one'");
    }
    // Durations ("in 3 years") are time, not quantities.
    let time_word = |s: Span| {
        text.get(s.end..)
            .and_then(|t| t.split_whitespace().next())
            .is_some_and(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
                matches!(
                    w.trim_end_matches('s'),
                    "second" | "minute" | "hour" | "day" | "week" | "month" | "year" | "decade"
                )
            })
    };
    if !missed.is_empty() && missed.iter().all(|m| time_word(m.span)) {
        return Some("durations are time, not quantities");
    }
    // Identifiers: digits after a letter and a hyphen ("MS-13").
    if missed.iter().any(|m| {
        m.span.start >= 2
            && b.get(m.span.start - 1) == Some(&b'-')
            && b.get(m.span.start - 2).is_some_and(u8::is_ascii_alphabetic)
    }) {
        return Some("identifiers are not amounts");
    }
    // Quantulum counts durations ("5 hours") as quantities; we read them as time.
    if suite == Suite::QuQuantities
        && missed.iter().any(|m| {
            matches!(&m.unit, UnitWant::Named(u) if matches!(u.as_str(), "second" | "minute" | "hour" | "day" | "week" | "month" | "year" | "millisecond"))
        })
    {
        return Some("durations are time, not quantities");
    }
    // "percents of twenty": in news "percent of N" is a share of N ("10 percent of 200"),
    // never N percent; a percentage's figure comes before its sign or word.
    if suite == Suite::RecPercent
        && !missed.is_empty()
        && missed.iter().all(|m| slice(m.span).starts_with("percent"))
    {
        return Some("'percent of N' is a share of N, not N percent");
    }
    // "$2 per share", "500,000 barrels a day": the suite reads the amount, we read the
    // rate (a rate is not compared with a bare amount).
    if !missed.is_empty()
        && missed.iter().all(|m| {
            got.iter().any(|g| {
                g.span.start == m.span.start
                    && g.span.end > m.span.end
                    && g.mention.unit.as_deref().is_some_and(|u| u.contains('/'))
                    && value_ok(&m.value, &g.value)
            })
        })
        && extra
            .iter()
            .all(|g| g.mention.unit.as_deref().is_some_and(|u| u.contains('/')))
    {
        return Some("a rate keeps its denominator");
    }
    if suite == Suite::QuQuantities {
        // Everything we found lies inside a missed span (the bare figure of "12 b").
        let extras_inside = extra.iter().all(|g| {
            missed
                .iter()
                .any(|m| m.span.start <= g.span.start && g.span.end <= m.span.end)
        });
        // "2 in", "2.1 pm", "30 C", "12 b": a unit of one or two letters after a space
        // is an ordinary word in news ("2 in the morning", "2.1 pm" a time, "C" a grade).
        let letter_unit = |m: &&Item| {
            let t = slice(m.span);
            let figure = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            matches!(&t[figure.len()..], "in" | "pm" | "am" | "c" | "b")
                && figure.ends_with(' ')
                && figure.trim_end().ends_with(|c: char| c.is_ascii_digit())
        };
        if !missed.is_empty() && missed.iter().all(letter_unit) && extras_inside {
            return Some("one- and two-letter units that are words in news (in, pm, am, C, b)");
        }
        // "1500b", "32K", "a dozen": a scale is a multiplier for us (billions, thousands,
        // twelve), not a unit (bits, kibibytes, dozens).
        let scaled = |w: &Item, g: &Got| {
            g.span == w.span
                && !slice(w.span).contains('.')
                && [1e3, 1e9, 12.0]
                    .iter()
                    .any(|scale| match (&w.value, &g.value) {
                        (Reading::Number(a), Reading::Number(b)) => close(a * scale, *b),
                        _ => false,
                    })
        };
        if extra.is_empty()
            && want.iter().all(|w| {
                got.iter().any(|g| {
                    g.span == w.span
                        && ((value_ok(&w.value, &g.value)
                            && unit_ok(&w.unit, &g.mention, settings))
                            || scaled(w, g))
                })
            })
            && want.iter().any(|w| got.iter().any(|g| scaled(w, g)))
        {
            return Some("a scale is a multiplier, not a unit (b, K, dozen)");
        }
        // "($99.99)": brackets around an amount in news hold an aside or a conversion
        // ("£50 ($65)"), not an accounting negative.
        if !missed.is_empty()
            && missed.iter().all(|m| {
                let t = slice(m.span);
                t.starts_with('(')
                    && t.ends_with(')')
                    && got
                        .iter()
                        .any(|g| g.span.start == m.span.start + 1 && g.span.end + 1 == m.span.end)
            })
        {
            return Some("an amount in brackets is an aside, not a negative");
        }
        // "Voyager 2", "English 101": digits right after a capitalised word belong to a
        // name (years are counted apart above).
        let after_name = |m: &&Item| {
            text.get(..m.span.start).is_some_and(|pre| {
                pre.strip_suffix(' ').is_some_and(|p| {
                    let w = p
                        .rsplit(|c: char| !c.is_alphanumeric())
                        .next()
                        .unwrap_or("");
                    w.chars().next().is_some_and(char::is_uppercase)
                        && w.len() < p.len()
                        && settings
                            .matchers()
                            .unit_for_alias(&w.to_lowercase())
                            .is_none()
                })
            }) && slice(m.span).bytes().all(|b| b.is_ascii_digit())
        };
        if !missed.is_empty()
            && missed
                .iter()
                .all(|m| after_name(m) || is_year(&slice(m.span)))
            && missed.iter().any(after_name)
            && extra.is_empty()
        {
            return Some("digits after a capitalised word are part of a name");
        }
    }
    // A bound kept: "more than 5" stays a bound where the suite keeps only 5.
    if extra.is_empty()
        && missed.is_empty()
        && got.iter().any(|g| {
            !matches!(
                g.mention.qualifier,
                Qualifier::Exact | Qualifier::Approximate
            )
        })
    {
        return Some("qualifier kept as a bound");
    }
    if suite == Suite::Duckling
        && want.iter().any(|w| w.unit == UnitWant::Any)
        && lower
            .chars()
            .all(|c| !c.is_alphabetic() || "around exactly ~".contains(c))
    {
        return Some("a bare number is not money");
    }
    None
}

/// Match one case: returns (passed, failure class).
fn score_case(
    text: &str,
    want: &[Item],
    got: &[Got],
    settings: &Settings,
    score: &mut Score,
) -> (bool, Option<&'static str>) {
    let mut used = vec![false; got.len()];
    let mut all = true;
    let mut class = None;
    for w in want {
        let at_span: Vec<usize> = (0..got.len())
            .filter(|&i| !used[i] && got[i].span == w.span)
            .collect();
        if let Some(&i) = at_span.first() {
            used[i] = true;
            score.matched += 1;
            if !value_ok(&w.value, &got[i].value) {
                all = false;
                class.get_or_insert("value differs");
            } else if !unit_ok(&w.unit, &got[i].mention, settings) {
                all = false;
                class.get_or_insert("unit differs");
            }
        } else {
            all = false;
            let overlaps = got
                .iter()
                .any(|g| g.span.start < w.span.end && w.span.start < g.span.end);
            class.get_or_insert(if overlaps { "span differs" } else { "missed" });
        }
    }
    if used.iter().any(|u| !u) {
        all = false;
        class.get_or_insert("extra mention");
    }
    let _ = text;
    (all, class)
}

fn describe(text: &str, want: &[Item], got: &[Got]) -> String {
    let w: Vec<String> = want
        .iter()
        .map(|i| {
            format!(
                "{:?}={:?}",
                text.get(i.span.start..i.span.end).unwrap_or(""),
                i.value
            )
        })
        .collect();
    let g: Vec<String> = got
        .iter()
        .map(|i| {
            format!(
                "{:?}={:?}{}",
                text.get(i.span.start..i.span.end).unwrap_or(""),
                i.value,
                i.mention
                    .unit
                    .as_deref()
                    .map(|u| format!(" {u}"))
                    .unwrap_or_default()
            )
        })
        .collect();
    format!(
        "{text:?}\n      want [{}]\n      got  [{}]",
        w.join(", "),
        g.join(", ")
    )
}

fn read_lines(path: &Path) -> Result<Vec<Value>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))
        })
        .collect()
}

/// Score one file; Duckling yields one score per dimension.
fn evaluate(suite: Suite, records: &[Value], settings: &Settings) -> BTreeMap<String, Score> {
    let mut scores: BTreeMap<String, Score> = BTreeMap::new();
    for rec in records {
        let text = rec["text"].as_str().unwrap_or("");
        let dimension = rec["dimension"].as_str().unwrap_or("");
        let key = match suite {
            Suite::Duckling => dimension.to_owned(),
            _ => String::new(),
        };
        let score = scores.entry(key).or_default();
        // Out of scope: the suites' other readings of the same recognizer.
        let mode = rec["mode"].as_str().unwrap_or("default");
        if mode != "default" {
            *score.skipped.entry("non-default mode").or_default() += 1;
            continue;
        }
        if suite == Suite::Duckling {
            if matches!(dimension, "Time" | "Duration") {
                *score
                    .skipped
                    .entry("dates, times and durations")
                    .or_default() += 1;
                continue;
            }
            if rec["section"].as_str() == Some("latent") {
                *score.skipped.entry("latent readings").or_default() += 1;
                continue;
            }
        }
        let found = mentions(text, settings);
        if suite == Suite::QuRobustness {
            score.cases += 1;
            score.passed += 1;
            continue;
        }
        let got = project(suite, dimension, text, &found);
        if suite == Suite::QuSpellout {
            let want: Vec<f64> = rec["expected"]
                .as_array()
                .map(|a| a.iter().filter_map(|e| num(&e["value"])).collect())
                .unwrap_or_default();
            let values: Vec<f64> = got
                .iter()
                .filter_map(|g| match g.value {
                    Reading::Number(v) => Some(v),
                    _ => None,
                })
                .collect();
            score.cases += 1;
            score.expected += want.len();
            score.found += values.len();
            let ok =
                values.len() == want.len() && values.iter().zip(&want).all(|(a, b)| close(*a, *b));
            score.matched += values
                .iter()
                .zip(&want)
                .filter(|(a, b)| close(**a, **b))
                .count();
            // "a million and a half" is 1,500,000 in news English; the suite reads
            // 1,000,000.5.
            let scale_and_half = values.len() == want.len()
                && values.iter().zip(&want).all(|(a, b)| {
                    close(*a, *b) || (b.fract().abs() == 0.5 && close(*a, (b.trunc()) * 1.5))
                });
            if ok {
                score.passed += 1;
            } else if scale_and_half {
                *score
                    .apart
                    .entry("'a million and a half' is 1.5 million")
                    .or_default() += 1;
                score.cases -= 1;
                score.expected -= want.len();
                score.found -= values.len();
            } else {
                *score.failures.entry("value differs").or_default() += 1;
                score.examples.push(format!(
                    "{text:?}\n      want {want:?}\n      got  {values:?}"
                ));
            }
            continue;
        }
        let want = expected(suite, rec);
        if suite == Suite::RecOrdinal || dimension == "Ordinal" {
            // Ordinals are not quantities: a case passes when no mention overlaps one.
            score.cases += 1;
            let clean = !got.iter().any(|g| {
                want.iter()
                    .any(|w| g.span.start < w.span.end && w.span.start < g.span.end)
            });
            if clean {
                score.passed += 1;
            } else {
                *score
                    .failures
                    .entry("ordinal read as a quantity")
                    .or_default() += 1;
                score.examples.push(describe(text, &want, &got));
            }
            continue;
        }
        let mut trial = Score::default();
        let (ok, class) = score_case(text, &want, &got, settings, &mut trial);
        if !ok && let Some(reason) = deliberate(suite, text, &want, &got, settings) {
            *score.apart.entry(reason).or_default() += 1;
            if std::env::var_os("EVAL_SHOW_APART").is_some() {
                eprintln!("apart ({reason}): {}", describe(text, &want, &got));
            }
            continue;
        }
        score.cases += 1;
        score.expected += want.len();
        score.found += got.len();
        score.matched += trial.matched;
        if ok {
            score.passed += 1;
        } else if let Some(class) = class {
            *score.failures.entry(class).or_default() += 1;
            score.examples.push(describe(text, &want, &got));
        }
    }
    scores
}

struct Options {
    corpus: PathBuf,
    text: Option<String>,
    show: usize,
    only: Option<String>,
    json: bool,
}

fn parse_args() -> Result<Options, String> {
    let mut corpus = None;
    let mut show = 0;
    let mut only = None;
    let mut json = false;
    let mut text = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--corpus" => corpus = args.next().map(PathBuf::from),
            "--show" => {
                show = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .ok_or("--show takes a number")?;
            }
            "--only" => only = args.next(),
            "--json" => json = true,
            "--text" => text = args.next(),
            "-h" | "--help" => {
                return Err(
                    "usage: eval-suites --corpus DIR [--show N] [--only NAME] [--json] | --text TEXT"
                        .into(),
                );
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if text.is_some() {
        return Ok(Options {
            corpus: corpus.unwrap_or_default(),
            text,
            show,
            only,
            json,
        });
    }
    Ok(Options {
        corpus: corpus.ok_or("--corpus DIR is required")?,
        text,
        show,
        only,
        json,
    })
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let settings = Settings::builtin();
    if let Some(text) = &opts.text {
        for m in mentions(text, &settings) {
            println!(
                "{:?} core {:?} {:?} number {:?} [{:?}, {:?}] {:?}",
                text.get(m.span.start..m.span.end).unwrap_or(""),
                text.get(m.core.start..m.core.end).unwrap_or(""),
                m.qualifier,
                m.number,
                m.low,
                m.high,
                m.unit
            );
        }
        return ExitCode::SUCCESS;
    }
    let mut report = serde_json::Map::new();
    let mut any = false;
    for (file, suite) in FILES {
        if opts.only.as_deref().is_some_and(|o| !file.contains(o)) {
            continue;
        }
        let path = opts.corpus.join(file);
        if !path.exists() {
            continue;
        }
        let records = match read_lines(&path) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        };
        any = true;
        for (part, score) in evaluate(*suite, &records, &settings) {
            let name = if part.is_empty() {
                (*file).to_owned()
            } else {
                format!("{file}#{part}")
            };
            if score.cases == 0 && score.apart.is_empty() {
                continue;
            }
            report.insert(
                name.clone(),
                serde_json::json!({
                    "cases": score.cases,
                    "passed": score.passed,
                    "share": score.share(),
                    "precision": score.precision(),
                    "recall": score.recall(),
                    "apart": score.apart,
                    "failures": score.failures,
                }),
            );
            if opts.json {
                continue;
            }
            println!(
                "{name:<44} {:>4}/{:<4} = {:5.1}%   spans P {:5.1}% R {:5.1}%",
                score.passed,
                score.cases,
                score.share() * 100.0,
                score.precision() * 100.0,
                score.recall() * 100.0
            );
            for (reason, n) in &score.apart {
                println!("    apart: {n} {reason}");
            }
            for (reason, n) in &score.skipped {
                println!("    not scored: {n} {reason}");
            }
            let mut failures: Vec<_> = score.failures.iter().collect();
            failures.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            for (class, n) in failures {
                println!("    failed: {n} {class}");
            }
            for ex in score.examples.iter().take(opts.show) {
                println!("    - {ex}");
            }
        }
    }
    if opts.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&Value::Object(report)).expect("JSON values serialize")
        );
    }
    if !any {
        eprintln!("no suite files under {}", opts.corpus.display());
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
