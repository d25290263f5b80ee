//! Reading a claims file (CSV or JSON) and finding its quotes in an article must
//! report problems, never panic, whatever the bytes.
#![no_main]

use claimdb::article::Article;
use claimdb::ingest::{self, ClaimRecord};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut quotes: Vec<String> = Vec::new();
    if let Ok(records) = ingest::read_csv::<ClaimRecord>(text) {
        quotes.extend(records.into_iter().map(|r| r.record.quote));
    }
    if let Ok(records) = ingest::read_json_claims(text) {
        quotes.extend(records.into_iter().map(|r| r.record.quote));
    }
    // The file is also its own article: every quote must be found or not found.
    let article = Article::new(text);
    let refs: Vec<&str> = quotes.iter().map(String::as_str).collect();
    for (quote, at) in refs.iter().zip(article.locate_all(&refs)) {
        if let Some((start, end)) = at {
            assert!(article.quote_stands_at(quote, start, end), "{quote:?} found at {start}-{end} but not there");
        }
    }
});
