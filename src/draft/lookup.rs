//! The catalogue as a sentence reader asks it: which subjects a text names, what
//! a subject or topic is called, which topic answers to some cue words, which
//! category a new topic goes in. It does not change while an article is read.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::draft::catalogue::Catalogue;
use crate::draft::context::Context;
use crate::draft::matcher::{Matcher, Target, find_phrase};
use crate::draft::row::Topic;
use crate::names::fold;
use crate::text::english::Words;
use crate::text::fold::fold_mapped;

pub struct Lookup<'c> {
    pub cat: &'c Catalogue,
    pub matcher: &'c Matcher,
    /// Each category with its names folded.
    category_keys: Vec<(String, Vec<String>)>,
    /// `topic_by_cues` answers, by list: the catalogue does not change.
    cue_topics: RefCell<HashMap<&'static str, Option<usize>>>,
}

impl<'c> Lookup<'c> {
    pub fn new(cat: &'c Catalogue, matcher: &'c Matcher) -> Lookup<'c> {
        let category_keys = cat
            .categories
            .iter()
            .map(|c| {
                let keys = c.aliases.iter().chain([&c.name]).map(|a| fold(a)).collect();
                (c.name.clone(), keys)
            })
            .collect();
        Lookup {
            cat,
            matcher,
            category_keys,
            cue_topics: RefCell::default(),
        }
    }

    /// The subjects `text` names, in the order it first names them.
    pub fn subjects_named(&self, text: &str) -> Vec<usize> {
        let (folded, _) = fold_mapped(text);
        let mut out = Vec::new();
        for m in self.matcher.mentions(&folded) {
            if let Target::Subject(i) = m.target
                && !out.contains(&i)
            {
                out.push(i);
            }
        }
        out
    }

    /// The subjects a table's column heading names, where it opens with one
    /// ("Zapper", "Zapper 2.0"): "Time % to Zapper" heads figures measured
    /// against Zapper, of the subject each row names.
    pub fn column_subjects(&self, column: &str) -> Vec<usize> {
        let (folded, _) = fold_mapped(column);
        let opens =
            self.matcher.mentions(&folded).into_iter().any(|m| {
                matches!(m.target, Target::Subject(_)) && folded[..m.start].trim().is_empty()
            });
        if opens {
            self.subjects_named(column)
        } else {
            Vec::new()
        }
    }

    /// The subject the whole of `name` names, if it is one subject's name.
    pub fn subject_whole(&self, name: &str) -> Option<usize> {
        let (folded, _) = fold_mapped(name);
        self.matcher
            .mentions(&folded)
            .into_iter()
            .find_map(|m| match m.target {
                Target::Subject(i) if m.start == 0 && m.end == folded.len() => Some(i),
                _ => None,
            })
    }

    /// The topic the whole of `label` names (its words are the alias's words,
    /// a last character aside: "Replicas", not "Fast builds" for "fast").
    pub fn topic_whole(&self, label: &str) -> Option<usize> {
        let (folded, _) = fold_mapped(label.trim());
        self.matcher
            .mentions(&folded)
            .into_iter()
            .find_map(|m| match m.target {
                Target::Topic(i) if m.start == 0 && m.end >= folded.len().saturating_sub(1) => {
                    Some(i)
                }
                _ => None,
            })
    }

    /// The first topic `text` names.
    pub fn topic_named(&self, text: &str) -> Option<usize> {
        let (folded, _) = fold_mapped(text);
        self.matcher
            .mentions(&folded)
            .into_iter()
            .find_map(|m| match m.target {
                Target::Topic(i) => Some(i),
                Target::Subject(_) => None,
            })
    }

    /// True when the whole of `name` (but a last character) is a subject or topic
    /// the catalogue knows.
    pub fn knows(&self, name: &str) -> bool {
        let (folded, _) = fold_mapped(name);
        self.matcher
            .mentions(&folded)
            .iter()
            .any(|m| m.start == 0 && m.end >= folded.len().saturating_sub(1))
    }

    /// The category a heading names, if any.
    pub fn category_named(&self, folded: &str) -> Option<String> {
        self.category_keys
            .iter()
            .find(|(_, keys)| keys.iter().any(|k| !find_phrase(folded, k).is_empty()))
            .map(|(name, _)| name.clone())
    }

    pub fn subject_name(&self, subject: usize) -> &str {
        &self.cat.subjects[subject].name
    }

    /// The subject as the article writes it, for statements.
    pub fn display(&self, subject: usize) -> &str {
        let entry = &self.cat.subjects[subject];
        if entry.proposed {
            &entry.aliases[0]
        } else {
            &entry.name
        }
    }

    pub fn topic_name(&self, topic: &Topic) -> String {
        match topic {
            Topic::Known(i) => self.cat.topics[*i].name.clone(),
            Topic::New(name, _) => name.clone(),
        }
    }

    /// The topic whose aliases include one of `cues`.
    pub fn topic_by_cues(&self, cues: &'static Words) -> Option<usize> {
        let mut cache = self.cue_topics.borrow_mut();
        *cache.entry(cues.name).or_insert_with(|| {
            let keys: Vec<String> = cues.all().iter().map(|c| fold(c)).collect();
            self.cat.topics.iter().position(|t| {
                t.aliases
                    .iter()
                    .chain([&t.name])
                    .any(|a| keys.contains(&fold(a)))
            })
        })
    }

    /// The category for a new topic: the section's, else the one answering to `cue`,
    /// else the catalogue's first.
    pub fn category_for(&self, cue: &str, ctx: &Context) -> String {
        if let Some(c) = &ctx.category {
            return c.clone();
        }
        let key = fold(cue);
        self.category_keys
            .iter()
            .find(|(_, keys)| keys.contains(&key))
            .or(self.category_keys.first())
            .map(|(name, _)| name.clone())
            .unwrap_or_default()
    }
}
