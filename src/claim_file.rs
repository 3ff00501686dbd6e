//! Claim files (`claims/*.toml`): the reviewed claims of one article, written by
//! `extract --write`, edited by people, read back by `check`, `diff` and `coverage`.
//!
//! Owns the format (a `version`, the source id, the article path, then one `[[claim]]`
//! per claim sorted by byte offset, the quoted text kept beside its span), reading and
//! writing it (atomically, never over an existing file without `force`, never over an
//! input), telling a stale file from a fresh one, and turning entries back into claims
//! with the reviewer's edits applied. It does not extract or reconcile anything.

// An error is built once per unusable file; its size on the happy path costs nothing.
#![allow(clippy::result_large_err)]

use std::{
    path::{Path, PathBuf},
    sync::Arc,
};

use miette::{Diagnostic, LabeledSpan, NamedSource};
use serde::{Deserialize, Deserializer, Serialize};
use thiserror::Error;

use crate::{
    config::Settings,
    extract::{Claim, ClaimKind, Context, Qualifier, Quantity, Quote, Value, context},
    ingest::Article,
    normalize::text,
    span::Span,
};

/// The format version this build reads and writes.
pub const VERSION: u32 = 1;

/// What every claim file starts with: how to edit it.
const HEADER: &str = "\
# corroborate claim file: the claims of one article, in text order.
# Review it like code: correct a value, delete a false claim, set `ignore = true` with a
# `reason`, or add a [[claim]] by hand. `text`, `start` and `end` locate the claim in the
# article: do not edit them; if the article changes, extract again (`--force`).
";

/// One claim file: the claims of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ClaimFile {
    /// Format version ([`VERSION`]).
    pub version: u32,
    /// Source id of the article.
    pub source: String,
    /// Path of the article, relative to the claim file's folder (files written before
    /// that rule hold the path as given to `extract`, looked up from the current
    /// directory). The article must be an input or lie under the claim file's folder.
    pub article: String,
    /// The claims, sorted by (start, kind, end).
    #[serde(default, rename = "claim", skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Entry>,
}

/// One claim in a claim file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Entry {
    /// The id the claim had when extracted (informative; ids are renumbered per run).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub kind: ClaimKind,
    /// The article's text at `start..end`, to catch stale spans.
    pub text: String,
    /// UTF-8 byte offsets into the article file as read.
    pub start: usize,
    pub end: usize,
    /// A quantity's stated value.
    #[serde(
        default,
        deserialize_with = "number",
        skip_serializing_if = "Option::is_none"
    )]
    pub number: Option<f64>,
    /// A quantity's lower bound (absent when open below).
    #[serde(
        default,
        deserialize_with = "number",
        skip_serializing_if = "Option::is_none"
    )]
    pub low: Option<f64>,
    /// A quantity's upper bound (absent when open above).
    #[serde(
        default,
        deserialize_with = "number",
        skip_serializing_if = "Option::is_none"
    )]
    pub high: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// Unit name from rules.toml (`USD`, `percent`, `km`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Normalized counted thing (`persons`, `flight`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted: Option<String>,
    /// The counted noun phrase as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted_text: Option<String>,
    /// A quote's speaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// False for a quote's words found unquoted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quoted: Option<bool>,
    /// The reviewer says: do not use this claim.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ignore: bool,
    /// Why the claim is ignored (or any reviewer note).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Integers and floats both read as a number: a reviewer writes `45`, not `45.0`.
fn number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Number {
        Int(i64),
        Float(f64),
    }
    Ok(Option::<Number>::deserialize(d)?.map(|n| match n {
        Number::Int(i) => i as f64,
        Number::Float(f) => f,
    }))
}

/// A claim the reviewer marked `ignore = true`: left out of reconciliation, listed in
/// reports with its reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Ignored {
    /// Index of the article in the run.
    pub article: usize,
    pub kind: ClaimKind,
    pub span: Span,
    pub reason: Option<String>,
    /// The entry as written, to write it back unchanged.
    pub entry: Entry,
}

