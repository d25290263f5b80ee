//! The snapshot file: `VACUUM INTO` a temporary file in DIR, switched to no
//! journal, hashed, made read-only and renamed over `claimdb.sqlite3`; and the
//! temporary files of publishes that were killed, removed.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use sha2::{Digest, Sha256};

use crate::db::Db;
use crate::error::{Error, ErrorKind, Result};
use crate::output::io_error;
use crate::publish::request::SNAPSHOT;

/// How a publish names its temporary files: `.claimdb-publish-<pid>-<nanos>.sqlite3`.
const TEMP_PREFIX: &str = ".claimdb-publish-";
const TEMP_SUFFIX: &str = ".sqlite3";

/// A file being written in DIR under a temporary name: removed unless it is moved
/// into place. Files are created by the ordinary calls (not `tempfile`'s private
/// 0600 files) so they get the user's umask, like anything a shell writes.
struct Pending(PathBuf);

impl Pending {
    fn new(dir: &Path) -> Pending {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        Pending(dir.join(format!(
            "{TEMP_PREFIX}{}-{nanos}{TEMP_SUFFIX}",
            std::process::id()
        )))
    }

    fn rename_to(self, target: &Path) -> Result<()> {
        fs::rename(&self.0, target).map_err(|e| io_error(target, "cannot write", e))?;
        std::mem::forget(self);
        Ok(())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

/// Removes the temporary files of earlier publishes into `dir` that were killed
/// (SIGKILL, a power cut) before they could: files named as [`Pending`] names them
/// whose process is gone. A publish still running into `dir` keeps its file.
pub fn remove_stale(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temp_file_pid) else {
            continue;
        };
        if pid != std::process::id() && !process_exists(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary file's name, when the name is exactly one.
fn temp_file_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(TEMP_PREFIX)?.strip_suffix(TEMP_SUFFIX)?;
    let (pid, nanos) = rest.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(pid) && digits(nanos)).then(|| pid.parse().ok())?
}

/// True unless the process is known to be gone (on a system where that cannot be
/// asked, every process counts as running, and nothing is removed).
fn process_exists(pid: u32) -> bool {
    #[cfg(target_os = "linux")]
    {
        let Some(pid) = i32::try_from(pid)
            .ok()
            .and_then(rustix::process::Pid::from_raw)
        else {
            return true;
        };
        !matches!(
            rustix::process::test_kill_process(pid),
            Err(rustix::io::Errno::SRCH)
        )
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = pid;
        true
    }
}

/// Snapshots of claimdb versions that named them by hash (`claimdb-<hash>.sqlite3`)
/// left in DIR: no longer served by the README's command, said so to the user.
pub fn older_snapshots(dir: &Path) -> Vec<String> {
    let mut older: Vec<String> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| {
            n.strip_prefix("claimdb-")
                .and_then(|r| r.strip_suffix(".sqlite3"))
                .is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
        })
        .collect();
    older.sort();
    older
}

/// `VACUUM INTO` a temporary file in `dir`, then rename it over the snapshot.
/// Returns the snapshot's path as `dir` names it, and its SHA-256.
///
/// DIR is a path, never a SQLite URI (SPEC section 8): SQLite reads a file name
/// beginning `file:` as a URI (`file:x#` would write `./x`, outside DIR), so it is
/// given DIR's absolute path, which cannot be read as one, and the snapshot is
/// reopened without URI names.
pub fn write(db: &Db, dir: &Path) -> Result<(PathBuf, String)> {
    let absolute = std::path::absolute(dir).map_err(|e| io_error(dir, "cannot write to", e))?;
    let temp = Pending::new(&absolute);
    // Created here, so a directory that cannot be written is reported as such (an
    // I/O error naming DIR), not as a database SQLite cannot open. VACUUM INTO
    // fills an empty file.
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp.0)
        .map_err(|e| io_error(dir, "cannot write to", e))?;
    let temp_path = temp.0.to_str().ok_or_else(|| {
        Error::usage(format!(
            "cannot publish to {}: the path is not UTF-8",
            dir.display()
        ))
    })?;
    db.conn
        .execute("VACUUM INTO ?1", [temp_path])
        .map_err(|e| write_error(dir, e))?;
    {
        // A snapshot of a WAL database is marked WAL too; an immutable file needs
        // no journal at all.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&temp.0, flags).map_err(|e| write_error(dir, e))?;
        conn.pragma_update(None, "journal_mode", "DELETE")
            .map_err(|e| write_error(dir, e))?;
    }
    let hash = file_sha256(&temp.0)?;
    let mut permissions = fs::metadata(&temp.0)
        .map_err(|e| io_error(&temp.0, "cannot read", e))?
        .permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&temp.0, permissions).map_err(|e| io_error(&temp.0, "cannot write", e))?;
    temp.rename_to(&absolute.join(SNAPSHOT))?;
    Ok((dir.join(SNAPSHOT), hash))
}

/// An SQLite error while writing the snapshot: a file that cannot be created or
/// written (permissions, a full disk) is an I/O error about DIR (exit 6).
fn write_error(dir: &Path, err: rusqlite::Error) -> Error {
    use rusqlite::ffi::ErrorCode;
    match err.sqlite_error_code() {
        Some(
            ErrorCode::CannotOpen
            | ErrorCode::SystemIoFailure
            | ErrorCode::DiskFull
            | ErrorCode::ReadOnly
            | ErrorCode::PermissionDenied,
        ) => Error::new(
            ErrorKind::Io,
            format!("cannot write to {}: {err}", dir.display()),
        ),
        _ => err.into(),
    }
}

fn file_sha256(path: &Path) -> Result<String> {
    let mut file = fs::File::open(path).map_err(|e| io_error(path, "cannot read", e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file
            .read(&mut buf)
            .map_err(|e| io_error(path, "cannot read", e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_a_publish_gives_its_temporary_files_are_read_as_one() {
        assert_eq!(temp_file_pid(".claimdb-publish-123-456.sqlite3"), Some(123));
        for name in [
            ".claimdb-publish-123.sqlite3",
            ".claimdb-publish-x-456.sqlite3",
            ".claimdb-publish-123-456.sqlite3.bak",
            "claimdb-publish-123-456.sqlite3",
            ".claimdb-output-123-456.sqlite3",
            ".claimdb-publish--456.sqlite3",
        ] {
            assert_eq!(temp_file_pid(name), None, "{name}");
        }
    }
}
