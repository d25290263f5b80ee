//! Answering what `interpret` read: the rows of the matching command (through
//! src/query.rs and the one output writer), a verdict line only where the claims
//! state one, and an honest "no claim" where the knowledge base says nothing.
//!
//! On stderr, every answer first says how the question was read, as the precise
//! command (`reading this as: claimdb which lacks built-in authentication`), so
//! people learn the exact forms; in JSON the rows keep that command's shape.

use std::collections::BTreeSet;

use rusqlite::{Connection, ToSql};

use crate::ask::index::Relevance;
use crate::ask::intent::{Catalogue, Entry, Intent, ListKind, ListQuestion, Reading};
use crate::ask::interpret;
use crate::catalog::{self, Named};
use crate::cli::CompaniesArgs;
use crate::commands::{lists, which};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::model::{Kind, Stance};
use crate::names::{closest, fold, some_of};
use crate::output::Output;
use crate::query;

/// A line on stderr, with any control character from the question or the data shown
/// escaped (names and statements come from imported files).
macro_rules! say {
    ($($arg:tt)*) => {
        crate::stderr_line!("{}", printable(&format!($($arg)*)))
    };
}

/// At most this many rows answer a question; the rest are counted and the full
/// command is given, so nothing is cut silently.
const MAX_ROWS: usize = 30;

/// The catalogue's names and aliases that `question` may use (see
/// `interpret::Relevance`: the others cannot match, and a large knowledge base has
/// thousands); company names only when asked (they are read from the claims).
pub fn catalogue(conn: &Connection, question: &str, with_companies: bool) -> Result<Catalogue> {
    let relevance = Relevance::of(question);
    let text = |r: &rusqlite::Row, i: usize| -> rusqlite::Result<Option<String>> {
        Ok(match r.get_ref(i)? {
            rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t)
                .ok()
                .filter(|t| relevance.may_name(t))
                .map(String::from),
            _ => None,
        })
    };
    // Two plain scans merged here (a join would scan the aliases once per name); a
    // name is kept when it, or one of its aliases, may be in the question.
    let entries = |names_sql: &str, aliases_sql: &str| -> Result<Vec<Entry>> {
        let mut aliases: std::collections::HashMap<i64, Vec<String>> =
            std::collections::HashMap::new();
        let mut stmt = conn.prepare(aliases_sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if let Some(alias) = text(r, 1)? {
                aliases.entry(r.get(0)?).or_default().push(alias);
            }
        }
        let mut out: Vec<Entry> = Vec::new();
        let mut stmt = conn.prepare(names_sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let found = aliases.remove(&id);
            if found.is_some() || text(r, 1)?.is_some() {
                out.push(Entry {
                    name: r.get(1)?,
                    aliases: found.unwrap_or_default(),
                });
            }
        }
        Ok(out)
    };
    let subjects = entries(
        "SELECT subject_id, name FROM subjects",
        "SELECT subject_id, key FROM subject_aliases",
    )?;
    let topics = entries(
        "SELECT topic_id, name FROM topics",
        "SELECT topic_id, key FROM topic_aliases",
    )?;
    let companies = if with_companies {
        let mut stmt = conn.prepare(
            "SELECT DISTINCT value FROM claims WHERE kind = 'company' AND value IS NOT NULL",
        )?;
        let mut rows = stmt.query([])?;
        let mut names = Vec::new();
        while let Some(r) = rows.next()? {
            if let Some(name) = text(r, 0)? {
                names.push(name);
            }
        }
        names
    } else {
        Vec::new()
    };
    Ok(Catalogue {
        subjects,
        topics,
        companies,
    })
}

/// Reads the question: names first; company names only when some word is left
/// unexplained (they may be what it is).
pub fn read(conn: &Connection, question: &str) -> Result<Reading> {
    let reading = interpret::read(question, &catalogue(conn, question, false)?);
    if reading.unknown.is_empty() {
        return Ok(reading);
    }
    Ok(interpret::read(question, &catalogue(conn, question, true)?))
}

/// At most this many claims may mention an unknown word for them to answer it.
const MAX_MENTIONS: usize = 5;

/// Longer than any question: a pasted article is not read word by word.
const MAX_QUESTION_CHARS: usize = 1000;

pub fn run(db: &Db, out: &mut Output, question: &str) -> Result<()> {
    // One read transaction for the whole answer: the catalogue, the claims and the
    // verdict come from the same state of the file, and the WAL read lock is taken
    // once instead of once per statement.
    let snapshot = db.conn.unchecked_transaction()?;
    answer(db, out, question)?;
    snapshot.finish()?;
    Ok(())
}

