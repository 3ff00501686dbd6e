//! The scanner's digit side: digit runs with separators, signs, scale suffixes,
//! exponents and fractions, and what may stand left or right of them.

use super::*;

impl Scanner<'_> {
    pub(super) fn digit(&self, i: usize) -> bool {
        self.b.get(i).is_some_and(u8::is_ascii_digit)
    }

    pub(super) fn digits_end(&self, mut i: usize) -> usize {
        while self.digit(i) {
            i += 1;
        }
        i
    }

    pub(super) fn before(&self, i: usize) -> Option<char> {
        self.text.get(..i).and_then(|s| s.chars().next_back())
    }

    pub(super) fn at(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|s| s.chars().next())
    }

    pub(super) fn char_len(&self, i: usize) -> usize {
        self.at(i).map_or(1, char::len_utf8)
    }

    /// End of the identifier-like run starting at `i`.
    pub(super) fn skip_ident(&self, mut i: usize) -> usize {
        while let Some(c) = self.at(i) {
            if !wordish(c) {
                break;
            }
            i += c.len_utf8();
        }
        i
    }

    /// Length of a sign at `i` that may start a negative number.
    pub(super) fn sign_len(&self, i: usize) -> usize {
        let len = match self.b.get(i..) {
            Some([b'-', ..]) => 1,
            Some(rest) if rest.starts_with(MINUS_SIGN) => MINUS_SIGN.len(),
            _ => return 0,
        };
        let p = i + len;
        let num_follows = self.digit(p) || (self.b.get(p) == Some(&b'.') && self.digit(p + 1));
        // Only a sign when directly attached and not joining two tokens.
        let free = match self.before(i) {
            None => true,
            // "<-30", "=-4": a comparison sign before a negative number.
            Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '<' | '>' | '='),
        };
        if num_follows && free { len } else { 0 }
    }

    /// Whether digits starting at `i` stand on their own on the left.
    pub(super) fn left_ok(&self, i: usize) -> bool {
        let Some(c) = self.before(i) else {
            return true;
        };
        if wordish(c) {
            return self.code_before(i);
        }
        if c == '-' || c == '.' {
            let j = i - 1;
            let Some(p) = self.before(j) else {
                return true;
            };
            if c == '.' {
                return !wordish(p);
            }
            if p.is_ascii_alphabetic() {
                let mut k = j;
                while k > 0 && self.b.get(k - 1).is_some_and(u8::is_ascii_alphabetic) {
                    k -= 1;
                }
                let word = self.text.get(k..j).unwrap_or("");
                // "5k-20k", "10km-12km": the letters end a number, so this is a range.
                let ends_number = k > 0 && self.digit(k - 1) && word.len() <= 3;
                return ends_number || PLAIN_PREFIXES.contains(&word);
            }
            return !p.is_alphabetic();
        }
        true
    }

    /// Whether the letters glued before digits at `i` are a unit code written as a
    /// prefix ("USD115", "Rs20", "RM42"): two to four ASCII letters starting a word, the
    /// first upper case, that `is_code` knows. Lower-case runs ("abc123") stay identifiers.
    pub(super) fn code_before(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 && self.b.get(k - 1).is_some_and(u8::is_ascii_alphabetic) {
            k -= 1;
        }
        let letters = self.text.get(k..i).unwrap_or("");
        (2..=4).contains(&letters.len())
            && letters.starts_with(|c: char| c.is_ascii_uppercase())
            && !self.before(k).is_some_and(wordish)
            && (self.is_code)(&letters.to_lowercase())
    }

    /// Whether a word starts at `j`, after at most one space.
    pub(super) fn word_follows(&self, j: usize) -> bool {
        let k = if self.b.get(j) == Some(&b' ') {
            j + 1
        } else {
            j
        };
        self.at(k).is_some_and(char::is_alphabetic)
    }

    /// Whether the word after at most one space at `j` is a unit ("1.8M dollars").
    pub(super) fn unit_follows(&self, j: usize) -> bool {
        let k = if self.b.get(j) == Some(&b' ') {
            j + 1
        } else {
            j
        };
        let mut e = k;
        while self.b.get(e).is_some_and(u8::is_ascii_alphabetic) {
            e += 1;
        }
        e > k && (self.is_unit)(&self.text.get(k..e).unwrap_or("").to_lowercase())
    }

    pub(super) fn parse_buf(&self) -> Option<f64> {
        self.buf.parse::<f64>().ok().filter(|v| v.is_finite())
    }

    pub(super) fn push_digits(&mut self, from: usize, to: usize) {
        if let Some(s) = self.text.get(from..to) {
            self.buf.push_str(s);
        }
    }

    pub(super) fn lex_digits(&mut self, i: usize, allow_sign: bool) -> AtomRes {
        let sign = if allow_sign { self.sign_len(i) } else { 0 };
        let p = i + sign;
        if !self.left_ok(i) {
            return AtomRes::Skip(self.skip_ident(p));
        }
        self.buf.clear();
        if sign > 0 {
            self.buf.push('-');
        }
        let mut sep = false;
        let mut dec = false;
        let mut is_final = false;
        let mut value;
        let mut e;
        if self.b.get(p) == Some(&b'.') {
            if self.before(i).is_some_and(|c| c.is_ascii_digit()) {
                return AtomRes::Skip(i + 1);
            }
            self.buf.push('0');
            e = p;
        } else {
            let q = self.digits_end(p);
            // Clock times ("4:59", "10:30:15") are not quantities.
            if sign == 0
                && q - p <= 2
                && self.b.get(q) == Some(&b':')
                && self.digit(q + 1)
                && self.digit(q + 2)
                && !self.digit(q + 3)
            {
                let mut t = q + 3;
                if self.b.get(t) == Some(&b':')
                    && self.digit(t + 1)
                    && self.digit(t + 2)
                    && !self.digit(t + 3)
                {
                    t += 3;
                }
                return AtomRes::Skip(self.skip_ident(t));
            }
            // Dotted runs of three or more groups are addresses or versions.
            if self.b.get(q) == Some(&b'.') && self.digit(q + 1) {
                let r = self.digits_end(q + 1);
                if self.b.get(r) == Some(&b'.') && self.digit(r + 1) {
                    let mut t = self.digits_end(r + 1);
                    while self.b.get(t) == Some(&b'.') && self.digit(t + 1) {
                        t = self.digits_end(t + 1);
                    }
                    return self.seq_or_skip(p, t);
                }
            }
            if self.b.get(q) == Some(&b'/') && self.digit(q + 1) {
                let r = self.digits_end(q + 1);
                if self.b.get(r) == Some(&b'/') && self.digit(r + 1) {
                    let mut t = self.digits_end(r + 1);
                    while self.b.get(t) == Some(&b'/') && self.digit(t + 1) {
                        t = self.digits_end(t + 1);
                    }
                    return self.seq_or_skip(p, t);
                }
                match self.fraction(p, q, r) {
                    Some(f) => {
                        value = if sign > 0 { -f } else { f };
                        return self.finish_right(i, r, value, false, true, true);
                    }
                    None if sign == 0 => return self.seq_or_skip(p, r),
                    None => {}
                }
            }
            self.push_digits(p, q);
            e = q;
            if let Some(stop) = self.thousands_groups(p, q) {
                sep = true;
                e = stop;
            }
            // Mixed fraction "2 1/2".
            if !sep && sign == 0 && self.b.get(e) == Some(&b' ') && self.digit(e + 1) {
                let n0 = e + 1;
                let n1 = self.digits_end(n0);
                if self.b.get(n1) == Some(&b'/') && self.digit(n1 + 1) {
                    let d1 = self.digits_end(n1 + 1);
                    if let (Some(f), Some(w)) = (self.fraction(n0, n1, d1), self.parse_buf())
                        && f < 1.0
                        && self.b.get(d1) != Some(&b'/')
                    {
                        return self.finish_right(i, d1, w + f, false, true, true);
                    }
                }
            }
        }
        if self.b.get(e) == Some(&b'.') && self.digit(e + 1) {
            let r = self.digits_end(e + 1);
            self.buf.push('.');
            self.push_digits(e + 1, r);
            dec = true;
            e = r;
        }
        // Scientific notation, which the upstream suites use ("12.32e+14").
        if matches!(self.b.get(e), Some(b'e' | b'E')) {
            let mut t = e + 1;
            if matches!(self.b.get(t), Some(b'+' | b'-')) {
                t += 1;
            }
            if self.digit(t) {
                let r = self.digits_end(t);
                if let Some(s) = self.text.get(e..r) {
                    self.buf.push_str(s);
                }
                dec = true;
                e = r;
            }
        }
        value = match self.parse_buf() {
            Some(v) => v,
            None => return AtomRes::Skip(self.skip_ident(e.max(i + 1))),
        };
        // "2½"
        if !dec
            && let Some(c) = self.at(e)
            && let Some(f) = vulgar(c)
        {
            let v = if value < 0.0 { value - f } else { value + f };
            return self.finish_right(i, e + c.len_utf8(), v, sep, true, true);
        }
        // Powers: "2.5^-1", "1.3x10^6".
        if let Some((v, t)) = self.power(e, value) {
            value = v;
            e = t;
            dec = true;
            is_final = true;
        }
        self.finish_right(i, e, value, sep, dec, is_final)
    }

    /// Thousands groups after the digits `p..q`: standard 3-digit groups, or the Indian
    /// 2-digit grouping ending in a 3-digit group ("12,34,567"); their digits are pushed
    /// and the end of the last group returned.
    fn thousands_groups(&mut self, p: usize, q: usize) -> Option<usize> {
        if q - p > 3 {
            return None;
        }
        let mut groups: [usize; 2] = [0, 0]; // (count, count of 3-digit)
        let mut t = q;
        let mut ends = q;
        let mut ok_std_end = q;
        let mut indian_ok = q - p <= 2;
        let mut last_len = 0;
        loop {
            let sl = sep_len(self.b, t);
            if sl == 0 || !self.digit(t + sl) {
                break;
            }
            let g_end = self.digits_end(t + sl);
            let len = g_end - (t + sl);
            if len != 2 && len != 3 {
                break;
            }
            groups[0] += 1;
            if len == 3 {
                groups[1] += 1;
                if groups[0] == groups[1] {
                    ok_std_end = g_end;
                }
            } else if last_len == 3 {
                indian_ok = false;
            }
            last_len = len;
            t = g_end;
            ends = g_end;
        }
        let indian = indian_ok && groups[0] >= 2 && last_len == 3 && groups[1] == 1;
        let stop = if indian { ends } else { ok_std_end };
        if stop <= q {
            return None;
        }
        let mut k = q;
        while k < stop {
            let sl = sep_len(self.b, k);
            let g_end = self.digits_end(k + sl);
            self.push_digits(k + sl, g_end);
            k = g_end;
        }
        Some(stop)
    }

    /// A power after a figure ending at `e`: "^-1" (the figure raised), "x10^6",
    /// "×10−5", "x10-3", "×10⁻⁵" (times a power of ten), "x2^10" (times a power of another
    /// base). Without a caret only ten takes an exponent, and only a signed one: "5x10"
    /// alone is a size ("a 5x10 room"), not a power.
    pub(super) fn power(&self, e: usize, base: f64) -> Option<(f64, usize)> {
        let b = self.b;
        let (times, t) = match b.get(e..) {
            Some([b'^', ..]) => (None, e + 1),
            Some([b'x' | b'X', ..]) => (Some(e + 1), e + 1),
            Some([0xC3, 0x97, ..]) => (Some(e + 2), e + 2),
            _ => return None,
        };
        let (radix, t) = match times {
            None => (None, t),
            Some(d) => {
                if !self.digit(d) {
                    return None;
                }
                let r = self.digits_end(d);
                let radix: f64 = self.text.get(d..r)?.parse().ok()?;
                match b.get(r) {
                    Some(b'^') => (Some(radix), r + 1),
                    _ if radix == 10.0 => {
                        let (exp, end) = self.bare_exponent(r)?;
                        // Dividing keeps "2.48×10−5" at 2.48e-5 exactly.
                        let v = if exp < 0 {
                            base / 10f64.powi(-exp)
                        } else {
                            base * 10f64.powi(exp)
                        };
                        return v.is_finite().then_some((v, end));
                    }
                    _ => return None,
                }
            }
        };
        let mut k = t;
        let mut neg = false;
        loop {
            match b.get(k..) {
                Some([b'+', ..]) => k += 1,
                Some([b'-', ..]) => {
                    neg = !neg;
                    k += 1;
                }
                Some(rest) if rest.starts_with(MINUS_SIGN) => {
                    neg = !neg;
                    k += MINUS_SIGN.len();
                }
                _ => break,
            }
        }
        // Upstream reads "^--23" as "^23": repeated minus signs cancel out.
        if !self.digit(k) {
            return None;
        }
        let r = self.digits_end(k);
        let exp: i32 = self.text.get(k..r)?.parse().ok()?;
        let exp = if neg { -exp } else { exp };
        let v = match radix {
            Some(radix) => base * radix.powi(exp),
            None => base.signum() * base.abs().powi(exp),
        };
        v.is_finite().then_some((v, r))
    }

    /// An exponent written right after "x10" without a caret: a sign and digits ("-3",
    /// "−5", "+6") or superscript digits ("⁻⁵", "⁶"), and nothing alphanumeric after.
    pub(super) fn bare_exponent(&self, r: usize) -> Option<(i32, usize)> {
        let rest = self.text.get(r..)?;
        let mut chars = rest.char_indices().peekable();
        let mut neg = false;
        let mut digits = String::new();
        let mut end = r;
        let superscript = match chars.peek() {
            Some((_, '-' | '−')) => {
                neg = true;
                chars.next();
                false
            }
            Some((_, '+')) => {
                chars.next();
                false
            }
            Some((_, '⁻')) => {
                neg = true;
                chars.next();
                true
            }
            Some((_, c)) if superscript_digit(*c).is_some() => true,
            _ => return None,
        };
        for (at, c) in chars {
            let d = if superscript {
                superscript_digit(c)
            } else {
                c.to_digit(10).filter(|_| c.is_ascii_digit())
            };
            match d {
                Some(d) if digits.len() < 3 => {
                    digits.push(char::from_digit(d, 10)?);
                    end = r + at + c.len_utf8();
                }
                _ => break,
            }
        }
        if digits.is_empty() || self.at(end).is_some_and(wordish) {
            return None;
        }
        let exp: i32 = digits.parse().ok()?;
        Some((if neg { -exp } else { exp }, end))
    }

    pub(super) fn fraction(&self, n0: usize, n1: usize, d1: usize) -> Option<f64> {
        let num: u64 = self.text.get(n0..n1)?.parse().ok()?;
        let den: u64 = self.text.get(n1 + 1..d1)?.parse().ok()?;
        if !FRACTION_DENOMINATORS.contains(&den) || self.digit(d1) {
            return None;
        }
        Some(num as f64 / den as f64)
    }

    pub(super) fn seq_or_skip(&self, p: usize, t: usize) -> AtomRes {
        if self.at(t).is_some_and(wordish) {
            AtomRes::Skip(self.skip_ident(t))
        } else {
            AtomRes::Seq(p, t)
        }
    }

    /// Right context of a digit number ending at `e`: scale suffixes make it
    /// Mixed; any other attached letter (ordinal, unit, identifier) drops it.
    pub(super) fn finish_right(
        &mut self,
        i: usize,
        e: usize,
        value: f64,
        sep: bool,
        dec: bool,
        is_final: bool,
    ) -> AtomRes {
        let plain_int = !sep && !dec && !is_final && value >= 0.0;
        let atom = NumAtom {
            end: e,
            value,
            sep,
            dec,
            is_final,
            plain_int,
        };
        let Some(c) = self.at(e) else {
            return AtomRes::Num(atom);
        };
        if !wordish(c) {
            return AtomRes::Num(atom);
        }
        let mut j = e;
        while self.b.get(j).is_some_and(u8::is_ascii_alphabetic) {
            j += 1;
        }
        if j == e || is_final {
            return AtomRes::Skip(self.skip_ident(e.max(i + 1)));
        }
        if self.at(j).is_some_and(wordish) {
            let glued = self.text.get(e..self.skip_ident(e)).unwrap_or("");
            if (self.is_unit)(&glued.to_lowercase()) {
                return AtomRes::Num(NumAtom {
                    is_final: true,
                    plain_int: false,
                    ..atom
                });
            }
            return AtomRes::Skip(self.skip_ident(e.max(i + 1)));
        }
        let suffix = self.text.get(e..j).unwrap_or("");
        // A currency sign before the number makes a glued "m" a million ("$100m").
        let after_sign = self
            .text
            .get(..i)
            .map(str::trim_end)
            .and_then(|t| t.chars().next_back())
            .is_some_and(|c| matches!(c, '$' | '€' | '£' | '¥' | '₹'));
        // A currency code glued before ("USD10m", "Rs20bn") is a sign too.
        let code_before = {
            let head = self.text.get(..i).unwrap_or("");
            let letters = head
                .bytes()
                .rev()
                .take_while(u8::is_ascii_alphabetic)
                .count();
            letters >= 2 && (self.is_code)(&head[head.len() - letters..].to_lowercase())
        };
        let after_sign = after_sign || code_before;
        // "12.3m tonnes", "1.2m barrels": a glued "m" before a unit word is a million, not
        // metres (a unit after a unit is no measure).
        let million_before_unit =
            suffix == "m" && self.b.get(j) == Some(&b' ') && self.unit_follows(j);
        let after_sign = after_sign || million_before_unit;
        let glued = self.text.get(e..self.skip_ident(e)).unwrap_or("");
        // An upper-case "M" or "G" ending a figure is mega or giga ("10M.", "1.5G"):
        // metres and grams are written in lower case. Followed by a word it names a
        // product or a generation ("9600M GT", "3G networks") and is left as it was.
        let upper_scale =
            matches!(suffix, "M" | "G") && (!self.word_follows(j) || self.unit_follows(j));
        if !after_sign && !upper_scale && (self.is_unit)(&glued.to_lowercase()) {
            return AtomRes::Num(NumAtom {
                is_final: true,
                plain_int: false,
                ..atom
            });
        }
        let mult = match suffix {
            "k" | "K" => 1e3,
            "m" | "M" => 1e6,
            "b" | "B" | "G" => 1e9,
            // "$2.1T": after a currency sign only; "10T" alone is tonnes or teslas.
            "T" if after_sign => 1e12,
            s if s.eq_ignore_ascii_case("mn")
                || s.eq_ignore_ascii_case("mln")
                || s.eq_ignore_ascii_case("mil") =>
            {
                1e6
            }
            s if s.eq_ignore_ascii_case("bn") || s.eq_ignore_ascii_case("bln") => 1e9,
            s if s.eq_ignore_ascii_case("tn")
                || s.eq_ignore_ascii_case("trn")
                || s.eq_ignore_ascii_case("tln") =>
            {
                1e12
            }
            _ => return AtomRes::Skip(self.skip_ident(e)),
        };
        AtomRes::Num(NumAtom {
            end: j,
            value: value * mult,
            sep,
            dec,
            is_final: true,
            plain_int: false,
        })
    }
}
