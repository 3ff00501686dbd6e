//! Reading articles: files and directories in, `Article`s with metadata, paragraphs and
//! sentences out.
//!
//! This is the only stage that reads input files. It never writes anywhere. A file that
//! cannot be used becomes an `Error` for that file; the others are still read.

mod boilerplate;
pub mod controls;
pub mod meta;
pub(crate) mod sentence;
pub mod sidecar;

use std::{
    collections::BTreeMap,
    io::Read,
    path::{Path, PathBuf},
    sync::Arc,
};

use miette::Diagnostic;
use rayon::prelude::*;
use thiserror::Error;

pub use meta::Metadata;

use crate::{
    config::Settings,
    span::{LineIndex, Span},
};

/// One article, read once and shared by every later stage.
#[derive(Debug, Clone)]
pub struct Article {
    /// Source id: the metadata `id`, else the file stem; unique within a run.
    pub id: String,
    /// Where it was read from (`-` for standard input).
    pub path: PathBuf,
    /// The whole file as read, byte-order mark and metadata included, terminal controls
    /// blanked to spaces of the same length.
    pub text: Arc<str>,
    pub meta: Metadata,
    /// Where the body starts (after metadata).
    pub body_start: usize,
    pub lines: LineIndex,
    /// Body lines that are article text, in order.
    pub paragraphs: Vec<Span>,
    /// Body lines dropped as page clutter.
    pub clutter: Vec<Span>,
    /// Sentences of the kept paragraphs, in order, each with its paragraph's index.
    pub sentences: Vec<Sentence>,
    /// The year the article speaks from: its date's year, else the latest year it names.
    pub reference_year: Option<i32>,
}

/// One sentence and the paragraph it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

impl Article {
    /// Build an article from text already read. `path` is only for display. Terminal
    /// escape sequences and other control characters are blanked to spaces first, byte
    /// for byte ([`controls::blank`]), so they make no claim and offsets stay exact.
    pub fn from_text(path: PathBuf, text: Arc<str>, settings: &Settings) -> Self {
        let blanked = match controls::blank(&text) {
            std::borrow::Cow::Owned(blanked) => Some(blanked),
            std::borrow::Cow::Borrowed(_) => None,
        };
        let text: Arc<str> = blanked.map_or(text, Arc::from);
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let (meta, body_start) = meta::parse(&text, bom);
        let mut lines = Vec::new();
        let mut clutter = Vec::new();
        for line in boilerplate::classify(&text, body_start, settings) {
            if line.span.slice(&text).trim().is_empty() {
                continue;
            }
            if line.is_clutter || is_html_comment(line.span.slice(&text)) {
                clutter.push(line.span);
            } else {
                lines.push(line.span);
            }
        }
        let (paragraphs, sentences) = windowed(&text, lines, &settings.abbreviations);
        let stem = path
            .file_stem()
            .filter(|_| path.as_os_str() != "-")
            .map_or_else(|| "stdin".to_owned(), |s| s.to_string_lossy().into_owned());
        let id = meta.id.clone().unwrap_or(stem);
        let reference_year = meta
            .date
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok())
            .or_else(|| latest_year(&text[body_start..]));
        Self {
            reference_year,
            id,
            lines: LineIndex::new(&text),
            path,
            text,
            meta,
            body_start,
            paragraphs,
            clutter,
            sentences,
        }
    }

    /// The article's text in `span`.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// Index of the first sentence that ends after byte `at` (the sentence holding `at`,
    /// or the next one), or None when every sentence ends at or before it. Sentences are
    /// in text order, so this is a bisection, not a scan per claim.
    pub fn sentence_ending_after(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        (i < self.sentences.len()).then_some(i)
    }

    /// Path as shown to users.
    pub fn display_path(&self) -> String {
        self.path.display().to_string()
    }
}

/// The most sentences a paragraph holds: a longer one (a whole article on one line, a
/// file with no line breaks) is cut into windows of this many sentences, each then a
/// paragraph. Extractors keep per-paragraph word lists and look around a claim within
/// its paragraph, so this bounds their memory and work per claim; real paragraphs are far
/// shorter, so their output does not change.
pub const MAX_PARAGRAPH_SENTENCES: usize = 200;

