use super::*;

fn read(sentence: &str) -> Vec<Reading> {
    read_sentence(sentence, false, Keep::Claims, &Settings::builtin())
}

fn one(sentence: &str) -> Reading {
    let r = read(sentence);
    assert_eq!(r.len(), 1, "{sentence}: {r:?}");
    r.into_iter().next().expect("one reading")
}

fn unit_name(r: &Reading) -> Option<String> {
    let settings = Settings::builtin();
    r.unit.map(|u| settings.units[u].name.clone())
}

#[test]
fn a_range_whose_second_end_repeats_the_sign_is_one_range() {
    let r = one("The stake is worth between $31 and $37 a unit to the buyers.");
    assert_eq!((r.low, r.high), (Some(31.0), Some(37.0)));
    let r = one("Analysts see sales of $210-$230 million this spring.");
    assert_eq!((r.low, r.high), (Some(210e6), Some(230e6)));
    let r = one("The fund grew from €4 to €9 billion in a decade.");
    assert_eq!((r.low, r.high), (Some(4e9), Some(9e9)));
    assert_eq!(r.qualifier, Qualifier::Range);
}

#[test]
fn a_scale_word_is_not_carried_to_a_first_end_above_its_figure() {
    let r = one("Fines run from 300 to 2 million dollars for a firm.");
    assert_eq!((r.low, r.high), (Some(300.0), Some(2e6)));
}

#[test]
fn small_counts_in_words_count_any_noun() {
    let r = one("The crew spotted four tugboats near the pier.");
    assert_eq!(r.number, Some(4.0));
    assert!(read("The two tugboats left at dawn.").is_empty());
    assert!(read("One tugboat left at dawn.").is_empty());
}

#[test]
fn a_count_of_other_things_is_a_part() {
    assert!(one("Crews found five other crates on the dock.").subset);
    assert!(!one("Crews found five crates on the dock.").subset);
}

#[test]
fn a_magnitude_may_be_named_before_its_figure() {
    for s in [
        "A magnitude 5.2 tremor shook the valley.",
        "A magnitude-5.2 tremor shook the valley.",
        "The tremor had a magnitude of 5.2, the agency said.",
        "The tremor registered 5.2 on the Richter scale.",
    ] {
        let r = one(s);
        assert_eq!(r.number, Some(5.2), "{s}");
        assert_eq!(unit_name(&r).as_deref(), Some("magnitude"), "{s}");
    }
}

#[test]
fn a_glued_m_before_a_unit_is_millions() {
    let r = one("The mill shipped 4.5m tonnes last season.");
    assert_eq!(r.number, Some(4.5e6));
    assert_eq!(unit_name(&r).as_deref(), Some("t"));
    let r = one("The club paid EUR25m for the striker.");
    assert_eq!(r.number, Some(25e6));
    let r = one("She ran the 400m in the heats.");
    assert_eq!(unit_name(&r).as_deref(), Some("m"));
}

#[test]
fn times_are_counted_unless_they_multiply() {
    let r = one("The guard was struck six times in the melee.");
    assert_eq!(r.number, Some(6.0));
    assert!(read("The new hall is six times the size of the old one.").is_empty());
}

#[test]
fn a_count_keeps_what_it_counts() {
    let r = one("he watched 43 Colombian migrants board a flight");
    assert_eq!(r.number, Some(43.0));
    assert_eq!(r.counted.as_deref(), Some("persons"));
    assert_eq!(r.counted_text.as_deref(), Some("Colombian migrants"));
}

#[test]
fn enumerated_parts_yield_their_total() {
    let r = one("In all 32 men and 11 women were flown home");
    assert_eq!(r.number, Some(43.0));
    assert_eq!(r.parts.len(), 2);
    assert_eq!(r.counted.as_deref(), Some("persons"));
}

