//! English word forms, near enough for matching names, written once for every
//! reader: the singulars of a plural and the plural of a singular ([`singulars`],
//! the one set of number rules behind `ask`'s keys and the catalogue's lookups),
//! the bases of a comparative ("easier" -> "easy") with the opposites of common
//! adjectives, so a comparison asked either way ("slower") finds the same topic,
//! and the prefix a full-text search tries when a word itself is not found.

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
        // "bigger" -> "big": a doubled last letter (letters, not bytes: the
        // last two bytes of one character may be equal).
        let mut last = stem.chars().rev();
        if let (Some(a), Some(b)) = (last.next(), last.next())
            && a == b
        {
            out.push(stem[..stem.len() - a.len_utf8()].to_string());
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

/// The singulars an English word may be the plural of, the likeliest first; empty
/// when it does not read as a plural ("class", "status", "analysis", "fast"). The
/// one set of plural rules: `singular` (ask's keys) takes the first, and
/// `names::other_numbers` (the catalogue's lookups) tries them all.
///
/// The first is the word less its "s" ("caches" -> "cache", "boxes" -> "boxe"),
/// so that a name and its plural meet whichever is typed; a word in "-es" may also
/// be a plural in "-es" ("box"), which comes second.
pub fn singulars(word: &str) -> Vec<String> {
    if let Some(stem) = word.strip_suffix("ies")
        && stem.len() >= 2
    {
        return vec![format!("{stem}y")];
    }
    if let Some(stem) = word.strip_suffix("sses") {
        return vec![format!("{stem}ss")];
    }
    if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return Vec::new();
    }
    let Some(stem) = word.strip_suffix('s') else {
        return Vec::new();
    };
    match stem.strip_suffix('e') {
        Some(shorter) => vec![stem.to_string(), shorter.to_string()],
        None => vec![stem.to_string()],
    }
}

/// The plural of an English singular: "company" -> "companies", "box" -> "boxes",
/// "cache" -> "caches".
pub fn plural(word: &str) -> String {
    if let Some(stem) = word.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'o', 'u'])
    {
        format!("{stem}ies")
    } else if word.ends_with(['s', 'x', 'z']) || word.ends_with("ch") || word.ends_with("sh") {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

/// Singular of an English plural, near enough for matching: both the question and
/// the catalogue go through it, so "sessions" meets "session" and "companies" meets
/// "company" whatever the alias says. A possessive is dropped ("quokka's"), and a
/// word of three letters or fewer is kept as typed ("has", "its", "was").
pub fn singular(word: &str) -> String {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("s'"))
        .unwrap_or(word);
    if word.len() <= 3 {
        return word.to_string();
    }
    singulars(word)
        .into_iter()
        .next()
        .unwrap_or_else(|| word.to_string())
}

/// A word's stem as a full-text prefix query ("replicat*" for "replication",
/// "hard*" for "harder"), for words no claim uses as typed; short words stay whole.
/// Not a number rule: the forms it reaches ("replicated", "replicas") are not
/// plurals, so it cuts the word rather than reading its ending.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plural_gives_its_singulars_the_likeliest_first() {
        assert_eq!(singulars("companies"), ["company"]);
        assert_eq!(singulars("caches"), ["cache", "cach"]);
        assert_eq!(singulars("boxes"), ["boxe", "box"]);
        assert_eq!(singulars("classes"), ["class"]);
        assert_eq!(singulars("sessions"), ["session"]);
        for singular_word in ["class", "status", "analysis", "fast", "company"] {
            assert!(singulars(singular_word).is_empty(), "{singular_word}");
        }
        assert_eq!(plural("company"), "companies");
        assert_eq!(plural("day"), "days");
        assert_eq!(plural("box"), "boxes");
        assert_eq!(plural("cache"), "caches");
    }

    #[test]
    fn a_key_is_the_first_singular_of_a_word_of_four_letters_or_more() {
        assert_eq!(singular("caches"), singular("cache"));
        assert_eq!(singular("companies"), "company");
        assert_eq!(singular("quokka's"), "quokka");
        assert_eq!(singular("users'"), "user");
        for short in ["has", "its", "was", "ids"] {
            assert_eq!(singular(short), short);
        }
        assert_eq!(singular("façades"), "façade");
        assert_eq!(singular("café"), "café");
    }
}
