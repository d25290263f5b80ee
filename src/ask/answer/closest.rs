//! The topic a question means, read from the claims' own words where the names read
//! it weakly: "what toolchain version builds Quokka" names the topic `http-versions`
//! by its one word "version", while a claim of Quokka's says "building Quokka needs
//! toolchain 9.1" under `build-requirement`. When the question's words left over by
//! the names (and the topic's own words) are said by some claim of the subjects
//! asked more tellingly than by any claim on the topic read, that claim's topic is
//! the one asked about. Words are weighed by how few of the subjects' claims say
//! them, so a word every claim uses counts for little.

use rusqlite::Connection;

use crate::ask::intent::Reading;
use crate::ask::words::{is_filler, said, tokens};
use crate::error::Result;
use crate::text::classes;
use crate::text::english::inflect::singular;
use crate::text::english::{self, FUNCTION_WORDS, Words};

/// At most this many topics are taken from the claims' words (ties of the best).
const MAX_TOPICS: usize = 2;

/// One claim of the subjects asked, as words to match.
struct Candidate {
    topic: String,
    words: Vec<String>,
}

/// A question word as the start a claim's word must have: its singular, cut before
/// a long word's ending ("certificates" and "certificate" meet at "certifica").
fn key(word: &str) -> String {
    let s = singular(word);
    let n = s.chars().count();
    if n >= 7 && s.is_ascii() {
        s[..n - 2].to_string()
    } else {
        s
    }
}

