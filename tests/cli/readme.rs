//! The README's examples, re-run (issue 24): every `$ claimdb …` line of a `console`
//! or `text` block runs in a fresh data directory, from the repository root, and the
//! lines under it must be byte for byte what it prints: its standard output, line by
//! line, with any of its stderr lines (`reading this as: …`, a closing count) shown
//! where the README puts them; a stderr line the README leaves out is not missed. A
//! line starting with `...` stands for any lines (the README shortens long answers
//! that way, and says so).

use crate::support::{Env, fixture, run};

/// One example: the command after `$ `, the lines the README shows under it, and
/// the README line it is on.
struct Example {
    command: String,
    expected: Vec<String>,
    line: usize,
}

fn examples(readme: &str) -> Vec<Example> {
    let mut examples: Vec<Example> = Vec::new();
    let mut in_block = false;
    // The example whose output the lines are, in the current block.
    let mut current: Option<usize> = None;
    for (n, line) in readme.lines().enumerate() {
        if let Some(lang) = line.strip_prefix("```") {
            in_block = !in_block && matches!(lang, "console" | "text");
            current = None;
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            examples.push(Example {
                command: command.to_string(),
                expected: Vec::new(),
                line: n + 1,
            });
            current = Some(examples.len() - 1);
        } else if let Some(i) = current {
            examples[i].expected.push(line.to_string());
        }
    }
    for example in &mut examples {
        while example.expected.last().is_some_and(|l| l.is_empty()) {
            example.expected.pop();
        }
    }
    examples
}

/// True when `got` is `want`, a `want` line starting with `...` standing for any
/// number of lines.
fn lines_match(want: &[String], got: &[&str]) -> bool {
    match want.split_first() {
        None => got.is_empty(),
        Some((w, rest)) if w.starts_with("...") => {
            (0..=got.len()).any(|skip| lines_match(rest, &got[skip..]))
        }
        Some((w, rest)) => got.first() == Some(&w.as_str()) && lines_match(rest, &got[1..]),
    }
}

#[test]
fn every_example_in_the_readme_prints_what_the_readme_shows() {
    let readme = include_str!("../../README.md");
    let examples = examples(readme);
    assert!(examples.len() >= 6, "{} examples", examples.len());
    let env = Env::new();
    let root = env!("CARGO_MANIFEST_DIR");
    let path = crate::support::path_with_claimdb();
    // The first run's "created the database" line belongs to no example.
    env.run(&["subjects"]).ok();
    let mut failures = Vec::new();
    for example in &examples {
        // The coverage example follows "after importing only the two claims of
        // tests/fixtures/fastapi-claims.json".
        if example.command.contains("coverage fastapi-vs-flask") {
            let db = env.default_db();
            env.import(
                db.to_str().unwrap(),
                &fixture("fastapi-claims.json"),
                &fixture("fastapi-vs-flask.txt"),
            )
            .ok();
        }
        let mut sh = env.program("sh");
        sh.args(["-c", &example.command])
            .current_dir(root)
            .env("PATH", &path)
            .env("XDG_DATA_HOME", env.path("data"));
        let out = run(&mut sh);
        let got: Vec<&str> = out.stdout.lines().collect();
        let said: Vec<&str> = out.stderr.lines().collect();
        let shown: Vec<String> = example
            .expected
            .iter()
            .filter(|l| !said.contains(&l.as_str()))
            .cloned()
            .collect();
        if out.code != 0 || !lines_match(&shown, &got) {
            failures.push(format!(
                "README.md:{}: $ {}\n--- the README shows\n{}\n--- claimdb prints (exit {})\n{}--- on stderr\n{}",
                example.line,
                example.command,
                example.expected.join("\n"),
                out.code,
                out.stdout,
                out.stderr
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn elided_lines_match_any_lines_and_nothing_else() {
    let want: Vec<String> = ["a", "...", "z"].map(String::from).to_vec();
    assert!(lines_match(&want, &["a", "z"]));
    assert!(lines_match(&want, &["a", "b", "c", "z"]));
    assert!(!lines_match(&want, &["a", "b"]));
    assert!(!lines_match(&want, &["b", "z"]));
}
