//! A claim's context: the key terms of its sentence (and the sentence before it in the
//! same paragraph) and its time anchors, so that different events are told apart.
//!
//! "43 migrants on Monday's flight" and "1,700 migrants returned since August" share
//! words but not anchors: one is a day, the other a running total.

use serde::Serialize;

use std::{cell::RefCell, collections::HashMap};

use super::terms::TermList;
use crate::{config::Settings, ingest::Article, normalize::text};

/// Key terms and time anchors of a claim.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Context {
    /// Stems of content words, sorted and unique (shared by the claims of one sentence).
    pub terms: TermList,
    /// Time anchors (`day:monday`, `month:july`, `year:2024`, `since`), sorted and unique.
    pub anchors: TermList,
    /// Stems of the content words within a few words of the claim, sorted and unique.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub local: Vec<String>,
    /// Stems of the place a figure applies to ("in the province"), sorted and unique.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub scope: Vec<String>,
    /// Proper names that own the figure ("Ford" in "Ford had 25 points"), folded.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub owners: Vec<String>,
    /// Index of the paragraph the claim sits in, within its article.
    #[serde(skip)]
    pub paragraph: Option<usize>,
    /// What the claim is about: attribute, entity, scope (issue 15).
    #[serde(skip)]
    pub frame: super::frame::Frame,
}

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const RELATIVE_DAYS: &[&str] = &["today", "yesterday", "tonight", "tomorrow"];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// Words that say a sentence reports another instance of the event ("in a separate
/// attack", "another school"): its figures are not the main event's. Not "other":
/// "killing 10 and wounding 70 others" is the same event.
const DISTINCT_EVENT: &[&str] = &["another", "separate", "separately"];

/// Two-word phrases that put a sentence's figures in another game, week or round than
/// the story's ("came one week after he managed 10 yards", "in the previous game").
const DISTINCT_PAIRS: &[&str] = &[
    "week after",
    "week before",
    "week earlier",
    "weeks earlier",
    "last week",
    "previous week",
    "previous game",
    "last game",
    "previous round",
];

/// Whether a folded word names a day of the week.
pub fn is_weekday(folded: &str) -> bool {
    WEEKDAYS.contains(&folded)
}

const CUMULATIVE: &[&str] = &[
    "since",
    "so far",
    "to date",
    "in all",
    "altogether",
    "cumulative",
    "overall",
];

fn anchors_of(sentence: &str) -> Vec<String> {
    let mut anchors = Vec::new();
    let mut previous = std::borrow::Cow::Borrowed("");
    for (_, _, word) in text::words(sentence) {
        let w = text::folded(word);
        if WEEKDAYS.contains(&w.as_ref()) || RELATIVE_DAYS.contains(&w.as_ref()) {
            anchors.push(format!("day:{w}"));
        } else if MONTHS.contains(&w.as_ref()) && word.starts_with(char::is_uppercase) {
            // Capitalized only: "to march", "may be" are not months.
            anchors.push(format!("month:{w}"));
        } else if w.len() == 4
            && w.chars().all(|c| c.is_ascii_digit())
            && (w.starts_with("19") || w.starts_with("20"))
        {
            anchors.push(format!("year:{w}"));
        }
        if DISTINCT_EVENT.contains(&w.as_ref()) {
            anchors.push("distinct".to_owned());
        }
        // Whether `phrase` is "{previous} {w}", compared without building the pair.
        let pair_is = |phrase: &str| {
            phrase.len() == previous.len() + 1 + w.len()
                && phrase.starts_with(previous.as_ref())
                && phrase.ends_with(w.as_ref())
                && phrase.as_bytes()[previous.len()] == b' '
        };
        // "last season": figures of an earlier season ("last year" is too often only the
        // base of a comparison: "a 90% fall on the same period last year").
        if pair_is("last season") || pair_is("previous season") {
            anchors.push("past".to_owned());
        }
        if DISTINCT_PAIRS.iter().any(|p| pair_is(p)) {
            anchors.push("distinct".to_owned());
        }
        if CUMULATIVE.contains(&w.as_ref()) || CUMULATIVE.iter().any(|c| pair_is(c)) {
            anchors.push("since".to_owned());
        }
        previous = w;
    }
    anchors.sort();
    anchors.dedup();
    anchors
}

/// Stems of the content words in `sentence`.
pub fn terms_of(sentence: &str, settings: &Settings) -> Vec<String> {
    let len = settings.thresholds.stem_length;
    text::words(sentence)
        .map(|(_, _, w)| text::folded(w))
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !settings.stopwords.contains(w.as_ref()))
        .map(|w| text::stem(&w, len))
        .collect()
}

thread_local! {
    /// The terms and anchors `around` worked out for the sentences of the article being
    /// extracted on this thread (keyed by the address of its text, then by sentence), while
    /// a [`SharedContexts`] guard lives.
    static SHARED: RefCell<Option<Shared>> = const { RefCell::new(None) };
}

/// Sentence contexts of one article: its text's address, then (terms, anchors) by sentence.
type Shared = (usize, HashMap<usize, (TermList, TermList)>);

/// While this guard lives, [`around`] works out each sentence of its article once on this
/// thread and every claim of the sentence (from any extractor) shares the same lists:
/// each extractor used to build its own copy. Dropping it forgets them.
#[must_use = "contexts are shared only while the guard lives"]
pub struct SharedContexts<'a> {
    /// Whatever an enclosing guard shared, put back on drop.
    outer: Option<Shared>,
    /// The article stays borrowed (so its text cannot move) while its key is in use.
    _article: std::marker::PhantomData<&'a Article>,
}

