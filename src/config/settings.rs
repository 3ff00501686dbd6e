//! The resolved rules: built-in defaults with user layers applied, values checked,
//! patterns compiled once.

use std::{
    collections::{BTreeMap, HashMap, HashSet},
    ops::Range,
    sync::Arc,
};

use miette::NamedSource;
use regex::{Regex, RegexSet};

use super::{
    document,
    error::{Error, Problem},
    line_set::LineSet,
    phrase_table::{Finder, Found, QualifierTable, SymbolTable, UnitTable, representable},
    raw::{RawRules, RawUnit, Words},
};
use crate::rules::{FindingKind, Severity};

/// The rules file shipped inside the binary.
pub const BUILTIN_RULES: &str = include_str!("../../rules.toml");

/// `[vague]` phrases (lower case) and their ranges, as the layers set them.
type VagueTable = BTreeMap<String, (f64, Option<f64>)>;

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
    matchers: Arc<Matchers>,
}

/// Patterns derived from the word lists, compiled once.
#[derive(Debug)]
pub struct Matchers {
    qualifier_before: Finder<QualifierTable>,
    unit_after: Finder<UnitTable>,
    symbol_before: Finder<SymbolTable>,
    /// A vague amount phrase anywhere.
    pub vague: super::PrefilteredList,
    alias_to_unit: HashMap<String, usize>,
    symbol_to_unit: HashMap<String, usize>,
    qualifier_lookup: HashMap<String, QualifierWord>,
    vague_lookup: HashMap<String, usize>,
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

impl Matchers {
    /// A qualifier phrase ending right at the end of `text` (whitespace after it allowed),
    /// at the start or after a non-word character.
    pub fn qualifier_before<'h>(&self, text: &'h str) -> Option<Found<'h>> {
        self.qualifier_before.find(text)
    }

    /// A unit alias starting right at the start of `rest` (after one optional space, tab,
    /// no-break space or hyphen) and ending before a non-word character or the end.
    pub fn unit_after<'h>(&self, rest: &'h str) -> Option<Found<'h>> {
        self.unit_after.find(rest)
    }

    /// A currency or unit symbol ending right at the end of `text` (one whitespace
    /// character after it allowed): a symbol that starts with a letter ("US$", "Rs.",
    /// at the start or after a non-word character) if one matches, else a sign ("$").
    pub fn symbol_before<'h>(&self, text: &'h str) -> Option<Found<'h>> {
        self.symbol_before.find(text)
    }

    /// The unit an alias (lower case) names.
    pub fn unit_for_alias(&self, alias: &str) -> Option<usize> {
        self.alias_to_unit.get(alias).copied()
    }

    /// The unit a symbol names, in any case and spacing ("C$", "c $").
    pub fn unit_for_symbol(&self, symbol: &str) -> Option<usize> {
        self.symbol_to_unit.get(&symbol_key(symbol)).copied()
    }

    /// What a qualifier phrase (lower case, single spaces) means.
    pub fn qualifier(&self, phrase: &str) -> Option<QualifierWord> {
        self.qualifier_lookup.get(phrase).copied()
    }

    /// Index into `Settings::vague` of a vague phrase (lower case).
    pub fn vague_index(&self, phrase: &str) -> Option<usize> {
        self.vague_lookup.get(phrase).copied()
    }
}

/// A problem found in `layer`, as a diagnostic at its span.
fn problem_in(
    layer: &RulesSource,
    span: Range<usize>,
    message: String,
    label: &str,
    help: Option<String>,
) -> Problem {
    let end = span.end.min(layer.text.len());
    let start = span.start.min(end);
    Problem {
        message: crate::printable::terminal_safe(&message).into_owned(),
        src: NamedSource::new(
            crate::printable::terminal_safe(&layer.name),
            crate::printable::terminal_source(&layer.text),
        ),
        at: (start, end - start).into(),
        label: label.to_owned(),
        help,
    }
}

