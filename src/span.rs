//! Byte ranges into an article's text and their line and column numbers.
//!
//! Every claim points into the file as it was read: offsets are UTF-8 byte offsets into
//! the whole file (a byte-order mark included), so an editor can jump to them.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into one article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start after end");
        Self { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The span moved `by` bytes to the right.
    pub fn shifted(self, by: usize) -> Self {
        Self::new(self.start + by, self.end + by)
    }

    /// The text this span covers in `text`.
    pub fn slice(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    /// As a miette span.
    pub fn to_source_span(self) -> miette::SourceSpan {
        (self.start, self.len()).into()
    }
}

/// A set of spans asked "does this span overlap one of yours?" in logarithmic time: an
/// article may hold hundreds of thousands of claims, and a scan per claim is quadratic.
#[derive(Debug, Clone, Default)]
pub struct SpanSet {
    /// Sorted by start.
    spans: Vec<Span>,
    /// The largest end among `spans[..=i]`, per `i` (the spans may overlap or nest).
    reach: Vec<usize>,
}

impl SpanSet {
    /// The set of `spans`, in any order.
    pub fn new(mut spans: Vec<Span>) -> Self {
        spans.sort_unstable();
        let reach = spans
            .iter()
            .scan(0, |max, s| {
                *max = s.end.max(*max);
                Some(*max)
            })
            .collect();
        Self { spans, reach }
    }

    /// Whether `span` shares a byte with one of the spans (`a.start < b.end && b.start <
    /// a.end`, as empty spans count too).
    pub fn overlaps(&self, span: Span) -> bool {
        // Of the spans that start before `span` ends, one overlaps if any ends after
        // `span` starts.
        let starting_before = self.spans.partition_point(|s| s.start < span.end);
        starting_before
            .checked_sub(1)
            .and_then(|i| self.reach.get(i))
            .is_some_and(|&end| end > span.start)
    }

    /// Whether the set holds no span.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

/// Start offsets of the lines of a text, for offset-to-line/column lookups.
///
/// A line ends at `\n`, at `\r\n` or at a lone `\r`, so CRLF and old Mac files number
/// their lines as an editor does.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Characters before each `CHAR_BLOCK`-byte block of the text, so that a column on a
    /// very long line (a 200 MB article on one line) costs one block, not the line.
    chars_before_block: Vec<usize>,
}

/// Bytes per block of `LineIndex::chars_before_block`.
const CHAR_BLOCK: usize = 4096;

/// Characters that start in `bytes` (UTF-8 bytes that are not continuation bytes), so
/// that a range cutting a character still counts each character once.
fn chars_starting_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

impl LineIndex {
    /// Index the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        let mut chars_before_block = Vec::with_capacity(bytes.len() / CHAR_BLOCK + 1);
        let mut total = 0;
        for block in bytes.chunks(CHAR_BLOCK) {
            chars_before_block.push(total);
            total += chars_starting_in(block);
        }
        chars_before_block.push(total);
        Self {
            starts,
            chars_before_block,
        }
    }

    /// Characters starting before byte `offset` of `text` (which this index was built on).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let offset = offset.min(text.len());
        let block = offset / CHAR_BLOCK;
        let base = self.chars_before_block.get(block).copied().unwrap_or(0);
        base + chars_starting_in(&text.as_bytes()[block * CHAR_BLOCK..offset])
    }

    /// 1-based line number of byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// 1-based line and 1-based column (in characters) of byte `offset` in `text`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let start = self.starts[line - 1];
        let offset = offset.min(text.len()).max(start);
        // Counted from the line start when the line is short (the usual case): the same
        // count as the difference of the two block sums, without up to two blocks' work.
        let column = match text.as_bytes().get(start..offset) {
            Some(bytes) if bytes.len() <= CHAR_BLOCK => chars_starting_in(bytes),
            _ => self.chars_before(text, offset) - self.chars_before(text, start),
        };
        (line, column + 1)
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether the text had no line at all (never: an empty text has one empty line).
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_lf_crlf_and_lone_cr() {
        let text = "a\nb\r\nc\rd";
        let index = LineIndex::new(text);
        assert_eq!(index.len(), 4);
        assert_eq!(index.line(0), 1);
        assert_eq!(index.line(2), 2);
        assert_eq!(index.line(5), 3);
        assert_eq!(index.line(7), 4);
    }

    #[test]
    fn columns_on_long_lines_count_across_blocks() {
        let text = format!("{}\n{}x", "é".repeat(5000), "ü".repeat(3000));
        let index = LineIndex::new(&text);
        let x = text.len() - 1;
        assert_eq!(index.line_col(&text, x), (2, 3001));
        assert_eq!(index.line_col(&text, 10_000), (1, 5001));
        let exact = "a".repeat(CHAR_BLOCK);
        assert_eq!(
            LineIndex::new(&exact).line_col(&exact, CHAR_BLOCK),
            (1, CHAR_BLOCK + 1)
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "é43";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 2), (1, 2));
    }
}
