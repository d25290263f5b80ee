//! `claimdb init [--force]`: create the database, or rebuild it from the seed.

use crate::cli::InitArgs;
use crate::db::{Db, Initialised, Location};
use crate::error::Result;

pub fn run(location: &Location, args: &InitArgs) -> Result<()> {
    let (db, outcome) = Db::init(location, args.force, crate::ingest::seed::load)?;
    let (sources, claims): (i64, i64) = db.conn.query_row(
        "SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM claims)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let what = match outcome {
        Initialised::Created => "created",
        Initialised::Rebuilt => "rebuilt",
        Initialised::AlreadyThere => "up to date",
    };
    stderr_line!(
        "claimdb: {} {what}: {sources} source{}, {claims} claims",
        db.path.display(),
        if sources == 1 { "" } else { "s" }
    );
    if matches!(outcome, Initialised::AlreadyThere) {
        stderr_line!("  (init --force rebuilds it from scratch, dropping imported articles)");
    }
    Ok(())
}
