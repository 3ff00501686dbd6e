//! Dates as news writes them: absolute ("Feb. 3, 2025", "3 February 2025", "2025-02-04",
//! "December 2019", "in 2013", "mid-March", "Oct/2", "the month of July"), weekdays ("on
//! Sunday", "late Monday", "next Tuesday") and relative phrases ("yesterday", "last
//! night", "this morning", "last week", "earlier this month", "three days ago", "six
//! months ago", "this September"), each found with its byte span and resolved against a
//! reference date.
//!
//! This module owns a small proleptic Gregorian calendar (`Civil`), the phrase scanner
//! and resolution. It does not decide which event a date belongs to (that is
//! `extract::date`) and it never reads settings: phrases of the calendar are closed sets.
//! Scanning never indexes text by unchecked arithmetic, so arbitrary UTF-8 cannot make
//! it panic.

use std::{borrow::Cow, fmt};

use serde::Serialize;

use crate::span::Span;

/// A calendar day (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Civil {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Days in `month` of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Civil {
    /// A valid day, or None ("Feb. 30" is not a day).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Civil> {
        ((1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(Civil { year, month, day })
    }

    /// Read `YYYY-MM-DD` (extra text after the day is ignored).
    pub fn parse_iso(text: &str) -> Option<Civil> {
        let mut parts = text.get(..10)?.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        Civil::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil, on a year that starts in March.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Civil {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Civil { year, month, day }
    }

    /// Day of the week, 0 = Monday ... 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.days() + 3).rem_euclid(7) as u32
    }

    /// The day `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Civil {
        Civil::from_days(self.days() + n)
    }

    /// The same day `n` months later, clamped to the month's end.
    pub fn add_months(self, n: i64) -> Civil {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + n;
        let year = index.div_euclid(12) as i32;
        let month = index.rem_euclid(12) as u32 + 1;
        Civil {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// ISO 8601 week: (week-based year, week number).
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.add_days(3 - i64::from(self.weekday()));
        let jan1 = Civil {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        (
            thursday.year,
            ((thursday.days() - jan1.days()) / 7 + 1) as u32,
        )
    }
}

impl fmt::Display for Civil {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    Day,
    Week,
    Month,
    Year,
}

/// A period of the calendar: a day, an ISO week, a month or a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// The first day of the period.
    pub start: Civil,
    pub granularity: Granularity,
}

impl Period {
    /// The period of `granularity` that contains `day`.
    pub fn containing(day: Civil, granularity: Granularity) -> Period {
        let start = match granularity {
            Granularity::Day => day,
            Granularity::Week => day.add_days(-i64::from(day.weekday())),
            Granularity::Month => Civil { day: 1, ..day },
            Granularity::Year => Civil {
                month: 1,
                day: 1,
                ..day
            },
        };
        Period { start, granularity }
    }

    /// The first day after the period.
    pub fn end(self) -> Civil {
        match self.granularity {
            Granularity::Day => self.start.add_days(1),
            Granularity::Week => self.start.add_days(7),
            Granularity::Month => self.start.add_months(1),
            Granularity::Year => self.start.add_months(12),
        }
    }

    /// Whether the two periods share a day ("July 1, 2024" lies in "July 2024").
    pub fn overlaps(self, other: Period) -> bool {
        self.start < other.end() && other.start < self.end()
    }

    /// The label used in JSON: "2025-02-03", "2025-W06", "2024-07" or "2013".
    pub fn label(self) -> String {
        let s = self.start;
        match self.granularity {
            Granularity::Day => s.to_string(),
            Granularity::Week => {
                let (y, w) = s.iso_week();
                format!("{y:04}-W{w:02}")
            }
            Granularity::Month => format!("{:04}-{:02}", s.year, s.month),
            Granularity::Year => format!("{:04}", s.year),
        }
    }
}

/// Which way to read a phrase that names a day or month without fixing which one
/// ("Monday", "in July"): the sentence's tense decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    /// The latest such period on or before the reference date.
    Past,
    /// The earliest on or after it.
    Future,
    /// The closest one; a tie goes to the past (news mostly reports what happened).
    Nearest,
}

