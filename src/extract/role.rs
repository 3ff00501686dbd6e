//! Role claims: who holds which title, of which organization or country, now, formerly or
//! acting (issue 9).
//!
//! Forms read, around a person the article's `Directory` knows:
//! - a title before the name: "U.S. Secretary of State Marco Rubio", "Salvadoran
//!   President Nayib Bukele", "State Department spokesperson Dana Holt";
//! - a possessive or `of` phrase before it, with a comma: "El Salvador's president, Nayib
//!   Bukele", "the president of Panama, José Mulino";
//! - an appositive after it: "Rubio, a former U.S. senator from Ohio,";
//! - a copula: "she is now the acting director of the port authority".
//!
//! Roles, organizations, demonyms and status words come from `[people]` and `[places]`
//! in rules.toml. This module must not decide whether roles agree; `reconcile` does.

use crate::{
    config::{Settings, people::PeopleRules},
    extract::{Claim, ClaimKind, Role, RoleStatus, Value, context, people::Directory},
    ingest::Article,
    span::Span,
};

/// A role phrase read from text, before it is tied to a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedRole {
    /// Canonical roles the written role may stand for, most likely first.
    pub roles: Vec<String>,
    pub organization: Option<String>,
    pub status: RoleStatus,
}

/// One role the article gives one person.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleMention {
    /// Index of the person in the article's `Directory`.
    pub person: usize,
    /// The role phrase and the name, in the article.
    pub span: Span,
    pub role: Role,
}

/// A word of a phrase, with what separates it from the next one.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// Only a space separates it from the next token.
    joined: bool,
    /// A comma (and space) separates it from the next token.
    comma: bool,
}

fn is_abbreviation(word: &str, settings: &Settings) -> bool {
    let bare = word.trim_end_matches('.');
    bare.contains('.')
        || (bare.chars().count() == 1 && bare.chars().all(char::is_uppercase))
        || settings.abbreviations.contains(bare)
}

/// Whitespace-separated words with edge punctuation trimmed; a final period is kept on
/// initialisms and abbreviations ("U.S.", "Sen.").
fn tokens<'a>(text: &'a str, settings: &Settings) -> Vec<Token<'a>> {
    let mut out: Vec<Token<'a>> = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive(char::is_whitespace) {
        let start_raw = offset;
        offset += raw.len();
        let piece = raw.trim_end();
        if piece.is_empty() {
            continue;
        }
        let lead = piece.len()
            - piece
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        let mut body = &piece[lead..];
        let mut trail = body.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
        if trail.ends_with('.') && !is_abbreviation(trail, settings) {
            trail = trail.trim_end_matches('.');
        }
        let after = &body[trail.len()..];
        body = trail;
        if body.is_empty() {
            if let Some(last) = out.last_mut() {
                last.joined = false;
                last.comma = false;
            }
            continue;
        }
        if let Some(last) = out.last_mut()
            && lead > 0
        {
            // Punctuation before this word ("—U.S.", "(Secretary") separates it.
            last.joined = false;
            last.comma = false;
        }
        let start = start_raw + lead;
        out.push(Token {
            start,
            end: start + body.len(),
            text: body,
            joined: after.is_empty() && raw.len() - piece.len() == 1,
            comma: after == "," && raw.len() - piece.len() == 1,
        });
    }
    out
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_role_word(word: &str, settings: &Settings) -> bool {
    settings.people.is_known_role(word)
        || settings.titles.contains(word)
        || settings.titles.contains(&word.to_lowercase())
}

const DETERMINERS: &[&str] = &["the", "a", "an"];
/// Capitalised words that start sentences or clauses, never part of an organization.
const NOT_ORGANIZATION: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Then",
    "Later",
    "Earlier",
    "After",
    "Before",
    "When",
    "While",
    "Meanwhile",
    "Also",
    "Today",
    "Yesterday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The role with the adjectives before it when they make a known role ("top diplomat"),
/// or with the rank words among them ("deputy spokesperson"), else the role alone.
fn with_rank(
    adjectives: &[&str],
    with_adjectives: &str,
    role: &str,
    rules: &PeopleRules,
) -> String {
    if !adjectives.is_empty() && rules.is_known_role(with_adjectives) {
        return with_adjectives.trim().to_owned();
    }
    let ranks: Vec<&str> = adjectives
        .iter()
        .copied()
        // "under" is a rank only as a title ("Under Secretary"); in lower case it is the
        // preposition ("director of Wildlife under President Clinton").
        .filter(|a| rules.subordinate.contains(&a.to_lowercase()) && *a != "under")
        .collect();
    if ranks.is_empty() {
        role.to_owned()
    } else {
        format!("{} {}", ranks.join(" "), role).to_lowercase()
    }
}

