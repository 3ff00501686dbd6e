//! Claims out of articles: one module per claim kind, one `Claim` type for all.
//!
//! Extraction is a pure function of the articles and `Settings`. Claims hold the index
//! of their article and byte spans into its text, never copies of it.

pub mod analysis;
pub mod clock;
pub mod context;
pub mod date;
pub mod duration;
pub mod echo;
pub mod frame;
pub mod people;
pub mod quantity;
pub mod quote;
pub mod role;
pub mod terms;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{
    config::Settings,
    ingest::Article,
    span::{Span, SpanSet},
};

pub use context::Context;
pub use terms::{Term, TermList};

/// The kinds of claim corroborate extracts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    Quantity,
    Quote,
    /// A person's role or title (issue 9).
    Role,
    Date,
    Duration,
}

impl ClaimKind {
    /// snake_case name, as in JSON.
    pub fn name(self) -> &'static str {
        match self {
            ClaimKind::Quantity => "quantity",
            ClaimKind::Quote => "quote",
            ClaimKind::Role => "role",
            ClaimKind::Date => "date",
            ClaimKind::Duration => "duration",
        }
    }
}

/// How a quantity's number bounds the true value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    Approximate,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    Range,
    Vague,
}

/// One addend of an enumerated total ("32 men" in "32 men and 11 women").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Part {
    pub number: f64,
    pub counted: Option<String>,
    pub text: String,
}

/// A figure: a value or a range, its unit and what it counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// The stated value; None for open or vague amounts.
    pub number: Option<f64>,
    /// Lower bound, None when open below.
    pub low: Option<f64>,
    /// Upper bound, None when open above.
    pub high: Option<f64>,
    /// Whether `low` itself is included.
    #[serde(skip)]
    pub low_inclusive: bool,
    /// Whether `high` itself is included.
    #[serde(skip)]
    pub high_inclusive: bool,
    pub qualifier: Qualifier,
    /// Currency code, `percent`, a unit name, or None for a plain count.
    pub unit: Option<String>,
    /// The unit's dimension (`currency`, `length`, `ratio`), for comparing units.
    #[serde(skip)]
    pub dimension: Option<String>,
    /// The value in the dimension's base unit, for comparing "5 km" with "3.1 miles".
    #[serde(skip)]
    pub base_factor: f64,
    #[serde(skip)]
    pub base_offset: f64,
    /// Normalized counted thing: a class from rules.toml (`persons`) or a singular noun.
    pub counted: Option<String>,
    /// The counted noun phrase as written ("Colombian migrants").
    pub counted_text: Option<String>,
    /// Addends of an enumerated total.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Part>,
    /// A part of a total named nearby ("including seven ...").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub subset: bool,
    /// How the unit reads before and after a number ("$", " tonnes"), for messages.
    #[serde(skip)]
    pub unit_prefix: String,
    #[serde(skip)]
    pub unit_suffix: String,
    /// The vague phrase as written ("dozens"), for vague amounts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vague_phrase: Option<String>,
}

/// Quoted words and who said them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// The speaker's full name when the article gives it, else as written; None if unknown.
    pub speaker: Option<String>,
    /// Folded words, for matching.
    pub normalized: String,
    /// False when the words appear unquoted (an embedded post, a block quote) and were
    /// found because another source quotes them.
    pub quoted: bool,
    /// Whether `speaker` is a person the article names (not an organization or an
    /// unresolved description such as "an official"): only then can two sources crediting
    /// the same words to different speakers be a misattribution.
    #[serde(skip)]
    pub speaker_is_person: bool,
}

/// Whether a role is held now, was held, or is held for now in someone's stead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleStatus {
    Current,
    Former,
    Acting,
}

impl RoleStatus {
    /// snake_case name, as in JSON.
    pub fn name(self) -> &'static str {
        match self {
            RoleStatus::Current => "current",
            RoleStatus::Former => "former",
            RoleStatus::Acting => "acting",
        }
    }
}

/// A person's role: "Salvadoran President Nayib Bukele" -> (Nayib Bukele, president,
/// El Salvador, current).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Role {
    /// The person's full name as the article introduces it.
    pub person: String,
    /// The canonical role, lower case ("secretary of state").
    pub role: String,
    /// The canonical organization or country, when the article gives one.
    pub organization: Option<String>,
    pub status: RoleStatus,
    /// Every canonical role the written form may stand for (the first is `role`).
    #[serde(skip)]
    pub roles: Vec<String>,
}

