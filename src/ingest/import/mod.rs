//! Importing articles and the claims written from them, all or nothing: finding the
//! (claims file, article) pairs, reading, checking and inserting their claims on
//! three threads, and reporting every problem of every file at once. The command
//! line's `import` is a thin adapter over [`run::import`], which takes a typed
//! [`request::ImportRequest`].

mod existing;
mod jobs;
mod pipeline;
mod problems;
pub mod request;
pub mod run;

pub use jobs::{MAX_ARTICLE_BYTES, regular_file};
