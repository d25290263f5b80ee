//! The conventions sqlite-utils and Datasette users bring (issue 24), each as a user
//! meets it: `sql -` and `-p NAME VALUE`, `--limit`, lists as JSON lists, booleans
//! as 0/1, `TERM=dumb`, `-o` with an extension claimdb does not write, Markdown a
//! renderer reads as written, and a completion script that outlives the build.

use std::process::Command;

use crate::support::{Env, run};

#[test]
fn sql_dash_reads_the_statement_from_stdin() {
    let env = Env::new();
    let out = env.run_with_stdin(
        &["--format", "csv", "sql", "-"],
        b"SELECT count(*) AS n FROM subjects\n",
    );
    assert_eq!(out.ok(), "n\r\n2\r\n");
    let out = env.run_with_stdin(&["sql", "-"], b"  \n");
    out.fails_saying(2, "no SQL statement on stdin");
}

#[test]
fn dash_p_takes_name_value_as_sqlite_utils_does_and_name_equals_value() {
    let env = Env::new();
    let sql = "SELECT :s AS s, :t AS t, :n + 1 AS n";
    for args in [
        vec![sql, "-p", "s", "flask", "-p", "t=a b", "-p", "n", "41"],
        vec!["-p", "s=flask", "-p", "t", "a b", "-p", "n=41", sql],
    ] {
        let mut all = vec!["--format", "csv", "sql"];
        all.extend(args.iter().copied());
        assert_eq!(env.run(&all).ok(), "s,t,n\r\nflask,a b,42\r\n", "{all:?}");
    }
    // A negative number is a value; other text starting with "-" goes after `=`.
    let out = env.run(&[
        "--format",
        "csv",
        "sql",
        "SELECT :v AS v, :w AS w",
        "-p",
        "v",
        "-5",
        "-p",
        "w=-x",
    ]);
    assert_eq!(out.ok(), "v,w\r\n-5,'-x\r\n");
}

#[test]
fn limit_caps_every_listing_and_says_how_many_there_were() {
    let env = Env::new();
    for command in [
        &["pros"][..],
        &["claims", "--subject", "flask"],
        &["topics"],
    ] {
        let mut args = vec!["--format", "json", "--limit", "3"];
        args.extend_from_slice(command);
        let out = env.run(&args);
        let rows = out.json();
        assert_eq!(rows.as_array().unwrap().len(), 3, "{command:?}");
        assert!(
            out.stderr.contains("--limit 3: showed 3 of "),
            "{command:?}: {}",
            out.stderr
        );
    }
    let out = env.run(&["--limit", "10", "subjects"]);
    assert!(out.stderr.is_empty(), "nothing was cut: {}", out.stderr);
}

#[test]
fn aliases_are_a_json_list_and_every_boolean_is_0_or_1() {
    let env = Env::new();
    let subjects = env.run(&["--format", "json", "subjects"]).json();
    let flask = subjects
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["subject"] == "flask")
        .unwrap();
    assert!(
        flask["aliases"]
            .as_array()
            .is_some_and(|a| a.contains(&"Flash".into())),
        "{flask}"
    );
    // CSV carries the same list as JSON text, as sqlite-utils writes a list.
    let csv = env.run(&["--format", "csv", "topics"]).ok().to_string();
    assert!(csv.contains("\"[\"\""), "{csv}");
    let sources = env.run(&["--format", "json", "sources"]).json();
    assert_eq!(sources[0]["shipped"], 1, "{sources}");
    let pros = env.run(&["--format", "json", "pros"]).json();
    assert_eq!(pros[0]["listed"], 1, "{pros}");
}

#[test]
fn a_markdown_closing_line_stands_apart_from_the_table() {
    let env = Env::new();
    let md = env
        .run(&["--format", "markdown", "which", "lacks", "built-in", "auth"])
        .ok()
        .to_string();
    let lines: Vec<&str> = md.lines().collect();
    let last = lines.len() - 1;
    assert!(lines[last].contains("subjects have a claim"), "{md}");
    assert_eq!(
        lines[last - 1],
        "",
        "no blank line before the closing line: {md}"
    );
    assert!(lines[last - 2].starts_with('|'), "{md}");
}

#[test]
fn dash_o_with_an_extension_claimdb_does_not_write_is_refused() {
    let env = Env::new();
    let out = env.run(&["pros", "-o", "pros.xlsx"]);
    let err = out.fails_saying(2, "pros.xlsx");
    assert!(
        err.contains("not .xlsx") && err.contains("-o pros.csv"),
        "{err}"
    );
    assert!(
        !env.path("pros.xlsx").exists(),
        "wrote a box table as .xlsx"
    );
    // Said explicitly, any name goes; a text table may be a .txt.
    env.run(&["pros", "-o", "pros.xlsx", "--format", "csv"])
        .ok();
    env.run(&["pros", "-o", "pros.txt"]).ok();
    assert!(
        std::fs::read_to_string(env.path("pros.txt"))
            .unwrap()
            .contains("│")
    );
}

