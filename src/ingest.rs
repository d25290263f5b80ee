//! Turning claims files into rows: reading them, validating every row against the
//! catalogue and the article, and inserting a source with its claims. The shipped
//! seed and user imports both come through here, so they obey the same rules.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Transaction, params};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use crate::article::Article;
use crate::db::side_index::SideIndex;
use crate::error::{Error, Result};
use crate::model::{Kind, Stance};
use crate::names::fold;

/// One row of a claims file, as written (seed/claims.csv, or an import). The
/// `section` and `confidence` columns that `draft` writes are for the reviewer and
/// are not read.
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

/// A known name `name` is close to (a typo, or the name with something added:
/// "Express.js" for "express"), as its folded key; None when it is not close.
pub fn near_known<'k>(name: &str, known: impl IntoIterator<Item = &'k String>) -> Option<&'k str> {
    let key = fold(name);
    let compact = |k: &str| {
        k.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let key_compact = compact(&key);
    // "express.js", "flask framework": a known name and a suffix that adds nothing.
    let extends = |longer: &str, shorter: &str| {
        let generic = [
            "framework",
            "library",
            "database",
            "db",
            "language",
            "lang",
            "server",
            "platform",
            "support",
            "js",
            "io",
            "org",
            "com",
        ];
        shorter.chars().count() >= 3
            && longer.len() > shorter.len()
            && longer.starts_with(shorter)
            && !longer[shorter.len()..].starts_with(char::is_alphanumeric)
            && {
                let rest: String = longer[shorter.len()..]
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect();
                generic.contains(&rest.as_str())
            }
    };
    let digits = |k: &str| k.chars().filter(char::is_ascii_digit).collect::<String>();
    let key_digits = digits(&key);
    let mut best: Option<(f64, &str)> = None;
    for k in known {
        // "topic 7" and "topic 5" are two names, not a typo.
        if digits(k) != key_digits {
            continue;
        }
        let score = if compact(k) == key_compact || extends(&key, k) || extends(k, &key) {
            2.0
        } else if key.chars().count() >= 4
            && k.chars().count() >= 4
            && key.chars().count().abs_diff(k.chars().count()) <= 2
        {
            // A typo: about as long, nearly the same letters.
            strsim::jaro_winkler(&key, k)
        } else {
            0.0
        };
        if score >= 0.9 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, k));
        }
    }
    best.map(|(_, k)| k)
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
    fn new(line: u64, message: impl Into<String>) -> Problem {
        Problem {
            line,
            message: message.into(),
            hint: None,
        }
    }
    fn hint(mut self, hint: impl Into<String>) -> Problem {
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
fn non_blank(cell: &Option<String>) -> Option<&str> {
    cell.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

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

/// The longest line a claims file may have, and the longest object of a JSON
/// claims file: far more than any claim needs, and what bounds the memory one row
/// can take, whatever the file holds.
pub const MAX_ROW_BYTES: usize = 1 << 20;

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
            .and_then(|raw| raw.deserialize::<T>(Some(&headers)))
            .map(|record| Located { line, record })
            .map_err(|e| Problem::new(line, describe_csv_error(&e)));
        Some((at, row))
    }))
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
            newlines: Default::default(),
        }
    }
}

impl<R: std::io::Read> std::io::Read for LineLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
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

/// Reads a JSON array of claim objects, reporting every bad object with the line
/// it starts on.
pub fn read_json_claims(text: &str) -> Result<Vec<Located<ClaimRecord>>, Vec<Problem>> {
    let values: Vec<serde_json::Value> = match serde_json::from_str(text) {
        Ok(serde_json::Value::Array(values)) => values,
        Ok(_) => {
            return Err(vec![Problem::new(
                1,
                "the file must hold one JSON array of claim objects",
            )]);
        }
        Err(e) => {
            return Err(vec![Problem::new(
                e.line() as u64,
                format!("not valid JSON: {e}"),
            )]);
        }
    };
    let lines = object_lines(text);
    let mut records = Vec::with_capacity(values.len());
    let mut problems = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(0);
        match serde_json::from_value::<ClaimRecord>(value) {
            Ok(record) => records.push(Located { line, record }),
            Err(e) => problems.push(Problem::new(line, format!("claim {}: {e}", i + 1))),
        }
    }
    if problems.is_empty() {
        Ok(records)
    } else {
        Err(problems)
    }
}

/// Reads a JSON array of claim objects from `reader` one object at a time, handing
/// each record (with the line its object starts on), or the problem with it, to
/// `each`, which returns false to stop. The bytes read so far are passed along for
/// progress. No object may be longer than [`MAX_ROW_BYTES`]: memory stays bounded
/// whatever the file holds.
pub fn json_claims_from<R: std::io::Read>(
    reader: R,
    mut each: impl FnMut(u64, Result<Located<ClaimRecord>, Problem>) -> bool,
) -> Result<(), Problem> {
    use serde::de::{Deserializer as _, SeqAccess, Visitor};
    use std::rc::Rc;

    let state = Rc::new(JsonState::default());
    let tracker = JsonTracker {
        inner: reader,
        state: Rc::clone(&state),
    };
    struct Claims<'s, F> {
        state: &'s JsonState,
        each: F,
    }
    impl<'de, F: FnMut(u64, Result<Located<ClaimRecord>, Problem>) -> bool> Visitor<'de>
        for Claims<'_, F>
    {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("one JSON array of claim objects")
        }
        fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
            let mut n = 0u64;
            while let Some(element) = seq.next_element::<Element>()? {
                n += 1;
                let line = self.state.element_line.get();
                let row = match element.repeated {
                    Some(key) => Err(Problem::new(
                        line,
                        format!("claim {n}: the key \"{key}\" appears twice"),
                    )),
                    None => serde_json::from_value::<ClaimRecord>(element.value)
                        .map(|record| Located { line, record })
                        .map_err(|e| Problem::new(line, format!("claim {n}: {e}"))),
                };
                if !(self.each)(self.state.bytes.get(), row) {
                    return Ok(());
                }
            }
            Ok(())
        }
    }
    let mut de = serde_json::Deserializer::from_reader(tracker);
    let visitor = Claims {
        state: &state,
        each: &mut each,
    };
    let outcome = de.deserialize_seq(visitor).and_then(|()| de.end());
    outcome.map_err(|e| {
        let line = if e.is_io() {
            state.line.get()
        } else {
            e.line() as u64
        };
        if e.is_data() {
            Problem::new(1, "the file must hold one JSON array of claim objects")
        } else {
            Problem::new(line, format!("not valid JSON: {e}"))
        }
    })?;
    Ok(())
}

