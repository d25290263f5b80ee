//! Full-text search (`claimdb search WORDS`, FTS5) over statements and quotes,
//! ranked, with a citation per hit. The words are turned into quoted FTS terms, so
//! nothing a user types can be an FTS syntax error or an operator.

use rusqlite::Connection;

use crate::error::Result;
use crate::query::cite;
use crate::rows::{Cell, Column, Sink};

const COLUMNS: [Column; 12] = [
    Column::new("claim_id"),
    Column::new("subject"),
    Column::new("kind"),
    Column::new("topic"),
    Column::machine("stance"),
    Column::machine("source"),
    Column::machine("line_start"),
    Column::machine("line_end"),
    Column::human("cite"),
    Column::machine("rank"),
    Column::new("snippet"),
    Column::machine("quote"),
];

/// The words of the input as FTS5 string terms: letters and digits only, each in
/// double quotes, so `AND`, `"unbalanced` or `*` are plain words.
pub fn fts_terms(input: &str) -> Vec<String> {
    input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.to_lowercase()))
        .collect()
}

/// The claims matching the words, best first; for a person, a note when none does
/// or only some words matched.
pub fn search(conn: &Connection, out: &mut dyn Sink, words: &[String]) -> Result<()> {
    let terms = fts_terms(&words.join(" "));
    if terms.is_empty() {
        return Err(crate::error::Error::usage(
            "give at least one word to search for",
        ));
    }
    crate::query::bound_words(terms.len(), "search")?;
    let (open, close) = if out.color() {
        ("\x1b[1;33m", "\x1b[0m")
    } else {
        ("", "")
    };
    let mut stmt = conn.prepare(
        "SELECT c.claim_id, s.name, c.kind, t.name, c.stance, src.slug, c.line_start, c.line_end,
                round(f.rank, 3), snippet(claims_fts, -1, ?2, ?3, '…', 16), c.quote
         FROM claims_fts f
         JOIN claims c    ON c.claim_id = f.rowid
         JOIN subjects s  ON s.subject_id = c.subject_id
         JOIN topics t    ON t.topic_id = c.topic_id
         JOIN sources src ON src.source_id = c.source_id
         WHERE claims_fts MATCH ?1
         ORDER BY f.rank, c.claim_id",
    )?;
    // Every word first; when no claim has them all, any of them, and say so. The
    // choice is made before writing, so the output is one result set.
    let all_words = terms.join(" ");
    let has_all: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM claims_fts WHERE claims_fts MATCH ?1)",
        [&all_words],
        |r| r.get(0),
    )?;
    let fallback = !has_all && terms.len() > 1;
    let query = if fallback {
        terms.join(" OR ")
    } else {
        all_words
    };
    let mut rows = stmt.query(rusqlite::params![query, open, close])?;
    let mut w = out.rows(&COLUMNS)?;
    while let Some(r) = rows.next()? {
        let citation = cite(&r.get::<_, String>(5)?, r.get(6)?, r.get(7)?);
        let mut cells: Vec<Cell> = (0..8)
            .map(|i| r.get_ref(i).map(Cell::from))
            .collect::<rusqlite::Result<_>>()?;
        cells.push(Cell::from(citation));
        for i in 8..11 {
            cells.push(Cell::from(r.get_ref(i)?));
        }
        w.row(&cells)?;
    }
    let written = w.finish()?;
    if out.is_human() {
        if written == 0 {
            out.note("No claim matches.")?;
        } else if fallback {
            out.note("No claim has every word; these have some of them.")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_input_becomes_plain_quoted_terms() {
        assert_eq!(
            fts_terms("Django's admin"),
            ["\"django\"", "\"s\"", "\"admin\""]
        );
        assert_eq!(fts_terms("\"unbalanced"), ["\"unbalanced\""]);
        assert_eq!(fts_terms("AND OR NOT"), ["\"and\"", "\"or\"", "\"not\""]);
        assert_eq!(fts_terms("built-in*"), ["\"built\"", "\"in\""]);
        assert!(fts_terms("*** ''").is_empty());
    }
}
