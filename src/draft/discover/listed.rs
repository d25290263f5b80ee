//! A title that only lists names ("Alpha, Beta, and ZQ"): each is a subject.

use super::{Page, capital, clean};

impl Page {
    /// The names of a title that is only a list of them ("Alpha, Beta, and ZQ"),
    /// each a run of at most three capitalised words, not all of them words the
    /// page writes in lower case ("Pros and Cons" is no list of names): those the
    /// prose uses.
    pub(super) fn listed_names(&self, title: &str) -> Vec<String> {
        let parts: Vec<&str> = title
            .split(", ")
            .flat_map(|p| p.split(" and "))
            .flat_map(|p| p.split(" & "))
            .map(|p| p.trim().trim_start_matches("and ").trim())
            .filter(|p| !p.is_empty())
            .collect();
        let name = |part: &&str| {
            let words: Vec<&str> = part.split_whitespace().collect();
            (1..=3).contains(&words.len())
                && words.iter().all(|w| capital(w) && clean(w) == *w)
                && !words.iter().all(|w| self.common(w))
        };
        if parts.len() < 2 || !parts.iter().all(name) {
            return Vec::new();
        }
        parts
            .into_iter()
            .filter(|p| self.mentions(p) >= 2)
            .map(str::to_string)
            .collect()
    }
}
