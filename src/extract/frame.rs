//! What each claim is about: its frame (issue 15). The attribute a figure measures
//! ("dead", "magnitude", "population"), whose figure it is (its entity: "Manning", the
//! place a distance is measured from, an aftershock rather than the quake), and its
//! scope (a part of a larger count, a total over several events, a page's own
//! publication date). Read once per sentence from its [`SentenceAnalysis`]; the
//! reconciler compares frames, and only breaks ties with the bag of context words.

use serde::Serialize;

use super::{
    Claim, ClaimKind, Value,
    analysis::{SentenceAnalysis, Token, TokenKind},
    people::Directory,
};
use crate::{
    config::{Settings, frames::FrameRules},
    ingest::Article,
    normalize::number,
    span::Span,
};

/// A claim's frame. Every part is optional: a part one side lacks never tells two claims
/// apart, a part both have and that differs always does.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Frame {
    /// What the figure measures, from `[frames] attributes` (None: only its counted noun
    /// or unit says).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute: Option<String>,
    /// Whether a word next to the figure names the attribute (else it is inferred from
    /// the counted class or the unit): conflicts between stated attributes are confident.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub attribute_stated: bool,
    /// Whose or which: a possessive owner ("Manning's"), the place a distance is measured
    /// from, the place a population belongs to, another event ("aftershock"); folded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// Who the clause says has or did the figure, read from its subject ("Echenique
    /// grabbed 11 rebounds", "He added six" after a sentence about Artino), folded
    /// surname. Inferred, so it only keeps two figures from contradicting each other.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// A part of a larger count ("12 of the 23 pirates").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub part_of: bool,
    /// A total over several events or a running total ("thus far", "during the five
    /// operations").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub aggregate: bool,
    /// About another event than the story's main one (an aftershock).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub other_event: bool,
    /// A date that is the page's own publication date ("Posted: 05/02/07").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub publication: bool,
    /// The place the figure applies to, read right after it ("9,000 people in the
    /// province", "killed 40 across the region"), folded head word.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// Fill in the frame of every claim of `article` (claims in text order), reading each
/// sentence once.
pub fn assign(article: &Article, claims: &mut [Claim], people: &Directory, settings: &Settings) {
    let rules = &settings.frames;
    // Claims come grouped by kind: walked by sentence, each sentence is read once.
    let mut order: Vec<usize> = (0..claims.len())
        .filter(|&i| !matches!(claims[i].kind, ClaimKind::Quote | ClaimKind::Role))
        .collect();
    order.sort_by_key(|&i| (claims[i].sentence.start, claims[i].span.start));
    let mut sentences: Vec<(Span, SentenceAnalysis)> = Vec::new();
    for &i in &order {
        let sentence = claims[i].sentence;
        if sentences.last().is_none_or(|(s, _)| *s != sentence) {
            let analysis = SentenceAnalysis::of(article.slice(sentence), sentence.start, rules);
            sentences.push((sentence, analysis));
        }
    }
    let names = Names::of(sentences.iter().map(|(_, a)| a), people, settings);
    let mut subjects = Subjects::default();
    let mut at = 0;
    for i in order {
        let sentence = claims[i].sentence;
        while sentences[at].0 != sentence {
            at += 1;
        }
        let (span, analysis) = &sentences[at];
        let follows = at > 0 && adjacent(article, sentences[at - 1].0, *span);
        // A sentence without claims before this one was not read: its subject is read
        // only when a pronoun here needs it.
        let before = || {
            let k = article
                .sentences
                .binary_search_by_key(&span.start, |x| x.span.start)
                .ok()?;
            let prev = article.sentences.get(k.checked_sub(1)?)?.span;
            if !adjacent(article, prev, *span) {
                return None;
            }
            let analysis = SentenceAnalysis::of(article.slice(prev), prev.start, rules);
            clause_subjects(&analysis, None, &names)
                .into_iter()
                .flatten()
                .next()
        };
        let subject = subjects.of(at, analysis, follows, before, &names);
        claims[i].context.frame = frame_of(&claims[i], analysis, subject, settings);
    }
}

/// Whether sentence `b` comes right after sentence `a` in the article.
fn adjacent(article: &Article, a: Span, b: Span) -> bool {
    let index = |x: Span| {
        article
            .sentences
            .binary_search_by_key(&x.start, |s| s.span.start)
            .ok()
    };
    matches!((index(a), index(b)), (Some(i), Some(j)) if j == i + 1)
}

