//! The guard around ad-hoc SQL (`claimdb sql`). Safety is enforced by SQLite
//! itself, never by looking at the SQL text:
//!
//! - the connection is opened read-only, without URI filenames;
//! - the attached-database limit is 0, so ATTACH (and VACUUM INTO) cannot open files;
//! - an authorizer allows only reading actions (an allow-list, so a statement kind
//!   SQLite adds later is refused until someone decides otherwise);
//! - every prepared statement must be `sqlite3_stmt_readonly`, and exactly one
//!   statement is prepared (no `execute_batch` on user input);
//! - a progress handler interrupts the query when its time limit runs out.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rusqlite::hooks::{AuthAction, AuthContext, Authorization};
use rusqlite::limits::Limit;
use rusqlite::{Connection, OpenFlags, Statement};

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
];

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
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(|e| {
            Error::database(format!(
                "cannot open the database {} read-only: {e}",
                path.display()
            ))
        })?;
        conn.busy_timeout(Duration::from_secs(10))?;
        conn.set_limit(Limit::SQLITE_LIMIT_ATTACHED, 0)?;
        conn.pragma_update(None, "query_only", true)?;
        let refused = Arc::new(Mutex::new(None));
        let seen = Arc::clone(&refused);
        conn.authorizer(Some(move |ctx: AuthContext<'_>| authorize(&ctx, &seen)))?;
        Ok(GuardedConnection {
            conn,
            refused,
            timeout,
        })
    }

    /// Prepares exactly one read-only statement, or says why it is refused.
    pub fn prepare<'c>(&'c self, sql: &str) -> Result<Statement<'c>> {
        let refusal = |why: String| {
            Error::usage(format!("refused: {why}"))
                .with_hint("`claimdb sql` runs one read-only statement (SELECT, WITH, EXPLAIN, reporting PRAGMAs)")
        };
        *self.refused.lock().unwrap_or_else(|e| e.into_inner()) = None;
        let stmt = match self.conn.prepare(sql) {
            Ok(stmt) => stmt,
            Err(rusqlite::Error::MultipleStatement) => {
                return Err(refusal("more than one statement".to_string()));
            }
            Err(e) => {
                if let Some(what) = self
                    .refused
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .take()
                {
                    return Err(refusal(format!("{what} is not allowed")));
                }
                let message = match &e {
                    rusqlite::Error::SqlInputError { msg, offset, .. } if *offset >= 0 => {
                        format!("SQL error: {msg} (at character {})", offset + 1)
                    }
                    rusqlite::Error::SqlInputError { msg, .. }
                    | rusqlite::Error::SqliteFailure(_, Some(msg)) => format!("SQL error: {msg}"),
                    other => format!("SQL error: {other}"),
                };
                return Err(Error::usage(message)
                    .with_hint("`claimdb schema` lists the tables, views and columns"));
            }
        };
        if !stmt.readonly() {
            return Err(refusal("the statement would write".to_string()));
        }
        if stmt.column_count() == 0 && !sql.trim().is_empty() {
            // Read-only statements without results (BEGIN DEFERRED, for example)
            // have nothing to show and only change the connection's state.
            return Err(refusal("the statement returns no rows".to_string()));
        }
        Ok(stmt)
    }

    /// Starts the query's clock. Only time spent inside SQLite counts (see
    /// `QueryClock`), so a slow reader of the output (`| less`) never trips it.
    pub fn start_clock(&mut self) -> Result<QueryClock> {
        let clock = QueryClock::default();
        if let Some(limit) = self.timeout {
            let shared = Arc::clone(&clock.0);
            self.conn.progress_handler(
                10_000,
                Some(move || shared.lock().unwrap_or_else(|e| e.into_inner()).spent() > limit),
            )?;
        }
        Ok(clock)
    }
}

/// The time a query has spent inside SQLite: running while a row is being
/// produced, paused while it is written out.
#[derive(Clone, Default)]
pub struct QueryClock(Arc<Mutex<Spent>>);

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
