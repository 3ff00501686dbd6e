//! Whether two claims agree or conflict, and why, as data.
//!
//! Quantities are intervals: 43 agrees with "dozens", "more than 40" and "about 45";
//! "more than 80,000" conflicts with "nearly 80,000". Two figures are compared only when
//! they count the same class of thing (or measure the same dimension) and their
//! contexts are alike: a conflict needs more alike contexts than an agreement, where the
//! equal values are themselves evidence of talking about the same thing.

use std::{borrow::Cow, collections::HashMap};

use serde::Serialize;

use crate::{
    config::Settings,
    extract::{
        Claim, Context, Quantity, Quote, Role, RoleStatus, Value, date::DateValue,
        duration::DurationValue,
    },
    normalize::text,
};

use super::wording;

/// How two claims relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Agrees,
    Conflicts,
}

/// An edge of the claim graph: the relation and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    pub relation: Relation,
    /// Why, as data: the words are made from the two claims when a report is written
    /// ([`Link::reason_text`]). A string per link was a large share of a big run's links
    /// (issue 8).
    #[serde(skip)]
    pub reason: Reason,
    /// Whether the reason reads from the second claim of the pair to the first (a
    /// comparison made the other way round).
    #[serde(skip)]
    pub reversed: bool,
    /// Context similarity, 0..1.
    pub similarity: f64,
    /// For a conflict: whether every part of the two claims' frames matched (attribute
    /// stated on both sides, nothing inferred), so that a CI job may fail on it; else it
    /// is a conflict to check (issue 15). Always true for an agreement.
    pub confident: bool,
}

/// Why two claims relate; the words come from the claims ([`Link::reason_text`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// "X is compatible with Y": quantities, dates, durations, roles.
    Compatible,
    /// "X cannot be Y": quantities, dates, durations.
    CannotBe,
    /// "X is the same weekday as Y": dates.
    SameWeekday,
    /// Quotes of the same words.
    SameWords,
    /// One quote inside the other.
    PartOfOther,
    /// Quotes that differ in one word.
    Slip,
    /// "S is quoted with different words (N% alike)", S the first quote's speaker.
    DifferentWords,
    /// "the same words are credited to S and to T".
    CreditedToTwo,
    /// Two spellings of one name.
    SpeltTwoWays,
    /// "P cannot be both R and S": roles.
    BothRoles,
}

impl Link {
    fn new(relation: Relation, reason: Reason, similarity: f64) -> Self {
        Self {
            relation,
            reason,
            reversed: false,
            similarity,
            confident: true,
        }
    }

    /// The same link, marked as a conflict to check rather than a confident one.
    pub fn to_check(mut self, unsure: bool) -> Self {
        if unsure {
            self.confident = false;
        }
        self
    }

    /// The reason in words, for the link between claims `a` and `b` (as stored in the
    /// graph: the claims the link was made for, in either order).
    pub fn reason_text(&self, a: &Claim, b: &Claim) -> String {
        let (a, b) = if self.reversed { (b, a) } else { (a, b) };
        let percent = self.similarity * 100.0;
        let speaker = |c: &Claim| {
            c.quote()
                .and_then(|q| q.speaker.clone())
                .unwrap_or_default()
        };
        let person = |c: &Claim| c.person().unwrap_or_default().to_owned();
        match self.reason {
            Reason::Compatible => format!("{} is compatible with {}", phrase(a), phrase(b)),
            Reason::CannotBe => format!("{} cannot be {}", phrase(a), phrase(b)),
            Reason::SameWeekday => format!("{} is the same weekday as {}", phrase(a), phrase(b)),
            Reason::SameWords => "the same words".to_owned(),
            Reason::PartOfOther => "one quote is part of the other".to_owned(),
            Reason::Slip => "the same words but for a slip of one word".to_owned(),
            Reason::DifferentWords => format!(
                "{} is quoted with different words ({percent:.0}% alike)",
                speaker(a)
            ),
            Reason::CreditedToTwo => format!(
                "the same words are credited to {} and to {}",
                speaker(a),
                speaker(b)
            ),
            Reason::SpeltTwoWays => format!(
                "\u{201c}{}\u{201d} and \u{201c}{}\u{201d} look like one name spelt two ways ({percent:.0}% alike)",
                person(a),
                person(b)
            ),
            Reason::BothRoles => format!(
                "{} cannot be both {} and {}",
                a.role().map(|r| r.person.as_str()).unwrap_or_default(),
                phrase(a),
                phrase(b)
            ),
        }
    }
}

/// How a reason names one claim's value.
fn phrase(claim: &Claim) -> String {
    match &claim.value {
        Value::Quantity(q) => describe(q),
        Value::Date(d) => describe_date(d),
        Value::Duration(d) => d.describe(),
        Value::Role(r) => role_phrase(r),
        Value::Quote(q) => q.normalized.clone(),
    }
}

/// Weights of context terms: inverse document frequency over the run's independence
/// groups, zero for a term only one group uses (it can never be shared across
/// independent sources, so it would only dilute the similarity).
#[derive(Debug, Clone, Default)]
pub struct TermWeights {
    idf: HashMap<String, f64>,
}

