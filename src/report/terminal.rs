//! Any diagnostic made safe to print on a terminal: its message, code, help, labels,
//! related diagnostics and cause chain pass through `terminal_safe`, so a file name or
//! a rules key holding an escape sequence cannot move the cursor or recolour the screen.
//!
//! Source code is passed through as it is: whoever attaches it makes it safe with
//! `terminal_source` (rules files, articles), since spans must keep their offsets.

use std::fmt;

use miette::{Diagnostic, LabeledSpan, Severity, SourceCode};

use super::terminal_safe;

/// A cause in the chain, as safe text.
#[derive(Debug)]
struct SafeCause {
    message: String,
    next: Option<Box<SafeCause>>,
}

impl fmt::Display for SafeCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SafeCause {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.next
            .as_deref()
            .map(|c| c as &(dyn std::error::Error + 'static))
    }
}

/// A diagnostic with every text in it made terminal-safe.
#[derive(Debug)]
pub struct SafeDiagnostic<'a> {
    inner: &'a dyn Diagnostic,
    message: String,
    code: Option<String>,
    help: Option<String>,
    url: Option<String>,
    labels: Vec<LabeledSpan>,
    related: Vec<SafeDiagnostic<'a>>,
    cause: Option<Box<SafeCause>>,
}

fn safe(text: impl fmt::Display) -> String {
    terminal_safe(&text.to_string()).into_owned()
}

impl<'a> SafeDiagnostic<'a> {
    /// Wrap `inner`, copying its texts made safe.
    pub fn new(inner: &'a dyn Diagnostic) -> Self {
        let mut causes = Vec::new();
        let mut next = inner.source();
        // A cycle in a cause chain would loop forever; no real chain is this long.
        while let Some(cause) = next.filter(|_| causes.len() < 32) {
            causes.push(safe(cause));
            next = cause.source();
        }
        let cause = causes.into_iter().rev().fold(None, |next, message| {
            Some(Box::new(SafeCause { message, next }))
        });
        Self {
            inner,
            message: safe(inner),
            code: inner.code().map(safe),
            help: inner.help().map(safe),
            url: inner.url().map(safe),
            labels: inner
                .labels()
                .map(|labels| {
                    labels
                        .map(|l| {
                            let label = l.label().map(safe);
                            if l.primary() {
                                LabeledSpan::new_primary_with_span(label, *l.inner())
                            } else {
                                LabeledSpan::new_with_span(label, *l.inner())
                            }
                        })
                        .collect()
                })
                .unwrap_or_default(),
            related: inner
                .related()
                .map(|related| related.map(SafeDiagnostic::new).collect())
                .unwrap_or_default(),
            cause,
        }
    }
}

impl fmt::Display for SafeDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SafeDiagnostic<'_> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause
            .as_deref()
            .map(|c| c as &(dyn std::error::Error + 'static))
    }
}

impl Diagnostic for SafeDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<Severity> {
        self.inner.severity()
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn url<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.url
            .as_ref()
            .map(|u| Box::new(u) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.inner.source_code()
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            return None;
        }
        Some(Box::new(self.labels.iter().cloned()))
    }
    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn Diagnostic> + 'b>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|d| d as &dyn Diagnostic)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error, Diagnostic)]
    #[error("cannot read `{path}`")]
    #[diagnostic(help("check `{path}`"))]
    struct Unreadable {
        path: String,
        #[source]
        source: std::io::Error,
    }

    #[test]
    fn file_names_with_escape_sequences_are_printed_harmless() {
        let error = Unreadable {
            path: "evil\u{1b}[2J.txt".to_owned(),
            source: std::io::Error::other("gone\u{1b}[31m"),
        };
        let mut out = String::new();
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .render_report(&mut out, &SafeDiagnostic::new(&error))
            .expect("renders");
        assert!(!out.contains('\u{1b}'), "{out}");
        assert!(out.contains("evil?[2J.txt"), "{out}");
        assert!(out.contains("gone?[31m"), "{out}");
    }
}
