//! What a publish is asked for, and the names every part of it shares.

use std::path::Path;

/// The snapshot's name in DIR: Datasette names the database after it (`claimdb`).
pub const SNAPSHOT: &str = "claimdb.sqlite3";

/// What a publish is asked for, from the command line.
pub struct Request<'a> {
    pub dir: &'a Path,
    pub title: &'a str,
    pub license: Option<&'a str>,
    pub license_url: Option<&'a str>,
}

/// Only http(s) addresses become links: a `javascript:` URL in a source must not.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}
