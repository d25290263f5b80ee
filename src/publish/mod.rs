//! `publish DIR`: hands the knowledge base to Datasette, which serves it to many
//! readers (SPEC section 12). DIR gets a compacted snapshot under a stable name,
//! `claimdb.sqlite3`, so every Datasette URL (`/claimdb/which_lacks?topic=…`) keeps
//! working after the next publish; its content hash goes into `metadata.json`
//! (descriptions, facets, full-text search, canned queries) and the README, which
//! gives the one command that serves exactly this snapshot.
//!
//! The snapshot is written by `VACUUM INTO` a temporary file in DIR, hashed, made
//! read-only and renamed over the previous one, so DIR never holds half a snapshot.
//! A publish killed before that rename leaves its temporary file; the next publish
//! into DIR removes such files of processes that are gone, and only those.

mod metadata;
pub mod queries;
mod readme;
mod request;
mod snapshot;

use std::path::{Path, PathBuf};

use crate::db::Db;
use crate::error::{Error, Result};
use crate::output::write_atomically;

pub use readme::serve_command;
use request::is_web_url;
pub use request::{Request, SNAPSHOT};

/// What a publish wrote.
pub struct Published {
    /// The snapshot, as DIR names it.
    pub snapshot: PathBuf,
    pub sha256: String,
    pub claims: i64,
    pub sources: i64,
    /// Snapshots of earlier claimdb versions (`claimdb-<hash>.sqlite3`) still in DIR.
    pub older: Vec<String>,
}

/// The files a publish writes in DIR.
const WRITTEN: [&str; 3] = [SNAPSHOT, "metadata.json", "README.md"];

pub fn publish(db: &Db, request: &Request) -> Result<Published> {
    let dir = request.dir;
    // Datasette makes the licence's address a link on every page: like the sources'
    // addresses, only a web address may be one (never `javascript:`).
    if let Some(url) = request.license_url.filter(|u| !is_web_url(u)) {
        return Err(Error::usage(format!(
            "--license-url must be an http:// or https:// address, not {url}"
        ))
        .with_hint("claimdb publish site/ --license CC-BY-4.0 --license-url https://creativecommons.org/licenses/by/4.0/"));
    }
    if dir.exists() && !dir.is_dir() {
        return Err(Error::usage(format!(
            "cannot publish to {}: it is not a directory",
            dir.display()
        ))
        .with_hint("give a directory (created if missing): claimdb publish site/"));
    }
    refuse_database_in(dir, &db.path)?;
    std::fs::create_dir_all(dir).map_err(|e| crate::output::io_error(dir, "cannot create", e))?;
    snapshot::remove_stale(dir);
    let (path, sha256) = snapshot::write(db, dir)?;
    let metadata = metadata::metadata(db, &sha256, request)?;
    let text = serde_json::to_string_pretty(&metadata).expect("metadata serialises") + "\n";
    write_atomically(&dir.join("metadata.json"), text.as_bytes())?;
    write_atomically(&dir.join("README.md"), readme::readme(&sha256).as_bytes())?;
    let (claims, sources): (i64, i64) = db.conn.query_row(
        "SELECT (SELECT count(*) FROM claims), (SELECT count(*) FROM sources)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(Published {
        snapshot: path,
        sha256,
        claims,
        sources,
        older: snapshot::older_snapshots(dir),
    })
}

/// Refuses a DIR where a file publish writes is the database in use (`--db
/// site/metadata.json`, or a link to it), compared by identity as `-o` compares:
/// publishing would replace the database. Nothing is written.
fn refuse_database_in(dir: &Path, database: &Path) -> Result<()> {
    for name in WRITTEN {
        let target = dir.join(name);
        if crate::output::is_database_file(&target, database) {
            return Err(Error::usage(format!(
                "cannot publish to {}: {} is the database in use, and publish would replace it",
                dir.display(),
                target.display()
            ))
            .with_hint("publish to another directory: claimdb publish site/"));
        }
    }
    Ok(())
}
