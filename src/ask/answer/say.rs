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

thread_local! {
    /// The articles the question is answered from, when not all (src/ask/scope.rs).
    static SOURCES: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Records the articles the answer keeps to, for the commands [`reading_as`] shows.
pub fn answering_from(slugs: &[String]) {
    SOURCES.with(|s| *s.borrow_mut() = slugs.to_vec());
}

/// Says how the question was read, as the precise command that lists the same rows
/// (with `--source` for each article the answer keeps to).
pub fn reading_as(command: &str) {
    let sources = SOURCES.with(|s| s.borrow().clone());
    say(&format!(
        "reading this as: {}",
        with_sources(&format!("claimdb {command}"), &sources)
    ));
}

/// `claimdb which lacks orm ; claimdb claims ...` with `--source S` after each
/// command's name.
fn with_sources(commands: &str, sources: &[String]) -> String {
    if sources.is_empty() {
        return commands.to_string();
    }
    let flags: String = sources.iter().map(|s| format!(" --source {s}")).collect();
    commands
        .split("claimdb ")
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                return part.to_string();
            }
            match part.split_once(' ') {
                Some((name, rest)) => format!("claimdb {name}{flags} {rest}"),
                None => format!("claimdb {}{flags}", part.trim_end()),
            }
        })
        .collect()
}

/// "1 claim", "3 claims".
pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_read_gets_the_source_after_its_name() {
        assert_eq!(
            with_sources(
                "claimdb which lacks orm ; claimdb claims --kind pro",
                &["a".into()]
            ),
            "claimdb which --source a lacks orm ; claimdb claims --source a --kind pro"
        );
    }
}
