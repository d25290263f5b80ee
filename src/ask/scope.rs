//! Which articles a question is answered from. A knowledge base of several articles
//! answers each question from the articles it is about, so that one article's words
//! never capture another's and a verdict is never the wrong article's:
//!
//! 1. `--source SLUG`, as given;
//! 2. an article the question names: "according to the X article", "in the X FAQ",
//!    "the X article says" (X: words of the article's slug or title);
//! 3. the one article every subject the question names belongs to: then only that
//!    article's topics are names the question may use;
//! 4. for "which database ...", "these libraries": the articles whose subjects are
//!    of that class (src/text/classes.rs). The class word is then no topic.
//!
//! The limit itself is src/db/scope.rs; this file only chooses it.

use rusqlite::{Connection, OptionalExtension};

use crate::ask::words::tokens;
use crate::error::Result;
use crate::text::classes;
use crate::text::english::{
    ARTICLE_NAME_ENDS, CLASS_ASKED_OF, CLASS_OPENERS, DOCUMENT_WORDS, WHICH_OR_WHAT,
};

/// One article as a question may name it.
struct Source {
    id: i64,
    slug: String,
    words: Vec<String>,
    class: Option<String>,
}

/// The articles chosen, and the question left to read (an article's name and a
/// class word taken out).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Chosen {
    pub ids: Vec<i64>,
    pub slugs: Vec<String>,
    pub question: String,
    /// The knowledge base holds more than one article (else there is nothing to
    /// choose between, and the seed's questions skip the work).
    pub several: bool,
}

/// Reads the article a question names and its class words; the subjects are
/// looked at by [`subjects_source`] once the question has been read.
pub fn named(conn: &Connection, question: &str, explicit: &[String]) -> Result<Chosen> {
    let sources = sources(conn)?;
    let several = sources.len() > 1;
    let mut words = tokens(question);
    let typed = words.len();
    let mut chosen = Chosen {
        several,
        ..Chosen::default()
    };
    if !explicit.is_empty() {
        chosen.ids = crate::db::scope::source_ids(conn, explicit)?;
    } else if sources.len() > 1
        && let Some((from, to, ids)) = article_named(&words, &sources)
    {
        words.drain(from..to);
        chosen.ids = ids;
    }
    {
        // A class word is never a topic, one article or many; with many it also
        // keeps to the articles of that class.
        let mut class_ids = Vec::new();
        // "which zorb runners can run in the browser": the class "which" asks for
        // is the one meant; "the browser" is where, not a class asked for.
        let found: Vec<(usize, usize, String, bool)> = classes::named(&words)
            .into_iter()
            .map(|(at, n, class)| {
                let asked = at > 0 && WHICH_OR_WHAT.contains(&words[at - 1]);
                (at, n, class, asked)
            })
            .collect();
        let one_asked = found.iter().any(|f| f.3);
        for (at, n, class, asked) in found.into_iter().rev() {
            if one_asked && !asked {
                continue;
            }
            // "what database does X use" asks for a thing of X: no class is meant.
            let asked_of = words
                .get(at + n)
                .is_some_and(|w| CLASS_ASKED_OF.contains(w));
            let opens = at > 0 && CLASS_OPENERS.contains(&words[at - 1]) && !asked_of;
            let of_class: Vec<i64> = sources
                .iter()
                .filter(|s| s.class.as_deref() == Some(class.as_str()))
                .map(|s| s.id)
                .collect();
            if asked_of && at > 0 && CLASS_OPENERS.contains(&words[at - 1]) {
                // The thing asked for is the subject's own: its claims say it.
                words.drain(at..at + n);
            } else if opens && !of_class.is_empty() {
                words.drain(at..at + n);
                for id in of_class {
                    if !class_ids.contains(&id) {
                        class_ids.push(id);
                    }
                }
            }
        }
        // A subject named outside those articles ("is X a linter", "can X run in
        // the browser") is what is asked about: the class word does not limit it.
        if chosen.ids.is_empty()
            && several
            && class_ids.len() < sources.len()
            && !names_subject_outside(conn, &words, &class_ids)?
        {
            chosen.ids = class_ids;
        }
    }
    chosen.slugs = sources
        .iter()
        .filter(|s| chosen.ids.contains(&s.id))
        .map(|s| s.slug.clone())
        .collect();
    // The question as typed unless words were taken out of it.
    chosen.question = if words.is_empty() || words.len() == typed {
        question.to_string()
    } else {
        words.join(" ")
    };
    Ok(chosen)
}

