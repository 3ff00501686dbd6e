//! The unit of a figure: signs and codes, aliases after it, units the alias table cannot
//! name (glued temperatures, inch marks, degrees on a scale), hundredths and two-unit
//! measures, and a unit written as a word after an article ("a gallon").

use super::*;

pub(super) static CONVERSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\(\s*(?:about |some |around |roughly )?[$€£¥]?\d[\d,.]*\s*[\p{L}°%/²]+(?:\s[\p{L}]+)?\s*\)").expect("static pattern")
});
/// What may sit between a currency amount and its hundredths ("3 dollars 50 cents",
/// "20 ringgit and 43").
pub(super) static COMPOUND_JOIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:and\s+)?$").expect("static pattern"));
/// A currency code with an "M" for millions after the number ("30 MUSD", finance usage).
pub(super) static MILLION_CODE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s?M([A-Z]{3})\b").expect("static pattern"));
/// The same code before the number ("MAUD 60").
pub(super) static MILLION_CODE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\p{L}\p{N}])M([A-Z]{3})\s?$").expect("static pattern"));
/// Cents glued to their figure after an amount ("$20 and 43c"); the scanner reads no
/// number there (a glued letter makes an identifier).
pub(super) static GLUED_CENTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:and\s+)?(\d{1,2})c\b").expect("static pattern"));
/// A unit in brackets right after a figure, with at most one space between ("20 (kg)",
/// "5 [km]", "3 {m}", "7 <t>"): the text inside, trimmed, if it could name a unit, and the
/// byte length of the whole. Written by hand because the equivalent regex (a Unicode class
/// repeated up to 20 times, four times over) took 30 ms to compile, longer than the rest
/// of start-up.
pub(super) fn bracketed_unit(rest: &str) -> Option<(&str, usize)> {
    let body = match rest.chars().next() {
        Some(c) if c.is_whitespace() => &rest[c.len_utf8()..],
        _ => rest,
    };
    let close = match body.chars().next()? {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        '<' => '>',
        _ => return None,
    };
    let inside = &body[1..];
    // A unit name is short: look for the closing bracket nearby only.
    let (close_at, _) = inside.char_indices().take(64).find(|&(_, c)| c == close)?;
    let alias = inside[..close_at].trim();
    let is_unit_char =
        |c: char| c.is_alphabetic() || c.is_ascii_digit() || "°%$€£¥/²³^ .".contains(c);
    if alias.is_empty() || alias.chars().count() > 20 || !alias.chars().all(is_unit_char) {
        return None;
    }
    let whole = (rest.len() - body.len()) + 1 + close_at + close.len_utf8();
    Some((alias, whole))
}
/// Measures written as a main unit and a smaller one ("5 ft 2 in", "6 lb 3 oz"): the
/// main unit's name, the smaller unit's aliases, and how many of it make one main unit.
pub(super) const MEASURE_PARTS: &[(&str, &[&str], f64)] = &[
    ("ft", &["in", "inches", "inch", "\""], 12.0),
    ("lb", &["oz", "ounces", "ounce"], 16.0),
    ("m", &["cm", "centimetres", "centimeters"], 100.0),
];
/// Currency subunits worth a hundredth of the main unit, by unit name in rules.toml.
pub(super) const HUNDREDTHS: &[&str] = &["cent", "pence"];

/// Whether `token`, read in `unit`, is a whole amount of a main currency unit, which a
/// count of hundredths may follow ("3 dollars 50 cents", "$20 and 43c").
pub(super) fn takes_hundredths(
    unit: Option<usize>,
    token: &NumberToken,
    settings: &Settings,
) -> bool {
    unit.is_some_and(|u| {
        settings.units[u].dimension == "currency"
            && !HUNDREDTHS.contains(&settings.units[u].name.as_str())
    }) && token.form != NumberForm::Mixed
        && !token.is_decimal
}
/// Whether `text` can end like `MILLION_CODE_BEFORE` ("M" and three capitals, then at
/// most one whitespace character): the test before the regex.
pub(super) fn may_end_with_million_code(text: &str) -> bool {
    let text = text.strip_suffix(char::is_whitespace).unwrap_or(text);
    let b = text.as_bytes();
    b.len() >= 4 && b[b.len() - 4] == b'M' && b[b.len() - 3..].iter().all(u8::is_ascii_uppercase)
}

