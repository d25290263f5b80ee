//! `which`: cited, open-world answers (issue 2's acceptance cases).

use serde_json::Value;

use crate::support::{Env, quote_at};

/// The JSON rows of `which ARGS`.
fn which(env: &Env, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--format", "json", "which"];
    all.extend_from_slice(args);
    env.run(&all).json().as_array().unwrap().clone()
}

fn rows_for<'a>(rows: &'a [Value], subject: &str) -> Vec<&'a Value> {
    rows.iter().filter(|r| r["subject"] == subject).collect()
}

/// Every cited row quotes the article at its lines.
#[track_caller]
fn assert_cited(rows: &[&Value]) {
    assert!(!rows.is_empty());
    for r in rows {
        let quote = r["quote"].as_str().expect("quote");
        let (start, end) = (
            r["line_start"].as_u64().unwrap(),
            r["line_end"].as_u64().unwrap(),
        );
        assert_eq!(r["source"], "django-vs-flask");
        assert!(
            quote_at(quote, start, end),
            "{quote:?} not at {start}-{end}"
        );
        assert!(r["claim_id"].as_i64().is_some());
    }
}

#[test]
fn lacks_built_in_auth_answers_flask_with_a_citation_and_not_django() {
    let env = Env::new();
    let rows = which(&env, &["lacks", "built-in", "auth"]);
    let flask = rows_for(&rows, "flask");
    assert_cited(&flask);
    for r in &flask {
        assert_eq!(r["answer"], "yes");
        assert!(["lacks", "extension", "limited"].contains(&r["stance"].as_str().unwrap()));
        assert_eq!(r["topic"], "authentication");
    }
    assert!(
        flask.iter().any(|r| r["line_start"] == 132),
        "line 132 says Flask doesn't come with built-in authentication"
    );
    // Django has built-in auth: its row says no, with the claims that say so.
    let django = rows_for(&rows, "django");
    assert_cited(&django);
    assert!(
        django
            .iter()
            .all(|r| r["answer"] == "no" && r["stance"] == "builtin"),
        "{rows:#?}"
    );
}

#[test]
fn the_human_answer_names_flask_cites_the_line_and_ends_with_coverage() {
    let env = Env::new();
    let out = env.run(&["which", "lacks", "built-in", "auth"]);
    let text = out.ok();
    assert!(text.contains("flask"), "{text}");
    assert!(text.contains("django-vs-flask:132"), "{text}");
    assert!(
        text.contains("doesn’t come with built-in ORM or authentication"),
        "{text}"
    );
    let last = text.trim_end().lines().last().unwrap();
    assert_eq!(
        last,
        "flask lacks built-in authentication; django does not. 2 of 2 subjects have a claim on authentication."
    );
    assert!(
        out.stderr.contains("created the database"),
        "first use says so: {}",
        out.stderr
    );
}

#[test]
fn has_built_in_auth_answers_django() {
    let env = Env::new();
    let rows = which(&env, &["has", "built-in", "authentication"]);
    let django = rows_for(&rows, "django");
    assert_cited(&django);
    assert!(django.iter().all(|r| r["stance"] == "builtin"));
    // Flask gets a row too: no, cited to the sentences that say it lacks it.
    let flask = rows_for(&rows, "flask");
    assert_cited(&flask);
    assert!(flask.iter().all(|r| r["answer"] == "no"), "{rows:#?}");
    assert!(
        flask
            .iter()
            .any(|r| r["stance"] == "lacks" && r["line_start"] == 132),
        "{rows:#?}"
    );
    // Every row has the same keys, missing values as null.
    let keys: Vec<Vec<&String>> = rows
        .iter()
        .map(|r| r.as_object().unwrap().keys().collect())
        .collect();
    assert!(keys.windows(2).all(|w| w[0] == w[1]), "{keys:?}");
}