/// True when one of `words` (or two in a row) is the name or an alias of a subject
/// with a claim in none of the articles `ids`.
fn names_subject_outside(conn: &Connection, words: &[String], ids: &[i64]) -> Result<bool> {
    if ids.is_empty() {
        return Ok(false);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT subject_id FROM main.subjects WHERE name = ?1
         UNION SELECT subject_id FROM main.subject_aliases WHERE key = ?2",
    )?;
    let mut outside = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM main.claims WHERE subject_id = ?1)
            AND NOT EXISTS (SELECT 1 FROM main.claims WHERE subject_id = ?1
                            AND source_id IN (SELECT value FROM json_each(?2)))",
    )?;
    let ids = serde_json::to_string(ids).unwrap_or_default();
    for n in 1..=2 {
        for run in words.windows(n) {
            if crate::ask::words::is_filler(&run[0]) && n == 1 {
                continue;
            }
            let subjects: Vec<i64> = stmt
                .query_map(rusqlite::params![run.join("-"), run.join(" ")], |r| {
                    r.get(0)
                })?
                .collect::<rusqlite::Result<_>>()?;
            for id in subjects {
                if outside.query_row(rusqlite::params![id, ids], |r| r.get::<_, bool>(0))? {
                    return Ok(true);
                }
            }
        }
    }
    Ok(false)
}

/// The one article every one of `subjects` belongs to (no claim on any of them
/// stands in another), if there is one.
pub fn subjects_source(conn: &Connection, subjects: &[String]) -> Result<Option<i64>> {
    let mut source: Option<i64> = None;
    for subject in subjects {
        let Some((id, elsewhere)) = first_source(conn, Named::Subject, subject)? else {
            continue;
        };
        if elsewhere || source.is_some_and(|s| s != id) {
            return Ok(None);
        }
        source = Some(id);
    }
    Ok(source)
}

/// The one article the question's topics point to: of the topics only one article
/// has claims on, all in the same article (a topic many articles use, such as a
/// general verdict's, says nothing about which article is meant).
pub fn topics_source(conn: &Connection, topics: &[String]) -> Result<Option<i64>> {
    let mut source: Option<i64> = None;
    for topic in topics {
        let Some((id, elsewhere)) = first_source(conn, Named::Topic, topic)? else {
            continue;
        };
        if elsewhere {
            continue;
        }
        if source.is_some_and(|s| s != id) {
            return Ok(None);
        }
        source = Some(id);
    }
    Ok(source)
}

#[derive(Clone, Copy)]
enum Named {
    Subject,
    Topic,
}

/// The article of one claim on the subject or topic `name`, and whether any claim
/// on it stands in another article; None when no claim names it. One claim's
/// article, then whether any stands elsewhere: a name of many articles answers
/// after a few rows of its index, not all of them.
fn first_source(conn: &Connection, named: Named, name: &str) -> Result<Option<(i64, bool)>> {
    let id = match named {
        Named::Subject => "subject_id = (SELECT subject_id FROM main.subjects WHERE name = ?1)",
        Named::Topic => "topic_id = (SELECT topic_id FROM main.topics WHERE name = ?1)",
    };
    let mut first = conn.prepare_cached(&format!(
        "SELECT source_id FROM main.claims WHERE {id} LIMIT 1"
    ))?;
    let Some(source) = first.query_row([name], |r| r.get::<_, i64>(0)).optional()? else {
        return Ok(None);
    };
    let mut elsewhere = conn.prepare_cached(&format!(
        "SELECT EXISTS (SELECT 1 FROM main.claims WHERE {id} AND source_id <> ?2)"
    ))?;
    let elsewhere = elsewhere.query_row(rusqlite::params![name, source], |r| r.get(0))?;
    Ok(Some((source, elsewhere)))
}

