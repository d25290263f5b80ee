//! The cue phrases `draft` reads sentences by, as typed statics. Each [`Cues`]
//! holds its English lists (src/text/english/) and the automaton compiled from
//! them on first use, so a list and its automaton cannot come apart (a cache keyed
//! by a slice's address could hand a reused address a stale automaton). Where the
//! order of the lists is the grammar (the first that matches wins), they stand in
//! an ordered table here.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::draft::context::SectionKind;
use crate::draft::matcher::is_word;
use crate::model::Stance;
use crate::names::fold;
use crate::text::english::{self, CLAUSE_SPLITS, CLAUSE_SPLITS_LIST_END, Words};

/// One or more phrase lists, matched as one.
pub struct Cues {
    lists: &'static [&'static Words],
    compiled: OnceLock<Compiled>,
}

struct Compiled {
    phrases: Vec<&'static str>,
    automaton: Option<AhoCorasick>,
}

/// Where a cue phrase stands in a folded sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The phrase as its list writes it.
    pub phrase: &'static str,
    pub start: usize,
    pub end: usize,
}

impl Cues {
    pub const fn new(lists: &'static [&'static Words]) -> Cues {
        Cues {
            lists,
            compiled: OnceLock::new(),
        }
    }

    fn compiled(&self) -> &Compiled {
        self.compiled.get_or_init(|| {
            let phrases: Vec<&'static str> = self
                .lists
                .iter()
                .flat_map(|list| list.all().iter().copied())
                .collect();
            let folded: Vec<String> = phrases.iter().map(|p| fold(p)).collect();
            let automaton = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&folded)
                .ok();
            Compiled { phrases, automaton }
        })
    }

    /// Every whole-word occurrence of a phrase in `folded`, in order of where they
    /// start. The automaton's matches never overlap and come leftmost first,
    /// longest where two start together, so callers that want the first need not
    /// look past it, nor sort.
    fn occurrences<'a>(&'a self, folded: &'a str) -> impl Iterator<Item = Found> + 'a {
        let compiled = self.compiled();
        compiled
            .automaton
            .iter()
            .flat_map(move |automaton| automaton.find_iter(folded))
            .filter(move |m| {
                // Punctuation marks (";") need no word boundary.
                let phrase = &folded[m.start()..m.end()];
                let word_start = phrase.starts_with(char::is_alphanumeric);
                let word_end = phrase.ends_with(char::is_alphanumeric);
                let joined_before = word_start && is_word(folded[..m.start()].chars().next_back());
                let joined_after = word_end && is_word(folded[m.end()..].chars().next());
                !joined_before && !joined_after
            })
            .map(move |m| Found {
                phrase: compiled.phrases[m.pattern().as_usize()],
                start: m.start(),
                end: m.end(),
            })
    }

    /// The first phrase found in `folded`, earliest first, longest where two start
    /// together.
    pub fn first_in(&self, folded: &str) -> Option<Found> {
        self.occurrences(folded).next()
    }

    /// True when some phrase stands in `folded`.
    pub fn any_in(&self, folded: &str) -> bool {
        self.first_in(folded).is_some()
    }

    /// Every occurrence, in order, longest first where they overlap.
    pub fn all_in(&self, folded: &str) -> Vec<Found> {
        self.occurrences(folded).collect()
    }
}

