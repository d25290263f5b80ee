//! Proper names in a sentence as written: the companies, people and projects a
//! sentence lists ("Acme, Initech and Globex use ...").

use crate::text::english::{LIST_JOINERS, NAME_JOINERS, NOT_NAMES};

/// True when `text` reads as a proper name: a few capitalised words.
pub fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || NAME_JOINERS.contains(w)
        })
        && text.chars().any(char::is_alphabetic)
}

/// The proper names listed at the start of `text`: "Acme, Initech and Globex use"
/// gives the three; the list ends at the first lower-case word.
pub fn names_at(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| {
            matches!(c, ',' | '.' | ';' | ':' | '(' | ')' | '"' | '“' | '”')
        });
        let ends = raw.ends_with([',', '.', ';', ':', ')']);
        if LIST_JOINERS.contains(word) {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
            continue;
        }
        let capital = word.chars().next().is_some_and(|c| c.is_uppercase());
        if !capital || word.len() < 2 {
            break;
        }
        current.push(word);
        if ends {
            out.push(current.join(" "));
            current.clear();
            if raw.ends_with(['.', ';', ':', ')']) {
                break;
            }
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out.retain(|n| !NOT_NAMES.all().iter().any(|w| capitalised(w) == *n));
    out
}

/// "the" -> "The": a word as it starts a sentence.
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
