//! The command line, defined once with clap's derive API: each `///` comment is the
//! help text users see.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use clap_complete::engine::ArgValueCandidates;

use crate::error::exit_codes_help;
use crate::model::{Kind, Polarity, Report, Stance};
use crate::output::{ColorChoice, Format, OutputOptions};

/// Questions of each sort `ask` understands, shown in `ask --help` (a macro so clap's
/// attributes can `concat!` it; the error for a question naming nothing known builds
/// its examples from the knowledge base's own names).
macro_rules! ask_forms {
    () => {
        "  does flask have an orm?               yes/no: the stance, cited, and a verdict line
  which lacks built-in auth             which subjects have or lack a topic
  drawbacks of django                   lists: limitations, pros, cons, use cases, features
  who uses flask in production          companies (also: which companies use both)
  who created flask                     facts: creator, year, licence, architecture
  which is easier to learn, django or flask?
                                        comparisons: the article's own comparison claims
  which should I use for a microservice advice from the article's use cases
  DJANGO admin                          keywords: a subject's claims on a topic
Names may be aliases (login, templating, admin panel), plurals or typos (Flsk)."
    };
}

/// The examples closing `claimdb --help`.
macro_rules! examples {
    () => {
        "\
Examples:
  claimdb which lacks built-in auth      who lacks built-in authentication, with citations
  claimdb which has admin interface      who has an admin interface (built in or by extension)
  claimdb --format json which lacks orm  the same answer as JSON
  claimdb compare django flask --on performance
  claimdb ask \"which companies use both\"
  claimdb companies --subject flask --format csv -o flask-companies.csv
  claimdb verify                         re-check every quote against its article

The database lives in your data directory and is created on first use;
--db PATH or CLAIMDB_DB chooses another."
    };
}

#[derive(Debug, Parser)]
#[command(
    name = "claimdb",
    version,
    about = "Cited answers from articles comparing technologies",
    long_about = "Cited answers from articles comparing technologies.\n\n\
        claimdb keeps the claims of articles such as \"Django vs. Flask\" in a SQLite \
        knowledge base and answers questions from it. Every answer cites the exact \
        sentence and line of the article that says so.",
    after_help = examples!(),
    after_long_help = concat!(examples!(), "\n\n", exit_codes_help!()),
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The database file [default: claimdb/claimdb.sqlite3 in your data directory]
    #[arg(long, global = true, env = "CLAIMDB_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Output format [default: from the -o file's extension (.csv .tsv .json .ndjson
    /// .md .html), otherwise table]
    #[arg(long, global = true, value_enum)]
    pub format: Option<Format>,

    /// Write the output to FILE instead of stdout ("-" is stdout)
    #[arg(short = 'o', long, global = true, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// When to colour table output
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// CSV/TSV: write cells as they are, without the ' that stops spreadsheets
    /// running cells starting with = + - @ as formulas
    #[arg(long, global = true)]
    pub csv_raw: bool,

    /// CSV/TSV: start with a UTF-8 byte-order mark, for spreadsheet programs
    #[arg(long, global = true)]
    pub bom: bool,

    /// Write at most N rows of each listing (stderr says how many there were)
    #[arg(long, global = true, value_name = "N")]
    pub limit: Option<u64>,
}

impl GlobalArgs {
    pub fn output_options(&self) -> OutputOptions {
        OutputOptions {
            format: self
                .format
                .or_else(|| self.output.as_deref().and_then(Format::from_extension))
                .unwrap_or(Format::Table),
            path: self.output.clone(),
            color: self.color,
            csv_raw: self.csv_raw,
            bom: self.bom,
            limit: self.limit,
            database: None,
        }
    }
}

// Each subcommand's arguments are built only when it runs (or when help or a
// completion lists them): building all of them cost every command ~0.4 M
// instructions at start.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Which subjects have or lack a feature, each answer with its citation
    #[command(after_help = "\
Examples:
  claimdb which lacks built-in auth
  claimdb which has built-in orm
  claimdb which has admin interface
  claimdb which lacks async

