//! Splitting paragraphs into sentences with byte spans.
//!
//! A period ends a sentence only when what follows looks like a new sentence (space,
//! then a capital, digit or opening quote) and what precedes is not an abbreviation
//! ("Mr.", "Jan."), an initial ("J.") or a dotted initialism ("U.S.").

use std::collections::HashSet;

use crate::span::Span;

/// Sentence spans inside `paragraph` (a span of `text`), trimmed of outer whitespace.
pub(crate) fn split(text: &str, paragraph: Span, abbreviations: &HashSet<String>) -> Vec<Span> {
    let body = &text[paragraph.start..paragraph.end];
    let bytes = body.as_bytes();
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            // Extend over repeated marks and closing quotes or brackets.
            let mut end = i + 1;
            while end < bytes.len()
                && matches!(
                    bytes[end],
                    b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']' | b'*' | b'_'
                )
            {
                end += 1;
            }
            while let Some(c) = body[end..].chars().next() {
                if matches!(c, '”' | '’' | '»') {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            if is_boundary(body, i, end, abbreviations) {
                push_trimmed(&mut sentences, body, start, end, paragraph.start);
                start = end;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    push_trimmed(&mut sentences, body, start, bytes.len(), paragraph.start);
    sentences
}

fn push_trimmed(out: &mut Vec<Span>, body: &str, start: usize, end: usize, base: usize) {
    let piece = &body[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Span::new(base + start + lead, base + end - trail));
    }
}

fn is_boundary(body: &str, mark: usize, end: usize, abbreviations: &HashSet<String>) -> bool {
    let after = &body[end..];
    let Some(first) = after.chars().next() else {
        return false; // the paragraph's end closes the last sentence anyway
    };
    if !first.is_whitespace() {
        return false;
    }
    // Markdown emphasis may open the next sentence (`**Later**, ...`).
    let next = after
        .trim_start()
        .trim_start_matches(['*', '_'])
        .chars()
        .next();
    let starts_sentence = next.is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '-')
    });
    if !starts_sentence {
        return false;
    }
    if body.as_bytes()[mark] != b'.' {
        return true;
    }
    let before = &body[..mark];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    if abbreviations.contains(word) || abbreviations.contains(&word.to_ascii_lowercase()) {
        return false;
    }
    // An initial ("J.") or a dotted initialism ("U.S.", "p.m.").
    let letters: Vec<&str> = word.split('.').collect();
    if letters
        .iter()
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
    {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let abbreviations = ["Mr", "Jan", "Gov"].iter().map(|s| s.to_string()).collect();
        split(text, Span::new(0, text.len()), &abbreviations)
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn abbreviations_and_initialisms_do_not_end_a_sentence() {
        assert_eq!(
            sentences("Mr. Smith went to the U.S. Embassy on Jan. 20. He left."),
            ["Mr. Smith went to the U.S. Embassy on Jan. 20.", "He left."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("He said “it is over.” Then he left! Why? Nobody knows."),
            [
                "He said “it is over.”",
                "Then he left!",
                "Why?",
                "Nobody knows."
            ]
        );
    }

    #[test]
    fn lower_case_after_a_period_continues_the_sentence() {
        assert_eq!(
            sentences("It cost 2.5 million. and more"),
            ["It cost 2.5 million. and more"]
        );
    }

    #[test]
    fn markdown_emphasis_neither_hides_nor_invents_a_boundary() {
        assert_eq!(
            sentences("It cost **5 dollars.** **Later** it rose. _Then_ it fell."),
            [
                "It cost **5 dollars.**",
                "**Later** it rose.",
                "_Then_ it fell."
            ]
        );
    }
}