#[test]
fn more_than_is_an_open_lower_bound() {
    let r = one("arresting more than 80,000 people, and more");
    assert_eq!(r.qualifier, Qualifier::MoreThan);
    assert_eq!(
        (r.low, r.high, r.low_inclusive),
        (Some(80000.0), None, false)
    );
}

#[test]
fn nearly_keeps_its_qualifier_and_a_lower_bound() {
    let r = one("the council has spent nearly $2.7 million to repair bridges");
    assert_eq!(r.qualifier, Qualifier::LessThan);
    assert_eq!(r.high, Some(2_700_000.0));
    assert!(!r.high_inclusive);
    assert!(r.low.is_some_and(|l| l > 2_000_000.0));
}

#[test]
fn percent_forms_are_one_unit() {
    for s in [
        "a 90% decrease",
        "a 90 percent decrease",
        "a 90 per cent decrease",
    ] {
        let r = one(s);
        assert_eq!(r.number, Some(90.0), "{s}");
    }
}

#[test]
fn years_dates_and_modifiers_are_not_amounts() {
    for s in [
        "a 90-day freeze on aid",
        "in 2013 under President Xi",
        "since taking office on Jan. 20, the administration",
        "a memorandum signed on Aug. 21, 2018",
        "a 15-year-old boy",
        "the club no longer sits among the top 10",
        "members of MS-13 gangs",
        "the meeting began at 4:30 p.m.",
        "call 555-123-4567 for details",
    ] {
        assert!(read(s).is_empty(), "{s}: {:?}", read(s));
    }
}

#[test]
fn product_names_and_street_numbers_are_not_amounts() {
    // Issue 16: a name with a capital inside ("iPhone") before digits, a street number.
    for s in [
        "the new iPhone 11 units sold out",
        "she lived at 9 E 71st St in Manhattan",
        "the office at 12 Harbour Road flooded",
    ] {
        assert!(read(s).is_empty(), "{s}: {:?}", read(s));
    }
    // A plain count beside a street still counts.
    assert_eq!(one("12 people lived on Harbour Road").number, Some(12.0));
}

#[test]
fn digits_after_a_decimal_and_its_scale_start_another_figure() {
    // Issue 16: "2.9 million 9-liter cases" is 2.9 million cases, not 2,900,009.
    let r = read("the firm shipped 2.9 million 9-liter cases last year");
    assert!(
        r.iter()
            .any(|r| r.number == Some(2.9e6) && r.counted.as_deref() == Some("case")),
        "{r:?}"
    );
    assert!(r.iter().all(|r| r.number != Some(2_900_009.0)), "{r:?}");
}

#[test]
fn vague_amounts_are_ranges() {
    let r = one("returning dozens of undocumented Colombians");
    assert_eq!(r.qualifier, Qualifier::Vague);
    assert_eq!(r.low, Some(24.0));
    assert_eq!(r.counted.as_deref(), Some("persons"));
}

#[test]
fn ranges_read_both_ends() {
    let r = one("between 20 and 30 people attended");
    assert_eq!(
        (r.low, r.high, r.qualifier),
        (Some(20.0), Some(30.0), Qualifier::Range)
    );
    let r = one("20-30 people attended");
    assert_eq!((r.low, r.high), (Some(20.0), Some(30.0)));
}

#[test]
fn including_marks_a_part() {
    let r = read("were flown home, including seven travellers with expired visas");
    assert!(r.iter().all(|r| r.subset), "{r:?}");
}

#[test]
fn a_toll_without_a_noun_takes_its_subject() {
    let r = one("The death toll rose to 43 on Tuesday");
    assert_eq!(r.counted.as_deref(), Some("dead"));
}

#[test]
fn people_killed_are_counted_as_dead() {
    let r = one("at least 12 people were killed in the blast");
    assert_eq!(r.counted.as_deref(), Some("dead"));
    assert_eq!(r.qualifier, Qualifier::AtLeast);
}

