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
        "`socket.txt` is a socket, not a regular file",
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
    assert_exit(&out, 0);
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
    assert_exit(&out, 0);
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

// ---- Issue 18: hostile environments ------------------------------------------------

const HARBOUR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/harbour-fire");
const RADIO: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/harbour-fire/radio-ellery.txt"
);
const GAZETTE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/harbour-fire/ellery-gazette.txt"
);

/// Run the binary in `dir` with no standard input; a run longer than `secs` is killed
/// and fails the test (nothing may hang).
fn run_bounded(dir: &std::path::Path, args: &[&str], secs: u64) -> std::process::Output {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the corroborate binary runs");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    loop {
        if child.try_wait().expect("waits").is_some() {
            return child.wait_with_output().expect("output");
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "`corroborate {}` hung for more than {secs} s",
                args.join(" ")
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// The run exited with `code`; else the test fails showing what it said.
fn assert_exit(out: &std::process::Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn mkfifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Item 1: `--output` onto a device node writes through it; the node stays a device.
/// Made with mknod in a temporary folder (never on /dev), so root only.
#[cfg(unix)]
#[test]
fn output_onto_a_device_writes_through_and_keeps_the_device_issue_18() {
    use std::os::unix::fs::FileTypeExt;
    if !is_root() {
        eprintln!("SKIPPED output_onto_a_device...: needs root for mknod (CI runs as root)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    for (name, minor) in [("full", "7"), ("null", "3")] {
        let made = std::process::Command::new("mknod")
            .args([name, "c", "1", minor])
            .current_dir(d)
            .status()
            .expect("mknod runs");
        assert!(made.success());
    }
    let full = run_bounded(d, &["check", HARBOUR, "--output", "full"], 60);
    let stderr = String::from_utf8_lossy(&full.stderr);
    assert_eq!(full.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cannot write the report to `full`"),
        "{stderr}"
    );
    assert!(stderr.contains("No space left on device"), "{stderr}");
    assert!(stderr.contains("the disk or device is full"), "{stderr}");
    let null = run_bounded(d, &["check", HARBOUR, "--output", "null"], 60);
    assert_eq!(null.status.code(), Some(1), "the findings decide");
    for name in ["full", "null"] {
        let kind = std::fs::symlink_metadata(d.join(name))
            .expect("still there")
            .file_type();
        assert!(kind.is_char_device(), "{name} is still a character device");
    }
    assert_eq!(
        std::fs::read_dir(d).expect("list").count(),
        2,
        "no temporary left"
    );
}

/// Item 1: a link to a device (here /dev/null, only written through) stays a link, and a
/// link to a regular file is followed: the file gets the report, the link stays.
#[cfg(unix)]
#[test]
fn output_through_a_link_keeps_the_link_issue_18() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::os::unix::fs::symlink("/dev/null", d.join("sink")).expect("link");
    std::fs::write(d.join("real.json"), "old").expect("seed");
    std::os::unix::fs::symlink("real.json", d.join("report.json")).expect("link");
    let out = run_bounded(d, &["check", HARBOUR, "-o", "sink"], 60);
    assert_exit(&out, 1);
    let out = run_bounded(
        d,
        &["check", HARBOUR, "--format", "json", "-o", "report.json"],
        60,
    );
    assert_exit(&out, 1);
    for link in ["sink", "report.json"] {
        let kind = std::fs::symlink_metadata(d.join(link))
            .expect("there")
            .file_type();
        assert!(kind.is_symlink(), "{link} is still a link");
    }
    let report = std::fs::read_to_string(d.join("real.json")).expect("report");
    assert!(report.starts_with('{'), "the link's file holds the report");
    assert_eq!(
        std::fs::read_dir(d).expect("list").count(),
        3,
        "no temporary left"
    );
}

/// Item 3: claim files written from one directory work from another: `article` is
/// relative to the claim file.
#[test]
fn claim_files_work_from_any_working_directory_issue_18() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::create_dir_all(d.join("work/articles")).expect("mkdir");
    std::fs::create_dir_all(d.join("elsewhere")).expect("mkdir");
    std::fs::write(d.join("work/articles/a.txt"), GOOD).expect("write");
    std::fs::write(
        d.join("work/articles/b.txt"),
        "PORT ELLERY - A fire destroyed 45 homes on Tuesday, the council said.\n",
    )
    .expect("write");
    let out = run_bounded(
        &d.join("work"),
        &["extract", "articles", "--write", "claims"],
        60,
    );
    assert_exit(&out, 0);
    let file = std::fs::read_to_string(d.join("work/claims/a.toml")).expect("claim file");
    assert!(file.contains("article = \"../articles/a.txt\""), "{file}");
    let out = run_bounded(
        &d.join("elsewhere"),
        &[
            "check",
            "../work/claims",
            "../work/articles",
            "--format",
            "json",
        ],
        60,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "40 vs 45 homes: {stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

/// Item 4: a write error on stdout is an error; a closed pipe is quiet and keeps the
/// status the findings decide.
#[cfg(unix)]
#[test]
fn stdout_write_errors_exit_2_and_a_closed_pipe_keeps_the_status_issue_18() {
    let full = || std::fs::OpenOptions::new().write(true).open("/dev/full");
    let Ok(_) = full() else {
        eprintln!("SKIPPED stdout_write_errors...: no /dev/full on this system");
        return;
    };
    for args in [
        &["check", HARBOUR, "--format", "json"][..],
        &["check", HARBOUR],
        &["extract", HARBOUR],
        &["extract", HARBOUR, "--format", "json"],
        &["rules", "--dump"],
        &["rules"],
        &["man"],
        &["completions", "bash"],
        &["diff", RADIO, GAZETTE],
        &["coverage", RADIO, "--against", GAZETTE],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_corroborate"))
            .args(args)
            .stdout(full().expect("/dev/full"))
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("cannot write to standard output"),
            "{args:?}: {stderr}"
        );
    }
    // The reader is gone before anything is written, or after the first line (`| head
    // -1`): quiet, and the status the run decides: 1 for the conflicts, 2 when an input
    // is missing too (both were 0 before).
    let closed = |args: &[&str], lines: usize| {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_corroborate"))
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("runs");
        let stdout = child.stdout.take().expect("piped");
        let mut reader = std::io::BufReader::new(stdout);
        for _ in 0..lines {
            let mut line = String::new();
            std::io::BufRead::read_line(&mut reader, &mut line).expect("a line");
        }
        drop(reader);
        child.wait_with_output().expect("waits")
    };
    for (args, lines, code, said) in [
        (&["check", HARBOUR, "--format", "json"][..], 0, 1, ""),
        (&["check", HARBOUR, "--format", "json"], 1, 1, ""),
        (&["check", HARBOUR], 1, 1, ""),
        (&["extract", HARBOUR], 1, 0, ""),
        (
            &["check", HARBOUR, "missing.txt"],
            1,
            2,
            "`missing.txt` does not exist",
        ),
    ] {
        let out = closed(args, lines);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(!stderr.contains("standard output"), "{args:?}: {stderr}");
        if said.is_empty() {
            assert!(stderr.is_empty(), "{args:?}: {stderr}");
        } else {
            assert!(stderr.contains(said), "{args:?}: {stderr}");
        }
    }
}

/// Item 5: a FIFO as an article, a rules file, a claim file, a baseline or inside a
/// folder is refused at once, naming it; nothing hangs.
#[cfg(unix)]
#[test]
fn fifos_are_refused_without_hanging_issue_18() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::create_dir(d.join("folder")).expect("mkdir");
    std::fs::write(d.join("folder/good.txt"), GOOD).expect("write");
    std::fs::write(d.join("good.txt"), GOOD).expect("write");
    for fifo in [
        "pipe.txt",
        "rules.toml.fifo",
        "claims.toml",
        "base.toml",
        "folder/pipe.md",
    ] {
        mkfifo(&d.join(fifo));
    }
    let cases: [(&[&str], &str); 5] = [
        (
            &["check", "pipe.txt", "good.txt"],
            "`pipe.txt` is a FIFO (named pipe), not a regular file",
        ),
        (
            &["check", "--rules", "rules.toml.fifo", "good.txt"],
            "rules.toml.fifo",
        ),
        (&["check", "claims.toml", "good.txt"], "claims.toml"),
        (
            &["check", "good.txt", "--baseline", "base.toml"],
            "base.toml",
        ),
        (
            &["extract", "folder"],
            "is a FIFO (named pipe), not a regular file",
        ),
    ];
    for (args, expected) in cases {
        let out = run_bounded(d, args, 20);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(
            stderr.contains("FIFO"),
            "{args:?} says what it is: {stderr}"
        );
    }
    // The rest of the folder is still read.
    let out = run_bounded(d, &["extract", "folder"], 20);
    assert!(String::from_utf8_lossy(&out.stdout).contains("40 homes"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("pipe.md"));
}

/// Item 5: standard input is capped too (`- < /dev/zero` used to grow without end).
#[cfg(unix)]
#[test]
fn standard_input_is_capped_issue_18() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(["extract", "--max-file-size", "1M", "-"])
        .stdin(std::fs::File::open("/dev/zero").expect("/dev/zero"))
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("`-` is larger than 1048576 bytes"),
        "{stderr}"
    );
}

/// Item 8: tabs, newlines and escapes in a file name reach no output raw.
#[cfg(unix)]
#[test]
fn file_names_cannot_forge_records_or_escape_issue_18() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let name = "a\tforged:1:1\tquantity\tx\tx\n\u{1b}[31mb\u{7}.txt";
    std::fs::write(d.join(name), GOOD).expect("write");
    std::fs::write(
        d.join("other.txt"),
        "PORT ELLERY - A fire destroyed 45 homes on Tuesday, the council said.\n",
    )
    .expect("write");
    let out = run_bounded(d, &["extract", name], 20);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.is_empty());
    for line in stdout.lines() {
        assert_eq!(
            line.matches('\t').count(),
            3,
            "one record per line: {line:?}"
        );
    }
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
        "{stdout:?}"
    );
    let out = run_bounded(d, &["extract", name, "--write", "claims"], 20);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("wrote claims/"), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    let out = run_bounded(d, &["check", name, "other.txt", "--format", "github"], 20);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("file="), "{stdout}");
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
        "{stdout:?}"
    );
    assert!(stdout.lines().all(|l| l.starts_with("::")), "{stdout}");
}

