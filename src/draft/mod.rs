//! `draft`: proposes the claims of an article as an import file. The article is
//! split into blocks and sentences (crate::text), each sentence is read in the
//! context of its section, label and list, and every claim found becomes a row
//! whose quote is the sentence as the article writes it. Nothing is invented: a
//! sentence that says nothing recognisable yields no row. No database is written;
//! the catalogue comes in as plain data, so the same article and catalogue always
//! give the same rows.

mod classify;
mod cues;
mod matcher;

use crate::names::fold;
use crate::text::blocks::{Block, BlockKind, blocks, label_len};
use crate::text::sentences::sentences;

pub use matcher::Matcher;

/// The `category` of a subject `draft` adds (from the title or `--subject`).
pub(crate) const NEW: &str = "\u{0}new";

/// A catalogue entry: its canonical name and every alias (the name included).
#[derive(Debug, Clone)]
pub struct Entry {
    pub name: String,
    pub aliases: Vec<String>,
    /// Topics only: the category.
    pub category: String,
}

/// What `draft` knows of the knowledge base: names only.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    pub subjects: Vec<Entry>,
    pub topics: Vec<Entry>,
    pub categories: Vec<Entry>,
}

/// One proposed claim, in the import format.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub subject: String,
    pub kind: &'static str,
    pub topic: String,
    pub stance: Option<&'static str>,
    pub value: Option<String>,
    pub versus: Option<String>,
    pub listed: bool,
    pub statement: String,
    pub quote: String,
    pub line_start: usize,
    pub line_end: usize,
    /// The category of a topic the catalogue does not know (a proposal).
    pub category: Option<String>,
    pub section: String,
    pub confidence: f32,
    /// The subject (or versus) is one the catalogue does not know yet.
    pub new_subject: bool,
}

/// The kind a heading gives what stands under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    ProCon,
    Pro,
    Con,
    Limitation,
    Company,
    UseCase,
    Faq,
    Feature,
}

/// The context a sentence is read in.
#[derive(Debug, Clone, Default)]
pub(crate) struct Context {
    pub section: String,
    pub kind: Option<SectionKind>,
    /// The subject the section or list is about, when it names one.
    pub subject: Option<usize>,
    /// The category the heading names, if any.
    pub category: Option<String>,
    /// The list intro ("Django offers numerous built-in features:") before a list.
    pub intro_stance: Option<&'static str>,
    pub intro_kind: Option<SectionKind>,
}

/// A sentence to classify.
pub(crate) struct Sentence<'a> {
    /// Rendered text of the sentence (markup removed, one line).
    pub text: &'a str,
    /// Byte length of a "Label: " prefix in `text` (0 when there is none).
    pub label_len: usize,
    pub quote: &'a str,
    pub line_start: usize,
    pub line_end: usize,
    pub listed: bool,
    /// The first sentence of its block.
    pub first: bool,
    /// The block is a table cell: `cell_header` is its column's heading.
    pub cell: Option<(String, String)>,
}

/// The catalogue's names, for `draft`.
pub fn load_catalogue(conn: &rusqlite::Connection) -> crate::error::Result<Catalogue> {
    let entries = |sql: &str| -> crate::error::Result<Vec<Entry>> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?;
        let mut out: Vec<Entry> = Vec::new();
        for row in rows {
            let (name, category, alias) = row?;
            match out.last_mut() {
                Some(e) if e.name == name => e.aliases.extend(alias),
                _ => out.push(Entry {
                    name: name.clone(),
                    aliases: alias.into_iter().chain([name]).collect(),
                    category,
                }),
            }
        }
        Ok(out)
    };
    Ok(Catalogue {
        subjects: entries(
            "SELECT s.name, '', a.alias FROM subjects s
             LEFT JOIN subject_aliases a ON a.subject_id = s.subject_id ORDER BY s.name, a.key",
        )?,
        topics: entries(
            "SELECT t.name, t.category, a.alias FROM topics t
             LEFT JOIN topic_aliases a ON a.topic_id = t.topic_id ORDER BY t.name, a.key",
        )?,
        categories: entries(
            "SELECT c.category, '', a.alias FROM categories c
             LEFT JOIN category_aliases a ON a.category = c.category ORDER BY c.category, a.key",
        )?,
    })
}

