//! `sources.toml`: names, dates and titles for articles that carry no metadata of their
//! own, kept in a file beside them so the articles are never edited (issue #17).
//!
//! ```toml
//! # sources.toml, in the folder of the articles it names
//! [001_aa7a9c9f774d44b6]          # the file's name or its stem
//! source = "Voice of America"
//! date = "2025-02-04"
//! title = "Rubio meets Bukele"
//!
//! "002_9343a51978ed8d37.txt" = "Reuters"   # a plain string is the outlet
//! ```
//!
//! It only fills what an article's own metadata leaves empty, and is only ever read.

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
};

use serde::Deserialize;

use super::{Article, Error, meta::Metadata};

/// The sidecar's name, looked for in the folder of each article.
pub const FILE_NAME: &str = "sources.toml";

/// What the sidecar says about one article.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
enum Entry {
    Outlet(String),
    Fields(Fields),
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct Fields {
    #[serde(alias = "outlet")]
    source: Option<String>,
    date: Option<String>,
    title: Option<String>,
}

impl Entry {
    fn into_fields(self) -> Fields {
        match self {
            Entry::Outlet(source) => Fields {
                source: Some(source),
                ..Fields::default()
            },
            Entry::Fields(fields) => fields,
        }
    }
}

fn read(path: &Path) -> Result<BTreeMap<String, Fields>, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Unreadable {
        path: path.to_owned(),
        source,
    })?;
    parse(&text).map_err(|source| Error::BadSidecar {
        path: path.to_owned(),
        source,
    })
}

fn parse(text: &str) -> Result<BTreeMap<String, Fields>, toml::de::Error> {
    let entries: BTreeMap<String, Entry> = toml::from_str(text)?;
    Ok(entries
        .into_iter()
        .map(|(k, v)| (k, v.into_fields()))
        .collect())
}

fn fill(meta: &mut Metadata, fields: &Fields) {
    let given = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    if meta.outlet.is_none() {
        meta.outlet = given(&fields.source);
    }
    if meta.title.is_none() {
        meta.title = given(&fields.title);
    }
    if meta.date.is_none()
        && let Some(date) = given(&fields.date)
        && crate::normalize::date::Civil::parse_iso(&date).is_some()
    {
        meta.date = Some(date);
    }
}

/// Fill each article's missing outlet, title and date from a `sources.toml` in its
/// folder. A sidecar that cannot be read or parsed is an error; its articles are kept.
pub fn apply(articles: &mut [Article], errors: &mut Vec<Error>) {
    let mut sidecars: BTreeMap<PathBuf, Option<BTreeMap<String, Fields>>> = BTreeMap::new();
    for article in articles.iter_mut() {
        let Some(dir) = article.path.parent() else {
            continue;
        };
        let entries = sidecars.entry(dir.to_owned()).or_insert_with(|| {
            let path = dir.join(FILE_NAME);
            if !path.is_file() {
                return None;
            }
            read(&path).map_err(|e| errors.push(e)).ok()
        });
        let Some(entries) = entries else { continue };
        let name = article.path.file_name().map(|n| n.to_string_lossy());
        let stem = article.path.file_stem().map(|n| n.to_string_lossy());
        let found = [name, stem]
            .into_iter()
            .flatten()
            .find_map(|key| entries.get(key.as_ref()));
        if let Some(fields) = found {
            let had_date = article.meta.date.is_some();
            fill(&mut article.meta, fields);
            if !had_date
                && let Some(year) = article
                    .meta
                    .date
                    .as_deref()
                    .and_then(|d| d[..4].parse().ok())
            {
                article.reference_year = Some(year);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_is_an_outlet_and_a_table_names_fields() {
        let entries =
            parse("\"a.txt\" = \"Wire\"\n[b]\nsource = \"Gazette\"\ndate = \"2025-02-04\"\n")
                .expect("parses");
        assert_eq!(entries["a.txt"].source.as_deref(), Some("Wire"));
        assert_eq!(entries["b"].date.as_deref(), Some("2025-02-04"));
    }

    #[test]
    fn the_articles_own_metadata_wins() {
        let mut meta = Metadata {
            outlet: Some("Own".into()),
            ..Metadata::default()
        };
        let fields = Fields {
            source: Some("Sidecar".into()),
            date: Some("2025-02-30".into()),
            title: Some("A title".into()),
        };
        fill(&mut meta, &fields);
        assert_eq!(meta.outlet.as_deref(), Some("Own"));
        assert_eq!(meta.title.as_deref(), Some("A title"));
        assert_eq!(meta.date, None, "no calendar day");
    }

    #[test]
    fn unknown_fields_are_refused() {
        assert!(parse("[a]\nsorce = \"x\"\n").is_err());
    }
}
