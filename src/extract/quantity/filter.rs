//! Figures that are not amounts: years, dates, clock times, list numbers, phone numbers,
//! identifiers and street numbers. Must not read units or counted things.

use super::*;

pub(super) const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// What follows a street number: an optional compass letter, a numbered or named
/// street, then its kind ("9 E 71st St", "12 Harbour Road").
pub(super) static STREET_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^ (?:(?:[NSEW]|North|South|East|West)\.? )?(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+)(?: [A-Z][a-z]+)? (?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Lane|Ln|Drive|Dr|Place|Pl|Way|Court|Ct|Terrace|Crescent)\b",
    )
    .expect("static pattern")
});

pub(super) static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+?\d{1,3}[\s.-])?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b").expect("static pattern")
});
/// Whether `PHONE` can match: it needs ten digits. A cheap count spares most sentences the
/// regex, whose Unicode `\b` sends non-ASCII sentences to a slow engine (issue 8).
/// `is_numeric` accepts every `\d` digit and more, so no phone number is missed.
pub(super) fn may_hold_phone(sentence: &str) -> bool {
    sentence.chars().filter(|c| c.is_numeric()).take(10).count() == 10
}
/// Whether `rest` (after a hyphen) is the suffix "ish" ("360-ish"): about the figure, not
/// a modifier.
pub(super) fn is_ish(rest: &str) -> bool {
    starts_with_word(rest, "ish")
}

/// Whether `text` starts with `word` (ASCII case ignored) and no letter or digit follows.
pub(super) fn starts_with_word(text: &str, word: &str) -> bool {
    text.get(..word.len())
        .is_some_and(|w| w.eq_ignore_ascii_case(word))
        && !text[word.len()..].starts_with(char::is_alphanumeric)
}

/// Whether a number token is a year, date, time, list number, identifier or modifier.
pub(super) fn is_not_an_amount(
    sentence: &str,
    token: &NumberToken,
    words: &Words,
    phones: &[Span],
    is_paragraph_start: bool,
    settings: &Settings,
) -> bool {
    is_a_date_or_pair(sentence, token, words, phones, settings)
        || is_a_name_or_modifier(sentence, token, words, is_paragraph_start, settings)
}

