//! Markdown read as a browser shows it, through `pulldown-cmark`: its offset
//! iterator gives every event's source range, so each rendered byte keeps the
//! source offset it comes from (and therefore its line). Fenced code (of any fence
//! length), indented code, HTML blocks and comments, front matter and link
//! reference definitions show nothing and are skipped; inline markup renders to
//! its text (a link's text, an image's alt text, a code span's code); block quotes
//! and GFM admonitions ("> [!NOTE]") read as their paragraphs; a table gives one
//! block per row, with its cells.
//!
//! Headings are what the parser says (`#` and underlined ones), plus a paragraph
//! that is one line of bold text and reads as a heading ("**Verdict**"): many pages
//! write their sub-headings that way, and a browser shows it as one.

use crate::text::block::{Block, BlockKind, Detail, reads_as_heading};
use crate::text::render::{Folded, Rendered, render};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// The GitHub-flavoured extensions pages use, and front matter.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
}

/// The block being read.
struct Open {
    kind: BlockKind,
    text: Folded,
    /// Table rows: the row's source range and its cells so far.
    row: Option<Range<usize>>,
    cells: Vec<Rendered>,
    /// Bold text nesting, and whether anything but bold text was read: a paragraph
    /// that is all bold may be a heading.
    strong: usize,
    bold: bool,
    plain: bool,
}

impl Open {
    fn new(kind: BlockKind) -> Open {
        Open {
            kind,
            text: Folded::with_capacity(0),
            row: None,
            cells: Vec::new(),
            strong: 0,
            bold: false,
            plain: false,
        }
    }
}

struct Reader<'s> {
    /// The text parsed: the source, or its copy with admonitions' markers blanked
    /// and their bodies moved out of their indent (`Admonitions`).
    source: &'s str,
    /// The article as written: what table rows quote.
    original: &'s str,
    /// Where the parsed text stands elsewhere in the source.
    moved: Vec<Moved>,
    detail: Detail,
    line_starts: Vec<usize>,
    out: Vec<Block>,
    open: Option<Open>,
    /// The cell being read, inside a table row.
    cell: Option<Folded>,
    /// Ordered or not, for each list the reader stands in.
    lists: Vec<bool>,
    /// Inside code, an HTML block or front matter: nothing shows.
    hidden: usize,
}

/// The blocks of Markdown `source`.
pub(crate) fn markdown_blocks(source: &str, detail: Detail) -> Vec<Block> {
    let mut line_starts = vec![0];
    line_starts.extend(memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i + 1));
    // A byte order mark is no text.
    let bom = if source.starts_with('\u{FEFF}') {
        '\u{FEFF}'.len_utf8()
    } else {
        0
    };
    let prepared = admonitions(source);
    let (parsed, moved) = match &prepared {
        Some((text, moved)) => (text.as_str(), moved.clone()),
        None => (source, Vec::new()),
    };
    let mut r = Reader {
        source: parsed,
        original: source,
        moved,
        detail,
        line_starts,
        out: Vec::new(),
        open: None,
        cell: None,
        lists: Vec::new(),
        hidden: 0,
    };
    for (event, range) in Parser::new_ext(&parsed[bom..], options()).into_offset_iter() {
        r.event(event, range.start + bom..range.end + bom);
    }
    r.close();
    r.out
}

