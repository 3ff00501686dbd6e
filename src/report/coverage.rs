//! Coverage of a draft: what the reconciled clusters say about each of the draft's
//! claims (corroborated, contradicted, unsupported), what independent sources say that
//! the draft leaves out, and how to show both to people (text) and machines (JSON).
//!
//! Reads the findings of a run in which the draft was reconciled with its sources; it
//! never relates claims itself (that is `reconcile`), and never decides exit codes.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{
    Analysis,
    paint::{Paint, Tone},
    terminal_safe,
};
use crate::{
    extract::{Claim, Value},
    reconcile::{Finding, FindingLink, relate::Relation},
    rules::Verdict,
};

/// What the sources say about one draft claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A source says something the claim cannot be.
    Contradicted,
    /// No source says it.
    Unsupported,
    /// At least one source says it, none contradicts it.
    Corroborated,
}

impl Status {
    /// snake_case name, as in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Status::Contradicted => "contradicted",
            Status::Unsupported => "unsupported",
            Status::Corroborated => "corroborated",
        }
    }

    /// The colour its name is shown in.
    pub fn tone(self) -> Tone {
        match self {
            Status::Contradicted => Tone::Bad,
            Status::Unsupported => Tone::Unconfirmed,
            Status::Corroborated => Tone::Good,
        }
    }
}

/// One claim of the draft and the evidence about it.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftClaim {
    /// Claim index.
    pub claim: usize,
    pub status: Status,
    /// Source claims that agree with it (through agreements only), in claim order.
    pub corroborated_by: Vec<usize>,
    /// Source claims that conflict with it, each with the reason.
    pub contradicted_by: Vec<(usize, String)>,
    /// Independence groups among `corroborated_by`.
    pub independent_sources: usize,
    /// Reason of a `<!-- corroborate: ignore REASON -->` comment before it.
    pub suppressed: Option<String>,
}

/// Something two or more independent sources agree on that the draft does not say.
#[derive(Debug, Clone, PartialEq)]
pub struct Missing {
    /// The sources' claims, in claim order.
    pub claims: Vec<usize>,
    pub independent_sources: usize,
}

/// The coverage of a draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// Article index of the draft.
    pub draft: usize,
    /// The draft's claims, in text order.
    pub claims: Vec<DraftClaim>,
    /// In editor order: by `[report] rank`, then independent sources (most first).
    pub missing: Vec<Missing>,
}

