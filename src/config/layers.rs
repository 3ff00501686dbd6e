//! Merging rules layers: each layer's values checked and laid over the lower layers,
//! then resolved into `Settings` once all are applied.

use std::{
    collections::{BTreeMap, HashMap, HashSet},
    ops::Range,
    sync::Arc,
};

use miette::NamedSource;

use super::{
    error::{Error, Problem},
    line_set::LineSet,
    matchers::{Matchers, PATTERN_SIZE_LIMIT, compile_set, normalize_phrase},
    raw::{RawRules, RawUnit, Words},
    settings::{QualifierWord, RulesSource, Settings, Thresholds, Unit, VagueAmount},
};
use crate::rules::{FindingKind, Severity};

/// `[vague]` phrases (lower case) and their ranges, as the layers set them.
type VagueTable = BTreeMap<String, (f64, Option<f64>)>;

/// A problem found in `layer`, as a diagnostic at its span.
pub(super) fn problem_in(
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
pub(super) struct Accumulator {
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
    fixed_ordinals: Vec<String>,
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
    pub(super) fn apply(
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
            self.apply_thresholds(t, layer, problems);
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
        let layer_units = raw
            .units
            .map(|units| self.apply_units(units, layer, problems))
            .unwrap_or_default();
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
            merge_words(
                &mut self.fixed_ordinals,
                q.fixed_ordinals,
                q.extend_fixed_ordinals,
            );
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
            self.apply_boilerplate(b, layer, trusted, problems);
        }
        if let Some(severity) = raw.severity {
            self.apply_severity(severity, layer, problems);
        }
        if let Some(ranks) = raw.report.and_then(|r| r.rank) {
            self.ranks = ranks;
        }
        self.check_units(&layer_units, problems, layer);
    }

    /// `[thresholds]`: each value in its range, else a problem.
    fn apply_thresholds(
        &mut self,
        t: super::raw::RawThresholds,
        layer: &RulesSource,
        problems: &mut Vec<Problem>,
    ) {
        let problem = |span: Range<usize>, message: String, label: &str, help: Option<String>| {
            problem_in(layer, span, message, label, help)
        };
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

    /// `[units.NAME]`: the units merged by name; returns those the layer defined.
    fn apply_units(
        &mut self,
        units: BTreeMap<String, toml::Spanned<RawUnit>>,
        layer: &RulesSource,
        problems: &mut Vec<Problem>,
    ) -> Vec<(String, Range<usize>)> {
        let problem = |span: Range<usize>, message: String, label: &str, help: Option<String>| {
            problem_in(layer, span, message, label, help)
        };
        let mut layer_units: Vec<(String, Range<usize>)> = Vec::new();
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
        layer_units
    }

    /// `[boilerplate]`: each pattern a user layer adds must compile on its own.
    fn apply_boilerplate(
        &mut self,
        b: super::raw::RawBoilerplate,
        layer: &RulesSource,
        trusted: bool,
        problems: &mut Vec<Problem>,
    ) {
        let problem = |span: Range<usize>, message: String, label: &str, help: Option<String>| {
            problem_in(layer, span, message, label, help)
        };
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

    /// `[severity]`: known finding kinds and severities only.
    fn apply_severity(
        &mut self,
        severity: BTreeMap<String, toml::Spanned<String>>,
        layer: &RulesSource,
        problems: &mut Vec<Problem>,
    ) {
        let problem = |span: Range<usize>, message: String, label: &str, help: Option<String>| {
            problem_in(layer, span, message, label, help)
        };
        for (name, level) in severity {
            let Some(kind) = FindingKind::from_name(&name) else {
                let suggestion =
                    FindingKind::closest(&name).map(|k| format!("did you mean `{}`?", k.name()));
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

    pub(super) fn finish(self, layers: Vec<String>) -> Result<Settings, Error> {
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
            fixed_ordinals: self
                .fixed_ordinals
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
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

fn first_line(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .unwrap_or(s)
        .to_owned()
}
