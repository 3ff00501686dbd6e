//! rules.toml as written: every key optional, spans kept for the values we validate.
//!
//! Nothing here applies defaults or checks meaning; `settings` does that. Unknown keys
//! are not rejected by serde (`deny_unknown_fields` would stop at the first one):
//! `document` collects all of them through `serde_ignored`.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// One rules file, as parsed.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct RawRules {
    pub(crate) version: Option<Spanned<i64>>,
    pub(crate) thresholds: Option<RawThresholds>,
    pub(crate) qualifiers: Option<RawQualifiers>,
    pub(crate) vague: Option<BTreeMap<String, Spanned<RawVague>>>,
    pub(crate) units: Option<BTreeMap<String, Spanned<RawUnit>>>,
    pub(crate) counted: Option<BTreeMap<String, Vec<String>>>,
    pub(crate) extend_counted: Option<BTreeMap<String, Vec<String>>>,
    pub(crate) demonyms: Option<RawDemonyms>,
    pub(crate) terms: Option<RawTerms>,
    pub(crate) sentences: Option<RawSentences>,
    pub(crate) boilerplate: Option<RawBoilerplate>,
    pub(crate) people: Option<RawPeople>,
    pub(crate) places: Option<RawPlaces>,
    pub(crate) quantities: Option<RawQuantities>,
    pub(crate) frames: Option<super::frames::RawFrames>,
    pub(crate) severity: Option<BTreeMap<String, Spanned<String>>>,
    pub(crate) report: Option<super::report::RawReport>,
}

/// `[thresholds]`.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct RawThresholds {
    pub(crate) approximate_tolerance: Option<Spanned<f64>>,
    pub(crate) nearly_tolerance: Option<Spanned<f64>>,
    pub(crate) independence_overlap: Option<Spanned<f64>>,
    pub(crate) shingle_words: Option<Spanned<i64>>,
    pub(crate) agree_context: Option<Spanned<f64>>,
    pub(crate) conflict_context: Option<Spanned<f64>>,
    pub(crate) frame_context: Option<Spanned<f64>>,
    pub(crate) conflict_max_ratio: Option<Spanned<i64>>,
    pub(crate) misquote_similarity: Option<Spanned<f64>>,
    pub(crate) conversion_tolerance: Option<Spanned<f64>>,
    pub(crate) up_to_floor: Option<Spanned<f64>>,
    pub(crate) conflict_min_shared: Option<Spanned<i64>>,
    pub(crate) time_conflict_context: Option<Spanned<f64>>,
    pub(crate) time_conflict_min_shared: Option<Spanned<i64>>,
    pub(crate) quote_min_words: Option<Spanned<i64>>,
    pub(crate) echo_min_words: Option<Spanned<i64>>,
    pub(crate) stem_length: Option<Spanned<i64>>,
    pub(crate) max_candidates: Option<Spanned<i64>>,
}

/// A list that either replaces the built-in one or extends it.
pub(crate) type Words = Option<Vec<String>>;

/// `[qualifiers]`.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct RawQualifiers {
    pub(crate) more_than: Words,
    pub(crate) extend_more_than: Words,
    pub(crate) at_least: Words,
    pub(crate) extend_at_least: Words,
    pub(crate) less_than: Words,
    pub(crate) extend_less_than: Words,
    pub(crate) nearly: Words,
    pub(crate) extend_nearly: Words,
    pub(crate) approximate: Words,
    pub(crate) extend_approximate: Words,
    pub(crate) at_most: Words,
    pub(crate) extend_at_most: Words,
    pub(crate) subset: Words,
    pub(crate) extend_subset: Words,
}

/// One `[vague]` entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct RawVague {
    pub(crate) low: f64,
    pub(crate) high: Option<f64>,
}

/// One `[units.NAME]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct RawUnit {
    pub(crate) dimension: String,
    pub(crate) factor: Option<f64>,
    pub(crate) offset: Option<f64>,
    #[serde(default)]
    pub(crate) aliases: Vec<String>,
    #[serde(default)]
    pub(crate) symbols: Vec<String>,
}

/// `[demonyms]`.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct RawDemonyms {
    pub(crate) suffixes: Words,
    pub(crate) extend_suffixes: Words,
}

/// `[terms]`.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct RawTerms {
    pub(crate) stopwords: Words,
    pub(crate) extend_stopwords: Words,
}

/// `[sentences]`.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct RawSentences {
    pub(crate) abbreviations: Words,
    pub(crate) extend_abbreviations: Words,
}

/// `[boilerplate]`.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct RawBoilerplate {
    pub(crate) drop_lines: Option<Vec<Spanned<String>>>,
    pub(crate) extend_drop_lines: Option<Vec<Spanned<String>>>,
    pub(crate) truncate_at: Option<Vec<Spanned<String>>>,
    pub(crate) extend_truncate_at: Option<Vec<Spanned<String>>>,
}

/// `[people]`.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct RawPeople {
    pub(crate) titles: Words,
    pub(crate) extend_titles: Words,
    /// Canonical role -> ways of writing it (issue 9).
    pub(crate) roles: Option<BTreeMap<String, Vec<String>>>,
    pub(crate) extend_roles: Option<BTreeMap<String, Vec<String>>>,
    /// Canonical organization -> other names for it.
    pub(crate) organizations: Option<BTreeMap<String, Vec<String>>>,
    pub(crate) extend_organizations: Option<BTreeMap<String, Vec<String>>>,
    /// Words that mark a role as no longer held ("former") or held temporarily ("acting").
    pub(crate) former: Words,
    pub(crate) extend_former: Words,
    pub(crate) acting: Words,
    pub(crate) extend_acting: Words,
    /// Words that make a role a lower rank than its head word ("vice president").
    pub(crate) subordinate: Words,
    pub(crate) extend_subordinate: Words,
    /// Similarity above which two different spellings are one name misspelt.
    pub(crate) name_similarity: Option<Spanned<f64>>,
}

/// `[places]` (issue 9).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct RawPlaces {
    /// Canonical place -> other names and demonyms ("El Salvador" = ["Salvadoran"]).
    pub(crate) aliases: Option<BTreeMap<String, Vec<String>>>,
    pub(crate) extend_aliases: Option<BTreeMap<String, Vec<String>>>,
}

/// `[quantities]`.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct RawQuantities {
    pub(crate) not_after: Words,
    pub(crate) extend_not_after: Words,
    pub(crate) time_words: Words,
    pub(crate) extend_time_words: Words,
    pub(crate) fixed_ordinals: Words,
    pub(crate) extend_fixed_ordinals: Words,
    pub(crate) subject_window: Option<Spanned<i64>>,
    pub(crate) subgroups: Words,
    pub(crate) extend_subgroups: Words,
    pub(crate) measures: Option<BTreeMap<String, Vec<String>>>,
}
