use super::title::title_subjects;
use super::*;
use crate::model::{Kind, Stance};

fn entry(name: &str, aliases: &[&str], category: &str) -> Entry {
    Entry {
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        category: category.into(),
        proposed: false,
    }
}

fn catalogue() -> Catalogue {
    Catalogue {
        subjects: vec![
            entry("alpha", &["Alpha"], ""),
            entry("beta", &["Beta DB"], ""),
        ],
        topics: vec![
            entry("replication", &["replicas"], "components"),
            entry("adoption", &["companies", "used by"], "use-cases"),
            entry("speed", &["fast", "performance"], "performance"),
        ],
        categories: vec![
            entry("components", &["features"], ""),
            entry("use-cases", &["use cases"], ""),
        ],
    }
}

/// subject, kind, topic, stance, value, line_start
type Key = (
    String,
    &'static str,
    String,
    Option<&'static str>,
    Option<String>,
    usize,
);

fn keys(rows: &[Row]) -> Vec<Key> {
    rows.iter()
        .map(|r| {
            (
                r.subject.clone(),
                r.kind.as_str(),
                r.topic.clone(),
                r.stance.map(|s| s.as_str()),
                r.value.clone(),
                r.line_start,
            )
        })
        .collect()
}

#[test]
fn stances_companies_and_title_subjects() {
    let text = "Alpha vs Gamma: a note\n\nAlpha ships with built-in replication.\nGamma lacks built-in replication.\n\nCompanies such as Acme, Foo Corp and Bar use Gamma.\n";
    let rows = draft(text, &catalogue(), &[]);
    let k = keys(&rows);
    assert!(
        k.contains(&(
            "alpha".into(),
            "feature",
            "replication".into(),
            Some("builtin"),
            None,
            3
        )),
        "{k:?}"
    );
    assert!(
        k.contains(&(
            "gamma".into(),
            "feature",
            "replication".into(),
            Some("lacks"),
            None,
            4
        )),
        "{k:?}"
    );
    for company in ["Acme", "Foo Corp", "Bar"] {
        assert!(
            k.contains(&(
                "gamma".into(),
                "company",
                "adoption".into(),
                None,
                Some(company.into()),
                6
            )),
            "{k:?}"
        );
    }
    for r in &rows {
        assert!(text.contains(&r.quote));
    }
}

#[test]
fn markdown_quotes_are_the_source_text() {
    let text = "# Alpha vs Beta DB\n\n## Limitations\n\n- **Replication:** Alpha has\n  limited support for replicas.\n";
    let rows = draft(text, &catalogue(), &[]);
    let r = rows
        .iter()
        .find(|r| r.kind == Kind::Limitation)
        .expect("a limitation");
    assert_eq!(r.subject, "alpha");
    assert_eq!(r.stance, Some(Stance::Limited));
    assert_eq!((r.line_start, r.line_end), (5, 6));
    assert_eq!(
        r.quote,
        "**Replication:** Alpha has\n  limited support for replicas."
    );
}

#[test]
fn nothing_is_invented() {
    let rows = draft(
        "Alpha\n\nThe weather was nice that day.\n",
        &catalogue(),
        &[],
    );
    assert!(rows.is_empty(), "{rows:?}");
}

#[test]
fn a_sentence_naming_three_subjects_gives_a_row_each_and_comparisons_have_sides() {
    let text = "Alpha vs Beta DB vs Gamma\n\nAlpha, Beta DB and Gamma all ship with built-in replication.\n\nGamma is easier to learn than Alpha.\n\nThere is no one-size-fits-all answer between Alpha and Gamma.\n";
    let rows = draft(text, &catalogue(), &[]);
    for subject in ["alpha", "beta", "gamma"] {
        assert!(
            rows.iter().any(|r| r.subject == subject
                && r.kind == Kind::Feature
                && r.stance == Some(Stance::Builtin)
                && r.line_start == 3),
            "{subject}: {rows:#?}"
        );
    }
    let comparison = rows
        .iter()
        .find(|r| r.kind == Kind::Comparison && r.line_start == 5)
        .expect("a comparison");
    assert_eq!(comparison.subject, "gamma");
    assert_eq!(comparison.versus.as_deref(), Some("alpha"));
    assert_eq!(comparison.value.as_deref(), Some("easier to learn"));
    let depends = rows
        .iter()
        .find(|r| r.stance == Some(Stance::Depends))
        .expect("it depends");
    assert_eq!(
        (depends.subject.as_str(), depends.versus.as_deref()),
        ("alpha", Some("gamma"))
    );
}

