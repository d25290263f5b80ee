//! The controlled-English front end of `ask`: a small, predictable grammar, not a
//! guess. A question either matches one of the documented forms or is refused with
//! the list of forms, so an answer always comes from a known query.

use crate::cli::Polarity;
use crate::model::Kind;

/// The forms `ask` understands, shown in `--help` and when a question is not
/// understood (a macro so clap's attributes can `concat!` it).
macro_rules! ask_forms {
    () => {
        "  which lacks built-in auth             (also: which has X, which has built-in X, which doesn't have X)
  who uses flask                        (also: which companies use django)
  which companies use both              (also: which companies use django and flask)
  limitations of django                 (also: pros / cons / use cases of X, X limitations)
  compare django and flask on performance   (also: django vs flask, compare X and Y)
  who created flask                     (also: when was django released, what is flask based on,
                                         what license does django use, what architecture does django use)
  which is easier to learn              (also: which is more flexible / more scalable / faster / more secure)"
    };
}
pub(crate) use ask_forms;

pub const FORMS: &str = ask_forms!();

/// What a question asks, with names still as typed (resolved by the command).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    Which {
        polarity: Polarity,
        words: Vec<String>,
    },
    Companies {
        subjects: Vec<String>,
        shared: bool,
    },
    List {
        kind: Kind,
        subjects: Vec<String>,
    },
    Compare {
        subjects: Vec<String>,
        on: Option<String>,
    },
    /// A subject's claims on a topic ("who created flask" -> flask, creator).
    Fact {
        subject: String,
        topic: &'static str,
    },
    /// Every subject's claims on a topic ("which is easier to learn").
    Better {
        topic: &'static str,
    },
}

/// Lower case, typographic apostrophes as ASCII, punctuation at word edges dropped.
fn words(question: &str) -> Vec<String> {
    question
        .replace(['\u{2019}', '\u{2018}'], "'")
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c: char| matches!(c, '?' | '!' | '.' | '"' | ':' | ';')))
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

fn strip_prefix<'w>(w: &'w [String], prefix: &[&str]) -> Option<&'w [String]> {
    (w.len() >= prefix.len() && w.iter().zip(prefix).all(|(a, b)| a == b))
        .then(|| &w[prefix.len()..])
}

/// "django and flask" / "django, flask" / "django & flask" -> ["django", "flask"].
fn subject_list(w: &[String]) -> Vec<String> {
    w.iter()
        .filter(|x| {
            !matches!(
                x.as_str(),
                "and" | "&" | "or" | "with" | "vs" | "versus" | "between"
            )
        })
        .map(|x| x.trim_end_matches("'s").to_string())
        .collect()
}

/// Words that open a question without changing it.
const FILLERS: &[&[&str]] = &[
    &["what", "are", "the"],
    &["what", "are"],
    &["what", "is", "the"],
    &["show", "me", "the"],
    &["show", "me"],
    &["show"],
    &["list", "the"],
    &["list"],
    &["tell", "me"],
    &["the"],
];

fn list_kind(word: &str) -> Option<Kind> {
    Some(match word {
        "limitations" | "limitation" | "drawbacks" | "weaknesses" => Kind::Limitation,
        "pros" | "advantages" | "strengths" | "benefits" => Kind::Pro,
        "cons" | "disadvantages" => Kind::Con,
        "use-cases" | "usecases" => Kind::UseCase,
        _ => return None,
    })
}

