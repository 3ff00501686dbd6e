//! Page clutter: advertisement markers, share and sign-up lines, trailing teaser blocks.
//!
//! Patterns come from `[boilerplate]` in rules.toml; this module only applies them.

use crate::{config::Settings, span::Span};

/// A line of the body and whether it is article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    pub span: Span,
    pub is_clutter: bool,
}

/// Classify the lines of `text[body_start..]`.
pub(crate) fn classify(text: &str, body_start: usize, settings: &Settings) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut pos = body_start;
    let mut truncated = false;
    while pos < text.len() {
        let rest = &text[pos..];
        let (len, ending) = match rest.find(['\n', '\r']) {
            Some(i) if rest[i..].starts_with("\r\n") => (i, 2),
            Some(i) => (i, 1),
            None => (rest.len(), 0),
        };
        let span = Span::new(pos, pos + len);
        let line = span.slice(text);
        if !truncated && settings.truncate_at.is_match(line) {
            truncated = true;
        }
        let is_clutter = truncated || settings.drop_lines.is_match(line);
        lines.push(Line { span, is_clutter });
        pos += len + ending;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advertisement_lines_and_teasers_are_clutter() {
        let settings = Settings::builtin();
        let text = "First line.\nADVERTISEMENT\nSecond line.\nLatest Stories\nTeaser one.\n";
        let kinds: Vec<bool> = classify(text, 0, &settings)
            .iter()
            .map(|l| l.is_clutter)
            .collect();
        assert_eq!(kinds, [false, true, false, true, true]);
    }

    #[test]
    fn share_and_signup_lines_are_clutter() {
        let settings = Settings::builtin();
        for line in [
            "Share this article",
            "Sign up for our daily newsletter",
            "Join the conversation as a VIP Member",
            "Related: Another story here",
        ] {
            let lines = classify(line, 0, &settings);
            assert!(lines[0].is_clutter, "{line}");
        }
        let lines = classify("The minister signed up for the talks.", 0, &settings);
        assert!(!lines[0].is_clutter);
    }
}
