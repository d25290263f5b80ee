//! FAQ pages: a question heading about "it", "Can I use A to ...?", a negated
//! question answered "No", a partial answer, and the line a bare "No." cites.

use super::{catalogue, features_on};
use crate::draft::draft;
use crate::model::Stance;

#[test]
fn a_question_heading_about_it_asks_about_the_pages_subject() {
    let text = "# Quillo FAQ\n\nQuillo is a server. Quillo is small. Quillo starts fast.\n\n\
                ## Can it run alongside Zeml?\n\n\
                Yes, from version 2 it runs alongside Zeml on the same host.\n\n\
                ## Is it a drop-in replacement for Zeml?\n\n\
                No. It speaks its own protocol.\n\n\
                ## Can I use Quillo to mirror buckets?\n\n\
                Yes, try the mirror command.\n";
    let rows = draft(text, &catalogue(), &[]);
    let on = |line: usize| {
        rows.iter()
            .filter(|r| r.line_start == line)
            .map(|r| (r.subject.as_str(), r.kind, r.stance))
            .collect::<Vec<_>>()
    };
    // The answer's first sentence is cited for the page's subject.
    assert!(
        !on(7).is_empty() && on(7).iter().all(|(s, _, _)| *s == "quillo"),
        "{rows:#?}"
    );
    assert!(
        on(11)
            .iter()
            .all(|(s, _, st)| *s == "quillo" && *st != Some(Stance::Builtin)),
        "{rows:#?}"
    );
    // "No." cites itself with the sentence explaining it, not the heading.
    assert!(
        rows.iter().any(|r| r.line_start == 11
            && r.statement == "Quillo is not a drop-in replacement for Zeml."
            && r.quote.starts_with("No. It speaks")),
        "{rows:#?}"
    );
    // "Can I use Quillo to mirror buckets?" "Yes": Quillo can mirror buckets.
    assert!(
        !on(15).is_empty()
            && on(15)
                .iter()
                .all(|(s, _, st)| *s == "quillo" && *st != Some(Stance::Lacks)),
        "{rows:#?}"
    );
}

#[test]
fn a_negated_question_answered_no_is_builtin_and_a_partial_answer_limited() {
    let text = "# Quillo FAQ\n\nQuillo is a server. Quillo is small. Quillo starts fast.\n\n\
                ## Does Quillo lack webhooks?\n\n\
                No, webhooks ship with every release.\n\n\
                ## Does Quillo support replicas?\n\n\
                Partially, read replicas only.\n\n\
                ## Does Quillo support plugins?\n\n\
                Not yet; plugins are planned for version 3.\n";
    let rows = draft(text, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 7),
        [("quillo", "webhooks", Some(Stance::Builtin))],
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 11),
        [("quillo", "replication", Some(Stance::Limited))],
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 15),
        [("quillo", "plugins", Some(Stance::Lacks))],
        "{rows:#?}"
    );
}
