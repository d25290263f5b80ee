//! What every reader of text needs (import, `ask`, `draft`, `coverage`): one place
//! for the structure of articles, tested on its own. Nothing here touches the
//! database: blocks (headings, paragraphs, list items, table rows) in plain text or
//! Markdown with their rendered text mapped back to the source; the section outline,
//! a view of the blocks' headings; sentences; folding text for matching; and the
//! English word lists readers of text share.

pub mod block;
pub mod blocks;
pub mod classes;
pub mod english;
pub mod fnv;
pub mod fold;
pub mod markdown;
pub mod outline;
pub mod quotes;
pub mod render;
pub mod sentences;
pub mod shell;

pub use outline::{Section, outline, section_at};
