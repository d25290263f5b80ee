//! The readings of list items and status paragraphs: an item of a feature list,
//! a labelled item under a list intro, an item of one subject's advantages over
//! another, and a status mark's row.

use super::Reader;
use crate::draft::context::{Context, SectionKind, Sentence};
use crate::draft::cues::{BUILTIN, CELL_STANCES, HEADING_FEATURE_LIST, LIMITED};
use crate::draft::extract::features::{Feature, feature_row};
use crate::draft::extract::table::label_topic;
use crate::draft::folded::Folded;
use crate::draft::row::{CUED, IN_FOCUS, NAMED_ITEM, RowDraft};
use crate::model::{Kind, Stance};
use crate::text::english::{
    LIST_STOPS, PREDICATE_DETERMINERS, PREDICATE_FIRST_PERSON, PREDICATE_PRONOUNS,
};
use crate::text::fold::fold_mapped;

impl Reader<'_> {
    /// A row of a table the page marks one subject ahead on ("**86 MB/s**"):
    /// `sides` (the ahead one first) compared on the row's `label`.
    pub fn table_winner(
        &mut self,
        s: &Sentence,
        ctx: &Context,
        sides: (&str, &str),
        label: &str,
        value: &str,
    ) {
        let (Some(ahead), Some(behind)) =
            (self.subject_whole(sides.0), self.subject_whole(sides.1))
        else {
            return;
        };
        let Some(topic) = label_topic(&self.lookup, label, ctx) else {
            return;
        };
        let r = Folded::new(s, self.lookup.matcher);
        let statement = format!(
            "{} is ahead of {} on {} ({value}).",
            self.lookup.subject_name(ahead),
            self.lookup.subject_name(behind),
            label.trim()
        );
        let row = RowDraft::new(ahead, Kind::Comparison, topic, statement, CUED)
            .with_value(value.to_string())
            .with_versus(Some(self.lookup.subject_name(behind).to_string()));
        self.push_all(&r, ctx, [row]);
    }

    /// A status mark's row: `subject` has the thing `label` names as `stance`
    /// says, citing sentence `s`.
    pub fn status(
        &mut self,
        s: &Sentence,
        ctx: &Context,
        subject: usize,
        label: &str,
        stance: Stance,
    ) {
        let r = Folded::new(s, self.lookup.matcher);
        let Some(topic) = label_topic(&self.lookup, label, ctx) else {
            return;
        };
        let row = feature_row(&self.lookup, subject, &topic, stance, CUED);
        self.push_all(&r, ctx, [row]);
    }

    /// The first sentence of an item of A's advantages over B (`better`) or its
    /// drawbacks: a comparison of A with B, on the thing the item names.
    pub(super) fn advantage(
        &mut self,
        r: &Folded,
        ctx: &Context,
        (a, b): (usize, usize),
        better: bool,
    ) {
        let topic = item_name(r.body_text())
            .and_then(|name| label_topic(&self.lookup, &name, ctx))
            .unwrap_or_else(|| crate::draft::topics::comparison_topic(&self.lookup, r, ctx));
        let value = if better { "better" } else { "worse" };
        let row = RowDraft::new(a, Kind::Comparison, topic, r.body_text(), CUED)
            .with_value(value.to_string())
            .with_versus(Some(self.lookup.subject_name(b).to_string()));
        self.push_all(r, ctx, [row]);
    }

    /// An item of a "Features" list that names no subject ("- **Automatic HTTPS**
    /// by default"), or a labelled one ("- **Logging:** ..."): a feature of the
    /// section's subject, its topic the item's label or bold lead, built in unless
    /// the item says it lacks, limits or extends it.
    pub(super) fn feature_item(
        &self,
        kind: Option<SectionKind>,
        r: &Folded,
        ctx: &Context,
        subjects: &[usize],
        features: &[Feature],
    ) -> Option<Vec<RowDraft>> {
        let under_features = kind == Some(SectionKind::Feature)
            && HEADING_FEATURE_LIST.any_in(&fold_mapped(&ctx.section).0);
        if !under_features || !r.s.listed || !r.s.first {
            return None;
        }
        // The list is the heading's (or the page's) subject's, whatever an item
        // before it named in passing ("Written in Tide, ...").
        let own: Vec<usize> = ctx.subject.into_iter().collect();
        let subjects = if own.is_empty() { subjects } else { &own[..] };
        let lead = r.s.quote.trim_start_matches([' ', '\t', '[']);
        // The item's bold lead names the feature; an item without one ("Multi-
        // issuer fallback") by its words up to what qualifies them.
        // A labelled item ("**Logging:** ...") by its label.
        let (label, confidence) = match (r.label(), lead.strip_prefix("**")) {
            (Some(label), _) => (label.to_string(), IN_FOCUS),
            (None, Some(bold)) => (bold[..bold.find("**")?].to_string(), IN_FOCUS),
            (None, None) => (item_name(r.s.text)?, NAMED_ITEM),
        };
        let topic = label_topic(&self.lookup, &label, ctx)?;
        let body = r.body_folded();
        let stance = features
            .iter()
            .find(|f| {
                matches!(
                    f.stance,
                    Stance::Lacks | Stance::Limited | Stance::Extension
                )
            })
            .map(|f| f.stance)
            .or_else(|| {
                CELL_STANCES
                    .iter()
                    .find(|(s, cues)| *s != Stance::Builtin && cues.any_in(body))
                    .map(|(s, _)| *s)
            })
            // "Alpha offers the following extensions:": the intro's stance, else
            // built in.
            .unwrap_or(ctx.intro_stance.unwrap_or(Stance::Builtin));
        Some(
            subjects
                .iter()
                .map(|&subject| feature_row(&self.lookup, subject, &topic, stance, confidence))
                .collect(),
        )
    }

    /// The stance of a labelled list item that its list intro says is a feature
    /// ("X offers:"), or that stands under a "Key Features" heading and says
    /// "built-in"; the item's own lacking, limited or extension cue wins.
    pub(super) fn listed_feature_stance(
        &self,
        kind: Option<SectionKind>,
        r: &Folded,
        ctx: &Context,
        features: &[Feature],
    ) -> Option<Stance> {
        let body_stance = features
            .iter()
            .find(|f| {
                f.strong
                    && matches!(
                        f.stance,
                        Stance::Lacks | Stance::Limited | Stance::Extension
                    )
            })
            .map(|f| f.stance)
            .or_else(|| LIMITED.any_in(r.body_folded()).then_some(Stance::Limited));
        let section_stance = (kind == Some(SectionKind::Feature)
            && HEADING_FEATURE_LIST.any_in(&fold_mapped(&ctx.section).0)
            && BUILTIN.any_in(r.body_folded()))
        .then_some(Stance::Builtin);
        ctx.intro_stance
            .or(section_stance)
            .filter(|_| r.s.listed && r.s.label_len > 0)
            .map(|intro| body_stance.unwrap_or(intro))
    }
}

/// The name a feature list's item gives its feature: its words up to the first
/// that qualifies them ("Encrypted ClientHello (ECH) support" gives "Encrypted
/// ClientHello"), the first four of a longer phrase ("automatic loading of
/// entries into the cache"); none for an item that reads as a sentence ("It
/// ...", "We ...").
fn item_name(text: &str) -> Option<String> {
    let end = text
        .find(['(', ',', ';', ':', '.', '–', '—'])
        .unwrap_or(text.len());
    let mut words = Vec::new();
    for w in text[..end].split_whitespace() {
        let lower = w.to_lowercase();
        if LIST_STOPS.contains(&lower) {
            break;
        }
        if words.is_empty() && PREDICATE_DETERMINERS.contains(&lower) {
            continue;
        }
        if words.is_empty()
            && (PREDICATE_PRONOUNS.contains(&lower) || PREDICATE_FIRST_PERSON.contains(&lower))
        {
            return None;
        }
        words.push(w);
    }
    words.truncate(4);
    (!words.is_empty()).then(|| words.join(" "))
}
