//! `draft`: proposes the claims of an article as an import file. The article is
//! split into blocks and sentences (crate::text), each sentence is read in the
//! context of its section, label and list, and every claim found becomes a row
//! whose quote is the sentence as the article writes it. Nothing is invented: a
//! sentence that says nothing recognisable yields no row. No database is written;
//! the catalogue comes in as plain data, so the same article and catalogue always
//! give the same rows.
//!
//! The parts, leaves first: `catalogue`, `context`, `row` (the types), `cues` and
//! `matcher` (what is looked for), `folded` and `lookup` (a sentence and the
//! catalogue as the reader asks them), `subjects`, `topics`, `polarity`,
//! `extract/*` (one extractor per kind of claim), `reader` (one sentence), `walk`
//! (the article's blocks in order).

mod catalogue;
mod context;
mod cues;
mod discover;
mod extract;
mod folded;
mod lookup;
mod matcher;
mod polarity;
mod proper_names;
mod question;
mod reader;
mod row;
mod slug;
mod subjects;
mod title;
mod topics;
mod walk;

pub use catalogue::{Catalogue, Entry, load_catalogue};
pub use row::Row;

use crate::names::fold;
use crate::text::blocks::{Format, blocks};

/// The subjects a draft of `text` (written in `format`) looks for beyond the
/// catalogue's: the page's own (title, headings, tables, names it keeps using) and
/// `extra`.
pub fn subjects_found(
    text: &str,
    format: Format,
    catalogue: &Catalogue,
    extra: &[String],
) -> Vec<String> {
    let blocks = blocks(text, format);
    let page = discover::Page::new(&blocks);
    let (mut names, _) = proposed_subjects(text, &blocks, &page, catalogue);
    names.extend(extra.iter().cloned());
    names
}

/// The subjects the page proposes that the catalogue does not know, and the
/// other names its first sentence gives one of them: (name, other name).
fn proposed_subjects(
    text: &str,
    blocks: &[crate::text::blocks::Block],
    page: &discover::Page,
    catalogue: &Catalogue,
) -> (Vec<String>, Vec<(String, String)>) {
    let title = blocks
        .iter()
        .find(|b| !b.rendered.text.trim().is_empty() && !b.images_only(text))
        .map(|b| b.rendered.text.clone())
        .unwrap_or_default();
    let mut proposed = title::title_subjects(&title, catalogue);
    let mut seen: foldhash::HashSet<String> = proposed.iter().map(|p| fold(p)).collect();
    for name in discover::page_subjects(text, blocks, page) {
        if seen.insert(fold(&name)) {
            proposed.push(name);
        }
    }
    // "Zapper, or `zp`, is ...": one subject, proposed under the name the page
    // keeps using.
    let aliases = page.aliases(text, blocks, &proposed);
    for (name, other) in &aliases {
        let at = |n: &str| proposed.iter().position(|p| fold(p) == fold(n));
        match (at(name), at(other)) {
            (Some(_), Some(o)) => {
                proposed.remove(o);
            }
            (None, Some(o)) => proposed[o] = name.clone(),
            (Some(_), None) | (None, None) => {}
        }
    }
    (proposed, aliases)
}

/// Drafts the claims of `text`, read as Markdown or plain text by what it holds
/// ([`Format::sniff`]).
pub fn draft(text: &str, catalogue: &Catalogue, only: &[String]) -> Vec<Row> {
    draft_as(text, Format::sniff(text), catalogue, only)
}

