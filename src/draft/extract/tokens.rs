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
    LAST_READ.with_borrow_mut(|kept| {
        if let Some((_, _, toks)) = kept.iter().find(|(t, f, _)| *f == from && t == text) {
            return toks.clone();
        }
        let toks = read_tokens(text, from);
        // The oldest kept reading's buffers hold the new one.
        let mut entry = if kept.len() >= KEPT_READINGS {
            kept.remove(0)
        } else {
            Default::default()
        };
        entry.0.clear();
        entry.0.push_str(text);
        entry.1 = from;
        entry.2.clear();
        entry.2.extend_from_slice(&toks);
        kept.push(entry);
        toks
    })
}

/// How many readings [`tokens`] keeps: a sentence's readings (its predicates,
/// facts, advice) ask for the tokens of its body one after another.
const KEPT_READINGS: usize = 2;

thread_local! {
    /// The last readings of [`tokens`]: the text read, from where, its tokens.
    static LAST_READ: std::cell::RefCell<Vec<(String, usize, Vec<Tok>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// [`tokens`], read.
fn read_tokens(text: &str, from: usize) -> Vec<Tok> {
    // About one token in five bytes of prose: room for most sentences at once.
    let mut out = Vec::with_capacity(text.len().saturating_sub(from) / 4);
    let mut start: Option<usize> = None;
    // By bytes, through a table of what each ASCII byte is; a character is
    // decoded only where it is no ASCII: most prose is.
    let bytes = text.as_bytes();
    let mut at = from;
    while at < bytes.len() {
        let (class, next) = match bytes[at] {
            b if b.is_ascii() => (ASCII_CLASS[usize::from(b)], at + 1),
            _ => {
                let c = text[at..].chars().next().unwrap_or_default();
                (class_of(c), at + c.len_utf8())
            }
        };
        if class == WORDISH {
            start.get_or_insert(at);
            at = next;
            continue;
        }
        if let Some(s) = start.take() {
            push_word(text, s, at, &mut out);
        }
        if class == MARK {
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

/// A character of a word: letters, digits and the marks a name may hold.
const WORDISH: u8 = 0;
/// A mark that is a token of its own.
const MARK: u8 = 1;
/// White space, and the marks that are no token ('"', '*').
const SKIPPED: u8 = 2;

/// What character `c` is to [`tokens`].
fn class_of(c: char) -> u8 {
    if c.is_alphanumeric() || matches!(c, '\'' | '.' | '/' | '+' | '#') {
        WORDISH
    } else if c.is_whitespace() || c == '"' || c == '*' {
        SKIPPED
    } else {
        MARK
    }
}

/// [`class_of`] each ASCII character, computed once at compile time.
static ASCII_CLASS: [u8; 128] = {
    let mut table = [MARK; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() || matches!(c, b'\'' | b'.' | b'/' | b'+' | b'#') {
            WORDISH
        } else if matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' | b'"' | b'*') {
            SKIPPED
        } else {
            MARK
        };
        b += 1;
    }
    table
};

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

    #[test]
    fn the_ascii_table_holds_the_classes_of_the_characters() {
        for b in 0u8..128 {
            assert_eq!(ASCII_CLASS[usize::from(b)], class_of(char::from(b)), "{b}");
        }
    }

    proptest::proptest! {
        /// Read by bytes, a sentence gives the tokens it gave read by characters.
        #[test]
        fn tokens_by_bytes_are_those_by_characters(
            text in "[ a-zA-Z0-9.,'\"*/+#:;()\t\n\r\u{0b}\u{0c}\u{1c}\u{85}\u{a0}é日’-]{0,40}",
            from in 0usize..40,
        ) {
            let from = (0..=from.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let as_tuples = |toks: Vec<Tok>| -> Vec<(usize, usize, bool)> {
                toks.iter().map(|t| (t.start, t.end, t.punct)).collect()
            };
            let want = as_tuples(by_chars(&text, from));
            proptest::prop_assert_eq!(as_tuples(tokens(&text, from)), want.clone());
            // Asked again (a kept reading), or of other text in between.
            proptest::prop_assert_eq!(as_tuples(tokens(&text, from)), want.clone());
            tokens("other text", 0);
            proptest::prop_assert_eq!(as_tuples(tokens(&text, 0)), as_tuples(by_chars(&text, 0)));
            proptest::prop_assert_eq!(as_tuples(tokens(&text, from)), want);
        }
    }
}
