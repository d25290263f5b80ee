//! The subjects a page is about, found without being told: the names of its
//! title and headings ("X vs Y vs Z", "Why X", "Why not X?", "What is X?"), the
//! subjects of its tables (a header row of names, or a first column headed
//! "Project"), and the names its prose keeps using. A name is a run of
//! capitalised words that the page never writes in lower case (so "However" and
//! "Features" are no names), or a word the page sets as code in a "Why not X?"
//! heading. Nothing here knows any product: only where pages put their names.

use crate::names::fold;
use crate::text::blocks::{Block, BlockKind};
use crate::text::english::{
    FILLER, FUNCTION_WORDS, HEADING_OPENERS, HEADING_SIDES, NOT_NAMES, NOTES_COLUMNS,
    SENTENCE_OPENERS, SUBJECT_COLUMNS, VERSUS, WHY_HEADINGS,
};
use crate::text::fold::fold_into;

mod aliases;
/// Words the page sets as code or as a link's text (src/draft/discover/).
mod code;
/// Names from headings: sibling headings of names, a title's class (src/draft/discover/).
mod headings;
mod listed;
use code::{CODED_LEN, coded_spans, in_code};
/// Counting a name's mentions (src/draft/discover/).
mod mentions;
/// Tables whose rows name the subjects (src/draft/discover/).
mod rows;
/// A page's words without their punctuation (src/draft/discover/).
mod words;
use words::{ascii_words, clean, clean_ascii, without_badges};

/// How often the prose must use a name found nowhere else.
const KEPT_USING: usize = 3;

/// The names the page proposes as subjects, in the order it first gives them.
pub fn page_subjects(source: &str, blocks: &[Block], page: &Page) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let title = title_block(source, blocks);
    // "Comparing Zed Test Runners": Zed says what the runners are for.
    let modifiers: foldhash::HashSet<String> = title
        .map_or_else(Vec::new, |t| page.class_modifiers(&t.rendered.text))
        .iter()
        .map(|m| fold(m))
        .collect();
    // The folded names of `out`: a page may give thousands.
    let mut seen: foldhash::HashSet<String> = foldhash::HashSet::default();
    let mut push = |name: &str| {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        let folded = fold(name);
        if !modifiers.contains(&folded) && seen.insert(folded) {
            out.push(name.to_string());
        }
    };
    if let Some(title) = front_matter_title(source) {
        for name in page.heading_names(&title, source) {
            push(&name);
        }
        for name in page.listed_names(&title) {
            push(&name);
        }
    }
    // A title's word that is a name and that the prose keeps using ("Quillo
    // Frequently Asked Questions"): the page's product, even where no sentence
    // starts with it.
    if let Some(title) = title {
        if let Some(name) = page.title_name(&without_badges(source, title), source) {
            push(&name);
        }
        // "# zapctl", "# zapctl (zc)", "# zapctl: a file mover": a title that
        // opens with a word the page never capitalises, and whose prose starts a
        // sentence with it or sets it as code, names the page's product.
        if let Some(first) = title.rendered.text.split_whitespace().next().map(clean)
            && page.lower_name(first)
            && page.mentions(first) >= KEPT_USING
            && (page.lower_starts(first) >= 1 || page.in_code(source, first))
        {
            push(first);
        }
        for name in page.listed_names(&title.rendered.text) {
            push(&name);
        }
        for word in title.rendered.text.split_whitespace().map(clean) {
            if capital(word)
                && (!page.common(word) || page.mostly_capitalised(word))
                && !NOT_NAMES.contains(&word.to_lowercase())
                && !FILLER.contains(&word.to_lowercase())
                && !SENTENCE_OPENERS.contains(&word.to_lowercase())
                && !acronym(word)
                && page.mentions(word) >= KEPT_USING
            {
                push(word);
            }
        }
    }
    let by_rows = page.tables_by_rows(blocks);
    for (i, block) in blocks.iter().enumerate() {
        match block.kind {
            BlockKind::Heading { .. } => {
                for name in page.heading_names(&block.rendered.text, source) {
                    push(&name);
                }
            }
            // A table naming its subjects by row has attributes for a header.
            BlockKind::TableRow { header: true }
                if !by_rows.contains(&i) && !page.attribute_header(block) =>
            {
                for name in page.table_subjects(blocks, i) {
                    push(&name);
                }
            }
            _ => {}
        }
    }
    for name in page.measured_names(blocks) {
        push(&name);
    }
    for name in page.sibling_names(blocks, source) {
        push(&name);
    }
    for name in Page::linked_headings(blocks) {
        push(&name);
    }
    for name in page.kept_using(source) {
        push(&name);
    }
    out
}

