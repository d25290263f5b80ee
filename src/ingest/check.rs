//! Checking claims before anything is written: every record against the catalogue
//! (its names resolved to ids), the rules of its kind and stance, and the article
//! (its quote found at its lines, or its lines found from its quote). Every problem
//! of a file is reported at once.

use std::cell::OnceCell;
use std::collections::HashMap;

use rusqlite::Transaction;

use crate::article::{Article, Place};
use crate::ingest::catalogue::{alias_map, find_name, slug};
use crate::ingest::record::{ClaimRecord, Located, Problem, non_blank};
use crate::model::{Kind, Stance};
use crate::names::near_known;
use crate::text::quotes::{CitationFault, Rendering, SeenLines, Unreadable, has_words};

/// A record that passed [`check_claims`], its names resolved to ids and its quote to
/// lines: ready to insert. It names its record by position, so the records can
/// travel between threads with their checked claims.
#[derive(Debug)]
pub struct ValidClaim {
    pub(crate) record: usize,
    pub(crate) subject_id: i64,
    pub(crate) kind: Kind,
    pub(crate) topic_id: i64,
    pub(crate) stance: Option<Stance>,
    pub(crate) versus_id: Option<i64>,
    pub(crate) listed: bool,
    pub(crate) line_start: usize,
    pub(crate) line_end: usize,
    /// The article's own text at those lines, when the quote matched it only once
    /// white space and Markdown markup were set aside.
    pub(crate) quote: Option<String>,
}

impl ValidClaim {
    /// The statement and quote it is stored with: the statement trimmed, the quote
    /// as the article has it.
    pub(crate) fn text<'r>(&'r self, records: &'r [Located<ClaimRecord>]) -> (&'r str, &'r str) {
        let r = &records[self.record].record;
        (
            r.statement.trim(),
            self.quote.as_deref().unwrap_or(&r.quote),
        )
    }
}

/// Every name the catalogue answers to, folded, with its id: what records are checked
/// against. Loaded again whenever an import declares new names; it needs no
/// database, so records can be checked on another thread while SQLite inserts.
pub struct Lookup {
    subjects: HashMap<String, i64>,
    topics: HashMap<String, i64>,
}

impl Lookup {
    pub fn load(tx: &Transaction) -> rusqlite::Result<Lookup> {
        Ok(Lookup {
            subjects: alias_map(tx, "SELECT key, subject_id FROM subject_aliases")?,
            topics: alias_map(tx, "SELECT key, topic_id FROM topic_aliases")?,
        })
    }
}

/// Checks every record against the catalogue and the article, finding the lines of
/// quotes given without them; all problems at once.
pub fn check_claims(
    lookup: &Lookup,
    article: &Article,
    records: &[Located<ClaimRecord>],
) -> Result<Vec<ValidClaim>, Vec<Problem>> {
    let mut checker = Checker::new(lookup, article);
    let places = places_of_lineless_quotes(article, records);
    let mut problems = Vec::new();
    let mut valid = Vec::with_capacity(records.len());
    for (index, (record, places)) in records.iter().zip(places).enumerate() {
        match checker.check_record(index, record, places) {
            Ok(claim) => valid.push(claim),
            Err(found) => problems.extend(found),
        }
    }
    if problems.is_empty() {
        Ok(valid)
    } else {
        Err(problems)
    }
}

/// Where each record's quote stands when the record gives no lines: its first place
/// and a second one if there is any, found for all such quotes in one pass over the
/// article. Records with lines get (None, None).
fn places_of_lineless_quotes(
    article: &Article,
    records: &[Located<ClaimRecord>],
) -> Vec<(Place, Place)> {
    let lineless: Vec<usize> = (0..records.len())
        .filter(|&i| records[i].record.line_start.is_none() && records[i].record.line_end.is_none())
        .collect();
    let quotes: Vec<&str> = lineless
        .iter()
        .map(|&i| records[i].record.quote.as_str())
        .collect();
    let mut places = vec![(None, None); records.len()];
    for (&i, found) in lineless.iter().zip(article.places(&quotes)) {
        places[i] = found;
    }
    places
}

