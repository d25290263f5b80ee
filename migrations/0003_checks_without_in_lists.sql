-- claimdb schema, version 3: the same claims table, with its two longest CHECK
-- constraints written as comparisons instead of `IN (...)` lists.
--
-- SQLite evaluates an IN list inside a CHECK constraint by building a lookup table
-- of its values for every row it writes; with the kind and stance lists that was
-- a third of the time an import spent inserting (1.2 s of every million claims).
-- The constraints accept exactly the same values. SQLite cannot change a table's
-- CHECK constraints, so `claims` is rebuilt as in version 2: renamed aside, created
-- again, filled, the old one dropped, and its indexes, triggers and views made
-- again from the same definitions. Every claim keeps its claim_id, so the
-- full-text index (its content table is `claims`, by name) stays as it is.

DROP VIEW claims_cited;
DROP VIEW feature_matrix;
DROP VIEW comparisons;
DROP TRIGGER claims_fts_insert;
DROP TRIGGER claims_fts_delete;
DROP TRIGGER claims_fts_update;
DROP INDEX claims_by_topic;
DROP INDEX claims_by_subject;
DROP INDEX claims_by_kind;
DROP INDEX claims_by_source;
DROP INDEX claims_by_versus;

ALTER TABLE claims RENAME TO claims_v2;

-- One cited claim: the quote stands in its source at lines line_start..line_end,
-- inside section section_id (the innermost heading above line_start; NULL before
-- the first heading).
CREATE TABLE claims (
    claim_id   INTEGER PRIMARY KEY,
    source_id  INTEGER NOT NULL REFERENCES sources (source_id) ON DELETE CASCADE,
    subject_id INTEGER NOT NULL REFERENCES subjects (subject_id),
    kind       TEXT NOT NULL
               CHECK (kind = 'feature' OR kind = 'company' OR kind = 'limitation'
                      OR kind = 'pro' OR kind = 'con' OR kind = 'use-case'
                      OR kind = 'fact' OR kind = 'comparison'),
    topic_id   INTEGER NOT NULL REFERENCES topics (topic_id),
    stance     TEXT CHECK (stance = 'builtin' OR stance = 'extension' OR stance = 'lacks'
                           OR stance = 'limited' OR stance = 'depends'),
    value      TEXT CHECK (value <> ''),
    -- Comparisons only: the subject compared with; NULL for "than the others".
    versus_id  INTEGER REFERENCES subjects (subject_id),
    -- 1 when the claim is one item of one of the article's own lists.
    listed     INTEGER NOT NULL DEFAULT 0 CHECK (listed IN (0, 1)),
    statement  TEXT NOT NULL CHECK (statement <> '' AND instr(statement, char(10)) = 0),
    quote      TEXT NOT NULL CHECK (quote <> ''),
    line_start INTEGER NOT NULL CHECK (line_start >= 1),
    line_end   INTEGER NOT NULL CHECK (line_end >= line_start),
    section_id INTEGER REFERENCES sections (section_id) ON DELETE SET NULL,
    CHECK (kind <> 'feature' OR stance IS NOT NULL),
    CHECK (kind NOT IN ('company', 'fact') OR value IS NOT NULL),
    -- A comparison favours its subject (stance NULL, the comparative in `value`) or
    -- says "it depends" (stance `depends`, no side favoured); `depends` is for
    -- comparisons only.
    CHECK (kind <> 'comparison' OR stance IS NULL OR stance = 'depends'),
    CHECK (kind <> 'comparison' OR stance IS NOT NULL OR value IS NOT NULL),
    CHECK (stance IS NOT 'depends' OR kind = 'comparison'),
    CHECK (versus_id IS NULL OR (kind = 'comparison' AND versus_id <> subject_id))
) STRICT;

INSERT INTO claims SELECT * FROM claims_v2;

DROP TABLE claims_v2;

