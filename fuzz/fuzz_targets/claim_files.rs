//! An article and a claim file (split at the first 0xFF byte): the claim file is parsed,
//! validated against the article, applied, and the result rendered in every output
//! format; nothing may panic, and a file that validates must round-trip through
//! `to_toml`.
#![no_main]

use std::{path::{Path, PathBuf}, sync::LazyLock};

use corroborate::{claim_file::ClaimFile, config::Settings, extract, ingest};
use libfuzzer_sys::fuzz_target;

mod formats;

static SETTINGS: LazyLock<Settings> = LazyLock::new(Settings::builtin);

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(2, |&b| b == 0xFF);
    let (Some(article), Some(claims)) = (parts.next(), parts.next()) else {
        return;
    };
    let Ok(claims) = std::str::from_utf8(claims) else {
        return;
    };
    let settings = &*SETTINGS;
    let Ok(article) = ingest::article_from_bytes(
        PathBuf::from("a.txt"),
        article.to_vec(),
        ingest::Options::default(),
        settings,
    ) else {
        return;
    };
    formats::check_article(&article);
    let path = Path::new("claims/a.toml");
    let Ok(file) = ClaimFile::parse(path, claims) else {
        return;
    };
    let again = ClaimFile::parse(path, &file.to_toml()).expect("a parsed file writes back");
    assert_eq!(again.to_toml(), file.to_toml(), "writing is stable");
    let articles = vec![article];
    if let Err(e) = file.validate(path, &articles[0], settings) {
        // Every problem renders as a diagnostic.
        let mut out = String::new();
        let handler = miette::GraphicalReportHandler::new_themed(
            miette::GraphicalTheme::unicode_nocolor(),
        );
        let safe = corroborate::report::terminal::SafeDiagnostic::new(&e);
        let _ = handler.render_report(&mut out, &safe);
        return;
    }
    let fresh = extract::all(&articles, settings);
    let (mut claims, _ignored) = file.apply(0, &articles[0], fresh, settings);
    extract::assign_ids(&articles, &mut claims);
    formats::render_every_format(&articles, &claims, settings);
});
