//! The fixes of the seed's second audit (../shared/reviews/seed-audit-2.md §8),
//! each as a reader meets it.

use serde_json::Value;

use crate::support::Env;

fn json(env: &Env, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    env.run(&all).json().as_array().unwrap().clone()
}

fn lines(rows: &[Value]) -> Vec<i64> {
    rows.iter()
        .filter_map(|r| r["line_start"].as_i64())
        .collect()
}

#[test]
fn faq_3_positive_half_is_reached_through_large_scale() {
    // §8.1: #293 was filed under scalability, so large-scale questions missed it.
    let env = Env::new();
    let rows = json(&env, &["ask", "can flask handle large-scale applications"]);
    assert!(
        rows.iter()
            .any(|r| r["line_start"] == 287 && r["kind"] == "pro"),
        "{rows:#?}"
    );
    let pro = rows
        .iter()
        .find(|r| r["line_start"] == 287 && r["kind"] == "pro")
        .unwrap();
    assert_eq!(
        pro["statement"],
        "Flask can handle large-scale applications."
    );
}

#[test]
fn each_case_of_lines_252_and_253_has_its_own_verdict() {
    // §8.2: one comparison per named case.
    let env = Env::new();
    for (topic, line) in [
        ("microservices", 252),
        ("customizable-apps", 252),
        ("data-driven-sites", 253),
        ("scalability", 253),
    ] {
        let rows = json(&env, &["claims", "--kind", "comparison", "--topic", topic]);
        assert!(lines(&rows).contains(&line), "{topic}: {rows:#?}");
    }
    let run = env.run(&["ask", "which is better for microservices"]);
    let verdict = run.stdout.lines().last().unwrap_or_default().to_string();
    assert!(
        verdict.contains("Flask is often the better choice than Django for a microservice")
            && verdict.find("better choice") < verdict.find("it depends"),
        "the specific verdict leads: {verdict}"
    );
}

#[test]
fn which_is_better_for_beginners_leads_with_the_articles_verdict() {
    // §8.3 / §7 A1: the general "it depends" (line 248) follows, it does not lead.
    let env = Env::new();
    let run = env.run(&["ask", "which is better for beginners"]);
    let verdict = run.stdout.lines().last().unwrap_or_default();
    assert!(verdict.starts_with("The article says: "), "{verdict}");
    assert!(verdict.contains("beginner"), "{verdict}");
    assert!(
        verdict.find("beginner") < verdict.find("it depends"),
        "{verdict}"
    );
}

#[test]
fn development_speed_is_a_comparison_of_lines_257_and_258() {
    // §3 row 15.
    let env = Env::new();
    let rows = json(&env, &["ask", "which allows faster development"]);
    let compared: Vec<i64> = rows
        .iter()
        .filter(|r| r["kind"] == "comparison")
        .filter_map(|r| r["line_start"].as_i64())
        .collect();
    assert!(
        compared.contains(&257) && compared.contains(&258),
        "{rows:#?}"
    );
}

#[test]
fn flask_2010_is_its_creation_as_for_django() {
    // §8.4: #90 under origin, and "created in" no longer reads as a release.
    let env = Env::new();
    let rows = json(&env, &["claims", "--subject", "flask", "--topic", "origin"]);
    assert!(rows.iter().any(|r| r["value"] == "2010"), "{rows:#?}");
    let rows = json(
        &env,
        &["claims", "--subject", "flask", "--topic", "release"],
    );
    assert!(!rows.iter().any(|r| r["value"] == "2010"), "{rows:#?}");
    let rows = json(&env, &["claims", "--topic", "created in"]);
    assert!(!rows.is_empty(), "no claim on 'created in'");
    assert!(rows.iter().all(|r| r["topic"] == "origin"), "{rows:#?}");
}

#[test]
fn enforced_structure_is_a_con_on_flexibility_not_a_label() {
    // §8.6: #172.
    let env = Env::new();
    let rows = json(
        &env,
        &["claims", "--subject", "django", "--topic", "flexibility"],
    );
    let l184: Vec<&Value> = rows.iter().filter(|r| r["line_start"] == 184).collect();
    assert!(
        !l184.is_empty() && l184.iter().all(|r| r["kind"] == "con"),
        "{rows:#?}"
    );
}

#[test]
fn the_words_the_audit_found_failing_name_topics() {
    // §8.7: "structure", "customisable", "complexity", "light", "minimal" exited 2.
    let env = Env::new();
    for word in [
        "structure",
        "customisable",
        "complexity",
        "light",
        "minimal",
    ] {
        let rows = json(&env, &["claims", "--topic", word]);
        assert!(!rows.is_empty(), "{word}");
    }
}

