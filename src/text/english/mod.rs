//! The English that `ask`, `draft` and `query` read, as data: one phrase list per
//! file in this folder, one phrase a line (blank lines and `#` comments are
//! skipped), compiled in with `include_str!` and split once, on first use. The
//! lists are reviewed like the seed: a phrase added here changes what every reader
//! of text understands, so each file says at its top what its phrases mean.
//!
//! Nothing here names a subject, topic or company: these are words of English.

pub mod inflect;

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use crate::text::fnv::{Fnv, FnvSet};

/// The phrases by first token, hashed with [`Fnv`]: the keys are the list's own
/// words, looked up for every word of an article. Most words of an article start
/// no phrase of a list: `lengths[b]` has bit `n` set when some first token begins
/// with byte `b` and is `n` bytes long (bit 0 for 16 and longer), so most are
/// turned away without hashing them.
struct ByFirst {
    index: HashMap<&'static str, Vec<Vec<&'static str>>, BuildHasherDefault<Fnv>>,
    lengths: [u16; 256],
}

/// The bit of [`ByFirst::lengths`] for a token of `len` bytes.
fn length_bit(len: usize) -> u16 {
    if len < 16 { 1 << len } else { 1 }
}

/// One word or phrase list: its phrases as build.rs read them from the file (every
/// run of `ask` used to split the lists it reads), indexed on first use.
pub struct Words {
    /// The file's name, for the duplicate test's message.
    pub name: &'static str,
    phrases: &'static [&'static str],
    /// The phrases as a set, for `contains` (a clause reader asks it of every
    /// word of a sentence: a scan of the list per word made `draft` slow).
    set: OnceLock<FnvSet<&'static str>>,
    /// The phrases split into tokens, by their first token, for `starting`.
    by_first: OnceLock<ByFirst>,
}

