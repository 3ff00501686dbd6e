//! Word-list matchers read from tables instead of compiled alternations.
//!
//! Owns how the unit aliases, the qualifier phrases and the unit symbols are found next to a
//! number; not what they mean (the `Matchers` look-ups in `settings.rs` do that). Why it
//! exists: as case-insensitive regex alternations these lists took about half of start-up
//! to compile (the Unicode case folding of every letter, and the `[^\p{L}\p{N}]` class in
//! three of them), and every article with a number needs them.
//!
//! Each matcher gives exactly the span of group 1 of the pattern it replaces (kept in
//! `settings.rs` for layers the tables cannot represent, and compared against the tables
//! in the tests below):
//! - `UnitTable`: `(?i)^(?:[ \t\u{a0}]|-)?(ALIASES)(?:[^\p{L}\p{N}]|$)`, the aliases
//!   sorted longest first, words joined by `\s+`;
//! - `QualifierTable`: `(?i)(?:^|[^\p{L}\p{N}])(PHRASES)\s*$`;
//! - `SymbolTable`: `(?i)(?:^|[^\p{L}\p{N}])(SYMBOLS)\s?$` for symbols that start with a
//!   letter, `(SYMBOLS)\s?$` for signs, a symbol's characters with `\s?` before a
//!   non-letter that follows two letters or more.
//!
//! Case-insensitive means the regex crate's Unicode simple case folding: two characters
//! match when they fold to the same orbit (`s`, `S` and `ſ`; `k`, `K` and the Kelvin sign),
//! so words are keyed by the smallest character of each orbit.

use std::{
    collections::{HashMap, HashSet},
    ops::Range,
    sync::OnceLock,
};

use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, HirKind};

/// The smallest character that `c` matches case-insensitively (itself included): two
/// characters match each other under `(?i)` exactly when their keys are equal.
fn fold(c: char) -> char {
    if c.is_ascii() {
        // The orbit of an ASCII letter holds its upper case, its lower case and at most
        // one character above ASCII; the upper case is the smallest.
        return c.to_ascii_uppercase();
    }
    let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
    class.case_fold_simple();
    class.ranges().first().map_or(c, ClassUnicodeRange::start)
}

/// Whether `c` is in `[\p{L}\p{N}]` under `(?i)`: it or a character of its case orbit is a
/// letter or a number.
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    static LETTERS_AND_NUMBERS: OnceLock<Vec<(char, char)>> = OnceLock::new();
    let table = LETTERS_AND_NUMBERS.get_or_init(|| {
        let hir = regex_syntax::Parser::new()
            .parse(r"[\p{L}\p{N}]")
            .expect("a static class parses");
        match hir.kind() {
            HirKind::Class(Class::Unicode(class)) => class
                .ranges()
                .iter()
                .map(|r| (r.start(), r.end()))
                .collect(),
            _ => unreachable!("a bracketed Unicode class parses to a Unicode class"),
        }
    });
    let mut orbit = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
    orbit.case_fold_simple();
    orbit.iter().any(|r| {
        (r.start()..=r.end()).any(|x| {
            table
                .binary_search_by(|&(lo, hi)| {
                    if hi < x {
                        std::cmp::Ordering::Less
                    } else if lo > x {
                        std::cmp::Ordering::Greater
                    } else {
                        std::cmp::Ordering::Equal
                    }
                })
                .is_ok()
        })
    })
}

