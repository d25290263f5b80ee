//! Whether a text speaks well or ill of what it describes: a pro or a con.

use crate::draft::context::SectionKind;
use crate::draft::cues::{POLARITY, SECTION_CUES};
use crate::text::english::NEGATIVE;

/// Sums the good (+1) and bad (-1) words of a folded text.
pub fn polarity(folded: &str) -> i32 {
    POLARITY
        .all_in(folded)
        .into_iter()
        .map(|f| if NEGATIVE.contains(f.phrase) { -1 } else { 1 })
        .sum()
}

/// A label that names its own kind: "X cons" is a con (-1), "Y pros" a pro (1).
pub fn label_kind(folded: &str) -> Option<i32> {
    SECTION_CUES.iter().find_map(|(k, cues)| match k {
        SectionKind::Pro if cues.any_in(folded) => Some(1),
        SectionKind::Con | SectionKind::Limitation if cues.any_in(folded) => Some(-1),
        _ => None,
    })
}
