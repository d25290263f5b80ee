//! `import`, `sources`, `remove-source` and `search` (issue 5): imported articles
//! take part in every query, bad files change nothing, and a killed import leaves
//! no trace.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::support::{Env, KillAt, env_with_db, files_in, large_import};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

fn json_rows(env: &Env, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    env.run(&all).json().as_array().unwrap().clone()
}

fn import_example(env: &Env) {
    let out = env.run(&[
        "import",
        &fixture("fastapi-claims.csv"),
        "--source",
        &fixture("fastapi-vs-flask.txt"),
        "--url",
        "https://example.com/fastapi-vs-flask",
    ]);
    out.ok();
    assert!(
        out.stderr
            .contains("imported 12 claims from 'fastapi-vs-flask'"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("new subjects: fastapi"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("new topics: api-documentation"),
        "{}",
        out.stderr
    );
}

/// Every row cites the example article at a line where its quote stands.
#[track_caller]
fn assert_cites_example(rows: &[&Value], quote_key: &str, line_key: &str) {
    let article = std::fs::read_to_string(fixture("fastapi-vs-flask.txt")).unwrap();
    let lines: Vec<&str> = article.split('\n').collect();
    assert!(!rows.is_empty());
    for r in rows {
        let line = r[line_key].as_u64().unwrap() as usize;
        assert!(
            lines[line - 1].contains(r[quote_key].as_str().unwrap()),
            "{r}"
        );
    }
}

#[test]
fn an_imported_article_takes_part_in_every_query() {
    let env = Env::new();
    import_example(&env);

    let which = json_rows(&env, &["which", "lacks", "built-in", "auth"]);
    let fastapi: Vec<&Value> = which.iter().filter(|r| r["subject"] == "fastapi").collect();
    assert!(
        fastapi
            .iter()
            .all(|r| r["source"] == "fastapi-vs-flask" && r["answer"] == "yes")
    );
    assert_cites_example(&fastapi, "quote", "line_start");
    // The example says Flask ships authentication; the seed says it does not.
    assert!(
        which
            .iter()
            .any(|r| r["subject"] == "flask" && r["answer"] == "conflicting")
    );

    let compare = json_rows(&env, &["compare", "flask", "fastapi", "--on", "components"]);
    // Long format: one object per topic, subject, kind and stance.
    let docs = compare
        .iter()
        .find(|r| r["topic"] == "api-documentation" && r["subject"] == "fastapi")
        .unwrap();
    assert!(
        docs["stance"] == "builtin"
            && docs["source"] == "fastapi-vs-flask"
            && docs["line_start"] == 4,
        "{docs}"
    );

    let companies = json_rows(&env, &["companies", "--subject", "fastapi"]);
    let names: Vec<&str> = companies
        .iter()
        .map(|r| r["company"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Microsoft", "Uber", "Netflix"]);
    let shared = json_rows(
        &env,
        &["companies", "--shared", "-s", "flask", "-s", "fastapi"],
    );
    let names: Vec<&str> = shared
        .iter()
        .map(|r| r["company"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Netflix", "Netflix"]);

    let conflicts = json_rows(&env, &["conflicts"]);
    let across: Vec<&Value> = conflicts
        .iter()
        .filter(|r| {
            r["subject"] == "flask" && r["topic"] == "authentication" && r["same_source"] == 0
        })
        .collect();
    assert!(
        !across.is_empty(),
        "the two articles disagree on Flask's authentication"
    );
    assert!(
        across
            .iter()
            .all(|r| r["a_source"] == "fastapi-vs-flask" && r["a_stance"] == "builtin")
    );
    assert_cites_example(&across, "a_quote", "a_line_start");

    let sources = json_rows(&env, &["sources"]);
    let example = sources
        .iter()
        .find(|r| r["source"] == "fastapi-vs-flask")
        .unwrap();
    assert_eq!(example["claims"], 12);
    assert_eq!(example["url"], "https://example.com/fastapi-vs-flask");
    assert_eq!(
        example["title"],
        "FastAPI vs Flask: an example article for claimdb's tests"
    );
    env.run(&["verify"]).ok();
}

#[test]
fn missing_line_numbers_are_found_from_the_quote() {
    let env = Env::new();
    import_example(&env);
    let rows = json_rows(
        &env,
        &["claims", "--subject", "fastapi", "--topic", "async"],
    );
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0]["line_start"].as_u64(), rows[0]["line_end"].as_u64()),
        (Some(4), Some(4))
    );
}

#[test]
fn a_json_claims_file_imports_too() {
    let env = Env::new();
    let out = env.run(&[
        "import",
        &fixture("fastapi-claims.json"),
        "--source",
        &fixture("fastapi-vs-flask.txt"),
        "--slug",
        "fastapi-json",
    ]);
    out.ok();
    let rows = json_rows(&env, &["claims", "--source", "fastapi-json"]);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1]["line_start"], 7, "line found from the quote");
}

#[test]
fn the_same_article_again_is_refused_unless_replace() {
    let env = Env::new();
    import_example(&env);
    let args = [
        "import",
        &fixture("fastapi-claims.csv"),
        "--source",
        &fixture("fastapi-vs-flask.txt"),
    ];
    let err = env.run(&args).fails_with(3).to_string();
    assert!(
        err.contains("already imported as 'fastapi-vs-flask'") && err.contains("--replace"),
        "{err}"
    );
    let mut replace = args.to_vec();
    replace.push("--replace");
    let out = env.run(&replace);
    out.ok();
    assert!(out.stderr.contains("replaced 12 claims"), "{}", out.stderr);
    assert_eq!(
        json_rows(&env, &["claims", "--source", "fastapi-vs-flask"]).len(),
        12
    );
    let orphans = json_rows(
        &env,
        &[
            "sql",
            "SELECT count(*) AS n FROM claims c LEFT JOIN sources s ON s.source_id = c.source_id WHERE s.source_id IS NULL",
        ],
    );
    assert_eq!(
        orphans[0]["n"], 0,
        "the replaced claims are gone, not orphaned"
    );
    env.run(&["verify"]).ok();
}

#[test]
fn a_folder_imports_as_one_batch_or_not_at_all() {
    let env = Env::new();
    let dir = env.path("articles");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(fixture("fastapi-claims.csv"), dir.join("first.csv")).unwrap();
    std::fs::copy(fixture("fastapi-vs-flask.txt"), dir.join("first.txt")).unwrap();
    std::fs::copy(fixture("fastapi-claims.json"), dir.join("second.json")).unwrap();
    let mut second = std::fs::read_to_string(fixture("fastapi-vs-flask.txt")).unwrap();
    second.push_str("\nA second copy, so the text differs.\n");
    std::fs::write(dir.join("second.md"), second).unwrap();
    std::fs::copy(fixture("bad-claims.csv"), dir.join("third.csv")).unwrap();
    let mut third = std::fs::read_to_string(fixture("fastapi-vs-flask.txt")).unwrap();
    third.push_str("\nA third copy.\n");
    std::fs::write(dir.join("third.txt"), third).unwrap();

    // A bad file rejects the whole folder, naming its problems; files are checked
    // on after the first bad one, so every bad file is named at once.
    std::fs::copy(fixture("bad-claims.csv"), dir.join("a-bad.csv")).unwrap();
    let mut bad = std::fs::read_to_string(fixture("fastapi-vs-flask.txt")).unwrap();
    bad.push_str("\nA fourth copy.\n");
    std::fs::write(dir.join("a-bad.txt"), bad).unwrap();
    let err = env
        .run(&["import", "--dir", dir.to_str().unwrap()])
        .fails_with(3)
        .to_string();
    assert!(err.contains("a-bad.csv:3: unknown stance"), "{err}");
    assert!(err.contains("third.csv:3: unknown stance"), "{err}");
    assert_eq!(
        json_rows(&env, &["sources"]).len(),
        1,
        "nothing was imported"
    );
    std::fs::remove_file(dir.join("a-bad.csv")).unwrap();
    std::fs::remove_file(dir.join("a-bad.txt")).unwrap();
    let err = env
        .run(&["import", "--dir", dir.to_str().unwrap()])
        .fails_with(3)
        .to_string();
    assert!(err.contains("third.csv:3: unknown stance"), "{err}");

    std::fs::remove_file(dir.join("third.csv")).unwrap();
    std::fs::remove_file(dir.join("third.txt")).unwrap();
    let out = env.run(&["import", "--dir", dir.to_str().unwrap()]);
    out.ok();
    assert!(
        out.stderr
            .contains("imported 14 claims from 'first' and 'second'"),
        "{}",
        out.stderr
    );
    let slugs: Vec<Value> = json_rows(&env, &["sources"])
        .iter()
        .map(|r| r["source"].clone())
        .collect();
    assert_eq!(slugs, ["django-vs-flask", "first", "second"]);
    assert!(
        !json_rows(&env, &["search", "fastapi", "authentication"]).is_empty(),
        "indexed for search"
    );
    env.run(&["verify"]).ok();

    std::fs::write(dir.join("lonely.csv"), "subject\n").unwrap();
    let err = env
        .run(&["import", "--dir", dir.to_str().unwrap()])
        .fails_with(3)
        .to_string();
    assert!(
        err.contains("no article for") && err.contains("lonely.csv"),
        "{err}"
    );
    std::fs::write(dir.join("alone.json"), "[]").unwrap();
    let err = env
        .run(&["import", "--dir", dir.to_str().unwrap()])
        .fails_with(3)
        .to_string();
    assert!(err.contains("no article for 2 claims files"), "{err}");
    assert!(
        err.contains("alone.json") && err.contains("lonely.csv"),
        "every lonely file is named: {err}"
    );
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_bad_file_is_rejected_with_every_problem_and_changes_nothing() {
    let (env, db) = env_with_db();
    let db = db.as_str();
    let before = files(&env.path("db"));
    let err = env
        .run(&[
            "--db",
            db,
            "import",
            &fixture("bad-claims.csv"),
            "--source",
            &fixture("fastapi-vs-flask.txt"),
        ])
        .fails_with(3)
        .to_string();
    assert!(
        err.contains("3 problems found, nothing was written"),
        "{err}"
    );
    assert!(err.contains("bad-claims.csv:3: unknown stance: 'sometimes' is not one of builtin, extension, limited, lacks"), "{err}");
    assert!(
        err.contains("bad-claims.csv:4: the quote is not in the article"),
        "{err}"
    );
    assert!(
        err.contains("bad-claims.csv:5: the subject is missing"),
        "{err}"
    );
    assert!(!err.contains("bad-claims.csv:2"), "row 2 is fine: {err}");
    assert_eq!(
        files(&env.path("db")),
        before,
        "the database files are byte-identical"
    );

    // --dry-run checks a good file and writes nothing either.
    let out = env.run(&[
        "--db",
        db,
        "import",
        "--dry-run",
        &fixture("fastapi-claims.csv"),
        "--source",
        &fixture("fastapi-vs-flask.txt"),
    ]);
    out.ok();
    assert!(
        out.stderr.contains("dry run, nothing written"),
        "{}",
        out.stderr
    );
    assert_eq!(files(&env.path("db")), before);
}

#[test]
fn problems_far_apart_in_a_large_file_are_all_reported() {
    // The import reads, checks and inserts a file in chunks of thousands of rows;
    // problems in different chunks (a bad stance, a row that is not CSV, a quote
    // that is not in the article) all reach the report, and the rows of the first
    // chunk, inserted before any problem was found, are rolled back.
    let (env, db) = env_with_db();
    let db = db.as_str();
    let big = large_import(&env, "big", 40_000);
    let csv = std::fs::read_to_string(&big.claims).unwrap();
    let mut lines: Vec<String> = csv.lines().map(str::to_string).collect();
    lines[17_000] = lines[17_000].replace(",builtin,", ",sometimes,");
    lines[20_001] = "django,feature,orm".to_string();
    lines[30_001] = lines[30_001].replace("ships feature", "ships no feature");
    std::fs::write(&big.claims, lines.join("\n") + "\n").unwrap();
    let before = files(&env.path("db"));

    let err = big.command(&env, db).output().unwrap();
    assert_eq!(err.status.code(), Some(3));
    let err = String::from_utf8_lossy(&err.stderr);
    assert!(
        err.contains("3 problems found, nothing was written"),
        "{err}"
    );
    for line in [17_001, 20_002, 30_002] {
        assert!(
            err.contains(&format!("big.csv:{line}: ")),
            "line {line}: {err}"
        );
    }
    assert_eq!(files(&env.path("db")), before, "the database is unchanged");
}

#[test]
fn a_large_import_indexes_every_claim_and_leaves_nothing_beside_the_database() {
    // A large import builds its full-text index on another core, in a scratch file
    // beside the database, and copies it in at the end. The index it leaves must
    // hold the claims that were there (the seed) and the new ones, lose those of
    // an article it replaces, and no file may be left beside the database, whether
    // the import works, is a dry run or fails.
    let (env, db) = env_with_db();
    let db = db.as_str();
    let dir = env.path("db");
    let alone = files_in(&dir);
    let search = |words: &str| json_rows(&env, &["--db", db, "search", words]);
    let seed_hits = search("built-in authentication").len();
    assert!(seed_hits > 0);

    let big = large_import(&env, "big", 20_000);
    let out = big.command(&env, db).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(big.present(db), (1, 20_000));
    assert_eq!(search("built-in authentication").len(), seed_hits);
    assert_eq!(files_in(&dir), alone);

    // Replaced by a larger one of the same name: 30,000 claims, none of the old.
    let bigger = large_import(&env, "big", 30_000);
    let mut replace = bigger.command(&env, db);
    let out = replace.arg("--replace").output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(bigger.present(db), (1, 30_000));
    assert_eq!(search("built-in authentication").len(), seed_hits);
    assert_eq!(files_in(&dir), alone);

    let before = files(&dir);
    let other = large_import(&env, "other", 40_000);
    let out = other.command(&env, db).arg("--dry-run").output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(files(&dir), before, "a dry run writes nothing");
    let csv = std::fs::read_to_string(&other.claims).unwrap();
    std::fs::write(
        &other.claims,
        csv.replace("ships feature 2997\"", "ships no feature\""),
    )
    .unwrap();
    let out = other.command(&env, db).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    assert_eq!(files(&dir), before, "a failed import writes nothing");
}

#[test]
fn a_large_import_removes_scratch_files_its_database_was_left_with() {
    // An import killed in the instant between making its scratch file and letting go
    // of its name leaves the file; the next large import of the same database
    // removes it, and leaves those of other databases alone.
    let (env, db) = env_with_db();
    let db = db.as_str();
    let dir = env.path("db");
    let stale = dir.join(".kb.sqlite3.claimdb-index-AbC123.tmp");
    let other = dir.join(".other.sqlite3.claimdb-index-AbC123.tmp");
    std::fs::write(&stale, "left by a killed import").unwrap();
    std::fs::write(&other, "another database's").unwrap();
    let big = large_import(&env, "big", 20_000);
    let out = big.command(&env, db).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(!stale.exists());
    assert_eq!(
        std::fs::read_to_string(&other).unwrap(),
        "another database's"
    );
    assert_eq!(big.present(db), (1, 20_000));
}

#[test]
fn a_large_import_indexes_claims_another_tool_wrote_in_bytes_that_are_not_utf8() {
    // The side index takes the claims already there from the database as they are:
    // text another tool stored from Latin-1 must not stop the import.
    let (env, db) = env_with_db();
    let db = db.as_str();
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute(
        "UPDATE claims SET statement = CAST(x'6361666520e9' AS TEXT) WHERE claim_id = 3",
        [],
    )
    .unwrap();
    drop(conn);
    let big = large_import(&env, "big", 20_000);
    let out = big.command(&env, db).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(big.present(db), (1, 20_000));
}

#[test]
fn unreadable_inputs_are_clear_errors() {
    let env = Env::new();
    let err = env
        .run(&[
            "import",
            "nope.csv",
            "--source",
            &fixture("fastapi-vs-flask.txt"),
        ])
        .fails_with(6)
        .to_string();
    assert!(
        err.contains("cannot read the claims file nope.csv"),
        "{err}"
    );
    std::fs::write(env.path("latin1.txt"), b"caf\xe9\n").unwrap();
    let err = env
        .run(&[
            "import",
            &fixture("fastapi-claims.csv"),
            "--source",
            env.path("latin1.txt").to_str().unwrap(),
        ])
        .fails_with(3)
        .to_string();
    assert!(err.contains("is not UTF-8"), "{err}");
}

#[test]
fn remove_source_drops_an_import_and_guards_the_seed() {
    let env = Env::new();
    import_example(&env);
    let out = env.run(&["remove-source", "fastapi-vs-flask"]);
    out.ok();
    assert!(
        out.stderr
            .contains("removed 'fastapi-vs-flask' and its 12 claims"),
        "{}",
        out.stderr
    );
    let which = json_rows(&env, &["which", "lacks", "auth"]);
    assert!(
        which.iter().all(|r| r["subject"] != "fastapi"),
        "fastapi had no other claims: {which:#?}"
    );
    let err = env
        .run(&["remove-source", "django-vs-flask"])
        .fails_with(2)
        .to_string();
    assert!(err.contains("--force"), "{err}");
    let err = env
        .run(&["remove-source", "fastapi-vs-flaskk"])
        .fails_with(2)
        .to_string();
    assert!(err.contains("no source 'fastapi-vs-flaskk'"), "{err}");
    env.run(&["remove-source", "django-vs-flask", "--force"])
        .ok();
    assert!(json_rows(&env, &["sources"]).is_empty());
}

#[test]
fn search_ranks_cited_hits_and_never_fails_on_odd_input() {
    let env = Env::new();
    let hits = json_rows(&env, &["search", "built-in authentication"]);
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|r| r["quote"].is_string() && r["line_start"].is_u64())
    );
    let ranks: Vec<f64> = hits.iter().map(|r| r["rank"].as_f64().unwrap()).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "ranked: {ranks:?}");
    assert!(crate::support::quote_at(
        hits[0]["quote"].as_str().unwrap(),
        hits[0]["line_start"].as_u64().unwrap(),
        hits[0]["line_end"].as_u64().unwrap()
    ));

    // ASCII apostrophe finds the article's typographic one.
    let admin = json_rows(&env, &["search", "Django's", "admin"]);
    assert!(
        admin.iter().any(|r| {
            let quote = r["quote"].as_str().unwrap();
            quote.contains("Django’s highlights is its admin interface")
        }),
        "{admin:#?}"
    );

    for odd in ["\"unbalanced", "AND OR NOT", "*", "NEAR(", "'", "title:x"] {
        let out = env.run(&["search", odd]);
        assert!(out.code == 0 || out.code == 2, "{odd}: {out:?}");
        assert!(!out.stderr.contains("fts5"), "{odd}: {}", out.stderr);
    }
    env.run(&["search", "\"unbalanced"]).ok();
    env.run(&["search", "AND OR NOT"]).ok();
}

