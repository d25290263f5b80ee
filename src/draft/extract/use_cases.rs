//! Use-case claims: what a subject suits, from the topics after a "suited for"
//! cue or (in a use-case section) the item's label.

use crate::draft::context::Context;
use crate::draft::cues::USE_CASE;
use crate::draft::extract::tokens::{phrase_at, tokens, word};
use crate::draft::folded::Folded;
use crate::draft::lookup::Lookup;
use crate::draft::row::{CUED, RowDraft, Topic};
use crate::draft::slug::new_topic_name;
use crate::draft::topics::{USE_CASES, listed_phrases, main_topic};
use crate::model::Kind;
use crate::text::english::{
    ADVICE_CONDITIONS, ADVICE_LEADS, ADVICE_TOPIC_SKIPS, ADVICE_VERBS, NEGATION,
    PREDICATE_DETERMINERS, PREDICATE_PRONOUNS,
};

/// Use-case rows for `subjects`: the topics after a "suited for" cue, or (in a
/// use-case section, `section`) the label's topic, or the things listed after the
/// cue as new topics. Empty when there are none.
pub fn use_case_rows(
    lookup: &Lookup,
    r: &Folded,
    ctx: &Context,
    subjects: &[usize],
    section: bool,
) -> Vec<RowDraft> {
    let cue = USE_CASE
        .first_in(r.body_folded())
        .map(|f| (f.start + r.body, f.end + r.body));
    let mut topics: Vec<Topic> = Vec::new();
    if let Some((_, e)) = cue {
        let (_, clause_end) = r.clause(e);
        for (t, m) in r.topics() {
            if m.start >= e
                && m.start < clause_end
                && !r.inside_a_subject(m)
                && !topics.contains(&Topic::Known(t))
            {
                topics.push(Topic::Known(t));
            }
        }
    }
    if topics.is_empty()
        && (section || (cue.is_some() && r.label().is_some()))
        && let Some(t) = main_topic(lookup, r, ctx, Kind::UseCase)
    {
        topics.push(t);
    }
    if topics.is_empty()
        && let Some((_, e)) = cue
    {
        let category = lookup.category_for(USE_CASES, ctx);
        let (names, _) = listed_phrases(r.original(e, r.folded.len()));
        topics.extend(names.into_iter().map(|n| Topic::New(n, category.clone())));
    }
    let confidence = if cue.is_some() { 0.7 } else { 0.6 };
    // "Not designed for X": a negation just before the cue says what the subject
    // does not suit, a limitation.
    let negated = cue.is_some_and(|(s, _)| {
        r.folded[..s]
            .split_whitespace()
            .rev()
            .take(3)
            .any(|w| NEGATION.contains(w))
    });
    let kind = if negated {
        Kind::Limitation
    } else {
        Kind::UseCase
    };
    let mut out = Vec::new();
    for topic in topics {
        for &subject in subjects {
            out.push(RowDraft::new(
                subject,
                kind,
                topic.clone(),
                r.body_text(),
                confidence,
            ));
        }
    }
    out
}

/// "If you want X, use A", "In short, choose A for X", "you probably want to stick
/// to A": an imperative at a clause's start advising subject A, under a condition
/// or for a purpose the sentence names, is a use case of A's. Its topic is named
/// after the words of the condition.
pub fn advised(lookup: &Lookup, r: &Folded, ctx: &Context) -> Vec<RowDraft> {
    let text = &r.folded;
    let toks = tokens(text, r.body);
    let w = |i: usize| toks.get(i).map_or("", |t| word(text, t));
    let mut out = Vec::new();
    let mut clause_start = 0;
    for i in 0..toks.len() {
        if toks[i].punct {
            clause_start = i + 1;
            continue;
        }
        let Some(n) = phrase_at(text, &toks, i, &ADVICE_VERBS) else {
            continue;
        };
        // The imperative opens its clause, or follows a lead ("you should").
        let led = (clause_start..i).all(|k| !toks[k].punct)
            && (clause_start == i
                || phrase_at(text, &toks, clause_start, &ADVICE_LEADS)
                    .is_some_and(|m| clause_start + m == i));
        if !led {
            continue;
        }
        let mut k = i + n;
        if PREDICATE_DETERMINERS.contains(w(k)) {
            k += 1;
        }
        let Some(at) = toks.get(k).map(|t| t.start) else {
            continue;
        };
        let Some((first, m)) = r.subjects().find(|(_, m)| m.start == at) else {
            continue;
        };
        // "stick to A/B", "use A or B": each of the subjects named together.
        let mut advised = vec![first];
        let mut end = m.end;
        while let Some(gap) = ["/", " or ", " and ", ", "]
            .iter()
            .find(|g| text[end..].starts_with(*g))
            && let Some((next, n)) = r.subjects().find(|(_, n)| n.start == end + gap.len())
        {
            if !advised.contains(&next) {
                advised.push(next);
            }
            end = n.end;
        }
        // What the advice is for: the words after "if", "when" or "for".
        let Some(c) = (0..toks.len()).find(|&c| ADVICE_CONDITIONS.contains(w(c)) && c != k) else {
            continue;
        };
        let words: Vec<&str> = (c + 1..toks.len())
            .take_while(|&j| !toks[j].punct)
            .map(w)
            .filter(|x| {
                !PREDICATE_DETERMINERS.contains(x)
                    && !PREDICATE_PRONOUNS.contains(x)
                    && !ADVICE_LEADS.contains(x)
                    && !ADVICE_TOPIC_SKIPS.contains(x)
            })
            .take(4)
            .collect();
        let Some(name) = new_topic_name(&words.join(" ")) else {
            continue;
        };
        let topic = Topic::New(name, lookup.category_for(USE_CASES, ctx));
        for subject in advised {
            out.push(RowDraft::new(
                subject,
                Kind::UseCase,
                topic.clone(),
                r.body_text(),
                CUED,
            ));
        }
    }
    out
}
