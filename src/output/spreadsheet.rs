//! CSV and TSV, the formats a spreadsheet opens: their records, and the rule that
//! keeps a spreadsheet from running a cell of data as a formula.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::output::format::Format;
use crate::output::terminal::terminal_safe;
use crate::rows::Cell;

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

/// One record in the spreadsheet format the output is in (CSV or TSV).
pub fn write_spreadsheet_record<'c>(
    w: &mut impl Write,
    format: Format,
    fields: impl Iterator<Item = Cow<'c, str>>,
) -> io::Result<()> {
    match format {
        Format::Tsv => write_tsv_record(w, fields),
        _ => write_csv_record(w, fields),
    }
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
}
