//! An article as blocks: headings, paragraphs, list items and table rows. Markdown
//! is read by `text::markdown` (pulldown-cmark); plain text by the line heuristics
//! here (a short line standing alone is a heading, "- " and "1. " start items, and
//! the Markdown a plain-text article may hold is tolerated). Each block keeps its
//! rendered text (markup removed, line wraps and runs of white space as one space)
//! with the source byte offset of every rendered byte, so whatever is found in the
//! rendered text can be cited with the article's own words and lines.
//!
//! This is the one heading detector: `draft`, `coverage` and the stored section
//! outline all take their headings from these blocks.

use crate::text::block::Detail;
pub use crate::text::block::{Block, BlockKind, reads_as_heading};
use crate::text::render::Rendered;
use crate::text::render::{Folded, render};
use std::path::Path;

/// How an article is written, which decides how it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Plain,
}

impl Format {
    /// By the file's extension (`.md`, `.markdown`, `.mdx`: Markdown; `.txt`:
    /// plain text); for standard input and other names, by what the text holds.
    pub fn of(path: &Path, text: &str) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("md" | "markdown" | "mdx") => Format::Markdown,
            Some("txt") => Format::Plain,
            _ => Format::sniff(text),
        }
    }

    /// Markdown when the text has what only Markdown writes: a `#` heading, a code
    /// fence, a table's delimiter row, an inline link, an HTML comment or front
    /// matter; plain text otherwise.
    pub fn sniff(text: &str) -> Format {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        if text.starts_with("---\n") || text.starts_with("---\r\n") || text.starts_with("+++") {
            return Format::Markdown;
        }
        let markdown_line = |line: &str| {
            let t = line.trim_start();
            if line.len() - t.len() > 3 {
                return false;
            }
            atx_heading(line).is_some_and(|(_, from)| from < line.trim_end().len())
                || t.starts_with("```")
                || t.starts_with("~~~")
                || t.starts_with("<!--")
                || (is_table_separator(t) && t.contains("--"))
                || t.contains("](") && t.contains(')') && t.contains('[')
        };
        if text.lines().any(markdown_line) {
            Format::Markdown
        } else {
            Format::Plain
        }
    }
}

/// One source line: its byte range without the line ending.
struct Line<'a> {
    number: usize,
    start: usize,
    text: &'a str,
}

