//! Finding a quote the forgiving way: white space, line wraps and Markdown markup
//! (`**`, `_`, backticks, link syntax) do not stop a match, and what is found is
//! the article's own text, so a quote copied from the rendered article can be
//! stored as the article writes it.

use crate::text::render::{Folded, Rendered, render, render_into};

/// An article rendered for matching, with the source offset of each rendered byte.
pub struct Rendering {
    rendered: Rendered,
}

/// The longest piece of an article rendered at once: pieces end at blank lines
/// (inline Markdown never crosses one), or past this at a line end (or anywhere,
/// in a line longer than this), so the (char, offset) copy rendering needs is
/// never more than 16 times this, whatever the article.
const PIECE_BYTES: usize = 1 << 20;

impl Rendering {
    pub fn new(text: &str) -> Rendering {
        let mut out = Folded::with_capacity(text.len());
        let mut from = 0;
        while from < text.len() {
            let to = piece_end(text, from);
            let chars: Vec<(char, usize)> = text[from..to]
                .char_indices()
                .map(|(i, c)| (c, from + i))
                .collect();
            render_into(&chars, &mut out);
            from = to;
        }
        Rendering {
            rendered: out.rendered,
        }
    }

    /// The byte ranges of `text` (the article this rendering is of) where `quote`
    /// stands once markup and white space are set aside, in order. Markup that opens
    /// right before or closes right after the match is part of it ("**Label:**").
    pub fn find(&self, text: &str, quote: &str, limit: usize) -> Vec<(usize, usize)> {
        let chars: Vec<(char, usize)> = quote.char_indices().map(|(i, c)| (c, i)).collect();
        let wanted = render(&chars).text;
        if wanted.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut from = 0;
        while out.len() < limit
            && let Some(i) = self.rendered.text[from..].find(&wanted)
        {
            let at = from + i;
            let range = self.rendered.source_range(text, at, at + wanted.len());
            out.push(widen(text, range));
            from = at
                + self.rendered.text[at..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
        }
        out
    }
}

impl Rendering {
    /// Where `quote` stands beginning on the line with source bytes `first` and
    /// ending on the line with source bytes `last`, markup and white space set
    /// aside. Only the rendered bytes where such a match could begin are searched.
    pub fn find_at(
        &self,
        text: &str,
        quote: &str,
        first: (usize, usize),
        last: (usize, usize),
    ) -> Option<(usize, usize)> {
        let chars: Vec<(char, usize)> = quote.char_indices().map(|(i, c)| (c, i)).collect();
        let wanted = render(&chars).text;
        let len = wanted.len();
        if len == 0 {
            return None;
        }
        let src = &self.rendered.src;
        let index = |offset: usize| src.partition_point(|&o| o < offset);
        let (s0, s1) = (index(first.0), index(first.1 + 1));
        let (e0, e1) = (index(last.0), index(last.1 + 1));
        let w0 = s0.max(e0.saturating_sub(len));
        let w1 = (s1 + len).min(e1).min(self.rendered.text.len());
        let mut from = w0;
        while from < w1 {
            let i = self.rendered.text.get(from..w1)?.find(&wanted)?;
            let at = from + i;
            if at >= s1 {
                return None;
            }
            if at + len > e0 && at + len <= e1 {
                let range = self.rendered.source_range(text, at, at + len);
                return Some(widen(text, range));
            }
            from = at
                + self.rendered.text[at..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
        }
        None
    }
}

/// Where the piece of `text` starting at `from` ends: after its first blank line,
/// or once it is [`PIECE_BYTES`] long, after a line end or a character boundary.
fn piece_end(text: &str, from: usize) -> usize {
    let bytes = &text.as_bytes()[from..];
    let cap = bytes.len().min(PIECE_BYTES);
    if let Some(i) = memchr::memmem::find(&bytes[..cap], b"\n\n") {
        return from + i + 2;
    }
    if cap == bytes.len() {
        return text.len();
    }
    let mut end = match memchr::memchr(b'\n', &bytes[cap..]) {
        Some(i) if i < PIECE_BYTES => from + cap + i + 1,
        _ => from + cap,
    };
    while !text.is_char_boundary(end) {
        end += 1;
    }
    end
}

/// Why a quote found in its article is no citation a person can read, if it is
/// none: the text a reader sees of it (rendered Markdown) has no word of letters,
/// or it stands only where a reader sees nothing (a link target, a tag).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// Only white space, punctuation, digits or markup.
    NoWords,
    /// Not in the rendered text of the lines it stands on.
    Unseen,
}

impl Unreadable {
    /// What `import` and `verify` say about such a quote.
    pub fn message(self) -> &'static str {
        match self {
            Unreadable::NoWords => {
                "the quote has no words (only white space, punctuation or markup)"
            }
            Unreadable::Unseen => {
                "the quote is not in the text a reader sees (it stands in a link target or markup)"
            }
        }
    }
}

