//! Property tests: no input makes the pipeline panic or break its invariants
//! (`tests/invariants/mod.rs`, shared with the fuzz targets); output does not depend on
//! the order of the inputs; agreement and conflict are symmetric; a claim agrees with
//! itself. Plus the inputs that cannot be written as trycmd fixtures (sockets, symbolic
//! link loops, permissions, generated sizes).

mod common;
mod invariants;

use std::{path::PathBuf, sync::Arc};

use corroborate::{
    config::Settings,
    extract::{self, Value},
    ingest::{self, Article},
    reconcile::relate::{self, Relation, TermWeights},
};
use proptest::prelude::*;

fn settings() -> &'static Settings {
    static SETTINGS: std::sync::OnceLock<Settings> = std::sync::OnceLock::new();
    SETTINGS.get_or_init(Settings::builtin)
}

/// Pieces of news-like text, hostile characters among them, joined at random.
fn news_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("More than 40".to_owned()),
        Just("about 45".to_owned()),
        Just("nearly 80,000".to_owned()),
        Just("$4.2 million".to_owned()),
        Just("12 km".to_owned()),
        Just("two dozen".to_owned()),
        Just("homes".to_owned()),
        Just("people were killed".to_owned()),
        Just("firefighters".to_owned()),
        Just("said Dana Holt".to_owned()),
        Just("Chief Holt said:".to_owned()),
        Just("“We were lucky the wind turned before midnight,”".to_owned()),
        Just("\"Nobody was hurt and that is what matters\"".to_owned()),
        Just("on Tuesday".to_owned()),
        Just("on March 3, 2024".to_owned()),
        Just("for three weeks".to_owned()),
        Just("last year".to_owned()),
        Just("U.S.".to_owned()),
        Just("Mr.".to_owned()),
        Just(". ".to_owned()),
        Just("! ".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("\n\n".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("\u{1b}[2J".to_owned()),
        Just("\u{202e}".to_owned()),
        Just("é".to_owned()),
        Just("source: example.org\n".to_owned()),
        Just("ADVERTISEMENT\n".to_owned()),
        "[0-9]{1,4}",
        ".{0,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.join(" "))
}

fn article(name: &str, text: String) -> Article {
    Article::from_text(PathBuf::from(name), Arc::from(text), settings())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics_and_keeps_spans_valid(text in any::<String>()) {
        invariants::run(&[article("a.txt", text)], settings());
    }

    #[test]
    fn news_like_text_never_panics_and_keeps_spans_valid(
        a in news_text(), b in news_text(), c in news_text()
    ) {
        let articles = vec![article("a.txt", a), article("b.txt", b), article("c.txt", c)];
        invariants::run(&articles, settings());
    }

    #[test]
    fn arbitrary_bytes_are_an_article_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let options = ingest::Options { encoding: Some(encoding_rs::WINDOWS_1252), ..ingest::Options::default() };
        for options in [ingest::Options::default(), options] {
            if let Ok(a) = ingest::article_from_bytes(PathBuf::from("x.txt"), bytes.clone(), options, settings()) {
                invariants::run(&[a], settings());
            }
        }
    }

    #[test]
    fn output_does_not_depend_on_the_order_of_the_inputs(
        texts in prop::collection::vec(news_text(), 2..5), rotation in 0usize..5
    ) {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let mut paths = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            let path = dir.path().join(format!("source-{i}.txt"));
            // Empty texts are input errors, not articles; give each some words.
            std::fs::write(&path, format!("Report {i}.\n{text}")).expect("writes");
            paths.push(path);
        }
        let render = |paths: &[PathBuf]| {
            let loaded = ingest::load(paths, settings());
            let out = invariants::run(&loaded.articles, settings());
            (out.json, out.human, out.claims_listing)
        };
        let first = render(&paths);
        let mut reordered = paths.clone();
        reordered.rotate_left(rotation % paths.len());
        reordered.reverse();
        prop_assert_eq!(&first, &render(&reordered));
        prop_assert_eq!(&first, &render(&[dir.path().to_path_buf()]));
    }

    #[test]
    fn agreement_and_conflict_are_symmetric_and_a_claim_agrees_with_itself(
        a in news_text(), b in news_text()
    ) {
        let articles = vec![article("a.txt", a), article("b.txt", b)];
        let claims = extract::all(&articles, settings());
        let weights = TermWeights::new(
            (0..articles.len()).map(|i| {
                claims
                    .iter()
                    .filter(|c| c.article == i)
                    .flat_map(|c| c.context.terms.iter().map(corroborate::extract::Term::as_str))
                    .collect()
            }),
        );
        let relation = |l: Option<relate::Link>| l.map(|l| l.relation);
        for x in &claims {
            for y in &claims {
                match (&x.value, &y.value) {
                    (Value::Quantity(qx), Value::Quantity(qy)) => {
                        let same_story = x.article == y.article;
                        let xy = relate::quantities(x, qx, y, qy, same_story, &weights, settings());
                        let yx = relate::quantities(y, qy, x, qx, same_story, &weights, settings());
                        prop_assert_eq!(relation(xy), relation(yx), "{} vs {}", x.id, y.id);
                    }
                    (Value::Quote(qx), Value::Quote(qy)) => {
                        prop_assert_eq!(
                            relation(relate::quotes(qx, qy, settings())),
                            relation(relate::quotes(qy, qx, settings()))
                        );
                    }
                    (Value::Date(dx), Value::Date(dy)) => {
                        prop_assert_eq!(
                            relation(relate::dates(dx, dy, 1.0, 2, settings())),
                            relation(relate::dates(dy, dx, 1.0, 2, settings()))
                        );
                    }
                    (Value::Duration(dx), Value::Duration(dy)) => {
                        prop_assert_eq!(
                            relation(relate::durations(dx, dy, 1.0, settings())),
                            relation(relate::durations(dy, dx, 1.0, settings()))
                        );
                    }
                    _ => {}
                }
            }
            match &x.value {
                Value::Quantity(q) => {
                    let itself = relate::quantities(x, q, x, q, true, &weights, settings());
                    prop_assert_eq!(relation(itself), Some(Relation::Agrees), "{}", x.id);
                }
                Value::Quote(q) => {
                    prop_assert_eq!(relation(relate::quotes(q, q, settings())), Some(Relation::Agrees));
                }
                // An unresolved relative date ("last year" with no reference date) is
                // compared with nothing, itself included; it must never conflict.
                Value::Date(d) => {
                    prop_assert_ne!(relation(relate::dates(d, d, 1.0, 2, settings())), Some(Relation::Conflicts), "{}", x.id);
                }
                Value::Duration(d) => {
                    prop_assert_ne!(relation(relate::durations(d, d, 1.0, settings())), Some(Relation::Conflicts), "{}", x.id);
                }
                // Roles ("Dana Holt, fire chief") are related by the graph alone.
                _ => {}
            }
        }
    }
}