#[test]
fn title_sides_are_the_names_next_to_vs() {
    let cat = catalogue();
    assert_eq!(
        title_subjects("AWS Lambda vs Azure Functions: Serverless Compared", &cat),
        ["AWS Lambda", "Azure Functions"]
    );
    assert_eq!(
        title_subjects("Django vs. Flask : Which is Powerful and simple ?", &cat),
        ["Django", "Flask"]
    );
    assert_eq!(
        title_subjects("Alpha vs Gamma vs Delta", &cat),
        ["Gamma", "Delta"]
    );
    assert_eq!(
        title_subjects("Notes on caches", &cat),
        Vec::<String>::new()
    );
    assert_eq!(
        title_subjects("İstanbul or Ankara?", &cat),
        ["İstanbul", "Ankara"]
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of articles: words the classifier reacts to, Markdown, multi-byte
    /// characters, line breaks.
    fn piece() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "Alpha",
            "Beta DB",
            "Gamma",
            " vs ",
            "built-in",
            " lacks ",
            " replicas",
            "unlike ",
            " than ",
            "easier",
            " such as ",
            "Acme",
            " and ",
            ", ",
            ". ",
            ": ",
            "; ",
            "\n",
            "\n\n",
            "# ",
            "## Limitations\n",
            "- ",
            "1. ",
            "**",
            "_",
            "`",
            "[x](y)",
            "| a | b |\n",
            "|---|---|\n",
            "’",
            "“",
            "é",
            "日本",
            "\r\n",
            "\u{feff}",
            "?",
            " it depends ",
            "\t",
            "Companies using Alpha\n",
            "Pros and Cons\n",
            " is a ",
            " fast",
            "=",
            "\"",
        ])
        .prop_map(str::to_string)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Whatever the text, `draft` does not panic, and every row quotes the
        /// article's own text at the lines it gives.
        #[test]
        fn every_row_quotes_the_article_at_its_lines(pieces in prop::collection::vec(piece(), 0..60)) {
            let text: String = pieces.concat();
            let rows = draft(&text, &catalogue(), &[]);
            let article = crate::article::Article::new(&text);
            for r in &rows {
                prop_assert!(!r.quote.is_empty());
                prop_assert!(
                    article.quote_stands_at(&r.quote, r.line_start, r.line_end),
                    "{:?} not at {}-{} of {:?}", r.quote, r.line_start, r.line_end, text
                );
                prop_assert!(!r.statement.contains('\n'));
            }
        }
    }
}

#[test]
fn a_one_product_page_files_its_feature_list_under_its_product() {
    let text = "# Quillo\n\nQuillo is a server. Quillo is small. Quillo starts fast.\n\n\
                ## Features\n\n- **Automatic HTTPS** by default\n- **Hot reload** via a plugin\n";
    let rows = draft(text, &catalogue(), &[]);
    let feature = |line: usize| {
        rows.iter()
            .find(|r| r.kind == Kind::Feature && r.line_start == line)
            .map(|r| (r.subject.as_str(), r.topic.as_str(), r.stance))
    };
    assert_eq!(
        feature(7),
        Some(("quillo", "automatic-https", Some(Stance::Builtin))),
        "{rows:#?}"
    );
    assert_eq!(
        feature(8),
        Some(("quillo", "hot-reload", Some(Stance::Extension))),
        "{rows:#?}"
    );
}

