//! Quantity claims: counts, money, percentages and measures, with their qualifier kept
//! as a bound and the thing they count.
//!
//! Per sentence: numbers come from `normalize::number`, vague amounts ("dozens") from
//! rules.toml. Each is read with what surrounds it: a currency sign and a qualifier
//! before, a unit and the counted noun phrase after. Years, dates, clock times, list
//! numbers, phone numbers, identifiers ("Flight 1549") and modifiers ("90-day") are not
//! amounts and are left out. "32 men and 11 women" becomes one claim of 43 with parts.
//! A rate ("$15/hour", "10 l/km", "$80 a barrel") keeps its denominators in its unit
//! (`USD/hour`) and dimension (`currency per hour`), so it is never compared with a bare
//! amount; a tolerance ("12.5±0.5 kg") is a range around the value.

use std::sync::LazyLock;

use regex::Regex;

mod counted;
mod filter;
mod ordinal;
mod pairs;
mod range;
mod rate;
mod read;
#[cfg(test)]
mod tests;
mod unit;

use crate::{
    config::{QualifierWord, Settings},
    extract::{Claim, ClaimKind, Part, Qualifier, Quantity, Value, clock, context},
    ingest::Article,
    normalize::{
        number::{self, NumberForm, NumberToken},
        text,
    },
    span::Span,
};

use self::{counted::*, filter::*, range::*, rate::*, read::*, unit::*};

pub use self::rate::is_rate_denominator;

/// A number with everything read around it, before it becomes a claim.
#[derive(Debug, Clone)]
struct Reading {
    /// Span in the sentence, qualifier to counted phrase.
    span: Span,
    number: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    low_inclusive: bool,
    high_inclusive: bool,
    qualifier: Qualifier,
    unit: Option<usize>,
    counted: Option<String>,
    counted_text: Option<String>,
    parts: Vec<Part>,
    subset: bool,
    vague_phrase: Option<String>,
    /// Key terms within a few words of the claim.
    local: Vec<String>,
    /// Where the figure applies ("in the province").
    scope: Vec<String>,
    /// Currency sign, number(s) and unit, without qualifier or counted phrase.
    core: Span,
    /// The numbers read, each with its span.
    numbers: Vec<(Span, f64)>,
    /// End of the figure with a trailing qualifier ("40 or more"), before the counted phrase.
    qualified_end: usize,
    /// A rate's denominators, canonical ("hour" in "$15/hour"; "m2", "year" in
    /// "J/m^2 per year"); empty for a plain amount.
    per: Vec<String>,
}

/// What `read_sentence` keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Only claims: a figure with a unit or a counted thing, enumerations summed.
    Claims,
    /// Every quantity mention, bare numbers included, enumerations left apart.
    Mentions,
}

/// The words of a sentence with byte spans, folded.
struct Words<'a> {
    list: Vec<(usize, usize, &'a str)>,
}

impl<'a> Words<'a> {
    fn new(sentence: &'a str) -> Self {
        Self {
            list: text::words(sentence).collect(),
        }
    }

    /// The word ending at or before `offset`.
    fn before(&self, offset: usize) -> Option<(usize, usize, &'a str)> {
        let i = self.list.partition_point(|w| w.1 <= offset);
        i.checked_sub(1).map(|i| self.list[i])
    }

