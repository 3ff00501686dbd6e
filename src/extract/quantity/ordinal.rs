//! Ordinals that state a checkable rank or count: "in the seventh round", "her second
//! stint", "the 79th Academy Awards", "the Twelfth Doctor". An ordinal is compared only
//! with the same ordinal: "the sixth round" (a knockdown) and "the seventh round" (the
//! stoppage) are two facts of one story, never a conflict. "first" is left out: it is
//! far more often a manner of speaking ("at first", "the first time in years") than a
//! fact. Dates ("the 4th of July", "March 3rd") are the date reader's. An ordinal fixed
//! in a term ("a safe third country agreement", "a third party", "second-hand") names a
//! kind of thing, not a rank (`[quantities] fixed-ordinals`), and "a third of" is a
//! share. Issue 16.

use std::{collections::HashSet, sync::LazyLock};

use regex::Regex;

use super::MONTHS;
use crate::{normalize::text, span::Span};

/// Ordinal words from "second" on, with their value.
const ORDINAL_WORDS: &[(&str, f64)] = &[
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("thirteenth", 13.0),
    ("fourteenth", 14.0),
    ("fifteenth", 15.0),
    ("sixteenth", 16.0),
    ("seventeenth", 17.0),
    ("eighteenth", 18.0),
    ("nineteenth", 19.0),
    ("twentieth", 20.0),
    ("thirtieth", 30.0),
    ("fortieth", 40.0),
    ("fiftieth", 50.0),
    ("sixtieth", 60.0),
    ("seventieth", 70.0),
    ("eightieth", 80.0),
    ("ninetieth", 90.0),
    ("hundredth", 100.0),
];

/// An ordinal in digits ("79th", "2nd") or in words, then the word after it, joined by
/// a space or a hyphen ("seventh-round"). ASCII word boundaries keep the fast engine
/// on text with non-ASCII letters (the scan runs on every sentence).
static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = ORDINAL_WORDS.iter().map(|(w, _)| *w).collect();
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:(\d{{1,3}})(st|nd|rd|th)|({}))(?-u:\b)(?:[ -]([A-Za-z]+))?",
        words.join("|")
    ))
    .expect("static pattern")
});

/// Words after an ordinal that say nothing about what it ranks: the next word names it
/// better ("eighth straight win"), or the ordinal is a manner of speaking.
const NOT_THE_RANKED: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "to",
    "and",
    "or",
    "as",
    "for",
    "from",
    "with",
    "by",
    "the",
    "a",
    "an",
    "that",
    "this",
    "is",
    "was",
    "straight",
    "consecutive",
    "successive",
    "successful",
    "annual",
    "such",
    "overall",
    "largest",
    "biggest",
    "highest",
    "most",
    "best",
];

/// The unit and dimension of a share written as an ordinal ("a third of").
pub(crate) const SHARE_UNIT: &str = "share";

/// The unit and dimension of an ordinal claim.
pub(crate) const ORDINAL_UNIT: &str = "ordinal";

/// How an ordinal of `value` ends in digits ("st" in "21st").
pub(crate) fn suffix(value: f64) -> &'static str {
    match (value as u64 % 100, value as u64 % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    }
}

/// A word that names a place in a series, then its number: "No. 5", "page 20",
/// "Route 94", "Series 8", then the word after it ("No. 5 seed").
static NAMED_RANK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([A-Za-z]+)(\.? ?#?)(\d{1,4})(?-u:\b)(?:[ -]([A-Za-z]+))?")
        .expect("static pattern")
});

/// Words of `not-after` whose number is an amount of its own kind (an age, a year, a
/// distance) or a span of ranks ("top 10"), not one place in a series.
const NOT_A_RANK: &[&str] = &["aged", "age", "ages", "year", "day", "week", "mile", "top"];

/// Words before a number that make it a rank in any series ("No. 5"): these rank
/// what follows them and compare with ordinals ("the fifth seed"); other naming words
/// ("page 20") keep their word in the key.
const RANK_SIGNS: &[&str] = &["no", "no.", "number"];

/// One ordinal in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Ordinal {
    /// The ordinal and the noun it ranks, when one follows.
    pub(crate) span: Span,
    pub(crate) value: f64,
    /// The ranked noun, folded and singular ("round"), when the next word is one.
    pub(crate) noun: Option<String>,
    /// The word that names the series before the number ("page" in "page 20"), when
    /// it is not a plain rank sign ("No."): part of what the rank is compared on.
    pub(crate) series: Option<String>,
    /// A share of a whole ("a third of"): one part in `value`, not a rank.
    pub(crate) share: bool,
}

