//! Answering what `interpret` read: the rows of the matching command (through the
//! answer layer, src/answers/, and src/query.rs, into the one output writer), a
//! verdict line only where the claims state one, and an honest "no claim" where the
//! knowledge base says nothing. One file per intent; the "no claim" explanations in
//! explain.rs.
//!
//! On stderr, every answer first says how the question was read, as the precise
//! command (`reading this as: claimdb which lacks built-in authentication`), so
//! people learn the exact forms; in JSON the rows keep that command's shape.

mod advice;
mod attribute;
mod catalogue;
mod closest;
mod companies;
mod compare;
mod explain;
mod facts;
mod keywords;
mod lists;
mod other_names;
mod rows;
mod say;
mod select;
mod which;
mod yes_no;

use rusqlite::Connection;

use crate::ask::answer::compare::Asked;
use crate::ask::answer::say::{printable, say};
use crate::ask::intent::{Intent, Reading};
use crate::ask::interpret;
use crate::ask::scope;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::rows::Sink;

/// Longer than any question: a pasted article is not read word by word.
const MAX_QUESTION_CHARS: usize = 1000;

/// Reads the question: names first; company names only when some word is left
/// unexplained (they may be what it is).
pub fn read(conn: &Connection, question: &str) -> Result<Reading> {
    read_with(conn, question, None, &[])
}

/// [`read`] with only the topics article `source_id` (when given) has claims on as
/// names a question may use.
fn read_with(
    conn: &Connection,
    question: &str,
    source_id: Option<i64>,
    as_typed: &[String],
) -> Result<Reading> {
    let mut learned: Vec<(String, String)> = Vec::new();
    let catalogue =
        |companies: bool, learned: &[(String, String)]| -> Result<crate::ask::intent::Catalogue> {
            let mut c = catalogue::catalogue(conn, question, companies)?;
            c.as_typed = as_typed.to_vec();
            // Other names the articles give their subjects, for words nothing else named.
            for (word, subject) in learned {
                let alias = crate::names::fold(word);
                match c.subjects.iter_mut().find(|e| e.name == *subject) {
                    Some(entry) => entry.aliases.push(alias),
                    None => c.subjects.push(crate::ask::intent::Entry {
                        name: subject.clone(),
                        aliases: vec![alias],
                    }),
                }
            }
            if let Some(source_id) = source_id {
                let mut kept = Vec::new();
                for t in std::mem::take(&mut c.topics) {
                    if scope::has_topic(conn, source_id, &t.name)? {
                        kept.push(t);
                    }
                }
                c.topics = kept;
            }
            Ok(c)
        };
    let reading = interpret::read(question, &catalogue(false, &learned)?);
    if reading.unknown.is_empty() {
        return Ok(reading);
    }
    learned = other_names::learned(conn, &reading.unknown)?;
    if !learned.is_empty() {
        let reading = interpret::read(question, &catalogue(false, &learned)?);
        if reading.unknown.is_empty() {
            return Ok(reading);
        }
    }
    Ok(interpret::read(question, &catalogue(true, &learned)?))
}

/// Answers `question`, from the articles of `sources` when some are given (their
/// slugs), else from those the question is about (src/ask/scope.rs).
pub fn run(db: &Db, out: &mut dyn Sink, question: &str, sources: &[String]) -> Result<()> {
    // One read transaction for the whole answer: the catalogue, the claims and the
    // verdict come from the same state of the file, and the WAL read lock is taken
    // once instead of once per statement.
    let snapshot = db.conn.unchecked_transaction()?;
    answer(db, out, question, sources)?;
    snapshot.finish()?;
    Ok(())
}

