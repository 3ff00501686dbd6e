//! Arbitrary bytes as one to three articles (split at 0xFF), extracted and reconciled,
//! then rendered in every output format (JSON, SARIF, JSON Lines, GitHub, JUnit, HTML,
//! human, claim listing), each checked (`formats.rs`).
#![no_main]

use std::{path::PathBuf, sync::LazyLock};

use corroborate::{config::Settings, extract, ingest};
use libfuzzer_sys::fuzz_target;

mod formats;

static SETTINGS: LazyLock<Settings> = LazyLock::new(Settings::builtin);

fuzz_target!(|data: &[u8]| {
    let settings = &*SETTINGS;
    let articles: Vec<_> = data
        .split(|&b| b == 0xFF)
        .take(3)
        .enumerate()
        .filter_map(|(i, bytes)| {
            // File names are hostile too: the first byte of each part picks one.
            let name = match bytes.first().map(|b| b % 4) {
                Some(0) => format!("a\t{i}\n.txt"),
                Some(1) => format!("\u{1b}[31m{i}\u{7}.txt"),
                Some(2) => format!("dir/{i}, \"quoted\" <b>.md"),
                _ => format!("fuzz-{i}.txt"),
            };
            ingest::article_from_bytes(
                PathBuf::from(name),
                bytes.to_vec(),
                ingest::Options::default(),
                settings,
            )
            .ok()
        })
        .collect();
    for a in &articles {
        formats::check_article(a);
    }
    let claims = extract::all(&articles, settings);
    formats::render_every_format(&articles, &claims, settings);
});