/// The topic of a comparative ("easier to learn" -> learning-curve).
fn comparative(w: &[String]) -> Option<&'static str> {
    let phrase = w.join(" ");
    let table: &[(&[&str], &str)] = &[
        (
            &[
                "easier to learn",
                "easier for beginners",
                "simpler to learn",
                "better for beginners",
                "more beginner friendly",
                "more beginner-friendly",
            ],
            "learning-curve",
        ),
        (&["more flexible", "flexible"], "flexibility"),
        (
            &[
                "more scalable",
                "scalable",
                "better for scaling",
                "easier to scale",
            ],
            "scalability",
        ),
        (
            &["faster", "more performant", "quicker", "better performing"],
            "performance",
        ),
        (&["more secure", "safer", "secure"], "security"),
        (&["more customizable", "more customisable"], "customization"),
        (&["more extensible", "extensible"], "extensibility"),
    ];
    table
        .iter()
        .find(|(phrases, _)| phrases.contains(&phrase.as_str()))
        .map(|(_, topic)| *topic)
}

/// Reads a question; None when it matches no form.
pub fn parse(question: &str) -> Option<Intent> {
    let all = words(question);
    let mut w: &[String] = &all;
    for filler in FILLERS {
        if let Some(rest) = strip_prefix(w, filler) {
            w = rest;
            break;
        }
    }
    let first = w.first()?.as_str();

    // which [framework|one|...] has|lacks ...
    if first == "which" || first == "what" {
        let mut rest = &w[1..];
        if let Some(next) = rest.first()
            && matches!(
                next.as_str(),
                "framework"
                    | "frameworks"
                    | "one"
                    | "ones"
                    | "subject"
                    | "subjects"
                    | "of"
                    | "tool"
            )
        {
            rest = &rest[1..];
            if let Some(r) = strip_prefix(rest, &["them"]) {
                rest = r;
            }
        }
        let verbs: &[(&[&str], Polarity)] = &[
            (&["doesn't", "have"], Polarity::Lacks),
            (&["does", "not", "have"], Polarity::Lacks),
            (&["don't", "have"], Polarity::Lacks),
            (&["has", "no"], Polarity::Lacks),
            (&["is", "missing"], Polarity::Lacks),
            (&["lacks"], Polarity::Lacks),
            (&["lack"], Polarity::Lacks),
            (&["has"], Polarity::Has),
            (&["have"], Polarity::Has),
            (&["supports"], Polarity::Has),
            (&["support"], Polarity::Has),
            (&["offers"], Polarity::Has),
            (&["includes"], Polarity::Has),
            (&["comes", "with"], Polarity::Has),
            (&["ships", "with"], Polarity::Has),
        ];
        for (verb, polarity) in verbs {
            if let Some(topic) = strip_prefix(rest, verb) {
                let mut topic: Vec<String> = topic.to_vec();
                if topic.first().is_some_and(|t| t == "a" || t == "an") {
                    topic.remove(0);
                }
                if topic.is_empty() {
                    return None;
                }
                return Some(Intent::Which {
                    polarity: *polarity,
                    words: topic,
                });
            }
        }
        // which companies use X / which companies use both
        if let Some(r) = strip_prefix(&w[1..], &["companies", "use"])
            .or_else(|| strip_prefix(&w[1..], &["companies", "uses"]))
            .or_else(|| strip_prefix(&w[1..], &["company", "uses"]))
            .or_else(|| strip_prefix(&w[1..], &["companies", "are", "using"]))
        {
            return companies(r);
        }
        // which is easier to learn
        if let Some(topic) = strip_prefix(rest, &["is"]).and_then(comparative) {
            return Some(Intent::Better { topic });
        }
        if first == "what" {
            return fact_question(w);
        }
        return None;
    }

    // who uses X / who uses both
    if let Some(r) = strip_prefix(w, &["who", "uses"]).or_else(|| strip_prefix(w, &["who", "use"]))
    {
        return companies(r);
    }
    if let Some(r) = strip_prefix(w, &["companies", "using"])
        .or_else(|| strip_prefix(w, &["companies", "that", "use"]))
    {
        return companies(r);
    }

    // who created|made|developed|built|wrote X
    if let Some(r) = strip_prefix(w, &["who"]) {
        return match r {
            [verb, subject]
                if matches!(
                    verb.as_str(),
                    "created" | "made" | "developed" | "built" | "wrote" | "invented" | "started"
                ) =>
            {
                Some(Intent::Fact {
                    subject: subject.clone(),
                    topic: "creator",
                })
            }
            _ => None,
        };
    }
    // when was X created|released
    if let Some(r) = strip_prefix(w, &["when", "was"]) {
        return match r {
            [subject, verb, ..]
                if matches!(
                    verb.as_str(),
                    "created" | "released" | "made" | "developed" | "started" | "launched"
                ) =>
            {
                Some(Intent::Fact {
                    subject: subject.clone(),
                    topic: "release",
                })
            }
            _ => None,
        };
    }

    // compare X and Y [on Z] / X vs Y [on Z]
    let (body, on) = match w.iter().rposition(|x| x == "on" || x == "in") {
        Some(i) if i + 1 < w.len() => {
            let mut on = &w[i + 1..];
            if let Some(r) = strip_prefix(on, &["terms", "of"]) {
                on = r;
            }
            (&w[..i], Some(on.join(" ")))
        }
        _ => (w, None),
    };
    if let Some(r) = strip_prefix(body, &["compare"]) {
        let subjects = subject_list(r);
        return (subjects.len() >= 2).then_some(Intent::Compare { subjects, on });
    }
    if body.len() >= 3
        && body
            .iter()
            .any(|x| x == "vs" || x == "versus" || x == "vs.")
    {
        let subjects = subject_list(
            &body
                .iter()
                .filter(|x| *x != "vs.")
                .cloned()
                .collect::<Vec<_>>(),
        );
        return (subjects.len() >= 2).then_some(Intent::Compare { subjects, on });
    }

    // limitations of X / use cases of X / X limitations / X's pros
    let (kind, rest) = if let (Some(k), true) = (list_kind(first), w.len() >= 2) {
        (k, &w[1..])
    } else if strip_prefix(w, &["use", "cases"]).is_some() {
        (Kind::UseCase, &w[2..])
    } else if let Some(k) = w.last().and_then(|l| list_kind(l)) {
        (k, &w[..w.len() - 1])
    } else if w.len() >= 3 && w[w.len() - 2..] == ["use", "cases"] {
        (Kind::UseCase, &w[..w.len() - 2])
    } else {
        return fact_question(w);
    };
    let rest = strip_prefix(rest, &["of"])
        .or_else(|| strip_prefix(rest, &["for"]))
        .unwrap_or(rest);
    let subjects = subject_list(rest);
    (!subjects.is_empty()).then_some(Intent::List { kind, subjects })
}