impl TermWeights {
    /// Weights from the set of terms each independence group's claims use.
    pub fn new<'a>(per_group: impl Iterator<Item = Vec<&'a str>>) -> Self {
        let mut df: HashMap<String, usize> = HashMap::new();
        let mut n = 0usize;
        for terms in per_group {
            n += 1;
            for t in terms {
                *df.entry(t.to_owned()).or_default() += 1;
            }
        }
        let idf = df
            .into_iter()
            .filter(|(_, d)| *d >= 2)
            .map(|(t, d)| (t, (1.0 + n as f64 / d as f64).ln()))
            .collect();
        Self { idf }
    }

    /// Weight of one term.
    pub fn weight(&self, term: &str) -> f64 {
        self.idf.get(term).copied().unwrap_or(0.0)
    }

    /// How many weighted terms two contexts share.
    pub fn shared_terms(&self, a: &Context, b: &Context) -> usize {
        a.terms
            .iter()
            .filter(|t| self.weight(t) > 0.0 && b.terms.binary_search(t).is_ok())
            .count()
    }

    /// Weighted overlap of two contexts' terms, 0..1: shared weight over the geometric
    /// mean of each side's weight.
    pub fn similarity(&self, a: &Context, b: &Context) -> f64 {
        let total = |c: &Context| c.terms.iter().map(|t| self.weight(t)).sum::<f64>();
        let (ta, tb) = (total(a), total(b));
        if ta == 0.0 || tb == 0.0 {
            return 0.0;
        }
        let (mut i, mut j, mut shared) = (0, 0, 0.0);
        while i < a.terms.len() && j < b.terms.len() {
            match a.terms[i].cmp(&b.terms[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += self.weight(&a.terms[i]);
                    i += 1;
                    j += 1;
                }
            }
        }
        shared / (ta * tb).sqrt()
    }
}

/// A quantity's interval in its dimension's base unit: (low, low inclusive, high, high inclusive).
pub fn interval(q: &Quantity) -> (f64, bool, f64, bool) {
    let to_base = |x: f64| x * q.base_factor + q.base_offset;
    let low = q.low.map_or(f64::NEG_INFINITY, to_base);
    let high = q.high.map_or(f64::INFINITY, to_base);
    (
        low,
        q.low.is_none() || q.low_inclusive,
        high,
        q.high.is_none() || q.high_inclusive,
    )
}

/// How many times larger the higher of two disjoint intervals is than the lower: the
/// higher one's low end over the lower one's high end (1 when they overlap, touch zero
/// or are open towards each other).
pub fn apart_by(a: (f64, bool, f64, bool), b: (f64, bool, f64, bool)) -> f64 {
    let (lower, higher) = if a.2 <= b.0 { (a, b) } else { (b, a) };
    let (near_top, far_bottom) = (lower.2, higher.0);
    if near_top > 0.0 && near_top.is_finite() && far_bottom.is_finite() && far_bottom > near_top {
        far_bottom / near_top
    } else {
        1.0
    }
}

/// Whether two disjoint figures are further apart than `conflict-max-ratio` (a decimal
/// slip, 1.2 against 12, is exactly the ratio and still a conflict).
pub fn too_far_apart(
    a: (f64, bool, f64, bool),
    b: (f64, bool, f64, bool),
    settings: &Settings,
) -> bool {
    apart_by(a, b) > settings.thresholds.conflict_max_ratio * (1.0 + 1e-9)
}

/// Whether two intervals share a value.
pub fn overlaps(a: (f64, bool, f64, bool), b: (f64, bool, f64, bool)) -> bool {
    // Allow for float noise from unit conversion.
    let scale = [a.0, a.2, b.0, b.2]
        .into_iter()
        .filter(|x| x.is_finite())
        .fold(1.0f64, |m, x| m.max(x.abs()));
    let eps = 1e-9 * scale;
    let below = |hi: f64, hi_inc: bool, lo: f64, lo_inc: bool| {
        hi < lo - eps || ((hi - lo).abs() <= eps && !(hi_inc && lo_inc))
    };
    !(below(a.2, a.3, b.0, b.1) || below(b.2, b.3, a.0, a.1))
}

/// The key of the bucket a quantity is compared in: what it counts, or its dimension.
pub fn bucket_key(q: &Quantity) -> String {
    let subset = if q.subset { "part of " } else { "" };
    match (&q.dimension, &q.unit, &q.counted) {
        (Some(d), Some(u), _) if d == "currency" => format!("{subset}currency:{u}"),
        (Some(d), _, Some(role)) => format!("{subset}{d}:{role}"),
        (Some(d), _, None) => format!("{subset}{d}"),
        (None, _, Some(c)) => format!("{subset}{c}"),
        (None, _, None) => format!("{subset}amount"),
    }
}

/// Describe a quantity's value for explanations ("43", "more than 80,000", "24 or more").
pub fn describe(q: &Quantity) -> String {
    // A time of day is held in minutes after midnight and told as a reader writes it.
    let clock = q.unit.as_deref() == Some(crate::extract::quantity::TIME_OF_DAY);
    let unit = if clock { "" } else { q.unit_suffix.as_str() };
    let n = |x: f64| {
        if clock {
            clock_time(x)
        } else {
            format!("{}{}", q.unit_prefix, format_amount(x))
        }
    };
    let sum = if q.parts.len() > 1 {
        format!(
            " ({})",
            q.parts
                .iter()
                .map(|p| n(p.number))
                .collect::<Vec<_>>()
                .join(" + ")
        )
    } else {
        String::new()
    };
    use crate::extract::Qualifier::*;
    match (q.qualifier, q.number, q.low, q.high) {
        (Exact, Some(v), ..) => format!("{}{unit}{sum}", n(v)),
        (Approximate, Some(v), ..) => format!("about {}{unit}", n(v)),
        (MoreThan, Some(v), ..) => format!("more than {}{unit}", n(v)),
        (AtLeast, Some(v), ..) => format!("at least {}{unit}", n(v)),
        (LessThan, Some(v), Some(_), _) => format!("nearly {}{unit}", n(v)),
        (LessThan, Some(v), None, _) => format!("less than {}{unit}", n(v)),
        (AtMost, Some(v), ..) => format!("at most {}{unit}", n(v)),
        (Vague, _, Some(lo), hi) => {
            let phrase = q.vague_phrase.as_deref().unwrap_or("a vague amount");
            match hi {
                Some(hi) => format!("{phrase} ({} to {})", n(lo), n(hi)),
                None => format!("{phrase} ({} or more)", n(lo)),
            }
        }
        (_, _, Some(lo), Some(hi)) => format!("{} to {}{unit}", n(lo), n(hi)),
        (_, _, Some(lo), None) => format!("{} or more{unit}", n(lo)),
        (_, _, None, Some(hi)) => format!("up to {}{unit}", n(hi)),
        _ => "an amount".to_owned(),
    }
}

