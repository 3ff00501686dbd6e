//! Human output: one miette diagnostic per finding, a labeled span in every source
//! involved, the reason in words, then a summary line.

use std::{fmt, sync::Arc};

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::{Analysis, Summary, terminal_safe, terminal_source};
use crate::{
    extract::{Claim, Value},
    ingest::Article,
    reconcile::{Finding, relate},
    rules::{Severity, Verdict},
    span::{LineIndex, Span},
};

/// Longest stretch of an article one label shows, in bytes: a claim on a 200 MB line
/// prints a bounded excerpt, never the line.
const MAX_LABEL_BYTES: usize = 240;

/// Longest excerpt shown at once: two labels further apart than this are drawn as two
/// snippets rather than one with everything between them.
const MAX_EXCERPT_BYTES: usize = 1024;

/// An article as miette reads it: terminal-safe text, our line numbers (so lone-CR and
/// CRLF files are numbered as everywhere else), and excerpts no longer than a label.
///
/// miette would otherwise count lines from the start of the file for every label and
/// print whole lines; both are unbounded on a huge one-line article.
#[derive(Debug, Clone)]
struct ArticleSource {
    name: String,
    text: Arc<str>,
    lines: LineIndex,
}

impl ArticleSource {
    fn of(article: &Article) -> Self {
        Self {
            name: terminal_safe(&article.display_path()).into_owned(),
            text: terminal_source(&article.text),
            lines: article.lines.clone(),
        }
    }
}

impl SourceCode for ArticleSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        _context_lines_before: usize,
        _context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = &*self.text;
        if span.offset() > text.len() || span.len() > MAX_EXCERPT_BYTES {
            return Err(MietteError::OutOfBounds);
        }
        let mut start = span.offset();
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (span.offset() + span.len()).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let (line, column) = self.lines.line_col(text, start);
        let data = &text[start..end];
        let line_count = data.matches('\n').count() + 1;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            data.as_bytes(),
            (start, end - start).into(),
            line - 1,
            column - 1,
            line_count,
        )))
    }
}

/// A claim's span, cut to at most `MAX_LABEL_BYTES` on a character boundary.
fn bounded(text: &str, span: Span) -> Span {
    if span.len() <= MAX_LABEL_BYTES {
        return span;
    }
    let mut end = span.start + MAX_LABEL_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(span.start, end)
}

/// How to draw diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    /// Terminal width to wrap at.
    pub width: usize,
}

/// One finding's spans in one source, as a miette diagnostic.
#[derive(Debug)]
struct SourceDiagnostic {
    message: String,
    severity: miette::Severity,
    code: Option<String>,
    help: Option<String>,
    source: Arc<ArticleSource>,
    labels: Vec<LabeledSpan>,
    related: Vec<SourceDiagnostic>,
}

impl fmt::Display for SourceDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SourceDiagnostic {}

impl Diagnostic for SourceDiagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&*self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|d| d as &dyn Diagnostic)))
    }
}

fn miette_severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Note | Severity::Off => miette::Severity::Advice,
    }
}

fn granularity_name(g: crate::normalize::date::Granularity) -> &'static str {
    use crate::normalize::date::Granularity;
    match g {
        Granularity::Day => "day",
        Granularity::Week => "week",
        Granularity::Month => "month",
        Granularity::Year => "year",
    }
}

/// What a quantity counts, in words: the phrase as written, else a measure's role.
fn counted_words(q: &crate::extract::Quantity) -> String {
    match (&q.counted_text, &q.counted) {
        (Some(text), _) => text.clone(),
        (None, Some(role)) if q.unit.is_some() && role != "unspecified" => format!("({role})"),
        _ => String::new(),
    }
}

fn label_for(claim: &Claim) -> String {
    match &claim.value {
        Value::Quantity(q) => format!("{} {}", relate::describe(q), counted_words(q))
            .trim_end()
            .to_owned(),
        Value::Quote(q) => match (&q.speaker, q.quoted) {
            (Some(s), true) => format!("quoted, by {s}"),
            (None, true) => "quoted, speaker not named".to_owned(),
            (_, false) => "the same words, unquoted".to_owned(),
        },
        Value::Date(d) => match &d.resolved {
            Some(r) => format!("{r} ({})", granularity_name(d.granularity)),
            None => "unresolved date".to_owned(),
        },
        Value::Duration(d) => d.describe(),
        Value::Role(r) => role_text(r),
    }
}

fn role_text(r: &crate::extract::Role) -> String {
    let status = match r.status {
        crate::extract::RoleStatus::Current => "",
        crate::extract::RoleStatus::Former => "former ",
        crate::extract::RoleStatus::Acting => "acting ",
    };
    match &r.organization {
        Some(org) => format!("{status}{} of {org}", r.role),
        None => format!("{status}{}", r.role),
    }
}

