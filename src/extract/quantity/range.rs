//! Ranges, tolerances and bounds: two figures joined into one interval, the qualifier
//! written after a figure, the bounds a qualifier sets, and bound pairs merged.

use super::*;

/// What joins the two ends of a range; "8- to 16-meter" (a suspended hyphen) included.
pub(super) static RANGE_JOIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:-|–|—|~|(?:[-–]\s*)?(?:to|through|thru)|and)\s*$").expect("static pattern")
});
pub(super) static BOUND_JOIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:,\s*)?(?:and|but|,)?\s*$").expect("static pattern"));
pub(super) static POST_QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\s*-?plus\b|-ish\b|\+|\s+or\s+(?:more|so|fewer|less|greater|higher|above|over|below|under|lower)(?:\s+than)?\b|\s+and\s+(?:above|over|up)\b|\s+or\s+equal(?:\s+to)?\b)",
    )
    .expect("static pattern")
});
/// "equal to 20", "equals 20": a stated exact value (kept in the span).
pub(super) static EQUAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}\p{N}])(equal(?:s|ing|led|ed)?(?:\s+to)?)\s*$")
        .expect("static pattern")
});
/// A number or "than" and a number after a post-qualifier: "5000 or less than 6000" and
/// "more than 5 or equal to 6" compare two figures; the words are not a bound of the first.
pub(super) static FIGURE_FOLLOWS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:than\s+)?[-+$€£¥]?\d").expect("static pattern"));

/// Mantissa decimals of a number written with a scale word ("2.7 million" -> 1).
pub(super) fn scale_precision(literal: &str, value: f64) -> Option<f64> {
    let mantissa: String = literal
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    let mantissa_value: f64 = mantissa.replace(',', "").parse().ok()?;
    if mantissa_value <= 0.0 {
        return None;
    }
    let scale = value / mantissa_value;
    let decimals = mantissa.split('.').nth(1).map_or(0, str::len) as i32;
    Some(0.5 * 10f64.powi(-decimals) * scale)
}

/// Where the joiner of a range ends when the second end repeats the first end's sign
/// ("$140-$150", "from €10 to €15"): the start of that sign, else `next_start`.
pub(super) fn sign_repeated(
    sentence: &str,
    first_start: usize,
    join_start: usize,
    next_start: usize,
    settings: &Settings,
) -> usize {
    let matchers = settings.matchers();
    let (Some(head), Some(before_first)) =
        (sentence.get(..next_start), sentence.get(..first_start))
    else {
        return next_start;
    };
    let Some(second) = matchers.symbol_before(head) else {
        return next_start;
    };
    if second.start() < join_start {
        return next_start;
    }
    let first = matchers.symbol_before(before_first);
    let same = first.is_some_and(|f| {
        matchers.unit_for_symbol(f.as_str().trim_end())
            == matchers.unit_for_symbol(second.as_str().trim_end())
    });
    if same { second.start() } else { next_start }
}

/// Whether `gap` (the text between two figures) is a plus-minus sign: "±", "+/-", "+-"
/// (a minus read into the second figure, "+/-0.1", leaves "+/").
pub(super) fn is_tolerance_sign(gap: &str, next: &NumberToken) -> bool {
    match gap.trim() {
        "±" | "+/-" | "+-" | "+/−" | "+−" => true,
        "+/" | "+" => next.value < 0.0,
        _ => false,
    }
}

/// "more than 20 and less than 30": a lower and an upper bound side by side make one
/// range.
pub(super) fn merge_bound_pairs(sentence: &str, readings: Vec<Reading>) -> Vec<Reading> {
    let lower = |r: &Reading| matches!(r.qualifier, Qualifier::MoreThan | Qualifier::AtLeast);
    // "nearly 30" keeps a lower bound of its own: not half of a range.
    let upper = |r: &Reading| {
        r.qualifier == Qualifier::AtMost || (r.qualifier == Qualifier::LessThan && r.low.is_none())
    };
    let mut out: Vec<Reading> = Vec::with_capacity(readings.len());
    for b in readings {
        if let Some(a) = out.last()
            && a.counted_text.is_none()
            && (a.unit == b.unit || a.unit.is_none() || b.unit.is_none())
            && a.per == b.per
            && ((lower(a) && upper(&b)) || (upper(a) && lower(&b)))
            // "more than 50 and less than 20" are two bounds, not an empty range.
            && {
                let (lo, hi) = if lower(a) { (a, &b) } else { (&b, a) };
                lo.number.zip(hi.number).is_some_and(|(l, h)| l < h)
            }
            && sentence
                .get(a.qualified_end..b.span.start)
                .is_some_and(|gap| BOUND_JOIN.is_match(gap))
        {
            let a = out.pop().expect("checked just above");
            let (lo, hi) = if lower(&a) { (&a, &b) } else { (&b, &a) };
            let merged = Reading {
                span: Span::new(a.span.start, b.span.end),
                number: None,
                low: lo.number,
                high: hi.number,
                low_inclusive: lo.qualifier == Qualifier::AtLeast,
                high_inclusive: hi.qualifier == Qualifier::AtMost,
                qualifier: Qualifier::Range,
                unit: a.unit.or(b.unit),
                core: Span::new(a.core.start, b.core.end),
                numbers: a.numbers.iter().chain(&b.numbers).copied().collect(),
                qualified_end: b.qualified_end,
                ..b.clone()
            };
            out.push(merged);
            continue;
        }
        out.push(b);
    }
    out
}

