//! `ask` (issue 13): every question of ../shared/eval/ask-dev.json, and the ones
//! found failing since (tests/fixtures/ask-extra.json), run through the real binary
//! and judged exactly as ../shared/eval/README.md says.

use std::path::PathBuf;

use serde_json::Value;

use crate::support::Env;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// One question with what a right answer holds.
struct Case {
    q: String,
    kind: String,
    subjects: Vec<String>,
    lines: Vec<u64>,
    /// Fixture files to import first: `[claims file, article]`.
    import: Option<(String, String)>,
}

fn cases(path: &std::path::Path) -> Vec<Case> {
    let text = std::fs::read_to_string(path).unwrap();
    let all: Value = serde_json::from_str(&text).unwrap();
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| a.iter().map(|s| s.as_str().unwrap().to_string()).collect())
            .unwrap_or_default()
    };
    all.as_array()
        .unwrap()
        .iter()
        .map(|c| Case {
            q: c["q"].as_str().unwrap().to_string(),
            kind: c["kind"].as_str().unwrap().to_string(),
            subjects: strings(&c["expect_subjects"]),
            lines: c["expect_lines"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l.as_u64().unwrap())
                .collect(),
            import: c["import"].as_array().map(|pair| {
                let s = |i: usize| pair[i].as_str().unwrap().to_string();
                (s(0), s(1))
            }),
        })
        .collect()
}

/// The judgement of ../shared/eval/README.md; None when the answer is right.
fn judge(env: &Env, case: &Case) -> Option<String> {
    let run = env.run(&["ask", &case.q, "--format", "json"]);
    let wrong = |why: &str| {
        Some(format!(
            "{:?} ({}): {why}\n  exit {}\n  stderr: {}\n  stdout: {}",
            case.q,
            case.kind,
            run.code,
            run.stderr.trim(),
            run.stdout.chars().take(600).collect::<String>()
        ))
    };
    if run.code != 0 {
        return wrong("exit code is not 0");
    }
    let rows: Vec<Value> = if run.stdout.trim().is_empty() {
        Vec::new()
    } else {
        match serde_json::from_str::<Value>(&run.stdout) {
            Ok(Value::Array(rows)) => rows,
            _ => return wrong("stdout is not a JSON array"),
        }
    };
    let says_no_claim = run.stderr.contains("no claim");
    let cited = |r: &Value| r["line_start"].as_u64().is_some();
    if case.kind == "unanswerable" {
        if rows.iter().any(cited) {
            return wrong("a row with a citation");
        }
        if !says_no_claim {
            return wrong("stderr does not say there is no claim");
        }
        return None;
    }
    if case.lines.is_empty() {
        // A subject with no claim on the topic.
        let shown_unknown = case.subjects.iter().all(|s| {
            rows.iter()
                .any(|r| r["subject"] == s.as_str() && r["stance"] == "unknown" && !cited(r))
        });
        if !(shown_unknown || says_no_claim) {
            return wrong("neither an 'unknown' row nor 'no claim' on stderr");
        }
        if rows
            .iter()
            .any(|r| cited(r) && case.subjects.iter().any(|s| r["subject"] == s.as_str()))
        {
            return wrong("a cited row for a subject with no claim");
        }
        return None;
    }
    for s in &case.subjects {
        if !rows.iter().any(|r| r["subject"] == s.as_str()) {
            return wrong(&format!("no row about {s}"));
        }
    }
    let hit = rows.iter().any(
        |r| match (r["line_start"].as_u64(), r["line_end"].as_u64()) {
            (Some(a), Some(b)) => case.lines.iter().any(|l| (a..=b).contains(l)),
            _ => false,
        },
    );
    if !hit {
        return wrong(&format!("no row cites any of lines {:?}", case.lines));
    }
    if rows.len() > 30 {
        return wrong(&format!("{} rows (more than 30)", rows.len()));
    }
    let about = rows
        .iter()
        .filter(|r| case.subjects.iter().any(|s| r["subject"] == s.as_str()))
        .count();
    if about * 2 <= rows.len() {
        return wrong(&format!(
            "only {about} of {} rows are about {:?}",
            rows.len(),
            case.subjects
        ));
    }
    None
}

fn import_fixture(env: &Env, (claims, article): &(String, String)) {
    env.run(&[
        "import",
        &format!("{FIXTURES}/{claims}"),
        "--source",
        &format!("{FIXTURES}/{article}"),
    ])
    .ok();
}

