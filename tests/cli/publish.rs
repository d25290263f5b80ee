//! `publish DIR` under hostile arguments and environments: DIR is a path (never a
//! SQLite URI), a directory that cannot be written is an I/O error naming it, what is
//! printed for a person carries no control characters, a closed standard output is
//! an error, and only web addresses become links.

use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::path::Path;
use std::process::Command;

use crate::support::{Env, env_with_db, files_in, run};

/// The snapshot `publish` wrote in `dir` (exactly one, and nothing half-written).
fn published_in(dir: &Path) -> String {
    let files = files_in(dir);
    assert_eq!(
        files,
        ["README.md", "claimdb.sqlite3", "metadata.json"],
        "{}",
        dir.display()
    );
    "claimdb.sqlite3".to_string()
}

#[test]
fn publish_reads_dir_as_a_path_never_as_a_sqlite_uri() {
    let (env, db) = env_with_db();
    // Relative: SQLite would read `file:stray.sqlite3#/…` as the URI of ./stray.sqlite3.
    let dir = "file:stray.sqlite3#";
    let printed = env.run(&["--db", &db, "publish", dir]).ok().to_string();
    let snapshot = published_in(&env.path(dir));
    assert_eq!(printed, format!("{dir}/{snapshot}\n"));
    assert!(
        !env.path("stray.sqlite3").exists(),
        "a copy of the database outside DIR"
    );

    // Absolute: `file:/elsewhere/stray.sqlite3#` would write anywhere.
    std::fs::create_dir(env.path("elsewhere")).unwrap();
    let dir = format!("file:{}#", env.path("elsewhere/stray.sqlite3").display());
    env.run(&["--db", &db, "publish", &dir]).ok();
    published_in(&env.path(&dir));
    assert!(
        files_in(&env.path("elsewhere")).is_empty(),
        "a copy of the database outside DIR: {:?}",
        files_in(&env.path("elsewhere"))
    );
}

/// Runs `claimdb ARGS` as a user who cannot write `dir` (made read-only): itself when
/// not root, `nobody` through setpriv when root. None when neither can be arranged.
fn run_unprivileged(env: &Env, dir: &Path, args: &[&str]) -> Option<crate::support::Run> {
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let root = std::fs::metadata(env.dir.path()).unwrap().uid() == 0;
    if !root {
        return Some(env.run(args));
    }
    // nobody must reach the binary, the database and DIR's parent.
    std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let setpriv = ["--reuid", "65534", "--regid", "65534", "--clear-groups"];
    let works = Command::new("setpriv")
        .args(setpriv)
        .arg(env!("CARGO_BIN_EXE_claimdb"))
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !works {
        return None;
    }
    let mut setpriv_cmd = env.program("setpriv");
    setpriv_cmd
        .args(setpriv)
        .arg(env!("CARGO_BIN_EXE_claimdb"))
        .args(args)
        .stdin(std::process::Stdio::null());
    Some(run(&mut setpriv_cmd))
}

#[test]
fn publish_into_a_directory_it_cannot_write_is_an_io_error_naming_the_directory() {
    let (env, db) = env_with_db();
    let dir = env.path("pubro");
    std::fs::create_dir(&dir).unwrap();
    // Readable by the other user (init writes it 0600).
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let Some(out) = run_unprivileged(&env, &dir, &["--db", &db, "publish", "pubro"]) else {
        crate::support::skipped(
            "running as root and setpriv cannot switch to nobody, so no directory is unwritable",
        );
        return;
    };
    let err = out.fails_saying(6, "cannot write to pubro");
    assert!(!err.contains("database"), "{err}");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(files_in(&dir).is_empty(), "{:?}", files_in(&dir));
}