/// A unit other than a currency whose word symbol ends `head` ("magnitude" in "a
/// magnitude-6.1 quake"), and where the symbol starts.
pub(super) fn unit_word_before(head: &str, settings: &Settings) -> Option<(usize, usize)> {
    let m = settings.matchers().symbol_before(head)?;
    if m.end() != head.len() || !m.as_str().starts_with(char::is_alphabetic) {
        return None;
    }
    let u = settings.matchers().unit_for_symbol(m.as_str().trim_end())?;
    (settings.units[u].dimension != "currency").then_some((u, m.start()))
}

/// The unit whose alias starts `rest` (after optional space or hyphen), with the byte
/// offset just past the alias.
pub(super) fn unit_at(rest: &str, settings: &Settings) -> Option<(usize, usize)> {
    let m = settings.matchers().unit_after(rest)?;
    let u = settings
        .matchers()
        .unit_for_alias(&crate::config::normalize_phrase(m.as_str()))?;
    Some((u, m.end()))
}

/// The currency an upper-case ISO code names ("USD"), if it is one of ours.
pub(super) fn currency_code(code: &str, settings: &Settings) -> Option<usize> {
    settings
        .matchers()
        .unit_for_symbol(code)
        .filter(|&u| settings.units[u].dimension == "currency")
}

/// Words that make "pounds" money ("paid 300 pounds") rather than weight.
pub(super) const MONEY_WORDS: &[&str] = &[
    "spent",
    "spend",
    "spends",
    "spending",
    "paid",
    "pay",
    "pays",
    "paying",
    "cost",
    "costs",
    "costing",
    "fined",
    "fine",
    "worth",
    "earn",
    "earns",
    "earned",
    "salary",
    "wages",
    "price",
    "priced",
    "budget",
    "invested",
    "donated",
    "raised",
    "owed",
    "debt",
    "loan",
    "compensation",
    "bought",
    "sold",
];
/// Words that keep "pounds" a weight even in a sentence about money.
pub(super) const WEIGHT_WORDS: &[&str] =
    &["weigh", "weighs", "weighed", "weighing", "weight", "heavy"];

/// Sterling, when "pounds" (written out, without "£") is read as a mass in a sentence that
/// speaks of money and not of weight.
pub(super) fn sterling_pounds(
    sentence: &str,
    end: usize,
    after: usize,
    unit: usize,
    settings: &Settings,
) -> Option<usize> {
    if settings.units[unit].name != "lb" {
        return None;
    }
    let written = sentence.get(end..after)?.trim().to_lowercase();
    if !matches!(written.as_str(), "pounds" | "pound") {
        return None;
    }
    let words: Vec<String> = text::words(sentence)
        .map(|(_, _, w)| text::fold(w))
        .collect();
    let money = words.iter().any(|w| MONEY_WORDS.contains(&w.as_str()));
    let weight = words.iter().any(|w| WEIGHT_WORDS.contains(&w.as_str()));
    (money && !weight)
        .then(|| settings.units.iter().position(|u| u.name == "GBP"))
        .flatten()
}

/// Words that make a glued "C" or "F" a temperature ("highs of 30C"), where otherwise
/// it may name a form or a cent ("a 13F filing", "14.7C per security").
pub(super) const TEMPERATURE_WORDS: &[&str] = &[
    "temperature",
    "temperatures",
    "degrees",
    "heat",
    "heatwave",
    "hot",
    "hottest",
    "cold",
    "coldest",
    "warm",
    "warmest",
    "cool",
    "freezing",
    "weather",
    "highs",
    "lows",
    "thermometer",
];

