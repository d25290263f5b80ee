//! `claimdb verify`: provenance is checked, not trusted. Re-reads every claim and
//! checks that its quote stands at its lines of the stored article, and that each
//! article still matches its recorded sha256.

use crate::article::Article;
use crate::article::sha256_hex;
use crate::db::Db;
use crate::error::{Error, ErrorKind, Result};
use crate::output::Output;
use crate::rows::{Cell, Column};
use crate::text::quotes::SeenLines;

const COLUMNS: [Column; 9] = [
    Column::new("claim_id"),
    Column::new("subject"),
    Column::machine("kind"),
    Column::machine("topic"),
    Column::new("source"),
    Column::new("line_start"),
    Column::new("line_end"),
    Column::new("problem"),
    Column::new("quote"),
];

pub fn run(db: &Db, out: &mut Output) -> Result<()> {
    let mut sources = db
        .conn
        .prepare("SELECT source_id, slug, body, sha256 FROM sources ORDER BY source_id")?;
    let mut claims = db.conn.prepare(
        "SELECT c.claim_id, s.name, c.kind, t.name, c.quote, c.line_start, c.line_end, c.value
         FROM claims c
         JOIN subjects s ON s.subject_id = c.subject_id
         JOIN topics t ON t.topic_id = c.topic_id
         WHERE c.source_id = ?1
         ORDER BY c.claim_id",
    )?;
    let mut rows = out.rows(&COLUMNS)?;
    let (mut checked, mut failed, mut source_count) = (0u64, 0u64, 0u64);
    let mut source_rows = sources.query([])?;
    while let Some(src) = source_rows.next()? {
        source_count += 1;
        let source_id: i64 = src.get(0)?;
        let slug: String = src.get(1)?;
        let body: String = src.get(2)?;
        let sha256: String = src.get(3)?;
        let article = Article::new(&body);
        let seen_lines = SeenLines::new(article.markup_lines());
        let body_changed = sha256_hex(&body) != sha256;
        let mut claim_rows = claims.query([source_id])?;
        while let Some(c) = claim_rows.next()? {
            checked += 1;
            let quote: String = c.get(4)?;
            let (start, end): (i64, i64) = (c.get(5)?, c.get(6)?);
            let (start, end): (usize, usize) = (start as usize, end as usize);
            let company = (c.get_ref(2)?.as_str() == Ok("company"))
                .then(|| c.get::<_, Option<String>>(7))
                .transpose()?
                .flatten();
            let problem = if body_changed {
                Some("the article's text no longer matches its sha256".to_string())
            } else if !article.quote_stands_at(&quote, start, end) {
                Some(match article.locate(&quote) {
                    Some(_) => "the quote stands elsewhere in the article".to_string(),
                    None => "the quote is not in the article".to_string(),
                })
            } else {
                let lines = article.lines(start, end).unwrap_or_default();
                seen_lines
                    .citation_fault((start, end), lines, &quote, company.as_deref())
                    .map(|fault| fault.message())
            };
            if let Some(problem) = problem {
                failed += 1;
                rows.row(&[
                    Cell::Int(c.get(0)?),
                    Cell::from(c.get::<_, String>(1)?),
                    Cell::from(c.get::<_, String>(2)?),
                    Cell::from(c.get::<_, String>(3)?),
                    Cell::from(slug.as_str()),
                    Cell::Int(start as i64),
                    Cell::Int(end as i64),
                    Cell::from(problem),
                    Cell::from(quote),
                ])?;
            }
        }
    }
    rows.finish()?;
    if failed == 0 {
        stderr_line!(
            "claimdb: verified {checked} claims against {source_count} source{}: every quote stands at its lines and says something",
            if source_count == 1 { "" } else { "s" }
        );
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::VerifyFailed,
        format!(
            "{failed} of {checked} claims do not stand at their cited lines, or cite nothing readable"
        ),
    ))
}
