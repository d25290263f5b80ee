//! One line for every table, view and column users can query, shown by
//! `claimdb schema`. A test compares this list with the real schema, so a
//! migration that adds a column without documenting it fails the build.

/// (table or view, column, description); an empty column describes the table itself.
pub const DOCS: &[(&str, &str, &str)] = &[
    (
        "meta",
        "",
        "Facts about this database file, such as the seed fingerprint it was loaded from",
    ),
    ("meta", "key", "Name of the fact"),
    ("meta", "value", "Its value"),
    (
        "sources",
        "",
        "One row per article; the full text is kept so citations can be re-verified",
    ),
    ("sources", "source_id", "Row id"),
    (
        "sources",
        "slug",
        "Short unique name used in citations (django-vs-flask)",
    ),
    ("sources", "title", "The article's title"),
    (
        "sources",
        "url",
        "Where the article was published, if known",
    ),
    (
        "sources",
        "sha256",
        "SHA-256 of the text, checked by claimdb verify",
    ),
    (
        "sources",
        "body",
        "The article's full text; line numbers count its \\n-separated lines from 1",
    ),
    (
        "sources",
        "is_seed",
        "1 for the article shipped with claimdb, 0 for imported ones",
    ),
    (
        "sources",
        "subject_class",
        "The class of thing the article compares (database, framework, library), from its title or text; NULL when none stands out",
    ),
    (
        "sources",
        "added_at",
        "When the article was added (UTC, ISO 8601); for the shipped article, when the seed it came with was built",
    ),
    (
        "subjects",
        "",
        "What claims are about: frameworks and tools",
    ),
    ("subjects", "subject_id", "Row id"),
    ("subjects", "name", "Canonical name (django, flask)"),
    ("subjects", "description", "One line about the subject"),
    (
        "subject_aliases",
        "",
        "Every name a subject answers to, its own name included",
    ),
    (
        "subject_aliases",
        "key",
        "The name folded for matching: lower case, hyphens as spaces, ASCII quotes",
    ),
    ("subject_aliases", "alias", "The name as written"),
    ("subject_aliases", "subject_id", "The subject it names"),
    (
        "categories",
        "",
        "Groups of topics: the article's five comparison dimensions and more",
    ),
    (
        "categories",
        "category",
        "Canonical name (components, performance, ...)",
    ),
    ("categories", "description", "What the category covers"),
    ("category_aliases", "", "Every name a category answers to"),
    ("category_aliases", "key", "The name folded for matching"),
    ("category_aliases", "alias", "The name as written"),
    ("category_aliases", "category", "The category it names"),
    (
        "topics",
        "",
        "What a claim is about (authentication, orm, scalability, ...)",
    ),
    ("topics", "topic_id", "Row id"),
    ("topics", "name", "Canonical name"),
    ("topics", "category", "The category the topic belongs to"),
    ("topics", "description", "What the topic covers"),
    (
        "topic_aliases",
        "",
        "Every name a topic answers to (auth, user authentication, ...)",
    ),
    ("topic_aliases", "key", "The name folded for matching"),
    ("topic_aliases", "alias", "The name as written"),
    ("topic_aliases", "topic_id", "The topic it names"),
    (
        "claims",
        "",
        "One cited claim: its quote stands in its source at line_start..line_end",
    ),
    (
        "claims",
        "claim_id",
        "Row id, shown by every listing and taken by claimdb show",
    ),
    (
        "claims",
        "source_id",
        "The article the claim is written from",
    ),
    ("claims", "subject_id", "What the claim is about"),
    (
        "claims",
        "kind",
        "feature, company, limitation, pro, con, use-case, fact or comparison",
    ),
    ("claims", "topic_id", "The topic the claim is on"),
    (
        "claims",
        "stance",
        "builtin, extension, limited or lacks (required for features); depends for an it-depends comparison",
    ),
    (
        "claims",
        "value",
        "The company's name, the fact's value, or a comparison's comparative (easier to learn)",
    ),
    (
        "claims",
        "versus_id",
        "Comparisons: the subject compared with (NULL for than the others); subject_id is the side favoured",
    ),
    (
        "claims",
        "listed",
        "1 when the claim is one item of one of the article's own lists, else 0",
    ),
    ("claims", "statement", "The claim as one normalised line"),
    (
        "claims",
        "quote",
        "The article's exact words backing the claim",
    ),
    (
        "claims",
        "line_start",
        "First line of the article the quote stands on (from 1)",
    ),
    (
        "claims",
        "line_end",
        "Last line of the article the quote stands on",
    ),
    (
        "claims",
        "section_id",
        "The section line_start stands in (the innermost heading above it); NULL before the first heading",
    ),
    (
        "sections",
        "",
        "Each source's heading outline, derived from its text (plain text or Markdown)",
    ),
    ("sections", "section_id", "Row id"),
    ("sections", "source_id", "The article the heading is in"),
    ("sections", "heading", "The heading as written"),
    (
        "sections",
        "level",
        "1 for a top-level heading, 2 for one under it, ...",
    ),
    ("sections", "line_start", "The heading's line"),
    (
        "sections",
        "line_end",
        "Last line of the section, before the next heading of the same or a higher level",
    ),
    (
        "claims_fts",
        "",
        "Full-text index (FTS5) over claim statements and quotes, kept in step by triggers",
    ),
    (
        "claims_fts",
        "statement",
        "Indexed copy of claims.statement",
    ),
    ("claims_fts", "quote", "Indexed copy of claims.quote"),
    (
        "claims_cited",
        "",
        "View: every claim with its names and citation resolved; start here",
    ),
    ("claims_cited", "claim_id", "The claim's id"),
    ("claims_cited", "subject", "Subject name"),
    ("claims_cited", "kind", "Claim kind"),
    ("claims_cited", "topic", "Topic name"),
    ("claims_cited", "category", "The topic's category"),
    (
        "claims_cited",
        "stance",
        "builtin, extension, limited, lacks, depends, or empty",
    ),
    (
        "claims_cited",
        "value",
        "Company name, fact value or comparative, if any",
    ),
    (
        "claims_cited",
        "versus",
        "Comparisons: the subject compared with, if any",
    ),
    (
        "claims_cited",
        "listed",
        "1 when the claim is one item of the article's own lists",
    ),
    ("claims_cited", "statement", "The claim as one line"),
    ("claims_cited", "quote", "The article's exact words"),
    ("claims_cited", "source", "The article's slug"),
    ("claims_cited", "line_start", "First line of the quote"),
    ("claims_cited", "line_end", "Last line of the quote"),
    (
        "claims_cited",
        "section",
        "The heading of the section the quote stands in, if any",
    ),
    ("claims_cited", "source_title", "The article's title"),
    ("claims_cited", "source_url", "The article's URL, if known"),
    (
        "feature_matrix",
        "",
        "View: topic x subject -> stance, one row per stance, with its first citation",
    ),
    ("feature_matrix", "topic", "Topic name"),
    ("feature_matrix", "category", "The topic's category"),
    ("feature_matrix", "subject", "Subject name"),
    (
        "feature_matrix",
        "stance",
        "builtin, extension, limited or lacks",
    ),
    (
        "feature_matrix",
        "claims",
        "How many claims give this subject this stance on this topic",
    ),
    (
        "feature_matrix",
        "conflicting",
        "1 when the subject has both a builtin and a lacks or extension claim on the topic",
    ),
    (
        "feature_matrix",
        "claim_id",
        "The first of those claims: the citation",
    ),
    ("feature_matrix", "source", "Its article's slug"),
    ("feature_matrix", "line_start", "First line of its quote"),
    ("feature_matrix", "line_end", "Last line of its quote"),
    ("feature_matrix", "quote", "Its quote"),
    (
        "comparisons",
        "",
        "View: verdicts between subjects, one row per comparison claim",
    ),
    ("comparisons", "claim_id", "The claim's id"),
    (
        "comparisons",
        "subject",
        "The side the sentence favours (for depends, the side named first)",
    ),
    (
        "comparisons",
        "versus",
        "The side it is compared with; empty for than the others",
    ),
    ("comparisons", "topic", "What they are compared on"),
    ("comparisons", "category", "The topic's category"),
    (
        "comparisons",
        "stance",
        "depends for an it-depends verdict that favours neither side, else empty",
    ),
    (
        "comparisons",
        "value",
        "The comparative as the article puts it (easier to learn)",
    ),
    ("comparisons", "statement", "The claim as one line"),
    ("comparisons", "quote", "The article's exact words"),
    ("comparisons", "source", "The article's slug"),
    ("comparisons", "line_start", "First line of the quote"),
    ("comparisons", "line_end", "Last line of the quote"),
    ("comparisons", "section", "The section the quote stands in"),
];

#[cfg(test)]
mod tests {
    use super::DOCS;

    #[test]
    fn every_documented_column_exists() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        crate::db::migrations::apply(&tx, 0).unwrap();
        for (table, column, _) in DOCS {
            let exists: bool = if column.is_empty() {
                tx.query_row(
                    "SELECT count(*) FROM sqlite_schema WHERE name = ?1",
                    [table],
                    |r| r.get(0),
                )
            } else {
                tx.query_row(
                    "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2",
                    [table, column],
                    |r| r.get(0),
                )
            }
            .unwrap();
            assert!(exists, "{table}.{column} is documented but does not exist");
        }
        // And the other way round: a migration that adds a column must document it.
        let columns: Vec<(String, String)> = tx
            .prepare(
                "SELECT m.name, p.name FROM sqlite_schema m, pragma_table_info(m.name) p
                 WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite_%'
                   AND m.name NOT LIKE 'claims_fts_%'",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for (table, column) in columns {
            assert!(
                DOCS.iter().any(|(t, c, _)| *t == table && *c == column),
                "{table}.{column} exists but `claimdb schema` does not describe it"
            );
        }
    }
}