/// Every crash the fuzzers found, kept as a regression test.
#[test]
fn fuzz_regressions_stay_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        let bytes = std::fs::read(&path).expect("a regression input");
        if path.extension().is_some_and(|e| e == "toml") {
            invariants::check_rules_layer(&String::from_utf8_lossy(&bytes));
        } else if let Ok(a) =
            ingest::article_from_bytes(path.clone(), bytes, ingest::Options::default(), settings())
        {
            invariants::run(&[a], settings());
        }
    }
}

fn run_in(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the corroborate binary runs")
}

const GOOD: &str = "PORT ELLERY - A fire destroyed 40 homes on Tuesday, officials said.\n";

/// Names and sizes of everything under `dir`, to see that a run wrote nothing there.
fn listing(dir: &std::path::Path) -> Vec<(PathBuf, u64)> {
    let mut out: Vec<(PathBuf, u64)> = walk(dir);
    out.sort();
    out
}

fn walk(dir: &std::path::Path) -> Vec<(PathBuf, u64)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("readable").flatten() {
        let path = entry.path();
        let meta = std::fs::symlink_metadata(&path).expect("metadata");
        if meta.is_dir() {
            out.extend(walk(&path));
        }
        out.push((path, meta.len()));
    }
    out
}

#[cfg(unix)]
#[test]
fn bad_inputs_are_each_reported_the_rest_still_read_and_nothing_written() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let d = dir.path();
    std::fs::write(d.join("good.txt"), GOOD).expect("writes");
    std::fs::write(d.join("empty.txt"), "  \n\t\n").expect("writes");
    std::fs::write(d.join("latin1.txt"), b"Caf\xe9 owners counted 12 tables.\n").expect("writes");
    std::fs::write(d.join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3]).expect("writes");
    std::os::unix::fs::symlink("loop.txt", d.join("loop.txt")).expect("a symlink");
    // Opening a socket fails even for root, so this is an unreadable file in CI too.
    let _socket = std::os::unix::net::UnixListener::bind(d.join("socket.txt")).expect("binds");
    let before = listing(d);
    let out = run_in(
        d,
        &[
            "check",
            "good.txt",
            "empty.txt",
            "latin1.txt",
            "binary.txt",
            "loop.txt",
            "socket.txt",
            "missing.txt",
            "--format",
            "json",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    for expected in [
        "`empty.txt` is empty",
        "`latin1.txt` is not UTF-8 text (it looks like Latin-1",
        "`binary.txt` looks like a binary file",
        "cannot read `loop.txt`",
        "cannot read `socket.txt`",
        "`missing.txt` does not exist",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(
        json["sources"][0]["id"], "good",
        "the good file is still read"
    );
    assert_eq!(listing(d), before, "nothing was written near the inputs");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_inside_a_directory_is_reported_and_the_rest_read() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let d = dir.path();
    std::fs::create_dir(d.join("articles")).expect("mkdir");
    std::fs::write(d.join("articles/good.txt"), GOOD).expect("writes");
    std::os::unix::fs::symlink("..", d.join("articles/parent")).expect("a symlink");
    let out = run_in(d, &["extract", "articles"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot walk"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("good.txt:1:"));
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("secret.txt");
    std::fs::write(&path, GOOD).expect("writes");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&path).is_ok() {
        eprintln!("skipped: running as root, who may read a mode-000 file");
        return;
    }
    let out = run_in(dir.path(), &["check", "secret.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read `secret.txt`"));
}

#[test]
fn standard_input_is_read_for_a_dash() {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(["extract", "-", "--format", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .expect("a pipe")
        .write_all(GOOD.as_bytes())
        .expect("writes");
    let out = child.wait_with_output().expect("ends");
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["sources"][0]["id"], "stdin");
    assert_eq!(json["claims"][0]["text"], "40 homes");
}

#[test]
fn crlf_and_lone_cr_files_are_numbered_as_read() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let body = "Title\n\nA fire destroyed 40 homes, officials said.\nAbout 45 homes burned.\n";
    for (name, ending) in [("lf.txt", "\n"), ("crlf.txt", "\r\n"), ("cr.txt", "\r")] {
        let text = format!("\u{feff}{}", body.replace('\n', ending));
        std::fs::write(dir.path().join(name), &text).expect("writes");
        let out = run_in(dir.path(), &["extract", name, "--format", "json"]);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let claims = json["claims"].as_array().expect("claims");
        let lines: Vec<_> = claims
            .iter()
            .map(|c| (c["line"].clone(), c["column"].clone()))
            .collect();
        assert_eq!(
            lines,
            [(3.into(), 18.into()), (4.into(), 1.into())],
            "{name}"
        );
        for c in claims {
            let (start, end) = (
                c["start"].as_u64().expect("n") as usize,
                c["end"].as_u64().expect("n") as usize,
            );
            assert_eq!(
                text.get(start..end),
                c["text"].as_str(),
                "{name}: offsets into the file as read"
            );
        }
        let human = run_in(dir.path(), &["extract", name]);
        let listing = String::from_utf8_lossy(&human.stdout);
        assert!(listing.starts_with(&format!("{name}:3:18\t")), "{listing}");
        invariants::check_terminal_safe(&listing, name);
    }
}

#[test]
fn escape_sequences_in_articles_and_file_names_reach_no_terminal() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let evil = "red\u{1b}[31m.txt";
    let text = "\u{1b}[2J\u{1b}[HA fire destroyed 40 \u{1b}[31mhomes\u{7}, said Chief \u{1b}]0;pwned\u{7}Holt.\r\nAbout 45 homes\u{8}\u{8} burned.\n";
    std::fs::write(dir.path().join(evil), text).expect("writes");
    std::fs::write(
        dir.path().join("other.txt"),
        "About 45 homes burned, officials said.\n",
    )
    .expect("writes");
    std::fs::write(dir.path().join("bad\u{1b}[2J.txt"), "").expect("writes");
    for args in [
        vec![
            "check",
            evil,
            "other.txt",
            "bad\u{1b}[2J.txt",
            "--fail-on",
            "never",
        ],
        vec!["extract", evil, "bad\u{1b}[2J.txt"],
    ] {
        let out = run_in(dir.path(), &args);
        invariants::check_terminal_safe(&String::from_utf8_lossy(&out.stdout), "stdout");
        invariants::check_terminal_safe(&String::from_utf8_lossy(&out.stderr), "stderr");
        assert_eq!(out.status.code(), Some(2));
    }
}

#[test]
fn a_claim_on_a_huge_line_prints_a_bounded_excerpt() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    // One 2 MB line: filler words around two claims far apart.
    let filler = "the harbour was quiet and the boats were tied up ".repeat(20_000);
    let text = format!(
        "A fire destroyed 40 homes {filler} and a quote “{}” ended it.\n",
        "word ".repeat(2000)
    );
    std::fs::write(dir.path().join("huge.txt"), &text).expect("writes");
    std::fs::write(
        dir.path().join("other.txt"),
        "About 45 homes burned, officials said.\n",
    )
    .expect("writes");
    let out = run_in(
        dir.path(),
        &["check", "huge.txt", "other.txt", "--fail-on", "never"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stdout.len() < 20_000,
        "printed {} bytes",
        out.stdout.len()
    );
}

#[test]
fn a_report_is_never_written_over_an_input() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let d = dir.path();
    std::fs::write(d.join("good.txt"), GOOD).expect("writes");
    let before = listing(d);
    for format in ["json", "human", "html"] {
        let out = run_in(
            d,
            &[
                "check", "good.txt", "--format", format, "--output", "good.txt",
            ],
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains("refusing to write the report to `good.txt`: it is one of the inputs"),
            "{stderr}"
        );
        assert_eq!(
            listing(d),
            before,
            "the article is untouched, no temporary left"
        );
    }
    // A new file is written whole, through a temporary file that does not stay.
    let out = run_in(
        d,
        &[
            "check",
            "good.txt",
            "--format",
            "json",
            "--output",
            "report.json",
            "--fail-on",
            "never",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read(d.join("report.json")).expect("the report");
    let json: serde_json::Value = serde_json::from_slice(&written).expect("whole JSON");
    assert_eq!(json["sources"][0]["id"], "good");
    assert_eq!(
        listing(d).len(),
        before.len() + 1,
        "only the report was added"
    );
}

#[test]
fn a_paragraph_dense_with_claims_takes_linear_time() {
    // 4,000 sentences, each with a figure, a date, a duration, a quote and a titled name,
    // on one line: every per-claim look-up must be a bisection, not a scan.
    let sentence = "Governor Dana Holt said on May 3, 2024 that 40 homes burned \
                    in 3 hours, adding “we were lucky the wind turned before midnight”. ";
    let text = sentence.repeat(4_000);
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("dense.txt"), &text).expect("writes");
    let started = std::time::Instant::now();
    let out = run_in(
        dir.path(),
        &[
            "check",
            "dense.txt",
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(json["claims"].as_array().map_or(0, Vec::len) >= 8_000);
    // Quadratic look-ups took minutes here; linear ones take about a second in a debug
    // build. The bound is loose for slow, shared machines.
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
}
