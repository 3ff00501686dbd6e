//! rules.toml as written: every key optional, spans kept for the values we validate.
//!
//! Nothing here applies defaults or checks meaning; `settings` does that.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// One rules file, as parsed.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawRules {
    pub version: Option<Spanned<i64>>,
    pub thresholds: Option<RawThresholds>,
    pub qualifiers: Option<RawQualifiers>,
    pub vague: Option<BTreeMap<String, Spanned<RawVague>>>,
    pub units: Option<BTreeMap<String, Spanned<RawUnit>>>,
    pub counted: Option<BTreeMap<String, Vec<String>>>,
    pub extend_counted: Option<BTreeMap<String, Vec<String>>>,
    pub demonyms: Option<RawDemonyms>,
    pub terms: Option<RawTerms>,
    pub sentences: Option<RawSentences>,
    pub boilerplate: Option<RawBoilerplate>,
    pub people: Option<RawPeople>,
    pub quantities: Option<RawQuantities>,
    pub severity: Option<BTreeMap<String, Spanned<String>>>,
}

/// `[thresholds]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawThresholds {
    pub approximate_tolerance: Option<Spanned<f64>>,
    pub nearly_tolerance: Option<Spanned<f64>>,
    pub independence_overlap: Option<Spanned<f64>>,
    pub shingle_words: Option<Spanned<i64>>,
    pub agree_context: Option<Spanned<f64>>,
    pub conflict_context: Option<Spanned<f64>>,
    pub misquote_similarity: Option<Spanned<f64>>,
    pub quote_min_words: Option<Spanned<i64>>,
    pub echo_min_words: Option<Spanned<i64>>,
    pub stem_length: Option<Spanned<i64>>,
    pub max_candidates: Option<Spanned<i64>>,
}

/// A list that either replaces the built-in one or extends it.
pub type Words = Option<Vec<String>>;

/// `[qualifiers]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawQualifiers {
    pub more_than: Words,
    pub extend_more_than: Words,
    pub at_least: Words,
    pub extend_at_least: Words,
    pub less_than: Words,
    pub extend_less_than: Words,
    pub nearly: Words,
    pub extend_nearly: Words,
    pub approximate: Words,
    pub extend_approximate: Words,
    pub at_most: Words,
    pub extend_at_most: Words,
    pub subset: Words,
    pub extend_subset: Words,
}

/// One `[vague]` entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawVague {
    pub low: f64,
    pub high: Option<f64>,
}

/// One `[units.NAME]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawUnit {
    pub dimension: String,
    pub factor: Option<f64>,
    pub offset: Option<f64>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub symbols: Vec<String>,
}

/// `[demonyms]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawDemonyms {
    pub suffixes: Words,
    pub extend_suffixes: Words,
}

/// `[terms]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawTerms {
    pub stopwords: Words,
    pub extend_stopwords: Words,
}

/// `[sentences]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawSentences {
    pub abbreviations: Words,
    pub extend_abbreviations: Words,
}

/// `[boilerplate]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawBoilerplate {
    pub drop_lines: Option<Vec<Spanned<String>>>,
    pub extend_drop_lines: Option<Vec<Spanned<String>>>,
    pub truncate_at: Option<Vec<Spanned<String>>>,
    pub extend_truncate_at: Option<Vec<Spanned<String>>>,
}

/// `[people]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawPeople {
    pub titles: Words,
    pub extend_titles: Words,
}

/// `[quantities]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawQuantities {
    pub not_after: Words,
    pub extend_not_after: Words,
    pub time_words: Words,
    pub extend_time_words: Words,
    pub subject_window: Option<Spanned<i64>>,
}
