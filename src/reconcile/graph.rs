//! The claim graph: claims are nodes, `agrees` / `conflicts` links are edges.
//!
//! Only claims that can be about the same thing are compared: quantities within a bucket
//! (counted class or dimension), and inside a large bucket only claims that share a rare
//! key term; quotes by identical word form, by containment (one automaton over every
//! quote), and for misquotes within one speaker's quotes; roles within one person's
//! (by folded surname); name spellings within a bucket of one given name or one surname
//! prefix (issue 9). Never all pairs.

use std::collections::{BTreeMap, HashMap};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use petgraph::graph::{NodeIndex, UnGraph};

use super::{
    independence::Groups,
    relate::{self, Link, TermWeights},
};
use crate::{
    config::Settings,
    extract::{Claim, Context, Term, TermList, Value},
};

/// The claim graph and how much work building it took.
#[derive(Debug)]
pub struct ClaimGraph {
    /// Node i is claim i; one edge per related claim pair, added in order of the pair's
    /// claim indices (clustering breaks ties between equally strong links by that order).
    pub graph: UnGraph<(), Link>,
    /// Claim pairs whose relation was tested.
    pub comparisons: usize,
}

/// Build the graph of `claims`.
pub fn build(claims: &[Claim], groups: &Groups, settings: &Settings) -> ClaimGraph {
    let weights = weights(claims, groups);
    let mut comparisons = 0;
    let mut edges: Vec<(usize, usize, Link)> = Vec::new();
    quantity_edges(
        claims,
        groups,
        &weights,
        settings,
        &mut comparisons,
        &mut edges,
    );
    quote_edges(claims, settings, &mut comparisons, &mut edges);
    role_edges(claims, settings, &mut comparisons, &mut edges);
    name_edges(claims, settings, &mut comparisons, &mut edges);
    date_edges(
        claims,
        groups,
        &weights,
        settings,
        &mut comparisons,
        &mut edges,
    );
    duration_edges(
        claims,
        groups,
        &weights,
        settings,
        &mut comparisons,
        &mut edges,
    );
    // Stable: of two links for one pair, the one found first stays.
    edges.sort_by_key(|e| (e.0, e.1));
    edges.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    ClaimGraph {
        graph: into_graph(claims.len(), edges),
        comparisons,
    }
}

/// The graph of `nodes` claims with `edges` (sorted by pair), moved over a slice at a
/// time from the end of the list, which is shrunk after each slice: the whole list beside
/// the whole graph was the peak of a large run (issue 8).
fn into_graph(nodes: usize, mut edges: Vec<(usize, usize, Link)>) -> UnGraph<(), Link> {
    let mut graph = UnGraph::with_capacity(nodes, edges.len());
    for _ in 0..nodes {
        graph.add_node(());
    }
    // Reversed, the list's tail holds the first pairs, so slices drained from the end
    // and walked backwards add the edges in pair order.
    edges.reverse();
    let slice = (edges.len() / 16).max(4096);
    while !edges.is_empty() {
        let rest = edges.len().saturating_sub(slice);
        for (a, b, link) in edges.drain(rest..).rev() {
            graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), link);
        }
        edges.shrink_to_fit();
    }
    graph
}

fn weights(claims: &[Claim], groups: &Groups) -> TermWeights {
    // A set per group, not a list of every claim's terms: a huge article repeats its
    // terms over hundreds of thousands of claims.
    let mut per_group: BTreeMap<usize, std::collections::BTreeSet<&str>> = BTreeMap::new();
    for c in claims {
        per_group
            .entry(groups.of_article[c.article])
            .or_default()
            .extend(c.context.terms.iter().map(Term::as_str));
    }
    TermWeights::new(per_group.into_values().map(|v| v.into_iter().collect()))
}

/// Every pair of `members`, each once, in order.
fn all_pairs(members: &[usize]) -> impl Iterator<Item = (usize, usize)> + '_ {
    members
        .iter()
        .enumerate()
        .flat_map(move |(x, &a)| members[x + 1..].iter().map(move |&b| (a, b)))
}

fn ordered(a: usize, b: usize) -> (usize, usize) {
    if a < b { (a, b) } else { (b, a) }
}

