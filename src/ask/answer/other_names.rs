//! Other names an article gives its subjects, learned from its own text when a
//! question uses a word no name explains: "Quokka (qk)" or "qk (Quokka)" in the
//! stored article, "Quokka, a.k.a. qk", the "-js" spelling of a name ("quokkajs",
//! "quokka.js"), and a name typed without its punctuation ("quokkakit" for
//! `quokka-kit`), and the command an article writes as code for its subject ("the
//! `qk` command"). A name learned from an article stands only for a subject that
//! article has claims on, so one article's abbreviation never captures another's.

use rusqlite::{Connection, OptionalExtension};

use crate::error::Result;
use crate::names::fold;
use crate::text::english::FUNCTION_WORDS;

/// The longest subject name, in words, looked for before an alias in parentheses.
const NAME_WORDS: usize = 3;

/// (word as typed, subject it names) for each of `words` an article names a subject
/// by.
pub fn learned(conn: &Connection, words: &[String]) -> Result<Vec<(String, String)>> {
    let mut found = Vec::new();
    for word in words {
        if word.chars().count() < 2
            || !word.chars().any(char::is_alphabetic)
            || FUNCTION_WORDS.contains(word)
        {
            continue;
        }
        let named = match js_spelling(conn, word)? {
            Some(s) => Some(s),
            None => match unpunctuated(conn, word)? {
                Some(s) => Some(s),
                None => match in_text(conn, word)? {
                    Some(s) => Some(s),
                    None => command_in_text(conn, word)?,
                },
            },
        };
        if let Some(subject) = named {
            found.push((word.clone(), subject));
        }
    }
    Ok(found)
}

/// "quokkajs", "quokka.js", "quokka-js": the subject `quokka`, where one is named so.
fn js_spelling(conn: &Connection, word: &str) -> Result<Option<String>> {
    let Some(stem) = word.strip_suffix("js") else {
        return Ok(None);
    };
    let stem = stem.trim_end_matches(['.', '-', ' ']);
    if stem.chars().count() < 3 {
        return Ok(None);
    }
    subject_with_claims(conn, stem, None)
}

/// "zorbkit" for `zorb-kit`, "zorbjs" for `zorb.js`: a name typed without its
/// punctuation.
fn unpunctuated(conn: &Connection, word: &str) -> Result<Option<String>> {
    if word.chars().count() < 4 || !word.chars().all(char::is_alphanumeric) {
        return Ok(None);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT s.name FROM subjects s
         WHERE replace(replace(s.name, '-', ''), '.', '') = ?1 AND s.name <> ?1
           AND EXISTS (SELECT 1 FROM claims c WHERE c.subject_id = s.subject_id)
         LIMIT 1",
    )?;
    Ok(stmt.query_row([word], |r| r.get(0)).optional()?)
}

/// The subject an article's text gives `word` as its other name.
fn in_text(conn: &Connection, word: &str) -> Result<Option<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT source_id, body FROM sources
         WHERE instr(lower(body), ?1) > 0 OR instr(lower(body), ?2) > 0",
    )?;
    let mut rows = stmt.query(rusqlite::params![
        format!("({word})"),
        format!("a.k.a. {word}")
    ])?;
    while let Some(row) = rows.next()? {
        let source: i64 = row.get(0)?;
        let body: String = row.get::<_, String>(1)?.to_lowercase();
        for before in names_before(&body, word) {
            if let Some(subject) = subject_with_claims(conn, &before, Some(source))? {
                return Ok(Some(subject));
            }
        }
    }
    Ok(None)
}

/// The longest command taken for a subject's short name.
const COMMAND_CHARS: usize = 4;

