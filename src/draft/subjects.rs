//! Which subjects a sentence is about: the first it names that is not only
//! compared against, with any named alongside it ("A, B and C"); every subject of
//! the article for "both"; the two sides of a verdict that names none.

use crate::draft::context::Context;
use crate::draft::cues::AGAINST;
use crate::draft::folded::Folded;
use crate::draft::lookup::Lookup;
use crate::draft::matcher::Mention;
use crate::text::english::{COORDINATORS, EVERY_SUBJECT, VERSUS};

/// Where `text` first holds `word` with a space either side, as
/// `text.find(&format!(" {word} "))` says, without writing that needle (a
/// sentence is asked this of each word of a list).
fn find_spaced(text: &str, word: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b' ', bytes).find(|&at| {
        let after = at + 1 + word.len();
        text[at + 1..].starts_with(word) && bytes.get(after) == Some(&b' ')
    })
}

/// The subjects a sentence is about; `seen` holds the subjects of the article in
/// the order it first names them.
pub fn primary_subjects(r: &Folded, seen: &[usize]) -> Vec<usize> {
    let head = r.body_folded();
    let mut end = head.len().min(40);
    while !head.is_char_boundary(end) {
        end -= 1;
    }
    let head = &head[..end];
    // "Both are ...": every subject; but "Unlike both A and B, C ..." is about C.
    let every = EVERY_SUBJECT.all().iter().find_map(|b| {
        if head.starts_with(b) {
            Some(0)
        } else {
            find_spaced(head, b)
        }
    });
    let against_before = every.is_some_and(|at| AGAINST.any_in(&head[..at]));
    // "Both A and B ...": the sentence names them itself. "Both systems ..." on a
    // page of many subjects says which two only through its context.
    let mut named = r.subjects().map(|(i, _)| i);
    let names_two = named.next().is_some_and(|first| named.any(|i| i != first));
    if every.is_some() && !against_before && !names_two && seen.len() == 2 {
        return seen.to_vec();
    }
    let named: Vec<(usize, &Mention)> = r.subjects().collect();
    let Some(first) = named.iter().position(|(_, m)| !compared_against(r, m)) else {
        return Vec::new();
    };
    let mut out = vec![named[first].0];
    let mut last = named[first].1;
    for (i, m) in &named[first + 1..] {
        if m.start < last.end {
            continue;
        }
        let between = r.folded[last.end..m.start]
            .trim_start_matches("'s")
            .trim_matches(|c: char| c == ',' || c == ' ' || c == '.');
        let joined =
            between.is_empty() || COORDINATORS.contains(between) || VERSUS.contains(between);
        if !joined {
            break;
        }
        if !out.contains(i) {
            out.push(*i);
        }
        last = m;
    }
    out
}

/// True when the subject named at `m` is only the side compared against ("faster
/// than B"): a marker stands in its clause, at most three words before it.
fn compared_against(r: &Folded, m: &Mention) -> bool {
    let before = &r.folded[..m.start];
    let (clause_start, _) = r.clause(m.start);
    let mut from = clause_start.max(before.len().saturating_sub(30));
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let window = &before[from..];
    AGAINST
        .all_in(window)
        .last()
        .is_some_and(|f| window[f.end..].split_whitespace().count() <= 3)
}

/// The two sides a verdict that names none is about: the two the heading names
/// ("Is A cheaper than B?"), else the two the article names.
pub fn verdict_sides(lookup: &Lookup, ctx: &Context, seen: &[usize]) -> Vec<usize> {
    let heading = lookup.subjects_named(&ctx.section);
    if heading.len() == 2 {
        heading
    } else if seen.len() == 2 {
        seen.to_vec()
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// The spaced word is found where the needle written out is.
        #[test]
        fn find_spaced_finds_what_the_needle_finds(text in "[ ab]{0,12}", word in "[ab]{0,3}") {
            proptest::prop_assert_eq!(
                super::find_spaced(&text, &word),
                text.find(&format!(" {word} "))
            );
        }
    }
}
