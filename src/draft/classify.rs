//! Reading one sentence in its context and turning what it says into rows: which
//! subject it is about, what kind of claim it makes, on which topic, with which
//! stance, value or comparison.

use crate::draft::cues::*;
use crate::draft::matcher::{Matcher, Mention, Target, all_of, find_phrase, first_of};
use crate::draft::{Catalogue, Context, Row, SectionKind, Sentence};
use crate::names::fold;
use crate::text::fold::fold_mapped;

/// A topic for a row: known, or proposed with a category.
#[derive(Debug, Clone, PartialEq)]
enum Topic {
    Known(usize),
    New(String, String),
}

pub(crate) struct Reader<'c> {
    cat: &'c Catalogue,
    matcher: &'c Matcher,
    /// The subjects the last sentences were about, for "it" and "its".
    pub focus: Vec<usize>,
    /// Subjects in the order the article first names them.
    seen: Vec<usize>,
    rows: Vec<Row>,
    /// Pro (1) or con (-1) of the item being read, and of the one before.
    item_polarity: i32,
    last_polarity: i32,
    /// Byte offset of the start of each line of the article.
    line_starts: Vec<usize>,
    /// Each category with its names folded.
    category_keys: Vec<(String, Vec<String>)>,
    /// `topic_by_cues` answers, by cue list: the catalogue does not change.
    cue_topics: std::cell::RefCell<std::collections::HashMap<String, Option<usize>>>,
}

/// A sentence folded, with what it names.
struct Read<'s> {
    s: &'s Sentence<'s>,
    folded: String,
    map: Vec<usize>,
    /// Where the body starts in `folded` (after "Label: ").
    body: usize,
    mentions: Vec<Mention>,
    /// Where clause boundaries stand in `folded`: (start, end) of each mark.
    marks: Vec<(usize, usize)>,
}

impl Read<'_> {
    /// The clause of `folded` around byte `at`, as (start, end).
    fn clause(&self, at: usize) -> (usize, usize) {
        let mut start = 0;
        let mut end = self.folded.len();
        for &(s, e) in &self.marks {
            if e <= at {
                start = start.max(e);
            } else if s >= at {
                end = end.min(s);
            }
        }
        (start, end)
    }

    fn subjects(&self) -> impl Iterator<Item = (usize, &Mention)> {
        self.mentions.iter().filter_map(|m| match m.target {
            Target::Subject(i) => Some((i, m)),
            Target::Topic(_) => None,
        })
    }
    fn topics(&self) -> impl Iterator<Item = (usize, &Mention)> {
        self.mentions.iter().filter_map(|m| match m.target {
            Target::Topic(i) => Some((i, m)),
            Target::Subject(_) => None,
        })
    }
    /// The original text of folded bytes `from..to`.
    fn original(&self, from: usize, to: usize) -> &str {
        if from >= to {
            return "";
        }
        &self.s.text[self.map[from]..self.map[to]]
    }
    /// Whether folded byte `at` starts the second half of a hyphenated word
    /// ("cloud-native" is no "native" cue).
    fn hyphenated(&self, at: usize) -> bool {
        self.map
            .get(at)
            .is_some_and(|&o| self.s.text[..o].ends_with('-'))
    }
    fn body_text(&self) -> &str {
        self.s.text[self.s.label_len..].trim()
    }
    fn label(&self) -> Option<&str> {
        (self.s.label_len > 0).then(|| self.s.text[..self.s.label_len - 1].trim())
    }
}

fn folded_index(map: &[usize], original: usize) -> usize {
    map.partition_point(|&o| o < original)
}

/// Clause boundaries in a folded sentence: (start, end) of each mark.
fn clause_marks(folded: &str) -> Vec<(usize, usize)> {
    static MARKS: [&str; 7] = [
        ";", "but", "while", "whereas", "however", "although", "though",
    ];
    all_of(folded, &MARKS)
        .into_iter()
        .map(|(_, s, e)| (s, e))
        .collect()
}

impl<'c> Reader<'c> {
    pub fn new(cat: &'c Catalogue, matcher: &'c Matcher, source: &'c str) -> Reader<'c> {
        let mut line_starts = vec![0];
        line_starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        let category_keys = cat
            .categories
            .iter()
            .map(|c| {
                let keys = c.aliases.iter().chain([&c.name]).map(|a| fold(a)).collect();
                (c.name.clone(), keys)
            })
            .collect();
        Reader {
            category_keys,
            line_starts,
            cat,
            matcher,
            focus: Vec::new(),
            seen: Vec::new(),
            rows: Vec::new(),
            item_polarity: 0,
            last_polarity: 0,
            cue_topics: Default::default(),
        }
    }

    /// The 1-based line of byte `offset` of the article.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    pub fn finish(self) -> Vec<Row> {
        self.rows
    }

    fn subjects_named(&self, text: &str) -> Vec<usize> {
        let (folded, _) = fold_mapped(text);
        let mut out = Vec::new();
        for m in self.matcher.mentions(&folded) {
            if let Target::Subject(i) = m.target
                && !out.contains(&i)
            {
                out.push(i);
            }
        }
        out
    }

    /// What a heading says about the section under it.
    pub fn heading_context(&self, heading: &str) -> Context {
        let (folded, _) = fold_mapped(heading);
        let kind = SECTION_CUES
            .iter()
            .find(|(_, words)| first_of(&folded, words).is_some())
            .map(|(k, _)| *k);
        let subjects = self.subjects_named(heading);
        let category = self
            .category_keys
            .iter()
            .find(|(_, keys)| keys.iter().any(|k| !find_phrase(&folded, k).is_empty()))
            .map(|(name, _)| name.clone());
        Context {
            section: heading.to_string(),
            kind,
            subject: (subjects.len() == 1).then(|| subjects[0]),
            category,
            ..Context::default()
        }
    }

    /// What a paragraph ending in ':' says about the list after it.
    pub fn intro(&self, text: &str) -> (Option<&'static str>, Option<SectionKind>, Option<usize>) {
        let (folded, _) = fold_mapped(text);
        let stance = if first_of(&folded, LACKS).is_some() {
            Some("lacks")
        } else if first_of(&folded, BUILTIN).is_some() {
            Some("builtin")
        } else if first_of(&folded, EXTENSION).is_some() {
            Some("extension")
        } else {
            None
        };
        let kind = SECTION_CUES
            .iter()
            .filter(|(k, _)| *k != SectionKind::Feature)
            .find(|(_, words)| first_of(&folded, words).is_some())
            .map(|(k, _)| *k);
        let subjects = self.subjects_named(text);
        (stance, kind, (subjects.len() == 1).then(|| subjects[0]))
    }