/// Drafts the claims of `text`. `extra` names subjects to look for besides the
/// catalogue's (from `--subject`).
pub fn draft(text: &str, catalogue: &Catalogue, extra: &[String]) -> Vec<Row> {
    let mut catalogue = catalogue.clone();
    let blocks = blocks(text);
    let title = blocks
        .iter()
        .find(|b| !b.rendered.text.trim().is_empty())
        .map(|b| b.rendered.text.clone())
        .unwrap_or_default();
    for name in extra
        .iter()
        .cloned()
        .chain(title_subjects(&title, &catalogue))
    {
        add_subject(&mut catalogue, &name);
    }
    let matcher = Matcher::new(&catalogue);
    let mut reader = classify::Reader::new(&catalogue, &matcher, text);
    let mut stack: Vec<(u8, bool, Context)> = Vec::new();
    let mut ctx = Context::default();
    let mut previous: Option<Block> = None;
    let mut table_header: Vec<String> = Vec::new();
    for block in &blocks {
        match block.kind {
            BlockKind::Heading { level } => {
                let heading = block.rendered.text.trim();
                let minor = level == 0
                    && (heading.starts_with(|c: char| c.is_ascii_digit())
                        || (heading.ends_with('?')
                            && stack.iter().any(|s| s.2.kind == Some(SectionKind::Faq))));
                let follows_heading = previous
                    .as_ref()
                    .is_some_and(|p| matches!(p.kind, BlockKind::Heading { .. }));
                if level > 0 {
                    stack.retain(|s| s.0 > 0 && s.0 < level);
                } else if minor {
                    while stack.last().is_some_and(|s| s.1) {
                        stack.pop();
                    }
                } else if !follows_heading {
                    stack.clear();
                }
                let own = reader.heading_context(heading);
                stack.push((level, minor, own));
                ctx = Context {
                    section: heading.to_string(),
                    kind: stack.iter().rev().find_map(|s| s.2.kind),
                    subject: stack.iter().rev().find_map(|s| s.2.subject),
                    category: stack.iter().rev().find_map(|s| s.2.category.clone()),
                    ..Context::default()
                };
                reader.focus = ctx.subject.map(|s| vec![s]).unwrap_or_default();
                table_header.clear();
            }
            BlockKind::TableRow { header } => {
                if header || table_header.is_empty() {
                    table_header = block.cells.iter().map(|c| c.text.clone()).collect();
                    if header {
                        previous = Some(block.clone());
                        continue;
                    }
                }
                let quote = &text[line_range(text, block)];
                let row_label = block
                    .cells
                    .first()
                    .map(|c| c.text.clone())
                    .unwrap_or_default();
                for (i, cell) in block.cells.iter().enumerate().skip(1) {
                    let column = table_header.get(i).cloned().unwrap_or_default();
                    let s = Sentence {
                        text: &cell.text,
                        label_len: 0,
                        quote,
                        line_start: block.first_line,
                        line_end: block.last_line,
                        listed: false,
                        first: true,
                        cell: Some((column, row_label.clone())),
                    };
                    reader.read(&s, &ctx);
                }
            }
            BlockKind::Paragraph | BlockKind::ListItem { .. } => {
                let listed = matches!(block.kind, BlockKind::ListItem { .. })
                    || (block.first_line == block.last_line
                        && label_len(&block.rendered.text).is_some()
                        && matches!(
                            ctx.kind,
                            Some(
                                SectionKind::ProCon
                                    | SectionKind::Pro
                                    | SectionKind::Con
                                    | SectionKind::Limitation
                                    | SectionKind::Company
                                    | SectionKind::UseCase
                            )
                        ));
                if !matches!(block.kind, BlockKind::ListItem { .. })
                    && previous
                        .as_ref()
                        .is_some_and(|p| matches!(p.kind, BlockKind::ListItem { .. }))
                {
                    ctx.intro_stance = None;
                    ctx.intro_kind = None;
                }
                read_block(&mut reader, text, block, listed, &ctx);
                if block.rendered.text.trim_end().ends_with(':') {
                    let (stance, kind, subject) = reader.intro(&block.rendered.text);
                    ctx.intro_stance = stance;
                    ctx.intro_kind = kind;
                    if let Some(s) = subject {
                        reader.focus = vec![s];
                    }
                }
            }
        }
        previous = Some(block.clone());
    }
    let mut rows = reader.finish();
    dedup(&mut rows);
    // The section a row is filed under is the one import will store for its line.
    let sections = crate::text::outline(text);
    for row in &mut rows {
        if let Some(section) = crate::text::section_at(&sections, row.line_start) {
            row.section = section.heading.clone();
        }
    }
    rows
}

