//! The catalogue's names as keys a question's words are looked up by: exact keys,
//! other forms of a word ("acid compliant" for "acid-compliance"), a topic's first
//! word, the start of a one-word name, and one close typo. [`Relevance`] keeps a
//! large catalogue's index to the few names a question may use.

use crate::ask::intent::Catalogue;
use crate::ask::words::{is_filler, key_of, tokens};
use crate::text::english::inflect::{comparative_bases, opposite, singular};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Subject(usize),
    Topic(usize),
    Company(usize),
}

/// Every key of the catalogue with what it names.
pub struct Index {
    pub keys: Vec<(Vec<String>, Target)>,
    /// The same keys, for exact lookups.
    by_key: std::collections::HashMap<Vec<String>, Vec<Target>>,
    /// The first word of each topic named in several words ("json support"), and
    /// each word of a subject named in several.
    heads: Vec<(String, Target)>,
    /// Every word of each topic named in several words ("routing" and "message" for
    /// "message routing"): a question often names a topic by one of them.
    name_words: Vec<(String, Target)>,
    pub longest: usize,
}

/// A cheap first look at which catalogue names a question may use, so that only
/// those are indexed: a knowledge base may hold thousands of aliases, and a question
/// uses a handful. A name is kept when each of its words starts like some word of the
/// question (the first three letters: enough for plurals, word forms, comparatives
/// and the start of a name), or, for a one-word name, when it could be a typo of one
/// (same first letter, length within two).
pub struct Relevance {
    /// The first three letters of each form of the question's words (fewer for a
    /// shorter word), lowercase, with their length.
    prefix_set: Vec<(usize, [u8; 3])>,
    /// The same prefixes as bits, by length (one, two, three letters): a name word's
    /// start is looked up in one step (every alias of the catalogue is).
    bits: [Vec<u64>; 3],
    typos: Vec<(char, usize)>,
}

impl Relevance {
    /// For a question as typed (the catalogue's loader filters with it, so that a
    /// knowledge base with thousands of names reads only the few that matter).
    pub fn of(question: &str) -> Relevance {
        Relevance::new(&tokens(question))
    }

    fn new(words: &[String]) -> Relevance {
        let mut prefixes: Vec<String> = Vec::new();
        let mut typos = Vec::new();
        for w in words {
            let mut forms = vec![w.clone(), singular(w)];
            let bases = comparative_bases(w);
            forms.extend(bases.iter().filter_map(|b| opposite(b)).map(String::from));
            forms.extend(bases);
            for form in forms {
                let p: String = form.chars().take(3).collect();
                if !prefixes.contains(&p) {
                    prefixes.push(p);
                }
            }
            let n = w.chars().count();
            if n >= 4
                && !is_filler(w)
                && let Some(c) = w.chars().next()
            {
                typos.push((c, n));
            }
            // A name typed as two words ("fast api"): the joined word's start.
        }
        let prefix_set: Vec<(usize, [u8; 3])> = prefixes
            .iter()
            .filter(|p| p.len() <= 3)
            .map(|p| {
                let mut a = [0u8; 3];
                for (to, from) in a.iter_mut().zip(p.bytes()) {
                    *to = from.to_ascii_lowercase();
                }
                (p.len(), a)
            })
            .collect();
        let mut bits = [
            vec![0u64; SYMBOLS.div_ceil(64)],
            vec![0u64; (SYMBOLS * SYMBOLS).div_ceil(64)],
            vec![0u64; (SYMBOLS * SYMBOLS * SYMBOLS).div_ceil(64)],
        ];
        for (len, p) in &prefix_set {
            let at = slot(&p[..*len]);
            bits[len - 1][at / 64] |= 1 << (at % 64);
        }
        Relevance {
            prefix_set,
            bits,
            typos,
        }
    }

    /// True when `word` is one of the prefixes itself (a short question word).
    fn is_prefix(&self, word: &[u8]) -> bool {
        self.prefix_set
            .iter()
            .any(|(len, p)| *len == word.len() && p[..*len].eq_ignore_ascii_case(word))
    }

