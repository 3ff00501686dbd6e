//! Quote claims: words in double quotes, with the speaker when the sentence names one.
//!
//! Attribution patterns: `"...," X said`, `"...," said X`, `X said "..."`, `X told
//! reporters`, `according to X`, `X wrote on X`; a pronoun speaker is resolved through
//! the article's people. A quote with no attribution of its own takes that of another
//! quote in the same sentence, or of the quote just before it when it stands alone, or of
//! the paragraph that introduces it with a colon ("In his exact words:").
//!
//! Every speaker goes through the article's `Directory` (issue 9): "Rubio" and "he" and
//! "the top U.S. diplomat" become the full name introduced earlier.

use crate::{
    config::Settings,
    extract::{
        Claim, ClaimKind, Quote, Value, context,
        people::{self, Directory, SPEECH_VERBS, is_title},
    },
    ingest::Article,
    normalize::text,
    span::Span,
};

/// A pair of quote marks in a paragraph: the inner text's span and the outer span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marks {
    pub inner: Span,
    pub outer: Span,
}

/// Quoted stretches of `para`, offsets relative to it.
pub fn find_marks(para: &str) -> Vec<Marks> {
    let mut found = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (offset of mark, its length)
    let mut curly = false;
    for (i, c) in para.char_indices() {
        match (c, open) {
            ('“', None) => {
                open = Some((i, c.len_utf8()));
                curly = true;
            }
            ('”', Some((start, len))) if curly => {
                found.push(Marks {
                    inner: Span::new(start + len, i),
                    outer: Span::new(start, i + c.len_utf8()),
                });
                open = None;
            }
            ('"', None) => {
                open = Some((i, 1));
                curly = false;
            }
            ('"', Some((start, len))) if !curly => {
                found.push(Marks {
                    inner: Span::new(start + len, i),
                    outer: Span::new(start, i + 1),
                });
                open = None;
            }
            _ => {}
        }
    }
    found
}

/// Trim whitespace and trailing commas from a quote's inner span.
fn trim_inner(para: &str, inner: Span) -> Span {
    let s = inner.slice(para);
    let lead = s.len() - s.trim_start().len();
    let trimmed = s
        .trim_start()
        .trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    Span::new(inner.start + lead, inner.start + lead + trimmed.len())
}

/// A speaker and whether it is a person the article names.
type Speaker = (String, bool);

/// Where the clause starting `s` ends: at `;`, `!`, `?`, a quote mark, or a period that
/// does not close an initial or abbreviation ("U.S.", "Sen.").
fn clause_end(s: &str, settings: &Settings) -> usize {
    for (i, c) in s.char_indices() {
        match c {
            ';' | '“' | '"' | '!' | '?' => return i,
            '.' => {
                let word = s[..i]
                    .rsplit(|c: char| c.is_whitespace() || c == '(')
                    .next()
                    .unwrap_or("");
                let bare = word.trim_start_matches(|c: char| !c.is_alphanumeric());
                let initial = bare.chars().count() == 1 && bare.chars().all(char::is_uppercase);
                let dotted = bare.contains('.');
                if !(initial || dotted || settings.abbreviations.contains(bare)) {
                    return i;
                }
            }
            _ => {}
        }
    }
    s.len()
}

/// Who the text right after a closing mark credits (`, Rubio said`, `, said X`,
/// `according to X`). `at` is the offset of that text in the article, for pronouns.
fn speaker_after(
    after: &str,
    at: usize,
    people: &Directory,
    settings: &Settings,
) -> Option<Speaker> {
    let clause_end = clause_end(after, settings);
    let clause = after[..clause_end].trim_start_matches([',', ' ', '—', '-']);
    // Offsets below are absolute: pronouns resolve at their own position.
    let at = at + (clause_end - clause.len());
    if let Some(i) = clause.find("according to ") {
        let from = i + "according to ".len();
        return name_at_start(&clause[from..], at + from, people, settings);
    }
    let words: Vec<(usize, usize, &str)> = text::words(clause).take(12).collect();
    let verb = words
        .iter()
        .position(|(_, _, w)| SPEECH_VERBS.contains(w))?;
    if verb == 0 {
        // `"...," said X`
        return name_at_start(&clause[words[0].1..], at + words[0].1, people, settings);
    }
    subject_before(&clause[..words[verb].0], at, people, settings)
}