/// A date phrase as written, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expr {
    /// A day; the year when written.
    Day {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
    /// A month; the year when written.
    Month { year: Option<i32>, month: u32 },
    /// A year.
    Year(i32),
    /// A month of the reference date's year, shifted by years: "this September" (0),
    /// "next September" (+1), "last September" (-1).
    MonthFromReference { month: u32, shift: i32 },
    /// A weekday (0 = Monday), with "last"/"next"/"this" as -1/+1/0, or bare.
    Weekday { weekday: u32, shift: Option<i32> },
    /// Days from the reference date ("yesterday" = -1, "three days ago" = -3).
    DaysFromReference(i64),
    /// The reference date's week, month or year, shifted ("last week" = (Week, -1)).
    PeriodFromReference(Granularity, i64),
    /// Relative to another event ("two days later"): cannot be resolved.
    FromEvent,
}

/// One date phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte span of the phrase in the scanned text.
    pub span: Span,
    pub expr: Expr,
    /// A weekday written beside a full date ("Sunday, Feb. 3, 2025"), 0 = Monday.
    pub stated_weekday: Option<u32>,
}

impl DateMention {
    /// The granularity the phrase states.
    pub fn granularity(&self) -> Granularity {
        match self.expr {
            Expr::Day { .. }
            | Expr::Weekday { .. }
            | Expr::DaysFromReference(_)
            | Expr::FromEvent => Granularity::Day,
            Expr::Month { .. } | Expr::MonthFromReference { .. } => Granularity::Month,
            Expr::Year(_) => Granularity::Year,
            Expr::PeriodFromReference(g, _) => g,
        }
    }

    /// Whether the phrase needs a reference date (or another event) to be placed.
    pub fn is_relative(&self) -> bool {
        !matches!(
            self.expr,
            Expr::Day { year: Some(_), .. } | Expr::Month { year: Some(_), .. } | Expr::Year(_)
        )
    }

    /// What the phrase fixes by itself, TIMEX-style: "2025-02-03", "XXXX-07-01",
    /// "XXXX-WXX-1" (a bare Monday); relative phrases resolved against `reference`.
    pub fn timex(&self, reference: Option<Civil>, lean: Lean) -> Option<String> {
        match self.expr {
            Expr::Day {
                year: None,
                month,
                day,
            } => Some(format!("XXXX-{month:02}-{day:02}")),
            Expr::Month { year: None, month } => Some(format!("XXXX-{month:02}")),
            Expr::Weekday {
                weekday,
                shift: None,
            } => Some(format!("XXXX-WXX-{}", weekday + 1)),
            _ => self.resolve(reference, lean).map(Period::label),
        }
    }

    /// The period the phrase names, given the reference date and the sentence's lean.
    pub fn resolve(&self, reference: Option<Civil>, lean: Lean) -> Option<Period> {
        let period = |day: Civil, g| Some(Period::containing(day, g));
        match self.expr {
            Expr::Day {
                year: Some(year),
                month,
                day,
            } => period(Civil::new(year, month, day)?, Granularity::Day),
            Expr::Month {
                year: Some(year),
                month,
            } => period(Civil::new(year, month, 1)?, Granularity::Month),
            Expr::Year(year) => period(Civil::new(year, 1, 1)?, Granularity::Year),
            Expr::FromEvent => None,
            _ => {
                let reference = reference?;
                self.candidates(reference)
                    .and_then(|c| choose(&c, reference, lean))
            }
        }
    }

