//! What a figure counts: the noun phrase after it, its class, enumerated parts, the
//! terms around it; and vague amounts ("dozens of"), which are only counted things.

use super::*;

/// Words that end a counted noun phrase.
pub(super) const PHRASE_STOPS: &[&str] = &[
    "who",
    "whom",
    "whose",
    "that",
    "which",
    "in",
    "on",
    "at",
    "from",
    "to",
    "and",
    "or",
    "with",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "did",
    "do",
    "does",
    "for",
    "by",
    "as",
    "than",
    "into",
    "since",
    "after",
    "before",
    "during",
    "while",
    "of",
    "per",
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "their",
    "his",
    "her",
    "its",
    "our",
    "your",
    "my",
    "but",
    "not",
    "so",
    "if",
    "when",
    "where",
    "because",
    "including",
    "among",
    "between",
    "over",
    "under",
    "about",
    "last",
    "this",
    "next",
    "each",
    "every",
    "more",
    "less",
    "fewer",
    "say",
    "said",
    "says",
];

/// Capitalised words that begin a sentence or a clause rather than name something.
pub(super) const CAPITALISED_FUNCTION_WORDS: &[&str] = &[
    "In",
    "On",
    "At",
    "Of",
    "By",
    "For",
    "From",
    "To",
    "With",
    "And",
    "But",
    "Or",
    "The",
    "A",
    "An",
    "About",
    "Over",
    "Some",
    "Nearly",
    "Almost",
    "Around",
    "More",
    "Less",
    "Only",
    "Just",
    "Up",
    "Under",
    "After",
    "Before",
    "Since",
    "Until",
    "All",
    "Another",
    "Total",
    "Among",
    "Including",
];

/// A figure joined to a word right after another figure ("9-liter" in "2.9 million
/// 9-liter cases"): a modifier of the counted noun that follows it.
pub(super) static MODIFIER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ \d+(?:\.\d+)?-[A-Za-z]+(?:-[A-Za-z]+)*").expect("static pattern")
});

pub(super) static ENUM_JOIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:,\s*and|,|and|plus|as well as)\s*$").expect("static pattern")
});
/// Words after "N times" that make it a factor ("three times the size", "five times as
/// many", "ten times more"), not a count of times.
pub(super) const MULTIPLIER_AFTER: &[&str] = &[
    "the", "as", "more", "less", "larger", "bigger", "higher", "greater", "smaller", "faster",
    "lower", "that", "a", "an", "its", "their", "his", "her", "what", "over",
];

/// First words of a counted phrase that make the count a part added to others.
pub(super) const ADDED_PART: &[&str] =
    &["other", "more", "additional", "extra", "further", "another"];

/// The counted noun phrase at the start of `post`: (text, head, end offset in `post`).
pub(super) fn noun_phrase<'a>(
    post: &'a str,
    settings: &Settings,
) -> Option<(&'a str, String, usize)> {
    let mut end = 0;
    let mut head: Option<String> = None;
    let mut start: Option<usize> = None;
    let mut count = 0;
    let mut last_end = 0;
    for (s, e, word) in text::words(post) {
        let gap = &post[last_end..s];
        if count > 0 && !gap.chars().all(|c| c == ' ' || c == '-') {
            break;
        }
        if count == 0 && !gap.trim().is_empty() && !gap.trim().chars().all(|c| c == '-') {
            break;
        }
        let folded = text::fold(word);
        // A cardinal word starts another number ("twenty thirty"), not a counted noun
        // ("half" does not: "first-half minutes").
        if PHRASE_STOPS.contains(&folded.as_str())
            || word.chars().all(|c| c.is_ascii_digit())
            || number::parse_words(word).is_some_and(|v| v == 0.0 || v >= 1.0)
        {
            break;
        }
        let singular = text::singular(&folded);
        let ends_like_verb = folded.ends_with("ed") || folded.ends_with("ing");
        if count > 0 && ends_like_verb && !settings.counted.contains_key(&singular) {
            break;
        }
        start.get_or_insert(s);
        head = Some(singular.clone());
        end = e;
        last_end = e;
        count += 1;
        // A plural noun ends the phrase ("charter flights", "firefighters fought").
        let is_plural =
            singular != folded || matches!(folded.as_str(), "people" | "police" | "staff");
        if settings.counted.contains_key(&singular)
            || is_demonym(word, settings)
            || is_plural
            || count == 4
        {
            break;
        }
    }
    let start = start?;
    Some((&post[start..end], head?, end))
}

