//! CLI cases: every `tests/cmd/*.toml` runs the binary and compares status, stdout and
//! stderr. Regenerate with `TRYCMD=overwrite cargo test --test cli`, then read the diff.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .case("tests/cmd/*.toml");
}
