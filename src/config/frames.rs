//! The `[frames]` knowledge of rules.toml, resolved: which words name what a figure
//! measures (its attribute), which words make it a part of a larger count or a total over
//! several events (its scope), where a clause ends, and the spelling variants quotes are
//! compared through (issue 15).
//!
//! Only lookups live here; reading a claim's frame from its sentence is `extract::frame`'s
//! job.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;

use super::{
    people::{merge_list, merge_table},
    raw::Words,
};

/// `[frames]` as written.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct RawFrames {
    pub(crate) window: Option<toml::Spanned<i64>>,
    pub(crate) attributes: Option<BTreeMap<String, Vec<String>>>,
    pub(crate) extend_attributes: Option<BTreeMap<String, Vec<String>>>,
    pub(crate) attribute_dimensions: Option<BTreeMap<String, Vec<String>>>,
    pub(crate) measured_nouns: Option<BTreeMap<String, Vec<String>>>,
    pub(crate) extend_measured_nouns: Option<BTreeMap<String, Vec<String>>>,
    pub(crate) clause_breaks: Words,
    pub(crate) extend_clause_breaks: Words,
    pub(crate) part_of: Words,
    pub(crate) extend_part_of: Words,
    pub(crate) aggregate: Words,
    pub(crate) extend_aggregate: Words,
    pub(crate) other_event: Words,
    pub(crate) extend_other_event: Words,
    pub(crate) publication: Words,
    pub(crate) extend_publication: Words,
    pub(crate) spelling: Option<BTreeMap<String, Vec<String>>>,
    pub(crate) extend_spelling: Option<BTreeMap<String, Vec<String>>>,
    pub(crate) contractions: Option<BTreeMap<String, String>>,
    pub(crate) extend_contractions: Option<BTreeMap<String, String>>,
    pub(crate) negations: Words,
    pub(crate) extend_negations: Words,
    pub(crate) people_attributes: Words,
    pub(crate) people_classes: Words,
}

/// Frame knowledge, ready for lookups. Every word is folded (lower case, no accents).
#[derive(Debug, Clone, Default)]
pub struct FrameRules {
    /// How many words either side of a figure are searched for its attribute word.
    pub window: usize,
    /// Word or phrase (words joined by one space) -> the attribute it names.
    pub attribute_words: HashMap<String, String>,
    /// The longest attribute phrase, in words.
    pub longest_attribute: usize,
    /// Attribute -> the dimensions of the figures it can belong to (`none` for a plain
    /// count); an attribute not here applies to any figure.
    pub attribute_dimensions: HashMap<String, Vec<String>>,
    /// Noun right after a figure -> the attribute the figure measures ("a 4.6 quake":
    /// `quake` -> `magnitude`).
    pub measured_nouns: HashMap<String, String>,
    /// Words and marks that end a clause.
    pub clause_breaks: HashSet<String>,
    /// Words after a figure that make it part of a larger count ("12 of the 23").
    pub part_of: HashSet<String>,
    /// Words that make a figure a total over several events ("thus far", "in all").
    pub aggregate: Vec<Vec<String>>,
    /// Nouns that name another event than the story's main one ("aftershock").
    pub other_event: HashSet<String>,
    /// Words before a date that make it the article's own publication date.
    pub publication: HashSet<String>,
    /// Spelling variant -> the form quotes are compared in ("neighbourhood" ->
    /// "neighborhood").
    pub spelling: HashMap<String, String>,
    /// Whole contracted words -> what they stand for ("won't" -> "will not").
    pub contractions: HashMap<String, String>,
    /// Contracted endings -> what they stand for ("n't" -> "not"), longest first.
    pub contraction_suffixes: Vec<(String, String)>,
    /// Words that turn a statement around ("not", "never"): a quote that gains or loses
    /// one is a misquote however alike the rest.
    pub negations: HashSet<String>,
    /// Attributes of counts of people ("dead", "injured"): a count of anything else
    /// (blocks, villages) never takes them.
    pub people_attributes: HashSet<String>,
    /// Counted classes that are people (a class `persons/...` is a subgroup of it).
    pub people_classes: Vec<String>,
}

/// The `[frames]` values collected layer by layer.
#[derive(Debug, Default)]
pub(crate) struct FramesAccumulator {
    window: Option<usize>,
    attributes: BTreeMap<String, Vec<String>>,
    attribute_dimensions: BTreeMap<String, Vec<String>>,
    measured_nouns: BTreeMap<String, Vec<String>>,
    clause_breaks: Vec<String>,
    part_of: Vec<String>,
    aggregate: Vec<String>,
    other_event: Vec<String>,
    publication: Vec<String>,
    spelling: BTreeMap<String, Vec<String>>,
    contractions: BTreeMap<String, String>,
    negations: Vec<String>,
    people_attributes: Vec<String>,
    people_classes: Vec<String>,
}

