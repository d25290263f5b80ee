//! Opening the knowledge base: where it lives, creating it on first use, checking
//! that a file really is a claimdb database, and bringing it up to date (migrations
//! and seed) before any command reads it.

pub mod migrations;
pub mod readonly;
pub mod schema_check;
pub mod schema_doc;
pub mod scope;
pub mod sections;
pub mod writers;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

/// Stored in `PRAGMA application_id` ("ClDB"), so claimdb can tell its own files
/// from other SQLite databases.
pub const APPLICATION_ID: i32 = 0x436c_4442;

/// Loads the shipped seed into the database being built or upgraded, inside its
/// transaction; returns the number of seed claims. The seed is claims files, read
/// and checked by the ingest layer above this one, so whoever opens the database
/// passes the loader in (`ingest::seed::load`). It runs when a database is built
/// without the prebuilt image, and when the seed a database holds is not this
/// binary's.
pub type LoadSeed = fn(&Transaction) -> Result<usize>;

/// Where the database is, and whether the user chose it.
#[derive(Debug, Clone)]
pub enum Location {
    /// `--db PATH` or `CLAIMDB_DB`: never created behind the user's back.
    Explicit(PathBuf),
    /// The user's data directory: created on first use.
    Default(PathBuf),
}

impl Location {
    pub fn from_flag(flag: Option<PathBuf>) -> Result<Location> {
        if let Some(path) = flag.filter(|p| !p.as_os_str().is_empty()) {
            return Ok(Location::Explicit(path));
        }
        let dir = dirs::data_dir().ok_or_else(|| {
            Error::database("cannot find a data directory for the default database")
                .with_hint("set --db PATH or CLAIMDB_DB")
        })?;
        Ok(Location::Default(
            dir.join("claimdb").join("claimdb.sqlite3"),
        ))
    }

    pub fn path(&self) -> &Path {
        match self {
            Location::Explicit(p) | Location::Default(p) => p,
        }
    }
}

pub struct Db {
    pub conn: Connection,
    pub path: PathBuf,
    /// True when the file or its directory cannot be written (read-only media, a
    /// 0444 file): the database is read as it is and write commands are refused.
    pub read_only: bool,
    /// The writers' lock, held by a command that writes (`writers`).
    writer: Option<writers::WriterLock>,
}

/// True for errors that mean the database file itself is at fault (damaged, not a
/// database, unreadable), as opposed to the query or the input.
pub fn is_file_fault(err: &rusqlite::Error) -> bool {
    use rusqlite::ErrorCode::*;
    matches!(
        err.sqlite_error_code(),
        Some(
            DatabaseCorrupt
                | NotADatabase
                | SystemIoFailure
                | CannotOpen
                | PermissionDenied
                | ReadOnly
        )
    )
}

/// What `init` did.
pub enum Initialised {
    Created,
    Rebuilt,
    AlreadyThere,
}

impl Db {
    /// Says which database a database error is about, when it does not already.
    pub fn name_in(&self, err: Error) -> Error {
        name_in(&self.path, err)
    }

    /// Opens the database for a command, bringing it up to date first. The default
    /// database is created on first use; an explicit path must already exist.
    pub fn open(location: &Location, load_seed: LoadSeed) -> Result<Db> {
        Db::open_existing(&existing_path(location, load_seed)?, load_seed, None)
    }

    /// [`Db::open`] for a command that writes: the writers' lock is taken before the
    /// file is opened and held until the command ends, so no other writer replaces
    /// or changes the file under it.
    pub fn open_writing(location: &Location, load_seed: LoadSeed) -> Result<Db> {
        let path = existing_path(location, load_seed)?;
        let lock = writers::lock_writers(&path)?;
        Db::open_existing(&path, load_seed, lock)
    }
}

/// Says which database a database error is about, when it does not already.
pub fn name_in(path: &Path, mut err: Error) -> Error {
    let path = path.display().to_string();
    if err.kind == crate::error::ErrorKind::Database && !err.message.contains(&path) {
        err.message = format!("{} (database {path})", err.message);
    }
    err
}

