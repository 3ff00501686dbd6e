//! A list pattern with a cheap necessary condition in front of it.
//!
//! Owns the speed of the vague-amount matcher only: what it matches is exactly what the
//! compiled regex matches. Why it exists: the list patterns use Unicode word boundaries
//! (`\b`), which the regex crate's fast engines cannot follow past a non-ASCII character
//! (curly quotes, dashes: most news sentences), so every sentence fell back to the slow
//! backtracking engine (about 8% of `extract` time). A sentence that contains none of the
//! words the phrases require cannot match and skips the regex altogether.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use regex::{Match, Regex};

/// Characters outside ASCII that match an ASCII letter case-insensitively in the regex
/// crate's Unicode simple case folding (LATIN SMALL LETTER LONG S ~ `s`, KELVIN SIGN ~
/// `k`). A haystack holding one of them goes straight to the regex.
const FOLDS_TO_ASCII: [char; 2] = ['\u{17F}', '\u{212A}'];

/// A compiled case-insensitive phrase list and, when every phrase has an ASCII word, an
/// automaton of one required word per phrase.
#[derive(Debug)]
pub struct PrefilteredList {
    /// Compiled now, or (built-in lists, known to compile) the first time a haystack
    /// passes the prefilter.
    regex: OnceLock<Regex>,
    pattern: String,
    required: Option<AhoCorasick>,
}

impl PrefilteredList {
    /// `regex` must match only text that contains, in any ASCII case, the longest word of
    /// one of `phrases` (true of a case-insensitive alternation of the phrases with
    /// anything around them). Phrases with a non-ASCII word turn the prefilter off.
    pub(crate) fn new(regex: Regex, phrases: &[&str]) -> Self {
        let pattern = regex.as_str().to_owned();
        Self::with(OnceLock::from(regex), pattern, phrases)
    }

    /// As [`PrefilteredList::new`], compiling `pattern` on first use: only for patterns
    /// known to compile (the built-in lists, compiled by a unit test).
    pub(crate) fn lazy(pattern: String, phrases: &[&str]) -> Self {
        Self::with(OnceLock::new(), pattern, phrases)
    }

    fn with(regex: OnceLock<Regex>, pattern: String, phrases: &[&str]) -> Self {
        let mut words: Vec<&str> = Vec::with_capacity(phrases.len());
        for phrase in phrases {
            let longest = phrase
                .split(|c: char| c.is_whitespace())
                .filter(|w| !w.is_empty())
                .max_by_key(|w| w.len());
            match longest {
                Some(w) if w.is_ascii() => words.push(w),
                _ => return Self::plain(regex, pattern),
            }
        }
        if words.is_empty() {
            return Self::plain(regex, pattern);
        }
        let required = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&words)
            .ok();
        Self {
            regex,
            pattern,
            required,
        }
    }

    fn plain(regex: OnceLock<Regex>, pattern: String) -> Self {
        Self {
            regex,
            pattern,
            required: None,
        }
    }

    /// Whether the regex can match `haystack` at all (false only when it cannot).
    fn could_match(&self, haystack: &str) -> bool {
        match &self.required {
            None => true,
            Some(words) => words.is_match(haystack) || haystack.contains(FOLDS_TO_ASCII),
        }
    }

    /// Every match, as `Regex::find_iter` gives them.
    pub fn find_iter<'h>(&'h self, haystack: &'h str) -> impl Iterator<Item = Match<'h>> + 'h {
        self.could_match(haystack)
            .then(|| self.regex().find_iter(haystack))
            .into_iter()
            .flatten()
    }

    /// The compiled pattern itself.
    pub fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            regex::RegexBuilder::new(&self.pattern)
                .size_limit(super::matchers::LIST_SIZE_LIMIT)
                .build()
                .expect("a lazy list is a built-in one, compiled by a unit test")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_long_s_and_kelvin_fold_to_ascii_letters() {
        let letter = Regex::new(r"(?i)[a-z]").expect("static pattern");
        let all: String = ('\u{80}'..=char::MAX).collect();
        let folding: Vec<char> = letter
            .find_iter(&all)
            .filter_map(|m| m.as_str().chars().next())
            .collect();
        assert_eq!(folding, FOLDS_TO_ASCII);
    }

    fn list() -> PrefilteredList {
        let phrases = ["a few", "several", "tens of thousands"];
        let regex =
            Regex::new(r"(?i)\b(?:tens\s+of\s+thousands|several|a\s+few)\b").expect("pattern");
        PrefilteredList::new(regex, &phrases)
    }

    #[test]
    fn the_prefilter_finds_what_the_regex_finds() {
        let l = list();
        for text in [
            "“Several” boats — and A  FEW more",
            "Tens of\nthousands came",
            "ſeveral boats",
            "nothing – here at all",
            "a fewer",
        ] {
            let fast: Vec<_> = l.find_iter(text).map(|m| m.range()).collect();
            let slow: Vec<_> = l.regex().find_iter(text).map(|m| m.range()).collect();
            assert_eq!(fast, slow, "{text}");
        }
    }

    #[test]
    fn a_sentence_without_the_words_skips_the_regex() {
        assert!(!list().could_match("Officials — “not here” — said nothing."));
    }

    #[test]
    fn a_non_ascii_phrase_turns_the_prefilter_off() {
        let regex = Regex::new(r"(?i)\bpeu\s+de\b|\bquelques\b|\bdéjà\b").expect("pattern");
        let l = PrefilteredList::new(regex, &["peu de", "quelques", "déjà"]);
        assert!(l.could_match("DÉJÀ"));
    }
}
