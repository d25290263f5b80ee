//! Messages for a person on stderr that never panic: `stderr_text!` and
//! `stderr_line!`. A leaf, declared first in lib.rs so every module can use them.

/// `eprint!` that never panics. Messages on stderr are for a person; when stderr is
/// a closed pipe or a full disk they are dropped, and the command still ends with
/// its own exit code instead of a panic (exit 101).
#[macro_export]
macro_rules! stderr_text {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        // Formatted first, then written at once: standard error is unbuffered, and
        // `write!` on it makes a system call per piece.
        let _ = std::io::stderr().write_all(format!($($arg)*).as_bytes());
    }};
}

/// `eprintln!` that never panics (see [`stderr_text!`]).
#[macro_export]
macro_rules! stderr_line {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        // One write per line (see `stderr_text!`): a reader of a pipe is woken
        // once, and the line never arrives cut in two.
        let mut line = format!($($arg)*);
        line.push('\n');
        let _ = std::io::stderr().write_all(line.as_bytes());
    }};
}
