//! Reading a question typed the way people think it: no fixed grammar, no database.
//!
//! The names (subjects, topics, companies) come from the catalogue the caller passes
//! in, with their aliases; the English (question words, "drawbacks", "easier",
//! "doesn't have") is in src/text/english, so the same code serves any article. A
//! question is read in three passes: the names it contains (src/ask/names.rs:
//! longest alias first, plurals folded, one close typo corrected when exactly one
//! name is close), the signals around them (src/ask/signals.rs: what kind of
//! answer, which polarity, a comparison, advice), and finally the one intent those
//! add up to (here).

use crate::ask::intent::{Intent, ListKind, ListQuestion, Reading};
use crate::ask::names::names;
use crate::ask::signals::signals;
use crate::ask::words::{is_filler, push_unique, said, tokens};
use crate::text::english;
use crate::text::english::inflect::singular;

/// The catalogue types, where the fuzz target (fuzz/fuzz_targets/ask.rs) and older
/// callers find them beside [`read`].
pub use crate::ask::intent::{Catalogue, Entry};

/// Reads a question against the catalogue.
pub fn read(question: &str, catalogue: &Catalogue) -> Reading {
    let words = tokens(question);
    let mut r = Reading::default();
    signals(&words, &mut r);
    names(&words, catalogue, &mut r);
    // "is X faster than Y", no subject named and Y names nothing: no claim compares
    // the two, whatever claims say the comparative's topic.
    r.compared_unknown = r.subjects.is_empty()
        && (0..words.len()).any(|i| {
            (1..=2).any(|n| {
                words.len() > i + n
                    && english::THAN.contains(&words[i..i + n].join(" "))
                    && r.unknown.contains(&words[i + n])
            })
        });
    // "is X smaller than zorb-kit": a subject compared with a word that names no
    // subject (an unknown name, or a word of some topic's name) is compared with
    // something the knowledge base does not hold.
    if !r.subjects.is_empty() {
        let subject_words = subject_words(&r, catalogue);
        for i in 0..words.len() {
            for n in 1..=2 {
                if words.len() <= i + n || !english::THAN.contains(&words[i..i + n].join(" ")) {
                    continue;
                }
                let other = &words[i + n];
                if !is_filler(other)
                    && !english::FUNCTION_WORDS.contains(other)
                    && other.chars().any(char::is_alphabetic)
                    && !subject_words.contains(other)
                    && !subject_words.contains(&singular(other))
                {
                    r.compared_unknown = true;
                    push_unique(&mut r.unknown, other);
                }
            }
        }
    }
    r.uses_unknown = r.subjects.is_empty()
        && words
            .windows(2)
            .any(|w| english::USE_VERBS.contains(&w[0]) && r.unknown.contains(&w[1]));
    // "Zorb Pro": a list word ("pro") that is a word of a subject's name of several
    // words asks for no list.
    if r.list.is_some() {
        let in_names: Vec<String> = catalogue
            .subjects
            .iter()
            .filter(|e| r.subjects.contains(&e.name))
            .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
            .map(|n| tokens(&n.replace('-', " ")))
            .filter(|n| n.len() >= 2)
            .flatten()
            .collect();
        let rest: Vec<String> = words
            .iter()
            .filter(|w| !in_names.contains(w))
            .cloned()
            .collect();
        if rest.len() < words.len() {
            let mut again = Reading::default();
            signals(&rest, &mut again);
            r.list = again.list;
        }
    }
    if !r.subjects.is_empty() {
        r.other_sides = other_sides(&words, &r, catalogue);
    }
    // "X or Y for performance": two subjects side by side is a comparison.
    if r.subjects.len() >= 2 && said(&words, &english::SIDE_BY_SIDE) {
        r.comparative = true;
    }
    // "why use X over Y", "X instead of Y": a preference between two subjects asks
    // how they compare, not for each one's pros.
    if r.subjects.len() >= 2
        && r.list == Some(ListKind::Pros)
        && said(&words, &english::PREFERRED_OVER)
    {
        r.list = None;
        r.comparative = true;
    }
    r
}

