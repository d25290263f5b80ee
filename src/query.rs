//! Parameterised claim queries shared by the listing commands. Filters are bound
//! parameters, never text pasted into SQL. Rows are streamed to the output as they
//! come from SQLite, so listing a million claims holds one row at a time.

use std::collections::HashSet;

use rusqlite::{Connection, ToSql};

use crate::error::Result;
use crate::model::{Kind, Stance};
use crate::rows::{Cell, Column, Sink};
use crate::text::english;

mod names;

use names::ById;
pub(crate) use names::Names;

/// Which claims to list. Every field narrows the result; an empty filter lists all.
#[derive(Debug, Default, Clone)]
pub struct ClaimFilter {
    pub claim_id: Option<i64>,
    pub subjects: Vec<i64>,
    pub kinds: Vec<Kind>,
    pub topic: Option<i64>,
    pub category: Option<String>,
    pub stance: Option<Stance>,
    pub source: Option<String>,
    /// Words that must all appear in the statement or the quote (case and
    /// typographic apostrophes ignored).
    pub words: Vec<String>,
    /// Only company claims whose company is named for every subject in `subjects`.
    pub shared_companies: bool,
    /// One row per distinct item (see [`Distinct`]) instead of every claim.
    pub distinct: Option<Distinct>,
    /// Claims on any of these topics (beside `topic`, which must hold too).
    pub topics: Vec<i64>,
    /// Claims with any of these stances (beside `stance`, which must hold too).
    pub stances: Vec<Stance>,
    /// Text that must stand in the value, statement or quote (`ask` finds a
    /// company's claims by its name); case is ignored.
    pub anywhere: Option<String>,
    /// Words that must all stand in the statement or quote, by the full-text index
    /// (each an FTS5 string, so no word is read as query syntax); a word ending in
    /// `*` is a stem that any word it starts matches ("replicat*").
    pub fts_words: Vec<String>,
}

/// How a list shows one row per distinct item: the claims that are items of the
/// article's own list of this kind (marked `listed`, in a section whose heading, or
/// an enclosing one, has one of `home_words`) come first, one row per item (line);
/// then every other claim, one row per topic not shown yet (per company name for
/// companies).
#[derive(Debug, Clone, Copy)]
pub struct Distinct {
    pub home_words: &'static [&'static str],
    pub by_value: bool,
}

impl Distinct {
    /// The list of the article `kind`'s claims are items of, by the words its
    /// heading uses ("Django: Pros and Cons", "Limitations of Flask").
    pub fn of(kind: Kind) -> Distinct {
        // The heading words draft reads lists by: one vocabulary for both.
        let home_words: &'static [&'static str] = match kind {
            Kind::Pro => english::HEADING_PROS.all(),
            Kind::Con => english::HEADING_CONS.all(),
            Kind::Limitation => english::HEADING_LIMITATIONS.all(),
            Kind::UseCase => english::HEADING_USE_CASES.all(),
            Kind::Company => english::HEADING_COMPANIES.all(),
            _ => &[],
        };
        Distinct {
            home_words,
            by_value: kind == Kind::Company,
        }
    }
}

/// A column of a claim listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    ClaimId,
    Subject,
    Kind,
    Topic,
    Category,
    Stance,
    Value,
    Statement,
    Quote,
    Source,
    LineStart,
    LineEnd,
    /// "source:line" for people.
    Cite,
    /// Comparisons: the subject compared with.
    Versus,
    /// 1 when the claim is one item of the article's own list.
    Listed,
    /// The heading of the section the claim stands in.
    Section,
}

/// A name that must exist (the schema's foreign keys guarantee it).
fn named<'n>(map: &'n ById<String>, id: &i64) -> Cell<'n> {
    map.get(id).map_or(Cell::Null, |n| Cell::from(n.as_str()))
}

