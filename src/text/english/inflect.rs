//! English word forms, near enough for matching names: the singular of a plural and
//! the bases of a comparative ("easier" -> "easy"), with the opposites of common
//! adjectives so a comparison asked either way ("slower") finds the same topic.

/// The English comparative's base: "faster" -> ["fast", "faste"], "easier" -> "easy",
/// "bigger" -> "big", "safer" -> "safe". Only words ending in -er give any.
pub fn comparative_bases(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    if word.len() < 5 {
        return out;
    }
    if let Some(stem) = word.strip_suffix("ier") {
        out.push(format!("{stem}y"));
    }
    if let Some(stem) = word.strip_suffix("er") {
        out.push(stem.to_string());
        out.push(format!("{stem}e"));
        let b = stem.as_bytes();
        if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
            out.push(stem[..stem.len() - 1].to_string());
        }
    }
    out
}

/// The opposite of a common English adjective, for comparatives asked either way.
pub fn opposite(word: &str) -> Option<&'static str> {
    const PAIRS: &[(&str, &str)] = &[
        ("slow", "fast"),
        ("hard", "easy"),
        ("difficult", "easy"),
        ("heavy", "light"),
        ("weak", "strong"),
        ("small", "large"),
        ("big", "small"),
        ("complex", "simple"),
    ];
    PAIRS
        .iter()
        .find_map(|(a, b)| (*a == word).then_some(*b).or((*b == word).then_some(*a)))
}

/// Singular of an English plural, near enough for matching: both the question and
/// the catalogue go through it, so "sessions" meets "session" and "companies" meets
/// "company" whatever the alias says.
pub fn singular(word: &str) -> String {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("s'"))
        .unwrap_or(word);
    if word.len() <= 3 || !word.is_char_boundary(word.len() - 1) {
        return word.to_string();
    }
    if let Some(stem) = word.strip_suffix("ies")
        && stem.len() >= 2
    {
        return format!("{stem}y");
    }
    if let Some(stem) = word.strip_suffix("sses") {
        return format!("{stem}ss");
    }
    if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return word.to_string();
    }
    word.strip_suffix('s').unwrap_or(word).to_string()
}

/// A word's stem as a prefix query ("replicat*", "hard*" for "harder"); short words
/// stay whole.
pub fn stem(word: &str) -> String {
    let n = word.chars().count();
    if n < 6 || !word.is_ascii() {
        return word.to_string();
    }
    if let Some(base) = word.strip_suffix("er") {
        return format!("{base}*");
    }
    format!("{}*", &word[..(n - 3).max(5)])
}
