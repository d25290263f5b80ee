//! Which subjects have or lack a feature (`claimdb which`, and `ask`'s yes/no and
//! "which" questions), answered in the open world: every subject gets a row, `yes` or `no`
//! with the claims that say so, or `no claim` (never "lacks"), and disagreeing
//! claims are shown side by side.

use std::collections::BTreeSet;

use rusqlite::Connection;

use crate::catalog::{self, Named};
use crate::error::Result;
use crate::model::{Polarity, Stance};
use crate::names::fold;
use crate::query::cite;
use crate::rows::{Cell, Column, Sink};

/// What is asked, after the words are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// `has built-in X`: a builtin claim.
    HasBuiltin,
    /// `has X`: a builtin or extension claim.
    Has,
    /// `lacks X` / `lacks built-in X`: a lacks, extension or limited claim, and no
    /// builtin one.
    LacksBuiltin,
}

impl Rule {
    fn phrase(self, plural: bool) -> &'static str {
        match (self, plural) {
            (Rule::HasBuiltin, false) => "has built-in",
            (Rule::HasBuiltin, true) => "have built-in",
            (Rule::Has, false) => "has",
            (Rule::Has, true) => "have",
            (Rule::LacksBuiltin, false) => "lacks built-in",
            (Rule::LacksBuiltin, true) => "lack built-in",
        }
    }

    /// The stances that answer "yes".
    fn supports(self, stance: Stance) -> bool {
        match self {
            Rule::HasBuiltin => stance == Stance::Builtin,
            Rule::Has => matches!(stance, Stance::Builtin | Stance::Extension),
            Rule::LacksBuiltin => stance != Stance::Builtin,
        }
    }

    fn answers_yes(self, stances: &BTreeSet<Stance>) -> bool {
        let builtin = stances.contains(&Stance::Builtin);
        match self {
            Rule::LacksBuiltin => !builtin && !stances.is_empty(),
            _ => stances.iter().any(|s| self.supports(*s)),
        }
    }
}

/// Claims on one topic disagree when one says it ships and another that it does not
/// (lacks, or only through extensions). "Limited" sits with either.
pub fn conflicting(stances: &BTreeSet<Stance>) -> bool {
    stances.contains(&Stance::Builtin)
        && (stances.contains(&Stance::Lacks) || stances.contains(&Stance::Extension))
}

#[derive(Debug, Clone)]
pub struct Question {
    pub rule: Rule,
    pub topic: Named,
}

impl Question {
    /// Reads `has|lacks [built-in] TOPIC...`. "built-in" is taken as the modifier
    /// when what follows is a topic; otherwise the whole phrase must be one (so a
    /// topic alias that starts with "built-in" still works).
    pub fn parse(conn: &Connection, polarity: Polarity, words: &[String]) -> Result<Question> {
        let phrase = words.join(" ");
        let folded = fold(&phrase);
        let rest = ["built in ", "builtin "]
            .iter()
            .find_map(|prefix| folded.strip_prefix(prefix))
            .filter(|rest| !rest.is_empty());
        let (builtin, topic) = match rest {
            Some(rest) if catalog::is_topic(conn, rest)? || !catalog::is_topic(conn, &folded)? => {
                (true, catalog::resolve_topic(conn, rest)?)
            }
            _ => (false, catalog::resolve_topic(conn, &phrase)?),
        };
        let rule = match (polarity, builtin) {
            (Polarity::Has, true) => Rule::HasBuiltin,
            (Polarity::Has, false) => Rule::Has,
            (Polarity::Lacks, _) => Rule::LacksBuiltin,
        };
        Ok(Question { rule, topic })
    }
}

/// How one subject answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Verdict {
    Yes,
    Conflicting,
    /// Claims on the topic say the opposite of what was asked: cited.
    No,
    /// No claim on the topic at all.
    #[value(name = "no-claim")]
    Unknown,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Yes => "yes",
            Verdict::Conflicting => "conflicting",
            Verdict::No => "no",
            Verdict::Unknown => "no claim",
        }
    }
}

/// One claim cited in an answer.
#[derive(Debug, Clone)]
pub struct Citation {
    pub claim_id: i64,
    pub kind: String,
    pub stance: Stance,
    pub source: String,
    pub line_start: i64,
    pub line_end: i64,
    pub quote: String,
}

#[derive(Debug, Clone)]
pub struct SubjectAnswer {
    pub subject: String,
    pub verdict: Verdict,
    /// The claims shown: the supporting ones, the opposing ones for `no`, or all of
    /// them when conflicting.
    pub citations: Vec<Citation>,
}

