//! The words of a page as discovery counts them: split at white space, without the
//! punctuation around them.

/// The word without the punctuation around it ("C++", "C#" and ".NET" keep theirs).
pub fn clean(word: &str) -> &str {
    let word = word
        .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '.')
        .trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '+' | '#'));
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// The words of ASCII `text`, as `split_whitespace` gives them.
pub fn ascii_words(text: &str) -> impl Iterator<Item = &str> {
    let base = text.as_ptr() as usize;
    text.as_bytes()
        .split(|&b| b.is_ascii_whitespace() || b == 0x0B)
        .filter(|w| !w.is_empty())
        .map(move |w| {
            let start = w.as_ptr() as usize - base;
            &text[start..start + w.len()]
        })
}

/// [`clean`] of an ASCII word, by its bytes.
pub fn clean_ascii(word: &str) -> &str {
    let bytes = word.as_bytes();
    let start = bytes
        .iter()
        .position(|&b| b.is_ascii_alphanumeric() || b == b'.')
        .unwrap_or(bytes.len());
    let end = bytes[start..]
        .iter()
        .rposition(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'#'))
        .map_or(start, |i| start + i + 1);
    let word = &word[start..end];
    word.strip_suffix("'s").unwrap_or(word)
}

/// The longest title line whose badges are looked for.
const MAX_TITLE_BYTES: usize = 2000;

/// A title's text without the badges after its words ("# zap [![Docs][d]][l]"
/// is "zap", where its rendering keeps the images' alt texts).
pub fn without_badges(source: &str, title: &crate::text::blocks::Block) -> String {
    let text = &title.rendered.text;
    let line = title.source_lines(source);
    // Badges open with an image or a link around one; a title line longer than
    // any real one is taken as it is (each try reads the rest of the line).
    if line.len() > MAX_TITLE_BYTES {
        return text.clone();
    }
    let cut = line
        .char_indices()
        .filter(|&(i, c)| c.is_whitespace() && line[i..].trim_start().starts_with(['[', '!', '<']))
        .map(|(i, _)| i)
        .find(|&i| crate::text::block::images_only(line[i..].trim()));
    let Some(cut) = cut else {
        return text.clone();
    };
    let words = line[..cut]
        .trim_start()
        .trim_start_matches('#')
        .split_whitespace()
        .count();
    text.split_whitespace()
        .take(words)
        .collect::<Vec<_>>()
        .join(" ")
}
