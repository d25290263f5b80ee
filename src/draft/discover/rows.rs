//! A table whose rows name the subjects though no "Project" heads its first
//! column: "|   | Open Issues | Speed |" over "| Zapper | 12 | 3s |". Its
//! header cells are attributes, not subjects, and each cell is the row's
//! subject's value of its column.

use super::{Page, capital, clean, column_name, column_names, subject_column, table_names};
use crate::names::fold;
use crate::text::blocks::{Block, BlockKind};
use crate::text::english::{NOTES_COLUMNS, TABLE_CELL_NONE};

/// True when a cell is a figure: digits with at most a short unit or sign
/// ("2.40", "1.2x", "86 MB/s", "~3s", "12%"), a measure and never a name.
pub fn figure(cell: &str) -> bool {
    let cell = cell.trim().trim_matches(['*', '_']).trim();
    let Some(first) = cell.chars().next() else {
        return false;
    };
    let unit: String = cell
        .chars()
        .filter(|c| !c.is_ascii_digit() && !".,%:/~<>+-\u{b1}\u{d7} ".contains(*c))
        .collect();
    (first.is_ascii_digit() || "~<>+-\u{2248}".contains(first))
        && cell.chars().any(|c| c.is_ascii_digit())
        && unit.chars().count() <= 5
}

/// The rows of `table` below its header.
fn body_rows<'t, 'b>(table: &'t [&'b Block]) -> Vec<&'t &'b Block> {
    table
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::TableRow { header: false }))
        .collect()
}

/// The columns (after the first) whose body cells, two or more, are all
/// figures: measures ("Ops/sec", "Speed-up"), never subjects. A cell saying
/// the row was not measured ("N/A") stands among them, two figures at least.
pub fn measure_columns(table: &[&Block]) -> Vec<usize> {
    let body = body_rows(table);
    if body.len() < 2 {
        return Vec::new();
    }
    let width = table.first().map_or(0, |h| h.cells.len());
    (1..width)
        .filter(|&i| {
            let cells = || body.iter().filter_map(|b| b.cells.get(i));
            let figures = cells().filter(|c| figure(&c.text)).count();
            body.iter().all(|b| {
                b.cells.get(i).is_some_and(|c| {
                    figure(&c.text) || TABLE_CELL_NONE.contains(fold(&c.text).trim())
                })
            }) && figures >= 2
        })
        .collect()
}

/// True when every column of `table` after the first, a notes column aside, is
/// a measure ([`measure_columns`]): its first column holds what was measured,
/// whether or not the prose names it.
fn measures_only(table: &[&Block]) -> bool {
    let Some(header) = table.first() else {
        return false;
    };
    let measures = measure_columns(table);
    (1..header.cells.len()).all(|i| {
        measures.contains(&i) || NOTES_COLUMNS.contains(&fold(&column_name(&header.cells[i].text)))
    })
}

impl Page {
    /// True when `table` is one of measurements whose first column is headed by a
    /// word of its own ("| Package | I/O | Ops/sec |", neither empty nor "Project"):
    /// read by rows only when its first column holds names the page uses elsewhere.
    /// Its figures mean nothing without the task the page describes above it, and
    /// its word columns are that task's conditions ("buffer", "file"): it gives no
    /// rows of its own.
    pub fn measured(table: &[&Block]) -> bool {
        let first = table
            .first()
            .and_then(|h| h.cells.first())
            .map_or("", |c| c.text.trim());
        !first.is_empty() && !subject_column(first) && !measure_columns(table).is_empty()
    }

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
    pub fn by_rows(&self, table: &[&Block], in_tables: &InTables) -> bool {
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
        if Page::measured(table) {
            return (measures_only(table) && self.rows_name_more(&body, header))
                || self.named_elsewhere(&body, header, in_tables);
        }
        first.is_empty() && self.rows_name_more(&body, header)
    }

    /// True when a table's first column cells (`body`, two or more) read as
    /// names more often than its header's cells do, and half of them at least.
    fn rows_name_more(&self, body: &[&str], header: &Block) -> bool {
        if body.len() < 2 {
            return false;
        }
        let share = |cells: &[&str]| {
            cells.iter().filter(|c| self.names_a_thing(c)).count() as f64
                / cells.len().max(1) as f64
        };
        let heads: Vec<&str> = header.cells[1..].iter().map(|c| c.text.as_str()).collect();
        let rows = share(body);
        rows >= 0.5 && rows > share(&heads)
    }
}

/// How many cells of the page's tables hold each name.
pub type InTables = foldhash::HashMap<String, usize>;

fn count_in_tables(blocks: &[Block]) -> InTables {
    let mut out = InTables::default();
    for block in blocks {
        if matches!(block.kind, BlockKind::TableRow { .. }) {
            for cell in &block.cells {
                *out.entry(column_name(&cell.text)).or_insert(0) += 1;
            }
        }
    }
    out
}

/// The names `cells` hold, each once, figures aside.
fn distinct(cells: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = cells.iter().map(|c| column_name(c)).collect();
    names.sort();
    names.dedup();
    names.retain(|n| !n.is_empty() && !figure(n));
    names
}

