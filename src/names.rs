//! Matching the names people type against subjects, topics and categories.
//!
//! Every alias is stored under its folded key, so one lookup answers "auth",
//! "Authentication", "user-authentication" and "user authentication" alike.

/// Folds a name for matching: lower case, hyphens and underscores as spaces, runs of
/// white space as one space, typographic quotes and apostrophes as ASCII ones (the
/// one table in `text::fold`, which `draft` folds sentences with too).
pub fn fold(name: &str) -> String {
    crate::text::fold::fold(name)
}

/// The other grammatical number of a folded name: its last word made singular or
/// plural ("frameworks" -> "framework", "company" -> "companies"), so either form
/// finds an alias written in the other. Empty when no other form applies.
pub fn other_numbers(key: &str) -> Vec<String> {
    let (head, last) = match key.rsplit_once(' ') {
        Some((head, last)) => (format!("{head} "), last),
        None => (String::new(), key),
    };
    if !last.chars().all(char::is_alphabetic) || last.chars().count() < 3 {
        return Vec::new();
    }
    let mut forms = crate::text::english::inflect::singulars(last);
    if forms.is_empty() {
        forms.push(crate::text::english::inflect::plural(last));
    }
    forms.into_iter().map(|f| format!("{head}{f}")).collect()
}

/// The known names closest to `wanted`, best first, for "did you mean" hints.
pub fn closest<'a>(wanted: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let wanted = fold(wanted);
    let mut scored: Vec<(f64, &str)> = known
        .into_iter()
        .map(|name| (strsim::jaro_winkler(&wanted, &fold(name)), name))
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, name)| name).collect()
}

/// A known name `name` is close to (a typo, or the name with something added:
/// "Express.js" for "express"), as its folded key; None when it is not close.
pub fn near_known<'k>(name: &str, known: impl IntoIterator<Item = &'k String>) -> Option<&'k str> {
    let key = fold(name);
    let compact = |k: &str| {
        k.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let key_compact = compact(&key);
    // "express.js", "flask framework": a known name and a suffix that adds nothing.
    let extends = |longer: &str, shorter: &str| {
        let generic = [
            "framework",
            "library",
            "database",
            "db",
            "language",
            "lang",
            "server",
            "platform",
            "support",
            "js",
            "io",
            "org",
            "com",
        ];
        shorter.chars().count() >= 3
            && longer.len() > shorter.len()
            && longer.starts_with(shorter)
            && !longer[shorter.len()..].starts_with(char::is_alphanumeric)
            && {
                let rest: String = longer[shorter.len()..]
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect();
                generic.contains(&rest.as_str())
            }
    };
    let digits = |k: &str| k.chars().filter(char::is_ascii_digit).collect::<String>();
    let key_digits = digits(&key);
    let mut best: Option<(f64, &str)> = None;
    for k in known {
        // "topic 7" and "topic 5" are two names, not a typo.
        if digits(k) != key_digits {
            continue;
        }
        let score = if compact(k) == key_compact || extends(&key, k) || extends(k, &key) {
            2.0
        } else if key.chars().count() >= 4
            && k.chars().count() >= 4
            && key.chars().count().abs_diff(k.chars().count()) <= 2
        {
            // A typo: about as long, nearly the same letters.
            strsim::jaro_winkler(&key, k)
        } else {
            0.0
        };
        if score >= 0.9 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, k));
        }
    }
    best.map(|(_, k)| k)
}

/// "a", "a and b", "a, b and c", or past `shown` names "a, b and 12 more".
pub fn some_of<S: AsRef<str>>(names: &[S], shown: usize) -> String {
    let names: Vec<&str> = names.iter().map(AsRef::as_ref).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        _ if names.len() > shown => format!(
            "{} and {} more",
            names[..shown].join(", "),
            names.len() - shown
        ),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// "did you mean 'a'?" / "did you mean 'a' or 'b'?", or None when nothing is close.
pub fn did_you_mean(suggestions: &[&str]) -> Option<String> {
    let quoted: Vec<String> = suggestions.iter().map(|s| format!("'{s}'")).collect();
    match quoted.as_slice() {
        [] => None,
        [one] => Some(format!("did you mean {one}?")),
        [rest @ .., last] => Some(format!("did you mean {} or {last}?", rest.join(", "))),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn singular_and_plural_find_each_other() {
        let forms = |k: &str| other_numbers(k);
        assert_eq!(forms("companies"), ["company"]);
        assert_eq!(forms("company"), ["companies"]);
        assert_eq!(forms("security protections"), ["security protection"]);
        assert_eq!(forms("security protection"), ["security protections"]);
        assert_eq!(forms("form validations"), ["form validation"]);
        assert_eq!(forms("caches"), ["cache", "cach"]);
        assert_eq!(forms("boxes"), ["boxe", "box"]);
        assert_eq!(forms("use case"), ["use cases"]);
        assert_eq!(forms("microservices"), ["microservice", "microservic"]);
        assert_eq!(forms("class"), ["classes"]);
        assert_eq!(forms("status"), ["statu"].map(|_| "statuses"));
        assert!(forms("id").is_empty());
        assert!(forms("c++").is_empty());
    }
    use super::*;

    #[test]
    fn folding_ignores_case_hyphens_spacing_and_typographic_quotes() {
        assert_eq!(fold("User-Authentication"), "user authentication");
        assert_eq!(fold("  user   authentication "), "user authentication");
        assert_eq!(fold("Django\u{2019}s admin"), "django's admin");
        assert_eq!(
            fold("\u{201C}batteries-included\u{201D}"),
            "\"batteries included\""
        );
        assert_eq!(fold("built_in"), "built in");
    }

    #[test]
    fn suggestions_find_near_misses_only() {
        let known = ["authentication", "admin-interface", "orm"];
        assert_eq!(closest("athentication", known), vec!["authentication"]);
        assert!(closest("zzzz", known).is_empty());
        assert_eq!(
            did_you_mean(&["flask"]).as_deref(),
            Some("did you mean 'flask'?")
        );
        assert_eq!(
            did_you_mean(&["a", "b", "c"]).as_deref(),
            Some("did you mean 'a', 'b' or 'c'?")
        );
        assert_eq!(did_you_mean(&[]), None);
    }

    #[test]
    fn typos_and_suffixed_names_are_near_known_ones_longer_names_are_not() {
        let known: Vec<String> = ["documentation", "api", "express", "authentication", "mysql"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(near_known("Express.js", &known), Some("express"));
        assert_eq!(near_known("athentication", &known), Some("authentication"));
        assert_eq!(near_known("API documentation", &known), None);
        assert_eq!(near_known("PostgreSQL", &known), None);
        assert_eq!(near_known("mssql", &known), None);
        let numbered = vec!["synthetic topic 005".to_string()];
        assert_eq!(near_known("synthetic-topic-007", &numbered), None);
    }
}
