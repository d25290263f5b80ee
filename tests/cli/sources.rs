//! A knowledge base of several articles (issue 22): each answer keeps to the
//! articles it is about, and says which.

use serde_json::Value;

use crate::support::{Env, env_with_db, fixture};

/// The shipped article plus three imported ones of other fields.
fn several_articles() -> (Env, String) {
    let (env, db) = env_with_db();
    for (claims, article) in [
        ("postgres-vs-mysql-claims.csv", "postgres-vs-mysql.md"),
        ("kafka-vs-rabbitmq-claims.csv", "kafka-vs-rabbitmq.txt"),
        ("fastapi-claims.csv", "fastapi-vs-flask.txt"),
    ] {
        env.import(&db, &fixture(claims), &fixture(article)).ok();
    }
    (env, db)
}

fn sources_of(rows: &Value) -> Vec<String> {
    let mut found: Vec<String> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["source"].as_str().map(String::from))
        .collect();
    found.sort();
    found.dedup();
    found
}

fn ask(env: &Env, db: &str, question: &str) -> (Value, String) {
    let run = env.run(&["--db", db, "--format", "json", "ask", question]);
    (run.json(), run.stderr.clone())
}

/// The first line each of `ask`'s rows cites, in order.
fn line_starts(rows: &Value) -> Vec<i64> {
    rows.as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["line_start"].as_i64())
        .collect()
}

/// Each question is answered from the one article it is about, and the reading-as
/// line names that article: (question, the article every row cites, what stderr
/// says, what stderr must not say).
#[test]
fn each_question_keeps_to_the_article_it_is_about() {
    let (env, db) = several_articles();
    let cases: &[(&str, &str, &str, &str)] = &[
        // A class word keeps to the subjects of that class and is no topic:
        // "database integration" is an alias of the shipped article's `orm`, and
        // the question about databases must not be read as Django and Flask ORM rows.
        (
            "which databases support materialized views",
            "postgres-vs-mysql",
            "--source postgres-vs-mysql",
            "orm",
        ),
        (
            "which database lacks built-in replication",
            "postgres-vs-mysql",
            "",
            "",
        ),
        // "according to the X article" answers from that article only.
        (
            "according to the kafka article which is faster",
            "kafka-vs-rabbitmq",
            "--source kafka-vs-rabbitmq",
            "",
        ),
        // Subjects of one article are answered from it.
        ("kafka vs rabbitmq", "kafka-vs-rabbitmq", "", ""),
        // Only the shipped article has claims on data-driven sites; the other
        // articles' general "it depends" verdicts do not answer it.
        (
            "which is better for a data-driven website",
            "django-vs-flask",
            "--source django-vs-flask",
            "",
        ),
        // No article speaks of both FastAPI and Django: side by side, each article's
        // stances would read as a comparison nobody made. The FastAPI article's own
        // words about Django answer instead.
        (
            "fastapi vs django",
            "fastapi-vs-flask",
            "",
            "claimdb compare",
        ),
    ];
    for (question, source, says, never) in cases {
        let (rows, err) = ask(&env, &db, question);
        assert_eq!(sources_of(&rows), [*source], "{question}: {rows:#}");
        assert!(err.contains(says), "{question}: {err}");
        assert!(
            never.is_empty() || !err.contains(never),
            "{question}: {err}"
        );
    }
}

#[test]
fn source_limits_which_and_ask_and_an_unknown_source_is_refused() {
    let (env, db) = several_articles();
    let run = env.run(&[
        "--db",
        &db,
        "--format",
        "json",
        "which",
        "lacks",
        "built-in",
        "auth",
        "--source",
        "fastapi-vs-flask",
    ]);
    assert_eq!(sources_of(&run.json()), ["fastapi-vs-flask"]);
    let run = env.run(&[
        "--db",
        &db,
        "--format",
        "json",
        "ask",
        "--source",
        "django-vs-flask",
        "which framework lacks built-in authentication",
    ]);
    assert_eq!(sources_of(&run.json()), ["django-vs-flask"]);
    env.run(&["--db", &db, "pros", "--source", "nope"])
        .fails_saying(2, "no source 'nope'");
}

#[test]
fn the_reading_as_command_runs_and_gives_the_same_rows() {
    let (env, db) = several_articles();
    let run = env.run(&[
        "--db",
        &db,
        "--format",
        "json",
        "ask",
        "which databases support materialized views",
    ]);
    let line = run
        .stderr
        .lines()
        .find_map(|l| l.strip_prefix("reading this as: claimdb "))
        .expect("a reading line")
        .to_string();
    let mut args = vec!["--db", db.as_str(), "--format", "json"];
    let words: Vec<&str> = line.split(' ').collect();
    args.extend(words);
    let again = env.run(&args);
    assert_eq!(sources_of(&again.json()), sources_of(&run.json()), "{line}");
}

