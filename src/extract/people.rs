//! People named in one article: full names, their later surname-only mentions, and who
//! a bare "he" or "she" most likely is.
//!
//! Deliberately simple: a name is a run of capitalised words introduced by a title
//! ("Secretary of State Marco Rubio") or followed by a speech verb ("Tammy Bruce said").
//! A pronoun is the person last mentioned as the subject of a clause (a name followed by
//! its verb, not governed by a preposition); a description ("the Salvadoran president",
//! "the top U.S. diplomat") is the person the article gave that role (issue 9).

use crate::{
    config::{Settings, people::PeopleRules},
    extract::role::{self, RoleMention},
    ingest::Article,
    normalize::text,
};

/// One person and where the article mentions them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Full name as first introduced ("Marco Rubio").
    pub name: String,
    /// Folded last word of the name ("rubio").
    pub surname: String,
    /// Byte offsets of every mention (full name or surname).
    pub mentions: Vec<usize>,
    /// The mentions in subject position ("Rubio said", "Bukele, 43, revealed"), sorted.
    pub subject_mentions: Vec<usize>,
    /// Roles the article gives the person (attached from `role::find`).
    pub roles: Vec<RoleKey>,
}

/// A role as a description can name it: canonical roles and organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleKey {
    pub roles: Vec<String>,
    pub organization: Option<String>,
}

/// The people of one article.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    pub people: Vec<Person>,
    /// Folded capitalized words the article writes after a lower-case word: names,
    /// whatever they name ("Echenique" in "with Echenique", not "Officials" opening a
    /// sentence).
    pub written_as_names: std::collections::HashSet<String>,
}

/// "Mulino’s" -> "Mulino".
pub fn strip_possessive(name: &str) -> &str {
    name.strip_suffix("’s")
        .or_else(|| name.strip_suffix("'s"))
        .unwrap_or(name)
}

/// Verbs that attribute words to a speaker.
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "stated",
    "tweeted",
    "posted",
    "announced",
    "explained",
    "noted",
    "warned",
    "insisted",
    "argued",
    "asked",
    "declared",
    "continued",
    "replied",
    "responded",
    "cautioned",
    "stressed",
    "emphasized",
    "emphasised",
    "claimed",
    "acknowledged",
    "admitted",
    "remarked",
    "commented",
    "recalled",
    "testified",
];

/// Words that govern a noun phrase that is not a clause's subject.
const PREPOSITIONS: &[&str] = &[
    "with",
    "to",
    "of",
    "for",
    "by",
    "from",
    "about",
    "at",
    "on",
    "in",
    "after",
    "before",
    "against",
    "between",
    "among",
    "toward",
    "towards",
    "into",
    "under",
    "over",
    "than",
    "like",
    "alongside",
    "including",
    "met",
    "meet",
    "meets",
    "visited",
    "praised",
    "told",
    "thanked",
    "called",
    "urged",
    "asked",
    "invited",
    "hosted",
    "greeted",
    "criticized",
    "criticised",
];

/// Words that cannot follow a subject as its verb.
const NOT_VERBS: &[&str] = &[
    "and", "or", "of", "in", "on", "at", "to", "for", "with", "from", "by", "as", "the", "a", "an",
    "who", "whose", "which", "that", "he", "she", "it", "they", "his", "her", "their",
];

/// A capitalised word, or a connector that may sit inside a name.
fn is_name_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && !word.chars().all(|c| c.is_uppercase() && word.len() > 4)
}

const NOT_NAMES: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
];