/// The temperature unit glued in upper case after a figure ("30C", "-10C", "98F"), as a
/// unit index and the length read, when the figure is negative or a word of the sentence
/// speaks of temperature. Lower case is left alone: "43c" is cents.
pub(super) fn glued_temperature(
    sentence: &str,
    end: usize,
    value: f64,
    settings: &Settings,
) -> Option<(usize, usize)> {
    let unit = glued_temperature_letter(sentence.get(end..)?, settings)?;
    (value < 0.0 || speaks_of_temperature(sentence)).then_some(unit)
}

/// Whether a word of `sentence` is one of [`TEMPERATURE_WORDS`].
pub(super) fn speaks_of_temperature(sentence: &str) -> bool {
    text::words(sentence).any(|(_, _, w)| TEMPERATURE_WORDS.contains(&text::fold(w).as_str()))
}

/// The temperature unit named by an upper-case "C" or "F" alone at the start of `post`.
pub(super) fn glued_temperature_letter(post: &str, settings: &Settings) -> Option<(usize, usize)> {
    let mut chars = post.chars();
    let name = match chars.next()? {
        'C' => "celsius",
        'F' => "fahrenheit",
        _ => return None,
    };
    if chars.next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let u = settings.units.iter().position(|u| u.name == name)?;
    Some((u, 1))
}

/// "20 J/m^2", "5 W/kg": a unit's symbol (its name in the table, in its case) right after a
/// figure and before "/" and a denominator, as (unit, length read). Alone, a one-letter
/// symbol is a letter or an initial in news far more often ("3 J" is rarely joules, so "J"
/// is no alias); as the numerator of a rate it can only be a unit.
pub(super) fn symbol_before_rate(rest: &str, settings: &Settings) -> Option<(usize, usize)> {
    let body = rest.strip_prefix(' ').unwrap_or(rest);
    // Letters, then the slash: a look at the next word only, not the rest of the sentence.
    let letters = body
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(body.len());
    let symbol = &body[..letters];
    if symbol.is_empty() || !body[letters..].starts_with('/') {
        return None;
    }
    let u = settings
        .units
        .iter()
        .position(|u| u.name == symbol && !matches!(u.dimension.as_str(), "currency" | "ratio"))?;
    rate_after(&body[symbol.len()..], settings)?;
    Some((u, rest.len() - body.len() + symbol.len()))
}

/// Whether a straight double quote right after the figure at `start..end` is an inch mark
/// ("a 17\" screen", "an 8\" wrench"): no quotation is open before it in the sentence (an
/// even number of quote marks) and a space, a clause end or the end of the text follows.
/// Otherwise it closes a quotation ("the boat \"Nava 5\"").
pub(super) fn is_inch_mark(sentence: &str, start: usize, end: usize) -> bool {
    let Some(after) = sentence.get(end..).and_then(|r| r.strip_prefix('"')) else {
        return false;
    };
    sentence[..start].matches('"').count() % 2 == 0
        && after
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ';' | ')'))
}

/// "−40° on the Celsius scale", "212 degrees on the Fahrenheit scale": degrees without a
/// scale of their own, named by the phrase after them, as (unit, length of the degrees
/// read). The phrase stays out of the span; alone, "°" or "degrees" names no unit (an
/// angle, a temperature, a magnitude).
pub(super) fn degrees_on_a_scale(rest: &str, settings: &Settings) -> Option<(usize, usize)> {
    let degrees = if rest.starts_with('°') {
        '°'.len_utf8()
    } else {
        word_prefix(rest, "degrees")? - 1
    };
    let phrase = rest[degrees..].strip_prefix(' ')?;
    let mut words = phrase.splitn(4, ' ');
    let (on, the, scale) = (words.next()?, words.next()?, words.next()?);
    let tail = words.next()?;
    if !(on.eq_ignore_ascii_case("on")
        && the.eq_ignore_ascii_case("the")
        && starts_with_word(tail, "scale"))
    {
        return None;
    }
    let u = settings
        .matchers()
        .unit_for_alias(&scale.to_lowercase())
        .filter(|&u| settings.units[u].dimension == "temperature")?;
    Some((u, degrees))
}