/// Item 9: two source ids that map to one file name (`x/y`, `x-y`) give two claim
/// files, with and without `--force`.
#[test]
fn two_ids_with_one_file_name_give_two_claim_files_issue_18() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::write(d.join("one.txt"), format!("id: x/y\n\n{GOOD}")).expect("write");
    std::fs::write(
        d.join("two.txt"),
        "id: x-y\n\nPORT ELLERY - A fire destroyed 45 homes on Tuesday, the council said.\n",
    )
    .expect("write");
    let out = run_bounded(
        d,
        &["extract", "one.txt", "two.txt", "--write", "claims"],
        20,
    );
    assert_exit(&out, 0);
    let mut names: Vec<String> = std::fs::read_dir(d.join("claims"))
        .expect("claims")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["x-y.toml", "x-y~2.toml"]);
    let out = run_bounded(
        d,
        &[
            "extract", "one.txt", "two.txt", "--write", "claims", "--force",
        ],
        20,
    );
    assert_exit(&out, 0);
    let sources: Vec<String> = names
        .iter()
        .map(|n| std::fs::read_to_string(d.join("claims").join(n)).expect("file"))
        .map(|t| {
            t.lines()
                .find(|l| l.starts_with("source"))
                .unwrap_or("")
                .to_owned()
        })
        .collect();
    assert_eq!(sources, ["source = \"x-y\"", "source = \"x/y\""]);
    let out = run_bounded(d, &["check", "claims", "one.txt", "two.txt"], 20);
    assert_exit(&out, 1);
}

