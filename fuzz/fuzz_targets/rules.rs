//! Arbitrary text as a rules.toml layer: parsing and checking must not panic, every
//! problem must render as a diagnostic, and rules that are accepted must run.
#![no_main]

use std::path::PathBuf;

use corroborate::ingest;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

const ARTICLE: &str = "More than 40 homes burned, officials said.\nAbout 45 homes burned.\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(settings) = invariants::check_rules_layer(text) {
        let article = ingest::article_from_bytes(
            PathBuf::from("a.txt"),
            ARTICLE.as_bytes().to_vec(),
            ingest::Options::default(),
            &settings,
        )
        .expect("the fixed article is valid UTF-8 text");
        invariants::run(&[article], &settings);
    }
});
