//! The guard around ad-hoc SQL (`claimdb sql`). Safety is enforced by SQLite
//! itself, never by looking at the SQL text:
//!
//! - the connection is opened read-only, without URI filenames;
//! - the attached-database limit is 0, so ATTACH (and VACUUM INTO) cannot open files;
//! - an authorizer allows only reading actions (an allow-list, so a statement kind
//!   SQLite adds later is refused until someone decides otherwise);
//! - every prepared statement must be `sqlite3_stmt_readonly`, and exactly one
//!   statement is prepared (no `execute_batch` on user input);
//! - nothing beside the read is done: no migration, no seed refresh, no checkpoint
//!   (a file that cannot be written is opened immutable, creating no -wal or -shm);
//! - strings and blobs are limited to [`LENGTH_LIMIT`] (or the largest article
//!   stored), and SQLite's memory to [`HEAP_LIMIT`] (or four times that length);
//! - a timer thread interrupts the query when its time limit runs out, also in the
//!   middle of a slow function call's statement (SQLite checks between steps).

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rusqlite::hooks::{AuthAction, AuthContext, Authorization};
use rusqlite::limits::Limit;
use rusqlite::{Connection, Statement};

use crate::error::{Error, ErrorKind, Result};

/// Pragmas that only report, allowed when called without a value.
const REPORTING_PRAGMAS: &[&str] = &[
    "table_info",
    "table_xinfo",
    "table_list",
    "index_list",
    "index_info",
    "index_xinfo",
    "foreign_key_list",
    "collation_list",
    "function_list",
    "module_list",
    "pragma_list",
    "database_list",
    "compile_options",
    "user_version",
    "application_id",
    "schema_version",
    "page_count",
    "page_size",
    "encoding",
    // FTS5 reads it on every query (`PRAGMA main.data_version`).
    "data_version",
];

/// The longest string or blob a query may make: 32 MiB (raised to the longest
/// article stored, so every stored value can be read).
pub const LENGTH_LIMIT: i64 = 32 << 20;

/// The memory SQLite may use for one query: 256 MiB (raised to four times the
/// length limit when that is larger).
pub const HEAP_LIMIT: i64 = 256 << 20;

/// Functions refused even though they are reached through SELECT.
const REFUSED_FUNCTIONS: &[&str] = &[
    "load_extension",
    "fts3_tokenizer",
    "readfile",
    "writefile",
    "edit",
];

/// A read-only connection for user SQL, and what its authorizer last refused.
pub struct GuardedConnection {
    pub conn: Connection,
    refused: Arc<Mutex<Option<String>>>,
    timeout: Option<Duration>,
    limits: Limits,
}

fn authorize(ctx: &AuthContext, refused: &Mutex<Option<String>>) -> Authorization {
    let verdict = match ctx.action {
        AuthAction::Select | AuthAction::Read { .. } | AuthAction::Recursive => None,
        AuthAction::Function { function_name } => REFUSED_FUNCTIONS
            .iter()
            .any(|f| f.eq_ignore_ascii_case(function_name))
            .then(|| format!("the function {function_name}()")),
        AuthAction::Pragma {
            pragma_name,
            pragma_value,
        } => {
            let reporting = REPORTING_PRAGMAS
                .iter()
                .any(|p| p.eq_ignore_ascii_case(pragma_name));
            let plain_read = pragma_value.is_none()
                || !matches!(
                    pragma_name.to_ascii_lowercase().as_str(),
                    "user_version" | "application_id" | "schema_version" | "page_size" | "encoding"
                );
            (!(reporting && plain_read)).then(|| match pragma_value {
                Some(v) => format!("PRAGMA {pragma_name} = {v}"),
                None => format!("PRAGMA {pragma_name}"),
            })
        }
        AuthAction::Attach { .. } => Some("ATTACH".to_string()),
        AuthAction::Detach { .. } => Some("DETACH".to_string()),
        AuthAction::Transaction { .. } | AuthAction::Savepoint { .. } => {
            Some("transaction control (BEGIN, COMMIT, SAVEPOINT ...)".to_string())
        }
        // CREATE and DROP reach the authorizer first as writes to the schema table.
        AuthAction::Insert { table_name }
        | AuthAction::Update { table_name, .. }
        | AuthAction::Delete { table_name }
            if table_name.starts_with("sqlite_") =>
        {
            Some("changing the schema (CREATE, DROP, ALTER)".to_string())
        }
        AuthAction::Insert { .. } => Some("INSERT".to_string()),
        AuthAction::Update { .. } => Some("UPDATE".to_string()),
        AuthAction::Delete { .. } => Some("DELETE".to_string()),
        AuthAction::Analyze { .. } => Some("ANALYZE".to_string()),
        AuthAction::Reindex { .. } => Some("REINDEX".to_string()),
        AuthAction::AlterTable { .. } => Some("ALTER TABLE".to_string()),
        AuthAction::CreateTempTable { .. }
        | AuthAction::CreateTempIndex { .. }
        | AuthAction::CreateTempTrigger { .. }
        | AuthAction::CreateTempView { .. } => Some("creating temporary objects".to_string()),
        _ => Some("this kind of statement".to_string()),
    };
    match verdict {
        None => Authorization::Allow,
        Some(what) => {
            *refused.lock().unwrap_or_else(|e| e.into_inner()) = Some(what);
            Authorization::Deny
        }
    }
}