/// Minutes after midnight as a reader writes the time: "3 p.m.", "10:30 a.m.".
fn clock_time(minutes: f64) -> String {
    let total = minutes.round().rem_euclid(24.0 * 60.0) as u32;
    let (hour, minute) = (total / 60, total % 60);
    let half = if hour < 12 { "a.m." } else { "p.m." };
    let shown = match hour % 12 {
        0 => 12,
        h => h,
    };
    if minute == 0 {
        format!("{shown} {half}")
    } else {
        format!("{shown}:{minute:02} {half}")
    }
}

/// A large round amount in words ("4.2 million"), others as digits.
pub fn format_amount(x: f64) -> String {
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if x.abs() >= scale {
            let m = x / scale;
            if (m * 100.0).fract().abs() < 1e-6 {
                return format!("{} {word}", format_number((m * 100.0).round() / 100.0));
            }
        }
    }
    format_number(x)
}

// Lives in `normalize::number`: extraction writes numbers too, and must not import reconcile.
pub use crate::normalize::number::format_number;

/// The key of the bucket a quantity is compared in: its frame's attribute when it has
/// one ("dead", "magnitude"), else what it counts or its dimension ([`bucket_key`]).
/// Parts of a larger count and totals over several events have buckets of their own.
pub fn frame_key(claim: &Claim, q: &Quantity) -> String {
    match &claim.context.frame.attribute {
        Some(a) => format!("{}attribute:{a}", scope_prefix(claim, q)),
        None => counted_key(claim, q),
    }
}

/// [`frame_key`] as if the claim named no attribute: the bucket of its counted class.
pub fn counted_key(claim: &Claim, q: &Quantity) -> String {
    format!("{}{}", scope_prefix(claim, q), bucket_key(q))
}

fn scope_prefix(claim: &Claim, q: &Quantity) -> &'static str {
    let f = &claim.context.frame;
    match (f.part_of || q.subset, f.aggregate) {
        (true, _) => "part of ",
        (false, true) => "total of ",
        (false, false) => "",
    }
}

/// Whether the two frames can be one fact: no part both have differs (issue 15).
fn frames_compatible(a: &Claim, b: &Claim) -> bool {
    let (fa, fb) = (&a.context.frame, &b.context.frame);
    let differ =
        |x: &Option<String>, y: &Option<String>| matches!((x, y), (Some(x), Some(y)) if x != y);
    // "qeshm" and "qeshm island" name one entity: one's words within the other's.
    let entities_differ = match (&fa.entity, &fb.entity) {
        (Some(x), Some(y)) => {
            let within = |x: &str, y: &str| x.split(' ').all(|w| y.split(' ').any(|v| v == w));
            !within(x, y) && !within(y, x)
        }
        _ => false,
    };
    !differ(&fa.attribute, &fb.attribute)
        && !entities_differ
        && !differ(&fa.place, &fb.place)
        && fa.part_of == fb.part_of
        && fa.aggregate == fb.aggregate
        && fa.other_event == fb.other_event
}

