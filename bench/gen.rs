//! Deterministic generator of synthetic articles and claims files in claimdb's
//! import format, for the benchmark (bench/run.sh).
//!
//!     cargo run --release --example bench-gen -- CLAIMS OUT_DIR
//!
//! writes OUT_DIR/src-NN.txt (articles) and OUT_DIR/src-NN.csv (claims), ten sources
//! sharing CLAIMS claims. The text is meant to be awkward for CSV and search: commas,
//! double quotes, quotes that span a line break, and sentences starting with `=`.
//! Two answers are planted: subject `lockbox` has built-in authentication and
//! subject `bareframe` lacks it. The same arguments always give the same bytes.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

mod splitmix;
use splitmix::Rng;

const SOURCES: usize = 10;
const TOPICS: &[&str] = &[
    "authentication",
    "orm",
    "admin-interface",
    "caching",
    "session-management",
    "template-engine",
    "url-routing",
    "debugger",
    "form-validation",
    "form-handling",
    "security",
    "async",
    "performance",
    "scalability",
    "flexibility",
    "learning-curve",
    "community",
    "rest-framework",
];
const NEW_TOPICS: usize = 40;
const CATEGORIES: &[&str] = &[
    "components",
    "performance",
    "design",
    "flexibility",
    "community",
];
const KINDS: &[&str] = &[
    "feature",
    "feature",
    "feature",
    "pro",
    "con",
    "limitation",
    "use-case",
    "company",
    "fact",
];
const STANCES: &[&str] = &["builtin", "extension", "limited", "lacks"];
const COMPANIES: &[&str] = &[
    "Acme Corp",
    "Globex",
    "Initech",
    "Umbrella, Inc.",
    "Hooli",
    "Stark \"Labs\"",
    "Wayne Enterprises",
];
const NOUNS: &[&str] = &[
    "router",
    "template layer",
    "ORM",
    "admin panel",
    "session store",
    "cache",
    "test client",
    "CLI",
    "migration tool",
    "serializer",
];
const VERBS: &[&str] = &[
    "ships",
    "bundles",
    "offers",
    "supports",
    "documents",
    "integrates",
    "lacks",
    "omits",
];
const CLAUSES: &[&str] = &[
    "which teams praise in reviews",
    "although some users disagree",
    "as the maintainers put it, \"good enough for most sites\"",
    "according to a 2023 survey",
    "so projects can start quickly",
];

fn subject_names(claims: usize) -> Vec<String> {
    let count = (claims / 2_000).clamp(8, 500);
    let mut names: Vec<String> = (1..=count).map(|i| format!("fw{i:04}")).collect();
    names.push("lockbox".into());
    names.push("bareframe".into());
    names
}

/// One sentence of article text; about one in eight starts with `=` or quotes.
fn sentence(rng: &mut Rng, subject: &str, n: usize) -> String {
    let noun = rng.pick(NOUNS);
    let verb = rng.pick(VERBS);
    let clause = rng.pick(CLAUSES);
    match rng.below(8) {
        0 => format!("=SUM({n}) is what {subject} prints when its {noun} fails, {clause}."),
        1 => format!("\"{subject} {verb} a {noun},\" says review {n}, {clause}."),
        // Company claims quote a sentence that names the company (SPEC 6).
        2 => {
            let company = rng.pick(COMPANIES);
            format!("{company} runs {subject} for its {noun} (note {n}), {clause}.")
        }
        _ => format!("{subject} {verb} a {noun} (note {n}), {clause}."),
    }
}

/// A sentence with where it stands.
struct Sentence {
    text: String,
    line_start: usize,
    line_end: usize,
}

/// Writes one article and returns its sentences.
fn article(
    rng: &mut Rng,
    subjects: &[String],
    sentences_wanted: usize,
    planted: bool,
) -> (String, Vec<Sentence>) {
    let mut text = String::from("A synthetic comparison of web frameworks\n\n");
    let mut line = 3;
    let mut sentences = Vec::with_capacity(sentences_wanted + 2);
    if planted {
        for s in [
            "lockbox ships with built-in authentication, sessions and an admin panel.",
            "bareframe does not come with built-in authentication; add it through extensions.",
        ] {
            text.push_str(s);
            text.push('\n');
            sentences.push(Sentence {
                text: s.to_string(),
                line_start: line,
                line_end: line,
            });
            line += 1;
        }
    }
    let mut on_line = 0;
    for n in 0..sentences_wanted {
        let subject = &subjects[rng.below(subjects.len())];
        let s = sentence(rng, subject, n);
        // About one sentence in forty breaks across two lines.
        if rng.below(40) == 0 {
            let cut = s.find(", ").map_or(s.len() / 2, |i| i + 1);
            let (head, tail) = s.split_at(cut);
            let (head, tail) = (head.trim_end(), tail.trim_start());
            if on_line > 0 {
                text.push(' ');
            }
            text.push_str(head);
            text.push('\n');
            text.push_str(tail);
            sentences.push(Sentence {
                text: format!("{head}\n{tail}"),
                line_start: line,
                line_end: line + 1,
            });
            line += 1;
            on_line = 1;
            continue;
        }
        if on_line > 0 {
            text.push(' ');
        }
        text.push_str(&s);
        sentences.push(Sentence {
            text: s,
            line_start: line,
            line_end: line,
        });
        on_line += 1;
        if on_line == 4 {
            text.push_str("\n\n");
            line += 2;
            on_line = 0;
        }
    }
    text.push('\n');
    (text, sentences)
}

