//! Every citation says something (issue 23): a quote is words a reader sees, a
//! company row's quote names the company as a word, and `verify` finds the same
//! faults in a database written before these checks.

use crate::support::env_with_db;

const ARTICLE: &str = "# Flask vs Django\n\n\
Flask is fast.\n\n\
**\n\n\
Meta uses metaprogramming. Google uses Go. Read the [site](https://netflix.com) now.\n\n\
Both use Net`flix` and **Pinterest** today.\n\n\
It takes 10*10 steps.\n";

const HEADER: &str = "subject,kind,topic,stance,value,statement,quote,line_start,line_end\n";

/// A citation of only white space, punctuation, digits or markup is refused, at
/// its lines or found by itself, and nothing is imported.
#[test]
fn a_quote_without_words_is_refused() {
    let (env, db) = env_with_db();
    let article = env.write("a.md", ARTICLE);
    for quote in ["\" \"", ".", "**", "\"1010\""] {
        let lines = if quote == "**" { "5,5" } else { "," };
        let claims = env.write(
            "c.csv",
            format!(
                "{HEADER}flask,feature,admin-interface,builtin,,Flask has it.,{quote},{lines}\n"
            ),
        );
        let out = env.import(&db, &claims, &article);
        out.fails_saying(3, "the quote has no words");
    }
    let sources = env.run(&["--db", &db, "--format", "csv", "sources"]);
    assert_eq!(sources.ok().lines().count(), 2, "{}", sources.stdout);
}

/// A quote that stands only inside a link target is not what a reader sees.
#[test]
fn a_quote_hidden_in_a_link_target_is_refused() {
    let (env, db) = env_with_db();
    let article = env.write("a.md", ARTICLE);
    let claims = env.write(
        "c.csv",
        format!("{HEADER}flask,fact,popularity,,netflix,It is netflix.,netflix.com,,\n"),
    );
    env.import(&db, &claims, &article)
        .fails_saying(3, "not in the text a reader sees");
}

/// A company's name must stand in its quote as a word a reader sees: not inside
/// another word, not in a link target.
#[test]
fn a_company_is_named_as_a_whole_word() {
    let (env, db) = env_with_db();
    let article = env.write("a.md", ARTICLE);
    for (company, quote) in [
        ("Meta", "Meta uses metaprogramming."),
        ("Go", "Google uses Go."),
        ("a", "Flask is fast."),
        ("Netflix", "Read the [site](https://netflix.com) now."),
    ] {
        let claims = env.write(
            "c.csv",
            format!("{HEADER}flask,company,adoption,,{company},Used by {company}.,{quote},,\n"),
        );
        let out = env.import(&db, &claims, &article);
        if company == "Meta" || company == "Go" {
            // Both name the company as a word ("Meta uses", "uses Go"): accepted.
            out.ok();
            env.run(&["--db", &db, "remove-source", "a"]).ok();
        } else {
            out.fails_saying(
                3,
                &format!("the company '{company}' is not named as a word in its quote"),
            );
        }
    }
    // "Metaprogramming" alone does not name Meta; inline markup does not hide a name.
    let claims = env.write(
        "c.csv",
        format!(
            "{HEADER}flask,company,adoption,,Meta,Used by Meta.,uses metaprogramming,,\n\
             flask,company,adoption,,Netflix,Used by Netflix.,Both use Net`flix` and,,\n\
             flask,company,adoption,,Pinterest,Used by Pinterest.,and **Pinterest** today,,\n"
        ),
    );
    let err = env.import(&db, &claims, &article).fails_with(3).to_string();
    assert!(err.contains("the company 'Meta' is not named"), "{err}");
    assert!(
        !err.contains("'Netflix'") && !err.contains("'Pinterest'"),
        "{err}"
    );
}

/// A database written before the checks (the rows put there by hand) is checked by
/// `verify`, which names each fault and exits 1.
#[test]
fn verify_names_citations_that_say_nothing() {
    let (env, db) = env_with_db();
    let article = env.write("a.md", ARTICLE);
    let claims = env.write(
        "c.csv",
        format!(
            "{HEADER}flask,feature,admin-interface,builtin,,Flask has it.,Flask is fast.,3,3\n\
             flask,company,adoption,,Google,Used by Google.,Google uses Go.,7,7\n"
        ),
    );
    env.import(&db, &claims, &article).ok();
    env.run(&["--db", &db, "verify"]).ok();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "UPDATE claims SET quote = ' ' WHERE statement = 'Flask has it.';
         UPDATE claims SET value = 'Go', quote = 'Google' WHERE statement = 'Used by Google.';",
    )
    .unwrap();
    drop(conn);
    let out = env.run(&["--db", &db, "--format", "csv", "verify"]);
    let err = out.fails_with(1);
    assert!(err.contains("2 of"), "{err}");
    assert!(
        out.stdout.contains("the quote has no words"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("the company 'Go' is not named as a word in its quote"),
        "{}",
        out.stdout
    );
}
