//! Integration tests: the real binary, run the way a user runs it, in a temporary
//! data directory with a scrubbed environment (no NO_COLOR, no CLAIMDB_DB from the
//! developer's shell). One test binary, so the suite links once. `architecture`
//! reads src/ instead: the dependency listing and the size limits of issue 20.

mod support;

mod architecture;
mod ask;
mod citations;
mod conventions;
mod database;
mod datasette;
mod draft;
mod draft_markdown;
mod draft_more;
mod draft_output;
mod draft_real;
mod external;
mod faults;
mod formats;
mod hostile;
mod import;
mod import_help;
mod promises;
mod publish;
mod queries;
mod readme;
mod reports;
mod seed_audit;
mod sources;
mod sql;
mod which;
mod writers;
