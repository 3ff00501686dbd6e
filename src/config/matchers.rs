//! The patterns and tables derived from the word lists (qualifiers, units, symbols,
//! vague amounts), compiled once per run.

use std::collections::HashMap;

use regex::{Regex, RegexSet};

use super::{
    error::Error,
    phrase_table::{Finder, Found, QualifierTable, SymbolTable, UnitTable, representable},
    settings::{QualifierWord, Unit, VagueAmount},
};

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

/// Compiled-size limit of one pattern a user writes.
pub(crate) const PATTERN_SIZE_LIMIT: usize = 1 << 20;

/// Compiled-size limit of a pattern built from all the patterns or words of one list.
pub(crate) const LIST_SIZE_LIMIT: usize = 32 << 20;

pub(super) fn compile_set(what: &'static str, patterns: &[String]) -> Result<RegexSet, Error> {
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
    pub(super) fn compile(
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
    use crate::config::Settings;

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
}
