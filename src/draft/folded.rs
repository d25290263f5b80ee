//! A sentence as `draft` reads it: folded for matching (`text::fold`), with the
//! subjects and topics it names, where its clauses begin and end, and the way
//! back from folded bytes to the sentence as written.

use crate::draft::context::Sentence;
use crate::draft::cues::{CLAUSE_MARKS, scan_sentence};
use crate::draft::matcher::{Matcher, Mention, Target};
use crate::text::fold::fold_mapped;

/// A sentence folded, with what it names.
pub struct Folded<'s> {
    pub s: &'s Sentence<'s>,
    pub folded: String,
    /// The byte offset in `s.text` of each byte of `folded`, and of its end.
    map: Vec<usize>,
    /// Where the body starts in `folded` (after "Label: ").
    pub body: usize,
    mentions: Vec<Mention>,
    /// Where clause boundaries stand in `folded`: (start, end) of each mark.
    marks: Vec<(usize, usize)>,
}

impl<'s> Folded<'s> {
    pub fn new(s: &'s Sentence<'s>, matcher: &Matcher) -> Folded<'s> {
        let (folded, map) = fold_mapped(s.text);
        // The cue lists' questions about this sentence read one scan of it.
        scan_sentence(&folded);
        let body = map.partition_point(|&o| o < s.label_len);
        let mut mentions = matcher.mentions(&folded);
        mentions.retain(|m| match m.target {
            Target::Subject(i) if matcher.cased(i) => s.text[map[m.start]..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase),
            _ => true,
        });
        let marks = CLAUSE_MARKS
            .all_in(&folded)
            .into_iter()
            .map(|f| (f.start, f.end))
            .collect();
        Folded {
            s,
            folded,
            map,
            body,
            mentions,
            marks,
        }
    }

    /// The folded body (the text after "Label: ").
    pub fn body_folded(&self) -> &str {
        &self.folded[self.body..]
    }

    /// The clause of `folded` around byte `at`, as (start, end).
    pub fn clause(&self, at: usize) -> (usize, usize) {
        let mut start = 0;
        let mut end = self.folded.len();
        for &(s, e) in &self.marks {
            if e <= at {
                start = start.max(e);
            } else if s >= at {
                end = end.min(s);
            }
        }
        (start, end)
    }

    /// The subjects named, in order, with where they stand.
    pub fn subjects(&self) -> impl Iterator<Item = (usize, &Mention)> {
        self.mentions.iter().filter_map(|m| match m.target {
            Target::Subject(i) => Some((i, m)),
            Target::Topic(_) => None,
        })
    }

    /// The topics named, in order, with where they stand.
    pub fn topics(&self) -> impl Iterator<Item = (usize, &Mention)> {
        self.mentions.iter().filter_map(|m| match m.target {
            Target::Topic(i) => Some((i, m)),
            Target::Subject(_) => None,
        })
    }

    /// True when the topic mention `m` lies inside a subject's name.
    pub fn inside_a_subject(&self, m: &Mention) -> bool {
        self.subjects()
            .any(|(_, s)| s.start <= m.start && m.end <= s.end)
    }

    /// The original text of folded bytes `from..to`.
    pub fn original(&self, from: usize, to: usize) -> &str {
        if from >= to {
            return "";
        }
        &self.s.text[self.map[from]..self.map[to]]
    }

    /// The original text from folded byte `from` to the end.
    pub fn original_from(&self, from: usize) -> &str {
        &self.s.text[self.map[from]..]
    }

    /// Whether folded byte `at` starts the second half of a hyphenated word
    /// ("cloud-native" is no "native" cue).
    pub fn hyphenated(&self, at: usize) -> bool {
        self.map
            .get(at)
            .is_some_and(|&o| self.s.text[..o].ends_with('-'))
    }

    /// The sentence without its label, as written: the statement of most rows.
    pub fn body_text(&self) -> &str {
        self.s.text[self.s.label_len..].trim()
    }

    /// The "Label" of "Label: text", as written.
    pub fn label(&self) -> Option<&str> {
        (self.s.label_len > 0).then(|| self.s.text[..self.s.label_len - 1].trim())
    }
}