/// Words before "absolute zero" that make it a temperature ("at absolute zero", "near
/// absolute zero") rather than a figure of speech ("absolute zero chance").
pub(super) const TOWARDS_A_TEMPERATURE: &[&str] = &[
    "at",
    "near",
    "above",
    "below",
    "approaching",
    "approach",
    "approaches",
    "reach",
    "reached",
    "reaches",
];

/// Where "absolute zero" starts, when the token is its "zero" and it names the
/// temperature (0 K): after a word such as "at" or in a sentence about temperature. In
/// news it is mostly a figure of speech ("absolute zero evidence"), which stays a zero.
pub(super) fn absolute_zero_start(
    sentence: &str,
    token: &NumberToken,
    words: &Words,
) -> Option<usize> {
    if !sentence[token.start..token.end].eq_ignore_ascii_case("zero") {
        return None;
    }
    let (from, to, word) = words.before(token.start)?;
    if !word.eq_ignore_ascii_case("absolute") || &sentence[to..token.start] != " " {
        return None;
    }
    let towards = words
        .before(from)
        .is_some_and(|w| TOWARDS_A_TEMPERATURE.contains(&text::fold(w.2).as_str()));
    (towards || speaks_of_temperature(sentence)).then_some(from)
}

/// "a gallon of milk", "a penny!": an indefinite article and a unit written as a whole
/// word of three letters or more, singular, then "of" or the end of a clause, with a share
/// before ("half a litre"): (start, start of the article, end, unit, amount) in `sentence`. Elsewhere the words are mostly idioms or names
/// ("a mile-long queue", "a yard away", "a magnitude 6 quake"), and "a bit" never
/// measures data.
pub(super) fn units_after_an_article(
    sentence: &str,
    settings: &Settings,
) -> Vec<(usize, usize, usize, usize, f64)> {
    let mut out = Vec::new();
    for (start, end, word) in text::words(sentence) {
        if !(word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an")) {
            continue;
        }
        let Some(rest) = sentence[end..].strip_prefix(' ') else {
            continue;
        };
        let Some((u, len)) = unit_at(rest, settings) else {
            continue;
        };
        let alias = &rest[..len];
        let whole_word = len >= 3
            && alias.chars().all(char::is_alphabetic)
            && !alias.ends_with('s')
            && !matches!(
                settings.units[u].dimension.as_str(),
                "data" | "magnitude" | "speed" | "ratio"
            )
            // "a ton of" is "a lot of" far more often than a tonne.
            && !alias.eq_ignore_ascii_case("ton");
        // "two-tenths of a mile", "a fraction of a penny": a part of the unit.
        let part_of = sentence[..start].trim_end().to_lowercase().ends_with(" of");
        let after = &rest[len..];
        let measures_something = after.starts_with(" of ")
            || after
                .chars()
                .next()
                .is_none_or(|c| matches!(c, '.' | ',' | ';' | '!' | '?' | ')'));
        if whole_word && measures_something && !part_of {
            // "half a gallon", "a quarter a mile": the share written before the article.
            let share = sentence[..start].strip_suffix(' ').and_then(|pre| {
                let word_start = pre.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| i + 1);
                let amount = match pre[word_start..].to_lowercase().as_str() {
                    "half" => 0.5,
                    "quarter" => 0.25,
                    _ => return None,
                };
                Some((word_start, amount))
            });
            let (from, amount) = share.unwrap_or((start, 1.0));
            out.push((from, start, end + 1 + len, u, amount));
        }
    }
    out
}

