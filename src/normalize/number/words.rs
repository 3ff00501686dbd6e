//! Number words and the accumulator that sums them ("two hundred and five", "a
//! dozen", "two thirds"), and the byte classes the scanner asks about.

/// U+2212 MINUS SIGN, which typeset news uses for negative numbers.
pub(super) const MINUS_SIGN: &[u8] = "\u{2212}".as_bytes();

/// Denominators that make `a/b` read as a fraction. Slash pairs such as
/// `9/11` or `24/7` are names and dates far more often than fractions.
pub(super) const FRACTION_DENOMINATORS: [u64; 11] = [2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100];

/// Lower-case hyphen prefixes that do not turn the following digits into an
/// identifier (`mid-2020`, `pre-2008`), unlike `MS-13` or `COVID-19`.
pub(super) const PLAIN_PREFIXES: [&str; 8] = [
    "mid",
    "pre",
    "post",
    "late",
    "early",
    "over",
    "under",
    "magnitude",
];

/// A number word and the role it can play in a phrase.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum W {
    Unit(f64),
    Teen(f64),
    Tens(f64),
    Hundred,
    /// `bare`: may start a phrase on its own ("million and one").
    Scale {
        mult: f64,
        bare: bool,
    },
    Dozen {
        plural: bool,
    },
    /// "pair": two, only after "a" ("a pair of gunmen"). "A couple (of)" is left out: news
    /// uses it loosely ("a couple of weeks").
    Pair,
    A,
    And,
    Point,
    Minus,
    Half,
    Quarter,
    Denom {
        den: f64,
        plural: bool,
    },
    /// An ordinal that is never a denominator ("first", "second").
    Ordinal,
}

/// What the phrase accumulator saw last; decides which words may follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Last {
    Start,
    Minus,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    Num,
    /// A digit number that cannot be extended (`10k`, `1/2`).
    Final,
    A,
    And,
    HalfBare,
    QuarterBare,
    Frac,
    PointDec,
    Dozen,
}

/// How an atom is joined to the previous one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Conn {
    Start,
    Space,
    Hyphen,
}

/// A digit number lexed at some position.
#[derive(Debug, Clone, Copy)]
pub(super) struct NumAtom {
    pub(super) end: usize,
    pub(super) value: f64,
    pub(super) sep: bool,
    pub(super) dec: bool,
    /// Carries its own scale suffix (`10k`) or is a fraction: nothing may follow.
    pub(super) is_final: bool,
    /// A plain integer without separators, sign or decimals.
    pub(super) plain_int: bool,
}

pub(super) enum AtomRes {
    Word(W, usize),
    Num(NumAtom),
    /// Nothing to return here (identifier, clock time, ordinal); resume there.
    Skip(usize),
    /// A dotted or slashed run of integers (`192.168.1.2`, `3/4/2020`):
    /// every integer is returned on its own.
    Seq(usize, usize),
}

/// Running value of a word phrase.
#[derive(Debug, Clone, Copy)]
pub(super) struct Acc {
    pub(super) total: f64,
    pub(super) hundreds: f64,
    pub(super) small: f64,
    pub(super) last: Last,
    pub(super) last_scale: f64,
    pub(super) has_and: bool,
    pub(super) and_from: Last,
    pub(super) snap: (f64, f64, f64),
    /// After "and" following a small number only a fraction may complete the
    /// phrase ("two and a half"), never a new count ("one and two").
    pub(super) need_denom: bool,
    pub(super) frac_after_scale: bool,
    pub(super) neg: bool,
    pub(super) words: bool,
    pub(super) digits: bool,
    pub(super) mixed: bool,
    pub(super) sep: bool,
    pub(super) dec: bool,
}

impl Acc {
    pub(super) fn new() -> Self {
        Acc {
            total: 0.0,
            hundreds: 0.0,
            small: 0.0,
            last: Last::Start,
            last_scale: f64::INFINITY,
            has_and: false,
            and_from: Last::Start,
            snap: (0.0, 0.0, 0.0),
            need_denom: false,
            frac_after_scale: false,
            neg: false,
            words: false,
            digits: false,
            mixed: false,
            sep: false,
            dec: false,
        }
    }

    pub(super) fn value(&self) -> f64 {
        let v = if self.last == Last::Frac && self.frac_after_scale {
            // "3 million and a half" is 3.5 million, not 3000000.5.
            self.total + self.hundreds + self.small * self.last_scale
        } else {
            self.total + self.hundreds + self.small
        };
        if self.neg { -v } else { v }
    }

