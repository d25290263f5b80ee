//! `claimdb import CLAIMS --source ARTICLE` (or `--dir DIR`): add articles and the
//! claims written from them. Every row of every file is checked before anything is
//! committed, every problem is reported at once, and the whole import is one
//! transaction: it lands complete or not at all, also when the process is killed.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{OptionalExtension, TransactionBehavior};

use crate::cli::ImportArgs;
use crate::db::Db;
use crate::error::{Error, ErrorKind, Result};
use crate::ingest::{self, BulkLoad, ClaimRecord, Located, NewSource, Problem};
use crate::progress::Progress;

/// One article to import, read and parsed.
struct Job {
    claims_path: PathBuf,
    records: Vec<Located<ClaimRecord>>,
    /// `ingest::first_of_each_name(&records)`, found on the reading thread.
    names: Vec<usize>,
    body: String,
    sha256: String,
    slug: String,
    title: String,
    url: Option<String>,
}

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
fn read_claims(path: &Path) -> Result<Result<Vec<Located<ClaimRecord>>, Vec<Problem>>> {
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
    Ok(parsed.and_then(|records| {
        if records.is_empty() {
            Err(vec![Problem {
                line: 1,
                message: "the file holds no claims".to_string(),
                hint: None,
            }])
        } else {
            Ok(records)
        }
    }))
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

/// (claims file, article) pairs: the one given, or every pair in `--dir`.
fn pairs(args: &ImportArgs) -> Result<Vec<(PathBuf, PathBuf)>> {
    let Some(dir) = &args.dir else {
        let (Some(claims), Some(source)) = (&args.claims, &args.source) else {
            return Err(Error::usage(
                "give a claims file and --source ARTICLE, or --dir DIR",
            ));
        };
        return Ok(vec![(claims.clone(), source.clone())]);
    };
    let entries = fs::read_dir(dir).map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("cannot read the folder {}: {e}", dir.display()),
        )
    })?;
    let mut claims: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("json"))
        })
        .collect();
    claims.sort();
    if claims.is_empty() {
        return Err(Error::data(format!(
            "{} holds no .csv or .json claims files",
            dir.display()
        )));
    }
    claims
        .into_iter()
        .map(|c| {
            let article = ["txt", "md"]
                .iter()
                .map(|ext| c.with_extension(ext))
                .find(|a| a.is_file())
                .ok_or_else(|| {
                    Error::data(format!("no article for {}", c.display()))
                        .with_hint("put NAME.txt or NAME.md beside NAME.csv")
                })?;
            Ok((c, article))
        })
        .collect()
}

fn check_slug(slug: &str) -> Result<()> {
    let ok = !slug.is_empty()
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(Error::usage(format!("'{slug}' cannot be a source slug"))
            .with_hint("give --slug with lower-case letters, digits and hyphens"))
    }
}

/// Every file's problems as one data error.
fn problems_error(files: &[(String, Vec<Problem>)]) -> Error {
    let total: usize = files.iter().map(|(_, p)| p.len()).sum();
    let mut message = format!(
        "{total} problem{} found, nothing was written:",
        if total == 1 { "" } else { "s" }
    );
    for (file, problems) in files {
        for p in problems {
            message.push_str(&format!("\n  {file}:{}: {}", p.line, p.message));
            if let Some(hint) = &p.hint {
                message.push_str(&format!(" (hint: {hint})"));
            }
        }
    }
    Error::data(message)
}

fn some_names(names: &[String]) -> String {
    crate::names::some_of(names, 10)
}

/// Reads one article and its claims file.
fn read_job(args: &ImportArgs, claims_path: PathBuf, article: &Path) -> Result<JobOrProblems> {
    let body = read_text(article, "article")?;
    let slug = args.slug.clone().unwrap_or_else(|| slug_of(article));
    check_slug(&slug)?;
    let title = args.title.clone().unwrap_or_else(|| {
        let first = body.lines().map(str::trim).find(|l| !l.is_empty());
        first.unwrap_or(&slug).chars().take(200).collect()
    });
    Ok(match read_claims(&claims_path)? {
        Ok(records) => Ok(Job {
            claims_path,
            names: ingest::first_of_each_name(&records),
            records,
            sha256: ingest::sha256_hex(&body),
            body,
            slug,
            title,
            url: args.url.clone(),
        }),
        Err(p) => Err((claims_path.display().to_string(), p)),
    })
}

type JobOrProblems = std::result::Result<Job, (String, Vec<Problem>)>;

/// `read_job` for every pair, spread over the machine's cores, in order.
fn read_jobs(args: &ImportArgs, pairs: Vec<(PathBuf, PathBuf)>) -> Vec<Result<JobOrProblems>> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..workers.min(pairs.len()) {
            let (send, next, pairs) = (send.clone(), &next, &pairs);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some((claims, article)) = pairs.get(i) else {
                        break;
                    };
                    let _ = send.send((i, read_job(args, claims.clone(), article)));
                }
            });
        }
    });
    drop(send);
    let mut jobs: Vec<_> = receive.into_iter().collect();
    jobs.sort_by_key(|(i, _)| *i);
    jobs.into_iter().map(|(_, job)| job).collect()
}