impl GuardedConnection {
    /// Opens `path` read-only with every guard in place. `timeout` of None means
    /// no time limit.
    pub fn open(path: &Path, timeout: Option<Duration>) -> Result<GuardedConnection> {
        let mut conn = crate::db::open_for_reading(path)?;
        conn.busy_timeout(Duration::from_secs(10))?;
        conn.set_limit(Limit::SQLITE_LIMIT_ATTACHED, 0)?;
        let longest: i64 = conn.query_row(
            "SELECT coalesce(max(octet_length(body)), 0) FROM sources",
            [],
            |r| r.get(0),
        )?;
        let length = LENGTH_LIMIT.max(longest.saturating_add(1));
        conn.set_limit(
            Limit::SQLITE_LIMIT_LENGTH,
            i32::try_from(length).unwrap_or(i32::MAX),
        )?;
        let heap = HEAP_LIMIT.max(length.saturating_mul(4));
        // Enforced through SQLite's memory accounting, which main.rs leaves on for
        // `sql` only.
        conn.pragma_update(None, "hard_heap_limit", heap)?;
        conn.pragma_update(None, "query_only", true)?;
        let refused = Arc::new(Mutex::new(None));
        let seen = Arc::clone(&refused);
        conn.authorizer(Some(move |ctx: AuthContext<'_>| authorize(&ctx, &seen)))?;
        Ok(GuardedConnection {
            conn,
            refused,
            timeout,
            limits: Limits { length, heap },
        })
    }

    /// The length and memory limits this connection runs under.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Prepares exactly one read-only statement, or says why it is refused.
    pub fn prepare<'c>(&'c self, sql: &str) -> Result<Statement<'c>> {
        *self.refused.lock().unwrap_or_else(|e| e.into_inner()) = None;
        let stmt = match self.conn.prepare(sql) {
            Ok(stmt) => stmt,
            Err(rusqlite::Error::MultipleStatement) => {
                return Err(refusal("more than one statement".to_string()));
            }
            Err(e) => return Err(self.query_error(e)),
        };
        if !stmt.readonly() {
            return Err(refusal("the statement would write".to_string()));
        }
        if stmt.column_count() == 0 && !sql.trim().is_empty() {
            // Read-only statements without results (BEGIN DEFERRED, for example)
            // have nothing to show and only change the connection's state.
            return Err(refusal("the statement returns no rows".to_string()));
        }
        // Parameters are bound by the caller (`sql -p NAME=VALUE`), which refuses
        // one left without a value.
        Ok(stmt)
    }

