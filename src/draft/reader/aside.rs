//! Sentences that are about no subject of the page: the writers' own story or
//! view, and a paragraph about another thing the page names ("[Quoxel](…) is
//! …") with the "it" sentences after it.

use super::Reader;
use crate::draft::context::{Context, SectionKind, Sentence};
use crate::draft::folded::Folded;
use crate::names::fold;
use crate::text::english::{FIRST_PERSON_VIEWS, PREDICATE_PRONOUNS};

impl Reader<'_> {
    /// True when sentence `r` is about another thing than the page's subjects
    /// (see [`Reader::elsewhere`]): it is read no further.
    pub(super) fn aside(&mut self, r: &Folded, ctx: &Context) -> bool {
        let s = r.s;
        if s.listed && s.cell.is_none() {
            if s.first {
                self.linked_entry = self.linked_entry_of_other(r, ctx);
            }
            if self.linked_entry {
                return true;
            }
        }
        // A list item is one of its list's things, under the list's subject.
        if s.cell.is_none() && s.label_len == 0 && !s.listed {
            // "Zapper ...", "Built in Zed, Zapper ...": a subject opens it, or
            // follows a short lead and its comma.
            let opens_with_subject = r.subjects().next().is_some_and(|(_, m)| {
                let lead = r.folded[r.body..m.start].trim();
                lead.is_empty() || (lead.ends_with(',') && lead.split_whitespace().count() <= 5)
            });
            if opens_with_subject {
                self.elsewhere = false;
            } else if other_name_opens(r, ctx) && !self.links_to_heading(r, ctx) {
                self.elsewhere = true;
                self.focus.clear();
                return true;
            } else if self.elsewhere && opens_with_pronoun(r) {
                return true;
            }
        }
        false
    }

    /// True when a list item opens with a link to a named thing that is no
    /// subject, set apart from what the item says of it ("- [Quoxel](…): a
    /// generator", "- [`quoxel`][q] - a generator", "- [Quoxel](…)"): the item is
    /// an entry of a list of other things (demos, examples, projects built on the
    /// page's product, articles), and says nothing of the subject in focus. Not
    /// under a features heading ("- [Write batches](…)" is the product's), nor
    /// under a list intro that says whose the items are or what they are ("Alpha
    /// offers these extensions:").
    fn linked_entry_of_other(&self, r: &Folded, ctx: &Context) -> bool {
        let introduced =
            ctx.intro_subject.is_some() || ctx.intro_stance.is_some() || ctx.intro_kind.is_some();
        if introduced || ctx.kind == Some(SectionKind::Feature) {
            return false;
        }
        let quote = r
            .s
            .quote
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '+' | '>'));
        let Some(rest) = quote.strip_prefix('[') else {
            return false;
        };
        // The first link's text ends at the first "](" or "][": a later inline
        // link is not the one the item opens with.
        let Some(close) = rest
            .match_indices(']')
            .map(|(i, _)| i)
            .find(|&i| matches!(rest.as_bytes().get(i + 1), Some(b'(' | b'[')))
        else {
            return false;
        };
        let text = &rest[..close];
        let named =
            text.starts_with(|c: char| c.is_uppercase() || c == '`') || text.starts_with("http");
        let text = text.trim_matches(|c: char| c == '`' || c.is_whitespace());
        let target_end = rest[close + 2..].find([')', ']']).map(|i| close + 3 + i);
        let Some(after) = target_end.map(|i| rest[i..].trim_start()) else {
            return false;
        };
        let set_apart =
            after.is_empty() || after.starts_with([':', ',', '–', '—']) || after.starts_with("- ");
        set_apart && named && !text.is_empty() && self.lookup.subject_whole(text).is_none()
    }

    /// True when the section's heading is a subject's name ("## Quoxel") and the
    /// link opening the sentence is to that subject's own page
    /// ("[https://example.com/quoxel](…)"), not to another thing ("[Zed](…)").
    fn links_to_heading(&self, r: &Folded, ctx: &Context) -> bool {
        let heading = crate::text::blocks::without_anchor(&ctx.section).trim();
        let link = r.s.quote.split(')').next().unwrap_or("").to_lowercase();
        let name: String = heading.to_lowercase().split_whitespace().collect();
        self.lookup.subject_whole(heading).is_some() && !name.is_empty() && link.contains(&name)
    }

    /// True when a sentence is its writer's own story or view: "I ..." ("I wanted
    /// to try out some ideas"), or "we" with a verb of belief or intent ("We believe
    /// ...", "We don't want users to ...", `first_person_views.txt`). It claims
    /// nothing of a subject.
    pub(super) fn writers_view(s: &Sentence) -> bool {
        // Only the first words count: the sentence is folded a piece at a time
        // between its white space (white space folds to a word break, and
        // folding is one character at a time), as far as the words are read.
        let mut words = s.text[s.label_len.min(s.text.len())..]
            .split(char::is_whitespace)
            .flat_map(|piece| {
                fold(piece)
                    .split(|c: char| !c.is_alphanumeric() && c != '\'')
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            });
        match words.next().as_deref() {
            Some("i") => true,
            Some("we") => words
                .find(|w| {
                    !matches!(
                        w.as_str(),
                        "also" | "really" | "do" | "don't" | "dont" | "not" | "all"
                    )
                })
                .is_some_and(|w| FIRST_PERSON_VIEWS.contains(&w)),
            _ => false,
        }
    }
}

/// True when a sentence opens with a name that is no subject: its source opens
/// with a link to it ("[Quoxel](…) is …", "[https://quoxel.example](…)"), or its first word is the name its
/// section's heading gives ("### quoxel", "quoxel is …"). What it says is of
/// that thing.
fn other_name_opens(r: &Folded, ctx: &Context) -> bool {
    let quote =
        r.s.quote
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '+' | '>'));
    // A link whose text is a name or an address ("[Quoxel](…)", "[https://…]"),
    // not a word of the sentence ("[route](…) logs with one tool").
    if let Some(text) = quote.strip_prefix('[')
        && (text.starts_with(char::is_uppercase) || text.starts_with("http"))
    {
        return true;
    }
    let first = |text: &str| {
        fold(text)
            .split_whitespace()
            .next()
            .map(str::to_string)
            .unwrap_or_default()
    };
    let section = first(crate::text::blocks::without_anchor(&ctx.section));
    let heading_words = ctx.section.split_whitespace().count();
    !section.is_empty() && heading_words <= 4 && first(r.body_text()) == section
}

/// True when a sentence opens with "it" or "they" (`predicate_pronouns.txt`).
fn opens_with_pronoun(r: &Folded) -> bool {
    let body = r.body_folded();
    let word = body.split_whitespace().next().unwrap_or("");
    let word = word.strip_suffix("'s").unwrap_or(word);
    PREDICATE_PRONOUNS.contains(word) || word == "its"
}
