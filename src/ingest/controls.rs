//! Terminal escape sequences and other control characters in article text, blanked to
//! spaces before anything reads the text, byte for byte, so that every offset still
//! points into the file as read.
//!
//! `ESC [ 0 m` (a colour reset) would otherwise read as "0 m", a length, and
//! `ESC ] 0 ; ... BEL` (a window title) as a figure. Blanked: CSI sequences (`ESC [` or
//! the 8-bit CSI, parameters, intermediates, final byte), string sequences (OSC `ESC ]`,
//! DCS `ESC P`, SOS, PM, APC and their 8-bit forms) up to their terminator (BEL or
//! `ESC \`) or the end of the line, other escape sequences, every other C0 control but
//! tab, line feed and carriage return, DEL and the C1 controls.

/// Whether `text` holds anything [`blank`] changes (a fast scan of bytes).
fn needs_blanking(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        is_blanked_c0(b)
            || (b == 0xC2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)))
    })
}

fn is_blanked_c0(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F
}

/// The end of a string sequence whose body starts at `from`: just past BEL or `ESC \`,
/// else at the line's end (the line break itself is kept), else at the end.
fn string_end(bytes: &[u8], from: usize) -> usize {
    let mut j = from;
    while j < bytes.len() {
        match bytes[j] {
            0x07 => return j + 1,
            0x1B if bytes.get(j + 1) == Some(&b'\\') => return j + 2,
            // The 8-bit string terminator (U+009C).
            0xC2 if bytes.get(j + 1) == Some(&0x9C) => return j + 2,
            b'\n' | b'\r' => return j,
            _ => j += 1,
        }
    }
    j
}

/// The end of CSI parameters and intermediates starting at `from`, and its final byte.
fn csi_end(bytes: &[u8], from: usize) -> usize {
    let mut j = from;
    while j < bytes.len() && (0x30..=0x3F).contains(&bytes[j]) {
        j += 1;
    }
    while j < bytes.len() && (0x20..=0x2F).contains(&bytes[j]) {
        j += 1;
    }
    if j < bytes.len() && (0x40..=0x7E).contains(&bytes[j]) {
        j += 1;
    }
    j
}

/// Where the control (sequence) starting at `i` ends, or None when `bytes[i]` starts
/// none.
fn control_end(bytes: &[u8], i: usize) -> Option<usize> {
    let b = bytes[i];
    if b == 0x1B {
        return Some(match bytes.get(i + 1) {
            Some(b'[') => csi_end(bytes, i + 2),
            Some(b']' | b'P' | b'X' | b'^' | b'_') => string_end(bytes, i + 2),
            Some(&n) if (0x20..=0x2F).contains(&n) => {
                let mut j = i + 1;
                while j < bytes.len() && (0x20..=0x2F).contains(&bytes[j]) {
                    j += 1;
                }
                if j < bytes.len() && (0x30..=0x7E).contains(&bytes[j]) {
                    j += 1;
                }
                j
            }
            Some(&n) if (0x30..=0x7E).contains(&n) => i + 2,
            _ => i + 1,
        });
    }
    if is_blanked_c0(b) {
        return Some(i + 1);
    }
    if b == 0xC2 {
        return match bytes.get(i + 1) {
            Some(0x9B) => Some(csi_end(bytes, i + 2)),
            Some(0x90 | 0x98 | 0x9D | 0x9E | 0x9F) => Some(string_end(bytes, i + 2)),
            Some(0x80..=0x9F) => Some(i + 2),
            _ => None,
        };
    }
    None
}

/// `text` with terminal controls blanked to spaces of the same byte length (see the
/// module documentation); borrowed back when there is none.
pub fn blank(text: &str) -> std::borrow::Cow<'_, str> {
    if !needs_blanking(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let mut i = 0;
    while i < bytes.len() {
        match control_end(bytes, i) {
            Some(end) => {
                out[i..end].fill(b' ');
                i = end;
            }
            None => i += 1,
        }
    }
    // Whole characters became ASCII spaces: every range above starts at a control
    // (ASCII, or the lead byte of a C1 control) and ends before an ASCII byte, the
    // next character's lead byte or the end, so the bytes are still UTF-8.
    match String::from_utf8(out) {
        Ok(blanked) => std::borrow::Cow::Owned(blanked),
        Err(_) => std::borrow::Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_spaces_of_their_length() {
        let cases = [
            ("a\u{1b}[0mb", "a    b"),
            ("\u{1b}]0;title\u{7}42 homes", "          42 homes"),
            ("\u{1b}]8;;http://x\u{1b}\\link", "               link"),
            ("x\u{1b}(By", "x   y"),
            ("bell\u{7} and\u{8}back", "bell  and back"),
            ("csi8\u{9b}31m!", "csi8    !"),
            ("tab\tcr\r\nlf\n", "tab\tcr\r\nlf\n"),
            ("\u{1b}]0;unterminated\nnext", "                \nnext"),
            ("lone esc\u{1b}", "lone esc "),
            ("del\u{7f}", "del "),
        ];
        for (input, expected) in cases {
            let got = blank(input);
            // The words survive, the controls become blanks, and offsets hold (the blanks
            // of a multi-byte control are as many as its bytes).
            let words = |s: &str| {
                s.split([' '])
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            };
            assert_eq!(words(&got), words(expected), "{input:?}");
            assert_eq!(got.len(), input.len(), "{input:?}");
        }
    }

    #[test]
    fn text_without_controls_is_borrowed() {
        assert!(matches!(
            blank("No control, é and ✓."),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn multibyte_text_inside_a_sequence_stays_utf8() {
        let input = "a\u{1b}]0;café ✓\u{7}b é";
        let got = blank(input);
        assert_eq!(got.len(), input.len());
        assert!(got.ends_with("b é"));
    }
}
