//! `claimdb import CLAIMS --source ARTICLE`: add an article and the claims written
//! from it. Every row is checked before anything is written, every problem is
//! reported at once, and the whole import is one transaction: it lands complete or
//! not at all, also when the process is killed part-way.

use std::fs;
use std::path::Path;

use rusqlite::{OptionalExtension, TransactionBehavior};

use crate::cli::ImportArgs;
use crate::db::Db;
use crate::error::{Error, ErrorKind, Result};
use crate::ingest::{self, ClaimRecord, Located, NewSource};
use crate::progress::Progress;

fn read_text(path: &Path, what: &str) -> Result<String> {
    let bytes = fs::read(path).map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("cannot read the {what} {}: {e}", path.display()),
        )
    })?;
    String::from_utf8(bytes).map_err(|e| {
        Error::data(format!(
            "the {what} {} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })
}

/// The claims file as records: JSON when it ends in .json or starts with `[`,
/// otherwise CSV with a header row.
fn read_claims(path: &Path) -> Result<Vec<Located<ClaimRecord>>> {
    let text = read_text(path, "claims file")?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        || text.trim_start().starts_with('[');
    let parsed = if is_json {
        ingest::read_json_claims(text)
    } else {
        ingest::read_csv(text)
    };
    let records = parsed.map_err(|p| ingest::problems_error(&path.display().to_string(), &p))?;
    if records.is_empty() {
        return Err(Error::data(format!("{} holds no claims", path.display())));
    }
    Ok(records)
}

/// "Some Article.txt" -> "some-article".
fn slug_of(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let mut slug = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

pub fn run(db: &mut Db, args: &ImportArgs) -> Result<()> {
    let records = read_claims(&args.claims)?;
    let body = read_text(&args.source, "article")?;
    let slug = match &args.slug {
        Some(s) => s.clone(),
        None => slug_of(&args.source),
    };
    if slug.is_empty()
        || slug
            .chars()
            .any(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
    {
        return Err(Error::usage(format!("'{slug}' cannot be a source slug"))
            .with_hint("give --slug with lower-case letters, digits and hyphens"));
    }
    let title = match &args.title {
        Some(t) => t.clone(),
        None => body
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or(&slug)
            .chars()
            .take(200)
            .collect(),
    };
    let claims_label = args.claims.display().to_string();

    let tx = db
        .conn
        .transaction_with_behavior(TransactionBehavior::Immediate)?;
    let existing: Option<(String, bool)> = tx
        .query_row(
            "SELECT slug, is_seed FROM sources WHERE slug = ?1 OR sha256 = ?2 LIMIT 1",
            [&slug, &ingest::sha256_hex(&body)],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((existing, is_seed)) = &existing {
        if *is_seed {
            return Err(Error::data(format!(
                "'{existing}' is the article shipped with claimdb; it cannot be replaced by an import"
            ))
            .with_hint("import it under another --slug"));
        }
        if !args.replace {
            return Err(
                Error::data(format!("this article is already imported as '{existing}'"))
                    .with_hint("add --replace to replace it and its claims"),
            );
        }
        tx.execute("DELETE FROM sources WHERE slug = ?1", [existing])?;
    }
    let declared = ingest::declare_new_names(&tx, &records)?;
    let mut progress = Progress::new("importing", records.len());
    let count = ingest::insert_source(
        &tx,
        &NewSource {
            slug: &slug,
            title: &title,
            url: args.url.as_deref(),
            body: &body,
            is_seed: false,
        },
        &records,
        &mut |n| progress.tick(n),
    )
    .map_err(|p| ingest::problems_error(&claims_label, &p))?;
    drop(progress);

    let mut summary = format!("{count} claims from '{slug}'");
    if !declared.subjects.is_empty() {
        summary.push_str(&format!("; new subjects: {}", declared.subjects.join(", ")));
    }
    if !declared.topics.is_empty() {
        summary.push_str(&format!("; new topics: {}", declared.topics.join(", ")));
    }
    if args.dry_run {
        tx.rollback()?;
        eprintln!("claimdb: dry run, nothing written: the import would add {summary}");
        return Ok(());
    }
    tx.commit()?;
    let verb = if existing.is_some() {
        "replaced"
    } else {
        "imported"
    };
    eprintln!("claimdb: {verb} {summary}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_come_from_the_file_name() {
        assert_eq!(
            slug_of(Path::new("/x/FastAPI vs Flask.txt")),
            "fastapi-vs-flask"
        );
        assert_eq!(slug_of(Path::new("a__b--c.md")), "a-b-c");
        assert_eq!(slug_of(Path::new("___.txt")), "");
    }
}
