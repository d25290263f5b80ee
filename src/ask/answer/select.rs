//! The claims an answer picks: a [`query::ClaimFilter`] with the names it was built
//! from, fetched as [`Found`] rows (what a verdict needs) in the order a reader
//! wants them, and said back as the `claims` command that lists the same claims.

use rusqlite::Connection;

use crate::catalog::{self, Named};
use crate::error::Result;
use crate::model::Kind;
use crate::query::{self, ClaimFilter};
use crate::text::shell::shell_word;

/// One claim found for an answer: what the verdict needs, the rest is written from
/// the claims table itself.
#[derive(Debug, Clone)]
pub struct Found {
    pub claim_id: i64,
    pub subject: String,
    pub kind: String,
    pub topic: String,
    pub stance: Option<String>,
    pub value: Option<String>,
    pub line_start: i64,
    pub statement: String,
    /// A comparison's other side.
    pub versus: Option<String>,
    /// One of the article's own list items.
    pub listed: bool,
    /// The slug of the article it stands in.
    pub source: String,
}

impl Found {
    /// The subjects of `asked` that no claim of `found` is about or compared with.
    pub fn silent<'a>(asked: &'a [String], found: &[Found]) -> Vec<&'a String> {
        asked
            .iter()
            .filter(|s| {
                !found
                    .iter()
                    .any(|f| f.subject == **s || f.versus.as_deref() == Some(s.as_str()))
            })
            .collect()
    }
}

/// "The article" when every claim found stands in one article; otherwise "The
/// SLUG article", so that a verdict drawn from several articles names each.
pub fn the_article(found: &[&Found], f: &Found) -> String {
    if found.iter().all(|g| g.source == f.source) {
        "The article".to_string()
    } else {
        format!("The {} article", f.source)
    }
}

/// A claim filter the answers share (subjects, topics, kinds, stances, text, words),
/// with the canonical names of its subjects and topics.
#[derive(Debug, Clone)]
pub struct Select {
    pub filter: ClaimFilter,
    pub subject_names: Vec<String>,
    pub topic_names: Vec<String>,
}

pub fn resolve_subjects(conn: &Connection, names: &[String]) -> Result<Vec<Named>> {
    names
        .iter()
        .map(|n| catalog::resolve_subject(conn, n))
        .collect()
}

impl Select {
    pub fn new(conn: &Connection, subjects: &[String], topics: &[String]) -> Result<Select> {
        let subjects = resolve_subjects(conn, subjects)?;
        let topics: Vec<Named> = topics
            .iter()
            .map(|t| catalog::resolve_topic(conn, t))
            .collect::<Result<_>>()?;
        Ok(Select {
            filter: ClaimFilter {
                subjects: subjects.iter().map(|s| s.id).collect(),
                topics: topics.iter().map(|t| t.id).collect(),
                ..ClaimFilter::default()
            },
            subject_names: subjects.into_iter().map(|s| s.name).collect(),
            topic_names: topics.into_iter().map(|t| t.name).collect(),
        })
    }

    /// The same claims, of these kinds only (all kinds when empty).
    pub fn of_kinds(mut self, kinds: Vec<Kind>) -> Select {
        self.filter.kinds = kinds;
        self
    }

    /// The `claims` command that lists the same claims: one command per topic and
    /// stance beyond the first (`claims` takes one of each), joined by " ; ", so
    /// the line runs as it is.
    pub fn command(&self) -> String {
        let f = &self.filter;
        let mut head = String::from("claims");
        for s in &self.subject_names {
            head.push_str(&format!(" --subject {s}"));
        }
        for k in &f.kinds {
            head.push_str(&format!(" --kind {k}"));
        }
        let mut tail = String::new();
        if let Some(text) = &f.anywhere {
            tail.push_str(&format!(" --text {}", shell_word(text)));
        }
        if !f.fts_words.is_empty() {
            tail.push_str(&format!(" --text {}", shell_word(&f.fts_words.join(" "))));
        }
        let topic = |t: Option<&String>| t.map(|t| format!(" --topic {t}")).unwrap_or_default();
        let stance = |s: Option<String>| s.map(|s| format!(" --stance {s}")).unwrap_or_default();
        let first_topic = self.topic_names.first();
        let first_stance = f.stances.first().map(|s| s.to_string());
        let mut commands = vec![format!(
            "{head}{}{}{tail}",
            topic(first_topic),
            stance(first_stance.clone())
        )];
        for t in self.topic_names.iter().skip(1) {
            commands.push(format!(
                "{head}{}{}{tail}",
                topic(Some(t)),
                stance(first_stance.clone())
            ));
        }
        for s in f.stances.iter().skip(1) {
            commands.push(format!(
                "{head}{}{}{tail}",
                topic(first_topic),
                stance(Some(s.to_string()))
            ));
        }
        commands.join(" ; claimdb ")
    }