#[test]
fn durations_and_ages_are_not_counts() {
    assert!(read("after four years of being a laughingstock").is_empty());
    assert!(read("John Smith, 43, of Boston was arrested").is_empty());
}

/// (text of the mention, value or None, qualifier, unit) for each mention.
fn seen(text: &str) -> Vec<(String, Option<f64>, Qualifier, Option<String>)> {
    mentions(text, &Settings::builtin())
        .into_iter()
        .map(|m| {
            (
                text[m.span.start..m.span.end].to_owned(),
                m.number.map(|v| (v * 1e6).round() / 1e6),
                m.qualifier,
                m.unit,
            )
        })
        .collect()
}

fn first(text: &str) -> (String, Option<f64>, Qualifier, Option<String>) {
    seen(text)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("nothing read in {text:?}"))
}

#[test]
fn currency_codes_glued_or_with_an_m_for_millions() {
    let all = seen("They paid USD250 and Rs40 for it.");
    assert_eq!(all[0].1, Some(250.0));
    assert_eq!(all[0].3.as_deref(), Some("USD"));
    assert_eq!(all[1].1, Some(40.0));
    assert_eq!(all[1].3.as_deref(), Some("INR"));
    let m = first("Losses of 12 MEUR were booked.");
    assert_eq!((m.1, m.3.as_deref()), (Some(12e6), Some("EUR")));
    let m = first("Sales reached roughly MGBP 3 last year.");
    assert_eq!(
        (m.1, m.2, m.3.as_deref()),
        (Some(3e6), Qualifier::Approximate, Some("GBP"))
    );
}

#[test]
fn an_amount_and_its_hundredths_are_one_amount() {
    for (text, want, unit) in [
        ("The toy costs 7 dollars 25 cents today.", 7.25, "USD"),
        ("She paid 8 euros and 40.", 8.4, "EUR"),
        ("A ticket is $12 and 5c.", 12.05, "USD"),
        ("Lunch was 9 ringgit 10 sens.", 9.1, "MYR"),
        ("It was four pounds sterling and six pence.", 4.06, "GBP"),
    ] {
        let m = first(text);
        assert_eq!((m.1, m.3.as_deref()), (Some(want), Some(unit)), "{text}");
    }
    // A second number that counts something else stays apart.
    let all = seen("They paid 5 dollars 30 people.");
    assert_eq!(all[0].1, Some(5.0));
}

#[test]
fn a_unit_on_both_ends_of_a_range() {
    let m = mentions("prices from 4 euros to 9 euros", &Settings::builtin());
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!((m[0].low, m[0].high), (Some(4.0), Some(9.0)));
    assert_eq!(m[0].unit.as_deref(), Some("EUR"));
    let m = mentions("a 3.5–4.0 GeV beam and 2k-15k users", &Settings::builtin());
    assert_eq!(m.len(), 2, "{m:?}");
    assert_eq!((m[0].low, m[0].high), (Some(3.5), Some(4.0)));
    assert_eq!((m[1].low, m[1].high), (Some(2e3), Some(15e3)));
}

#[test]
fn a_sign_read_as_one_amount_unit_is_not_the_next_ones() {
    let all = seen("10 rmb 20 usd");
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!((all[0].1, all[0].3.as_deref()), (Some(10.0), Some("CNY")));
    assert_eq!(
        (all[1].0.as_str(), all[1].3.as_deref()),
        ("20 usd", Some("USD"))
    );
    let all = seen("gbp 10 eur 20");
    assert_eq!(
        (all[0].0.as_str(), all[0].3.as_deref()),
        ("gbp 10", Some("GBP"))
    );
}

