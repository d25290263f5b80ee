//! "does <company> use X": the company claims naming these companies, and for each
//! company and subject whether the article says it uses it.

use rusqlite::Connection;

use crate::ask::answer::rows::write_found;
use crate::ask::answer::say::{note, reading_as, say};
use crate::ask::answer::select::{Found, Select};
use crate::error::Result;
use crate::model::Kind;
use crate::names::{fold, some_of};
use crate::rows::Sink;

pub fn company_answer(
    conn: &Connection,
    out: &mut dyn Sink,
    companies: &[String],
    subjects: &[String],
    sides: &[String],
) -> Result<()> {
    let mut select = Select::new(conn, subjects, &[])?.of_kinds(vec![Kind::Company]);
    let mut found: Vec<Found> = Vec::new();
    let mut commands: Vec<String> = Vec::new();
    for company in companies {
        select.filter.anywhere = Some(company.clone());
        commands.push(select.command());
        for f in select.fetch(conn)? {
            if f.value.as_deref().is_some_and(|v| fold(v) == fold(company)) {
                found.push(f);
            }
        }
    }
    reading_as(&commands.join(" ; claimdb "));
    write_found(conn, out, &found, &select, sides)?;
    let mut lines: Vec<String> = Vec::new();
    for company in companies {
        let mut names: Vec<String> = select.subject_names.clone();
        if names.is_empty() {
            for f in found
                .iter()
                .filter(|f| fold(f.value.as_deref().unwrap_or("")) == fold(company))
            {
                if !names.contains(&f.subject) {
                    names.push(f.subject.clone());
                }
            }
        }
        for subject in names {
            let hit = found.iter().find(|f| {
                f.subject == subject && f.value.as_deref().map(fold) == Some(fold(company))
            });
            lines.push(match hit {
                Some(f) => format!("yes: {company} uses {subject} (line {})", f.line_start),
                None => format!("no claim that {company} uses {subject}"),
            });
        }
    }
    if found.is_empty() {
        say(&format!(
            "no claim on {} for {} in the knowledge base",
            companies.join(", "),
            some_of(&select.subject_names, 5)
        ));
    } else if !lines.is_empty() {
        note(out, &lines.join("; "))?;
    }
    Ok(())
}

/// True when some company claim is about one of `subjects` (any, when none named).
pub fn any_company_claim(conn: &Connection, subjects: &[String]) -> Result<bool> {
    let placeholders = vec!["?"; subjects.len()].join(", ");
    let sql = if subjects.is_empty() {
        "SELECT EXISTS (SELECT 1 FROM claims WHERE kind = 'company')".to_string()
    } else {
        format!(
            "SELECT EXISTS (SELECT 1 FROM claims c JOIN subjects s ON s.subject_id = c.subject_id
             WHERE c.kind = 'company' AND s.name IN ({placeholders}))"
        )
    };
    Ok(conn.query_row(&sql, rusqlite::params_from_iter(subjects), |r| r.get(0))?)
}