/// A range ("20-30", "between $62 and $68"), a tolerance ("12.5±0.5") or the same
/// number restated in brackets, joined to the figure.
pub(super) fn read_range(r: &Reader<'_>, token: &NumberToken, d: &mut Draft) {
    let sentence = r.sentence;
    let tokens = &r.tokens;
    let words = &r.words;
    let phones = &r.phones;
    let settings = r.settings;
    // "10 dollars to 20 dollars", "5 km - 8 km": the unit written on both ends.
    let mut join_start = token.end;
    if let Some(next) = tokens.get(d.next)
        && let Some(gap) = sentence.get(token.end..next.start)
        && !RANGE_JOIN.is_match(gap)
        && let Some(first) = unit_at(&sentence[token.end..], settings)
        && first.1 <= gap.len()
        && unit_at(&sentence[next.end..], settings).map(|u| u.0) == Some(first.0)
    {
        join_start = token.end + first.1;
    }
    // "$140-$150 million", "between $62 and $68": the sign written again on the
    // second end, the same sign as on the first.
    let join_end = tokens
        .get(d.next)
        .map(|next| sign_repeated(sentence, token.start, join_start, next.start, settings))
        .unwrap_or(join_start);
    if let Some(next) = tokens.get(d.next)
        && RANGE_JOIN.is_match(&sentence[join_start..join_end])
        && !is_not_an_amount(sentence, next, words, phones, false, settings)
    {
        let joined_by_and = sentence[join_start..join_end].trim() == "and";
        let between = words
            .before(token.start)
            .is_some_and(|w| text::fold(w.2) == "between");
        let mut low = token.value;
        if next.form == NumberForm::Mixed
            && token.form != NumberForm::Mixed
            && low > 0.0
            && low * 100.0 < next.value
        {
            // "20 to 30 million": the scale word applies to both ends; "200 to 4
            // million" starts below the scale (the first end is more than the second's
            // figure before its scale word).
            if let Some(p) = scale_precision(&sentence[next.start..next.end], next.value) {
                let mantissa_scale = p
                    * 2.0
                    * 10f64.powi(
                        sentence[next.start..next.end]
                            .split('.')
                            .nth(1)
                            .map_or(0, |d| d.chars().take_while(char::is_ascii_digit).count())
                            as i32,
                    );
                if mantissa_scale > 0.0 && low < next.value / mantissa_scale {
                    low *= mantissa_scale;
                }
            }
        }
        if next.value > low && (!joined_by_and || between) {
            d.range = Some((low, next.value));
            d.numbers[0].1 = low;
            d.numbers
                .push((Span::new(next.start, next.end), next.value));
            d.end = next.end;
            d.value = next.value;
            d.next += 1;
        }
    }
    // "2,000.45±0.01 pounds", "9.83e-3 +/- 1e-5 km/s2": a value and its tolerance
    // are one claim, the interval around the value.
    if d.range.is_none()
        && let Some(next) = tokens.get(d.next)
        && let Some(gap) = sentence.get(d.end..next.start)
        && is_tolerance_sign(gap, next)
        && next.value != 0.0
        && next.value.abs() < d.value.abs()
    {
        let tolerance = next.value.abs();
        d.range = Some((d.value - tolerance, d.value + tolerance));
        d.numbers.push((Span::new(next.start, next.end), tolerance));
        d.end = next.end;
        d.next += 1;
    }
    // "forty-five (45)", "3 (three)": a number restated in brackets is one number.
    if d.range.is_none()
        && let Some(next) = tokens.get(d.next)
        && sentence
            .get(d.end..next.start)
            .is_some_and(|g| g.trim() == "(")
        && sentence
            .get(next.end..)
            .is_some_and(|r| r.trim_start().starts_with(')'))
        && (next.value - d.value).abs() <= 1e-9 * d.value.abs().max(1.0)
    {
        let rest = &sentence[next.end..];
        d.end = next.end + (rest.len() - rest.trim_start().len()) + 1;
        d.next += 1;
    }
}

