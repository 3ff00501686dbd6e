//! The inputs of a run: articles, claim files (`*.toml`) beside or instead of them, and
//! `<!-- corroborate: ignore REASON -->` comments, turned into one list of articles and
//! one list of claims with every reviewer's edit applied.
//!
//! A claim file stands for its article: the article is still read (its text is needed
//! for spans, contexts and excerpts), but its claims come from the file. A stale claim
//! file is reported and its article left out of the run, like any unusable input.
//! Nothing here prints: every unusable input becomes an [`InputError`] in
//! [`Inputs::errors`], in the order it was met, for the caller to render.

use std::{
    collections::{BTreeMap, BTreeSet},
    path::{Path, PathBuf},
};

use crate::{
    claim_file::{self, ClaimFile, Ignored},
    config::Settings,
    extract::{self as extraction, Claim},
    ingest::{self, Article},
};

/// An input that could not be used; the run goes on with the others.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum InputError {
    /// A claim file that cannot be read, names no article or is stale.
    #[error(transparent)]
    #[diagnostic(transparent)]
    ClaimFile(#[from] claim_file::Error),
    /// An article that cannot be read.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Article(#[from] ingest::Error),
}

/// What the inputs hold, ready to reconcile.
#[derive(Debug, Default)]
pub struct Inputs {
    /// Articles, sorted by id.
    pub articles: Vec<Article>,
    /// Claims, sorted and numbered.
    pub claims: Vec<Claim>,
    /// Claims a reviewer marked `ignore = true`.
    pub ignored: Vec<Ignored>,
    /// Claim index -> reason, from `<!-- corroborate: ignore REASON -->`.
    pub suppressed: BTreeMap<usize, String>,
    /// Every file read (articles and claim files), so that nothing writes over one.
    pub files: Vec<PathBuf>,
    /// Inputs that could not be used, in the order they were met.
    pub errors: Vec<InputError>,
}

fn is_claim_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        // A rules file in a folder of claims is not a claim file.
        && path.file_name().is_none_or(|n| n != "rules.toml")
        // Nor are the source names beside articles (ingest::sidecar).
        && path.file_name().is_none_or(|n| n != crate::ingest::sidecar::FILE_NAME)
}

fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "txt" | "md" | "markdown"))
}

