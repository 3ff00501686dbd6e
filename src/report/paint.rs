//! Colour for the plain-text views (`coverage`, `diff`): a few tones mapped to ANSI SGR
//! codes, or to nothing when colour is off. It must only ever wrap text that has already
//! been made terminal-safe; it adds escapes of its own and nothing else.

/// What a coloured word means; the colour follows from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Sources back it (green).
    Good,
    /// Sources contradict it (bold red).
    Bad,
    /// No source says it (yellow).
    Unconfirmed,
    /// Secondary detail such as locations (dim).
    Faint,
}

impl Tone {
    fn code(self) -> &'static str {
        match self {
            Tone::Good => "\x1b[32m",
            Tone::Bad => "\x1b[1;31m",
            Tone::Unconfirmed => "\x1b[33m",
            Tone::Faint => "\x1b[2m",
        }
    }
}

/// Whether the text view is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Paint {
    pub enabled: bool,
}

impl Paint {
    /// `text` in `tone`, or `text` unchanged when colour is off.
    pub fn tone(self, text: &str, tone: Tone) -> String {
        if self.enabled && !text.is_empty() {
            format!("{}{text}\x1b[0m", tone.code())
        } else {
            text.to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_off_leaves_text_unchanged() {
        assert_eq!(
            Paint { enabled: false }.tone("contradicted", Tone::Bad),
            "contradicted"
        );
    }

    #[test]
    fn colour_on_wraps_text_and_resets() {
        let painted = Paint { enabled: true }.tone("corroborated", Tone::Good);
        assert_eq!(painted, "\x1b[32mcorroborated\x1b[0m");
    }

    #[test]
    fn empty_text_gets_no_escapes() {
        assert_eq!(Paint { enabled: true }.tone("", Tone::Faint), "");
    }
}
