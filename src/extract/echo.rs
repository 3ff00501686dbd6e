//! Unquoted echoes: another source's quoted words found verbatim, without quote marks,
//! in an article (an embedded post, a block quote, a statement reprinted in full).
//!
//! One automaton of every quote's word form scans every article once, so the cost grows
//! with the total text, not with quotes times articles.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rayon::prelude::*;

use crate::{
    config::Settings,
    extract::{Claim, ClaimKind, Quote, Value, context},
    ingest::Article,
    normalize::text,
    span::{Span, SpanSet},
};

/// An article's kept text as folded words joined by single spaces, with the byte span
/// of each word in the article.
struct WordStream {
    text: String,
    /// (offset in `text`, span in the article) per word.
    words: Vec<(usize, Span)>,
}

fn stream(article: &Article) -> WordStream {
    let mut out = WordStream {
        text: String::new(),
        words: Vec::new(),
    };
    for paragraph in &article.paragraphs {
        for (start, end, word) in text::words(article.slice(*paragraph)) {
            if !out.text.is_empty() {
                out.text.push(' ');
            }
            out.words.push((
                out.text.len(),
                Span::new(paragraph.start + start, paragraph.start + end),
            ));
            out.text.push_str(&text::quote_form(word));
        }
    }
    out
}

/// Echo claims: for each quote of `claims` with enough words, every place in another
/// article where its words appear outside any quote of that article.
pub fn find(articles: &[Article], claims: &[Claim], settings: &Settings) -> Vec<Claim> {
    let min_words = settings.thresholds.echo_min_words;
    let mut forms: Vec<&str> = Vec::new();
    let mut form_index: HashMap<&str, usize> = HashMap::new();
    let mut speakers: Vec<Option<String>> = Vec::new();
    let mut sources: Vec<Vec<usize>> = Vec::new(); // articles quoting each form
    for claim in claims {
        let Value::Quote(q) = &claim.value else {
            continue;
        };
        if q.normalized.split(' ').count() < min_words {
            continue;
        }
        let i = *form_index.entry(q.normalized.as_str()).or_insert_with(|| {
            forms.push(q.normalized.as_str());
            speakers.push(q.speaker.clone());
            sources.push(Vec::new());
            forms.len() - 1
        });
        sources[i].push(claim.article);
    }
    if forms.is_empty() {
        return Vec::new();
    }
    // A contiguous NFA: the builder would pick a DFA for few forms, whose construction
    // (every state times every byte class) was 5% of a draft check, more than the search.
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&forms)
        .expect("quote forms are plain strings of bounded size");
    // The quotes of each article, gathered in one pass (not one pass per article).
    let mut quoted_in: Vec<Vec<Span>> = vec![Vec::new(); articles.len()];
    for c in claims {
        if c.kind == ClaimKind::Quote
            && let Some(list) = quoted_in.get_mut(c.article)
        {
            list.push(c.span);
        }
    }
    let quoted_in: Vec<SpanSet> = quoted_in.into_iter().map(SpanSet::new).collect();
    // Articles are scanned on every core; echoes are collected in article order.
    let per_article: Vec<Vec<Claim>> = articles
        .par_iter()
        .zip(quoted_in.par_iter())
        .enumerate()
        .map(|(a, (article, quoted))| {
            echoes_in(
                a, article, quoted, &automaton, &forms, &speakers, &sources, settings,
            )
        })
        .collect();
    per_article.into_iter().flatten().collect()
}

/// The echoes in article `a` (whose own quotes are at `quoted`).
#[allow(clippy::too_many_arguments)]
fn echoes_in(
    a: usize,
    article: &Article,
    quoted: &SpanSet,
    automaton: &AhoCorasick,
    forms: &[&str],
    speakers: &[Option<String>],
    sources: &[Vec<usize>],
    settings: &Settings,
) -> Vec<Claim> {
    let mut echoes = Vec::new();
    // Only quotes of other articles can echo here: without any, the article's word
    // stream (a copy of its text and a span per word) is not built at all.
    if sources.iter().all(|s| s.iter().all(|&s| s == a)) {
        return echoes;
    }
    {
        let stream = stream(article);
        let mut seen: std::collections::HashSet<Span> = std::collections::HashSet::new();
        for m in automaton.find_overlapping_iter(&stream.text) {
            let form = m.pattern().as_usize();
            if sources[form].iter().all(|&s| s == a) {
                continue;
            }
            let bytes = stream.text.as_bytes();
            let aligned = (m.start() == 0 || bytes[m.start() - 1] == b' ')
                && (m.end() == bytes.len() || bytes[m.end()] == b' ');
            if !aligned {
                continue;
            }
            let first = stream.words.partition_point(|(o, _)| *o < m.start());
            let last = stream.words.partition_point(|(o, _)| *o < m.end()) - 1;
            let span = Span::new(stream.words[first].1.start, stream.words[last].1.end);
            if quoted.overlaps(span) || !seen.insert(span) {
                continue;
            }
            let sentence_index = article.sentence_ending_after(span.start).unwrap_or(0);
            echoes.push(Claim {
                id: String::new(),
                article: a,
                kind: ClaimKind::Quote,
                span,
                sentence: article
                    .sentences
                    .get(sentence_index)
                    .map_or(span, |s| s.span),
                value: Value::Quote(Quote {
                    speaker: None,
                    normalized: forms[form].to_owned(),
                    quoted: false,
                    speaker_is_person: false,
                }),
                subject: speakers[form].clone().map_or_else(
                    || "unquoted words".to_owned(),
                    |s| format!("words of {s}, unquoted"),
                ),
                context: if article.sentences.is_empty() {
                    context::Context::default()
                } else {
                    context::around(article, sentence_index, settings)
                },
            });
        }
    }
    echoes
}