-- `which` and `compare`: every claim with a stance on a topic, by subject.
CREATE INDEX claims_by_topic ON claims (topic_id, subject_id, stance);
-- Lists by subject and kind (`companies --subject django`, `claims --subject`).
CREATE INDEX claims_by_subject ON claims (subject_id, kind);
-- Lists by kind across subjects (`pros`, `limitations`, reports).
CREATE INDEX claims_by_kind ON claims (kind, subject_id);
-- Removing a source, `claims --source`.
CREATE INDEX claims_by_source ON claims (source_id);
-- Comparisons against a subject (`compare`, removing a subject).
CREATE INDEX claims_by_versus ON claims (versus_id) WHERE versus_id IS NOT NULL;

CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts (rowid, statement, quote)
    VALUES (new.claim_id, new.statement, new.quote);
END;

CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, statement, quote)
    VALUES ('delete', old.claim_id, old.statement, old.quote);
END;

CREATE TRIGGER claims_fts_update AFTER UPDATE OF statement, quote ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, statement, quote)
    VALUES ('delete', old.claim_id, old.statement, old.quote);
    INSERT INTO claims_fts (rowid, statement, quote)
    VALUES (new.claim_id, new.statement, new.quote);
END;

-- Every claim with its names, section and citation resolved: the view to start from
-- in the sqlite3 shell, Datasette or a spreadsheet.
CREATE VIEW claims_cited AS
SELECT c.claim_id,
       s.name     AS subject,
       c.kind,
       t.name     AS topic,
       t.category,
       c.stance,
       c.value,
       v.name     AS versus,
       c.listed,
       c.statement,
       c.quote,
       src.slug   AS source,
       c.line_start,
       c.line_end,
       sec.heading AS section,
       src.title  AS source_title,
       src.url    AS source_url
FROM claims c
JOIN subjects s       ON s.subject_id = c.subject_id
JOIN topics t         ON t.topic_id = c.topic_id
JOIN sources src      ON src.source_id = c.source_id
LEFT JOIN subjects v  ON v.subject_id = c.versus_id
LEFT JOIN sections sec ON sec.section_id = c.section_id;

-- Topic x subject -> stance: one row per topic, subject and feature stance, with how
-- many claims back it and the first of them as the citation. `conflicting` is 1
-- where the same subject and topic have both a `builtin` claim and a `lacks` or
-- `extension` one (it ships vs it does not). Comparisons are not stances of one
-- subject and stay out (see `comparisons`).
CREATE VIEW feature_matrix AS
WITH cells AS (
    SELECT topic_id, subject_id, stance, count(*) AS claims, min(claim_id) AS claim_id
    FROM claims
    WHERE stance IS NOT NULL AND kind <> 'comparison'
    GROUP BY topic_id, subject_id, stance
),
flags AS (
    SELECT topic_id, subject_id,
           max(stance = 'builtin') AND max(stance IN ('lacks', 'extension')) AS conflicting
    FROM cells
    GROUP BY topic_id, subject_id
)
SELECT t.name      AS topic,
       t.category,
       s.name      AS subject,
       cells.stance,
       cells.claims,
       flags.conflicting,
       c.claim_id,
       src.slug    AS source,
       c.line_start,
       c.line_end,
       c.quote
FROM cells
JOIN flags       ON flags.topic_id = cells.topic_id AND flags.subject_id = cells.subject_id
JOIN claims c    ON c.claim_id = cells.claim_id
JOIN topics t    ON t.topic_id = cells.topic_id
JOIN subjects s  ON s.subject_id = cells.subject_id
JOIN sources src ON src.source_id = c.source_id;

-- Verdicts between subjects: `subject` is the side the sentence favours and
-- `versus` the side it is compared with (NULL for "than the others"). A `stance`
-- of `depends` is an "it depends" verdict, which favours neither side.
CREATE VIEW comparisons AS
SELECT c.claim_id,
       s.name     AS subject,
       v.name     AS versus,
       t.name     AS topic,
       t.category,
       c.stance,
       c.value,
       c.statement,
       c.quote,
       src.slug   AS source,
       c.line_start,
       c.line_end,
       sec.heading AS section
FROM claims c
JOIN subjects s       ON s.subject_id = c.subject_id
JOIN topics t         ON t.topic_id = c.topic_id
JOIN sources src      ON src.source_id = c.source_id
LEFT JOIN subjects v  ON v.subject_id = c.versus_id
LEFT JOIN sections sec ON sec.section_id = c.section_id
WHERE c.kind = 'comparison';
