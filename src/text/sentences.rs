//! Sentences of rendered text, as byte ranges.

use crate::text::english::ABBREVIATIONS;

/// The byte ranges of the sentences of `text`: a sentence ends at `.`, `!` or `?`
/// (and any closing quotes or brackets) followed by a space and a capital, a digit
/// or an opening quote, or at the end of the text. The ranges are trimmed.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    sentences_naming(text, &[])
}

/// Like [`sentences`], where a sentence may also begin with one of `names`, names
/// written in lower case ("... built with zapctl. zapctl is ..."), whole words.
pub fn sentences_naming(text: &str, names: &[String]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    // The marks that can end a sentence are ASCII: found by a byte search, with
    // no copy of the text's characters.
    for at in memchr::memchr3_iter(b'.', b'!', b'?', text.as_bytes()) {
        let after = &text[at + 1..];
        let closers = after.len()
            - after
                .trim_start_matches(['"', '\'', '”', '’', ')', ']'])
                .len();
        let end = at + 1 + closers;
        let mut next = text[end..].chars();
        let ends = match next.next() {
            None => true,
            Some(' ') => {
                next.next().is_some_and(|n| {
                    n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '‘' | '(')
                }) || starts_with_name(&text[end + 1..], names)
            }
            _ => false,
        };
        let dot = text.as_bytes()[at] == b'.';
        if ends && (end >= text.len() || !(dot && is_abbreviation(&text[start..at]))) {
            push_trimmed(text, start, end, &mut out);
            start = end;
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// Whether `rest` begins with one of `names`, as a whole word.
fn starts_with_name(rest: &str, names: &[String]) -> bool {
    names.iter().any(|name| {
        !name.is_empty()
            && rest.starts_with(name.as_str())
            && !rest[name.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
    })
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_lowercase();
    ABBREVIATIONS.contains(&word)
        || (word.chars().count() == 1 && word.chars().all(char::is_alphabetic))
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push((start + lead, start + lead + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn splits_at_sentence_ends_only() {
        assert_eq!(
            split("It is fast. It is “simple.” Is it? Yes, e.g. Django vs. Flask works."),
            [
                "It is fast.",
                "It is “simple.”",
                "Is it?",
                "Yes, e.g. Django vs. Flask works."
            ]
        );
        assert_eq!(
            split("Version 2.0 is out. 3 things"),
            ["Version 2.0 is out.", "3 things"]
        );
        assert_eq!(split("no end"), ["no end"]);
        assert_eq!(
            split("Built with zapctl. zapctl is fast."),
            ["Built with zapctl. zapctl is fast."]
        );
        assert_eq!(split("  "), Vec::<&str>::new());
    }

    /// The splitter as it was, a character at a time: the byte search must agree.
    fn by_chars(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (at, c) = chars[i];
            if matches!(c, '.' | '!' | '?') {
                let mut j = i + 1;
                while j < chars.len() && matches!(chars[j].1, '"' | '\'' | '”' | '’' | ')' | ']')
                {
                    j += 1;
                }
                let end = chars.get(j).map_or(text.len(), |&(o, _)| o);
                let ends = match chars.get(j) {
                    None => true,
                    Some(&(_, ' ')) => chars.get(j + 1).is_some_and(|&(_, n)| {
                        n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '‘' | '(')
                    }),
                    _ => false,
                };
                if ends && (j >= chars.len() || !(c == '.' && is_abbreviation(&text[start..at]))) {
                    push_trimmed(text, start, end, &mut out);
                    start = end;
                }
                i = j.max(i + 1);
                continue;
            }
            i += 1;
        }
        push_trimmed(text, start, text.len(), &mut out);
        out
    }

    proptest::proptest! {
        #[test]
        fn the_byte_search_splits_as_the_character_walk(
            text in "[ a-zA-Z0-9.!?\"'”’“‘()\\[\\]é]{0,40}"
        ) {
            proptest::prop_assert_eq!(sentences(&text), by_chars(&text));
        }
    }

    #[test]
    fn a_sentence_may_begin_with_a_lower_case_name() {
        let names = ["zapctl".to_string()];
        let split = |text| -> Vec<&str> {
            sentences_naming(text, &names)
                .into_iter()
                .map(|(s, e)| &text[s..e])
                .collect()
        };
        assert_eq!(
            split("Built with zapctl. zapctl is fast. zapctlx is not a name."),
            [
                "Built with zapctl.",
                "zapctl is fast. zapctlx is not a name."
            ]
        );
    }
}
