//! Messages for a person on stderr that never panic: `stderr_text!` and
//! `stderr_line!`. A leaf, declared first in lib.rs so every module can use them.

/// `eprint!` that never panics. Messages on stderr are for a person; when stderr is
/// a closed pipe or a full disk they are dropped, and the command still ends with
/// its own exit code instead of a panic (exit 101).
#[macro_export]
macro_rules! stderr_text {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($arg)*);
    }};
}

/// `eprintln!` that never panics (see [`stderr_text!`]).
#[macro_export]
macro_rules! stderr_line {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}
