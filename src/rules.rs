//! The registry of finding kinds: name, verdict, default severity and documentation.
//!
//! One table, so that names stay unique and every kind is documented in one place.
//! Names say what is flagged, not the fix, and are never reused.

use serde::Serialize;

/// What a cluster of related claims amounts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Two or more independent sources agree and none conflicts.
    Agreement,
    /// Claims that cannot all be true.
    Conflict,
    /// Only one independent source makes the claim.
    SingleSource,
}

impl Verdict {
    /// snake_case name, as in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Agreement => "agreement",
            Verdict::Conflict => "conflict",
            Verdict::SingleSource => "single_source",
        }
    }
}

/// How loudly a finding is reported; `Off` hides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Off,
    Note,
    Warning,
    Error,
}

impl Severity {
    /// Parse `error`, `warning`, `note` or `off`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "note" => Some(Severity::Note),
            "off" => Some(Severity::Off),
            _ => None,
        }
    }

    /// Lower-case name.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Off => "off",
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A kind of finding. See [`FindingKind::doc`] for each one's documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    QuantityAgreement,
    QuantityConflict,
    QuoteAgreement,
    Misquote,
    SingleSource,
    DateAgreement,
    DateConflict,
    WeekdayMismatch,
    DurationAgreement,
    DurationConflict,
    RoleAgreement,
    RoleConflict,
    MisattributedQuote,
    NameMisspelling,
}

/// One row of the registry.
pub struct KindInfo {
    pub kind: FindingKind,
    pub name: &'static str,
    pub verdict: Verdict,
    pub default_severity: Severity,
    pub summary: &'static str,
    /// Markdown with the sections What it flags / Why it matters / Example / Settings.
    pub doc: &'static str,
}

