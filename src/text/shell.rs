//! Text as the shell reads it, for the commands claimdb prints for the user to run
//! (the "reading as" line of `ask`, `publish`'s serve command).

/// `word` as one shell word: as it is when every byte is safe unquoted (ASCII
/// letters, digits and `/._-+`), otherwise single-quoted with its own single
/// quotes escaped.
pub fn shell_word(word: &str) -> String {
    if !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/._-+".contains(&b))
    {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::shell_word;

    #[test]
    fn a_word_is_quoted_only_when_the_shell_would_split_or_expand_it() {
        assert_eq!(shell_word("site/out-1.db"), "site/out-1.db");
        assert_eq!(shell_word("two words"), "'two words'");
        assert_eq!(shell_word("it's"), "'it'\\''s'");
        assert_eq!(shell_word("$HOME"), "'$HOME'");
        assert_eq!(shell_word(""), "''");
        assert_eq!(shell_word("café"), "'café'");
    }
}