/// Whether a number token is in a phone number or web address, a year, a date, a share or
/// a score.
fn is_a_date_or_pair(
    sentence: &str,
    token: &NumberToken,
    words: &Words,
    phones: &[Span],
    settings: &Settings,
) -> bool {
    let pre = &sentence[..token.start];
    let post = &sentence[token.end..];
    let literal = &sentence[token.start..token.end];
    if phones
        .iter()
        .any(|p| p.start <= token.start && token.end <= p.end)
    {
        return true;
    }
    // Digits inside a web address ("https://example.org/?q=30%25") are not amounts.
    let word_start = pre
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + pre[i..].chars().next().map_or(1, char::len_utf8));
    let word = &sentence[word_start..];
    if ["http://", "https://", "www."].iter().any(|p| {
        word.get(..p.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(p))
    }) {
        return true;
    }
    // A year: four digits, no separator, in the range news writes about.
    let is_year_like = token.form == NumberForm::Digits
        && !token.has_separator
        && !token.is_decimal
        && literal.len() == 4
        && (1800.0..=2100.0).contains(&token.value);
    let has_sign = pre.trim_end().ends_with(['$', '€', '£', '¥']);
    if is_year_like && !has_sign && !post.trim_start().starts_with(['%']) {
        let after = words
            .after(token.end)
            .map(|w| text::singular(&text::fold(w.2)));
        let counts_something = after
            .as_deref()
            .is_some_and(|w| settings.counted.contains_key(w));
        let time_word_before = words.before(token.start).is_some_and(|w| {
            matches!(
                text::fold(w.2).as_str(),
                "in" | "since"
                    | "by"
                    | "of"
                    | "from"
                    | "until"
                    | "year"
                    | "early"
                    | "late"
                    | "mid"
                    | "before"
                    | "after"
                    | "during"
            )
        });
        if !counts_something || time_word_before {
            return true;
        }
    }
    // A date: next to a month name ("Jan. 20", "3 February").
    if let Some(w) = words.before(token.start) {
        let between = &sentence[w.1..token.start];
        if MONTHS.contains(&text::fold(w.2).as_str()) && between.trim_matches(['.', ' ']).is_empty()
        {
            return true;
        }
    }
    if let Some(w) = words.after(token.end) {
        let between = &sentence[token.end..w.0];
        if MONTHS.contains(&text::fold(w.2).as_str())
            && between.trim().is_empty()
            && !token.is_decimal
            && token.value <= 31.0
        {
            return true;
        }
    }
    // A share written "28 of 41 passes": the figures only mean something together.
    if post.trim_start().starts_with("of ")
        && post.trim_start()[3..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    let before: Vec<String> = words
        .n_before(token.start, 4)
        .map(|w| text::fold(w.2))
        .collect();
    if let Some(of) = before.iter().position(|w| w == "of")
        && before[..of].iter().all(|w| {
            matches!(
                w.as_str(),
                "its"
                    | "their"
                    | "the"
                    | "his"
                    | "her"
                    | "next"
                    | "last"
                    | "first"
                    | "final"
                    | "past"
            )
        })
        && before
            .get(of + 1)
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit() || c == ','))
    {
        return true;
    }
    // A score or a record ("88-72 setback", "a 43-39 record", "58-3"), or a season
    // ("2008-09"): two figures joined by a hyphen that do not make a range.
    let joined_after = post
        .strip_prefix(['-', '–'])
        .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    // A figure with a scale suffix ("5k-20k") is not a score.
    if let Some(rest) = joined_after
        && token.form != NumberForm::Mixed
    {
        let next: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        let next_value: f64 = next.parse().unwrap_or(0.0);
        if next_value <= token.value || next.starts_with('0') {
            return true;
        }
    }
    if let Some(head) = pre.strip_suffix(['-', '–'])
        && head.ends_with(|c: char| c.is_ascii_digit())
    {
        // The whole figure before the hyphen, decimals included ("3.5–4.0").
        let previous: String = head
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let previous_value: f64 = previous.parse().unwrap_or(f64::MAX);
        if previous_value >= token.value || literal.starts_with('0') {
            return true;
        }
    }
    false
}

