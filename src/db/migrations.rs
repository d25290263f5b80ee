//! Schema migrations: the numbered files of `migrations/`, embedded by build.rs,
//! applied in one transaction and recorded in `PRAGMA user_version`.
//!
//! Never edit or reorder a migration that has shipped: databases in the field have
//! already run it. Add the next numbered file instead.

use rusqlite::Transaction;

use crate::error::{Error, Result};

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// The schema version this binary creates and understands.
pub fn latest_version() -> u32 {
    MIGRATIONS.len() as u32
}

/// Applies every migration newer than `current` inside `tx`.
pub fn apply(tx: &Transaction, current: u32) -> Result<()> {
    apply_range(tx, current, latest_version())
}

/// Applies the migrations up to `version` to the empty database in `tx`.
pub fn apply_up_to(tx: &Transaction, version: u32) -> Result<()> {
    apply_range(tx, 0, version)
}

fn apply_range(tx: &Transaction, current: u32, last: u32) -> Result<()> {
    for (version, name, sql) in MIGRATIONS
        .iter()
        .filter(|(v, _, _)| *v > current && *v <= last)
    {
        tx.execute_batch(sql)
            .and_then(|()| after(tx, *version))
            .map_err(|e| Error::database(format!("migration {name} failed: {e}")))?;
        tx.pragma_update(None, "user_version", version)?;
    }
    Ok(())
}

/// What a migration needs that SQL cannot do, run right after its file.
fn after(tx: &Transaction, version: u32) -> rusqlite::Result<()> {
    match version {
        // 0002 adds each source's section outline: derive it for the sources already
        // there (users' imports), and file their claims under their sections.
        2 => {
            let sources: Vec<(i64, String)> = tx
                .prepare("SELECT source_id, body FROM sources")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for (source_id, body) in sources {
                // No file name is stored: the text decides how it is read.
                let format = crate::text::blocks::Format::sniff(&body);
                crate::db::sections::insert_sections(tx, source_id, &body, format)?;
            }
            tx.execute_batch(
                "UPDATE claims SET section_id = (
                     SELECT section_id FROM sections s
                     WHERE s.source_id = claims.source_id AND s.line_start <= claims.line_start
                     ORDER BY s.line_start DESC LIMIT 1)",
            )
        }
        // 0004 adds the class of thing each article compares: derive it for the
        // sources already there.
        4 => {
            let sources: Vec<(i64, String, String)> = tx
                .prepare("SELECT source_id, title, body FROM sources")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for (source_id, title, body) in sources {
                tx.execute(
                    "UPDATE sources SET subject_class = ?1 WHERE source_id = ?2",
                    rusqlite::params![crate::text::classes::class_of(&title, &body), source_id],
                )?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    #[test]
    fn every_migration_applies_to_an_empty_database() {
        let mut conn = Connection::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        apply(&tx, 0).unwrap();
        tx.commit().unwrap();
        let version: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, latest_version());
        for table in [
            "sources",
            "subjects",
            "topics",
            "claims",
            "claims_fts",
            "sections",
        ] {
            let n: i64 = conn
                .query_row(
                    "SELECT count(*) FROM sqlite_schema WHERE name = ?1",
                    [table],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(n, 1, "table {table} missing");
        }
        for view in ["claims_cited", "feature_matrix", "comparisons"] {
            conn.prepare(&format!("SELECT * FROM {view}")).unwrap();
        }
    }

    #[test]
    fn the_claims_table_rejects_bad_kinds_and_stances() {
        let mut conn = Connection::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        apply(&tx, 0).unwrap();
        tx.execute_batch(
            "INSERT INTO sources (slug, title, sha256, body) VALUES ('a', 'A', printf('%064d', 0), 'x');
             INSERT INTO subjects (name) VALUES ('s');
             INSERT INTO categories (category) VALUES ('c');
             INSERT INTO topics (name, category) VALUES ('t', 'c');",
        )
        .unwrap();
        let insert = |kind: &str, stance: Option<&str>, value: Option<&str>| {
            tx.execute(
                "INSERT INTO claims (source_id, subject_id, kind, topic_id, stance, value,
                                     statement, quote, line_start, line_end)
                 VALUES (1, 1, ?1, 1, ?2, ?3, 's', 'x', 1, 1)",
                rusqlite::params![kind, stance, value],
            )
        };
        for kind in crate::model::Kind::ALL {
            let value = Some("v");
            let stance = (kind == crate::model::Kind::Feature).then_some("builtin");
            assert!(insert(kind.as_str(), stance, value).is_ok(), "{kind}");
        }
        for stance in crate::model::Stance::ALL {
            let kind = if stance == crate::model::Stance::Depends {
                "comparison"
            } else {
                "feature"
            };
            assert!(
                insert(kind, Some(stance.as_str()), Some("v")).is_ok(),
                "{stance}"
            );
        }
        assert!(insert("feature", Some("builtin"), None).is_ok());
        assert!(
            insert("feature", None, None).is_err(),
            "feature without stance"
        );
        assert!(insert("rumour", None, None).is_err(), "unknown kind");
        assert!(
            insert("pro", Some("maybe"), None).is_err(),
            "unknown stance"
        );
        assert!(
            insert("company", None, None).is_err(),
            "company without value"
        );
        assert!(insert("company", None, Some("Acme")).is_ok());
    }
}