/// `claimdb --color auto which lacks orm` on a terminal (script(1) gives it one)
/// with `TERM` set to `term`; None when script(1) cannot run here.
fn on_a_terminal(env: &Env, term: &str) -> Option<String> {
    let ok = Command::new("script")
        .args(["-qec", "true", "/dev/null"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        return None;
    }
    let command = format!(
        "{} which lacks orm 2>/dev/null",
        env!("CARGO_BIN_EXE_claimdb")
    );
    let mut script = env.program("script");
    script
        .args(["-qec", &command, "/dev/null"])
        .env("TERM", term)
        .env("XDG_DATA_HOME", env.path("data"));
    Some(run(&mut script).ok().to_string())
}

#[test]
fn term_dumb_gets_no_colour_on_a_terminal() {
    let env = Env::new();
    let Some(xterm) = on_a_terminal(&env, "xterm") else {
        return crate::support::skipped("script(1) cannot run here");
    };
    assert!(xterm.contains("\x1b["), "a terminal gets colour: {xterm:?}");
    let dumb = on_a_terminal(&env, "dumb").unwrap();
    assert!(dumb.contains("flask") && !dumb.contains('\x1b'), "{dumb:?}");
}

#[test]
fn the_bash_completion_script_names_no_path_of_the_binary_that_wrote_it() {
    let env = Env::new();
    let binary = env!("CARGO_BIN_EXE_claimdb");
    for shell in ["bash", "zsh", "fish"] {
        let script = env.run(&["completions", shell]).ok().to_string();
        assert!(
            !script.contains(binary) && !script.contains("target/"),
            "{shell}: the script breaks once this build is gone: {script}"
        );
        assert!(script.contains("claimdb"), "{script}");
    }
    // Written to a file whose name is no output format: a script is a script.
    env.run(&["completions", "bash", "-o", "claimdb.bash"]).ok();
    let written = std::fs::read_to_string(env.path("claimdb.bash")).unwrap();
    assert!(
        written.contains("complete") && written.contains("claimdb"),
        "{written}"
    );
}

/// `sqlite-utils create-index` and `add-column` on the live file: every command
/// refuses it (by design: claimdb reads only the schema it made), naming exactly
/// what was added and the one command that removes it; `verify` says the same, and
/// once that command has run, claimdb answers again.
#[test]
fn sqlite_utils_additions_are_named_with_the_one_command_that_removes_them() {
    for (change, added) in [
        // What `sqlite-utils create-index kb.sqlite3 claims kind` runs.
        (
            "CREATE INDEX \"idx_claims_kind\" ON \"claims\" (\"kind\")",
            "an index idx_claims_kind on claims (kind) that claimdb did not make",
        ),
        // What `sqlite-utils add-column kb.sqlite3 claims notes text` runs.
        (
            "ALTER TABLE \"claims\" ADD COLUMN \"notes\" TEXT",
            "a column \"notes\" was added to its table claims",
        ),
    ] {
        let (env, db) = crate::support::env_with_db();
        rusqlite::Connection::open(&db)
            .unwrap()
            .execute_batch(change)
            .unwrap();
        let mut hints = Vec::new();
        for args in [&["which", "lacks", "orm"][..], &["verify"]] {
            let mut all = vec!["--db", db.as_str()];
            all.extend_from_slice(args);
            let err = env.run(&all).fails_saying(4, added).to_string();
            let hint = err
                .lines()
                .find_map(|l| {
                    l.split_once(": sqlite3 ")
                        .map(|(_, c)| format!("sqlite3 {c}"))
                })
                .unwrap_or_else(|| panic!("no command in {err}"));
            hints.push(hint);
        }
        assert_eq!(hints[0], hints[1], "verify says the same");
        // The command, as given.
        let sql = hints[0].split_once(" '").unwrap().1.trim_end_matches('\'');
        if crate::external::found_on_path("sqlite3").is_some() {
            run(Command::new("sh")
                .args(["-c", &hints[0]])
                .current_dir(env.dir.path()))
            .ok();
        } else {
            rusqlite::Connection::open(&db)
                .unwrap()
                .execute_batch(sql)
                .unwrap();
        }
        env.run(&["--db", &db, "which", "lacks", "orm"]).ok();
        env.run(&["--db", &db, "verify"]).ok();
    }
}

/// A test that cannot check what it is for says so where `cargo test` shows it, and
/// the skips are counted after the harness's summary (issue 24: a skip once passed
/// as `ok` in silence). Run on this very test binary, with no `script` on PATH.
#[test]
fn a_skipped_test_is_said_and_counted_after_the_summary() {
    let test = "conventions::term_dumb_gets_no_colour_on_a_terminal";
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", test, "--test-threads=1"])
        .env("PATH", "")
        .env_remove("CI")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("1 passed"), "{stdout}");
    let line = format!("SKIPPED {test}: script(1) cannot run here");
    assert!(stderr.starts_with(&line), "{stderr}");
    assert!(
        stderr.contains("\n1 test skipped (counted as passed above")
            && stderr.ends_with(&format!("  {line}\n")),
        "{stderr}"
    );
}
