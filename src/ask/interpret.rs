//! Reading a question typed the way people think it: no fixed grammar, no database.
//!
//! The names (subjects, topics, companies) come from the catalogue the caller passes
//! in, with their aliases; this file holds only generic English (question words,
//! "drawbacks", "easier", "doesn't have"), so the same code serves any article. A
//! question is read in three passes: the names it contains (longest alias first,
//! plurals folded, one close typo corrected when exactly one name is close), the
//! signals around them (what kind of answer, which polarity, a comparison, advice),
//! and finally the one intent those add up to.

use crate::names::fold;
use crate::text::english::{self, Words};

/// One named thing and the other ways people write it.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub name: String,
    pub aliases: Vec<String>,
}

/// The names a question can use, as the knowledge base knows them.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    pub subjects: Vec<Entry>,
    pub topics: Vec<Entry>,
    /// Company names as claims give them.
    pub companies: Vec<String>,
}

/// Which article list a question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// Limitations and cons together ("drawbacks", "weaknesses").
    Weaknesses,
    Limitations,
    Cons,
    Pros,
    /// Pros and cons together ("pros and cons", "advantages and disadvantages").
    ProsCons,
    UseCases,
    Companies,
    Features,
}

/// What was found in a question, before it is turned into an intent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    /// Canonical subject names, in the order the question names them.
    pub subjects: Vec<String>,
    /// Canonical topic names, in order.
    pub topics: Vec<String>,
    /// Company names (as the catalogue spells them).
    pub companies: Vec<String>,
    pub list: Option<ListKind>,
    /// "lack", "without", "doesn't have", "not built in".
    pub lacks: bool,
    /// "built-in", "built into", "out of the box", "ships with".
    pub builtin: bool,
    /// "easier", "scales better", "more secure", "vs", "or" between subjects.
    pub comparative: bool,
    /// "should I use", "best for", "recommend", "which framework for".
    pub advice: bool,
    /// "who created", "when", "what year", "where ... originate".
    pub fact: bool,
    /// Asks for a date: "when", "what year", "how old".
    pub when: bool,
    /// Opens like a yes/no question ("does", "is", "can", "has").
    pub yes_no: bool,
    /// Asks which subject ("which", "what framework").
    pub which: bool,
    /// "both", "all of them".
    pub both: bool,
    /// "good for", "best framework for": an evaluation for some use.
    pub good_for: bool,
    /// Words that look like content but name nothing known ("graphql").
    pub unknown: Vec<String>,
    /// Typos corrected: (as typed, as read).
    pub corrections: Vec<(String, String)>,
    /// Topics named right after "which"/"what" ("which database should I use"): in
    /// advice they name the kind of thing wanted, not what it is wanted for.
    pub class_topics: Vec<String>,
    /// Topics named by how a thing ships ("out of the box"): dropped when the
    /// question names the thing itself.
    pub shipping_topics: Vec<String>,
    /// The phrases of several words that named a topic ("set up"), as typed.
    pub topic_phrases: Vec<String>,
}

/// One of the article's lists, for some subjects (all when empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuestion {
    pub list: ListKind,
    pub subjects: Vec<String>,
    /// Narrowed to topics ("pros of X for performance").
    pub topics: Vec<String>,
    /// `Features` only: the stances asked for.
    pub lacks: bool,
    pub builtin: bool,
    /// `Companies` only: companies named for every subject.
    pub shared: bool,
}

/// What to answer: the query, with names resolved to canonical ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// `which has|lacks [built-in] TOPIC`.
    Which {
        lacks: bool,
        builtin: bool,
        topic: String,
    },
    /// A subject's stance on a topic: "does X have Y".
    YesNo {
        subjects: Vec<String>,
        topics: Vec<String>,
        lacks: bool,
        builtin: bool,
    },
    List(ListQuestion),
    /// "does <company> use X": company claims naming these companies.
    Company {
        companies: Vec<String>,
        subjects: Vec<String>,
    },
    /// Facts of a subject ("who developed X", "when did X come out").
    Facts {
        subjects: Vec<String>,
        topics: Vec<String>,
    },
    /// Comparison claims first, then each side's claims on the topics.
    Compare {
        subjects: Vec<String>,
        topics: Vec<String>,
    },
    /// Subjects by their use cases on the topics.
    Advice {
        subjects: Vec<String>,
        topics: Vec<String>,
    },
    /// Claims on topics and/or of subjects: bare keywords ("X admin", in any case).
    Keywords {
        subjects: Vec<String>,
        topics: Vec<String>,
    },
    /// Understood, but about something no topic names: the words in question.
    Unknown {
        subjects: Vec<String>,
        words: Vec<String>,
        /// Between two or more subjects ("is X easier than Y").
        compare: bool,
    },
}

