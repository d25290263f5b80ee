//! The `ask` interpreter must answer every text with a reading (or none), never a
//! panic, whatever the catalogue it reads against.
#![no_main]

use claimdb::ask::interpret::{read, Catalogue, Entry};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(question) = std::str::from_utf8(data) {
        let entry = |name: &str, aliases: &[&str]| Entry {
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        };
        let catalogue = Catalogue {
            subjects: vec![entry("alpha", &["alpha framework"]), entry("beta", &[])],
            topics: vec![entry("auth", &["login", "user accounts"]), entry("speed", &["fast"])],
            companies: vec!["Acme Corp".to_string()],
        };
        let _ = read(question, &catalogue).intent();
    }
});
