//! A diff of two sources, claim by claim: what both say (shared), what only A or only
//! B says, and where they conflict, read off the findings of a run that reconciled the
//! two; shown as a unified-diff-like text and as JSON.
//!
//! Never relates claims itself (that is `reconcile`), and never decides exit codes.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{
    Analysis,
    coverage::{ClaimRef, claim_text},
    paint::{Paint, Tone},
};
use crate::reconcile::relate::Relation;

/// How one entry of the diff differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Both say it, compatibly.
    Shared,
    /// Only A says it.
    OnlyA,
    /// Only B says it.
    OnlyB,
    /// Both speak of it and disagree.
    Conflicting,
}

impl Change {
    /// The sign in the text view (` `, `-`, `+`, `!`).
    pub fn sign(self) -> char {
        match self {
            Change::Shared => ' ',
            Change::OnlyA => '-',
            Change::OnlyB => '+',
            Change::Conflicting => '!',
        }
    }

    /// The colour its line is shown in: conflicts stand out, one-sided claims are
    /// coloured as in `diff`, shared ones stay plain.
    fn tone(self) -> Option<Tone> {
        match self {
            Change::Shared => None,
            Change::OnlyA => Some(Tone::Unconfirmed),
            Change::OnlyB => Some(Tone::Good),
            Change::Conflicting => Some(Tone::Bad),
        }
    }
}

/// One line of the diff: the claims of A and of B about one thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub change: Change,
    /// Claim indices in A, then in B, in claim order.
    pub a: Vec<usize>,
    pub b: Vec<usize>,
    /// Why the two sides agree or conflict, from the links between them.
    pub reasons: Vec<String>,
}

/// The diff of articles `a` and `b`: every claim of either appears in exactly one entry,
/// except scene-setting dates only one side gives (see `is_context`).
/// Entries follow A's text order, with B-only entries placed after the entry whose B
/// claim precedes them.
pub fn compare(a: usize, b: usize, analysis: &Analysis<'_>) -> Vec<Entry> {
    let claims = analysis.claims;
    let mut covered = BTreeSet::new();
    let mut entries = Vec::new();
    for f in analysis.findings {
        let side = |article: usize| -> Vec<usize> {
            f.claims
                .iter()
                .copied()
                .filter(|&c| claims[c].article == article)
                .collect()
        };
        let (in_a, in_b) = (side(a), side(b));
        covered.extend(in_a.iter().chain(&in_b).copied());
        let between: Vec<_> = f
            .links
            .iter()
            .filter(|l| {
                (in_a.contains(&l.a) && in_b.contains(&l.b))
                    || (in_a.contains(&l.b) && in_b.contains(&l.a))
            })
            .collect();
        let change = match (in_a.is_empty(), in_b.is_empty()) {
            (true, true) => continue,
            (false, true) => Change::OnlyA,
            (true, false) => Change::OnlyB,
            (false, false)
                if between
                    .iter()
                    .any(|l| l.link.relation == Relation::Conflicts) =>
            {
                Change::Conflicting
            }
            (false, false) => Change::Shared,
        };
        let mut reasons: Vec<String> = between
            .iter()
            .filter(|l| change != Change::Conflicting || l.link.relation == Relation::Conflicts)
            .map(|l| l.reason(claims))
            .collect();
        reasons.dedup();
        entries.push(Entry {
            change,
            a: in_a,
            b: in_b,
            reasons,
        });
    }
    // Claims in no finding (a kind switched off) still belong to one side.
    for (i, c) in claims.iter().enumerate() {
        if covered.contains(&i) || (c.article != a && c.article != b) {
            continue;
        }
        let only_a = c.article == a;
        entries.push(Entry {
            change: if only_a { Change::OnlyA } else { Change::OnlyB },
            a: if only_a { vec![i] } else { Vec::new() },
            b: if only_a { Vec::new() } else { vec![i] },
            reasons: Vec::new(),
        });
    }
    let start = |list: &[usize]| list.iter().map(|&i| claims[i].span.start).min();
    let (mut with_a, mut only_b): (Vec<Entry>, Vec<Entry>) =
        entries.into_iter().partition(|e| !e.a.is_empty());
    with_a.sort_by_key(|e| (start(&e.a), start(&e.b)));
    only_b.sort_by_key(|e| start(&e.b));
    let mut merged: Vec<Entry> = Vec::with_capacity(with_a.len() + only_b.len());
    let mut pending = only_b.into_iter().peekable();
    for entry in with_a {
        if let Some(anchor) = start(&entry.b) {
            while let Some(next) = pending.next_if(|p| start(&p.b) < Some(anchor)) {
                merged.push(next);
            }
        }
        merged.push(entry);
    }
    merged.extend(pending);
    merged.retain(|e| !is_context(e, claims));
    merged
}

