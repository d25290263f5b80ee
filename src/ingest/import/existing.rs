//! Articles an import finds already in the knowledge base, by slug or by text (the
//! same text saved with a BOM or CRLF line ends is the same article): replaced when
//! the request says so, keeping their title and URL unless new ones are given;
//! refused otherwise; and never the article shipped with claimdb.

use rusqlite::{OptionalExtension, Transaction};

use crate::article::sha256_hex;
use crate::error::{Error, Result};
use crate::ingest::import::jobs::{Job, normalized};
use crate::ingest::import::request::ImportRequest;

/// An article already in the knowledge base: slug, is_seed, title, url.
type Existing = (String, bool, String, Option<String>);

/// Deletes the articles the jobs replace, with their claims and sections, and gives
/// each replacing job the old title and URL unless the request has new ones;
/// refuses a job whose article is there already without `replace`, or is the
/// shipped one. Returns how many articles are replaced.
pub fn replace_existing(
    tx: &Transaction,
    jobs: &mut [Job],
    request: &ImportRequest,
) -> Result<usize> {
    let mut replaced = 0;
    for job in jobs {
        let existing = match tx
            .query_row(
                "SELECT slug, is_seed, title, url FROM sources WHERE slug = ?1 OR sha256 = ?2 LIMIT 1",
                [&job.slug, &job.sha256],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?
        {
            Some(found) => Some(found),
            None => same_text_as(tx, job)?,
        };
        let Some((existing, is_seed, old_title, old_url)) = existing else {
            continue;
        };
        if is_seed {
            let err = Error::data(format!(
                "'{existing}' is the article shipped with claimdb; it cannot be replaced by an import"
            ));
            return Err(if existing == job.slug {
                err.with_hint("import it under another --slug")
            } else {
                err.with_hint("its text is the shipped article's; its claims are already in the knowledge base")
            });
        }
        if !request.replace {
            return Err(already_imported(tx, job, &existing)?);
        }
        // A replacement keeps the title and URL it had unless new ones are given.
        if request.title.is_none() {
            job.title = old_title;
        }
        if request.url.is_none() {
            job.url = old_url;
        }
        for table in ["claims", "sections"] {
            tx.execute(
                &format!(
                    "DELETE FROM {table} WHERE source_id = (SELECT source_id FROM sources WHERE slug = ?1)"
                ),
                [&existing],
            )?;
        }
        tx.execute("DELETE FROM sources WHERE slug = ?1", [&existing])?;
        replaced += 1;
    }
    Ok(replaced)
}

/// Why `job` cannot be imported over the article `existing` without `replace`: it
/// is that article again, or another article under its slug.
fn already_imported(tx: &Transaction, job: &Job, existing: &str) -> Result<Error> {
    let same_slug_other_text = existing == job.slug
        && job.same_text
            != tx.query_row(
                "SELECT body FROM sources WHERE slug = ?1",
                [existing],
                |r| r.get::<_, String>(0).map(|b| sha256_hex(&normalized(&b))),
            )?;
    Ok(if same_slug_other_text {
        Error::data(format!("an article is already imported as '{existing}'")).with_hint(format!(
            "add --slug NAME to import this one as another article, or --replace to \
             replace '{existing}' and its claims"
        ))
    } else {
        Error::data(format!("this article is already imported as '{existing}'"))
            .with_hint("add --replace to replace it and its claims")
    })
}

/// The imported article whose text is the job's once a BOM and CRLF line ends are
/// set aside. Only articles of about the same size are read.
fn same_text_as(tx: &Transaction, job: &Job) -> Result<Option<Existing>> {
    // Saved with CRLF line ends and a BOM, the same text is longer by a byte a line
    // and three more.
    let (len, lines) = job.same_text_size;
    let mut stmt = tx.prepare(
        "SELECT slug, is_seed, title, url, body FROM sources
         WHERE length(CAST(body AS BLOB)) BETWEEN ?1 AND ?2",
    )?;
    let rows = stmt.query_map([len as i64, (len + lines + 4) as i64], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    for row in rows {
        let (slug, is_seed, title, url, other) = row?;
        if sha256_hex(&normalized(&other)) == job.same_text {
            return Ok(Some((slug, is_seed, title, url)));
        }
    }
    Ok(None)
}
