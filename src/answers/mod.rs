//! The answers claimdb gives, as a library: which subjects have or lack a topic,
//! subjects compared, the article's lists and companies, conflicts, full-text
//! search, the sources, the catalogues, the schema and the canned reports. Each is a
//! function over a connection that takes a typed request (never a command-line
//! type) and hands its rows to the one writer, the way ripgrep's searcher hands
//! matches to its printer. The commands, `ask` and the reports all answer through
//! these functions, so the same question always gets the same answer.

pub mod catalogue;
pub mod compare;
pub mod conflicts;
pub mod lists;
pub mod reports;
pub mod schema;
pub mod search;
pub mod sources;
pub mod which;