fn answer(db: &Db, out: &mut Output, question: &str) -> Result<()> {
    let conn = &db.conn;
    if question.chars().count() > MAX_QUESTION_CHARS {
        return Err(Error::usage(format!(
            "the question is longer than {MAX_QUESTION_CHARS} characters"
        ))
        .with_hint("ask one thing at a time"));
    }
    let reading = read(conn, question)?;
    let Some(intent) = reading.intent() else {
        return Err(Error::usage(format!(
            "nothing in \"{}\" names a subject, topic or company claimdb knows",
            printable(question.trim())
        ))
        .with_hint(format!(
            "questions claimdb understands, for example:\n{}\n  `claimdb subjects` and `claimdb topics` list the names it knows",
            examples(conn)?
        )));
    };
    let corrections: Vec<String> = reading
        .corrections
        .iter()
        .map(|(typed, read)| format!("'{}' as '{read}'", printable(typed)))
        .collect();
    if !corrections.is_empty() {
        say!("reading {}", corrections.join(", "));
    }
    match intent {
        Intent::Which {
            lacks,
            builtin,
            topic,
        } => {
            let topic = catalog::resolve_topic(conn, &topic)?;
            let rule = match (lacks, builtin) {
                (true, _) => which::Rule::LacksBuiltin,
                (false, true) => which::Rule::HasBuiltin,
                (false, false) => which::Rule::Has,
            };
            let verb = match rule {
                which::Rule::LacksBuiltin => "lacks built-in",
                which::Rule::HasBuiltin => "has built-in",
                which::Rule::Has => "has",
            };
            reading_as(&format!("which {verb} {}", topic.name));
            let question = which::Question { rule, topic };
            let answers = which::answer(conn, &question)?;
            // The subjects that answer yes (or whose claims conflict) get rows; the
            // others are named in the coverage line, so that with many articles they
            // do not crowd out the answer. When none answers yes, the rows are the
            // claims that say no.
            let pick = |wanted: &[which::Verdict]| -> Vec<which::SubjectAnswer> {
                answers
                    .iter()
                    .filter(|a| wanted.contains(&a.verdict))
                    .cloned()
                    .collect()
            };
            let mut shown = pick(&[which::Verdict::Yes, which::Verdict::Conflicting]);
            if shown.is_empty() {
                shown = pick(&[which::Verdict::No]);
            }
            which::write_rows(out, &question, &shown)?;
            note(out, &which::coverage(&question, &answers))?;
            if answers.iter().all(|a| a.verdict == which::Verdict::Unknown) {
                return no_claim(conn, &[], std::slice::from_ref(&question.topic.name), &[]);
            }
            Ok(())
        }
        Intent::List(question) => list_answer(db, out, question),
        Intent::Company {
            companies,
            subjects,
        } => company_answer(conn, out, &companies, &subjects),
        Intent::Facts { subjects, topics } => {
            let mut select = Select::new(conn, &subjects, &topics)?;
            if topics.is_empty() {
                select.kinds = vec![Kind::Fact.as_str()];
            }
            let mut found = select.fetch(conn)?;
            // "when", "what year": the facts that carry a year, when some do.
            if reading.when && topics.is_empty() {
                let dated: Vec<Found> = found
                    .iter()
                    .filter(|f| f.value.as_deref().is_some_and(has_year))
                    .cloned()
                    .collect();
                if !dated.is_empty() {
                    found = dated;
                }
            } else if reading.when {
                // "who created X and when": the dated facts too.
                let mut dated = Select::new(conn, &subjects, &[])?;
                dated.kinds = vec![Kind::Fact.as_str()];
                for f in dated.fetch(conn)? {
                    let year = f.value.as_deref().is_some_and(has_year);
                    if year && !found.iter().any(|g| g.claim_id == f.claim_id) {
                        found.push(f);
                    }
                }
            }
            if found.is_empty() && topics.is_empty() {
                // No fact recorded: everything the article says of the subject.
                select.kinds = Vec::new();
                found = select.fetch(conn)?;
            }
            reading_as(&select.command());
            write_found(conn, out, &found, &select)?;
            if found.is_empty() {
                return no_claim(conn, &select.subject_names, &select.topic_names, &[]);
            }
            let facts: Vec<String> = found
                .iter()
                .filter(|f| f.kind == "fact")
                .filter_map(|f| {
                    f.value
                        .as_ref()
                        .map(|v| format!("{} {}: {v} (line {})", f.subject, f.topic, f.line_start))
                })
                .collect();
            if !facts.is_empty() {
                note(out, &format!("The article says: {}.", facts.join("; ")))?;
            }
            Ok(())
        }
        Intent::YesNo {
            subjects,
            topics,
            lacks: _,
            builtin: _,
        } => yes_no_answer(conn, out, &subjects, &topics, &reading.topic_phrases),
        Intent::Compare { subjects, topics } => {
            let asked = Asked {
                phrases: &reading.topic_phrases,
                question,
            };
            compare_answer(conn, out, &subjects, &topics, asked)
        }
        Intent::Advice { subjects, topics } => advice_answer(conn, out, &subjects, &topics),
        Intent::Keywords { subjects, topics } => {
            let select = Select::new(conn, &subjects, &topics)?;
            let found = select.fetch(conn)?;
            reading_as(&select.command());
            write_found(conn, out, &found, &select)?;
            if found.is_empty() {
                return no_claim(conn, &select.subject_names, &select.topic_names, &[]);
            }
            Ok(())
        }
        Intent::Unknown {
            subjects,
            words,
            compare: true,
        } => compare_mentioning(conn, out, &subjects, &words),
        Intent::Unknown {
            subjects,
            words,
            compare: false,
        } => {
            // No topic names it: the claims whose text says it, if any, else "no claim".
            let mut select = Select::new(conn, &subjects, &[])?;
            select.mentions = words
                .iter()
                .filter(|w| w.chars().count() >= 3)
                .cloned()
                .collect();
            let mut found = if select.mentions.is_empty() {
                Vec::new()
            } else {
                select.fetch(conn)?
            };
            if found.is_empty() && !select.mentions.is_empty() {
                // Another form of the words: "replication" says what "replicated" does.
                let exact = std::mem::take(&mut select.mentions);
                select.mentions = exact.iter().map(|w| stem(w)).collect();
                found = select.fetch(conn)?;
                if found.is_empty() {
                    select.mentions = exact;
                }
            }
            // A word many claims use ("python" in an article about Python tools) says
            // nothing about what was asked: only a telling mention answers.
            if found.len() > MAX_MENTIONS {
                found.clear();
            }
            reading_as(&select.command());
            write_found(conn, out, &found, &select)?;
            if found.is_empty() {
                return no_claim(conn, &select.subject_names, &[], &words);
            }
            say!(
                "no topic is named '{}'; {} mention it",
                printable(&words.join(" ")),
                plural(found.len(), "claim")
            );
            Ok(())
        }
    }
}

/// The kind of comparison claims (model v2); kept as a string so the answer reads
/// the same column whatever else the kind enum grows.
const COMPARISON: &str = "comparison";

