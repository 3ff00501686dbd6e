//! Rules text to `RawRules`, collecting every problem instead of stopping at the first.
//!
//! Owns the shape checks: TOML syntax (every error the parser can recover from), keys the
//! schema does not have (all of them, each at its own line), and values of the wrong type
//! (one per top-level section). Meaning (ranges, regexes, names) is checked in `settings`.
//!
//! Unknown keys are found by deserializing through `serde_ignored`, so the schema is the
//! `raw` structs themselves and cannot drift from a hand-written list of keys.

use std::ops::Range;

use toml::{
    Spanned,
    de::{DeTable, DeValue},
};

use super::{raw::RawRules, settings::BUILTIN_RULES};

/// A problem with the shape of a rules file, before any value is interpreted.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ShapeProblem {
    pub(crate) message: String,
    pub(crate) label: &'static str,
    pub(crate) at: Range<usize>,
    pub(crate) help: Option<String>,
}

/// Parse `text`. Returns what could be read (sections with problems left out) and
/// every problem found; the layer is usable only when the list is empty.
pub(crate) fn parse(text: &str) -> (RawRules, Vec<ShapeProblem>) {
    let (document, syntax) = DeTable::parse_recoverable(text);
    let mut problems: Vec<ShapeProblem> = syntax
        .iter()
        .map(|e| ShapeProblem {
            message: format!("invalid TOML: {}", lower_first(e.message().trim())),
            label: "here",
            at: e.span().unwrap_or(0..0),
            help: e
                .message()
                .contains("duplicate key")
                .then(|| "each key may appear once per table; remove one of them".to_owned()),
        })
        .collect();
    let syntax_failed = !problems.is_empty();
    let span = document.span();
    let mut table = document.into_inner();
    // A section whose values have the wrong type is reported and left out, then the rest
    // is read again, so that every bad section is reported in one run.
    for _ in 0..=table.len() {
        let mut unknown: Vec<String> = Vec::new();
        let attempt = {
            let deserializer =
                toml::de::Deserializer::from(Spanned::new(span.clone(), table.clone()));
            serde_ignored::deserialize(deserializer, |path| unknown.push(path.to_string()))
        };
        match attempt {
            Ok(raw) => {
                for path in unknown {
                    problems.push(unknown_key(&table, &path));
                }
                return (raw, problems);
            }
            Err(e) => {
                let at = e.span().unwrap_or(0..0);
                // A table's span covers only its `[header]`: the section holding the
                // error is the last one that starts before it.
                let section = table
                    .iter()
                    .find(|(k, v)| contains(&k.span(), &at) || contains(&v.span(), &at))
                    .or_else(|| {
                        table
                            .iter()
                            .filter(|(k, _)| k.span().start <= at.start)
                            .max_by_key(|(k, _)| k.span().start)
                    })
                    .map(|(k, _)| k.clone());
                // After a syntax error the recovered document may be incomplete; a type
                // error in it would only repeat that error.
                let message = format!("invalid rules: {}", lower_first(e.message().trim()));
                let seen = problems.iter().any(|p| p.message == message && p.at == at);
                if !syntax_failed && !seen {
                    problems.push(ShapeProblem {
                        message,
                        label: "here",
                        at,
                        help: None,
                    });
                }
                match section {
                    Some(key) => {
                        table.remove(&key);
                    }
                    None => break,
                }
            }
        }
    }
    (RawRules::default(), problems)
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// The key `path` (as `serde_ignored` prints it: `a.b.c`, list items as numbers) names
/// in `table`, reported at its own line, with the closest known key as a suggestion.
fn unknown_key(table: &DeTable<'_>, path: &str) -> ShapeProblem {
    // `Spanned` wrappers show up in the path as private field names; skip them.
    let segments: Vec<&str> = path
        .split('.')
        .filter(|s| !s.starts_with("$__serde_spanned") && *s != "?")
        .collect();
    let mut at = 0..0;
    let mut current: Option<&DeTable<'_>> = Some(table);
    let mut value: Option<&Spanned<DeValue<'_>>> = None;
    for segment in &segments {
        if let Some(t) = current {
            if let Some((k, v)) = t.iter().find(|(k, _)| k.get_ref().as_ref() == *segment) {
                at = k.span();
                value = Some(v);
                current = v.get_ref().as_table();
                continue;
            }
        }
        if let (Some(v), Ok(index)) = (value, segment.parse::<usize>()) {
            if let Some(item) = v.get_ref().as_array().and_then(|a| a.get(index)) {
                at = item.span();
                current = item.get_ref().as_table();
                value = Some(item);
                continue;
            }
        }
        break;
    }
    let name = segments.last().copied().unwrap_or(path);
    let parent = &segments[..segments.len().saturating_sub(1)];
    ShapeProblem {
        message: format!("unknown key `{}`", segments.join(".")),
        label: "not a rules.toml key",
        at,
        help: Some(match closest_known_key(parent, name) {
            Some(known) => format!("did you mean `{known}`?"),
            None => "see the built-in rules.toml for the keys that exist".to_owned(),
        }),
    }
}

/// The key under `parent` in the built-in rules (or its `extend-` form) closest to `name`.
fn closest_known_key(parent: &[&str], name: &str) -> Option<String> {
    let builtin = DeTable::parse(BUILTIN_RULES).ok()?;
    let mut table = builtin.get_ref();
    for segment in parent {
        let (_, v) = table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == *segment)?;
        table = v.get_ref().as_table()?;
    }
    let mut best: Option<(f64, String)> = None;
    for key in table.keys() {
        let key = key.get_ref().as_ref();
        for candidate in [key.to_owned(), format!("extend-{key}")] {
            let score = strsim::jaro_winkler(name, &candidate);
            if score > 0.8 && best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((score, candidate));
            }
        }
    }
    best.map(|(_, key)| key)
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str) -> Vec<String> {
        parse(text).1.into_iter().map(|p| p.message).collect()
    }

    #[test]
    fn every_unknown_key_is_reported() {
        let text = "bogus = 1\n[thresholds]\nagree-contxt = 0.5\n[units.km]\ndimension = \"length\"\nfactr = 2.0\n";
        assert_eq!(
            messages(text),
            [
                "unknown key `bogus`",
                "unknown key `thresholds.agree-contxt`",
                "unknown key `units.km.factr`"
            ]
        );
    }

    #[test]
    fn unknown_keys_point_at_their_line_and_suggest_the_known_one() {
        let text = "[thresholds]\nagree-contxt = 0.5\n";
        let (_, problems) = parse(text);
        assert_eq!(&text[problems[0].at.clone()], "agree-contxt");
        assert_eq!(
            problems[0].help.as_deref(),
            Some("did you mean `agree-context`?")
        );
    }

    #[test]
    fn a_type_error_in_each_section_is_reported() {
        let text = "[thresholds]\nagree-context = \"high\"\n[people]\ntitles = 3\n";
        let found = messages(text);
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn duplicate_keys_are_reported() {
        let text = "[thresholds]\nagree-context = 0.5\nagree-context = 0.6\n";
        let (_, problems) = parse(text);
        assert!(
            problems[0].message.contains("duplicate key"),
            "{problems:?}"
        );
        assert!(problems[0].help.is_some());
    }

    #[test]
    fn the_builtin_rules_have_no_shape_problem() {
        assert_eq!(messages(BUILTIN_RULES), Vec::<String>::new());
    }
}
