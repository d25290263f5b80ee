//! Facts with a value: who made a subject, when it came out, its licence, what it
//! is built on, and what the article calls it ("X is a lightweight framework").
//! Each needs a catalogue topic answering to its cue words.

use crate::draft::context::Context;
use crate::draft::cues::{BASED_ON, IS_A, MADE_BY, RELEASE_VERBS};
use crate::draft::extract::tokens::{Tok, tokens, word};
use crate::draft::folded::Folded;
use crate::draft::lookup::Lookup;
use crate::draft::proper_names::{capitalised, names_at};
use crate::draft::row::{INFERRED, RowDraft, STATED_FACT, Topic};
use crate::draft::slug::new_topic_name;
use crate::draft::topics::DESIGN;
use crate::model::Kind;
use crate::text::english::{
    COMPARATIVES, COMPARATIVES_BEFORE_THAN, COMPARATIVES_WITHOUT_THAN, DOCUMENT_WORDS,
    IMPERSONAL_IT, IS_A_PLURAL, IS_A_VALUE_ENDS, LIST_JOINERS, MONTHS, NEGATION, PREDICATE_ADVERBS,
    PREDICATE_DETERMINERS, PREDICATE_FIRST_PERSON, PREDICATE_PRONOUNS, STATED_IMPROVING,
    STATED_IRREGULAR, STATED_SKIPS, THAN, TOPIC_BASED_ON, TOPIC_CREATOR, TOPIC_LICENSE,
    TOPIC_RELEASE,
};

/// The facts a sentence states about `subjects[0]`: (topic, value) rows.
pub fn facts(lookup: &Lookup, r: &Folded, subjects: &[usize]) -> Vec<RowDraft> {
    let subject = subjects[0];
    // "This comparison is based on Zapper Home": the page speaking of itself.
    if about_the_page(r.body_folded()) {
        return Vec::new();
    }
    let mut found: Vec<(usize, String)> = Vec::new();
    if let Some(made) = MADE_BY.first_in(&r.folded)
        && let Some(topic) = lookup.topic_by_cues(&TOPIC_CREATOR)
    {
        for name in names_at(r.original_from(made.end)) {
            found.push((topic, name));
        }
    }
    if let Some(topic) = lookup.topic_by_cues(&TOPIC_RELEASE)
        && RELEASE_VERBS.any_in(&r.folded)
    {
        for date in dates(r.s.text) {
            found.push((topic, date));
        }
    }
    // "the Acme licence", "Acme-licensed": the capitalised word before it.
    if let Some(i) = r.folded.find(" licen")
        && let Some(topic) = lookup.topic_by_cues(&TOPIC_LICENSE)
    {
        let before = r.original(0, i).trim_end();
        let word = before.rsplit(' ').next().unwrap_or("");
        if word.chars().next().is_some_and(char::is_uppercase) {
            found.push((topic, word.to_string()));
        }
    }
    if let Some(based) = BASED_ON.first_in(&r.folded)
        && let Some(topic) = lookup.topic_by_cues(&TOPIC_BASED_ON)
    {
        let after = r.original_from(based.end);
        let after = after.split_once(':').map_or(after, |(_, rest)| rest);
        for name in names_at(after) {
            found.push((topic, name));
        }
    }
    found
        .into_iter()
        .map(|(topic, value)| {
            RowDraft::new(subject, Kind::Fact, Topic::Known(topic), r.body_text(), 0.7)
                .with_value(value)
        })
        .collect()
}

/// True when a sentence's grammatical subject is the page itself ("This
/// comparison ...", "The article ..."): what it says is about the page.
fn about_the_page(body: &str) -> bool {
    let mut words = body.split_whitespace();
    matches!(words.next(), Some("this" | "the" | "our"))
        && words.next().is_some_and(|w| DOCUMENT_WORDS.contains(w))
}