/// A phrase's folded key: words folded character by character, joined by one space.
fn key_of(phrase: &str) -> String {
    phrase
        .split(' ')
        .map(|w| w.chars().map(fold).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether every phrase has words the tables can hold: at least one, none empty (a
/// normalized phrase has no other whitespace). An empty phrase matches the empty string,
/// which only the regex follows.
/// An empty list is an empty alternation, which matches the empty string too.
pub(crate) fn representable(phrases: &[&str]) -> bool {
    !phrases.is_empty() && phrases.iter().all(|p| p.split(' ').all(|w| !w.is_empty()))
}

/// Length in bytes of the maximal run of non-whitespace at the start of `s`.
fn run_len(s: &str) -> usize {
    s.find(char::is_whitespace).unwrap_or(s.len())
}

/// Unit aliases after a number.
#[derive(Debug)]
pub(crate) struct UnitTable {
    /// Folded alias -> its rank in the alternation (lower wins).
    rank: HashMap<String, usize>,
    /// Folded leading words (whole words, one space apart) of aliases with more words.
    leading: HashSet<String>,
    max_words: usize,
}

impl UnitTable {
    /// `aliases` in alternation order (longest first), normalized (lower case, one space
    /// between words) and [`representable`].
    pub(crate) fn new(aliases: &[&str]) -> Self {
        let mut rank = HashMap::new();
        let mut leading = HashSet::new();
        let mut max_words = 0;
        for (i, alias) in aliases.iter().enumerate() {
            let key = key_of(alias);
            let words: Vec<&str> = key.split(' ').collect();
            max_words = max_words.max(words.len());
            for n in 1..words.len() {
                leading.insert(words[..n].join(" "));
            }
            rank.entry(key).or_insert(i);
        }
        Self {
            rank,
            leading,
            max_words,
        }
    }

    /// The span of the alias that starts `rest` after an optional space, tab, no-break
    /// space or hyphen, and ends at a non-word character or the end.
    pub(crate) fn find(&self, rest: &str) -> Option<Range<usize>> {
        let skip = rest
            .chars()
            .next()
            .filter(|c| matches!(c, ' ' | '\t' | '\u{a0}' | '-'))
            .map(char::len_utf8);
        if let Some(p) = skip
            && let Some(end) = self.best_at(rest, p)
        {
            return Some(p..end);
        }
        self.best_at(rest, 0).map(|end| 0..end)
    }

    /// The end of the highest-ranked alias starting at `at`.
    fn best_at(&self, text: &str, at: usize) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        let mut key = String::new();
        let mut pos = at;
        for word in 0..self.max_words {
            let Some(rest) = text.get(pos..) else {
                break;
            };
            let len = run_len(rest);
            if len == 0 {
                break;
            }
            let chunk = &rest[..len];
            let mut chars = chunk.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                key.push(fold(c));
                // The alias may end here: at the end of the word or before a non-word
                // character.
                let ends = chars.peek().is_none_or(|&(_, next)| !is_word(next));
                if ends
                    && let Some(&r) = self.rank.get(&key)
                    && best.is_none_or(|(b, _)| r < b)
                {
                    best = Some((r, pos + i + c.len_utf8()));
                }
            }
            if word + 1 == self.max_words || !self.leading.contains(&key) {
                break;
            }
            key.push(' ');
            let after = &rest[len..];
            pos += len + (after.len() - after.trim_start().len());
        }
        best.map(|(_, end)| end)
    }
}

/// Qualifier phrases before a number.
#[derive(Debug)]
pub(crate) struct QualifierTable {
    phrases: HashSet<String>,
    /// Folded trailing words (whole words, one space apart) of phrases with more words.
    trailing: HashSet<String>,
    max_words: usize,
}

impl QualifierTable {
    /// `phrases` normalized and [`representable`].
    pub(crate) fn new(phrases: &[&str]) -> Self {
        let mut keys = HashSet::new();
        let mut trailing = HashSet::new();
        let mut max_words = 0;
        for phrase in phrases {
            let key = key_of(phrase);
            let words: Vec<&str> = key.split(' ').collect();
            max_words = max_words.max(words.len());
            for n in 1..words.len() {
                trailing.insert(words[words.len() - n..].join(" "));
            }
            keys.insert(key);
        }
        Self {
            phrases: keys,
            trailing,
            max_words,
        }
    }

    /// The span of the phrase that ends `text` (whitespace after it allowed) and starts
    /// at the start or after a non-word character; the leftmost such span.
    pub(crate) fn find(&self, text: &str) -> Option<Range<usize>> {
        let end = text.trim_end().len();
        // Whole words from the end, folded, nearest first.
        let mut tail: Vec<String> = Vec::new();
        let mut chunk_end = end;
        let mut found = None;
        for _ in 0..self.max_words {
            let before = &text[..chunk_end];
            let chunk_start = before.rfind(char::is_whitespace).map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
            if chunk_start == chunk_end {
                break;
            }
            let suffix: String = tail
                .iter()
                .rev()
                .map(|w| format!(" {w}"))
                .collect::<String>();
            // The first word of the phrase is a tail of this chunk that starts at the
            // chunk or after a non-word character: the leftmost one that is a phrase.
            let chunk = &text[chunk_start..chunk_end];
            let mut prev: Option<char> = None;
            for (i, c) in chunk.char_indices() {
                if prev.is_none_or(|p| !is_word(p)) {
                    let key: String = chunk[i..].chars().map(fold).collect::<String>() + &suffix;
                    if self.phrases.contains(&key) {
                        found = Some(chunk_start + i..end);
                        break;
                    }
                }
                prev = Some(c);
            }
            let whole: String = chunk.chars().map(fold).collect::<String>() + &suffix;
            if !self.trailing.contains(&whole) {
                break;
            }
            tail.push(chunk.chars().map(fold).collect());
            chunk_end = text[..chunk_start].trim_end().len();
        }
        found
    }
}

/// A span of group 1 of a word-list pattern, in the haystack it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<'h> {
    haystack: &'h str,
    range: Range<usize>,
}