/// How two quantities from different articles relate, if they are about the same thing.
///
/// Their frames decide whether they can be one fact: the attribute, the entity and the
/// scope must not differ. When both state the same attribute ("killed", "magnitude"),
/// the frame is the evidence and the contexts need only be a little alike
/// (`frame-context`); otherwise the contexts decide as before (`agree-context`,
/// `conflict-context`). A conflict is confident only when both attributes are stated.
pub fn quantities<'q>(
    a: &Claim,
    qa: &'q Quantity,
    b: &Claim,
    qb: &'q Quantity,
    same_story: bool,
    weights: &TermWeights,
    settings: &Settings,
) -> Option<Link> {
    if !frames_compatible(a, b) {
        return None;
    }
    let (fa, fb) = (&a.context.frame, &b.context.frame);
    let same_attribute = fa.attribute.is_some() && fa.attribute == fb.attribute;
    let stated = same_attribute && fa.attribute_stated && fb.attribute_stated;
    if !same_attribute && bucket_key(qa) != bucket_key(qb) {
        return None;
    }
    // One attribute of different things: "800 homes destroyed", "8 bridges destroyed".
    // People are counted under many nouns ("people", "victims"); things under their own.
    let thing = |q: &'q Quantity| -> Option<&'q str> {
        q.counted.as_deref().filter(|c| {
            *c != "unspecified" && !settings.frames.people_classes.iter().any(|p| p == c)
        })
    };
    if same_attribute && matches!((thing(qa), thing(qb)), (Some(x), Some(y)) if x != y) {
        return None;
    }
    // Figures of different dimensions or currencies never compare, whatever names them.
    if qa.dimension.is_some() && qb.dimension.is_some() && qa.dimension != qb.dimension {
        return None;
    }
    if qa.dimension.as_deref() == Some("currency") && qa.unit != qb.unit {
        return None;
    }
    if !a.context.is_time_compatible(&b.context) {
        return None;
    }
    // Figures owned by different names ("Ford had 25 points", "Smith had 22 points").
    if !a.context.owners.is_empty()
        && !b.context.owners.is_empty()
        && !shares_a_term(&a.context.owners, &b.context.owners)
    {
        return None;
    }
    // Copies of one story share their sentences; the weights, built across groups,
    // cannot see that.
    let similarity = if same_story && a.context.terms == b.context.terms {
        1.0
    } else {
        weights.similarity(&a.context, &b.context)
    };
    let t = &settings.thresholds;
    let (mut ia, mut ib) = (interval(qa), interval(qb));
    // "10 km" and "six miles": conversions are rounded. A figure with no unit beside one
    // with a unit, both naming one attribute ("a 4.6 quake", "4.6-magnitude"), is in the
    // same unit.
    if qa.unit.is_some() && qb.unit.is_some() && qa.unit != qb.unit {
        let widen = |i: (f64, bool, f64, bool)| {
            let tol = t.conversion_tolerance;
            (i.0 - i.0.abs() * tol, i.1, i.2 + i.2.abs() * tol, i.3)
        };
        ia = widen(ia);
        ib = widen(ib);
    }
    if overlaps(ia, ib) {
        // Two bounds open on the same side ("more than 200", "at least five") are
        // consistent but do not corroborate each other unless they name the same figure.
        let open_above = |q: &Quantity| q.high.is_none();
        let open_below = |q: &Quantity| q.low.is_none();
        if ((open_above(qa) && open_above(qb)) || (open_below(qa) && open_below(qb)))
            && qa.number != qb.number
        {
            return None;
        }
        let floor = if stated {
            t.frame_context
        } else {
            t.agree_context
        };
        (similarity >= floor).then(|| Link::new(Relation::Agrees, Reason::Compatible, similarity))
    } else {
        // One player's 11 rebounds and another's seven both hold.
        if matches!((&fa.owner, &fb.owner), (Some(x), Some(y)) if x != y) {
            return None;
        }
        // An attribute only one side names is not enough to contradict the other.
        if fa.attribute != fb.attribute {
            return None;
        }
        // Far apart, the figures are two facts (a past disaster's toll, a city's
        // population), however alike their frames.
        if too_far_apart(ia, ib, settings) {
            return None;
        }
        if stated {
            return (similarity >= t.frame_context && shares_enough(a, b, weights, 1))
                .then(|| Link::new(Relation::Conflicts, Reason::CannotBe, similarity))
                .map(|l| l.to_check(similarity < t.conflict_context));
        }
        if !same_story && weights.shared_terms(&a.context, &b.context) < t.conflict_min_shared {
            return None;
        }
        // A bare measure ("5.4 per cent", "$141 billion") has no counted noun to say what
        // it is about; the words right around it must then say the same thing.
        if qa.dimension.is_some() && !shares_a_term(&a.context.local, &b.context.local) {
            return None;
        }
        // Figures for different places ("in the province" / "across Asia") both hold.
        if !a.context.scope.is_empty()
            && !b.context.scope.is_empty()
            && !shares_a_term(&a.context.scope, &b.context.scope)
        {
            return None;
        }
        // Without a stated attribute the frame is inferred: a conflict to check.
        (similarity >= t.conflict_context)
            .then(|| Link::new(Relation::Conflicts, Reason::CannotBe, similarity).to_check(true))
    }
}

/// Whether two contexts share at least `n` weighted terms.
fn shares_enough(a: &Claim, b: &Claim, weights: &TermWeights, n: usize) -> bool {
    weights.shared_terms(&a.context, &b.context) >= n
}