    pub(super) fn complete(&self) -> bool {
        !matches!(
            self.last,
            Last::Start | Last::Minus | Last::A | Last::And | Last::QuarterBare
        ) && !self.need_denom
    }

    /// Multiplicand for "hundred", "dozen" and scales: "a hundred" and a bare
    /// "hundred" count as one of them.
    pub(super) fn base(&self) -> f64 {
        let g = self.hundreds + self.small;
        if g == 0.0 && matches!(self.last, Last::Start | Last::A) {
            1.0
        } else {
            g
        }
    }

    pub(super) fn apply_word(&mut self, w: W, conn: Conn) -> bool {
        let hyphen = conn == Conn::Hyphen;
        match w {
            W::Minus => {
                if self.last != Last::Start {
                    return false;
                }
                self.neg = true;
                self.last = Last::Minus;
            }
            W::Unit(v) | W::Teen(v) | W::Tens(v) => {
                let is_unit = matches!(w, W::Unit(_));
                let ok = match self.last {
                    Last::Start | Last::Minus | Last::Hundred | Last::Scale | Last::And => !hyphen,
                    Last::Tens => is_unit && v != 0.0,
                    _ => false,
                };
                if !ok {
                    return false;
                }
                if self.last == Last::And && !matches!(self.and_from, Last::Hundred | Last::Scale) {
                    self.need_denom = true;
                }
                self.small += v;
                self.last = match w {
                    W::Unit(_) => Last::Unit,
                    W::Teen(_) => Last::Teen,
                    _ => Last::Tens,
                };
            }
            W::Hundred => {
                let ok = matches!(
                    self.last,
                    Last::Start
                        | Last::A
                        | Last::Unit
                        | Last::Teen
                        | Last::Tens
                        | Last::Num
                        | Last::HalfBare
                ) && self.hundreds == 0.0
                    && !self.need_denom;
                if !ok {
                    return false;
                }
                self.hundreds = self.base() * 100.0;
                self.small = 0.0;
                self.last = Last::Hundred;
            }
            W::Scale { mult, bare } => {
                if let Some(answer) = self.apply_scale(mult, bare, hyphen) {
                    return answer;
                }
            }
            W::Dozen { plural } => {
                let ok = if plural {
                    matches!(self.last, Last::Unit | Last::Teen | Last::Tens | Last::Num)
                        && self.small > 1.0
                } else {
                    matches!(
                        self.last,
                        Last::A | Last::Unit | Last::Teen | Last::Tens | Last::Num
                    )
                };
                if !ok || hyphen || self.need_denom {
                    return false;
                }
                let m = if self.small == 0.0 { 1.0 } else { self.small };
                self.small = m * 12.0;
                self.last = Last::Dozen;
            }
            W::Pair => {
                if self.last != Last::A || hyphen || self.need_denom {
                    return false;
                }
                self.small = 2.0;
                self.last = Last::Dozen;
            }
            W::A => {
                if !matches!(
                    self.last,
                    Last::Start | Last::Minus | Last::And | Last::HalfBare
                ) || hyphen
                {
                    return false;
                }
                if self.last == Last::HalfBare {
                    // "half a million": the half stays as the multiplicand.
                    self.last = Last::A;
                    return true;
                }
                self.last = Last::A;
            }
            W::And => {
                let ok = matches!(
                    self.last,
                    Last::Unit | Last::Teen | Last::Tens | Last::Hundred | Last::Scale | Last::Num
                ) && !hyphen
                    && !self.need_denom;
                if !ok {
                    return false;
                }
                self.has_and = true;
                self.and_from = self.last;
                self.snap = (self.total, self.hundreds, self.small);
                self.last = Last::And;
            }
            W::Half if self.last == Last::Start => {
                self.small = 0.5;
                self.dec = true;
                self.last = Last::HalfBare;
            }
            W::Quarter if self.last == Last::Start => {
                self.small = 0.25;
                self.dec = true;
                self.last = Last::QuarterBare;
            }
            W::Half => return self.denom(2.0, false),
            W::Quarter => return self.denom(4.0, false),
            W::Denom { den, plural } => return self.denom(den, plural),
            W::Point | W::Ordinal => return false,
        }
        self.words = true;
        true
    }

