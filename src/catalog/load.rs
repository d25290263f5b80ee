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
    let mut names = load_names(conn, keep)?;
    names.categories = entries(
        conn,
        keep,
        "SELECT 0, category, category, '' FROM categories",
        "SELECT 0, category, alias, key FROM category_aliases",
    )?;
    Ok(names)
}

/// The subjects and topics that `keep` keeps, no categories (a question names none).
pub fn load_names(conn: &Connection, keep: &dyn Keep) -> Result<Names> {
    Ok(Names {
        subjects: entries(
            conn,
            keep,
            "SELECT subject_id, '', name, '' FROM subjects",
            "SELECT subject_id, '', alias, key FROM subject_aliases",
        )?,
        topics: entries(
            conn,
            keep,
            "SELECT topic_id, '', name, category FROM topics",
            "SELECT topic_id, '', alias, key FROM topic_aliases",
        )?,
        categories: Vec::new(),
    })
}

/// A text column, or None where another tool stored bytes that are not UTF-8 (such a
/// name can match nothing a person types). Borrowed from the row: most names are
/// looked at and not kept.
fn text<'r>(r: &'r rusqlite::Row, i: usize) -> Result<Option<&'r str>> {
    Ok(match r.get_ref(i)? {
        rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t).ok(),
        _ => None,
    })
}

/// An entry's id: its integer id (subjects, topics), or its name where the table
/// has no integer id (categories; the first column is then 0).
#[derive(PartialEq, Eq, Hash)]
enum Id {
    Number(i64),
    Name(String),
}

fn id(r: &rusqlite::Row) -> Result<Option<Id>> {
    let number: i64 = match r.get_ref(0)? {
        rusqlite::types::ValueRef::Integer(n) => n,
        _ => return Ok(None),
    };
    if number != 0 {
        return Ok(Some(Id::Number(number)));
    }
    Ok(text(r, 1)?.map(|n| Id::Name(n.to_string())))
}

/// Two plain scans merged here (a join would scan the aliases once per name). The
/// columns of both queries: the entry's integer id (0 where it has none), its name
/// where the id is 0, then the name or alias, and the category or alias key.
fn entries(
    conn: &Connection,
    keep: &dyn Keep,
    names_sql: &str,
    aliases_sql: &str,
) -> Result<Vec<Entry>> {
    let mut aliases: HashMap<Id, Vec<Alias>> = HashMap::new();
    let mut stmt = conn.prepare(aliases_sql)?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let Some(key) = text(r, 3)? else {
            continue;
        };
        if !keep.keeps(key) {
            continue;
        }
        let (Some(id), Some(alias)) = (id(r)?, text(r, 2)?) else {
            continue;
        };
        aliases.entry(id).or_default().push(Alias {
            alias: alias.to_string(),
            key: key.to_string(),
        });
    }
    let mut out: Vec<Entry> = Vec::new();
    let mut stmt = conn.prepare(names_sql)?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let Some(name) = text(r, 2)? else {
            continue;
        };
        let found = if aliases.is_empty() {
            None
        } else {
            match id(r)? {
                Some(id) => aliases.remove(&id),
                None => continue,
            }
        };
        if found.is_some() || keep.keeps(name) {
            let mut aliases = found.unwrap_or_default();
            aliases.sort_by(|a, b| a.key.cmp(&b.key));
            out.push(Entry {
                name: name.to_string(),
                category: text(r, 3)?.unwrap_or_default().to_string(),
                aliases,
            });
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}