/// Runs every case (each fixture import in its own environment) and reports every
/// wrong answer at once.
fn judge_all(cases: &[Case]) {
    let plain = Env::new();
    let mut imported: Vec<((String, String), Env)> = Vec::new();
    let mut failures: Vec<String> = Vec::new();
    for case in cases {
        let env = match &case.import {
            None => &plain,
            Some(name) => {
                if !imported.iter().any(|(n, _)| n == name) {
                    let env = Env::new();
                    import_fixture(&env, name);
                    imported.push((name.clone(), env));
                }
                &imported.iter().find(|(n, _)| n == name).unwrap().1
            }
        };
        if let Some(f) = judge(env, case) {
            failures.push(f);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} questions answered wrong:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

/// ../shared, which CI must have and a developer's checkout may not.
fn shared_eval() -> Option<PathBuf> {
    let path = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/eval/ask-dev.json"
    ));
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{} is missing: CI must run the ask evaluation",
        path.display()
    );
    crate::support::skipped(&format!(
        "{} is missing (outside CI the shared evaluation is optional)",
        path.display()
    ));
    None
}

#[test]
fn every_question_of_the_shared_evaluation_is_answered_right() {
    if let Some(path) = shared_eval() {
        let cases = cases(&path);
        assert!(cases.len() >= 40, "{} questions", cases.len());
        judge_all(&cases);
    }
}

#[test]
fn every_question_found_failing_since_is_answered_right() {
    judge_all(&cases(&PathBuf::from(format!("{FIXTURES}/ask-extra.json"))));
}

/// Questions written before looking at `ask`'s word lists, about articles of other
/// fields (tests/fixtures/kafka-vs-rabbitmq.txt, postgres-vs-mysql.md) and the
/// shipped one.
#[test]
fn questions_written_blind_on_another_field_are_answered_right() {
    judge_all(&cases(&PathBuf::from(format!(
        "{FIXTURES}/ask-unseen.json"
    ))));
}

/// A subject with no claim of its own on the topic, named as the other side of a
/// comparison on it: the comparison is shown, and the subject's silence said.
#[test]
fn a_subject_only_compared_against_gets_the_comparison() {
    let env = Env::new();
    import_fixture(
        &env,
        &(
            "kafka-vs-rabbitmq-claims.csv".to_string(),
            "kafka-vs-rabbitmq.txt".to_string(),
        ),
    );
    let run = env.run(&["ask", "is kafka easy to learn", "--format", "json"]);
    let rows = run.json();
    assert_eq!(rows[0]["line_start"], 52, "{run:#?}");
    assert!(
        run.stderr.contains(
            "kafka: no claim of its own; rabbitmq is easier to learn than kafka (line 52)"
        ) && run
            .stderr
            .contains("no claim on 'learning-curve' for kafka"),
        "{}",
        run.stderr
    );
}

/// "does flask support graphql": understood, answered honestly: exit 0, no rows,
/// and the knowledge base's silence said in words.
#[test]
fn a_question_understood_but_unanswered_says_there_is_no_claim() {
    let env = Env::new();
    let run = env.run(&["ask", "does flask support graphql", "--format", "json"]);
    assert_eq!(run.json(), serde_json::json!([]), "{run:#?}");
    assert!(
        run.stderr
            .contains("no claim on 'graphql' for flask in the knowledge base"),
        "{}",
        run.stderr
    );
    // A known topic the subject has no claim on: who does have claims is said.
    let run = env.run(&["ask", "does flask ship with an admin interface?"]);
    assert!(run.ok().trim().is_empty(), "{run:#?}");
    assert!(
        run.stderr
            .contains("no claim on 'admin-interface' for flask")
            && run
                .stderr
                .contains("claims on admin-interface exist for django"),
        "{}",
        run.stderr
    );
}

/// Only a question with nothing recognisable is a usage error, and it teaches.
#[test]
fn a_question_naming_nothing_known_is_a_usage_error_with_examples() {
    let env = Env::new();
    let err = env
        .run(&["ask", "what's the weather like \u{1b}[2J"])
        .fails_with(2)
        .to_string();
    assert!(err.contains("does django have "), "{err}");
    assert!(err.contains("who uses django"), "{err}");
    assert!(!err.contains('\u{1b}'), "raw escape on stderr: {err:?}");
}

/// The verdict is the article's own: "it depends", with its line; never a tally.
#[test]
fn a_comparison_verdict_is_the_articles_own() {
    let env = Env::new();
    let run = env.run(&[
        "ask",
        "which is better, flask or django?",
        "--format",
        "json",
    ]);
    let rows = run.json();
    assert!(
        rows.as_array()
            .unwrap()
            .iter()
            .any(|r| r["line_start"] == 248 && r["stance"] == "depends"),
        "{rows:#}"
    );
    assert!(
        run.stderr.contains("The article says it depends") && run.stderr.contains("(line 248)"),
        "{}",
        run.stderr
    );
    let run = env.run(&["ask", "Which is easier to learn, Django or Flask?"]);
    let out = run.ok();
    assert!(
        out.contains("The article says: ") && out.contains("(line 283)"),
        "{out}"
    );
    assert!(!out.contains("pros") && !out.contains("in favour"), "{out}");
}

