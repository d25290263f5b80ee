//! `draft` keeps the promises every command keeps (issue 23): `--format` and `-o`'s
//! extension, formula cells neutralised in CSV (and taken back by `import`), a
//! bounded input, and drafts that import unchanged whatever the article holds.

use proptest::prelude::*;

use crate::support::{Env, env_with_db};

const ARTICLE: &str = "# Django vs Flask\n\n\
=HYPERLINK(\"http://x\") Django has a built-in admin interface.\n\n\
- @SUM(1) Flask has built-in templating.\n\n\
Django is used by Net`flix` and **Pinterest**.\n\n\
<script>alert(1)</script> Flask has built-in templating.\n";

#[test]
fn draft_honours_format_and_the_output_extension() {
    let env = Env::new();
    let article = env.write("a.md", ARTICLE);
    let html = env.path("d.html");
    env.run(&["draft", &article, "-o", html.to_str().unwrap()])
        .ok();
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<table"), "{page}");
    assert!(
        !page.contains("<script>alert"),
        "the article's script runs: {page}"
    );
    assert!(!page.starts_with("subject,kind"), "{page}");
    let md = env.run(&["--format", "markdown", "draft", &article]);
    assert!(md.ok().starts_with("| subject"), "{}", md.stdout);
    let tsv = env.run(&["--format", "tsv", "draft", &article]);
    assert!(tsv.ok().starts_with("subject\tkind\t"), "{}", tsv.stdout);
}

/// The draft's CSV is safe to open in a spreadsheet, and imports unchanged: the
/// article's own text is stored, without the `'` that kept it from running.
#[test]
fn draft_csv_neutralises_formulas_and_imports_them_back() {
    let (env, db) = env_with_db();
    let article = env.write("a.md", ARTICLE);
    let csv = env.run(&["--db", &db, "draft", &article]);
    let csv = csv.ok();
    assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
    assert!(csv.contains(",'@SUM(1) Flask"), "{csv}");
    let claims = env.write("d.csv", csv);
    env.import(&db, &claims, &article).ok();
    let quotes = env.run(&[
        "--db",
        &db,
        "sql",
        "SELECT quote FROM claims WHERE quote LIKE '%HYPERLINK%' OR quote LIKE '%SUM(1)%'",
        "--format",
        "json",
    ]);
    let json = quotes.json();
    let quotes: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["quote"].as_str().unwrap())
        .collect();
    assert!(
        quotes.iter().any(|q| q.starts_with("=HYPERLINK(")),
        "{quotes:?}"
    );
    assert!(
        quotes.iter().any(|q| q.starts_with("@SUM(1)")),
        "{quotes:?}"
    );
}

/// An article longer than an import takes is refused by `draft` too, and stdin is
/// read no further than that; a FIFO is refused instead of waited on.
#[test]
fn draft_input_is_bounded() {
    let env = Env::new();
    let big = env.path("big.md");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(65 << 20).unwrap();
    env.run(&["draft", big.to_str().unwrap()])
        .fails_saying(3, "longer than 64 MiB");
    let out = env.run_with_stdin(&["draft", "-"], &vec![b'a'; (64 << 20) + 1]);
    out.fails_saying(3, "longer than 64 MiB");
    #[cfg(unix)]
    {
        let fifo = env.path("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            env.run(&["draft", fifo.to_str().unwrap()])
                .fails_saying(3, "not a regular file");
        }
    }
}

/// The notice of an empty draft shows a file name's control characters escaped.
#[test]
fn the_empty_draft_notice_escapes_the_file_name() {
    let env = Env::new();
    let article = env.write("x\u{1b}[31mred.md", "nothing here\n");
    let out = env.run(&["draft", &article]);
    out.ok();
    assert!(out.stderr.contains("found no claims"), "{}", out.stderr);
    assert!(!out.stderr.contains('\u{1b}'), "{:?}", out.stderr);
}

/// A sentence longer than any claim's (here one longer than import's 1 MiB line
/// limit) is not read by the draft, so it neither takes minutes nor yields a row
/// `import` refuses; the rest of the article is drafted and imports.
#[test]
fn a_sentence_too_long_to_import_is_left_out() {
    let (env, db) = env_with_db();
    let long = format!(
        "# Django vs Flask\n\nDjango has a built-in admin interface {}.\n\nFlask has built-in templating.\n",
        "and more ".repeat(150_000)
    );
    let article = env.write("long.md", long);
    let out = env.run(&["--db", &db, "draft", &article]);
    let csv = out.ok();
    assert!(
        csv.contains("Flask has built-in templating."),
        "{}",
        out.stderr
    );
    assert!(!csv.contains("and more and more"), "{}", out.stderr);
    let claims = env.write("d.csv", csv);
    env.import(&db, &claims, &article).ok();
}

fn sentence() -> impl Strategy<Value = String> {
    let company = prop_oneof![
        Just("Net`flix`"),
        Just("**Pinterest**"),
        Just("_Spotify_"),
        Just("[Shopify](https://shopify.com)"),
        Just("Uber"),
    ];
    let subject = prop_oneof![Just("Django"), Just("Flask"), Just("**Django**")];
    let feature = prop_oneof![
        Just("a built-in admin interface"),
        Just("built-in templating"),
        Just("no built-in ORM"),
        Just("a `built-in` ORM"),
    ];
    let lead = prop_oneof![
        Just(""),
        Just("="),
        Just("@"),
        Just("+"),
        Just("- "),
        Just("'=")
    ];
    prop_oneof![
        (lead.clone(), subject.clone(), feature).prop_map(|(l, s, f)| format!("{l}{s} has {f}.")),
        (lead, subject, company.clone(), company)
            .prop_map(|(l, s, a, b)| format!("{l}{s} is used by {a} and {b}.")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Every draft of a generated article (company names in inline markup,
    /// formula-like openings, lists) is an import file `import` takes unchanged.
    #[test]
    fn every_draft_imports_unchanged(paragraphs in prop::collection::vec(sentence(), 1..8)) {
        let (env, db) = env_with_db();
        let mut text = String::from("# Django vs Flask\n\n");
        for p in &paragraphs {
            text.push_str(p);
            text.push_str("\n\n");
        }
        let article = env.write("a.md", &text);
        let claims = env.path("d.csv");
        let claims = claims.to_str().unwrap();
        env.run(&["--db", &db, "draft", &article, "-o", claims]).ok();
        let dry = env.import_with(&db, claims, &article, &["--dry-run"]);
        prop_assert!(dry.code == 0, "{text}\n{}\n{}", std::fs::read_to_string(claims).unwrap(), dry.stderr);
    }
}