/// The words a subject is compared with, right after "vs" or "than" or right
/// before "vs" ("zorb vs X", "is X faster than zorb"), that name no subject (beside
/// "vs" a word that names a topic may: "X vs zorb" where a topic is
/// "relation-to-zorb") and are not the question's own English ("than the others",
/// "vs any").
fn other_sides(words: &[String], r: &Reading, catalogue: &Catalogue) -> Vec<String> {
    // Most questions compare nothing: no work for them.
    if !words
        .iter()
        .any(|w| english::VERSUS.contains(w) || english::THAN.contains(w))
    {
        return Vec::new();
    }
    let subject_words = subject_words(r, catalogue);
    let own_english = [
        &english::FUNCTION_WORDS,
        &english::COMPARISON_OTHERS,
        &english::CLASS_OPENERS,
        &english::LIST_FILLERS,
        &english::PREDICATE_DETERMINERS,
        &english::GENERIC_THINGS,
        &english::ARTICLES,
        &english::VERSUS,
    ];
    let mut sides = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let mut near = Vec::new();
        if english::VERSUS.contains(w) {
            // The side across from a subject's name.
            let names = |at: Option<usize>| {
                at.and_then(|at| words.get(at))
                    .is_some_and(|n| subject_words.contains(n))
            };
            if names(Some(i + 1)) {
                near.extend(i.checked_sub(1));
            }
            if names(i.checked_sub(1)) {
                near.push(i + 1);
            }
        } else if english::THAN.contains(w)
            && words.get(i + 1).is_some_and(|n| !r.named_words.contains(n))
        {
            // After "than" a word of a topic's name is what is compared on ("than
            // zorb bindings"), not another side.
            near.push(i + 1);
        }
        for at in near {
            let Some(side) = words.get(at) else { continue };
            if side.chars().count() >= 2
                && side.chars().any(char::is_alphabetic)
                && !subject_words.contains(side)
                && !subject_words.contains(&singular(side))
                && !own_english.iter().any(|l| l.contains(side))
            {
                push_unique(&mut sides, side);
            }
        }
    }
    sides
}

/// The words of the names and aliases of the subjects read, and the words read as
/// typos of them.
fn subject_words(r: &Reading, catalogue: &Catalogue) -> Vec<String> {
    let mut words: Vec<String> = r.subject_forms.iter().map(|(w, _)| w.clone()).collect();
    for entry in catalogue
        .subjects
        .iter()
        .filter(|e| r.subjects.contains(&e.name))
    {
        for name in std::iter::once(&entry.name).chain(&entry.aliases) {
            words.extend(tokens(&name.replace('-', " ")));
        }
    }
    // The start of a one-word name names it too ("zorb" for "zorbql").
    let starts: Vec<String> = r
        .named_words
        .iter()
        .filter(|w| w.chars().count() >= 4 && r.subjects.iter().any(|s| s.starts_with(w.as_str())))
        .cloned()
        .collect();
    words.extend(starts);
    words
}

impl Reading {
    /// True when nothing in the question was recognised.
    pub fn is_empty(&self) -> bool {
        self.subjects.is_empty()
            && self.topics.is_empty()
            && self.companies.is_empty()
            && self.list.is_none()
            && !(self.comparative && self.which)
            && !self.advice
            && !self.good_for
    }

    /// A list asked of words that name nothing: on a topic no name reads, or the
    /// users of an unknown name ("who uses zorbql": not every company of every
    /// article).
    fn list_of_nothing(&self, list: ListKind, missing_topic: bool) -> bool {
        if list == ListKind::Companies {
            self.uses_unknown
        } else {
            missing_topic
        }
    }

    /// A comparison that names nothing the knowledge base holds on one side: two
    /// subjects compared in words no topic names, or one compared with an unknown.
    fn compares_unknown(&self) -> bool {
        self.comparative
            && (self.subjects.len() >= 2 || self.compared_unknown && !self.subjects.is_empty())
    }

