//! "drawbacks of X", "who uses X", "what does X lack": one of the article's lists.
//! A plain list is the list command itself (one row per item, the article's own
//! items first); a list narrowed to topics, or of several kinds, is the claims.

use crate::answers::lists::{self, CompaniesRequest, ListRequest};
use crate::ask::answer::explain::no_claim;
use crate::ask::answer::rows::{MAX_ROWS, write_found};
use crate::ask::answer::say::{reading_as, say};
use crate::ask::answer::select::{Found, Select, resolve_subjects};
use crate::ask::intent::{ListKind, ListQuestion};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::model::{Kind, Stance};
use crate::names::some_of;
use crate::query;
use crate::rows::Sink;

pub fn list_answer(db: &Db, out: &mut dyn Sink, q: ListQuestion, sides: &[String]) -> Result<()> {
    let conn = &db.conn;
    let kind = match q.list {
        ListKind::Limitations => Some((Kind::Limitation, "limitations")),
        ListKind::Cons => Some((Kind::Con, "cons")),
        ListKind::Pros => Some((Kind::Pro, "pros")),
        ListKind::UseCases => Some((Kind::UseCase, "use-cases")),
        _ => None,
    };
    if q.list == ListKind::Companies {
        return companies_list(db, out, &q);
    }
    if let (Some((kind, list)), true) = (kind, q.topics.is_empty()) {
        return kind_list(db, out, kind, list, &q.subjects);
    }
    let mut select = Select::new(conn, &q.subjects, &q.topics)?;
    select.filter.kinds = match q.list {
        ListKind::Weaknesses => vec![Kind::Limitation, Kind::Con],
        ListKind::ProsCons => vec![Kind::Pro, Kind::Con],
        ListKind::Features => vec![Kind::Feature],
        _ => vec![kind.expect("the other lists have a kind").0],
    };
    if q.list == ListKind::Features && (q.lacks || q.builtin) {
        // Any claim with the stance: "doesn't come with X" is often a limitation.
        select.filter.kinds = Vec::new();
        select.filter.stances = if q.lacks {
            vec![Stance::Lacks, Stance::Extension, Stance::Limited]
        } else if q.builtin {
            vec![Stance::Builtin]
        } else {
            Vec::new()
        };
    }
    let found = fair_share(select.fetch(conn)?, &select.filter.kinds);
    reading_as(&select.command());
    write_found(conn, out, &found, &select, sides)?;
    if found.is_empty() {
        let what: Vec<String> = if select.topic_names.is_empty() {
            let kinds: Vec<&str> = select.filter.kinds.iter().map(|k| k.as_str()).collect();
            vec![kinds.join(" or ")]
        } else {
            Vec::new()
        };
        return no_claim(conn, &select.subject_names, &select.topic_names, &what);
    }
    Ok(())
}

/// "who uses X", "which companies use both": the `companies` command.
fn companies_list(db: &Db, out: &mut dyn Sink, q: &ListQuestion) -> Result<()> {
    let subjects: Vec<String> = resolve_subjects(&db.conn, &q.subjects)?
        .into_iter()
        .map(|s| s.name)
        .collect();
    let shared = q.shared && subjects.len() != 1;
    if shared && subjects.is_empty() {
        // "both" means the two subjects the knowledge base has; with more, ask
        // which two.
        let all = query::all_subject_ids(&db.conn)?;
        if all.len() != 2 {
            return Err(Error::usage(format!(
                "\"both\" is ambiguous with {} subjects in the knowledge base",
                all.len()
            ))
            .with_hint("name them: which companies use X and Y"));
        }
    }
    let mut command = String::from("companies");
    if shared {
        command.push_str(" --shared");
    }
    for s in &subjects {
        command.push_str(&format!(" --subject {s}"));
    }
    reading_as(&command);
    lists::companies(
        &db.conn,
        out,
        &CompaniesRequest {
            subjects,
            shared,
            all: false,
        },
    )
}

/// The list command itself (`pros --subject X`): one row per item, the article's
/// own items first; an empty list says where the subject's other claims are.
fn kind_list(
    db: &Db,
    out: &mut dyn Sink,
    kind: Kind,
    list: &str,
    subjects: &[String],
) -> Result<()> {
    let select = Select::new(&db.conn, subjects, &[])?.of_kinds(vec![kind]);
    let command = format!(
        "{list}{}",
        select
            .subject_names
            .iter()
            .map(|s| format!(" --subject {s}"))
            .collect::<String>()
    );
    reading_as(&command);
    lists::list(
        &db.conn,
        out,
        &ListRequest {
            kind,
            subjects: select.subject_names.clone(),
            all: false,
        },
    )?;
    if select.fetch(&db.conn)?.is_empty() {
        say(&format!(
            "no claim on {} in the knowledge base{}",
            list.replace('-', " "),
            match select.subject_names.as_slice() {
                [] => String::new(),
                names => format!(
                    " for {}; `claimdb claims --subject {}` lists what it has",
                    some_of(names, 5),
                    names[0]
                ),
            }
        ));
    }
    Ok(())
}

/// Reorders a list of several kinds (pros and cons) so that the first `MAX_ROWS`
/// hold each kind's first items in turn, not the first kind alone.
fn fair_share(found: Vec<Found>, kinds: &[Kind]) -> Vec<Found> {
    if kinds.len() < 2 || found.len() <= MAX_ROWS {
        return found;
    }
    let mut queues: Vec<std::collections::VecDeque<Found>> = kinds
        .iter()
        .map(|k| {
            found
                .iter()
                .filter(|f| f.kind == k.as_str())
                .cloned()
                .collect()
        })
        .collect();
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    while queues.iter().any(|q| !q.is_empty()) {
        for q in queues.iter_mut() {
            if let Some(f) = q.pop_front() {
                out.push(f);
            }
        }
    }
    // Shown grouped by kind again, each kind's items in their order.
    let (head, tail) = out.split_at(MAX_ROWS.min(out.len()));
    let mut head = head.to_vec();
    head.sort_by_key(|f| kinds.iter().position(|k| k.as_str() == f.kind));
    head.extend_from_slice(tail);
    head
}
