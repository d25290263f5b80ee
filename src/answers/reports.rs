//! The canned reports analysts export (`claimdb report [NAME]`). Each is one of the
//! answers run over everything, so a report and its command always agree.

use rusqlite::Connection;

use crate::answers::compare::{self, Scope};
use crate::answers::conflicts::conflicts;
use crate::answers::lists::{self, CompaniesRequest, ListRequest};
use crate::answers::sources::sources;
use crate::catalog::Named;
use crate::error::Result;
use crate::model::{Kind, Report};
use crate::query::{self, ClaimFilter};
use crate::rows::{Cell, Column, Sink};

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

/// One report, or with none the list of reports.
pub fn report(conn: &Connection, out: &mut dyn Sink, report: Option<Report>) -> Result<()> {
    let Some(report) = report else {
        let mut w = out.rows(&LIST_COLUMNS)?;
        for r in Report::ALL {
            w.row(&[Cell::from(r.name()), Cell::from(r.description())])?;
        }
        w.finish()?;
        return Ok(());
    };
    let all = |kind| ListRequest {
        kind,
        subjects: Vec::new(),
        all: true,
    };
    match report {
        // A grid, or in JSON the long format of the `feature_matrix` view: one
        // object per topic, subject and stance.
        Report::FeatureMatrix if out.is_keyed() => {
            query::write_rows(
                conn,
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
            let subjects = all_subjects(conn)?;
            let scope = Scope {
                stances_only: true,
                ..Scope::default()
            };
            compare::write_matrix(conn, out, &subjects, &scope)?;
        }
        Report::Comparisons => {
            let filter = ClaimFilter {
                kinds: vec![Kind::Comparison],
                ..ClaimFilter::default()
            };
            query::write_claims(conn, out, &filter, query::COMPARISON_COLUMNS)?;
        }
        Report::Companies => lists::companies(
            conn,
            out,
            &CompaniesRequest {
                all: true,
                ..CompaniesRequest::default()
            },
        )?,
        Report::Limitations => lists::list(conn, out, &all(Kind::Limitation))?,
        Report::ProsCons => {
            let filter = ClaimFilter {
                kinds: vec![Kind::Pro, Kind::Con],
                ..ClaimFilter::default()
            };
            query::write_claims(conn, out, &filter, query::CLAIM_COLUMNS)?;
        }
        Report::UseCases => lists::list(conn, out, &all(Kind::UseCase))?,
        Report::Conflicts => conflicts(conn, out)?,
        Report::Sources => sources(conn, out)?,
    }
    Ok(())
}

fn all_subjects(conn: &Connection) -> Result<Vec<Named>> {
    let mut stmt = conn.prepare("SELECT subject_id, name FROM subjects ORDER BY name")?;
    let subjects = stmt
        .query_map([], |r| {
            Ok(Named {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(subjects)
}
