//! Bare keywords ("X admin"): the claims of the subjects on the topics. And words
//! no topic names ("does X support graphql"): the few claims whose text says them,
//! else an honest "no claim".

use rusqlite::Connection;

use crate::ask::answer::explain::no_claim;
use crate::ask::answer::rows::{MAX_MENTIONS, MAX_ROWS, write_found};
use crate::ask::answer::say::{plural, printable, reading_as, say};
use crate::ask::answer::select::{Found, Select};
use crate::error::Result;
use crate::rows::Sink;
use crate::text::english::{self, inflect};

pub fn keywords_answer(
    conn: &Connection,
    out: &mut dyn Sink,
    subjects: &[String],
    topics: &[String],
    sides: &[String],
) -> Result<()> {
    let select = Select::new(conn, subjects, topics)?;
    let found = select.fetch(conn)?;
    let (found, command) = crate::ask::answer::select::or_naming(conn, &select, topics, found)?;
    reading_as(&command);
    write_found(conn, out, &found, &select, sides)?;
    if found.is_empty() {
        return no_claim(conn, &select.subject_names, &select.topic_names, &[]);
    }
    Ok(())
}

/// No topic names `words`: the claims whose text says them, if any, else "no claim".
pub fn mentions_answer(
    conn: &Connection,
    out: &mut dyn Sink,
    subjects: &[String],
    words: &[String],
    sides: &[String],
) -> Result<()> {
    let mut select = Select::new(conn, subjects, &[])?;
    select.filter.fts_words = words
        .iter()
        .filter(|w| w.chars().count() >= 3)
        .cloned()
        .collect();
    let mut found = if select.filter.fts_words.is_empty() {
        Vec::new()
    } else {
        select.fetch(conn)?
    };
    if found.is_empty() && !select.filter.fts_words.is_empty() {
        // Another form of the words: "replication" says what "replicated" does.
        let exact = std::mem::take(&mut select.filter.fts_words);
        select.filter.fts_words = exact.iter().map(|w| inflect::stem(w)).collect();
        found = select.fetch(conn)?;
        if found.is_empty() {
            select.filter.fts_words = exact;
        }
    }
    // A word many claims use ("python" in an article about Python tools) says
    // nothing about what was asked: only a telling mention answers.
    if found.len() > MAX_MENTIONS {
        found.clear();
    }
    let mentions = found.len();
    let mut commands = vec![select.command()];
    // "is A faster than B" where only A's claims say the word: B's side is shown
    // too, from the comparisons between them and the topics both have claims on.
    // Only for a comparative ("A or B for X" is answered by the side that says X).
    if mentions > 0
        && select.subject_names.len() >= 2
        && words.iter().any(|w| english::COMPARATIVES.contains(w))
        && !Found::silent(&select.subject_names, &found).is_empty()
        && crate::ask::answer::select::share_an_article(conn, &select.subject_names)?
    {
        let (between, command) = between(conn, &select.subject_names)?;
        let (shared, shared_command) = on_shared_topics(conn, &select.subject_names)?;
        commands.push(command);
        commands.extend(shared_command);
        for f in between.into_iter().chain(shared) {
            if found.len() >= MAX_ROWS {
                break;
            }
            if !found.iter().any(|g| g.claim_id == f.claim_id) {
                found.push(f);
            }
        }
    }
    // Two subjects asked about with words no claim says ("should I wait for A or
    // switch to B"): what the articles say of the two together answers.
    // Not where the words ask for an attribute ("cost"): that is unsaid, not
    // answered by how the two compare.
    if found.is_empty()
        && select.subject_names.len() >= 2
        && crate::ask::answer::attribute::asked(&words.join(" ")).is_none()
    {
        // The rows shown instead, the command they answer, and what is above.
        let unsaid = printable(&words.join(" "));
        let names = select.subject_names.join(" and ");
        let mut instead = |rows: &[Found], select: &Select, command: &str, above: String| {
            reading_as(command);
            write_found(conn, out, rows, select, sides)?;
            say(&format!("no claim says '{unsaid}'; {above}"));
            Ok(())
        };
        let (between, command) = between(conn, &select.subject_names)?;
        if !between.is_empty() {
            let above =
                format!("the claims comparing {names} or naming one in the other's are above");
            return instead(&between, &select, &command, above);
        }
        // Neither compared nor named in each other's claims, but of one article
        // ("should I use A or B for my handbook"): what it says of each answers.
        // Not where a word asks for a quality ("how fast"): that is unsaid.
        let quality = words.iter().any(|w| {
            english::POSITIVE.contains(w)
                || english::NEGATIVE.contains(w)
                || english::POSITIVE.contains(&inflect::stem(w))
        });
        if !quality && crate::ask::answer::select::share_an_article(conn, &select.subject_names)? {
            let whole = Select::new(conn, &select.subject_names, &[])?;
            let each = of_each(whole.fetch(conn)?, &select.subject_names);
            if !each.is_empty() {
                let above = format!("what the article says of {names} is above");
                return instead(&each, &whole, &whole.command(), above);
            }
        }
    }
    reading_as(&commands.join(" ; claimdb "));
    write_found(conn, out, &found, &select, sides)?;
    if found.is_empty() {
        return no_claim(conn, &select.subject_names, &[], words);
    }
    say(&format!(
        "no topic is named '{}'; {} mention it",
        printable(&words.join(" ")),
        plural(mentions, "claim")
    ));
    Ok(())
}

