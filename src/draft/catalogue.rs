//! What `draft` knows of the knowledge base: names only, loaded once, plus the
//! subjects an article proposes that the catalogue does not know yet. No database
//! is written; the same article and catalogue always give the same rows.

use crate::catalog::load;
use crate::draft::slug::ascii_name;
use crate::names::fold;

/// A catalogue entry: its canonical name and every alias (the name included).
#[derive(Debug, Clone)]
pub struct Entry {
    pub name: String,
    pub aliases: Vec<String>,
    /// Topics only: the category.
    pub category: String,
    /// A subject the catalogue does not know yet, proposed by the article's title
    /// or by `--subject`: its rows say so in their `new` column.
    pub proposed: bool,
}

/// What `draft` knows of the knowledge base: names only.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    pub subjects: Vec<Entry>,
    pub topics: Vec<Entry>,
    pub categories: Vec<Entry>,
}

impl Catalogue {
    /// Adds each of `names` as a proposed subject, unless the catalogue already
    /// knows it under some alias (the known names folded once: a page may propose
    /// thousands). Its name is a slug of the name; the alias is the name as
    /// written, for statements.
    pub fn propose_subjects<'a>(&mut self, names: impl IntoIterator<Item = &'a str>) {
        let mut known: foldhash::HashSet<String> = self
            .subjects
            .iter()
            .flat_map(|s| s.aliases.iter().map(|a| fold(a)))
            .collect();
        for name in names {
            let key = fold(name);
            if key.is_empty() || known.contains(&key) {
                continue;
            }
            let slug = ascii_name(&key, &['.', '+', '#']);
            self.subjects.push(Entry {
                name: slug,
                aliases: vec![name.to_string()],
                category: String::new(),
                proposed: true,
            });
            known.insert(key);
        }
    }
}

impl Catalogue {
    /// Gives the proposed subject `name` the alias `other`, another name the page
    /// gives it, unless the catalogue knows `other` already.
    pub fn alias_subject(&mut self, name: &str, other: &str) {
        let key = fold(other);
        if self
            .subjects
            .iter()
            .any(|s| s.aliases.iter().any(|a| fold(a) == key))
        {
            return;
        }
        let name = fold(name);
        if let Some(entry) = self
            .subjects
            .iter_mut()
            .find(|s| s.proposed && s.aliases.iter().any(|a| fold(a) == name))
        {
            entry.aliases.push(other.to_string());
        }
    }
}

/// The catalogue's names, for `draft`: every name, its aliases as written (the
/// first alias, then the name, then the other aliases, in the order of their keys).
pub fn load_catalogue(conn: &rusqlite::Connection) -> crate::error::Result<Catalogue> {
    let names = load::load(conn, &load::All)?;
    let entries = |entries: Vec<load::Entry>| -> Vec<Entry> {
        entries
            .into_iter()
            .map(|e| {
                let mut aliases: Vec<String> = e.aliases.into_iter().map(|a| a.alias).collect();
                aliases.insert(aliases.len().min(1), e.name.clone());
                Entry {
                    name: e.name,
                    aliases,
                    category: e.category,
                    proposed: false,
                }
            })
            .collect()
    };
    Ok(Catalogue {
        subjects: entries(names.subjects),
        topics: entries(names.topics),
        categories: entries(names.categories),
    })
}