/// stderr names the precise command, and the rows are that command's rows.
#[test]
fn ask_says_how_it_read_the_question_and_keeps_the_commands_rows() {
    let env = Env::new();
    let asked = env.run(&[
        "ask",
        "which framework doesn't have built-in login?",
        "--format",
        "json",
    ]);
    assert!(
        asked
            .stderr
            .contains("reading this as: claimdb which lacks built-in authentication"),
        "{}",
        asked.stderr
    );
    // The command's rows of the subjects that answer yes; the others are named in
    // the coverage line.
    let direct = env.run(&[
        "which",
        "lacks",
        "built-in",
        "authentication",
        "--format",
        "json",
    ]);
    let yes: Vec<Value> = direct
        .json()
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["answer"] == "yes")
        .cloned()
        .collect();
    assert!(!yes.is_empty());
    assert_eq!(asked.json(), Value::Array(yes));
    assert!(asked.stderr.contains("django does not"), "{}", asked.stderr);

    let asked = env.run(&["ask", "Flsk limitations", "--format", "json"]);
    assert!(
        asked.stderr.contains("reading 'flsk' as 'flask'")
            && asked
                .stderr
                .contains("reading this as: claimdb limitations --subject flask"),
        "{}",
        asked.stderr
    );
    let direct = env.run(&["limitations", "--subject", "flask", "--format", "json"]);
    let keys = |v: &Value| -> Vec<String> { v[0].as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys(&asked.json()), keys(&direct.json()));
}

/// A yes/no question gets its verdict line from the stances, with a count.
#[test]
fn a_yes_no_question_gets_a_verdict_line() {
    let env = Env::new();
    let out = env
        .run(&["ask", "does flask have an orm?"])
        .ok()
        .to_string();
    assert!(
        out.contains("flask: no, not built in; available through extensions ("),
        "{out}"
    );
    let out = env
        .run(&["ask", "is there an admin panel in django"])
        .ok()
        .to_string();
    assert!(out.contains("django: yes, built in ("), "{out}");
}

/// The rule of the house: nothing in `ask` names a subject or company of the
/// shipped article (outside its unit tests), so it serves any article the same way.
#[test]
fn ask_code_names_no_subject_or_company_of_the_seed() {
    let root = env!("CARGO_MANIFEST_DIR");
    let claims = std::fs::read_to_string(format!("{root}/seed/claims.csv")).unwrap();
    let mut names: Vec<String> = Vec::new();
    for line in claims.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        names.push(cells[0].to_lowercase());
        if cells[1] == "company" {
            names.push(cells[4].to_lowercase());
        }
    }
    names.sort();
    names.dedup();
    // Every file of src/ask, however it is split.
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(format!("{root}/src/ask"))];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    assert!(files.len() >= 3, "{files:?}");
    for path in files {
        let file = path
            .strip_prefix(format!("{root}/src/ask/"))
            .unwrap()
            .display();
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap().to_lowercase();
        let words: Vec<&str> = code
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        for name in &names {
            assert!(
                !words.contains(&name.as_str()),
                "src/ask/{file} names '{name}'"
            );
        }
    }
}

/// A made-up README: three claims of one server, each in its own words.
const QUOKKA_README: &str = "# Quokka\n\n\
Quokka is a web server that speaks HTTP/1.1, HTTP/2 and HTTP/3 by default.\n\n\
Building Quokka from source requires the Zig toolchain 0.14 or newer.\n\n\
Quokka is a project of Numbat Labs, a Kestrel company.\n";

fn quokka_env() -> (crate::support::Env, String) {
    let (env, db) = crate::support::env_with_db();
    let article = env.write("quokka.md", QUOKKA_README);
    let claims = env.write(
        "quokka.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         quokka,feature,http-versions,builtin,,\"Quokka speaks HTTP/1.1, HTTP/2 and HTTP/3.\",\"speaks HTTP/1.1, HTTP/2 and HTTP/3 by default\",3,3,features\n\
         quokka,fact,build-requirement,,Zig 0.14,Building Quokka from source requires the Zig toolchain 0.14 or newer.,Building Quokka from source requires the Zig toolchain 0.14 or newer.,5,5,features\n\
         quokka,fact,ownership,,Numbat Labs,\"Quokka is a project of Numbat Labs, a Kestrel company.\",\"Quokka is a project of Numbat Labs, a Kestrel company.\",7,7,features\n",
    );
    env.import(&db, &claims, &article).ok();
    (env, db)
}

