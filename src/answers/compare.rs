//! Subjects side by side (`claimdb compare`, the feature-matrix report): a topic x
//! subject matrix, each cell
//! the stances (or, for claims without one, the kinds) with their first citation,
//! and per topic the verdicts the articles give between the subjects (comparison
//! claims). Scripts get the long format: one object per topic, subject, kind and
//! stance, and one per comparison, with the same keys on every row. The
//! `feature-matrix` report is the same matrix restricted to stances.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::Connection;

use crate::catalog::{self, Named};
use crate::error::{Error, Result};
use crate::model::{Kind, Stance};
use crate::query::cite;
use crate::rows::{Cell, Column, Mark, Rows, Sink};

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
    /// (kind, stance) -> (count, first claim): the long format's rows.
    groups: BTreeMap<(String, Option<Stance>), (usize, First)>,
}

impl CellClaims {
    /// The cell for the output: "label (cite +N)" as text, a coloured cell with the
    /// quotes in html.
    fn cell(&self) -> Cell<'static> {
        let conflicting = crate::answers::which::conflicting(&self.stances);
        Cell::Marks(
            self.labels
                .iter()
                .map(|((_, label), (count, cite, quote))| Mark {
                    label: label.clone(),
                    cite: cite.clone(),
                    quote: quote.clone(),
                    more: count - 1,
                    conflicting,
                })
                .collect(),
        )
    }
}

/// One comparison claim between the compared subjects.
struct Verdict {
    subject: String,
    versus: Option<String>,
    depends: bool,
    value: Option<String>,
    claim_id: i64,
    source: String,
    line_start: i64,
    line_end: i64,
    quote: String,
}

impl Verdict {
    /// "flask over django: easier to learn (django-vs-flask:283)"; an it-depends
    /// verdict names both sides and favours neither.
    fn text(&self) -> String {
        let citation = cite(&self.source, self.line_start, self.line_end);
        let versus = self.versus.as_deref().unwrap_or("the others");
        let value = self.value.as_deref().unwrap_or("");
        if self.depends {
            format!(
                "{} or {versus}: it depends on {value} ({citation})",
                self.subject
            )
        } else {
            format!("{} over {versus}: {value} ({citation})", self.subject)
        }
    }
}

/// One topic's claims: a cell per subject and the verdicts between them.
struct TopicRow {
    topic: String,
    category: String,
    cells: Vec<CellClaims>,
    verdicts: Vec<Verdict>,
}

/// The long format's columns: one row per topic, subject, kind and stance (with the
/// number of claims and the first as citation), and one per comparison claim. No
/// subject name is ever a key.
const LONG_COLUMNS: [Column; 14] = [
    Column::new("topic"),
    Column::new("category"),
    Column::new("subject"),
    Column::new("versus"),
    Column::new("kind"),
    Column::new("stance"),
    Column::new("value"),
    Column::new("claims"),
    Column::new("conflicting"),
    Column::new("claim_id"),
    Column::new("source"),
    Column::new("line_start"),
    Column::new("line_end"),
    Column::new("quote"),
];

/// Writes the comparison of `subjects`: a matrix (one row per topic, one column per
/// subject, and the verdicts the articles give between them), or in JSON the long
/// format. Returns the number of topics.
pub fn write_matrix(
    conn: &Connection,
    out: &mut dyn Sink,
    subjects: &[Named],
    scope: &Scope,
) -> Result<u64> {
    let ids: Vec<i64> = subjects.iter().map(|s| s.id).collect();
    let mut stmt = conn.prepare(
        "SELECT t.name, t.category, c.subject_id, c.stance, c.kind, src.slug, c.line_start,
                c.line_end, c.claim_id, c.quote, c.versus_id, c.value
         FROM claims c
         JOIN topics t    ON t.topic_id = c.topic_id
         JOIN sources src ON src.source_id = c.source_id
         WHERE c.subject_id IN (SELECT value FROM json_each(?1))
           AND (?2 IS NULL OR t.category = ?2)
           AND (?3 IS NULL OR c.topic_id = ?3)
           AND (?4 = 0 OR (c.stance IS NOT NULL AND c.kind <> 'comparison'))
           AND (c.kind <> 'comparison' OR c.versus_id IS NULL
                OR c.versus_id IN (SELECT value FROM json_each(?1)))
         ORDER BY t.category, t.name, c.claim_id",
    )?;
    let ids_json = serde_json::to_string(&ids).expect("ids serialise");
    let mut rows = stmt.query(rusqlite::params![
        ids_json,
        scope.category,
        scope.topic,
        scope.stances_only
    ])?;
    let long = out.is_keyed();
    let columns: Vec<Column> = if long {
        LONG_COLUMNS.to_vec()
    } else {
        let mut columns = vec![Column::new("topic"), Column::new("category")];
        columns.extend(subjects.iter().map(|s| Column::named(s.name.clone())));
        if !scope.stances_only {
            columns.push(Column::new("verdict"));
        }
        columns
    };
    let mut w = out.rows(&columns)?;
    let mut topics = 0;
    let mut current: Option<TopicRow> = None;
    let flush = |w: &mut dyn Rows, row: TopicRow| -> Result<()> {
        if long {
            return write_long(w, subjects, row);
        }
        let mut cells = vec![Cell::from(row.topic), Cell::from(row.category)];
        cells.extend(row.cells.iter().map(CellClaims::cell));
        if !scope.stances_only {
            let verdicts: Vec<String> = row.verdicts.iter().map(Verdict::text).collect();
            cells.push(Cell::from(verdicts.join("; ")));
        }
        w.row(&cells)
    };
    while let Some(r) = rows.next()? {
        let topic: String = r.get(0)?;
        if current.as_ref().is_none_or(|t| t.topic != topic) {
            if let Some(row) = current.take() {
                flush(&mut *w, row)?;
            }
            topics += 1;
            current = Some(TopicRow {
                topic,
                category: r.get(1)?,
                cells: subjects.iter().map(|_| CellClaims::default()).collect(),
                verdicts: Vec::new(),
            });
        }
        add_claim(current.as_mut().expect("set above"), r, subjects)?;
    }
    if let Some(row) = current.take() {
        flush(&mut *w, row)?;
    }
    w.finish()?;
    Ok(topics)
}

