//! `draft ARTICLE`: the claims a careful reader would write, proposed as an import
//! file to review. Reads the catalogue, writes nothing to the database.

use std::io::Read as _;

use crate::cli::DraftArgs;
use crate::db::{Db, Location};
use crate::draft::{draft, load_catalogue};
use crate::error::{Error, ErrorKind, Result};
use crate::model::Stance;
use crate::output::Output;
use crate::rows::{Cell, Column};

pub const COLUMNS: [Column; 15] = [
    Column::new("subject"),
    Column::new("kind"),
    Column::new("topic"),
    Column::new("stance"),
    Column::new("value"),
    Column::new("versus"),
    Column::new("listed"),
    Column::new("statement"),
    Column::new("quote"),
    Column::new("line_start"),
    Column::new("line_end"),
    Column::new("category"),
    Column::new("section"),
    Column::new("confidence"),
    Column::new("new"),
];

/// Reads an article from a file, or stdin for "-".
pub fn read_article(path: &std::path::Path) -> Result<String> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| {
            Error::new(
                ErrorKind::Io,
                format!("cannot read the article from stdin: {e}"),
            )
        })?;
        buf
    } else {
        std::fs::read(path).map_err(|e| {
            Error::new(
                ErrorKind::Io,
                format!("cannot read the article {}: {e}", path.display()),
            )
        })?
    };
    String::from_utf8(bytes).map_err(|e| {
        Error::data(format!(
            "the article {} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Where `draft` reads the catalogue when the default database does not exist
/// yet: a copy of the shipped one in a temporary directory (kept alive by the
/// second half), so that a command that writes nothing creates nothing.
pub fn scratch(location: &Location) -> Result<Option<(Location, tempfile::TempDir)>> {
    if !matches!(location, Location::Default(_)) || location.path().exists() {
        return Ok(None);
    }
    let dir = tempfile::tempdir().map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("cannot make a scratch directory: {e}"),
        )
    })?;
    let scratch = Location::from_flag(Some(dir.path().join("catalogue.sqlite3")))?;
    Db::init(&scratch, false, crate::ingest::seed::load)?;
    Ok(Some((scratch, dir)))
}

pub fn run(db: &Db, out: &mut Output, args: &DraftArgs) -> Result<()> {
    let text = read_article(&args.article)?;
    let catalogue = load_catalogue(&db.conn)?;
    let mut rows = draft(&text, &catalogue, &args.subject);
    let drafted = rows.len();
    if let Some(min) = args.min_confidence {
        rows.retain(|r| r.confidence + f32::EPSILON >= min);
    }
    let mut writer = out.rows(&COLUMNS)?;
    for r in &rows {
        writer.row(&[
            Cell::from(r.subject.as_str()),
            Cell::from(r.kind.as_str()),
            Cell::from(r.topic.as_str()),
            Cell::from(r.stance.map(Stance::as_str)),
            Cell::from(r.value.as_deref()),
            Cell::from(r.versus.as_deref()),
            Cell::Int(i64::from(r.listed)),
            Cell::from(r.statement.as_str()),
            Cell::from(r.quote.as_str()),
            Cell::Int(r.line_start as i64),
            Cell::Int(r.line_end as i64),
            Cell::from(r.category.as_deref()),
            Cell::from(r.section.as_str()),
            Cell::Text(format!("{:.2}", r.confidence).into()),
            Cell::from(match (r.new_subject, r.category.is_some()) {
                (true, true) => Some("subject|topic"),
                (true, false) => Some("subject"),
                (false, true) => Some("topic"),
                (false, false) => None,
            }),
        ])?;
    }
    writer.finish()?;
    if rows.is_empty() {
        let why = if drafted > 0 {
            format!("its {drafted} rows are all below --min-confidence; try a lower one")
        } else {
            match crate::draft::subjects_found(&text, &catalogue, &args.subject).as_slice() {
                [] => "it found no subject (no title \"X vs Y\", no table of products, no \
                       name the text keeps using); name one with --subject NAME"
                    .to_string(),
                found => format!(
                    "it found {} but no sentence saying what they have, lack or do better \
                     (\"includes\", \"does not support\", \"faster than\", a table of ✓/✗); \
                     try --subject NAME for another subject",
                    found.join(", ")
                ),
            }
        };
        crate::stderr_line!(
            "claimdb: the draft found no claims in {}: {why}",
            args.article.display()
        );
    }
    Ok(())
}