/// What checking the records of one article shares: the catalogue, with each name
/// as written folded and looked up once, and the article with its forgiving
/// rendering, built on first need.
struct Checker<'r> {
    lookup: &'r Lookup,
    subject_ids: HashMap<&'r str, Option<i64>>,
    topic_ids: HashMap<&'r str, Option<i64>>,
    article: &'r Article<'r>,
    rendering: OnceCell<Rendering>,
    /// What a reader sees of the lines quotes stand on.
    seen_lines: SeenLines<'r>,
}

/// One record being checked: its line, and the problems found with it so far.
struct Row<'r> {
    line: u64,
    record: &'r ClaimRecord,
    problems: Vec<Problem>,
}

impl Row<'_> {
    fn problem(&mut self, message: impl Into<String>) {
        self.problems.push(Problem::new(self.line, message));
    }

    fn problem_with_hint(&mut self, message: impl Into<String>, hint: impl Into<String>) {
        self.problems
            .push(Problem::new(self.line, message).hint(hint));
    }
}

impl<'r> Checker<'r> {
    fn new(lookup: &'r Lookup, article: &'r Article<'r>) -> Checker<'r> {
        Checker {
            lookup,
            subject_ids: HashMap::new(),
            topic_ids: HashMap::new(),
            article,
            rendering: OnceCell::new(),
            seen_lines: SeenLines::new(article.markup_lines()),
        }
    }

    /// One record as a claim ready to insert, or every problem with it, in the
    /// order of its columns.
    fn check_record(
        &mut self,
        index: usize,
        Located { line, record }: &'r Located<ClaimRecord>,
        places: (Place, Place),
    ) -> Result<ValidClaim, Vec<Problem>> {
        let mut row = Row {
            line: *line,
            record,
            problems: Vec::new(),
        };
        let subject_id = self.subject(&mut row);
        let versus_id = self.versus(&mut row, subject_id);
        let listed = listed(&mut row);
        let topic_id = self.topic(&mut row);
        let (kind, stance) = kind_and_stance(&mut row, versus_id);
        value(&mut row, kind);
        statement(&mut row);
        let lines = self.quote(&mut row, kind, places);
        if !row.problems.is_empty() {
            return Err(row.problems);
        }
        let ((line_start, line_end), stored) = lines.expect("checked above");
        Ok(ValidClaim {
            record: index,
            subject_id: subject_id.expect("checked above"),
            kind: kind.expect("checked above"),
            topic_id: topic_id.expect("checked above"),
            stance,
            versus_id,
            listed,
            line_start,
            line_end,
            quote: stored,
        })
    }

    /// The id of the record's subject.
    fn subject(&mut self, row: &mut Row<'r>) -> Option<i64> {
        let r = row.record;
        let subjects = &self.lookup.subjects;
        let subject_id = *self
            .subject_ids
            .entry(&r.subject)
            .or_insert_with(|| find_name(subjects, &r.subject));
        if r.subject.trim().is_empty() {
            row.problem("the subject is missing");
        } else if subject_id.is_none() {
            let hint = match near_known(&r.subject, subjects.keys()) {
                Some(near) => format!(
                    "did you mean '{near}'? (a new subject on purpose: put `subject` in the row's `new` column)"
                ),
                None => "subject names start with a letter or digit and use a-z, 0-9 and . + # - \
                         (new ones are created on import)"
                    .to_string(),
            };
            row.problem_with_hint(format!("unknown subject '{}'", r.subject), hint);
        }
        subject_id
    }

    /// The id of the subject a comparison is made against, if the record names one.
    fn versus(&mut self, row: &mut Row<'r>, subject_id: Option<i64>) -> Option<i64> {
        let versus = non_blank(&row.record.versus)?;
        let subjects = &self.lookup.subjects;
        let id = *self
            .subject_ids
            .entry(versus)
            .or_insert_with(|| find_name(subjects, versus));
        if id.is_none() {
            row.problem_with_hint(
                format!("unknown subject '{versus}' in versus"),
                "subject names use a-z, 0-9 and . + # -",
            );
        } else if id == subject_id {
            row.problem(format!(
                "'{versus}' is compared with itself (versus is the subject)"
            ));
        }
        id
    }

    /// The id of the record's topic.
    fn topic(&mut self, row: &mut Row<'r>) -> Option<i64> {
        let r = row.record;
        let topics = &self.lookup.topics;
        let topic_id = *self
            .topic_ids
            .entry(&r.topic)
            .or_insert_with(|| find_name(topics, &r.topic));
        if r.topic.trim().is_empty() {
            row.problem("the topic is missing");
        } else if topic_id.is_none() {
            let hint = unknown_topic_hint(r, near_known(&r.topic, topics.keys()));
            row.problem_with_hint(format!("unknown topic '{}'", r.topic), hint);
        }
        topic_id
    }

    /// Where the record's quote stands, and the article's own text there when the
    /// quote matched it only once set aside white space and markup.
    fn quote(
        &self,
        row: &mut Row,
        kind: Option<Kind>,
        (located, second): (Place, Place),
    ) -> Option<((usize, usize), Option<String>)> {
        let r = row.record;
        if r.quote.is_empty() {
            row.problem("the quote is missing");
            return None;
        }
        if !has_words(&r.quote) {
            let fault = CitationFault::Unreadable(Unreadable::NoWords);
            row.problem_with_hint(fault.message(), fault.hint());
            return None;
        }
        let lines = check_quote(
            self.article,
            &self.rendering,
            &r.quote,
            r.line_start,
            r.line_end,
            located,
            second,
        )
        .map_err(|p| {
            row.problems.push(Problem {
                line: row.line,
                ..p
            })
        })
        .ok();
        let ((start, end), stored) = lines.as_ref()?;
        // A citation says something a reader can read, where it stands, and a
        // company claim cites the sentence that names the company.
        let at = self.article.lines(*start, *end).unwrap_or_default();
        let quote = stored.as_deref().unwrap_or(&r.quote);
        let company = (kind == Some(Kind::Company))
            .then(|| non_blank(&r.value))
            .flatten();
        if let Some(fault) = self
            .seen_lines
            .citation_fault((*start, *end), at, quote, company)
        {
            row.problem_with_hint(fault.message(), fault.hint());
            if matches!(fault, CitationFault::Unreadable(_)) {
                return None;
            }
        }
        lines
    }
}

/// What to say about a topic the catalogue does not know, `near` the known topic
/// it is close to: a new topic needs a well-formed name and a known category.
fn unknown_topic_hint(r: &ClaimRecord, near: Option<&str>) -> String {
    match non_blank(&r.category) {
        Some(_) if near.is_some() && !r.declares_new("topic") => format!(
            "did you mean '{}'? (a new topic on purpose: put `topic` in the row's `new` column)",
            near.unwrap_or_default()
        ),
        None if near.is_some() => format!("did you mean '{}'?", near.unwrap_or_default()),
        Some(_) if slug(&r.topic, &[]).is_none() => {
            "topic names start with a letter or digit and use a-z, 0-9 and -".to_string()
        }
        Some(c) => format!("'{c}' is not a category; `claimdb topics` shows them"),
        None => "a new topic needs a `category` column (design, components, \
                 performance, ...); `claimdb topics` lists known topics"
            .to_string(),
    }
}

/// Whether the record is one item of one of the article's own lists.
fn listed(row: &mut Row) -> bool {
    match non_blank(&row.record.listed) {
        None | Some("0") | Some("false") => false,
        Some("1") | Some("true") => true,
        Some(other) => {
            row.problem_with_hint(
                format!("listed must be 1 or 0, not '{other}'"),
                "1 marks one item of one of the article's own lists",
            );
            false
        }
    }
}

/// The record's kind and stance, and whether they go together (and with a value
/// and a versus subject): a feature has a stance, a comparison its comparative or
/// an it-depends verdict between two sides, and only a comparison a versus.
fn kind_and_stance(row: &mut Row, versus_id: Option<i64>) -> (Option<Kind>, Option<Stance>) {
    let r = row.record;
    let stance_text = non_blank(&r.stance);
    let kind = match r.kind.trim().parse::<Kind>() {
        Ok(k) => Some(k),
        Err(e) => {
            row.problem(format!("unknown kind: {e}"));
            None
        }
    };
    let stance = match stance_text.map(str::parse::<Stance>) {
        None => None,
        Some(Ok(s)) => Some(s),
        Some(Err(e)) => {
            row.problem(format!("unknown stance: {e}"));
            None
        }
    };
    if kind == Some(Kind::Feature) && (stance_text.is_none() || stance == Some(Stance::Depends)) {
        row.problem_with_hint(
            "a feature claim needs a stance",
            "builtin, extension, limited or lacks",
        );
    }
    if kind == Some(Kind::Comparison) {
        match stance {
            None if non_blank(&r.value).is_none() => row.problem_with_hint(
                "a comparison claim needs a value (the comparative)",
                "as the article puts it, e.g. \"easier to learn\"",
            ),
            None => {}
            Some(Stance::Depends) if versus_id.is_none() && non_blank(&r.versus).is_none() => row
                .problem_with_hint(
                    "a 'depends' verdict needs both sides",
                    "the subject and versus, in the order the article names them",
                ),
            Some(Stance::Depends) => {}
            Some(s) => row.problem_with_hint(
                format!("a comparison has no stance '{s}'"),
                "leave the stance empty, or 'depends' for an it-depends verdict",
            ),
        }
    } else {
        if stance == Some(Stance::Depends) && kind.is_some() {
            row.problem_with_hint(
                "the stance 'depends' is for comparison claims only",
                "use kind comparison for an it-depends verdict",
            );
        }
        if non_blank(&r.versus).is_some() && kind.is_some() {
            row.problem_with_hint(
                "only a comparison claim has a versus subject",
                "use kind comparison, or leave versus empty",
            );
        }
    }
    (kind, stance)
}

/// A company or fact claim carries its value.
fn value(row: &mut Row, kind: Option<Kind>) {
    if let Some(k) = kind.filter(|k| k.needs_value())
        && non_blank(&row.record.value).is_none()
    {
        let what = if k == Kind::Company {
            "the company's name"
        } else {
            "the fact's value"
        };
        row.problem(format!("a {k} claim needs a value ({what})"));
    }
}

/// The statement is there, on one line.
fn statement(row: &mut Row) {
    let statement = &row.record.statement;
    if statement.trim().is_empty() {
        row.problem("the statement is missing");
    } else if statement.contains(['\n', '\r']) {
        row.problem("the statement must be one line");
    }
}

/// Where the quote stands: at the given lines, or found in the article when no lines
/// are given; exactly, or else once white space, line wraps and Markdown markup are
/// set aside (then with the article's own text, to be stored instead). A quote
/// without lines that stands in more than one place is refused, naming them.
fn check_quote(
    article: &Article,
    rendering: &OnceCell<Rendering>,
    quote: &str,
    start: Option<usize>,
    end: Option<usize>,
    located: Option<(usize, usize)>,
    second: Option<(usize, usize)>,
) -> Result<((usize, usize), Option<String>), Problem> {
    let text = article.text();
    let forgiving = || {
        rendering
            .get_or_init(|| Rendering::new(text))
            .find(text, quote, 5)
    };
    let ambiguous = |places: &[(usize, usize)]| {
        let lines: Vec<String> = places
            .iter()
            .take(5)
            .map(|&(s, e)| {
                if s == e {
                    s.to_string()
                } else {
                    format!("{s}-{e}")
                }
            })
            .collect();
        Problem::new(0, "the quote stands in more than one place in the article").hint(format!(
            "it stands at lines {}; give line_start and line_end to say which",
            crate::names::some_of(&lines, 5)
        ))
    };
    let verbatim_hint =
        "quotes must be copied from the article, typographic quotes and apostrophes included";
    match (start, end) {
        (None, None) => {
            if let Some(at) = located {
                if let Some(other) = second {
                    return Err(ambiguous(&[at, other]));
                }
                return Ok((at, None));
            }
            let found = forgiving();
            match found.as_slice() {
                [] => Err(Problem::new(0, "the quote is not in the article").hint(verbatim_hint)),
                [(s, e)] => Ok((article.lines_of(*s, *e), Some(text[*s..*e].to_string()))),
                places => {
                    let lines: Vec<(usize, usize)> = places
                        .iter()
                        .map(|&(s, e)| article.lines_of(s, e))
                        .collect();
                    Err(ambiguous(&lines))
                }
            }
        }
        (Some(s), Some(e)) if article.quote_stands_at(quote, s, e) => Ok(((s, e), None)),
        (Some(s), Some(e)) => {
            let at = match (article.line_bytes(s), article.line_bytes(e)) {
                (Some(first), Some(last)) if s <= e => rendering
                    .get_or_init(|| Rendering::new(text))
                    .find_at(text, quote, first, last),
                _ => None,
            };
            if let Some((from, to)) = at {
                return Ok(((s, e), Some(text[from..to].to_string())));
            }
            let found = forgiving();
            let problem = Problem::new(
                0,
                format!("the quote does not stand at lines {s}-{e} of the article"),
            );
            Err(
                match found.first().map(|&(from, to)| article.lines_of(from, to)) {
                    Some((fs, fe)) => problem.hint(format!("the quote stands at lines {fs}-{fe}")),
                    None => problem.hint(verbatim_hint),
                },
            )
        }
        _ => Err(Problem::new(
            0,
            "give both line_start and line_end, or neither",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::csv_file::read_csv;
    use crate::ingest::json_file::read_json_claims;

    /// The v2 columns: a comparison names the subject it is compared with, "it
    /// depends" is for comparisons only, and `listed` is a yes/no mark.
    #[test]
    fn comparisons_versus_and_listed_are_checked() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        crate::db::migrations::apply(&tx, 0).unwrap();
        tx.execute_batch(
            "INSERT INTO subjects (subject_id, name) VALUES (1, 'a'), (2, 'b');
             INSERT INTO subject_aliases VALUES ('a', 'a', 1), ('b', 'b', 2);
             INSERT INTO categories (category) VALUES ('c');
             INSERT INTO topics (topic_id, name, category) VALUES (1, 't', 'c');
             INSERT INTO topic_aliases VALUES ('t', 't', 1);",
        )
        .unwrap();
        let lookup = Lookup::load(&tx).unwrap();
        let article = Article::new("A is easier than B.");
        let text = "subject,kind,topic,stance,value,versus,listed,statement,quote,section,confidence\n\
                    a,comparison,t,,easier,b,1,A is easier than B.,A is easier,Intro,0.9\n\
                    a,comparison,t,depends,,b,,It depends.,A is easier,,\n\
                    a,comparison,t,,,b,,No comparative.,A is easier,,\n\
                    a,feature,t,depends,,,,Depends on a feature.,A is easier,,\n\
                    a,pro,t,,,b,,A pro against b.,A is easier,,\n\
                    a,comparison,t,,easier,a,,Against itself.,A is easier,,\n\
                    a,pro,t,,,,yes,Bad listed.,A is easier,,\n";
        let records: Vec<Located<ClaimRecord>> = read_csv(text).unwrap();
        let problems = check_claims(&lookup, &article, &records).unwrap_err();
        let lines: Vec<(u64, &str)> = problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        assert_eq!(
            lines,
            vec![
                (4, "a comparison claim needs a value (the comparative)"),
                (5, "a feature claim needs a stance"),
                (5, "the stance 'depends' is for comparison claims only"),
                (6, "only a comparison claim has a versus subject"),
                (7, "'a' is compared with itself (versus is the subject)"),
                (8, "listed must be 1 or 0, not 'yes'"),
            ]
        );
        let good = check_claims(&lookup, &article, &records[..2]).unwrap();
        assert_eq!(good[0].versus_id, Some(2));
        assert!(good[0].listed && !good[1].listed);
        assert_eq!(good[1].stance, Some(Stance::Depends));
        let json = r#"[{"subject": "a", "kind": "pro", "topic": "t", "listed": true,
                        "statement": "s", "quote": "A is easier"},
                       {"subject": "a", "kind": "pro", "topic": "t", "listed": 0,
                        "statement": "s", "quote": "A is easier"}]"#;
        let records = read_json_claims(json).unwrap();
        let good = check_claims(&lookup, &article, &records).unwrap();
        assert!(good[0].listed && !good[1].listed);
    }
}
