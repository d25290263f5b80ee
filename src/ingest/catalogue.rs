//! Writing the catalogue: subjects, categories and topics with the names they
//! answer to, from the seed's catalogue files, or declared by an import's rows
//! when they name something new; and finding the id a name stands for.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Transaction, params};

use crate::ingest::record::{
    CategoryRecord, ClaimRecord, Located, Problem, SubjectRecord, TopicRecord, non_blank,
};
use crate::names::{fold, near_known};

/// Splits an `aliases` cell ("a|b|c") into its names.
fn split_aliases(cell: &Option<String>) -> impl Iterator<Item = &str> {
    cell.as_deref()
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Checks that no folded name is claimed by two different entries, within one
/// catalogue file; returns (key, alias, owner) triples to insert.
fn alias_rows<'a>(
    entries: impl Iterator<Item = (u64, &'a str, &'a Option<String>)>,
    problems: &mut Vec<Problem>,
    noun: &str,
) -> Vec<(String, String, String)> {
    let mut owner_of: HashMap<String, String> = HashMap::new();
    let mut rows = Vec::new();
    for (line, name, aliases) in entries {
        for alias in std::iter::once(name).chain(split_aliases(aliases)) {
            let key = fold(alias);
            match owner_of.get(&key) {
                Some(owner) if owner == name => {}
                Some(owner) => problems.push(Problem::new(
                    line,
                    format!("{noun} alias '{alias}' already names {noun} '{owner}'"),
                )),
                None => {
                    owner_of.insert(key.clone(), name.to_string());
                    rows.push((key, alias.to_string(), name.to_string()));
                }
            }
        }
    }
    rows
}

/// The catalogues a claims file is resolved against.
pub struct CatalogueFiles {
    pub subjects: Vec<Located<SubjectRecord>>,
    pub categories: Vec<Located<CategoryRecord>>,
    pub topics: Vec<Located<TopicRecord>>,
}

/// Inserts or updates subjects, categories and topics with their aliases. An alias
/// that already exists is moved to the entry named here.
pub fn upsert_catalogues(tx: &Transaction, files: &CatalogueFiles) -> Result<(), Vec<Problem>> {
    let mut problems = Vec::new();
    let category_aliases = alias_rows(
        files
            .categories
            .iter()
            .map(|c| (c.line, c.record.category.as_str(), &c.record.aliases)),
        &mut problems,
        "category",
    );
    let subject_aliases = alias_rows(
        files
            .subjects
            .iter()
            .map(|s| (s.line, s.record.subject.as_str(), &s.record.aliases)),
        &mut problems,
        "subject",
    );
    let topic_aliases = alias_rows(
        files
            .topics
            .iter()
            .map(|t| (t.line, t.record.topic.as_str(), &t.record.aliases)),
        &mut problems,
        "topic",
    );
    if !problems.is_empty() {
        return Err(problems);
    }
    let db = |e: rusqlite::Error| vec![Problem::new(0, format!("database error: {e}"))];
    let sql_problem = |line: u64, what: &str, name: &str, e: rusqlite::Error| {
        vec![Problem::new(
            line,
            format!("{what} '{name}' was refused: {e}"),
        )]
    };

    // One cached statement per kind of row: the seed has hundreds of aliases.
    let exec = |sql: &str, params: &[&dyn rusqlite::ToSql]| tx.prepare_cached(sql)?.execute(params);
    for c in &files.categories {
        exec(
            "INSERT INTO categories (category, description) VALUES (?1, ?2)
             ON CONFLICT (category) DO UPDATE SET description = excluded.description",
            params![c.record.category, c.record.description],
        )
        .map_err(|e| sql_problem(c.line, "category", &c.record.category, e))?;
    }
    for (key, alias, category) in &category_aliases {
        exec(
            "INSERT INTO category_aliases (key, alias, category) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET alias = excluded.alias, category = excluded.category",
            params![key, alias, category],
        )
        .map_err(db)?;
    }
    for s in &files.subjects {
        exec(
            "INSERT INTO subjects (name, description) VALUES (?1, ?2)
             ON CONFLICT (name) DO UPDATE SET description = excluded.description",
            params![s.record.subject, s.record.description],
        )
        .map_err(|e| sql_problem(s.line, "subject", &s.record.subject, e))?;
    }
    for (key, alias, subject) in &subject_aliases {
        exec(
            "INSERT INTO subject_aliases (key, alias, subject_id)
             SELECT ?1, ?2, subject_id FROM subjects WHERE name = ?3
             ON CONFLICT (key) DO UPDATE SET alias = excluded.alias, subject_id = excluded.subject_id",
            params![key, alias, subject],
        )
        .map_err(db)?;
    }
    for t in &files.topics {
        let category = fold(&t.record.category);
        exec(
            "INSERT INTO topics (name, category, description)
             VALUES (?1, coalesce((SELECT category FROM category_aliases WHERE key = ?2), ?3), ?4)
             ON CONFLICT (name) DO UPDATE SET category = excluded.category,
                                             description = excluded.description",
            params![
                t.record.topic,
                category,
                t.record.category,
                t.record.description
            ],
        )
        .map_err(|e| {
            let mut p = sql_problem(t.line, "topic", &t.record.topic, e);
            p[0].hint = Some(format!(
                "is '{}' a known category? `claimdb topics` lists them",
                t.record.category
            ));
            p
        })?;
    }
    for (key, alias, topic) in &topic_aliases {
        exec(
            "INSERT INTO topic_aliases (key, alias, topic_id)
             SELECT ?1, ?2, topic_id FROM topics WHERE name = ?3
             ON CONFLICT (key) DO UPDATE SET alias = excluded.alias, topic_id = excluded.topic_id",
            params![key, alias, topic],
        )
        .map_err(db)?;
    }
    Ok(())
}

