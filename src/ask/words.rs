//! A question as words: folded tokens, the keys names are matched by, and whether a
//! phrase of one of the English lists (src/text/english) stands among them.

use crate::names::fold;
use crate::text::english::inflect::singular;
use crate::text::english::{self, Words};

/// True when `word` carries no name: one of `english::FILLER`, or of the lists of
/// question words that are filler too (each kept once, in the list that says what
/// it does).
pub fn is_filler(word: &str) -> bool {
    // Asked for every word of the question and every word of the names indexed. A
    // short question asks a dozen times, and building the set of the ~500 phrases
    // costs more than a dozen scans (comparing lengths first), so the first
    // SCANS lookups scan and only a process that asks more builds the set.
    const SCANS: usize = 64;
    static ASKED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    static SET: std::sync::LazyLock<crate::text::fnv::FnvSet<&'static str>> =
        std::sync::LazyLock::new(|| {
            filler_lists()
                .flat_map(|l| l.all().iter().copied())
                .collect()
        });
    if ASKED.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < SCANS {
        return filler_by_scan(word);
    }
    SET.contains(word)
}

/// [`is_filler`] without the set.
fn filler_by_scan(word: &str) -> bool {
    filler_lists().any(|l| l.all().iter().any(|p| p.len() == word.len() && *p == word))
}

/// `english::FILLER` and the lists whose words are filler too.
fn filler_lists() -> impl Iterator<Item = &'static english::Words> {
    std::iter::once(&english::FILLER).chain(ALSO_FILLER.iter().copied())
}

/// The lists whose words are filler too, besides `english::FILLER`.
const ALSO_FILLER: &[&english::Words] = &[
    &english::HAVING,
    &english::NEGATION,
    &english::COMPARISON,
    &english::YES_NO_OPENERS,
    &english::APPROVAL,
    &english::CLASS_FOLLOWERS,
    &english::SIDE_BY_SIDE,
    &english::NOT_NAMES,
];

/// The question as typed on any keyboard: full-width forms (an East Asian input
/// method's "ｏｒｍ？") as their ASCII letters and signs, the ideographic space as a
/// space, and characters that show nothing (zero-width spaces and joiners, a soft
/// hyphen, a byte-order mark) dropped, so that they read as the words they look
/// like. An ASCII question is returned as it is.
pub fn plain_question(question: &str) -> std::borrow::Cow<'_, str> {
    if question.is_ascii() {
        return std::borrow::Cow::Borrowed(question);
    }
    std::borrow::Cow::Owned(
        question
            .chars()
            .filter_map(|c| match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21),
                '\u{3000}' => Some(' '),
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// The question as folded words, punctuation at word edges dropped.
pub fn tokens(question: &str) -> Vec<String> {
    // "zorb:fs", "quux:test": a colon between letters joins two words of a name.
    let folded = fold(question);
    let chars: Vec<char> = folded.chars().collect();
    let folded: String = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let between_letters = i > 0
                && chars[i - 1].is_alphabetic()
                && chars.get(i + 1).is_some_and(|n| n.is_alphabetic());
            if c == ':' && between_letters { ' ' } else { c }
        })
        .collect();
    folded
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '/' | '(' | ')' | '|'))
        .map(|w| {
            w.trim_matches(|c: char| {
                matches!(
                    c,
                    '?' | '!' | '.' | '"' | ':' | '\'' | '[' | ']' | '{' | '}' | '*' | '<' | '>'
                )
            })
        })
        .filter(|w| !w.is_empty())
        .map(as_comparative)
        .collect()
}

/// A superlative read as its comparative ("easiest" -> "easier", "biggest" ->
/// "bigger"): "which is easiest to set up" asks what "which is easier" does. Only a
/// comparative of the list turns, so "interest" or "latest" stay as typed.
fn as_comparative(word: &str) -> String {
    let turned = if let Some(stem) = word.strip_suffix("iest") {
        format!("{stem}ier")
    } else if let Some(stem) = word.strip_suffix("est") {
        format!("{stem}er")
    } else {
        return word.to_string();
    };
    if english::COMPARATIVES.contains(&turned) {
        turned
    } else {
        word.to_string()
    }
}

/// A name key: the folded words of a name, each in its singular.
pub fn key_of(name: &str) -> Vec<String> {
    // Most catalogue names come already folded (the database stores alias keys
    // folded): those only need splitting.
    let plain = name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' ');
    if plain {
        return name
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(singular)
            .collect();
    }
    tokens(name).iter().map(|w| singular(w)).collect()
}

/// Appends `name` to `list` unless it is there already (names keep the question's
/// order).
pub fn push_unique(list: &mut Vec<String>, name: &str) {
    if !list.iter().any(|n| n == name) {
        list.push(name.to_string());
    }
}

/// True when some phrase of `list` stands in `words` (a one-word phrase is a word).
pub fn said(words: &[String], list: &Words) -> bool {
    list.all().iter().any(|p| has_phrase(words, p))
}

/// True when `phrase` (space-separated words) stands in `words`. Every phrase of a
/// list is tried, and most are one word: those are compared without splitting.
fn has_phrase(words: &[String], phrase: &str) -> bool {
    if !phrase.contains(' ') {
        return words.iter().any(|w| w == phrase);
    }
    let p: Vec<&str> = phrase.split(' ').collect();
    words
        .windows(p.len())
        .any(|w| w.iter().zip(&p).all(|(a, b)| a == b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_colon_between_letters_parts_two_words_of_a_name() {
        assert_eq!(tokens("does zorb:fs work"), ["does", "zorb", "fs", "work"]);
        assert_eq!(
            tokens("zorb: fast at 10:30"),
            ["zorb", "fast", "at", "10:30"]
        );
    }

    #[test]
    fn filler_repeats_no_word_of_the_lists_it_takes_in() {
        for list in ALSO_FILLER {
            for word in list.all() {
                assert!(
                    !english::FILLER.contains(word),
                    "{word:?} is in filler.txt and in {}: keep it once",
                    list.name
                );
                assert!(is_filler(word), "{word:?} of {}", list.name);
            }
        }
    }

    /// The scan of a short question and the set of a long-running reader agree.
    #[test]
    fn filler_by_scan_and_by_set_agree() {
        for _ in 0..100 {
            is_filler("warm");
        }
        let words = ["the", "does", "have", "widget", "zorbo", "lack", "x", ""];
        for word in words
            .into_iter()
            .chain(english::FILLER.all().iter().copied())
        {
            assert_eq!(filler_by_scan(word), is_filler(word), "{word:?}");
        }
        assert!(filler_by_scan("the") && !filler_by_scan("widget"));
    }
}