    pub fn start_block(&mut self, _label: Option<&str>) {
        self.item_polarity = 0;
    }

    pub fn read(&mut self, s: &Sentence, ctx: &Context) {
        // "A is faster for X, while B suits Y": each clause about its own subject.
        if s.cell.is_none() {
            for sep in [", while ", ", whereas ", "; ", ", and "] {
                if let Some(i) = s.text.find(sep)
                    && i > s.label_len
                {
                    let (head, tail) = (&s.text[..i], &s.text[i + sep.len()..]);
                    // ", and B is ...": a clause of its own only when it starts with a
                    // subject and does not end a list of names ("A, B, and C are").
                    let words = if sep == ", and " { 1 } else { 4 };
                    if sep == ", and "
                        && (head.split(' ').count() < 4
                            || !self
                                .subjects_named(head.rsplit(' ').next().unwrap_or(""))
                                .is_empty())
                    {
                        continue;
                    }
                    let first_words: String =
                        tail.split(' ').take(words).collect::<Vec<_>>().join(" ");
                    let (folded_head, _) = fold_mapped(head);
                    let named_head = self
                        .matcher
                        .mentions(&folded_head)
                        .iter()
                        .any(|m| matches!(m.target, Target::Subject(_)));
                    if named_head && !self.subjects_named(&first_words).is_empty() {
                        let mut one = Sentence {
                            text: head,
                            cell: None,
                            ..*s
                        };
                        self.read(&one, ctx);
                        one.text = tail;
                        one.label_len = 0;
                        one.first = false;
                        self.read(&one, ctx);
                        return;
                    }
                }
            }
        }
        let (folded, map) = fold_mapped(s.text);
        let body = folded_index(&map, s.label_len);
        let mentions = self.matcher.mentions(&folded);
        let marks = clause_marks(&folded);
        let r = Read {
            s,
            folded,
            map,
            body,
            mentions,
            marks,
        };
        for (i, _) in r.subjects() {
            if !self.seen.contains(&i) {
                self.seen.push(i);
            }
        }
        let mut subjects = self.primary_subjects(&r);
        if let Some((column, _)) = &s.cell {
            subjects = self.subjects_named(column);
        }
        let explicit = !subjects.is_empty();
        if subjects.is_empty() {
            subjects = self.focus.clone();
        }
        if subjects.is_empty() {
            subjects.extend(ctx.subject);
        }
        // "It depends on ...": a verdict about the sides the heading or the article
        // compares, even when the sentence names none of them.
        if subjects.is_empty() && first_of(&r.folded, DEPENDS).is_some() {
            subjects.extend(self.verdict_sides(ctx).first());
        }
        if subjects.is_empty() {
            return;
        }
        if explicit {
            self.focus = subjects.clone();
        }
        if s.cell.is_some() {
            self.table_cell(&r, &subjects, ctx);
            return;
        }
        let kind = ctx.intro_kind.or(ctx.kind);
        let companies = self.companies(&r, kind);
        if !companies.is_empty() {
            let topic = self.topic_by_cues(&["companies", "used by", "who uses", "users"]);
            let topic = topic.map_or_else(
                || Topic::New("companies".to_string(), self.category_for("use cases", ctx)),
                Topic::Known,
            );
            for company in &companies {
                for &subject in &subjects {
                    let statement = format!("{company} uses {}.", self.display(subject));
                    self.push(
                        &r,
                        ctx,
                        subject,
                        "company",
                        topic.clone(),
                        None,
                        Some(company.clone()),
                        None,
                        statement,
                        0.9,
                    );
                }
            }
            return;
        }
        self.comparison(&r, &subjects, ctx);
        self.facts(&r, &subjects, ctx);
        let mut features: Vec<(Topic, &'static str, bool)> = self
            .features(&r, ctx)
            .into_iter()
            .map(|(t, stance, strong)| (Topic::Known(t), stance, strong))
            .collect();
        if features.is_empty() {
            features = self.new_features(&r, ctx);
        }
        let strong = features.iter().any(|f| f.2);
        match kind {
            Some(SectionKind::Limitation) => {
                let topic = self.main_topic(&r, ctx, "limitation");
                let stance = features
                    .iter()
                    .find(|f| matches!(f.1, "lacks" | "limited"))
                    .map(|f| f.1)
                    .or_else(|| first_of(&r.folded[r.body..], LIMITED).map(|_| "limited"));
                let negated: Vec<&(Topic, &str, bool)> =
                    features.iter().filter(|f| f.1 == "lacks").collect();
                if negated.len() > 1 {
                    for f in negated {
                        for &subject in &subjects {
                            self.push(
                                &r,
                                ctx,
                                subject,
                                "limitation",
                                f.0.clone(),
                                Some("lacks"),
                                None,
                                None,
                                r.body_text().to_string(),
                                0.7,
                            );
                        }
                    }
                } else if let Some(topic) = topic
                    && (s.first || s.label_len > 0 || s.listed)
                {
                    for &subject in &subjects {
                        self.push(
                            &r,
                            ctx,
                            subject,
                            "limitation",
                            topic.clone(),
                            stance,
                            None,
                            None,
                            r.body_text().to_string(),
                            0.8,
                        );
                    }
                }
            }
            Some(k @ (SectionKind::ProCon | SectionKind::Pro | SectionKind::Con)) => {
                if strong && !s.first {
                    self.feature_rows(&r, ctx, &subjects, &features);
                    return;
                }
                let polarity = if s.first {
                    let p = match k {
                        SectionKind::Pro => 1,
                        SectionKind::Con => -1,
                        _ => {
                            let label = r.label().map_or(0, |l| {
                                let folded = fold_mapped(l).0;
                                label_kind(&folded).unwrap_or_else(|| self.polarity(&folded))
                            });
                            let whole = self.polarity(&r.folded);
                            match (label.signum(), whole.signum()) {
                                (0, 0) => {
                                    if self.last_polarity == 0 {
                                        1
                                    } else {
                                        self.last_polarity
                                    }
                                }
                                (0, w) => w,
                                (l, _) => l,
                            }
                        }
                    };
                    self.item_polarity = p;
                    self.last_polarity = p;
                    p
                } else {
                    self.item_polarity
                };
                if polarity == 0 {
                    return;
                }
                let kind = if polarity > 0 { "pro" } else { "con" };
                if s.first
                    && let Some(topic) = self.main_topic(&r, ctx, kind)
                {
                    self.compared_sides(&r, ctx, &subjects, polarity, &topic);
                }
                self.use_cases(&r, ctx, &subjects, false);
                if let Some(topic) = self.main_topic(&r, ctx, kind) {
                    let conf = if s.first { 0.7 } else { 0.5 };
                    self.push_for_each(&r, ctx, &subjects, kind, topic, conf);
                }
                if strong {
                    self.feature_rows(&r, ctx, &subjects, &features);
                }
            }
            Some(SectionKind::UseCase) => {
                if strong {
                    self.feature_rows(&r, ctx, &subjects, &features);
                }
                self.use_cases(&r, ctx, &subjects, true);
            }
            _ => {
                let body_stance = features
                    .iter()
                    .find(|f| f.2 && matches!(f.1, "lacks" | "limited" | "extension"))
                    .map(|f| f.1)
                    .or_else(|| first_of(&r.folded[r.body..], LIMITED).map(|_| "limited"));
                // Under a "Key Features" heading, a labelled item that says "built-in"
                // is a feature even without an intro line saying so.
                let section_stance = (kind == Some(SectionKind::Feature)
                    && first_of(&fold_mapped(&ctx.section).0, FEATURE_HEADINGS).is_some()
                    && first_of(&r.folded[r.body..], BUILTIN).is_some())
                .then_some("builtin");
                let intro_feature = ctx
                    .intro_stance
                    .or(section_stance)
                    .filter(|_| s.listed && s.label_len > 0)
                    .map(|intro| body_stance.unwrap_or(intro));
                if let Some(stance) = intro_feature {
                    if let Some(topic) = self.main_topic(&r, ctx, "feature") {
                        for &subject in &subjects {
                            self.push_feature(&r, ctx, subject, &topic, stance, 0.7);
                        }
                    }
                    if strong {
                        self.feature_rows(&r, ctx, &subjects, &features);
                    }
                    return;
                }
                if strong {
                    self.feature_rows(&r, ctx, &subjects, &features);
                }
                let used = self.use_cases(&r, ctx, &subjects, false);
                if used && !(s.label_len > 0 && s.first) {
                    return;
                }
                self.is_a(&r, ctx, &subjects);
                if s.listed && !s.first && self.item_polarity != 0 && !strong {
                    let kind = if self.item_polarity < 0 { "con" } else { "pro" };
                    if let Some(topic) = self.body_topic(&r) {
                        self.push_for_each(&r, ctx, &subjects, kind, Topic::Known(topic), 0.4);
                    }
                } else if s.label_len > 0 && s.first && s.listed {
                    let p = self.polarity(&r.folded);
                    self.item_polarity = if p < 0 { -1 } else { 1 };
                    let kind = if p < 0 { "con" } else { "pro" };
                    if let Some(topic) = self.main_topic(&r, ctx, kind) {
                        self.push_for_each(&r, ctx, &subjects, kind, topic, 0.5);
                    }
                } else if !strong && explicit {
                    let p = self.polarity(&r.folded[r.body..]);
                    if p.abs() >= 1 && !r.s.text.ends_with('?') {
                        let kind = if p < 0 { "con" } else { "pro" };
                        if let Some(topic) = self.body_topic(&r) {
                            self.push_for_each(&r, ctx, &subjects, kind, Topic::Known(topic), 0.4);
                        }
                    }
                }
            }
        }
    }

    /// In a pros-and-cons item, a subject named only to be compared against gets the
    /// other polarity ("Unlike X's monolithic approach, Y is ...": a con of X), or the
    /// same one after "similar to".
    fn compared_sides(
        &mut self,
        r: &Read,
        ctx: &Context,
        subjects: &[usize],
        polarity: i32,
        topic: &Topic,
    ) {
        let others: Vec<(usize, usize)> = r
            .subjects()
            .filter(|(i, _)| !subjects.contains(i))
            .map(|(i, m)| (i, m.start))
            .collect();
        for (other, at) in others {
            let before = &r.folded[..at];
            let same = before.trim_end().ends_with("similar to");
            let opposite = ["unlike", "compared to", "compared with", "in contrast to"]
                .iter()
                .any(|c| !find_phrase(before, c).is_empty());
            let p = if same {
                polarity
            } else if opposite {
                -polarity
            } else {
                continue;
            };
            let kind = if p > 0 { "pro" } else { "con" };
            self.push(
                r,
                ctx,
                other,
                kind,
                topic.clone(),
                None,
                None,
                None,
                r.body_text().to_string(),
                0.5,
            );
        }
    }

    /// "X is a lightweight framework": a fact whose value is what the article calls
    /// the subject, when a catalogue topic is named in it.
    fn is_a(&mut self, r: &Read, ctx: &Context, subjects: &[usize]) {
        let Some((subject_end, subject)) = r
            .subjects()
            .find(|(i, _)| subjects.contains(i))
            .map(|(i, m)| (m.end, i))
        else {
            return;
        };
        let rest = &r.folded[subject_end..];
        static IS_A: [&str; 10] = [
            "is a",
            "is an",
            "is characterized as a",
            "is characterized as an",
            "is described as a",
            "described as a",
            "is often described as a",
            "are both",
            "are",
            "are the",
        ];
        let Some((verb, _, e)) = first_of(rest, &IS_A) else {
            return;
        };
        // "A and B are two popular databases": a fact about each of them.
        let each: Vec<usize> = if verb.starts_with("are") {
            subjects.to_vec()
        } else {
            vec![subject]
        };
        if rest[..e].split(' ').filter(|w| !w.is_empty()).count() > 8 {
            return;
        }
        let from = subject_end + e;
        let stops = [
            ",", " that ", " which ", " with ", " due to ", ".", ";", ":", " for ",
        ];
        let to = stops
            .iter()
            .filter_map(|p| r.folded[from..].find(p))
            .min()
            .map_or(r.folded.len(), |i| from + i);
        let Some(topic) = r
            .topics()
            .find(|(_, m)| m.start >= from && m.end <= to)
            .map(|(t, _)| t)
        else {
            return;
        };
        let value = r
            .original(from, to)
            .trim()
            .trim_matches(['“', '”', '"'])
            .to_string();
        if value.is_empty() {
            return;
        }
        for subject in each {
            self.push(
                r,
                ctx,
                subject,
                "fact",
                Topic::Known(topic),
                None,
                Some(value.clone()),
                None,
                r.body_text().to_string(),
                0.6,
            );
        }
    }

    /// The subjects a sentence is about: the first named that is not only compared
    /// against, with any named alongside it ("A, B and C"); "both" means every
    /// subject of the article.
    fn primary_subjects(&self, r: &Read) -> Vec<usize> {
        let head = &r.folded[r.body..];
        let mut end = head.len().min(40);
        while !head.is_char_boundary(end) {
            end -= 1;
        }
        let head = &head[..end];
        if BOTH
            .iter()
            .any(|b| head.starts_with(b) || head.contains(&format!(" {b} ")))
            && self.seen.len() >= 2
        {
            return self.seen.clone();
        }
        let named: Vec<(usize, &Mention)> = r.subjects().collect();
        let against = |m: &Mention| {
            let before = &r.folded[..m.start];
            let (clause_start, _) = r.clause(m.start);
            let mut from = clause_start.max(before.len().saturating_sub(30));
            while !before.is_char_boundary(from) {
                from += 1;
            }
            let window = &before[from..];
            all_of(window, AGAINST)
                .last()
                .is_some_and(|&(_, _, e)| window[e..].split_whitespace().count() <= 3)
        };
        let Some(first) = named.iter().position(|(_, m)| !against(m)) else {
            return Vec::new();
        };
        let mut out = vec![named[first].0];
        let mut last = named[first].1;
        for (i, m) in &named[first + 1..] {
            if m.start < last.end {
                continue;
            }
            let between = r.folded[last.end..m.start]
                .trim_start_matches("'s")
                .trim_matches(|c: char| c == ',' || c == ' ' || c == '.');
            let joined = between.is_empty()
                || COORDINATORS.contains(&between)
                || matches!(between, "vs" | "versus" | "and" | ", and");
            if !joined {
                break;
            }
            if !out.contains(i) {
                out.push(*i);
            }
            last = m;
        }
        out
    }

    fn subject_name(&self, subject: usize) -> &str {
        &self.cat.subjects[subject].name
    }

    /// The subject as the article writes it, for statements.
    fn display(&self, subject: usize) -> &str {
        let entry = &self.cat.subjects[subject];
        if entry.category == crate::draft::NEW {
            &entry.aliases[0]
        } else {
            &entry.name
        }
    }

    fn topic_name(&self, topic: &Topic) -> String {
        match topic {
            Topic::Known(i) => self.cat.topics[*i].name.clone(),
            Topic::New(name, _) => name.clone(),
        }
    }

    /// The topic whose aliases include one of `cues`.
    fn topic_by_cues(&self, cues: &[&str]) -> Option<usize> {
        let mut cache = self.cue_topics.borrow_mut();
        let key = cues.join("|");
        if let Some(found) = cache.get(&key) {
            return *found;
        }
        let found = self.find_topic_by_cues(cues);
        cache.insert(key, found);
        found
    }

    fn find_topic_by_cues(&self, cues: &[&str]) -> Option<usize> {
        let keys: Vec<String> = cues.iter().map(|c| fold(c)).collect();
        self.cat.topics.iter().position(|t| {
            t.aliases
                .iter()
                .chain([&t.name])
                .any(|a| keys.contains(&fold(a)))
        })
    }

    /// The category for a new topic: the section's, else the one answering to `cue`,
    /// else the catalogue's first.
    fn category_for(&self, cue: &str, ctx: &Context) -> String {
        if let Some(c) = &ctx.category {
            return c.clone();
        }
        let key = fold(cue);
        self.category_keys
            .iter()
            .find(|(_, keys)| keys.contains(&key))
            .or(self.category_keys.first())
            .map(|(name, _)| name.clone())
            .unwrap_or_default()
    }

    /// The first topic named in the body that is not part of a subject's name.
    fn body_topic(&self, r: &Read) -> Option<usize> {
        let subjects: Vec<&Mention> = r.subjects().map(|(_, m)| m).collect();
        r.topics()
            .filter(|(_, m)| m.start >= r.body)
            .find(|(_, m)| {
                !subjects
                    .iter()
                    .any(|s| s.start <= m.start && m.end <= s.end)
            })
            .map(|(i, _)| i)
    }

    /// The topic of a listed or labelled claim: the label's, the body's first, or a
    /// new topic named after the label.
    fn main_topic(&self, r: &Read, ctx: &Context, kind: &str) -> Option<Topic> {
        if r.body > 0
            && let Some((i, _)) = r.topics().find(|(_, m)| m.end <= r.body)
        {
            return Some(Topic::Known(i));
        }
        if let Some(i) = self.body_topic(r) {
            return Some(Topic::Known(i));
        }
        let label = r.label()?;
        let name = new_topic_name(label)?;
        let cue = match kind {
            "use-case" => "use cases",
            "feature" => "features",
            _ => "design",
        };
        Some(Topic::New(name, self.category_for(cue, ctx)))
    }

    /// Sums the good and bad words of a folded text.
    fn polarity(&self, folded: &str) -> i32 {
        static TAGGED: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
        let tagged = TAGGED.get_or_init(|| POSITIVE.iter().chain(NEGATIVE).copied().collect());
        all_of(folded, tagged)
            .into_iter()
            .map(|(p, _, _)| if NEGATIVE.contains(&p) { -1 } else { 1 })
            .sum()
    }

    /// The stance of each topic the sentence gives one: (topic, stance, strong cue).
    fn features(&self, r: &Read, ctx: &Context) -> Vec<(usize, &'static str, bool)> {
        let body = &r.folded[r.body..];
        let mut cues: Vec<(&'static str, usize, usize, bool)> = Vec::new();
        for (stance, words, strong) in [
            ("lacks", LACKS, true),
            ("limited", LIMITED, true),
            ("extension", EXTENSION, true),
            ("builtin", BUILTIN, true),
            ("builtin", WEAK_BUILTIN, false),
        ] {
            for (_, s, e) in all_of(body, words) {
                let (s, e) = (s + r.body, e + r.body);
                if !r.hyphenated(s) && cues.iter().all(|c| e <= c.1 || s >= c.2) {
                    cues.push((stance, s, e, strong));
                }
            }
        }
        if !cues.iter().any(|c| c.3) && ctx.intro_stance.is_none() {
            return Vec::new();
        }
        cues.sort_by_key(|c| c.1);
        let subjects: Vec<&Mention> = r.subjects().map(|(_, m)| m).collect();
        let mut out = Vec::new();
        for (topic, m) in r.topics() {
            if m.start < r.body
                || cues.iter().any(|c| m.start < c.2 && c.1 < m.end)
                || subjects
                    .iter()
                    .any(|s| s.start <= m.start && m.end <= s.end)
            {
                continue;
            }
            let (clause_start, clause_end) = r.clause(m.start);
            let before = cues
                .iter()
                .filter(|c| c.2 <= m.start && c.1 >= clause_start && m.start - c.2 <= 90)
                .max_by_key(|c| c.1);
            let after = cues
                .iter()
                .filter(|c| {
                    c.3 && c.1 >= m.end
                        && c.2 <= clause_end
                        && c.1 - m.end <= 30
                        && !r.folded[m.end..c.1].contains(',')
                })
                .min_by_key(|c| c.1);
            let Some(cue) = before.or(after) else {
                continue;
            };
            // "limited built-in", "lacks built-in": the qualifier just before wins.
            let qualifier = cues
                .iter()
                .find(|c| matches!(c.0, "lacks" | "limited") && c.2 <= cue.1 && cue.1 - c.2 <= 2);
            let cue = qualifier.unwrap_or(cue);
            let strong = cues
                .iter()
                .any(|c| c.3 && c.1 >= clause_start && c.2 <= clause_end);
            if strong && !out.iter().any(|o: &(usize, &str, bool)| o.0 == topic) {
                out.push((topic, cue.0, strong));
            }
        }
        out
    }

    /// Features the catalogue has no topic for: the things listed after a stance cue
    /// ("built-in support for JSONB, full-text search and window functions"), each
    /// proposed as a new topic.
    fn new_features(&self, r: &Read, ctx: &Context) -> Vec<(Topic, &'static str, bool)> {
        let body = &r.folded[r.body..];
        let passive = [
            "out of the box",
            "natively",
            "batteries included",
            "missing",
            "not included",
            "not supported",
            "historically",
            "lagged",
            "lags",
            "experimental",
            "not mature",
        ];
        let mut cues: Vec<(&'static str, usize, usize)> = Vec::new();
        for (stance, words) in [("lacks", LACKS), ("limited", LIMITED), ("builtin", BUILTIN)] {
            for (w, st, e) in all_of(body, words) {
                if !passive.contains(&w)
                    && !r.hyphenated(st + r.body)
                    && cues.iter().all(|c| e <= c.1 || st >= c.2)
                {
                    cues.push((stance, st + r.body, e + r.body));
                }
            }
        }
        cues.sort_by_key(|c| c.1);
        let mut out: Vec<(Topic, &'static str, bool)> = Vec::new();
        if cues.is_empty() {
            return out;
        }
        let category = self.category_for("features", ctx);
        let mut covered = 0;
        for (i, &(stance, start, end)) in cues.iter().enumerate() {
            if start < covered {
                continue;
            }
            // "limited built-in X", "no native X": the first cue sets the stance, the
            // last of a run of cues starts the list.
            let mut last_end = end;
            for c in &cues[i + 1..] {
                if c.1 <= last_end + 1 {
                    last_end = c.2;
                }
            }
            let stance = if stance == "builtin" {
                cues[i..]
                    .iter()
                    .take_while(|c| c.1 <= last_end)
                    .find(|c| c.0 != "builtin")
                    .map_or(stance, |c| c.0)
            } else {
                stance
            };
            let after = r.original(last_end, r.folded.len());
            let (names, used) = listed_phrases(after);
            covered = last_end + used;
            for name in names {
                let topic = Topic::New(name, category.clone());
                if !out.iter().any(|o| o.0 == topic) {
                    out.push((topic, stance, true));
                }
            }
        }
        out
    }

    /// A feature row: `subject` has `topic` with `stance`, said in a plain statement.
    fn push_feature(
        &mut self,
        r: &Read,
        ctx: &Context,
        subject: usize,
        topic: &Topic,
        stance: &'static str,
        confidence: f32,
    ) {
        let s = self.display(subject);
        let t = self.topic_name(topic).replace('-', " ");
        let statement = match stance {
            "builtin" => format!("{s} has built-in {t}."),
            "extension" => format!("{s} gets {t} through extensions."),
            "lacks" => format!("{s} does not come with built-in {t}."),
            _ => format!("{s} has limited {t}."),
        };
        self.push(
            r,
            ctx,
            subject,
            "feature",
            topic.clone(),
            Some(stance),
            None,
            None,
            statement,
            confidence,
        );
    }

    fn feature_rows(
        &mut self,
        r: &Read,
        ctx: &Context,
        subjects: &[usize],
        features: &[(Topic, &'static str, bool)],
    ) {
        for (topic, stance, strong) in features {
            let (stance, strong) = (*stance, *strong);
            for &subject in subjects {
                let confidence = if strong { 0.8 } else { 0.6 };
                self.push_feature(r, ctx, subject, topic, stance, confidence);
            }
        }
    }

    /// Use-case rows: the topics after a "suited for" cue, or (in a use-case section)
    /// the label's topic. True when a row was written.
    fn use_cases(&mut self, r: &Read, ctx: &Context, subjects: &[usize], section: bool) -> bool {
        let cue = first_of(&r.folded[r.body..], USE_CASE).map(|(_, s, e)| (s + r.body, e + r.body));
        let mut topics: Vec<Topic> = Vec::new();
        if let Some((_, e)) = cue {
            let (_, clause_end) = r.clause(e);
            let subjects_at: Vec<&Mention> = r.subjects().map(|(_, m)| m).collect();
            for (t, m) in r.topics() {
                if m.start >= e
                    && m.start < clause_end
                    && !subjects_at
                        .iter()
                        .any(|s| s.start <= m.start && m.end <= s.end)
                    && !topics.contains(&Topic::Known(t))
                {
                    topics.push(Topic::Known(t));
                }
            }
        }
        if topics.is_empty()
            && (section || (cue.is_some() && r.label().is_some()))
            && let Some(t) = self.main_topic(r, ctx, "use-case")
        {
            topics.push(t);
        }
        if topics.is_empty()
            && let Some((_, e)) = cue
        {
            let category = self.category_for("use cases", ctx);
            let (names, _) = listed_phrases(r.original(e, r.folded.len()));
            topics.extend(names.into_iter().map(|n| Topic::New(n, category.clone())));
        }
        if topics.is_empty() {
            return false;
        }
        for topic in topics {
            for &subject in subjects {
                self.push(
                    r,
                    ctx,
                    subject,
                    "use-case",
                    topic.clone(),
                    None,
                    None,
                    None,
                    r.body_text().to_string(),
                    if cue.is_some() { 0.7 } else { 0.6 },
                );
            }
        }
        true
    }

    /// Company names: a labelled item of a "companies" section, or the names listed
    /// after "such as" / "used by" in a sentence about who uses a subject.
    fn companies(&self, r: &Read, kind: Option<SectionKind>) -> Vec<String> {
        let is_known = |name: &str| {
            let (f, _) = fold_mapped(name);
            self.matcher
                .mentions(&f)
                .iter()
                .any(|m| m.start == 0 && m.end >= f.len().saturating_sub(1))
        };
        if kind == Some(SectionKind::Company) {
            if let Some(label) = r.label()
                && r.s.first
                && is_name(label)
                && !is_known(label)
            {
                return vec![label.to_string()];
            }
            let bare = r.s.text.trim_end_matches(['.', ',', ';']);
            if r.s.listed && r.s.first && is_name(bare) && !is_known(bare) {
                return vec![bare.to_string()];
            }
        }
        let mut out = Vec::new();
        if first_of(&r.folded, COMPANY_CONTEXT).is_none() {
            return out;
        }
        for (_, _, e) in all_of(&r.folded, COMPANY_LIST) {
            let after = &r.s.text[r.map[e]..];
            for name in names_at(after) {
                if !is_known(&name) && !out.contains(&name) {
                    out.push(name);
                }
            }
        }
        // "Acme, Foo and Bar use X"
        if out.is_empty()
            && let Some((_, s, _)) = first_of(&r.folded[r.body..], USE_VERBS)
            && let s = s + r.body
            && r.subjects().any(|(_, m)| m.start > s)
        {
            let prefix = r.original(r.body, s);
            let names = names_at(prefix);
            let mut left = prefix.to_string();
            for n in &names {
                left = left.replacen(n.as_str(), "", 1);
            }
            let left = left.replace(" and ", " ").replace(" or ", " ");
            if !names.is_empty() && !left.chars().any(char::is_alphanumeric) {
                out.extend(names.into_iter().filter(|n| !is_known(n)));
            }
        }
        out
    }

    /// The two sides a verdict that names none is about: the two the heading names
    /// ("Is A cheaper than B?"), else the two the article names.
    fn verdict_sides(&self, ctx: &Context) -> Vec<usize> {
        let heading = self.subjects_named(&ctx.section);
        if heading.len() == 2 {
            heading
        } else if self.seen.len() == 2 {
            self.seen.clone()
        } else {
            Vec::new()
        }
    }

    fn comparison(&mut self, r: &Read, subjects: &[usize], ctx: &Context) {
        let named: Vec<usize> = {
            let mut v: Vec<usize> = Vec::new();
            for (i, _) in r.subjects() {
                if !v.contains(&i) {
                    v.push(i);
                }
            }
            v
        };
        let named = if named.len() < 2 {
            let sides = self.verdict_sides(ctx);
            if sides.len() == 2 { sides } else { named }
        } else {
            named
        };
        if first_of(&r.folded, DEPENDS).is_some() && named.len() >= 2 {
            let statement = r.body_text().to_string();
            self.push(
                r,
                ctx,
                named[0],
                "comparison",
                self.comparison_topic(r, ctx),
                Some("depends"),
                None,
                Some(self.subject_name(named[1]).to_string()),
                statement,
                0.6,
            );
            return;
        }
        let subject = subjects[0];
        let other = named.iter().copied().find(|s| !subjects.contains(s));
        let than = first_of(&r.folded, &["than", "compared to", "compared with"]);
        let contrast = first_of(&r.folded, CONTRASTS);
        let value: Option<(String, bool)> = if let Some((_, t, _)) = than {
            let mut window_start = t.saturating_sub(50);
            while !r.folded.is_char_boundary(window_start) {
                window_start += 1;
            }
            let comparative = all_of(&r.folded[window_start..t], COMPARATIVES)
                .last()
                .map(|c| c.1 + window_start)
                .or_else(|| {
                    // "-er than": the word just before.
                    let before = r.folded[..t].trim_end();
                    let start = before.rfind(' ').map_or(0, |i| i + 1);
                    before[start..].ends_with("er").then_some(start)
                });
            comparative.map(|c| {
                let word = r.folded[c..].split(' ').next().unwrap_or("");
                (
                    r.original(c, t).trim().to_string(),
                    NEGATIVE_COMPARATIVES.contains(&word),
                )
            })
        } else if let Some((_, _, e)) = contrast
            && other.is_some()
            && r.subjects().any(|(i, m)| {
                Some(i) == other
                    && m.start >= e
                    && r.folded[e..m.start].split_whitespace().count() <= 1
            })
        {
            let main = r
                .subjects()
                .find(|(i, m)| *i == subject && m.start > e)
                .map(|(_, m)| m.end);
            main.map(|m| {
                let rest = r.original(m, r.folded.len()).trim();
                let rest = rest.trim_start_matches(['’', '\'', 's']).trim();
                let rest = rest.split(';').next().unwrap_or(rest);
                (words_prefix(rest.trim_end_matches('.'), 12), false)
            })
        } else {
            let no_than = &[
                "easier", "harder", "faster", "slower", "simpler", "better", "worse", "steeper",
                "gentler", "quicker", "safer",
            ];
            first_of(&r.folded[r.body..], no_than).map(|(w, s, _)| {
                let s = s + r.body;
                let (_, end) = r.clause(s);
                let text = r.original(s, end).trim().trim_end_matches(['.', ',']);
                (words_prefix(text, 8), NEGATIVE_COMPARATIVES.contains(&w))
            })
        };
        let Some((value, negative)) = value.filter(|v| !v.0.is_empty()) else {
            return;
        };
        let (favoured, versus) = match (negative, other) {
            (true, Some(o)) => (o, Some(subject)),
            (_, o) => (subject, o),
        };
        let versus = versus.map(|v| self.subject_name(v).to_string());
        let statement = r.body_text().to_string();
        let topic = self.comparison_topic(r, ctx);
        self.push(
            r,
            ctx,
            favoured,
            "comparison",
            topic,
            None,
            Some(value),
            versus,
            statement,
            0.6,
        );
    }

    fn comparison_topic(&self, r: &Read, ctx: &Context) -> Topic {
        self.main_topic(r, ctx, "design")
            .or_else(|| {
                let heading = self.heading_topic(ctx);
                heading.map(Topic::Known)
            })
            .unwrap_or_else(|| Topic::New("overall".to_string(), self.category_for("design", ctx)))
    }

    fn heading_topic(&self, ctx: &Context) -> Option<usize> {
        let (f, _) = fold_mapped(&ctx.section);
        self.matcher
            .mentions(&f)
            .into_iter()
            .find_map(|m| match m.target {
                Target::Topic(i) => Some(i),
                Target::Subject(_) => None,
            })
    }

    /// Facts with a value: who made it, when it came out, its licence, what it is
    /// built on. Each kind of fact needs a catalogue topic answering to its cue.
    fn facts(&mut self, r: &Read, subjects: &[usize], ctx: &Context) {
        let subject = subjects[0];
        let mut found: Vec<(usize, String)> = Vec::new();
        if let Some((_, _, e)) = first_of(&r.folded, MADE_BY)
            && let Some(topic) =
                self.topic_by_cues(&["created by", "developed by", "author", "creator"])
        {
            for name in names_at(&r.s.text[r.map[e]..]) {
                found.push((topic, name));
            }
        }
        if let Some(topic) =
            self.topic_by_cues(&["released", "release date", "first release", "launch"])
            && first_of(
                &r.folded,
                &[
                    "released",
                    "created",
                    "launched",
                    "first",
                    "introduced",
                    "developed",
                    "founded",
                    "since",
                ],
            )
            .is_some()
        {
            for date in dates(r.s.text) {
                found.push((topic, date));
            }
        }
        if let Some(i) = r.folded.find(" licen")
            && let Some(topic) = self.topic_by_cues(&["license", "licence"])
        {
            let before = r.s.text[..r.map[i]].trim_end();
            let word = before.rsplit(' ').next().unwrap_or("");
            if word.chars().next().is_some_and(char::is_uppercase) {
                found.push((topic, word.to_string()));
            }
        }
        if let Some((_, _, e)) = first_of(&r.folded, &["based on", "built on top of", "built on"])
            && let Some(topic) = self.topic_by_cues(&["based on", "built on"])
        {
            let after = &r.s.text[r.map[e]..];
            let after = after.split_once(':').map_or(after, |(_, rest)| rest);
            for name in names_at(after) {
                found.push((topic, name));
            }
        }
        for (topic, value) in found {
            let statement = r.body_text().to_string();
            self.push(
                r,
                ctx,
                subject,
                "fact",
                Topic::Known(topic),
                None,
                Some(value),
                None,
                statement,
                0.7,
            );
        }
    }

    fn table_cell(&mut self, r: &Read, subjects: &[usize], ctx: &Context) {
        let Some((_, row_label)) = &r.s.cell else {
            return;
        };
        let (f, _) = fold_mapped(row_label);
        let topic = self
            .matcher
            .mentions(&f)
            .into_iter()
            .find_map(|m| match m.target {
                Target::Topic(i) => Some(Topic::Known(i)),
                Target::Subject(_) => None,
            });
        let topic = topic.or_else(|| {
            new_topic_name(row_label).map(|n| Topic::New(n, self.category_for("features", ctx)))
        });
        let Some(topic) = topic else {
            return;
        };
        let cell = r.folded.trim();
        let stance = if first_of(cell, LACKS).is_some()
            || matches!(cell, "no" | "none" | "✗" | "❌" | "x" | "—" | "-")
        {
            Some("lacks")
        } else if first_of(cell, LIMITED).is_some() || cell.starts_with("partial") {
            Some("limited")
        } else if first_of(cell, EXTENSION).is_some() {
            Some("extension")
        } else if first_of(cell, BUILTIN).is_some() || matches!(cell, "yes" | "✓" | "✔" | "✅")
        {
            Some("builtin")
        } else {
            None
        };
        for &subject in subjects {
            match stance {
                Some(stance) => self.push_feature(r, ctx, subject, &topic, stance, 0.7),
                None if !cell.is_empty() => {
                    let statement = format!(
                        "{}: {} ({}).",
                        self.subject_name(subject),
                        r.s.text.trim(),
                        row_label.trim()
                    );
                    self.push(
                        r,
                        ctx,
                        subject,
                        "fact",
                        topic.clone(),
                        None,
                        Some(r.s.text.trim().to_string()),
                        None,
                        statement,
                        0.5,
                    );
                }
                None => {}
            }
        }
    }

    /// One row per subject for the sentence's body, with no stance, value or versus:
    /// the shape of most pros, cons and use cases.
    fn push_for_each(
        &mut self,
        r: &Read,
        ctx: &Context,
        subjects: &[usize],
        kind: &'static str,
        topic: Topic,
        confidence: f32,
    ) {
        for &subject in subjects {
            let statement = r.body_text().to_string();
            self.push(
                r,
                ctx,
                subject,
                kind,
                topic.clone(),
                None,
                None,
                None,
                statement,
                confidence,
            );
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        r: &Read,
        ctx: &Context,
        subject: usize,
        kind: &'static str,
        topic: Topic,
        stance: Option<&'static str>,
        value: Option<String>,
        versus: Option<String>,
        statement: String,
        confidence: f32,
    ) {
        let (topic, category) = match topic {
            Topic::Known(i) => (self.cat.topics[i].name.clone(), None),
            Topic::New(name, category) => (name, Some(category)),
        };
        let statement = statement.split_whitespace().collect::<Vec<_>>().join(" ");
        let new_subject = self.cat.subjects[subject].category == crate::draft::NEW;
        let new_versus = versus.as_ref().is_some_and(|v| {
            self.cat
                .subjects
                .iter()
                .any(|e| &e.name == v && e.category == crate::draft::NEW)
        });
        self.rows.push(Row {
            new_subject: new_subject || new_versus,
            subject: self.cat.subjects[subject].name.clone(),
            kind,
            topic,
            stance,
            value,
            versus,
            listed: r.s.listed,
            statement,
            quote: r.s.quote.to_string(),
            line_start: r.s.line_start,
            line_end: r.s.line_end,
            category,
            section: ctx.section.clone(),
            confidence,
        });
    }
}

/// The things listed at the start of `text` ("support for JSONB, full-text search
/// and window functions." gives jsonb, full-text-search, window-functions) as topic
/// names, and how many bytes of `text` the list took.
fn listed_phrases(text: &str) -> (Vec<String>, usize) {
    const FILLERS: [&str; 16] = [
        "a", "an", "the", "its", "their", "any", "some", "several", "many", "various", "built-in",
        "native", "support", "for", "of", "with",
    ];
    const STOPS: [&str; 30] = [
        "once", "when", "for", "to", "in", "on", "with", "that", "which", "because", "so", "but",
        "than", "compared", "as", "at", "by", "from", "like", "such", "is", "are", "can", "may",
        "will", "out", "while", "although", "where", "if",
    ];
    let end = text
        .find(['.', ';', ':', '(', '!', '?'])
        .unwrap_or(text.len());
    let mut names = Vec::new();
    let mut started = false;
    let mut current: Vec<String> = Vec::new();
    let mut used = 0;
    let mut stopped = false;
    for (at, raw) in text[..end].split_inclusive(' ').scan(0, |pos, w| {
        let at = *pos;
        *pos += w.len();
        Some((at, w))
    }) {
        let comma = raw.trim_end().ends_with(',');
        let word = raw
            .trim()
            .trim_matches(|c: char| matches!(c, ',' | '"' | '“' | '”' | '\''));
        let lower = word.to_lowercase();
        if word.is_empty() {
            continue;
        }
        if !started && FILLERS.contains(&lower.as_str()) {
            continue;
        }
        if matches!(lower.as_str(), "and" | "or" | "&") {
            if !current.is_empty() {
                names.push(current.join("-"));
                current.clear();
            }
            continue;
        }
        if STOPS.contains(&lower.as_str()) {
            stopped = true;
            used = at;
            break;
        }
        started = true;
        if !current.is_empty() || !matches!(lower.as_str(), "a" | "an" | "the") {
            current.push(crate::draft::ascii_name(&lower, &[]));
        }
        if comma {
            names.push(current.join("-"));
            current.clear();
        }
    }
    if !current.is_empty() {
        names.push(current.join("-"));
    }
    if !stopped {
        used = end;
    }
    const GENERIC: [&str; 12] = [
        "features",
        "feature",
        "functionality",
        "functionalities",
        "tools",
        "components",
        "things",
        "capabilities",
        "options",
        "more",
        "others",
        "everything",
    ];
    let mut names: Vec<String> = names
        .into_iter()
        .map(|n| {
            n.split('-')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect();
    names.retain(|n| {
        let words = n.split('-').filter(|w| !w.is_empty()).count();
        if GENERIC.contains(&n.as_str()) {
            return false;
        }
        (1..=4).contains(&words) && n.chars().any(char::is_alphabetic)
    });
    (names, used)
}

/// "Rapid Development" -> "rapid-development", for a proposed topic.
/// A label that names its own kind: "AWS cons" is a con, "Go pros" a pro.
fn label_kind(folded: &str) -> Option<i32> {
    SECTION_CUES.iter().find_map(|(k, words)| match k {
        SectionKind::Pro if first_of(folded, words).is_some() => Some(1),
        SectionKind::Con | SectionKind::Limitation if first_of(folded, words).is_some() => Some(-1),
        _ => None,
    })
}

fn new_topic_name(label: &str) -> Option<String> {
    let name = crate::draft::ascii_name(label, &[]);
    let words: Vec<String> = name
        .split('-')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .take(4)
        .collect();
    (!words.is_empty()).then(|| words.join("-"))
}

/// The first `n` words of `text`.
fn words_prefix(text: &str, n: usize) -> String {
    text.split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when `text` reads as a proper name: a few capitalised words.
fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(*w, "&" | "of" | "and")
        })
        && text.chars().any(char::is_alphabetic)
}

/// The proper names listed at the start of `text`: "Microsoft, Uber and Netflix use"
/// gives the three; the list ends at the first lower-case word.
fn names_at(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| {
            matches!(c, ',' | '.' | ';' | ':' | '(' | ')' | '"' | '“' | '”')
        });
        let ends = raw.ends_with([',', '.', ';', ':', ')']);
        if matches!(word, "and" | "or" | "&") {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
            continue;
        }
        let capital = word.chars().next().is_some_and(|c| c.is_uppercase());
        if !capital || word.len() < 2 {
            break;
        }
        current.push(word);
        if ends {
            out.push(current.join(" "));
            current.clear();
            if raw.ends_with(['.', ';', ':', ')']) {
                break;
            }
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out.retain(|n| !matches!(n.as_str(), "The" | "A" | "An" | "It" | "Its" | "This"));
    out
}

/// Dates in `text`: "July 2005", "2010".
fn dates(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    for (i, raw) in words.iter().enumerate() {
        let w = raw.trim_matches(|c: char| !c.is_ascii_digit());
        if w.len() == 4
            && raw.trim_end_matches(['.', ',', ';', ')']).len()
                == raw
                    .trim_start_matches('(')
                    .trim_end_matches(['.', ',', ';', ')'])
                    .len()
            && (w.starts_with("19") || w.starts_with("20"))
            && w.chars().all(|c| c.is_ascii_digit())
        {
            let month = i
                .checked_sub(1)
                .map(|j| words[j])
                .filter(|m| MONTHS.contains(m));
            out.push(match month {
                Some(m) => format!("{m} {w}"),
                None => w.to_string(),
            });
        }
    }
    out
}
