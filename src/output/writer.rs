//! One result set being written: [`RowWriter`] picks the columns the format shows,
//! writes the header, streams each row in the chosen format and closes the set.
//! Machine formats are streamed row by row; the table format collects a bounded
//! block at a time (`output::table`).

use std::borrow::Cow;
use std::io::Write;

use crate::error::Result;
use crate::output::file::Target;
use crate::output::format::{Format, Style};
use crate::output::html;
use crate::output::json;
use crate::output::markdown;
use crate::output::spreadsheet;
use crate::output::table;
use crate::rows::{Cell, Column, Rows};

/// Writes the rows of one result set in the chosen format.
pub struct RowWriter<'o> {
    body: Body<'o>,
    style: Style,
    /// Indexes of the columns this format shows.
    visible: Vec<usize>,
    names: Vec<String>,
    /// For each shown column: its text is a JSON array (`Column::list`).
    lists: Vec<bool>,
    rows: u64,
    /// Rows past `--limit`, counted and not written.
    hidden: u64,
}

/// The output a result set is written to, with what its format keeps between rows.
enum Body<'o> {
    Table {
        target: &'o mut Target,
        block: table::Block,
    },
    /// CSV through the csv crate, which holds the output for the result set (boxed:
    /// it carries its own buffer state, far larger than the other bodies).
    Csv(Box<spreadsheet::CsvWriter<&'o mut Target>>),
    /// TSV: each record is put together in `record` and sent whole.
    Tsv {
        target: &'o mut Target,
        record: Vec<u8>,
    },
    Json(&'o mut Target),
    Ndjson(&'o mut Target),
    Markdown(&'o mut Target),
    Html {
        target: &'o mut Target,
        /// Set once a coloured stance was shown: the page then ends with a legend.
        legend: &'o mut bool,
    },
}

impl<'o> RowWriter<'o> {
    /// Starts a result set with these columns: writes what comes before the rows.
    pub(crate) fn start(
        target: &'o mut Target,
        legend: &'o mut bool,
        style: Style,
        columns: &[Column],
    ) -> Result<RowWriter<'o>> {
        let visible: Vec<usize> = columns
            .iter()
            .enumerate()
            .filter(|(_, c)| style.shows(c))
            .map(|(i, _)| i)
            .collect();
        let names: Vec<String> = visible
            .iter()
            .map(|&i| columns[i].name.to_string())
            .collect();
        let lists: Vec<bool> = visible.iter().map(|&i| columns[i].list).collect();
        let body = match style.format {
            Format::Table => Body::Table {
                target,
                block: table::Block::default(),
            },
            Format::Csv | Format::Tsv => {
                if style.bom {
                    target.write_all("\u{feff}".as_bytes())?;
                }
                // Column names can come from the user (`sql ... AS "=x"`).
                let names: Vec<Cell> = names
                    .iter()
                    .map(|n| Cell::Text(Cow::Borrowed(n.as_str())))
                    .collect();
                let header = names
                    .iter()
                    .map(|c| spreadsheet::spreadsheet_field(c, style.csv_raw, style.terminal));
                if style.format == Format::Csv {
                    let mut csv = spreadsheet::csv_writer(target);
                    spreadsheet::write_csv_record(&mut csv, header)?;
                    Body::Csv(Box::new(csv))
                } else {
                    spreadsheet::write_tsv_record(target, header)?;
                    Body::Tsv {
                        target,
                        record: Vec::new(),
                    }
                }
            }
            Format::Json => {
                target.write_all(b"[")?;
                Body::Json(target)
            }
            Format::Ndjson => Body::Ndjson(target),
            Format::Markdown => {
                markdown::write_header(target, &names)?;
                Body::Markdown(target)
            }
            Format::Html => {
                html::table_start(target, &names)?;
                Body::Html { target, legend }
            }
        };
        Ok(RowWriter {
            body,
            style,
            visible,
            names,
            lists,
            rows: 0,
            hidden: 0,
        })
    }

    /// Writes one row; `cells` holds a cell for every column given to `rows`.
    pub fn row(&mut self, cells: &[Cell]) -> Result<()> {
        debug_assert!(cells.len() > self.visible.iter().copied().max().unwrap_or(0));
        if self.style.limit.is_some_and(|limit| self.rows >= limit) {
            self.hidden += 1;
            return Ok(());
        }
        let shown = self.visible.iter().map(|&i| &cells[i]);
        let style = self.style;
        match &mut self.body {
            Body::Table { target, block } => {
                if block.push(shown) {
                    block.print(*target, &self.names, style.color, style.wrap_width)?;
                }
            }
            Body::Csv(csv) => spreadsheet::write_csv_record(
                csv,
                shown.map(|c| spreadsheet::spreadsheet_field(c, style.csv_raw, style.terminal)),
            )?,
            Body::Tsv { target, record } => {
                record.clear();
                spreadsheet::write_tsv_record(
                    record,
                    shown.map(|c| spreadsheet::spreadsheet_field(c, style.csv_raw, style.terminal)),
                )?;
                target.write_all(record)?;
            }
            Body::Json(target) => {
                target.write_all(if self.rows == 0 { b"\n" } else { b",\n" })?;
                json::write_object(*target, &self.names, &self.lists, shown)?;
            }
            Body::Ndjson(target) => {
                json::write_object(*target, &self.names, &self.lists, shown)?;
                target.write_all(b"\n")?;
            }
            Body::Markdown(target) => markdown::write_row(*target, shown)?,
            Body::Html { target, legend } => **legend |= html::row(*target, &self.names, shown)?,
        }
        self.rows += 1;
        Ok(())
    }

    /// Ends the result set and returns how many rows were written.
    pub fn finish(self) -> Result<u64> {
        if self.hidden > 0 {
            // Nothing is cut silently (SPEC section 5), even when asked for.
            stderr_line!(
                "claimdb: --limit {}: showed {} of {} rows",
                self.rows,
                self.rows,
                self.rows + self.hidden
            );
        }
        match self.body {
            Body::Table { target, mut block } => {
                block.print(target, &self.names, self.style.color, self.style.wrap_width)?;
            }
            Body::Json(target) => {
                target.write_all(if self.rows == 0 { b"]\n" } else { b"\n]\n" })?
            }
            // What the CSV writer holds goes to the output (not yet flushed).
            Body::Csv(mut csv) => csv.flush()?,
            Body::Html { target, .. } => html::table_end(target)?,
            Body::Tsv { .. } | Body::Ndjson(_) | Body::Markdown(_) => {}
        }
        Ok(self.rows)
    }
}

impl Rows for RowWriter<'_> {
    fn row(&mut self, cells: &[Cell]) -> Result<()> {
        RowWriter::row(self, cells)
    }
    fn finish(self: Box<Self>) -> Result<u64> {
        RowWriter::finish(*self)
    }
}