/// Why a quote standing at its lines is no citation of its claim: what a reader
/// sees of it says nothing ([`Unreadable`]), or a company claim's quote does not
/// name its company as a word. `import` and `verify` decide and say it alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CitationFault<'a> {
    Unreadable(Unreadable),
    CompanyNotNamed(&'a str),
}

impl CitationFault<'_> {
    /// What `import` and `verify` say about the claim.
    pub fn message(&self) -> String {
        match self {
            CitationFault::Unreadable(fault) => fault.message().to_string(),
            CitationFault::CompanyNotNamed(company) => {
                format!("the company '{company}' is not named as a word in its quote")
            }
        }
    }

    /// What `import` suggests doing about it.
    pub fn hint(&self) -> &'static str {
        match self {
            CitationFault::Unreadable(_) => {
                "quote the words of the sentence that says it, as the article shows them"
            }
            CitationFault::CompanyNotNamed(_) => {
                "quote the sentence of the article that names the company, as a word of its text"
            }
        }
    }
}

/// Bytes that may change how a text renders; a text without them renders as its
/// own words with white space folded.
fn markup_byte(b: u8) -> bool {
    matches!(
        b,
        b'*' | b'_' | b'`' | b'~' | b'[' | b']' | b'<' | b'\\' | b'!'
    )
}

/// Whether what a reader sees of `quote` has a word of letters.
pub fn has_words(quote: &str) -> bool {
    match scan(quote) {
        (true, _) => seen(quote).chars().any(char::is_alphabetic),
        (false, letters) => letters,
    }
}

/// The text a reader sees of `text`: inline Markdown removed, white space folded.
pub fn seen(text: &str) -> String {
    let chars: Vec<(char, usize)> = text.char_indices().map(|(i, c)| (c, i)).collect();
    render(&chars).text
}

/// Whether quotes of one article, each standing on its lines, are citations a
/// person can read: at least one word of letters in what a reader sees of the
/// quote, and what a reader sees of it is in what a reader sees of its lines.
/// Which lines hold markup is learnt in one pass over the article, so a quote on
/// lines without any (and without any itself) is checked without rendering; of
/// the rest, the last lines rendered are kept: claims usually come in the order of
/// their lines, so a long line with markup is rendered once for the claims on it.
pub struct SeenLines<'a> {
    /// `markup_lines[n]`: how many of lines 1..=n hold a markup byte.
    markup_lines: &'a [u32],
    last: std::cell::RefCell<Option<((usize, usize), String)>>,
}

/// For each line n of `article` (1-based, split on `\n`), how many of lines 1..=n
/// hold a markup byte; index 0 is 0. One pass over the article.
pub fn markup_line_counts(article: &str) -> Vec<u32> {
    let mut counts = vec![0];
    let (mut count, mut this) = (0u32, false);
    for b in article.bytes() {
        if b == b'\n' {
            count += u32::from(this);
            counts.push(count);
            this = false;
        } else if markup_byte(b) {
            this = true;
        }
    }
    counts.push(count + u32::from(this));
    counts
}

impl<'a> SeenLines<'a> {
    /// `markup_lines` is [`markup_line_counts`] of the article.
    pub fn new(markup_lines: &'a [u32]) -> SeenLines<'a> {
        SeenLines {
            markup_lines,
            last: Default::default(),
        }
    }

    /// Whether `quote`, standing on lines `at` (1-based, inclusive) whose text is
    /// `lines`, is a citation a person can read; why not, if it is not.
    pub fn unreadable(&self, at: (usize, usize), lines: &str, quote: &str) -> Option<Unreadable> {
        let (quote_markup, letters) = scan(quote);
        if !quote_markup && !letters {
            return Some(Unreadable::NoWords);
        }
        let marked = |n: usize| self.markup_lines.get(n).copied();
        let lines_markup = match (at.0.checked_sub(1).and_then(marked), marked(at.1)) {
            (Some(before), Some(through)) => through > before,
            _ => lines.bytes().any(markup_byte),
        };
        if !quote_markup && !lines_markup {
            return None;
        }
        let wanted = seen(quote);
        if !wanted.chars().any(char::is_alphabetic) {
            return Some(Unreadable::NoWords);
        }
        let mut last = self.last.borrow_mut();
        if last.as_ref().is_none_or(|(key, _)| *key != at) {
            *last = Some((at, seen(lines)));
        }
        let seen_lines = last.as_ref().map_or("", |(_, text)| text.as_str());
        if seen_lines.contains(&wanted) {
            None
        } else {
            Some(Unreadable::Unseen)
        }
    }
}

impl SeenLines<'_> {
    /// Why `quote`, standing on lines `at` whose text is `lines`, is no citation
    /// of its claim ([`CitationFault`]); `company` is a company claim's company.
    pub fn citation_fault<'c>(
        &self,
        at: (usize, usize),
        lines: &str,
        quote: &str,
        company: Option<&'c str>,
    ) -> Option<CitationFault<'c>> {
        if let Some(fault) = self.unreadable(at, lines, quote) {
            return Some(CitationFault::Unreadable(fault));
        }
        company
            .filter(|company| !names_as_word(quote, company))
            .map(CitationFault::CompanyNotNamed)
    }
}

