//! Writing files: atomically (a temporary file beside the target, then a rename), and
//! never over an input.
//!
//! Every file corroborate writes goes through `write_atomically`, so a crash or a full
//! disk leaves either the old file or the new one, never half of one. It never prints.

use std::{
    io::Write,
    path::{Path, PathBuf},
    sync::atomic::{AtomicUsize, Ordering},
};

use miette::Diagnostic;
use thiserror::Error;

/// A file could not be written.
#[derive(Debug, Error, Diagnostic)]
pub enum Error {
    /// The target is one of the run's inputs.
    #[error("refusing to write `{path}`: it is an input of this run")]
    #[diagnostic(
        code(corroborate::output::would_overwrite_input),
        help("write the output somewhere else")
    )]
    WouldOverwriteInput { path: PathBuf },
    /// The file system refused.
    #[error("cannot write `{path}`")]
    #[diagnostic(code(corroborate::output::unwritable))]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The path as the file system resolves it, for comparing files; a file that does not
/// exist yet resolves through its folder.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = path.canonicalize() {
        return Some(p);
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(parent.canonicalize().ok()?.join(path.file_name()?))
}

/// Write `bytes` to `path` through a temporary file in the same folder and a rename.
///
/// # Errors
/// `path` is (or resolves to) one of `inputs`, or the write or rename fails; the
/// temporary file is removed and `path` is left as it was.
pub fn write_atomically(path: &Path, bytes: &[u8], inputs: &[PathBuf]) -> Result<(), Error> {
    let target = resolved(path);
    if inputs
        .iter()
        .filter(|i| i.as_os_str() != "-")
        .any(|i| i == path || (target.is_some() && resolved(i) == target))
    {
        return Err(Error::WouldOverwriteInput {
            path: path.to_owned(),
        });
    }
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let temporary = path.with_file_name(format!(
        ".{name}.{}-{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let fail = |source: std::io::Error| Error::Write {
        path: path.to_owned(),
        source,
    };
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&temporary, path));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        fail(e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_leaving_no_temporary_file() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("claims.toml");
        write_atomically(&path, b"one", &[]).expect("writes");
        write_atomically(&path, b"two", &[]).expect("replaces");
        assert_eq!(std::fs::read(&path).expect("reads"), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("lists")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["claims.toml"]);
    }

    #[test]
    fn never_writes_over_an_input_however_it_is_named() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let input = dir.path().join("article.txt");
        std::fs::write(&input, "text").expect("writes");
        let other_name = dir.path().join(".").join("article.txt");
        let err = write_atomically(&other_name, b"x", std::slice::from_ref(&input));
        assert!(matches!(err, Err(Error::WouldOverwriteInput { .. })));
        assert_eq!(std::fs::read(&input).expect("reads"), b"text");
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("missing-folder").join("out.json");
        assert!(matches!(
            write_atomically(&path, b"x", &[]),
            Err(Error::Write { .. })
        ));
        assert_eq!(std::fs::read_dir(dir.path()).expect("lists").count(), 0);
    }
}
