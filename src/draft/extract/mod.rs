//! The extractors: one per kind of claim a sentence can make (and `tokens`, the
//! words `predicate` reads a clause by). Each reads a folded
//! sentence in its context and returns the claims it finds as [`RowDraft`]s,
//! without writing anything; the reader decides which to call and keeps the rows.
//!
//! [`RowDraft`]: crate::draft::row::RowDraft

pub mod companies;
pub mod comparison;
pub mod facts;
pub mod features;
pub mod predicate;
pub mod table;
pub mod tokens;
pub mod use_cases;
