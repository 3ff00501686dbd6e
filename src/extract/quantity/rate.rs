//! Rates: the denominators after a unit ("$15/hour", "10 l/km", "$80 a barrel"), kept
//! in the unit and dimension so a rate is never compared with a bare amount.

use super::*;

/// A unit's name with a rate's denominators: "USD/hour". A rate is compared only with
/// rates of the same denominators, never with a bare amount ("$15 an hour" is not "$15").
pub(super) fn rate_name(unit: &str, per: &[String]) -> String {
    per.iter()
        .fold(unit.to_owned(), |name, d| format!("{name}/{d}"))
}

/// A unit's dimension with a rate's denominators: "currency per hour".
pub(super) fn rate_dimension(dimension: &str, per: &[String]) -> String {
    per.iter()
        .fold(dimension.to_owned(), |name, d| format!("{name} per {d}"))
}

/// What a rate's figure is written with after its unit: "/hour".
pub(super) fn rate_suffix(per: &[String]) -> String {
    per.iter().map(|d| format!("/{d}")).collect()
}

/// Whether `span` in `sentence` ("a year") is the denominator of a rate read by this
/// module ("$4 million a year", "5% a year" excepted: a percentage takes no rate): an
/// article and a time unit right after an amount with a unit.
pub fn is_rate_denominator(sentence: &str, span: Span, settings: &Settings) -> bool {
    let Some(phrase) = sentence.get(span.start..span.end) else {
        return false;
    };
    let lower = phrase.to_lowercase();
    if !(lower.starts_with("a ") || lower.starts_with("an ")) {
        return false;
    }
    let Some(pre) = sentence.get(..span.start) else {
        return false;
    };
    let Some(tail) = pre.strip_suffix(' ') else {
        return false;
    };
    // The amount before: its last number and unit, read as this module reads them.
    let from = tail
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .nth(3)
        .map_or(0, |(i, _)| i);
    read_sentence(&sentence[from..], false, Keep::Mentions, settings)
        .iter()
        .any(|r| r.core.end + from == span.end && !r.per.is_empty())
}

/// Time units a rate may be reckoned in, by how they are written after "/", "per", "a"
/// or "an", with their canonical name.
pub(super) const TIME_DENOMINATORS: &[(&[&str], &str)] = &[
    (&["millisecond", "milliseconds", "ms"], "millisecond"),
    (&["second", "seconds", "sec", "s"], "second"),
    (&["minute", "minutes", "min"], "minute"),
    (&["hour", "hours", "hr", "h"], "hour"),
    (&["day", "days", "d"], "day"),
    (&["week", "weeks", "wk"], "week"),
    (&["month", "months"], "month"),
    (&["year", "years", "yr", "annum"], "year"),
];

/// Words after a time unit that make "a year" a time ("a year ago"), not a rate.
pub(super) const TIME_ANCHORS: &[&str] = &[
    "ago", "earlier", "later", "before", "after", "since", "from",
];

/// The denominators of a rate written at the start of `rest` (right after an amount and
/// its unit), canonical, and the byte length read: "/hour", " per hour", " an hour"
/// (time units only), "/km", "/s2", "/cm³", "/m^2 per year", " per share". Up to two
/// denominators. A letter unit after a slash must be a unit of the table or a time unit;
/// after "per", any word but a function word names what the rate is reckoned in.
pub(super) fn rate_after(rest: &str, settings: &Settings) -> Option<(Vec<String>, usize)> {
    let mut per = Vec::new();
    let mut at = 0;
    while per.len() < 2 {
        let tail = &rest[at..];
        let (joiner, kind) = if tail.starts_with('/') {
            (1, Joiner::Slash)
        } else if let Some(len) = word_prefix(tail, "per") {
            (len, Joiner::Per)
        } else if let Some(len) = word_prefix(tail, "an").or_else(|| word_prefix(tail, "a")) {
            (len, Joiner::Article)
        } else {
            break;
        };
        let after_joiner = &tail[joiner..];
        let Some((name, len)) = denominator(after_joiner, kind, settings) else {
            break;
        };
        // "$20 a year ago": a time, not a rate.
        if kind == Joiner::Article
            && text::words(&after_joiner[len..])
                .next()
                .is_some_and(|(_, _, w)| TIME_ANCHORS.contains(&text::fold(w).as_str()))
        {
            break;
        }
        per.push(name);
        at += joiner + len;
    }
    (!per.is_empty()).then_some((per, at))
}

