//! What a sentence is read with: the context its section and list intro set, and
//! the sentence itself with where it stands in the article.

use crate::model::Stance;

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

impl SectionKind {
    /// Sections whose items are claims of their kind: a labelled one-line paragraph
    /// under them reads as a list item.
    pub fn lists_claims(self) -> bool {
        matches!(
            self,
            SectionKind::ProCon
                | SectionKind::Pro
                | SectionKind::Con
                | SectionKind::Limitation
                | SectionKind::Company
                | SectionKind::UseCase
        )
    }
}

/// The context a sentence is read in.
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub section: String,
    pub kind: Option<SectionKind>,
    /// The subject the section or list is about, when it names one.
    pub subject: Option<usize>,
    /// The page's own subject, on a page about one product: what "we" stands for.
    pub main: Option<usize>,
    /// A blank cell of the table row being read says "no" (see `blanks_lack`).
    pub blank_lacks: bool,
    /// The category the heading names, if any.
    pub category: Option<String>,
    /// The list intro ("X offers numerous built-in features:") before a list.
    pub intro_stance: Option<Stance>,
    pub intro_kind: Option<SectionKind>,
    /// A list intro of advantages (or drawbacks) of one subject over another ("A
    /// provides these advantages over B:"): (A, B).
    pub intro_versus: Option<(usize, usize)>,
    /// The one subject the list intro names ("Alpha offers these extensions:").
    pub intro_subject: Option<usize>,
}

/// A sentence to classify.
pub struct Sentence<'a> {
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
    /// The block is a table cell: (its column's heading, its row's label).
    pub cell: Option<(String, String)>,
}

impl<'a> Sentence<'a> {
    /// A sentence read alone, first of its own block and in no list: a table
    /// cell, a table row's label, a question heading's statement.
    pub fn alone(
        text: &'a str,
        quote: &'a str,
        (line_start, line_end): (usize, usize),
        cell: Option<(String, String)>,
    ) -> Sentence<'a> {
        Sentence {
            text,
            label_len: 0,
            quote,
            line_start,
            line_end,
            listed: false,
            first: true,
            cell,
        }
    }
}