/// "Colombians", "Salvadorans": a capitalised plural naming people by origin.
pub(super) fn is_demonym(word: &str, settings: &Settings) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word.ends_with('s')
        && settings
            .demonym_suffixes
            .iter()
            .any(|s| word.ends_with(s.as_str()))
}

/// The counted class of a head noun: its class in rules.toml, persons for demonyms, else
/// the noun itself.
pub(super) fn counted_class(head: &str, written: &str, settings: &Settings) -> String {
    if let Some(class) = settings.counted_class(head) {
        return class.to_owned();
    }
    let last = written.split_whitespace().last().unwrap_or(written);
    if is_demonym(last, settings) {
        return "persons".to_owned();
    }
    head.to_owned()
}

/// A persons count that the clause says died or were hurt is a toll: "12 people were
/// killed" counts the dead.
pub(super) fn refine_by_verbs(
    class: String,
    sentence: &str,
    at: usize,
    words: &Words,
    settings: &Settings,
) -> String {
    if class != "persons" {
        return class;
    }
    // The clause's verb can sit a few words on: "four hikers are now feared to have
    // been killed".
    let window_after = words.list.iter().filter(|w| w.0 >= at).take(9);
    let window_before = words.n_before(at, 3);
    for w in window_after.copied().chain(window_before) {
        let folded = text::fold(w.2);
        let found = settings
            .counted_class(&folded)
            .or_else(|| settings.counted_class(&text::singular(&folded)));
        if let Some(c @ ("dead" | "injured")) = found {
            let _ = sentence;
            return c.to_owned();
        }
    }
    class
}

/// The class named before a number that has no noun after it ("the death toll rose to 43").
pub(super) fn subject_class(
    words: &Words,
    at: usize,
    settings: &Settings,
) -> Option<(String, String)> {
    for (_, _, word) in words.n_before(at, settings.subject_window) {
        let folded = text::fold(word);
        let singular = text::singular(&folded);
        if let Some(class) = settings
            .counted_class(&singular)
            .or_else(|| settings.counted_class(&folded))
        {
            return Some((class.to_owned(), word.to_owned()));
        }
    }
    None
}

/// Words written capitalised somewhere other than at the start of a sentence: the
/// article's proper nouns ("Ford", "Gaza"), as folded words.
pub(super) fn proper_nouns(article: &Article) -> std::collections::HashSet<String> {
    let mut proper = std::collections::HashSet::new();
    for sentence in &article.sentences {
        let text = article.slice(sentence.span);
        for (start, _, word) in text::words(text).skip(1) {
            let after_quote = text[..start].trim_end().ends_with(['"', '“', ':']);
            if word.chars().next().is_some_and(char::is_uppercase) && !after_quote {
                proper.insert(text::fold(word));
            }
        }
    }
    proper
}

/// Whose figure it is: the proper names in the clause before it ("Ford had 25 points",
/// "in Gaza, more than 40 died"), leaving out who said it ("Nugroho said"). Two figures
/// with different owners are different figures.
pub(super) fn owners(
    sentence: &str,
    start: usize,
    proper: &std::collections::HashSet<String>,
    settings: &Settings,
) -> Vec<String> {
    let clause_start = sentence[..start]
        .rfind([',', ';', ':', '(', '—'])
        // The clause starts after the mark, which may be more than one byte ("—").
        .map_or(0, |i| {
            i + sentence[i..].chars().next().map_or(1, char::len_utf8)
        });
    let words: Vec<(usize, usize, &str)> = text::words(&sentence[clause_start..start]).collect();
    let mut names = Vec::new();
    for (i, &(_, _, word)) in words.iter().enumerate().rev().take(14) {
        let folded = text::fold(word);
        let next = words.get(i + 1).map(|w| text::fold(w.2));
        let is_source = next
            .as_deref()
            .is_some_and(|n| crate::extract::people::SPEECH_VERBS.contains(&n) || n == "according");
        if word.chars().next().is_some_and(char::is_uppercase)
            && proper.contains(&folded)
            && !is_source
            && !CAPITALISED_FUNCTION_WORDS.contains(&word)
            && !MONTHS.contains(&folded.as_str())
            && !context::is_weekday(&folded)
            && !crate::extract::people::is_title(word, settings)
        {
            names.push(folded);
        }
    }
    names.sort();
    names.dedup();
    names
}