/// A topic read from one word of its name ("version" of `http-versions`) does not
/// beat the claim that says the question's other words ("zig", "build"); and a
/// company asked about where no company claim exists is answered from the claim
/// that says "company".
#[test]
fn the_claims_own_words_beat_a_topic_read_from_one_word() {
    let (env, db) = quokka_env();
    let lines = |q: &str| -> Vec<i64> {
        let run = env.run(&["--db", &db, "ask", q, "--format", "json"]);
        run.json()
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["line_start"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(lines("what zig version do i need to build quokka"), [5]);
    assert_eq!(lines("which company is behind quokka"), [7]);
    // The topic's own words still answer.
    assert_eq!(lines("does quokka support http/3"), [3]);
}

/// An attribute no claim holds (a price, a release date, a licence) is said to be
/// missing before what is near it is shown, on stderr: no row answers as if it
/// were the price.
#[test]
fn an_attribute_the_claims_do_not_hold_is_said_missing_then_what_is_near() {
    let (env, db) = quokka_env();
    for (q, says) in [
        (
            "how much does quokka cost",
            "the knowledge base does not say the cost of quokka",
        ),
        (
            "when was quokka released",
            "the knowledge base does not say the release date of quokka",
        ),
        (
            "what licence does quokka use",
            "the knowledge base does not say the licence of quokka",
        ),
        (
            "what is the bundle size of quokka",
            "the knowledge base does not say the bundle of quokka",
        ),
        // Two letters: searched as the word itself (a database error before).
        (
            "what is the qx of quokka",
            "the knowledge base does not say the qx of quokka",
        ),
    ] {
        let run = env.run(&["--db", &db, "ask", q, "--format", "json"]);
        assert_eq!(run.json(), serde_json::json!([]), "{q}: {run:#?}");
        let said = run.stderr.find(says);
        let near = run.stderr.find("quokka build-requirement (line 5)");
        assert!(
            said.is_some() && near.is_some() && said < near,
            "{q}: {}",
            run.stderr
        );
    }
}

/// A claim that names other subjects ("Alpha, Beta and Gamma lack caching", a
/// claim of Alpha's) answers for them too: the row is shown for the subject asked,
/// without Alpha's stance, and stderr says whose claim it is.
#[test]
fn a_subject_named_only_in_another_subjects_claim_is_shown_with_it() {
    let (env, db) = crate::support::env_with_db();
    let article = env.write(
        "trio.md",
        "# Alpha, Beta and Gamma\n\nAlpha, Beta and Gamma do not support caching.\n\nBeta has built-in routing.\n",
    );
    let claims = env.write(
        "trio.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         alpha,feature,caching,lacks,,\"Alpha, Beta and Gamma do not support caching.\",\"Alpha, Beta and Gamma do not support caching.\",3,3,features\n\
         beta,feature,routing,builtin,,Beta has built-in routing.,Beta has built-in routing.,5,5,features\n",
    );
    env.import(&db, &claims, &article).ok();
    let run = env.run(&[
        "--db",
        &db,
        "ask",
        "does beta support caching",
        "--format",
        "json",
    ]);
    let rows = run.json();
    let beta = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["subject"] == "beta")
        .unwrap_or_else(|| panic!("no row for beta: {rows:#}"));
    assert_eq!(beta["line_start"], 3);
    assert_eq!(beta["stance"], serde_json::Value::Null);
    assert!(
        run.stderr
            .contains("beta: no claim of its own; alpha's claim names it (line 3)"),
        "{}",
        run.stderr
    );
    // The same in a `which` answer: Beta's row is the line that names it.
    let run = env.run(&[
        "--db",
        &db,
        "ask",
        "which lacks caching",
        "--format",
        "json",
    ]);
    let rows = run.json();
    let beta = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["subject"] == "beta")
        .unwrap_or_else(|| panic!("no row for beta: {rows:#}"));
    assert_eq!(beta["line_start"], 3);
    assert_eq!(beta["answer"], "named in alpha's claim");
    assert_eq!(beta["stance"], serde_json::Value::Null);
}