/// One element of a JSON claims array, and the first key its object repeats:
/// serde_json would keep the last value of a repeated key without a word.
struct Element {
    value: serde_json::Value,
    repeated: Option<String>,
}

impl Element {
    fn plain(value: serde_json::Value) -> Element {
        Element {
            value,
            repeated: None,
        }
    }
}

impl<'de> Deserialize<'de> for Element {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Element, D::Error> {
        use serde::de::{MapAccess, SeqAccess, Visitor};
        use serde_json::Value;
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Element;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a claim object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Element, A::Error> {
                let mut object = serde_json::Map::new();
                let mut repeated = None;
                while let Some(key) = map.next_key::<String>()? {
                    let value = map.next_value::<Value>()?;
                    if object.contains_key(&key) && repeated.is_none() {
                        repeated = Some(key.clone());
                    }
                    object.insert(key, value);
                }
                Ok(Element {
                    value: Value::Object(object),
                    repeated,
                })
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Element, A::Error> {
                Value::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))
                    .map(Element::plain)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Element, E> {
                Ok(Element::plain(v.into()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Element, E> {
                Ok(Element::plain(v.into()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Element, E> {
                Ok(Element::plain(v.into()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Element, E> {
                Ok(Element::plain(v.into()))
            }
            fn visit_str<E>(self, v: &str) -> Result<Element, E> {
                Ok(Element::plain(v.into()))
            }
            fn visit_unit<E>(self) -> Result<Element, E> {
                Ok(Element::plain(Value::Null))
            }
        }
        d.deserialize_any(V)
    }
}

/// Where a JSON claims file is being read: what `JsonTracker` sees pass.
#[derive(Default)]
struct JsonState {
    line: std::cell::Cell<u64>,
    bytes: std::cell::Cell<u64>,
    /// The line the element of the top-level array being read starts on.
    element_line: std::cell::Cell<u64>,
    depth: std::cell::Cell<u32>,
    in_string: std::cell::Cell<bool>,
    escaped: std::cell::Cell<bool>,
    /// True between the array's `[` or a `,` at depth 1 and the next element.
    expecting: std::cell::Cell<bool>,
    /// Bytes of the element being read.
    element_bytes: std::cell::Cell<usize>,
}

/// Passes a JSON text through, noting the line each top-level element starts on
/// (as [`object_lines`] does for a whole text) and refusing an element longer than
/// [`MAX_ROW_BYTES`].
struct JsonTracker<R> {
    inner: R,
    state: std::rc::Rc<JsonState>,
}

impl<R: std::io::Read> std::io::Read for JsonTracker<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let s = &*self.state;
        for &b in &buf[..n] {
            s.bytes.set(s.bytes.get() + 1);
            if s.line.get() == 0 {
                s.line.set(1);
            }
            if b == b'\n' {
                s.line.set(s.line.get() + 1);
            }
            if s.depth.get() >= 1 {
                s.element_bytes.set(s.element_bytes.get() + 1);
                if s.element_bytes.get() > MAX_ROW_BYTES {
                    return Err(std::io::Error::other(format!(
                        "the claim starting on line {} is longer than {} MiB",
                        s.element_line.get(),
                        MAX_ROW_BYTES >> 20
                    )));
                }
            }
            if s.in_string.get() {
                match (s.escaped.get(), b) {
                    (true, _) => s.escaped.set(false),
                    (false, b'\\') => s.escaped.set(true),
                    (false, b'"') => s.in_string.set(false),
                    _ => {}
                }
                continue;
            }
            if s.expecting.get() && s.depth.get() == 1 && !b.is_ascii_whitespace() && b != b']' {
                s.element_line.set(s.line.get());
                s.element_bytes.set(0);
                s.expecting.set(false);
            }
            match b {
                b'"' => s.in_string.set(true),
                b'[' | b'{' => {
                    s.depth.set(s.depth.get() + 1);
                    if s.depth.get() == 1 {
                        s.expecting.set(true);
                    }
                }
                b']' | b'}' => s.depth.set(s.depth.get().saturating_sub(1)),
                b',' if s.depth.get() == 1 => s.expecting.set(true),
                _ => {}
            }
        }
        Ok(n)
    }
}

/// The line each element of a top-level JSON array starts on.
fn object_lines(text: &str) -> Vec<u64> {
    let (mut depth, mut line, mut in_string, mut escaped) = (0u32, 1u64, false, false);
    // True between the array's `[` or a `,` at depth 1 and the next element.
    let mut expecting = false;
    let mut starts = Vec::new();
    for ch in text.chars() {
        if ch == '\n' {
            line += 1;
        }
        if in_string {
            match (escaped, ch) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        if expecting && depth == 1 && !ch.is_whitespace() && ch != ']' {
            starts.push(line);
            expecting = false;
        }
        match ch {
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                if depth == 1 {
                    expecting = true;
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            ',' if depth == 1 => expecting = true,
            _ => {}
        }
    }
    starts
}

/// Splits an `aliases` cell ("a|b|c") into its names.
fn split_aliases(cell: &Option<String>) -> impl Iterator<Item = &str> {
    cell.as_deref()
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Checks that no folded name is claimed by two different entries, within one
/// catalogue file; returns (key, alias, owner) triples to insert.
fn alias_rows<'a>(
    entries: impl Iterator<Item = (u64, &'a str, &'a Option<String>)>,
    problems: &mut Vec<Problem>,
    noun: &str,
) -> Vec<(String, String, String)> {
    let mut owner_of: HashMap<String, String> = HashMap::new();
    let mut rows = Vec::new();
    for (line, name, aliases) in entries {
        for alias in std::iter::once(name).chain(split_aliases(aliases)) {
            let key = fold(alias);
            match owner_of.get(&key) {
                Some(owner) if owner == name => {}
                Some(owner) => problems.push(Problem::new(
                    line,
                    format!("{noun} alias '{alias}' already names {noun} '{owner}'"),
                )),
                None => {
                    owner_of.insert(key.clone(), name.to_string());
                    rows.push((key, alias.to_string(), name.to_string()));
                }
            }
        }
    }
    rows
}

/// The catalogues a claims file is resolved against.
pub struct CatalogueFiles {
    pub subjects: Vec<Located<SubjectRecord>>,
    pub categories: Vec<Located<CategoryRecord>>,
    pub topics: Vec<Located<TopicRecord>>,
}

/// Inserts or updates subjects, categories and topics with their aliases. An alias
/// that already exists is moved to the entry named here.
pub fn upsert_catalogues(tx: &Transaction, files: &CatalogueFiles) -> Result<(), Vec<Problem>> {
    let mut problems = Vec::new();
    let category_aliases = alias_rows(
        files
            .categories
            .iter()
            .map(|c| (c.line, c.record.category.as_str(), &c.record.aliases)),
        &mut problems,
        "category",
    );
    let subject_aliases = alias_rows(
        files
            .subjects
            .iter()
            .map(|s| (s.line, s.record.subject.as_str(), &s.record.aliases)),
        &mut problems,
        "subject",
    );
    let topic_aliases = alias_rows(
        files
            .topics
            .iter()
            .map(|t| (t.line, t.record.topic.as_str(), &t.record.aliases)),
        &mut problems,
        "topic",
    );
    if !problems.is_empty() {
        return Err(problems);
    }
    let db = |e: rusqlite::Error| vec![Problem::new(0, format!("database error: {e}"))];
    let sql_problem = |line: u64, what: &str, name: &str, e: rusqlite::Error| {
        vec![Problem::new(
            line,
            format!("{what} '{name}' was refused: {e}"),
        )]
    };

    // One cached statement per kind of row: the seed has hundreds of aliases.
    let exec = |sql: &str, params: &[&dyn rusqlite::ToSql]| tx.prepare_cached(sql)?.execute(params);
    for c in &files.categories {
        exec(
            "INSERT INTO categories (category, description) VALUES (?1, ?2)
             ON CONFLICT (category) DO UPDATE SET description = excluded.description",
            params![c.record.category, c.record.description],
        )
        .map_err(|e| sql_problem(c.line, "category", &c.record.category, e))?;
    }
    for (key, alias, category) in &category_aliases {
        exec(
            "INSERT INTO category_aliases (key, alias, category) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET alias = excluded.alias, category = excluded.category",
            params![key, alias, category],
        )
        .map_err(db)?;
    }
    for s in &files.subjects {
        exec(
            "INSERT INTO subjects (name, description) VALUES (?1, ?2)
             ON CONFLICT (name) DO UPDATE SET description = excluded.description",
            params![s.record.subject, s.record.description],
        )
        .map_err(|e| sql_problem(s.line, "subject", &s.record.subject, e))?;
    }
    for (key, alias, subject) in &subject_aliases {
        exec(
            "INSERT INTO subject_aliases (key, alias, subject_id)
             SELECT ?1, ?2, subject_id FROM subjects WHERE name = ?3
             ON CONFLICT (key) DO UPDATE SET alias = excluded.alias, subject_id = excluded.subject_id",
            params![key, alias, subject],
        )
        .map_err(db)?;
    }
    for t in &files.topics {
        let category = fold(&t.record.category);
        exec(
            "INSERT INTO topics (name, category, description)
             VALUES (?1, coalesce((SELECT category FROM category_aliases WHERE key = ?2), ?3), ?4)
             ON CONFLICT (name) DO UPDATE SET category = excluded.category,
                                             description = excluded.description",
            params![
                t.record.topic,
                category,
                t.record.category,
                t.record.description
            ],
        )
        .map_err(|e| {
            let mut p = sql_problem(t.line, "topic", &t.record.topic, e);
            p[0].hint = Some(format!(
                "is '{}' a known category? `claimdb topics` lists them",
                t.record.category
            ));
            p
        })?;
    }
    for (key, alias, topic) in &topic_aliases {
        exec(
            "INSERT INTO topic_aliases (key, alias, topic_id)
             SELECT ?1, ?2, topic_id FROM topics WHERE name = ?3
             ON CONFLICT (key) DO UPDATE SET alias = excluded.alias, topic_id = excluded.topic_id",
            params![key, alias, topic],
        )
        .map_err(db)?;
    }
    Ok(())
}

/// A name as a catalogue slug ("Fast API" -> "fast-api"), if it only uses `allowed`
/// characters besides letters and digits.
fn slug(name: &str, allowed: &[char]) -> Option<String> {
    // "--x" would fold to "x": a name must start with a letter or digit, so what is
    // stored is what the file says.
    if !name.trim_start().starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let slug = fold(name).replace(' ', "-");
    let ok = !slug.is_empty()
        && slug.chars().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || allowed.contains(&c)
        });
    ok.then_some(slug)
}

/// What an import added to the catalogues.
#[derive(Debug, Default)]
pub struct Declared {
    pub subjects: Vec<String>,
    pub topics: Vec<String>,
}

/// Imports only: creates the subjects and topics the records name that the
/// knowledge base does not know yet. A new subject needs only a well-formed name; a
/// new topic needs a known category in the record's `category` column. Records
/// that cannot be declared are left for `check_claims` to report.
pub fn declare_new_names<'r>(
    tx: &Transaction,
    records: impl IntoIterator<Item = &'r Located<ClaimRecord>>,
) -> rusqlite::Result<Declared> {
    // Inserts the entry, then its canonical name and the spelling used as aliases.
    let insert =
        |entry_sql: &str, entry: &[&dyn rusqlite::ToSql], alias_sql: &str, aliases: [&str; 2]| {
            tx.prepare_cached(entry_sql)?.execute(entry)?;
            let id = tx.last_insert_rowid();
            for alias in aliases {
                tx.prepare_cached(alias_sql)?
                    .execute(params![fold(alias), alias, id])?;
            }
            Ok::<_, rusqlite::Error>(())
        };
    let mut declared = Declared::default();
    let subjects = alias_map(tx, "SELECT key, subject_id FROM subject_aliases")?;
    let topics = alias_map(tx, "SELECT key, topic_id FROM topic_aliases")?;
    for Located { record: r, .. } in records {
        for subject in std::iter::once(r.subject.as_str()).chain(non_blank(&r.versus)) {
            let key = fold(subject);
            if !key.is_empty()
                && find_name(&subjects, subject).is_none()
                && (r.declares_new("subject") || near_known(subject, subjects.keys()).is_none())
                && let Some(name) = slug(subject, &['.', '+', '#'])
                && !declared.subjects.contains(&name)
            {
                insert(
                    "INSERT INTO subjects (name) VALUES (?1)",
                    &[&name],
                    "INSERT OR IGNORE INTO subject_aliases (key, alias, subject_id) VALUES (?1, ?2, ?3)",
                    [&name, subject.trim()],
                )?;
                if subject == r.subject {
                    add_aliases(tx, "subject", &name, non_blank(&r.subject_aliases))?;
                }
                declared.subjects.push(name);
            }
        }
        let key = fold(&r.topic);
        if !key.is_empty()
            && find_name(&topics, &r.topic).is_none()
            && (r.declares_new("topic") || near_known(&r.topic, topics.keys()).is_none())
            && let Some(category) = non_blank(&r.category)
            && let Some(category) = tx
                .query_row(
                    "SELECT category FROM category_aliases WHERE key = ?1",
                    [fold(category)],
                    |row| row.get::<_, String>(0),
                )
                .optional()?
            && let Some(name) = slug(&r.topic, &[])
            && !declared.topics.contains(&name)
        {
            insert(
                "INSERT INTO topics (name, category) VALUES (?1, ?2)",
                &[&name, &category],
                "INSERT OR IGNORE INTO topic_aliases (key, alias, topic_id) VALUES (?1, ?2, ?3)",
                [&name, r.topic.trim()],
            )?;
            add_aliases(tx, "topic", &name, non_blank(&r.topic_aliases))?;
            declared.topics.push(name);
        }
    }
    Ok(declared)
}

/// Adds `|`-separated `aliases` to the subject or topic `name` just created; an
/// alias another entry already answers to is left to it.
fn add_aliases(
    tx: &Transaction,
    what: &str,
    name: &str,
    aliases: Option<&str>,
) -> rusqlite::Result<()> {
    let Some(aliases) = aliases else {
        return Ok(());
    };
    let sql = if what == "subject" {
        "INSERT OR IGNORE INTO subject_aliases (key, alias, subject_id)
         SELECT ?1, ?2, subject_id FROM subjects WHERE name = ?3"
    } else {
        "INSERT OR IGNORE INTO topic_aliases (key, alias, topic_id)
         SELECT ?1, ?2, topic_id FROM topics WHERE name = ?3"
    };
    for alias in aliases.split('|').map(str::trim).filter(|a| !a.is_empty()) {
        tx.prepare_cached(sql)?
            .execute(params![fold(alias), alias, name])?;
    }
    Ok(())
}

/// The first record of each spelling of a subject, and of each spelling of a topic
/// with its category: a large file repeats a few names many times, and these are all
/// `declare_new_names` needs.
pub fn first_of_each_name(records: &[Located<ClaimRecord>]) -> Vec<usize> {
    let mut subjects: std::collections::HashSet<&str> = Default::default();
    let mut topics: std::collections::HashSet<(&str, Option<&str>)> = Default::default();
    (0..records.len())
        .filter(|&i| {
            let r = &records[i].record;
            // Every insert runs: `|` does not short-circuit.
            subjects.insert(&r.subject)
                | r.versus.as_deref().is_some_and(|v| subjects.insert(v))
                | topics.insert((&r.topic, r.category.as_deref()))
        })
        .collect()
}

/// The article a set of claims is written from.
pub struct NewSource<'a> {
    pub slug: &'a str,
    /// `sha256_hex(body)`, computed once by the caller.
    pub sha256: &'a str,
    pub title: &'a str,
    pub url: Option<&'a str>,
    pub body: &'a str,
    pub is_seed: bool,
}

pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Stores the heading outline of source `source_id`, derived from its text; returns
/// (heading line, section_id) of each section, in order.
pub fn insert_sections(
    tx: &Transaction,
    source_id: i64,
    body: &str,
) -> rusqlite::Result<Vec<(usize, i64)>> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO sections (source_id, heading, level, line_start, line_end)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut ids = Vec::new();
    for s in crate::text::outline(body) {
        insert.execute(params![
            source_id,
            s.heading,
            s.level,
            s.line_start as i64,
            s.line_end as i64
        ])?;
        ids.push((s.line_start, tx.last_insert_rowid()));
    }
    Ok(ids)
}

/// A record that passed [`check_claims`], its names resolved to ids and its quote to
/// lines: ready to insert. It names its record by position, so the records can
/// travel between threads with their checked claims.
#[derive(Debug)]
pub struct ValidClaim {
    record: usize,
    subject_id: i64,
    kind: Kind,
    topic_id: i64,
    stance: Option<Stance>,
    versus_id: Option<i64>,
    listed: bool,
    line_start: usize,
    line_end: usize,
    /// The article's own text at those lines, when the quote matched it only once
    /// white space and Markdown markup were set aside.
    quote: Option<String>,
}

impl ValidClaim {
    /// The statement and quote it is stored with: the statement trimmed, the quote
    /// as the article has it.
    fn text<'r>(&'r self, records: &'r [Located<ClaimRecord>]) -> (&'r str, &'r str) {
        let r = &records[self.record].record;
        (
            r.statement.trim(),
            self.quote.as_deref().unwrap_or(&r.quote),
        )
    }
}

fn alias_map(tx: &Transaction, sql: &str) -> rusqlite::Result<HashMap<String, i64>> {
    let mut stmt = tx.prepare(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// Every name the catalogue answers to, folded, with its id: what records are checked
/// against. Loaded again whenever an import declares new names; it needs no
/// database, so records can be checked on another thread while SQLite inserts.
pub struct Lookup {
    subjects: HashMap<String, i64>,
    topics: HashMap<String, i64>,
}

impl Lookup {
    pub fn load(tx: &Transaction) -> rusqlite::Result<Lookup> {
        Ok(Lookup {
            subjects: alias_map(tx, "SELECT key, subject_id FROM subject_aliases")?,
            topics: alias_map(tx, "SELECT key, topic_id FROM topic_aliases")?,
        })
    }
}

/// The id a name stands for, as written or in its other grammatical number.
fn find_name(names: &HashMap<String, i64>, name: &str) -> Option<i64> {
    let key = fold(name);
    names.get(&key).copied().or_else(|| {
        crate::names::other_numbers(&key)
            .iter()
            .find_map(|k| names.get(k).copied())
    })
}

/// Checks every record against the catalogue and the article, finding the lines of
/// quotes given without them; all problems at once.
pub fn check_claims(
    lookup: &Lookup,
    article: &Article,
    records: &[Located<ClaimRecord>],
) -> Result<Vec<ValidClaim>, Vec<Problem>> {
    let Lookup { subjects, topics } = lookup;
    // Names as written -> ids, so each spelling is folded and looked up once.
    let mut subject_ids: HashMap<&str, Option<i64>> = HashMap::new();
    let mut topic_ids: HashMap<&str, Option<i64>> = HashMap::new();
    let mut problems = Vec::new();
    let mut valid = Vec::with_capacity(records.len());
    // Quotes without line numbers are found all at once, in one pass over the article.
    let lineless: Vec<usize> = (0..records.len())
        .filter(|&i| records[i].record.line_start.is_none() && records[i].record.line_end.is_none())
        .collect();
    let lineless_quotes: Vec<&str> = lineless
        .iter()
        .map(|&i| records[i].record.quote.as_str())
        .collect();
    let rendering = std::cell::OnceCell::new();
    let mut located = vec![None; records.len()];
    let mut second = vec![None; records.len()];
    for (i, (first, other)) in lineless.iter().zip(article.places(&lineless_quotes)) {
        located[*i] = first;
        second[*i] = other;
    }
    for (index, (Located { line, record: r }, located)) in records.iter().zip(located).enumerate() {
        let line = *line;
        let before = problems.len();
        let value = non_blank(&r.value);
        let stance_text = non_blank(&r.stance);

        let subject_id = *subject_ids
            .entry(&r.subject)
            .or_insert_with(|| find_name(subjects, &r.subject));
        if r.subject.trim().is_empty() {
            problems.push(Problem::new(line, "the subject is missing"));
        } else if subject_id.is_none() {
            let hint = match near_known(&r.subject, subjects.keys()) {
                Some(near) => format!(
                    "did you mean '{near}'? (a new subject on purpose: put `subject` in the row's `new` column)"
                ),
                None => "subject names start with a letter or digit and use a-z, 0-9 and . + # - \
                         (new ones are created on import)"
                    .to_string(),
            };
            problems
                .push(Problem::new(line, format!("unknown subject '{}'", r.subject)).hint(hint));
        }
        let versus_id = match non_blank(&r.versus) {
            None => None,
            Some(versus) => {
                let id = *subject_ids
                    .entry(versus)
                    .or_insert_with(|| find_name(subjects, versus));
                if id.is_none() {
                    problems.push(
                        Problem::new(line, format!("unknown subject '{versus}' in versus"))
                            .hint("subject names use a-z, 0-9 and . + # -"),
                    );
                } else if id == subject_id {
                    problems.push(Problem::new(
                        line,
                        format!("'{versus}' is compared with itself (versus is the subject)"),
                    ));
                }
                id
            }
        };
        let listed = match non_blank(&r.listed) {
            None | Some("0") | Some("false") => false,
            Some("1") | Some("true") => true,
            Some(other) => {
                problems.push(
                    Problem::new(line, format!("listed must be 1 or 0, not '{other}'"))
                        .hint("1 marks one item of one of the article's own lists"),
                );
                false
            }
        };
        let topic_id = *topic_ids
            .entry(&r.topic)
            .or_insert_with(|| find_name(topics, &r.topic));
        if r.topic.trim().is_empty() {
            problems.push(Problem::new(line, "the topic is missing"));
        } else if topic_id.is_none() {
            let near = near_known(&r.topic, topics.keys());
            let hint = match non_blank(&r.category) {
                Some(_) if near.is_some() && !r.declares_new("topic") => format!(
                    "did you mean '{}'? (a new topic on purpose: put `topic` in the row's `new` column)",
                    near.unwrap_or_default()
                ),
                None if near.is_some() => format!("did you mean '{}'?", near.unwrap_or_default()),
                Some(_) if slug(&r.topic, &[]).is_none() => {
                    "topic names start with a letter or digit and use a-z, 0-9 and -".to_string()
                }
                Some(c) => format!("'{c}' is not a category; `claimdb topics` shows them"),
                None => "a new topic needs a `category` column (design, components, \
                         performance, ...); `claimdb topics` lists known topics"
                    .to_string(),
            };
            problems.push(Problem::new(line, format!("unknown topic '{}'", r.topic)).hint(hint));
        }
        let kind = match r.kind.trim().parse::<Kind>() {
            Ok(k) => Some(k),
            Err(e) => {
                problems.push(Problem::new(line, format!("unknown kind: {e}")));
                None
            }
        };
        let stance = match stance_text.map(str::parse::<Stance>) {
            None => None,
            Some(Ok(s)) => Some(s),
            Some(Err(e)) => {
                problems.push(Problem::new(line, format!("unknown stance: {e}")));
                None
            }
        };
        if kind == Some(Kind::Feature) && (stance_text.is_none() || stance == Some(Stance::Depends))
        {
            problems.push(
                Problem::new(line, "a feature claim needs a stance")
                    .hint("builtin, extension, limited or lacks"),
            );
        }
        if kind == Some(Kind::Comparison) {
            match stance {
                None if value.is_none() => problems.push(
                    Problem::new(line, "a comparison claim needs a value (the comparative)")
                        .hint("as the article puts it, e.g. \"easier to learn\""),
                ),
                None => {}
                Some(Stance::Depends) if versus_id.is_none() && non_blank(&r.versus).is_none() => {
                    problems.push(
                        Problem::new(line, "a 'depends' verdict needs both sides")
                            .hint("the subject and versus, in the order the article names them"),
                    )
                }
                Some(Stance::Depends) => {}
                Some(s) => problems.push(
                    Problem::new(line, format!("a comparison has no stance '{s}'"))
                        .hint("leave the stance empty, or 'depends' for an it-depends verdict"),
                ),
            }
        } else {
            if stance == Some(Stance::Depends) && kind.is_some() {
                problems.push(
                    Problem::new(line, "the stance 'depends' is for comparison claims only")
                        .hint("use kind comparison for an it-depends verdict"),
                );
            }
            if non_blank(&r.versus).is_some() && kind.is_some() {
                problems.push(
                    Problem::new(line, "only a comparison claim has a versus subject")
                        .hint("use kind comparison, or leave versus empty"),
                );
            }
        }
        if let Some(k) = kind.filter(|k| k.needs_value())
            && value.is_none()
        {
            let what = if k == Kind::Company {
                "the company's name"
            } else {
                "the fact's value"
            };
            problems.push(Problem::new(
                line,
                format!("a {k} claim needs a value ({what})"),
            ));
        }
        if r.statement.trim().is_empty() {
            problems.push(Problem::new(line, "the statement is missing"));
        } else if r.statement.contains(['\n', '\r']) {
            problems.push(Problem::new(line, "the statement must be one line"));
        }
        let lines = if r.quote.is_empty() {
            problems.push(Problem::new(line, "the quote is missing"));
            None
        } else {
            check_quote(
                article,
                &rendering,
                &r.quote,
                r.line_start,
                r.line_end,
                located,
                second[index],
            )
            .map_err(|p| problems.push(Problem { line, ..p }))
            .ok()
        };
        // A company claim cites the sentence that names the company.
        if let (Some(Kind::Company), Some(company), Some((_, stored))) = (kind, value, &lines) {
            let quote = stored.as_deref().unwrap_or(&r.quote);
            if !fold(quote).contains(&fold(company)) {
                problems.push(
                    Problem::new(
                        line,
                        format!("the company '{company}' is not named in its quote"),
                    )
                    .hint("quote the sentence of the article that names the company"),
                );
            }
        }
        if problems.len() == before {
            let ((line_start, line_end), stored) = lines.expect("checked above");
            valid.push(ValidClaim {
                record: index,
                subject_id: subject_id.expect("checked above"),
                kind: kind.expect("checked above"),
                topic_id: topic_id.expect("checked above"),
                stance,
                versus_id,
                listed,
                line_start,
                line_end,
                quote: stored,
            });
        }
    }
    if problems.is_empty() {
        Ok(valid)
    } else {
        Err(problems)
    }
}

/// Where the quote stands: at the given lines, or found in the article when no lines
/// are given; exactly, or else once white space, line wraps and Markdown markup are
/// set aside (then with the article's own text, to be stored instead). A quote
/// without lines that stands in more than one place is refused, naming them.
fn check_quote(
    article: &Article,
    rendering: &std::cell::OnceCell<crate::text::quotes::Rendering>,
    quote: &str,
    start: Option<usize>,
    end: Option<usize>,
    located: Option<(usize, usize)>,
    second: Option<(usize, usize)>,
) -> Result<((usize, usize), Option<String>), Problem> {
    let text = article.text();
    let forgiving = || {
        rendering
            .get_or_init(|| crate::text::quotes::Rendering::new(text))
            .find(text, quote, 5)
    };
    let ambiguous = |places: &[(usize, usize)]| {
        let lines: Vec<String> = places
            .iter()
            .take(5)
            .map(|&(s, e)| {
                if s == e {
                    s.to_string()
                } else {
                    format!("{s}-{e}")
                }
            })
            .collect();
        Problem::new(0, "the quote stands in more than one place in the article").hint(format!(
            "it stands at lines {}; give line_start and line_end to say which",
            crate::names::some_of(&lines, 5)
        ))
    };
    let verbatim_hint =
        "quotes must be copied from the article, typographic quotes and apostrophes included";
    match (start, end) {
        (None, None) => {
            if let Some(at) = located {
                if let Some(other) = second {
                    return Err(ambiguous(&[at, other]));
                }
                return Ok((at, None));
            }
            let found = forgiving();
            match found.as_slice() {
                [] => Err(Problem::new(0, "the quote is not in the article").hint(verbatim_hint)),
                [(s, e)] => Ok((article.lines_of(*s, *e), Some(text[*s..*e].to_string()))),
                places => {
                    let lines: Vec<(usize, usize)> = places
                        .iter()
                        .map(|&(s, e)| article.lines_of(s, e))
                        .collect();
                    Err(ambiguous(&lines))
                }
            }
        }
        (Some(s), Some(e)) if article.quote_stands_at(quote, s, e) => Ok(((s, e), None)),
        (Some(s), Some(e)) => {
            let at = match (article.line_bytes(s), article.line_bytes(e)) {
                (Some(first), Some(last)) if s <= e => rendering
                    .get_or_init(|| crate::text::quotes::Rendering::new(text))
                    .find_at(text, quote, first, last),
                _ => None,
            };
            if let Some((from, to)) = at {
                return Ok(((s, e), Some(text[from..to].to_string())));
            }
            let found = forgiving();
            let problem = Problem::new(
                0,
                format!("the quote does not stand at lines {s}-{e} of the article"),
            );
            Err(
                match found.first().map(|&(from, to)| article.lines_of(from, to)) {
                    Some((fs, fe)) => problem.hint(format!("the quote stands at lines {fs}-{fe}")),
                    None => problem.hint(verbatim_hint),
                },
            )
        }
        _ => Err(Problem::new(
            0,
            "give both line_start and line_end, or neither",
        )),
    }
}

/// A bulk load of claims inside one transaction: the seed, an import, or a batch of
/// imports. It works the way a bulk loader should, and rolls back with the
/// transaction if anything fails:
///
/// - FTS5 flushes its pending terms at every statement savepoint, so filling the
///   full-text index row by row from the insert trigger leaves thousands of tiny
///   segments to merge (eight times slower at 100k claims, and slower even for the
///   322 seed claims). The trigger is lifted and the new claims are indexed in one
///   statement at the end, with a large buffer of pending terms.
/// - A large load (one that at least doubles the claims) that was given its
///   database's path builds the full-text index on another core instead, in a
///   scratch file beside it, while the claims go in ([`SideIndex`]); all three
///   full-text triggers are lifted then, since the whole index is built anew.
/// - A large load also drops the secondary indexes and builds them again at the
///   end: one sorted build instead of rewriting every index page once per source,
///   sorted on every core.
/// - Claims go in 64 rows per statement.
///
/// What `begin` lifts is put back from the SQL stored in the schema, so the
/// migrations stay the one definition of it.
pub struct BulkLoad<'t> {
    tx: &'t Transaction<'t>,
    first_new_claim: i64,
    /// The id the next claim gets: ids are given here, so the side index knows them.
    next_claim: i64,
    /// Each source inserted so far: (heading line, section_id) of its sections, so
    /// every claim is filed under the section its quote starts in.
    sections: HashMap<i64, Vec<(usize, i64)>>,
    /// What to put back at the end, as (type, SQL): the dropped indexes and the
    /// lifted triggers.
    restore: Vec<(String, String)>,
    side: Option<Side>,
}

/// The full-text index built on another core, and whether the claims the load
/// started with have been sent to it.
struct Side {
    index: SideIndex,
    sent_existing: bool,
}

/// The indexes a large load builds again at the end. The others (by source, by
/// versus) grow at their end as claims are appended, which costs less than a build.
const SECONDARY_INDEXES: &[&str] = &["claims_by_topic", "claims_by_subject", "claims_by_kind"];

/// The triggers that keep the full-text index in step with `claims`.
const FTS_TRIGGERS: &[&str] = &[
    "claims_fts_insert",
    "claims_fts_delete",
    "claims_fts_update",
];

/// Loads smaller than this keep their indexes and fill the full-text index in
/// place: rebuilding costs more than it saves.
pub const LARGE_LOAD: usize = 5_000;

impl<'t> BulkLoad<'t> {
    /// Starts a load of about `expected_claims` claims. A large load into the
    /// database file `db` builds its full-text index on another core, in a scratch
    /// file beside it; None keeps all the work on this connection.
    pub fn begin(
        tx: &'t Transaction<'t>,
        expected_claims: usize,
        db: Option<&std::path::Path>,
    ) -> rusqlite::Result<BulkLoad<'t>> {
        let (existing, last): (i64, i64) = tx.query_row(
            "SELECT count(*), coalesce(max(claim_id), 0) FROM claims",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let large = expected_claims >= LARGE_LOAD && expected_claims as i64 >= existing;
        let side = match db.filter(|_| large) {
            Some(db) => {
                let declaration: String = tx.query_row(
                    "SELECT sql FROM sqlite_schema WHERE name = 'claims_fts'",
                    [],
                    |r| r.get(0),
                )?;
                SideIndex::start(tx, db, &declaration).map(|index| Side {
                    index,
                    sent_existing: false,
                })
            }
            None => None,
        };
        // Even the 322 claims of the seed load faster with the trigger lifted; the
        // indexes only pay for a rebuild on a large load.
        let mut lift = if side.is_some() {
            FTS_TRIGGERS.to_vec()
        } else {
            vec!["claims_fts_insert"]
        };
        if large {
            lift.extend_from_slice(SECONDARY_INDEXES);
        }
        let mut restore = Vec::new();
        for name in lift {
            let (kind, sql): (String, String) = tx.query_row(
                "SELECT type, sql FROM sqlite_schema WHERE name = ?1",
                [name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            tx.execute_batch(&format!("DROP {} {name}", kind.to_uppercase()))?;
            restore.push((kind, sql));
        }
        Ok(BulkLoad {
            tx,
            first_new_claim: last + 1,
            next_claim: last + 1,
            sections: HashMap::new(),
            restore,
            side,
        })
    }

    /// Sends the claims the knowledge base held when the first new ones come (after
    /// any the load replaces are deleted) to the side index, which holds them all.
    fn send_existing(&mut self) -> rusqlite::Result<()> {
        let Some(side) = self.side.as_mut().filter(|s| !s.sent_existing) else {
            return Ok(());
        };
        side.sent_existing = true;
        let mut select = self.tx.prepare(
            "SELECT claim_id, statement, quote FROM claims WHERE claim_id < ?1 ORDER BY claim_id",
        )?;
        let mut rows = select.query([self.first_new_claim])?;
        while let Some(row) = rows.next()? {
            side.index.push(
                row.get(0)?,
                row.get_ref(1)?.as_bytes()?,
                row.get_ref(2)?.as_bytes()?,
            );
        }
        Ok(())
    }

    /// Inserts the article a set of claims is written from, with its section
    /// outline; returns its id.
    pub fn insert_source(&mut self, source: &NewSource) -> rusqlite::Result<i64> {
        self.tx.execute(
            "INSERT INTO sources (slug, title, url, sha256, body, is_seed) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                source.slug,
                source.title,
                source.url,
                source.sha256,
                source.body,
                source.is_seed
            ],
        )?;
        let source_id = self.tx.last_insert_rowid();
        let sections = insert_sections(self.tx, source_id, source.body)?;
        self.sections.insert(source_id, sections);
        Ok(source_id)
    }

    /// Inserts `claims`, checked by [`check_claims`] from `records` against the text
    /// of source `source_id`. Returns the number of claims.
    pub fn insert_claims(
        &mut self,
        source_id: i64,
        records: &[Located<ClaimRecord>],
        claims: &[ValidClaim],
    ) -> rusqlite::Result<usize> {
        self.send_existing()?;
        let tx = self.tx;
        // Rows go in BATCH at a time: one statement per 64 claims instead of one per
        // claim saves most of SQLite's per-statement work (a tenth of a large import).
        const BATCH: usize = 64;
        const COLUMNS: usize = 14;
        let no_sections = Vec::new();
        let sections = self.sections.get(&source_id).unwrap_or(&no_sections);
        let insert_sql = |rows: usize| {
            let row = format!("({})", ["?"; COLUMNS].join(", "));
            format!(
                "INSERT INTO claims (claim_id, source_id, subject_id, kind, topic_id, stance,
                                     value, versus_id, listed, statement, quote, line_start,
                                     line_end, section_id)
                 VALUES {}",
                vec![row; rows].join(", ")
            )
        };
        let mut full_batch = tx.prepare_cached(&insert_sql(BATCH))?;
        for chunk in claims.chunks(BATCH) {
            let mut last_batch;
            let insert = if chunk.len() == BATCH {
                &mut full_batch
            } else {
                last_batch = tx.prepare_cached(&insert_sql(chunk.len()))?;
                &mut last_batch
            };
            for (row, c) in chunk.iter().enumerate() {
                let r = &records[c.record].record;
                let before = sections.partition_point(|&(line, _)| line <= c.line_start);
                let section_id = before.checked_sub(1).map(|i| sections[i].1);
                let claim_id = self.next_claim;
                self.next_claim += 1;
                let (statement, quote) = c.text(records);
                let values: [&dyn rusqlite::ToSql; COLUMNS] = [
                    &claim_id,
                    &source_id,
                    &c.subject_id,
                    &c.kind.as_str(),
                    &c.topic_id,
                    &c.stance.map(Stance::as_str),
                    &non_blank(&r.value),
                    &c.versus_id,
                    &c.listed,
                    &statement,
                    &quote,
                    &(c.line_start as i64),
                    &(c.line_end as i64),
                    &section_id,
                ];
                for (column, value) in values.into_iter().enumerate() {
                    insert.raw_bind_parameter(row * COLUMNS + column + 1, value)?;
                }
                if let Some(side) = &mut self.side {
                    side.index
                        .push(claim_id, statement.as_bytes(), quote.as_bytes());
                }
            }
            insert.raw_execute()?;
        }
        Ok(claims.len())
    }

    /// Indexes the new claims for full-text search and restores what `begin` lifted.
    /// Returns the side index, if one was built: it stays attached to the connection
    /// until the transaction ends, and is then to be detached.
    pub fn finish(mut self) -> rusqlite::Result<Option<SideIndex>> {
        self.send_existing()?;
        if let Some(side) = &mut self.side {
            // Nothing more to index: the side finishes while the indexes are built.
            side.index.end_of_rows();
        }
        // With a side index, the indexes are rebuilt on this thread alone, and the
        // side index catches up on the other core meanwhile: SQLite's sorting
        // threads would take that core and save less than they cost it. Without
        // one, they may have it.
        let cores = match self.side {
            Some(_) => 0,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        self.tx.pragma_update(None, "threads", cores as i64)?;
        let (indexes, triggers): (Vec<_>, Vec<_>) =
            self.restore.iter().partition(|(kind, _)| kind == "index");
        for (_, sql) in indexes {
            self.tx.execute_batch(sql)?;
        }
        self.tx.pragma_update(None, "threads", 0)?;
        let side = match self.side.take() {
            Some(mut side) => {
                side.index.copy_into(self.tx)?;
                Some(side.index)
            }
            None => {
                self.fill_fts()?;
                None
            }
        };
        for (_, sql) in triggers {
            self.tx.execute_batch(sql)?;
        }
        Ok(side)
    }

    /// Fills the full-text index with the new claims on this connection, in one
    /// statement.
    fn fill_fts(&self) -> rusqlite::Result<()> {
        // FTS5 writes a new segment whenever its pending terms fill, and then merges
        // the segments. The setting is stored in the index, so the default is put
        // back for ordinary writes. `hashsize` is read by the FTS5 of the bundled
        // SQLite (pinned in Cargo.lock); every test that loads the seed runs this, so
        // a SQLite that refused it would fail them.
        let hashsize = |bytes: i64| {
            self.tx.execute(
                "INSERT INTO claims_fts (claims_fts, rank) VALUES ('hashsize', ?1)",
                [bytes],
            )
        };
        hashsize(crate::db::side_index::PENDING_BYTES)?;
        self.tx.execute(
            "INSERT INTO claims_fts (rowid, statement, quote)
             SELECT claim_id, statement, quote FROM claims WHERE claim_id >= ?1",
            [self.first_new_claim],
        )?;
        hashsize(1 << 20)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn json_problems_carry_the_line_of_their_object() {
        let text = "[\n  {\"subject\": \"a\", \"kind\": \"pro\", \"topic\": \"t\",\n   \"statement\": \"s\", \"quote\": \"q\"},\n  {\"subject\": \"b\"}\n]";
        let problems = read_json_claims(text).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 4);
        assert!(
            problems[0].message.contains("missing field"),
            "{problems:?}"
        );
        assert_eq!(
            object_lines("[{\"a\": \"}{[\"}, 10,\n \"x,y\", true]"),
            vec![1, 1, 2, 2]
        );
    }

    /// The v2 columns: a comparison names the subject it is compared with, "it
    /// depends" is for comparisons only, and `listed` is a yes/no mark.
    #[test]
    fn comparisons_versus_and_listed_are_checked() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        crate::db::migrations::apply(&tx, 0).unwrap();
        tx.execute_batch(
            "INSERT INTO subjects (subject_id, name) VALUES (1, 'a'), (2, 'b');
             INSERT INTO subject_aliases VALUES ('a', 'a', 1), ('b', 'b', 2);
             INSERT INTO categories (category) VALUES ('c');
             INSERT INTO topics (topic_id, name, category) VALUES (1, 't', 'c');
             INSERT INTO topic_aliases VALUES ('t', 't', 1);",
        )
        .unwrap();
        let lookup = Lookup::load(&tx).unwrap();
        let article = Article::new("A is easier than B.");
        let text = "subject,kind,topic,stance,value,versus,listed,statement,quote,section,confidence\n\
                    a,comparison,t,,easier,b,1,A is easier than B.,A is easier,Intro,0.9\n\
                    a,comparison,t,depends,,b,,It depends.,A is easier,,\n\
                    a,comparison,t,,,b,,No comparative.,A is easier,,\n\
                    a,feature,t,depends,,,,Depends on a feature.,A is easier,,\n\
                    a,pro,t,,,b,,A pro against b.,A is easier,,\n\
                    a,comparison,t,,easier,a,,Against itself.,A is easier,,\n\
                    a,pro,t,,,,yes,Bad listed.,A is easier,,\n";
        let records: Vec<Located<ClaimRecord>> = read_csv(text).unwrap();
        let problems = check_claims(&lookup, &article, &records).unwrap_err();
        let lines: Vec<(u64, &str)> = problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        assert_eq!(
            lines,
            vec![
                (4, "a comparison claim needs a value (the comparative)"),
                (5, "a feature claim needs a stance"),
                (5, "the stance 'depends' is for comparison claims only"),
                (6, "only a comparison claim has a versus subject"),
                (7, "'a' is compared with itself (versus is the subject)"),
                (8, "listed must be 1 or 0, not 'yes'"),
            ]
        );
        let good = check_claims(&lookup, &article, &records[..2]).unwrap();
        assert_eq!(good[0].versus_id, Some(2));
        assert!(good[0].listed && !good[1].listed);
        assert_eq!(good[1].stance, Some(Stance::Depends));
        let json = r#"[{"subject": "a", "kind": "pro", "topic": "t", "listed": true,
                        "statement": "s", "quote": "A is easier"},
                       {"subject": "a", "kind": "pro", "topic": "t", "listed": 0,
                        "statement": "s", "quote": "A is easier"}]"#;
        let records = read_json_claims(json).unwrap();
        let good = check_claims(&lookup, &article, &records).unwrap();
        assert!(good[0].listed && !good[1].listed);
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

#[cfg(test)]
mod near_tests {
    use super::near_known;

    #[test]
    fn typos_and_suffixed_names_are_near_known_ones_longer_names_are_not() {
        let known: Vec<String> = ["documentation", "api", "express", "authentication", "mysql"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(near_known("Express.js", &known), Some("express"));
        assert_eq!(near_known("athentication", &known), Some("authentication"));
        assert_eq!(near_known("API documentation", &known), None);
        assert_eq!(near_known("PostgreSQL", &known), None);
        assert_eq!(near_known("mssql", &known), None);
        let numbered = vec!["synthetic topic 005".to_string()];
        assert_eq!(near_known("synthetic-topic-007", &numbered), None);
    }
}
