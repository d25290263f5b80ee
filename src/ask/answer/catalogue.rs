//! The names a question can use, loaded from the knowledge base: subjects and
//! topics with their aliases, and company names as claims give them, each only
//! when the question may use it (see [`Relevance`]).

use rusqlite::Connection;

use crate::ask::index::Relevance;
use crate::ask::intent::{Catalogue, Entry};
use crate::error::Result;

/// The catalogue's names and aliases that `question` may use (see
/// `interpret::Relevance`: the others cannot match, and a large knowledge base has
/// thousands); company names only when asked (they are read from the claims).
pub fn catalogue(conn: &Connection, question: &str, with_companies: bool) -> Result<Catalogue> {
    let relevance = Relevance::of(question);
    let text = |r: &rusqlite::Row, i: usize| -> rusqlite::Result<Option<String>> {
        Ok(match r.get_ref(i)? {
            rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t)
                .ok()
                .filter(|t| relevance.may_name(t))
                .map(String::from),
            _ => None,
        })
    };
    // Two plain scans merged here (a join would scan the aliases once per name); a
    // name is kept when it, or one of its aliases, may be in the question.
    let entries = |names_sql: &str, aliases_sql: &str| -> Result<Vec<Entry>> {
        let mut aliases: std::collections::HashMap<i64, Vec<String>> =
            std::collections::HashMap::new();
        let mut stmt = conn.prepare(aliases_sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if let Some(alias) = text(r, 1)? {
                aliases.entry(r.get(0)?).or_default().push(alias);
            }
        }
        let mut out: Vec<Entry> = Vec::new();
        let mut stmt = conn.prepare(names_sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let found = aliases.remove(&id);
            if found.is_some() || text(r, 1)?.is_some() {
                out.push(Entry {
                    name: r.get(1)?,
                    aliases: found.unwrap_or_default(),
                });
            }
        }
        Ok(out)
    };
    let subjects = entries(
        "SELECT subject_id, name FROM subjects",
        "SELECT subject_id, key FROM subject_aliases",
    )?;
    let topics = entries(
        "SELECT topic_id, name FROM topics",
        "SELECT topic_id, key FROM topic_aliases",
    )?;
    let companies = if with_companies {
        let mut stmt = conn.prepare(
            "SELECT DISTINCT value FROM claims WHERE kind = 'company' AND value IS NOT NULL",
        )?;
        let mut rows = stmt.query([])?;
        let mut names = Vec::new();
        while let Some(r) = rows.next()? {
            if let Some(name) = text(r, 0)? {
                names.push(name);
            }
        }
        names
    } else {
        Vec::new()
    };
    Ok(Catalogue {
        subjects,
        topics,
        companies,
    })
}