/// Read the coverage of article `draft` off the findings of a run that reconciled it
/// with its sources. `suppressed` maps claim indices to suppression reasons.
pub fn assess(
    draft: usize,
    analysis: &Analysis<'_>,
    suppressed: &BTreeMap<usize, String>,
    ranking: &crate::config::report::Ranking,
) -> Coverage {
    let claims = analysis.claims;
    let group_of = |i: usize| analysis.groups.of_article[claims[i].article];
    // A claim can be in two findings: a fact's conflict and, apart, the agreement of one
    // of its values (issue 15); a draft claim is contradicted by either's conflicts.
    let mut findings_of: BTreeMap<usize, Vec<&Finding>> = BTreeMap::new();
    for f in analysis.findings.iter() {
        for &i in &f.claims {
            findings_of.entry(i).or_default().push(f);
        }
    }
    let mut entries = Vec::new();
    for (i, claim) in claims.iter().enumerate() {
        if claim.article != draft {
            continue;
        }
        let mut corroborated_by = Vec::new();
        let mut contradicted_by = Vec::new();
        let links: Vec<&FindingLink> = findings_of
            .get(&i)
            .into_iter()
            .flatten()
            .flat_map(|f| f.links.iter())
            .collect();
        if !links.is_empty() {
            for l in links.iter().copied() {
                let other = if l.a == i {
                    l.b
                } else if l.b == i {
                    l.a
                } else {
                    continue;
                };
                if l.link.relation == Relation::Conflicts && claims[other].article != draft {
                    contradicted_by.push((other, l.reason(claims)));
                }
            }
            // Agreement is transitive inside a cluster: 43 = 32 + 11 = "dozens".
            let mut reached = BTreeSet::from([i]);
            let mut frontier = vec![i];
            while let Some(at) = frontier.pop() {
                for l in links.iter().copied() {
                    if l.link.relation != Relation::Agrees {
                        continue;
                    }
                    let next = if l.a == at {
                        l.b
                    } else if l.b == at {
                        l.a
                    } else {
                        continue;
                    };
                    if reached.insert(next) {
                        frontier.push(next);
                    }
                }
            }
            let against: BTreeSet<usize> = contradicted_by.iter().map(|(c, _)| *c).collect();
            corroborated_by = reached
                .into_iter()
                .filter(|&c| claims[c].article != draft && !against.contains(&c))
                .collect();
        }
        let independent_sources = corroborated_by
            .iter()
            .map(|&c| group_of(c))
            .collect::<BTreeSet<_>>()
            .len();
        let status = if !contradicted_by.is_empty() {
            Status::Contradicted
        } else if corroborated_by.is_empty() {
            Status::Unsupported
        } else {
            Status::Corroborated
        };
        entries.push(DraftClaim {
            claim: i,
            status,
            corroborated_by,
            contradicted_by,
            independent_sources,
            suppressed: suppressed.get(&i).cloned(),
        });
    }
    // In the order an editor reads findings (`[report] rank`: casualties and money
    // before weekdays and titles), then by independent sources.
    let missing: Vec<Missing> = super::editor::order(analysis, ranking)
        .into_iter()
        .map(|i| &analysis.findings[i])
        .filter(|f| {
            f.verdict == Verdict::Agreement && f.claims.iter().all(|&c| claims[c].article != draft)
        })
        .map(|f| Missing {
            claims: f.claims.clone(),
            independent_sources: f.groups.len(),
        })
        .filter(|m| m.independent_sources >= 2)
        .collect();
    Coverage {
        draft,
        claims: entries,
        missing,
    }
}

/// A claim's text for one line of output: quotes in quote marks, newlines flattened,
/// long text cut.
pub(crate) fn claim_text(claim: &Claim, analysis: &Analysis<'_>) -> String {
    let article = &analysis.articles[claim.article];
    let text = terminal_safe(article.slice(claim.span)).replace(['\n', '\r'], " ");
    let text = if text.chars().count() > 70 {
        format!("{}…", text.chars().take(69).collect::<String>())
    } else {
        text
    };
    match &claim.value {
        Value::Quote(_) => format!("“{text}”"),
        // A relative date shows the day it resolves to, so that "Monday" pairs visibly
        // with "February 3, 2025".
        Value::Date(d) if d.relative => match &d.resolved {
            Some(r) => format!("{text} ({r})"),
            None => text,
        },
        _ => text,
    }
}

/// `path:line:column` of a claim.
pub(crate) fn location(claim: &Claim, analysis: &Analysis<'_>) -> String {
    let article = &analysis.articles[claim.article];
    let (line, column) = article.lines.line_col(&article.text, claim.span.start);
    format!("{}:{line}:{column}", article.display_path())
}

/// Counts per status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub corroborated: usize,
    pub contradicted: usize,
    pub unsupported: usize,
    /// Claims (of any status) whose finding a comment suppresses.
    pub suppressed: usize,
    pub missing: usize,
}

impl Summary {
    /// Count a coverage.
    pub fn of(coverage: &Coverage) -> Self {
        let mut s = Summary {
            missing: coverage.missing.len(),
            ..Summary::default()
        };
        for c in &coverage.claims {
            match c.status {
                Status::Corroborated => s.corroborated += 1,
                Status::Contradicted => s.contradicted += 1,
                Status::Unsupported => s.unsupported += 1,
            }
            if c.suppressed.is_some() {
                s.suppressed += 1;
            }
        }
        s
    }
}

