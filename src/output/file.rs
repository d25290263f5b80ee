//! Where output goes: stdout, or `-o FILE` written to a temporary file beside the
//! target that replaces it only when everything was written, so a failed export
//! never leaves half a file. `-o` never names the database in use.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};

/// Where output goes.
pub enum Target {
    Stdout(BufWriter<io::Stdout>),
    File {
        file: BufWriter<tempfile::NamedTempFile>,
        target: PathBuf,
    },
    /// An existing device or pipe (`-o /dev/stderr`, a FIFO): written in place,
    /// since renaming a file over it would replace it.
    Special {
        file: BufWriter<std::fs::File>,
        target: PathBuf,
    },
}

impl Write for Target {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Target::Stdout(w) => w.write(buf),
            Target::File { file, .. } => file.write(buf),
            Target::Special { file, .. } => file.write(buf),
        }
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Target::Stdout(w) => w.write_all(buf),
            Target::File { file, .. } => file.write_all(buf),
            Target::Special { file, .. } => file.write_all(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Target::Stdout(w) => w.flush(),
            Target::File { file, .. } => file.flush(),
            Target::Special { file, .. } => file.flush(),
        }
    }
}

impl Target {
    pub fn stdout() -> Target {
        Target::Stdout(BufWriter::with_capacity(64 * 1024, io::stdout()))
    }

    /// `-o PATH`, refused when it names `database` (before and after following
    /// links).
    pub fn open(path: &Path, database: Option<&Path>) -> Result<Target> {
        refuse_database(path, database)?;
        let target = open_file(path)?;
        if let Target::File { target, .. } | Target::Special { target, .. } = &target {
            refuse_database(target, database)?;
        }
        Ok(target)
    }

    /// Flushes and, for `-o FILE`, moves the finished file into place.
    pub fn finish(self, database: Option<&Path>) -> Result<()> {
        match self {
            Target::Stdout(mut w) => w.flush()?,
            Target::File { file, target } => {
                // Checked again at the moment of replacing: the database may have
                // been opened (and so gained a `/dev/fd/N` name) since the start.
                refuse_database(&target, database)?;
                let file = file
                    .into_inner()
                    .map_err(|e| io_error(&target, "cannot write", e.into_error()))?;
                file.persist(&target)
                    .map_err(|e| io_error(&target, "cannot write", e.error))?;
            }
            Target::Special { mut file, target } => file.flush().map_err(|e| match e.kind() {
                io::ErrorKind::BrokenPipe => Error::from(e),
                _ => io_error(&target, "cannot write", e),
            })?,
        }
        Ok(())
    }
}

/// Whether `target` is the database `db` or a file SQLite keeps beside it (its
/// `-wal`, `-shm` or `-journal`), compared by identity: device and inode, every
/// link followed.
pub fn is_database_file(target: &Path, db: &Path) -> bool {
    ["", "-wal", "-shm", "-journal"].iter().any(|suffix| {
        let mut side = db.as_os_str().to_owned();
        side.push(suffix);
        same_file(target, Path::new(&side))
    })
}

/// `-o TARGET` must not be the database in use nor a file SQLite keeps beside it,
/// compared by identity (device and inode, every link followed), so that no name
/// for it, `/dev/fd/3` or `/proc/self/fd/3` included, gets it replaced: exit 2.
pub fn refuse_database(target: &Path, database: Option<&Path>) -> Result<()> {
    if database.is_some_and(|db| is_database_file(target, db)) {
        return Err(Error::usage(format!(
            "-o {} names the database in use; it would be replaced by the output",
            target.display()
        ))
        .with_hint("write the output to another file"));
    }
    Ok(())
}