/// (whether `text` holds a markup byte, whether it holds a letter), in one pass.
fn scan(text: &str) -> (bool, bool) {
    let (mut markup, mut letters, mut looked) = (false, false, false);
    for (i, b) in text.bytes().enumerate() {
        if b.is_ascii_alphabetic() {
            letters = true;
        } else if markup_byte(b) {
            markup = true;
        } else if !b.is_ascii() && !letters && !looked {
            // The first byte past ASCII starts a character: whether any letter
            // stands from here on is looked at once.
            letters = text[i..].chars().any(char::is_alphabetic);
            looked = true;
        }
        if markup && letters {
            break;
        }
    }
    (markup, letters)
}

/// Whether what a reader sees of `quote` names `name` as a whole word (or words):
/// "Go" is not named by "Google", nor "Netflix" by a link to netflix.com. Case,
/// hyphens and typographic apostrophes do not count (the folding of names).
pub fn names_as_word(quote: &str, name: &str) -> bool {
    let name = crate::text::fold::fold(name);
    let Some(first) = name.chars().next() else {
        return false;
    };
    let last = name.chars().next_back().unwrap_or(first);
    let text = if quote.bytes().any(markup_byte) {
        crate::text::fold::fold(&seen(quote))
    } else {
        crate::text::fold::fold(quote)
    };
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(&name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        let joined_before = first.is_alphanumeric() && word(before);
        let joined_after = last.is_alphanumeric() && word(after);
        !(joined_before || joined_after)
    })
}

/// Takes in inline markup touching a range on either side: emphasis, a link's
/// opening `[` (or `![`) before it, and a link's `](target)` after it, so the text
/// stored renders as the reader saw it in place. Never past the range's lines.
pub fn widen(text: &str, (mut s, mut e): (usize, usize)) -> (usize, usize) {
    let markup = |b: u8| matches!(b, b'*' | b'_' | b'`' | b'~');
    let bytes = text.as_bytes();
    while s > 0 && (markup(bytes[s - 1]) || bytes[s - 1] == b'[') {
        s -= 1;
        if bytes[s] == b'[' && s > 0 && bytes[s - 1] == b'!' {
            s -= 1;
        }
    }
    loop {
        while e < bytes.len() && markup(bytes[e]) {
            e += 1;
        }
        let shut = match bytes.get(e..e + 2) {
            Some(b"](") => b')',
            Some(b"][") => b']',
            _ => break,
        };
        match memchr::memchr2(shut, b'\n', &bytes[e + 2..]) {
            Some(i) if bytes[e + 2 + i] == shut => e += i + 3,
            _ => break,
        }
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    /// A quote opening with a mark that is no letter ("✅", "→ A has X") is read
    /// byte by byte past the mark's first byte: the rest is looked at from the
    /// mark, never from inside it (this panicked on a status mark).
    #[test]
    fn a_quote_opening_with_a_mark_has_words_only_if_letters_follow() {
        assert!(!super::has_words("✅"));
        assert!(!super::has_words("✅ 🔴 …"));
        assert!(super::has_words("✅ Alpha has X"));
        assert!(super::has_words("→ é"));
    }

    use super::*;

    /// An article rendered in pieces reads as rendered whole: white space folds
    /// across the pieces, and a long line is cut at a character boundary.
    #[test]
    fn an_article_renders_the_same_in_pieces() {
        let whole = |t: &str| {
            let chars: Vec<(char, usize)> = t.char_indices().map(|(i, c)| (c, i)).collect();
            render(&chars)
        };
        let text = format!(
            "A **b**\n\n\n  c [d](e)\n\n{}é x\n{}\n",
            "w ".repeat(PIECE_BYTES),
            "é".repeat(PIECE_BYTES)
        );
        let pieces = Rendering::new(&text).rendered;
        let all = whole(&text);
        assert_eq!(pieces.text, all.text);
        assert_eq!(pieces.src, all.src);
    }

    #[test]
    fn quotes_match_across_wraps_and_markup() {
        let text = "- **Extensibility:** New types can be added\n  through [extensions](x.md).\n";
        let r = Rendering::new(text);
        let found = r.find(
            text,
            "Extensibility: New types can be added through extensions.",
            5,
        );
        assert_eq!(found.len(), 1);
        let (s, e) = found[0];
        assert_eq!(
            &text[s..e],
            "**Extensibility:** New types can be added\n  through [extensions](x.md)."
        );
        assert!(r.find(text, "not there", 5).is_empty());
        assert_eq!(
            r.find_at(text, "New types can be added through", (0, 42), (43, 72)),
            Some((21, 53))
        );
        assert_eq!(r.find_at(text, "New types", (43, 72), (43, 72)), None);
        assert_eq!(
            Rendering::new("a b. a b.")
                .find("a b. a b.", "a  b", 5)
                .len(),
            2
        );
    }
}