`has built-in X`   a claim that X ships with the subject (stance builtin)
`has X`            builtin, or available through extensions (stance extension)
`lacks X`, `lacks built-in X`
                   a claim that X is missing, limited or only through extensions,
                   and no claim that it is built in
Every subject gets a row: yes or no with the claims that say so, or `no claim` (no claim
is not a \"lacks\").
Where a subject's claims disagree (built in vs missing), both are shown, marked conflicting.")]
    Which(WhichArgs),

    /// Compare subjects side by side: one row per topic, a stance and citation per subject, and the articles' verdicts between them
    #[command(after_help = "\
Examples:
  claimdb compare django flask
  claimdb compare django flask --on performance
  claimdb compare django flask --on orm --format csv -o orm.csv

Each cell lists the stances (builtin, extension, limited, lacks) or, for claims without
one, the kinds (pro, con, ...) with the first citation and how many more claims back it.
The verdict column gives the comparisons the articles make between the subjects
(\"flask over django: easier to learn\", or \"it depends\"). In JSON the comparison is
long format: one object per topic, subject, kind and stance, and one per verdict.")]
    Compare(CompareArgs),

    /// Ask a question in plain English
    ///
    /// Any wording: the subjects, topics, companies, lists and comparisons are found
    /// anywhere in the question. stderr first says how it was read, as the precise
    /// command (`reading this as: claimdb ...`); the rows are that command's rows. A
    /// question understood but answered by no claim exits 0 with no rows and says so;
    /// one with nothing recognisable in it exits 2.
    #[command(after_help = concat!("Questions of each sort, in any wording:\n", ask_forms!(), "\n\n\
Examples:
  claimdb ask \"is authentication built into flask\"
  claimdb ask \"which companies use both\"
  claimdb ask \"flask or django for performance\" --format json"))]
    Ask {
        /// The question, e.g. "who uses flask"
        #[arg(required = true, num_args = 1..)]
        question: Vec<String>,

        #[command(flatten)]
        scope: SourceArgs,
    },

    /// The subjects (frameworks), with their aliases and claim counts
    #[command(
        after_help = "Examples:\n  claimdb subjects\n  claimdb subjects --source fastapi-vs-flask"
    )]
    Subjects(SourceArgs),

    /// The topics claims are about, with category, aliases and claim counts
    #[command(after_help = "\
Examples:
  claimdb topics
  claimdb topics --category components
  claimdb topics --source fastapi-vs-flask")]
    Topics(TopicsArgs),

    /// Companies the articles say use each subject: each company once per subject
    #[command(after_help = "\
Examples:
  claimdb companies
  claimdb companies --subject django
  claimdb companies --shared                  companies named for every subject
  claimdb companies --shared -s django -s flask")]
    Companies(CompaniesArgs),

    /// Limitations the articles list: one row per item, the article's own list first
    #[command(
        after_help = "Examples:\n  claimdb limitations\n  claimdb limitations --subject flask\n  claimdb limitations --subject flask --all      every claim"
    )]
    Limitations(ListArgs),

    /// Advantages (pros) the articles list: one row per item, the article's own list first
    #[command(
        after_help = "Examples:\n  claimdb pros\n  claimdb pros --subject django --format csv"
    )]
    Pros(ListArgs),

    /// Disadvantages (cons) the articles list: one row per item, the article's own list first
    #[command(after_help = "Examples:\n  claimdb cons\n  claimdb cons --subject flask")]
    Cons(ListArgs),

    /// What the articles say each subject suits: one row per item, the article's own list first
    #[command(
        name = "use-cases",
        after_help = "Examples:\n  claimdb use-cases\n  claimdb use-cases --subject flask"
    )]
    UseCases(ListArgs),

    /// Any filtered list of claims
    #[command(after_help = "\
Examples:
  claimdb claims --subject flask --kind limitation
  claimdb claims --topic auth --stance extension
  claimdb claims --text \"high traffic\" --format json
  claimdb claims --format csv -o claims.csv      every claim with its citation")]
    Claims(ClaimsArgs),

    /// One claim with its source, lines and the paragraph around its quote
    #[command(after_help = "\