#[test]
fn a_killed_import_leaves_an_intact_database_without_any_of_it() {
    let env = Env::new();
    let db = env.path("kb.sqlite3");
    let db = db.to_str().unwrap();
    env.run(&["--db", db, "init"]).ok();
    let large = large_import(&env, "large", 400_000);
    // Kill it once the import is writing: its write-ahead log has grown.
    let running = large.kill_at(&env, db, KillAt::WalBytes(1_000_000));
    assert!(running, "the import ended before it could be killed");
    assert_eq!(
        large.present(db),
        (0, 0),
        "none of the killed import is there"
    );
    env.run(&["--db", db, "verify"]).ok();
}

#[test]
fn search_falls_back_to_any_word_in_one_valid_result() {
    let env = Env::new();
    let rows = json_rows(&env, &["search", "authentication", "zyxxyqq"]);
    assert!(!rows.is_empty(), "claims with some of the words");
    let csv = env
        .run(&["--format", "csv", "search", "authentication", "zyxxyqq"])
        .ok()
        .to_string();
    assert_eq!(csv.matches("claim_id,").count(), 1, "one header row: {csv}");
    let text = env
        .run(&["search", "authentication", "zyxxyqq"])
        .ok()
        .to_string();
    assert!(text.contains("No claim has every word"), "{text}");
}

