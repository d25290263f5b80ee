//! The one lock every writer of a database takes: `init --force`, `import`,
//! `remove-source` and the upgrade of an older file. SQLite's own write lock
//! covers one file, but `init --force` does not write the file, it replaces it: an
//! import that had opened the old file would commit into the replaced one and say
//! "imported". So writers also hold an advisory lock (`flock`) on the database file
//! itself for as long as they work, taken before they open it and checked to be on
//! the file the path names now; a file replaced while a writer waited is let go
//! and the new one locked instead. Readers take no such lock: WAL serves them.

use std::fs::{self, File};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// How long a writer waits for another to finish, as SQLite's busy timeout does.
const WAIT: Duration = Duration::from_secs(10);

/// Held while a command writes or replaces the database; released when dropped.
#[derive(Debug)]
pub struct WriterLock {
    _file: File,
}

/// Takes the writers' lock on the database at `path`, waiting up to [`WAIT`] for
/// another writer. None when there is no file there yet (creating one never
/// replaces another's: see `create`).
///
/// Unix only: there `flock` is advisory and independent of SQLite's own locks.
/// Elsewhere (Windows) a file lock is mandatory and would stop SQLite itself from
/// reading the file, so no lock is taken and SQLite's alone holds.
#[cfg(not(unix))]
pub fn lock_writers(_: &Path) -> Result<Option<WriterLock>> {
    Ok(None)
}

#[cfg(unix)]
pub fn lock_writers(path: &Path) -> Result<Option<WriterLock>> {
    let deadline = Instant::now() + WAIT;
    loop {
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            // Unreadable: opening the database says why, in its own words.
            Err(_) => return Ok(None),
        };
        if !file.metadata().is_ok_and(|m| m.is_file()) {
            return Ok(None);
        }
        match file.try_lock() {
            Ok(()) if same_file(&file, path) => return Ok(Some(WriterLock { _file: file })),
            // Replaced while we waited: lock the file the path names now.
            Ok(()) => continue,
            Err(fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(Error::database(format!(
                    "the database is busy: another claimdb command is writing {}",
                    path.display()
                ))
                .with_hint("try again when it has finished"));
            }
            // A file system without advisory locks: SQLite's own lock still holds.
            Err(fs::TryLockError::Error(_)) => return Ok(None),
        }
    }
}

/// Waits until no writer holds the lock (at most [`WAIT`]): for a reader that
/// finds a writer's work in progress (a rollback journal, an older schema being
/// upgraded) and would rather see the result than fail.
pub fn wait_for_writers(path: &Path) {
    let _ = lock_writers(path);
}

/// Whether `path` still names the file `file` is open on.
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}