Examples:
  claimdb show 12
  claimdb show 12 --format json")]
    Show {
        /// The claim's id, as listed by `which`, `claims` and the other lists
        claim_id: i64,
    },

    /// Run one read-only SQL statement and stream its rows in any format
    #[command(after_help = "\
Examples:
  claimdb sql \"SELECT topic, subject, stance FROM feature_matrix WHERE topic = 'orm'\"
  claimdb sql \"SELECT subject, count(*) FROM claims_cited GROUP BY subject\" --format csv
  claimdb sql \"SELECT * FROM claims_cited\" --timeout-ms 0 --format ndjson -o claims.ndjson
  claimdb sql \"SELECT quote FROM claims_cited WHERE subject = :s AND topic = :t\" -p s=flask -p t orm
  echo \"SELECT count(*) FROM claims\" | claimdb sql -

Only one read-only statement runs: SQLite itself refuses writes, ATTACH, VACUUM INTO,
transactions and setting pragmas. `claimdb schema` lists the tables, views and columns.")]
    Sql(SqlArgs),

    /// The tables and views, with a line about each column
    #[command(after_help = "\
Examples:
  claimdb schema
  claimdb schema --format markdown -o SCHEMA.md")]
    Schema,

    /// Canned reports; with no NAME, the list of reports
    #[command(after_help = "\
Examples:
  claimdb report
  claimdb report feature-matrix --format csv -o matrix.csv
  claimdb report feature-matrix --source fastapi-vs-flask
  claimdb report conflicts --format json")]
    Report {
        /// The report to run
        #[arg(value_enum)]
        name: Option<Report>,

        #[command(flatten)]
        scope: SourceArgs,
    },

    /// Pairs of claims in tension: built in vs missing, pro vs con or limitation
    #[command(after_help = "\
Examples:
  claimdb conflicts
  claimdb conflicts --format csv -o conflicts.csv")]
    Conflicts(SourceArgs),

    /// The articles in the knowledge base, with claim counts
    #[command(after_help = "Example:\n  claimdb sources")]
    Sources,

    /// Add an article and the claims written from it (all-or-nothing)
    #[command(after_help = "\
Examples:
  claimdb import claims.csv --source article.txt --title \"FastAPI vs Flask\"
  claimdb import claims.json --source article.txt --url https://example.com/a
  claimdb import claims.csv --source article.txt --replace     re-import after edits
  claimdb import claims.csv --source article.txt --dry-run     check without writing
  claimdb import --dir articles/      every NAME.csv|NAME.json with NAME.txt|NAME.md

The claims file is a CSV with a header row, or a JSON array of objects, with the
columns of seed/claims.csv: subject, kind, topic, stance, value, statement, quote, and
optionally line_start and line_end (found from the quote when left out) and category
(for a topic the knowledge base does not know yet, which the import then creates).
A subject that does not exist yet is created. Every row is checked first; any problem
rejects the whole file, with every problem listed by line, and nothing is written.")]
    Import(ImportArgs),

    /// Remove an imported article and its claims
    #[command(
        name = "remove-source",
        after_help = "\
Examples:
  claimdb remove-source fastapi-vs-flask
  claimdb remove-source django-vs-flask --force     even the shipped article"
    )]
    RemoveSource(RemoveSourceArgs),

    /// Full-text search over claim statements and quotes, ranked, with citations (at
    /// most 64 words)
    #[command(after_help = "\
Examples:
  claimdb search built-in authentication
  claimdb search \"Django's admin\"
  claimdb search high traffic --format json

Every word must appear (case, accents and apostrophe style do not matter); when no
claim has them all, claims with any of them are shown and a note says so.")]
    Search {
        /// The words to look for
        #[arg(required = true, num_args = 1..)]
        words: Vec<String>,

        #[command(flatten)]
        scope: SourceArgs,
    },

    /// Write a snapshot of the knowledge base that Datasette serves to many readers
    #[command(after_help = "\
Examples:
  claimdb publish site/
  cd site && datasette serve -i claimdb.sqlite3 --metadata metadata.json
  claimdb publish site/ --title \"Web frameworks\" --license CC-BY-4.0 \\
      --license-url https://creativecommons.org/licenses/by/4.0/