/// Every subject's answer: yes, then conflicting, then no, then no claim.
pub fn answer(conn: &Connection, question: &Question) -> Result<Vec<SubjectAnswer>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.name, c.stance, c.claim_id, c.kind, src.slug, c.line_start, c.line_end, c.quote
         FROM subjects s
         LEFT JOIN claims c ON c.subject_id = s.subject_id AND c.topic_id = ?1
                           AND c.stance IS NOT NULL AND c.kind <> 'comparison'
         LEFT JOIN sources src ON src.source_id = c.source_id
         ORDER BY s.name, c.claim_id",
    )?;
    let mut rows = stmt.query([question.topic.id])?;
    let mut answers: Vec<SubjectAnswer> = Vec::new();
    let mut current: Option<(String, Vec<Citation>)> = None;
    let finish = |name: String, claims: Vec<Citation>, answers: &mut Vec<SubjectAnswer>| {
        let stances: BTreeSet<Stance> = claims.iter().map(|c| c.stance).collect();
        let verdict = if stances.is_empty() {
            Verdict::Unknown
        } else if conflicting(&stances) {
            Verdict::Conflicting
        } else if question.rule.answers_yes(&stances) {
            Verdict::Yes
        } else {
            Verdict::No
        };
        let citations = match verdict {
            Verdict::Yes => claims
                .into_iter()
                .filter(|c| question.rule.supports(c.stance))
                .collect(),
            Verdict::Conflicting => claims,
            Verdict::No => claims
                .into_iter()
                .filter(|c| !question.rule.supports(c.stance))
                .collect(),
            Verdict::Unknown => Vec::new(),
        };
        answers.push(SubjectAnswer {
            subject: name,
            verdict,
            citations,
        });
    };
    while let Some(row) = rows.next()? {
        let name: String = row.get(0)?;
        if current.as_ref().is_none_or(|(n, _)| *n != name) {
            if let Some((n, claims)) = current.take() {
                finish(n, claims, &mut answers);
            }
            current = Some((name, Vec::new()));
        }
        let stance: Option<String> = row.get(1)?;
        if let Some(stance) = stance {
            let stance = stance
                .parse::<Stance>()
                .map_err(crate::error::Error::database)?;
            current.as_mut().expect("set above").1.push(Citation {
                claim_id: row.get(2)?,
                kind: row.get(3)?,
                stance,
                source: row.get(4)?,
                line_start: row.get(5)?,
                line_end: row.get(6)?,
                quote: row.get(7)?,
            });
        }
    }
    if let Some((n, claims)) = current.take() {
        finish(n, claims, &mut answers);
    }
    answers.sort_by_key(|a| match a.verdict {
        Verdict::Yes => 0,
        Verdict::Conflicting => 1,
        Verdict::No => 2,
        Verdict::Unknown => 3,
    });
    Ok(answers)
}

const COLUMNS: [Column; 11] = [
    Column::new("subject"),
    Column::new("answer"),
    Column::new("stance"),
    Column::new("claim_id"),
    Column::machine("kind"),
    Column::machine("topic"),
    Column::machine("source"),
    Column::machine("line_start"),
    Column::machine("line_end"),
    Column::human("cite"),
    Column::new("quote"),
];

/// Writes the answer rows and the closing coverage line.
pub fn write(out: &mut dyn Sink, question: &Question, answers: &[SubjectAnswer]) -> Result<()> {
    write_rows(out, question, answers)?;
    out.note(&coverage(question, answers))
}

/// Writes the answer rows alone (`ask` leaves out subjects with no claim and names
/// them in the coverage line instead).
pub fn write_rows(
    out: &mut dyn Sink,
    question: &Question,
    answers: &[SubjectAnswer],
) -> Result<()> {
    write_rows_naming(out, question, answers, &[])
}

/// A subject with no claim of its own on the topic whose name another subject's
/// cited line says: (the subject, the citation, whose claim it is).
pub type NamedIn<'a> = (String, &'a Citation, String);

/// [`write_rows`], then one row for each subject `named` in another's citation:
/// its answer says whose claim names it, with no stance (the stance is the other's).
pub fn write_rows_naming(
    out: &mut dyn Sink,
    question: &Question,
    answers: &[SubjectAnswer],
    named: &[NamedIn],
) -> Result<()> {
    let topic = question.topic.name.as_str();
    let mut rows = out.rows(&COLUMNS)?;
    for a in answers {
        if a.citations.is_empty() {
            rows.row(&[
                Cell::from(a.subject.as_str()),
                Cell::from(a.verdict.as_str()),
                Cell::Null,
                Cell::Null,
                Cell::Null,
                Cell::from(topic),
                Cell::Null,
                Cell::Null,
                Cell::Null,
                Cell::from("no claim"),
                Cell::Null,
            ])?;
        }
        for c in &a.citations {
            let stance = Cell::from(c.stance.as_str());
            rows.row(&cited(&a.subject, a.verdict.as_str(), stance, topic, c))?;
        }
    }
    for (subject, c, whose) in named {
        let answer = format!("named in {whose}'s claim");
        rows.row(&cited(subject, &answer, Cell::Null, topic, c))?;
    }
    rows.finish()?;
    Ok(())
}

