//! One import, all or nothing: every article the request names is read, its claims
//! checked and inserted in one transaction, which lands complete or not at all
//! (also when the process is killed). Every row of every file is checked before
//! anything is committed, and every problem is reported at once.

use rusqlite::TransactionBehavior;

use crate::db::Db;
use crate::error::Result;
use crate::ingest::bulk_load::BulkLoad;
use crate::ingest::import::existing::replace_existing;
use crate::ingest::import::jobs::find_jobs;
use crate::ingest::import::pipeline::{Loaded, load_claims};
use crate::ingest::import::problems::problems_error;
use crate::ingest::import::request::{ImportRequest, Imported};
use crate::progress::Progress;

/// Imports what `request` names into the database, or with `dry_run` checks it all
/// and rolls back. Progress is shown on a terminal; what was done is returned for
/// the caller to say.
pub fn import(db: &mut Db, request: &ImportRequest) -> Result<Imported> {
    let mut jobs = find_jobs(request)?;
    let total_bytes: u64 = jobs.iter().map(|j| j.claims_bytes).sum();

    // Every id the import writes comes from a lookup in this same transaction, so
    // SQLite's per-row foreign-key probes only cost time (a seventh of a 1M-claim
    // import). With them off, replacing an article deletes its claims explicitly.
    db.conn.pragma_update(None, "foreign_keys", false)?;
    let tx = db
        .conn
        .transaction_with_behavior(TransactionBehavior::Immediate)?;
    // A claim takes well over 100 bytes of CSV or JSON, so this overestimates a
    // little; it only decides whether rebuilding the indexes beats updating them. It
    // begins before replaced articles are deleted: a large load lifts the full-text
    // triggers first, and builds the whole index anew.
    let mut load = BulkLoad::begin(&tx, (total_bytes / 100) as usize, Some(&db.path))?;
    let replaced = replace_existing(&tx, &mut jobs, request)?;

    let mut progress = Progress::bytes("importing", total_bytes);
    let outcome = load_claims(&tx, &mut load, &jobs, &mut progress)?;
    if outcome.has_problems() {
        drop(progress);
        return Err(problems_error(&outcome.problems));
    }
    let Loaded {
        count,
        new_subjects,
        new_topics,
        ..
    } = outcome;
    progress.say(&format!(
        "building the search index and indexes for {count} claims"
    ));
    let side_index = load.finish()?;
    let imported = Imported {
        count,
        slugs: jobs.iter().map(|j| j.slug.clone()).collect(),
        new_subjects,
        new_topics,
        replaced,
    };
    if request.dry_run {
        tx.rollback()?;
    } else {
        progress.say("committing");
        tx.commit()?;
    }
    if let Some(side) = side_index {
        side.detach(&db.conn)?;
    }
    drop(progress);
    Ok(imported)
}
