//! An article's text with its line index: where a quote stands, and whether it
//! stands where a claim says it does.

/// Lines are numbered from 1 and split on `\n`; a `\r` before it stays part of the
/// line, so a quote never spans a line ending it does not contain.
pub struct Article<'a> {
    text: &'a str,
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
}

impl<'a> Article<'a> {
    pub fn new(text: &'a str) -> Article<'a> {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Article { text, line_starts }
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

    /// True when `quote` stands in lines `start..=end`, beginning on `start` and
    /// ending on `end` (so a claim cannot cite a wider range than its quote needs).
    pub fn quote_stands_at(&self, quote: &str, start: usize, end: usize) -> bool {
        let Some(span) = self.lines(start, end) else {
            return false;
        };
        if quote.is_empty() {
            return false;
        }
        let base = self.line_starts[start - 1];
        span.match_indices(quote).any(|(i, _)| {
            let first = self.line_of(base + i);
            let last = self.line_of(base + i + quote.len() - 1);
            first == start && last == end
        })
    }

    /// Where `quote` first stands, as (line_start, line_end).
    pub fn locate(&self, quote: &str) -> Option<(usize, usize)> {
        if quote.is_empty() {
            return None;
        }
        let at = self.text.find(quote)?;
        Some((self.line_of(at), self.line_of(at + quote.len() - 1)))
    }

    /// Where each quote first stands, found in one pass over the text however many
    /// quotes there are (Aho-Corasick), as (line_start, line_end).
    pub fn locate_all(&self, quotes: &[&str]) -> Vec<Option<(usize, usize)>> {
        let mut found: Vec<Option<(usize, usize)>> = vec![None; quotes.len()];
        let wanted: Vec<usize> = (0..quotes.len())
            .filter(|&i| !quotes[i].is_empty())
            .collect();
        if wanted.is_empty() {
            return found;
        }
        let Ok(automaton) = aho_corasick::AhoCorasick::new(wanted.iter().map(|&i| quotes[i]))
        else {
            // Too many patterns for the automaton: fall back to one search each.
            return quotes.iter().map(|q| self.locate(q)).collect();
        };
        // Overlapping matches come in order of where they end; for a fixed-length
        // pattern the first to end is also the first to start.
        let mut missing = wanted.len();
        for m in automaton.find_overlapping_iter(self.text) {
            let slot = &mut found[wanted[m.pattern().as_usize()]];
            if slot.is_none() {
                *slot = Some((self.line_of(m.start()), self.line_of(m.end() - 1)));
                missing -= 1;
                if missing == 0 {
                    break;
                }
            }
        }
        found
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
            a.locate_all(&["Second line", "absent", "line", "", "Title"]),
            vec![Some((4, 4)), None, Some((3, 3)), None, Some((1, 1))]
        );
        assert_eq!(a.paragraph(4, 4), (3, 4));
        assert_eq!(a.paragraph(1, 1), (1, 1));
    }
}
