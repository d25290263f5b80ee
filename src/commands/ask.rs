//! `ask "QUESTION"`: reads a controlled-English question (src/ask.rs) and answers it
//! with the same code as the matching command, so both give the same rows.

use crate::ask::{self, Intent};
use crate::catalog;
use crate::cli::{CompaniesArgs, ListArgs};
use crate::commands::{compare, lists, which};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::model::Kind;
use crate::output::Output;
use crate::query::{self, ClaimFilter};

pub fn run(db: &Db, out: &mut Output, question: &str) -> Result<()> {
    let Some(intent) = ask::parse(question) else {
        return Err(Error::usage(format!(
            "cannot read the question \"{}\"; claimdb understands these forms:\n{}",
            question.trim(),
            ask::FORMS
        ))
        .with_hint("use the subject and topic names of `claimdb subjects` and `claimdb topics`"));
    };
    match intent {
        Intent::Which { polarity, words } => {
            let question = which::Question::parse(&db.conn, polarity, &words)?;
            let answers = which::answer(&db.conn, &question)?;
            which::write(out, &question, &answers)
        }
        Intent::Companies { subjects, shared } if shared && subjects.is_empty() => {
            // "both" means the two subjects the knowledge base has; with more, ask
            // which two.
            let all = crate::query::all_subject_ids(&db.conn)?;
            if all.len() != 2 {
                return Err(Error::usage(format!(
                    "\"both\" is ambiguous with {} subjects in the knowledge base",
                    all.len()
                ))
                .with_hint("name them: which companies use django and flask"));
            }
            lists::companies(
                db,
                out,
                &CompaniesArgs {
                    subject: Vec::new(),
                    shared,
                    all: false,
                },
            )
        }
        Intent::Companies { subjects, shared } => lists::companies(
            db,
            out,
            &CompaniesArgs {
                subject: subjects,
                shared,
                all: false,
            },
        ),
        Intent::List { kind, subjects } => lists::list(
            db,
            out,
            kind,
            &ListArgs {
                subject: subjects,
                all: false,
            },
        ),
        Intent::Compare { subjects, on } => compare::run(&db.conn, out, &subjects, on.as_deref()),
        Intent::Fact { subject, topic } => {
            let subject = catalog::resolve_subject(&db.conn, &subject)?;
            let topic = catalog::resolve_topic(&db.conn, topic)?;
            let filter = ClaimFilter {
                subjects: vec![subject.id],
                topic: Some(topic.id),
                ..ClaimFilter::default()
            };
            answer_claims(
                db,
                out,
                &filter,
                &format!("{} on {}", subject.name, topic.name),
            )
        }
        Intent::Better { topic } => {
            let topic = catalog::resolve_topic(&db.conn, topic)?;
            let filter = ClaimFilter {
                topic: Some(topic.id),
                kinds: vec![
                    Kind::Pro,
                    Kind::Con,
                    Kind::Limitation,
                    Kind::Fact,
                    Kind::Feature,
                ],
                ..ClaimFilter::default()
            };
            let n = query::write_claims(&db.conn, out, &filter, query::CLAIM_COLUMNS)?;
            if out.is_human() {
                out.note(&balance(db, topic.id, &topic.name, n)?)?;
            }
            Ok(())
        }
    }
}

/// "On learning-curve, most in favour: flask (3 pros, 0 cons or limitations);
/// django (0 pros, 2 cons or limitations)." The tally is a reading aid; the rows
/// above are the answer and carry the citations.
fn balance(db: &Db, topic_id: i64, topic: &str, n: u64) -> Result<String> {
    if n == 0 {
        return Ok(format!("No claim in the knowledge base on {topic}."));
    }
    let mut stmt = db.conn.prepare(
        "SELECT s.name, sum(c.kind = 'pro'), sum(c.kind IN ('con', 'limitation'))
         FROM claims c JOIN subjects s ON s.subject_id = c.subject_id
         WHERE c.topic_id = ?1
         GROUP BY s.name
         ORDER BY sum(c.kind = 'pro') - sum(c.kind IN ('con', 'limitation')) DESC, s.name",
    )?;
    let tallies: Vec<String> = stmt
        .query_map([topic_id], |r| {
            let (name, pros, cons): (String, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
            Ok(format!(
                "{name} ({pros} pro{}, {cons} con{} or limitation{})",
                if pros == 1 { "" } else { "s" },
                if cons == 1 { "" } else { "s" },
                if cons == 1 { "" } else { "s" }
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(format!(
        "On {topic}, most in favour first: {}.",
        tallies.join("; ")
    ))
}

fn answer_claims(db: &Db, out: &mut Output, filter: &ClaimFilter, what: &str) -> Result<()> {
    let n = query::write_claims(&db.conn, out, filter, query::CLAIM_COLUMNS)?;
    if out.is_human() {
        out.note(&match n {
            0 => format!("No claim in the knowledge base on {what}."),
            1 => format!("1 claim on {what}."),
            n => format!("{n} claims on {what}."),
        })?;
    }
    Ok(())
}