    /// The readings a phrase without a year allows around `reference` (the previous,
    /// current and next occurrence), or the single reading of a deictic phrase.
    pub fn candidates(&self, reference: Civil) -> Option<Vec<Period>> {
        let y = reference.year;
        let out: Vec<Period> = match self.expr {
            Expr::Day {
                year: None,
                month,
                day,
            } => (y - 1..=y + 1)
                .filter_map(|year| Civil::new(year, month, day))
                .map(|d| Period::containing(d, Granularity::Day))
                .collect(),
            Expr::Month { year: None, month } => (y - 1..=y + 1)
                .filter_map(|year| Civil::new(year, month, 1))
                .map(|d| Period::containing(d, Granularity::Month))
                .collect(),
            Expr::Weekday { weekday, shift } => {
                let delta = i64::from(weekday) - i64::from(reference.weekday());
                let this = reference.add_days(delta);
                match shift {
                    None => [this.add_days(-7), this, this.add_days(7)]
                        .into_iter()
                        .map(|d| Period::containing(d, Granularity::Day))
                        .collect(),
                    Some(0) => vec![Period::containing(this, Granularity::Day)],
                    // "last Monday": the latest one before the reference day;
                    // "next Tuesday": the first one after it.
                    Some(s) if s < 0 => {
                        let back = (i64::from(reference.weekday()) - i64::from(weekday) + 6)
                            .rem_euclid(7)
                            + 1;
                        vec![Period::containing(
                            reference.add_days(-back),
                            Granularity::Day,
                        )]
                    }
                    Some(_) => {
                        let ahead = (i64::from(weekday) - i64::from(reference.weekday()) + 6)
                            .rem_euclid(7)
                            + 1;
                        vec![Period::containing(
                            reference.add_days(ahead),
                            Granularity::Day,
                        )]
                    }
                }
            }
            Expr::DaysFromReference(n) => {
                vec![Period::containing(reference.add_days(n), Granularity::Day)]
            }
            Expr::MonthFromReference { month, shift } => vec![Period::containing(
                Civil::new(y + shift, month, 1)?,
                Granularity::Month,
            )],
            Expr::PeriodFromReference(g, n) => {
                let day = match g {
                    Granularity::Day => reference.add_days(n),
                    Granularity::Week => reference.add_days(7 * n),
                    Granularity::Month => reference.add_months(n),
                    Granularity::Year => reference.add_months(12 * n),
                };
                vec![Period::containing(day, g)]
            }
            _ => return None,
        };
        Some(out)
    }
}

fn choose(candidates: &[Period], reference: Civil, lean: Lean) -> Option<Period> {
    if let [only] = candidates {
        return Some(*only);
    }
    let r = reference.days();
    match lean {
        Lean::Past => candidates
            .iter()
            .filter(|p| p.start.days() <= r)
            .max_by_key(|p| p.start),
        Lean::Future => candidates
            .iter()
            .filter(|p| p.end().days() > r)
            .min_by_key(|p| p.start),
        Lean::Nearest => candidates.iter().min_by_key(|p| {
            let (s, e) = (p.start.days(), p.end().days() - 1);
            let distance = if r < s {
                s - r
            } else if r > e {
                r - e
            } else {
                0
            };
            // Ties go to the past.
            (distance, r < s)
        }),
    }
    .copied()
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const WEEKDAYS: &[(&str, u32)] = &[
    ("monday", 0),
    ("mon", 0),
    ("tuesday", 1),
    ("tues", 1),
    ("tue", 1),
    ("wednesday", 2),
    ("wed", 2),
    ("thursday", 3),
    ("thurs", 3),
    ("thu", 3),
    ("friday", 4),
    ("fri", 4),
    ("saturday", 5),
    ("sat", 5),
    ("sunday", 6),
    ("sun", 6),
];

const SMALL_NUMBERS: &[(&str, i64)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("couple", 2),
];

const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
];

/// Words that make a following bare month, "May" or a year a date ("in July", "since 2013").
const TIME_PREPOSITIONS: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "during", "before", "after", "of", "through",
    "early", "late", "mid", "last", "next", "this", "on", "to", "between", "and", "or",
];

/// One token: a word (letters), a number (digits, maybe with an ordinal suffix) or a
/// punctuation character.
#[derive(Debug, Clone)]
struct Token<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// Lower case; borrowed from the text when it already is (most tokens: no allocation
    /// per token, issue 8).
    lower: Cow<'a, str>,
    kind: TokenKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokenKind {
    Word,
    /// Digits; the value and whether an ordinal suffix ("3rd") was attached.
    Number(u32, bool),
    Punct,
}

fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        if c.is_ascii_digit() {
            while let Some(&(i, d)) = chars.peek() {
                if d.is_ascii_digit() {
                    end = i + 1;
                    chars.next();
                } else {
                    break;
                }
            }
            let digits = &text[start..end];
            let mut ordinal = false;
            let rest = &text[end..];
            for suffix in ["st", "nd", "rd", "th"] {
                let boundary = rest
                    .get(2..)
                    .is_none_or(|r| !r.starts_with(char::is_alphanumeric));
                if rest.len() >= 2
                    && rest.is_char_boundary(2)
                    && rest[..2].eq_ignore_ascii_case(suffix)
                    && boundary
                {
                    ordinal = true;
                    end += 2;
                    chars.next();
                    chars.next();
                    break;
                }
            }
            // A number glued to letters ("MS13", "3D") is an identifier, not a date part.
            let glued = !ordinal && text[end..].starts_with(char::is_alphabetic);
            let value = if digits.len() <= 8 {
                digits.parse().unwrap_or(u32::MAX)
            } else {
                u32::MAX
            };
            out.push(Token {
                start,
                end,
                text: &text[start..end],
                lower: lower_case(&text[start..end]),
                kind: if glued {
                    TokenKind::Word
                } else {
                    TokenKind::Number(value, ordinal)
                },
            });
        } else if c.is_alphabetic() {
            while let Some(&(i, d)) = chars.peek() {
                if d.is_alphabetic() {
                    end = i + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let word = &text[start..end];
            out.push(Token {
                start,
                end,
                text: word,
                lower: lower_case(word),
                kind: TokenKind::Word,
            });
        } else {
            out.push(Token {
                start,
                end,
                text: &text[start..end],
                lower: Cow::Borrowed(&text[start..end]),
                kind: TokenKind::Punct,
            });
        }
    }
    out
}

/// `text.to_lowercase()`, borrowed when that changes nothing (ASCII without capitals).
fn lower_case(text: &str) -> Cow<'_, str> {
    if text
        .bytes()
        .any(|b| !b.is_ascii() || b.is_ascii_uppercase())
    {
        Cow::Owned(text.to_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

fn lookup(table: &[(&str, u32)], word: &str) -> Option<u32> {
    table.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

fn small_number(word: &str) -> Option<i64> {
    SMALL_NUMBERS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, v)| *v)
}

/// Scanner state over the tokens of one text.
struct Scan<'t, 'a> {
    text: &'a str,
    tokens: &'t [Token<'a>],
}

