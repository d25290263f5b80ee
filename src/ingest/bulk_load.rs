//! Inserting checked claims in bulk, the way a bulk loader should: the source with
//! its section outline, claims many rows a statement, the full-text index and the
//! secondary indexes built once at the end (on another core for a large load).

use std::collections::HashMap;

use rusqlite::{Transaction, params};

use crate::db::sections::insert_sections;
use crate::ingest::check::ValidClaim;
use crate::ingest::record::{ClaimRecord, Located, non_blank};
use crate::ingest::side_index::SideIndex;
use crate::model::Stance;

/// The article a set of claims is written from.
pub struct NewSource<'a> {
    pub slug: &'a str,
    /// `sha256_hex(body)`, computed once by the caller.
    pub sha256: &'a str,
    pub title: &'a str,
    pub url: Option<&'a str>,
    pub body: &'a str,
    pub is_seed: bool,
    /// How the body is read for its outline.
    pub format: crate::text::blocks::Format,
}

/// A bulk load of claims inside one transaction: the seed, an import, or a batch of
/// imports. It works the way a bulk loader should, and rolls back with the
/// transaction if anything fails:
///
/// - FTS5 flushes its pending terms at every statement savepoint, so filling the
///   full-text index row by row from the insert trigger leaves thousands of tiny
///   segments to merge (eight times slower at 100k claims, and slower even for the
///   322 seed claims). The trigger is lifted and the new claims are indexed in one
///   statement at the end, with a large buffer of pending terms.
/// - A large load (one that at least doubles the claims) that was given its
///   database's path builds the full-text index on another core instead, in a
///   scratch file beside it, while the claims go in ([`SideIndex`]); all three
///   full-text triggers are lifted then, since the whole index is built anew.
/// - A large load also drops the secondary indexes and builds them again at the
///   end: one sorted build instead of rewriting every index page once per source,
///   sorted on every core.
/// - Claims go in 64 rows per statement.
///
/// What `begin` lifts is put back from the SQL stored in the schema, so the
/// migrations stay the one definition of it.
pub struct BulkLoad<'t> {
    tx: &'t Transaction<'t>,
    first_new_claim: i64,
    /// The id the next claim gets: ids are given here, so the side index knows them.
    next_claim: i64,
    /// Each source inserted so far: (heading line, section_id) of its sections, so
    /// every claim is filed under the section its quote starts in.
    sections: HashMap<i64, Vec<(usize, i64)>>,
    /// What to put back at the end, as (type, SQL): the dropped indexes and the
    /// lifted triggers.
    restore: Vec<(String, String)>,
    side: Option<Side>,
}

/// The full-text index built on another core, and whether the claims the load
/// started with have been sent to it.
struct Side {
    index: SideIndex,
    sent_existing: bool,
}

/// The indexes a large load builds again at the end. The others (by source, by
/// versus) grow at their end as claims are appended, which costs less than a build.
const SECONDARY_INDEXES: &[&str] = &["claims_by_topic", "claims_by_subject", "claims_by_kind"];

/// The triggers that keep the full-text index in step with `claims`.
const FTS_TRIGGERS: &[&str] = &[
    "claims_fts_insert",
    "claims_fts_delete",
    "claims_fts_update",
];

/// Loads smaller than this keep their indexes and fill the full-text index in
/// place: rebuilding costs more than it saves.
pub const LARGE_LOAD: usize = 5_000;

