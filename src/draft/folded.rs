//! A sentence as `draft` reads it: folded for matching (`text::fold`), with the
//! subjects and topics it names, where its clauses begin and end, and the way
//! back from folded bytes to the sentence as written.

use crate::draft::context::Sentence;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::draft::cues::{CLAUSE_MARKS, keep_scan, scan_sentence, scanned};
use crate::draft::extract::tokens::{Tok, keep_reading, tokens};
use crate::draft::matcher::{Matcher, Mention, Target};
use crate::text::fold::fold_mapped;

/// What [`Folded`] holds of a sentence that depends on its text alone (and the
/// page's matcher): done ahead of the walk on another core, on a long page.
pub struct Prepared {
    /// The sentence's text, where it lives: the walk's sentence it is for.
    text: (usize, usize),
    label_len: usize,
    folded: String,
    map: Vec<usize>,
    body: usize,
    mentions: Vec<Mention>,
    marks: Vec<(usize, usize)>,
    /// Folded ahead: the cue lists' scan of it, and the tokens of its body.
    hits: Option<Vec<(usize, usize, usize)>>,
    tokens: Vec<Tok>,
}

impl Prepared {
    /// The folding of `text` (with a label of `label_len` bytes), scanned for the
    /// cue lists; `ahead`: for another thread, which takes the scan and the
    /// body's tokens with it.
    pub fn new(text: &str, label_len: usize, matcher: &Matcher, ahead: bool) -> Prepared {
        let (folded, map) = fold_mapped(text);
        // The cue lists' questions about this sentence read one scan of it.
        scan_sentence(&folded);
        let body = map.partition_point(|&o| o < label_len);
        let mut mentions = matcher.mentions(&folded);
        mentions.retain(|m| match m.target {
            Target::Subject(i) if matcher.cased(i) => text[map[m.start]..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase),
            _ => true,
        });
        let marks = CLAUSE_MARKS
            .all_in(&folded)
            .into_iter()
            .map(|f| (f.start, f.end))
            .collect();
        let (hits, tokens) = if ahead {
            (scanned(&folded), tokens(&folded, body))
        } else {
            (None, Vec::new())
        };
        Prepared {
            text: (text.as_ptr() as usize, text.len()),
            label_len,
            folded,
            map,
            body,
            mentions,
            marks,
            hits,
            tokens,
        }
    }
}

/// The sentences folded ahead ([`crate::draft::walk::fold_ahead`]), as they
/// arrive; a sentence not (yet) among them is folded where it is read.
#[derive(Default)]
pub struct Ahead {
    from: Option<std::sync::mpsc::Receiver<Vec<Prepared>>>,
    ready: std::collections::HashMap<(usize, usize, usize), Prepared>,
    /// The block the walk reads, for the folding to skip those it has passed (a
    /// core busy with other work may fall behind).
    walk_at: Option<std::sync::Arc<AtomicUsize>>,
}

impl Ahead {
    pub fn new(
        from: std::sync::mpsc::Receiver<Vec<Prepared>>,
        walk_at: std::sync::Arc<AtomicUsize>,
    ) -> Ahead {
        Ahead {
            from: Some(from),
            ready: Default::default(),
            walk_at: Some(walk_at),
        }
    }

    /// The walk reads the block at `i` of the page.
    pub fn walking(&self, i: usize) {
        if let Some(at) = &self.walk_at {
            at.store(i, Ordering::Relaxed);
        }
    }

    /// The folding of `s`, if done ahead: the same text, in the same place (the
    /// page's blocks do not move while it is read), with the same label.
    fn take(&mut self, s: &Sentence) -> Option<Prepared> {
        let from = self.from.as_ref()?;
        let key = (s.text.as_ptr() as usize, s.text.len(), s.label_len);
        if let Some(p) = self.ready.remove(&key) {
            return Some(p);
        }
        while let Ok(batch) = from.try_recv() {
            let mut found = None;
            for p in batch {
                let at = (p.text.0, p.text.1, p.label_len);
                if at == key {
                    found = Some(p);
                } else {
                    self.ready.insert(at, p);
                }
            }
            if found.is_some() {
                return found;
            }
        }
        None
    }
}

