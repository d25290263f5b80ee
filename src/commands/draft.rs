//! `draft ARTICLE`: the claims a careful reader would write, proposed as an import
//! file to review. Reads the catalogue, writes nothing to the database.

use std::io::Read as _;

use crate::cli::DraftArgs;
use crate::db::{Db, Location};
use crate::draft::{draft_as, load_catalogue};
use crate::error::{Error, ErrorKind, Result};
use crate::ingest::import::{MAX_ARTICLE_BYTES, regular_file};
use crate::ingest::record::MAX_ROW_BYTES;
use crate::model::Stance;
use crate::output::Output;
use crate::rows::{Cell, Column};
use crate::text::blocks::Format;

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

/// Reads an article from a file, or stdin for "-": at most the
/// [`MAX_ARTICLE_BYTES`] an import takes, so a draft's memory is bounded whatever
/// the input (endless stdin included). A FIFO, socket or device is refused rather
/// than waited on, as `import` refuses it.
pub fn read_article(path: &std::path::Path) -> Result<String> {
    let too_long = || {
        Error::data(format!(
            "the article {} is longer than {} MiB",
            path.display(),
            MAX_ARTICLE_BYTES >> 20
        ))
        .with_hint("an article that long is not one article; split it")
    };
    let mut bytes = Vec::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin()
            .take(MAX_ARTICLE_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        if regular_file(path, "article")?.len() > MAX_ARTICLE_BYTES {
            return Err(too_long());
        }
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_ARTICLE_BYTES + 1).read_to_end(&mut bytes))
    };
    read.map_err(|e| {
        let from = if path.as_os_str() == "-" {
            "stdin".to_string()
        } else {
            path.display().to_string()
        };
        Error::new(
            ErrorKind::Io,
            format!("cannot read the article {from}: {e}"),
        )
    })?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(too_long());
    }
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
    let format = Format::of(&args.article, &text);
    let mut rows = draft_as(&text, format, &catalogue, &args.subject);
    let drafted = rows.len();
    if let Some(min) = args.min_confidence {
        rows.retain(|r| r.confidence + f32::EPSILON >= min);
    }
    // A row `import` would refuse for its length (one CSV line of at most
    // MAX_ROW_BYTES, quotes doubled) is no proposal: it is left out, and said.
    let before = rows.len();
    rows.retain(|r| 2 * (r.quote.len() + r.statement.len()) < MAX_ROW_BYTES);
    let too_long = before - rows.len();
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
    if too_long > 0 {
        crate::stderr_line!(
            "claimdb: {too_long} claim{} left out: {} sentence is longer than an import takes ({} KiB)",
            if too_long == 1 { "" } else { "s" },
            if too_long == 1 { "its" } else { "their" },
            (MAX_ROW_BYTES / 2) >> 10
        );
    }
    if rows.is_empty() && too_long == 0 {
        let why = if drafted > 0 {
            format!("its {drafted} rows are all below --min-confidence; try a lower one")
        } else {
            match crate::draft::subjects_found(&text, format, &catalogue, &args.subject).as_slice()
            {
                [] => "it found no subject (no title \"X vs Y\", no table of products, no \
                       name the text keeps using); name one with --subject NAME"
                    .to_string(),
                found => format!(
                    "it found {} but no sentence saying what they have, lack or do better \
                     (\"includes\", \"does not support\", \"faster than\", a table of ✓/✗); \
                     try --subject NAME for another subject",
                    first_names(found)
                ),
            }
        };
        crate::stderr_line!(
            "claimdb: the draft found no claims in {}: {why}",
            // The file's name is the user's, but may hold control characters.
            crate::output::for_terminal(&args.article.display().to_string())
        );
    }
    Ok(())
}

/// The first few of `names`, and how many more: a page of thousands of names
/// would otherwise make the message thousands of names long.
fn first_names(names: &[String]) -> String {
    const SHOWN: usize = 10;
    let shown = names[..names.len().min(SHOWN)].join(", ");
    match names.len().saturating_sub(SHOWN) {
        0 => shown,
        more => format!("{shown} and {more} more"),
    }
}