/// A bound written after the figure ("40-plus", "43 or more") and "equal to" before it.
pub(super) fn read_qualifier_after(r: &Reader<'_>, d: &mut Draft) {
    let sentence = r.sentence;
    // "40-plus", "43 or more", "about 500 or more" (the bound is what is stated),
    // "more than 20 or equal to it".
    // (The test before the regex is what its branches start with: it spares compiling
    // the pattern, a start-up cost, until a number has such words after it.)
    if sentence[d.after..]
        .trim_start()
        .starts_with(['-', '+', 'p', 'P', 'o', 'O', 'a', 'A'])
        && let Some(m) = POST_QUALIFIER.find(&sentence[d.after..])
        && d.range.is_none()
        && !FIGURE_FOLLOWS.is_match(&sentence[d.after + m.end()..])
    {
        let q = m.as_str().to_lowercase();
        // "500 or so", "360-ish": about the figure.
        let approximate = q.contains("so") || q.contains("ish");
        let lower = ["fewer", "less", "below", "under", "lower"]
            .iter()
            .any(|w| q.contains(w));
        let read = if q.contains("equal") {
            match d.qualifier {
                Qualifier::MoreThan => Some(Qualifier::AtLeast),
                Qualifier::LessThan if !d.is_nearly => Some(Qualifier::AtMost),
                _ => None,
            }
        } else if d.qualifier == Qualifier::Exact && approximate {
            Some(Qualifier::Approximate)
        } else if matches!(d.qualifier, Qualifier::Exact | Qualifier::Approximate) && !approximate {
            if d.qualifier == Qualifier::Approximate {
                d.start = d.pre_end;
            }
            Some(if lower {
                Qualifier::AtMost
            } else {
                Qualifier::AtLeast
            })
        } else {
            None
        };
        if let Some(read) = read {
            d.qualifier = read;
            d.after += m.end();
        }
    }
    // "equal to 20": the value stated exactly, the words kept in the span.
    if d.qualifier == Qualifier::Exact
        && d.start == d.pre_end
        && contains_ascii_word(&sentence[..d.pre_end], b"equal")
        && let Some(c) = EQUAL_BEFORE.captures(&sentence[..d.pre_end])
        && let Some(m) = c.get(1)
    {
        d.start = m.start();
    }
}

/// The bounds the qualifier sets, and the reading.
pub(super) fn into_reading(r: &Reader<'_>, token: &NumberToken, mut d: Draft) -> Reading {
    let sentence = r.sentence;
    let words = &r.words;
    let settings = r.settings;
    // The bounds the qualifier sets.
    let t = &settings.thresholds;
    let (mut low, mut high, mut low_inc, mut high_inc) = (Some(d.value), Some(d.value), true, true);
    let number;
    if let Some((a, b)) = d.range {
        low = Some(a);
        high = Some(b);
        number = None;
        d.qualifier = Qualifier::Range;
    } else {
        number = Some(d.value);
        match d.qualifier {
            Qualifier::Exact => {
                if token.form == NumberForm::Mixed
                    && let Some(p) = scale_precision(&sentence[token.start..token.end], token.value)
                {
                    low = Some(d.value - p);
                    high = Some(d.value + p);
                    high_inc = false;
                }
            }
            Qualifier::Approximate => {
                low = Some(d.value * (1.0 - t.approximate_tolerance));
                high = Some(d.value * (1.0 + t.approximate_tolerance));
            }
            Qualifier::MoreThan => {
                high = None;
                low_inc = false;
            }
            Qualifier::AtLeast => high = None,
            Qualifier::LessThan if d.is_nearly => {
                low = Some(d.value * (1.0 - t.nearly_tolerance));
                high_inc = false;
            }
            Qualifier::LessThan => {
                low = None;
                high_inc = false;
            }
            // "As many as 20,000" stresses a large figure: read as half of it up to it.
            Qualifier::AtMost => low = Some(d.value * t.up_to_floor),
            Qualifier::Range | Qualifier::Vague => {}
        }
    }
    let local = local_terms(
        sentence,
        words,
        d.start,
        d.phrase_end.max(d.after),
        settings,
    );
    let scope = scope_terms(sentence, words, d.phrase_end.max(d.after), settings);
    Reading {
        span: Span::new(d.start, d.phrase_end.max(d.after)),
        number,
        low,
        high,
        low_inclusive: low_inc,
        high_inclusive: high_inc,
        qualifier: d.qualifier,
        unit: d.unit,
        counted: d.counted,
        counted_text: d.counted_text,
        parts: d.parts,
        subset: d.subset,
        vague_phrase: None,
        local,
        scope,
        core: d.core,
        numbers: d.numbers,
        qualified_end: d.qualified_end,
        per: d.per,
    }
}