#[test]
fn a_topic_held_only_by_stanceless_claims_is_shown_not_called_missing() {
    // §7 A4: "which is minimalist" said "no claim" while five claims exist.
    let env = Env::new();
    let run = env.run(&["--format", "json", "ask", "which is minimalist"]);
    let rows = run.json();
    let rows = rows.as_array().unwrap();
    assert!(rows.iter().any(|r| r["subject"] == "flask"), "{rows:#?}");
    assert!(!run.stderr.contains("no claim"), "{}", run.stderr);
}

#[test]
fn a_superlative_asks_for_the_comparison() {
    // Issue 22: "which is easiest to set up" read as `which has integration-effort`
    // and said "no claim" although a comparison says exactly that (line 257).
    let env = Env::new();
    let rows = json(&env, &["ask", "which is easiest to set up"]);
    assert!(
        rows.iter()
            .any(|r| r["kind"] == "comparison" && r["line_start"] == 257),
        "{rows:#?}"
    );
}

#[test]
fn conflicts_does_not_pair_complementary_verdicts() {
    // §7 A6: #316 vs #317 (smaller vs larger applications, line 295) and #293 vs
    // #287 (the two halves of one FAQ sentence) were listed as in tension.
    let env = Env::new();
    let rows = json(&env, &["conflicts"]);
    let paired = |a: i64, b: i64| {
        rows.iter().any(|r| {
            let (x, y) = (r["a_claim_id"].as_i64(), r["b_claim_id"].as_i64());
            (x, y) == (Some(a), Some(b)) || (x, y) == (Some(b), Some(a))
        })
    };
    assert!(!paired(316, 317), "{rows:#?}");
    assert!(!paired(293, 287), "{rows:#?}");
    assert!(
        !rows.iter().any(|r| r["reason"] == "opposite verdicts"),
        "{rows:#?}"
    );
    // A real tension stays: built in vs only through extensions, pro vs con.
    assert!(rows.iter().any(|r| r["reason"] == "pro vs con"));
}

#[test]
fn which_framework_should_i_choose_answers_with_the_articles_general_verdict_first() {
    // §7 A2: it answered with one flexibility verdict; "framework" is the class of
    // what is asked about, not a word a verdict must contain.
    let env = Env::new();
    let run = env.run(&["ask", "which framework should I choose"]);
    let verdict = run.ok().lines().last().unwrap_or_default().to_string();
    assert!(
        verdict.starts_with("The article says it depends"),
        "{verdict}"
    );
    assert!(verdict.contains("(line 248)"), "{verdict}");
    assert!(verdict.contains("for particular cases"), "{verdict}");
}

fn lines_on(env: &Env, topic: &str) -> Vec<i64> {
    lines(&json(env, &["claims", "--topic", topic]))
}

#[test]
fn monolithic_and_batteries_included_are_one_idea_reached_by_every_word() {
    // §8.7 / §6.1: Django's all-inclusiveness was split by valence, so "monolithic"
    // missed the batteries-included claims and "all-in-one" missed the overkill cons
    // (lines 54, 78, 142).
    let env = Env::new();
    for word in [
        "monolithic",
        "overkill",
        "all-inclusive",
        "batteries-included",
        "all-in-one",
        "full-featured",
    ] {
        let got = lines_on(&env, word);
        for line in [8, 54, 78, 142, 183, 279] {
            assert!(
                got.contains(&line),
                "{word}: line {line} missing from {got:?}"
            );
        }
    }
    // compare shows the praise and the criticism on one row.
    let rows = json(&env, &["compare", "django", "flask", "--on", "monolithic"]);
    assert!(
        rows.iter().all(|r| r["topic"] == "batteries-included"),
        "{rows:#?}"
    );
    let django = |kind: &str| {
        rows.iter()
            .any(|r| r["subject"] == "django" && r["kind"] == kind)
    };
    assert!(
        django("fact") && django("con") && django("limitation"),
        "{rows:#?}"
    );
}

#[test]
fn minimalist_words_reach_every_claim_on_flasks_minimalism() {
    // §8.7 / §6.2: "minimalist", "no-frills", "bare-bones" resolved to a topic of five
    // stanceless facts and missed the claims that use those very words: lines 11
    // ("minimalistic approach"), 106 ("minimalist and flexible nature"), 140
    // ("minimalistic ... no-frills") and 235 ("inherently lightweight").
    let env = Env::new();
    for word in [
        "minimalist",
        "minimalistic",
        "no-frills",
        "bare-bones",
        "micro-framework",
        "lightweight",
        "simplicity",
    ] {
        let got = lines_on(&env, word);
        for line in [11, 98, 106, 109, 140, 144, 176, 235, 279] {
            assert!(
                got.contains(&line),
                "{word}: line {line} missing from {got:?}"
            );
        }
    }
}