/// Runs of capitalised words in `text` ("of" may join two of them), as word lists.
pub fn capitalised_runs(text: &str) -> Vec<Vec<(usize, usize, &str)>> {
    let words: Vec<(usize, usize, &str)> = text::words(text).collect();
    let mut runs = Vec::new();
    let mut current: Vec<(usize, usize, &str)> = Vec::new();
    for (i, &(start, end, word)) in words.iter().enumerate() {
        // Words join across a space, or across an initial's period ("U.S. Navy", "J. Smith").
        let gap_ok = current.last().is_none_or(|&(last_start, last_end, _)| {
            let gap = &text[last_end..start];
            gap == " " || (last_end - last_start == 1 && (gap == ". " || gap == "."))
        });
        let connector = word == "of"
            && !current.is_empty()
            && words
                .get(i + 1)
                .is_some_and(|&(_, _, next)| is_name_word(next));
        if (is_name_word(word) || connector) && gap_ok {
            current.push((start, end, word));
        } else {
            if !current.is_empty() {
                runs.push(std::mem::take(&mut current));
            }
            if is_name_word(word) {
                current.push((start, end, word));
            }
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

/// Whether `word` (any case) is a title or a role in the rules.
pub fn is_title(word: &str, settings: &Settings) -> bool {
    settings.titles.contains(word)
        // A word that is its own lower case was looked up just above: no copy.
        || (!is_own_lower_case(word) && settings.titles.contains(&word.to_lowercase()))
        || settings.people.is_known_role(word)
}

/// Whether `word.to_lowercase()` is `word` (every character its own lower case).
fn is_own_lower_case(word: &str) -> bool {
    word.chars().all(|c| {
        let mut lower = c.to_lowercase();
        lower.next() == Some(c) && lower.next().is_none()
    })
}

/// The name inside a run of capitalised words: what follows its last title, or the
/// whole run. "Secretary of State Marco Rubio" -> "Marco Rubio".
pub fn name_in_run<'a>(
    run: &'a [(usize, usize, &'a str)],
    settings: &Settings,
) -> (bool, &'a [(usize, usize, &'a str)]) {
    let Some(title_at) = run.iter().rposition(|(_, _, w)| is_title(w, settings)) else {
        let start = run
            .iter()
            .position(|(_, _, w)| !NOT_NAMES.contains(w))
            .unwrap_or(run.len());
        return (false, &run[start..]);
    };
    let rest = &run[title_at + 1..];
    if rest.first().is_some_and(|(_, _, w)| *w == "of") {
        // "Secretary of State Marco Rubio": the department is one word when two name
        // words remain after it, two when more do.
        let after_of = &rest[1..];
        return match after_of.len() {
            0..=2 => (true, &after_of[after_of.len()..]),
            3 => (true, &after_of[1..]),
            n => (true, &after_of[n - 2..]),
        };
    }
    (true, rest)
}

impl Directory {
    /// Find the people of `article`.
    pub fn of(article: &Article, settings: &Settings) -> Self {
        let mut directory = Directory::default();
        for paragraph in &article.paragraphs {
            let para = article.slice(*paragraph);
            let base = paragraph.start;
            for run in capitalised_runs(para) {
                let (run_start, run_end) = (run[0].0, run[run.len() - 1].1);
                let (titled, name_words) = name_in_run(&run, settings);
                let before = &para[..run_start];
                let word_before = before
                    .split_whitespace()
                    .next_back()
                    .unwrap_or("")
                    .trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
                let after = para[run_end..].trim_start_matches([',', ' ']);
                let verb_after = SPEECH_VERBS.iter().any(|v| {
                    after.starts_with(v)
                        && after[v.len()..]
                            .chars()
                            .next()
                            .is_none_or(|c| !c.is_alphanumeric())
                });
                if word_before.chars().next().is_some_and(char::is_lowercase) {
                    directory
                        .written_as_names
                        .extend(run.iter().map(|(_, _, w)| text::fold(strip_possessive(w))));
                }
                let role_before = settings.people.is_known_role(word_before);
                if !(titled || role_before || is_title(word_before, settings) || verb_after) {
                    continue;
                }
                if name_words.is_empty()
                    || name_words.len() > 4
                    || name_words.iter().any(|(_, _, w)| *w == "of")
                {
                    continue;
                }
                let start = name_words[0].0;
                let end = name_words[name_words.len() - 1].1;
                let name = strip_possessive(&para[start..end]).to_owned();
                // "The State Department said": an organization or place, not a person.
                if settings.people.organization(&name).is_some() {
                    continue;
                }
                if name_words.len() == 1 && directory.find_surname(&text::fold(&name)).is_some() {
                    directory.add(name, base + start);
                    continue;
                }
                directory.add(name, base + start);
            }
        }
        // Surname-only mentions of known people.
        for paragraph in &article.paragraphs {
            let para = article.slice(*paragraph);
            for (start, _, word) in text::words(para) {
                let folded = text::folded(strip_possessive(word));
                if let Some(i) = directory.find_surname(&folded) {
                    let at = paragraph.start + start;
                    if !directory.people[i].mentions.contains(&at) {
                        directory.people[i].mentions.push(at);
                    }
                }
            }
        }
        for person in &mut directory.people {
            person.mentions.sort_unstable();
            person.mentions.dedup();
            person.subject_mentions = person
                .mentions
                .iter()
                .copied()
                .filter(|&at| is_subject_at(&article.text, at, settings))
                .collect();
        }
        directory
    }