/// A subject's name as its catalogue slug ("Node.js" -> "node.js"), if import takes
/// it: letters, digits and . + # - besides.
pub(crate) fn subject_slug(name: &str) -> Option<String> {
    slug(name, &['.', '+', '#'])
}

/// A name as a catalogue slug ("Fast API" -> "fast-api"), if it only uses `allowed`
/// characters besides letters and digits.
pub(crate) fn slug(name: &str, allowed: &[char]) -> Option<String> {
    // "--x" would fold to "x": a name must start with a letter or digit, so what is
    // stored is what the file says.
    if !name.trim_start().starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let slug = fold(name).replace(' ', "-");
    let ok = !slug.is_empty()
        && slug.chars().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || allowed.contains(&c)
        });
    ok.then_some(slug)
}

/// What an import added to the catalogues.
#[derive(Debug, Default)]
pub struct Declared {
    pub subjects: Vec<String>,
    pub topics: Vec<String>,
}

/// Imports only: creates the subjects and topics the records name that the
/// knowledge base does not know yet. A new subject needs only a well-formed name; a
/// new topic needs a known category in the record's `category` column. Records
/// that cannot be declared are left for `check_claims` to report.
pub fn declare_new_names<'r>(
    tx: &Transaction,
    records: impl IntoIterator<Item = &'r Located<ClaimRecord>>,
) -> rusqlite::Result<Declared> {
    // Inserts the entry, then its canonical name and the spelling used as aliases.
    let insert =
        |entry_sql: &str, entry: &[&dyn rusqlite::ToSql], alias_sql: &str, aliases: [&str; 2]| {
            tx.prepare_cached(entry_sql)?.execute(entry)?;
            let id = tx.last_insert_rowid();
            for alias in aliases {
                tx.prepare_cached(alias_sql)?
                    .execute(params![fold(alias), alias, id])?;
            }
            Ok::<_, rusqlite::Error>(())
        };
    let mut declared = Declared::default();
    let subjects = alias_map(tx, "SELECT key, subject_id FROM subject_aliases")?;
    let topics = alias_map(tx, "SELECT key, topic_id FROM topic_aliases")?;
    for Located { record: r, .. } in records {
        for subject in std::iter::once(r.subject.as_str()).chain(non_blank(&r.versus)) {
            let key = fold(subject);
            if !key.is_empty()
                && find_name(&subjects, subject).is_none()
                && (r.declares_new("subject") || near_known(subject, subjects.keys()).is_none())
                && let Some(name) = subject_slug(subject)
                && !declared.subjects.contains(&name)
            {
                insert(
                    "INSERT INTO subjects (name) VALUES (?1)",
                    &[&name],
                    "INSERT OR IGNORE INTO subject_aliases (key, alias, subject_id) VALUES (?1, ?2, ?3)",
                    [&name, subject.trim()],
                )?;
                if subject == r.subject {
                    add_aliases(tx, "subject", &name, non_blank(&r.subject_aliases))?;
                }
                declared.subjects.push(name);
            }
        }
        let key = fold(&r.topic);
        if !key.is_empty()
            && find_name(&topics, &r.topic).is_none()
            && (r.declares_new("topic") || near_known(&r.topic, topics.keys()).is_none())
            && let Some(category) = non_blank(&r.category)
            && let Some(category) = tx
                .query_row(
                    "SELECT category FROM category_aliases WHERE key = ?1",
                    [fold(category)],
                    |row| row.get::<_, String>(0),
                )
                .optional()?
            && let Some(name) = slug(&r.topic, &[])
            && !declared.topics.contains(&name)
        {
            insert(
                "INSERT INTO topics (name, category) VALUES (?1, ?2)",
                &[&name, &category],
                "INSERT OR IGNORE INTO topic_aliases (key, alias, topic_id) VALUES (?1, ?2, ?3)",
                [&name, r.topic.trim()],
            )?;
            add_aliases(tx, "topic", &name, non_blank(&r.topic_aliases))?;
            declared.topics.push(name);
        }
    }
    Ok(declared)
}

