//! `ask "QUESTION"`: plain-English questions, read by src/ask/interpret.rs and
//! answered by src/ask/answer.rs with the same queries as the matching command.

use crate::db::Db;
use crate::error::Result;
use crate::output::Output;

pub fn run(db: &Db, out: &mut Output, question: &str, sources: &[String]) -> Result<()> {
    crate::ask::answer::run(db, out, question, sources)
}
