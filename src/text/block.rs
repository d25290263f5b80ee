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

impl Block {
    /// The source lines the block's text comes from, whole.
    pub fn source_lines<'s>(&self, source: &'s str) -> &'s str {
        let (Some(&first), Some(&last)) = (self.rendered.src.first(), self.rendered.src.last())
        else {
            return "";
        };
        let first = first.min(source.len());
        let last = last.min(source.len());
        let start = source[..first].rfind('\n').map_or(0, |i| i + 1);
        let end = source[last..].find('\n').map_or(source.len(), |i| last + i);
        &source[start..end]
    }

    /// True when a reader sees no words in the block, only images: a README's
    /// line of badges ("[![Build Status](...)](...) ![Coverage](...)"), whose
    /// rendered text is the images' alt text.
    pub fn images_only(&self, source: &str) -> bool {
        images_only(self.source_lines(source))
    }
}

/// True when `source` (Markdown or HTML) holds at least one image and no text a
/// reader sees outside images: alt texts, link targets, tags and entities are
/// not seen.
pub fn images_only(source: &str) -> bool {
    let b = source.as_bytes();
    let mut image = false;
    let mut i = 0;
    // Skips from `open` to its matching `close` (nested), returning the index after it.
    let skip = |from: usize, open: u8, close: u8| -> usize {
        let mut depth = 0usize;
        let mut j = from;
        while j < b.len() {
            if b[j] == open {
                depth += 1;
            } else if b[j] == close {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return j + 1;
                }
            }
            j += 1;
        }
        b.len()
    };
    while i < b.len() {
        match b[i] {
            b'!' if b.get(i + 1) == Some(&b'[') => {
                image = true;
                i = skip(i + 1, b'[', b']');
                match b.get(i) {
                    Some(b'(') => i = skip(i, b'(', b')'),
                    Some(b'[') => i = skip(i, b'[', b']'),
                    _ => {}
                }
            }
            b']' if b.get(i + 1) == Some(&b'(') => i = skip(i + 1, b'(', b')'),
            // A reference link's label ("[![Docs][d]][docs]").
            b']' if b.get(i + 1) == Some(&b'[') => i = skip(i + 1, b'[', b']'),
            b'<' => {
                let end = source[i..].find('>').map_or(b.len(), |e| i + e + 1);
                if source[i..end].to_ascii_lowercase().starts_with("<img") {
                    image = true;
                }
                i = end;
            }
            b'&' => i = source[i..].find(';').map_or(i + 1, |e| i + e + 1),
            _ => {
                let c = source[i..].chars().next().unwrap_or(' ');
                if c.is_alphanumeric() {
                    return false;
                }
                i += c.len_utf8();
            }
        }
    }
    image
}

#[cfg(test)]
mod tests {
    use super::images_only;

    #[test]
    fn badges_are_images_only_and_words_are_not() {
        assert!(images_only(
            "[![Build Status](https://ci.example/b.svg)](https://ci.example) ![Count][c]"
        ));
        assert!(images_only(
            "<p align=\"center\"><img src=\"x.png\" alt=\"Logo\"></p>"
        ));
        assert!(!images_only("[![Build](b.svg)](x) Quillo is a server"));
        assert!(!images_only("<a href=\"/docs\">Docs</a>"));
        assert!(!images_only("# Quillo"));
    }
}
