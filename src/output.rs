//! The one writer every command goes through: table, csv, tsv, json, ndjson, markdown
//! and html, to stdout or to a file, with colour only on a terminal.
//!
//! A command describes its columns once and hands over rows; it never formats or
//! prints by itself, so every format and `-o FILE` work for every command.
//! Machine formats are streamed row by row. The table format has to see rows to size
//! its columns, so it collects them, but never more than [`TABLE_BLOCK_ROWS`] rows or
//! [`TABLE_BLOCK_BYTES`] of text: a longer result is printed as several tables, each
//! with its header, so memory stays bounded whatever the result.

use std::borrow::Cow;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use clap::ValueEnum;
use tabled::builder::Builder;
use tabled::settings::object::Rows;
use tabled::settings::peaker::Priority;
use tabled::settings::{Color, Modify, Style, Width};

use crate::error::{Error, ErrorKind, Result};
use crate::rows::{Cell, Column, Show, Sink as RowSink};

mod html;
pub use html::escape as html_escape;

/// Set when the process started with standard output closed (`claimdb claims >&-`):
/// output to it is then an error (exit 6), not silently dropped. Set once at start
/// by `guard_standard_streams` (lib.rs); read by everything that writes to stdout.
pub static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// The most rows one table holds before it is printed and the next one starts.
pub const TABLE_BLOCK_ROWS: usize = 1_000;
/// The most text (bytes) one table holds before it is printed.
pub const TABLE_BLOCK_BYTES: usize = 1 << 20;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and NO_COLOR is not set
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
    /// The database in use: `-o` never replaces it, nor the files SQLite keeps
    /// beside it, whatever path (a symlink, `/dev/fd/N`) names it.
    pub database: Option<PathBuf>,
}

/// Where output goes: stdout, or a temporary file beside the target that replaces
/// it only when everything was written, so a failed export never leaves half a file.
enum Sink {
    Stdout(BufWriter<io::Stdout>),
    File {
        file: BufWriter<tempfile::NamedTempFile>,
        target: PathBuf,
    },
    /// An existing device or pipe (`-o /dev/stderr`, a FIFO): written in place,
    /// since renaming a file over it would replace it.
    Special {
        file: BufWriter<std::fs::File>,
        target: PathBuf,
    },
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File { file, .. } => file.write(buf),
            Sink::Special { file, .. } => file.write(buf),
        }
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.write_all(buf),
            Sink::File { file, .. } => file.write_all(buf),
            Sink::Special { file, .. } => file.write_all(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File { file, .. } => file.flush(),
            Sink::Special { file, .. } => file.flush(),
        }
    }
}

pub struct Output {
    format: Format,
    sink: Sink,
    database: Option<PathBuf>,
    /// The sink is a terminal: text from the data goes through [`for_terminal`] in
    /// every format, CSV and TSV included.
    terminal: bool,
    color: bool,
    /// Width to wrap tables to, when writing to a terminal.
    wrap_width: Option<usize>,
    csv_raw: bool,
    bom: bool,
    /// Html only: the page has been started, and whether it showed stances.
    page_started: bool,
    legend: bool,
}

impl Output {
    pub fn open(opts: &OutputOptions) -> Result<Output> {
        let path = opts.path.as_deref().filter(|p| *p != Path::new("-"));
        let (sink, terminal) = match path {
            None => {
                if STDOUT_CLOSED.load(Ordering::Relaxed) {
                    return Err(Error::new(
                        ErrorKind::Io,
                        "cannot write output: standard output is closed",
                    )
                    .with_hint("redirect it (> FILE) or give -o FILE"));
                }
                let terminal = io::stdout().is_terminal();
                (
                    Sink::Stdout(BufWriter::with_capacity(64 * 1024, io::stdout())),
                    terminal,
                )
            }
            Some(target) => {
                refuse_database(target, opts.database.as_deref())?;
                let sink = open_file_sink(target)?;
                if let Sink::File { target, .. } | Sink::Special { target, .. } = &sink {
                    refuse_database(target, opts.database.as_deref())?;
                }
                (sink, false)
            }
        };
        let color = match opts.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        let wrap_width = if terminal {
            terminal_size::terminal_size().map(|(w, _)| usize::from(w.0))
        } else {
            None
        };
        Ok(Output {
            format: opts.format,
            sink,
            database: opts.database.clone(),
            terminal,
            color,
            wrap_width,
            csv_raw: opts.csv_raw,
            bom: opts.bom,
            page_started: false,
            legend: false,
        })
    }

