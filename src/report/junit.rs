//! JUnit XML (`--format junit`), for CI systems that show test reports.
//!
//! One `<testsuite>` per finding kind that occurs, one `<testcase>` per finding; a finding
//! that fails the run (by `--fail-on`, conflicts by default) carries a `<failure>`. Must
//! escape everything taken from articles; characters XML 1.0 cannot carry become U+FFFD.

use std::fmt::Write as _;

use super::{Analysis, location::Location};
use crate::{reconcile::Finding, rules::KINDS};

/// Escape text for an XML attribute value.
pub fn escape(text: &str) -> String {
    escape_as(text, true)
}

/// Escape text for XML element content (line breaks stay as they are).
pub fn escape_text(text: &str) -> String {
    escape_as(text, false)
}

fn escape_as(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&apos;"),
            // Line breaks and tabs in attributes would be normalized to spaces by a parser;
            // character references keep them.
            '\n' if attribute => out.push_str("&#10;"),
            '\r' if attribute => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' | '\r' | '\t' => out.push(c),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{fffd}'),
        }
    }
    out
}

/// Whether XML 1.0 allows the character at all.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// The JUnit report; `fails` says which findings are failures.
pub fn render(analysis: &Analysis<'_>, fails: &dyn Fn(&Finding) -> bool) -> String {
    let total = analysis.findings.len();
    let failures = analysis.findings.iter().filter(|f| fails(f)).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"corroborate\" tests=\"{total}\" failures=\"{failures}\" errors=\"0\">"
    );
    for kind in KINDS {
        let findings: Vec<&Finding> = analysis
            .findings
            .iter()
            .filter(|f| f.kind == kind.kind)
            .collect();
        if findings.is_empty() {
            continue;
        }
        let failing = findings.iter().filter(|f| fails(f)).count();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failing}\" errors=\"0\" skipped=\"0\">",
            kind.name,
            findings.len()
        );
        for finding in findings {
            render_case(&mut out, analysis, finding, fails(finding));
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

fn render_case(out: &mut String, analysis: &Analysis<'_>, finding: &Finding, failed: bool) {
    let located: Vec<(String, Location)> = finding
        .claims
        .iter()
        .filter_map(|&i| {
            let claim = analysis.claims.get(i)?;
            let article = analysis.articles.get(claim.article)?;
            let at = Location::of(claim, article);
            Some((
                format!(
                    "{}:{}:{}: {} \"{}\"",
                    at.path,
                    at.start_line,
                    at.start_column,
                    claim.id,
                    article.slice(claim.span)
                ),
                at,
            ))
        })
        .collect();
    let (file, line) = located.first().map_or((String::new(), 0), |(_, at)| {
        (at.path.clone(), at.start_line)
    });
    let _ = write!(
        out,
        "    <testcase name=\"{}: {}\" classname=\"corroborate.{}\" file=\"{}\" line=\"{line}\"",
        finding.id,
        escape(&finding.explanation),
        finding.kind.name(),
        escape(&file),
    );
    let details: String = located
        .iter()
        .map(|(text, _)| format!("{text}\n"))
        .collect();
    if failed {
        let _ = writeln!(
            out,
            ">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>",
            escape(&finding.explanation),
            finding.kind.name(),
            escape_text(&details),
        );
    } else {
        let _ = writeln!(
            out,
            ">\n      <system-out>{}</system-out>\n    </testcase>",
            escape_text(&details)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_forbidden_characters_are_escaped() {
        assert_eq!(
            escape("<a href=\"x\">&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;"
        );
        assert_eq!(escape("a\u{1b}b\u{0}"), "a\u{fffd}b\u{fffd}");
        assert_eq!(escape("é\n"), "é&#10;");
        assert_eq!(escape_text("a\n<b>"), "a\n&lt;b&gt;");
    }
}