fn quantity_edges(
    claims: &[Claim],
    groups: &Groups,
    weights: &TermWeights,
    settings: &Settings,
    comparisons: &mut usize,
    edges: &mut Vec<(usize, usize, Link)>,
) {
    // Blocking by frame (issue 15): a figure meets the figures of its attribute; one
    // with an attribute also meets those of its counted class that have none (an
    // attribute only one side names still lets equal figures agree).
    // Keyed by (whether it is an attribute's bucket, key).
    let mut buckets: BTreeMap<(bool, String), Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        if let Value::Quantity(q) = &c.value {
            buckets
                .entry((false, relate::counted_key(c, q)))
                .or_default()
                .push(i);
            if c.context.frame.attribute.is_some() {
                buckets
                    .entry((true, relate::frame_key(c, q)))
                    .or_default()
                    .push(i);
            }
        }
    }
    let has_attribute = |i: usize| claims[i].context.frame.attribute.is_some();
    let max = settings.thresholds.max_candidates;
    for (&(attribute_bucket, _), members) in &buckets {
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        if members.len() <= max {
            pairs.extend(all_pairs(members));
        } else {
            // Large bucket: claims meet through their rarest terms only.
            let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
            for &i in members {
                let mut terms: Vec<&Term> = claims[i].context.terms.iter().collect();
                terms.sort_by(|x, y| {
                    weights
                        .weight(y)
                        .total_cmp(&weights.weight(x))
                        .then(x.cmp(y))
                });
                for t in terms.into_iter().take(4) {
                    postings.entry(t.as_str()).or_default().push(i);
                }
            }
            let mut set = PairSet::default();
            for list in postings.values() {
                set.extend_all_pairs(&list[..list.len().min(max)]);
            }
            pairs = set.into_sorted().collect();
        }
        for (a, b) in pairs {
            let (ca, cb) = (&claims[a], &claims[b]);
            if ca.article == cb.article {
                continue;
            }
            let (Value::Quantity(qa), Value::Quantity(qb)) = (&ca.value, &cb.value) else {
                continue;
            };
            // Two figures that both name an attribute are compared in its bucket only.
            if has_attribute(a) && has_attribute(b) && !attribute_bucket {
                continue;
            }
            *comparisons += 1;
            let same_story = groups.of_article[ca.article] == groups.of_article[cb.article];
            if let Some(link) = relate::quantities(ca, qa, cb, qb, same_story, weights, settings) {
                edges.push((a, b, link));
            }
        }
    }
}

fn quote_edges(
    claims: &[Claim],
    settings: &Settings,
    comparisons: &mut usize,
    edges: &mut Vec<(usize, usize, Link)>,
) {
    let quotes: Vec<usize> = claims
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c.value, Value::Quote(_)))
        .map(|(i, _)| i)
        .collect();
    let form = |i: usize| match &claims[i].value {
        Value::Quote(q) => q,
        _ => unreachable!("only quote indices are collected"),
    };
    // Same words: linked to the first claim with that form.
    let mut by_form: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &i in &quotes {
        by_form
            .entry(form(i).normalized.as_str())
            .or_default()
            .push(i);
    }
    let link =
        |a: usize, b: usize, comparisons: &mut usize, edges: &mut Vec<(usize, usize, Link)>| {
            if claims[a].article == claims[b].article {
                return;
            }
            *comparisons += 1;
            if let Some(mut l) = relate::quotes(form(a), form(b), settings) {
                l.reversed = a > b;
                let (x, y) = ordered(a, b);
                edges.push((x, y, l));
            }
        };
    for members in by_form.values() {
        for &b in &members[1..] {
            link(members[0], b, comparisons, edges);
        }
    }
    // One quote inside another: one automaton over the distinct forms.
    let forms: Vec<&str> = by_form.keys().copied().collect();
    if forms.len() > 1 {
        // A contiguous NFA: every form is searched once, so a DFA (what the builder picks
        // for few patterns) costs more to build than it saves (5% of a draft check).
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&forms)
            .expect("quote forms are plain strings of bounded size");
        for (outer_index, outer) in forms.iter().enumerate() {
            for m in automaton.find_overlapping_iter(outer) {
                let inner_index = m.pattern().as_usize();
                if inner_index == outer_index || !relate::contains_words(outer, forms[inner_index])
                {
                    continue;
                }
                link(
                    by_form[outer][0],
                    by_form[forms[inner_index]][0],
                    comparisons,
                    edges,
                );
            }
        }
    }
    // Misquotes: different words from one speaker.
    let mut by_speaker: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for &i in &quotes {
        if let Some(s) = &form(i).speaker {
            by_speaker.entry(relate::surname(s)).or_default().push(i);
        }
    }
    let max = settings.thresholds.max_candidates;
    for members in by_speaker.values() {
        // Bounded: one speaker quoted thousands of times (one story copied thousands of
        // times) costs at most (4 * max-candidates)^2 / 2 comparisons.
        let members = &members[..members.len().min(max * 4)];
        for (a, b) in all_pairs(members) {
            if form(a).normalized != form(b).normalized {
                link(a, b, comparisons, edges);
            }
        }
    }
}

