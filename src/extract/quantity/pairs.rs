//! Pairs of figures that only mean something together: a score ("a 31-24 win"), a
//! record ("52-3", "45-7-2") and a tally of attempts ("29 of 34", "11-of-36",
//! "17-for-17"). Neither figure is a count of its own, so a pair is one claim whose key
//! holds both figures: it agrees with the same pair and is never set against another
//! (a halftime score and a final score, two teams' records). Issue 16.

use std::sync::LazyLock;

use regex::Regex;

use crate::span::Span;

/// One pair of figures in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pair {
    pub(crate) span: Span,
    /// The first figure.
    pub(crate) first: f64,
    /// The pair as a reader writes it, figures only ("31-24", "29 of 34").
    pub(crate) written: String,
    /// What the pair is: `score` for figures joined by a dash, `tally` for "of"/"for".
    pub(crate) kind: &'static str,
    /// The rest of the pair after the first figure ("-24", " of 34"), for messages.
    pub(crate) rest: String,
}

/// Two or three figures of up to three digits joined by dashes ("31-24", "45-7-2"),
/// or two joined by "of"/"for" ("29 of 34", "1-of-16", "17-for-17"). ASCII word
/// boundaries keep the fast engine on text with non-ASCII letters.
static PAIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(\d{1,3})(?:([-–])(\d{1,3})(?:[-–](\d{1,3}))?|[- ](of|for)[- ](\d{1,3}))(?-u:\b)",
    )
    .expect("static pattern")
});

/// Characters before a pair that make the first figure part of something else: a price,
/// a decimal, a date or time, an identifier.
fn glued_before(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            '$' | '€' | '£' | '¥' | '.' | ',' | '/' | ':' | '-' | '–' | '#' | '+'
        )
}

/// Characters after a pair that make its last figure part of something else: a
/// percentage, a decimal, a date, a clock time, a modifier ("24-14-yard").
fn glued_after(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        None => false,
        Some(c) if c.is_alphanumeric() || matches!(c, '%' | '/' | ':' | '-' | '–' | '′' | '″') => {
            true
        }
        // "1-0.5", "10 of 2,000": more digits follow a separator.
        Some('.' | ',') => chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => false,
    }
}

/// Every pair of figures in `sentence`, spans relative to it.
pub(crate) fn find(sentence: &str) -> Vec<Pair> {
    if !sentence.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for c in PAIR.captures_iter(sentence) {
        let Some(whole) = c.get(0) else { continue };
        let before = &sentence[..whole.start()];
        if before.chars().next_back().is_some_and(glued_before)
            || glued_after(&sentence[whole.end()..])
        {
            continue;
        }
        let figures: Vec<&str> = [1, 3, 4, 6]
            .iter()
            .filter_map(|&i| c.get(i).map(|m| m.as_str()))
            .collect();
        // "05-10" is a date or a code, not a score.
        if figures.iter().any(|f| f.len() > 1 && f.starts_with('0')) {
            continue;
        }
        let Ok(first) = figures[0].parse::<f64>() else {
            continue;
        };
        let (kind, written) = match c.get(5) {
            Some(word) => {
                let second: f64 = figures[1].parse().unwrap_or(f64::MAX);
                // "12 of 10" is no tally of attempts.
                if second < first {
                    continue;
                }
                let joiner = word.as_str().to_ascii_lowercase();
                ("tally", format!("{} {joiner} {}", figures[0], figures[1]))
            }
            None => ("score", figures.join("-")),
        };
        let rest = written[figures[0].len()..].to_owned();
        out.push(Pair {
            span: Span::new(whole.start(), whole.end()),
            first,
            written,
            kind,
            rest,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(sentence: &str) -> Vec<String> {
        find(sentence).into_iter().map(|p| p.written).collect()
    }

    #[test]
    fn scores_and_records_are_one_pair() {
        assert_eq!(written("The Hawks won 24-17 on Sunday."), ["24-17"]);
        assert_eq!(
            written("The Hawks (9-4) host the Owls (2–11)."),
            ["9-4", "2-11"]
        );
        assert_eq!(
            written("Ortega improved to 31-2-1 with the win."),
            ["31-2-1"]
        );
        assert_eq!(written("a 1-0 defeat"), ["1-0"]);
    }

    #[test]
    fn tallies_of_attempts_are_one_pair() {
        assert_eq!(written("She made 12 of 19 shots."), ["12 of 19"]);
        assert_eq!(written("He went 7-of-11 from the line."), ["7 of 11"]);
        assert_eq!(written("a perfect 9-for-9 start"), ["9 for 9"]);
        let p = &find("She made 12 of 19 shots.")[0];
        assert_eq!(
            (p.first, p.kind, p.rest.as_str()),
            (12.0, "tally", " of 19")
        );
    }

    #[test]
    fn other_dashed_figures_are_not_pairs() {
        for s in [
            "The rate rose 2-3% last year.",
            "Call 555-123-4567 today.",
            "It cost $20-30 a night.",
            "It happened on 05-10 at noon.",
            "It measured 3.5-4.0 on the scale.",
            "a 24-14-yard loss",
            "in 2008-09",
            "flight XR7-200",
            "one of 2,000 cases",
            "won 12 of 10 games",
        ] {
            assert!(written(s).is_empty(), "{s}: {:?}", written(s));
        }
    }
}