fn answer(db: &Db, out: &mut dyn Sink, typed: &str, sources: &[String]) -> Result<()> {
    let conn = &db.conn;
    if typed.chars().count() > MAX_QUESTION_CHARS {
        return Err(Error::usage(format!(
            "the question is longer than {MAX_QUESTION_CHARS} characters"
        ))
        .with_hint("ask one thing at a time"));
    }
    let typed = &*crate::ask::words::plain_question(typed);
    let chosen = scope::named(conn, typed, sources)?;
    let question = chosen.question.as_str();
    if !chosen.ids.is_empty() {
        crate::db::scope::limit_to(conn, &chosen.ids)?;
    }
    let reading = read(conn, question)?;
    let mut reading = read_by_subjects(conn, question, &chosen, reading)?;
    // Several topics read from one shared word, no subject: the one whose claims
    // say the question's other words.
    if let Some(topics) = closest::narrower_topics(conn, question, &reading)? {
        reading.topics = topics;
    }
    let mut slugs = chosen.slugs.clone();
    let mut asked_of: Vec<String> = Vec::new();
    if chosen.ids.is_empty()
        && chosen.several
        && reading.subjects.is_empty()
        && let Some((source_id, words)) = article_in_focus(conn, question, &reading)?
    {
        crate::db::scope::limit_to(conn, &[source_id])?;
        slugs = crate::db::scope::slugs(conn, &[source_id])?;
        reading = read(conn, question)?;
        asked_of = words;
    }
    say::answering_from(&slugs);
    closer(conn, question, &mut reading)?;
    // "how much does X cost": where no claim says it, say so rather than answer with
    // what is nearby as if it were the price.
    if attribute_unsaid(conn, out, question, &reading)? {
        return Ok(());
    }
    // Nothing else read, but words one article's claims say: the claims that say
    // them, those words shown as the thing asked of (elsewhere they may be any
    // word, "lose", and are not).
    let intent = match reading.intent() {
        Some(intent) => {
            asked_of.clear();
            Some(intent)
        }
        None => (!asked_of.is_empty()).then(|| Intent::Unknown {
            subjects: Vec::new(),
            words: asked_of.clone(),
            compare: false,
        }),
    };
    let Some(intent) = intent else {
        return Err(nothing_named(conn, typed)?);
    };
    // What the question compares with that names no subject: shown where a claim
    // found names it (src/ask/answer/rows.rs).
    asked_of.extend(reading.other_sides.iter().cloned());
    let sides = asked_of.as_slice();
    say_corrections(&reading);
    if versus_unnamed(conn, out, question, &reading, sides)? {
        return Ok(());
    }
    match intent {
        Intent::Which {
            lacks,
            builtin,
            topic,
        } => which::which_answer(conn, out, lacks, builtin, &topic, sides),
        Intent::List(question) => lists::list_answer(db, out, question, sides),
        Intent::Company {
            companies,
            subjects,
        } => companies::company_answer(conn, out, &companies, &subjects, sides),
        Intent::Facts { subjects, topics } => {
            facts::facts_answer(conn, out, &subjects, &topics, reading.when, sides)
        }
        Intent::YesNo {
            subjects, topics, ..
        } => yes_no::yes_no_answer(
            conn,
            out,
            (&subjects, &topics),
            &reading.topic_phrases,
            &reading.unknown,
            sides,
        ),
        Intent::Compare { subjects, topics } => {
            let asked = Asked {
                phrases: &reading.topic_phrases,
                question,
                advice: reading.advice,
                sides,
            };
            compare::compare_answer(conn, out, &subjects, &topics, asked)
        }
        Intent::Advice { subjects, topics } => {
            advice::advice_answer(conn, out, &subjects, &topics, sides)
        }
        Intent::Keywords { subjects, topics } => {
            keywords::keywords_answer(conn, out, &subjects, &topics, sides)
        }
        Intent::Unknown {
            subjects,
            words,
            compare: true,
        } => compared_with_unknown(conn, out, question, &reading, &subjects, &words, sides),
        Intent::Unknown {
            subjects,
            words,
            compare: false,
        } => keywords::mentions_answer(conn, out, &subjects, &words, sides),
    }
}

/// The typos read as names, said on stderr ("reading 'quoka' as 'quokka'").
fn say_corrections(reading: &Reading) {
    let corrections: Vec<String> = reading
        .corrections
        .iter()
        .map(|(typed, read)| format!("'{}' as '{read}'", printable(typed)))
        .collect();
    if !corrections.is_empty() {
        say(&format!("reading {}", corrections.join(", ")));
    }
}

/// The error for a question that names nothing known, with examples.
fn nothing_named(conn: &Connection, typed: &str) -> Result<Error> {
    Ok(Error::usage(format!(
        "nothing in \"{}\" names a subject, topic or company claimdb knows",
        printable(typed.trim())
    ))
    .with_hint(format!(
        "questions claimdb understands, for example:\n{}\n  `claimdb subjects` and `claimdb topics` list the names it knows",
        explain::examples(conn)?
    )))
}

/// "A vs zorb", zorb no subject: A's few claims that name zorb are the comparison
/// asked for. True when they answered.
fn versus_unnamed(
    conn: &Connection,
    out: &mut dyn Sink,
    question: &str,
    reading: &Reading,
    sides: &[String],
) -> Result<bool> {
    let [subject] = reading.subjects.as_slice() else {
        return Ok(false);
    };
    if reading.other_sides.is_empty()
        || !crate::ask::words::said(
            &crate::ask::words::tokens(question),
            &crate::text::english::VERSUS,
        )
    {
        return Ok(false);
    }
    other_side_named(
        conn,
        out,
        subject,
        reading,
        &reading.other_sides,
        false,
        sides,
    )
}

