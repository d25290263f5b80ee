//! Writing the claims an answer found, in the `claims` command's shape and at most
//! [`MAX_ROWS`] of them; and the claims that say a phrase of the question as typed,
//! which answer where no claim is on the topic itself.

use rusqlite::Connection;

use crate::ask::answer::say::{plural, printable, reading_as, say};
use crate::ask::answer::select::{Found, Select};
use crate::error::Result;
use crate::model::Kind;
use crate::names::some_of;
use crate::query;
use crate::rows::{Column, Sink};

/// At most this many rows answer a question; the rest are counted and the full
/// command is given, so nothing is cut silently.
pub const MAX_ROWS: usize = 30;

/// At most this many claims may mention an unknown word for them to answer it.
pub const MAX_MENTIONS: usize = 5;

/// Writes the claims (at most `MAX_ROWS`) in the `claims` command's shape; says so
/// when more matched.
pub fn write_found(
    conn: &Connection,
    out: &mut dyn Sink,
    found: &[Found],
    select: &Select,
) -> Result<()> {
    write_found_as(conn, out, found, &select.command(), query::CLAIM_COLUMNS)
}

/// Writes the claims (at most `MAX_ROWS`) with `layout`; when more matched, says
/// so and gives `command`, which lists them all.
pub fn write_found_as(
    conn: &Connection,
    out: &mut dyn Sink,
    found: &[Found],
    command: &str,
    layout: &[(query::Field, Column)],
) -> Result<()> {
    let ids: Vec<i64> = found.iter().take(MAX_ROWS).map(|f| f.claim_id).collect();
    query::write_claim_ids(conn, out, &ids, layout)?;
    if found.len() > MAX_ROWS {
        say(&format!(
            "showing the first {MAX_ROWS} of {} claims; all of them: claimdb {}",
            found.len(),
            printable(command)
        ));
    }
    Ok(())
}

/// Where the topic has no claim for these subjects, their claims may say the very
/// words asked ("hard to set up" under another topic): the first phrase that a few
/// claims say (at most [`MAX_MENTIONS`], and no comparison among them unless
/// `comparisons`) answers. Writes those claims and says so, naming the subjects and
/// topics of `unanswered` in the "no claim" line; true when one did.
pub fn telling_mention(
    conn: &Connection,
    out: &mut dyn Sink,
    subjects: &[String],
    phrases: &[String],
    comparisons: bool,
    unanswered: (&[String], &[String]),
) -> Result<bool> {
    let (named, topics) = unanswered;
    for phrase in phrases {
        let mut said = Select::new(conn, subjects, &[])?;
        said.filter.fts_words = vec![phrase.clone()];
        let found = said.fetch(conn)?;
        // A comparison saying it may be answered with the others between them.
        let compared = found.iter().any(|f| f.kind == Kind::Comparison.as_str());
        if !found.is_empty() && found.len() <= MAX_MENTIONS && (comparisons || !compared) {
            reading_as(&said.command());
            write_found(conn, out, &found, &said)?;
            say(&format!(
                "no claim on '{}' for {}; {} {} '{}'",
                topics.join(" or "),
                some_of(named, 5),
                plural(found.len(), "claim"),
                if found.len() == 1 { "says" } else { "say" },
                printable(phrase)
            ));
            return Ok(true);
        }
    }
    Ok(false)
}