fn headline(finding: &Finding, analysis: &Analysis<'_>) -> String {
    let describe = |claim: &Claim| match &claim.value {
        Value::Quantity(q) => format!("{} {}", relate::describe(q), counted_words(q))
            .trim_end()
            .to_owned(),
        Value::Quote(q) => {
            let words: Vec<&str> = q.normalized.split(' ').collect();
            let short = if words.len() > 8 {
                format!("{} …", words[..8].join(" "))
            } else {
                words.join(" ")
            };
            format!("quote “{short}”")
        }
        Value::Role(r) => format!("{}, {}", r.person, role_text(r)),
        Value::Date(d) => format!("date {}", relate::describe_date(d)),
        Value::Duration(d) => format!("duration {}", d.describe()),
    };
    match finding.verdict {
        Verdict::Conflict => {
            let conflict = finding
                .links
                .iter()
                .find(|l| l.link.relation == relate::Relation::Conflicts);
            match conflict {
                Some(l) => format!(
                    "{} vs {}",
                    describe(&analysis.claims[l.a]),
                    describe(&analysis.claims[l.b])
                ),
                None => format!(
                    "{}: sources conflict",
                    describe(&analysis.claims[finding.claims[0]])
                ),
            }
        }
        Verdict::Agreement => format!(
            "{}: {} independent sources agree",
            describe(&analysis.claims[finding.claims[0]]),
            finding.independent_sources()
        ),
        Verdict::SingleSource => format!(
            "{}: single source",
            describe(&analysis.claims[finding.claims[0]])
        ),
    }
}

fn help_for(finding: &Finding) -> String {
    use crate::rules::FindingKind;
    let people_help = match finding.kind {
        FindingKind::RoleConflict => Some("check the person's current title with the source"),
        FindingKind::MisattributedQuote => Some("check who said these words"),
        FindingKind::NameMisspelling => Some("check the spelling of the name"),
        _ => None,
    };
    if let Some(help) = people_help {
        return format!("{}; {help}", finding.explanation);
    }
    match finding.verdict {
        Verdict::Conflict => format!(
            "{}; check which source is right, or whether they count different things",
            finding.explanation
        ),
        Verdict::Agreement => finding.explanation.clone(),
        Verdict::SingleSource => format!(
            "{}; look for a second, independent source",
            finding.explanation
        ),
    }
}

fn diagnostic(
    finding: &Finding,
    analysis: &Analysis<'_>,
    sources: &[Arc<ArticleSource>],
) -> SourceDiagnostic {
    let mut per_source: Vec<(usize, Vec<&Claim>)> = Vec::new();
    for &i in &finding.claims {
        let claim = &analysis.claims[i];
        match per_source.iter_mut().find(|(a, _)| *a == claim.article) {
            Some((_, list)) => list.push(claim),
            None => per_source.push((claim.article, vec![claim])),
        }
    }
    // Article text reaches the terminal through the message, labels and help as well
    // as the source: every one of them is made terminal-safe.
    let make = |article: usize, claims: &[&Claim], message: String| {
        let a = &analysis.articles[article];
        SourceDiagnostic {
            message: terminal_safe(&message).into_owned(),
            severity: miette_severity(finding.severity),
            code: None,
            help: None,
            source: sources[article].clone(),
            labels: claims
                .iter()
                .map(|c| {
                    let span = bounded(&a.text, c.span);
                    let label = terminal_safe(&label_for(c)).into_owned();
                    LabeledSpan::new(Some(label), span.start, span.len())
                })
                .collect(),
            related: Vec::new(),
        }
    };
    let (first_article, first_claims) = &per_source[0];
    let mut main = make(
        *first_article,
        first_claims,
        format!("{} {}", finding.id, headline(finding, analysis)),
    );
    main.code = Some(format!("corroborate::{}", finding.kind.name()));
    main.help = Some(terminal_safe(&help_for(finding)).into_owned());
    for (article, claims) in &per_source[1..] {
        let a = &analysis.articles[*article];
        let group = analysis.groups.of_article[*article];
        main.related.push(make(
            *article,
            claims,
            format!("also in {} (independence group {group})", a.id),
        ));
    }
    main
}

/// Render every finding and the summary line.
pub fn render(analysis: &Analysis<'_>, style: Style) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_context_lines(0);
    // Made terminal-safe once per article, not once per finding.
    let sources: Vec<Arc<ArticleSource>> = analysis
        .articles
        .iter()
        .map(|a| Arc::new(ArticleSource::of(a)))
        .collect();
    let mut out = String::new();
    for finding in analysis.findings {
        let d = diagnostic(finding, analysis, &sources);
        if handler.render_report(&mut out, &d).is_err() {
            out.push_str(&format!("{}: {}\n", finding.id, finding.explanation));
        }
        out.push('\n');
    }
    out.push_str(&summary_line(analysis));
    out.push('\n');
    out
}

/// "2 agreements, 1 conflict, 5 single-source across 5 sources (4 independent)".
pub fn summary_line(analysis: &Analysis<'_>) -> String {
    let s = Summary::of(analysis.findings);
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}, {}, {} from {} in {} ({} independent)",
        plural(s.agreement, "agreement", "agreements"),
        plural(s.conflict, "conflict", "conflicts"),
        plural(
            s.single_source,
            "single-source claim",
            "single-source claims"
        ),
        plural(analysis.claims.len(), "claim", "claims"),
        plural(analysis.articles.len(), "source", "sources"),
        analysis.groups.count(),
    )
}

/// The claims alone, one line each: `source:line:column kind text -> value`.
pub fn render_claims(analysis: &Analysis<'_>) -> String {
    let mut out = String::new();
    for c in analysis.claims {
        let a = &analysis.articles[c.article];
        let (line, column) = a.lines.line_col(&a.text, c.span.start);
        let text = terminal_safe(a.slice(bounded(&a.text, c.span))).replace(['\n', '\r'], " ");
        out.push_str(&format!(
            "{}:{line}:{column}\t{}\t{}\t{}\n",
            // A tab or newline in a file name would forge a column or a record.
            super::one_line_safe(&a.display_path()),
            c.kind.name(),
            text,
            terminal_safe(&label_for(c))
        ));
    }
    out
}