/// Declares each `NAME = LIST | LIST ...;` as a `Cues` static over those lists of
/// `text::english`.
macro_rules! cues {
    ($($(#[$doc:meta])* $name:ident = $($list:ident)|+;)*) => {
        $(
            $(#[$doc])*
            pub static $name: Cues = Cues::new(&[$(&english::$list),+]);
        )*
    };
}

cues! {
    HEADING_PROS_AND_CONS = HEADING_PROS_AND_CONS;
    /// Headings over who uses a subject: companies, users, "in the wild".
    HEADING_COMPANIES = HEADING_COMPANIES | HEADING_USERS;
    HEADING_LIMITATIONS = HEADING_LIMITATIONS;
    HEADING_CONS = HEADING_CONS;
    HEADING_PROS = HEADING_PROS;
    HEADING_USE_CASES = HEADING_USE_CASES;
    HEADING_FAQ = HEADING_FAQ;
    HEADING_FEATURES = HEADING_FEATURES;
    /// Headings whose labelled items are features ("Key Features of X"), where a
    /// "Built-in Components and Extensibility" heading may hold pros and cons.
    HEADING_FEATURE_LIST = HEADING_FEATURE_LIST;
    LACKS = STANCE_LACKS;
    LIMITED = STANCE_LIMITED;
    EXTENSION = STANCE_EXTENSION;
    BUILTIN = STANCE_BUILTIN;
    WEAK_BUILTIN = STANCE_BUILTIN_WEAK;
    /// Good words first, then bad ones: one pass counts both.
    POLARITY = POSITIVE | NEGATIVE;
    COMPANY_CONTEXT = COMPANY_CONTEXT;
    COMPANY_LIST = COMPANY_LIST_OPENERS;
    USE_VERBS = USE_VERBS;
    USE_CASE = USE_CASE_CUES;
    COMPARATIVES = COMPARATIVES_BEFORE_THAN;
    COMPARATIVES_WITHOUT_THAN = COMPARATIVES_WITHOUT_THAN;
    THAN = THAN;
    CONTRASTS = CONTRAST_OPENERS;
    AGAINST = COMPARED_AGAINST;
    DEPENDS = IT_DEPENDS;
    MADE_BY = MADE_BY;
    RELEASE_VERBS = RELEASE_VERBS;
    BASED_ON = BASED_ON;
    /// Singular verbs first: a plural one ("are") makes a fact about each subject.
    IS_A = IS_A | IS_A_PLURAL;
    CLAUSE_MARKS = CLAUSE_MARKS;
}

/// How a sentence splits into a clause per subject, tried in this order: the
/// separators, how many words of the second clause must name a subject, and
/// whether the separator may also end a list of names ("A, B, and C are").
pub static CLAUSE_SEPARATORS: [(&Words, usize, bool); 2] = [
    (&CLAUSE_SPLITS, 4, false),
    (&CLAUSE_SPLITS_LIST_END, 1, true),
];

/// Each list of [`CLAUSE_SEPARATORS`] as (separator, a finder of it followed by a
/// space), built once: every sentence is searched for each of them.
pub fn separator_finders() -> &'static [Vec<(&'static str, memchr::memmem::Finder<'static>)>] {
    static FINDERS: OnceLock<Vec<Vec<(&'static str, memchr::memmem::Finder<'static>)>>> =
        OnceLock::new();
    FINDERS.get_or_init(|| {
        CLAUSE_SEPARATORS
            .iter()
            .map(|(list, _, _)| {
                list.all()
                    .iter()
                    .map(|&separator| {
                        let needle = format!("{separator} ");
                        let finder = memchr::memmem::Finder::new(needle.as_bytes()).into_owned();
                        (separator, finder)
                    })
                    .collect()
            })
            .collect()
    })
}

/// Heading words that set the kind of what stands under the heading, most specific
/// first: "Pros and Cons" is no "Pros" heading.
pub static SECTION_CUES: [(SectionKind, &Cues); 8] = [
    (SectionKind::ProCon, &HEADING_PROS_AND_CONS),
    (SectionKind::Company, &HEADING_COMPANIES),
    (SectionKind::Limitation, &HEADING_LIMITATIONS),
    (SectionKind::Con, &HEADING_CONS),
    (SectionKind::Pro, &HEADING_PROS),
    (SectionKind::UseCase, &HEADING_USE_CASES),
    (SectionKind::Faq, &HEADING_FAQ),
    (SectionKind::Feature, &HEADING_FEATURES),
];

/// The stance a list intro ("X lacks:", "X ships with:") gives its items, the first
/// that matches.
pub static INTRO_STANCES: [(Stance, &Cues); 3] = [
    (Stance::Lacks, &LACKS),
    (Stance::Builtin, &BUILTIN),
    (Stance::Extension, &EXTENSION),
];

/// A stance cue: the stance it gives, its phrases, and whether it alone makes a
/// sentence a feature claim (a weak one, "offers", only sets the stance of topics
/// after it).
pub struct StanceCue {
    pub stance: Stance,
    pub cues: &'static Cues,
    pub strong: bool,
}

/// Stance cues, most specific first: where two overlap, the earlier one counts.
pub static FEATURE_STANCES: [StanceCue; 5] = [
    StanceCue {
        stance: Stance::Lacks,
        cues: &LACKS,
        strong: true,
    },
    StanceCue {
        stance: Stance::Limited,
        cues: &LIMITED,
        strong: true,
    },
    StanceCue {
        stance: Stance::Extension,
        cues: &EXTENSION,
        strong: true,
    },
    StanceCue {
        stance: Stance::Builtin,
        cues: &BUILTIN,
        strong: true,
    },
    StanceCue {
        stance: Stance::Builtin,
        cues: &WEAK_BUILTIN,
        strong: false,
    },
];

/// The stance cues a list of features the catalogue does not know may follow
/// ("lacks X, Y and Z"), most specific first.
pub static NEW_FEATURE_STANCES: [(Stance, &Cues); 3] = [
    (Stance::Lacks, &LACKS),
    (Stance::Limited, &LIMITED),
    (Stance::Builtin, &BUILTIN),
];

/// The stance of a table cell, the first that matches: a cue anywhere in the cell,
/// or (for some) the whole cell ("no", "✓").
pub static CELL_STANCES: [(Stance, &Cues); 4] = [
    (Stance::Lacks, &LACKS),
    (Stance::Limited, &LIMITED),
    (Stance::Extension, &EXTENSION),
    (Stance::Builtin, &BUILTIN),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_find_whole_words_longest_first() {
        let found = LACKS.all_in("it lacks built in auth, lacking nothing; lackstuff");
        let phrases: Vec<&str> = found.iter().map(|f| f.phrase).collect();
        assert_eq!(phrases, ["lacks", "lacking"]);
        assert_eq!(
            BUILTIN.first_in("natively with x").map(|f| f.phrase),
            Some("natively with")
        );
        // Two statics over different lists never share an automaton.
        assert!(THAN.any_in("faster than b"));
        assert!(!CONTRASTS.any_in("faster than b"));
        assert!(CLAUSE_MARKS.any_in("a; b"));
    }
}
