//! Every table and view users can query, with a line per column (`claimdb
//! schema`; `publish` documents the same objects).

use rusqlite::Connection;

use crate::db::schema_doc::DOCS;
use crate::error::Result;
use crate::rows::{Cell, Column, Sink};

const COLUMNS: [Column; 5] = [
    Column::new("table"),
    Column::new("type"),
    Column::new("column"),
    Column::new("column_type"),
    Column::new("description"),
];

/// The documented objects as (name, type) in schema order. FTS5's shadow tables and
/// SQLite's own are internal and left out.
pub fn objects(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT name, CASE WHEN sql LIKE 'CREATE VIRTUAL TABLE%' THEN 'virtual table' ELSE type END
         FROM sqlite_schema
         WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'claims_fts_%'
         ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, rowid",
    )?;
    let objects = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(objects)
}

/// Every documented table and view, then a row per column, with descriptions.
pub fn schema(conn: &Connection, out: &mut dyn Sink) -> Result<()> {
    let describe = |table: &str, column: &str| {
        DOCS.iter()
            .find(|(t, c, _)| *t == table && *c == column)
            .map(|(_, _, d)| *d)
            .unwrap_or("")
    };
    let mut columns_of =
        conn.prepare("SELECT name, type FROM pragma_table_info(?1) ORDER BY cid")?;
    let mut w = out.rows(&COLUMNS)?;
    for (table, kind) in objects(conn)? {
        // A user's own view whose table is gone has no columns to list; it is
        // theirs and left alone (claimdb's own objects are checked on open).
        let cols: rusqlite::Result<Vec<(String, String)>> = columns_of
            .query_map([&table], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect());
        let (cols, description) = match cols {
            Ok(cols) => (cols, describe(&table, "").to_string()),
            Err(e) if kind == "view" => (Vec::new(), format!("your view; it does not work: {e}")),
            Err(e) => return Err(e.into()),
        };
        w.row(&[
            Cell::from(table.as_str()),
            Cell::from(kind.as_str()),
            Cell::Null,
            Cell::Null,
            Cell::from(description),
        ])?;
        for (column, column_type) in cols {
            w.row(&[
                Cell::from(table.as_str()),
                Cell::from(kind.as_str()),
                Cell::from(column.as_str()),
                Cell::from(column_type),
                Cell::from(describe(&table, &column)),
            ])?;
        }
    }
    w.finish()?;
    Ok(())
}