#[test]
fn listed_means_one_thing_on_every_line() {
    // §8.8 / §2.2: features named by a list item were listed in some sections
    // (Flask's key features, line 110) and not in others (Django's pros, line 63;
    // the use cases, line 211). Now every claim about an item's subject carries the
    // item's flag, and a claim about the other subject in passing does not.
    let env = Env::new();
    let rows = json(&env, &["claims"]);
    let mut seen: std::collections::BTreeMap<(i64, String), bool> = Default::default();
    for r in &rows {
        let key = (
            r["line_start"].as_i64().unwrap(),
            r["subject"].as_str().unwrap().to_string(),
        );
        let listed = r["listed"] == 1 || r["listed"] == true;
        if let Some(before) = seen.insert(key.clone(), listed) {
            assert_eq!(
                before, listed,
                "line {} {}: mixed listed flags",
                key.0, key.1
            );
        }
    }
    for (line, subject, listed) in [
        (63, "django", true),
        (110, "flask", true),
        (211, "django", true),
        (163, "flask", true),
        (163, "django", false),
        (17, "django", false),
    ] {
        assert_eq!(
            seen.get(&(line, subject.to_string())),
            Some(&listed),
            "line {line} {subject}"
        );
    }
}

#[test]
fn pros_all_and_report_pros_cons_do_what_their_help_says() {
    // §4: `pros --all` said "the article's own list items first" but printed line
    // order; `report pros-cons` said "Every listed pro and con" but printed them all.
    let env = Env::new();
    let help = env.run(&["pros", "--help"]).ok().to_string();
    assert!(help.contains("in the article's line order"), "{help}");
    let rows = json(&env, &["pros", "--subject", "django", "--all"]);
    let got = lines(&rows);
    assert!(got.len() > 7 && got.is_sorted(), "{got:?}");
    let reports = env.run(&["report"]).ok().to_string();
    let line = reports
        .lines()
        .find(|l| l.contains("pros-cons"))
        .unwrap_or_default();
    assert!(line.contains("Every pro and con, listed or not"), "{line}");
    let all = json(&env, &["report", "pros-cons"]);
    let pros = json(&env, &["claims", "--kind", "pro"]);
    let cons = json(&env, &["claims", "--kind", "con"]);
    assert_eq!(all.len(), pros.len() + cons.len());
    assert!(all.iter().any(|r| r["listed"] == 0 || r["listed"] == false));
}

#[test]
fn redundant_claims_are_gone_and_every_other_claim_keeps_its_id() {
    // §8.5: #34 (line 17) and #108 (line 111) restated another claim on the same
    // words; what they said is still held once. #218 (line 226 under performance as
    // well as scalability) stays: it is what lets `conflicts` set the article's praise
    // of Django under high traffic against its performance limitation (line 57),
    // pinned by reports::conflicts_find_the_articles_own_tension_on_django_performance.
    let env = Env::new();
    for (subject, topic, line, kept_on) in [
        ("django", "data-driven-sites", 17, "purpose"),
        ("flask", "education", 111, "learning-curve"),
    ] {
        let got = lines(&json(
            &env,
            &["claims", "--subject", subject, "--topic", topic],
        ));
        assert!(
            !got.is_empty() && !got.contains(&line),
            "{subject} {topic}: {got:?}"
        );
        let kept = lines(&json(
            &env,
            &["claims", "--subject", subject, "--topic", kept_on],
        ));
        assert_eq!(
            kept.iter().filter(|&&l| l == line).count(),
            1,
            "{subject} {kept_on}: {kept:?}"
        );
    }
    // Their ids are not given to other claims, so an id a reader noted still
    // shows the claim it showed.
    for id in ["34", "108"] {
        env.run(&["show", id])
            .fails_saying(2, &format!("no claim {id}"));
    }
    for (id, line, kind) in [
        ("117", 132, "limitation"),
        ("218", 226, "pro"),
        ("324", 258, "comparison"),
    ] {
        let shown = env.run(&["--format", "json", "show", id]).json();
        assert_eq!(shown[0]["line_start"], line, "{shown:#?}");
        assert_eq!(shown[0]["kind"], kind, "{shown:#?}");
    }
}

#[test]
fn opinionated_names_the_topic_of_the_articles_only_opinionated_verdict() {
    // §8.7: "opinionated" named no topic (`claims --topic opinionated` exited 2). The
    // article uses the word once, in its team-fit verdict (line 263); as an alias of
    // flexibility it would bury that line under thirty flexibility rows.
    let env = Env::new();
    let rows = json(&env, &["claims", "--topic", "opinionated"]);
    assert!(
        rows.iter()
            .any(|r| r["kind"] == "comparison" && r["line_start"] == 263),
        "{rows:#?}"
    );
    let run = env.run(&["ask", "which one is more opinionated?"]);
    let verdict = run.ok().lines().last().unwrap_or_default().to_string();
    assert!(
        verdict.starts_with("The article says: ")
            && verdict.contains("more opinionated approach (line 263)"),
        "{verdict}"
    );
}
