//! Where a claim sits in its file, in every unit the machine formats ask for.
//!
//! Owns the conversion from byte spans to lines, columns (in characters) and character
//! offsets, and the path shown for a file. Must not decide anything about findings.

use std::path::{Component, Path};

use crate::{extract::Claim, ingest::Article};

/// A claim's position, 1-based lines and columns; columns and character offsets count
/// Unicode scalar values, byte offsets count UTF-8 bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file as given on the command line, with `/` separators (`-` for stdin).
    pub path: String,
    pub start_line: usize,
    pub start_column: usize,
    pub end_line: usize,
    /// Column just after the last character (exclusive end, as in SARIF).
    pub end_column: usize,
    pub byte_offset: usize,
    pub byte_length: usize,
    pub char_offset: usize,
    pub char_length: usize,
}

impl Location {
    /// The location of `claim` in `article`.
    pub fn of(claim: &Claim, article: &Article) -> Self {
        let text: &str = &article.text;
        let start = claim.span.start.min(text.len());
        let end = claim.span.end.clamp(start, text.len());
        let (start_line, start_column) = article.lines.line_col(text, start);
        let (end_line, end_column) = article.lines.line_col(text, end);
        let char_offset = text.get(..start).map_or(start, |s| s.chars().count());
        let char_length = text
            .get(start..end)
            .map_or(end - start, |s| s.chars().count());
        Location {
            path: display_path(&article.path),
            start_line,
            start_column,
            end_line,
            end_column,
            byte_offset: start,
            byte_length: end - start,
            char_offset,
            char_length,
        }
    }

    /// The column of the last character (inclusive end, as GitHub annotations expect);
    /// never before the start column on a one-line span.
    pub fn last_column(&self) -> usize {
        if self.end_line == self.start_line {
            self.end_column.saturating_sub(1).max(self.start_column)
        } else {
            self.end_column.saturating_sub(1).max(1)
        }
    }
}

/// A path for reports: relative paths as given (without `./`), `/` as separator.
pub fn display_path(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut absolute = false;
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::RootDir => absolute = true,
            Component::Prefix(p) => parts.push(p.as_os_str().to_string_lossy().into_owned()),
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

#[cfg(test)]
mod tests {
    use std::{path::PathBuf, sync::Arc};

    use super::*;
    use crate::{config::Settings, extract};

    #[test]
    fn current_dir_prefix_is_dropped_and_separators_are_slashes() {
        assert_eq!(display_path(Path::new("./a/b.txt")), "a/b.txt");
        assert_eq!(display_path(Path::new("/tmp/x.txt")), "/tmp/x.txt");
    }

    #[test]
    fn offsets_count_bytes_and_characters_separately() {
        let settings = Settings::builtin();
        let text: Arc<str> = Arc::from("Café owners said 43 people were rescued on Monday.\n");
        let article = Article::from_text(PathBuf::from("a.txt"), text, &settings);
        let claims = extract::all(std::slice::from_ref(&article), &settings);
        let claim = claims.first().expect("the figure is a claim");
        let at = Location::of(claim, &article);
        assert_eq!(at.byte_offset, claim.span.start);
        assert_eq!(
            at.char_offset + 1,
            at.byte_offset,
            "é is two bytes, one character"
        );
        assert_eq!(at.start_column, at.char_offset + 1);
        assert_eq!(at.end_column - at.start_column, at.char_length);
        assert_eq!(at.last_column() + 1, at.end_column);
    }
}
