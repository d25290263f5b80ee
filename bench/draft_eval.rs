//! Measures `draft` against hand-written claims: recall (the share of hand-written
//! claims the draft has) and precision (the share of draft rows that match one).
//!
//!     cargo run --release --example draft-eval -- ARTICLE CLAIMS.csv [ARTICLE CLAIMS.csv]...
//!
//! A draft row matches a hand-written claim when subject, kind, stance (for
//! features) and lines agree; the topic may differ. Each pair of files is measured
//! against the shipped catalogue (a fresh database in a temporary directory). Two
//! figures are printed: "any" counts a row as matched when some claim has its key
//! (the rule above); "1:1" pairs rows and claims one to one, so a sentence with
//! three pros needs three pro rows.

use std::collections::HashMap;
use std::path::PathBuf;

use claimdb::article::Article;
use claimdb::db::{Db, Location};
use claimdb::draft::{draft_as, load_catalogue};
use claimdb::names::fold;
use claimdb::text::blocks::Format;

type Key = (String, String, String, usize, usize);

fn key(subject: &str, kind: &str, stance: &str, lines: (usize, usize)) -> Key {
    let stance = if kind == "feature" || stance == "depends" {
        stance
    } else {
        ""
    };
    (
        fold(subject),
        kind.to_string(),
        stance.to_string(),
        lines.0,
        lines.1,
    )
}

/// A subject as the key claims write it ("@zed/css", "Zed Tool") and as import's
/// slugs write it ("zed-css", "zed-tool"): a row drafted under the slug is about
/// the same subject (as tests/fixtures/multi-source/score.py counts it).
fn subject_forms(subject: &str) -> Vec<String> {
    let folded = fold(subject);
    let slug = |keep: &[char]| {
        let mut out = String::new();
        for c in folded.chars() {
            if c.is_ascii_lowercase() || c.is_ascii_digit() || keep.contains(&c) {
                out.push(c);
            } else if !out.ends_with('-') {
                out.push('-');
            }
        }
        out.trim_matches('-').to_string()
    };
    vec![
        folded.replace(' ', "-"),
        slug(&['.', '+', '#']),
        slug(&[]),
        folded,
    ]
}