/// A claim file that cannot be used.
#[derive(Debug, Error, Diagnostic)]
pub enum Error {
    #[error("cannot read claim file `{path}`")]
    #[diagnostic(code(corroborate::claim_file::unreadable))]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("claim file `{path}` is not valid: {message}")]
    #[diagnostic(
        code(corroborate::claim_file::invalid),
        help("claim files are written by `corroborate extract PATHS --write DIR`; see the README")
    )]
    Invalid {
        path: PathBuf,
        message: String,
        #[source_code]
        src: NamedSource<Arc<str>>,
        #[label("here")]
        at: Option<miette::SourceSpan>,
    },
    #[error("claim file `{path}` has version {found}, this corroborate reads version {VERSION}")]
    #[diagnostic(
        code(corroborate::claim_file::version),
        help(
            "the file was written by another corroborate; use that one, or extract again with this one (`extract ARTICLE --write DIR --force`)"
        )
    )]
    Version { path: PathBuf, found: u32 },
    #[error(
        "claim file `{path}` has a span that does not fit its article: {claim} at {start}..{end} is {problem}"
    )]
    #[diagnostic(
        code(corroborate::claim_file::span),
        help(
            "`start` and `end` are UTF-8 byte offsets into the article, written by `extract`; this claim file and its article were left out. Extract again (`--force`) and re-apply your edits"
        )
    )]
    BadSpan {
        path: PathBuf,
        /// The claim's id, or its position in the file.
        claim: String,
        start: usize,
        end: usize,
        /// What is wrong, with the article's size where it helps.
        problem: String,
    },
    #[error("claim file `{path}` gives the id `{id}` to more than one claim")]
    #[diagnostic(
        code(corroborate::claim_file::duplicate_id),
        help("each claim needs its own id; renumber or delete the repeated one")
    )]
    DuplicateId { path: PathBuf, id: String },
    #[error("the article of claim file `{path}` cannot be found: `{article}`")]
    #[diagnostic(
        code(corroborate::claim_file::article_missing),
        help(
            "the article's text is needed to check and show the claims; give its path in `article`"
        )
    )]
    ArticleMissing { path: PathBuf, article: PathBuf },
    #[error("the article of claim file `{path}` is not among the inputs: `{article}`")]
    #[diagnostic(
        code(corroborate::claim_file::article_not_an_input),
        help(
            "a claim file's article must be given on the command line too (`check claims/ articles/`) or lie in the claim file's folder; nothing was read from it"
        )
    )]
    ArticleNotAnInput { path: PathBuf, article: PathBuf },
    #[error("claim file `{path}` gives {claim} an invalid value: {problem}")]
    #[diagnostic(
        code(corroborate::claim_file::bad_value),
        help(
            "`number`, `low` and `high` must be finite numbers, with `low` at most `high`; this claim file and its article were left out"
        )
    )]
    BadValue {
        path: PathBuf,
        /// The claim's id, or its position in the file.
        claim: String,
        problem: String,
    },
    #[error("article `{article}` has two claim files: `{first}` and `{second}`")]
    #[diagnostic(
        code(corroborate::claim_file::two_files),
        help(
            "which one holds the reviewed claims is unknown, so the article was left out; keep one claim file per article"
        )
    )]
    TwoFiles {
        article: PathBuf,
        first: PathBuf,
        second: PathBuf,
    },
    #[error("claim file `{path}` is stale: {count} claim(s) no longer match `{article}`")]
    #[diagnostic(
        code(corroborate::claim_file::stale),
        help(
            "the article changed since extraction; this claim file and its article were left out. Run `corroborate extract ARTICLE --write DIR --force` and re-apply your edits"
        )
    )]
    Stale {
        path: PathBuf,
        article: PathBuf,
        count: usize,
        #[source_code]
        src: NamedSource<Arc<str>>,
        #[label(collection)]
        spans: Vec<LabeledSpan>,
    },
    #[error("claim file `{path}` gives unknown unit `{unit}`")]
    #[diagnostic(
        code(corroborate::claim_file::unknown_unit),
        help("use a unit name from rules.toml [units], such as `USD` or `percent`")
    )]
    UnknownUnit { path: PathBuf, unit: String },
    #[error("`{path}` already exists")]
    #[diagnostic(
        code(corroborate::claim_file::exists),
        help("pass `--force` to overwrite it (reviewed edits in it will be lost)")
    )]
    Exists { path: PathBuf },
    #[error("refusing to write `{path}`: it is one of the inputs")]
    #[diagnostic(code(corroborate::claim_file::would_overwrite_input))]
    WouldOverwriteInput { path: PathBuf },
    #[error("cannot write `{path}`")]
    #[diagnostic(code(corroborate::claim_file::unwritable))]
    Unwritable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl ClaimFile {
    /// The claim file of `article` holding `claims` (all of them of that article).
    pub fn of(article: &Article, claims: &[&Claim]) -> Self {
        let mut entries: Vec<Entry> = claims.iter().map(|c| Entry::of(article, c)).collect();
        entries.sort_by_key(|e| (e.start, e.kind, e.end));
        Self {
            version: VERSION,
            source: article.id.clone(),
            article: article.display_path(),
            claims: entries,
        }
    }

    /// The file's text: header comment, then TOML. Same claims, same bytes.
    pub fn to_toml(&self) -> String {
        let body = toml::to_string(self).expect("claim files hold only strings and numbers");
        format!("{HEADER}{body}")
    }

    /// Parse a claim file's text; `path` is for messages.
    ///
    /// # Errors
    /// Invalid TOML, unknown keys, or an unsupported version.
    pub fn parse(path: &Path, text: &str) -> Result<Self, Error> {
        // The version is read first, on its own: a file of another version may have keys
        // this one does not know, and "unknown field" would hide the real problem.
        #[derive(Deserialize)]
        struct VersionOnly {
            version: Option<u32>,
        }
        if let Ok(VersionOnly {
            version: Some(found),
        }) = toml::from_str::<VersionOnly>(text)
            && found != VERSION
        {
            return Err(Error::Version {
                path: path.to_owned(),
                found,
            });
        }
        let file: ClaimFile = toml::from_str(text).map_err(|e| Error::Invalid {
            path: path.to_owned(),
            message: e.message().to_owned(),
            src: NamedSource::new(path.display().to_string(), Arc::from(text)),
            at: e.span().map(|s| (s.start, s.len()).into()),
        })?;
        if file.version != VERSION {
            return Err(Error::Version {
                path: path.to_owned(),
                found: file.version,
            });
        }
        // A repeated id means a hand edit went wrong (a copied entry): which one the
        // reviewer meant is unknown, so the file is not used.
        let mut seen = std::collections::BTreeSet::new();
        for id in file.claims.iter().filter_map(|c| c.id.as_deref()) {
            if !seen.insert(id) {
                return Err(Error::DuplicateId {
                    path: path.to_owned(),
                    id: id.to_owned(),
                });
            }
        }
        Ok(file)
    }

    /// Read and parse a claim file (at most the default `--max-file-size`).
    ///
    /// # Errors
    /// The file cannot be read or parsed.
    pub fn read(path: &Path) -> Result<Self, Error> {
        Self::read_limited(path, crate::ingest::DEFAULT_MAX_FILE_SIZE)
    }

    /// Read and parse a claim file of at most `limit` bytes. A FIFO, socket or device is
    /// refused without blocking.
    ///
    /// # Errors
    /// The file cannot be read, is not a regular file, is too large, or cannot be parsed.
    pub fn read_limited(path: &Path, limit: u64) -> Result<Self, Error> {
        let unreadable = |source| Error::Unreadable {
            path: path.to_owned(),
            source,
        };
        let bytes = crate::ingest::read_regular(path, limit)
            .map_err(|failure| unreadable(failure.into()))?;
        let text = String::from_utf8(bytes)
            .map_err(|e| unreadable(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))?;
        Self::parse(path, &text)
    }

    /// Where the article is: `article` relative to the claim file's folder (an absolute
    /// path as it is), else, for files written before claim files said so, relative to
    /// the current directory. The article must be one of `inputs` (canonical paths of the
    /// articles given on the command line) or lie under the claim file's folder: a claim
    /// file cannot make corroborate read (and print) any other file.
    ///
    /// # Errors
    /// Neither place holds the article, or it is neither an input nor beside the file.
    pub fn article_path(&self, claim_file: &Path, inputs: &[PathBuf]) -> Result<PathBuf, Error> {
        let written = PathBuf::from(&self.article);
        let dir = claim_file
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let beside = dir.join(&written);
        let home = std::fs::canonicalize(dir).ok();
        let mut outside = None;
        let candidates = std::iter::once(beside.clone())
            .chain((written.is_relative() && written != beside).then(|| written.clone()));
        for candidate in candidates {
            let Ok(canonical) = std::fs::canonicalize(&candidate) else {
                continue;
            };
            if inputs.contains(&canonical)
                || home.as_ref().is_some_and(|h| canonical.starts_with(h))
            {
                return Ok(candidate);
            }
            outside.get_or_insert(candidate);
        }
        match outside {
            Some(article) => Err(Error::ArticleNotAnInput {
                path: claim_file.to_owned(),
                article,
            }),
            None => Err(Error::ArticleMissing {
                path: claim_file.to_owned(),
                article: beside,
            }),
        }
    }

    /// Check the file against its article: every entry's text must still be at its span
    /// and every unit must be known.
    ///
    /// # Errors
    /// `Stale` listing the spans that moved, or `UnknownUnit`.
    pub fn validate(
        &self,
        path: &Path,
        article: &Article,
        settings: &Settings,
    ) -> Result<(), Error> {
        let mut spans = Vec::new();
        for (n, e) in self.claims.iter().enumerate() {
            let text = &article.text;
            let problem = if e.start > e.end {
                Some("reversed (its start is after its end)".to_owned())
            } else if e.end > text.len() {
                Some(format!(
                    "past the end of `{}` ({} bytes)",
                    article.display_path(),
                    text.len()
                ))
            } else if !(text.is_char_boundary(e.start) && text.is_char_boundary(e.end)) {
                Some(format!(
                    "inside a character of `{}` (offsets must fall between characters)",
                    article.display_path()
                ))
            } else {
                None
            };
            let name = || {
                e.id.as_ref()
                    .map_or_else(|| format!("claim {}", n + 1), |id| format!("`{id}`"))
            };
            if let Some(problem) = e.value_problem() {
                return Err(Error::BadValue {
                    path: path.to_owned(),
                    claim: name(),
                    problem,
                });
            }
            if let Some(problem) = problem {
                return Err(Error::BadSpan {
                    path: path.to_owned(),
                    claim: name(),
                    start: e.start,
                    end: e.end,
                    problem,
                });
            }
            // In bounds and on character boundaries: checked just above.
            let found = &text[e.start..e.end];
            if found != e.text {
                // The label quotes the claim file only: the article's own text is in the
                // snippet, and the article is an input of the run (see `article_path`).
                spans.push(LabeledSpan::new(
                    Some(format!("claim file expects `{}`", shorten(&e.text))),
                    e.start,
                    e.end - e.start,
                ));
            }
            if let Some(unit) = &e.unit
                && !settings.units.iter().any(|u| &u.name == unit)
            {
                return Err(Error::UnknownUnit {
                    path: path.to_owned(),
                    unit: unit.clone(),
                });
            }
        }
        if spans.is_empty() {
            return Ok(());
        }
        Err(Error::Stale {
            path: path.to_owned(),
            article: article.path.clone(),
            count: spans.len(),
            src: NamedSource::new(article.display_path(), article.text.clone()),
            spans,
        })
    }

    /// The claims of the file, edits applied: extracted claims (`fresh`, this article's
    /// claims from this run) matched by kind and span take the entry's values; entries
    /// with no match are claims added by hand; fresh claims with no entry were deleted.
    /// Call [`ClaimFile::validate`] first.
    pub fn apply(
        &self,
        index: usize,
        article: &Article,
        fresh: Vec<Claim>,
        settings: &Settings,
    ) -> (Vec<Claim>, Vec<Ignored>) {
        let mut fresh: Vec<Option<Claim>> = fresh.into_iter().map(Some).collect();
        let mut claims = Vec::new();
        let mut ignored = Vec::new();
        for e in &self.claims {
            let span = Span::new(e.start, e.end.max(e.start));
            if e.ignore {
                ignored.push(Ignored {
                    article: index,
                    kind: e.kind,
                    span,
                    reason: e.reason.clone(),
                    entry: e.clone(),
                });
                continue;
            }
            let matched = fresh
                .iter_mut()
                .find(|c| {
                    c.as_ref()
                        .is_some_and(|c| c.kind == e.kind && c.span == span)
                })
                .and_then(Option::take);
            let claim = match matched {
                Some(mut claim) => {
                    e.edit(&mut claim, settings);
                    claim
                }
                None => match e.to_claim(index, article, settings) {
                    Some(claim) => claim,
                    // Dates and durations are always read from the text; an entry the
                    // extractor does not find there is not invented.
                    None => continue,
                },
            };
            claims.push(claim);
        }
        (claims, ignored)
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_owned()
    }
}