#[test]
fn bounds_written_after_the_number() {
    assert_eq!(first("a score of 200 or greater").2, Qualifier::AtLeast);
    assert_eq!(first("less than 40 or equal").2, Qualifier::AtMost);
    assert_eq!(first("over 30 or equal to it").2, Qualifier::AtLeast);
    assert_eq!(first("we accept 18 and above").2, Qualifier::AtLeast);
    // The bound is what is stated; "about" drops out of the span.
    let m = first("about 300 or more attended");
    assert_eq!((m.0.as_str(), m.2), ("300 or more", Qualifier::AtLeast));
    // A figure after the words makes them a comparison of two figures.
    let all = seen("70 or less than 80");
    assert_eq!((all[0].0.as_str(), all[0].2), ("70", Qualifier::Exact));
    assert_eq!(all[1].2, Qualifier::LessThan);
    // "equal to" keeps the value exact and stays in the span.
    let m = first("it is equal to 15");
    assert_eq!((m.0.as_str(), m.2), ("equal to 15", Qualifier::Exact));
}

#[test]
fn bounds_that_cannot_make_a_range_stay_two_bounds() {
    let all = seen("more than 50 and less than 5");
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(
        (all[0].2, all[1].2),
        (Qualifier::MoreThan, Qualifier::LessThan)
    );
    let one = seen("more than 5 and less than 50");
    assert_eq!(one.len(), 1, "{one:?}");
    assert_eq!(one[0].2, Qualifier::Range);
}

#[test]
fn a_number_restated_in_brackets_is_one_number() {
    let all = seen("seven (7) cars and 12 (twelve) vans");
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(all[0].0, "seven (7)");
    // Different values in brackets are two numbers.
    assert_eq!(seen("seven (8)").len(), 2);
}

#[test]
fn a_measure_in_two_units_is_one_measure() {
    let m = first("he stands 6 ft 1 in tall");
    assert_eq!((m.0.as_str(), m.3.as_deref()), ("6 ft 1 in", Some("ft")));
    assert!((m.1.unwrap_or(0.0) - (6.0 + 1.0 / 12.0)).abs() < 1e-6);
    let m = first("a 3 lb 8 oz baby");
    assert_eq!((m.1, m.3.as_deref()), (Some(3.5), Some("lb")));
    // Inches alone after feet only when the second number is below twelve.
    assert_eq!(seen("5 feet 20 inches").len(), 2);
}

#[test]
fn codes_joined_by_a_hyphen_are_identifiers() {
    assert!(seen("part XR7-200 shipped").is_empty());
    assert_eq!(first("batch 4410 L-17").3, None);
    // A number with a scale suffix still starts a range.
    assert_eq!(first("raised 5k-8k").2, Qualifier::Range);
}

#[test]
fn numbers_inside_web_addresses_are_not_amounts() {
    assert!(seen("see https://example.org/find?q=40%25%2030% for more").is_empty());
    assert!(seen("at www.example.org/page2 today").is_empty());
}

#[test]
fn bracketed_energy_and_power_units() {
    assert_eq!(first("mass 15 (kg)").3.as_deref(), Some("kg"));
    assert_eq!(first("a 2.5 MeV photon").3.as_deref(), Some("MeV"));
    assert_eq!(first("the 40 MW plant").3.as_deref(), Some("MW"));
    assert_eq!(first("10 kilojoules").3.as_deref(), Some("kJ"));
    // Mismatched brackets are not a unit.
    assert_eq!(first("weight 45{kg)").3, None);
}

#[test]
fn a_bracketed_unit_is_short_and_right_after_the_figure() {
    assert_eq!(bracketed_unit(" ( km² )"), Some(("km²", " ( km² )".len())));
    assert_eq!(bracketed_unit("[m/s] later"), Some(("m/s", 5)));
    assert_eq!(bracketed_unit("<t>"), Some(("t", 3)));
    // Two spaces, an empty or long bracket, or words with punctuation are not units.
    assert_eq!(bracketed_unit("  (kg)"), None);
    assert_eq!(bracketed_unit("( )"), None);
    assert_eq!(bracketed_unit("(a note far longer than any unit)"), None);
    assert_eq!(bracketed_unit("(see below, page 4)"), None);
    assert_eq!(bracketed_unit("(kg"), None);
}