/// Values collected layer by layer before compiling.
#[derive(Default)]
struct Accumulator {
    thresholds: BTreeMap<&'static str, f64>,
    qualifiers: BTreeMap<QualifierWord, Vec<String>>,
    vague: VagueTable,
    units: BTreeMap<String, RawUnit>,
    counted: BTreeMap<String, Vec<String>>,
    demonym_suffixes: Vec<String>,
    stopwords: Vec<String>,
    abbreviations: Vec<String>,
    titles: Vec<String>,
    people: super::people::PeopleAccumulator,
    frames: super::frames::FramesAccumulator,
    not_after: Vec<String>,
    time_words: Vec<String>,
    subject_window: Option<usize>,
    subgroups: Vec<String>,
    measures: BTreeMap<String, Vec<String>>,
    drop_lines: Vec<String>,
    truncate_at: Vec<String>,
    /// A layer added a `[boilerplate]` pattern that is not a built-in one: the lists are
    /// compiled up front, so that lists too large together are reported at start-up.
    user_line_patterns: bool,
    /// The `[vague]` table as the built-in layer left it. When the final table differs,
    /// the list is compiled up front (a list too large to compile is an error at
    /// start-up); the built-in one is known to compile (unit test).
    builtin_vague: Option<VagueTable>,
    severity: BTreeMap<FindingKind, Severity>,
    ranks: Vec<super::report::Rank>,
}

fn merge_words(target: &mut Vec<String>, replace: Words, extend: Words) {
    if let Some(list) = replace {
        *target = list;
    }
    if let Some(list) = extend {
        target.extend(list);
    }
}