/// A name at the start of `s` ("State Department spokesperson Dana Holt in a statement").
fn name_at_start(s: &str, at: usize, people: &Directory, settings: &Settings) -> Option<Speaker> {
    let s = s.trim_start();
    let end = clause_end(s, settings).min(s.find([',', '(']).unwrap_or(s.len()));
    // A name the article knows, whatever titles precede it ("U.S. Department of State
    // spokesperson Dana Holt").
    let known = text::words(&s[..end])
        .take_while(|(_, _, w)| {
            w.chars().next().is_some_and(char::is_uppercase)
                || is_title(w, settings)
                || settings.people.is_known_role(w)
                || *w == "of"
        })
        .filter(|(_, _, w)| w.chars().next().is_some_and(char::is_uppercase))
        .last()
        .and_then(|(_, _, w)| people.canonical(w).map(str::to_owned));
    if let Some(name) = known {
        return Some((name, true));
    }
    if let Some(name) = people.resolve_description(&s[..end], at, settings) {
        return Some((name.to_owned(), true));
    }
    let runs = people::capitalised_runs(&s[..end]);
    // The first run that holds a name; a title-only run ("State Department") is skipped.
    for run in &runs {
        let (_, name) = people::name_in_run(run, settings);
        if let (Some(first), Some(last)) = (name.first(), name.last()) {
            let written = people::strip_possessive(&s[first.0..last.1]);
            let next_run_is_name =
                runs.len() > 1 && name.len() == run.len() && people.canonical(written).is_none();
            if next_run_is_name {
                continue;
            }
            return Some(credit(written, at, people));
        }
    }
    None
}

/// Words between a subject and its speech verb ("has cautioned", "also said").
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "would",
    "will",
    "previously",
    "again",
    "further",
    "repeatedly",
    "publicly",
    "once",
    "earlier",
    "first",
    "had",
    "himself",
    "herself",
];

/// The subject that ends `s` ("Rubio", "he", "Rubio, a former senator,", "the top diplomat").
fn subject_before(s: &str, at: usize, people: &Directory, settings: &Settings) -> Option<Speaker> {
    let mut s = s.trim_end();
    while let Some((start, _, w)) = text::words(s).last() {
        if !BETWEEN_SUBJECT_AND_VERB.contains(&w.to_lowercase().as_str()) || start == 0 {
            break;
        }
        s = s[..start].trim_end();
    }
    if s.ends_with(',') {
        // An appositive: "Rubio, a former U.S. senator from Ohio," -> "Rubio".
        let inner = &s[..s.len() - 1];
        if let Some(comma) = inner.rfind(',') {
            s = inner[..comma].trim_end();
        }
    }
    let last_word = text::words(s).last()?;
    let lower = last_word.2.to_lowercase();
    if matches!(lower.as_str(), "he" | "she") {
        // A pronoun's person is a guess: credited, but never evidence of a misattribution.
        return people
            .resolve_pronoun(at + last_word.0)
            .map(|n| (n.to_owned(), false));
    }
    if last_word.2.chars().next().is_some_and(char::is_uppercase) {
        let runs = people::capitalised_runs(s);
        let run = runs.last()?;
        if run.last()?.1 != last_word.1 {
            return None;
        }
        let (_, name) = people::name_in_run(run, settings);
        let (first, last) = (name.first()?, name.last()?);
        return Some(credit(
            people::strip_possessive(&s[first.0..last.1]),
            at,
            people,
        ));
    }
    // A description ("The top U.S. diplomat"): the person the article gave that role,
    // else kept as written, from the clause start.
    let start = s.rfind([',', ';', ':']).map_or(0, |i| i + 1);
    let description = s[start..].trim();
    if let Some(name) = people.resolve_description(description, at, settings) {
        return Some((name.to_owned(), true));
    }
    let words = description.split_whitespace().count();
    (1..=6)
        .contains(&words)
        .then(|| (description.to_owned(), false))
}