impl<'t> BulkLoad<'t> {
    /// Starts a load of about `expected_claims` claims. A large load into the
    /// database file `db` builds its full-text index on another core, in a scratch
    /// file beside it; None keeps all the work on this connection.
    pub fn begin(
        tx: &'t Transaction<'t>,
        expected_claims: usize,
        db: Option<&std::path::Path>,
    ) -> rusqlite::Result<BulkLoad<'t>> {
        let (existing, last): (i64, i64) = tx.query_row(
            "SELECT count(*), coalesce(max(claim_id), 0) FROM claims",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let large = expected_claims >= LARGE_LOAD && expected_claims as i64 >= existing;
        let side = match db.filter(|_| large) {
            Some(db) => {
                let declaration: String = tx.query_row(
                    "SELECT sql FROM sqlite_schema WHERE name = 'claims_fts'",
                    [],
                    |r| r.get(0),
                )?;
                SideIndex::start(tx, db, &declaration).map(|index| Side {
                    index,
                    sent_existing: false,
                })
            }
            None => None,
        };
        // Even the 322 claims of the seed load faster with the trigger lifted; the
        // indexes only pay for a rebuild on a large load.
        let mut lift = if side.is_some() {
            FTS_TRIGGERS.to_vec()
        } else {
            vec!["claims_fts_insert"]
        };
        if large {
            lift.extend_from_slice(SECONDARY_INDEXES);
        }
        let mut restore = Vec::new();
        for name in lift {
            let (kind, sql): (String, String) = tx.query_row(
                "SELECT type, sql FROM sqlite_schema WHERE name = ?1",
                [name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            tx.execute_batch(&format!("DROP {} {name}", kind.to_uppercase()))?;
            restore.push((kind, sql));
        }
        Ok(BulkLoad {
            tx,
            first_new_claim: last + 1,
            next_claim: last + 1,
            sections: HashMap::new(),
            restore,
            side,
        })
    }

    /// Sends the claims the knowledge base held when the first new ones come (after
    /// any the load replaces are deleted) to the side index, which holds them all.
    fn send_existing(&mut self) -> rusqlite::Result<()> {
        let Some(side) = self.side.as_mut().filter(|s| !s.sent_existing) else {
            return Ok(());
        };
        side.sent_existing = true;
        let mut select = self.tx.prepare(
            "SELECT claim_id, statement, quote FROM claims WHERE claim_id < ?1 ORDER BY claim_id",
        )?;
        let mut rows = select.query([self.first_new_claim])?;
        while let Some(row) = rows.next()? {
            side.index.push(
                row.get(0)?,
                row.get_ref(1)?.as_bytes()?,
                row.get_ref(2)?.as_bytes()?,
            );
        }
        Ok(())
    }

    /// Inserts the article a set of claims is written from, with its section
    /// outline; returns its id.
    pub fn insert_source(&mut self, source: &NewSource) -> rusqlite::Result<i64> {
        self.tx.execute(
            "INSERT INTO sources (slug, title, url, sha256, body, is_seed, subject_class)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                source.slug,
                source.title,
                source.url,
                source.sha256,
                source.body,
                source.is_seed,
                crate::text::classes::class_of(source.title, source.body)
            ],
        )?;
        let source_id = self.tx.last_insert_rowid();
        let sections = insert_sections(self.tx, source_id, source.body, source.format)?;
        self.sections.insert(source_id, sections);
        Ok(source_id)
    }

    /// Inserts `claims`, checked by [`check_claims`] from `records` against the text
    /// of source `source_id`. Returns the number of claims.
    pub fn insert_claims(
        &mut self,
        source_id: i64,
        records: &[Located<ClaimRecord>],
        claims: &[ValidClaim],
    ) -> rusqlite::Result<usize> {
        self.send_existing()?;
        let tx = self.tx;
        // Rows go in BATCH at a time: one statement per 64 claims instead of one per
        // claim saves most of SQLite's per-statement work (a tenth of a large import).
        const BATCH: usize = 64;
        const COLUMNS: usize = 14;
        let no_sections = Vec::new();
        let sections = self.sections.get(&source_id).unwrap_or(&no_sections);
        let insert_sql = |rows: usize| {
            let row = format!("({})", ["?"; COLUMNS].join(", "));
            format!(
                "INSERT INTO claims (claim_id, source_id, subject_id, kind, topic_id, stance,
                                     value, versus_id, listed, statement, quote, line_start,
                                     line_end, section_id)
                 VALUES {}",
                vec![row; rows].join(", ")
            )
        };
        let mut full_batch = tx.prepare_cached(&insert_sql(BATCH))?;
        for chunk in claims.chunks(BATCH) {
            let mut last_batch;
            let insert = if chunk.len() == BATCH {
                &mut full_batch
            } else {
                last_batch = tx.prepare_cached(&insert_sql(chunk.len()))?;
                &mut last_batch
            };
            for (row, c) in chunk.iter().enumerate() {
                let r = &records[c.record].record;
                let before = sections.partition_point(|&(line, _)| line <= c.line_start);
                let section_id = before.checked_sub(1).map(|i| sections[i].1);
                let claim_id = self.next_claim;
                self.next_claim += 1;
                let (statement, quote) = c.text(records);
                let values: [&dyn rusqlite::ToSql; COLUMNS] = [
                    &claim_id,
                    &source_id,
                    &c.subject_id,
                    &c.kind.as_str(),
                    &c.topic_id,
                    &c.stance.map(Stance::as_str),
                    &non_blank(&r.value),
                    &c.versus_id,
                    &c.listed,
                    &statement,
                    &quote,
                    &(c.line_start as i64),
                    &(c.line_end as i64),
                    &section_id,
                ];
                for (column, value) in values.into_iter().enumerate() {
                    insert.raw_bind_parameter(row * COLUMNS + column + 1, value)?;
                }
                if let Some(side) = &mut self.side {
                    side.index
                        .push(claim_id, statement.as_bytes(), quote.as_bytes());
                }
            }
            insert.raw_execute()?;
        }
        Ok(claims.len())
    }

