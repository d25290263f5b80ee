//! What a claims file holds, before anything is checked: its columns, one record
//! per row (and the records of the catalogue files the seed ships), each with the
//! line it starts on, and the problems a file can have, reported by line.

use serde::Deserialize;

use crate::error::Error;

/// Every column a claims file may have, in the documented order.
pub const CLAIM_COLUMNS: [&str; 17] = [
    "subject",
    "kind",
    "topic",
    "stance",
    "value",
    "versus",
    "listed",
    "statement",
    "quote",
    "line_start",
    "line_end",
    "category",
    "new",
    "subject_aliases",
    "topic_aliases",
    "section",
    "confidence",
];

/// A problem with a claims file's header: a column claimdb does not know.
pub fn check_claim_header(text: &str) -> Option<Problem> {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = reader.headers().ok()?;
    let unknown: Vec<String> = headers
        .iter()
        .filter(|h| !CLAIM_COLUMNS.contains(&h.trim()))
        .map(|h| format!("'{h}'"))
        .collect();
    if unknown.is_empty() {
        return None;
    }
    let plural = if unknown.len() == 1 { "" } else { "s" };
    Some(
        Problem::new(
            1,
            format!(
                "unknown column{plural} {}",
                crate::names::some_of(&unknown, 5)
            ),
        )
        .hint(format!("the columns are {}", CLAIM_COLUMNS.join(", "))),
    )
}

/// One row of a claims file, as written (seed/claims.csv, or an import). The
/// `section` and `confidence` columns that `draft` writes are for the reviewer and
/// are not read.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimRecord {
    pub subject: String,
    pub kind: String,
    pub topic: String,
    #[serde(default)]
    pub stance: Option<String>,
    #[serde(default)]
    pub value: Option<String>,
    /// Comparisons only: the subject the claim's subject is compared with (empty for
    /// "than the others").
    #[serde(default)]
    pub versus: Option<String>,
    /// `1` (or `true`) when the claim is one item of one of the article's own lists.
    #[serde(default, deserialize_with = "flag")]
    pub listed: Option<String>,
    pub statement: String,
    pub quote: String,
    #[serde(default)]
    pub line_start: Option<usize>,
    #[serde(default)]
    pub line_end: Option<usize>,
    /// Imports only: the category of a topic the knowledge base does not know yet,
    /// which the import then creates.
    #[serde(default)]
    pub category: Option<String>,
    /// Imports only: "subject", "topic" or both ("subject|topic") to create that
    /// name although it is close to a known one (a typo, a plural, an alias).
    #[serde(default)]
    pub new: Option<String>,
    /// Imports only: more names for a subject or topic the row creates, `|`-separated.
    #[serde(default)]
    pub subject_aliases: Option<String>,
    #[serde(default)]
    pub topic_aliases: Option<String>,
    /// Written by `draft` for the reviewer; ignored, whatever their type.
    #[serde(default)]
    pub section: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    pub confidence: Option<serde::de::IgnoredAny>,
}

impl ClaimRecord {
    /// True when the row's `new` column declares `what` ("subject" or "topic") new.
    pub fn declares_new(&self, what: &str) -> bool {
        self.new.as_deref().is_some_and(|n| {
            n.split(['|', ',', ' '])
                .any(|w| w.trim().eq_ignore_ascii_case(what))
        })
    }
}

/// A yes/no cell as written: JSON `true`/`1` or CSV `1`, kept as text so
/// `check_claims` can report a bad value with its line instead of failing the file.
fn flag<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<String>, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Bool(b)) => Some(if b { "1" } else { "0" }.to_string()),
        Some(other) => Some(other.to_string()),
    })
}

#[derive(Debug, Clone, Deserialize)]
pub struct SubjectRecord {
    pub subject: String,
    #[serde(default)]
    pub aliases: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CategoryRecord {
    pub category: String,
    #[serde(default)]
    pub aliases: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TopicRecord {
    pub topic: String,
    pub category: String,
    #[serde(default)]
    pub aliases: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

/// A record with the line of the file it starts on.
#[derive(Debug, Clone)]
pub struct Located<T> {
    pub line: u64,
    pub record: T,
}

/// One thing wrong with one row of an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: u64,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    pub fn new(line: u64, message: impl Into<String>) -> Problem {
        Problem {
            line,
            message: message.into(),
            hint: None,
        }
    }
    pub fn hint(mut self, hint: impl Into<String>) -> Problem {
        self.hint = Some(hint.into());
        self
    }
}

/// Every problem of a file as one data error: "FILE:LINE: message (hint)" per row.
pub fn problems_error(file: &str, problems: &[Problem]) -> Error {
    let mut message = format!(
        "{file}: {} problem{} found, nothing was written:",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    for p in problems {
        message.push_str(&format!("\n  {file}:{}: {}", p.line, p.message));
        if let Some(hint) = &p.hint {
            message.push_str(&format!(" (hint: {hint})"));
        }
    }
    Error::data(message)
}

/// An optional cell, trimmed, with an empty cell read as absent.
pub(crate) fn non_blank(cell: &Option<String>) -> Option<&str> {
    cell.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The longest line a claims file may have, and the longest object of a JSON
/// claims file: far more than any claim needs, and what bounds the memory one row
/// can take, whatever the file holds.
pub const MAX_ROW_BYTES: usize = 1 << 20;
