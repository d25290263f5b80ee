//! Finding the catalogue's subjects and topics in a folded sentence: case, hyphens
//! and typographic quotes ignored (`text::fold`), whole words only.

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use crate::draft::catalogue::Catalogue;
use crate::names::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Subject(usize),
    Topic(usize),
}

/// Where a name stands in the folded sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub target: Target,
}

pub struct Matcher {
    automaton: Option<AhoCorasick>,
    targets: Vec<Target>,
    /// Subjects named only where written with a capital: the page also writes
    /// the name in lower case as a word of English ("Tide" and "the tide turns").
    cased: Vec<usize>,
}

/// True when `c` is a letter or digit (so a phrase next to it is no whole word).
pub fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// True when `start..end` of `folded` is a whole word or phrase; a plural "s" or
/// "es" after it still counts as the word.
pub fn whole_word(folded: &str, start: usize, end: usize) -> Option<usize> {
    if is_word(folded[..start].chars().next_back()) {
        return None;
    }
    let rest = &folded[end..];
    if !is_word(rest.chars().next()) {
        return Some(end);
    }
    for plural in ["s", "es"] {
        if let Some(after) = rest.strip_prefix(plural)
            && !is_word(after.chars().next())
        {
            return Some(end + plural.len());
        }
    }
    None
}

/// Every whole-word occurrence of `phrase` (already folded) in `folded`.
pub fn find_phrase(folded: &str, phrase: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if phrase.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(i) = folded[from..].find(phrase) {
        let start = from + i;
        let end = start + phrase.len();
        if is_word(folded[..start].chars().next_back()) || is_word(folded[end..].chars().next()) {
            // Not a whole word here.
        } else {
            out.push((start, end));
        }
        from = start + folded[start..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

impl Matcher {
    /// The matcher for a page, long or not ([`crate::draft::cues::long_page`]):
    /// what it finds is the same, only how fast.
    pub fn new(catalogue: &Catalogue, long_page: bool) -> Matcher {
        let mut patterns: Vec<String> = Vec::new();
        let mut targets = Vec::new();
        let entries = catalogue
            .subjects
            .iter()
            .enumerate()
            .map(|(i, e)| (Target::Subject(i), e))
            .chain(
                catalogue
                    .topics
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (Target::Topic(i), e)),
            );
        for (target, entry) in entries {
            let mut names: Vec<String> = entry.aliases.iter().map(|a| fold(a)).collect();
            names.push(fold(&entry.name));
            names.sort();
            names.dedup();
            for name in names.into_iter().filter(|n| n.chars().count() > 1) {
                patterns.push(name);
                targets.push(target);
            }
        }
        // On a long page a DFA (24 M instructions to build) saves more in its
        // scans of every sentence (some 32 M on 1 MB) than it costs.
        let kind = long_page.then_some(AhoCorasickKind::DFA);
        let automaton = AhoCorasick::builder().kind(kind).build(&patterns).ok();
        Matcher {
            automaton,
            targets,
            cased: Vec::new(),
        }
    }

    /// Names `subjects` only where a sentence writes them with a capital.
    pub fn with_cased(self, mut cased: Vec<usize>) -> Matcher {
        // Sorted, to be searched by halves: a page may propose thousands.
        cased.sort_unstable();
        Matcher { cased, ..self }
    }

    /// True when subject `i` counts only where written with a capital.
    pub fn cased(&self, i: usize) -> bool {
        self.cased.binary_search(&i).is_ok()
    }

    /// The subjects and topics named in `folded`, in order; where names overlap the
    /// longest wins (a subject inside a topic's name still counts as the subject).
    pub fn mentions(&self, folded: &str) -> Vec<Mention> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut found: Vec<Mention> = automaton
            .find_overlapping_iter(folded)
            .filter_map(|m| {
                let end = whole_word(folded, m.start(), m.end())?;
                Some(Mention {
                    start: m.start(),
                    end,
                    target: self.targets[m.pattern().as_usize()],
                })
            })
            .collect();
        found.sort_by_key(|m| (m.start, usize::MAX - m.end));
        let same_kind = |a: Target, b: Target| {
            matches!(
                (a, b),
                (Target::Subject(_), Target::Subject(_)) | (Target::Topic(_), Target::Topic(_))
            )
        };
        let mut out: Vec<Mention> = Vec::new();
        for m in found {
            let covered = out
                .iter()
                .any(|o| same_kind(o.target, m.target) && o.start <= m.start && m.end <= o.end);
            if !covered {
                out.push(m);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::catalogue::Entry;

    fn entry(name: &str, aliases: &[&str]) -> Entry {
        Entry {
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            category: "c".into(),
            proposed: false,
        }
    }

    #[test]
    fn names_match_whole_words_longest_first() {
        let catalogue = Catalogue {
            subjects: vec![entry("pg", &["PostgreSQL", "Postgres"])],
            topics: vec![
                entry("replication", &["logical replication"]),
                entry("index", &["indexes"]),
            ],
            categories: vec![],
        };
        let m = Matcher::new(&catalogue, false);
        let (text, _) = crate::text::fold::fold_mapped(
            "Postgres’s logical replication and Indexes, not reindexing.",
        );
        let found: Vec<Target> = m.mentions(&text).iter().map(|m| m.target).collect();
        assert_eq!(
            found,
            [Target::Subject(0), Target::Topic(0), Target::Topic(1)]
        );
        assert_eq!(
            find_phrase("built in orm, not builtin", "built in"),
            [(0, 8)]
        );
    }
}