/// One cited row of a `which` answer: `subject`'s `answer`, with `stance`, from
/// claim `c` on `topic`.
fn cited<'a>(
    subject: &'a str,
    answer: &'a str,
    stance: Cell<'a>,
    topic: &'a str,
    c: &'a Citation,
) -> [Cell<'a>; 11] {
    [
        Cell::from(subject),
        Cell::from(answer),
        stance,
        Cell::Int(c.claim_id),
        Cell::from(c.kind.as_str()),
        Cell::from(topic),
        Cell::from(c.source.as_str()),
        Cell::Int(c.line_start),
        Cell::Int(c.line_end),
        Cell::from(cite(&c.source, c.line_start, c.line_end)),
        Cell::from(c.quote.as_str()),
    ]
}

fn name_list(names: &[&str]) -> String {
    crate::names::some_of(names, 8)
}

/// The closing line: the answer in words, and how many subjects have any claim on
/// the topic, so an empty answer is never mistaken for "none lack it".
pub fn coverage(question: &Question, answers: &[SubjectAnswer]) -> String {
    let topic = &question.topic.name;
    let with = |v: Verdict| -> Vec<&str> {
        answers
            .iter()
            .filter(|a| a.verdict == v)
            .map(|a| a.subject.as_str())
            .collect()
    };
    // "Limited" is neither "has" nor "lacks": a subject whose every claim says
    // limited is said to have it limited, in its own clause.
    let limited: Vec<&str> = answers
        .iter()
        .filter(|a| {
            a.verdict != Verdict::Conflicting
                && !a.citations.is_empty()
                && a.citations.iter().all(|c| c.stance == Stance::Limited)
        })
        .map(|a| a.subject.as_str())
        .collect();
    let (mut yes, conflicting, mut no, unknown) = (
        with(Verdict::Yes),
        with(Verdict::Conflicting),
        with(Verdict::No),
        with(Verdict::Unknown),
    );
    yes.retain(|n| !limited.contains(n));
    no.retain(|n| !limited.contains(n));
    let limited_clause = (!limited.is_empty()).then(|| {
        format!(
            "{} {} only limited {topic}",
            name_list(&limited),
            if limited.len() == 1 { "has" } else { "have" }
        )
    });
    let mut line = if yes.is_empty() && limited_clause.is_some() {
        limited_clause.clone().expect("checked")
    } else if yes.is_empty() {
        format!("No subject {} {topic}", question.rule.phrase(false))
    } else {
        format!(
            "{} {} {topic}",
            name_list(&yes),
            question.rule.phrase(yes.len() > 1)
        )
    };
    if let Some(clause) = limited_clause.filter(|_| !yes.is_empty()) {
        line.push_str(&format!("; {clause}"));
    }
    if !no.is_empty() {
        line.push_str(&format!(
            "; {} {} not",
            name_list(&no),
            if no.len() == 1 { "does" } else { "do" }
        ));
    }
    if !conflicting.is_empty() {
        line.push_str(&format!(
            "; conflicting claims for {}",
            name_list(&conflicting)
        ));
    }
    let total = answers.len();
    line.push_str(&format!(
        ". {} of {total} subject{} {} a claim on {topic}",
        total - unknown.len(),
        if total == 1 { "" } else { "s" },
        if total - unknown.len() == 1 {
            "has"
        } else {
            "have"
        },
    ));
    if !unknown.is_empty() {
        line.push_str(&format!(" (no claim: {})", name_list(&unknown)));
    }
    line.push('.');
    line
}

/// `which has|lacks [built-in] TOPIC...`: reads the words, answers, writes the rows
/// and the closing coverage line.
/// `only`: the verdicts whose subjects get rows (all when empty); the coverage
/// line still counts every subject.
pub fn which(
    conn: &Connection,
    out: &mut dyn Sink,
    polarity: Polarity,
    words: &[String],
    only: &[Verdict],
) -> Result<()> {
    let question = Question::parse(conn, polarity, words)?;
    let answers = answer(conn, &question)?;
    if only.is_empty() {
        return write(out, &question, &answers);
    }
    let shown: Vec<SubjectAnswer> = answers
        .iter()
        .filter(|a| only.contains(&a.verdict))
        .cloned()
        .collect();
    write_rows(out, &question, &shown)?;
    out.note(&coverage(&question, &answers))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(stances: &[Stance]) -> BTreeSet<Stance> {
        stances.iter().copied().collect()
    }

    #[test]
    fn the_open_world_rules() {
        use Stance::*;
        assert!(Rule::LacksBuiltin.answers_yes(&set(&[Extension])));
        assert!(Rule::LacksBuiltin.answers_yes(&set(&[Limited, Lacks])));
        assert!(!Rule::LacksBuiltin.answers_yes(&set(&[Builtin, Limited])));
        assert!(
            !Rule::LacksBuiltin.answers_yes(&set(&[])),
            "no claim is not lacks"
        );
        assert!(Rule::Has.answers_yes(&set(&[Extension, Lacks])));
        assert!(!Rule::HasBuiltin.answers_yes(&set(&[Extension])));
        assert!(conflicting(&set(&[Builtin, Lacks])));
        assert!(conflicting(&set(&[Builtin, Extension])));
        assert!(!conflicting(&set(&[Builtin, Limited])));
        assert!(!conflicting(&set(&[Extension, Lacks])));
    }
}