impl Reader<'_> {
    fn event(&mut self, event: Event, range: Range<usize>) {
        if self.hidden > 0 {
            match event {
                Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)) => {
                    self.hidden += 1
                }
                Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_)) => {
                    self.hidden -= 1
                }
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) => self.text(&text, range),
            Event::SoftBreak | Event::HardBreak => self.push_char(' ', range.start),
            // A line break shows as one; other tags show nothing.
            Event::InlineHtml(html)
                if html
                    .trim_start_matches('<')
                    .to_ascii_lowercase()
                    .starts_with("br") =>
            {
                self.push_char(' ', range.start)
            }
            Event::Rule => self.close(),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag, range: Range<usize>) {
        // A block's text is at most its source's length: room for it at once.
        let room = range.len();
        match tag {
            Tag::Paragraph => {
                // An item's first paragraph is the item's text.
                let item_start = self.open.as_ref().is_some_and(|o| {
                    matches!(o.kind, BlockKind::ListItem { .. }) && o.text.rendered.text.is_empty()
                });
                if !item_start {
                    self.close();
                    self.open = Some(Open::new(BlockKind::Paragraph));
                }
                if let Some(o) = self.open.as_mut() {
                    o.text.reserve(room);
                }
            }
            Tag::Heading { level, .. } => {
                self.close();
                let mut open = Open::new(BlockKind::Heading { level: level as u8 });
                open.text.reserve(room);
                self.open = Some(open);
            }
            Tag::List(first) => {
                self.close();
                self.lists.push(first.is_some());
            }
            Tag::Item => {
                self.close();
                let ordered = self.lists.last().copied().unwrap_or(false);
                self.open = Some(Open::new(BlockKind::ListItem { ordered }));
            }
            Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                self.close();
                self.hidden += 1;
            }
            Tag::TableHead | Tag::TableRow => {
                self.close();
                let header = matches!(tag, Tag::TableHead);
                let mut open = Open::new(BlockKind::TableRow { header });
                open.row = Some(range);
                self.open = Some(open);
            }
            Tag::TableCell => self.cell = Some(Folded::with_capacity(0)),
            Tag::Strong => {
                if let Some(o) = self.open.as_mut() {
                    o.strong += 1;
                    o.bold = true;
                }
            }
            Tag::BlockQuote(_) | Tag::Table(_) | Tag::FootnoteDefinition(_) => self.close(),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::BlockQuote(_)
            | TagEnd::Table
            | TagEnd::FootnoteDefinition => self.close(),
            TagEnd::List(_) => {
                self.close();
                self.lists.pop();
            }
            TagEnd::TableCell => {
                if let (Some(cell), Some(o)) = (self.cell.take(), self.open.as_mut()) {
                    o.cells.push(cell.rendered);
                }
            }
            TagEnd::Strong => {
                if let Some(o) = self.open.as_mut() {
                    o.strong = o.strong.saturating_sub(1);
                }
            }
            _ => {}
        }
    }

    /// The block text goes to: the open cell, or the open block (text after a
    /// nested list continues its item).
    fn target(&mut self) -> &mut Folded {
        if let Some(cell) = self.cell.as_mut() {
            return cell;
        }
        let kind = match self.lists.last() {
            Some(&ordered) => BlockKind::ListItem { ordered },
            None => BlockKind::Paragraph,
        };
        &mut self.open.get_or_insert_with(|| Open::new(kind)).text
    }

    fn push_char(&mut self, c: char, at: usize) {
        let at = source_offset(&self.moved, at);
        self.target().push((c, at));
    }

    /// Text the parser read from `range`, each character at the source offset it
    /// stands at: an escape's backslash, an entity's name or a code span's ticks
    /// are in the range but not in the text.
    fn text(&mut self, text: &str, range: Range<usize>) {
        if self.cell.is_none()
            && let Some(o) = self.open.as_mut()
            && o.strong == 0
            && !text.trim().is_empty()
        {
            o.plain = true;
        }
        let source = self.source;
        let moved = std::mem::take(&mut self.moved);
        let at = |o: usize| source_offset(&moved, o);
        let out = self.target();
        let src = source.get(range.clone()).unwrap_or("");
        if src == text {
            if moved.is_empty() {
                out.push_str(text, range.start);
            } else {
                for (i, c) in text.char_indices() {
                    out.push((c, at(range.start + i)));
                }
            }
            self.moved = moved;
            return;
        }
        // What the parser left out is short (a backslash, "&amp;", ticks): each
        // character is looked for a little way ahead of the last one found.
        const AHEAD: usize = 64;
        let mut pos = 0;
        for c in text.chars() {
            let window = &src[pos..];
            let found = window
                .char_indices()
                .take_while(|(i, _)| *i < AHEAD)
                .find(|(_, d)| *d == c || (c.is_whitespace() && d.is_whitespace()));
            match found {
                Some((i, d)) => {
                    out.push((c, at(range.start + pos + i)));
                    pos += i + d.len_utf8();
                }
                None => {
                    let here = if pos < src.len() {
                        pos
                    } else {
                        src.char_indices().last().map_or(0, |(i, _)| i)
                    };
                    out.push((c, at(range.start + here)));
                }
            }
        }
        self.moved = moved;
    }

    /// Ends the open block, keeping it if it shows any text.
    fn close(&mut self) {
        self.cell = None;
        let Some(open) = self.open.take() else {
            return;
        };
        let mut kind = open.kind;
        let (first_line, last_line, rendered, cells) = match &open.row {
            Some(range) => {
                // A row is one line; its text is the line as written (the quote of
                // the row's cells).
                let line = self.line_of(source_offset(&self.moved, range.start));
                let from = self.line_starts[line - 1];
                let to = self
                    .line_starts
                    .get(line)
                    .map_or(self.original.len(), |&s| s - 1);
                let chars: Vec<(char, usize)> = self.original[from..to]
                    .char_indices()
                    .map(|(i, c)| (c, from + i))
                    .collect();
                // A row keeps the promise every block keeps: some text to quote
                // (a row of "**" has cells to pulldown-cmark but renders to nothing).
                let rendered = render(&chars);
                if rendered.text.is_empty() || open.cells.iter().all(|c| c.text.is_empty()) {
                    return;
                }
                (line, line, rendered, open.cells)
            }
            None => {
                let rendered = open.text.rendered;
                let (Some(&first), Some(&last)) = (rendered.src.first(), rendered.src.last())
                else {
                    return;
                };
                (
                    self.line_of(first),
                    self.line_of(last),
                    rendered,
                    Vec::new(),
                )
            }
        };
        if kind == BlockKind::Paragraph
            && open.bold
            && !open.plain
            && first_line == last_line
            && reads_as_heading(&rendered.text)
        {
            kind = BlockKind::Heading { level: 0 };
        }
        let keep = self.detail == Detail::Full || matches!(kind, BlockKind::Heading { .. });
        self.out.push(Block {
            kind,
            first_line,
            last_line,
            rendered: if keep { rendered } else { Rendered::default() },
            cells: if keep { cells } else { Vec::new() },
            blank_before: 0,
        });
    }

    /// The 1-based line of byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset)
    }
}