    /// True when `name` may stand in the question (false ones are certainly absent).
    pub fn may_name(&self, name: &str) -> bool {
        let bytes = name.as_bytes();
        if !bytes.is_ascii() {
            return true;
        }
        // The words of the name (runs of letters, digits and apostrophes), looked
        // at byte by byte in one pass: every alias of the catalogue comes through
        // here, and most are turned away.
        let mut first: &[u8] = &[];
        let mut count = 0;
        let mut all = true;
        let mut i = 0;
        while i < bytes.len() {
            if !is_word(bytes[i]) {
                i += 1;
                continue;
            }
            let start = i;
            // Whether the word starts like one of the question's: its first one,
            // two or three bytes are a prefix (the slot of each longer prefix
            // extends the shorter one's, see `slot`).
            let (mut at, mut like) = (0, false);
            while i < bytes.len() && is_word(bytes[i]) {
                let len = i - start;
                if len < 3 && !like {
                    at = at * SYMBOLS + symbol(bytes[i]);
                    like = self.bits[len][at / 64] & (1 << (at % 64)) != 0;
                }
                i += 1;
            }
            let w = &bytes[start..i];
            // Every word starts like one of the question's, or (a name in several
            // words may be called by one of them) some longer word does; a short
            // word of a name ("ui" in "management ui") typed as it is counts too.
            if like && (w.len() >= 4 || (count > 0 && self.is_prefix(w))) {
                return true;
            }
            all &= like;
            if count == 0 {
                first = w;
            }
            count += 1;
        }
        if count == 0 {
            return false;
        }
        if all {
            return true;
        }
        // A one-word name may be a typo of a question word.
        if count == 1 {
            let c = first[0].to_ascii_lowercase() as char;
            let n = first.len();
            return self
                .typos
                .iter()
                .any(|(tc, tn)| *tc == c && n.abs_diff(*tn) <= 2);
        }
        false
    }
}

/// A byte of a name's word: a letter, a digit or an apostrophe.
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'\''
}

/// The symbols a prefix's bytes are folded to: letters, digits, and one for the rest.
const SYMBOLS: usize = 37;

/// A prefix of one to three bytes as its place among all prefixes of its length.
/// Every byte that is not a letter or digit shares one symbol: a name word that
/// starts like a question word is always found (a few others too, which the
/// index's exact matching then drops).
fn slot(bytes: &[u8]) -> usize {
    bytes.iter().fold(0, |at, &b| at * SYMBOLS + symbol(b))
}

/// One byte's symbol in a [`slot`].
fn symbol(b: u8) -> usize {
    SYMBOL_OF[b as usize] as usize
}

/// Each byte's symbol, looked up rather than worked out: the catalogue's names are
/// read byte by byte (see `Relevance::may_name`).
const SYMBOL_OF: [u8; 256] = {
    let mut table = [36u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = (b as u8).to_ascii_lowercase();
        if c.is_ascii_lowercase() {
            table[b] = c - b'a';
        } else if c.is_ascii_digit() {
            table[b] = 26 + c - b'0';
        }
        b += 1;
    }
    table
};