/// True when `word` is one of `english::FILLER`: a word that carries no name.
fn is_filler(word: &str) -> bool {
    // Asked for every word of the question and every word of the names indexed: a
    // set, where the list is searched in order.
    static SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| english::FILLER.all().iter().copied().collect());
    SET.contains(word)
}

/// The English comparative's base: "faster" -> ["fast", "faste"], "easier" -> "easy",
/// "bigger" -> "big", "safer" -> "safe". Only words ending in -er give any.
fn comparative_bases(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    if word.len() < 5 {
        return out;
    }
    if let Some(stem) = word.strip_suffix("ier") {
        out.push(format!("{stem}y"));
    }
    if let Some(stem) = word.strip_suffix("er") {
        out.push(stem.to_string());
        out.push(format!("{stem}e"));
        let b = stem.as_bytes();
        if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
            out.push(stem[..stem.len() - 1].to_string());
        }
    }
    out
}

/// The opposite of a common English adjective, for comparatives asked either way.
fn opposite(word: &str) -> Option<&'static str> {
    const PAIRS: &[(&str, &str)] = &[
        ("slow", "fast"),
        ("hard", "easy"),
        ("difficult", "easy"),
        ("heavy", "light"),
        ("weak", "strong"),
        ("small", "large"),
        ("big", "small"),
        ("complex", "simple"),
    ];
    PAIRS
        .iter()
        .find_map(|(a, b)| (*a == word).then_some(*b).or((*b == word).then_some(*a)))
}

/// Singular of an English plural, near enough for matching: both the question and
/// the catalogue go through it, so "sessions" meets "session" and "companies" meets
/// "company" whatever the alias says.
fn singular(word: &str) -> String {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("s'"))
        .unwrap_or(word);
    if word.len() <= 3 || !word.is_char_boundary(word.len() - 1) {
        return word.to_string();
    }
    if let Some(stem) = word.strip_suffix("ies")
        && stem.len() >= 2
    {
        return format!("{stem}y");
    }
    if let Some(stem) = word.strip_suffix("sses") {
        return format!("{stem}ss");
    }
    if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return word.to_string();
    }
    word.strip_suffix('s').unwrap_or(word).to_string()
}

/// The question as folded words, punctuation at word edges dropped.
fn tokens(question: &str) -> Vec<String> {
    fold(question)
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '/' | '(' | ')' | '|'))
        .map(|w| {
            w.trim_matches(|c: char| {
                matches!(
                    c,
                    '?' | '!' | '.' | '"' | ':' | '\'' | '[' | ']' | '{' | '}' | '*' | '<' | '>'
                )
            })
        })
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// A name key: the folded words of a name, each in its singular.
fn key_of(name: &str) -> Vec<String> {
    // Most catalogue names come already folded (the database stores alias keys
    // folded): those only need splitting.
    let plain = name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' ');
    if plain {
        return name
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(singular)
            .collect();
    }
    tokens(name).iter().map(|w| singular(w)).collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Target {
    Subject(usize),
    Topic(usize),
    Company(usize),
}

/// Every key of the catalogue with what it names.
struct Index {
    keys: Vec<(Vec<String>, Target)>,
    /// The same keys, for exact lookups.
    by_key: std::collections::HashMap<Vec<String>, Vec<Target>>,
    /// The first word of each topic named in several words ("json support"), and
    /// each word of a subject named in several.
    heads: Vec<(String, Target)>,
    /// Every word of each topic named in several words ("routing" and "message" for
    /// "message routing"): a question often names a topic by one of them.
    name_words: Vec<(String, Target)>,
    longest: usize,
}

