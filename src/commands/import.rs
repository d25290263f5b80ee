//! `claimdb import CLAIMS --source ARTICLE` (or `--dir DIR`): add articles and the
//! claims written from them, all or nothing. The work is the ingest layer's
//! (`ingest::import`); this turns the arguments into a request and says what was
//! imported.

use crate::cli::ImportArgs;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::ingest::import::request::{ImportFiles, ImportRequest, Imported};
use crate::ingest::import::run::import;

pub fn run(db: &mut Db, args: &ImportArgs) -> Result<()> {
    if args.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
        return Err(Error::usage("--title cannot be empty")
            .with_hint("leave --title out to use the article's first line"));
    }
    let request = ImportRequest {
        files: files(args)?,
        title: args.title.clone(),
        url: args.url.clone(),
        slug: args.slug.clone(),
        replace: args.replace,
        dry_run: args.dry_run,
    };
    let imported = import(db, &request)?;
    let summary = summary(&imported);
    if args.dry_run {
        stderr_line!("claimdb: dry run, nothing written: the import would add {summary}");
    } else {
        let verb = if imported.replaced > 0 {
            "replaced"
        } else {
            "imported"
        };
        stderr_line!("claimdb: {verb} {summary}");
    }
    Ok(())
}

/// The claims file and article given, or the folder.
fn files(args: &ImportArgs) -> Result<ImportFiles> {
    if let Some(dir) = &args.dir {
        return Ok(ImportFiles::Folder(dir.clone()));
    }
    let (Some(claims), Some(article)) = (&args.claims, &args.source) else {
        return Err(Error::usage(
            "give a claims file and --source ARTICLE, or --dir DIR",
        ));
    };
    Ok(ImportFiles::One {
        claims: claims.clone(),
        article: article.clone(),
    })
}

/// "12 claims from 'a' and 'b'; new subjects: x; new topics: y".
fn summary(imported: &Imported) -> String {
    let slugs: Vec<String> = imported.slugs.iter().map(|s| format!("'{s}'")).collect();
    let mut summary = format!("{} claims from {}", imported.count, some_names(&slugs));
    if !imported.new_subjects.is_empty() {
        summary.push_str(&format!(
            "; new subjects: {}",
            some_names(&imported.new_subjects)
        ));
    }
    if !imported.new_topics.is_empty() {
        summary.push_str(&format!(
            "; new topics: {}",
            some_names(&imported.new_topics)
        ));
    }
    summary
}

fn some_names(names: &[String]) -> String {
    crate::names::some_of(names, 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_name_lists_are_cut_with_a_count() {
        let names: Vec<String> = (0..12).map(|i| format!("s{i}")).collect();
        assert_eq!(some_names(&names[..2]), "s0 and s1");
        assert!(some_names(&names).ends_with("s9 and 2 more"));
        assert_eq!(some_names(&names[..3]), "s0, s1 and s2");
    }
}
