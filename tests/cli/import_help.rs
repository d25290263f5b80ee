//! An import that helps (issue 14, SPEC 6): each test guards one finding of the
//! issue's first paragraph.

use crate::support::{Env, env_with_db, fixture};

const HEADER: &str = "subject,kind,topic,stance,value,statement,quote,line_start,line_end\n";

/// One sentence of a small article, and a claims file that quotes it.
const ASYNC_SENTENCE: &str = "FastAPI has built-in support for asynchronous programming.";
const ASYNC_CLAIM: &str = "subject,kind,topic,stance,value,statement,quote\nfastapi,feature,async,builtin,,FastAPI has async.,FastAPI has built-in support for asynchronous programming.\n";

/// Writes `rows` under the header as `name` in the test directory.
fn claims(env: &Env, name: &str, rows: &str) -> String {
    env.write(name, format!("{HEADER}{rows}"))
}

/// "The same article as Markdown failed 45 of 62 quotes": a quote copied from the
/// rendered text (no `**`, no line wraps) matches, and the article's own text is
/// what is stored.
#[test]
fn markdown_quotes_match_the_rendered_text_and_store_the_source() {
    let (env, db) = env_with_db();
    let md = env.write(
        "pg.md",
        "# PG vs My\n\n- **Extensibility:** New data types can be added\n  through *extensions*.\n",
    );
    let file = claims(
        &env,
        "c.csv",
        "pg,pro,extensibility,,,PG is extensible.,Extensibility: New data types can be added through extensions.,,\n\
         pg,feature,orm,extension,,PG gets types by extension.,New data types can be added through extensions,3,4\n",
    );
    env.import(&db, &file, &md).ok();
    let rows = env
        .run(&["--db", &db, "--format", "json", "claims", "--subject", "pg"])
        .json();
    let quotes: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["quote"].as_str().unwrap())
        .collect();
    assert!(
        quotes.contains(&"**Extensibility:** New data types can be added\n  through *extensions*."),
        "{quotes:?}"
    );
    assert!(
        quotes.contains(&"New data types can be added\n  through *extensions*"),
        "{quotes:?}"
    );
    env.run(&["--db", &db, "verify"]).ok();
}

/// "A quote that stood in two places was silently cited at the first".
#[test]
fn a_quote_in_two_places_is_refused_naming_both() {
    let (env, db) = env_with_db();
    let article = env.write(
        "two.txt",
        "Two\n\nAlpha ships with auth.\nBeta is other.\nAlpha ships with auth.\n",
    );
    let file = claims(
        &env,
        "c.csv",
        "alpha,feature,auth,builtin,,Alpha has auth.,Alpha ships with auth.,,\n",
    );
    let err = env
        .import(&db, &file, &article)
        .fails_saying(3, "the quote stands in more than one place")
        .to_string();
    assert!(err.contains("lines 3 and 5"), "{err}");
    // With its lines it is accepted.
    let file = claims(
        &env,
        "c.csv",
        "alpha,feature,auth,builtin,,Alpha has auth.,Alpha ships with auth.,5,5\n",
    );
    env.import(&db, &file, &article).ok();
}

/// "A company row whose quote never names the company was accepted".
#[test]
fn a_company_not_named_in_its_quote_is_refused() {
    let (env, db) = env_with_db();
    let file = claims(
        &env,
        "c.csv",
        "fastapi,company,adoption,,Spotify,Spotify uses FastAPI.,\"Companies such as Microsoft, Uber and Netflix use FastAPI\",,\n",
    );
    env.import(&db, &file, &fixture("fastapi-vs-flask.txt"))
        .fails_saying(
            3,
            "the company 'Spotify' is not named as a word in its quote",
        );
}

