//! Names a page's headings give by their arrangement: sibling headings that
//! are each only a name ("### Zapper", "### Quillo"), and the word of a title
//! comparing a class that only says what the class is for ("Comparing Zed Test
//! Runners").

use super::words::clean;
use super::{KEPT_USING, Page, acronym, capital};
use crate::text::blocks::{Block, BlockKind};
use crate::text::english::{
    ARTICLES, FILLER, FUNCTION_WORDS, HEADING_SIDES, NOT_NAMES, SENTENCE_OPENERS,
    TITLE_CLASS_OPENERS, VERSUS,
};

/// A title's word without the marks around it ("`zed-io`", "Zapper:"), keeping
/// those inside and a leading "@" ("@zed/css").
fn title_word(word: &str) -> &str {
    word.trim_matches(|c: char| {
        matches!(
            c,
            '`' | '*' | '_' | '"' | '\'' | '(' | ')' | ':' | ',' | '!' | '?' | '.'
        )
    })
}

/// ":zap:": an emoji's shortcode, which a page's renderer shows as a picture.
fn shortcode(word: &str) -> bool {
    word.len() > 2
        && word.starts_with(':')
        && word.ends_with(':')
        && word[1..word.len() - 1]
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '+' | '-'))
}

/// True when some link of `source` ("https://host/owner/zap", "…/zap/tree/x")
/// has `word` for a whole part of its path.
fn links_to(source: &str, word: &str) -> bool {
    let part = format!("/{word}");
    // Each link is read once: a search back from every "/word" to the link's
    // start was quadratic on a line of them with no space.
    source
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | '<' | '"' | '[' | ']'))
        .filter_map(|link| link.find("://").map(|scheme| (link, scheme + 3)))
        .any(|(link, path)| {
            link[path..].match_indices(&part).any(|(i, _)| {
                let after = link[path + i + part.len()..].chars().next();
                after.is_none_or(|c| !c.is_alphanumeric() && !matches!(c, '-' | '_' | '.'))
            })
        })
}

/// A word written as no English word is: marks inside it ("zed-io", "@zed/css",
/// "zed.js") or a digit ("z80").
fn marked(word: &str) -> bool {
    word.char_indices()
        .any(|(i, c)| c == '@' || c.is_ascii_digit() || (i > 0 && "-/.".contains(c)))
}

impl Page {
    /// The name a page's title is ("# Zapper", "# zed-io", "# @zed/css", "# ZRK",
    /// "The Zapper build system"): after an article, one to three words each
    /// written as a name (a capital, or marks inside a word: "-", "/", "@", ".",
    /// a digit), followed only by words the page writes in lower case, and the
    /// prose uses the name again. A one-product page's title names its product,
    /// whatever its case or punctuation; an acronym counts here, where it is the
    /// whole title.
    pub(super) fn title_name(&self, title: &str, source: &str) -> Option<String> {
        let title = crate::text::blocks::without_anchor(title);
        let mut words: Vec<&str> = title
            .split_whitespace()
            .filter(|w| !shortcode(w))
            .map(title_word)
            .collect();
        if words
            .first()
            .is_some_and(|w| ARTICLES.contains(&w.to_lowercase()))
        {
            words.remove(0);
        }
        let named = |w: &str| {
            let lower = w.to_lowercase();
            w.chars().any(char::is_alphabetic)
                && (marked(w) || (capital(w) && (!self.common(w) || acronym(w))))
                && !NOT_NAMES.contains(&lower)
                && !FILLER.contains(&lower)
                && !SENTENCE_OPENERS.contains(&lower)
                && !FUNCTION_WORDS.contains(&lower)
        };
        let n = words.iter().take_while(|w| named(w)).count();
        if let [word] = words.as_slice()
            && n == 0
            && self.repository_named(word, source)
        {
            return Some(word.to_string());
        }
        if !(1..=3).contains(&n)
            || !words[n..]
                .iter()
                .all(|w| self.lower.contains_key(&w.to_lowercase()) && !named(w))
        {
            return None;
        }
        let name = words[..n].join(" ");
        // A word no English word looks like ("zed-io") may be used mostly in the
        // page's code and links ("cargo add zed-io"), the prose saying "this library".
        let used = self.mentions(&name) >= KEPT_USING
            || (n == 1 && marked(&name) && source.matches(name.as_str()).count() > KEPT_USING);
        used.then_some(name)
    }

    /// "# zap" over a page that links to "https://example.com/uber/zap": a title
    /// of one word in lower case, a part of a link's path on the page (its
    /// repository's name), that the prose keeps using and never capitalises
    /// mid-sentence names the page's product, though the prose also opens a
    /// sentence with it ("Zap takes ...") and never sets it as code.
    fn repository_named(&self, word: &str, source: &str) -> bool {
        let mut chars = word.chars();
        let capitalised: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        word.starts_with(char::is_lowercase)
            && word
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
            && !NOT_NAMES.contains(word)
            && !FILLER.contains(word)
            && !FUNCTION_WORDS.contains(word)
            && self.mentions(word) >= KEPT_USING
            && self
                .run(&capitalised)
                .is_none_or(|(_, mid, _, _)| *mid == 0)
            && links_to(source, word)
    }