#[test]
fn negation_scope_sets_the_stance_and_never_flips_it() {
    let text = "# Alpha vs Beta\n\nNeither Alpha nor Beta includes built-in replication.\n\n\
                Alpha is not designed for sharding.\n";
    let rows = draft(text, &catalogue(), &[]);
    for subject in ["alpha", "beta"] {
        assert!(
            rows.iter().any(|r| r.subject == subject
                && r.kind == Kind::Feature
                && r.stance == Some(Stance::Lacks)
                && r.line_start == 3),
            "{subject}: {rows:#?}"
        );
    }
    assert!(
        rows.iter()
            .all(|r| r.stance != Some(Stance::Builtin) && r.kind != Kind::UseCase),
        "{rows:#?}"
    );
}

/// (subject, topic, stance) of each feature row on `line`.
fn features_on(rows: &[Row], line: usize) -> Vec<(&str, &str, Option<Stance>)> {
    rows.iter()
        .filter(|r| r.kind == Kind::Feature && r.line_start == line)
        .map(|r| (r.subject.as_str(), r.topic.as_str(), r.stance))
        .collect()
}

#[test]
fn a_clause_is_about_its_grammatical_subject_and_its_negation_stays_in_it() {
    let text = "# Alpha vs Zeta\n\n\
                Zeta supports a plug-in mechanism, whereas Alpha does not.\n\n\
                Unlike Zeta, Alpha does not include any message queue.\n\n\
                If a function lacks a return annotation, Zeta infers the return type.\n\n\
                Zeta ships with hot reload and a query builder, which Alpha does not.\n";
    let rows = draft(text, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 3),
        [
            ("zeta", "plug-in-mechanism", Some(Stance::Builtin)),
            ("alpha", "plug-in-mechanism", Some(Stance::Lacks)),
        ],
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 5),
        [("alpha", "message-queue", Some(Stance::Lacks))],
        "{rows:#?}"
    );
    // The lack belongs to "a function", not to the subject named after it.
    assert!(features_on(&rows, 7).is_empty(), "{rows:#?}");
    assert_eq!(
        features_on(&rows, 9),
        [
            ("zeta", "hot-reload", Some(Stance::Builtin)),
            ("zeta", "query-builder", Some(Stance::Builtin)),
            ("alpha", "hot-reload", Some(Stance::Lacks)),
            ("alpha", "query-builder", Some(Stance::Lacks)),
        ],
        "{rows:#?}"
    );
}

#[test]
fn a_pronoun_or_a_thing_as_subject_stands_for_the_subject_in_focus() {
    let text = "# Zeta\n\n## What is Zeta?\n\n\
                Zeta is a queue. It has built-in support for retries and rate limiting.\n\n\
                Unlike Alpha, routing is not provided. Zeta cannot resume a paused upload.\n\n\
                Zeta supports priorities only for local workers.\n";
    let rows = draft(text, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 5),
        [
            ("zeta", "retries", Some(Stance::Builtin)),
            ("zeta", "rate-limiting", Some(Stance::Builtin)),
        ],
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 7),
        [("zeta", "routing", Some(Stance::Lacks))],
        "{rows:#?}"
    );
    assert!(
        rows.iter().any(|r| r.subject == "zeta"
            && r.kind == Kind::Limitation
            && r.topic == "resume-paused-upload"),
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 9),
        [("zeta", "priorities", Some(Stance::Limited))],
        "{rows:#?}"
    );
}

