//! `show CLAIM_ID`: one claim with its source, section, lines, and its quote inside
//! the paragraph it stands in, so a reader can judge the claim in context.

use rusqlite::OptionalExtension;

use crate::article::Article;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::query::cite;
use crate::rows::{Cell, Column};

const COLUMNS: [Column; 21] = [
    Column::new("claim_id"),
    Column::new("subject"),
    Column::new("kind"),
    Column::new("topic"),
    Column::new("category"),
    Column::new("stance"),
    Column::new("value"),
    Column::new("versus"),
    Column::new("statement"),
    Column::new("quote"),
    Column::new("source"),
    Column::new("section"),
    Column::new("source_title"),
    Column::new("source_url"),
    Column::machine("line_start"),
    Column::machine("line_end"),
    Column::human("cite"),
    Column::machine("paragraph_start"),
    Column::machine("paragraph_end"),
    Column::new("paragraph"),
    Column::new("listed"),
];

pub fn run(db: &Db, out: &mut Output, claim_id: i64) -> Result<()> {
    let row = db
        .conn
        .query_row(
            "SELECT v.claim_id, v.subject, v.kind, v.topic, v.category, v.stance, v.value,
                    v.versus, v.statement, v.quote, v.source, v.section, v.source_title,
                    v.source_url, v.line_start, v.line_end, src.body, v.listed
             FROM claims_cited v JOIN sources src ON src.slug = v.source
             WHERE v.claim_id = ?1",
            [claim_id],
            |r| {
                let mut texts: Vec<Option<String>> = Vec::new();
                for i in 1..14 {
                    texts.push(r.get(i)?);
                }
                Ok((
                    texts,
                    r.get::<_, i64>(14)?,
                    r.get::<_, i64>(15)?,
                    r.get::<_, String>(16)?,
                    r.get::<_, i64>(17)?,
                ))
            },
        )
        .optional()?;
    let Some((texts, start, end, body, listed)) = row else {
        return Err(Error::usage(format!("no claim {claim_id}"))
            .with_hint("`claimdb claims` lists claims with their ids"));
    };
    let quote = texts[8].clone().unwrap_or_default();
    let source = texts[9].clone().unwrap_or_default();
    let article = Article::new(&body);
    let (p_start, p_end) = article.paragraph(start as usize, end as usize);
    let paragraph = article.lines(p_start, p_end).unwrap_or_default();
    // People see where the quote stands in its paragraph; scripts get it verbatim.
    let shown = if out.is_human() {
        let (open, close) = if out.color() {
            ("\x1b[1;4m", "\x1b[0m")
        } else {
            ("«", "»")
        };
        paragraph.replacen(&quote, &format!("{open}{quote}{close}"), 1)
    } else {
        paragraph.to_string()
    };
    let mut cells = vec![Cell::Int(claim_id)];
    cells.extend(texts.into_iter().map(Cell::from));
    cells.extend([
        Cell::Int(start),
        Cell::Int(end),
        Cell::from(cite(&source, start, end)),
        Cell::Int(p_start as i64),
        Cell::Int(p_end as i64),
        Cell::from(shown),
        Cell::Int(listed),
    ]);
    out.record(&COLUMNS, &cells)
}
