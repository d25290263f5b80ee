//! The heading outline of an article: which lines are headings, how deep each one
//! is, and which lines each one covers, so a claim can say which part of the article
//! it stands in ("Django: Pros and Cons").
//!
//! Markdown is read by its markup (`#` headings, and `===` / `---` underlines);
//! plain text has none, so a heading there is a short line standing alone between
//! blank lines that is neither a list item nor a sentence.

/// One heading of a text and the lines it covers (numbered from 1, split on `\n`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading as written, without Markdown markers.
    pub heading: String,
    /// 1 for a top-level heading, 2 for one under it, and so on.
    pub level: u32,
    /// The heading's own line.
    pub line_start: usize,
    /// The last non-blank line before the next heading of the same or a higher level.
    pub line_end: usize,
}

/// The sections of `text`, in order. Sections nest: a level-2 section lies inside
/// the level-1 section before it.
pub fn outline(text: &str) -> Vec<Section> {
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let mut headings = markdown_headings(&lines);
    if headings.is_empty() {
        headings = plain_headings(&lines);
    }
    let mut sections = Vec::with_capacity(headings.len());
    for (i, (line, level, heading)) in headings.iter().enumerate() {
        let next = headings[i + 1..]
            .iter()
            .find(|(_, l, _)| l <= level)
            .map_or(lines.len() + 1, |(n, _, _)| *n);
        let mut end = next - 1;
        while end > *line && lines[end - 1].trim().is_empty() {
            end -= 1;
        }
        sections.push(Section {
            heading: heading.clone(),
            level: *level,
            line_start: *line,
            line_end: end,
        });
    }
    sections
}

/// The innermost section that line `line` stands in: the last heading at or above it.
pub fn section_at(sections: &[Section], line: usize) -> Option<&Section> {
    let after = sections.partition_point(|s| s.line_start <= line);
    sections[..after].last()
}

/// (line, level, heading) for every Markdown heading outside code fences.
fn markdown_headings(lines: &[&str]) -> Vec<(usize, u32, String)> {
    let mut found = Vec::new();
    let mut fence: Option<&str> = None;
    for (i, raw) in lines.iter().enumerate() {
        let indent = raw.len() - raw.trim_start().len();
        let line = raw.trim();
        if indent < 4 {
            for marker in ["```", "~~~"] {
                if line.starts_with(marker) {
                    fence = match fence {
                        None => Some(marker),
                        Some(open) if open == marker => None,
                        other => other,
                    };
                }
            }
        }
        if fence.is_some() || line.starts_with("```") || line.starts_with("~~~") || indent >= 4 {
            continue;
        }
        let hashes = line.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes)
            && line[hashes..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace)
        {
            let heading = line[hashes..].trim().trim_end_matches('#').trim_end();
            if !heading.is_empty() {
                found.push((i + 1, hashes as u32, heading.to_string()));
            }
            continue;
        }
        // A setext heading: a paragraph line underlined with === or ---.
        let underline = |c: char| line.len() >= 2 && line.chars().all(|x| x == c);
        if (underline('=') || underline('-'))
            && i > 0
            && !lines[i - 1].trim().is_empty()
            && (i < 2 || lines[i - 2].trim().is_empty())
            && !is_list_item(lines[i - 1].trim())
            && found.last().is_none_or(|(n, _, _)| *n != i)
        {
            let level = if line.starts_with('=') { 1 } else { 2 };
            found.push((i, level, lines[i - 1].trim().to_string()));
        }
    }
    found
}

/// (line, level, heading) for the headings of plain text: short lines standing alone
/// between blank lines, not indented, not list items, not sentences. A numbered
/// heading ("1. Design Philosophy") is a level below the others, and so is a heading
/// right under another one (a subtitle); a heading repeated right under itself is
/// counted once.
fn plain_headings(lines: &[&str]) -> Vec<(usize, u32, String)> {
    let blank = |i: usize| lines.get(i).is_none_or(|l| l.trim().is_empty());
    let mut found: Vec<(usize, u32, String)> = Vec::new();
    // Whether the last non-blank line seen was a heading.
    let mut after_heading = false;
    for (i, raw) in lines.iter().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let alone = (i == 0 || blank(i - 1)) && blank(i + 1);
        let is_heading = alone && raw.len() == raw.trim_start().len() && looks_like_heading(line);
        if !is_heading {
            after_heading = false;
            continue;
        }
        if after_heading && found.last().is_some_and(|(_, _, h)| h == line) {
            continue;
        }
        let mut level = if numbered(line).is_some() { 2 } else { 1 };
        if after_heading && let Some((_, above, _)) = found.last() {
            level = level.max(above + 1);
        }
        found.push((i + 1, level, line.to_string()));
        after_heading = true;
    }
    found
}

fn looks_like_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    line.chars().count() <= 100
        && words <= 14
        && !is_list_item(line)
        && !line.ends_with(['.', ':', ';', ',', '…'])
        && line.chars().any(char::is_alphabetic)
}

/// "1. Title" or "2) Title": the rest after the number.
fn numbered(line: &str) -> Option<&str> {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = line[digits..].strip_prefix(['.', ')'])?;
    (digits > 0 && rest.starts_with(' ')).then_some(rest)
}