#[test]
fn a_verdict_drawn_from_several_articles_names_each() {
    let (env, db) = several_articles();
    let run = env.run(&["--db", &db, "ask", "which has lower latency or is faster"]);
    let verdict = run.stdout.lines().last().unwrap_or_default();
    assert!(
        !verdict.starts_with("The article says")
            && verdict.contains("The postgres-vs-mysql article says")
            && verdict.contains("The kafka-vs-rabbitmq article says"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_vs_b_with_no_comparison_between_them_answers_as_compare_does() {
    let (env, db) = env_with_db();
    let article = env.write(
        "alpha-vs-beta.md",
        "# Alpha vs Beta\n\nAlpha has built-in caching.\nBeta does not support caching.\n",
    );
    let claims = env.write(
        "alpha-vs-beta.csv",
        "subject,kind,topic,stance,statement,quote,category\n\
         alpha,feature,caching,builtin,Alpha has built-in caching.,Alpha has built-in caching.,components\n\
         beta,feature,caching,lacks,Beta does not support caching.,Beta does not support caching.,components\n",
    );
    env.import(&db, &claims, &article).ok();
    let run = env.run(&["--db", &db, "--format", "json", "ask", "alpha vs beta"]);
    assert!(run.stderr.contains("claimdb compare"), "{}", run.stderr);
    let rows = run.json();
    let stances: Vec<(&str, &str)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["subject"].as_str().unwrap(),
                r["stance"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(
        stances.contains(&("alpha", "builtin")) && stances.contains(&("beta", "lacks")),
        "{rows:#}"
    );
}

#[test]
fn a_price_no_claim_states_is_said_to_be_unsaid() {
    // Issue 22: a question about a price showed a nearby fact without saying the
    // price is not stated.
    let (env, db) = several_articles();
    let run = env.run(&[
        "--db",
        &db,
        "--format",
        "json",
        "ask",
        "how much does kafka cost",
    ]);
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(
        run.stderr.contains("does not say the cost of kafka"),
        "{}",
        run.stderr
    );
    assert!(!run.stdout.contains("line_start"), "{}", run.stdout);
}

#[test]
fn a_yes_no_answer_adds_the_claims_that_say_a_word_no_name_explained() {
    let (env, db) = env_with_db();
    let article = env.write(
        "alpha.md",
        "# Alpha\n\nAlpha has built-in caching.\n\nAlpha keeps its cache in zorbfiles on disk.\n",
    );
    let claims = env.write(
        "alpha.csv",
        "subject,kind,topic,stance,value,statement,quote,category\n\
         alpha,feature,caching,builtin,,Alpha has built-in caching.,Alpha has built-in caching.,components\n\
         alpha,fact,storage,,zorbfiles,Alpha keeps its cache in zorbfiles.,Alpha keeps its cache in zorbfiles on disk.,components\n",
    );
    env.import(&db, &claims, &article).ok();
    let run = env.run(&[
        "--db",
        &db,
        "--format",
        "json",
        "ask",
        "does alpha cache things in zorbfiles",
    ]);
    let rows = run.json();
    let lines = line_starts(&rows);
    assert!(
        lines.contains(&3) && lines.contains(&5),
        "{rows:#}\n{}",
        run.stderr
    );
}

#[test]
fn every_command_of_a_reading_line_runs() {
    // Issue 22: "the reading-as line is a command that runs"; a question naming two
    // topics was read as "claims --topic a (and the same with --topic b)".
    let env = Env::new();
    for question in [
        "is flask fast and scalable",
        "which is better for beginners",
    ] {
        let run = env.run(&["ask", question]);
        let line = run
            .stderr
            .lines()
            .find_map(|l| l.strip_prefix("reading this as: "))
            .expect("a reading line")
            .to_string();
        let commands: Vec<&str> = line.split(" ; ").collect();
        assert!(commands.len() >= 2, "{line}");
        for command in commands {
            let words: Vec<&str> = command
                .strip_prefix("claimdb ")
                .expect("a claimdb command")
                .split(' ')
                .collect();
            env.run(&words).ok();
        }
    }
}

/// `subjects`, `topics` and `report` take `--source` like every query command: the
/// subjects, topics and report rows of that article alone.
#[test]
fn subjects_topics_and_reports_keep_to_the_source_asked() {
    let (env, db) = several_articles();
    let json = |args: &[&str]| -> Value {
        let mut all = vec!["--db", db.as_str(), "--format", "json"];
        all.extend_from_slice(args);
        env.run(&all).json()
    };
    let names = |rows: &Value, field: &str| -> Vec<String> {
        let mut n: Vec<String> = rows
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r[field].as_str().unwrap().to_string())
            .collect();
        n.sort();
        n
    };
    let subjects = json(&["subjects", "--source", "kafka-vs-rabbitmq"]);
    assert_eq!(
        names(&subjects, "subject"),
        ["kafka", "rabbitmq"],
        "{subjects:#}"
    );
    let topics = json(&["topics", "--source", "postgres-vs-mysql"]);
    let every = json(&["topics"]);
    assert!(
        !names(&topics, "topic").contains(&"orm".to_string()),
        "{topics:#}"
    );
    assert!(names(&every, "topic").contains(&"orm".to_string()));
    assert!(
        names(&topics, "topic").contains(&"replication".to_string()),
        "{topics:#}"
    );
    let matrix = json(&["report", "feature-matrix", "--source", "fastapi-vs-flask"]);
    let rows = matrix.as_array().unwrap();
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|r| r["source"] == "fastapi-vs-flask"),
        "{matrix:#}"
    );
    env.run(&["--db", &db, "subjects", "--source", "nope"])
        .fails_saying(2, "no source 'nope'");
}

/// Splits a command line as a POSIX shell does for the quoting `ask` prints (single
/// quotes, with `'\''` for a quote inside).
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any || !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                any = false;
            }
            '\\' if !quoted => {}
            _ => word.push(c),
        }
    }
    if any || !word.is_empty() {
        words.push(word);
    }
    words
}

