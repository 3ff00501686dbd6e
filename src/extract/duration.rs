//! Duration claims: lengths of time ("a 90-day freeze", "for 30 days", "four years")
//! and ages ("a 15-year-old"), with the bounds a qualifier puts on them ("more than
//! four years"), compared like quantities in days.
//!
//! Spans that a date phrase already covers ("three days ago") are left to dates.

use serde::Serialize;

use crate::{
    config::{QualifierWord, Settings, normalize_phrase},
    extract::{Claim, ClaimKind, Qualifier, Value, context},
    ingest::Article,
    normalize::{
        duration::{self, TimeUnit},
        text,
    },
    span::Span,
};

/// What a duration claim says.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DurationValue {
    /// The stated amount, in `unit`.
    pub amount: f64,
    pub unit: TimeUnit,
    /// ISO 8601 form ("P90D").
    pub iso: String,
    pub qualifier: Qualifier,
    /// Bounds in days; None when open.
    pub low_days: Option<f64>,
    pub high_days: Option<f64>,
    #[serde(skip)]
    pub low_inclusive: bool,
    #[serde(skip)]
    pub high_inclusive: bool,
    /// An age ("a 15-year-old").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub age: bool,
    /// The noun a modifier belongs to ("freeze" in "a 90-day freeze").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modifies: Option<String>,
    /// The phrase as written, qualifier included.
    pub phrase: String,
}

impl DurationValue {
    /// The interval in days: (low, low inclusive, high, high inclusive).
    pub fn interval(&self) -> (f64, bool, f64, bool) {
        (
            self.low_days.unwrap_or(f64::NEG_INFINITY),
            self.low_days.is_none() || self.low_inclusive,
            self.high_days.unwrap_or(f64::INFINITY),
            self.high_days.is_none() || self.high_inclusive,
        )
    }

    /// In words, for explanations ("more than 4 years", "a 90-day freeze").
    pub fn describe(&self) -> String {
        let n = crate::normalize::number::format_number(self.amount);
        let unit = if (self.amount - 1.0).abs() < 1e-9 {
            self.unit.name().to_owned()
        } else {
            format!("{}s", self.unit.name()).replace("centurys", "centuries")
        };
        let base = match self.qualifier {
            Qualifier::MoreThan => format!("more than {n} {unit}"),
            Qualifier::AtLeast => format!("at least {n} {unit}"),
            Qualifier::LessThan => format!("nearly {n} {unit}"),
            Qualifier::AtMost => format!("at most {n} {unit}"),
            Qualifier::Approximate => format!("about {n} {unit}"),
            _ => format!("{n} {unit}"),
        };
        match (&self.modifies, self.age) {
            (_, true) => format!("aged {base}"),
            (Some(m), false) => format!("{base} ({m})"),
            (None, false) => base,
        }
    }
}

/// Bounds of `amount` days under `qualifier`: (low, low inclusive, high, high inclusive).
fn bounds(
    days: f64,
    qualifier: Qualifier,
    settings: &Settings,
) -> (Option<f64>, bool, Option<f64>, bool) {
    let t = &settings.thresholds;
    match qualifier {
        Qualifier::MoreThan => (Some(days), false, None, true),
        Qualifier::AtLeast => (Some(days), true, None, true),
        Qualifier::LessThan => (
            Some(days * (1.0 - t.nearly_tolerance)),
            true,
            Some(days),
            false,
        ),
        Qualifier::AtMost => (Some(0.0), true, Some(days), true),
        Qualifier::Approximate => (
            Some(days * (1.0 - t.approximate_tolerance)),
            true,
            Some(days * (1.0 + t.approximate_tolerance)),
            true,
        ),
        _ => (Some(days), true, Some(days), true),
    }
}

