//! Where a report goes (stdout or a file, replaced atomically) and the progress bar
//! shown on stderr while many files are read.

use std::{
    io::{IsTerminal, Write},
    path::{Path, PathBuf},
};

use super::{ExitStatus, print, report_error};

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

/// Write `report` to stdout, or to `path` through a temporary file in the same
/// directory renamed over it, so a reader never sees half a report.
///
/// # Errors
/// The file cannot be written; the error has been printed.
pub fn write_report(path: Option<&Path>, report: &str) -> Result<(), ExitStatus> {
    let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
        print(report);
        return Ok(());
    };
    write_atomically(path, report.as_bytes()).map_err(|source| {
        report_error(&OutputError {
            path: path.to_owned(),
            source,
        });
        ExitStatus::Error
    })
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".to_owned());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::File::create(&temp).and_then(|mut file| {
        file.write_all(bytes)?;
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