/// "the `qx` command" (or "`qx init`") in an article with a subject "quuxutsu": a
/// command written as code names the one subject of that article whose name
/// starts with the command's first letter and holds its letters in order.
fn command_in_text(conn: &Connection, word: &str) -> Result<Option<String>> {
    let n = word.chars().count();
    if !(2..=COMMAND_CHARS).contains(&n) || !word.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Ok(None);
    }
    let mut sources = conn.prepare_cached(
        "SELECT source_id FROM sources
         WHERE instr(lower(body), ?1) > 0 OR instr(lower(body), ?2) > 0",
    )?;
    let ids: Vec<i64> = sources
        .query_map(
            rusqlite::params![format!("`{word}`"), format!("`{word} ")],
            |r| r.get(0),
        )?
        .collect::<rusqlite::Result<_>>()?;
    let mut subjects = conn.prepare_cached(
        "SELECT DISTINCT s.name FROM claims c JOIN subjects s ON s.subject_id = c.subject_id
         WHERE c.source_id = ?1",
    )?;
    for id in ids {
        let fits: Vec<String> = subjects
            .query_map([id], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .filter(|name| abbreviates(word, name))
            .collect();
        if let [one] = fits.as_slice() {
            return Ok(Some(one.clone()));
        }
    }
    Ok(None)
}

/// True when `short` is a shortening of `name`: longer than it, the same first
/// letter, and its letters in order among the name's ("qx" of "quuxutsu").
fn abbreviates(short: &str, name: &str) -> bool {
    let name: Vec<char> = fold(name).chars().filter(|c| c.is_alphanumeric()).collect();
    let short: Vec<char> = short.chars().collect();
    if name.len() <= short.len() || name.first() != short.first() {
        return false;
    }
    let mut rest = name.iter();
    short.iter().all(|c| rest.any(|n| n == c))
}

/// The runs of up to [`NAME_WORDS`] words right before each "(word)" or ", a.k.a.
/// word" of `body`, longest first.
fn names_before(body: &str, word: &str) -> Vec<String> {
    let mut names = Vec::new();
    for marker in [format!("({word})"), format!("a.k.a. {word}")] {
        for (at, _) in body.match_indices(&marker) {
            // The alias must end there: "(qk)" is, "a.k.a. qkx" is not.
            let end = at + marker.len();
            if body[end..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric())
            {
                continue;
            }
            let before = body[..at].trim_end().trim_end_matches(',');
            let words: Vec<&str> = before
                .split(|c: char| {
                    c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '*' | '`')
                })
                .filter(|w| !w.is_empty())
                .collect();
            for n in (1..=NAME_WORDS.min(words.len())).rev() {
                names.push(words[words.len() - n..].join(" "));
            }
        }
    }
    names
}

/// The subject named `name` (folded as names are), if it has a claim (in
/// `source`, when given).
fn subject_with_claims(
    conn: &Connection,
    name: &str,
    source: Option<i64>,
) -> Result<Option<String>> {
    let name = fold(name).replace(' ', "-");
    let mut stmt = conn.prepare_cached(
        "SELECT s.name FROM subjects s
         WHERE s.name = ?1
           AND EXISTS (SELECT 1 FROM claims c
                       WHERE c.subject_id = s.subject_id
                         AND (?2 IS NULL OR c.source_id = ?2))",
    )?;
    Ok(stmt
        .query_row(rusqlite::params![name, source], |r| r.get(0))
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_shortens_a_name_from_its_first_letter_in_order() {
        assert!(abbreviates("qx", "quuxutsu"));
        assert!(abbreviates("zg", "zorb-grep"));
        assert!(!abbreviates("xq", "quuxutsu"));
        assert!(!abbreviates("ux", "quuxutsu"));
        assert!(!abbreviates("zit", "zit"));
    }

    #[test]
    fn the_words_before_an_alias_in_parentheses_are_the_name() {
        assert_eq!(
            names_before("# quokka search (qk)\n", "qk"),
            ["# quokka search", "quokka search", "search"].map(String::from)
        );
        assert!(names_before("the qk (qkx) tool", "qk").is_empty());
        assert_eq!(
            names_before("numbat, a.k.a. nb, is", "nb"),
            ["numbat"].map(String::from)
        );
    }
}