fn lines(source: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (number, raw) in source.split('\n').enumerate() {
        let mut text = raw.strip_suffix('\r').unwrap_or(raw);
        let mut offset = start;
        if number == 0
            && let Some(rest) = text.strip_prefix('\u{FEFF}')
        {
            text = rest;
            offset += '\u{FEFF}'.len_utf8();
        }
        out.push(Line {
            number: number + 1,
            start: offset,
            text,
        });
        start += raw.len() + 1;
    }
    out
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// `# Heading` -> (level, byte offset of the heading text within the line).
fn atx_heading(text: &str) -> Option<(u8, usize)> {
    let trimmed = text.trim_start();
    let indent = text.len() - trimmed.len();
    if indent > 3 {
        return None;
    }
    let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &trimmed[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let body = rest.len() - rest.trim_start().len();
    Some((hashes as u8, indent + hashes + body))
}

/// The text of a heading's source line as written, without its `#` markers and
/// trimmed (an underlined heading's line is all text); markup stays. The outline
/// names sections by it, so a stored section reads as the article writes it.
pub fn heading_text(line: &str) -> &str {
    match atx_heading(line) {
        Some((_, from)) => line[from..].trim_end().trim_end_matches('#').trim_end(),
        None => line.trim(),
    }
}

/// A heading's text without its trailing attribute block ("Why Zapper {#why}" is
/// "Why Zapper").
pub fn without_anchor(heading: &str) -> &str {
    heading.split(" {#").next().unwrap_or(heading)
}

/// `===` or `---` under a line.
fn setext_underline(text: &str) -> Option<u8> {
    let t = text.trim();
    if t.len() >= 2 && t.bytes().all(|b| b == b'=') {
        Some(1)
    } else if t.len() >= 2 && t.bytes().all(|b| b == b'-') {
        Some(2)
    } else {
        None
    }
}

/// `~~~` or `^^^` under a line: the underlines plain-text documents (AsciiDoc,
/// reStructuredText) give their third and fourth levels of heading. Markdown
/// reads `~~~` as a code fence, so a plain-text page that did would hide every
/// section from one such heading to the next.
fn plain_underline(text: &str) -> Option<u8> {
    let t = text.trim();
    if t.len() >= 3 && t.bytes().all(|b| b == b'~') {
        Some(3)
    } else if t.len() >= 3 && t.bytes().all(|b| b == b'^') {
        Some(4)
    } else {
        None
    }
}

fn thematic_break(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 3
        && (t.bytes().all(|b| b == b'-')
            || t.bytes().all(|b| b == b'*')
            || t.bytes().all(|b| b == b'_'))
}

/// A list marker: (ordered, byte offset of the item's text within the line).
fn list_marker(text: &str) -> Option<(bool, usize)> {
    let trimmed = text.trim_start();
    let indent = text.len() - trimmed.len();
    let mut chars = trimmed.char_indices();
    let (_, first) = chars.next()?;
    let marker_end = if matches!(first, '-' | '*' | '+' | '•' | '·' | '▪' | '‣' | '◦' | '–')
    {
        first.len_utf8()
    } else if first.is_ascii_digit() {
        let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 3 || !matches!(trimmed.as_bytes().get(digits), Some(b'.' | b')')) {
            return None;
        }
        digits + 1
    } else {
        return None;
    };
    let rest = &trimmed[marker_end..];
    if !rest.starts_with([' ', '\t']) || rest.trim().is_empty() {
        return None;
    }
    let gap = rest.len() - rest.trim_start().len();
    Some((first.is_ascii_digit(), indent + marker_end + gap))
}

fn is_table_separator(text: &str) -> bool {
    let t = text.trim();
    t.contains('-')
        && t.contains('|')
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

fn is_table_row(text: &str) -> bool {
    let t = text.trim();
    t.starts_with('|') && t.len() > 1
}

/// The opening run of a code fence (three or more backticks or tildes, of any
/// length: "````" is closed only by a run at least as long).
fn fence(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let c = t.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let run = t.len() - t.trim_start_matches(c).len();
    (run >= 3).then(|| &t[..run])
}

/// True when `text` closes the fence opened by `open`: a run of its character at
/// least as long, and nothing after it.
fn closes_fence(text: &str, open: &str) -> bool {
    let t = text.trim();
    let c = open.chars().next().unwrap_or('`');
    t.len() >= open.len() && t.chars().all(|x| x == c)
}

/// What is not prose in Markdown and ends at a known line: an HTML comment, a
/// `<script>`, `<style>` or `<pre>` block. Returns what ends it.
fn raw_block(text: &str) -> Option<&'static str> {
    let t = text.trim_start().to_ascii_lowercase();
    if t.starts_with("<!--") {
        Some("-->")
    } else if t.starts_with("<script") {
        Some("</script>")
    } else if t.starts_with("<style") {
        Some("</style>")
    } else if t.starts_with("<pre") {
        Some("</pre>")
    } else {
        None
    }
}

/// The code fence or raw HTML block a line stands in, if any.
#[derive(Default)]
struct NotProse<'s> {
    fence: Option<&'s str>,
    raw: Option<&'static str>,
}

impl<'s> NotProse<'s> {
    /// None when `text` is read as Markdown; Some(true) when it opens a fence or
    /// a raw block (what is open before it ends), Some(false) inside one.
    fn line(&mut self, text: &'s str) -> Option<bool> {
        if let Some(f) = self.fence {
            if closes_fence(text, f) {
                self.fence = None;
            }
            return Some(false);
        }
        if let Some(end) = self.raw {
            if text.to_ascii_lowercase().contains(end) {
                self.raw = None;
            }
            return Some(false);
        }
        if let Some(end) = raw_block(text) {
            let after_open = text.trim_start().get(4..).unwrap_or("");
            if !after_open.to_ascii_lowercase().contains(end) {
                self.raw = Some(end);
            }
            return Some(true);
        }
        self.fence = Some(fence(text)?);
        Some(true)
    }
}

/// The number of lines a front matter block (`---` ... `---` at the very start)
/// takes, or 0.
fn front_matter_lines(lines: &[Line]) -> usize {
    if lines.first().is_none_or(|l| l.text.trim_end() != "---") {
        return 0;
    }
    lines
        .iter()
        .skip(1)
        .position(|l| matches!(l.text.trim_end(), "---" | "..."))
        .map_or(0, |i| i + 2)
}

/// A block being built: the source byte ranges of its lines' text so far (its
/// characters are only gathered when it is rendered).
struct Open {
    kind: BlockKind,
    first_line: usize,
    last_line: usize,
    /// (line start, text start, text end) of each line.
    parts: Vec<(usize, usize, usize)>,
    blank_before: usize,
}

impl Open {
    /// A block of `kind` that starts with `line`, its text from byte `from`.
    fn start(kind: BlockKind, line: &Line, from: usize, blank_before: usize) -> Open {
        let mut open = Open {
            kind,
            first_line: line.number,
            last_line: line.number,
            parts: Vec::new(),
            blank_before,
        };
        open.push_line(line, from);
        open
    }

    fn push_line(&mut self, line: &Line, from: usize) {
        self.parts
            .push((line.start, line.start + from, line.start + line.text.len()));
        self.last_line = line.number;
    }

    /// The (char, source offset) pairs of the block's text; a line break renders as
    /// a space, cited at the break.
    /// The block's text rendered: [`render`] of [`Open::chars`], or, where the
    /// block holds no character inline markup is made of, its characters with
    /// white space folded, copied a run at a time.
    fn render(&self, source: &str) -> Rendered {
        const MARKUP: &[u8] = b"\\`*~_![<";
        let bytes = source.as_bytes();
        let markup = self
            .parts
            .iter()
            .any(|&(_, from, to)| bytes[from..to].iter().any(|b| MARKUP.contains(b)));
        if markup {
            return render(&self.chars(source));
        }
        let len: usize = self.parts.iter().map(|(_, a, b)| b - a + 1).sum();
        let mut out = Folded::with_capacity(len);
        for (i, &(start, from, to)) in self.parts.iter().enumerate() {
            if i > 0 {
                out.push((' ', start.saturating_sub(1)));
            }
            out.push_str(&source[from..to], from);
        }
        out.rendered
    }

    fn chars(&self, source: &str) -> Vec<(char, usize)> {
        let len: usize = self.parts.iter().map(|(_, a, b)| b - a + 1).sum();
        let mut chars = Vec::with_capacity(len);
        for &(start, from, to) in &self.parts {
            if !chars.is_empty() {
                chars.push((' ', start.saturating_sub(1)));
            }
            chars.extend(source[from..to].char_indices().map(|(i, c)| (c, from + i)));
        }
        chars
    }
}

/// Splits an article written in `format` into blocks.
pub fn blocks(source: &str, format: Format) -> Vec<Block> {
    match format {
        Format::Markdown => crate::text::markdown::markdown_blocks(source, Detail::Full),
        Format::Plain => parse(source, Detail::Full),
    }
}

/// The same blocks as [`blocks`], with the same kinds (headings included), but only
/// the blocks that can be headings carry their text: what the outline needs, without
/// holding a rendered copy of a long article.
pub fn heading_blocks(source: &str, format: Format) -> Vec<Block> {
    match format {
        Format::Markdown => crate::text::markdown::markdown_blocks(source, Detail::Headings),
        Format::Plain => parse(source, Detail::Headings),
    }
}

fn parse(source: &str, detail: Detail) -> Vec<Block> {
    let lines = lines(source);
    let mut out: Vec<Block> = Vec::new();
    let mut open: Option<Open> = None;
    let mut blank_run = 0;
    let mut skip = NotProse::default();
    let close = |open: &mut Option<Open>, out: &mut Vec<Block>| {
        if let Some(o) = open.take() {
            let first = out.is_empty();
            out.push(finish(o, source, detail, first));
        }
    };
    for line in &lines[front_matter_lines(&lines)..] {
        let text = line.text;
        // An underline turns the one-line paragraph above it into a heading.
        let underline = || setext_underline(text).or_else(|| plain_underline(text));
        if let Some(o) = open.as_mut()
            && o.kind == BlockKind::Paragraph
            && o.first_line == o.last_line
            && let Some(level) = underline()
        {
            o.kind = BlockKind::Heading { level };
            close(&mut open, &mut out);
            continue;
        }
        match skip.line(text) {
            Some(true) => {
                close(&mut open, &mut out);
                continue;
            }
            Some(false) => continue,
            None => {}
        }
        if is_blank(text) {
            close(&mut open, &mut out);
            blank_run += 1;
            continue;
        }
        let blank_before = std::mem::take(&mut blank_run);
        if thematic_break(text) {
            close(&mut open, &mut out);
            continue;
        }
        if let Some((level, from)) = atx_heading(text) {
            close(&mut open, &mut out);
            let body = text[from..].trim_end();
            let body = body.trim_end_matches('#').trim_end();
            let trimmed = Line {
                number: line.number,
                start: line.start,
                text: &text[..from + body.len()],
            };
            out.push(finish(
                Open::start(BlockKind::Heading { level }, &trimmed, from, blank_before),
                source,
                detail,
                false,
            ));
            continue;
        }
        if is_table_row(text) {
            close(&mut open, &mut out);
            if is_table_separator(text) {
                if let Some(prev) = out.last_mut()
                    && matches!(prev.kind, BlockKind::TableRow { .. })
                    && prev.last_line + 1 == line.number
                {
                    prev.kind = BlockKind::TableRow { header: true };
                }
                continue;
            }
            out.push(table_row(line, blank_before, detail));
            continue;
        }
        if let Some((ordered, from)) = list_marker(text) {
            close(&mut open, &mut out);
            open = Some(Open::start(
                BlockKind::ListItem { ordered },
                line,
                from,
                blank_before,
            ));
            continue;
        }
        // A wrapped line continues the open paragraph or list item.
        let from = text.len() - text.trim_start().len();
        let from = from + quote_marker(&text[from..]);
        match open.as_mut() {
            Some(o) => o.push_line(line, from),
            None => open = Some(Open::start(BlockKind::Paragraph, line, from, blank_before)),
        }
    }
    close(&mut open, &mut out);
    mark_plain_headings(&mut out, &lines);
    // The first line of an article is its title, whatever it looks like.
    if let Some(first) = out.first_mut()
        && first.kind == BlockKind::Paragraph
        && first.first_line == first.last_line
        && !first.rendered.text.trim_end().ends_with('.')
        && !first.images_only(source)
    {
        first.kind = BlockKind::Heading { level: 0 };
    }
    out
}

/// `> ` before a quoted paragraph.
fn quote_marker(text: &str) -> usize {
    let mut n = 0;
    let bytes = text.as_bytes();
    while n < bytes.len() && bytes[n] == b'>' {
        n += 1;
        while n < bytes.len() && bytes[n] == b' ' {
            n += 1;
        }
    }
    n
}

fn table_row(line: &Line, blank_before: usize, detail: Detail) -> Block {
    if detail == Detail::Headings {
        return Block {
            kind: BlockKind::TableRow { header: false },
            first_line: line.number,
            last_line: line.number,
            rendered: Rendered::default(),
            cells: Vec::new(),
            blank_before,
        };
    }
    let mut cells = Vec::new();
    let text = line.text;
    let mut cell_start = None;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if c == '|' && !escaped {
            if let Some(s) = cell_start {
                let chars: Vec<(char, usize)> = text[s..i]
                    .char_indices()
                    .map(|(j, c)| (c, line.start + s + j))
                    .collect();
                cells.push(render(&chars));
            }
            cell_start = Some(i + 1);
        }
        escaped = c == '\\' && !escaped;
    }
    if let Some(s) = cell_start
        && !text[s..].trim().is_empty()
    {
        let chars: Vec<(char, usize)> = text[s..]
            .char_indices()
            .map(|(j, c)| (c, line.start + s + j))
            .collect();
        cells.push(render(&chars));
    }
    let chars: Vec<(char, usize)> = text
        .char_indices()
        .map(|(j, c)| (c, line.start + j))
        .collect();
    Block {
        kind: BlockKind::TableRow { header: false },
        first_line: line.number,
        last_line: line.number,
        rendered: render(&chars),
        cells,
        blank_before,
    }
}