/// Whether two sorted term lists share a term.
fn shares_a_term(a: &[String], b: &[String]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Whether two word forms differ only by a slip: one word a character or two apart
/// ("damaged" / "damages", "population's" / "populations'").
fn is_slip(a: &str, b: &str) -> bool {
    // Different word counts (most pairs) are told apart without splitting.
    let spaces = |s: &str| s.bytes().filter(|&c| c == b' ').count();
    if spaces(a) != spaces(b) {
        return false;
    }
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    if wa.len() != wb.len() {
        return false;
    }
    let differing: Vec<(&str, &str)> = wa
        .iter()
        .zip(&wb)
        .filter(|(x, y)| x != y)
        .map(|(x, y)| (*x, *y))
        .collect();
    let Some(&(x, y)) = differing.first() else {
        return false;
    };
    // A changed figure or a short word ("not" / "now") changes the meaning: not a slip.
    let meaningful = |w: &str| w.chars().any(|c| c.is_ascii_digit()) || w.chars().count() < 4;
    differing.len() == 1 && !meaningful(x) && !meaningful(y) && strsim::levenshtein(x, y) <= 2
}

/// Whether two claims of one article can sit in one cluster: the same figure said twice,
/// or the same quote, but not two different figures (the article's "three people" and
/// "two women" are different facts, whatever links them to other sources).
pub fn compatible_within_article(a: &Claim, b: &Claim) -> bool {
    match (&a.value, &b.value) {
        (Value::Quantity(qa), Value::Quantity(qb)) => {
            // The same figure said twice, or a vague mention and the precise figure in
            // one paragraph ("dozens of migrants ... a total of 32 men and 11 women").
            let same_figure = qa.number.is_some() && qa.number == qb.number && qa.unit == qb.unit;
            let same_paragraph =
                a.context.paragraph.is_some() && a.context.paragraph == b.context.paragraph;
            bucket_key(qa) == bucket_key(qb)
                && (same_figure || (same_paragraph && overlaps(interval(qa), interval(qb))))
        }
        (Value::Quote(qa), Value::Quote(qb)) => {
            qa.normalized == qb.normalized
                || contains_words(&qa.normalized, &qb.normalized)
                || contains_words(&qb.normalized, &qa.normalized)
        }
        // One person's role named twice ("Foreign Minister X", "the foreign minister, X,").
        (Value::Role(ra), Value::Role(rb)) => {
            same_person(&ra.person, &rb.person)
                && ra.status == rb.status
                && ra.roles.iter().any(|r| rb.roles.contains(r))
        }
        _ => false,
    }
}

/// The folded surname of a speaker ("Marco Rubio" -> "rubio").
pub fn surname(speaker: &str) -> String {
    speaker
        .split_whitespace()
        .last()
        .map(text::fold)
        .unwrap_or_default()
}

/// Whether `inner` occurs in `outer` on word boundaries.
pub fn contains_words(outer: &str, inner: &str) -> bool {
    if inner.is_empty() || inner.len() > outer.len() {
        return false;
    }
    if inner.len() == outer.len() {
        return inner == outer;
    }
    outer.match_indices(inner).any(|(i, _)| {
        let bytes = outer.as_bytes();
        (i == 0 || bytes[i - 1] == b' ')
            && (i + inner.len() == outer.len() || bytes[i + inner.len()] == b' ')
    })
}

/// How two quotes from different articles relate.
///
/// The same words, or one quote inside the other, agree (unless two different people
/// are credited with them). Otherwise the words are compared in one form (contractions,
/// spelling variants, hyphens and joined words made alike, [`wording`]): two quotes of
/// one speaker that share most of their words are one statement, and a misquote when
/// two or more content words changed, or a figure or a negation did; a changed function
/// word or a single changed word is the same quote.
pub fn quotes(qa: &Quote, qb: &Quote, settings: &Settings) -> Option<Link> {
    // Each containment test once: they are most of the cost of a pair that agrees.
    let identical = qa.normalized == qb.normalized;
    let part = !identical
        && (contains_words(&qa.normalized, &qb.normalized)
            || contains_words(&qb.normalized, &qa.normalized));
    let same_words = identical || part;
    if same_words && let Some(link) = misattribution(qa, qb, settings) {
        return Some(link);
    }
    if identical {
        return Some(Link::new(Relation::Agrees, Reason::SameWords, 1.0));
    }
    if part {
        return Some(Link::new(Relation::Agrees, Reason::PartOfOther, 1.0));
    }
    if is_slip(&qa.normalized, &qb.normalized) {
        return Some(Link::new(Relation::Agrees, Reason::Slip, 1.0));
    }
    let (Some(sa), Some(sb)) = (&qa.speaker, &qb.speaker) else {
        return None;
    };
    if surname(sa) != surname(sb) || !qa.quoted || !qb.quoted {
        return None;
    }
    let rules = &settings.frames;
    let (wa, wb) = (
        wording::Wording::of(&qa.normalized, rules),
        wording::Wording::of(&qb.normalized, rules),
    );
    if wa.letters == wb.letters {
        return Some(Link::new(Relation::Agrees, Reason::SameWords, 1.0));
    }
    if wa.letters.contains(&wb.letters) || wb.letters.contains(&wa.letters) {
        return Some(Link::new(Relation::Agrees, Reason::PartOfOther, 1.0));
    }
    let d = wording::compare(&wa, &wb, settings);
    if d.overlap < settings.thresholds.misquote_similarity {
        return None;
    }
    if !d.meaningful && d.content_changes < 2 {
        return Some(Link::new(Relation::Agrees, Reason::Slip, d.overlap));
    }
    Some(
        Link::new(Relation::Conflicts, Reason::DifferentWords, d.overlap)
            .to_check(!d.meaningful && d.content_changes < 3),
    )
}

/// A date in words for explanations: the phrase and, when it differs, what it resolves to.
pub fn describe_date(d: &DateValue) -> String {
    match &d.resolved {
        Some(r) if *r != d.phrase => format!("\u{201c}{}\u{201d} ({r})", d.phrase),
        _ => format!("\u{201c}{}\u{201d}", d.phrase),
    }
}

/// Two dates of one event that sources disagree on are days or months apart (a typo, a
/// time zone, a rounded month), rarely more than a year; dates further apart with alike
/// words are different events of one story (a visit in 2019, another in 2025).
const MAX_CONFLICT_GAP_DAYS: i64 = 366;

/// How two dates from different articles relate, given how alike their events are.
///
/// Resolved dates are compared as periods (so "July 1, 2024" lies in "July 2024");
/// otherwise the calendar fields both fix (year, month, day) must be equal, and a bare
/// weekday agrees with a date on that weekday. A bare weekday never conflicts: which
/// week it names is a guess.
///
/// `shared` is how many key terms the two events have in common: a conflict needs two,
/// since one common word ("fire") is what every date of one story shares.
pub fn dates(
    da: &DateValue,
    db: &DateValue,
    similarity: f64,
    shared: usize,
    settings: &Settings,
) -> Option<Link> {
    let t = &settings.thresholds;
    let agrees = |reason: Reason| {
        (similarity >= t.agree_context).then(|| Link::new(Relation::Agrees, reason, similarity))
    };
    // "last week", "this year", "Monday": which week or year is a guess, too weak to
    // contradict anything by its calendar fields (they may still agree).
    let is_guess = |d: &DateValue| {
        d.relative
            && !d.phrase.chars().any(|c| c.is_ascii_digit())
            && !MONTH_NAMES
                .iter()
                .any(|m| d.phrase.to_lowercase().contains(m))
    };
    // Whether the two dates are told of one event strongly enough to contradict.
    let one_event = || {
        // "On Thursday" in Thursday's paper and "on Friday" in Friday's are each the
        // day of writing: daily reports of one story, not two dates for one event.
        let is_day_of_writing =
            |d: &DateValue| d.relative && d.resolved.is_some() && d.reference == d.resolved;
        // Two dates of one story share its words ("convicted in June 1998 of assault",
        // "returned to prison in June 1999 for assault"); the events themselves must be
        // mostly the same words to be one event told two ways.
        let (ea, eb) = (&da.event, &db.event);
        let common = ea.iter().filter(|t| eb.contains(t)).count();
        let union = ea.len() + eb.len() - common;
        let alike_events = union == 0 || (common as f64) >= 0.4 * union as f64;
        alike_events
            && !da.attributive
            && !db.attributive
            && shared >= t.time_conflict_min_shared
            && similarity >= t.time_conflict_context
            && !(is_day_of_writing(da) && is_day_of_writing(db))
    };
    let conflicts = |reason: Reason| {
        (!is_guess(da) && !is_guess(db) && one_event())
            .then(|| Link::new(Relation::Conflicts, reason, similarity))
    };
    // A weekday is the one field a bare "on Tuesday" fixes for certain: which week it
    // names is a guess, which day of the week is not. One event on "Monday" in one source
    // and "Tuesday" in another (or a dated Monday) is a discrepancy, to check, since a
    // source may count from another event ("the day after").
    let names_weekday = |d: &DateValue| d.weekday.is_some() && is_guess(d);
    if names_weekday(da) || names_weekday(db) {
        if let (Some(x), Some(y)) = (da.fields.weekday, db.fields.weekday) {
            if x != y {
                return one_event().then(|| {
                    Link::new(Relation::Conflicts, Reason::CannotBe, similarity).to_check(true)
                });
            }
        }
    }
    if let (Some(pa), Some(pb)) = (da.period, db.period) {
        if pa.overlaps(pb) {
            return agrees(Reason::Compatible);
        }
        let (first, last) = if pa.start < pb.start {
            (pa, pb)
        } else {
            (pb, pa)
        };
        let gap = last.start.days() - first.end().days();
        return (gap <= MAX_CONFLICT_GAP_DAYS)
            .then(|| conflicts(Reason::CannotBe))
            .flatten();
    }
    let (fa, fb) = (da.fields, db.fields);
    if fa.year.zip(fb.year).is_some_and(|(x, y)| (x - y).abs() > 1) {
        return None;
    }
    let pairs = [
        fa.year.zip(fb.year).map(|(x, y)| x == y),
        fa.month.zip(fb.month).map(|(x, y)| x == y),
        fa.day.zip(fb.day).map(|(x, y)| x == y),
    ];
    if pairs.contains(&Some(false)) {
        return conflicts(Reason::CannotBe);
    }
    if pairs.contains(&Some(true)) {
        return agrees(Reason::Compatible);
    }
    match (fa.weekday, fb.weekday) {
        // Only the weekday in common: weak evidence, so the events must be as alike as
        // a conflict would need.
        (Some(x), Some(y)) if x == y && similarity >= t.conflict_context => {
            agrees(Reason::SameWeekday)
        }
        _ => None,
    }
}

const MONTH_NAMES: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// How two durations from different articles relate: as intervals in days.
pub fn durations(
    da: &DurationValue,
    db: &DurationValue,
    similarity: f64,
    settings: &Settings,
) -> Option<Link> {
    if da.age != db.age {
        return None;
    }
    let t = &settings.thresholds;
    // Ages of different people are the commonest pair of different durations in a story;
    // an age only agrees.
    let conflicts_allowed = !da.age
        && similarity >= t.time_conflict_context
        && !too_far_apart(da.interval(), db.interval(), settings);
    if overlaps(da.interval(), db.interval()) {
        (similarity >= t.agree_context)
            .then(|| Link::new(Relation::Agrees, Reason::Compatible, similarity))
    } else {
        conflicts_allowed.then(|| Link::new(Relation::Conflicts, Reason::CannotBe, similarity))
    }
}

/// The same words credited to two different people (issue 9). Only people the articles
/// name count: an organization or an unresolved description may speak through a person.
/// Two spellings of one name are a misspelling, not a misattribution.
fn misattribution(qa: &Quote, qb: &Quote, settings: &Settings) -> Option<Link> {
    let (Some(sa), Some(sb)) = (&qa.speaker, &qb.speaker) else {
        return None;
    };
    if !(qa.speaker_is_person && qb.speaker_is_person) || same_person(sa, sb) {
        return None;
    }
    if names(sa, sb, settings).is_some() {
        return None;
    }
    Some(Link::new(Relation::Conflicts, Reason::CreditedToTwo, 1.0))
}

/// Whether two written names are one person's: the same folded words, or one name's
/// words all found in the other ("Bukele" and "Nayib Bukele"; "Darien" and "Darién").
pub fn same_person(a: &str, b: &str) -> bool {
    // Borrowed folds: every role pair of one surname is compared (issue 8).
    fn words(s: &str) -> Vec<Cow<'_, str>> {
        s.split_whitespace().map(text::folded).collect()
    }
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    // A word of one name is found in the other as itself, or as an initial the other's
    // initials hold ("J. Smith" and "A.J. Smith", "Robert J Pickell" and "Robert J.
    // Pickell").
    let initials = |w: &str| -> Option<Vec<char>> {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        let dotted = w.contains('.') || letters.len() == 1;
        (dotted && letters.len() <= 3).then_some(letters)
    };
    let found = |w: &Cow<'_, str>, y: &[Cow<'_, str>]| {
        y.contains(w)
            || initials(w).is_some_and(|i| {
                y.iter().any(|v| {
                    initials(v).is_some_and(|j| i.iter().all(|c| j.contains(c)))
                        || (i.len() == 1 && v.starts_with(i[0]) && v.len() > 2)
                })
            })
    };
    let within = |x: &[Cow<'_, str>], y: &[Cow<'_, str>]| x.iter().all(|w| found(w, y));
    let (la, lb) = (wa.last(), wb.last());
    let last = |w: Option<&Cow<'_, str>>| w.map(|w| w.trim_end_matches('.').to_owned());
    last(la) == last(lb) && (within(&wa, &wb) || within(&wb, &wa))
}