/// The page's title: its first heading that is more than images.
fn title_block<'b>(source: &str, blocks: &'b [Block]) -> Option<&'b Block> {
    blocks
        .iter()
        .find(|b| matches!(b.kind, BlockKind::Heading { .. }) && !b.images_only(source))
}

/// The name the page's title is, when it is only a name ("# zed-io", "# ZRK"):
/// the page's own subject, however often other names are used.
pub fn title_name(source: &str, blocks: &[Block], page: &Page) -> Option<String> {
    page.title_name(
        &without_badges(source, title_block(source, blocks)?),
        source,
    )
}

/// The page's own subject, when one name outweighs the others: the one of `names`
/// the prose names most, at least twice as often as the next. A sentence that
/// names no subject and follows none is about it ("Runs anywhere").
pub fn main_subject(page: &Page, names: &[String]) -> Option<String> {
    let mut counted: Vec<(usize, &String)> = names.iter().map(|n| (page.mentions(n), n)).collect();
    counted.sort_by_key(|c| std::cmp::Reverse(c.0));
    match counted.as_slice() {
        [(n, name)] if *n >= 2 => Some((*name).clone()),
        [(n, name), (m, _), ..] if *n >= 2 && *n >= 2 * m => Some((*name).clone()),
        _ => None,
    }
}

/// True when a table row's first header cell says its first column names the
/// subjects ("Project", "Product", "Tool").
pub fn subject_column(header: &str) -> bool {
    SUBJECT_COLUMNS.contains(fold(header).trim())
}

/// The page's prose, as the tests of a name need it.
pub struct Page {
    /// Every word the prose writes in lower case, and how often.
    lower: Counted,
    /// Every word the prose writes capitalised, and how often.
    upper: Counted,
    /// Words a paragraph's sentence opens with in lower case, and how often.
    lower_initial: Counted,
    /// Capitalised runs of the prose: how often each stands mid-sentence, how
    /// often at all, and how often it starts a sentence.
    runs: Vec<(String, usize, usize, usize)>,
    /// Where each run stands in `runs`: a page may be asked of thousands.
    run_at: foldhash::HashMap<String, usize>,
    /// The prose, folded, for counting mentions.
    folded: String,
    /// Mentions counted so far: a long page repeats its headings, and a page
    /// may be asked of thousands of names.
    mentioned: mentions::Mentions,
    /// What the source sets as code ("`x`") or link text ("[x]"), short ones
    /// only, gathered in one pass when first asked.
    coded: std::cell::OnceCell<foldhash::HashSet<String>>,
    /// [`Page::tables_by_rows`], found when first asked (discovery and the walk ask).
    by_rows: std::cell::OnceCell<Vec<usize>>,
    /// How often each name stands in a table cell, counted when first asked.
    in_tables: std::cell::OnceCell<foldhash::HashMap<String, usize>>,
}

/// Words and how often the page writes them, hashed with foldhash (seeded per
/// process): a 1 MB page counts some 150 000 words.
type Counted = foldhash::HashMap<String, usize>;

/// What [`Page`] counts over the page's blocks.
#[derive(Default)]
struct Counts {
    lower: Counted,
    upper: Counted,
    lower_initial: Counted,
    /// Each run: (mid-sentence, all, at a sentence's start), in the order first seen.
    runs: ordered::Ordered,
    /// The prose folded, as UTF-8.
    folded: Vec<u8>,
}

/// Counts `word` once more; a word seen before is counted without a copy of it.
fn count(counted: &mut Counted, word: &str) {
    match counted.get_mut(word) {
        Some(n) => *n += 1,
        None => {
            counted.insert(word.to_string(), 1);
        }
    }
}