fn credit(written: &str, at: usize, people: &Directory) -> Speaker {
    let is_pronoun = matches!(written.to_lowercase().as_str(), "he" | "she");
    let resolved = if is_pronoun {
        people.resolve_pronoun(at)
    } else {
        people.canonical(written)
    };
    match resolved {
        Some(name) => (name.to_owned(), !is_pronoun),
        None => (written.to_owned(), false),
    }
}

/// Who the paragraph before the one at byte `at` credits when it introduces what follows
/// with a colon ("On X, Bukele posted the following:", "In his exact words:"): the
/// subject of its speech verb, else the person a pronoun or name in its last sentence
/// refers to.
pub fn introduced_speaker(
    article: &Article,
    at: usize,
    people: &Directory,
    settings: &Settings,
) -> Option<Speaker> {
    let here = article
        .paragraphs
        .iter()
        .position(|p| p.start <= at && at < p.end.max(p.start + 1))?;
    let previous = article.paragraphs.get(here.checked_sub(1)?)?;
    let para = article.slice(*previous);
    if !para.trim_end().ends_with(':') {
        return None;
    }
    let last_sentence = article
        .sentences
        .iter()
        .rfind(|s| s.span.start >= previous.start && s.span.start < previous.end)
        .map_or(*previous, |s| s.span);
    let sentence = article.slice(last_sentence);
    let sentence_at = last_sentence.start;
    if let Some(found) = speaker_before(sentence, sentence_at, people, settings) {
        return Some(found);
    }
    for (start, _, word) in text::words(sentence) {
        let lower = word.to_lowercase();
        if matches!(lower.as_str(), "he" | "she" | "his" | "her") {
            return people
                .resolve_pronoun(sentence_at + start)
                .map(|n| (n.to_owned(), false));
        }
        if let Some(name) = people.canonical(word) {
            return Some((name.to_owned(), true));
        }
    }
    None
}

/// Who the sentence text before an opening mark credits (`Bukele said on X that ...`).
fn speaker_before(
    before: &str,
    at: usize,
    people: &Directory,
    settings: &Settings,
) -> Option<Speaker> {
    let words: Vec<(usize, usize, &str)> = text::words(before).collect();
    let verb = words
        .iter()
        .rposition(|(_, _, w)| SPEECH_VERBS.contains(w))?;
    subject_before(&before[..words[verb].0], at, people, settings)
}

