//! Inline Markdown rendered away: emphasis, code ticks, links, HTML tags and escapes
//! removed, runs of white space folded into one space, and every rendered byte mapped
//! back to the source byte it comes from, so what is found in the rendered text is
//! cited with the article's own words and lines.

/// Rendered text with the source byte offset of each of its bytes.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub text: String,
    /// `src[i]` is the offset in the source of the character rendered at byte `i`.
    pub src: Vec<usize>,
}

impl Rendered {
    /// The source byte range of rendered bytes `from..to` (to > from), ending after
    /// the source character the last rendered byte comes from.
    pub fn source_range(&self, source: &str, from: usize, to: usize) -> (usize, usize) {
        let start = self.src[from];
        let last = self.src[to - 1];
        let len = source[last..].chars().next().map_or(1, char::len_utf8);
        (start, last + len)
    }
}

/// Removes inline Markdown (emphasis, code ticks, links, HTML tags, escapes) and
/// folds runs of white space into one space, keeping each character's source offset.
///
/// Linear in the text: where the next `]`, `)` is stands in a cursor that only
/// moves forward (a line of `[`, or `[a](` repeated, once took a scan to the end
/// per bracket), a tag is looked for within 200 characters, and characters go
/// straight to the output, with no copy of the text in between.
pub fn render(chars: &[(char, usize)]) -> Rendered {
    let mut out = Folded::with_capacity(chars.len());
    render_into(chars, &mut out);
    out.rendered
}

/// [`render`] of one piece of a longer text, appended to what `out` holds (its
/// white space folded across the pieces), so a long text can be rendered a piece
/// at a time without a (char, offset) copy of all of it.
pub fn render_into(chars: &[(char, usize)], out: &mut Folded) {
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|c| c.0);
    let mut next = [NextOf::new(']'), NextOf::new(')')];
    let mut i = 0;
    while i < n {
        let (c, off) = chars[i];
        match c {
            '\\' if at(i + 1).is_some_and(|d| d.is_ascii_punctuation()) => {
                out.push(chars[i + 1]);
                i += 2;
                continue;
            }
            '`' => {
                i += 1;
                continue;
            }
            '*' | '~' => {
                // Emphasis unless it stands alone between spaces ("2 * 3") or
                // between digits ("10*10" is not "1010").
                let prev_space = i == 0 || at(i - 1).is_some_and(char::is_whitespace);
                let next_space = at(i + 1).is_none_or(char::is_whitespace);
                let digits = i > 0
                    && at(i - 1).is_some_and(|d| d.is_ascii_digit())
                    && at(i + 1).is_some_and(|d| d.is_ascii_digit());
                if !(digits || prev_space && next_space) {
                    i += 1;
                    continue;
                }
            }
            '_' => {
                let prev_word = i > 0 && at(i - 1).is_some_and(char::is_alphanumeric);
                let next_word = at(i + 1).is_some_and(char::is_alphanumeric);
                if !(prev_word && next_word) {
                    i += 1;
                    continue;
                }
            }
            '!' if at(i + 1) == Some('[') => {
                i += 1;
                continue;
            }
            '[' => {
                if let Some((text_end, after)) = link_end(chars, i, &mut next) {
                    // Keep the link text, drop the target.
                    for &(c, off) in &chars[i + 1..text_end] {
                        if !matches!(c, '*' | '`') {
                            out.push((c, off));
                        }
                    }
                    i = after;
                    continue;
                }
            }
            '<' => {
                if let Some(end) = tag_end(chars, i) {
                    i = end;
                    continue;
                }
            }
            _ => {}
        }
        out.push((c, off));
        i += 1;
    }
}

/// Rendered text being built: runs of white space become one space, none leads.
pub struct Folded {
    pub rendered: Rendered,
    pending_space: Option<usize>,
}

impl Folded {
    pub fn with_capacity(n: usize) -> Folded {
        Folded {
            rendered: Rendered {
                text: String::with_capacity(n),
                src: Vec::with_capacity(n),
            },
            pending_space: None,
        }
    }

    /// Room for `n` more rendered bytes.
    pub(crate) fn reserve(&mut self, n: usize) {
        self.rendered.text.reserve(n);
        self.rendered.src.reserve(n);
    }

    /// [`push`](Folded::push) of each character of `text`, which stands at source
    /// offset `start`: a run of ASCII that is not white space, nor more than one
    /// space between words, is copied at once (a space between words is what
    /// `push` makes of it: itself, from where it stands).
    pub(crate) fn push_str(&mut self, text: &str, start: usize) {
        // ASCII other than white space (`char::is_whitespace` of ASCII).
        let plain =
            |b: u8| b.is_ascii() && !matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if plain(bytes[i]) {
                let mut end = i + 1;
                while end < bytes.len()
                    && (plain(bytes[end])
                        || bytes[end] == b' ' && end + 1 < bytes.len() && plain(bytes[end + 1]))
                {
                    end += 1;
                }
                if let Some(space) = self.pending_space.take() {
                    self.rendered.text.push(' ');
                    self.rendered.src.push(space);
                }
                self.rendered.text.push_str(&text[i..end]);
                self.rendered.src.extend(start + i..start + end);
                i = end;
                continue;
            }
            // An ASCII space between words, as `push` takes it.
            if bytes[i].is_ascii_whitespace() || bytes[i] == 0x0B {
                if !self.rendered.text.is_empty() && self.pending_space.is_none() {
                    self.pending_space = Some(start + i);
                }
                i += 1;
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            self.push((c, start + i));
            i += c.len_utf8();
        }
    }

