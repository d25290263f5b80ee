//! Which topic a claim is about: one the sentence (or its label, or its heading)
//! names, or a new one named after the label or after the things a sentence
//! lists ("support for arrays, full-text search and window functions").

use crate::draft::context::Context;
use crate::draft::folded::Folded;
use crate::draft::lookup::Lookup;
use crate::draft::row::Topic;
use crate::draft::slug::{ascii_name, new_topic_name};
use crate::model::Kind;
use crate::text::english::{ARTICLES, GENERIC_THINGS, LIST_FILLERS, LIST_JOINERS, LIST_STOPS};

/// The words a new topic's category is looked up by: the category answering to
/// them (`Lookup::category_for`).
pub const USE_CASES: &str = "use cases";
pub const FEATURES: &str = "features";
pub const DESIGN: &str = "design";

/// The name of the topic proposed for company claims when the catalogue has none.
pub const COMPANIES: &str = "companies";
/// The name of the topic proposed for a comparison that names none.
const OVERALL: &str = "overall";

/// The first topic named in the body that is not part of a subject's name.
pub fn body_topic(r: &Folded) -> Option<usize> {
    r.topics()
        .find(|(_, m)| m.start >= r.body && !r.inside_a_subject(m))
        .map(|(i, _)| i)
}

/// The topic of a listed or labelled claim of `kind`: the label's, the body's
/// first, or a new topic named after the label.
pub fn main_topic(lookup: &Lookup, r: &Folded, ctx: &Context, kind: Kind) -> Option<Topic> {
    if r.body > 0
        && let Some((i, _)) = r.topics().find(|(_, m)| m.end <= r.body)
    {
        return Some(Topic::Known(i));
    }
    if let Some(i) = body_topic(r) {
        return Some(Topic::Known(i));
    }
    let name = new_topic_name(r.label()?)?;
    let cue = match kind {
        Kind::UseCase => USE_CASES,
        Kind::Feature => FEATURES,
        _ => DESIGN,
    };
    Some(Topic::New(name, lookup.category_for(cue, ctx)))
}

/// The topic of a comparison: the sentence's, else its heading's, else "overall".
pub fn comparison_topic(lookup: &Lookup, r: &Folded, ctx: &Context) -> Topic {
    main_topic(lookup, r, ctx, Kind::Comparison)
        .or_else(|| lookup.topic_named(&ctx.section).map(Topic::Known))
        .unwrap_or_else(|| Topic::New(OVERALL.to_string(), lookup.category_for(DESIGN, ctx)))
}

/// The things listed at the start of `text` ("support for arrays, full-text search
/// and window functions." gives arrays, full-text-search, window-functions) as topic
/// names, and how many bytes of `text` the list took.
pub fn listed_phrases(text: &str) -> (Vec<String>, usize) {
    let end = text
        .find(['.', ';', ':', '(', '!', '?'])
        .unwrap_or(text.len());
    let mut names = Vec::new();
    let mut started = false;
    let mut current: Vec<String> = Vec::new();
    let mut used = 0;
    let mut stopped = false;
    for (at, raw) in text[..end].split_inclusive(' ').scan(0, |pos, w| {
        let at = *pos;
        *pos += w.len();
        Some((at, w))
    }) {
        let comma = raw.trim_end().ends_with(',');
        let word = raw
            .trim()
            .trim_matches(|c: char| matches!(c, ',' | '"' | '“' | '”' | '\''));
        let lower = word.to_lowercase();
        if word.is_empty() {
            continue;
        }
        if !started && LIST_FILLERS.contains(&lower) {
            continue;
        }
        if LIST_JOINERS.contains(&lower) {
            if !current.is_empty() {
                names.push(current.join("-"));
                current.clear();
            }
            continue;
        }
        if LIST_STOPS.contains(&lower) {
            stopped = true;
            used = at;
            break;
        }
        started = true;
        if !current.is_empty() || !ARTICLES.contains(&lower) {
            current.push(ascii_name(&lower, &[]));
        }
        if comma {
            names.push(current.join("-"));
            current.clear();
        }
    }
    if !current.is_empty() {
        names.push(current.join("-"));
    }
    if !stopped {
        used = end;
    }
    let mut names: Vec<String> = names
        .into_iter()
        .map(|n| {
            n.split('-')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect();
    names.retain(|n| {
        let words = n.split('-').filter(|w| !w.is_empty()).count();
        !GENERIC_THINGS.contains(n)
            && (1..=4).contains(&words)
            && n.chars().any(char::is_alphabetic)
    });
    (names, used)
}

#[cfg(test)]
mod tests {
    use super::listed_phrases;

    /// A list ends where a new clause begins: "supports caching and does not
    /// support clustering" lists caching only, never "does-not-support-clustering".
    #[test]
    fn a_list_ends_where_a_clause_with_its_own_verb_begins() {
        for (text, listed) in [
            (
                "resumable transfers and does not support Windows.",
                vec!["resumable-transfers"],
            ),
            ("caching, but doesn't include a scheduler.", vec!["caching"]),
            ("arrays and maps and has no sets.", vec!["arrays", "maps"]),
            (
                "arrays, full-text search and window functions.",
                vec!["arrays", "full-text-search", "window-functions"],
            ),
        ] {
            assert_eq!(listed_phrases(text).0, listed, "{text}");
        }
    }
}
