//! Claims read from a clause's predicate: who the clause is about (its grammatical
//! subject: a subject named at its start, after any opener such as "By comparison,"
//! or "Unlike B,"; "it" or "they" for the subject in focus) and what its verb says
//! of the phrase after it:
//!
//! - "A does not support X", "A lacks X", "A has no X", "Neither A nor B includes X":
//!   A lacks X. The negation's scope is its own clause: "A supports X, whereas B
//!   does not" gives A X built in and B X lacking.
//! - "A cannot V ...", "A is unable to V ...": a limitation of A.
//! - "A supports X", "A ships with X", "A provides X out of the box": X built in;
//!   "supports X only ..." limited, "X via plugins" an extension.
//! - "X is not provided" (a thing as the subject): the subject in focus lacks X.
//!
//! The topic is the phrase after the verb (the sentence's own words), the
//! catalogue's topic only where the phrase is one of its names.

use crate::draft::context::Context;
use crate::draft::cues::{EXTENSION, LIMITED};
use crate::draft::extract::features::feature_row;
use crate::draft::extract::tokens::{Tok, phrase_at, tokens, word};
use crate::draft::folded::Folded;
use crate::draft::lookup::Lookup;
use crate::draft::row::{IN_FOCUS, RowDraft, STATED, Topic};
use crate::draft::slug::new_topic_name;
use crate::draft::topics::{DESIGN, FEATURES};
use crate::model::{Kind, Stance};
use crate::text::english::{
    ANSWER_NO, ANSWER_YES, COMPARATIVES_BEFORE_THAN, CONTRAST_OPENERS, GENERIC_THINGS,
    LIST_JOINERS, LIST_STOPS, NEITHER, PREDICATE_ADVERBS, PREDICATE_BUILTIN, PREDICATE_DETERMINERS,
    PREDICATE_FIRST_PERSON, PREDICATE_HAVING, PREDICATE_LACKING, PREDICATE_NEGATIONS,
    PREDICATE_OBJECT_PRONOUNS, PREDICATE_ONLY, PREDICATE_OPENERS, PREDICATE_PASSIVE_BUILTIN,
    PREDICATE_PASSIVE_LACKS, PREDICATE_PRONOUNS, PREDICATE_REQUIRING, PREDICATE_REQUIRING_SKIPS,
    PREDICATE_SPLITS, PREDICATE_WEAK_HAVING, SHIPPING, SUBORDINATORS, THAN, Words,
};

mod things;

/// Confidence of a limitation read from a negated verb: what a subject cannot do
/// is often a design choice, not a limitation.
const NEGATED_VERB: f32 = IN_FOCUS;

/// What the predicates of one sentence said, for the clause after it ("…, whereas B
/// does not"): the topics of the last verb of having.
#[derive(Debug, Clone, Default)]
pub struct Said {
    pub topics: Vec<Topic>,
}

/// The rows the predicates of `r`'s clauses give. `focus` holds the subjects "it"
/// stands for; `said` carries the last verb's topics across clauses and the halves
/// of a split sentence.
pub fn predicates(
    lookup: &Lookup,
    r: &Folded,
    ctx: &Context,
    focus: &[usize],
    said: &mut Said,
) -> Vec<RowDraft> {
    let text = &r.folded;
    let mut toks = tokens(text, r.body);
    // "X – it ...": a dash between words (folded to a space) ends a phrase.
    let mut k = 1;
    while k < toks.len() {
        let (prev, cur) = (toks[k - 1], toks[k]);
        if r.original(prev.end, cur.start).contains(['–', '—']) {
            toks.insert(
                k,
                Tok {
                    start: prev.end,
                    end: prev.end + 1,
                    punct: true,
                },
            );
            k += 1;
        }
        k += 1;
    }
    let mut out = Vec::new();
    let mut named: Vec<usize> = Vec::new();
    for (from, to) in clauses(text, &toks) {
        let clause = Clause {
            lookup,
            r,
            toks: &toks[from..to],
        };
        let rows = clause.read(ctx, focus, &mut named, said);
        out.extend(rows);
    }
    out
}

/// Token ranges of the clauses: split where a clause mark stands.
fn clauses(text: &str, toks: &[Tok]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut i = 0;
    while i < toks.len() {
        if let Some(n) = phrase_at(text, toks, i, &PREDICATE_SPLITS) {
            if i > from {
                out.push((from, i));
            }
            // Keep the conjunction as the clause's opener (it is skipped there).
            from = if toks[i].punct { i + 1 } else { i };
            i += n.max(1);
            continue;
        }
        i += 1;
    }
    if from < toks.len() {
        out.push((from, toks.len()));
    }
    out
}