/// Split each kept line into sentences; a line of more than [`MAX_PARAGRAPH_SENTENCES`]
/// becomes several paragraphs, cut where a sentence starts.
fn windowed(
    text: &str,
    lines: Vec<Span>,
    abbreviations: &std::collections::HashSet<String>,
) -> (Vec<Span>, Vec<Sentence>) {
    let mut paragraphs = Vec::with_capacity(lines.len());
    let mut sentences = Vec::new();
    for line in lines {
        let spans: Vec<Span> = sentence::split(text, line, abbreviations)
            .into_iter()
            .flat_map(|s| bounded(text, s))
            .collect();
        let mut start = line.start;
        for (n, chunk) in spans.chunks(MAX_PARAGRAPH_SENTENCES).enumerate() {
            let end = spans
                .get((n + 1) * MAX_PARAGRAPH_SENTENCES)
                .map_or(line.end, |next| next.start);
            let paragraph = paragraphs.len();
            paragraphs.push(Span::new(start, end));
            sentences.extend(chunk.iter().map(|&span| Sentence { span, paragraph }));
            start = end;
        }
        if spans.is_empty() {
            paragraphs.push(line);
        }
    }
    (paragraphs, sentences)
}

/// The longest sentence, in bytes: text with no sentence end for longer than this (a
/// file of one endless sentence, a list with no periods) is cut at a space, so that the
/// word lists an extractor builds per sentence stay small. Real sentences are far shorter.
pub const MAX_SENTENCE_BYTES: usize = 16 * 1024;

/// `sentence` cut into pieces of at most [`MAX_SENTENCE_BYTES`] (at the last whitespace
/// before the limit, else at a character boundary), each trimmed.
fn bounded(text: &str, sentence: Span) -> Vec<Span> {
    if sentence.len() <= MAX_SENTENCE_BYTES {
        return vec![sentence];
    }
    let mut pieces = Vec::new();
    let mut start = sentence.start;
    while sentence.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let cut = text[start..limit]
            .rfind(char::is_whitespace)
            .map_or(limit, |i| start + i)
            .max(start + 1);
        let mut cut = cut;
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        push_trimmed(text, Span::new(start, cut), &mut pieces);
        start = cut;
    }
    push_trimmed(text, Span::new(start, sentence.end), &mut pieces);
    pieces
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let piece = span.slice(text);
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(
            span.start + lead,
            span.start + lead + trimmed.len(),
        ));
    }
}

/// A line that is only an HTML comment (`<!-- corroborate: ignore ... -->` in a Markdown
/// draft): never article text, so its words and numbers make no claim.
fn is_html_comment(line: &str) -> bool {
    let line = line.trim();
    line.starts_with("<!--") && line.ends_with("-->")
}