impl<'a> Scan<'_, 'a> {
    fn word(&self, i: usize) -> Option<&str> {
        self.tokens
            .get(i)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.lower.as_ref())
    }

    fn number(&self, i: usize) -> Option<(u32, bool)> {
        match self.tokens.get(i)?.kind {
            TokenKind::Number(v, o) => Some((v, o)),
            _ => None,
        }
    }

    fn punct(&self, i: usize, p: &str) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && t.text == p)
    }

    /// Whether tokens i and i+1 touch (no space between).
    fn touching(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// A month name at i; returns (month, index after it, including an abbreviation's period).
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tokens.get(i)?;
        let word = self.word(i)?;
        let month = lookup(MONTHS, word)?;
        let full = word.len() > 4 || matches!(word, "may" | "june" | "july");
        let mut next = i + 1;
        if !full && self.punct(next, ".") && self.touching(i) {
            next += 1;
        }
        // "may" and "march" are also verbs: only as a month when capitalised or when
        // a date part or a time preposition is next to them.
        if matches!(word, "may" | "march") && !t.text.starts_with(char::is_uppercase) {
            let before = i.checked_sub(1).and_then(|p| self.word(p));
            let followed = self.number(next).is_some();
            let month_words = [
                "in", "since", "by", "until", "till", "from", "during", "early", "late", "mid",
                "through",
            ];
            if !followed && !before.is_some_and(|b| month_words.contains(&b)) {
                return None;
            }
        }
        Some((month, next))
    }

    /// A day of the month (1..31, digits or ordinal) at i.
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((v, _)) = self.number(i)
            && (1..=31).contains(&v)
            && self.tokens.get(i).is_some_and(|t| t.end - t.start <= 4)
        {
            return Some((v, i + 1));
        }
        let w = self.word(i)?;
        if let Some(v) = lookup(ORDINAL_WORDS, w) {
            return Some((v, i + 1));
        }
        // "twenty-first", "thirty-first".
        let tens = match w {
            "twenty" => 20,
            "thirty" => 30,
            _ => return None,
        };
        if self.punct(i + 1, "-") {
            let unit = lookup(ORDINAL_WORDS, self.word(i + 2)?)?;
            return (unit < 10 && tens + unit <= 31).then_some((tens + unit, i + 3));
        }
        None
    }

    /// A four-digit year (1000..2999) at i, optionally "of 2019" or after a comma.
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        let (v, ordinal) = self.number(i)?;
        let t = self.tokens.get(i)?;
        (!ordinal && t.end - t.start == 4 && (1000..3000).contains(&v)).then_some((v as i32, i + 1))
    }

    /// A weekday at i (with an abbreviation's period).
    fn weekday(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tokens.get(i)?;
        let w = self.word(i)?;
        let d = lookup(WEEKDAYS, w)?;
        let full = w.ends_with("day");
        // "sat", "sun", "wed" are ordinary words when not capitalised.
        if !full && !t.text.starts_with(char::is_uppercase) {
            return None;
        }
        let mut next = i + 1;
        if !full && self.punct(next, ".") && self.touching(i) {
            next += 1;
        }
        Some((d, next))
    }

    fn span(&self, from: usize, to: usize) -> Span {
        let start = self.tokens.get(from).map_or(0, |t| t.start);
        let end = to
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .map_or(start, |t| t.end);
        Span::new(start, end.max(start))
    }

    /// The longest date phrase starting at token i: (expr, index after it).
    fn at(&self, i: usize) -> Option<(Expr, usize)> {
        self.absolute(i)
            .or_else(|| self.weekday_phrase(i))
            .or_else(|| self.shifted_month(i))
            .or_else(|| self.relative(i))
    }

    /// "this September", "next March", "last July": a month of the reference year or
    /// of the year before or after it. "last July 4" is a day, read by `absolute`.
    fn shifted_month(&self, i: usize) -> Option<(Expr, usize)> {
        let shift = match self.word(i)? {
            "last" | "past" | "previous" => -1,
            "next" | "coming" | "following" => 1,
            "this" => 0,
            _ => return None,
        };
        let (month, n) = self.month(i + 1)?;
        if self.day(n).is_some() || self.year(n).is_some() {
            return None;
        }
        Some((Expr::MonthFromReference { month, shift }, n))
    }

    fn absolute(&self, i: usize) -> Option<(Expr, usize)> {
        // ISO: 2025-02-04 or 2025/02/04.
        if let Some((y, n)) = self.year(i)
            && (self.punct(n, "-") || self.punct(n, "/"))
            && let Some((m, _)) = self.number(n + 1)
            && self.punct(n + 2, self.tokens.get(n).map_or("-", |t| t.text))
            && let Some((d, _)) = self.number(n + 3)
            && (1..=12).contains(&m)
            && self.touching(i)
            && self.touching(n)
            && self.touching(n + 1)
            && self.touching(n + 2)
            && Civil::new(y, m, d).is_some()
        {
            return Some((
                Expr::Day {
                    year: Some(y),
                    month: m,
                    day: d,
                },
                n + 4,
            ));
        }
        // US numeric: 2/3/2025 or 2/3/25.
        if let Some((m, false)) = self.number(i)
            && self.punct(i + 1, "/")
            && let Some((d, false)) = self.number(i + 2)
            && self.punct(i + 3, "/")
            && let Some((y, false)) = self.number(i + 4)
            && (i..i + 4).all(|k| self.touching(k))
            && self
                .tokens
                .get(i + 4)
                .is_some_and(|t| matches!(t.end - t.start, 2 | 4))
        {
            let year = if y < 100 { 2000 + y as i32 } else { y as i32 };
            if Civil::new(year, m, d).is_some() {
                return Some((
                    Expr::Day {
                        year: Some(year),
                        month: m,
                        day: d,
                    },
                    i + 5,
                ));
            }
        }
        // Month first: "Feb. 3, 2025", "February 3rd", "December 2019", "July".
        if let Some((month, n)) = self.month(i) {
            if let Some((day, n2)) = self.day(n)
                // "December 2019" is a month, not day 20..
                && self.year(n).is_none()
            {
                let mut after = n2;
                let mut year = None;
                let comma = usize::from(self.punct(after, ","));
                if let Some((y, n3)) = self.year(after + comma) {
                    year = Some(y);
                    after = n3;
                }
                if Civil::new(year.unwrap_or(2000), month, day).is_some() {
                    return Some((Expr::Day { year, month, day }, after));
                }
            }
            // "Oct/2", "jan-1": month and day joined by a slash or a hyphen.
            if (self.punct(n, "/") || self.punct(n, "-"))
                && self.touching(n - 1)
                && self.touching(n)
                && let Some((day, n2)) = self.day(n + 1)
                && self.number(n + 1).is_some_and(|(_, ordinal)| !ordinal)
                && !self.touching(n + 1)
                && Civil::new(2000, month, day).is_some()
            {
                return Some((
                    Expr::Day {
                        year: None,
                        month,
                        day,
                    },
                    n2,
                ));
            }
            let of = usize::from(self.word(n) == Some("of"));
            let comma = usize::from(self.punct(n, ",") || self.punct(n, "-"));
            if let Some((y, n2)) = self.year(n + of.max(comma)) {
                return Some((
                    Expr::Month {
                        year: Some(y),
                        month,
                    },
                    n2,
                ));
            }
            let abbreviated = self.word(i).is_some_and(|w| w.len() <= 4)
                && !matches!(self.word(i), Some("may" | "june" | "july"));
            if !abbreviated {
                return Some((Expr::Month { year: None, month }, n));
            }
            return None;
        }
        // Day first: "3 February 2025", "the 4th of July", "04th Jan 2019".
        let the = usize::from(self.word(i) == Some("the"));
        if let Some((day, n)) = self.day(i + the) {
            let of = usize::from(self.word(n) == Some("of"));
            let (day_is_word, day_is_ordinal) = match self.tokens.get(i + the).map(|t| t.kind) {
                Some(TokenKind::Word) => (true, true),
                Some(TokenKind::Number(_, o)) => (false, o),
                _ => (false, false),
            };
            if (of == 0 || day_is_ordinal)
                && !(day_is_word && of == 0)
                && let Some((month, n2)) = self.month(n + of)
            {
                let mut after = n2;
                let mut year = None;
                let comma = usize::from(self.punct(after, ","));
                if let Some((y, n3)) = self.year(after + comma) {
                    year = Some(y);
                    after = n3;
                }
                if Civil::new(year.unwrap_or(2000), month, day).is_some() {
                    return Some((Expr::Day { year, month, day }, after));
                }
            }
        }
        None
    }

    fn weekday_phrase(&self, i: usize) -> Option<(Expr, usize)> {
        let shift = match self.word(i) {
            Some("last" | "past" | "previous") => Some(-1),
            Some("next" | "coming" | "following") => Some(1),
            Some("this") => Some(0),
            _ => None,
        };
        let at = i + usize::from(shift.is_some());
        let (weekday, n) = self.weekday(at)?;
        Some((Expr::Weekday { weekday, shift }, n))
    }

    fn relative(&self, i: usize) -> Option<(Expr, usize)> {
        let w = self.word(i)?;
        match w {
            "today" | "tonight" => return Some((Expr::DaysFromReference(0), i + 1)),
            "yesterday" => return Some((Expr::DaysFromReference(-1), i + 1)),
            "tomorrow" => return Some((Expr::DaysFromReference(1), i + 1)),
            _ => {}
        }
        // "the day before yesterday", "the day after tomorrow".
        if w == "the" && self.word(i + 1) == Some("day") {
            match (self.word(i + 2), self.word(i + 3)) {
                (Some("before"), Some("yesterday")) => {
                    return Some((Expr::DaysFromReference(-2), i + 4));
                }
                (Some("after"), Some("tomorrow")) => {
                    return Some((Expr::DaysFromReference(2), i + 4));
                }
                _ => {}
            }
        }
        // "this morning" is today; "last night" the evening before (issue 16).
        match (w, self.word(i + 1)) {
            ("this", Some("morning" | "afternoon" | "evening")) => {
                return Some((Expr::DaysFromReference(0), i + 2));
            }
            ("last", Some("night" | "evening")) => {
                return Some((Expr::DaysFromReference(-1), i + 2));
            }
            _ => {}
        }
        // "last week", "this month", "next year", "earlier this month", "later this year".
        let (shift, n) = match w {
            "last" | "past" | "previous" => (-1, i + 1),
            "next" | "coming" => (1, i + 1),
            "this" | "current" => (0, i + 1),
            "earlier" | "later" if self.word(i + 1) == Some("this") => (0, i + 2),
            _ => (i64::MIN, i),
        };
        if shift != i64::MIN {
            let g = match self.word(n) {
                Some("week") => Granularity::Week,
                Some("month") => Granularity::Month,
                Some("year") => Granularity::Year,
                _ => return None,
            };
            return Some((Expr::PeriodFromReference(g, shift), n + 1));
        }
        // "three days ago", "2 weeks ago", "two days later", "in three days", "six months
        // ago", "a year ago".
        let (count, n) = if let Some((v, false)) = self.number(i) {
            (i64::from(v), i + 1)
        } else if matches!(w, "a" | "an") {
            (1, i + 1)
        } else {
            (small_number(w)?, i + 1)
        };
        enum Step {
            Days(i64),
            Period(Granularity),
        }
        let step = match self.word(n) {
            Some("day" | "days") => Step::Days(1),
            Some("week" | "weeks") => Step::Days(7),
            Some("month" | "months") => Step::Period(Granularity::Month),
            Some("year" | "years") => Step::Period(Granularity::Year),
            _ => return None,
        };
        match (self.word(n + 1), step) {
            (Some("ago"), Step::Days(per)) => Some((Expr::DaysFromReference(-count * per), n + 2)),
            (Some("ago"), Step::Period(g)) => Some((Expr::PeriodFromReference(g, -count), n + 2)),
            // "five months after": months and years between two events stay durations.
            (Some("later" | "earlier" | "before" | "after"), Step::Days(_)) => {
                Some((Expr::FromEvent, n + 2))
            }
            _ => None,
        }
    }
}

