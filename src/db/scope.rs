//! A reading of the knowledge base limited to some of its articles (`--source SLUG`,
//! "according to the X article", a question whose subjects all come from one
//! article).
//!
//! The limit is made once, on the connection, instead of in every query: temporary
//! views named like the tables (`claims`, `sources`, `subjects`, `topics` and their
//! aliases, `sections`) keep only the rows of the chosen sources, and SQLite resolves
//! an unqualified name in the `temp` schema before `main`. The schema's own views
//! (`claims_cited`, `feature_matrix`, `comparisons`) are bound to `main`, so they are
//! made again in `temp` from their stored SQL. Every answer, list and verdict then
//! reads the chosen articles only, and a topic or alias no chosen article uses is no
//! longer a name a question can match. Nothing is written to the database file.

use rusqlite::{Connection, params_from_iter};

use crate::error::{Error, Result};

/// The source ids of these slugs, in the order given; an unknown slug is a usage
/// error that lists the slugs there are.
pub fn source_ids(conn: &Connection, slugs: &[String]) -> Result<Vec<i64>> {
    let mut ids = Vec::new();
    for slug in slugs {
        let id: Option<i64> = conn
            .query_row(
                "SELECT source_id FROM main.sources WHERE slug = ?1",
                [slug.trim().to_lowercase()],
                |r| r.get(0),
            )
            .ok();
        match id {
            Some(id) if !ids.contains(&id) => ids.push(id),
            Some(_) => {}
            None => {
                let known: Vec<String> = conn
                    .prepare("SELECT slug FROM main.sources ORDER BY slug")?
                    .query_map([], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                return Err(Error::usage(format!(
                    "no source '{}' in the knowledge base",
                    slug.escape_default()
                ))
                .with_hint(format!(
                    "the sources are: {} (`claimdb sources` lists them)",
                    known.join(", ")
                )));
            }
        }
    }
    Ok(ids)
}

/// The slugs of these source ids, in id order.
pub fn slugs(conn: &Connection, source_ids: &[i64]) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT slug FROM main.sources WHERE source_id = ?1")?;
    let mut out = Vec::new();
    for id in source_ids {
        out.push(stmt.query_row([id], |r| r.get(0))?);
    }
    Ok(out)
}

/// Each table the limit covers: its name, the column that ties a row to the chosen
/// articles, and the temp table holding the chosen values of that column.
const LIMITED: [(&str, &str, &str); 7] = [
    ("claims", "source_id", "scope_sources"),
    ("sources", "source_id", "scope_sources"),
    ("sections", "source_id", "scope_sources"),
    ("subjects", "subject_id", "scope_subjects"),
    ("subject_aliases", "subject_id", "scope_subjects"),
    ("topics", "topic_id", "scope_topics"),
    ("topic_aliases", "topic_id", "scope_topics"),
];

/// Limits every later query on `conn` to the claims of these sources (see the
/// module's comment). Calling it again replaces the limit.
pub fn limit_to(conn: &Connection, source_ids: &[i64]) -> Result<()> {
    lift(conn)?;
    conn.execute_batch("CREATE TEMP TABLE scope_sources (source_id INTEGER PRIMARY KEY)")?;
    if !source_ids.is_empty() {
        let placeholders = vec!["(?)"; source_ids.len()].join(", ");
        conn.execute(
            &format!("INSERT INTO temp.scope_sources (source_id) VALUES {placeholders}"),
            params_from_iter(source_ids),
        )?;
    }
    // The subjects and topics of the chosen articles, found in one pass over their
    // claims (by the source index) instead of a probe per name in every query.
    conn.execute_batch(
        "CREATE TEMP TABLE scope_subjects (subject_id INTEGER PRIMARY KEY);
         CREATE TEMP TABLE scope_topics (topic_id INTEGER PRIMARY KEY);
         INSERT OR IGNORE INTO temp.scope_subjects
             SELECT subject_id FROM main.claims
             WHERE source_id IN (SELECT source_id FROM temp.scope_sources)
             UNION SELECT versus_id FROM main.claims
             WHERE versus_id IS NOT NULL
               AND source_id IN (SELECT source_id FROM temp.scope_sources);
         INSERT OR IGNORE INTO temp.scope_topics
             SELECT DISTINCT topic_id FROM main.claims
             WHERE source_id IN (SELECT source_id FROM temp.scope_sources);",
    )?;
    // claimdb's tables, each seen through a view that keeps the chosen articles' rows.
    for (table, key, scope) in LIMITED {
        conn.execute_batch(&format!(
            "CREATE TEMP VIEW {table} AS SELECT * FROM main.{table}
                 WHERE {key} IN (SELECT {key} FROM temp.{scope})"
        ))?;
    }
    let views: Vec<(String, String)> = conn
        .prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'view'")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (name, sql) in views {
        // The stored text starts "CREATE VIEW name AS": made again as a temp view,
        // its unqualified table names resolve to the limited views above.
        let Some(body) = sql.find(" AS").map(|at| &sql[at..]) else {
            continue;
        };
        conn.execute_batch(&format!("CREATE TEMP VIEW \"{name}\"{body}"))?;
    }
    Ok(())
}

