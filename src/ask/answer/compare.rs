//! "X vs Y", "which is faster", "is X easier than Y": the article's comparison
//! claims between the subjects first, then each side's own claims on the topics,
//! and the verdict the article states, if any ("it depends" first).

use rusqlite::Connection;

use crate::ask::answer::explain::no_claim;
use crate::ask::answer::keywords::mentions_answer;
use crate::ask::answer::rows::{telling_mention, write_found};
use crate::ask::answer::say::{note, printable, reading_as};
use crate::ask::answer::select::{Found, Select, comparisons, the_article};
use crate::error::Result;
use crate::model::Kind;
use crate::rows::Sink;

/// What was asked besides the names: the question as typed, and the phrases of
/// several words that named a topic.
pub struct Asked<'a> {
    pub phrases: &'a [String],
    pub question: &'a str,
    /// "which should I pick": advice between the sides, not only how they differ.
    pub advice: bool,
    /// The words compared with that name no subject (src/ask/answer/rows.rs).
    pub sides: &'a [String],
}

/// The verdict the article states, if any: the specific verdicts first, then a
/// general "it depends" (which alone would hide what the article says for the
/// case asked about). Verdicts from several articles each name their article.
pub fn comparison_verdict(found: &[Found]) -> Option<String> {
    verdict_in_order(found, false)
}

/// [`comparison_verdict`] for a question that names no case ("which should I
/// choose"): there the general "it depends" is the article's answer, and leads.
pub fn general_verdict(found: &[Found]) -> Option<String> {
    verdict_in_order(found, true)
}

