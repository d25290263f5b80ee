//! Finding what an import reads: the (claims file, article) pairs it was given or
//! finds in a folder, each article read once for its hash, slug and title, and the
//! rules every input file obeys (a regular file; an article of bounded size, in
//! UTF-8).

use std::fs;
use std::path::{Path, PathBuf};

use crate::article::sha256_hex;
use crate::error::{Error, ErrorKind, Result};
use crate::ingest::import::request::{ImportFiles, ImportRequest};
use crate::text::blocks::Format;

/// One article to import. Its claims are read later, a chunk at a time.
pub struct Job {
    pub claims_path: PathBuf,
    /// The claims file's size: the import's progress and its expected size.
    pub claims_bytes: u64,
    /// The article. Its text is read once for its hash and title, and again when
    /// its claims are checked ([`Job::body`]): a batch holds one article at a time.
    article_path: PathBuf,
    pub sha256: String,
    /// The hash of the text with a BOM and CRLF line ends set aside: the same
    /// article saved another way is the same article.
    pub same_text: String,
    /// That text's length in bytes, and its number of lines.
    pub same_text_size: (usize, usize),
    pub slug: String,
    pub title: String,
    pub url: Option<String>,
    /// Markdown or plain text, by the article's name (or its text): how its
    /// outline is read.
    pub format: Format,
}

impl Job {
    /// The article's text, read again; refused if it is no longer the text that was
    /// hashed when the import began.
    pub fn body(&self) -> Result<String> {
        let body = read_text(&self.article_path, "article")?;
        if sha256_hex(&body) != self.sha256 {
            return Err(Error::data(format!(
                "the article {} changed while it was being imported",
                self.article_path.display()
            ))
            .with_hint("import it again once it is saved"));
        }
        Ok(body)
    }
}

/// Every article the request names, read, with its claims file: refused when two
/// of them are the same article (same slug or same text).
pub fn find_jobs(request: &ImportRequest) -> Result<Vec<Job>> {
    let jobs = pairs(&request.files)?
        .into_iter()
        .map(|(claims, article)| read_job(request, claims, &article))
        .collect::<Result<Vec<Job>>>()?;
    for (i, job) in jobs.iter().enumerate() {
        if let Some(other) = jobs[..i]
            .iter()
            .find(|o| o.slug == job.slug || o.same_text == job.same_text)
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
    Ok(jobs)
}

/// True for the claims file "-": standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// An article's text as it reads: without a BOM, with LF line ends.
pub fn normalized(body: &str) -> String {
    body.strip_prefix('\u{feff}')
        .unwrap_or(body)
        .replace("\r\n", "\n")
}

/// Input files must be regular files: a FIFO or a device could block for ever (while
/// the import holds the write lock) or never end.
pub fn regular_file(path: &Path, what: &str) -> Result<fs::Metadata> {
    let meta = fs::metadata(path).map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("cannot read the {what} {}: {e}", path.display()),
        )
    })?;
    if !meta.is_file() {
        return Err(Error::data(format!(
            "the {what} {} is not a regular file (a directory, FIFO, socket or device)",
            path.display()
        ))
        .with_hint(format!("give the {what} as a file")));
    }
    Ok(meta)
}

/// The longest article an import takes: articles are held whole while their
/// quotes are checked, so this bounds the memory one takes.
pub const MAX_ARTICLE_BYTES: u64 = 64 << 20;

fn read_text(path: &Path, what: &str) -> Result<String> {
    if regular_file(path, what)?.len() > MAX_ARTICLE_BYTES {
        return Err(Error::data(format!(
            "the {what} {} is longer than {} MiB",
            path.display(),
            MAX_ARTICLE_BYTES >> 20
        ))
        .with_hint("an article that long is not one article; split it"));
    }
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

/// (claims file, article) pairs: the one given, or every pair in the folder.
fn pairs(files: &ImportFiles) -> Result<Vec<(PathBuf, PathBuf)>> {
    let dir = match files {
        ImportFiles::One { claims, article } => return Ok(vec![(claims.clone(), article.clone())]),
        ImportFiles::Folder(dir) => dir,
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
    let mut pairs = Vec::new();
    let mut lonely = Vec::new();
    for c in claims {
        match ["txt", "md"]
            .iter()
            .map(|ext| c.with_extension(ext))
            .find(|a| a.is_file())
        {
            Some(article) => pairs.push((c, article)),
            None => lonely.push(c.display().to_string()),
        }
    }
    // Name every claims file without its article at once, not one per attempt.
    match lonely.as_slice() {
        [] => Ok(pairs),
        [one] => Err(Error::data(format!("no article for {one}"))
            .with_hint("put NAME.txt or NAME.md beside NAME.csv")),
        many => Err(Error::data(format!(
            "no article for {} claims files:\n  {}",
            many.len(),
            many.join("\n  ")
        ))
        .with_hint("put NAME.txt or NAME.md beside each NAME.csv")),
    }
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

/// Reads one article, and checks that its claims file is there.
fn read_job(request: &ImportRequest, claims_path: PathBuf, article: &Path) -> Result<Job> {
    let body = read_text(article, "article")?;
    let slug = request.slug.clone().unwrap_or_else(|| slug_of(article));
    check_slug(&slug)?;
    let format = Format::of(article, &body);
    // The first line as it reads: no BOM, no `#`, no markup.
    let title = request.title.clone().unwrap_or_else(|| {
        let mut head = body.len().min(4096);
        while !body.is_char_boundary(head) {
            head -= 1;
        }
        let blocks = crate::text::blocks::blocks(&body[..head], format);
        // A README's line of badges is no title: their alt text is not read.
        let first = blocks
            .iter()
            .filter(|b| !b.images_only(&body[..head]))
            .map(|b| b.rendered.text.trim())
            .find(|t| !t.is_empty());
        first.unwrap_or(&slug).chars().take(200).collect()
    });
    let same_text = normalized(&body);
    let claims_bytes = if is_stdin(&claims_path) {
        0
    } else {
        regular_file(&claims_path, "claims file")?.len()
    };
    Ok(Job {
        claims_path,
        claims_bytes,
        article_path: article.to_path_buf(),
        sha256: sha256_hex(&body),
        same_text: sha256_hex(&same_text),
        same_text_size: (same_text.len(), same_text.matches('\n').count()),
        slug,
        title,
        url: request.url.clone(),
        format,
    })
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
