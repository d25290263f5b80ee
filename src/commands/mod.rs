//! One module per subcommand, each the same shape: a `run` that takes the opened
//! database, the output and its arguments, and returns rows through the output.

mod init;
mod verify;
pub mod which;

use crate::cli::{Cli, Command};
use crate::db::{Db, Location};
use crate::error::Result;
use crate::output::Output;

pub fn run(cli: Cli) -> Result<()> {
    let location = Location::from_flag(cli.global.db.clone())?;
    let options = cli.global.output_options();
    if let Command::Init(args) = &cli.command {
        return init::run(&location, args);
    }
    let db = Db::open(&location)?;
    let mut out = Output::open(&options)?;
    match &cli.command {
        Command::Which(args) => which::run(&db, &mut out, args)?,
        Command::Verify => verify::run(&db, &mut out)?,
        Command::Init(_) => unreachable!("handled above"),
    }
    out.finish()
}