impl Counts {
    fn of(blocks: &[Block]) -> Counts {
        let mut c = Counts::default();
        let mut key = String::new();
        for block in blocks {
            let texts: Vec<&str> = match block.kind {
                BlockKind::Paragraph | BlockKind::ListItem { .. } => vec![&block.rendered.text],
                BlockKind::TableRow { .. } => block.cells.iter().map(|c| c.text.as_str()).collect(),
                BlockKind::Heading { .. } => continue,
            };
            let paragraph = block.kind == BlockKind::Paragraph;
            for text in texts {
                c.folded.push(b' ');
                fold_into(&mut c.folded, text);
                c.folded.push(b' ');
                let mut initial = true;
                // ASCII text (most of a page) is split and trimmed by its bytes,
                // as `split_whitespace` and `clean` would.
                let ascii = text.is_ascii();
                let mut words = text.split_whitespace();
                let mut ascii_words = ascii_words(text);
                loop {
                    let (raw, w) = if ascii {
                        match ascii_words.next() {
                            Some(raw) => (raw, clean_ascii(raw)),
                            None => break,
                        }
                    } else {
                        match words.next() {
                            Some(raw) => (raw, clean(raw)),
                            None => break,
                        }
                    };
                    // A paragraph's sentence that opens in lower case.
                    if paragraph
                        && initial
                        && w.starts_with(char::is_lowercase)
                        && raw.starts_with(w)
                    {
                        count(&mut c.lower_initial, w);
                    }
                    initial = raw.ends_with(['.', '?', '!']);
                    // A word seen before is counted without a copy of it.
                    if w.chars().next().is_some_and(char::is_lowercase) {
                        count(&mut c.lower, w);
                    } else {
                        // Likewise, lowered into one buffer ("é" and "Σ" the
                        // long way, as `to_lowercase` reads a word's end).
                        if w.is_ascii() {
                            key.clear();
                            key.push_str(w);
                            key.make_ascii_lowercase();
                        } else {
                            key = w.to_lowercase();
                        }
                        count(&mut c.upper, &key);
                    }
                }
                let table = matches!(block.kind, BlockKind::TableRow { .. });
                for (run, initial) in name_runs(text) {
                    // Table cells are counted for their words only; a name that
                    // starts in lower case ("fooBar") is an identifier.
                    if table || run.starts_with(char::is_lowercase) {
                        continue;
                    }
                    c.runs.count(run, !initial);
                }
            }
        }
        c
    }

    /// Adds the counts of the blocks after these.
    fn add(&mut self, later: Counts) {
        for (word, n) in later.lower {
            *self.lower.entry(word).or_insert(0) += n;
        }
        for (word, n) in later.upper {
            *self.upper.entry(word).or_insert(0) += n;
        }
        for (word, n) in later.lower_initial {
            *self.lower_initial.entry(word).or_insert(0) += n;
        }
        for (run, counts) in later.runs.into_iter() {
            self.runs.add(run, counts);
        }
        self.folded.extend_from_slice(&later.folded);
    }
}

impl Page {
    pub fn new(blocks: &[Block]) -> Page {
        // A long page is counted in two halves at once, added up in order (the
        // counts are sums, the runs keep the order first seen).
        let Counts {
            lower,
            upper,
            lower_initial,
            runs,
            folded,
        } = if blocks.len() >= 2048 {
            let (first, second) = blocks.split_at(blocks.len() / 2);
            std::thread::scope(|scope| {
                let later = scope.spawn(|| Counts::of(second));
                let mut counts = Counts::of(first);
                match later.join() {
                    Ok(later) => counts.add(later),
                    Err(_) => counts = Counts::of(blocks),
                }
                counts
            })
        } else {
            Counts::of(blocks)
        };
        // Punctuation as spaces, so that a mention is a word between spaces.
        // (ASCII for ASCII, in place: the prose of a 1 MB page is a 1 MB string.)
        let mut folded = folded;
        for b in &mut folded {
            if matches!(b, b'.' | b',' | b';' | b':' | b'(' | b')' | b'?' | b'!') {
                *b = b' ';
            }
        }
        let folded =
            String::from_utf8(folded).expect("folded text is UTF-8, ASCII replaced by ASCII");
        let (runs, run_at) = runs.into_parts();
        let runs = runs
            .into_iter()
            .map(|(run, (mid, all, initial))| (run, mid, all, initial))
            .collect();
        Page {
            lower,
            upper,
            lower_initial,
            runs,
            run_at,
            folded,
            mentioned: Default::default(),
            coded: Default::default(),
            by_rows: Default::default(),
            in_tables: Default::default(),
        }
    }

    /// True when the page writes `word` in lower case: an English word.
    fn common(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        // Pronouns and the like ("It", "They") start sentences and are no names.
        self.lower.contains_key(&lower)
            || NOT_NAMES.contains(&lower)
            || FILLER.contains(&lower)
            || SENTENCE_OPENERS.contains(&lower)
    }

    /// True when the page writes `word` capitalised more often than not: a name
    /// even where code or commands write it in lower case.
    fn mostly_capitalised(&self, word: &str) -> bool {
        let key = word.to_lowercase();
        let lower = self.lower.get(&key).copied().unwrap_or(0);
        self.upper.get(&key).copied().unwrap_or(0) > lower
    }