/// `-o FILE` behaves like the shell's `>` for what the user can see: a new file gets
/// the usual permissions (the umask applies), an existing file keeps its mode, a
/// symlink is written through (the file it points to is replaced, the link stays), a
/// read-only file is refused, and the file is only replaced once every byte is
/// written (a temporary file beside it is renamed over it).
fn open_file(target: &Path) -> Result<Target> {
    let target = follow_links(target)?;
    let target = target.as_path();
    let existing = match std::fs::metadata(target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_error(target, "cannot write", e)),
    };
    match &existing {
        Some(meta) if meta.is_dir() => {
            return Err(Error::new(
                ErrorKind::Io,
                format!("cannot write {}: it is a directory", target.display()),
            ));
        }
        Some(meta) if !meta.is_file() => {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(target)
                .map_err(|e| io_error(target, "cannot write", e))?;
            return Ok(Target::Special {
                file: BufWriter::with_capacity(64 * 1024, file),
                target: target.to_path_buf(),
            });
        }
        Some(meta) if meta.permissions().readonly() => {
            return Err(Error::new(
                ErrorKind::Io,
                format!("cannot write {}: it is read-only", target.display()),
            )
            .with_hint("make it writable (chmod u+w) or choose another file"));
        }
        _ => {}
    }
    let file = temp_beside(target).map_err(|e| io_error(target, "cannot write", e))?;
    if let Some(meta) = &existing {
        // Not through the umask: exactly the mode the file had.
        file.as_file()
            .set_permissions(meta.permissions())
            .map_err(|e| io_error(target, "cannot write", e))?;
    }
    Ok(Target::File {
        file: BufWriter::with_capacity(64 * 1024, file),
        target: target.to_path_buf(),
    })
}

/// Writes `bytes` as the file `path`, which is replaced only once they are all
/// written and synced (a temporary file beside it is renamed over it): a reader
/// sees the old file or the new one, never half of one. For files claimdb writes
/// whole besides `-o` (`publish`'s metadata and README).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = temp_beside(path).map_err(|e| io_error(path, "cannot write", e))?;
    file.write_all(bytes)
        .and_then(|()| file.as_file().sync_all())
        .map_err(|e| io_error(path, "cannot write", e))?;
    file.persist(path)
        .map_err(|e| io_error(path, "cannot write", e.error))?;
    Ok(())
}

/// A new empty file in `target`'s directory (so that renaming it over `target`
/// replaces it at once), under a hidden temporary name, removed unless persisted.
/// It gets the usual permissions, 0666 less the umask, like anything a shell
/// writes (not tempfile's private 0600).
fn temp_beside(target: &Path) -> io::Result<tempfile::NamedTempFile> {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    tempfile::Builder::new()
        .prefix(".claimdb-output-")
        .permissions(std::fs::Permissions::from_mode(0o666))
        .tempfile_in(dir)
}

/// The file a path names once every symlink is followed (the path itself when it is
/// not a link); a link to a missing file names that missing file.
fn follow_links(path: &Path) -> Result<PathBuf> {
    let mut path = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link =
                    std::fs::read_link(&path).map_err(|e| io_error(&path, "cannot write", e))?;
                path = match path.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(Error::new(
        ErrorKind::Io,
        format!(
            "cannot write {}: too many levels of symbolic links",
            path.display()
        ),
    ))
}

/// True when `a` and `b` name the same file (following links), or would once
/// created: `-o` must never name the database in use.
pub fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    // The kernel follows every link, the magic `/proc/self/fd/N` ones included.
    if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
        return x.dev() == y.dev() && x.ino() == y.ino();
    }
    let (Ok(a), Ok(b)) = (follow_links(a), follow_links(b)) else {
        return false;
    };
    match (std::fs::metadata(&a), std::fs::metadata(&b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => {
            let absolute = |p: &Path| {
                let dir = p.parent().filter(|d| !d.as_os_str().is_empty());
                let dir = dir.map_or_else(|| std::fs::canonicalize("."), std::fs::canonicalize);
                dir.ok().zip(p.file_name().map(|n| n.to_owned()))
            };
            absolute(&a).is_some_and(|x| Some(x) == absolute(&b))
        }
    }
}

/// An I/O error on `path` as the user reads it: "cannot write out.csv: ...".
pub fn io_error(path: &Path, what: &str, err: io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("{what} {}: {err}", path.display()))
}
