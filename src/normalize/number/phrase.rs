//! The scanner's word side: atoms in turn, connectors ("and", "point"), spelled-out
//! phrases and compound fractions, and the forward pass over the text.

use super::*;

impl Scanner<'_> {
    /// Lex whatever atom starts at `i`.
    pub(super) fn atom_at(&mut self, i: usize, first: bool) -> AtomRes {
        let Some(&c) = self.b.get(i) else {
            return AtomRes::Skip(i + 1);
        };
        if c.is_ascii_digit() || (c == b'.' && self.digit(i + 1)) || (first && self.sign_len(i) > 0)
        {
            return self.lex_digits(i, first);
        }
        if c.is_ascii_alphabetic() {
            let mut j = i;
            while self.b.get(j).is_some_and(u8::is_ascii_alphabetic) {
                j += 1;
            }
            if self.before(i).is_some_and(wordish) || self.at(j).is_some_and(wordish) {
                return AtomRes::Skip(self.skip_ident(j));
            }
            if j - i > 12 {
                return AtomRes::Skip(j);
            }
            let mut low = [0u8; 12];
            for (d, s) in low.iter_mut().zip(&self.b[i..j]) {
                *d = s.to_ascii_lowercase();
            }
            // A spaced upper-case "M" or "G" after digits is mega or giga ("1,674.5 G").
            let w = match &self.b[i..j] {
                b"M" | b"G" if self.word_follows(j) && !self.unit_follows(j) => None,
                b"M" => Some(W::Scale {
                    mult: 1e6,
                    bare: false,
                }),
                b"G" => Some(W::Scale {
                    mult: 1e9,
                    bare: false,
                }),
                _ => std::str::from_utf8(&low[..j - i]).ok().and_then(lookup),
            };
            return match w {
                Some(w) => AtomRes::Word(w, j),
                None => AtomRes::Skip(j),
            };
        }
        if let Some(ch) = self.at(i)
            && let Some(f) = vulgar(ch)
        {
            let e = i + ch.len_utf8();
            if !self.before(i).is_some_and(wordish) && !self.at(e).is_some_and(wordish) {
                return AtomRes::Num(NumAtom {
                    end: e,
                    value: f,
                    sep: false,
                    dec: true,
                    is_final: true,
                    plain_int: false,
                });
            }
        }
        AtomRes::Skip(i + self.char_len(i))
    }

    /// Connector after an atom ending at `e`: whitespace, or a hyphen between
    /// words (optionally spaced, "fifty - two").
    pub(super) fn connector(&self, e: usize, after_word: bool) -> Option<(Conn, usize)> {
        let mut p = e;
        loop {
            let l = ws_len(self.b, p);
            if l == 0 {
                break;
            }
            p += l;
        }
        if after_word && self.b.get(p) == Some(&b'-') {
            let mut q = p + 1;
            while self.b.get(q).is_some_and(u8::is_ascii_whitespace) {
                q += 1;
            }
            return self
                .b
                .get(q)
                .is_some_and(u8::is_ascii_alphabetic)
                .then_some((Conn::Hyphen, q));
        }
        (p > e && p < self.b.len()).then_some((Conn::Space, p))
    }

    /// Digits after "point": "point zero three", "point seventy-one".
    pub(super) fn point_digits(&mut self, mut pos: usize) -> Option<(f64, usize)> {
        let mut s = String::from("0.");
        let mut end = None;
        let mut conn = Conn::Space;
        let mut prev_tens = false;
        while let AtomRes::Word(w, j) = self.atom_at(pos, false) {
            match w {
                W::Unit(v) if !prev_tens && (end.is_none() || s.len() > 2) => {
                    if conn == Conn::Hyphen && end.is_some() {
                        // Only "seventy-one" style hyphens.
                        break;
                    }
                    s.push(char::from(b'0' + v as u8));
                }
                W::Unit(v) if prev_tens && v != 0.0 => {
                    s.pop();
                    s.push(char::from(b'0' + v as u8));
                    end = Some(j);
                    break;
                }
                W::Teen(v) | W::Tens(v) if end.is_none() => {
                    s.push_str(&format!("{}", v as u32));
                    prev_tens = matches!(w, W::Tens(_));
                    end = Some(j);
                    if !prev_tens {
                        break;
                    }
                    if let Some((c, p)) = self.connector(j, true) {
                        conn = c;
                        pos = p;
                        continue;
                    }
                    break;
                }
                _ => break,
            }
            end = Some(j);
            match self.connector(j, true) {
                Some((c, p)) => {
                    conn = c;
                    pos = p;
                }
                None => break,
            }
        }
        let end = end?;
        s.parse::<f64>().ok().map(|v| (v, end))
    }

    pub(super) fn emit_seq(&mut self, p: usize, t: usize) {
        let mut k = p;
        while k < t {
            if self.digit(k) {
                let r = self.digits_end(k);
                let v = self
                    .text
                    .get(k..r)
                    .and_then(|s| s.parse::<f64>().ok())
                    .filter(|v| v.is_finite());
                if let Some(v) = v {
                    self.out.push(NumberToken {
                        start: k,
                        end: r,
                        value: v,
                        form: NumberForm::Digits,
                        has_separator: false,
                        is_decimal: false,
                    });
                }
                k = r;
            } else {
                k += 1;
            }
        }
    }

    /// A fraction whose denominator is a compound ordinal ("three twenty-firsts" = 3/21,
    /// "one hundred thirty-fifths" = 100/35): number words, then a tens word joined to a
    /// plural unit ordinal. Returns (end, value). With "and" before the tens word the
    /// tens belong to the numerator, which the phrase grammar reads.
    pub(super) fn compound_fraction(&self, i: usize) -> Option<(usize, f64)> {
        // Up to 12 words joined by one space or a hyphen.
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut p = i;
        while words.len() < 12 {
            let mut j = p;
            while self.b.get(j).is_some_and(u8::is_ascii_alphabetic) {
                j += 1;
            }
            if j == p || self.at(j).is_some_and(wordish) {
                break;
            }
            words.push((p, j));
            match self.b.get(j) {
                Some(b' ' | b'-') if self.b.get(j + 1).is_some_and(u8::is_ascii_alphabetic) => {
                    p = j + 1;
                }
                _ => break,
            }
        }
        let lower = |(s, e): (usize, usize)| self.text.get(s..e).map(str::to_ascii_lowercase);
        // The first plural ordinal of a unit ("firsts" .. "ninths"; never "seconds").
        let d = words
            .iter()
            .position(|&w| lower(w).is_some_and(|t| unit_ordinal_plural(&t).is_some()))?;
        let unit = unit_ordinal_plural(&lower(words[d])?)?;
        let tens_at = d.checked_sub(1)?;
        let tens = match lookup(&lower(words[tens_at])?)? {
            W::Tens(v) => v,
            _ => return None,
        };
        let numerator_end = tens_at.checked_sub(1).map(|n| words[n].1)?;
        let mut first = i;
        let mut sign = 1.0;
        if let Some(w) = lower(words[0])
            && matches!(w.as_str(), "minus" | "negative")
        {
            first = words.get(1)?.0;
            sign = -1.0;
        }
        if first >= numerator_end {
            return None;
        }
        let numerator = self.text.get(first..numerator_end)?;
        if numerator
            .split([' ', '-'])
            .next_back()
            .is_some_and(|w| w.eq_ignore_ascii_case("and"))
        {
            return None;
        }
        let n = parse_words(numerator)?;
        Some((words[d].1, sign * n / (tens + unit)))
    }

    /// Parse the longest number phrase starting at `i`; returns where to resume.
    pub(super) fn phrase(&mut self, i: usize) -> usize {
        if let Some((end, value)) = self.compound_fraction(i) {
            self.out.push(NumberToken {
                start: i,
                end,
                value,
                form: NumberForm::Words,
                has_separator: false,
                is_decimal: true,
            });
            return end;
        }
        let mut acc = Acc::new();
        let mut committed: Option<(usize, Acc)> = None;
        // What was complete before the latest "and": "3 hundred and 2 hundred"
        // turns out to be two numbers once the second "hundred" arrives.
        let mut before_and: Option<(usize, Acc)> = None;
        let mut first_end = i + self.char_len(i);
        let mut pos = i;
        let mut conn = Conn::Start;
        loop {
            let first = conn == Conn::Start;
            let (end, was_word) = match self.atom_at(pos, first) {
                AtomRes::Skip(e) if first => return e.max(i + 1),
                AtomRes::Seq(p, t) if first => {
                    self.emit_seq(p, t);
                    return t.max(i + 1);
                }
                AtomRes::Skip(_) | AtomRes::Seq(..) => break,
                AtomRes::Num(a) => {
                    if first {
                        first_end = a.end;
                    }
                    if !acc.apply_num(&a, conn) {
                        break;
                    }
                    if a.is_final && a.value.is_finite() && !first {
                        acc.mixed = true;
                    }
                    if a.is_final && first && a.end > i {
                        // Suffix multipliers ("10k") make the token Mixed.
                        let core = self.text.get(i..a.end).unwrap_or("");
                        acc.mixed = core.bytes().last().is_some_and(|c| c.is_ascii_alphabetic());
                    }
                    (a.end, false)
                }
                AtomRes::Word(w, j) => {
                    if first {
                        first_end = j;
                        if w == W::Minus
                            && self.out.last().is_some_and(|t| {
                                self.text.get(t.end..i).is_some_and(|g| g.trim().is_empty())
                            })
                        {
                            // "5 minus 3" is arithmetic, not a negative three.
                            return j;
                        }
                    }
                    if w == W::Point {
                        let ok = matches!(
                            acc.last,
                            Last::Unit | Last::Teen | Last::Tens | Last::Hundred | Last::Scale
                        ) && !acc.dec
                            && !acc.need_denom
                            && conn == Conn::Space;
                        let digits = if ok {
                            self.connector(j, true)
                                .filter(|(c, _)| *c == Conn::Space)
                                .and_then(|(_, p)| self.point_digits(p))
                        } else {
                            None
                        };
                        match digits {
                            Some((f, e)) => {
                                acc.small += f;
                                acc.dec = true;
                                acc.last = Last::PointDec;
                                (e, true)
                            }
                            None => break,
                        }
                    } else {
                        let before = acc.last;
                        if w == W::And {
                            before_and = committed;
                        }
                        if !acc.apply_word(w, conn) {
                            if matches!(w, W::Hundred | W::Scale { .. } | W::Dozen { .. })
                                && acc.has_and
                                && before == Last::Num
                                && before_and.is_some()
                            {
                                committed = before_and;
                            }
                            // "$280 million first preferred": "first" after a
                            // scale word with a space starts something else.
                            let ordinalish = matches!(w, W::Denom { .. })
                                || (w == W::Ordinal
                                    && (conn == Conn::Hyphen
                                        || !matches!(before, Last::Hundred | Last::Scale)));
                            if ordinalish
                                && (conn == Conn::Hyphen
                                    || matches!(
                                        before,
                                        Last::Tens | Last::Hundred | Last::Scale | Last::And
                                    ))
                            {
                                // "twenty-first", "one hundred and third": an
                                // ordinal, so none of it is a count.
                                return j;
                            }
                            break;
                        }
                        (j, true)
                    }
                }
            };
            if acc.complete() {
                committed = Some((end, acc));
            }
            match self.connector(end, was_word) {
                Some((c, p)) => {
                    conn = c;
                    pos = p;
                }
                None => break,
            }
        }
        self.emit_phrase(i, committed, first_end)
    }

    /// The phrase read from `i` as committed, or nothing when no part of it completed a
    /// number; where scanning goes on.
    fn emit_phrase(
        &mut self,
        i: usize,
        committed: Option<(usize, Acc)>,
        first_end: usize,
    ) -> usize {
        let Some((end, acc)) = committed else {
            return first_end.max(i + 1);
        };
        let value = acc.value();
        if value.is_finite() {
            let form = if acc.words && acc.digits || acc.mixed {
                NumberForm::Mixed
            } else if acc.digits {
                NumberForm::Digits
            } else {
                NumberForm::Words
            };
            self.out.push(NumberToken {
                start: i,
                end,
                value,
                form,
                has_separator: acc.sep,
                is_decimal: acc.dec,
            });
        }
        end.max(i + 1)
    }

    pub(super) fn run(&mut self) {
        let n = self.b.len();
        let mut i = 0;
        while i < n {
            let c = self.b[i];
            let starts = if c.is_ascii_digit() {
                true
            } else if c.is_ascii_alphabetic() {
                let mut j = i;
                while self.b.get(j).is_some_and(u8::is_ascii_alphabetic) {
                    j += 1;
                }
                // Most words are not number words: reject them here without
                // setting up a phrase.
                if self.before(i).is_some_and(wordish) || !is_number_word(&self.b[i..j]) {
                    i = j;
                    continue;
                }
                true
            } else if c == b'.' {
                self.digit(i + 1)
            } else if c == b'-' || c >= 0x80 {
                self.sign_len(i) > 0 || self.at(i).and_then(vulgar).is_some()
            } else {
                false
            };
            if starts {
                i = self.phrase(i);
            } else {
                i += self.char_len(i);
            }
        }
    }
}