/// Whether two canonical organization names can name one body: equal, or the words of
/// one all among the other's ("Security Response Alliance" in "Microsoft Security
/// Response Alliance"), places and demonyms read as their canonical place.
fn organizations_match(a: &str, b: &str, settings: &Settings) -> bool {
    if a == b {
        return true;
    }
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| {
                let folded = text::fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
                match settings.people.organization(&folded) {
                    Some(place) if settings.people.is_place(place) => text::fold(place),
                    _ => folded,
                }
            })
            .filter(|w| !w.is_empty() && !matches!(w.as_str(), "the" | "of" | "s"))
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let within = |x: &[String], y: &[String]| !x.is_empty() && x.iter().all(|w| y.contains(w));
    within(&wa, &wb) || within(&wb, &wa)
}

/// Buckets a person's name is compared in for misspellings: its folded given name (when
/// it has one) and its surname's first three letters.
pub fn name_buckets(name: &str) -> Vec<String> {
    let words: Vec<String> = name.split_whitespace().map(text::fold).collect();
    let mut keys = Vec::new();
    if let (Some(first), true) = (words.first(), words.len() > 1) {
        keys.push(format!("given:{first}"));
    }
    if let Some(last) = words.last() {
        keys.push(format!(
            "surname:{}",
            last.chars().take(3).collect::<String>()
        ));
    }
    keys
}