/// The article a question that names no subject is about, with the words that
/// chose it where they name nothing known: the article whose claims say the
/// question's words (most of them, and the rarest: "which of these ..."); else the
/// one article whose claims say words that name nothing known ("does zorbproxy do
/// http2": those words are the thing asked of); else the one article the topics
/// asked about are all of (another's general verdicts do not answer it).
fn article_in_focus(
    conn: &Connection,
    question: &str,
    reading: &Reading,
) -> Result<Option<(i64, Vec<String>)>> {
    if let Some(id) = scope::focus(conn, question)? {
        return Ok(Some((id, Vec::new())));
    }
    if let Some(found) = scope::said_only_in(conn, &reading.unknown)? {
        return Ok(Some(found));
    }
    Ok(scope::topics_source(conn, &reading.topics)?.map(|id| (id, Vec::new())))
}

/// A comparison with something no name holds. One subject compared with it: its
/// comparisons with "the others" on the topic asked answer ("more memory safe than
/// other servers"), and nothing else of it does.
fn compared_with_unknown(
    conn: &Connection,
    out: &mut dyn Sink,
    question: &str,
    reading: &Reading,
    subjects: &[String],
    words: &[String],
    sides: &[String],
) -> Result<()> {
    if subjects.len() == 1
        && !reading.topics.is_empty()
        && !select::comparisons(conn, subjects, &reading.topics)?
            .1
            .is_empty()
    {
        let asked = Asked {
            phrases: &reading.topic_phrases,
            question,
            advice: reading.advice,
            sides,
        };
        return compare::compare_answer(conn, out, subjects, &reading.topics, asked);
    }
    if let [subject] = subjects
        && other_side_named(conn, out, subject, reading, words, true, sides)?
    {
        return Ok(());
    }
    compare::compare_mentioning(conn, out, subjects, words, sides)
}

/// "is X faster than zorb", zorb no subject: the few claims of X that name zorb
/// (of any kind: "ran 1.3 times faster than zorb" is a fact) on the topic asked
/// compare the two; without `need_topic` ("A vs zorb") all of them do, where none
/// or one of them is on the topic asked. False when none does. `asked_sides`:
/// every word compared with that names no subject, for the rows.
fn other_side_named(
    conn: &Connection,
    out: &mut dyn Sink,
    subject: &str,
    reading: &Reading,
    words: &[String],
    need_topic: bool,
    asked_sides: &[String],
) -> Result<bool> {
    let sides: Vec<String> = words
        .iter()
        .filter(|w| reading.other_sides.contains(w))
        .cloned()
        .collect();
    if sides.is_empty() {
        return Ok(false);
    }
    let mut select = select::Select::new(conn, &[subject.to_string()], &[])?;
    select.filter.fts_words = sides.clone();
    let found = select.fetch(conn)?;
    if found.is_empty() || found.len() > rows::MAX_MENTIONS {
        return Ok(false);
    }
    // On the topic asked ("faster": not a claim of config formats that names it);
    // a comparative no topic names ("smaller") is not answered by any of them.
    // "A vs zorb on speed": all of them, those on the topic asked first, where one
    // is on it.
    let (mut found, rest): (Vec<_>, Vec<_>) = found
        .into_iter()
        .partition(|f| reading.topics.contains(&f.topic));
    if found.is_empty() && (need_topic || !reading.topics.is_empty()) {
        return Ok(false);
    }
    if !need_topic {
        found.extend(rest);
    }
    say::reading_as(&select.command());
    rows::write_found(conn, out, &found, &select, asked_sides)?;
    say(&format!(
        "no comparison claim between {subject} and '{}'; the claims of {subject} that name it are above",
        printable(&sides.join(" "))
    ));
    Ok(true)
}