/// Words the article writes capitalized where a sentence does not start, and the
/// surnames of its people: the words a subject may be named by. A capitalized word at a
/// sentence's start ("Officials", "Rescuers") is a name only if it is one elsewhere.
struct Names<'a> {
    words: std::collections::HashSet<&'a str>,
    people: &'a Directory,
    rules: &'a FrameRules,
    /// Function words (`stopwords`): a capitalized "The" or "In" opens a sentence
    /// without naming anyone.
    stopwords: &'a std::collections::HashSet<String>,
}

impl<'a> Names<'a> {
    fn of(
        analyses: impl Iterator<Item = &'a SentenceAnalysis>,
        people: &'a Directory,
        settings: &'a Settings,
    ) -> Self {
        let mut words: std::collections::HashSet<&'a str> = analyses
            .flat_map(|a| a.tokens.iter().skip(1))
            .filter(|t| t.capitalized && t.is_word())
            .map(|t| t.folded.as_str())
            .collect();
        words.extend(people.people.iter().map(|p| p.surname.as_str()));
        words.extend(people.written_as_names.iter().map(String::as_str));
        Self {
            words,
            people,
            rules: &settings.frames,
            stopwords: &settings.stopwords,
        }
    }
}

/// The named subject of each clause of the sentences read so far: whose figures a
/// clause states ("Echenique scored 11 points", "McDermott scored 23 points and grabbed
/// 7 rebounds", "He added six rebounds" after a sentence about Artino).
#[derive(Default)]
struct Subjects {
    /// The sentence (index into the analyses) and its clause subjects, for the last
    /// sentence looked at.
    current: Option<(usize, Vec<Option<String>>)>,
    /// The last named subject of the sentence before, for a pronoun.
    previous: Option<String>,
}

impl Subjects {
    fn of(
        &mut self,
        at: usize,
        s: &SentenceAnalysis,
        follows: bool,
        before: impl FnOnce() -> Option<String>,
        names: &Names,
    ) -> Option<Vec<Option<String>>> {
        if self.current.as_ref().is_none_or(|(i, _)| *i != at) {
            let carried = self
                .current
                .take()
                .filter(|_| follows)
                .and_then(|(_, tokens)| tokens.into_iter().flatten().last())
                .or_else(|| self.previous.take().filter(|_| follows));
            let opens_with_pronoun = s
                .tokens
                .iter()
                .find(|t| t.is_word())
                .is_some_and(|t| matches!(t.folded.as_str(), "he" | "she" | "his" | "her"));
            let carried = match carried {
                None if opens_with_pronoun => before(),
                c => c,
            };
            let clauses = clause_subjects(s, carried.as_deref(), names);
            self.previous = carried;
            self.current = Some((at, clauses));
        }
        self.current.as_ref().map(|(_, c)| c.clone())
    }
}