/// "X is a lightweight framework": a fact whose value is what the article calls
/// the subject, when a catalogue topic is named in it.
pub fn is_a(r: &Folded, subjects: &[usize]) -> Vec<RowDraft> {
    let Some((subject_end, subject)) = r
        .subjects()
        .find(|(i, _)| subjects.contains(i))
        .map(|(i, m)| (m.end, i))
    else {
        return Vec::new();
    };
    let rest = &r.folded[subject_end..];
    let Some(verb) = IS_A.first_in(rest) else {
        return Vec::new();
    };
    // "A and B are two popular databases": a fact about each of them.
    let each: Vec<usize> = if IS_A_PLURAL.contains(verb.phrase) {
        subjects.to_vec()
    } else {
        vec![subject]
    };
    if rest[..verb.end]
        .split(' ')
        .filter(|w| !w.is_empty())
        .count()
        > 8
    {
        return Vec::new();
    }
    let from = subject_end + verb.end;
    let value_end = |text: &str| {
        let words = IS_A_VALUE_ENDS
            .all()
            .iter()
            .filter_map(|w| text.find(&format!(" {w} ")));
        let marks = [",", ".", ";", ":"]
            .into_iter()
            .filter_map(|p| text.find(p));
        words.chain(marks).min()
    };
    let to = value_end(&r.folded[from..]).map_or(r.folded.len(), |i| from + i);
    let Some(topic) = r
        .topics()
        .find(|(_, m)| m.start >= from && m.end <= to)
        .map(|(t, _)| t)
    else {
        return Vec::new();
    };
    let value = r
        .original(from, to)
        .trim()
        .trim_matches(['“', '”', '"'])
        .to_string();
    if value.is_empty() {
        return Vec::new();
    }
    each.into_iter()
        .map(|subject| {
            RowDraft::new(subject, Kind::Fact, Topic::Known(topic), r.body_text(), 0.6)
                .with_value(value.clone())
        })
        .collect()
}

/// Dates in `text`: "July 2005", "2010".
fn dates(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    for (i, raw) in words.iter().enumerate() {
        let w = raw.trim_matches(|c: char| !c.is_ascii_digit());
        if w.len() == 4
            && raw.trim_end_matches(['.', ',', ';', ')']).len()
                == raw
                    .trim_start_matches('(')
                    .trim_end_matches(['.', ',', ';', ')'])
                    .len()
            && (w.starts_with("19") || w.starts_with("20"))
            && w.chars().all(|c| c.is_ascii_digit())
        {
            let month = i.checked_sub(1).map(|j| words[j]).filter(|m| is_month(m));
            out.push(match month {
                Some(m) => format!("{m} {w}"),
                None => w.to_string(),
            });
        }
    }
    out
}

/// "July", as a month's name is written.
fn is_month(word: &str) -> bool {
    MONTHS.all().iter().any(|m| capitalised(m) == word)
}

/// "Alpha stores every record in a journal": a sentence whose grammatical subject
/// is a subject (named at its start, not "Alpha's maintainers") states a fact of
/// it, though it says nothing the other readings know. Its topic is named after
/// the words after the subject. None for a question, a list's lead-in ("Alpha
/// runs in these modes:"), or where `taken` (the subjects the sentence's other
/// rows are about) holds the subject already.
pub fn stated(
    lookup: &Lookup,
    r: &Folded,
    ctx: &Context,
    taken: &[&str],
    focus: &[usize],
) -> Vec<RowDraft> {
    if r.s.cell.is_some() || r.s.text.trim_end().ends_with(['?', ':']) {
        return Vec::new();
    }
    let Some((subject, after, confidence, pronoun)) = stated_subject(r, ctx, focus) else {
        return Vec::new();
    };
    if taken.contains(&lookup.subject_name(subject)) {
        return Vec::new();
    }
    let m_end = after;
    let toks = tokens(&r.folded, m_end);
    // The subject's verb comes right after its name: "Alpha and Beta ...", "Alpha,
    // a store, ..." and "Alpha's X" are no clause of Alpha's own.
    let Some(first) = toks.first() else {
        return Vec::new();
    };
    let verb = word(&r.folded, first);
    // "Note that ...": a verb of the reader's, not a clause of a subject's.
    if !pronoun
        && (first.punct
            || verb.starts_with('\'')
            || LIST_JOINERS.contains(verb)
            || matches!(verb, "and" | "that")
            || r.folded[m_end..].starts_with(['\'', '’']))
    {
        return Vec::new();
    }
    // The verb stands right after the name, or after one word more ("the Alpha
    // core is ...", a part of Alpha's); where neither reads as a verb (no "-s",
    // no "-ed", no auxiliary, adverb or past form) the sentence says nothing of
    // Alpha's ("Alpha-style brokers keep ...").
    let verb_like = |w: &str| {
        w.ends_with('s')
            || w.ends_with("ed")
            || STATED_SKIPS.contains(w)
            || STATED_IRREGULAR.contains(w)
            || NEGATION.contains(w)
    };
    let verbal = |t: &Tok| {
        // "pre-bundles": the word with its hyphenated parts.
        let w = r.folded[t.start..]
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'))
            .next()
            .unwrap_or("");
        !t.punct && verb_like(w)
    };
    let mut v = 0;
    while toks
        .get(v)
        .is_some_and(|t| PREDICATE_ADVERBS.contains(word(&r.folded, t)))
    {
        v += 1;
    }
    let at = |i: usize| toks.get(i).is_some_and(&verbal);
    let verb_after_one = toks.get(v).is_some_and(|t| !t.punct) && at(v + 1);
    if !(pronoun || at(v) || verb_after_one) {
        return Vec::new();
    }
    let words: Vec<&str> = toks
        .iter()
        .take_while(|t| !t.punct)
        .map(|t| word(&r.folded, t))
        .filter(|w| !STATED_SKIPS.contains(w) && !PREDICATE_DETERMINERS.contains(w))
        .take(3)
        .collect();
    // A sentence of a word or two after the name ("Alpha rocks") says too little.
    if words.len() < 2 {
        return Vec::new();
    }
    let Some(name) = new_topic_name(&words.join(" ")) else {
        return Vec::new();
    };
    let topic = Topic::New(name, lookup.category_for(DESIGN, ctx));
    // Its value: what the sentence says after the name, to the clause's end.
    let rest = r.original_from(m_end);
    let rest = rest[..rest.find([',', ';', ':']).unwrap_or(rest.len())]
        .trim()
        .trim_end_matches('.');
    let value: Vec<&str> = rest.split_whitespace().take(12).collect();
    // "Alpha is cheaper for X", "Alpha offers more X": a comparison the sentence
    // leaves unfinished, no fact.
    let compares = |w: &&str| {
        let w = w.to_lowercase();
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        COMPARATIVES.contains(w)
            || COMPARATIVES_WITHOUT_THAN.contains(w)
            || COMPARATIVES_BEFORE_THAN.contains(w)
            || THAN.contains(w)
    };
    if value.iter().any(compares) {
        return Vec::new();
    }
    // "Alpha improves the start time": a pro, named after what it improves.
    if STATED_IMPROVING.contains(verb) {
        return vec![RowDraft::new(
            subject,
            Kind::Pro,
            topic,
            r.body_text(),
            confidence,
        )];
    }
    vec![
        RowDraft::new(subject, Kind::Fact, topic, r.body_text(), confidence)
            .with_value(value.join(" ")),
    ]
}