#[test]
fn lacks_built_in_orm_answers_flask_only() {
    let env = Env::new();
    let rows = which(&env, &["lacks", "built-in", "orm"]);
    assert_cited(&rows_for(&rows, "flask"));
    assert!(
        rows_for(&rows, "django")
            .iter()
            .all(|r| r["answer"] == "no"),
        "{rows:#?}"
    );
}

#[test]
fn has_admin_interface_answers_django_and_flask_has_no_claim() {
    let env = Env::new();
    let rows = which(&env, &["has", "admin", "interface"]);
    let django = rows_for(&rows, "django");
    assert_cited(&django);
    assert!(django.iter().all(|r| r["answer"] == "yes"));
    let flask = rows_for(&rows, "flask");
    assert_eq!(flask.len(), 1, "{rows:#?}");
    assert!(flask[0]["stance"].is_null());
    assert_eq!(flask[0]["answer"], "no claim");
    assert!(flask[0]["quote"].is_null() && flask[0]["line_start"].is_null());
}

#[test]
fn has_development_server_answers_flask_and_django_has_no_claim() {
    let env = Env::new();
    let rows = which(&env, &["has", "development", "server"]);
    let flask = rows_for(&rows, "flask");
    assert_cited(&flask);
    assert!(flask.iter().all(|r| r["stance"] == "builtin"));
    let django = rows_for(&rows, "django");
    assert_eq!(django.len(), 1);
    assert_eq!(django[0]["answer"], "no claim");

    let text = env.run(&["which", "has", "dev", "server"]).ok().to_string();
    assert!(text.contains("no claim"), "{text}");
    assert!(
        text.trim_end()
            .ends_with("1 of 2 subjects has a claim on development-server (no claim: django)."),
        "{text}"
    );
}

#[test]
fn lacks_async_answers_both_as_the_article_says() {
    let env = Env::new();
    let rows = which(&env, &["lacks", "async"]);
    let django = rows_for(&rows, "django");
    assert_cited(&django);
    assert!(
        django
            .iter()
            .any(|r| r["stance"] == "limited" && r["line_start"] == 56)
    );
    let flask = rows_for(&rows, "flask");
    assert_cited(&flask);
    assert!(
        flask
            .iter()
            .any(|r| r["stance"] == "lacks" && r["line_start"] == 133)
    );
}

#[test]
fn a_misspelt_topic_fails_with_a_suggestion() {
    let env = Env::new();
    let err = env
        .run(&["which", "lacks", "athentication"])
        .fails_with(2)
        .to_string();
    assert!(err.contains("no topic 'athentication'"), "{err}");
    assert!(err.contains("did you mean 'authentication'?"), "{err}");
}

/// The seed audit: scaling advice ("might need ... load balancing", "libraries for
/// asynchronous programming") is not a feature Flask has or lacks.
#[test]
fn scaling_advice_is_not_an_answer() {
    let env = Env::new();
    let rows = which(&env, &["has", "async"]);
    assert!(
        rows.iter().all(|r| r["answer"] != "yes"),
        "nobody has async: {rows:#?}"
    );
    let text = env.run(&["which", "has", "async"]).ok().to_string();
    assert!(!text.contains("flask has async"), "{text}");
    let out = env.run(&["which", "lacks", "built-in", "load", "balancing"]);
    assert!(!out.stdout.contains("flask lacks"), "{out:#?}");
}

#[test]
fn limited_is_said_as_limited_in_which_and_ask_alike() {
    // Audit 2 §7 A3: the article says Django's async support is limited and
    // improving, never that Django lacks it.
    let env = Env::new();
    for polarity in ["has", "lacks"] {
        let out = env.run(&["which", polarity, "async"]);
        let line = out.ok().lines().last().unwrap_or_default().to_string();
        assert!(line.contains("django has only limited async"), "{line}");
        assert!(!line.contains("django and flask"), "{line}");
    }
    let out = env.run(&["ask", "does django support async"]);
    let line = out.ok().lines().last().unwrap_or_default().to_string();
    assert!(line.starts_with("django: limited"), "{line}");
}
