//! The names a question can use, loaded from the knowledge base: subjects and
//! topics with their aliases, and company names as claims give them, each only
//! when the question may use it (see [`Relevance`]).

use rusqlite::Connection;

use crate::ask::index::Relevance;
use crate::ask::intent::{Catalogue, Entry};
use crate::catalog::load;
use crate::error::Result;

/// The catalogue's names and aliases that `question` may use (see
/// `interpret::Relevance`: the others cannot match, and a large knowledge base has
/// thousands); company names only when asked (they are read from the claims).
pub fn catalogue(conn: &Connection, question: &str, with_companies: bool) -> Result<Catalogue> {
    let relevance = Relevance::of(question);
    let names = load::load_names(conn, &relevance)?;
    let entries = |entries: Vec<load::Entry>| -> Vec<Entry> {
        entries
            .into_iter()
            .map(|e| Entry {
                name: e.name,
                aliases: e.aliases.into_iter().map(|a| a.key).collect(),
            })
            .collect()
    };
    let companies = if with_companies {
        let mut stmt = conn.prepare(
            "SELECT DISTINCT value FROM claims WHERE kind = 'company' AND value IS NOT NULL",
        )?;
        let mut rows = stmt.query([])?;
        let mut names = Vec::new();
        while let Some(r) = rows.next()? {
            if let rusqlite::types::ValueRef::Text(t) = r.get_ref(0)?
                && let Ok(name) = std::str::from_utf8(t)
                && relevance.may_name(name)
            {
                names.push(name.to_string());
            }
        }
        names
    } else {
        Vec::new()
    };
    Ok(Catalogue {
        subjects: entries(names.subjects),
        topics: entries(names.topics),
        companies,
        as_typed: Vec::new(),
    })
}

/// A question keeps the names it may use.
impl load::Keep for Relevance {
    fn keeps(&self, text: &str) -> bool {
        self.may_name(text)
    }
}
