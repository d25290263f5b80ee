//! `claimdb report [NAME]`: the canned reports analysts export. Each is one of the
//! listing commands run over everything, so a report and its command always agree.

use clap::ValueEnum;

use crate::cli::{CompaniesArgs, ListArgs};
use crate::commands::{compare, conflicts, lists, sources};
use crate::db::Db;
use crate::error::Result;
use crate::model::Kind;
use crate::output::Output;
use crate::query::{self, ClaimFilter};
use crate::rows::{Cell, Column};

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
    /// Verdicts between subjects: which one the articles favour, on what, or that it depends
    Comparisons,
    /// Pairs of claims in tension
    Conflicts,
    /// The articles, with claim counts
    Sources,
}

const LIST_COLUMNS: [Column; 2] = [Column::new("report"), Column::new("description")];

/// The columns of the `feature_matrix` view, in its order.
const FEATURE_MATRIX: [Column; 11] = [
    Column::new("topic"),
    Column::new("category"),
    Column::new("subject"),
    Column::new("stance"),
    Column::new("claims"),
    Column::new("conflicting"),
    Column::new("claim_id"),
    Column::new("source"),
    Column::new("line_start"),
    Column::new("line_end"),
    Column::new("quote"),
];

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
        all: true,
    };
    match report {
        // A grid, or in JSON the long format of the `feature_matrix` view: one
        // object per topic, subject and stance.
        Report::FeatureMatrix if out.is_keyed() => {
            query::write_rows(
                &db.conn,
                out,
                &format!(
                    "SELECT {} FROM feature_matrix ORDER BY category, topic, subject, stance",
                    FEATURE_MATRIX
                        .iter()
                        .map(Column::name)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                [],
                &FEATURE_MATRIX,
            )?;
        }
        Report::FeatureMatrix => {
            let subjects = all_subjects(db)?;
            let scope = compare::Scope {
                stances_only: true,
                ..compare::Scope::default()
            };
            compare::write_matrix(&db.conn, out, &subjects, &scope)?;
        }
        Report::Comparisons => {
            let filter = ClaimFilter {
                kinds: vec![Kind::Comparison],
                ..ClaimFilter::default()
            };
            query::write_claims(&db.conn, out, &filter, query::COMPARISON_COLUMNS)?;
        }
        Report::Companies => lists::companies(
            db,
            out,
            &CompaniesArgs {
                subject: Vec::new(),
                shared: false,
                all: true,
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
