//! A one-line progress counter on stderr, shown only when stderr is a terminal, so
//! long imports say they are alive without cluttering logs and pipes.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

pub struct Progress {
    label: &'static str,
    /// Bytes of input in all.
    total: u64,
    shown: bool,
    last: Instant,
}

impl Progress {
    /// A bar over `total` bytes of input.
    pub fn bytes(label: &'static str, total: u64) -> Progress {
        Progress {
            label,
            total,
            // A dumb terminal cannot clear its line: no bar there.
            shown: std::io::stderr().is_terminal()
                && std::env::var_os("TERM").is_none_or(|v| v != "dumb"),
            last: Instant::now(),
        }
    }

    /// Reports `done` bytes of `total`; redraws at most ten times a second.
    pub fn tick(&mut self, done: u64) {
        if !self.shown || self.last.elapsed() < Duration::from_millis(100) {
            return;
        }
        self.last = Instant::now();
        let pct = (done.min(self.total) * 100)
            .checked_div(self.total)
            .unwrap_or(100) as usize;
        let width = 30;
        let filled = width * pct / 100;
        let mb = |bytes: u64| bytes as f64 / 1e6;
        stderr_text!(
            "\r{} [{}{}] {:.1} of {:.1} MB ({pct}%)",
            self.label,
            "#".repeat(filled),
            " ".repeat(width - filled),
            mb(done.min(self.total)),
            mb(self.total)
        );
        let _ = std::io::stderr().flush();
    }
}

impl Progress {
    /// Replaces the bar with a line saying what is happening now.
    pub fn say(&mut self, what: &str) {
        if self.shown {
            stderr_text!("\r\x1b[2K{}: {what}", self.label);
            let _ = std::io::stderr().flush();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if self.shown {
            // Clear the line so the next message starts clean.
            stderr_text!("\r\x1b[2K");
        }
    }
}
