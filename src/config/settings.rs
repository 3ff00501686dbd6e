//! The resolved rules: built-in defaults with user layers applied, values checked,
//! patterns compiled once. Merging the layers is `layers`; the patterns derived from the
//! word lists are `matchers`.

use std::{
    collections::{BTreeMap, HashMap, HashSet},
    sync::Arc,
};

use super::{
    document,
    error::{Error, Problem},
    layers::{Accumulator, problem_in},
    line_set::LineSet,
    matchers::Matchers,
};
use crate::rules::{FindingKind, Severity};

/// The rules file shipped inside the binary.
pub const BUILTIN_RULES: &str = include_str!("../../rules.toml");

/// Rules text from one place (the built-in file, `./rules.toml`, `--rules FILE`).
#[derive(Debug, Clone)]
pub struct RulesSource {
    /// Name shown in diagnostics (a path, or `<built-in rules.toml>`).
    pub name: String,
    /// The file's text.
    pub text: Arc<str>,
}

/// Numeric knobs; see rules.toml for what each means.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    pub approximate_tolerance: f64,
    pub nearly_tolerance: f64,
    pub independence_overlap: f64,
    pub shingle_words: usize,
    pub agree_context: f64,
    pub conflict_context: f64,
    /// Context similarity two figures whose frames state the same attribute need to be
    /// linked (issue 15): the frame is most of the evidence.
    pub frame_context: f64,
    /// How many times larger one figure may be than another for the two to be one
    /// fact told two ways; further apart they are two facts (issue 15).
    pub conflict_max_ratio: f64,
    pub misquote_similarity: f64,
    pub conversion_tolerance: f64,
    pub up_to_floor: f64,
    pub conflict_min_shared: usize,
    pub time_conflict_context: f64,
    pub time_conflict_min_shared: usize,
    pub quote_min_words: usize,
    pub echo_min_words: usize,
    pub stem_length: usize,
    pub max_candidates: usize,
}

/// How a qualifier word bounds the number after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QualifierWord {
    MoreThan,
    AtLeast,
    LessThan,
    Nearly,
    Approximate,
    AtMost,
    Subset,
}

/// A unit of measure or currency.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Canonical name (`USD`, `km`, `percent`).
    pub name: String,
    /// What can be compared with it (`currency`, `length`, `ratio`).
    pub dimension: String,
    /// Multiplier into the dimension's base unit.
    pub factor: f64,
    /// Added after the factor (temperatures).
    pub offset: f64,
    /// Words after the number, lower case.
    pub aliases: Vec<String>,
    /// Signs before the number.
    pub symbols: Vec<String>,
}

/// A vague amount read as a range.
#[derive(Debug, Clone, PartialEq)]
pub struct VagueAmount {
    pub phrase: String,
    pub low: f64,
    pub high: Option<f64>,
}

/// Everything the pipeline needs to know, resolved and compiled.
#[derive(Debug, Clone)]
pub struct Settings {
    pub thresholds: Thresholds,
    /// Qualifier phrases, lower case, longest first.
    pub qualifiers: Vec<(String, QualifierWord)>,
    /// Vague amounts, longest phrase first.
    pub vague: Vec<VagueAmount>,
    pub units: Vec<Unit>,
    /// Counted word (lower case, singular) to its class.
    pub counted: HashMap<String, String>,
    pub demonym_suffixes: Vec<String>,
    pub stopwords: HashSet<String>,
    pub abbreviations: HashSet<String>,
    /// Words before a number that make it a name or rank.
    pub not_after: HashSet<String>,
    /// Words after a number that make it a duration, age or time.
    pub time_words: HashSet<String>,
    /// Ordinals and the word after them (singular) that make a term, not a rank ("third
    /// country", "second hand").
    pub fixed_ordinals: HashSet<String>,
    /// How far back to look for a counted word when a number has none after it.
    pub subject_window: usize,
    /// Counted nouns that name a subgroup of people (singular, lower case).
    pub subgroups: HashSet<String>,
    /// Word near a measure -> what it measures (`deep` -> `depth`).
    pub measure_roles: HashMap<String, String>,
    /// Words that introduce a person's name.
    pub titles: HashSet<String>,
    /// Roles, organizations and places for role claims (issue 9).
    pub people: super::people::PeopleRules,
    /// What figures measure, their scope, clause ends, quote spellings (issue 15).
    pub frames: super::frames::FrameRules,
    /// `[boilerplate] drop-lines`: a line any of them matches is clutter.
    pub drop_lines: LineSet,
    /// `[boilerplate] truncate-at`: the first line any of them matches ends the article.
    pub truncate_at: LineSet,
    pub severity: BTreeMap<FindingKind, Severity>,
    /// Source text of every layer, in the order applied, for `rules --dump`.
    pub layers: Vec<String>,
    /// The date relative phrases are resolved against when an article has none of its
    /// own (the `--date` flag); None unless set by the command line.
    pub reference_date: Option<crate::normalize::date::Civil>,
    /// `[report] rank`: the order findings are listed in within a verdict.
    pub ranking: super::report::Ranking,
    pub(super) matchers: Arc<Matchers>,
}

