//! Numbers written in digits and in words.
//!
//! This module owns turning surface text into numeric values with exact byte
//! spans: digit runs (`1,700`, `2.7`, `-5`, `1/2`, `½`), digits with a scale
//! (`3 million`, `$1.5bn`, `10k`) and spelled-out numbers (`forty-three`,
//! `two and a half million`, `a dozen`, `two thirds`). It deliberately does
//! not decide what a number *means*: years, phone numbers, percentages and
//! currencies are the caller's business, so `$` and `%` are left outside the
//! span. Ordinals (`21st`, `twenty-first`), clock times (`4:59`) and digits
//! that belong to identifiers (`MS-13`, `B2`, `COVID-19`) yield nothing,
//! because returning their digits would invent quantities that the article
//! never stated.
//!
//! The scanner is a single forward pass over bytes with no regex and no
//! allocation per character; it never indexes text by unchecked arithmetic so
//! arbitrary UTF-8 cannot make it panic.

mod digits;
mod phrase;
#[cfg(test)]
mod tests;
mod words;

use self::words::*;

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberForm {
    /// Only digits and punctuation: `43`, `1,700`, `2.7`, `1/2`.
    Digits,
    /// Only number words: `forty-three`, `a dozen`.
    Words,
    /// Digits with a scale word or suffix: `2.7 million`, `3 million`, `1.5bn`.
    Mixed,
}

/// One number found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberToken {
    /// UTF-8 byte offset of the first byte of the number in the scanned text.
    pub start: usize,
    /// UTF-8 byte offset just past the number (exclusive).
    pub end: usize,
    /// Numeric value, with scales and signs applied.
    pub value: f64,
    /// Whether the number was written in digits, words or both.
    pub form: NumberForm,
    /// `1,700` style thousands separators were present.
    pub has_separator: bool,
    /// The number had a decimal point or a fraction.
    pub is_decimal: bool,
}

/// All numbers in `text`, in order, non-overlapping, longest match.
pub fn scan(text: &str) -> Vec<NumberToken> {
    scan_with_units(text, &|_| false)
}

/// Like `scan`, but digits glued to a unit ("200lbs", "7.62mm", "10kph") are kept: the
/// number ends where the letters begin and the caller reads the unit. `is_unit` is asked
/// about the glued run (lower case). A glued "m" is a unit (metres) when `is_unit` says so,
/// unless a currency sign comes before the number ("$100m" is 100 million).
pub fn scan_with_units(text: &str, is_unit: &dyn Fn(&str) -> bool) -> Vec<NumberToken> {
    scan_with_codes(text, is_unit, &|_| false)
}

/// Like `scan_with_units`, and digits glued after a code ("USD115", "Rs20") are kept too
/// when `is_code` (asked about the letters, lower case) says the letters are a unit code
/// written before a number; the caller reads the code.
pub fn scan_with_codes(
    text: &str,
    is_unit: &dyn Fn(&str) -> bool,
    is_code: &dyn Fn(&str) -> bool,
) -> Vec<NumberToken> {
    let mut s = Scanner {
        text,
        b: text.as_bytes(),
        out: Vec::new(),
        buf: String::new(),
        is_unit,
        is_code,
    };
    s.run();
    s.out
}

/// Value of a whole phrase of number words ("forty-three", "one hundred and
/// twenty", "a dozen", "two and a half", "3 million"); `None` if the phrase is
/// not entirely a number.
pub fn parse_words(phrase: &str) -> Option<f64> {
    let t = phrase.trim();
    if t.is_empty() {
        return None;
    }
    match scan(t).as_slice() {
        [one] if one.start == 0 && one.end == t.len() => Some(one.value),
        _ => None,
    }
}

struct Scanner<'a> {
    text: &'a str,
    b: &'a [u8],
    out: Vec<NumberToken>,
    /// Reused buffer for parsing digit strings without separators.
    buf: String,
    /// Whether a glued letter run is a unit the caller reads.
    is_unit: &'a dyn Fn(&str) -> bool,
    is_code: &'a dyn Fn(&str) -> bool,
}

/// A number as a reader writes it: thousands separators, no needless decimals.
pub fn format_number(x: f64) -> String {
    if x.fract().abs() < 1e-9 && x.abs() < 1e15 {
        let digits = format!("{}", x.abs().round() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if x < 0.0 { format!("-{out}") } else { out }
    } else {
        let s = format!("{x:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}