/// A key and the keys of the words of the same meaning (src/text/english/
/// same_meaning.txt), joined by `|`: a claim saying any of them says it.
fn with_same_meaning(word: &str) -> String {
    let Some(line) = english::SAME_MEANING
        .all()
        .iter()
        .find(|line| line.split(',').any(|w| w.trim() == word))
    else {
        return key(word);
    };
    let mut keys: Vec<String> = Vec::new();
    // The line spells its forms out: each is kept whole ("startup" is not "start").
    for w in line.split(',') {
        let k = singular(w.trim());
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    keys.join("|")
}

fn says(words: &[String], key: &str) -> bool {
    key.split('|').any(|k| says_one(words, k))
}

fn says_one(words: &[String], key: &str) -> bool {
    // A compound ("exactly once", from "exactly-once") is said by its words in a row.
    if key.contains(' ') {
        let parts: Vec<&str> = key.split(' ').collect();
        return words
            .windows(parts.len())
            .any(|run| run.iter().zip(&parts).all(|(w, k)| says_word(w, k)));
    }
    words.iter().any(|w| says_word(w, key))
}

/// One claim word says one key's word. A short key is a word of its own ("go" is
/// not the start of "good").
fn says_word(word: &str, key: &str) -> bool {
    if key.chars().count() <= 3 {
        word == key || singular(word) == key
    } else {
        word.starts_with(key)
    }
}

fn text_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The question's content words as keys: no filler, no word of a subject's name or
/// of a class word ("type checker").
fn content_keys(question: &str, reading: &Reading, with_named: bool) -> Vec<String> {
    let named: Vec<String> = reading
        .subjects
        .iter()
        .flat_map(|s| text_words(s))
        .collect();
    let words = tokens(question);
    let mut found: Vec<(usize, String)> = Vec::new();
    // A compound of content words ("exactly-once") is one idea: its words must stand
    // together in a claim, not each anywhere.
    let mut in_compounds: Vec<String> = Vec::new();
    for raw in question.split_whitespace() {
        let raw = raw.to_lowercase();
        let parts = text_words(&raw);
        if parts.len() >= 2
            && raw.contains('-')
            && parts
                .iter()
                .all(|p| !FUNCTION_WORDS.contains(p) && !signal(p) && !named.contains(p))
            && (with_named || !parts.iter().any(|p| reading.named_words.contains(p)))
        {
            let k = parts.iter().map(|p| key(p)).collect::<Vec<_>>().join(" ");
            if !found.iter().any(|(_, f)| *f == k) {
                let at = words.iter().position(|w| *w == parts[0]).unwrap_or(0);
                found.push((at, k));
            }
            in_compounds.extend(parts);
        }
    }
    for (i, w) in words.iter().enumerate() {
        if !with_named && reading.named_words.contains(w) {
            continue;
        }
        for part in text_words(w) {
            if in_compounds.contains(&part) {
                continue;
            }
            if FUNCTION_WORDS.contains(&part)
                || signal(&part)
                || named.iter().any(|n| *n == part || singular(&part) == *n)
            {
                continue;
            }
            let k = with_same_meaning(&part);
            if !k.is_empty() && !found.iter().any(|(_, f)| *f == k) {
                found.push((i, k));
            }
        }
    }
    if found.is_empty() {
        return Vec::new();
    }
    // "which linter": the class asked for, not what is asked about it.
    let class_words: Vec<usize> = classes::named(&words)
        .into_iter()
        .filter(|(at, _, _)| *at > 0 && english::CLASS_OPENERS.contains(&words[at - 1]))
        .flat_map(|(at, n, _)| at..at + n)
        .collect();
    let keys: Vec<String> = found
        .into_iter()
        .filter(|(i, _)| !class_words.contains(i))
        .map(|(_, k)| k)
        .collect();
    keys
}

/// The lists of words that say what kind of answer is asked ("lack", "built",
/// "when"), not what it is about.
const SIGNALS: &[&Words] = &[
    &english::LACKING,
    &english::BUILTIN,
    &english::ORIGIN,
    &english::WHEN,
    &english::ADVICE,
];

/// True when `word` signals the kind of answer: a word of the question lists that
/// are filler for names without being `english::FILLER` ("does", "have", "vs"), or
/// of [`SIGNALS`].
fn signal(word: &str) -> bool {
    let w = [word.to_string()];
    (is_filler(word) && !english::FILLER.contains(word)) || SIGNALS.iter().any(|l| said(&w, l))
}

/// The claims of `subjects` (their own, and comparisons against them), as words.
fn candidates(conn: &Connection, subjects: &[String]) -> Result<Vec<Candidate>> {
    let placeholders = vec!["?"; subjects.len()].join(", ");
    let sql = format!(
        "SELECT t.name, c.statement, c.quote, c.value
         FROM claims c JOIN topics t ON t.topic_id = c.topic_id
         WHERE c.subject_id IN (SELECT subject_id FROM subjects WHERE name IN ({placeholders}))
            OR c.versus_id IN (SELECT subject_id FROM subjects WHERE name IN ({placeholders}))"
    );
    let mut stmt = conn.prepare(&sql)?;
    let params: Vec<&String> = subjects.iter().chain(subjects.iter()).collect();
    let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| candidate(r, true))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A claim as a [`Candidate`] from a row (topic, then three texts: statement, quote,
/// value): its words are those of the texts, and of the topic's name when
/// `with_topic`.
fn candidate(r: &rusqlite::Row, with_topic: bool) -> rusqlite::Result<Candidate> {
    let topic: String = r.get(0)?;
    let mut text = if with_topic {
        topic.replace('-', " ")
    } else {
        String::new()
    };
    for i in 1..=3 {
        if let Some(s) = r.get::<_, Option<String>>(i)? {
            text.push(' ');
            text.push_str(&s);
        }
    }
    Ok(Candidate {
        topic,
        words: text_words(&text),
    })
}

/// True when some claim of `subjects` is on one of `topics`.
pub fn has_claims_on(conn: &Connection, subjects: &[String], topics: &[String]) -> Result<bool> {
    let s = vec!["?"; subjects.len()].join(", ");
    let t = vec!["?"; topics.len()].join(", ");
    let sql = format!(
        "SELECT EXISTS (SELECT 1 FROM claims c
             JOIN subjects s ON s.subject_id IN (c.subject_id, c.versus_id)
             JOIN topics t ON t.topic_id = c.topic_id
         WHERE s.name IN ({s}) AND t.name IN ({t}))"
    );
    let params: Vec<&String> = subjects.iter().chain(topics.iter()).collect();
    Ok(conn.query_row(&sql, rusqlite::params_from_iter(params), |r| r.get(0))?)
}

/// The topics the claims of the question's subjects say its words under, where
/// that says more than the topics read (None: keep the reading). Looked at only
/// where some content word named nothing, or no claim of the subjects is on the
/// topics read: a question its names read whole costs nothing more.
pub fn closer_topics(
    conn: &Connection,
    question: &str,
    reading: &Reading,
    asked_elsewhere: bool,
) -> Result<Option<Vec<String>>> {
    // A comparison is the comparison answer's: "faster than Y", Y unknown, is no
    // claim, not whatever claim says Y.
    if reading.subjects.is_empty()
        || !reading.companies.is_empty()
        || reading.comparative && !asked_elsewhere
    {
        return Ok(None);
    }
    // The words no name was read from.
    let left = content_keys(question, reading, false);
    // No topic and no word left unknown: the reading is whole ("who built X"),
    // unless what it asks for has no claim at all (`asked_elsewhere`).
    // Every word read as a name: nothing to weigh, and no statement run.
    if reading.unknown.is_empty()
        && !asked_elsewhere
        && (reading.topics.is_empty() || left.is_empty())
    {
        return Ok(None);
    }
    let unanswered =
        !reading.topics.is_empty() && !has_claims_on(conn, &reading.subjects, &reading.topics)?;
    // Where the topic read has no claim of the subjects, the words it was read
    // from are words like the others.
    // So too where one word read several topics ("version" of three): which of
    // them is meant is for the claims' words to say.
    let shared_word = reading.topics.len() >= 2;
    let keys = if unanswered || shared_word {
        content_keys(question, reading, true)
    } else {
        left
    };
    if keys.is_empty() {
        return Ok(None);
    }
    let claims = candidates(conn, &reading.subjects)?;
    if claims.is_empty() {
        return Ok(None);
    }
    // A word few claims say tells more than one many say.
    let n = claims.len() as f64;
    let weight: Vec<f64> = keys
        .iter()
        .map(|k| {
            let df = claims.iter().filter(|c| says(&c.words, k)).count();
            if df == 0 {
                0.0
            } else {
                (1.0 + n / df as f64).ln()
            }
        })
        .collect();
    let score = |c: &Candidate| -> (f64, usize) {
        let mut s = 0.0;
        let mut m = 0;
        for (k, w) in keys.iter().zip(&weight) {
            if says(&c.words, k) {
                s += w;
                m += 1;
            }
        }
        (s, m)
    };
    let read_best = claims
        .iter()
        .filter(|c| reading.topics.contains(&c.topic))
        .map(|c| score(c).0)
        .fold(0.0, f64::max);
    // One word of several said is a coincidence ("interface" in a claim on the
    // template engine, for "command line interface"); two words, or the only one,
    // are a match.
    let need = if asked_elsewhere {
        1
    } else {
        keys.len().min(2)
    };
    let mut scored: Vec<(f64, usize, &Candidate)> = claims
        .iter()
        .map(|c| {
            let (s, m) = score(c);
            (s, m, c)
        })
        .filter(|(s, m, _)| *m >= need && *s > read_best + 1e-9)
        .collect();
    if scored.is_empty() {
        // No claim says two of the words. Where nothing else would answer (no topic
        // read, or none the subjects have a claim on), the claims saying the
        // weightier part of the words do, if what they say is telling.
        if reading.topics.is_empty() || unanswered {
            return by_overlap(conn, &keys, &weight, &claims);
        }
        return Ok(None);
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let best = scored[0].0;
    // Where the topic read has claims, one word more is not enough to overrule it.
    if !reading.topics.is_empty() && !unanswered && scored[0].1 < 2 {
        return Ok(None);
    }
    let mut topics: Vec<String> = Vec::new();
    for (s, _, c) in &scored {
        if *s + 1e-9 < best || topics.len() >= MAX_TOPICS {
            break;
        }
        if !topics.contains(&c.topic) {
            topics.push(c.topic.clone());
        }
    }
    Ok(Some(topics))
}

/// A word said by at least this share of the knowledge base's claims is common: a
/// claim saying only common words of a question ("what does X need") does not
/// answer it.
const COMMON_SHARE: f64 = 0.03;

/// The topics of the claims that say at least half the weight of the question's
/// words the subjects' claims say at all, one of them not common in the knowledge
/// base ("what happens to X in a partition": the claim saying "partitioned").
fn by_overlap(
    conn: &Connection,
    keys: &[String],
    weight: &[f64],
    claims: &[Candidate],
) -> Result<Option<Vec<String>>> {
    let total: f64 = weight.iter().sum();
    if total <= 0.0 {
        return Ok(None);
    }
    let all: f64 = conn.query_row("SELECT count(*) FROM main.claims", [], |r| {
        r.get::<_, i64>(0)
    })? as f64;
    let mut rare = Vec::with_capacity(keys.len());
    for (k, w) in keys.iter().zip(weight) {
        rare.push(*w > 0.0 && said_by(conn, k)? < all * COMMON_SHARE);
    }
    let mut scored: Vec<(f64, &Candidate)> = claims
        .iter()
        .filter_map(|c| {
            let mut s = 0.0;
            let mut telling = false;
            for ((k, w), rare) in keys.iter().zip(weight).zip(&rare) {
                if says(&c.words, k) {
                    s += w;
                    telling |= *rare;
                }
            }
            (telling && s * 2.0 + 1e-9 >= total).then_some((s, c))
        })
        .collect();
    if scored.is_empty() {
        return Ok(None);
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let best = scored[0].0;
    let mut topics: Vec<String> = Vec::new();
    for (s, c) in &scored {
        if *s + 1e-9 < best || topics.len() >= MAX_TOPICS {
            break;
        }
        if !topics.contains(&c.topic) {
            topics.push(c.topic.clone());
        }
    }
    Ok(Some(topics))
}

/// How many claims of the whole knowledge base say the key (or a word of the same
/// meaning), through the full-text index.
fn said_by(conn: &Connection, key: &str) -> Result<f64> {
    let query = key
        .split('|')
        .filter(|k| k.chars().all(char::is_alphanumeric) && !k.is_empty())
        .map(|k| {
            if k.chars().count() <= 3 {
                format!("\"{k}\"")
            } else {
                format!("\"{k}\"*")
            }
        })
        .collect::<Vec<_>>()
        .join(" OR ");
    if query.is_empty() {
        return Ok(0.0);
    }
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM main.claims_fts WHERE claims_fts MATCH ?1",
        [query],
        |r| r.get(0),
    )?;
    Ok(n as f64)
}

/// The claims on `topics` (any subject), as words.
fn on_topics(conn: &Connection, topics: &[String]) -> Result<Vec<Candidate>> {
    let placeholders = vec!["?"; topics.len()].join(", ");
    let sql = format!(
        "SELECT t.name, c.statement, c.quote, c.value
         FROM claims c JOIN topics t ON t.topic_id = c.topic_id
         WHERE t.name IN ({placeholders})"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(topics), |r| candidate(r, false))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Several topics read from one word a question shares with them ("data" names
/// four topics of four articles), no subject named: the topic whose claims say
/// the question's other words ("lose hours of recent data") is the one asked.
/// None: keep the reading.
pub fn narrower_topics(
    conn: &Connection,
    question: &str,
    reading: &Reading,
) -> Result<Option<Vec<String>>> {
    if !reading.subjects.is_empty() || reading.topics.len() < 2 {
        return Ok(None);
    }
    let keys = content_keys(question, reading, false);
    if keys.len() < 2 {
        return Ok(None);
    }
    let claims = on_topics(conn, &reading.topics)?;
    let mut best: Vec<(usize, &str)> = Vec::new();
    for c in &claims {
        let matched = keys.iter().filter(|k| says(&c.words, k)).count();
        best.push((matched, c.topic.as_str()));
    }
    best.sort_by_key(|b| std::cmp::Reverse(b.0));
    let Some(&(top, _)) = best.first() else {
        return Ok(None);
    };
    // Two words of the question said, and more than any other topic says.
    if top < 2 {
        return Ok(None);
    }
    let mut topics: Vec<String> = Vec::new();
    for (_, t) in best.iter().take_while(|(m, _)| *m == top) {
        if !topics.iter().any(|x| x == t) {
            topics.push(t.to_string());
        }
    }
    if topics.len() == reading.topics.len() {
        return Ok(None);
    }
    Ok(Some(topics))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_word_meets_its_other_forms_and_a_short_one_only_itself() {
        assert_eq!(key("certificates"), "certifica");
        assert!(says(
            &text_words("certificate problems"),
            &key("certificates")
        ));
        assert!(says(&text_words("building it"), &key("build")));
        assert!(!says(&text_words("a good tool"), &key("go")));
        assert!(says(&text_words("any Go program"), &key("go")));
    }

    /// A compound ("exactly-once") is one key: its words must stand together.
    #[test]
    fn a_compound_is_one_key() {
        let reading = Reading::default();
        assert_eq!(
            content_keys("exactly-once delivery", &reading, true),
            ["exact once", "delive"]
        );
        assert!(says(
            &text_words("runs exactly once per message"),
            "exact once"
        ));
        assert!(!says(&text_words("once acked, exactly"), "exact once"));
    }

    #[test]
    fn a_word_of_one_meaning_is_said_by_any_of_its_line() {
        let depend = with_same_meaning("depend");
        assert!(says(&text_words("Quokka requires Numbat"), &depend));
        assert!(!says(&text_words("Quokka ships Numbat"), &depend));
        assert_eq!(with_same_meaning("numbat"), "numbat");
    }
}
