//! Comparisons: a verdict between two subjects ("A is faster than B", "Unlike B,
//! A ships ...", "it depends on ..."), and, in a list of pros and cons, the
//! polarity a subject named only to be compared against gets.

use crate::draft::context::Context;
use crate::draft::cues::{COMPARATIVES, COMPARATIVES_WITHOUT_THAN, CONTRASTS, DEPENDS, THAN};
use crate::draft::folded::Folded;
use crate::draft::lookup::Lookup;
use crate::draft::matcher::find_phrase;
use crate::draft::row::{CUED, INFERRED, ONE_SIDED, RowDraft, Topic};
use crate::draft::subjects::verdict_sides;
use crate::draft::topics::comparison_topic;
use crate::model::{Kind, Stance};
use crate::text::english::{
    ADVANTAGE, COMPARATIVES_AGAINST, COMPARED_ALIKE, COMPARED_UNLIKE, COMPARISON_CONSUMING,
    COMPARISON_COSTS, COMPARISON_FILLERS, COMPARISON_OTHERS, COMPARISON_PREFER, DISADVANTAGE,
    NEGATION, NEGATIVE, NOT_COMPARATIVES, PREDICATE_LACKING, PREDICATE_NEGATIONS,
};

/// The comparison a sentence makes between `subjects[0]` and another subject, if
/// any; `seen` holds the subjects of the article so far.
pub fn comparison(
    lookup: &Lookup,
    r: &Folded,
    subjects: &[usize],
    ctx: &Context,
    seen: &[usize],
) -> Option<RowDraft> {
    let mut named: Vec<usize> = Vec::new();
    for (i, _) in r.subjects() {
        if !named.contains(&i) {
            named.push(i);
        }
    }
    if named.len() < 2 {
        let sides = verdict_sides(lookup, ctx, seen);
        if sides.len() == 2 {
            named = sides;
        }
    }
    if DEPENDS.any_in(&r.folded) && named.len() >= 2 {
        let topic = comparison_topic(lookup, r, ctx);
        let versus = lookup.subject_name(named[1]).to_string();
        return Some(
            RowDraft::new(named[0], Kind::Comparison, topic, r.body_text(), 0.6)
                .with_stance(Some(Stance::Depends))
                .with_versus(Some(versus)),
        );
    }
    let mut subject = subjects[0];
    let mut other = named.iter().copied().find(|s| !subjects.contains(s));
    // "Users of B found A to be faster": a comparative with no "than" is said of
    // the subject named last before it.
    if THAN.first_in(&r.folded).is_none()
        && let Some(cue) = COMPARATIVES_WITHOUT_THAN.first_in(r.body_folded())
        && let Some(o) = other
        && r.subjects()
            .filter(|(_, m)| m.start >= r.body && m.end <= cue.start + r.body)
            .last()
            .is_some_and(|(i, _)| i == o)
    {
        other = Some(subject);
        subject = o;
    }
    // "faster than B", "faster than the others": what stands after "than" is the
    // other side; "more than 1000 targets" compares no subjects.
    if let Some(than) = THAN.first_in(&r.folded) {
        match than_object(r, than.end) {
            Some(Some(o)) if o != subject => other = Some(o),
            Some(None) => other = None,
            _ => return None,
        }
    }
    let (value, negative) = comparison_value(r, subject, other).filter(|v| !v.0.is_empty())?;
    // "slower than the others": no one side to favour.
    if negative && other.is_none() {
        return None;
    }
    let (favoured, versus) = match (negative, other) {
        (true, Some(o)) => (o, Some(subject)),
        (_, o) => (subject, o),
    };
    let versus = versus.map(|v| lookup.subject_name(v).to_string());
    let topic = comparison_topic(lookup, r, ctx);
    // Against a named subject the comparative's sides are both on the page.
    let confidence = if versus.is_some() { CUED } else { ONE_SIDED };
    Some(
        RowDraft::new(favoured, Kind::Comparison, topic, r.body_text(), confidence)
            .with_value(value)
            .with_versus(versus),
    )
}

