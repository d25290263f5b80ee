//! `compare SUBJECT SUBJECT... [--on CATEGORY]`: a topic x subject matrix, each cell
//! the stances (or, for claims without one, the kinds) with their first citation.
//! The `feature-matrix` report is the same matrix restricted to stances.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::Connection;

use crate::catalog::{self, Named};
use crate::error::{Error, Result};
use crate::model::Stance;
use crate::output::{Cell, Column, Mark, Output};
use crate::query::cite;

/// What to narrow the matrix to.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub category: Option<String>,
    pub topic: Option<i64>,
    /// Only claims with a stance (the feature matrix).
    pub stances_only: bool,
}

/// Reads `--on NAME`: a category ("performance") or, failing that, a topic ("orm").
pub fn scope_on(conn: &Connection, on: Option<&str>) -> Result<Scope> {
    let Some(on) = on else {
        return Ok(Scope::default());
    };
    match catalog::resolve_category(conn, on) {
        Ok(category) => Ok(Scope {
            category: Some(category),
            ..Scope::default()
        }),
        Err(category_err) => match catalog::resolve_topic(conn, on) {
            Ok(topic) => Ok(Scope {
                topic: Some(topic.id),
                ..Scope::default()
            }),
            Err(_) => Err(
                Error::usage(format!("no category or topic '{on}'")).with_hint(
                    category_err
                        .hint
                        .unwrap_or_else(|| "`claimdb topics` lists both".to_string()),
                ),
            ),
        },
    }
}

/// One cell: every label (stance or kind) with its claim count and first citation.
#[derive(Default)]
struct CellClaims {
    /// label -> (count, first citation, its quote)
    labels: BTreeMap<(u8, String), (usize, String, String)>,
    stances: BTreeSet<Stance>,
}

impl CellClaims {
    /// The cell for the output: "label (cite +N)" as text, a coloured cell with the
    /// quotes in html.
    fn cell(self) -> Cell<'static> {
        let conflicting = crate::commands::which::conflicting(&self.stances);
        Cell::Marks(
            self.labels
                .into_iter()
                .map(|((_, label), (count, cite, quote))| Mark {
                    label,
                    cite,
                    quote,
                    more: count - 1,
                    conflicting,
                })
                .collect(),
        )
    }
}

/// Writes the matrix: one row per topic, one column per subject.
pub fn write_matrix(
    conn: &Connection,
    out: &mut Output,
    subjects: &[Named],
    scope: &Scope,
) -> Result<u64> {
    let ids: Vec<i64> = subjects.iter().map(|s| s.id).collect();
    let mut stmt = conn.prepare(
        "SELECT t.name, t.category, c.subject_id, c.stance, c.kind, src.slug, c.line_start, c.line_end,
                c.quote
         FROM claims c
         JOIN topics t    ON t.topic_id = c.topic_id
         JOIN sources src ON src.source_id = c.source_id
         WHERE c.subject_id IN (SELECT value FROM json_each(?1))
           AND (?2 IS NULL OR t.category = ?2)
           AND (?3 IS NULL OR c.topic_id = ?3)
           AND (?4 = 0 OR c.stance IS NOT NULL)
         ORDER BY t.category, t.name, c.claim_id",
    )?;
    let ids_json = serde_json::to_string(&ids).expect("ids serialise");
    let mut rows = stmt.query(rusqlite::params![
        ids_json,
        scope.category,
        scope.topic,
        scope.stances_only
    ])?;

    let mut columns = vec![Column::new("topic"), Column::new("category")];
    columns.extend(subjects.iter().map(|s| Column::named(s.name.clone())));
    let mut w = out.rows(&columns)?;
    let mut current: Option<(String, String, Vec<CellClaims>)> = None;
    let flush =
        |w: &mut crate::output::RowWriter, row: (String, String, Vec<CellClaims>)| -> Result<()> {
            let (topic, category, cells) = row;
            let mut out_cells = vec![Cell::from(topic), Cell::from(category)];
            out_cells.extend(cells.into_iter().map(CellClaims::cell));
            w.row(&out_cells)
        };
    while let Some(r) = rows.next()? {
        let topic: String = r.get(0)?;
        if current.as_ref().is_none_or(|(t, _, _)| *t != topic) {
            if let Some(row) = current.take() {
                flush(&mut w, row)?;
            }
            let cells = subjects.iter().map(|_| CellClaims::default()).collect();
            current = Some((topic, r.get(1)?, cells));
        }
        let subject_id: i64 = r.get(2)?;
        let stance: Option<String> = r.get(3)?;
        let kind: String = r.get(4)?;
        let citation = cite(&r.get::<_, String>(5)?, r.get(6)?, r.get(7)?);
        let quote: String = r.get(8)?;
        let column = ids
            .iter()
            .position(|id| *id == subject_id)
            .expect("filtered by id");
        let cell = &mut current.as_mut().expect("set above").2[column];
        // Stances sort before kinds, in the order builtin, extension, limited, lacks.
        let key = match stance.as_deref().map(str::parse::<Stance>) {
            Some(Ok(s)) => {
                cell.stances.insert(s);
                (s as u8, s.as_str().to_string())
            }
            _ => (10, kind),
        };
        let entry = cell.labels.entry(key).or_insert((0, citation, quote));
        entry.0 += 1;
    }
    if let Some(row) = current.take() {
        flush(&mut w, row)?;
    }
    w.finish()
}

pub fn run(
    conn: &Connection,
    out: &mut Output,
    subject_names: &[String],
    on: Option<&str>,
) -> Result<()> {
    let mut subjects: Vec<Named> = Vec::new();
    for name in subject_names {
        let s = catalog::resolve_subject(conn, name)?;
        if !subjects.contains(&s) {
            subjects.push(s);
        }
    }
    let scope = scope_on(conn, on)?;
    let n = write_matrix(conn, out, &subjects, &scope)?;
    if out.is_human() {
        let names: Vec<&str> = subjects.iter().map(|s| s.name.as_str()).collect();
        out.note(&format!(
            "{n} topic{} with a claim on {}. Cells: stance or kind (first citation, +N more claims).",
            if n == 1 { "" } else { "s" },
            names.join(" or ")
        ))?;
    }
    Ok(())
}
