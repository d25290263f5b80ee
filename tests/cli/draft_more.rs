//! `draft` on two more articles of other fields, written before `draft` was run on
//! them: a Markdown one with a table, bold labels and a FAQ, a plain-text one with
//! numbered pros and cons and an "it depends" verdict. A few rows a user would look
//! for, and the draft imports unchanged.

use crate::support::{Env, env_with_db};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/draft");

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

/// (subject, kind, stance, versus, line_start) of every row of the draft.
fn rows(article: &str) -> Vec<(String, String, String, String, u64)> {
    let env = Env::new();
    let out = env.run(&["--format", "json", "draft", &fixture(article)]);
    out.ok();
    let json = out.json();
    let field = |r: &serde_json::Value, k: &str| r[k].as_str().unwrap_or("").to_string();
    json.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let line = r["line_start"]
                .as_u64()
                .or_else(|| r["line_start"].as_str().and_then(|s| s.parse().ok()))
                .unwrap();
            (
                field(r, "subject"),
                field(r, "kind"),
                field(r, "stance"),
                field(r, "versus"),
                line,
            )
        })
        .collect()
}

fn has(rows: &[(String, String, String, String, u64)], want: (&str, &str, &str, &str, u64)) {
    assert!(
        rows.iter()
            .any(|r| (r.0.as_str(), r.1.as_str(), r.2.as_str(), r.3.as_str(), r.4) == want),
        "no row {want:?} in {rows:#?}"
    );
}

fn lacks(rows: &[(String, String, String, String, u64)], subject: &str, kind: &str, line: u64) {
    assert!(
        !rows
            .iter()
            .any(|r| r.0 == subject && r.1 == kind && r.4 == line),
        "unexpected {subject} {kind} row at line {line} in {rows:#?}"
    );
}

#[test]
fn draft_reads_bold_labels_faq_verdicts_and_second_clauses_in_markdown() {
    let rows = rows("aws-vs-azure.md");
    // "It integrates natively with Active Directory and Office 365."
    has(&rows, ("azure", "feature", "builtin", "", 13));
    // "**AWS cons:** Egress fees can make AWS expensive ..."
    has(&rows, ("aws", "con", "", "", 52));
    lacks(&rows, "aws", "pro", 52);
    // FAQ "### Is AWS cheaper than Azure?" answered "It depends on the workload."
    has(&rows, ("aws", "comparison", "depends", "azure", 58));
    // "AWS is ideal for cloud-native startups, and Azure is ideal for enterprises ..."
    has(&rows, ("azure", "use-case", "", "", 67));
    lacks(&rows, "aws", "feature", 67);
}

#[test]
fn draft_reads_key_features_and_an_it_depends_verdict_in_plain_text() {
    let rows = rows("python-vs-go.txt");
    // "2. Garbage Collection: Go has a built-in garbage collector ..." under
    // "Key Features of Go": a feature, not a pro.
    has(&rows, ("go", "feature", "builtin", "", 21));
    lacks(&rows, "go", "pro", 21);
    // "Companies Using Python": "Python is used by Instagram, Spotify and Dropbox ..."
    has(&rows, ("python", "company", "", "", 27));
    // "1. Speed: Python is slower than Go for CPU-bound work." under "Cons:"
    has(&rows, ("python", "con", "", "", 44));
    // ... and no pro of Go: the comparison row says Go is faster.
    lacks(&rows, "go", "pro", 44);
    has(&rows, ("go", "comparison", "", "python", 44));
    // "Verdict" / "It depends on what you want to build."
    has(&rows, ("python", "comparison", "depends", "go", 67));
}

/// Both drafts pass a dry-run import as they are.
#[test]
fn draft_of_other_fields_imports_unchanged() {
    let (env, db) = env_with_db();
    for article in ["aws-vs-azure.md", "python-vs-go.txt"] {
        let claims = env.path("claims.csv");
        let claims = claims.to_str().unwrap();
        env.run(&["--db", &db, "draft", &fixture(article), "-o", claims])
            .ok();
        let dry = env.run(&[
            "--db",
            &db,
            "import",
            claims,
            "--source",
            &fixture(article),
            "--dry-run",
        ]);
        dry.ok();
        assert!(
            dry.stderr.contains("dry run, nothing written"),
            "{}",
            dry.stderr
        );
    }
}