    /// Html: the page's head, once, before the first table or note.
    fn start_page(&mut self) -> Result<()> {
        if self.format == Format::Html && !self.page_started {
            self.page_started = true;
            html::page_start(&mut self.sink, &html::title_from_args())?;
        }
        Ok(())
    }

    /// The underlying writer, for output that is not rows (a completion script).
    pub fn raw(&mut self) -> &mut impl Write {
        &mut self.sink
    }

    /// True when table output is coloured.
    pub fn color(&self) -> bool {
        self.color
    }

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

    /// Starts a result set with these columns.
    pub fn rows<'o>(&'o mut self, columns: &[Column]) -> Result<RowWriter<'o>> {
        let visible: Vec<usize> = columns
            .iter()
            .enumerate()
            .filter(|(_, c)| self.shows(c))
            .map(|(i, _)| i)
            .collect();
        let names: Vec<String> = visible
            .iter()
            .map(|&i| columns[i].name.to_string())
            .collect();
        let mut writer = RowWriter {
            out: self,
            visible,
            names,
            rows: 0,
            table: Vec::new(),
            table_bytes: 0,
            record: Vec::new(),
        };
        writer.out.start_page()?;
        writer.start()?;
        Ok(writer)
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
        if self.format == Format::Html {
            self.start_page()?;
            html::note(&mut self.sink, text)?;
        } else if self.is_human() {
            writeln!(self.sink, "{}", for_terminal(text))?;
        } else {
            stderr_line!("{}", for_terminal(text));
        }
        Ok(())
    }

    /// Flushes and, for `-o FILE`, moves the finished file into place.
    pub fn finish(mut self) -> Result<()> {
        if self.format == Format::Html {
            // Even an empty result is a whole page.
            self.start_page()?;
            html::page_end(&mut self.sink, self.legend)?;
        }
        match self.sink {
            Sink::Stdout(mut w) => w.flush()?,
            Sink::File { file, target } => {
                // Checked again at the moment of replacing: the database may have
                // been opened (and so gained a `/dev/fd/N` name) since the start.
                refuse_database(&target, self.database.as_deref())?;
                let file = file
                    .into_inner()
                    .map_err(|e| io_error(&target, "cannot write", e.into_error()))?;
                file.persist(&target)
                    .map_err(|e| io_error(&target, "cannot write", e.error))?;
            }
            Sink::Special { mut file, target } => file.flush().map_err(|e| match e.kind() {
                io::ErrorKind::BrokenPipe => Error::from(e),
                _ => io_error(&target, "cannot write", e),
            })?,
        }
        Ok(())
    }
}

/// The writer as the layers below commands see it: they write rows through
/// [`RowSink`] without naming `Output`.
impl RowSink for Output {
    fn rows(&mut self, columns: &[Column]) -> Result<Box<dyn crate::rows::Rows + '_>> {
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

/// `-o TARGET` must not be the database in use nor a file SQLite keeps beside it,
/// compared by identity (device and inode, every link followed), so that no name
/// for it, `/dev/fd/3` or `/proc/self/fd/3` included, gets it replaced: exit 2.
pub fn refuse_database(target: &Path, database: Option<&Path>) -> Result<()> {
    let Some(db) = database else {
        return Ok(());
    };
    let hit = ["", "-wal", "-shm", "-journal"].iter().any(|suffix| {
        let mut side = db.as_os_str().to_owned();
        side.push(suffix);
        same_file(target, Path::new(&side))
    });
    if hit {
        return Err(Error::usage(format!(
            "-o {} names the database in use; it would be replaced by the output",
            target.display()
        ))
        .with_hint("write the output to another file"));
    }
    Ok(())
}

/// `-o FILE` behaves like the shell's `>` for what the user can see: a new file gets
/// the usual permissions (the umask applies), an existing file keeps its mode, a
/// symlink is written through (the file it points to is replaced, the link stays), a
/// read-only file is refused, and the file is only replaced once every byte is
/// written (a temporary file beside it is renamed over it).
fn open_file_sink(target: &Path) -> Result<Sink> {
    let target = follow_links(target)?;
    let target = target.as_path();
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let existing = match std::fs::metadata(target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_error(target, "cannot write", e)),
    };
    match &existing {
        Some(meta) if meta.is_dir() => {
            return Err(Error::new(
                ErrorKind::Io,
                format!("cannot write {}: it is a directory", target.display()),
            ));
        }
        Some(meta) if !meta.is_file() => {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(target)
                .map_err(|e| io_error(target, "cannot write", e))?;
            return Ok(Sink::Special {
                file: BufWriter::with_capacity(64 * 1024, file),
                target: target.to_path_buf(),
            });
        }
        Some(meta) if meta.permissions().readonly() => {
            return Err(Error::new(
                ErrorKind::Io,
                format!("cannot write {}: it is read-only", target.display()),
            )
            .with_hint("make it writable (chmod u+w) or choose another file"));
        }
        _ => {}
    }
    {
        use std::os::unix::fs::PermissionsExt as _;
        let file = tempfile::Builder::new()
            .prefix(".claimdb-output-")
            .permissions(std::fs::Permissions::from_mode(0o666))
            .tempfile_in(dir)
            .map_err(|e| io_error(target, "cannot write", e))?;
        if let Some(meta) = &existing {
            // Not through the umask: exactly the mode the file had.
            file.as_file()
                .set_permissions(meta.permissions())
                .map_err(|e| io_error(target, "cannot write", e))?;
        }
        Ok(Sink::File {
            file: BufWriter::with_capacity(64 * 1024, file),
            target: target.to_path_buf(),
        })
    }
}