    /// The `n` words ending at or before `offset`, nearest first.
    fn n_before(
        &self,
        offset: usize,
        n: usize,
    ) -> impl Iterator<Item = (usize, usize, &'a str)> + '_ {
        let i = self.list.partition_point(|w| w.1 <= offset);
        self.list[..i].iter().rev().take(n).copied()
    }

    /// The word starting at or after `offset`.
    fn after(&self, offset: usize) -> Option<(usize, usize, &'a str)> {
        let i = self.list.partition_point(|w| w.0 < offset);
        self.list.get(i).copied()
    }
}

/// What one figure has gathered while its sentence is read, pass by pass.
struct Draft {
    /// The next token to read.
    next: usize,
    start: usize,
    end: usize,
    value: f64,
    numbers: Vec<(Span, f64)>,
    range: Option<(f64, f64)>,
    unit: Option<usize>,
    pre_end: usize,
    qualifier: Qualifier,
    subset: bool,
    is_nearly: bool,
    after: usize,
    per: Vec<String>,
    core: Span,
    qualified_end: usize,
    counted: Option<String>,
    counted_head: Option<String>,
    counted_text: Option<String>,
    phrase_end: usize,
    parts: Vec<Part>,
}

impl Draft {
    fn new(token: &NumberToken, next: usize) -> Self {
        Draft {
            next,
            start: token.start,
            end: token.end,
            value: token.value,
            numbers: vec![(Span::new(token.start, token.end), token.value)],
            range: None,
            unit: None,
            pre_end: token.start,
            qualifier: Qualifier::Exact,
            subset: false,
            is_nearly: false,
            after: token.end,
            per: Vec::new(),
            core: Span::new(token.start, token.end),
            qualified_end: token.end,
            counted: None,
            counted_head: None,
            counted_text: None,
            phrase_end: token.end,
            parts: Vec::new(),
        }
    }
}

/// One sentence as the passes read it: its number tokens, words and phone numbers.
struct Reader<'a> {
    sentence: &'a str,
    tokens: Vec<NumberToken>,
    words: Words<'a>,
    phones: Vec<Span>,
    keep: Keep,
    settings: &'a Settings,
    is_paragraph_start: bool,
}

/// The unit and dimension of a time of day (`clock`), in minutes after midnight.
pub const TIME_OF_DAY: &str = "time of day";

/// Read the quantity claims of one article.
pub fn extract(index: usize, article: &Article, settings: &Settings) -> Vec<Claim> {
    let mut claims = Vec::new();
    let proper = proper_nouns(article);
    for (si, sentence) in article.sentences.iter().enumerate() {
        let text = article.slice(sentence.span);
        let is_paragraph_start =
            si == 0 || article.sentences[si - 1].paragraph != sentence.paragraph;
        let readings = read_sentence(text, is_paragraph_start, Keep::Claims, settings);
        let plain = plain_figures(text, &readings, settings);
        if readings.is_empty() && plain.is_empty() {
            continue;
        }
        let context = context::around(article, si, settings);
        if !plain.is_empty() {
            let words = Words::new(text);
            for (span, quantity, subject) in plain {
                claims.push(Claim {
                    id: String::new(),
                    article: index,
                    kind: ClaimKind::Quantity,
                    span: span.shifted(sentence.span.start),
                    sentence: sentence.span,
                    value: Value::Quantity(quantity),
                    subject: subject.to_owned(),
                    context: context::Context {
                        local: local_terms(text, &words, span.start, span.end, settings),
                        scope: scope_terms(text, &words, span.end, settings),
                        owners: owners(text, span.start, &proper, settings),
                        ..context.clone()
                    },
                });
            }
        }
        for r in readings {
            let unit = r.unit.map(|u| &settings.units[u]);
            let counted_text = r.counted_text.clone();
            let subject = match (&counted_text, unit) {
                (Some(c), _) => c.clone(),
                (None, Some(u)) => u.name.clone(),
                (None, None) => "amount".to_owned(),
            };
            claims.push(Claim {
                id: String::new(),
                article: index,
                kind: ClaimKind::Quantity,
                span: r.span.shifted(sentence.span.start),
                sentence: sentence.span,
                value: Value::Quantity(Quantity {
                    number: r.number,
                    low: r.low,
                    high: r.high,
                    low_inclusive: r.low_inclusive,
                    high_inclusive: r.high_inclusive,
                    qualifier: r.qualifier,
                    unit: unit.map(|u| rate_name(&u.name, &r.per)),
                    dimension: unit.map(|u| rate_dimension(&u.dimension, &r.per)),
                    base_factor: unit.map_or(1.0, |u| u.factor),
                    base_offset: unit.map_or(0.0, |u| u.offset),
                    counted: r.counted.clone(),
                    counted_text,
                    parts: r.parts,
                    subset: r.subset,
                    vague_phrase: r.vague_phrase,
                    unit_prefix: unit
                        .filter(|u| u.dimension == "currency")
                        .and_then(|u| u.symbols.first())
                        .map(|s| s.trim_end().to_owned())
                        .unwrap_or_default(),
                    unit_suffix: match unit {
                        Some(u) if u.name == "percent" => "%".to_owned(),
                        Some(u) if u.dimension == "currency" && !u.symbols.is_empty() => {
                            rate_suffix(&r.per)
                        }
                        Some(u) => format!(
                            " {}{}",
                            u.aliases.first().unwrap_or(&u.name),
                            rate_suffix(&r.per)
                        ),
                        None => String::new(),
                    },
                }),
                subject,
                context: context::Context {
                    local: r.local,
                    scope: r.scope,
                    owners: owners(text, r.span.start, &proper, settings),
                    ..context.clone()
                },
            });
        }
    }
    claims
}

