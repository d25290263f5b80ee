//! Writing the claims an answer found, in the `claims` command's shape and at most
//! [`MAX_ROWS`] of them; and the claims that say a phrase of the question as typed,
//! which answer where no claim is on the topic itself.

use rusqlite::Connection;

use crate::ask::answer::say::{plural, printable, reading_as, say};
use crate::ask::answer::select::{Found, Select};
use crate::error::Result;
use crate::model::Kind;
use crate::names::{fold, some_of};
use crate::query;
use crate::rows::{Column, Sink};

/// At most this many rows answer a question; the rest are counted and the full
/// command is given, so nothing is cut silently.
pub const MAX_ROWS: usize = 30;

/// At most this many claims may mention an unknown word for them to answer it.
pub const MAX_MENTIONS: usize = 5;

/// Writes the claims (at most `MAX_ROWS`) in the `claims` command's shape; says so
/// when more matched. `sides`: the words the question compares a subject with
/// that name no subject ("X vs zorb", src/ask/interpret.rs), shown like a subject
/// asked about that has no claim of its own where a claim found names them.
pub fn write_found(
    conn: &Connection,
    out: &mut dyn Sink,
    found: &[Found],
    select: &Select,
    sides: &[String],
) -> Result<()> {
    let named = named_in_others(conn, found, &select.subject_names, sides)?;
    if named.is_empty() {
        return write_found_as(conn, out, found, &select.command(), query::CLAIM_COLUMNS);
    }
    let mut ids: Vec<i64> = found.iter().take(MAX_ROWS).map(|f| f.claim_id).collect();
    let mut others: Vec<Option<String>> = vec![None; ids.len()];
    for (subject, f) in &named {
        ids.push(f.claim_id);
        others.push(Some(subject.clone()));
        say(&format!(
            "{subject}: no claim of its own; {}'s claim names it (line {})",
            f.subject, f.line_start
        ));
    }
    query::write_claim_rows(conn, out, &ids, &others, query::CLAIM_COLUMNS)?;
    showing_first(found.len(), &select.command());
    Ok(())
}

/// The subjects asked about that have no claim among `found` (not even as the
/// other side of a comparison) but that a found claim's statement names: each
/// with the first such claim ("A, B and C do not support it", a claim of A's,
/// says it of B too). Nothing is looked up when every subject has a claim.
fn named_in_others<'f>(
    conn: &Connection,
    found: &'f [Found],
    asked: &[String],
    sides: &[String],
) -> Result<Vec<(String, &'f Found)>> {
    // No subject asked ("which one handles X better"): the subjects of the
    // articles the claims stand in.
    let of_sources;
    let asked = if asked.is_empty() && !found.is_empty() {
        let mut slugs: Vec<&str> = found.iter().map(|f| f.source.as_str()).collect();
        slugs.sort();
        slugs.dedup();
        let placeholders = vec!["?"; slugs.len()].join(", ");
        let mut stmt = conn.prepare(&format!(
            "SELECT DISTINCT s.name FROM claims c
             JOIN subjects s ON s.subject_id = c.subject_id
             JOIN sources src ON src.source_id = c.source_id
             WHERE src.slug IN ({placeholders})"
        ))?;
        of_sources = stmt
            .query_map(rusqlite::params_from_iter(&slugs), |r| {
                r.get::<_, String>(0)
            })?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        of_sources.as_slice()
    } else {
        asked
    };
    // The other sides named beside the subjects asked, which have no claim at all.
    let with_sides: Vec<String>;
    let asked = if asked.is_empty() {
        asked
    } else {
        let mut all = asked.to_vec();
        all.extend(sides.iter().filter(|w| !asked.contains(w)).cloned());
        with_sides = all;
        with_sides.as_slice()
    };
    let silent = Found::silent(asked, found);
    let mut named = Vec::new();
    if silent.is_empty() || found.is_empty() {
        return Ok(named);
    }
    let mut aliases = conn.prepare_cached(
        "SELECT a.key FROM subject_aliases a JOIN subjects s ON s.subject_id = a.subject_id
         WHERE s.name = ?1",
    )?;
    for subject in silent {
        let mut forms: Vec<String> = vec![fold(subject), fold(&subject.replace('-', " "))];
        forms.extend(
            aliases
                .query_map([subject], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?,
        );
        let says = |statement: &str| {
            let words: Vec<String> = statement
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .filter(|w| !w.is_empty())
                .map(fold)
                .collect();
            let text = format!(" {} ", words.join(" "));
            forms
                .iter()
                .filter(|f| f.chars().count() >= 2)
                .any(|f| text.contains(&format!(" {f} ")))
        };
        if let Some(f) = found.iter().take(MAX_ROWS).find(|f| says(&f.statement)) {
            named.push((subject.clone(), f));
        }
    }
    Ok(named)
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
    showing_first(found.len(), command);
    Ok(())
}

/// Where `found` claims matched and only the first `MAX_ROWS` were written: says
/// so, with `command`, which lists them all.
fn showing_first(found: usize, command: &str) {
    if found > MAX_ROWS {
        say(&format!(
            "showing the first {MAX_ROWS} of {found} claims; all of them: claimdb {}",
            printable(command)
        ));
    }
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
    sides: &[String],
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
            write_found(conn, out, &found, &said, sides)?;
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
