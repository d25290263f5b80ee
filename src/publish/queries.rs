//! The canned queries `publish` gives Datasette: the questions people come for
//! (which has / lacks a topic, compare two subjects, companies, a subject's claims)
//! in SQL, with names folded as claimdb folds them. Each opens with its answer (the
//! SQL is hidden until asked for), and a name the knowledge base does not know gives
//! one row that says so, with the names it does know, instead of no rows or a
//! silently shorter answer.

use serde_json::{Value, json};

/// `fold(name)` of src/names.rs in SQL, for a named parameter: lower case, hyphens,
/// underscores and dashes as spaces, typographic quotes as ASCII, runs of spaces as
/// one (up to 16), trimmed. SQLite's lower() folds ASCII letters only.
pub fn fold_sql(param: &str) -> String {
    let mut expr = format!("lower(:{param})");
    let replacements = [
        ("'-'", "' '"),
        ("'_'", "' '"),
        ("'\u{2010}'", "' '"),
        ("'\u{2011}'", "' '"),
        ("'\u{2012}'", "' '"),
        ("'\u{2013}'", "' '"),
        ("'\u{2014}'", "' '"),
        ("char(9)", "' '"),
        ("char(10)", "' '"),
        ("char(13)", "' '"),
        ("'\u{2018}'", "''''"),
        ("'\u{2019}'", "''''"),
        ("'\u{201A}'", "''''"),
        ("'\u{201B}'", "''''"),
        ("'\u{2032}'", "''''"),
        ("'`'", "''''"),
        ("'\u{00B4}'", "''''"),
        ("'\u{201C}'", "'\"'"),
        ("'\u{201D}'", "'\"'"),
        ("'\u{201E}'", "'\"'"),
        ("'\u{201F}'", "'\"'"),
        ("'\u{2033}'", "'\"'"),
        ("'  '", "' '"),
        ("'  '", "' '"),
        ("'  '", "' '"),
        ("'  '", "' '"),
    ];
    for (from, to) in replacements {
        expr = format!("replace({expr}, {from}, {to})");
    }
    format!("trim({expr})")
}

/// The topic a parameter names, read as `which` reads it: "built-in X" is X when X is
/// a topic, otherwise the whole phrase must be one. `q` is the name without
/// "built-in" and `grams` its letter pairs (of the first 64 letters), read only
/// when no topic has the name, to find the ones it may be a typo of.
fn topic_cte(param: &str) -> String {
    format!(
        "{fold},
topic AS (
  SELECT t.topic_id, t.name FROM topics t
  WHERE t.topic_id = coalesce(
    (SELECT a.topic_id FROM topic_aliases a, p
     WHERE a.key = CASE WHEN p.f LIKE 'built in %' THEN substr(p.f, 10)
                        WHEN p.f LIKE 'builtin %' THEN substr(p.f, 9) END),
    (SELECT a.topic_id FROM topic_aliases a, p WHERE a.key = p.f))),
q(f) AS (
  SELECT CASE WHEN f LIKE 'built in %' THEN substr(f, 10)
              WHEN f LIKE 'builtin %' THEN substr(f, 9) ELSE f END FROM p),
{grams}",
        fold = folded_cte("p", param),
        grams = grams_cte("grams", "q"),
    )
}

