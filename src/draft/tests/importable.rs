//! Every drafted row is one `import` takes unreviewed: quotes a reader sees (not a
//! link's markup), and subject names import accepts.

use super::catalogue;
use crate::draft::draft;

/// Sentences inside a link's text ("- [Alpha has X. Beta lacks it.](#x)", a page's
/// table of contents) are quoted as a reader sees them, without the link's
/// brackets or target: `import` refuses a quote standing in markup, and with it
/// the whole draft.
#[test]
fn a_quote_inside_a_link_is_the_words_a_reader_sees() {
    let text = "# Alpha vs Beta\n\n- [Speed: \"Why\" is Alpha fast? Alpha is faster than Beta.](speed.md)\n\
                - [Alpha has built-in replication. Beta lacks it.](/docs/repl)\n\nAlpha has built-in sharding.\n";
    let rows = draft(text, &catalogue(), &[]);
    let article = crate::article::Article::new(text);
    let seen = crate::text::quotes::SeenLines::new(article.markup_lines());
    for r in &rows {
        let lines = article.lines(r.line_start, r.line_end).unwrap();
        assert!(
            seen.citation_fault((r.line_start, r.line_end), lines, &r.quote, None)
                .is_none(),
            "{:?} on line {}",
            r.quote,
            r.line_start
        );
    }
    assert!(
        rows.iter().any(|r| r.subject == "alpha"
            && r.stance == Some(crate::model::Stance::Builtin)
            && r.topic == "replication"
            && r.quote == "Alpha has built-in replication."),
        "{rows:?}"
    );
}

/// A name that is no subject name import takes (no letter or digit of a-z/0-9,
/// "日本"; or opening with a sign, "+1") gives no row: a draft imports unreviewed,
/// and import would refuse it, and the whole draft with it.
#[test]
fn a_name_import_cannot_take_gives_no_row() {
    let table = "# Uni vs Abc\n\n| Feature | Abc | 日本 | +1 |\n|---|---|---|---|\n| Clustering | ✅ | ❌ | ❌ |\n";
    let rows = draft(table, &catalogue(), &[]);
    assert!(
        rows.iter()
            .any(|r| r.subject == "abc" && r.stance == Some(crate::model::Stance::Builtin)),
        "{rows:?}"
    );
    for r in &rows {
        let name_ok = |n: &str| crate::ingest::catalogue::subject_slug(n).is_some();
        assert!(name_ok(&r.subject), "{r:?}");
        assert!(r.versus.as_deref().is_none_or(name_ok), "{r:?}");
    }
}

/// A table too wide to be a comparison of products (more columns than
/// `WIDEST_TABLE` in src/draft/walk.rs) gives no cell rows: each would quote the
/// whole row, so a row of thousands of cells made a draft of gigabytes and ran out
/// of memory. A narrow table on the same page is still read.
#[test]
fn a_table_too_wide_to_compare_products_gives_no_rows() {
    let names: Vec<String> = (0..70).map(|i| format!("Zed{i}")).collect();
    let text = format!(
        "# Zed0 vs Zed1\n\n| Feature | {} |\n|{}\n| ORM | {} |\n\n\
         | Feature | Zed0 | Zed1 |\n|---|---|---|\n| Caching | Yes | No |\n",
        names.join(" | "),
        "---|".repeat(71),
        vec!["Yes"; 70].join(" | ")
    );
    let rows = crate::draft::draft(&text, &super::catalogue(), &[]);
    assert!(rows.iter().all(|r| r.line_start != 5), "{rows:#?}");
    assert!(rows.iter().any(|r| r.line_start == 9), "{rows:#?}");
}