impl Entry {
    /// What is wrong with the entry's figures: not finite, or bounds the wrong way round.
    fn value_problem(&self) -> Option<String> {
        for (key, value) in [
            ("number", self.number),
            ("low", self.low),
            ("high", self.high),
        ] {
            if let Some(v) = value
                && !v.is_finite()
            {
                return Some(format!("`{key}` is {v}, not a finite number"));
            }
        }
        match (self.low, self.high) {
            (Some(low), Some(high)) if low > high => {
                Some(format!("`low` ({low}) is greater than `high` ({high})"))
            }
            _ => None,
        }
    }

    fn of(article: &Article, claim: &Claim) -> Self {
        let mut entry = Entry {
            id: Some(claim.id.clone()),
            kind: claim.kind,
            text: article.slice(claim.span).to_owned(),
            start: claim.span.start,
            end: claim.span.end,
            number: None,
            low: None,
            high: None,
            qualifier: None,
            unit: None,
            counted: None,
            counted_text: None,
            speaker: None,
            quoted: None,
            ignore: false,
            reason: None,
        };
        match &claim.value {
            Value::Quantity(q) => {
                entry.number = q.number;
                entry.low = q.low;
                entry.high = q.high;
                entry.qualifier = Some(q.qualifier);
                entry.unit = q.unit.clone();
                entry.counted = q.counted.clone();
                entry.counted_text = q.counted_text.clone();
            }
            Value::Quote(q) => {
                entry.speaker = q.speaker.clone();
                entry.quoted = Some(q.quoted);
            }
            // Dates and durations keep their text and span; their values are re-read.
            _ => {}
        }
        entry
    }

