//! What every report for people shares: sources named as an editor knows them (the
//! outlet, else the title, else the file's id), findings in the order an editor reads
//! them (conflicts, agreements, single-source; each by the `[report] rank` of
//! rules.toml), and a one-line headline built from a finding's data (its kind, values
//! and outlets), never from the reconcile explanation.

use super::Analysis;
use crate::{
    config::report::{RankProbe, Ranking},
    extract::{Claim, Value},
    ingest::Article,
    reconcile::{Finding, relate},
    rules::{FindingKind, Verdict},
};

/// Longest title used as a source's name, in characters.
const MAX_NAME_CHARS: usize = 32;

fn shortened(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > max.saturating_sub(1) {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(max.saturating_sub(1)).collect();
    }
    out.push('…');
    out
}

fn meta_text(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Most words a first line may have to be taken for a headline.
const MAX_HEADLINE_WORDS: usize = 14;

/// The article's first line when it reads as a headline: a few words without sentence
/// punctuation, not a byline, then more text, and either a blank line after it or most
/// of its words capitalized ("Tara Reid Checks Into Rehab").
fn first_line_title(article: &Article) -> Option<&str> {
    let body = article.text.get(article.body_start..)?.trim_start();
    let end = body.find(['\n', '\r'])?;
    let (first, rest) = (body[..end].trim(), &body[end..]);
    let words: Vec<&str> = first.split_whitespace().collect();
    let capitalized = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let blank_after = rest
        .trim_start_matches([' ', '\t'])
        .strip_prefix("\r\n")
        .or_else(|| rest.trim_start_matches([' ', '\t']).strip_prefix('\n'))
        .is_some_and(|r| r.trim_start_matches([' ', '\t']).starts_with(['\n', '\r']));
    let looks_like = (2..=MAX_HEADLINE_WORDS).contains(&words.len())
        && !first.ends_with(|c: char| {
            c.is_ascii_punctuation() || "\u{2026}\u{201d}\u{2014}".contains(c)
        })
        && ![", ", ". ", "? ", "! ", "; "]
            .iter()
            .any(|p| first.contains(p))
        && !first.starts_with("By ")
        && first.chars().next().is_some_and(char::is_alphanumeric)
        && !rest.trim().is_empty()
        && (blank_after || capitalized * 3 >= words.len() * 2);
    looks_like.then_some(first)
}

/// Each article's name for people: its `source:`/`outlet:` metadata (from the article
/// or a `sources.toml` beside it), else its title, else its headline (both shortened),
/// else its id. Names two articles share get the id after them.
pub fn source_names(articles: &[Article]) -> Vec<String> {
    let base: Vec<String> = articles
        .iter()
        .map(|a| {
            meta_text(&a.meta.outlet)
                .or(meta_text(&a.meta.title))
                .or_else(|| first_line_title(a))
                .map(|n| shortened(n, MAX_NAME_CHARS))
                .unwrap_or_else(|| a.id.clone())
        })
        .collect();
    base.iter()
        .zip(articles)
        .map(|(name, a)| {
            let shared = base.iter().filter(|n| *n == name).count() > 1;
            if shared && *name != a.id {
                format!("{name} ({})", a.id)
            } else {
                name.clone()
            }
        })
        .collect()
}

/// What `[report] rank` matches in a claim.
pub fn probe<'a>(claim: &'a Claim, article: &'a Article) -> RankProbe<'a> {
    let sentence = article.text.get(claim.sentence.start..claim.sentence.end);
    let (counted, dimension, unit) = match &claim.value {
        Value::Quantity(q) => (
            q.counted.as_deref(),
            q.dimension.as_deref(),
            q.unit.as_deref(),
        ),
        _ => (None, None, None),
    };
    RankProbe {
        kind: claim.kind.name(),
        counted,
        dimension,
        unit,
        sentence: sentence.unwrap_or(""),
    }
}

/// A finding's place in `ranking`: the best place of any of its claims.
pub fn rank_of(finding: &Finding, analysis: &Analysis<'_>, ranking: &Ranking) -> usize {
    finding
        .claims
        .iter()
        .map(|&i| {
            let c = &analysis.claims[i];
            ranking.place(&probe(c, &analysis.articles[c.article]))
        })
        .min()
        .unwrap_or(ranking.ranks.len())
}

fn verdict_place(v: Verdict) -> u8 {
    match v {
        Verdict::Conflict => 0,
        Verdict::Agreement => 1,
        Verdict::SingleSource => 2,
    }
}

/// Indices of `analysis.findings` in editor order: conflicts, agreements, single-source
/// claims; within each, by rank, then by independent sources (most first), then as found.
pub fn order(analysis: &Analysis<'_>, ranking: &Ranking) -> Vec<usize> {
    let mut keys: Vec<(u8, usize, std::cmp::Reverse<usize>, usize)> = analysis
        .findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            (
                verdict_place(f.verdict),
                rank_of(f, analysis, ranking),
                std::cmp::Reverse(f.independent_sources()),
                i,
            )
        })
        .collect();
    keys.sort_unstable();
    keys.into_iter().map(|k| k.3).collect()
}

