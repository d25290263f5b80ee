-- claimdb schema, version 1.
--
-- Migrations are append-only: never edit or reorder a file that has shipped; add the
-- next numbered file instead. Each file runs in one transaction and bumps
-- PRAGMA user_version to its number (src/db/migrations.rs).

-- Small key/value facts about this database (for example the hash of the seed it
-- was last loaded from).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- One row per article. The full text is kept so every citation can be shown and
-- re-verified at any time (`claimdb verify`).
CREATE TABLE sources (
    source_id INTEGER PRIMARY KEY,
    slug      TEXT NOT NULL UNIQUE
              CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9-]*'),
    title     TEXT NOT NULL CHECK (title <> ''),
    url       TEXT,
    sha256    TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    body      TEXT NOT NULL,
    is_seed   INTEGER NOT NULL DEFAULT 0 CHECK (is_seed IN (0, 1)),
    added_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

-- What claims are about (django, flask, ...).
CREATE TABLE subjects (
    subject_id  INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (name <> '' AND name NOT GLOB '*[^a-z0-9.+#-]*'),
    description TEXT
) STRICT;

-- Every name a subject answers to, including its own name. `key` is the name
-- folded for matching (lower case, hyphens as spaces, ASCII quotes).
CREATE TABLE subject_aliases (
    key        TEXT PRIMARY KEY,
    alias      TEXT NOT NULL,
    subject_id INTEGER NOT NULL REFERENCES subjects (subject_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- The groups topics belong to: the article's five comparison dimensions and more.
CREATE TABLE categories (
    category    TEXT PRIMARY KEY CHECK (category <> '' AND category NOT GLOB '*[^a-z0-9-]*'),
    description TEXT
) STRICT, WITHOUT ROWID;

CREATE TABLE category_aliases (
    key      TEXT PRIMARY KEY,
    alias    TEXT NOT NULL,
    category TEXT NOT NULL REFERENCES categories (category) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- What a claim is about (authentication, orm, scalability, ...).
CREATE TABLE topics (
    topic_id    INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (name <> '' AND name NOT GLOB '*[^a-z0-9-]*'),
    category    TEXT NOT NULL REFERENCES categories (category),
    description TEXT
) STRICT;

CREATE INDEX topics_by_category ON topics (category);

CREATE TABLE topic_aliases (
    key      TEXT PRIMARY KEY,
    alias    TEXT NOT NULL,
    topic_id INTEGER NOT NULL REFERENCES topics (topic_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- One cited claim: the quote stands in its source at lines line_start..line_end.
CREATE TABLE claims (
    claim_id   INTEGER PRIMARY KEY,
    source_id  INTEGER NOT NULL REFERENCES sources (source_id) ON DELETE CASCADE,
    subject_id INTEGER NOT NULL REFERENCES subjects (subject_id),
    kind       TEXT NOT NULL
               CHECK (kind IN ('feature', 'company', 'limitation', 'pro', 'con', 'use-case', 'fact')),
    topic_id   INTEGER NOT NULL REFERENCES topics (topic_id),
    stance     TEXT CHECK (stance IN ('builtin', 'extension', 'lacks', 'limited')),
    value      TEXT CHECK (value <> ''),
    statement  TEXT NOT NULL CHECK (statement <> '' AND instr(statement, char(10)) = 0),
    quote      TEXT NOT NULL CHECK (quote <> ''),
    line_start INTEGER NOT NULL CHECK (line_start >= 1),
    line_end   INTEGER NOT NULL CHECK (line_end >= line_start),
    CHECK (kind <> 'feature' OR stance IS NOT NULL),
    CHECK (kind NOT IN ('company', 'fact') OR value IS NOT NULL)
) STRICT;

-- `which` and `compare`: every claim with a stance on a topic, by subject.
CREATE INDEX claims_by_topic ON claims (topic_id, subject_id, stance);
-- Lists by subject and kind (`companies --subject django`, `claims --subject`).
CREATE INDEX claims_by_subject ON claims (subject_id, kind);
-- Lists by kind across subjects (`pros`, `limitations`, reports).
CREATE INDEX claims_by_kind ON claims (kind, subject_id);
-- Removing a source, `claims --source`.
CREATE INDEX claims_by_source ON claims (source_id);

-- Full-text index over statements and quotes, kept in step with `claims` by the
-- triggers below. unicode61 splits on ASCII and typographic apostrophes alike, so
-- "Django's" finds "Django’s".
CREATE VIRTUAL TABLE claims_fts USING fts5 (
    statement,
    quote,
    content = 'claims',
    content_rowid = 'claim_id',
    tokenize = 'unicode61 remove_diacritics 2'
);

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

-- Every claim with its names and citation resolved: the view to start from in the
-- sqlite3 shell, Datasette or a spreadsheet.
CREATE VIEW claims_cited AS
SELECT c.claim_id,
       s.name     AS subject,
       c.kind,
       t.name     AS topic,
       t.category,
       c.stance,
       c.value,
       c.statement,
       c.quote,
       src.slug   AS source,
       c.line_start,
       c.line_end,
       src.title  AS source_title,
       src.url    AS source_url
FROM claims c
JOIN subjects s  ON s.subject_id = c.subject_id
JOIN topics t    ON t.topic_id = c.topic_id
JOIN sources src ON src.source_id = c.source_id;

-- Topic x subject -> stance: one row per topic, subject and stance, with how many
-- claims back it and the first of them as the citation. `conflicting` is 1 where the
-- same subject and topic have both a `builtin` claim and a `lacks` or `extension`
-- one (it ships vs it does not).
CREATE VIEW feature_matrix AS
WITH cells AS (
    SELECT topic_id, subject_id, stance, count(*) AS claims, min(claim_id) AS claim_id
    FROM claims
    WHERE stance IS NOT NULL
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
