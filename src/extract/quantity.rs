//! Quantity claims: counts, money, percentages and measures, with their qualifier kept
//! as a bound and the thing they count.
//!
//! Per sentence: numbers come from `normalize::number`, vague amounts ("dozens") from
//! rules.toml. Each is read with what surrounds it: a currency sign and a qualifier
//! before, a unit and the counted noun phrase after. Years, dates, clock times, list
//! numbers, phone numbers, identifiers ("Flight 1549") and modifiers ("90-day") are not
//! amounts and are left out. "32 men and 11 women" becomes one claim of 43 with parts.
//! A rate ("$15/hour", "10 l/km", "$80 a barrel") keeps its denominators in its unit
//! (`USD/hour`) and dimension (`currency per hour`), so it is never compared with a bare
//! amount; a tolerance ("12.5±0.5 kg") is a range around the value.

use std::sync::LazyLock;

use regex::Regex;

mod ordinal;
mod pairs;

use crate::{
    config::{QualifierWord, Settings},
    extract::{Claim, ClaimKind, Part, Qualifier, Quantity, Value, clock, context},
    ingest::Article,
    normalize::{
        number::{self, NumberForm, NumberToken},
        text,
    },
    span::Span,
};

const MONTHS: &[&str] = &[
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

/// Words that end a counted noun phrase.
const PHRASE_STOPS: &[&str] = &[
    "who",
    "whom",
    "whose",
    "that",
    "which",
    "in",
    "on",
    "at",
    "from",
    "to",
    "and",
    "or",
    "with",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "did",
    "do",
    "does",
    "for",
    "by",
    "as",
    "than",
    "into",
    "since",
    "after",
    "before",
    "during",
    "while",
    "of",
    "per",
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "their",
    "his",
    "her",
    "its",
    "our",
    "your",
    "my",
    "but",
    "not",
    "so",
    "if",
    "when",
    "where",
    "because",
    "including",
    "among",
    "between",
    "over",
    "under",
    "about",
    "last",
    "this",
    "next",
    "each",
    "every",
    "more",
    "less",
    "fewer",
    "say",
    "said",
    "says",
];

/// Capitalised words that begin a sentence or a clause rather than name something.
const CAPITALISED_FUNCTION_WORDS: &[&str] = &[
    "In",
    "On",
    "At",
    "Of",
    "By",
    "For",
    "From",
    "To",
    "With",
    "And",
    "But",
    "Or",
    "The",
    "A",
    "An",
    "About",
    "Over",
    "Some",
    "Nearly",
    "Almost",
    "Around",
    "More",
    "Less",
    "Only",
    "Just",
    "Up",
    "Under",
    "After",
    "Before",
    "Since",
    "Until",
    "All",
    "Another",
    "Total",
    "Among",
    "Including",
];

/// What follows a street number: an optional compass letter, a numbered or named
/// street, then its kind ("9 E 71st St", "12 Harbour Road").
static STREET_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^ (?:(?:[NSEW]|North|South|East|West)\.? )?(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+)(?: [A-Z][a-z]+)? (?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Lane|Ln|Drive|Dr|Place|Pl|Way|Court|Ct|Terrace|Crescent)\b",
    )
    .expect("static pattern")
});

/// A figure joined to a word right after another figure ("9-liter" in "2.9 million
/// 9-liter cases"): a modifier of the counted noun that follows it.
static MODIFIER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ \d+(?:\.\d+)?-[A-Za-z]+(?:-[A-Za-z]+)*").expect("static pattern")
});

static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+?\d{1,3}[\s.-])?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b").expect("static pattern")
});
/// Whether `PHONE` can match: it needs ten digits. A cheap count spares most sentences the
/// regex, whose Unicode `\b` sends non-ASCII sentences to a slow engine (issue 8).
/// `is_numeric` accepts every `\d` digit and more, so no phone number is missed.
fn may_hold_phone(sentence: &str) -> bool {
    sentence.chars().filter(|c| c.is_numeric()).take(10).count() == 10
}
/// What joins the two ends of a range; "8- to 16-meter" (a suspended hyphen) included.
static RANGE_JOIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:-|–|—|~|(?:[-–]\s*)?(?:to|through|thru)|and)\s*$").expect("static pattern")
});
static BOUND_JOIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:,\s*)?(?:and|but|,)?\s*$").expect("static pattern"));
static ENUM_JOIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:,\s*and|,|and|plus|as well as)\s*$").expect("static pattern")
});
static CONVERSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\(\s*(?:about |some |around |roughly )?[$€£¥]?\d[\d,.]*\s*[\p{L}°%/²]+(?:\s[\p{L}]+)?\s*\)").expect("static pattern")
});
/// What may sit between a currency amount and its hundredths ("3 dollars 50 cents",
/// "20 ringgit and 43").
static COMPOUND_JOIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:and\s+)?$").expect("static pattern"));
/// A currency code with an "M" for millions after the number ("30 MUSD", finance usage).
static MILLION_CODE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s?M([A-Z]{3})\b").expect("static pattern"));
/// The same code before the number ("MAUD 60").
static MILLION_CODE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\p{L}\p{N}])M([A-Z]{3})\s?$").expect("static pattern"));
/// Cents glued to their figure after an amount ("$20 and 43c"); the scanner reads no
/// number there (a glued letter makes an identifier).
static GLUED_CENTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:and\s+)?(\d{1,2})c\b").expect("static pattern"));
/// A unit in brackets right after a figure, with at most one space between ("20 (kg)",
/// "5 [km]", "3 {m}", "7 <t>"): the text inside, trimmed, if it could name a unit, and the
/// byte length of the whole. Written by hand because the equivalent regex (a Unicode class
/// repeated up to 20 times, four times over) took 30 ms to compile, longer than the rest
/// of start-up.
fn bracketed_unit(rest: &str) -> Option<(&str, usize)> {
    let body = match rest.chars().next() {
        Some(c) if c.is_whitespace() => &rest[c.len_utf8()..],
        _ => rest,
    };
    let close = match body.chars().next()? {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        '<' => '>',
        _ => return None,
    };
    let inside = &body[1..];
    // A unit name is short: look for the closing bracket nearby only.
    let (close_at, _) = inside.char_indices().take(64).find(|&(_, c)| c == close)?;
    let alias = inside[..close_at].trim();
    let is_unit_char =
        |c: char| c.is_alphabetic() || c.is_ascii_digit() || "°%$€£¥/²³^ .".contains(c);
    if alias.is_empty() || alias.chars().count() > 20 || !alias.chars().all(is_unit_char) {
        return None;
    }
    let whole = (rest.len() - body.len()) + 1 + close_at + close.len_utf8();
    Some((alias, whole))
}
/// Measures written as a main unit and a smaller one ("5 ft 2 in", "6 lb 3 oz"): the
/// main unit's name, the smaller unit's aliases, and how many of it make one main unit.
const MEASURE_PARTS: &[(&str, &[&str], f64)] = &[
    ("ft", &["in", "inches", "inch", "\""], 12.0),
    ("lb", &["oz", "ounces", "ounce"], 16.0),
    ("m", &["cm", "centimetres", "centimeters"], 100.0),
];
/// Currency subunits worth a hundredth of the main unit, by unit name in rules.toml.
const HUNDREDTHS: &[&str] = &["cent", "pence"];

/// Whether `token`, read in `unit`, is a whole amount of a main currency unit, which a
/// count of hundredths may follow ("3 dollars 50 cents", "$20 and 43c").
fn takes_hundredths(unit: Option<usize>, token: &NumberToken, settings: &Settings) -> bool {
    unit.is_some_and(|u| {
        settings.units[u].dimension == "currency"
            && !HUNDREDTHS.contains(&settings.units[u].name.as_str())
    }) && token.form != NumberForm::Mixed
        && !token.is_decimal
}
static POST_QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\s*-?plus\b|-ish\b|\+|\s+or\s+(?:more|so|fewer|less|greater|higher|above|over|below|under|lower)(?:\s+than)?\b|\s+and\s+(?:above|over|up)\b|\s+or\s+equal(?:\s+to)?\b)",
    )
    .expect("static pattern")
});
/// "equal to 20", "equals 20": a stated exact value (kept in the span).
static EQUAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}\p{N}])(equal(?:s|ing|led|ed)?(?:\s+to)?)\s*$")
        .expect("static pattern")
});
/// Whether `text` holds `word` in any ASCII case. No character outside ASCII folds to
/// the letters of the words tested (only `ſ` and the Kelvin sign fold to ASCII, to `s` and
/// `k`), so this is exact as a test before a case-insensitive regex that needs the word.
fn contains_ascii_word(text: &str, word: &[u8]) -> bool {
    text.as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether `text` can end like `MILLION_CODE_BEFORE` ("M" and three capitals, then at
/// most one whitespace character): the test before the regex.
fn may_end_with_million_code(text: &str) -> bool {
    let text = text.strip_suffix(char::is_whitespace).unwrap_or(text);
    let b = text.as_bytes();
    b.len() >= 4 && b[b.len() - 4] == b'M' && b[b.len() - 3..].iter().all(u8::is_ascii_uppercase)
}

/// A number or "than" and a number after a post-qualifier: "5000 or less than 6000" and
/// "more than 5 or equal to 6" compare two figures; the words are not a bound of the first.
static FIGURE_FOLLOWS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:than\s+)?[-+$€£¥]?\d").expect("static pattern"));

/// A number with everything read around it, before it becomes a claim.
#[derive(Debug, Clone)]
struct Reading {
    /// Span in the sentence, qualifier to counted phrase.
    span: Span,
    number: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    low_inclusive: bool,
    high_inclusive: bool,
    qualifier: Qualifier,
    unit: Option<usize>,
    counted: Option<String>,
    counted_text: Option<String>,
    parts: Vec<Part>,
    subset: bool,
    vague_phrase: Option<String>,
    /// Key terms within a few words of the claim.
    local: Vec<String>,
    /// Where the figure applies ("in the province").
    scope: Vec<String>,
    /// Currency sign, number(s) and unit, without qualifier or counted phrase.
    core: Span,
    /// The numbers read, each with its span.
    numbers: Vec<(Span, f64)>,
    /// End of the figure with a trailing qualifier ("40 or more"), before the counted phrase.
    qualified_end: usize,
    /// A rate's denominators, canonical ("hour" in "$15/hour"; "m2", "year" in
    /// "J/m^2 per year"); empty for a plain amount.
    per: Vec<String>,
}

/// What `read_sentence` keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Only claims: a figure with a unit or a counted thing, enumerations summed.
    Claims,
    /// Every quantity mention, bare numbers included, enumerations left apart.
    Mentions,
}

/// The words of a sentence with byte spans, folded.
struct Words<'a> {
    list: Vec<(usize, usize, &'a str)>,
}

impl<'a> Words<'a> {
    fn new(sentence: &'a str) -> Self {
        Self {
            list: text::words(sentence).collect(),
        }
    }

    /// The word ending at or before `offset`.
    fn before(&self, offset: usize) -> Option<(usize, usize, &'a str)> {
        let i = self.list.partition_point(|w| w.1 <= offset);
        i.checked_sub(1).map(|i| self.list[i])
    }

    /// The `n` words ending at or before `offset`, nearest first.
    fn n_before(
        &self,
        offset: usize,
        n: usize,
    ) -> impl Iterator<Item = (usize, usize, &'a str)> + '_ {
        let i = self.list.partition_point(|w| w.1 <= offset);
        self.list[..i].iter().rev().take(n).copied()
    }

    /// The word starting at or after `offset`.
    fn after(&self, offset: usize) -> Option<(usize, usize, &'a str)> {
        let i = self.list.partition_point(|w| w.0 < offset);
        self.list.get(i).copied()
    }
}

/// Whether `rest` (after a hyphen) is the suffix "ish" ("360-ish"): about the figure, not
/// a modifier.
fn is_ish(rest: &str) -> bool {
    starts_with_word(rest, "ish")
}

/// Whether `text` starts with `word` (ASCII case ignored) and no letter or digit follows.
fn starts_with_word(text: &str, word: &str) -> bool {
    text.get(..word.len())
        .is_some_and(|w| w.eq_ignore_ascii_case(word))
        && !text[word.len()..].starts_with(char::is_alphanumeric)
}

/// Whether a number token is a year, date, time, list number, identifier or modifier.
fn is_not_an_amount(
    sentence: &str,
    token: &NumberToken,
    words: &Words,
    phones: &[Span],
    is_paragraph_start: bool,
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

/// The counted noun phrase at the start of `post`: (text, head, end offset in `post`).
fn noun_phrase<'a>(post: &'a str, settings: &Settings) -> Option<(&'a str, String, usize)> {
    let mut end = 0;
    let mut head: Option<String> = None;
    let mut start: Option<usize> = None;
    let mut count = 0;
    let mut last_end = 0;
    for (s, e, word) in text::words(post) {
        let gap = &post[last_end..s];
        if count > 0 && !gap.chars().all(|c| c == ' ' || c == '-') {
            break;
        }
        if count == 0 && !gap.trim().is_empty() && !gap.trim().chars().all(|c| c == '-') {
            break;
        }
        let folded = text::fold(word);
        // A cardinal word starts another number ("twenty thirty"), not a counted noun
        // ("half" does not: "first-half minutes").
        if PHRASE_STOPS.contains(&folded.as_str())
            || word.chars().all(|c| c.is_ascii_digit())
            || number::parse_words(word).is_some_and(|v| v == 0.0 || v >= 1.0)
        {
            break;
        }
        let singular = text::singular(&folded);
        let ends_like_verb = folded.ends_with("ed") || folded.ends_with("ing");
        if count > 0 && ends_like_verb && !settings.counted.contains_key(&singular) {
            break;
        }
        start.get_or_insert(s);
        head = Some(singular.clone());
        end = e;
        last_end = e;
        count += 1;
        // A plural noun ends the phrase ("charter flights", "firefighters fought").
        let is_plural =
            singular != folded || matches!(folded.as_str(), "people" | "police" | "staff");
        if settings.counted.contains_key(&singular)
            || is_demonym(word, settings)
            || is_plural
            || count == 4
        {
            break;
        }
    }
    let start = start?;
    Some((&post[start..end], head?, end))
}

/// "Colombians", "Salvadorans": a capitalised plural naming people by origin.
fn is_demonym(word: &str, settings: &Settings) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word.ends_with('s')
        && settings
            .demonym_suffixes
            .iter()
            .any(|s| word.ends_with(s.as_str()))
}