/// The named subject of each token of `s`, read clause by clause: a run of capitalized
/// words at the clause's start (after a break word such as "and") followed by a word
/// that does not report speech ("Rubio said 43 were deported" is Rubio's account, not
/// Rubio's figure). A clause without one shares the subject of the clause before
/// (coordinated verbs); "he", "she", "his" or "her" is `carried` (the subject of the sentence before)
/// or else the person the article last named as a subject; a relative clause
/// ("Manning, who threw for 364 yards") is about the name before its "who".
fn clause_subjects(
    s: &SentenceAnalysis,
    carried: Option<&str>,
    names: &Names,
) -> Vec<Option<String>> {
    let (people, rules) = (names.people, names.rules);
    let clauses = s.tokens.last().map_or(0, |t| t.clause + 1);
    let mut of_clause: Vec<Option<String>> = vec![None; clauses];
    for (clause, slot) in of_clause.iter_mut().enumerate() {
        let mut words = s
            .tokens
            .iter()
            .filter(|t| t.clause == clause)
            .skip_while(|t| !t.is_word() || rules.clause_breaks.contains(&t.folded))
            .peekable();
        let Some(head) = words.peek().copied() else {
            continue;
        };
        if matches!(head.folded.as_str(), "he" | "she" | "his" | "her") {
            let possessive = matches!(head.folded.as_str(), "his" | "her");
            words.next();
            if possessive
                || words
                    .find(|t| t.is_word())
                    .is_some_and(|v| !v.capitalized && !reports(s, v))
            {
                *slot = carried.map(str::to_owned).or_else(|| {
                    people
                        .resolve_pronoun(head.span.start)
                        .map(|n| surname(&crate::normalize::text::fold(n)))
                });
            }
            continue;
        }
        let run: Vec<&Token> = words
            .take_while(|t| t.capitalized && t.is_word() && t.possessor().is_none())
            .collect();
        let Some(last) = run.last() else {
            continue;
        };
        let after = s
            .tokens
            .iter()
            .skip_while(|t| t.span.start <= last.span.start)
            .find(|t| t.is_word());
        let verb_after = after.is_some_and(|v| !v.capitalized && !reports(s, v));
        // A sentence's first word is capitalized whatever it is ("Officials seized 31
        // magazines"): a single word is a name only if the article writes it as one.
        let function_word = |t: &Token| names.stopwords.contains(&t.folded);
        let named =
            run.len() >= 2 && !function_word(run[0]) || names.words.contains(last.folded.as_str());
        if verb_after && named && !function_word(last) {
            *slot = Some(last.folded.clone());
        }
    }
    let mut last: Option<String> = None;
    for slot in &mut of_clause {
        match slot {
            Some(name) => last = Some(name.clone()),
            None => slot.clone_from(&last),
        }
    }
    let mut out: Vec<Option<String>> = s
        .tokens
        .iter()
        .map(|t| of_clause[t.clause].clone())
        .collect();
    // "NAME, who ...": up to the next mark that closes the relative clause.
    for (i, t) in s.tokens.iter().enumerate() {
        if t.folded != "who" || i < 2 || s.tokens[i - 1].folded != "," {
            continue;
        }
        let name = &s.tokens[i - 2];
        if !(name.capitalized && name.is_word()) || names.stopwords.contains(&name.folded) {
            continue;
        }
        for (k, u) in s.tokens.iter().enumerate().skip(i + 1) {
            if u.kind == TokenKind::Mark && u.folded != "-" || u.clause != t.clause {
                break;
            }
            out[k] = Some(name.folded.clone());
        }
    }
    out
}

/// Whether `verb` reports what someone said ("said", "added that"). "Added" is also a
/// verb of doing: "he added 4 steals" adds a figure of his own ("said 12 were seized"
/// still reports).
fn reports(s: &SentenceAnalysis, verb: &Token) -> bool {
    let speech =
        super::people::SPEECH_VERBS.contains(&verb.folded.as_str()) || verb.folded == "according";
    let figure_next = s
        .tokens
        .iter()
        .find(|t| t.span.start >= verb.span.end)
        .is_some_and(|t| t.kind == TokenKind::Number);
    speech && !(figure_next && matches!(verb.folded.as_str(), "added" | "adds"))
}

fn surname(folded_name: &str) -> String {
    folded_name
        .split_whitespace()
        .last()
        .unwrap_or(folded_name)
        .to_owned()
}