/// Two forms of one word: "compliant" and "compliance", "secure" and "security".
/// They share a stem of five letters or more and differ in at most three letters.
fn same_form(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // "durable" and "durability", "scalable" and "scalability": one stem.
    let able = |w: &str| match w.strip_suffix("bility") {
        Some(stem) => format!("{stem}ble"),
        None => w.to_string(),
    };
    if a.len() >= 5 && able(a) == able(b) {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common >= 5 && common + 3 >= a.chars().count() && common + 3 >= b.chars().count()
}

/// Two forms of one word, more loosely than [`same_form`]: one starts with most of
/// the other ("automatic" and "automatically", "replace" and "replacing").
fn related(a: &str, b: &str) -> bool {
    if same_form(a, b) {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    common >= 5 && common * 10 >= shorter * 8
}

impl Index {
    /// The keys of the names that could stand in `words` (see `Relevance`).
    pub fn new(catalogue: &Catalogue, words: &[String]) -> Index {
        let relevance = Relevance::new(words);
        let mut keys = Vec::new();
        let mut by_key: std::collections::HashMap<Vec<String>, Vec<Target>> =
            std::collections::HashMap::new();
        let mut add = |name: &str, target: Target| {
            if !relevance.may_name(name) {
                return;
            }
            let key = key_of(name);
            if key.is_empty() {
                return;
            }
            let targets = by_key.entry(key.clone()).or_default();
            if !targets.contains(&target) {
                targets.push(target);
                keys.push((key, target));
            }
        };
        for (i, e) in catalogue.subjects.iter().enumerate() {
            add(&e.name, Target::Subject(i));
            e.aliases.iter().for_each(|a| add(a, Target::Subject(i)));
        }
        for (i, e) in catalogue.topics.iter().enumerate() {
            add(&e.name, Target::Topic(i));
            e.aliases.iter().for_each(|a| add(a, Target::Topic(i)));
        }
        for (i, c) in catalogue.companies.iter().enumerate() {
            add(c, Target::Company(i));
        }
        let longest = keys.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        let mut heads: Vec<(String, Target)> = catalogue
            .topics
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match key_of(&e.name).as_slice() {
                [first, _, ..] => Some((first.clone(), Target::Topic(i))),
                _ => None,
            })
            .collect();
        // A subject named in several words is often called by one of them ("lambda"
        // for "aws lambda").
        for (i, e) in catalogue.subjects.iter().enumerate() {
            let key = key_of(&e.name);
            if key.len() > 1 {
                for word in key.iter().filter(|w| w.len() >= 4 && !is_filler(w)) {
                    heads.push((word.clone(), Target::Subject(i)));
                }
            }
        }
        let name_words = catalogue
            .topics
            .iter()
            .enumerate()
            .filter(|(_, e)| relevance.may_name(&e.name))
            .flat_map(|(i, e)| {
                let key = key_of(&e.name);
                let several = key.len() > 1;
                key.into_iter()
                    .filter(move |w| several && !is_filler(w))
                    .map(move |w| (w, Target::Topic(i)))
            })
            .collect();
        Index {
            keys,
            by_key,
            heads,
            name_words,
            longest,
        }
    }

    /// The one target named by another form of these words ("acid compliant"),
    /// by a topic's first word ("json" for "json support"), or by the start of a
    /// one-word name ("postgres" for "postgresql").
    pub fn loosely(&self, words: &[String]) -> Option<Target> {
        let mut found: Vec<Target> = self
            .keys
            .iter()
            .filter(|(k, _)| {
                k.len() == words.len() && k.iter().zip(words).all(|(a, b)| same_form(a, b))
            })
            .map(|(_, t)| *t)
            .collect();
        if let [word] = words
            && word.chars().count() >= 4
        {
            found.extend(
                self.heads
                    .iter()
                    .filter(|(h, _)| h == word)
                    .map(|(_, t)| *t),
            );
            if word.chars().count() >= 5 {
                found.extend(
                    self.keys
                        .iter()
                        .filter(|(k, _)| k.len() == 1 && k[0].starts_with(word.as_str()))
                        .map(|(_, t)| *t),
                );
            }
        }
        found.sort_by_key(|t| format!("{t:?}"));
        found.dedup();
        match found.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// The topics named in two to four words that all stand in the question, in any
    /// order and another form ("set up https automatically" for "automatic https",
    /// "replace a tool" for "replacing a tool"): each with the question's
    /// words it uses, the topics using the most words first.
    pub fn unordered(&self, words: &[String]) -> Vec<(Target, Vec<usize>)> {
        let mut found: Vec<(Target, Vec<usize>)> = Vec::new();
        for (key, target) in &self.keys {
            if !matches!(target, Target::Topic(_)) || !(2..=4).contains(&key.len()) {
                continue;
            }
            let mut at: Vec<usize> = Vec::new();
            for k in key {
                match (0..words.len()).find(|&i| !at.contains(&i) && related(k, &words[i])) {
                    Some(i) => at.push(i),
                    None => break,
                }
            }
            if at.len() == key.len() && !found.iter().any(|(t, _)| t == target) {
                found.push((*target, at));
            }
        }
        found.sort_by_key(|(_, at)| std::cmp::Reverse(at.len()));
        found
    }

    /// The topics named in several words of which `word` is one.
    pub fn named_by_word(&self, word: &str) -> Vec<Target> {
        self.name_words
            .iter()
            .filter(|(w, _)| w == word)
            .map(|(_, t)| *t)
            .collect()
    }

    /// Targets whose key is exactly `words`.
    pub fn exact(&self, words: &[String]) -> Vec<Target> {
        self.by_key.get(words).cloned().unwrap_or_default()
    }

    /// The one target whose single-word key is within a typo of `word`, if exactly one
    /// is the closest: the allowed distance grows with the word's length, the first
    /// letter must agree, and two different names equally close mean no correction.
    pub fn typo(&self, word: &str) -> Option<(Target, String)> {
        let n = word.chars().count();
        let allowed = match n {
            0..=3 => return None,
            4..=11 => 1,
            _ => 2,
        };
        let first = word.chars().next();
        let mut best: Option<(usize, Target, &str)> = None;
        let mut tie = false;
        for (key, target) in &self.keys {
            let [k] = key.as_slice() else { continue };
            // Never "correct" a word into a common one ("command" is not "company").
            if k.chars().next() != first || k.chars().count() < 3 || is_filler(k) {
                continue;
            }
            let d = strsim::damerau_levenshtein(word, k);
            if d == 0 || d > allowed {
                continue;
            }
            match best {
                Some((bd, bt, _)) if d == bd && bt != *target => tie = true,
                Some((bd, _, _)) if d >= bd => {}
                _ => {
                    best = Some((d, *target, k.as_str()));
                    tie = false;
                }
            }
        }
        match best {
            Some((_, target, k)) if !tie => Some((target, k.to_string())),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ask::intent::Entry;
    use proptest::prelude::*;

    /// `Relevance::may_name` as it was written first, word by word: the one-pass
    /// version must keep exactly the names this keeps.
    fn may_name_by_words(r: &Relevance, name: &str) -> bool {
        if !name.is_ascii() {
            return true;
        }
        let starts_like = |w: &str| {
            (1..=w.len().min(3)).any(|len| {
                let at = slot(&w.as_bytes()[..len]);
                r.bits[len - 1][at / 64] & (1 << (at % 64)) != 0
            })
        };
        let words: Vec<&str> = name
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .collect();
        let Some(first) = words.first() else {
            return false;
        };
        let all = words.iter().all(|w| starts_like(w));
        let some = words
            .iter()
            .enumerate()
            .any(|(i, w)| starts_like(w) && (w.len() >= 4 || (i > 0 && r.is_prefix(w.as_bytes()))));
        if all || some {
            return true;
        }
        words.len() == 1
            && r.typos.iter().any(|(c, n)| {
                *c == first.as_bytes()[0].to_ascii_lowercase() as char
                    && first.len().abs_diff(*n) <= 2
            })
    }

    proptest! {
        #[test]
        fn may_name_keeps_what_a_word_by_word_reading_keeps(
            question in "[a-zA-Z' ?-]{0,40}",
            name in "[a-zA-Z0-9' ./-]{0,24}",
        ) {
            let r = Relevance::of(&question);
            prop_assert_eq!(r.may_name(&name), may_name_by_words(&r, &name));
        }
    }

    #[test]
    fn a_topic_of_several_words_is_found_in_any_order_and_form() {
        let e = |name: &str| Entry {
            name: name.to_string(),
            aliases: Vec::new(),
        };
        let catalogue = Catalogue {
            subjects: vec![e("caddy")],
            topics: vec![e("http-versions"), e("automatic-https")],
            companies: Vec::new(),
            as_typed: Vec::new(),
        };
        let words: Vec<String> = "does caddy set up https automatically"
            .split(' ')
            .map(String::from)
            .collect();
        let index = Index::new(&catalogue, &words);
        // The question's keys, as src/ask/names.rs passes them: singular forms.
        let keys: Vec<String> = words
            .iter()
            .map(|w| crate::text::english::inflect::singular(w))
            .collect();
        let found = index.unordered(&keys);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(matches!(found[0].0, Target::Topic(1)), "{found:?}");
        assert!(related("replace", "replacing"));
        assert!(!related("version", "versatile"));
    }
}