/// Words either side of a claim that say what a bare figure is about ("stocks plunged 5.4
/// per cent" vs "a deficit of 13.6 percent").
pub(super) const LOCAL_WINDOW: usize = 3;

pub(super) fn local_terms(
    sentence: &str,
    words: &Words,
    start: usize,
    end: usize,
    settings: &Settings,
) -> Vec<String> {
    let before = words.n_before(start, LOCAL_WINDOW).map(|w| w.2);
    let after = words
        .list
        .iter()
        .filter(|w| w.0 >= end)
        .take(LOCAL_WINDOW)
        .map(|w| w.2);
    let _ = sentence;
    let mut terms: Vec<String> =
        context::terms_of(&before.chain(after).collect::<Vec<_>>().join(" "), settings);
    terms.sort();
    terms.dedup();
    terms
}

/// Where a count applies, from the words after a place preposition just after it ("in
/// the province", "across Asia", "in 13 countries around the Indian Ocean"): 170,000 dead
/// in one province and 230,000 across Asia are different figures.
pub(super) fn scope_terms(
    sentence: &str,
    words: &Words,
    end: usize,
    settings: &Settings,
) -> Vec<String> {
    let clause_end = sentence[end..]
        .find([',', ';', '.'])
        .map_or(sentence.len(), |i| end + i);
    let after: Vec<&str> = words
        .list
        .iter()
        .filter(|w| w.0 >= end && w.1 <= clause_end)
        .take(8)
        .map(|w| w.2)
        .collect();
    let mut scope = Vec::new();
    let mut inside = false;
    for w in after {
        let folded = text::fold(w);
        if settings
            .measure_roles
            .get(&folded)
            .is_some_and(|r| r == "distance")
            && !matches!(folded.as_str(), "from" | "off" | "outside")
        {
            continue; // a direction ("south of") says nothing about the place
        }
        if matches!(
            folded.as_str(),
            "in" | "across"
                | "around"
                | "throughout"
                | "nationwide"
                | "worldwide"
                | "statewide"
                | "of"
                | "from"
        ) {
            inside = true;
            if matches!(folded.as_str(), "nationwide" | "worldwide" | "statewide") {
                scope.push(folded);
            }
            continue;
        }
        if matches!(
            folded.as_str(),
            "and" | "or" | "but" | "who" | "which" | "that" | "when" | "after" | "before" | "since"
        ) {
            break;
        }
        if inside && !settings.stopwords.contains(&folded) && !w.chars().all(|c| c.is_ascii_digit())
        {
            scope.push(text::stem(&folded, settings.thresholds.stem_length));
        }
    }
    scope.sort();
    scope.dedup();
    scope
}

/// What a measure measures, from the nearest role word after it (same clause), else before it.
pub(super) fn measure_role(
    sentence: &str,
    start: usize,
    end: usize,
    words: &Words,
    settings: &Settings,
) -> Option<String> {
    let clause_end = sentence[end..]
        .find([',', ';', '.', '('])
        .map_or(sentence.len(), |i| end + i);
    let after = words
        .list
        .iter()
        .filter(|w| w.0 >= end && w.1 <= clause_end)
        .take(4);
    for w in after {
        if let Some(role) = settings.measure_roles.get(&text::fold(w.2)) {
            return Some(role.clone());
        }
    }
    for w in words.n_before(start, 4) {
        if let Some(role) = settings.measure_roles.get(&text::fold(w.2)) {
            return Some(role.clone());
        }
    }
    None
}

