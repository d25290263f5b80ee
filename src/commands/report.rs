//! `claimdb report [NAME]`: the canned reports analysts export. Each is one of the
//! listing commands run over everything, so a report and its command always agree.

use clap::ValueEnum;

use crate::cli::{CompaniesArgs, ListArgs};
use crate::commands::{compare, conflicts, lists, sources};
use crate::db::Db;
use crate::error::Result;
use crate::model::Kind;
use crate::output::{Cell, Column, Output};
use crate::query::{self, ClaimFilter};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Report {
    /// Topic x subject: each subject's stances on each feature, with citations
    FeatureMatrix,
    /// Every company named as using a subject, with what for
    Companies,
    /// Every listed limitation
    Limitations,
    /// Every listed pro and con
    ProsCons,
    /// What each subject suits
    UseCases,
    /// Pairs of claims in tension
    Conflicts,
    /// The articles, with claim counts
    Sources,
}

const LIST_COLUMNS: [Column; 2] = [Column::new("report"), Column::new("description")];

pub fn run(db: &Db, out: &mut Output, report: Option<Report>) -> Result<()> {
    let Some(report) = report else {
        let mut w = out.rows(&LIST_COLUMNS)?;
        for r in Report::value_variants() {
            let value = r.to_possible_value().expect("no skipped variants");
            w.row(&[
                Cell::from(value.get_name()),
                Cell::from(value.get_help().map(|h| h.to_string()).unwrap_or_default()),
            ])?;
        }
        w.finish()?;
        return Ok(());
    };
    let all = ListArgs {
        subject: Vec::new(),
    };
    match report {
        Report::FeatureMatrix => {
            let subjects = all_subjects(db)?;
            let scope = compare::Scope {
                stances_only: true,
                ..compare::Scope::default()
            };
            compare::write_matrix(&db.conn, out, &subjects, &scope)?;
        }
        Report::Companies => lists::companies(
            db,
            out,
            &CompaniesArgs {
                subject: Vec::new(),
                shared: false,
            },
        )?,
        Report::Limitations => lists::list(db, out, Kind::Limitation, &all)?,
        Report::ProsCons => {
            let filter = ClaimFilter {
                kinds: vec![Kind::Pro, Kind::Con],
                ..ClaimFilter::default()
            };
            query::write_claims(&db.conn, out, &filter, query::CLAIM_COLUMNS)?;
        }
        Report::UseCases => lists::list(db, out, Kind::UseCase, &all)?,
        Report::Conflicts => conflicts::run(db, out)?,
        Report::Sources => sources::run(db, out)?,
    }
    Ok(())
}

fn all_subjects(db: &Db) -> Result<Vec<crate::catalog::Named>> {
    let mut stmt = db
        .conn
        .prepare("SELECT subject_id, name FROM subjects ORDER BY name")?;
    let subjects = stmt
        .query_map([], |r| {
            Ok(crate::catalog::Named {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(subjects)
}