impl<'h> Found<'h> {
    /// The matched text.
    pub fn as_str(&self) -> &'h str {
        &self.haystack[self.range.clone()]
    }

    /// Byte offset of the start in the haystack.
    pub fn start(&self) -> usize {
        self.range.start
    }

    /// Byte offset just past the end in the haystack.
    pub fn end(&self) -> usize {
        self.range.end
    }
}

/// Something that finds the group-1 span of a word-list pattern.
pub(crate) trait FindSpan {
    fn find_span(&self, text: &str) -> Option<Range<usize>>;
}

impl FindSpan for UnitTable {
    fn find_span(&self, text: &str) -> Option<Range<usize>> {
        self.find(text)
    }
}

impl FindSpan for QualifierTable {
    fn find_span(&self, text: &str) -> Option<Range<usize>> {
        self.find(text)
    }
}

impl FindSpan for SymbolTable {
    fn find_span(&self, text: &str) -> Option<Range<usize>> {
        self.find(text)
    }
}

/// A table, or (for a list the table cannot hold) the compiled patterns, tried in order.
#[derive(Debug)]
pub(crate) enum Finder<T> {
    Table(T),
    Patterns(Vec<regex::Regex>),
}

impl<T: FindSpan> Finder<T> {
    /// Group 1 of the first pattern that matches `text`.
    pub(crate) fn find<'h>(&self, text: &'h str) -> Option<Found<'h>> {
        let range = match self {
            Finder::Table(t) => t.find_span(text),
            Finder::Patterns(list) => list
                .iter()
                .find_map(|r| r.captures(text).and_then(|c| c.get(1)).map(|m| m.range())),
        }?;
        Some(Found {
            haystack: text,
            range,
        })
    }
}

/// One element of a symbol: a character, or an optional whitespace character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SymbolPart {
    Char(char),
    OptionalSpace,
}

/// Unit symbols before a number: those starting with a letter (case-insensitive, at the
/// start or after a non-word character) are tried first, then signs (exact).
#[derive(Debug)]
pub(crate) struct SymbolTable {
    word_symbols: Vec<Vec<SymbolPart>>,
    signs: Vec<Vec<SymbolPart>>,
}

