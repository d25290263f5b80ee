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
        "SHA-256 of the text, checked by `claimdb verify`",
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
        "Row id, shown by every listing and taken by `claimdb show`",
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
        "feature, company, limitation, pro, con, use-case or fact",
    ),
    ("claims", "topic_id", "The topic the claim is on"),
    (
        "claims",
        "stance",
        "builtin, extension, limited or lacks; required for features, optional otherwise",
    ),
    (
        "claims",
        "value",
        "The company's name (company claims) or the fact's value (fact claims)",
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
        "builtin, extension, limited, lacks, or empty",
    ),
    (
        "claims_cited",
        "value",
        "Company name or fact value, if any",
    ),
    ("claims_cited", "statement", "The claim as one line"),
    ("claims_cited", "quote", "The article's exact words"),
    ("claims_cited", "source", "The article's slug"),
    ("claims_cited", "line_start", "First line of the quote"),
    ("claims_cited", "line_end", "Last line of the quote"),
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
    }
}
