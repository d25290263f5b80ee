//! `claimdb sql "SELECT ..."`: ad-hoc read-only SQL, streamed in any format. The
//! guard (src/db/readonly.rs) makes SQLite itself refuse anything but reading.

use std::path::Path;
use std::time::Duration;

use crate::cli::SqlArgs;
use crate::db::readonly::GuardedConnection;
use crate::error::{Error, ErrorKind, Result};
use crate::output::{Cell, Column, Output};

/// Runs the query on the database at `path`, which it only ever reads.
pub fn run(path: &Path, out: &mut Output, args: &SqlArgs) -> Result<()> {
    let timeout = (args.timeout_ms > 0).then(|| Duration::from_millis(args.timeout_ms));
    let mut guarded = GuardedConnection::open(path, timeout)?;
    let clock = guarded.start_clock()?;
    clock.run();
    let mut stmt = guarded.prepare(&args.query)?;
    let columns: Vec<Column> = stmt
        .column_names()
        .map(|n| Column::named(n.to_string()))
        .collect();
    let mut rows = stmt.query([]).map_err(|e| guarded.query_error(e))?;
    let mut w = out.rows(&columns)?;
    let mut written: u64 = 0;
    loop {
        clock.run();
        let next = rows.next();
        clock.pause();
        let row = match next {
            Ok(Some(row)) => row,
            Ok(None) => break,
            Err(e) => {
                // Close the result properly (a JSON array stays valid) before failing.
                w.finish()?;
                return Err(guarded.query_error(e));
            }
        };
        if args.max_rows.is_some_and(|max| written >= max) {
            w.finish()?;
            return Err(Error::new(
                ErrorKind::Truncated,
                format!("the output was cut at {written} rows (--max-rows); the query has more"),
            ));
        }
        let cells: Vec<Cell> = (0..columns.len())
            .map(|i| row.get_ref(i).map(Cell::from))
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| guarded.query_error(e))?;
        w.row(&cells)?;
        written += 1;
    }
    w.finish()?;
    Ok(())
}