impl SymbolTable {
    /// `symbols` as written in the rules (both kinds; none empty after trimming).
    pub(crate) fn new(symbols: &[&str]) -> Self {
        let parts = |s: &str, case_insensitive: bool| -> Vec<SymbolPart> {
            let mut out = Vec::new();
            let mut letters = 0;
            for c in s.trim_end().chars() {
                if letters >= 2 && !c.is_alphabetic() {
                    out.push(SymbolPart::OptionalSpace);
                }
                letters = if c.is_alphabetic() { letters + 1 } else { 0 };
                out.push(SymbolPart::Char(if case_insensitive { fold(c) } else { c }));
            }
            out
        };
        Self {
            word_symbols: symbols
                .iter()
                .filter(|s| s.starts_with(char::is_alphabetic))
                .map(|s| parts(s, true))
                .collect(),
            signs: symbols
                .iter()
                .filter(|s| !s.starts_with(char::is_alphabetic))
                .map(|s| parts(s, false))
                .collect(),
        }
    }

    /// Whether both kinds of symbol are present and every symbol keeps at least one
    /// character after trimming (an empty alternation matches the empty string).
    pub(crate) fn representable(symbols: &[&str]) -> bool {
        symbols.iter().any(|s| s.starts_with(char::is_alphabetic))
            && symbols.iter().any(|s| !s.starts_with(char::is_alphabetic))
            && symbols.iter().all(|s| !s.trim_end().is_empty())
    }

    /// The span of the symbol that ends `text` (one whitespace character after it
    /// allowed): a word symbol if one matches, else a sign; the leftmost span.
    pub(crate) fn find(&self, text: &str) -> Option<Range<usize>> {
        let end = match text.chars().next_back() {
            Some(c) if c.is_whitespace() => text.len() - c.len_utf8(),
            _ => text.len(),
        };
        let head = &text[..end];
        let leftmost = |symbols: &[Vec<SymbolPart>], case_insensitive: bool| {
            symbols
                .iter()
                .flat_map(|parts| starts(head, parts, case_insensitive))
                .filter(|&g| {
                    !case_insensitive || text[..g].chars().next_back().is_none_or(|p| !is_word(p))
                })
                .min()
        };
        leftmost(&self.word_symbols, true)
            .or_else(|| leftmost(&self.signs, false))
            .map(|g| g..end)
    }
}

/// Every start position `g` such that `head[g..]` matches `parts` exactly.
fn starts(head: &str, parts: &[SymbolPart], case_insensitive: bool) -> Vec<usize> {
    let mut at = vec![head.len()];
    for part in parts.iter().rev() {
        let mut next = Vec::with_capacity(at.len() + 1);
        for &pos in &at {
            let prev = head[..pos].chars().next_back();
            match *part {
                SymbolPart::Char(want) => {
                    if let Some(p) = prev
                        && (if case_insensitive { fold(p) } else { p }) == want
                    {
                        next.push(pos - p.len_utf8());
                    }
                }
                SymbolPart::OptionalSpace => {
                    next.push(pos);
                    if let Some(p) = prev
                        && p.is_whitespace()
                    {
                        next.push(pos - p.len_utf8());
                    }
                }
            }
        }
        next.sort_unstable();
        next.dedup();
        if next.is_empty() {
            return next;
        }
        at = next;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_keys_match_the_regex_crates_case_insensitivity() {
        let pairs = [
            ('s', 'ſ'),
            ('k', '\u{212A}'),
            ('µ', 'Μ'),
            ('σ', 'ς'),
            ('é', 'É'),
        ];
        for (a, b) in pairs {
            assert_eq!(fold(a), fold(b), "{a} {b}");
        }
        assert_ne!(fold('i'), fold('İ'));
    }

    #[test]
    fn word_characters_include_those_that_fold_to_letters() {
        assert!(is_word('é'));
        assert!(is_word('٣'));
        assert!(is_word('\u{345}'), "folds to iota under (?i)");
        assert!(!is_word('—'));
        assert!(!is_word('’'));
    }
}
