//! The names a question contains, found in three passes over its words: exact keys
//! (longest alias first), then other forms of the words left ("acid compliant",
//! "json", "postgres"), then close typos; what is left and looks like content is
//! unknown.

use crate::ask::index::{Index, Target};
use crate::ask::intent::{Catalogue, Reading};
use crate::ask::words::{is_filler, push_unique};
use crate::text::classes;
use crate::text::english;
use crate::text::english::inflect::{comparative_bases, opposite, singular};

/// Finds the names in the question: longest alias match first, then other forms,
/// then typos.
pub fn names(words: &[String], catalogue: &Catalogue, r: &mut Reading) {
    let index = Index::new(catalogue, words);
    let keys = keys(words, &index, r);
    let mut passes = Passes {
        words,
        keys: &keys,
        index: &index,
        catalogue,
        used: vec![false; words.len()],
    };
    passes.class_after_unknown();
    passes.exact(r);
    passes.unordered(r);
    passes.loose(r);
    for (w, used) in words.iter().zip(&passes.used) {
        if *used {
            push_unique(&mut r.named_words, w);
        }
    }
    passes.leftovers(r);
}

/// Each word's key: its singular, or, where only that is a known word, a
/// comparative's base: "easier to learn" meets "easy to learn", "faster" meets
/// "fast", and "slower" the "fast" of its opposite (the question is then a
/// comparison).
fn keys(words: &[String], index: &Index, r: &mut Reading) -> Vec<String> {
    let known: std::collections::HashSet<&str> = index
        .keys
        .iter()
        .flat_map(|(k, _)| k.iter().map(String::as_str))
        .collect();
    words
        .iter()
        .map(|w| {
            let s = singular(w);
            if known.contains(s.as_str()) {
                return s;
            }
            let bases = comparative_bases(w);
            let opposites = bases.iter().filter_map(|b| opposite(b)).map(String::from);
            match bases
                .iter()
                .cloned()
                .chain(opposites)
                .find(|b| known.contains(b.as_str()))
            {
                Some(base) => {
                    r.comparative = true;
                    base
                }
                None => s,
            }
        })
        .collect()
}

/// The question's words, their keys, and which words a name has used so far.
struct Passes<'a> {
    words: &'a [String],
    keys: &'a [String],
    index: &'a Index,
    catalogue: &'a Catalogue,
    used: Vec<bool>,
}