#[cfg(test)]
mod tests {
    use crate::text::blocks::{BlockKind, Format, blocks};

    fn read(text: &str) -> Vec<(BlockKind, usize, usize, String)> {
        blocks(text, Format::Markdown)
            .into_iter()
            .map(|b| (b.kind, b.first_line, b.last_line, b.rendered.text))
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        read(text).into_iter().map(|b| b.3).collect()
    }

    /// Every rendered byte maps back to the source character it shows.
    fn check_offsets(text: &str) {
        for b in blocks(text, Format::Markdown) {
            for (i, c) in b.rendered.text.char_indices() {
                let at = b.rendered.src[i];
                let shown = text[at..].chars().next().unwrap();
                assert!(
                    shown == c || c.is_whitespace() || shown == '&',
                    "{c:?} at {i} of {:?} maps to {shown:?}",
                    b.rendered.text
                );
            }
        }
    }

    #[test]
    fn a_long_fence_hides_its_code_and_not_what_follows() {
        let text = "# Title\n\n````md\n```\nInside the fence.\n```\n````\n\nAfter the fence.\n";
        assert_eq!(texts(text), ["Title", "After the fence."]);
        assert_eq!(read(text)[1].1, 9);
    }

    #[test]
    fn what_a_browser_does_not_show_is_skipped() {
        let text = "---\ntitle: Front matter\n---\n\nShown one.\n\n<!-- A comment\nover lines. -->\n\n<div>\nAn HTML block.\n</div>\n\n    indented code\n\n[ref]: https://example.com \"Link definition\"\n\n+++ not front matter here\n\nShown two.\n";
        assert_eq!(
            texts(text),
            ["Shown one.", "+++ not front matter here", "Shown two."]
        );
        let toml = "+++\ntitle = \"x\"\n+++\n\nShown.\n";
        assert_eq!(texts(toml), ["Shown."]);
    }

    #[test]
    fn inline_markup_renders_as_shown_and_maps_to_the_source() {
        let text = "A **bold** `code` [link *text*](http://x.y) ![alt words](i.png) \
                    a\\*b &amp; c<br />d ~~old~~ <span>x</span>\nnext line.\n";
        assert_eq!(
            texts(text),
            ["A bold code link text alt words a*b & c d old x next line."]
        );
        check_offsets(text);
        let b = &blocks(text, Format::Markdown)[0];
        let at = b.rendered.text.find("a*b").unwrap();
        let (s, e) = b.rendered.source_range(text, at, at + 3);
        assert_eq!(&text[s..e], "a\\*b");
    }

