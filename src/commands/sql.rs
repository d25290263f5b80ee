//! `claimdb sql "SELECT ..."`: ad-hoc read-only SQL, streamed in any format. The
//! guard (src/db/readonly.rs) makes SQLite itself refuse anything but reading.

use std::path::Path;
use std::time::Duration;

use crate::cli::SqlArgs;
use crate::db::readonly::GuardedConnection;
use crate::error::{Error, ErrorKind, Result};
use crate::output::Output;
use crate::rows::{Cell, Column};

/// Runs the query on the database at `path`, which it only ever reads.
pub fn run(path: &Path, out: &mut Output, args: &SqlArgs) -> Result<()> {
    let timeout = (args.timeout_ms > 0).then(|| Duration::from_millis(args.timeout_ms));
    let mut guarded = GuardedConnection::open(path, timeout)?;
    let clock = guarded.start_clock()?;
    clock.run();
    let (query, params) = request(args)?;
    let mut stmt = guarded.prepare(&query)?;
    bind(&mut stmt, &params)?;
    let columns: Vec<Column> = stmt
        .column_names()
        .map(|n| Column::named(n.to_string()))
        .collect();
    let mut rows = stmt.raw_query();
    let mut w = out.rows(&columns)?;
    let mut written: u64 = 0;
    loop {
        clock.run();
        let next = rows.next();
        clock.pause();
        let row = match next {
            Ok(Some(row)) => row,
            Ok(None) => break,
            Err(e) => {
                // Close the result properly (a JSON array stays valid) before failing.
                w.finish()?;
                return Err(guarded.query_error(e));
            }
        };
        if args.max_rows.is_some_and(|max| written >= max) {
            w.finish()?;
            return Err(Error::new(
                ErrorKind::Truncated,
                format!("the output was cut at {written} rows (--max-rows); the query has more"),
            ));
        }
        let cells: Vec<Cell> = (0..columns.len())
            .map(|i| row.get_ref(i).map(Cell::from))
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| guarded.query_error(e))?;
        w.row(&cells)?;
        written += 1;
    }
    w.finish()?;
    Ok(())
}

/// The statement and its parameters as (name, value). `-p` takes `NAME=VALUE` or
/// `NAME VALUE` (sqlite-utils' form). clap hands over the values of every `-p` in
/// one list, and in `-p s=flask "SELECT …"` the statement is the option's second
/// value: a value that is neither `NAME=VALUE` nor a name followed by its value is
/// taken back as the statement. The statement "-" is read from stdin.
fn request(args: &SqlArgs) -> Result<(String, Vec<(String, String)>)> {
    let mut query = args.query.clone();
    let mut params = Vec::new();
    let mut values = args.params.iter().peekable();
    while let Some(value) = values.next() {
        if let Some((name, v)) = value.split_once('=').filter(|(n, _)| is_param_name(n)) {
            params.push((name.to_string(), v.to_string()));
        } else if is_param_name(value)
            && let Some(v) = values.next_if(|_| true)
        {
            params.push((value.clone(), v.clone()));
        } else if query.is_none() && values.peek().is_none() && !is_param_name(value) {
            query = Some(value.clone());
        } else {
            return Err(Error::usage(format!("-p {value}: expected NAME=VALUE or NAME VALUE"))
                .with_hint(
                    "for example: claimdb sql \"SELECT * FROM subjects WHERE name = :s\" -p s flask",
                ));
        }
    }
    let query = query.ok_or_else(|| {
        Error::usage("no SQL statement given").with_hint(
            "claimdb sql \"SELECT subject, count(*) FROM claims_cited GROUP BY 1\" (or - to read it from stdin)",
        )
    })?;
    if query == "-" {
        return Ok((read_stdin_statement()?, params));
    }
    Ok((query, params))
}

/// A parameter's name as `-p` takes it: letters, digits and `_`, optionally after
/// SQLite's `:`, `@` or `$`.
fn is_param_name(name: &str) -> bool {
    let bare = name.strip_prefix([':', '@', '$', '?']).unwrap_or(name);
    !bare.is_empty() && bare.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// The statement given on stdin (`claimdb sql - < query.sql`), at most 1 MiB.
fn read_stdin_statement() -> Result<String> {
    use std::io::Read as _;
    const LIMIT: u64 = 1 << 20;
    let mut text = Vec::new();
    std::io::stdin()
        .lock()
        .take(LIMIT + 1)
        .read_to_end(&mut text)
        .map_err(|e| {
            Error::new(
                ErrorKind::Io,
                format!("cannot read the SQL from stdin: {e}"),
            )
        })?;
    if text.len() as u64 > LIMIT {
        return Err(Error::usage("the SQL on stdin is longer than 1 MiB"));
    }
    let text =
        String::from_utf8(text).map_err(|_| Error::usage("the SQL on stdin is not UTF-8"))?;
    if text.trim().is_empty() {
        return Err(Error::usage("no SQL statement on stdin")
            .with_hint("echo \"SELECT count(*) FROM claims\" | claimdb sql -"));
    }
    Ok(text)
}

/// Binds every `-p NAME=VALUE` to its parameter. A parameter without a value, a
/// value without a parameter, and a positional `?` are usage errors: SQLite would
/// silently run them as NULL.
fn bind(stmt: &mut rusqlite::Statement, params: &[(String, String)]) -> Result<()> {
    let mut given: Vec<(&str, &str, bool)> = Vec::new();
    for (name, value) in params {
        let (name, value) = (
            name.trim_start_matches([':', '@', '$', '?']),
            value.as_str(),
        );
        if name.is_empty() {
            return Err(Error::usage(format!(
                "-p '{name}={value}': the parameter has no name"
            )));
        }
        if given.iter().any(|(n, _, _)| *n == name) {
            return Err(Error::usage(format!("-p {name} is given twice"))
                .with_hint(format!("give each parameter once: -p {name}=VALUE")));
        }
        given.push((name, value, false));
    }
    for index in 1..=stmt.parameter_count() {
        let Some(sql_name) = stmt.parameter_name(index).map(str::to_string) else {
            return Err(Error::usage("the query has a positional parameter `?`")
                .with_hint("name it (`:name`) and give its value with -p name=VALUE"));
        };
        let name = sql_name.trim_start_matches([':', '@', '$', '?']);
        let Some(entry) = given.iter_mut().find(|(n, _, _)| *n == name) else {
            return Err(
                Error::usage(format!("the query's parameter {sql_name} has no value"))
                    .with_hint(format!("give it with -p {name}=VALUE")),
            );
        };
        entry.2 = true;
        let value = entry.1;
        match value.parse::<i64>() {
            Ok(i) if i.to_string() == value => stmt.raw_bind_parameter(index, i)?,
            _ => stmt.raw_bind_parameter(index, value)?,
        }
    }
    if let Some((name, _, _)) = given.iter().find(|(_, _, used)| !used) {
        return Err(Error::usage(format!(
            "-p {name}: the query has no parameter :{name}"
        )));
    }
    Ok(())
}
