//! Property tests of the parts that read what people type: name folding, name
//! resolution against the shipped catalogue, and the `ask` grammar.

use proptest::prelude::*;
use rusqlite::Connection;

use crate::ask;
use crate::catalog::{resolve_subject, resolve_topic};
use crate::ingest::csv_file::read_csv;
use crate::ingest::record::{SubjectRecord, TopicRecord};
use crate::names::fold;

thread_local! {
    /// One seeded database per test thread, shared by all cases.
    static SEEDED: Connection = seeded();
}

/// A database with the shipped seed loaded.
fn seeded() -> Connection {
    let mut conn = Connection::open_in_memory().unwrap();
    let tx = conn.transaction().unwrap();
    crate::db::migrations::apply(&tx, 0).unwrap();
    crate::ingest::seed::load(&tx).unwrap();
    tx.commit().unwrap();
    conn
}

/// Every (alias, canonical name) of a catalogue file's `aliases` column.
fn aliases<'a>(rows: impl Iterator<Item = (&'a str, Option<&'a str>)>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (name, list) in rows {
        out.push((name.to_string(), name.to_string()));
        for alias in list
            .unwrap_or("")
            .split('|')
            .filter(|a| !a.trim().is_empty())
        {
            out.push((alias.trim().to_string(), name.to_string()));
        }
    }
    out
}

fn topic_aliases() -> Vec<(String, String)> {
    let topics: Vec<TopicRecord> = read_csv(crate::ingest::seed::TOPICS)
        .unwrap()
        .into_iter()
        .map(|l| l.record)
        .collect();
    aliases(
        topics
            .iter()
            .map(|t| (t.topic.as_str(), t.aliases.as_deref())),
    )
}

fn subject_aliases() -> Vec<(String, String)> {
    let subjects: Vec<SubjectRecord> = read_csv(crate::ingest::seed::SUBJECTS)
        .unwrap()
        .into_iter()
        .map(|l| l.record)
        .collect();
    aliases(
        subjects
            .iter()
            .map(|s| (s.subject.as_str(), s.aliases.as_deref())),
    )
}

/// Spells `name` the way a person might: random case, hyphens for spaces and
/// back, doubled spaces, typographic apostrophes.
fn respell(name: &str, choices: &[u8]) -> String {
    let mut out = String::new();
    for (i, ch) in name.chars().enumerate() {
        let choice = choices.get(i % choices.len().max(1)).copied().unwrap_or(0);
        match ch {
            ' ' | '-' => out.push_str(match choice % 4 {
                0 => " ",
                1 => "-",
                2 => "  ",
                _ => "_",
            }),
            '\'' if choice % 2 == 0 => out.push('\u{2019}'),
            c if choice % 3 == 0 => out.extend(c.to_uppercase()),
            c => out.push(c),
        }
    }
    if choices.first().is_some_and(|c| c % 5 == 0) {
        out = format!("  {out} ");
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn folding_never_panics_and_is_idempotent(s in "\\PC*") {
        let once = fold(&s);
        prop_assert_eq!(fold(&once), once.clone());
        prop_assert!(!once.starts_with(' ') && !once.ends_with(' '));
    }

    #[test]
    fn every_topic_alias_resolves_however_it_is_spelt(i in any::<usize>(), choices in prop::collection::vec(any::<u8>(), 1..16)) {
        let all = topic_aliases();
        let (alias, topic) = &all[i % all.len()];
        let typed = respell(alias, &choices);
        let found = SEEDED.with(|conn| resolve_topic(conn, &typed).map(|t| t.name).map_err(|e| e.message));
        prop_assert_eq!(found, Ok(topic.clone()), "typed {:?}", typed);
    }

    #[test]
    fn every_subject_alias_resolves_however_it_is_spelt(i in any::<usize>(), choices in prop::collection::vec(any::<u8>(), 1..16)) {
        let all = subject_aliases();
        let (alias, subject) = &all[i % all.len()];
        let typed = respell(alias, &choices);
        let found = SEEDED.with(|conn| resolve_subject(conn, &typed).map(|s| s.name).map_err(|e| e.message));
        prop_assert_eq!(found, Ok(subject.clone()), "typed {:?}", typed);
    }

    #[test]
    fn the_ask_interpreter_never_panics_on_any_text(s in "\\PC{0,200}") {
        let _ = SEEDED.with(|conn| ask::answer::read(conn, &s).map(|r| r.intent()));
    }

    #[test]
    fn the_ask_interpreter_never_panics_on_its_own_words_in_any_order(
        words in prop::collection::vec(prop::sample::select(vec![
            "which", "what", "who", "when", "was", "is", "are", "the", "of", "on", "in", "and",
            "vs", "compare", "has", "lacks", "built-in", "doesn't", "have", "uses", "companies",
            "use", "both", "limitations", "pros", "cons", "use", "cases", "created", "released",
            "based", "license", "does", "easier", "to", "learn", "django", "flask", "?", "",
        ]), 0..12)
    ) {
        let question = words.join(" ");
        let _ = SEEDED.with(|conn| ask::answer::read(conn, &question).map(|r| r.intent()));
    }
}

#[test]
fn a_name_that_is_not_known_is_refused_not_guessed() {
    let conn = seeded();
    assert!(resolve_topic(&conn, "authenticatio").is_err());
    assert!(resolve_subject(&conn, "djangoo").is_err());
}
