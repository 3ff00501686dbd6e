//! Date claims: every date phrase of an article, resolved against the article's date,
//! with the key terms of the event it dates.
//!
//! The reference date is the article's metadata `date`, else `Settings::reference_date`
//! (the `--date` flag). Without either, relative phrases stay unresolved and list the
//! readings around the latest full date the article itself states, as candidates.
//! This module does not compare dates; `reconcile` does.

use serde::Serialize;

use crate::{
    config::Settings,
    extract::{Claim, ClaimKind, Term, TermList, Value, context},
    ingest::Article,
    normalize::{
        date::{self, Civil, DateMention, Expr, Granularity, Lean, Period},
        text,
    },
    span::Span,
};

/// What a date claim says.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateValue {
    /// The period named, as "2025-02-03", "2025-W06", "2024-07" or "2013"; None when the
    /// phrase cannot be placed (no reference date, or relative to another event).
    pub resolved: Option<Term>,
    pub granularity: Granularity,
    /// The phrase as written.
    pub phrase: Term,
    /// Whether placing the phrase needed the reference date.
    pub relative: bool,
    /// What the phrase fixes by itself, TIMEX-style ("XXXX-07", "XXXX-WXX-1").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timex: Option<Term>,
    /// The reference date the phrase was resolved against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<Term>,
    /// Possible readings when the phrase is unresolved (around the latest full date the
    /// article states) or when the sentence's tense does not decide between them.
    #[serde(skip_serializing_if = "<[Term]>::is_empty")]
    pub candidates: TermList,
    /// The weekday the phrase names or states ("monday"), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday: Option<&'static str>,
    /// A weekday written beside a date that falls on another day.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub weekday_mismatch: bool,
    /// Key terms of the event the date belongs to (its sentence, date words left out).
    pub event: TermList,
    /// The resolved period.
    #[serde(skip)]
    pub period: Option<Period>,
    /// Fields the phrase fixes, for comparing unresolved dates.
    #[serde(skip)]
    pub fields: Fields,
    /// A year used as a modifier ("a 2017 memorandum", "the 2024 MOU"): it names a
    /// document or an edition more than it dates an event, so it never conflicts.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub attributive: bool,
}

/// Whether a bare year stands before a noun as a modifier.
fn is_attributive(sentence: &str, m: &DateMention) -> bool {
    if !matches!(m.expr, Expr::Year(_)) {
        return false;
    }
    let before = sentence.get(..m.span.start).unwrap_or("");
    let after = sentence.get(m.span.end..).unwrap_or("");
    let prev = text::words(before).last().map(|(_, _, w)| text::fold(w));
    let next_is_noun = after.starts_with(' ')
        && text::words(after).next().is_some_and(|(s, _, w)| {
            after[..s].trim().is_empty() || after[..s].trim().chars().all(|c| "\"“'‘".contains(c))
        } && !w.chars().all(|c| c.is_ascii_digit()));
    matches!(
        prev.as_deref(),
        Some("a" | "an" | "the" | "its" | "his" | "her" | "their" | "our")
    ) && next_is_noun
}

/// The calendar fields a date fixes; None where it says nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Fields {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// 0 = Monday.
    pub weekday: Option<u32>,
}

impl Fields {
    fn of_period(p: Period) -> Fields {
        let s = p.start;
        match p.granularity {
            Granularity::Day => Fields {
                year: Some(s.year),
                month: Some(s.month),
                day: Some(s.day),
                weekday: Some(s.weekday()),
            },
            Granularity::Month => Fields {
                year: Some(s.year),
                month: Some(s.month),
                ..Fields::default()
            },
            Granularity::Year => Fields {
                year: Some(s.year),
                ..Fields::default()
            },
            Granularity::Week => Fields::default(),
        }
    }

    fn of_expr(expr: Expr) -> Fields {
        match expr {
            Expr::Day { year, month, day } => Fields {
                year,
                month: Some(month),
                day: Some(day),
                weekday: year
                    .and_then(|y| Civil::new(y, month, day))
                    .map(Civil::weekday),
            },
            Expr::Month { year, month } => Fields {
                year,
                month: Some(month),
                ..Fields::default()
            },
            Expr::MonthFromReference { month, .. } => Fields {
                month: Some(month),
                ..Fields::default()
            },
            Expr::Year(y) => Fields {
                year: Some(y),
                ..Fields::default()
            },
            Expr::Weekday { weekday, .. } => Fields {
                weekday: Some(weekday),
                ..Fields::default()
            },
            _ => Fields::default(),
        }
    }
}

