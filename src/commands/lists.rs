//! The article's lists and the general claim filter: `claims`, `companies`,
//! `limitations`, `pros`, `cons`, `use-cases`. All are one parameterised query
//! (src/query.rs) with a different filter and columns. The lists show one row per
//! item by default, the article's own list items first; `--all` every claim.

use crate::catalog;
use crate::cli::{ClaimsArgs, CompaniesArgs, ListArgs};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::model::Kind;
use crate::names::{closest, did_you_mean};
use crate::output::Output;
use crate::query::{self, ClaimFilter, Distinct, Field};
use crate::rows::Column;

fn subject_ids(db: &Db, names: &[String]) -> Result<Vec<i64>> {
    names
        .iter()
        .map(|n| catalog::resolve_subject(&db.conn, n).map(|s| s.id))
        .collect()
}

/// Writes the claims and, in the human formats, a note when there are none.
fn write(
    db: &Db,
    out: &mut Output,
    filter: &ClaimFilter,
    layout: &[(Field, Column)],
    what: &str,
) -> Result<()> {
    let n = query::write_claims(&db.conn, out, filter, layout)?;
    if n == 0 && out.is_human() {
        out.note(&format!("No {what} match."))?;
    }
    Ok(())
}

pub fn claims(db: &Db, out: &mut Output, args: &ClaimsArgs) -> Result<()> {
    let conn = &db.conn;
    let source = match &args.source {
        Some(slug) => Some(resolve_source(db, slug)?),
        None => None,
    };
    let words = args.text.iter().flat_map(|t| t.split_whitespace()).count();
    crate::query::bound_words(words, "claims --text")?;
    let filter = ClaimFilter {
        subjects: subject_ids(db, &args.subject)?,
        kinds: args.kind.clone(),
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
    write(db, out, &filter, query::CLAIM_COLUMNS, "claims")
}

pub fn companies(db: &Db, out: &mut Output, args: &CompaniesArgs) -> Result<()> {
    let mut subjects = subject_ids(db, &args.subject)?;
    if args.shared && subjects.is_empty() {
        subjects = query::all_subject_ids(&db.conn)?;
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
    write(db, out, &filter, query::COMPANY_COLUMNS, "companies")
}

/// `limitations`, `pros`, `cons`, `use-cases`.
pub fn list(db: &Db, out: &mut Output, kind: Kind, args: &ListArgs) -> Result<()> {
    let filter = ClaimFilter {
        subjects: subject_ids(db, &args.subject)?,
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
    write(db, out, &filter, query::LIST_COLUMNS, what)
}

/// A source slug that exists, or a usage error naming the closest ones.
pub fn resolve_source(db: &Db, slug: &str) -> Result<String> {
    let mut stmt = db
        .conn
        .prepare_cached("SELECT slug FROM sources ORDER BY slug")?;
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