    /// Leaves the next `n` claim ids unused, so the claims after them keep the ids
    /// they had when a claim before them was dropped (the seed's retired ids).
    pub fn skip_ids(&mut self, n: usize) {
        self.next_claim += n as i64;
    }

    /// Indexes the new claims for full-text search and restores what `begin` lifted.
    /// Returns the side index, if one was built: it stays attached to the connection
    /// until the transaction ends, and is then to be detached.
    pub fn finish(mut self) -> rusqlite::Result<Option<SideIndex>> {
        self.send_existing()?;
        if let Some(side) = &mut self.side {
            // Nothing more to index: the side finishes while the indexes are built.
            side.index.end_of_rows();
        }
        // With a side index, the indexes are rebuilt on this thread alone, and the
        // side index catches up on the other core meanwhile: SQLite's sorting
        // threads would take that core and save less than they cost it. Without
        // one, they may have it.
        let cores = match self.side {
            Some(_) => 0,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        self.tx.pragma_update(None, "threads", cores as i64)?;
        let (indexes, triggers): (Vec<_>, Vec<_>) =
            self.restore.iter().partition(|(kind, _)| kind == "index");
        for (_, sql) in indexes {
            self.tx.execute_batch(sql)?;
        }
        self.tx.pragma_update(None, "threads", 0)?;
        let side = match self.side.take() {
            Some(mut side) => {
                side.index.copy_into(self.tx)?;
                Some(side.index)
            }
            None => {
                self.fill_fts()?;
                None
            }
        };
        for (_, sql) in triggers {
            self.tx.execute_batch(sql)?;
        }
        Ok(side)
    }

    /// Fills the full-text index with the new claims on this connection, in one
    /// statement.
    fn fill_fts(&self) -> rusqlite::Result<()> {
        // FTS5 writes a new segment whenever its pending terms fill, and then merges
        // the segments. The setting is stored in the index, so the default is put
        // back for ordinary writes. `hashsize` is read by the FTS5 of the bundled
        // SQLite (pinned in Cargo.lock); every test that loads the seed runs this, so
        // a SQLite that refused it would fail them.
        let hashsize = |bytes: i64| {
            self.tx.execute(
                "INSERT INTO claims_fts (claims_fts, rank) VALUES ('hashsize', ?1)",
                [bytes],
            )
        };
        hashsize(crate::ingest::side_index::PENDING_BYTES)?;
        self.tx.execute(
            "INSERT INTO claims_fts (rowid, statement, quote)
             SELECT claim_id, statement, quote FROM claims WHERE claim_id >= ?1",
            [self.first_new_claim],
        )?;
        hashsize(1 << 20)?;
        Ok(())
    }
}
