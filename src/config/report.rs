//! `[report]`: how reports order findings for an editor (casualties and money before
//! weekdays and titles). Knowledge, so it lives in rules.toml; the reports apply it.

use serde::Deserialize;

/// `[report]` as written.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct RawReport {
    pub(crate) rank: Option<Vec<Rank>>,
}

/// One rank: the claims it takes. Every list given must match (an empty list matches
/// anything); within a list, any entry does.
#[derive(Debug, Default, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Rank {
    /// What the rank is called, for messages and docs ("casualties").
    pub name: String,
    /// Claim kinds: `quantity`, `quote`, `date`, `duration`, `role`.
    #[serde(default)]
    pub kinds: Vec<String>,
    /// Counted classes of a quantity (`[counted]` classes such as `dead`, or a noun).
    #[serde(default)]
    pub counted: Vec<String>,
    /// Unit dimensions of a quantity (`currency`, `length`).
    #[serde(default)]
    pub dimensions: Vec<String>,
    /// Unit names of a quantity (`magnitude`, `percent`).
    #[serde(default)]
    pub units: Vec<String>,
    /// Words of the claim's sentence (lower case), such as the titles that make a quote
    /// an official's ("president", "police").
    #[serde(default)]
    pub sentence_words: Vec<String>,
}

/// The ranks in order; a finding takes the first one any of its claims matches, and
/// findings matching none come after all of them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Ranking {
    pub ranks: Vec<Rank>,
}

/// What a rank is matched against, taken from one claim (so that the config module
/// needs no knowledge of claims).
#[derive(Debug, Clone, Copy, Default)]
pub struct RankProbe<'a> {
    pub kind: &'a str,
    pub counted: Option<&'a str>,
    pub dimension: Option<&'a str>,
    pub unit: Option<&'a str>,
    /// The claim's sentence.
    pub sentence: &'a str,
}

fn any_or_empty(list: &[String], value: Option<&str>) -> bool {
    list.is_empty() || value.is_some_and(|v| list.iter().any(|w| w.eq_ignore_ascii_case(v)))
}

impl Rank {
    /// Whether this rank takes the claim `probe` describes.
    pub fn matches(&self, probe: &RankProbe<'_>) -> bool {
        let words = || {
            probe
                .sentence
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
        };
        any_or_empty(&self.kinds, Some(probe.kind))
            && any_or_empty(&self.counted, probe.counted)
            && any_or_empty(&self.dimensions, probe.dimension)
            && any_or_empty(&self.units, probe.unit)
            && (self.sentence_words.is_empty()
                || words().any(|w| {
                    self.sentence_words
                        .iter()
                        .any(|s| s.eq_ignore_ascii_case(w))
                }))
    }
}

impl Ranking {
    /// The place of the first rank that takes `probe`; `ranks.len()` when none does.
    pub fn place(&self, probe: &RankProbe<'_>) -> usize {
        self.ranks
            .iter()
            .position(|r| r.matches(probe))
            .unwrap_or(self.ranks.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rank(name: &str, kinds: &[&str], counted: &[&str]) -> Rank {
        Rank {
            name: name.to_owned(),
            kinds: kinds.iter().map(|s| (*s).to_owned()).collect(),
            counted: counted.iter().map(|s| (*s).to_owned()).collect(),
            ..Rank::default()
        }
    }

    #[test]
    fn the_first_matching_rank_places_a_claim_and_unmatched_claims_come_last() {
        let ranking = Ranking {
            ranks: vec![
                rank("casualties", &["quantity"], &["dead"]),
                rank("figures", &["quantity"], &[]),
            ],
        };
        let dead = RankProbe {
            kind: "quantity",
            counted: Some("dead"),
            ..RankProbe::default()
        };
        let stalls = RankProbe {
            kind: "quantity",
            counted: Some("stall"),
            ..RankProbe::default()
        };
        let date = RankProbe {
            kind: "date",
            ..RankProbe::default()
        };
        assert_eq!(ranking.place(&dead), 0);
        assert_eq!(ranking.place(&stalls), 1);
        assert_eq!(ranking.place(&date), 2);
    }

    #[test]
    fn sentence_words_match_whole_words_only() {
        let r = Rank {
            name: "official quotes".to_owned(),
            kinds: vec!["quote".to_owned()],
            sentence_words: vec!["governor".to_owned()],
            ..Rank::default()
        };
        let said = |sentence| RankProbe {
            kind: "quote",
            sentence,
            ..RankProbe::default()
        };
        assert!(r.matches(&said("\"We rebuild,\" Governor Ames said.")));
        assert!(!r.matches(&said("\"We rebuild,\" said the governorship candidate.")));
    }
}
