//! `--format table`, the default: aligned columns for reading, wrapped to the
//! terminal, stances coloured. A table has to see its rows to size its columns, so
//! rows are collected in a [`Block`], but never more than [`TABLE_BLOCK_ROWS`] rows
//! or [`TABLE_BLOCK_BYTES`] of text: a longer result is printed as several tables,
//! each with its header, so memory stays bounded whatever the result.

use std::io::{self, Write};

use tabled::builder::Builder;
use tabled::settings::object::Rows;
use tabled::settings::peaker::Priority;
use tabled::settings::{Color, Modify, Style, Width};

use crate::output::terminal::{colour_stance, for_terminal};
use crate::rows::Cell;

/// The most rows one table holds before it is printed and the next one starts.
pub const TABLE_BLOCK_ROWS: usize = 1_000;
/// The most text (bytes) one table holds before it is printed.
pub const TABLE_BLOCK_BYTES: usize = 1 << 20;

/// The rows of the table being collected, as shown, and their size.
#[derive(Default)]
pub struct Block {
    rows: Vec<Vec<String>>,
    bytes: usize,
}

impl Block {
    /// Adds a row; true when the block is full and should be printed.
    pub fn push<'c>(&mut self, cells: impl Iterator<Item = &'c Cell<'c>>) -> bool {
        let row: Vec<String> = cells
            .map(|c| for_terminal(&c.to_text()).into_owned())
            .collect();
        self.bytes += row.iter().map(String::len).sum::<usize>();
        self.rows.push(row);
        self.rows.len() >= TABLE_BLOCK_ROWS || self.bytes >= TABLE_BLOCK_BYTES
    }

    /// Prints the rows collected as one table, and starts the next block. An empty
    /// result prints nothing; commands say in a note what it means.
    pub fn print(
        &mut self,
        w: &mut impl Write,
        names: &[String],
        color: bool,
        wrap_width: Option<usize>,
    ) -> io::Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let stance_col = names.iter().position(|n| n == "stance");
        let mut builder = Builder::default();
        builder.push_record(names.iter().map(|n| for_terminal(n)));
        for mut row in std::mem::take(&mut self.rows) {
            if let (true, Some(i)) = (color, stance_col) {
                row[i] = colour_stance(&row[i]);
            }
            builder.push_record(row);
        }
        self.bytes = 0;
        let mut table = builder.build();
        table.with(Style::sharp());
        if color {
            table.with(Modify::new(Rows::first()).with(Color::BOLD));
        }
        if let Some(width) = wrap_width {
            table.with(
                Width::wrap(width)
                    .keep_words(true)
                    .priority(Priority::max(true)),
            );
        }
        writeln!(w, "{table}")
    }
}