/// Removes the limit: every query reads the whole knowledge base again.
pub fn lift(conn: &Connection) -> Result<()> {
    let temps: Vec<String> = conn
        .prepare("SELECT name FROM temp.sqlite_master WHERE type = 'view'")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for name in temps {
        conn.execute_batch(&format!("DROP VIEW temp.\"{name}\""))?;
    }
    conn.execute_batch(
        "DROP TABLE IF EXISTS temp.scope_sources;
         DROP TABLE IF EXISTS temp.scope_subjects;
         DROP TABLE IF EXISTS temp.scope_topics;",
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE sources (source_id INTEGER PRIMARY KEY, slug TEXT);
             CREATE TABLE sections (source_id INTEGER);
             CREATE TABLE subjects (subject_id INTEGER PRIMARY KEY, name TEXT);
             CREATE TABLE subject_aliases (key TEXT, subject_id INTEGER);
             CREATE TABLE topics (topic_id INTEGER PRIMARY KEY, name TEXT);
             CREATE TABLE topic_aliases (key TEXT, topic_id INTEGER);
             CREATE TABLE claims (claim_id INTEGER PRIMARY KEY, source_id INTEGER,
                                  subject_id INTEGER, versus_id INTEGER, topic_id INTEGER);
             CREATE VIEW cited AS SELECT c.claim_id, s.name FROM claims c
                 JOIN subjects s USING (subject_id);
             INSERT INTO sources VALUES (1, 'a'), (2, 'b');
             INSERT INTO subjects VALUES (1, 'x'), (2, 'y');
             INSERT INTO topics VALUES (1, 't'), (2, 'u');
             INSERT INTO topic_aliases VALUES ('tee', 1), ('you', 2);
             INSERT INTO claims VALUES (1, 1, 1, NULL, 1), (2, 2, 2, NULL, 2);",
        )
        .unwrap();
        conn
    }

    fn names(conn: &Connection, sql: &str) -> Vec<String> {
        conn.prepare(sql)
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn a_limit_hides_other_sources_rows_names_and_view_rows_until_lifted() {
        let conn = db();
        limit_to(&conn, &source_ids(&conn, &["b".into()]).unwrap()).unwrap();
        assert_eq!(names(&conn, "SELECT name FROM cited"), ["y"]);
        assert_eq!(names(&conn, "SELECT name FROM subjects"), ["y"]);
        assert_eq!(names(&conn, "SELECT key FROM topic_aliases"), ["you"]);
        lift(&conn).unwrap();
        assert_eq!(names(&conn, "SELECT name FROM cited"), ["x", "y"]);
    }

    #[test]
    fn an_unknown_slug_is_a_usage_error_naming_the_sources() {
        let err = source_ids(&db(), &["c".into()]).unwrap_err();
        assert!(err.message.contains("no source 'c'"), "{}", err.message);
        assert!(format!("{err:?}").contains("a, b"), "{err:?}");
    }
}