impl Accumulator {
    /// Applies one layer; `trusted` (the built-in layer) skips compiling each boilerplate
    /// pattern on its own to point a diagnostic at it.
    fn apply(
        &mut self,
        raw: RawRules,
        layer: &RulesSource,
        trusted: bool,
        problems: &mut Vec<Problem>,
    ) {
        let problem = |span: Range<usize>, message: String, label: &str, help: Option<String>| {
            problem_in(layer, span, message, label, help)
        };
        if let Some(version) = raw.version {
            if *version.get_ref() != 1 {
                problems.push(problem(
                    version.span(),
                    format!("unsupported rules version `{}`", version.get_ref()),
                    "this corroborate reads version 1",
                    Some("set `version = 1`".to_owned()),
                ));
            }
        }
        if let Some(t) = raw.thresholds {
            let unit_range = [
                ("approximate-tolerance", t.approximate_tolerance),
                ("nearly-tolerance", t.nearly_tolerance),
                ("independence-overlap", t.independence_overlap),
                ("agree-context", t.agree_context),
                ("conflict-context", t.conflict_context),
                ("frame-context", t.frame_context),
                ("misquote-similarity", t.misquote_similarity),
                ("conversion-tolerance", t.conversion_tolerance),
                ("up-to-floor", t.up_to_floor),
                ("time-conflict-context", t.time_conflict_context),
            ];
            for (name, value) in unit_range {
                if let Some(v) = value {
                    let x = *v.get_ref();
                    if !(0.0..=1.0).contains(&x) {
                        problems.push(problem(
                            v.span(),
                            format!("threshold `{name}` is {x}, outside 0..=1"),
                            "expected a number from 0 to 1",
                            None,
                        ));
                    } else {
                        self.thresholds.insert(name, x);
                    }
                }
            }
            let counts = [
                ("shingle-words", t.shingle_words, 1, 50),
                ("quote-min-words", t.quote_min_words, 1, 100),
                ("echo-min-words", t.echo_min_words, 1, 1000),
                ("stem-length", t.stem_length, 2, 64),
                ("max-candidates", t.max_candidates, 1, 1_000_000),
                ("conflict-min-shared", t.conflict_min_shared, 0, 100),
                ("conflict-max-ratio", t.conflict_max_ratio, 1, 1_000_000),
                (
                    "time-conflict-min-shared",
                    t.time_conflict_min_shared,
                    0,
                    100,
                ),
            ];
            for (name, value, low, high) in counts {
                if let Some(v) = value {
                    let x = *v.get_ref();
                    if !(low..=high).contains(&x) {
                        problems.push(problem(
                            v.span(),
                            format!("threshold `{name}` is {x}, outside {low}..={high}"),
                            "out of range",
                            None,
                        ));
                    } else {
                        self.thresholds.insert(name, x as f64);
                    }
                }
            }
        }
        if let Some(q) = raw.qualifiers {
            use QualifierWord::*;
            for (kind, replace, extend) in [
                (MoreThan, q.more_than, q.extend_more_than),
                (AtLeast, q.at_least, q.extend_at_least),
                (LessThan, q.less_than, q.extend_less_than),
                (Nearly, q.nearly, q.extend_nearly),
                (Approximate, q.approximate, q.extend_approximate),
                (AtMost, q.at_most, q.extend_at_most),
                (Subset, q.subset, q.extend_subset),
            ] {
                merge_words(self.qualifiers.entry(kind).or_default(), replace, extend);
            }
        }
        if let Some(vague) = raw.vague {
            for (phrase, entry) in vague {
                let span = entry.span();
                let v = entry.into_inner();
                let bad = !v.low.is_finite()
                    || v.low < 0.0
                    || v.high.is_some_and(|h| !h.is_finite() || h <= v.low);
                if bad {
                    problems.push(problem(
                        span,
                        format!("vague amount `{phrase}` has an empty or negative range"),
                        "expected 0 <= low < high",
                        None,
                    ));
                } else {
                    self.vague.insert(phrase.to_lowercase(), (v.low, v.high));
                }
            }
        }
        if trusted {
            self.builtin_vague = Some(self.vague.clone());
        }
        // Units this layer defines, checked against all units once the layer is merged.
        let mut layer_units: Vec<(String, Range<usize>)> = Vec::new();
        if let Some(units) = raw.units {
            for (name, entry) in units {
                let span = entry.span();
                let unit = entry.into_inner();
                if unit.offset.is_some_and(|o| !o.is_finite()) {
                    problems.push(problem(
                        span,
                        format!("unit `{name}` has an offset that is not a finite number"),
                        "expected a finite offset",
                        None,
                    ));
                    continue;
                }
                if unit.factor.is_some_and(|f| !f.is_finite() || f <= 0.0) {
                    problems.push(problem(
                        span,
                        format!("unit `{name}` has a factor that is not a positive number"),
                        "expected factor > 0",
                        None,
                    ));
                    continue;
                }
                layer_units.push((name.clone(), span));
                self.units.insert(name, unit);
            }
        }
        if let Some(counted) = raw.counted {
            for (class, words) in counted {
                self.counted.insert(class, words);
            }
        }
        if let Some(counted) = raw.extend_counted {
            for (class, words) in counted {
                self.counted.entry(class).or_default().extend(words);
            }
        }
        if let Some(d) = raw.demonyms {
            merge_words(&mut self.demonym_suffixes, d.suffixes, d.extend_suffixes);
        }
        if let Some(t) = raw.terms {
            merge_words(&mut self.stopwords, t.stopwords, t.extend_stopwords);
        }
        if let Some(s) = raw.sentences {
            merge_words(
                &mut self.abbreviations,
                s.abbreviations,
                s.extend_abbreviations,
            );
        }
        if let Some(q) = raw.quantities {
            merge_words(&mut self.not_after, q.not_after, q.extend_not_after);
            merge_words(&mut self.time_words, q.time_words, q.extend_time_words);
            merge_words(&mut self.subgroups, q.subgroups, q.extend_subgroups);
            if let Some(measures) = q.measures {
                self.measures.extend(measures);
            }
            if let Some(w) = q.subject_window {
                let x = *w.get_ref();
                if (0..=50).contains(&x) {
                    self.subject_window = Some(x as usize);
                } else {
                    problems.push(problem(
                        w.span(),
                        format!("`subject-window` is {x}, outside 0..=50"),
                        "out of range",
                        None,
                    ));
                }
            }
        }
        if let Some(mut p) = raw.people {
            merge_words(&mut self.titles, p.titles.take(), p.extend_titles.take());
            if let Some(v) = &p.name_similarity {
                let x = *v.get_ref();
                if !(0.0..=1.0).contains(&x) {
                    problems.push(problem(
                        v.span(),
                        format!("`name-similarity` is {x}, outside 0..=1"),
                        "expected a number from 0 to 1",
                        None,
                    ));
                }
            }
            self.people.apply_people(p);
        }
        if let Some(p) = raw.places {
            self.people.apply_places(p);
        }
        if let Some(f) = raw.frames
            && let Some((span, message)) = self.frames.apply(f)
        {
            problems.push(problem(span, message, "out of range", None));
        }
        if let Some(b) = raw.boilerplate {
            // A pattern a lower layer already has compiled (a copy of the built-in
            // rules.toml in the working directory repeats all of them) is not checked again.
            let known: HashSet<String> = self
                .drop_lines
                .iter()
                .chain(&self.truncate_at)
                .cloned()
                .collect();
            let mut user_line_patterns = false;
            let mut check = |list: Option<Vec<toml::Spanned<String>>>| -> Option<Vec<String>> {
                let list = list?;
                let mut out = Vec::new();
                for pattern in list {
                    if trusted || known.contains(pattern.get_ref()) {
                        out.push(pattern.into_inner());
                        continue;
                    }
                    let span = pattern.span();
                    match regex::RegexBuilder::new(pattern.get_ref())
                        .size_limit(PATTERN_SIZE_LIMIT)
                        .build()
                    {
                        Ok(_) => {
                            user_line_patterns = true;
                            out.push(pattern.into_inner());
                        }
                        Err(e) => problems.push(problem(
                            span,
                            format!(
                                "invalid regular expression in [boilerplate]: {}",
                                first_line(&e.to_string())
                            ),
                            "this pattern",
                            Some(
                                "patterns use Rust `regex` syntax; a size limit of 1 MiB applies"
                                    .to_owned(),
                            ),
                        )),
                    }
                }
                Some(out)
            };
            let drop = check(b.drop_lines);
            let extend_drop = check(b.extend_drop_lines);
            let truncate = check(b.truncate_at);
            let extend_truncate = check(b.extend_truncate_at);
            self.user_line_patterns |= user_line_patterns;
            merge_words(&mut self.drop_lines, drop, extend_drop);
            merge_words(&mut self.truncate_at, truncate, extend_truncate);
        }
        if let Some(severity) = raw.severity {
            for (name, level) in severity {
                let Some(kind) = FindingKind::from_name(&name) else {
                    let suggestion = FindingKind::closest(&name)
                        .map(|k| format!("did you mean `{}`?", k.name()));
                    problems.push(problem(
                        level.span(),
                        format!("unknown finding kind `{name}` in [severity]"),
                        "not a finding kind",
                        suggestion,
                    ));
                    continue;
                };
                match Severity::from_name(level.get_ref()) {
                    Some(s) => {
                        self.severity.insert(kind, s);
                    }
                    None => problems.push(problem(
                        level.span(),
                        format!("unknown severity `{}`", level.get_ref()),
                        "expected `error`, `warning`, `note` or `off`",
                        None,
                    )),
                }
            }
        }
        if let Some(ranks) = raw.report.and_then(|r| r.rank) {
            self.ranks = ranks;
        }
        self.check_units(&layer_units, problems, layer);
    }

