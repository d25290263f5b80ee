//! What a question is read into: the catalogue of names it is read against, what
//! was found in it ([`Reading`]) and the one [`Intent`] those add up to. Types only;
//! src/ask/interpret.rs does the reading.

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
    /// Words the claims of the question's subjects say as typed: no typo of a name
    /// (src/ask/answer/mod.rs fills it on a second reading).
    pub as_typed: Vec<String>,
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
    /// No subject is named and the other side of a "than" is a word that names
    /// nothing: the things compared are unknown ("is X faster than Y").
    pub compared_unknown: bool,
    /// "who uses zorbql": the thing used is a word that names nothing known.
    pub uses_unknown: bool,
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
    /// The question's words a name (subject, topic, company) was read from.
    pub named_words: Vec<String>,
    /// Subjects named only inside a topic's words ("X admin"): the topic's, unless
    /// the subject has no claim on it.
    pub subjects_in_topics: Vec<String>,
    /// Subjects read from one word of their name of several ("quux" for "single
    /// quux zorb"): weaker than a name read whole.
    pub partial_subjects: Vec<String>,
    /// (word, subject) where a subject was read from a typo of the word: the word
    /// may be one the other subjects' claims say as typed.
    pub subject_forms: Vec<(String, String)>,
    /// Words a named subject is compared with ("X vs zorb", "is X faster than
    /// zorb") that name no subject: the other side, which the subject's claims may
    /// name though it has none of its own.
    pub other_sides: Vec<String>,
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