/// Item 10: SIGINT while a report is written leaves no temporary file behind.
#[cfg(unix)]
#[test]
fn an_interrupted_write_leaves_no_temporary_issue_18() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    // Big enough that writing the JSON report takes a while.
    let line = "A fire destroyed 40 homes on Tuesday and 45 homes on Wednesday, officials said. ";
    std::fs::write(d.join("big.txt"), line.repeat(60_000)).expect("write");
    let mut caught = 0;
    for _ in 0..4 {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_corroborate"))
            .args(["check", "big.txt", "--format", "json", "-o", "out.json"])
            .current_dir(d)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("runs");
        let temporary = || {
            std::fs::read_dir(d)
                .expect("list")
                .flatten()
                .any(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        };
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
        while !temporary() && child.try_wait().expect("waits").is_none() {
            assert!(
                std::time::Instant::now() < deadline,
                "no report written in 120 s"
            );
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        if child.try_wait().expect("waits").is_none() {
            let _ = std::process::Command::new("kill")
                .args(["-INT", &child.id().to_string()])
                .status();
            caught += 1;
        }
        let _ = child.wait();
        assert!(!temporary(), "a temporary file was left behind");
        let _ = std::fs::remove_file(d.join("out.json"));
    }
    eprintln!("an_interrupted_write: {caught} of 4 runs interrupted while writing");
    if caught == 0 {
        eprintln!("SKIPPED an_interrupted_write...: every write finished before the signal");
    }
}

/// Item 3, the docs: the guide's claim-file example is what `extract --write` writes (each
/// of its lines but the shortened ones, in order), and the commands it names do what it
/// says: `check claims/` alone names the articles as not among the inputs, `check
/// examples/harbour-fire/ claims/` runs.
#[test]
fn the_guides_claim_file_example_is_what_extract_writes_issue_18() {
    let guide = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/guide.md"))
        .expect("docs/guide.md");
    let section = &guide[guide
        .find("### Claim files")
        .expect("a claim files section")..];
    let block = section
        .split_once("```toml\n")
        .and_then(|(_, rest)| rest.split_once("```"))
        .map(|(block, _)| block)
        .expect("a toml block");
    for command in [
        "extract examples/harbour-fire/ --write claims/",
        "`check claims/` alone",
        "`corroborate check examples/harbour-fire/ claims/`",
    ] {
        assert!(section.contains(command), "the guide names {command}");
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::create_dir_all(d.join("examples/harbour-fire")).expect("mkdir");
    for entry in std::fs::read_dir(HARBOUR).expect("examples") {
        let entry = entry.expect("entry");
        std::fs::copy(
            entry.path(),
            d.join("examples/harbour-fire").join(entry.file_name()),
        )
        .expect("copy");
    }
    let out = run_bounded(
        d,
        &["extract", "examples/harbour-fire/", "--write", "claims/"],
        60,
    );
    assert_exit(&out, 0);
    let written = std::fs::read_to_string(d.join("claims/coastline-wire.toml")).expect("written");
    let mut rest = written.lines();
    for line in block.lines() {
        let line = line.split(" #").next().unwrap_or(line).trim_end();
        if line.is_empty() || line.starts_with('#') || line.contains("...") {
            continue;
        }
        assert!(
            rest.any(|l| l == line),
            "the guide's `{line}` is not (in this order) in what extract writes:\n{written}"
        );
    }
    let alone = run_bounded(d, &["check", "claims/"], 60);
    let stderr = String::from_utf8_lossy(&alone.stderr);
    assert_eq!(alone.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("the article of claim file `claims/coastline-wire.toml` is not among"),
        "{stderr}"
    );
    let both = run_bounded(d, &["check", "examples/harbour-fire/", "claims/"], 60);
    let stderr = String::from_utf8_lossy(&both.stderr);
    assert_eq!(both.status.code(), Some(1), "a conflict: {stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}
