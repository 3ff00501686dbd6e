//! The unit table end to end: measures in different units agree after conversion. The
//! `eval-suites` binary's tests live beside it, in `tools/tests/eval_suites.rs`.

mod common;

use common::verdicts_for as verdicts;
use corroborate::{config::Settings, extract, rules::Verdict};

#[test]
fn five_km_agrees_with_three_point_one_miles() {
    let a = "The wildfire near Orrin Bay spread along a 5 km stretch of the coastal ridge on Monday, fire crews said.";
    let b = "Fire crews said the wildfire near Orrin Bay spread along a 3.1 miles stretch of the coastal ridge on Monday.";
    let v = verdicts(&[a, b], "km");
    assert!(v.contains(&Verdict::Agreement), "{v:?}");
    assert!(!v.contains(&Verdict::Conflict), "{v:?}");
}

#[test]
fn five_km_conflicts_with_ten_miles() {
    let a = "The wildfire near Orrin Bay spread along a 5 km stretch of the coastal ridge on Monday, fire crews said.";
    let b = "Fire crews said the wildfire near Orrin Bay spread along a 10 miles stretch of the coastal ridge on Monday.";
    let v = verdicts(&[a, b], "km");
    assert!(!v.is_empty() && !v.contains(&Verdict::Agreement), "{v:?}");
}

#[test]
fn currency_symbols_name_their_currency() {
    assert_read(&[
        ("the council paid US$ 3.5 million", "USD", 3_500_000.0),
        ("a grant of C$40 million was approved", "CAD", 40_000_000.0),
        ("the fine was A$250,000 in total", "AUD", 250_000.0),
        ("shares worth HK$12 billion changed hands", "HKD", 12e9),
        ("the ticket cost Rs 500 at the gate", "INR", 500.0),
        ("he was fined 10,000 swiss francs", "CHF", 10_000.0),
        ("the price rose to 20€ a head", "EUR", 20.0),
        ("she paid 42 bucks for it", "USD", 42.0),
        ("the stock fell 34 cents", "cent", 34.0),
        ("it cost a $144 billion bailout", "USD", 144e9),
    ]);
}

#[test]
fn temperatures_and_glued_units_are_read() {
    assert_read(&[
        ("overnight it fell to -5°C in the valley", "celsius", -5.0),
        ("the water was 98.6 degrees f", "fahrenheit", 98.6),
        ("a 7.62mm barrel", "mm", 7.62),
        ("the drive covered 100m of track", "m", 100.0),
        ("a 2.5-mile stretch of the freeway", "mi", 2.5),
        ("it holds 500,000 barrels", "bbl", 500_000.0),
        // A rate keeps its denominator: it is not compared with a bare amount.
        ("it pumps 500,000 barrels a day", "bbl/day", 500_000.0),
    ]);
    // A glued "m" after a currency sign is a million.
    let m = extract::quantity::mentions("a $100m deal", &Settings::builtin());
    assert!(m.iter().any(|m| m.number == Some(100e6)), "{m:?}");
}

#[test]
fn british_and_engine_units_are_read() {
    // Issue 16: "1.38pc", "640bhp", "a 12-gauge shotgun".
    assert_read(&[
        ("inflation eased to 2.45pc in May", "percent", 2.45),
        ("the coupe makes 510bhp at full tilt", "hp", 510.0),
        ("a 250 horsepower outboard motor", "hp", 250.0),
        ("he bought a 20-gauge shotgun", "gauge", 20.0),
    ]);
}

/// Each text has a mention of `value` in `unit`.
fn assert_read(cases: &[(&str, &str, f64)]) {
    let settings = Settings::builtin();
    for &(text, unit, value) in cases {
        let m = extract::quantity::mentions(text, &settings);
        assert!(
            m.iter()
                .any(|m| m.unit.as_deref() == Some(unit) && m.number == Some(value)),
            "{text}: {m:?}"
        );
    }
}

#[test]
fn a_score_agrees_with_the_same_score_and_never_conflicts_with_another() {
    // Issue 16: "24-17" is one pair of figures, not two counts; a halftime score beside
    // a final score is no conflict.
    let a = "The Harriers beat the Owls 24-17 on Sunday after trailing 10-3 at halftime.";
    let b = "The Owls fell 24-17 to the Harriers on Sunday, having led 10-7 at halftime.";
    let v = verdicts(&[a, b], "24-17");
    assert!(v.contains(&Verdict::Agreement), "{v:?}");
    assert!(!v.contains(&Verdict::Conflict), "{v:?}");
    assert!(!verdicts(&[a, b], "10-").contains(&Verdict::Conflict));
}

#[test]
fn ordinals_meet_only_the_same_rank() {
    let a = "Rivas was knocked down in the fourth round and stopped in the ninth round in Leeds.";
    let b =
        "Rivas went down in the fourth round before he was stopped in the ninth round in Leeds.";
    let v = verdicts(&[a, b], "ninth");
    assert!(v.contains(&Verdict::Agreement), "{v:?}");
    assert!(!v.contains(&Verdict::Conflict), "{v:?}");
}

#[test]
fn bound_words_set_the_qualifier() {
    // Issue 16: the bounds family, "~300" to "as much as $5 million".
    use corroborate::extract::Qualifier::*;
    let settings = Settings::builtin();
    for (text, qualifier) in [
        ("a crowd of ~300 people gathered", Approximate),
        ("just under 300 people gathered", LessThan),
        ("just below 300 people gathered", LessThan),
        ("well over 300 people gathered", MoreThan),
        ("at least 300 people gathered", AtLeast),
        ("as many as 300 people gathered", AtMost),
        ("it may cost as much as $5 million", AtMost),
        ("fewer than 300 people gathered", LessThan),
        ("up to 300 people gathered", AtMost),
    ] {
        let m = extract::quantity::mentions(text, &settings);
        assert!(m.iter().any(|m| m.qualifier == qualifier), "{text}: {m:?}");
    }
}

#[test]
fn a_lower_and_an_upper_bound_make_a_range() {
    let settings = Settings::builtin();
    let m = extract::quantity::mentions("it was larger than 10 and smaller than 20", &settings);
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!((m[0].low, m[0].high), (Some(10.0), Some(20.0)));
    assert!(!m[0].low_inclusive && !m[0].high_inclusive);
}
