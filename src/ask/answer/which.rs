//! "which lacks built-in auth", "which has an admin panel": the `which` command's
//! rows and coverage line for one topic.

use rusqlite::Connection;

use crate::ask::answer::explain::no_claim;
use crate::ask::answer::legacy;
use crate::ask::answer::say::reading_as;
use crate::catalog;
use crate::error::Result;
use crate::output::Output;

pub fn which_answer(
    conn: &Connection,
    out: &mut Output,
    lacks: bool,
    builtin: bool,
    topic: &str,
) -> Result<()> {
    let topic = catalog::resolve_topic(conn, topic)?;
    // `which`'s three rules, as its command line spells them.
    let verb = match (lacks, builtin) {
        (true, _) => "lacks built-in",
        (false, true) => "has built-in",
        (false, false) => "has",
    };
    reading_as(&format!("which {verb} {}", topic.name));
    let name = topic.name.clone();
    if !legacy::which(conn, out, lacks, builtin, topic)? {
        return no_claim(conn, &[], std::slice::from_ref(&name), &[]);
    }
    Ok(())
}