    /// The matching claims, in the order `rank` gives (then subject, then id).
    pub fn fetch(&self, conn: &Connection) -> Result<Vec<Found>> {
        // The claims alone; the names a verdict speaks of are looked up once each
        // (joining four tables cost more to prepare than the few lookups).
        let (sql, params) = query::claim_query_without_heading(&self.filter);
        let mut names = query::Names::none();
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
        let mut found = Vec::new();
        while let Some(r) = rows.next()? {
            names.fill_for(conn, r)?;
            // Only claims whose subject, topic and source exist, as a join keeps.
            let (Some(subject), Some(topic), Some(source)) = (
                names.subject(r.get(1)?),
                names.topic(r.get(3)?),
                names.source(r.get(8)?),
            ) else {
                continue;
            };
            let versus = match r.get::<_, Option<i64>>(11)? {
                Some(id) => names.subject(id).map(str::to_string),
                None => None,
            };
            found.push(Found {
                claim_id: r.get(0)?,
                subject: subject.to_string(),
                kind: r.get(2)?,
                topic: topic.to_string(),
                stance: r.get(4)?,
                value: r.get(5)?,
                line_start: r.get(9)?,
                statement: r.get(6)?,
                versus,
                listed: r.get(12)?,
                source: source.to_string(),
            });
        }
        Ok(self.ranked(found))
    }

    /// Orders claims the way a reader wants them: by the kinds asked for (in that
    /// order), the article's own list items first, then by subject as asked, then
    /// as the article has them. The claim id comes last, so the order is the same
    /// whatever order the query gave.
    fn ranked(&self, mut found: Vec<Found>) -> Vec<Found> {
        let kind_rank = |k: &str| {
            self.filter
                .kinds
                .iter()
                .position(|x| x.as_str() == k)
                .unwrap_or(usize::MAX)
        };
        let subject_rank = |s: &str| {
            self.subject_names
                .iter()
                .position(|x| x == s)
                .unwrap_or(usize::MAX)
        };
        let stance_rank = |s: Option<&str>| {
            self.filter
                .stances
                .iter()
                .position(|x| Some(x.as_str()) == s)
                .unwrap_or(usize::MAX)
        };
        found.sort_by_key(|f| {
            (
                kind_rank(&f.kind),
                stance_rank(f.stance.as_deref()),
                !f.listed,
                subject_rank(&f.subject),
                f.claim_id,
            )
        });
        found
    }
}

/// `found`, or where it is empty, the claims of other subjects that name the
/// subjects asked ([`naming`]); with the command a reader runs to see them.
pub fn or_naming(
    conn: &Connection,
    select: &Select,
    topics: &[String],
    found: Vec<Found>,
) -> Result<(Vec<Found>, String)> {
    let mut command = select.command();
    if !found.is_empty() {
        return Ok((found, command));
    }
    let (naming, commands) = naming(conn, &select.subject_names, topics)?;
    for c in commands {
        command = format!("{command} ; claimdb {c}");
    }
    Ok((naming, command))
}

/// The claims on `topics` of other subjects whose text names one of `subjects`
/// ("Numbat Labs sells support for Quokka", asked "who supports quokka"): where the
/// subjects have no claim of their own on the topics, these say it of them.
/// Returns them with the commands that list them (`claims --topic T --text X`).
pub fn naming(
    conn: &Connection,
    subjects: &[String],
    topics: &[String],
) -> Result<(Vec<Found>, Vec<String>)> {
    let mut found: Vec<Found> = Vec::new();
    let mut commands = Vec::new();
    if topics.is_empty() {
        return Ok((found, commands));
    }
    for subject in subjects {
        let mut select = Select::new(conn, &[], topics)?;
        select.filter.fts_words = vec![subject.clone()];
        let mut any = false;
        for f in select.fetch(conn)? {
            if !subjects.contains(&f.subject) && !found.iter().any(|g| g.claim_id == f.claim_id) {
                found.push(f);
                any = true;
            }
        }
        if any {
            commands.push(select.command());
        }
    }
    Ok((found, commands))
}

/// Comparison claims between the subjects (all when none named), on the topics;
/// with the select that lists them.
pub fn comparisons(
    conn: &Connection,
    subjects: &[String],
    topics: &[String],
) -> Result<(Select, Vec<Found>)> {
    let all = Select::new(conn, &[], topics)?
        .of_kinds(vec![Kind::Comparison])
        .fetch(conn)?;
    // Between the named subjects: either side may be the favoured one; "than the
    // others" (no versus) counts for any.
    let found: Vec<Found> = all
        .into_iter()
        .filter(|f| {
            subjects.is_empty()
                || subjects.contains(&f.subject)
                    && f.versus
                        .as_ref()
                        .is_none_or(|v| subjects.len() < 2 || subjects.iter().any(|s| s == v))
                || f.versus
                    .as_ref()
                    .is_some_and(|v| subjects.iter().any(|s| s == v))
                    && subjects.len() < 2
        })
        .collect();
    let select = Select::new(conn, subjects, topics)?.of_kinds(vec![Kind::Comparison]);
    Ok((select, found))
}

/// Whether one article has claims on every one of `subjects`.
pub fn share_an_article(conn: &Connection, subjects: &[String]) -> Result<bool> {
    let placeholders = vec!["?"; subjects.len()].join(", ");
    let sql = format!(
        "SELECT EXISTS (SELECT 1 FROM claims c JOIN subjects s ON s.subject_id = c.subject_id
                        WHERE s.name IN ({placeholders})
                        GROUP BY c.source_id HAVING count(DISTINCT c.subject_id) = {})",
        subjects.len()
    );
    Ok(conn.query_row(&sql, rusqlite::params_from_iter(subjects), |r| r.get(0))?)
}
