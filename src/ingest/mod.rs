//! Turning claims files into rows: reading them, validating every row against the
//! catalogue and the article, and inserting a source with its claims. The shipped
//! seed and user imports both come through here, so they obey the same rules.
//!
//! The files of this folder import each other by their full paths; the names below
//! are re-exported for callers outside it (the fuzz targets).

pub mod bulk_load;
pub mod catalogue;
pub mod check;
pub mod csv_file;
pub mod import;
pub mod json_file;
pub mod record;
pub mod remove;
pub mod seed;
pub mod side_index;

pub use csv_file::read_csv;
pub use json_file::read_json_claims;
pub use record::{ClaimRecord, SubjectRecord};
