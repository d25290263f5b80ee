//! What `draft` knows of the knowledge base: names only, loaded once, plus the
//! subjects an article proposes that the catalogue does not know yet. No database
//! is written; the same article and catalogue always give the same rows.

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
    /// Adds `name` as a proposed subject, unless the catalogue already knows it
    /// under some alias. Its name is a slug of the name; the alias is the name as
    /// written, for statements.
    pub fn propose_subject(&mut self, name: &str) {
        let key = fold(name);
        if key.is_empty()
            || self
                .subjects
                .iter()
                .any(|s| s.aliases.iter().any(|a| fold(a) == key))
        {
            return;
        }
        let slug = ascii_name(&key, &['.', '+', '#']);
        self.subjects.push(Entry {
            name: slug,
            aliases: vec![name.to_string()],
            category: String::new(),
            proposed: true,
        });
    }
}

/// The catalogue's names, for `draft`.
pub fn load_catalogue(conn: &rusqlite::Connection) -> crate::error::Result<Catalogue> {
    let entries = |sql: &str| -> crate::error::Result<Vec<Entry>> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?;
        let mut out: Vec<Entry> = Vec::new();
        for row in rows {
            let (name, category, alias) = row?;
            match out.last_mut() {
                Some(e) if e.name == name => e.aliases.extend(alias),
                _ => out.push(Entry {
                    name: name.clone(),
                    aliases: alias.into_iter().chain([name]).collect(),
                    category,
                    proposed: false,
                }),
            }
        }
        Ok(out)
    };
    Ok(Catalogue {
        subjects: entries(
            "SELECT s.name, '', a.alias FROM subjects s
             LEFT JOIN subject_aliases a ON a.subject_id = s.subject_id ORDER BY s.name, a.key",
        )?,
        topics: entries(
            "SELECT t.name, t.category, a.alias FROM topics t
             LEFT JOIN topic_aliases a ON a.topic_id = t.topic_id ORDER BY t.name, a.key",
        )?,
        categories: entries(
            "SELECT c.category, '', a.alias FROM categories c
             LEFT JOIN category_aliases a ON a.category = c.category ORDER BY c.category, a.key",
        )?,
    })
}