    /// Apply the entry's values to the extracted claim it names.
    fn edit(&self, claim: &mut Claim, settings: &Settings) {
        match &mut claim.value {
            Value::Quantity(q) => {
                if let Some(qualifier) = self.qualifier
                    && qualifier != q.qualifier
                {
                    q.qualifier = qualifier;
                    q.low_inclusive = qualifier != Qualifier::MoreThan;
                    q.high_inclusive = qualifier != Qualifier::LessThan;
                }
                if self.number != q.number {
                    let bounds_untouched = self.low == q.low && self.high == q.high;
                    match (self.number, q.number) {
                        (Some(new), Some(old)) if bounds_untouched && old != 0.0 => {
                            // The reviewer corrected the figure: its bounds move with it.
                            let ratio = new / old;
                            q.low = q.low.map(|x| x * ratio);
                            q.high = q.high.map(|x| x * ratio);
                        }
                        (Some(new), _) if bounds_untouched => {
                            q.low = Some(new);
                            q.high = Some(new);
                        }
                        _ => {
                            q.low = self.low;
                            q.high = self.high;
                        }
                    }
                    q.number = self.number;
                    // The enumerated parts no longer add up to the corrected figure.
                    q.parts.clear();
                } else if self.low != q.low || self.high != q.high {
                    q.low = self.low;
                    q.high = self.high;
                }
                if self.unit != q.unit {
                    set_unit(q, self.unit.as_deref(), settings);
                }
                if self.counted != q.counted {
                    q.counted.clone_from(&self.counted);
                }
                if self.counted_text != q.counted_text {
                    q.counted_text.clone_from(&self.counted_text);
                    if let Some(t) = &self.counted_text {
                        claim.subject.clone_from(t);
                    }
                }
            }
            Value::Quote(q) => {
                if self.speaker != q.speaker {
                    q.speaker.clone_from(&self.speaker);
                }
                if let Some(quoted) = self.quoted {
                    q.quoted = quoted;
                }
            }
            // Dates and durations are re-read from the text, not edited.
            _ => {}
        }
    }

