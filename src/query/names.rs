//! Subject, topic and source names by id for the rows of a claims query: all of
//! them for a listing (`Names::load`), or those a few rows use (`Names::fill_for`).

use std::collections::HashMap;

use rusqlite::Connection;

/// Subject, topic and source names by id: the catalogues are small, and looking
/// names up here is cheaper than joining three tables for every claim.
pub(crate) struct Names {
    pub(super) subjects: ById<String>,
    pub(super) topics: ById<(String, String)>,
    pub(super) sources: ById<String>,
}

/// Names by id, looked up once per row of an export. Ids are small and dense, so
/// they index a vector; a catalogue with ids far beyond its size (ids are whatever
/// the file holds) goes into a map instead.
pub(super) enum ById<V> {
    Dense(Vec<Option<V>>),
    Sparse(HashMap<i64, V>),
}

impl<V> ById<V> {
    pub(super) fn new(entries: Vec<(i64, V)>) -> ById<V> {
        let max = entries.iter().map(|(id, _)| *id).max().unwrap_or(0);
        if entries.iter().all(|(id, _)| *id >= 0) && max <= 4 * entries.len() as i64 + 1024 {
            let mut dense: Vec<Option<V>> = (0..=max).map(|_| None).collect();
            for (id, v) in entries {
                dense[id as usize] = Some(v);
            }
            ById::Dense(dense)
        } else {
            ById::Sparse(entries.into_iter().collect())
        }
    }

    /// Adds one name (a catalogue filled as rows need it; see `Names::fill_for`).
    fn insert(&mut self, id: i64, value: V) {
        match self {
            ById::Dense(all) => {
                let at = usize::try_from(id).expect("a dense catalogue's ids are >= 0");
                if all.len() <= at {
                    all.resize_with(at + 1, || None);
                }
                all[at] = Some(value);
            }
            ById::Sparse(map) => {
                map.insert(id, value);
            }
        }
    }

    pub(super) fn get(&self, id: &i64) -> Option<&V> {
        match self {
            ById::Dense(all) => usize::try_from(*id)
                .ok()
                .and_then(|i| all.get(i))
                .and_then(Option::as_ref),
            ById::Sparse(map) => map.get(id),
        }
    }
}

impl Names {
    pub(super) fn load(conn: &Connection) -> rusqlite::Result<Names> {
        let map = |sql: &str| -> rusqlite::Result<ById<String>> {
            let mut stmt = conn.prepare(sql)?;
            let entries = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(ById::new(entries))
        };
        let mut stmt = conn.prepare("SELECT topic_id, name, category FROM topics")?;
        let topics = stmt
            .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Names {
            subjects: map("SELECT subject_id, name FROM subjects")?,
            topics: ById::new(topics),
            sources: map("SELECT source_id, slug FROM sources")?,
        })
    }
}

impl Names {
    /// No names yet: `fill_for` looks up those a row of `claim_query` uses, for a
    /// listing of a few claims (an answer), where reading every topic's name cost
    /// more than the rows written (61 topics of the seed for 9 claims on one).
    pub(crate) fn none() -> Names {
        Names {
            subjects: ById::Sparse(HashMap::new()),
            topics: ById::Sparse(HashMap::new()),
            sources: ById::Sparse(HashMap::new()),
        }
    }

    /// Looks up the subject, other side, topic and source of `row` (of
    /// `claim_query`) not looked up yet; one that does not exist stays absent, as
    /// in `load`.
    pub(crate) fn fill_for(
        &mut self,
        conn: &Connection,
        row: &rusqlite::Row,
    ) -> rusqlite::Result<()> {
        let one = |sql: &str, id: i64| -> rusqlite::Result<Option<(String, Option<String>)>> {
            let mut stmt = conn.prepare_cached(sql)?;
            let mut rows = stmt.query([id])?;
            rows.next()?.map(|r| Ok((r.get(0)?, r.get(1)?))).transpose()
        };
        for id in [Some(row.get::<_, i64>(1)?), row.get::<_, Option<i64>>(11)?]
            .into_iter()
            .flatten()
        {
            if self.subjects.get(&id).is_none()
                && let Some((name, _)) =
                    one("SELECT name, NULL FROM subjects WHERE subject_id = ?1", id)?
            {
                self.subjects.insert(id, name);
            }
        }
        let topic: i64 = row.get(3)?;
        if self.topics.get(&topic).is_none()
            && let Some((name, category)) = one(
                "SELECT name, category FROM topics WHERE topic_id = ?1",
                topic,
            )?
        {
            let category = category.ok_or(rusqlite::Error::InvalidColumnType(
                1,
                "category".into(),
                rusqlite::types::Type::Null,
            ))?;
            self.topics.insert(topic, (name, category));
        }
        let source: i64 = row.get(8)?;
        if self.sources.get(&source).is_none()
            && let Some((slug, _)) = one(
                "SELECT slug, NULL FROM sources WHERE source_id = ?1",
                source,
            )?
        {
            self.sources.insert(source, slug);
        }
        Ok(())
    }

    /// A subject's name by id, where looked up and found.
    pub(crate) fn subject(&self, id: i64) -> Option<&str> {
        self.subjects.get(&id).map(String::as_str)
    }

    /// A topic's name by id, where looked up and found.
    pub(crate) fn topic(&self, id: i64) -> Option<&str> {
        self.topics.get(&id).map(|t| t.0.as_str())
    }

    /// A source's slug by id, where looked up and found.
    pub(crate) fn source(&self, id: i64) -> Option<&str> {
        self.sources.get(&id).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::ById;

    #[test]
    fn names_by_id_are_found_dense_or_sparse() {
        let dense = ById::new(vec![(1, "a"), (3, "c")]);
        assert!(matches!(dense, ById::Dense(_)));
        let far = ById::new(vec![(1, "a"), (i64::MAX, "far"), (-5, "neg")]);
        assert!(matches!(far, ById::Sparse(_)));
        for names in [&dense, &far] {
            assert_eq!(names.get(&1), Some(&"a"));
            assert_eq!(names.get(&2), None);
            assert_eq!(names.get(&-1), None);
            assert_eq!(names.get(&i64::MIN), None);
        }
        assert_eq!(dense.get(&3), Some(&"c"));
        assert_eq!(far.get(&i64::MAX), Some(&"far"));
        assert_eq!(far.get(&-5), Some(&"neg"));
    }
}
