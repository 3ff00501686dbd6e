//! One finding per cluster of related claims: agreement, conflict or single source.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use petgraph::unionfind::UnionFind;
use serde::Serialize;

use super::{
    graph::ClaimGraph,
    independence::Groups,
    relate::{self, Link, Relation},
};
use crate::{
    config::Settings,
    extract::{Claim, ClaimKind, Value},
    ingest::Article,
    rules::{FindingKind, Severity, Verdict},
};

/// An edge inside a finding, by claim index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingLink {
    pub a: usize,
    pub b: usize,
    #[serde(flatten)]
    pub link: Link,
}

/// What corroborate concludes about one cluster of claims.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// `F1`, `F2`, ... in report order.
    pub id: String,
    pub kind: FindingKind,
    pub verdict: Verdict,
    pub severity: Severity,
    /// Claim indices, in claim order.
    pub claims: Vec<usize>,
    /// Article indices, sorted.
    pub sources: Vec<usize>,
    /// Independence groups the claims come from, sorted.
    pub groups: Vec<usize>,
    pub explanation: String,
    pub links: Vec<FindingLink>,
}

impl FindingLink {
    /// Why the two claims relate, in words.
    pub fn reason(&self, claims: &[Claim]) -> String {
        self.link.reason_text(&claims[self.a], &claims[self.b])
    }
}

impl Finding {
    /// Number of independent sources (groups) behind the finding.
    pub fn independent_sources(&self) -> usize {
        self.groups.len()
    }
}

fn kind_for(claim_kind: ClaimKind, verdict: Verdict) -> FindingKind {
    match (claim_kind, verdict) {
        (_, Verdict::SingleSource) => FindingKind::SingleSource,
        (ClaimKind::Quantity, Verdict::Agreement) => FindingKind::QuantityAgreement,
        (ClaimKind::Quantity, Verdict::Conflict) => FindingKind::QuantityConflict,
        (ClaimKind::Quote, Verdict::Agreement) => FindingKind::QuoteAgreement,
        (ClaimKind::Quote, Verdict::Conflict) => FindingKind::Misquote,
        (ClaimKind::Role, Verdict::Agreement) => FindingKind::RoleAgreement,
        (ClaimKind::Role, Verdict::Conflict) => FindingKind::RoleConflict,
        (ClaimKind::Date, Verdict::Agreement) => FindingKind::DateAgreement,
        (ClaimKind::Date, Verdict::Conflict) => FindingKind::DateConflict,
        (ClaimKind::Duration, Verdict::Agreement) => FindingKind::DurationAgreement,
        (ClaimKind::Duration, Verdict::Conflict) => FindingKind::DurationConflict,
    }
}

/// The kind of one conflicting link (issue 9): two spellings of a name, one quote
/// credited to two people, or else what the claims' kind says.
fn conflict_kind(a: &Claim, b: &Claim, settings: &Settings) -> FindingKind {
    if let (Some(pa), Some(pb)) = (a.person(), b.person())
        && relate::names(pa, pb, settings).is_some()
    {
        return FindingKind::NameMisspelling;
    }
    if let (Value::Quote(qa), Value::Quote(qb)) = (&a.value, &b.value)
        && let (Some(sa), Some(sb)) = (&qa.speaker, &qb.speaker)
        && qa.speaker_is_person
        && qb.speaker_is_person
        && !relate::same_person(sa, sb)
        && relate::surname(sa) != relate::surname(sb)
    {
        return FindingKind::MisattributedQuote;
    }
    kind_for(a.kind, Verdict::Conflict)
}

fn claim_phrase(claim: &Claim, articles: &[Article]) -> String {
    let source = &articles[claim.article].id;
    match &claim.value {
        Value::Quantity(q) => {
            let what = q
                .counted_text
                .as_deref()
                .map(|t| format!(" {t}"))
                .unwrap_or_default();
            let value = relate::describe(q);
            format!("{value}{what} ({source})")
        }
        Value::Quote(q) => {
            let by = q
                .speaker
                .as_deref()
                .map(|s| format!(" by {s}"))
                .unwrap_or_default();
            let how = if q.quoted { "quoted" } else { "unquoted" };
            format!("{how}{by} ({source})")
        }
        Value::Role(r) => format!("{} as {} ({source})", r.person, relate::role_phrase(r)),
        Value::Date(d) => format!("{} ({source})", relate::describe_date(d)),
        Value::Duration(d) => format!("{} ({source})", d.describe()),
    }
}