#[test]
fn publish_prints_no_control_characters_from_dir_for_a_person() {
    let (env, db) = env_with_db();
    let dir = "pub\x1b[31mred\x07";
    let out = env.run(&["--db", &db, "publish", dir]);
    let snapshot = published_in(&env.path(dir));
    // Piped, the path is exact: a script reads it.
    assert_eq!(out.ok(), format!("{dir}/{snapshot}\n"));
    assert!(
        !out.stderr.contains(['\x1b', '\x07']),
        "raw control characters on stderr: {:?}",
        out.stderr
    );
    assert!(
        out.stderr.contains("pub\\x1b[31mred\\x07"),
        "{:?}",
        out.stderr
    );

    // On a terminal (script(1) gives the command one), the path is escaped too.
    let ok = Command::new("script")
        .args(["-qec", "true", "/dev/null"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        crate::support::skipped("the terminal half: script(1) cannot run here");
        return;
    }
    let command = format!(
        "{} --db {db} publish \"$(printf 'pub\\033[31mred\\007')\" 2>/dev/null",
        env!("CARGO_BIN_EXE_claimdb")
    );
    let shown = run(env.program("script").args(["-qec", &command, "/dev/null"]))
        .ok()
        .to_string();
    assert!(
        !shown.contains(['\x1b', '\x07']) && shown.contains("pub\\x1b[31mred\\x07/claimdb.sqlite3"),
        "{shown:?}"
    );
}

#[test]
fn publish_to_a_closed_stdout_is_exit_6_and_writes_nothing() {
    let (env, db) = env_with_db();
    let mut sh = Command::new("sh");
    sh.args([
        "-c",
        "exec \"$@\" >&-",
        "sh",
        env!("CARGO_BIN_EXE_claimdb"),
        "--db",
        &db,
        "publish",
        "pubfull",
    ])
    .env_clear()
    .current_dir(env.dir.path());
    run(&mut sh).fails_saying(6, "standard output is closed");
    assert!(!env.path("pubfull").exists(), "wrote a site nobody sees");
}

#[test]
fn publish_links_only_web_addresses_as_the_licence() {
    let (env, db) = env_with_db();
    for url in [
        "javascript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,x",
    ] {
        let err = env
            .run(&[
                "--db",
                &db,
                "publish",
                "publ",
                "--license",
                "X",
                "--license-url",
                url,
            ])
            .fails_with(2)
            .to_string();
        assert!(
            err.contains("--license-url") && err.contains("http"),
            "{url}: {err}"
        );
        assert!(!env.path("publ").exists(), "{url}: wrote a site");
    }
    let url = "https://creativecommons.org/licenses/by/4.0/";
    env.run(&[
        "--db",
        &db,
        "publish",
        "publ",
        "--license",
        "CC-BY-4.0",
        "--license-url",
        url,
    ])
    .ok();
    let metadata: serde_json::Value =
        serde_json::from_slice(&std::fs::read(env.path("publ/metadata.json")).unwrap()).unwrap();
    assert_eq!(metadata["license_url"], url);
}

/// Issue 23: `publish DIR` with `--db` naming a file publish writes in DIR (its
/// README, its metadata, its snapshot, or a link to one) refuses, as `-o` does,
/// and leaves the database and DIR as they were.
#[test]
fn publish_refuses_a_dir_where_it_would_replace_the_database_in_use() {
    let (env, db) = env_with_db();
    let site = env.path("site");
    std::fs::create_dir(&site).unwrap();
    for name in ["README.md", "metadata.json", "claimdb.sqlite3"] {
        let inside = site.join(name);
        std::fs::copy(&db, &inside).unwrap();
        let before = crate::support::snapshot(&site);
        let err = env
            .run(&["--db", inside.to_str().unwrap(), "publish", "site"])
            .fails_with(2)
            .to_string();
        assert!(
            err.contains(&format!("site/{name} is the database in use")),
            "{name}: {err}"
        );
        crate::support::unchanged(&site, &before);
        assert_eq!(files_in(&site), [name], "{name}: nothing else written");
        std::fs::remove_file(&inside).unwrap();
    }
    // By identity: a link elsewhere naming the database publish would replace.
    std::fs::copy(&db, site.join("metadata.json")).unwrap();
    let link = env.path("kb-link.sqlite3");
    std::os::unix::fs::symlink(site.join("metadata.json"), &link).unwrap();
    let before = crate::support::snapshot(&site);
    env.run(&["--db", link.to_str().unwrap(), "publish", "./site/"])
        .fails_saying(2, "is the database in use");
    crate::support::unchanged(&site, &before);
}

/// Issue 23: a publish killed by SIGKILL leaves its temporary snapshot; the next
/// publish into that directory removes it, and only files of that exact name whose
/// process is gone (a publish still running keeps its file; other files stay).
#[test]
fn publish_removes_the_temporary_files_of_a_killed_publish_and_only_those() {
    let (env, db) = env_with_db();
    let site = env.path("site");
    std::fs::create_dir(&site).unwrap();
    let mut gone = Command::new("true").spawn().unwrap();
    let gone_pid = gone.id();
    gone.wait().unwrap();
    let killed = format!(".claimdb-publish-{gone_pid}-1765000000000000000.sqlite3");
    let running = format!(
        ".claimdb-publish-{}-1765000000000000001.sqlite3",
        std::process::id()
    );
    let others = [
        ".claimdb-publish-notes.txt",
        "claimdb-publish-1-2.sqlite3",
        ".claimdb-output-1-2.sqlite3",
    ];
    for name in std::iter::once(&killed)
        .chain(std::iter::once(&running))
        .map(String::as_str)
        .chain(others)
    {
        std::fs::write(site.join(name), "x").unwrap();
    }
    std::fs::set_permissions(site.join(&killed), std::fs::Permissions::from_mode(0o444)).unwrap();
    env.run(&["--db", &db, "publish", "site"]).ok();
    let files = files_in(&site);
    assert!(!files.contains(&killed), "{files:?}");
    assert!(files.contains(&running), "{files:?}");
    for other in others {
        assert!(files.contains(&other.to_string()), "{other}: {files:?}");
    }
}

/// A DIR published by a claimdb that named snapshots by hash keeps those files (a
/// server may still use one), and publish says they are no longer served.
#[test]
fn publish_names_the_hash_named_snapshots_of_an_earlier_claimdb_and_keeps_them() {
    let (env, db) = env_with_db();
    let site = env.path("site");
    std::fs::create_dir(&site).unwrap();
    let old = "claimdb-0123456789abcdef.sqlite3";
    std::fs::write(site.join(old), "an old snapshot").unwrap();
    let out = env.run(&["--db", &db, "publish", "site"]);
    out.ok();
    assert!(
        out.stderr.contains(old) && out.stderr.contains("no longer served"),
        "{}",
        out.stderr
    );
    assert_eq!(std::fs::read(site.join(old)).unwrap(), b"an old snapshot");
}
