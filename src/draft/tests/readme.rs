//! README-style pages: a line of badges, products written in lower case, lists of
//! who uses the product, one sentence read twice.

use super::{catalogue, features_on};
use crate::draft::draft;
use crate::model::Stance;

#[test]
fn a_line_of_badges_is_no_title() {
    let text = "[![Build Status](https://ci.example/b.svg)](https://ci.example) \
                ![Test Count](https://ci.example/t.svg)\n\n\
                # Quillo Frequently Asked Questions\n\n\
                Quillo works with Zeta. Zeta is a store. Zeta is fast.\n\n\
                Quillo is a server. Quillo is small.\n\n\
                ## Plugins\n\nWe do not support plugins.\n";
    let rows = draft(text, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 11),
        [("quillo", "plugins", Some(Stance::Lacks))],
        "{rows:#?}"
    );
    assert!(
        rows.iter().all(|r| !r.section.contains("Build")),
        "{rows:#?}"
    );
}

#[test]
fn a_product_written_in_lower_case_is_a_subject() {
    let text = "# zapctl\n\nzapctl is a small file mover. zapctl does not support \
                replication. You can run zapctl anywhere.\n";
    let rows = draft(text, &catalogue(), &[]);
    let lacks: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| r.stance == Some(Stance::Lacks))
        .map(|r| (r.subject.as_str(), r.topic.as_str()))
        .collect();
    assert_eq!(lacks, [("zapctl", "replication")], "{rows:#?}");
}

#[test]
fn a_list_of_those_who_use_the_product_gives_companies_not_pros() {
    for heading in ["Powering infrastructure near you", "Users", "In the wild"] {
        let text = format!(
            "# Quillo\n\nQuillo is a server. Quillo is fast. Quillo is small.\n\n\
             ## {heading}\n\n\
             - Zapper - a reliable, fast and easy way to move files\n\
             - Acme Cloud: the best hosting with great performance\n\
             - a tool that makes deploys simple and fast\n"
        );
        let rows = draft(&text, &catalogue(), &[]);
        let under: Vec<(&str, Option<&str>)> = rows
            .iter()
            .filter(|r| r.line_start >= 7)
            .map(|r| (r.kind.as_str(), r.value.as_deref()))
            .collect();
        assert_eq!(
            under,
            [("company", Some("Zapper")), ("company", Some("Acme Cloud"))],
            "{heading}: {rows:#?}"
        );
    }
}

#[test]
fn a_sentence_comparing_with_no_other_side_is_one_row_not_also_a_pro() {
    let text = "# Quillo\n\nQuillo is a server. Quillo is small.\n\n\
                Quillo has better performance, since it requires less memory than \
                competing servers.\n";
    let rows = draft(text, &catalogue(), &[]);
    let on: Vec<(&str, &str, Option<&str>)> = rows
        .iter()
        .filter(|r| r.line_start == 5)
        .map(|r| (r.kind.as_str(), r.topic.as_str(), r.versus.as_deref()))
        .collect();
    assert_eq!(on, [("comparison", "speed", None)], "{rows:#?}");
}

#[test]
fn a_long_item_of_a_feature_list_is_a_feature_named_by_its_first_words() {
    let text = "# Quillo\n\nQuillo is a server. Quillo is small. Quillo starts fast.\n\n\
                ## Features\n\n\
                - automatic loading of entries into the cache, optionally asynchronously\n\
                - a crash-safe monotonic ID generator capable of generating many IDs a second\n\
                - accumulation of cache access statistics\n";
    let rows = draft(text, &catalogue(), &[]);
    for (line, topic) in [
        (7, "automatic-loading-of-entries"),
        (8, "crash-safe-monotonic-id"),
        (9, "accumulation-of-cache-access"),
    ] {
        assert_eq!(
            features_on(&rows, line),
            [("quillo", topic, Some(Stance::Builtin))],
            "{rows:#?}"
        );
    }
}

#[test]
fn a_labelled_item_of_a_feature_list_is_the_feature_its_label_names() {
    let text = "# Quillo\n\nQuillo is a server. Quillo is small. Quillo starts fast.\n\n\
                ### Core features\n\n\
                - **Extensible:** Quillo is fully extensible via its hooks and decorators.\n\
                - **Logging:** logs are costly; we chose the best logger to remove the cost.\n";
    let rows = draft(text, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 7),
        [("quillo", "extensible", Some(Stance::Builtin))],
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 8),
        [("quillo", "logging", Some(Stance::Builtin))],
        "{rows:#?}"
    );
}

#[test]
fn words_that_open_sentences_are_no_subjects() {
    let text = "# Quillo\n\nQuillo is a linter. Quillo is small. Quillo starts fast.\n\n\
                - **No configuration.** No decisions to make. No files to manage.\n\n\
                Note that Quillo reads every file. Note this well. Note the rules.\n\n\
                No one wants to keep long configuration files.\n";
    let rows = draft(text, &catalogue(), &[]);
    assert!(
        !rows.is_empty() && rows.iter().all(|r| r.subject == "quillo"),
        "{rows:#?}"
    );
}

#[test]
fn items_of_a_feature_list_take_the_stance_their_intro_gives() {
    let text = "# Quillo\n\nQuillo is a cache. Quillo is small. Quillo starts fast.\n\n\
                ## Features at a Glance\n\n\
                In addition, Quillo offers the following extensions:\n\n\
                * [Cache API][api]\n\n\
                Use Quillo in a community provided integration:\n\n\
                * [Play Kit][play]: High velocity web framework\n\n\
                [api]: https://api.example\n[play]: https://play.example\n";
    let rows = draft(text, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 9),
        [("quillo", "cache-api", Some(Stance::Extension))],
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 13),
        [("quillo", "play-kit", Some(Stance::Extension))],
        "{rows:#?}"
    );
}

#[test]
fn a_title_that_is_a_scoped_or_hyphenated_name_drafts_under_a_slug_import_takes() {
    // The prose says "this library"; the name is used in code and links.
    let text = "# @zed/css\n\n[![Docs](https://docs.example/@zed/css/badge.svg)](https://docs.example/@zed/css)\n\n\
                This library is a style sheet minifier. It does not support plugins.\n\n\
                ```\nzpm install @zed/css\n```\n";
    let rows = draft(text, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 5),
        [("zed-css", "plugins", Some(Stance::Lacks))],
        "{rows:#?}"
    );
    let text = text.replace("@zed/css", "zed-io");
    let rows = draft(&text, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 5),
        [("zed-io", "plugins", Some(Stance::Lacks))],
        "{rows:#?}"
    );
}
