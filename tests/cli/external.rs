//! Against the real things (SPEC sections 5 and 12): the published snapshot served by
//! a real Datasette and searched by sqlite-utils, and the html feature matrix
//! rendered by a real headless Chromium.
//!
//! Datasette and sqlite-utils are installed by the test itself (pip, into a virtual
//! environment under target/, reused once there). Chromium comes from the system
//! (`.ci/run` installs Debian's `chromium`). On a developer's machine without python3
//! or chromium these tests say so and pass; under `CI=true` a missing tool fails them.

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::Env;

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// Under CI a missing tool is a failure; elsewhere the test says why it is skipped.
#[track_caller]
pub(crate) fn unavailable(what: &str) {
    assert!(!in_ci(), "CI=true but {what}");
    crate::support::skipped(&format!(
        "{what} (install it, or run under CI=true to make this a failure)"
    ));
}

pub(crate) fn found_on_path(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|p| p.is_file())
    })
}

/// A virtual environment under target/ with Datasette and sqlite-utils, created on
/// first use and reused after; `Err` says what is missing.
pub(crate) fn venv() -> Result<&'static Path, String> {
    static VENV: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    VENV.get_or_init(|| {
        let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("datasette-venv");
        let ready =
            |v: &Path| v.join("bin/datasette").is_file() && v.join("bin/sqlite-utils").is_file();
        if ready(&venv) {
            return Ok(venv);
        }
        let python = found_on_path("python3").ok_or("python3 is not installed")?;
        let status = Command::new(&python)
            .args(["-m", "venv", "--clear"])
            .arg(&venv)
            .status()
            .map_err(|e| format!("python3 -m venv: {e}"))?;
        if !status.success() {
            return Err("python3 -m venv failed (Debian: apt-get install python3-venv)".into());
        }
        let out = Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "--disable-pip-version-check"])
            .args(["datasette>=0.65,<1", "sqlite-utils>=3.35"])
            .output()
            .map_err(|e| format!("pip: {e}"))?;
        if !out.status.success() || !ready(&venv) {
            return Err(format!(
                "pip could not install datasette and sqlite-utils: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Ok(venv)
    })
    .as_deref()
    .map_err(Clone::clone)
}

pub(crate) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A GET on loopback; returns the status code and body. HTTP/1.0, so no chunking.
pub(crate) fn get(port: u16, path: &str) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let response = String::from_utf8_lossy(&response).into_owned();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Ok((status, body.to_string()))
}

#[track_caller]
pub(crate) fn get_json(port: u16, path: &str) -> Value {
    let (status, body) = get(port, path).unwrap();
    assert_eq!(status, 200, "GET {path}: {body}");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {path}: not JSON ({e}): {body}"))
}

/// A Datasette process, stopped when dropped.
pub(crate) struct Served(Child);

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Runs the command the published README gives, on a free loopback port, and waits
/// until it answers.
pub(crate) fn serve(venv: &Path, site: &Path, snapshot: &str) -> (Served, u16) {
    serve_with(venv, site, snapshot, &[])
}

/// `serve`, with more options for Datasette.
pub(crate) fn serve_with(
    venv: &Path,
    site: &Path,
    snapshot: &str,
    extra: &[&str],
) -> (Served, u16) {
    let port = free_port();
    let child = Command::new(venv.join("bin/datasette"))
        .args(["serve", "-i", snapshot, "--metadata", "metadata.json"])
        .args(extra)
        .args(["-h", "127.0.0.1", "-p", &port.to_string()])
        .current_dir(site)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("datasette starts");
    let mut served = Served(child);
    let start = Instant::now();
    loop {
        if let Ok((200, _)) = get(port, "/-/versions.json") {
            return (served, port);
        }
        if let Ok(Some(status)) = served.0.try_wait() {
            panic!("datasette exited early: {status}");
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "datasette did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The distinct text values of `key` in a JSON array of rows.
fn strings<'a>(rows: &'a Value, key: &str) -> BTreeSet<&'a str> {
    rows.as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r[key].as_str())
        .collect()
}