/// Drafts the claims of `text` written in `format`. `only` (from `--subject`)
/// narrows the draft to those subjects, named on the page or not.
pub fn draft_as(text: &str, format: Format, catalogue: &Catalogue, only: &[String]) -> Vec<Row> {
    cues::expect_page(text.len());
    // On a long page the sentence scan's automaton is built while the page is
    // parsed, on another core; what either finds is the same.
    let blocks = if cues::long_page() {
        std::thread::scope(|scope| {
            scope.spawn(cues::prepare_scan);
            blocks(text, format)
        })
    } else {
        blocks(text, format)
    };
    let page = discover::Page::new(&blocks);
    let (proposed, aliases) = proposed_subjects(text, &blocks, &page, catalogue);
    let mut catalogue = catalogue.clone();
    catalogue.propose_subjects(only.iter().chain(&proposed).map(String::as_str));
    for (name, other) in &aliases {
        catalogue.alias_subject(name, other);
    }
    let cased = catalogue
        .subjects
        .iter()
        .enumerate()
        .filter(|(_, e)| e.proposed && e.aliases.first().is_some_and(|a| page.cased(a)))
        .map(|(i, _)| i)
        .collect();
    let matcher = matcher::Matcher::new(&catalogue, cues::long_page()).with_cased(cased);
    let mut reader = reader::Reader::new(&catalogue, &matcher);
    let main = discover::title_name(text, &blocks, &page)
        .or_else(|| discover::main_subject(&page, &proposed));
    let main = main.and_then(|name| reader.subject_named(&name));
    let lower_names = catalogue
        .subjects
        .iter()
        .filter(|e| e.proposed)
        .filter_map(|e| e.aliases.first())
        .filter(|a| a.starts_with(|c: char| c.is_lowercase()))
        .cloned()
        .collect();
    let walk = || {
        walk::Walk::new(&mut reader, text, main)
            .with_lower_names(lower_names)
            .with_tables_by_rows(page.tables_by_rows(&blocks))
            .blocks(&blocks)
    };
    // What the rows are filed and checked by depends on the page alone: on a long
    // page it is found on another core during the walk.
    let after_walk = || {
        let article = crate::article::Article::new(text);
        article.markup_lines();
        (crate::text::outline::outline_of(text, &blocks), article)
    };
    let (sections, article) = if cues::long_page() {
        std::thread::scope(|scope| {
            let found = scope.spawn(after_walk);
            walk();
            found.join().unwrap_or_else(|_| after_walk())
        })
    } else {
        walk();
        after_walk()
    };
    let mut rows = reader.finish();
    row::dedup(&mut rows);
    if !only.is_empty() {
        let wanted: Vec<String> = only.iter().map(|n| fold(n)).collect();
        rows.retain(|r| {
            catalogue
                .subjects
                .iter()
                .any(|s| s.name == r.subject && s.aliases.iter().any(|a| wanted.contains(&fold(a))))
        });
    }
    // The section a row is filed under is the one import will store for its line
    // (the same blocks' headings, not read a second time).
    for row in &mut rows {
        if let Some(section) = crate::text::section_at(&sections, row.line_start) {
            row.section = section.heading.clone();
        }
    }
    importable_rows(&article, &mut rows);
    rows
}

/// Every row is one `import` takes: its subject and other side are names import
/// takes, and its quote is words a reader sees of its lines. A sentence cut from a
/// link's text ("- [A has X.](#x)") loses the link's brackets and target at its
/// ends; a row whose quote is still no citation is dropped, for `import` would
/// refuse it, and the whole draft with it.
fn importable_rows(article: &crate::article::Article, rows: &mut Vec<Row>) {
    let seen = crate::text::quotes::SeenLines::new(article.markup_lines());
    // A subject (or other side) import takes no name for ("日本", "+1").
    let importable = |name: &str| crate::ingest::catalogue::subject_slug(name).is_some();
    rows.retain(|row| importable(&row.subject) && row.versus.as_deref().is_none_or(importable));
    rows.retain_mut(|row| {
        let at = (row.line_start, row.line_end);
        let lines = article.lines(at.0, at.1).unwrap_or_default();
        let company = (row.kind == crate::model::Kind::Company)
            .then_some(row.value.as_deref())
            .flatten();
        if seen
            .citation_fault(at, lines, &row.quote, company)
            .is_none()
        {
            return true;
        }
        let trimmed = without_link_marks(&row.quote);
        if trimmed.len() < row.quote.len()
            && seen.citation_fault(at, lines, trimmed, company).is_none()
        {
            row.quote = trimmed.to_string();
            return true;
        }
        false
    });
}

/// `quote` without a link's opening bracket before it or `](target)` after it,
/// nor emphasis marks at its ends.
fn without_link_marks(quote: &str) -> &str {
    let mut quote = quote;
    if let Some(at) = quote.rfind("](")
        && quote.ends_with(')')
        && !quote[at..].contains(char::is_whitespace)
    {
        quote = &quote[..at];
    }
    quote
        .trim_matches(|c: char| matches!(c, '[' | ']' | '*' | '_' | '`' | '~') || c.is_whitespace())
}

#[cfg(test)]
mod tests;