/// Adds one claim (a row of the matrix query) to its topic: a verdict, or a label
/// and a long-format group in its subject's cell.
fn add_claim(row: &mut TopicRow, r: &rusqlite::Row, subjects: &[Named]) -> Result<()> {
    let name_of = |id: i64| subjects.iter().find(|s| s.id == id).map(|s| s.name.clone());
    let subject_id: i64 = r.get(2)?;
    let stance: Option<String> = r.get(3)?;
    let kind: String = r.get(4)?;
    let source: String = r.get(5)?;
    let (line_start, line_end): (i64, i64) = (r.get(6)?, r.get(7)?);
    if kind == Kind::Comparison.as_str() {
        row.verdicts.push(Verdict {
            subject: name_of(subject_id).unwrap_or_default(),
            versus: r.get::<_, Option<i64>>(10)?.and_then(name_of),
            depends: stance.as_deref() == Some(Stance::Depends.as_str()),
            value: r.get(11)?,
            claim_id: r.get(8)?,
            source,
            line_start,
            line_end,
            quote: r.get(9)?,
        });
        return Ok(());
    }
    let column = subjects
        .iter()
        .position(|s| s.id == subject_id)
        .expect("filtered by id");
    let cell = &mut row.cells[column];
    let first = First {
        claim_id: r.get(8)?,
        citation: cite(&source, line_start, line_end),
        source,
        line_start,
        line_end,
        quote: r.get(9)?,
    };
    // Stances sort before kinds, in the order builtin, extension, limited, lacks.
    let stance = stance
        .as_deref()
        .map(str::parse::<Stance>)
        .and_then(|s| s.ok());
    let label = match stance {
        Some(s) => {
            cell.stances.insert(s);
            (s as u8, s.as_str().to_string())
        }
        None => (10, kind.clone()),
    };
    let entry =
        cell.labels
            .entry(label)
            .or_insert((0, first.citation.clone(), first.quote.clone()));
    entry.0 += 1;
    let group = cell.groups.entry((kind, stance)).or_insert((0, first));
    group.0 += 1;
    Ok(())
}

/// The long-format rows of one topic.
fn write_long(w: &mut dyn Rows, subjects: &[Named], row: TopicRow) -> Result<()> {
    for (subject, cell) in subjects.iter().zip(&row.cells) {
        let conflicting = i64::from(crate::answers::which::conflicting(&cell.stances));
        for ((kind, stance), (count, first)) in &cell.groups {
            w.row(&[
                Cell::from(row.topic.as_str()),
                Cell::from(row.category.as_str()),
                Cell::from(subject.name.as_str()),
                Cell::Null,
                Cell::from(kind.as_str()),
                Cell::from(stance.map(Stance::as_str)),
                Cell::Null,
                Cell::Int(*count as i64),
                Cell::Int(conflicting),
                Cell::Int(first.claim_id),
                Cell::from(first.source.as_str()),
                Cell::Int(first.line_start),
                Cell::Int(first.line_end),
                Cell::from(first.quote.as_str()),
            ])?;
        }
    }
    for v in &row.verdicts {
        w.row(&[
            Cell::from(row.topic.as_str()),
            Cell::from(row.category.as_str()),
            Cell::from(v.subject.as_str()),
            Cell::from(v.versus.as_deref()),
            Cell::from(Kind::Comparison.as_str()),
            Cell::from(v.depends.then_some(Stance::Depends.as_str())),
            Cell::from(v.value.as_deref()),
            Cell::Int(1),
            Cell::Int(0),
            Cell::Int(v.claim_id),
            Cell::from(v.source.as_str()),
            Cell::Int(v.line_start),
            Cell::Int(v.line_end),
            Cell::from(v.quote.as_str()),
        ])?;
    }
    Ok(())
}

/// The first claim of a group: its citation.
struct First {
    claim_id: i64,
    citation: String,
    source: String,
    line_start: i64,
    line_end: i64,
    quote: String,
}

/// `compare SUBJECT SUBJECT... [--on CATEGORY]`: the subjects (names or aliases)
/// side by side, narrowed to a category or topic.
pub fn compare(
    conn: &Connection,
    out: &mut dyn Sink,
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
            "{n} topic{} with a claim on {}. Cells: stance or kind (first citation, +N more claims); verdicts: what the articles say between them.",
            if n == 1 { "" } else { "s" },
            names.join(" or ")
        ))?;
    }
    Ok(())
}