/// Every date phrase in `text`, in order, non-overlapping, longest first.
pub fn find(text: &str) -> Vec<DateMention> {
    let tokens = tokenize(text);
    let scan = Scan {
        text,
        tokens: &tokens,
    };
    let mut out: Vec<DateMention> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some((mut expr, mut end)) = scan.at(i) else {
            i += 1;
            continue;
        };
        let mut start = i;
        let mut stated_weekday = None;
        // "Sunday, Feb. 3, 2025": the weekday and the date are one phrase.
        if let Expr::Weekday {
            weekday,
            shift: None,
        } = expr
        {
            let comma = usize::from(scan.punct(end, ","));
            if let Some((e @ Expr::Day { .. }, e_end)) = scan.absolute(end + comma) {
                stated_weekday = Some(weekday);
                expr = e;
                end = e_end;
            }
        }
        // Qualifiers that keep the period: "early July", "mid-March", "late 2019".
        if let Some(prev) = start.checked_sub(1)
            && matches!(scan.word(prev), Some("early" | "mid" | "late" | "end"))
            && matches!(
                expr,
                Expr::Month { .. } | Expr::Year(_) | Expr::Weekday { .. }
            )
        {
            start = prev;
        } else if let Some(prev) = start.checked_sub(2)
            && scan.word(prev) == Some("mid")
            && scan.punct(prev + 1, "-")
        {
            start = prev;
        }
        // "the month of July": the month alone.
        if matches!(expr, Expr::Month { .. })
            && let Some(prev) = start.checked_sub(2)
            && scan.word(prev) == Some("month")
            && scan.word(prev + 1) == Some("of")
        {
            start = prev;
            if let Some(the) = prev.checked_sub(1)
                && scan.word(the) == Some("the")
            {
                start = the;
            }
        }
        // "Monday morning", "late Monday evening".
        if matches!(expr, Expr::Weekday { .. } | Expr::DaysFromReference(_))
            && matches!(
                scan.word(end),
                Some("morning" | "afternoon" | "evening" | "night")
            )
        {
            end += 1;
        }
        let span = scan.span(start, end);
        if span.end > span.start && text.get(span.start..span.end).is_some() {
            out.push(DateMention {
                span,
                expr,
                stated_weekday,
            });
        }
        i = end.max(i + 1);
    }
    out.extend(years(&scan, &out));
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

