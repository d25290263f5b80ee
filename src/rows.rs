//! What answers produce: columns, the cells of a row, and the traits rows are
//! written through.
//!
//! A leaf, so that the layers that compute answers (`query`, `answers`, `ask`) can
//! hand over rows without naming the writer: the one writer (`output::Output`)
//! implements [`Sink`], the way ripgrep's searcher hands matches to a printer
//! through its `Sink` and knows nothing of printing.

use std::borrow::Cow;

use crate::error::Result;

/// Which output a column appears in: some detail reads well in a machine format
/// but clutters a table, and a compact citation helps a reader but not a script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    Always,
    MachineOnly,
    HumanOnly,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub name: Cow<'static, str>,
    pub show: Show,
    /// The column's text is a JSON array (as SQLite's `json_group_array` makes it):
    /// JSON and NDJSON write it as that array, the other formats as its text.
    pub list: bool,
}

impl Column {
    pub const fn new(name: &'static str) -> Column {
        Column {
            name: Cow::Borrowed(name),
            show: Show::Always,
            list: false,
        }
    }
    /// A column whose text is a JSON array, such as a name's aliases.
    pub const fn list(name: &'static str) -> Column {
        Column {
            name: Cow::Borrowed(name),
            show: Show::Always,
            list: true,
        }
    }
    pub const fn machine(name: &'static str) -> Column {
        Column {
            name: Cow::Borrowed(name),
            show: Show::MachineOnly,
            list: false,
        }
    }
    pub const fn human(name: &'static str) -> Column {
        Column {
            name: Cow::Borrowed(name),
            show: Show::HumanOnly,
            list: false,
        }
    }
    /// The column's name, as its header and JSON key.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// A column named at run time (one per subject in `compare`).
    pub fn named(name: String) -> Column {
        Column {
            name: Cow::Owned(name),
            show: Show::Always,
            list: false,
        }
    }
}

/// One cell of a row. Text borrows where it can, so streaming a query result does
/// not copy every string.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(Cow<'a, str>),
    /// A matrix cell: stances (or kinds) with their citations. Written as a
    /// coloured cell with quotes in html, as "label (cite +N)" text elsewhere.
    Marks(Vec<Mark>),
}

/// One stance (or kind) in a matrix cell, with its first citation.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub label: String,
    /// "source:line" of the first claim.
    pub cite: String,
    pub quote: String,
    /// How many more claims back the same label.
    pub more: usize,
    /// The cell's claims disagree (built in vs missing).
    pub conflicting: bool,
}

impl Cell<'_> {
    /// The cell as text, as every format but JSON shows it.
    pub fn to_text(&self) -> Cow<'_, str> {
        match self {
            Cell::Null => Cow::Borrowed(""),
            Cell::Int(i) => Cow::Owned(i.to_string()),
            Cell::Real(r) => Cow::Owned(real_text(*r)),
            Cell::Text(t) => Cow::Borrowed(t),
            Cell::Marks(marks) => {
                let mut parts: Vec<String> = marks
                    .iter()
                    .map(|m| match m.more {
                        0 => format!("{} ({})", m.label, m.cite),
                        n => format!("{} ({} +{n})", m.label, m.cite),
                    })
                    .collect();
                if marks.iter().any(|m| m.conflicting) {
                    parts.insert(0, "CONFLICTING:".to_string());
                }
                Cow::Owned(parts.join(" "))
            }
        }
    }
}

/// A REAL as serde_json writes it (`1.0`, `2.5`, `1e+301`), the same text in every
/// format, so that a float still reads as one: Rust's `Display` writes `1.0` as `1`
/// and `1e301` as 302 digits. An infinity, which JSON cannot hold (it is `null`
/// there), is written as Rust writes it (`inf`).
pub fn real_text(r: f64) -> String {
    match serde_json::Number::from_f64(r) {
        Some(number) => number.to_string(),
        None => r.to_string(),
    }
}

impl<'a> From<&'a str> for Cell<'a> {
    fn from(s: &'a str) -> Cell<'a> {
        Cell::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Cell<'_> {
    fn from(s: String) -> Self {
        Cell::Text(Cow::Owned(s))
    }
}

impl From<i64> for Cell<'_> {
    fn from(i: i64) -> Self {
        Cell::Int(i)
    }
}

impl<'a, T: Into<Cell<'a>>> From<Option<T>> for Cell<'a> {
    fn from(v: Option<T>) -> Cell<'a> {
        v.map_or(Cell::Null, Into::into)
    }
}

impl<'a> From<rusqlite::types::ValueRef<'a>> for Cell<'a> {
    fn from(v: rusqlite::types::ValueRef<'a>) -> Cell<'a> {
        use rusqlite::types::ValueRef;
        match v {
            ValueRef::Null => Cell::Null,
            ValueRef::Integer(i) => Cell::Int(i),
            ValueRef::Real(r) => Cell::Real(r),
            // Checked the fast way first: nearly all text is valid UTF-8.
            ValueRef::Text(t) => Cell::Text(match std::str::from_utf8(t) {
                Ok(text) => Cow::Borrowed(text),
                Err(_) => String::from_utf8_lossy(t),
            }),
            ValueRef::Blob(b) => Cell::Text(Cow::Owned(format!("<{} bytes>", b.len()))),
        }
    }
}

/// Where rows go: the one writer implements it; the answer layer and the query
/// layer write through it and never name the writer (ripgrep's searcher/printer split).
pub trait Sink {
    /// Starts a result set with these columns.
    fn rows(&mut self, columns: &[Column]) -> Result<Box<dyn Rows + '_>>;
    /// One record (a field/value table for a person, one row for a machine).
    fn record(&mut self, columns: &[Column], cells: &[Cell]) -> Result<()>;
    /// A sentence after the rows for a person (stderr in machine formats).
    fn note(&mut self, text: &str) -> Result<()>;
    fn is_human(&self) -> bool;
    fn is_keyed(&self) -> bool;
    fn shows(&self, column: &Column) -> bool;
    fn color(&self) -> bool;
}

/// One result set being written.
pub trait Rows {
    fn row(&mut self, cells: &[Cell]) -> Result<()>;
    /// Ends the result set; returns how many rows were written.
    fn finish(self: Box<Self>) -> Result<u64>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reals_read_as_floats_in_text() {
        assert_eq!(Cell::Real(1.0).to_text(), "1.0");
        assert_eq!(Cell::Real(2.5).to_text(), "2.5");
        assert_eq!(Cell::Real(1e301).to_text(), "1e+301");
        assert_eq!(Cell::Real(-0.5).to_text(), "-0.5");
        assert_eq!(Cell::Real(f64::INFINITY).to_text(), "inf");
        for r in [1.0, 2.5, 1e301, 1e-7, 123456789012.5, -3.25] {
            assert_eq!(real_text(r), serde_json::to_string(&r).unwrap());
        }
    }
}
