//! The `[boilerplate]` line patterns, compiled only when a line could match them.
//!
//! Owns how `drop-lines` and `truncate-at` are matched; not what they are (rules.toml) nor
//! what a match does to a line (`ingest::boilerplate`). Why it exists: compiled together at
//! start-up the built-in patterns took about a fifth of start-up (`.{0,120}` and `\w` in
//! Unicode mode make large automata), yet almost no line of an article starts like
//! boilerplate. Each pattern that must match at the start of the line (`^`, optionally
//! `\s*`) gets the set of literal prefixes every match starts with (the regex crate's own
//! literal extraction, so the test is a necessary condition); the pattern is compiled the
//! first time a line passes that test. A pattern without such prefixes is compiled the
//! first time any line is tested.
//!
//! Only patterns known to compile are handled lazily (the built-in ones, checked by a unit
//! test); a list with a user's pattern in it is compiled up front as one set, so that a
//! list too large to compile is an error at start-up, as before.

use std::sync::{Arc, OnceLock};

use regex::{Regex, RegexSet};
use regex_syntax::hir::{
    Class, Hir, HirKind, Look,
    literal::{ExtractKind, Extractor},
};

/// A list of line patterns: does any of them match a line? Clones share what has been
/// compiled.
#[derive(Debug, Clone)]
pub struct LineSet {
    inner: Arc<Inner>,
}

#[derive(Debug)]
enum Inner {
    Eager(RegexSet),
    Lazy(Vec<LinePattern>),
}

#[derive(Debug)]
struct LinePattern {
    source: String,
    starts: Option<Starts>,
    regex: OnceLock<Regex>,
}

/// What every match of an anchored pattern starts with: characters of `skip` (any number,
/// possibly none), then one of `literals` (compared ignoring ASCII case: a superset).
#[derive(Debug)]
struct Starts {
    skip: Vec<(char, char)>,
    literals: Vec<Vec<u8>>,
}

impl LineSet {
    /// The patterns compiled now, as one set.
    pub(crate) fn eager(set: RegexSet) -> Self {
        Self {
            inner: Arc::new(Inner::Eager(set)),
        }
    }

    /// Patterns known to compile (within `size_limit`), each compiled when a line first
    /// could match it.
    pub(crate) fn lazy(patterns: &[String]) -> Self {
        Self {
            inner: Arc::new(Inner::Lazy(
                patterns
                    .iter()
                    .map(|p| LinePattern {
                        source: p.clone(),
                        starts: starts_of(p),
                        regex: OnceLock::new(),
                    })
                    .collect(),
            )),
        }
    }

    /// Whether any pattern matches `line`.
    pub fn is_match(&self, line: &str) -> bool {
        match &*self.inner {
            Inner::Eager(set) => set.is_match(line),
            Inner::Lazy(patterns) => patterns.iter().any(|p| p.is_match(line)),
        }
    }

    /// How many patterns the list has.
    pub fn len(&self) -> usize {
        match &*self.inner {
            Inner::Eager(set) => set.len(),
            Inner::Lazy(patterns) => patterns.len(),
        }
    }

    /// Whether the list has no pattern.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl LinePattern {
    fn is_match(&self, line: &str) -> bool {
        if let Some(starts) = &self.starts
            && !starts.could_match(line)
        {
            return false;
        }
        self.regex
            .get_or_init(|| {
                regex::RegexBuilder::new(&self.source)
                    .size_limit(super::matchers::PATTERN_SIZE_LIMIT)
                    .build()
                    .expect(
                        "lazy line patterns are the built-in ones, each compiled by a unit test",
                    )
            })
            .is_match(line)
    }
}

impl Starts {
    fn could_match(&self, line: &str) -> bool {
        let in_skip = |c: char| {
            self.skip
                .binary_search_by(|&(lo, hi)| {
                    if hi < c {
                        std::cmp::Ordering::Less
                    } else if lo > c {
                        std::cmp::Ordering::Greater
                    } else {
                        std::cmp::Ordering::Equal
                    }
                })
                .is_ok()
        };
        let bytes = line.as_bytes();
        let starts_here = |at: usize| {
            self.literals.iter().any(|lit| {
                bytes
                    .get(at..at + lit.len())
                    .is_some_and(|b| b.eq_ignore_ascii_case(lit))
            })
        };
        let mut at = 0;
        for c in line.chars() {
            if starts_here(at) {
                return true;
            }
            if !in_skip(c) {
                return false;
            }
            at += c.len_utf8();
        }
        starts_here(at)
    }
}

/// The literal prefixes of an anchored pattern, if it is one and they are finite.
fn starts_of(pattern: &str) -> Option<Starts> {
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    let HirKind::Concat(parts) = hir.kind() else {
        return None;
    };
    let (first, mut rest) = parts.split_first()?;
    if !matches!(first.kind(), HirKind::Look(Look::Start)) {
        return None;
    }
    let mut skip = Vec::new();
    if let Some((next, after)) = rest.split_first()
        && let HirKind::Repetition(r) = next.kind()
        && r.min == 0
        && r.max.is_none()
        && let HirKind::Class(Class::Unicode(class)) = r.sub.kind()
    {
        skip = class
            .ranges()
            .iter()
            .map(|r| (r.start(), r.end()))
            .collect();
        rest = after;
    }
    let seq = Extractor::new()
        .kind(ExtractKind::Prefix)
        .extract(&Hir::concat(rest.to_vec()));
    let literals = seq.literals()?;
    let mut folded: Vec<Vec<u8>> = literals
        .iter()
        .map(|l| l.as_bytes().to_ascii_lowercase())
        .collect();
    folded.sort();
    folded.dedup();
    // A literal that is a longer copy of another adds nothing to the test.
    let mut kept: Vec<Vec<u8>> = Vec::new();
    for lit in folded {
        if !kept.iter().any(|k| lit.starts_with(k)) {
            kept.push(lit);
        }
    }
    Some(Starts {
        skip,
        literals: kept,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_anchored_pattern_gets_its_prefixes() {
        let starts = starts_of(r"(?i)^\s*(share|print)( this)?\s*$").expect("anchored");
        assert!(starts.could_match("  Share this"));
        assert!(starts.could_match("PRINT"));
        assert!(!starts.could_match("The council shared its plan."));
    }

    #[test]
    fn an_unanchored_pattern_has_no_prefix_test() {
        assert!(starts_of(r"Related:").is_none());
    }

    #[test]
    fn the_lazy_set_matches_what_the_compiled_set_matches() {
        let patterns: Vec<String> = [
            r"^\s*(ADVERTISEMENT|Advertisement)\s*$",
            r"(?i)^\s*(share|tweet|email)( this( article| story)?)?( on \w+)?\s*$",
            r"(?i)^\s*(updated)?\s*[·•|]?\s*\d+\s*min(ute)?s? read\s*$",
            r"^\s*pic\.twitter\.com/\S+\s*$",
            r"sponsored",
        ]
        .map(String::from)
        .to_vec();
        let lazy = LineSet::lazy(&patterns);
        let set = RegexSet::new(&patterns).expect("patterns compile");
        for line in [
            "Advertisement",
            "  advertisement",
            "\u{a0}Share this story on Facebook",
            "ſhare",
            "Email",
            "3 min read",
            "· 5 minutes read",
            "pic.twitter.com/abc",
            "A sponsored post",
            "The council voted 7-2.",
            "",
        ] {
            assert_eq!(lazy.is_match(line), set.is_match(line), "{line:?}");
        }
    }
}
