//! Numbers written in digits and in words.