/// What a quantity counts, in words: the phrase as written, else a measure's role.
pub fn counted_words(q: &crate::extract::Quantity) -> String {
    match (&q.counted_text, &q.counted) {
        (Some(text), _) => text.clone(),
        (None, Some(role)) if q.unit.is_some() && role != "unspecified" => format!("({role})"),
        _ => String::new(),
    }
}

/// A role as written: "former mayor of Ellery".
pub fn role_text(r: &crate::extract::Role) -> String {
    let status = match r.status {
        crate::extract::RoleStatus::Current => "",
        crate::extract::RoleStatus::Former => "former ",
        crate::extract::RoleStatus::Acting => "acting ",
    };
    match &r.organization {
        Some(org) => format!("{status}{} of {org}", r.role),
        None => format!("{status}{}", r.role),
    }
}

/// Longest run of quoted words a headline shows.
const QUOTE_WORDS: usize = 8;

fn words_window(words: &[&str], from: usize) -> String {
    let end = (from + QUOTE_WORDS).min(words.len());
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(&words[from.min(end)..end].join(" "));
    if end < words.len() {
        out.push('…');
    }
    out
}

/// A claim's value in a few words: "27 stalls", "“Monday” (2025-02-03)", a quote's words.
pub fn value_words(claim: &Claim) -> String {
    match &claim.value {
        Value::Quantity(q) => format!("{} {}", relate::describe(q), counted_words(q))
            .trim_end()
            .to_owned(),
        Value::Quote(q) => {
            let words: Vec<&str> = q.normalized.split(' ').collect();
            format!("“{}”", words_window(&words, 0))
        }
        Value::Role(r) => format!("{}, {}", r.person, role_text(r)),
        Value::Date(d) => relate::describe_date(d),
        Value::Duration(d) => d.describe(),
    }
}

/// The words of each version of a quote from where the versions first differ, so that a
/// headline shows the difference rather than the words they share.
fn quote_versions(versions: &[&str]) -> Vec<String> {
    let split: Vec<Vec<&str>> = versions.iter().map(|v| v.split(' ').collect()).collect();
    let common = (0..)
        .take_while(|&i| {
            split[0]
                .get(i)
                .is_some_and(|w| split.iter().all(|s| s.get(i) == Some(w)))
        })
        .count();
    let from = common.saturating_sub(3);
    split
        .iter()
        .map(|words| format!("“{}”", words_window(words, from)))
        .collect()
}

/// Agreements that are one fact shown as one (issue #17): agreements of one kind whose
/// headline names the same value ("“2004”", "“Sunday”") are listed once, under the
/// first one's place, with all their spans and ids (`F27+F29`). Conflicts are kept
/// apart: each says something different is wrong. JSON and the other machine formats
/// keep every finding.
pub fn one_fact<'f>(
    listed: &[&'f Finding],
    analysis: &Analysis<'_>,
    names: &[String],
) -> Vec<std::borrow::Cow<'f, Finding>> {
    use std::borrow::Cow;
    let value_of = |f: &Finding| {
        let h = headline(f, analysis, names);
        let value = h.split_once(": ").map_or(h.as_str(), |(v, _)| v);
        one_fact_key(f.kind, value)
    };
    let mut out: Vec<Cow<'f, Finding>> = Vec::new();
    let mut keys: Vec<Option<(FindingKind, String)>> = Vec::new();
    for &f in listed {
        let key = (f.verdict == Verdict::Agreement).then(|| (f.kind, value_of(f)));
        if let Some(k) = &key
            && let Some(at) = keys.iter().position(|o| o.as_ref() == Some(k))
        {
            let merged = out[at].to_mut();
            merged.id = format!("{}+{}", merged.id, f.id);
            merged.claims.extend(&f.claims);
            merged.claims.sort_by_key(|&i| {
                let c = &analysis.claims[i];
                (c.article, c.span.start)
            });
            merged.claims.dedup();
            for (into, from) in [
                (&mut merged.sources, &f.sources),
                (&mut merged.groups, &f.groups),
            ] {
                into.extend(from);
                into.sort_unstable();
                into.dedup();
            }
            merged.links.extend(f.links.iter().cloned());
            merged.explanation = format!("{} {}", merged.explanation, f.explanation);
            continue;
        }
        out.push(Cow::Borrowed(f));
        keys.push(key);
    }
    out
}