/// Text from the user or the data, with control characters shown escaped so they
/// never reach a terminal raw.
fn printable(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

/// The verdict line after the rows (stdout for people, stderr in the machine formats).
fn note(out: &mut Output, text: &str) -> Result<()> {
    out.note(&printable(text))
}

fn reading_as(command: &str) {
    say!("reading this as: claimdb {command}");
}

fn resolve_subjects(conn: &Connection, names: &[String]) -> Result<Vec<Named>> {
    names
        .iter()
        .map(|n| catalog::resolve_subject(conn, n))
        .collect()
}

/// One claim found for an answer: what the verdict needs, the rest is written from
/// the claims table itself.
#[derive(Debug, Clone)]
struct Found {
    claim_id: i64,
    subject: String,
    kind: String,
    topic: String,
    stance: Option<String>,
    value: Option<String>,
    line_start: i64,
    statement: String,
    /// A comparison's other side.
    versus: Option<String>,
    /// One of the article's own list items.
    listed: bool,
}

/// A claim filter the answers share: subjects, topics, kinds, stances, words.
struct Select {
    subjects: Vec<i64>,
    subject_names: Vec<String>,
    topics: Vec<i64>,
    topic_names: Vec<String>,
    kinds: Vec<&'static str>,
    stances: Vec<Stance>,
    /// Words that must appear in the statement or quote (a company's name).
    text: Option<String>,
    /// Words that must all stand in the claim's statement or quote (full-text index).
    mentions: Vec<String>,
}

impl Select {
    fn new(conn: &Connection, subjects: &[String], topics: &[String]) -> Result<Select> {
        let subjects = resolve_subjects(conn, subjects)?;
        let topics: Vec<Named> = topics
            .iter()
            .map(|t| catalog::resolve_topic(conn, t))
            .collect::<Result<_>>()?;
        Ok(Select {
            subjects: subjects.iter().map(|s| s.id).collect(),
            subject_names: subjects.into_iter().map(|s| s.name).collect(),
            topics: topics.iter().map(|t| t.id).collect(),
            topic_names: topics.into_iter().map(|t| t.name).collect(),
            kinds: Vec::new(),
            stances: Vec::new(),
            text: None,
            mentions: Vec::new(),
        })
    }

    /// The `claims` command that lists the same claims.
    fn command(&self) -> String {
        let mut c = String::from("claims");
        for s in &self.subject_names {
            c.push_str(&format!(" --subject {s}"));
        }
        for k in &self.kinds {
            c.push_str(&format!(" --kind {k}"));
        }
        // `claims` takes one topic and one stance: the others are said in words.
        let mut also: Vec<String> = Vec::new();
        for (i, t) in self.topic_names.iter().enumerate() {
            if i == 0 {
                c.push_str(&format!(" --topic {t}"));
            } else {
                also.push(format!("--topic {t}"));
            }
        }
        for (i, s) in self.stances.iter().enumerate() {
            if i == 0 {
                c.push_str(&format!(" --stance {s}"));
            } else {
                also.push(format!("--stance {s}"));
            }
        }
        if let Some(text) = &self.text {
            c.push_str(&format!(" --text {}", shell_word(text)));
        }
        if !self.mentions.is_empty() {
            c.push_str(&format!(" --text {}", shell_word(&self.mentions.join(" "))));
        }
        if !also.is_empty() {
            c.push_str(&format!(" (and the same with {})", also.join(", ")));
        }
        c
    }

    /// The matching claims, in the order `rank` gives (then subject, then id).
    fn fetch(&self, conn: &Connection) -> Result<Vec<Found>> {
        let mut sql = String::from(
            "SELECT c.claim_id, s.name, c.kind, t.name, c.stance, c.value, c.line_start,
                    c.statement, v.name, c.listed
             FROM claims c
             JOIN subjects s ON s.subject_id = c.subject_id
             JOIN topics t ON t.topic_id = c.topic_id
             LEFT JOIN subjects v ON v.subject_id = c.versus_id
             WHERE 1",
        );
        let mut params: Vec<Box<dyn ToSql>> = Vec::new();
        let mut any_of = |sql: &mut String, column: &str, values: Vec<Box<dyn ToSql>>| {
            if values.is_empty() {
                return;
            }
            sql.push_str(&format!(" AND {column} IN ("));
            for (i, v) in values.into_iter().enumerate() {
                params.push(v);
                sql.push_str(&format!(
                    "{}?{}",
                    if i == 0 { "" } else { ", " },
                    params.len()
                ));
            }
            sql.push(')');
        };
        any_of(
            &mut sql,
            "c.subject_id",
            self.subjects
                .iter()
                .map(|id| Box::new(*id) as Box<dyn ToSql>)
                .collect(),
        );
        any_of(
            &mut sql,
            "c.topic_id",
            self.topics
                .iter()
                .map(|id| Box::new(*id) as Box<dyn ToSql>)
                .collect(),
        );
        any_of(
            &mut sql,
            "c.kind",
            self.kinds
                .iter()
                .map(|k| Box::new(*k) as Box<dyn ToSql>)
                .collect(),
        );
        any_of(
            &mut sql,
            "c.stance",
            self.stances
                .iter()
                .map(|s| Box::new(s.as_str()) as Box<dyn ToSql>)
                .collect(),
        );
        if let Some(text) = &self.text {
            params.push(Box::new(text.to_lowercase()));
            sql.push_str(&format!(
                " AND instr(lower(c.value || ' ' || c.statement || ' ' || c.quote), ?{}) > 0",
                params.len()
            ));
        }
        if !self.mentions.is_empty() {
            // Each word as an FTS5 string, so no word is read as query syntax.
            let query: Vec<String> = self
                .mentions
                .iter()
                .map(|w| match w.strip_suffix('*') {
                    // A stem: any word it starts ("replicat" for "replicated").
                    Some(stem) => format!("\"{}\"*", stem.replace('"', "")),
                    None => format!("\"{}\"", w.replace('"', "")),
                })
                .collect();
            params.push(Box::new(query.join(" AND ")));
            sql.push_str(&format!(
                " AND c.claim_id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?{})",
                params.len()
            ));
        }
        sql.push_str(" ORDER BY c.claim_id");
        let mut stmt = conn.prepare(&sql)?;
        let found = stmt
            .query_map(rusqlite::params_from_iter(params.iter()), |r| {
                Ok(Found {
                    claim_id: r.get(0)?,
                    subject: r.get(1)?,
                    kind: r.get(2)?,
                    topic: r.get(3)?,
                    stance: r.get(4)?,
                    value: r.get(5)?,
                    line_start: r.get(6)?,
                    statement: r.get(7)?,
                    versus: r.get(8)?,
                    listed: r.get(9)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<Found>>>()?;
        Ok(self.ranked(found))
    }

    /// Orders claims the way a reader wants them: by the kinds asked for (in that
    /// order), the article's own list items first, then by subject as asked, then
    /// as the article has them.
    fn ranked(&self, mut found: Vec<Found>) -> Vec<Found> {
        let kind_rank = |k: &str| {
            self.kinds
                .iter()
                .position(|x| *x == k)
                .unwrap_or(usize::MAX)
        };
        let subject_rank = |s: &str| {
            self.subject_names
                .iter()
                .position(|x| x == s)
                .unwrap_or(usize::MAX)
        };
        let stance_rank = |s: Option<&str>| {
            self.stances
                .iter()
                .position(|x| Some(x.as_str()) == s)
                .unwrap_or(usize::MAX)
        };
        found.sort_by_key(|f| {
            (
                kind_rank(&f.kind),
                stance_rank(f.stance.as_deref()),
                !f.listed,
                subject_rank(&f.subject),
                f.claim_id,
            )
        });
        found
    }
}

/// Questions of each sort, written with this knowledge base's own names: its two
/// subjects with the most claims, and the topic the first has most claims on.
fn examples(conn: &Connection) -> Result<String> {
    let mut stmt = conn.prepare(
        "SELECT s.name FROM subjects s JOIN claims c ON c.subject_id = s.subject_id
         GROUP BY s.subject_id ORDER BY count(*) DESC, s.name LIMIT 2",
    )?;
    let subjects: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let Some(first) = subjects.first() else {
        return Ok("  (the knowledge base has no claims yet: `claimdb import` adds some)".into());
    };
    // The subject's most-claimed topic with a stance, else its most-claimed topic.
    let topic: String = conn
        .query_row(
            "SELECT t.name FROM claims c JOIN topics t ON t.topic_id = c.topic_id
             JOIN subjects s ON s.subject_id = c.subject_id
             WHERE s.name = ?1
             GROUP BY t.topic_id
             ORDER BY count(c.stance) > 0 DESC, count(*) DESC, t.name LIMIT 1",
            [first],
            |r| r.get(0),
        )
        .map(|t: String| t.replace('-', " "))?;
    let mut lines = vec![
        format!("  does {first} have {topic}?"),
        format!("  which lacks built-in {topic}"),
        format!("  drawbacks of {first}"),
        format!("  who uses {first}"),
        format!("  who created {first}"),
    ];
    if let Some(second) = subjects.get(1) {
        lines.push(format!("  {first} vs {second} on {topic}"));
        lines.push(format!("  which is easier to learn, {first} or {second}?"));
    }
    lines.push(format!("  {} {topic}", first.to_uppercase()));
    Ok(lines.join("\n"))
}

/// True when `text` holds a four-digit year ("July 2005", "2010").
fn has_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("1") || d.starts_with("2")))
}

/// A value as one shell word.
fn shell_word(s: &str) -> String {
    if s.chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// Writes the claims (at most `MAX_ROWS`) in the `claims` command's shape; says so
/// when more matched.
fn write_found(
    conn: &Connection,
    out: &mut Output,
    found: &[Found],
    select: &Select,
) -> Result<()> {
    write_found_as(conn, out, found, &select.command(), query::CLAIM_COLUMNS)
}

/// Writes the claims (at most `MAX_ROWS`) with `layout`; when more matched, says
/// so and gives `command`, which lists them all.
fn write_found_as(
    conn: &Connection,
    out: &mut Output,
    found: &[Found],
    command: &str,
    layout: &[(query::Field, crate::output::Column)],
) -> Result<()> {
    let ids: Vec<i64> = found.iter().take(MAX_ROWS).map(|f| f.claim_id).collect();
    query::write_claim_ids(conn, out, &ids, layout)?;
    if found.len() > MAX_ROWS {
        say!(
            "showing the first {MAX_ROWS} of {} claims; all of them: claimdb {}",
            found.len(),
            printable(command)
        );
    }
    Ok(())
}

/// Understood, but no claim answers it: exit 0, no rows, and the closest topics.
fn no_claim(
    conn: &Connection,
    subjects: &[String],
    topics: &[String],
    words: &[String],
) -> Result<()> {
    let about = if topics.is_empty() {
        words.join(" ")
    } else {
        topics.join(" or ")
    };
    let about = if about.is_empty() {
        "this".to_string()
    } else {
        format!("'{}'", printable(&about))
    };
    let whom = if subjects.is_empty() {
        String::new()
    } else {
        format!(" for {}", some_of(subjects, 5))
    };
    say!("no claim on {about}{whom} in the knowledge base");
    // Other subjects that do have claims on the topic: the question was understood.
    if !topics.is_empty() && !subjects.is_empty() {
        let mut stmt = conn.prepare_cached(
            "SELECT s.name, count(*) FROM claims c
             JOIN subjects s ON s.subject_id = c.subject_id
             JOIN topics t ON t.topic_id = c.topic_id
             WHERE t.name = ?1 GROUP BY s.name ORDER BY s.name",
        )?;
        for topic in topics {
            let others: Vec<String> = stmt
                .query_map([topic], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?
                .into_iter()
                .filter(|(s, _)| !subjects.contains(s))
                .map(|(s, n)| format!("{s} ({})", plural(n as usize, "claim")))
                .collect();
            if !others.is_empty() {
                say!("  claims on {topic} exist for {}", some_of(&others, 5));
            }
        }
    }
    let near = nearest_topics(conn, subjects, topics, words)?;
    if near.is_empty() {
        say!("  `claimdb topics` lists the topics it knows");
    } else {
        say!("  nearest topics it knows: {}", near.join(", "));
    }
    Ok(())
}

/// Topics close to what was asked: by spelling, then by the words in claims, then
/// (for a topic with no claim for these subjects) its category's other topics.
fn nearest_topics(
    conn: &Connection,
    subjects: &[String],
    topics: &[String],
    words: &[String],
) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT a.alias, t.name FROM topic_aliases a JOIN topics t ON t.topic_id = a.topic_id
         UNION ALL SELECT name, name FROM topics",
    )?;
    let known: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut near: Vec<String> = Vec::new();
    let add = |name: &str, near: &mut Vec<String>| {
        if !near.iter().any(|n| n == name) && !topics.iter().any(|t| t == name) && near.len() < 5 {
            near.push(name.to_string());
        }
    };
    for word in words {
        for alias in closest(word, known.iter().map(|(a, _)| a.as_str())) {
            if let Some((_, name)) = known.iter().find(|(a, _)| a == alias) {
                add(name, &mut near);
            }
        }
    }
    // Topics of claims whose text uses the words.
    for word in words.iter().filter(|w| w.chars().count() >= 3) {
        let phrase = format!("\"{}\"", fold(word).replace('"', ""));
        let mut stmt = conn.prepare_cached(
            "SELECT DISTINCT t.name FROM claims_fts f
             JOIN claims c ON c.claim_id = f.rowid
             JOIN topics t ON t.topic_id = c.topic_id
             WHERE claims_fts MATCH ?1 LIMIT 5",
        )?;
        let names: Vec<String> = match stmt.query_map([&phrase], |r| r.get(0)) {
            Ok(rows) => rows.collect::<rusqlite::Result<_>>().unwrap_or_default(),
            Err(_) => Vec::new(),
        };
        names.iter().for_each(|n| add(n, &mut near));
    }
    // Same category, with claims for these subjects.
    if near.is_empty() && !topics.is_empty() {
        let ids: Vec<i64> = resolve_subjects(conn, subjects)?
            .iter()
            .map(|s| s.id)
            .collect();
        let mut stmt = conn.prepare_cached(
            "SELECT DISTINCT t.name FROM topics t
             JOIN claims c ON c.topic_id = t.topic_id
             WHERE t.category = (SELECT category FROM topics WHERE name = ?1)
               AND t.name <> ?1
               AND (?2 = '[]' OR c.subject_id IN (SELECT value FROM json_each(?2)))
             ORDER BY t.name LIMIT 5",
        )?;
        let ids_json = serde_json::to_string(&ids).expect("ids serialise");
        for topic in topics {
            let names: Vec<String> = stmt
                .query_map(rusqlite::params![topic, ids_json], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            names.iter().for_each(|n| add(n, &mut near));
        }
    }
    Ok(near)
}

/// How a subject stands on a topic, from its feature claims' stances.
fn stance_verdict(stances: &BTreeSet<Stance>) -> Option<&'static str> {
    use Stance::*;
    if stances.is_empty() {
        return None;
    }
    if which::conflicting(stances) {
        return Some("conflicting claims: see each citation");
    }
    Some(if stances.contains(&Builtin) {
        if stances.contains(&Limited) {
            "yes, built in (some claims say limited)"
        } else {
            "yes, built in"
        }
    } else if stances.contains(&Extension) {
        "no, not built in; available through extensions"
    } else if stances.contains(&Limited) {
        "limited"
    } else {
        "no, it lacks it"
    })
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn yes_no_answer(
    conn: &Connection,
    out: &mut Output,
    subjects: &[String],
    topics: &[String],
    phrases: &[String],
) -> Result<()> {
    let mut select = Select::new(conn, subjects, topics)?;
    if !select.subjects.is_empty() && select.fetch(conn)?.is_empty() {
        // The topic has no claim for these subjects, but their claims may say the
        // very words asked ("hard to set up" under another topic): a telling mention
        // answers; none, or too many, and the answer is "no claim".
        for phrase in phrases {
            let mut said = Select::new(conn, subjects, &[])?;
            said.mentions = vec![phrase.clone()];
            let found = said.fetch(conn)?;
            if !found.is_empty() && found.len() <= MAX_MENTIONS {
                reading_as(&said.command());
                write_found(conn, out, &found, &said)?;
                say!(
                    "no claim on '{}' for {}; {} {} '{}'",
                    select.topic_names.join(" or "),
                    some_of(&select.subject_names, 5),
                    plural(found.len(), "claim"),
                    if found.len() == 1 { "says" } else { "say" },
                    printable(phrase)
                );
                return Ok(());
            }
        }
    }
    // Feature claims (the stance) first, then what else the article says on it.
    select.kinds = vec![
        Kind::Feature.as_str(),
        COMPARISON,
        Kind::Limitation.as_str(),
        Kind::Con.as_str(),
        Kind::Pro.as_str(),
        Kind::UseCase.as_str(),
        Kind::Fact.as_str(),
        Kind::Company.as_str(),
    ];
    let mut found = select.fetch(conn)?;
    // A subject with nothing of its own on the topic may still be the other side of
    // a comparison on it ("is X easy to learn": "Y is easier to learn than X").
    let mut compared_against: Vec<String> = Vec::new();
    if !select.subjects.is_empty() && !select.topics.is_empty() {
        let mut others = Select::new(conn, &[], topics)?;
        others.kinds = vec![COMPARISON];
        for f in others.fetch(conn)? {
            let Some(versus) = f.versus.clone() else {
                continue;
            };
            let silent = !found.iter().any(|g| g.subject == versus);
            if silent && select.subject_names.contains(&versus) {
                compared_against.push(format!(
                    "{versus}: no claim of its own; {} is {} than {versus} (line {})",
                    f.subject,
                    f.value.as_deref().unwrap_or("compared"),
                    f.line_start
                ));
                found.push(f);
            }
        }
    }
    let shown = Select {
        kinds: Vec::new(),
        ..select
    };
    reading_as(&shown.command());
    write_found(conn, out, &found, &shown)?;
    let mut verdicts: Vec<String> = Vec::new();
    let mut silent: Vec<String> = Vec::new();
    let names = if shown.subject_names.is_empty() {
        let mut names: Vec<String> = Vec::new();
        for f in &found {
            if !names.contains(&f.subject) {
                names.push(f.subject.clone());
            }
        }
        names
    } else {
        shown.subject_names.clone()
    };
    for subject in &names {
        let mine: Vec<&Found> = found.iter().filter(|f| f.subject == *subject).collect();
        if let Some(line) = compared_against
            .iter()
            .find(|l| l.starts_with(&format!("{subject}: ")))
        {
            verdicts.push(line.clone());
            silent.push(subject.clone());
            continue;
        }
        if mine.is_empty() {
            silent.push(subject.clone());
            continue;
        }
        let stances: BTreeSet<Stance> = mine
            .iter()
            .filter(|f| f.kind == "feature")
            .filter_map(|f| f.stance.as_deref()?.parse().ok())
            .collect();
        let n = mine.len();
        let compared: Vec<Found> = mine
            .iter()
            .filter(|f| f.kind == COMPARISON)
            .map(|f| (*f).clone())
            .collect();
        verdicts.push(match stance_verdict(&stances) {
            Some(v) => format!("{subject}: {v} ({})", plural(n, "claim")),
            None if !compared.is_empty() => format!(
                "{subject}: {}",
                comparison_verdict(&compared).expect("some comparison")
            ),
            None => format!(
                "{subject}: no has/lacks stance stated; {} on {} above",
                plural(n, "claim"),
                shown.topic_names.join(" or ")
            ),
        });
    }
    if !verdicts.is_empty() {
        note(out, &verdicts.join("; "))?;
    }
    if !silent.is_empty() || found.is_empty() {
        return no_claim(conn, &silent, &shown.topic_names, &[]);
    }
    Ok(())
}

fn list_answer(db: &Db, out: &mut Output, q: ListQuestion) -> Result<()> {
    let conn = &db.conn;
    let kind = match q.list {
        ListKind::Limitations => Some((Kind::Limitation, "limitations")),
        ListKind::Cons => Some((Kind::Con, "cons")),
        ListKind::Pros => Some((Kind::Pro, "pros")),
        ListKind::UseCases => Some((Kind::UseCase, "use-cases")),
        _ => None,
    };
    if q.list == ListKind::Companies {
        let subjects: Vec<String> = resolve_subjects(conn, &q.subjects)?
            .into_iter()
            .map(|s| s.name)
            .collect();
        let shared = q.shared && subjects.len() != 1;
        if shared && subjects.is_empty() {
            // "both" means the two subjects the knowledge base has; with more, ask
            // which two.
            let all = query::all_subject_ids(conn)?;
            if all.len() != 2 {
                return Err(Error::usage(format!(
                    "\"both\" is ambiguous with {} subjects in the knowledge base",
                    all.len()
                ))
                .with_hint("name them: which companies use X and Y"));
            }
        }
        let mut command = String::from("companies");
        if shared {
            command.push_str(" --shared");
        }
        for s in &subjects {
            command.push_str(&format!(" --subject {s}"));
        }
        reading_as(&command);
        return lists::companies(
            db,
            out,
            &CompaniesArgs {
                subject: subjects,
                shared,
                all: false,
            },
        );
    }
    if let (Some((kind, list)), true) = (kind, q.topics.is_empty()) {
        // The list command itself: one row per item, the article's own items first.
        let mut select = Select::new(conn, &q.subjects, &[])?;
        select.kinds = vec![kind.as_str()];
        let command = format!(
            "{list}{}",
            select
                .subject_names
                .iter()
                .map(|s| format!(" --subject {s}"))
                .collect::<String>()
        );
        reading_as(&command);
        lists::list(
            db,
            out,
            kind,
            &crate::cli::ListArgs {
                subject: select.subject_names.clone(),
                all: false,
            },
        )?;
        if select.fetch(conn)?.is_empty() {
            // An empty list: say so, and where the subject's other claims are.
            say!(
                "no claim on {} in the knowledge base{}",
                list.replace('-', " "),
                match select.subject_names.as_slice() {
                    [] => String::new(),
                    names => format!(
                        " for {}; `claimdb claims --subject {}` lists what it has",
                        some_of(names, 5),
                        names[0]
                    ),
                }
            );
        }
        return Ok(());
    }
    let mut select = Select::new(conn, &q.subjects, &q.topics)?;
    select.kinds = match q.list {
        ListKind::Weaknesses => vec![Kind::Limitation.as_str(), Kind::Con.as_str()],
        ListKind::ProsCons => vec![Kind::Pro.as_str(), Kind::Con.as_str()],
        ListKind::Features => vec![Kind::Feature.as_str()],
        _ => vec![kind.expect("the other lists have a kind").0.as_str()],
    };
    if q.list == ListKind::Features && (q.lacks || q.builtin) {
        // Any claim with the stance: "doesn't come with X" is often a limitation.
        select.kinds = Vec::new();
        select.stances = if q.lacks {
            vec![Stance::Lacks, Stance::Extension, Stance::Limited]
        } else if q.builtin {
            vec![Stance::Builtin]
        } else {
            Vec::new()
        };
    }
    let found = fair_share(select.fetch(conn)?, &select.kinds);
    reading_as(&select.command());
    write_found(conn, out, &found, &select)?;
    if found.is_empty() {
        let what: Vec<String> = if select.topic_names.is_empty() {
            vec![select.kinds.join(" or ")]
        } else {
            Vec::new()
        };
        return no_claim(conn, &select.subject_names, &select.topic_names, &what);
    }
    Ok(())
}

/// Reorders a list of several kinds (pros and cons) so that the first `MAX_ROWS`
/// hold each kind's first items in turn, not the first kind alone.
fn fair_share(found: Vec<Found>, kinds: &[&str]) -> Vec<Found> {
    if kinds.len() < 2 || found.len() <= MAX_ROWS {
        return found;
    }
    let mut queues: Vec<std::collections::VecDeque<Found>> = kinds
        .iter()
        .map(|k| found.iter().filter(|f| f.kind == *k).cloned().collect())
        .collect();
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    while queues.iter().any(|q| !q.is_empty()) {
        for q in queues.iter_mut() {
            if let Some(f) = q.pop_front() {
                out.push(f);
            }
        }
    }
    // Shown grouped by kind again, each kind's items in their order.
    let (head, tail) = out.split_at(MAX_ROWS.min(out.len()));
    let mut head = head.to_vec();
    head.sort_by_key(|f| kinds.iter().position(|k| *k == f.kind));
    head.extend_from_slice(tail);
    head
}

fn company_answer(
    conn: &Connection,
    out: &mut Output,
    companies: &[String],
    subjects: &[String],
) -> Result<()> {
    let mut select = Select::new(conn, subjects, &[])?;
    select.kinds = vec![Kind::Company.as_str()];
    let mut found: Vec<Found> = Vec::new();
    let mut commands: Vec<String> = Vec::new();
    for company in companies {
        select.text = Some(company.clone());
        commands.push(select.command());
        for f in select.fetch(conn)? {
            if f.value.as_deref().is_some_and(|v| fold(v) == fold(company)) {
                found.push(f);
            }
        }
    }
    reading_as(&commands.join(" ; claimdb "));
    write_found(conn, out, &found, &select)?;
    let mut lines: Vec<String> = Vec::new();
    for company in companies {
        let mut names: Vec<String> = select.subject_names.clone();
        if names.is_empty() {
            for f in found
                .iter()
                .filter(|f| fold(f.value.as_deref().unwrap_or("")) == fold(company))
            {
                if !names.contains(&f.subject) {
                    names.push(f.subject.clone());
                }
            }
        }
        for subject in names {
            let hit = found.iter().find(|f| {
                f.subject == subject && f.value.as_deref().map(fold) == Some(fold(company))
            });
            lines.push(match hit {
                Some(f) => format!("yes: {company} uses {subject} (line {})", f.line_start),
                None => format!("no claim that {company} uses {subject}"),
            });
        }
    }
    if found.is_empty() {
        say!(
            "no claim on {} for {} in the knowledge base",
            companies.join(", "),
            some_of(&select.subject_names, 5)
        );
    } else if !lines.is_empty() {
        note(out, &lines.join("; "))?;
    }
    Ok(())
}

/// Comparison claims between the subjects (all when none named), on the topics.
fn comparisons(
    conn: &Connection,
    subjects: &[String],
    topics: &[String],
) -> Result<(Select, Vec<Found>)> {
    let mut select = Select::new(conn, &[], topics)?;
    select.kinds = vec![COMPARISON];
    let all = select.fetch(conn)?;
    // Between the named subjects: either side may be the favoured one; "than the
    // others" (no versus) counts for any.
    let found: Vec<Found> = all
        .into_iter()
        .filter(|f| {
            subjects.is_empty()
                || subjects.contains(&f.subject)
                    && f.versus
                        .as_ref()
                        .is_none_or(|v| subjects.len() < 2 || subjects.iter().any(|s| s == v))
                || f.versus
                    .as_ref()
                    .is_some_and(|v| subjects.iter().any(|s| s == v))
                    && subjects.len() < 2
        })
        .collect();
    let mut select = Select::new(conn, subjects, topics)?;
    select.kinds = vec![COMPARISON];
    Ok((select, found))
}

/// A word's stem as a prefix query ("replicat*", "hard*" for "harder"); short words
/// stay whole.
fn stem(word: &str) -> String {
    let n = word.chars().count();
    if n < 6 || !word.is_ascii() {
        return word.to_string();
    }
    if let Some(base) = word.strip_suffix("er") {
        return format!("{base}*");
    }
    format!("{}*", &word[..(n - 3).max(5)])
}

/// What was asked besides the names: the question as typed, and the phrases of
/// several words that named a topic.
struct Asked<'a> {
    phrases: &'a [String],
    question: &'a str,
}

/// The verdict the article states, if any: "it depends" first, then who it favours.
fn comparison_verdict(found: &[Found]) -> Option<String> {
    let depends: Vec<&Found> = found
        .iter()
        .filter(|f| f.stance.as_deref() == Some("depends"))
        .collect();
    if let Some(d) = depends.first() {
        return Some(format!(
            "The article says it depends: {} (line {})",
            d.statement.trim_end_matches('.'),
            d.line_start
        ));
    }
    if found.is_empty() {
        return None;
    }
    let mut favours: Vec<String> = Vec::new();
    for f in found {
        let said = format!(
            "{} (line {})",
            f.statement.trim_end_matches('.'),
            f.line_start
        );
        if favours.len() < 3
            && !favours
                .iter()
                .any(|x| x.starts_with(f.statement.trim_end_matches('.')))
        {
            favours.push(said);
        }
    }
    Some(format!("The article says: {}", favours.join("; ")))
}

fn compare_answer(
    conn: &Connection,
    out: &mut Output,
    subjects: &[String],
    topics: &[String],
    asked: Asked,
) -> Result<()> {
    let phrases = asked.phrases;
    let (select, mut found) = comparisons(conn, subjects, topics)?;
    // No side named ("which has lower latency"): with several articles, the
    // comparisons that say a word of the question are the ones asked about, and
    // their sides the subjects.
    let mut named: Vec<String> = subjects.to_vec();
    if subjects.is_empty() {
        let words: Vec<String> = asked
            .question
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(String::from)
            .collect();
        let says = |f: &Found| {
            f.value.as_deref().is_some_and(|v| {
                v.to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| words.iter().any(|q| q == w))
            })
        };
        if found.iter().any(says) && !found.iter().all(says) {
            found.retain(says);
            for f in &found {
                for s in std::iter::once(&f.subject).chain(f.versus.as_ref()) {
                    if !named.contains(s) {
                        named.push(s.clone());
                    }
                }
            }
        }
    }
    if subjects.len() >= 2
        && found.is_empty()
        && Select::new(conn, subjects, topics)?.fetch(conn)?.is_empty()
    {
        // Neither side has a claim on the topic, but their claims may say the very
        // words asked ("for background jobs"): a telling mention answers.
        for phrase in phrases {
            let mut said = Select::new(conn, subjects, &[])?;
            said.mentions = vec![phrase.clone()];
            let found = said.fetch(conn)?;
            // A comparison saying it is answered below with the others between them.
            let compared = found.iter().any(|f| f.kind == COMPARISON);
            if !found.is_empty() && found.len() <= MAX_MENTIONS && !compared {
                reading_as(&said.command());
                write_found(conn, out, &found, &said)?;
                say!(
                    "no claim on '{}' for {}; {} {} '{}'",
                    topics.join(" or "),
                    some_of(subjects, 5),
                    plural(found.len(), "claim"),
                    if found.len() == 1 { "says" } else { "say" },
                    printable(phrase)
                );
                return note(
                    out,
                    "The article states no comparison on this; the claims that say it are above.",
                );
            }
        }
    }
    let mut verdict = comparison_verdict(&found);
    // Then each side's own claims on the topics (not a tally: the claims themselves).
    let mut command = select.command();
    if !topics.is_empty() {
        let mut sides = Select::new(conn, &named, topics)?;
        sides.kinds = vec![
            Kind::Feature.as_str(),
            Kind::Pro.as_str(),
            Kind::Con.as_str(),
            Kind::Limitation.as_str(),
            Kind::Fact.as_str(),
            Kind::UseCase.as_str(),
        ];
        let rest = sides.fetch(conn)?;
        command.push_str(" ; claimdb ");
        command.push_str(
            &Select {
                kinds: Vec::new(),
                ..sides
            }
            .command(),
        );
        found.extend(rest);
    }
    // Each named side appears: where one has nothing on the topics, the article's
    // comparisons between them on anything.
    if subjects.len() >= 2
        && subjects
            .iter()
            .any(|s| !found.iter().any(|f| f.subject == *s))
    {
        let (_, between) = comparisons(conn, subjects, &[])?;
        command.push_str(&format!(
            " ; claimdb {}",
            Select {
                topics: Vec::new(),
                topic_names: Vec::new(),
                ..Select::new(conn, subjects, &[])?
            }
            .command()
            .replacen("claims", "claims --kind comparison", 1)
        ));
        let mut added = 0;
        for f in between {
            if !found.iter().any(|g| g.claim_id == f.claim_id) {
                found.push(f);
                added += 1;
            }
        }
        if verdict.is_none() && added > 0 && !topics.is_empty() {
            verdict = Some(format!(
                "The article compares them on other topics (the comparison rows above), not on {}",
                topics.join(" or ")
            ));
        }
    }
    // Comparison claims first (a stable sort keeps the article's order within).
    found.sort_by_key(|f| f.kind != COMPARISON);
    reading_as(&command);
    write_found(conn, out, &found, &select)?;
    if found.is_empty() {
        return no_claim(conn, subjects, topics, &[]);
    }
    note(
        out,
        &verdict.unwrap_or_else(|| {
            "The article states no comparison on this; each side's claims are above.".to_string()
        }),
    )
}

/// "is X easier than Y" where no topic names "easier": the comparisons between them
/// that say it first, then their other comparisons.
fn compare_mentioning(
    conn: &Connection,
    out: &mut Output,
    subjects: &[String],
    words: &[String],
) -> Result<()> {
    let (mut select, all) = comparisons(conn, subjects, &[])?;
    select.mentions = words.to_vec();
    let saying: Vec<i64> = select.fetch(conn)?.iter().map(|f| f.claim_id).collect();
    let (mut found, rest): (Vec<Found>, Vec<Found>) =
        all.into_iter().partition(|f| saying.contains(&f.claim_id));
    if found.is_empty() {
        // Their other comparisons would not answer it: say so instead.
        reading_as(&select.command());
        write_found(conn, out, &[], &select)?;
        return no_claim(conn, subjects, &[], words);
    }
    let verdict = comparison_verdict(&found);
    reading_as(&format!(
        "{} ; claimdb {}",
        select.command(),
        Select {
            mentions: Vec::new(),
            ..Select::new(conn, subjects, &[])?
        }
        .command()
        .replacen("claims", "claims --kind comparison", 1)
    ));
    found.extend(rest);
    write_found(conn, out, &found, &select)?;
    if found.is_empty() {
        return no_claim(conn, subjects, &[], words);
    }
    note(
        out,
        &verdict.unwrap_or_else(|| {
            format!(
                "No comparison between them says '{}'; their other comparisons are above.",
                printable(&words.join(" "))
            )
        }),
    )
}

fn advice_answer(
    conn: &Connection,
    out: &mut Output,
    subjects: &[String],
    topics: &[String],
) -> Result<()> {
    let (_, mut found) = comparisons(conn, subjects, topics)?;
    let verdict = comparison_verdict(&found);
    let mut select = Select::new(conn, subjects, topics)?;
    // For everyone: what the article suggests them for. For a named subject
    // ("is X good for beginners"): everything it says of that subject on it.
    select.kinds = if subjects.is_empty() {
        vec![Kind::UseCase.as_str(), Kind::Pro.as_str()]
    } else {
        vec![
            Kind::UseCase.as_str(),
            Kind::Pro.as_str(),
            Kind::Con.as_str(),
            Kind::Limitation.as_str(),
            Kind::Feature.as_str(),
            Kind::Fact.as_str(),
        ]
    };
    let uses = select.fetch(conn)?;
    let suggested: Vec<String> = {
        let mut names: Vec<String> = Vec::new();
        for f in uses.iter().filter(|f| f.kind == "use-case") {
            let line = format!("{} (line {})", f.subject, f.line_start);
            if !names
                .iter()
                .any(|n| n.starts_with(&format!("{} ", f.subject)))
            {
                names.push(line);
            }
        }
        names
    };
    found.extend(uses);
    let mut command = Select {
        kinds: vec![COMPARISON, Kind::UseCase.as_str(), Kind::Pro.as_str()],
        ..Select::new(conn, subjects, topics)?
    }
    .command();
    if found.is_empty() {
        // No use case or comparison: what the article says on the topic at all.
        let all = Select::new(conn, subjects, topics)?;
        found = all.fetch(conn)?;
        command = all.command();
    }
    reading_as(&command);
    write_found(conn, out, &found, &select)?;
    if found.is_empty() {
        return no_claim(conn, subjects, topics, &[]);
    }
    let mut lines: Vec<String> = Vec::new();
    if !suggested.is_empty() {
        lines.push(format!(
            "The article names as a use case: {}",
            suggested.join(", ")
        ));
    }
    if let Some(v) = verdict {
        lines.push(v);
    }
    if !lines.is_empty() {
        note(out, &format!("{}.", lines.join(". ")))?;
    }
    Ok(())
}