/// What a claim says.
// Claims are mostly quantities; boxing them would cost an allocation each.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Quantity(Quantity),
    Quote(Quote),
    Role(Role),
    Date(date::DateValue),
    Duration(duration::DurationValue),
}

/// One claim in one article.
#[derive(Debug, Clone)]
pub struct Claim {
    /// `SOURCE:N`, N counting the article's claims in text order from 1.
    pub id: String,
    /// Index of the article in the run's sorted article list.
    pub article: usize,
    pub kind: ClaimKind,
    pub span: Span,
    /// The sentence (or, for quotes, the paragraph) the claim sits in.
    pub sentence: Span,
    pub value: Value,
    /// What the claim is about, in words.
    pub subject: String,
    pub context: Context,
}

impl Claim {
    /// The quantity, if this is one.
    pub fn quantity(&self) -> Option<&Quantity> {
        match &self.value {
            Value::Quantity(q) => Some(q),
            _ => None,
        }
    }

    /// The quote, if this is one.
    pub fn quote(&self) -> Option<&Quote> {
        match &self.value {
            Value::Quote(q) => Some(q),
            _ => None,
        }
    }

    /// The role, if this is one.
    pub fn role(&self) -> Option<&Role> {
        match &self.value {
            Value::Role(r) => Some(r),
            _ => None,
        }
    }

    /// The date, if this is one.
    pub fn date(&self) -> Option<&date::DateValue> {
        match &self.value {
            Value::Date(d) => Some(d),
            _ => None,
        }
    }

    /// The person the claim is about or credits, if any: a role's holder or a quote's
    /// speaker when the speaker is a person.
    pub fn person(&self) -> Option<&str> {
        match &self.value {
            Value::Role(r) => Some(&r.person),
            Value::Quote(q) if q.speaker_is_person => q.speaker.as_deref(),
            _ => None,
        }
    }

    /// The duration, if this is one.
    pub fn duration(&self) -> Option<&duration::DurationValue> {
        match &self.value {
            Value::Duration(d) => Some(d),
            _ => None,
        }
    }
}

/// Every claim of every article (including unquoted echoes of other sources' quotes),
/// sorted by (article, start, kind), with ids assigned.
pub fn all(articles: &[Article], settings: &Settings) -> Vec<Claim> {
    // Articles are independent: extracted on every core, collected in article order
    // through one growing list per worker's share of the articles, not a list per
    // article: those small lists, freed in the workers' heaps after the copy into the
    // final list, stayed resident (as many bytes again as every claim, issue 8), while a
    // large list is returned to the system when freed.
    let mut claims: Vec<Claim> = articles
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, article)| of_article(i, article, settings))
        .collect();
    let mut echoes = echo::find(articles, &claims, settings);
    // An echo (an embedded post, a block quote) is credited by its own article's
    // introduction ("Bukele posted the following:"), not by the source that quotes it.
    let mut directories: std::collections::HashMap<usize, people::Directory> =
        std::collections::HashMap::new();
    for echo in &mut echoes {
        let article = &articles[echo.article];
        let directory = directories
            .entry(echo.article)
            .or_insert_with(|| people::Directory::with_roles(article, settings));
        let credited = quote::introduced_speaker(article, echo.span.start, directory, settings);
        if let (Value::Quote(q), Some((speaker, is_person))) = (&mut echo.value, credited) {
            q.speaker = Some(speaker);
            q.speaker_is_person = is_person;
        }
    }
    claims.reserve_exact(echoes.len());
    claims.extend(echoes);
    assign_ids(articles, &mut claims);
    claims
}

fn merge_kinds(mut lists: Vec<Vec<Claim>>) -> Vec<Claim> {
    let total: usize = lists.iter().map(Vec::len).sum();
    let Some(longest) = (0..lists.len()).max_by_key(|&i| lists[i].len()) else {
        return Vec::new();
    };
    let mut all = lists.swap_remove(longest);
    all.reserve_exact(total - all.len());
    for list in lists {
        all.extend(list);
    }
    all
}

