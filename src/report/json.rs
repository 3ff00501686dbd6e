//! The JSON wire format (`--format json`), version 1.
//!
//! Top level: `version`, `sources`, `claims`, and for `check` also `findings`,
//! `summary` and `stats`. Keys are snake_case; changes are additive. Offsets are UTF-8
//! byte offsets into each file as read; `line` and `column` are 1-based (column in
//! characters). The README documents every field.

use serde::Serialize;

use super::{Analysis, Summary};
use crate::{
    extract::{self, Term, Value},
    ingest::Article,
    reconcile::{FindingLink, relate::Relation},
    rules::{Severity, Verdict},
};

/// One source in JSON.
#[derive(Debug, Serialize)]
pub struct Source<'a> {
    pub id: &'a str,
    pub path: String,
    pub independence_group: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
}

/// One claim in JSON.
#[derive(Debug, Serialize)]
pub struct Claim<'a> {
    pub id: &'a str,
    pub source: &'a str,
    pub kind: &'static str,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub subject: &'a str,
    pub value: &'a Value,
    /// Stems of the context's key terms.
    pub terms: &'a [Term],
    /// Time anchors of the context.
    #[serde(skip_serializing_if = "<[Term]>::is_empty")]
    pub anchors: &'a [Term],
    /// Proper names that own the figure ("Ford" in "Ford had 25 points").
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub owners: &'a [String],
    /// What the claim is about (issue 15): attribute, entity, scope, time.
    pub frame: Frame<'a>,
}

/// A claim's frame in JSON: the frame's parts, the places its figure applies to and its
/// time anchors. Parts the claim does not have are left out.
#[derive(Debug, Serialize)]
pub struct Frame<'a> {
    #[serde(flatten)]
    pub parts: &'a crate::extract::frame::Frame,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub places: &'a [String],
    #[serde(skip_serializing_if = "<[Term]>::is_empty")]
    pub time: &'a [Term],
}

/// One edge of a finding in JSON.
#[derive(Debug, Serialize)]
pub struct Link<'a> {
    pub a: &'a str,
    pub b: &'a str,
    pub relation: Relation,
    pub reason: String,
    pub similarity: f64,
}

/// One finding in JSON.
#[derive(Debug, Serialize)]
pub struct Finding<'a> {
    pub id: &'a str,
    pub verdict: &'static str,
    pub kind: &'static str,
    pub severity: Severity,
    /// For a conflict: `confident` (every part of the frames matched) or `to-check`
    /// (some part inferred; warning severity, not failing `--fail-on conflict`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<&'static str>,
    /// Ids of the finding's claims.
    pub claims: ClaimIds<'a>,
    /// Ids of its sources.
    pub sources: SourceIds<'a>,
    pub independent_sources: usize,
    pub independence_groups: &'a [usize],
    pub explanation: &'a str,
    pub links: Links<'a>,
    /// Stable fingerprint of the finding's claims (with `--baseline`/`--write-baseline`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    /// `baselined` or `new` (with `--baseline`/`--write-baseline`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_state: Option<crate::baseline::State>,
    /// The reason recorded in the baseline, when it gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_reason: Option<String>,
    /// The reason of a `<!-- corroborate: ignore REASON -->` comment on one of its claims.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<String>,
}

/// A claim a reviewer marked `ignore = true` in a claim file.
#[derive(Debug, Serialize)]
pub struct IgnoredClaim<'a> {
    pub source: &'a str,
    pub kind: &'static str,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'a str>,
}

/// How a run's findings stand against its baseline.
#[derive(Debug, Serialize)]
pub struct BaselineSummary {
    pub file: String,
    pub baselined: usize,
    pub new: usize,
}

/// Work counters.
#[derive(Debug, Serialize)]
pub struct Stats {
    pub sources: usize,
    pub independence_groups: usize,
    pub claims: usize,
    /// Claim pairs whose relation was tested (never all pairs).
    pub comparisons: usize,
    /// Claims squared, for scale.
    pub claims_squared: usize,
}

/// Every claim of a run, made into [`Claim`]s one at a time as they are written: a run
/// over a huge article has hundreds of thousands (issue 7), and a list of them all was a
/// large share of its memory.
#[derive(Debug, Clone, Copy)]
pub struct Claims<'a> {
    articles: &'a [Article],
    claims: &'a [extract::Claim],
}

impl<'a> Claims<'a> {
    /// The claims of `analysis`.
    pub fn of(analysis: &Analysis<'a>) -> Self {
        Claims {
            articles: analysis.articles,
            claims: analysis.claims,
        }
    }

    /// How many claims there are.
    pub fn len(&self) -> usize {
        self.claims.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
    }

    /// The claims in JSON form, in order.
    pub fn iter(&self) -> impl Iterator<Item = Claim<'a>> + 'a {
        let articles = self.articles;
        self.claims.iter().map(move |c| Claim::of(c, articles))
    }
}

