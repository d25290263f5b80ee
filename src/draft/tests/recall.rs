//! Claims a careful reader lists first that the draft used to miss: sections of
//! a plain-text page under `~~~` headings.

use super::{catalogue, features_on};
use crate::draft::draft_as;
use crate::model::Stance;
use crate::text::blocks::Format;

#[test]
fn a_plain_text_heading_underlined_with_tildes_hides_no_section() {
    let text = "The Quuxdb store\n================\n\n\
                Quuxdb is a small store. Quuxdb is fast.\n\n\
                Design goals\n~~~~~~~~~~~~\n\n\
                Quuxdb does not support replication.\n\n\
                Comparison\n^^^^^^^^^^\n\n\
                Quuxdb supports snapshots.\n";
    let rows = draft_as(text, Format::Plain, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 9),
        [("quuxdb", "replication", Some(Stance::Lacks))],
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 14),
        [("quuxdb", "snapshots", Some(Stance::Builtin))],
        "{rows:#?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.line_start == 9 && r.section == "Design goals"),
        "{rows:#?}"
    );
}
