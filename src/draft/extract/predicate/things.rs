//! The things a verb of having names ("X, Y (experimental) and Z"), each with the
//! note that limits it.

use super::Clause;
use crate::draft::cues::LIMITED;
use crate::text::english::{
    COMPARATIVES_BEFORE_THAN, LIMITATION, LIST_JOINERS, LIST_STOPS, PREDICATE_DETERMINERS,
    PREDICATE_THING_STOPS,
};

/// A thing a verb of having names, and the bytes of the note that limits it
/// ("(experimental)" after it), if any.
pub(super) struct Thing {
    pub(super) name: String,
    pub(super) limited_by: Option<(usize, usize)>,
}

impl Thing {
    pub(super) fn named(name: String) -> Self {
        Thing {
            name,
            limited_by: None,
        }
    }
}

impl Clause<'_, '_> {
    /// The things a verb of having names from token `from` ("X, Y and Z", or the
    /// examples after "such as": "many features, such as X and Y") and the token
    /// where their names end, each thing with the note that limits it, if any: a
    /// parenthesis right after its name holding a limiting word ("HTTP/2
    /// (experimental)"); the list goes on after such a note.
    pub(super) fn things_noted(&self, from: usize) -> (Vec<Thing>, usize) {
        let mut from = self.skip(from, &PREDICATE_DETERMINERS);
        let mut out: Vec<Thing> = Vec::new();
        let mut current: Vec<&str> = Vec::new();
        let mut k = from;
        let end = self.toks.len();
        while k < end && out.len() < 6 {
            let w = self.w(k);
            if self.toks[k].punct {
                if w == "," {
                    // "many features, such as X": the examples name them.
                    if self.w(k + 1) == "such" && self.w(k + 2) == "as" {
                        out.clear();
                        current.clear();
                        from = k + 3;
                        k = from;
                        continue;
                    }
                    if !current.is_empty() {
                        out.push(Thing::named(current.join(" ")));
                        current.clear();
                    }
                    if self.subject_at(k + 1).is_some() {
                        break;
                    }
                    k += 1;
                    continue;
                }
                if w == "/" || w == "&" {
                    k += 1;
                    continue;
                }
                if w == "("
                    && !current.is_empty()
                    && let Some(close) = (k + 1..end).find(|&c| self.w(c) == ")")
                    && LIMITED.any_in(&self.r.folded[self.toks[k].start..self.toks[close].end])
                {
                    let mut thing = Thing::named(current.join(" "));
                    thing.limited_by = Some((self.toks[k].start, self.toks[close].end));
                    out.push(thing);
                    current.clear();
                    k = close + 1;
                    continue;
                }
                break;
            }
            if (w == "such" && self.w(k + 1) == "as") || w == "including" || w == "like" {
                out.clear();
                current.clear();
                k += if w == "such" { 2 } else { 1 };
                continue;
            }
            if LIST_JOINERS.contains(w) {
                if !current.is_empty() {
                    out.push(Thing::named(current.join(" ")));
                    current.clear();
                }
                k += 1;
                continue;
            }
            // "plug-in": a stop word joined to the word before is part of it.
            let joined = !current.is_empty() && self.r.hyphenated(self.toks[k].start);
            if !joined && (LIST_STOPS.contains(w) || PREDICATE_THING_STOPS.contains(w)) {
                break;
            }
            if current.is_empty()
                && let Some(n) = self.at(k, &PREDICATE_DETERMINERS)
            {
                k += n;
                continue;
            }
            if current.len() < 4 {
                current.push(w);
            }
            k += 1;
        }
        if !current.is_empty() {
            out.push(Thing::named(current.join(" ")));
        }
        // "supports a smaller range of X" compares; "has no limitations on X" has X.
        out.retain(|t| {
            let p = &t.name;
            let first = p.split(' ').next().unwrap_or("");
            !p.is_empty()
                && !COMPARATIVES_BEFORE_THAN.contains(first)
                && !LIMITATION.contains(first.trim_end_matches('s'))
        });
        (out, k)
    }
}
