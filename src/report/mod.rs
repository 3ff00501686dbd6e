//! Reporting: findings and claims as miette diagnostics for people and as JSON for
//! machines.
//!
//! Renders into strings; the caller decides where they go. Never decides exit codes.

pub mod coverage;
pub mod diff;
pub mod fingerprint;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod location;
pub mod sarif;

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

/// Text safe to print on a terminal: control characters (ANSI escapes included) become
/// `?`, byte for byte, so spans into the text stay valid.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && !matches!(c, '\n' | '\t' | '\r') {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_neutralised_byte_for_byte() {
        let text = "a\u{1b}[31mred\u{85}b";
        let safe = terminal_safe(text);
        assert_eq!(safe.len(), text.len());
        assert!(!safe.contains('\u{1b}'));
    }
}