DIR gets claimdb.sqlite3 (compacted, read-only; a new publish replaces it under the same
name, so every Datasette address keeps working, and its SHA-256 goes into the metadata
and the README), metadata.json (every table, view and column described as `claimdb
schema` does; facets on subject, kind, topic and stance; full-text search; canned
queries: which has / lacks a topic, compare two subjects, companies, a subject's claims)
and README.md (the command that serves it, and how to serve it from several machines).
The file is printed on stdout. DIR may not hold the database in use; temporary files of
an earlier publish that was killed are removed.")]
    Publish(PublishArgs),

    /// Propose the claims of a new article, as an import file to review
    #[command(after_help = "\
Reads a plain-text or Markdown article and writes the claims it finds as a CSV (or,
with --format json, JSON) that `claimdb import` accepts unchanged: one row per claim,
each with the sentence it comes from, verbatim, and its lines. Two extra columns help
the review and are ignored by import: `section` (the heading the sentence stands
under) and `confidence` (0-1, how sure the draft is). Nothing is written to the
database. Review the rows (correct, delete), then import:

Examples:
  claimdb draft article.md -o claims.csv           draft, then edit claims.csv
  claimdb draft article.txt --subject Redis        also look for a subject not yet known
  claimdb draft article.md | claimdb import - --source article.md --dry-run
  claimdb coverage article-slug                    sentences no claim quotes yet")]
    Draft(DraftArgs),

    /// The sentences of an imported article that no claim quotes yet
    #[command(after_help = "\
Lists each sentence of the article that no claim's quote covers, with its lines, and
ends with a count on stderr: what is left to review after an import.

Examples:
  claimdb coverage django-vs-flask
  claimdb coverage                   every article")]
    Coverage {
        /// The source's slug, as listed by `claimdb sources` [default: every article]
        slug: Option<String>,
    },

    /// Create the database, or rebuild it from the shipped seed with --force
    #[command(after_help = "\
Examples:
  claimdb init                      create the default database (also done on first use)
  claimdb --db kb.sqlite3 init      create a database at kb.sqlite3
  claimdb init --force              rebuild from scratch: imported articles are dropped")]
    Init(InitArgs),

    /// Re-check every claim's quote against its stored article and lines
    #[command(after_help = "\
Examples:
  claimdb verify
  claimdb --db copy.sqlite3 verify --format csv

Lists every claim whose quote does not stand at its lines and exits 1; exits 0 when all do.")]
    Verify,

    /// Print a shell completion script (commands, options, subject and topic names)
    #[command(after_help = "\
Examples:
  claimdb completions bash > ~/.local/share/bash-completion/completions/claimdb
  claimdb completions zsh > ~/.zfunc/_claimdb
  claimdb completions fish > ~/.config/fish/completions/claimdb.fish

The script asks claimdb at each TAB, so subject, topic and category names complete
from the knowledge base (CLAIMDB_DB, or the default database) as it is then. It runs
the `claimdb` on your PATH (cargo install --locked --path .), never the path of the
binary that printed it.")]
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
}

// `--source SLUG`: the query commands' limit to some articles. A plain comment:
// clap would take a doc comment for the about text of every command that flattens
// it, which the commands' own texts no longer replace once built late (`defer`).
#[derive(Debug, Args, Default)]
pub struct SourceArgs {
    /// Only the claims of this article: its slug, as `claimdb sources` lists it
    /// (repeat for several) [default: every article]
    #[arg(long = "source", value_name = "SLUG")]
    pub source: Vec<String>,
}

#[derive(Debug, Args)]
pub struct WhichArgs {
    /// has or lacks
    #[arg(value_enum)]
    pub polarity: Polarity,

