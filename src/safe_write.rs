//! Writing a file that may already exist, without the holes a rename opens: the one
//! writer behind `--output`, `extract --write` and `--write-baseline`.
//!
//! - A regular file (new or existing) is replaced atomically: the bytes go into a
//!   temporary file created exclusively (`O_EXCL`, a random name, never following a
//!   link planted under that name) in the same folder, then renamed over the target, so
//!   a reader never sees half a file. An existing file keeps its permissions.
//! - What is not a regular file (a character device such as `/dev/null`, a FIFO,
//!   `/dev/stdout`, a path under `/dev` or `/proc`) is written through, opened for
//!   appending: a rename would turn the device or the link into a regular file.
//! - A symbolic link is followed to the regular file it names, which is replaced
//!   atomically in its own folder; the link stays a link. A link to nothing (dangling)
//!   is refused: writing would silently create a file somewhere else.
//! - Temporary files are registered before they are created and until they are renamed,
//!   so that an interrupt (SIGINT, handled in `main.rs`) removes them before the process
//!   exits; a returned error or a panic
//!   removes them through `tempfile`'s drop.

use std::{
    io::Write,
    path::{Path, PathBuf},
    sync::Mutex,
};

/// Streams the file's content into a writer.
pub type Render<'a> = &'a dyn Fn(&mut dyn Write) -> std::io::Result<()>;

/// Temporary files being written right now (removed by [`remove_temporaries`]).
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Remove every temporary file still being written. Called on SIGINT, just before the
/// process exits; safe to call at any time.
pub fn remove_temporaries() {
    let live = match LIVE.lock() {
        Ok(live) => live,
        Err(poisoned) => poisoned.into_inner(),
    };
    for path in live.iter() {
        let _ = std::fs::remove_file(path);
    }
}

fn register(path: &Path) {
    if let Ok(mut live) = LIVE.lock() {
        live.push(path.to_owned());
    }
}

fn unregister(path: &Path) {
    if let Ok(mut live) = LIVE.lock() {
        live.retain(|p| p != path);
    }
}

/// How `path` is to be written.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// Replace this regular file (or create it) by a rename.
    Replace(PathBuf),
    /// Open and write through (a device, a FIFO, a terminal, `/dev/stdout`).
    Through,
}

/// Whether `path` lies in a kernel file system where a rename makes no sense.
fn is_special_tree(path: &Path) -> bool {
    path.starts_with("/dev") || path.starts_with("/proc")
}

/// Where writing `path` goes, following symbolic links one by one.
fn target_of(path: &Path) -> std::io::Result<Target> {
    let mut current = path.to_owned();
    for _ in 0..40 {
        if is_special_tree(&current) {
            return Ok(Target::Through);
        }
        let link = match std::fs::symlink_metadata(&current) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if current != path {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        format!(
                            "it is a symbolic link to `{}`, which does not exist; \
                             corroborate does not create files through a dangling link",
                            current.display()
                        ),
                    ));
                }
                return Ok(Target::Replace(current));
            }
            Err(e) => return Err(e),
        };
        if link.file_type().is_symlink() {
            let next = std::fs::read_link(&current)?;
            current = match current.parent() {
                Some(dir) if next.is_relative() => dir.join(next),
                _ => next,
            };
            continue;
        }
        if link.is_dir() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::IsADirectory,
                "it is a directory",
            ));
        }
        return Ok(if link.is_file() {
            Target::Replace(current)
        } else {
            Target::Through
        });
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// Write what `render` streams to `path` (see the module documentation).
///
/// # Errors
/// The folder is missing or not writable, the disk is full, the target is a directory or
/// a dangling link, or `render` fails.
pub fn write_with(path: &Path, render: Render<'_>) -> std::io::Result<()> {
    match target_of(path)? {
        Target::Through => {
            let file = std::fs::OpenOptions::new().append(true).open(path)?;
            let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
            render(&mut out)?;
            out.flush()
        }
        Target::Replace(target) => replace(&target, render),
    }
}

/// Write `bytes` to `path` (see [`write_with`]).
///
/// # Errors
/// As [`write_with`].
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_with(path, &|w| w.write_all(bytes))
}

