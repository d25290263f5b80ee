//! The cue phrases `draft` reads sentences by, as typed statics. Each [`Cues`]
//! holds its English lists (src/text/english/) and the automaton compiled from
//! them on first use, so a list and its automaton cannot come apart (a cache keyed
//! by a slice's address could hand a reused address a stale automaton). Where the
//! order of the lists is the grammar (the first that matches wins), they stand in
//! an ordered table here.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

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
    /// Built when first searched with: most questions read the sentence scan.
    automaton: OnceLock<Option<AhoCorasick>>,
    /// This static's place in [`ALL`], whose phrases the sentence scan finds.
    id: Option<usize>,
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
            let id = ALL.iter().position(|c| std::ptr::eq(*c, self));
            Compiled {
                phrases,
                automaton: OnceLock::new(),
                id,
            }
        })
    }

    fn automaton(&self) -> Option<&AhoCorasick> {
        let compiled = self.compiled();
        compiled
            .automaton
            .get_or_init(|| {
                let folded: Vec<String> = compiled.phrases.iter().map(|p| fold(p)).collect();
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&folded)
                    .ok()
            })
            .as_ref()
    }

    /// Every whole-word occurrence of a phrase in `folded`, in order of where they
    /// start. The automaton's matches never overlap and come leftmost first,
    /// longest where two start together, so callers that want the first need not
    /// look past it, nor sort.
    fn occurrences<'a>(&'a self, folded: &'a str) -> impl Iterator<Item = Found> + 'a {
        let compiled = self.compiled();
        self.automaton()
            .into_iter()
            .flat_map(move |automaton| automaton.find_iter(folded))
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .filter(move |&(start, end, _)| whole_words(folded, start, end))
            .map(move |(start, end, pattern)| Found {
                phrase: compiled.phrases[pattern],
                start,
                end,
            })
    }

    /// Calls `visit` with each occurrence [`Cues::occurrences`] gives, in order,
    /// until it returns true. Where `folded` is (part of) the sentence scanned
    /// last ([`scan_sentence`]), they are read from that scan instead of a pass of
    /// this static's own automaton: a sentence is asked for a score of lists.
    fn each(&self, folded: &str, mut visit: impl FnMut(Found) -> bool) {
        let compiled = self.compiled();
        if let Some(id) = compiled.id {
            let done = SCANNED.with_borrow(|scans| {
                let Some((scan, offset)) = scans.iter().rev().find_map(|s| s.holding(folded))
                else {
                    return false;
                };
                scan.each(id, offset, folded, compiled, &mut visit);
                true
            });
            if done {
                return;
            }
        }
        for found in self.occurrences(folded) {
            if visit(found) {
                return;
            }
        }
    }

    /// The first phrase found in `folded`, earliest first, longest where two start
    /// together.
    pub fn first_in(&self, folded: &str) -> Option<Found> {
        let mut first = None;
        self.each(folded, |f| {
            first = Some(f);
            true
        });
        first
    }

    /// True when some phrase stands in `folded`.
    pub fn any_in(&self, folded: &str) -> bool {
        self.first_in(folded).is_some()
    }

    /// Every occurrence, in order, longest first where they overlap.
    pub fn all_in(&self, folded: &str) -> Vec<Found> {
        let mut all = Vec::new();
        self.each(folded, |f| {
            all.push(f);
            false
        });
        all
    }
}

/// True when `start..end` of `folded` stands as whole words: no letter or digit
/// joins a phrase's word at either end (punctuation marks, ";", need no
/// boundary).
fn whole_words(folded: &str, start: usize, end: usize) -> bool {
    let phrase = &folded[start..end];
    let word_start = phrase.starts_with(char::is_alphanumeric);
    let word_end = phrase.ends_with(char::is_alphanumeric);
    let joined_before = word_start && is_word(folded[..start].chars().next_back());
    let joined_after = word_end && is_word(folded[end..].chars().next());
    !joined_before && !joined_after
}

/// The length of the page being read, in bytes, as [`expect_page`] was told.
static PAGE_LEN: AtomicUsize = AtomicUsize::new(0);

/// The length of a page from which the sentence scan is a DFA.
const DFA_PAGE_LEN: usize = 512 << 10;

/// Tells the sentence scan how long a page it will read (before its first
/// sentence): which automaton pays for itself depends on it, what it finds not.
pub fn expect_page(len: usize) {
    PAGE_LEN.fetch_max(len, Ordering::Relaxed);
}

/// True when the page [`expect_page`] was told of is long enough that a DFA's
/// build pays for itself in its scans.
pub fn long_page() -> bool {
    PAGE_LEN.load(Ordering::Relaxed) >= DFA_PAGE_LEN
}

/// Every phrase of every static of [`ALL`], found in one pass over a sentence.
struct Union {
    automaton: Option<AhoCorasick>,
    /// For each distinct folded phrase: the statics holding it, as (place in
    /// [`ALL`], the phrase's first index in that static's phrases).
    owners: Vec<Vec<(usize, usize)>>,
}