    /// A claim added by hand.
    fn to_claim(&self, index: usize, article: &Article, settings: &Settings) -> Option<Claim> {
        let span = Span::new(self.start, self.end.max(self.start));
        let sentence = article
            .sentences
            .iter()
            .position(|s| s.span.contains(span))
            .or_else(|| {
                article
                    .sentences
                    .iter()
                    .position(|s| s.span.start <= span.start && span.start < s.span.end)
            });
        let (sentence_span, context) = match sentence {
            Some(i) => (
                article.sentences[i].span,
                context::around(article, i, settings),
            ),
            None => (span, Context::default()),
        };
        let (value, subject) = match self.kind {
            ClaimKind::Quantity => {
                let qualifier = self.qualifier.unwrap_or(Qualifier::Exact);
                let mut q = Quantity {
                    number: self.number,
                    low: self.low.or(self.number),
                    high: self.high.or(match qualifier {
                        Qualifier::Exact => self.number,
                        _ => None,
                    }),
                    low_inclusive: qualifier != Qualifier::MoreThan,
                    high_inclusive: qualifier != Qualifier::LessThan,
                    qualifier,
                    unit: None,
                    dimension: None,
                    base_factor: 1.0,
                    base_offset: 0.0,
                    counted: self.counted.clone(),
                    counted_text: self.counted_text.clone(),
                    parts: Vec::new(),
                    subset: false,
                    unit_prefix: String::new(),
                    unit_suffix: String::new(),
                    vague_phrase: None,
                };
                set_unit(&mut q, self.unit.as_deref(), settings);
                let subject = self
                    .counted_text
                    .clone()
                    .or_else(|| self.unit.clone())
                    .unwrap_or_else(|| "amount".to_owned());
                (Value::Quantity(q), subject)
            }
            ClaimKind::Date | ClaimKind::Duration | ClaimKind::Role => return None,
            ClaimKind::Quote => (
                Value::Quote(Quote {
                    speaker: self.speaker.clone(),
                    normalized: text::quote_form(&self.text),
                    quoted: self.quoted.unwrap_or(true),
                    // A reviewer named the speaker: taken as a person for attribution checks.
                    speaker_is_person: self.speaker.is_some(),
                }),
                self.speaker
                    .clone()
                    .unwrap_or_else(|| "unnamed speaker".to_owned()),
            ),
        };
        Some(Claim {
            id: String::new(),
            article: index,
            kind: self.kind,
            span,
            sentence: sentence_span,
            value,
            subject,
            context,
        })
    }
}

