//! Canonical forms of what articles say: numbers, units, qualifiers, words.
pub mod number;