fn csv_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(claims), Some(out)) = (
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: bench-gen CLAIMS OUT_DIR");
        std::process::exit(2);
    };
    let out = Path::new(out);
    fs::create_dir_all(out).expect("create the output folder");
    let mut rng = Rng(0x00c1_a1d8);
    let subjects = subject_names(claims);
    let new_topics: Vec<String> = (1..=NEW_TOPICS)
        .map(|i| format!("synthetic-topic-{i:03}"))
        .collect();
    let per_source = claims / SOURCES;
    for source in 0..SOURCES {
        let planted = source == 0;
        let count = if source == SOURCES - 1 {
            claims - per_source * (SOURCES - 1)
        } else {
            per_source
        };
        let (text, sentences) = article(&mut rng, &subjects, (count / 3).max(20), planted);
        let mut csv = String::with_capacity(count * 220);
        csv.push_str(
            "subject,kind,topic,stance,value,statement,quote,line_start,line_end,category\n",
        );
        for n in 0..count {
            let (subject, kind, topic, stance, value, s) = if planted && n < 2 {
                let subject = if n == 0 { "lockbox" } else { "bareframe" };
                let stance = if n == 0 { "builtin" } else { "lacks" };
                (
                    subject.to_string(),
                    "feature",
                    "authentication".to_string(),
                    stance,
                    String::new(),
                    &sentences[n],
                )
            } else {
                let kind = rng.pick(KINDS);
                let mut subject = subjects[rng.below(subjects.len())].clone();
                let mut topic = if rng.below(3) == 0 {
                    new_topics[rng.below(new_topics.len())].clone()
                } else {
                    TOPICS[rng.below(TOPICS.len())].to_string()
                };
                // Keep the planted answers the only claims of their subjects on auth.
                if topic == "authentication" && (subject == "lockbox" || subject == "bareframe") {
                    subject = subjects[0].clone();
                }
                // Each subject has one position per topic; one claim in 33 contradicts it,
                // as articles sometimes do.
                let stance = if kind != "feature" {
                    ""
                } else if rng.below(33) == 0 {
                    rng.pick(STANCES)
                } else {
                    let h = subject
                        .bytes()
                        .chain(topic.bytes())
                        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
                        });
                    STANCES[(h % STANCES.len() as u64) as usize]
                };
                let value = match kind {
                    "company" => rng.pick(COMPANIES).to_string(),
                    "fact" => format!("{}", 2000 + rng.below(25)),
                    _ => String::new(),
                };
                if kind == "company" {
                    topic = "adoption".to_string();
                }
                let mut s = &sentences[rng.below(sentences.len())];
                let mut value = value;
                if kind == "company" {
                    // A sentence naming a company, and that company.
                    for _ in 0..200 {
                        if let Some(c) = COMPANIES.iter().find(|c| s.text.contains(*c)) {
                            value = c.to_string();
                            break;
                        }
                        s = &sentences[rng.below(sentences.len())];
                    }
                }
                (subject, kind, topic, stance, value, s)
            };
            let category = if topic.starts_with("synthetic-topic-") {
                CATEGORIES[topic.len() % CATEGORIES.len()]
            } else {
                ""
            };
            let statement = format!(
                "Synthetic claim {n} of source {source}: {subject} and {topic}, \"as reported\""
            );
            // One row in twenty leaves the lines out: claimdb must find the quote.
            let (ls, le) = if rng.below(20) == 0 {
                (String::new(), String::new())
            } else {
                (s.line_start.to_string(), s.line_end.to_string())
            };
            for (i, field) in [
                subject.as_str(),
                kind,
                &topic,
                stance,
                &value,
                &statement,
                &s.text,
                &ls,
                &le,
                category,
            ]
            .iter()
            .enumerate()
            {
                if i > 0 {
                    csv.push(',');
                }
                csv_field(&mut csv, field);
            }
            csv.push('\n');
        }
        fs::write(out.join(format!("src-{source:02}.txt")), text).expect("write article");
        fs::write(out.join(format!("src-{source:02}.csv")), csv).expect("write claims");
    }
    let mut summary = String::new();
    writeln!(
        summary,
        "{claims} claims, {SOURCES} sources, {} subjects, {} topics",
        subjects.len(),
        TOPICS.len() + NEW_TOPICS + 1
    )
    .unwrap();
    eprint!("bench-gen: {summary}");
}