struct Clause<'a, 'r> {
    lookup: &'a Lookup<'a>,
    r: &'a Folded<'r>,
    toks: &'a [Tok],
}

impl Clause<'_, '_> {
    fn w(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| word(&self.r.folded, t))
    }

    fn at(&self, i: usize, list: &Words) -> Option<usize> {
        phrase_at(&self.r.folded, self.toks, i, list)
    }

    /// Skips the words of `list` from `i`, any number of them.
    fn skip(&self, mut i: usize, list: &Words) -> usize {
        while let Some(n) = self.at(i, list) {
            i += n;
        }
        i
    }

    /// The token after the first comma from `i`, if any.
    fn after_comma(&self, i: usize) -> Option<usize> {
        (i..self.toks.len())
            .find(|&k| self.toks[k].punct && self.w(k) == ",")
            .map(|k| k + 1)
    }

    /// The subject mention starting at token `i`: (subject, the token after it).
    fn subject_at(&self, i: usize) -> Option<(usize, usize)> {
        let t = self.toks.get(i)?;
        let (subject, m) = self.r.subjects().find(|(_, m)| m.start == t.start)?;
        let next = (i..self.toks.len())
            .find(|&k| self.toks[k].start >= m.end)
            .unwrap_or(self.toks.len());
        Some((subject, next))
    }

    /// The subjects named from `i` on, joined by "and", "or", "nor" or commas:
    /// the subjects and the token after them.
    fn subjects_at(&self, i: usize) -> Option<(Vec<usize>, usize)> {
        let (first, mut next) = self.subject_at(i)?;
        let mut out = vec![first];
        loop {
            let mut k = next;
            while k < self.toks.len()
                && (self.w(k) == ","
                    || LIST_JOINERS.contains(self.w(k))
                    || self.w(k) == "nor"
                    || self.w(k) == "and")
            {
                k += 1;
            }
            if k == next {
                break;
            }
            match self.subject_at(k) {
                Some((s, after)) => {
                    if !out.contains(&s) {
                        out.push(s);
                    }
                    next = after;
                }
                None => break,
            }
        }
        // "A's parser": the clause is about A's thing, not A.
        if self.w(next) == "'s" || self.w(next) == "'" {
            return None;
        }
        Some((out, next))
    }

    /// Reads the clause: its subject, then its predicate.
    fn read(
        &self,
        ctx: &Context,
        focus: &[usize],
        named: &mut Vec<usize>,
        said: &mut Said,
    ) -> Vec<RowDraft> {
        let mut i = self.skip(0, &PREDICATE_OPENERS);
        if self.w(i) == "," {
            i += 1;
        }
        // "Yes, A supports ...", "No, A ...": an answer's word before its subject.
        if (ANSWER_YES.contains(self.w(i)) || ANSWER_NO.contains(self.w(i))) && self.w(i + 1) == ","
        {
            i += 2;
        }
        // "From v0.4.0, A supports ...": a short lead naming no subject, before
        // a clause that opens with one.
        if self.subjects_at(i).is_none()
            && let Some(k) = self.after_comma(i)
            && k - i <= 5
            && self.subjects_at(k).is_some()
            && !(i..k).any(|t| self.subject_at(t).is_some())
            && !CONTRAST_OPENERS.contains(self.w(i))
            && self.at(i, &CONTRAST_OPENERS).is_none()
            && !SUBORDINATORS.contains(self.w(i))
        {
            i = k;
        }
        // "Unlike B, ...", "If a function ..., A ...", "Because A is ..., it ...":
        // the lead before the comma is no subject of the clause.
        let lead = CONTRAST_OPENERS.contains(self.w(i))
            || self.at(i, &CONTRAST_OPENERS).is_some()
            || SUBORDINATORS.contains(self.w(i));
        if lead {
            let end = self.after_comma(i);
            for (s, m) in self.r.subjects() {
                let inside = m.start >= self.toks[i].start
                    && end.is_none_or(|e| self.toks.get(e).is_none_or(|t| m.start < t.start));
                if inside && !named.contains(&s) {
                    named.push(s);
                }
            }
            let Some(next) = end else {
                return Vec::new();
            };
            // "Since A comes with X, but B ...": a lead that is itself a clause
            // about a subject is read as one.
            if SUBORDINATORS.contains(self.w(i)) && self.subjects_at(i + 1).is_some() {
                let rows = self.predicate_from(ctx, i + 1, named, focus, said);
                if !rows.is_empty() {
                    return rows;
                }
            }
            i = self.skip(next, &PREDICATE_OPENERS);
        }
        self.predicate_from(ctx, i, named, focus, said)
    }

    fn predicate_from(
        &self,
        ctx: &Context,
        i: usize,
        named: &mut Vec<usize>,
        focus: &[usize],
        said: &mut Said,
    ) -> Vec<RowDraft> {
        let mut i = i;
        let neither = NEITHER.contains(self.w(i));
        if neither {
            i += 1;
        }
        if self.w(i) == "the" && self.subject_at(i + 1).is_some() {
            i += 1;
        }
        let (subjects, next, confidence) = match self.subjects_at(i) {
            Some((subjects, next)) => (subjects, next, STATED),
            None => match self.at(i, &PREDICATE_PRONOUNS) {
                Some(n) => {
                    // "it": the subject of a clause before it in the sentence,
                    // else the subject named last before it, else the one in focus.
                    let before = self.toks[i].start;
                    let last = self
                        .r
                        .subjects()
                        .filter(|(_, m)| m.end <= before && m.start >= self.r.body)
                        .last()
                        .map(|(s, _)| s);
                    let resolved = match last {
                        _ if !named.is_empty() => named.clone(),
                        Some(s) => vec![s],
                        None => focus.to_vec(),
                    };
                    (resolved, i + n, IN_FOCUS)
                }
                // "we" on a one-product page: its makers speak for it.
                None => match (self.at(i, &PREDICATE_FIRST_PERSON), ctx.main) {
                    (Some(n), Some(main)) => (vec![main], i + n, IN_FOCUS),
                    _ => return self.passive(ctx, i, focus, said),
                },
            },
        };
        for s in &subjects {
            if !named.contains(s) {
                named.push(*s);
            }
        }
        if subjects.is_empty() {
            return Vec::new();
        }
        let mut j = self.skip(next, &PREDICATE_ADVERBS);
        // "A, on the other hand, includes": a parenthetical opener.
        if self.w(j) == ","
            && let Some(k) = self.after_comma(j + 1)
            && self.at(j + 1, &PREDICATE_OPENERS) == Some(k - j - 2)
        {
            j = self.skip(k, &PREDICATE_ADVERBS);
        }
        let mut rows = self.verb(ctx, j, &subjects, neither, confidence, said);
        // "A augments X and Y and includes Z": a later verb of the same subject.
        let mut k = j + 1;
        while rows.is_empty() && k < self.toks.len() {
            if self.w(k) == "and" {
                rows = self.verb(ctx, k + 1, &subjects, neither, confidence, said);
            }
            k += 1;
        }
        rows
    }

    /// The verb at token `j` and what it says of the phrase after it, for each of
    /// `subjects`.
    fn verb(
        &self,
        ctx: &Context,
        j: usize,
        subjects: &[usize],
        neither: bool,
        confidence: f32,
        said: &mut Said,
    ) -> Vec<RowDraft> {
        let end = self.toks.len();
        let clause_end = |k: usize| k >= end || (self.toks[k].punct && self.w(k) != "(");
        if let Some(n) = self.at(j, &PREDICATE_NEGATIONS) {
            let k = self.skip(j + n, &PREDICATE_ADVERBS);
            // "…, whereas B does not": the clause before's verb, denied.
            if clause_end(k) || self.w(k) == "do" || self.w(k) == "so" {
                return self.each(subjects, &said.topics, Stance::Lacks, confidence);
            }
            if PREDICATE_HAVING.contains(self.w(k)) {
                let from = if self.w(k + 1) == "with" {
                    k + 2
                } else {
                    k + 1
                };
                return self.features(ctx, from, subjects, Stance::Lacks, confidence, said);
            }
            // "A does not lack X": a denied lack, which no row can hold.
            if self.at(k, &PREDICATE_LACKING).is_some() {
                return Vec::new();
            }
            // "A cannot V ...": a limitation of A, named after what it cannot do.
            let phrase = self.phrase(k, 4);
            if phrase.is_empty() || self.names_a_subject(k) {
                return Vec::new();
            }
            return self.limitation_named(ctx, &phrase, subjects);
        }
        let negated_by_neither = |stance: Stance| if neither { Stance::Lacks } else { stance };
        if let Some(n) = self.at(j, &PREDICATE_LACKING) {
            return self.features(ctx, j + n, subjects, Stance::Lacks, confidence, said);
        }
        if let Some(n) = self.at(j, &PREDICATE_BUILTIN) {
            let from = if self.w(j + n) == "with" {
                j + n + 1
            } else {
                j + n
            };
            let stance = negated_by_neither(self.qualified(j, from));
            return self.features(ctx, from, subjects, stance, confidence, said);
        }
        if let Some(n) = self.at(j, &PREDICATE_WEAK_HAVING)
            && (j..end).any(|k| self.at(k, &SHIPPING).is_some())
        {
            let stance = negated_by_neither(self.qualified(j, j + n));
            return self.features(ctx, j + n, subjects, stance, confidence, said);
        }
        // "A requires your app to be wrapped": what A asks of its user limits it.
        // Only of a subject the clause names ("it" and "they" are too often
        // another thing's), and not "requires less memory than B", a comparison.
        if let Some(n) = self.at(j, &PREDICATE_REQUIRING)
            && confidence == STATED
        {
            let k = self.skip(j + n, &PREDICATE_REQUIRING_SKIPS);
            let k = self.skip(k, &PREDICATE_DETERMINERS);
            let phrase = self.phrase(k, 4);
            let compares = (k..(k + 4).min(end)).any(|i| {
                COMPARATIVES_BEFORE_THAN.contains(self.w(i)) || self.at(i, &THAN).is_some()
            });
            // "requires X through plugins": an extension, read by its cue.
            let extended =
                EXTENSION.any_in(&self.r.folded[self.toks[j].start..self.clause_end_byte()]);
            if phrase.is_empty() || compares || extended || self.names_a_subject(k) {
                return Vec::new();
            }
            return self.limitation_named(ctx, &phrase, subjects);
        }
        // "…, but B does": the clause before's verb, granted.
        if matches!(self.w(j), "does" | "do" | "can") && clause_end(j + 1) && !neither {
            return self.each(subjects, &said.topics, Stance::Builtin, confidence);
        }
        Vec::new()
    }

    /// Built in, unless "only" or a limiting word stands by the verb (limited) or the
    /// clause says it comes through plugins (extension).
    fn qualified(&self, verb: usize, from: usize) -> Stance {
        let (things, end) = self.things_noted(from);
        let noted = |k: usize| {
            things
                .iter()
                .filter_map(|t| t.limited_by)
                .any(|(from, to)| (from..to).contains(&self.toks[k].start))
        };
        let near = verb.saturating_sub(1)..(from + 6).min(self.toks.len());
        if near
            .clone()
            .any(|k| !noted(k) && self.at(k, &PREDICATE_ONLY).is_some())
        {
            return Stance::Limited;
        }
        // "supports X via plugins": how it comes is said after the thing's name
        // (a "plug-in mechanism" itself is built in).
        let after = self
            .toks
            .get(end)
            .map_or(self.clause_end_byte(), |t| t.start)
            .min(self.clause_end_byte());
        let rest = &self.r.folded[after..self.clause_end_byte()];
        if EXTENSION.any_in(rest) {
            return Stance::Extension;
        }
        // "X, Y (experimental) and Z": an item's own note limits that item alone
        // (see `features`), not the whole list.
        let mut rest = self.r.folded[self.toks[verb].start..self.clause_end_byte()].to_string();
        for (from, to) in things.iter().filter_map(|t| t.limited_by) {
            let (from, to) = (from - self.toks[verb].start, to - self.toks[verb].start);
            rest.replace_range(from..to, &" ".repeat(to - from));
        }
        if LIMITED.any_in(&rest) {
            return Stance::Limited;
        }
        Stance::Builtin
    }

    fn clause_end_byte(&self) -> usize {
        self.toks.last().map_or(self.r.folded.len(), |t| t.end)
    }

    /// A thing as the clause's subject: "routing is not provided" (the subject in
    /// focus lacks it), "two apps ship standard" (has it built in).
    fn passive(&self, ctx: &Context, i: usize, focus: &[usize], said: &mut Said) -> Vec<RowDraft> {
        if focus.is_empty() {
            return Vec::new();
        }
        let Some(k) = (i..self.toks.len().min(i + 7)).find(|&k| {
            self.toks[k].punct
                || self.at(k, &PREDICATE_PASSIVE_LACKS).is_some()
                || self.at(k, &PREDICATE_PASSIVE_BUILTIN).is_some()
        }) else {
            return Vec::new();
        };
        if self.toks[k].punct || k == i || self.names_a_subject(i) {
            return Vec::new();
        }
        let stance = if self.at(k, &PREDICATE_PASSIVE_LACKS).is_some() {
            Stance::Lacks
        } else {
            Stance::Builtin
        };
        let phrase = self.phrase_between(i, k);
        let Some(topic) = self.topic(ctx, &phrase) else {
            return Vec::new();
        };
        said.topics = vec![topic.clone()];
        self.each(focus, &[topic], stance, IN_FOCUS)
    }

    /// Feature rows for the things named from token `from` on.
    fn features(
        &self,
        ctx: &Context,
        from: usize,
        subjects: &[usize],
        stance: Stance,
        confidence: f32,
        said: &mut Said,
    ) -> Vec<RowDraft> {
        let things = self.things_noted(from).0;
        // "B does not support this": what the clause before named.
        if things.len() == 1 && PREDICATE_OBJECT_PRONOUNS.contains(things[0].name.as_str()) {
            let topics = said.topics.clone();
            return self.each(subjects, &topics, stance, confidence);
        }
        // "supports X (experimental)": what its own note limits, it has in part.
        let stanced: Vec<(Topic, Stance)> = things
            .iter()
            .filter_map(|t| {
                let own = match stance {
                    Stance::Builtin if t.limited_by.is_some() => Stance::Limited,
                    s => s,
                };
                self.topic(ctx, &t.name).map(|topic| (topic, own))
            })
            .collect();
        if stanced.is_empty() {
            return Vec::new();
        }
        said.topics = stanced.iter().map(|(t, _)| t.clone()).collect();
        let mut out = Vec::new();
        for (topic, own) in &stanced {
            out.extend(self.each(subjects, std::slice::from_ref(topic), *own, confidence));
        }
        out
    }

    fn each(
        &self,
        subjects: &[usize],
        topics: &[Topic],
        stance: Stance,
        confidence: f32,
    ) -> Vec<RowDraft> {
        let mut out = Vec::new();
        for topic in topics {
            for &s in subjects {
                out.push(feature_row(self.lookup, s, topic, stance, confidence));
            }
        }
        out
    }

    /// A limitation of each of `subjects`, named after `phrase` (what they cannot
    /// do or what they require); none where the phrase names nothing.
    fn limitation_named(&self, ctx: &Context, phrase: &str, subjects: &[usize]) -> Vec<RowDraft> {
        let Some(name) = new_topic_name(phrase) else {
            return Vec::new();
        };
        let topic = Topic::New(name, self.lookup.category_for(DESIGN, ctx));
        subjects
            .iter()
            .map(|&s| {
                RowDraft::new(
                    s,
                    Kind::Limitation,
                    topic.clone(),
                    self.r.body_text(),
                    NEGATED_VERB,
                )
            })
            .collect()
    }

    /// The topic a phrase of the sentence names: the catalogue's where the phrase
    /// is one of its names, else a new one named after the phrase.
    fn topic(&self, ctx: &Context, phrase: &str) -> Option<Topic> {
        if phrase.is_empty() || GENERIC_THINGS.contains(phrase) {
            return None;
        }
        if self.lookup.knows(phrase) {
            if let Some(t) = self.lookup.topic_named(phrase) {
                return Some(Topic::Known(t));
            }
            // The phrase is a subject's name: no thing a subject has.
            return None;
        }
        let name = new_topic_name(phrase)?;
        Some(Topic::New(name, self.lookup.category_for(FEATURES, ctx)))
    }

    /// True when a subject is named in the few words from token `i`.
    fn names_a_subject(&self, i: usize) -> bool {
        let to = self
            .toks
            .get(i + 4)
            .map_or(self.clause_end_byte(), |t| t.start);
        let from = self.toks.get(i).map_or(to, |t| t.start);
        self.r
            .subjects()
            .any(|(_, m)| m.start >= from && m.start < to)
    }

    /// Up to `n` words from token `from`, to the clause's end or a stop word.
    fn phrase(&self, from: usize, n: usize) -> String {
        let mut words = Vec::new();
        for k in from..self.toks.len() {
            let w = self.w(k);
            let joined = self.r.hyphenated(self.toks[k].start);
            if self.toks[k].punct
                || (k > from && !joined && (LIST_STOPS.contains(w) || LIST_JOINERS.contains(w)))
                || words.len() >= n
            {
                break;
            }
            if k > from && self.at(k, &PREDICATE_DETERMINERS).is_some() {
                continue;
            }
            words.push(w);
        }
        words.join(" ")
    }

    /// The words of tokens `from..to`, determiners left out.
    fn phrase_between(&self, from: usize, to: usize) -> String {
        let from = self.skip(from, &PREDICATE_DETERMINERS);
        (from..to).map(|k| self.w(k)).collect::<Vec<_>>().join(" ")
    }
}