pub fn run(db: &mut Db, args: &ImportArgs) -> Result<()> {
    let mut jobs = Vec::new();
    let mut problems: Vec<(String, Vec<Problem>)> = Vec::new();
    for job in read_jobs(args, pairs(args)?) {
        match job? {
            Ok(job) => jobs.push(job),
            Err(p) => problems.push(p),
        }
    }
    if !problems.is_empty() {
        return Err(problems_error(&problems));
    }
    // Two files of one batch may not be the same article (same slug or same text).
    for (i, job) in jobs.iter().enumerate() {
        if let Some(other) = jobs[..i]
            .iter()
            .find(|o| o.slug == job.slug || o.sha256 == job.sha256)
        {
            return Err(Error::data(format!(
                "{} and {} are the same article (same {})",
                other.claims_path.display(),
                job.claims_path.display(),
                if other.slug == job.slug {
                    "slug"
                } else {
                    "text"
                }
            ))
            .with_hint("import each article once"));
        }
    }
    let total: usize = jobs.iter().map(|j| j.records.len()).sum();

    // Every id the import writes comes from a lookup in this same transaction, so
    // SQLite's per-row foreign-key probes only cost time (a seventh of a 1M-claim
    // import). With them off, replacing an article deletes its claims explicitly.
    db.conn.pragma_update(None, "foreign_keys", false)?;
    let tx = db
        .conn
        .transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut replaced = 0;
    for job in &jobs {
        let existing: Option<(String, bool)> = tx
            .query_row(
                "SELECT slug, is_seed FROM sources WHERE slug = ?1 OR sha256 = ?2 LIMIT 1",
                [&job.slug, &job.sha256],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((existing, is_seed)) = existing else {
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
        if !args.replace {
            return Err(
                Error::data(format!("this article is already imported as '{existing}'"))
                    .with_hint("add --replace to replace it and its claims"),
            );
        }
        tx.execute(
            "DELETE FROM claims WHERE source_id = (SELECT source_id FROM sources WHERE slug = ?1)",
            [&existing],
        )?;
        tx.execute("DELETE FROM sources WHERE slug = ?1", [&existing])?;
        replaced += 1;
    }

    let mut new_subjects = Vec::new();
    let mut new_topics = Vec::new();
    for job in &jobs {
        let declared = ingest::declare_new_names(&tx, job.names.iter().map(|&i| &job.records[i]))?;
        new_subjects.extend(declared.subjects);
        new_topics.extend(declared.topics);
    }
    let lookup = ingest::Lookup::load(&tx)?;
    let mut load = BulkLoad::begin(&tx, total)?;
    let mut progress = Progress::new("importing", total);
    let mut done = 0;
    let mut count = 0;
    // Checking a file's claims needs no database, so the next file is checked on
    // another core while SQLite inserts this one.
    std::thread::scope(|scope| -> Result<()> {
        let (send, checked) = std::sync::mpsc::sync_channel(1);
        let (lookup, all) = (&lookup, &jobs);
        scope.spawn(move || {
            for job in all {
                if send
                    .send(ingest::check_claims(lookup, &job.body, &job.records))
                    .is_err()
                {
                    break;
                }
            }
        });
        for (job, claims) in jobs.iter().zip(checked) {
            match claims {
                // Once a file has problems nothing will be written, but the rest
                // are still checked, so every problem is reported at once.
                Ok(claims) if problems.is_empty() => {
                    let source = NewSource {
                        slug: &job.slug,
                        sha256: &job.sha256,
                        title: &job.title,
                        url: job.url.as_deref(),
                        body: &job.body,
                        is_seed: false,
                    };
                    count += load.insert_source(&source, &claims, &mut |n| {
                        progress.tick(done + n);
                    })?;
                }
                Ok(_) => {}
                Err(p) => problems.push((job.claims_path.display().to_string(), p)),
            }
            done += job.records.len();
            progress.tick(done);
        }
        Ok(())
    })?;
    if !problems.is_empty() {
        drop(progress);
        return Err(problems_error(&problems));
    }
    progress.say(&format!(
        "building the search index and indexes for {count} claims"
    ));
    load.finish()?;

    let slugs: Vec<String> = jobs.iter().map(|j| format!("'{}'", j.slug)).collect();
    let mut summary = format!("{count} claims from {}", some_names(&slugs));
    if !new_subjects.is_empty() {
        summary.push_str(&format!("; new subjects: {}", some_names(&new_subjects)));
    }
    if !new_topics.is_empty() {
        summary.push_str(&format!("; new topics: {}", some_names(&new_topics)));
    }
    if args.dry_run {
        tx.rollback()?;
        stderr_line!("claimdb: dry run, nothing written: the import would add {summary}");
        return Ok(());
    }
    progress.say("committing");
    tx.commit()?;
    drop(progress);
    let verb = if replaced > 0 { "replaced" } else { "imported" };
    stderr_line!("claimdb: {verb} {summary}");
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

    #[test]
    fn long_name_lists_are_cut_with_a_count() {
        let names: Vec<String> = (0..12).map(|i| format!("s{i}")).collect();
        assert_eq!(some_names(&names[..2]), "s0 and s1");
        assert!(some_names(&names).ends_with("s9 and 2 more"));
        assert_eq!(some_names(&names[..3]), "s0, s1 and s2");
    }
}