#[test]
fn a_comparative_favours_the_side_it_speaks_for() {
    let text = "# Alpha vs Zeta\n\n\
                Zeta needs up to 10x less memory than Alpha.\n\n\
                Zeta is slower and needs more CPU than Alpha.\n\n\
                Zeta keeps more than 1000 connections open.\n\n\
                Zeta is faster than competing solutions.\n\n\
                Thanks to its log, Zeta stores data in object storage, while Alpha keeps it on disk.\n\n\
                The main advantages of Alpha over Zeta are its size and its speed.\n\n\
                Zeta is faster than script-based queues. Zeta uses unions rather than joins.\n";
    let rows = draft(text, &catalogue(), &[]);
    let compared = |line: usize| {
        rows.iter()
            .filter(|r| r.kind == Kind::Comparison && r.line_start == line)
            .map(|r| (r.subject.as_str(), r.versus.as_deref()))
            .collect::<Vec<_>>()
    };
    assert_eq!(compared(3), [("zeta", Some("alpha"))], "{rows:#?}");
    assert_eq!(compared(5), [("alpha", Some("zeta"))], "{rows:#?}");
    assert_eq!(compared(7), [], "{rows:#?}");
    assert_eq!(compared(9), [("zeta", None)], "{rows:#?}");
    assert_eq!(compared(13), [("alpha", Some("zeta"))], "{rows:#?}");
    assert_eq!(compared(15), [("zeta", None)], "{rows:#?}");
    let contrast: Vec<_> = rows
        .iter()
        .filter(|r| r.kind == Kind::Comparison && r.line_start == 11)
        .map(|r| (r.subject.as_str(), r.versus.as_deref(), r.value.as_deref()))
        .collect();
    assert_eq!(
        contrast,
        [("zeta", Some("alpha"), Some("stores data in object storage"))],
        "{rows:#?}"
    );
}

#[test]
fn a_notes_column_goes_to_the_subjects_its_text_names() {
    let text = "# Alpha vs Zeta\n\n\
                | Feature | Alpha | Zeta | Notes |\n\
                | --- | --- | --- | --- |\n\
                | Replication | ✅ | ❌ | Zeta gets it through a plugin |\n\
                | Sharding | ✅ | ✅ | Both since 2020, more or less |\n";
    let rows = draft(text, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 5),
        [
            ("alpha", "replication", Some(Stance::Builtin)),
            ("zeta", "replication", Some(Stance::Lacks)),
            ("zeta", "replication", Some(Stance::Extension)),
        ],
        "{rows:#?}"
    );
    assert!(
        rows.iter()
            .filter(|r| r.line_start == 6)
            .all(|r| r.stance == Some(Stance::Builtin)),
        "{rows:#?}"
    );
}

#[test]
fn a_name_the_page_also_writes_as_a_lower_case_word_counts_only_capitalised() {
    let text = "# Quillo\n\nQuillo is a server written in Tide. Quillo embeds Tide modules. \
                Quillo runs Tide programs. Tide is a language. The tide supports \
                small boats.\n\n## Features\n\n\
                - **Stays up** as the tide turns\n\
                - **Hot reload** by default\n";
    let rows = draft(text, &catalogue(), &[]);
    assert!(rows.iter().all(|r| r.subject == "quillo"), "{rows:#?}");
    assert_eq!(
        features_on(&rows, 8),
        [("quillo", "hot-reload", Some(Stance::Builtin))],
        "{rows:#?}"
    );
}

#[test]
fn things_compared_in_a_heading_are_no_subjects() {
    let text = "# Alpha vs Zeta\n\nAlpha uses unions. Zeta uses joins. Alpha prefers unions to joins.\n\n\
                ## Unions vs Joins\n\nAlpha always merges types with unions.\n";
    let subjects = subjects_found(text, Format::Markdown, &catalogue(), &[]);
    assert!(
        !subjects.iter().any(|s| s == "Unions" || s == "Joins"),
        "{subjects:?}"
    );
}

#[test]
fn confidence_follows_the_evidence() {
    let text = "# Alpha vs Zeta\n\n\
                | Feature | Alpha | Zeta |\n\
                | --- | --- | --- |\n\
                | Replication | ✅ | not supported |\n\n\
                Zeta ships with hot reload. It also supports retries.\n\n\
                Zeta stores data in files, while Alpha keeps it in memory.\n";
    let rows = draft(text, &catalogue(), &[]);
    let confidence = |subject: &str, topic: &str| {
        rows.iter()
            .find(|r| r.subject == subject && r.topic == topic)
            .map(|r| r.confidence)
            .unwrap_or_else(|| panic!("{subject} {topic}: {rows:#?}"))
    };
    let marked = confidence("alpha", "replication");
    let worded = confidence("zeta", "replication");
    let stated = confidence("zeta", "hot-reload");
    let through_it = confidence("zeta", "retries");
    let contrast = rows
        .iter()
        .find(|r| r.kind == Kind::Comparison)
        .map(|r| r.confidence)
        .expect("a contrast");
    assert!(marked > worded, "{rows:#?}");
    assert!(worded >= stated && stated > through_it && through_it > contrast);
}

