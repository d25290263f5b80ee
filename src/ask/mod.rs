//! `ask`: plain-English questions. `interpret` reads a question against the
//! catalogue's names (no database, no fixed grammar) into an `intent`; `answer` turns
//! what it read into the rows of the matching command, a verdict line where the
//! claims support one, and an honest "no claim" where they do not.

pub mod answer;
mod index;
pub mod intent;
pub mod interpret;
mod names;
mod scope;
mod signals;
mod words;
