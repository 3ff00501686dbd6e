//! Regression tests for wrong findings seen on real coverage (issue #6), rebuilt from
//! text we wrote: each pair of invented reports reproduces the shape of a real mistake.

mod common;

use common::verdicts_for;
use corroborate::rules::Verdict;

#[test]
fn a_subgroup_is_not_compared_with_a_total_issue_6() {
    let a = "Gunmen attacked the town hall on Friday. Two women were killed in the attack on the town hall, police said.";
    let b = "Gunmen attacked the town hall on Friday. Three people were killed in the attack on the town hall, police said.";
    assert!(!verdicts_for(&[a, b], "Two women").contains(&Verdict::Conflict));
}

#[test]
fn figures_for_different_places_do_not_conflict_issue_6() {
    let a = "The 1998 storm killed 9,000 people in the province, officials said of the storm.";
    let b = "The 1998 storm killed 11,000 people across the region, officials said of the storm.";
    assert!(!verdicts_for(&[a, b], "9,000").contains(&Verdict::Conflict));
}

#[test]
fn history_is_not_compared_with_the_news_issue_6() {
    let a = "date: 2021-05-02\n\nThe flood on Sunday killed 40 people in the valley town, rescuers said.";
    let b =
        "date: 2021-05-02\n\nIn 1993 a flood killed 400 people in the valley town, rescuers said.";
    assert!(!verdicts_for(&[a, b], "400").contains(&Verdict::Conflict));
}

#[test]
fn a_bare_percentage_needs_the_same_neighbouring_words_issue_6() {
    let a = "Markets fell on the news from Athens. Shares closed down 3.9 percent on the news from Athens.";
    let b = "Markets fell on the news from Athens. The deficit totalled 13.6 percent of output, on the news from Athens.";
    assert!(!verdicts_for(&[a, b], "3.9 percent").contains(&Verdict::Conflict));
    let c = "Markets fell on the news from Athens. Shares plunged 5.4 per cent on the news from Athens.";
    assert!(
        verdicts_for(&[a, c], "3.9 percent").contains(&Verdict::Conflict),
        "the same measure still conflicts"
    );
}

#[test]
fn a_bracketed_conversion_is_one_claim_and_units_convert_issue_6() {
    let a = "The quake struck at a depth of 10 kilometres (6.2 miles) under the lake district.";
    let b = "The quake struck at a depth of six miles under the lake district, seismologists said.";
    assert_eq!(verdicts_for(&[a, b], "six miles"), [Verdict::Agreement]);
}

#[test]
fn distances_from_different_towns_do_not_conflict_issue_6() {
    let a = "Windows shook across the valley before dawn on Monday. The quake struck at a depth of 10 kilometres, 55 kilometres south of Lakeside.";
    let b = "A moderate tremor woke residents of the valley on Monday. The quake struck at a depth of 10 kilometres, 72 kilometres east of Hillford.";
    assert!(!verdicts_for(&[a, b], "55 kilometres").contains(&Verdict::Conflict));
    assert_eq!(
        verdicts_for(&[a, b], "10 kilometres"),
        [Verdict::Agreement],
        "the depths agree"
    );
}

#[test]
fn a_one_letter_slip_in_a_quote_is_not_a_misquote_issue_6() {
    let a = "The quake shook the old quarter at dawn. \"I saw many houses were damaged and their walls cracked,\" said resident Ana Lima.";
    let b = "Rescuers reached the hill villages by noon. \"I saw many houses were damages and their walls cracked,\" said resident Ana Lima, 62.";
    assert_eq!(
        verdicts_for(&[a, b], "I saw many houses"),
        [Verdict::Agreement]
    );
}

#[test]
fn two_open_bounds_do_not_corroborate_each_other_issue_6() {
    let a =
        "The blast at the plant injured at least five people, the plant's owner said on Monday.";
    let b =
        "The blast at the plant injured more than 200 people, the plant's owner said on Monday.";
    assert!(!verdicts_for(&[a, b], "at least five").contains(&Verdict::Agreement));
}

#[test]
fn one_shared_word_is_not_enough_for_a_conflict_issue_6() {
    let a = "Lifeguards said as many as 20 swimmers had been inside the cove.";
    let b = "Lifeguards pulled another five swimmers from the rocks.";
    assert!(!verdicts_for(&[a, b], "five people").contains(&Verdict::Conflict));
}

#[test]
fn figures_owned_by_different_players_do_not_conflict_issue_6() {
    let a = "The Hawks beat the Owls 98-90 on Saturday night. Against the Owls, Ford had 25 points for the Hawks in the win on Saturday night.";
    let b = "The Owls lost at home to the Hawks on Saturday night. Against the Hawks, Mason had 22 points for the Owls in the loss on Saturday night.";
    assert!(!verdicts_for(&[a, b], "25 points").contains(&Verdict::Conflict));
}

#[test]
fn another_instance_of_the_event_is_not_the_main_one_issue_6() {
    let a = "Shells hit the river school on Tuesday. More than 40 people died when shells hit the river school on Tuesday, medics said.";
    let b = "Shells hit the river school on Tuesday. Three people died when shells hit another school on Tuesday, medics said.";
    assert!(!verdicts_for(&[a, b], "Three people").contains(&Verdict::Conflict));
}

