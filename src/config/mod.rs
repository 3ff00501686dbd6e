//! rules.toml: reading the layers, checking them, and the resolved `Settings`.
//!
//! Layers, highest first: `--rules FILE` > `./rules.toml` > the built-in rules.toml
//! embedded in the binary. Plain keys replace what a lower layer set; `extend-*` keys
//! add to a lower layer's list; tables such as `[units.NAME]` and `[vague]` merge by key.

// Errors are built once per run, on the way out; their size does not matter.
#![allow(clippy::result_large_err)]

mod document;
mod dump;
mod error;
pub mod frames;
mod layers;
mod line_set;
mod matchers;
pub mod people;
mod phrase_table;
mod prefilter;
mod raw;
pub mod report;
mod settings;

use std::{path::Path, sync::Arc};

pub use dump::effective_toml;
pub use error::{Error, Problem};
pub use line_set::LineSet;
pub use matchers::{Matchers, normalize_phrase};
pub use phrase_table::Found;
pub use prefilter::PrefilteredList;
pub use settings::{
    BUILTIN_RULES, QualifierWord, RulesSource, Settings, Thresholds, Unit, VagueAmount,
};

/// Read a rules file into a layer.
///
/// # Errors
/// The file cannot be read or is not UTF-8.
pub fn read_layer(path: &Path) -> Result<RulesSource, Error> {
    // Never blocks on a FIFO, never reads without end (issue 18).
    let bytes = crate::ingest::read_regular(path, crate::ingest::DEFAULT_MAX_FILE_SIZE).map_err(
        |failure| Error::Unreadable {
            path: path.to_owned(),
            source: failure.into(),
        },
    )?;
    let text = String::from_utf8(bytes).map_err(|_| Error::NotUtf8 {
        path: path.to_owned(),
    })?;
    Ok(RulesSource {
        name: path.display().to_string(),
        text: Arc::from(text),
    })
}