fn union() -> &'static Union {
    static UNION: OnceLock<Union> = OnceLock::new();
    UNION.get_or_init(|| {
        let mut index: std::collections::HashMap<String, usize> = Default::default();
        let mut patterns: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<(usize, usize)>> = Vec::new();
        for (id, cues) in ALL.iter().enumerate() {
            let phrases = cues.lists.iter().flat_map(|list| list.all().iter());
            for (local, phrase) in phrases.enumerate() {
                let folded = fold(phrase);
                let at = *index.entry(folded.clone()).or_insert_with(|| {
                    patterns.push(folded);
                    owners.push(Vec::new());
                    patterns.len() - 1
                });
                // The first of equal phrases is the one the static's own
                // automaton reports.
                if !owners[at].iter().any(|&(o, _)| o == id) {
                    owners[at].push((id, local));
                }
            }
        }
        // One pass per sentence. A DFA runs a megabyte's scans some 30 M
        // instructions faster than the compact automaton, but takes some 14 M
        // more to build: from half a megabyte on it pays for itself.
        let kind = long_page().then_some(AhoCorasickKind::DFA);
        let automaton = AhoCorasick::builder().kind(kind).build(&patterns).ok();
        Union { automaton, owners }
    })
}

/// Builds the sentence scan's automaton now, so that the first sentence read need
/// not wait for it: on a long page [`crate::draft::draft_as`] builds it on another
/// core while the page is parsed (some 15 M instructions off the critical path).
/// The automaton is the one [`scan_sentence`] would build: call [`expect_page`] first.
pub fn prepare_scan() {
    union();
}

/// One sentence's scan: a copy of its folded text, where it lives, and every
/// occurrence of every cue phrase in it, by start and then longest first.
#[derive(Default)]
struct Scan {
    text: String,
    address: usize,
    hits: Vec<(usize, usize, usize)>,
}

impl Scan {
    /// Where `folded` starts in the scanned sentence, when it is a part of it
    /// (same place in memory, same bytes: a reused address with other text is
    /// no part of it).
    fn holding(&self, folded: &str) -> Option<(&Scan, usize)> {
        let at = (folded.as_ptr() as usize).checked_sub(self.address)?;
        let part = self.text.get(at..at.checked_add(folded.len())?)?;
        (part == folded).then_some((self, at))
    }

    /// The occurrences of static `id`'s phrases in `folded`, the part of the
    /// sentence at `offset`, as its own leftmost-longest automaton finds them:
    /// the earliest, the longest there, then the next from where it ends.
    fn each(
        &self,
        id: usize,
        offset: usize,
        folded: &str,
        compiled: &Compiled,
        visit: &mut impl FnMut(Found) -> bool,
    ) {
        let end_of_part = offset + folded.len();
        let owners = &union().owners;
        let mut free = offset;
        for &(start, end, pattern) in &self.hits {
            if start < free || end > end_of_part {
                continue;
            }
            let Some(&(_, local)) = owners[pattern].iter().find(|(o, _)| *o == id) else {
                continue;
            };
            free = end;
            let (start, end) = (start - offset, end - offset);
            if whole_words(folded, start, end)
                && visit(Found {
                    phrase: compiled.phrases[local],
                    start,
                    end,
                })
            {
                return;
            }
        }
    }
}

/// The sentences scanned last, most recent last: a sentence split in clauses is
/// read again whole after its parts.
const SCANS_KEPT: usize = 4;

thread_local! {
    static SCANNED: std::cell::RefCell<Vec<Scan>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Scans a folded sentence for every cue phrase at once, so that the statics'
/// questions about it (or a part of it, as `&folded[from..to]`) read the scan.
/// `folded` must stay where it is (a `String` not grown) for the scan to be
/// used; a question about other text searches as before.
pub fn scan_sentence(folded: &str) {
    let Some(automaton) = &union().automaton else {
        return;
    };
    SCANNED.with_borrow_mut(|scans| {
        let mut scan = if scans.len() >= SCANS_KEPT {
            scans.remove(0)
        } else {
            Scan::default()
        };
        scan.text.clear();
        scan.text.push_str(folded);
        scan.address = folded.as_ptr() as usize;
        scan.hits.clear();
        scan.hits.extend(
            automaton
                .find_overlapping_iter(folded)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize())),
        );
        scan.hits
            .sort_unstable_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
        scans.push(scan);
    });
}

/// Declares each `NAME = LIST | LIST ...;` as a `Cues` static over those lists of
/// `text::english`.
macro_rules! cues {
    ($($(#[$doc:meta])* $name:ident = $($list:ident)|+;)*) => {
        $(
            $(#[$doc])*
            pub static $name: Cues = Cues::new(&[$(&english::$list),+]);
        )*
        /// Every static above, for the one scan of a sentence that finds them all.
        static ALL: &[&Cues] = &[$(&$name),*];
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
    /// Outside a companies section, what a sentence naming users must say.
    COMPANY_NAMED = COMPANY_NAMED;
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

    #[test]
    fn a_scanned_sentence_and_its_parts_find_what_the_lists_find() {
        let sentences = [
            "it lacks built in auth, lacking nothing; lackstuff",
            "unlike b, a is much faster than c and natively supports x, but not y",
            "both are great: a has limited support for z while b doesn't",
            "a works natively with x and has a built in y",
        ];
        for sentence in sentences {
            let scanned = sentence.to_string();
            scan_sentence(&scanned);
            for from in 0..scanned.len() {
                for to in from..=scanned.len() {
                    let part = &scanned[from..to];
                    // A copy lives elsewhere: its questions search as before.
                    let copy = part.to_string();
                    for cues in ALL {
                        assert_eq!(cues.all_in(part), cues.all_in(&copy), "{part:?}");
                    }
                }
            }
        }
    }
}