/// The file a path names once every symlink is followed (the path itself when it is
/// not a link); a link to a missing file names that missing file.
fn follow_links(path: &Path) -> Result<PathBuf> {
    let mut path = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link =
                    std::fs::read_link(&path).map_err(|e| io_error(&path, "cannot write", e))?;
                path = match path.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(Error::new(
        ErrorKind::Io,
        format!(
            "cannot write {}: too many levels of symbolic links",
            path.display()
        ),
    ))
}

/// True when `a` and `b` name the same file (following links), or would once
/// created: `-o` must never name the database in use.
pub fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    // The kernel follows every link, the magic `/proc/self/fd/N` ones included.
    if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
        return x.dev() == y.dev() && x.ino() == y.ino();
    }
    let (Ok(a), Ok(b)) = (follow_links(a), follow_links(b)) else {
        return false;
    };
    match (std::fs::metadata(&a), std::fs::metadata(&b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => {
            let absolute = |p: &Path| {
                let dir = p.parent().filter(|d| !d.as_os_str().is_empty());
                let dir = dir.map_or_else(|| std::fs::canonicalize("."), std::fs::canonicalize);
                dir.ok().zip(p.file_name().map(|n| n.to_owned()))
            };
            absolute(&a).is_some_and(|x| Some(x) == absolute(&b))
        }
    }
}

fn io_error(path: &Path, what: &str, err: io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("{what} {}: {err}", path.display()))
}

/// Writes the rows of one result set in the chosen format.
pub struct RowWriter<'o> {
    out: &'o mut Output,
    /// Indexes of the columns this format shows.
    visible: Vec<usize>,
    names: Vec<String>,
    rows: u64,
    /// Table format only: the rows of the block being collected, and their size.
    table: Vec<Vec<String>>,
    table_bytes: usize,
    /// CSV and TSV: the record being written, sent to the sink whole.
    record: Vec<u8>,
}

