//! "which lacks built-in auth", "which has an admin panel": the `which` command's
//! rows and coverage line for one topic.

use rusqlite::Connection;

use crate::answers::which::{self, Question, Rule, SubjectAnswer, Verdict};
use crate::ask::answer::explain::no_claim;
use crate::ask::answer::rows::write_found;
use crate::ask::answer::say::{note, plural, reading_as};
use crate::ask::answer::select::Select;
use crate::catalog;
use crate::error::Result;
use crate::rows::Sink;

pub fn which_answer(
    conn: &Connection,
    out: &mut dyn Sink,
    lacks: bool,
    builtin: bool,
    topic: &str,
    sides: &[String],
) -> Result<()> {
    let topic = catalog::resolve_topic(conn, topic)?;
    // `which`'s three rules, as its command line spells them.
    let (rule, verb) = match (lacks, builtin) {
        (true, _) => (Rule::LacksBuiltin, "lacks built-in"),
        (false, true) => (Rule::HasBuiltin, "has built-in"),
        (false, false) => (Rule::Has, "has"),
    };
    let name = topic.name.clone();
    let question = Question { rule, topic };
    let answers = which::answer(conn, &question)?;
    if answers.iter().all(|a| a.verdict == Verdict::Unknown) {
        // No claim takes a has/lacks stance, but claims on the topic may still say
        // what each subject is (a pro or a fact on the topic): those, as they are.
        let select = Select::new(conn, &[], std::slice::from_ref(&name))?;
        let found = select.fetch(conn)?;
        if !found.is_empty() {
            reading_as(&select.command());
            write_found(conn, out, &found, &select, sides)?;
            let mut subjects: Vec<&str> = Vec::new();
            for f in &found {
                if !subjects.contains(&f.subject.as_str()) {
                    subjects.push(f.subject.as_str());
                }
            }
            return note(
                out,
                &format!(
                    "No claim says whether a subject has or lacks {name}; {} on {name} about {} are above.",
                    plural(found.len(), "claim"),
                    crate::names::some_of(&subjects, 8)
                ),
            );
        }
    }
    // The subjects that answer yes (or whose claims conflict) get rows; the others
    // are named in the coverage line, so that with many articles they do not crowd
    // out the answer. When none answers yes, the rows are the claims that say no.
    // The reading line says so (`--only`), so that it lists the same rows.
    let pick = |wanted: &[Verdict]| -> Vec<SubjectAnswer> {
        answers
            .iter()
            .filter(|a| wanted.contains(&a.verdict))
            .cloned()
            .collect()
    };
    let mut wanted = [Verdict::Yes, Verdict::Conflicting].as_slice();
    let mut shown = pick(wanted);
    if shown.is_empty() {
        wanted = &[Verdict::No];
        shown = pick(wanted);
    }
    let only: Vec<String> = wanted
        .iter()
        .map(|v| format!(" --only {}", v.as_str()))
        .collect();
    reading_as(&format!("which {verb} {name}{}", only.concat()));
    // A subject with no claim on it that a shown claim's line names ("A recovers;
    // B cannot", a claim of A's) is shown with that line, as named there.
    let mut named: Vec<which::NamedIn> = Vec::new();
    for a in answers.iter().filter(|a| a.verdict == Verdict::Unknown) {
        let form = crate::names::fold(&a.subject.replace('-', " "));
        let says = |quote: &str| {
            let text = crate::names::fold(quote);
            let words: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            words
                .windows(form.split(' ').count())
                .any(|w| w.join(" ") == form)
        };
        let hit = shown
            .iter()
            .flat_map(|s| s.citations.iter().map(move |c| (s, c)))
            .find(|(_, c)| says(&c.quote));
        if let Some((s, c)) = hit {
            named.push((a.subject.clone(), c, s.subject.clone()));
        }
    }
    for (subject, c, whose) in &named {
        crate::ask::answer::say::say(&format!(
            "{subject}: no claim of its own; {whose}'s claim names it (line {})",
            c.line_start
        ));
    }
    which::write_rows_naming(out, &question, &shown, &named)?;
    note(out, &which::coverage(&question, &answers))?;
    if answers.iter().all(|a| a.verdict == Verdict::Unknown) {
        return no_claim(conn, &[], std::slice::from_ref(&name), &[]);
    }
    Ok(())
}