    /// The topic, optionally after "built-in": `built-in auth`, `admin interface`
    #[arg(required = true, num_args = 1.., value_name = "TOPIC",
          add = ArgValueCandidates::new(crate::complete::names::which_words))]
    pub words: Vec<String>,

    /// Rows only for the subjects with this verdict (repeat for several); the
    /// coverage line still counts every subject [default: every verdict]
    #[arg(long, value_name = "VERDICT")]
    pub only: Vec<crate::answers::which::Verdict>,

    #[command(flatten)]
    pub scope: SourceArgs,
}

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The directory to write to (created if missing)
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// The site's title
    #[arg(long, default_value = "claimdb knowledge base")]
    pub title: String,

    /// The licence the knowledge base is published under, shown on every page
    #[arg(long, value_name = "NAME")]
    pub license: Option<String>,

    /// Where the licence's text is: an http:// or https:// address
    #[arg(long, value_name = "URL", requires = "license")]
    pub license_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Rebuild the database from scratch, dropping every imported article
    #[arg(long)]
    pub force: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn long_help_lists_every_exit_code() {
        let help = Cli::command().render_long_help().to_string();
        assert!(help.contains(crate::error::EXIT_CODES_HELP), "{help}");
    }
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Two or more subjects (names or aliases)
    #[arg(required = true, num_args = 2.., value_name = "SUBJECT",
          add = ArgValueCandidates::new(crate::complete::names::subjects))]
    pub subjects: Vec<String>,

    /// Only this category (design, flexibility, use-cases, performance, components,
    /// history, learning, community, security) or topic
    #[arg(long, value_name = "CATEGORY",
          add = ArgValueCandidates::new(crate::complete::names::categories_and_topics))]
    pub on: Option<String>,

    #[command(flatten)]
    pub scope: SourceArgs,
}

#[derive(Debug, Args)]
pub struct TopicsArgs {
    /// Only topics of this category
    #[arg(long, short = 'c', add = ArgValueCandidates::new(crate::complete::names::categories))]
    pub category: Option<String>,

    #[command(flatten)]
    pub scope: SourceArgs,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only claims about this subject (repeat for several)
    #[arg(long, short = 's', value_name = "SUBJECT", value_parser = subject_name,
          add = ArgValueCandidates::new(crate::complete::names::subjects))]
    pub subject: Vec<String>,

    /// Every claim of the kind, in the article's line order [default: one row per
    /// item, the article's own list items first, then one row per other topic]
    #[arg(long)]
    pub all: bool,

    #[command(flatten)]
    pub scope: SourceArgs,
}

#[derive(Debug, Args)]
pub struct CompaniesArgs {
    /// Only companies named for this subject (repeat for several)
    #[arg(long, short = 's', value_name = "SUBJECT", value_parser = subject_name,
          add = ArgValueCandidates::new(crate::complete::names::subjects))]
    pub subject: Vec<String>,

    /// Only companies named for every given subject (every subject when none is given)
    #[arg(long)]
    pub shared: bool,

    /// Every claim naming a company, not each company once per subject
    #[arg(long)]
    pub all: bool,

    #[command(flatten)]
    pub scope: SourceArgs,
}

#[derive(Debug, Args)]
pub struct ClaimsArgs {
    /// Only claims about this subject (repeat for several)
    #[arg(long, short = 's', value_name = "SUBJECT", value_parser = subject_name,
          add = ArgValueCandidates::new(crate::complete::names::subjects))]
    pub subject: Vec<String>,

    /// Only claims of this kind (repeat for several)
    #[arg(long, short = 'k', value_enum)]
    pub kind: Vec<Kind>,

    /// Only claims on this topic (name or alias)
    #[arg(long, short = 't', add = ArgValueCandidates::new(crate::complete::names::topics))]
    pub topic: Option<String>,

    /// Only claims on topics of this category
    #[arg(long, short = 'c', add = ArgValueCandidates::new(crate::complete::names::categories))]
    pub category: Option<String>,

    /// Only claims with this stance
    #[arg(long, value_enum)]
    pub stance: Option<Stance>,

    /// Only claims from this source (its slug; repeat for several)
    #[arg(long, value_name = "SLUG")]
    pub source: Vec<String>,

    /// Only claims whose statement or quote contains each of these words as text
    /// ("orm" also finds "platform"; `search` matches whole words); at most 64 words
    #[arg(long, value_name = "WORDS")]
    pub text: Option<String>,
}

