//! Source independence: copies of one story (the same wire text, one copy with page
//! clutter) form one independence group, so that they count once as corroboration.
//!
//! Articles are compared by word shingles. Candidates come from a sampled inverted index
//! (a shingle is indexed when its hash is 0 mod `SAMPLE`), so only articles that share
//! text are ever compared; each candidate pair is then checked exactly by containment
//! (shared shingles over the smaller article's shingles).

use std::{
    borrow::Cow,
    collections::HashMap,
    hash::{Hash, Hasher},
};

use petgraph::unionfind::UnionFind;
use rayon::prelude::*;

use crate::{config::Settings, ingest::Article, normalize::text};

/// One in `SAMPLE` shingles is indexed for finding candidate pairs.
const SAMPLE: u64 = 4;
/// A shingle found in more articles than this pairs each article with its neighbour in
/// the list only (not with every other article), so that candidates stay linear.
const MAX_POSTINGS: usize = 64;

/// Independence groups of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Groups {
    /// Group number (1-based, in order of each group's first article) per article.
    pub of_article: Vec<usize>,
    /// Article pairs whose shingles were compared exactly.
    pub comparisons: usize,
}

impl Groups {
    /// How many groups there are.
    pub fn count(&self) -> usize {
        self.of_article.iter().copied().max().unwrap_or(0)
    }
}

/// `text::quote_form` of one word from `text::words`.
fn word_form(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(text::quote_form(word))
    }
}

fn shingles(article: &Article, k: usize) -> Vec<u64> {
    // Streamed: only the last `k` words are kept, so a huge article costs its shingle
    // hashes, not a word list. Each word's quote form is borrowed when the word already is
    // one (plain lower-case ASCII): a `Cow<str>` hashes as the `String` it stands for,
    // and a shingle is hashed as the slice of its words, so the shingles are the same
    // numbers as before (issue 8) and the sample below picks the same ones.
    let k = k.max(1);
    let mut window: std::collections::VecDeque<Cow<'_, str>> = std::collections::VecDeque::new();
    let mut out: Vec<u64> = Vec::new();
    let mut compacted = 0;
    let hash = |window: &mut std::collections::VecDeque<Cow<'_, str>>| {
        let mut h = std::hash::DefaultHasher::new();
        let words: &[Cow<'_, str>] = window.make_contiguous();
        words.hash(&mut h);
        h.finish()
    };
    for p in &article.paragraphs {
        for (_, _, w) in text::words(article.slice(*p)) {
            window.push_back(word_form(w));
            if window.len() == k {
                out.push(hash(&mut window));
                window.pop_front();
                // Repeated text repeats shingles: dedup as we go, so memory follows the
                // distinct shingles (amortized: only when the list has doubled).
                if out.len() >= 2 * compacted + 4096 {
                    out.sort_unstable();
                    out.dedup();
                    compacted = out.len();
                }
            }
        }
    }
    if out.is_empty() && !window.is_empty() {
        // Fewer words than a shingle: the whole article is one shingle.
        out.push(hash(&mut window));
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Group the articles of a run.
pub fn group(articles: &[Article], settings: &Settings) -> Groups {
    let k = settings.thresholds.shingle_words;
    // Shingling reads every article again: on every core, like extraction (issue 19);
    // collected in article order, so the groups do not depend on the number of threads.
    let sets: Vec<Vec<u64>> = articles.par_iter().map(|a| shingles(a, k)).collect();
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, set) in sets.iter().enumerate() {
        for &h in set.iter().filter(|h| *h % SAMPLE == 0) {
            postings.entry(h).or_default().push(i);
        }
    }
    // Counted in a hash map (the order of unions does not change the groups).
    let mut pair_counts: HashMap<(usize, usize), usize> = HashMap::new();
    for list in postings.values().filter(|l| l.len() > 1) {
        if list.len() <= MAX_POSTINGS {
            for (x, &a) in list.iter().enumerate() {
                for &b in &list[x + 1..] {
                    *pair_counts.entry((a, b)).or_default() += 1;
                }
            }
        } else {
            // A shingle in very many articles is boilerplate or a story copied very many
            // times: pairing all of them would be quadratic, so each article meets only
            // its neighbour in the list. Copies of one story share many such shingles, so
            // their neighbour pairs pass the sample test and the exact check below, and
            // the chain of neighbours joins them all into one group.
            for pair in list.windows(2) {
                *pair_counts.entry((pair[0], pair[1])).or_default() += 1;
            }
        }
    }
    let mut union = UnionFind::<usize>::new(articles.len());
    let mut comparisons = 0;
    for (&(a, b), &sampled) in &pair_counts {
        let smaller = sets[a].len().min(sets[b].len()).max(1);
        // The sample lets through only pairs that could reach the threshold.
        if (sampled as f64)
            < settings.thresholds.independence_overlap * smaller as f64 / SAMPLE as f64 / 2.0
        {
            continue;
        }
        comparisons += 1;
        let overlap = shared(&sets[a], &sets[b]) as f64 / smaller as f64;
        if overlap >= settings.thresholds.independence_overlap {
            union.union(a, b);
        }
    }
    let mut numbers: HashMap<usize, usize> = HashMap::new();
    let of_article = (0..articles.len())
        .map(|i| {
            let root = union.find(i);
            let next = numbers.len() + 1;
            *numbers.entry(root).or_insert(next)
        })
        .collect();
    Groups {
        of_article,
        comparisons,
    }
}

#[cfg(test)]
mod tests {
    use std::{path::PathBuf, sync::Arc};

    use super::*;

    fn article(name: &str, text: &str, settings: &Settings) -> Article {
        Article::from_text(PathBuf::from(name), Arc::from(text), settings)
    }

    #[test]
    fn a_copy_with_clutter_is_one_group_with_its_original() {
        let settings = Settings::builtin();
        let story = "The river rose four metres overnight and flooded the lower town. \
            Officials said 112 people were moved to the school gym before dawn. \
            The mayor said the bridge would stay closed until engineers had inspected it. \
            Rain is expected to ease on Thursday, forecasters said.";
        let copy = format!(
            "{story}\nADVERTISEMENT\nLatest Stories\nSomething else entirely happened today."
        );
        let other = "A new library opened in the old post office on Main Street, with 40,000 books \
            and a reading room for children. Volunteers painted the walls over three weekends.";
        let articles = vec![
            article("a.txt", story, &settings),
            article("b.txt", &copy, &settings),
            article("c.txt", other, &settings),
        ];
        let groups = group(&articles, &settings);
        assert_eq!(groups.of_article, [1, 1, 2]);
    }

    #[test]
    fn shingles_hash_borrowed_words_as_the_owned_quote_forms() {
        let settings = Settings::builtin();
        let text = "“It’s over,” O’Neil said. THE Río rose 4 metres; it's Darién’s turn.";
        let a = article("a.txt", text, &settings);
        let owned: Vec<String> = a
            .paragraphs
            .iter()
            .flat_map(|p| text::words(a.slice(*p)).map(|(_, _, w)| text::quote_form(w)))
            .collect();
        let mut expected: Vec<u64> = owned
            .windows(3)
            .map(|w| {
                let mut h = std::hash::DefaultHasher::new();
                w.hash(&mut h);
                h.finish()
            })
            .collect();
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(shingles(&a, 3), expected);
    }
}
