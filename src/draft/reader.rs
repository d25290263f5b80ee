//! Reading one sentence in its context and keeping the rows it gives. `read`
//! finds the sentence's subjects, then reads it by the kind of its section or
//! list (limitations, pros and cons, use cases, anything else), calling the
//! extractors (`draft::extract`) each kind calls for. The reader remembers what
//! the sentences before said: the subjects in focus ("it", "its"), the subjects
//! of the article so far, and whether the item being read is a pro or a con.

use crate::draft::catalogue::Catalogue;
use crate::draft::context::{Context, SectionKind, Sentence};
use crate::draft::cues::{
    AGAINST, CLAUSE_SEPARATORS, DEPENDS, INTRO_STANCES, LIMITED, SECTION_CUES, separator_finders,
};
use crate::draft::extract::companies::company_rows;
use crate::draft::extract::comparison::{compared_sides, comparison};
use crate::draft::extract::facts::{facts, is_a, stated};
use crate::draft::extract::features::{Feature, feature_row, feature_rows, features};
use crate::draft::extract::predicate::{Said, predicates};
use crate::draft::extract::table::cell_rows;
use crate::draft::extract::use_cases::{advised, use_case_rows};
use crate::draft::folded::Folded;
use crate::draft::lookup::Lookup;
use crate::draft::matcher::Matcher;
use crate::draft::polarity::{label_kind, polarity};
use crate::draft::row::{INFERRED, ONE_SIDED, Row, RowDraft, Topic};
use crate::draft::subjects::{primary_subjects, verdict_sides};
use crate::draft::topics::{body_topic, main_topic};
use crate::model::{Kind, Stance};
use crate::text::english::CLAUSE_CONTRASTS;
use crate::text::english::NEITHER;
use crate::text::fold::fold_mapped;

mod aside;
mod items;
mod kinds;

/// Confidence of a comparison read from two clauses set against each other.
const CONTRAST: f32 = INFERRED;

/// What a list intro ("X offers numerous built-in features:") says about the
/// items after it.
pub struct Intro {
    pub stance: Option<Stance>,
    pub kind: Option<SectionKind>,
    /// The subject it names, when it names one only.
    pub subject: Option<usize>,
    /// "A provides these advantages over B:" (a list of pros or cons): (A, B).
    pub versus: Option<(usize, usize)>,
}

pub struct Reader<'c> {
    lookup: Lookup<'c>,
    /// The subjects the last sentences were about, for "it" and "its".
    pub focus: Vec<usize>,
    /// Subjects in the order the article first names them.
    seen: Vec<usize>,
    /// Whether each subject is in `seen`: a page may name 100,000, and a
    /// search of `seen` per mention would be quadratic.
    is_seen: Vec<bool>,
    /// The table marks the page explains, and the stance each stands for.
    pub legend: Vec<(String, Stance)>,
    rows: Vec<Row>,
    /// Pro (1) or con (-1) of the item being read, and of the one before.
    item_polarity: i32,
    last_polarity: i32,
    /// What the last verb of having named, for "…, whereas B does not".
    said: Said,
    /// The sentence being read stated its claims through its verbs: its tone
    /// adds no pro or con.
    predicated: bool,
    /// The subject of the first sentence that has one as its grammatical
    /// subject ("Every day, Zapr gets ..."): what a page without a title is about.
    pub opening: Option<usize>,
    /// The last sentences were about a thing the page names but drafts nothing
    /// of ("[Quoxel](…) is a generator. It is …"): "it" stands for that thing,
    /// and a sentence naming no subject is about none. Cleared by a heading and
    /// by a sentence opening with a subject.
    pub elsewhere: bool,
    /// The list item being read is an entry of a list of other things, led by
    /// a link to one ("- [Quoxel](…): a generator"): its sentences are read no
    /// further. Cleared by the next block.
    linked_entry: bool,
}

