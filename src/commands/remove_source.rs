//! `claimdb remove-source SLUG`: drop an article and every claim written from it.
//! The shipped article needs --force; subjects left with no claim go too, so they
//! stop appearing as "no claim" in answers.

use crate::answers::lists::resolve_source;
use crate::cli::RemoveSourceArgs;
use crate::db::Db;
use crate::error::Result;
use crate::ingest::remove::remove_source;

pub fn run(db: &mut Db, args: &RemoveSourceArgs) -> Result<()> {
    let slug = resolve_source(&db.conn, &args.slug)?;
    let removed = remove_source(&mut db.conn, &slug, args.force)?;
    stderr_line!(
        "claimdb: removed '{slug}' and its {} claims{}",
        removed.claims,
        match removed.subjects {
            0 => String::new(),
            n => format!(
                "; {n} subject{} left without claims removed too",
                if n == 1 { "" } else { "s" }
            ),
        }
    );
    Ok(())
}