impl Serialize for Claims<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'a> Claim<'a> {
    /// `c` in JSON form; `articles` are the run's articles.
    pub fn of(c: &'a extract::Claim, articles: &'a [Article]) -> Self {
        let article = &articles[c.article];
        let (line, column) = article.lines.line_col(&article.text, c.span.start);
        Claim {
            id: &c.id,
            source: &article.id,
            kind: c.kind.name(),
            text: article.slice(c.span),
            start: c.span.start,
            end: c.span.end,
            line,
            column,
            subject: &c.subject,
            value: &c.value,
            terms: &c.context.terms,
            anchors: &c.context.anchors,
            owners: &c.context.owners,
            frame: Frame {
                parts: &c.context.frame,
                places: &c.context.scope,
                time: &c.context.anchors,
            },
        }
    }
}

/// The ids of some of a run's claims, written as a list of strings.
#[derive(Debug, Clone, Copy)]
pub struct ClaimIds<'a> {
    indices: &'a [usize],
    claims: &'a [extract::Claim],
}

impl Serialize for ClaimIds<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.indices.iter().map(|&i| self.claims[i].id.as_str()))
    }
}

/// The ids of some of a run's sources, written as a list of strings.
#[derive(Debug, Clone, Copy)]
pub struct SourceIds<'a> {
    indices: &'a [usize],
    articles: &'a [Article],
}

impl Serialize for SourceIds<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.indices.iter().map(|&a| self.articles[a].id.as_str()))
    }
}

/// A finding's links, written as a list of [`Link`]s.
#[derive(Debug, Clone, Copy)]
pub struct Links<'a> {
    links: &'a [FindingLink],
    claims: &'a [extract::Claim],
}

impl Serialize for Links<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.links.iter().map(|l| Link {
            a: &self.claims[l.a].id,
            b: &self.claims[l.b].id,
            relation: l.link.relation,
            reason: l.reason(self.claims),
            similarity: (l.link.similarity * 1000.0).round() / 1000.0,
        }))
    }
}

/// A whole report.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub version: u32,
    pub sources: Vec<Source<'a>>,
    pub claims: Claims<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub findings: Option<Vec<Finding<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stats: Option<Stats>,
    /// Claims left out by a reviewer (claim files only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ignored_claims: Vec<IgnoredClaim<'a>>,
    /// With `--baseline`/`--write-baseline`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineSummary>,
}

/// Build the JSON report; `with_findings` is false for `extract`.
pub fn report<'a>(analysis: &Analysis<'a>, with_findings: bool) -> Report<'a> {
    let articles = analysis.articles;
    let sources = articles
        .iter()
        .enumerate()
        .map(|(i, a)| Source {
            id: &a.id,
            path: a.display_path(),
            independence_group: analysis.groups.of_article.get(i).copied().unwrap_or(i + 1),
            outlet: a.meta.outlet.as_deref(),
            date: a.meta.date.as_deref(),
            url: a.meta.url.as_deref(),
            title: a.meta.title.as_deref(),
        })
        .collect();
    let claims = Claims::of(analysis);
    let findings = with_findings.then(|| {
        analysis
            .findings
            .iter()
            .map(|f| Finding {
                id: &f.id,
                verdict: f.verdict.name(),
                kind: f.kind.name(),
                severity: f.severity,
                confidence: (f.verdict == Verdict::Conflict).then_some(if f.confident {
                    "confident"
                } else {
                    "to-check"
                }),
                claims: ClaimIds {
                    indices: &f.claims,
                    claims: analysis.claims,
                },
                sources: SourceIds {
                    indices: &f.sources,
                    articles,
                },
                independent_sources: f.independent_sources(),
                independence_groups: &f.groups,
                explanation: &f.explanation,
                links: Links {
                    links: &f.links,
                    claims: analysis.claims,
                },
                fingerprint: None,
                baseline_state: None,
                baseline_reason: None,
                suppressed: None,
            })
            .collect()
    });
    let n = analysis.claims.len();
    Report {
        version: 1,
        sources,
        claims,
        summary: with_findings.then(|| Summary::of(analysis.findings)),
        stats: with_findings.then(|| Stats {
            sources: articles.len(),
            independence_groups: analysis.groups.count(),
            claims: n,
            comparisons: analysis.comparisons,
            claims_squared: n * n,
        }),
        findings,
        ignored_claims: Vec::new(),
        baseline: None,
    }
}

/// The report as compact JSON with a final newline.
pub fn render(analysis: &Analysis<'_>, with_findings: bool) -> String {
    to_json(&report(analysis, with_findings), false)
}

/// Write any serializable report into `out` as JSON with a final newline, as it is
/// serialized (a huge report is never one string in memory): indented when `pretty`,
/// else on one line (issue 19: indentation made the report of 10,000 articles 361 MB).
///
/// # Errors
/// Writing to `out` fails.
pub fn write<T: Serialize>(
    out: &mut dyn std::io::Write,
    report: &T,
    pretty: bool,
) -> std::io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, report)
    } else {
        serde_json::to_writer(&mut *out, report)
    }
    .map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}

/// Any serializable report as JSON with a final newline, indented when `pretty`.
pub fn to_json<T: Serialize>(report: &T, pretty: bool) -> String {
    let mut out = if pretty {
        serde_json::to_string_pretty(report)
    } else {
        serde_json::to_string(report)
    }
    .expect("reports hold only strings, numbers and lists");
    out.push('\n');
    out
}