/// Claim pairs that share one of their rarest terms (at most `max` claims per term).
fn pairs_by_rare_terms(
    members: &[usize],
    terms_of: impl Fn(usize) -> TermList,
    weights: &TermWeights,
    max: usize,
    per_claim: usize,
) -> impl Iterator<Item = (usize, usize)> {
    let mut postings: BTreeMap<Term, Vec<usize>> = BTreeMap::new();
    for &i in members {
        let mut terms: Vec<Term> = terms_of(i)
            .iter()
            .filter(|t| weights.weight(t) > 0.0)
            .cloned()
            .collect();
        terms.sort_by(|x, y| {
            weights
                .weight(y)
                .total_cmp(&weights.weight(x))
                .then(x.cmp(y))
        });
        for t in terms.into_iter().take(per_claim) {
            postings.entry(t).or_default().push(i);
        }
    }
    let mut set = PairSet::default();
    for list in postings.values() {
        set.extend_all_pairs(&list[..list.len().min(max)]);
    }
    set.into_sorted()
}

/// Claim pairs, each once, gathered from lists that repeat them: two claims that share
/// several terms meet in each term's list. Kept as packed `u64`s and deduplicated as they
/// come (whenever the list has doubled), so memory follows the distinct pairs, not the
/// repeats (issue 8: at 10,000 articles of many events, tens of millions of repeats).
#[derive(Default)]
struct PairSet {
    packed: Vec<u64>,
    compacted: usize,
}

impl PairSet {
    fn pack(a: usize, b: usize) -> u64 {
        let (a, b) = ordered(a, b);
        let narrow = |x: usize| u64::from(u32::try_from(x).expect("fewer than 2^32 claims"));
        (narrow(a) << 32) | narrow(b)
    }

    /// Every pair of `list`.
    fn extend_all_pairs(&mut self, list: &[usize]) {
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                self.packed.push(Self::pack(a, b));
            }
            if self.packed.len() >= 2 * self.compacted + 4096 {
                self.packed.sort_unstable();
                self.packed.dedup();
                self.compacted = self.packed.len();
            }
        }
    }

    /// The distinct pairs, `(smaller, larger)`, in order.
    fn into_sorted(mut self) -> impl Iterator<Item = (usize, usize)> {
        self.packed.sort_unstable();
        self.packed.dedup();
        let unpack = |p: u64| ((p >> 32) as usize, (p & u64::from(u32::MAX)) as usize);
        self.packed.into_iter().map(unpack)
    }
}

/// Dates are compared only when their events share a rare key term, and each date is
/// linked only to the date in another source whose event is most like its own (and the
/// other way round): a story dates many events, and only one of them is this one.
fn date_edges(
    claims: &[Claim],
    groups: &Groups,
    weights: &TermWeights,
    settings: &Settings,
    comparisons: &mut usize,
    edges: &mut Vec<(usize, usize, Link)>,
) {
    let dated: Vec<usize> = claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.date().is_some_and(|d| !d.event.is_empty()))
        .map(|(i, _)| i)
        .collect();
    // Each dated claim's event as a context, built once (not twice per compared pair).
    let events: HashMap<usize, Context> = dated
        .iter()
        .map(|&i| {
            let terms = claims[i]
                .date()
                .map(|d| d.event.clone())
                .unwrap_or_default();
            (
                i,
                Context {
                    terms,
                    ..Context::default()
                },
            )
        })
        .collect();
    let no_event = Context::default();
    let event = |i: usize| events.get(&i).unwrap_or(&no_event);
    let max = settings.thresholds.max_candidates;
    // An event's terms are few (a window around the date), so all of them are indexed.
    let pairs = pairs_by_rare_terms(&dated, |i| event(i).terms.clone(), weights, max, usize::MAX);
    // Compact (claim, claim, similarity) triples: a run of many events scores millions.
    let narrow = |x: usize| u32::try_from(x).expect("fewer than 2^32 claims");
    let mut scored: Vec<(u32, u32, f64)> = Vec::new();
    for (a, b) in pairs {
        if claims[a].article == claims[b].article {
            continue;
        }
        *comparisons += 1;
        let (ea, eb) = (event(a), event(b));
        let same_story =
            groups.of_article[claims[a].article] == groups.of_article[claims[b].article];
        let similarity = if same_story && ea.terms == eb.terms {
            1.0
        } else {
            weights.similarity(ea, eb)
        };
        scored.push((narrow(a), narrow(b), similarity));
    }
    let mutual = mutual_best(claims.len(), |i| claims[i as usize].article, &scored);
    for (k, (a, b, similarity)) in scored.into_iter().enumerate() {
        if !mutual[k] {
            continue;
        }
        let (a, b) = (a as usize, b as usize);
        let (Some(da), Some(db)) = (claims[a].date(), claims[b].date()) else {
            continue;
        };
        let shared = da.event.iter().filter(|t| db.event.contains(t)).count();
        if let Some(link) = relate::dates(da, db, similarity, shared, settings) {
            edges.push((a, b, link));
        }
    }
}

