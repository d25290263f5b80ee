//! A folded sentence as words and marks, and the phrases of a word list found
//! among them: what `predicate` reads clauses by.

use crate::text::english::Words;

/// A word (or a punctuation mark) of the folded sentence, by its folded bytes.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub punct: bool,
}

/// The tokens of `text` from byte `from`: runs of letters, digits and the marks a
/// name may hold ("http/2", "node.js", "doesn't"); other marks one token each.
pub fn tokens(text: &str, from: usize) -> Vec<Tok> {
    // About one token in five bytes of prose: room for most sentences at once.
    let mut out = Vec::with_capacity(text.len().saturating_sub(from) / 4);
    let mut start: Option<usize> = None;
    let wordish = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '.' | '/' | '+' | '#');
    // By bytes, a character decoded only where it is no ASCII: most prose is.
    let bytes = text.as_bytes();
    let mut at = from;
    while at < bytes.len() {
        let c = match bytes[at] {
            b if b.is_ascii() => char::from(b),
            _ => text[at..].chars().next().unwrap_or_default(),
        };
        let next = at + c.len_utf8();
        if wordish(c) {
            start.get_or_insert(at);
            at = next;
            continue;
        }
        if let Some(s) = start.take() {
            push_word(text, s, at, &mut out);
        }
        if !c.is_whitespace() && c != '"' && c != '*' {
            out.push(Tok {
                start: at,
                end: next,
                punct: true,
            });
        }
        at = next;
    }
    if let Some(s) = start {
        push_word(text, s, text.len(), &mut out);
    }
    out
}

/// A word, its trailing dots and quotes split off ("end." is "end" and ".").
fn push_word(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let word = &text[start..end];
    let trimmed = word.trim_end_matches(['.', '\'']);
    if trimmed.is_empty() {
        return;
    }
    let cut = start + trimmed.len();
    out.push(Tok {
        start,
        end: cut,
        punct: false,
    });
    if cut < end && text[cut..end].starts_with('.') {
        out.push(Tok {
            start: cut,
            end: cut + 1,
            punct: true,
        });
    }
}

/// The text of token `t`.
pub fn word<'t>(text: &'t str, t: &Tok) -> &'t str {
    &text[t.start..t.end]
}

/// How many tokens from `i` one of `list`'s phrases takes, the longest.
pub fn phrase_at(text: &str, toks: &[Tok], i: usize, list: &Words) -> Option<usize> {
    let first = word(text, toks.get(i)?);
    list.starting(first)
        .iter()
        .filter(|parts| {
            parts.len() <= toks.len() - i
                && parts
                    .iter()
                    .zip(&toks[i..])
                    .all(|(part, t)| word(text, t) == *part)
        })
        .map(Vec::len)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`tokens`] as it read the text, a character at a time.
    fn by_chars(text: &str, from: usize) -> Vec<Tok> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let wordish = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '.' | '/' | '+' | '#');
        for (i, c) in text[from..].char_indices() {
            let at = from + i;
            if wordish(c) {
                start.get_or_insert(at);
                continue;
            }
            if let Some(s) = start.take() {
                push_word(text, s, at, &mut out);
            }
            if !c.is_whitespace() && c != '"' && c != '*' {
                out.push(Tok {
                    start: at,
                    end: at + c.len_utf8(),
                    punct: true,
                });
            }
        }
        if let Some(s) = start {
            push_word(text, s, text.len(), &mut out);
        }
        out
    }

    proptest::proptest! {
        /// Read by bytes, a sentence gives the tokens it gave read by characters.
        #[test]
        fn tokens_by_bytes_are_those_by_characters(
            text in "[ a-zA-Z0-9.,'\"*/+#:;()\t\u{0b}\u{0c}\u{a0}é日’-]{0,40}",
            from in 0usize..40,
        ) {
            let from = (0..=from.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let as_tuples = |toks: Vec<Tok>| -> Vec<(usize, usize, bool)> {
                toks.iter().map(|t| (t.start, t.end, t.punct)).collect()
            };
            proptest::prop_assert_eq!(as_tuples(tokens(&text, from)), as_tuples(by_chars(&text, from)));
        }
    }
}