fn verdict_in_order(found: &[Found], general_first: bool) -> Option<String> {
    let all: Vec<&Found> = found.iter().collect();
    let (depends, favours): (Vec<&Found>, Vec<&Found>) = found
        .iter()
        .partition(|f| f.stance.as_deref() == Some("depends"));
    let mut said: Vec<String> = Vec::new();
    let mut last_article = String::new();
    for f in favours {
        let statement = f.statement.trim_end_matches('.');
        if said.len() >= 3 || said.iter().any(|x| x.contains(statement)) {
            continue;
        }
        let article = the_article(&all, f);
        let line = format!("{statement} (line {})", f.line_start);
        if article == last_article {
            said.push(line);
        } else {
            said.push(format!("{article} says: {line}"));
            last_article = article;
        }
    }
    if let Some(d) = depends.first() {
        let article = the_article(&all, d);
        let lead = said.is_empty() || general_first;
        let it_depends = format!(
            "{} says it depends: {} (line {})",
            if lead {
                article.clone()
            } else {
                format!("in general, {}", article.to_lowercase())
            },
            d.statement.trim_end_matches('.'),
            d.line_start
        );
        if general_first && !said.is_empty() {
            let specific = said.join("; ");
            said = vec![
                it_depends,
                format!("for particular cases, {}", lowercase_first(&specific)),
            ];
        } else {
            said.push(it_depends);
        }
    }
    if said.is_empty() {
        return None;
    }
    Some(said.join("; "))
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub fn compare_answer(
    conn: &Connection,
    out: &mut dyn Sink,
    subjects: &[String],
    topics: &[String],
    asked: Asked,
) -> Result<()> {
    let (select, mut found) = comparisons(conn, subjects, topics)?;
    if subjects.len() >= 2 && topics.is_empty() && found.is_empty() {
        if !crate::ask::answer::select::share_an_article(conn, subjects)? {
            // No article speaks of both: what one side's claims say of the other
            // ("use A in conjunction with a checker, like B").
            return mentions_answer(conn, out, subjects, subjects, asked.sides);
        }
        // "A vs B" where the article states no comparison between them: what
        // `compare` shows, each side's stance topic by topic.
        reading_as(&format!("compare {}", subjects.join(" ")));
        return crate::answers::compare::compare(conn, out, subjects, None);
    }
    let mut named: Vec<String> = subjects.to_vec();
    if subjects.is_empty() {
        named.extend(sides_said(&mut found, asked.question));
    }
    if subjects.len() >= 2
        && found.is_empty()
        && Select::new(conn, subjects, topics)?.fetch(conn)?.is_empty()
        && telling_mention(
            conn,
            out,
            subjects,
            asked.phrases,
            false,
            (subjects, topics),
            asked.sides,
        )?
    {
        // Neither side has a claim on the topic, but their claims say the very
        // words asked ("for background jobs"); a comparison saying them is answered
        // below with the others between them.
        return note(
            out,
            "The article states no comparison on this; the claims that say it are above.",
        );
    }
    let mut verdict = if topics.is_empty() {
        general_verdict(&found)
    } else {
        comparison_verdict(&found)
    };
    // Then each side's own claims on the topics (not a tally: the claims themselves).
    let mut command = select.command();
    if !topics.is_empty() {
        let sides = Select::new(conn, &named, topics)?.of_kinds(vec![
            Kind::Feature,
            Kind::Pro,
            Kind::Con,
            Kind::Limitation,
            Kind::Fact,
            Kind::UseCase,
        ]);
        let rest = sides.fetch(conn)?;
        command.push_str(" ; claimdb ");
        command.push_str(&sides.of_kinds(Vec::new()).command());
        found.extend(rest);
    }
    // "A or B, which should I pick", no topic: when the article says to use each
    // decides the pick, after the comparisons.
    if asked.advice && topics.is_empty() && subjects.len() >= 2 {
        let uses = Select::new(conn, subjects, &[])?.of_kinds(vec![Kind::UseCase]);
        let rest = uses.fetch(conn)?;
        if !rest.is_empty() {
            command.push_str(" ; claimdb ");
            command.push_str(&uses.command());
            found.extend(rest);
        }
    }
    // Each named side appears: where one has nothing on the topics, the article's
    // comparisons between them on anything.
    if subjects.len() >= 2
        && subjects
            .iter()
            .any(|s| !found.iter().any(|f| f.subject == *s))
    {
        let added = compared_on_anything(conn, subjects, &mut found, &mut command)?;
        if verdict.is_none() && added > 0 && !topics.is_empty() {
            verdict = Some(format!(
                "The article compares them on other topics (the comparison rows above), not on {}",
                topics.join(" or ")
            ));
        }
    }
    // A side still silent: the other side's claims that name it ("served 77,193
    // requests/sec, versus 14,200 for B"), a few, those on the topics first.
    if subjects.len() >= 2 {
        let said = silent_side(conn, subjects, topics, &mut found, &mut command)?;
        verdict = verdict.or(said);
    }
    // Comparisons on the topics asked first, then the sides' claims on them, then
    // comparisons on other topics (a stable sort keeps the article's order within):
    // a long list of other comparisons must not push out what was asked.
    found.sort_by_key(|f| {
        let on_topic = topics.is_empty() || topics.contains(&f.topic);
        match (f.kind == Kind::Comparison.as_str(), on_topic) {
            (true, true) => 0,
            (false, true) => 1,
            _ => 2,
        }
    });
    reading_as(&command);
    write_found(conn, out, &found, &select, asked.sides)?;
    if found.is_empty() {
        return no_claim(conn, subjects, topics, &[]);
    }
    note(
        out,
        &verdict.unwrap_or_else(|| {
            "The article states no comparison on this; each side's claims are above.".to_string()
        }),
    )
}

/// At most this many claims of one side naming a silent other side are added.
const MAX_NAMING: usize = 3;

/// For each of `subjects` no claim of `found` is about, the other sides' claims
/// whose text names it, added to `found` and to `command`.
fn named_by_the_other(
    conn: &Connection,
    subjects: &[String],
    topics: &[String],
    found: &mut Vec<Found>,
    command: &mut String,
) -> Result<()> {
    let silent: Vec<String> = Found::silent(subjects, found)
        .into_iter()
        .cloned()
        .collect();
    for missing in &silent {
        for other in subjects.iter().filter(|o| *o != missing) {
            let mut naming = Select::new(conn, std::slice::from_ref(other), &[])?;
            naming.filter.fts_words = vec![missing.clone()];
            let mut more: Vec<Found> = naming
                .fetch(conn)?
                .into_iter()
                .filter(|f| !found.iter().any(|g| g.claim_id == f.claim_id))
                .collect();
            more.sort_by_key(|f| !topics.contains(&f.topic));
            more.truncate(MAX_NAMING);
            if !more.is_empty() {
                command.push_str(&format!(" ; claimdb {}", naming.command()));
                found.extend(more);
            }
        }
    }
    Ok(())
}

/// The other side's claims naming a silent side ([`named_by_the_other`]); where
/// none does, in "A vs B" on topics, a few of B's own claims in the same article,
/// and a note saying the topic is not among them.
fn silent_side(
    conn: &Connection,
    subjects: &[String],
    topics: &[String],
    found: &mut Vec<Found>,
    command: &mut String,
) -> Result<Option<String>> {
    let before = found.len();
    named_by_the_other(conn, subjects, topics, found, command)?;
    if found.len() > before || subjects.len() != 2 || topics.is_empty() || found.is_empty() {
        return Ok(None);
    }
    let own = own_claims_of_silent(conn, subjects, found, command)?;
    if own.is_empty() {
        return Ok(None);
    }
    Ok(Some(format!(
        "The article states no comparison on this and nothing of {} on {}; {} other claims are above.",
        own.join(" or "),
        topics.join(" or "),
        if own.len() == 1 { "its" } else { "their" }
    )))
}

/// For each of `subjects` still silent in `found`, at most [`MAX_NAMING`] of its own
/// claims in the articles `found` cites (comparisons, use cases, cons and
/// limitations first), added to `found` and `command`; returns the subjects so shown.
fn own_claims_of_silent(
    conn: &Connection,
    subjects: &[String],
    found: &mut Vec<Found>,
    command: &mut String,
) -> Result<Vec<String>> {
    let silent: Vec<String> = Found::silent(subjects, found)
        .into_iter()
        .cloned()
        .collect();
    let sources: Vec<String> = found.iter().map(|f| f.source.clone()).collect();
    let mut shown = Vec::new();
    for missing in silent {
        let own = Select::new(conn, std::slice::from_ref(&missing), &[])?;
        let mut more = own.fetch(conn)?;
        more.retain(|f| sources.contains(&f.source));
        more.sort_by_key(|f| match f.kind.as_str() {
            "comparison" => 0,
            "use-case" => 1,
            "con" | "limitation" => 2,
            _ => 3,
        });
        more.truncate(MAX_NAMING);
        if !more.is_empty() {
            command.push_str(&format!(" ; claimdb {}", own.command()));
            found.extend(more);
            shown.push(missing);
        }
    }
    Ok(shown)
}

/// No side named ("which has lower latency"): with several articles, the
/// comparisons that say a word of the question are the ones asked about (the others
/// leave `found`), and their sides the subjects, returned.
fn sides_said(found: &mut Vec<Found>, question: &str) -> Vec<String> {
    let words: Vec<String> = question
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(String::from)
        .collect();
    let says = |f: &Found| {
        f.value.as_deref().is_some_and(|v| {
            v.to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| words.iter().any(|q| q == w))
        })
    };
    let mut named: Vec<String> = Vec::new();
    if found.iter().any(says) && !found.iter().all(says) {
        found.retain(says);
        for f in found.iter() {
            for s in std::iter::once(&f.subject).chain(f.versus.as_ref()) {
                if !named.contains(s) {
                    named.push(s.clone());
                }
            }
        }
    }
    named
}

