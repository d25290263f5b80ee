//! Facts with a value: who made a subject, when it came out, its licence, what it
//! is built on, and what the article calls it ("X is a lightweight framework").
//! Each needs a catalogue topic answering to its cue words.

use crate::draft::cues::{BASED_ON, IS_A, MADE_BY, RELEASE_VERBS};
use crate::draft::folded::Folded;
use crate::draft::lookup::Lookup;
use crate::draft::proper_names::{capitalised, names_at};
use crate::draft::row::{RowDraft, Topic};
use crate::model::Kind;
use crate::text::english::{
    IS_A_PLURAL, IS_A_VALUE_ENDS, MONTHS, TOPIC_BASED_ON, TOPIC_CREATOR, TOPIC_LICENSE,
    TOPIC_RELEASE,
};

/// The facts a sentence states about `subjects[0]`: (topic, value) rows.
pub fn facts(lookup: &Lookup, r: &Folded, subjects: &[usize]) -> Vec<RowDraft> {
    let subject = subjects[0];
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