/// The counted class of a head noun: its class in rules.toml, persons for demonyms, else
/// the noun itself.
fn counted_class(head: &str, written: &str, settings: &Settings) -> String {
    if let Some(class) = settings.counted_class(head) {
        return class.to_owned();
    }
    let last = written.split_whitespace().last().unwrap_or(written);
    if is_demonym(last, settings) {
        return "persons".to_owned();
    }
    head.to_owned()
}

/// A persons count that the clause says died or were hurt is a toll: "12 people were
/// killed" counts the dead.
fn refine_by_verbs(
    class: String,
    sentence: &str,
    at: usize,
    words: &Words,
    settings: &Settings,
) -> String {
    if class != "persons" {
        return class;
    }
    // The clause's verb can sit a few words on: "four hikers are now feared to have
    // been killed".
    let window_after = words.list.iter().filter(|w| w.0 >= at).take(9);
    let window_before = words.n_before(at, 3);
    for w in window_after.copied().chain(window_before) {
        let folded = text::fold(w.2);
        let found = settings
            .counted_class(&folded)
            .or_else(|| settings.counted_class(&text::singular(&folded)));
        if let Some(c @ ("dead" | "injured")) = found {
            let _ = sentence;
            return c.to_owned();
        }
    }
    class
}

/// The class named before a number that has no noun after it ("the death toll rose to 43").
fn subject_class(words: &Words, at: usize, settings: &Settings) -> Option<(String, String)> {
    for (_, _, word) in words.n_before(at, settings.subject_window) {
        let folded = text::fold(word);
        let singular = text::singular(&folded);
        if let Some(class) = settings
            .counted_class(&singular)
            .or_else(|| settings.counted_class(&folded))
        {
            return Some((class.to_owned(), word.to_owned()));
        }
    }
    None
}

/// Words written capitalised somewhere other than at the start of a sentence: the
/// article's proper nouns ("Ford", "Gaza"), as folded words.
fn proper_nouns(article: &Article) -> std::collections::HashSet<String> {
    let mut proper = std::collections::HashSet::new();
    for sentence in &article.sentences {
        let text = article.slice(sentence.span);
        for (start, _, word) in text::words(text).skip(1) {
            let after_quote = text[..start].trim_end().ends_with(['"', '“', ':']);
            if word.chars().next().is_some_and(char::is_uppercase) && !after_quote {
                proper.insert(text::fold(word));
            }
        }
    }
    proper
}

/// Whose figure it is: the proper names in the clause before it ("Ford had 25 points",
/// "in Gaza, more than 40 died"), leaving out who said it ("Nugroho said"). Two figures
/// with different owners are different figures.
fn owners(
    sentence: &str,
    start: usize,
    proper: &std::collections::HashSet<String>,
    settings: &Settings,
) -> Vec<String> {
    let clause_start = sentence[..start]
        .rfind([',', ';', ':', '(', '—'])
        // The clause starts after the mark, which may be more than one byte ("—").
        .map_or(0, |i| {
            i + sentence[i..].chars().next().map_or(1, char::len_utf8)
        });
    let words: Vec<(usize, usize, &str)> = text::words(&sentence[clause_start..start]).collect();
    let mut names = Vec::new();
    for (i, &(_, _, word)) in words.iter().enumerate().rev().take(14) {
        let folded = text::fold(word);
        let next = words.get(i + 1).map(|w| text::fold(w.2));
        let is_source = next
            .as_deref()
            .is_some_and(|n| crate::extract::people::SPEECH_VERBS.contains(&n) || n == "according");
        if word.chars().next().is_some_and(char::is_uppercase)
            && proper.contains(&folded)
            && !is_source
            && !CAPITALISED_FUNCTION_WORDS.contains(&word)
            && !MONTHS.contains(&folded.as_str())
            && !context::is_weekday(&folded)
            && !crate::extract::people::is_title(word, settings)
        {
            names.push(folded);
        }
    }
    names.sort();
    names.dedup();
    names
}

/// Words either side of a claim that say what a bare figure is about ("stocks plunged 5.4
/// per cent" vs "a deficit of 13.6 percent").
const LOCAL_WINDOW: usize = 3;

fn local_terms(
    sentence: &str,
    words: &Words,
    start: usize,
    end: usize,
    settings: &Settings,
) -> Vec<String> {
    let before = words.n_before(start, LOCAL_WINDOW).map(|w| w.2);
    let after = words
        .list
        .iter()
        .filter(|w| w.0 >= end)
        .take(LOCAL_WINDOW)
        .map(|w| w.2);
    let _ = sentence;
    let mut terms: Vec<String> =
        context::terms_of(&before.chain(after).collect::<Vec<_>>().join(" "), settings);
    terms.sort();
    terms.dedup();
    terms
}

/// Where a count applies, from the words after a place preposition just after it ("in
/// the province", "across Asia", "in 13 countries around the Indian Ocean"): 170,000 dead
/// in one province and 230,000 across Asia are different figures.
fn scope_terms(sentence: &str, words: &Words, end: usize, settings: &Settings) -> Vec<String> {
    let clause_end = sentence[end..]
        .find([',', ';', '.'])
        .map_or(sentence.len(), |i| end + i);
    let after: Vec<&str> = words
        .list
        .iter()
        .filter(|w| w.0 >= end && w.1 <= clause_end)
        .take(8)
        .map(|w| w.2)
        .collect();
    let mut scope = Vec::new();
    let mut inside = false;
    for w in after {
        let folded = text::fold(w);
        if settings
            .measure_roles
            .get(&folded)
            .is_some_and(|r| r == "distance")
            && !matches!(folded.as_str(), "from" | "off" | "outside")
        {
            continue; // a direction ("south of") says nothing about the place
        }
        if matches!(
            folded.as_str(),
            "in" | "across"
                | "around"
                | "throughout"
                | "nationwide"
                | "worldwide"
                | "statewide"
                | "of"
                | "from"
        ) {
            inside = true;
            if matches!(folded.as_str(), "nationwide" | "worldwide" | "statewide") {
                scope.push(folded);
            }
            continue;
        }
        if matches!(
            folded.as_str(),
            "and" | "or" | "but" | "who" | "which" | "that" | "when" | "after" | "before" | "since"
        ) {
            break;
        }
        if inside && !settings.stopwords.contains(&folded) && !w.chars().all(|c| c.is_ascii_digit())
        {
            scope.push(text::stem(&folded, settings.thresholds.stem_length));
        }
    }
    scope.sort();
    scope.dedup();
    scope
}

/// What a measure measures, from the nearest role word after it (same clause), else before it.
fn measure_role(
    sentence: &str,
    start: usize,
    end: usize,
    words: &Words,
    settings: &Settings,
) -> Option<String> {
    let clause_end = sentence[end..]
        .find([',', ';', '.', '('])
        .map_or(sentence.len(), |i| end + i);
    let after = words
        .list
        .iter()
        .filter(|w| w.0 >= end && w.1 <= clause_end)
        .take(4);
    for w in after {
        if let Some(role) = settings.measure_roles.get(&text::fold(w.2)) {
            return Some(role.clone());
        }
    }
    for w in words.n_before(start, 4) {
        if let Some(role) = settings.measure_roles.get(&text::fold(w.2)) {
            return Some(role.clone());
        }
    }
    None
}

/// Mantissa decimals of a number written with a scale word ("2.7 million" -> 1).
fn scale_precision(literal: &str, value: f64) -> Option<f64> {
    let mantissa: String = literal
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    let mantissa_value: f64 = mantissa.replace(',', "").parse().ok()?;
    if mantissa_value <= 0.0 {
        return None;
    }
    let scale = value / mantissa_value;
    let decimals = mantissa.split('.').nth(1).map_or(0, str::len) as i32;
    Some(0.5 * 10f64.powi(-decimals) * scale)
}

/// Words after "N times" that make it a factor ("three times the size", "five times as
/// many", "ten times more"), not a count of times.
const MULTIPLIER_AFTER: &[&str] = &[
    "the", "as", "more", "less", "larger", "bigger", "higher", "greater", "smaller", "faster",
    "lower", "that", "a", "an", "its", "their", "his", "her", "what", "over",
];

/// First words of a counted phrase that make the count a part added to others.
const ADDED_PART: &[&str] = &["other", "more", "additional", "extra", "further", "another"];

/// The unit and dimension of a time of day (`clock`), in minutes after midnight.
pub const TIME_OF_DAY: &str = "time of day";

/// Read the quantity claims of one article.
pub fn extract(index: usize, article: &Article, settings: &Settings) -> Vec<Claim> {
    let mut claims = Vec::new();
    let proper = proper_nouns(article);
    for (si, sentence) in article.sentences.iter().enumerate() {
        let text = article.slice(sentence.span);
        let is_paragraph_start =
            si == 0 || article.sentences[si - 1].paragraph != sentence.paragraph;
        let readings = read_sentence(text, is_paragraph_start, Keep::Claims, settings);
        let plain = plain_figures(text, &readings, settings);
        if readings.is_empty() && plain.is_empty() {
            continue;
        }
        let context = context::around(article, si, settings);
        if !plain.is_empty() {
            let words = Words::new(text);
            for (span, quantity, subject) in plain {
                claims.push(Claim {
                    id: String::new(),
                    article: index,
                    kind: ClaimKind::Quantity,
                    span: span.shifted(sentence.span.start),
                    sentence: sentence.span,
                    value: Value::Quantity(quantity),
                    subject: subject.to_owned(),
                    context: context::Context {
                        local: local_terms(text, &words, span.start, span.end, settings),
                        scope: scope_terms(text, &words, span.end, settings),
                        owners: owners(text, span.start, &proper, settings),
                        ..context.clone()
                    },
                });
            }
        }
        for r in readings {
            let unit = r.unit.map(|u| &settings.units[u]);
            let counted_text = r.counted_text.clone();
            let subject = match (&counted_text, unit) {
                (Some(c), _) => c.clone(),
                (None, Some(u)) => u.name.clone(),
                (None, None) => "amount".to_owned(),
            };
            claims.push(Claim {
                id: String::new(),
                article: index,
                kind: ClaimKind::Quantity,
                span: r.span.shifted(sentence.span.start),
                sentence: sentence.span,
                value: Value::Quantity(Quantity {
                    number: r.number,
                    low: r.low,
                    high: r.high,
                    low_inclusive: r.low_inclusive,
                    high_inclusive: r.high_inclusive,
                    qualifier: r.qualifier,
                    unit: unit.map(|u| rate_name(&u.name, &r.per)),
                    dimension: unit.map(|u| rate_dimension(&u.dimension, &r.per)),
                    base_factor: unit.map_or(1.0, |u| u.factor),
                    base_offset: unit.map_or(0.0, |u| u.offset),
                    counted: r.counted.clone(),
                    counted_text,
                    parts: r.parts,
                    subset: r.subset,
                    vague_phrase: r.vague_phrase,
                    unit_prefix: unit
                        .filter(|u| u.dimension == "currency")
                        .and_then(|u| u.symbols.first())
                        .map(|s| s.trim_end().to_owned())
                        .unwrap_or_default(),
                    unit_suffix: match unit {
                        Some(u) if u.name == "percent" => "%".to_owned(),
                        Some(u) if u.dimension == "currency" && !u.symbols.is_empty() => {
                            rate_suffix(&r.per)
                        }
                        Some(u) => format!(
                            " {}{}",
                            u.aliases.first().unwrap_or(&u.name),
                            rate_suffix(&r.per)
                        ),
                        None => String::new(),
                    },
                }),
                subject,
                context: context::Context {
                    local: r.local,
                    scope: r.scope,
                    owners: owners(text, r.span.start, &proper, settings),
                    ..context.clone()
                },
            });
        }
    }
    claims
}

