//! `ask`: plain-English questions. `interpret` reads a question against the
//! catalogue's names (no database, no fixed grammar); `answer` turns what it read
//! into the rows of the matching command, a verdict line where the claims support
//! one, and an honest "no claim" where they do not.

pub mod answer;
pub mod interpret;

/// Questions of each sort `ask` understands, shown in `--help` and when a question
/// names nothing known (a macro so clap's attributes can `concat!` it).
macro_rules! ask_forms {
    () => {
        "  does flask have an orm?               yes/no: the stance, cited, and a verdict line
  which lacks built-in auth             which subjects have or lack a topic
  drawbacks of django                   lists: limitations, pros, cons, use cases, features
  who uses flask in production          companies (also: which companies use both)
  who created flask                     facts: creator, year, licence, architecture
  which is easier to learn, django or flask?
                                        comparisons: the article's own comparison claims
  which should I use for a microservice advice from the article's use cases
  DJANGO admin                          keywords: a subject's claims on a topic
Names may be aliases (login, templating, admin panel), plurals or typos (Flsk)."
    };
}
pub(crate) use ask_forms;

pub const FORMS: &str = ask_forms!();
