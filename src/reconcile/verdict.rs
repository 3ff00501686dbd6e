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
    /// For a conflict: whether some conflicting link between its claims is confident
    /// (every part of the frames matched); a conflict that is not is one to check,
    /// reported at warning severity at most and not failing `--fail-on conflict`.
    pub confident: bool,
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

/// How a claim's value reads in an explanation ("more than 80,000 people", "Ana Ruiz as
/// mayor", "\u{201c}Monday\u{201d} (2025-02-03)"); a quote by how and by whom it is given.
fn value_phrase(claim: &Claim) -> String {
    match &claim.value {
        Value::Quantity(q) => {
            let what = q
                .counted_text
                .as_deref()
                .map(|t| format!(" {t}"))
                .unwrap_or_default();
            format!("{}{what}", relate::describe(q))
        }
        Value::Quote(q) => {
            let how = if q.quoted { "quoted" } else { "unquoted" };
            format!("{how}{}", by_speaker(q))
        }
        Value::Role(r) => format!("{} as {}", r.person, relate::role_phrase(r)),
        Value::Date(d) => relate::describe_date(d),
        Value::Duration(d) => d.describe(),
    }
}

/// " by Dana Holt", or nothing when the quote has no speaker.
fn by_speaker(q: &crate::extract::Quote) -> String {
    q.speaker
        .as_deref()
        .map(|s| format!(" by {s}"))
        .unwrap_or_default()
}

fn claim_phrase(claim: &Claim, articles: &[Article]) -> String {
    format!("{} ({})", value_phrase(claim), articles[claim.article].id)
}