impl RowWriter<'_> {
    fn start(&mut self) -> Result<()> {
        let w = &mut self.out.sink;
        match self.out.format {
            Format::Table | Format::Ndjson => {}
            Format::Csv | Format::Tsv => {
                if self.out.bom {
                    w.write_all("\u{feff}".as_bytes())?;
                }
                let (raw, term) = (self.out.csv_raw, self.out.terminal);
                // Column names can come from the user (`sql ... AS "=x"`).
                let names: Vec<Cell> = self
                    .names
                    .iter()
                    .map(|n| Cell::Text(Cow::Borrowed(n.as_str())))
                    .collect();
                write_spreadsheet_record(
                    w,
                    self.out.format,
                    names.iter().map(|c| spreadsheet_field(c, raw, term)),
                )?;
            }
            Format::Json => w.write_all(b"[")?,
            Format::Markdown => {
                let header: Vec<String> = self.names.iter().map(|n| markdown_cell(n)).collect();
                writeln!(w, "| {} |", header.join(" | "))?;
                writeln!(w, "|{}", "---|".repeat(self.names.len()))?;
            }
            Format::Html => html::table_start(w, &self.names)?,
        }
        Ok(())
    }

    /// Writes one row; `cells` holds a cell for every column given to `rows`.
    pub fn row(&mut self, cells: &[Cell]) -> Result<()> {
        debug_assert!(cells.len() > self.visible.iter().copied().max().unwrap_or(0));
        let shown = self.visible.iter().map(|&i| &cells[i]);
        let w = &mut self.out.sink;
        match self.out.format {
            Format::Table => {
                let row: Vec<String> = shown
                    .map(|c| for_terminal(&c.to_text()).into_owned())
                    .collect();
                self.table_bytes += row.iter().map(String::len).sum::<usize>();
                self.table.push(row);
                if self.table.len() >= TABLE_BLOCK_ROWS || self.table_bytes >= TABLE_BLOCK_BYTES {
                    self.print_table()?;
                }
            }
            Format::Csv | Format::Tsv => {
                let (raw, term) = (self.out.csv_raw, self.out.terminal);
                self.record.clear();
                write_spreadsheet_record(
                    &mut self.record,
                    self.out.format,
                    shown.map(|c| spreadsheet_field(c, raw, term)),
                )?;
                w.write_all(&self.record)?;
            }
            Format::Json | Format::Ndjson => {
                if self.out.format == Format::Json {
                    w.write_all(if self.rows == 0 { b"\n" } else { b",\n" })?;
                }
                w.write_all(b"{")?;
                for (n, (name, cell)) in self.names.iter().zip(shown).enumerate() {
                    if n > 0 {
                        w.write_all(b",")?;
                    }
                    write_json_string(w, name)?;
                    w.write_all(b":")?;
                    write_json_value(w, cell)?;
                }
                w.write_all(b"}")?;
                if self.out.format == Format::Ndjson {
                    w.write_all(b"\n")?;
                }
            }
            Format::Markdown => {
                let cells: Vec<String> = shown.map(|c| markdown_cell(&c.to_text())).collect();
                writeln!(w, "| {} |", cells.join(" | "))?;
            }
            Format::Html => self.out.legend |= html::row(w, &self.names, shown)?,
        }
        self.rows += 1;
        Ok(())
    }

    /// Prints the rows collected for the table format as one table, and starts the
    /// next block. An empty result prints nothing; commands say in a note what it
    /// means.
    fn print_table(&mut self) -> Result<()> {
        if self.table.is_empty() {
            return Ok(());
        }
        let out = &mut *self.out;
        let stance_col = self.names.iter().position(|n| n == "stance");
        let mut builder = Builder::default();
        builder.push_record(self.names.iter().map(|n| for_terminal(n)));
        for mut row in std::mem::take(&mut self.table) {
            if let (true, Some(i)) = (out.color, stance_col) {
                row[i] = colour_stance(&row[i]);
            }
            builder.push_record(row);
        }
        self.table_bytes = 0;
        let mut table = builder.build();
        table.with(Style::sharp());
        if out.color {
            table.with(Modify::new(Rows::first()).with(Color::BOLD));
        }
        if let Some(width) = out.wrap_width {
            table.with(
                Width::wrap(width)
                    .keep_words(true)
                    .priority(Priority::max(true)),
            );
        }
        writeln!(out.sink, "{table}")?;
        Ok(())
    }

    /// Ends the result set and returns how many rows were written.
    pub fn finish(mut self) -> Result<u64> {
        if self.out.format == Format::Table {
            self.print_table()?;
        }
        let out = self.out;
        match out.format {
            Format::Json => out
                .sink
                .write_all(if self.rows == 0 { b"]\n" } else { b"\n]\n" })?,
            Format::Table => {}
            Format::Html => html::table_end(&mut out.sink)?,
            Format::Csv | Format::Tsv | Format::Ndjson | Format::Markdown => {}
        }
        Ok(self.rows)
    }
}

impl crate::rows::Rows for RowWriter<'_> {
    fn row(&mut self, cells: &[Cell]) -> Result<()> {
        RowWriter::row(self, cells)
    }
    fn finish(self: Box<Self>) -> Result<u64> {
        RowWriter::finish(*self)
    }
}