fn is_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    matches!(
        (chars.next(), chars.next()),
        (
            Some('-' | '*' | '+' | '•' | '◦' | '▪' | '·' | '‣' | '–'),
            Some(' ')
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find<'s>(sections: &'s [Section], heading: &str) -> &'s Section {
        sections
            .iter()
            .find(|s| s.heading == heading)
            .unwrap_or_else(|| panic!("no section {heading:?} in {sections:#?}"))
    }

    #[test]
    fn the_seed_article_has_its_headings_and_only_them() {
        let article = include_str!("../../seed/django-vs-flask.txt");
        let sections = outline(article);
        let pros = find(&sections, "Django: Pros and Cons");
        assert_eq!((pros.level, pros.line_start, pros.line_end), (1, 60, 90));
        let flask = find(&sections, "Flask: Pros and Cons");
        assert_eq!((flask.line_start, flask.line_end), (137, 167));
        let limits = find(&sections, "Limitations of Flask");
        assert_eq!(
            (limits.level, limits.line_start, limits.line_end),
            (1, 125, 135)
        );
        let under = find(
            &sections,
            "Challenges and Limitations in Complex Applications",
        );
        assert_eq!(
            (under.level, under.line_start, under.line_end),
            (2, 127, 135)
        );
        let differences = find(&sections, "Difference Between Django vs. Flask");
        assert_eq!((differences.line_start, differences.line_end), (169, 244));
        let design = find(&sections, "1. Design Philosophy and Structure");
        assert_eq!(
            (design.level, design.line_start, design.line_end),
            (2, 173, 185)
        );
        let faq = find(
            &sections,
            "3. Can Flask handle large-scale applications as effectively as Django?",
        );
        assert_eq!((faq.level, faq.line_start, faq.line_end), (2, 285, 287));
        // "What is Django" stands twice in a row: one section.
        assert_eq!(
            sections
                .iter()
                .filter(|s| s.heading == "What is Django")
                .count(),
            1
        );
        // No list item, labelled paragraph or sentence is a heading.
        for s in &sections {
            assert!(
                !s.heading.contains(": ")
                    || s.heading.starts_with("Django")
                    || s.heading.starts_with("Flask"),
                "{s:?}"
            );
            assert!(!s.heading.ends_with(':'), "{s:?}");
        }
        assert!(sections.iter().all(|s| s.heading != "Share this post:"));
        assert_eq!(sections.len(), 36, "{sections:#?}");
        assert_eq!(
            section_at(&sections, 63).map(|s| s.heading.as_str()),
            Some("Django: Pros and Cons")
        );
        assert_eq!(
            section_at(&sections, 133).map(|s| s.heading.as_str()),
            Some("Challenges and Limitations in Complex Applications")
        );
    }

    #[test]
    fn markdown_headings_nest_by_level_and_code_is_not_a_heading() {
        let text = "# FastAPI vs Flask\n\nIntro line.\n\n## Speed\n\nFastAPI is fast.\n\n```\n# not a heading\n```\n\n### Benchmarks ###\n\nNumbers.\n\n## Ecosystem\nFlask has many extensions.\n\nShort line alone\n\nSetext title\n------------\n\nText.\n";
        let sections = outline(text);
        let got: Vec<(&str, u32, usize, usize)> = sections
            .iter()
            .map(|s| (s.heading.as_str(), s.level, s.line_start, s.line_end))
            .collect();
        assert_eq!(
            got,
            vec![
                ("FastAPI vs Flask", 1, 1, 25),
                ("Speed", 2, 5, 15),
                ("Benchmarks", 3, 13, 15),
                ("Ecosystem", 2, 17, 20),
                ("Setext title", 2, 22, 25),
            ]
        );
        assert_eq!(section_at(&sections, 10).unwrap().heading, "Speed");
        assert_eq!(section_at(&sections, 14).unwrap().heading, "Benchmarks");
    }

    proptest::proptest! {
        /// Whatever the text, the outline is in order, inside the text, and nested.
        #[test]
        fn any_text_has_a_well_formed_outline(
            text in "(( {0,4}|#{1,7} ?|- |1\\. |```)[A-Za-z•:.?=-]{0,10}( [a-z]{0,5}){0,4}\r?\n{1,3}){0,40}"
        ) {
            let sections = outline(&text);
            let lines = text.split('\n').count();
            for (i, s) in sections.iter().enumerate() {
                proptest::prop_assert!(s.line_start <= s.line_end && s.line_end <= lines, "{s:?}");
                proptest::prop_assert!(s.level >= 1 && !s.heading.is_empty());
                if let Some(next) = sections.get(i + 1) {
                    proptest::prop_assert!(next.line_start > s.line_start);
                    if next.level <= s.level {
                        proptest::prop_assert!(next.line_start > s.line_end, "{s:?} {next:?}");
                    }
                }
                proptest::prop_assert_eq!(section_at(&sections, s.line_start), Some(s));
            }
        }
    }

    #[test]
    fn plain_text_without_headings_has_no_sections() {
        assert!(outline("").is_empty());
        assert!(outline("One sentence only.\n").is_empty());
        assert!(outline("- a list item\n\n- another\n").is_empty());
        assert_eq!(section_at(&[], 3), None);
    }
}
