//! The command line's adapters: each command turns its arguments into a request,
//! hands it to the answer layer (src/answers/, src/ask/, src/draft/, src/ingest/)
//! and its rows to the one writer. Commands with more than a call to make have a
//! module of their own, each the same shape: a `run` that takes the opened
//! database, the output and its arguments. `run` here dispatches them, and says
//! once what each command opens.

mod ask;
mod coverage;
mod draft;
mod import;
mod init;
mod lists;
mod publish;
mod remove_source;
mod show;
mod sql;
mod verify;

use std::path::Path;

use crate::answers;
use crate::cli::{Cli, Command, SourceArgs};
use crate::db::{Db, Location};
use crate::error::{ErrorKind, Result};
use crate::model::Kind;
use crate::output::{Format, Output, OutputOptions};

pub fn run(cli: Cli) -> Result<()> {
    let location = Location::from_flag(cli.global.db.clone())?;
    let mut options = cli.global.output_options();
    // A completion script is text for the shell, whatever its file is called.
    if !matches!(cli.command, Command::Completions { .. }) {
        crate::output::refuse_unknown_extension(cli.global.format, options.path.as_deref())?;
    }
    if let Command::Draft(_) = &cli.command
        && cli.global.format.is_none()
        && options.format == Format::Table
    {
        // A draft is an import file: CSV unless a format is asked for (by --format
        // or by -o's extension), formula cells neutralised like every CSV, which
        // `import` takes back unchanged.
        options.format = Format::Csv;
    }
    options.database = Some(location.path().to_path_buf());
    // Checked now for the names known before the database is open, and again by
    // the output itself once it is (a `/dev/fd/N` naming it exists only then).
    if let Some(target) = options.path.as_deref().filter(|p| *p != Path::new("-")) {
        crate::output::refuse_database(target, options.database.as_deref())?;
    }
    let run = Run {
        location: &location,
        options: &options,
    };
    match &cli.command {
        Command::Init(args) => init::run(&location, args),
        Command::Completions { shell } => {
            let mut out = Output::open(&options)?;
            crate::complete::write_script(*shell, out.raw())?;
            out.finish()
        }
        Command::Sql(args) => {
            // `sql` only reads: it never migrates, refreshes the seed or checkpoints,
            // so it does not open the database the way the other commands do.
            let path = crate::db::existing_path(&location, crate::ingest::seed::load)?;
            let mut out = Output::open(&options)?;
            let result = sql::run(&path, &mut out, args);
            finish(out, result.map_err(|e| crate::db::name_in(&path, e)))
        }
        // Commands that write no rows never open the output: `-o FILE` must not
        // replace FILE with an empty one.
        Command::Import(args) => run.writing(|db| import::run(db, args)),
        Command::RemoveSource(args) => run.writing(|db| remove_source::run(db, args)),
        Command::Publish(args) => run.reading(|db| publish::run(db, args)),
        Command::Which(args) => run.within(&args.scope, |db, out| {
            answers::which::which(&db.conn, out, args.polarity, &args.words, &args.only)
        }),
        Command::Compare(args) => run.within(&args.scope, |db, out| {
            answers::compare::compare(&db.conn, out, &args.subjects, args.on.as_deref())
        }),
        Command::Ask { question, scope } => {
            run.answer(|db, out| ask::run(db, out, &question.join(" "), &scope.source))
        }
        Command::Subjects(scope) => {
            run.within(scope, |db, out| answers::catalogue::subjects(&db.conn, out))
        }
        Command::Topics(args) => run.within(&args.scope, |db, out| {
            answers::catalogue::topics(&db.conn, out, args.category.as_deref())
        }),
        Command::Companies(args) => {
            run.within(&args.scope, |db, out| lists::companies(db, out, args))
        }
        Command::Limitations(args) => run.within(&args.scope, |db, out| {
            lists::list(db, out, Kind::Limitation, args)
        }),
        Command::Pros(args) => {
            run.within(&args.scope, |db, out| lists::list(db, out, Kind::Pro, args))
        }
        Command::Cons(args) => {
            run.within(&args.scope, |db, out| lists::list(db, out, Kind::Con, args))
        }
        Command::UseCases(args) => run.within(&args.scope, |db, out| {
            lists::list(db, out, Kind::UseCase, args)
        }),
        Command::Claims(args) if args.source.len() > 1 => {
            let scope = SourceArgs {
                source: args.source.clone(),
            };
            run.within(&scope, |db, out| lists::claims(db, out, args))
        }
        Command::Claims(args) => run.answer(|db, out| lists::claims(db, out, args)),
        Command::Show { claim_id } => run.answer(|db, out| show::run(db, out, *claim_id)),
        Command::Schema => run.answer(|db, out| answers::schema::schema(&db.conn, out)),
        Command::Report { name, scope } => run.within(scope, |db, out| {
            answers::reports::report(&db.conn, out, *name)
        }),
        Command::Conflicts(scope) => run.within(scope, |db, out| {
            answers::conflicts::conflicts(&db.conn, out)
        }),
        Command::Sources => run.answer(|db, out| answers::sources::sources(&db.conn, out)),
        Command::Verify => run.answer(verify::run),
        Command::Search { words, scope } => run.within(scope, |db, out| {
            answers::search::search(&db.conn, out, words)
        }),
        Command::Draft(args) => {
            // `draft` writes nothing: with no database yet it reads the shipped
            // catalogue from a scratch copy rather than create the default one.
            let scratch = draft::scratch(&location)?;
            let location = scratch.as_ref().map_or(&location, |(l, _)| l);
            let run = Run {
                location,
                options: &options,
            };
            run.answer(|db, out| draft::run(db, out, args))
        }
        Command::Coverage { slug } => run.answer(|db, out| coverage::run(db, out, slug.as_deref())),
    }
}

/// Where a command runs: the database it opens and the output it may write.
struct Run<'a> {
    location: &'a Location,
    options: &'a OutputOptions,
}

impl Run<'_> {
    /// A command that changes the database and writes no rows.
    fn writing(&self, command: impl FnOnce(&mut Db) -> Result<()>) -> Result<()> {
        let mut db = Db::open_writing(self.location, crate::ingest::seed::load)?;
        db.writable()?;
        command(&mut db).map_err(|e| db.name_in(e))
    }

    /// A command that reads the database and writes files of its own, not rows.
    fn reading(&self, command: impl FnOnce(&Db) -> Result<()>) -> Result<()> {
        let db = Db::open(self.location, crate::ingest::seed::load)?;
        command(&db).map_err(|e| db.name_in(e))
    }

    /// A query command limited to the articles of `--source` (all when none is given).
    fn within(
        &self,
        scope: &SourceArgs,
        command: impl FnOnce(&Db, &mut Output) -> Result<()>,
    ) -> Result<()> {
        self.answer(|db, out| {
            if !scope.source.is_empty() {
                let ids = crate::db::scope::source_ids(&db.conn, &scope.source)?;
                crate::db::scope::limit_to(&db.conn, &ids)?;
            }
            command(db, out)
        })
    }

    /// A command that answers with rows through the one writer.
    fn answer(&self, command: impl FnOnce(&Db, &mut Output) -> Result<()>) -> Result<()> {
        let db = Db::open(self.location, crate::ingest::seed::load)?;
        let mut out = Output::open(self.options)?;
        let result = command(&db, &mut out);
        finish(out, result.map_err(|e| db.name_in(e)))
    }
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
