//! `claimdb publish DIR`: the knowledge base as a snapshot Datasette serves
//! (src/publish/ writes it); prints the snapshot's path, and on stderr what was
//! published and the command that serves it.

use std::io::{IsTerminal as _, Write};

use crate::cli::PublishArgs;
use crate::db::Db;
use crate::error::{Error, ErrorKind, Result};
use crate::output::for_terminal;
use crate::publish::{Request, publish, serve_command};
use crate::text::shell::shell_word;

pub fn run(db: &Db, args: &PublishArgs) -> Result<()> {
    // The snapshot's path is the one line of output: with nobody to read it, write
    // nothing (like every command that writes to standard output).
    if crate::output::STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed) {
        return Err(Error::new(
            ErrorKind::Io,
            "cannot write output: standard output is closed",
        )
        .with_hint("redirect it: claimdb publish site/ > /dev/null"));
    }
    let published = publish(
        db,
        &Request {
            dir: &args.dir,
            title: &args.title,
            license: args.license.as_deref(),
            license_url: args.license_url.as_deref(),
        },
    )?;
    // The path is exact for a script reading it; a terminal gets it escaped, like
    // every text from outside shown to a person (a directory named with escape
    // sequences must not drive the terminal).
    let path = published.snapshot.display().to_string();
    let mut stdout = std::io::stdout().lock();
    if stdout.is_terminal() {
        writeln!(stdout, "{}", for_terminal(&path))?;
    } else {
        writeln!(stdout, "{path}")?;
    }
    stdout.flush()?;
    let sources = published.sources;
    let mut summary = format!(
        "claimdb: published {} claims from {sources} source{} to {path} (sha256 {})\n  serve it: cd {} && {}",
        published.claims,
        if sources == 1 { "" } else { "s" },
        &published.sha256[..16],
        shell_word(&args.dir.display().to_string()),
        serve_command()
    );
    if !published.older.is_empty() {
        summary.push_str(&format!(
            "\n  {} also holds snapshots of an earlier claimdb ({}), no longer served: remove them once no server uses them",
            args.dir.display(),
            published.older.join(", ")
        ));
    }
    stderr_line!("{}", for_terminal(&summary));
    Ok(())
}