impl Words {
    pub const fn new(name: &'static str, phrases: &'static [&'static str]) -> Words {
        Words {
            name,
            phrases,
            set: OnceLock::new(),
            by_first: OnceLock::new(),
        }
    }

    /// The phrases in the file's order (the order matters where a list is a cue
    /// table read first match first).
    pub fn all(&self) -> &[&'static str] {
        self.phrases
    }

    /// True when `phrase` is one of the list's phrases, exactly.
    pub fn contains(&self, phrase: &str) -> bool {
        self.set
            .get_or_init(|| self.all().iter().copied().collect())
            .contains(phrase)
    }

    /// The phrases whose first token is `first`, each as its tokens (words, and
    /// a leading "," or ";" of a word apart: ", and" is "," and "and").
    pub fn starting(&self, first: &str) -> &[Vec<&'static str>] {
        let by_first = self.by_first.get_or_init(|| {
            let mut index = HashMap::default();
            let mut lengths = [0u16; 256];
            for phrase in self.all() {
                let parts = phrase_parts(phrase);
                if let Some(&head) = parts.first() {
                    let byte = head.as_bytes().first().copied().unwrap_or(0);
                    lengths[usize::from(byte)] |= length_bit(head.len());
                    index.entry(head).or_insert_with(Vec::new).push(parts);
                }
            }
            ByFirst { index, lengths }
        });
        let byte = first.as_bytes().first().copied().unwrap_or(0);
        if by_first.lengths[usize::from(byte)] & length_bit(first.len()) == 0 {
            return &[];
        }
        by_first.index.get(first).map_or(&[], Vec::as_slice)
    }
}

/// The tokens a list's phrase is made of: words, and "," or ";" apart.
fn phrase_parts(phrase: &'static str) -> Vec<&'static str> {
    let mut out = Vec::new();
    for w in phrase.split(' ') {
        let rest = match w.strip_prefix([',', ';']) {
            Some(rest) => {
                out.push(&w[..1]);
                rest
            }
            None => w,
        };
        if !rest.is_empty() {
            out.push(rest);
        }
    }
    out
}

/// Declares a list read from `NAME.txt` beside this file, and records it in
/// [`ALL`] so that the duplicate test covers it.
macro_rules! lists {
    ($($(#[$doc:meta])* $name:ident = $file:literal;)*) => {
        $(
            $(#[$doc])*
            pub static $name: Words = Words::new(
                $file,
                include!(concat!(env!("OUT_DIR"), "/english/", $file, ".rs")),
            );
        )*
        /// Every list, for the tests.
        pub static ALL: &[&Words] = &[$(&$name),*];
    };
}

lists! {
    // text/ (blocks, sentences) and draft/: what labels and sentences are made of,
    // and the cues draft reads claims by. Each file says what its phrases are for.
    TITLE_CASE_SMALL_WORDS = "title_case_small_words.txt";
    ABBREVIATIONS = "abbreviations.txt";
    HEADING_PROS_AND_CONS = "heading_pros_and_cons.txt";
    HEADING_COMPANIES = "heading_companies.txt";
    HEADING_USERS = "heading_users.txt";
    HEADING_USERS_WHOLE = "heading_users_whole.txt";
    HEADING_LIMITATIONS = "heading_limitations.txt";
    HEADING_CONS = "heading_cons.txt";
    HEADING_PROS = "heading_pros.txt";
    HEADING_USE_CASES = "heading_use_cases.txt";
    HEADING_FAQ = "heading_faq.txt";
    HEADING_FEATURES = "heading_features.txt";
    HEADING_FEATURE_LIST = "heading_feature_list.txt";
    STANCE_LACKS = "stance_lacks.txt";
    STANCE_LIMITED = "stance_limited.txt";
    STANCE_EXTENSION = "stance_extension.txt";
    STANCE_BUILTIN = "stance_builtin.txt";
    STANCE_BUILTIN_WEAK = "stance_builtin_weak.txt";
    STANCE_AFTER_TOPIC = "stance_after_topic.txt";
    COMPANY_CONTEXT = "company_context.txt";
    /// Words that make a sentence outside a companies section name who uses a subject.
    COMPANY_NAMED = "company_named.txt";
    COMPANY_LIST_OPENERS = "company_list_openers.txt";
    USE_VERBS = "use_verbs.txt";
    USE_CASE_CUES = "use_case_cues.txt";
    POSITIVE = "positive.txt";
    NEGATIVE = "negative.txt";
    COMPARATIVES_BEFORE_THAN = "comparatives_before_than.txt";
    COMPARATIVES_AGAINST = "comparatives_against.txt";
    COMPARATIVES_WITHOUT_THAN = "comparatives_without_than.txt";
    THAN = "than.txt";
    CONTRAST_OPENERS = "contrast_openers.txt";
    COMPARED_AGAINST = "compared_against.txt";
    COMPARED_UNLIKE = "compared_unlike.txt";
    COMPARED_ALIKE = "compared_alike.txt";
    IT_DEPENDS = "it_depends.txt";
    COORDINATORS = "coordinators.txt";
    EVERY_SUBJECT = "every_subject.txt";
    MADE_BY = "made_by.txt";
    MONTHS = "months.txt";
    CLAUSE_MARKS = "clause_marks.txt";
    CLAUSE_SPLITS = "clause_splits.txt";
    CLAUSE_SPLITS_LIST_END = "clause_splits_list_end.txt";
    /// Clause separators that set two subjects against each other ("whereas").
    CLAUSE_CONTRASTS = "clause_contrasts.txt";
    IS_A = "is_a.txt";
    IS_A_PLURAL = "is_a_plural.txt";
    IS_A_VALUE_ENDS = "is_a_value_ends.txt";
    TOPIC_COMPANIES = "topic_companies.txt";
    TOPIC_CREATOR = "topic_creator.txt";
    TOPIC_RELEASE = "topic_release.txt";
    RELEASE_VERBS = "release_verbs.txt";
    TOPIC_LICENSE = "topic_license.txt";
    BASED_ON = "based_on.txt";
    TOPIC_BASED_ON = "topic_based_on.txt";
    TABLE_CELL_NO = "table_cell_no.txt";
    TABLE_CELL_YES = "table_cell_yes.txt";
    /// A table cell mark that says the subject has the row's feature in part.
    TABLE_CELL_PARTIAL = "table_cell_partial.txt";
    /// Verbs of the writers' own views and intents, after "we".
    FIRST_PERSON_VIEWS = "first_person_views.txt";
    /// Words after "it" that make it a dummy subject ("It seems ...").
    IMPERSONAL_IT = "impersonal_it.txt";
    /// Words opening a title that compares a class of things.
    TITLE_CLASS_OPENERS = "title_class_openers.txt";
    /// Words after a cell's "yes" or "no" that make it a partial one.
    TABLE_CELL_QUALIFIERS = "table_cell_qualifiers.txt";
    /// A table cell that says the row does not apply to the subject: no claim.
    TABLE_CELL_NONE = "table_cell_none.txt";
    /// Words of a lead-in saying what a list's marks mean.
    LEGEND_INTROS = "legend_intros.txt";
    LIST_FILLERS = "list_fillers.txt";
    LIST_STOPS = "list_stops.txt";
    LIST_JOINERS = "list_joiners.txt";
    GENERIC_THINGS = "generic_things.txt";
    ARTICLES = "articles.txt";
    NOT_NAMES = "not_names.txt";
    NAME_JOINERS = "name_joiners.txt";
    ALIAS_INTRODUCERS = "alias_introducers.txt";
    VERSUS = "versus.txt";
    /// The first header cell of a table whose first column names the subjects.
    SUBJECT_COLUMNS = "subject_columns.txt";
    /// How a heading asking why one product (or why not another) begins.
    WHY_HEADINGS = "why_headings.txt";
    /// A sentence opening that denies what follows of every subject it names.
    NEITHER = "neither.txt";
    /// Openers before a clause's grammatical subject ("By comparison, A ...").
    PREDICATE_OPENERS = "predicate_openers.txt";
    /// Adverbs between a subject and its verb.
    PREDICATE_ADVERBS = "predicate_adverbs.txt";
    /// Auxiliaries left out of the topic of a fact a sentence states of its subject.
    STATED_SKIPS = "stated_skips.txt";
    /// Words opening sentences that are no names ("No ...", "Note that ...").
    SENTENCE_OPENERS = "sentence_openers.txt";
    /// Verbs in the past with no "-ed", after a subject stating a fact of it.
    STATED_IRREGULAR = "stated_irregular.txt";
    /// Verbs of making something better: what a subject states so is a pro.
    STATED_IMPROVING = "stated_improving.txt";
    /// Marks opening a status paragraph or item, by the stance they give.
    STATUS_BUILTIN = "status_builtin.txt";
    STATUS_LIMITED = "status_limited.txt";
    STATUS_LACKS = "status_lacks.txt";
    /// Advice to use a product ("If X, use A"): the imperatives, what may stand
    /// before them, and the words opening what the advice is for.
    ADVICE_VERBS = "advice_verbs.txt";
    ADVICE_LEADS = "advice_leads.txt";
    ADVICE_CONDITIONS = "advice_conditions.txt";
    ADVICE_TOPIC_SKIPS = "advice_topic_skips.txt";
    /// Negated auxiliaries ("does not", "cannot").
    PREDICATE_NEGATIONS = "predicate_negations.txt";
    /// Verbs of having, negated a lack.
    PREDICATE_HAVING = "predicate_having.txt";
    /// Verb phrases of lacking ("lacks", "has no").
    PREDICATE_LACKING = "predicate_lacking.txt";
    /// Verbs of asking something of the user ("requires", "needs"), and the words
    /// after them no part of the limitation's topic.
    PREDICATE_REQUIRING = "predicate_requiring.txt";
    PREDICATE_REQUIRING_SKIPS = "predicate_requiring_skips.txt";
    /// Verb phrases of having built in ("supports", "ships with").
    PREDICATE_BUILTIN = "predicate_builtin.txt";
    /// Verbs of having that need a shipping word ("provides X out of the box").
    PREDICATE_WEAK_HAVING = "predicate_weak_having.txt";
    /// Words that limit what a verb of having gives ("only").
    PREDICATE_ONLY = "predicate_only.txt";
    /// Passive phrases of lacking ("routing is not provided").
    PREDICATE_PASSIVE_LACKS = "predicate_passive_lacks.txt";
    /// Passive phrases of having built in ("two apps ship standard").
    PREDICATE_PASSIVE_BUILTIN = "predicate_passive_builtin.txt";
    /// Where a sentence splits into clauses read one by one.
    PREDICATE_SPLITS = "predicate_splits.txt";
    /// Pronouns for the subject in focus ("it", "they").
    PREDICATE_FIRST_PERSON = "predicate_first_person.txt";
    PREDICATE_PRONOUNS = "predicate_pronouns.txt";
    /// Words before a thing's name that are no part of it ("any", "built-in").
    PREDICATE_DETERMINERS = "predicate_determiners.txt";
    /// Words that end a thing's name after a verb of having ("after", "unless").
    PREDICATE_THING_STOPS = "predicate_thing_stops.txt";
    /// Pronouns for a thing named before ("does not support this").
    PREDICATE_OBJECT_PRONOUNS = "predicate_object_pronouns.txt";
    /// Words opening a clause before the main one ("if", "because").
    SUBORDINATORS = "subordinators.txt";
    /// What a subject is better off having less of ("RAM", "bugs").
    COMPARISON_COSTS = "comparison_costs.txt";
    /// Verbs of consuming before "less"/"more" ("requires").
    COMPARISON_CONSUMING = "comparison_consuming.txt";
    /// What stands after "than" for every other subject ("competing solutions").
    COMPARISON_OTHERS = "comparison_others.txt";
    /// "-er" words before "than" that compare nothing ("rather than").
    NOT_COMPARATIVES = "not_comparatives.txt";
    /// Verbs that choose their object over what follows "over" ("prefer").
    COMPARISON_PREFER = "comparison_prefer.txt";
    /// Words that say nothing of a comparison's side ("up to", "much").
    COMPARISON_FILLERS = "comparison_fillers.txt";
    /// Headings of a table's remarks column ("Notes").
    NOTES_COLUMNS = "notes_columns.txt";
    /// Words of a heading between the sides it compares.
    HEADING_SIDES = "heading_sides.txt";
    /// Words of a comparing heading after which its first side begins.
    HEADING_OPENERS = "heading_openers.txt";

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
    /// draft: first words of an answer that say yes, and no, under a question.
    ANSWER_YES = "answer_yes.txt";
    ANSWER_NO = "answer_no.txt";
    /// draft: first words of an answer that say "in part", under a question.
    ANSWER_PARTLY = "answer_partly.txt";
    /// draft: who asks "Can I use A to ...?" in a question heading.
    QUESTION_ASKERS = "question_askers.txt";
    /// draft: pronouns in a question heading that stand for the section's subject.
    QUESTION_PRONOUNS = "question_pronouns.txt";
    /// draft: first words of a question that takes its statement as given.
    QUESTION_PRESUPPOSING = "question_presupposing.txt";
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
    /// ask: words that prefer one subject to another ("A over B", "A instead of B").
    PREFERRED_OVER = "preferred_over.txt";
    /// ask: words asking for one attribute ("price", "version").
    ATTRIBUTES = "attributes.txt";
    /// ask: openers of a question for a quantity ("how much").
    QUANTITY_OPENERS = "quantity_openers.txt";
    /// ask: openers of a question for an attribute of a named subject ("what is the").
    ATTRIBUTE_OF_OPENERS = "attribute_of_openers.txt";
    /// import, ask: the classes of subjects an article compares ("database").
    SUBJECT_CLASSES = "subject_classes.txt";
    /// ask: words that name an article as a document ("the X article").
    DOCUMENT_WORDS = "document_words.txt";
    /// ask: words before a class word that make it the class asked about.
    CLASS_OPENERS = "class_openers.txt";
    /// ask: words after a class word that make it a thing asked of a subject.
    CLASS_ASKED_OF = "class_asked_of.txt";
    /// ask: words that end an article's name after "according to".
    ARTICLE_NAME_ENDS = "article_name_ends.txt";
    /// ask: words of grammar, left out when a question is matched to claims' text.
    FUNCTION_WORDS = "function_words.txt";
    /// ask: words of one meaning, for matching a question to claims' text.
    SAME_MEANING = "same_meaning.txt";
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
    fn every_phrase_is_found_by_its_first_token_and_only_by_it() {
        for list in ALL {
            for phrase in list.all() {
                let parts = phrase_parts(phrase);
                let found = list.starting(parts[0]);
                assert!(found.contains(&parts), "{}: {phrase:?}", list.name);
                // The same word one byte longer, or one byte shorter, starts
                // only the phrases it is the first token of.
                let shorter = parts[0].char_indices().last().map_or(0, |(i, _)| i);
                for other in [format!("{}x", parts[0]), parts[0][..shorter].to_string()] {
                    assert!(
                        list.starting(&other).iter().all(|p| p[0] == other),
                        "{}: {other:?}",
                        list.name
                    );
                }
            }
        }
        let long = Words::new("test", &["a-sixteen-byte-w and", "a"]);
        assert_eq!(
            long.starting("a-sixteen-byte-w"),
            [vec!["a-sixteen-byte-w", "and"]]
        );
        assert_eq!(long.starting("a"), [vec!["a"]]);
        assert!(long.starting("a-sixteen-byte-x").is_empty());
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