/// Whether a number token is a clock time, a modifier, an identifier, a list number, a name
/// or rank, a street number or an age in apposition.
fn is_a_name_or_modifier(
    sentence: &str,
    token: &NumberToken,
    words: &Words,
    is_paragraph_start: bool,
    settings: &Settings,
) -> bool {
    let pre = &sentence[..token.start];
    let post = &sentence[token.end..];
    let literal = &sentence[token.start..token.end];
    if is_clock_time(literal, post, token) {
        return true;
    }
    // A clock time or a score-like pair ("4:59").
    if post.starts_with(':') && post[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    if pre.ends_with(':') && pre[..pre.len() - 1].ends_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    // A modifier ("90-day", "a 15-year-old", "four-year") or an identifier ("MS-13").
    // A unit joined by a hyphen ("a 2.5-mile stretch") is a measure, not a modifier.
    let hyphen_unit = settings
        .matchers()
        .unit_after(post)
        .and_then(|m| {
            settings
                .matchers()
                .unit_for_alias(&crate::config::normalize_phrase(m.as_str()))
        })
        .is_some();
    if let Some(rest) = post.strip_prefix('-')
        && rest.starts_with(char::is_alphabetic)
        && !rest.starts_with("plus")
        && !is_ish(rest)
        && !hyphen_unit
    {
        return true;
    }
    if let Some(head) = pre.strip_suffix('-')
        && head.ends_with(char::is_alphabetic)
        && !ends_with_suffixed_number(head)
        && unit_word_before(head, settings).is_none()
    {
        return true;
    }
    // "J1149.5+6663": digits glued by a plus to a code of letters and digits go on the code.
    if let Some(head) = pre.strip_suffix('+') {
        let code: String = head
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '.')
            .collect();
        if code.chars().any(char::is_alphabetic) && code.chars().any(|c| c.is_ascii_digit()) {
            return true;
        }
    }
    // "XR7-200", "scp2-173m": after a code of letters and digits, the digits go on the code.
    if let Some(head) = pre.strip_suffix('-') {
        let code: String = head
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        if code.chars().any(|c| c.is_ascii_digit())
            && code.chars().any(char::is_alphabetic)
            && !ends_with_suffixed_number(head)
        {
            return true;
        }
    }
    // A list number at the start of a paragraph ("1." / "2)").
    if is_paragraph_start
        && pre.trim().is_empty()
        && (post.starts_with(". ") || post.starts_with(')'))
    {
        return true;
    }
    // Right after a word that makes it a name or a rank ("Flight 1549", "top 10").
    if let Some(w) = words.before(token.start) {
        let folded = text::fold(w.2);
        let gap = &sentence[w.1..token.start];
        if gap.trim_matches([' ', '.', '#']).is_empty() {
            if settings.not_after.contains(&folded)
                || settings.not_after.contains(&format!("{folded}."))
            {
                return true;
            }
            // "Apollo 11", "Windows 10": a name directly before digits.
            // "iPhone 11", "eBay 5": a capital inside a word also makes a name.
            let mut letters = w.2.chars();
            let capitalised = letters.next().is_some_and(char::is_uppercase)
                || (w.2.len() > 2 && letters.any(char::is_uppercase));
            if capitalised
                && token.form == NumberForm::Digits
                && !token.has_separator
                && !token.is_decimal
                && gap == " "
                && !CAPITALISED_FUNCTION_WORDS.contains(&w.2)
                && !MONTHS.contains(&folded.as_str())
                && settings.matchers().unit_for_symbol(w.2).is_none()
                // "2.80 GHz 8 MB": a unit ends the figure before; it names nothing.
                && settings.matchers().unit_for_alias(&folded).is_none()
                && w.2
                    .strip_prefix('M')
                    .is_none_or(|code| currency_code(code, settings).is_none())
                && w.0 > 0
            {
                return true;
            }
        }
    }
    // A street number: "9 E 71st St", "12 Harbour Road".
    if post.starts_with(' ') && STREET_AFTER.is_match(post) {
        return true;
    }
    // An age in apposition: "John Smith, 43, of Boston".
    if post.starts_with(',') && pre.ends_with(", ") {
        let before_comma = pre[..pre.len() - 2].trim_end();
        if before_comma
            .split_whitespace()
            .last()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
            && token.value < 130.0
        {
            return true;
        }
    }
    false
}

/// Whether a figure is an hour of the clock: up to 12, with minutes as two decimals at
/// most ("2.30pm"), before "am", "pm", "a.m." or "p.m." ("at 2 pm", "2.30 p.m.").
pub(super) fn is_clock_time(literal: &str, post: &str, token: &NumberToken) -> bool {
    if token.form != NumberForm::Digits || !(0.0..13.0).contains(&token.value) {
        return false;
    }
    if let Some((_, minutes)) = literal.split_once('.')
        && (minutes.len() != 2 || minutes.parse::<u32>().is_ok_and(|m| m >= 60))
    {
        return false;
    }
    let rest = post.strip_prefix(' ').unwrap_or(post).to_ascii_lowercase();
    ["am", "pm", "a.m.", "p.m."].iter().any(|marker| {
        rest.strip_prefix(marker).is_some_and(|after| {
            after
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric() || marker.ends_with('.'))
        })
    })
}

/// Whether `head` ends with a number and a short suffix ("5k", "10km"): a hyphen after it
/// joins two figures ("5k-20k"), not an identifier and a number.
pub(super) fn ends_with_suffixed_number(head: &str) -> bool {
    let letters = head
        .chars()
        .rev()
        .take_while(char::is_ascii_alphabetic)
        .count();
    (1..=3).contains(&letters)
        && head[..head.len() - letters].ends_with(|c: char| c.is_ascii_digit())
}

/// Whether `text` holds `word` in any ASCII case. No character outside ASCII folds to
/// the letters of the words tested (only `ſ` and the Kelvin sign fold to ASCII, to `s` and
/// `k`), so this is exact as a test before a case-insensitive regex that needs the word.
pub(super) fn contains_ascii_word(text: &str, word: &[u8]) -> bool {
    text.as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word))
}