/// Read a role phrase: `[determiner] [status] [place/organization] [adjectives] ROLE
/// [of ORGANIZATION] [from PLACE]`. None unless every word is accounted for and there
/// is a role.
pub fn parse_role(words: &[&str], settings: &Settings) -> Option<ParsedRole> {
    let rules: &PeopleRules = &settings.people;
    let mut status = RoleStatus::Current;
    let mut i = 0;
    while let Some(w) = words.get(i) {
        let key = PeopleRules::key(w);
        if DETERMINERS.contains(&key.as_str()) {
            i += 1;
        } else if rules.former.contains(&key) {
            status = RoleStatus::Former;
            i += 1;
        } else if rules.acting.contains(&key) {
            status = RoleStatus::Acting;
            i += 1;
        } else {
            break;
        }
    }
    let mut role: Option<String> = None;
    let mut organization: Option<String> = None;
    let mut unknown_org: Vec<&str> = Vec::new();
    let mut adjectives: Vec<&str> = Vec::new();
    while i < words.len() {
        let longest = rules.longest.min(words.len() - i);
        let mut matched = false;
        for len in (1..=longest).rev() {
            let phrase = words[i..i + len].join(" ");
            if rules.is_known_role(&phrase) {
                // "top diplomat": an adjective that is part of a known role.
                let with_adjectives = format!("{} {phrase}", adjectives.join(" "));
                role = Some(with_rank(&adjectives, &with_adjectives, &phrase, rules));
                adjectives.clear();
                i += len;
                matched = true;
                break;
            }
            if let Some(org) = rules.organization(&phrase) {
                organization = Some(org.to_owned());
                i += len;
                matched = true;
                break;
            }
        }
        if matched {
            continue;
        }
        let w = words[i];
        let key = PeopleRules::key(w);
        if role.is_some() && (key == "of" || key == "for") {
            // "president of Panama", "administrator of the U.S. Agency for ...".
            let rest: Vec<&str> = words[i + 1..]
                .iter()
                .copied()
                .skip_while(|w| DETERMINERS.contains(&w.to_lowercase().as_str()))
                .collect();
            let joined = rest.join(" ");
            if let Some(org) = rules.organization(&joined) {
                organization = Some(org.to_owned());
            } else if !rest.is_empty() && rest.iter().all(|w| is_capitalised(w)) {
                let written = role.take().unwrap_or_default();
                role = Some(format!("{written} of {}", joined.to_lowercase()));
            } else {
                return None;
            }
            break;
        }
        if role.is_some() && key == "from" {
            // "a former U.S. senator from Ohio": where the person is from.
            break;
        }
        if is_role_word(w, settings) {
            let with_adjectives = format!("{} {w}", adjectives.join(" "));
            role = Some(with_rank(&adjectives, &with_adjectives, w, rules));
            adjectives.clear();
        } else if is_capitalised(w) && role.is_none() {
            unknown_org.push(w);
        } else if role.is_none() && w.chars().all(|c| c.is_lowercase() || c == '-') {
            adjectives.push(w);
        } else {
            return None;
        }
        i += 1;
    }
    let role = role?;
    if organization.is_none() {
        let kept: Vec<&str> = unknown_org
            .iter()
            .copied()
            .skip_while(|w| NOT_ORGANIZATION.contains(w))
            .collect();
        // One unknown capitalised word is too often a sentence's first word.
        if kept.len() >= 2 {
            let joined = kept.join(" ");
            let joined = joined
                .strip_suffix("’s")
                .or_else(|| joined.strip_suffix("'s"))
                .unwrap_or(&joined);
            organization = Some(
                rules
                    .organization(joined)
                    .map_or_else(|| joined.to_owned(), str::to_owned),
            );
        }
    }
    Some(ParsedRole {
        roles: rules.roles_of(&role),
        organization,
        status,
    })
}

/// Read a description that names a person by role ("the Salvadoran president", "The top
/// U.S. diplomat", "the president of Panama").
pub fn parse_description(description: &str, settings: &Settings) -> Option<ParsedRole> {
    let toks = tokens(description, settings);
    let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
    parse_role(&words, settings)
}