/// Runs `cmd`, asserts that it succeeded (showing its stderr if not), returns its
/// stdout.
#[track_caller]
pub(crate) fn stdout_of(cmd: &mut Command) -> Vec<u8> {
    let out = cmd.output().expect("the program runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn claim_ids(rows: &Value, subject: &str) -> BTreeSet<i64> {
    rows.as_array()
        .unwrap()
        .iter()
        .filter(|r| r["subject"] == subject)
        .filter_map(|r| r["claim_id"].as_i64())
        .collect()
}

#[test]
fn datasette_serves_the_published_snapshot_with_search_descriptions_and_canned_queries() {
    let venv = match venv() {
        Ok(v) => v,
        Err(why) => return unavailable(&why),
    };
    let env = Env::new();
    let site = env.path("site");
    let published = env
        .run(&["publish", site.to_str().unwrap()])
        .ok()
        .trim()
        .to_string();
    let snapshot = Path::new(&published)
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let database = snapshot.strip_suffix(".sqlite3").unwrap().to_string();
    assert_eq!(snapshot, "claimdb.sqlite3");
    let readme = std::fs::read_to_string(site.join("README.md")).unwrap();
    assert!(
        readme.contains(&format!(
            "datasette serve -i {snapshot} --metadata metadata.json"
        )),
        "{readme}"
    );

    let (_served, port) = serve(venv, &site, &snapshot);

    // Full-text search, on the table (detected from the schema) and the view.
    for table in ["claims", "claims_cited"] {
        let found = get_json(
            port,
            &format!("/{database}/{table}.json?_search=authentication&_shape=array&_size=max"),
        );
        let rows = found.as_array().unwrap();
        assert!(!rows.is_empty(), "{table}: _search found nothing");
        for row in rows {
            let text = format!("{} {}", row["statement"], row["quote"]).to_lowercase();
            assert!(text.contains("authentic"), "{table}: {row}");
        }
    }
    let facets = get_json(port, &format!("/{database}/claims_cited.json"));
    for facet in ["subject", "kind", "topic", "stance"] {
        assert!(
            facets["facet_results"].get(facet).is_some(),
            "no facet {facet}: {}",
            facets["facet_results"]
        );
    }

    // The canned which-lacks query answers like the command line.
    let cli = env
        .run(&["--format", "json", "which", "lacks", "built-in", "auth"])
        .json();
    let served = get_json(
        port,
        &format!("/{database}/which_lacks.json?topic=auth&_shape=array"),
    );
    let flask_cli = claim_ids(&cli, "flask");
    assert!(!flask_cli.is_empty(), "{cli}");
    assert_eq!(claim_ids(&served, "flask"), flask_cli, "{served}");
    for row in served
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["subject"] == "flask")
    {
        assert_eq!(row["answer"], "yes", "{row}");
    }
    // The other which-queries agree with the CLI on every subject it lists as yes or
    // conflicting, claim by claim.
    let listed = |rows: &Value| -> BTreeSet<(String, String, i64)> {
        rows.as_array()
            .unwrap()
            .iter()
            .filter(|r| r["answer"] == "yes" || r["answer"] == "conflicting")
            .map(|r| {
                let s = |k: &str| r[k].as_str().unwrap().to_string();
                (s("subject"), s("answer"), r["claim_id"].as_i64().unwrap())
            })
            .collect()
    };
    for (query, words) in [
        ("which_lacks", ["lacks", "built-in", "auth"]),
        ("which_has", ["has", "orm", ""]),
        ("which_has_builtin", ["has", "built-in", "orm"]),
        ("which_has", ["has", "admin", "interface"]),
    ] {
        let mut args = vec!["--format", "json", "which"];
        args.extend(words.iter().filter(|w| !w.is_empty()));
        let cli = env.run(&args).json();
        let topic = words[1..]
            .iter()
            .filter(|w| !w.is_empty() && **w != "built-in")
            .copied()
            .collect::<Vec<_>>()
            .join("%20");
        let served = get_json(
            port,
            &format!("/{database}/{query}.json?topic={topic}&_shape=array&_size=max"),
        );
        assert!(!listed(&cli).is_empty(), "{args:?}");
        assert_eq!(listed(&served), listed(&cli), "{query} {topic}");
    }
    // Names are folded as claimdb folds them: case, hyphens, "built-in", aliases.
    let respelled = get_json(
        port,
        &format!("/{database}/which_lacks.json?topic=Built-In%20AUTH&_shape=array"),
    );
    assert_eq!(respelled, served);
    let compare = get_json(
        port,
        &format!("/{database}/compare.json?a=Django&b=flask&_shape=array&_size=max"),
    );
    assert_eq!(
        strings(&compare, "subject"),
        BTreeSet::from(["django", "flask"])
    );

    // Every column `claimdb schema` describes reaches Datasette with the same text.
    let metadata = get_json(port, "/-/metadata.json");
    let tables = &metadata["databases"][&database]["tables"];
    let schema = env.run(&["--format", "json", "schema"]).json();
    let mut described = 0;
    for row in schema.as_array().unwrap() {
        let (Some(table), Some(column), Some(text)) = (
            row["table"].as_str(),
            row["column"].as_str(),
            row["description"].as_str(),
        ) else {
            continue;
        };
        assert_eq!(
            tables[table]["columns"][column].as_str(),
            Some(text),
            "{table}.{column}"
        );
        described += 1;
    }
    assert!(described > 50, "only {described} columns");
    let (_, page) = get(port, &format!("/{database}/claims")).unwrap();
    assert!(
        page.contains("builtin, extension, limited or lacks"),
        "the table page shows column descriptions"
    );

    // sqlite-utils detects the full-text index with no set-up.
    let out = stdout_of(Command::new(venv.join("bin/sqlite-utils")).args([
        "search",
        &published,
        "claims",
        "authentication",
    ]));
    let rows: Value = serde_json::from_slice(&out).unwrap();
    assert!(
        !rows.as_array().unwrap().is_empty(),
        "sqlite-utils search found nothing"
    );
}

