//! "who created X", "when did X come out", "what is X": a subject's facts (the
//! dated ones when a date is asked), or everything the article says of it when no
//! fact is recorded; the facts' values are said after the rows.

use rusqlite::Connection;

use crate::ask::answer::explain::no_claim;
use crate::ask::answer::rows::write_found;
use crate::ask::answer::say::{note, reading_as};
use crate::ask::answer::select::{Found, Select};
use crate::error::Result;
use crate::model::Kind;
use crate::rows::Sink;

/// `when`: the question asks for a date ("when", "what year").
pub fn facts_answer(
    conn: &Connection,
    out: &mut dyn Sink,
    subjects: &[String],
    topics: &[String],
    when: bool,
    sides: &[String],
) -> Result<()> {
    let mut select = Select::new(conn, subjects, topics)?;
    if topics.is_empty() {
        select.filter.kinds = vec![Kind::Fact];
    }
    let mut found = select.fetch(conn)?;
    // "when", "what year": the facts that carry a year, when some do.
    if when && topics.is_empty() {
        let dated: Vec<Found> = found
            .iter()
            .filter(|f| f.value.as_deref().is_some_and(has_year))
            .cloned()
            .collect();
        if !dated.is_empty() {
            found = dated;
        }
    } else if when {
        // "who created X and when": the dated facts too.
        let dated = Select::new(conn, subjects, &[])?.of_kinds(vec![Kind::Fact]);
        for f in dated.fetch(conn)? {
            let year = f.value.as_deref().is_some_and(has_year);
            if year && !found.iter().any(|g| g.claim_id == f.claim_id) {
                found.push(f);
            }
        }
    }
    if found.is_empty() && topics.is_empty() {
        // No fact recorded: everything the article says of the subject.
        select.filter.kinds = Vec::new();
        found = select.fetch(conn)?;
    }
    let (found, command) = crate::ask::answer::select::or_naming(conn, &select, topics, found)?;
    reading_as(&command);
    write_found(conn, out, &found, &select, sides)?;
    if found.is_empty() {
        return no_claim(conn, &select.subject_names, &select.topic_names, &[]);
    }
    let facts: Vec<String> = found
        .iter()
        .filter(|f| f.kind == Kind::Fact.as_str())
        .filter_map(|f| {
            f.value
                .as_ref()
                .map(|v| format!("{} {}: {v} (line {})", f.subject, f.topic, f.line_start))
        })
        .collect();
    if !facts.is_empty() {
        note(out, &format!("The article says: {}.", facts.join("; ")))?;
    }
    Ok(())
}

/// True when `text` holds a four-digit year ("July 2005", "2010").
fn has_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("1") || d.starts_with("2")))
}