/// A `which` question in SQL, with the semantics of `claimdb which` (SPEC section 3):
/// every subject gets a row; `yes` rows cite the supporting claims, `conflicting` and
/// `no` rows every claim on the topic, `no claim` rows none. The verdicts come from the
/// covering index on (topic, subject, stance); quotes are read only for the rows shown.
fn which_sql(yes: &str, supports: &str) -> String {
    format!(
        "WITH RECURSIVE {topic},
c AS (
  SELECT c.claim_id, c.subject_id, c.stance
  FROM claims c JOIN topic ON c.topic_id = topic.topic_id
  WHERE c.stance IN ('builtin', 'extension', 'limited', 'lacks')),
v AS (
  SELECT subject_id,
         max(stance = 'builtin') AS builtin,
         max(stance = 'extension') AS extension,
         max(stance IN ('lacks', 'extension')) AS missing
  FROM c GROUP BY subject_id),
a AS (
  SELECT s.subject_id, s.name,
         CASE WHEN v.subject_id IS NULL THEN 'no claim'
              WHEN v.builtin AND v.missing THEN 'conflicting'
              WHEN {yes} THEN 'yes'
              ELSE 'no' END AS answer
  FROM subjects s LEFT JOIN v ON v.subject_id = s.subject_id
  WHERE EXISTS (SELECT 1 FROM topic)
  UNION ALL
  SELECT NULL, NULL, {unknown} WHERE NOT EXISTS (SELECT 1 FROM topic))
SELECT a.name AS subject, a.answer, (SELECT name FROM topic) AS topic, c.stance,
       c.claim_id, cl.kind, src.slug AS source, cl.line_start, cl.line_end, cl.quote
FROM a
LEFT JOIN c ON c.subject_id = a.subject_id AND (a.answer IN ('conflicting', 'no') OR {supports})
LEFT JOIN claims cl ON cl.claim_id = c.claim_id
LEFT JOIN sources src ON src.source_id = cl.source_id
ORDER BY CASE a.answer WHEN 'yes' THEN 0 WHEN 'conflicting' THEN 1 WHEN 'no claim' THEN 2 ELSE 3 END,
         a.name, c.claim_id",
        topic = topic_cte("topic"),
        unknown = unknown_topic(),
    )
}

/// A CTE `name(f)` holding a parameter folded. The folding is a deep expression;
/// kept at the top of the statement it stays within SQLite's parser depth.
fn folded_cte(name: &str, param: &str) -> String {
    format!("{name}(f) AS (SELECT {})", fold_sql(param))
}

const WHICH_NOTE: &str = "Every subject gets a row: yes, no, conflicting (its claims disagree: \
    built in vs missing) or no claim, with the claims that say so, as claimdb which answers. \
    The topic is matched by name or alias, folded as claimdb folds names (case, hyphens, \
    typographic quotes; SQLite folds the case of ASCII letters only). An unknown topic gives \
    one row saying so, with the topics it may be a typo of.";

/// A CTE `name(i, g)` holding the letter pairs of the folded name in `cte` (of its
/// first 64 letters): read only for a name that is unknown, to find the names it
/// may be a typo of.
fn grams_cte(name: &str, cte: &str) -> String {
    format!(
        "{name}(i, g) AS (
  SELECT 1, substr(f, 1, 2) FROM {cte} WHERE length(f) >= 2
  UNION ALL
  SELECT i + 1, substr({cte}.f, i + 1, 2) FROM {name}, {cte} WHERE i + 2 <= min(length({cte}.f), 64))"
    )
}

/// The names (of `table`, through its `aliases`) a name whose letter pairs are in
/// `grams` may be a typo of, as `a, b`, or NULL: the aliases sharing most of its
/// letter pairs (Dice's coefficient of at least 0.5, as "athentication" has with
/// "authentication" and "flsk" with "flask", and within 0.1 of the best).
fn did_you_mean(grams: &str, aliases: &str, table: &str, id: &str) -> String {
    format!(
        "(SELECT group_concat(name, ', ') FROM (
           SELECT x.name, s.score, max(s.score) OVER () AS best FROM {table} x JOIN (
             SELECT al.{id},
                    max(2.0 * (SELECT count(*) FROM {grams} WHERE instr(al.key, g) > 0)
                        / ((SELECT count(*) FROM {grams}) + length(al.key) - 1)) AS score
             FROM {aliases} al GROUP BY al.{id}) s ON s.{id} = x.{id}
           WHERE s.score >= 0.5 ORDER BY s.score DESC, x.name)
         WHERE score >= best - 0.1 LIMIT 5)"
    )
}

