use super::*;
use proptest::prelude::*;

/// (text, expected [(span text, value)]) checked by span text and value.
fn spans(text: &str) -> Vec<(&str, f64)> {
    scan(text)
        .iter()
        .map(|t| (&text[t.start..t.end], t.value))
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn check(cases: &[(&str, &[(&str, f64)])]) {
    for (text, want) in cases {
        let got = spans(text);
        let ok = got.len() == want.len()
            && got
                .iter()
                .zip(want.iter())
                .all(|((gs, gv), (ws, wv))| gs == ws && close(*gv, *wv));
        assert!(ok, "{text:?}: got {got:?}, want {want:?}");
    }
}

#[test]
fn upper_case_m_and_g_end_a_figure_as_mega_and_giga() {
    check(&[
        ("we raised 12M.", &[("12M", 12e6)]),
        ("about 2.5G", &[("2.5G", 2.5e9)]),
        ("1,250.5 G", &[("1,250.5 G", 1_250.5e9)]),
        ("-3.4M", &[("-3.4M", -3.4e6)]),
    ]);
    // Followed by a word they name a product or a generation, not a scale.
    let names = scan_with_units("the 8800M chip and 4G phones", &|u| u == "m" || u == "g");
    assert!(names.iter().all(|t| t.value < 1e4), "{names:?}");
    // Followed by a unit they are still scales.
    let money = scan_with_units("it cost 2.5M dollars", &|u| u == "dollars");
    assert_eq!(money.first().map(|t| t.value), Some(2.5e6));
}

#[test]
fn indian_and_plural_scales_multiply() {
    check(&[
        ("40 lakhs", &[("40 lakhs", 4e6)]),
        ("two hundred krores", &[("two hundred krores", 2e9)]),
        ("five lac", &[("five lac", 5e5)]),
        ("four billions", &[("four billions", 4e9)]),
        (
            "seven thousand millions",
            &[("seven thousand millions", 7e9)],
        ),
    ]);
    // Alone, a plural scale is vague and not a number here.
    check(&[("millions of", &[])]);
}

#[test]
fn a_pair_is_two_and_nil_is_zero() {
    check(&[
        ("a pair of gloves", &[("a pair", 2.0)]),
        ("the score was nil", &[("nil", 0.0)]),
    ]);
    check(&[("the pair left", &[]), ("a couple", &[])]);
}

#[test]
fn compound_ordinal_denominators_take_the_tens() {
    check(&[
        ("five twenty-firsts", &[("five twenty-firsts", 5.0 / 21.0)]),
        (
            "two thirty sevenths",
            &[("two thirty sevenths", 2.0 / 37.0)],
        ),
        (
            "one hundred forty-fifths",
            &[("one hundred forty-fifths", 100.0 / 45.0)],
        ),
        (
            "minus two hundred twenty thirds",
            &[("minus two hundred twenty thirds", -200.0 / 23.0)],
        ),
        // With "and", the tens belong to the numerator.
        (
            "two hundred and forty sixths",
            &[("two hundred and forty sixths", 40.0)],
        ),
        // Halves and quarters after "hundred and" stay a fractional part.
        ("a hundred and a half", &[("a hundred and a half", 100.5)]),
    ]);
    // "seconds" is time, never a denominator.
    assert!(
        spans("one hundred twenty seconds")
            .iter()
            .all(|(_, v)| !close(*v, 100.0 / 22.0))
    );
}

#[test]
fn scale_suffixed_figures_join_a_range_with_a_hyphen() {
    check(&[("2k-15k", &[("2k", 2e3), ("15k", 15e3)])]);
}

#[test]
fn a_currency_code_glued_before_digits_is_left_to_the_caller() {
    let code = |c: &str| matches!(c, "usd" | "rs");
    let found = |text: &str| -> Vec<(String, f64)> {
        scan_with_codes(text, &|_| false, &code)
            .iter()
            .map(|t| (text[t.start..t.end].to_owned(), t.value))
            .collect()
    };
    assert_eq!(found("USD250"), vec![("250".to_owned(), 250.0)]);
    assert_eq!(found("Rs75.5"), vec![("75.5".to_owned(), 75.5)]);
    // Lower-case or unknown letters keep the digits an identifier.
    assert!(found("usd250 ab12 XYZ9").is_empty());
}

#[test]
fn a_comparison_sign_may_precede_a_minus() {
    check(&[("<-12", &[("-12", -12.0)])]);
}

#[test]
fn digit_numbers_have_exact_spans_and_values() {
    check(&[
        ("43", &[("43", 43.0)]),
        ("about 1,700 people", &[("1,700", 1700.0)]),
        ("80,000 troops", &[("80,000", 80000.0)]),
        ("rose 2.7 points", &[("2.7", 2.7)]),
        ("only .5 left", &[(".5", 0.5)]),
        ("at -5 degrees", &[("-5", -5.0)]),
        ("at \u{2212}5 degrees", &[("\u{2212}5", -5.0)]),
        ("(-5)", &[("-5", -5.0)]),
        ("scores 3-1", &[("3", 3.0), ("1", 1.0)]),
        ("cost $2.7 each", &[("2.7", 2.7)]),
        ("up 90% now", &[("90", 90.0)]),
        ("(43)", &[("43", 43.0)]),
        ("in 2025.", &[("2025", 2025.0)]),
        ("12,34,567.89", &[("12,34,567.89", 1234567.89)]),
        ("nrs 22,24,26", &[("22", 22.0), ("24", 24.0), ("26", 26.0)]),
        ("40\u{202f}000", &[("40\u{202f}000", 40000.0)]),
    ]);
}

#[test]
fn separators_and_decimals_are_flagged() {
    let t = scan("1,700.5");
    assert_eq!(t.len(), 1);
    assert!(t[0].has_separator && t[0].is_decimal);
    assert_eq!(t[0].form, NumberForm::Digits);
    let t = scan("43");
    assert!(!t[0].has_separator && !t[0].is_decimal);
}

#[test]
fn identifiers_yield_no_numbers() {
    check(&[
        ("MS-13 gang", &[]),
        ("the B2 bomber", &[]),
        ("COVID-19 cases", &[]),
        ("Covid-19", &[]),
        ("F-35A jets", &[]),
        ("version v2.0.1", &[]),
        ("the 180ml bottle", &[]),
        ("5\u{e9}", &[]),
    ]);
}

#[test]
fn lower_case_prefixes_keep_the_year() {
    check(&[("by mid-2020 it", &[("2020", 2020.0)])]);
}

#[test]
fn powers_written_with_a_times_sign_are_one_number() {
    check(&[
        ("a drift of 3.1×10−4 per day", &[("3.1×10−4", 3.1e-4)]),
        ("about 7.2x10-6 of it", &[("7.2x10-6", 7.2e-6)]),
        ("some 4x10^3 cells", &[("4x10^3", 4000.0)]),
        ("exactly 3x2^8 steps", &[("3x2^8", 768.0)]),
        ("1.5×10⁻³ left", &[("1.5×10⁻³", 1.5e-3)]),
    ]);
    // A size is not a power: without a caret only a signed exponent follows "x10".
    check(&[("a 5x10 room", &[])]);
}

#[test]
fn an_upper_case_t_after_a_currency_sign_is_a_trillion() {
    check(&[
        ("a budget of $1.25T this year", &[("1.25T", 1.25e12)]),
        ("a 10T magnet", &[]),
    ]);
}

#[test]
fn scales_after_digits_are_mixed() {
    check(&[
        ("3 million", &[("3 million", 3e6)]),
        ("2.7 million", &[("2.7 million", 2.7e6)]),
        ("1.5 billion", &[("1.5 billion", 1.5e9)]),
        ("5 thousand", &[("5 thousand", 5e3)]),
        ("3 trillion", &[("3 trillion", 3e12)]),
        ("a 2.7m deal", &[("2.7m", 2.7e6)]),
        ("$1.5bn.", &[("1.5bn", 1.5e9)]),
        ("4bn", &[("4bn", 4e9)]),
        ("10k runners", &[("10k", 1e4)]),
        ("10 bln", &[("10 bln", 1e10)]),
    ]);
    for text in ["3 million", "2.7m", "$1.5bn"] {
        let t = scan(text);
        assert_eq!(t[0].form, NumberForm::Mixed, "{text}");
    }
}

#[test]
fn forty_three_in_words_is_43() {
    check(&[
        ("forty-three", &[("forty-three", 43.0)]),
        ("Forty-three", &[("Forty-three", 43.0)]),
        ("fifty - two", &[("fifty - two", 52.0)]),
    ]);
    assert_eq!(scan("forty-three")[0].form, NumberForm::Words);
}

#[test]
fn word_numbers_combine_hundreds_and_scales() {
    check(&[
        ("one", &[("one", 1.0)]),
        ("zero", &[("zero", 0.0)]),
        ("nineteen", &[("nineteen", 19.0)]),
        (
            "one hundred and twenty-three",
            &[("one hundred and twenty-three", 123.0)],
        ),
        (
            "two thousand and five",
            &[("two thousand and five", 2005.0)],
        ),
        ("a hundred", &[("a hundred", 100.0)]),
        ("a thousand", &[("a thousand", 1000.0)]),
        ("a million", &[("a million", 1e6)]),
        ("three million", &[("three million", 3e6)]),
        ("forty thousand", &[("forty thousand", 4e4)]),
        ("nineteen hundred", &[("nineteen hundred", 1900.0)]),
    ]);
}

#[test]
fn dozens_halves_and_quarters_are_fractions_of_scales() {
    check(&[
        ("a dozen eggs", &[("a dozen", 12.0)]),
        ("half a dozen", &[("half a dozen", 6.0)]),
        ("half a million", &[("half a million", 5e5)]),
        ("two and a half", &[("two and a half", 2.5)]),
        (
            "one and a half million",
            &[("one and a half million", 1.5e6)],
        ),
        ("three quarters", &[("three quarters", 0.75)]),
        ("two thirds", &[("two thirds", 2.0 / 3.0)]),
        ("3 million and a half", &[("3 million and a half", 3.5e6)]),
        (
            "two point five million",
            &[("two point five million", 2.5e6)],
        ),
    ]);
}

#[test]
fn digit_fractions_are_values() {
    check(&[
        ("1/2", &[("1/2", 0.5)]),
        ("2 1/2 miles", &[("2 1/2", 2.5)]),
        ("\u{bd}", &[("\u{bd}", 0.5)]),
        ("2\u{bd}", &[("2\u{bd}", 2.5)]),
        ("the 9/11 attacks", &[("9", 9.0), ("11", 11.0)]),
        ("3/4/2020", &[("3", 3.0), ("4", 4.0), ("2020", 2020.0)]),
    ]);
}

#[test]
fn ordinals_are_not_numbers() {
    check(&[
        ("the first time", &[]),
        ("third place", &[]),
        ("the 21st century", &[]),
        ("came 3rd", &[]),
        ("twenty-first century", &[]),
        ("one hundred and third", &[]),
    ]);
}

#[test]
fn one_inside_words_is_not_a_number() {
    check(&[
        ("someone anyone alone lonely", &[]),
        ("that one is good", &[("one", 1.0)]),
    ]);
}

#[test]
fn a_alone_is_never_a_number() {
    check(&[("a cat and an owl", &[]), ("a couple of", &[])]);
}

#[test]
fn clock_times_yield_nothing() {
    check(&[
        ("at 4:59 pm", &[]),
        ("10:30:15", &[]),
        ("ratio 1:1000", &[("1", 1.0), ("1000", 1000.0)]),
    ]);
}

#[test]
fn dotted_quads_yield_four_integers() {
    check(&[(
        "192.168.1.2",
        &[("192", 192.0), ("168", 168.0), ("1", 1.0), ("2", 2.0)],
    )]);
}

#[test]
fn separate_word_numbers_stay_separate() {
    check(&[
        (
            "one, two and three",
            &[("one", 1.0), ("two", 2.0), ("three", 3.0)],
        ),
        (
            "twenty five thirty six",
            &[("twenty five", 25.0), ("thirty six", 36.0)],
        ),
        ("in 2019 three people", &[("2019", 2019.0), ("three", 3.0)]),
        ("5 minus 3", &[("5", 5.0), ("3", 3.0)]),
        ("minus ten", &[("minus ten", -10.0)]),
    ]);
}

#[test]
fn parse_words_accepts_whole_phrases_only() {
    assert_eq!(parse_words("forty-three"), Some(43.0));
    assert_eq!(parse_words("one hundred and twenty"), Some(120.0));
    assert_eq!(parse_words("a dozen"), Some(12.0));
    assert_eq!(parse_words("two and a half"), Some(2.5));
    assert_eq!(parse_words("3 million"), Some(3e6));
    assert_eq!(parse_words("  seven "), Some(7.0));
    assert_eq!(parse_words("forty cats"), None);
    assert_eq!(parse_words("a"), None);
    assert_eq!(parse_words(""), None);
}

fn with_commas(n: u32) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (k, ch) in s.chars().enumerate() {
        if k > 0 && (s.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

proptest! {
    #[test]
    fn scanning_never_panics_and_spans_are_sound(s in "\\PC*") {
        let toks = scan(&s);
        let mut prev = 0;
        for t in &toks {
            prop_assert!(t.start < t.end && t.end <= s.len());
            prop_assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
            prop_assert!(t.start >= prev);
            prop_assert!(t.value.is_finite());
            prev = t.end;
        }
    }

    #[test]
    fn number_like_noise_never_panics(s in "[0-9a-z.,/:^xe½−×⁻⁵²\\- é]{0,40}") {
        let toks = scan(&s);
        let mut prev = 0;
        for t in &toks {
            prop_assert!(t.start >= prev && t.end <= s.len() && t.start < t.end);
            prev = t.end;
        }
    }

    #[test]
    fn codes_units_and_scales_never_panic(s in "[0-9A-Za-z.,$ MGk\\-()]{0,40}") {
        let toks = scan_with_codes(&s, &|u| u.len() <= 2, &|c| c.len() == 3);
        let mut prev = 0;
        for t in &toks {
            prop_assert!(t.start >= prev && t.end <= s.len() && t.start < t.end);
            prop_assert!(t.value.is_finite());
            prev = t.end;
        }
    }

    #[test]
    fn compound_fractions_never_panic(s in "(one|two|twenty|thirty|hundred|and|minus|fifths|firsts|thirds|-| ){0,12}") {
        let toks = scan(&s);
        for t in &toks {
            prop_assert!(t.end <= s.len() && t.start < t.end && t.value.is_finite());
        }
    }

    #[test]
    fn parse_words_of_digits_is_the_integer(n in any::<u32>()) {
        prop_assert_eq!(parse_words(&n.to_string()), Some(f64::from(n)));
    }

    #[test]
    fn apples_count_is_found(n in any::<u32>()) {
        let text = format!("{} apples", n);
        let t = scan(&text);
        prop_assert_eq!(t.len(), 1);
        prop_assert_eq!(t[0].value, f64::from(n));
        prop_assert_eq!(t[0].start, 0);
        let text = format!("{} apples", with_commas(n));
        let t = scan(&text);
        prop_assert_eq!(t.len(), 1);
        prop_assert_eq!(t[0].value, f64::from(n));
        prop_assert_eq!(t[0].end, text.len() - " apples".len());
        prop_assert_eq!(t[0].has_separator, n >= 1000);
    }
}

mod peer {
    use super::super::scan;
    use super::close;
    use serde_json::Value;
    use std::collections::BTreeMap;

    fn corpus() -> Option<std::path::PathBuf> {
        std::env::var_os("CORROBORATE_CORPUS").map(std::path::PathBuf::from)
    }

    fn lines(path: &std::path::Path) -> Vec<Value> {
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).expect("corpus line is JSON"))
            .collect()
    }

    /// Why a peer case is outside what this scanner sets out to do, so it
    /// is counted in its own bucket rather than as a regression.
    fn deliberate(text: &str, expected: &[Value]) -> Option<&'static str> {
        let low = text.to_lowercase();
        let spans: Vec<String> = expected
            .iter()
            .map(|e| e["text"].as_str().unwrap_or("").to_lowercase())
            .collect();
        if spans.iter().any(|s| s.contains("negative")) {
            return Some("negative-word");
        }
        if spans
            .iter()
            .any(|s| s.contains(" over ") || s.contains(" out of ") || s.contains(" in "))
        {
            return Some("ratio-phrase");
        }
        if expected
            .iter()
            .any(|e| e["type"].as_str() != Some("number"))
        {
            return Some("non-number-type");
        }
        if expected.is_empty() && low.split_whitespace().any(|w| w == "one") {
            return Some("pronoun-one");
        }
        // The brief fixes these two against the peer: `MS-13`-style
        // identifiers yield nothing, and a glued `m` means million.
        let b = text.as_bytes();
        let after_letter_hyphen = |e: &Value| {
            let s = e["byte_start"].as_u64().unwrap_or(0) as usize;
            s >= 2 && b[s - 1] == b'-' && b[s - 2].is_ascii_alphabetic()
        };
        if expected.iter().any(after_letter_hyphen) {
            return Some("identifier-policy");
        }
        let glued_m = b
            .windows(3)
            .any(|w| w[0].is_ascii_digit() && w[1] == b'm' && !w[2].is_ascii_alphanumeric());
        if expected.is_empty() && glued_m {
            return Some("m-is-million-policy");
        }
        let spaced = |s: &str| {
            let b = s.as_bytes();
            b.windows(3)
                .any(|w| w[0].is_ascii_digit() && w[1] == b' ' && w[2].is_ascii_digit())
        };
        if spans.iter().any(|s| spaced(s)) {
            return Some("space-grouping");
        }
        None
    }

    #[test]
    fn peer_suites_meet_their_floors() {
        let Some(root) = corpus() else {
            println!("skipped: CORROBORATE_CORPUS unset");
            return;
        };
        // Microsoft Recognizers, default mode.
        let mut pass = 0usize;
        let mut total = 0usize;
        let mut buckets: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        let mut failures = Vec::new();
        for rec in lines(&root.join("recognizers/number.jsonl")) {
            if rec["mode"].as_str() != Some("default") {
                continue;
            }
            let text = rec["text"].as_str().unwrap_or("");
            let expected = rec["expected"].as_array().cloned().unwrap_or_default();
            let got = scan(text);
            let ok = got.len() == expected.len()
                && got.iter().zip(&expected).all(|(g, e)| {
                    let v: f64 = e["value"]
                        .as_str()
                        .and_then(|s| s.parse().ok())
                        .unwrap_or(f64::NAN);
                    Some(g.start as u64) == e["byte_start"].as_u64()
                        && Some(g.end as u64) == e["byte_end"].as_u64()
                        && close(g.value, v)
                });
            if let Some(b) = deliberate(text, &expected) {
                let entry = buckets.entry(b).or_default();
                entry.0 += usize::from(ok);
                entry.1 += 1;
                continue;
            }
            total += 1;
            if ok {
                pass += 1;
            } else {
                let got: Vec<(&str, f64)> = got
                    .iter()
                    .map(|t| (&text[t.start..t.end], t.value))
                    .collect();
                let want: Vec<(&str, &str)> = expected
                    .iter()
                    .map(|e| {
                        (
                            e["text"].as_str().unwrap_or(""),
                            e["value"].as_str().unwrap_or(""),
                        )
                    })
                    .collect();
                failures.push(format!("{text:?}: got {got:?} want {want:?}"));
            }
        }
        let rec_share = pass as f64 / total.max(1) as f64;
        println!(
            "recognizers number default: {pass}/{total} = {:.1}%",
            rec_share * 100.0
        );
        for (b, (p, n)) in &buckets {
            println!("  deliberate bucket {b}: {p}/{n} pass (not counted)");
        }
        for f in failures.iter().take(40) {
            println!("  FAIL {f}");
        }

        // quantulum spell-out: values in order of appearance.
        let mut spass = 0usize;
        let mut stotal = 0usize;
        let mut sconflict = (0usize, 0usize);
        for rec in lines(&root.join("quantulum/spellout.jsonl")) {
            let text = rec["text"].as_str().unwrap_or("");
            let want: Vec<f64> = rec["expected"]
                .as_array()
                .map(|a| a.iter().filter_map(|e| e["value"].as_f64()).collect())
                .unwrap_or_default();
            let got: Vec<f64> = scan(text).iter().map(|t| t.value).collect();
            let ok = got.len() == want.len() && got.iter().zip(&want).all(|(g, w)| close(*g, *w));
            // quantulum reads "a million and a half" as 1000000.5 while
            // Recognizers (and English) read "3 million and a half" as
            // 3.5 million; we follow the latter and count these apart.
            if text.contains("million and a half") {
                sconflict.0 += usize::from(ok);
                sconflict.1 += 1;
                println!("  spellout conflict bucket {text:?}: got {got:?} want {want:?}");
                continue;
            }
            stotal += 1;
            if ok {
                spass += 1;
            } else {
                println!("  SPELLOUT FAIL {text:?}: got {got:?} want {want:?}");
            }
        }
        let sp_share = spass as f64 / stotal.max(1) as f64;
        println!(
            "quantulum spellout: {spass}/{stotal} = {:.1}%",
            sp_share * 100.0
        );
        println!(
            "  conflict bucket scale-and-a-half: {}/{} pass (not counted)",
            sconflict.0, sconflict.1
        );
        assert!(
            rec_share >= 0.85,
            "recognizers share regressed: {rec_share}"
        );
        assert!(sp_share >= 0.93, "spellout share regressed: {sp_share}");
    }

    /// Throughput on the seed articles; only meaningful with `--release`.
    #[test]
    fn seed_articles_scan_quickly() {
        let Some(root) = corpus() else {
            println!("skipped: CORROBORATE_CORPUS unset");
            return;
        };
        let mut text = String::new();
        for entry in std::fs::read_dir(root.join("seeds"))
            .into_iter()
            .flatten()
            .flatten()
        {
            if let Ok(t) = std::fs::read_to_string(entry.path()) {
                text.push_str(&t);
                text.push('\n');
            }
        }
        let start = std::time::Instant::now();
        let mut count = 0usize;
        let rounds = 20;
        for _ in 0..rounds {
            count += scan(&text).len();
        }
        let secs = start.elapsed().as_secs_f64().max(1e-9);
        let mb = (text.len() * rounds) as f64 / 1e6;
        println!(
            "scanned {:.1} MB in {secs:.3}s = {:.0} MB/s ({} tokens per pass)",
            mb,
            mb / secs,
            count / rounds
        );
    }
}
