//! "which should I use for X", "is X good for beginners": the comparisons on the
//! topics, the use cases and pros for them (everything said of a named subject on
//! them), and the subjects the article names as a use case.

use rusqlite::Connection;

use crate::ask::answer::compare::comparison_verdict;
use crate::ask::answer::explain::no_claim;
use crate::ask::answer::rows::write_found;
use crate::ask::answer::say::{note, reading_as};
use crate::ask::answer::select::Select;
use crate::ask::answer::select::comparisons;
use crate::error::Result;
use crate::model::Kind;
use crate::rows::Sink;

pub fn advice_answer(
    conn: &Connection,
    out: &mut dyn Sink,
    subjects: &[String],
    topics: &[String],
    sides: &[String],
) -> Result<()> {
    let (_, mut found) = comparisons(conn, subjects, topics)?;
    let verdict = comparison_verdict(&found);
    // For everyone: what the article suggests them for. For a named subject
    // ("is X good for beginners"): everything it says of that subject on it.
    let select = Select::new(conn, subjects, topics)?.of_kinds(if subjects.is_empty() {
        vec![Kind::UseCase, Kind::Pro]
    } else {
        vec![
            Kind::UseCase,
            Kind::Pro,
            Kind::Con,
            Kind::Limitation,
            Kind::Feature,
            Kind::Fact,
        ]
    });
    let uses = select.fetch(conn)?;
    let mut suggested: Vec<String> = Vec::new();
    for f in uses.iter().filter(|f| f.kind == Kind::UseCase.as_str()) {
        if !suggested
            .iter()
            .any(|n| n.starts_with(&format!("{} ", f.subject)))
        {
            suggested.push(format!("{} (line {})", f.subject, f.line_start));
        }
    }
    found.extend(uses);
    let mut command = Select::new(conn, subjects, topics)?
        .of_kinds(vec![Kind::Comparison, Kind::UseCase, Kind::Pro])
        .command();
    if found.is_empty() {
        // No use case or comparison: what the article says on the topic at all.
        let all = Select::new(conn, subjects, topics)?;
        found = all.fetch(conn)?;
        command = all.command();
    }
    reading_as(&command);
    write_found(conn, out, &found, &select, sides)?;
    if found.is_empty() {
        return no_claim(conn, subjects, topics, &[]);
    }
    let mut lines: Vec<String> = Vec::new();
    if !suggested.is_empty() {
        lines.push(format!(
            "The article names as a use case: {}",
            suggested.join(", ")
        ));
    }
    if let Some(v) = verdict {
        lines.push(v);
    }
    if !lines.is_empty() {
        note(out, &format!("{}.", lines.join(". ")))?;
    }
    Ok(())
}
