use super::*;

fn one(text: &str) -> (String, Expr) {
    let found = find(text);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    let m = &found[0];
    (text[m.span.start..m.span.end].to_owned(), m.expr)
}

fn resolved(text: &str, reference: &str) -> Option<String> {
    let r = Civil::parse_iso(reference);
    let found = find(text);
    let m = found.first()?;
    m.resolve(r, lean_of(text)).map(Period::label)
}

#[test]
fn the_calendar_round_trips_and_knows_weekdays() {
    for days in [-800_000, -1, 0, 1, 20_000, 2_000_000] {
        assert_eq!(Civil::from_days(days).days(), days);
    }
    let feb3 = Civil::new(2025, 2, 3).expect("valid");
    assert_eq!(feb3.weekday(), 0, "Feb. 3, 2025 was a Monday");
    assert_eq!(feb3.iso_week(), (2025, 6));
    assert_eq!(Civil::new(2025, 2, 29), None);
    assert_eq!(
        Civil::new(2024, 1, 31).expect("valid").add_months(1),
        Civil::new(2024, 2, 29).expect("valid")
    );
}

#[test]
fn news_date_forms_are_found_whole() {
    for (text, phrase) in [
        ("It happened on Feb. 3, 2025, at noon.", "Feb. 3, 2025"),
        ("signed on 3 February 2025 in Paris", "3 February 2025"),
        ("dated 2025-02-04 here", "2025-02-04"),
        ("his state visit in December 2019.", "December 2019"),
        ("a visit in Dec. 2019.", "Dec. 2019"),
        ("it was agreed to in July between", "July"),
        ("the talks resume mid-March", "mid-March"),
        ("met on Aug. 21, 2018, and", "Aug. 21, 2018"),
        ("Then, late Monday evening, he spoke", "late Monday evening"),
        ("I'll go back 04th Jan 2019.", "04th Jan 2019"),
        ("Just last week, they refused", "last week"),
        ("said earlier this month that", "earlier this month"),
    ] {
        assert_eq!(one(text).0, phrase, "{text}");
    }
}

#[test]
fn a_month_after_this_next_or_last_is_of_the_reference_year_shifted() {
    assert_eq!(one("We leave this October.").0, "this October");
    assert_eq!(
        resolved("We leave this October.", "2024-03-05"),
        Some("2024-10".into())
    );
    assert_eq!(
        resolved("We left last October.", "2024-03-05"),
        Some("2023-10".into())
    );
    assert_eq!(
        resolved("We leave next April.", "2024-03-05"),
        Some("2025-04".into())
    );
    // A day after the month is the day, not the month.
    assert!(matches!(one("We left last October 3.").1, Expr::Day { .. }));
}

#[test]
fn month_and_day_joined_by_a_slash_or_hyphen_are_a_day() {
    for text in ["back on Nov/4 then", "back on nov-4 then"] {
        let (phrase, expr) = one(text);
        assert_eq!(phrase.len(), 5, "{text}");
        assert_eq!(
            expr,
            Expr::Day {
                year: None,
                month: 11,
                day: 4
            }
        );
    }
    // "Nov-2019" is a month; "Nov/4/2019" is the US form, read whole elsewhere.
    assert!(matches!(one("in Nov-2019 it").1, Expr::Month { .. }));
}

#[test]
fn this_morning_last_night_and_months_or_years_ago_are_placed() {
    assert_eq!(
        resolved("It was said this morning.", "2024-03-05"),
        Some("2024-03-05".into())
    );
    assert_eq!(
        resolved("It was said last night.", "2024-03-05"),
        Some("2024-03-04".into())
    );
    assert_eq!(
        resolved("It closed six months ago.", "2024-03-05"),
        Some("2023-09".into())
    );
    assert_eq!(
        resolved("It closed a year ago.", "2024-03-05"),
        Some("2023".into())
    );
    assert_eq!(one("It reopened two days later.").1, Expr::FromEvent);
    // Months and years between two events are a duration, not a date.
    assert!(find("It reopened two years later.").is_empty());
    // "a year" without "ago" is a duration, not a date.
    assert!(find("It took a year to build.").is_empty());
}

#[test]
fn the_month_of_a_month_is_the_month() {
    assert_eq!(
        one("all through the month of August").0,
        "the month of August"
    );
}

