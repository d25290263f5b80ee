//! Claims from a table cell: the row's label is the topic, the column's heading
//! the subject, and the cell either a stance ("yes", "limited", "via plugins") or
//! a value.

use crate::draft::context::Context;
use crate::draft::cues::CELL_STANCES;
use crate::draft::extract::features::feature_row;
use crate::draft::folded::Folded;
use crate::draft::lookup::Lookup;
use crate::draft::row::{INFERRED, MARKED_CELL, RowDraft, Topic, VALUE_CELL, WORDED_CELL};
use crate::draft::slug::new_topic_name;
use crate::draft::topics::FEATURES;
use crate::model::{Kind, Stance};
use crate::names::fold;
use crate::text::blocks::{Block, BlockKind};
use crate::text::english::{
    TABLE_CELL_NO, TABLE_CELL_NONE, TABLE_CELL_PARTIAL, TABLE_CELL_QUALIFIERS, TABLE_CELL_YES,
};

/// The rows a table cell gives each of `subjects`; `legend` holds the marks the
/// page explains ("🟡 Supported through a community library").
pub fn cell_rows(
    lookup: &Lookup,
    r: &Folded,
    ctx: &Context,
    subjects: &[usize],
    legend: &[(String, Stance)],
) -> Vec<RowDraft> {
    let Some((_, row_label)) = &r.s.cell else {
        return Vec::new();
    };
    let Some(topic) = row_topic(lookup, row_label, ctx) else {
        return Vec::new();
    };
    let cell = r.folded.trim();
    if TABLE_CELL_NONE.contains(cell) {
        return Vec::new();
    }
    // A blank in a row of ticks, in a table with no mark of its own for "no".
    if cell.is_empty() && ctx.blank_lacks {
        return subjects
            .iter()
            .map(|&s| feature_row(lookup, s, &topic, Stance::Lacks, INFERRED))
            .collect();
    }
    let stance = cell_stance_read(r.s.text, legend).map(|(stance, marked)| {
        if stance == Stance::Lacks && narrowed_no(r.s.text, row_label) {
            (Stance::Limited, marked)
        } else {
            (stance, marked)
        }
    });
    let mut out = Vec::new();
    for &subject in subjects {
        match stance {
            Some((stance, marked)) => {
                // A mark (✓, ❌, the legend's) is the table's own word for the
                // stance: the surest evidence a page gives.
                let confidence = if marked { MARKED_CELL } else { WORDED_CELL };
                out.push(feature_row(lookup, subject, &topic, stance, confidence));
            }
            None if !cell.is_empty() => {
                let value = r.s.text.trim();
                let statement = format!(
                    "{}: {value} ({}).",
                    lookup.subject_name(subject),
                    row_label.trim()
                );
                out.push(
                    RowDraft::new(subject, Kind::Fact, topic.clone(), statement, VALUE_CELL)
                        .with_value(value.to_string()),
                );
            }
            None => {}
        }
    }
    out
}

