//! Names in the characters catalogue names may use, for the subjects and topics
//! `draft` proposes.

/// A name in the characters catalogue names may use: accented Latin letters lose
/// their accents ("Bäckerei" -> "backerei"), anything else not a-z, 0-9 or `keep`
/// becomes a hyphen, and hyphens do not repeat or lead.
pub fn ascii_name(text: &str, keep: &[char]) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.to_lowercase().chars() {
        let plain = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
            'æ' => "ae",
            'ç' => "c",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
            'œ' => "oe",
            'ù' | 'ú' | 'û' | 'ü' => "u",
            'ý' | 'ÿ' => "y",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() || keep.contains(&c) => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        if plain == "-" && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push_str(plain);
    }
    out.trim_end_matches('-').to_string()
}

/// "Rapid Development" -> "rapid-development": a proposed topic's name, at most
/// four words of `label`.
pub fn new_topic_name(label: &str) -> Option<String> {
    let name = ascii_name(label, &[]);
    let words: Vec<String> = name
        .split('-')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .take(4)
        .collect();
    (!words.is_empty()).then(|| words.join("-"))
}
