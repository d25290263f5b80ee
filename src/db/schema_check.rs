//! The schema check on open: claimdb's own tables, views, triggers and indexes must
//! be exactly what its migrations made. A changed one (a view replaced to show a
//! forged quote, a trigger planted to run when claimdb writes) is reported, exit 4,
//! naming the object, before claimdb runs a statement on the file. Objects users add
//! for themselves (views, tables, and indexes on their own tables) are left alone;
//! a trigger, or an index on one of claimdb's tables, that claimdb did not make is
//! refused, since it would run inside claimdb's own writes without a time limit.
//!
//! What the migrations made is found by running them on an empty in-memory
//! database, so the check follows every migration added later without a list to
//! keep up to date. That takes over a millisecond, so the result for the current
//! migrations is also kept in `expected_schema.json` (written by
//! `UPDATE_SEED_IMAGE=1 cargo test --lib seed_image`, with the seed image), compiled
//! into the binary by build.rs, and used while its fingerprint of the migrations
//! matches the binary's. Every command opens the file and checks it, so the usual
//! case, a schema exactly as kept, is one scan of `sqlite_schema` compared row by row
//! with that table; any difference (a user's own view included) takes the full check.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::Connection;

use crate::error::{Error, Result};

/// One schema object as `sqlite_schema` holds it.
#[derive(Debug, PartialEq, Eq)]
struct Object {
    kind: String,
    table: String,
    sql: Option<String>,
}

fn objects(conn: &Connection) -> rusqlite::Result<HashMap<String, Object>> {
    let mut stmt = conn.prepare("SELECT name, type, tbl_name, sql FROM main.sqlite_schema")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            Object {
                kind: r.get(1)?,
                table: r.get(2)?,
                sql: r.get(3)?,
            },
        ))
    })?;
    rows.collect()
}

// EXPECTED_MIGRATIONS and EXPECTED_OBJECTS: `expected_schema.json`, the objects the
// current migrations make, as build.rs read it.
include!(concat!(env!("OUT_DIR"), "/expected_schema.rs"));

/// The layout of `expected_schema.json` (written by the test that keeps it current).
#[cfg(test)]
#[derive(serde::Serialize)]
struct Expected {
    /// [`migrations_fingerprint`] of the migrations that made `objects`.
    migrations: String,
    /// (name, type, table, sql), sorted by name.
    objects: Vec<(String, String, String, Option<String>)>,
}

/// FNV-1a over every migration's SQL: cheap, and changes with any migration.
/// Computed when the binary is built: every open compares against it.
fn migrations_fingerprint() -> String {
    format!("{MIGRATIONS_FINGERPRINT:016x}")
}

const MIGRATIONS_FINGERPRINT: u64 = fingerprint_of(super::migrations::MIGRATIONS);

