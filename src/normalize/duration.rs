//! Lengths of time as news writes them: "for 30 days", "four years", "a 90-day freeze",
//! "a 15-year-old", "two and a half hours", each with its byte span, amount and unit.
//!
//! This module owns reading the amount and the unit; bounds ("more than four years")
//! and what the duration belongs to are `extract::duration`'s business. It never reads
//! settings, and arbitrary UTF-8 cannot make it panic.

use serde::Serialize;

use crate::{
    normalize::{number, text},
    span::Span,
};

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

impl TimeUnit {
    /// The unit a word names ("days", "yr", "fortnight" is two weeks, handled by the caller).
    pub fn from_word(word: &str) -> Option<TimeUnit> {
        Some(match word {
            "second" | "seconds" | "sec" | "secs" => TimeUnit::Second,
            "minute" | "minutes" | "min" | "mins" => TimeUnit::Minute,
            "hour" | "hours" | "hr" | "hrs" => TimeUnit::Hour,
            "day" | "days" | "night" | "nights" => TimeUnit::Day,
            "week" | "weeks" => TimeUnit::Week,
            "month" | "months" => TimeUnit::Month,
            "year" | "years" | "yr" | "yrs" => TimeUnit::Year,
            "decade" | "decades" => TimeUnit::Decade,
            "century" | "centuries" => TimeUnit::Century,
            _ => return None,
        })
    }

    /// Length in days (a month is 1/12 of a Gregorian year).
    pub fn days(self) -> f64 {
        match self {
            TimeUnit::Second => 1.0 / 86_400.0,
            TimeUnit::Minute => 1.0 / 1_440.0,
            TimeUnit::Hour => 1.0 / 24.0,
            TimeUnit::Day => 1.0,
            TimeUnit::Week => 7.0,
            TimeUnit::Month => 365.2425 / 12.0,
            TimeUnit::Year => 365.2425,
            TimeUnit::Decade => 3_652.425,
            TimeUnit::Century => 36_524.25,
        }
    }

    /// snake_case name, as in JSON.
    pub fn name(self) -> &'static str {
        match self {
            TimeUnit::Second => "second",
            TimeUnit::Minute => "minute",
            TimeUnit::Hour => "hour",
            TimeUnit::Day => "day",
            TimeUnit::Week => "week",
            TimeUnit::Month => "month",
            TimeUnit::Year => "year",
            TimeUnit::Decade => "decade",
            TimeUnit::Century => "century",
        }
    }

    /// ISO 8601 duration ("P90D", "PT2H", "P10Y" for a decade).
    pub fn iso(self, amount: f64) -> String {
        let n = |x: f64| {
            let s = format!("{x:.4}");
            s.trim_end_matches('0').trim_end_matches('.').to_owned()
        };
        match self {
            TimeUnit::Second => format!("PT{}S", n(amount)),
            TimeUnit::Minute => format!("PT{}M", n(amount)),
            TimeUnit::Hour => format!("PT{}H", n(amount)),
            TimeUnit::Day => format!("P{}D", n(amount)),
            TimeUnit::Week => format!("P{}W", n(amount)),
            TimeUnit::Month => format!("P{}M", n(amount)),
            TimeUnit::Year => format!("P{}Y", n(amount)),
            TimeUnit::Decade => format!("P{}Y", n(amount * 10.0)),
            TimeUnit::Century => format!("P{}Y", n(amount * 100.0)),
        }
    }
}

/// One length of time found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct DurationMention {
    /// Byte span of the amount and unit ("90-day", "four years", "15-year-old").
    pub span: Span,
    pub amount: f64,
    pub unit: TimeUnit,
    /// An age ("a 15-year-old", "15 years old").
    pub is_age: bool,
    /// Written as a modifier ("a 90-day freeze"): the noun it modifies, folded.
    pub modifies: Option<String>,
}

