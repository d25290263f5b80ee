//! Reading CSV files with a header row (claims files, and the seed's catalogue
//! files), streamed and with a limit on how long one line may be, each record with
//! the line it starts on: the csv crate's own count is wrong for CRLF files.

use serde::de::DeserializeOwned;

use crate::ingest::record::{Located, MAX_ROW_BYTES, Problem};
use crate::output::starts_formula;

/// Reads a CSV file with a header row into records, reporting every bad row.
pub fn read_csv<T: DeserializeOwned>(text: &str) -> Result<Vec<Located<T>>, Vec<Problem>> {
    let rows = csv_rows(text).map_err(|p| vec![p])?;
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for (_, row) in rows {
        match row {
            Ok(record) => records.push(record),
            Err(p) => problems.push(p),
        }
    }
    if problems.is_empty() {
        Ok(records)
    } else {
        Err(problems)
    }
}

/// The rows of a CSV text with a header row, one at a time, each with the byte
/// offset it starts at and its record or the problem with it.
pub fn csv_rows<'t, T: DeserializeOwned + 't>(
    text: &'t str,
) -> Result<impl Iterator<Item = (u64, Result<Located<T>, Problem>)> + 't, Problem> {
    csv_rows_from(text.as_bytes())
}

/// [`csv_rows`] over any reader, streamed: a line longer than [`MAX_ROW_BYTES`] ends
/// the file with a problem instead of being read into memory.
pub fn csv_rows_from<'t, T: DeserializeOwned + 't, R: std::io::Read + 't>(
    reader: R,
) -> Result<impl Iterator<Item = (u64, Result<Located<T>, Problem>)> + 't, Problem> {
    let limited = LineLimit::new(reader);
    let newlines = std::sync::Arc::clone(&limited.newlines);
    let mut reader = csv::ReaderBuilder::new().from_reader(limited);
    let headers = reader
        .headers()
        .map_err(|e| Problem::new(1, format!("cannot read the header row: {e}")))?
        .clone();
    // Lines are counted from the byte offsets of the line breaks the reader has
    // seen: the csv crate's own line count is one short per CRLF line ending, and
    // Windows editors write CRLF. The reader runs at most one buffer ahead of the
    // records, so the queue of offsets stays that short.
    let mut counted_lines = 1u64;
    let mut ended = false;
    Ok(reader.into_records().map_while(move |result| {
        if ended {
            return None;
        }
        // A read error (an overlong line, a failing disk) ends the file.
        ended = matches!(&result, Err(e) if matches!(e.kind(), csv::ErrorKind::Io(_)));
        let position = match &result {
            Ok(raw) => raw.position(),
            Err(e) => e.position(),
        };
        let at = position.map_or(0, |p| p.byte());
        let line = match position {
            None => 0,
            Some(p) => {
                // After a CRLF, the csv crate starts the next record at the LF, so a
                // break at the record's own offset still belongs to the line before.
                let mut breaks = newlines.lock().unwrap_or_else(|e| e.into_inner());
                while breaks.front().is_some_and(|&b| b <= p.byte()) {
                    breaks.pop_front();
                    counted_lines += 1;
                }
                counted_lines
            }
        };
        let row = result
            .and_then(|raw| unneutralised(raw).deserialize::<T>(Some(&headers)))
            .map(|record| Located { line, record })
            .map_err(|e| Problem::new(line, describe_csv_error(&e)));
        Some((at, row))
    }))
}

/// A record with the cells a spreadsheet-safe CSV writer neutralised (claimdb's
/// own, `output::neutralise_formula`: a `'` before a cell a spreadsheet would run
/// as a formula) given back as they were, so `draft`'s CSV imports unchanged. A
/// spreadsheet reads such a cell the same way: the `'` is not part of its text.
fn unneutralised(raw: csv::StringRecord) -> csv::StringRecord {
    let neutralised = |cell: &str| {
        let b = cell.as_bytes();
        b.first() == Some(&b'\'')
            && b[1..]
                .iter()
                .find(|&&c| c != b'\'')
                .is_some_and(|&c| starts_formula(c))
    };
    if !raw.iter().any(neutralised) {
        return raw;
    }
    let mut out = csv::StringRecord::with_capacity(raw.as_slice().len(), raw.len());
    for cell in &raw {
        out.push_field(if neutralised(cell) { &cell[1..] } else { cell });
    }
    out.set_position(raw.position().cloned());
    out
}