#[derive(Debug, Args)]
pub struct SqlArgs {
    /// One read-only SQL statement; "-" reads it from stdin
    #[arg(value_name = "SQL")]
    pub query: Option<String>,

    /// Stop the query after this many milliseconds (0: no limit)
    #[arg(long, default_value_t = 1000, value_name = "MS")]
    pub timeout_ms: u64,

    /// Write at most this many rows; if the query has more, say so and exit 7
    #[arg(long, value_name = "N")]
    pub max_rows: Option<u64>,

    /// Bind the query's parameter :NAME (also @NAME, $NAME) to VALUE, written
    /// `-p NAME=VALUE` or, as sqlite-utils has it, `-p NAME VALUE` (a value starting
    /// with "-" other than a number: `-p NAME=-VALUE`); repeat for each. Whole
    /// numbers are bound as integers, anything else as text
    #[arg(short = 'p', long = "param", value_name = "NAME=VALUE", num_args = 1..=2,
          allow_negative_numbers = true)]
    pub params: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The claims file: CSV (with a header row) or JSON (an array of objects); "-"
    /// reads it from stdin (`claimdb draft A.md | claimdb import - --source A.md`)
    #[arg(value_name = "CLAIMS", required_unless_present = "dir")]
    pub claims: Option<PathBuf>,

    /// The article the claims are written from (UTF-8 text)
    #[arg(long, value_name = "ARTICLE", required_unless_present = "dir")]
    pub source: Option<PathBuf>,

    /// Import every NAME.csv or NAME.json in DIR with its article NAME.txt or NAME.md,
    /// all or nothing
    #[arg(long, value_name = "DIR", conflicts_with_all = ["claims", "source", "title", "url", "slug"])]
    pub dir: Option<PathBuf>,

    /// The article's title [default: its first non-empty line]
    #[arg(long)]
    pub title: Option<String>,

    /// Where the article was published
    #[arg(long)]
    pub url: Option<String>,

    /// The source's short name in citations [default: from the article's file name]
    #[arg(long)]
    pub slug: Option<String>,

    /// Replace the article if it was imported before (same slug or same text)
    #[arg(long)]
    pub replace: bool,

    /// Check everything and report what would be imported, without writing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct DraftArgs {
    /// The article (UTF-8): Markdown when named .md, .markdown or .mdx, plain text
    /// when .txt, otherwise as its text looks; "-" reads stdin
    #[arg(value_name = "ARTICLE")]
    pub article: PathBuf,

    /// Draft only the claims about this subject (found on the page or not);
    /// repeat for several
    #[arg(long, value_name = "NAME", value_parser = subject_name)]
    pub subject: Vec<String>,

    /// Keep only the rows at least this sure (0 to 1; the `confidence` column)
    #[arg(long, value_name = "N", value_parser = confidence)]
    pub min_confidence: Option<f32>,
}

/// A subject name as given: an empty one (or only spaces) names no subject, and
/// would otherwise answer as if no subject were asked.
/// The longest name `--subject` takes, as long as the longest question `ask` takes:
/// a subject's name is a product's name, and a longer value is a paste gone wrong.
const MAX_SUBJECT_CHARS: usize = 1000;

fn subject_name(text: &str) -> std::result::Result<String, String> {
    if text.trim().is_empty() {
        return Err("a subject name cannot be empty".to_string());
    }
    if text.chars().count() > MAX_SUBJECT_CHARS {
        return Err(format!(
            "a subject name is at most {MAX_SUBJECT_CHARS} characters"
        ));
    }
    if text.chars().any(char::is_control) {
        return Err("a subject name is one line, without tabs or control characters".to_string());
    }
    Ok(text.to_string())
}

fn confidence(text: &str) -> std::result::Result<f32, String> {
    match text.parse::<f32>() {
        Ok(n) if (0.0..=1.0).contains(&n) => Ok(n),
        _ => Err(format!("{text} is not a confidence between 0 and 1")),
    }
}

#[derive(Debug, Args)]
pub struct RemoveSourceArgs {
    /// The source's slug, as listed by `claimdb sources`
    pub slug: String,

    /// Also remove the article shipped with claimdb
    #[arg(long)]
    pub force: bool,
}