/// The claims of `subjects` that choose between them first (comparisons, use
/// cases, pros and cons), at most [`MAX_ROWS`], every subject that has a claim
/// keeping at least one.
fn of_each(mut found: Vec<Found>, subjects: &[String]) -> Vec<Found> {
    let rank = |kind: &str| match kind {
        "comparison" => 0,
        "use-case" => 1,
        "con" | "limitation" => 2,
        "pro" => 3,
        _ => 4,
    };
    found.sort_by_key(|f| rank(&f.kind));
    let mut kept: Vec<Found> = Vec::new();
    for subject in subjects {
        if let Some(i) = found.iter().position(|f| f.subject == *subject) {
            kept.push(found.remove(i));
        }
    }
    let room = MAX_ROWS.saturating_sub(kept.len());
    kept.extend(found.into_iter().take(room));
    kept.sort_by_key(|f| (f.line_start, f.claim_id));
    kept
}

/// The claims of `subjects` on the topics every one of them has a claim on ("the
/// benchmark" of each), with the command that lists them, if there are any.
fn on_shared_topics(
    conn: &Connection,
    subjects: &[String],
) -> Result<(Vec<Found>, Option<String>)> {
    let placeholders = vec!["?"; subjects.len()].join(", ");
    let mut stmt = conn.prepare(&format!(
        "SELECT t.name FROM claims c JOIN subjects s ON s.subject_id = c.subject_id
         JOIN topics t ON t.topic_id = c.topic_id
         WHERE s.name IN ({placeholders})
         GROUP BY c.topic_id HAVING COUNT(DISTINCT c.subject_id) = {}
         ORDER BY t.name",
        subjects.len()
    ))?;
    let topics = stmt
        .query_map(rusqlite::params_from_iter(subjects), |r| {
            r.get::<_, String>(0)
        })?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    if topics.is_empty() {
        return Ok((Vec::new(), None));
    }
    let select = Select::new(conn, subjects, &topics)?;
    Ok((select.fetch(conn)?, Some(select.command())))
}

/// The comparison claims between `subjects`, then each one's claims that name
/// another of them; with the commands that list them.
fn between(conn: &Connection, subjects: &[String]) -> Result<(Vec<Found>, String)> {
    let (select, mut found) = crate::ask::answer::select::comparisons(conn, subjects, &[])?;
    let mut commands = vec![select.command()];
    for subject in subjects {
        for other in subjects.iter().filter(|o| *o != subject) {
            let mut naming = Select::new(conn, std::slice::from_ref(subject), &[])?;
            naming.filter.fts_words = vec![other.clone()];
            let more = naming.fetch(conn)?;
            if !more.is_empty() {
                commands.push(naming.command());
            }
            for f in more {
                if !found.iter().any(|g| g.claim_id == f.claim_id) {
                    found.push(f);
                }
            }
        }
    }
    Ok((found, commands.join(" ; claimdb ")))
}