fn claim_ids(rows: &Value) -> std::collections::BTreeSet<i64> {
    rows.as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["claim_id"].as_i64())
        .collect()
}

/// The "reading this as" line is the command (or commands, joined by " ; ") that
/// gives the rows the answer shows: run as printed, quoting and all, it lists
/// the same claims.
#[test]
fn every_reading_as_line_runs_and_lists_the_answers_claims() {
    let (env, db) = several_articles();
    for question in [
        "does flask have an orm?",
        "which framework lacks built-in authentication",
        "which databases support materialized views",
        "according to the kafka article which is faster",
        "is django better than flask for large projects",
        "what are the drawbacks of flask",
        "who uses django",
        "does postgres support json",
        "what is fastapi",
        "does flask support websockets",
    ] {
        let run = env.run(&["--db", &db, "--format", "json", "ask", question]);
        // Every question here prints its reading line: a missing one fails
        // instead of leaving the question unchecked.
        let line = run
            .stderr
            .lines()
            .find_map(|l| l.strip_prefix("reading this as: claimdb "))
            .unwrap_or_else(|| panic!("{question}: no reading line in {}", run.stderr));
        let mut listed = std::collections::BTreeSet::new();
        for command in line.split(" ; claimdb ") {
            let mut args: Vec<String> =
                vec!["--db".into(), db.clone(), "--format".into(), "json".into()];
            args.extend(shell_words(command));
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let again = env.run(&args);
            assert_eq!(
                again.code, 0,
                "{question}: `{command}` failed: {}",
                again.stderr
            );
            listed.extend(claim_ids(&again.json()));
        }
        let shown = claim_ids(&run.json());
        assert!(
            shown.is_subset(&listed) && (shown.len() >= 30 || shown == listed),
            "{question}: `{line}` lists {listed:?}, the answer shows {shown:?}"
        );
    }
}

/// Round 2 of issue 22: "what database does X use" asks which database X uses; the
/// class word is the thing asked for, not the class of X, so X's article answers
/// although a database article is in the knowledge base too.
#[test]
fn a_class_word_asked_of_a_named_subject_does_not_limit_the_answer() {
    let (env, db) = several_articles();
    let article = env.write(
        "plimq-vs-zorbaq.md",
        "# Plimq vs Zorbaq\n\nZorbaq keeps its jobs in Mongo, while Plimq uses Redis.\n",
    );
    let claims = env.write(
        "plimq-vs-zorbaq.csv",
        "subject,kind,topic,value,versus,statement,quote,category\n\
         zorbaq,comparison,backend,uses Mongo where Plimq uses Redis,plimq,\
         Zorbaq keeps its jobs in Mongo while Plimq uses Redis.,\
         Zorbaq keeps its jobs in Mongo,components\n",
    );
    env.import(&db, &claims, &article).ok();
    let (rows, err) = ask(&env, &db, "what database does zorbaq use");
    assert_eq!(sources_of(&rows), ["plimq-vs-zorbaq"], "{rows:#} {err}");
}

