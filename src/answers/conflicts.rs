//! Pairs of claims in tension (`claimdb conflicts`, the conflicts report), within
//! or across sources. Two claims on the same subject and topic conflict when one says it ships (builtin)
//! and the other that it does not (lacks) or only through extensions, or when one
//! praises (pro) what the other lists as a con or limitation. Two comparisons on
//! the same topic conflict when they favour opposite sides ("Flask might offer
//! better performance for smaller applications" vs "Django is optimized for higher
//! performance in larger ones"): both are shown, neither is hidden. Unless each
//! names the case it is about and the cases differ ("for smaller applications",
//! "in larger applications"): those verdicts complement each other.

use rusqlite::Connection;

use crate::error::Result;
use crate::query::cite;
use crate::rows::{Cell, Column, Sink};

const COLUMNS: [Column; 20] = [
    Column::new("subject"),
    Column::new("topic"),
    Column::new("reason"),
    Column::new("a_claim_id"),
    Column::new("a_kind"),
    Column::new("a_stance"),
    Column::machine("a_source"),
    Column::machine("a_line_start"),
    Column::machine("a_line_end"),
    Column::human("a_cite"),
    Column::new("a_quote"),
    Column::new("b_claim_id"),
    Column::new("b_kind"),
    Column::new("b_stance"),
    Column::machine("b_source"),
    Column::machine("b_line_start"),
    Column::machine("b_line_end"),
    Column::human("b_cite"),
    Column::new("b_quote"),
    Column::machine("same_source"),
];

pub fn write(conn: &Connection, out: &mut dyn Sink) -> Result<u64> {
    let mut stmt = conn.prepare(
        "WITH pairs (a_id, b_id, reason) AS (
             SELECT a.claim_id, b.claim_id,
                    CASE WHEN a.stance = 'builtin' AND b.stance = 'lacks' THEN 'built in vs missing'
                         WHEN a.stance = 'builtin' AND b.stance = 'extension'
                              THEN 'built in vs only through extensions'
                         ELSE 'pro vs ' || b.kind END
             FROM claims a
             JOIN claims b ON b.subject_id = a.subject_id AND b.topic_id = a.topic_id
                          AND b.claim_id <> a.claim_id
             WHERE ((a.stance = 'builtin' AND b.stance IN ('lacks', 'extension'))
                    OR (a.kind = 'pro' AND b.kind IN ('con', 'limitation')))
               AND a.kind <> 'comparison' AND b.kind <> 'comparison'
             UNION ALL
             -- Verdicts that favour opposite sides on the same topic.
             SELECT a.claim_id, b.claim_id, 'opposite verdicts'
             FROM claims a
             JOIN claims b ON b.subject_id = a.versus_id AND b.versus_id = a.subject_id
                          AND b.topic_id = a.topic_id AND b.claim_id > a.claim_id
             WHERE a.kind = 'comparison' AND b.kind = 'comparison'
               AND a.stance IS NULL AND b.stance IS NULL
         )
         SELECT s.name, t.name, p.reason,
                a.claim_id, a.kind, a.stance, sa.slug, a.line_start, a.line_end, a.quote,
                b.claim_id, b.kind, b.stance, sb.slug, b.line_start, b.line_end, b.quote,
                a.source_id = b.source_id, a.value, b.value
         FROM pairs p
         JOIN claims a    ON a.claim_id = p.a_id
         JOIN claims b    ON b.claim_id = p.b_id
         JOIN subjects s  ON s.subject_id = a.subject_id
         JOIN topics t    ON t.topic_id = a.topic_id
         JOIN sources sa  ON sa.source_id = a.source_id
         JOIN sources sb  ON sb.source_id = b.source_id
         ORDER BY s.name, t.name, a.claim_id, b.claim_id",
    )?;
    let mut rows = stmt.query([])?;
    let mut w = out.rows(&COLUMNS)?;
    while let Some(r) = rows.next()? {
        let values: (Option<String>, Option<String>) = (r.get(18)?, r.get(19)?);
        if let (Some(a), Some(b)) = &values
            && complementary(a, b)
        {
            continue;
        }
        let a_cite = cite(&r.get::<_, String>(6)?, r.get(7)?, r.get(8)?);
        let b_cite = cite(&r.get::<_, String>(13)?, r.get(14)?, r.get(15)?);
        let same: bool = r.get(17)?;
        w.row(&[
            Cell::from(r.get_ref(0)?),
            Cell::from(r.get_ref(1)?),
            Cell::from(r.get_ref(2)?),
            Cell::from(r.get_ref(3)?),
            Cell::from(r.get_ref(4)?),
            Cell::from(r.get_ref(5)?),
            Cell::from(r.get_ref(6)?),
            Cell::from(r.get_ref(7)?),
            Cell::from(r.get_ref(8)?),
            Cell::from(a_cite),
            Cell::from(r.get_ref(9)?),
            Cell::from(r.get_ref(10)?),
            Cell::from(r.get_ref(11)?),
            Cell::from(r.get_ref(12)?),
            Cell::from(r.get_ref(13)?),
            Cell::from(r.get_ref(14)?),
            Cell::from(r.get_ref(15)?),
            Cell::from(b_cite),
            Cell::from(r.get_ref(16)?),
            Cell::Int(i64::from(same)),
        ])?;
    }
    w.finish()
}

/// Words that open the case a verdict holds for ("for smaller applications").
const CASE_OPENERS: [&str; 3] = [" for ", " in ", " when "];

/// Two comparatives that each name the case they hold for, and not the same case:
/// "better performance for smaller applications" and "higher performance in larger
/// applications" do not contradict each other.
fn complementary(a: &str, b: &str) -> bool {
    let case = |v: &str| -> Option<String> {
        let v = v.to_lowercase();
        CASE_OPENERS
            .iter()
            .filter_map(|o| v.rfind(o).map(|at| at + o.len()))
            .max()
            .map(|at| v[at..].to_string())
    };
    matches!((case(a), case(b)), (Some(x), Some(y)) if x != y)
}

/// Every pair, and for a person a closing count.
pub fn conflicts(conn: &Connection, out: &mut dyn Sink) -> Result<()> {
    let n = write(conn, out)?;
    if out.is_human() {
        out.note(&match n {
            0 => "No claims in tension.".to_string(),
            1 => "1 pair of claims in tension.".to_string(),
            n => format!("{n} pairs of claims in tension."),
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::complementary;

    #[test]
    fn verdicts_for_different_cases_complement_each_other() {
        assert!(complementary(
            "might offer better performance for smaller applications",
            "optimized for higher performance in larger, more complex applications"
        ));
        assert!(!complementary("faster", "faster"));
        assert!(!complementary(
            "faster for small loads",
            "faster for small loads"
        ));
    }
}
