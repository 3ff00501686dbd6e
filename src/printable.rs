//! Text made safe to print: control characters, escape sequences and bidirectional
//! overrides in article text, file names and rules keys neutralised byte for byte, so
//! spans into the text stay valid. Shared by `config` (its errors quote rules files) and
//! `report` (every renderer); it must not depend on either.

/// Whether printing `c` could move the cursor, recolour the terminal or reorder what
/// follows: control characters (ESC, CSI, backspace, carriage return...) and the
/// bidirectional overrides and isolates. Line feed and tab are layout, not control.
fn is_unsafe_on_terminal(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text safe to print on a terminal: control characters (ANSI escapes and carriage
/// returns included) and bidirectional overrides become `?`, byte for byte, so spans
/// into the text stay valid.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unsafe_on_terminal) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_unsafe_on_terminal(c) {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A file name or other one-line field made safe to print on a terminal and inside a
/// line-based format: like [`terminal_safe`], and tabs and line breaks become `?` too, so
/// a file name cannot forge a record line or a column.
pub fn one_line_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let safe = terminal_safe(text);
    if !safe.contains(['\n', '\t']) {
        return safe;
    }
    std::borrow::Cow::Owned(safe.replace(['\n', '\t'], "?"))
}

/// A whole source text made terminal-safe for a snippet renderer, byte for byte: like
/// `terminal_safe`, except that a line break stays a line break (a CRLF's `\r` becomes a
/// space, a lone `\r` becomes `\n`), so the renderer sees the lines we number.
pub fn terminal_source(text: &std::sync::Arc<str>) -> std::sync::Arc<str> {
    if !text.chars().any(is_unsafe_on_terminal) {
        return text.clone();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => out.push(' '),
            '\r' => out.push('\n'),
            c if is_unsafe_on_terminal(c) => out.extend(std::iter::repeat_n('?', c.len_utf8())),
            c => out.push(c),
        }
    }
    std::sync::Arc::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carriage_returns_and_bidi_overrides_are_neutralised() {
        let text = "ok\rfake\u{202e}cba";
        let safe = terminal_safe(text);
        assert_eq!(safe.len(), text.len());
        assert_eq!(safe, "ok?fake???cba");
    }

    #[test]
    fn a_source_keeps_its_line_breaks() {
        let text: std::sync::Arc<str> = "a\r\nb\rc\u{1b}[2J".into();
        let safe = terminal_source(&text);
        assert_eq!(&*safe, "a \nb\nc?[2J");
    }

    #[test]
    fn control_characters_are_neutralised_byte_for_byte() {
        let text = "a\u{1b}[31mred\u{85}b";
        let safe = terminal_safe(text);
        assert_eq!(safe.len(), text.len());
        assert!(!safe.contains('\u{1b}'));
    }
}