impl<'c> Reader<'c> {
    pub fn new(cat: &'c Catalogue, matcher: &'c Matcher) -> Reader<'c> {
        Reader {
            lookup: Lookup::new(cat, matcher),
            focus: Vec::new(),
            elsewhere: false,
            linked_entry: false,
            seen: Vec::new(),
            is_seen: vec![false; cat.subjects.len()],
            legend: Vec::new(),
            rows: Vec::new(),
            item_polarity: 0,
            last_polarity: 0,
            said: Said::default(),
            predicated: false,
            opening: None,
        }
    }

    pub fn finish(self) -> Vec<Row> {
        self.rows
    }

    /// The one subject `name` names, if it names exactly one.
    pub fn subject_named(&self, name: &str) -> Option<usize> {
        match self.lookup.subjects_named(name).as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// A subject as the article writes it, for a statement read as a sentence.
    pub fn display(&self, subject: usize) -> &str {
        self.lookup.display(subject)
    }

    /// The subject the whole of `name` names ("Zapper", not "Zapper support").
    pub fn subject_whole(&self, name: &str) -> Option<usize> {
        self.lookup.subject_whole(name)
    }

    /// What a heading says about the section under it.
    pub fn heading_context(&self, heading: &str) -> Context {
        let (folded, _) = fold_mapped(heading);
        let whole = folded.trim_matches(|c: char| !c.is_alphanumeric());
        let kind = if crate::text::english::HEADING_USERS_WHOLE.contains(whole) {
            Some(SectionKind::Company)
        } else {
            SECTION_CUES
                .iter()
                .find(|(_, cues)| cues.any_in(&folded))
                .map(|(k, _)| *k)
        };
        let subjects = self.lookup.subjects_named(heading);
        // "Advantages of A over B": the heading is about A, compared with B.
        let about = match subjects.as_slice() {
            [one] => Some(*one),
            [first, _] if AGAINST.any_in(&folded) => Some(*first),
            _ => None,
        };
        Context {
            section: heading.to_string(),
            kind,
            subject: about,
            category: self.lookup.category_named(&folded),
            ..Context::default()
        }
    }

    /// What a paragraph ending in ':' says about the list after it.
    pub fn intro(&self, text: &str) -> Intro {
        let (folded, _) = fold_mapped(text);
        let stance = INTRO_STANCES
            .iter()
            .find(|(_, cues)| cues.any_in(&folded))
            .map(|(stance, _)| *stance);
        let kind = SECTION_CUES
            .iter()
            .filter(|(k, _)| *k != SectionKind::Feature)
            .find(|(_, cues)| cues.any_in(&folded))
            .map(|(k, _)| *k);
        let subjects = self.lookup.subjects_named(text);
        // "A provides the following advantages over B:": the items are A's, each
        // an advantage over B (a drawback, for a list of cons), as the
        // paragraph's last sentence says.
        let last = crate::text::sentences::sentences(text)
            .last()
            .map_or(0, |&(from, _)| from);
        let (last_folded, map) = fold_mapped(&text[last..]);
        let versus = matches!(kind, Some(SectionKind::Pro | SectionKind::Con))
            .then(|| AGAINST.first_in(&last_folded))
            .flatten()
            .and_then(|cue| {
                let at = last + map[cue.start];
                let before = self.lookup.subjects_named(&text[last..at]);
                let after = self.lookup.subjects_named(&text[at..]);
                match (before.as_slice(), after.first()) {
                    ([a], Some(&b)) if *a != b => Some((*a, b)),
                    _ => None,
                }
            });
        Intro {
            stance,
            kind,
            subject: versus
                .map(|(a, _)| a)
                .or_else(|| (subjects.len() == 1).then(|| subjects[0])),
            versus,
        }
    }

    /// A new block (paragraph, list item) starts: its polarity is not known yet.
    pub fn start_block(&mut self) {
        self.item_polarity = 0;
        self.said = Said::default();
        self.linked_entry = false;
    }

    /// Reads sentence `s` in context `ctx` and keeps the rows it gives.
    pub fn read(&mut self, s: &Sentence, ctx: &Context) {
        if s.cell.is_none() && Self::writers_view(s) {
            return;
        }
        if s.cell.is_none() && self.read_clauses(s, ctx) {
            return;
        }
        let r = Folded::new(s, self.lookup.matcher);
        if self.aside(&r, ctx) {
            return;
        }
        if self.opening.is_none() {
            self.opening = grammatical_subject(&r);
        }
        let before = self.rows.len();
        // Who "it" and a thing-subject clause stand for: the subjects in focus
        // before this sentence, else the section's; none after a paragraph
        // about another thing. Found once, for every reading of the sentence.
        let focus: Vec<usize> = if self.elsewhere {
            Vec::new()
        } else if self.focus.is_empty() {
            ctx.subject.into_iter().collect()
        } else {
            self.focus.clone()
        };
        self.read_folded(&r, ctx, &focus);
        if s.cell.is_none() {
            let advised = advised(&self.lookup, &r, ctx);
            self.push_all(&r, ctx, advised);
        }
        // What no reading took of a sentence about a subject is a fact of it.
        let taken: Vec<&str> = self.rows[before..]
            .iter()
            .map(|row| row.subject.as_str())
            .collect();
        let stated = stated(&self.lookup, &r, ctx, &taken, &focus);
        self.push_all(&r, ctx, stated);
    }

    /// Reads `r` for its claims; `focus` is who "it" stands for (see
    /// [`Reader::read`]).
    fn read_folded(&mut self, r: &Folded, ctx: &Context, focus: &[usize]) {
        let s = r.s;
        // "* Alpha: TLS is not supported yet": an item labelled with a subject's
        // name is about it, where its text names none.
        let labelled = r
            .label()
            .and_then(|l| self.lookup.subject_whole(l))
            .filter(|_| r.subjects().all(|(_, m)| m.start < r.body));
        let in_focus: Vec<usize> = match labelled {
            Some(l) => vec![l],
            None => focus.to_vec(),
        };
        let Some((subjects, explicit)) = self.subjects_of(r, ctx) else {
            return;
        };
        let (subjects, explicit) = match labelled {
            Some(l) => (vec![l], true),
            None => (subjects, explicit),
        };
        if explicit {
            self.focus = subjects.clone();
        }
        if s.cell.is_some() {
            let rows = cell_rows(&self.lookup, r, ctx, &subjects, &self.legend);
            self.push_all(r, ctx, rows);
            return;
        }
        let kind = ctx.intro_kind.or(ctx.kind);
        let companies = company_rows(&self.lookup, r, ctx, &subjects, kind);
        if !companies.is_empty() {
            self.push_all(r, ctx, companies);
            return;
        }
        // An item of a list of who uses the subject that names no company is a
        // user's own tagline: nothing the page says of the subject.
        if kind == Some(SectionKind::Company) && r.s.listed {
            return;
        }
        let mut said = std::mem::take(&mut self.said);
        let predicated = predicates(&self.lookup, r, ctx, &in_focus, &mut said);
        self.said = said;
        let by_predicate = !predicated.is_empty();
        self.predicated = by_predicate;
        self.push_all(r, ctx, predicated);
        let compared = comparison(&self.lookup, r, &subjects, ctx, &self.seen);
        self.push_all(r, ctx, compared);
        let facts = facts(&self.lookup, r, &subjects);
        self.push_all(r, ctx, facts);
        // The verbs of its clauses said what the sentence has and lacks; the
        // catalogue's topics near a cue would only repeat it, or contradict it.
        // In prose, a stance cue is a feature of a subject only where the clause
        // holding it is about that subject (issue 21: "If a function lacks X, A
        // infers Y" is no lack of A's); list items and labels stand under their
        // subject.
        let prose = !(r.s.listed || r.s.label_len > 0 || ctx.intro_stance.is_some());
        let gated = prose && !(explicit && subject_before_cue(r, &subjects));
        let mut features = if by_predicate || gated {
            Vec::new()
        } else {
            features(&self.lookup, r, ctx)
        };
        // "Neither A nor B includes X": the negation's scope is the whole
        // sentence, so what it says they have, they lack.
        let body = r.body_folded();
        if NEITHER
            .all()
            .iter()
            .any(|w| body.strip_prefix(*w).is_some_and(|r| r.starts_with(' ')))
        {
            for f in &mut features {
                f.stance = Stance::Lacks;
            }
        }
        // An item under "A provides these advantages over B:" compares A with B;
        // what its later sentences say, their verbs said.
        if let Some((a, b)) = ctx.intro_versus
            && r.s.listed
            && let Some(k @ (SectionKind::Pro | SectionKind::Con)) = kind
        {
            if r.s.first {
                self.advantage(r, ctx, (a, b), k == SectionKind::Pro);
            }
            return;
        }
        match kind {
            Some(SectionKind::Limitation) => self.read_limitation(r, ctx, &subjects, &features),
            Some(k @ (SectionKind::ProCon | SectionKind::Pro | SectionKind::Con)) => {
                self.read_pro_con(k, r, ctx, &subjects, &features);
            }
            Some(SectionKind::UseCase) => {
                if features.iter().any(|f| f.strong) {
                    self.push_all(r, ctx, feature_rows(&self.lookup, &subjects, &features));
                }
                let rows = use_case_rows(&self.lookup, r, ctx, &subjects, true);
                self.push_all(r, ctx, rows);
            }
            _ => self.read_plain(kind, r, ctx, (&subjects, explicit), &features),
        }
    }

    /// "A is faster for X, while B suits Y": when each clause names its own
    /// subject, each is read as a sentence of its own. True when it split.
    fn read_clauses(&mut self, s: &Sentence, ctx: &Context) -> bool {
        for (list, (_, words, ends_lists)) in separator_finders().iter().zip(&CLAUSE_SEPARATORS) {
            for (separator, finder) in list {
                let Some(i) = finder.find(s.text.as_bytes()) else {
                    continue;
                };
                let sep_len = finder.needle().len();
                if i <= s.label_len {
                    continue;
                }
                let (head, tail) = (&s.text[..i], &s.text[i + sep_len..]);
                // A clause of its own only when it starts with a subject and does
                // not end a list of names ("A, B, and C are").
                if *ends_lists
                    && (head.split(' ').count() < 4
                        || !self
                            .lookup
                            .subjects_named(head.rsplit(' ').next().unwrap_or(""))
                            .is_empty())
                {
                    continue;
                }
                let first_words: String =
                    tail.split(' ').take(*words).collect::<Vec<_>>().join(" ");
                if !self.lookup.subjects_named(head).is_empty()
                    && !self.lookup.subjects_named(&first_words).is_empty()
                {
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
                    if CLAUSE_CONTRASTS.contains(separator) {
                        self.contrast(s, ctx, head, &first_words);
                    }
                    return true;
                }
            }
        }
        false
    }

    /// "A uses X, whereas B uses Y": a comparison of A with B, on what the first
    /// clause says of A; it favours no side by its words, so it is told apart
    /// only by its lower confidence.
    fn contrast(&mut self, s: &Sentence, ctx: &Context, head: &str, tail_start: &str) {
        let r = Folded::new(s, self.lookup.matcher);
        let head_len = fold_mapped(head).0.len().min(r.folded.len());
        // The first clause's grammatical subject: named at its start, or after a
        // lead phrase ("Thanks to X support, A ...").
        let lead_end = r.folded[..head_len].find(", ").map_or(0, |i| i + 2);
        let starts = |m: &&crate::draft::matcher::Mention| {
            r.folded[r.body..m.start].trim().is_empty()
                || (m.start >= lead_end && r.folded[lead_end..m.start].trim().is_empty())
        };
        let Some((a, m)) = r
            .subjects()
            .find(|(_, m)| m.end <= head_len && m.start >= r.body && starts(m))
        else {
            return;
        };
        let Some(b) = self.lookup.subjects_named(tail_start).first().copied() else {
            return;
        };
        if a == b {
            return;
        }
        let said: Vec<&str> = r
            .original(m.end, head_len)
            .trim_start_matches(['\'', '’', 's'])
            .split_whitespace()
            .take(10)
            .collect();
        if said.is_empty() {
            return;
        }
        let topic = crate::draft::topics::comparison_topic(&self.lookup, &r, ctx);
        let row = RowDraft::new(a, Kind::Comparison, topic, r.body_text(), CONTRAST)
            .with_value(said.join(" ").trim_end_matches([',', '.']).to_string())
            .with_versus(Some(self.lookup.subject_name(b).to_string()));
        self.push_all(&r, ctx, [row]);
    }

    /// The subjects the sentence is about, and whether it names them itself (not
    /// through the focus, the section or "it depends"). None when it is about none.
    fn subjects_of(&mut self, r: &Folded, ctx: &Context) -> Option<(Vec<usize>, bool)> {
        for (i, _) in r.subjects() {
            if !self.is_seen[i] {
                self.is_seen[i] = true;
                self.seen.push(i);
            }
        }
        let mut subjects = primary_subjects(r, &self.seen);
        if let Some((column, _)) = &r.s.cell {
            let named = self.lookup.column_subjects(column);
            // A column no subject heads (notes, comments): its text is about the
            // subjects it names, and about none when it names none.
            if named.is_empty() {
                return (!subjects.is_empty()).then_some((subjects, true));
            }
            subjects = named;
        }
        let explicit = !subjects.is_empty();
        if !explicit && self.elsewhere {
            return None;
        }
        if subjects.is_empty() {
            subjects = self.focus.clone();
        }
        if subjects.is_empty() {
            subjects.extend(ctx.subject);
        }
        // "It depends on ...": a verdict about the sides the heading or the article
        // compares, even when the sentence names none of them.
        if subjects.is_empty() && DEPENDS.any_in(&r.folded) {
            subjects.extend(verdict_sides(&self.lookup, ctx, &self.seen).first());
        }
        (!subjects.is_empty()).then_some((subjects, explicit))
    }

    /// A sentence anywhere else: a feature of a list its intro or heading says
    /// are features, else features, use cases, what the subject is, and a pro or
    /// con when the sentence plainly speaks well or ill.
    fn read_plain(
        &mut self,
        kind: Option<SectionKind>,
        r: &Folded,
        ctx: &Context,
        (subjects, explicit): (&[usize], bool),
        features: &[Feature],
    ) {
        let strong = features.iter().any(|f| f.strong);
        if (!explicit || r.s.label_len > 0)
            && let Some(rows) = self.feature_item(kind, r, ctx, subjects, features)
        {
            self.push_all(r, ctx, rows);
            return;
        }
        if let Some(stance) = self.listed_feature_stance(kind, r, ctx, features) {
            if let Some(topic) = main_topic(&self.lookup, r, ctx, Kind::Feature) {
                let rows: Vec<RowDraft> = subjects
                    .iter()
                    .map(|&subject| feature_row(&self.lookup, subject, &topic, stance, 0.7))
                    .collect();
                self.push_all(r, ctx, rows);
            }
            if strong {
                self.push_all(r, ctx, feature_rows(&self.lookup, subjects, features));
            }
            return;
        }
        if strong {
            self.push_all(r, ctx, feature_rows(&self.lookup, subjects, features));
        }
        let used = use_case_rows(&self.lookup, r, ctx, subjects, false);
        let any_used = !used.is_empty();
        self.push_all(r, ctx, used);
        if any_used && !(r.s.label_len > 0 && r.s.first) {
            return;
        }
        self.push_all(r, ctx, is_a(r, subjects));
        let pro_or_con = |p: i32| if p < 0 { Kind::Con } else { Kind::Pro };
        if r.s.listed && !r.s.first && self.item_polarity != 0 && !strong {
            if let Some(topic) = body_topic(r) {
                let kind = pro_or_con(self.item_polarity);
                self.push_each(r, ctx, subjects, kind, Topic::Known(topic), 0.4);
            }
        } else if r.s.label_len > 0 && r.s.first && r.s.listed {
            let p = polarity(&r.folded);
            self.item_polarity = if p < 0 { -1 } else { 1 };
            if let Some(topic) = main_topic(&self.lookup, r, ctx, pro_or_con(p)) {
                self.push_each(r, ctx, subjects, pro_or_con(p), topic, ONE_SIDED);
            }
        } else if !strong && explicit && !self.predicated {
            let p = polarity(r.body_folded());
            if p.abs() >= 1
                && !r.s.text.ends_with('?')
                && let Some(topic) = body_topic(r)
            {
                self.push_each(r, ctx, subjects, pro_or_con(p), Topic::Known(topic), 0.4);
            }
        }
    }

    /// One row of `kind` on `topic` for each subject, stating the sentence's body:
    /// the shape of most pros, cons and use cases.
    fn push_each(
        &mut self,
        r: &Folded,
        ctx: &Context,
        subjects: &[usize],
        kind: Kind,
        topic: Topic,
        confidence: f32,
    ) {
        let rows: Vec<RowDraft> = subjects
            .iter()
            .map(|&subject| RowDraft::new(subject, kind, topic.clone(), r.body_text(), confidence))
            .collect();
        self.push_all(r, ctx, rows);
    }

    /// Keeps `drafts` as rows citing the sentence of `r` under `ctx`'s heading.
    fn push_all(&mut self, r: &Folded, ctx: &Context, drafts: impl IntoIterator<Item = RowDraft>) {
        for d in drafts {
            self.rows
                .push(d.into_row(self.lookup.cat, r.s, &ctx.section));
        }
    }
}

