//! Canonical forms of what articles say: numbers, words, quotes.
//!
//! Pure functions only; extractors call them to turn text into comparable values.
pub mod date;
pub mod duration;
pub mod number;
pub mod text;
