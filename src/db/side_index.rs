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
//! Two rules keep that sound. The scratch index holds every claim, old and new, so
//! it replaces the old index whole. And the load's connection never writes the
//! full-text table itself while the scratch one is built: the triggers that keep it
//! in step are lifted (see `ingest::BulkLoad`), because FTS5 keeps pending terms
//! and a cached copy of the index's structure in the connection, which would be
//! written over the copied index at commit.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

use rusqlite::{Connection, OpenFlags, Transaction};

/// Rows for the index, a chunk at a time: each claim's id, statement and quote,
/// their text copied end to end into one buffer (a fifth of the memory of the
/// records they come from, which the load can then free).
#[derive(Default)]
pub struct Batch {
    /// Bytes, not `str`: a claim written by another tool may hold text that is not
    /// UTF-8, and it is indexed as SQLite has it, as it would be from SQL.
    text: Vec<u8>,
    /// (claim_id, where its statement ends, where its quote ends) in `text`.
    rows: Vec<(i64, usize, usize)>,
}

impl Batch {
    pub fn push(&mut self, claim_id: i64, statement: &[u8], quote: &[u8]) {
        self.text.extend_from_slice(statement);
        let statement_end = self.text.len();
        self.text.extend_from_slice(quote);
        self.rows.push((claim_id, statement_end, self.text.len()));
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
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

/// Rows per batch of claims the load had before it began: the size of the chunks
/// an import reads its files in.
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

/// The thread building the index, and the channel that feeds it.
pub struct SideIndex {
    send: Option<SyncSender<Batch>>,
    thread: Option<JoinHandle<rusqlite::Result<()>>>,
    /// Set when the load gives up, so the thread stops without finishing.
    abandon: Arc<AtomicBool>,
    attached: bool,
}

impl SideIndex {
    /// Starts building the full-text table, declared by `declaration` (its SQL in the
    /// knowledge base's schema), in a scratch database beside the database file
    /// `db`, attached to `tx`'s connection to be copied from at the end. None when
    /// the scratch database cannot be made there; the load then fills the index
    /// itself.
    pub fn start(tx: &Transaction, db: &Path, declaration: &str) -> Option<SideIndex> {
        let db = std::fs::canonicalize(db).unwrap_or_else(|_| db.to_path_buf());
        let dir = match db.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => std::path::PathBuf::from("."),
        };
        let prefix = format!(".{}.claimdb-index-", db.file_name()?.to_string_lossy());
        remove_leftovers(&dir, &prefix);
        let path = tempfile::Builder::new()
            .prefix(&prefix)
            .suffix(".tmp")
            .tempfile_in(&dir)
            .ok()?
            .into_temp_path();
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
        // Built from rows sent a chunk ahead at most, so memory stays bounded.
        let (send, rows) = sync_channel::<Batch>(1);
        let abandon = Arc::new(AtomicBool::new(false));
        let thread = {
            let abandon = abandon.clone();
            std::thread::Builder::new()
                .name("side-index".into())
                .spawn(move || build(conn, rows, &abandon))
        };
        let Ok(thread) = thread else {
            detach();
            return None;
        };
        Some(SideIndex {
            send: Some(send),
            thread: Some(thread),
            abandon,
            attached: true,
        })
    }

    /// Sends rows to be indexed. False when the building thread has stopped (its
    /// error comes out of [`SideIndex::copy_into`]).
    pub fn send(&self, rows: Batch) -> bool {
        self.send.as_ref().is_some_and(|s| s.send(rows).is_ok())
    }

    /// Tells the building thread that every row has been sent.
    pub fn end_of_rows(&mut self) {
        self.send = None;
    }

    /// Waits for the index to be complete, then replaces the index of the table in
    /// `tx`'s database with it. The scratch database stays attached to the
    /// connection until [`SideIndex::detach`]: SQLite holds it until the
    /// transaction ends.
    pub fn copy_into(&mut self, tx: &Transaction) -> rusqlite::Result<()> {
        self.send = None;
        if let Some(thread) = self.thread.take() {
            // A panic there is a bug, reported as this thread's.
            thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
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

/// The building thread: the rows go in in one transaction.
fn build(
    mut conn: Connection,
    rows: Receiver<Batch>,
    abandon: &AtomicBool,
) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    // Settings of the scratch table only (the knowledge base keeps its own
    // `_config`): a large buffer of pending terms, and no merging of the segments
    // while they are written. A million claims then make about ten segments, and
    // FTS5 merges them a little at a time as later writes come (automerge); a
    // search over ten answers in milliseconds, as over one.
    for (setting, value) in [("hashsize", PENDING_BYTES), ("automerge", 0)] {
        tx.execute(
            &format!("INSERT INTO {TABLE} ({TABLE}, rank) VALUES (?1, ?2)"),
            rusqlite::params![setting, value],
        )?;
    }
    {
        // One row per statement: a statement that writes one row opens no statement
        // savepoint, at which FTS5 would write its pending terms out as a segment.
        let mut insert = tx.prepare(&format!(
            "INSERT INTO {TABLE} (rowid, statement, quote) VALUES (?1, ?2, ?3)"
        ))?;
        for batch in rows {
            if abandon.load(Ordering::Relaxed) {
                return Ok(());
            }
            for (id, statement, quote) in batch.each() {
                use rusqlite::types::{ToSqlOutput::Borrowed, ValueRef::Text};
                insert.execute(rusqlite::params![
                    id,
                    Borrowed(Text(statement)),
                    Borrowed(Text(quote))
                ])?;
            }
        }
    }
    if abandon.load(Ordering::Relaxed) {
        return Ok(());
    }
    tx.commit()
}