    /// A scale word ("million", "lakh"): `Some` with the answer when the word ends the
    /// step, `None` when it was taken and the phrase goes on.
    fn apply_scale(&mut self, mult: f64, bare: bool, hyphen: bool) -> Option<bool> {
        if self.last == Last::Scale && mult > self.last_scale && !hyphen {
            // "three lakh crore": a larger scale multiplies the whole.
            self.total *= mult;
            self.last_scale = mult;
            return Some(true);
        }
        let ok = (matches!(
            self.last,
            Last::A
                | Last::Unit
                | Last::Teen
                | Last::Tens
                | Last::Hundred
                | Last::Num
                | Last::HalfBare
                | Last::QuarterBare
                | Last::Frac
                | Last::PointDec
                | Last::Dozen
        ) || (self.last == Last::Start && bare))
            && mult < self.last_scale
            && !self.need_denom;
        if !ok {
            return Some(false);
        }
        self.total += self.base() * mult;
        self.hundreds = 0.0;
        self.small = 0.0;
        self.last_scale = mult;
        self.frac_after_scale = false;
        self.last = Last::Scale;
        None
    }

    pub(super) fn denom(&mut self, den: f64, plural: bool) -> bool {
        // "one hundred and thirty fifths" is 130/5: after "hundred and" the words still
        // build the numerator, except for halves and quarters ("a hundred and a half").
        let whole_numerator = self.has_and && self.and_from == Last::Hundred && den > 4.0;
        let base = if self.has_and && !whole_numerator {
            self.snap
        } else {
            (0.0, 0.0, 0.0)
        };
        let numer = match self.last {
            Last::A if self.small == base.2 => 1.0,
            Last::Unit | Last::Teen | Last::Tens | Last::Hundred | Last::Scale => {
                self.total + self.hundreds + self.small - (base.0 + base.1 + base.2)
            }
            _ => return false,
        };
        let ok = if plural { numer > 0.0 } else { numer == 1.0 };
        if !ok {
            return false;
        }
        self.frac_after_scale = self.has_and && self.and_from == Last::Scale && !whole_numerator;
        (self.total, self.hundreds, self.small) = base;
        self.small += numer / den;
        self.need_denom = false;
        self.dec = true;
        self.words = true;
        self.last = Last::Frac;
        true
    }

    pub(super) fn apply_num(&mut self, a: &NumAtom, conn: Conn) -> bool {
        if conn == Conn::Hyphen {
            return false;
        }
        let ok = match self.last {
            Last::Start | Last::Minus => true,
            // "2.9 million 9-liter cases": after a decimal and its scale word, digits
            // start another figure (issue 16); "3 million 500 thousand" goes on.
            Last::Scale => {
                !self.dec
                    && a.plain_int
                    && !a.is_final
                    && a.value < 1000.0
                    && a.value < self.last_scale
            }
            Last::And => {
                self.and_from == Last::Hundred
                    && a.plain_int
                    && !a.is_final
                    && a.value > 0.0
                    && a.value < 100.0
            }
            _ => false,
        };
        if !ok {
            return false;
        }
        if a.value < 0.0 && self.last != Last::Start {
            return false;
        }
        self.small += a.value;
        self.digits = true;
        self.sep |= a.sep;
        self.dec |= a.dec;
        if a.is_final {
            self.last = Last::Final;
        } else {
            self.last = Last::Num;
        }
        true
    }
}

