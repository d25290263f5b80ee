//! The `ask` grammar must answer every text with a reading or a refusal, never a
//! panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(question) = std::str::from_utf8(data) {
        let _ = claimdb::ask::parse(question);
    }
});