impl Field {
    /// The cell of this field for one row of `claim_query`.
    fn cell<'r>(self, row: &'r rusqlite::Row, names: &'r Names) -> rusqlite::Result<Cell<'r>> {
        let id = |i: usize| row.get::<_, i64>(i);
        Ok(match self {
            Field::ClaimId => Cell::from(row.get_ref(0)?),
            Field::Subject => named(&names.subjects, &id(1)?),
            Field::Kind => Cell::from(row.get_ref(2)?),
            Field::Topic => names
                .topics
                .get(&id(3)?)
                .map_or(Cell::Null, |t| Cell::from(t.0.as_str())),
            Field::Category => names
                .topics
                .get(&id(3)?)
                .map_or(Cell::Null, |t| Cell::from(t.1.as_str())),
            Field::Stance => Cell::from(row.get_ref(4)?),
            Field::Value => Cell::from(row.get_ref(5)?),
            Field::Statement => Cell::from(row.get_ref(6)?),
            Field::Quote => Cell::from(row.get_ref(7)?),
            Field::Source => named(&names.sources, &id(8)?),
            Field::LineStart => Cell::from(row.get_ref(9)?),
            Field::LineEnd => Cell::from(row.get_ref(10)?),
            Field::Cite => {
                let source = names.sources.get(&id(8)?).map_or("", String::as_str);
                Cell::from(cite(source, row.get(9)?, row.get(10)?))
            }
            Field::Versus => match row.get::<_, Option<i64>>(11)? {
                Some(id) => named(&names.subjects, &id),
                None => Cell::Null,
            },
            Field::Listed => Cell::from(row.get_ref(12)?),
            Field::Section => Cell::from(row.get_ref(13)?),
        })
    }
}

/// The columns of `claims`: every key a claim has. People see the quote and a
/// compact citation; scripts get the separate citation keys and the statement.
/// The most words a search (`search`, `claims --text`) takes: each word is one
/// more condition on every claim, and thousands of them made a command run for
/// tens of seconds or exceed SQLite's expression limit.
pub const MAX_WORDS: usize = 64;

/// Refuses more than [`MAX_WORDS`] words (exit 2): the input's fault, never a
/// long wait or a database error.
pub fn bound_words(count: usize, what: &str) -> Result<()> {
    if count > MAX_WORDS {
        return Err(crate::error::Error::usage(format!(
            "{what} takes at most {MAX_WORDS} words; {count} were given"
        ))
        .with_hint("keep the few words that matter"));
    }
    Ok(())
}

pub const CLAIM_COLUMNS: &[(Field, Column)] = &[
    (Field::ClaimId, Column::new("claim_id")),
    (Field::Subject, Column::new("subject")),
    (Field::Kind, Column::new("kind")),
    (Field::Topic, Column::new("topic")),
    (Field::Category, Column::machine("category")),
    (Field::Stance, Column::new("stance")),
    (Field::Value, Column::new("value")),
    (Field::Versus, Column::new("versus")),
    (Field::Listed, Column::machine("listed")),
    (Field::Statement, Column::machine("statement")),
    (Field::Source, Column::machine("source")),
    (Field::LineStart, Column::machine("line_start")),
    (Field::LineEnd, Column::machine("line_end")),
    (Field::Section, Column::machine("section")),
    (Field::Cite, Column::human("cite")),
    (Field::Quote, Column::new("quote")),
];

/// `limitations`, `pros`, `cons`, `use-cases`.
pub const LIST_COLUMNS: &[(Field, Column)] = &[
    (Field::ClaimId, Column::new("claim_id")),
    (Field::Subject, Column::new("subject")),
    (Field::Kind, Column::machine("kind")),
    (Field::Topic, Column::new("topic")),
    (Field::Stance, Column::machine("stance")),
    (Field::Listed, Column::machine("listed")),
    (Field::Statement, Column::machine("statement")),
    (Field::Source, Column::machine("source")),
    (Field::LineStart, Column::machine("line_start")),
    (Field::LineEnd, Column::machine("line_end")),
    (Field::Section, Column::new("section")),
    (Field::Cite, Column::human("cite")),
    (Field::Quote, Column::new("quote")),
];