fn colour_stance(stance: &str) -> String {
    let code = match stance {
        "builtin" => "32",
        "extension" => "33",
        "limited" => "35",
        "lacks" => "31",
        _ => return stance.to_string(),
    };
    format!("\x1b[{code}m{stance}\x1b[0m")
}

/// A spreadsheet runs a cell starting with `=`, `+`, `-`, `@`, tab, CR or LF as a
/// formula; a leading `'` makes it text. Plain numbers ("-3", "+1.5") stay numbers.
pub fn neutralise_formula(text: &str) -> Cow<'_, str> {
    let risky = matches!(
        text.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\n')
    );
    if risky && !is_plain_number(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// "-3", "+1.5", "2e10": what a spreadsheet reads as a number, not a formula.
/// (Rust's float parser also accepts "inf" and "NaN", which are not safe.)
fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = match digits.find(['e', 'E']) {
        Some(i) => (&digits[..i], Some(&digits[i + 1..])),
        None => (digits, None),
    };
    let mut parts = mantissa.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next().unwrap_or("");
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok =
        (!whole.is_empty() || !fraction.is_empty()) && all_digits(whole) && all_digits(fraction);
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && all_digits(e)
    });
    mantissa_ok && exponent_ok
}

/// One RFC 4180 record ending in CRLF: fields with a comma, quote, CR or LF are
/// quoted, quotes doubled. Written by hand so the header and every row share the
/// sink without a second buffering layer.
fn write_csv_record<'c>(
    w: &mut impl Write,
    fields: impl Iterator<Item = Cow<'c, str>>,
) -> io::Result<()> {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        let bytes = field.as_bytes();
        if memchr::memchr3(b',', b'"', b'\n', bytes).is_some()
            || memchr::memchr(b'\r', bytes).is_some()
        {
            // Quoted, each `"` doubled: written piece by piece, between the quotes.
            w.write_all(b"\"")?;
            let mut rest = bytes;
            while let Some(at) = memchr::memchr(b'"', rest) {
                w.write_all(&rest[..=at])?;
                w.write_all(b"\"")?;
                rest = &rest[at + 1..];
            }
            w.write_all(rest)?;
            w.write_all(b"\"")?;
        } else {
            w.write_all(bytes)?;
        }
    }
    w.write_all(b"\r\n")
}

fn write_tsv_record<'c>(
    w: &mut impl Write,
    fields: impl Iterator<Item = Cow<'c, str>>,
) -> io::Result<()> {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            w.write_all(b"\t")?;
        }
        if field
            .bytes()
            .any(|b| matches!(b, b'\t' | b'\n' | b'\r' | b'\\'))
        {
            let escaped = field
                .replace('\\', "\\\\")
                .replace('\t', "\\t")
                .replace('\n', "\\n")
                .replace('\r', "\\r");
            w.write_all(escaped.as_bytes())?;
        } else {
            w.write_all(field.as_bytes())?;
        }
    }
    w.write_all(b"\n")
}

fn write_json_string(w: &mut impl Write, s: &str) -> io::Result<()> {
    serde_json::to_writer(&mut *w, s).map_err(io::Error::from)
}

fn write_json_value(w: &mut impl Write, cell: &Cell) -> io::Result<()> {
    match cell {
        Cell::Null => w.write_all(b"null"),
        Cell::Int(i) => write!(w, "{i}"),
        Cell::Real(r) if r.is_finite() => write!(w, "{r}"),
        Cell::Real(_) => w.write_all(b"null"),
        Cell::Text(t) => write_json_string(w, t),
        Cell::Marks(_) => write_json_string(w, &cell.to_text()),
    }
}

/// Text from the data, made safe to show on a terminal: control characters (ESC,
/// BEL, CR, backspace, the C1 controls, ...) and the Unicode bidirectional
/// overrides are shown escaped (`\x1b`, `\u{202e}`), so no escape sequence (colours,
/// OSC 8 links, OSC 52 clipboard writes) and no reordering reaches the terminal.
/// Line breaks and tabs stay. The one rule for the human formats and for error
/// messages; the machine formats carry the data exactly.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !unsafe_char(c) {
            safe.push(c);
        } else if (c as u32) < 0x100 {
            safe.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            safe.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    Cow::Owned(safe)
}