const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words about time itself, left out of an event's key terms: two events are not the
/// same because both happened "last week".
const TIME_VOCABULARY: &[&str] = &[
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "earlier",
    "later",
    "early",
    "late",
    "last",
    "next",
    "since",
    "morning",
    "afternoon",
    "evening",
    "night",
    "ago",
    "mid",
    "first",
];

/// The reference date of an article: its own date, else the run's `--date`.
pub fn reference_of(article: &Article, settings: &Settings) -> Option<Civil> {
    article
        .meta
        .date
        .as_deref()
        .and_then(Civil::parse_iso)
        .or(settings.reference_date)
}

/// How many key terms on each side of a date phrase describe its event.
const EVENT_WINDOW: usize = 6;

/// Words that open a new clause: what follows them is another event.
const CLAUSE_OPENERS: &[&str] = &[
    "after",
    "before",
    "when",
    "while",
    "which",
    "who",
    "whom",
    "where",
    "as",
    "because",
    "since",
    "until",
    "although",
    "though",
    "but",
    "whereas",
    "following",
];

/// Key terms of the event dated by `at` in `sentence`: the content words of the date's
/// clause (up to `EVENT_WINDOW` on each side), or of the next clauses when the date
/// stands alone ("On July 1, 2024, the two countries signed ..."), leaving out the date
/// phrases (`spans`, relative to the sentence) and words about time. A sentence often
/// dates several things; the clause says which one this date dates.
pub fn event_terms(sentence: &str, at: Span, spans: &[Span], settings: &Settings) -> Vec<String> {
    let inside = |i: usize| spans.iter().any(|d| d.start <= i && i < d.end);
    let mut clause = 0usize;
    let mut last = 0usize;
    // (start, end, word, clause number)
    let mut words: Vec<(usize, usize, &str, usize)> = Vec::new();
    for (s, e, w) in text::words(sentence) {
        let gap = sentence.get(last..s).unwrap_or("");
        if !inside(s) && gap.contains([',', ';', ':', '(', ')', '—', '–']) {
            clause += 1;
        }
        if !inside(s) && CLAUSE_OPENERS.contains(&text::folded(w).as_ref()) {
            clause += 1;
        }
        words.push((s, e, w, clause));
        last = e;
    }
    let own = words
        .iter()
        .find(|(s, _, _, _)| *s >= at.start)
        .or(words.last())
        .map_or(0, |w| w.3);
    let content = |w: &str| {
        let f = text::folded(w);
        f.chars().count() >= 3
            && !f.chars().all(|c| c.is_ascii_digit())
            && !settings.stopwords.contains(f.as_ref())
            && !TIME_VOCABULARY.contains(&f.as_ref())
            && !WEEKDAY_NAMES.contains(&f.as_ref())
            && !date::find(w)
                .iter()
                .any(|m| matches!(m.expr, Expr::Month { .. } | Expr::Weekday { .. }))
    };
    // Whether each word is a content word, worked out once: the clauses below are read up
    // to three times, and the test runs the date scanner on the word (issue 8).
    let is_content: Vec<std::cell::OnceCell<bool>> = vec![std::cell::OnceCell::new(); words.len()];
    let of_clauses = |from: usize, to: usize| -> Vec<(usize, &str)> {
        words
            .iter()
            .enumerate()
            .filter(|(k, (s, e, w, c))| {
                (from..=to).contains(c)
                    && !spans.iter().any(|d| d.start <= *s && *e <= d.end)
                    && *is_content[*k].get_or_init(|| content(w))
            })
            .map(|(_, t)| t)
            .map(|(s, _, w, _)| (*s, *w))
            .collect()
    };
    let mut chosen = of_clauses(own, own);
    // A date alone in its clause dates the clauses next to it.
    if chosen.len() < 2 {
        chosen = of_clauses(own, own + 2);
    }
    if chosen.len() < 2 {
        chosen = of_clauses(own.saturating_sub(1), own + 2);
    }
    let split = chosen.partition_point(|(s, _)| *s < at.start);
    let from = split.saturating_sub(EVENT_WINDOW);
    let to = (split + EVENT_WINDOW).min(chosen.len());
    let kept: String = chosen[from..to]
        .iter()
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(" ");
    let mut terms = context::terms_of(&kept, settings);
    terms.sort();
    terms.dedup();
    terms
}

