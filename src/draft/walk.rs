//! Walking an article's blocks in order, keeping the context each sentence is
//! read in: the headings above it (a stack, since plain-text headings have no
//! level of their own), the table header above a row, and the list intro above an
//! item.

use crate::draft::context::{Context, SectionKind, Sentence};
use crate::draft::discover::{Page, column_name, subject_column};
use crate::draft::extract::table::{blanks_lack, legend_entry, opens_with_mark};
use crate::draft::question::{Question, answer, question};
use crate::draft::reader::Reader;
use crate::model::Stance;
use crate::names::fold;
use crate::text::blocks::{Block, BlockKind, label_len};
use crate::text::english::{
    LEGEND_INTROS, PREDICATE_BUILTIN, PREDICATE_LACKING, STATUS_BUILTIN, STATUS_LACKS,
    STATUS_LIMITED,
};
use crate::text::quotes::widen;
use crate::text::render::Rendered;
use crate::text::sentences::{sentences, sentences_naming};

/// The most product columns a table may have and still be read cell by cell (the
/// widest comparison in the corpus has 9).
const WIDEST_TABLE: usize = 64;

/// The longest sentence `draft` reads, in rendered bytes: far longer than any
/// sentence a claim quotes (import takes lines of up to 1 MiB, but a claim's
/// sentence is a few hundred bytes).
pub const MAX_SENTENCE_BYTES: usize = 16 << 10;

/// The columns (after the first) of a table whose body rows, two or more, hold
/// numbers, most of them (two in three) the same one ("536" matches for nearly
/// every tool): what the subjects were measured on, which tells none apart.
fn shared_columns(table: &[&Block]) -> Vec<usize> {
    let body: Vec<&Block> = table
        .iter()
        .copied()
        .filter(|b| matches!(b.kind, BlockKind::TableRow { header: false }))
        .collect();
    if body.len() < 2 {
        return Vec::new();
    }
    let number = |f: &str| {
        f.chars().any(|c| c.is_ascii_digit())
            && f.chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    };
    let width = body.iter().map(|b| b.cells.len()).max().unwrap_or(0);
    (1..width)
        .filter(|&i| {
            let cells: Vec<&str> = body
                .iter()
                .map(|b| b.cells.get(i).map_or("", |c| c.text.trim()))
                .collect();
            if !cells.iter().all(|c| number(c)) {
                return false;
            }
            // Counted once each, not by comparing every cell with every other
            // (a table of 50,000 rows).
            let mut counts: foldhash::HashMap<&str, usize> = Default::default();
            for c in &cells {
                *counts.entry(c).or_insert(0) += 1;
            }
            let most = counts.values().copied().max().unwrap_or(0);
            most * 3 >= cells.len() * 2
        })
        .collect()
}

/// A heading on the stack: its level (0 for plain text), whether it is a minor
/// one (numbered, or a question under a FAQ), and what it says.
struct Open {
    level: u8,
    minor: bool,
    context: Context,
}

pub struct Walk<'a, 'c> {
    reader: &'a mut Reader<'c>,
    text: &'a str,
    /// Byte offset of the start of each line of the article.
    line_starts: Vec<usize>,
    stack: Vec<Open>,
    ctx: Context,
    previous: Option<BlockKind>,
    table_header: Vec<String>,
    /// The page's own subject, for what names none (a one-product page).
    main: Option<usize>,
    /// The one product the page's title names, if it names one.
    title_product: Option<usize>,
    /// A yes/no question heading waiting for its answer, and its source range.
    question: Option<(Question, (usize, usize))>,
    /// Subjects' names written in lower case, which may begin a sentence.
    lower_names: Vec<String>,
    /// For each row of the table being read, whether its blank cells say "no";
    /// the rows not read yet, last first.
    blanks: Vec<bool>,
    /// The first row of each table that names its subjects by row.
    tables_by_rows: Vec<usize>,
    /// True while reading such a table.
    by_rows: bool,
    /// True while reading a table of measurements read by rows
    /// ([`Page::measured`]): it gives no rows.
    measured: bool,
    /// The columns of the table being read whose every row holds the same number.
    shared_columns: Vec<usize>,
    /// The subject of the list being read, as it began (its heading's, its
    /// lead-in's): what an item that leaves its subject out is about.
    list_subject: Option<usize>,
    /// The columns of the table being read set in bold in most of its rows: the
    /// page's styling of them, not a mark of what is ahead.
    bold_columns: Vec<usize>,
    /// True while reading the items under a lead-in that says what marks mean
    /// ("marked to indicate the following:").
    legend_list: bool,
}

