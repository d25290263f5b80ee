//! The subjects an article's title proposes: "X vs Y", "X versus Y", "X or Y?".

use crate::draft::catalogue::Catalogue;
use crate::names::fold;
use crate::text::english::VERSUS;

/// New subjects proposed by a title "X vs Y" (or "X versus Y", "X or Y?"): the
/// capitalised words next to the separator, at most three a side, that the
/// catalogue does not know.
pub fn title_subjects(title: &str, catalogue: &Catalogue) -> Vec<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    // The catalogue's names folded once, and `out` as a set: a title (the first
    // block) may hold thousands of separators.
    let mut known: Option<foldhash::HashSet<String>> = None;
    let mut seen: foldhash::HashSet<String> = foldhash::HashSet::default();
    let mut push = |name: Vec<String>| {
        let name = name.join(" ");
        let known = known.get_or_insert_with(|| {
            catalogue
                .subjects
                .iter()
                .flat_map(|s| s.aliases.iter().map(|a| fold(a)))
                .collect()
        });
        if !name.is_empty() && !known.contains(&fold(&name)) && !seen.contains(&name) {
            seen.insert(name.clone());
            out.push(name);
        }
    };
    for (i, w) in words.iter().enumerate() {
        if !is_separator(w) || i == 0 || i + 1 == words.len() {
            continue;
        }
        let mut left: Vec<String> = Vec::new();
        for w in words[..i].iter().rev().take(3) {
            if !capital(w) || (ends(w) && !left.is_empty()) || is_separator(w) {
                break;
            }
            left.insert(0, clean(w));
        }
        let mut right: Vec<String> = Vec::new();
        for w in words[i + 1..].iter().take(3) {
            if !capital(w) || is_separator(w) {
                break;
            }
            right.push(clean(w));
            if ends(w) {
                break;
            }
        }
        push(left);
        push(right);
    }
    out
}

fn is_separator(word: &str) -> bool {
    VERSUS.contains(&word.to_lowercase())
}

/// A word that ends a side ("X:", "(Y)").
fn ends(word: &str) -> bool {
    word.ends_with([':', ',', '?', '!', ';', '|', ')'])
}

/// The word without the punctuation around it ("C++" and "C#" keep theirs).
fn clean(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '+' | '#'))
        .to_string()
}

fn capital(word: &str) -> bool {
    clean(word)
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}