    /// The capitalised words of a title comparing a class of things ("Comparing
    /// Zed Test Runners") that stand before the class's words the page writes in
    /// lower case: what the things are for, not one of them.
    pub(super) fn class_modifiers(&self, title: &str) -> Vec<String> {
        let words: Vec<&str> = title.split_whitespace().map(clean).collect();
        let Some(first) = words.first() else {
            return Vec::new();
        };
        if !TITLE_CLASS_OPENERS.contains(&first.to_lowercase()) {
            return Vec::new();
        }
        // A title naming sides ("Comparing Zapper and Quillo") names products.
        if words.iter().any(|w| {
            let w = w.to_lowercase();
            w == "and" || VERSUS.contains(&w) || HEADING_SIDES.contains(&w)
        }) {
            return Vec::new();
        }
        let last = words.last().copied().unwrap_or("");
        if !self.common(last) {
            return Vec::new();
        }
        words[1..]
            .iter()
            .take_while(|w| !self.common(w))
            .map(|w| w.to_string())
            .collect()
    }

    /// The names of sibling headings ("### Zapper", "### Quillo" under one
    /// heading): where at least two headings under the same parent, at the same
    /// level, are each only a name the prose keeps using, those headings name
    /// the page's subjects, an acronym ("ZRK") among them too.
    pub(super) fn sibling_names(&self, blocks: &[Block], source: &str) -> Vec<String> {
        // The headings grouped by (level, parent heading's index), the groups in
        // the order first seen. A heading's parent is the last one above it of a
        // lower level: the top of a stack of the headings no later one has
        // closed, kept so that a page of 100,000 headings is not searched back
        // once per heading.
        let mut levels: Vec<u8> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        let mut group_of: foldhash::HashMap<(u8, Option<usize>), usize> = Default::default();
        let mut groups: Vec<Vec<&str>> = Vec::new();
        for block in blocks {
            let BlockKind::Heading { level } = block.kind else {
                continue;
            };
            if level == 0 {
                continue;
            }
            while open.last().is_some_and(|&j| levels[j] >= level) {
                open.pop();
            }
            let parent = open.last().copied();
            open.push(levels.len());
            levels.push(level);
            let group = *group_of.entry((level, parent)).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[group].push(block.rendered.text.as_str());
        }
        let mut out = Vec::new();
        for group in groups {
            let names: Vec<String> = group
                .into_iter()
                .filter_map(|text| self.heading_name(text, source))
                .collect();
            if names.iter().filter(|n| !acronym(n)).count() >= 2 {
                out.extend(names);
            }
        }
        out
    }

    /// The name a heading is, when it is only one ("Zapper", "`zapper`", "ZRK"):
    /// one to three words, each capitalised or set as code, not all common
    /// words, that the prose keeps using and makes a sentence's subject.
    fn heading_name(&self, heading: &str, source: &str) -> Option<String> {
        let heading = crate::text::blocks::without_anchor(heading).trim();
        let words: Vec<&str> = heading.split_whitespace().map(clean).collect();
        if !(1..=3).contains(&words.len()) || words.iter().any(|w| w.is_empty()) {
            return None;
        }
        let named = |w: &&str| {
            let lower = w.to_lowercase();
            (capital(w) || self.in_code(source, w))
                && !NOT_NAMES.contains(&lower)
                && !FILLER.contains(&lower)
                && !SENTENCE_OPENERS.contains(&lower)
                && !FUNCTION_WORDS.contains(&lower)
        };
        if !words.iter().all(named)
            || words
                .iter()
                .all(|w| self.common(w) && !self.mostly_capitalised(w))
        {
            return None;
        }
        let name = words.join(" ");
        let opens = self
            .run(&name)
            .is_some_and(|(_, _, _, initial)| *initial > 0)
            || self.lower_starts(&name) > 0;
        (self.mentions(&name) >= KEPT_USING && opens).then_some(name)
    }

    /// The names of headings whose first block is only a link to the named thing's
    /// own page ("## Quoxel" over "[https://example.com/quoxel](…)"): a section
    /// presenting one product, wherever it stands.
    pub(super) fn linked_headings(blocks: &[Block]) -> Vec<String> {
        let mut out = Vec::new();
        for pair in blocks.windows(2) {
            let (heading, next) = (&pair[0], &pair[1]);
            if !matches!(heading.kind, BlockKind::Heading { level } if level > 0)
                || !matches!(next.kind, BlockKind::Paragraph)
            {
                continue;
            }
            let link = next.rendered.text.trim().to_lowercase();
            if !link.starts_with("http") || link.contains(char::is_whitespace) {
                continue;
            }
            let text = crate::text::blocks::without_anchor(&heading.rendered.text).trim();
            let words: Vec<&str> = text.split_whitespace().map(clean).collect();
            if !(1..=3).contains(&words.len()) || words.iter().any(|w| w.is_empty()) {
                continue;
            }
            let last = link.trim_end_matches('/').rsplit('/').next().unwrap_or("");
            if last == words.concat().to_lowercase() || last == words.join("-").to_lowercase() {
                out.push(words.join(" "));
            }
        }
        out
    }
}