/// Round 2 of issue 22: a subject's name inside another article's topic
/// ("widgets per hour", where `widgets` is also a subject) does not pull that
/// article in: the two subjects the question names belong to one article, which
/// has no claim on the topic, so the answer is no claim, not the other article's
/// figures.
#[test]
fn a_subject_word_inside_another_articles_topic_names_no_subject() {
    let (env, db) = env_with_db();
    for (slug, text, csv) in [
        (
            "plimq-vs-zorbaq",
            "# Plimq vs Zorbaq\n\nZorbaq keeps its jobs in Mongo, while Plimq uses Redis.\n",
            "subject,kind,topic,value,versus,statement,quote,category\n\
             zorbaq,comparison,backend,uses Mongo where Plimq uses Redis,plimq,\
             Zorbaq keeps its jobs in Mongo while Plimq uses Redis.,\
             Zorbaq keeps its jobs in Mongo,components\n",
        ),
        (
            "gizmo-faq",
            "# Gizmo FAQ\n\nGizmo handles 900 widgets per hour.\n",
            "subject,kind,topic,value,statement,quote,category\n\
             gizmo,fact,widgets-per-hour,900,Gizmo handles 900 widgets per hour.,\
             Gizmo handles 900 widgets per hour,components\n",
        ),
        (
            "widgets-readme",
            "# Widgets\n\nWidgets has built-in caching.\n",
            "subject,kind,topic,stance,statement,quote,category\n\
             widgets,feature,caching,builtin,Widgets has built-in caching.,\
             Widgets has built-in caching,components\n",
        ),
    ] {
        let article = env.write(&format!("{slug}.md"), text);
        let claims = env.write(&format!("{slug}.csv"), csv);
        env.import(&db, &claims, &article).ok();
    }
    let (rows, err) = ask(
        &env,
        &db,
        "how many widgets per hour does plimq handle compared to zorbaq",
    );
    assert_eq!(sources_of(&rows), Vec::<String>::new(), "{rows:#} {err}");
    assert!(err.contains("no claim"), "{err}");
}

/// Round 2 of issue 22: "who uses X" where no company claim is about X answers with
/// X's claim that names the organizations using it, not an empty list.
#[test]
fn who_uses_x_finds_a_fact_naming_its_users_when_no_company_claim_does() {
    let (env, db) = several_articles();
    let article = env.write(
        "plimq-readme.md",
        "# Plimq\n\nPlimq has built-in retries.\nOrganizations using Plimq include Acme and Globex.\n",
    );
    let claims = env.write(
        "plimq-readme.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         plimq,feature,retries,builtin,,Plimq has built-in retries.,Plimq has built-in retries,3,3,components\n\
         plimq,fact,adoption,,Organizations using Plimq include Acme and Globex,\
         Organizations using Plimq include Acme and Globex.,\
         Organizations using Plimq include Acme and Globex,4,4,components\n",
    );
    env.import(&db, &claims, &article).ok();
    let (rows, err) = ask(&env, &db, "who uses plimq");
    let lines = line_starts(&rows);
    assert_eq!(lines, [4], "{rows:#} {err}");
}

/// Round 2 of issue 22: "A or B, which one should I pick" with no topic answers
/// with the article's comparisons and then when it says to use each (its use
/// cases), which are what decides the pick.
#[test]
fn which_should_i_pick_between_two_adds_when_to_use_each() {
    let (env, db) = several_articles();
    let article = env.write(
        "plimq-vs-zorbaq.md",
        "# Plimq vs Zorbaq\n\nZorbaq keeps its jobs in Mongo, while Plimq uses Redis.\n\
         If you want delayed jobs, use Plimq.\nIf you already run Mongo, use Zorbaq.\n",
    );
    let claims = env.write(
        "plimq-vs-zorbaq.csv",
        "subject,kind,topic,value,versus,statement,quote,line_start,line_end,category\n\
         zorbaq,comparison,backend,uses Mongo where Plimq uses Redis,plimq,\
         Zorbaq keeps its jobs in Mongo while Plimq uses Redis.,\
         Zorbaq keeps its jobs in Mongo,3,3,components\n\
         plimq,use-case,delayed-jobs,,,If you want delayed jobs use Plimq.,\
         If you want delayed jobs,4,4,components\n\
         zorbaq,use-case,existing-mongo,,,If you already run Mongo use Zorbaq.,\
         If you already run Mongo,5,5,components\n",
    );
    env.import(&db, &claims, &article).ok();
    let (rows, err) = ask(&env, &db, "plimq or zorbaq, which one should I pick");
    let lines = line_starts(&rows);
    assert_eq!(lines, [3, 4, 5], "{rows:#} {err}");
}

/// Round 2 of issue 22: a word the question's subject's claims say as typed
/// ("Zorb" in "the latest Zorb release") is no typo of another subject's name
/// ("zorbls"), so that subject is not pulled in.
#[test]
fn a_word_the_claims_say_is_no_typo_of_another_name() {
    let (env, db) = several_articles();
    let article = env.write(
        "plimq-faq.md",
        "# Plimq FAQ\n\nPlimq supports only the latest Zorb release.\nZorbls has built-in retries.\n",
    );
    let claims = env.write(
        "plimq-faq.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         plimq,fact,supported-base,,only the latest Zorb release,\
         Plimq supports only the latest Zorb release.,\
         Plimq supports only the latest Zorb release,3,3,components\n\
         zorbls,feature,retries,builtin,,Zorbls has built-in retries.,\
         Zorbls has built-in retries,4,4,components\n",
    );
    env.import(&db, &claims, &article).ok();
    let (rows, err) = ask(&env, &db, "what's the minimum zorb release for plimq");
    assert!(!err.contains("reading 'zorb' as"), "{err}");
    let lines = line_starts(&rows);
    assert_eq!(lines, [3], "{rows:#} {err}");
}