    /// The units a layer defined must name a dimension that exists, and each alias or
    /// symbol (a unit's synonyms) must name one unit only.
    ///
    /// A dimension exists when another unit has it too. A unit alone in its dimension is
    /// fine when that is meant (`ratio`, `magnitude`), but when it converts with a factor
    /// (into a base nobody else uses) or its dimension is spelled like an existing one
    /// (`lenght`), it would silently be compared with nothing: that is reported.
    fn check_units(
        &self,
        layer_units: &[(String, Range<usize>)],
        problems: &mut Vec<Problem>,
        layer: &RulesSource,
    ) {
        let mut dimension_users: BTreeMap<&str, usize> = BTreeMap::new();
        for unit in self.units.values() {
            *dimension_users.entry(unit.dimension.as_str()).or_default() += 1;
        }
        for (name, span) in layer_units {
            let Some(unit) = self.units.get(name) else {
                continue;
            };
            let dimension = unit.dimension.as_str();
            if dimension_users.get(dimension).copied().unwrap_or(0) > 1 {
                continue;
            }
            // A rate's dimension ("mass per day", of "tpd") is its numerator's with a
            // denominator: it converts into that base per the same denominator, and the
            // rates read from text ("4 tonnes per day") share it.
            if dimension
                .split_once(" per ")
                .is_some_and(|(numerator, _)| dimension_users.contains_key(numerator))
            {
                continue;
            }
            let closest = dimension_users
                .keys()
                .filter(|d| **d != dimension)
                .map(|d| (strsim::jaro_winkler(d, dimension), *d))
                .filter(|(score, _)| *score > 0.85)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, d)| d);
            let converts = unit.factor.is_some_and(|f| f != 1.0);
            if closest.is_some() || converts {
                problems.push(problem_in(
                    layer,
                    span.clone(),
                    format!("unit `{name}` names unknown dimension `{dimension}`"),
                    "no other unit has this dimension",
                    Some(match closest {
                        Some(d) => format!("did you mean `{d}`?"),
                        None => format!(
                            "a factor converts into the base unit of a dimension other units share; add units with `dimension = \"{dimension}\"` or drop the factor"
                        ),
                    }),
                ));
            }
        }
        self.check_synonyms(layer_units, problems, layer);
    }

    /// Each alias or symbol of a unit this layer defined names no other unit.
    fn check_synonyms(
        &self,
        layer_units: &[(String, Range<usize>)],
        problems: &mut Vec<Problem>,
        layer: &RulesSource,
    ) {
        let mut owner_of: BTreeMap<String, &str> = BTreeMap::new();
        for (name, unit) in &self.units {
            for synonym in unit
                .aliases
                .iter()
                .map(|a| normalize_phrase(a))
                .chain(unit.symbols.iter().map(|s| s.trim_end().to_owned()))
            {
                owner_of.entry(synonym).or_insert(name.as_str());
            }
        }
        for (name, span) in layer_units {
            let Some(unit) = self.units.get(name) else {
                continue;
            };
            for synonym in unit
                .aliases
                .iter()
                .map(|a| normalize_phrase(a))
                .chain(unit.symbols.iter().map(|s| s.trim_end().to_owned()))
            {
                match owner_of.get(&synonym) {
                    Some(other) if *other != name.as_str() => problems.push(problem_in(
                        layer,
                        span.clone(),
                        format!("`{synonym}` of unit `{name}` already names unit `{other}`"),
                        "ambiguous alias or symbol",
                        Some(format!(
                            "remove it from one of the two units, or redefine `[units.{other}]`"
                        )),
                    )),
                    _ => {}
                }
            }
        }
    }

    fn finish(self, layers: Vec<String>) -> Result<Settings, Error> {
        // Every threshold has its default in the built-in rules.toml, applied first
        // (unit test `every_threshold_has_its_default_in_the_builtin_rules`).
        let t = |name: &str| {
            *self
                .thresholds
                .get(name)
                .expect("the built-in rules.toml sets every threshold")
        };
        let thresholds = Thresholds {
            approximate_tolerance: t("approximate-tolerance"),
            nearly_tolerance: t("nearly-tolerance"),
            independence_overlap: t("independence-overlap"),
            shingle_words: t("shingle-words") as usize,
            agree_context: t("agree-context"),
            conflict_context: t("conflict-context"),
            frame_context: t("frame-context"),
            conflict_max_ratio: t("conflict-max-ratio"),
            misquote_similarity: t("misquote-similarity"),
            conversion_tolerance: t("conversion-tolerance"),
            up_to_floor: t("up-to-floor"),
            conflict_min_shared: t("conflict-min-shared") as usize,
            time_conflict_context: t("time-conflict-context"),
            time_conflict_min_shared: t("time-conflict-min-shared") as usize,
            quote_min_words: t("quote-min-words") as usize,
            echo_min_words: t("echo-min-words") as usize,
            stem_length: t("stem-length") as usize,
            max_candidates: t("max-candidates") as usize,
        };
        let mut qualifiers: Vec<(String, QualifierWord)> = self
            .qualifiers
            .iter()
            .flat_map(|(kind, words)| words.iter().map(move |w| (normalize_phrase(w), *kind)))
            .collect();
        qualifiers.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        qualifiers.dedup_by(|a, b| a.0 == b.0);
        let mut vague: Vec<VagueAmount> = self
            .vague
            .iter()
            .map(|(phrase, (low, high))| VagueAmount {
                phrase: normalize_phrase(phrase),
                low: *low,
                high: *high,
            })
            .collect();
        vague.sort_by(|a, b| {
            b.phrase
                .len()
                .cmp(&a.phrase.len())
                .then(a.phrase.cmp(&b.phrase))
        });
        let units: Vec<Unit> = self
            .units
            .iter()
            .map(|(name, raw)| Unit {
                name: name.clone(),
                dimension: raw.dimension.clone(),
                factor: raw.factor.unwrap_or(1.0),
                offset: raw.offset.unwrap_or(0.0),
                aliases: raw.aliases.iter().map(|a| normalize_phrase(a)).collect(),
                symbols: raw.symbols.clone(),
            })
            .collect();
        let mut counted = HashMap::new();
        for (class, words) in &self.counted {
            for word in words {
                counted.insert(word.to_lowercase(), class.clone());
            }
        }
        let user_vague = self.builtin_vague.as_ref() != Some(&self.vague);
        let matchers = Matchers::compile(&qualifiers, &vague, user_vague, &units)?;
        let (drop_lines, truncate_at) = if self.user_line_patterns {
            (
                LineSet::eager(compile_set("[boilerplate] drop-lines", &self.drop_lines)?),
                LineSet::eager(compile_set("[boilerplate] truncate-at", &self.truncate_at)?),
            )
        } else {
            (
                LineSet::lazy(&self.drop_lines),
                LineSet::lazy(&self.truncate_at),
            )
        };
        Ok(Settings {
            thresholds,
            qualifiers,
            vague,
            units,
            counted,
            demonym_suffixes: self.demonym_suffixes,
            stopwords: self.stopwords.iter().map(|w| w.to_lowercase()).collect(),
            abbreviations: self.abbreviations.into_iter().collect(),
            titles: self.titles.into_iter().collect(),
            people: self.people.finish(),
            frames: self.frames.finish(),
            not_after: self.not_after.iter().map(|w| w.to_lowercase()).collect(),
            time_words: self.time_words.iter().map(|w| w.to_lowercase()).collect(),
            subject_window: self
                .subject_window
                .expect("the built-in rules.toml sets [quantities] subject-window"),
            subgroups: self.subgroups.iter().map(|w| w.to_lowercase()).collect(),
            measure_roles: self
                .measures
                .iter()
                .flat_map(|(role, words)| {
                    words.iter().map(move |w| (w.to_lowercase(), role.clone()))
                })
                .collect(),
            drop_lines,
            truncate_at,
            severity: self.severity,
            layers,
            reference_date: None,
            ranking: super::report::Ranking { ranks: self.ranks },
            matchers: Arc::new(matchers),
        })
    }
}

