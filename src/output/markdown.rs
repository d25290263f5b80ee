//! `--format markdown`: a GitHub table, its cells escaped so that data cannot end a
//! cell or a row.

use std::io::{self, Write};

use crate::output::terminal::for_terminal;
use crate::rows::Cell;

/// The header row and the line under it.
pub fn write_header(w: &mut impl Write, names: &[String]) -> io::Result<()> {
    let header: Vec<String> = names.iter().map(|n| markdown_cell(n)).collect();
    writeln!(w, "| {} |", header.join(" | "))?;
    writeln!(w, "|{}", "---|".repeat(names.len()))
}

pub fn write_row<'c>(
    w: &mut impl Write,
    cells: impl Iterator<Item = &'c Cell<'c>>,
) -> io::Result<()> {
    let cells: Vec<String> = cells.map(|c| markdown_cell(&c.to_text())).collect();
    writeln!(w, "| {} |", cells.join(" | "))
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
    fn markdown_cells_escape_pipes_and_newlines() {
        assert_eq!(markdown_cell("a|b\nc"), "a\\|b<br>c");
    }
}
