//! The signals around the names of a question: what kind of answer it asks for
//! (a list, through the ordered [`LIST_CUES`]), its polarity ("lacks", "built in"),
//! a comparison, advice, a fact. Every word it looks for is one of the English lists
//! in src/text/english.

use crate::ask::intent::{ListKind, Reading};
use crate::ask::words::said;
use crate::text::english::inflect::{comparative_bases, singular};
use crate::text::english::{self, Words};

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
pub fn signals(words: &[String], r: &mut Reading) {
    let first = words.first().map(String::as_str).unwrap_or("");
    let singulars: Vec<String> = words.iter().map(|w| singular(w)).collect();
    let w = &singulars;
    let is = |list: &Words, word: &str| list.contains(word);

    r.yes_no = is(&english::YES_NO_OPENERS, first);
    r.which = said(words, &english::WHICH) && !said(words, &english::WHAT_ABOUT);
    r.both = said(words, &english::EVERY);

    // "doesn't have", "not built in", "lacks", "without", "has no"
    let negated_having = words.iter().enumerate().any(|(i, word)| {
        is(&english::NEGATION, word)
            && (is(&english::LACKING, word)
                || i > 0 && is(&english::HAVING, &words[i - 1])
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ask::words::tokens;

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
            let mut r = Reading::default();
            signals(&tokens(question), &mut r);
            assert_eq!(r.list, Some(kind), "{question}");
        }
    }
}
