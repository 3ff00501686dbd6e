//! Article metadata: a `---` front-matter block, leading `key: value` lines, or a
//! leading `date YYYY-MM-DD` line.

use std::sync::LazyLock;

use regex::Regex;

use crate::span::Span;

/// What an article says about itself, when it says it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Source id given in the metadata (`id:`), overriding the file stem.
    pub id: Option<String>,
    /// The outlet (`source:` or `outlet:`).
    pub outlet: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    /// A `date` that is no calendar day (`2026-02-30`, `0000-01-01`): left out of
    /// `date`, kept here with the offset of its line for a warning.
    pub invalid_date: Option<(String, usize)>,
}

/// Keys accepted in a metadata header.
const KEYS: &[&str] = &[
    "id", "source", "outlet", "date", "url", "title", "author", "byline",
];

static KEY_VALUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*([A-Za-z_-]+)\s*:\s*(.*?)\s*$").expect("static pattern"));
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*date[:\s]\s*(\d{4}-\d{2}-\d{2})\b[ \t]*").expect("static pattern")
});
static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{4}-\d{2}-\d{2}").expect("static pattern"));

/// Lines of `text` from `from`, with their spans (line end excluded).
fn lines_from(text: &str, from: usize) -> impl Iterator<Item = (Span, &str)> {
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let rest = &text[pos..];
        let (len, ending) = match rest.find(['\n', '\r']) {
            Some(i) if rest[i..].starts_with("\r\n") => (i, 2),
            Some(i) => (i, 1),
            None => (rest.len(), 0),
        };
        let span = Span::new(pos, pos + len);
        pos += len + ending;
        Some((span, &text[span.start..span.end]))
    })
}

/// Read the metadata at `start` (after any byte-order mark) and where the body begins.
pub fn parse(text: &str, start: usize) -> (Metadata, usize) {
    if let Some(found) = front_matter(text, start) {
        return found;
    }
    if let Some(found) = header_lines(text, start) {
        return found;
    }
    if let Some(found) = date_line(text, start) {
        return found;
    }
    (Metadata::default(), start)
}

/// A `YYYY-MM-DD` that is a real calendar day (years 1 to 9999).
fn is_calendar_date(date: &str) -> bool {
    crate::normalize::date::Civil::parse_iso(date).is_some()
}

/// Keep `date` (read on the line at `line`) when it is a calendar day, else note it.
fn set_date(meta: &mut Metadata, date: &str, line: usize) {
    if is_calendar_date(date) {
        meta.date = Some(date.to_owned());
        meta.invalid_date = None;
    } else {
        meta.date = None;
        meta.invalid_date = Some((date.to_owned(), line));
    }
}

fn set(meta: &mut Metadata, key: &str, value: &str, line: usize) {
    let value = value.trim().trim_matches('"').to_owned();
    if value.is_empty() {
        return;
    }
    match key.to_ascii_lowercase().as_str() {
        "id" => meta.id = Some(value),
        "source" | "outlet" => meta.outlet = Some(value),
        "date" => {
            if let Some(m) = ISO_DATE.find(&value) {
                set_date(meta, m.as_str(), line);
            }
        }
        "url" => meta.url = Some(value),
        "title" => meta.title = Some(value),
        _ => {}
    }
}

fn front_matter(text: &str, start: usize) -> Option<(Metadata, usize)> {
    let mut lines = lines_from(text, start);
    let (_, first) = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut meta = Metadata::default();
    for (span, line) in lines {
        if line.trim_end() == "---" {
            return Some((meta, body_after(text, span.end)));
        }
        if let Some(c) = KEY_VALUE.captures(line) {
            set(&mut meta, &c[1], &c[2], span.start);
        }
    }
    None
}

fn header_lines(text: &str, start: usize) -> Option<(Metadata, usize)> {
    let mut meta = Metadata::default();
    for (seen, (span, line)) in lines_from(text, start).enumerate() {
        if line.trim().is_empty() {
            return (seen > 0).then(|| (meta, body_after(text, span.end)));
        }
        let c = KEY_VALUE.captures(line)?;
        if !KEYS.contains(&c[1].to_ascii_lowercase().as_str()) {
            return None;
        }
        set(&mut meta, &c[1], &c[2], span.start);
    }
    None
}

fn date_line(text: &str, start: usize) -> Option<(Metadata, usize)> {
    let (span, line) = lines_from(text, start).find(|(_, l)| !l.trim().is_empty())?;
    // Every match starts so; the test spares compiling the pattern for most inputs.
    if !line.trim_start().starts_with("date") {
        return None;
    }
    let c = DATE_LINE.captures(line)?;
    let whole = c.get(0)?;
    let mut meta = Metadata::default();
    set_date(&mut meta, &c[1], span.start);
    // Whatever follows the date on the same line (often the headline) is body text.
    Some((meta, span.start + whole.end()))
}

/// The offset just past the line ending at `end`.
fn body_after(text: &str, end: usize) -> usize {
    let rest = &text.as_bytes()[end..];
    match rest {
        [b'\r', b'\n', ..] => end + 2,
        [b'\n' | b'\r', ..] => end + 1,
        _ => end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines_then_blank_line_are_metadata() {
        let text = "source: example.org\ndate: 2013-06-13\n\nHeadline\nBody.";
        let (meta, body) = parse(text, 0);
        assert_eq!(meta.outlet.as_deref(), Some("example.org"));
        assert_eq!(meta.date.as_deref(), Some("2013-06-13"));
        assert_eq!(&text[body..], "Headline\nBody.");
    }

    #[test]
    fn front_matter_block_is_metadata() {
        let text = "---\nid: wire\ntitle: A title\n---\nBody.";
        let (meta, body) = parse(text, 0);
        assert_eq!(meta.id.as_deref(), Some("wire"));
        assert_eq!(&text[body..], "Body.");
    }

    #[test]
    fn leading_date_line_keeps_the_rest_of_the_line_as_body() {
        let text = " date 2025-02-04 Rubio meets a president\n\nBody.";
        let (meta, body) = parse(text, 0);
        assert_eq!(meta.date.as_deref(), Some("2025-02-04"));
        assert!(text[body..].starts_with("Rubio meets"));
    }

    #[test]
    fn dates_that_are_no_calendar_day_are_left_out_and_noted() {
        for bad in ["2026-02-30", "0000-01-01", "2025-13-01"] {
            let text = format!("source: x.org\ndate: {bad}\n\nBody.");
            let (meta, body) = parse(&text, 0);
            assert_eq!(meta.date, None, "{bad}");
            assert_eq!(meta.invalid_date, Some((bad.to_owned(), 14)), "{bad}");
            assert_eq!(&text[body..], "Body.");
            let text = format!("date {bad} Headline\nBody.");
            let (meta, _) = parse(&text, 0);
            assert_eq!(meta.invalid_date, Some((bad.to_owned(), 0)), "{bad}");
        }
        let (meta, _) = parse("date: 2024-02-29\n\nBody.", 0);
        assert_eq!(meta.date.as_deref(), Some("2024-02-29"));
        assert_eq!(meta.invalid_date, None);
    }

    #[test]
    fn ordinary_first_line_is_body() {
        let text = "Note: this is prose, not metadata.\nMore.";
        let (meta, body) = parse(text, 0);
        assert_eq!(meta, Metadata::default());
        assert_eq!(body, 0);
    }
}