/// Every finding kind, in a stable order.
pub const KINDS: &[KindInfo] = &[
    KindInfo {
        kind: FindingKind::QuantityAgreement,
        name: "quantity-agreement",
        verdict: Verdict::Agreement,
        default_severity: Severity::Note,
        summary: "independent sources give compatible figures for the same thing",
        doc: "## What it flags\nFigures about the same counted thing in the same context, from two or more independent sources, whose ranges overlap (43 and 32 + 11; 43 and \"dozens\"; \"more than 40\" and 43).\n## Why it matters\nA figure carried by independent sources is corroborated.\n## Example\n\"The ferry carried 112 passengers\" and \"a total of 60 men and 52 women were aboard the ferry\".\n## Settings\n`thresholds.agree-context`, `thresholds.approximate-tolerance`, `thresholds.nearly-tolerance`, `[qualifiers]`, `[vague]`, `[counted]`.",
    },
    KindInfo {
        kind: FindingKind::QuantityConflict,
        name: "quantity-conflict",
        verdict: Verdict::Conflict,
        default_severity: Severity::Error,
        summary: "sources give incompatible figures for the same thing",
        doc: "## What it flags\nTwo figures about the same counted thing in the same context whose ranges cannot both hold (46 and 43; \"more than 80,000\" and \"nearly 80,000\").\n## Why it matters\nOne of the sources is wrong, out of date, or counts something else; an editor must check before publishing.\n## Example\n\"The ferry carried 112 passengers\" and \"the ferry carried 121 passengers\".\n## Settings\n`thresholds.conflict-context` (how alike the contexts must be), the tolerances, `[qualifiers]`, `[counted]`.",
    },
    KindInfo {
        kind: FindingKind::QuoteAgreement,
        name: "quote-agreement",
        verdict: Verdict::Agreement,
        default_severity: Severity::Note,
        summary: "independent sources carry the same quoted words",
        doc: "## What it flags\nThe same quoted words (after normalizing quote marks, dashes, case and spacing) in two or more independent sources, quoted or carried verbatim (an embedded post, a block quote).\n## Why it matters\nA quote carried by independent sources is corroborated.\n## Example\n`\"We will reopen the bridge by May,\" the mayor said` in two outlets.\n## Settings\n`thresholds.quote-min-words`.",
    },
    KindInfo {
        kind: FindingKind::Misquote,
        name: "misquote",
        verdict: Verdict::Conflict,
        default_severity: Severity::Error,
        summary: "the same speaker is quoted with similar but different words",
        doc: "## What it flags\nTwo quotes credited to the same speaker that overlap heavily but differ in wording.\n## Why it matters\nAt most one of them is what was said.\n## Example\n\"We will reopen the bridge by May\" and \"We will reopen the bridge in March\", both from the mayor.\n## Settings\n`thresholds.misquote-similarity`.",
    },
    KindInfo {
        kind: FindingKind::SingleSource,
        name: "single-source",
        verdict: Verdict::SingleSource,
        default_severity: Severity::Warning,
        summary: "only one independent source makes the claim",
        doc: "## What it flags\nA claim that no other independent source repeats. Copies of one wire story are one source.\n## Why it matters\nAn uncorroborated figure or quote deserves a second look before it is repeated.\n## Example\n\"The bridge cost $4.2 million\" in one outlet only.\n## Settings\n`thresholds.independence-overlap`, `thresholds.shingle-words`.",
    },
    KindInfo {
        kind: FindingKind::DateAgreement,
        name: "date-agreement",
        verdict: Verdict::Agreement,
        default_severity: Severity::Note,
        summary: "independent sources date the same event compatibly",
        doc: "## What it flags\nDates of the same event (the key terms of their sentences match) from two or more independent sources that fall in one another, at the coarser of their granularities: \"July 1, 2024\" lies in \"in July\" when the latter resolves to July 2024; a bare \"Monday\" agrees with a date that is a Monday.\n## Why it matters\nA date carried by independent sources is corroborated.\n## Example\n\"The ferry service resumed on March 4, 2024\" and, in a later story, \"the ferry service, which resumed in March\".\n## Settings\n`thresholds.agree-context`; the reference date comes from each article's `date` metadata or `--date`.",
    },
    KindInfo {
        kind: FindingKind::DateConflict,
        name: "date-conflict",
        verdict: Verdict::Conflict,
        default_severity: Severity::Error,
        summary: "sources give different dates for the same event",
        doc: "## What it flags\nTwo dates of the same event (the key terms of their sentences match closely, and each is the other's best match in its source) that cannot both hold: \"Jan. 20\" and \"Jan. 22\"; \"in 2018\" and \"Aug. 21, 2019\". Dates are compared at the coarser granularity, so \"in July\" never conflicts with \"July 1\".\n## Why it matters\nOne of the sources has the date wrong, or the two describe different events; an editor must check.\n## Example\n\"The bridge reopened on Jan. 20\" and \"the bridge, which reopened on Jan. 22\".\n## Settings\n`thresholds.conflict-context`; the reference date (`date` metadata or `--date`) decides how relative dates resolve.",
    },
    KindInfo {
        kind: FindingKind::WeekdayMismatch,
        name: "weekday-mismatch",
        verdict: Verdict::Conflict,
        default_severity: Severity::Error,
        summary: "a weekday written beside a date that falls on another day",
        doc: "## What it flags\nA date written with its weekday where the calendar disagrees (\"Sunday, Feb. 3, 2025\": Feb. 3, 2025 was a Monday), also within a single article, and also when the year comes from the article's date.\n## Why it matters\nEither the weekday or the date is wrong; readers act on both.\n## Example\n\"The market reopens on Friday, March 7, 2025\" when March 7, 2025 is a Friday passes; \"Thursday, March 7, 2025\" is flagged.\n## Settings\nOnly its severity (`[severity] weekday-mismatch`).",
    },
    KindInfo {
        kind: FindingKind::DurationAgreement,
        name: "duration-agreement",
        verdict: Verdict::Agreement,
        default_severity: Severity::Note,
        summary: "independent sources give compatible lengths of time for the same thing",
        doc: "## What it flags\nLengths of time or ages about the same thing (the noun they modify, or alike contexts) from two or more independent sources whose ranges in days overlap: \"four years\" and \"48 months\"; \"more than 30 days\" and \"six weeks\".\n## Why it matters\nA duration carried by independent sources is corroborated.\n## Example\n\"a 30-day closure\" and \"closed for 30 days\".\n## Settings\n`thresholds.agree-context`, `thresholds.approximate-tolerance`, `thresholds.nearly-tolerance`, `[qualifiers]`.",
    },
    KindInfo {
        kind: FindingKind::DurationConflict,
        name: "duration-conflict",
        verdict: Verdict::Conflict,
        default_severity: Severity::Error,
        summary: "sources give incompatible lengths of time for the same thing",
        doc: "## What it flags\nTwo lengths of time or ages about the same thing whose ranges in days cannot both hold: \"a 90-day freeze\" and \"a 60-day freeze\"; \"a 15-year-old\" and \"a 17-year-old\" in the same context.\n## Why it matters\nOne source is wrong, or they describe different things; an editor must check.\n## Example\n\"the 90-day freeze\" and \"the 60-day freeze\" on the same aid.\n## Settings\n`thresholds.conflict-context`, the tolerances, `[qualifiers]`.",
    },
    KindInfo {
        kind: FindingKind::RoleAgreement,
        name: "role-agreement",
        verdict: Verdict::Agreement,
        default_severity: Severity::Note,
        summary: "independent sources give a person the same role",
        doc: "## What it flags\nTwo or more independent sources giving one person the same role: the same canonical role (or its generic head, \"Secretary\" for \"Secretary of State\") and no different organization (\"Secretary of State Ana Ruiz\" and \"U.S. Secretary of State Ana Ruiz\").\n## Why it matters\nA title carried by independent sources is corroborated.\n## Example\n\"Harbour Board chair Jo Hale\" in one outlet, \"Jo Hale, the chair of the Harbour Board,\" in another.\n## Settings\n`[people] roles`, `[people] organizations`, `[places] aliases`, `[people] subordinate`.",
    },
    KindInfo {
        kind: FindingKind::RoleConflict,
        name: "role-conflict",
        verdict: Verdict::Conflict,
        default_severity: Severity::Error,
        summary: "sources give one person different current roles",
        doc: "## What it flags\nOne person given two different current roles, or one role of two different organizations, by different sources (\"Foreign Minister Ana Ruiz\" and \"Interior Minister Ana Ruiz\"). A former or acting role never conflicts with a current one (\"former senator\" and \"Secretary of State\").\n## Why it matters\nA wrong title is among the most common corrections a newspaper prints.\n## Example\n\"Deputy Mayor Lee Park\" in one outlet, \"Mayor Lee Park\" in another.\n## Settings\n`[people] roles` (which written forms are one role), `[people] former`, `[people] acting`, `[people] subordinate`.",
    },
    KindInfo {
        kind: FindingKind::MisattributedQuote,
        name: "misattributed-quote",
        verdict: Verdict::Conflict,
        default_severity: Severity::Error,
        summary: "the same quoted words are credited to different people",
        doc: "## What it flags\nThe same quoted words (or one quote inside the other) credited to two different people the articles name, after resolving pronouns, surnames and descriptions (\"he\", \"Ruiz\", \"the mayor\") to full names.\n## Why it matters\nA quote pinned on the wrong person is a serious error; at most one attribution is right.\n## Example\n`\"We will rebuild the pier by June,\" Mayor Ana Ruiz said` in one outlet, `\"We will rebuild the pier by June,\" said Harbour Board chair Jo Hale` in another.\n## Settings\n`[people] titles`, `[people] roles`, `thresholds.quote-min-words`. Organizations and unresolved descriptions (\"an official\") never count as a different speaker.",
    },
    KindInfo {
        kind: FindingKind::NameMisspelling,
        name: "name-misspelling",
        verdict: Verdict::Conflict,
        default_severity: Severity::Warning,
        summary: "a person's name is spelt differently in different sources",
        doc: "## What it flags\nTwo spellings of what looks like one person's name in different sources that differ beyond accents and case (\"Nayib Bukele\" and \"Nayib Bukelle\"). \"Darien\" and \"Darién\", or a surname alone beside the full name, are the same name.\n## Why it matters\nA misspelt name is a correction waiting to happen, and it hides that two sources talk about the same person.\n## Example\n\"Mayor Ana Ruiz\" in one outlet, \"Mayor Ana Ruis\" in another.\n## Settings\n`[people] name-similarity` (how alike two spellings must be).",
    },
];