/// Split command-line paths into article inputs (files, folders, `-`) and claim files,
/// with the canonical paths of the article files among them (a claim file's article must
/// be one of these, or lie beside the claim file).
fn partition(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<PathBuf>, Vec<PathBuf>) {
    let mut articles = Vec::new();
    let mut claims = Vec::new();
    let mut given = Vec::new();
    for path in paths {
        if path.is_dir() {
            let files: Vec<PathBuf> = walkdir::WalkDir::new(path)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(walkdir::DirEntry::into_path)
                .collect();
            let toml: Vec<PathBuf> = files.iter().filter(|p| is_claim_file(p)).cloned().collect();
            given.extend(
                files
                    .iter()
                    .filter(|p| !is_claim_file(p))
                    .filter_map(|p| std::fs::canonicalize(p).ok()),
            );
            // A folder of claim files only is not a folder without articles.
            if toml.is_empty() || files.iter().any(|p| is_article(p)) {
                articles.push(path.clone());
            }
            claims.extend(toml);
        } else if is_claim_file(path) {
            claims.push(path.clone());
        } else {
            given.extend(std::fs::canonicalize(path).ok());
            articles.push(path.clone());
        }
    }
    given.sort();
    given.dedup();
    (articles, claims, given)
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

/// A claim file read, with the path of the article it stands for.
struct Read {
    path: PathBuf,
    file: ClaimFile,
    article: PathBuf,
}

/// Read every input, apply claim files and suppression comments, extract the rest,
/// calling `observe(done, total)` as article files are read (for a progress bar).
// claim_file::Error carries the file's text for its diagnostic; one per bad input.
#[allow(clippy::result_large_err)]
pub fn read(
    paths: &[PathBuf],
    settings: &Settings,
    options: ingest::Options,
    observe: &mut dyn FnMut(usize, usize),
) -> Inputs {
    let (direct, claim_paths, given) = partition(paths);
    let mut errors: Vec<InputError> = Vec::new();
    let mut read_files: Vec<Read> = Vec::new();
    for path in claim_paths {
        match ClaimFile::read_limited(&path, options.max_file_size)
            .and_then(|f| f.article_path(&path, &given).map(|a| (f, a)))
        {
            Ok((file, article)) => read_files.push(Read {
                path,
                file,
                article,
            }),
            Err(e) => errors.push(e.into()),
        }
    }
    let mut to_read = direct;
    // An article given directly (or in a folder given) is read under that name only, and
    // one named by two claim files once: read twice, it would get a second source id.
    let mut seen_articles: BTreeSet<PathBuf> = given.iter().cloned().collect();
    to_read.extend(
        read_files
            .iter()
            .map(|r| &r.article)
            .filter(|a| seen_articles.insert(canonical(a)))
            .cloned(),
    );
    let loaded = if to_read.is_empty() {
        ingest::Loaded::default()
    } else {
        ingest::load_with(&to_read, settings, options, observe)
    };
    errors.extend(loaded.errors.into_iter().map(InputError::from));
    let mut articles = loaded.articles;
    // An article given directly and through its claim file is read once.
    let mut seen = BTreeSet::new();
    articles.retain(|a| a.path.as_os_str() == "-" || seen.insert(canonical(&a.path)));

    let mut files: Vec<PathBuf> = articles.iter().map(|a| a.path.clone()).collect();
    files.extend(read_files.iter().map(|r| r.path.clone()));
    let file_of = match_claim_files(read_files, &mut articles, settings, &mut errors);
    let (claims, ignored) = claims_of(&articles, &file_of, settings);
    let suppressed = suppressions(&articles, &claims);
    Inputs {
        articles,
        claims,
        ignored,
        suppressed,
        files,
        errors,
    }
}

/// Each usable claim file under its article's canonical path. An article whose claim
/// file is stale, or that two claim files name, is left out of `articles`.
fn match_claim_files(
    read_files: Vec<Read>,
    articles: &mut Vec<Article>,
    settings: &Settings,
    errors: &mut Vec<InputError>,
) -> BTreeMap<PathBuf, (PathBuf, ClaimFile)> {
    let mut file_of: BTreeMap<PathBuf, (PathBuf, ClaimFile)> = BTreeMap::new();
    // Articles left out: a bad claim file, or two claim files for one article.
    let mut left_out: BTreeSet<PathBuf> = BTreeSet::new();
    for Read {
        path,
        file,
        article,
    } in read_files
    {
        let key = canonical(&article);
        let Some(a) = articles.iter().find(|a| canonical(&a.path) == key) else {
            continue; // the article could not be read: already among the errors
        };
        if let Some((first, _)) = file_of.get(&key) {
            errors.push(
                claim_file::Error::TwoFiles {
                    article: a.path.clone(),
                    first: first.clone(),
                    second: path.clone(),
                }
                .into(),
            );
            left_out.insert(key);
            continue;
        }
        if left_out.contains(&key) {
            continue;
        }
        match file.validate(&path, a, settings) {
            Ok(()) => {
                file_of.insert(key, (path, file));
            }
            Err(e) => {
                errors.push(e.into());
                left_out.insert(key);
            }
        }
    }
    if !left_out.is_empty() {
        file_of.retain(|key, _| !left_out.contains(key));
        articles.retain(|a| !left_out.contains(&canonical(&a.path)));
    }
    file_of
}

/// The claims of the run, numbered: extracted, except where a claim file gives an
/// article's claims; and the claims reviewers marked `ignore = true`.
fn claims_of(
    articles: &[Article],
    file_of: &BTreeMap<PathBuf, (PathBuf, ClaimFile)>,
    settings: &Settings,
) -> (Vec<Claim>, Vec<Ignored>) {
    let fresh = extraction::all(articles, settings);
    let mut claims = Vec::new();
    let mut ignored = Vec::new();
    // Without claim files the extracted claims are the run's: not regrouped per article
    // (a copy of every claim, and a huge article has very many).
    let per_article: Vec<Vec<Claim>> = if file_of.is_empty() {
        claims = fresh;
        Vec::new()
    } else {
        let mut per_article: Vec<Vec<Claim>> = vec![Vec::new(); articles.len()];
        for c in fresh {
            per_article[c.article].push(c);
        }
        per_article
    };
    for (i, list) in per_article.into_iter().enumerate() {
        match file_of.get(&canonical(&articles[i].path)) {
            Some((_, file)) => {
                let (kept, dropped) = file.apply(i, &articles[i], list, settings);
                claims.extend(kept);
                ignored.extend(dropped);
            }
            None => claims.extend(list),
        }
    }
    extraction::assign_ids(articles, &mut claims);
    (claims, ignored)
}

/// Claim index -> reason for each `<!-- corroborate: ignore REASON -->`: the comment
/// excuses the first claim after it in its article.
fn suppressions(articles: &[Article], claims: &[Claim]) -> BTreeMap<usize, String> {
    let mut suppressed = BTreeMap::new();
    for (ai, article) in articles.iter().enumerate() {
        for (end, reason) in claim_file::ignore_comments(article) {
            if let Some(ci) = claims
                .iter()
                .position(|c| c.article == ai && c.span.start >= end)
            {
                suppressed.insert(ci, reason);
            }
        }
    }
    suppressed
}

/// The index of the article that `path` names, directly or through its claim file.
pub fn article_of(articles: &[Article], path: &Path) -> Option<usize> {
    let target = if is_claim_file(path) {
        let file = ClaimFile::read(path).ok()?;
        let read: Vec<PathBuf> = articles.iter().map(|a| canonical(&a.path)).collect();
        canonical(&file.article_path(path, &read).ok()?)
    } else {
        canonical(path)
    };
    articles.iter().position(|a| canonical(&a.path) == target)
}