/// Whether a blank cell of each of a table's `rows` says "no": a
/// table whose only mark says yes leaves the others blank, and a row holding a
/// yes mark is a feature's row (a row of values, "disk", says nothing by a
/// blank). A table with a "no" mark of its own (or a legend's) says "no" by it.
pub fn blanks_lack(rows: &[&Block], legend: &[(String, Stance)]) -> Vec<bool> {
    let all: Vec<Vec<Option<(Stance, bool)>>> = rows
        .iter()
        .map(|row| match row.kind {
            BlockKind::TableRow { header: false } => row
                .cells
                .iter()
                .skip(1)
                .map(|c| cell_stance_read(&c.text, legend))
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    let says_no = all
        .iter()
        .flatten()
        .any(|s| s.is_some_and(|(stance, _)| stance != Stance::Builtin));
    let ticked = |row: &Vec<Option<(Stance, bool)>>| row.contains(&Some((Stance::Builtin, true)));
    all.iter().map(|row| !says_no && ticked(row)).collect()
}

/// The topic a table row's label names: the catalogue's where the label's words
/// are its alias's, else the label itself, a new topic of the section's category
/// (a row "Fast builds" is no "fast": a table's labels are its own topics).
fn row_topic(lookup: &Lookup, label: &str, ctx: &Context) -> Option<Topic> {
    lookup
        .topic_whole(label)
        .map(Topic::Known)
        .or_else(|| new_topic(label, lookup, ctx))
}

/// The topic a feature item's bold words name: the catalogue's where they name
/// one ("Scales to many sites" is scalability), else the words themselves.
pub fn label_topic(lookup: &Lookup, label: &str, ctx: &Context) -> Option<Topic> {
    lookup
        .topic_named(label)
        .map(Topic::Known)
        .or_else(|| new_topic(label, lookup, ctx))
}

fn new_topic(label: &str, lookup: &Lookup, ctx: &Context) -> Option<Topic> {
    new_topic_name(label).map(|n| Topic::New(n, lookup.category_for(FEATURES, ctx)))
}

/// The stance a cell gives its row's feature. A cell that starts with a mark is
/// read by the mark (the page's legend first, then ✓/✗ and the partial marks),
/// the words after it only refining a yes ("✓ via a plugin" is an extension, a
/// footnote number makes it limited); a cell of words alone by its cues or as a
/// whole ("no", "partial"). The stance comes with whether a mark said it (rather
/// than the cell's words).
fn cell_stance_read(cell: &str, legend: &[(String, Stance)]) -> Option<(Stance, bool)> {
    // "✔️" is "✔" and an emoji variation selector.
    let cell = cell.replace('\u{fe0f}', "");
    let cell = cell.trim();
    let (mark, rest) = match cell.split_once(char::is_whitespace) {
        Some((mark, rest)) => (mark, rest.trim()),
        None => (cell, ""),
    };
    let folded_rest = fold(rest);
    let by_cues = |text: &str| {
        CELL_STANCES
            .iter()
            .find(|(_, cues)| cues.any_in(text))
            .map(|(stance, _)| *stance)
    };
    let mark_stance = legend
        .iter()
        .find(|(m, _)| m == mark)
        .map(|(_, s)| *s)
        .or_else(|| {
            let m = fold(mark);
            if TABLE_CELL_YES.contains(&m) {
                Some(Stance::Builtin)
            } else if TABLE_CELL_NO.contains(&m) {
                Some(Stance::Lacks)
            } else if TABLE_CELL_PARTIAL.contains(mark) {
                Some(Stance::Limited)
            } else {
                None
            }
        });
    if let Some(stance) = mark_stance {
        let footnote = !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c == '*');
        // "Yes but not in the free version": a word's yes that the cell itself
        // qualifies says "in part".
        let qualified = mark.chars().any(char::is_alphabetic) && qualifier(&folded_rest);
        return Some((
            match (stance, by_cues(&folded_rest)) {
                (Stance::Builtin, _) if footnote => Stance::Limited,
                (Stance::Builtin, Some(refined @ (Stance::Extension | Stance::Limited))) => refined,
                (Stance::Builtin, _) if qualified => Stance::Limited,
                (stance, _) => stance,
            },
            true,
        ));
    }
    let folded = fold(cell);
    let whole_cell = |stance: Stance| match stance {
        Stance::Lacks => TABLE_CELL_NO.contains(&folded),
        Stance::Limited => folded.starts_with("partial"),
        Stance::Builtin => TABLE_CELL_YES.contains(&folded),
        Stance::Extension | Stance::Depends => false,
    };
    CELL_STANCES
        .iter()
        .find(|(stance, cues)| cues.any_in(&folded) || whole_cell(*stance))
        .map(|(stance, _)| (*stance, false))
}

/// True when `folded` holds a word that qualifies a cell's yes or no ("but",
/// "only": `table_cell_qualifiers.txt`).
fn qualifier(folded: &str) -> bool {
    let words: String = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .fold(String::from(" "), |acc, w| acc + w + " ");
    TABLE_CELL_QUALIFIERS
        .all()
        .iter()
        .any(|q| words.contains(&format!(" {q} ")))
}

/// A word's "no" that its cell narrows with the row's own words ("No (Zapper
/// Cloud only)" in a row "Store backups on cloud storage"): the subject has the
/// feature in a narrower form, so limited. A "no" naming something else ("No
/// (only SSH)") says what the subject has instead, and stays a no.
fn narrowed_no(cell: &str, label: &str) -> bool {
    let Some((mark, rest)) = cell.trim().split_once(char::is_whitespace) else {
        return false;
    };
    let (rest, label) = (fold(rest), fold(label));
    let label_words: Vec<&str> = label.split_whitespace().filter(|w| w.len() >= 4).collect();
    mark.chars().any(char::is_alphabetic)
        && TABLE_CELL_NO.contains(&fold(mark))
        && qualifier(&rest)
        && rest
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| label_words.contains(&w))
}

