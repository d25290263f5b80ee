//! Claims from a table cell: the row's label is the topic, the column's heading
//! the subject, and the cell either a stance ("yes", "limited", "via plugins") or
//! a value.

use crate::draft::context::Context;
use crate::draft::cues::CELL_STANCES;
use crate::draft::extract::features::feature_row;
use crate::draft::folded::Folded;
use crate::draft::lookup::Lookup;
use crate::draft::row::{RowDraft, Topic};
use crate::draft::slug::new_topic_name;
use crate::draft::topics::FEATURES;
use crate::model::{Kind, Stance};
use crate::text::english::{TABLE_CELL_NO, TABLE_CELL_YES};

/// The rows a table cell gives each of `subjects`.
pub fn cell_rows(lookup: &Lookup, r: &Folded, ctx: &Context, subjects: &[usize]) -> Vec<RowDraft> {
    let Some((_, row_label)) = &r.s.cell else {
        return Vec::new();
    };
    let topic = lookup.topic_named(row_label).map(Topic::Known).or_else(|| {
        new_topic_name(row_label).map(|n| Topic::New(n, lookup.category_for(FEATURES, ctx)))
    });
    let Some(topic) = topic else {
        return Vec::new();
    };
    let cell = r.folded.trim();
    let stance = cell_stance(cell);
    let mut out = Vec::new();
    for &subject in subjects {
        match stance {
            Some(stance) => out.push(feature_row(lookup, subject, &topic, stance, 0.7)),
            None if !cell.is_empty() => {
                let value = r.s.text.trim();
                let statement = format!(
                    "{}: {value} ({}).",
                    lookup.subject_name(subject),
                    row_label.trim()
                );
                out.push(
                    RowDraft::new(subject, Kind::Fact, topic.clone(), statement, 0.5)
                        .with_value(value.to_string()),
                );
            }
            None => {}
        }
    }
    out
}

/// The stance a folded cell gives its row's feature: the first of [`CELL_STANCES`]
/// whose cue stands in the cell, or that the whole cell says ("no", "partial...",
/// "✓").
fn cell_stance(cell: &str) -> Option<Stance> {
    let whole_cell = |stance: Stance| match stance {
        Stance::Lacks => TABLE_CELL_NO.contains(cell),
        Stance::Limited => cell.starts_with("partial"),
        Stance::Builtin => TABLE_CELL_YES.contains(cell),
        Stance::Extension | Stance::Depends => false,
    };
    CELL_STANCES
        .iter()
        .find(|(stance, cues)| cues.any_in(cell) || whole_cell(*stance))
        .map(|(stance, _)| *stance)
}