/// A figure with no unit of rules.toml: its value, bounds, unit and dimension (one name
/// for both), what it counts and how it reads after the number.
struct Plain<'a> {
    number: f64,
    low: Option<f64>,
    high: Option<f64>,
    qualifier: Qualifier,
    unit: &'a str,
    counted: String,
    counted_text: Option<String>,
    suffix: String,
}

impl Plain<'_> {
    fn into_quantity(self) -> Quantity {
        Quantity {
            number: Some(self.number),
            low: self.low,
            high: self.high,
            low_inclusive: true,
            high_inclusive: true,
            qualifier: self.qualifier,
            unit: Some(self.unit.to_owned()),
            dimension: Some(self.unit.to_owned()),
            base_factor: 1.0,
            base_offset: 0.0,
            counted: Some(self.counted),
            counted_text: self.counted_text,
            parts: Vec::new(),
            subset: false,
            vague_phrase: None,
            unit_prefix: String::new(),
            unit_suffix: self.suffix,
        }
    }
}

/// Figures of one sentence read apart from its quantities: times of day, pairs of
/// figures ("31-24", "29 of 34") and ordinals ("the seventh round"), each with its span
/// and subject. A pair or an ordinal that a quantity already reads is left to it.
fn plain_figures(
    sentence: &str,
    readings: &[Reading],
    settings: &Settings,
) -> Vec<(Span, Quantity, &'static str)> {
    let mut out: Vec<(Span, Quantity, &'static str)> = Vec::new();
    for t in clock::find(sentence) {
        let q = Plain {
            number: t.minutes,
            low: t.low,
            high: t.high,
            qualifier: t.qualifier,
            unit: TIME_OF_DAY,
            // Times in different zones are never compared.
            counted: t.zone,
            counted_text: None,
            suffix: " minutes after midnight".to_owned(),
        };
        out.push((t.span, q.into_quantity(), TIME_OF_DAY));
    }
    // "29 of 34 passes": the count of passes may be read; the pair is still the claim.
    let read_at = |at: usize| {
        readings
            .iter()
            .any(|r| r.span.start <= at && at < r.span.end)
    };
    let overlaps = |s: Span, out: &[(Span, Quantity, &str)]| {
        out.iter().any(|(o, ..)| o.start < s.end && s.start < o.end)
    };
    for p in pairs::find(sentence) {
        if read_at(p.span.start) || overlaps(p.span, &out) {
            continue;
        }
        let q = Plain {
            number: p.first,
            low: Some(p.first),
            high: Some(p.first),
            qualifier: Qualifier::Exact,
            unit: p.kind,
            // Both figures are the key: a pair meets only the same pair.
            counted: p.written,
            counted_text: None,
            suffix: p.rest,
        };
        out.push((p.span, q.into_quantity(), p.kind));
    }
    for o in ordinal::find(sentence, &settings.not_after) {
        if readings
            .iter()
            .any(|r| r.span.start < o.span.end && o.span.start < r.span.end)
            || overlaps(o.span, &out)
        {
            continue;
        }
        let q = Plain {
            number: o.value,
            low: Some(o.value),
            high: Some(o.value),
            qualifier: Qualifier::Exact,
            unit: ordinal::ORDINAL_UNIT,
            // The rank is the key: "the sixth round" never meets "the seventh round".
            counted: match &o.series {
                Some(series) => format!("{series} #{}", o.value),
                None => format!("#{}", o.value),
            },
            counted_text: o.noun,
            suffix: match o.series {
                Some(_) => String::new(),
                None => ordinal::suffix(o.value).to_owned(),
            },
        };
        out.push((o.span, q.into_quantity(), ordinal::ORDINAL_UNIT));
    }
    out
}

/// One quantity as written, claim or not: what `mentions` returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Qualifier, sign, number(s) and unit ("more than $5 million"), without the counted
    /// phrase.
    pub span: Span,
    /// Sign, number(s) and unit alone ("$5 million").
    pub core: Span,
    /// The numbers read, each with its span ("20" and "30" in "20-30").
    pub numbers: Vec<(Span, f64)>,
    /// The stated value; None for ranges and vague amounts.
    pub number: Option<f64>,
    /// Lower bound, None when open below.
    pub low: Option<f64>,
    /// Upper bound, None when open above.
    pub high: Option<f64>,
    /// Whether `low` itself is included.
    pub low_inclusive: bool,
    /// Whether `high` itself is included.
    pub high_inclusive: bool,
    pub qualifier: Qualifier,
    /// The unit's name in rules.toml (`USD`, `km`, `percent`), None for a bare number.
    pub unit: Option<String>,
    /// The unit's dimension (`currency`, `length`, `ratio`).
    pub dimension: Option<String>,
    /// The counted noun phrase as written, when there is one.
    pub counted_text: Option<String>,
}

/// Every quantity mention in `text`, bare numbers included ("192"), read with the same
/// code as the claims: years, dates, clock times, identifiers and modifiers are still
/// left out, and enumerations are not summed. Spans are byte offsets into `text`.
pub fn mentions(text: &str, settings: &Settings) -> Vec<Mention> {
    let whole = Span::new(0, text.len());
    let mut out = Vec::new();
    for (i, sentence) in crate::ingest::sentence::split(text, whole, &settings.abbreviations)
        .into_iter()
        .enumerate()
    {
        let Some(slice) = text.get(sentence.start..sentence.end) else {
            continue;
        };
        for r in read_sentence(slice, i == 0, Keep::Mentions, settings) {
            let unit = r.unit.map(|u| &settings.units[u]);
            let shift = |s: Span| s.shifted(sentence.start);
            out.push(Mention {
                span: shift(Span::new(r.span.start, r.qualified_end.max(r.span.start))),
                core: shift(r.core),
                numbers: r.numbers.iter().map(|(s, v)| (shift(*s), *v)).collect(),
                number: r.number,
                low: r.low,
                high: r.high,
                low_inclusive: r.low_inclusive,
                high_inclusive: r.high_inclusive,
                qualifier: r.qualifier,
                unit: unit.map(|u| rate_name(&u.name, &r.per)),
                dimension: unit.map(|u| rate_dimension(&u.dimension, &r.per)),
                counted_text: r.counted_text,
            });
        }
    }
    out
}