/// The qualifier written right before `start` in `sentence`, and where it begins.
fn qualifier_before(
    sentence: &str,
    start: usize,
    settings: &Settings,
) -> Option<(Qualifier, usize)> {
    let matchers = settings.matchers();
    let m = matchers.qualifier_before(sentence.get(..start)?)?;
    let q = match matchers.qualifier(&normalize_phrase(m.as_str()))? {
        QualifierWord::MoreThan => Qualifier::MoreThan,
        QualifierWord::AtLeast => Qualifier::AtLeast,
        QualifierWord::LessThan | QualifierWord::Nearly => Qualifier::LessThan,
        QualifierWord::Approximate => Qualifier::Approximate,
        QualifierWord::AtMost => Qualifier::AtMost,
        QualifierWord::Subset => return None,
    };
    Some((q, m.start()))
}

/// The duration values of `sentence`, spans relative to it, skipping `taken` spans.
pub fn read(sentence: &str, taken: &[Span], settings: &Settings) -> Vec<(Span, DurationValue)> {
    let mut out = Vec::new();
    for d in duration::find(sentence) {
        if taken
            .iter()
            .any(|t| t.start < d.span.end && d.span.start < t.end)
        {
            continue;
        }
        // "$4 million a year", "60 km an hour": the rate's denominator (read with the
        // amount as a quantity), not a length of time.
        if crate::extract::quantity::is_rate_denominator(sentence, d.span, settings) {
            continue;
        }
        let (qualifier, start) = qualifier_before(sentence, d.span.start, settings)
            .unwrap_or((Qualifier::Exact, d.span.start));
        let days = d.amount * d.unit.days();
        let (low, low_inclusive, high, high_inclusive) = bounds(days, qualifier, settings);
        let span = Span::new(start, d.span.end);
        out.push((
            span,
            DurationValue {
                amount: d.amount,
                unit: d.unit,
                iso: d.unit.iso(d.amount),
                qualifier,
                low_days: low,
                high_days: high,
                low_inclusive,
                high_inclusive,
                age: d.is_age,
                modifies: d.modifies,
                phrase: sentence.get(start..d.span.end).unwrap_or("").to_owned(),
            },
        ));
    }
    out
}

/// Read the duration claims of one article; `dates` are the article's date claims.
pub fn extract(
    index: usize,
    article: &Article,
    dates: &[Claim],
    settings: &Settings,
) -> Vec<Claim> {
    let mut claims = Vec::new();
    for (si, sentence) in article.sentences.iter().enumerate() {
        let text = article.slice(sentence.span);
        // Dates come in sentence order: only this sentence's are looked at (a filter
        // over every date per sentence is quadratic on a huge article).
        let first = dates.partition_point(|c| c.span.start < sentence.span.start);
        let taken: Vec<Span> = dates[first..]
            .iter()
            .take_while(|c| c.span.start < sentence.span.end)
            .filter(|c| sentence.span.start <= c.span.start && c.span.end <= sentence.span.end)
            .map(|c| {
                Span::new(
                    c.span.start - sentence.span.start,
                    c.span.end - sentence.span.start,
                )
            })
            .collect();
        let found = read(text, &taken, settings);
        if found.is_empty() {
            continue;
        }
        let context = context::around(article, si, settings);
        for (span, value) in found {
            let subject = match (&value.modifies, value.age) {
                (_, true) => "age".to_owned(),
                (Some(m), false) => text::singular(m),
                (None, false) => "duration".to_owned(),
            };
            claims.push(Claim {
                id: String::new(),
                article: index,
                kind: ClaimKind::Duration,
                span: span.shifted(sentence.span.start),
                sentence: sentence.span,
                value: Value::Duration(value),
                subject,
                context: context.clone(),
            });
        }
    }
    claims
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_qualifier_bounds_a_duration() {
        let settings = Settings::builtin();
        let found = read("after more than four years of talks", &[], &settings);
        assert_eq!(found.len(), 1);
        let (span, d) = &found[0];
        assert_eq!(span.start, 6);
        assert_eq!(d.qualifier, Qualifier::MoreThan);
        assert!(d.high_days.is_none());
    }

    #[test]
    fn four_years_agree_with_forty_eight_months() {
        let settings = Settings::builtin();
        let years = &read("four years", &[], &settings)[0].1;
        let months = &read("48 months", &[], &settings)[0].1;
        let (a, b) = (years.interval(), months.interval());
        assert!((a.0 - b.0).abs() < 1e-6);
    }
}