/// Words that may follow "a minute", "an hour" when the article is the amount; any other
/// word right after makes it an ordinal or a modifier ("a second vote").
const LENGTH_FOLLOWERS: &[&str] = &[
    "of", "ago", "later", "earlier", "before", "after", "and", "or", "in", "to", "for", "on", "at",
    "the", "a", "an", "from", "into", "since", "until", "with",
];

/// Words after a length that make it a clock position or a time ago ("12 minutes left",
/// "two days ago"), not a length anyone claims.
const CLOCK_POSITIONS: &[&str] = &[
    "left",
    "remaining",
    "to go",
    "to play",
    "ago",
    "later",
    "earlier",
    "before the",
    "after the",
    "into the",
];

/// Every length of time in `text`, in order.
pub fn find(text: &str) -> Vec<DurationMention> {
    let mut out = Vec::new();
    let mut tokens: Vec<(usize, usize, f64)> = number::scan(text)
        .into_iter()
        .map(|t| (t.start, t.end, t.value))
        .collect();
    // "a year", "an hour": the article is the amount when a unit follows at once.
    for (start, end, word) in text::words(text) {
        if matches!(word, "a" | "an" | "A" | "An")
            && !tokens.iter().any(|t| t.0 <= start && start < t.1)
        {
            tokens.push((start, end, 1.0));
        }
    }
    tokens.sort_by_key(|t| t.0);
    for (start, end, value) in tokens {
        let Some(rest) = text.get(end..) else {
            continue;
        };
        if !(value.is_finite() && value > 0.0) {
            continue;
        }
        let hyphen = rest.starts_with('-');
        let gap = if hyphen {
            1
        } else {
            rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len()
        };
        if gap == 0 && !hyphen {
            continue;
        }
        let Some(after) = rest.get(gap..) else {
            continue;
        };
        let word_len = after
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(after.len());
        let word = after[..word_len].to_lowercase();
        let (unit, amount) = match (TimeUnit::from_word(&word), word.as_str()) {
            (Some(u), _) => (u, value),
            (None, "fortnight" | "fortnights") => (TimeUnit::Week, value * 2.0),
            _ => continue,
        };
        // "a" only counts before a singular unit ("a year", not "a days").
        let is_article = text
            .get(start..end)
            .is_some_and(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"));
        if is_article && (hyphen || word.ends_with('s')) {
            continue;
        }
        // "a second vote", "a minute's silence": an ordinal or a possessive, not a length.
        let next_word = text::words(after.get(word_len..).unwrap_or(""))
            .next()
            .map(|(s, _, w)| (after[word_len..][..s].trim().is_empty(), text::fold(w)));
        if is_article
            && (after[word_len..].starts_with(['\'', '’'])
                || next_word.is_some_and(|(adjacent, w)| {
                    adjacent && !LENGTH_FOLLOWERS.contains(&w.as_str())
                }))
        {
            continue;
        }
        let mut span_end = end + gap + word_len;
        let tail = text.get(span_end..).unwrap_or("");
        let mut is_age = false;
        let mut modifies = None;
        if hyphen {
            if tail.starts_with("-old") {
                is_age = true;
                span_end += 4;
            } else {
                // The noun the modifier belongs to: "90-day freeze" -> "freeze".
                modifies = text::words(tail)
                    .next()
                    .filter(|(s, _, _)| tail[..*s].trim().is_empty())
                    .map(|(_, _, w)| text::fold(w));
            }
        } else if let Some(old) = tail.strip_prefix(" old")
            && !old.starts_with(char::is_alphabetic)
        {
            is_age = true;
            span_end += 4;
        }
        // A rate ("twice a day") or a clock reading is not a length of time.
        if is_article {
            let before = text[..start].trim_end().to_lowercase();
            // "20 million hits a month": a count per period is a rate.
            let previous_word = before.split_whitespace().last().unwrap_or("");
            let counts_before = previous_word.len() > 3
                && previous_word.ends_with('s')
                && !previous_word.ends_with("ss");
            if before.ends_with("times")
                || before.ends_with("twice")
                || before.ends_with("once")
                || before.ends_with("per")
                || counts_before
                || previous_word.chars().any(|c| c.is_ascii_digit())
            {
                continue;
            }
        }
        // A clock position ("with 12 minutes left", "4 seconds to play") or a time ago
        // ("two days ago") is not a length of time anyone claims.
        let after = text[span_end..].trim_start().to_lowercase();
        if CLOCK_POSITIONS.iter().any(|w| {
            after.starts_with(w)
                && after[w.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        }) {
            continue;
        }
        out.push(DurationMention {
            span: Span::new(start, span_end),
            amount,
            unit,
            is_age,
            modifies,
        });
    }
    ages_without_a_unit(text, &mut out);
    out
}

/// Words that, written right before a figure, make it an age ("aged 51", "at age 91",
/// "at the age of 91", "girls ages 6 and 8").
const AGE_BEFORE: &[&str] = &["aged", "age", "ages", "age of", "turned", "turns"];

/// A subject and verb after which a lone figure ending the clause is an age ("He was 95.").
const AGE_STATED: &[&str] = &["he was", "she was", "he is", "she is", "who was", "who is"];

/// Capitalised words that start no name: a figure after them and a comma is no age.
const NOT_A_NAME: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "in",
    "on",
    "at",
    "by",
    "since",
    "until",
    "of",
    "and",
    "but",
    "or",
    "the",
    "a",
    "an",
    "no",
    "number",
    "page",
    "chapter",
    "section",
    "room",
    "flight",
    "route",
];

/// Whether `before` ends with a capitalised name and "was" or "is" ("Mark Felt was ").
fn name_was(before: &str) -> bool {
    let mut words = text::words(before).collect::<Vec<_>>().into_iter().rev();
    let (Some((_, verb_end, verb)), Some((_, name_end, name))) = (words.next(), words.next())
    else {
        return false;
    };
    matches!(verb, "was" | "is")
        && &before[verb_end..] == " "
        && before[name_end..].starts_with(' ')
        && name.starts_with(|c: char| c.is_uppercase())
        && name.chars().any(char::is_lowercase)
        && !NOT_A_NAME.contains(&text::fold(name).as_str())
}

/// Ages written as a bare figure: "Maddon, 66, said", "aged 51", "at the age of 91",
/// "He was 95." Each is a number of years, `is_age`; figures already read are skipped.
fn ages_without_a_unit(text: &str, out: &mut Vec<DurationMention>) {
    let mut previous_age_end: Option<usize> = None;
    let mut found = Vec::new();
    for t in number::scan(text) {
        if t.form != number::NumberForm::Digits
            || t.is_decimal
            || t.has_separator
            || !(1.0..=120.0).contains(&t.value)
            || t.value.fract() != 0.0
            || out
                .iter()
                .any(|d| d.span.start < t.end && t.start < d.span.end)
        {
            continue;
        }
        let (Some(before), Some(after)) = (text.get(..t.start), text.get(t.end..)) else {
            continue;
        };
        let lower = before.trim_end().to_lowercase();
        let ends_with_words = |phrase: &str| {
            lower.strip_suffix(phrase).is_some_and(|head| {
                head.chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            }) && before.ends_with(' ')
        };
        let clause_ends = after
            .chars()
            .next()
            .is_none_or(|c| matches!(c, ',' | ';' | ')' | '.' | ':'))
            && !after.starts_with(".0")
            && !after
                .get(1..)
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        let named = AGE_BEFORE.iter().any(|w| ends_with_words(w));
        // "ages 6 and 8": the second figure of a list of ages.
        let listed = previous_age_end.is_some_and(|e| {
            text.get(e..t.start)
                .is_some_and(|gap| matches!(gap.trim(), "and" | "," | "or" | "to"))
        });
        let sentence_ends = after.trim_end().trim_end_matches(['"', '”', '\'']) == ".";
        let stated = clause_ends && AGE_STATED.iter().any(|w| ends_with_words(w))
            || sentence_ends && name_was(before);
        // "Comeaux, 49, escaped", "Maddon, 66": a figure between commas after a name.
        let apposed = clause_ends && before.ends_with(", ") && {
            // "Comeaux Jr., 49,": a full stop of an abbreviation may end the name.
            let name = before[..before.len() - 2].trim_end_matches('.');
            text::words(name).last().is_some_and(|(_, e, w)| {
                e == name.len()
                    && w.starts_with(|c: char| c.is_uppercase())
                    && w.chars().count() > 1
                    && w.chars().any(char::is_lowercase)
                    && !NOT_A_NAME.contains(&text::fold(w).trim_end_matches('.'))
            })
        };
        if named || listed || stated || apposed {
            found.push(DurationMention {
                span: Span::new(t.start, t.end),
                amount: t.value,
                unit: TimeUnit::Year,
                is_age: true,
                modifies: None,
            });
            previous_age_end = Some(t.end);
        } else {
            previous_age_end = None;
        }
    }
    if !found.is_empty() {
        out.extend(found);
        out.sort_by_key(|d| (d.span.start, d.span.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, f64, TimeUnit, bool)> {
        find(text)
            .into_iter()
            .map(|d| {
                (
                    text[d.span.start..d.span.end].to_owned(),
                    d.amount,
                    d.unit,
                    d.is_age,
                )
            })
            .collect()
    }

    #[test]
    fn news_durations_are_read_with_their_unit() {
        assert_eq!(
            read("The mayor has ordered a 90-day freeze on hiring"),
            [("90-day".to_owned(), 90.0, TimeUnit::Day, false)]
        );
        assert_eq!(
            read("after four years of being laughed at"),
            [("four years".to_owned(), 4.0, TimeUnit::Year, false)]
        );
        assert_eq!(
            read("a 15-year-old was hurt"),
            [("15-year-old".to_owned(), 15.0, TimeUnit::Year, true)]
        );
        assert_eq!(
            read("paused for 30 days"),
            [("30 days".to_owned(), 30.0, TimeUnit::Day, false)]
        );
        assert_eq!(
            read("in a year"),
            [("a year".to_owned(), 1.0, TimeUnit::Year, false)]
        );
    }

    #[test]
    fn rates_and_counts_are_not_durations() {
        assert!(read("twice a day").is_empty());
        assert!(read("scored with 12 minutes left in the game").is_empty());
        assert!(read("the storm hit two days ago").is_empty());
        assert!(read("the site logs about 20 million hits a month").is_empty());
        assert!(read("43 migrants on a flight").is_empty());
    }

    #[test]
    fn bare_figures_are_ages_where_news_writes_them_so() {
        let ages = |t: &str| -> Vec<f64> {
            find(t)
                .into_iter()
                .filter(|d| d.is_age)
                .map(|d| d.amount)
                .collect()
        };
        assert_eq!(ages("Ortega, 58, of Dayton was charged."), [58.0]);
        assert_eq!(ages("The coach, McAllister Jr., 61, spoke."), [61.0]);
        assert_eq!(ages("She retired aged 44 and moved."), [44.0]);
        assert_eq!(ages("He died at the age of 88 in June."), [88.0]);
        assert_eq!(ages("two sons, ages 9 and 13, were home"), [9.0, 13.0]);
        assert_eq!(ages("Viola Brandt was 101."), [101.0]);
        assert!(ages("On March 3, 12 boats sailed.").is_empty());
        assert!(ages("In Boston, 40, maybe 50, people came.").len() <= 1);
        assert!(ages("The index rose 12, to 480.").is_empty());
    }

    #[test]
    fn the_modified_noun_is_kept() {
        let found = find("a 90-day freeze");
        assert_eq!(found[0].modifies.as_deref(), Some("freeze"));
    }
}