#[test]
fn a_rate_is_its_unit_per_each_denominator() {
    assert_eq!(
        first("she earns $12.5/hour now"),
        (
            "$12.5/hour".to_owned(),
            Some(12.5),
            Qualifier::Exact,
            Some("USD/hour".to_owned())
        )
    );
    assert_eq!(first("a van burning 9 l/km").3.as_deref(), Some("l/km"));
    assert_eq!(
        first("it sank at 2.5 km/s2").3.as_deref(),
        Some("km/second²")
    );
    assert_eq!(first("about 3 kg/cm³ of it").3.as_deref(), Some("kg/ml"));
    assert_eq!(first("dosed 30 kg/m^2 per year").0, "30 kg/m^2 per year");
    assert_eq!(
        first("dosed 30 kg/m^2 per year").3.as_deref(),
        Some("kg/m2/year")
    );
    assert_eq!(first("paid $7 an hour").3.as_deref(), Some("USD/hour"));
    assert_eq!(
        first("a dividend of $3 per share").3.as_deref(),
        Some("USD/share")
    );
}

#[test]
fn what_follows_an_amount_is_not_always_a_rate() {
    // A time anchor, a percentage, a bare number and a function word after "per".
    assert_eq!(first("it cost $30 a year ago").3.as_deref(), Some("USD"));
    assert_eq!(first("prices rose 4% a year").3.as_deref(), Some("percent"));
    assert_eq!(first("we saw 40 a day").3, None);
    assert_eq!(first("$8 per the contract").3.as_deref(), Some("USD"));
    // A rate and a bare amount of its unit are not the same measure.
    let rate = first("$15 an hour");
    let amount = first("$15");
    assert_ne!(rate.3, amount.3);
}

#[test]
fn a_rate_denominator_is_no_duration() {
    let settings = Settings::builtin();
    let text = "a contract worth $3 million a year";
    let at = text.find("a year").expect("in the text");
    assert!(is_rate_denominator(
        text,
        Span::new(at, text.len()),
        &settings
    ));
    let text = "the work took a year";
    let at = text.find("a year").expect("in the text");
    assert!(!is_rate_denominator(
        text,
        Span::new(at, text.len()),
        &settings
    ));
}

#[test]
fn a_value_and_its_tolerance_are_one_range() {
    let settings = Settings::builtin();
    for text in [
        "it weighs 12.5±0.5 kg",
        "it weighs 12.5 +/- 0.5 kg",
        "it weighs 12.5 +/-0.5 kg",
    ] {
        let m = mentions(text, &settings);
        assert_eq!(m.len(), 1, "{text}: {m:?}");
        assert_eq!(m[0].qualifier, Qualifier::Range);
        assert_eq!((m[0].low, m[0].high), (Some(12.0), Some(13.0)));
        assert_eq!(m[0].unit.as_deref(), Some("kg"));
        assert_eq!(&text[m[0].core.start..m[0].core.end], &text[10..]);
    }
    // A sum is not a tolerance.
    assert_eq!(seen("scored 4 + 3 goals").len(), 2);
}

#[test]
fn a_suspended_hyphen_joins_a_range() {
    let r = first("a 6- to 9-metre swell");
    assert_eq!(r.0, "6- to 9-metre");
    assert_eq!(r.2, Qualifier::Range);
    assert_eq!(r.3.as_deref(), Some("m"));
    // "6- and 9-metre" names two sizes.
    assert_eq!(seen("6- and 9-metre boats").len(), 2);
}

#[test]
fn upper_case_c_or_f_glued_to_a_temperature_figure() {
    assert_eq!(first("it was -4C at dawn").3.as_deref(), Some("celsius"));
    assert_eq!(first("temperatures hit 41C").3.as_deref(), Some("celsius"));
    assert_eq!(
        first("a hot 97F afternoon").3.as_deref(),
        Some("fahrenheit")
    );
    // Without a word of temperature it names a form or a cent; lower case is cents.
    assert!(
        seen("the 13F report was late")
            .iter()
            .all(|m| m.3.is_none())
    );
    assert!(seen("a cup at 43c").is_empty());
}

