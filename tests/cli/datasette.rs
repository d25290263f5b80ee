//! The published knowledge base as a Datasette reader meets it (issue 24): the
//! addresses of one publish keep working after the next; a canned query opens with
//! its answer, says so when a name is unknown; the claims table shows rows before
//! column descriptions and headings instead of section ids; the first page links
//! the questions instead of promising them. Checked against a real Datasette and,
//! for the layout, a real headless Chromium, whose screenshots of the first page, the
//! claims table and a canned query are the ones in docs/ (`CLAIMDB_DOCS_SCREENSHOTS=1`
//! writes them there).

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::external::{
    chromium, found_on_path, get, get_json, screenshot, serve, serve_with, unavailable, venv,
};
use crate::support::{Env, files_in, fixture};

/// The command the published README gives to serve DIR.
fn readme_serve_command(site: &Path) -> String {
    let readme = std::fs::read_to_string(site.join("README.md")).unwrap();
    readme
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("datasette serve"))
        .unwrap_or_else(|| panic!("no serve command in {readme}"))
        .to_string()
}

/// The addresses a reader of the first publish may have kept: the first page, the
/// database, every table and view (page and JSON), a row, and every question the
/// first page links.
fn addresses(port: u16) -> Vec<String> {
    let metadata = get_json(port, "/-/metadata.json");
    let database = &metadata["databases"]["claimdb"];
    let mut urls = vec![
        "/".to_string(),
        "/claimdb".to_string(),
        "/claimdb/claims/1".to_string(),
    ];
    for table in database["tables"].as_object().unwrap().keys() {
        urls.push(format!("/claimdb/{table}"));
        urls.push(format!("/claimdb/{table}.json"));
    }
    let home = metadata["description_html"].as_str().unwrap();
    for link in home.split("href=\"").skip(1) {
        let link = link.split('"').next().unwrap().replace("&amp;", "&");
        if link.starts_with("claimdb/") {
            urls.push(format!("/{link}"));
        }
    }
    for query in database["queries"].as_object().unwrap().keys() {
        assert!(
            urls.iter()
                .any(|u| u.starts_with(&format!("/claimdb/{query}?"))),
            "the first page links no {query}: {home}"
        );
    }
    urls
}

/// Datasette (None, said as skipped, when it cannot be installed) and a fresh
/// environment whose default knowledge base is published into `site/`.
fn published() -> Option<(&'static Path, Env, PathBuf)> {
    let venv = match venv() {
        Ok(v) => v,
        Err(why) => {
            unavailable(&why);
            return None;
        }
    };
    let env = Env::new();
    let site = env.path("site");
    env.run(&["publish", "site"]).ok();
    Some((venv, env, site))
}

#[test]
fn a_second_publish_keeps_every_address_of_the_first_working() {
    let Some((venv, env, site)) = published() else {
        return;
    };
    let command = readme_serve_command(&site);
    assert_eq!(
        command,
        "datasette serve -i claimdb.sqlite3 --metadata metadata.json"
    );
    let (served, port) = serve(venv, &site, "claimdb.sqlite3");
    let urls = addresses(port);
    assert!(urls.len() > 30, "{urls:?}");
    for url in &urls {
        let (status, body) = get(port, url).unwrap();
        assert_eq!(status, 200, "first publish: {url}: {body}");
    }
    let first_hash = get_json(port, "/-/metadata.json")["databases"]["claimdb"]["description"]
        .as_str()
        .unwrap()
        .to_string();
    drop(served);

    // The knowledge base grows, and is published again into the same directory.
    env.import(
        env.default_db().to_str().unwrap(),
        &fixture("fastapi-claims.csv"),
        &fixture("fastapi-vs-flask.txt"),
    )
    .ok();
    env.run(&["publish", "site"]).ok();
    assert_eq!(
        files_in(&site),
        ["README.md", "claimdb.sqlite3", "metadata.json"],
        "the serve command serves exactly this snapshot: nothing else to serve"
    );
    assert_eq!(readme_serve_command(&site), command);
    let (_served, port) = serve(venv, &site, "claimdb.sqlite3");
    for url in &urls {
        let (status, body) = get(port, url).unwrap();
        assert_eq!(status, 200, "after the second publish: {url}: {body}");
    }
    let metadata = get_json(port, "/-/metadata.json");
    let second_hash = metadata["databases"]["claimdb"]["description"]
        .as_str()
        .unwrap();
    assert_ne!(
        second_hash, first_hash,
        "the metadata names the new snapshot"
    );
    let sources = get_json(port, "/claimdb/sources.json?_shape=array");
    assert_eq!(
        sources.as_array().unwrap().len(),
        2,
        "the new snapshot is served"
    );
}

/// Every `description` in the metadata, with where it is.
fn descriptions<'a>(value: &'a Value, at: String, out: &mut Vec<(String, &'a str)>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                if let (true, Some(text)) =
                    (key == "description" || at.ends_with("columns"), v.as_str())
                {
                    out.push((format!("{at}.{key}"), text));
                }
                descriptions(v, format!("{at}.{key}"), out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| descriptions(v, at.clone(), out)),
        _ => {}
    }
}