/// True when a list item opens with a mark and words after it ("✅ Supported").
pub fn opens_with_mark(item: &str) -> bool {
    item.trim()
        .split_once(char::is_whitespace)
        .is_some_and(|(mark, _)| !mark.is_empty() && !mark.chars().any(char::is_alphanumeric))
}

/// The stance a legend item gives its mark ("🛑 Not officially supported"): the
/// mark and the stance its words say, when the item starts with a mark.
pub fn legend_entry(item: &str) -> Option<(String, Stance)> {
    let (mark, rest) = item.trim().split_once(char::is_whitespace)?;
    let mark = mark.replace('\u{fe0f}', "");
    if mark.chars().any(char::is_alphanumeric) || mark.is_empty() {
        return None;
    }
    let rest = fold(rest);
    let stance = CELL_STANCES
        .iter()
        .find(|(_, cues)| cues.any_in(&rest))
        .map(|(stance, _)| *stance)?;
    Some((mark, stance))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell_stance(cell: &str, legend: &[(String, Stance)]) -> Option<Stance> {
        cell_stance_read(cell, legend).map(|(stance, _)| stance)
    }

    #[test]
    fn a_cell_is_read_by_its_mark_first() {
        let none: &[(String, Stance)] = &[];
        assert_eq!(cell_stance("✔\u{fe0f}", none), Some(Stance::Builtin));
        assert_eq!(cell_stance("✅ 1", none), Some(Stance::Limited));
        assert_eq!(
            cell_stance("✔ - Via a plugin", none),
            Some(Stance::Extension)
        );
        assert_eq!(
            cell_stance("❌ Available as a standalone module", none),
            Some(Stance::Lacks)
        );
        assert_eq!(cell_stance("🔶 WIP", none), Some(Stance::Limited));
        assert_eq!(
            cell_stance("Yes but Not in Free Version", none),
            Some(Stance::Limited)
        );
        assert!(narrowed_no(
            "No (Zapper Cloud Only)",
            "Backups to cloud storage"
        ));
        assert!(!narrowed_no(
            "No (Only SSH Support)",
            "Backups to cloud storage"
        ));
        assert!(!narrowed_no("No", "Backups to cloud storage"));
        assert_eq!(
            cell_stance("Yes (via plugin)", none),
            Some(Stance::Extension)
        );
        assert_eq!(cell_stance("No", none), Some(Stance::Lacks));
        assert_eq!(cell_stance(":x:", none), Some(Stance::Lacks));
        assert_eq!(cell_stance("not supported", none), Some(Stance::Lacks));
        let legend: Vec<(String, Stance)> = [
            "✅ 1st-class, built-in, and ready to use with no added configuration or code",
            "🟡 Supported, but as an unofficial 3rd party or community library/contribution",
            "🔶 Supported and documented, but requires extra user-code to implement",
            "🛑 Not officially supported or documented.",
        ]
        .iter()
        .filter_map(|item| legend_entry(item))
        .collect();
        let stances: Vec<Stance> = legend.iter().map(|(_, s)| *s).collect();
        assert_eq!(
            stances,
            [
                Stance::Builtin,
                Stance::Extension,
                Stance::Limited,
                Stance::Lacks
            ]
        );
        assert_eq!(
            cell_stance("🛑 Active Routes Only", &legend),
            Some(Stance::Lacks)
        );
    }
}