/// The claims of one article, without ids.
pub fn of_article(index: usize, article: &Article, settings: &Settings) -> Vec<Claim> {
    let _contexts = context::share_per_sentence(article);
    let mut people = people::Directory::of(article, settings);
    let roles = role::find(article, &people, settings);
    people.attach_roles(&roles);
    let dates = date::extract(index, article, settings);
    let durations = duration::extract(index, article, &dates, settings);
    let mut quantities = quantity::extract(index, article, settings);
    // A number that is part of a date or a duration is not also an amount.
    let times = SpanSet::new(dates.iter().chain(&durations).map(|t| t.span).collect());
    quantities.retain(|q| !times.overlaps(q.span));
    let quotes = quote::extract(index, article, &people, settings);
    let roles = role::claims(index, article, &roles, settings);
    // "Release Date May Be in Jeopardy": the modal verb, not the month.
    let mut dates = dates;
    dates.retain(|d| !is_modal_may(article, d.span));
    let mut claims = merge_kinds(vec![quantities, quotes, roles, dates, durations]);
    // Web addresses ("example.org/2025/02/03/page?id=881") carry numbers and dates that
    // nobody claims.
    // Every match holds "http" or "www." in some ASCII case (no other character folds to
    // these letters); the test spares compiling the pattern for most articles.
    let may_hold_url = [b"http".as_slice(), b"www."].iter().any(|needle| {
        article
            .text
            .as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
    });
    let urls = SpanSet::new(if may_hold_url {
        URL.find_iter(&article.text)
            .map(|m| Span::new(m.start(), m.end()))
            .collect()
    } else {
        Vec::new()
    });
    if !urls.is_empty() {
        claims.retain(|c| !urls.overlaps(c.span));
    }
    frame::assign(article, &mut claims, &people, settings);
    claims
}

/// Whether `span` is the word "May" used as a verb ("may be", "May Have").
fn is_modal_may(article: &Article, span: Span) -> bool {
    let text = article.slice(span);
    if !text.eq_ignore_ascii_case("may") {
        return false;
    }
    let next = article.text[span.end..]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        next.trim_matches(|c: char| !c.is_alphabetic()),
        "be" | "have"
            | "not"
            | "also"
            | "still"
            | "well"
            | "soon"
            | "never"
            | "need"
            | "take"
            | "get"
            | "become"
            | "come"
            | "go"
            | "face"
            | "see"
            | "lose"
            | "win"
            | "want"
            | "seem"
            | "prove"
            | "even"
    )
}

/// Sort claims by (article, start, kind, end), equal keys in their present order, as a
/// stable sort would: the keys and positions are sorted, then the claims are moved along
/// the permutation's cycles. A stable sort of the claims themselves needs scratch space
/// for half of them (claims are large: tens of MB for a huge article, issue 7).
fn sort_in_place(claims: &mut [Claim]) {
    let mut order: Vec<(usize, usize, ClaimKind, usize, usize)> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.article, c.span.start, c.kind, c.span.end, i))
        .collect();
    // The position makes every key distinct, so an unstable sort keeps equal keys in order.
    order.sort_unstable();
    permute(claims, order.into_iter().map(|key| key.4).collect());
}

/// Rearrange `items` so that slot i receives the item now at `source[i]` (`source` is a
/// permutation of the positions), with one swap per moved item and no copy of the list.
fn permute<T>(items: &mut [T], mut source: Vec<usize>) {
    for start in 0..source.len() {
        // Follow the cycle through `start`; each slot is marked done (source[i] == i).
        let mut slot = start;
        while source[slot] != start {
            let from = source[slot];
            items.swap(slot, from);
            source[slot] = slot;
            slot = from;
        }
        source[slot] = slot;
    }
}

static URL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)\b(?:https?://|www\.)[^\s<>()\[\]]+").expect("static pattern")
});

/// Sort claims into their canonical order and number them per article.
pub fn assign_ids(articles: &[Article], claims: &mut [Claim]) {
    sort_in_place(claims);
    let mut n = 0;
    let mut current = usize::MAX;
    for claim in claims.iter_mut() {
        if claim.article != current {
            current = claim.article;
            n = 0;
        }
        n += 1;
        claim.id = format!("{}:{n}", articles[claim.article].id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permuting_moves_each_item_to_its_slot() {
        // Every permutation of five items, against indexing into a copy.
        let n = 5;
        let mut perms: Vec<Vec<usize>> = vec![Vec::new()];
        for _ in 0..n {
            perms = perms
                .into_iter()
                .flat_map(|p| {
                    (0..n)
                        .filter(|x| !p.contains(x))
                        .map(|x| {
                            let mut q = p.clone();
                            q.push(x);
                            q
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
        }
        assert_eq!(perms.len(), 120);
        for source in perms {
            let items: Vec<char> = "abcde".chars().collect();
            let expected: Vec<char> = source.iter().map(|&i| items[i]).collect();
            let mut moved = items.clone();
            permute(&mut moved, source);
            assert_eq!(moved, expected);
        }
    }
}