#[test]
fn a_share_of_a_total_is_not_a_count_issue_6() {
    let a = "Kline completed 28 of 41 passes in the rain on Sunday against the Bears.";
    let b = "Kline completed 17 passes in the rain on Sunday against the Bears, a season low.";
    assert!(!verdicts_for(&[a, b], "17 passes").contains(&Verdict::Conflict));
}

#[test]
fn several_dozen_is_more_than_several_issue_6() {
    let a =
        "The strike on the market square on Friday wounded 55 people, medics in the square said.";
    let b = "The strike on the market square on Friday wounded several dozen people, medics in the square said.";
    assert!(!verdicts_for(&[a, b], "55 people").contains(&Verdict::Conflict));
}

#[test]
fn under_a_president_is_not_a_rank_issue_6() {
    let a = "Officials said they had avoided the rush of rules that President Ada Varga signed at the end of her term.";
    let b = "Tom Reyes, director of Parks and Gardens under President Varga, said the review had worked.";
    assert!(!verdicts_for(&[a, b], "under President Varga").contains(&Verdict::Conflict));
}

#[test]
fn a_clause_after_an_em_dash_does_not_panic_issue_7() {
    // The owner of a figure is looked for in the clause before it; a clause may start
    // right after a multi-byte dash.
    let a = "The storm hit the coast at dawn—Rescuers said 43 people were missing on Monday.";
    let b = "The storm hit the coast at dawn — 45 people were missing on Monday, rescuers said.";
    let _ = verdicts_for(&[a, b], "people");
}

#[test]
fn one_event_on_two_weekdays_is_a_conflict_to_check_issue_15() {
    let a = "Militia fighters bombed the market town of Orlo on Tuesday, hitting its river port.";
    let b = "Officials in the province said the market town of Orlo was bombed by militia fighters on Wednesday.";
    assert!(verdicts_for(&[a, b], "Tuesday").contains(&Verdict::Conflict));
    let c = "Officials in the province said the market town of Orlo was bombed by militia fighters on Tuesday.";
    assert!(
        !verdicts_for(&[a, c], "Tuesday").contains(&Verdict::Conflict),
        "the same weekday agrees"
    );
}

#[test]
fn weekdays_of_different_events_do_not_conflict_issue_15() {
    let a = "Militia fighters bombed the market town of Orlo on Tuesday, hitting its river port.";
    let b =
        "Aid convoys reached the camps near the northern border on Wednesday after a long delay.";
    assert!(!verdicts_for(&[a, b], "Tuesday").contains(&Verdict::Conflict));
}

#[test]
fn about_three_and_about_half_past_three_are_two_times_issue_15() {
    let a = "Deputies said gunfire was reported at about 3 p.m. near the depot on Pine Street, and a man was later arrested.";
    let b = "The sheriff's office said gunfire was reported at about 3:30 p.m. near the Pine Street depot.";
    assert!(verdicts_for(&[a, b], "about 3 p.m.").contains(&Verdict::Conflict));
    let c = "The sheriff's office said gunfire was reported at about 3:10 p.m. near the Pine Street depot.";
    assert_eq!(
        verdicts_for(&[a, c], "about 3 p.m."),
        [Verdict::Agreement],
        "ten minutes apart is one rounded time"
    );
}

#[test]
fn figures_of_different_subjects_do_not_conflict_issue_15() {
    // A single capitalized word opening a sentence is a name when the article writes it
    // as one elsewhere ("Officials seized 31 magazines" names no owner).
    let a = "The final belonged to Tolliver. Tolliver scored 14 points and grabbed 11 rebounds as the Herons beat the Owls.";
    let b = "The final belonged to Marquez. Marquez scored 23 points and grabbed seven rebounds as the Herons beat the Owls.";
    assert!(!verdicts_for(&[a, b], "11 rebounds").contains(&Verdict::Conflict));
    // A pronoun subject is the player the sentence before is about.
    let c = "The final belonged to Tolliver. Tolliver was unstoppable. He scored 14 points and grabbed 11 rebounds as the Herons beat the Owls.";
    let d = "The final belonged to Marquez. Marquez was unstoppable. He scored 23 points and grabbed seven rebounds as the Herons beat the Owls.";
    assert!(!verdicts_for(&[c, d], "11 rebounds").contains(&Verdict::Conflict));
    let e = "The final belonged to Tolliver. Tolliver scored 14 points and grabbed nine rebounds as the Owls lost to the Herons.";
    assert!(
        verdicts_for(&[a, e], "11 rebounds").contains(&Verdict::Conflict),
        "one player's two figures still conflict"
    );
}

#[test]
fn shares_of_different_countries_do_not_conflict_issue_15() {
    let a = "After the cable cut, 55 percent of voice traffic in Norland was out of service, the operator said.";
    let b = "After the cable cut, 65 percent of voice traffic to Sudmark was out of service, the operator said.";
    assert!(!verdicts_for(&[a, b], "55 percent").contains(&Verdict::Conflict));
}