/// `report comparisons`: the favoured subject, the other one and the verdict.
pub const COMPARISON_COLUMNS: &[(Field, Column)] = &[
    (Field::ClaimId, Column::new("claim_id")),
    (Field::Topic, Column::new("topic")),
    (Field::Subject, Column::new("subject")),
    (Field::Versus, Column::new("versus")),
    (Field::Stance, Column::new("stance")),
    (Field::Value, Column::new("value")),
    (Field::Kind, Column::machine("kind")),
    (Field::Statement, Column::machine("statement")),
    (Field::Source, Column::machine("source")),
    (Field::LineStart, Column::machine("line_start")),
    (Field::LineEnd, Column::machine("line_end")),
    (Field::Section, Column::machine("section")),
    (Field::Cite, Column::human("cite")),
    (Field::Quote, Column::new("quote")),
];

/// `companies`: the company's name first.
pub const COMPANY_COLUMNS: &[(Field, Column)] = &[
    (Field::ClaimId, Column::new("claim_id")),
    (Field::Value, Column::new("company")),
    (Field::Subject, Column::new("subject")),
    (Field::Kind, Column::machine("kind")),
    (Field::Topic, Column::machine("topic")),
    (Field::Stance, Column::machine("stance")),
    (Field::Listed, Column::machine("listed")),
    (Field::Statement, Column::new("statement")),
    (Field::Source, Column::machine("source")),
    (Field::LineStart, Column::machine("line_start")),
    (Field::LineEnd, Column::machine("line_end")),
    (Field::Section, Column::new("section")),
    (Field::Cite, Column::human("cite")),
    (Field::Quote, Column::new("quote")),
];

/// "django-vs-flask:132" or "django-vs-flask:132-133".
pub fn cite(source: &str, start: i64, end: i64) -> String {
    if start == end {
        format!("{source}:{start}")
    } else {
        format!("{source}:{start}-{end}")
    }
}

/// Lowers text the way the `--text` filter's SQL lowers the claims. Not the name
/// fold (`text::fold`): SQLite's lower() folds ASCII only and the SQL maps only the
/// typographic apostrophes, so the needle must be changed exactly that much.
fn fold_text(s: &str) -> String {
    s.to_ascii_lowercase()
        .replace(['\u{2018}', '\u{2019}'], "'")
}

/// Binds one value into a clause's `?` (see `claim_query`).
type Bind<'a> = dyn FnMut(&mut String, &str, Box<dyn ToSql>) + 'a;

/// ` AND column IN (?, ?, ...)` with `values` bound; nothing when there are none.
fn any_of(sql: &mut String, bind: &mut Bind, column: &str, values: Vec<Box<dyn ToSql>>) {
    if values.is_empty() {
        return;
    }
    sql.push_str(&format!(" AND {column} IN ("));
    for (i, value) in values.into_iter().enumerate() {
        bind(sql, if i == 0 { "?" } else { ", ?" }, value);
    }
    sql.push(')');
}

/// The conditions `ask` narrows claims by besides the listing commands' own: any
/// of several topics or stances, text anywhere in the claim, words by the
/// full-text index.
fn narrow_further(filter: &ClaimFilter, sql: &mut String, bind: &mut Bind) {
    let topics = filter.topics.iter().map(|id| Box::new(*id) as _);
    any_of(sql, bind, "c.topic_id", topics.collect());
    let stances = filter.stances.iter().map(|s| Box::new(s.as_str()) as _);
    any_of(sql, bind, "c.stance", stances.collect());
    if let Some(text) = &filter.anywhere {
        // A NULL value makes the whole text NULL: such claims never match.
        bind(
            sql,
            " AND instr(lower(c.value || ' ' || c.statement || ' ' || c.quote), ?) > 0",
            Box::new(text.to_lowercase()),
        );
    }
    if !filter.fts_words.is_empty() {
        let query: Vec<String> = filter
            .fts_words
            .iter()
            .map(|w| match w.strip_suffix('*') {
                Some(stem) => format!("\"{}\"*", stem.replace('"', "")),
                None => format!("\"{}\"", w.replace('"', "")),
            })
            .collect();
        bind(
            sql,
            " AND c.claim_id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)",
            Box::new(query.join(" AND ")),
        );
    }
}