impl Passes<'_> {
    /// Adds what `t` names to the reading.
    fn record(&self, t: Target, r: &mut Reading) {
        let c = self.catalogue;
        match t {
            Target::Subject(i) => push_unique(&mut r.subjects, &c.subjects[i].name),
            Target::Topic(i) => push_unique(&mut r.topics, &c.topics[i].name),
            Target::Company(i) => push_unique(&mut r.companies, &c.companies[i]),
        }
    }

    fn mark(&mut self, i: usize, n: usize) {
        self.used[i..i + n].iter_mut().for_each(|u| *u = true);
    }

    /// The first pass: names whose key the words are exactly, longest first.
    fn exact(&mut self, r: &mut Reading) {
        let mut i = 0;
        while i < self.keys.len() {
            let matched = match self.joined(i, r) {
                0 => self.exact_at(i, r),
                n => n,
            };
            if matched > 0 {
                self.mark(i, matched);
                i += matched;
            } else {
                i += 1;
            }
        }
    }

    /// A one-word name typed as two ("fast api"): the two words joined. Returns the
    /// words used (2 or 0).
    fn joined(&self, i: usize, r: &mut Reading) -> usize {
        if i + 1 >= self.keys.len() {
            return 0;
        }
        let joined = format!("{}{}", self.words[i], self.keys[i + 1]);
        let found = self.index.exact(std::slice::from_ref(&joined));
        if found.is_empty() {
            return 0;
        }
        found.iter().for_each(|t| self.record(*t, r));
        if found.iter().any(|t| matches!(t, Target::Topic(_))) {
            push_unique(&mut r.topic_phrases, &self.words[i..i + 2].join(" "));
        }
        2
    }

    /// The longest name whose key starts at word `i`; returns its length in words
    /// (0 when none).
    fn exact_at(&self, i: usize, r: &mut Reading) -> usize {
        let words = self.words;
        for n in (1..=self.index.longest.min(self.keys.len() - i)).rev() {
            let span = &self.keys[i..i + n];
            // A single filler word is never a name, even where an alias says so.
            if n == 1 && is_filler(&words[i]) {
                continue;
            }
            let found = self.index.exact(span);
            if found.is_empty() {
                continue;
            }
            if n == 1 && self.verb_of_opening_subject(i, &found) {
                return 1;
            }
            let names_topic = found.iter().any(|t| matches!(t, Target::Topic(_)));
            if n >= 2 && names_topic {
                push_unique(&mut r.topic_phrases, &words[i..i + n].join(" "));
            }
            // "out of the box", "built in": the way a thing ships, when the question
            // also names the thing.
            let ships = english::SHIPPING.contains(&span.join(" "));
            for t in &found {
                self.record(*t, r);
                if let (Target::Topic(k), true) = (t, ships) {
                    push_unique(&mut r.shipping_topics, &self.catalogue.topics[*k].name);
                }
                if let (Target::Topic(k), 1, true) = (t, n, i > 0) {
                    self.class_topic(i, *k, r);
                }
            }
            // A subject named inside a topic's alias ("X admin") is named too; one
            // inside another subject's name ("X pro") is not.
            for word in span.iter().filter(|_| names_topic) {
                for t in self.index.exact(std::slice::from_ref(word)) {
                    if let Target::Subject(k) = t {
                        self.record(t, r);
                        if names_topic && n >= 2 {
                            push_unique(
                                &mut r.subjects_in_topics,
                                &self.catalogue.subjects[k].name,
                            );
                        }
                    }
                }
            }
            // "routing" names "url routing" by an alias, and "message routing" too:
            // the answer keeps the ones the subjects have claims on.
            if n == 1 && names_topic {
                self.index
                    .named_by_word(&span[0])
                    .into_iter()
                    .for_each(|t| self.record(t, r));
            }
            return n;
        }
        0
    }

    /// "can X link to Y": a one-word subject right after the subject a yes/no
    /// question opens with is that subject's verb, not a subject (a name that is
    /// also an English verb: used, named nothing).
    fn verb_of_opening_subject(&self, i: usize, found: &[Target]) -> bool {
        i == 2
            && self.keys.len() > 3
            && english::YES_NO_OPENERS.contains(&self.words[0])
            && self.used[1]
            && found.iter().all(|t| matches!(t, Target::Subject(_)))
            && self
                .index
                .exact(&self.keys[1..2])
                .iter()
                .any(|t| matches!(t, Target::Subject(_)))
    }

    /// "support zork database": a class word right after a word that names nothing
    /// says what kind of thing that unknown name is, and reads no topic; it is
    /// taken as used before the passes.
    fn class_after_unknown(&mut self) {
        for (at, n, _) in classes::named(self.words) {
            if n != 1 || at == 0 || is_filler(&self.words[at - 1]) {
                continue;
            }
            let before = std::slice::from_ref(&self.keys[at - 1]);
            let names_nothing = self.index.exact(before).is_empty()
                && self.index.loosely(before).is_none()
                && self.index.named_by_word(&before[0]).is_empty()
                && self.index.typo(&before[0]).is_none();
            if names_nothing && self.words[at - 1].chars().any(char::is_alphabetic) {
                self.used[at] = true;
            }
        }
    }

    /// A topic named right after "which"/"what" and before "should", "is", "for"...
    /// ("which database should I use") names the kind of thing wanted.
    fn class_topic(&self, i: usize, topic: usize, r: &mut Reading) {
        let next = self.words.get(i + 1).map(String::as_str).unwrap_or("");
        if english::WHICH_OR_WHAT.contains(&self.words[i - 1])
            && english::CLASS_FOLLOWERS.contains(next)
        {
            push_unique(&mut r.class_topics, &self.catalogue.topics[topic].name);
        }
    }

    /// Between the exact and the loose pass: a topic of several words that all stand
    /// in the question, in any order and form, where one of them is still unused.
    fn unordered(&mut self, r: &mut Reading) {
        for (target, at) in self.index.unordered(self.keys) {
            if at.iter().all(|&i| self.used[i]) || at.iter().any(|&i| is_filler(&self.words[i])) {
                continue;
            }
            self.record(target, r);
            for i in at {
                self.used[i] = true;
            }
        }
    }

    /// The second pass: other forms of the words left ("acid compliant", "json",
    /// "postgres"), and a comparative's other bases and their opposites.
    fn loose(&mut self, r: &mut Reading) {
        let mut i = 0;
        while i < self.keys.len() {
            let matched = if !self.used[i] && !is_filler(&self.words[i]) {
                self.loose_at(i, r)
            } else {
                0
            };
            if matched > 0 {
                self.mark(i, matched);
                i += matched;
            } else {
                i += 1;
            }
        }
    }

    /// The longest run of unused words from `i` that names one thing loosely;
    /// returns its length (0 when none).
    fn loose_at(&self, i: usize, r: &mut Reading) -> usize {
        for n in (1..=self.index.longest.min(self.keys.len() - i)).rev() {
            if self.used[i..i + n].iter().any(|u| *u) || is_filler(&self.words[i + n - 1]) {
                continue;
            }
            if let Some(t) = self.index.loosely(&self.keys[i..i + n]) {
                self.record(t, r);
                if let (Target::Subject(k), 1) = (t, n) {
                    let name = &self.catalogue.subjects[k].name;
                    if name.contains(['-', ' ']) && !name.starts_with(&self.keys[i]) {
                        push_unique(&mut r.partial_subjects, name);
                    }
                }
                return n;
            }
            // One word: its comparative's other bases and their opposites too
            // ("heavier": "heavy" names nothing alone, "light" does).
            if n == 1 {
                let bases = comparative_bases(&self.words[i]);
                let opposites: Vec<String> = bases
                    .iter()
                    .filter_map(|b| opposite(b))
                    .map(String::from)
                    .collect();
                let other = bases
                    .into_iter()
                    .chain(opposites)
                    .filter(|b| *b != self.keys[i])
                    .find_map(|b| self.index.loosely(std::slice::from_ref(&b)));
                if let Some(t) = other {
                    self.record(t, r);
                    r.comparative = true;
                    return 1;
                }
            }
        }
        0
    }

    /// The last pass, over the words still unused: a word of a topic's name, a close
    /// typo, else an unknown content word.
    fn leftovers(&self, r: &mut Reading) {
        let words = self.words;
        for (i, word) in words.iter().enumerate() {
            if self.used[i] {
                continue;
            }
            if is_filler(word) || word.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let by_word = self.index.named_by_word(&self.keys[i]);
            if !by_word.is_empty() {
                by_word.into_iter().for_each(|t| self.record(t, r));
                push_unique(&mut r.named_words, word);
                continue;
            }
            if let Some((t, key)) = self
                .index
                .typo(&self.keys[i])
                .filter(|_| !self.catalogue.as_typed.contains(word))
            {
                self.record(t, r);
                if let Target::Subject(k) = t {
                    let form = (word.clone(), self.catalogue.subjects[k].name.clone());
                    r.subject_forms.push(form);
                }
                push_unique(&mut r.named_words, word);
                r.corrections.push((word.clone(), key));
                continue;
            }
            // A word of grammar ("still", "already") names nothing and asks nothing.
            if english::FUNCTION_WORDS.contains(word) {
                continue;
            }
            if word.chars().any(char::is_alphanumeric) {
                r.unknown.push(word.clone());
                // "background jobs": a name followed by a word that names nothing may
                // be another thing altogether; the two words as typed are kept.
                if i > 0 && self.used[i - 1] && !is_filler(&words[i - 1]) {
                    push_unique(&mut r.topic_phrases, &words[i - 1..=i].join(" "));
                }
            }
        }
    }
}