/// The subject a sentence names as its grammatical subject: first, or after a
/// lead of a few words and a comma ("Every day, Zapr ...").
fn grammatical_subject(r: &Folded) -> Option<usize> {
    let (subject, m) = r.subjects().find(|(_, m)| m.start >= r.body)?;
    let lead = r.folded[r.body..m.start].trim();
    let led = lead.ends_with(',') && lead.split_whitespace().count() <= 4;
    (lead.is_empty() || led).then_some(subject)
}

/// True when one of `subjects` is named before the sentence's first stance cue, in
/// the same clause: the cue is the verb of a clause about it.
fn subject_before_cue(r: &Folded, subjects: &[usize]) -> bool {
    let Some(cue) = crate::draft::cues::FEATURE_STANCES
        .iter()
        .filter(|c| c.strong)
        .filter_map(|c| c.cues.first_in(r.body_folded()))
        .map(|f| f.start + r.body)
        .min()
    else {
        return false;
    };
    let (clause_start, _) = r.clause(cue);
    // The cue is the subject's verb, a few words after its name ("A natively
    // supports"), not a word of a longer phrase about it ("A's maintainers have
    // made the decision not to ship X").
    r.subjects().any(|(i, m)| {
        subjects.contains(&i)
            && m.start >= clause_start
            && m.end <= cue
            && r.folded[m.end..cue].split_whitespace().count() <= 4
            && !r.folded[m.end..cue].starts_with("'s")
    })
}
