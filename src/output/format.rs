//! The output options a user chooses (format, `-o`, colour) and the [`Style`] they
//! come to once the output is open: what every format's writer reads to decide how
//! a row looks. A leaf of `output/`, so each format's file can read it.

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use crate::error::{Error, Result};
use crate::output::terminal::for_terminal;
use crate::rows::{Column, Show};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for reading (the default)
    Table,
    /// RFC 4180 CSV with a header row and CRLF line endings
    Csv,
    /// Tab-separated, tabs/newlines/backslashes escaped as \t \n \r \\, formulas
    /// protected as in CSV
    Tsv,
    /// One JSON array of objects
    Json,
    /// One JSON object per line
    Ndjson,
    /// A Markdown (GitHub) table
    Markdown,
    /// One self-contained HTML page (no script, no network), stances coloured
    Html,
}

impl Format {
    /// The format a file name asks for (`-o report.csv`), by its extension.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "csv" => Format::Csv,
            "tsv" | "tab" => Format::Tsv,
            "json" => Format::Json,
            "ndjson" | "jsonl" => Format::Ndjson,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" => Format::Html,
            _ => return None,
        })
    }
}

/// Refuses `-o FILE` whose extension names a format claimdb does not write
/// (`-o out.xlsx`) when no `--format` says what to write: the file would otherwise
/// get a box-drawing table under a name that promises something else.
pub fn refuse_unknown_extension(format: Option<Format>, path: Option<&Path>) -> Result<()> {
    let Some(path) = path.filter(|p| *p != Path::new("-")) else {
        return Ok(());
    };
    let Some(ext) = path.extension() else {
        return Ok(());
    };
    let known = Format::from_extension(path).is_some()
        || ext.eq_ignore_ascii_case("txt")
        || ext.eq_ignore_ascii_case("text");
    if format.is_some() || known {
        return Ok(());
    }
    let name = path.display().to_string();
    Err(Error::usage(format!(
        "cannot tell what to write to {}: claimdb writes csv, tsv, json, ndjson, markdown (.md), \
         html and text tables (.txt), not .{}",
        for_terminal(&name),
        for_terminal(&ext.to_string_lossy()),
    ))
    .with_hint(format!(
        "spreadsheet programs open CSV: -o {}; or say the format: --format csv",
        for_terminal(&path.with_extension("csv").display().to_string())
    )))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal, NO_COLOR is not set and TERM is not dumb
    Auto,
    Always,
    Never,
}

/// How output is written, from the global command-line options.
#[derive(Debug, Clone)]
pub struct OutputOptions {
    pub format: Format,
    /// None or "-" is stdout.
    pub path: Option<PathBuf>,
    pub color: ColorChoice,
    pub csv_raw: bool,
    pub bom: bool,
    /// At most this many rows of each result set (`--limit`).
    pub limit: Option<u64>,
    /// The database in use: `-o` never replaces it, nor the files SQLite keeps
    /// beside it, whatever path (a symlink, `/dev/fd/N`) names it.
    pub database: Option<PathBuf>,
}

/// How rows look, decided once when the output opens.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub format: Format,
    /// The output is a terminal: text from the data goes through `for_terminal` in
    /// every format, CSV and TSV included.
    pub terminal: bool,
    pub color: bool,
    /// Width to wrap tables to, when writing to a terminal.
    pub wrap_width: Option<usize>,
    pub csv_raw: bool,
    pub bom: bool,
    pub limit: Option<u64>,
}

impl Style {
    /// True for the formats a person reads (table, markdown, html), where commands
    /// may add a closing sentence such as the coverage line of `which`.
    pub fn is_human(&self) -> bool {
        matches!(self.format, Format::Table | Format::Markdown | Format::Html)
    }

    /// True for the formats whose rows are objects (JSON, NDJSON): their keys are
    /// never data, so a matrix is written in long format there.
    pub fn is_keyed(&self) -> bool {
        matches!(self.format, Format::Json | Format::Ndjson)
    }

    /// True when this format shows `column`.
    pub fn shows(&self, column: &Column) -> bool {
        match column.show {
            Show::Always => true,
            // A page has room for the whole quote beside a snippet of it.
            Show::MachineOnly if self.format == Format::Html => column.name == "quote",
            Show::MachineOnly => !self.is_human(),
            Show::HumanOnly => self.is_human(),
        }
    }
}