    /// True when the page writes `name` with a capital mid-sentence, and more
    /// often than in lower case as a word ("written in Tide", "Tide programs",
    /// "as the tide turns"): a name only where capitalised.
    pub fn cased(&self, name: &str) -> bool {
        let lower = self.lower.get(&name.to_lowercase()).copied().unwrap_or(0);
        // A name the page writes in lower case as often ("zapctl") is lower case.
        name.starts_with(char::is_uppercase)
            && lower > 0
            && self.run(name).is_some_and(|(_, mid, _, _)| *mid > lower)
    }

    /// The counts of the capitalised run `name`, if the prose has it.
    fn run(&self, name: &str) -> Option<&(String, usize, usize, usize)> {
        self.run_at.get(name).map(|&i| &self.runs[i])
    }

    /// How often the prose names `name` (whole words, any case).
    fn mentions(&self, name: &str) -> usize {
        self.mentioned
            .count(&self.folded, format!(" {} ", fold(name)))
    }

    /// [`in_code`], from the spans gathered once (a long page repeats its
    /// headings, and each look was a pass over the whole source).
    fn in_code(&self, source: &str, word: &str) -> bool {
        if word.len() > CODED_LEN || word.contains(['`', '[', ']']) {
            return in_code(source, word);
        }
        self.coded
            .get_or_init(|| coded_spans(source))
            .contains(word)
    }

    /// A run of capitalised words without the common words at its ends.
    fn trimmed(&self, run: &str) -> Option<String> {
        let words: Vec<&str> = run.split(' ').collect();
        let first = words.iter().position(|w| !self.common(w))?;
        let last = words.iter().rposition(|w| !self.common(w))?;
        let name = words[first..=last].join(" ");
        (!acronym(&name)).then_some(name)
    }

    /// The names a heading (or the title) gives: the X of "Why X", "Why not X?"
    /// or "What is X?", and the sides of a comparing heading ("X vs Y",
    /// "Differences between X and Y", "How does X compare to Y?").
    fn heading_names(&self, heading: &str, source: &str) -> Vec<String> {
        let heading = crate::text::blocks::without_anchor(heading);
        let mut out = Vec::new();
        let folded = fold(heading);
        let why = WHY_HEADINGS
            .all()
            .iter()
            .any(|w| folded.starts_with(&format!("{w} ")));
        if why
            && let Some(last) = heading.split_whitespace().last().map(clean)
            && (self.in_code(source, last)
                || (capital(last) && !self.common(last) && !acronym(last)))
        {
            out.push(last.to_string());
        }
        let comparing = heading.split_whitespace().any(|w| {
            let w = clean(w).to_lowercase();
            HEADING_SIDES.contains(&w) || VERSUS.contains(&w)
        });
        if !comparing {
            return out;
        }
        // The heading cut at its comparing words; what stands before the first
        // of them is the heading's own ("Differences between").
        let mut sides: Vec<Vec<&str>> = vec![Vec::new()];
        let mut opener = false;
        for raw in heading.split_whitespace() {
            let word = clean(raw);
            let lower = word.to_lowercase();
            // "and" parts sides only after "between" ("Pros and Cons" is one).
            let and = lower == "and" && opener;
            if HEADING_SIDES.contains(&lower) || VERSUS.contains(&lower) || and {
                if HEADING_OPENERS.contains(&lower) && sides.len() == 1 {
                    opener = true;
                    sides[0].clear();
                }
                sides.push(Vec::new());
                continue;
            }
            if let Some(side) = sides.last_mut() {
                side.push(word);
            }
        }
        if opener {
            sides.remove(0);
        }
        for side in sides {
            // A side is its last few capitalised words ("How does X" gives X), or
            // one word the prose uses ("zapctl").
            let name = match side.last() {
                Some(last)
                    if !capital(last)
                        && (self.in_code(source, last)
                            || (self.lower_name(last) && self.lower_starts(last) >= 1)) =>
                {
                    (*last).to_string()
                }
                Some(last) if !capital(last) => continue,
                _ => {
                    let start = side.iter().rposition(|w| !capital(w)).map_or(0, |i| i + 1);
                    side[start..].join(" ")
                }
            };
            let words = name.split_whitespace().count();
            // "Unions vs Joins", "State Model (vs B)": words the prose writes in
            // lower case, and never makes a sentence's subject, are things
            // compared, not subjects.
            let all_common = name.starts_with(char::is_uppercase)
                && name.split_whitespace().all(|w| self.common(clean(w)))
                && self
                    .run(&name)
                    .is_none_or(|(_, _, _, initial)| *initial == 0);
            if (1..=3).contains(&words)
                && !acronym(&name)
                && !all_common
                && self.mentions(&name) >= 2
            {
                out.push(name);
            }
        }
        out
    }