    pub(crate) fn push(&mut self, (c, off): (char, usize)) {
        let out = &mut self.rendered;
        if c.is_whitespace() {
            if !out.text.is_empty() && self.pending_space.is_none() {
                self.pending_space = Some(off);
            }
            return;
        }
        if let Some(space) = self.pending_space.take() {
            out.text.push(' ');
            out.src.push(space);
        }
        out.src.extend(std::iter::repeat_n(off, c.len_utf8()));
        out.text.push(c);
    }
}

/// The first index at or after a point where one character stands, for points
/// that only move forward: each character is looked at once over all the calls.
struct NextOf {
    wanted: char,
    /// Searched up to here (exclusive)...
    searched: usize,
    /// ...finding this (`None`: not before `searched`).
    found: Option<usize>,
}

impl NextOf {
    fn new(wanted: char) -> NextOf {
        NextOf {
            wanted,
            searched: 0,
            found: None,
        }
    }

    fn from(&mut self, chars: &[(char, usize)], from: usize) -> Option<usize> {
        if let Some(f) = self.found
            && f >= from
        {
            return Some(f);
        }
        let start = from.max(self.searched);
        self.found = (start..chars.len()).find(|&j| chars[j].0 == self.wanted);
        self.searched = self.found.map_or(chars.len(), |f| f + 1);
        self.found
    }
}

/// `[text](target)` or `[text][ref]` starting at `i`: (index of `]`, index after it all).
fn link_end(chars: &[(char, usize)], i: usize, next: &mut [NextOf; 2]) -> Option<(usize, usize)> {
    let [bracket, paren] = next;
    let close = bracket.from(chars, i + 1)?;
    let shut = match chars.get(close + 1)?.0 {
        '(' => paren,
        '[' => bracket,
        _ => return None,
    };
    let end = shut.from(chars, close + 2)?;
    Some((close, end + 1))
}

/// An HTML tag or autolink bracket `<...>` starting at `i`: the index after it. An
/// autolink `<https://...>` keeps its address, so only the brackets go.
fn tag_end(chars: &[(char, usize)], i: usize) -> Option<usize> {
    let next = chars.get(i + 1)?.0;
    if !(next.is_ascii_alphabetic() || next == '/' || next == '!') {
        return None;
    }
    let end = (i + 1..chars.len().min(i + 200)).find(|&j| chars[j].0 == '>')?;
    let inner: String = chars[i + 1..end].iter().map(|c| c.0).collect();
    if inner.contains("://") || inner.contains('@') || inner.contains(' ') && !inner.contains('=') {
        return None;
    }
    Some(end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Links, brackets that open nothing and stars between digits render as
    /// before the renderer became linear (issue 23), whatever their order.
    #[test]
    fn brackets_render_the_same_in_any_order() {
        let r = |t: &str| {
            let chars: Vec<(char, usize)> = t.char_indices().map(|(i, c)| (c, i)).collect();
            render(&chars).text
        };
        assert_eq!(r("[a](x) [b][y] [c] d](e)"), "a b [c] d](e)");
        assert_eq!(r("[[a](x)"), "[a");
        assert_eq!(r("[a [b](x) c]"), "a [b c]");
        assert_eq!(r("[a][b [c](d)"), "a(d)");
        assert_eq!(r("[a](b [c](d)"), "a");
        assert_eq!(r("10*10 and *b*"), "10*10 and b");
        assert_eq!(r(&"[".repeat(5)), "[[[[[");
        assert_eq!(r(&"[a](".repeat(3)), "[a]([a]([a](");
    }

    proptest::proptest! {
        /// Text copied a run at a time renders as it does a character at a time.
        #[test]
        fn a_run_renders_as_its_characters(
            pieces in proptest::collection::vec("[  a-zA-Z.\t\n\r\u{0b}\u{0c}\u{1c}\u{a0}é€\u{2003}]{0,12}", 0..6),
        ) {
            let mut by_run = Folded::with_capacity(0);
            let mut by_char = Folded::with_capacity(0);
            let mut at = 0;
            for piece in &pieces {
                by_run.push_str(piece, at);
                for (i, c) in piece.char_indices() {
                    by_char.push((c, at + i));
                }
                at += piece.len() + 3;
            }
            proptest::prop_assert_eq!(&by_run.rendered.text, &by_char.rendered.text);
            proptest::prop_assert_eq!(&by_run.rendered.src, &by_char.rendered.src);
        }
    }
}
