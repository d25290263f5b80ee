//! `draft` and `coverage` (issue 14): a draft imports unchanged, cites the article's
//! own text, writes nothing to the database; coverage lists what no claim quotes.

use crate::support::{Env, env_with_db, fixture};

/// The draft of every fixture article is an import file that passes as it is, and
/// the imported claims verify.
#[test]
fn a_draft_imports_unchanged_and_verifies() {
    let (env, db) = env_with_db();
    for article in [
        "fastapi-vs-flask.txt",
        "draft/postgres-vs-mysql.md",
        "draft/kafka-vs-rabbitmq.txt",
    ] {
        let claims = env.path("claims.csv");
        let claims = claims.to_str().unwrap();
        env.run(&["--db", &db, "draft", &fixture(article), "-o", claims])
            .ok();
        let dry = env.import_with(&db, claims, &fixture(article), &["--dry-run"]);
        dry.ok();
        assert!(
            dry.stderr.contains("dry run, nothing written"),
            "{}",
            dry.stderr
        );
        env.import(&db, claims, &fixture(article)).ok();
    }
    env.run(&["--db", &db, "verify"]).ok();
}

#[test]
fn draft_rows_quote_the_article_and_find_its_claims() {
    let env = Env::new();
    let out = env.run(&[
        "--format",
        "json",
        "draft",
        &fixture("fastapi-vs-flask.txt"),
    ]);
    let rows = out.json();
    let rows = rows.as_array().unwrap();
    let text = std::fs::read_to_string(fixture("fastapi-vs-flask.txt")).unwrap();
    for row in rows {
        let quote = row["quote"].as_str().unwrap();
        assert!(text.contains(quote), "{row}");
        assert!(
            row["section"].is_string() && row["confidence"].is_string(),
            "{row}"
        );
    }
    let has = |subject: &str, kind: &str, topic: &str, stance: &str, value: &str| {
        rows.iter().any(|r| {
            r["subject"] == subject
                && r["kind"] == kind
                && r["topic"] == topic
                && (stance.is_empty() || r["stance"] == stance)
                && (value.is_empty() || r["value"] == value)
        })
    };
    assert!(
        has("fastapi", "feature", "async", "builtin", ""),
        "{rows:#?}"
    );
    assert!(
        has("fastapi", "feature", "authentication", "lacks", ""),
        "{rows:#?}"
    );
    for company in ["Microsoft", "Uber", "Netflix"] {
        assert!(
            has("fastapi", "company", "adoption", "", company),
            "{company}: {rows:#?}"
        );
    }
    // One subject per title side: "FastAPI vs Flask" proposes fastapi, knows flask.
    assert!(rows.iter().all(|r| r["subject"] != "fastapi-vs-flask"));
}

#[test]
fn markdown_drafts_cite_the_source_lines_and_show_the_article_text() {
    let (env, db) = env_with_db();
    let article = fixture("draft/postgres-vs-mysql.md");
    let rows = env
        .run(&["--db", &db, "--format", "json", "draft", &article])
        .json();
    let rows = rows.as_array().unwrap();
    let wrapped = rows
        .iter()
        .find(|r| {
            r["quote"]
                .as_str()
                .unwrap()
                .starts_with("It ships with built-in\nsupport")
        })
        .unwrap_or_else(|| panic!("the wrapped sentence: {rows:#?}"));
    assert_eq!(
        (wrapped["line_start"].as_i64(), wrapped["line_end"].as_i64()),
        (Some(9), Some(10))
    );
    let listed = rows
        .iter()
        .find(|r| {
            r["quote"] == "**Replication:** MySQL ships with built-in asynchronous replication."
        })
        .unwrap_or_else(|| panic!("the labelled item: {rows:#?}"));
    assert_eq!(listed["listed"], 1);
    assert_eq!(listed["stance"], "builtin");
    // A comparison table gives one claim per cell, citing the row.
    let cells: Vec<&serde_json::Value> = rows
        .iter()
        .filter(|r| r["quote"] == "| Materialized views | Yes | No |")
        .collect();
    assert_eq!(cells.len(), 2, "{cells:#?}");
    assert!(
        cells
            .iter()
            .any(|r| r["subject"] == "mysql" && r["stance"] == "lacks")
    );

    // Imported, the claim shows the article's own text, line wrap and all.
    let claims = env.path("claims.json");
    env.run(&[
        "--db",
        &db,
        "--format",
        "json",
        "draft",
        &article,
        "-o",
        claims.to_str().unwrap(),
    ])
    .ok();
    env.import(&db, claims.to_str().unwrap(), &article).ok();
    let found = env
        .run(&[
            "--db",
            &db,
            "--format",
            "json",
            "claims",
            "--subject",
            "postgresql",
            "--topic",
            "jsonb",
        ])
        .json();
    let id = found[0]["claim_id"].as_i64().unwrap().to_string();
    let shown = env
        .run(&["--db", &db, "--format", "json", "show", &id])
        .json();
    assert_eq!(
        shown[0]["quote"],
        "It ships with built-in\nsupport for JSONB, full-text search and window functions."
    );
}