/// A cheap first look at which catalogue names a question may use, so that only
/// those are indexed: a knowledge base may hold thousands of aliases, and a question
/// uses a handful. A name is kept when each of its words starts like some word of the
/// question (the first three letters: enough for plurals, word forms, comparatives
/// and the start of a name), or, for a one-word name, when it could be a typo of one
/// (same first letter, length within two).
pub struct Relevance {
    prefixes: Vec<String>,
    typos: Vec<(char, usize)>,
}

impl Relevance {
    /// For a question as typed (the catalogue's loader filters with it, so that a
    /// knowledge base with thousands of names reads only the few that matter).
    pub fn of(question: &str) -> Relevance {
        Relevance::new(&tokens(question))
    }

    fn new(words: &[String]) -> Relevance {
        let mut prefixes: Vec<String> = Vec::new();
        let mut typos = Vec::new();
        for w in words {
            let mut forms = vec![w.clone(), singular(w)];
            let bases = comparative_bases(w);
            forms.extend(bases.iter().filter_map(|b| opposite(b)).map(String::from));
            forms.extend(bases);
            for form in forms {
                let p: String = form.chars().take(3).collect();
                if !prefixes.contains(&p) {
                    prefixes.push(p);
                }
            }
            let n = w.chars().count();
            if n >= 4
                && !is_filler(w)
                && let Some(c) = w.chars().next()
            {
                typos.push((c, n));
            }
            // A name typed as two words ("fast api"): the joined word's start.
        }
        Relevance { prefixes, typos }
    }

    fn starts_like(&self, word: &str) -> bool {
        self.prefixes.iter().any(|p| {
            word.as_bytes()
                .get(..p.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()))
        })
    }

    /// True when `name` may stand in the question (false ones are certainly absent).
    pub fn may_name(&self, name: &str) -> bool {
        if !name.is_ascii() {
            return true;
        }
        let mut words = name
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty());
        let Some(first) = words.next() else {
            return false;
        };
        // Every word starts like one of the question's, or (a name in several words
        // may be called by one of them) some longer word does.
        let mut all = self.starts_like(first);
        let mut some = all && first.len() >= 4;
        for w in words.clone() {
            let like = self.starts_like(w);
            all &= like;
            // A short word of a name ("ui" in "management ui") typed as it is.
            some |= like && (w.len() >= 4 || self.prefixes.iter().any(|p| p == w));
        }
        if all || some {
            return true;
        }
        // A one-word name may be a typo of a question word.
        if words.next().is_none() {
            let c = first.as_bytes()[0].to_ascii_lowercase() as char;
            let n = first.len();
            return self
                .typos
                .iter()
                .any(|(tc, tn)| *tc == c && n.abs_diff(*tn) <= 2);
        }
        false
    }
}