/// "A misspelt topic with a category, or "Express.js" for express, silently became
/// a new topic or subject".
#[test]
fn a_new_name_close_to_a_known_one_needs_to_be_declared() {
    let (env, db) = env_with_db();
    let source = fixture("fastapi-vs-flask.txt");
    let write = |rows: &str| {
        env.write(
            "c.csv",
            format!("subject,kind,topic,stance,value,statement,quote,line_start,line_end,category,new\n{rows}"),
        )
    };
    let file = write(
        "Flask.js,feature,authentication,builtin,,Flask has auth.,Flask comes with built-in authentication,9,9,,\n\
         fastapi,feature,athentication,lacks,,FastAPI lacks auth.,FastAPI does not come with built-in authentication,5,5,components,\n",
    );
    let out = env.import(&db, &file, &source);
    let err = out.fails_with(3);
    assert!(
        err.contains("unknown subject 'Flask.js'") && err.contains("did you mean 'flask'?"),
        "{err}"
    );
    assert!(
        err.contains("unknown topic 'athentication'")
            && err.contains("did you mean 'authentication'?"),
        "{err}"
    );
    let sources = env.run(&["--db", &db, "--format", "csv", "subjects"]);
    assert!(!sources.ok().contains("flask.js"), "nothing was created");
    // Declared on purpose, they are created.
    let file = write(
        "Flask.js,feature,authentication,builtin,,Flask has auth.,Flask comes with built-in authentication,9,9,,subject\n\
         fastapi,feature,athentication,lacks,,FastAPI lacks auth.,FastAPI does not come with built-in authentication,5,5,components,topic\n",
    );
    let out = env.import(&db, &file, &source);
    out.ok();
    assert!(
        out.stderr.contains("flask.js") && out.stderr.contains("athentication"),
        "{}",
        out.stderr
    );
}

#[test]
fn new_subjects_and_topics_carry_their_aliases() {
    let (env, db) = env_with_db();
    let path = env.write(
        "c.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category,subject_aliases,topic_aliases\n\
         fastapi,feature,api-docs,builtin,,FastAPI documents its API.,it generates interactive API documentation automatically,4,4,components,Fast API|FastAPI framework,interactive docs|openapi docs\n",
    );
    env.import(&db, &path, &fixture("fastapi-vs-flask.txt"))
        .ok();
    let out = env.run(&[
        "--db",
        &db,
        "--format",
        "csv",
        "claims",
        "--subject",
        "Fast API",
        "--topic",
        "openapi docs",
    ]);
    assert!(out.ok().contains("FastAPI documents its API."), "{out:#?}");
}