/// Round 5 of issue 22: a word read as a typo of a subject that shares no article
/// with the subject the question names ("back" as the other article's "brack") is
/// kept as typed, and the answer keeps to the named subject's article.
#[test]
fn a_typo_is_not_read_as_a_subject_of_another_article() {
    let (env, db) = several_articles();
    let article = env.write(
        "plimq-faq.md",
        "# Plimq FAQ\n\nPlimq stores snapshots on Zorbstore over SSH only.\n",
    );
    let claims = env.write(
        "plimq-faq.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         plimq,feature,cloud-storage,limited,,Plimq stores snapshots on Zorbstore over SSH only.,\
         Plimq stores snapshots on Zorbstore over SSH only,3,3,components\n",
    );
    env.import(&db, &claims, &article).ok();
    let other = env.write("brack-readme.md", "# Brack\n\nBrack formats code.\n");
    let other_claims = env.write(
        "brack-readme.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         brack,fact,purpose,,formats code,Brack formats code.,Brack formats code,3,3,components\n",
    );
    env.import(&db, &other_claims, &other).ok();
    let (rows, err) = ask(&env, &db, "can plimq back up to zorbstore");
    assert!(!err.contains("reading 'back' as"), "{err}");
    assert_eq!(sources_of(&rows), ["plimq-faq"], "{rows:#} {err}");
}

/// Round 5 of issue 22: "should I use A or B for X" where no claim says X and the
/// two are not compared: what the article says of each answers, not "no claim".
#[test]
fn a_or_b_for_words_no_claim_says_shows_what_the_article_says_of_each() {
    let (env, db) = several_articles();
    let article = env.write(
        "zorbdoc-intro.md",
        "# Zorbdoc\n\nZorbdoc builds a single-page site.\nZorbdoc has page versioning.\n\
         Plimdocs is a good option if you do not need a single-page site.\n",
    );
    let claims = env.write(
        "zorbdoc-intro.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         zorbdoc,fact,architecture,,a single-page site,Zorbdoc builds a single-page site.,\
         Zorbdoc builds a single-page site,3,3,components\n\
         zorbdoc,feature,page-versioning,builtin,,Zorbdoc has page versioning.,\
         Zorbdoc has page versioning,4,4,components\n\
         plimdocs,use-case,no-single-page-site,,,Plimdocs is a good option if you do not need a single-page site.,\
         Plimdocs is a good option if you do not need a single-page site,5,5,components\n",
    );
    env.import(&db, &claims, &article).ok();
    let (rows, err) = ask(
        &env,
        &db,
        "should I use plimdocs or zorbdoc for my team handbook",
    );
    let mut subjects: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["subject"].as_str())
        .collect();
    subjects.sort();
    subjects.dedup();
    assert_eq!(subjects, ["plimdocs", "zorbdoc"], "{rows:#} {err}");
    assert_eq!(sources_of(&rows), ["zorbdoc-intro"], "{rows:#} {err}");
    assert!(err.contains("handbook"), "{err}");
    // A quality no claim states is not answered by everything else said of them.
    let (rows, err) = ask(&env, &db, "how fast is zorbdoc compared to plimdocs");
    assert_eq!(rows.as_array().map_or(0, Vec::len), 0, "{rows:#} {err}");
    assert!(err.contains("no claim"), "{err}");
}

/// Round 5 of issue 22: "A vs B for X" where B has no claim on X and none naming
/// it: B's own claims follow A's, so the answer shows both sides it was asked about.
#[test]
fn a_vs_b_shows_the_side_with_nothing_on_the_topic() {
    let (env, db) = several_articles();
    let article = env.write(
        "plimq-why.md",
        "# Why Plimq\n\nPlimq environments run arbitrary scripts.\n\
         Zorbtox only reads INI configuration.\n",
    );
    let claims = env.write(
        "plimq-why.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category,new\n\
         plimq,feature,arbitrary-scripts-in-environments,builtin,,Plimq environments run arbitrary scripts.,\
         Plimq environments run arbitrary scripts,3,3,components,subject topic\n\
         zorbtox,limitation,configuration-format,,,Zorbtox only reads INI configuration.,\
         Zorbtox only reads INI configuration,4,4,components,subject topic\n",
    );
    env.import(&db, &claims, &article).ok();
    let (rows, err) = ask(&env, &db, "plimq vs zorbtox for scripts in environments");
    let lines = line_starts(&rows);
    assert_eq!(lines, [3, 4], "{rows:#} {err}");
    assert!(!err.contains("each side's claims are above"), "{err}");
}

