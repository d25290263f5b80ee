//! Bare keywords ("X admin"): the claims of the subjects on the topics. And words
//! no topic names ("does X support graphql"): the few claims whose text says them,
//! else an honest "no claim".

use rusqlite::Connection;

use crate::ask::answer::explain::no_claim;
use crate::ask::answer::rows::{MAX_MENTIONS, write_found};
use crate::ask::answer::say::{plural, printable, reading_as, say};
use crate::ask::answer::select::Select;
use crate::error::Result;
use crate::rows::Sink;
use crate::text::english::inflect;

pub fn keywords_answer(
    conn: &Connection,
    out: &mut dyn Sink,
    subjects: &[String],
    topics: &[String],
) -> Result<()> {
    let select = Select::new(conn, subjects, topics)?;
    let found = select.fetch(conn)?;
    reading_as(&select.command());
    write_found(conn, out, &found, &select)?;
    if found.is_empty() {
        return no_claim(conn, &select.subject_names, &select.topic_names, &[]);
    }
    Ok(())
}

/// No topic names `words`: the claims whose text says them, if any, else "no claim".
pub fn mentions_answer(
    conn: &Connection,
    out: &mut dyn Sink,
    subjects: &[String],
    words: &[String],
) -> Result<()> {
    let mut select = Select::new(conn, subjects, &[])?;
    select.filter.fts_words = words
        .iter()
        .filter(|w| w.chars().count() >= 3)
        .cloned()
        .collect();
    let mut found = if select.filter.fts_words.is_empty() {
        Vec::new()
    } else {
        select.fetch(conn)?
    };
    if found.is_empty() && !select.filter.fts_words.is_empty() {
        // Another form of the words: "replication" says what "replicated" does.
        let exact = std::mem::take(&mut select.filter.fts_words);
        select.filter.fts_words = exact.iter().map(|w| inflect::stem(w)).collect();
        found = select.fetch(conn)?;
        if found.is_empty() {
            select.filter.fts_words = exact;
        }
    }
    // A word many claims use ("python" in an article about Python tools) says
    // nothing about what was asked: only a telling mention answers.
    if found.len() > MAX_MENTIONS {
        found.clear();
    }
    reading_as(&select.command());
    write_found(conn, out, &found, &select)?;
    if found.is_empty() {
        return no_claim(conn, &select.subject_names, &[], words);
    }
    say(&format!(
        "no topic is named '{}'; {} mention it",
        printable(&words.join(" ")),
        plural(found.len(), "claim")
    ));
    Ok(())
}
