//! The articles in the knowledge base, with claim counts (`claimdb sources`, the
//! sources report).

use rusqlite::Connection;

use crate::error::Result;
use crate::query::write_rows;
use crate::rows::{Column, Sink};

const COLUMNS: [Column; 8] = [
    Column::new("source"),
    Column::new("title"),
    Column::new("url"),
    Column::new("claims"),
    Column::new("lines"),
    Column::new("shipped"),
    Column::machine("sha256"),
    Column::new("added_at"),
];

pub fn sources(conn: &Connection, out: &mut dyn Sink) -> Result<()> {
    write_rows(
        conn,
        out,
        "SELECT src.slug, src.title, src.url,
                (SELECT count(*) FROM claims c WHERE c.source_id = src.source_id),
                length(src.body) - length(replace(src.body, char(10), '')) + 1,
                src.is_seed,
                src.sha256, src.added_at
         FROM sources src ORDER BY src.is_seed DESC, src.slug",
        [],
        &COLUMNS,
    )?;
    Ok(())
}