#[test]
fn both_is_two_subjects_only_where_the_page_has_two() {
    let text = "# Alpha vs Zeta vs Gamma\n\nAlpha, Zeta and Gamma are queues.\n\n\
                Both systems ship with built-in replication.\n\n\
                Both Alpha and Zeta include a query planner.\n\n\
                Zeta has no limitations on backfilling.\n";
    let rows = draft(text, &catalogue(), &[]);
    assert!(features_on(&rows, 5).is_empty(), "{rows:#?}");
    let planner: Vec<&str> = features_on(&rows, 7).iter().map(|f| f.0).collect();
    assert_eq!(planner, ["alpha", "zeta"], "{rows:#?}");
    assert!(features_on(&rows, 9).is_empty(), "{rows:#?}");
}

#[test]
fn it_stands_for_the_subject_named_before_it_in_its_sentence() {
    let text = "# Alpha vs Zeta vs Gamma\n\n\
                Alpha, Zeta and Gamma do not ship with built-in replication.\n\n\
                **Note 7** - Zeta's sync mode is handy, but it still does not have conflict resolution.\n";
    let rows = draft(text, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 5),
        [("zeta", "conflict-resolution", Some(Stance::Lacks))],
        "{rows:#?}"
    );
}

#[test]
fn a_feature_list_item_without_a_bold_lead_is_named_by_its_words() {
    let text = "# Quillo\n\nQuillo is a server. Quillo is small. Quillo starts fast.\n\n\
                ## Features\n\n- **Automatic HTTPS** by default\n\t- Multi-issuer fallback\n\
                - Written in Tide, a language with fewer crashes than others\n\
                \t- Encrypted ClientHello (ECH) support\n";
    let rows = draft(text, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 8),
        [("quillo", "multi-issuer-fallback", Some(Stance::Builtin))],
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 10),
        [("quillo", "encrypted-clienthello", Some(Stance::Builtin))],
        "{rows:#?}"
    );
}

#[test]
fn a_question_heading_and_its_yes_or_no_answer_make_a_statement() {
    let text = "# Quillo FAQ\n\nQuillo is a server. Quillo is small. Quillo starts fast.\n\n\
                ## Does Quillo support webhooks?\n\n\
                No, Quillo polls instead. Polling is simpler.\n\n\
                ## Does Quillo support replicas?\n\n\
                Yes.\n\n\
                ## Why doesn't Quillo support plugins?\n\n\
                Plugins would slow startup.\n";
    let rows = draft(text, &catalogue(), &[]);
    // The answer's sentence is cited; a one-word answer cites its heading.
    assert_eq!(
        features_on(&rows, 7),
        [("quillo", "webhooks", Some(Stance::Lacks))],
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 9),
        [("quillo", "replication", Some(Stance::Builtin))],
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 13),
        [("quillo", "plugins", Some(Stance::Lacks))],
        "{rows:#?}"
    );
}

#[test]
fn an_answers_yes_and_a_short_lead_stand_before_the_sentences_subject() {
    let text = "# Quillo FAQ\n\nQuillo is a server. Quillo is small. Quillo starts fast.\n\n\
                ## GPUs\n\n\
                Yes, Quillo supports GPU accelerated containers on recent machines.\n\n\
                ## Configuration\n\n\
                Yes, from v0.4.0, Quillo supports a Zeml configuration file.\n\n\
                ## Webhooks\n\n\
                No, Quillo polls instead.\n";
    let rows = draft(text, &catalogue(), &[]);
    let builtin = |line: usize| {
        features_on(&rows, line)
            .iter()
            .any(|(s, _, stance)| *s == "quillo" && *stance == Some(Stance::Builtin))
    };
    assert!(builtin(7), "{rows:#?}");
    assert!(builtin(11), "{rows:#?}");
    assert!(features_on(&rows, 15).is_empty(), "{rows:#?}");
}

