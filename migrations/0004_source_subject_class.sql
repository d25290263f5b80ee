-- claimdb schema, version 4: the class of thing each article compares ("database",
-- "framework", "library"), so that a question's "which database ..." keeps to the
-- subjects of that class instead of reading "database" as a topic.
--
-- The class is derived from the article (its title first, then its text) by the
-- binary when the article is imported, and for the articles already here right
-- after this file runs (src/db/migrations.rs); NULL when no class word stands out.

ALTER TABLE sources ADD COLUMN subject_class TEXT
    CHECK (subject_class IS NULL OR (subject_class <> '' AND subject_class NOT GLOB '*[^a-z ]*'));

-- The class sits after the article's text in each row, so reading it from the table
-- walks the text's overflow pages (27 MB for ten 2.7 MB articles, on every `ask`):
-- this index holds what `ask` reads of each source, so it never touches the text.
CREATE INDEX sources_listed ON sources (source_id, slug, title, subject_class);
