//! `draft` reads a Markdown page as a browser shows it (issue 21, item 5): what a
//! browser hides (front matter, comments, HTML blocks, indented code, link
//! definitions, fenced code of any fence length) is never quoted, what it shows
//! after them is; a table's cells are cells even with escaped pipes and code; and
//! `draft`, `coverage` and the stored sections see the same headings.

use crate::support::Env;

/// A page holding, in every place a browser does not show, a sentence `draft`
/// would turn into a claim.
const PAGE: &str = "+++
title = \"Beta has built-in sharding.\"
+++

Alpha vs Beta
=============

<!--
Beta has built-in replication.
-->

<div class=\"note\">
Beta has built-in encryption.
</div>

    Beta has built-in compression.

[docs]: https://example.com/docs \"Beta has built-in caching.\"

````md
```
Beta has built-in logging.
```
````

Replication
-----------

Alpha has built-in replication. Beta lacks replication.

<details>
<summary>More</summary>

Alpha has built-in sharding.

</details>

| Feature | Alpha | Beta |
|---|---|---|
| `a \\| b` mode | ✅ | ❌ |
";

/// (subject, topic, stance, quote, line_start, line_end, section) of every row.
type Row = (String, String, String, String, usize, usize, String);

fn draft(env: &Env, article: &str) -> Vec<Row> {
    let json = env.run(&["--format", "json", "draft", article]).json();
    let field = |r: &serde_json::Value, k: &str| r[k].as_str().unwrap_or("").to_string();
    let number = |r: &serde_json::Value, k: &str| {
        r[k].as_u64()
            .or_else(|| r[k].as_str().and_then(|s| s.parse().ok()))
            .unwrap() as usize
    };
    json.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                field(r, "subject"),
                field(r, "topic"),
                field(r, "stance"),
                field(r, "quote"),
                number(r, "line_start"),
                number(r, "line_end"),
                field(r, "section"),
            )
        })
        .collect()
}

/// Every row's quote stands in `text` within its lines.
fn quotes_stand_at_their_lines(text: &str, rows: &[Row]) {
    let lines: Vec<&str> = text.split('\n').collect();
    for r in rows {
        let span = lines[r.4 - 1..r.5].join("\n");
        assert!(span.contains(&r.3), "{r:?} is not at its lines");
    }
}

#[test]
fn a_markdown_draft_quotes_only_what_a_browser_shows() {
    let env = Env::new();
    let article = env.write("page.md", PAGE);
    let rows = draft(&env, &article);
    quotes_stand_at_their_lines(PAGE, &rows);
    // Nothing from front matter, a comment, an HTML block, indented code, a link
    // definition or the fence (lines 1-25).
    assert!(rows.iter().all(|r| r.4 > 25), "{rows:#?}");
    let has = |subject: &str, topic: &str, stance: &str, line: usize| {
        rows.iter().any(|r| {
            (r.0.as_str(), r.1.as_str(), r.2.as_str(), r.4) == (subject, topic, stance, line)
        })
    };
    // After the four-backtick fence, under a setext heading.
    assert!(has("alpha", "replication", "builtin", 29), "{rows:#?}");
    assert!(has("beta", "replication", "lacks", 29), "{rows:#?}");
    // Inside <details>, shown when opened.
    assert!(has("alpha", "sharding", "builtin", 34), "{rows:#?}");
    // A row whose first cell holds an escaped pipe in code: still three cells.
    assert!(has("alpha", "a-b-mode", "builtin", 40), "{rows:#?}");
    assert!(has("beta", "a-b-mode", "lacks", 40), "{rows:#?}");
    // The rows are filed under the setext headings.
    let section = |line: usize| rows.iter().find(|r| r.4 == line).map(|r| r.6.as_str());
    assert_eq!(section(29), Some("Replication"));
}

/// Standard input has no name: its look says it is Markdown.
#[test]
fn markdown_on_standard_input_is_read_as_markdown() {
    let env = Env::new();
    let article = env.write("page.md", PAGE);
    let from_file = env.run(&["draft", &article]).ok().to_string();
    let from_stdin = env.run_with_stdin(&["draft", "-"], PAGE.as_bytes());
    assert_eq!(from_stdin.ok(), from_file);
}

/// A short line standing alone is a heading in plain text and a paragraph in
/// Markdown: the draft's sections, the stored sections and `coverage` read a page
/// the same way, by its name, even where its look says otherwise.
#[test]
fn draft_coverage_and_stored_sections_agree_on_headings() {
    let text = "Alpha vs Beta\n\nQuick Notes\n\nAlpha has built-in replication.\n";
    for (name, section) in [("page.md", ""), ("page.txt", "Quick Notes")] {
        let env = Env::new();
        env.run(&["init"]).ok();
        let article = env.write(name, text);
        let rows = draft(&env, &article);
        let row = rows.iter().find(|r| r.4 == 5).expect("a row at line 5");
        assert_eq!(row.6, section, "{name}: {rows:#?}");
        let csv = env.run(&["draft", &article]).ok().to_string();
        env.run_with_stdin(
            &["import", "-", "--source", &article, "--slug", "page"],
            csv.as_bytes(),
        )
        .ok();
        let claims = env
            .run(&["--format", "json", "claims", "--source", "page"])
            .json();
        let stored: Vec<&str> = claims
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["section"].as_str().unwrap_or(""))
            .collect();
        assert!(stored.iter().all(|s| *s == section), "{name}: {stored:?}");
        // A heading is no sentence to quote; a paragraph is.
        let coverage = env.run(&["--format", "json", "coverage", "page"]).json();
        let lines: Vec<u64> = coverage
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["line_start"].as_u64().unwrap())
            .collect();
        let markdown = name.ends_with(".md");
        assert_eq!(lines.contains(&3), markdown, "{name}: {coverage}");
    }
}

/// A table row a reader sees nothing of ("**" after a table takes its place as a
/// row) drafts nothing from that row; `draft` once panicked on it (exit 101).
#[test]
fn a_table_row_with_nothing_to_see_is_skipped() {
    let env = Env::new();
    let text = "| Feature | Alpha | Beta |\n|---|---|---|\n| Caching | ✅ | ❌ |\n**\n";
    let article = env.write("table.md", text);
    let rows = draft(&env, &article);
    let stances: Vec<(&str, &str)> = rows.iter().map(|r| (r.0.as_str(), r.2.as_str())).collect();
    assert_eq!(
        stances,
        [("alpha", "builtin"), ("beta", "lacks")],
        "{rows:?}"
    );
    quotes_stand_at_their_lines(text, &rows);
}

/// A lone carriage return ends a Markdown line, so two headings may stand on what
/// line numbers (counted by line feeds) call one line: the draft still imports,
/// with the article's sections, instead of failing on the database's checks.
#[test]
fn headings_parted_by_a_lone_carriage_return_import() {
    let env = Env::new();
    env.run(&["init"]).ok();
    let article = env.write(
        "page.md",
        "# Alpha vs Beta\n## One\r## Two\nAlpha is faster than Beta.\n\n# Three\rAlpha has built-in sharding.\r## Four\r",
    );
    let draft = env.run(&["draft", &article]);
    let csv = draft.ok().to_string();
    assert!(csv.contains("faster"), "{csv}");
    env.run_with_stdin(&["import", "-", "--source", &article], csv.as_bytes())
        .ok();
    env.run(&["verify"]).ok();
}