/// A one-sided entry made only of dates that set the scene rather than claim anything: a
/// bare year ("2013"), a relative date that fixes no field by itself ("Today", "last
/// year") or one that resolves to the article's own day ("tonight"). They are context for the other claims, not claims of their own.
fn is_context(entry: &Entry, claims: &[crate::extract::Claim]) -> bool {
    use crate::normalize::date::Granularity;
    if entry.change != Change::OnlyA && entry.change != Change::OnlyB {
        return false;
    }
    entry
        .a
        .iter()
        .chain(&entry.b)
        .all(|&i| match &claims[i].value {
            crate::extract::Value::Date(d) => {
                let bare_year = d.granularity == Granularity::Year
                    && d.phrase.as_str().trim().chars().all(|c| c.is_ascii_digit());
                // "Today", "tonight", "last year": relative, and fixing no field by itself.
                let deictic = d.relative && d.timex.is_none();
                let day_of_writing = d.relative
                    && d.resolved.is_some()
                    && d.resolved.as_ref().map(|r| r.as_str())
                        == d.reference.as_ref().map(|r| r.as_str());
                bare_year || deictic || day_of_writing
            }
            _ => false,
        })
}

/// Counts per change.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub shared: usize,
    pub only_a: usize,
    pub only_b: usize,
    pub conflicting: usize,
}

impl Summary {
    /// Count the entries.
    pub fn of(entries: &[Entry]) -> Self {
        let mut s = Summary::default();
        for e in entries {
            match e.change {
                Change::Shared => s.shared += 1,
                Change::OnlyA => s.only_a += 1,
                Change::OnlyB => s.only_b += 1,
                Change::Conflicting => s.conflicting += 1,
            }
        }
        s
    }
}

fn line_col(i: usize, analysis: &Analysis<'_>) -> String {
    let c = &analysis.claims[i];
    let article = &analysis.articles[c.article];
    let (line, column) = article.lines.line_col(&article.text, c.span.start);
    format!("{line}:{column}")
}

fn side_text(list: &[usize], analysis: &Analysis<'_>) -> String {
    list.iter()
        .map(|&i| claim_text(&analysis.claims[i], analysis))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The diff as text: `--- a` / `+++ b` headers, then one line per entry with its sign,
/// the line:column in A and in B, and the claims; conflicts give their reason.
pub fn render_human(
    a: usize,
    b: usize,
    entries: &[Entry],
    analysis: &Analysis<'_>,
    paint: Paint,
) -> String {
    let (aa, ab) = (&analysis.articles[a], &analysis.articles[b]);
    let mut out = format!(
        "--- a/{} ({})\n+++ b/{} ({})\n",
        aa.id,
        aa.display_path(),
        ab.id,
        ab.display_path()
    );
    for e in entries {
        let loc = |list: &[usize]| {
            list.first()
                .map_or(String::new(), |&i| line_col(i, analysis))
        };
        let text = match e.change {
            Change::OnlyA => side_text(&e.a, analysis),
            Change::OnlyB => side_text(&e.b, analysis),
            Change::Shared => format!(
                "{} = {}",
                side_text(&e.a, analysis),
                side_text(&e.b, analysis)
            ),
            Change::Conflicting => format!(
                "{} ≠ {}  ({})",
                side_text(&e.a, analysis),
                side_text(&e.b, analysis),
                e.reasons.join("; ")
            ),
        };
        let line = format!(
            "{} {:<9} {:<9} {text}",
            e.change.sign(),
            loc(&e.a),
            loc(&e.b)
        );
        match e.change.tone() {
            Some(tone) => out.push_str(&paint.tone(&line, tone)),
            None => out.push_str(&line),
        }
        out.push('\n');
    }
    let s = Summary::of(entries);
    out.push_str(&format!(
        "\n{} shared, {} only in a, {} only in b, {} conflicting\n",
        s.shared, s.only_a, s.only_b, s.conflicting
    ));
    out
}

/// One entry in JSON.
#[derive(Debug, Serialize)]
pub struct EntryJson<'a> {
    pub change: Change,
    pub a: Vec<ClaimRef<'a>>,
    pub b: Vec<ClaimRef<'a>>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub reasons: &'a [String],
}

/// The diff report in JSON.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub version: u32,
    pub a: super::json::Source<'a>,
    pub b: super::json::Source<'a>,
    pub entries: Vec<EntryJson<'a>>,
    pub summary: Summary,
}

/// The diff as JSON with a final newline, indented when `pretty`.
pub fn render_json<'a>(
    a: usize,
    b: usize,
    entries: &'a [Entry],
    analysis: &Analysis<'a>,
    pretty: bool,
) -> String {
    let mut sources = super::json::report(analysis, false).sources.into_iter();
    let (mut sa, mut sb) = (None, None);
    for (i, s) in sources.by_ref().enumerate() {
        if i == a {
            sa = Some(s);
        } else if i == b {
            sb = Some(s);
        }
    }
    let report = Report {
        version: 1,
        a: sa.expect("article a is in the run"),
        b: sb.expect("article b is in the run"),
        entries: entries
            .iter()
            .map(|e| EntryJson {
                change: e.change,
                a: e.a
                    .iter()
                    .map(|&i| ClaimRef::of(i, analysis, None))
                    .collect(),
                b: e.b
                    .iter()
                    .map(|&i| ClaimRef::of(i, analysis, None))
                    .collect(),
                reasons: &e.reasons,
            })
            .collect(),
        summary: Summary::of(entries),
    };
    super::json::to_json(&report, pretty)
}