/// The SQL and bound parameters for `filter`. Its columns, by name: claim_id,
/// subject_id, kind, topic_id, stance, value, statement, quote, source_id,
/// line_start, line_end, versus_id, listed, heading, home.
pub fn claim_query(filter: &ClaimFilter) -> (String, Vec<Box<dyn ToSql>>) {
    // Names come from the small catalogues held in memory (`Names`), so the claims
    // table is read alone; subjects are joined only to order a list by their name.
    let by_name = !filter.shared_companies
        && filter.claim_id.is_none()
        && (filter.subjects.len() > 1 || (filter.subjects.is_empty() && !filter.kinds.is_empty()));
    let mut sql = String::from(
        "SELECT c.claim_id, c.subject_id, c.kind, c.topic_id, c.stance, c.value,
                c.statement, c.quote, c.source_id, c.line_start, c.line_end,
                c.versus_id, c.listed, sec.heading, ",
    );
    let mut params: Vec<Box<dyn ToSql>> = Vec::new();
    let mut bind = |sql: &mut String, clause: &str, value: Box<dyn ToSql>| {
        params.push(value);
        sql.push_str(&clause.replace('?', &format!("?{}", params.len())));
    };
    // Whether a listed claim stands in the article's own list of its kind: a
    // section, or one enclosing it, whose heading has one of the list's words.
    match filter.distinct.filter(|d| !d.home_words.is_empty()) {
        Some(distinct) => {
            sql.push_str(
                "c.listed AND EXISTS (SELECT 1 FROM sections p
                    WHERE p.source_id = c.source_id
                      AND p.line_start <= c.line_start AND p.line_end >= c.line_start
                      AND (0",
            );
            for word in distinct.home_words {
                bind(
                    &mut sql,
                    " OR instr(lower(p.heading), ?) > 0",
                    Box::new(*word),
                );
            }
            sql.push_str(")) AS home");
        }
        None => sql.push_str("0 AS home"),
    }
    sql.push_str(" FROM claims c LEFT JOIN sections sec ON sec.section_id = c.section_id");
    if by_name || filter.shared_companies {
        sql.push_str(" JOIN subjects s ON s.subject_id = c.subject_id");
    }
    sql.push_str(" WHERE 1");
    if let Some(id) = filter.claim_id {
        bind(&mut sql, " AND c.claim_id = ?", Box::new(id));
    }
    if !filter.shared_companies {
        let ids = filter.subjects.iter().map(|id| Box::new(*id) as _);
        any_of(&mut sql, &mut bind, "c.subject_id", ids.collect());
    }
    // Every kind listed (`ask` ranks by them) narrows nothing: the table's CHECK,
    // which the schema check holds to, admits only these. Left out, the query needs
    // no IN list of eight, which SQLite answers through a temporary b-tree with a
    // page cache of its own (87 KB of fresh memory for one list).
    let every_kind = Kind::ALL.iter().all(|k| filter.kinds.contains(k));
    if !every_kind {
        let kinds = filter.kinds.iter().map(|k| Box::new(k.as_str()) as _);
        any_of(&mut sql, &mut bind, "c.kind", kinds.collect());
    }
    if let Some(topic) = filter.topic {
        bind(&mut sql, " AND c.topic_id = ?", Box::new(topic));
    }
    if let Some(category) = &filter.category {
        bind(
            &mut sql,
            " AND c.topic_id IN (SELECT topic_id FROM topics WHERE category = ?)",
            Box::new(category.clone()),
        );
    }
    if let Some(stance) = filter.stance {
        bind(&mut sql, " AND c.stance = ?", Box::new(stance.as_str()));
    }
    narrow_further(filter, &mut sql, &mut bind);
    if let Some(source) = &filter.source {
        bind(
            &mut sql,
            " AND c.source_id IN (SELECT source_id FROM sources WHERE slug = ?)",
            Box::new(source.clone()),
        );
    }
    for word in &filter.words {
        bind(
            &mut sql,
            " AND instr(replace(replace(lower(c.statement || char(10) || c.quote),
                              char(8217), ''''), char(8216), ''''), ?) > 0",
            Box::new(fold_text(word)),
        );
    }
    if filter.shared_companies {
        // Companies named for every wanted subject (all subjects when none given).
        sql.push_str(" AND c.kind = 'company' AND c.subject_id IN (SELECT value FROM json_each(?");
        let ids: Vec<i64> = filter.subjects.clone();
        params.push(Box::new(
            serde_json::to_string(&ids).expect("ids serialise"),
        ));
        sql.push_str(&format!(
            "{}))
             AND lower(c.value) IN (
                SELECT lower(value) FROM claims
                WHERE kind = 'company' AND subject_id IN (SELECT value FROM json_each(?{}))
                GROUP BY lower(value)
                HAVING count(DISTINCT subject_id) = (SELECT count(*) FROM json_each(?{})))",
            params.len(),
            params.len(),
            params.len()
        ));
    }
    sql.push_str(" ORDER BY ");
    if filter.shared_companies {
        sql.push_str("lower(c.value), s.name, ");
    } else if by_name {
        sql.push_str("s.name, ");
    }
    if filter.distinct.is_some() {
        sql.push_str("c.subject_id, home DESC, c.listed DESC, c.source_id, c.line_start, ");
    }
    sql.push_str("c.claim_id");
    (sql, params)
}

/// [`claim_query`] for a reader that does not read the heading (`ask` ranks the
/// claims before it writes any): the column is NULL and sections are not joined. A
/// LEFT JOIN on the sections' key adds and drops no row, and planning it was a
/// third of the query's prepare.
pub fn claim_query_without_heading(filter: &ClaimFilter) -> (String, Vec<Box<dyn ToSql>>) {
    let (sql, params) = claim_query(filter);
    let sql = sql.replacen("sec.heading", "NULL", 1).replacen(
        " LEFT JOIN sections sec ON sec.section_id = c.section_id",
        "",
        1,
    );
    (sql, params)
}

/// Streams the claims matching `filter` to `out` with the given columns; returns
/// how many were written.
pub fn write_claims(
    conn: &Connection,
    out: &mut dyn Sink,
    filter: &ClaimFilter,
    layout: &[(Field, Column)],
) -> Result<u64> {
    let (sql, params) = claim_query(filter);
    let names = Names::load(conn)?;
    let mut stmt = conn.prepare(&sql)?;
    let columns: Vec<Column> = layout.iter().map(|(_, c)| c.clone()).collect();
    // Columns this format does not show are not computed.
    let shown: Vec<bool> = columns.iter().map(|c| out.shows(c)).collect();
    let mut rows_out = out.rows(&columns)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
    // Distinct lists: the items shown so far, by (subject, source, line) for the
    // article's own list items and by (subject, topic or company) for the rest.
    let mut items: HashSet<(i64, i64, i64)> = HashSet::new();
    let mut ideas: HashSet<(i64, String)> = HashSet::new();
    while let Some(row) = rows.next()? {
        if let Some(distinct) = filter.distinct {
            let subject: i64 = row.get(1)?;
            let idea = if distinct.by_value {
                row.get::<_, Option<String>>(5)?
                    .unwrap_or_default()
                    .to_lowercase()
            } else {
                row.get::<_, i64>(3)?.to_string()
            };
            let home: bool = row.get(14)?;
            let new = if home {
                let item = (subject, row.get(8)?, row.get(9)?);
                let new_item = items.insert(item);
                // Another claim of the same item is not a new row; a second item
                // on the same topic is.
                ideas.insert((subject, idea));
                new_item
            } else {
                ideas.insert((subject, idea))
            };
            if !new {
                continue;
            }
        }
        let mut cells: Vec<Cell> = Vec::with_capacity(layout.len());
        for ((field, _), shown) in layout.iter().zip(&shown) {
            cells.push(if *shown {
                field.cell(row, &names)?
            } else {
                Cell::Null
            });
        }
        rows_out.row(&cells)?;
    }
    rows_out.finish()
}

/// Streams every row of `sql` to `out`, one column of the query per column given.
pub fn write_rows(
    conn: &Connection,
    out: &mut dyn Sink,
    sql: &str,
    params: impl rusqlite::Params,
    columns: &[Column],
) -> Result<u64> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query(params)?;
    let mut w = out.rows(columns)?;
    while let Some(r) = rows.next()? {
        let cells: Vec<Cell> = (0..columns.len())
            .map(|i| r.get_ref(i).map(Cell::from))
            .collect::<rusqlite::Result<_>>()?;
        w.row(&cells)?;
    }
    w.finish()
}

