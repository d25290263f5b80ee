//! The full-text index of a large load, built on a second core.
//!
//! SQLite does all the work of one connection on one thread, and filling the FTS5
//! index of a million claims (splitting every statement and quote into terms,
//! writing and merging the segments) takes as long as inserting the claims. So a
//! large load fills it somewhere else at the same time: a thread of its own, with
//! its own connection, fills a table of exactly the same FTS5 declaration in a
//! scratch database beside the knowledge base, from the rows the load sends it.
//! When the claims are in, the load's transaction copies that table's shadow tables
//! (`_data`, `_idx`, `_docsize`) over the knowledge base's own. The index is then
//! the one FTS5 would have written there, and it commits (or rolls back) with the
//! claims.
//!
//! The rows reach the building thread through a spool: a nameless scratch file
//! beside the knowledge base, written as the claims go in and read back by the
//! thread. The thread runs at a lower priority, so on two cores the reading,
//! checking and inserting go first, and it catches up while the load builds its
//! b-tree indexes and would otherwise leave a core idle. Its backlog waits on disk,
//! not in memory. When every row is sent, a new thread at the load's own priority
//! takes over what is left (a lowered priority cannot be raised again), so other
//! work on a busy machine does not starve the end of the import.
//!
//! Two rules keep that sound. The scratch index holds every claim, old and new, so
//! it replaces the old index whole. And the load's connection never writes the
//! full-text table itself while the scratch one is built: the triggers that keep it
//! in step are lifted (see `ingest::bulk_load::BulkLoad`), because FTS5 keeps
//! pending terms and a cached copy of the index's structure in the connection,
//! which would be written over the copied index at commit.

use std::fs::File;
use std::os::unix::fs::FileExt as _;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

use rusqlite::{Connection, OpenFlags, Transaction};

/// Rows for the index, a batch at a time: each claim's id, statement and quote,
/// their text copied end to end into one buffer (a fifth of the memory of the
/// records they come from, which the load can then free).
#[derive(Default)]
struct Batch {
    /// Bytes, not `str`: a claim written by another tool may hold text that is not
    /// UTF-8, and it is indexed as SQLite has it, as it would be from SQL.
    text: Vec<u8>,
    /// (claim_id, where its statement ends, where its quote ends) in `text`.
    rows: Vec<(i64, usize, usize)>,
}

impl Batch {
    fn push(&mut self, claim_id: i64, statement: &[u8], quote: &[u8]) {
        self.text.extend_from_slice(statement);
        let statement_end = self.text.len();
        self.text.extend_from_slice(quote);
        self.rows.push((claim_id, statement_end, self.text.len()));
    }

    fn len(&self) -> usize {
        self.rows.len()
    }

    /// The rows as bytes for the spool: (claim_id, statement end, quote end), each
    /// as 8 bytes, little-endian.
    fn rows_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(self.rows.len() * ROW_BYTES);
        for &(id, statement_end, quote_end) in &self.rows {
            bytes.extend_from_slice(&id.to_le_bytes());
            bytes.extend_from_slice(&(statement_end as u64).to_le_bytes());
            bytes.extend_from_slice(&(quote_end as u64).to_le_bytes());
        }
        bytes
    }

    /// The batch [`Batch::rows_bytes`] and its text were made from.
    fn from_parts(text: Vec<u8>, rows: &[u8]) -> Batch {
        let word = |b: &[u8]| u64::from_le_bytes(b.try_into().expect("8 bytes"));
        let rows = rows
            .chunks_exact(ROW_BYTES)
            .map(|r| {
                (
                    word(&r[..8]) as i64,
                    word(&r[8..16]) as usize,
                    word(&r[16..]) as usize,
                )
            })
            .collect();
        Batch { text, rows }
    }

    fn each(&self) -> impl Iterator<Item = (i64, &[u8], &[u8])> {
        let mut from = 0;
        self.rows
            .iter()
            .map(move |&(id, statement_end, quote_end)| {
                let row = (
                    id,
                    &self.text[from..statement_end],
                    &self.text[statement_end..quote_end],
                );
                from = quote_end;
                row
            })
    }
}

/// Bytes per row in the spool.
const ROW_BYTES: usize = 24;

/// Batches that may wait in the spool for the building thread (each message is a
/// few words).
const SPOOLED: usize = 4096;

