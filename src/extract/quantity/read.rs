//! The reading of one sentence: each figure passes through the readers of ranges,
//! signs, units, rates, bounds and counted things in turn, then vague amounts and units
//! written as words are added.

use super::*;

/// The quantity readings of one sentence, spans relative to it.
pub(super) fn read_sentence(
    sentence: &str,
    is_paragraph_start: bool,
    keep: Keep,
    settings: &Settings,
) -> Vec<Reading> {
    let matchers = settings.matchers();
    let tokens = number::scan_with_codes(
        sentence,
        // A glued "c" or "f" may be a temperature ("30C"; see `glued_temperature`).
        &|glued| matchers.unit_for_alias(glued).is_some() || matches!(glued, "c" | "f"),
        // Only a currency sign or code may be glued before digits ("USD115", "Rs20").
        &|code| {
            matchers
                .unit_for_symbol(code)
                .is_some_and(|u| settings.units[u].dimension == "currency")
        },
    );
    let vague: Vec<(usize, usize)> = matchers
        .vague
        .find_iter(sentence)
        .map(|m| (m.start(), m.end()))
        .collect();
    let one_unit = units_after_an_article(sentence, settings);
    if tokens.is_empty() && vague.is_empty() && one_unit.is_empty() {
        return Vec::new();
    }
    let words = Words::new(sentence);
    let phones: Vec<Span> = if may_hold_phone(sentence) {
        PHONE
            .find_iter(sentence)
            .map(|m| Span::new(m.start(), m.end()))
            .collect()
    } else {
        Vec::new()
    };
    let r = Reader {
        sentence,
        tokens,
        words,
        phones,
        keep,
        settings,
        is_paragraph_start,
    };
    let mut readings: Vec<Reading> = Vec::new();
    let mut consumed_until = 0;
    let mut k = 0;
    while k < r.tokens.len() {
        let token = &r.tokens[k];
        k += 1;
        if token.start < consumed_until {
            continue;
        }
        if is_not_an_amount(
            r.sentence,
            token,
            &r.words,
            &r.phones,
            r.is_paragraph_start,
            r.settings,
        ) {
            continue;
        }
        // "43c", "12f": a lower-case letter glued to a figure is no temperature; the
        // figure stays unread as before ("$20 and 43c" is read with its amount).
        if r.sentence[token.end..].starts_with(['c', 'f'])
            && glued_temperature_letter(&r.sentence[token.end..].to_uppercase(), r.settings)
                .is_some()
        {
            continue;
        }
        let mut d = Draft::new(token, k);
        read_range(&r, token, &mut d);
        read_before(&r, token, &mut d, consumed_until);
        read_unit_after(&r, token, &mut d);
        read_unit_parts(&r, token, &mut d);
        read_rate(&r, &mut d);
        read_qualifier_after(&r, &mut d);
        let is_claim = read_counted(&r, token, &mut d);
        k = d.next;
        if !is_claim {
            continue;
        }
        read_parts(&r, token, &mut d);
        k = d.next;
        consumed_until = d.phrase_end.max(d.end);
        readings.push(into_reading(&r, token, d));
    }
    vague_readings(&r, vague, &mut readings);
    one_unit_readings(&r, one_unit, &mut readings);
    readings.sort_by_key(|r| (r.span.start, r.span.end));
    merge_bound_pairs(r.sentence, readings)
}

/// A currency or unit sign before the figure, then a qualifier before that.
pub(super) fn read_before(
    r: &Reader<'_>,
    token: &NumberToken,
    d: &mut Draft,
    consumed_until: usize,
) {
    let sentence = r.sentence;
    let words = &r.words;
    let settings = r.settings;
    let matchers = settings.matchers();
    // A currency or unit sign before, then a qualifier before that.
    d.unit = None;
    d.pre_end = d.start;
    if let Some(sym) = matchers.symbol_before(&sentence[..d.start]) {
        // "10 rmb 20 usd": a sign already read as the previous amount's unit is not
        // this one's.
        d.unit = matchers
            .unit_for_symbol(sym.as_str().trim_end())
            .filter(|_| sym.start() >= consumed_until);
        if d.unit.is_some() {
            d.pre_end = sym.start();
            d.start = sym.start();
        }
    }
    // "magnitude-5.9": a unit named by a word before the figure, joined by a hyphen.
    if d.unit.is_none()
        && let Some(head) = sentence[..d.start].strip_suffix('-')
        && let Some((u, at)) = unit_word_before(head, settings)
    {
        d.unit = Some(u);
        d.pre_end = at;
        d.start = at;
    }
    // "MAUD 60": millions of a currency, code before.
    if d.unit.is_none()
        && may_end_with_million_code(&sentence[..d.start])
        && let Some(c) = MILLION_CODE_BEFORE.captures(&sentence[..d.start])
        && let Some(code) = c.get(1)
        && let Some(u) = currency_code(code.as_str(), settings)
    {
        d.unit = Some(u);
        d.value *= 1e6;
        d.numbers.iter_mut().for_each(|n| n.1 *= 1e6);
        d.pre_end = code.start() - 1;
        d.start = d.pre_end;
    }
    d.qualifier = Qualifier::Exact;
    d.subset = false;
    if let Some(m) = matchers.qualifier_before(&sentence[..d.pre_end]) {
        let phrase = crate::config::normalize_phrase(m.as_str());
        match matchers.qualifier(&phrase) {
            Some(QualifierWord::Subset) => d.subset = true,
            Some(q) if d.range.is_none() => {
                // "Nearly" is `less_than` in the qualifier list but keeps a lower
                // bound (see the bounds below).
                d.qualifier = match q {
                    QualifierWord::MoreThan => Qualifier::MoreThan,
                    QualifierWord::AtLeast => Qualifier::AtLeast,
                    QualifierWord::LessThan | QualifierWord::Nearly => Qualifier::LessThan,
                    QualifierWord::Approximate => Qualifier::Approximate,
                    QualifierWord::AtMost => Qualifier::AtMost,
                    QualifierWord::Subset => Qualifier::Exact,
                };
                d.start = m.start();
            }
            _ => {}
        }
        if d.subset {
            d.start = m.start();
        }
    }
    d.is_nearly = matchers
        .qualifier_before(&sentence[..d.pre_end])
        .and_then(|m| matchers.qualifier(&crate::config::normalize_phrase(m.as_str())))
        == Some(QualifierWord::Nearly);
    if d.range.is_some()
        && words
            .before(token.start)
            .is_some_and(|w| matches!(text::fold(w.2).as_str(), "between" | "from"))
    {
        d.start = words
            .before(token.start)
            .map_or(d.start, |w| w.0)
            .min(d.start);
    }
}
