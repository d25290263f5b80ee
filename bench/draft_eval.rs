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
use claimdb::draft::{draft, load_catalogue};
use claimdb::names::fold;

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
        let rows = draft(&text, &catalogue, &[]);
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
