//! How often the page's folded prose names a name: " name " found whole, between
//! single spaces, without overlaps (as `memmem` counts it). A page that is asked
//! of many names ("Abc1 vs Def1", ... on thousands of lines) is not scanned once
//! per name: past [`SCANS`] names, each is found from where its first word
//! stands, through an index of the words' places built once.

use std::cell::{OnceCell, RefCell};
use std::hash::BuildHasher;

/// How many names are counted by a scan of the whole prose before the index is
/// built (a scan of a 1 MB page costs about what building the index does).
const SCANS: usize = 32;

/// The counts asked for so far, and the index once built.
#[derive(Default)]
pub struct Mentions {
    counted: RefCell<foldhash::HashMap<String, usize>>,
    /// Where each word of the prose starts, by a hash of the word.
    index: OnceCell<WordIndex>,
}

struct WordIndex {
    state: foldhash::fast::RandomState,
    starts: foldhash::HashMap<u64, Vec<usize>>,
}

impl WordIndex {
    fn new(text: &[u8]) -> WordIndex {
        let state = foldhash::fast::RandomState::default();
        let mut starts: foldhash::HashMap<u64, Vec<usize>> = Default::default();
        for (at, word) in words(text) {
            starts.entry(state.hash_one(word)).or_default().push(at);
        }
        WordIndex { state, starts }
    }

    /// How often `key` (" w1 w2 ... ", `w1` not empty) stands in `text`, without
    /// overlaps: its every match starts at a space before a word `w1`, whose
    /// places are the candidates, taken from the left as `memmem` takes them.
    fn count(&self, text: &[u8], key: &[u8], first: &[u8]) -> usize {
        let Some(starts) = self.starts.get(&self.state.hash_one(first)) else {
            return 0;
        };
        let mut count = 0;
        let mut free = 0;
        for &at in starts {
            let from = at - 1;
            if from >= free && text[from..].starts_with(key) {
                count += 1;
                free = from + key.len();
            }
        }
        count
    }
}

/// The words of `text` (runs of bytes other than a space) after a space, with
/// where each starts.
fn words(text: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            while at < text.len() && text[at] == b' ' {
                at += 1;
            }
            if at >= text.len() {
                return None;
            }
            let start = at;
            while at < text.len() && text[at] != b' ' {
                at += 1;
            }
            // A word at the very start has no space before it: no match starts
            // there.
            if start > 0 {
                return Some((start, &text[start..at]));
            }
        }
    })
}

impl Mentions {
    /// How often `text` holds `key`, a folded name between single spaces.
    pub fn count(&self, text: &str, key: String) -> usize {
        let mut counted = self.counted.borrow_mut();
        if let Some(&n) = counted.get(&key) {
            return n;
        }
        let first = key.as_bytes()[1..]
            .split(|&b| b == b' ')
            .next()
            .unwrap_or_default();
        let n = if counted.len() < SCANS || first.is_empty() {
            memchr::memmem::find_iter(text.as_bytes(), key.as_bytes()).count()
        } else {
            self.index
                .get_or_init(|| WordIndex::new(text.as_bytes()))
                .count(text.as_bytes(), key.as_bytes(), first)
        };
        counted.insert(key, n);
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index counts what a scan counts: whole words, single spaces, no
    /// overlaps, a name that cannot stand in the prose not at all.
    #[test]
    fn the_index_counts_what_a_scan_counts() {
        let text = " zap  zap zap quillo db  quillo  db quillo db quillo db x   zap ";
        let keys = [
            " zap ",
            " quillo db ",
            " db ",
            " db quillo ",
            " quillo db quillo ",
            " x ",
            " zap zap ",
            " nothing ",
            " quil ",
            " db  quillo ",
            "  ",
        ];
        let index = WordIndex::new(text.as_bytes());
        for key in keys {
            let scanned = memchr::memmem::find_iter(text.as_bytes(), key.as_bytes()).count();
            let first = key.as_bytes()[1..].split(|&b| b == b' ').next().unwrap();
            if !first.is_empty() {
                assert_eq!(
                    index.count(text.as_bytes(), key.as_bytes(), first),
                    scanned,
                    "{key:?}"
                );
            }
            let mentions = Mentions::default();
            for i in 0..SCANS {
                mentions.count(text, format!(" filler{i} "));
            }
            assert_eq!(mentions.count(text, key.to_string()), scanned, "{key:?}");
        }
    }
}