impl<'a, 'c> Walk<'a, 'c> {
    pub fn new(reader: &'a mut Reader<'c>, text: &'a str, main: Option<usize>) -> Walk<'a, 'c> {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Walk {
            reader,
            text,
            line_starts,
            stack: Vec::new(),
            ctx: Context {
                subject: main,
                main,
                ..Context::default()
            },
            previous: None,
            legend_list: false,
            table_header: Vec::new(),
            main,
            question: None,
            title_product: None,
            lower_names: Vec::new(),
            blanks: Vec::new(),
            tables_by_rows: Vec::new(),
            by_rows: false,
            measured: false,
            shared_columns: Vec::new(),
            bold_columns: Vec::new(),
            list_subject: None,
        }
    }

    /// The tables whose rows name their subjects (`Page::tables_by_rows`).
    pub fn with_tables_by_rows(mut self, tables: Vec<usize>) -> Walk<'a, 'c> {
        self.tables_by_rows = tables;
        self
    }

    /// The subjects' names the page writes in lower case ("zapctl"): a sentence
    /// may begin with one ("... built with zapctl. zapctl is ...").
    pub fn with_lower_names(mut self, names: Vec<String>) -> Walk<'a, 'c> {
        self.lower_names = names;
        self
    }

    /// Reads every block of the article, in order.
    pub fn blocks(mut self, blocks: &[Block]) {
        for (i, block) in blocks.iter().enumerate() {
            // A line of badges says nothing, and is no title.
            if !matches!(block.kind, BlockKind::TableRow { .. }) && block.images_only(self.text) {
                continue;
            }
            let row = |b: &Block| matches!(b.kind, BlockKind::TableRow { .. });
            if row(block)
                && !self
                    .previous
                    .is_some_and(|k| matches!(k, BlockKind::TableRow { .. }))
            {
                let table: Vec<&Block> = blocks[i..].iter().take_while(|b| row(b)).collect();
                self.blanks = blanks_lack(&table, &self.reader.legend);
                self.blanks.reverse();
                self.by_rows = self.tables_by_rows.contains(&i);
                self.measured = self.by_rows && Page::measured(&table);
                self.shared_columns = shared_columns(&table);
                self.bold_columns = self.bold_columns(&table);
            }
            // A list starts at its first item, even one set aside below (a
            // sublist's head, a contents or legend entry): its subject is the
            // one in focus then, never an earlier list's.
            if matches!(block.kind, BlockKind::ListItem { .. })
                && !matches!(self.previous, Some(BlockKind::ListItem { .. }))
            {
                self.list_subject = match self.reader.focus.as_slice() {
                    [one] => Some(*one),
                    [] => self.ctx.subject,
                    _ => None,
                };
            }
            match block.kind {
                BlockKind::Heading { level } => self.heading(block, level),
                BlockKind::TableRow { header } => self.table_row(block, header),
                BlockKind::ListItem { .. } if self.heads_sublist(block, blocks.get(i + 1)) => {
                    self.previous = Some(block.kind);
                    continue;
                }
                BlockKind::Paragraph | BlockKind::ListItem { .. } => self.text_block(block),
            }
            self.previous = Some(block.kind);
        }
    }

    /// A heading replaces the ones at its level and below; a plain-text heading
    /// (level 0) replaces all but a run of headings right above it, and a minor one
    /// only the minor ones.
    fn heading(&mut self, block: &Block, level: u8) {
        let heading = block.rendered.text.trim();
        let minor = level == 0
            && (heading.starts_with(|c: char| c.is_ascii_digit())
                || (heading.ends_with('?')
                    && self
                        .stack
                        .iter()
                        .any(|s| s.context.kind == Some(SectionKind::Faq))));
        let follows_heading = matches!(self.previous, Some(BlockKind::Heading { .. }));
        if level > 0 {
            self.stack.retain(|s| s.level > 0 && s.level < level);
        } else if minor {
            while self.stack.last().is_some_and(|s| s.minor) {
                self.stack.pop();
            }
        } else if !follows_heading {
            self.stack.clear();
        }
        let context = self.reader.heading_context(heading);
        // A page whose title names one product ("Quillo FAQ") is that product's
        // page: its "we" is the product's makers, even where the prose names
        // other products as often.
        if self.previous.is_none() {
            self.title_product = context.subject;
        }
        self.stack.push(Open {
            level,
            minor,
            context,
        });
        let innermost = || self.stack.iter().rev().map(|s| &s.context);
        self.ctx = Context {
            section: heading.to_string(),
            kind: innermost().find_map(|c| c.kind),
            subject: innermost().find_map(|c| c.subject).or(self.main),
            category: innermost().find_map(|c| c.category.clone()),
            main: self.title_product.or(self.main),
            ..Context::default()
        };
        self.reader.focus = self.ctx.subject.map(|s| vec![s]).unwrap_or_default();
        self.reader.elsewhere = false;
        self.table_header.clear();
        self.question = None;
        let reader = &self.reader;
        // "Can it ...?" asks about the page's product (a "Docker" section of
        // its FAQ asks about the product with Docker, not about Docker).
        let pronoun = self.ctx.main.map(|s| reader.display(s));
        if let Some(q) = question(
            heading,
            |name| reader.subject_whole(name).is_some(),
            pronoun,
        ) {
            let r = &block.rendered;
            let range = widen(self.text, r.source_range(self.text, 0, r.text.len()));
            if q.presupposed {
                self.read_statement(&q.statement(true), range);
            } else {
                self.question = Some((q, range));
            }
        }
    }

    /// A question heading's statement, as the answer under it says (or as the
    /// question says, for "Why doesn't A ...?"), read as a sentence quoting
    /// `range` of the article.
    fn read_statement(&mut self, statement: &str, (s, e): (usize, usize)) {
        let text = self.text;
        let lines = (self.line_of(s), self.line_of(e - 1));
        let sentence = Sentence::alone(statement, &text[s..e], lines, None);
        self.reader.start_block();
        self.reader.read(&sentence, &self.ctx);
    }

    /// A table row: each cell after the first is read with its column's heading
    /// (the subject) and the row's label (the topic).
    fn table_row(&mut self, block: &Block, header: bool) {
        self.question = None;
        self.ctx.blank_lacks = self.blanks.pop().unwrap_or(false);
        if header || self.table_header.is_empty() {
            self.table_header = block.cells.iter().map(|c| c.text.clone()).collect();
            if header {
                return;
            }
        }
        // A row wider than any comparison of products: each cell's row would quote
        // the whole row, a size quadratic in the width.
        if self.measured || block.cells.len() > WIDEST_TABLE + 1 {
            return;
        }
        let r = &block.rendered;
        let (start, end) = r.source_range(self.text, 0, r.text.len());
        let quote = &self.text[start..end];
        let row_label = block
            .cells
            .first()
            .map(|c| c.text.clone())
            .unwrap_or_default();
        // A table whose first column is headed "Project" (or the like), or names
        // things under an empty heading, has a subject a row and a topic a
        // column; otherwise a subject a column.
        let by_rows = self.by_rows || self.table_header.first().is_some_and(|h| subject_column(h));
        for (i, cell) in block.cells.iter().enumerate().skip(1) {
            if self.shared_columns.contains(&i) || self.command_cell(cell) {
                continue;
            }
            let heading = self.table_header.get(i).cloned().unwrap_or_default();
            let (column, row_label) = if by_rows {
                (row_label.clone(), heading)
            } else {
                (column_name(&heading), row_label.clone())
            };
            let lines = (block.first_line, block.last_line);
            let s = Sentence::alone(&cell.text, quote, lines, Some((column, row_label.clone())));
            self.reader.read(&s, &self.ctx);
        }
        if !by_rows {
            self.emphasised_winner(block, quote, &row_label);
        }
    }

    /// "| Throughput | **86 MB/s** | 64 MB/s |": where one cell of a row of
    /// figures is set in bold, the page marks its column's subject as ahead of
    /// the others on the row's test; a comparison row, against the next column
    /// that has a figure.
    fn emphasised_winner(&mut self, block: &Block, quote: &str, row_label: &str) {
        let emphasised: Vec<usize> = (1..block.cells.len())
            .filter(|&i| self.bold(&block.cells[i]))
            .collect();
        let [winner] = emphasised.as_slice() else {
            return;
        };
        if self.bold_columns.contains(winner) {
            return;
        }
        let figure = |i: &usize| {
            let text = block.cells[*i].text.trim();
            text.chars().any(|c| c.is_ascii_digit()) && *i != *winner
        };
        let Some(versus) = (1..block.cells.len()).find(figure) else {
            return;
        };
        let name = |i: usize| column_name(self.table_header.get(i).map_or("", String::as_str));
        let (winner_name, versus_name) = (name(*winner), name(versus));
        let value = block.cells[*winner].text.trim().to_string();
        let s = Sentence::alone(row_label, quote, (block.first_line, block.last_line), None);
        self.reader.table_winner(
            &s,
            &self.ctx,
            (&winner_name, &versus_name),
            row_label,
            &value,
        );
    }

    /// True when a cell's text is set in bold ("**86 MB/s**", "_**86 MB/s**_").
    fn bold(&self, cell: &Rendered) -> bool {
        !cell.text.trim().is_empty() && {
            let (s, _) = cell.source_range(self.text, 0, cell.text.len());
            self.text[..s].ends_with("**") || self.text[..s].ends_with("__")
        }
    }

    /// The columns of `table` bold in every body row, two or more (a row bold
    /// throughout, "| **Total** | **9** | **8** |", is the row's styling and
    /// counts for none).
    fn bold_columns(&self, table: &[&Block]) -> Vec<usize> {
        let body: Vec<&&Block> = table
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::TableRow { header: false }))
            .filter(|b| !b.cells.iter().skip(1).all(|c| self.bold(c)))
            .collect();
        let width = body.iter().map(|b| b.cells.len()).max().unwrap_or(0);
        (1..width)
            .filter(|&i| {
                let bold = body
                    .iter()
                    .filter(|b| b.cells.get(i).is_some_and(|c| self.bold(c)))
                    .count();
                body.len() >= 2 && bold == body.len()
            })
            .collect()
    }

    /// True when a cell is one code span holding words ("`zap -n 'x+'`"): a
    /// command that was run, not something a subject is or has (a one-word code
    /// value, "`zeml`", still is).
    fn command_cell(&self, cell: &Rendered) -> bool {
        let text = cell.text.trim();
        if text.is_empty() || !text.contains(' ') {
            return false;
        }
        let (s, e) = cell.source_range(self.text, 0, cell.text.len());
        let source = &self.text[s..e];
        self.text[..s].ends_with('`') && self.text[e..].starts_with('`') && !source.contains('`')
    }

    /// True when list item `block` is the short name of the items nested under
    /// it ("- Backends." over "  - CUDA backend ...", "- **Developer
    /// experience**:"): a heading of a sublist, no claim (reviewers deleted every
    /// row read from one). Its items are read under the section as before. An
    /// item naming a subject ("- Alpha:") is read: it says whom its items are about.
    fn heads_sublist(&self, block: &Block, next: Option<&Block>) -> bool {
        let Some(next) = next.filter(|b| matches!(b.kind, BlockKind::ListItem { .. })) else {
            return false;
        };
        let indent = |line: usize| {
            let from = self
                .line_starts
                .get(line.wrapping_sub(1))
                .copied()
                .unwrap_or(0);
            let rest = &self.text[from..];
            rest.len() - rest.trim_start_matches([' ', '\t']).len()
        };
        let words = block
            .rendered
            .text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        // "- Alpha:" over Alpha's items names whom they are about.
        // A name of a few words, or one ending in ':' ("**Built with Zed**:"); a
        // longer item ("**Automatic HTTPS** by default") is a claim with details.
        let short = (1..=3).contains(&words)
            || (words == 4 && block.rendered.text.trim_end().ends_with(':'));
        next.first_line > block.last_line
            && indent(next.first_line) > indent(block.first_line)
            && short
            && self.reader.subject_named(&block.rendered.text).is_none()
    }

    /// A paragraph or list item, sentence by sentence. A paragraph ending in ':'
    /// introduces the list after it; the list ends at the next paragraph.
    fn text_block(&mut self, block: &Block) {
        let item = matches!(block.kind, BlockKind::ListItem { .. });
        // The first block under a yes/no question heading: "Yes." or "No, ...".
        if let Some((q, heading)) = self.question.take()
            && let Some((yes, taken)) = answer(&block.rendered.text)
        {
            let r = &block.rendered;
            // Cite the answer's first sentence ("No." with the sentence that
            // explains it), or the heading when the answer is the one word.
            let said = sentences(&r.text);
            let range = match said.first() {
                Some(&(from, to)) if r.text[taken.min(to)..to].trim().len() > 1 => {
                    widen(self.text, r.source_range(self.text, from, to))
                }
                Some(&(from, _)) if let Some(&(_, to)) = said.get(1) => {
                    widen(self.text, r.source_range(self.text, from, to))
                }
                _ => heading,
            };
            self.read_statement(&q.stated(yes), range);
        }
        // "- [Why Zapper is fast](#why-zapper-is-fast)": an entry of the page's
        // table of contents, a link to its own heading, says nothing itself.
        if item && block.first_line == block.last_line && self.contents_entry(block) {
            return;
        }
        // "- ✅ Built in and ready to use": a legend of the table's marks.
        if item && let Some(entry) = legend_entry(&block.rendered.text) {
            self.reader.legend.push(entry);
            return;
        }
        // Under a lead-in saying what the marks mean, an item opening with a mark
        // is a line of the legend even where its words give no stance ("✅
        // Supported and documented"): no feature of a subject.
        if item && self.legend_list && opens_with_mark(&block.rendered.text) {
            return;
        }
        if !item {
            self.legend_list = false;
        }
        // A labelled one-line paragraph under a pros, cons, limitations, companies
        // or use-cases heading is an item of that list.
        let listed = item
            || (block.first_line == block.last_line
                && label_len(&block.rendered.text).is_some()
                && self.ctx.kind.is_some_and(SectionKind::lists_claims));
        if !item && matches!(self.previous, Some(BlockKind::ListItem { .. })) {
            self.ctx.intro_stance = None;
            self.ctx.intro_kind = None;
            self.ctx.intro_versus = None;
            self.ctx.intro_subject = None;
        }
        self.status(block, item);
        self.read_sentences(block, listed);
        if block.rendered.text.trim_end().ends_with(':') {
            self.legend_list = !item
                && fold(&block.rendered.text)
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| LEGEND_INTROS.contains(w));
            let intro = self.reader.intro(&block.rendered.text);
            self.ctx.intro_stance = intro.stance;
            self.ctx.intro_kind = intro.kind;
            self.ctx.intro_versus = intro.versus;
            self.ctx.intro_subject = intro.subject;
            if let Some(s) = intro.subject {
                self.reader.focus = vec![s];
            }
        }
    }

    /// True when the source line of a one-line list item is only a link to a
    /// place on the same page ("- [Title](#title)").
    fn contents_entry(&self, block: &Block) -> bool {
        let r = &block.rendered;
        if r.text.is_empty() {
            return false;
        }
        let (start, _) = r.source_range(self.text, 0, r.text.len());
        let from = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let to = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        let line = self.text[from..to].trim();
        let line = line
            .trim_start_matches(['-', '*', '+'])
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start_matches(['.', ')'])
            .trim();
        line.starts_with('[')
            && line.ends_with(')')
            && line
                .rfind("](")
                .is_some_and(|k| line[k..].starts_with("](#") && !line[k..].contains(' '))
    }

    /// "🟢 Fully implemented" right under a heading naming a thing, or an item
    /// "`thing` - 🔴 Not implemented": how far the page's product (its title's,
    /// else the one its first sentence is about) implements the thing.
    fn status(&mut self, block: &Block, item: bool) {
        let text = block.rendered.text.trim_start();
        let under_heading = matches!(self.previous, Some(BlockKind::Heading { .. }));
        let (label, rest) = if under_heading && !item {
            (self.ctx.section.clone(), text)
        } else if item
            && let Some((name, rest)) = text.split_once(" - ").or_else(|| text.split_once(": "))
            && (1..=4).contains(&name.split_whitespace().count())
        {
            (name.trim().to_string(), rest.trim_start())
        } else {
            return;
        };
        let mark = rest
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches('\u{fe0f}');
        let stance = if STATUS_BUILTIN.contains(mark) {
            Stance::Builtin
        } else if STATUS_LIMITED.contains(mark) {
            Stance::Limited
        } else if STATUS_LACKS.contains(mark) {
            Stance::Lacks
        } else {
            return;
        };
        let Some(subject) = self.title_product.or(self.reader.opening).or(self.main) else {
            return;
        };
        let rendered = &block.rendered;
        let Some(&(from, to)) = sentences(&rendered.text).first() else {
            return;
        };
        let (s, e) = widen(self.text, rendered.source_range(self.text, from, to));
        let sentence = Sentence {
            text: &rendered.text[from..to],
            label_len: 0,
            quote: &self.text[s..e],
            line_start: self.line_of(s),
            line_end: self.line_of(e - 1),
            listed: item,
            first: true,
            cell: None,
        };
        self.reader
            .status(&sentence, &self.ctx, subject, &label, stance);
    }

    fn read_sentences(&mut self, block: &Block, listed: bool) {
        let rendered = &block.rendered;
        let label = label_len(&rendered.text).unwrap_or(0);
        self.reader.start_block();
        for (n, (from, to)) in sentences_naming(&rendered.text, &self.lower_names)
            .into_iter()
            .enumerate()
        {
            // Reading a sentence costs more than its length (clauses, mentions);
            // one longer than any claim's is not read, so a draft stays linear in
            // the article (issue 23: a 1 MB sentence took a minute).
            if to - from > MAX_SENTENCE_BYTES {
                continue;
            }
            let (s, e) = widen(self.text, rendered.source_range(self.text, from, to));
            let labelled = n == 0 && label > 0;
            let elided = (listed && !labelled)
                .then_some(self.list_subject)
                .flatten()
                .filter(|_| !self.reader.elsewhere)
                .and_then(|subject| {
                    let predicate = elided_subject(&rendered.text[from..to])?;
                    Some(format!("{} {predicate}", self.reader.display(subject)))
                });
            let sentence = Sentence {
                text: elided.as_deref().unwrap_or(&rendered.text[from..to]),
                label_len: if labelled { label + 1 } else { 0 },
                quote: &self.text[s..e],
                line_start: self.line_of(s),
                line_end: self.line_of(e - 1),
                listed,
                first: n == 0,
                cell: None,
            };
            self.reader.read(&sentence, &self.ctx);
        }
    }

    /// The 1-based line of byte `offset` of the article.
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }
}

