//! `claimdb remove-source SLUG`: drop an article and every claim written from it.
//! The shipped article needs --force; subjects left with no claim go too, so they
//! stop appearing as "no claim" in answers.

use rusqlite::{OptionalExtension, TransactionBehavior};

use crate::answers::lists::resolve_source;
use crate::cli::RemoveSourceArgs;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::ingest::{self, seed};

pub fn run(db: &mut Db, args: &RemoveSourceArgs) -> Result<()> {
    let slug = resolve_source(&db.conn, &args.slug)?;
    let tx = db
        .conn
        .transaction_with_behavior(TransactionBehavior::Immediate)?;
    let is_seed: Option<bool> = tx
        .query_row(
            "SELECT is_seed FROM sources WHERE slug = ?1",
            [&slug],
            |r| r.get(0),
        )
        .optional()?;
    if is_seed == Some(true) && !args.force {
        return Err(
            Error::usage(format!("'{slug}' is the article shipped with claimdb")).with_hint(
                "add --force to remove it anyway; `claimdb init --force` brings it back",
            ),
        );
    }
    let claims = tx.execute(
        "DELETE FROM claims WHERE source_id = (SELECT source_id FROM sources WHERE slug = ?1)",
        [&slug],
    )?;
    tx.execute("DELETE FROM sources WHERE slug = ?1", [&slug])?;
    // Subjects an import brought in and nothing else mentions go too; the seed's own
    // subjects stay, even with --force, so its aliases ("Flash") survive.
    let seed_subjects: Vec<String> = ingest::read_csv::<ingest::SubjectRecord>(seed::SUBJECTS)
        .map_err(|_| Error::database("the built-in seed's subjects.csv is invalid"))?
        .into_iter()
        .map(|s| s.record.subject)
        .collect();
    let orphans = tx.execute(
        "DELETE FROM subjects
         WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.subject_id = subjects.subject_id)
           AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.versus_id = subjects.subject_id)
           AND name NOT IN (SELECT value FROM json_each(?1))",
        [serde_json::to_string(&seed_subjects).expect("names serialise")],
    )?;
    tx.commit()?;
    stderr_line!(
        "claimdb: removed '{slug}' and its {claims} claims{}",
        match orphans {
            0 => String::new(),
            n => format!(
                "; {n} subject{} left without claims removed too",
                if n == 1 { "" } else { "s" }
            ),
        }
    );
    Ok(())
}
