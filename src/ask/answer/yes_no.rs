//! "does X have Y", "is X easy to learn": the subjects' claims on the topic, feature
//! claims (the stance) first, and one verdict per subject: its stance, the
//! article's comparison, or that it says nothing.

use std::collections::BTreeSet;

use rusqlite::Connection;

use crate::answers::which::conflicting;
use crate::ask::answer::compare::comparison_verdict;
use crate::ask::answer::explain::no_claim;
use crate::ask::answer::rows::{telling_mention, write_found};
use crate::ask::answer::say::{note, plural, reading_as};
use crate::ask::answer::select::{Found, Select};
use crate::error::Result;
use crate::model::{Kind, Stance};
use crate::rows::Sink;

/// `phrases`: the phrases of several words that named a topic, as typed;
/// `unknown`: the question's words that named nothing ("XYZ").
pub fn yes_no_answer(
    conn: &Connection,
    out: &mut dyn Sink,
    (subjects, topics): (&[String], &[String]),
    phrases: &[String],
    unknown: &[String],
    sides: &[String],
) -> Result<()> {
    // Feature claims (the stance) first, then what else the article says on it:
    // every kind, ranked, so one fetch gives both the order and whether any is there.
    let select = Select::new(conn, subjects, topics)?.of_kinds(vec![
        Kind::Feature,
        Kind::Comparison,
        Kind::Limitation,
        Kind::Con,
        Kind::Pro,
        Kind::UseCase,
        Kind::Fact,
        Kind::Company,
    ]);
    let mut found = select.fetch(conn)?;
    if !select.filter.subjects.is_empty()
        && found.is_empty()
        && telling_mention(
            conn,
            out,
            subjects,
            phrases,
            true,
            (&select.subject_names, &select.topic_names),
            sides,
        )?
    {
        return Ok(());
    }
    // Who has nothing of its own on the topic is found before the claims that say
    // a word of the question join (those may be on other topics).
    let compared_against = compared_against(conn, &select, topics, &mut found)?;
    named_by_others(conn, &select, topics, &mut found)?;
    let (said, said_by) = saying(conn, subjects, unknown, &found)?;
    found.extend(said);
    let shown = select.of_kinds(Vec::new());
    // The claims that say a word of the question join the reading line, so that
    // it lists every row shown.
    let mut commands = vec![shown.command()];
    commands.extend(said_by);
    reading_as(&commands.join(" ; claimdb "));
    write_found(conn, out, &found, &shown, sides)?;
    let (verdicts, silent) = verdicts(&shown, &found, &compared_against);
    if !verdicts.is_empty() {
        note(out, &verdicts.join("; "))?;
    }
    if !silent.is_empty() || found.is_empty() {
        return no_claim(conn, &silent, &shown.topic_names, &[]);
    }
    Ok(())
}

/// A subject with nothing of its own on the topic may still be the other side of
/// a comparison on it ("is X easy to learn": "Y is easier to learn than X"): those
/// comparisons join `found`, and each such subject gets its verdict line.
fn compared_against(
    conn: &Connection,
    select: &Select,
    topics: &[String],
    found: &mut Vec<Found>,
) -> Result<Vec<String>> {
    let mut lines: Vec<String> = Vec::new();
    if select.filter.subjects.is_empty() || select.filter.topics.is_empty() {
        return Ok(lines);
    }
    // Only a subject with nothing of its own found can be answered this way.
    if select
        .subject_names
        .iter()
        .all(|s| found.iter().any(|f| f.subject == *s))
    {
        return Ok(lines);
    }
    let others = Select::new(conn, &[], topics)?.of_kinds(vec![Kind::Comparison]);
    for f in others.fetch(conn)? {
        let Some(versus) = f.versus.clone() else {
            continue;
        };
        let silent = !found.iter().any(|g| g.subject == versus);
        if silent && select.subject_names.contains(&versus) {
            // A comparative ("easier") reads "X is easier than Y"; a value that is
            // a sentence of its own is quoted as the comparison.
            let value = f.value.as_deref().unwrap_or("compared");
            lines.push(if value.split_whitespace().count() <= 3 {
                format!(
                    "{versus}: no claim of its own; {} is {value} than {versus} (line {})",
                    f.subject, f.line_start
                )
            } else {
                format!(
                    "{versus}: no claim of its own; {}'s comparison says: {value} (line {})",
                    f.subject, f.line_start
                )
            });
            found.push(f);
        }
    }
    Ok(lines)
}