/// A reader that refuses a line longer than [`MAX_ROW_BYTES`] (an I/O error naming
/// it), so no row of a claims file can take more memory than that.
struct LineLimit<R> {
    inner: R,
    /// Bytes since the last line break.
    run: usize,
    line: u64,
    /// Bytes read so far.
    offset: u64,
    /// Whether an odd number of `"` has been read: at the end, the file stops
    /// inside a quoted field (a cut-off `import -`), which CSV readers take as a
    /// field that ends there.
    open_quote: bool,
    /// Offsets of the line breaks read but not yet passed by a record.
    newlines: std::sync::Arc<std::sync::Mutex<std::collections::VecDeque<u64>>>,
}

impl<R> LineLimit<R> {
    fn new(inner: R) -> LineLimit<R> {
        LineLimit {
            inner,
            run: 0,
            line: 1,
            offset: 0,
            open_quote: false,
            newlines: Default::default(),
        }
    }
}

impl<R: std::io::Read> std::io::Read for LineLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && self.open_quote && !buf.is_empty() {
            return Err(std::io::Error::other(format!(
                "the file ends inside a quoted field (line {}): it was cut off; nothing of it is imported",
                self.line
            )));
        }
        self.open_quote ^= memchr::memchr_iter(b'"', &buf[..n]).count() % 2 == 1;
        let mut newlines = self.newlines.lock().unwrap_or_else(|e| e.into_inner());
        // Where the current line began in `buf` (its earlier bytes are in `run`).
        let mut line_from = 0;
        for i in memchr::memchr_iter(b'\n', &buf[..n]) {
            if self.run + (i - line_from) > MAX_ROW_BYTES {
                return Err(overlong(self.line));
            }
            newlines.push_back(self.offset + i as u64);
            self.run = 0;
            self.line += 1;
            line_from = i + 1;
        }
        self.run += n - line_from;
        if self.run > MAX_ROW_BYTES {
            return Err(overlong(self.line));
        }
        self.offset += n as u64;
        Ok(n)
    }
}

fn overlong(line: u64) -> std::io::Error {
    std::io::Error::other(format!(
        "line {line} is longer than {} MiB, more than any claim needs; the file is not read further",
        MAX_ROW_BYTES >> 20
    ))
}

fn describe_csv_error(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Io(io) => io.to_string(),
        csv::ErrorKind::Deserialize { err, .. } => err.to_string(),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("the row has {len} fields where the header has {expected_len}"),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::record::ClaimRecord;

    /// A reader that hands out at most `step` bytes per read.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
    }

    impl std::io::Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    #[test]
    fn a_line_is_refused_past_max_row_bytes_wherever_the_reads_split_it() {
        let longest = format!("a\n{}\nb\n", "x".repeat(MAX_ROW_BYTES));
        let too_long = format!("a\n{}\nb\n", "x".repeat(MAX_ROW_BYTES + 1));
        let ends_too_long = format!("a\n{}", "x".repeat(MAX_ROW_BYTES + 1));
        for step in [7, 4096, 3 << 20] {
            // The lines counted and the offsets of the line breaks.
            let read = |text: &str| {
                let mut limited = LineLimit::new(Trickle {
                    bytes: text.as_bytes(),
                    step,
                });
                std::io::copy(&mut limited, &mut std::io::sink()).map(|_| {
                    let breaks: Vec<u64> =
                        limited.newlines.lock().unwrap().iter().copied().collect();
                    (limited.line, breaks)
                })
            };
            let (line, breaks) = read(&longest).unwrap();
            assert_eq!(line, 4, "step {step}");
            let second = 2 + MAX_ROW_BYTES as u64;
            assert_eq!(breaks, [1, second, second + 2], "step {step}");
            for text in [&too_long, &ends_too_long] {
                let err = read(text).expect_err("refused");
                assert!(
                    err.to_string().starts_with("line 2 is longer"),
                    "step {step}: {err}"
                );
            }
        }
    }

    #[test]
    fn csv_problems_carry_their_line() {
        let text = "subject,kind,topic,stance,value,statement,quote\na,pro,t,,,s,q\nb,pro,t,,,s\n";
        let problems = read_csv::<ClaimRecord>(text).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 3);
    }

    #[test]
    fn csv_lines_are_right_with_crlf_line_endings_and_multi_line_quotes() {
        let header = "subject,kind,topic,stance,value,statement,quote";
        for eol in ["\n", "\r\n"] {
            let text = [
                header,
                "a,pro,t,,,s,\"two",
                "lines\"",
                "b,pro,t,,,s",
                "c,pro,t,,,s,q",
                "d,pro,t",
            ]
            .join(eol)
                + eol;
            let lines: Vec<u64> = csv_rows::<ClaimRecord>(&text)
                .unwrap()
                .map(|(_, row)| match row {
                    Ok(r) => r.line,
                    Err(p) => p.line,
                })
                .collect();
            assert_eq!(lines, [2, 4, 5, 6], "{eol:?}");
        }
    }
}