/// Which scored pairs are each other's best partner: for `(a, b, s)`, `b` is the claim of
/// `b`'s article that scores highest with `a` (ties: the lowest claim index), and `a` the
/// one of `a`'s article with `b`. Each claim's pairs are looked at together through an
/// index of pair numbers per claim (a map keyed by claim and article took ten times the
/// memory of the pairs themselves, issue 8).
fn mutual_best(
    claim_count: usize,
    article_of: impl Fn(u32) -> usize,
    scored: &[(u32, u32, f64)],
) -> Vec<bool> {
    let mut start = vec![0usize; claim_count + 1];
    for &(a, b, _) in scored {
        start[a as usize + 1] += 1;
        start[b as usize + 1] += 1;
    }
    for i in 1..start.len() {
        start[i] += start[i - 1];
    }
    let mut next = start.clone();
    let mut of_claim = vec![0u32; scored.len() * 2];
    for (k, &(a, b, _)) in scored.iter().enumerate() {
        let k = u32::try_from(k).expect("fewer than 2^32 scored pairs");
        for x in [a, b] {
            of_claim[next[x as usize]] = k;
            next[x as usize] += 1;
        }
    }
    drop(next);
    // Bit 1: b is a's best in b's article; bit 2: a is b's best in a's article.
    let mut best = vec![0u8; scored.len()];
    for x in 0..claim_count {
        let list = &mut of_claim[start[x]..start[x + 1]];
        let partner = |k: u32| {
            let (a, b, s) = scored[k as usize];
            let y = if a as usize == x { b } else { a };
            (article_of(y), s, y)
        };
        // By partner article, then highest similarity, then lowest index.
        list.sort_unstable_by(|&k, &l| {
            let (art_k, s_k, y_k) = partner(k);
            let (art_l, s_l, y_l) = partner(l);
            art_k
                .cmp(&art_l)
                .then(s_l.total_cmp(&s_k))
                .then(y_k.cmp(&y_l))
        });
        let mut previous_article = None;
        for &k in list.iter() {
            let (article, _, _) = partner(k);
            if previous_article == Some(article) {
                continue;
            }
            previous_article = Some(article);
            best[k as usize] |= if scored[k as usize].0 as usize == x {
                1
            } else {
                2
            };
        }
    }
    best.into_iter().map(|b| b == 3).collect()
}

/// Durations are bucketed by what they measure (the noun they modify, "age", or
/// "duration"), like quantities by what they count.
fn duration_edges(
    claims: &[Claim],
    groups: &Groups,
    weights: &TermWeights,
    settings: &Settings,
    comparisons: &mut usize,
    edges: &mut Vec<(usize, usize, Link)>,
) {
    let mut buckets: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        if c.duration().is_some() {
            buckets.entry(c.subject.as_str()).or_default().push(i);
        }
    }
    let max = settings.thresholds.max_candidates;
    for members in buckets.values() {
        let pairs: Vec<(usize, usize)> = if members.len() <= max {
            all_pairs(members).collect()
        } else {
            pairs_by_rare_terms(
                members,
                |i| claims[i].context.terms.clone(),
                weights,
                max,
                4,
            )
            .collect()
        };
        for (a, b) in pairs {
            let (ca, cb) = (&claims[a], &claims[b]);
            if ca.article == cb.article || !ca.context.is_time_compatible(&cb.context) {
                continue;
            }
            let (Some(da), Some(db)) = (ca.duration(), cb.duration()) else {
                continue;
            };
            *comparisons += 1;
            let same_story = groups.of_article[ca.article] == groups.of_article[cb.article];
            let similarity = if same_story && ca.context.terms == cb.context.terms {
                1.0
            } else {
                weights.similarity(&ca.context, &cb.context)
            };
            if let Some(link) = relate::durations(da, db, similarity, settings) {
                edges.push((a, b, link));
            }
        }
    }
}

