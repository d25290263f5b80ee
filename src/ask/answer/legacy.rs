//! The one file of `ask` that calls other commands' code (`commands::which`,
//! `commands::lists`) and builds their clap argument structs: until that code is a
//! library layer (src/answers/), `ask` reaches it only through these functions,
//! whose parameters are plain values. Replacing this file with calls into
//! src/answers/ removes the last arrow from `ask` to `commands` and `cli`.

use std::collections::BTreeSet;

use rusqlite::Connection;

use crate::ask::answer::say::note;
use crate::catalog::Named;
use crate::cli::{CompaniesArgs, ListArgs};
use crate::commands::{lists, which};
use crate::db::Db;
use crate::error::Result;
use crate::model::{Kind, Stance};
use crate::output::Output;

/// `claimdb which has|lacks [built-in] TOPIC`'s rows and coverage line. The
/// subjects that answer yes (or whose claims conflict) get rows; the others are
/// named in the coverage line, so that with many articles they do not crowd out
/// the answer. When none answers yes, the rows are the claims that say no.
/// Returns false when no subject has a claim on the topic.
pub fn which(
    conn: &Connection,
    out: &mut Output,
    lacks: bool,
    builtin: bool,
    topic: Named,
) -> Result<bool> {
    let rule = match (lacks, builtin) {
        (true, _) => which::Rule::LacksBuiltin,
        (false, true) => which::Rule::HasBuiltin,
        (false, false) => which::Rule::Has,
    };
    let question = which::Question { rule, topic };
    let answers = which::answer(conn, &question)?;
    let pick = |wanted: &[which::Verdict]| -> Vec<which::SubjectAnswer> {
        answers
            .iter()
            .filter(|a| wanted.contains(&a.verdict))
            .cloned()
            .collect()
    };
    let mut shown = pick(&[which::Verdict::Yes, which::Verdict::Conflicting]);
    if shown.is_empty() {
        shown = pick(&[which::Verdict::No]);
    }
    which::write_rows(out, &question, &shown)?;
    note(out, &which::coverage(&question, &answers))?;
    Ok(!answers.iter().all(|a| a.verdict == which::Verdict::Unknown))
}

/// True when these stances of one subject on one topic contradict each other
/// (`which`'s rule).
pub fn conflicting(stances: &BTreeSet<Stance>) -> bool {
    which::conflicting(stances)
}

/// `claimdb companies [--shared] --subject S...`.
pub fn companies(db: &Db, out: &mut Output, subjects: Vec<String>, shared: bool) -> Result<()> {
    lists::companies(
        db,
        out,
        &CompaniesArgs {
            subject: subjects,
            shared,
            all: false,
        },
    )
}

/// `claimdb pros|cons|limitations|use-cases --subject S...`: one row per item, the
/// article's own items first.
pub fn list(db: &Db, out: &mut Output, kind: Kind, subjects: Vec<String>) -> Result<()> {
    lists::list(
        db,
        out,
        kind,
        &ListArgs {
            subject: subjects,
            all: false,
        },
    )
}
