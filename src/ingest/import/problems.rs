//! An import's problems, capped: a file of a million bad rows must not take a
//! million problems' memory, nor print them. The first [`MAX_PROBLEMS`] by line are
//! kept and shown, and the rest are counted.

use crate::error::Error;
use crate::ingest::record::Problem;

/// The most problems an import reports ("and N more" after them): enough to see
/// what is wrong, while memory stays bounded whatever the file holds.
pub const MAX_PROBLEMS: usize = 100;

/// A file's problems: the [`MAX_PROBLEMS`] with the smallest line numbers, and how
/// many more there were.
#[derive(Default)]
pub struct Capped {
    kept: std::collections::BinaryHeap<ByLine>,
    more: usize,
}

/// A problem ordered by its line, so the heap drops the latest first.
struct ByLine(Problem);

impl PartialEq for ByLine {
    fn eq(&self, other: &ByLine) -> bool {
        self.0.line == other.0.line
    }
}
impl Eq for ByLine {}
impl PartialOrd for ByLine {
    fn partial_cmp(&self, other: &ByLine) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for ByLine {
    fn cmp(&self, other: &ByLine) -> std::cmp::Ordering {
        self.0.line.cmp(&other.0.line)
    }
}

impl Capped {
    pub fn push(&mut self, p: Problem) {
        self.kept.push(ByLine(p));
        if self.kept.len() > MAX_PROBLEMS {
            self.kept.pop();
            self.more += 1;
        }
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Problem>) {
        for p in other {
            self.push(p);
        }
    }

    pub fn absorb(&mut self, other: Capped) {
        self.more += other.more;
        self.extend(other.kept.into_iter().map(|p| p.0));
    }

    pub fn is_empty(&self) -> bool {
        self.kept.is_empty() && self.more == 0
    }

    pub fn len(&self) -> usize {
        self.kept.len() + self.more
    }

    /// The kept problems in line order.
    fn sorted(&self) -> Vec<&Problem> {
        let mut kept: Vec<&Problem> = self.kept.iter().map(|p| &p.0).collect();
        kept.sort_by_key(|p| p.line);
        kept
    }
}

/// Every file's problems as one data error: at most [`MAX_PROBLEMS`] of them, then
/// how many more.
pub fn problems_error(files: &[(String, Capped)]) -> Error {
    let total: usize = files.iter().map(|(_, p)| p.len()).sum();
    let mut message = format!(
        "{} problem{} found, nothing was written:",
        thousands(total),
        if total == 1 { "" } else { "s" }
    );
    let mut shown = 0;
    for (file, problems) in files {
        for p in problems.sorted() {
            if shown == MAX_PROBLEMS {
                break;
            }
            shown += 1;
            message.push_str(&format!("\n  {file}:{}: {}", p.line, p.message));
            if let Some(hint) = &p.hint {
                message.push_str(&format!(" (hint: {hint})"));
            }
        }
    }
    if total > shown {
        message.push_str(&format!("\n  and {} more", thousands(total - shown)));
    }
    Error::data(message)
}

/// 1999900 -> "1,999,900".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}