/// The quantity readings of one sentence, spans relative to it.
fn read_sentence(
    sentence: &str,
    is_paragraph_start: bool,
    keep: Keep,
    settings: &Settings,
) -> Vec<Reading> {
    let matchers = settings.matchers();
    let tokens = number::scan_with_codes(
        sentence,
        // A glued "c" or "f" may be a temperature ("30C"; see `glued_temperature`).
        &|glued| matchers.unit_for_alias(glued).is_some() || matches!(glued, "c" | "f"),
        // Only a currency sign or code may be glued before digits ("USD115", "Rs20").
        &|code| {
            matchers
                .unit_for_symbol(code)
                .is_some_and(|u| settings.units[u].dimension == "currency")
        },
    );
    let vague: Vec<(usize, usize)> = matchers
        .vague
        .find_iter(sentence)
        .map(|m| (m.start(), m.end()))
        .collect();
    let one_unit = units_after_an_article(sentence, settings);
    if tokens.is_empty() && vague.is_empty() && one_unit.is_empty() {
        return Vec::new();
    }
    let words = Words::new(sentence);
    let phones: Vec<Span> = if may_hold_phone(sentence) {
        PHONE
            .find_iter(sentence)
            .map(|m| Span::new(m.start(), m.end()))
            .collect()
    } else {
        Vec::new()
    };
    let mut readings: Vec<Reading> = Vec::new();
    let mut consumed_until = 0;
    let mut k = 0;
    while k < tokens.len() {
        let token = &tokens[k];
        k += 1;
        if token.start < consumed_until {
            continue;
        }
        if is_not_an_amount(
            sentence,
            token,
            &words,
            &phones,
            is_paragraph_start,
            settings,
        ) {
            continue;
        }
        // "43c", "12f": a lower-case letter glued to a figure is no temperature; the
        // figure stays unread as before ("$20 and 43c" is read with its amount).
        if sentence[token.end..].starts_with(['c', 'f'])
            && glued_temperature_letter(&sentence[token.end..].to_uppercase(), settings).is_some()
        {
            continue;
        }
        let mut start = token.start;
        let mut end = token.end;
        let mut value = token.value;
        let mut numbers = vec![(Span::new(token.start, token.end), token.value)];
        // A range "20-30", "20 to 30", "between 20 and 30".
        let mut range: Option<(f64, f64)> = None;
        // "10 dollars to 20 dollars", "5 km - 8 km": the unit written on both ends.
        let mut join_start = token.end;
        if let Some(next) = tokens.get(k)
            && let Some(gap) = sentence.get(token.end..next.start)
            && !RANGE_JOIN.is_match(gap)
            && let Some(first) = unit_at(&sentence[token.end..], settings)
            && first.1 <= gap.len()
            && unit_at(&sentence[next.end..], settings).map(|u| u.0) == Some(first.0)
        {
            join_start = token.end + first.1;
        }
        // "$140-$150 million", "between $62 and $68": the sign written again on the
        // second end, the same sign as on the first.
        let join_end = tokens
            .get(k)
            .map(|next| sign_repeated(sentence, token.start, join_start, next.start, settings))
            .unwrap_or(join_start);
        if let Some(next) = tokens.get(k)
            && RANGE_JOIN.is_match(&sentence[join_start..join_end])
            && !is_not_an_amount(sentence, next, &words, &phones, false, settings)
        {
            let joined_by_and = sentence[join_start..join_end].trim() == "and";
            let between = words
                .before(token.start)
                .is_some_and(|w| text::fold(w.2) == "between");
            let mut low = token.value;
            if next.form == NumberForm::Mixed
                && token.form != NumberForm::Mixed
                && low > 0.0
                && low * 100.0 < next.value
            {
                // "20 to 30 million": the scale word applies to both ends; "200 to 4
                // million" starts below the scale (the first end is more than the second's
                // figure before its scale word).
                if let Some(p) = scale_precision(&sentence[next.start..next.end], next.value) {
                    let mantissa_scale = p
                        * 2.0
                        * 10f64.powi(
                            sentence[next.start..next.end]
                                .split('.')
                                .nth(1)
                                .map_or(0, |d| d.chars().take_while(char::is_ascii_digit).count())
                                as i32,
                        );
                    if mantissa_scale > 0.0 && low < next.value / mantissa_scale {
                        low *= mantissa_scale;
                    }
                }
            }
            if next.value > low && (!joined_by_and || between) {
                range = Some((low, next.value));
                numbers[0].1 = low;
                numbers.push((Span::new(next.start, next.end), next.value));
                end = next.end;
                value = next.value;
                k += 1;
            }
        }
        // "2,000.45±0.01 pounds", "9.83e-3 +/- 1e-5 km/s2": a value and its tolerance
        // are one claim, the interval around the value.
        if range.is_none()
            && let Some(next) = tokens.get(k)
            && let Some(gap) = sentence.get(end..next.start)
            && is_tolerance_sign(gap, next)
            && next.value != 0.0
            && next.value.abs() < value.abs()
        {
            let tolerance = next.value.abs();
            range = Some((value - tolerance, value + tolerance));
            numbers.push((Span::new(next.start, next.end), tolerance));
            end = next.end;
            k += 1;
        }
        // "forty-five (45)", "3 (three)": a number restated in brackets is one number.
        if range.is_none()
            && let Some(next) = tokens.get(k)
            && sentence
                .get(end..next.start)
                .is_some_and(|g| g.trim() == "(")
            && sentence
                .get(next.end..)
                .is_some_and(|r| r.trim_start().starts_with(')'))
            && (next.value - value).abs() <= 1e-9 * value.abs().max(1.0)
        {
            let rest = &sentence[next.end..];
            end = next.end + (rest.len() - rest.trim_start().len()) + 1;
            k += 1;
        }
        // A currency or unit sign before, then a qualifier before that.
        let mut unit: Option<usize> = None;
        let mut pre_end = start;
        if let Some(sym) = matchers.symbol_before(&sentence[..start]) {
            // "10 rmb 20 usd": a sign already read as the previous amount's unit is not
            // this one's.
            unit = matchers
                .unit_for_symbol(sym.as_str().trim_end())
                .filter(|_| sym.start() >= consumed_until);
            if unit.is_some() {
                pre_end = sym.start();
                start = sym.start();
            }
        }
        // "magnitude-5.9": a unit named by a word before the figure, joined by a hyphen.
        if unit.is_none()
            && let Some(head) = sentence[..start].strip_suffix('-')
            && let Some((u, at)) = unit_word_before(head, settings)
        {
            unit = Some(u);
            pre_end = at;
            start = at;
        }
        // "MAUD 60": millions of a currency, code before.
        if unit.is_none()
            && may_end_with_million_code(&sentence[..start])
            && let Some(c) = MILLION_CODE_BEFORE.captures(&sentence[..start])
            && let Some(code) = c.get(1)
            && let Some(u) = currency_code(code.as_str(), settings)
        {
            unit = Some(u);
            value *= 1e6;
            numbers.iter_mut().for_each(|n| n.1 *= 1e6);
            pre_end = code.start() - 1;
            start = pre_end;
        }
        let mut qualifier = Qualifier::Exact;
        let mut subset = false;
        if let Some(m) = matchers.qualifier_before(&sentence[..pre_end]) {
            let phrase = crate::config::normalize_phrase(m.as_str());
            match matchers.qualifier(&phrase) {
                Some(QualifierWord::Subset) => subset = true,
                Some(q) if range.is_none() => {
                    // "Nearly" is `less_than` in the qualifier list but keeps a lower
                    // bound (see the bounds below).
                    qualifier = match q {
                        QualifierWord::MoreThan => Qualifier::MoreThan,
                        QualifierWord::AtLeast => Qualifier::AtLeast,
                        QualifierWord::LessThan | QualifierWord::Nearly => Qualifier::LessThan,
                        QualifierWord::Approximate => Qualifier::Approximate,
                        QualifierWord::AtMost => Qualifier::AtMost,
                        QualifierWord::Subset => Qualifier::Exact,
                    };
                    start = m.start();
                }
                _ => {}
            }
            if subset {
                start = m.start();
            }
        }
        let is_nearly = matchers
            .qualifier_before(&sentence[..pre_end])
            .and_then(|m| matchers.qualifier(&crate::config::normalize_phrase(m.as_str())))
            == Some(QualifierWord::Nearly);
        if range.is_some()
            && words
                .before(token.start)
                .is_some_and(|w| matches!(text::fold(w.2).as_str(), "between" | "from"))
        {
            start = words.before(token.start).map_or(start, |w| w.0).min(start);
        }
        // A unit after the number (or after the range's end).
        let mut after = end;
        if let Some(m) = matchers.unit_after(&sentence[end..]) {
            let alias_text = m.as_str();
            // "rmb 10 usd 20": a code followed by a number is that number's sign, not
            // this one's unit.
            let rest = &sentence[end + m.end()..];
            let next_sign =
                unit.is_some() && rest.trim_start().starts_with(|c: char| c.is_ascii_digit());
            // "24703 L-202": letters joined to digits by a hyphen are an identifier.
            let identifier = rest
                .strip_prefix('-')
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
            if !next_sign
                && !identifier
                && let Some(u) =
                    matchers.unit_for_alias(&crate::config::normalize_phrase(alias_text))
            {
                if unit.is_none()
                    || settings.units[u].dimension == "currency"
                        && unit.is_some_and(|x| settings.units[x].dimension == "currency")
                {
                    unit = Some(u);
                }
                after = end + m.end();
            }
        }
        // "spent 20 million pounds": pounds in a sentence about money are sterling.
        if let Some(u) = unit
            && let Some(gbp) = sterling_pounds(sentence, end, after, u, settings)
        {
            unit = Some(gbp);
        }
        // Units the alias table cannot name, written right after the figure; the first
        // reader that recognises one wins.
        if unit.is_none()
            && after == end
            && let Some((u, len)) = glued_temperature(sentence, end, token.value, settings)
                .or_else(|| symbol_before_rate(&sentence[end..], settings))
                .or_else(|| {
                    let inch = token.form == NumberForm::Digits
                        && is_inch_mark(sentence, token.start, end);
                    inch.then(|| matchers.unit_for_alias("inch"))
                        .flatten()
                        .map(|u| (u, 1))
                })
                .or_else(|| degrees_on_a_scale(&sentence[end..], settings))
        {
            unit = Some(u);
            after = end + len;
        }
        if unit.is_none()
            && after == end
            && let Some(from) = absolute_zero_start(sentence, token, &words)
            && let Some(u) = matchers.unit_for_alias("kelvin")
        {
            unit = Some(u);
            start = from;
            pre_end = from;
        }
        if unit.is_none()
            && range.is_none()
            && sentence[end..]
                .strip_prefix(char::is_whitespace)
                .unwrap_or(&sentence[end..])
                .starts_with('M')
            && let Some(c) = MILLION_CODE_AFTER.captures(&sentence[end..])
            && let Some(code) = c.get(1)
            && let Some(u) = currency_code(code.as_str(), settings)
        {
            unit = Some(u);
            value *= 1e6;
            numbers.iter_mut().for_each(|n| n.1 *= 1e6);
            after = end + code.end();
        }
        // "3 dollars 50 cents", "15 USD 25", "twenty ringgit and 43": an amount and its
        // hundredths are one amount. Without a subunit the main unit must be written
        // after the first number and nothing may follow the second.
        if range.is_none()
            && takes_hundredths(unit, token, settings)
            && let Some(next) = tokens.get(k)
            && next.start >= after
            && COMPOUND_JOIN.is_match(&sentence[after..next.start])
            && next.form != NumberForm::Mixed
            && !next.is_decimal
            && (0.0..100.0).contains(&next.value)
            && next.value.fract() == 0.0
        {
            let rest = &sentence[next.end..];
            let subunit_end = unit_at(rest, settings)
                .filter(|(v, _)| HUNDREDTHS.contains(&settings.units[*v].name.as_str()))
                .map(|(_, e)| next.end + e);
            // Without a subunit: the main unit written after the first number and a
            // clause end after the second, or the text ends there ("$20 43").
            let tail = rest.trim_start();
            let bare = (after > end
                && tail
                    .chars()
                    .next()
                    .is_none_or(|c| matches!(c, '.' | ',' | ';' | '!' | '?' | ')')))
                || tail.trim_end_matches('.').is_empty();
            if let Some(e) = subunit_end.or(bare.then_some(next.end)) {
                value += next.value / 100.0;
                numbers.push((Span::new(next.start, next.end), next.value));
                end = next.end;
                after = e;
                k += 1;
            }
        }
        if range.is_none()
            && takes_hundredths(unit, token, settings)
            && let Some(c) = GLUED_CENTS.captures(&sentence[after..])
            && let (Some(whole), Some(cents)) = (c.get(0), c.get(1))
            && let Ok(n) = cents.as_str().parse::<f64>()
        {
            value += n / 100.0;
            numbers.push((Span::new(after + cents.start(), after + cents.end()), n));
            after += whole.end();
        }
        // "20 (kg)": a unit in brackets.
        if unit.is_none()
            && after == end
            && let Some((alias, whole)) = bracketed_unit(&sentence[end..])
            && let Some(u) = matchers.unit_for_alias(&crate::config::normalize_phrase(alias))
        {
            unit = Some(u);
            after = end + whole;
        }
        // "5 ft 2 in", "6 lb 3 oz": one measure in two units, read in the main one.
        if range.is_none()
            && let Some(u) = unit
            && let Some((_, small, per)) = MEASURE_PARTS
                .iter()
                .find(|(name, _, _)| *name == settings.units[u].name)
            && after > end
            && let Some(next) = tokens.get(k)
            && next.start >= after
            && COMPOUND_JOIN.is_match(&sentence[after..next.start])
            && next.value >= 0.0
            && next.value < *per
        {
            let rest = &sentence[next.end..];
            let trimmed = rest.trim_start();
            let small_end = small.iter().find_map(|alias| {
                let tail = trimmed.get(..alias.len())?;
                let boundary = trimmed[alias.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                (tail.eq_ignore_ascii_case(alias) && boundary)
                    .then(|| next.end + (rest.len() - trimmed.len()) + alias.len())
            });
            if let Some(e) = small_end {
                value += next.value / per;
                numbers.push((Span::new(next.start, next.end), next.value));
                end = next.end;
                after = e;
                k += 1;
            }
        }
        // "$15.4/hour", "10 l/km", "20 J/m^2 per year": a rate, its unit per each
        // denominator.
        let mut per = Vec::new();
        if let Some(u) = unit
            && settings.units[u].dimension != "ratio"
            && let Some((denominators, len)) = rate_after(&sentence[after..], settings)
        {
            per = denominators;
            after += len;
        }
        let core = Span::new(pre_end, after);
        // A conversion in brackets ("10 kilometres (6.2 miles)") is the same claim.
        if unit.is_some()
            && keep == Keep::Claims
            && sentence[after..].trim_start().starts_with('(')
            && let Some(m) = CONVERSION.find(&sentence[after..])
        {
            let inner_end = after + m.end();
            while tokens.get(k).is_some_and(|t| t.start < inner_end) {
                k += 1;
            }
            after = inner_end;
        }
        // "40-plus", "43 or more", "about 500 or more" (the bound is what is stated),
        // "more than 20 or equal to it".
        // (The test before the regex is what its branches start with: it spares compiling
        // the pattern, a start-up cost, until a number has such words after it.)
        if sentence[after..]
            .trim_start()
            .starts_with(['-', '+', 'p', 'P', 'o', 'O', 'a', 'A'])
            && let Some(m) = POST_QUALIFIER.find(&sentence[after..])
            && range.is_none()
            && !FIGURE_FOLLOWS.is_match(&sentence[after + m.end()..])
        {
            let q = m.as_str().to_lowercase();
            // "500 or so", "360-ish": about the figure.
            let approximate = q.contains("so") || q.contains("ish");
            let lower = ["fewer", "less", "below", "under", "lower"]
                .iter()
                .any(|w| q.contains(w));
            let read = if q.contains("equal") {
                match qualifier {
                    Qualifier::MoreThan => Some(Qualifier::AtLeast),
                    Qualifier::LessThan if !is_nearly => Some(Qualifier::AtMost),
                    _ => None,
                }
            } else if qualifier == Qualifier::Exact && approximate {
                Some(Qualifier::Approximate)
            } else if matches!(qualifier, Qualifier::Exact | Qualifier::Approximate) && !approximate
            {
                if qualifier == Qualifier::Approximate {
                    start = pre_end;
                }
                Some(if lower {
                    Qualifier::AtMost
                } else {
                    Qualifier::AtLeast
                })
            } else {
                None
            };
            if let Some(read) = read {
                qualifier = read;
                after += m.end();
            }
        }
        // "equal to 20": the value stated exactly, the words kept in the span.
        if qualifier == Qualifier::Exact
            && start == pre_end
            && contains_ascii_word(&sentence[..pre_end], b"equal")
            && let Some(c) = EQUAL_BEFORE.captures(&sentence[..pre_end])
            && let Some(m) = c.get(1)
        {
            start = m.start();
        }
        let qualified_end = after;
        // What is counted.
        let mut counted: Option<String> = None;
        let mut counted_head: Option<String> = None;
        let mut counted_text: Option<String> = None;
        let mut phrase_end = after;
        let unit_dimension = unit.map(|u| settings.units[u].dimension.as_str());
        if unit_dimension.is_none() || unit_dimension == Some("currency") {
            // "2.9 million 9-liter cases", "three 10-year terms": a figure joined to a
            // word describes the counted noun after it (issue 16).
            let np_from = after
                + MODIFIER_AFTER
                    .find(&sentence[after..])
                    .filter(|m| sentence[after + m.end()..].starts_with(' '))
                    .map_or(0, |m| m.end());
            if let Some((written, head, rel_end)) = noun_phrase(&sentence[np_from..], settings) {
                // "shot 11 times": a count of times; "three times the size" is a factor.
                let repeats = unit.is_none()
                    && text::fold(written) == "times"
                    && words
                        .after(np_from + rel_end)
                        .filter(|w| sentence[np_from + rel_end..w.0].trim().is_empty())
                        .is_none_or(|w| !MULTIPLIER_AFTER.contains(&text::fold(w.2).as_str()));
                if !repeats
                    && (settings.time_words.contains(&head)
                        || settings.time_words.contains(&text::fold(written)))
                {
                    continue; // a duration, an age or a time of day
                }
                if unit.is_none() {
                    let class = counted_class(&head, written, settings);
                    counted = Some(refine_by_verbs(class, sentence, np_from, &words, settings));
                    counted_head = Some(head.clone());
                    counted_text = Some(written.to_owned());
                    phrase_end = np_from + rel_end;
                }
            }
        }
        if unit.is_none() && counted.is_none() && token.form != NumberForm::Words {
            if let Some((class, word)) = subject_class(&words, start, settings) {
                counted = Some(class);
                counted_text = Some(word);
            }
        }
        if unit.is_none() && counted.is_none() && keep == Keep::Claims {
            continue; // nothing to compare it with
        }
        // "three other bombs", "two more victims", "two additional life sentences": a part
        // beside others, compared only with other parts.
        if counted_text.as_deref().is_some_and(|t| {
            text::words(t)
                .next()
                .is_some_and(|(_, _, w)| ADDED_PART.contains(&text::fold(w).as_str()))
        }) {
            subset = true;
        }
        // Small numbers in words ("one of them") count only known things, and "the two
        // countries" refers back to things already counted.
        if token.form == NumberForm::Words
            && token.value < 10.0
            && unit.is_none()
            && keep == Keep::Claims
        {
            let definite = words.before(token.start).is_some_and(|w| {
                matches!(
                    text::fold(w.2).as_str(),
                    "the"
                        | "these"
                        | "those"
                        | "both"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "our"
                        | "my"
                        | "your"
                )
            });
            if definite {
                continue;
            }
            // "one" is also an article and a pronoun ("one of them", "one day"): it counts
            // only known things. Two and more count whatever noun follows ("two guards").
            let known = counted
                .as_deref()
                .is_some_and(|c| settings.counted.values().any(|v| v == c));
            if !known && (token.value < 2.0 || counted_head.is_none()) {
                continue;
            }
        }
        // Enumerated parts: "32 men and 11 women".
        let mut parts = Vec::new();
        if unit.is_none()
            && range.is_none()
            && qualifier == Qualifier::Exact
            && keep == Keep::Claims
        {
            let mut total = value;
            let mut last_end = phrase_end;
            let mut j = k;
            parts.push(Part {
                number: value,
                counted: counted_text.clone(),
                text: sentence[token.start..phrase_end].to_owned(),
            });
            while let Some(next) = tokens.get(j) {
                if next.start < last_end || !ENUM_JOIN.is_match(&sentence[last_end..next.start]) {
                    break;
                }
                let Some((written, head, rel_end)) = noun_phrase(&sentence[next.end..], settings)
                else {
                    break;
                };
                let class = refine_by_verbs(
                    counted_class(&head, written, settings),
                    sentence,
                    next.end,
                    &words,
                    settings,
                );
                if Some(&class) != counted.as_ref() {
                    break;
                }
                total += next.value;
                last_end = next.end + rel_end;
                parts.push(Part {
                    number: next.value,
                    counted: Some(written.to_owned()),
                    text: sentence[next.start..last_end].to_owned(),
                });
                j += 1;
            }
            if parts.len() > 1 {
                value = total;
                phrase_end = last_end;
                counted_text = Some(
                    parts
                        .iter()
                        .map(|p| p.counted.clone().unwrap_or_default())
                        .collect::<Vec<_>>()
                        .join(" and "),
                );
                k = j;
            } else {
                parts.clear();
            }
        }
        // "two women" counts a subgroup, compared only with the same subgroup.
        if parts.is_empty()
            && let (Some(class), Some(head)) = (&counted, &counted_head)
            && settings.subgroups.contains(head)
            && class != head
        {
            counted = Some(format!("{class}/{head}"));
        }
        // A measure counts what its neighbouring words say it measures ("10 km deep").
        if unit_dimension.is_some_and(|d| d != "currency" && d != "ratio") {
            // A measure whose role no word gives is compared only with others like it.
            counted = Some(
                measure_role(sentence, start, after, &words, settings)
                    .unwrap_or_else(|| "unspecified".to_owned()),
            );
        }
        // The bounds the qualifier sets.
        let t = &settings.thresholds;
        let (mut low, mut high, mut low_inc, mut high_inc) = (Some(value), Some(value), true, true);
        let number;
        if let Some((a, b)) = range {
            low = Some(a);
            high = Some(b);
            number = None;
            qualifier = Qualifier::Range;
        } else {
            number = Some(value);
            match qualifier {
                Qualifier::Exact => {
                    if token.form == NumberForm::Mixed
                        && let Some(p) =
                            scale_precision(&sentence[token.start..token.end], token.value)
                    {
                        low = Some(value - p);
                        high = Some(value + p);
                        high_inc = false;
                    }
                }
                Qualifier::Approximate => {
                    low = Some(value * (1.0 - t.approximate_tolerance));
                    high = Some(value * (1.0 + t.approximate_tolerance));
                }
                Qualifier::MoreThan => {
                    high = None;
                    low_inc = false;
                }
                Qualifier::AtLeast => high = None,
                Qualifier::LessThan if is_nearly => {
                    low = Some(value * (1.0 - t.nearly_tolerance));
                    high_inc = false;
                }
                Qualifier::LessThan => {
                    low = None;
                    high_inc = false;
                }
                // "As many as 20,000" stresses a large figure: read as half of it up to it.
                Qualifier::AtMost => low = Some(value * t.up_to_floor),
                Qualifier::Range | Qualifier::Vague => {}
            }
        }
        consumed_until = phrase_end.max(end);
        let local = local_terms(sentence, &words, start, phrase_end.max(after), settings);
        let scope = scope_terms(sentence, &words, phrase_end.max(after), settings);
        readings.push(Reading {
            span: Span::new(start, phrase_end.max(after)),
            number,
            low,
            high,
            low_inclusive: low_inc,
            high_inclusive: high_inc,
            qualifier,
            unit,
            counted,
            counted_text,
            parts,
            subset,
            vague_phrase: None,
            local,
            scope,
            core,
            numbers,
            qualified_end,
            per,
        });
    }
    // Vague amounts ("dozens of undocumented Colombians").
    for (vs, ve) in vague {
        if readings
            .iter()
            .any(|r| r.span.start < ve && vs < r.span.end)
            || tokens.iter().any(|t| t.start < ve && vs < t.end)
        {
            continue;
        }
        let phrase = crate::config::normalize_phrase(&sentence[vs..ve]);
        let Some(i) = matchers.vague_index(&phrase) else {
            continue;
        };
        let amount = &settings.vague[i];
        let post = &sentence[ve..];
        let post = post.trim_start().strip_prefix("of ").map_or(post, |p| p);
        let offset = sentence.len() - post.len();
        let Some((written, head, rel_end)) = noun_phrase(post, settings) else {
            continue;
        };
        if settings.time_words.contains(&head) {
            continue;
        }
        let class = refine_by_verbs(
            counted_class(&head, written, settings),
            sentence,
            offset,
            &words,
            settings,
        );
        let class = if settings.subgroups.contains(&head) && class != head {
            format!("{class}/{head}")
        } else {
            class
        };
        // "several videos": a small vague amount says little unless it counts a known thing.
        let base_class = class.split('/').next().unwrap_or(&class);
        if amount.low < 10.0 && !settings.counted.values().any(|v| v == base_class) {
            continue;
        }
        readings.push(Reading {
            span: Span::new(vs, offset + rel_end),
            number: None,
            low: Some(amount.low),
            high: amount.high,
            low_inclusive: true,
            high_inclusive: false,
            qualifier: Qualifier::Vague,
            unit: None,
            counted: Some(class),
            counted_text: Some(written.to_owned()),
            parts: Vec::new(),
            subset: false,
            vague_phrase: Some(sentence[vs..ve].to_owned()),
            local: local_terms(sentence, &words, vs, offset + rel_end, settings),
            scope: scope_terms(sentence, &words, offset + rel_end, settings),
            core: Span::new(vs, ve),
            numbers: Vec::new(),
            qualified_end: ve,
            per: Vec::new(),
        });
    }
    // "a gallon of milk", "a penny": one of the unit, unless read already ("$3 a gallon").
    for (start, article, end, u, amount) in one_unit {
        if readings
            .iter()
            .any(|r| r.span.start < end && article < r.span.end)
            || tokens.iter().any(|t| t.start < end && article < t.end)
        {
            continue;
        }
        // "half a litre": the share, read alone as a number, is this amount's.
        readings.retain(|r| !(start <= r.span.start && r.span.end <= article));
        let counted = (settings.units[u].dimension != "currency").then(|| {
            measure_role(sentence, start, end, &words, settings)
                .unwrap_or_else(|| "unspecified".to_owned())
        });
        readings.push(Reading {
            span: Span::new(start, end),
            number: Some(amount),
            low: Some(amount),
            high: Some(amount),
            low_inclusive: true,
            high_inclusive: true,
            qualifier: Qualifier::Exact,
            unit: Some(u),
            counted,
            counted_text: None,
            parts: Vec::new(),
            subset: false,
            vague_phrase: None,
            local: local_terms(sentence, &words, start, end, settings),
            scope: scope_terms(sentence, &words, end, settings),
            core: Span::new(start, end),
            // No figure is written: nothing for a reader of numbers.
            numbers: Vec::new(),
            qualified_end: end,
            per: Vec::new(),
        });
    }
    readings.sort_by_key(|r| (r.span.start, r.span.end));
    merge_bound_pairs(sentence, readings)
}

/// A unit other than a currency whose word symbol ends `head` ("magnitude" in "a
/// magnitude-6.1 quake"), and where the symbol starts.
fn unit_word_before(head: &str, settings: &Settings) -> Option<(usize, usize)> {
    let m = settings.matchers().symbol_before(head)?;
    if m.end() != head.len() || !m.as_str().starts_with(char::is_alphabetic) {
        return None;
    }
    let u = settings.matchers().unit_for_symbol(m.as_str().trim_end())?;
    (settings.units[u].dimension != "currency").then_some((u, m.start()))
}

/// Where the joiner of a range ends when the second end repeats the first end's sign
/// ("$140-$150", "from €10 to €15"): the start of that sign, else `next_start`.
fn sign_repeated(
    sentence: &str,
    first_start: usize,
    join_start: usize,
    next_start: usize,
    settings: &Settings,
) -> usize {
    let matchers = settings.matchers();
    let (Some(head), Some(before_first)) =
        (sentence.get(..next_start), sentence.get(..first_start))
    else {
        return next_start;
    };
    let Some(second) = matchers.symbol_before(head) else {
        return next_start;
    };
    if second.start() < join_start {
        return next_start;
    }
    let first = matchers.symbol_before(before_first);
    let same = first.is_some_and(|f| {
        matchers.unit_for_symbol(f.as_str().trim_end())
            == matchers.unit_for_symbol(second.as_str().trim_end())
    });
    if same { second.start() } else { next_start }
}

/// The unit whose alias starts `rest` (after optional space or hyphen), with the byte
/// offset just past the alias.
fn unit_at(rest: &str, settings: &Settings) -> Option<(usize, usize)> {
    let m = settings.matchers().unit_after(rest)?;
    let u = settings
        .matchers()
        .unit_for_alias(&crate::config::normalize_phrase(m.as_str()))?;
    Some((u, m.end()))
}

/// Whether `head` ends with a number and a short suffix ("5k", "10km"): a hyphen after it
/// joins two figures ("5k-20k"), not an identifier and a number.
fn ends_with_suffixed_number(head: &str) -> bool {
    let letters = head
        .chars()
        .rev()
        .take_while(char::is_ascii_alphabetic)
        .count();
    (1..=3).contains(&letters)
        && head[..head.len() - letters].ends_with(|c: char| c.is_ascii_digit())
}

/// The currency an upper-case ISO code names ("USD"), if it is one of ours.
fn currency_code(code: &str, settings: &Settings) -> Option<usize> {
    settings
        .matchers()
        .unit_for_symbol(code)
        .filter(|&u| settings.units[u].dimension == "currency")
}

/// Whether a figure is an hour of the clock: up to 12, with minutes as two decimals at
/// most ("2.30pm"), before "am", "pm", "a.m." or "p.m." ("at 2 pm", "2.30 p.m.").
fn is_clock_time(literal: &str, post: &str, token: &NumberToken) -> bool {
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

/// Words that make "pounds" money ("paid 300 pounds") rather than weight.
const MONEY_WORDS: &[&str] = &[
    "spent",
    "spend",
    "spends",
    "spending",
    "paid",
    "pay",
    "pays",
    "paying",
    "cost",
    "costs",
    "costing",
    "fined",
    "fine",
    "worth",
    "earn",
    "earns",
    "earned",
    "salary",
    "wages",
    "price",
    "priced",
    "budget",
    "invested",
    "donated",
    "raised",
    "owed",
    "debt",
    "loan",
    "compensation",
    "bought",
    "sold",
];
/// Words that keep "pounds" a weight even in a sentence about money.
const WEIGHT_WORDS: &[&str] = &["weigh", "weighs", "weighed", "weighing", "weight", "heavy"];

/// Sterling, when "pounds" (written out, without "£") is read as a mass in a sentence that
/// speaks of money and not of weight.
fn sterling_pounds(
    sentence: &str,
    end: usize,
    after: usize,
    unit: usize,
    settings: &Settings,
) -> Option<usize> {
    if settings.units[unit].name != "lb" {
        return None;
    }
    let written = sentence.get(end..after)?.trim().to_lowercase();
    if !matches!(written.as_str(), "pounds" | "pound") {
        return None;
    }
    let words: Vec<String> = text::words(sentence)
        .map(|(_, _, w)| text::fold(w))
        .collect();
    let money = words.iter().any(|w| MONEY_WORDS.contains(&w.as_str()));
    let weight = words.iter().any(|w| WEIGHT_WORDS.contains(&w.as_str()));
    (money && !weight)
        .then(|| settings.units.iter().position(|u| u.name == "GBP"))
        .flatten()
}

/// Words that make a glued "C" or "F" a temperature ("highs of 30C"), where otherwise
/// it may name a form or a cent ("a 13F filing", "14.7C per security").
const TEMPERATURE_WORDS: &[&str] = &[
    "temperature",
    "temperatures",
    "degrees",
    "heat",
    "heatwave",
    "hot",
    "hottest",
    "cold",
    "coldest",
    "warm",
    "warmest",
    "cool",
    "freezing",
    "weather",
    "highs",
    "lows",
    "thermometer",
];

/// The temperature unit glued in upper case after a figure ("30C", "-10C", "98F"), as a
/// unit index and the length read, when the figure is negative or a word of the sentence
/// speaks of temperature. Lower case is left alone: "43c" is cents.
fn glued_temperature(
    sentence: &str,
    end: usize,
    value: f64,
    settings: &Settings,
) -> Option<(usize, usize)> {
    let unit = glued_temperature_letter(sentence.get(end..)?, settings)?;
    (value < 0.0 || speaks_of_temperature(sentence)).then_some(unit)
}

/// Whether a word of `sentence` is one of [`TEMPERATURE_WORDS`].
fn speaks_of_temperature(sentence: &str) -> bool {
    text::words(sentence).any(|(_, _, w)| TEMPERATURE_WORDS.contains(&text::fold(w).as_str()))
}

/// The temperature unit named by an upper-case "C" or "F" alone at the start of `post`.
fn glued_temperature_letter(post: &str, settings: &Settings) -> Option<(usize, usize)> {
    let mut chars = post.chars();
    let name = match chars.next()? {
        'C' => "celsius",
        'F' => "fahrenheit",
        _ => return None,
    };
    if chars.next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let u = settings.units.iter().position(|u| u.name == name)?;
    Some((u, 1))
}

/// "20 J/m^2", "5 W/kg": a unit's symbol (its name in the table, in its case) right after a
/// figure and before "/" and a denominator, as (unit, length read). Alone, a one-letter
/// symbol is a letter or an initial in news far more often ("3 J" is rarely joules, so "J"
/// is no alias); as the numerator of a rate it can only be a unit.
fn symbol_before_rate(rest: &str, settings: &Settings) -> Option<(usize, usize)> {
    let body = rest.strip_prefix(' ').unwrap_or(rest);
    // Letters, then the slash: a look at the next word only, not the rest of the sentence.
    let letters = body
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(body.len());
    let symbol = &body[..letters];
    if symbol.is_empty() || !body[letters..].starts_with('/') {
        return None;
    }
    let u = settings
        .units
        .iter()
        .position(|u| u.name == symbol && !matches!(u.dimension.as_str(), "currency" | "ratio"))?;
    rate_after(&body[symbol.len()..], settings)?;
    Some((u, rest.len() - body.len() + symbol.len()))
}

/// Whether a straight double quote right after the figure at `start..end` is an inch mark
/// ("a 17\" screen", "an 8\" wrench"): no quotation is open before it in the sentence (an
/// even number of quote marks) and a space, a clause end or the end of the text follows.
/// Otherwise it closes a quotation ("the boat \"Nava 5\"").
fn is_inch_mark(sentence: &str, start: usize, end: usize) -> bool {
    let Some(after) = sentence.get(end..).and_then(|r| r.strip_prefix('"')) else {
        return false;
    };
    sentence[..start].matches('"').count() % 2 == 0
        && after
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ';' | ')'))
}