#[test]
fn a_weekday_beside_a_date_is_kept() {
    let found = find("The vote was held on Sunday, Feb. 3, 2025.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].stated_weekday, Some(6));
}

#[test]
fn a_bare_weekday_in_a_past_sentence_is_the_last_one() {
    assert_eq!(
        resolved("Rubio met Bukele on Monday.", "2025-02-04").as_deref(),
        Some("2025-02-03")
    );
    assert_eq!(
        resolved("Rubio will meet officials on Monday.", "2025-02-04").as_deref(),
        Some("2025-02-10")
    );
}

#[test]
fn a_month_without_a_year_in_the_past_is_last_years() {
    assert_eq!(
        resolved("The program was agreed to in July.", "2025-02-04").as_deref(),
        Some("2024-07")
    );
    assert_eq!(
        resolved("They met last week.", "2025-02-04").as_deref(),
        Some("2025-W05")
    );
    assert_eq!(
        resolved("It rained yesterday.", "2025-03-01").as_deref(),
        Some("2025-02-28")
    );
}

#[test]
fn verbs_and_numbers_are_not_dates() {
    assert!(find("You may march on the capital.").is_empty());
    assert!(find("This may or may not be right.").is_empty());
    assert!(find("They counted 2013 ballots and 1,700 migrants.").is_empty());
    assert!(find("MS-13 gang members").is_empty());
    assert_eq!(one("launched by China in 2013 under Xi").0, "2013");
    assert_eq!(one("a 2017 memorandum with China").0, "2017");
}

#[test]
fn granularity_is_what_the_phrase_states() {
    let july = Period::containing(Civil::new(2024, 7, 1).expect("valid"), Granularity::Month);
    let day = Period::containing(Civil::new(2024, 7, 1).expect("valid"), Granularity::Day);
    assert!(july.overlaps(day) && day.overlaps(july));
    let jan20 = Period::containing(Civil::new(2025, 1, 20).expect("valid"), Granularity::Day);
    let jan22 = Period::containing(Civil::new(2025, 1, 22).expect("valid"), Granularity::Day);
    assert!(!jan20.overlaps(jan22));
}

mod properties {
    use proptest::prelude::*;

    use super::super::*;

    proptest! {
        #[test]
        fn arbitrary_text_never_panics_and_spans_stay_in_bounds(text in "\\PC{0,80}") {
            for m in find(&text) {
                prop_assert!(m.span.start < m.span.end && m.span.end <= text.len());
                prop_assert!(text.is_char_boundary(m.span.start));
                prop_assert!(text.is_char_boundary(m.span.end));
            }
        }

        #[test]
        fn date_like_text_never_panics(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("Monday".to_owned()), Just("Feb.".to_owned()), Just("3,".to_owned()),
                    Just("2025".to_owned()), Just("last".to_owned()), Just("week".to_owned()),
                    Just("mid-March".to_owned()), Just("the".to_owned()), Just("4th".to_owned()),
                    Just("of".to_owned()), Just("July".to_owned()), Just("2025-02-04".to_owned()),
                    Just("two".to_owned()), Just("days".to_owned()), Just("ago".to_owned()),
                    "[0-9]{1,5}", "\\PC{1,3}",
                ],
                0..10,
            ),
            days in -100_000i64..100_000,
        ) {
            let text = words.join(" ");
            let reference = Civil::from_days(days);
            for m in find(&text) {
                prop_assert!(m.span.end <= text.len());
                let _ = m.timex(Some(reference), lean_of(&text));
                let _ = m.resolve(Some(reference), Lean::Nearest);
            }
        }

        #[test]
        fn resolution_is_idempotent(days in -100_000i64..100_000, weekday in 0u32..7) {
            // Resolving the label of a resolved date gives the same period back.
            let reference = Civil::from_days(days);
            let m = DateMention {
                span: Span::new(0, 1),
                expr: Expr::Weekday { weekday, shift: None },
                stated_weekday: None,
            };
            for lean in [Lean::Past, Lean::Future, Lean::Nearest] {
                let p = m.resolve(Some(reference), lean).expect("a reference resolves");
                prop_assert_eq!(p.start.weekday(), weekday);
                let again = find(&p.start.to_string());
                prop_assert_eq!(again.len(), 1);
                prop_assert_eq!(again[0].resolve(Some(reference), lean), Some(p));
            }
        }

        #[test]
        fn days_round_trip(days in -700_000i64..2_000_000) {
            let c = Civil::from_days(days);
            prop_assert_eq!(c.days(), days);
            prop_assert!(Civil::new(c.year, c.month, c.day).is_some() || c.year < 1 || c.year > 9999);
        }
    }
}
