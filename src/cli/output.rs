//! Where a report goes (stdout, whose write errors count, or a file written by
//! `crate::safe_write`) and the progress bar
//! shown on stderr while many files are read.

use std::{
    io::{IsTerminal, Write},
    path::{Path, PathBuf},
};

use super::{ExitStatus, report_error};
use std::sync::atomic::{AtomicU8, Ordering};

/// Files below this count are read too fast for a bar to help.
const PROGRESS_MIN_FILES: usize = 20;

/// A progress bar on stderr, drawn only on a terminal, outside CI and without `--quiet`.
pub(super) struct Progress {
    enabled: bool,
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    /// A bar that will show itself once it knows there are many files.
    pub(super) fn new(quiet: bool) -> Self {
        let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        Progress {
            enabled: !quiet && !in_ci && std::io::stderr().is_terminal(),
            bar: None,
        }
    }

    /// `done` of `total` files read.
    pub(super) fn update(&mut self, done: usize, total: usize) {
        if !self.enabled || total < PROGRESS_MIN_FILES {
            return;
        }
        let bar = self.bar.get_or_insert_with(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(total as u64),
                indicatif::ProgressDrawTarget::stderr(),
            );
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("reading {bar:30} {pos}/{len} files")
            {
                bar.set_style(style);
            }
            bar
        });
        bar.set_position(done as u64);
    }

    /// Remove the bar from the terminal.
    pub(super) fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The report file could not be written.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("cannot write the report to `{}`", path.display())]
#[diagnostic(code(corroborate::cli::output))]
pub(super) struct OutputError {
    path: PathBuf,
    #[source]
    source: std::io::Error,
    #[help]
    help: &'static str,
}

impl OutputError {
    fn new(path: &Path, source: std::io::Error) -> Self {
        // A full disk or device (`-o /dev/full`) is no question of folders or rights.
        let help = match source.kind() {
            std::io::ErrorKind::StorageFull => {
                "the disk or device is full; free some space or give another file"
            }
            _ => "check that the directory exists and is writable",
        };
        OutputError {
            path: path.to_owned(),
            source,
            help,
        }
    }
}

/// The report was not written: `--output` names one of the inputs.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("refusing to write the report to `{}`: it is one of the inputs", path.display())]
#[diagnostic(
    code(corroborate::cli::output_is_input),
    help("give `--output` a new file name; corroborate never writes over its inputs")
)]
pub(super) struct OutputIsInput {
    path: PathBuf,
}

/// How a report is produced: written into the destination as it is serialized, so a
/// large report (JSON of a huge article) is never held in memory as one string.
pub(super) type Render<'a> = &'a dyn Fn(&mut dyn Write) -> std::io::Result<()>;

/// Write the report `render` streams to stdout, or to `path` (see
/// [`crate::safe_write`]: a regular file is replaced atomically, a device or FIFO is
/// written through, a link is followed to its regular file). `path` may not be one of
/// `inputs`.
///
/// # Errors
/// The file is an input or cannot be written; the error has been printed.
pub fn write_report_with(
    path: Option<&Path>,
    inputs: &[PathBuf],
    render: Render<'_>,
) -> Result<(), ExitStatus> {
    let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
        print_with(render);
        return match stdout_failed() {
            true => Err(ExitStatus::Error),
            false => Ok(()),
        };
    };
    if is_input(path, inputs) {
        report_error(&OutputIsInput {
            path: path.to_owned(),
        });
        return Err(ExitStatus::Error);
    }
    crate::safe_write::write_with(path, render).map_err(|source| {
        report_error(&OutputError::new(path, source));
        ExitStatus::Error
    })
}

/// Whether `path` is one of `inputs` (by any name or link). Only the files read count:
/// a new report inside an input folder is allowed.
fn is_input(path: &Path, inputs: &[PathBuf]) -> bool {
    let Ok(target) = std::fs::canonicalize(path) else {
        return false; // it does not exist yet, so it is no input
    };
    inputs
        .iter()
        .filter_map(|i| std::fs::canonicalize(i).ok())
        .any(|i| i == target)
}

/// What happened to stdout so far: fine, closed by the reader, or failed.
static STDOUT: AtomicU8 = AtomicU8::new(STDOUT_OK);
const STDOUT_OK: u8 = 0;
const STDOUT_CLOSED: u8 = 1;
const STDOUT_FAILED: u8 = 2;

/// Writing to stdout failed (other than the reader closing the pipe).
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("cannot write to standard output")]
#[diagnostic(
    code(corroborate::cli::stdout),
    help("the output was cut short; check the disk or the file standard output goes to")
)]
struct StdoutError {
    #[source]
    source: std::io::Error,
}

/// Whether a write to stdout failed (and was reported): the run must exit 2.
pub(crate) fn stdout_failed() -> bool {
    STDOUT.load(Ordering::SeqCst) == STDOUT_FAILED
}

/// Stream `render` to stdout through a buffer. A closed pipe (`| head`) stops the output
/// quietly, and the run keeps the exit status its findings decide; any other write error
/// is reported once and makes the run exit 2 (see [`stdout_failed`]).
pub fn print_with(render: Render<'_>) {
    if STDOUT.load(Ordering::SeqCst) != STDOUT_OK {
        return;
    }
    let stdout = std::io::stdout().lock();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
    let result = render(&mut out).and_then(|()| out.flush());
    // Nothing more is written: a second flush on drop would fail the same way.
    let (_, _) = out.into_parts();
    if let Err(e) = result {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            STDOUT.store(STDOUT_CLOSED, Ordering::SeqCst);
        } else {
            STDOUT.store(STDOUT_FAILED, Ordering::SeqCst);
            report_error(&StdoutError { source: e });
        }
    }
}

/// Write `text` to stdout (see [`print_with`]).
pub fn print(text: &str) {
    print_with(&|w| w.write_all(text.as_bytes()));
}