/// A subject with nothing of its own on the topic may be named in another
/// subject's claim on it ("B does not support X, whereas A does", a claim of B's):
/// that claim joins `found`, and the rows show it for the subject it names too.
fn named_by_others(
    conn: &Connection,
    select: &Select,
    topics: &[String],
    found: &mut Vec<Found>,
) -> Result<()> {
    if select.filter.subjects.is_empty() || select.filter.topics.is_empty() {
        return Ok(());
    }
    let silent = Found::silent(&select.subject_names, found);
    if silent.is_empty() {
        return Ok(());
    }
    let others = Select::new(conn, &[], topics)?.fetch(conn)?;
    for f in others {
        let names = silent.iter().any(|s| {
            let text = crate::names::fold(&f.statement);
            let form = crate::names::fold(&s.replace('-', " "));
            text.split(|c: char| !c.is_alphanumeric())
                .collect::<Vec<_>>()
                .windows(form.split(' ').count())
                .any(|w| w.join(" ") == form)
        });
        if names && !found.iter().any(|g| g.claim_id == f.claim_id) {
            found.push(f);
        }
    }
    Ok(())
}

/// One verdict per subject asked (or found, when none was named), and the subjects
/// with no claim of their own.
fn verdicts(
    shown: &Select,
    found: &[Found],
    compared_against: &[String],
) -> (Vec<String>, Vec<String>) {
    let mut verdicts: Vec<String> = Vec::new();
    let mut silent: Vec<String> = Vec::new();
    let names = if shown.subject_names.is_empty() {
        let mut names: Vec<String> = Vec::new();
        for f in found {
            if !names.contains(&f.subject) {
                names.push(f.subject.clone());
            }
        }
        names
    } else {
        shown.subject_names.clone()
    };
    for subject in &names {
        let mine: Vec<&Found> = found.iter().filter(|f| f.subject == *subject).collect();
        if let Some(line) = compared_against
            .iter()
            .find(|l| l.starts_with(&format!("{subject}: ")))
        {
            verdicts.push(line.clone());
            silent.push(subject.clone());
            continue;
        }
        if mine.is_empty() {
            silent.push(subject.clone());
            continue;
        }
        // A stance on any claim but a comparison says how the subject has it: a
        // limitation "has had limited support" is stance `limited`.
        let stances: BTreeSet<Stance> = mine
            .iter()
            .filter(|f| f.kind != Kind::Comparison.as_str())
            .filter_map(|f| f.stance.as_deref()?.parse().ok())
            .collect();
        let n = mine.len();
        let compared: Vec<Found> = mine
            .iter()
            .filter(|f| f.kind == Kind::Comparison.as_str())
            .map(|f| (*f).clone())
            .collect();
        verdicts.push(match stance_verdict(&stances) {
            Some(v) => format!("{subject}: {v} ({})", plural(n, "claim")),
            None if !compared.is_empty() => format!(
                "{subject}: {}",
                comparison_verdict(&compared).expect("some comparison")
            ),
            None => format!(
                "{subject}: no has/lacks stance stated; {} on {} above",
                plural(n, "claim"),
                shown.topic_names.join(" or ")
            ),
        });
    }
    (verdicts, silent)
}

/// The subjects' claims, on any topic, that say a word of the question no name
/// explained ("does A stay up when there are XYZ problems": the claim that says
/// XYZ), when few do (a word many claims use tells nothing), and not found yet.
fn saying(
    conn: &Connection,
    subjects: &[String],
    unknown: &[String],
    found: &[Found],
) -> Result<(Vec<Found>, Vec<String>)> {
    let mut more: Vec<Found> = Vec::new();
    let mut commands: Vec<String> = Vec::new();
    if subjects.is_empty() {
        return Ok((more, commands));
    }
    for word in unknown.iter().filter(|w| w.chars().count() >= 3) {
        let mut said = Select::new(conn, subjects, &[])?;
        said.filter.fts_words = vec![word.clone()];
        let hits = said.fetch(conn)?;
        if hits.len() > crate::ask::answer::rows::MAX_MENTIONS {
            continue;
        }
        let before = more.len();
        for f in hits {
            if !found.iter().chain(&more).any(|g| g.claim_id == f.claim_id) {
                more.push(f);
            }
        }
        if more.len() > before {
            commands.push(said.command());
        }
    }
    Ok((more, commands))
}

/// How a subject stands on a topic, from its feature claims' stances.
fn stance_verdict(stances: &BTreeSet<Stance>) -> Option<&'static str> {
    use Stance::*;
    if stances.is_empty() {
        return None;
    }
    if conflicting(stances) {
        return Some("conflicting claims: see each citation");
    }
    Some(if stances.contains(&Builtin) {
        if stances.contains(&Limited) {
            "yes, built in (some claims say limited)"
        } else {
            "yes, built in"
        }
    } else if stances.contains(&Extension) {
        "no, not built in; available through extensions"
    } else if stances.contains(&Limited) && stances.contains(&Lacks) {
        "no, it lacks it built in (some claims say limited)"
    } else if stances.contains(&Limited) {
        "limited"
    } else {
        "no, it lacks it"
    })
}