impl FindingKind {
    /// The registry row for this kind.
    pub fn info(self) -> &'static KindInfo {
        KINDS
            .iter()
            .find(|k| k.kind == self)
            .expect("every FindingKind has a row in KINDS (unit-tested)")
    }

    /// kebab-case name.
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// The verdict findings of this kind carry.
    pub fn verdict(self) -> Verdict {
        self.info().verdict
    }

    /// Severity before any `[severity]` override.
    pub fn default_severity(self) -> Severity {
        self.info().default_severity
    }

    /// Look a kind up by its kebab-case name.
    pub fn from_name(name: &str) -> Option<Self> {
        KINDS.iter().find(|k| k.name == name).map(|k| k.kind)
    }

    /// The kind whose name is closest to `name`, for "did you mean" help.
    pub fn closest(name: &str) -> Option<Self> {
        KINDS
            .iter()
            .map(|k| (strsim::jaro_winkler(k.name, name), k.kind))
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, kind)| kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_are_unique_and_kebab_case() {
        let mut names: Vec<_> = KINDS.iter().map(|k| k.name).collect();
        for name in &names {
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{name}"
            );
        }
        names.sort();
        names.dedup();
        assert_eq!(names.len(), KINDS.len());
    }

    #[test]
    fn every_kind_doc_has_the_four_sections() {
        for k in KINDS {
            for section in [
                "## What it flags",
                "## Why it matters",
                "## Example",
                "## Settings",
            ] {
                assert!(k.doc.contains(section), "{} lacks {section}", k.name);
            }
            assert_eq!(FindingKind::from_name(k.name), Some(k.kind));
        }
    }

    #[test]
    fn a_near_miss_suggests_the_kind() {
        assert_eq!(
            FindingKind::closest("quantity-conflit"),
            Some(FindingKind::QuantityConflict)
        );
    }
}