fn frame_of(
    claim: &Claim,
    s: &SentenceAnalysis,
    subjects: Option<Vec<Option<String>>>,
    settings: &Settings,
) -> Frame {
    let rules = &settings.frames;
    let (first, end) = s.range_of(claim.span);
    if first >= s.tokens.len() {
        return Frame::default();
    }
    let mut frame = Frame {
        aggregate: aggregate(s, first, end, rules),
        ..Frame::default()
    };
    let clause = s.tokens[first].clause;
    // Another event is named right after the figure ("a 4.1 aftershock") or before it in
    // its clause ("the aftershock measured 4.1"), not anywhere ("wary of aftershocks").
    let other = s.tokens[first.saturating_sub(rules.window)..(end + 2).min(s.tokens.len())]
        .iter()
        .enumerate()
        .find(|(k, t)| {
            let i = first.saturating_sub(rules.window) + k;
            t.clause == clause
                && rules.other_event.contains(&t.folded)
                && (i < first || i <= end + 1)
        })
        .map(|(_, t)| t);
    if let Some(t) = other {
        frame.other_event = true;
        frame.entity = Some(t.folded.trim_end_matches('s').to_owned());
    }
    match &claim.value {
        Value::Quantity(q) => {
            let dimension = q.dimension.as_deref();
            // A measure's role read right beside it ("10 km deep", "55 km south of")
            // is its attribute: nearer than any word of the clause.
            let measure_role = q
                .counted
                .as_ref()
                .filter(|_| dimension == Some("length"))
                .filter(|c| settings.measure_roles.values().any(|r| r == *c));
            // Counts of people take a people attribute ("killed", "injured"); 12 blocks
            // near "shot to death" are not a death toll.
            let counts_people = q.counted.as_deref().is_none_or(|c| {
                rules
                    .people_classes
                    .iter()
                    .any(|p| c == p || c.starts_with(&format!("{p}/")))
            });
            let applies = |a: &String| {
                rules.applies(a, dimension)
                    && (counts_people || !rules.people_attributes.contains(a))
            };
            if let Some(role) = measure_role {
                frame.attribute = Some(role.clone());
                frame.attribute_stated = true;
            } else if let Some(attribute) = measured_noun(s, first, end, rules)
                .filter(applies)
                .or_else(|| nearest_attribute(s, first, end, dimension, rules).filter(applies))
            {
                frame.attribute = Some(attribute);
                frame.attribute_stated = true;
            } else if q.unit.as_deref() == Some("magnitude") {
                frame.attribute = Some("magnitude".to_owned());
                frame.attribute_stated = true;
            } else if let Some(class) = &q.counted
                && let Some(attribute) = rules.attribute_words.get(class.as_str())
                && rules.applies(attribute, dimension)
            {
                frame.attribute = Some(attribute.clone());
            }
            // A thing counted or measured for someone: a player's points, a firm's
            // stores. Counts of people and sums of money are told by whoever reports
            // them, and a score belongs to both sides, so their subject is not their owner.
            let thing = q.counted.as_deref().is_some_and(|c| c != "unspecified");
            let owned = match dimension {
                Some(d) => d != "currency" && d != "time",
                None => {
                    thing && !counts_people && !matches!(q.unit.as_deref(), Some("score" | "tally"))
                }
            };
            if owned {
                frame.owner = subjects
                    .as_ref()
                    .and_then(|s| s.get(first).cloned().flatten());
            }
            frame.part_of = q.subset || part_of(s, end, rules);
            frame.place = place_after(s, end);
            if frame.entity.is_none() {
                frame.entity = possessor(s, first, clause, rules)
                    .or_else(|| {
                        (q.counted.as_deref() == Some("distance"))
                            .then(|| reference_place(s, end))
                            .flatten()
                    })
                    .or_else(|| {
                        (frame.attribute.as_deref() == Some("population"))
                            .then(|| name_before(s, first))
                            .flatten()
                    });
            }
        }
        Value::Duration(_) => {
            frame.attribute = nearest_attribute(s, first, end, Some("time"), rules);
            frame.attribute_stated = frame.attribute.is_some();
        }
        Value::Date(_) => {
            frame.publication = publication(s, first, end, rules);
        }
        Value::Quote(_) | Value::Role(_) => {}
    }
    frame
}

/// The attribute named by the word or phrase nearest the figure (tokens `first..end`) in
/// its clause, within `[frames] window` tokens; words inside the claim are nearest.
fn nearest_attribute(
    s: &SentenceAnalysis,
    first: usize,
    end: usize,
    dimension: Option<&str>,
    rules: &FrameRules,
) -> Option<String> {
    let clause = s.tokens[first].clause;
    let from = first.saturating_sub(rules.window);
    let to = (end + rules.window).min(s.tokens.len());
    // Word tokens of the window in the figure's clause, hyphens skipped, so that
    // "year-old" matches the phrase "year old".
    let words: Vec<(usize, &Token)> = s
        .tokens
        .iter()
        .enumerate()
        .take(to)
        .skip(from)
        .filter(|(_, t)| t.clause == clause && t.kind != TokenKind::Mark)
        .collect();
    let distance = |i: usize| {
        if i < first {
            first - i
        } else if i >= end {
            i + 1 - end
        } else {
            0
        }
    };
    let mut best: Option<(usize, bool, String)> = None;
    for start in 0..words.len() {
        let mut phrase = String::new();
        for len in 1..=rules.longest_attribute.min(words.len() - start) {
            let (i, token) = words[start + len - 1];
            // A phrase is consecutive words: a mark other than a hyphen between two
            // words breaks it.
            if len > 1 {
                let previous = words[start + len - 2].0;
                let gap_ok = s.tokens[previous + 1..i].iter().all(|t| t.folded == "-");
                if !gap_ok {
                    break;
                }
                phrase.push(' ');
            }
            phrase.push_str(&token.folded);
            let Some(attribute) = rules.attribute_words.get(&phrase) else {
                continue;
            };
            if !rules.applies(attribute, dimension) {
                continue;
            }
            let d = distance(words[start].0).min(distance(i));
            // Nearest wins; at equal distance the word after the figure ("10 people
            // killed") over the one before.
            let after = words[start].0 >= end;
            let better = best
                .as_ref()
                .is_none_or(|(bd, b_after, _)| d < *bd || (d == *bd && after && !b_after));
            if better {
                best = Some((d, after, attribute.clone()));
            }
        }
    }
    best.map(|(_, _, a)| a)
}