/// How much lower than the load's own the building thread's priority is (a nice
/// value on Linux).
const LOWER_PRIORITY: i32 = 10;

/// Rows per batch sent to the building thread, however small the files they come
/// from; also the size of the chunks an import reads its files in.
pub const BATCH_ROWS: usize = 8_192;

/// The full-text table, as the migrations declare it.
const TABLE: &str = "claims_fts";

/// The name the scratch database is attached under while its index is copied.
const ATTACHED: &str = "claimdb_side_index";

/// Pending terms FTS5 holds before it writes a segment. At the default 1 MiB a
/// million claims make hundreds of segments to merge; 16 MiB makes a few dozen and
/// was no slower than 64 MiB, for a quarter of the memory.
pub const PENDING_BYTES: i64 = 16 << 20;

/// The shadow tables that hold an FTS5 index (its `_config` holds settings, and the
/// knowledge base keeps its own).
const SHADOW: [&str; 3] = ["data", "idx", "docsize"];

/// A batch on its way to the building thread, written to the spool at `at`: `text`
/// bytes of text, then `rows` rows.
struct Spooled {
    at: u64,
    text: usize,
    rows: usize,
}

/// The scratch file that holds the batches the building thread has not reached.
struct Spool {
    file: Arc<File>,
    end: u64,
}

impl Spool {
    fn write(&mut self, batch: &Batch) -> std::io::Result<Spooled> {
        let at = self.end;
        let rows = batch.rows_bytes();
        self.file.write_all_at(&batch.text, at)?;
        self.file
            .write_all_at(&rows, at + batch.text.len() as u64)?;
        self.end += (batch.text.len() + rows.len()) as u64;
        Ok(Spooled {
            at,
            text: batch.text.len(),
            rows: batch.rows.len(),
        })
    }
}

/// Reads back a batch that [`Spool::write`] wrote, and frees its space in the
/// spool where the file system can (so the spool takes only as much disk as the
/// batches still waiting).
fn unspool(file: &File, &Spooled { at, text, rows }: &Spooled) -> std::io::Result<Batch> {
    let mut bytes = vec![0; text];
    file.read_exact_at(&mut bytes, at)?;
    let mut row_bytes = vec![0; rows * ROW_BYTES];
    file.read_exact_at(&mut row_bytes, at + text as u64)?;
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{FallocateFlags, fallocate};
        let whole = (text + row_bytes.len()) as u64;
        let _ = fallocate(
            file,
            FallocateFlags::PUNCH_HOLE | FallocateFlags::KEEP_SIZE,
            at,
            whole,
        );
    }
    Ok(Batch::from_parts(bytes, &row_bytes))
}

/// An I/O error with the spool, as the SQLite error it stands for (the disk is
/// full, or it failed).
fn spool_error(e: &std::io::Error) -> rusqlite::Error {
    let code = if e.kind() == std::io::ErrorKind::StorageFull {
        rusqlite::ffi::SQLITE_FULL
    } else {
        rusqlite::ffi::SQLITE_IOERR
    };
    rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(code),
        Some(format!(
            "cannot use the scratch file of the full-text index beside the database: {e}"
        )),
    )
}

/// The thread building the index, and the channel that feeds it.
pub struct SideIndex {
    /// Rows not sent yet: they go a full batch at a time.
    pending: Batch,
    send: Option<SyncSender<Spooled>>,
    spool: Spool,
    /// Why the index cannot be complete, found on this side: the spool could not
    /// be written, or rows came after the last.
    failed: Option<rusqlite::Error>,
    thread: Option<JoinHandle<rusqlite::Result<Stopped>>>,
    /// How the building ended, when this thread had to finish it itself.
    ended: Option<rusqlite::Result<Stopped>>,
    /// Set when the load gives up, so the thread stops without finishing.
    abandon: Arc<AtomicBool>,
    /// Set when every row is sent, so the thread of lowered priority stops and
    /// hands its work to one of the load's own priority.
    hand_over: Arc<AtomicBool>,
    /// Set when a thread of the load's own priority took the work over.
    taken_over: Arc<AtomicBool>,
    attached: bool,
}

