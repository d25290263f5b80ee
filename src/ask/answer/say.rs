//! How an answer speaks besides its rows: lines on stderr (how the question was
//! read, what is missing), the verdict note after the rows, and the text helpers
//! they share. Anything from the question or the data is shown with its control
//! characters escaped (names and statements come from imported files).

use crate::error::Result;
use crate::rows::Sink;

/// A line on stderr, control characters escaped.
pub fn say(line: &str) {
    crate::stderr_line!("{}", printable(line));
}

/// Text from the user or the data, with control characters shown escaped so they
/// never reach a terminal raw.
pub fn printable(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

/// The verdict line after the rows (stdout for people, stderr in the machine formats).
pub fn note(out: &mut dyn Sink, text: &str) -> Result<()> {
    out.note(&printable(text))
}

/// Says how the question was read, as the precise command that lists the same rows.
pub fn reading_as(command: &str) {
    say(&format!("reading this as: claimdb {command}"));
}

/// "1 claim", "3 claims".
pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}