/// What the comparison says ("faster", "more mature and batteries-included"), and
/// whether it speaks against `subject` (so `other` is favoured).
fn comparison_value(r: &Folded, subject: usize, other: Option<usize>) -> Option<(String, bool)> {
    if let Some(than) = THAN.first_in(&r.folded) {
        return comparative_before(r, than.start);
    }
    if let Some(contrast) = CONTRASTS.first_in(&r.folded)
        && other.is_some()
        && r.subjects().any(|(i, m)| {
            Some(i) == other
                && m.start >= contrast.end
                && r.folded[contrast.end..m.start].split_whitespace().count() <= 1
        })
    {
        // "Unlike B, A ...": what is said of A after its name.
        let main = r
            .subjects()
            .find(|(i, m)| *i == subject && m.start > contrast.end)
            .map(|(_, m)| m.end);
        // "Unlike B, A does not ship X": A's lack, which favours no one.
        let denies = main.is_some_and(|m| {
            let rest = r.folded[m..].trim_start();
            PREDICATE_NEGATIONS
                .all()
                .iter()
                .chain(PREDICATE_LACKING.all())
                .any(|n| rest.starts_with(&format!("{n} ")))
        });
        if denies {
            return None;
        }
        return main.map(|m| {
            let rest = r.original(m, r.folded.len()).trim();
            let rest = rest.trim_start_matches(['’', '\'', 's']).trim();
            let rest = rest.split(';').next().unwrap_or(rest);
            (words_prefix(rest.trim_end_matches('.'), 12), false)
        });
    }
    if let Some(found) = chosen_over(r, subject, other) {
        return Some(found);
    }
    COMPARATIVES_WITHOUT_THAN
        .first_in(r.body_folded())
        .map(|f| {
            let s = f.start + r.body;
            let (_, end) = r.clause(s);
            let text = r.original(s, end).trim().trim_end_matches(['.', ',']);
            (
                words_prefix(text, 8),
                COMPARATIVES_AGAINST.contains(f.phrase),
            )
        })
}

/// "The advantages of A over B", "prefer A over B": A is favoured ("the
/// drawbacks of A over B": B is); the value is the words from the cue to B.
fn chosen_over(r: &Folded, subject: usize, other: Option<usize>) -> Option<(String, bool)> {
    let other = other?;
    let (_, a) = r.subjects().find(|(i, _)| *i == subject)?;
    let (_, b) = r.subjects().find(|(i, m)| *i == other && m.start > a.end)?;
    let between = r.folded[a.end..b.start].trim();
    let between = between.trim_start_matches("'s").trim();
    if !(between == "over" || between == "over the") {
        return None;
    }
    let mut from = a.start.saturating_sub(40);
    while !r.folded.is_char_boundary(from) {
        from += 1;
    }
    let before = &r.folded[from..a.start];
    let words: Vec<(usize, &str)> = before
        .split(' ')
        .scan(from, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w.trim_end_matches(',')))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let stem = |w: &str| w.strip_suffix('s').unwrap_or(w).to_string();
    let (start, against) = words.iter().rev().find_map(|(at, w)| {
        if ADVANTAGE.contains(&stem(w)) || COMPARISON_PREFER.contains(w) {
            Some((*at, false))
        } else if DISADVANTAGE.contains(&stem(w)) {
            Some((*at, true))
        } else {
            None
        }
    })?;
    Some((r.original(start, b.end).trim().to_string(), against))
}

/// The comparative before "than" at folded byte `than` ("much faster than"), from
/// the list or any "-er" word just before it.
fn comparative_before(r: &Folded, than: usize) -> Option<(String, bool)> {
    let mut window_start = than.saturating_sub(50);
    while !r.folded.is_char_boundary(window_start) {
        window_start += 1;
    }
    let comparative = COMPARATIVES
        .all_in(&r.folded[window_start..than])
        .last()
        .map(|c| c.start + window_start)
        .or_else(|| {
            // "-er than": the word just before.
            let before = r.folded[..than].trim_end();
            let start = before.rfind(' ').map_or(0, |i| i + 1);
            let word = &before[start..];
            (word.ends_with("er") && !NOT_COMPARATIVES.contains(word)).then_some(start)
        });
    // "not faster than B" favours neither side.
    let c = comparative.filter(|&c| !denied(&r.folded[..c]))?;
    let word = r.folded[c..].split(' ').next().unwrap_or("");
    Some((
        r.original(c, than).trim().to_string(),
        disfavours(r, c, word),
    ))
}