/// The question read again where its subjects say more: a subject named only
/// inside a topic's words dropped, the one article all subjects belong to keeping
/// the topics to its own, and a word the subjects' claims say kept as typed.
fn read_by_subjects(
    conn: &Connection,
    question: &str,
    chosen: &scope::Chosen,
    mut reading: Reading,
) -> Result<Reading> {
    let mut topic_words = topic_words(conn, &mut reading)?;
    // A subject read from one word of its longer name, beside a subject named
    // whole in another article ("zg ... quux_folders" and "single quux zorb"): the
    // word is the question's own, not that subject.
    topic_words.extend(partial_apart(conn, &reading)?);
    reading.subjects.retain(|s| !topic_words.contains(s));
    topic_words.extend(said_by_the_other(conn, &reading)?);
    reading.subjects.retain(|s| !topic_words.contains(s));
    let mut one_source = None;
    // Subjects that all belong to one article: the question uses that article's
    // words, so another article's aliases cannot capture it (the rows are theirs
    // alone already). Found through the subject index, not a pass over the article.
    if chosen.ids.is_empty()
        && chosen.several
        && let Some(source_id) = scope::subjects_source(conn, &reading.subjects)?
    {
        reading = read_with(conn, question, Some(source_id), &[])?;
        reading.subjects.retain(|s| !topic_words.contains(s));
        let apart = partial_apart(conn, &reading)?;
        reading.subjects.retain(|s| !apart.contains(s));
        one_source = Some(source_id);
    }
    // A word the other subjects' claims say as typed ("the latest Zorb release"),
    // read as a typo of another subject's name: read again keeping it as typed.
    let as_typed = said_as_typed(conn, &reading)?;
    if !as_typed.is_empty() {
        reading = read_with(conn, question, one_source, &as_typed)?;
        reading.subjects.retain(|s| !topic_words.contains(s));
        let apart = partial_apart(conn, &reading)?;
        reading.subjects.retain(|s| !apart.contains(s));
    }
    Ok(reading)
}