/// What the building thread works with: its connection (inside its transaction),
/// the rows to come, and the spool they are in.
struct Builder {
    conn: Connection,
    rows: Receiver<Spooled>,
    spool: Arc<File>,
    abandon: Arc<AtomicBool>,
    hand_over: Option<Arc<AtomicBool>>,
    /// A batch begun and not finished when the work was handed over, with the
    /// row to go on from.
    rest: Option<(Batch, usize)>,
}

/// Rows between two looks at whether to hand the work over: the import waits for
/// the hand-over, for at most this many rows of a thread of lowered priority.
const HAND_OVER_ROWS: usize = 256;

/// Why a building thread stopped without an error.
enum Stopped {
    /// The index is complete and committed.
    Done,
    /// The load gave up: the index is not complete.
    Abandoned,
    /// Every row is sent: another thread goes on with the rest.
    HandedOver(Box<Builder>),
}

impl SideIndex {
    /// Starts building the full-text table, declared by `declaration` (its SQL in the
    /// knowledge base's schema), in a scratch database beside the database file
    /// `db`, attached to `tx`'s connection to be copied from at the end. None when
    /// the scratch files cannot be made there; the load then fills the index
    /// itself.
    pub fn start(tx: &Transaction, db: &Path, declaration: &str) -> Option<SideIndex> {
        let db = std::fs::canonicalize(db).unwrap_or_else(|_| db.to_path_buf());
        let dir = match db.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => std::path::PathBuf::from("."),
        };
        let prefix = format!(".{}.claimdb-index-", db.file_name()?.to_string_lossy());
        remove_leftovers(&dir, &prefix);
        let scratch = || {
            tempfile::Builder::new()
                .prefix(&prefix)
                .suffix(".tmp")
                .tempfile_in(&dir)
                .ok()
        };
        let path = scratch()?.into_temp_path();
        // Both connections open the file before anything is written to it, and
        // then its name goes: nothing is left beside the database, even by an
        // import killed now. (The import's connection reads the table declared
        // below when it first names it, as it would one made by another process.)
        let name = crate::db::sqlite_path(&path);
        tx.execute(
            &format!("ATTACH ?1 AS {ATTACHED}"),
            [name.to_string_lossy()],
        )
        .ok()?;
        let conn = open_scratch(&path);
        drop(path);
        let detach = || {
            let _ = tx.execute_batch(&format!("DETACH {ATTACHED}"));
        };
        let Ok(conn) = conn.and_then(|conn| conn.execute_batch(declaration).map(|()| conn)) else {
            detach();
            return None;
        };
        // The spool loses its name at once (a leftover of a kill in that instant has
        // the scratch prefix, so the next large load removes it).
        let Some(spool) = scratch() else {
            detach();
            return None;
        };
        let spool = Spool {
            file: Arc::new(spool.into_file()),
            end: 0,
        };
        let (send, rows) = sync_channel(SPOOLED);
        let abandon = Arc::new(AtomicBool::new(false));
        let hand_over = Arc::new(AtomicBool::new(false));
        let builder = Builder {
            conn,
            rows,
            spool: spool.file.clone(),
            abandon: abandon.clone(),
            hand_over: Some(hand_over.clone()),
            rest: None,
        };
        let Ok(thread) = spawn(builder) else {
            detach();
            return None;
        };
        Some(SideIndex {
            pending: Batch::default(),
            send: Some(send),
            spool,
            failed: None,
            thread: Some(thread),
            ended: None,
            abandon,
            hand_over,
            taken_over: Arc::new(AtomicBool::new(false)),
            attached: true,
        })
    }

    /// Adds a claim to be indexed. Claims must come in the order of their ids. An
    /// error (the building thread stopped, the spool could not be written, a claim
    /// came after the last) comes out of [`SideIndex::copy_into`].
    pub fn push(&mut self, claim_id: i64, statement: &[u8], quote: &[u8]) {
        if self.hand_over.load(Ordering::Relaxed) {
            self.failed
                .get_or_insert_with(|| side_error("rows were sent after the last"));
            return;
        }
        self.pending.push(claim_id, statement, quote);
        if self.pending.len() >= BATCH_ROWS {
            self.send_pending();
        }
    }

    /// Sends the pending rows to the building thread.
    fn send_pending(&mut self) {
        let rows = std::mem::take(&mut self.pending);
        let Some(send) = &self.send else {
            return;
        };
        if self.thread.as_ref().is_some_and(|t| t.is_finished()) {
            // It stopped on an error: nothing more to write for it.
            self.send = None;
            return;
        }
        let message = match self.spool.write(&rows) {
            Ok(message) => message,
            Err(e) => {
                // The index cannot be complete: the thread stops.
                self.abandon.store(true, Ordering::Relaxed);
                self.send = None;
                self.failed = Some(spool_error(&e));
                return;
            }
        };
        // A thread gone says why when it is joined.
        let _ = send.send(message);
    }

    /// Tells the building thread that every row has been sent. The rows it has not
    /// reached are then indexed at the load's own priority: the thread of lowered
    /// priority stops within [`HAND_OVER_ROWS`] rows, and a new one goes on from
    /// there.
    pub fn end_of_rows(&mut self) {
        if self.hand_over.load(Ordering::Relaxed) {
            return;
        }
        if self.pending.len() > 0 {
            self.send_pending();
        }
        self.send = None;
        self.hand_over.store(true, Ordering::Relaxed);
        let Some(first) = self.thread.take() else {
            return;
        };
        // The first thread stops within a few hundred rows. It has ended when the
        // new one starts, so glibc gives the new one its memory arena, with the
        // memory it freed, instead of a new arena (15-20 MiB more at the peak of a
        // 1M import).
        match join(first) {
            Ok(Stopped::HandedOver(mut builder)) => {
                builder.hand_over = None;
                let taken_over = self.taken_over.clone();
                let next = std::thread::Builder::new()
                    .name("side-index".into())
                    .spawn(move || {
                        taken_over.store(true, Ordering::Relaxed);
                        build(*builder)
                    });
                match next {
                    Ok(next) => self.thread = Some(next),
                    Err(e) => {
                        self.ended = Some(Err(side_error(&format!("cannot start a thread: {e}"))))
                    }
                }
            }
            ended => self.ended = Some(ended),
        }
    }

    /// Waits for the index to be complete, then replaces the index of the table in
    /// `tx`'s database with it. The scratch database stays attached to the
    /// connection until [`SideIndex::detach`]: SQLite holds it until the
    /// transaction ends.
    pub fn copy_into(&mut self, tx: &Transaction) -> rusqlite::Result<()> {
        self.end_of_rows();
        let outcome = match self.thread.take() {
            Some(thread) => join(thread),
            None => self
                .ended
                .take()
                .unwrap_or_else(|| Err(side_error("the full-text index was not built"))),
        };
        // The building thread's own error first, then what this side found.
        let stopped = outcome?;
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        if !matches!(stopped, Stopped::Done) {
            return Err(side_error("the full-text index was left unfinished"));
        }
        for shadow in SHADOW {
            let name = format!("{TABLE}_{shadow}");
            // An emptied table and the same columns: SQLite copies the rows as
            // they are stored, without decoding them.
            tx.execute_batch(&format!(
                "DELETE FROM main.\"{name}\";
                 INSERT INTO main.\"{name}\" SELECT * FROM {ATTACHED}.\"{name}\";"
            ))?;
        }
        Ok(())
    }

    /// Detaches the scratch database once the load's transaction has ended, which
    /// frees its space.
    pub fn detach(mut self, conn: &Connection) -> rusqlite::Result<()> {
        if std::mem::take(&mut self.attached) {
            conn.execute_batch(&format!("DETACH {ATTACHED}"))?;
        }
        Ok(())
    }
}

