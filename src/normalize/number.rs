//! Numbers written in digits and in words (interim scanner; replaced by the full one).

use std::sync::LazyLock;

use regex::Regex;

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberForm {
    Digits,
    Words,
    Mixed,
}

/// A number found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberToken {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub form: NumberForm,
    pub has_separator: bool,
    pub is_decimal: bool,
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s+(million|billion|thousand|trillion))?\b|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(one|two|three|four|five|six|seven|eight|nine))?\b|\ba dozen\b").expect("static")
});

fn word_value(w: &str) -> f64 {
    match w.to_ascii_lowercase().as_str() {
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => 0.0,
    }
}

/// All numbers in `text`, in order.
pub fn scan(text: &str) -> Vec<NumberToken> {
    NUMBER
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            if let Some(int) = c.get(1) {
                let digits = int.as_str().replace(',', "");
                let frac = c.get(2).map_or("", |f| f.as_str());
                let mut value: f64 = format!("{digits}{frac}").parse().ok()?;
                let scale = c.get(3).map(|s| s.as_str().to_ascii_lowercase());
                value *= match scale.as_deref() {
                    Some("thousand") => 1e3,
                    Some("million") => 1e6,
                    Some("billion") => 1e9,
                    Some("trillion") => 1e12,
                    _ => 1.0,
                };
                Some(NumberToken {
                    start: m.start(),
                    end: m.end(),
                    value,
                    form: if scale.is_some() {
                        NumberForm::Mixed
                    } else {
                        NumberForm::Digits
                    },
                    has_separator: int.as_str().contains(','),
                    is_decimal: c.get(2).is_some(),
                })
            } else if let Some(tens) = c.get(4) {
                let value =
                    word_value(tens.as_str()) + c.get(5).map_or(0.0, |u| word_value(u.as_str()));
                Some(NumberToken {
                    start: m.start(),
                    end: m.end(),
                    value,
                    form: NumberForm::Words,
                    has_separator: false,
                    is_decimal: false,
                })
            } else {
                Some(NumberToken {
                    start: m.start(),
                    end: m.end(),
                    value: 12.0,
                    form: NumberForm::Words,
                    has_separator: false,
                    is_decimal: false,
                })
            }
        })
        .collect()
}

/// Value of a whole phrase of number words.
pub fn parse_words(phrase: &str) -> Option<f64> {
    let tokens = scan(phrase);
    match tokens.as_slice() {
        [t] if t.start == 0 && t.end == phrase.len() => Some(t.value),
        _ => None,
    }
}
