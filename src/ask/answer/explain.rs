//! The "no claim" explanations on stderr: what was understood and is not in the
//! knowledge base, which other subjects have claims on it, the nearest topics it
//! knows; and, for a question that names nothing known, examples of questions
//! written with the knowledge base's own names.

use rusqlite::Connection;

use crate::ask::answer::say::{plural, printable, say};
use crate::ask::answer::select::resolve_subjects;
use crate::error::Result;
use crate::names::{closest, fold, some_of};

/// Understood, but no claim answers it: exit 0, no rows, and the closest topics.
pub fn no_claim(
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
    say(&format!("no claim on {about}{whom} in the knowledge base"));
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
                say(&format!(
                    "  claims on {topic} exist for {}",
                    some_of(&others, 5)
                ));
            }
        }
    }
    let near = nearest_topics(conn, subjects, topics, words)?;
    if near.is_empty() {
        say("  `claimdb topics` lists the topics it knows");
    } else {
        say(&format!("  nearest topics it knows: {}", near.join(", ")));
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

/// Questions of each sort, written with this knowledge base's own names: its two
/// subjects with the most claims, and the topic the first has most claims on.
pub fn examples(conn: &Connection) -> Result<String> {
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