impl Drop for SideIndex {
    fn drop(&mut self) {
        self.abandon.store(true, Ordering::Relaxed);
        self.send = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Opens the scratch database at `path`. Nobody else reads it until it is complete,
/// and it is thrown away if anything fails, so it needs no journal and no syncs.
fn open_scratch(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        crate::db::sqlite_path(path),
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.pragma_update(None, "journal_mode", "off")?;
    conn.pragma_update(None, "synchronous", "off")?;
    Ok(conn)
}

/// Removes scratch files of this database's earlier loads, left by a load killed
/// in the instant between making its file and letting go of its name. The caller
/// holds the database's write lock, so no other load of it is running.
fn remove_leftovers(dir: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(prefix)
            && name.ends_with(".tmp")
            && entry.file_type().is_ok_and(|t| t.is_file())
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Lowers the calling thread's priority by [`LOWER_PRIORITY`], as far as allowed.
/// Only where the priority belongs to the thread (Linux); elsewhere it would lower
/// the whole process's.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{getpriority_process, setpriority_process};
        let me = Some(rustix::thread::gettid());
        if let Ok(now) = getpriority_process(me) {
            let _ = setpriority_process(me, (now + LOWER_PRIORITY).min(19));
        }
    }
}

/// Starts the building thread, at a lowered priority: it begins the transaction and
/// the settings.
fn spawn(builder: Builder) -> std::io::Result<JoinHandle<rusqlite::Result<Stopped>>> {
    std::thread::Builder::new()
        .name("side-index".into())
        .spawn(move || {
            lower_priority();
            begin(&builder.conn)?;
            build(builder)
        })
}

/// Waits for a building thread. A panic there is a bug, reported as this thread's.
fn join(thread: JoinHandle<rusqlite::Result<Stopped>>) -> rusqlite::Result<Stopped> {
    thread
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// An error of the building itself, as a SQLite error of the load.
fn side_error(why: &str) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_ERROR),
        Some(format!("building the full-text index: {why}")),
    )
}

