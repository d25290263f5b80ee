//! Reading, checking and inserting an import's claims on three threads: one reads
//! the claims files a chunk at a time, one checks each chunk against the catalogue
//! and its article, and the caller's declares new names and inserts checked chunks
//! into SQLite. Memory holds a few chunks, however large the files are.

use std::fs;
use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use rusqlite::Transaction;

use crate::article::Article;
use crate::error::{Error, ErrorKind, Result};
use crate::ingest::bulk_load::{BulkLoad, NewSource};
use crate::ingest::catalogue::{declare_new_names, first_of_each_name};
use crate::ingest::check::{Lookup, ValidClaim, check_claims};
use crate::ingest::csv_file::csv_rows_from;
use crate::ingest::import::jobs::{Job, is_stdin, regular_file};
use crate::ingest::import::problems::Capped;
use crate::ingest::json_file::json_claims_from;
use crate::ingest::record::{ClaimRecord, Located, Problem, check_claim_header};
use crate::progress::Progress;

/// Records per chunk: what travels between the reading, checking and inserting
/// threads. Memory holds a few chunks, however large the files are (about six in
/// flight: 8,192 keeps a 1M-claim import under half its claims files' size).
const CHUNK: usize = crate::ingest::side_index::BATCH_ROWS;

/// What the reading thread sends, in file order.
enum Read {
    /// Up to CHUNK records of file `file`, with the first record of each new spelling
    /// of a name (`catalogue::first_of_each_name`), and how far the import has read,
    /// in bytes of all its claims files.
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

/// A chunk on its way to the checking thread, with the catalogue as it stood once
/// the chunk's new names were declared.
struct ToCheck {
    file: usize,
    article: Arc<String>,
    records: Vec<Located<ClaimRecord>>,
    lookup: Arc<Lookup>,
    read_bytes: u64,
}

/// A chunk on its way back from the checking thread: its claims ready to insert,
/// or its problems.
struct Checked {
    file: usize,
    article: Arc<String>,
    records: Vec<Located<ClaimRecord>>,
    result: std::result::Result<Vec<ValidClaim>, Vec<Problem>>,
    read_bytes: u64,
}

/// Claims file `path`, opened (standard input for "-") and past any BOM, and
/// whether it is JSON: it ends in .json or starts with `[`; otherwise it is CSV.
fn open_claims(
    path: &Path,
) -> std::result::Result<(BufReader<Box<dyn std::io::Read>>, bool), Read> {
    let cannot_read = |e: std::io::Error| {
        Read::Failed(Error::new(
            ErrorKind::Io,
            format!("cannot read the claims file {}: {e}", path.display()),
        ))
    };
    // Streamed: only a chunk of records is in memory at a time, whatever the size.
    let opened: Box<dyn std::io::Read> = if is_stdin(path) {
        Box::new(std::io::stdin())
    } else {
        regular_file(path, "claims file").map_err(Read::Failed)?;
        Box::new(fs::File::open(path).map_err(cannot_read)?)
    };
    let mut reader = BufReader::with_capacity(256 * 1024, opened);
    let head = reader.fill_buf().map_err(cannot_read)?;
    let head = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(head);
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        || head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[');
    if reader
        .fill_buf()
        .is_ok_and(|h| h.starts_with("\u{feff}".as_bytes()))
    {
        reader.consume(3);
    }
    Ok((reader, is_json))
}

/// Reads claims file `file` of `jobs` and sends its records a chunk at a time.
/// Returns false when the import is over (the file could not be read, or nobody
/// listens).
fn read_claims_in_chunks(jobs: &[Job], file: usize, send: &SyncSender<Read>) -> bool {
    let opened = jobs[file]
        .body()
        .map_err(Read::Failed)
        .and_then(|body| Ok((Arc::new(body), open_claims(&jobs[file].claims_path)?)));
    let (article, (mut reader, is_json)) = match opened {
        Ok(opened) => opened,
        Err(failed) => {
            let _ = send.send(failed);
            return false;
        }
    };
    let before: u64 = jobs[..file].iter().map(|j| j.claims_bytes).sum();
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
    let mut take = |at: u64, row: std::result::Result<Located<ClaimRecord>, Problem>| {
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
        problems.push(Problem::new(1, "the file holds no claims"));
    }
    send.send(Read::End { file, problems }).is_ok()
}

/// The checking thread: checks each chunk against its catalogue and its article,
/// and sends it on, until the chunks end or nobody listens.
fn check_chunks(to_check: Receiver<ToCheck>, send_checked: SyncSender<Checked>) {
    // One article's line index serves all the chunks of its file.
    let mut chunks = to_check.into_iter().peekable();
    while let Some(first) = chunks.next() {
        let body = first.article.clone();
        let text = Article::new(&body);
        let mut next = Some(first);
        while let Some(chunk) = next {
            let file = chunk.file;
            let result = check_claims(&chunk.lookup, &text, &chunk.records);
            let checked = Checked {
                file,
                article: chunk.article,
                records: chunk.records,
                result,
                read_bytes: chunk.read_bytes,
            };
            if send_checked.send(checked).is_err() {
                return;
            }
            next = chunks.next_if(|chunk| chunk.file == file);
        }
    }
}

/// What `load_claims` did.
pub struct Loaded {
    pub count: usize,
    pub new_subjects: Vec<String>,
    pub new_topics: Vec<String>,
    /// Each file's problems, by file name; nothing may be committed unless all are
    /// empty.
    pub problems: Vec<(String, Capped)>,
}

impl Loaded {
    /// True when any file has a problem: then nothing may be committed.
    pub fn has_problems(&self) -> bool {
        self.problems.iter().any(|(_, p)| !p.is_empty())
    }
}

/// Reads, checks and inserts every job's claims, on three threads: one reads the
/// files a chunk at a time, one checks each chunk against the catalogue and its
/// article, and this one declares new names and inserts checked chunks into SQLite.
/// Once a problem is found nothing more is inserted, but every file is still read and
/// checked, so all problems are reported at once.
pub fn load_claims(
    tx: &Transaction,
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
        checker.spawn_scoped(scope, move || check_chunks(to_check, send_checked))?;
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
                        let chunk = ToCheck {
                            file,
                            article,
                            records,
                            lookup: lookup.clone(),
                            read_bytes,
                        };
                        if sender.send(chunk).is_err() {
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
            let Ok(chunk) = checked.recv() else {
                return Ok(());
            };
            in_flight -= 1;
            let read_bytes = chunk.read_bytes;
            insert_checked(load, jobs, &mut source_ids, &mut loaded, chunk)?;
            progress.tick(read_bytes);
        }
        Ok(())
    })?;
    Ok(loaded)
}

/// Inserts a checked chunk (and, with its first chunk, its article), unless a
/// problem has been found anywhere: then only the chunk's problems are kept.
fn insert_checked(
    load: &mut BulkLoad,
    jobs: &[Job],
    source_ids: &mut [Option<i64>],
    loaded: &mut Loaded,
    chunk: Checked,
) -> Result<()> {
    let Checked {
        file,
        article,
        records,
        result,
        ..
    } = chunk;
    match result {
        Ok(claims) if !loaded.has_problems() => {
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
                        format: job.format,
                    })?;
                    *source_ids[file].insert(id)
                }
            };
            loaded.count += load.insert_claims(source_id, &records, &claims)?;
        }
        Ok(_) => {}
        Err(problems) => loaded.problems[file].1.extend(problems),
    }
    Ok(())
}
