//! `report` and `conflicts`: the exports analysts come for.

use std::process::Command;

use crate::support::{Env, bytes};

#[test]
fn report_lists_the_reports() {
    let env = Env::new();
    let rows = env.run(&["--format", "json", "report"]).json();
    let names: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["report"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "feature-matrix",
            "companies",
            "limitations",
            "pros-cons",
            "use-cases",
            "comparisons",
            "conflicts",
            "sources"
        ]
    );
    let err = env.run(&["report", "nope"]);
    assert_eq!(err.code, 2);
}

#[test]
fn every_report_runs_in_every_format() {
    let env = Env::new();
    for report in [
        "feature-matrix",
        "companies",
        "limitations",
        "pros-cons",
        "use-cases",
        "comparisons",
        "conflicts",
        "sources",
    ] {
        for format in ["table", "csv", "tsv", "json", "ndjson", "markdown"] {
            let out = env.run(&["--format", format, "report", report]);
            assert!(!out.ok().is_empty(), "{report} {format}");
        }
        let json = env.run(&["--format", "json", "report", report]).json();
        assert!(!json.as_array().unwrap().is_empty(), "{report} is empty");
    }
}

#[test]
fn the_feature_matrix_csv_has_a_row_per_topic_and_a_column_per_subject() {
    let env = Env::new();
    let file = env.path("m.csv");
    env.run(&[
        "report",
        "feature-matrix",
        "--format",
        "csv",
        "--bom",
        "-o",
        file.to_str().unwrap(),
    ])
    .ok();
    let text = String::from_utf8(bytes(&file)).unwrap();
    assert!(
        text.starts_with("\u{feff}topic,category,django,flask\r\n"),
        "{text}"
    );
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let topics: std::collections::BTreeSet<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(topics.len(), rows.len(), "one row per topic");
    let auth = rows.iter().find(|r| &r[0] == "authentication").unwrap();
    assert!(auth[2].starts_with("builtin (django-vs-flask:"));
    assert!(auth[3].contains("extension (django-vs-flask:"));

    // Python's csv module reads it the same way (where python3 is installed).
    let script = "import csv,sys; rows=list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''))); \
                  print(len(rows), len(rows[0]), rows[0][2], rows[0][3])";
    if let Ok(out) = Command::new("python3")
        .args(["-c", script, file.to_str().unwrap()])
        .output()
    {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let said = String::from_utf8(out.stdout).unwrap();
        assert_eq!(said.trim(), format!("{} 4 django flask", rows.len() + 1));
    }
}

#[test]
fn report_cells_that_look_like_formulas_are_neutralised_but_counts_are_not() {
    let env = Env::new();
    let db = env.path("kb.sqlite3");
    let db_arg = db.to_str().unwrap();
    env.run(&["--db", db_arg, "init"]).ok();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE topics SET name = '-orm' WHERE name = 'orm'", [])
        .unwrap();
    drop(conn);
    let csv = env
        .run(&[
            "--db",
            db_arg,
            "--format",
            "csv",
            "report",
            "feature-matrix",
        ])
        .ok()
        .to_string();
    assert!(csv.contains("\r\n'-orm,components,"), "{csv}");
    let sources = env
        .run(&["--db", db_arg, "--format", "csv", "report", "sources"])
        .ok()
        .to_string();
    let row = sources.lines().nth(1).unwrap();
    let claims: &str = row.split(',').nth(3).unwrap();
    assert!(claims.parse::<u32>().unwrap() > 100, "{row}");
}

#[test]
fn conflicts_find_the_articles_own_tension_on_django_performance() {
    let env = Env::new();
    let rows = env.run(&["--format", "json", "conflicts"]).json();
    let rows = rows.as_array().unwrap();
    let django_perf: Vec<_> = rows
        .iter()
        .filter(|r| r["subject"] == "django" && r["topic"] == "performance")
        .collect();
    assert!(!django_perf.is_empty(), "{rows:#?}");
    for r in &django_perf {
        assert_eq!(r["a_kind"], "pro");
        assert!(r["reason"].as_str().unwrap().starts_with("pro vs "));
        for side in ["a", "b"] {
            let (start, end) = (
                r[format!("{side}_line_start")].as_u64().unwrap(),
                r[format!("{side}_line_end")].as_u64().unwrap(),
            );
            assert!(crate::support::quote_at(
                r[format!("{side}_quote")].as_str().unwrap(),
                start,
                end
            ));
        }
    }
    assert!(
        django_perf
            .iter()
            .any(|r| r["b_line_start"] == 57 || r["b_line_start"] == 82),
        "the limitation (line 57) or con (line 82) is paired with the praise: {django_perf:#?}"
    );
    let text = env.run(&["conflicts"]).ok().to_string();
    assert!(text.contains("pairs of claims in tension"), "{text}");
}

#[test]
fn a_conflict_is_named_by_the_rule_it_breaks() {
    let env = Env::new();
    let db = env.path("kb.sqlite3");
    let db_arg = db.to_str().unwrap();
    env.run(&["--db", db_arg, "init"]).ok();
    let rows = env
        .run(&["--db", db_arg, "--format", "json", "conflicts"])
        .json();
    for r in rows.as_array().unwrap() {
        let reason = r["reason"].as_str().unwrap();
        match reason {
            "built in vs missing" => assert!(
                r["a_stance"] == "builtin" && r["b_stance"] == "lacks",
                "{r}"
            ),
            "built in vs only through extensions" => {
                assert!(
                    r["a_stance"] == "builtin" && r["b_stance"] == "extension",
                    "{r}"
                )
            }
            "opposite verdicts" => assert!(
                r["a_kind"] == "comparison" && r["b_kind"] == "comparison",
                "{r}"
            ),
            _ => assert!(reason.starts_with("pro vs ") && r["a_kind"] == "pro", "{r}"),
        }
    }
}