    /// True when `word` may be a name written in lower case ("zapctl"): the page
    /// never capitalises it, not even opening a sentence (where an English word
    /// would be), and it is no word of grammar.
    fn lower_name(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        word.starts_with(char::is_lowercase)
            && word.chars().any(char::is_alphabetic)
            && !self.upper.contains_key(&lower)
            && !NOT_NAMES.contains(&lower)
            && !FILLER.contains(&lower)
            && !FUNCTION_WORDS.contains(&lower)
    }

    /// How often a sentence of the prose opens with `word` in lower case.
    fn lower_starts(&self, word: &str) -> usize {
        self.lower_initial.get(word).copied().unwrap_or(0)
    }

    /// The names the prose keeps using mid-sentence.
    fn kept_using(&self, source: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (run, mid, all, initial) in &self.runs {
            // A subject is what sentences are about: one the page never makes
            // the subject of a sentence ("using Zap code") is only mentioned.
            if *initial == 0 {
                continue;
            }
            // A word the page never writes in lower case counts wherever it
            // stands; one it also writes in lower case only mid-sentence.
            let never_lower = run.split(' ').all(|w| !self.common(w));
            let n = if never_lower { *all } else { *mid };
            if n < KEPT_USING {
                continue;
            }
            if run.split(' ').any(|w| self.in_code(source, w)) {
                continue;
            }
            let name_words = run.split(' ').all(|w| self.mostly_capitalised(w));
            if let Some(name) = self.trimmed(run)
                && name == *run
            {
                out.push(name);
            } else if name_words && !acronym(run) {
                out.push(run.clone());
            }
        }
        // "zapctl is ...", "zapctl supports ...": a word the page never
        // capitalises that keeps opening its sentences is a name in lower case;
        // one it also sets as code ("`zapctl` is ...") need open only one.
        let mut lower: Vec<&String> = self
            .lower_initial
            .iter()
            .filter(|(w, n)| {
                (**n >= 2 || self.in_code(source, w))
                    && self.lower_name(w)
                    && self.mentions(w) >= KEPT_USING
            })
            .map(|(w, _)| w)
            .collect();
        lower.sort();
        out.extend(lower.into_iter().cloned());
        out
    }
}

/// Counting runs by name in the order first seen (src/draft/discover/).
mod ordered;

/// The names of a header row's columns after the first, a notes column left out.
fn column_names(header: &Block) -> Vec<String> {
    header
        .cells
        .iter()
        .skip(1)
        .map(|c| column_name(&c.text))
        .filter(|n| !NOTES_COLUMNS.contains(&fold(n)))
        .collect()
}

/// The subjects a table's header row names: its cells after the first when they
/// read as names, and there are at least two of them.
fn table_names(header: &Block) -> Vec<String> {
    let first = header.cells.first().map_or("", |c| c.text.as_str());
    if subject_column(first) {
        return Vec::new();
    }
    let names = column_names(header);
    // "text_column | bool_column": identifiers head a table of data, not of
    // subjects.
    let all_names = names.len() >= 2
        && names.iter().all(|n| {
            let words = n.split_whitespace().count();
            (1..=3).contains(&words) && !n.contains('_')
        });
    if all_names { names } else { Vec::new() }
}

/// A header cell's name without what follows it in brackets ("Zapper (Website)").
pub fn column_name(cell: &str) -> String {
    let end = cell.find(['(', '[', '<']).unwrap_or(cell.len());
    cell[..end]
        .trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '+' | '#'))
        .to_string()
}