/// "X" / "both" / "django and flask" after "who uses".
fn companies(rest: &[String]) -> Option<Intent> {
    let rest: Vec<String> = rest.iter().filter(|x| *x != "the").cloned().collect();
    match rest.as_slice() {
        [] => Some(Intent::Companies {
            subjects: Vec::new(),
            shared: false,
        }),
        [both] if both == "both" || both == "all" => Some(Intent::Companies {
            subjects: Vec::new(),
            shared: true,
        }),
        [both, r @ ..] if both == "both" || both == "all" => Some(Intent::Companies {
            subjects: subject_list(r),
            shared: true,
        }),
        r => {
            let subjects = subject_list(r);
            let shared = subjects.len() > 1;
            Some(Intent::Companies { subjects, shared })
        }
    }
}

/// "what is flask based on", "what license does django use", "what architecture
/// does django follow", "django's license".
fn fact_question(w: &[String]) -> Option<Intent> {
    let is = |i: usize, word: &str| w.get(i).is_some_and(|x| x == word);
    let fact = |subject: &str, topic| {
        Some(Intent::Fact {
            subject: subject.trim_end_matches("'s").to_string(),
            topic,
        })
    };
    let topic_of = |thing: &str| match thing {
        "license" | "licence" => Some("license"),
        "architecture" | "pattern" => Some("architecture"),
        _ => None,
    };
    if w.len() == 5
        && is(0, "what")
        && is(1, "is")
        && (is(3, "based") || is(3, "built"))
        && is(4, "on")
    {
        return fact(&w[2], "based-on");
    }
    if w.len() == 5 && is(0, "what") && is(2, "does") {
        return topic_of(&w[1]).and_then(|topic| fact(&w[3], topic));
    }
    let tail = strip_prefix(w, &["what", "is"]).unwrap_or(w);
    if let [subject, thing] = tail {
        return topic_of(thing).and_then(|topic| fact(subject, topic));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn which(p: Polarity, words: &[&str]) -> Option<Intent> {
        Some(Intent::Which {
            polarity: p,
            words: words.iter().map(|s| s.to_string()).collect(),
        })
    }

    #[test]
    fn the_documented_forms_parse() {
        assert_eq!(
            parse("which lacks built-in auth"),
            which(Polarity::Lacks, &["built-in", "auth"])
        );
        assert_eq!(
            parse("Which framework doesn't have an ORM?"),
            which(Polarity::Lacks, &["orm"])
        );
        assert_eq!(
            parse("which has admin interface"),
            which(Polarity::Has, &["admin", "interface"])
        );
        assert_eq!(
            parse("who uses flask"),
            Some(Intent::Companies {
                subjects: vec!["flask".into()],
                shared: false
            })
        );
        assert_eq!(
            parse("which companies use both"),
            Some(Intent::Companies {
                subjects: vec![],
                shared: true
            })
        );
        assert_eq!(
            parse("which companies use django and flask"),
            Some(Intent::Companies {
                subjects: vec!["django".into(), "flask".into()],
                shared: true
            })
        );
        assert_eq!(
            parse("limitations of django"),
            Some(Intent::List {
                kind: Kind::Limitation,
                subjects: vec!["django".into()]
            })
        );
        assert_eq!(
            parse("What are the cons of Flask?"),
            Some(Intent::List {
                kind: Kind::Con,
                subjects: vec!["flask".into()]
            })
        );
        assert_eq!(
            parse("use cases of flask"),
            Some(Intent::List {
                kind: Kind::UseCase,
                subjects: vec!["flask".into()]
            })
        );
        assert_eq!(
            parse("django limitations"),
            Some(Intent::List {
                kind: Kind::Limitation,
                subjects: vec!["django".into()]
            })
        );
        assert_eq!(
            parse("compare django and flask on performance"),
            Some(Intent::Compare {
                subjects: vec!["django".into(), "flask".into()],
                on: Some("performance".into())
            })
        );
        assert_eq!(
            parse("django vs flask"),
            Some(Intent::Compare {
                subjects: vec!["django".into(), "flask".into()],
                on: None
            })
        );
        assert_eq!(
            parse("who created flask"),
            Some(Intent::Fact {
                subject: "flask".into(),
                topic: "creator"
            })
        );
        assert_eq!(
            parse("when was django released?"),
            Some(Intent::Fact {
                subject: "django".into(),
                topic: "release"
            })
        );
        assert_eq!(
            parse("what is flask based on"),
            Some(Intent::Fact {
                subject: "flask".into(),
                topic: "based-on"
            })
        );
        assert_eq!(
            parse("what license does django use"),
            Some(Intent::Fact {
                subject: "django".into(),
                topic: "license"
            })
        );
        assert_eq!(
            parse("which is easier to learn"),
            Some(Intent::Better {
                topic: "learning-curve"
            })
        );
        assert_eq!(
            parse("which is more scalable?"),
            Some(Intent::Better {
                topic: "scalability"
            })
        );
    }

    #[test]
    fn other_questions_are_refused() {
        for q in [
            "",
            "?",
            "hello",
            "which",
            "which has",
            "compare django",
            "who is the best",
            "why",
        ] {
            assert_eq!(parse(q), None, "{q:?}");
        }
    }
}