/// The block `open` has become; `first` when it is the article's first block (which
/// may be its title).
fn finish(open: Open, source: &str, detail: Detail, first: bool) -> Block {
    let heading = matches!(open.kind, BlockKind::Heading { .. });
    let one_line = open.first_line == open.last_line;
    // A line whose last character is a closing stop or comma ends so rendered too
    // (markup never ends in one), and no heading does: it needs no rendering.
    let stops = open.parts.last().is_some_and(|&(_, from, to)| {
        source[from..to]
            .trim_end()
            .ends_with(['.', ',', ';', ':', '!'])
    });
    let rendered = if detail == Detail::Full || heading || first || (one_line && !stops) {
        open.render(source)
    } else {
        Rendered::default()
    };
    // Only a one-line block that reads as a heading can become one (or the title).
    let rendered = if detail == Detail::Full || heading || first || reads_as_heading(&rendered.text)
    {
        rendered
    } else {
        Rendered::default()
    };
    Block {
        kind: open.kind,
        first_line: open.first_line,
        last_line: open.last_line,
        rendered,
        cells: Vec::new(),
        blank_before: open.blank_before,
    }
}

/// "Label: text" with a Title-Case label: the label's length in bytes (before ':').
pub fn label_len(text: &str) -> Option<usize> {
    let colon = text.find(':')?;
    let (label, rest) = (&text[..colon], &text[colon + 1..]);
    if rest.trim().is_empty() || !rest.starts_with(' ') {
        return None;
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.is_empty() || words.len() > 9 || label.contains(['.', ',', ';', '!', '?']) {
        return None;
    }
    let small = |w: &str| crate::text::english::TITLE_CASE_SMALL_WORDS.contains(w);
    let title_case = words.iter().all(|w| {
        let first = w.trim_start_matches(['(', '“', '"', '\'']).chars().next();
        small(w) || first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    title_case.then_some(colon)
}

/// Plain text has no heading markup: a one-line paragraph between blank lines that
/// reads as a heading is one, and so is a lone numbered line ("1. Performance").
fn mark_plain_headings(blocks: &mut [Block], lines: &[Line]) {
    let blank_after = |line: usize| lines.get(line).is_none_or(|l| is_blank(l.text));
    for (i, b) in blocks.iter_mut().enumerate() {
        if b.first_line != b.last_line || !reads_as_heading(&b.rendered.text) {
            continue;
        }
        let alone = match b.kind {
            BlockKind::Paragraph => true,
            BlockKind::ListItem { ordered: true } => {
                (i == 0 || b.blank_before > 0) && blank_after(b.last_line)
            }
            _ => false,
        };
        if alone {
            b.kind = BlockKind::Heading { level: 0 };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(BlockKind, usize, usize, String)> {
        blocks(text, Format::Plain)
            .into_iter()
            .map(|b| (b.kind, b.first_line, b.last_line, b.rendered.text))
            .collect()
    }

    proptest::proptest! {
        /// A block without markup renders, copied a run at a time, as the inline
        /// renderer renders it.
        #[test]
        fn plain_blocks_render_as_the_renderer_does(
            text in "([ a-zA-Z.,é\u{a0}\t*_`\\\\\\[\\]<>!~]{0,16}\n){1,5}"
        ) {
            let lines = lines(&text);
            let mut open = Open::start(BlockKind::Paragraph, &lines[0], 0, 0);
            for line in &lines[1..] {
                open.push_line(line, 0);
            }
            let fast = open.render(&text);
            let slow = render(&open.chars(&text));
            proptest::prop_assert_eq!(&fast.text, &slow.text);
            proptest::prop_assert_eq!(&fast.src, &slow.src);
        }
    }

    proptest::proptest! {
        /// The outline's cheap reading finds the same blocks, of the same kinds, as
        /// the full one, and every text it keeps is the full reading's text.
        #[test]
        fn heading_blocks_are_the_blocks(
            text in "(( {0,4}|#{1,7} ?|- |1\\. |> |\\| |```)[A-Za-z*_`|•:.?=!;,\\[\\]()<>\\\\&-]{0,10}( [a-z|.!<>\\]]{0,5}){0,4}\r?\n{1,3}){0,40}",
            markdown in proptest::bool::ANY,
        ) {
            let format = if markdown { Format::Markdown } else { Format::Plain };
            let full = blocks(&text, format);
            let cheap = heading_blocks(&text, format);
            proptest::prop_assert_eq!(full.len(), cheap.len());
            for (f, c) in full.iter().zip(&cheap) {
                proptest::prop_assert_eq!((f.kind, f.first_line, f.last_line), (c.kind, c.first_line, c.last_line));
                if matches!(c.kind, BlockKind::Heading { .. }) || !c.rendered.text.is_empty() {
                    proptest::prop_assert_eq!(&f.rendered.text, &c.rendered.text);
                    proptest::prop_assert_eq!(&f.rendered.src, &c.rendered.src);
                }
            }
        }
    }

    #[test]
    fn markdown_structure() {
        let text = "# Title\n\nA **bold** claim\nwrapped here.\n\n- one `x`\n  more\n2. two\n\n| a | b |\n|---|---|\n| c | d |\n";
        let k = kinds(text);
        assert_eq!(
            k[0],
            (BlockKind::Heading { level: 1 }, 1, 1, "Title".into())
        );
        assert_eq!(
            k[1],
            (
                BlockKind::Paragraph,
                3,
                4,
                "A bold claim wrapped here.".into()
            )
        );
        assert_eq!(
            k[2],
            (
                BlockKind::ListItem { ordered: false },
                6,
                7,
                "one x more".into()
            )
        );
        assert_eq!(k[3].0, BlockKind::ListItem { ordered: true });
        assert_eq!(k[4].0, BlockKind::TableRow { header: true });
        assert_eq!(k[5].0, BlockKind::TableRow { header: false });
        let cells: Vec<String> = blocks(text, Format::Plain)[5]
            .cells
            .iter()
            .map(|c| c.text.clone())
            .collect();
        assert_eq!(cells, ["c", "d"]);
    }

    #[test]
    fn rendered_text_maps_back_to_the_source() {
        let text = "Intro [the *docs*](http://x.y) and\n__more__ here";
        let b = &blocks(text, Format::Plain)[0];
        assert_eq!(b.rendered.text, "Intro the docs and more here");
        let at = b.rendered.text.find("and more").unwrap();
        let (s, e) = b.rendered.source_range(text, at, at + "and more".len());
        assert_eq!(&text[s..e], "and\n__more");
    }

    #[test]
    fn plain_text_headings_and_labels() {
        let text = "Limitations of X\n\n  1. Speed: It is slow.\n  2. Size: Big.\n\n1. Design Philosophy\n\n\nWhat is X?\n\nX is a tool.";
        let k = kinds(text);
        assert_eq!(k[0].0, BlockKind::Heading { level: 0 });
        assert_eq!(k[1].0, BlockKind::ListItem { ordered: true });
        assert_eq!(k[3].0, BlockKind::Heading { level: 0 });
        assert_eq!(k[4].0, BlockKind::Heading { level: 0 });
        assert_eq!(k[5].0, BlockKind::Paragraph);
        assert_eq!(label_len("Rapid Development: fast."), Some(17));
        assert_eq!(label_len("X is based on two parts: A and B."), None);
        assert_eq!(label_len("Ease of Learning: simple."), Some(16));
    }

    #[test]
    fn crlf_and_bom_are_not_text() {
        let text = "\u{FEFF}Title\r\n\r\nBody line.\r\n";
        let k = kinds(text);
        assert_eq!(k[0].3, "Title");
        assert_eq!(k[1].3, "Body line.");
    }
}