fn read_block(
    reader: &mut classify::Reader,
    text: &str,
    block: &Block,
    listed: bool,
    ctx: &Context,
) {
    let rendered = &block.rendered;
    let label = label_len(&rendered.text).unwrap_or(0);
    reader.start_block(
        label
            .checked_sub(0)
            .filter(|&l| l > 0)
            .map(|l| &rendered.text[..l]),
    );
    for (n, (from, to)) in sentences(&rendered.text).into_iter().enumerate() {
        let (s, e) = crate::text::quotes::widen(text, rendered.source_range(text, from, to));
        let line_start = reader.line_of(s);
        let line_end = reader.line_of(e - 1);
        let sentence = Sentence {
            text: &rendered.text[from..to],
            label_len: if n == 0 && label > 0 { label + 1 } else { 0 },
            quote: &text[s..e],
            line_start,
            line_end,
            listed,
            first: n == 0,
            cell: None,
        };
        reader.read(&sentence, ctx);
    }
}

/// The source bytes of a block's lines, without the line ending.
fn line_range(text: &str, block: &Block) -> std::ops::Range<usize> {
    let r = &block.rendered;
    let (s, e) = r.source_range(text, 0, r.text.len());
    s..e
}

/// New subjects proposed by a title "X vs Y" (or "X versus Y", "X or Y?").
fn title_subjects(title: &str, catalogue: &Catalogue) -> Vec<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let is_separator = |w: &str| {
        matches!(
            w.to_lowercase().as_str(),
            "vs" | "vs." | "versus" | "v." | "or"
        )
    };
    let ends = |w: &str| w.ends_with([':', ',', '?', '!', ';', '|', ')']);
    let clean = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '+' | '#'))
            .to_string()
    };
    let capital = |w: &str| {
        clean(w)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let mut out: Vec<String> = Vec::new();
    let mut push = |name: Vec<String>| {
        let name = name.join(" ");
        let known = catalogue
            .subjects
            .iter()
            .any(|s| s.aliases.iter().any(|a| fold(a) == fold(&name)));
        if !name.is_empty() && !known && !out.contains(&name) {
            out.push(name);
        }
    };
    for (i, w) in words.iter().enumerate() {
        if !is_separator(w) || i == 0 || i + 1 == words.len() {
            continue;
        }
        // The capitalised words next to the separator, at most three a side.
        let mut left: Vec<String> = Vec::new();
        for w in words[..i].iter().rev().take(3) {
            if !capital(w) || (ends(w) && !left.is_empty()) || is_separator(w) {
                break;
            }
            left.insert(0, clean(w));
        }
        let mut right: Vec<String> = Vec::new();
        for w in words[i + 1..].iter().take(3) {
            if !capital(w) || is_separator(w) {
                break;
            }
            right.push(clean(w));
            if ends(w) {
                break;
            }
        }
        push(left);
        push(right);
    }
    out
}

/// A name in the characters catalogue names may use: accented Latin letters lose
/// their accents ("Bäckerei" -> "backerei"), anything else not a-z, 0-9 or `keep`
/// becomes a hyphen, and hyphens do not repeat or lead.
pub(crate) fn ascii_name(text: &str, keep: &[char]) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.to_lowercase().chars() {
        let plain = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
            'æ' => "ae",
            'ç' => "c",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
            'œ' => "oe",
            'ù' | 'ú' | 'û' | 'ü' => "u",
            'ý' | 'ÿ' => "y",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() || keep.contains(&c) => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        if plain == "-" && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push_str(plain);
    }
    out.trim_end_matches('-').to_string()
}

fn add_subject(catalogue: &mut Catalogue, name: &str) {
    let key = fold(name);
    if key.is_empty()
        || catalogue
            .subjects
            .iter()
            .any(|s| s.aliases.iter().any(|a| fold(a) == key))
    {
        return;
    }
    let slug = ascii_name(&key, &['.', '+', '#']);
    catalogue.subjects.push(Entry {
        name: slug,
        aliases: vec![name.to_string()],
        // Marks a subject the catalogue does not know yet.
        category: NEW.to_string(),
    });
}

fn dedup(rows: &mut Vec<Row>) {
    let mut seen = std::collections::HashSet::new();
    rows.retain(|r| {
        seen.insert((
            r.subject.clone(),
            r.kind,
            r.topic.clone(),
            r.stance,
            r.value.clone(),
            r.versus.clone(),
            r.quote.clone(),
        ))
    });
}

#[cfg(test)]
mod tests;