/// A figure with no unit of rules.toml: its value, bounds, unit and dimension (one name
/// for both), what it counts and how it reads after the number.
struct Plain<'a> {
    number: f64,
    low: Option<f64>,
    high: Option<f64>,
    qualifier: Qualifier,
    unit: &'a str,
    counted: String,
    counted_text: Option<String>,
    suffix: String,
}

impl Plain<'_> {
    fn into_quantity(self) -> Quantity {
        Quantity {
            number: Some(self.number),
            low: self.low,
            high: self.high,
            low_inclusive: true,
            high_inclusive: true,
            qualifier: self.qualifier,
            unit: Some(self.unit.to_owned()),
            dimension: Some(self.unit.to_owned()),
            base_factor: 1.0,
            base_offset: 0.0,
            counted: Some(self.counted),
            counted_text: self.counted_text,
            parts: Vec::new(),
            subset: false,
            vague_phrase: None,
            unit_prefix: String::new(),
            unit_suffix: self.suffix,
        }
    }
}

/// Figures of one sentence read apart from its quantities: times of day, pairs of
/// figures ("31-24", "29 of 34") and ordinals ("the seventh round"), each with its span
/// and subject. A pair or an ordinal that a quantity already reads is left to it.
fn plain_figures(
    sentence: &str,
    readings: &[Reading],
    settings: &Settings,
) -> Vec<(Span, Quantity, &'static str)> {
    let mut out: Vec<(Span, Quantity, &'static str)> = Vec::new();
    for t in clock::find(sentence) {
        let q = Plain {
            number: t.minutes,
            low: t.low,
            high: t.high,
            qualifier: t.qualifier,
            unit: TIME_OF_DAY,
            // Times in different zones are never compared.
            counted: t.zone,
            counted_text: None,
            suffix: " minutes after midnight".to_owned(),
        };
        out.push((t.span, q.into_quantity(), TIME_OF_DAY));
    }
    // "29 of 34 passes": the count of passes may be read; the pair is still the claim.
    let read_at = |at: usize| {
        readings
            .iter()
            .any(|r| r.span.start <= at && at < r.span.end)
    };
    let overlaps = |s: Span, out: &[(Span, Quantity, &str)]| {
        out.iter().any(|(o, ..)| o.start < s.end && s.start < o.end)
    };
    for p in pairs::find(sentence) {
        if read_at(p.span.start) || overlaps(p.span, &out) {
            continue;
        }
        let q = Plain {
            number: p.first,
            low: Some(p.first),
            high: Some(p.first),
            qualifier: Qualifier::Exact,
            unit: p.kind,
            // Both figures are the key: a pair meets only the same pair.
            counted: p.written,
            counted_text: None,
            suffix: p.rest,
        };
        out.push((p.span, q.into_quantity(), p.kind));
    }
    for o in ordinal::find(sentence, &settings.not_after, &settings.fixed_ordinals) {
        if readings
            .iter()
            .any(|r| r.span.start < o.span.end && o.span.start < r.span.end)
            || overlaps(o.span, &out)
        {
            continue;
        }
        if o.share {
            // "a third of": one part in three, compared only with the same share.
            let q = Plain {
                number: 1.0,
                low: Some(1.0),
                high: Some(1.0),
                qualifier: Qualifier::Exact,
                unit: ordinal::SHARE_UNIT,
                counted: format!("1/{}", o.value),
                counted_text: None,
                suffix: format!("/{}", o.value),
            };
            out.push((o.span, q.into_quantity(), ordinal::SHARE_UNIT));
            continue;
        }
        let q = Plain {
            number: o.value,
            low: Some(o.value),
            high: Some(o.value),
            qualifier: Qualifier::Exact,
            unit: ordinal::ORDINAL_UNIT,
            // The rank is the key: "the sixth round" never meets "the seventh round".
            counted: match &o.series {
                Some(series) => format!("{series} #{}", o.value),
                None => format!("#{}", o.value),
            },
            counted_text: o.noun,
            suffix: match o.series {
                Some(_) => String::new(),
                None => ordinal::suffix(o.value).to_owned(),
            },
        };
        out.push((o.span, q.into_quantity(), ordinal::ORDINAL_UNIT));
    }
    out
}

/// One quantity as written, claim or not: what `mentions` returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Qualifier, sign, number(s) and unit ("more than $5 million"), without the counted
    /// phrase.
    pub span: Span,
    /// Sign, number(s) and unit alone ("$5 million").
    pub core: Span,
    /// The numbers read, each with its span ("20" and "30" in "20-30").
    pub numbers: Vec<(Span, f64)>,
    /// The stated value; None for ranges and vague amounts.
    pub number: Option<f64>,
    /// Lower bound, None when open below.
    pub low: Option<f64>,
    /// Upper bound, None when open above.
    pub high: Option<f64>,
    /// Whether `low` itself is included.
    pub low_inclusive: bool,
    /// Whether `high` itself is included.
    pub high_inclusive: bool,
    pub qualifier: Qualifier,
    /// The unit's name in rules.toml (`USD`, `km`, `percent`), None for a bare number.
    pub unit: Option<String>,
    /// The unit's dimension (`currency`, `length`, `ratio`).
    pub dimension: Option<String>,
    /// The counted noun phrase as written, when there is one.
    pub counted_text: Option<String>,
}