/// "−40° on the Celsius scale", "212 degrees on the Fahrenheit scale": degrees without a
/// scale of their own, named by the phrase after them, as (unit, length of the degrees
/// read). The phrase stays out of the span; alone, "°" or "degrees" names no unit (an
/// angle, a temperature, a magnitude).
fn degrees_on_a_scale(rest: &str, settings: &Settings) -> Option<(usize, usize)> {
    let degrees = if rest.starts_with('°') {
        '°'.len_utf8()
    } else {
        word_prefix(rest, "degrees")? - 1
    };
    let phrase = rest[degrees..].strip_prefix(' ')?;
    let mut words = phrase.splitn(4, ' ');
    let (on, the, scale) = (words.next()?, words.next()?, words.next()?);
    let tail = words.next()?;
    if !(on.eq_ignore_ascii_case("on")
        && the.eq_ignore_ascii_case("the")
        && starts_with_word(tail, "scale"))
    {
        return None;
    }
    let u = settings
        .matchers()
        .unit_for_alias(&scale.to_lowercase())
        .filter(|&u| settings.units[u].dimension == "temperature")?;
    Some((u, degrees))
}

/// Words before "absolute zero" that make it a temperature ("at absolute zero", "near
/// absolute zero") rather than a figure of speech ("absolute zero chance").
const TOWARDS_A_TEMPERATURE: &[&str] = &[
    "at",
    "near",
    "above",
    "below",
    "approaching",
    "approach",
    "approaches",
    "reach",
    "reached",
    "reaches",
];