/// Two topics of two articles read from one shared word ("data"), no subject
/// named: the topic whose claims say the question's other words answers alone.
#[test]
fn a_shared_word_names_the_topic_whose_claims_say_the_rest() {
    let (env, db) = crate::support::env_with_db();
    for (slug, subject, topic, line) in [
        (
            "alpha-notes",
            "alpha",
            "data-loss",
            "Alpha can lose up to 2 hours of recent data.",
        ),
        (
            "beta-notes",
            "beta",
            "data-import",
            "Beta imports data from CSV files.",
        ),
    ] {
        let article = env.write(&format!("{slug}.md"), format!("# {subject}\n\n{line}\n"));
        let claims = env.write(
            &format!("{slug}.csv"),
            format!(
                "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
                 {subject},limitation,{topic},,,{line},{line},3,3,features\n"
            ),
        );
        env.import(&db, &claims, &article).ok();
    }
    let run = env.run(&[
        "--db",
        &db,
        "ask",
        "which of these can lose hours of recent data",
        "--format",
        "json",
    ]);
    let topics: Vec<String> = run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["topic"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(topics, ["data-loss"], "{}", run.stderr);
}

/// A made-up article: one line a claim, `(subject, kind, topic, stance, statement)`,
/// imported as `slug`; the claim of line i (from 0) stands at line 3 + 2i.
fn made_up(env: &Env, db: &str, slug: &str, claims: &[(&str, &str, &str, &str, &str)]) {
    let mut article = format!("# {slug}\n");
    let mut csv = String::from(
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n",
    );
    for (i, (subject, kind, topic, stance, statement)) in claims.iter().enumerate() {
        article.push('\n');
        article.push_str(statement);
        article.push('\n');
        let line = 3 + 2 * i;
        let value = if matches!(*kind, "fact" | "company" | "comparison") {
            "x"
        } else {
            ""
        };
        csv.push_str(&format!(
            "{subject},{kind},{topic},{stance},{value},\"{statement}\",\"{statement}\",{line},{line},features\n"
        ));
    }
    imported(env, db, slug, &article, &csv);
}

/// Writes `article` and its import file `csv` as SLUG.md and SLUG.csv, and
/// imports them.
fn imported(env: &Env, db: &str, slug: &str, article: &str, csv: &str) {
    let article = env.write(&format!("{slug}.md"), article);
    let claims = env.write(&format!("{slug}.csv"), csv);
    let run = env.import(db, &claims, &article);
    assert_eq!(run.code, 0, "{run:#?}");
}

/// The lines of `ask`'s rows, and its stderr.
fn ask_lines(env: &Env, db: &str, q: &str) -> (Vec<i64>, String) {
    let run = env.run(&["--db", db, "ask", q, "--format", "json"]);
    assert_eq!(run.code, 0, "{q}: {run:#?}");
    let lines = run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["line_start"].as_i64())
        .collect();
    (lines, run.stderr)
}

/// A question whose free words no claim says all of ("what happens to X in a
/// network partition") is answered by the subject's claim that says the weightier
/// of them ("partitioned"), not by a text search needing every word; a claim
/// saying only a word most claims say ("needs") answers nothing; words of grammar
/// ("still") ask nothing.
#[test]
fn a_subjects_claim_saying_the_telling_words_answers_free_words() {
    let (env, db) = crate::support::env_with_db();
    made_up(
        &env,
        &db,
        "zorbdb-faq",
        &[
            (
                "zorbdb",
                "fact",
                "cap-stance",
                "",
                "Zorbdb is CP: when the cluster is partitioned, only the majority side stays available.",
            ),
            (
                "zorbdb",
                "fact",
                "write-path",
                "",
                "Every Zorbdb write needs two round trips to a quorum.",
            ),
            (
                "zorbdb",
                "fact",
                "read-path",
                "",
                "A Zorbdb read needs one round trip to the leader.",
            ),
            (
                "zorbdb",
                "fact",
                "upkeep",
                "",
                "Zorbdb's maintenance is done by its author, who plans to support it indefinitely.",
            ),
        ],
    );
    let (lines, err) = ask_lines(&env, &db, "what happens to zorbdb in a network partition");
    assert_eq!(lines, [3], "{err}");
    let (lines, err) = ask_lines(&env, &db, "is zorbdb still maintained");
    assert_eq!(lines, [9], "{err}");
    let (lines, err) = ask_lines(&env, &db, "what hardware does zorbdb need");
    assert!(
        lines.is_empty() && err.contains("no claim"),
        "{lines:?} {err}"
    );
}