/// Compiled-size limit of one pattern a user writes.
pub(crate) const PATTERN_SIZE_LIMIT: usize = 1 << 20;

/// Compiled-size limit of a pattern built from all the patterns or words of one list.
pub(crate) const LIST_SIZE_LIMIT: usize = 32 << 20;

fn compile_set(what: &'static str, patterns: &[String]) -> Result<RegexSet, Error> {
    regex::RegexSetBuilder::new(patterns)
        .size_limit(LIST_SIZE_LIMIT)
        .build()
        .map_err(|source| Error::TooLarge { what, source })
}

fn compile_list(what: &'static str, pattern: &str) -> Result<Regex, Error> {
    regex::RegexBuilder::new(pattern)
        .size_limit(LIST_SIZE_LIMIT)
        .build()
        .map_err(|source| Error::TooLarge { what, source })
}

fn first_line(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .unwrap_or(s)
        .to_owned()
}

/// A symbol as it is looked up: lower case, without whitespace.
fn symbol_key(symbol: &str) -> String {
    symbol
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Lower case with runs of whitespace made one space: the form phrases are looked up in.
pub fn normalize_phrase(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A phrase as a regex fragment that allows any whitespace between words.
fn phrase_pattern(phrase: &str) -> String {
    phrase
        .split(' ')
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(r"\s+")
}

/// The phrases as one alternation, longest first (sorted and deduplicated in place).
fn alternation(phrases: &mut Vec<&str>) -> String {
    phrases.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    phrases.dedup();
    phrases
        .iter()
        .map(|p| phrase_pattern(p))
        .collect::<Vec<_>>()
        .join("|")
}

/// The pattern for a qualifier phrase right before a number (`phrase_table::QualifierTable`
/// follows it exactly).
fn qualifier_pattern(phrases: &mut Vec<&str>) -> String {
    format!(r"(?i)(?:^|[^\p{{L}}\p{{N}}])({})\s*$", alternation(phrases))
}

/// The pattern for a unit alias right after a number (`phrase_table::UnitTable` follows
/// it exactly). A word alias must end at a word boundary; a sign such as `%` need not. A
/// hyphen may join it ("a 2.5-mile stretch"). Sorts `aliases` into alternation order.
fn unit_pattern(aliases: &mut Vec<&str>) -> String {
    format!(
        r"(?i)^(?:[ \t\u{{a0}}]|-)?({})(?:[^\p{{L}}\p{{N}}]|$)",
        alternation(aliases)
    )
}

/// The patterns for unit symbols before a number: those that start with a letter ("US$",
/// "Rs.", "C$") must start a word; signs ("$", "€") need not. Letters match in any case and
/// a space may sit between two or more letters and a sign ("hk $ 10.05 billion" in
/// tokenized text). The symbol table (`phrase_table`) follows these patterns exactly.
fn symbol_patterns(symbols: &[&str]) -> (String, String) {
    let symbol_pattern = |list: &mut Vec<&str>| -> String {
        list.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        list.dedup();
        list.iter()
            .map(|s| {
                let mut out = String::new();
                let mut letters = 0;
                for c in s.trim_end().chars() {
                    // Only after two letters or more: "a $5" is not "A$5".
                    if letters >= 2 && !c.is_alphabetic() {
                        out.push_str(r"\s?");
                    }
                    letters = if c.is_alphabetic() { letters + 1 } else { 0 };
                    out.push_str(&regex::escape(&c.to_string()));
                }
                out
            })
            .collect::<Vec<_>>()
            .join("|")
    };
    let mut word_symbols: Vec<&str> = symbols
        .iter()
        .copied()
        .filter(|s| s.starts_with(char::is_alphabetic))
        .collect();
    let mut sign_symbols: Vec<&str> = symbols
        .iter()
        .copied()
        .filter(|s| !s.starts_with(char::is_alphabetic))
        .collect();
    (
        format!(
            r"(?i)(?:^|[^\p{{L}}\p{{N}}])({})\s?$",
            symbol_pattern(&mut word_symbols)
        ),
        format!(r"({})\s?$", symbol_pattern(&mut sign_symbols)),
    )
}

impl Matchers {
    fn compile(
        qualifiers: &[(String, QualifierWord)],
        vague: &[VagueAmount],
        user_vague: bool,
        units: &[Unit],
    ) -> Result<Self, Error> {
        let mut q: Vec<&str> = qualifiers.iter().map(|(p, _)| p.as_str()).collect();
        let qualifier_before = if representable(&q) {
            Finder::Table(QualifierTable::new(&q))
        } else {
            Finder::Patterns(vec![compile_list(
                "[qualifiers]",
                &qualifier_pattern(&mut q),
            )?])
        };
        let mut aliases: Vec<&str> = units
            .iter()
            .flat_map(|u| u.aliases.iter().map(String::as_str))
            .collect();
        // The table needs the aliases in alternation order: longest first.
        let unit_pattern = unit_pattern(&mut aliases);
        let unit_after = if representable(&aliases) {
            Finder::Table(UnitTable::new(&aliases))
        } else {
            Finder::Patterns(vec![compile_list("unit aliases", &unit_pattern)?])
        };
        let symbols: Vec<&str> = units
            .iter()
            .flat_map(|u| u.symbols.iter().map(String::as_str))
            .collect();
        let symbol_before = if SymbolTable::representable(&symbols) {
            Finder::Table(SymbolTable::new(&symbols))
        } else {
            let (word, sign) = symbol_patterns(&symbols);
            Finder::Patterns(vec![
                compile_list("unit symbols", &word)?,
                compile_list("unit symbols", &sign)?,
            ])
        };
        let mut v: Vec<&str> = vague.iter().map(|a| a.phrase.as_str()).collect();
        let vague_pattern = format!(r"(?i)\b(?:{})\b", alternation(&mut v));
        let vague_re = if user_vague {
            super::PrefilteredList::new(compile_list("[vague]", &vague_pattern)?, &v)
        } else {
            super::PrefilteredList::lazy(vague_pattern, &v)
        };
        let mut alias_to_unit = HashMap::new();
        let mut symbol_to_unit = HashMap::new();
        for (i, unit) in units.iter().enumerate() {
            for alias in &unit.aliases {
                alias_to_unit.entry(alias.clone()).or_insert(i);
            }
            for symbol in &unit.symbols {
                symbol_to_unit.entry(symbol_key(symbol)).or_insert(i);
            }
        }
        Ok(Self {
            qualifier_before,
            unit_after,
            symbol_before,
            vague: vague_re,
            alias_to_unit,
            symbol_to_unit,
            qualifier_lookup: qualifiers.iter().cloned().collect(),
            vague_lookup: vague
                .iter()
                .enumerate()
                .map(|(i, a)| (a.phrase.clone(), i))
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_are_valid() {
        let settings = Settings::from_layers(&[]).expect("built-in rules parse");
        assert!(settings.units.iter().any(|u| u.name == "USD"));
        assert_eq!(settings.counted_class("migrant"), Some("persons"));
        // Compiled on first use at run time: it must compile.
        assert!(!settings.matchers().vague.regex().as_str().is_empty());
    }

    /// Ways a phrase can be written that the case-insensitive patterns accept: cases,
    /// other whitespace between words, and the two non-ASCII letters that fold to ASCII.
    fn written_forms(phrase: &str) -> Vec<String> {
        let title: String = phrase
            .split(' ')
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ");
        vec![
            phrase.to_owned(),
            phrase.to_uppercase(),
            title,
            phrase.replace(' ', "  "),
            phrase.replace(' ', "\n"),
            phrase.replace(' ', "\u{a0}"),
            phrase.replace('s', "\u{17f}").replace('k', "\u{212a}"),
            phrase.replace(' ', ""),
        ]
    }

    #[test]
    fn word_list_tables_find_what_the_patterns_find() {
        let settings = Settings::builtin();
        let m = settings.matchers();
        let group =
            |re: &Regex, text: &str| re.captures(text).and_then(|c| c.get(1)).map(|g| g.range());
        let found = |f: Option<Found<'_>>| f.map(|f| f.start()..f.end());

        let mut aliases: Vec<&str> = settings
            .units
            .iter()
            .flat_map(|u| u.aliases.iter().map(String::as_str))
            .collect();
        let unit_re = Regex::new(&unit_pattern(&mut aliases)).expect("pattern compiles");
        let mut checked = 0;
        for alias in &aliases {
            for form in written_forms(alias) {
                for pre in ["", " ", "-", "\u{a0}", "  ", "\t", "x"] {
                    for post in [
                        "",
                        " people",
                        ".",
                        ",",
                        "s",
                        "x",
                        "é",
                        "1",
                        "/h",
                        ")",
                        "-long",
                        "’",
                        "\u{345}",
                        " per hour",
                        "²",
                    ] {
                        let text = format!("{pre}{form}{post}");
                        assert_eq!(
                            found(m.unit_after(&text)),
                            group(&unit_re, &text),
                            "unit after {text:?}"
                        );
                        checked += 1;
                    }
                }
            }
        }

        let mut qualifiers: Vec<&str> = settings
            .qualifiers
            .iter()
            .map(|(p, _)| p.as_str())
            .collect();
        let qualifier_re =
            Regex::new(&qualifier_pattern(&mut qualifiers)).expect("pattern compiles");
        for phrase in &qualifiers {
            for form in written_forms(phrase) {
                for pre in [
                    "",
                    "There were ",
                    "(",
                    "x",
                    "é",
                    "un",
                    "—",
                    "a\u{345}",
                    "no more than ",
                    "up to ",
                ] {
                    for post in ["", " ", "  ", "\n", " $", "x"] {
                        let text = format!("{pre}{form}{post}");
                        assert_eq!(
                            found(m.qualifier_before(&text)),
                            group(&qualifier_re, &text),
                            "qualifier before {text:?}"
                        );
                        checked += 1;
                    }
                }
            }
        }

        let symbols: Vec<&str> = settings
            .units
            .iter()
            .flat_map(|u| u.symbols.iter().map(String::as_str))
            .collect();
        let (word, sign) = symbol_patterns(&symbols);
        let word_re = Regex::new(&word).expect("pattern compiles");
        let sign_re = Regex::new(&sign).expect("pattern compiles");
        for symbol in &symbols {
            let spaced = symbol.replacen('$', " $", 1);
            let mut forms = written_forms(symbol);
            forms.push(symbol.to_lowercase());
            forms.push(spaced);
            for form in forms {
                for pre in ["", "paid ", "x", "(", "é", "1", "a\u{345}", "$"] {
                    for post in ["", " ", "  ", "\t", "x"] {
                        let text = format!("{pre}{form}{post}");
                        let want = group(&word_re, &text).or_else(|| group(&sign_re, &text));
                        assert_eq!(
                            found(m.symbol_before(&text)),
                            want,
                            "symbol before {text:?}"
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
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
