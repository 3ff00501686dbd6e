//! Shared word lists for claims: `Term`, one interned word (a stem, an anchor such as
//! `day:monday`), and `TermList`, an immutable list of them that clones for free.
//!
//! A news article states several claims per sentence and every claim carries its
//! sentence's key terms: as owned `String`s they were most of a claim's memory (issue 7:
//! a 200 MB article on one line; issue 8: 50,000 articles in 1.5 GB). Terms are stems
//! truncated to a few characters, so the vocabulary is small: each word is stored once
//! per thread and each list once per sentence. Both serialize exactly as the strings and
//! string lists they replace, so the JSON output does not change.
//!
//! This module only stores words; which words a claim gets is `context`'s business.

use std::{borrow::Borrow, cell::RefCell, collections::HashSet, fmt, ops::Deref, sync::Arc};

use serde::{Serialize, Serializer};

/// One word of a claim's context, shared by every claim and list that uses it.
///
/// Compares, orders and hashes as the string it holds.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Term(Arc<str>);

/// Distinct words one thread keeps for reuse; past this the set starts again (the words
/// already handed out stay valid), so a run over text with an unbounded vocabulary (every
/// word a new name) holds no more than this many spare words per thread.
const MAX_INTERNED: usize = 1 << 16;

thread_local! {
    static INTERNED: RefCell<HashSet<Term>> = RefCell::new(HashSet::new());
}

impl Term {
    /// The shared copy of `word` (made on first use in this thread).
    pub fn intern(word: &str) -> Term {
        INTERNED.with(|set| {
            let mut set = set.borrow_mut();
            if let Some(term) = set.get(word) {
                return term.clone();
            }
            if set.len() >= MAX_INTERNED {
                set.clear();
            }
            let term = Term(Arc::from(word));
            set.insert(term.clone());
            term
        })
    }

    /// The word.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Term {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Term {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Term {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Term {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Term {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl fmt::Debug for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Term {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl From<&str> for Term {
    fn from(word: &str) -> Self {
        Term::intern(word)
    }
}

impl From<String> for Term {
    fn from(word: String) -> Self {
        Term::intern(&word)
    }
}

/// An immutable list of terms; clones share it.
///
/// Reads as a slice (`iter`, `len`, `binary_search`, indexing); compares and serializes
/// as the list of strings it holds. The empty list allocates nothing.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TermList(Option<Arc<[Term]>>);

impl TermList {
    /// The terms as a slice.
    pub fn as_slice(&self) -> &[Term] {
        self.0.as_deref().unwrap_or(&[])
    }
}

impl Deref for TermList {
    type Target = [Term];
    fn deref(&self) -> &[Term] {
        self.as_slice()
    }
}

impl fmt::Debug for TermList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl Serialize for TermList {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.as_slice())
    }
}

impl FromIterator<Term> for TermList {
    fn from_iter<I: IntoIterator<Item = Term>>(iter: I) -> Self {
        let terms: Vec<Term> = iter.into_iter().collect();
        if terms.is_empty() {
            TermList(None)
        } else {
            TermList(Some(Arc::from(terms)))
        }
    }
}

impl<S: AsRef<str>> From<Vec<S>> for TermList {
    fn from(words: Vec<S>) -> Self {
        words.iter().map(|w| Term::intern(w.as_ref())).collect()
    }
}

impl<S: AsRef<str>, const N: usize> From<[S; N]> for TermList {
    fn from(words: [S; N]) -> Self {
        words.iter().map(|w| Term::intern(w.as_ref())).collect()
    }
}

impl<S: AsRef<str>> PartialEq<[S]> for TermList {
    fn eq(&self, other: &[S]) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .zip(other)
                .all(|(t, s)| t.as_str() == s.as_ref())
    }
}

impl<S: AsRef<str>, const N: usize> PartialEq<[S; N]> for TermList {
    fn eq(&self, other: &[S; N]) -> bool {
        *self == other[..]
    }
}

impl<S: AsRef<str>> PartialEq<Vec<S>> for TermList {
    fn eq(&self, other: &Vec<S>) -> bool {
        *self == other[..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_stored_once_per_thread() {
        let (a, b) = (Term::intern("migra"), Term::intern("migra"));
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(a, "migra");
    }

    #[test]
    fn terms_order_as_their_strings() {
        let mut terms = [Term::from("b"), Term::from("ab"), Term::from("a")];
        terms.sort();
        let words: Vec<&str> = terms.iter().map(Term::as_str).collect();
        assert_eq!(words, ["a", "ab", "b"]);
    }

    #[test]
    fn lists_serialize_as_lists_of_strings() {
        let list = TermList::from(["day:monday", "since"]);
        assert_eq!(
            serde_json::to_string(&list).expect("serializes"),
            r#"["day:monday","since"]"#
        );
        assert_eq!(
            serde_json::to_string(&TermList::default()).expect("serializes"),
            "[]"
        );
        assert_eq!(list, ["day:monday", "since"]);
    }

    #[test]
    fn clones_share_the_list() {
        let list = TermList::from(vec!["fire".to_owned()]);
        let copy = list.clone();
        assert!(std::ptr::eq(list.as_slice(), copy.as_slice()));
    }
}
