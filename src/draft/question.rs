//! A question heading read as the statement it asks about: "Does Zapper support
//! webhooks?" answered "No, ..." says "Zapper does not support webhooks"; "Why
//! doesn't Zapper support webhooks?" says so by itself, answered or not.

use crate::text::english::{ANSWER_NO, ANSWER_YES, QUESTION_PRESUPPOSING, Words, YES_NO_OPENERS};

/// A yes/no question heading, taken apart.
#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    subject: String,
    /// The auxiliary, positive ("does" for "doesn't").
    aux: String,
    negated: bool,
    tail: String,
    /// It is a statement already ("Why doesn't A ...?").
    pub presupposed: bool,
}

impl Question {
    /// The statement the question asks about, as the question words it
    /// (`yes`) or negated ("not" added or taken away: the answer said no).
    pub fn statement(&self, yes: bool) -> String {
        if self.negated == yes {
            return format!("{} {} not {}.", self.subject, self.aux, self.tail);
        }
        // "Does A support X?" yes: "A support X" (the verb as the question has
        // it; the clause reader reads it bare), not an emphatic "A does support".
        if matches!(self.aux.as_str(), "do" | "does" | "did") {
            return format!("{} {}.", self.subject, self.tail);
        }
        format!("{} {} {}.", self.subject, self.aux, self.tail)
    }
}

/// How many words of `words`, from the first, the longest phrase of `list` takes.
fn lead(words: &[String], list: &Words) -> usize {
    list.all()
        .iter()
        .filter_map(|phrase| {
            let parts: Vec<&str> = phrase.split(' ').collect();
            (parts.len() <= words.len() && parts.iter().zip(words).all(|(p, w)| p == w))
                .then_some(parts.len())
        })
        .max()
        .unwrap_or(0)
}

/// Lower-case words of `text`, their edge punctuation trimmed.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .replace('’', "'")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// `heading` as the statement it asks about: an auxiliary ("does", "can't") then
/// a subject `named` accepts (its longest run of up to four words) then the rest.
/// None when it is no yes/no question about a named subject.
pub fn question(heading: &str, named: impl Fn(&str) -> bool) -> Option<Question> {
    let heading = heading.trim();
    // A heading's trailing "{#anchor}" is no part of it.
    let heading = match heading.rfind(" {#") {
        Some(at) if heading.ends_with('}') => heading[..at].trim_end(),
        _ => heading,
    };
    let body = heading.strip_suffix('?')?;
    let original: Vec<&str> = body.split_whitespace().collect();
    let folded = words(body);
    if folded.len() != original.len() {
        return None;
    }
    let why = lead(&folded, &QUESTION_PRESUPPOSING);
    let aux = &folded.get(why)?;
    if !YES_NO_OPENERS.contains(aux) {
        return None;
    }
    let (aux, mut negated) = match aux.strip_suffix("n't") {
        Some("can") | Some("ca") => ("can".to_string(), true),
        Some("wo") => ("will".to_string(), true),
        Some(stem) => (stem.to_string(), true),
        None => (aux.to_string(), false),
    };
    let mut rest = why + 1;
    if folded.get(rest).is_some_and(|w| w == "not") {
        negated = true;
        rest += 1;
    }
    let subject_len = (1..=4.min(original.len().saturating_sub(rest + 1)))
        .rev()
        .find(|&n| named(&original[rest..rest + n].join(" ")))?;
    let subject = original[rest..rest + subject_len].join(" ");
    let tail = original[rest + subject_len..].join(" ");
    Some(Question {
        subject,
        aux,
        negated,
        tail,
        presupposed: why > 0,
    })
}

/// Whether an answer's first words say yes (Some(true)), no (Some(false)) or
/// neither, and how many bytes of `answer` they take.
pub fn answer(answer: &str) -> Option<(bool, usize)> {
    let folded = words(answer);
    let (yes, n) = match (lead(&folded, &ANSWER_YES), lead(&folded, &ANSWER_NO)) {
        (0, 0) => return None,
        (y, n) if y >= n => (true, y),
        (_, n) => (false, n),
    };
    // The answer word(s) must end there: "No." or "Yes, ..." ("No other tool" is
    // no answer).
    let taken: usize = answer
        .split_inclusive(char::is_whitespace)
        .take(n)
        .map(str::len)
        .sum();
    let said = answer[..taken].trim_end();
    said.ends_with(['.', ',', '!', ';', ':'])
        .then_some((yes, taken))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> bool {
        matches!(name, "Zapper" | "Zapper Cloud")
    }

    #[test]
    fn reads_yes_no_questions_as_statements() {
        let q = question("Does Zapper Cloud support webhooks?", named).unwrap();
        assert_eq!(q.statement(true), "Zapper Cloud support webhooks.");
        assert_eq!(
            q.statement(false),
            "Zapper Cloud does not support webhooks."
        );
        assert!(!q.presupposed);
        let q = question(
            "Why doesn't Zapper support [Quux remote reads](http://x)? {#why}",
            named,
        );
        let q = q.unwrap();
        assert_eq!(
            q.statement(true),
            "Zapper does not support [Quux remote reads](http://x)."
        );
        assert!(q.presupposed);
        assert_eq!(question("How do I install Zapper?", named), None);
        assert_eq!(question("Can I use Zapper with Quux?", named), None);
    }

    #[test]
    fn answers_say_yes_or_no() {
        assert_eq!(answer("Yes. See the docs."), Some((true, 5)));
        assert_eq!(answer("No, it does not."), Some((false, 4)));
        assert_eq!(answer("Not yet."), Some((false, 8)));
        assert_eq!(answer("No other tool does."), None);
    }
}
