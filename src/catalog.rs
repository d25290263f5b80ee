//! Resolving the names people type (subjects, topics, categories) to what the
//! database knows, with "did you mean" suggestions when nothing matches. Every
//! command resolves names through here, so they all accept the same aliases.

pub mod load;

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};

use crate::error::{Error, Result};
use crate::names::{closest, did_you_mean, fold, other_numbers};

/// A resolved subject or topic: its row id and canonical name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, Copy)]
enum Catalogue {
    Subject,
    Topic,
    Category,
}

impl Catalogue {
    fn noun(self) -> &'static str {
        match self {
            Catalogue::Subject => "subject",
            Catalogue::Topic => "topic",
            Catalogue::Category => "category",
        }
    }

    fn lookup_sql(self) -> &'static str {
        match self {
            Catalogue::Subject => {
                "SELECT s.subject_id, s.name FROM subject_aliases a
                 JOIN subjects s ON s.subject_id = a.subject_id WHERE a.key = ?1"
            }
            Catalogue::Topic => {
                "SELECT t.topic_id, t.name FROM topic_aliases a
                 JOIN topics t ON t.topic_id = a.topic_id WHERE a.key = ?1"
            }
            Catalogue::Category => {
                "SELECT 0, c.category FROM category_aliases a
                 JOIN categories c ON c.category = a.category WHERE a.key = ?1"
            }
        }
    }

    fn names_sql(self) -> &'static str {
        match self {
            Catalogue::Subject => {
                "SELECT a.alias, s.name FROM subject_aliases a
                 JOIN subjects s ON s.subject_id = a.subject_id"
            }
            Catalogue::Topic => {
                "SELECT a.alias, t.name FROM topic_aliases a JOIN topics t ON t.topic_id = a.topic_id"
            }
            Catalogue::Category => "SELECT alias, category FROM category_aliases",
        }
    }

    fn list_command(self) -> &'static str {
        match self {
            Catalogue::Subject => "claimdb subjects",
            Catalogue::Topic => "claimdb topics",
            Catalogue::Category => "claimdb topics",
        }
    }
}

/// The entry `key` names, trying the name as typed first, then its other
/// grammatical number ("companies" finds "company").
fn lookup(conn: &Connection, catalogue: Catalogue, key: &str) -> Result<Option<Named>> {
    let mut stmt = conn.prepare_cached(catalogue.lookup_sql())?;
    for key in std::iter::once(key.to_string()).chain(other_numbers(key)) {
        let found = stmt
            .query_row([&key], |r| {
                Ok(Named {
                    id: r.get(0)?,
                    name: r.get(1)?,
                })
            })
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

fn resolve(conn: &Connection, catalogue: Catalogue, name: &str) -> Result<Named> {
    if let Some(named) = lookup(conn, catalogue, &fold(name))? {
        return Ok(named);
    }
    // Suggest canonical names: "athentication" should point at 'authentication',
    // not at three aliases of it.
    let mut stmt = conn.prepare(catalogue.names_sql())?;
    let known: HashMap<String, String> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let noun = catalogue.noun();
    let mut suggestions: Vec<&str> = Vec::new();
    for alias in closest(name, known.keys().map(String::as_str)) {
        let canonical = known[alias].as_str();
        if !suggestions.contains(&canonical) {
            suggestions.push(canonical);
        }
    }
    let hint = did_you_mean(&suggestions)
        .unwrap_or_else(|| format!("`{}` lists every known {noun}", catalogue.list_command()));
    Err(Error::usage(format!("no {noun} '{name}'")).with_hint(hint))
}

pub fn resolve_subject(conn: &Connection, name: &str) -> Result<Named> {
    resolve(conn, Catalogue::Subject, name)
}

pub fn resolve_topic(conn: &Connection, name: &str) -> Result<Named> {
    resolve(conn, Catalogue::Topic, name)
}

/// A category's canonical name.
pub fn resolve_category(conn: &Connection, name: &str) -> Result<String> {
    resolve(conn, Catalogue::Category, name).map(|n| n.name)
}

/// True when `name` is a known topic name or alias (no error, no suggestion).
pub fn is_topic(conn: &Connection, name: &str) -> Result<bool> {
    Ok(lookup(conn, Catalogue::Topic, &fold(name))?.is_some())
}