/// The database file a command reads: an existing regular file that is not empty.
/// The default database is created on first use; an explicit path must exist.
pub fn existing_path(location: &Location, load_seed: LoadSeed) -> Result<PathBuf> {
    let path = location.path();
    if !existing_file(path)? {
        match location {
            Location::Default(_) => {
                let created = create(path, load_seed)?;
                if created {
                    stderr_line!("claimdb: created the database {}", path.display());
                }
            }
            Location::Explicit(_) => return Err(missing(path)),
        }
    } else if fs::metadata(path).is_ok_and(|m| m.len() == 0) {
        return Err(someone_elses(path, "it is empty"));
    }
    Ok(path.to_path_buf())
}

impl Db {
    /// `init`: creates the database, or with `force` rebuilds it from scratch.
    pub fn init(
        location: &Location,
        force: bool,
        load_seed: LoadSeed,
    ) -> Result<(Db, Initialised)> {
        let path = location.path();
        let outcome = if !existing_file(path)? {
            create(path, load_seed)?;
            Initialised::Created
        } else if force || fs::metadata(path).is_ok_and(|m| m.len() == 0) {
            // A file its owner made read-only is not replaced, as `-o` does not
            // replace one (root could; the mode says the owner wants it kept).
            if fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
                return Err(Error::database(format!(
                    "{} is read-only; init --force does not replace it",
                    path.display()
                ))
                .with_hint("make it writable first (chmod u+w) if it is to be rebuilt"));
            }
            // Not while another command writes the file it replaces.
            let lock = writers::lock_writers(path)?;
            replace(path, load_seed)?;
            drop(lock);
            Initialised::Rebuilt
        } else {
            Initialised::AlreadyThere
        };
        Ok((Db::open_existing(path, load_seed, None)?, outcome))
    }

    /// Refuses to go on when the database cannot be written, saying why.
    pub fn writable(&self) -> Result<()> {
        if self.read_only {
            return Err(Error::database(format!(
                "cannot write the database {}: the file or its directory is read-only",
                self.path.display()
            ))
            .with_hint("copy it somewhere writable and point --db at the copy"));
        }
        Ok(())
    }

    fn open_existing(
        path: &Path,
        load_seed: LoadSeed,
        writer: Option<writers::WriterLock>,
    ) -> Result<Db> {
        let read_only = !file_writable(path)?;
        let opened = if read_only {
            None
        } else {
            let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let conn = Connection::open_with_flags(sqlite_path(path), flags)
                .map_err(|e| cannot_open(path, &e.to_string()))?;
            // Read the header before anything else touches the file, so a file that
            // is not a database is reported as such. A directory the user cannot
            // write (no room for the -wal and -shm files) is read read-only.
            match header(&conn) {
                Err(HeaderError::CannotOpen(_)) => None,
                Err(e) => return Err(not_claimdb(path, &e)),
                Ok(header) => Some((conn, header)),
            }
        };
        let (conn, header, read_only) = match opened {
            Some((conn, header)) => (conn, header, false),
            None => {
                let conn = open_read_only(path)?;
                let header = header(&conn).map_err(|e| match e {
                    HeaderError::CannotOpen(why) => cannot_open(path, &why),
                    other => not_claimdb(path, other),
                })?;
                (conn, header, true)
            }
        };
        configure(&conn, read_only)?;
        let mut db = Db {
            conn,
            path: path.to_path_buf(),
            read_only,
            writer,
        };
        db.check_and_upgrade(header, load_seed)?;
        Ok(db)
    }

    /// Refuses files that are not claimdb databases, then applies pending migrations
    /// and refreshes the seed when this binary's seed differs from the one loaded.
    fn check_and_upgrade(&mut self, first_read: (i32, u32), load_seed: LoadSeed) -> Result<()> {
        let path = self.path.clone();
        let latest = migrations::latest_version();
        // The version and the schema are read in one snapshot: another process may
        // upgrade the file between two reads, and a schema one version newer than
        // the version read first is not a file changed outside claimdb.
        let snapshot = self.conn.transaction()?;
        let (app_id, version) = header(&snapshot).unwrap_or(first_read);
        if app_id != APPLICATION_ID {
            return Err(someone_elses(&path, "it has no claimdb application id"));
        }
        if version > latest {
            return Err(Error::database(format!(
                "{} was written by a newer claimdb (schema {version}; this one knows {latest})",
                path.display()
            ))
            .with_hint("upgrade claimdb"));
        }
        // Before any statement reads claimdb's objects: a planted view or trigger
        // must not run.
        schema_check::check(&snapshot, &path, version)?;
        snapshot.commit()?;
        if version == latest
            && seed_fingerprint(&self.conn)?.as_deref() == Some(migrations::SEED_FINGERPRINT)
        {
            return Ok(());
        }
        if self.read_only {
            // Nothing can be written: an older seed is read as it is; an older
            // schema cannot be.
            if version == latest {
                return Ok(());
            }
            return Err(Error::database(format!(
                "{} needs an upgrade (schema {version} to {latest}), but it is read-only",
                path.display()
            ))
            .with_hint("copy it somewhere writable and run any claimdb command on the copy once"));
        }
        // Another process may be upgrading at the same moment: take the writers'
        // lock (unless this command holds it) and SQLite's, then look again.
        let _upgrading = match self.writer {
            Some(_) => None,
            None => writers::lock_writers(&path)?,
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (_, version) = header(&tx).map_err(|e| not_claimdb(&path, &e))?;
        migrations::apply(&tx, version)?;
        if seed_fingerprint(&tx)?.as_deref() != Some(migrations::SEED_FINGERPRINT) {
            load_seed(&tx)?;
        }
        tx.commit()?;
        Ok(())
    }
}

