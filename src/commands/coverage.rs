//! `coverage [SLUG]`: the sentences of an article that no claim quotes yet, so a
//! reviewer sees what an import left out.

use crate::db::Db;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::rows::{Cell, Column};
use crate::text::blocks::{BlockKind, Format, blocks};
use crate::text::sentences::sentences;

const COLUMNS: [Column; 4] = [
    Column::new("source"),
    Column::new("line_start"),
    Column::new("line_end"),
    Column::new("sentence"),
];

/// Byte offsets of the start of each line of `text`.
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    starts
}

/// How the stored article `source_id` was read when imported: its file's name is
/// not kept, so it is the reading (Markdown or plain text) whose headings are the
/// stored sections, the text's own look deciding when both or neither are.
fn format_of(db: &Db, source_id: i64, body: &str) -> Result<Format> {
    let stored: Vec<usize> = db
        .conn
        .prepare_cached("SELECT line_start FROM sections WHERE source_id = ?1 ORDER BY line_start")?
        .query_map([source_id], |r| r.get::<_, i64>(0))?
        .map(|l| l.map(|l| l as usize))
        .collect::<rusqlite::Result<_>>()?;
    let sniffed = Format::sniff(body);
    let other = match sniffed {
        Format::Markdown => Format::Plain,
        Format::Plain => Format::Markdown,
    };
    let lines = |format| -> Vec<usize> {
        crate::text::outline(body, format)
            .iter()
            .map(|s| s.line_start)
            .collect()
    };
    Ok(if lines(sniffed) != stored && lines(other) == stored {
        other
    } else {
        sniffed
    })
}

pub fn run(db: &Db, out: &mut Output, slug: Option<&str>) -> Result<()> {
    let mut stmt = db.conn.prepare(
        "SELECT source_id, slug FROM sources WHERE ?1 IS NULL OR slug = ?1 ORDER BY slug",
    )?;
    let sources: Vec<(i64, String)> = stmt
        .query_map([slug], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if let Some(slug) = slug
        && sources.is_empty()
    {
        return Err(Error::usage(format!("no source '{slug}'"))
            .with_hint("`claimdb sources` lists the articles and their slugs"));
    }
    let mut writer = out.rows(&COLUMNS)?;
    let (mut total, mut missing) = (0usize, 0usize);
    for (source_id, slug) in &sources {
        // One article in memory at a time.
        let body: String = db.conn.query_row(
            "SELECT body FROM sources WHERE source_id = ?1",
            [source_id],
            |r| r.get(0),
        )?;
        let body = body.as_str();
        let starts = line_starts(body);
        // Where each claim's quote stands, as a byte range of the body: looked for
        // only in its own lines, so a quote that is not there costs its lines, not
        // the rest of the article.
        let mut quoted: Vec<(usize, usize)> = Vec::new();
        let mut claims = db.conn.prepare_cached(
            "SELECT quote, line_start, line_end FROM claims WHERE source_id = ?1",
        )?;
        let rows = claims.query_map([source_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        for row in rows {
            let (quote, first, last) = row?;
            let line = |n: i64| starts.get((n as usize).saturating_sub(1)).copied();
            let from = line(first).unwrap_or(0);
            let to = line(last + 1).unwrap_or(body.len()).max(from);
            if let Some(i) = body.get(from..to).and_then(|lines| lines.find(&quote)) {
                quoted.push((from + i, from + i + quote.len()));
            }
        }
        // Sentences come in the order of the text: a sentence is quoted when a
        // quote starting before its end ends after its start, so the quotes are
        // walked once, in order of their start, keeping the furthest end so far.
        quoted.sort_unstable();
        let (mut next, mut furthest) = (0, 0);
        let format = format_of(db, *source_id, body)?;
        for block in blocks(body, format) {
            if matches!(block.kind, BlockKind::Heading { .. }) {
                continue;
            }
            let r = &block.rendered;
            for (from, to) in sentences(&r.text) {
                let (s, e) = r.source_range(body, from, to);
                total += 1;
                while next < quoted.len() && quoted[next].0 < e {
                    furthest = furthest.max(quoted[next].1);
                    next += 1;
                }
                if furthest > s {
                    continue;
                }
                missing += 1;
                let line_start = starts.partition_point(|&o| o <= s);
                let line_end = starts.partition_point(|&o| o < e);
                writer.row(&[
                    Cell::from(slug.as_str()),
                    Cell::Int(line_start as i64),
                    Cell::Int(line_end as i64),
                    Cell::from(&r.text[from..to]),
                ])?;
            }
        }
    }
    writer.finish()?;
    crate::stderr_line!(
        "{missing} of {total} sentences are not quoted by any claim{}",
        if missing == 0 { "" } else { " (listed above)" }
    );
    Ok(())
}