/// A unit after the number (or after the range's end), read by the alias table or by the
/// readers of units it cannot name.
pub(super) fn read_unit_after(r: &Reader<'_>, token: &NumberToken, d: &mut Draft) {
    let sentence = r.sentence;
    let words = &r.words;
    let settings = r.settings;
    let matchers = settings.matchers();
    // A unit after the number (or after the range's end).
    d.after = d.end;
    if let Some(m) = matchers.unit_after(&sentence[d.end..]) {
        let alias_text = m.as_str();
        // "rmb 10 usd 20": a code followed by a number is that number's sign, not
        // this one's unit.
        let rest = &sentence[d.end + m.end()..];
        let next_sign =
            d.unit.is_some() && rest.trim_start().starts_with(|c: char| c.is_ascii_digit());
        // "24703 L-202": letters joined to digits by a hyphen are an identifier.
        let identifier = rest
            .strip_prefix('-')
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        if !next_sign
            && !identifier
            && let Some(u) = matchers.unit_for_alias(&crate::config::normalize_phrase(alias_text))
        {
            if d.unit.is_none()
                || settings.units[u].dimension == "currency"
                    && d.unit
                        .is_some_and(|x| settings.units[x].dimension == "currency")
            {
                d.unit = Some(u);
            }
            d.after = d.end + m.end();
        }
    }
    // "spent 20 million pounds": pounds in a sentence about money are sterling.
    if let Some(u) = d.unit
        && let Some(gbp) = sterling_pounds(sentence, d.end, d.after, u, settings)
    {
        d.unit = Some(gbp);
    }
    // Units the alias table cannot name, written right after the figure; the first
    // reader that recognises one wins.
    if d.unit.is_none()
        && d.after == d.end
        && let Some((u, len)) = glued_temperature(sentence, d.end, token.value, settings)
            .or_else(|| symbol_before_rate(&sentence[d.end..], settings))
            .or_else(|| {
                let inch =
                    token.form == NumberForm::Digits && is_inch_mark(sentence, token.start, d.end);
                inch.then(|| matchers.unit_for_alias("inch"))
                    .flatten()
                    .map(|u| (u, 1))
            })
            .or_else(|| degrees_on_a_scale(&sentence[d.end..], settings))
    {
        d.unit = Some(u);
        d.after = d.end + len;
    }
    if d.unit.is_none()
        && d.after == d.end
        && let Some(from) = absolute_zero_start(sentence, token, words)
        && let Some(u) = matchers.unit_for_alias("kelvin")
    {
        d.unit = Some(u);
        d.start = from;
        d.pre_end = from;
    }
    if d.unit.is_none()
        && d.range.is_none()
        && sentence[d.end..]
            .strip_prefix(char::is_whitespace)
            .unwrap_or(&sentence[d.end..])
            .starts_with('M')
        && let Some(c) = MILLION_CODE_AFTER.captures(&sentence[d.end..])
        && let Some(code) = c.get(1)
        && let Some(u) = currency_code(code.as_str(), settings)
    {
        d.unit = Some(u);
        d.value *= 1e6;
        d.numbers.iter_mut().for_each(|n| n.1 *= 1e6);
        d.after = d.end + code.end();
    }
}