#[test]
fn an_unknown_column_is_refused_naming_the_known_ones() {
    let (env, db) = env_with_db();
    let article = fixture("fastapi-vs-flask.txt");
    let path = env.write(
        "c.csv",
        "subject,kind,topic,stance,value,statment,quote,line_start,line_end\n\
         fastapi,pro,performance,,,FastAPI is fast.,FastAPI’s performance is one of its strengths,10,10\n",
    );
    let err = env
        .import(&db, &path, &article)
        .fails_saying(3, "unknown column 'statment'")
        .to_string();
    assert!(
        err.contains("the columns are subject, kind, topic"),
        "{err}"
    );
    let json = env.write("c.json", r#"[{"subject":"fastapi","kind":"pro","topic":"performance","statment":"x","statement":"FastAPI is fast.","quote":"FastAPI’s performance is one of its strengths"}]"#);
    env.import(&db, &json, &article)
        .fails_saying(3, "unknown field `statment`, expected one of");
}

/// `claimdb draft ARTICLE | claimdb import - --source ARTICLE --dry-run` passes with
/// no edit; the real import then verifies.
#[test]
fn a_draft_pipes_into_import_from_stdin() {
    let (env, db) = env_with_db();
    let article = fixture("fastapi-vs-flask.txt");
    let draft = env.run(&["--db", &db, "draft", &article]);
    let csv = draft.ok().to_string();
    let dry = env.run_with_stdin(
        &[
            "--db",
            &db,
            "import",
            "-",
            "--source",
            &article,
            "--dry-run",
        ],
        csv.as_bytes(),
    );
    dry.ok();
    assert!(
        dry.stderr.contains("dry run, nothing written"),
        "{}",
        dry.stderr
    );
    env.run_with_stdin(
        &["--db", &db, "import", "-", "--source", &article],
        csv.as_bytes(),
    )
    .ok();
    env.run(&["--db", &db, "verify"]).ok();
}

/// "The CRLF copy of an imported article was imported again as a new article".
#[test]
fn the_same_article_with_crlf_or_a_bom_is_already_imported() {
    let (env, db) = env_with_db();
    let text = std::fs::read_to_string(fixture("fastapi-vs-flask.txt")).unwrap();
    let claims = fixture("fastapi-claims.json");
    env.import(&db, &claims, &fixture("fastapi-vs-flask.txt"))
        .ok();
    for (name, copy) in [
        ("crlf.txt", text.replace('\n', "\r\n")),
        ("bom.txt", format!("\u{feff}{text}")),
    ] {
        let path = env.write(name, copy);
        let out = env.import(&db, &claims, &path);
        let err = out.fails_with(3);
        assert!(
            err.contains("this article is already imported as 'fastapi-vs-flask'"),
            "{name}: {err}"
        );
    }
}

/// A BOM or a Markdown `#` never ends up in a title.
#[test]
fn titles_are_the_first_line_as_it_reads() {
    let (env, db) = env_with_db();
    let path = env.write(
        "note.md",
        format!("\u{feff}# **FastAPI** notes #\n\n{ASYNC_SENTENCE}\n"),
    );
    let claims = env.write("c.csv", ASYNC_CLAIM);
    env.import(&db, &claims, &path).ok();
    let sources = env
        .run(&["--db", &db, "--format", "json", "sources"])
        .json();
    let titles: Vec<&str> = sources
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"FastAPI notes"), "{titles:?}");
}

/// A README's opening line of badges is no title: the title is the first heading a
/// reader sees as words, not the badges' alt text.
#[test]
fn a_line_of_badges_is_no_title() {
    let (env, db) = env_with_db();
    let path = env.write(
        "readme.md",
        format!(
            "[![Build Status](https://ci.example/b.svg)](https://ci.example) \
             ![Coverage](https://ci.example/c.svg)\n\n# FastAPI notes\n\n{ASYNC_SENTENCE}\n"
        ),
    );
    let claims = env.write("c.csv", ASYNC_CLAIM);
    env.import(&db, &claims, &path).ok();
    let sources = env
        .run(&["--db", &db, "--format", "json", "sources"])
        .json();
    let title = sources
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["source"] == "readme")
        .map(|s| s["title"].as_str().unwrap().to_string());
    assert_eq!(title.as_deref(), Some("FastAPI notes"));
}

/// `--replace` keeps the title and URL unless new ones are given; a slug taken by
/// another article suggests `--slug`.
#[test]
fn replace_keeps_title_and_url_and_a_taken_slug_suggests_another() {
    let (env, db) = env_with_db();
    let article = fixture("fastapi-vs-flask.txt");
    let claims = fixture("fastapi-claims.json");
    env.import_with(
        &db,
        &claims,
        &article,
        &["--title", "FastAPI notes", "--url", "https://example.com/f"],
    )
    .ok();
    env.import_with(&db, &claims, &article, &["--replace"]).ok();
    let sources = env
        .run(&["--db", &db, "--format", "json", "sources"])
        .json();
    let row = sources
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["source"] == "fastapi-vs-flask")
        .unwrap()
        .clone();
    assert_eq!(row["title"], "FastAPI notes");
    assert_eq!(row["url"], "https://example.com/f");
    // Another article under the same name.
    std::fs::create_dir(env.path("other")).unwrap();
    let other = env.write(
        "other/fastapi-vs-flask.txt",
        format!("Other\n\n{ASYNC_SENTENCE}\n"),
    );
    let c = env.write("c.csv", ASYNC_CLAIM);
    env.import(&db, &c, &other)
        .fails_saying(3, "--slug NAME to import this one as another article");
}