/// The latest plausible year (1800-2100) written in `text`, as a stand-in for an
/// undated article's own year.
fn latest_year(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    let mut best: Option<i32> = None;
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let is_start = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let is_end = i + 4 == bytes.len() || !bytes[i + 4].is_ascii_alphanumeric();
        if is_start && is_end && bytes[i..i + 4].iter().all(u8::is_ascii_digit) {
            let year: i32 = bytes[i..i + 4]
                .iter()
                .fold(0, |y, d| y * 10 + i32::from(d - b'0'));
            if (1800..=2100).contains(&year) {
                best = Some(best.map_or(year, |b| b.max(year)));
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    best
}

/// An input that could not be read as an article.
#[derive(Debug, Error, Diagnostic)]
pub enum Error {
    #[error("`{path}` does not exist")]
    #[diagnostic(
        code(corroborate::ingest::missing),
        help("check the path; nothing was read from it")
    )]
    Missing { path: PathBuf },
    #[error("cannot read `{path}`")]
    #[diagnostic(
        code(corroborate::ingest::unreadable),
        help("check that it is a readable file (permissions, broken or looping symbolic links)")
    )]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("`{path}` is not UTF-8 text (it looks like {looks_like})")]
    #[diagnostic(
        code(corroborate::ingest::not_utf8),
        help(
            "read it with `--encoding {iconv_name}`, or convert it to UTF-8 (for example `iconv -f {iconv_name} -t UTF-8`)"
        )
    )]
    NotUtf8 {
        path: PathBuf,
        looks_like: &'static str,
        iconv_name: &'static str,
    },
    #[error("`{path}` is not valid {encoding}")]
    #[diagnostic(
        code(corroborate::ingest::undecodable),
        help("check the file's encoding and pass it with `--encoding LABEL`")
    )]
    Undecodable {
        path: PathBuf,
        encoding: &'static str,
    },
    #[error("`{path}` is {what}, not a regular file")]
    #[diagnostic(
        code(corroborate::ingest::not_a_file),
        help("give regular files (or `-` for standard input); nothing was read from it")
    )]
    NotAFile { path: PathBuf, what: &'static str },
    #[error("`{path}` is larger than {limit} bytes")]
    #[diagnostic(
        code(corroborate::ingest::too_large),
        help(
            "raise the limit with `--max-file-size SIZE` (such as `1G`) if it really is one article"
        )
    )]
    TooLarge { path: PathBuf, limit: u64 },
    #[error("`{path}` looks like a binary file, not an article")]
    #[diagnostic(code(corroborate::ingest::binary))]
    Binary { path: PathBuf },
    #[error("`{path}` is empty")]
    #[diagnostic(code(corroborate::ingest::empty), help("an article needs some text"))]
    Empty { path: PathBuf },
    #[error("directory `{path}` holds no articles (.txt or .md files)")]
    #[diagnostic(code(corroborate::ingest::no_articles))]
    NoArticles { path: PathBuf },
    #[error("cannot read the source names in `{path}`")]
    #[diagnostic(
        code(corroborate::ingest::bad_sidecar),
        help(
            "each key is an article's file name or stem; its value an outlet, or a table of `source`, `date` and `title`"
        )
    )]
    BadSidecar {
        path: PathBuf,
        #[source]
        source: toml::de::Error,
    },
    #[error("cannot walk `{path}`")]
    #[diagnostic(
        code(corroborate::ingest::walk),
        help("a symbolic link may point back into its own directory")
    )]
    Walk {
        path: PathBuf,
        #[source]
        source: walkdir::Error,
    },
}

/// What `load` read: the articles, sorted by id, and the inputs that failed.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub errors: Vec<Error>,
}

/// Whether a file name is an article we read when walking a directory.
fn is_article_file(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "md" | "markdown")
    )
}

/// Expand `inputs` (files, directories, `-`) into the files to read, sorted, deduplicated.
fn expand(inputs: &[PathBuf], errors: &mut Vec<Error>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            files.push(input.clone());
            continue;
        }
        let metadata = match std::fs::metadata(input) {
            Ok(metadata) => metadata,
            Err(source) if std::fs::symlink_metadata(input).is_ok() => {
                // The link exists but what it points to does not, or it loops.
                errors.push(Error::Unreadable {
                    path: input.clone(),
                    source,
                });
                continue;
            }
            Err(_) => {
                errors.push(Error::Missing {
                    path: input.clone(),
                });
                continue;
            }
        };
        if !metadata.is_dir() {
            files.push(input.clone());
            continue;
        }
        let mut found = Vec::new();
        for entry in walkdir::WalkDir::new(input)
            .follow_links(true)
            .sort_by_file_name()
        {
            match entry {
                Ok(entry) if entry.file_type().is_file() && is_article_file(entry.path()) => {
                    found.push(entry.into_path());
                }
                // A FIFO, socket or device in a folder is never read, and never skipped
                // silently either.
                Ok(entry) if special_kind(&entry.file_type()).is_some() => {
                    errors.push(Error::NotAFile {
                        path: entry.path().to_owned(),
                        what: special_kind(&entry.file_type()).unwrap_or("special"),
                    });
                }
                Ok(_) => {}
                Err(source) => errors.push(Error::Walk {
                    path: source.path().map_or_else(|| input.clone(), Path::to_owned),
                    source,
                }),
            }
        }
        if found.is_empty() {
            errors.push(Error::NoArticles {
                path: input.clone(),
            });
        }
        files.extend(found);
    }
    files.sort();
    files.dedup();
    files
}

/// What a file that is not regular nor a directory is, for messages: `a FIFO`...
fn special_kind(kind: &std::fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
        if kind.is_char_device() {
            return Some("a character device");
        }
        if kind.is_block_device() {
            return Some("a block device");
        }
    }
    if kind.is_file() || kind.is_dir() || kind.is_symlink() {
        None
    } else {
        Some("a special file")
    }
}

/// The default of `--max-file-size`: 256 MiB, room for a 200 MB article.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