/// The date value of one mention in `sentence`.
pub fn value_of(
    mention: &DateMention,
    sentence: &str,
    reference: Option<Civil>,
    anchor: Option<Civil>,
    event: TermList,
) -> DateValue {
    let lean = date::lean_of(sentence);
    let period = mention.resolve(reference, lean);
    // Labels, phrases and reference dates repeat from claim to claim: each is stored once
    // (`Term`), not once per claim (issue 7).
    let label = |p: Period| Term::from(p.label());
    let mut candidates = TermList::default();
    match (period, reference) {
        (None, None) => {
            if let Some(anchor) = anchor
                && let Some(c) = mention.candidates(anchor)
            {
                candidates = c.into_iter().map(label).collect();
            }
        }
        (Some(_), Some(r)) if lean == Lean::Nearest => {
            if let Some(c) = mention.candidates(r)
                && c.len() > 1
            {
                // Only readings within a week or a season of the reference are real doubts.
                candidates = c
                    .into_iter()
                    .filter(|p| (p.start.days() - r.days()).abs() <= 183)
                    .map(label)
                    .collect();
            }
        }
        _ => {}
    }
    let fields = period.map_or_else(|| Fields::of_expr(mention.expr), Fields::of_period);
    let weekday = match (mention.stated_weekday, mention.expr) {
        (Some(w), _) | (None, Expr::Weekday { weekday: w, .. }) => Some(w),
        _ => None,
    };
    let weekday_mismatch = match (mention.stated_weekday, period) {
        (Some(w), Some(p)) if p.granularity == Granularity::Day => p.start.weekday() != w,
        _ => false,
    };
    DateValue {
        resolved: period.map(label),
        granularity: mention.granularity(),
        phrase: Term::from(
            sentence
                .get(mention.span.start..mention.span.end)
                .unwrap_or(""),
        ),
        relative: mention.is_relative(),
        timex: mention.timex(reference, lean).map(Term::from),
        reference: reference
            .filter(|_| mention.is_relative())
            .map(|r| Term::from(r.to_string())),
        candidates,
        weekday: weekday.and_then(|w| WEEKDAY_NAMES.get(w as usize).copied()),
        weekday_mismatch,
        event,
        period,
        fields,
        attributive: false,
    }
}

/// The date mentions of every sentence of `article`, spans relative to each sentence.
pub fn mentions(article: &Article) -> Vec<(usize, Vec<DateMention>)> {
    article
        .sentences
        .iter()
        .enumerate()
        .map(|(si, s)| (si, date::find(article.slice(s.span))))
        .filter(|(_, found)| !found.is_empty())
        .collect()
}

/// Read the date claims of one article.
pub fn extract(index: usize, article: &Article, settings: &Settings) -> Vec<Claim> {
    let reference = reference_of(article, settings);
    let found = mentions(article);
    // The latest full date the article states: a floor for when it was written.
    let anchor = found
        .iter()
        .flat_map(|(_, ms)| ms.iter())
        .filter_map(|m| match m.expr {
            Expr::Day {
                year: Some(y),
                month,
                day,
            } => Civil::new(y, month, day),
            _ => None,
        })
        .max();
    let mut claims = Vec::new();
    for (si, ms) in found {
        let sentence = article.sentences[si];
        let text = article.slice(sentence.span);
        let spans: Vec<Span> = ms.iter().map(|m| m.span).collect();
        let context = context::around(article, si, settings);
        for m in &ms {
            let event = event_terms(text, m.span, &spans, settings);
            let mut value = value_of(m, text, reference, anchor, TermList::from(event.clone()));
            value.attributive = is_attributive(text, m);
            claims.push(Claim {
                id: String::new(),
                article: index,
                kind: ClaimKind::Date,
                span: m.span.shifted(sentence.span.start),
                sentence: sentence.span,
                subject: if event.is_empty() {
                    "date".to_owned()
                } else {
                    event.join(" ")
                },
                value: Value::Date(value),
                context: context.clone(),
            });
        }
    }
    claims
}
