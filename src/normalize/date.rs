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

mod scan;
#[cfg(test)]
mod tests;

pub use self::scan::find;

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