    /// The people of `article` with the roles the article gives them attached.
    pub fn with_roles(article: &Article, settings: &Settings) -> Self {
        let mut directory = Self::of(article, settings);
        let roles = role::find(article, &directory, settings);
        directory.attach_roles(&roles);
        directory
    }

    /// Attach role mentions to the people they name.
    pub fn attach_roles(&mut self, mentions: &[RoleMention]) {
        for m in mentions {
            if let Some(person) = self.people.get_mut(m.person) {
                let key = RoleKey {
                    roles: m.role.roles.clone(),
                    organization: m.role.organization.clone(),
                };
                if !person.roles.contains(&key) {
                    person.roles.push(key);
                }
            }
        }
    }

    /// Index of the person a name as written refers to.
    pub fn index_of(&self, written: &str) -> Option<usize> {
        let last = written.split_whitespace().last()?;
        self.find_surname(&text::fold(strip_possessive(last)))
    }

    /// Who a description at byte `at` refers to ("the Salvadoran president", "The top
    /// U.S. diplomat", "the president of Panama"): the person the article gave a matching
    /// role, the one mentioned last before `at` when several match.
    pub fn resolve_description(
        &self,
        description: &str,
        at: usize,
        settings: &Settings,
    ) -> Option<&str> {
        let parsed = role::parse_description(description, settings)?;
        let rules = &settings.people;
        self.people
            .iter()
            .filter(|p| {
                p.roles.iter().any(|k| {
                    role_matches(&parsed.roles, &k.roles, rules)
                        && (parsed.organization.is_none()
                            || k.organization.is_none()
                            || parsed.organization == k.organization)
                        && (parsed.organization.is_none()
                            || k.organization.is_some()
                            || parsed.roles.iter().any(|r| k.roles.contains(r)))
                })
            })
            .max_by_key(|p| p.mentions.iter().filter(|&&m| m < at).max().copied())
            .map(|p| p.name.as_str())
    }

    fn add(&mut self, name: String, at: usize) {
        let surname = name
            .split_whitespace()
            .next_back()
            .map(text::fold)
            .unwrap_or_default();
        if let Some(i) = self.find_surname(&surname) {
            // A longer form of a known name ("Marco Rubio" after "Rubio") replaces it.
            if name.split_whitespace().count() > self.people[i].name.split_whitespace().count() {
                self.people[i].name = name;
            }
            let _ = at;
            return;
        }
        // Mentions are collected afterwards, one per surname occurrence.
        let _ = at;
        self.people.push(Person {
            name,
            surname,
            mentions: Vec::new(),
            subject_mentions: Vec::new(),
            roles: Vec::new(),
        });
    }

    fn find_surname(&self, folded: &str) -> Option<usize> {
        self.people.iter().position(|p| p.surname == folded)
    }

    /// The full name for a name as written ("Rubio" -> "Marco Rubio"), if known.
    pub fn canonical(&self, written: &str) -> Option<&str> {
        let last = written.split_whitespace().last()?;
        let folded = text::fold(strip_possessive(last));
        self.find_surname(&folded)
            .map(|i| self.people[i].name.as_str())
    }

    /// Who "he" or "she" at byte `at` most likely is: the person last mentioned as a
    /// clause's subject before it; failing that, the person mentioned most often before
    /// it, the earliest introduced on a tie.
    pub fn resolve_pronoun(&self, at: usize) -> Option<&str> {
        let last_subject = self
            .people
            .iter()
            .filter_map(|p| {
                p.subject_mentions
                    .iter()
                    .filter(|&&m| m < at)
                    .max()
                    .map(|&m| (m, p))
            })
            .max_by_key(|(m, _)| *m);
        if let Some((_, p)) = last_subject {
            return Some(p.name.as_str());
        }
        self.people
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let before = p.mentions.iter().filter(|&&m| m < at).count();
                let first = p.mentions.first().copied().unwrap_or(usize::MAX);
                (before, std::cmp::Reverse(first), std::cmp::Reverse(i), p)
            })
            .filter(|(before, ..)| *before > 0)
            .max_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)))
            .map(|(.., p)| p.name.as_str())
    }
}

