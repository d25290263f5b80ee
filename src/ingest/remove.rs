//! Removing an article: its claims, its source row, and the subjects it alone
//! brought in. The shipped article only when forced.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use crate::error::{Error, Result};
use crate::ingest::csv_file::read_csv;
use crate::ingest::record::SubjectRecord;
use crate::ingest::seed;

/// What a removal took away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Removed {
    pub claims: usize,
    /// Subjects left without any claim, removed too.
    pub subjects: usize,
}

/// Removes the source `slug` (an existing one) in one transaction.
pub fn remove_source(conn: &mut Connection, slug: &str, force: bool) -> Result<Removed> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let is_seed: Option<bool> = tx
        .query_row("SELECT is_seed FROM sources WHERE slug = ?1", [slug], |r| {
            r.get(0)
        })
        .optional()?;
    if is_seed == Some(true) && !force {
        return Err(
            Error::usage(format!("'{slug}' is the article shipped with claimdb")).with_hint(
                "add --force to remove it anyway; `claimdb init --force` brings it back",
            ),
        );
    }
    let claims = tx.execute(
        "DELETE FROM claims WHERE source_id = (SELECT source_id FROM sources WHERE slug = ?1)",
        [slug],
    )?;
    tx.execute("DELETE FROM sources WHERE slug = ?1", [slug])?;
    // Subjects an import brought in and nothing else mentions go too; the seed's own
    // subjects stay, even with --force, so its aliases ("Flash") survive.
    let seed_subjects: Vec<String> = read_csv::<SubjectRecord>(seed::SUBJECTS)
        .map_err(|_| Error::database("the built-in seed's subjects.csv is invalid"))?
        .into_iter()
        .map(|s| s.record.subject)
        .collect();
    let subjects = tx.execute(
        "DELETE FROM subjects
         WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.subject_id = subjects.subject_id)
           AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.versus_id = subjects.subject_id)
           AND name NOT IN (SELECT value FROM json_each(?1))",
        [serde_json::to_string(&seed_subjects).expect("names serialise")],
    )?;
    tx.commit()?;
    Ok(Removed { claims, subjects })
}