/// The comparisons between `subjects` on any topic, added to `found` (those not in
/// it yet) and to `command`; returns how many were added.
fn compared_on_anything(
    conn: &Connection,
    subjects: &[String],
    found: &mut Vec<Found>,
    command: &mut String,
) -> Result<usize> {
    let (_, between) = comparisons(conn, subjects, &[])?;
    command.push_str(&format!(
        " ; claimdb {}",
        Select::new(conn, subjects, &[])?.command().replacen(
            "claims",
            "claims --kind comparison",
            1
        )
    ));
    let mut added = 0;
    for f in between {
        if !found.iter().any(|g| g.claim_id == f.claim_id) {
            found.push(f);
            added += 1;
        }
    }
    Ok(added)
}

/// "is X easier than Y" where no topic names "easier": the comparisons between them
/// that say it first, then their other comparisons.
pub fn compare_mentioning(
    conn: &Connection,
    out: &mut dyn Sink,
    subjects: &[String],
    words: &[String],
    sides: &[String],
) -> Result<()> {
    let (mut select, all) = comparisons(conn, subjects, &[])?;
    select.filter.fts_words = words.to_vec();
    let saying: Vec<i64> = select.fetch(conn)?.iter().map(|f| f.claim_id).collect();
    let (mut found, rest): (Vec<Found>, Vec<Found>) =
        all.into_iter().partition(|f| saying.contains(&f.claim_id));
    if found.is_empty() && subjects.len() < 2 {
        // One subject compared with what no name holds ("is X smaller than zorb"):
        // no comparison with it, and the subject's other claims do not answer.
        reading_as(&select.command());
        write_found(conn, out, &[], &select, sides)?;
        return no_claim(conn, subjects, &[], words);
    }
    if found.is_empty() {
        // No comparison says it; their other comparisons would not answer it, but a
        // claim on either side that says the words may ("used for background jobs").
        return mentions_answer(conn, out, subjects, words, sides);
    }
    let verdict = comparison_verdict(&found);
    reading_as(&format!(
        "{} ; claimdb {}",
        select.command(),
        Select::new(conn, subjects, &[])?.command().replacen(
            "claims",
            "claims --kind comparison",
            1
        )
    ));
    found.extend(rest);
    write_found(conn, out, &found, &select, sides)?;
    if found.is_empty() {
        return no_claim(conn, subjects, &[], words);
    }
    note(
        out,
        &verdict.unwrap_or_else(|| {
            format!(
                "No comparison between them says '{}'; their other comparisons are above.",
                printable(&words.join(" "))
            )
        }),
    )
}