/// Adds `|`-separated `aliases` to the subject or topic `name` just created; an
/// alias another entry already answers to is left to it.
fn add_aliases(
    tx: &Transaction,
    what: &str,
    name: &str,
    aliases: Option<&str>,
) -> rusqlite::Result<()> {
    let Some(aliases) = aliases else {
        return Ok(());
    };
    let sql = if what == "subject" {
        "INSERT OR IGNORE INTO subject_aliases (key, alias, subject_id)
         SELECT ?1, ?2, subject_id FROM subjects WHERE name = ?3"
    } else {
        "INSERT OR IGNORE INTO topic_aliases (key, alias, topic_id)
         SELECT ?1, ?2, topic_id FROM topics WHERE name = ?3"
    };
    for alias in aliases.split('|').map(str::trim).filter(|a| !a.is_empty()) {
        tx.prepare_cached(sql)?
            .execute(params![fold(alias), alias, name])?;
    }
    Ok(())
}

/// The first record of each spelling of a subject, and of each spelling of a topic
/// with its category: a large file repeats a few names many times, and these are all
/// `declare_new_names` needs.
pub fn first_of_each_name(records: &[Located<ClaimRecord>]) -> Vec<usize> {
    let mut subjects: std::collections::HashSet<&str> = Default::default();
    let mut topics: std::collections::HashSet<(&str, Option<&str>)> = Default::default();
    (0..records.len())
        .filter(|&i| {
            let r = &records[i].record;
            // Every insert runs: `|` does not short-circuit.
            subjects.insert(&r.subject)
                | r.versus.as_deref().is_some_and(|v| subjects.insert(v))
                | topics.insert((&r.topic, r.category.as_deref()))
        })
        .collect()
}

pub(crate) fn alias_map(tx: &Transaction, sql: &str) -> rusqlite::Result<HashMap<String, i64>> {
    let mut stmt = tx.prepare(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// The id a name stands for, as written or in its other grammatical number.
pub(crate) fn find_name(names: &HashMap<String, i64>, name: &str) -> Option<i64> {
    let key = fold(name);
    names.get(&key).copied().or_else(|| {
        crate::names::other_numbers(&key)
            .iter()
            .find_map(|k| names.get(k).copied())
    })
}