/// Round 6 of issue 22: "A vs zorb", "is A faster than zorb", where zorb is no
/// subject but A's claims name it: zorb is shown as the other side, with the claim
/// of A that names it, and nothing is made up where no claim names it.
#[test]
fn the_other_side_of_a_comparison_that_only_a_claim_names_is_shown() {
    let (env, db) = several_articles();
    let article = env.write(
        "plimq-readme.md",
        "# Plimq\n\nPlimq is a load tester inspired by zorbload.\n\
         Plimq ran 1.3 times faster than zorbload in the benchmark.\n\
         Plimq has a terminal UI.\nPlimq replays traffic captured by zorbload.\n",
    );
    let claims = env.write(
        "plimq-readme.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         plimq,fact,purpose,,a load tester,Plimq is a load tester inspired by zorbload.,\
         Plimq is a load tester inspired by zorbload,3,3,components\n\
         plimq,fact,performance,,1.3 times faster,Plimq ran 1.3 times faster than zorbload in the benchmark.,\
         Plimq ran 1.3 times faster than zorbload in the benchmark,4,4,performance\n\
         plimq,feature,terminal-ui,builtin,,Plimq has a terminal UI.,Plimq has a terminal UI,5,5,components\n\
         plimq,feature,traffic-replay,builtin,,Plimq replays traffic captured by zorbload.,\
         Plimq replays traffic captured by zorbload,6,6,components\n",
    );
    env.import(&db, &claims, &article).ok();
    let other_side = |rows: &Value| -> Vec<(String, i64)> {
        rows.as_array()
            .unwrap()
            .iter()
            .filter(|r| r["subject"] == "zorbload")
            .map(|r| {
                (
                    r["source"].as_str().unwrap().to_string(),
                    r["line_start"].as_i64().unwrap(),
                )
            })
            .collect()
    };
    for (question, line) in [
        ("plimq vs zorbload", 3),
        ("zorbload vs plimq", 3),
        ("is plimq faster than zorbload", 4),
    ] {
        let (rows, err) = ask(&env, &db, question);
        assert_eq!(
            other_side(&rows),
            [("plimq-readme".to_string(), line)],
            "{question}: {rows:#} {err}"
        );
        assert!(
            err.contains("zorbload: no claim of its own"),
            "{question}: {err}"
        );
    }
    // "A vs B on a topic": every claim of A naming B, the one on the topic first.
    let (rows, err) = ask(&env, &db, "plimq vs zorbload performance");
    assert!(line_starts(&rows).starts_with(&[4, 3, 6]), "{rows:#} {err}");
    // A claim that names zorbload on another topic does not say which is faster.
    let (rows, err) = ask(&env, &db, "is plimq smaller than zorbload");
    assert!(other_side(&rows).is_empty(), "{rows:#} {err}");
    assert!(err.contains("no claim"), "{err}");
    // A word after "than" that the question uses as English is no other side.
    let (rows, err) = ask(&env, &db, "is plimq faster than the others");
    assert!(other_side(&rows).is_empty(), "{rows:#} {err}");
    assert!(!err.contains("no claim of its own"), "{err}");
}

/// Round 6 of issue 22: a question that names no subject ("which of these ...")
/// whose topic stands in several articles is answered from the article whose
/// claims say the question's other words too.
#[test]
fn a_question_naming_no_subject_keeps_to_the_article_that_says_its_words() {
    let (env, db) = several_articles();
    let queues = env.write(
        "zorbq-readme.md",
        "# Zorbq\n\nZorbq is a job queue for Plimscript.\n\
         Zorbq has rate limiting of jobs per queue.\nBlimq has no rate limiting.\n",
    );
    let queue_claims = env.write(
        "zorbq-readme.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         zorbq,fact,purpose,,a job queue,Zorbq is a job queue for Plimscript.,\
         Zorbq is a job queue for Plimscript,3,3,components\n\
         zorbq,feature,rate-limiting,builtin,,Zorbq has rate limiting of jobs per queue.,\
         Zorbq has rate limiting of jobs per queue,4,4,components\n\
         blimq,feature,rate-limiting,lacks,,Blimq has no rate limiting.,\
         Blimq has no rate limiting,5,5,components\n",
    );
    env.import(&db, &queue_claims, &queues).ok();
    let proxies = env.write(
        "quuxproxy-faq.md",
        "# Quuxproxy FAQ\n\nQuuxproxy has rate limiting of requests.\n",
    );
    let proxy_claims = env.write(
        "quuxproxy-faq.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         quuxproxy,feature,rate-limiting,builtin,,Quuxproxy has rate limiting of requests.,\
         Quuxproxy has rate limiting of requests,3,3,components\n",
    );
    env.import(&db, &proxy_claims, &proxies).ok();
    let (rows, err) = ask(&env, &db, "which of these job queues have rate limiting");
    assert_eq!(sources_of(&rows), ["zorbq-readme"], "{rows:#} {err}");
    assert!(err.contains("--source zorbq-readme"), "{err}");
    // Words no one article says more of than the others: every article answers.
    let (rows, err) = ask(&env, &db, "which have rate limiting");
    assert_eq!(
        sources_of(&rows),
        ["quuxproxy-faq", "zorbq-readme"],
        "{rows:#} {err}"
    );
}