/// The system's error without the temporary file's random name that `tempfile` adds
/// (`... at path "DIR/.NAME.XXXXXX.tmp"`): messages name the target, and a random name
/// would make them differ from run to run.
fn without_temporary_name(error: std::io::Error) -> std::io::Error {
    let text = error.to_string();
    match text.split_once(" at path \"") {
        Some((reason, _)) => std::io::Error::new(error.kind(), reason.to_owned()),
        None => error,
    }
}

/// Create `path`, which must not exist (`O_EXCL`: a link planted under that name is not
/// followed). An existing target's mode is kept; a new file gets 0666 less the umask, as
/// any file the user creates (`tempfile`'s own default is 0600).
fn create_exclusive(
    path: &Path,
    existing: Option<&std::fs::Metadata>,
) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(existing.map_or(0o666, |m| m.permissions().mode() & 0o7777));
    }
    #[cfg(not(unix))]
    let _ = existing;
    options.open(path)
}

fn replace(target: &Path, render: Render<'_>) -> std::io::Result<()> {
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map_or_else(|| "output".to_owned(), |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}.");
    let existing = std::fs::metadata(target).ok();
    let temp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .make_in(dir, |candidate| {
            // Registered before it exists: an interrupt between creating the file and
            // registering it would leave it behind.
            register(candidate);
            let created = create_exclusive(candidate, existing.as_ref());
            if created.is_err() {
                unregister(candidate);
            }
            created
        })
        .map_err(without_temporary_name)?;
    let temp_path = temp.path().to_owned();
    let result = (|| {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, temp.as_file());
        render(&mut out)?;
        out.flush()?;
        drop(out);
        temp.as_file().sync_all()?;
        temp.persist(target).map_err(|e| e.error)?;
        Ok(())
    })();
    // On an error the temporary file was dropped (and removed) inside the closure.
    unregister(&temp_path);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_regular_file_is_replaced_and_no_temporary_is_left() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("report.html");
        std::fs::write(&target, "old").expect("seed file");
        write(&target, b"new").expect("written");
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "new");
        assert_eq!(names(dir.path()), ["report.html"]);
    }

    #[test]
    fn a_failing_render_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("report.json");
        std::fs::write(&target, "old").expect("seed file");
        let failed = write_with(&target, &|w| {
            w.write_all(b"half")?;
            Err(std::io::Error::other("render failed"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "old");
        assert_eq!(names(dir.path()), ["report.json"]);
        // Other tests write at the same time: only this folder's temporaries count.
        let live = LIVE.lock().expect("lock");
        assert!(!live.iter().any(|p| p.starts_with(dir.path())), "{live:?}");
    }

    /// Issue 18, item 2: a link planted under the old guessable temporary name
    /// (`.NAME.PID.tmp`) made the report overwrite the file it pointed to.
    #[cfg(unix)]
    #[test]
    fn a_link_planted_under_the_old_temporary_name_is_not_followed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "precious").expect("seed victim");
        let planted = dir
            .path()
            .join(format!(".out.json.{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).expect("plant link");
        let target = dir.path().join("out.json");
        write(&target, b"report").expect("written");
        assert_eq!(std::fs::read_to_string(&victim).expect("read"), "precious");
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "report");
        assert!(
            std::fs::symlink_metadata(&planted)
                .expect("still there")
                .file_type()
                .is_symlink()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_to_its_regular_file_and_stays_a_link() {
        let dir = tempfile::tempdir().expect("temp dir");
        let real = dir.path().join("real.json");
        std::fs::write(&real, "old").expect("seed");
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("real.json", &link).expect("link");
        write(&link, b"new").expect("written");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("link")
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).expect("read"), "new");
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("nowhere/x.json", &link).expect("link");
        let err = write(&link, b"new").expect_err("refused");
        assert!(err.to_string().contains("dangling"), "{err}");
        assert_eq!(names(dir.path()), ["link.json"]);
    }

    #[cfg(unix)]
    #[test]
    fn an_existing_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("a.toml");
        std::fs::write(&target, "old").expect("seed");
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).expect("mode");
        write(&target, b"new").expect("written");
        let mode = std::fs::metadata(&target)
            .expect("meta")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn special_trees_and_directories() {
        assert_eq!(
            target_of(Path::new("/dev/null")).expect("dev"),
            Target::Through
        );
        assert_eq!(
            target_of(Path::new("/dev/stdout")).expect("stdout"),
            Target::Through
        );
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(write(dir.path(), b"x").is_err());
        assert!(write(&dir.path().join("no/such/dir/x.html"), b"x").is_err());
    }
}