/// Cluster claims along the graph's links, strongest first. A link is taken only if the
/// merged cluster stays consistent within each article (an article's different figures
/// never end up in one cluster), which keeps chains of loose agreements ("at least one",
/// "dozens", "more than 200") from gluing unrelated facts together.
fn cluster(claims: &[Claim], graph: ClaimGraph) -> (UnionFind<usize>, Vec<FindingLink>) {
    // The graph is used up: its links move into the findings (not copied, issue 7; an
    // edge and a `FindingLink` have the same size, so the list is reused in place).
    let (_, edges) = graph.graph.into_nodes_edges();
    let mut edges: Vec<FindingLink> = edges
        .into_iter()
        .map(|e| {
            let (a, b) = (e.source().index(), e.target().index());
            FindingLink {
                a: a.min(b),
                b: a.max(b),
                link: e.weight,
            }
        })
        .collect();
    edges.sort_by(|x, y| {
        y.link
            .similarity
            .total_cmp(&x.link.similarity)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    let mut union = UnionFind::<usize>::new(claims.len());
    // Members of each cluster of two claims or more by article, keyed by the cluster's
    // root; a claim not in the map is alone in its cluster (most claims are: a map for
    // each was a large share of a huge run's memory, issue 7).
    let mut members: HashMap<usize, BTreeMap<usize, Vec<usize>>> = HashMap::new();
    let alone = |i: usize| BTreeMap::from([(claims[i].article, vec![i])]);
    // The links not taken are dropped in place: a second list of the accepted ones was
    // the peak of a large run (issue 8).
    edges.retain(|edge| {
        let (ra, rb) = (union.find(edge.a), union.find(edge.b));
        if ra == rb {
            return true;
        }
        for root in [ra, rb] {
            members.entry(root).or_insert_with(|| alone(root));
        }
        let (ma, mb) = (&members[&ra], &members[&rb]);
        let pair_ok = |xs: &[usize], ys: &[usize]| {
            xs.iter().all(|&x| {
                ys.iter()
                    .all(|&y| relate::compatible_within_article(&claims[x], &claims[y]))
            })
        };
        // Walk the smaller cluster's articles and look them up in the larger one: a huge
        // cluster (one story copied thousands of times) is not walked for every edge.
        let consistent = if ma.len() <= mb.len() {
            ma.iter()
                .all(|(article, xs)| mb.get(article).is_none_or(|ys| pair_ok(xs, ys)))
        } else {
            mb.iter()
                .all(|(article, ys)| ma.get(article).is_none_or(|xs| pair_ok(xs, ys)))
        };
        if !consistent {
            return false;
        }
        union.union(ra, rb);
        let root = union.find(ra);
        // The smaller member list moves into the larger (then sits under the new root).
        let mut small = members.remove(&ra).unwrap_or_default();
        let mut large = members.remove(&rb).unwrap_or_default();
        if small.len() > large.len() {
            std::mem::swap(&mut small, &mut large);
        }
        for (article, xs) in small {
            large.entry(article).or_default().extend(xs);
        }
        members.insert(root, large);
        true
    });
    (union, edges)
}

/// Cluster the graph and judge every cluster.
pub fn judge(
    articles: &[Article],
    claims: &[Claim],
    graph: ClaimGraph,
    groups: &Groups,
    settings: &Settings,
) -> Vec<Finding> {
    let (union, accepted) = cluster(claims, graph);
    // Claims by cluster (root, then claim order) in one list, not a list per cluster:
    // most clusters are one claim, and a huge run has hundreds of thousands (issue 7).
    let mut by_root: Vec<(usize, usize)> = (0..claims.len()).map(|i| (union.find(i), i)).collect();
    by_root.sort_unstable();
    let clusters = by_root.chunk_by(|x, y| x.0 == y.0).map(|chunk| {
        let members: Vec<usize> = chunk.iter().map(|&(_, i)| i).collect();
        (chunk[0].0, members)
    });
    let mut links_of: BTreeMap<usize, Vec<FindingLink>> = BTreeMap::new();
    for link in accepted {
        links_of.entry(union.find(link.a)).or_default().push(link);
    }
    let mut findings = Vec::new();
    for (root, members) in clusters {
        let mut links = links_of.remove(&root).unwrap_or_default();
        links.sort_by_key(|l| (l.a, l.b));
        let sources: BTreeSet<usize> = members.iter().map(|&i| claims[i].article).collect();
        let group_set: BTreeSet<usize> = sources.iter().map(|&a| groups.of_article[a]).collect();
        let has_conflict = links.iter().any(|l| l.link.relation == Relation::Conflicts);
        let verdict = if has_conflict {
            Verdict::Conflict
        } else if group_set.len() >= 2 {
            Verdict::Agreement
        } else {
            Verdict::SingleSource
        };
        let first = &claims[members[0]];
        // A date only one source gives is context for its other claims, not a claim to
        // corroborate on its own; reporting each would bury the findings that matter.
        if first.kind == ClaimKind::Date && verdict == Verdict::SingleSource {
            continue;
        }
        let kind = match links
            .iter()
            .filter(|l| l.link.relation == Relation::Conflicts)
            .map(|l| conflict_kind(&claims[l.a], &claims[l.b], settings))
            .min()
        {
            Some(kind) => kind,
            None => kind_for(first.kind, verdict),
        };
        let severity = settings.severity_of(kind);
        if severity == Severity::Off {
            continue;
        }
        let explanation = explain(verdict, &members, &links, claims, articles, group_set.len());
        findings.push(Finding {
            id: String::new(),
            kind,
            verdict,
            severity,
            claims: members,
            sources: sources.into_iter().collect(),
            groups: group_set.into_iter().collect(),
            explanation,
            links,
        });
    }
    findings.extend(weekday_mismatches(articles, claims, groups, settings));
    findings.sort_by(|a, b| {
        let order = |v: Verdict| match v {
            Verdict::Conflict => 0,
            Verdict::Agreement => 1,
            Verdict::SingleSource => 2,
        };
        let first = |f: &Finding| {
            let c = &claims[f.claims[0]];
            (c.article, c.span.start)
        };
        (order(a.verdict), a.kind, first(a)).cmp(&(order(b.verdict), b.kind, first(b)))
    });
    for (i, f) in findings.iter_mut().enumerate() {
        f.id = format!("F{}", i + 1);
    }
    findings
}

/// When the two reports carry different dates and the later one gives the higher figure,
/// the difference may be a toll that grew rather than a contradiction: say so.
fn growth_note(a: &Claim, b: &Claim, articles: &[Article]) -> String {
    let (Value::Quantity(qa), Value::Quantity(qb)) = (&a.value, &b.value) else {
        return String::new();
    };
    let (Some(da), Some(db)) = (
        &articles[a.article].meta.date,
        &articles[b.article].meta.date,
    ) else {
        return String::new();
    };
    if da == db {
        return String::new();
    }
    let (earlier, later, later_date) = if da < db { (qa, qb, db) } else { (qb, qa, da) };
    let (_, _, earlier_high, _) = relate::interval(earlier);
    let (later_low, _, _, _) = relate::interval(later);
    if later_low > earlier_high {
        format!(
            " (the later report, of {later_date}, gives the higher figure: it may have grown since the earlier one)"
        )
    } else {
        String::new()
    }
}

fn explain(
    verdict: Verdict,
    members: &[usize],
    links: &[FindingLink],
    claims: &[Claim],
    articles: &[Article],
    groups: usize,
) -> String {
    match verdict {
        Verdict::Conflict => {
            let reasons: Vec<String> = links
                .iter()
                .filter(|l| l.link.relation == Relation::Conflicts)
                .map(|l| {
                    format!(
                        "{} vs {}: {}{}",
                        claim_phrase(&claims[l.a], articles),
                        claim_phrase(&claims[l.b], articles),
                        l.reason(claims),
                        growth_note(&claims[l.a], &claims[l.b], articles)
                    )
                })
                .collect();
            reasons.join("; ")
        }
        Verdict::Agreement => {
            let phrases: Vec<String> = members
                .iter()
                .map(|&i| claim_phrase(&claims[i], articles))
                .collect();
            format!("{groups} independent sources agree: {}", phrases.join(", "))
        }
        Verdict::SingleSource => {
            let copies = members
                .iter()
                .map(|&i| claims[i].article)
                .collect::<BTreeSet<_>>()
                .len();
            let phrase = claim_phrase(&claims[members[0]], articles);
            if copies > 1 {
                format!(
                    "only one independent source: {phrase}, carried by {copies} copies of one story"
                )
            } else {
                format!("only one source: {phrase}")
            }
        }
    }
}

/// One finding per date whose written weekday the calendar contradicts: a check inside
/// one article, needing no other source.
fn weekday_mismatches(
    articles: &[Article],
    claims: &[Claim],
    groups: &Groups,
    settings: &Settings,
) -> Vec<Finding> {
    let severity = settings.severity_of(FindingKind::WeekdayMismatch);
    if severity == Severity::Off {
        return Vec::new();
    }
    claims
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let d = c.date().filter(|d| d.weekday_mismatch)?;
            let actual = d
                .period
                .map(|p| p.start.weekday())
                .and_then(|w| WEEKDAYS.get(w as usize))?;
            let written = d.weekday.unwrap_or("another day");
            Some(Finding {
                id: String::new(),
                kind: FindingKind::WeekdayMismatch,
                verdict: Verdict::Conflict,
                severity,
                claims: vec![i],
                sources: vec![c.article],
                groups: vec![groups.of_article[c.article]],
                explanation: format!(
                    "{}: {} is a {actual}, not a {written}",
                    claim_phrase(c, articles),
                    d.resolved.as_deref().unwrap_or("the date"),
                ),
                links: Vec::new(),
            })
        })
        .collect()
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