#[test]
fn canned_queries_answer_first_and_say_when_a_name_is_unknown() {
    let Some((venv, _env, site)) = published() else {
        return;
    };
    let (_served, port) = serve(venv, &site, "claimdb.sqlite3");

    // The answer opens the page: the SQL is hidden until asked for.
    let (_, page) = get(port, "/claimdb/which_lacks?topic=auth").unwrap();
    assert!(!page.contains("<textarea"), "the SQL shows first");
    assert!(
        page.contains("flask") && page.contains("rows-and-columns"),
        "{page}"
    );

    // An unknown name is a row that says so, naming the names there are.
    let compare = get_json(
        port,
        "/claimdb/compare.json?a=Django&b=flsk&_shape=array&_size=max",
    );
    let first = compare[0]["topic"].as_str().unwrap_or_default();
    assert!(
        first.contains("no subject named 'flsk'; did you mean flask?"),
        "{first}"
    );
    for (query, param) in [
        ("which_lacks", "topic=athentication"),
        ("which_has", "topic=athentication"),
        ("which_has_builtin", "topic=athentication"),
    ] {
        let rows = get_json(port, &format!("/claimdb/{query}.json?{param}&_shape=array"));
        assert_eq!(rows.as_array().unwrap().len(), 1, "{query}: {rows}");
        let answer = rows[0]["answer"].as_str().unwrap_or_default();
        assert!(
            answer.contains("no topic named 'athentication'; did you mean authentication?"),
            "{query}: {answer}"
        );
    }
    for query in ["companies", "subject_claims"] {
        let rows = get_json(
            port,
            &format!("/claimdb/{query}.json?subject=djngo&_shape=array"),
        );
        let said = rows[0]["subject"].as_str().unwrap_or_default();
        assert!(
            said.contains("no subject named 'djngo'; did you mean django?"),
            "{query}: {rows}"
        );
    }

    // Descriptions are plain text: Datasette shows a backtick as a backtick.
    let metadata = get_json(port, "/-/metadata.json");
    let mut all = Vec::new();
    descriptions(&metadata, String::new(), &mut all);
    assert!(all.len() > 50, "{}", all.len());
    for (at, text) in all {
        assert!(!text.contains('`'), "{at}: {text}");
    }
    // The first page promises nothing that is not there.
    let (_, home) = get(port, "/").unwrap();
    assert!(!home.contains("below"), "{home}");

    // A claim shows the heading of its section, not the section's id.
    let claims = get_json(port, "/claimdb/claims.json?_labels=on&_shape=array&_size=5");
    let label = claims[0]["section_id"]["label"]
        .as_str()
        .unwrap_or_default();
    assert!(
        !label.is_empty() && label.parse::<i64>().is_err(),
        "{}",
        claims[0]
    );
    let (_, table) = get(port, "/claimdb/claims").unwrap();
    assert!(table.contains(label), "the table page shows {label:?}");
}

/// Where the claims table's rows and its column descriptions start on the page, in
/// pixels from the top, as Chromium lays the page out: a same-origin page served
/// beside Datasette loads it in a frame and reads the positions.
fn claims_layout(env: &Env, port: u16) -> (i64, i64) {
    let out = crate::external::stdout_of(
        chromium(&env.path("profile-probe"))
            .arg("--dump-dom")
            .arg("--virtual-time-budget=20000")
            .arg(format!("http://127.0.0.1:{port}/probe/probe.html")),
    );
    let dom = String::from_utf8_lossy(&out);
    let number = |key: &str| -> i64 {
        dom.split(key)
            .nth(1)
            .and_then(|r| r.split(|c: char| !c.is_ascii_digit() && c != '-').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no {key} in {dom}"))
    };
    (number("rows="), number("descriptions="))
}

const PROBE: &str = r#"<!DOCTYPE html><html><body>
<iframe id="f" src="/claimdb/claims" width="1280" height="900"></iframe><pre id="out">waiting</pre>
<script>
document.getElementById("f").onload = function () {
  var d = this.contentDocument;
  var top = function (s) { var e = d.querySelector(s); return e ? Math.round(e.getBoundingClientRect().top) : -1; };
  document.getElementById("out").textContent =
    "rows=" + top("table.rows-and-columns") + " descriptions=" + top("dl.column-descriptions");
};
</script></body></html>"#;

#[test]
fn chromium_shows_the_claims_rows_on_the_first_screen_and_the_pages_in_docs() {
    if found_on_path("chromium").is_none() {
        return unavailable("chromium is not installed (Debian: apt-get install chromium)");
    }
    let Some((venv, env, site)) = published() else {
        return;
    };
    std::fs::create_dir(env.path("probe")).unwrap();
    env.write("probe/probe.html", PROBE);
    let probe = format!("probe:{}", env.path("probe").display());
    let (_served, port) = serve_with(venv, &site, "claimdb.sqlite3", &["--static", &probe]);

    let (rows, descriptions) = claims_layout(&env, port);
    assert!(
        (0..900).contains(&rows) && rows < descriptions,
        "the claims rows start at {rows} px, the column descriptions at {descriptions} px"
    );

    let blank_page = env.write("blank.html", "<!DOCTYPE html><html><body></body></html>");
    let blank = screenshot(
        &env,
        &format!("file://{blank_page}"),
        &env.path("blank.png"),
    );
    let docs = std::env::var_os("CLAIMDB_DOCS_SCREENSHOTS").is_some_and(|v| v == "1");
    for (name, url) in [
        ("datasette-home.png", "/"),
        ("datasette-claims.png", "/claimdb/claims"),
        (
            "datasette-which-lacks.png",
            "/claimdb/which_lacks?topic=auth",
        ),
    ] {
        let png = env.path(name);
        let size = screenshot(&env, &format!("http://127.0.0.1:{port}{url}"), &png);
        assert!(
            size > 10 * blank,
            "{name}: {size} bytes, blank page {blank}"
        );
        if docs {
            let to = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("docs")
                .join(name);
            std::fs::copy(&png, to).unwrap();
        }
    }
}