/// The attribute of a figure written right before a noun it measures ("a 4.6 quake",
/// "the 5.9-magnitude quake" is found by the word itself): the noun must be singular.
fn measured_noun(
    s: &SentenceAnalysis,
    first: usize,
    end: usize,
    rules: &FrameRules,
) -> Option<String> {
    let number = (first..end).find(|&i| s.tokens[i].kind == TokenKind::Number)?;
    // Only a figure written in digits with a decimal point, or a single digit, measures
    // a quake: "one earthquake" counts it.
    let written = &s.tokens[number].folded;
    if !(written.contains('.') || written.len() == 1) {
        return None;
    }
    let next = s.tokens[number + 1..]
        .iter()
        .find(|t| t.folded != "-" && !matches!(t.folded.as_str(), "preliminary" | "magnitude"))?;
    rules.measured_nouns.get(&next.folded).cloned()
}

/// Whether the words right after the figure (token `end` on) make it a part of a larger
/// count: "12 of the 23", "two of them".
fn part_of(s: &SentenceAnalysis, end: usize, rules: &FrameRules) -> bool {
    let after: Vec<&str> = s
        .words(end, end + 2)
        .map(|(_, t)| t.folded.as_str())
        .collect();
    (1..=after.len()).any(|n| rules.part_of.contains(&after[..n].join(" ")))
}

/// Whether the figure's clause makes it a total over several events: a phrase from
/// `[frames] aggregate`, or "during/over/across (the) N <plural noun>".
fn aggregate(s: &SentenceAnalysis, first: usize, end: usize, rules: &FrameRules) -> bool {
    let clause = s.tokens[first].clause;
    let words: Vec<(usize, &Token)> = s
        .words(0, s.tokens.len())
        .filter(|(_, t)| t.clause == clause)
        .collect();
    let folded: Vec<&str> = words.iter().map(|(_, t)| t.folded.as_str()).collect();
    let phrase = rules.aggregate.iter().any(|p| {
        folded
            .windows(p.len())
            .any(|w| w.iter().zip(p).all(|(a, b)| a == b))
    });
    if phrase {
        return true;
    }
    // "during the five operations", "across 12 countries": several instances.
    for (k, w) in folded.iter().enumerate() {
        if !matches!(*w, "during" | "over" | "across" | "throughout") {
            continue;
        }
        let mut j = k + 1;
        let article = matches!(folded.get(j), Some(&("the" | "all" | "a")));
        if article {
            j += 1;
        }
        // "over 1,600 houses" is a bound on a figure; "over the five raids" spans events.
        if *w == "over" && !article {
            continue;
        }
        let (Some(count), Some(noun)) = (folded.get(j), folded.get(j + 1)) else {
            continue;
        };
        // The figure itself is not the count of instances.
        if words[j].0 >= first && words[j].0 < end {
            continue;
        }
        let several = count.chars().all(|c| c.is_ascii_digit() || c == ',')
            && count.replace(',', "").parse::<u64>().is_ok_and(|n| n > 1)
            || number::parse_words(count).is_some_and(|n| n > 1.0)
            || matches!(*count, "dozen" | "several" | "multiple" | "numerous");
        let plural = noun.len() > 3 && noun.ends_with('s') && !noun.ends_with("ss");
        if several && plural && !is_time_noun(noun) {
            return true;
        }
    }
    false
}

/// "over five years": a length of time, not several events.
fn is_time_noun(noun: &str) -> bool {
    matches!(
        noun.trim_end_matches('s'),
        "second"
            | "minute"
            | "hour"
            | "day"
            | "week"
            | "month"
            | "year"
            | "decade"
            | "centurie"
            | "season"
            | "term"
            | "quarter"
    )
}

