//! The class of thing an article compares ("database", "framework", "library"):
//! the class word its title names, else the one its text names most often, from
//! the list in src/text/english/subject_classes.txt. Stored with the article, it
//! lets a question's "which database ..." keep to the subjects of that class.

use crate::text::english::{SUBJECT_CLASSES, inflect};

/// Times the text's body must name a class before the class is taken from it.
const MIN_MENTIONS: usize = 2;

/// The lines of prose an article opens with ("PostgreSQL and MySQL are the two
/// most popular relational databases"): a class they name is the article's.
const LEAD_LINES: usize = 3;

/// The class of the subjects an article compares, if one stands out. A class of
/// several words counts where it stands, not also as its last word ("web
/// framework" is one mention of "web framework", none of "framework"); the stored
/// class is the last word, the noun a question uses ("which framework").
pub fn class_of(title: &str, body: &str) -> Option<String> {
    let best = |text: &str| -> Option<(&'static str, usize)> {
        let words = words(text);
        let mut taken = vec![false; words.len()];
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        for class in SUBJECT_CLASSES.all() {
            let n = mentions(&words, &mut taken, class);
            if n > 0 {
                counts.push((class, n));
            }
        }
        let mut best: Option<(&'static str, usize)> = None;
        for (class, n) in counts {
            // The list's order breaks ties: the more specific class first.
            if best.is_none_or(|(_, m)| n > m) {
                best = Some((class, n));
            }
        }
        best
    };
    let class = match best(title).or_else(|| lead(body).into_iter().find_map(best)) {
        Some((class, _)) => class,
        None => best(body).filter(|(_, n)| *n >= MIN_MENTIONS)?.0,
    };
    Some(noun(class))
}

/// The word of a class a question names it by: "web framework" is a "framework";
/// "package manager" stays whole.
pub fn noun(class: &str) -> String {
    match class.rsplit_once(' ') {
        Some((_, last)) if SUBJECT_CLASSES.contains(last) => last.to_string(),
        _ => class.to_string(),
    }
}

/// The classes a question's words name, each where it stands: (first word index,
/// word count, class as stored).
pub fn named(words: &[String]) -> Vec<(usize, usize, String)> {
    let mut found = Vec::new();
    let mut taken = vec![false; words.len()];
    for class in SUBJECT_CLASSES.all() {
        // Cheaply ruled out first: no word starts like the class's last word (its
        // plural included, "library" as "librari..."), so it cannot stand there.
        let last = class.rsplit(' ').next().unwrap_or(class);
        let stem = &last[..last.len() - 1];
        if !words.iter().any(|w| w.starts_with(stem)) {
            continue;
        }
        let n = class.split(' ').count();
        for at in take(words, &mut taken, class) {
            found.push((at, n, noun(class)));
        }
    }
    found.sort();
    found
}

/// The first lines of prose: sentences, not headings, markup or front matter.
fn lead(body: &str) -> Vec<&str> {
    body.lines()
        .map(str::trim)
        .filter(|l| {
            !l.starts_with(['#', '<', '!', '[', '-', '|', '`', '>'])
                && l.split_whitespace().count() >= 6
                && l.split_once(':').is_none_or(|(k, _)| k.contains(' '))
        })
        .take(LEAD_LINES)
        .collect()
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn mentions(words: &[String], taken: &mut [bool], class: &str) -> usize {
    take(words, taken, class).len()
}

/// Where `class` (one or more words) stands in `words`, left to right, at words
/// not `taken` yet; marks them taken.
fn take(words: &[String], taken: &mut [bool], class: &str) -> Vec<usize> {
    let parts: Vec<&str> = class.split(' ').collect();
    let mut at_words = Vec::new();
    for at in 0..words.len() {
        if at + parts.len() <= words.len()
            && !taken[at..at + parts.len()].iter().any(|t| *t)
            && matches(&words[at..at + parts.len()], &parts)
        {
            taken[at..at + parts.len()]
                .iter_mut()
                .for_each(|t| *t = true);
            at_words.push(at);
        }
    }
    at_words
}

/// The words spell the class, its last word singular or plural.
fn matches(words: &[String], parts: &[&str]) -> bool {
    let last = parts.len() - 1;
    words.iter().zip(parts).enumerate().all(|(i, (w, p))| {
        w == p || (i == last && (*w == inflect::plural(p) || inflect::singular(w) == *p))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_names_the_class_before_the_text() {
        assert_eq!(
            class_of(
                "PostgreSQL vs MySQL",
                "two relational databases. A database."
            ),
            Some("database".into())
        );
        assert_eq!(
            class_of("Kafka vs RabbitMQ: message brokers", "a library, a library"),
            Some("message broker".into())
        );
    }

    #[test]
    fn a_class_of_several_words_is_stored_by_its_noun() {
        assert_eq!(
            class_of(
                "Django vs. Flask",
                "Python web frameworks. A web framework."
            ),
            Some("framework".into())
        );
    }

    #[test]
    fn the_opening_sentence_names_the_class_before_the_rest() {
        let body = "# A vs B\n\nA and B are the two most popular relational databases.\n\
                    A is a library and B is a library, a library.";
        assert_eq!(class_of("A vs B", body), Some("database".into()));
    }

    #[test]
    fn tool_classes_are_classes_and_a_question_names_them() {
        assert_eq!(
            class_of("Quokka vs Wombat: two Python linters", "x"),
            Some("linter".into())
        );
        assert_eq!(
            class_of("Numbat, a JavaScript bundler", "x"),
            Some("bundler".into())
        );
        let words: Vec<String> = "which http clients support http/2 and which formatter is fastest"
            .split(' ')
            .map(String::from)
            .collect();
        let named: Vec<String> = named(&words).into_iter().map(|(_, _, c)| c).collect();
        assert_eq!(named, ["http client", "formatter"]);
    }

    #[test]
    fn one_passing_mention_is_no_class() {
        assert_eq!(class_of("Caddy", "uses a library once"), None);
    }

    #[test]
    fn a_question_names_a_class_in_the_plural_too() {
        let words: Vec<String> = "which databases support views"
            .split(' ')
            .map(String::from)
            .collect();
        assert_eq!(named(&words), [(1, 1, "database".to_string())]);
    }
}
