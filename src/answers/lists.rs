//! The article's lists and the general claim filter (`claims`, `companies`,
//! `limitations`, `pros`, `cons`, `use-cases`, their reports, and `ask`'s list
//! questions). All are one parameterised query (src/query.rs) with a different
//! filter and columns. The lists show one row per item by default, the article's
//! own list items first; `all` gives every claim.

use rusqlite::Connection;

use crate::catalog;
use crate::error::{Error, Result};
use crate::model::{Kind, Stance};
use crate::names::{closest, did_you_mean};
use crate::query::{self, ClaimFilter, Distinct, Field};
use crate::rows::{Column, Sink};

/// `claims`: every filter optional; names are resolved (aliases, typos suggested).
#[derive(Debug, Clone, Default)]
pub struct ClaimsRequest {
    pub subjects: Vec<String>,
    pub kinds: Vec<Kind>,
    pub topic: Option<String>,
    pub category: Option<String>,
    pub stance: Option<Stance>,
    /// A source's slug.
    pub source: Option<String>,
    /// Words each claim's statement or quote must contain.
    pub text: Option<String>,
}

/// One of the article's lists: `limitations`, `pros`, `cons`, `use-cases`.
#[derive(Debug, Clone)]
pub struct ListRequest {
    pub kind: Kind,
    pub subjects: Vec<String>,
    /// Every claim, not one row per item.
    pub all: bool,
}

/// `companies`: who uses the subjects.
#[derive(Debug, Clone, Default)]
pub struct CompaniesRequest {
    pub subjects: Vec<String>,
    /// Only companies named for every subject (every subject when none is given).
    pub shared: bool,
    /// Every claim naming a company, not each company once per subject.
    pub all: bool,
}

fn subject_ids(conn: &Connection, names: &[String]) -> Result<Vec<i64>> {
    names
        .iter()
        .map(|n| catalog::resolve_subject(conn, n).map(|s| s.id))
        .collect()
}

/// Writes the claims and, when there are none, a note saying so (on stderr in the
/// machine formats, so that `[]` is never the whole answer).
fn write(
    conn: &Connection,
    out: &mut dyn Sink,
    filter: &ClaimFilter,
    layout: &[(Field, Column)],
    what: &str,
) -> Result<()> {
    let n = query::write_claims(conn, out, filter, layout)?;
    if n == 0 {
        out.note(&format!(
            "No {what} match: no claim in the knowledge base says one."
        ))?;
    }
    Ok(())
}

pub fn claims(conn: &Connection, out: &mut dyn Sink, args: &ClaimsRequest) -> Result<()> {
    let source = match &args.source {
        Some(slug) => Some(resolve_source(conn, slug)?),
        None => None,
    };
    let words = args.text.iter().flat_map(|t| t.split_whitespace()).count();
    crate::query::bound_words(words, "claims --text")?;
    let filter = ClaimFilter {
        subjects: subject_ids(conn, &args.subjects)?,
        kinds: args.kinds.clone(),
        topic: match &args.topic {
            Some(t) => Some(catalog::resolve_topic(conn, t)?.id),
            None => None,
        },
        category: match &args.category {
            Some(c) => Some(catalog::resolve_category(conn, c)?),
            None => None,
        },
        stance: args.stance,
        source,
        words: args
            .text
            .iter()
            .flat_map(|t| t.split_whitespace())
            .map(String::from)
            .collect(),
        ..ClaimFilter::default()
    };
    write(conn, out, &filter, query::CLAIM_COLUMNS, "claims")
}

pub fn companies(conn: &Connection, out: &mut dyn Sink, args: &CompaniesRequest) -> Result<()> {
    let mut subjects = subject_ids(conn, &args.subjects)?;
    if args.shared && subjects.is_empty() {
        subjects = query::all_subject_ids(conn)?;
    }
    if args.shared && subjects.len() < 2 {
        return Err(Error::usage("--shared compares two or more subjects")
            .with_hint("name them: --shared -s django -s flask"));
    }
    let filter = ClaimFilter {
        subjects,
        kinds: vec![Kind::Company],
        shared_companies: args.shared,
        distinct: (!args.all).then(|| Distinct::of(Kind::Company)),
        ..ClaimFilter::default()
    };
    write(conn, out, &filter, query::COMPANY_COLUMNS, "companies")
}

/// `limitations`, `pros`, `cons`, `use-cases`.
pub fn list(conn: &Connection, out: &mut dyn Sink, args: &ListRequest) -> Result<()> {
    let kind = args.kind;
    let filter = ClaimFilter {
        subjects: subject_ids(conn, &args.subjects)?,
        kinds: vec![kind],
        distinct: (!args.all).then(|| Distinct::of(kind)),
        ..ClaimFilter::default()
    };
    let what = match kind {
        Kind::Limitation => "limitations",
        Kind::Pro => "pros",
        Kind::Con => "cons",
        Kind::UseCase => "use cases",
        _ => "claims",
    };
    write(conn, out, &filter, query::LIST_COLUMNS, what)
}

/// A source slug that exists, or a usage error naming the closest ones.
pub fn resolve_source(conn: &Connection, slug: &str) -> Result<String> {
    let mut stmt = conn.prepare_cached("SELECT slug FROM sources ORDER BY slug")?;
    let slugs: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if slugs.iter().any(|s| s == slug) {
        return Ok(slug.to_string());
    }
    let hint = did_you_mean(&closest(slug, slugs.iter().map(String::as_str)))
        .unwrap_or_else(|| "`claimdb sources` lists them".to_string());
    Err(Error::usage(format!("no source '{slug}'")).with_hint(hint))
}
