//! `claims`, `companies`, `limitations`, `pros`, `cons`, `use-cases`: the command
//! line's filters turned into the answer layer's requests.

use crate::answers::lists::{self, ClaimsRequest, CompaniesRequest, ListRequest};
use crate::cli::{ClaimsArgs, CompaniesArgs, ListArgs};
use crate::db::Db;
use crate::error::Result;
use crate::model::Kind;
use crate::output::Output;

pub fn claims(db: &Db, out: &mut Output, args: &ClaimsArgs) -> Result<()> {
    let request = ClaimsRequest {
        subjects: args.subject.clone(),
        kinds: args.kind.clone(),
        topic: args.topic.clone(),
        category: args.category.clone(),
        stance: args.stance,
        // One article is a filter; several limit the connection (`within`), as
        // every query command's `--source` does.
        source: match args.source.as_slice() {
            [one] => Some(one.clone()),
            _ => None,
        },
        text: args.text.clone(),
    };
    lists::claims(&db.conn, out, &request)
}

pub fn companies(db: &Db, out: &mut Output, args: &CompaniesArgs) -> Result<()> {
    let request = CompaniesRequest {
        subjects: args.subject.clone(),
        shared: args.shared,
        all: args.all,
    };
    lists::companies(&db.conn, out, &request)
}

/// `limitations`, `pros`, `cons`, `use-cases`.
pub fn list(db: &Db, out: &mut Output, kind: Kind, args: &ListArgs) -> Result<()> {
    let request = ListRequest {
        kind,
        subjects: args.subject.clone(),
        all: args.all,
    };
    lists::list(&db.conn, out, &request)
}