impl Settings {
    /// The built-in rules alone.
    pub fn builtin() -> Self {
        Self::from_layers(&[])
            .expect("the built-in rules.toml is checked by a unit test and always valid")
    }

    /// Built-in rules with `layers` applied in order (later layers win).
    ///
    /// # Errors
    /// Every problem in a layer: TOML syntax, unknown keys, bad regexes, values out of
    /// range, unknown names.
    pub fn from_layers(layers: &[RulesSource]) -> Result<Self, Error> {
        let builtin = RulesSource {
            name: "<built-in rules.toml>".to_owned(),
            text: Arc::from(BUILTIN_RULES),
        };
        let mut acc = Accumulator::default();
        // A copy of the built-in file (`./rules.toml` in this repository) is not parsed
        // again: parsing is about a tenth of start-up.
        let mut builtin_raw = None;
        let has_copy = layers.iter().any(|l| *l.text == *builtin.text);
        for layer in std::iter::once(&builtin).chain(layers) {
            // The built-in patterns are known to compile (unit test
            // `builtin_boilerplate_patterns_compile_one_by_one`); checking them again on
            // every start-up cost about a sixth of the start-up time.
            let trusted = std::ptr::eq(layer, &builtin);
            let (raw, shape) = match &builtin_raw {
                Some(raw) if *layer.text == *builtin.text => (Clone::clone(raw), Vec::new()),
                _ => document::parse(&layer.text),
            };
            if trusted && has_copy && shape.is_empty() {
                builtin_raw = Some(raw.clone());
            }
            let mut problems: Vec<Problem> = shape
                .into_iter()
                .map(|p| problem_in(layer, p.at, p.message, p.label, p.help))
                .collect();
            acc.apply(raw, layer, trusted, &mut problems);
            if !problems.is_empty() {
                return Err(Error::Invalid {
                    name: layer.name.clone(),
                    problems,
                });
            }
        }
        let mut layer_names = vec![builtin.text.to_string()];
        layer_names.extend(layers.iter().map(|l| l.text.to_string()));
        acc.finish(layer_names)
    }

    /// Compiled patterns derived from the word lists.
    pub fn matchers(&self) -> &Matchers {
        &self.matchers
    }

    /// Severity of a finding kind, after overrides.
    pub fn severity_of(&self, kind: FindingKind) -> Severity {
        self.severity
            .get(&kind)
            .copied()
            .unwrap_or(kind.default_severity())
    }