/// A careful reader's key claims (`id,subject,kind,topic,stance,versus,line,claim`,
/// as in `../shared/eval/real-dev/`): strict when some row has the claim's subject,
/// kind, stance (features) and covers its line; loose when some row has its subject
/// and covers its line. Prints the article, key claims, rows, strict, loose.
fn key_claims(
    path: &str,
    text: &str,
    catalogue: &claimdb::draft::Catalogue,
    reader: &mut csv::Reader<std::fs::File>,
    verbose: bool,
) {
    let headers = reader.headers().expect("header").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let rows = draft_as(text, Format::of(path.as_ref(), text), catalogue, &[]);
    let (mut n, mut strict, mut loose) = (0usize, 0usize, 0usize);
    for record in reader.records() {
        let r = record.expect("row");
        let (subject, kind, stance) = (&r[col("subject")], &r[col("kind")], &r[col("stance")]);
        // Folded as the rows' subjects are ("zed-css" -> "zed css").
        let forms: Vec<String> = subject_forms(subject).iter().map(|f| fold(f)).collect();
        let line: usize = r[col("line")].parse().expect("line");
        n += 1;
        let covers = |row: &&claimdb::draft::Row| {
            forms.contains(&fold(&row.subject)) && row.line_start <= line && line <= row.line_end
        };
        let is_loose = rows.iter().any(|row| covers(&row));
        let is_strict = rows.iter().filter(covers).any(|row| {
            row.kind.as_str() == kind
                && (kind != "feature" || row.stance.map_or("", |s| s.as_str()) == stance)
        });
        strict += usize::from(is_strict);
        loose += usize::from(is_loose);
        if verbose && !is_strict {
            eprintln!(
                "  {} {} {subject} {kind} {stance} {line}: {}",
                &r[0],
                if is_loose { "loose" } else { "missed" },
                &r[col("claim")]
            );
        }
    }
    if verbose {
        for row in &rows {
            eprintln!(
                "  row {}-{} {} {} {} {:?} {:.2}",
                row.line_start,
                row.line_end,
                row.subject,
                row.kind.as_str(),
                row.topic,
                row.stance.map(|s| s.as_str()),
                row.confidence
            );
        }
    }
    let ratio = |a: usize| if n == 0 { 0.0 } else { a as f64 / n as f64 };
    println!(
        "{path}\tkey {n}\trows {}\tstrict {:.3}\tloose {:.3}",
        rows.len(),
        ratio(strict),
        ratio(loose)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 || !args.len().is_multiple_of(2) {
        eprintln!("usage: draft-eval ARTICLE CLAIMS.csv [ARTICLE CLAIMS.csv]...");
        std::process::exit(2);
    }
    let verbose = std::env::var_os("DRAFT_EVAL_VERBOSE").is_some();
    let dir = tempfile::tempdir().expect("temporary directory");
    let location = Location::from_flag(Some(dir.path().join("eval.sqlite3"))).expect("location");
    let (db, _) = Db::init(&location, false, claimdb::ingest::seed::load).expect("database");
    let catalogue = load_catalogue(&db.conn).expect("catalogue");
    println!("article\thand\tdraft\trecall(any)\tprecision(any)\trecall(1:1)\tprecision(1:1)");
    for pair in args.chunks(2) {
        let text = std::fs::read_to_string(&pair[0]).expect("article");
        let article = Article::new(&text);
        let mut reader = csv::Reader::from_path(PathBuf::from(&pair[1])).expect("claims");
        let headers = reader.headers().expect("header").clone();
        if headers.iter().any(|h| h == "line") && !headers.iter().any(|h| h == "line_start") {
            key_claims(&pair[0], &text, &catalogue, &mut reader, verbose);
            continue;
        }
        let col = |name: &str| headers.iter().position(|h| h == name);
        let mut hand: Vec<(Key, String)> = Vec::new();
        for record in reader.records() {
            let r = record.expect("row");
            let get = |name: &str| {
                col(name)
                    .and_then(|i| r.get(i))
                    .unwrap_or("")
                    .trim()
                    .to_string()
            };
            let lines = match (get("line_start").parse(), get("line_end").parse()) {
                (Ok(s), Ok(e)) => Some((s, e)),
                _ => article.locate(&get("quote")),
            };
            let Some(lines) = lines else {
                eprintln!("{}: quote not found: {}", pair[1], get("quote"));
                continue;
            };
            let k = key(&get("subject"), &get("kind"), &get("stance"), lines);
            hand.push((k, format!("{} {}", get("topic"), get("quote"))));
        }
        let format = Format::of(pair[0].as_ref(), &text);
        let rows = draft_as(&text, format, &catalogue, &[]);
        let drafted: Vec<(Key, String)> = rows
            .iter()
            .map(|r| {
                let k = key(
                    &r.subject,
                    r.kind.as_str(),
                    r.stance.map_or("", |s| s.as_str()),
                    (r.line_start, r.line_end),
                );
                (k, r.topic.clone())
            })
            .collect();
        let mut hand_count: HashMap<&Key, usize> = HashMap::new();
        for (k, _) in &hand {
            *hand_count.entry(k).or_default() += 1;
        }
        let mut draft_count: HashMap<&Key, usize> = HashMap::new();
        for (k, _) in &drafted {
            *draft_count.entry(k).or_default() += 1;
        }
        let hand_hit = hand
            .iter()
            .filter(|(k, _)| draft_count.contains_key(k))
            .count();
        let draft_hit = drafted
            .iter()
            .filter(|(k, _)| hand_count.contains_key(k))
            .count();
        let pairs: usize = hand_count
            .iter()
            .map(|(k, n)| (*n).min(draft_count.get(k).copied().unwrap_or(0)))
            .sum();
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        println!(
            "{}\t{}\t{}\t{:.3}\t{:.3}\t{:.3}\t{:.3}",
            pair[0],
            hand.len(),
            drafted.len(),
            ratio(hand_hit, hand.len()),
            ratio(draft_hit, drafted.len()),
            ratio(pairs, hand.len()),
            ratio(pairs, drafted.len()),
        );
        if verbose {
            for (k, what) in &hand {
                if !draft_count.contains_key(k) {
                    eprintln!("  missed   {k:?} {what}");
                }
            }
            for (k, what) in &drafted {
                if !hand_count.contains_key(k) {
                    eprintln!("  wrong    {k:?} {what}");
                }
            }
        }
    }
}
