//! The output contract (SPEC section 5): every format, -o, CSV safety, pipes.

use crate::support::{Env, bytes, read_first_line_then_close};

/// A database whose first claim's quote holds the characters formats must escape.
fn env_with_tricky_claim() -> (Env, String) {
    let env = Env::new();
    let db = env.path("tricky.sqlite3");
    env.run(&["--db", db.to_str().unwrap(), "init"]).ok();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE claims SET quote = '=HYPERLINK(\"x\"), two' || char(10) || 'lines | pipe'
         WHERE claim_id = (SELECT min(claim_id) FROM claims)",
        [],
    )
    .unwrap();
    (env, db.to_str().unwrap().to_string())
}

fn first_claim(env: &Env, db: &str, extra: &[&str]) -> String {
    let mut args = vec!["--db", db];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["claims", "--text", "hyperlink"]);
    env.run(&args).ok().to_string()
}

#[test]
fn csv_is_rfc4180_with_crlf_quoting_and_formula_neutralising() {
    let (env, db) = env_with_tricky_claim();
    let csv = first_claim(&env, &db, &["--format", "csv"]);
    assert!(csv.starts_with("claim_id,subject,kind,topic,category,stance,value,versus,listed,statement,source,line_start,line_end,section,quote\r\n"), "{csv}");
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"x\"\"), two\nlines | pipe\"\r\n"),
        "{csv:?}"
    );
    let raw = first_claim(&env, &db, &["--format", "csv", "--csv-raw"]);
    assert!(
        raw.contains(",\"=HYPERLINK(\"\"x\"\"), two\nlines | pipe\"\r\n"),
        "{raw:?}"
    );
    // Numbers are not touched, and the file reads back with a CSV parser.
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let record = reader.records().next().unwrap().unwrap();
    assert!(record[0].parse::<i64>().is_ok());
    assert_eq!(&record[14], "'=HYPERLINK(\"x\"), two\nlines | pipe");
    let bom = first_claim(&env, &db, &["--format", "csv", "--bom"]);
    assert!(bom.starts_with('\u{feff}'));
}

#[test]
fn a_one_column_row_whose_value_is_empty_is_still_a_record() {
    let env = Env::new();
    let csv = env
        .run(&[
            "sql",
            "SELECT '' AS x UNION ALL SELECT 'a'",
            "--format",
            "csv",
        ])
        .ok()
        .to_string();
    // A blank line is no record to a CSV reader: the empty value is quoted.
    assert_eq!(csv, "x\r\n\"\"\r\na\r\n");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let values: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert_eq!(values, ["", "a"]);
}

