//! The catalogues, with aliases and claim counts (`claimdb subjects`, `claimdb
//! topics`).

use rusqlite::Connection;

use crate::catalog;
use crate::error::Result;
use crate::query::write_rows;
use crate::rows::{Column, Sink};

const SUBJECT_COLUMNS: [Column; 4] = [
    Column::new("subject"),
    Column::list("aliases"),
    Column::new("claims"),
    Column::new("description"),
];

pub fn subjects(conn: &Connection, out: &mut dyn Sink) -> Result<()> {
    write_rows(
        conn,
        out,
        "SELECT s.name,
                (SELECT json_group_array(alias) FROM (
                    SELECT alias FROM subject_aliases a
                    WHERE a.subject_id = s.subject_id AND a.alias <> s.name ORDER BY alias)),
                (SELECT count(*) FROM claims c WHERE c.subject_id = s.subject_id),
                s.description
         FROM subjects s ORDER BY s.name",
        [],
        &SUBJECT_COLUMNS,
    )?;
    Ok(())
}

const TOPIC_COLUMNS: [Column; 5] = [
    Column::new("topic"),
    Column::new("category"),
    Column::list("aliases"),
    Column::new("claims"),
    Column::new("description"),
];

/// The topics, of one category (a name or alias) when given.
pub fn topics(conn: &Connection, out: &mut dyn Sink, category: Option<&str>) -> Result<()> {
    let category = match category {
        Some(c) => Some(catalog::resolve_category(conn, c)?),
        None => None,
    };
    write_rows(
        conn,
        out,
        "SELECT t.name, t.category,
                (SELECT json_group_array(alias) FROM (
                    SELECT alias FROM topic_aliases a
                    WHERE a.topic_id = t.topic_id AND a.alias <> t.name ORDER BY alias)),
                (SELECT count(*) FROM claims c WHERE c.topic_id = t.topic_id),
                t.description
         FROM topics t
         WHERE ?1 IS NULL OR t.category = ?1
         ORDER BY t.category, t.name",
        [category],
        &TOPIC_COLUMNS,
    )?;
    Ok(())
}

/// The names of the `limit` subjects with the most claims, most first (ties by
/// name): the examples a help text or a published first page offers.
pub fn subjects_by_claims(conn: &Connection, limit: u32) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT s.name FROM subjects s JOIN claims c ON c.subject_id = s.subject_id
         GROUP BY s.subject_id ORDER BY count(*) DESC, s.name LIMIT ?1",
    )?;
    let names = stmt
        .query_map([limit], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}
