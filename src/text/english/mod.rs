//! The English that `ask`, `draft` and `query` read, as data: one phrase list per
//! file in this folder, one phrase a line (blank lines and `#` comments are
//! skipped), compiled in with `include_str!` and split once, on first use. The
//! lists are reviewed like the seed: a phrase added here changes what every reader
//! of text understands, so each file says at its top what its phrases mean.
//!
//! Nothing here names a subject, topic or company: these are words of English.

pub mod inflect;

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

lists! {
    /// ask: words that carry no name (articles, pronouns, generic question words).
    FILLER = "filler.txt";
    /// ask: words that make a question a comparison ("than", "vs", "difference").
    COMPARISON = "comparison.txt";
    /// ask: comparatives that compare without a "than" ("easier", "outperforms").
    COMPARATIVES = "comparatives.txt";
    /// ask: negations ("doesn't", "not", "without").
    NEGATION = "negation.txt";
    /// ask: negations that are a lack by themselves ("lacks", "without").
    LACKING = "lacking.txt";
    /// ask: verbs of having; negated, they read as "lacks".
    HAVING = "having.txt";
    /// ask: first words of a yes/no question.
    YES_NO_OPENERS = "yes_no_openers.txt";
    /// ask: words asking which subject.
    WHICH = "which.txt";
    /// ask: "what" phrases that do not ask which ("what about").
    WHAT_ABOUT = "what_about.txt";
    /// ask: words asking about every subject ("both", "all").
    EVERY = "every.txt";
    /// ask: phrases saying a thing ships built in.
    BUILTIN = "builtin.txt";
    /// ask: phrases of doing well; negated, a question for weaknesses.
    GOOD_AT = "good_at.txt";
    /// ask: words asking for weaknesses (limitations and cons together).
    WEAKNESS = "weakness.txt";
    /// ask: words of advantage (with DISADVANTAGE: pros and cons).
    ADVANTAGE = "advantage.txt";
    /// ask: words of disadvantage (with ADVANTAGE: pros and cons).
    DISADVANTAGE = "disadvantage.txt";
    /// ask: words asking for limitations.
    LIMITATION = "limitation.txt";
    /// ask: words asking for cons alone.
    CONS = "cons.txt";
    /// ask: words asking for pros besides ADVANTAGE's.
    PRAISE = "praise.txt";
    /// ask: words asking what a subject is for.
    USE_CASE = "use_case.txt";
    /// ask: "where", which with USING asks for use cases.
    WHERE = "where.txt";
    /// ask: words of using, which with WHERE ask for use cases.
    USING = "using.txt";
    /// ask: words asking who uses a subject.
    ADOPTERS = "adopters.txt";
    /// ask: words asking for features.
    FEATURE = "feature.txt";
    /// ask: words of approval that, followed by "for", ask for an evaluation.
    APPROVAL = "approval.txt";
    /// ask: words asking for a date.
    WHEN = "when.txt";
    /// ask: words asking for facts of origin.
    ORIGIN = "origin.txt";
    /// ask: words asking for advice.
    ADVICE = "advice.txt";
    /// ask: words that make "which ... for" a question of purpose, not advice.
    PURPOSE = "purpose.txt";
    /// ask: names that say how a thing ships ("out of the box").
    SHIPPING = "shipping.txt";
    /// ask: "which" and "what" before a topic or opening advice.
    WHICH_OR_WHAT = "which_or_what.txt";
    /// ask: words after "which TOPIC" that make the topic a kind of thing wanted.
    CLASS_FOLLOWERS = "class_followers.txt";
    /// ask: words that put two subjects side by side ("or", "vs").
    SIDE_BY_SIDE = "side_by_side.txt";
}

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