/// Where "absolute zero" starts, when the token is its "zero" and it names the
/// temperature (0 K): after a word such as "at" or in a sentence about temperature. In
/// news it is mostly a figure of speech ("absolute zero evidence"), which stays a zero.
fn absolute_zero_start(sentence: &str, token: &NumberToken, words: &Words) -> Option<usize> {
    if !sentence[token.start..token.end].eq_ignore_ascii_case("zero") {
        return None;
    }
    let (from, to, word) = words.before(token.start)?;
    if !word.eq_ignore_ascii_case("absolute") || &sentence[to..token.start] != " " {
        return None;
    }
    let towards = words
        .before(from)
        .is_some_and(|w| TOWARDS_A_TEMPERATURE.contains(&text::fold(w.2).as_str()));
    (towards || speaks_of_temperature(sentence)).then_some(from)
}

/// Whether `gap` (the text between two figures) is a plus-minus sign: "±", "+/-", "+-"
/// (a minus read into the second figure, "+/-0.1", leaves "+/").
fn is_tolerance_sign(gap: &str, next: &NumberToken) -> bool {
    match gap.trim() {
        "±" | "+/-" | "+-" | "+/−" | "+−" => true,
        "+/" | "+" => next.value < 0.0,
        _ => false,
    }
}

/// A unit's name with a rate's denominators: "USD/hour". A rate is compared only with
/// rates of the same denominators, never with a bare amount ("$15 an hour" is not "$15").
fn rate_name(unit: &str, per: &[String]) -> String {
    per.iter()
        .fold(unit.to_owned(), |name, d| format!("{name}/{d}"))
}

/// A unit's dimension with a rate's denominators: "currency per hour".
fn rate_dimension(dimension: &str, per: &[String]) -> String {
    per.iter()
        .fold(dimension.to_owned(), |name, d| format!("{name} per {d}"))
}

/// What a rate's figure is written with after its unit: "/hour".
fn rate_suffix(per: &[String]) -> String {
    per.iter().map(|d| format!("/{d}")).collect()
}

