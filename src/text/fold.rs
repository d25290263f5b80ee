//! Folding text for matching: the one table of characters that do not count
//! (case, typographic quotes, hyphens and dashes, kinds of white space), used for
//! names typed on the command line and stored as alias keys (`names::fold`) and
//! for the sentences `draft` reads (`fold_mapped`, which also says where each
//! folded byte comes from). Both use the same table, so a name folded one way is
//! found in a sentence folded the other.

/// One character as matching sees it: typographic apostrophes, primes and
/// backticks as `'`, typographic double quotes as `"`, hyphens, dashes and `_` as
/// a space, any white space as a space. Case is folded separately.
fn plain(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        '-' | '_' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' => ' ',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// Each ASCII byte as [`plain`] and lower case make it, computed from them once:
/// folding is most of the work of reading an article, and most of it is ASCII.
fn ascii_table() -> &'static [u8; 128] {
    static TABLE: std::sync::OnceLock<[u8; 128]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [0u8; 128];
        for (b, slot) in (0u8..128).zip(table.iter_mut()) {
            // ASCII in, ASCII out: `plain` maps ASCII only to ASCII.
            *slot = plain(char::from(b)).to_ascii_lowercase() as u8;
        }
        table
    })
}

/// How many bytes `text` opens with that are ASCII: all of most text, found a
/// word at a time by `is_ascii`, else byte by byte up to the first that is not.
fn ascii_len(text: &str) -> usize {
    if text.is_ascii() {
        return text.len();
    }
    text.bytes().take_while(u8::is_ascii).count()
}

/// Folds a name: lower case, [`plain`] characters, runs of white space as one
/// space, no space at either end.
pub fn fold(name: &str) -> String {
    if name.is_ascii() {
        return fold_ascii(name);
    }
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for ch in name.chars().map(plain) {
        if ch == ' ' {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if ch.is_ascii() {
            out.push(ch.to_ascii_lowercase());
        } else {
            out.extend(ch.to_lowercase());
        }
    }
    out
}

/// Appends [`fold`] of `text` to `out` as UTF-8, as `out.push_str(&fold(text))`
/// would, without a string of its own, and a run of ASCII through [`ascii_table`]
/// even where the text holds other characters (a page's counts fold all its
/// prose).
pub fn fold_into(out: &mut Vec<u8>, text: &str) {
    let table = ascii_table();
    let start = out.len();
    out.reserve(text.len());
    let mut pending_space = false;
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = ascii_len(rest);
        for &b in &rest.as_bytes()[..ascii] {
            let b = table[usize::from(b)];
            if b == b' ' {
                pending_space = out.len() > start;
                continue;
            }
            if pending_space {
                out.push(b' ');
                pending_space = false;
            }
            out.push(b);
        }
        rest = &rest[ascii..];
        let Some(ch) = rest.chars().next() else {
            break;
        };
        rest = &rest[ch.len_utf8()..];
        let ch = plain(ch);
        if ch == ' ' {
            pending_space = out.len() > start;
            continue;
        }
        if pending_space {
            out.push(b' ');
            pending_space = false;
        }
        for lower in ch.to_lowercase() {
            out.extend_from_slice(lower.encode_utf8(&mut [0; 4]).as_bytes());
        }
    }
}

/// [`fold`] of ASCII text, byte by byte through [`ascii_table`].
fn fold_ascii(name: &str) -> String {
    let table = ascii_table();
    let mut out: Vec<u8> = Vec::with_capacity(name.len());
    let mut pending_space = false;
    for b in name.bytes() {
        let b = table[usize::from(b)];
        if b == b' ' {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(b' ');
            pending_space = false;
        }
        out.push(b);
    }
    String::from_utf8(out).expect("ASCII folds to ASCII")
}

/// Folds a sentence character by character (lower case, [`plain`] characters;
/// white space is not collapsed, so positions stay close to the source), with the
/// byte offset in `text` of each folded byte, and `text.len()` last for the end.
pub fn fold_mapped(text: &str) -> (String, Vec<usize>) {
    let table = ascii_table();
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    // Most text is ASCII: a run of it is one byte in, one byte out.
    let mut rest = text;
    let mut at = 0;
    while !rest.is_empty() {
        let ascii = ascii_len(rest);
        out.extend(
            rest.as_bytes()[..ascii]
                .iter()
                .map(|&b| table[usize::from(b)]),
        );
        map.extend(at..at + ascii);
        at += ascii;
        rest = &rest[ascii..];
        let Some(ch) = rest.chars().next() else {
            break;
        };
        for lower in plain(ch).to_lowercase() {
            map.extend(std::iter::repeat_n(at, lower.len_utf8()));
            out.extend_from_slice(lower.encode_utf8(&mut [0; 4]).as_bytes());
        }
        at += ch.len_utf8();
        rest = &rest[ch.len_utf8()..];
    }
    map.push(text.len());
    (String::from_utf8(out).expect("folding keeps UTF-8"), map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_folds_read_the_same_table() {
        let text = "Django\u{2019}s \u{201C}Built-In\u{201D}\u{2003}ORM\u{2032}s";
        let (mapped, map) = fold_mapped(text);
        assert_eq!(mapped, "django's \"built in\" orm's");
        assert_eq!(fold(text), mapped);
        assert_eq!(map.len(), mapped.len() + 1);
        // Each folded byte points at the source character it comes from.
        let at = mapped.find("orm").unwrap();
        assert_eq!(&text[map[at]..map[at + 3]], "ORM");
        // A character whose lower case is longer still maps every byte.
        let (mapped, map) = fold_mapped("\u{0130}x");
        assert_eq!(mapped, "i\u{307}x");
        assert_eq!(map, [0, 0, 0, 2, 3]);
        assert_eq!(fold("  a \t b  "), "a b");
    }

    #[test]
    fn ascii_folds_as_the_table_of_characters_says() {
        // Every ASCII character, alone and between letters, with and without a
        // character outside ASCII to take the other path.
        for b in 0u8..128 {
            let c = char::from(b);
            let want = plain(c).to_ascii_lowercase();
            let text = format!("a{c}b");
            let (mapped, map) = fold_mapped(&text);
            assert_eq!(mapped, format!("a{want}b"), "{b}");
            assert_eq!(map, [0, 1, 2, 3]);
            let folded = if want == ' ' {
                "a b".to_string()
            } else {
                format!("a{want}b")
            };
            assert_eq!(fold(&text), folded, "{b}");
            let mut into = b"x".to_vec();
            fold_into(&mut into, &format!(" {text}\u{e9} "));
            assert_eq!(into, format!("x{folded}\u{e9}").as_bytes(), "{b}");
            assert_eq!(
                fold(&format!("{text}\u{e9}")),
                format!("{folded}\u{e9}"),
                "{b}"
            );
        }
    }
}