#[test]
fn real_values_keep_their_form_in_every_format() {
    let env = Env::new();
    let sql = "SELECT 1.0 AS x, 2.5 AS z, 1e301 AS big";
    let run = |format: &str| env.run(&["sql", sql, "--format", format]).ok().to_string();
    // JSON as serde_json writes a float: still a float to whoever reads it.
    let json = run("json");
    assert!(json.contains(r#"{"x":1.0,"z":2.5,"big":1e+301}"#), "{json}");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(value[0]["x"].is_f64(), "{json}");
    assert_eq!(value[0]["big"].as_f64(), Some(1e301));
    assert_eq!(run("csv"), "x,z,big\r\n1.0,2.5,1e+301\r\n");
    assert_eq!(run("tsv"), "x\tz\tbig\n1.0\t2.5\t1e+301\n");
    let table = run("table");
    assert!(table.contains("│ 1.0 │ 2.5 │ 1e+301 │"), "{table}");
    let markdown = run("markdown");
    assert!(markdown.contains("| 1.0 | 2.5 | 1e+301 |"), "{markdown}");
}

#[test]
fn json_ndjson_tsv_and_markdown() {
    let (env, db) = env_with_tricky_claim();
    let json: serde_json::Value =
        serde_json::from_str(&first_claim(&env, &db, &["--format", "json"])).unwrap();
    assert_eq!(json[0]["quote"], "=HYPERLINK(\"x\"), two\nlines | pipe");
    for key in [
        "claim_id",
        "subject",
        "kind",
        "topic",
        "stance",
        "source",
        "line_start",
        "line_end",
        "quote",
    ] {
        assert!(json[0].get(key).is_some(), "missing {key}");
    }
    let all = env
        .run(&["--db", &db, "--format", "ndjson", "claims"])
        .ok()
        .to_string();
    let lines: Vec<&str> = all.lines().collect();
    assert!(lines.len() > 100);
    for line in lines {
        serde_json::from_str::<serde_json::Value>(line).unwrap();
    }
    // TSV gets the same formula protection as CSV; --csv-raw turns it off for both.
    let tsv = first_claim(&env, &db, &["--format", "tsv"]);
    let mut tsv_lines = tsv.lines();
    assert!(tsv_lines.next().unwrap().starts_with("claim_id\tsubject\t"));
    assert!(
        tsv_lines
            .next()
            .unwrap()
            .ends_with("\t'=HYPERLINK(\"x\"), two\\nlines | pipe"),
        "{tsv}"
    );
    let raw = first_claim(&env, &db, &["--format", "tsv", "--csv-raw"]);
    assert!(
        raw.lines()
            .nth(1)
            .unwrap()
            .ends_with("\t=HYPERLINK(\"x\"), two\\nlines | pipe"),
        "{raw}"
    );
    let md = first_claim(&env, &db, &["--format", "markdown"]);
    let mut md_lines = md.lines();
    assert!(
        md_lines
            .next()
            .unwrap()
            .starts_with("| claim_id | subject |")
    );
    assert!(md_lines.next().unwrap().starts_with("|---|---|"));
    assert!(
        md_lines.next().unwrap().contains("two<br>lines \\| pipe"),
        "{md}"
    );
}

#[test]
fn json_of_an_empty_result_is_an_empty_array() {
    let env = Env::new();
    let out = env.run(&[
        "--format",
        "json",
        "claims",
        "--text",
        "no such words anywhere",
    ]);
    assert_eq!(out.json(), serde_json::json!([]));
}

#[test]
fn output_goes_to_a_file_with_dash_o() {
    let env = Env::new();
    let target = env.path("limits.csv");
    let out = env.run(&[
        "--format",
        "csv",
        "-o",
        target.to_str().unwrap(),
        "limitations",
    ]);
    assert_eq!(out.ok(), "", "nothing on stdout");
    let text = String::from_utf8(bytes(&target)).unwrap();
    assert!(text.starts_with("claim_id,subject,"));
    assert!(text.lines().count() > 5);
    // A failed command leaves an existing file as it was.
    env.run(&[
        "--format",
        "csv",
        "-o",
        target.to_str().unwrap(),
        "claims",
        "--topic",
        "nope-nope",
    ])
    .fails_saying(2, "no topic");
    assert_eq!(String::from_utf8(bytes(&target)).unwrap(), text);
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let env = Env::new();
    let plain = env.run(&["which", "has", "orm"]).ok().to_string();
    assert!(!plain.contains('\x1b'), "piped output has no colour");
    let forced = env
        .run(&["--color", "always", "which", "has", "orm"])
        .ok()
        .to_string();
    assert!(forced.contains("\x1b[32mbuiltin\x1b[0m"), "{forced}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let env = Env::new();
    env.run(&["subjects"]).ok();
    let (first, out) =
        read_first_line_then_close(env.command().args(["--format", "csv", "claims"]));
    assert!(first.starts_with("claim_id,"));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn html_is_one_self_contained_page_with_data_escaped() {
    let (env, db) = env_with_tricky_claim();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE claims SET value = '<script>alert(1)</script>' || char(27) || '[31m red'
         WHERE claim_id = (SELECT min(claim_id) FROM claims)",
        [],
    )
    .unwrap();
    let page = first_claim(&env, &db, &["--format", "html"]);
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    assert!(page.trim_end().ends_with("</html>"), "{page}");
    assert_eq!(page.matches("<html").count(), 1);
    // No script, nothing fetched: no <script>, <link>, src= or url( in the page.
    for forbidden in ["<script", "<link", "src=", "url(", "http://", "https://"] {
        assert!(!page.contains(forbidden), "{forbidden} in {page}");
    }
    assert!(
        page.contains(
            "&lt;script&gt;alert(1)&lt;/script&gt;<span class=\"ctl\">\\x1b</span>[31m red"
        ),
        "{page}"
    );
    // The quote, with its line break, and its citation with the line.
    assert!(
        page.contains("=HYPERLINK(&quot;x&quot;), two<br>lines | pipe"),
        "{page}"
    );
    assert!(
        page.contains("<td class=\"cite\">django-vs-flask:"),
        "{page}"
    );
}

#[test]
fn html_which_colours_stances_and_answers_and_keeps_the_coverage_line() {
    let env = Env::new();
    let page = env
        .run(&["--format", "html", "which", "lacks", "built-in", "auth"])
        .ok()
        .to_string();
    assert!(
        page.contains(
            "<td class=\"answer-yes\">yes</td><td class=\"stance-extension\">extension</td>"
        ),
        "{page}"
    );
    assert!(
        page.contains("<p class=\"note\">flask lacks built-in authentication"),
        "{page}"
    );
    assert!(
        page.contains(".stance-lacks"),
        "the colours are inline CSS: {page}"
    );
}

#[test]
fn html_feature_matrix_is_a_grid_with_a_coloured_cell_and_quote_per_citation() {
    let env = Env::new();
    let page = env
        .run(&["--format", "html", "report", "feature-matrix"])
        .ok()
        .to_string();
    assert!(
        page.contains("<th scope=\"col\">django</th><th scope=\"col\">flask</th>"),
        "{page}"
    );
    let row = page
        .lines()
        .find(|l| l.starts_with("<tr><td>authentication</td>"))
        .expect("an authentication row");
    assert!(row.contains("<td class=\"marks stance-builtin\"><div class=\"mark\"><span class=\"label stance-builtin\">builtin</span> <cite>django-vs-flask:"), "{row}");
    assert!(row.contains("<q>"), "each citation shows its quote: {row}");
    assert!(page.contains("@media print"), "printable: {page}");
}

#[test]
fn dash_o_picks_the_format_from_the_extension_unless_format_is_given() {
    let env = Env::new();
    let out = |name: &str, extra: &[&str]| {
        let path = env.path(name);
        let mut args = vec!["-o", path.to_str().unwrap()];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["companies", "--subject", "flask"]);
        env.run(&args).ok();
        String::from_utf8(bytes(&path)).unwrap()
    };
    assert!(out("c.csv", &[]).starts_with("claim_id,company,"));
    assert!(out("c.TSV", &[]).starts_with("claim_id\tcompany\t"));
    assert!(out("c.json", &[]).starts_with("[\n{\"claim_id\":"));
    assert!(out("c.ndjson", &[]).starts_with("{\"claim_id\":"));
    assert!(out("c.md", &[]).starts_with("| "));
    assert!(out("c.html", &[]).starts_with("<!DOCTYPE html>"));
    assert!(
        out("c.txt", &[]).starts_with("┌"),
        "unknown extension: table"
    );
    assert!(out("forced.csv", &["--format", "json"]).starts_with("[\n"));
}

/// A Markdown answer renders as its table and then its closing sentence: with a
/// GitHub-style (GFM) renderer, a line right under a table would be one more row.
#[test]
fn a_markdown_answer_keeps_its_closing_line_out_of_the_table() {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let env = crate::support::Env::new();
    let md = env
        .run(&["--format", "markdown", "ask", "which lacks built-in orm"])
        .ok()
        .to_string();
    let closing = md.lines().last().unwrap().to_string();
    assert!(closing.contains("2 of 2 subjects"), "{md}");
    let mut in_table = false;
    let mut after_table = String::new();
    let mut tables = 0;
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => {
                in_table = true;
                tables += 1;
            }
            Event::End(TagEnd::Table) => in_table = false,
            Event::Text(t) if in_table => {
                assert!(
                    !closing.contains(t.as_ref()) || t.len() < 20,
                    "in the table: {t}"
                )
            }
            Event::Text(t) => after_table.push_str(&t),
            _ => {}
        }
    }
    assert_eq!(tables, 1, "{md}");
    assert!(after_table.contains("2 of 2 subjects"), "{md}");
}
