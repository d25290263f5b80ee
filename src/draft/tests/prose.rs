//! Prose that states what a subject is or does with no cue of having or lacking:
//! "Alpha stores every record in a journal" is a fact of Alpha's, read from the
//! sentence's grammatical subject.

use super::{catalogue, features_on};
use crate::draft::draft;
use crate::model::{Kind, Stance};

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
                Every day, Alpha gets closer to a stable release.\n\n\
                Alpha' remote read API is slow to answer.\n\n\
                Alpha logo design looks warm to most.\n";
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

#[test]
fn permitting_and_qualified_support_are_verbs_of_having() {
    let text = "# Alpha and Beta DB\n\n\
                Alpha permits random access via pointers.\n\n\
                Beta DB does not allow random access.\n\n\
                Alpha has rudimentary support for replacements.\n\n\
                Alpha has optional support for snapshots.\n";
    let rows = draft(text, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 3),
        [("alpha", "random-access", Some(Stance::Builtin))],
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 5),
        [("beta", "random-access", Some(Stance::Lacks))],
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 7),
        [("alpha", "replacements", Some(Stance::Limited))],
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 9),
        [("alpha", "snapshots", Some(Stance::Builtin))],
        "{rows:#?}"
    );
}

#[test]
fn a_title_listing_names_proposes_each_as_a_subject() {
    let text = "---\nlayout: post\ntitle: Alpha, Quuxer, and ZQ\n---\n\n\
                Yesterday, engineers released [Quuxer](http://q.example/quuxer-fast.html), \
                a library.\n\n\
                [Quuxer](http://q.example) permits random access by offsets.\n\n\
                ZQ does not allow random access. ZQ is old.\n";
    let rows = draft(text, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 8),
        [("quuxer", "random-access", Some(Stance::Builtin))],
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 10),
        [("zq", "random-access", Some(Stance::Lacks))],
        "{rows:#?}"
    );
}

#[test]
fn what_a_product_requires_of_its_user_is_a_limitation() {
    let text = "# Alpha and Beta DB\n\n\
                However, Beta DB requires your app to be wrapped in providers.\n\n\
                Additionally, Alpha needs to wrap your app in a provider.\n\n\
                Alpha requires 10x less memory than Beta DB.\n\n\
                It needs a rewrite.\n\n\
                Beta DB requires manual addition of replicas through plugins.\n";
    let rows = draft(text, &catalogue(), &[]);
    let limits: Vec<(&str, usize)> = rows
        .iter()
        .filter(|r| r.kind == Kind::Limitation)
        .map(|r| (r.subject.as_str(), r.line_start))
        .collect();
    assert_eq!(limits, [("beta", 3), ("alpha", 5)], "{rows:#?}");
    // What comes through plugins is an extension, whatever it asks of the user.
    assert_eq!(
        features_on(&rows, 11),
        [("beta", "replication", Some(Stance::Extension))],
        "{rows:#?}"
    );
}

#[test]
fn a_sentence_about_it_states_a_fact_of_the_subject_in_focus() {
    let text = "# Alpha\n\n\
                Alpha is a queue for small teams. It is inspired by classic brokers.\n\n\
                It's a combination of the things we learned. We provide commercial support.\n\n\
                Alpha and Beta DB are stores. It keeps every record.\n\n\
                As a rule, however, we only support maintained versions.\n";
    let rows = draft(text, &catalogue(), &[]);
    let facts: Vec<(&str, usize, &str)> = rows
        .iter()
        .filter(|r| r.kind == Kind::Fact)
        .map(|r| (r.subject.as_str(), r.line_start, r.statement.as_str()))
        .collect();
    assert!(
        facts.contains(&("alpha", 3, "It is inspired by classic brokers."))
            && facts.contains(&("alpha", 5, "It's a combination of the things we learned."))
            && facts.contains(&("alpha", 5, "We provide commercial support."))
            && facts.iter().any(|f| f.1 == 9),
        "{rows:#?}"
    );
    // "It" after a sentence about two subjects stands for neither surely.
    assert!(
        facts.iter().all(|f| f.2 != "It keeps every record."),
        "{rows:#?}"
    );
}

#[test]
fn a_comparative_is_said_of_the_subject_named_last_before_it() {
    let text = "# Alpha and Beta DB\n\n\
                Casual users coming from Beta DB have generally found Alpha to be a faster, \
                easier-to-use tool.\n";
    let rows = draft(text, &catalogue(), &[]);
    let compared: Vec<(&str, Option<&str>)> = rows
        .iter()
        .filter(|r| r.kind == Kind::Comparison)
        .map(|r| (r.subject.as_str(), r.versus.as_deref()))
        .collect();
    assert_eq!(compared, [("alpha", Some("beta"))], "{rows:#?}");
}

#[test]
fn a_product_that_improves_something_has_a_pro() {
    let text = "# Alpha\n\n\
                Alpha improves the dev server start time by splitting modules in two.\n";
    let rows = draft(text, &catalogue(), &[]);
    let kinds: Vec<(&str, Kind)> = rows.iter().map(|r| (r.subject.as_str(), r.kind)).collect();
    assert_eq!(kinds, [("alpha", Kind::Pro)], "{rows:#?}");
}

#[test]
fn an_item_labelled_with_a_products_name_is_about_that_product() {
    let text = "# Zapx FAQ\n\n\
                Zapx is a driver. Zapx is small. Zapx is fast.\n\n\
                * Alpha: TLS is not supported yet.\n\
                * Beta DB: replication is not supported either.\n";
    let rows = draft(text, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 5),
        [("alpha", "tls", Some(Stance::Lacks))],
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 6),
        [("beta", "replication", Some(Stance::Lacks))],
        "{rows:#?}"
    );
}

/// A denied comparative or a denied lack says nothing a row can hold: "Alpha is
/// not faster than Beta" favours neither (it must not favour Alpha), and "Beta
/// does not lack an ORM" is no limitation of Beta; an FAQ's "No." to "Is Alpha
/// faster than Beta?" is the same denial. "Not only faster" still compares.
#[test]
fn a_denied_comparative_or_lack_gives_no_row_that_flips_it() {
    let text = "# Alpha vs Beta\n\n\
                Alpha is not faster than Beta.\n\n\
                Beta does not lack an ORM.\n\n\
                ## Is Beta smaller than Alpha?\n\n\
                No.\n\n\
                Alpha is not only faster than Beta but simpler.\n";
    let rows = draft(text, &catalogue(), &[]);
    for line in [3, 5, 7, 9] {
        let on: Vec<_> = rows
            .iter()
            .filter(|r| r.line_start <= line && line <= r.line_end)
            .collect();
        assert!(
            on.iter()
                .all(|r| r.kind != Kind::Comparison && r.kind != Kind::Limitation),
            "line {line}: {on:#?}"
        );
    }
    assert!(
        rows.iter()
            .any(|r| r.kind == Kind::Comparison && r.subject == "alpha" && r.line_start == 11),
        "{rows:#?}"
    );
}