/// A phrase as frames compare it: folded words joined by one space.
pub fn phrase_key(phrase: &str) -> String {
    crate::normalize::text::words(phrase)
        .map(|(_, _, w)| crate::normalize::text::fold(w))
        .collect::<Vec<_>>()
        .join(" ")
}

impl FrameRules {
    /// Whether `attribute` can belong to a figure of `dimension` (None: a plain count).
    pub fn applies(&self, attribute: &str, dimension: Option<&str>) -> bool {
        self.attribute_dimensions
            .get(attribute)
            .is_none_or(|dims| dims.iter().any(|d| d == dimension.unwrap_or("none")))
    }
}

impl FramesAccumulator {
    /// Apply one layer; returns a message for an out-of-range `window`.
    pub(crate) fn apply(&mut self, f: RawFrames) -> Option<(std::ops::Range<usize>, String)> {
        merge_table(&mut self.attributes, f.attributes, f.extend_attributes);
        if let Some(table) = f.attribute_dimensions {
            self.attribute_dimensions.extend(table);
        }
        merge_table(
            &mut self.measured_nouns,
            f.measured_nouns,
            f.extend_measured_nouns,
        );
        merge_table(&mut self.spelling, f.spelling, f.extend_spelling);
        if let Some(table) = f.contractions {
            self.contractions = table;
        }
        self.contractions
            .extend(f.extend_contractions.unwrap_or_default());
        merge_list(&mut self.negations, f.negations, f.extend_negations);
        merge_list(&mut self.people_attributes, f.people_attributes, None);
        merge_list(&mut self.people_classes, f.people_classes, None);
        merge_list(
            &mut self.clause_breaks,
            f.clause_breaks,
            f.extend_clause_breaks,
        );
        merge_list(&mut self.part_of, f.part_of, f.extend_part_of);
        merge_list(&mut self.aggregate, f.aggregate, f.extend_aggregate);
        merge_list(&mut self.other_event, f.other_event, f.extend_other_event);
        merge_list(&mut self.publication, f.publication, f.extend_publication);
        let w = f.window?;
        let x = *w.get_ref();
        if (1..=30).contains(&x) {
            self.window = Some(x as usize);
            None
        } else {
            Some((w.span(), format!("`frames.window` is {x}, outside 1..=30")))
        }
    }

    pub(crate) fn finish(self) -> FrameRules {
        let fold = |w: &String| phrase_key(w);
        let attribute_words: HashMap<String, String> = self
            .attributes
            .iter()
            .flat_map(|(attr, words)| words.iter().map(move |w| (fold(w), attr.clone())))
            .filter(|(w, _)| !w.is_empty())
            .collect();
        let longest_attribute = attribute_words
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        FrameRules {
            window: self
                .window
                .expect("the built-in rules.toml sets [frames] window"),
            attribute_words,
            longest_attribute,
            attribute_dimensions: self.attribute_dimensions.into_iter().collect(),
            measured_nouns: self
                .measured_nouns
                .iter()
                .flat_map(|(attr, words)| words.iter().map(move |w| (fold(w), attr.clone())))
                .collect(),
            // Marks are kept as written; words are folded.
            clause_breaks: self
                .clause_breaks
                .iter()
                .map(|w| {
                    let k = fold(w);
                    if k.is_empty() { w.clone() } else { k }
                })
                .collect(),
            part_of: self.part_of.iter().map(fold).collect(),
            aggregate: self
                .aggregate
                .iter()
                .map(|p| fold(p).split(' ').map(str::to_owned).collect())
                .filter(|p: &Vec<String>| p.iter().all(|w| !w.is_empty()))
                .collect(),
            other_event: self.other_event.iter().map(fold).collect(),
            publication: self.publication.iter().map(fold).collect(),
            contractions: self
                .contractions
                .iter()
                .filter(|(k, _)| !k.starts_with('\'') && !k.starts_with("n'"))
                .map(|(k, v)| (k.to_lowercase(), v.to_lowercase()))
                .collect(),
            contraction_suffixes: {
                let mut list: Vec<(String, String)> = self
                    .contractions
                    .iter()
                    .filter(|(k, _)| k.starts_with('\'') || k.starts_with("n'"))
                    .map(|(k, v)| (k.to_lowercase(), v.to_lowercase()))
                    .collect();
                list.sort_by(|x, y| y.0.len().cmp(&x.0.len()).then(x.0.cmp(&y.0)));
                list
            },
            negations: self.negations.iter().map(fold).collect(),
            people_attributes: self.people_attributes.into_iter().collect(),
            people_classes: self.people_classes,
            spelling: self
                .spelling
                .iter()
                .flat_map(|(canonical, variants)| {
                    let c = fold(canonical);
                    variants.iter().map(move |v| (fold(v), c.clone()))
                })
                .collect(),
        }
    }
}