/// "- Supports casting", "- Missing promise schemas": a list item that opens with
/// the verb of a claim leaves its subject out, the list's subject (its heading's,
/// its lead-in's), as "Zapper supports casting" would name it. The item's
/// predicate, so read ("supports casting", "is missing promise schemas"), when
/// it opens with a singular subject's verb of having or lacking
/// (`predicate_builtin.txt`, `predicate_lacking.txt`: "Supports", "Has no",
/// "Missing" for "is missing"); "Support for X" opens with a noun.
fn elided_subject(sentence: &str) -> Option<String> {
    let mut chars = sentence.chars();
    let first = chars.next().filter(|c| c.is_uppercase())?;
    let lower: String = first.to_lowercase().chain(chars).collect();
    let opens = |phrase: &str| {
        lower
            .strip_prefix(phrase)
            .is_some_and(|rest| rest.starts_with(' '))
    };
    let singular = |phrase: &str| {
        let head = phrase.split(' ').next().unwrap_or("");
        head.ends_with('s') && head != "is"
    };
    for list in [&PREDICATE_BUILTIN, &PREDICATE_LACKING] {
        if list.all().iter().any(|p| singular(p) && opens(p)) {
            return Some(lower);
        }
        if list
            .all()
            .iter()
            .filter_map(|p| p.strip_prefix("is "))
            .any(opens)
        {
            return Some(format!("is {lower}"));
        }
    }
    None
}