/// Round 6 of issue 22: "does X ... for outgoing replies" where "replies" is also
/// the name of a subject of another article: X's claims say the word and the
/// other subject's never name X, so the word is the question's, and no row comes
/// from the other article.
#[test]
fn a_word_the_subjects_claims_say_is_no_subject_of_another_article() {
    let (env, db) = several_articles();
    let zorb = env.write(
        "zorbhttp-docs.md",
        "# Zorbhttp\n\nZorbhttp streams the bodies of outgoing replies.\n",
    );
    let zorb_claims = env.write(
        "zorbhttp-docs.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         zorbhttp,feature,body-streaming,builtin,,Zorbhttp streams the bodies of outgoing replies.,\
         Zorbhttp streams the bodies of outgoing replies,3,3,components\n",
    );
    env.import(&db, &zorb_claims, &zorb).ok();
    let other = env.write(
        "replies-guide.md",
        "# Replies guide\n\nReplies decodes bodies as latin1.\nReplies streams response bodies.\n",
    );
    let other_claims = env.write(
        "replies-guide.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         replies,fact,body-encoding,,latin1,Replies decodes bodies as latin1.,\
         Replies decodes bodies as latin1,3,3,components\n\
         replies,feature,body-streaming,builtin,,Replies streams response bodies.,\
         Replies streams response bodies,4,4,components\n",
    );
    env.import(&db, &other_claims, &other).ok();
    let (rows, err) = ask(
        &env,
        &db,
        "does zorbhttp stream the bodies of outgoing replies",
    );
    assert_eq!(sources_of(&rows), ["zorbhttp-docs"], "{rows:#} {err}");
    // Compared, the two are both asked about.
    let (rows, err) = ask(&env, &db, "zorbhttp vs replies");
    assert!(
        rows.as_array()
            .unwrap()
            .iter()
            .any(|r| r["subject"] == "replies"),
        "{rows:#} {err}"
    );
}

/// Round 6 of issue 22: "does zorbproxy do http2" where zorbproxy is no subject
/// but one article's claims name it: answered from that article's claims naming
/// it, zorbproxy shown as named by them, not from another article's topic.
#[test]
fn a_name_only_one_articles_claims_say_is_asked_of_that_article() {
    let (env, db) = several_articles();
    let lb = env.write(
        "plimlb-comparison.md",
        "# Plimlb compared\n\nPlimlb's HTTP/2 support is an advantage over zorbproxy.\n\
         Plimlb gives more detailed statistics than zorbproxy.\n",
    );
    let lb_claims = env.write(
        "plimlb-comparison.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         plimlb,fact,http-2,,an advantage,Plimlb's HTTP/2 support is an advantage over zorbproxy.,\
         Plimlb's HTTP/2 support is an advantage over zorbproxy,3,3,components\n\
         plimlb,fact,statistics,,more detailed,Plimlb gives more detailed statistics than zorbproxy.,\
         Plimlb gives more detailed statistics than zorbproxy,4,4,components\n",
    );
    env.import(&db, &lb_claims, &lb).ok();
    let runtime = env.write(
        "quuxjs-apis.md",
        "# Quuxjs APIs\n\nQuuxjs implements node:http2 only in part.\n",
    );
    let runtime_claims = env.write(
        "quuxjs-apis.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         quuxjs,feature,node-http2,limited,,Quuxjs implements node:http2 only in part.,\
         Quuxjs implements node:http2 only in part,3,3,components\n",
    );
    env.import(&db, &runtime_claims, &runtime).ok();
    let (rows, err) = ask(&env, &db, "does zorbproxy do http2");
    assert_eq!(sources_of(&rows), ["plimlb-comparison"], "{rows:#} {err}");
    assert!(
        rows.as_array()
            .unwrap()
            .iter()
            .any(|r| r["subject"] == "zorbproxy" && r["line_start"] == 3),
        "{rows:#} {err}"
    );
}

