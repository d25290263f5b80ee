//! What an article is read into, whether as Markdown (`text::markdown`) or plain
//! text (`text::blocks`): its blocks, and the test of a line that reads as a
//! heading both readers share.

use crate::text::render::Rendered;

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading; `level` is 1-6 for Markdown (`#` or underlined), 0 for a line
    /// that reads as a heading by its look only (plain text: short, alone, no
    /// closing full stop; Markdown: a line of bold text).
    Heading {
        level: u8,
    },
    Paragraph,
    /// A numbered or bulleted item.
    ListItem {
        ordered: bool,
    },
    /// A row of a Markdown table; `cells` holds its cells.
    TableRow {
        header: bool,
    },
}

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    /// 1-based lines of the source, inclusive.
    pub first_line: usize,
    pub last_line: usize,
    pub rendered: Rendered,
    /// Table rows only: each cell, rendered.
    pub cells: Vec<Rendered>,
    /// Blank lines between this block and the one before it.
    pub blank_before: usize,
}

/// How much of each block to render.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Detail {
    /// Every block's text and every table cell.
    Full,
    /// Only what can be a heading (headings and one-line paragraphs and list items);
    /// other blocks keep their kind and lines but no text.
    Headings,
}

/// True when `text` reads as a heading: short, one line, no closing full stop.
pub fn reads_as_heading(text: &str) -> bool {
    let text = text.trim();
    let words = text.split_whitespace().count();
    let Some(first) = text.chars().next() else {
        return false;
    };
    (1..=12).contains(&words)
        && text.len() <= 100
        && !text.ends_with(['.', ',', ';', ':', '!'])
        && (first.is_uppercase() || first.is_ascii_digit() || text.ends_with('?'))
        && crate::text::sentences::sentences(text).len() <= 1
}