/// Headless Chromium with the flags this machine needs (no network, fresh profile).
pub(crate) fn chromium(profile: &Path) -> Command {
    let mut cmd = Command::new("chromium");
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--window-size=1280,900",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .stdin(Stdio::null());
    cmd
}

pub(crate) fn screenshot(env: &Env, url: &str, png: &Path) -> u64 {
    stdout_of(
        chromium(&env.path("profile"))
            .arg(format!("--screenshot={}", png.display()))
            .arg(url),
    );
    std::fs::metadata(png).expect("a screenshot").len()
}

#[test]
fn chromium_renders_the_feature_matrix_as_a_coloured_grid() {
    if found_on_path("chromium").is_none() {
        return unavailable("chromium is not installed (Debian: apt-get install chromium)");
    }
    let env = Env::new();
    let page = env.path("matrix.html");
    env.run(&[
        "report",
        "feature-matrix",
        "--format",
        "html",
        "-o",
        page.to_str().unwrap(),
    ])
    .ok();
    let url = format!("file://{}", page.display());

    let out = stdout_of(chromium(&env.path("profile")).arg("--dump-dom").arg(&url));
    let dom = String::from_utf8_lossy(&out);
    // One grid row per topic, one cell per subject, as in the JSON report.
    let matrix = env
        .run(&["--format", "json", "report", "feature-matrix"])
        .json();
    let topics = strings(&matrix, "topic");
    let rows: Vec<&str> = dom.split("<tr>").skip(2).collect();
    assert_eq!(rows.len(), topics.len(), "{dom}");
    let auth = rows
        .iter()
        .find(|r| r.starts_with("<td>authentication</td>"))
        .expect("an authentication row");
    let cells: Vec<&str> = auth.split("<td class=\"marks").skip(1).collect();
    assert_eq!(cells.len(), 2, "a cell per subject: {auth}");
    assert!(
        cells[0].starts_with(" stance-builtin\">"),
        "django: {}",
        cells[0]
    );
    assert!(
        cells[1].contains("label stance-lacks\">lacks</span>"),
        "flask: {}",
        cells[1]
    );
    assert!(
        cells[1].contains("<cite>django-vs-flask:") && cells[1].contains("<q>"),
        "{}",
        cells[1]
    );

    // Rendered, the page is a picture, not an empty window: a screenshot of it is far
    // larger than one of a blank page of the same size.
    let rendered = screenshot(&env, &url, &env.path("matrix.png"));
    let blank_page = env.write("blank.html", "<!DOCTYPE html><html><body></body></html>");
    let blank = screenshot(
        &env,
        &format!("file://{blank_page}"),
        &env.path("blank.png"),
    );
    assert!(
        rendered > 10 * blank,
        "screenshot {rendered} bytes, blank page {blank} bytes"
    );
}
