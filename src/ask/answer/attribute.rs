//! A question for one attribute ("how much does X cost", "how much memory does X
//! use", "what version of X"): when no claim of the articles asked about uses the
//! word, the knowledge base does not say it, and `ask` says so instead of showing a
//! nearby fact as if it were the answer.

use rusqlite::Connection;

use crate::ask::answer::say::{printable, say};
use crate::ask::words::tokens;
use crate::error::Result;
use crate::names::{fold, some_of};
use crate::text::english::{self, inflect};

/// Filler between a quantity opener and its noun ("how much more storage").
const BETWEEN: &[&str] = &["more", "less", "fewer", "of", "the"];

/// The forms of the attribute `word` is one of ("cost": price, pricing, ...).
fn forms(word: &str) -> Vec<String> {
    english::ATTRIBUTES
        .all()
        .iter()
        .map(|line| line.split(',').map(str::trim).collect::<Vec<_>>())
        .find(|forms| forms.contains(&word))
        .map(|forms| forms.into_iter().map(String::from).collect())
        .unwrap_or_else(|| vec![word.to_string()])
}

/// The attribute the question asks for, if it asks for one.
pub fn asked(question: &str) -> Option<String> {
    asked_of(question, false)
}

/// [`asked`], and where `of_subject` (the question names a subject) also "what is
/// the N of X".
pub fn asked_of(question: &str, of_subject: bool) -> Option<String> {
    let words = tokens(question);
    let attribute = |w: &String| forms(w).len() > 1;
    if let Some(w) = words.iter().find(|w| attribute(w)) {
        return Some(w.clone());
    }
    let openers = english::QUANTITY_OPENERS.all().iter().chain(
        english::ATTRIBUTE_OF_OPENERS
            .all()
            .iter()
            .filter(|_| of_subject),
    );
    openers.into_iter().find_map(|opener| {
        let parts: Vec<&str> = opener.split(' ').collect();
        let at = words
            .windows(parts.len())
            .position(|w| w.iter().zip(&parts).all(|(a, b)| a == b))?;
        let noun = words[at + parts.len()..]
            .iter()
            .find(|w| !BETWEEN.contains(&w.as_str()))?;
        // "how much does it cost": the verb is the attribute, found above; a verb
        // or pronoun right after the opener asks for no attribute of its own.
        if matches!(
            noun.as_str(),
            "does" | "do" | "is" | "are" | "can" | "it" | "they"
        ) {
            return None;
        }
        Some(noun.clone())
    })
}

/// True when no claim about `subjects` (any subject when empty) uses the
/// attribute's word, in any of its forms; then says so on stderr.
pub fn unsaid(conn: &Connection, attribute: &str, subjects: &[String]) -> Result<bool> {
    let mut all = forms(attribute);
    all.push(inflect::singular(attribute));
    all.push(inflect::stem(attribute));
    // A form of three letters or more is the start of a word ("licen"); a shorter
    // one ("qx") only the word itself, which every attribute keeps, so the query
    // is never empty.
    let forms: Vec<String> = all.into_iter().filter(|f| f.chars().count() >= 3).collect();
    let short = fold(attribute).replace('"', "");
    let query = forms
        .iter()
        .map(|f| format!("\"{}\"*", fold(f).replace('"', "")))
        .chain((forms.is_empty() && !short.is_empty()).then(|| format!("\"{short}\"")))
        .collect::<Vec<_>>()
        .join(" OR ");
    let mut stmt = conn.prepare_cached(
        "SELECT s.name FROM claims_fts f
         JOIN claims c ON c.claim_id = f.rowid
         JOIN subjects s ON s.subject_id = c.subject_id
         WHERE claims_fts MATCH ?1",
    )?;
    let mut about: Vec<String> = stmt
        .query_map([&query], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    // A topic named by the word ("pricing") holds it too.
    let mut by_topic = conn.prepare_cached(
        "SELECT DISTINCT s.name FROM claims c
         JOIN subjects s ON s.subject_id = c.subject_id
         JOIN topics t ON t.topic_id = c.topic_id
         WHERE instr(t.name, ?1) > 0",
    )?;
    for form in &forms {
        about.extend(
            by_topic
                .query_map([form], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?,
        );
    }
    let said = about
        .iter()
        .any(|s| subjects.is_empty() || subjects.contains(s));
    if !said {
        let whom = if subjects.is_empty() {
            String::new()
        } else {
            format!(" of {}", some_of(subjects, 5))
        };
        // "released" is asked as a verb: the attribute is named by its line's noun.
        let named = match self::forms(attribute).first() {
            Some(first) if attribute.ends_with("ed") => first.clone(),
            _ => attribute.to_string(),
        };
        say(&format!(
            "the knowledge base does not say the {}{whom}: no claim on it",
            printable(&named)
        ));
        near(conn, subjects)?;
    }
    Ok(!said)
}

/// At most this many nearby facts follow a "does not say".
const MAX_NEAR: usize = 3;

/// What the knowledge base does say of `subjects` (their facts, as the article
/// orders them), on stderr after a "does not say": near the question, not an
/// answer to it, so no row is written.
fn near(conn: &Connection, subjects: &[String]) -> Result<()> {
    if subjects.is_empty() {
        return Ok(());
    }
    let placeholders = vec!["?"; subjects.len()].join(", ");
    let mut stmt = conn.prepare(&format!(
        "SELECT s.name, t.name, c.line_start, c.statement FROM claims c
         JOIN subjects s ON s.subject_id = c.subject_id
         JOIN topics t ON t.topic_id = c.topic_id
         WHERE c.kind = 'fact' AND s.name IN ({placeholders})
         ORDER BY c.source_id, c.line_start, c.claim_id LIMIT {MAX_NEAR}"
    ))?;
    let near: Vec<(String, String, i64, String)> = stmt
        .query_map(rusqlite::params_from_iter(subjects), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    if !near.is_empty() {
        say("  what it does say, near it:");
    }
    for (subject, topic, line, statement) in near {
        say(&format!(
            "    {subject} {topic} (line {line}): {}",
            printable(&statement)
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::asked;

    #[test]
    fn the_attribute_is_the_word_asked_for() {
        assert_eq!(asked("how much does caddy cost").as_deref(), Some("cost"));
        assert_eq!(
            asked("how much memory does x use").as_deref(),
            Some("memory")
        );
        assert_eq!(
            asked("how much more storage does x need").as_deref(),
            Some("storage")
        );
        assert_eq!(asked("what version of x"), Some("version".into()));
        assert_eq!(asked("is x free"), Some("free".into()));
        assert_eq!(asked("how many rules does x have"), Some("rules".into()));
        assert_eq!(asked("does x have an orm"), None);
    }
}
