//! Canonical forms of words and quotes: case, accents, quote marks, dashes, spacing.

use std::borrow::Cow;

use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

/// Lower case without accents: "Darién" and "DARIEN" both become "darien".
pub fn fold(word: &str) -> String {
    // Plain ASCII (most words of English news) has no accents to strip: same result, no
    // decomposition.
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// [`fold`] without a copy when the word is already folded (plain lower-case ASCII, most
/// words of a sentence): the hot loops fold every word of every sentence.
pub fn folded(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(fold(word))
    }
}

/// The character starting at byte `at` of `text` (a character boundary), if any.
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(at..)?.chars().next(),
        None => None,
    }
}

/// The words of `text` (letters, digits and inner apostrophes), folded, with byte spans.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize, &str)> {
    // Walks bytes and decodes a character only outside ASCII: this runs over every
    // sentence several times (issue 8).
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = loop {
            let c = char_at(text, at)?;
            if c.is_alphanumeric() {
                break at;
            }
            at += c.len_utf8();
        };
        let mut end = start + char_at(text, start).map_or(1, char::len_utf8);
        while let Some(c) = char_at(text, end) {
            let next = end + c.len_utf8();
            let joins =
                matches!(c, '\'' | '’') && char_at(text, next).is_some_and(char::is_alphanumeric);
            if c.is_alphanumeric() || joins {
                end = next;
            } else {
                break;
            }
        }
        at = end;
        Some((start, end, &text[start..end]))
    })
}

/// A quote reduced to its words: folded, apostrophes straightened, punctuation and
/// spacing ignored. Two quotes that read the same aloud have the same form.
pub fn quote_form(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (_, _, word) in words(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in fold(word).chars() {
            out.push(if c == '’' { '\'' } else { c });
        }
    }
    out
}

/// The first `len` characters of a folded word: a crude stem that lets "migration" and
/// "migrants" meet.
pub fn stem(folded: &str, len: usize) -> String {
    let base = folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix("’s"))
        .unwrap_or(folded);
    base.chars().take(len).collect()
}

/// The singular of a lower-case English noun, by the common rules only.
pub fn singular(word: &str) -> String {
    const SAME: &[&str] = &[
        "people", "police", "staff", "news", "series", "species", "press", "bus", "gas", "dead",
    ];
    if SAME.contains(&word) || word.len() < 4 {
        return word.to_owned();
    }
    match word {
        "men" => return "man".into(),
        "women" => return "woman".into(),
        "children" => return "child".into(),
        "feet" => return "foot".into(),
        "bodies" => return "body".into(),
        _ => {}
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for suffix in ["sses", "shes", "ches", "xes"] {
        if word.ends_with(suffix) {
            return word[..word.len() - 2].to_owned();
        }
    }
    if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return word.to_owned();
    }
    word.strip_suffix('s').unwrap_or(word).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_fold_away() {
        assert_eq!(fold("Darién"), "darien");
    }

    #[test]
    fn quote_forms_ignore_marks_and_spacing() {
        assert_eq!(
            quote_form("“It’s  not good — for anyone.”"),
            quote_form("\"It's not good for anyone,\"")
        );
    }

    #[test]
    fn words_keep_inner_apostrophes() {
        let w: Vec<&str> = words("it’s the U.S. border").map(|(_, _, w)| w).collect();
        assert_eq!(w, ["it’s", "the", "U", "S", "border"]);
    }

    /// The character-by-character reading `words` replaced (kept to check it against).
    fn words_by_chars(text: &str) -> Vec<(usize, usize, &str)> {
        let mut chars = text.char_indices().peekable();
        std::iter::from_fn(move || {
            let (start, _) = chars.find(|(_, c)| c.is_alphanumeric())?;
            let mut end = start;
            while let Some(&(i, c)) = chars.peek() {
                let joins = matches!(c, '\'' | '’')
                    && text[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if c.is_alphanumeric() || joins {
                    end = i + c.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            if end == start {
                end = start + text[start..].chars().next().map_or(1, char::len_utf8);
            }
            Some((start, end, &text[start..end]))
        })
        .collect()
    }

    #[test]
    fn words_read_bytes_as_the_characters_would() {
        for text in [
            "",
            "a",
            "’",
            "it’s the U.S. border",
            "Darién’s 3,000 “migrants” — l'été'",
            "x' 'y ’’z 日本語 ٣٤ ok",
            "ends with é",
            "Ⅻ and ½ and ²",
        ] {
            assert_eq!(
                words(text).collect::<Vec<_>>(),
                words_by_chars(text),
                "{text}"
            );
        }
    }

    #[test]
    fn folded_borrows_only_what_is_already_folded() {
        assert!(matches!(folded("migrants"), Cow::Borrowed("migrants")));
        assert_eq!(folded("Darién"), "darien");
        assert_eq!(folded("DARIEN"), "darien");
    }

    #[test]
    fn plurals_become_singular() {
        assert_eq!(singular("migrants"), "migrant");
        assert_eq!(singular("countries"), "country");
        assert_eq!(singular("women"), "woman");
        assert_eq!(singular("people"), "people");
    }
}
