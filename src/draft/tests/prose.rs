//! Prose that states what a subject is or does with no cue of having or lacking:
//! "Alpha stores every record in a journal" is a fact of Alpha's, read from the
//! sentence's grammatical subject.

use super::catalogue;
use crate::draft::draft;
use crate::model::Kind;

#[test]
fn a_sentence_whose_subject_is_a_product_states_a_fact_of_it() {
    let text = "# Alpha notes\n\n\
                Alpha stores every record in an append-only journal.\n\n\
                Alpha's maintainers meet every week.\n\n\
                Does Alpha run on phones?\n\n\
                The weather was nice that day, said Alpha.\n\n\
                Alpha can be run in the following modes:\n\n\
                Alpha is usually cheaper for small teams.\n\n\
                Alpha offers more knobs for tuning.\n\n\
                Every day, Alpha gets closer to a stable release.\n";
    let rows = draft(text, &catalogue(), &[]);
    let facts: Vec<(&str, usize)> = rows
        .iter()
        .filter(|r| r.kind == Kind::Fact)
        .map(|r| (r.subject.as_str(), r.line_start))
        .collect();
    assert_eq!(facts, [("alpha", 3), ("alpha", 17)], "{rows:#?}");
    assert!(
        rows.iter().all(|r| [3, 17].contains(&r.line_start)),
        "{rows:#?}"
    );
}

#[test]
fn items_under_a_lead_in_naming_advantages_over_another_compare_the_two() {
    let text = "# Alpha and Zeta\n\n\
                Zeta is old. Zeta is everywhere.\n\n\
                Zeta is the canonical queue. Alpha provides the following main \
                advantages over Zeta as a queue:\n\n\
                * Full replication of every topic.\n\
                * Substantially more detailed statistics.\n\n\
                Alpha is new.\n";
    let rows = draft(text, &catalogue(), &[]);
    for line in [7, 8] {
        let compared: Vec<(&str, Option<&str>)> = rows
            .iter()
            .filter(|r| r.line_start == line && r.kind == Kind::Comparison)
            .map(|r| (r.subject.as_str(), r.versus.as_deref()))
            .collect();
        assert_eq!(compared, [("alpha", Some("zeta"))], "{line}: {rows:#?}");
        // Its advantage over Zeta, not a pro of its own as well.
        assert!(
            rows.iter()
                .all(|r| r.line_start != line || r.kind != Kind::Pro),
            "{rows:#?}"
        );
    }
}

#[test]
fn advice_to_use_a_product_under_a_condition_is_its_use_case() {
    let text = "# Alpha and Beta DB\n\n\
                If you want to get rid of callbacks, use Alpha.\n\n\
                * if reliability is your primary constraint, use Beta DB. Beta DB is old.\n\n\
                In short, choose Alpha for storing metadata.\n\n\
                You can use Alpha anywhere.\n\n\
                Thus, if you'd like plain callbacks, you probably want to stick to Alpha/Beta DB.\n";
    let rows = draft(text, &catalogue(), &[]);
    let used: Vec<(&str, usize)> = rows
        .iter()
        .filter(|r| r.kind == Kind::UseCase)
        .map(|r| (r.subject.as_str(), r.line_start))
        .collect();
    assert_eq!(
        used,
        [
            ("alpha", 3),
            ("beta", 5),
            ("alpha", 7),
            ("alpha", 11),
            ("beta", 11)
        ],
        "{rows:#?}"
    );
}