/// The articles with a claim that matches the full-text query `fts` (a word, or
/// the start of one), through the index: [`focus`] and [`said_only_in`] weigh the
/// question's words by it.
fn articles_saying(conn: &Connection, fts: &str) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT source_id FROM main.claims WHERE claim_id IN
         (SELECT rowid FROM main.claims_fts WHERE claims_fts MATCH ?1)",
    )?;
    Ok(stmt
        .query_map([fts], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// The one article whose claims say the question's words that name nothing known
/// ("does zorbproxy do http2", zorbproxy no subject but named in one article's
/// comparisons), with those words; None when no such word is said, or they are
/// said in several articles.
pub fn said_only_in(conn: &Connection, unknown: &[String]) -> Result<Option<(i64, Vec<String>)>> {
    let mut found: Option<(i64, Vec<String>)> = None;
    for w in unknown {
        if w.chars().count() < 3
            || !w.chars().all(char::is_alphanumeric)
            || !w.chars().any(char::is_alphabetic)
        {
            continue;
        }
        let said = articles_saying(conn, &format!("\"{w}\""))?;
        match (said.as_slice(), &mut found) {
            ([id], None) => found = Some((*id, vec![w.clone()])),
            ([id], Some((at, words))) if at == id => words.push(w.clone()),
            ([_], Some(_)) => return Ok(None),
            _ => {}
        }
    }
    Ok(found)
}

/// The one article a question that names no subject is about: the article whose
/// claims say most of the question's words, each word weighing more the fewer
/// articles say it ("which zorb queues have rate limiting": many articles say
/// "rate" and "limiting", one says "queues" too). None unless one article says at
/// least two of the words, weighs most, and says more of them than any other or
/// outweighs it by half. Through the full-text index:
/// a few lookups, no pass over the claims.
pub fn focus(conn: &Connection, question: &str) -> Result<Option<i64>> {
    use crate::text::english as en;
    // How a question asks ("which one should I pick", "which is faster"): no
    // article's words.
    const ASKING: [&en::Words; 6] = [
        &en::COMPARATIVES,
        &en::ADVICE,
        &en::ADVICE_VERBS,
        &en::USE_VERBS,
        &en::WHICH,
        &en::WHICH_OR_WHAT,
    ];
    use crate::ask::words::is_filler;
    use crate::text::english::FUNCTION_WORDS;
    let mut words: Vec<String> = Vec::new();
    for w in tokens(question) {
        let w = crate::text::english::inflect::singular(&w);
        if w.chars().count() >= 3
            && w.chars().all(|c| c.is_alphanumeric())
            && !is_filler(&w)
            && !FUNCTION_WORDS.contains(&w)
            && !ASKING.iter().any(|l| l.contains(&w))
            && !words.contains(&w)
        {
            words.push(w);
        }
    }
    if words.len() < 2 {
        return Ok(None);
    }
    let total: i64 = conn.query_row("SELECT count(*) FROM main.sources", [], |r| r.get(0))?;
    // The articles with a claim on a topic whose name holds the word: it names
    // what those claims are about, and counts twice.
    let mut named = conn.prepare_cached(
        "SELECT DISTINCT c.source_id FROM main.topics t
         JOIN main.claims c ON c.topic_id = t.topic_id
         WHERE ' ' || replace(t.name, '-', ' ') || ' ' LIKE '% ' || ?1 || '%'",
    )?;
    // (source, weight, words said)
    let mut scores: Vec<(i64, f64, usize)> = Vec::new();
    for w in &words {
        let said = articles_saying(conn, &format!("\"{w}\"*"))?;
        if said.is_empty() || said.len() as i64 * 2 > total {
            continue;
        }
        let in_topics: Vec<i64> = named
            .query_map([w], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let weight = 1.0 / said.len() as f64;
        for id in said {
            let weight = if in_topics.contains(&id) {
                2.0 * weight
            } else {
                weight
            };
            match scores.iter_mut().find(|(s, _, _)| *s == id) {
                Some(entry) => {
                    entry.1 += weight;
                    entry.2 += 1;
                }
                None => scores.push((id, weight, 1)),
            }
        }
    }
    scores.sort_by(|a, b| b.1.total_cmp(&a.1));
    // The one that weighs most must also say more of the words than any other, or
    // outweigh every other by half.
    Ok(match scores.as_slice() {
        [(id, _, n), rest @ ..]
            if *n >= 2 && rest.iter().all(|(_, w, m)| m < n || scores[0].1 > 1.5 * w) =>
        {
            Some(*id)
        }
        _ => None,
    })
}

/// Whether the article `source_id` has a claim on topic `topic` (through the topic
/// index: a question's few candidate topics are checked, not the article's claims).
pub fn has_topic(conn: &Connection, source_id: i64, topic: &str) -> Result<bool> {
    let mut stmt = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM main.claims
                        WHERE topic_id = (SELECT topic_id FROM main.topics WHERE name = ?1)
                          AND source_id = ?2)",
    )?;
    Ok(stmt.query_row(rusqlite::params![topic, source_id], |r| r.get(0))?)
}

fn sources(conn: &Connection) -> Result<Vec<Source>> {
    let mut stmt = conn.prepare_cached(
        "SELECT source_id, slug, title, subject_class FROM main.sources ORDER BY source_id",
    )?;
    let rows = stmt.query_map([], |r| {
        let slug: String = r.get(1)?;
        let title: String = r.get(2)?;
        let mut words = tokens(&slug.replace('-', " "));
        words.extend(tokens(&title));
        Ok(Source {
            id: r.get(0)?,
            slug,
            words,
            class: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// An article the question names, as (first word, end, the articles it may be).
fn article_named(words: &[String], sources: &[Source]) -> Option<(usize, usize, Vec<i64>)> {
    // "according to [the] NAME ...": the name runs to a word that ends it.
    for at in 0..words.len().saturating_sub(2) {
        if words[at] == "according" && words[at + 1] == "to" {
            let mut from = at + 2;
            if words.get(from).is_some_and(|w| w == "the") {
                from += 1;
            }
            let mut to = from;
            while to < words.len() && to < from + 4 && !ARTICLE_NAME_ENDS.contains(&words[to]) {
                to += 1;
            }
            let end = if words.get(to).is_some_and(|w| DOCUMENT_WORDS.contains(w)) {
                to + 1
            } else {
                to
            };
            if let Some(ids) = best(&words[from..to], sources) {
                return Some((at, end, ids));
            }
        }
    }
    // "[in|from] the NAME article|faq|docs ...".
    for (end, w) in words.iter().enumerate() {
        if !DOCUMENT_WORDS.contains(w) {
            continue;
        }
        let Some(the) = (end.saturating_sub(5)..end)
            .rev()
            .find(|&i| words[i] == "the")
        else {
            continue;
        };
        let from = if the > 0 && matches!(words[the - 1].as_str(), "in" | "from" | "per" | "by") {
            the - 1
        } else {
            the
        };
        if let Some(ids) = best(&words[the + 1..end], sources) {
            return Some((from, end + 1, ids));
        }
    }
    None
}

/// The articles whose slug or title holds most of `name`'s words (at least one).
fn best(name: &[String], sources: &[Source]) -> Option<Vec<i64>> {
    let name: Vec<&String> = name.iter().filter(|w| w.as_str() != "vs").collect();
    if name.is_empty() {
        return None;
    }
    let score = |s: &Source| name.iter().filter(|w| s.words.contains(w)).count();
    let top = sources.iter().map(score).max()?;
    (top > 0).then(|| {
        sources
            .iter()
            .filter(|s| score(s) == top)
            .map(|s| s.id)
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> Vec<Source> {
        let s = |id, slug: &str, title: &str| Source {
            id,
            slug: slug.into(),
            words: tokens(&format!("{} {title}", slug.replace('-', " "))),
            class: None,
        };
        vec![
            s(1, "django-vs-flask", "Django vs. Flask"),
            s(2, "pyright-vs-mypy", "Mypy comparison"),
            s(3, "victoriametrics-faq", "FAQ"),
        ]
    }

    fn named(q: &str) -> Option<(usize, usize, Vec<i64>)> {
        article_named(&tokens(q), &sources())
    }

    #[test]
    fn according_to_names_the_article_by_a_word_of_its_slug() {
        assert_eq!(
            named("according to pyright is mypy slower"),
            Some((0, 3, vec![2]))
        );
        assert_eq!(
            named("according to the django article which is faster"),
            Some((0, 5, vec![1]))
        );
    }

    #[test]
    fn in_the_x_faq_names_the_article() {
        assert_eq!(
            named("is thanos slower in the victoriametrics faq"),
            Some((3, 7, vec![3]))
        );
    }

    #[test]
    fn a_document_word_alone_names_no_article() {
        assert_eq!(named("which is faster in the article"), None);
        assert_eq!(named("which is faster"), None);
    }
}