/// A CSV or TSV field as written: exact to a file or a pipe, through
/// [`for_terminal`] when a person's terminal is the sink.
/// One CSV or TSV field: a text cell a spreadsheet would run as a formula is
/// neutralised unless `--csv-raw`, and control characters are escaped when the
/// output is a terminal (files and pipes get the data exactly).
fn spreadsheet_field<'c>(cell: &'c Cell<'_>, raw: bool, terminal: bool) -> Cow<'c, str> {
    let field = match cell {
        Cell::Text(t) if !raw => neutralise_formula(t),
        other => other.to_text(),
    };
    terminal_safe(terminal, field)
}

/// One record in the spreadsheet format the output is in (CSV or TSV).
fn write_spreadsheet_record<'c>(
    w: &mut impl Write,
    format: Format,
    fields: impl Iterator<Item = Cow<'c, str>>,
) -> io::Result<()> {
    match format {
        Format::Tsv => write_tsv_record(w, fields),
        _ => write_csv_record(w, fields),
    }
}

fn terminal_safe(terminal: bool, field: Cow<'_, str>) -> Cow<'_, str> {
    if !terminal {
        return field;
    }
    match for_terminal(&field) {
        Cow::Borrowed(_) => field,
        Cow::Owned(safe) => Cow::Owned(safe),
    }
}

/// A cell inside a Markdown table: control characters escaped, pipes escaped, line
/// breaks as `<br>`.
fn markdown_cell(text: &str) -> String {
    for_terminal(&text.replace("\r\n", "\n"))
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised_but_numbers_are_not() {
        assert_eq!(neutralise_formula("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(neutralise_formula("@cmd"), "'@cmd");
        assert_eq!(neutralise_formula("-x"), "'-x");
        assert_eq!(neutralise_formula("\tx"), "'\tx");
        assert_eq!(neutralise_formula("-3"), "-3");
        assert_eq!(neutralise_formula("+1.5"), "+1.5");
        assert_eq!(neutralise_formula("plain"), "plain");
        assert_eq!(neutralise_formula("-inf"), "'-inf");
        assert_eq!(neutralise_formula("+NaN"), "'+NaN");
        assert_eq!(neutralise_formula("-1e5"), "-1e5");
        assert_eq!(neutralise_formula("-.5"), "-.5");
        assert_eq!(neutralise_formula("-1e"), "'-1e");
        assert_eq!(neutralise_formula("-"), "'-");
        assert_eq!(neutralise_formula(""), "");
    }

    #[test]
    fn csv_records_quote_what_needs_quoting_and_end_in_crlf() {
        let mut buf = Vec::new();
        let fields = ["a", "b,c", "say \"hi\"", "two\nlines", "\"\"", "cr\rx"].map(Cow::Borrowed);
        write_csv_record(&mut buf, fields.into_iter()).unwrap();
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\"\"\"\"\"\",\"cr\rx\"\r\n"
        );
    }

    #[test]
    fn tsv_escapes_separators() {
        let mut buf = Vec::new();
        let fields = ["a\tb", "c\nd", "e\\f"].map(Cow::Borrowed);
        write_tsv_record(&mut buf, fields.into_iter()).unwrap();
        assert_eq!(String::from_utf8(buf).unwrap(), "a\\tb\tc\\nd\te\\\\f\n");
    }

    #[test]
    fn csv_fields_are_escaped_only_for_a_terminal() {
        let field = || Cow::Borrowed("a\u{1b}]52;c;x\u{7}b");
        assert_eq!(terminal_safe(false, field()), field());
        assert_eq!(terminal_safe(true, field()), "a\\x1b]52;c;x\\x07b");
    }

    #[test]
    fn control_characters_are_shown_escaped() {
        assert_eq!(for_terminal("plain\ttext\nline"), "plain\ttext\nline");
        assert_eq!(for_terminal("a\x1b[31mred"), "a\\x1b[31mred");
        assert_eq!(
            for_terminal("\x1b]8;;http://x\x07link\x1b]8;;\x07"),
            "\\x1b]8;;http://x\\x07link\\x1b]8;;\\x07"
        );
        assert_eq!(for_terminal("c1\u{9b}2J cr\r"), "c1\\x9b2J cr\\x0d");
        assert_eq!(for_terminal("abc\u{202e}cba"), "abc\\u{202e}cba");
    }

    #[test]
    fn markdown_cells_escape_pipes_and_newlines() {
        assert_eq!(markdown_cell("a|b\nc"), "a\\|b<br>c");
    }
}
