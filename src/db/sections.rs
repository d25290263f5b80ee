//! A source's section outline: the headings of its text, stored so every claim
//! can be filed under the section its quote starts in.

use rusqlite::{Transaction, params};

/// Stores the heading outline of source `source_id`, derived from its text; returns
/// (heading line, section_id) of each section, in order.
pub fn insert_sections(
    tx: &Transaction,
    source_id: i64,
    body: &str,
    format: crate::text::blocks::Format,
) -> rusqlite::Result<Vec<(usize, i64)>> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO sections (source_id, heading, level, line_start, line_end)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut ids = Vec::new();
    for s in crate::text::outline::outline(body, format) {
        insert.execute(params![
            source_id,
            s.heading,
            s.level,
            s.line_start as i64,
            s.line_end as i64
        ])?;
        ids.push((s.line_start, tx.last_insert_rowid()));
    }
    Ok(ids)
}
