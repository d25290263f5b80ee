//! `claimdb import CLAIMS --source ARTICLE` (or `--dir DIR`): add articles and the
//! claims written from them. Every row of every file is checked before anything is
//! committed, every problem is reported at once, and the whole import is one
//! transaction: it lands complete or not at all, also when the process is killed.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{SyncSender, sync_channel};

use rusqlite::{OptionalExtension, TransactionBehavior};

use crate::article::Article;
use crate::article::sha256_hex;
use crate::cli::ImportArgs;
use crate::db::Db;
use crate::error::{Error, ErrorKind, Result};
use crate::ingest::bulk_load::{BulkLoad, NewSource};
use crate::ingest::catalogue::{declare_new_names, first_of_each_name};
use crate::ingest::check::{Lookup, check_claims};
use crate::ingest::csv_file::csv_rows_from;
use crate::ingest::json_file::json_claims_from;
use crate::ingest::record::{ClaimRecord, Located, Problem, check_claim_header};
use crate::progress::Progress;

/// One article to import. Its claims are read later, a chunk at a time.
struct Job {
    claims_path: PathBuf,
    /// The claims file's size: the import's progress and its expected size.
    claims_bytes: u64,
    /// The article. Its text is read once for its hash and title, and again when
    /// its claims are checked ([`Job::body`]): a batch holds one article at a time.
    article_path: PathBuf,
    sha256: String,
    /// The hash of the text with a BOM and CRLF line ends set aside: the same
    /// article saved another way is the same article.
    same_text: String,
    /// That text's length in bytes, and its number of lines.
    same_text_size: (usize, usize),
    slug: String,
    title: String,
    url: Option<String>,
}