#[test]
fn draft_writes_nothing_to_the_database() {
    let (env, db) = env_with_db();
    let before = std::fs::read(&db).unwrap();
    env.run(&[
        "--db",
        &db,
        "draft",
        &fixture("draft/kafka-vs-rabbitmq.txt"),
    ])
    .ok();
    assert_eq!(std::fs::read(&db).unwrap(), before);
    let sources = env.run(&["--db", &db, "--format", "csv", "sources"]);
    assert!(!sources.ok().contains("kafka"));
}

#[test]
fn an_article_without_claims_drafts_no_rows() {
    let env = Env::new();
    let article = env.write("note.txt", "A note\n\nThe weather was nice that day.\n");
    let out = env.run(&["draft", &article]);
    assert_eq!(out.ok().lines().count(), 1, "only the header: {out:#?}");
    assert!(out.stderr.contains("found no claims"), "{}", out.stderr);
}

#[test]
fn draft_of_a_missing_article_says_so() {
    let env = Env::new();
    env.run(&["draft", "no-such-article.md"])
        .fails_saying(6, "cannot read the article no-such-article.md");
}

#[test]
fn coverage_lists_the_sentences_no_claim_quotes() {
    let (env, db) = env_with_db();
    env.import(
        &db,
        &fixture("fastapi-claims.json"),
        &fixture("fastapi-vs-flask.txt"),
    )
    .ok();
    let out = env.run(&[
        "--db",
        &db,
        "--format",
        "csv",
        "coverage",
        "fastapi-vs-flask",
    ]);
    let listed = out.ok();
    assert!(
        listed.contains("fastapi-vs-flask,3,3,\"FastAPI is a modern Python web framework"),
        "{listed}"
    );
    assert!(
        !listed.contains("Companies such as Microsoft"),
        "quoted by a claim: {listed}"
    );
    assert!(
        !listed.contains("Unlike Django"),
        "quoted by a claim: {listed}"
    );
    assert!(
        out.stderr
            .contains("5 of 7 sentences are not quoted by any claim"),
        "{}",
        out.stderr
    );
    env.run(&["--db", &db, "coverage", "no-such-slug"])
        .fails_saying(2, "no source 'no-such-slug'");
}

/// `--subject` names a subject the catalogue does not know and the title does not
/// give; JSON drafts import too, whatever type their review columns have.
#[test]
fn subjects_given_on_the_command_line_are_drafted() {
    let (env, db) = env_with_db();
    let article = env.write(
        "notes.md",
        "# Notes on caches\n\nRedis ships with built-in replication. Redis is used by Acme and Globex.\n",
    );
    let path = article.as_str();
    let rows = env
        .run(&[
            "--db",
            &db,
            "--format",
            "json",
            "draft",
            path,
            "--subject",
            "Redis",
        ])
        .json();
    let rows = rows.as_array().unwrap();
    assert!(
        rows.iter().any(|r| r["subject"] == "redis"
            && r["stance"] == "builtin"
            && r["new"] == "subject|topic"),
        "{rows:#?}"
    );
    for company in ["Acme", "Globex"] {
        assert!(
            rows.iter()
                .any(|r| r["kind"] == "company" && r["value"] == company),
            "{rows:#?}"
        );
    }
    let without = env
        .run(&["--db", &db, "--format", "json", "draft", path])
        .json();
    assert!(
        without.as_array().unwrap().is_empty(),
        "no subject, no row: {without:#?}"
    );
    // Review columns of any JSON type are ignored by import.
    let mut edited = rows.clone();
    for r in &mut edited {
        r["confidence"] = serde_json::json!(0.5);
    }
    let json = env.write("c.json", serde_json::to_string(&edited).unwrap());
    env.import(&db, &json, path).ok();
}

/// New subjects and topics are named in the characters the catalogue allows, so a
/// draft of an article with accented names still imports unchanged.
#[test]
fn accented_names_draft_into_names_import_accepts() {
    let (env, db) = env_with_db();
    let article = env.write(
        "u.md",
        "# Café vs Bäckerei: notes\n\nBäckerei lacks built-in Brötchen.\n\n- **Größe:** Café has limited Größe support.\n",
    );
    let path = article.as_str();
    let claims = env.path("c.csv");
    env.run(&["--db", &db, "draft", path, "-o", claims.to_str().unwrap()])
        .ok();
    let text = std::fs::read_to_string(&claims).unwrap();
    assert!(text.contains("backerei,feature,brotchen,lacks"), "{text}");
    env.import(&db, claims.to_str().unwrap(), path).ok();
    env.run(&["--db", &db, "verify"]).ok();
}
