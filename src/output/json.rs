//! JSON and NDJSON rows: one object per row, keyed by column name, with numbers
//! as numbers and text as JSON strings.

use std::io::{self, Write};

use crate::rows::Cell;

/// One row as a JSON object (no separator or line break around it).
pub fn write_object<'c>(
    w: &mut impl Write,
    names: &[String],
    lists: &[bool],
    cells: impl Iterator<Item = &'c Cell<'c>>,
) -> io::Result<()> {
    w.write_all(b"{")?;
    for (n, ((name, cell), list)) in names.iter().zip(cells).zip(lists).enumerate() {
        if n > 0 {
            w.write_all(b",")?;
        }
        write_json_string(w, name)?;
        w.write_all(b":")?;
        match cell {
            // A list column's text is written as the array it holds; anything else
            // in it stays a string.
            Cell::Text(t) if *list => match serde_json::from_str::<Vec<serde_json::Value>>(t) {
                Ok(items) => serde_json::to_writer(&mut *w, &items).map_err(io::Error::from)?,
                Err(_) => write_json_value(w, cell)?,
            },
            _ => write_json_value(w, cell)?,
        }
    }
    w.write_all(b"}")
}

fn write_json_string(w: &mut impl Write, s: &str) -> io::Result<()> {
    serde_json::to_writer(&mut *w, s).map_err(io::Error::from)
}

fn write_json_value(w: &mut impl Write, cell: &Cell) -> io::Result<()> {
    match cell {
        Cell::Null => w.write_all(b"null"),
        Cell::Int(i) => write!(w, "{i}"),
        // serde_json's float form (`1.0`, `1e+301`): a float stays one for a reader.
        Cell::Real(r) if r.is_finite() => {
            serde_json::to_writer(&mut *w, r).map_err(io::Error::from)
        }
        Cell::Real(_) => w.write_all(b"null"),
        Cell::Text(t) => write_json_string(w, t),
        Cell::Marks(_) => write_json_string(w, &cell.to_text()),
    }
}