/// Role claims about one person (same folded surname), pairwise across articles.
fn role_edges(
    claims: &[Claim],
    settings: &Settings,
    comparisons: &mut usize,
    edges: &mut Vec<(usize, usize, Link)>,
) {
    let mut by_person: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        if let Value::Role(r) = &c.value {
            by_person
                .entry(relate::surname(&r.person))
                .or_default()
                .push(i);
        }
    }
    let max = settings.thresholds.max_candidates;
    for members in by_person.values() {
        let members = &members[..members.len().min(max * 4)];
        for (a, b) in all_pairs(members) {
            let (ca, cb) = (&claims[a], &claims[b]);
            let (Value::Role(ra), Value::Role(rb)) = (&ca.value, &cb.value) else {
                continue;
            };
            if ca.article == cb.article {
                continue;
            }
            *comparisons += 1;
            if let Some(link) = relate::roles(ra, rb, settings) {
                edges.push((a, b, link));
            }
        }
    }
}

/// Person names (role holders, quote speakers) spelt differently in different articles:
/// compared within a bucket of one folded given name, or of one surname's first three
/// letters, so that "Nayib Bukele" meets "Nayib Bukelle" and "Bukele" meets "Bukelle".
/// One claim per (article, name, claim kind) stands for the name.
fn name_edges(
    claims: &[Claim],
    settings: &Settings,
    comparisons: &mut usize,
    edges: &mut Vec<(usize, usize, Link)>,
) {
    // Claims of one kind only meet: a role cluster and a quote cluster may share an
    // article, and clustering keeps one article's unrelated claims apart.
    let mut first_claim: BTreeMap<(usize, String, &str), usize> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        if let Some(person) = c.person() {
            first_claim
                .entry((c.article, person.to_owned(), c.kind.name()))
                .or_insert(i);
        }
    }
    let mut buckets: BTreeMap<String, Vec<(usize, &str)>> = BTreeMap::new();
    for ((_, name, kind), &i) in &first_claim {
        for key in relate::name_buckets(name) {
            buckets
                .entry(format!("{kind}:{key}"))
                .or_default()
                .push((i, name.as_str()));
        }
    }
    let max = settings.thresholds.max_candidates;
    let mut seen: std::collections::BTreeSet<(usize, usize)> = std::collections::BTreeSet::new();
    for members in buckets.values() {
        let members = &members[..members.len().min(max)];
        for (x, &(a, na)) in members.iter().enumerate() {
            for &(b, nb) in &members[x + 1..] {
                if claims[a].article == claims[b].article || !seen.insert(ordered(a, b)) {
                    continue;
                }
                *comparisons += 1;
                if let Some(mut link) = relate::names(na, nb, settings) {
                    link.reversed = a > b;
                    let (x, y) = ordered(a, b);
                    edges.push((x, y, link));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_set_keeps_each_pair_once_in_order() {
        let mut set = PairSet::default();
        set.extend_all_pairs(&[5, 1, 3]);
        set.extend_all_pairs(&[3, 1]);
        // Enough repeats to compact on the way.
        for _ in 0..3000 {
            set.extend_all_pairs(&[1, 5, 7]);
        }
        let pairs: Vec<(usize, usize)> = set.into_sorted().collect();
        assert_eq!(pairs, vec![(1, 3), (1, 5), (1, 7), (3, 5), (5, 7)]);
    }

    /// The map the index replaced: the best partner of each claim in each other article.
    fn mutual_best_by_map(
        article_of: impl Fn(u32) -> usize,
        scored: &[(u32, u32, f64)],
    ) -> Vec<bool> {
        let mut best: HashMap<(u32, usize), (f64, u32)> = HashMap::new();
        for &(a, b, s) in scored {
            for (x, y) in [(a, b), (b, a)] {
                let entry = best.entry((x, article_of(y))).or_insert((s, y));
                if s > entry.0 || (s == entry.0 && y < entry.1) {
                    *entry = (s, y);
                }
            }
        }
        scored
            .iter()
            .map(|&(a, b, _)| best[&(a, article_of(b))].1 == b && best[&(b, article_of(a))].1 == a)
            .collect()
    }

    #[test]
    fn mutual_best_matches_a_map_of_best_partners() {
        // 60 claims in 12 articles, similarities from a small set so that ties happen.
        let article_of = |i: u32| (i as usize * 7) % 12;
        let mut state = 0x2545_f491_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut scored = Vec::new();
        for a in 0..60u32 {
            for b in a + 1..60 {
                if article_of(a) != article_of(b) && next() % 3 == 0 {
                    scored.push((a, b, f64::from((next() % 5) as u32) / 4.0));
                }
            }
        }
        let mutual = mutual_best(60, article_of, &scored);
        assert_eq!(mutual, mutual_best_by_map(article_of, &scored));
        assert!(mutual.iter().any(|&m| m) && mutual.iter().any(|&m| !m));
    }
}