/// Why [`read_regular`] read nothing.
#[derive(Debug)]
pub enum ReadFailure {
    /// The system's error (missing, permission denied, a directory...).
    Io(std::io::Error),
    /// A FIFO, socket or device: reading it could block forever or never end.
    NotAFile(&'static str),
    /// More bytes than the limit.
    TooLarge(u64),
}

impl From<ReadFailure> for std::io::Error {
    fn from(failure: ReadFailure) -> Self {
        match failure {
            ReadFailure::Io(e) => e,
            ReadFailure::NotAFile(what) => std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("it is {what}, not a regular file"),
            ),
            ReadFailure::TooLarge(limit) => std::io::Error::new(
                std::io::ErrorKind::FileTooLarge,
                format!("it is larger than {limit} bytes"),
            ),
        }
    }
}

/// Read at most `limit` bytes from `reader`; more is [`ReadFailure::TooLarge`].
fn read_capped(reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadFailure> {
    let mut buf = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(ReadFailure::Io)?;
    if buf.len() as u64 > limit {
        return Err(ReadFailure::TooLarge(limit));
    }
    Ok(buf)
}

/// Read a regular file of at most `limit` bytes. A FIFO, socket or device is refused
/// without blocking: the file is opened non-blocking and checked after opening, so a
/// file swapped for a FIFO in between is refused too. Every input (articles, claim files,
/// rules files, baselines) is read through here.
///
/// # Errors
/// The file cannot be opened, is not a regular file, or is larger than `limit`.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadFailure> {
    let before = std::fs::metadata(path).map_err(ReadFailure::Io)?;
    if let Some(what) = special_kind(&before.file_type()) {
        return Err(ReadFailure::NotAFile(what));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(ReadFailure::Io)?;
    let opened = file.metadata().map_err(ReadFailure::Io)?;
    if let Some(what) = special_kind(&opened.file_type()) {
        return Err(ReadFailure::NotAFile(what));
    }
    if opened.is_dir() {
        return Err(ReadFailure::Io(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "it is a directory",
        )));
    }
    if opened.len() > limit {
        return Err(ReadFailure::TooLarge(limit));
    }
    read_capped(file, limit)
}

/// Read bytes from a file or standard input, at most `limit` of them.
fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, Error> {
    let failed = |failure| match failure {
        ReadFailure::Io(source) if source.kind() == std::io::ErrorKind::NotFound => {
            Error::Missing {
                path: path.to_owned(),
            }
        }
        ReadFailure::Io(source) => Error::Unreadable {
            path: path.to_owned(),
            source,
        },
        ReadFailure::NotAFile(what) => Error::NotAFile {
            path: path.to_owned(),
            what,
        },
        ReadFailure::TooLarge(limit) => Error::TooLarge {
            path: path.to_owned(),
            limit,
        },
    };
    if path.as_os_str() == "-" {
        // Standard input may be a pipe or a terminal: only its size is capped.
        return read_capped(std::io::stdin().lock(), limit).map_err(failed);
    }
    read_regular(path, limit).map_err(failed)
}

/// How inputs are read.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Encoding of files that are not UTF-8 (`--encoding`); `None` makes them errors.
    /// UTF-8 files, and files with a byte-order mark, are read as what they are; with
    /// `utf-16le` or `utf-16be`, a file without a byte-order mark is read as UTF-16 too.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// The largest input read, in bytes (`--max-file-size`).
    pub max_file_size: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            encoding: None,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        }
    }
}

/// Whether decoded text is more control characters than text: a binary file.
fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(4096).collect();
    let controls = sample
        .iter()
        .filter(|c| c.is_control() && !c.is_whitespace())
        .count();
    text.contains('\0') || controls * 10 > sample.len()
}

/// Decode article bytes, telling binary and non-UTF-8 files apart; with
/// `options.encoding`, a file that is not UTF-8 is read in that encoding instead.
fn decode(path: &Path, bytes: Vec<u8>, options: Options) -> Result<String, Error> {
    let has_utf16_bom = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if let Some(encoding) = options.encoding {
        // ASCII in UTF-16 is valid UTF-8 (every other byte a NUL): with a UTF-16 label
        // and no UTF-8 byte-order mark, the label is what the user says the file is.
        let utf16_label = encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE;
        let utf8_bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF]);
        if has_utf16_bom || (utf16_label && !utf8_bom) || std::str::from_utf8(&bytes).is_err() {
            // `decode` follows a byte-order mark over the label, as browsers do.
            let (text, used, had_errors) = encoding.decode(&bytes);
            if had_errors {
                return Err(Error::Undecodable {
                    path: path.to_owned(),
                    encoding: used.name(),
                });
            }
            let text = text.into_owned();
            if looks_binary(&text) {
                return Err(Error::Binary {
                    path: path.to_owned(),
                });
            }
            if text.trim_start_matches('\u{feff}').trim().is_empty() {
                return Err(Error::Empty {
                    path: path.to_owned(),
                });
            }
            return Ok(text);
        }
    }
    decode_utf8(path, bytes)
}