/// Every place the article names a known person, as (name start, name end, person).
fn name_occurrences(article: &Article, people: &Directory) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (p, person) in people.people.iter().enumerate() {
        for &at in &person.mentions {
            let Some(rest) = article.text.get(at..) else {
                continue;
            };
            let surname_len = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '-'))
                .unwrap_or(rest.len());
            let end = at + surname_len;
            // Extend back over the given names when the full name is written.
            let full = &person.name;
            let start = article
                .text
                .get(..end)
                .filter(|before| before.ends_with(full.as_str()))
                .map_or(at, |_| end - full.len());
            out.push((start, end, p));
        }
    }
    out.sort_unstable();
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// The role phrase right before a name (`start` is the name's start in `para`).
fn role_before(
    toks: &[Token<'_>],
    name_start: usize,
    settings: &Settings,
) -> Option<(usize, ParsedRole)> {
    // Tokens are in text order, so the last one before the name is found by bisection
    // (a linear scan per name is quadratic on a paragraph of a million words).
    let last = toks
        .partition_point(|t| t.end <= name_start)
        .checked_sub(1)?;
    let after_comma = toks[last].comma;
    if !(toks[last].joined || after_comma) {
        return None;
    }
    let mut first = last + 1;
    for j in (0..=last).rev() {
        let t = toks[j];
        if j != last && !t.joined {
            break;
        }
        let key = PeopleRules::key(t.text);
        let fits = is_capitalised(t.text)
            || is_role_word(t.text, settings)
            || settings.people.former.contains(&key)
            || settings.people.acting.contains(&key)
            || settings.people.subordinate.contains(&key)
            || matches!(key.as_str(), "of" | "the" | "for");
        if !fits {
            break;
        }
        first = j;
    }
    // The longest suffix that reads as a role phrase.
    for from in first..=last {
        let words: Vec<&str> = toks[from..=last].iter().map(|t| t.text).collect();
        if matches!(words.first(), Some(&"of") | Some(&"for")) {
            continue;
        }
        let possessive = words.iter().any(|w| w.ends_with("’s") || w.ends_with("'s"));
        if let Some(parsed) = parse_role(&words, settings) {
            // "El Salvador's president, Nayib Bukele," / "the president of Panama, X,":
            // with a comma, only a possessive or a determiner and an organization make the
            // phrase a title ("talks with the president, Rubio and ..." is a list).
            let determiner = DETERMINERS.contains(&words[0].to_lowercase().as_str());
            if after_comma && !(possessive || (determiner && parsed.organization.is_some())) {
                continue;
            }
            return Some((toks[from].start, parsed));
        }
    }
    None
}

/// An appositive right after a name: ", a former U.S. senator from Ohio,".
fn role_after(
    toks: &[Token<'_>],
    name_end: usize,
    settings: &Settings,
) -> Option<(usize, ParsedRole)> {
    let name_last = toks.partition_point(|t| t.end <= name_end).checked_sub(1)?;
    if !toks[name_last].comma {
        return None;
    }
    let first = name_last + 1;
    let opener = PeopleRules::key(toks.get(first)?.text);
    if !(DETERMINERS.contains(&opener.as_str())
        || settings.people.former.contains(&opener)
        || settings.people.acting.contains(&opener))
    {
        return None;
    }
    longest_role_from(toks, first, settings)
}

/// The longest run of joined tokens from `first` (at most 12) that reads as a role.
fn longest_role_from(
    toks: &[Token<'_>],
    first: usize,
    settings: &Settings,
) -> Option<(usize, ParsedRole)> {
    let mut last = first;
    while last + 1 < toks.len() && toks[last].joined && last - first < 12 {
        last += 1;
    }
    (first..=last).rev().find_map(|end| {
        let words: Vec<&str> = toks[first..=end].iter().map(|t| t.text).collect();
        parse_role(&words, settings).map(|p| (toks[end].end, p))
    })
}

/// "she is now the acting director of ...": a copula after a name or pronoun.
fn role_of_copula(
    toks: &[Token<'_>],
    subject_end: usize,
    settings: &Settings,
) -> Option<(usize, ParsedRole)> {
    let subject = toks.partition_point(|t| t.end < subject_end);
    if toks.get(subject)?.end != subject_end {
        return None;
    }
    let mut i = subject + 1;
    if !toks[subject].joined {
        return None;
    }
    let verb = PeopleRules::key(toks.get(i)?.text);
    if !matches!(verb.as_str(), "is" | "became" | "remains") {
        return None;
    }
    i += 1;
    if toks.get(i).is_some_and(|t| t.text == "now") {
        i += 1;
    }
    let first = i;
    if !DETERMINERS.contains(&PeopleRules::key(toks.get(first)?.text).as_str()) {
        return None;
    }
    longest_role_from(toks, first, settings)
}

fn mention(person: usize, span: Span, people: &Directory, parsed: ParsedRole) -> RoleMention {
    RoleMention {
        person,
        span,
        role: Role {
            person: people.people[person].name.clone(),
            role: parsed.roles.first().cloned().unwrap_or_default(),
            organization: parsed.organization,
            status: parsed.status,
            roles: parsed.roles,
        },
    }
}

/// Every role the article gives a person it names, in text order.
pub fn find(article: &Article, people: &Directory, settings: &Settings) -> Vec<RoleMention> {
    let mut found = Vec::new();
    let occurrences = name_occurrences(article, people);
    for paragraph in &article.paragraphs {
        let para = article.slice(*paragraph);
        let base = paragraph.start;
        let toks = tokens(para, settings);
        // Occurrences are sorted by start: only those from this paragraph's start on.
        let from = occurrences.partition_point(|o| o.0 < paragraph.start);
        for &(start, end, person) in occurrences[from..]
            .iter()
            .take_while(|o| o.0 < paragraph.end)
            .filter(|o| o.1 <= paragraph.end)
        {
            let (s, e) = (start - base, end - base);
            // An appositive title must close: "El Salvador's president, Nayib Bukele, he".
            let closed = para[e..]
                .chars()
                .next()
                .is_none_or(|c| matches!(c, ',' | '.' | ';' | ')' | '—'))
                || para[e..].starts_with("’s")
                || para[e..].starts_with("'s");
            if let Some((from, parsed)) = role_before(&toks, s, settings)
                .filter(|(from, _)| closed || !para[*from..s].trim_end().ends_with(','))
            {
                found.push(mention(person, Span::new(base + from, end), people, parsed));
            }
            if let Some((to, parsed)) = role_after(&toks, e, settings) {
                found.push(mention(person, Span::new(start, base + to), people, parsed));
            }
            if let Some((to, parsed)) = role_of_copula(&toks, e, settings) {
                found.push(mention(person, Span::new(start, base + to), people, parsed));
            }
        }
        // Pronoun subjects of a copula: "she is now the acting director of ...".
        for t in toks
            .iter()
            .filter(|t| matches!(t.text, "he" | "she" | "He" | "She"))
        {
            let Some((to, parsed)) = role_of_copula(&toks, t.end, settings) else {
                continue;
            };
            let Some(name) = people.resolve_pronoun(base + t.start) else {
                continue;
            };
            if let Some(person) = people.index_of(name) {
                found.push(mention(
                    person,
                    Span::new(base + t.start, base + to),
                    people,
                    parsed,
                ));
            }
        }
    }
    found.sort_by_key(|m| (m.span.start, m.span.end));
    found
}

/// Whether mention `a` says no more than `b` about the same person: the same role or its
/// generic head, and no organization `b` lacks.
fn is_subsumed(a: &Role, b: &Role, rules: &PeopleRules) -> bool {
    a.status == b.status
        && (a.role == b.role || rules.is_generic_of(&a.role, &b.role))
        && (a.organization.is_none() || a.organization == b.organization)
        && a != b
}

/// One claim per distinct role of each person: "Secretary Rubio" after "Secretary of
/// State Marco Rubio" adds nothing.
pub fn claims(
    index: usize,
    article: &Article,
    mentions: &[RoleMention],
    settings: &Settings,
) -> Vec<Claim> {
    let rules = &settings.people;
    let mut claims = Vec::new();
    let mut kept: Vec<&Role> = Vec::new();
    // Roles already found subsumed: a role repeated through a long article is looked up
    // here instead of against every mention again (that is quadratic).
    let mut subsumed: Vec<&Role> = Vec::new();
    for m in mentions {
        if kept
            .iter()
            .any(|r| r.person == m.role.person && (**r == m.role || is_subsumed(&m.role, r, rules)))
            || subsumed.contains(&&m.role)
        {
            continue;
        }
        if mentions.iter().any(|other| {
            other.role.person == m.role.person && is_subsumed(&m.role, &other.role, rules)
        }) {
            subsumed.push(&m.role);
            continue;
        }
        kept.push(&m.role);
        let sentence_index = article.sentence_ending_after(m.span.start).unwrap_or(0);
        claims.push(Claim {
            id: String::new(),
            article: index,
            kind: ClaimKind::Role,
            span: m.span,
            sentence: article
                .sentences
                .get(sentence_index)
                .map_or(m.span, |s| s.span),
            value: Value::Role(m.role.clone()),
            subject: m.role.person.clone(),
            context: if article.sentences.is_empty() {
                context::Context::default()
            } else {
                context::around(article, sentence_index, settings)
            },
        });
    }
    claims
}

#[cfg(test)]
mod tests {
    use std::{path::PathBuf, sync::Arc};

    use super::*;

    fn roles(text: &str) -> Vec<(String, String, Option<String>, RoleStatus)> {
        let settings = Settings::builtin();
        let article = Article::from_text(PathBuf::from("a.txt"), Arc::from(text), &settings);
        let people = Directory::of(&article, &settings);
        let mentions = find(&article, &people, &settings);
        claims(0, &article, &mentions, &settings)
            .into_iter()
            .filter_map(|c| match c.value {
                Value::Role(r) => Some((r.person, r.role, r.organization, r.status)),
                _ => None,
            })
            .collect()
    }

    fn one(
        person: &str,
        role: &str,
        org: Option<&str>,
        status: RoleStatus,
    ) -> (String, String, Option<String>, RoleStatus) {
        (
            person.to_owned(),
            role.to_owned(),
            org.map(str::to_owned),
            status,
        )
    }

    #[test]
    fn a_title_before_the_name_with_a_demonym() {
        assert_eq!(
            roles("Salvadoran President Nayib Bukele met the press."),
            [one(
                "Nayib Bukele",
                "president",
                Some("El Salvador"),
                RoleStatus::Current
            )]
        );
    }

    #[test]
    fn secretary_of_state_with_and_without_the_country() {
        assert_eq!(
            roles("U.S. Secretary of State Lee Park spoke. Later Secretary Park left."),
            [one(
                "Lee Park",
                "secretary of state",
                Some("United States"),
                RoleStatus::Current
            )]
        );
    }

    #[test]
    fn an_organization_alias_before_a_lowercase_title() {
        assert_eq!(
            roles(
                "The talks were hard, U.S. Department of State spokesperson Jo Hale told reporters."
            ),
            [one(
                "Jo Hale",
                "spokesperson",
                Some("State Department"),
                RoleStatus::Current
            )]
        );
    }

    #[test]
    fn a_possessive_role_before_a_comma() {
        assert_eq!(
            roles("After a visit with Panama's president, Ana Ruiz, he left."),
            [one(
                "Ana Ruiz",
                "president",
                Some("Panama"),
                RoleStatus::Current
            )]
        );
    }

    #[test]
    fn an_appositive_with_a_former_role() {
        let text = "Mayor Ana Ruiz spoke. Ruiz, a former U.S. senator from Ohio, said it was fine.";
        assert_eq!(
            roles(text),
            [
                one("Ana Ruiz", "mayor", None, RoleStatus::Current),
                one(
                    "Ana Ruiz",
                    "senator",
                    Some("United States"),
                    RoleStatus::Former
                ),
            ]
        );
    }

    #[test]
    fn an_acting_role_through_a_pronoun_copula() {
        // The rules know the agency by its long name and its initials.
        let text = "Governor Lee Park spoke to us. Park told us he is now the acting director of the Agency for International Development.";
        let r = roles(text);
        assert_eq!(
            r[1],
            one("Lee Park", "director", Some("USAID"), RoleStatus::Acting)
        );
    }

    #[test]
    fn an_unknown_organization_of_two_words_is_kept() {
        assert_eq!(
            roles("Harbour Board chair Jo Hale said the fire was out."),
            [one(
                "Jo Hale",
                "chair",
                Some("Harbour Board"),
                RoleStatus::Current
            )]
        );
    }

    #[test]
    fn a_description_is_parsed_like_a_title() {
        let settings = Settings::builtin();
        let d = parse_description("The top U.S. diplomat", &settings).expect("parses");
        assert!(d.roles.contains(&"secretary of state".to_owned()));
        assert_eq!(d.organization.as_deref(), Some("United States"));
        let d = parse_description("the president of Panama", &settings).expect("parses");
        assert_eq!(
            (d.roles[0].as_str(), d.organization.as_deref()),
            ("president", Some("Panama"))
        );
        assert!(parse_description("the fire", &settings).is_none());
    }
}