/// "a gallon of milk", "a penny!": an indefinite article and a unit written as a whole
/// word of three letters or more, singular, then "of" or the end of a clause, with a share
/// before ("half a litre"): (start, start of the article, end, unit, amount) in `sentence`. Elsewhere the words are mostly idioms or names
/// ("a mile-long queue", "a yard away", "a magnitude 6 quake"), and "a bit" never
/// measures data.
fn units_after_an_article(
    sentence: &str,
    settings: &Settings,
) -> Vec<(usize, usize, usize, usize, f64)> {
    let mut out = Vec::new();
    for (start, end, word) in text::words(sentence) {
        if !(word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an")) {
            continue;
        }
        let Some(rest) = sentence[end..].strip_prefix(' ') else {
            continue;
        };
        let Some((u, len)) = unit_at(rest, settings) else {
            continue;
        };
        let alias = &rest[..len];
        let whole_word = len >= 3
            && alias.chars().all(char::is_alphabetic)
            && !alias.ends_with('s')
            && !matches!(
                settings.units[u].dimension.as_str(),
                "data" | "magnitude" | "speed" | "ratio"
            )
            // "a ton of" is "a lot of" far more often than a tonne.
            && !alias.eq_ignore_ascii_case("ton");
        // "two-tenths of a mile", "a fraction of a penny": a part of the unit.
        let part_of = sentence[..start].trim_end().to_lowercase().ends_with(" of");
        let after = &rest[len..];
        let measures_something = after.starts_with(" of ")
            || after
                .chars()
                .next()
                .is_none_or(|c| matches!(c, '.' | ',' | ';' | '!' | '?' | ')'));
        if whole_word && measures_something && !part_of {
            // "half a gallon", "a quarter a mile": the share written before the article.
            let share = sentence[..start].strip_suffix(' ').and_then(|pre| {
                let word_start = pre.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| i + 1);
                let amount = match pre[word_start..].to_lowercase().as_str() {
                    "half" => 0.5,
                    "quarter" => 0.25,
                    _ => return None,
                };
                Some((word_start, amount))
            });
            let (from, amount) = share.unwrap_or((start, 1.0));
            out.push((from, start, end + 1 + len, u, amount));
        }
    }
    out
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
const TIME_DENOMINATORS: &[(&[&str], &str)] = &[
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
const TIME_ANCHORS: &[&str] = &[
    "ago", "earlier", "later", "before", "after", "since", "from",
];

/// The denominators of a rate written at the start of `rest` (right after an amount and
/// its unit), canonical, and the byte length read: "/hour", " per hour", " an hour"
/// (time units only), "/km", "/s2", "/cm³", "/m^2 per year", " per share". Up to two
/// denominators. A letter unit after a slash must be a unit of the table or a time unit;
/// after "per", any word but a function word names what the rate is reckoned in.
fn rate_after(rest: &str, settings: &Settings) -> Option<(Vec<String>, usize)> {
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
enum Joiner {
    /// "/hour"
    Slash,
    /// " per hour"
    Per,
    /// " an hour"
    Article,
}

/// The byte length of `word` (any case) at the start of `text` after one space, with a
/// space after it: " per " in " per hour".
fn word_prefix(text: &str, word: &str) -> Option<usize> {
    let body = text.strip_prefix(' ')?;
    let head = body.get(..word.len())?;
    (head.eq_ignore_ascii_case(word) && body[word.len()..].starts_with(' '))
        .then_some(1 + word.len() + 1)
}

/// The denominator at the start of `text` (right after its joiner), canonical, with the
/// byte length read. An exponent ("s2", "s²", "m^2") is kept in the name.
fn denominator(text: &str, joiner: Joiner, settings: &Settings) -> Option<(String, usize)> {
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
fn exponent(text: &str) -> (&'static str, usize) {
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

/// "more than 20 and less than 30": a lower and an upper bound side by side make one
/// range.
fn merge_bound_pairs(sentence: &str, readings: Vec<Reading>) -> Vec<Reading> {
    let lower = |r: &Reading| matches!(r.qualifier, Qualifier::MoreThan | Qualifier::AtLeast);
    // "nearly 30" keeps a lower bound of its own: not half of a range.
    let upper = |r: &Reading| {
        r.qualifier == Qualifier::AtMost || (r.qualifier == Qualifier::LessThan && r.low.is_none())
    };
    let mut out: Vec<Reading> = Vec::with_capacity(readings.len());
    for b in readings {
        if let Some(a) = out.last()
            && a.counted_text.is_none()
            && (a.unit == b.unit || a.unit.is_none() || b.unit.is_none())
            && a.per == b.per
            && ((lower(a) && upper(&b)) || (upper(a) && lower(&b)))
            // "more than 50 and less than 20" are two bounds, not an empty range.
            && {
                let (lo, hi) = if lower(a) { (a, &b) } else { (&b, a) };
                lo.number.zip(hi.number).is_some_and(|(l, h)| l < h)
            }
            && sentence
                .get(a.qualified_end..b.span.start)
                .is_some_and(|gap| BOUND_JOIN.is_match(gap))
        {
            let a = out.pop().expect("checked just above");
            let (lo, hi) = if lower(&a) { (&a, &b) } else { (&b, &a) };
            let merged = Reading {
                span: Span::new(a.span.start, b.span.end),
                number: None,
                low: lo.number,
                high: hi.number,
                low_inclusive: lo.qualifier == Qualifier::AtLeast,
                high_inclusive: hi.qualifier == Qualifier::AtMost,
                qualifier: Qualifier::Range,
                unit: a.unit.or(b.unit),
                core: Span::new(a.core.start, b.core.end),
                numbers: a.numbers.iter().chain(&b.numbers).copied().collect(),
                qualified_end: b.qualified_end,
                ..b.clone()
            };
            out.push(merged);
            continue;
        }
        out.push(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(sentence: &str) -> Vec<Reading> {
        read_sentence(sentence, false, Keep::Claims, &Settings::builtin())
    }

    fn one(sentence: &str) -> Reading {
        let r = read(sentence);
        assert_eq!(r.len(), 1, "{sentence}: {r:?}");
        r.into_iter().next().expect("one reading")
    }

    fn unit_name(r: &Reading) -> Option<String> {
        let settings = Settings::builtin();
        r.unit.map(|u| settings.units[u].name.clone())
    }

    #[test]
    fn a_range_whose_second_end_repeats_the_sign_is_one_range() {
        let r = one("The stake is worth between $31 and $37 a unit to the buyers.");
        assert_eq!((r.low, r.high), (Some(31.0), Some(37.0)));
        let r = one("Analysts see sales of $210-$230 million this spring.");
        assert_eq!((r.low, r.high), (Some(210e6), Some(230e6)));
        let r = one("The fund grew from €4 to €9 billion in a decade.");
        assert_eq!((r.low, r.high), (Some(4e9), Some(9e9)));
        assert_eq!(r.qualifier, Qualifier::Range);
    }

    #[test]
    fn a_scale_word_is_not_carried_to_a_first_end_above_its_figure() {
        let r = one("Fines run from 300 to 2 million dollars for a firm.");
        assert_eq!((r.low, r.high), (Some(300.0), Some(2e6)));
    }

    #[test]
    fn small_counts_in_words_count_any_noun() {
        let r = one("The crew spotted four tugboats near the pier.");
        assert_eq!(r.number, Some(4.0));
        assert!(read("The two tugboats left at dawn.").is_empty());
        assert!(read("One tugboat left at dawn.").is_empty());
    }

    #[test]
    fn a_count_of_other_things_is_a_part() {
        assert!(one("Crews found five other crates on the dock.").subset);
        assert!(!one("Crews found five crates on the dock.").subset);
    }

    #[test]
    fn a_magnitude_may_be_named_before_its_figure() {
        for s in [
            "A magnitude 5.2 tremor shook the valley.",
            "A magnitude-5.2 tremor shook the valley.",
            "The tremor had a magnitude of 5.2, the agency said.",
            "The tremor registered 5.2 on the Richter scale.",
        ] {
            let r = one(s);
            assert_eq!(r.number, Some(5.2), "{s}");
            assert_eq!(unit_name(&r).as_deref(), Some("magnitude"), "{s}");
        }
    }

    #[test]
    fn a_glued_m_before_a_unit_is_millions() {
        let r = one("The mill shipped 4.5m tonnes last season.");
        assert_eq!(r.number, Some(4.5e6));
        assert_eq!(unit_name(&r).as_deref(), Some("t"));
        let r = one("The club paid EUR25m for the striker.");
        assert_eq!(r.number, Some(25e6));
        let r = one("She ran the 400m in the heats.");
        assert_eq!(unit_name(&r).as_deref(), Some("m"));
    }

    #[test]
    fn times_are_counted_unless_they_multiply() {
        let r = one("The guard was struck six times in the melee.");
        assert_eq!(r.number, Some(6.0));
        assert!(read("The new hall is six times the size of the old one.").is_empty());
    }

    #[test]
    fn a_count_keeps_what_it_counts() {
        let r = one("he watched 43 Colombian migrants board a flight");
        assert_eq!(r.number, Some(43.0));
        assert_eq!(r.counted.as_deref(), Some("persons"));
        assert_eq!(r.counted_text.as_deref(), Some("Colombian migrants"));
    }

    #[test]
    fn enumerated_parts_yield_their_total() {
        let r = one("In all 32 men and 11 women were flown home");
        assert_eq!(r.number, Some(43.0));
        assert_eq!(r.parts.len(), 2);
        assert_eq!(r.counted.as_deref(), Some("persons"));
    }

    #[test]
    fn more_than_is_an_open_lower_bound() {
        let r = one("arresting more than 80,000 people, and more");
        assert_eq!(r.qualifier, Qualifier::MoreThan);
        assert_eq!(
            (r.low, r.high, r.low_inclusive),
            (Some(80000.0), None, false)
        );
    }

    #[test]
    fn nearly_keeps_its_qualifier_and_a_lower_bound() {
        let r = one("the council has spent nearly $2.7 million to repair bridges");
        assert_eq!(r.qualifier, Qualifier::LessThan);
        assert_eq!(r.high, Some(2_700_000.0));
        assert!(!r.high_inclusive);
        assert!(r.low.is_some_and(|l| l > 2_000_000.0));
    }

    #[test]
    fn percent_forms_are_one_unit() {
        for s in [
            "a 90% decrease",
            "a 90 percent decrease",
            "a 90 per cent decrease",
        ] {
            let r = one(s);
            assert_eq!(r.number, Some(90.0), "{s}");
        }
    }

    #[test]
    fn years_dates_and_modifiers_are_not_amounts() {
        for s in [
            "a 90-day freeze on aid",
            "in 2013 under President Xi",
            "since taking office on Jan. 20, the administration",
            "a memorandum signed on Aug. 21, 2018",
            "a 15-year-old boy",
            "the club no longer sits among the top 10",
            "members of MS-13 gangs",
            "the meeting began at 4:30 p.m.",
            "call 555-123-4567 for details",
        ] {
            assert!(read(s).is_empty(), "{s}: {:?}", read(s));
        }
    }

    #[test]
    fn product_names_and_street_numbers_are_not_amounts() {
        // Issue 16: a name with a capital inside ("iPhone") before digits, a street number.
        for s in [
            "the new iPhone 11 units sold out",
            "she lived at 9 E 71st St in Manhattan",
            "the office at 12 Harbour Road flooded",
        ] {
            assert!(read(s).is_empty(), "{s}: {:?}", read(s));
        }
        // A plain count beside a street still counts.
        assert_eq!(one("12 people lived on Harbour Road").number, Some(12.0));
    }

    #[test]
    fn digits_after_a_decimal_and_its_scale_start_another_figure() {
        // Issue 16: "2.9 million 9-liter cases" is 2.9 million cases, not 2,900,009.
        let r = read("the firm shipped 2.9 million 9-liter cases last year");
        assert!(
            r.iter()
                .any(|r| r.number == Some(2.9e6) && r.counted.as_deref() == Some("case")),
            "{r:?}"
        );
        assert!(r.iter().all(|r| r.number != Some(2_900_009.0)), "{r:?}");
    }

    #[test]
    fn vague_amounts_are_ranges() {
        let r = one("returning dozens of undocumented Colombians");
        assert_eq!(r.qualifier, Qualifier::Vague);
        assert_eq!(r.low, Some(24.0));
        assert_eq!(r.counted.as_deref(), Some("persons"));
    }

    #[test]
    fn ranges_read_both_ends() {
        let r = one("between 20 and 30 people attended");
        assert_eq!(
            (r.low, r.high, r.qualifier),
            (Some(20.0), Some(30.0), Qualifier::Range)
        );
        let r = one("20-30 people attended");
        assert_eq!((r.low, r.high), (Some(20.0), Some(30.0)));
    }

    #[test]
    fn including_marks_a_part() {
        let r = read("were flown home, including seven travellers with expired visas");
        assert!(r.iter().all(|r| r.subset), "{r:?}");
    }

    #[test]
    fn a_toll_without_a_noun_takes_its_subject() {
        let r = one("The death toll rose to 43 on Tuesday");
        assert_eq!(r.counted.as_deref(), Some("dead"));
    }

    #[test]
    fn people_killed_are_counted_as_dead() {
        let r = one("at least 12 people were killed in the blast");
        assert_eq!(r.counted.as_deref(), Some("dead"));
        assert_eq!(r.qualifier, Qualifier::AtLeast);
    }

    #[test]
    fn durations_and_ages_are_not_counts() {
        assert!(read("after four years of being a laughingstock").is_empty());
        assert!(read("John Smith, 43, of Boston was arrested").is_empty());
    }

    /// (text of the mention, value or None, qualifier, unit) for each mention.
    fn seen(text: &str) -> Vec<(String, Option<f64>, Qualifier, Option<String>)> {
        mentions(text, &Settings::builtin())
            .into_iter()
            .map(|m| {
                (
                    text[m.span.start..m.span.end].to_owned(),
                    m.number.map(|v| (v * 1e6).round() / 1e6),
                    m.qualifier,
                    m.unit,
                )
            })
            .collect()
    }

    fn first(text: &str) -> (String, Option<f64>, Qualifier, Option<String>) {
        seen(text)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("nothing read in {text:?}"))
    }

    #[test]
    fn currency_codes_glued_or_with_an_m_for_millions() {
        let all = seen("They paid USD250 and Rs40 for it.");
        assert_eq!(all[0].1, Some(250.0));
        assert_eq!(all[0].3.as_deref(), Some("USD"));
        assert_eq!(all[1].1, Some(40.0));
        assert_eq!(all[1].3.as_deref(), Some("INR"));
        let m = first("Losses of 12 MEUR were booked.");
        assert_eq!((m.1, m.3.as_deref()), (Some(12e6), Some("EUR")));
        let m = first("Sales reached roughly MGBP 3 last year.");
        assert_eq!(
            (m.1, m.2, m.3.as_deref()),
            (Some(3e6), Qualifier::Approximate, Some("GBP"))
        );
    }

    #[test]
    fn an_amount_and_its_hundredths_are_one_amount() {
        for (text, want, unit) in [
            ("The toy costs 7 dollars 25 cents today.", 7.25, "USD"),
            ("She paid 8 euros and 40.", 8.4, "EUR"),
            ("A ticket is $12 and 5c.", 12.05, "USD"),
            ("Lunch was 9 ringgit 10 sens.", 9.1, "MYR"),
            ("It was four pounds sterling and six pence.", 4.06, "GBP"),
        ] {
            let m = first(text);
            assert_eq!((m.1, m.3.as_deref()), (Some(want), Some(unit)), "{text}");
        }
        // A second number that counts something else stays apart.
        let all = seen("They paid 5 dollars 30 people.");
        assert_eq!(all[0].1, Some(5.0));
    }

    #[test]
    fn a_unit_on_both_ends_of_a_range() {
        let m = mentions("prices from 4 euros to 9 euros", &Settings::builtin());
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!((m[0].low, m[0].high), (Some(4.0), Some(9.0)));
        assert_eq!(m[0].unit.as_deref(), Some("EUR"));
        let m = mentions("a 3.5–4.0 GeV beam and 2k-15k users", &Settings::builtin());
        assert_eq!(m.len(), 2, "{m:?}");
        assert_eq!((m[0].low, m[0].high), (Some(3.5), Some(4.0)));
        assert_eq!((m[1].low, m[1].high), (Some(2e3), Some(15e3)));
    }

    #[test]
    fn a_sign_read_as_one_amount_unit_is_not_the_next_ones() {
        let all = seen("10 rmb 20 usd");
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!((all[0].1, all[0].3.as_deref()), (Some(10.0), Some("CNY")));
        assert_eq!(
            (all[1].0.as_str(), all[1].3.as_deref()),
            ("20 usd", Some("USD"))
        );
        let all = seen("gbp 10 eur 20");
        assert_eq!(
            (all[0].0.as_str(), all[0].3.as_deref()),
            ("gbp 10", Some("GBP"))
        );
    }

    #[test]
    fn bounds_written_after_the_number() {
        assert_eq!(first("a score of 200 or greater").2, Qualifier::AtLeast);
        assert_eq!(first("less than 40 or equal").2, Qualifier::AtMost);
        assert_eq!(first("over 30 or equal to it").2, Qualifier::AtLeast);
        assert_eq!(first("we accept 18 and above").2, Qualifier::AtLeast);
        // The bound is what is stated; "about" drops out of the span.
        let m = first("about 300 or more attended");
        assert_eq!((m.0.as_str(), m.2), ("300 or more", Qualifier::AtLeast));
        // A figure after the words makes them a comparison of two figures.
        let all = seen("70 or less than 80");
        assert_eq!((all[0].0.as_str(), all[0].2), ("70", Qualifier::Exact));
        assert_eq!(all[1].2, Qualifier::LessThan);
        // "equal to" keeps the value exact and stays in the span.
        let m = first("it is equal to 15");
        assert_eq!((m.0.as_str(), m.2), ("equal to 15", Qualifier::Exact));
    }

    #[test]
    fn bounds_that_cannot_make_a_range_stay_two_bounds() {
        let all = seen("more than 50 and less than 5");
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!(
            (all[0].2, all[1].2),
            (Qualifier::MoreThan, Qualifier::LessThan)
        );
        let one = seen("more than 5 and less than 50");
        assert_eq!(one.len(), 1, "{one:?}");
        assert_eq!(one[0].2, Qualifier::Range);
    }

    #[test]
    fn a_number_restated_in_brackets_is_one_number() {
        let all = seen("seven (7) cars and 12 (twelve) vans");
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!(all[0].0, "seven (7)");
        // Different values in brackets are two numbers.
        assert_eq!(seen("seven (8)").len(), 2);
    }

    #[test]
    fn a_measure_in_two_units_is_one_measure() {
        let m = first("he stands 6 ft 1 in tall");
        assert_eq!((m.0.as_str(), m.3.as_deref()), ("6 ft 1 in", Some("ft")));
        assert!((m.1.unwrap_or(0.0) - (6.0 + 1.0 / 12.0)).abs() < 1e-6);
        let m = first("a 3 lb 8 oz baby");
        assert_eq!((m.1, m.3.as_deref()), (Some(3.5), Some("lb")));
        // Inches alone after feet only when the second number is below twelve.
        assert_eq!(seen("5 feet 20 inches").len(), 2);
    }

    #[test]
    fn codes_joined_by_a_hyphen_are_identifiers() {
        assert!(seen("part XR7-200 shipped").is_empty());
        assert_eq!(first("batch 4410 L-17").3, None);
        // A number with a scale suffix still starts a range.
        assert_eq!(first("raised 5k-8k").2, Qualifier::Range);
    }

    #[test]
    fn numbers_inside_web_addresses_are_not_amounts() {
        assert!(seen("see https://example.org/find?q=40%25%2030% for more").is_empty());
        assert!(seen("at www.example.org/page2 today").is_empty());
    }

    #[test]
    fn bracketed_energy_and_power_units() {
        assert_eq!(first("mass 15 (kg)").3.as_deref(), Some("kg"));
        assert_eq!(first("a 2.5 MeV photon").3.as_deref(), Some("MeV"));
        assert_eq!(first("the 40 MW plant").3.as_deref(), Some("MW"));
        assert_eq!(first("10 kilojoules").3.as_deref(), Some("kJ"));
        // Mismatched brackets are not a unit.
        assert_eq!(first("weight 45{kg)").3, None);
    }

    #[test]
    fn a_bracketed_unit_is_short_and_right_after_the_figure() {
        assert_eq!(bracketed_unit(" ( km² )"), Some(("km²", " ( km² )".len())));
        assert_eq!(bracketed_unit("[m/s] later"), Some(("m/s", 5)));
        assert_eq!(bracketed_unit("<t>"), Some(("t", 3)));
        // Two spaces, an empty or long bracket, or words with punctuation are not units.
        assert_eq!(bracketed_unit("  (kg)"), None);
        assert_eq!(bracketed_unit("( )"), None);
        assert_eq!(bracketed_unit("(a note far longer than any unit)"), None);
        assert_eq!(bracketed_unit("(see below, page 4)"), None);
        assert_eq!(bracketed_unit("(kg"), None);
    }

    #[test]
    fn a_rate_is_its_unit_per_each_denominator() {
        assert_eq!(
            first("she earns $12.5/hour now"),
            (
                "$12.5/hour".to_owned(),
                Some(12.5),
                Qualifier::Exact,
                Some("USD/hour".to_owned())
            )
        );
        assert_eq!(first("a van burning 9 l/km").3.as_deref(), Some("l/km"));
        assert_eq!(
            first("it sank at 2.5 km/s2").3.as_deref(),
            Some("km/second²")
        );
        assert_eq!(first("about 3 kg/cm³ of it").3.as_deref(), Some("kg/ml"));
        assert_eq!(first("dosed 30 kg/m^2 per year").0, "30 kg/m^2 per year");
        assert_eq!(
            first("dosed 30 kg/m^2 per year").3.as_deref(),
            Some("kg/m2/year")
        );
        assert_eq!(first("paid $7 an hour").3.as_deref(), Some("USD/hour"));
        assert_eq!(
            first("a dividend of $3 per share").3.as_deref(),
            Some("USD/share")
        );
    }

    #[test]
    fn what_follows_an_amount_is_not_always_a_rate() {
        // A time anchor, a percentage, a bare number and a function word after "per".
        assert_eq!(first("it cost $30 a year ago").3.as_deref(), Some("USD"));
        assert_eq!(first("prices rose 4% a year").3.as_deref(), Some("percent"));
        assert_eq!(first("we saw 40 a day").3, None);
        assert_eq!(first("$8 per the contract").3.as_deref(), Some("USD"));
        // A rate and a bare amount of its unit are not the same measure.
        let rate = first("$15 an hour");
        let amount = first("$15");
        assert_ne!(rate.3, amount.3);
    }

    #[test]
    fn a_rate_denominator_is_no_duration() {
        let settings = Settings::builtin();
        let text = "a contract worth $3 million a year";
        let at = text.find("a year").expect("in the text");
        assert!(is_rate_denominator(
            text,
            Span::new(at, text.len()),
            &settings
        ));
        let text = "the work took a year";
        let at = text.find("a year").expect("in the text");
        assert!(!is_rate_denominator(
            text,
            Span::new(at, text.len()),
            &settings
        ));
    }

    #[test]
    fn a_value_and_its_tolerance_are_one_range() {
        let settings = Settings::builtin();
        for text in [
            "it weighs 12.5±0.5 kg",
            "it weighs 12.5 +/- 0.5 kg",
            "it weighs 12.5 +/-0.5 kg",
        ] {
            let m = mentions(text, &settings);
            assert_eq!(m.len(), 1, "{text}: {m:?}");
            assert_eq!(m[0].qualifier, Qualifier::Range);
            assert_eq!((m[0].low, m[0].high), (Some(12.0), Some(13.0)));
            assert_eq!(m[0].unit.as_deref(), Some("kg"));
            assert_eq!(&text[m[0].core.start..m[0].core.end], &text[10..]);
        }
        // A sum is not a tolerance.
        assert_eq!(seen("scored 4 + 3 goals").len(), 2);
    }

    #[test]
    fn a_suspended_hyphen_joins_a_range() {
        let r = first("a 6- to 9-metre swell");
        assert_eq!(r.0, "6- to 9-metre");
        assert_eq!(r.2, Qualifier::Range);
        assert_eq!(r.3.as_deref(), Some("m"));
        // "6- and 9-metre" names two sizes.
        assert_eq!(seen("6- and 9-metre boats").len(), 2);
    }

    #[test]
    fn upper_case_c_or_f_glued_to_a_temperature_figure() {
        assert_eq!(first("it was -4C at dawn").3.as_deref(), Some("celsius"));
        assert_eq!(first("temperatures hit 41C").3.as_deref(), Some("celsius"));
        assert_eq!(
            first("a hot 97F afternoon").3.as_deref(),
            Some("fahrenheit")
        );
        // Without a word of temperature it names a form or a cent; lower case is cents.
        assert!(
            seen("the 13F report was late")
                .iter()
                .all(|m| m.3.is_none())
        );
        assert!(seen("a cup at 43c").is_empty());
    }

    #[test]
    fn hours_before_am_or_pm_are_clock_times() {
        assert!(seen("we met at 3 pm sharp").is_empty());
        assert!(seen("we met at 10.45 p.m. sharp").is_empty());
        assert!(seen("by 9am").is_empty());
        // Not an hour: three decimals, or more than twelve.
        assert_eq!(seen("a 4.125 pm lattice").len(), 1);
        assert_eq!(seen("all 15 pm staff").len(), 1);
    }

    #[test]
    fn a_unit_before_digits_is_no_name() {
        let m = seen("runs at 3.2 GHz 16 GB of memory");
        assert_eq!(m.len(), 2, "{m:?}");
        assert_eq!(m[1].3.as_deref(), Some("GB"));
    }

    #[test]
    fn an_article_and_a_unit_are_one_of_it() {
        assert_eq!(first("pour a litre of water").0, "a litre");
        assert_eq!(first("pour a litre of water").1, Some(1.0));
        assert_eq!(first("he found a penny!").3.as_deref(), Some("pence"));
        assert_eq!(first("drink half a litre of water").0, "half a litre");
        assert_eq!(first("drink half a litre of water").1, Some(0.5));
        // Idioms, parts and names: "a bit", "a ton of", "of a mile", "a mile away".
        assert!(seen("it rained a bit of the day").is_empty());
        assert!(seen("I have a ton of work").is_empty());
        assert!(seen("two-tenths of a mile.").iter().all(|m| m.3.is_none()));
        assert!(seen("it lay a mile away").is_empty());
    }

    #[test]
    fn pounds_in_a_sentence_about_money_are_sterling() {
        assert_eq!(
            first("they paid 300 pounds for it").3.as_deref(),
            Some("GBP")
        );
        assert_eq!(first("a parcel of 30 pounds").3.as_deref(), Some("lb"));
        assert_eq!(
            first("it cost him 30 pounds, it weighed").3.as_deref(),
            Some("lb")
        );
        assert_eq!(first("sold 50 lbs of flour").3.as_deref(), Some("lb"));
    }

    #[test]
    fn digits_after_a_code_and_a_plus_are_part_of_the_code() {
        assert!(seen("the source QX2210.4+1187 faded").is_empty());
        assert_eq!(seen("2+2 is four").len(), 3);
    }

    #[test]
    fn a_unit_symbol_before_a_slash_is_a_rate_numerator() {
        let m = first("panels that took in 35 J/m^2 per day");
        assert_eq!(m.0, "35 J/m^2 per day");
        assert_eq!(m.3.as_deref(), Some("J/m2/day"));
        // The exponent is the denominator's, not a figure of its own.
        assert_eq!(seen("panels that took in 35 J/m^2 per day").len(), 1);
        assert_eq!(
            first("an engine giving 400 W/kg").3.as_deref(),
            Some("W/kg")
        );
        // Alone, or before a slash and no denominator, the letter is no unit.
        assert!(seen("we met 7 J and up").iter().all(|m| m.3.is_none()));
        assert!(seen("we took 7 J/K shuttles").iter().all(|m| m.3.is_none()));
    }

    #[test]
    fn a_straight_quote_after_digits_is_an_inch_mark_unless_it_closes_a_quotation() {
        let m = first(r#"a new 13" laptop"#);
        assert_eq!((m.0.as_str(), m.3.as_deref()), (r#"13""#, Some("in")));
        assert_eq!(
            first(r#"screens (15.6") sold out"#).3.as_deref(),
            Some("in")
        );
        assert_eq!(first(r#"a pipe wrench, 10""#).3.as_deref(), Some("in"));
        // A quotation open before it: the mark closes it.
        assert!(
            seen(r#"the ferry "star 4" sank"#)
                .iter()
                .all(|m| m.3.is_none())
        );
        assert!(
            seen(r#"they chanted "we are 11", loudly"#)
                .iter()
                .all(|m| m.3.is_none())
        );
        // Letters right after the mark: not an inch.
        assert!(seen(r#"size 12"x shirts"#).iter().all(|m| m.3.is_none()));
    }

    #[test]
    fn absolute_zero_is_a_temperature_when_it_names_one() {
        let m = first("helium flows freely near absolute zero.");
        assert_eq!(m.0, "absolute zero");
        assert_eq!((m.1, m.3.as_deref()), (Some(0.0), Some("kelvin")));
        assert_eq!(
            first("the temperature of absolute zero is out of reach")
                .3
                .as_deref(),
            Some("kelvin")
        );
        // A figure of speech stays a zero.
        let m = first("there is absolute zero evidence of it");
        assert_eq!((m.0.as_str(), m.3), ("zero", None));
    }

    #[test]
    fn degrees_named_by_a_scale_after_them() {
        let m = first("water boils at 212° on the Fahrenheit scale");
        assert_eq!((m.0.as_str(), m.3.as_deref()), ("212°", Some("fahrenheit")));
        let m = first("it froze at -10 degrees on the Celsius scale, they said");
        assert_eq!(
            (m.0.as_str(), m.3.as_deref()),
            ("-10 degrees", Some("celsius"))
        );
        // Without the scale, or on another kind of scale, degrees name no unit.
        assert_eq!(first("turn it 90° to the left").3, None);
        assert_eq!(first("rated 7 degrees on the Richter scale").3, None);
        assert_eq!(first("a 40° on the scaled map").3, None);
    }

    #[test]
    fn ish_after_a_figure_is_about_it() {
        let m = first("a 250-ish page novel");
        assert_eq!((m.1, m.2), (Some(250.0), Qualifier::Approximate));
        let r = mentions("a 250-ish page novel", &Settings::builtin());
        assert_eq!(r[0].core, Span::new(2, 5));
        // Other words joined by a hyphen still make a modifier.
        assert!(seen("a 250-page novel").iter().all(|m| m.1 != Some(250.0)));
        assert!(seen("a 250-ishmael tale").is_empty());
    }

    #[test]
    fn science_units_of_the_table() {
        assert_eq!(first("it rang at 4e14 s-1").3.as_deref(), Some("Hz"));
        assert_eq!(first("a 50 Hz hum").3.as_deref(), Some("Hz"));
        assert_eq!(first("an action of 3 Js here").3.as_deref(), Some("Js"));
        assert_eq!(
            first("the rocks formed 250 Ma ago").3.as_deref(),
            Some("megayear")
        );
        assert_eq!(
            first("the mill crushes 2,000 tpd").3.as_deref(),
            Some("t/day")
        );
        // "tpd" is the rate "tonnes per day" read from words: the same unit and dimension.
        let settings = Settings::builtin();
        let symbol = &mentions("the mill crushes 2,000 tpd", &settings)[0];
        let words = &mentions("the mill crushes 2 tonnes per day", &settings)[0];
        assert_eq!(
            (&symbol.unit, &symbol.dimension),
            (&words.unit, &words.dimension)
        );
        assert_eq!(first("a 64 KiB page").3.as_deref(), Some("KiB"));
    }

    proptest::proptest! {
        #[test]
        fn rates_tolerances_and_glued_letters_never_panic(
            s in "[0-9 $./a-zA-Z±+\\-−^²³×⁻CF]{0,40}"
        ) {
            static SETTINGS: LazyLock<Settings> = LazyLock::new(Settings::builtin);
            for m in mentions(&s, &SETTINGS) {
                proptest::prop_assert!(s.get(m.span.start..m.span.end).is_some());
                proptest::prop_assert!(s.get(m.core.start..m.core.end).is_some());
            }
            let _ = rate_after(&s, &SETTINGS);
            let _ = exponent(&s);
        }
    }
}