const fn fingerprint_of(migrations: &[(u32, &str, &str)]) -> u64 {
    const fn add(mut hash: u64, bytes: &[u8]) -> u64 {
        let mut i = 0;
        while i < bytes.len() {
            hash ^= bytes[i] as u64;
            hash = hash.wrapping_mul(0x0100_0000_01b3);
            i += 1;
        }
        // The 0 byte after each text, so that name and SQL cannot run together.
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        hash
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < migrations.len() {
        let (_, name, sql) = migrations[i];
        hash = add(hash, name.as_bytes());
        hash = add(hash, sql.as_bytes());
        i += 1;
    }
    hash
}

/// True when the kept objects are those of the migrations up to `version`.
fn kept_is_current(version: u32) -> bool {
    version == super::migrations::latest_version()
        && EXPECTED_MIGRATIONS == migrations_fingerprint()
}

/// The objects the migrations up to `version` make.
fn expected(version: u32) -> Result<HashMap<String, Object>> {
    if kept_is_current(version) {
        return Ok(EXPECTED_OBJECTS
            .iter()
            .map(|&(name, kind, table, sql)| {
                let object = Object {
                    kind: kind.to_string(),
                    table: table.to_string(),
                    sql: sql.map(str::to_string),
                };
                (name.to_string(), object)
            })
            .collect());
    }
    built(version)
}

/// True when `sqlite_schema` holds exactly the kept objects, nothing more: each row
/// compared in place with the kept object of its name, without copying a row. The
/// rows are read as stored: sorting them by name (the kept list's order) copied
/// every row's SQL into a sorter. No two rows match one kept object (a name is
/// unique within its type), so as many rows as kept objects, each matching, are
/// exactly the kept objects.
fn exactly_as_kept(conn: &Connection) -> rusqlite::Result<bool> {
    use rusqlite::types::ValueRef;
    let mut stmt = conn.prepare("SELECT name, type, tbl_name, sql FROM main.sqlite_schema")?;
    let mut rows = stmt.query([])?;
    let mut count = 0;
    while let Some(r) = rows.next()? {
        let ValueRef::Text(name) = r.get_ref(0)? else {
            return Ok(false);
        };
        let Ok(at) = EXPECTED_OBJECTS.binary_search_by(|o| o.0.as_bytes().cmp(name)) else {
            return Ok(false);
        };
        let (_, kind, table, sql) = EXPECTED_OBJECTS[at];
        let text = |i: usize, want: &str| -> rusqlite::Result<bool> {
            Ok(matches!(r.get_ref(i)?, ValueRef::Text(t) if t == want.as_bytes()))
        };
        let same_sql = match (r.get_ref(3)?, sql) {
            (ValueRef::Null, None) => true,
            (ValueRef::Text(t), Some(want)) => t == want.as_bytes(),
            _ => false,
        };
        if !(text(1, kind)? && text(2, table)? && same_sql) {
            return Ok(false);
        }
        count += 1;
    }
    Ok(count == EXPECTED_OBJECTS.len())
}

/// The objects the migrations up to `version` make, found by running them.
fn built(version: u32) -> Result<HashMap<String, Object>> {
    let mut conn = Connection::open_in_memory()?;
    let tx = conn.transaction()?;
    super::migrations::apply_up_to(&tx, version)?;
    let objects = objects(&tx)?;
    tx.rollback()?;
    Ok(objects)
}

/// Checks the schema of the database at `path` (open on `conn`, at schema
/// `version`) against what claimdb's migrations made.
pub fn check(conn: &Connection, path: &Path, version: u32) -> Result<()> {
    if kept_is_current(version) && exactly_as_kept(conn)? {
        return Ok(());
    }
    let expected = expected(version)?;
    let actual = objects(conn)?;
    let changed = |what: String| {
        Error::database(format!(
            "{} was changed outside claimdb: {what}",
            path.display()
        ))
        .with_hint("claimdb does not trust a changed schema; restore the file from a copy")
    };
    let mut names: Vec<&String> = expected.keys().collect();
    names.sort();
    for name in names {
        let want = &expected[name];
        match actual.get(name) {
            None => return Err(changed(format!("its {} {name} is missing", want.kind))),
            Some(got) if got != want => {
                if let Some(added) = added_columns(conn, name, want)? {
                    return Err(added_columns_error(path, name, &added));
                }
                return Err(changed(format!(
                    "its {} {name} is not the one it made",
                    want.kind
                )));
            }
            Some(_) => {}
        }
    }
    // Indexes and triggers run inside claimdb's own writes, outside any time
    // limit: on claimdb's tables only the ones it made are allowed. Users' own
    // views and tables (and indexes on those) are left alone: nothing of claimdb
    // reads them.
    let own_tables: std::collections::HashSet<&str> = expected
        .values()
        .filter(|o| o.kind == "table")
        .map(|o| o.table.as_str())
        .collect();
    let mut planted: Vec<(&String, &Object)> = actual
        .iter()
        .filter(|(name, o)| {
            !expected.contains_key(*name)
                && (o.kind == "trigger"
                    || (o.kind == "index" && own_tables.contains(o.table.as_str())))
        })
        .collect();
    planted.sort_by_key(|(name, _)| *name);
    if let Some((name, object)) = planted.first() {
        let kind = &object.kind;
        let what = if kind == "index" {
            format!(
                "an index {name} on {} ({})",
                object.table,
                index_columns(conn, name)
            )
        } else {
            format!("a {kind} {name} on {}", object.table)
        };
        return Err(Error::database(format!(
            "{} was changed outside claimdb: {what} that claimdb did not make \
             (it would run inside claimdb's writes)",
            path.display(),
        ))
        .with_hint(format!(
            "if you made it, drop it: sqlite3 {} 'DROP {} \"{}\"'",
            path.display(),
            kind.to_uppercase(),
            name.replace('"', "\"\"")
        )));
    }
    Ok(())
}

/// The columns of claimdb's table `name` that were added to it (`ALTER TABLE … ADD
/// COLUMN`, `sqlite-utils add-column`), when that is the whole change: its columns
/// are what claimdb made followed by these. None when the table changed otherwise.
fn added_columns(conn: &Connection, name: &str, want: &Object) -> Result<Option<Vec<String>>> {
    let (Some(sql), "table") = (&want.sql, want.kind.as_str()) else {
        return Ok(None);
    };
    let columns = |conn: &Connection| -> rusqlite::Result<Vec<String>> {
        let mut stmt =
            conn.prepare("SELECT name FROM pragma_table_info(?1, 'main') ORDER BY cid")?;
        stmt.query_map([name], |r| r.get(0))?.collect()
    };
    let made = Connection::open_in_memory()?;
    made.execute_batch(sql)?;
    let made = columns(&made)?;
    let now = columns(conn)?;
    Ok(match now.strip_prefix(made.as_slice()) {
        Some(added) if !added.is_empty() => Some(added.to_vec()),
        _ => None,
    })
}

/// Names the columns added to `table` and the one command that drops them again.
fn added_columns_error(path: &Path, table: &str, added: &[String]) -> Error {
    let quoted = |name: &str| format!("\"{}\"", name.replace('"', "\"\""));
    let names: Vec<String> = added.iter().map(|c| quoted(c)).collect();
    let what = match names.as_slice() {
        [one] => format!("a column {one} was added to its table {table}"),
        _ => format!(
            "columns {} were added to its table {table}",
            names.join(", ")
        ),
    };
    let drops: Vec<String> = names
        .iter()
        .map(|c| {
            format!(
                "ALTER TABLE {table} DROP COLUMN {}",
                c.replace('\'', "'\\''")
            )
        })
        .collect();
    Error::database(format!(
        "{} was changed outside claimdb: {what}",
        path.display()
    ))
    .with_hint(format!(
        "claimdb reads only the tables it made; remove it again: sqlite3 {} '{}'",
        path.display(),
        drops.join("; ")
    ))
}

/// The columns (or expressions) an index is on, as `a, b`.
fn index_columns(conn: &Connection, index: &str) -> String {
    let names: rusqlite::Result<Vec<Option<String>>> = conn
        .prepare("SELECT name FROM pragma_index_info(?1, 'main') ORDER BY seqno")
        .and_then(|mut stmt| stmt.query_map([index], |r| r.get(0))?.collect());
    names
        .unwrap_or_default()
        .into_iter()
        .map(|n| n.unwrap_or_else(|| "an expression".to_string()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Named for the command that refreshes it with the seed image.
    #[test]
    fn seed_image_expected_schema_is_current() {
        let latest = crate::db::migrations::latest_version();
        let mut objects: Vec<_> = super::built(latest)
            .unwrap()
            .into_iter()
            .map(|(name, o)| (name, o.kind, o.table, o.sql))
            .collect();
        objects.sort();
        let want = Expected {
            migrations: migrations_fingerprint(),
            objects,
        };
        let text = serde_json::to_string_pretty(&want).unwrap() + "\n";
        if std::env::var_os("UPDATE_SEED_IMAGE").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/db/expected_schema.json");
            std::fs::write(path, &text).unwrap();
            return;
        }
        assert!(
            text == include_str!("expected_schema.json"),
            "src/db/expected_schema.json is stale: refresh it with `UPDATE_SEED_IMAGE=1 cargo test --lib seed_image`"
        );
    }

    fn migrated() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        crate::db::migrations::apply(&tx, 0).unwrap();
        tx.commit().unwrap();
        conn
    }

    fn check_built(conn: &Connection) -> std::result::Result<(), String> {
        let latest = crate::db::migrations::latest_version();
        check(conn, Path::new("kb"), latest).map_err(|e| e.message)
    }

    #[test]
    fn a_database_the_migrations_made_passes_and_users_views_are_allowed() {
        let conn = migrated();
        check_built(&conn).unwrap();
        conn.execute_batch(
            "CREATE VIEW my_view AS SELECT 1; CREATE TABLE my_notes (x); CREATE INDEX my_idx ON my_notes (x);",
        )
        .unwrap();
        check_built(&conn).unwrap();
    }

    /// The short way is taken for a schema exactly as the migrations made it, and
    /// only then: an object added, changed or dropped sends the check the long way.
    #[test]
    fn only_a_schema_exactly_as_kept_takes_the_short_way() {
        let conn = migrated();
        assert!(exactly_as_kept(&conn).unwrap());
        for change in [
            "CREATE VIEW my_view AS SELECT 1",
            "DROP INDEX claims_by_topic",
            "DROP VIEW claims_cited; CREATE VIEW claims_cited AS SELECT 'forged' AS quote",
            // As many objects as kept, one of them a trigger in an index's name.
            "DROP INDEX claims_by_topic;
             CREATE TRIGGER claims_by_topic AFTER INSERT ON claims BEGIN SELECT 1; END",
        ] {
            let conn = migrated();
            conn.execute_batch(change).unwrap();
            assert!(!exactly_as_kept(&conn).unwrap(), "{change}");
        }
        // The same objects stored in another order (one made again) are as kept.
        let conn = migrated();
        conn.execute_batch(
            "DROP INDEX claims_by_topic;
             CREATE INDEX claims_by_topic ON claims (topic_id, subject_id, stance)",
        )
        .unwrap();
        assert!(exactly_as_kept(&conn).unwrap());
    }

    #[test]
    fn a_replaced_view_a_dropped_index_and_a_planted_trigger_are_named() {
        let conn = migrated();
        conn.execute_batch(
            "DROP VIEW claims_cited; CREATE VIEW claims_cited AS SELECT 'forged' AS quote;",
        )
        .unwrap();
        let err = check_built(&conn).unwrap_err();
        assert!(err.contains("view claims_cited"), "{err}");

        let conn = migrated();
        conn.execute_batch("DROP INDEX claims_by_topic").unwrap();
        let err = check_built(&conn).unwrap_err();
        assert!(err.contains("index claims_by_topic is missing"), "{err}");

        let conn = migrated();
        conn.execute_batch(
            "CREATE TRIGGER evil AFTER INSERT ON claims BEGIN DELETE FROM sources; END;",
        )
        .unwrap();
        let err = check_built(&conn).unwrap_err();
        assert!(err.contains("trigger evil"), "{err}");

        let conn = migrated();
        conn.execute_batch("CREATE INDEX my_slow ON claims (length(statement));")
            .unwrap();
        let err = check_built(&conn).unwrap_err();
        assert!(err.contains("index my_slow on claims"), "{err}");
    }
}
