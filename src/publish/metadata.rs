//! Datasette's metadata for a published knowledge base: the site (title, sources,
//! licence, a first page that links the questions people come for), every table,
//! view and column described with the text `claimdb schema` shows, facets, labels
//! for the ids (a claim's `section_id` shows its heading), full-text search and the
//! canned queries, under the stable database name `claimdb`.

use rusqlite::OptionalExtension as _;
use serde_json::{Map, Value, json};

use crate::answers::schema;
use crate::db::Db;
use crate::db::schema_doc::DOCS;
use crate::error::Result;
use crate::output::html_escape;

use crate::publish::queries::canned_queries;
use crate::publish::request::{Request, SNAPSHOT, is_web_url};

/// Table pages show the rows first: Datasette puts the column descriptions above
/// them (for `claims`, a screen and a half of text), so this moves them below, under
/// a heading. A `data:` address, so the snapshot needs no file beside it.
const TABLE_CSS: &str = "body.table section.content{display:flex;flex-direction:column}\
body.table section.content>*{min-width:0}\
body.table dl.column-descriptions{order:1;margin-top:2em}\
body.table dl.column-descriptions::before{content:'What each column holds';\
font-weight:bold;font-size:1.2em;display:block;margin-bottom:.5em}";

pub fn metadata(db: &Db, sha256: &str, request: &Request) -> Result<Value> {
    let database = SNAPSHOT.trim_end_matches(".sqlite3");
    let sources = sources(db)?;
    let claims: i64 = db
        .conn
        .query_row("SELECT count(*) FROM claims", [], |r| r.get(0))?;
    let mut site = Map::new();
    site.insert("title".into(), request.title.into());
    site.insert(
        "description_html".into(),
        home_page(db, database, claims, &sources, request.license)?.into(),
    );
    if let Some(l) = request.license {
        site.insert("license".into(), l.into());
    }
    if let Some(u) = request.license_url {
        site.insert("license_url".into(), u.into());
    }
    match sources.as_slice() {
        [(_, title, url)] => {
            site.insert("source".into(), title.clone().into());
            if let Some(url) = url.as_deref().filter(|u| is_web_url(u)) {
                site.insert("source_url".into(), url.into());
            }
        }
        _ => {
            site.insert(
                "source".into(),
                format!("{} articles, listed on the first page", sources.len()).into(),
            );
        }
    }
    site.insert(
        "extra_css_urls".into(),
        json!([format!("data:text/css,{}", percent_encode(TABLE_CSS))]),
    );
    site.insert(
        "databases".into(),
        json!({
            database: {
                "description": format!(
                    "The claimdb knowledge base: articles, their claims and the views over them. \
                     Snapshot sha256 {sha256}."
                ),
                "tables": tables(db)?,
                "queries": canned_queries(),
            }
        }),
    );
    Ok(Value::Object(site))
}

type Source = (String, String, Option<String>);

fn sources(db: &Db) -> Result<Vec<Source>> {
    let mut stmt = db
        .conn
        .prepare("SELECT slug, title, url FROM sources ORDER BY source_id")?;
    let sources = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(sources)
}

/// Every table and view: its description and its columns' (as `claimdb schema`),
/// facets, full-text search and the label Datasette shows for a row's id.
fn tables(db: &Db) -> Result<Map<String, Value>> {
    let describe = |table: &str, column: &str| {
        DOCS.iter()
            .find(|(t, c, _)| *t == table && *c == column)
            .map(|(_, _, d)| *d)
    };
    let mut tables = Map::new();
    let mut columns_of = db
        .conn
        .prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
    for (table, kind) in schema::objects(&db.conn)? {
        let mut entry = Map::new();
        if let Some(d) = describe(&table, "") {
            entry.insert("description".into(), d.into());
        }
        let mut columns = Map::new();
        let names: rusqlite::Result<Vec<String>> = columns_of
            .query_map([&table], |r| r.get(0))
            .and_then(|rows| rows.collect());
        let names = match names {
            Ok(names) => names,
            // A user's own view whose table is gone: theirs, left alone as
            // `claimdb schema` leaves it (claimdb's own are checked on open).
            Err(_) if kind == "view" => continue,
            Err(e) => return Err(e.into()),
        };
        for column in names {
            if let Some(d) = describe(&table, &column) {
                columns.insert(column, d.into());
            }
        }
        entry.insert("columns".into(), Value::Object(columns));
        let extra = match table.as_str() {
            // Five values a facet: the rows stay on the first screen.
            "claims" => json!({
                "facets": ["subject_id", "kind", "topic_id", "stance"],
                "facet_size": 5,
                "fts_table": "claims_fts",
                "fts_pk": "claim_id",
            }),
            "claims_cited" => json!({
                "facets": ["subject", "kind", "topic", "stance"],
                "facet_size": 5,
                "fts_table": "claims_fts",
                "fts_pk": "claim_id",
            }),
            "feature_matrix" => json!({"facets": ["topic", "subject", "stance"], "facet_size": 5}),
            "subjects" | "topics" => json!({"label_column": "name"}),
            "sources" => json!({"label_column": "slug"}),
            "sections" => json!({"label_column": "heading"}),
            _ => json!({}),
        };
        if let Value::Object(extra) = extra {
            entry.extend(extra);
        }
        tables.insert(table, Value::Object(entry));
    }
    Ok(tables)
}