/// What the figure counts; false when the figure is not a claim to read.
pub(super) fn read_counted(r: &Reader<'_>, token: &NumberToken, d: &mut Draft) -> bool {
    let sentence = r.sentence;
    let words = &r.words;
    let settings = r.settings;
    let keep = r.keep;
    d.qualified_end = d.after;
    // What is counted.
    d.counted = None;
    d.counted_head = None;
    d.counted_text = None;
    d.phrase_end = d.after;
    let unit_dimension = d.unit.map(|u| settings.units[u].dimension.as_str());
    if unit_dimension.is_none() || unit_dimension == Some("currency") {
        // "2.9 million 9-liter cases", "three 10-year terms": a figure joined to a
        // word describes the counted noun after it (issue 16).
        let np_from = d.after
            + MODIFIER_AFTER
                .find(&sentence[d.after..])
                .filter(|m| sentence[d.after + m.end()..].starts_with(' '))
                .map_or(0, |m| m.end());
        if let Some((written, head, rel_end)) = noun_phrase(&sentence[np_from..], settings) {
            // "shot 11 times": a count of times; "three times the size" is a factor.
            let repeats = d.unit.is_none()
                && text::fold(written) == "times"
                && words
                    .after(np_from + rel_end)
                    .filter(|w| sentence[np_from + rel_end..w.0].trim().is_empty())
                    .is_none_or(|w| !MULTIPLIER_AFTER.contains(&text::fold(w.2).as_str()));
            if !repeats
                && (settings.time_words.contains(&head)
                    || settings.time_words.contains(&text::fold(written)))
            {
                return false; // a duration, an age or a time of day
            }
            if d.unit.is_none() {
                let class = counted_class(&head, written, settings);
                d.counted = Some(refine_by_verbs(class, sentence, np_from, words, settings));
                d.counted_head = Some(head.clone());
                d.counted_text = Some(written.to_owned());
                d.phrase_end = np_from + rel_end;
            }
        }
    }
    if d.unit.is_none() && d.counted.is_none() && token.form != NumberForm::Words {
        if let Some((class, word)) = subject_class(words, d.start, settings) {
            d.counted = Some(class);
            d.counted_text = Some(word);
        }
    }
    if d.unit.is_none() && d.counted.is_none() && keep == Keep::Claims {
        return false; // nothing to compare it with
    }
    // "three other bombs", "two more victims", "two additional life sentences": a part
    // beside others, compared only with other parts.
    if d.counted_text.as_deref().is_some_and(|t| {
        text::words(t)
            .next()
            .is_some_and(|(_, _, w)| ADDED_PART.contains(&text::fold(w).as_str()))
    }) {
        d.subset = true;
    }
    // Small numbers in words ("one of them") count only known things, and "the two
    // countries" refers back to things already counted.
    if token.form == NumberForm::Words
        && token.value < 10.0
        && d.unit.is_none()
        && keep == Keep::Claims
    {
        let definite = words.before(token.start).is_some_and(|w| {
            matches!(
                text::fold(w.2).as_str(),
                "the"
                    | "these"
                    | "those"
                    | "both"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "my"
                    | "your"
            )
        });
        if definite {
            return false;
        }
        // "one" is also an article and a pronoun ("one of them", "one day"): it counts
        // only known things. Two and more count whatever noun follows ("two guards").
        let known = d
            .counted
            .as_deref()
            .is_some_and(|c| settings.counted.values().any(|v| v == c));
        if !known && (token.value < 2.0 || d.counted_head.is_none()) {
            return false;
        }
    }
    true
}

