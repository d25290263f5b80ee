//! Use-case claims: what a subject suits, from the topics after a "suited for"
//! cue or (in a use-case section) the item's label.

use crate::draft::context::Context;
use crate::draft::cues::USE_CASE;
use crate::draft::folded::Folded;
use crate::draft::lookup::Lookup;
use crate::draft::row::{RowDraft, Topic};
use crate::draft::topics::{USE_CASES, listed_phrases, main_topic};
use crate::model::Kind;
use crate::text::english::NEGATION;

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