/// The quote claims of one article.
pub fn extract(
    index: usize,
    article: &Article,
    people: &Directory,
    settings: &Settings,
) -> Vec<Claim> {
    let mut claims: Vec<Claim> = Vec::new();
    for (p, paragraph) in article.paragraphs.iter().enumerate() {
        let para = article.slice(*paragraph);
        let marks = find_marks(para);
        let mut found: Vec<(Span, Option<Speaker>, usize)> = Vec::new(); // (span in para, speaker, sentence index)
        for m in &marks {
            let inner = trim_inner(para, m.inner);
            let words = text::words(inner.slice(para)).count();
            if words < settings.thresholds.quote_min_words {
                continue;
            }
            let absolute = inner.shifted(paragraph.start);
            // The first sentence of this paragraph that ends after the quote starts.
            let sentence_index = article
                .sentence_ending_after(absolute.start)
                .filter(|&i| article.sentences[i].paragraph == p)
                .unwrap_or(0);
            let sentence_start = article
                .sentences
                .get(sentence_index)
                .map_or(paragraph.start, |s| s.span.start.max(paragraph.start))
                - paragraph.start;
            let after = &para[m.outer.end..];
            let before = &para[sentence_start.min(m.outer.start)..m.outer.start];
            let before_at = paragraph.start + sentence_start.min(m.outer.start);
            let mut speaker = speaker_after(after, paragraph.start + m.outer.end, people, settings)
                .or_else(|| speaker_before(before, before_at, people, settings));
            if speaker.is_none() && para[..m.outer.start].trim().is_empty() {
                // A paragraph that is all quote, introduced by the one before it.
                speaker = introduced_speaker(article, paragraph.start, people, settings);
            }
            found.push((inner, speaker, sentence_index));
        }
        // Quotes without attribution borrow it from a neighbour.
        for i in 0..found.len() {
            if found[i].1.is_some() {
                continue;
            }
            let sentence = found[i].2;
            let same_sentence = found
                .iter()
                .enumerate()
                .filter(|(j, f)| *j != i && f.2 == sentence && f.1.is_some())
                .map(|(_, f)| f.1.clone())
                .next()
                .flatten();
            let stands_alone = {
                let s = &article.sentences[sentence];
                let q = found[i].0.shifted(paragraph.start);
                s.span.start + 4 >= q.start && q.end + 4 >= s.span.end
            };
            let previous = if stands_alone && i > 0 {
                found[i - 1].1.clone()
            } else {
                None
            };
            found[i].1 = same_sentence.or(previous);
        }
        for (inner, speaker, sentence_index) in found {
            let span = inner.shifted(paragraph.start);
            let normalized = text::quote_form(span.slice(&article.text));
            let speaker_is_person = speaker.as_ref().is_some_and(|s| s.1);
            let speaker = speaker.map(|s| s.0);
            let subject = speaker
                .clone()
                .unwrap_or_else(|| "unattributed quote".to_owned());
            claims.push(Claim {
                id: String::new(),
                article: index,
                kind: ClaimKind::Quote,
                span,
                sentence: *paragraph,
                value: Value::Quote(Quote {
                    speaker,
                    normalized,
                    quoted: true,
                    speaker_is_person,
                }),
                subject,
                context: context::around(
                    article,
                    sentence_index.min(article.sentences.len().saturating_sub(1)),
                    settings,
                ),
            });
        }
    }
    claims
}

#[cfg(test)]
mod tests {
    use std::{path::PathBuf, sync::Arc};

    use super::*;

    fn quotes(text: &str) -> Vec<(String, Option<String>)> {
        let settings = Settings::builtin();
        let article = Article::from_text(PathBuf::from("a.txt"), Arc::from(text), &settings);
        let people = Directory::of(&article, &settings);
        extract(0, &article, &people, &settings)
            .into_iter()
            .map(|c| {
                let Value::Quote(q) = c.value else {
                    unreachable!("quote extractor yields quotes")
                };
                (article.slice(c.span).to_owned(), q.speaker)
            })
            .collect()
    }

    #[test]
    fn speaker_after_the_quote() {
        assert_eq!(
            quotes("“We will rebuild the bridge soon,” Mayor Ana Ruiz said on Monday."),
            [(
                "We will rebuild the bridge soon".to_owned(),
                Some("Ana Ruiz".to_owned())
            )]
        );
    }

    #[test]
    fn said_before_the_name() {
        let q = quotes("\"The river rose four metres overnight,\" said Governor Lee Park.");
        assert_eq!(q[0].1.as_deref(), Some("Lee Park"));
    }

    #[test]
    fn speaker_before_the_quote_and_appositive() {
        let text = "Mayor Ana Ruiz opened the bridge. Ruiz, a former engineer, said the work was “the best we have ever done.”";
        assert_eq!(quotes(text)[0].1.as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn a_pronoun_speaker_is_resolved() {
        let text = "Mayor Ana Ruiz spoke at the bridge. “It will open next week for all traffic,” she added.";
        assert_eq!(quotes(text)[0].1.as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn according_to_names_the_speaker() {
        let text = "The town \"will not raise taxes this year at all,\" according to council spokesperson Jo Hale.";
        assert_eq!(quotes(text)[0].1.as_deref(), Some("Jo Hale"));
    }

    #[test]
    fn short_scare_quotes_are_not_claims() {
        assert!(quotes("They called it a \"safe plan\" on Monday.").is_empty());
    }

    #[test]
    fn a_quote_standing_alone_keeps_the_previous_speaker() {
        let text = "“The flight was possible due to a waiver,” he added. “We are going to issue a broader one soon.”";
        let q = quotes(&format!("Secretary Lee Park spoke. {text}"));
        assert_eq!(q[1].1.as_deref(), Some("Lee Park"));
    }
}