#[test]
fn hours_before_am_or_pm_are_clock_times() {
    assert!(seen("we met at 3 pm sharp").is_empty());
    assert!(seen("we met at 10.45 p.m. sharp").is_empty());
    assert!(seen("by 9am").is_empty());
    // Not an hour: three decimals, or more than twelve.
    assert_eq!(seen("a 4.125 pm lattice").len(), 1);
    assert_eq!(seen("all 15 pm staff").len(), 1);
}

#[test]
fn a_unit_before_digits_is_no_name() {
    let m = seen("runs at 3.2 GHz 16 GB of memory");
    assert_eq!(m.len(), 2, "{m:?}");
    assert_eq!(m[1].3.as_deref(), Some("GB"));
}

#[test]
fn an_article_and_a_unit_are_one_of_it() {
    assert_eq!(first("pour a litre of water").0, "a litre");
    assert_eq!(first("pour a litre of water").1, Some(1.0));
    assert_eq!(first("he found a penny!").3.as_deref(), Some("pence"));
    assert_eq!(first("drink half a litre of water").0, "half a litre");
    assert_eq!(first("drink half a litre of water").1, Some(0.5));
    // Idioms, parts and names: "a bit", "a ton of", "of a mile", "a mile away".
    assert!(seen("it rained a bit of the day").is_empty());
    assert!(seen("I have a ton of work").is_empty());
    assert!(seen("two-tenths of a mile.").iter().all(|m| m.3.is_none()));
    assert!(seen("it lay a mile away").is_empty());
}

#[test]
fn pounds_in_a_sentence_about_money_are_sterling() {
    assert_eq!(
        first("they paid 300 pounds for it").3.as_deref(),
        Some("GBP")
    );
    assert_eq!(first("a parcel of 30 pounds").3.as_deref(), Some("lb"));
    assert_eq!(
        first("it cost him 30 pounds, it weighed").3.as_deref(),
        Some("lb")
    );
    assert_eq!(first("sold 50 lbs of flour").3.as_deref(), Some("lb"));
}

#[test]
fn digits_after_a_code_and_a_plus_are_part_of_the_code() {
    assert!(seen("the source QX2210.4+1187 faded").is_empty());
    assert_eq!(seen("2+2 is four").len(), 3);
}

#[test]
fn a_unit_symbol_before_a_slash_is_a_rate_numerator() {
    let m = first("panels that took in 35 J/m^2 per day");
    assert_eq!(m.0, "35 J/m^2 per day");
    assert_eq!(m.3.as_deref(), Some("J/m2/day"));
    // The exponent is the denominator's, not a figure of its own.
    assert_eq!(seen("panels that took in 35 J/m^2 per day").len(), 1);
    assert_eq!(
        first("an engine giving 400 W/kg").3.as_deref(),
        Some("W/kg")
    );
    // Alone, or before a slash and no denominator, the letter is no unit.
    assert!(seen("we met 7 J and up").iter().all(|m| m.3.is_none()));
    assert!(seen("we took 7 J/K shuttles").iter().all(|m| m.3.is_none()));
}