    /// The class a counted word belongs to, if any (`migrants` -> `persons`).
    pub fn counted_class(&self, word: &str) -> Option<&str> {
        self.counted.get(word).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::matchers::PATTERN_SIZE_LIMIT;

    #[test]
    fn builtin_rules_are_valid() {
        let settings = Settings::from_layers(&[]).expect("built-in rules parse");
        assert!(settings.units.iter().any(|u| u.name == "USD"));
        assert_eq!(settings.counted_class("migrant"), Some("persons"));
        // Compiled on first use at run time: it must compile.
        assert!(!settings.matchers().vague.regex().as_str().is_empty());
    }

    #[test]
    fn builtin_boilerplate_patterns_compile_one_by_one() {
        // `from_layers` trusts the built-in layer and does not compile its patterns one by
        // one; this is the check it skips.
        let settings = Settings::builtin();
        let (raw, _) = document::parse(BUILTIN_RULES);
        let boilerplate = raw.boilerplate.expect("built-in rules have [boilerplate]");
        let lists = [boilerplate.drop_lines, boilerplate.truncate_at];
        let patterns: Vec<String> = lists
            .into_iter()
            .flatten()
            .flatten()
            .map(toml::Spanned::into_inner)
            .collect();
        assert!(!patterns.is_empty());
        for pattern in &patterns {
            regex::RegexBuilder::new(pattern)
                .size_limit(PATTERN_SIZE_LIMIT)
                .build()
                .unwrap_or_else(|e| panic!("built-in pattern {pattern:?}: {e}"));
        }
        assert_eq!(
            settings.drop_lines.len() + settings.truncate_at.len(),
            patterns.len()
        );
    }

    /// rules.toml is the only place defaults are written (issue 19): the built-in file
    /// sets every key the code has no default for, so a layer that leaves one out gets it.
    #[test]
    fn every_threshold_has_its_default_in_the_builtin_rules() {
        let (raw, problems) = document::parse(BUILTIN_RULES);
        assert!(problems.is_empty());
        let t = raw.thresholds.expect("[thresholds] in the built-in rules");
        let toml: toml::Table = toml::from_str(BUILTIN_RULES).expect("valid TOML");
        let written = toml["thresholds"].as_table().expect("a table");
        let builtin = Settings::builtin();
        let th = &builtin.thresholds;
        let read: [(&str, f64); 18] = [
            ("approximate-tolerance", th.approximate_tolerance),
            ("nearly-tolerance", th.nearly_tolerance),
            ("independence-overlap", th.independence_overlap),
            ("shingle-words", th.shingle_words as f64),
            ("agree-context", th.agree_context),
            ("conflict-context", th.conflict_context),
            ("frame-context", th.frame_context),
            ("conflict-max-ratio", th.conflict_max_ratio),
            ("misquote-similarity", th.misquote_similarity),
            ("conversion-tolerance", th.conversion_tolerance),
            ("up-to-floor", th.up_to_floor),
            ("conflict-min-shared", th.conflict_min_shared as f64),
            ("time-conflict-context", th.time_conflict_context),
            (
                "time-conflict-min-shared",
                th.time_conflict_min_shared as f64,
            ),
            ("quote-min-words", th.quote_min_words as f64),
            ("echo-min-words", th.echo_min_words as f64),
            ("stem-length", th.stem_length as f64),
            ("max-candidates", th.max_candidates as f64),
        ];
        // Every key the file writes is one the settings read, and the other way round.
        assert_eq!(written.len(), read.len(), "{written:?}");
        for (name, value) in read {
            let in_file = written
                .get(name)
                .and_then(|v| v.as_float().or(v.as_integer().map(|i| i as f64)))
                .unwrap_or_else(|| panic!("`{name}` has no default in rules.toml"));
            assert_eq!(in_file, value, "`{name}`");
        }
        // Each raw field is set (a field added to raw.rs but not to the file fails here).
        let debug = format!("{t:?}");
        assert!(
            !debug.contains("None"),
            "a threshold without default: {debug}"
        );
        // The other defaults the code reads from the file alone.
        assert_eq!(
            toml["quantities"]["subject-window"].as_integer(),
            Some(builtin.subject_window as i64)
        );
        assert_eq!(
            toml["people"]["name-similarity"].as_float(),
            Some(builtin.people.name_similarity)
        );
        assert_eq!(
            toml["frames"]["window"].as_integer(),
            Some(builtin.frames.window as i64)
        );
        // A layer that sets none of them still has every default.
        let layer = RulesSource {
            name: "x.toml".to_owned(),
            text: Arc::from("[thresholds]\nagree-context = 0.25\n"),
        };
        let layered = Settings::from_layers(&[layer]).expect("valid");
        assert_eq!(layered.thresholds.max_candidates, th.max_candidates);
        assert_eq!(layered.subject_window, builtin.subject_window);
    }

    #[test]
    fn a_layer_replaces_a_threshold() {
        let layer = RulesSource {
            name: "rules.toml".into(),
            text: "[thresholds]\napproximate-tolerance = 0.2\n".into(),
        };
        let settings = Settings::from_layers(&[layer]).expect("valid layer");
        assert_eq!(settings.thresholds.approximate_tolerance, 0.2);
    }

    #[test]
    fn extend_keys_add_to_builtin_lists() {
        let layer = RulesSource {
            name: "rules.toml".into(),
            text: "[qualifiers]\nextend-more-than = [\"well over\"]\n".into(),
        };
        let settings = Settings::from_layers(&[layer]).expect("valid layer");
        let matchers = settings.matchers();
        assert_eq!(
            matchers.qualifier("well over"),
            Some(QualifierWord::MoreThan)
        );
        assert_eq!(
            matchers.qualifier("more than"),
            Some(QualifierWord::MoreThan)
        );
    }

    #[test]
    fn every_bad_value_is_reported_at_once() {
        let layer = RulesSource {
            name: "rules.toml".into(),
            text: "[thresholds]\nagree-context = 3.0\nconflict-context = -1.0\n[boilerplate]\ndrop-lines = ['(']\n".into(),
        };
        let Err(Error::Invalid { problems, .. }) = Settings::from_layers(&[layer]) else {
            panic!("expected invalid rules");
        };
        assert_eq!(problems.len(), 3);
    }

    fn problems_of(text: &str) -> Vec<Problem> {
        let layer = RulesSource {
            name: "rules.toml".into(),
            text: text.into(),
        };
        match Settings::from_layers(&[layer]) {
            Err(Error::Invalid { problems, .. }) => problems,
            other => panic!("expected invalid rules, got {other:?}"),
        }
    }

    #[test]
    fn syntax_errors_point_at_their_line() {
        let problems = problems_of("[thresholds]\nagree-context = \n");
        assert!(problems[0].message.starts_with("invalid TOML"));
        assert!(problems[0].at.offset() >= 13);
    }

    #[test]
    fn syntax_errors_unknown_keys_and_bad_values_come_together() {
        let text = "[thresholds]\nagree-context = 3.0\nagree-contxt = 1\n[boilerplate]\ndrop-lines = ['(']\n[people]\ntitles = [\"Dr\"\n";
        let messages: Vec<String> = problems_of(text).into_iter().map(|p| p.message).collect();
        assert!(
            messages.iter().any(|m| m.starts_with("invalid TOML")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("agree-contxt")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("outside 0..=1")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("regular expression")),
            "{messages:?}"
        );
    }

    #[test]
    fn unknown_keys_are_errors() {
        let problems = problems_of("[thresholds]\nagree-contxt = 0.5\n");
        assert_eq!(problems[0].message, "unknown key `thresholds.agree-contxt`");
    }

    #[test]
    fn a_misspelt_dimension_is_an_unknown_dimension() {
        let problems = problems_of(
            "[units.furlong]\ndimension = \"lenght\"\nfactor = 201.0\naliases = [\"furlongs\"]\n",
        );
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("unknown dimension `lenght`"));
        assert_eq!(problems[0].help.as_deref(), Some("did you mean `length`?"));
    }