/// The answer of a which-query whose topic is unknown: says so and names the topics
/// it may be a typo of, or where to find them.
fn unknown_topic() -> String {
    format!(
        "(SELECT CASE WHEN p.f = '' THEN 'type a topic above (the topics table lists them)'
             ELSE 'no topic named ''' || :topic || '''; ' || coalesce(
               'did you mean ' || {suggested} || '?', 'the topics table lists them') END
         FROM p)",
        suggested = did_you_mean("grams", "topic_aliases", "topics", "topic_id")
    )
}

/// A row's text for a subject parameter that names no subject: says so and names
/// the subjects it may be a typo of, or else the subjects (the first 20). `cte` is
/// the parameter's folded CTE, `grams` its letter pairs.
fn unknown_subject(cte: &str, grams: &str, param: &str) -> String {
    format!(
        "(SELECT CASE WHEN {cte}.f = '' THEN 'type a subject above (the subjects table lists them)'
             ELSE 'no subject named ''' || :{param} || '''; ' || coalesce(
               'did you mean ' || {suggested} || '?',
               'the subjects are: ' ||
               (SELECT group_concat(name, ', ') FROM (SELECT name FROM subjects ORDER BY name LIMIT 20))
               || CASE WHEN (SELECT count(*) FROM subjects) > 20 THEN ', …' ELSE '' END) END
         FROM {cte})",
        suggested = did_you_mean(grams, "subject_aliases", "subjects", "subject_id")
    )
}

/// True in SQL when the folded parameter in `cte` names no subject.
fn subject_unknown(cte: &str) -> String {
    format!("NOT EXISTS (SELECT 1 FROM subject_aliases, {cte} WHERE key = {cte}.f)")
}

/// The canned queries, by name, as Datasette's metadata holds them.
pub fn canned_queries() -> Value {
    let which = |title: &str, command: &str, meaning: &str, yes: &str, supports: &str| {
        json!({
            "title": title,
            "description": format!("claimdb {command} TOPIC: yes = {meaning}. {WHICH_NOTE}"),
            "sql": which_sql(yes, supports),
            "hide_sql": true,
        })
    };
    json!({
        "which_lacks": which(
            "Which subjects lack a topic (built in)?",
            "which lacks built-in",
            "a lacks, extension or limited claim and no builtin one",
            "NOT v.builtin",
            "c.stance <> 'builtin'",
        ),
        "which_has": which(
            "Which subjects have a topic (built in or by extension)?",
            "which has",
            "a builtin or extension claim",
            "v.builtin OR v.extension",
            "c.stance IN ('builtin', 'extension')",
        ),
        "which_has_builtin": which(
            "Which subjects have a topic built in?",
            "which has built-in",
            "a builtin claim",
            "v.builtin",
            "c.stance = 'builtin'",
        ),
        "compare": {
            "title": "Compare two subjects",
            "description": "claimdb compare A B in long form: one row per topic, subject and stance (or kind, for claims without a stance), with how many claims back it and the first one's citation. Subjects by name or alias; a name that is neither gives a row saying so.",
            "sql": compare_sql(),
            "hide_sql": true,
        },
        "companies": {
            "title": "Companies that use each subject",
            "description": "claimdb companies: every company the articles name as using a subject, with the claim that says so. Leave subject empty for all subjects.",
            "sql": companies_sql(),
            "hide_sql": true,
        },
        "subject_claims": {
            "title": "A subject's claims",
            "description": "claimdb claims --subject SUBJECT: every claim about a subject (name or alias), with its citation.",
            "sql": subject_claims_sql(),
            "hide_sql": true,
        },
    })
}

fn compare_sql() -> String {
    format!(
        "WITH RECURSIVE {a}, {b}, {ga}, {gb},
wanted AS (
  SELECT subject_id FROM subject_aliases WHERE key IN (SELECT f FROM pa UNION ALL SELECT f FROM pb)),
found AS (
  SELECT 1 AS unknown, {unknown_a} AS topic, NULL AS category, NULL AS subject,
         NULL AS stance_or_kind, NULL AS claims, NULL AS claim_id, NULL AS source,
         NULL AS line_start, NULL AS line_end, NULL AS quote, 0 AS rank
  WHERE {a_unknown}
  UNION ALL
  SELECT 1, {unknown_b}, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0
  WHERE {b_unknown}
  UNION ALL
  SELECT 0, t.name, t.category, s.name, coalesce(c.stance, c.kind), count(*),
         min(c.claim_id), src.slug, c.line_start, c.line_end, c.quote,
         CASE coalesce(c.stance, c.kind) WHEN 'builtin' THEN 0 WHEN 'extension' THEN 1
              WHEN 'limited' THEN 2 WHEN 'lacks' THEN 3 ELSE 4 END
  FROM claims c
  JOIN subjects s  ON s.subject_id = c.subject_id
  JOIN topics t    ON t.topic_id = c.topic_id
  JOIN sources src ON src.source_id = c.source_id
  WHERE c.subject_id IN (SELECT subject_id FROM wanted)
  GROUP BY t.topic_id, s.subject_id, coalesce(c.stance, c.kind))
SELECT topic, category, subject, stance_or_kind, claims, claim_id, source, line_start,
       line_end, quote
FROM found
ORDER BY unknown DESC, category, topic, subject, rank, stance_or_kind",
        a = folded_cte("pa", "a"),
        b = folded_cte("pb", "b"),
        ga = grams_cte("ga", "pa"),
        gb = grams_cte("gb", "pb"),
        unknown_a = unknown_subject("pa", "ga", "a"),
        unknown_b = unknown_subject("pb", "gb", "b"),
        a_unknown = subject_unknown("pa"),
        b_unknown = subject_unknown("pb"),
    )
}

fn companies_sql() -> String {
    format!(
        "WITH RECURSIVE {subject}, {grams},
found AS (
  SELECT 1 AS unknown, {unknown} AS subject, NULL AS company, NULL AS statement,
         NULL AS claim_id, NULL AS source, NULL AS line_start, NULL AS line_end, NULL AS quote
  WHERE :subject <> '' AND {subject_unknown}
  UNION ALL
  SELECT 0, s.name, c.value, c.statement, c.claim_id, src.slug, c.line_start, c.line_end,
         c.quote
  FROM claims c
  JOIN subjects s  ON s.subject_id = c.subject_id
  JOIN sources src ON src.source_id = c.source_id
  WHERE c.kind = 'company'
    AND (:subject = '' OR c.subject_id IN
         (SELECT subject_id FROM subject_aliases WHERE key = (SELECT f FROM p))))
SELECT subject, company, statement, claim_id, source, line_start, line_end, quote
FROM found
ORDER BY unknown DESC, company COLLATE NOCASE, subject, claim_id",
        subject = folded_cte("p", "subject"),
        grams = grams_cte("g", "p"),
        unknown = unknown_subject("p", "g", "subject"),
        subject_unknown = subject_unknown("p"),
    )
}

fn subject_claims_sql() -> String {
    format!(
        "WITH RECURSIVE {subject}, {grams},
found AS (
  SELECT 1 AS unknown, NULL AS claim_id, {unknown} AS subject, NULL AS kind, NULL AS topic,
         NULL AS stance, NULL AS value, NULL AS statement, NULL AS source,
         NULL AS line_start, NULL AS line_end, NULL AS quote
  WHERE {subject_unknown}
  UNION ALL
  SELECT 0, c.claim_id, s.name, c.kind, t.name, c.stance, c.value, c.statement, src.slug,
         c.line_start, c.line_end, c.quote
  FROM claims c
  JOIN subjects s  ON s.subject_id = c.subject_id
  JOIN topics t    ON t.topic_id = c.topic_id
  JOIN sources src ON src.source_id = c.source_id
  WHERE c.subject_id IN (SELECT subject_id FROM subject_aliases WHERE key = (SELECT f FROM p)))
SELECT claim_id, subject, kind, topic, stance, value, statement, source, line_start,
       line_end, quote
FROM found
ORDER BY unknown DESC, claim_id",
        subject = folded_cte("p", "subject"),
        grams = grams_cte("g", "p"),
        unknown = unknown_subject("p", "g", "subject"),
        subject_unknown = subject_unknown("p"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sql_folding_matches_claimdb_folding() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let sql = format!("SELECT {}", fold_sql("x"));
        for name in [
            "Built-In   Auth",
            "user_authentication",
            "  Django\u{2019}s admin ",
            "\u{201C}batteries\u{2013}included\u{201D}",
            "ORM",
            "a\tb",
        ] {
            let folded: String = conn
                .query_row(&sql, rusqlite::named_params! {":x": name}, |r| r.get(0))
                .unwrap();
            assert_eq!(folded, crate::names::fold(name), "{name:?}");
        }
    }
}