/// Ids of every subject, for "both"/"all" questions.
pub fn all_subject_ids(conn: &Connection) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached("SELECT subject_id FROM subjects ORDER BY name")?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// Streams the claims with these ids, in the order given, with the given columns
/// (the rows of `claims`, picked and ordered by the caller, e.g. `ask`).
pub fn write_claim_ids(
    conn: &Connection,
    out: &mut dyn Sink,
    ids: &[i64],
    layout: &[(Field, Column)],
) -> Result<u64> {
    write_claim_rows(conn, out, ids, &[], layout)
}

/// [`write_claim_ids`], where `named[i]` (when given) shows the claim `ids[i]` for
/// another subject its statement names ("A, B and C lack it", a claim of A's, shown
/// for B): that subject in the subject column, and no stance, which is A's.
pub fn write_claim_rows(
    conn: &Connection,
    out: &mut dyn Sink,
    ids: &[i64],
    named: &[Option<String>],
    layout: &[(Field, Column)],
) -> Result<u64> {
    // The same columns as every listing, one claim at a time in the order of `ids`
    // through one statement: a join with the ids as a JSON table cost more to
    // prepare than an answer's few look-ups by key.
    let by_id = ClaimFilter {
        claim_id: Some(0),
        ..ClaimFilter::default()
    };
    let (sql, _) = claim_query(&by_id);
    let mut names = Names::none();
    let mut stmt = conn.prepare(&sql)?;
    let columns: Vec<Column> = layout.iter().map(|(_, c)| c.clone()).collect();
    let shown: Vec<bool> = columns.iter().map(|c| out.shows(c)).collect();
    let mut rows_out = out.rows(&columns)?;
    for (at, id) in ids.iter().enumerate() {
        let mut rows = stmt.query([id])?;
        // A claim that is gone is skipped.
        let Some(row) = rows.next()? else {
            continue;
        };
        let other = named.get(at).and_then(Option::as_deref);
        names.fill_for(conn, row)?;
        let mut cells: Vec<Cell> = Vec::with_capacity(layout.len());
        for ((field, _), shown) in layout.iter().zip(&shown) {
            cells.push(match (*shown, field, other) {
                (false, _, _) => Cell::Null,
                (true, Field::Subject, Some(name)) => Cell::from(name),
                (true, Field::Stance, Some(_)) => Cell::Null,
                (true, _, _) => field.cell(row, &names)?,
            });
        }
        rows_out.row(&cells)?;
    }
    rows_out.finish()
}
