//! "which lacks built-in auth", "which has an admin panel": the `which` command's
//! rows and coverage line for one topic.

use rusqlite::Connection;

use crate::answers::which::{self, Question, Rule, SubjectAnswer, Verdict};
use crate::ask::answer::explain::no_claim;
use crate::ask::answer::say::{note, reading_as};
use crate::catalog;
use crate::error::Result;
use crate::rows::Sink;

pub fn which_answer(
    conn: &Connection,
    out: &mut dyn Sink,
    lacks: bool,
    builtin: bool,
    topic: &str,
) -> Result<()> {
    let topic = catalog::resolve_topic(conn, topic)?;
    // `which`'s three rules, as its command line spells them.
    let (rule, verb) = match (lacks, builtin) {
        (true, _) => (Rule::LacksBuiltin, "lacks built-in"),
        (false, true) => (Rule::HasBuiltin, "has built-in"),
        (false, false) => (Rule::Has, "has"),
    };
    reading_as(&format!("which {verb} {}", topic.name));
    let name = topic.name.clone();
    let question = Question { rule, topic };
    let answers = which::answer(conn, &question)?;
    // The subjects that answer yes (or whose claims conflict) get rows; the others
    // are named in the coverage line, so that with many articles they do not crowd
    // out the answer. When none answers yes, the rows are the claims that say no.
    let pick = |wanted: &[Verdict]| -> Vec<SubjectAnswer> {
        answers
            .iter()
            .filter(|a| wanted.contains(&a.verdict))
            .cloned()
            .collect()
    };
    let mut shown = pick(&[Verdict::Yes, Verdict::Conflicting]);
    if shown.is_empty() {
        shown = pick(&[Verdict::No]);
    }
    which::write_rows(out, &question, &shown)?;
    note(out, &which::coverage(&question, &answers))?;
    if answers.iter().all(|a| a.verdict == Verdict::Unknown) {
        return no_claim(conn, &[], std::slice::from_ref(&name), &[]);
    }
    Ok(())
}