/// Enumerated parts ("32 men and 11 women"), subgroups and what a measure measures.
pub(super) fn read_parts(r: &Reader<'_>, token: &NumberToken, d: &mut Draft) {
    let sentence = r.sentence;
    let tokens = &r.tokens;
    let words = &r.words;
    let settings = r.settings;
    let keep = r.keep;
    let unit_dimension = d.unit.map(|u| r.settings.units[u].dimension.as_str());
    // Enumerated parts: "32 men and 11 women".
    d.parts = Vec::new();
    if d.unit.is_none()
        && d.range.is_none()
        && d.qualifier == Qualifier::Exact
        && keep == Keep::Claims
    {
        let mut total = d.value;
        let mut last_end = d.phrase_end;
        let mut j = d.next;
        d.parts.push(Part {
            number: d.value,
            counted: d.counted_text.clone(),
            text: sentence[token.start..d.phrase_end].to_owned(),
        });
        while let Some(next) = tokens.get(j) {
            if next.start < last_end || !ENUM_JOIN.is_match(&sentence[last_end..next.start]) {
                break;
            }
            let Some((written, head, rel_end)) = noun_phrase(&sentence[next.end..], settings)
            else {
                break;
            };
            let class = refine_by_verbs(
                counted_class(&head, written, settings),
                sentence,
                next.end,
                words,
                settings,
            );
            if Some(&class) != d.counted.as_ref() {
                break;
            }
            total += next.value;
            last_end = next.end + rel_end;
            d.parts.push(Part {
                number: next.value,
                counted: Some(written.to_owned()),
                text: sentence[next.start..last_end].to_owned(),
            });
            j += 1;
        }
        if d.parts.len() > 1 {
            d.value = total;
            d.phrase_end = last_end;
            d.counted_text = Some(
                d.parts
                    .iter()
                    .map(|p| p.counted.clone().unwrap_or_default())
                    .collect::<Vec<_>>()
                    .join(" and "),
            );
            d.next = j;
        } else {
            d.parts.clear();
        }
    }
    // "two women" counts a subgroup, compared only with the same subgroup.
    if d.parts.is_empty()
        && let (Some(class), Some(head)) = (&d.counted, &d.counted_head)
        && settings.subgroups.contains(head)
        && class != head
    {
        d.counted = Some(format!("{class}/{head}"));
    }
    // A measure counts what its neighbouring words say it measures ("10 km deep").
    if unit_dimension.is_some_and(|d| d != "currency" && d != "ratio") {
        // A measure whose role no word gives is compared only with others like it.
        d.counted = Some(
            measure_role(sentence, d.start, d.after, words, settings)
                .unwrap_or_else(|| "unspecified".to_owned()),
        );
    }
}

/// Vague amounts ("dozens of undocumented Colombians") no figure overlaps.
pub(super) fn vague_readings(
    r: &Reader<'_>,
    vague: Vec<(usize, usize)>,
    readings: &mut Vec<Reading>,
) {
    let sentence = r.sentence;
    let tokens = &r.tokens;
    let words = &r.words;
    let settings = r.settings;
    let matchers = settings.matchers();
    // Vague amounts ("dozens of undocumented Colombians").
    for (vs, ve) in vague {
        if readings
            .iter()
            .any(|r| r.span.start < ve && vs < r.span.end)
            || tokens.iter().any(|t| t.start < ve && vs < t.end)
        {
            continue;
        }
        let phrase = crate::config::normalize_phrase(&sentence[vs..ve]);
        let Some(i) = matchers.vague_index(&phrase) else {
            continue;
        };
        let amount = &settings.vague[i];
        let post = &sentence[ve..];
        let post = post.trim_start().strip_prefix("of ").map_or(post, |p| p);
        let offset = sentence.len() - post.len();
        let Some((written, head, rel_end)) = noun_phrase(post, settings) else {
            continue;
        };
        if settings.time_words.contains(&head) {
            continue;
        }
        let class = refine_by_verbs(
            counted_class(&head, written, settings),
            sentence,
            offset,
            words,
            settings,
        );
        let class = if settings.subgroups.contains(&head) && class != head {
            format!("{class}/{head}")
        } else {
            class
        };
        // "several videos": a small vague amount says little unless it counts a known thing.
        let base_class = class.split('/').next().unwrap_or(&class);
        if amount.low < 10.0 && !settings.counted.values().any(|v| v == base_class) {
            continue;
        }
        readings.push(Reading {
            span: Span::new(vs, offset + rel_end),
            number: None,
            low: Some(amount.low),
            high: amount.high,
            low_inclusive: true,
            high_inclusive: false,
            qualifier: Qualifier::Vague,
            unit: None,
            counted: Some(class),
            counted_text: Some(written.to_owned()),
            parts: Vec::new(),
            subset: false,
            vague_phrase: Some(sentence[vs..ve].to_owned()),
            local: local_terms(sentence, words, vs, offset + rel_end, settings),
            scope: scope_terms(sentence, words, offset + rel_end, settings),
            core: Span::new(vs, ve),
            numbers: Vec::new(),
            qualified_end: ve,
            per: Vec::new(),
        });
    }
}