/// Decode UTF-8 article bytes; anything else is an error saying what it looks like.
fn decode_utf8(path: &Path, bytes: Vec<u8>) -> Result<String, Error> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::NotUtf8 {
            path: path.to_owned(),
            looks_like: "UTF-16",
            iconv_name: "UTF-16",
        });
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let zeros = sample.iter().filter(|&&b| b == 0).count();
    if zeros > 0 {
        // Every other byte zero: UTF-16 without a byte-order mark.
        let odd_zeros = sample
            .iter()
            .skip(1)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count();
        let even_zeros = sample.iter().step_by(2).filter(|&&b| b == 0).count();
        let half = sample.len() / 2;
        let le = odd_zeros * 10 >= half * 8 && even_zeros * 10 <= half;
        let be = even_zeros * 10 >= half * 8 && odd_zeros * 10 <= half;
        if le || be {
            let iconv_name = if le { "UTF-16LE" } else { "UTF-16BE" };
            return Err(Error::NotUtf8 {
                path: path.to_owned(),
                looks_like: "UTF-16",
                iconv_name,
            });
        }
        return Err(Error::Binary {
            path: path.to_owned(),
        });
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.into_bytes();
            let sample = &bytes[..bytes.len().min(4096)];
            let controls = sample
                .iter()
                .filter(|&&b| b < 0x09 || (0x0E..0x20).contains(&b))
                .count();
            if controls * 10 > sample.len() {
                return Err(Error::Binary {
                    path: path.to_owned(),
                });
            }
            return Err(Error::NotUtf8 {
                path: path.to_owned(),
                looks_like: "Latin-1 (ISO-8859-1) or Windows-1252",
                iconv_name: "WINDOWS-1252",
            });
        }
    };
    if text.contains('\0') {
        return Err(Error::Binary {
            path: path.to_owned(),
        });
    }
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(Error::Empty {
            path: path.to_owned(),
        });
    }
    Ok(text)
}

/// Read one article from bytes already read; `path` names it in errors and reports.
///
/// # Errors
/// The bytes are binary, empty, or not text in UTF-8 (or `options.encoding`).
pub fn article_from_bytes(
    path: PathBuf,
    bytes: Vec<u8>,
    options: Options,
    settings: &Settings,
) -> Result<Article, Error> {
    let text = decode(&path, bytes, options)?;
    Ok(Article::from_text(path, Arc::from(text), settings))
}

/// Read every input. Articles come back sorted by id, whatever the order of `inputs`;
/// ids that would repeat get the parent folder's name, then a number, to stay unique.
pub fn load(inputs: &[PathBuf], settings: &Settings) -> Loaded {
    load_observed(inputs, settings, &mut |_, _| {})
}

/// [`load`], calling `observe(done, total)` after each file is read, so that a caller
/// can show progress (the library itself never prints).
pub fn load_observed(
    inputs: &[PathBuf],
    settings: &Settings,
    observe: &mut dyn FnMut(usize, usize),
) -> Loaded {
    load_with(inputs, settings, Options::default(), observe)
}

/// [`load_observed`] with `options` (`--encoding`).
pub fn load_with(
    inputs: &[PathBuf],
    settings: &Settings,
    options: Options,
    observe: &mut dyn FnMut(usize, usize),
) -> Loaded {
    let mut errors = Vec::new();
    let files = expand(inputs, &mut errors);
    let total = files.len();
    let mut articles = Vec::new();
    // Files are read and split on every core, a batch at a time so that progress moves;
    // results are kept in input order, so the run does not depend on the threads.
    const BATCH: usize = 512;
    for (batch, paths) in files.chunks(BATCH).enumerate() {
        observe(batch * BATCH, total);
        let read: Vec<Result<Article, Error>> = paths
            .par_iter()
            .map(|path| {
                read_bytes(path, options.max_file_size)
                    .and_then(|bytes| decode(path, bytes, options))
                    .map(|text| Article::from_text(path.clone(), Arc::from(text), settings))
            })
            .collect();
        for result in read {
            match result {
                Ok(article) => articles.push(article),
                Err(e) => errors.push(e),
            }
        }
    }
    observe(total, total);
    sidecar::apply(&mut articles, &mut errors);
    make_ids_unique(&mut articles);
    articles.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.path.cmp(&b.path)));
    Loaded { articles, errors }
}