/// The place right after a figure's phrase: "in", "across" or "throughout", an optional
/// article, then the head of the noun phrase ("in the province" -> "province", "in Aceh
/// province" -> "aceh").
fn place_after(s: &SentenceAnalysis, end: usize) -> Option<String> {
    let after: Vec<(usize, &Token)> = s.words(end, end + 8).collect();
    let (_, preposition) = after.first()?;
    if preposition.folded == "of" {
        return named_place_after_of(&after[1..]);
    }
    if !matches!(preposition.folded.as_str(), "in" | "across" | "throughout") {
        return None;
    }
    let rest = &after[1..];
    let skip = usize::from(
        rest.first()
            .is_some_and(|(_, t)| matches!(t.folded.as_str(), "the" | "a")),
    );
    let (_, head) = rest.get(skip)?;
    // A capitalized name is the place; else the first noun-like word.
    (head.kind == TokenKind::Word && head.folded.len() > 2).then(|| head.folded.clone())
}

/// The place named after a short "of" phrase ("55 percent of voice traffic in Saudi
/// Arabia", "65% of traffic to India"): a share of one country's traffic is not a share
/// of another's, nor is "of India's traffic". Only a capitalized name counts here; "of the people in the area" is
/// too loose to tell two figures apart.
fn named_place_after_of(rest: &[(usize, &Token)]) -> Option<String> {
    // "of India's voice traffic": the owner named inside the phrase.
    if let Some(owner) = rest
        .iter()
        .take(3)
        .find_map(|(_, t)| t.capitalized.then(|| t.possessor()).flatten())
    {
        return Some(owner.to_owned());
    }
    let at = rest.iter().take(4).position(|(_, t)| {
        matches!(
            t.folded.as_str(),
            "in" | "to" | "with" | "across" | "throughout"
        )
    })?;
    if rest[..at].iter().any(|(_, t)| t.capitalized) {
        return None;
    }
    let (_, head) = rest[at + 1..].iter().find(|(_, t)| t.folded != "the")?;
    (head.capitalized && head.kind == TokenKind::Word).then(|| head.folded.clone())
}

/// The possessive owner before the figure in its clause ("Manning's 364 yards", "the
/// office's 40 employees"), folded.
fn possessor(
    s: &SentenceAnalysis,
    first: usize,
    clause: usize,
    rules: &FrameRules,
) -> Option<String> {
    let from = first.saturating_sub(rules.window);
    s.tokens[from..first]
        .iter()
        .rev()
        .filter(|t| t.clause == clause && t.is_word())
        .find_map(|t| t.possessor().map(str::to_owned))
}

/// The place a distance is measured from: the capitalized words after "of" or "from"
/// right after it ("15 miles north of Detroit").
fn reference_place(s: &SentenceAnalysis, end: usize) -> Option<String> {
    let after: Vec<(usize, &Token)> = s.words(end, end + 5).collect();
    let at = after
        .iter()
        .position(|(_, t)| matches!(t.folded.as_str(), "of" | "from"))?;
    let name: Vec<&str> = after[at + 1..]
        .iter()
        .skip_while(|(_, t)| t.folded == "the")
        .take_while(|(_, t)| t.capitalized)
        .map(|(_, t)| t.folded.as_str())
        .collect();
    (!name.is_empty()).then(|| name.join(" "))
}

