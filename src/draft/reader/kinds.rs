//! The readings of a sentence under a section of one kind: a limitation, a pro or
//! a con (a list of pros, of cons, or of both).

use super::*;

impl Reader<'_> {
    /// A sentence under a "Limitations" heading: one limitation per feature it
    /// says is lacking, or one for its topic.
    pub(super) fn read_limitation(
        &mut self,
        r: &Folded,
        ctx: &Context,
        subjects: &[usize],
        features: &[Feature],
    ) {
        let topic = main_topic(&self.lookup, r, ctx, Kind::Limitation);
        let stance = features
            .iter()
            .find(|f| matches!(f.stance, Stance::Lacks | Stance::Limited))
            .map(|f| f.stance)
            .or_else(|| LIMITED.any_in(r.body_folded()).then_some(Stance::Limited));
        let lacking: Vec<&Feature> = features
            .iter()
            .filter(|f| f.stance == Stance::Lacks)
            .collect();
        let mut rows = Vec::new();
        if lacking.len() > 1 {
            for f in lacking {
                for &subject in subjects {
                    rows.push(
                        RowDraft::new(
                            subject,
                            Kind::Limitation,
                            f.topic.clone(),
                            r.body_text(),
                            0.7,
                        )
                        .with_stance(Some(Stance::Lacks)),
                    );
                }
            }
        } else if let Some(topic) = topic
            && (r.s.first || r.s.label_len > 0 || r.s.listed)
        {
            for &subject in subjects {
                rows.push(
                    RowDraft::new(subject, Kind::Limitation, topic.clone(), r.body_text(), 0.8)
                        .with_stance(stance),
                );
            }
        }
        self.push_all(r, ctx, rows);
    }

    /// A sentence in a list of pros, cons, or both: the item's first sentence sets
    /// whether it is a pro or a con, the others follow it.
    pub(super) fn read_pro_con(
        &mut self,
        section: SectionKind,
        r: &Folded,
        ctx: &Context,
        subjects: &[usize],
        features: &[Feature],
    ) {
        let strong = features.iter().any(|f| f.strong);
        if strong && !r.s.first {
            self.push_all(r, ctx, feature_rows(&self.lookup, subjects, features));
            return;
        }
        let polarity = if r.s.first {
            let p = self.item_polarity(section, r);
            self.item_polarity = p;
            self.last_polarity = p;
            p
        } else {
            self.item_polarity
        };
        if polarity == 0 {
            return;
        }
        let kind = if polarity > 0 { Kind::Pro } else { Kind::Con };
        if r.s.first
            && let Some(topic) = main_topic(&self.lookup, r, ctx, kind)
        {
            self.push_all(r, ctx, compared_sides(r, subjects, polarity, &topic));
        }
        let used = use_case_rows(&self.lookup, r, ctx, subjects, false);
        self.push_all(r, ctx, used);
        if let Some(topic) = main_topic(&self.lookup, r, ctx, kind) {
            let confidence = if r.s.first { 0.7 } else { ONE_SIDED };
            self.push_each(r, ctx, subjects, kind, topic, confidence);
        }
        if strong {
            self.push_all(r, ctx, feature_rows(&self.lookup, subjects, features));
        }
    }

    /// Whether the item a first sentence starts is a pro (1) or a con (-1): the
    /// section's kind, else its label's, else its words', else the item before.
    pub(super) fn item_polarity(&self, section: SectionKind, r: &Folded) -> i32 {
        match section {
            SectionKind::Pro => 1,
            SectionKind::Con => -1,
            _ => {
                let label = r.label().map_or(0, |l| {
                    let folded = fold_mapped(l).0;
                    label_kind(&folded).unwrap_or_else(|| polarity(&folded))
                });
                let whole = polarity(&r.folded);
                match (label.signum(), whole.signum()) {
                    (0, 0) if self.last_polarity == 0 => 1,
                    (0, 0) => self.last_polarity,
                    (0, w) => w,
                    (l, _) => l,
                }
            }
        }
    }
}