impl Job {
    /// The article's text, read again; refused if it is no longer the text that was
    /// hashed when the import began.
    fn body(&self) -> Result<String> {
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

/// True for the claims file "-": standard input.
fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// An article's text as it reads: without a BOM, with LF line ends.
fn normalized(body: &str) -> String {
    body.strip_prefix('\u{feff}')
        .unwrap_or(body)
        .replace("\r\n", "\n")
}

/// Records per chunk: what travels between the reading, checking and inserting
/// threads. Memory holds a few chunks, however large the files are (about six in
/// flight: 8,192 keeps a 1M-claim import under half its claims files' size).
const CHUNK: usize = crate::ingest::side_index::BATCH_ROWS;

/// What the reading thread sends, in file order.
enum Read {
    /// Up to CHUNK records of file `file`, with the first record of each new spelling
    /// of a name (`ingest::catalogue::first_of_each_name`), and how far the import has read, in
    /// bytes of all its claims files.
    Chunk {
        file: usize,
        article: Arc<String>,
        records: Vec<Located<ClaimRecord>>,
        names: Vec<usize>,
        read_bytes: u64,
    },
    /// File `file` is read; these are the rows that could not be read as claims.
    End { file: usize, problems: Capped },
    /// A claims file could not be read at all: the import stops.
    Failed(Error),
}

/// Input files must be regular files: a FIFO or a device could block for ever (while
/// the import holds the write lock) or never end.
fn regular_file(path: &Path, what: &str) -> Result<fs::Metadata> {
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
const MAX_ARTICLE_BYTES: u64 = 64 << 20;

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

/// Reads claims file `file` of `jobs` and sends its records a chunk at a time: JSON
/// when it ends in .json or starts with `[`, otherwise CSV with a header row. Returns
/// false when the import is over (the file could not be read, or nobody listens).
fn read_claims_in_chunks(jobs: &[Job], file: usize, send: &SyncSender<Read>) -> bool {
    use std::io::BufRead as _;
    let path = &jobs[file].claims_path;
    let article = match jobs[file].body() {
        Ok(body) => Arc::new(body),
        Err(e) => {
            let _ = send.send(Read::Failed(e));
            return false;
        }
    };
    let before: u64 = jobs[..file].iter().map(|j| j.claims_bytes).sum();
    let cannot_read = |e: std::io::Error| {
        Read::Failed(Error::new(
            ErrorKind::Io,
            format!("cannot read the claims file {}: {e}", path.display()),
        ))
    };
    // Streamed: only a chunk of records is in memory at a time, whatever the size.
    // "-" is stdin.
    let opened: Result<std::io::Result<Box<dyn std::io::Read>>> = if is_stdin(path) {
        Ok(Ok(Box::new(std::io::stdin())))
    } else {
        regular_file(path, "claims file")
            .map(|_| fs::File::open(path).map(|f| Box::new(f) as Box<dyn std::io::Read>))
    };
    let mut reader = match opened {
        Ok(Ok(f)) => std::io::BufReader::with_capacity(256 * 1024, f),
        Ok(Err(e)) => {
            let _ = send.send(cannot_read(e));
            return false;
        }
        Err(e) => {
            let _ = send.send(Read::Failed(e));
            return false;
        }
    };
    let is_json = match reader.fill_buf() {
        Ok(head) => {
            let head = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(head);
            path.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                || head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[')
        }
        Err(e) => {
            let _ = send.send(cannot_read(e));
            return false;
        }
    };
    if reader
        .fill_buf()
        .is_ok_and(|h| h.starts_with("\u{feff}".as_bytes()))
    {
        reader.consume(3);
    }
    let mut problems = Capped::default();
    let mut chunk = Vec::with_capacity(CHUNK);
    let mut count = 0;
    let mut send_chunk = |chunk: &mut Vec<Located<ClaimRecord>>, at: u64| {
        let records = std::mem::replace(chunk, Vec::with_capacity(CHUNK));
        count += records.len();
        let names = first_of_each_name(&records);
        send.send(Read::Chunk {
            file,
            article: article.clone(),
            records,
            names,
            read_bytes: before + at,
        })
        .is_ok()
    };
    let mut go_on = true;
    let mut take = |at: u64, row: Result<Located<ClaimRecord>, Problem>| {
        match row {
            Ok(record) => chunk.push(record),
            Err(p) => problems.push(p),
        }
        if chunk.len() == CHUNK && !send_chunk(&mut chunk, at) {
            go_on = false;
        }
        go_on
    };
    // A CSV header naming a column claimdb does not know stops the file at once.
    let bad_header = if is_json {
        None
    } else {
        reader.fill_buf().ok().and_then(|head| {
            let line = head.split(|&b| b == b'\n').next().unwrap_or(head);
            std::str::from_utf8(line).ok().and_then(check_claim_header)
        })
    };
    let ended = if let Some(problem) = bad_header {
        Err(problem)
    } else if is_json {
        json_claims_from(reader, &mut take)
    } else {
        csv_rows_from(reader).map(|rows| {
            for (at, row) in rows {
                if !take(at, row) {
                    break;
                }
            }
        })
    };
    if let Err(p) = ended {
        problems.push(p);
    }
    if !go_on {
        return false;
    }
    if !chunk.is_empty() && !send_chunk(&mut chunk, jobs[file].claims_bytes) {
        return false;
    }
    if count == 0 && problems.is_empty() {
        problems.push(Problem {
            line: 1,
            message: "the file holds no claims".to_string(),
            hint: None,
        });
    }
    send.send(Read::End { file, problems }).is_ok()
}

/// The most problems an import reports ("and N more" after them): enough to see
/// what is wrong, while memory stays bounded whatever the file holds.
const MAX_PROBLEMS: usize = 100;

/// A file's problems: the [`MAX_PROBLEMS`] with the smallest line numbers, and how
/// many more there were.
#[derive(Default)]
struct Capped {
    kept: std::collections::BinaryHeap<ByLine>,
    more: usize,
}

struct ByLine(Problem);

impl PartialEq for ByLine {
    fn eq(&self, other: &ByLine) -> bool {
        self.0.line == other.0.line
    }
}
impl Eq for ByLine {}
impl PartialOrd for ByLine {
    fn partial_cmp(&self, other: &ByLine) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for ByLine {
    fn cmp(&self, other: &ByLine) -> std::cmp::Ordering {
        self.0.line.cmp(&other.0.line)
    }
}

impl Capped {
    fn push(&mut self, p: Problem) {
        self.kept.push(ByLine(p));
        if self.kept.len() > MAX_PROBLEMS {
            self.kept.pop();
            self.more += 1;
        }
    }

    fn extend(&mut self, other: impl IntoIterator<Item = Problem>) {
        for p in other {
            self.push(p);
        }
    }

    fn absorb(&mut self, other: Capped) {
        self.more += other.more;
        self.extend(other.kept.into_iter().map(|p| p.0));
    }

    fn is_empty(&self) -> bool {
        self.kept.is_empty() && self.more == 0
    }

    fn len(&self) -> usize {
        self.kept.len() + self.more
    }

    /// The kept problems in line order.
    fn sorted(&self) -> Vec<&Problem> {
        let mut kept: Vec<&Problem> = self.kept.iter().map(|p| &p.0).collect();
        kept.sort_by_key(|p| p.line);
        kept
    }
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

/// Every file's problems as one data error: at most [`MAX_PROBLEMS`] of them, then
/// how many more.
fn problems_error(files: &[(String, Capped)]) -> Error {
    let total: usize = files.iter().map(|(_, p)| p.len()).sum();
    let mut message = format!(
        "{} problem{} found, nothing was written:",
        thousands(total),
        if total == 1 { "" } else { "s" }
    );
    let mut shown = 0;
    for (file, problems) in files {
        for p in problems.sorted() {
            if shown == MAX_PROBLEMS {
                break;
            }
            shown += 1;
            message.push_str(&format!("\n  {file}:{}: {}", p.line, p.message));
            if let Some(hint) = &p.hint {
                message.push_str(&format!(" (hint: {hint})"));
            }
        }
    }
    if total > shown {
        message.push_str(&format!("\n  and {} more", thousands(total - shown)));
    }
    Error::data(message)
}

/// 1999900 -> "1,999,900".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

fn some_names(names: &[String]) -> String {
    crate::names::some_of(names, 10)
}

/// An article already in the knowledge base: slug, is_seed, title, url.
type Existing = (String, bool, String, Option<String>);

/// The imported article whose text is `body` once a BOM and CRLF line ends are set
/// aside: (slug, is_seed, title, url). Only articles of about the same size are read.
fn same_text_as(tx: &rusqlite::Transaction, job: &Job) -> Result<Option<Existing>> {
    // Saved with CRLF line ends and a BOM, the same text is longer by a byte a line
    // and three more.
    let (len, lines) = job.same_text_size;
    let mut stmt = tx.prepare(
        "SELECT slug, is_seed, title, url, body FROM sources
         WHERE length(CAST(body AS BLOB)) BETWEEN ?1 AND ?2",
    )?;
    let rows = stmt.query_map([len as i64, (len + lines + 4) as i64], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    for row in rows {
        let (slug, is_seed, title, url, other) = row?;
        if sha256_hex(&normalized(&other)) == job.same_text {
            return Ok(Some((slug, is_seed, title, url)));
        }
    }
    Ok(None)
}

/// Reads one article, and checks that its claims file is there.
fn read_job(args: &ImportArgs, claims_path: PathBuf, article: &Path) -> Result<Job> {
    let body = read_text(article, "article")?;
    let slug = args.slug.clone().unwrap_or_else(|| slug_of(article));
    check_slug(&slug)?;
    // The first line as it reads: no BOM, no `#`, no markup.
    let title = args.title.clone().unwrap_or_else(|| {
        let mut head = body.len().min(4096);
        while !body.is_char_boundary(head) {
            head -= 1;
        }
        let blocks = crate::text::blocks::blocks(&body[..head]);
        let first = blocks
            .iter()
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
        url: args.url.clone(),
    })
}

/// What `load_claims` did.
struct Loaded {
    count: usize,
    new_subjects: Vec<String>,
    new_topics: Vec<String>,
    /// Each file's problems, by file name; nothing may be committed unless all are
    /// empty.
    problems: Vec<(String, Capped)>,
}

/// Reads, checks and inserts every job's claims, on three threads: one reads the
/// files a chunk at a time, one checks each chunk against the catalogue and its
/// article, and this one declares new names and inserts checked chunks into SQLite.
/// Once a problem is found nothing more is inserted, but every file is still read and
/// checked, so all problems are reported at once.
fn load_claims(
    tx: &rusqlite::Transaction,
    load: &mut BulkLoad,
    jobs: &[Job],
    progress: &mut Progress,
) -> Result<Loaded> {
    let mut loaded = Loaded {
        count: 0,
        new_subjects: Vec::new(),
        new_topics: Vec::new(),
        problems: jobs
            .iter()
            .map(|j| (j.claims_path.display().to_string(), Capped::default()))
            .collect(),
    };
    let mut source_ids: Vec<Option<i64>> = vec![None; jobs.len()];
    let mut lookup = Arc::new(Lookup::load(tx)?);
    type ToCheck = (
        usize,
        Arc<String>,
        Vec<Located<ClaimRecord>>,
        Arc<Lookup>,
        u64,
    );
    std::thread::scope(|scope| -> Result<()> {
        let (send_read, read) = sync_channel::<Read>(1);
        let (send_to_check, to_check) = sync_channel::<ToCheck>(1);
        let (send_checked, checked) = sync_channel(1);
        let reader = std::thread::Builder::new().name("import-reader".into());
        reader.spawn_scoped(scope, move || {
            for file in 0..jobs.len() {
                if !read_claims_in_chunks(jobs, file, &send_read) {
                    break;
                }
            }
        })?;
        let checker = std::thread::Builder::new().name("import-checker".into());
        checker.spawn_scoped(scope, move || {
            // One article's line index serves all the chunks of its file.
            let mut chunks = to_check.into_iter().peekable();
            while let Some(first) = chunks.next() {
                let body = first.1.clone();
                let text = Article::new(&body);
                let mut next = Some(first);
                while let Some((file, body, records, lookup, read_bytes)) = next {
                    let result = check_claims(&lookup, &text, &records);
                    if send_checked
                        .send((file, body, records, result, read_bytes))
                        .is_err()
                    {
                        return;
                    }
                    next = chunks.next_if(|chunk| chunk.0 == file);
                }
            }
        })?;
        // The checker works one chunk ahead of the inserts.
        let mut send_to_check = Some(send_to_check);
        let mut in_flight = 0;
        loop {
            while in_flight < 2
                && let Some(sender) = &send_to_check
            {
                match read.recv() {
                    Ok(Read::Chunk {
                        file,
                        article,
                        records,
                        names,
                        read_bytes,
                    }) => {
                        let declared = declare_new_names(tx, names.iter().map(|&i| &records[i]))?;
                        if !declared.subjects.is_empty() || !declared.topics.is_empty() {
                            loaded.new_subjects.extend(declared.subjects);
                            loaded.new_topics.extend(declared.topics);
                            lookup = Arc::new(Lookup::load(tx)?);
                        }
                        if sender
                            .send((file, article, records, lookup.clone(), read_bytes))
                            .is_err()
                        {
                            // The checker is gone: the scope reports its panic.
                            return Ok(());
                        }
                        in_flight += 1;
                    }
                    Ok(Read::End { file, problems }) => loaded.problems[file].1.absorb(problems),
                    Ok(Read::Failed(e)) => return Err(e),
                    // Every file is read: let the checker finish.
                    Err(_) => send_to_check = None,
                }
            }
            if in_flight == 0 {
                break;
            }
            let Ok((file, article, records, result, read_bytes)) = checked.recv() else {
                return Ok(());
            };
            in_flight -= 1;
            match result {
                Ok(claims) if loaded.problems.iter().all(|(_, p)| p.is_empty()) => {
                    let source_id = match source_ids[file] {
                        Some(id) => id,
                        None => {
                            let job = &jobs[file];
                            let id = load.insert_source(&NewSource {
                                slug: &job.slug,
                                sha256: &job.sha256,
                                title: &job.title,
                                url: job.url.as_deref(),
                                body: &article,
                                is_seed: false,
                            })?;
                            *source_ids[file].insert(id)
                        }
                    };
                    loaded.count += load.insert_claims(source_id, &records, &claims)?;
                }
                Ok(_) => {}
                Err(problems) => loaded.problems[file].1.extend(problems),
            }
            progress.tick(read_bytes);
        }
        Ok(())
    })?;
    Ok(loaded)
}

pub fn run(db: &mut Db, args: &ImportArgs) -> Result<()> {
    if args.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
        return Err(Error::usage("--title cannot be empty")
            .with_hint("leave --title out to use the article's first line"));
    }
    let mut jobs = pairs(args)?
        .into_iter()
        .map(|(claims, article)| read_job(args, claims, &article))
        .collect::<Result<Vec<Job>>>()?;
    // Two files of one batch may not be the same article (same slug or same text).
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
    let total_bytes: u64 = jobs.iter().map(|j| j.claims_bytes).sum();

    // Every id the import writes comes from a lookup in this same transaction, so
    // SQLite's per-row foreign-key probes only cost time (a seventh of a 1M-claim
    // import). With them off, replacing an article deletes its claims explicitly.
    db.conn.pragma_update(None, "foreign_keys", false)?;
    let tx = db
        .conn
        .transaction_with_behavior(TransactionBehavior::Immediate)?;
    // A claim takes well over 100 bytes of CSV or JSON, so this overestimates a
    // little; it only decides whether rebuilding the indexes beats updating them. It
    // begins before replaced articles are deleted: a large load lifts the full-text
    // triggers first, and builds the whole index anew.
    let mut load = BulkLoad::begin(&tx, (total_bytes / 100) as usize, Some(&db.path))?;
    let mut replaced = 0;
    for job in &mut jobs {
        let existing = match tx
            .query_row(
                "SELECT slug, is_seed, title, url FROM sources WHERE slug = ?1 OR sha256 = ?2 LIMIT 1",
                [&job.slug, &job.sha256],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?
        {
            Some(found) => Some(found),
            None => same_text_as(&tx, job)?,
        };
        let Some((existing, is_seed, old_title, old_url)): Option<(
            String,
            bool,
            String,
            Option<String>,
        )> = existing
        else {
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
            let same_slug_other_text = existing == job.slug
                && job.same_text
                    != tx.query_row(
                        "SELECT body FROM sources WHERE slug = ?1",
                        [&existing],
                        |r| r.get::<_, String>(0).map(|b| sha256_hex(&normalized(&b))),
                    )?;
            return Err(if same_slug_other_text {
                Error::data(format!("an article is already imported as '{existing}'")).with_hint(
                    format!(
                        "add --slug NAME to import this one as another article, or --replace to \
                         replace '{existing}' and its claims"
                    ),
                )
            } else {
                Error::data(format!("this article is already imported as '{existing}'"))
                    .with_hint("add --replace to replace it and its claims")
            });
        }
        // A replacement keeps the title and URL it had unless new ones are given.
        if args.title.is_none() {
            job.title = old_title;
        }
        if args.url.is_none() {
            job.url = old_url;
        }
        for table in ["claims", "sections"] {
            tx.execute(
                &format!(
                    "DELETE FROM {table} WHERE source_id = (SELECT source_id FROM sources WHERE slug = ?1)"
                ),
                [&existing],
            )?;
        }
        tx.execute("DELETE FROM sources WHERE slug = ?1", [&existing])?;
        replaced += 1;
    }

    let mut progress = Progress::bytes("importing", total_bytes);
    let outcome = load_claims(&tx, &mut load, &jobs, &mut progress)?;
    if outcome.problems.iter().any(|(_, p)| !p.is_empty()) {
        drop(progress);
        return Err(problems_error(&outcome.problems));
    }
    let Loaded {
        count,
        new_subjects,
        new_topics,
        ..
    } = outcome;
    progress.say(&format!(
        "building the search index and indexes for {count} claims"
    ));
    let side_index = load.finish()?;

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
        if let Some(side) = side_index {
            side.detach(&db.conn)?;
        }
        drop(progress);
        stderr_line!("claimdb: dry run, nothing written: the import would add {summary}");
        return Ok(());
    }
    progress.say("committing");
    tx.commit()?;
    if let Some(side) = side_index {
        side.detach(&db.conn)?;
    }
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