    /// What an error from preparing or running the user's query means: the query's
    /// own fault is a usage error (exit 2), a time-out exit 5, and only what is the
    /// database's fault (busy, damaged, unreadable) exit 4.
    pub fn query_error(&self, e: rusqlite::Error) -> Error {
        use rusqlite::ErrorCode;
        if let Some(what) = self
            .refused
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
        {
            return refusal(format!("{what} is not allowed"));
        }
        let message = match &e {
            rusqlite::Error::SqlInputError { msg, offset, .. } if *offset >= 0 => {
                format!("SQL error: {msg} (at character {})", offset + 1)
            }
            rusqlite::Error::SqlInputError { msg, .. }
            | rusqlite::Error::SqliteFailure(_, Some(msg)) => format!("SQL error: {msg}"),
            other => format!("SQL error: {other}"),
        };
        let schema_hint = "`claimdb schema` lists the tables, views and columns";
        if message.contains("invalid fts5 file format") {
            // SQLite reports a damaged full-text index as a plain SQL error: it is
            // the file's fault, as `search` says too (exit 4).
            return Error::database(format!("the full-text index is damaged: {message}"))
                .with_hint("restore the database from a copy");
        }
        match e.sqlite_error_code() {
            Some(ErrorCode::OperationInterrupted) => match self.timeout {
                Some(limit) => timed_out(limit),
                None => Error::from(e),
            },
            Some(ErrorCode::TooBig) => Error::usage(format!(
                "SQL error: a string or blob would be longer than the {} that `claimdb sql` allows",
                mib(self.limits.length)
            )),
            Some(ErrorCode::OutOfMemory) => Error::usage(format!(
                "SQL error: the query needs more than the {} of memory that `claimdb sql` allows",
                mib(self.limits.heap)
            )),
            Some(ErrorCode::AuthorizationForStatementDenied) => {
                refusal("a statement SQLite runs for this query is not allowed".to_string())
            }
            // A mismatch is a value of the wrong type where SQLite needs another
            // (`LIMIT 'abc'`): the query's fault, not the file's.
            Some(
                ErrorCode::Unknown
                | ErrorCode::ParameterOutOfRange
                | ErrorCode::ApiMisuse
                | ErrorCode::TypeMismatch,
            )
            | None => Error::usage(message).with_hint(schema_hint),
            // Busy, damaged, unreadable: the database's fault (exit 4).
            Some(_) => Error::from(e),
        }
    }

    /// Starts the query's clock. Only time spent inside SQLite counts (see
    /// `QueryClock`), so a slow reader of the output (`| less`) never trips it. A
    /// timer thread interrupts SQLite once the clock passes the limit; it ends
    /// when the returned clock is dropped.
    pub fn start_clock(&mut self) -> Result<QueryClock> {
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        let clock = QueryClock(Arc::new(Mutex::new(Spent::default())), stop);
        if let Some(limit) = self.timeout {
            let shared = Arc::clone(&clock.0);
            let interrupt = self.conn.get_interrupt_handle();
            std::thread::spawn(move || {
                loop {
                    let spent = shared.lock().unwrap_or_else(|e| e.into_inner()).spent();
                    if spent >= limit {
                        interrupt.interrupt();
                        return;
                    }
                    // Wake at the earliest moment the limit can be reached, or
                    // when the query ends (the sender is dropped).
                    let wait = (limit - spent).max(Duration::from_millis(1));
                    match stopped.recv_timeout(wait) {
                        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                        _ => return,
                    }
                }
            });
        }
        Ok(clock)
    }
}

/// The length and memory limits of a guarded connection, in bytes.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub length: i64,
    pub heap: i64,
}

fn mib(bytes: i64) -> String {
    format!("{} MiB", bytes >> 20)
}

fn refusal(why: String) -> Error {
    Error::usage(format!("refused: {why}")).with_hint(
        "`claimdb sql` runs one read-only statement (SELECT, WITH, EXPLAIN, reporting PRAGMAs)",
    )
}

/// The time a query has spent inside SQLite: running while a row is being
/// produced, paused while it is written out.
pub struct QueryClock(
    Arc<Mutex<Spent>>,
    /// Dropped with the clock, which ends the timer thread.
    #[allow(dead_code)]
    std::sync::mpsc::Sender<()>,
);

#[derive(Default)]
pub struct Spent {
    before: Duration,
    running_since: Option<Instant>,
}

impl Spent {
    fn spent(&self) -> Duration {
        self.before + self.running_since.map_or(Duration::ZERO, |t| t.elapsed())
    }
}

impl QueryClock {
    pub fn run(&self) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .running_since = Some(Instant::now());
    }

    pub fn pause(&self) {
        let mut spent = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(t) = spent.running_since.take() {
            spent.before += t.elapsed();
        }
    }
}

/// The time-out error, with the limit that was hit.
pub fn timed_out(limit: Duration) -> Error {
    Error::new(
        ErrorKind::Timeout,
        format!(
            "the query ran past its time limit of {} ms and was stopped",
            limit.as_millis()
        ),
    )
    .with_hint("give it more time with --timeout-ms, or 0 for none")
}
