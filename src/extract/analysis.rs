//! One reading of a sentence: its tokens (words, numbers and marks, with byte spans and
//! folded forms) and where its clauses end. Frames are read from it; nothing re-splits
//! the sentence's words afterwards (issue 15, the start of issue 19's token table).

use crate::{config::frames::FrameRules, normalize::text, span::Span};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner apostrophes: "Manning's", "didn't").
    Word,
    /// Digits, with inner separators and decimals ("1,500", "5.9").
    Number,
    /// One punctuation character.
    Mark,
}

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the article.
    pub span: Span,
    /// Folded form (lower case, no accents); the character itself for a mark.
    pub folded: String,
    pub kind: TokenKind,
    /// Whether the token as written starts with a capital letter.
    pub capitalized: bool,
    /// Index of the clause it sits in, counted from 0 within the sentence.
    pub clause: usize,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// The word without a possessive ending ("manning's" -> Some("manning")).
    pub fn possessor(&self) -> Option<&str> {
        self.folded
            .strip_suffix("'s")
            .or_else(|| self.folded.strip_suffix("\u{2019}s"))
            .filter(|w| !w.is_empty())
    }
}

/// The tokens of one sentence.
#[derive(Debug, Clone, Default)]
pub struct SentenceAnalysis {
    pub tokens: Vec<Token>,
}

impl SentenceAnalysis {
    /// Read `sentence`, which starts at byte `offset` of its article.
    pub fn of(sentence: &str, offset: usize, rules: &FrameRules) -> Self {
        let mut tokens = Vec::new();
        let mut clause = 0;
        let mut chars = sentence.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            let (end, kind) = if c.is_ascii_digit() {
                let mut end = start + 1;
                while let Some(&(i, d)) = chars.peek() {
                    let inner_separator = matches!(d, ',' | '.')
                        && sentence[i + 1..]
                            .chars()
                            .next()
                            .is_some_and(|n| n.is_ascii_digit());
                    if d.is_ascii_digit() || inner_separator {
                        end = i + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                (end, TokenKind::Number)
            } else if c.is_alphanumeric() {
                let mut end = start + c.len_utf8();
                while let Some(&(i, d)) = chars.peek() {
                    let joins = matches!(d, '\'' | '\u{2019}')
                        && sentence[i + d.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric);
                    if d.is_alphanumeric() || joins {
                        end = i + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                (end, TokenKind::Word)
            } else {
                (start + c.len_utf8(), TokenKind::Mark)
            };
            let written = &sentence[start..end];
            let folded = if kind == TokenKind::Mark {
                written.to_owned()
            } else {
                text::fold(written)
            };
            if rules.clause_breaks.contains(&folded) {
                clause += 1;
            }
            tokens.push(Token {
                span: Span::new(offset + start, offset + end),
                capitalized: written.chars().next().is_some_and(char::is_uppercase),
                folded,
                kind,
                clause,
            });
        }
        Self { tokens }
    }

    /// Indices of the tokens inside `span` (first, one past the last); an empty range at
    /// the insertion point when none is.
    pub fn range_of(&self, span: Span) -> (usize, usize) {
        let first = self.tokens.partition_point(|t| t.span.end <= span.start);
        let end = self.tokens.partition_point(|t| t.span.start < span.end);
        (first, end.max(first))
    }

    /// The words of token range `from..to` (marks skipped, hyphens included), folded.
    pub fn words(&self, from: usize, to: usize) -> impl Iterator<Item = (usize, &Token)> {
        self.tokens[from.min(self.tokens.len())..to.min(self.tokens.len())]
            .iter()
            .enumerate()
            .map(move |(i, t)| (from + i, t))
            .filter(|(_, t)| t.kind != TokenKind::Mark)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;

    fn folded(s: &SentenceAnalysis) -> Vec<&str> {
        s.tokens.iter().map(|t| t.folded.as_str()).collect()
    }

    #[test]
    fn numbers_words_and_marks_are_tokens_with_spans() {
        let settings = Settings::builtin();
        let s = SentenceAnalysis::of(
            "Manning's 1,500.5 yards, (5.9-magnitude)",
            10,
            &settings.frames,
        );
        assert_eq!(
            folded(&s),
            [
                "manning's",
                "1,500.5",
                "yards",
                ",",
                "(",
                "5.9",
                "-",
                "magnitude",
                ")"
            ]
        );
        assert_eq!(s.tokens[1].span, Span::new(20, 27));
        assert_eq!(s.tokens[0].possessor(), Some("manning"));
        assert!(s.tokens[0].capitalized && !s.tokens[2].capitalized);
        assert_eq!(s.tokens[1].kind, TokenKind::Number);
    }

    #[test]
    fn clauses_end_at_breaks() {
        let settings = Settings::builtin();
        let s = SentenceAnalysis::of("Ten were killed and 50 injured", 0, &settings.frames);
        let clauses: Vec<usize> = s.tokens.iter().map(|t| t.clause).collect();
        assert_eq!(clauses, [0, 0, 0, 1, 1, 1]);
    }
}
