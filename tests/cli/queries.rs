//! The read commands of issue 3: compare, the lists, claims, show, ask, and the
//! errors that teach.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::support::{Env, quote_at};

fn json_rows(env: &Env, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    env.run(&all).json().as_array().unwrap().clone()
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[track_caller]
fn assert_cited(rows: &[Value]) {
    assert!(!rows.is_empty());
    for r in rows {
        let (start, end) = (
            r["line_start"].as_u64().unwrap(),
            r["line_end"].as_u64().unwrap(),
        );
        assert!(quote_at(r["quote"].as_str().unwrap(), start, end), "{r}");
    }
}

#[test]
fn compare_shows_every_topic_either_subject_has_a_claim_on() {
    let env = Env::new();
    let claimed: BTreeSet<String> = json_rows(&env, &["claims", "-s", "django", "-s", "flask"])
        .iter()
        .map(|r| r["topic"].as_str().unwrap().to_string())
        .collect();
    let out = env.run(&["--format", "csv", "compare", "django", "flask"]);
    let rows = csv_rows(out.ok());
    assert_eq!(rows[0], ["topic", "category", "django", "flask", "verdict"]);
    let topics: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    let unique: BTreeSet<String> = topics.iter().map(|t| t.to_string()).collect();
    assert_eq!(unique.len(), topics.len(), "one row per topic");
    assert_eq!(unique, claimed);
    let cite = regex_like_citation;
    for row in &rows[1..] {
        assert!(row[2..].iter().any(|c| !c.is_empty()), "{row:?}");
        for cell in row[2..].iter().filter(|c| !c.is_empty()) {
            assert!(cite(cell), "cell without a citation: {cell}");
        }
    }
    let auth = rows.iter().find(|r| r[0] == "authentication").unwrap();
    assert!(auth[2].starts_with("builtin (django-vs-flask:"), "{auth:?}");
    assert!(auth[3].contains("lacks (django-vs-flask:132"), "{auth:?}");
}

/// "stance (source:LINE" somewhere in the cell.
fn regex_like_citation(cell: &str) -> bool {
    cell.split("(django-vs-flask:")
        .skip(1)
        .all(|rest| rest.chars().next().is_some_and(|c| c.is_ascii_digit()))
        && cell.contains("(django-vs-flask:")
}

#[test]
fn compare_on_a_category_narrows_it() {
    let env = Env::new();
    let rows = json_rows(&env, &["compare", "django", "flask", "--on", "performance"]);
    assert!(!rows.is_empty());
    for r in &rows {
        assert_eq!(r["category"], "performance", "{r}");
    }
    let all = json_rows(&env, &["compare", "django", "flask"]);
    assert!(rows.len() < all.len());
    assert!(
        rows.iter()
            .any(|r| r["topic"] == "performance" && r["subject"] == "django")
    );
}

#[test]
fn companies_of_django_include_pinterest_and_both_means_pinterest() {
    let env = Env::new();
    let rows = json_rows(&env, &["companies", "--subject", "django"]);
    assert_cited(&rows);
    let names: BTreeSet<&str> = rows
        .iter()
        .map(|r| r["company"].as_str().unwrap())
        .collect();
    for company in ["Instagram", "Spotify", "YouTube", "Dropbox", "Pinterest"] {
        assert!(names.contains(company), "{names:?}");
    }
    assert!(rows.iter().all(|r| r["subject"] == "django"));

    let both = json_rows(&env, &["ask", "which companies use both"]);
    assert_cited(&both);
    let names: BTreeSet<&str> = both
        .iter()
        .map(|r| r["company"].as_str().unwrap())
        .collect();
    assert_eq!(names, BTreeSet::from(["Pinterest"]));
    let subjects: BTreeSet<&str> = both
        .iter()
        .map(|r| r["subject"].as_str().unwrap())
        .collect();
    assert_eq!(subjects, BTreeSet::from(["django", "flask"]));
}

#[test]
fn ask_answers_with_citations() {
    let env = Env::new();
    let created = json_rows(&env, &["ask", "who created flask"]);
    assert_cited(&created);
    assert!(
        created
            .iter()
            .any(|r| r["value"].as_str().unwrap_or("").contains("Armin Ronacher")),
        "{created:#?}"
    );

    let limits = json_rows(&env, &["ask", "limitations of django"]);
    assert_cited(&limits);
    assert!(
        limits
            .iter()
            .all(|r| r["subject"] == "django" && r["kind"] == "limitation")
    );
    let lines: BTreeSet<u64> = limits
        .iter()
        .map(|r| r["line_start"].as_u64().unwrap())
        .collect();
    assert!((54..=58).all(|n| lines.contains(&n)), "{lines:?}");

    // A comparison answers with the article's comparison claims first, and its
    // verdict is theirs, never a tally of pros and cons.
    let easier = json_rows(&env, &["ask", "which is easier to learn"]);
    assert_cited(&easier);
    assert!(
        easier[0]["subject"] == "flask" && easier[0]["kind"] == "comparison",
        "{easier:#?}"
    );
    let text = env
        .run(&["ask", "which is easier to learn"])
        .ok()
        .to_string();
    assert!(text.contains("The article says: "), "{text}");
    assert!(!text.contains("in favour"), "{text}");
}

#[test]
fn an_unreadable_question_shows_examples() {
    let env = Env::new();
    let err = env
        .run(&["ask", "what is the meaning of life"])
        .fails_with(2)
        .to_string();
    // Examples in the knowledge base's own names.
    assert!(err.contains("does django have "), "{err}");
    assert!(
        err.contains("which is easier to learn, django or flask?"),
        "{err}"
    );
}

#[test]
fn flash_is_flask() {
    let env = Env::new();
    let rows = json_rows(
        &env,
        &["claims", "--subject", "Flash", "--kind", "limitation"],
    );
    assert_cited(&rows);
    assert!(
        rows.iter()
            .all(|r| r["subject"] == "flask" && r["kind"] == "limitation")
    );
    let lines: BTreeSet<u64> = rows
        .iter()
        .map(|r| r["line_start"].as_u64().unwrap())
        .collect();
    assert!((131..=135).all(|n| lines.contains(&n)), "{lines:?}");
}

#[test]
fn unknown_names_fail_with_the_usage_code_and_a_suggestion() {
    let env = Env::new();
    let err = env
        .run(&["compare", "django", "flaskk"])
        .fails_with(2)
        .to_string();
    assert!(err.contains("did you mean 'flask'?"), "{err}");
    let err = env
        .run(&["claims", "--topic", "athentication"])
        .fails_with(2)
        .to_string();
    assert!(err.contains("did you mean 'authentication'?"), "{err}");
    let err = env.run(&["show", "999999"]).fails_with(2).to_string();
    assert!(err.contains("no claim 999999"), "{err}");
}

#[test]
fn show_puts_the_quote_in_its_paragraph() {
    let env = Env::new();
    let rows = json_rows(&env, &["claims", "--subject", "flask", "--kind", "company"]);
    let id = rows[0]["claim_id"].as_i64().unwrap();
    let shown = json_rows(&env, &["show", &id.to_string()]);
    assert_eq!(shown.len(), 1);
    let r = &shown[0];
    assert_eq!(r["claim_id"], id);
    assert!(
        r["paragraph"]
            .as_str()
            .unwrap()
            .contains(r["quote"].as_str().unwrap())
    );
    assert!(r["paragraph_start"].as_u64().unwrap() <= r["line_start"].as_u64().unwrap());
    assert_eq!(
        r["source_title"],
        "Django vs. Flask : Which is Powerful and simple ?"
    );
    let text = env.run(&["show", &id.to_string()]).ok().to_string();
    assert!(
        text.contains(&format!("«{}»", r["quote"].as_str().unwrap())),
        "{text}"
    );
}

#[test]
fn the_lists_filter_by_subject() {
    let env = Env::new();
    for (command, kind) in [
        ("limitations", "limitation"),
        ("pros", "pro"),
        ("cons", "con"),
        ("use-cases", "use-case"),
    ] {
        let all = json_rows(&env, &[command]);
        let flask = json_rows(&env, &[command, "--subject", "flask"]);
        assert_cited(&flask);
        assert!(all.iter().all(|r| r["kind"] == kind), "{command}");
        assert!(flask.iter().all(|r| r["subject"] == "flask"), "{command}");
        assert!(flask.len() < all.len(), "{command}");
    }
}

#[test]
fn subjects_and_topics_list_aliases_and_counts() {
    let env = Env::new();
    let subjects = json_rows(&env, &["subjects"]);
    let flask = subjects.iter().find(|r| r["subject"] == "flask").unwrap();
    assert!(
        flask["aliases"]
            .as_array()
            .unwrap()
            .contains(&"Flash".into())
    );
    assert!(flask["claims"].as_i64().unwrap() > 50);
    let topics = json_rows(&env, &["topics", "--category", "built-in components"]);
    assert!(topics.iter().all(|r| r["category"] == "components"));
    let auth = topics
        .iter()
        .find(|r| r["topic"] == "authentication")
        .unwrap();
    assert!(auth["aliases"].as_array().unwrap().contains(&"auth".into()));
}

#[test]
fn every_command_has_help_with_an_example() {
    let env = Env::new();
    let commands = crate::support::commands();
    // From the CLI definition: the two a hand-written list once missed are there.
    for missed in ["draft", "coverage"] {
        assert!(commands.iter().any(|c| c == missed), "{commands:?}");
    }
    for command in commands {
        let help = env.run(&[&command, "--help"]).ok().to_string();
        assert!(
            help.contains("Example"),
            "{command} --help has no example:\n{help}"
        );
    }
    let help = env.run(&["--help"]).ok().to_string();
    assert!(
        help.contains("Exit codes:") && help.contains("4  database"),
        "{help}"
    );
}

/// `claimdb CMD --help` opens with the summary `claimdb --help` lists for CMD, not
/// the text of some argument group the command shares with others.
#[test]
fn every_command_help_opens_with_its_own_summary() {
    let env = Env::new();
    let overview = env.run(&["--help"]).ok().to_string();
    for command in crate::support::commands() {
        let help = env.run(&[&command, "--help"]).ok().to_string();
        let summary: String = help.lines().next().unwrap_or("").chars().take(30).collect();
        assert!(
            !summary.trim().is_empty(),
            "{command} --help opens with nothing"
        );
        assert!(
            overview.lines().any(|l| {
                let l = l.trim_start();
                l.strip_prefix(command.as_str()).is_some_and(|rest| {
                    rest.starts_with(' ') && rest.trim_start().starts_with(&summary)
                })
            }),
            "{command} --help opens with {summary:?}, not its summary in:\n{overview}"
        );
    }
}

#[test]
fn completions_offer_commands_and_the_knowledge_base_names() {
    let env = Env::new();
    env.run(&["subjects"]).ok();
    for shell in ["bash", "zsh", "fish"] {
        let script = env.run(&["completions", shell]).ok().to_string();
        assert!(
            script.contains(&format!("CLAIMDB_COMPLETE=\"{shell}\""))
                || script.contains(&format!("CLAIMDB_COMPLETE={shell}")),
            "{shell}: {script}"
        );
    }
    // The bash script, sourced in a real bash, completing `claimdb WORDS<TAB>`.
    let script = env.path("claimdb.bash");
    std::fs::write(&script, env.run(&["completions", "bash"]).ok()).unwrap();
    let complete = |words: &str| -> Vec<String> {
        let program = format!(
            "source '{}'; COMP_WORDS=(claimdb {words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); \
             _clap_complete_claimdb claimdb \"${{COMP_WORDS[COMP_CWORD]}}\"; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display()
        );
        // The script runs `claimdb` from PATH, as an installed one is found.
        let path = crate::support::path_with_claimdb();
        let out = std::process::Command::new("bash")
            .args(["-c", &program])
            .env_clear()
            .env("PATH", path)
            .env("HOME", env.dir.path())
            .env("XDG_DATA_HOME", env.path("data"))
            .output()
            .expect("bash runs");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    };
    assert!(complete("compa").contains(&"compare".to_string()));
    // A COMPLETE variable left in the environment by something else changes nothing.
    let run = crate::support::run(env.command().env("COMPLETE", "bash").arg("subjects"));
    assert!(run.ok().contains("django"), "{run:?}");
    assert_eq!(complete("compare dj"), ["django"]);
    let topics = complete("which lacks built-in au");
    assert!(topics.contains(&"authentication".to_string()), "{topics:?}");
    assert!(complete("claims --topic or").contains(&"orm".to_string()));
}

/// Every row of a JSON listing has the same keys, and none of them is a subject.
#[track_caller]
fn assert_same_keys(rows: &[Value]) {
    assert!(!rows.is_empty());
    let keys: Vec<&String> = rows[0].as_object().unwrap().keys().collect();
    for r in rows {
        let these: Vec<&String> = r.as_object().unwrap().keys().collect();
        assert_eq!(these, keys, "{r}");
    }
    for key in &keys {
        assert!(
            !["django", "flask"].contains(&key.as_str()),
            "a subject as a key: {keys:?}"
        );
        assert!(
            key.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "not snake_case: {key}"
        );
    }
}

/// Issue 12: the article's 7 listed pros come first, each once, with their section;
/// the rest is one row per topic; `--all` lists every claim.
#[test]
fn pros_show_the_articles_listed_items_first_each_once() {
    let env = Env::new();
    let rows = json_rows(&env, &["pros", "--subject", "django"]);
    assert_cited(&rows);
    let first: Vec<u64> = rows[..7]
        .iter()
        .map(|r| r["line_start"].as_u64().unwrap())
        .collect();
    assert_eq!(first, [63, 65, 67, 69, 71, 73, 75], "{rows:#?}");
    for r in &rows[..7] {
        assert_eq!(r["section"], "Django: Pros and Cons", "{r}");
        assert_eq!(r["listed"], 1, "{r}");
    }
    let lines: BTreeSet<u64> = rows
        .iter()
        .map(|r| r["line_start"].as_u64().unwrap())
        .collect();
    assert_eq!(lines.len(), rows.len(), "a line shown twice: {rows:#?}");
    let topics: BTreeSet<&str> = rows.iter().map(|r| r["topic"].as_str().unwrap()).collect();
    assert_eq!(topics.len(), rows.len(), "a topic shown twice: {rows:#?}");
    let all = json_rows(&env, &["pros", "--subject", "django", "--all"]);
    assert!(
        all.len() > rows.len() + 10,
        "{} vs {}",
        all.len(),
        rows.len()
    );

    let text = env.run(&["pros", "--subject", "django"]).ok().to_string();
    assert!(text.contains("Django: Pros and Cons"), "{text}");
}

#[test]
fn limitations_and_companies_list_each_item_once() {
    let env = Env::new();
    let rows = json_rows(&env, &["limitations", "--subject", "flask"]);
    let lines: Vec<u64> = rows
        .iter()
        .map(|r| r["line_start"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [131, 132, 133, 134, 135], "{rows:#?}");
    let rows = json_rows(&env, &["companies", "--subject", "django"]);
    let names: Vec<&str> = rows
        .iter()
        .map(|r| r["company"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Instagram", "Spotify", "YouTube", "Dropbox", "Pinterest"],
        "{rows:#?}"
    );
    // Both subjects: Pinterest once for each.
    let rows = json_rows(&env, &["companies"]);
    let pinterest: Vec<&str> = rows
        .iter()
        .filter(|r| r["company"] == "Pinterest")
        .map(|r| r["subject"].as_str().unwrap())
        .collect();
    assert_eq!(pinterest, ["django", "flask"]);
}

/// Issue 12: comparisons carry the subject they are compared with, and the
/// article's verdict (line 248) favours neither side.
#[test]
fn comparison_claims_carry_versus_and_the_verdict_favours_neither_side() {
    let env = Env::new();
    let rows = json_rows(&env, &["claims", "--kind", "comparison"]);
    assert_cited(&rows);
    assert_same_keys(&rows);
    let easier = rows
        .iter()
        .find(|r| r["line_start"] == 283 && r["value"] == "easier to learn")
        .expect("FAQ 2 is a comparison");
    assert_eq!(
        (&easier["subject"], &easier["versus"]),
        (&"flask".into(), &"django".into())
    );
    let verdict: Vec<&Value> = rows.iter().filter(|r| r["line_start"] == 248).collect();
    assert_eq!(verdict.len(), 1, "{verdict:#?}");
    assert_eq!(verdict[0]["stance"], "depends");
    assert!(verdict[0]["versus"].is_string() && verdict[0]["subject"] != verdict[0]["versus"]);
    let depends = json_rows(&env, &["claims", "--stance", "depends"]);
    assert_eq!(depends.len(), 1);
}

/// `compare` in JSON: long format, one object per topic and subject (and one per
/// verdict), the same snake_case keys on every row, null where nothing applies.
#[test]
fn compare_json_is_long_format_with_the_verdicts() {
    let env = Env::new();
    let rows = json_rows(&env, &["compare", "django", "flask"]);
    assert_same_keys(&rows);
    assert_cited(&rows);
    let verdicts: Vec<&Value> = rows.iter().filter(|r| r["kind"] == "comparison").collect();
    assert!(
        verdicts.iter().any(|r| r["topic"] == "learning-curve"
            && r["subject"] == "flask"
            && r["versus"] == "django"),
        "{verdicts:#?}"
    );
    let cells: Vec<&Value> = rows.iter().filter(|r| r["kind"] != "comparison").collect();
    assert!(
        cells
            .iter()
            .all(|r| r["versus"].is_null() && r["claims"].as_u64() >= Some(1))
    );
    let text = env
        .run(&["compare", "django", "flask", "--on", "learning"])
        .ok()
        .to_string();
    assert!(
        text.contains("flask over django: easier to learn (django-vs-flask:283)"),
        "{text}"
    );

    let matrix = json_rows(&env, &["report", "feature-matrix"]);
    assert_same_keys(&matrix);
    assert_cited(&matrix);
}

/// The article says Flask might perform better for smaller applications and that
/// Django is optimized for performance in larger ones: `conflicts` shows both.
#[test]
fn conflicts_show_opposite_verdicts() {
    // Two verdicts favouring opposite sides on the same topic, for no stated case,
    // are in tension; the seed's line 295 names a case for each (smaller vs larger
    // applications), so it is not (seed audit 2, §7 A6).
    let (env, db) = crate::support::env_with_db();
    let article = env.write(
        "a-vs-b.md",
        "# Alpha vs Beta\n\nAlpha is faster than Beta.\n\nBeta is faster than Alpha.\n",
    );
    let claims = env.write(
        "a-vs-b.csv",
        "subject,kind,topic,value,versus,statement,quote\n\
         alpha,comparison,performance,faster,beta,Alpha is faster than Beta.,Alpha is faster than Beta.\n\
         beta,comparison,performance,faster,alpha,Beta is faster than Alpha.,Beta is faster than Alpha.\n",
    );
    env.import(&db, &claims, &article).ok();
    let rows = env
        .run(&["--db", &db, "--format", "json", "conflicts"])
        .json();
    let rows = rows.as_array().unwrap();
    let pair = rows
        .iter()
        .find(|r| r["reason"] == "opposite verdicts")
        .expect("the two verdicts are in tension");
    assert_eq!(
        (&pair["a_line_start"], &pair["b_line_start"]),
        (&3.into(), &5.into())
    );
    assert!(
        !rows
            .iter()
            .any(|r| r["reason"] == "opposite verdicts" && r["a_line_start"] == 295),
        "{rows:#?}"
    );
}

#[test]
fn show_names_the_section_a_claim_stands_in() {
    let env = Env::new();
    let rows = json_rows(&env, &["limitations", "--subject", "flask"]);
    let id = rows[0]["claim_id"].as_i64().unwrap().to_string();
    let shown = env.run(&["--format", "json", "show", &id]).json();
    assert_eq!(
        shown[0]["section"], "Challenges and Limitations in Complex Applications",
        "{shown}"
    );
    assert_eq!(shown[0]["listed"], 1);
}

/// A plural finds a singular alias and the other way round.
#[test]
fn plural_and_singular_names_match() {
    let env = Env::new();
    let a = json_rows(&env, &["claims", "--topic", "security protection"]);
    let b = json_rows(&env, &["claims", "--topic", "security protections"]);
    assert!(!a.is_empty());
    assert_eq!(a, b);
    let c = json_rows(&env, &["claims", "--topic", "microservice"]);
    let d = json_rows(&env, &["claims", "--topic", "microservices"]);
    assert_eq!(c, d);
}
