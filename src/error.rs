//! The one error type every command returns, and the exit codes it maps to.
//!
//! Exit codes are part of the interface: scripts branch on them, so each code has one
//! meaning and the list is repeated in `--help` and README.md.

use std::fmt;

/// What went wrong, as far as the exit code is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// `verify` found claims whose quote no longer stands at its lines.
    VerifyFailed,
    /// Bad arguments: unknown flag, unknown subject or topic, a question not understood.
    Usage,
    /// Bad input data: an import file or article that cannot be accepted.
    Data,
    /// The database cannot be opened, is not a claimdb database, or is damaged.
    Database,
    /// A query ran past its time limit.
    Timeout,
    /// Reading an input file or writing the output failed.
    Io,
    /// The output was cut at a row limit the user set; more rows exist.
    Truncated,
}

impl ErrorKind {
    pub fn exit_code(self) -> i32 {
        match self {
            ErrorKind::VerifyFailed => 1,
            ErrorKind::Usage => 2,
            ErrorKind::Data => 3,
            ErrorKind::Database => 4,
            ErrorKind::Timeout => 5,
            ErrorKind::Io => 6,
            ErrorKind::Truncated => 7,
        }
    }
}

/// The exit codes as shown in `--help` and README.md (a macro so clap's attributes
/// can `concat!` it).
macro_rules! exit_codes_help {
    () => {
        "\
Exit codes:
  0  success
  1  verify found claims whose quote does not stand at its lines
  2  usage: bad arguments, unknown subject or topic, question not understood,
     an error in the SQL given to `sql`
  3  bad input data: an import file or article was rejected
  4  database: missing, not a claimdb database, damaged, locked, changed
     outside claimdb, or read-only for a command that writes
  5  a query ran past its time limit
  6  I/O: an input file could not be read or the output could not be written
  7  the output was cut at the row limit of --max-rows; more rows exist"
    };
}
pub(crate) use exit_codes_help;

#[cfg(test)]
pub const EXIT_CODES_HELP: &str = exit_codes_help!();

#[derive(Debug)]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
    pub hint: Option<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            hint: None,
        }
    }

    pub fn usage(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Usage, message)
    }

    pub fn data(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Data, message)
    }

    pub fn database(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Database, message)
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Error {
        self.hint = Some(hint.into());
        self
    }

    /// True when the error is a closed pipe on output, which is not a failure:
    /// `claimdb claims | head -1` must end quietly.
    pub fn is_broken_pipe(&self) -> bool {
        self.kind == ErrorKind::Io && self.message == BROKEN_PIPE
    }
}

const BROKEN_PIPE: &str = "broken pipe";

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Error {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            return Error::new(ErrorKind::Io, BROKEN_PIPE);
        }
        Error::new(ErrorKind::Io, format!("cannot write output: {err}"))
    }
}

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Error {
        use rusqlite::ffi::ErrorCode;
        if let rusqlite::Error::SqliteFailure(e, _) = &err {
            match e.code {
                ErrorCode::OperationInterrupted => {
                    return Error::new(ErrorKind::Timeout, "the query ran past its time limit");
                }
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
                    return Error::database(format!("the database is busy: {err}")).with_hint(
                        "another claimdb process is writing; try again when it has finished",
                    );
                }
                _ => {}
            }
        }
        Error::database(format!("database error: {err}"))
    }
}

impl From<csv::Error> for Error {
    fn from(err: csv::Error) -> Error {
        if let csv::ErrorKind::Io(io) = err.kind()
            && io.kind() == std::io::ErrorKind::BrokenPipe
        {
            return Error::new(ErrorKind::Io, BROKEN_PIPE);
        }
        Error::new(ErrorKind::Io, format!("cannot write CSV: {err}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_are_distinct_and_documented() {
        let kinds = [
            ErrorKind::VerifyFailed,
            ErrorKind::Usage,
            ErrorKind::Data,
            ErrorKind::Database,
            ErrorKind::Timeout,
            ErrorKind::Io,
            ErrorKind::Truncated,
        ];
        let mut codes: Vec<i32> = kinds.iter().map(|k| k.exit_code()).collect();
        for code in &codes {
            assert!(
                EXIT_CODES_HELP.contains(&format!("\n  {code}  ")),
                "exit code {code} is not in EXIT_CODES_HELP"
            );
        }
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), kinds.len(), "two kinds share an exit code");
        assert!(!codes.contains(&0) && !codes.contains(&101));
    }

    #[test]
    fn broken_pipe_is_recognised() {
        let err: Error = std::io::Error::from(std::io::ErrorKind::BrokenPipe).into();
        assert!(err.is_broken_pipe());
        let err: Error = std::io::Error::from(std::io::ErrorKind::StorageFull).into();
        assert!(!err.is_broken_pipe());
    }
}