/// Every quantity mention in `text`, bare numbers included ("192"), read with the same
/// code as the claims: years, dates, clock times, identifiers and modifiers are still
/// left out, and enumerations are not summed. Spans are byte offsets into `text`.
pub fn mentions(text: &str, settings: &Settings) -> Vec<Mention> {
    let whole = Span::new(0, text.len());
    let mut out = Vec::new();
    for (i, sentence) in crate::ingest::sentence::split(text, whole, &settings.abbreviations)
        .into_iter()
        .enumerate()
    {
        let Some(slice) = text.get(sentence.start..sentence.end) else {
            continue;
        };
        for r in read_sentence(slice, i == 0, Keep::Mentions, settings) {
            let unit = r.unit.map(|u| &settings.units[u]);
            let shift = |s: Span| s.shifted(sentence.start);
            out.push(Mention {
                span: shift(Span::new(r.span.start, r.qualified_end.max(r.span.start))),
                core: shift(r.core),
                numbers: r.numbers.iter().map(|(s, v)| (shift(*s), *v)).collect(),
                number: r.number,
                low: r.low,
                high: r.high,
                low_inclusive: r.low_inclusive,
                high_inclusive: r.high_inclusive,
                qualifier: r.qualifier,
                unit: unit.map(|u| rate_name(&u.name, &r.per)),
                dimension: unit.map(|u| rate_dimension(&u.dimension, &r.per)),
                counted_text: r.counted_text,
            });
        }
    }
    out
}
