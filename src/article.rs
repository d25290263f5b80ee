//! An article's text with its line index: where a quote stands, and whether it
//! stands where a claim says it does.

use sha2::{Digest, Sha256};

/// Where a quote stands, as (line_start, line_end), if anywhere.
pub type Place = Option<(usize, usize)>;

/// How many of its first bytes [`Article::places`] looks for a quote by.
const PREFIX: usize = 8;

/// Lines are numbered from 1 and split on `\n`; a `\r` before it stays part of the
/// line, so a quote never spans a line ending it does not contain.
///
/// Every search is linear in the article's size per distinct quote, whatever the
/// claims file holds: a quote checked at its lines is looked for only where it could
/// stand, and where a quote stands elsewhere is found once per distinct quote.
pub struct Article<'a> {
    text: &'a str,
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
    /// Which lines hold Markdown markup (`text::quotes::markup_line_counts`),
    /// counted on first need and shared by every check of the article's quotes.
    markup_lines: std::sync::OnceLock<Vec<u32>>,
    /// `locate`'s answers so far, by quote.
    located: std::sync::Mutex<std::collections::HashMap<String, Option<(usize, usize)>>>,
}

impl<'a> Article<'a> {
    pub fn new(text: &'a str) -> Article<'a> {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Article {
            text,
            line_starts,
            markup_lines: Default::default(),
            located: Default::default(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The text of lines `start..=end`, without the final line ending, or None when
    /// the range is outside the article.
    pub fn lines(&self, start: usize, end: usize) -> Option<&'a str> {
        if start == 0 || end < start || end > self.line_count() {
            return None;
        }
        let from = self.line_starts[start - 1];
        let to = match self.line_starts.get(end) {
            Some(next) => next - 1,
            None => self.text.len(),
        };
        Some(&self.text[from..to])
    }

    /// The 1-based line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// For each line n, how many of lines 1..=n hold a markup byte.
    pub fn markup_lines(&self) -> &[u32] {
        self.markup_lines
            .get_or_init(|| crate::text::quotes::markup_line_counts(self.text))
    }

    /// The article's text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The lines of byte range `start..end` (end > start), as (first, last).
    pub fn lines_of(&self, start: usize, end: usize) -> (usize, usize) {
        (self.line_of(start), self.line_of(end - 1))
    }

    /// The byte range of line `n` (1-based), without its line ending.
    pub fn line_bytes(&self, n: usize) -> Option<(usize, usize)> {
        let from = *self.line_starts.get(n.checked_sub(1)?)?;
        let to = self
            .line_starts
            .get(n)
            .map_or(self.text.len(), |next| next - 1);
        Some((from, to))
    }

    /// True when `quote` stands in lines `start..=end`, beginning on `start` and
    /// ending on `end` (so a claim cannot cite a wider range than its quote needs).
    /// Only the bytes where such a match could begin are searched: it must begin on
    /// line `start` and its last byte must fall on line `end`.
    pub fn quote_stands_at(&self, quote: &str, start: usize, end: usize) -> bool {
        if quote.is_empty() || self.lines(start, end).is_none() {
            return false;
        }
        let line_span = |n: usize| {
            let from = self.line_starts[n - 1];
            let to = self
                .line_starts
                .get(n)
                .map_or(self.text.len(), |next| next - 1);
            (from, to)
        };
        let ((first_from, first_to), (last_from, last_to)) = (line_span(start), line_span(end));
        // The match begins on line `start` (its line ending included, for a quote
        // that runs on) and its last byte falls on line `end`, before that line's
        // own ending: begin in first_from..=first_to, begin + len - 1 in
        // last_from..last_to.
        let len = quote.len();
        let Some(latest_begin) = last_to.checked_sub(len) else {
            return false;
        };
        let lo = first_from.max((last_from + 1).saturating_sub(len));
        let hi = first_to.min(latest_begin);
        if lo > hi {
            return false;
        }
        // A match begins and ends on character boundaries: narrowing the window to
        // them loses none.
        let mut from = lo;
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let mut to = hi + len;
        while !self.text.is_char_boundary(to) {
            to -= 1;
        }
        if from > to || to - from < len {
            return false;
        }
        // Each place the quote's first byte stands is compared with it (a window is
        // usually a line); past a few, one linear search of the window instead.
        let window = &self.text.as_bytes()[from..to];
        let quote = quote.as_bytes();
        let starts = memchr::memchr_iter(quote[0], &window[..=window.len() - len]);
        for (tries, at) in starts.enumerate() {
            if tries == 16 {
                return memchr::memmem::find(window, quote).is_some();
            }
            if window[at..].starts_with(quote) {
                return true;
            }
        }
        false
    }

    /// Where `quote` first stands, as (line_start, line_end). Each distinct quote is
    /// searched for once.
    pub fn locate(&self, quote: &str) -> Option<(usize, usize)> {
        if quote.is_empty() {
            return None;
        }
        let mut known = self.located.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(at) = known.get(quote) {
            return *at;
        }
        let at = self
            .text
            .find(quote)
            .map(|at| (self.line_of(at), self.line_of(at + quote.len() - 1)));
        known.insert(quote.to_string(), at);
        at
    }

    /// For each quote, where it first stands and where it stands a second time, if
    /// anywhere, as (line_start, line_end): one pass over the text for all of them,
    /// however many quotes there are. The pass looks for the first
    /// [`PREFIX`] bytes of each quote (Aho-Corasick, over few enough patterns to run
    /// as a DFA), and checks each place it finds against the whole quotes that begin
    /// so. Quotes that overlap each other everywhere (thousands of runs of one
    /// letter) could make that checking quadratic: past a budget of work linear in
    /// the text, each distinct quote whose first place is still missing is searched
    /// for once instead, and the quotes not yet seen twice are taken to stand once.
    pub fn places(&self, quotes: &[&str]) -> Vec<(Place, Place)> {
        let mut distinct: Vec<&str> = quotes.iter().copied().filter(|q| !q.is_empty()).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let mut first: Vec<Place> = vec![None; distinct.len()];
        let mut second: Vec<Place> = vec![None; distinct.len()];
        // Sorted, the quotes that begin with the same prefix are neighbours: each
        // prefix stands for a range of `distinct`.
        fn prefix(q: &str) -> &[u8] {
            &q.as_bytes()[..q.len().min(PREFIX)]
        }
        let mut prefixes: Vec<&[u8]> = Vec::new();
        let mut groups: Vec<std::ops::Range<usize>> = Vec::new();
        for (i, q) in distinct.iter().enumerate() {
            if prefixes.last() == Some(&prefix(q)) {
                groups.last_mut().expect("one per prefix").end = i + 1;
            } else {
                prefixes.push(prefix(q));
                groups.push(i..i + 1);
            }
        }
        let mut first_done = distinct.is_empty();
        let dfa = prefixes.len() <= 1_000;
        let automaton = aho_corasick::AhoCorasick::builder()
            .kind(dfa.then_some(aho_corasick::AhoCorasickKind::DFA))
            .build(&prefixes);
        if let Ok(automaton) = automaton {
            let text = self.text.as_bytes();
            let mut missing_first = distinct.len();
            let mut missing_second = distinct.len();
            // Bytes compared and quotes visited, at most.
            let mut budget = 8 * text.len() + 64 * distinct.len() + 4096;
            let mut seen = vec![0u8; distinct.len()];
            'scan: for m in automaton.find_overlapping_iter(text) {
                // Overlapping matches come in order of where they end; for a
                // fixed-length prefix the first to end is also the first to start.
                let at = m.start();
                for i in groups[m.pattern().as_usize()].clone() {
                    if seen[i] == 2 {
                        budget = budget.saturating_sub(1);
                        continue;
                    }
                    let quote = distinct[i].as_bytes();
                    budget = budget.saturating_sub(quote.len());
                    if budget == 0 {
                        break 'scan;
                    }
                    if !text[at..].starts_with(quote) {
                        continue;
                    }
                    seen[i] += 1;
                    let end = at + quote.len();
                    if seen[i] == 1 {
                        first[i] = Some(self.lines_of(at, end));
                        missing_first -= 1;
                    } else {
                        second[i] = Some(self.lines_of(at, end));
                        missing_second -= 1;
                    }
                }
                if missing_second == 0 {
                    break;
                }
            }
            first_done = missing_first == 0 || budget > 0;
        }
        if !first_done {
            // Too many patterns for the automaton, or too much overlap.
            for (q, at) in distinct.iter().zip(&mut first) {
                if at.is_none() {
                    *at = self.locate(q);
                }
            }
        }
        quotes
            .iter()
            .map(|q| match distinct.binary_search(q) {
                Ok(i) if !q.is_empty() => (first[i], second[i]),
                _ => (None, None),
            })
            .collect()
    }

    /// The paragraph around lines `start..=end`: the nearest blank lines before and
    /// after, as (first line, last line).
    pub fn paragraph(&self, start: usize, end: usize) -> (usize, usize) {
        let blank = |n: usize| self.lines(n, n).is_none_or(|l| l.trim().is_empty());
        let mut first = start;
        while first > 1 && !blank(first - 1) {
            first -= 1;
        }
        let mut last = end;
        while last < self.line_count() && !blank(last + 1) {
            last += 1;
        }
        (first, last)
    }
}

/// The SHA-256 of a text in lower-case hex: what a source is recorded with, so
/// `verify` can tell when its stored text was changed.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Title\n\nFirst line here.\nSecond line, with more.\n\nLast";

    #[test]
    fn lines_are_one_based_and_bounded() {
        let a = Article::new(TEXT);
        assert_eq!(a.line_count(), 6);
        assert_eq!(a.lines(1, 1), Some("Title"));
        assert_eq!(
            a.lines(3, 4),
            Some("First line here.\nSecond line, with more.")
        );
        assert_eq!(a.lines(6, 6), Some("Last"));
        assert_eq!(a.lines(0, 1), None);
        assert_eq!(a.lines(6, 7), None);
        assert_eq!(a.lines(4, 3), None);
    }

    /// The definition `quote_stands_at` must keep while searching only where a
    /// match could begin: some occurrence begins on `start` and ends on `end`.
    fn stands_at_by_definition(a: &Article, quote: &str, start: usize, end: usize) -> bool {
        let Some(span) = a.lines(start, end) else {
            return false;
        };
        let base = a.line_starts[start - 1];
        !quote.is_empty()
            && span.match_indices(quote).any(|(i, _)| {
                a.line_of(base + i) == start && a.line_of(base + i + quote.len() - 1) == end
            })
    }

    #[test]
    fn the_window_search_agrees_with_the_definition_everywhere() {
        for text in [
            TEXT,
            "aa\naaa\n\na\naaaa",
            "x\r\ny\r\n\r\nxy",
            "\n\nab\n",
            "éa\nàé\n",
        ] {
            let a = Article::new(text);
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for (n, &from) in bounds.iter().enumerate() {
                for &to in &bounds[n + 1..] {
                    let quote = &text[from..to];
                    for start in 0..=a.line_count() + 1 {
                        for end in 0..=a.line_count() + 1 {
                            assert_eq!(
                                a.quote_stands_at(quote, start, end),
                                stands_at_by_definition(&a, quote, start, end),
                                "{quote:?} at {start}-{end} in {text:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn overlapping_quotes_are_all_located_past_the_match_budget() {
        let text = format!("{}\nb{}", "a".repeat(5_000), "a".repeat(10));
        let a = Article::new(&text);
        let quotes: Vec<String> = (1..=300).map(|n| "a".repeat(n)).collect();
        let mut asked: Vec<&str> = quotes.iter().map(String::as_str).collect();
        asked.push("ba");
        asked.push("ba");
        asked.push("c");
        let found: Vec<_> = a
            .places(&asked)
            .into_iter()
            .map(|(first, _)| first)
            .collect();
        assert_eq!(found[0], Some((1, 1)));
        assert_eq!(found[299], Some((1, 1)));
        assert_eq!(found[300], Some((2, 2)));
        assert_eq!(found[301], Some((2, 2)));
        assert_eq!(found[302], None);
        assert_eq!(a.places(&["a\nb"]), vec![(Some((1, 2)), None)]);
    }

    /// Where each quote stands, found the slow way: every byte it could begin at.
    fn places_by_definition(a: &Article, quote: &str) -> (Place, Place) {
        let text = a.text();
        let mut at = (0..text.len())
            .filter(|&i| !quote.is_empty() && text.is_char_boundary(i))
            .filter(|&i| text[i..].starts_with(quote))
            .map(|i| a.lines_of(i, i + quote.len()));
        (at.next(), at.next())
    }

    proptest::proptest! {
        /// Texts and quotes of few letters, so quotes overlap, repeat and share their
        /// first bytes (longer than the prefix searched for) all the time.
        #[test]
        fn places_agree_with_a_search_per_quote(
            text in "[ab\n]{0,60}",
            quotes in proptest::collection::vec("[ab\n]{0,16}", 0..12),
        ) {
            let a = Article::new(&text);
            let asked: Vec<&str> = quotes.iter().map(String::as_str).collect();
            let found = a.places(&asked);
            for (quote, got) in asked.iter().zip(found) {
                proptest::prop_assert_eq!(got, places_by_definition(&a, quote), "{:?}", quote);
            }
        }
    }

    #[test]
    fn a_quote_must_stand_exactly_at_its_lines() {
        let a = Article::new(TEXT);
        assert!(a.quote_stands_at("line here.", 3, 3));
        assert!(a.quote_stands_at("here.\nSecond", 3, 4));
        assert!(
            !a.quote_stands_at("line here.", 3, 4),
            "range wider than the quote"
        );
        assert!(!a.quote_stands_at("line here.", 4, 4), "wrong line");
        assert!(!a.quote_stands_at("not there", 3, 3));
        assert!(!a.quote_stands_at("", 3, 3));
    }

    #[test]
    fn locate_and_paragraph() {
        let a = Article::new(TEXT);
        assert_eq!(a.locate("Second line"), Some((4, 4)));
        assert_eq!(a.locate("here.\nSecond"), Some((3, 4)));
        assert_eq!(a.locate("absent"), None);
        assert_eq!(
            a.places(&["Second line", "absent", "line", "", "Title", "line"]),
            vec![
                (Some((4, 4)), None),
                (None, None),
                (Some((3, 3)), Some((4, 4))),
                (None, None),
                (Some((1, 1)), None),
                (Some((3, 3)), Some((4, 4)))
            ]
        );
        assert_eq!(a.paragraph(4, 4), (3, 4));
        assert_eq!(a.paragraph(1, 1), (1, 1));
    }
}