/// Why a database header could not be read.
enum HeaderError {
    /// SQLite could not open the file or the files beside it (-wal, -shm).
    CannotOpen(String),
    Other(String),
}

impl std::fmt::Display for HeaderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HeaderError::CannotOpen(s) | HeaderError::Other(s) => f.write_str(s),
        }
    }
}

fn header(conn: &Connection) -> std::result::Result<(i32, u32), HeaderError> {
    let read = || -> rusqlite::Result<(i32, u32)> {
        let app_id = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        Ok((app_id, version))
    };
    read().map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => {
            HeaderError::Other("it is not a SQLite database".to_string())
        }
        Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly) => {
            HeaderError::CannotOpen(e.to_string())
        }
        _ => HeaderError::Other(e.to_string()),
    })
}

/// Checks a database header read on a read-only connection (`sql`): claimdb's
/// application id and a schema this binary knows.
pub fn check_header(conn: &Connection, path: &Path) -> Result<()> {
    let (app_id, version) = header(conn).map_err(|e| match e {
        HeaderError::CannotOpen(why) => cannot_open(path, &why),
        other => not_claimdb(path, &other),
    })?;
    if app_id != APPLICATION_ID {
        return Err(someone_elses(path, "it has no claimdb application id"));
    }
    let latest = migrations::latest_version();
    if version != latest {
        return Err(Error::database(format!(
            "{} has schema {version}; this claimdb reads schema {latest}",
            path.display()
        ))
        .with_hint(if version < latest {
            "run any other claimdb command once to upgrade it"
        } else {
            "upgrade claimdb"
        }));
    }
    schema_check::check(conn, path, version)
}

/// True when `path` is an existing regular file (or a link to one), false when
/// nothing is there. Anything else (a directory, device, FIFO or socket) is refused
/// and left alone.
pub fn existing_file(path: &Path) -> Result<bool> {
    match fs::metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(cannot_open(path, &e.to_string())),
        Ok(meta) if meta.is_dir() => {
            Err(cannot_open(path, "it is a directory, not a database file"))
        }
        Ok(meta) if !meta.is_file() => Err(cannot_open(
            path,
            "it is not a regular file (a device, FIFO or socket)",
        )),
        Ok(_) => Ok(true),
    }
}

/// The path as SQLite must see it: a relative path gets a leading `./`, so that a
/// file named `file:x` is that file and never a SQLite URI.
pub fn sqlite_path(path: &Path) -> PathBuf {
    if path.is_relative() {
        Path::new(".").join(path)
    } else {
        path.to_path_buf()
    }
}

/// Whether the database file itself can be written (opening it for writing
/// changes nothing).
fn file_writable(path: &Path) -> Result<bool> {
    match fs::OpenOptions::new().write(true).open(path) {
        Ok(_) => Ok(true),
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
            ) =>
        {
            Ok(false)
        }
        Err(e) => Err(cannot_open(path, &e.to_string())),
    }
}