/// The name written before the figure's phrase ("Bandar Abbas, a city of 500,000
/// people"), folded: the last run of capitalized words before it in the sentence.
fn name_before(s: &SentenceAnalysis, first: usize) -> Option<String> {
    let words: Vec<&Token> = s.tokens[..first]
        .iter()
        .filter(|t| t.kind != TokenKind::Mark)
        .collect();
    let last = words.iter().rposition(|t| t.capitalized)?;
    // The first word of the sentence is capitalized whatever it is.
    if last == 0 && words.len() > 1 {
        return None;
    }
    let start = words[..last]
        .iter()
        .rposition(|t| !t.capitalized)
        .map_or(0, |i| i + 1);
    Some(
        words[start..=last]
            .iter()
            .map(|t| t.possessor().unwrap_or(&t.folded))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Whether a date is the page's own: a publication word just before it ("Posted:
/// 05/02/07"), or a line that is little more than the date (a dateline).
fn publication(s: &SentenceAnalysis, first: usize, end: usize, rules: &FrameRules) -> bool {
    let before = s
        .words(first.saturating_sub(3), first)
        .any(|(_, t)| rules.publication.contains(&t.folded));
    let words = s.words(0, s.tokens.len()).count();
    let inside = s.words(first, end).count();
    before || words <= inside + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Article;
    use std::{path::PathBuf, sync::Arc};

    fn frames(text: &str) -> Vec<(String, Frame)> {
        let settings = Settings::builtin();
        let article = Article::from_text(PathBuf::from("a.txt"), Arc::from(text), &settings);
        crate::extract::of_article(0, &article, &settings)
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Quantity)
            .map(|c| (article.slice(c.span).to_owned(), c.context.frame))
            .collect()
    }

    fn attribute_of(text: &str, figure: &str) -> Option<String> {
        frames(text)
            .into_iter()
            .find(|(t, _)| t.contains(figure))
            .and_then(|(_, f)| f.attribute)
    }

    #[test]
    fn a_clause_subject_owns_its_things_but_not_its_reports() {
        let owner = |text: &str, figure: &str| {
            frames(text)
                .into_iter()
                .find(|(t, _)| t == figure)
                .and_then(|(_, f)| f.owner)
        };
        let text = "The game was won by Echenique and Marquez. Echenique grabbed 11 rebounds \
                    and Gregory Marquez had 7 rebounds. He added 4 blocks.";
        assert_eq!(owner(text, "11 rebounds").as_deref(), Some("echenique"));
        assert_eq!(owner(text, "7 rebounds").as_deref(), Some("marquez"));
        assert_eq!(owner(text, "4 blocks").as_deref(), Some("marquez"));
        // A speaker reports a figure; people counted are nobody's things.
        assert_eq!(
            owner(
                "The raid was led by Ruiz. Ruiz said 12 rifles were seized.",
                "12 rifles"
            ),
            None
        );
        assert_eq!(
            owner(
                "The raid was led by Ruiz. Ruiz arrested 12 people.",
                "12 people"
            ),
            None
        );
        // "Officials" opening a sentence is not a name the article writes.
        assert_eq!(
            owner("Officials seized 31 magazines at the port.", "31 magazines"),
            None
        );
    }

    #[test]
    fn the_nearest_word_in_the_clause_names_the_attribute() {
        let text =
            "Nine people were killed and at least 40 injured when the storm hit the coast.\n";
        assert_eq!(attribute_of(text, "Nine").as_deref(), Some("dead"));
        assert_eq!(attribute_of(text, "40").as_deref(), Some("injured"));
        let text = "The flood swept the valley, killing 12 residents and injuring 30.\n";
        assert_eq!(attribute_of(text, "12").as_deref(), Some("dead"));
        let text = "One man has been arrested, though no injuries were reported.\n";
        assert_eq!(attribute_of(text, "One").as_deref(), Some("arrested"));
    }

    #[test]
    fn a_figure_before_a_quake_is_its_magnitude() {
        let text = "A 5.2 quake shook the town. Later a 4.1 aftershock followed.\n";
        let f = frames(text);
        let quake = &f.iter().find(|(t, _)| t.contains("5.2")).unwrap().1;
        assert_eq!(quake.attribute.as_deref(), Some("magnitude"));
        assert!(!quake.other_event);
        let after = &f.iter().find(|(t, _)| t.contains("4.1")).unwrap().1;
        assert_eq!(after.attribute.as_deref(), Some("magnitude"));
        assert!(after.other_event);
        assert_eq!(after.entity.as_deref(), Some("aftershock"));
    }

    #[test]
    fn parts_totals_and_owners_are_scope_and_entity() {
        let text = "Officials said $2 million of the $5 million budget was spent. Over the three raids, a total of 80 rifles were seized. Smith's 300 yards led the league.\n";
        let f = frames(text);
        let get = |fig: &str| {
            f.iter()
                .find(|(t, _)| t.contains(fig))
                .map(|(_, f)| f.clone())
        };
        assert!(get("$2 million").unwrap().part_of);
        assert!(!get("$5 million").unwrap().part_of);
        assert!(get("80").unwrap().aggregate);
        assert_eq!(get("300").unwrap().entity.as_deref(), Some("smith"));
    }

    #[test]
    fn a_distance_belongs_to_its_reference_place() {
        let text = "The blast was felt 40 miles north of Granton and the crater lay 3 km from the shore.\n";
        let f = frames(text);
        let d = &f.iter().find(|(t, _)| t.contains("40")).unwrap().1;
        assert_eq!(d.entity.as_deref(), Some("granton"));
    }
}