/// A sentence folded, with what it names.
pub struct Folded<'s> {
    pub s: &'s Sentence<'s>,
    pub folded: String,
    /// The byte offset in `s.text` of each byte of `folded`, and of its end.
    map: Vec<usize>,
    /// Where the body starts in `folded` (after "Label: ").
    pub body: usize,
    mentions: Vec<Mention>,
    /// Where clause boundaries stand in `folded`: (start, end) of each mark.
    marks: Vec<(usize, usize)>,
}

impl<'s> Folded<'s> {
    pub fn new(s: &'s Sentence<'s>, matcher: &Matcher) -> Folded<'s> {
        Folded::prepared(s, Prepared::new(s.text, s.label_len, matcher, false))
    }

    /// Sentence `s` with its folding done: the one [`Ahead`] holds for it, or
    /// done now.
    pub fn new_ahead(s: &'s Sentence<'s>, matcher: &Matcher, ahead: &mut Ahead) -> Folded<'s> {
        match ahead.take(s) {
            Some(prepared) => {
                // The cue lists' questions about this sentence read one scan of
                // it, the one made where it was folded; its tokens are read once.
                match &prepared.hits {
                    Some(hits) => keep_scan(&prepared.folded, hits),
                    None => scan_sentence(&prepared.folded),
                }
                keep_reading(&prepared.folded, prepared.body, &prepared.tokens);
                Folded::prepared(s, prepared)
            }
            None => Folded::new(s, matcher),
        }
    }

    fn prepared(s: &'s Sentence<'s>, p: Prepared) -> Folded<'s> {
        Folded {
            s,
            folded: p.folded,
            map: p.map,
            body: p.body,
            mentions: p.mentions,
            marks: p.marks,
        }
    }

    /// The folded body (the text after "Label: ").
    pub fn body_folded(&self) -> &str {
        &self.folded[self.body..]
    }

    /// The clause of `folded` around byte `at`, as (start, end).
    pub fn clause(&self, at: usize) -> (usize, usize) {
        let mut start = 0;
        let mut end = self.folded.len();
        for &(s, e) in &self.marks {
            if e <= at {
                start = start.max(e);
            } else if s >= at {
                end = end.min(s);
            }
        }
        (start, end)
    }

    /// The subjects named, in order, with where they stand.
    pub fn subjects(&self) -> impl Iterator<Item = (usize, &Mention)> {
        self.mentions.iter().filter_map(|m| match m.target {
            Target::Subject(i) => Some((i, m)),
            Target::Topic(_) => None,
        })
    }

    /// The topics named, in order, with where they stand.
    pub fn topics(&self) -> impl Iterator<Item = (usize, &Mention)> {
        self.mentions.iter().filter_map(|m| match m.target {
            Target::Topic(i) => Some((i, m)),
            Target::Subject(_) => None,
        })
    }

    /// True when the topic mention `m` lies inside a subject's name.
    pub fn inside_a_subject(&self, m: &Mention) -> bool {
        self.subjects()
            .any(|(_, s)| s.start <= m.start && m.end <= s.end)
    }

    /// The original text of folded bytes `from..to`.
    pub fn original(&self, from: usize, to: usize) -> &str {
        if from >= to {
            return "";
        }
        &self.s.text[self.map[from]..self.map[to]]
    }

    /// The original text from folded byte `from` to the end.
    pub fn original_from(&self, from: usize) -> &str {
        &self.s.text[self.map[from]..]
    }

    /// Whether folded byte `at` starts the second half of a hyphenated word
    /// ("cloud-native" is no "native" cue).
    pub fn hyphenated(&self, at: usize) -> bool {
        self.map
            .get(at)
            .is_some_and(|&o| self.s.text[..o].ends_with('-'))
    }

    /// The sentence without its label, as written: the statement of most rows.
    pub fn body_text(&self) -> &str {
        self.s.text[self.s.label_len..].trim()
    }

    /// The "Label" of "Label: text", as written.
    pub fn label(&self) -> Option<&str> {
        (self.s.label_len > 0).then(|| self.s.text[..self.s.label_len - 1].trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::catalogue::{Catalogue, Entry};
    use crate::draft::walk::{block_sentences, fold_ahead};
    use crate::text::blocks::{BlockKind, Format, blocks};

    fn entry(name: &str, aliases: &[&str]) -> Entry {
        Entry {
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            category: String::new(),
            proposed: false,
        }
    }

    /// The sentences folded ahead are those the walk reads, folded as it folds
    /// them; a sentence with another label, or other text, is folded where read.
    #[test]
    fn sentences_folded_ahead_are_those_read() {
        let catalogue = Catalogue {
            subjects: vec![entry("alpha", &["Alpha"]), entry("beta", &["Beta DB"])],
            topics: vec![entry("speed", &["fast"])],
            categories: vec![],
        };
        let matcher = Matcher::new(&catalogue, false);
        let page = "# Alpha vs Beta DB\n\nAlpha is fast. Beta DB is not, but it scales.\n\n\
                    - Speed: Alpha wins. Beta DB loses.\n- zapctl runs it\n\n\
                    | a | b |\n|---|---|\n| Alpha | fast |\n";
        let blocks = blocks(page, Format::Markdown);
        let (to, from) = std::sync::mpsc::channel();
        let walk_at = std::sync::Arc::new(AtomicUsize::new(0));
        fold_ahead(&blocks, &[], &matcher, to, &walk_at);
        let mut ahead = Ahead::new(from, walk_at);
        let mut read = 0;
        for block in &blocks {
            if !matches!(
                block.kind,
                BlockKind::Paragraph | BlockKind::ListItem { .. }
            ) {
                continue;
            }
            for (_, (start, end), label_len) in block_sentences(block, &[]) {
                let text = &block.rendered.text[start..end];
                let s = sentence(text, label_len);
                // Another label is another folding: not the one done ahead.
                let other = sentence(text, label_len + 1);
                assert!(ahead.take(&other).is_none(), "{text}");
                let here = Folded::new(&s, &matcher);
                let here_hits = crate::draft::cues::scanned(&here.folded);
                let here_tokens = tokens(&here.folded, here.body);
                assert!(
                    ahead
                        .ready
                        .contains_key(&(text.as_ptr() as usize, text.len(), label_len))
                );
                let there = Folded::new_ahead(&s, &matcher, &mut ahead);
                assert_eq!(there.folded, here.folded);
                assert_eq!(there.map, here.map);
                assert_eq!(there.body, here.body);
                assert_eq!(there.mentions, here.mentions);
                assert_eq!(there.marks, here.marks);
                // Its scan and tokens, made there, are read here.
                assert!(here_hits.is_some());
                assert_eq!(crate::draft::cues::scanned(&there.folded), here_hits);
                assert_eq!(
                    format!("{:?}", tokens(&there.folded, there.body)),
                    format!("{here_tokens:?}")
                );
                assert!(!ahead.ready.contains_key(&(
                    text.as_ptr() as usize,
                    text.len(),
                    label_len
                )));
                // The same words elsewhere are no sentence of the page.
                let copy = text.to_string();
                assert!(ahead.take(&sentence(&copy, label_len)).is_none());
                read += 1;
            }
        }
        assert_eq!(read, 5);
    }

    fn sentence(text: &str, label_len: usize) -> Sentence<'_> {
        Sentence {
            text,
            label_len,
            quote: text,
            line_start: 1,
            line_end: 1,
            listed: false,
            first: true,
            cell: None,
        }
    }
}