#[test]
fn a_sentence_may_begin_with_a_subject_written_in_lower_case() {
    let text = "# Quillo\n\nQuillo is a server. Quillo is built with zapctl. \
                zapctl does not support plugins.\n";
    let rows = draft(text, &catalogue(), &["zapctl".to_string()]);
    let lacks: Vec<(&str, &str, &str)> = rows
        .iter()
        .filter(|r| r.stance == Some(Stance::Lacks))
        .map(|r| (r.subject.as_str(), r.topic.as_str(), r.quote.as_str()))
        .collect();
    assert_eq!(
        lacks,
        [("zapctl", "plugins", "zapctl does not support plugins.")],
        "{rows:#?}"
    );
}

#[test]
fn we_on_a_one_product_page_is_the_product() {
    let text = "# Quillo\n\nQuillo is a server. Quillo is small. Quillo starts fast.\n\n\
                ## Plugins\n\nWe do not support plugins, and we never will.\n";
    let rows = draft(text, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 7),
        [("quillo", "plugins", Some(Stance::Lacks))],
        "{rows:#?}"
    );
}

#[test]
fn we_is_the_product_a_page_title_names_even_among_others() {
    let text = "# Quillo Frequently Asked Questions\n\n\
                Quillo works with Zeta. Zeta is a store. Zeta is fast.\n\n\
                Quillo is a server. Quillo is small.\n\n\
                ## Plugins\n\nWe do not support plugins.\n";
    let rows = draft(text, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 9),
        [("quillo", "plugins", Some(Stance::Lacks))],
        "{rows:#?}"
    );
}

#[test]
fn an_empty_cell_lacks_only_in_a_table_that_marks_yes_alone() {
    let text = "# Alpha vs Zeta vs Gamma\n\n\
                | Feature | Alpha | Zeta | Gamma |\n|---|---|---|---|\n\
                | Replication | ✓ | | ✓ |\n| Backend | disk | | memory |\n\n\
                ## More\n\n\
                | Feature | Alpha | Zeta |\n|---|---|---|\n\
                | Webhooks | ✓ | ✗ |\n| Plugins | ✓ | |\n";
    let rows = draft(text, &catalogue(), &[]);
    let zeta: Vec<(&str, Option<Stance>, usize, f32)> = rows
        .iter()
        .filter(|r| r.subject == "zeta")
        .map(|r| (r.topic.as_str(), r.stance, r.line_start, r.confidence))
        .collect();
    // A blank among ticks is "no", less surely than a mark; a table with its
    // own "no" mark leaves a blank unsaid, and so does a row of values.
    assert_eq!(
        zeta,
        [
            ("replication", Some(Stance::Lacks), 5, 0.5),
            ("webhooks", Some(Stance::Lacks), 12, 0.9)
        ],
        "{rows:#?}"
    );
}

#[test]
fn a_row_label_is_a_catalogue_topic_only_when_its_words_are_the_alias() {
    let text = "# Alpha vs Zeta\n\n\
                | Feature | Alpha | Zeta |\n|---|---|---|\n\
                | Fast builds | ✓ | ✗ |\n| Replicas | ✓ | ✗ |\n";
    let rows = draft(text, &catalogue(), &[]);
    let alpha: Vec<&str> = rows
        .iter()
        .filter(|r| r.subject == "alpha")
        .map(|r| r.topic.as_str())
        .collect();
    assert_eq!(alpha, ["fast-builds", "replication"], "{rows:#?}");
}

/// Rows import takes (src/draft/tests/).
mod faq;
mod importable;
mod precision;
/// README-style pages: badges, lower-case names, lists of users.
mod prose;
mod readme;
/// Key claims the draft used to miss (src/draft/tests/).
mod recall;
mod status;