/// A read-only connection to the claimdb database at `path` (`sql`): nothing is
/// migrated, refreshed or checkpointed, and a file that cannot be written gets no
/// -wal or -shm beside it.
pub fn open_for_reading(path: &Path) -> Result<Connection> {
    // A file older than this binary may be being upgraded by another command right
    // now (taking the writers' lock): wait for it, then read the upgraded file.
    let conn = open_for_reading_once(path)?;
    if matches!(header(&conn), Ok((_, v)) if v < migrations::latest_version()) {
        drop(conn);
        writers::wait_for_writers(path);
        let conn = open_for_reading_once(path)?;
        check_header(&conn, path)?;
        return Ok(conn);
    }
    check_header(&conn, path)?;
    Ok(conn)
}

fn open_for_reading_once(path: &Path) -> Result<Connection> {
    refuse_hot_journal(path)?;
    if file_writable(path)? {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(sqlite_path(path), flags)
            .map_err(|e| cannot_open(path, &e.to_string()))?;
        match header(&conn) {
            Err(HeaderError::CannotOpen(_)) => {}
            _ => return Ok(conn),
        }
    }
    open_read_only(path)
}

/// Opens a database that cannot be written without writing anything beside it.
/// With no pending write-ahead log, SQLite is told the file is immutable, so it
/// creates no -wal or -shm file; the URI is built here from the path, every byte
/// that could mean something to a URI parser percent-encoded. With a pending log
/// the file is opened read-only the ordinary way, so the log is read too.
pub fn open_read_only(path: &Path) -> Result<Connection> {
    refuse_hot_journal(path)?;
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let pending_log = fs::metadata(&wal).is_ok_and(|m| m.len() > 0);
    let base = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let opened = if pending_log {
        Connection::open_with_flags(sqlite_path(path), base)
    } else {
        Connection::open_with_flags(immutable_uri(path), base | OpenFlags::SQLITE_OPEN_URI)
    };
    opened.map_err(|e| cannot_open(path, &e.to_string()))
}

/// A rollback journal beside the file with a live header is "hot": a writer
/// stopped (or is still running) in the middle of a transaction, and the file may
/// hold pages it never committed. Only a connection that can write rolls it back;
/// a read-only one (or one told the file is immutable) would skip it and show the
/// uncommitted rows, so reading is refused (exit 4) until it is rolled back.
fn refuse_hot_journal(path: &Path) -> Result<()> {
    use std::io::Read as _;
    let mut journal = path.as_os_str().to_owned();
    journal.push("-journal");
    let journal = std::path::PathBuf::from(journal);
    let hot = || {
        let mut head = [0u8; 8];
        fs::File::open(&journal)
            .and_then(|mut f| f.read(&mut head))
            .is_ok_and(|n| n > 0 && head[..n].iter().any(|&b| b != 0))
    };
    // A claimdb writer still running (the upgrade of a version-1 file writes
    // through a rollback journal) holds the writers' lock: wait for it to end.
    if !hot() || (writers::wait_for_writers(path), !hot()).1 {
        return Ok(());
    }
    Err(Error::database(format!(
        "{} has an unfinished transaction: {} is the rollback journal of a write that \
         did not end, so reading now could show changes that were never committed",
        path.display(),
        journal.display()
    ))
    .with_hint(format!(
        "let the writer finish, or roll the change back with a command that may write, \
         such as `claimdb --db {} verify` (or `sqlite3 {} 'PRAGMA quick_check'`), then try again",
        path.display(),
        path.display()
    )))
}

fn immutable_uri(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt as _;
    let mut uri = String::from(if path.is_absolute() {
        "file://"
    } else {
        "file:"
    });
    for &b in path.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'.' | b'_' | b'~') {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

fn missing(path: &Path) -> Error {
    Error::database(format!("the database {} does not exist", path.display())).with_hint(format!(
        "create it with `claimdb --db {} init`",
        path.display()
    ))
}

fn seed_fingerprint(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'seed_fingerprint'",
            [],
            |r| r.get(0),
        )
        .optional()?)
}

/// Per-connection settings (not part of any migration).
fn configure(conn: &Connection, read_only: bool) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(10))?;
    if read_only {
        return Ok(());
    }
    conn.pragma_update(None, "foreign_keys", true)?;
    // In WAL mode NORMAL never corrupts the database and survives a killed process;
    // only a power cut can lose the last commits. FULL would sync every commit.
    conn.pragma_update(None, "synchronous", "normal")?;
    Ok(())
}

