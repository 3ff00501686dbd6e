//! The `[people]` and `[places]` knowledge of rules.toml, resolved: role names, other
//! names of organizations and places (demonyms included), status words (issue 9).
//!
//! Only lookups live here; finding roles in text is `extract::role`'s job.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::raw::{RawPeople, RawPlaces, Words};

/// Roles, organizations and places, ready for lookups.
#[derive(Debug, Clone, Default)]
pub struct PeopleRules {
    /// Written form (see [`PeopleRules::key`]) -> canonical roles it may stand for.
    roles: HashMap<String, Vec<String>>,
    /// Written form -> canonical organization or place.
    organizations: HashMap<String, String>,
    /// Canonical places, a subset of the organizations' canonical names.
    places: HashSet<String>,
    /// Words marking a role no longer held ("former", "ex-").
    pub former: HashSet<String>,
    /// Words marking a role held for now or in someone's stead ("acting", "interim").
    pub acting: HashSet<String>,
    /// Words that make a role a lower rank than its head word ("vice", "deputy").
    pub subordinate: HashSet<String>,
    /// Normalized Levenshtein similarity above which two different spellings are taken for
    /// one name misspelt.
    pub name_similarity: f64,
    /// The longest written form of a role or organization, in words.
    pub longest: usize,
}

/// The `[people]`/`[places]` values collected layer by layer.
#[derive(Debug, Default)]
pub(crate) struct PeopleAccumulator {
    roles: BTreeMap<String, Vec<String>>,
    organizations: BTreeMap<String, Vec<String>>,
    places: BTreeMap<String, Vec<String>>,
    former: Vec<String>,
    acting: Vec<String>,
    subordinate: Vec<String>,
    name_similarity: Option<f64>,
}

pub(crate) fn merge_table(
    target: &mut BTreeMap<String, Vec<String>>,
    replace: Option<BTreeMap<String, Vec<String>>>,
    extend: Option<BTreeMap<String, Vec<String>>>,
) {
    if let Some(table) = replace {
        *target = table;
    }
    for (k, v) in extend.unwrap_or_default() {
        target.entry(k).or_default().extend(v);
    }
}

pub(crate) fn merge_list(target: &mut Vec<String>, replace: Words, extend: Words) {
    if let Some(list) = replace {
        *target = list;
    }
    target.extend(extend.unwrap_or_default());
}

impl PeopleAccumulator {
    pub(crate) fn apply_people(&mut self, p: RawPeople) {
        merge_table(&mut self.roles, p.roles, p.extend_roles);
        merge_table(
            &mut self.organizations,
            p.organizations,
            p.extend_organizations,
        );
        merge_list(&mut self.former, p.former, p.extend_former);
        merge_list(&mut self.acting, p.acting, p.extend_acting);
        merge_list(&mut self.subordinate, p.subordinate, p.extend_subordinate);
        if let Some(x) = p.name_similarity {
            let x = *x.get_ref();
            // Out-of-range values are reported by the caller and ignored here.
            if (0.0..=1.0).contains(&x) {
                self.name_similarity = Some(x);
            }
        }
    }

    pub(crate) fn apply_places(&mut self, p: RawPlaces) {
        merge_table(&mut self.places, p.aliases, p.extend_aliases);
    }

    pub(crate) fn finish(self) -> PeopleRules {
        let mut rules = PeopleRules {
            former: self.former.iter().map(|w| PeopleRules::key(w)).collect(),
            acting: self.acting.iter().map(|w| PeopleRules::key(w)).collect(),
            subordinate: self
                .subordinate
                .iter()
                .map(|w| PeopleRules::key(w))
                .collect(),
            name_similarity: self
                .name_similarity
                .expect("the built-in rules.toml sets [people] name-similarity"),
            ..PeopleRules::default()
        };
        for (canonical, aliases) in &self.roles {
            let canonical_key = PeopleRules::key(canonical);
            for written in std::iter::once(canonical).chain(aliases) {
                let entry = rules.roles.entry(PeopleRules::key(written)).or_default();
                if !entry.contains(&canonical_key) {
                    entry.push(canonical_key.clone());
                }
            }
        }
        for table in [&self.organizations, &self.places] {
            for (canonical, aliases) in table {
                for written in std::iter::once(canonical).chain(aliases) {
                    rules
                        .organizations
                        .insert(PeopleRules::key(written), canonical.clone());
                }
            }
        }
        rules.places = self.places.keys().cloned().collect();
        rules.longest = rules
            .roles
            .keys()
            .chain(rules.organizations.keys())
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        rules
    }
}

impl PeopleRules {
    /// The form written names are looked up in: lower case, one space between words,
    /// straight apostrophes, no possessive ending.
    pub fn key(written: &str) -> String {
        // One buffer instead of a string per word: this runs for every capitalised run of
        // every article (issue 8). Each word is lower-cased on its own, as before (a
        // final sigma depends on where its word ends).
        let mut joined = String::with_capacity(written.len());
        for w in written.split_whitespace() {
            if !joined.is_empty() {
                joined.push(' ');
            }
            if w.is_ascii() {
                joined.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                joined.push_str(&w.replace('’', "'").to_lowercase());
            }
        }
        if joined.ends_with("'s") {
            joined.truncate(joined.len() - 2);
        }
        joined
    }

    /// The canonical roles a written role may stand for ("top diplomat" -> secretary of
    /// state, foreign minister); a role not in the rules stands for itself, lower case.
    pub fn roles_of(&self, written: &str) -> Vec<String> {
        let key = Self::key(written);
        self.roles.get(&key).cloned().unwrap_or_else(|| vec![key])
    }

    /// Whether `written` is a role named in the rules.
    pub fn is_known_role(&self, written: &str) -> bool {
        self.roles.contains_key(&Self::key(written))
    }

    /// The canonical organization or place a written name stands for ("Salvadoran" ->
    /// "El Salvador", "U.S. Department of State" -> "State Department").
    pub fn organization(&self, written: &str) -> Option<&str> {
        self.organizations
            .get(&Self::key(written))
            .map(String::as_str)
    }

    /// Whether canonical role `generic` is the head word of canonical role `specific`
    /// ("minister" of "foreign minister", "secretary" of "secretary of state"), so that a
    /// source saying only "Minister X" does not contradict "Foreign Minister X". A lower
    /// rank is not its head: "president" is not "vice president".
    pub fn is_generic_of(&self, generic: &str, specific: &str) -> bool {
        generic != specific
            && !generic.contains(' ')
            && specific.split(' ').any(|w| w == generic)
            && !specific.split(' ').any(|w| self.subordinate.contains(w))
    }

    /// Whether a canonical organization is a place.
    pub fn is_place(&self, canonical: &str) -> bool {
        self.places.contains(canonical)
    }
}
