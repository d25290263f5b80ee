//! The one writer every command goes through: table, csv, tsv, json, ndjson, markdown
//! and html, to stdout or to a file, with colour only on a terminal.
//!
//! A command describes its columns once and hands over rows; it never formats or
//! prints by itself, so every format and `-o FILE` work for every command. The
//! layers below commands write through the [`Sink`] trait (`rows.rs`), which
//! [`Output`] implements, and never name it.
//!
//! Each concern has its file: `format` (the options and the [`Style`] they come to),
//! `file` (stdout or `-o FILE`, replaced whole), `writer` (one result set), one file
//! per format (`table`, `spreadsheet` for CSV and TSV, `json`, `markdown`, `html`)
//! and `terminal` (escaping and colour). Children import each other by full path;
//! only this file joins them.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{Error, ErrorKind, Result};
use crate::output::file::Target;
use crate::output::format::Style;
use crate::rows::{Cell, Column, Rows, Show, Sink};

mod file;
mod format;
mod html;
mod json;
mod markdown;
mod spreadsheet;
mod table;
mod terminal;
mod writer;

pub use file::{io_error, is_database_file, refuse_database, same_file, write_atomically};
pub use format::{ColorChoice, Format, OutputOptions, refuse_unknown_extension};
pub use html::escape as html_escape;
pub use spreadsheet::starts_formula;
pub use terminal::for_terminal;
pub use writer::RowWriter;

/// Set when the process started with standard output closed (`claimdb claims >&-`):
/// output to it is then an error (exit 6), not silently dropped. Set once at start
/// by `guard_standard_streams` (lib.rs); read by everything that writes to stdout.
pub static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

pub struct Output {
    style: Style,
    target: Target,
    database: Option<PathBuf>,
    /// Html only: the page has been started, and whether it showed stances.
    page_started: bool,
    legend: bool,
    /// Markdown only: a table has been written.
    tables: bool,
}

impl Output {
    pub fn open(opts: &OutputOptions) -> Result<Output> {
        let path = opts.path.as_deref().filter(|p| *p != Path::new("-"));
        let (target, terminal) = match path {
            None => {
                if STDOUT_CLOSED.load(Ordering::Relaxed) {
                    return Err(Error::new(
                        ErrorKind::Io,
                        "cannot write output: standard output is closed",
                    )
                    .with_hint("redirect it (> FILE) or give -o FILE"));
                }
                (Target::stdout(), io::stdout().is_terminal())
            }
            Some(path) => (Target::open(path, opts.database.as_deref())?, false),
        };
        let color = match opts.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                terminal
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var_os("TERM").is_none_or(|v| v != "dumb")
            }
        };
        let wrap_width = if terminal {
            terminal_size::terminal_size().map(|(w, _)| usize::from(w.0))
        } else {
            None
        };
        Ok(Output {
            style: Style {
                format: opts.format,
                terminal,
                color,
                wrap_width,
                csv_raw: opts.csv_raw,
                bom: opts.bom,
                limit: opts.limit,
            },
            target,
            database: opts.database.clone(),
            page_started: false,
            legend: false,
            tables: false,
        })
    }

    /// Html: the page's head, once, before the first table or note.
    fn start_page(&mut self) -> Result<()> {
        if self.style.format == Format::Html && !self.page_started {
            self.page_started = true;
            html::page_start(&mut self.target, &html::title_from_args())?;
        }
        Ok(())
    }

    /// The underlying writer, for output that is not rows (a completion script).
    pub fn raw(&mut self) -> &mut impl Write {
        &mut self.target
    }

    /// True when table output is coloured.
    pub fn color(&self) -> bool {
        self.style.color
    }

    /// True for the formats a person reads (table, markdown, html), where commands
    /// may add a closing sentence such as the coverage line of `which`.
    pub fn is_human(&self) -> bool {
        self.style.is_human()
    }

    /// True for the formats whose rows are objects (JSON, NDJSON): their keys are
    /// never data, so a matrix is written in long format there.
    pub fn is_keyed(&self) -> bool {
        self.style.is_keyed()
    }

    /// True when this format shows `column`.
    pub fn shows(&self, column: &Column) -> bool {
        self.style.shows(column)
    }

    /// Starts a result set with these columns.
    pub fn rows<'o>(&'o mut self, columns: &[Column]) -> Result<RowWriter<'o>> {
        self.start_page()?;
        // Markdown: a table right under another would continue it; a blank line
        // keeps them apart.
        if self.style.format == Format::Markdown && std::mem::replace(&mut self.tables, true) {
            writeln!(self.target)?;
        }
        RowWriter::start(&mut self.target, &mut self.legend, self.style, columns)
    }

    /// One record: in the human formats a two-column field/value table that reads
    /// top to bottom; in the machine formats an ordinary one-row result.
    pub fn record(&mut self, columns: &[Column], cells: &[Cell]) -> Result<()> {
        if !self.is_human() {
            let mut rows = self.rows(columns)?;
            rows.row(cells)?;
            rows.finish()?;
            return Ok(());
        }
        let mut rows = self.rows(&[Column::new("field"), Column::new("value")])?;
        for (column, cell) in columns.iter().zip(cells) {
            if column.show == Show::MachineOnly || *cell == Cell::Null {
                continue;
            }
            rows.row(&[Cell::from(column.name.as_ref()), cell.clone()])?;
        }
        rows.finish()?;
        Ok(())
    }

    /// A sentence after the rows for a person: written to the output in the human
    /// formats, and to stderr in the machine formats so that data stays parseable.
    pub fn note(&mut self, text: &str) -> Result<()> {
        if self.style.format == Format::Html {
            self.start_page()?;
            html::note(&mut self.target, text)?;
        } else if self.style.format == Format::Markdown {
            // A line right under a table is one more row of it on GitHub: a blank
            // line ends the table first.
            writeln!(self.target, "\n{}", for_terminal(text))?;
        } else if self.is_human() {
            writeln!(self.target, "{}", for_terminal(text))?;
        } else {
            stderr_line!("{}", for_terminal(text));
        }
        Ok(())
    }

    /// Flushes and, for `-o FILE`, moves the finished file into place.
    pub fn finish(mut self) -> Result<()> {
        if self.style.format == Format::Html {
            // Even an empty result is a whole page.
            self.start_page()?;
            html::page_end(&mut self.target, self.legend)?;
        }
        self.target.finish(self.database.as_deref())
    }
}

/// The writer as the layers below commands see it: they write rows through
/// [`Sink`] without naming `Output`.
impl Sink for Output {
    fn rows(&mut self, columns: &[Column]) -> Result<Box<dyn Rows + '_>> {
        Ok(Box::new(Output::rows(self, columns)?))
    }
    fn record(&mut self, columns: &[Column], cells: &[Cell]) -> Result<()> {
        Output::record(self, columns, cells)
    }
    fn note(&mut self, text: &str) -> Result<()> {
        Output::note(self, text)
    }
    fn is_human(&self) -> bool {
        Output::is_human(self)
    }
    fn is_keyed(&self) -> bool {
        Output::is_keyed(self)
    }
    fn shows(&self, column: &Column) -> bool {
        Output::shows(self, column)
    }
    fn color(&self) -> bool {
        Output::color(self)
    }
}