/// An amount and its hundredths, a unit in brackets, one measure in two units.
pub(super) fn read_unit_parts(r: &Reader<'_>, token: &NumberToken, d: &mut Draft) {
    let sentence = r.sentence;
    let tokens = &r.tokens;
    let settings = r.settings;
    let matchers = settings.matchers();
    // "3 dollars 50 cents", "15 USD 25", "twenty ringgit and 43": an amount and its
    // hundredths are one amount. Without a subunit the main unit must be written
    // after the first number and nothing may follow the second.
    if d.range.is_none()
        && takes_hundredths(d.unit, token, settings)
        && let Some(next) = tokens.get(d.next)
        && next.start >= d.after
        && COMPOUND_JOIN.is_match(&sentence[d.after..next.start])
        && next.form != NumberForm::Mixed
        && !next.is_decimal
        && (0.0..100.0).contains(&next.value)
        && next.value.fract() == 0.0
    {
        let rest = &sentence[next.end..];
        let subunit_end = unit_at(rest, settings)
            .filter(|(v, _)| HUNDREDTHS.contains(&settings.units[*v].name.as_str()))
            .map(|(_, e)| next.end + e);
        // Without a subunit: the main unit written after the first number and a
        // clause end after the second, or the text ends there ("$20 43").
        let tail = rest.trim_start();
        let bare = (d.after > d.end
            && tail
                .chars()
                .next()
                .is_none_or(|c| matches!(c, '.' | ',' | ';' | '!' | '?' | ')')))
            || tail.trim_end_matches('.').is_empty();
        if let Some(e) = subunit_end.or(bare.then_some(next.end)) {
            d.value += next.value / 100.0;
            d.numbers
                .push((Span::new(next.start, next.end), next.value));
            d.end = next.end;
            d.after = e;
            d.next += 1;
        }
    }
    if d.range.is_none()
        && takes_hundredths(d.unit, token, settings)
        && let Some(c) = GLUED_CENTS.captures(&sentence[d.after..])
        && let (Some(whole), Some(cents)) = (c.get(0), c.get(1))
        && let Ok(n) = cents.as_str().parse::<f64>()
    {
        d.value += n / 100.0;
        d.numbers
            .push((Span::new(d.after + cents.start(), d.after + cents.end()), n));
        d.after += whole.end();
    }
    // "20 (kg)": a unit in brackets.
    if d.unit.is_none()
        && d.after == d.end
        && let Some((alias, whole)) = bracketed_unit(&sentence[d.end..])
        && let Some(u) = matchers.unit_for_alias(&crate::config::normalize_phrase(alias))
    {
        d.unit = Some(u);
        d.after = d.end + whole;
    }
    // "5 ft 2 in", "6 lb 3 oz": one measure in two units, read in the main one.
    if d.range.is_none()
        && let Some(u) = d.unit
        && let Some((_, small, per)) = MEASURE_PARTS
            .iter()
            .find(|(name, _, _)| *name == settings.units[u].name)
        && d.after > d.end
        && let Some(next) = tokens.get(d.next)
        && next.start >= d.after
        && COMPOUND_JOIN.is_match(&sentence[d.after..next.start])
        && next.value >= 0.0
        && next.value < *per
    {
        let rest = &sentence[next.end..];
        let trimmed = rest.trim_start();
        let small_end = small.iter().find_map(|alias| {
            let tail = trimmed.get(..alias.len())?;
            let boundary = trimmed[alias.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            (tail.eq_ignore_ascii_case(alias) && boundary)
                .then(|| next.end + (rest.len() - trimmed.len()) + alias.len())
        });
        if let Some(e) = small_end {
            d.value += next.value / per;
            d.numbers
                .push((Span::new(next.start, next.end), next.value));
            d.end = next.end;
            d.after = e;
            d.next += 1;
        }
    }
}

/// "a gallon of milk", "a penny": one of the unit, unless read already ("$3 a gallon").
pub(super) fn one_unit_readings(
    r: &Reader<'_>,
    one_unit: Vec<(usize, usize, usize, usize, f64)>,
    readings: &mut Vec<Reading>,
) {
    let sentence = r.sentence;
    let tokens = &r.tokens;
    let words = &r.words;
    let settings = r.settings;
    // "a gallon of milk", "a penny": one of the unit, unless read already ("$3 a gallon").
    for (start, article, end, u, amount) in one_unit {
        if readings
            .iter()
            .any(|r| r.span.start < end && article < r.span.end)
            || tokens.iter().any(|t| t.start < end && article < t.end)
        {
            continue;
        }
        // "half a litre": the share, read alone as a number, is this amount's.
        readings.retain(|r| !(start <= r.span.start && r.span.end <= article));
        let counted = (settings.units[u].dimension != "currency").then(|| {
            measure_role(sentence, start, end, words, settings)
                .unwrap_or_else(|| "unspecified".to_owned())
        });
        readings.push(Reading {
            span: Span::new(start, end),
            number: Some(amount),
            low: Some(amount),
            high: Some(amount),
            low_inclusive: true,
            high_inclusive: true,
            qualifier: Qualifier::Exact,
            unit: Some(u),
            counted,
            counted_text: None,
            parts: Vec::new(),
            subset: false,
            vague_phrase: None,
            local: local_terms(sentence, words, start, end, settings),
            scope: scope_terms(sentence, words, end, settings),
            core: Span::new(start, end),
            // No figure is written: nothing for a reader of numbers.
            numbers: Vec::new(),
            qualified_end: end,
            per: Vec::new(),
        });
    }
}