#[test]
fn a_straight_quote_after_digits_is_an_inch_mark_unless_it_closes_a_quotation() {
    let m = first(r#"a new 13" laptop"#);
    assert_eq!((m.0.as_str(), m.3.as_deref()), (r#"13""#, Some("in")));
    assert_eq!(
        first(r#"screens (15.6") sold out"#).3.as_deref(),
        Some("in")
    );
    assert_eq!(first(r#"a pipe wrench, 10""#).3.as_deref(), Some("in"));
    // A quotation open before it: the mark closes it.
    assert!(
        seen(r#"the ferry "star 4" sank"#)
            .iter()
            .all(|m| m.3.is_none())
    );
    assert!(
        seen(r#"they chanted "we are 11", loudly"#)
            .iter()
            .all(|m| m.3.is_none())
    );
    // Letters right after the mark: not an inch.
    assert!(seen(r#"size 12"x shirts"#).iter().all(|m| m.3.is_none()));
}

#[test]
fn absolute_zero_is_a_temperature_when_it_names_one() {
    let m = first("helium flows freely near absolute zero.");
    assert_eq!(m.0, "absolute zero");
    assert_eq!((m.1, m.3.as_deref()), (Some(0.0), Some("kelvin")));
    assert_eq!(
        first("the temperature of absolute zero is out of reach")
            .3
            .as_deref(),
        Some("kelvin")
    );
    // A figure of speech stays a zero.
    let m = first("there is absolute zero evidence of it");
    assert_eq!((m.0.as_str(), m.3), ("zero", None));
}

#[test]
fn degrees_named_by_a_scale_after_them() {
    let m = first("water boils at 212° on the Fahrenheit scale");
    assert_eq!((m.0.as_str(), m.3.as_deref()), ("212°", Some("fahrenheit")));
    let m = first("it froze at -10 degrees on the Celsius scale, they said");
    assert_eq!(
        (m.0.as_str(), m.3.as_deref()),
        ("-10 degrees", Some("celsius"))
    );
    // Without the scale, or on another kind of scale, degrees name no unit.
    assert_eq!(first("turn it 90° to the left").3, None);
    assert_eq!(first("rated 7 degrees on the Richter scale").3, None);
    assert_eq!(first("a 40° on the scaled map").3, None);
}

#[test]
fn ish_after_a_figure_is_about_it() {
    let m = first("a 250-ish page novel");
    assert_eq!((m.1, m.2), (Some(250.0), Qualifier::Approximate));
    let r = mentions("a 250-ish page novel", &Settings::builtin());
    assert_eq!(r[0].core, Span::new(2, 5));
    // Other words joined by a hyphen still make a modifier.
    assert!(seen("a 250-page novel").iter().all(|m| m.1 != Some(250.0)));
    assert!(seen("a 250-ishmael tale").is_empty());
}

#[test]
fn science_units_of_the_table() {
    assert_eq!(first("it rang at 4e14 s-1").3.as_deref(), Some("Hz"));
    assert_eq!(first("a 50 Hz hum").3.as_deref(), Some("Hz"));
    assert_eq!(first("an action of 3 Js here").3.as_deref(), Some("Js"));
    assert_eq!(
        first("the rocks formed 250 Ma ago").3.as_deref(),
        Some("megayear")
    );
    assert_eq!(
        first("the mill crushes 2,000 tpd").3.as_deref(),
        Some("t/day")
    );
    // "tpd" is the rate "tonnes per day" read from words: the same unit and dimension.
    let settings = Settings::builtin();
    let symbol = &mentions("the mill crushes 2,000 tpd", &settings)[0];
    let words = &mentions("the mill crushes 2 tonnes per day", &settings)[0];
    assert_eq!(
        (&symbol.unit, &symbol.dimension),
        (&words.unit, &words.dimension)
    );
    assert_eq!(first("a 64 KiB page").3.as_deref(), Some("KiB"));
}

proptest::proptest! {
    #[test]
    fn rates_tolerances_and_glued_letters_never_panic(
        s in "[0-9 $./a-zA-Z±+\\-−^²³×⁻CF]{0,40}"
    ) {
        static SETTINGS: LazyLock<Settings> = LazyLock::new(Settings::builtin);
        for m in mentions(&s, &SETTINGS) {
            proptest::prop_assert!(s.get(m.span.start..m.span.end).is_some());
            proptest::prop_assert!(s.get(m.core.start..m.core.end).is_some());
        }
        let _ = rate_after(&s, &SETTINGS);
        let _ = exponent(&s);
    }
}