#[test]
fn commands_without_rows_leave_dash_o_files_alone() {
    let env = Env::new();
    let notes = env.path("notes.txt");
    std::fs::write(&notes, "keep me").unwrap();
    let n = notes.to_str().unwrap();
    env.run(&[
        "-o",
        n,
        "import",
        &fixture("fastapi-claims.csv"),
        "--source",
        &fixture("fastapi-vs-flask.txt"),
    ])
    .ok();
    env.run(&["-o", n, "remove-source", "fastapi-vs-flask"])
        .ok();
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "keep me");
}

#[test]
fn removing_the_shipped_article_keeps_its_subjects_and_aliases() {
    let env = Env::new();
    env.run(&["remove-source", "django-vs-flask", "--force"])
        .ok();
    let subjects = json_rows(&env, &["subjects"]);
    let names: Vec<&str> = subjects
        .iter()
        .map(|r| r["subject"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["django", "flask"]);
    import_example(&env);
    let rows = json_rows(&env, &["claims", "--subject", "Flash"]);
    assert!(rows.iter().all(|r| r["subject"] == "flask"), "{rows:#?}");
}

#[test]
fn a_batch_with_the_same_article_twice_is_refused_clearly() {
    let env = Env::new();
    let dir = env.path("twice");
    std::fs::create_dir(&dir).unwrap();
    for name in ["a", "b"] {
        std::fs::copy(
            fixture("fastapi-claims.csv"),
            dir.join(format!("{name}.csv")),
        )
        .unwrap();
        std::fs::copy(
            fixture("fastapi-vs-flask.txt"),
            dir.join(format!("{name}.txt")),
        )
        .unwrap();
    }
    let err = env
        .run(&["import", "--dir", dir.to_str().unwrap()])
        .fails_with(3)
        .to_string();
    assert!(err.contains("are the same article (same text)"), "{err}");
    let err = env
        .run(&[
            "import",
            &fixture("fastapi-claims.csv"),
            "--source",
            &crate::support::seed_article_path(),
            "--slug",
            "copy",
        ])
        .fails_with(3)
        .to_string();
    assert!(err.contains("already in the knowledge base"), "{err}");
}

#[test]
fn both_is_refused_when_it_is_ambiguous() {
    let env = Env::new();
    import_example(&env);
    let err = env
        .run(&["ask", "which companies use both"])
        .fails_with(2)
        .to_string();
    assert!(
        err.contains("\"both\" is ambiguous with 3 subjects"),
        "{err}"
    );
    let rows = json_rows(&env, &["ask", "which companies use flask and fastapi"]);
    let names: Vec<&str> = rows
        .iter()
        .map(|r| r["company"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Netflix", "Netflix"]);
}

/// The v2 claims format: comparisons with `versus`, `listed`, and the `section` and
/// `confidence` columns `draft` writes (read and ignored); the article's Markdown
/// headings become its sections, and each claim is filed under its own.
#[test]
fn an_import_in_the_v2_format_keeps_versus_listed_and_sections() {
    let env = Env::new();
    let article = env.path("speed.md");
    std::fs::write(
        &article,
        "# FastAPI vs Flask\n\nTwo frameworks.\n\n## Speed\n\n- FastAPI is faster than Flask.\n\n## Which one\n\nIt depends on the project.\n",
    )
    .unwrap();
    let claims = env.path("speed.csv");
    std::fs::write(
        &claims,
        "subject,kind,topic,stance,value,versus,listed,statement,quote,line_start,line_end,section,confidence\n\
         fastapi,comparison,performance,,faster,flask,1,FastAPI is faster than Flask.,FastAPI is faster than Flask.,7,7,Speed,0.9\n\
         FastAPI,comparison,choice,depends,the project,Flask,,It depends on the project.,It depends on the project.,,,Which one,0.5\n",
    )
    .unwrap();
    env.run(&[
        "import",
        claims.to_str().unwrap(),
        "--source",
        article.to_str().unwrap(),
    ])
    .ok();
    let rows = json_rows(&env, &["claims", "--source", "speed"]);
    assert_eq!(rows.len(), 2, "{rows:#?}");
    assert_eq!(
        (&rows[0]["versus"], &rows[0]["listed"], &rows[0]["section"]),
        (&"flask".into(), &1.into(), &"Speed".into())
    );
    assert_eq!(
        (&rows[1]["stance"], &rows[1]["versus"], &rows[1]["section"]),
        (&"depends".into(), &"flask".into(), &"Which one".into())
    );
    let verdicts = json_rows(
        &env,
        &["compare", "fastapi", "flask", "--on", "performance"],
    );
    assert!(
        verdicts.iter().any(|r| r["kind"] == "comparison"
            && r["subject"] == "fastapi"
            && r["value"] == "faster"),
        "{verdicts:#?}"
    );
    // A comparison without its comparative, or 'depends' outside a comparison, is refused.
    std::fs::write(
        &claims,
        "subject,kind,topic,stance,value,versus,statement,quote\n\
         fastapi,comparison,performance,,,flask,Faster.,FastAPI is faster than Flask.\n\
         fastapi,pro,performance,depends,,,Depends.,FastAPI is faster than Flask.\n",
    )
    .unwrap();
    let err = env
        .run(&[
            "import",
            claims.to_str().unwrap(),
            "--source",
            article.to_str().unwrap(),
            "--replace",
        ])
        .fails_with(3)
        .to_string();
    assert!(
        err.contains("speed.csv:2: a comparison claim needs a value"),
        "{err}"
    );
    assert!(
        err.contains("speed.csv:3: the stance 'depends' is for comparison claims only"),
        "{err}"
    );
}

#[test]
fn problems_in_a_crlf_claims_file_are_reported_at_their_line() {
    let env = Env::new();
    let fixture = std::fs::read_to_string(format!("{FIXTURES}/fastapi-claims.csv")).unwrap();
    let mut lines: Vec<String> = fixture.lines().map(str::to_string).collect();
    let (subject, rest) = lines[3].split_once(',').unwrap();
    let (_kind, rest) = rest.split_once(',').unwrap();
    lines[3] = format!("{subject},bogus,{rest}");
    let claims = env.path("claims.csv");
    std::fs::write(&claims, lines.join("\r\n") + "\r\n").unwrap();
    let err = env
        .run(&[
            "import",
            claims.to_str().unwrap(),
            "--source",
            &format!("{FIXTURES}/fastapi-vs-flask.txt"),
            "--dry-run",
        ])
        .stderr
        .clone();
    assert!(err.contains("claims.csv:4: unknown kind: 'bogus'"), "{err}");
}