impl Page {
    /// How often each name stands in a table cell of the page (`blocks`, those
    /// the page was counted from), counted once.
    fn in_tables(&self, blocks: &[Block]) -> &InTables {
        self.in_tables.get_or_init(|| count_in_tables(blocks))
    }

    /// True when most of a table's first column cells (`body`) are names the
    /// page uses outside the table ("zapper" in its prose too), more of them
    /// than of its header's cells: the rows name its subjects.
    fn named_elsewhere(&self, body: &[&str], header: &Block, in_tables: &InTables) -> bool {
        let heads: Vec<&str> = header.cells[1..].iter().map(|c| c.text.as_str()).collect();
        let used = |cells: &[&str]| self.used_elsewhere(cells, in_tables).len();
        let (rows, of) = (used(body), distinct(body).len());
        let (heads_used, heads_of) = (used(&heads), distinct(&heads).len());
        of > 0 && rows * 2 >= of && rows * heads_of.max(1) > heads_used * of
    }

    /// The names among `cells` that the page mentions more often than its
    /// tables' cells hold them: "Ops/sec" heading four tables is named in none
    /// of its prose.
    fn used_elsewhere(&self, cells: &[&str], in_tables: &InTables) -> Vec<String> {
        distinct(cells)
            .into_iter()
            .filter(|n| self.mentions(n) > in_tables.get(n).copied().unwrap_or(0))
            .collect()
    }

    /// The names in the first column of each table of measurements read by rows
    /// that the page names elsewhere too: subjects, though the table gives no rows.
    pub fn measured_names(&self, blocks: &[Block]) -> Vec<String> {
        let row = |b: &Block| matches!(b.kind, BlockKind::TableRow { .. });
        let in_tables = self.in_tables(blocks);
        let mut out = Vec::new();
        for i in self.tables_by_rows(blocks) {
            let table: Vec<&Block> = blocks[i..].iter().take_while(|b| row(b)).collect();
            if Page::measured(&table) {
                let body: Vec<&str> = table[1..]
                    .iter()
                    .filter_map(|b| b.cells.first().map(|c| c.text.as_str()))
                    .collect();
                out.extend(self.used_elsewhere(&body, in_tables));
            }
        }
        out
    }

    /// The index in `blocks` (those the page was counted from) of the first row
    /// of each table that names its subjects by row ([`Page::by_rows`]).
    pub fn tables_by_rows(&self, blocks: &[Block]) -> Vec<usize> {
        self.by_rows
            .get_or_init(|| self.find_tables_by_rows(blocks))
            .clone()
    }

    fn find_tables_by_rows(&self, blocks: &[Block]) -> Vec<usize> {
        let row = |b: &Block| matches!(b.kind, BlockKind::TableRow { .. });
        let in_tables = self.in_tables(blocks);
        let mut out = Vec::new();
        for (i, block) in blocks.iter().enumerate() {
            if row(block) && (i == 0 || !row(&blocks[i - 1])) {
                let table: Vec<&Block> = blocks[i..].iter().take_while(|b| row(b)).collect();
                if self.by_rows(&table, in_tables) {
                    out.push(i);
                }
            }
        }
        out
    }
}

/// Words a cell of free text holds at the least: a description ("Lists the
/// files in a directory"), not a mark or a value.
const DESCRIBING_WORDS: usize = 4;

impl Page {
    /// The subjects the header row `blocks[at]` names ([`table_names`]), its
    /// columns of descriptions aside.
    pub fn table_subjects(&self, blocks: &[Block], at: usize) -> Vec<String> {
        let described = self.description_columns(blocks, at);
        let mut names = table_names(&blocks[at]);
        names.retain(|n| !described.contains(n));
        names
    }

    /// The names heading the columns of the table whose header row is
    /// `blocks[at]` that describe each row in free text, "| Alpha | Beta | Task
    /// |" over "| `ls` | `ls -a` | Lists the files in a directory |": in a table
    /// of two body rows or more, three in four of the column's cells hold
    /// [`DESCRIBING_WORDS`] words or more, and the page names the heading nowhere
    /// outside its tables. A column of what the row is, no subject.
    fn description_columns(&self, blocks: &[Block], at: usize) -> Vec<String> {
        let table: Vec<&Block> = blocks[at..]
            .iter()
            .take_while(|b| matches!(b.kind, BlockKind::TableRow { .. }))
            .collect();
        let in_tables = self.in_tables(blocks);
        let Some(header) = table.first() else {
            return Vec::new();
        };
        let body = body_rows(&table);
        if body.len() < 2 {
            return Vec::new();
        }
        (1..header.cells.len())
            .filter(|&i| {
                let long = body
                    .iter()
                    .filter(|b| {
                        b.cells
                            .get(i)
                            .is_some_and(|c| c.text.split_whitespace().count() >= DESCRIBING_WORDS)
                    })
                    .count();
                long * 4 >= body.len() * 3
            })
            .map(|i| column_name(&header.cells[i].text))
            .filter(|n| !n.is_empty() && self.used_elsewhere(&[n.as_str()], in_tables).is_empty())
            .collect()
    }
}