/// Whether the words just before a comparative deny it ("not faster", "no
/// better", "isn't much faster"). "Not only faster" still says faster.
fn denied(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let last = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    NEGATION.contains(last)
        || (NEGATION.contains(second) && !matches!(last, "only" | "just" | "merely"))
}

/// What stands after "than" (or "compared to") at folded byte `at`: `Some(Some(s))`
/// a subject, `Some(None)` every other ("than competing solutions"), `None` no
/// subject at all ("more than 1000 targets").
fn than_object(r: &Folded, at: usize) -> Option<Option<usize>> {
    let rest = r.folded[at..].trim_start();
    let start = r.folded.len() - rest.len();
    let mut words = rest.split(' ').peekable();
    let mut skipped = 0;
    while let Some(w) = words.peek() {
        if COMPARISON_FILLERS.contains(w) {
            skipped += w.len() + 1;
            words.next();
        } else {
            break;
        }
    }
    let from = start + skipped;
    if let Some((s, _)) = r
        .subjects()
        .find(|(_, m)| m.start >= start && m.start <= from + 1)
    {
        return Some(Some(s));
    }
    let next: Vec<&str> = r.folded[from..].split(' ').take(2).collect();
    let one = next.first().copied().unwrap_or("");
    let two = next.join(" ");
    if COMPARISON_OTHERS.contains(one) || COMPARISON_OTHERS.contains(&two) {
        return Some(None);
    }
    // "faster than script-based bundlers": a kind of thing, every other of it;
    // "more than 1000 targets" counts, and compares nothing.
    let phrase_end = r.folded[from..]
        .find([',', '.', ';', ':', '(', ')'])
        .map_or(r.folded.len(), |i| from + i);
    let words: Vec<&str> = r.folded[from..phrase_end].split_whitespace().collect();
    let plural = words.len() <= 4
        && words
            .last()
            .is_some_and(|w| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
        && !words
            .iter()
            .any(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    plural.then_some(None)
}

/// Whether the comparative `word` at folded byte `at` speaks against the
/// sentence's subject: "slower", "harder"; "needs more CPU", "higher costs"; but
/// "requires less RAM", "fewer bugs" are for it.
fn disfavours(r: &Folded, at: usize, word: &str) -> bool {
    let after: Vec<&str> = r.folded[at + word.len()..]
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .take(2)
        .collect();
    let cost_after = after.first().is_some_and(|w| COMPARISON_COSTS.contains(w))
        || COMPARISON_COSTS.contains(&after.join(" "));
    let mut before = r.folded[..at]
        .split(' ')
        .rev()
        .filter(|w| !w.is_empty())
        .skip_while(|w| COMPARISON_FILLERS.contains(w) || w.ends_with('x'));
    let consuming = before
        .next()
        .is_some_and(|w| COMPARISON_CONSUMING.contains(w));
    let less = matches!(word, "less" | "fewer" | "lower" | "smaller");
    let more = matches!(word, "more" | "higher" | "greater" | "larger" | "bigger");
    if (less || more) && (consuming || cost_after) {
        return more;
    }
    if word == "more" {
        return after.first().is_some_and(|w| NEGATIVE.contains(w));
    }
    COMPARATIVES_AGAINST.contains(word)
}

/// In a pros-and-cons item, a subject named only to be compared against gets the
/// other polarity ("Unlike X's monolithic approach, Y is ...": a con of X), or the
/// same one after "similar to".
pub fn compared_sides(
    r: &Folded,
    subjects: &[usize],
    polarity: i32,
    topic: &Topic,
) -> Vec<RowDraft> {
    let mut out = Vec::new();
    for (other, m) in r.subjects().filter(|(i, _)| !subjects.contains(i)) {
        let before = &r.folded[..m.start];
        let same = COMPARED_ALIKE
            .all()
            .iter()
            .any(|p| before.trim_end().ends_with(p));
        let opposite = COMPARED_UNLIKE
            .all()
            .iter()
            .any(|c| !find_phrase(before, c).is_empty());
        let p = if same {
            polarity
        } else if opposite {
            -polarity
        } else {
            continue;
        };
        let kind = if p > 0 { Kind::Pro } else { Kind::Con };
        out.push(RowDraft::new(
            other,
            kind,
            topic.clone(),
            r.body_text(),
            INFERRED,
        ));
    }
    out
}

/// The first `n` words of `text`.
fn words_prefix(text: &str, n: usize) -> String {
    text.split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}