    #[test]
    fn tables_read_as_rows_of_cells() {
        let text = "| Feature | Alpha | Beta |\n|:--|:-:|--:|\n| Pipes `a \\| b` | ✅ yes | x \\| y |\n| **Bold** | [l](u) | |\n";
        let b = blocks(text, Format::Markdown);
        assert_eq!(b.len(), 3);
        assert_eq!(b[0].kind, BlockKind::TableRow { header: true });
        assert_eq!(b[1].kind, BlockKind::TableRow { header: false });
        assert_eq!((b[1].first_line, b[2].first_line), (3, 4));
        let cells =
            |i: usize| -> Vec<String> { b[i].cells.iter().map(|c| c.text.clone()).collect() };
        assert_eq!(cells(0), ["Feature", "Alpha", "Beta"]);
        assert_eq!(cells(1), ["Pipes a | b", "✅ yes", "x | y"]);
        assert_eq!(cells(2), ["Bold", "l", ""]);
        // The row's text is its line, for its quote.
        assert!(b[1].rendered.text.starts_with("| Pipes"));
        check_offsets(text);
    }

    #[test]
    fn headings_are_the_parsers_and_a_bold_line() {
        let text = "Setext one\n==========\n\nSetext two\n----------\n\n## ATX ##\n\n**Bold Heading**\n\n**Bold** and more.\n\nShort line alone\n\n> ## Quoted\n";
        let k = read(text);
        assert_eq!(
            k[0],
            (BlockKind::Heading { level: 1 }, 1, 1, "Setext one".into())
        );
        assert_eq!(
            k[1],
            (BlockKind::Heading { level: 2 }, 4, 4, "Setext two".into())
        );
        assert_eq!(k[2], (BlockKind::Heading { level: 2 }, 7, 7, "ATX".into()));
        assert_eq!(
            k[3],
            (BlockKind::Heading { level: 0 }, 9, 9, "Bold Heading".into())
        );
        assert_eq!(k[4].0, BlockKind::Paragraph);
        assert_eq!(k[5].0, BlockKind::Paragraph);
        assert_eq!(
            k[6],
            (BlockKind::Heading { level: 2 }, 15, 15, "Quoted".into())
        );
    }

    #[test]
    fn lists_quotes_details_and_admonitions() {
        let text = "- one\n  wrapped\n- two\n  1. nested\n\n> [!NOTE]\n> A note a browser shows.\n\n<details>\n<summary>More</summary>\n\nHidden until opened.\n\n</details>\n";
        let k = read(text);
        assert_eq!(
            k[0],
            (
                BlockKind::ListItem { ordered: false },
                1,
                2,
                "one wrapped".into()
            )
        );
        assert_eq!(
            k[1],
            (BlockKind::ListItem { ordered: false }, 3, 3, "two".into())
        );
        assert_eq!(
            k[2],
            (BlockKind::ListItem { ordered: true }, 4, 4, "nested".into())
        );
        assert_eq!(
            k[3],
            (BlockKind::Paragraph, 7, 7, "A note a browser shows.".into())
        );
        assert_eq!(
            k[4],
            (BlockKind::Paragraph, 12, 12, "Hidden until opened.".into())
        );
        assert_eq!(k.len(), 5);
    }

    #[test]
    fn a_byte_order_mark_and_crlf_are_no_text() {
        let text = "\u{FEFF}# Title\r\n\r\nBody\r\nline.\r\n";
        assert_eq!(texts(text), ["Title", "Body line."]);
        check_offsets(text);
    }

    #[test]
    fn the_format_is_the_extension_or_the_look() {
        use std::path::Path;
        assert_eq!(Format::of(Path::new("a.MD"), "plain"), Format::Markdown);
        assert_eq!(Format::of(Path::new("a.mdx"), ""), Format::Markdown);
        assert_eq!(Format::of(Path::new("a.txt"), "# Heading\n"), Format::Plain);
        assert_eq!(Format::of(Path::new("-"), "# Heading\n"), Format::Markdown);
        assert_eq!(
            Format::of(Path::new("a.text"), "Title\n\nText.\n"),
            Format::Plain
        );
        assert_eq!(Format::sniff("Intro\n\n```\ncode\n```\n"), Format::Markdown);
        assert_eq!(Format::sniff("| a | b |\n|---|---|\n"), Format::Markdown);
        assert_eq!(
            Format::sniff("See [the docs](http://x).\n"),
            Format::Markdown
        );
        assert_eq!(Format::sniff("#hashtag and 5 # 3\n"), Format::Plain);
        let seed = include_str!("../../seed/django-vs-flask.txt");
        assert_eq!(Format::sniff(seed), Format::Plain);
    }
}