/// Opens the building transaction, with the settings of the scratch table only
/// (the knowledge base keeps its own `_config`): a large buffer of pending terms,
/// and no merging of the segments while they are written. A million claims then
/// make about ten segments, and FTS5 merges them a little at a time as later
/// writes come (automerge); a search over ten answers in milliseconds, as over one.
fn begin(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("BEGIN")?;
    for (setting, value) in [("hashsize", PENDING_BYTES), ("automerge", 0)] {
        conn.execute(
            &format!("INSERT INTO {TABLE} ({TABLE}, rank) VALUES (?1, ?2)"),
            rusqlite::params![setting, value],
        )?;
    }
    Ok(())
}

/// The building thread: the rows go in in one transaction, committed after the
/// last. Stops early, handing the work over, when asked to (see
/// [`SideIndex::end_of_rows`]).
fn build(mut builder: Builder) -> rusqlite::Result<Stopped> {
    let asked_to_stop = |b: &Builder| {
        b.hand_over
            .as_ref()
            .is_some_and(|h| h.load(Ordering::Relaxed))
    };
    let mut current = builder.rest.take();
    {
        // One row per statement: a statement that writes one row opens no statement
        // savepoint, at which FTS5 would write its pending terms out as a segment.
        let mut insert = builder.conn.prepare(&format!(
            "INSERT INTO {TABLE} (rowid, statement, quote) VALUES (?1, ?2, ?3)"
        ))?;
        loop {
            if builder.abandon.load(Ordering::Relaxed) {
                return Ok(Stopped::Abandoned);
            }
            let (batch, from) = match current.take() {
                Some(rest) => rest,
                None if asked_to_stop(&builder) => break,
                None => match builder.rows.recv() {
                    Err(_) => {
                        drop(insert);
                        if builder.abandon.load(Ordering::Relaxed) {
                            return Ok(Stopped::Abandoned);
                        }
                        builder.conn.execute_batch("COMMIT")?;
                        return Ok(Stopped::Done);
                    }
                    Ok(spooled) => (
                        unspool(&builder.spool, &spooled).map_err(|e| spool_error(&e))?,
                        0,
                    ),
                },
            };
            let mut stopped_at = None;
            for (n, (id, statement, quote)) in batch.each().enumerate().skip(from) {
                if n > from && n % HAND_OVER_ROWS == 0 && asked_to_stop(&builder) {
                    stopped_at = Some(n);
                    break;
                }
                use rusqlite::types::{ToSqlOutput::Borrowed, ValueRef::Text};
                insert.execute(rusqlite::params![
                    id,
                    Borrowed(Text(statement)),
                    Borrowed(Text(quote))
                ])?;
            }
            if let Some(n) = stopped_at {
                current = Some((batch, n));
                break;
            }
        }
    }
    builder.rest = current;
    Ok(Stopped::HandedOver(Box::new(builder)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_of(batch: &Batch) -> Vec<(i64, Vec<u8>, Vec<u8>)> {
        batch
            .each()
            .map(|(id, s, q)| (id, s.to_vec(), q.to_vec()))
            .collect()
    }

    #[test]
    fn batches_come_back_from_the_spool_as_they_went_in() {
        let dir = tempfile::tempdir().unwrap();
        let mut spool = Spool {
            file: Arc::new(tempfile::tempfile_in(dir.path()).unwrap()),
            end: 0,
        };
        let mut first = Batch::default();
        first.push(7, b"a statement", b"a quote, \xff not UTF-8");
        first.push(9, b"", b"q");
        let mut second = Batch::default();
        second.push(1 << 40, "é".as_bytes(), b"");
        let sent = [spool.write(&first).unwrap(), spool.write(&second).unwrap()];
        for (spooled, batch) in sent.iter().zip([&first, &second]) {
            let back = unspool(&spool.file, spooled).unwrap();
            assert_eq!(rows_of(&back), rows_of(batch));
        }
    }

    const DECLARATION: &str = "CREATE VIRTUAL TABLE claims_fts USING fts5 \
        (statement, quote, content=\"claims\", content_rowid=\"claim_id\")";

    /// A database with a claims table and its full-text table, in a new folder.
    fn knowledge_base() -> (tempfile::TempDir, std::path::PathBuf, Connection) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.sqlite3");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(&format!(
            "CREATE TABLE claims (claim_id INTEGER PRIMARY KEY, statement TEXT, quote TEXT);
             {DECLARATION};"
        ))
        .unwrap();
        (dir, path, conn)
    }

    /// `count` claims from `first` on, in the claims table and sent to `side`.
    fn claims(tx: &Transaction, side: &mut SideIndex, first: i64, count: i64) {
        for id in first..first + count {
            let statement = format!("statement number{id}");
            tx.execute(
                "INSERT INTO claims VALUES (?1, ?2, 'shared words')",
                rusqlite::params![id, statement],
            )
            .unwrap();
            side.push(id, statement.as_bytes(), b"shared words");
        }
    }

    fn files_in(dir: &Path) -> Vec<std::ffi::OsString> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect()
    }

    /// Rows sent much faster than they are indexed wait in the spool; after the
    /// last, a thread of the load's priority takes the rest over, and none is lost.
    #[test]
    fn every_row_sent_is_indexed_however_far_behind_the_index_is() {
        let (dir, path, mut conn) = knowledge_base();
        let tx = conn.transaction().unwrap();
        let mut side = SideIndex::start(&tx, &path, DECLARATION).unwrap();
        // Two full batches and a part: the part is sent at the end of the rows, so
        // the work is handed over with at least a batch to go, most often in the
        // middle of one (batches are much longer than the rows between two looks at
        // whether to hand over).
        claims(&tx, &mut side, 1, 20_000);
        side.end_of_rows();
        side.copy_into(&tx).unwrap();
        assert!(
            side.taken_over.load(Ordering::Relaxed),
            "the rows left were handed over"
        );
        let count = |query: &str| -> i64 {
            tx.query_row(
                "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?1",
                [query],
                |r| r.get(0),
            )
            .unwrap()
        };
        assert_eq!(count("shared"), 20_000);
        assert_eq!(count("number1"), 1);
        assert_eq!(count("number20000"), 1);
        tx.execute(
            "INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')",
            [],
        )
        .unwrap();
        tx.commit().unwrap();
        side.detach(&conn).unwrap();
        assert_eq!(
            files_in(dir.path()),
            ["kb.sqlite3"],
            "no scratch file is left"
        );
    }

    /// A spool that cannot be written, or rows sent after the last, make the
    /// copy fail: an index missing rows is never copied in.
    #[test]
    fn an_index_missing_rows_is_an_error_not_a_copy() {
        for late in [false, true] {
            let (dir, path, mut conn) = knowledge_base();
            let tx = conn.transaction().unwrap();
            let mut side = SideIndex::start(&tx, &path, DECLARATION).unwrap();
            claims(&tx, &mut side, 1, 100);
            if late {
                side.end_of_rows();
            } else {
                // The spool's file, opened for reading only.
                let read_only = dir.path().join("read-only");
                std::fs::write(&read_only, "").unwrap();
                side.spool.file = Arc::new(File::open(&read_only).unwrap());
            }
            claims(&tx, &mut side, 101, 100);
            let err = side.copy_into(&tx).unwrap_err().to_string();
            let says = if late {
                "rows were sent after the last"
            } else {
                "cannot use the scratch file of the full-text index"
            };
            assert!(err.contains(says), "{err}");
            drop(tx);
            side.detach(&conn).unwrap();
        }
    }
}