/// Two spellings of one person's name that differ beyond accents and case ("Nayib
/// Bukele" and "Nayib Bukelle"): surnames alike above `[people] name-similarity`, given
/// names equal or one missing; or the same surname with given names alike.
pub fn names(a: &str, b: &str, settings: &Settings) -> Option<Link> {
    if same_person(a, b) {
        return None;
    }
    let threshold = settings.people.name_similarity;
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(text::fold).collect() };
    let (wa, wb) = (words(a), words(b));
    let (sa, sb) = (wa.last()?, wb.last()?);
    let (ga, gb) = (&wa[..wa.len() - 1], &wb[..wb.len() - 1]);
    let similarity = if sa == sb {
        if ga.is_empty() || gb.is_empty() {
            return None;
        }
        strsim::normalized_levenshtein(&ga.join(" "), &gb.join(" "))
    } else {
        if !(ga.is_empty() || gb.is_empty() || ga == gb) {
            return None;
        }
        strsim::normalized_levenshtein(sa, sb)
    };
    (similarity >= threshold)
        .then(|| Link::new(Relation::Conflicts, Reason::SpeltTwoWays, similarity))
}

/// How a role reads in a reason or a description ("former minister of Finance").
pub(super) fn role_phrase(r: &Role) -> String {
    let status = match r.status {
        RoleStatus::Current => "",
        RoleStatus::Former => "former ",
        RoleStatus::Acting => "acting ",
    };
    match &r.organization {
        Some(org) => format!("{status}{} of {org}", r.role),
        None => format!("{status}{}", r.role),
    }
}