/// Give a quantity the unit named `name` (from rules.toml), or none.
fn set_unit(q: &mut Quantity, name: Option<&str>, settings: &Settings) {
    let unit = name.and_then(|n| settings.units.iter().find(|u| u.name == n));
    q.unit = unit.map(|u| u.name.clone());
    q.dimension = unit.map(|u| u.dimension.clone());
    q.base_factor = unit.map_or(1.0, |u| u.factor);
    q.base_offset = unit.map_or(0.0, |u| u.offset);
    q.unit_prefix = unit
        .filter(|u| u.dimension == "currency")
        .and_then(|u| u.symbols.first())
        .map(|s| s.trim_end().to_owned())
        .unwrap_or_default();
    q.unit_suffix = match unit {
        Some(u) if u.name == "percent" => "%".to_owned(),
        Some(u) if u.dimension == "currency" && !u.symbols.is_empty() => String::new(),
        Some(u) => format!(" {}", u.aliases.first().unwrap_or(&u.name)),
        None => String::new(),
    };
}

/// The file name of a source's claim file: its id with path separators replaced.
pub fn file_name(source: &str) -> String {
    let safe: String = source
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':') {
                '-'
            } else {
                c
            }
        })
        .collect();
    format!("{safe}.toml")
}

/// The file name of a source's claim file not yet in `taken` (names given in this run,
/// lower-cased, since some file systems ignore case): [`file_name`], else with `~2`,
/// `~3`... before `.toml`. The name returned is added to `taken`.
pub fn unique_file_name(source: &str, taken: &mut std::collections::BTreeSet<String>) -> String {
    let base = file_name(source);
    let mut name = base.clone();
    let mut n = 1;
    while !taken.insert(name.to_lowercase()) {
        n += 1;
        name = format!("{}~{n}.toml", base.trim_end_matches(".toml"));
    }
    name
}

/// The `article` field of a claim file written into `dir`: the article's path relative to
/// `dir` (so the file works from any working directory), or as given when either cannot
/// be resolved (standard input, a folder not created).
pub fn article_field(article: &Path, dir: &Path) -> String {
    let (Ok(to), Ok(from)) = (std::fs::canonicalize(article), std::fs::canonicalize(dir)) else {
        return article.display().to_string();
    };
    let to: Vec<_> = to.components().collect();
    let from: Vec<_> = from.components().collect();
    let common = to.iter().zip(&from).take_while(|(a, b)| a == b).count();
    let mut relative = PathBuf::new();
    for _ in common..from.len() {
        relative.push("..");
    }
    for part in &to[common..] {
        relative.push(part);
    }
    relative.display().to_string()
}

