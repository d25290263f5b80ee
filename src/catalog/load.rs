//! The catalogue's names for a reader of text (`draft`, `ask`): every subject,
//! topic and category with the aliases people write, loaded in one place. A reader
//! that needs only some names says which (`ask` keeps those its question may use;
//! a large knowledge base has thousands).

use std::collections::HashMap;

use rusqlite::Connection;

use crate::error::Result;

/// One alias as stored: as written, and its folded key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    pub alias: String,
    pub key: String,
}

/// A catalogue entry: its canonical name, its category (topics only; empty
/// otherwise) and its aliases in the order of their keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub category: String,
    pub aliases: Vec<Alias>,
}

/// Every subject, topic and category kept, each in name order.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub subjects: Vec<Entry>,
    pub topics: Vec<Entry>,
    pub categories: Vec<Entry>,
}

/// Which names a reader keeps: an entry stays when its name or one of its aliases'
/// keys passes; only the aliases whose keys pass come with it.
pub trait Keep {
    fn keeps(&self, text: &str) -> bool;
}

/// Keeps everything.
pub struct All;

impl Keep for All {
    fn keeps(&self, _: &str) -> bool {
        true
    }
}

/// The subjects, topics and categories that `keep` keeps.
pub fn load(conn: &Connection, keep: &dyn Keep) -> Result<Names> {
    Ok(Names {
        subjects: entries(
            conn,
            keep,
            "SELECT CAST(subject_id AS TEXT), name, '' FROM subjects",
            "SELECT CAST(subject_id AS TEXT), alias, key FROM subject_aliases",
        )?,
        topics: entries(
            conn,
            keep,
            "SELECT CAST(topic_id AS TEXT), name, category FROM topics",
            "SELECT CAST(topic_id AS TEXT), alias, key FROM topic_aliases",
        )?,
        categories: entries(
            conn,
            keep,
            "SELECT category, category, '' FROM categories",
            "SELECT category, alias, key FROM category_aliases",
        )?,
    })
}

/// A text column, or None where another tool stored bytes that are not UTF-8 (such a
/// name can match nothing a person types).
fn text(r: &rusqlite::Row, i: usize) -> Result<Option<String>> {
    Ok(match r.get_ref(i)? {
        rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t).ok().map(String::from),
        _ => None,
    })
}

/// Two plain scans merged here (a join would scan the aliases once per name). The
/// first column of both queries is the entry's id as text.
fn entries(
    conn: &Connection,
    keep: &dyn Keep,
    names_sql: &str,
    aliases_sql: &str,
) -> Result<Vec<Entry>> {
    let mut aliases: HashMap<String, Vec<Alias>> = HashMap::new();
    let mut stmt = conn.prepare(aliases_sql)?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (Some(id), Some(alias), Some(key)) = (text(r, 0)?, text(r, 1)?, text(r, 2)?) else {
            continue;
        };
        if keep.keeps(&key) {
            aliases.entry(id).or_default().push(Alias { alias, key });
        }
    }
    let mut out: Vec<Entry> = Vec::new();
    let mut stmt = conn.prepare(names_sql)?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (Some(id), Some(name)) = (text(r, 0)?, text(r, 1)?) else {
            continue;
        };
        let found = aliases.remove(&id);
        if found.is_some() || keep.keeps(&name) {
            let mut aliases = found.unwrap_or_default();
            aliases.sort_by(|a, b| a.key.cmp(&b.key));
            out.push(Entry {
                name,
                category: text(r, 2)?.unwrap_or_default(),
                aliases,
            });
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}
