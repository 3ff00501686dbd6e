//! GitHub Actions workflow commands (`--format github`): one annotation per claim of
//! every finding, so each source shows the finding at its own span in a pull request.
//!
//! `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::MESSAGE`. Must escape as
//! the runner parses: `%`, CR and LF everywhere, and also `:` and `,` in properties.

use std::fmt::Write as _;

use super::{Analysis, location::Location, terminal_safe};
use crate::rules::Severity;

/// The workflow command for a severity (`notice` for notes).
pub fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note | Severity::Off => "notice",
    }
}

/// Escape a message (the part after `::`).
pub fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escape a property value (`file=`, `title=`). Other control characters (ESC, BEL, a
/// file name's tab) are percent-encoded too: the runner prints them raw otherwise.
pub fn escape_property(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in escape_data(text).chars() {
        match c {
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            c if c.is_control() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "%{b:02X}");
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Every annotation, one per line.
pub fn render(analysis: &Analysis<'_>) -> String {
    let mut out = String::new();
    for finding in analysis.findings {
        let title = format!("{} {}", finding.kind.name(), finding.id);
        for &i in &finding.claims {
            let Some(claim) = analysis.claims.get(i) else {
                continue;
            };
            let Some(article) = analysis.articles.get(claim.article) else {
                continue;
            };
            let at = Location::of(claim, article);
            let message = format!(
                "{} [{}: \"{}\"]",
                finding.explanation,
                claim.id,
                article.slice(claim.span)
            );
            let _ = write!(
                out,
                "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                command(finding.severity),
                escape_property(&at.path),
                at.start_line,
                at.start_column,
                at.end_line,
                at.last_column(),
                escape_property(&title),
                escape_data(&terminal_safe(&message)),
            );
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_in_a_file_name_are_percent_encoded_issue_18() {
        assert_eq!(
            escape_property("a\u{1b}[31m\u{7}\tb.txt"),
            "a%1B[31m%07%09b.txt"
        );
    }

    #[test]
    fn messages_escape_percent_and_newlines() {
        assert_eq!(escape_data("50%\r\nmore"), "50%25%0D%0Amore");
        assert_eq!(escape_data("a: b, c"), "a: b, c");
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(escape_property("C:\\a,b%.txt"), "C%3A\\a%2Cb%25.txt");
    }

    #[test]
    fn notes_are_notices() {
        assert_eq!(command(Severity::Note), "notice");
        assert_eq!(command(Severity::Warning), "warning");
    }
}