fn make_ids_unique(articles: &mut [Article]) {
    articles.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.path.cmp(&b.path)));
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for a in articles.iter() {
        *counts.entry(a.id.clone()).or_default() += 1;
    }
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    for a in articles.iter_mut() {
        if counts[&a.id] < 2 {
            continue;
        }
        let parent = a
            .path
            .parent()
            .and_then(Path::file_name)
            .map(|p| p.to_string_lossy().into_owned());
        let base = match parent {
            Some(p) => format!("{p}/{}", a.id),
            None => a.id.clone(),
        };
        let n = used.entry(base.clone()).or_default();
        *n += 1;
        a.id = if *n == 1 { base } else { format!("{base}~{n}") };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_metadata_are_not_body() {
        let settings = Settings::builtin();
        let text: Arc<str> = Arc::from("\u{feff}source: x.org\n\nOne. Two.\n");
        let a = Article::from_text(PathBuf::from("a.txt"), text, &settings);
        assert_eq!(a.meta.outlet.as_deref(), Some("x.org"));
        assert_eq!(a.sentences.len(), 2);
        assert_eq!(a.slice(a.sentences[0].span), "One.");
    }

    #[test]
    fn a_line_of_very_many_sentences_is_cut_into_windows_of_whole_sentences() {
        let settings = Settings::builtin();
        let line = "Forty homes burned. ".repeat(MAX_PARAGRAPH_SENTENCES * 2 + 50);
        let text: Arc<str> = Arc::from(format!("{}\nA short one. Two.\n", line.trim_end()));
        let a = Article::from_text(PathBuf::from("a.txt"), text.clone(), &settings);
        assert_eq!(a.paragraphs.len(), 4, "three windows and the short line");
        assert_eq!(a.sentences.len(), MAX_PARAGRAPH_SENTENCES * 2 + 52);
        // The windows cover the line without gap or overlap, cut where a sentence starts.
        assert_eq!(a.paragraphs[0].start, 0);
        for pair in a.paragraphs[..3].windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            assert!(text[pair[1].start..].starts_with("Forty"));
        }
        assert_eq!(a.paragraphs[2].end, line.trim_end().len());
        for s in &a.sentences {
            assert!(a.paragraphs[s.paragraph].contains(s.span));
        }
        let per_window = |p: usize| a.sentences.iter().filter(|s| s.paragraph == p).count();
        assert_eq!(per_window(0), MAX_PARAGRAPH_SENTENCES);
        assert_eq!(per_window(2), 50);
        assert_eq!(per_window(3), 2, "a short paragraph is one window");
    }

    #[test]
    fn an_endless_sentence_is_cut_at_spaces() {
        let settings = Settings::builtin();
        let line = "forty homes burned and ".repeat(MAX_SENTENCE_BYTES / 10);
        let text: Arc<str> = Arc::from(line.trim_end());
        let a = Article::from_text(PathBuf::from("a.txt"), text.clone(), &settings);
        assert!(a.sentences.len() >= 2);
        for s in &a.sentences {
            assert!(s.span.len() <= MAX_SENTENCE_BYTES);
            assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
            assert_eq!(a.slice(s.span), a.slice(s.span).trim());
        }
        // No text is lost between the pieces but spaces.
        for pair in a.sentences.windows(2) {
            assert!(text[pair[0].span.end..pair[1].span.start].trim().is_empty());
        }
        // Without a space, the cut falls between characters.
        let text: Arc<str> = Arc::from("é".repeat(MAX_SENTENCE_BYTES));
        let a = Article::from_text(PathBuf::from("b.txt"), text.clone(), &settings);
        assert!(
            a.sentences
                .iter()
                .all(|s| text.is_char_boundary(s.span.start)
                    && text.is_char_boundary(s.span.end)
                    && s.span.len() <= MAX_SENTENCE_BYTES)
        );
    }

    #[test]
    fn latin1_bytes_are_reported_as_such() {
        let err = decode(
            Path::new("x.txt"),
            b"caf\xe9 au lait".to_vec(),
            Options::default(),
        )
        .unwrap_err();
        assert!(
            matches!(err, Error::NotUtf8 { looks_like, .. } if looks_like.starts_with("Latin-1"))
        );
    }

    #[test]
    fn utf16_is_reported_as_such() {
        let bytes: Vec<u8> = "hello world"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let err = decode(Path::new("x.txt"), bytes, Options::default()).unwrap_err();
        assert!(matches!(
            err,
            Error::NotUtf8 {
                looks_like: "UTF-16",
                ..
            }
        ));
    }

    #[test]
    fn whitespace_only_is_empty() {
        assert!(matches!(
            decode(Path::new("x.txt"), b" \n\t\n".to_vec(), Options::default()),
            Err(Error::Empty { .. })
        ));
    }

    #[test]
    fn binary_is_reported() {
        let bytes = vec![0u8, 1, 2, 3, 0, 0, 0xff, 0x10, 0, 7];
        assert!(matches!(
            decode(Path::new("x.bin"), bytes, Options::default()),
            Err(Error::Binary { .. })
        ));
    }

    fn windows_1252() -> Options {
        Options {
            encoding: Some(encoding_rs::WINDOWS_1252),
            ..Options::default()
        }
    }

    #[test]
    fn latin1_is_read_with_an_encoding() {
        let text = decode(
            Path::new("x.txt"),
            b"caf\xe9 au lait".to_vec(),
            windows_1252(),
        );
        assert_eq!(text.expect("decodes"), "café au lait");
    }

    #[test]
    fn utf8_files_stay_utf8_when_an_encoding_is_given() {
        let text = decode(
            Path::new("x.txt"),
            "café".as_bytes().to_vec(),
            windows_1252(),
        );
        assert_eq!(text.expect("decodes"), "café");
    }

    #[test]
    fn a_utf16_byte_order_mark_wins_over_the_label() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(
            "Forty homes burned."
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        let text = decode(Path::new("x.txt"), bytes, windows_1252());
        assert_eq!(text.expect("decodes"), "Forty homes burned.");
    }

    #[test]
    fn bytes_invalid_in_the_encoding_are_an_error() {
        let options = Options {
            encoding: Some(encoding_rs::SHIFT_JIS),
            ..Options::default()
        };
        let err = decode(Path::new("x.txt"), b"abc \x82 \xff\xff".to_vec(), options);
        assert!(
            matches!(
                err,
                Err(Error::Undecodable {
                    encoding: "Shift_JIS",
                    ..
                })
            ),
            "{err:?}"
        );
    }

    #[test]
    fn binary_stays_binary_with_an_encoding() {
        let bytes = vec![0u8, 1, 2, 3, 0, 0, 0xff, 0x10, 0, 7];
        assert!(matches!(
            decode(Path::new("x.bin"), bytes, windows_1252()),
            Err(Error::Binary { .. })
        ));
    }

    #[test]
    fn utf16le_without_a_byte_order_mark_is_read_with_its_label_issue_18() {
        let bytes: Vec<u8> = "Forty homes burned."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let options = Options {
            encoding: Some(encoding_rs::UTF_16LE),
            ..Options::default()
        };
        assert_eq!(
            decode(Path::new("x.txt"), bytes, options).expect("decodes"),
            "Forty homes burned."
        );
    }

    #[test]
    fn reads_are_capped_and_refuse_what_is_not_a_regular_file_issue_18() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "0123456789").expect("write");
        assert_eq!(read_regular(&path, 10).expect("fits"), b"0123456789");
        assert!(matches!(
            read_regular(&path, 9),
            Err(ReadFailure::TooLarge(9))
        ));
        assert!(matches!(
            read_capped(&b"abc"[..], 2),
            Err(ReadFailure::TooLarge(2))
        ));
        assert!(matches!(
            read_regular(dir.path(), 10),
            Err(ReadFailure::Io(_))
        ));
        #[cfg(unix)]
        assert!(matches!(
            read_regular(Path::new("/dev/null"), 10),
            Err(ReadFailure::NotAFile("a character device"))
        ));
    }
}
