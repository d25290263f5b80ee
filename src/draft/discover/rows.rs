//! A table whose rows name the subjects though no "Project" heads its first
//! column: "|   | Open Issues | Speed |" over "| Zapper | 12 | 3s |". Its
//! header cells are attributes, not subjects, and each cell is the row's
//! subject's value of its column.

use super::{Page, capital, clean, column_name, column_names, subject_column};
use crate::text::blocks::{Block, BlockKind};

impl Page {
    /// True when a cell reads as a name of the page: its first word is
    /// capitalised and the page does not write it as a plain word ("Speed",
    /// "Open Issues" and "Works with" are words the prose writes in lower case).
    fn names_a_thing(&self, cell: &str) -> bool {
        let name = column_name(cell);
        let Some(first) = name.split_whitespace().next().map(clean) else {
            return false;
        };
        capital(first) && (!self.common(first) || self.mostly_capitalised(first))
    }

    /// True when every header cell after the first (a notes column aside) opens
    /// with a capitalised word the page also writes in lower case ("| Package |
    /// Category | Works With |" on a page that says "this category", "it
    /// works"): attributes, whatever the rows hold.
    pub fn attribute_header(&self, header: &Block) -> bool {
        let heads = column_names(header);
        !heads.is_empty()
            && heads.iter().all(|h| {
                h.split_whitespace()
                    .next()
                    .map(clean)
                    .is_some_and(|w| capital(w) && self.common(w))
            })
    }

    /// True when `table` (its header row first) names its subjects by row: its
    /// first header cell is "Project" or the like, or it is empty and the first
    /// column's cells read as names more often than the header's cells do.
    pub fn by_rows(&self, table: &[&Block]) -> bool {
        let Some(header) = table.first() else {
            return false;
        };
        let first = header.cells.first().map_or("", |c| c.text.trim());
        if subject_column(first) {
            return true;
        }
        let body: Vec<&str> = table[1..]
            .iter()
            .filter_map(|b| b.cells.first().map(|c| c.text.as_str()))
            .collect();
        if !first.is_empty() || body.len() < 2 {
            return false;
        }
        let share = |cells: &[&str]| {
            cells.iter().filter(|c| self.names_a_thing(c)).count() as f64
                / cells.len().max(1) as f64
        };
        let heads: Vec<&str> = header.cells[1..].iter().map(|c| c.text.as_str()).collect();
        let rows = share(&body);
        rows >= 0.5 && rows > share(&heads)
    }
}

impl Page {
    /// The index in `blocks` (those the page was counted from) of the first row
    /// of each table that names its subjects by row ([`Page::by_rows`]).
    pub fn tables_by_rows(&self, blocks: &[Block]) -> Vec<usize> {
        self.by_rows
            .get_or_init(|| self.find_tables_by_rows(blocks))
            .clone()
    }

    fn find_tables_by_rows(&self, blocks: &[Block]) -> Vec<usize> {
        let row = |b: &Block| matches!(b.kind, BlockKind::TableRow { .. });
        let mut out = Vec::new();
        for (i, block) in blocks.iter().enumerate() {
            if row(block) && (i == 0 || !row(&blocks[i - 1])) {
                let table: Vec<&Block> = blocks[i..].iter().take_while(|b| row(b)).collect();
                if self.by_rows(&table) {
                    out.push(i);
                }
            }
        }
        out
    }
}