/// Whether a written role (any of `wanted`) names a held role (any of `held`): equal, or
/// the written one is the generic head of the held one ("the minister" for a foreign
/// minister), unless the held one is a subordinate rank ("vice president").
pub fn role_matches(wanted: &[String], held: &[String], rules: &PeopleRules) -> bool {
    wanted
        .iter()
        .any(|w| held.iter().any(|h| w == h || rules.is_generic_of(w, h)))
}

/// Whether the name mention at byte `at` of `text` is a clause's subject: not governed by
/// a preposition (looking back past titles and other capitalised words), and followed by
/// a verb (looking past an appositive between commas).
fn is_subject_at(text: &str, at: usize, settings: &Settings) -> bool {
    let Some(rest) = text.get(at..) else {
        return false;
    };
    let Some((_, end, word)) = text::words(rest).next() else {
        return false;
    };
    if word.ends_with("’s") || word.ends_with("'s") {
        return false;
    }
    let mut after = rest[end..].trim_start();
    if after.starts_with(',') {
        // Past an appositive: "Rubio, a former senator from Florida, said".
        let inner = &after[1..];
        let Some(comma) = inner
            .find(',')
            .filter(|&c| inner[..c].split_whitespace().count() <= 12)
        else {
            return false;
        };
        after = inner[comma + 1..].trim_start();
    }
    let Some((_, _, next)) = text::words(after).next() else {
        return false;
    };
    if !after.starts_with(next)
        || !next.chars().next().is_some_and(char::is_lowercase)
        || NOT_VERBS.contains(&next)
    {
        return false;
    }
    let before = &text[..at];
    for token in before.split_whitespace().rev().take(8) {
        let bare = token.trim_matches(|c: char| !c.is_alphanumeric());
        if bare.is_empty() {
            continue;
        }
        let lower = bare.to_lowercase();
        if lower == "of" {
            // Inside a title ("Secretary of State Marco Rubio").
            continue;
        }
        if PREPOSITIONS.contains(&lower.as_str()) {
            return false;
        }
        let capitalised = bare.chars().next().is_some_and(char::is_uppercase);
        if capitalised
            || is_title(bare, settings)
            || settings.people.is_known_role(bare)
            || matches!(lower.as_str(), "the" | "a" | "an")
        {
            continue;
        }
        break;
    }
    true
}

#[cfg(test)]
mod tests {
    use std::{path::PathBuf, sync::Arc};

    use super::*;

    fn directory(text: &str) -> Directory {
        let settings = Settings::builtin();
        let article = Article::from_text(PathBuf::from("a.txt"), Arc::from(text), &settings);
        Directory::of(&article, &settings)
    }

    #[test]
    fn titles_introduce_names() {
        let d = directory("Secretary of State Marco Rubio met Salvadoran President Nayib Bukele.");
        let names: Vec<&str> = d.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Marco Rubio", "Nayib Bukele"]);
    }

    #[test]
    fn surnames_resolve_to_full_names() {
        let d = directory("Mayor Ana Ruiz spoke. Later Ruiz left.");
        assert_eq!(d.canonical("Ruiz"), Some("Ana Ruiz"));
        assert_eq!(d.people[0].mentions.len(), 2);
    }

    #[test]
    fn a_pronoun_is_the_last_subject_not_a_prepositional_object() {
        let text = "Governor Lee Park spoke. Later, after a visit with the harbour's chair, Jo Hale, he said the plan would go ahead.";
        let d = directory(text);
        let at = text.find("he said").expect("fixture");
        assert_eq!(d.resolve_pronoun(at), Some("Lee Park"));
    }

    #[test]
    fn a_pronoun_is_the_most_mentioned_person_so_far() {
        let text =
            "Governor Lee Park met Mayor Ana Ruiz. Park praised Ruiz. Park then said he would go.";
        let d = directory(text);
        let at = text.find("he would").expect("fixture");
        assert_eq!(d.resolve_pronoun(at), Some("Lee Park"));
    }
}