/// A subject asked under the other name its article gives it ("Zorbgrep (zg)" in
/// the text, or "zorbgrepjs") is that subject, from that article only: another
/// article's subject is never reached through it.
#[test]
fn a_subject_asked_by_the_other_name_its_article_gives_it_is_that_subject() {
    let (env, db) = crate::support::env_with_db();
    let article = env.write(
        "zorbgrep.md",
        "# Zorbgrep (zg)\n\nZorbgrep skips hidden files by default.\n",
    );
    let claims = env.write(
        "zorbgrep.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         zorbgrep,feature,hidden-files,lacks,,Zorbgrep skips hidden files by default.,Zorbgrep skips hidden files by default.,3,3,features\n",
    );
    assert_eq!(env.import(&db, &claims, &article).code, 0);
    made_up(
        &env,
        &db,
        "other-tools",
        &[(
            "quibble",
            "feature",
            "hidden-files",
            "builtin",
            "Quibble searches hidden files.",
        )],
    );
    made_up(
        &env,
        &db,
        "zorb-kit-readme",
        &[(
            "zorb-kit",
            "feature",
            "hidden-files",
            "builtin",
            "Zorb-kit searches hidden files.",
        )],
    );
    let (lines, err) = ask_lines(&env, &db, "does zorbkit search hidden files");
    assert_eq!(lines, [3], "{err}");
    assert!(err.contains("--subject zorb-kit"), "{err}");
    for q in [
        "does zg search hidden files",
        "does zorbgrepjs search hidden files",
    ] {
        let run = env.run(&["--db", &db, "ask", q, "--format", "json"]);
        assert_eq!(run.code, 0, "{q}: {run:#?}");
        let subjects: Vec<String> = run
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["subject"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(subjects, ["zorbgrep"], "{q}: {}", run.stderr);
    }
}

/// A subject asked by the command its article writes as code ("the `qx` command"):
/// the command's letters, in the order of one of that article's subjects' names
/// and from its first letter, name that subject; another article's subject that
/// the letters would fit as well is never reached through it.
#[test]
fn a_subject_asked_by_its_command_is_that_subject() {
    let (env, db) = crate::support::env_with_db();
    imported(
        &env,
        &db,
        "quuxutsu-vs-zit",
        "# Quuxutsu vs Zit\n\nZit has a staging area.\n\nQuuxutsu has no staging area.\n\nThe `qx` command talks to Zit repositories.\n",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         quuxutsu,feature,staging-area,lacks,,Quuxutsu has no staging area.,Quuxutsu has no staging area.,5,5,features\n\
         zit,feature,staging-area,builtin,,Zit has a staging area.,Zit has a staging area.,3,3,features\n",
    );
    made_up(
        &env,
        &db,
        "quixote-readme",
        &[(
            "quixote",
            "feature",
            "staging-area",
            "builtin",
            "Quixote has a staging area.",
        )],
    );
    // Line 5 is Quuxutsu's claim alone (Zit's and Quixote's stand at line 3).
    let (lines, err) = ask_lines(&env, &db, "does qx have a staging area");
    assert_eq!(lines, [5], "{err}");
    assert!(err.contains("--subject quuxutsu"), "{err}");
}

/// A class word ("a linter", "the browser") keeps an answer to the articles of
/// that class, unless the question names a subject of another article: then that
/// subject is what is asked about, and its article answers.
#[test]
fn a_class_word_does_not_limit_away_the_subject_named() {
    let (env, db) = crate::support::env_with_db();
    made_up(
        &env,
        &db,
        "zorbdb-database",
        &[(
            "zorbdb",
            "fact",
            "what-it-is",
            "",
            "Zorbdb is an embedded key-value store, not a linter.",
        )],
    );
    made_up(
        &env,
        &db,
        "quibble-linter",
        &[(
            "quibble",
            "fact",
            "what-it-is",
            "",
            "Quibble is a linter for style.",
        )],
    );
    let (lines, err) = ask_lines(&env, &db, "is zorbdb a linter");
    assert_eq!(lines, [3], "{err}");
    assert!(!err.contains("quibble"), "{err}");
}

/// Two subjects asked about with words no claim says ("should I wait for A or
/// switch to B", "is A heavier than B" where no topic says weight): the claims
/// comparing them, and each one's claims naming the other, answer; not "no claim".
#[test]
fn two_subjects_asked_in_words_no_claim_says_get_what_is_said_of_both() {
    let (env, db) = crate::support::env_with_db();
    made_up(
        &env,
        &db,
        "zorb-vs-quib",
        &[
            (
                "zorb",
                "comparison",
                "api-style",
                "",
                "Zorb breaks Quib's API conventions.",
            ),
            (
                "zorb",
                "fact",
                "origin",
                "",
                "Zorb was written from scratch as a modernized Quib.",
            ),
            ("zorb", "fact", "license", "", "Zorb is MIT licensed."),
            ("quib", "fact", "license", "", "Quib is Apache licensed."),
        ],
    );
    let (lines, err) = ask_lines(&env, &db, "should i wait for quib 3 or switch to zorb");
    assert!(lines.contains(&3) && lines.contains(&5), "{lines:?} {err}");
    assert!(
        !lines.contains(&7) && !lines.contains(&9),
        "{lines:?} {err}"
    );
    assert!(err.contains("reading this as: claimdb claims"), "{err}");
    assert!(!err.contains("; claims"), "{err}");
}

/// A word that is one word of another article's subject name ("node" of
/// "single-node-quux"), beside a subject named whole, is the question's own word:
/// the answer keeps to the subject named, and to its article.
#[test]
fn one_word_of_another_articles_longer_name_is_no_subject_beside_a_named_one() {
    let (env, db) = crate::support::env_with_db();
    made_up(
        &env,
        &db,
        "zorbgrep-readme",
        &[(
            "zorbgrep",
            "feature",
            "hidden-files",
            "lacks",
            "Zorbgrep skips hidden files and node folders by default.",
        )],
    );
    made_up(
        &env,
        &db,
        "quux-faq",
        &[(
            "single-node-quux",
            "fact",
            "what-it-is",
            "",
            "Single node Quux is one process.",
        )],
    );
    let run = env.run(&[
        "--db",
        &db,
        "ask",
        "why does zorbgrep skip my node folders",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{run:#?}");
    let sources: Vec<String> = run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["source"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(sources, ["zorbgrep-readme"], "{}", run.stderr);
    assert!(!run.stderr.contains("single-node-quux"), "{}", run.stderr);
}

/// "is X smaller than Y" where Y names no subject (an unknown name, or a word of
/// some topic's name): no claim compares X with it, and X's other claims on the
/// topic do not answer; a comparison of X with "the others" on the topic does.
#[test]
fn a_subject_compared_with_what_names_no_subject_is_no_claim_unless_against_all() {
    let (env, db) = crate::support::env_with_db();
    made_up(
        &env,
        &db,
        "zorb-readme",
        &[
            (
                "zorb",
                "pro",
                "small-footprint",
                "",
                "Zorb has a small footprint.",
            ),
            (
                "zorb",
                "comparison",
                "memory-safety",
                "",
                "Zorb gives higher memory safety than other servers.",
            ),
            (
                "zorb",
                "feature",
                "node-bindings",
                "builtin",
                "Zorb ships node bindings.",
            ),
        ],
    );
    for q in ["is zorb smaller than quuxkit", "is zorb smaller than node"] {
        let (lines, err) = ask_lines(&env, &db, q);
        assert!(
            lines.is_empty() && err.contains("no claim"),
            "{q}: {lines:?} {err}"
        );
    }
    let (lines, err) = ask_lines(&env, &db, "is zorb more memory safe than blipd");
    assert_eq!(lines, [5], "{err}");
}

/// A subject with no claim of its own on the topic asked, where another subject's
/// claim on it names the subject ("Numbat Labs sells support for Zorb"): that claim
/// answers, and the command shown lists it.
#[test]
fn another_subjects_claim_naming_the_subject_answers_for_it() {
    let (env, db) = crate::support::env_with_db();
    made_up(
        &env,
        &db,
        "zorb-readme",
        &[
            ("zorb", "fact", "maturity", "", "Zorb is beta software."),
            (
                "numbat-labs",
                "fact",
                "commercial-support",
                "",
                "Numbat Labs sells commercial support for Zorb.",
            ),
            (
                "wombat-co",
                "fact",
                "commercial-support",
                "",
                "Wombat Co sells commercial support for Quux.",
            ),
        ],
    );
    let (lines, err) = ask_lines(&env, &db, "who sells commercial support for zorb");
    assert!(lines.contains(&5) && !lines.contains(&7), "{lines:?} {err}");
    assert!(
        err.contains("claimdb claims --topic commercial-support --text zorb"),
        "{err}"
    );
}

/// One word that reads several topics ("version" of `http-versions` and
/// `db-versions`) does not choose between them: the subject's claim that says
/// the question's words with it ("zig" and "version") is the one asked about.
#[test]
fn a_word_of_several_topics_lets_the_claims_words_choose() {
    let (env, db) = crate::support::env_with_db();
    made_up(
        &env,
        &db,
        "quokka-faq",
        &[
            (
                "quokka",
                "fact",
                "http-versions",
                "",
                "Quokka speaks HTTP versions 1.1 and 2.",
            ),
            (
                "quokka",
                "fact",
                "db-versions",
                "",
                "Quokka supports the database versions still maintained.",
            ),
            (
                "quokka",
                "fact",
                "toolchain-policy",
                "",
                "Quokka supports only the latest stable version of Zig.",
            ),
        ],
    );
    let (lines, err) = ask_lines(&env, &db, "what's the minimum zig version for quokka");
    assert_eq!(lines, [7], "{err}");
}

/// "is A faster than B" where B has no claim on the topic and no comparison with A
/// exists: A's claims that name B ("versus 14,200 for Quib") show what the article
/// says of B, so both sides appear.
#[test]
fn a_silent_side_of_a_comparison_appears_through_the_other_sides_claims_naming_it() {
    let (env, db) = crate::support::env_with_db();
    made_up(
        &env,
        &db,
        "zorb-readme",
        &[
            (
                "zorb",
                "pro",
                "performance",
                "",
                "Zorb is one of the fastest servers.",
            ),
            (
                "zorb",
                "fact",
                "requests-per-second",
                "",
                "Zorb served 77,193 requests/sec, versus 14,200 for Quib.",
            ),
            ("quib", "fact", "license", "", "Quib is MIT licensed."),
        ],
    );
    let run = env.run(&[
        "--db",
        &db,
        "ask",
        "is zorb faster than quib",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{run:#?}");
    let rows = run.json();
    let rows = rows.as_array().unwrap();
    assert!(rows.iter().any(|r| r["line_start"] == 5), "{}", run.stderr);
    assert!(
        rows.iter()
            .any(|r| r["subject"] == "quib" && r["line_start"] == 5),
        "{}",
        run.stderr
    );
    assert!(!rows.iter().any(|r| r["line_start"] == 7), "{}", run.stderr);
}

/// More claims than an answer shows: the first 30 are written, and stderr says so
/// once, with the command that lists them all.
#[test]
fn a_long_answer_says_once_that_it_shows_the_first_claims() {
    let env = Env::new();
    let run = env.run(&["ask", "pros and cons", "--format", "json"]);
    let rows = run.json();
    assert_eq!(rows.as_array().map(Vec::len), Some(30), "{}", run.stderr);
    assert_eq!(
        run.stderr.matches("showing the first 30 of ").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("claims; all of them: claimdb "),
        "{}",
        run.stderr
    );
}

/// A question typed with full-width letters (an East Asian input method) or with
/// characters that show nothing inside a word reads as the words it shows: the same
/// rows as the plain question, and no typo correction said.
#[test]
fn full_width_and_zero_width_characters_read_as_the_words_they_show() {
    let env = Env::new();
    let plain = env.run(&["ask", "does flask have an orm?", "--format", "json"]);
    // The plain question's answer cites flask's claims: an empty answer on both
    // sides would compare equal and check nothing.
    assert!(
        plain
            .json()
            .as_array()
            .is_some_and(|rows| rows.iter().any(|r| r["subject"] == "flask")),
        "{}",
        plain.stdout
    );
    for typed in [
        "does ｆｌａｓｋ have an ｏｒｍ？",
        "does\u{3000}flask have an orm?",
        "does fla\u{200b}sk have an o\u{200d}rm?",
        "\u{feff}does flask have an\u{ad} orm?",
    ] {
        let run = env.run(&["ask", typed, "--format", "json"]);
        assert_eq!(run.json(), plain.json(), "{typed}: {}", run.stderr);
        assert!(!run.stderr.contains("reading '"), "{typed}: {}", run.stderr);
    }
}

/// "why use A over B", "why A instead of B": a preference between two subjects
/// asks how they compare, so the article's comparison between them answers, not
/// each one's pros.
#[test]
fn why_use_one_over_another_is_answered_by_their_comparison() {
    let (env, db) = crate::support::env_with_db();
    imported(
        &env,
        &db,
        "quuxdb-vs-zorbdb",
        "# Quuxdb vs Zorbdb\n\nQuuxdb is easy to install.\n\nQuuxdb's schemas are far more concise than Zorbdb's.\n",
        "subject,kind,topic,stance,value,versus,listed,statement,quote,line_start,line_end,category\n\
         quuxdb,pro,installation,,,,,Quuxdb is easy to install.,Quuxdb is easy to install.,3,3,features\n\
         quuxdb,comparison,schema-conciseness,,more concise,zorbdb,,Quuxdb's schemas are far more concise than Zorbdb's.,Quuxdb's schemas are far more concise than Zorbdb's.,5,5,features\n",
    );
    for q in [
        "why use quuxdb over zorbdb",
        "why use quuxdb instead of zorbdb",
    ] {
        let (lines, err) = ask_lines(&env, &db, q);
        assert!(lines.contains(&5), "{q}: {lines:?} {err}");
    }
}