/// Whether `subject` has a claim in an article that also has a claim on one of
/// `others` (through the subject index, no pass over the claims).
fn shares_an_article(conn: &Connection, subject: &str, others: &[&String]) -> Result<bool> {
    let mut stmt = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM claims a JOIN claims b ON a.source_id = b.source_id
                        WHERE a.subject_id = (SELECT subject_id FROM subjects WHERE name = ?1)
                          AND b.subject_id = (SELECT subject_id FROM subjects WHERE name = ?2))",
    )?;
    for other in others {
        if stmt.query_row(rusqlite::params![subject, other], |r| r.get::<_, bool>(0))? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The subjects read from one word of a longer name that share no article with
/// the subjects named whole.
fn partial_apart(conn: &Connection, reading: &Reading) -> Result<Vec<String>> {
    let whole: Vec<String> = reading
        .subjects
        .iter()
        .filter(|s| !reading.partial_subjects.contains(s))
        .cloned()
        .collect();
    if whole.is_empty() || reading.partial_subjects.is_empty() {
        return Ok(Vec::new());
    }
    let whole: Vec<&String> = whole.iter().collect();
    let mut apart = Vec::new();
    for partial in &reading.partial_subjects {
        if !shares_an_article(conn, partial, &whole)? {
            apart.push(partial.clone());
        }
    }
    Ok(apart)
}

/// "does X stream the request body for outgoing requests", "what logger does X
/// use": of two subjects of articles that share none, one ("requests", "logger")
/// whose name the other's claims say as a word, while its own claims never name
/// the other, is the question's word about the other, not a second subject. Not
/// in a comparison or advice ("should I use X with Y"), where two articles'
/// subjects are asked about together.
fn said_by_the_other(conn: &Connection, reading: &Reading) -> Result<Vec<String>> {
    let [a, b] = reading.subjects.as_slice() else {
        return Ok(Vec::new());
    };
    if reading.comparative
        || reading.advice
        || reading.good_for
        || shares_an_article(conn, a, &[b])?
    {
        return Ok(Vec::new());
    }
    let says = |of: &String, name: &String| {
        claims_say(conn, std::slice::from_ref(of), &name.replace('-', " "))
    };
    Ok(match (says(a, b)?, says(b, a)?) {
        (true, false) => vec![b.clone()],
        (false, true) => vec![a.clone()],
        _ => Vec::new(),
    })
}

/// Whether a claim of one of `subjects` says `word` (folded) as a word or words.
fn claims_say(conn: &Connection, subjects: &[String], word: &str) -> Result<bool> {
    let placeholders = vec!["?"; subjects.len()].join(", ");
    let mut stmt = conn.prepare(&format!(
        "SELECT c.statement FROM claims c JOIN subjects s ON s.subject_id = c.subject_id
         WHERE s.name IN ({placeholders})"
    ))?;
    let statements = stmt.query_map(rusqlite::params_from_iter(subjects), |r| {
        r.get::<_, String>(0)
    })?;
    let word = format!(" {} ", crate::names::fold(word));
    for statement in statements {
        let words: Vec<String> = statement?
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(crate::names::fold)
            .collect();
        if format!(" {} ", words.join(" ")).contains(&word) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The words a subject was read from as a typo that some claim uses as a word ("so
/// they share one tool" is not about "sharx"), that the claims of the question's
/// other subjects say as typed, or whose subject shares no article with them ("can
/// plimq back up" is not about another article's "brack").
fn said_as_typed(conn: &Connection, reading: &Reading) -> Result<Vec<String>> {
    let mut said = Vec::new();
    for (word, subject) in &reading.subject_forms {
        if a_claims_word(conn, word)? {
            said.push(word.clone());
            continue;
        }
        let others: Vec<&String> = reading.subjects.iter().filter(|s| *s != subject).collect();
        if others.is_empty() {
            continue;
        }
        if !shares_an_article(conn, subject, &others)? {
            said.push(word.clone());
            continue;
        }
        let others: Vec<String> = others.into_iter().cloned().collect();
        if claims_say(conn, &others, word)? {
            said.push(word.clone());
        }
    }
    Ok(said)
}

/// Whether some claim's statement or quote has `word` as a word (through the
/// full-text index; only asked of a word read as a typo).
fn a_claims_word(conn: &Connection, word: &str) -> Result<bool> {
    if !word.chars().all(char::is_alphanumeric) {
        return Ok(false);
    }
    let mut stmt =
        conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM claims_fts WHERE claims_fts MATCH ?1)")?;
    Ok(stmt.query_row([format!("\"{word}\"")], |r| r.get::<_, bool>(0))?)
}

/// A subject named only inside a topic's words ("widgets per hour") that has no
/// claim on that topic is a word of the topic, not a subject asked about: taken
/// out of the reading's subjects, and returned.
fn topic_words(conn: &Connection, reading: &mut Reading) -> Result<Vec<String>> {
    let mut words = Vec::new();
    for subject in std::mem::take(&mut reading.subjects_in_topics) {
        let one = std::slice::from_ref(&subject);
        if !closest::has_claims_on(conn, one, &reading.topics)? {
            words.push(subject);
        }
    }
    reading.subjects.retain(|s| !words.contains(s));
    Ok(words)
}

/// A topic read from one word of its name, or none where words were left over:
/// the claims' own words may say better what was asked (src/ask/answer/closest.rs).
fn closer(conn: &Connection, question: &str, reading: &mut Reading) -> Result<()> {
    // Companies asked for where no company claim is about the subjects: the claims
    // that say the words asked may still answer.
    let companies_unsaid = reading.list == Some(crate::ask::intent::ListKind::Companies)
        && !reading.subjects.is_empty()
        && !companies::any_company_claim(conn, &reading.subjects)?;
    // A list of one kind on a topic ("problems with X's certificates") is that topic's.
    // And a list asked with words no name explains ("features like completion"):
    // the claims that say those words may be what is asked.
    let on_topic = reading.list.is_some()
        && reading.list != Some(crate::ask::intent::ListKind::Companies)
        && (!reading.topics.is_empty() || !reading.unknown.is_empty());
    // "who uses X" read as a topic too ("adoption"), where no company claim is on
    // X: the claims of X on that topic answer.
    if companies_unsaid
        && !reading.topics.is_empty()
        && closest::has_claims_on(conn, &reading.subjects, &reading.topics)?
    {
        reading.list = None;
        return Ok(());
    }
    if (reading.list.is_none() || companies_unsaid || on_topic)
        && let Some(topics) = closest::closer_topics(conn, question, reading, companies_unsaid)?
    {
        reading.topics = topics;
        reading.unknown.clear();
        reading.list = None;
    }
    Ok(())
}

/// True when the question asks for an attribute no claim holds: said so on
/// stderr, and an empty list written.
fn attribute_unsaid(
    conn: &Connection,
    out: &mut dyn Sink,
    question: &str,
    reading: &Reading,
) -> Result<bool> {
    if reading.topics.is_empty()
        && reading.list.is_none()
        && reading.companies.is_empty()
        && let Some(asked) = attribute::asked_of(question, !reading.subjects.is_empty())
        && attribute::unsaid(conn, &asked, &reading.subjects)?
    {
        // No row answers it: an empty list (`[]` in JSON), not no output at all.
        let columns: Vec<crate::rows::Column> = crate::query::CLAIM_COLUMNS
            .iter()
            .map(|(_, c)| c.clone())
            .collect();
        out.rows(&columns)?.finish()?;
        return Ok(true);
    }
    Ok(false)
}
