//! The English that `ask`, `draft` and `query` read, as data: one phrase list per
//! file in this folder, one phrase a line (blank lines and `#` comments are
//! skipped), compiled in with `include_str!` and split once, on first use. The
//! lists are reviewed like the seed: a phrase added here changes what every reader
//! of text understands, so each file says at its top what its phrases mean.
//!
//! Nothing here names a subject, topic or company: these are words of English.

use std::sync::OnceLock;

/// One word or phrase list, split on first use.
pub struct Words {
    /// The file's name, for the duplicate test's message.
    pub name: &'static str,
    text: &'static str,
    phrases: OnceLock<Vec<&'static str>>,
}

impl Words {
    pub const fn new(name: &'static str, text: &'static str) -> Words {
        Words {
            name,
            text,
            phrases: OnceLock::new(),
        }
    }

    /// The phrases in the file's order (the order matters where a list is a cue
    /// table read first match first).
    pub fn all(&self) -> &[&'static str] {
        self.phrases.get_or_init(|| {
            self.text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        })
    }

    /// True when `phrase` is one of the list's phrases, exactly.
    pub fn contains(&self, phrase: &str) -> bool {
        self.all().contains(&phrase)
    }
}

/// Declares a list read from `NAME.txt` beside this file, and records it in
/// [`ALL`] so that the duplicate test covers it.
macro_rules! lists {
    ($($(#[$doc:meta])* $name:ident = $file:literal;)*) => {
        $(
            $(#[$doc])*
            pub static $name: Words = Words::new($file, include_str!($file));
        )*
        /// Every list, for the tests.
        pub static ALL: &[&Words] = &[$(&$name),*];
    };
}

lists! {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_list_has_a_phrase_twice() {
        for list in ALL {
            let mut seen = std::collections::HashSet::new();
            for phrase in list.all() {
                assert!(seen.insert(*phrase), "{} has {phrase:?} twice", list.name);
            }
        }
    }

    #[test]
    fn phrases_are_lower_case_and_trimmed() {
        for list in ALL {
            for phrase in list.all() {
                assert_eq!(*phrase, phrase.to_lowercase(), "{}: {phrase:?}", list.name);
                assert!(!phrase.contains("  "), "{}: {phrase:?}", list.name);
            }
        }
    }
}