fn cannot_open(path: &Path, why: &str) -> Error {
    Error::database(format!(
        "cannot open the database {}: {why}",
        path.display()
    ))
}

/// A file that cannot be read as a claimdb database. It may be a damaged one, so the
/// hint never suggests rebuilding it (that would destroy what is left).
fn not_claimdb(path: &Path, why: impl std::fmt::Display) -> Error {
    Error::database(format!(
        "{} is not a claimdb database: {why}",
        path.display()
    ))
    .with_hint("point --db at a claimdb database; if this was one, restore it from a copy")
}

/// A file known not to be a claimdb database (empty, or another program's SQLite
/// database): only then may the hint suggest replacing it.
fn someone_elses(path: &Path, why: &str) -> Error {
    Error::database(format!(
        "{} is not a claimdb database: {why}",
        path.display()
    ))
    .with_hint(format!(
        "point --db at a claimdb database, or replace this file with a new one: `claimdb --db {} init --force`",
        path.display()
    ))
}

/// Builds a complete database in a temporary file beside `path`: schema, seed,
/// WAL mode. The caller moves it into place, so nobody ever sees half a database.
///
/// The binary carries that database prebuilt (seed/image/, checked by a test to be
/// what [`build_seeded`] makes), so a first run writes one file instead of running
/// the migrations and loading 322 claims.
fn build_beside(path: &Path, load_seed: LoadSeed) -> Result<tempfile::TempPath> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir).map_err(|e| cannot_create(path, &e))?;
    let mut file = tempfile::Builder::new()
        .prefix(".claimdb-new-")
        .tempfile_in(dir)
        .map_err(|e| cannot_create(path, &e))?;
    match migrations::SEED_IMAGE {
        Some(image) => {
            use std::io::Write as _;
            file.write_all(image)
                .and_then(|()| file.as_file().sync_all())
                .map_err(|e| cannot_create(path, &e))?;
            Ok(file.into_temp_path())
        }
        None => {
            let temp = file.into_temp_path();
            build_seeded(&temp, load_seed)?;
            fs::File::open(&temp)
                .and_then(|f| f.sync_all())
                .map_err(|e| cannot_create(path, &e))?;
            Ok(temp)
        }
    }
}

/// Builds the schema and loads the seed into the empty file at `path`, leaving it in
/// WAL mode with no -wal file beside it.
pub(crate) fn build_seeded(path: &Path, load_seed: LoadSeed) -> Result<()> {
    let mut conn = Connection::open_with_flags(
        sqlite_path(path),
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
    )
    .map_err(|e| cannot_open(path, &e.to_string()))?;
    configure(&conn, false)?;
    // Nobody else sees this file until it is complete and renamed into place, so it
    // needs no journal and no syncs while it is built; the caller syncs it once
    // before the rename.
    conn.pragma_update(None, "journal_mode", "off")?;
    conn.pragma_update(None, "synchronous", "off")?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    let tx = conn.transaction()?;
    migrations::apply(&tx, 0)?;
    load_seed(&tx)?;
    tx.commit()?;
    // WAL lets readers go on while an import writes; the setting is stored in the
    // file. The connection is closed before the rename so no -wal file is left
    // behind under the temporary name.
    conn.pragma_update(None, "journal_mode", "wal")?;
    conn.close().map_err(|(_, e)| Error::from(e))?;
    Ok(())
}

fn cannot_create(path: &Path, err: &io::Error) -> Error {
    Error::database(format!(
        "cannot create the database {}: {err}",
        path.display()
    ))
}

/// Creates a new database at `path`. Returns false when another process created it
/// first (its database is then used as it is).
fn create(path: &Path, load_seed: LoadSeed) -> Result<bool> {
    let temp = build_beside(path, load_seed)?;
    match temp.persist_noclobber(path) {
        Ok(()) => Ok(true),
        Err(e) if path.exists() => {
            drop(e);
            Ok(false)
        }
        Err(e) => Err(cannot_create(path, &e.error)),
    }
}

/// Replaces the database at `path` with a new one (`init --force`).
fn replace(path: &Path, load_seed: LoadSeed) -> Result<()> {
    let temp = build_beside(path, load_seed)?;
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        match fs::remove_file(&side) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(cannot_create(path, &e)),
            _ => {}
        }
    }
    temp.persist(path)
        .map_err(|e| cannot_create(path, &e.error))?;
    Ok(())
}
