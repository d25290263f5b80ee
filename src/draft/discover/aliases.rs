//! A name the page's first sentence gives its subject beside the one it opens
//! with ("Zapper, or `zp` as short, is ...", "Zapper (zp) is ..."): the same
//! subject, named by whichever of the two the page keeps using.

use super::{KEPT_USING, Page, clean};
use crate::names::fold;
use crate::text::blocks::{Block, BlockKind};
use crate::text::english::{ALIAS_INTRODUCERS, ARTICLES, FILLER, FUNCTION_WORDS, NOT_NAMES};

impl Page {
    /// Pairs (the name the page uses more, the other) where the page's first
    /// paragraph opens with a name and gives it another, one word that starts as
    /// the name does: one of the two among `names`, the other no word the page
    /// writes in lower case (or one it keeps using, [`KEPT_USING`] times).
    pub fn aliases(
        &self,
        source: &str,
        blocks: &[Block],
        names: &[String],
    ) -> Vec<(String, String)> {
        let Some(first) = blocks
            .iter()
            .find(|b| b.kind == BlockKind::Paragraph && !b.images_only(source))
        else {
            return Vec::new();
        };
        let mut text = first.rendered.text.trim_start();
        if let Some((article, rest)) = text.split_once(' ')
            && ARTICLES.contains(&article.to_lowercase())
        {
            text = rest;
        }
        // The name the sentence opens with: a proposed one, else its first word.
        let name = names
            .iter()
            .map(String::as_str)
            .find(|n| {
                text.get(..n.len())
                    .is_some_and(|start| fold(start) == fold(n))
                    && !text[n.len()..].starts_with(|c: char| c.is_alphanumeric())
            })
            .or_else(|| {
                let word = text.split([' ', ',']).next()?;
                (!word.is_empty() && clean(word) == word).then_some(word)
            });
        let Some(name) = name else {
            return Vec::new();
        };
        let rest = &text[name.len()..];
        let after = if let Some(inner) = rest.strip_prefix(" (") {
            inner.split_once(')').map(|(alias, _)| alias)
        } else {
            ALIAS_INTRODUCERS.all().iter().find_map(|p| {
                rest.strip_prefix(p)
                    .and_then(|r| r.strip_prefix(' '))
                    .and_then(|r| r.split_whitespace().next())
            })
        };
        let Some(alias) = after.map(clean).filter(|a| !a.contains(' ')) else {
            return Vec::new();
        };
        let proposed = |n: &str| names.iter().any(|p| fold(p) == fold(n));
        let name_like = |n: &str| {
            let lower = n.to_lowercase();
            n.chars().any(char::is_alphabetic)
                && !FUNCTION_WORDS.contains(&lower)
                && !FILLER.contains(&lower)
                && !NOT_NAMES.contains(&lower)
                && (proposed(n) || !self.common(n) || self.mentions(n) >= KEPT_USING)
        };
        // A short form starts as the name does ("Zstandard", "zstd"); a word in
        // brackets that does not ("Zapper (Go)") says something else of it.
        let initial = |n: &str| fold(n).chars().next();
        if fold(alias) == fold(name)
            || initial(alias) != initial(name)
            || !(proposed(name) || proposed(alias))
            || !name_like(name)
            || !name_like(alias)
        {
            return Vec::new();
        }
        if self.mentions(alias) > self.mentions(name) {
            vec![(alias.to_string(), name.to_string())]
        } else {
            vec![(name.to_string(), alias.to_string())]
        }
    }
}