/// Every ordinal worth a claim in `sentence`, spans relative to it: ordinals, and the
/// numbers after a word of `not_after` that names a place in a series. An ordinal and
/// the word after it (singular) that make a term of `fixed` are not ranks.
pub(crate) fn find(
    sentence: &str,
    not_after: &HashSet<String>,
    fixed: &HashSet<String>,
) -> Vec<Ordinal> {
    let mut out = ordinals(sentence, fixed);
    if sentence.bytes().any(|b| b.is_ascii_digit()) {
        out.extend(named_ranks(sentence, not_after));
        out.sort_by_key(|o| (o.span.start, o.span.end));
    }
    out
}

fn named_ranks(sentence: &str, not_after: &HashSet<String>) -> Vec<Ordinal> {
    let mut out = Vec::new();
    for c in NAMED_RANK.captures_iter(sentence) {
        let (Some(word), Some(digits)) = (c.get(1), c.get(3)) else {
            continue;
        };
        let folded = text::fold(word.as_str());
        let gap = c.get(2).map_or("", |m| m.as_str());
        let named = not_after.contains(&folded)
            || (gap.starts_with('.') && not_after.contains(&format!("{folded}.")));
        if !named || NOT_A_RANK.contains(&folded.as_str()) || digits.as_str().starts_with('0') {
            continue;
        }
        let after = &sentence[digits.end()..];
        // "Route 9-11", "No. 5.5", "page 20,000": the number goes on.
        if after.starts_with(['-', '.', ',', ':', '/', '%'])
            && after[1..].starts_with(|ch: char| ch.is_ascii_alphanumeric())
        {
            continue;
        }
        let Ok(value) = digits.as_str().parse::<f64>() else {
            continue;
        };
        let next = c.get(4).map(|m| (m.end(), text::fold(m.as_str())));
        let noun = next
            .filter(|(_, w)| !NOT_THE_RANKED.contains(&w.as_str()))
            .map(|(e, w)| (e, text::singular(&w)));
        let is_rank = RANK_SIGNS.contains(&folded.as_str());
        out.push(Ordinal {
            span: Span::new(
                word.start(),
                noun.as_ref().map_or(digits.end(), |(e, _)| *e),
            ),
            value,
            noun: if is_rank {
                noun.map(|(_, w)| w)
            } else {
                Some(folded.clone())
            },
            series: (!is_rank).then_some(folded),
            share: false,
        });
    }
    out
}

/// Words before an ordinal that make it a share: "one" always ("one sixth the space"),
/// "a" before "of" ("a third of"); from "third" on ("a second of" is a unit of time).
const SHARE_BEFORE: &[&str] = &["a", "one"];

