//! A question heading read as the statement it asks about: "Does Zapper support
//! webhooks?" answered "No, ..." says "Zapper does not support webhooks"; "Why
//! doesn't Zapper support webhooks?" says so by itself, answered or not.

use crate::text::english::{
    ANSWER_NO, ANSWER_PARTLY, ANSWER_YES, IMPERSONAL_IT, PREDICATE_LACKING, QUESTION_ASKERS,
    QUESTION_PRESUPPOSING, QUESTION_PRONOUNS, Words, YES_NO_OPENERS,
};

/// What an answer's first words say of the question above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
    /// "Partially, ...": yes, within limits.
    Partly,
}

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
        self.stated(if yes { Answer::Yes } else { Answer::No })
    }

    /// The statement as `answer` gives it: "Partially" keeps the question's
    /// wording and says "partially" before its verb.
    pub fn stated(&self, answer: Answer) -> String {
        let yes = answer != Answer::No;
        if self.negated == yes {
            return format!("{} {} not {}.", self.subject, self.aux, self.tail);
        }
        let partly = if answer == Answer::Partly {
            " partially"
        } else {
            ""
        };
        // "Does A support X?" yes: "A support X" (the verb as the question has
        // it; the clause reader reads it bare), not an emphatic "A does support".
        if matches!(self.aux.as_str(), "do" | "does" | "did") {
            return format!("{}{partly} {}.", self.subject, self.tail);
        }
        format!("{} {}{partly} {}.", self.subject, self.aux, self.tail)
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
/// "It" stands for `pronoun` (the section's subject) where there is one; "Can I
/// use A to X?" asks whether A can X. None when it is no yes/no question about a
/// named subject.
pub fn question(
    heading: &str,
    named: impl Fn(&str) -> bool,
    pronoun: Option<&str>,
) -> Option<Question> {
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
    // "Can I use A to X?": whether A can X.
    let used = folded
        .get(rest)
        .is_some_and(|w| QUESTION_ASKERS.contains(w))
        && folded.get(rest + 1).is_some_and(|w| w == "use");
    if used {
        rest += 2;
    }
    let subject_len = (1..=4.min(original.len().saturating_sub(rest + 1)))
        .rev()
        .find(|&n| named(&original[rest..rest + n].join(" ")));
    let (subject, subject_len) = match (subject_len, pronoun) {
        (Some(n), _) => (original[rest..rest + n].join(" "), n),
        // Not a dummy "it" ("Is it safe to ...?", "Is it true that ...?").
        (None, Some(name))
            if QUESTION_PRONOUNS.contains(&folded[rest])
                && rest + 1 < original.len()
                && !folded[rest + 1..]
                    .iter()
                    .take(3)
                    .any(|w| w == "to" || w == "that")
                && lead(&folded[rest + 1..], &IMPERSONAL_IT) == 0 =>
        {
            (name.to_string(), 1)
        }
        _ => return None,
    };
    let mut after = rest + subject_len;
    if used {
        if folded.get(after).is_none_or(|w| w != "to") {
            return None;
        }
        after += 1;
    }
    // "Does A lack X?" asks whether A supports X, negated: answered "No", A
    // has it (the bare verb as "Does A support X?" gives it).
    let mut tail = original[after..].join(" ");
    if matches!(aux.as_str(), "do" | "does" | "did")
        && folded
            .get(after)
            .is_some_and(|w| PREDICATE_LACKING.contains(w))
        && after + 1 < original.len()
    {
        negated = !negated;
        tail = format!("support {}", original[after + 1..].join(" "));
    }
    Some(Question {
        subject,
        aux,
        negated,
        tail,
        presupposed: why > 0,
    })
}

/// Whether an answer's first words say yes, no, in part or neither, and how
/// many bytes of `answer` they take.
pub fn answer(answer: &str) -> Option<(Answer, usize)> {
    let folded = words(answer);
    let leads = [
        (Answer::Yes, lead(&folded, &ANSWER_YES)),
        (Answer::No, lead(&folded, &ANSWER_NO)),
        (Answer::Partly, lead(&folded, &ANSWER_PARTLY)),
    ];
    // The longest lead says it ("Not yet" over "No", "Not fully" over both).
    let (yes, n) = leads
        .into_iter()
        .filter(|&(_, n)| n > 0)
        .max_by_key(|&(_, n)| n)?;
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
        let q = question("Does Zapper Cloud support webhooks?", named, None).unwrap();
        assert_eq!(q.statement(true), "Zapper Cloud support webhooks.");
        assert_eq!(
            q.statement(false),
            "Zapper Cloud does not support webhooks."
        );
        assert!(!q.presupposed);
        let q = question(
            "Why doesn't Zapper support [Quux remote reads](http://x)? {#why}",
            named,
            None,
        );
        let q = q.unwrap();
        assert_eq!(
            q.statement(true),
            "Zapper does not support [Quux remote reads](http://x)."
        );
        assert!(q.presupposed);
        assert_eq!(question("How do I install Zapper?", named, None), None);
        assert_eq!(question("Can I use Zapper with Quux?", named, None), None);
        let q = question("Can I use Zapper to mirror buckets?", named, None).unwrap();
        assert_eq!(q.statement(true), "Zapper can mirror buckets.");
        let q = question("Is it a drop-in replacement?", named, Some("Zapper")).unwrap();
        assert_eq!(q.statement(false), "Zapper is not a drop-in replacement.");
        assert_eq!(question("Is it a drop-in replacement?", named, None), None);
        assert_eq!(
            question("Is it safe to enable webhooks?", named, Some("Zapper")),
            None
        );
        let q = question("Does Zapper lack webhooks?", named, None).unwrap();
        assert_eq!(q.statement(false), "Zapper support webhooks.");
        assert_eq!(q.statement(true), "Zapper does not support webhooks.");
        let q = question("Does Zapper support webhooks?", named, None).unwrap();
        assert_eq!(
            q.stated(Answer::Partly),
            "Zapper partially support webhooks."
        );
    }

    #[test]
    fn answers_say_yes_or_no() {
        assert_eq!(answer("Yes. See the docs."), Some((Answer::Yes, 5)));
        assert_eq!(answer("No, it does not."), Some((Answer::No, 4)));
        assert_eq!(answer("Not yet."), Some((Answer::No, 8)));
        assert_eq!(answer("Partially, reads only."), Some((Answer::Partly, 11)));
        assert_eq!(answer("No other tool does."), None);
    }
}