/// How two role claims about people with one surname relate (issue 9). The same role
/// (or its generic head: "Secretary" and "Secretary of State"), with organizations that do
/// not differ, agrees; different current roles conflict; former, acting and current roles
/// do not contradict each other ("former senator" and "Secretary of State").
pub fn roles(ra: &Role, rb: &Role, settings: &Settings) -> Option<Link> {
    if !same_person(&ra.person, &rb.person) {
        return None;
    }
    let rules = &settings.people;
    let role_fits = crate::extract::people::role_matches(&ra.roles, &rb.roles, rules)
        || crate::extract::people::role_matches(&rb.roles, &ra.roles, rules);
    let org_fits = match (&ra.organization, &rb.organization) {
        (Some(a), Some(b)) => organizations_match(a, b, settings),
        _ => true,
    };
    if ra.status != rb.status {
        return None;
    }
    if role_fits && org_fits {
        return Some(Link::new(Relation::Agrees, Reason::Compatible, 1.0));
    }
    // Only two offices named in the rules can exclude each other: a courtesy title
    // ("Ms."), a description ("the star", "executive") or an unknown title says too little
    // to contradict anything.
    let is_office = |role: &str| {
        rules.is_known_role(role)
            || role.split_once(' ').is_some_and(|(rank, rest)| {
                rules.subordinate.contains(rank) && rules.is_known_role(rest)
            })
    };
    if !is_office(&ra.role) || !is_office(&rb.role) {
        return None;
    }
    // Two former roles can both have been held; an acting role sits beside the holder's own.
    // The same office of two differently named bodies may be one body named two ways
    // ("Sudan Armed Forces", "Sudanese Army"): a conflict to check.
    (ra.status == RoleStatus::Current)
        .then(|| Link::new(Relation::Conflicts, Reason::BothRoles, 1.0).to_check(role_fits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Qualifier;

    fn q(low: Option<f64>, li: bool, high: Option<f64>, hi: bool) -> Quantity {
        Quantity {
            number: low.or(high),
            low,
            high,
            low_inclusive: li,
            high_inclusive: hi,
            qualifier: Qualifier::Exact,
            unit: None,
            dimension: None,
            base_factor: 1.0,
            base_offset: 0.0,
            counted: Some("persons".into()),
            counted_text: None,
            parts: vec![],
            subset: false,
            vague_phrase: None,
            unit_prefix: String::new(),
            unit_suffix: String::new(),
        }
    }

    #[test]
    fn intervals_overlap_as_bounds_say() {
        let exact43 = interval(&q(Some(43.0), true, Some(43.0), true));
        let more40 = interval(&q(Some(40.0), false, None, true));
        let dozens = interval(&q(Some(24.0), true, Some(200.0), false));
        let exact46 = interval(&q(Some(46.0), true, Some(46.0), true));
        let more80k = interval(&q(Some(80000.0), false, None, true));
        let nearly80k = interval(&q(Some(72000.0), true, Some(80000.0), false));
        assert!(overlaps(exact43, more40));
        assert!(overlaps(exact43, dozens));
        assert!(!overlaps(exact43, exact46));
        assert!(!overlaps(more80k, nearly80k));
        assert!(overlaps(exact43, exact43));
    }

    #[test]
    fn figures_apart_by_more_than_the_ratio_are_two_facts() {
        let exact = |x: f64| q(Some(x), true, Some(x), true);
        let settings = Settings::builtin();
        let (a, b) = (interval(&exact(1.2)), interval(&exact(12.0)));
        assert!((apart_by(a, b) - 10.0).abs() < 1e-9);
        assert!(
            !too_far_apart(a, b, &settings),
            "a decimal slip is one fact"
        );
        assert!(too_far_apart(
            interval(&exact(10.0)),
            interval(&exact(612.0)),
            &settings
        ));
        assert!(!too_far_apart(
            interval(&exact(3.0)),
            interval(&exact(10.0)),
            &settings
        ));
        // Open bounds and overlaps say nothing about distance.
        let more_than = q(Some(5.0), false, None, false);
        assert_eq!(apart_by(interval(&more_than), interval(&exact(900.0))), 1.0);
    }

    #[test]
    fn overlap_is_symmetric_at_the_edges() {
        let at40 = interval(&q(Some(40.0), true, Some(40.0), true));
        let more40 = interval(&q(Some(40.0), false, None, true));
        let atleast40 = interval(&q(Some(40.0), true, None, true));
        assert!(!overlaps(at40, more40) && !overlaps(more40, at40));
        assert!(overlaps(at40, atleast40) && overlaps(atleast40, at40));
    }

    #[test]
    fn times_of_day_are_told_on_the_clock() {
        assert_eq!(clock_time(900.0), "3 p.m.");
        assert_eq!(clock_time(630.0), "10:30 a.m.");
        assert_eq!(clock_time(0.0), "12 a.m.");
        assert_eq!(clock_time(12.0 * 60.0 + 5.0), "12:05 p.m.");
    }

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(format_number(80000.0), "80,000");
        assert_eq!(format_number(2.7), "2.7");
    }

    fn role(person: &str, role: &str, org: Option<&str>, status: RoleStatus) -> Role {
        let settings = Settings::builtin();
        Role {
            person: person.into(),
            role: role.into(),
            organization: org.map(str::to_owned),
            status,
            roles: settings.people.roles_of(role),
        }
    }

    #[test]
    fn the_same_role_agrees_and_different_current_roles_conflict() {
        let s = Settings::builtin();
        let us = Some("United States");
        let a = role("Marco Rubio", "secretary of state", us, RoleStatus::Current);
        let b = role("Rubio", "secretary of state", None, RoleStatus::Current);
        let generic = role("Rubio", "secretary", None, RoleStatus::Current);
        let senator = role("Marco Rubio", "senator", us, RoleStatus::Former);
        let minister = role(
            "Marco Rubio",
            "interior minister",
            None,
            RoleStatus::Current,
        );
        assert_eq!(
            roles(&a, &b, &s).map(|l| l.relation),
            Some(Relation::Agrees)
        );
        assert_eq!(
            roles(&a, &generic, &s).map(|l| l.relation),
            Some(Relation::Agrees)
        );
        assert_eq!(roles(&a, &senator, &s), None);
        assert_eq!(
            roles(&a, &minister, &s).map(|l| l.relation),
            Some(Relation::Conflicts)
        );
        assert_eq!(
            roles(&minister, &a, &s).map(|l| l.relation),
            Some(Relation::Conflicts)
        );
        let vice = role("Ana Ruiz", "vice president", None, RoleStatus::Current);
        let president = role("Ana Ruiz", "president", None, RoleStatus::Current);
        assert_eq!(
            roles(&vice, &president, &s).map(|l| l.relation),
            Some(Relation::Conflicts)
        );
    }

    fn role_claim(role: Role) -> Claim {
        Claim {
            id: String::new(),
            article: 0,
            kind: crate::extract::ClaimKind::Role,
            span: crate::span::Span::new(0, 0),
            sentence: crate::span::Span::new(0, 0),
            value: Value::Role(role),
            subject: String::new(),
            context: Context::default(),
        }
    }

    #[test]
    fn reasons_are_written_from_the_claims_in_the_order_compared() {
        let s = Settings::builtin();
        let us = Some("United States");
        let rubio = role_claim(role(
            "Marco Rubio",
            "secretary of state",
            us,
            RoleStatus::Current,
        ));
        let minister = role_claim(role(
            "Marco Rubio",
            "interior minister",
            None,
            RoleStatus::Current,
        ));
        let (Some(ra), Some(rb)) = (rubio.role(), minister.role()) else {
            unreachable!("role claims")
        };
        let expected =
            "Marco Rubio cannot be both secretary of state of United States and interior minister";
        let mut link = roles(ra, rb, &s).expect("two current offices conflict");
        assert_eq!(link.reason_text(&rubio, &minister), expected);
        // Stored as (minister, rubio): the reason still reads in the order compared.
        link.reversed = true;
        assert_eq!(link.reason_text(&minister, &rubio), expected);
    }

    #[test]
    fn names_differing_beyond_accents_and_case_are_misspellings() {
        let s = Settings::builtin();
        assert!(names("Nayib Bukele", "Nayib Bukelle", &s).is_some());
        assert!(names("Bukele", "Bukelle", &s).is_some());
        assert!(names("Darien", "Darién", &s).is_none());
        assert!(names("José Raúl Mulino", "JOSE RAUL MULINO", &s).is_none());
        assert!(names("Bukele", "Nayib Bukele", &s).is_none());
        assert!(names("Joe Smith", "Jane Smith", &s).is_none());
        assert!(names("Marco Rubio", "Tammy Bruce", &s).is_none());
    }

    #[test]
    fn partial_quotes_match_on_word_boundaries() {
        assert!(contains_words(
            "we offered the opportunity to outsource",
            "the opportunity"
        ));
        assert!(!contains_words(
            "we offered the opportunity",
            "he opportunity"
        ));
    }
}
