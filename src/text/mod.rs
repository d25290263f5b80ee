//! What every reader of text needs (import, `ask`, `draft`): one place for the
//! structure of articles, tested on its own. Nothing here touches the database.

pub mod outline;

pub use outline::{Section, outline, section_at};
