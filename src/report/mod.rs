//! Reporting: findings and claims as miette diagnostics for people and as JSON for
//! machines.
//!
//! Renders into strings; the caller decides where they go. Never decides exit codes.

pub mod coverage;
pub mod diff;
pub mod editor;
pub mod fingerprint;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod location;
pub mod paint;
pub mod sarif;
pub mod terminal;

use crate::{
    extract::Claim,
    ingest::Article,
    reconcile::{Finding, Groups},
    rules::Verdict,
};

/// Everything a report is made from.
#[derive(Debug, Clone, Copy)]
pub struct Analysis<'a> {
    pub articles: &'a [Article],
    pub claims: &'a [Claim],
    pub groups: &'a Groups,
    pub findings: &'a [Finding],
    pub comparisons: usize,
}

/// Findings per verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub agreement: usize,
    pub conflict: usize,
    pub single_source: usize,
}

impl Summary {
    /// Count the findings per verdict.
    pub fn of(findings: &[Finding]) -> Self {
        let mut s = Summary::default();
        for f in findings {
            match f.verdict {
                Verdict::Agreement => s.agreement += 1,
                Verdict::Conflict => s.conflict += 1,
                Verdict::SingleSource => s.single_source += 1,
            }
        }
        s
    }
}

/// Whether printing `c` could move the cursor, recolour the terminal or reorder what
/// follows: control characters (ESC, CSI, backspace, carriage return...) and the
/// bidirectional overrides and isolates. Line feed and tab are layout, not control.
fn is_unsafe_on_terminal(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text safe to print on a terminal: control characters (ANSI escapes and carriage
/// returns included) and bidirectional overrides become `?`, byte for byte, so spans
/// into the text stay valid.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unsafe_on_terminal) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_unsafe_on_terminal(c) {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A file name or other one-line field made safe to print on a terminal and inside a
/// line-based format: like [`terminal_safe`], and tabs and line breaks become `?` too, so
/// a file name cannot forge a record line or a column.
pub fn one_line_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let safe = terminal_safe(text);
    if !safe.contains(['\n', '\t']) {
        return safe;
    }
    std::borrow::Cow::Owned(safe.replace(['\n', '\t'], "?"))
}

/// A whole source text made terminal-safe for a snippet renderer, byte for byte: like
/// `terminal_safe`, except that a line break stays a line break (a CRLF's `\r` becomes a
/// space, a lone `\r` becomes `\n`), so the renderer sees the lines we number.
pub fn terminal_source(text: &std::sync::Arc<str>) -> std::sync::Arc<str> {
    if !text.chars().any(is_unsafe_on_terminal) {
        return text.clone();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => out.push(' '),
            '\r' => out.push('\n'),
            c if is_unsafe_on_terminal(c) => out.extend(std::iter::repeat_n('?', c.len_utf8())),
            c => out.push(c),
        }
    }
    std::sync::Arc::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carriage_returns_and_bidi_overrides_are_neutralised() {
        let text = "ok\rfake\u{202e}cba";
        let safe = terminal_safe(text);
        assert_eq!(safe.len(), text.len());
        assert_eq!(safe, "ok?fake???cba");
    }

    #[test]
    fn a_source_keeps_its_line_breaks() {
        let text: std::sync::Arc<str> = "a\r\nb\rc\u{1b}[2J".into();
        let safe = terminal_source(&text);
        assert_eq!(&*safe, "a \nb\nc?[2J");
    }

    #[test]
    fn control_characters_are_neutralised_byte_for_byte() {
        let text = "a\u{1b}[31mred\u{85}b";
        let safe = terminal_safe(text);
        assert_eq!(safe.len(), text.len());
        assert!(!safe.contains('\u{1b}'));
    }
}
