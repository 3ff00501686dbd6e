//! How two quotes' words compare (issue 15): after contractions, spelling variants,
//! hyphens and joined words ("data center" / "datacenter") are made one form, a misquote
//! is a change of content words, counted on words, never on characters. A spelling
//! variant or a dropped "is" is the same quote; "by May" against "in March" is not.

use crate::config::{Settings, frames::FrameRules};

/// A quote's words in the form they are compared in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    pub words: Vec<String>,
    /// The words run together, for joined and hyphenated forms.
    pub letters: String,
}

impl Wording {
    /// `normalized`: a quote's folded words, separated by single spaces.
    pub fn of(normalized: &str, rules: &FrameRules) -> Self {
        let mut words = Vec::new();
        for raw in normalized.split([' ', '-', '\u{2010}', '\u{2011}']) {
            let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
            if w.is_empty() {
                continue;
            }
            let w = w.replace('\u{2019}', "'");
            if let Some(expanded) = rules.contractions.get(&w) {
                words.extend(expanded.split(' ').map(str::to_owned));
                continue;
            }
            // A suffix contraction: "didn't" -> "did not", "they're" -> "they are".
            let suffix = rules
                .contraction_suffixes
                .iter()
                .find(|(s, _)| w.len() > s.len() && w.ends_with(s.as_str()));
            if let Some((s, expansion)) = suffix {
                let stem = &w[..w.len() - s.len()];
                words.push(canonical(stem, rules));
                words.extend(expansion.split(' ').map(str::to_owned));
                continue;
            }
            // "6:00" is "6" ("6 p.m." / "6:00 p.m.").
            let w = w.strip_suffix(":00").map_or(w.clone(), str::to_owned);
            words.push(canonical(&w, rules));
        }
        let letters = words.concat();
        Self { words, letters }
    }
}

fn canonical(word: &str, rules: &FrameRules) -> String {
    rules
        .spelling
        .get(word)
        .cloned()
        .unwrap_or_else(|| word.to_owned())
}

/// How two wordings of one statement differ.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// Share of the shorter quote's words found, in order, in the other (0..1).
    pub overlap: f64,
    /// Content words (not stopwords) on either side that the other does not have in
    /// order: a substitution counts twice, an added or dropped word once.
    pub content_changes: usize,
    /// Whether a changed word is a figure or a negation: a change of meaning however
    /// small.
    pub meaningful: bool,
}

/// Compare two wordings word by word (longest common subsequence).
pub fn compare(a: &Wording, b: &Wording, settings: &Settings) -> Difference {
    let (x, y) = (&a.words, &b.words);
    let (n, m) = (x.len(), y.len());
    // Lengths of the longest common subsequence of suffixes; quotes are short.
    let mut table = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] = if x[i] == y[j] {
                table[at(i + 1, j + 1)] + 1
            } else {
                table[at(i + 1, j)].max(table[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let (mut only_a, mut only_b): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    while i < n && j < m {
        if x[i] == y[j] {
            i += 1;
            j += 1;
        } else if table[at(i + 1, j)] >= table[at(i, j + 1)] {
            only_a.push(&x[i]);
            i += 1;
        } else {
            only_b.push(&y[j]);
            j += 1;
        }
    }
    only_a.extend(x[i..].iter().map(String::as_str));
    only_b.extend(y[j..].iter().map(String::as_str));
    // The shorter quote may be an excerpt: words of the longer one beyond the span they
    // share are not changes.
    let common = table[at(0, 0)] as usize;
    trim_excerpt(x, y, &mut only_a, &mut only_b);
    cancel_acronyms(&mut only_a, &mut only_b);
    cancel_acronyms(&mut only_b, &mut only_a);
    let rules = &settings.frames;
    let is_content = |w: &&&str| !settings.stopwords.contains(**w);
    let changed: Vec<&str> = only_a.iter().chain(&only_b).copied().collect();
    Difference {
        overlap: common as f64 / n.min(m).max(1) as f64,
        content_changes: changed.iter().filter(is_content).count(),
        meaningful: changed
            .iter()
            .any(|w| w.chars().any(|c| c.is_ascii_digit()) || rules.negations.contains(*w)),
    }
}

/// Drop from the changes the words of the longer quote that lie outside the stretch the
/// shorter one covers ("it is a disgrace" inside "we said it is a disgrace today").
fn trim_excerpt<'a>(
    x: &'a [String],
    y: &'a [String],
    only_a: &mut Vec<&'a str>,
    only_b: &mut Vec<&'a str>,
) {
    let (long, short, only_long) = if x.len() >= y.len() {
        (x, y, only_a)
    } else {
        (y, x, only_b)
    };
    let (Some(first), Some(last)) = (short.first(), short.last()) else {
        return;
    };
    let start = long.iter().position(|w| w == first);
    let end = long.iter().rposition(|w| w == last);
    let (Some(start), Some(end)) = (start, end) else {
        return;
    };
    if start > end {
        return;
    }
    let outside: Vec<&str> = long[..start]
        .iter()
        .chain(&long[end + 1..])
        .map(String::as_str)
        .collect();
    for w in outside {
        if let Some(k) = only_long.iter().position(|o| *o == w) {
            only_long.remove(k);
        }
    }
}

/// An acronym on one side for the words it abbreviates on the other ("ie" /
/// "internet explorer") is no change.
fn cancel_acronyms(short: &mut Vec<&str>, long: &mut Vec<&str>) {
    let mut k = 0;
    while k < short.len() {
        let acronym = short[k];
        let n = acronym.chars().count();
        let at = if (2..=6).contains(&n) && long.len() >= n {
            (0..=long.len() - n).find(|&s| {
                long[s..s + n]
                    .iter()
                    .zip(acronym.chars())
                    .all(|(w, c)| w.starts_with(c))
            })
        } else {
            None
        };
        match at {
            Some(s) => {
                long.drain(s..s + n);
                short.remove(k);
            }
            None => k += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(a: &str, b: &str) -> Difference {
        let settings = Settings::builtin();
        let r = &settings.frames;
        compare(&Wording::of(a, r), &Wording::of(b, r), &settings)
    }

    #[test]
    fn spelling_contractions_and_joined_words_are_one_form() {
        let r = &Settings::builtin().frames;
        assert_eq!(
            Wording::of("it's the neighbourhood data center", r).letters,
            Wording::of("it is the neighborhood datacenter", r).letters
        );
        assert_eq!(Wording::of("we didn't", r).words, ["we", "did", "not"]);
        assert_eq!(
            Wording::of("at 6:00 p.m", r).words,
            Wording::of("at 6 p.m", r).words
        );
    }

    #[test]
    fn a_changed_content_word_is_counted_a_dropped_function_word_is_not() {
        let d = diff(
            "what makes this so insidious is it takes advantage",
            "what makes this so insidious it takes advantage",
        );
        assert_eq!(d.content_changes, 0);
        let d = diff(
            "we will reopen the bridge by june",
            "we will reopen the bridge in march",
        );
        assert_eq!(d.content_changes, 2);
        assert!(d.overlap > 0.6);
        let d = diff("we will not raise taxes", "we will raise taxes");
        assert!(d.meaningful);
    }

    #[test]
    fn an_acronym_stands_for_its_words() {
        let d = diff(
            "encourages all ie customers to deploy this update",
            "encourages all internet explorer customers to deploy this update",
        );
        assert_eq!(d.content_changes, 0);
    }
}
