//! Claims a careful reader lists first that the draft used to miss: sections of
//! a plain-text page under `~~~` headings, list items that leave their subject
//! out ("- Supports snapshots"), a subject the first sentence names twice
//! ("Quuxdb, or `qx`, is ..."), a title that is a repository's name ("# quuxlog").

use super::{catalogue, features_on};
use crate::draft::{draft, draft_as};
use crate::model::Stance;
use crate::text::blocks::Format;

#[test]
fn a_plain_text_heading_underlined_with_tildes_hides_no_section() {
    let text = "The Quuxdb store\n================\n\n\
                Quuxdb is a small store. Quuxdb is fast.\n\n\
                Design goals\n~~~~~~~~~~~~\n\n\
                Quuxdb does not support replication.\n\n\
                Comparison\n^^^^^^^^^^\n\n\
                Quuxdb supports snapshots.\n";
    let rows = draft_as(text, Format::Plain, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 9),
        [("quuxdb", "replication", Some(Stance::Lacks))],
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 14),
        [("quuxdb", "snapshots", Some(Stance::Builtin))],
        "{rows:#?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.line_start == 9 && r.section == "Design goals"),
        "{rows:#?}"
    );
}

#[test]
fn a_list_item_opening_with_a_verb_is_about_the_lists_subject() {
    let text = "# Quuxdb vs Zeta\n\n\
                Quuxdb is a store. Zeta is a queue. Quuxdb is fast. Zeta is old.\n\n\
                ## Quuxdb\n\n\
                Quuxdb is a small store written in Rust.\n\n\
                - Runs beside Zeta in one process\n\
                - Supports snapshots and backups\n\
                - Missing replication\n\
                - Support for streams is planned\n\n\
                ## Zeta\n\n\
                - Has no plugins\n";
    let rows = draft(text, &catalogue(), &[]);
    // The item before names Zeta; the list is still Quuxdb's.
    assert_eq!(
        features_on(&rows, 10),
        [
            ("quuxdb", "snapshots", Some(Stance::Builtin)),
            ("quuxdb", "backups", Some(Stance::Builtin))
        ],
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 11),
        [("quuxdb", "replication", Some(Stance::Lacks))],
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 16),
        [("zeta", "plugins", Some(Stance::Lacks))],
        "{rows:#?}"
    );
}

#[test]
fn a_subject_named_twice_in_the_first_sentence_is_one_subject_named_as_the_page_names_it() {
    for opening in [
        "Quuxdb, or `qx` as short,",
        "Quuxdb (qx)",
        "Quuxdb, also known as qx,",
    ] {
        let text = format!(
            "{opening} is a fast store.\n\n\
             The qx tool is small. Run qx anywhere. qx supports replication.\n\n\
             Quuxdb does not support plugins. qx is fast.\n"
        );
        let rows = draft(&text, &catalogue(), &[]);
        assert_eq!(
            features_on(&rows, 3),
            [("qx", "replication", Some(Stance::Builtin))],
            "{opening}: {rows:#?}"
        );
        assert_eq!(
            features_on(&rows, 5),
            [("qx", "plugins", Some(Stance::Lacks))],
            "{opening}: {rows:#?}"
        );
        assert!(
            rows.iter().all(|r| r.subject == "qx"),
            "{opening}: {rows:#?}"
        );
    }
    // A word in brackets that is no short form of the name is no other name.
    let text = "Quuxdb (Go) is a fast store.\n\nQuuxdb is written in Go. Go is \
                popular. Go is simple, and Go is fast.\n\nQuuxdb does not support plugins.\n";
    let rows = draft(text, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 5),
        [("quuxdb", "plugins", Some(Stance::Lacks))],
        "{rows:#?}"
    );
}

#[test]
fn a_title_of_one_lower_case_word_the_pages_links_end_with_names_the_product() {
    let text = "# :zap: quuxlog [![Docs][doc-img]][doc]\n\n\
                Blazing fast logging.\n\n\
                Note that quuxlog only runs on two versions.\n\n\
                Quuxlog takes a different approach. quuxlog does not support plugins. \
                The quuxlog maintainers are busy.\n\n\
                | Package | Time | Time % to quuxlog |\n\
                | :--- | :--: | :--: |\n\
                | quuxlog | 862 ns/op | +0% |\n\
                | zerolog | 4021 ns/op | +366% |\n\n\
                [doc-img]: https://example.com/badge.svg\n\
                [doc]: https://example.com/acme/quuxlog\n";
    let rows = draft(text, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 7),
        [("quuxlog", "plugins", Some(Stance::Lacks))],
        "{rows:#?}"
    );
    // A column headed "Time % to quuxlog" holds the other packages' figures.
    assert!(rows.iter().all(|r| r.line_start != 12), "{rows:#?}");
}

/// A list whose first item is set aside (a sublist's head, a legend line) starts
/// a list all the same: its verb-led items are not filed under the subject of a
/// list further up the page (a reviewer's finding).
#[test]
fn a_list_whose_first_item_is_set_aside_keeps_no_earlier_lists_subject() {
    let text = "# Quuxdb vs Zeta\n\n\
                Quuxdb is a store. Zeta is a queue. Quuxdb is fast. Zeta is old.\n\n\
                ## Quuxdb\n\n\
                Quuxdb is a small store written in Rust.\n\n\
                - Supports snapshots\n\n\
                ## Zeta\n\n\
                Zeta is a queue written in Go.\n\n\
                - **Operations**:\n  \
                  - Supports retention\n";
    let rows = draft(text, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 16),
        [("zeta", "retention", Some(Stance::Builtin))],
        "Zeta's item filed under the list above: {rows:#?}"
    );
}