/// Share sentence contexts within `article` until the guard is dropped.
pub fn share_per_sentence(article: &Article) -> SharedContexts<'_> {
    let key = text_key(article);
    let outer = SHARED.with(|s| s.borrow_mut().replace((key, HashMap::new())));
    SharedContexts {
        outer,
        _article: std::marker::PhantomData,
    }
}

impl Drop for SharedContexts<'_> {
    fn drop(&mut self) {
        let outer = self.outer.take();
        SHARED.with(|s| *s.borrow_mut() = outer);
    }
}

fn text_key(article: &Article) -> usize {
    article.text.as_ptr() as usize
}

/// The context of a claim in sentence `index` of `article`.
pub fn around(article: &Article, index: usize, settings: &Settings) -> Context {
    let paragraph = Some(article.sentences[index].paragraph);
    let key = text_key(article);
    let shared = SHARED.with(|s| {
        s.borrow()
            .as_ref()
            .filter(|(k, _)| *k == key)
            .and_then(|(_, m)| m.get(&index).cloned())
    });
    let (terms, anchors) = match shared {
        Some(lists) => lists,
        None => {
            let lists = terms_and_anchors(article, index, settings);
            SHARED.with(|s| {
                if let Some((k, m)) = s.borrow_mut().as_mut()
                    && *k == key
                {
                    m.insert(index, lists.clone());
                }
            });
            lists
        }
    };
    Context {
        terms,
        anchors,
        paragraph,
        ..Context::default()
    }
}

/// The key terms and time anchors of sentence `index` of `article`.
fn terms_and_anchors(article: &Article, index: usize, settings: &Settings) -> (TermList, TermList) {
    let sentence = article.sentences[index];
    let own = article.slice(sentence.span);
    let previous = index
        .checked_sub(1)
        .map(|i| article.sentences[i])
        .filter(|p| p.paragraph == sentence.paragraph)
        .map(|p| article.slice(p.span));
    let mut terms = terms_of(own, settings);
    let mut anchors = anchors_of(own);
    if let Some(previous) = previous {
        terms.extend(terms_of(previous, settings));
        if anchors.iter().all(|a| a.starts_with("year:")) {
            // The sentence before sets the time, not which instance of the event it is.
            anchors.extend(anchors_of(previous).into_iter().filter(|a| a != "distinct"));
        }
    }
    terms.sort();
    terms.dedup();
    // A figure from a year before the article's own ("the 2004 tsunami killed 170,000")
    // is history, not news: it is compared only with other history.
    let years: Vec<i32> = anchors
        .iter()
        .filter_map(|a| a.strip_prefix("year:")?.parse().ok())
        .collect();
    if let Some(reference) = article.reference_year
        && !years.is_empty()
        && years.iter().all(|&y| y < reference)
    {
        anchors.push("past".to_owned());
    }
    anchors.sort();
    anchors.dedup();
    (terms.into(), anchors.into())
}

impl Context {
    /// Whether the two contexts can be about the same moment: a running total ("since")
    /// is not a single day's figure, and two different days or years are different events.
    pub fn is_time_compatible(&self, other: &Context) -> bool {
        let has = |c: &Context, anchor: &str| c.anchors.iter().any(|a| a == anchor);
        if ["since", "past", "distinct"]
            .iter()
            .any(|a| has(self, a) != has(other, a))
        {
            return false;
        }
        for prefix in ["day:", "year:"] {
            let mine: Vec<&str> = self
                .anchors
                .iter()
                .map(|a| a.as_str())
                .filter(|a| a.starts_with(prefix))
                .collect();
            let theirs: Vec<&str> = other
                .anchors
                .iter()
                .map(|a| a.as_str())
                .filter(|a| a.starts_with(prefix))
                .collect();
            if !mine.is_empty() && !theirs.is_empty() && !mine.iter().any(|a| theirs.contains(a)) {
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_game_or_week_before_is_another_event() {
        for sentence in [
            "It came one week after he managed 10 yards on nine carries",
            "In the previous game he had scored 30 points",
        ] {
            assert!(
                anchors_of(sentence).contains(&"distinct".to_owned()),
                "{sentence}"
            );
        }
        assert!(!anchors_of("He ran for 226 yards this week").contains(&"distinct".to_owned()));
    }

    use super::*;

    #[test]
    fn weekdays_and_since_are_anchors() {
        assert_eq!(anchors_of("Rubio began Monday in Panama"), ["day:monday"]);
        assert_eq!(
            anchors_of("Since the first flight on August 20, 2024, 40 flights left"),
            ["month:august", "since", "year:2024"]
        );
    }

    #[test]
    fn a_running_total_is_not_a_days_figure() {
        let day = Context {
            anchors: ["day:monday"].into(),
            ..Context::default()
        };
        let total = Context {
            anchors: ["since"].into(),
            ..Context::default()
        };
        assert!(!day.is_time_compatible(&total));
        assert!(day.is_time_compatible(&Context::default()));
    }

    #[test]
    fn stopwords_are_not_terms() {
        let settings = Settings::builtin();
        let terms = terms_of("The migrants were returned to Colombia", &settings);
        assert_eq!(terms, ["migra", "retur", "colom"]);
    }
}