/// The title a page's front matter gives ("title: X vs Y").
fn front_matter_title(source: &str) -> Option<String> {
    let rest = source.strip_prefix("---\n")?;
    let end = rest.find("\n---")?;
    rest[..end].lines().find_map(|l| {
        l.strip_prefix("title:")
            .map(|t| t.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// The runs of capitalised words of `text` (at most three words, broken at
/// punctuation), each with whether it starts a sentence: stands first, or first
/// after a short lead phrase ("Every day, Zapr gets ..."), where a sentence's
/// grammatical subject stands.
fn name_runs(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut initial = true;
    let mut run_initial = true;
    let mut gloss = false;
    // Words since the sentence began, and whether a run was seen in them.
    let mut words = 0usize;
    let mut named = false;
    for raw in text.split_whitespace() {
        words += 1;
        let word = clean(raw);
        // "(Object-Relational Mapping)" glosses a term: no names inside.
        if raw.starts_with('(') {
            gloss = true;
        }
        if gloss {
            if !current.is_empty() {
                out.push((current.join(" "), run_initial));
                current.clear();
            }
            gloss = !raw.contains(')');
            initial = false;
            continue;
        }
        if capital(word) && current.len() < 3 {
            if current.is_empty() {
                run_initial = initial;
            }
            current.push(word);
        } else if !current.is_empty() {
            out.push((current.join(" "), run_initial));
            named |= !run_initial || words > 2;
            current.clear();
        }
        let breaks = raw.ends_with([',', '.', ';', ':', '?', '!', ')', '|']) || raw != word;
        if breaks && !current.is_empty() {
            // "However," opening a sentence is no name.
            let opener = run_initial && current.len() == 1 && raw.ends_with(',');
            if !opener {
                out.push((current.join(" "), run_initial));
                named = true;
            }
            current.clear();
        }
        let ends = raw.ends_with(['.', '?', '!', ':']) || raw == "|" || raw == "-";
        // "Every day, Zapr ...": a lead of a few words that names nothing, and its
        // comma, come before the subject.
        let lead = raw.ends_with(',') && words <= 4 && !named && current.is_empty();
        initial = ends || lead;
        if ends {
            words = 0;
            named = false;
        }
    }
    if !current.is_empty() {
        out.push((current.join(" "), run_initial));
    }
    out
}

/// A word that reads as (part of) a name: it starts with a capital, or has one
/// inside ("gRPC").
fn capital(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) || chars.any(char::is_uppercase)
}

/// A short all-capitals word ("TLS", "API"): a term, not a product.
fn acronym(name: &str) -> bool {
    !name.contains(' ') && name.chars().all(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::blocks::{Format, blocks};

    fn found(page: &str) -> Vec<String> {
        let blocks = blocks(page, Format::sniff(page));
        page_subjects(page, &blocks, &Page::new(&blocks))
    }

    #[test]
    fn a_one_product_page_names_its_product() {
        let page = "# Why Quillo\n\nQuillo starts fast. Unlike other servers, Quillo \
                    reloads its configuration.\n\nSome servers restart. Quillo does not.\n";
        assert_eq!(found(page), vec!["Quillo"]);
    }

    #[test]
    fn a_title_that_is_only_a_name_names_the_page_whatever_its_case_or_marks() {
        // Lower case with a hyphen, a scoped package, an acronym after an HTML line.
        let hyphen = "# zed-io\n\nThis library is a file mover, written in Zig.\n\n\
                      It is designed to be fast. Use zed-io to copy, and zed-io to move; \
                      the zed-io tool checks what it wrote.\n";
        assert_eq!(found(hyphen).first().map(String::as_str), Some("zed-io"));
        let scoped = "# @zed/css\n\nA style sheet minifier.\n\n- **Fast** – `@zed/css` \
                      parses every value.\n- **Small** – `@zed/css` removes prefixes.\n\n\
                      One aim of @zed/css is to be small.\n";
        assert_eq!(found(scoped).first().map(String::as_str), Some("@zed/css"));
        let acronym = "<img src=\"logo.png\" alt=\"logo\">\n\n# ZRK\n\nA file format.\n\n\
                       ZRK aims to be minimal. ZRK maps to a hash table. Files in ZRK are \
                       small.\n";
        assert_eq!(found(acronym).first().map(String::as_str), Some("ZRK"));
        // A name before words the page writes in lower case, after an article.
        let class = "The Quoxel build system\n=======================\n\nQuoxel is yet another \
                     build system. The build system reads files, and Quoxel runs them. Quoxel \
                     is fast.\n";
        assert_eq!(found(class).first().map(String::as_str), Some("Quoxel"));
    }

    #[test]
    fn a_title_of_common_words_or_of_four_names_names_no_product() {
        let words = "# Getting Started\n\nGetting started is easy. Start here; getting \
                     started takes a minute. Getting Started is this page.\n";
        let blocks_of = |page: &str| blocks(page, Format::sniff(page));
        assert_eq!(
            Page::new(&blocks_of(words)).title_name("Getting Started", words),
            None
        );
        let long = "# Zed Quill Tool Kit\n\nZed Quill Tool Kit is a set. Use Zed Quill Tool Kit \
                    to write. Zed Quill Tool Kit is small.\n";
        let blocks = blocks(long, Format::sniff(long));
        assert_eq!(
            Page::new(&blocks).title_name("Zed Quill Tool Kit", long),
            None
        );
    }

    #[test]
    fn a_title_names_the_product_the_prose_keeps_using() {
        let page = "Quillo Frequently Asked Questions\n=================\n\n\
                    ### What does Quillo support?\n\nWe test Quillo often. It is likely that \
                    Quillo works. You can run Quillo anywhere.\n";
        assert_eq!(found(page), vec!["Quillo"]);
    }

    #[test]
    fn a_table_header_row_names_the_subjects() {
        let page = "| Feature | Alpha DB | Betabase |\n|---|---|---|\n| Replication | ✅ | ❌ |\n";
        assert_eq!(found(page), vec!["Alpha DB", "Betabase"]);
    }

    #[test]
    fn a_header_of_attributes_over_a_column_of_names_names_no_subject() {
        let page = "# Zapper vs Quillo\n\n## Zapper\n\nZapper is quick. Zapper runs tests.\n\n\
                    ## Quillo\n\nQuillo is older. Quillo runs tests.\n\n\
                    The open issues and the speed of each:\n\n\
                    |        | Open Issues | Speed |\n|---|---|---|\n\
                    | Zapper | 12 | 3s |\n| Quillo | 40 | 5s |\n";
        assert_eq!(found(page), vec!["Zapper", "Quillo"]);
    }

    #[test]
    fn a_verb_opening_a_title_or_list_items_is_no_name() {
        let page = "# Comparing Test Runners\n\nComparing them takes time. Comparing is \
                    hard. Comparing helps.\n\n## Zapper vs Quillo\n\nZapper is quick. \
                    Quillo is older. Zapper runs. Quillo stops.\n\n\
                    - Supports caching\n- Supports retries\n- Missing plugins\n\
                    - Missing a watch mode\n- Missing reports\n- Supports tags\n";
        assert_eq!(found(page), vec!["Zapper", "Quillo"]);
    }

    #[test]
    fn a_header_of_words_the_page_writes_in_lower_case_names_no_subject() {
        let page = "# Zapper vs Quillo\n\nZapper works alone. Quillo works with plugins. \
                    Each plugin has a category. Zapper runs. Quillo stops.\n\n\
                    | Package | Category | Works With | Notes |\n|---|---|---|---|\n\
                    | [zap-cover](https://example.com) | coverage | Zapper | |\n";
        assert_eq!(found(page), vec!["Zapper", "Quillo"]);
    }

    #[test]
    fn a_why_not_heading_names_a_code_word() {
        let page = "# Why Quillo\n\nQuillo is fast.\n\n## Why Not Use zapper?\n\n\
                    While `zapper` is fast, zapper lacks plugins.\n";
        assert_eq!(found(page), vec!["Quillo", "zapper"]);
    }

    #[test]
    fn sibling_headings_that_are_names_name_the_subjects_and_a_titles_class_word_does_not() {
        let page = "# Comparing Zed Test Runners\n\nZed test runners differ. This page \
                    compares them for Zed code.\n\n## Comparing the Runners\n\n\
                    ### ZRK\n\nZRK runs tests at once. Install it with `zpm i zrk`. ZRK is \
                    fast.\n\n### Quillo\n\nQuillo is a runner for Zed projects. Add \
                    `quillo` to your Zed project. Quillo is popular.\n\n### Zapper\n\n\
                    Zapper is old. Run `zapper` from Zed. Zapper is slow.\n\n\
                    ## Conclusion\n\nZed users pick one. Zed is everywhere.\n";
        assert_eq!(found(page), vec!["ZRK", "Quillo", "Zapper"]);
    }

    #[test]
    fn sibling_headings_are_grouped_under_their_own_parent() {
        // ZRK stands among names under "Runners"; QRX is alone at its level
        // under "Formats", so it names no subject there.
        let page = "# Tools\n\n## Runners\n\n### ZRK\n\nZRK runs tests. ZRK is \
                    fast. Use ZRK daily.\n\n### Quillo\n\nQuillo is a runner. Quillo is \
                    popular. Quillo is new.\n\n#### Notes\n\nNothing else.\n\n\
                    ### Zapper\n\nZapper is a runner. Zapper is slow. Zapper is old.\n\n\
                    ## Formats\n\n### QRX\n\nQRX is a format. QRX is small. QRX is \
                    old.\n\n### Notes\n\nNothing else.\n";
        assert_eq!(found(page), vec!["ZRK", "Quillo", "Zapper"]);
    }

    #[test]
    fn a_heading_over_a_link_to_the_named_things_own_page_names_a_subject() {
        let page = "# Comparison\n\nThis page compares tools.\n\n## Quoxel\n\n\
                    [https://example.com/zed/quoxel](https://example.com/zed/quoxel)\n\n\
                    A full-featured library.\n\n## Usage\n\n\
                    [https://example.com/zed/docs](https://example.com/zed/docs)\n";
        assert_eq!(found(page), vec!["Quoxel"]);
    }

    #[test]
    fn a_comparing_heading_names_both_sides() {
        let page = "## Differences Between Quillo and zapper\n\nQuillo is fast and `zapper` \
                    is slow. zapper is old. Quillo is new.\n";
        assert_eq!(found(page), vec!["Quillo", "zapper"]);
    }

    #[test]
    fn common_words_in_capitals_are_no_names() {
        let page = "# Features\n\nHowever, the features are many. However it goes.\n\n\
                    However, features.\n";
        assert!(found(page).is_empty(), "{:?}", found(page));
        let page = "# Quillo\n\nQuillo is a server. Quillo is fast. Quillo is small.\n";
        assert_eq!(found(page), vec!["Quillo"]);
    }

    #[test]
    fn a_lower_case_product_is_found_where_the_page_makes_it_a_subject() {
        // The title's word, which sentences open with.
        let page = "# zapctl (zc)\n\nzapctl is a file mover. It is small, and \
                    you can run zapctl anywhere. zapctl supports plugins.\n";
        assert_eq!(found(page), vec!["zapctl"]);
        // The sides of an "X vs Y" heading.
        let page = "# zapctl vs quillo\n\nzapctl is small. quillo is large. Both \
                    move files, and quillo keeps logs that zapctl does not.\n";
        assert_eq!(found(page), vec!["zapctl", "quillo"]);
        // The word the prose keeps opening its sentences with.
        let page = "# Moving files\n\nzapctl is a file mover. zapctl supports plugins. \
                    Many tools exist, but zapctl is fast.\n";
        assert_eq!(found(page), vec!["zapctl"]);
        // Code the prose makes a sentence's subject.
        let page = "# Moving files\n\nMany tools move files. `zapctl` is one. Run \
                    `zapctl` anywhere: the `zapctl` journal is small.\n";
        assert_eq!(found(page), vec!["zapctl"]);
    }

    #[test]
    fn a_lower_case_word_the_page_uses_as_a_word_is_no_name() {
        // An English word opens a sentence with a capital.
        let page = "# notes on replication\n\nThese notes cover replication. Notes \
                    are short. Read the notes twice, and keep notes.\n";
        assert!(found(page).is_empty(), "{:?}", found(page));
        let page = "# speed vs safety\n\nSpeed matters. Safety matters too, and \
                    speed without safety is no speed.\n";
        assert!(found(page).is_empty(), "{:?}", found(page));
    }

    proptest::proptest! {
        /// The spans gathered once answer as a look through the source does.
        #[test]
        fn code_words_are_found_as_by_a_search(
            source in "[a-c `\\[\\]]{0,40}",
            word in "[a-c ]{1,3}",
        ) {
            let blocks = blocks(&source, Format::Plain);
            let page = Page::new(&blocks);
            proptest::prop_assert_eq!(page.in_code(&source, &word), in_code(&source, &word));
        }
    }

    proptest::proptest! {
        /// ASCII text is split and trimmed by its bytes as by its characters.
        #[test]
        fn ascii_words_split_and_clean_as_words_do(text in "[ \t\n\x0b\x0c\r.,'s+#()aZ9-]{0,24}") {
            let words: Vec<&str> = text.split_whitespace().collect();
            proptest::prop_assert_eq!(ascii_words(&text).collect::<Vec<_>>(), words.clone());
            for w in words {
                proptest::prop_assert_eq!(clean_ascii(w), clean(w));
            }
        }
    }

    /// A long page counted in two halves counts what one pass counts, runs in
    /// the order first seen.
    #[test]
    fn a_long_page_counts_the_same_in_halves() {
        let mut page = String::new();
        for i in 0..2100 {
            page.push_str(&format!(
                "Name{} uses Zapper {}. However, Quillo Db is fast.\n\n",
                i % 7,
                i % 3
            ));
        }
        let blocks = blocks(&page, Format::Plain);
        assert!(blocks.len() >= 2048);
        let whole = Counts::of(&blocks);
        let halves = Page::new(&blocks);
        let runs: Vec<(String, usize, usize, usize)> = whole
            .runs
            .into_iter()
            .map(|(run, (mid, all, initial))| (run, mid, all, initial))
            .collect();
        assert_eq!(halves.runs, runs);
        assert_eq!(halves.lower, whole.lower);
        assert_eq!(halves.upper, whole.upper);
        assert_eq!(
            halves.folded,
            String::from_utf8(whole.folded)
                .unwrap()
                .replace(['.', ',', ';', ':', '(', ')', '?', '!'], " ")
        );
    }
}
