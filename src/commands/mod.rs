//! One module per subcommand, each the same shape: a `run` that takes the opened
//! database, the output and its arguments, and returns rows through the output.

mod ask;
mod catalogue;
pub mod compare;
mod conflicts;
mod coverage;
mod draft;
mod import;
mod init;
pub mod lists;
mod publish;
mod remove_source;
pub mod report;
mod schema;
mod search;
mod show;
mod sources;
mod sql;
mod verify;
pub mod which;

use std::path::Path;

use crate::cli::{Cli, Command};
use crate::db::{Db, Location};
use crate::error::{ErrorKind, Result};
use crate::model::Kind;
use crate::output::{Format, Output};

pub fn run(cli: Cli) -> Result<()> {
    let location = Location::from_flag(cli.global.db.clone())?;
    let mut options = cli.global.output_options();
    if let Command::Draft(_) = &cli.command {
        // A draft is an import file: CSV unless JSON is asked for, cells as written
        // (a quote starting with "-" must stay the article's text).
        options.format = match options.format {
            Format::Json | Format::Ndjson => options.format,
            _ => Format::Csv,
        };
        options.csv_raw = true;
    }
    options.database = Some(location.path().to_path_buf());
    // Checked now for the names known before the database is open, and again by
    // the output itself once it is (a `/dev/fd/N` naming it exists only then).
    if let Some(target) = options.path.as_deref().filter(|p| *p != Path::new("-")) {
        crate::output::refuse_database(target, options.database.as_deref())?;
    }
    match &cli.command {
        Command::Init(args) => return init::run(&location, args),
        Command::Completions { shell } => {
            let mut out = Output::open(&options)?;
            let program = std::env::args_os()
                .next()
                .unwrap_or_else(|| "claimdb".into());
            crate::complete::write_script(*shell, &program, out.raw())?;
            return out.finish();
        }
        Command::Sql(args) => {
            // `sql` only reads: it never migrates, refreshes the seed or checkpoints,
            // so it does not open the database the way the other commands do.
            let path = crate::db::existing_path(&location, crate::ingest::seed::load)?;
            let mut out = Output::open(&options)?;
            let result = sql::run(&path, &mut out, args);
            return finish(out, result.map_err(|e| crate::db::name_in(&path, e)));
        }
        _ => {}
    }
    let mut db = Db::open(&location, crate::ingest::seed::load)?;
    // Commands that write no rows never open the output: `-o FILE` must not replace
    // FILE with an empty one.
    match &cli.command {
        Command::Import(args) => {
            db.writable()?;
            return import::run(&mut db, args).map_err(|e| db.name_in(e));
        }
        Command::RemoveSource(args) => {
            db.writable()?;
            return remove_source::run(&mut db, args).map_err(|e| db.name_in(e));
        }
        Command::Publish(args) => return publish::run(&db, args).map_err(|e| db.name_in(e)),
        _ => {}
    }
    let mut out = Output::open(&options)?;
    let result = match &cli.command {
        Command::Which(args) => which::run(&db, &mut out, args),
        Command::Compare(args) => {
            compare::run(&db.conn, &mut out, &args.subjects, args.on.as_deref())
        }
        Command::Ask { question } => ask::run(&db, &mut out, &question.join(" ")),
        Command::Subjects => catalogue::subjects(&db, &mut out),
        Command::Topics(args) => catalogue::topics(&db, &mut out, args),
        Command::Companies(args) => lists::companies(&db, &mut out, args),
        Command::Limitations(args) => lists::list(&db, &mut out, Kind::Limitation, args),
        Command::Pros(args) => lists::list(&db, &mut out, Kind::Pro, args),
        Command::Cons(args) => lists::list(&db, &mut out, Kind::Con, args),
        Command::UseCases(args) => lists::list(&db, &mut out, Kind::UseCase, args),
        Command::Claims(args) => lists::claims(&db, &mut out, args),
        Command::Show { claim_id } => show::run(&db, &mut out, *claim_id),
        Command::Schema => schema::run(&db, &mut out),
        Command::Report { name } => report::run(&db, &mut out, *name),
        Command::Conflicts => conflicts::run(&db, &mut out),
        Command::Sources => sources::run(&db, &mut out),
        Command::Verify => verify::run(&db, &mut out),
        Command::Search { words } => search::run(&db, &mut out, words),
        Command::Draft(args) => draft::run(&db, &mut out, args),
        Command::Coverage { slug } => coverage::run(&db, &mut out, slug.as_deref()),
        Command::Init(_)
        | Command::Completions { .. }
        | Command::Sql(_)
        | Command::Import(_)
        | Command::RemoveSource(_)
        | Command::Publish(_) => unreachable!("handled above"),
    };
    finish(out, result.map_err(|e| db.name_in(e)))
}

/// Ends the output after a command's result.
fn finish(out: Output, result: Result<()>) -> Result<()> {
    // Rows written before a "negative" result (verify's mismatches, a cut at
    // --max-rows) are still the user's output. On any other error an `-o FILE` is
    // not written (its temporary file is dropped); on stdout, rows already
    // streamed stay streamed, and the error says the output is incomplete.
    match result {
        Ok(()) => out.finish(),
        Err(e) if matches!(e.kind, ErrorKind::VerifyFailed | ErrorKind::Truncated) => {
            out.finish()?;
            Err(e)
        }
        Err(e) => Err(e),
    }
}