/// True when the words after a sentence's "it" (`after`) make it a dummy
/// subject: past its auxiliaries and adverbs ("is", "would be", "may also be")
/// and at most one word before a phrase of two, a phrase of `impersonal_it.txt` ("It seems ...",
/// "It is recommended to ...", "it's often useful to ...").
fn impersonal(folded: &str, after: &[Tok]) -> bool {
    let words: Vec<&str> = after
        .iter()
        .take_while(|t| !t.punct)
        .map(|t| word(folded, t))
        .skip_while(|w| STATED_SKIPS.contains(w) || PREDICATE_ADVERBS.contains(w))
        .take(3)
        .collect();
    let pair = |i: usize| {
        words
            .get(i + 1)
            .is_some_and(|next| IMPERSONAL_IT.contains(&format!("{} {next}", words[i])))
    };
    words.first().is_some_and(|w| IMPERSONAL_IT.contains(w)) || (0..words.len().min(2)).any(pair)
}

/// Whom a sentence stating a fact is about, where its verb's words start, how
/// sure that is, and whether it is a pronoun (whose verb needs no test): a subject
/// named first, or after a lead of a few words ("Every day, Alpha ..."); "it"
/// for the one subject in focus, "we" for the page's own product, less surely.
fn stated_subject(r: &Folded, ctx: &Context, focus: &[usize]) -> Option<(usize, usize, f32, bool)> {
    let lead_ok = |lead: &str| {
        let lead = lead.trim();
        lead.is_empty()
            || lead == "the"
            || (lead.ends_with(',') && lead.split_whitespace().count() <= 4)
    };
    if let Some((subject, m)) = r.subjects().find(|(_, m)| m.start >= r.body) {
        if lead_ok(&r.folded[r.body..m.start]) {
            return Some((subject, m.end, STATED_FACT, false));
        }
        return None;
    }
    // After a lead of a few words and its comma ("As a rule, however, we ...").
    let toks = tokens(&r.folded, r.body);
    let comma = toks
        .iter()
        .take(9)
        .rposition(|t| t.punct && word(&r.folded, t) == ",")
        .filter(|&c| toks[..c].iter().filter(|t| !t.punct).count() <= 6)
        .map_or(0, |c| c + 1);
    let first = *toks.get(comma)?;
    let w = word(&r.folded, &first);
    let pronoun = w.strip_suffix("'s").unwrap_or(w);
    let subject = if PREDICATE_PRONOUNS.contains(pronoun) {
        if pronoun == "it" && impersonal(&r.folded, &toks[comma + 1..]) {
            return None;
        }
        match focus {
            [one] => *one,
            _ => return None,
        }
    } else if PREDICATE_FIRST_PERSON.contains(pronoun) {
        ctx.main?
    } else {
        return None;
    };
    // "It's a ...": what is said starts after the "'s".
    // A pronoun is a subject, whatever the verb's form ("we provide").
    Some((subject, first.end, INFERRED - 0.1, true))
}
