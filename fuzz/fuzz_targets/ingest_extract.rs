//! Arbitrary bytes as one to three articles: ingest (decoding included), extract,
//! reconcile and render must not panic, and every invariant in
//! `tests/invariants/mod.rs` must hold.
#![no_main]

use std::{path::PathBuf, sync::LazyLock};

use corroborate::{config::Settings, ingest};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

static SETTINGS: LazyLock<Settings> = LazyLock::new(Settings::builtin);

fuzz_target!(|data: &[u8]| {
    // A 0xFF byte splits the input into several articles (0xFF never occurs in UTF-8).
    let articles: Vec<_> = data
        .split(|&b| b == 0xFF)
        .take(3)
        .enumerate()
        .filter_map(|(i, bytes)| {
            let options = ingest::Options {
                encoding: (i == 2).then_some(encoding_rs::WINDOWS_1252),
                ..ingest::Options::default()
            };
            let path = PathBuf::from(format!("fuzz-{i}.txt"));
            ingest::article_from_bytes(path, bytes.to_vec(), options, &SETTINGS).ok()
        })
        .collect();
    invariants::run(&articles, &SETTINGS);
});
