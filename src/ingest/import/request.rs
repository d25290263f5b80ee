//! What an import is asked to do and what it did, as plain types: the command line
//! builds the request from its arguments, and words the outcome.

use std::path::PathBuf;

/// An import of one article, or of every article in a folder.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    pub files: ImportFiles,
    /// The article's title [default: its first non-empty line, or the title of the
    /// article it replaces].
    pub title: Option<String>,
    /// Where the article was published [default: the URL of the article it replaces].
    pub url: Option<String>,
    /// The source's short name in citations [default: from the article's file name].
    pub slug: Option<String>,
    /// Replace an article imported before (same slug or same text).
    pub replace: bool,
    /// Check everything and roll back instead of committing.
    pub dry_run: bool,
}

/// Where the claims and their articles are.
#[derive(Debug, Clone)]
pub enum ImportFiles {
    /// One claims file ("-" is standard input) and the article it was written from.
    One { claims: PathBuf, article: PathBuf },
    /// Every NAME.csv or NAME.json in the folder, with its article NAME.txt or NAME.md.
    Folder(PathBuf),
}

/// What an import added (or, in a dry run, would have added).
#[derive(Debug)]
pub struct Imported {
    /// Claims inserted.
    pub count: usize,
    /// The slugs of the articles, in the order they were imported.
    pub slugs: Vec<String>,
    /// Subjects and topics the claims named that the knowledge base did not know.
    pub new_subjects: Vec<String>,
    pub new_topics: Vec<String>,
    /// How many of the articles replaced one imported before.
    pub replaced: usize,
}
