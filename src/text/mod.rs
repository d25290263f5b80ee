//! What `draft`, `coverage` and `import` need from an article's text: its blocks
//! (headings, paragraphs, list items, table rows) in plain text or Markdown, their
//! rendered text with a map back to the source, and sentences with their lines.

pub mod blocks;
pub mod sentences;