/// A line of an admonition's body, moved out of its indent: the parsed text's bytes
/// `from..to` stand `by` bytes further on in the source.
#[derive(Clone, Copy)]
struct Moved {
    from: usize,
    to: usize,
    by: usize,
}

/// The source offset of byte `offset` of the parsed text.
fn source_offset(moved: &[Moved], offset: usize) -> usize {
    if moved.is_empty() {
        return offset;
    }
    let i = moved.partition_point(|m| m.from <= offset);
    match i.checked_sub(1).map(|i| moved[i]) {
        Some(m) if offset < m.to => offset + m.by,
        _ => offset,
    }
}

/// Admonitions read as the text a browser shows in their box: the marker lines of a
/// `:::tip Title` ... `:::` block and of a `!!! note "Title"` block become blank
/// (a title bar is no sentence of the text under it), and the indented body under
/// a `!!!` line moves out of its indent (the indent goes to the end of the line),
/// so it reads as paragraphs and not as code. Every line keeps its length, so
/// lines stay; the moved parts are listed. None when the text has no admonition.
fn admonitions(source: &str) -> Option<(String, Vec<Moved>)> {
    let marker = |line: &str| {
        let t = line.trim_start_matches(' ');
        line.len() - t.len() <= 3
            && (t.starts_with(":::")
                || t.starts_with("!!! ")
                || t.starts_with("??? ")
                || t.starts_with("???+ "))
    };
    if !source.split('\n').any(marker) {
        return None;
    }
    let mut out = String::with_capacity(source.len());
    let mut moved = Vec::new();
    let mut body = false;
    let mut start = 0;
    for raw in source.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let ending = &raw[line.len()..];
        let at = start;
        start += raw.len();
        let t = line.trim_start_matches(' ');
        let indent = line.len() - t.len();
        if body {
            let (by, rest) = if let Some(rest) = line.strip_prefix("    ") {
                (4, rest)
            } else if let Some(rest) = line.strip_prefix('\t') {
                (1, rest)
            } else {
                (0, line)
            };
            if by > 0 {
                out.push_str(rest);
                out.push_str(&line[..by]);
                out.push_str(ending);
                moved.push(Moved {
                    from: at,
                    to: at + rest.len(),
                    by,
                });
                continue;
            }
            if !line.trim().is_empty() {
                body = false;
            } else {
                out.push_str(raw);
                continue;
            }
        }
        let open = ["!!! ", "??? ", "???+ "].iter().any(|m| t.starts_with(m));
        if indent <= 3 && (t.starts_with(":::") || open) {
            // The line a browser draws as the box's title bar: blank, so the text
            // under it is not read as one sentence with it.
            out.push_str(&" ".repeat(line.len()));
            out.push_str(ending);
            body = open;
            continue;
        }
        out.push_str(raw);
    }
    Some((out, moved))
}

#[cfg(test)]
mod admonition_tests {
    use crate::text::blocks::{Format, blocks};

    #[test]
    fn admonitions_read_as_their_text() {
        let text = "Intro.\n\n:::tip Handy\nA tip **here**.\n:::\n\n!!! note \"Title\"\n    Indented body\n    wraps here.\n\n    Second para.\n\nAfter.\n";
        let b = blocks(text, Format::Markdown);
        let got: Vec<(usize, usize, &str)> = b
            .iter()
            .map(|b| (b.first_line, b.last_line, b.rendered.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (1, 1, "Intro."),
                (4, 4, "A tip here."),
                (8, 9, "Indented body wraps here."),
                (11, 11, "Second para."),
                (13, 13, "After."),
            ]
        );
        // The moved body still maps to its own words in the source.
        let body = &b[2].rendered;
        let (s, e) = body.source_range(text, 0, body.text.len());
        assert_eq!(&text[s..e], "Indented body\n    wraps here.");
    }
}
