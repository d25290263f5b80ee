//! CSV and TSV, the formats a spreadsheet opens: their records, and the rule that
//! keeps a spreadsheet from running a cell of data as a formula.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::output::terminal::terminal_safe;
use crate::rows::Cell;

/// A spreadsheet runs a cell starting with `=`, `+`, `-`, `@`, tab, CR or LF as a
/// formula; a leading `'` makes it text. Plain numbers ("-3", "+1.5") stay numbers.
/// A cell that already starts with `'`s before such a character gets one more, as
/// a spreadsheet would read it, so `import` can take every neutralised cell back
/// by removing one `'` (`ingest::csv_file`).
pub fn neutralise_formula(text: &str) -> Cow<'_, str> {
    let risky = text
        .trim_start_matches('\'')
        .as_bytes()
        .first()
        .is_some_and(|&b| starts_formula(b));
    if risky && !is_plain_number(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether a cell whose first byte is `b` is run by a spreadsheet as a formula (the
/// one set both the writer and `import`'s reading of neutralised cells use).
pub fn starts_formula(b: u8) -> bool {
    matches!(b, b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\n')
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

/// The CSV writer of one result set: RFC 4180, CRLF line ends, fields quoted only
/// when they hold a comma, quote, CR or LF, quotes doubled. The csv crate also
/// quotes the one empty field of a one-column record (`""`), which written bare
/// would be a blank line that CSV readers skip.
pub fn csv_writer<W: Write>(w: W) -> CsvWriter<W> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Unflushed(w))
}

pub type CsvWriter<W> = csv::Writer<Unflushed<W>>;

/// The output as the CSV writer sees it: its `flush` at the end of a result set
/// hands over what it holds, and the output itself is flushed once, when it
/// finishes, as in every other format.
pub struct Unflushed<W>(W);

impl<W: Write> Write for Unflushed<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.0.write_all(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// One CSV record.
pub fn write_csv_record<'c, W: Write>(
    csv: &mut CsvWriter<W>,
    fields: impl Iterator<Item = Cow<'c, str>>,
) -> io::Result<()> {
    for field in fields {
        csv.write_field(field.as_bytes()).map_err(io_error)?;
    }
    csv.write_record(None::<&[u8]>).map_err(io_error)
}

/// The I/O error under a CSV writer's error, kept as it is so that a closed pipe
/// is still seen as one (`csv::Error`'s own conversion hides its kind).
fn io_error(err: csv::Error) -> io::Error {
    match err.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

pub fn write_tsv_record<'c>(
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

/// One CSV or TSV field: a text cell a spreadsheet would run as a formula is
/// neutralised unless `--csv-raw`, and control characters are escaped when the
/// output is a terminal (files and pipes get the data exactly).
pub fn spreadsheet_field<'c>(cell: &'c Cell<'_>, raw: bool, terminal: bool) -> Cow<'c, str> {
    let field = match cell {
        Cell::Text(t) if !raw => neutralise_formula(t),
        other => other.to_text(),
    };
    terminal_safe(terminal, field)
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

    fn csv(records: &[&[&str]]) -> String {
        let mut buf = Vec::new();
        let mut csv = csv_writer(&mut buf);
        for record in records {
            write_csv_record(&mut csv, record.iter().map(|f| Cow::Borrowed(*f))).unwrap();
        }
        csv.flush().unwrap();
        drop(csv);
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn csv_records_quote_what_needs_quoting_and_end_in_crlf() {
        assert_eq!(
            csv(&[&["a", "b,c", "say \"hi\"", "two\nlines", "\"\"", "cr\rx"]]),
            "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\"\"\"\"\"\",\"cr\rx\"\r\n"
        );
        assert_eq!(csv(&[&["", ""], &["", "x"]]), ",\r\n,x\r\n");
    }

    #[test]
    fn a_one_field_record_whose_field_is_empty_is_not_a_blank_line() {
        assert_eq!(csv(&[&["x"], &[""], &["a"]]), "x\r\n\"\"\r\na\r\n");
    }

    #[test]
    fn tsv_escapes_separators() {
        let mut buf = Vec::new();
        let fields = ["a\tb", "c\nd", "e\\f"].map(Cow::Borrowed);
        write_tsv_record(&mut buf, fields.into_iter()).unwrap();
        assert_eq!(String::from_utf8(buf).unwrap(), "a\\tb\tc\\nd\te\\\\f\n");
    }
}