pub(super) fn lookup(w: &str) -> Option<W> {
    let unit = |v: f64| Some(W::Unit(v));
    let teen = |v: f64| Some(W::Teen(v));
    let tens = |v: f64| Some(W::Tens(v));
    let scale = |mult: f64, bare: bool| Some(W::Scale { mult, bare });
    let r = match w {
        "zero" | "nought" | "naught" | "nil" => unit(0.0),
        "one" => unit(1.0),
        "two" => unit(2.0),
        "three" => unit(3.0),
        "four" => unit(4.0),
        "five" => unit(5.0),
        "six" => unit(6.0),
        "seven" => unit(7.0),
        "eight" => unit(8.0),
        "nine" => unit(9.0),
        "ten" => teen(10.0),
        "eleven" => teen(11.0),
        "twelve" => teen(12.0),
        "thirteen" => teen(13.0),
        "fourteen" => teen(14.0),
        "fifteen" => teen(15.0),
        "sixteen" => teen(16.0),
        "seventeen" => teen(17.0),
        "eighteen" => teen(18.0),
        "nineteen" => teen(19.0),
        "twenty" => tens(20.0),
        "thirty" => tens(30.0),
        "forty" => tens(40.0),
        "fifty" => tens(50.0),
        "sixty" => tens(60.0),
        "seventy" => tens(70.0),
        "eighty" => tens(80.0),
        "ninety" => tens(90.0),
        "hundred" => Some(W::Hundred),
        "thousand" => scale(1e3, true),
        "million" => scale(1e6, true),
        "billion" => scale(1e9, true),
        "trillion" => scale(1e12, true),
        // Indian scales and their usual short and variant spellings.
        "lakh" | "lakhs" | "lac" | "lacs" | "lkh" | "lkhs" => scale(1e5, false),
        "crore" | "crores" | "krore" | "krores" | "cr" | "koti" => scale(1e7, false),
        // "three billions", "two thousand millions": a plural scale after a number (alone,
        // "millions of" is vague and left to the vague amounts).
        "thousands" => scale(1e3, false),
        "millions" => scale(1e6, false),
        "billions" => scale(1e9, false),
        "trillions" => scale(1e12, false),
        "mn" | "mln" => scale(1e6, false),
        // "2.33 k": a spaced thousand suffix after digits.
        "k" => scale(1e3, false),
        "bn" | "bln" => scale(1e9, false),
        "tn" | "trn" | "tln" => scale(1e12, false),
        "dozen" | "dz" => Some(W::Dozen { plural: false }),
        "dozens" | "dzs" => Some(W::Dozen { plural: true }),
        "pair" => Some(W::Pair),
        "a" | "an" => Some(W::A),
        "and" => Some(W::And),
        "point" => Some(W::Point),
        "minus" | "negative" => Some(W::Minus),
        "half" => Some(W::Half),
        "halves" => Some(W::Denom {
            den: 2.0,
            plural: true,
        }),
        "quarter" => Some(W::Quarter),
        "quarters" => Some(W::Denom {
            den: 4.0,
            plural: true,
        }),
        "first" | "second" | "seconds" => Some(W::Ordinal),
        _ => None,
    };
    if r.is_some() {
        return r;
    }
    let (stem, plural) = match w.strip_suffix('s') {
        Some(s) => (s, true),
        None => (w, false),
    };
    let den = match stem {
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return None,
    };
    Some(W::Denom { den, plural })
}

/// The unit value of a plural ordinal that can end a compound denominator ("firsts" 1,
/// "fifths" 5). "seconds" is left out: it is time far more often.
pub(super) fn unit_ordinal_plural(w: &str) -> Option<f64> {
    Some(match w {
        "firsts" => 1.0,
        "thirds" => 3.0,
        "fourths" => 4.0,
        "fifths" => 5.0,
        "sixths" => 6.0,
        "sevenths" => 7.0,
        "eighths" => 8.0,
        "ninths" => 9.0,
        _ => return None,
    })
}

/// Whether an ASCII letter run is in the number vocabulary.
pub(super) fn is_number_word(w: &[u8]) -> bool {
    if w.len() > 12 {
        return false;
    }
    let mut low = [0u8; 12];
    for (d, s) in low.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&low[..w.len()])
        .ok()
        .and_then(lookup)
        .is_some()
}

/// Value of a single vulgar-fraction character.
/// The value of a superscript digit ("⁵").
pub(super) fn superscript_digit(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁴' as u32 + 4),
        _ => None,
    }
}

pub(super) fn vulgar(c: char) -> Option<f64> {
    Some(match c {
        '¼' => 0.25,
        '½' => 0.5,
        '¾' => 0.75,
        '⅐' => 1.0 / 7.0,
        '⅑' => 1.0 / 9.0,
        '⅒' => 0.1,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

// `_` is not a word character: in Markdown it is emphasis (`_nearly $2.7 million_`).
pub(super) fn wordish(c: char) -> bool {
    c.is_alphanumeric()
}

/// Byte length of a thousands separator at `i` (comma or a non-breaking /
/// thin space, which unlike a plain space are never a word gap).
pub(super) fn sep_len(b: &[u8], i: usize) -> usize {
    match b.get(i..) {
        Some([b',', ..]) => 1,
        Some([0xC2, 0xA0, ..]) => 2,
        Some([0xE2, 0x80, 0xAF | 0x89, ..]) => 3,
        _ => 0,
    }
}

/// Byte length of a whitespace character that may join number words.
pub(super) fn ws_len(b: &[u8], i: usize) -> usize {
    match b.get(i..) {
        Some([c, ..]) if c.is_ascii_whitespace() => 1,
        Some([0xC2, 0xA0, ..]) => 2,
        Some([0xE2, 0x80, 0xAF, ..]) => 3,
        _ => 0,
    }
}
