//! Where a report goes (stdout or a file, replaced atomically) and the progress bar
//! shown on stderr while many files are read.

use std::{
    io::{IsTerminal, Write},
    path::{Path, PathBuf},
};

use super::{ExitStatus, report_error};

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
#[diagnostic(
    code(corroborate::cli::output),
    help("check that the directory exists and is writable")
)]
pub(super) struct OutputError {
    path: PathBuf,
    #[source]
    source: std::io::Error,
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

/// Write the report `render` streams to stdout, or to `path` through a temporary file
/// in the same directory renamed over it, so a reader never sees half a report. `path`
/// may not be one of `inputs`.
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
        return Ok(());
    };
    if is_input(path, inputs) {
        report_error(&OutputIsInput {
            path: path.to_owned(),
        });
        return Err(ExitStatus::Error);
    }
    write_atomically_with(path, render).map_err(|source| {
        report_error(&OutputError {
            path: path.to_owned(),
            source,
        });
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

/// Stream `render` to stdout through a buffer; a closed pipe ends the program quietly.
pub fn print_with(render: Render<'_>) {
    let stdout = std::io::stdout().lock();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
    if let Err(e) = render(&mut out).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
    }
}

#[cfg(test)]
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically_with(path, &|w| w.write_all(bytes))
}

fn write_atomically_with(path: &Path, render: Render<'_>) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".to_owned());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::File::create(&temp).and_then(|file| {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        render(&mut out)?;
        let file = out
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_atomic_write_replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("report.html");
        std::fs::write(&target, "old").expect("seed file");
        write_atomically(&target, b"new").expect("written");
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "new");
        let entries = std::fs::read_dir(dir.path()).expect("list").count();
        assert_eq!(entries, 1);
    }

    #[test]
    fn a_missing_directory_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(write_atomically(&dir.path().join("no/such/dir/x.html"), b"x").is_err());
    }
}