/// How a denominator is joined to its amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Joiner {
    /// "/hour"
    Slash,
    /// " per hour"
    Per,
    /// " an hour"
    Article,
}

/// The byte length of `word` (any case) at the start of `text` after one space, with a
/// space after it: " per " in " per hour".
pub(super) fn word_prefix(text: &str, word: &str) -> Option<usize> {
    let body = text.strip_prefix(' ')?;
    let head = body.get(..word.len())?;
    (head.eq_ignore_ascii_case(word) && body[word.len()..].starts_with(' '))
        .then_some(1 + word.len() + 1)
}

/// The denominator at the start of `text` (right after its joiner), canonical, with the
/// byte length read. An exponent ("s2", "s²", "m^2") is kept in the name.
pub(super) fn denominator(
    text: &str,
    joiner: Joiner,
    settings: &Settings,
) -> Option<(String, usize)> {
    let letters = text
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(text.len(), |(i, _)| i);
    if letters == 0 {
        return None;
    }
    let word = text[..letters].to_lowercase();
    let time = TIME_DENOMINATORS
        .iter()
        .find(|(written, _)| written.contains(&word.as_str()))
        .map(|(_, name)| *name);
    if let Some(name) = time {
        // Only whole words after "a"/"an" ("an hour", not "a h").
        if joiner == Joiner::Article && word.len() < 3 {
            return None;
        }
        let (power, len) = exponent(&text[letters..]);
        if text[letters + len..].starts_with(char::is_alphanumeric) {
            return None;
        }
        return Some((format!("{name}{power}"), letters + len));
    }
    // A unit of the table: the longest alias that starts here ("m^2", "cm³", "km");
    // after "a" or "an", a whole word ("$80 a barrel", not "a m").
    if let Some((u, len)) = unit_at(text, settings)
        && !text.starts_with([' ', '-'])
        && (joiner != Joiner::Article
            || (len >= 3
                && text[..len].chars().all(char::is_alphabetic)
                && settings.units[u].dimension != "currency"))
    {
        return Some((settings.units[u].name.clone(), len));
    }
    if joiner == Joiner::Article {
        return None;
    }
    // "per share", "per person": what the rate is reckoned in, singular.
    if joiner == Joiner::Per
        && !PHRASE_STOPS.contains(&word.as_str())
        && !text[letters..].starts_with(|c: char| c.is_alphanumeric())
    {
        return Some((text::singular(&word), letters));
    }
    None
}

/// An exponent right after a unit: "2", "²", "^2", "3", "³", "^3" (as "²" or "³") and its
/// byte length; ("", 0) when there is none.
pub(super) fn exponent(text: &str) -> (&'static str, usize) {
    let body = text.strip_prefix('^').unwrap_or(text);
    let caret = text.len() - body.len();
    let mut chars = body.chars();
    let power = match chars.next() {
        Some('2' | '²') => "²",
        Some('3' | '³') => "³",
        _ => return ("", 0),
    };
    if chars.next().is_some_and(|c| c.is_ascii_digit()) {
        return ("", 0);
    }
    let len = body.chars().next().map_or(0, char::len_utf8);
    (power, caret + len)
}

/// A rate's denominators after the unit, and a conversion in brackets.
pub(super) fn read_rate(r: &Reader<'_>, d: &mut Draft) {
    let sentence = r.sentence;
    let tokens = &r.tokens;
    let settings = r.settings;
    let keep = r.keep;
    // "$15.4/hour", "10 l/km", "20 J/m^2 per year": a rate, its unit per each
    // denominator.
    d.per = Vec::new();
    if let Some(u) = d.unit
        && settings.units[u].dimension != "ratio"
        && let Some((denominators, len)) = rate_after(&sentence[d.after..], settings)
    {
        d.per = denominators;
        d.after += len;
    }
    d.core = Span::new(d.pre_end, d.after);
    // A conversion in brackets ("10 kilometres (6.2 miles)") is the same claim.
    if d.unit.is_some()
        && keep == Keep::Claims
        && sentence[d.after..].trim_start().starts_with('(')
        && let Some(m) = CONVERSION.find(&sentence[d.after..])
    {
        let inner_end = d.after + m.end();
        while tokens.get(d.next).is_some_and(|t| t.start < inner_end) {
            d.next += 1;
        }
        d.after = inner_end;
    }
}