/// The first page: what the knowledge base is, where to start, the questions as
/// links that answer at once (with names from this knowledge base), the articles.
fn home_page(
    db: &Db,
    database: &str,
    claims: i64,
    sources: &[Source],
    license: Option<&str>,
) -> Result<String> {
    let mut items = String::new();
    for (slug, title, url) in sources {
        let title = html_escape(title);
        let linked = match url.as_deref().filter(|u| is_web_url(u)) {
            Some(url) => format!("<a href=\"{}\">{title}</a>", html_escape(url)),
            None => title,
        };
        items.push_str(&format!(
            "<li>{linked} (<code>{}</code>)</li>",
            html_escape(slug)
        ));
    }
    let licence = match license {
        Some(l) => format!("Published under {}.", html_escape(l)),
        None => "Each quote belongs to the article it is taken from; the articles' own \
                 terms apply to them."
            .to_string(),
    };
    let questions = example_questions(db, database)?;
    Ok(format!(
        "<p>{claims} cited claims from {} article{}: every claim quotes the sentence of \
         its article that makes it, with the lines it stands at. Start with \
         <a href=\"{database}/claims_cited\"><code>claims_cited</code></a> (search box, \
         facets) or ask a question:</p><ul>{questions}</ul>\
         <p>The articles:</p><ul>{items}</ul><p>{licence}</p>",
        sources.len(),
        if sources.len() == 1 { "" } else { "s" },
    ))
}

/// One link per canned query, with the topic and subjects most claims are about as
/// the example values.
fn example_questions(db: &Db, database: &str) -> Result<String> {
    let topic: Option<String> = db
        .conn
        .query_row(
            "SELECT t.name FROM claims c JOIN topics t ON t.topic_id = c.topic_id
             WHERE c.stance IS NOT NULL GROUP BY t.topic_id ORDER BY count(*) DESC, t.name
             LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    let subjects = crate::answers::catalogue::subjects_by_claims(&db.conn, 2)?;
    let link = |query: &str, params: &[(&str, &str)], text: String| {
        let query_string: Vec<String> = params
            .iter()
            .map(|(k, v)| format!("{k}={}", percent_encode(v)))
            .collect();
        format!(
            "<li><a href=\"{database}/{query}?{}\">{}</a></li>",
            html_escape(&query_string.join("&")),
            html_escape(&text)
        )
    };
    let mut out = String::new();
    if let Some(topic) = &topic {
        out += &link(
            "which_lacks",
            &[("topic", topic)],
            format!("Which subjects lack {topic} (built in)?"),
        );
        out += &link(
            "which_has",
            &[("topic", topic)],
            format!("Which subjects have {topic}?"),
        );
        out += &link(
            "which_has_builtin",
            &[("topic", topic)],
            format!("Which subjects have {topic} built in?"),
        );
    }
    if let [a, b] = subjects.as_slice() {
        out += &link(
            "compare",
            &[("a", a), ("b", b)],
            format!("Compare {a} and {b}"),
        );
    }
    if let Some(s) = subjects.first() {
        out += &link(
            "companies",
            &[("subject", s)],
            format!("Companies that use {s}"),
        );
        out += &link(
            "subject_claims",
            &[("subject", s)],
            format!("Every claim about {s}"),
        );
    }
    Ok(out)
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