/// Ordinals in digits or words ("79th", "seventh"), except those fixed in a term of
/// `fixed` and shares.
fn ordinals(sentence: &str, fixed: &HashSet<String>) -> Vec<Ordinal> {
    let mut out = Vec::new();
    for c in ORDINAL.captures_iter(sentence) {
        let (Some(whole), Some(ordinal)) = (c.get(0), c.get(1).or(c.get(3))) else {
            continue;
        };
        let value = match c.get(1) {
            Some(digits) => {
                let Ok(v) = digits.as_str().parse::<f64>() else {
                    continue;
                };
                let suffix = c.get(2).map_or("", |m| m.as_str()).to_ascii_lowercase();
                if v < 2.0 || suffix != self::suffix(v) || digits.as_str().starts_with('0') {
                    continue;
                }
                v
            }
            None => {
                let folded = ordinal.as_str().to_ascii_lowercase();
                let Some((_, v)) = ORDINAL_WORDS.iter().find(|(w, _)| *w == folded) else {
                    continue;
                };
                *v
            }
        };
        let before = &sentence[..whole.start()];
        // "the twenty-second", "1,000th", "No. 2nd": part of a longer figure or name.
        if before.ends_with(['-', ',', '.', '$'])
            || before.ends_with(|ch: char| ch.is_ascii_digit())
        {
            continue;
        }
        let word_before = text::words(before).last().map(|(_, _, w)| text::fold(w));
        if word_before.as_deref().is_some_and(|w| MONTHS.contains(&w)) {
            continue;
        }
        let next = c.get(4).map(|m| (m, text::fold(m.as_str())));
        // "the 4th of July": a date.
        if next.as_ref().is_some_and(|(_, w)| w == "of")
            && text::words(&sentence[whole.end()..])
                .next()
                .is_some_and(|(_, _, w)| MONTHS.contains(&text::fold(w).as_str()))
        {
            continue;
        }
        // "a third party", "a safe third country agreement": a term, not a rank.
        if next.as_ref().is_some_and(|(_, w)| {
            let term = format!("{} {}", text::fold(ordinal.as_str()), text::singular(w));
            fixed.contains(&term)
        }) {
            continue;
        }
        // "a third of the 300", "one fifth of them": a share of a whole.
        if let Some((at, _, w)) = text::words(before).last()
            && sentence[at + w.len()..whole.start()].trim().is_empty()
            && value > 2.0
            && let Some(share_word) = SHARE_BEFORE.iter().find(|s| text::fold(w) == **s)
            && (*share_word == "one" || next.as_ref().is_some_and(|(_, w)| w == "of"))
        {
            let end = c.get(2).map_or(ordinal.end(), |m| m.end());
            out.push(Ordinal {
                span: Span::new(at, end),
                value,
                noun: None,
                series: None,
                share: true,
            });
            continue;
        }
        let noun = next
            .as_ref()
            .filter(|(_, w)| !NOT_THE_RANKED.contains(&w.as_str()))
            .map(|(m, w)| (m.end(), text::singular(w)));
        // "a second" alone is a unit of time; "second" ranks only what it names.
        if ordinal.as_str().eq_ignore_ascii_case("second") && noun.is_none() {
            continue;
        }
        let ordinal_end = c.get(2).map_or(ordinal.end(), |m| m.end());
        let end = noun.as_ref().map_or(ordinal_end, |(e, _)| *e);
        out.push(Ordinal {
            span: Span::new(whole.start(), end),
            value,
            noun: noun.map(|(_, w)| w),
            series: None,
            share: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(sentence: &str) -> Vec<(f64, Option<String>)> {
        let not_after: HashSet<String> = ["no.", "page", "route", "aged"]
            .iter()
            .map(|w| (*w).to_owned())
            .collect();
        let settings = crate::config::Settings::builtin();
        find(sentence, &not_after, &settings.fixed_ordinals)
            .into_iter()
            .map(|o| (o.value, o.noun))
            .collect()
    }

    #[test]
    fn ordinals_rank_the_noun_after_them() {
        assert_eq!(
            read("He was stopped in the ninth round."),
            [(9.0, Some("round".into()))]
        );
        assert_eq!(
            read("a ninth-round stoppage"),
            [(9.0, Some("round".into()))]
        );
        assert_eq!(read("the 64th Film Awards"), [(64.0, Some("film".into()))]);
        assert_eq!(
            read("It is her third stint."),
            [(3.0, Some("stint".into()))]
        );
        assert_eq!(read("for a second time"), [(2.0, Some("time".into()))]);
        assert_eq!(read("early in the eighth, he fell"), [(8.0, None)]);
        assert_eq!(read("their ninth straight win"), [(9.0, None)]);
        assert_eq!(read("the 22nd player"), [(22.0, Some("player".into()))]);
    }

    #[test]
    fn a_number_after_a_series_word_is_a_rank() {
        assert_eq!(
            read("They hold the No. 3 seed."),
            [(3.0, Some("seed".into()))]
        );
        assert_eq!(
            read("It ran on page 14 today."),
            [(14.0, Some("page".into()))]
        );
        let o = &find(
            "west on Route 66",
            &HashSet::from(["route".to_owned()]),
            &HashSet::new(),
        )[0];
        assert_eq!((o.value, o.series.as_deref()), (66.0, Some("route")));
        for s in ["He died aged 71.", "on page 14-15", "No. 3.5 was it"] {
            assert!(read(s).is_empty(), "{s}: {:?}", read(s));
        }
    }

    #[test]
    fn dates_units_and_first_are_not_ordinal_claims() {
        for s in [
            "It opens on the 4th of July.",
            "It opens March 3rd.",
            "Wait a second.",
            "within a second of the bell",
            "She came first.",
            "the 1st match",
            "the 22th item",
            "the twenty-third stop",
            "on his second hand",
        ] {
            assert!(read(s).is_empty(), "{s}: {:?}", read(s));
        }
    }

    /// Issue 16: "a new safe third country agreement" was read as the rank 3rd and then
    /// agreed with "the third-largest source".
    #[test]
    fn an_ordinal_fixed_in_a_term_is_not_a_rank_issue_16() {
        for s in [
            "They signed a new safe third country agreement.",
            "It was sold to a third party.",
            "Claims by third parties were dropped.",
            "He bought a second-hand car.",
            "the Third World debt",
        ] {
            assert!(read(s).is_empty(), "{s}: {:?}", read(s));
        }
        assert_eq!(read("the third round"), [(3.0, Some("round".into()))]);
    }

    #[test]
    fn a_share_is_not_a_rank_issue_16() {
        for (s, value) in [
            ("A third of the 300 workers left.", 3.0),
            ("one fifth of them voted", 5.0),
            ("It takes one sixth the space.", 6.0),
        ] {
            let found = find(s, &HashSet::new(), &HashSet::new());
            assert_eq!(found.len(), 1, "{s}: {found:?}");
            assert!(found[0].share && found[0].value == value, "{s}: {found:?}");
        }
        let rank = find(
            "the third of the five rounds",
            &HashSet::new(),
            &HashSet::new(),
        );
        assert!(rank.len() == 1 && !rank[0].share, "{rank:?}");
        // "a second of" is a unit of time, not a half.
        assert!(read("within a second of the bell").is_empty());
    }
}