/// Write `bytes` to `path` atomically (see [`crate::safe_write`]), never
/// over an existing file unless `force`, never over one of `inputs`.
///
/// # Errors
/// The file exists (without `force`), is an input, or cannot be written.
pub fn write_new(path: &Path, bytes: &[u8], force: bool, inputs: &[PathBuf]) -> Result<(), Error> {
    let canonical = |p: &Path| std::fs::canonicalize(p).ok();
    if let Some(target) = canonical(path)
        && inputs
            .iter()
            .filter_map(|i| canonical(i))
            .any(|i| i == target)
    {
        return Err(Error::WouldOverwriteInput {
            path: path.to_owned(),
        });
    }
    if path.exists() && !force {
        return Err(Error::Exists {
            path: path.to_owned(),
        });
    }
    let unwritable = |source| Error::Unwritable {
        path: path.to_owned(),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(unwritable)?;
    crate::safe_write::write(path, bytes).map_err(unwritable)
}

/// `<!-- corroborate: ignore REASON -->` comments of an article: (end of the comment,
/// reason). Each suppresses the finding of the claim that follows it.
pub fn ignore_comments(article: &Article) -> Vec<(usize, String)> {
    const OPEN: &str = "<!--";
    let text = &article.text;
    let mut out = Vec::new();
    let mut from = article.body_start;
    while let Some(found) = text.get(from..).and_then(|t| t.find(OPEN)) {
        let start = from + found + OPEN.len();
        let Some(close) = text[start..].find("-->") else {
            break;
        };
        let inside = text[start..start + close].trim();
        let end = start + close + 3;
        if let Some(rest) = inside.strip_prefix("corroborate:")
            && let Some(reason) = rest.trim_start().strip_prefix("ignore")
            && (reason.is_empty() || reason.starts_with(char::is_whitespace))
        {
            out.push((end, reason.trim().to_owned()));
        }
        from = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract;

    fn article(text: &str) -> (Settings, Vec<Article>) {
        let settings = Settings::builtin();
        let a = Article::from_text(PathBuf::from("story.txt"), Arc::from(text), &settings);
        (settings, vec![a])
    }

    const STORY: &str = "Officials said 112 people were moved to the school gym on Tuesday.\n\
        \"We were lucky the wind turned,\" said fire chief Dana Holt.\n\
        The fire caused about $4.2 million in damage.\n";

    fn file_of(story: &str) -> (Settings, Vec<Article>, ClaimFile) {
        let (settings, articles) = article(story);
        let claims = extract::all(&articles, &settings);
        let refs: Vec<&Claim> = claims.iter().collect();
        let file = ClaimFile::of(&articles[0], &refs);
        (settings, articles, file)
    }

    #[test]
    fn reading_what_was_written_gives_it_back() {
        let (_, _, file) = file_of(STORY);
        assert!(file.claims.len() >= 3);
        let text = file.to_toml();
        let back = ClaimFile::parse(Path::new("x.toml"), &text).expect("parses");
        assert_eq!(back, file);
    }

    #[test]
    fn rewriting_unchanged_claims_gives_identical_bytes() {
        let (_, _, file) = file_of(STORY);
        let once = file.to_toml();
        let twice = ClaimFile::parse(Path::new("x.toml"), &once)
            .expect("parses")
            .to_toml();
        assert_eq!(once, twice);
    }

    #[test]
    fn entries_are_sorted_by_offset() {
        let (_, _, file) = file_of(STORY);
        assert!(file.claims.windows(2).all(|w| w[0].start <= w[1].start));
    }

    #[test]
    fn an_edited_value_moves_its_bounds() {
        let (settings, articles, mut file) = file_of(STORY);
        let fresh = extract::all(&articles, &settings);
        let text = file.to_toml().replace("number = 112.0", "number = 120");
        file = ClaimFile::parse(Path::new("x.toml"), &text).expect("integer reads as number");
        file.validate(Path::new("x.toml"), &articles[0], &settings)
            .expect("not stale");
        let (claims, _) = file.apply(0, &articles[0], fresh, &settings);
        let q = claims
            .iter()
            .find_map(|c| {
                c.quantity()
                    .filter(|q| q.counted.as_deref() == Some("persons"))
            })
            .expect("the people figure");
        assert_eq!(
            (q.number, q.low, q.high),
            (Some(120.0), Some(120.0), Some(120.0))
        );
    }

    #[test]
    fn deleted_and_ignored_claims_are_not_used() {
        let (settings, articles, mut file) = file_of(STORY);
        let fresh = extract::all(&articles, &settings);
        let n = file.claims.len();
        file.claims.remove(0);
        file.claims[0].ignore = true;
        file.claims[0].reason = Some("a mistake".into());
        let (claims, ignored) = file.apply(0, &articles[0], fresh, &settings);
        assert_eq!(claims.len(), n - 2);
        assert_eq!(ignored.len(), 1);
        assert_eq!(ignored[0].reason.as_deref(), Some("a mistake"));
    }

    #[test]
    fn a_claim_added_by_hand_is_used() {
        let (settings, articles, mut file) = file_of(STORY);
        let fresh = extract::all(&articles, &settings);
        let start = STORY.find("school gym").expect("in story");
        file.claims.push(Entry {
            id: None,
            kind: ClaimKind::Quantity,
            text: "school gym".into(),
            start,
            end: start + "school gym".len(),
            number: Some(1.0),
            low: None,
            high: None,
            qualifier: None,
            unit: None,
            counted: Some("gym".into()),
            counted_text: None,
            speaker: None,
            quoted: None,
            ignore: false,
            reason: None,
        });
        file.validate(Path::new("x.toml"), &articles[0], &settings)
            .expect("the span holds the text");
        let (claims, _) = file.apply(0, &articles[0], fresh, &settings);
        let added = claims
            .iter()
            .find(|c| c.span.start == start)
            .expect("added");
        assert_eq!(added.quantity().and_then(|q| q.high), Some(1.0));
        assert!(!added.context.terms.is_empty(), "context from its sentence");
    }

    #[test]
    fn a_changed_article_makes_the_file_stale() {
        let (settings, _, file) = file_of(STORY);
        let (_, changed) = article(&STORY.replace("112", "119"));
        let err = file
            .validate(Path::new("x.toml"), &changed[0], &settings)
            .expect_err("stale");
        assert!(matches!(err, Error::Stale { count: 1, .. }));
        // Spans past the end of a shorter article are reported as such.
        let (_, shorter) = article("Officials said.");
        assert!(matches!(
            file.validate(Path::new("x.toml"), &shorter[0], &settings),
            Err(Error::BadSpan { .. })
        ));
    }

    #[test]
    fn a_repeated_claim_id_is_rejected_issue_7() {
        let text = "version = 1\nsource = \"a\"\narticle = \"a.txt\"\n\n[[claim]]\nid = \"a:1\"\nkind = \"quote\"\ntext = \"x y z w\"\nstart = 0\nend = 7\n\n[[claim]]\nid = \"a:1\"\nkind = \"quote\"\ntext = \"x y z w\"\nstart = 0\nend = 7\n";
        match ClaimFile::parse(Path::new("claims/a.toml"), text) {
            Err(Error::DuplicateId { id, .. }) => assert_eq!(id, "a:1"),
            other => panic!("expected a duplicate id error, got {other:?}"),
        }
    }

    #[test]
    fn unknown_keys_and_versions_are_rejected() {
        let (_, _, file) = file_of(STORY);
        let text = file.to_toml().replacen("version = 1", "version = 9", 1);
        assert!(matches!(
            ClaimFile::parse(Path::new("x.toml"), &text),
            Err(Error::Version { found: 9, .. })
        ));
        let text = file
            .to_toml()
            .replacen("[[claim]]", "[[claim]]\nvalue = 3", 1);
        assert!(matches!(
            ClaimFile::parse(Path::new("x.toml"), &text),
            Err(Error::Invalid { .. })
        ));
    }

    #[test]
    fn existing_files_and_inputs_are_not_overwritten() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.toml");
        write_new(&path, b"one", false, &[]).expect("new file");
        assert!(matches!(
            write_new(&path, b"two", false, &[]),
            Err(Error::Exists { .. })
        ));
        write_new(&path, b"two", true, &[]).expect("forced");
        assert_eq!(std::fs::read(&path).expect("read"), b"two");
        assert!(matches!(
            write_new(&path, b"three", true, std::slice::from_ref(&path)),
            Err(Error::WouldOverwriteInput { .. })
        ));
        let leftovers = std::fs::read_dir(dir.path()).expect("dir").count();
        assert_eq!(leftovers, 1, "no temporary file left behind");
    }

    #[test]
    fn ignore_comments_carry_their_reason() {
        let (_, articles) = article(
            "Intro.\n<!-- corroborate: ignore checked by phone -->\nIt cost 5 dollars.\n<!-- other -->\n",
        );
        let found = ignore_comments(&articles[0]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "checked by phone");
    }
}