/// Cluster claims along the graph's agreeing links, strongest first, into value groups:
/// claims that say the same thing about one fact. A link is taken only if the merged
/// group stays consistent within each article (an article's different figures never end
/// up in one group) and its figures keep a value in common, which keeps chains of loose
/// agreements ("at least one", "dozens", "more than 200") from gluing different values
/// together. Conflicting links never merge groups: they are judged between groups.
fn cluster(
    claims: &[Claim],
    edges: &mut Vec<FindingLink>,
    settings: &Settings,
) -> UnionFind<usize> {
    edges.sort_by(|x, y| {
        y.link
            .similarity
            .total_cmp(&x.link.similarity)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    let mut union = UnionFind::<usize>::new(claims.len());
    // Members of each group of two claims or more by article, keyed by the group's
    // root; a claim not in the map is alone in its group (most claims are: a map for
    // each was a large share of a huge run's memory, issue 7).
    let mut members: HashMap<usize, BTreeMap<usize, Vec<usize>>> = HashMap::new();
    // The values every figure of a group allows, in base units, by root.
    let mut common: HashMap<usize, (f64, bool, f64, bool)> = HashMap::new();
    let alone = |i: usize| BTreeMap::from([(claims[i].article, vec![i])]);
    // Widened by the conversion tolerance: "10 km" and "6.2 miles" are one value rounded.
    // Only measures of a dimension with several units are converted; counts, sums of
    // money in one currency and magnitudes are exact (45 is not 43, 6.1 is not 5.9).
    let tolerance = settings.thresholds.conversion_tolerance;
    let mut units_per_dimension: HashMap<&str, usize> = HashMap::new();
    for unit in &settings.units {
        *units_per_dimension
            .entry(unit.dimension.as_str())
            .or_default() += 1;
    }
    let converted = |q: &crate::extract::Quantity| {
        q.dimension.as_deref().is_some_and(|d| {
            d != "currency" && units_per_dimension.get(d).copied().unwrap_or(0) > 1
        })
    };
    let interval_of = |i: usize| {
        claims[i].quantity().map(|q| {
            let (low, li, high, hi) = relate::interval(q);
            let tolerance = if converted(q) { tolerance } else { 0.0 };
            (
                low - low.abs() * tolerance,
                li,
                high + high.abs() * tolerance,
                hi,
            )
        })
    };
    // The links not taken are dropped in place: a second list of the accepted ones was
    // the peak of a large run (issue 8).
    edges.retain(|edge| {
        let (ra, rb) = (union.find(edge.a), union.find(edge.b));
        if ra == rb {
            return true;
        }
        let values = |root: usize| common.get(&root).copied().or_else(|| interval_of(root));
        let merged = match (values(ra), values(rb)) {
            (Some(x), Some(y)) => match intersect(x, y) {
                Some(i) => Some(i),
                None => return false,
            },
            _ => None,
        };
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
        // Walk the smaller group's articles and look them up in the larger one: a huge
        // group (one story copied thousands of times) is not walked for every edge.
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
        common.remove(&ra);
        common.remove(&rb);
        if let Some(i) = merged {
            common.insert(root, i);
        }
        true
    });
    union
}

/// The values two intervals share, None when they share none.
fn intersect(
    a: (f64, bool, f64, bool),
    b: (f64, bool, f64, bool),
) -> Option<(f64, bool, f64, bool)> {
    if !relate::overlaps(a, b) {
        return None;
    }
    let low = if a.0 > b.0 {
        (a.0, a.1)
    } else if b.0 > a.0 {
        (b.0, b.1)
    } else {
        (a.0, a.1 && b.1)
    };
    let high = if a.2 < b.2 {
        (a.2, a.3)
    } else if b.2 < a.2 {
        (b.2, b.3)
    } else {
        (a.2, a.3 && b.3)
    };
    Some((low.0, low.1, high.0, high.1))
}

/// One value group: claims that say the same thing about one fact.
struct ValueGroup {
    root: usize,
    members: Vec<usize>,
    links: Vec<FindingLink>,
    sources: BTreeSet<usize>,
    groups: BTreeSet<usize>,
}

/// Group the graph's claims into facts and judge every fact (issue 15).
///
/// Agreeing links group claims into value groups; a fact whose value groups conflict is
/// one conflict finding that names each value and who gives it, and a value group that
/// independent sources share is an agreement finding whether or not some other source
/// contradicts it: one wrong link never turns ten agreeing sources into a conflict.
pub fn judge(
    articles: &[Article],
    claims: &[Claim],
    graph: ClaimGraph,
    groups: &Groups,
    settings: &Settings,
) -> Vec<Finding> {
    // The graph is used up: its links move into the findings (not copied, issue 7).
    let (_, edges) = graph.graph.into_nodes_edges();
    let (mut agreeing, conflicting): (Vec<FindingLink>, Vec<FindingLink>) = edges
        .into_iter()
        .map(|e| {
            let (a, b) = (e.source().index(), e.target().index());
            FindingLink {
                a: a.min(b),
                b: a.max(b),
                link: e.weight,
            }
        })
        .partition(|l| l.link.relation == Relation::Agrees);
    let union = cluster(claims, &mut agreeing, settings);
    // Claims by group (root, then claim order) in one list, not a list per group: most
    // groups are one claim, and a huge run has hundreds of thousands (issue 7).
    let mut by_root: Vec<(usize, usize)> = (0..claims.len()).map(|i| (union.find(i), i)).collect();
    by_root.sort_unstable();
    let mut links_of: BTreeMap<usize, Vec<FindingLink>> = BTreeMap::new();
    for link in agreeing {
        links_of.entry(union.find(link.a)).or_default().push(link);
    }
    // Conflicting links between two groups, by the pair of roots.
    let mut between: BTreeMap<(usize, usize), Vec<FindingLink>> = BTreeMap::new();
    for link in conflicting {
        let (ra, rb) = (union.find(link.a), union.find(link.b));
        if ra != rb {
            between
                .entry((ra.min(rb), ra.max(rb)))
                .or_default()
                .push(link);
        }
    }
    // Facts: value groups joined by conflicts.
    let mut facts = UnionFind::<usize>::new(claims.len());
    for &(ra, rb) in between.keys() {
        facts.union(ra, rb);
    }
    let mut in_conflict: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut value_groups: BTreeMap<usize, ValueGroup> = BTreeMap::new();
    for chunk in by_root.chunk_by(|x, y| x.0 == y.0) {
        let root = chunk[0].0;
        let members: Vec<usize> = chunk.iter().map(|&(_, i)| i).collect();
        let mut links = links_of.remove(&root).unwrap_or_default();
        links.sort_by_key(|l| (l.a, l.b));
        let sources: BTreeSet<usize> = members.iter().map(|&i| claims[i].article).collect();
        let group_set: BTreeSet<usize> = sources.iter().map(|&a| groups.of_article[a]).collect();
        value_groups.insert(
            root,
            ValueGroup {
                root,
                members,
                links,
                sources,
                groups: group_set,
            },
        );
    }
    for &(ra, rb) in between.keys() {
        for r in [ra, rb] {
            let fact = facts.find(r);
            let list = in_conflict.entry(fact).or_default();
            if !list.contains(&r) {
                list.push(r);
            }
        }
    }
    let conflicted: BTreeSet<usize> = in_conflict.values().flatten().copied().collect();
    let mut findings = Vec::new();
    for group in value_groups.values() {
        let verdict = if group.groups.len() >= 2 {
            Verdict::Agreement
        } else {
            Verdict::SingleSource
        };
        // A group that contradicts another is reported in the conflict; on its own only
        // when independent sources agree on it.
        if conflicted.contains(&group.root) && verdict == Verdict::SingleSource {
            continue;
        }
        let first = &claims[group.members[0]];
        // A date only one source gives is context for its other claims, not a claim to
        // corroborate on its own; reporting each would bury the findings that matter.
        if first.kind == ClaimKind::Date && verdict == Verdict::SingleSource {
            continue;
        }
        let kind = kind_for(first.kind, verdict);
        let severity = settings.severity_of(kind);
        if severity == Severity::Off {
            continue;
        }
        let explanation = explain(
            verdict,
            &group.members,
            claims,
            articles,
            group.groups.len(),
        );
        findings.push(Finding {
            id: String::new(),
            kind,
            verdict,
            severity,
            confident: true,
            claims: group.members.clone(),
            sources: group.sources.iter().copied().collect(),
            groups: group.groups.iter().copied().collect(),
            explanation,
            links: group.links.clone(),
        });
    }
    for roots in in_conflict.values() {
        if let Some(finding) =
            conflict_finding(roots, &value_groups, &between, claims, articles, settings)
        {
            findings.push(finding);
        }
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

/// The conflict finding of one fact: its value groups `roots`, each with who gives it,
/// the best supported first.
fn conflict_finding(
    roots: &[usize],
    value_groups: &BTreeMap<usize, ValueGroup>,
    between: &BTreeMap<(usize, usize), Vec<FindingLink>>,
    claims: &[Claim],
    articles: &[Article],
    settings: &Settings,
) -> Option<Finding> {
    let mut parts: Vec<&ValueGroup> = roots.iter().filter_map(|r| value_groups.get(r)).collect();
    // Best supported first (most independent sources, then most sources), ties by text
    // order: the explanation reads "what most say vs what one says".
    parts.sort_by(|x, y| {
        (y.groups.len(), y.sources.len())
            .cmp(&(x.groups.len(), x.sources.len()))
            .then(x.members[0].cmp(&y.members[0]))
    });
    let mut links: Vec<FindingLink> = Vec::new();
    for (i, x) in parts.iter().enumerate() {
        for y in &parts[i + 1..] {
            let key = (x.root.min(y.root), x.root.max(y.root));
            if let Some(ls) = between.get(&key) {
                links.extend(ls.iter().cloned());
            }
        }
    }
    // `links` holds only the conflicting links between groups here.
    let strongest = links
        .iter()
        .max_by(|x, y| {
            (x.link.confident, x.link.similarity)
                .partial_cmp(&(y.link.confident, y.link.similarity))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then((y.a, y.b).cmp(&(x.a, x.b)))
        })?
        .clone();
    let kind = links
        .iter()
        .map(|l| conflict_kind(&claims[l.a], &claims[l.b], settings))
        .min()?;
    let confident = links.iter().any(|l| l.link.confident);
    let mut severity = settings.severity_of(kind);
    if severity == Severity::Off {
        return None;
    }
    if !confident {
        severity = severity.min(Severity::Warning);
    }
    for part in &parts {
        links.extend(part.links.iter().cloned());
    }
    links.sort_by_key(|l| (l.a, l.b));
    let mut members: Vec<usize> = parts
        .iter()
        .flat_map(|p| p.members.iter().copied())
        .collect();
    members.sort_unstable();
    let sources: BTreeSet<usize> = parts
        .iter()
        .flat_map(|p| p.sources.iter().copied())
        .collect();
    let group_set: BTreeSet<usize> = parts
        .iter()
        .flat_map(|p| p.groups.iter().copied())
        .collect();
    let values: Vec<String> = parts
        .iter()
        .map(|p| value_with_sources(p, claims, articles))
        .collect();
    let how_sure = if confident {
        ""
    } else {
        " (to check: the claims' frames match only in part)"
    };
    let explanation = format!(
        "{}: {}{}{how_sure}",
        values.join(" vs "),
        strongest.reason(claims),
        growth_note(&claims[strongest.a], &claims[strongest.b], articles),
    );
    Some(Finding {
        id: String::new(),
        kind,
        verdict: Verdict::Conflict,
        severity,
        confident,
        claims: members,
        sources: sources.into_iter().collect(),
        groups: group_set.into_iter().collect(),
        explanation,
        links,
    })
}

/// How a finding names a source: its outlet, else its title, else its id.
pub fn source_name(article: &Article) -> &str {
    article
        .meta
        .outlet
        .as_deref()
        .or(article.meta.title.as_deref())
        .unwrap_or(&article.id)
}

/// "10 people (AP, Reuters, +2 more)": a value group's value and who gives it.
fn value_with_sources(group: &ValueGroup, claims: &[Claim], articles: &[Article]) -> String {
    // The group is named by its most precise figure: "45" rather than "dozens of".
    let width = |i: usize| {
        claims[i].quantity().map_or(0.0, |q| {
            let (low, _, high, _) = relate::interval(q);
            high - low
        })
    };
    let first = &claims[group
        .members
        .iter()
        .copied()
        .min_by(|&x, &y| width(x).total_cmp(&width(y)).then(x.cmp(&y)))
        .unwrap_or(group.members[0])];
    // Two wordings of one quote are told apart by their words.
    let value = match &first.value {
        Value::Quote(q) => {
            let by = by_speaker(q);
            let words: Vec<&str> = q.normalized.split(' ').collect();
            let more = if words.len() > 8 { "..." } else { "" };
            format!(
                "\u{201c}{}{more}\u{201d}{by}",
                words[..words.len().min(8)].join(" ")
            )
        }
        _ => value_phrase(first),
    };
    let mut names: Vec<&str> = group
        .sources
        .iter()
        .map(|&a| source_name(&articles[a]))
        .collect();
    names.dedup();
    const SHOWN: usize = 3;
    let shown = names.len().min(SHOWN);
    let more = if names.len() > SHOWN {
        format!(", +{} more", names.len() - SHOWN)
    } else {
        String::new()
    };
    format!("{value} ({}{more})", names[..shown].join(", "))
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
    claims: &[Claim],
    articles: &[Article],
    groups: usize,
) -> String {
    match verdict {
        // A fact's conflict is explained by `conflict_finding`, value group by group.
        Verdict::Conflict => unreachable!("value groups are agreements or single-source"),
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
                confident: true,
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