    #[test]
    fn a_new_dimension_of_one_base_unit_is_allowed() {
        let layer = RulesSource {
            name: "rules.toml".into(),
            text: "[units.kWh]\ndimension = \"energy\"\naliases = [\"kwh\"]\n".into(),
        };
        assert!(Settings::from_layers(&[layer]).is_ok());
    }

    #[test]
    fn a_rate_unit_alone_in_its_dimension_converts_into_its_numerators_base() {
        let layer = RulesSource {
            name: "rules.toml".into(),
            text: "[units.\"kg/hour\"]\ndimension = \"mass per hour\"\naliases = [\"kgph\"]\n\
                   [units.\"g/hour\"]\ndimension = \"mass per hour\"\nfactor = 0.001\naliases = [\"gph\"]\n\
                   [units.\"lb/fortnight\"]\ndimension = \"mass per fortnight\"\nfactor = 0.45\naliases = [\"lbpf\"]\n"
                .into(),
        };
        assert!(Settings::from_layers(&[layer]).is_ok());
        // The numerator must be a dimension that exists.
        let problems = problems_of(
            "[units.furlong_day]\ndimension = \"lenght per day\"\nfactor = 201.0\naliases = [\"fpd\"]\n",
        );
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .message
                .contains("unknown dimension `lenght per day`")
        );
    }

    #[test]
    fn an_alias_naming_two_units_is_reported() {
        let problems = problems_of(
            "[units.stone]\ndimension = \"mass\"\nfactor = 6.35\naliases = [\"stone\", \"kilograms\"]\n",
        );
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("already names unit `kg`"));
    }

    #[test]
    fn a_pattern_over_the_size_limit_is_a_problem_not_a_panic() {
        let problems = problems_of("[boilerplate]\ndrop-lines = ['(\\w{100}){100}']\n");
        assert!(
            problems[0].message.contains("regular expression"),
            "{problems:?}"
        );
    }

    #[test]
    fn patterns_too_large_together_are_an_error_not_a_panic() {
        // Each pattern is under the 1 MiB limit of one pattern; a hundred are not.
        let pattern = "'(a{150}){150}'";
        let list = vec![pattern; 100].join(", ");
        let layer = RulesSource {
            name: "rules.toml".into(),
            text: format!("[boilerplate]\nextend-drop-lines = [{list}]\n").into(),
        };
        assert!(matches!(
            Settings::from_layers(&[layer]),
            Err(Error::TooLarge { .. })
        ));
    }
}