    /// The intent these signals add up to; None when nothing was recognised.
    pub fn intent(&self) -> Option<Intent> {
        if self.is_empty() {
            return None;
        }
        let subjects = self.subjects.clone();
        let mut topics = self.topics.clone();
        if subjects.is_empty() && (self.advice || self.good_for || self.comparative) {
            topics.retain(|t| !self.class_topics.contains(t));
        }
        if topics.iter().any(|t| !self.shipping_topics.contains(t)) {
            topics.retain(|t| !self.shipping_topics.contains(t));
        }
        // Words that name nothing known, where a topic was needed: an honest "no claim".
        let missing_topic = topics.is_empty() && !self.unknown.is_empty();
        let unknown = || {
            Some(Intent::Unknown {
                subjects: self.subjects.clone(),
                words: self.unknown.clone(),
                compare: self.compares_unknown(),
            })
        };
        if self.compared_unknown && self.comparative {
            return unknown();
        }
        if !self.companies.is_empty() {
            return Some(Intent::Company {
                companies: self.companies.clone(),
                subjects,
            });
        }
        let mut list = self.list;
        // "which has more built-in features": the topic is the question, not the list.
        if list == Some(ListKind::Features) && !topics.is_empty() {
            list = None;
        }
        // "what does X lack", "what is built into X": the features with that stance.
        if list.is_none()
            && topics.is_empty()
            && !subjects.is_empty()
            && !self.yes_no
            && !self.comparative
            && (self.lacks || self.builtin)
        {
            list = Some(ListKind::Features);
        }
        let evaluates = self.advice || self.good_for;
        if let Some(list) = list {
            // "what is X good for" is X's use cases; "good for a microservice" is advice.
            let advice = list == ListKind::UseCases && (subjects.is_empty() || !topics.is_empty());
            if !advice {
                if self.list_of_nothing(list, missing_topic) {
                    return unknown();
                }
                let shared = list == ListKind::Companies && (self.both || subjects.len() > 1);
                return Some(Intent::List(ListQuestion {
                    list,
                    subjects,
                    topics,
                    lacks: self.lacks,
                    builtin: self.builtin,
                    shared,
                }));
            }
            if missing_topic {
                return unknown();
            }
            return Some(Intent::Advice { subjects, topics });
        }
        let asks_subject = self.yes_no && !subjects.is_empty() && !topics.is_empty();
        if evaluates && !asks_subject {
            if missing_topic {
                return unknown();
            }
            if topics.is_empty() {
                return Some(Intent::Compare { subjects, topics });
            }
            return Some(Intent::Advice { subjects, topics });
        }
        if self.comparative && (subjects.len() != 1 || self.which) {
            if missing_topic {
                return unknown();
            }
            return Some(Intent::Compare { subjects, topics });
        }
        if self.fact && !subjects.is_empty() && topics.is_empty() {
            return Some(Intent::Facts { subjects, topics });
        }
        if missing_topic {
            return unknown();
        }
        if topics.is_empty() && subjects.len() == 1 {
            // "what is X", "tell me about X": what the subject is.
            return Some(Intent::Facts { subjects, topics });
        }
        if topics.is_empty() {
            return Some(Intent::Keywords { subjects, topics });
        }
        if subjects.is_empty()
            && topics.len() == 1
            && (self.which || self.yes_no || self.lacks || self.builtin)
        {
            return Some(Intent::Which {
                lacks: self.lacks,
                builtin: self.builtin,
                topic: topics[0].clone(),
            });
        }
        if self.yes_no || self.lacks || self.builtin {
            return Some(Intent::YesNo {
                subjects,
                topics,
                lacks: self.lacks,
                builtin: self.builtin,
            });
        }
        if self.fact {
            return Some(Intent::Facts { subjects, topics });
        }
        Some(Intent::Keywords { subjects, topics })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ask::index::Relevance;

    /// A catalogue of made-up names: the interpreter must work from what it is given.
    fn catalogue() -> Catalogue {
        let e = |name: &str, aliases: &[&str]| Entry {
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        };
        Catalogue {
            subjects: vec![
                e("quokka", &["Quokka framework", "Qokka"]),
                e("wombat", &[]),
                e("numbat", &[]),
                e("cloud kestrel", &[]),
            ],
            topics: vec![
                e(
                    "authentication",
                    &["auth", "login", "user accounts", "authentication system"],
                ),
                e("orm", &["object-relational mapper", "database layer"]),
                e("admin-interface", &["admin", "admin panel", "quokka admin"]),
                e("flexibility", &["flexible"]),
                e("performance", &["fast", "efficiency"]),
                e("scalability", &["scalable", "scale", "scaling"]),
                e("learning-curve", &["easy to learn", "beginners"]),
                e("json-support", &[]),
                e("acid-compliance", &[]),
                e("ecommerce", &["online shops", "e-commerce"]),
                e("license", &["licence"]),
                e("small-projects", &["small apps", "small applications"]),
                e("creator", &["author", "who developed"]),
            ],
            companies: vec!["Acme".to_string(), "Big Corp".to_string()],
            as_typed: Vec::new(),
        }
    }

    fn read_q(q: &str) -> Reading {
        read(q, &catalogue())
    }

    fn intent(q: &str) -> Option<Intent> {
        read_q(q).intent()
    }

    fn v(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn yes_no_questions_find_subject_and_topic_anywhere() {
        for q in [
            "does quokka have an orm?",
            "has quokka got an ORM",
            "Is there an ORM in Quokka",
            "quokka orm?",
            "does quokka ship with a database layer",
        ] {
            let i = intent(q).unwrap();
            match i {
                Intent::YesNo {
                    subjects, topics, ..
                }
                | Intent::Keywords { subjects, topics } => {
                    assert_eq!(subjects, v(&["quokka"]), "{q}");
                    assert_eq!(topics, v(&["orm"]), "{q}");
                }
                other => panic!("{q}: {other:?}"),
            }
        }
        assert_eq!(
            intent("is login built into wombat"),
            Some(Intent::YesNo {
                subjects: v(&["wombat"]),
                topics: v(&["authentication"]),
                lacks: false,
                builtin: true
            })
        );
    }

    #[test]
    fn polarity_in_any_words() {
        for q in [
            "which lacks built-in auth",
            "which framework doesn't have authentication",
            "what is missing login",
            "which one does not come with user accounts",
            "which is without auth",
        ] {
            assert_eq!(
                intent(q).map(|i| match i {
                    Intent::Which { lacks, topic, .. } => (lacks, topic),
                    other => panic!("{q}: {other:?}"),
                }),
                Some((true, "authentication".to_string())),
                "{q}"
            );
        }
        assert_eq!(
            intent("which has an admin panel"),
            Some(Intent::Which {
                lacks: false,
                builtin: false,
                topic: "admin-interface".into()
            })
        );
        assert!(matches!(
            intent("what does wombat lack"),
            Some(Intent::List(ListQuestion {
                list: ListKind::Features,
                lacks: true,
                ..
            }))
        ));
    }

    #[test]
    fn lists_in_any_words() {
        let list = |q: &str| match intent(q) {
            Some(Intent::List(ListQuestion { list, subjects, .. })) => (list, subjects),
            other => panic!("{q}: {other:?}"),
        };
        for (question, kind, subject) in [
            ("drawbacks of quokka", ListKind::Weaknesses, "quokka"),
            (
                "what doesn't wombat do well",
                ListKind::Weaknesses,
                "wombat",
            ),
            ("Wombat limitations", ListKind::Limitations, "wombat"),
            ("benefits of quokka", ListKind::Pros, "quokka"),
            ("advantages of using wombat", ListKind::Pros, "wombat"),
            ("who uses quokka?", ListKind::Companies, "quokka"),
            (
                "who uses wombat in production",
                ListKind::Companies,
                "wombat",
            ),
            ("use cases for quokka", ListKind::UseCases, "quokka"),
            ("what is wombat good for", ListKind::UseCases, "wombat"),
            ("features built into quokka", ListKind::Features, "quokka"),
        ] {
            assert_eq!(list(question), (kind, v(&[subject])), "{question}");
        }
        assert!(matches!(
            intent("which companies use both wombat and numbat"),
            Some(Intent::List(ListQuestion {
                list: ListKind::Companies,
                shared: true,
                ..
            }))
        ));
    }

    #[test]
    fn comparisons_and_advice() {
        for (q, subjects, topic) in [
            (
                "Which is easier to learn, Quokka or Wombat?",
                &["quokka", "wombat"][..],
                "learning-curve",
            ),
            (
                "quokka vs wombat performance",
                &["quokka", "wombat"],
                "performance",
            ),
            ("which scales better", &[], "scalability"),
            (
                "is quokka more scalable than wombat",
                &["quokka", "wombat"],
                "scalability",
            ),
            ("which is faster", &[], "performance"),
            (
                "flexibility: wombat vs quokka",
                &["wombat", "quokka"],
                "flexibility",
            ),
        ] {
            assert_eq!(
                intent(q),
                Some(Intent::Compare {
                    subjects: v(subjects),
                    topics: v(&[topic])
                }),
                "{q}"
            );
        }
        assert_eq!(
            intent("which should I use for an online shop"),
            Some(Intent::Advice {
                subjects: vec![],
                topics: v(&["ecommerce"])
            })
        );
        assert_eq!(
            intent("best for a big e-commerce site"),
            Some(Intent::Advice {
                subjects: vec![],
                topics: v(&["ecommerce"])
            })
        );
        assert_eq!(
            intent("which framework for a small app"),
            Some(Intent::Advice {
                subjects: vec![],
                topics: v(&["small-projects"])
            })
        );
        assert_eq!(
            intent("I'm a beginner, which framework should I learn"),
            Some(Intent::Advice {
                subjects: vec![],
                topics: v(&["learning-curve"])
            })
        );
        assert_eq!(
            intent("which orm should I use for an online shop"),
            Some(Intent::Advice {
                subjects: vec![],
                topics: v(&["ecommerce"])
            })
        );
        assert_eq!(
            intent("which is better, wombat or quokka?"),
            Some(Intent::Compare {
                subjects: v(&["wombat", "quokka"]),
                topics: vec![]
            })
        );
    }

    #[test]
    fn facts() {
        assert_eq!(
            intent("who developed quokka"),
            Some(Intent::Facts {
                subjects: v(&["quokka"]),
                topics: v(&["creator"])
            })
        );
        assert_eq!(
            intent("when did wombat come out"),
            Some(Intent::Facts {
                subjects: v(&["wombat"]),
                topics: vec![]
            })
        );
        assert!(matches!(
            intent("quokka's licence"),
            Some(Intent::Keywords { .. } | Intent::Facts { .. })
        ));
        assert_eq!(read_q("quokka's licence").topics, v(&["license"]));
    }

    #[test]
    fn typos_are_corrected_only_when_one_name_is_close() {
        let r = read_q("Qukka orm");
        assert_eq!(r.subjects, v(&["quokka"]));
        assert_eq!(r.topics, v(&["orm"]));
        assert_eq!(read_q("flexable").topics, v(&["flexibility"]));
        assert_eq!(
            read_q("athentication in wombat").topics,
            v(&["authentication"])
        );
        // "numbat" and "wombat" are both one letter from "xumbat"? No: first letters
        // differ; "bumbat" is close to neither first letter.
        assert!(read_q("bumbat").subjects.is_empty());
    }

    #[test]
    fn filler_words_never_become_names() {
        let r = read_q("does wombat support graphql");
        assert_eq!(r.subjects, v(&["wombat"]));
        assert!(r.topics.is_empty());
        assert_eq!(r.unknown, v(&["graphql"]));
        assert_eq!(
            r.intent(),
            Some(Intent::Unknown {
                subjects: v(&["wombat"]),
                words: v(&["graphql"]),
                compare: false
            })
        );
        for q in ["does quokka run on windows", "how much does wombat cost"] {
            assert!(
                matches!(intent(q), Some(Intent::Unknown { .. })),
                "{q}: {:?}",
                read_q(q)
            );
        }
        for q in ["", "?", "hello there", "what is the weather like", "why"] {
            assert_eq!(intent(q), None, "{q}");
        }
    }

    /// "is X faster than Y" with X and Y names the knowledge base does not hold: no
    /// claim compares them, whatever claims say "fast".
    #[test]
    fn a_comparison_of_unknown_names_is_no_claim_on_them() {
        assert_eq!(
            intent("is zibble faster than wobnik"),
            Some(Intent::Unknown {
                subjects: vec![],
                words: v(&["zibble", "wobnik"]),
                compare: false
            })
        );
        // A comparison of a known subject keeps its topic.
        assert!(matches!(
            intent("is quokka faster than wombat"),
            Some(Intent::Compare { .. })
        ));
    }

    #[test]
    fn companies_and_plurals() {
        assert_eq!(
            intent("does acme use quokka"),
            Some(Intent::Company {
                companies: v(&["Acme"]),
                subjects: v(&["quokka"])
            })
        );
        assert_eq!(read_q("big corp").companies, v(&["Big Corp"]));
        assert_eq!(read_q("wom bat").subjects, v(&["wombat"]));
        // Other forms of a name: a stem, a topic's first word, the start of a name.
        assert_eq!(
            read_q("is wombat acid compliant").topics,
            v(&["acid-compliance"])
        );
        assert_eq!(
            read_q("does quokka support json").topics,
            v(&["json-support"])
        );
        assert_eq!(read_q("does quokk support json").subjects, v(&["quokka"]));
        assert_eq!(read_q("numba").subjects, v(&["numbat"]));
        assert_eq!(
            read_q("does kestrel have auth").subjects,
            v(&["cloud kestrel"])
        );
        // The catalogue's loader keeps such names too.
        let relevance = Relevance::of("does kestrel have auth");
        assert!(relevance.may_name("cloud kestrel") && relevance.may_name("auth"));
        assert!(!relevance.may_name("database layer") && !relevance.may_name("zebra"));
        // A comparative asked the other way round: "slower" is about speed too.
        assert_eq!(
            read_q("is wombat slower than quokka").topics,
            v(&["performance"])
        );
        assert_eq!(read_q("online shop").topics, v(&["ecommerce"]));
        assert_eq!(read_q("QUOKKA admin").subjects, v(&["quokka"]));
        assert_eq!(read_q("QUOKKA admin").topics, v(&["admin-interface"]));
    }

    /// "does X support zork database": a class word right after a word that names
    /// nothing says what kind of thing that unknown name is; it reads no topic
    /// ("database-versions" by one word of its name).
    #[test]
    fn a_class_word_after_an_unknown_name_is_no_topic() {
        let e = |name: &str| Entry {
            name: name.to_string(),
            aliases: Vec::new(),
        };
        let catalogue = Catalogue {
            subjects: vec![e("quokka")],
            topics: vec![e("database-versions")],
            companies: Vec::new(),
            as_typed: Vec::new(),
        };
        assert_eq!(
            read("does quokka support zork database", &catalogue).intent(),
            Some(Intent::Unknown {
                subjects: v(&["quokka"]),
                words: v(&["zork"]),
                compare: false
            })
        );
        // Without the unknown name the word still reads its topic.
        assert_eq!(
            read("which database versions does quokka support", &catalogue).topics,
            v(&["database-versions"])
        );
    }

    /// "can X link to Y": a subject whose name is also a verb ("link"), right after
    /// the subject a yes/no question opens with, is that subject's verb.
    #[test]
    fn a_subject_named_like_a_verb_after_the_opening_subject_is_its_verb() {
        let e = |name: &str| Entry {
            name: name.to_string(),
            aliases: Vec::new(),
        };
        let catalogue = Catalogue {
            subjects: vec![e("quokka"), e("link"), e("wombat")],
            topics: vec![e("tls")],
            companies: Vec::new(),
            as_typed: Vec::new(),
        };
        let subjects = |q: &str| read(q, &catalogue).subjects;
        assert_eq!(
            subjects("can quokka link to wombat over tls"),
            v(&["quokka", "wombat"])
        );
        // Where it opens the question or follows no subject, it is the subject.
        assert_eq!(
            subjects("is link faster than quokka"),
            v(&["link", "quokka"])
        );
        assert_eq!(subjects("does link have tls"), v(&["link"]));
    }

    /// A subject named inside another subject's name ("quokka pro") is not asked
    /// about: the longer name is.
    #[test]
    fn a_subject_inside_another_subjects_name_is_not_named() {
        let e = |name: &str, aliases: &[&str]| Entry {
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        };
        let catalogue = Catalogue {
            subjects: vec![e("quokka", &[]), e("quokka-pro", &["quokka pro"])],
            topics: vec![e("admin-interface", &["quokka admin"])],
            companies: Vec::new(),
            as_typed: Vec::new(),
        };
        assert_eq!(
            read("how much does quokka pro cost", &catalogue).subjects,
            v(&["quokka-pro"])
        );
        // Inside a topic's alias it still is.
        assert_eq!(read("quokka admin", &catalogue).subjects, v(&["quokka"]));
    }

    /// "what do I get with X Pro over X": a list word inside a subject's name ("pro")
    /// asks for no list, and "over" between two subjects compares them.
    #[test]
    fn a_list_word_inside_a_name_is_no_list_and_over_compares() {
        let e = |name: &str, aliases: &[&str]| Entry {
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        };
        let catalogue = Catalogue {
            subjects: vec![e("quokka", &[]), e("quokka-pro", &["quokka pro"])],
            topics: Vec::new(),
            companies: Vec::new(),
            as_typed: Vec::new(),
        };
        let r = read(
            "what do i get with quokka pro over plain quokka",
            &catalogue,
        );
        assert_eq!(r.list, None);
        assert_eq!(
            r.intent(),
            Some(Intent::Compare {
                subjects: v(&["quokka-pro", "quokka"]),
                topics: vec![]
            })
        );
        // A list word outside the name still asks for the list.
        assert_eq!(
            read("pros of quokka pro", &catalogue).list,
            Some(ListKind::Pros)
        );
    }

    /// "who uses zorbql", zorbql unknown: no claim, not every company known.
    #[test]
    fn who_uses_an_unknown_name_is_no_list_of_every_company() {
        assert!(matches!(
            intent("who uses zorbql"),
            Some(Intent::Unknown { .. })
        ));
        // Where a topic is read too ("who uses" as adoption).
        let e = |name: &str, aliases: &[&str]| Entry {
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        };
        let catalogue = Catalogue {
            subjects: vec![e("quokka", &[])],
            topics: vec![e("adoption", &["who uses"])],
            companies: Vec::new(),
            as_typed: Vec::new(),
        };
        assert!(matches!(
            read("who uses zorbql", &catalogue).intent(),
            Some(Intent::Unknown { .. })
        ));
        assert!(matches!(
            intent("who uses quokka"),
            Some(Intent::List(ListQuestion {
                list: ListKind::Companies,
                ..
            }))
        ));
    }

    /// Topics named by another form or one word of their name, on made-up names.
    #[test]
    fn word_forms_and_words_of_names_find_topics() {
        let e = |name: &str, aliases: &[&str]| Entry {
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        };
        let catalogue = Catalogue {
            subjects: vec![e("quokka", &[]), e("wombat", &[])],
            topics: vec![
                e("lightweight", &["light weight"]),
                e("scalability", &["heavy traffic"]),
                e("durability", &[]),
                e("management-ui", &[]),
                e("url-routing", &["routing"]),
                e("message-routing", &[]),
            ],
            companies: Vec::new(),
            as_typed: Vec::new(),
        };
        let topics = |q: &str| read(q, &catalogue).topics;
        // A comparative whose base names a topic by its start; its opposite too.
        assert_eq!(topics("which one is lighter"), v(&["lightweight"]));
        assert_eq!(topics("is quokka heavier than wombat"), v(&["lightweight"]));
        assert!(read("which is heavier", &catalogue).comparative);
        // "-able" and "-ability" are one word.
        assert_eq!(topics("is quokka durable"), v(&["durability"]));
        // One word of a topic's name, however short.
        assert_eq!(topics("does quokka have a web ui"), v(&["management-ui"]));
        // A word an alias names, and the topics whose name holds it.
        assert_eq!(
            topics("quokka routing"),
            v(&["url-routing", "message-routing"])
        );
        // A phrase of several words that named a topic is kept as typed.
        assert_eq!(
            read("is quokka good for heavy traffic", &catalogue).topic_phrases,
            v(&["heavy traffic"])
        );
        // "disadvantages" asks for limitations and cons alike.
        assert_eq!(
            read("disadvantages of quokka", &catalogue).list,
            Some(ListKind::Weaknesses)
        );
    }
}