/// The coverage as text: one block per draft claim, then what is missing; statuses in
/// colour when `paint` says so.
pub fn render_human(coverage: &Coverage, analysis: &Analysis<'_>, paint: Paint) -> String {
    let draft = &analysis.articles[coverage.draft];
    let mut out = format!("{}\n\n", heading(coverage, analysis));
    for c in &coverage.claims {
        let claim = &analysis.claims[c.claim];
        let (line, column) = draft.lines.line_col(&draft.text, claim.span.start);
        let status = paint.tone(&format!("{:<13}", c.status.name()), c.status.tone());
        out.push_str(&format!(
            "{status} {line}:{column}  {}\n",
            claim_text(claim, analysis)
        ));
        if let Some(note) = suppressed_note(c) {
            out.push_str(&format!("    {}\n", terminal_safe(&note)));
        }
        for (other, reason) in &c.contradicted_by {
            out.push_str(&format!(
                "    contradicted by {}  {}: {reason}\n",
                paint.tone(&location(&analysis.claims[*other], analysis), Tone::Faint),
                claim_text(&analysis.claims[*other], analysis)
            ));
        }
        if c.status != Status::Contradicted && !c.corroborated_by.is_empty() {
            out.push_str(&format!("    {}\n", corroborated_note(c)));
        }
        for other in &c.corroborated_by {
            out.push_str(&format!(
                "    agrees with {}  {}\n",
                paint.tone(&location(&analysis.claims[*other], analysis), Tone::Faint),
                claim_text(&analysis.claims[*other], analysis)
            ));
        }
        if c.status == Status::Unsupported {
            out.push_str(&format!("    {UNSUPPORTED_NOTE}\n"));
        }
    }
    if coverage.claims.is_empty() {
        out.push_str(&format!("{NO_CLAIMS}\n"));
    }
    if !coverage.missing.is_empty() {
        out.push_str(&format!("\n{MISSING_TITLE}\n"));
        for m in &coverage.missing {
            let headline = missing_headline(m, analysis);
            out.push_str(&format!(
                "{:<13} {}\n",
                plural(m.independent_sources, "source", "sources"),
                claim_text(&analysis.claims[headline], analysis)
            ));
            for &c in &m.claims {
                out.push_str(&format!(
                    "    {}  {}\n",
                    paint.tone(&location(&analysis.claims[c], analysis), Tone::Faint),
                    claim_text(&analysis.claims[c], analysis)
                ));
            }
        }
    }
    out.push_str(&format!("\n{}\n", summary_line(coverage)));
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "coverage of DRAFT against 4 sources (3 independent)".
pub fn heading(coverage: &Coverage, analysis: &Analysis<'_>) -> String {
    let draft = &analysis.articles[coverage.draft];
    let sources = analysis.articles.len().saturating_sub(1);
    let groups: BTreeSet<usize> = (0..analysis.articles.len())
        .filter(|&a| a != coverage.draft)
        .map(|a| analysis.groups.of_article[a])
        .collect();
    format!(
        "coverage of {} against {} ({} independent)",
        draft.display_path(),
        plural(sources, "source", "sources"),
        groups.len()
    )
}

/// "8 draft claims: 4 corroborated, 1 contradicted, 3 unsupported (1 suppressed); 4 missing".
pub fn summary_line(coverage: &Coverage) -> String {
    let s = Summary::of(coverage);
    format!(
        "{}: {} corroborated, {} contradicted, {} unsupported ({} suppressed); {} missing",
        plural(coverage.claims.len(), "draft claim", "draft claims"),
        s.corroborated,
        s.contradicted,
        s.unsupported,
        s.suppressed,
        s.missing
    )
}

/// "suppressed: REASON" of a claim an ignore comment excuses.
pub fn suppressed_note(c: &DraftClaim) -> Option<String> {
    let reason = c.suppressed.as_deref()?;
    Some(format!(
        "suppressed: {}",
        if reason.is_empty() {
            "no reason given"
        } else {
            reason
        }
    ))
}

/// What the reports say of a draft with no claim.
pub const NO_CLAIMS: &str = "the draft makes no claim corroborate can read";

/// What the text report says under a claim no source speaks of, and the HTML page too.
pub const UNSUPPORTED_NOTE: &str = "no source says this";

/// "by 2 independent sources": who corroborates a claim.
pub fn corroborated_note(c: &DraftClaim) -> String {
    format!(
        "by {}",
        plural(
            c.independent_sources,
            "independent source",
            "independent sources"
        )
    )
}

/// The heading of what the draft leaves out.
pub const MISSING_TITLE: &str =
    "missing: said by two or more independent sources, not by the draft";

/// The claim a missing fact is shown by: the plainest figure ("43 ..." rather than
/// "dozens of ..."), else the first.
pub fn missing_headline(m: &Missing, analysis: &Analysis<'_>) -> usize {
    m.claims
        .iter()
        .copied()
        .find(|&c| {
            analysis.claims[c]
                .quantity()
                .is_some_and(|q| q.qualifier == crate::extract::Qualifier::Exact)
        })
        .unwrap_or(m.claims[0])
}

/// A claim referred to in JSON.
#[derive(Debug, Serialize)]
pub struct ClaimRef<'a> {
    pub id: &'a str,
    pub source: &'a str,
    pub path: String,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'a str>,
}