/// Two forms of one word: "compliant" and "compliance", "secure" and "security".
/// They share a stem of five letters or more and differ in at most three letters.
fn same_form(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // "durable" and "durability", "scalable" and "scalability": one stem.
    let able = |w: &str| match w.strip_suffix("bility") {
        Some(stem) => format!("{stem}ble"),
        None => w.to_string(),
    };
    if a.len() >= 5 && able(a) == able(b) {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common >= 5 && common + 3 >= a.chars().count() && common + 3 >= b.chars().count()
}

impl Index {
    /// The keys of the names that could stand in `words` (see `Relevance`).
    fn new(catalogue: &Catalogue, words: &[String]) -> Index {
        let relevance = Relevance::new(words);
        let mut keys = Vec::new();
        let mut by_key: std::collections::HashMap<Vec<String>, Vec<Target>> =
            std::collections::HashMap::new();
        let mut add = |name: &str, target: Target| {
            if !relevance.may_name(name) {
                return;
            }
            let key = key_of(name);
            if key.is_empty() {
                return;
            }
            let targets = by_key.entry(key.clone()).or_default();
            if !targets.contains(&target) {
                targets.push(target);
                keys.push((key, target));
            }
        };
        for (i, e) in catalogue.subjects.iter().enumerate() {
            add(&e.name, Target::Subject(i));
            e.aliases.iter().for_each(|a| add(a, Target::Subject(i)));
        }
        for (i, e) in catalogue.topics.iter().enumerate() {
            add(&e.name, Target::Topic(i));
            e.aliases.iter().for_each(|a| add(a, Target::Topic(i)));
        }
        for (i, c) in catalogue.companies.iter().enumerate() {
            add(c, Target::Company(i));
        }
        let longest = keys.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        let mut heads: Vec<(String, Target)> = catalogue
            .topics
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match key_of(&e.name).as_slice() {
                [first, _, ..] => Some((first.clone(), Target::Topic(i))),
                _ => None,
            })
            .collect();
        // A subject named in several words is often called by one of them ("lambda"
        // for "aws lambda").
        for (i, e) in catalogue.subjects.iter().enumerate() {
            let key = key_of(&e.name);
            if key.len() > 1 {
                for word in key.iter().filter(|w| w.len() >= 4 && !is_filler(w)) {
                    heads.push((word.clone(), Target::Subject(i)));
                }
            }
        }
        let name_words = catalogue
            .topics
            .iter()
            .enumerate()
            .filter(|(_, e)| relevance.may_name(&e.name))
            .flat_map(|(i, e)| {
                let key = key_of(&e.name);
                let several = key.len() > 1;
                key.into_iter()
                    .filter(move |w| several && !is_filler(w))
                    .map(move |w| (w, Target::Topic(i)))
            })
            .collect();
        Index {
            keys,
            by_key,
            heads,
            name_words,
            longest,
        }
    }

    /// The one target named by another form of these words ("acid compliant"),
    /// by a topic's first word ("json" for "json support"), or by the start of a
    /// one-word name ("postgres" for "postgresql").
    fn loosely(&self, words: &[String]) -> Option<Target> {
        let mut found: Vec<Target> = self
            .keys
            .iter()
            .filter(|(k, _)| {
                k.len() == words.len() && k.iter().zip(words).all(|(a, b)| same_form(a, b))
            })
            .map(|(_, t)| *t)
            .collect();
        if let [word] = words
            && word.chars().count() >= 4
        {
            found.extend(
                self.heads
                    .iter()
                    .filter(|(h, _)| h == word)
                    .map(|(_, t)| *t),
            );
            if word.chars().count() >= 5 {
                found.extend(
                    self.keys
                        .iter()
                        .filter(|(k, _)| k.len() == 1 && k[0].starts_with(word.as_str()))
                        .map(|(_, t)| *t),
                );
            }
        }
        found.sort_by_key(|t| format!("{t:?}"));
        found.dedup();
        match found.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// The topics named in several words of which `word` is one.
    fn named_by_word(&self, word: &str) -> Vec<Target> {
        self.name_words
            .iter()
            .filter(|(w, _)| w == word)
            .map(|(_, t)| *t)
            .collect()
    }

    /// Targets whose key is exactly `words`.
    fn exact(&self, words: &[String]) -> Vec<Target> {
        self.by_key.get(words).cloned().unwrap_or_default()
    }

    /// The one target whose single-word key is within a typo of `word`, if exactly one
    /// is the closest: the allowed distance grows with the word's length, the first
    /// letter must agree, and two different names equally close mean no correction.
    fn typo(&self, word: &str) -> Option<(Target, String)> {
        let n = word.chars().count();
        let allowed = match n {
            0..=3 => return None,
            4..=11 => 1,
            _ => 2,
        };
        let first = word.chars().next();
        let mut best: Option<(usize, Target, &str)> = None;
        let mut tie = false;
        for (key, target) in &self.keys {
            let [k] = key.as_slice() else { continue };
            // Never "correct" a word into a common one ("command" is not "company").
            if k.chars().next() != first || k.chars().count() < 3 || is_filler(k) {
                continue;
            }
            let d = strsim::damerau_levenshtein(word, k);
            if d == 0 || d > allowed {
                continue;
            }
            match best {
                Some((bd, bt, _)) if d == bd && bt != *target => tie = true,
                Some((bd, _, _)) if d >= bd => {}
                _ => {
                    best = Some((d, *target, k.as_str()));
                    tie = false;
                }
            }
        }
        match best {
            Some((_, target, k)) if !tie => Some((target, k.to_string())),
            _ => None,
        }
    }
}

fn push_unique(list: &mut Vec<String>, name: &str) {
    if !list.iter().any(|n| n == name) {
        list.push(name.to_string());
    }
}

/// True when some phrase of `list` stands in `words` (a one-word phrase is a word).
fn said(words: &[String], list: &Words) -> bool {
    list.all().iter().any(|p| has_phrase(words, p))
}

/// True when `phrase` (space-separated words) stands in `words`.
fn has_phrase(words: &[String], phrase: &str) -> bool {
    let p: Vec<&str> = phrase.split(' ').collect();
    words
        .windows(p.len())
        .any(|w| w.iter().zip(&p).all(|(a, b)| a == b))
}

/// A sign that a question asks for some list.
#[derive(Clone, Copy)]
pub enum Cue {
    /// Some phrase of the list stands among the question's words in their singular.
    Said(&'static Words),
    /// Some word of the question, as typed, is a negation ("doesn't", "not").
    Negated,
}

/// Which list a question asks for, in the words people use: the first row all of
/// whose cues are in the question wins, so the order is the grammar ("pros and cons"
/// before "pros", "drawbacks" before "limitations" and "cons", "good for" negated
/// before "good for"). A kind with two rows is asked for by either.
pub static LIST_CUES: &[(ListKind, &[Cue])] = &[
    (
        ListKind::ProsCons,
        &[
            Cue::Said(&english::ADVANTAGE),
            Cue::Said(&english::DISADVANTAGE),
        ],
    ),
    // "what doesn't X do well", "what isn't X good for"
    (
        ListKind::Weaknesses,
        &[Cue::Said(&english::GOOD_AT), Cue::Negated],
    ),
    (ListKind::Weaknesses, &[Cue::Said(&english::WEAKNESS)]),
    (ListKind::Limitations, &[Cue::Said(&english::LIMITATION)]),
    (ListKind::Cons, &[Cue::Said(&english::CONS)]),
    (ListKind::Pros, &[Cue::Said(&english::ADVANTAGE)]),
    (ListKind::Pros, &[Cue::Said(&english::PRAISE)]),
    (ListKind::UseCases, &[Cue::Said(&english::USE_CASE)]),
    // "where is X used"
    (
        ListKind::UseCases,
        &[Cue::Said(&english::WHERE), Cue::Said(&english::USING)],
    ),
    (ListKind::Companies, &[Cue::Said(&english::ADOPTERS)]),
    (ListKind::Features, &[Cue::Said(&english::FEATURE)]),
];

/// Reads the signals around the names.
fn signals(words: &[String], r: &mut Reading) {
    let first = words.first().map(String::as_str).unwrap_or("");
    let singulars: Vec<String> = words.iter().map(|w| singular(w)).collect();
    let w = &singulars;
    let is = |list: &Words, word: &str| list.contains(word);

    r.yes_no = is(&english::YES_NO_OPENERS, first);
    r.which = said(words, &english::WHICH) && !said(words, &english::WHAT_ABOUT);
    r.both = said(words, &english::EVERY);

    // "doesn't have", "not built in", "lacks", "without"
    let negated_having = words.iter().enumerate().any(|(i, word)| {
        is(&english::NEGATION, word)
            && (is(&english::LACKING, word)
                || words[i + 1..]
                    .iter()
                    .take(4)
                    .any(|next| is(&english::HAVING, next)))
    });
    r.builtin = said(w, &english::BUILTIN);

    // "what doesn't X do well": a list of weaknesses (the second row of
    // `LIST_CUES`), and not a question of what X lacks.
    let negated = words.iter().any(|x| is(&english::NEGATION, x));
    let bad_at = negated && said(w, &english::GOOD_AT);
    r.list = LIST_CUES
        .iter()
        .find(|(_, cues)| {
            cues.iter().all(|cue| match cue {
                Cue::Said(list) => said(w, list),
                Cue::Negated => negated,
            })
        })
        .map(|(kind, _)| *kind);
    r.lacks = negated_having && !bad_at;
    // "good framework for", "best choice for", "ideal for": an evaluation for a use.
    r.good_for = words.iter().enumerate().any(|(i, x)| {
        is(&english::APPROVAL, x) && words[i + 1..].iter().take(3).any(|n| n == "for")
    });

    r.when = said(w, &english::WHEN);
    r.fact = r.when || said(w, &english::ORIGIN) && r.list != Some(ListKind::Companies);

    r.comparative = said(w, &english::COMPARISON)
        || said(words, &english::COMPARATIVES)
        || words.windows(2).any(|p| {
            // "nimbler than": any -er word that a "than" follows
            p[1] == "than" && !comparative_bases(&p[0]).is_empty()
        });
    r.advice = said(w, &english::ADVICE)
        || is(&english::WHICH_OR_WHAT, first)
            && words.len() >= 3
            && w.iter().any(|x| x == "for")
            && !said(w, &english::PURPOSE);
}

/// Finds the names in the question: longest alias match first, then typos.
fn names(words: &[String], catalogue: &Catalogue, r: &mut Reading) {
    let index = Index::new(catalogue, words);
    // A comparative stands for its base where only the base is a known word:
    // "easier to learn" meets "easy to learn", "faster" meets "fast".
    let known: std::collections::HashSet<&str> = index
        .keys
        .iter()
        .flat_map(|(k, _)| k.iter().map(String::as_str))
        .collect();
    let keys: Vec<String> = words
        .iter()
        .map(|w| {
            let s = singular(w);
            if known.contains(s.as_str()) {
                return s;
            }
            // "slower" asks about what "faster" does: the opposite's base may be known.
            let bases = comparative_bases(w);
            let opposites = bases.iter().filter_map(|b| opposite(b)).map(String::from);
            match bases
                .iter()
                .cloned()
                .chain(opposites)
                .find(|b| known.contains(b.as_str()))
            {
                Some(base) => {
                    r.comparative = true;
                    base
                }
                None => s,
            }
        })
        .collect();
    let mut used = vec![false; words.len()];
    let record = |t: Target, r: &mut Reading| match t {
        Target::Subject(i) => push_unique(&mut r.subjects, &catalogue.subjects[i].name),
        Target::Topic(i) => push_unique(&mut r.topics, &catalogue.topics[i].name),
        Target::Company(i) => push_unique(&mut r.companies, &catalogue.companies[i]),
    };

    let mut i = 0;
    while i < keys.len() {
        let mut matched = 0;
        // A one-word name typed as two ("fast api"): the two words joined.
        if i + 1 < keys.len() {
            let joined = format!("{}{}", words[i], keys[i + 1]);
            let found = index.exact(std::slice::from_ref(&joined));
            if !found.is_empty() {
                found.iter().for_each(|t| record(*t, r));
                if found.iter().any(|t| matches!(t, Target::Topic(_))) {
                    push_unique(&mut r.topic_phrases, &words[i..i + 2].join(" "));
                }
                used[i..i + 2].iter_mut().for_each(|u| *u = true);
                i += 2;
                continue;
            }
        }
        for n in (1..=index.longest.min(keys.len() - i)).rev() {
            let span = &keys[i..i + n];
            // A single filler word is never a name, even where an alias says so.
            if n == 1 && is_filler(&words[i]) {
                continue;
            }
            let found = index.exact(span);
            if found.is_empty() {
                continue;
            }
            // "out of the box", "built in": the way a thing ships, when the question
            // also names the thing.
            let phrase = span.join(" ");
            let ships = english::SHIPPING.contains(&phrase);
            if n >= 2 && found.iter().any(|t| matches!(t, Target::Topic(_))) {
                push_unique(&mut r.topic_phrases, &words[i..i + n].join(" "));
            }
            // A subject named inside a topic's alias ("X admin") is named too.
            for t in &found {
                record(*t, r);
                if let (Target::Topic(k), true) = (t, ships) {
                    push_unique(&mut r.shipping_topics, &catalogue.topics[*k].name);
                }
                if let (Target::Topic(k), 1, true) = (t, n, i > 0) {
                    let next = words.get(i + 1).map(String::as_str).unwrap_or("");
                    if english::WHICH_OR_WHAT.contains(&words[i - 1])
                        && english::CLASS_FOLLOWERS.contains(next)
                    {
                        push_unique(&mut r.class_topics, &catalogue.topics[*k].name);
                    }
                }
            }
            for word in span {
                for t in index.exact(std::slice::from_ref(word)) {
                    if matches!(t, Target::Subject(_)) {
                        record(t, r);
                    }
                }
            }
            // "routing" names "url routing" by an alias, and "message routing" too:
            // the answer keeps the ones the subjects have claims on.
            if n == 1 && found.iter().any(|t| matches!(t, Target::Topic(_))) {
                index
                    .named_by_word(&span[0])
                    .into_iter()
                    .for_each(|t| record(t, r));
            }
            matched = n;
            break;
        }
        if matched > 0 {
            used[i..i + matched].iter_mut().for_each(|u| *u = true);
            i += matched;
        } else {
            i += 1;
        }
    }

    // Then other forms of the words left: "acid compliant", "json", "postgres".
    let mut i = 0;
    while i < keys.len() {
        let mut matched = 0;
        if !used[i] && !is_filler(&words[i]) {
            for n in (1..=index.longest.min(keys.len() - i)).rev() {
                if used[i..i + n].iter().any(|u| *u) || is_filler(&words[i + n - 1]) {
                    continue;
                }
                if let Some(t) = index.loosely(&keys[i..i + n]) {
                    record(t, r);
                    matched = n;
                    break;
                }
                // One word: its comparative's other bases and their opposites too
                // ("heavier": "heavy" names nothing alone, "light" does).
                if n == 1 {
                    let bases = comparative_bases(&words[i]);
                    let opposites: Vec<String> = bases
                        .iter()
                        .filter_map(|b| opposite(b))
                        .map(String::from)
                        .collect();
                    let other = bases
                        .into_iter()
                        .chain(opposites)
                        .filter(|b| *b != keys[i])
                        .find_map(|b| index.loosely(std::slice::from_ref(&b)));
                    if let Some(t) = other {
                        record(t, r);
                        r.comparative = true;
                        matched = 1;
                        break;
                    }
                }
            }
        }
        if matched > 0 {
            used[i..i + matched].iter_mut().for_each(|u| *u = true);
            i += matched;
        } else {
            i += 1;
        }
    }

    // What is left: close typos, then unknown content words.
    for (i, word) in words.iter().enumerate() {
        if used[i] {
            continue;
        }
        if is_filler(word) || word.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let by_word = index.named_by_word(&keys[i]);
        if !by_word.is_empty() {
            by_word.into_iter().for_each(|t| record(t, r));
            continue;
        }
        if let Some((t, key)) = index.typo(&keys[i]) {
            record(t, r);
            r.corrections.push((word.clone(), key));
            continue;
        }
        if word.chars().any(char::is_alphanumeric) {
            r.unknown.push(word.clone());
            // "background jobs": a name followed by a word that names nothing may
            // be another thing altogether; the two words as typed are kept.
            if i > 0 && used[i - 1] && !is_filler(&words[i - 1]) {
                push_unique(&mut r.topic_phrases, &words[i - 1..=i].join(" "));
            }
        }
    }
}

/// Reads a question against the catalogue.
pub fn read(question: &str, catalogue: &Catalogue) -> Reading {
    let words = tokens(question);
    let mut r = Reading::default();
    signals(&words, &mut r);
    names(&words, catalogue, &mut r);
    // "X or Y for performance": two subjects side by side is a comparison.
    if r.subjects.len() >= 2 && said(&words, &english::SIDE_BY_SIDE) {
        r.comparative = true;
    }
    r
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
                compare: self.comparative && self.subjects.len() >= 2,
            })
        };
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
                if missing_topic && list != ListKind::Companies {
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
    /// `LIST_CUES` keeps the order of the if-chain it replaced: a question that
    /// matches two rows gets the earlier row's kind.
    #[test]
    fn the_first_list_cue_that_matches_wins() {
        for (question, kind) in [
            // ProsCons before Pros and Cons (and Weaknesses, for "drawbacks").
            ("pros and cons of quokka", ListKind::ProsCons),
            ("advantages and drawbacks of quokka", ListKind::ProsCons),
            // Weaknesses before Limitations and Cons.
            ("drawbacks and limitations of quokka", ListKind::Weaknesses),
            // "good for" negated before "good for" (UseCases).
            ("what isn't quokka good for", ListKind::Weaknesses),
            ("limitations and cons of quokka", ListKind::Limitations),
            ("cons and merits of quokka", ListKind::Cons),
            ("benefits and use cases of quokka", ListKind::Pros),
            ("use cases and companies of quokka", ListKind::UseCases),
            ("where is quokka used by companies", ListKind::UseCases),
            ("companies and features of quokka", ListKind::Companies),
            ("features of quokka", ListKind::Features),
        ] {
            assert_eq!(read_q(question).list, Some(kind), "{question}");
        }
    }
}