/// Role words that name one job: "lawyer" and "attorney" for one person are one fact.
const SAME_ROLE: &[(&str, &str)] = &[
    ("attorney", "lawyer"),
    ("spokesman", "spokesperson"),
    ("spokeswoman", "spokesperson"),
];

/// Words that place a day's event within it: "late Thursday" is still Thursday.
const PART_OF_DAY: &[&str] = &["early", "late", "morning", "afternoon", "evening", "night"];

/// What two agreements must share to be one fact: the headline's value, with a role's
/// synonyms made one word and, for a day, the part of the day and resolved date left out.
fn one_fact_key(kind: FindingKind, value: &str) -> String {
    let words = value.split_whitespace().map(|w| {
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        SAME_ROLE
            .iter()
            .find(|(from, _)| *from == bare)
            .map_or_else(|| w.to_lowercase(), |(_, to)| (*to).to_owned())
    });
    if kind.name().starts_with("date") {
        let day = value.split(" (").next().unwrap_or(value);
        return day
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty() && !PART_OF_DAY.contains(&w.as_str()))
            .collect::<Vec<_>>()
            .join(" ");
    }
    words.collect::<Vec<_>>().join(" ")
}

/// The outlets of a list of article indices, in order, each once.
fn outlets(articles: &[usize], names: &[String]) -> String {
    let mut seen: Vec<usize> = Vec::new();
    for &a in articles {
        if !seen.contains(&a) {
            seen.push(a);
        }
    }
    seen.iter()
        .map(|&a| names[a].as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// At most this many versions of a fact in a headline; the rest are counted.
const MAX_VERSIONS: usize = 3;

/// One line saying what the finding is, with the outlets behind each version:
/// "27 stalls (Ellery Gazette) vs 35 stalls (Radio Ellery)",
/// "112 residents: Coastline Wire, Ellery Gazette (2 independent)".
pub fn headline(finding: &Finding, analysis: &Analysis<'_>, names: &[String]) -> String {
    let claims = analysis.claims;
    // The versions of the fact, in claim order, each with the articles that give it.
    let mut versions: Vec<(String, Vec<usize>, usize)> = Vec::new();
    for &i in &finding.claims {
        let c = &claims[i];
        let words = match &c.value {
            Value::Quote(q) => q.normalized.clone(),
            _ => value_words(c),
        };
        match versions.iter_mut().find(|(w, _, _)| *w == words) {
            Some((_, list, _)) => list.push(c.article),
            None => versions.push((words, vec![c.article], i)),
        }
    }
    // The two sides of the first conflicting link lead: they are the discrepancy.
    if let Some(l) = finding
        .links
        .iter()
        .find(|l| l.link.relation == relate::Relation::Conflicts)
    {
        let side = |versions: &[(String, Vec<usize>, usize)], claim: usize| {
            versions
                .iter()
                .position(|(_, _, first)| *first == claim)
                .or_else(|| {
                    let words = value_words(&claims[claim]);
                    versions.iter().position(|(w, _, _)| *w == words)
                })
        };
        for (to, claim) in [(0, l.a), (1, l.b)] {
            if let Some(at) = side(&versions, claim)
                && at >= to
            {
                let v = versions.remove(at);
                versions.insert(to, v);
            }
        }
    }
    let is_quote = matches!(claims[finding.claims[0]].value, Value::Quote(_));
    match finding.verdict {
        Verdict::Conflict => {
            let shown: Vec<String> = if is_quote {
                let texts: Vec<&str> = versions.iter().map(|(w, _, _)| w.as_str()).collect();
                quote_versions(&texts)
            } else {
                versions.iter().map(|(w, _, _)| w.clone()).collect()
            };
            let mut parts: Vec<String> = shown
                .iter()
                .zip(&versions)
                .take(MAX_VERSIONS)
                .map(|(w, (_, arts, _))| format!("{w} ({})", outlets(arts, names)))
                .collect();
            if versions.len() > MAX_VERSIONS {
                parts.push(format!("{} more", versions.len() - MAX_VERSIONS));
            }
            let lead = match finding.kind {
                FindingKind::Misquote | FindingKind::MisattributedQuote => {
                    let speaker = finding
                        .claims
                        .iter()
                        .find_map(|&i| claims[i].quote().and_then(|q| q.speaker.clone()));
                    match (finding.kind, speaker) {
                        (FindingKind::Misquote, Some(s)) => format!("{s} quoted two ways: "),
                        (FindingKind::Misquote, None) => "quoted two ways: ".to_owned(),
                        _ => "one quote, two speakers: ".to_owned(),
                    }
                }
                _ => String::new(),
            };
            format!("{lead}{}", parts.join(" vs "))
        }
        Verdict::Agreement => {
            let (words, _, first) = &versions[0];
            let shown = if is_quote {
                value_words(&claims[*first])
            } else {
                words.clone()
            };
            let arts: Vec<usize> = finding.claims.iter().map(|&i| claims[i].article).collect();
            format!(
                "{shown}: {} ({} independent)",
                outlets(&arts, names),
                finding.independent_sources()
            )
        }
        Verdict::SingleSource => {
            let c = &claims[finding.claims[0]];
            format!("{}: only {}", value_words(c), names[c.article])
        }
    }
}

/// What an editor should do about a finding, fitting its kind; None when nothing is to
/// be done (agreements).
pub fn advice(kind: FindingKind) -> Option<&'static str> {
    Some(match kind {
        FindingKind::QuantityConflict => {
            "check which source is right, or whether they count different things"
        }
        FindingKind::Misquote => "check the exact words against the original or a recording",
        FindingKind::DateConflict => {
            "check which date is right; a relative date (\"Monday\") may be read against the wrong day"
        }
        FindingKind::WeekdayMismatch => "the weekday and the date cannot both be right; check both",
        FindingKind::DurationConflict => {
            "check which duration is right, or whether they time different things"
        }
        FindingKind::RoleConflict => "check the person's current title with the source",
        FindingKind::MisattributedQuote => "check who said these words",
        FindingKind::NameMisspelling => "check the spelling of the name",
        FindingKind::SingleSource => "look for a second, independent source",
        FindingKind::QuantityAgreement
        | FindingKind::QuoteAgreement
        | FindingKind::DateAgreement
        | FindingKind::DurationAgreement
        | FindingKind::RoleAgreement => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lawyer_and_an_attorney_or_late_and_plain_thursday_are_one_fact_issue_17() {
        let key = |k, v| one_fact_key(k, v);
        assert_eq!(
            key(FindingKind::RoleAgreement, "Shawn Holley, attorney"),
            key(FindingKind::RoleAgreement, "Shawn Holley, lawyer")
        );
        assert_eq!(
            key(FindingKind::DateAgreement, "\u{201c}late Thursday\u{201d}"),
            key(
                FindingKind::DateAgreement,
                "\u{201c}Thursday\u{201d} (2013-06-06)"
            )
        );
        assert_ne!(
            key(FindingKind::DateAgreement, "\u{201c}Thursday\u{201d}"),
            key(FindingKind::DateAgreement, "\u{201c}Sunday\u{201d}")
        );
        assert_ne!(
            key(FindingKind::QuantityAgreement, "5 people"),
            key(FindingKind::QuantityAgreement, "50 people")
        );
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let name = shortened("Rubio meets El Salvador's Bukele amid migration push", 32);
        assert!(name.chars().count() <= 32, "{name}");
        assert!(name.ends_with('…'), "{name}");
        assert!(name.starts_with("Rubio meets"), "{name}");
    }

    #[test]
    fn quote_versions_start_near_the_first_difference() {
        let v = quote_versions(&[
            "nobody was hurt and that is what matters tonight",
            "nobody was hurt and that is all that matters tonight",
        ]);
        assert_eq!(v[0], "“…and that is what matters tonight”");
        assert_eq!(v[1], "“…and that is all that matters tonight”");
    }

    #[test]
    fn every_conflict_kind_has_advice_and_no_agreement_does() {
        for info in crate::rules::KINDS {
            let has = advice(info.kind).is_some();
            assert_eq!(
                has,
                info.verdict != Verdict::Agreement,
                "advice for {}",
                info.name
            );
        }
    }

    #[test]
    fn date_and_quote_advice_never_speaks_of_counting() {
        for kind in [
            FindingKind::DateConflict,
            FindingKind::Misquote,
            FindingKind::WeekdayMismatch,
        ] {
            let text = advice(kind).unwrap_or_default();
            assert!(!text.contains("count"), "{kind:?}: {text}");
        }
    }
}