impl<'a> ClaimRef<'a> {
    /// The reference of claim `i`.
    pub fn of(i: usize, analysis: &Analysis<'a>, reason: Option<&'a str>) -> Self {
        let c = &analysis.claims[i];
        let article = &analysis.articles[c.article];
        let (line, column) = article.lines.line_col(&article.text, c.span.start);
        ClaimRef {
            id: &c.id,
            source: &article.id,
            path: article.display_path(),
            text: article.slice(c.span),
            start: c.span.start,
            end: c.span.end,
            line,
            column,
            reason,
        }
    }
}

/// One draft claim in JSON.
#[derive(Debug, Serialize)]
pub struct DraftClaimJson<'a> {
    #[serde(flatten)]
    pub claim: ClaimRef<'a>,
    pub kind: &'static str,
    pub status: Status,
    pub independent_sources: usize,
    pub corroborated_by: Vec<ClaimRef<'a>>,
    pub contradicted_by: Vec<ClaimRef<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<&'a str>,
}

/// One missing claim in JSON.
#[derive(Debug, Serialize)]
pub struct MissingJson<'a> {
    pub independent_sources: usize,
    pub claims: Vec<ClaimRef<'a>>,
}

/// The coverage report in JSON.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub version: u32,
    pub draft: &'a str,
    pub sources: Vec<super::json::Source<'a>>,
    pub claims: Vec<DraftClaimJson<'a>>,
    pub missing: Vec<MissingJson<'a>>,
    pub summary: Summary,
}

/// The coverage as JSON with a final newline, indented when `pretty`.
pub fn render_json<'a>(coverage: &'a Coverage, analysis: &Analysis<'a>, pretty: bool) -> String {
    let base = super::json::report(analysis, false);
    let report = Report {
        version: 1,
        draft: &analysis.articles[coverage.draft].id,
        sources: base.sources,
        claims: coverage
            .claims
            .iter()
            .map(|c| DraftClaimJson {
                claim: ClaimRef::of(c.claim, analysis, None),
                kind: analysis.claims[c.claim].kind.name(),
                status: c.status,
                independent_sources: c.independent_sources,
                corroborated_by: c
                    .corroborated_by
                    .iter()
                    .map(|&o| ClaimRef::of(o, analysis, None))
                    .collect(),
                contradicted_by: c
                    .contradicted_by
                    .iter()
                    .map(|(o, r)| ClaimRef::of(*o, analysis, Some(r)))
                    .collect(),
                suppressed: c.suppressed.as_deref(),
            })
            .collect(),
        missing: coverage
            .missing
            .iter()
            .map(|m| MissingJson {
                independent_sources: m.independent_sources,
                claims: m
                    .claims
                    .iter()
                    .map(|&c| ClaimRef::of(c, analysis, None))
                    .collect(),
            })
            .collect(),
        summary: Summary::of(coverage),
    };
    super::json::to_json(&report, pretty)
}