/// Round 6 of issue 22: "which test runners can run tests in the browser": the
/// class "which" asks for limits the answer; a class word after "the" ("the
/// browser") says where, and neither limits it nor takes its article in.
#[test]
fn only_the_class_which_asks_for_limits_the_answer() {
    let (env, db) = several_articles();
    let runners = env.write(
        "zorb-runners.md",
        "# Comparing Zorb Test Runners\n\nZorbtest runs tests in the browser.\n\
         Plimtest runs tests in parallel.\n",
    );
    let runner_claims = env.write(
        "zorb-runners.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         zorbtest,feature,browser-testing,builtin,,Zorbtest runs tests in the browser.,\
         Zorbtest runs tests in the browser,3,3,components\n\
         plimtest,feature,parallel-tests,builtin,,Plimtest runs tests in parallel.,\
         Plimtest runs tests in parallel,4,4,components\n",
    );
    env.import(&db, &runner_claims, &runners).ok();
    let browsers = env.write(
        "quux-browser.md",
        "# Quux, a browser\n\nQuux runs tests of its own rendering.\n",
    );
    let browser_claims = env.write(
        "quux-browser.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         quux,fact,testing,,its own rendering,Quux runs tests of its own rendering.,\
         Quux runs tests of its own rendering,3,3,components\n",
    );
    env.import(&db, &browser_claims, &browsers).ok();
    let (rows, err) = ask(&env, &db, "which test runners can run tests in the browser");
    assert_eq!(sources_of(&rows), ["zorb-runners"], "{rows:#} {err}");
    assert!(!err.contains("--source quux-browser"), "{err}");
    assert!(line_starts(&rows).contains(&3), "{rows:#} {err}");
}

/// Round 7 of issue 22: a word another article's claims use as a word ("share") is
/// no typo of a subject's name ("sharx"), even when the question names no subject.
#[test]
fn a_word_any_claim_uses_is_no_typo_of_a_name() {
    let (env, db) = several_articles();
    let article = env.write(
        "plimq-faq.md",
        "# Plimq FAQ\n\nWith Plimq, several services can share one queue.\n",
    );
    let claims = env.write(
        "plimq-faq.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         plimq,feature,many-services,builtin,,With Plimq several services can share one queue.,\
         several services can share one queue,3,3,components\n",
    );
    env.import(&db, &claims, &article).ok();
    let other = env.write("sharx-readme.md", "# Sharx\n\nSharx resizes images.\n");
    let other_claims = env.write(
        "sharx-readme.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         sharx,fact,purpose,,resizes images,Sharx resizes images.,Sharx resizes images,3,3,components\n",
    );
    env.import(&db, &other_claims, &other).ok();
    let (rows, err) = ask(&env, &db, "which tool lets my services share one queue");
    assert!(!err.contains("reading 'share' as"), "{err}");
    assert_eq!(sources_of(&rows), ["plimq-faq"], "{rows:#} {err}");
}

/// Round 7 of issue 22: "is A faster than B" where a claim of A alone says the word:
/// B's side is still shown, from a topic both have claims on (the figures of each).
#[test]
fn a_comparative_one_side_says_shows_the_other_side_too() {
    let (env, db) = several_articles();
    let article = env.write(
        "zorbz-readme.md",
        "# Zorbz\n\nIn the test Zorbz packs 330 MB/s.\nIn the same test Plimz packs 95 MB/s.\n\
         With a trained dictionary Zorbz is faster still.\n",
    );
    let claims = env.write(
        "zorbz-readme.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         zorbz,fact,benchmark,,330 MB/s,In the test Zorbz packs 330 MB/s.,\
         In the test Zorbz packs 330 MB/s,3,3,components\n\
         plimz,fact,benchmark,,95 MB/s,In the same test Plimz packs 95 MB/s.,\
         In the same test Plimz packs 95 MB/s,4,4,components\n\
         zorbz,pro,dictionary-speed,,,With a trained dictionary Zorbz is faster still.,\
         With a trained dictionary Zorbz is faster still,5,5,components\n",
    );
    env.import(&db, &claims, &article).ok();
    let (rows, err) = ask(&env, &db, "is zorbz faster than plimz");
    let lines = line_starts(&rows);
    assert!(lines.contains(&4), "{rows:#} {err}");
    assert_eq!(sources_of(&rows), ["zorbz-readme"], "{rows:#} {err}");
}

/// Round 7 of issue 22: "any known problems with A" asks for A's weaknesses as
/// "any problems with A" does; "known" is no word a claim must say.
#[test]
fn known_problems_are_weaknesses() {
    let (env, db) = several_articles();
    let article = env.write(
        "zorbz-readme.md",
        "# Zorbz\n\nZorbz gives poor error messages.\n",
    );
    let claims = env.write(
        "zorbz-readme.csv",
        "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n\
         zorbz,con,error-messages,,,Zorbz gives poor error messages.,\
         Zorbz gives poor error messages,3,3,components\n",
    );
    env.import(&db, &claims, &article).ok();
    let (rows, err) = ask(&env, &db, "any known problems with zorbz");
    assert_eq!(line_starts(&rows), [3], "{rows:#} {err}");
}
