//! The phrase scanner: words and numbers of a text as tokens, and the date phrases
//! found among them with their spans.

use super::*;

pub(super) const MONTHS: &[(&str, u32)] = &[
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

pub(super) const WEEKDAYS: &[(&str, u32)] = &[
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

pub(super) const SMALL_NUMBERS: &[(&str, i64)] = &[
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

pub(super) const ORDINAL_WORDS: &[(&str, u32)] = &[
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
pub(super) const TIME_PREPOSITIONS: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "during", "before", "after", "of", "through",
    "early", "late", "mid", "last", "next", "this", "on", "to", "between", "and", "or",
];

/// One token: a word (letters), a number (digits, maybe with an ordinal suffix) or a
/// punctuation character.
#[derive(Debug, Clone)]
pub(super) struct Token<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: &'a str,
    /// Lower case; borrowed from the text when it already is (most tokens: no allocation
    /// per token, issue 8).
    pub(super) lower: Cow<'a, str>,
    pub(super) kind: TokenKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TokenKind {
    Word,
    /// Digits; the value and whether an ordinal suffix ("3rd") was attached.
    Number(u32, bool),
    Punct,
}

pub(super) fn tokenize(text: &str) -> Vec<Token<'_>> {
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
pub(super) fn lower_case(text: &str) -> Cow<'_, str> {
    if text
        .bytes()
        .any(|b| !b.is_ascii() || b.is_ascii_uppercase())
    {
        Cow::Owned(text.to_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

pub(super) fn lookup(table: &[(&str, u32)], word: &str) -> Option<u32> {
    table.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

pub(super) fn small_number(word: &str) -> Option<i64> {
    SMALL_NUMBERS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, v)| *v)
}

/// Scanner state over the tokens of one text.
pub(super) struct Scan<'t, 'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'t [Token<'a>],
}

impl<'a> Scan<'_, 'a> {
    pub(super) fn word(&self, i: usize) -> Option<&str> {
        self.tokens
            .get(i)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.lower.as_ref())
    }

    pub(super) fn number(&self, i: usize) -> Option<(u32, bool)> {
        match self.tokens.get(i)?.kind {
            TokenKind::Number(v, o) => Some((v, o)),
            _ => None,
        }
    }

    pub(super) fn punct(&self, i: usize, p: &str) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && t.text == p)
    }

    /// Whether tokens i and i+1 touch (no space between).
    pub(super) fn touching(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// A month name at i; returns (month, index after it, including an abbreviation's period).
    pub(super) fn month(&self, i: usize) -> Option<(u32, usize)> {
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
    /// A day of `month` read up to token `after`, with the year that may follow it ("3,
    /// 2025"), if the day exists in that year (in a leap year when none is written).
    fn day_and_year(&self, month: u32, day: u32, after: usize) -> Option<(Expr, usize)> {
        let comma = usize::from(self.punct(after, ","));
        let (year, after) = match self.year(after + comma) {
            Some((y, n)) => (Some(y), n),
            None => (None, after),
        };
        Civil::new(year.unwrap_or(2000), month, day)
            .is_some()
            .then_some((Expr::Day { year, month, day }, after))
    }

    pub(super) fn day(&self, i: usize) -> Option<(u32, usize)> {
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
    pub(super) fn year(&self, i: usize) -> Option<(i32, usize)> {
        let (v, ordinal) = self.number(i)?;
        let t = self.tokens.get(i)?;
        (!ordinal && t.end - t.start == 4 && (1000..3000).contains(&v)).then_some((v as i32, i + 1))
    }

    /// A weekday at i (with an abbreviation's period).
    pub(super) fn weekday(&self, i: usize) -> Option<(u32, usize)> {
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

    pub(super) fn span(&self, from: usize, to: usize) -> Span {
        let start = self.tokens.get(from).map_or(0, |t| t.start);
        let end = to
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .map_or(start, |t| t.end);
        Span::new(start, end.max(start))
    }

    /// The longest date phrase starting at token i: (expr, index after it).
    pub(super) fn at(&self, i: usize) -> Option<(Expr, usize)> {
        self.absolute(i)
            .or_else(|| self.weekday_phrase(i))
            .or_else(|| self.shifted_month(i))
            .or_else(|| self.relative(i))
    }

    /// "this September", "next March", "last July": a month of the reference year or
    /// of the year before or after it. "last July 4" is a day, read by `absolute`.
    pub(super) fn shifted_month(&self, i: usize) -> Option<(Expr, usize)> {
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

    pub(super) fn absolute(&self, i: usize) -> Option<(Expr, usize)> {
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
                if let Some(found) = self.day_and_year(month, day, n2) {
                    return Some(found);
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
                if let Some(found) = self.day_and_year(month, day, n2) {
                    return Some(found);
                }
            }
        }
        None
    }

    pub(super) fn weekday_phrase(&self, i: usize) -> Option<(Expr, usize)> {
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

    pub(super) fn relative(&self, i: usize) -> Option<(Expr, usize)> {
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
pub(super) fn years(scan: &Scan<'_, '_>, taken: &[DateMention]) -> Vec<DateMention> {
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