/// Bare years: "in 2013", "since 2019", "a 2017 memorandum", "2019's election".
fn years(scan: &Scan<'_, '_>, taken: &[DateMention]) -> Vec<DateMention> {
    let mut out = Vec::new();
    for (i, t) in scan.tokens.iter().enumerate() {
        let Some((year, _)) = scan.year(i) else {
            continue;
        };
        if !(1800..=2100).contains(&year)
            || taken
                .iter()
                .any(|m| m.span.start <= t.start && t.end <= m.span.end)
        {
            continue;
        }
        // Part of a larger number ("2,013", "2013.5") or of an identifier.
        let before = scan.text.get(..t.start).unwrap_or("");
        let after = scan.text.get(t.end..).unwrap_or("");
        if before.ends_with([',', '.', '$', '-', '/', '#'])
            || after.starts_with(|c: char| c == '%' || c == '-' || c.is_alphanumeric())
            || (after.starts_with([',', '.'])
                && after[1..].starts_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        let prev = i.checked_sub(1).and_then(|p| scan.word(p));
        let next = scan.word(i + 1);
        let time_word = prev.is_some_and(|w| TIME_PREPOSITIONS.contains(&w) || w == "year");
        let determiner = prev
            .is_some_and(|w| matches!(w, "a" | "the" | "its" | "his" | "her" | "their" | "our"))
            && next.is_some_and(|w| w.chars().all(|c| c.is_lowercase()));
        let possessive = after.starts_with("'s") || after.starts_with("’s");
        if !(time_word || determiner || possessive) {
            continue;
        }
        let mut start = i;
        if let Some(p) = i.checked_sub(1)
            && matches!(scan.word(p), Some("early" | "mid" | "late"))
        {
            start = p;
        } else if let Some(p) = i.checked_sub(2)
            && scan.word(p) == Some("mid")
            && scan.punct(p + 1, "-")
        {
            start = p;
        }
        out.push(DateMention {
            span: scan.span(start, i + 1),
            expr: Expr::Year(year),
            stated_weekday: None,
        });
    }
    out
}

/// Words that put a sentence in the future.
const FUTURE_MARKERS: &[&str] = &[
    "will",
    "shall",
    "ll",
    "upcoming",
    "scheduled",
    "plans",
    "planned",
    "expected",
    "set",
    "next",
    "tomorrow",
];

/// Past-tense verbs without the -ed ending that news uses most.
const IRREGULAR_PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "met",
    "told",
    "began",
    "took",
    "held",
    "made",
    "went",
    "came",
    "gave",
    "saw",
    "left",
    "led",
    "won",
    "lost",
    "sent",
    "spoke",
    "wrote",
    "became",
    "brought",
    "bought",
    "sold",
    "paid",
    "ran",
    "fell",
    "rose",
    "struck",
    "hit",
    "broke",
    "chose",
    "drove",
    "flew",
    "found",
    "got",
    "knew",
    "put",
    "set",
    "shot",
    "stood",
    "thought",
    "felt",
    "kept",
    "meant",
    "heard",
    "ago",
    "yesterday",
    "last",
];

/// The lean of a sentence: past when it reads as past tense, future when it speaks of
/// what will happen, else nearest.
pub fn lean_of(sentence: &str) -> Lean {
    let mut past = false;
    let mut future = false;
    let mut previous = String::new();
    for (_, _, word) in crate::normalize::text::words(sentence) {
        let w = word.to_lowercase();
        let w = w.rsplit(['\'', '’']).next().unwrap_or(&w).to_owned();
        if FUTURE_MARKERS.contains(&w.as_str())
            && !(w == "set" && previous != "is" && previous != "are")
        {
            future = true;
        }
        if (IRREGULAR_PAST.contains(&w.as_str()) && w != "set")
            || (w.len() > 4
                && w.ends_with("ed")
                && !matches!(previous.as_str(), "be" | "is" | "are" | "will"))
        {
            past = true;
        }
        previous = w;
    }
    match (past, future) {
        (_, true) => Lean::Future,
        (true, false) => Lean::Past,
        (false, false) => Lean::Nearest,
    }
}

#[cfg(test)]
mod tests {
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
}
