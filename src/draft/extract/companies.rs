//! Company claims: who uses a subject, from a labelled item of a "companies"
//! section or the names after "such as" / "used by", or before "use X".

use crate::draft::context::{Context, SectionKind};
use crate::draft::cues::{COMPANY_CONTEXT, COMPANY_LIST, COMPANY_NAMED, USE_VERBS};
use crate::draft::folded::Folded;
use crate::draft::lookup::Lookup;
use crate::draft::proper_names::{is_name, names_at};
use crate::draft::row::{ONE_SIDED, RowDraft, STATED, Topic};
use crate::draft::topics::{COMPANIES, USE_CASES};
use crate::model::Kind;
use crate::text::english::{LIST_JOINERS, TOPIC_COMPANIES};

/// A company row for each company the sentence names and each subject: "Acme uses
/// X.". Empty when it names none.
pub fn company_rows(
    lookup: &Lookup,
    r: &Folded,
    ctx: &Context,
    subjects: &[usize],
    kind: Option<SectionKind>,
) -> Vec<RowDraft> {
    let companies = companies(lookup, r, kind);
    if companies.is_empty() {
        return Vec::new();
    }
    let topic = lookup.topic_by_cues(&TOPIC_COMPANIES).map_or_else(
        || Topic::New(COMPANIES.to_string(), lookup.category_for(USE_CASES, ctx)),
        Topic::Known,
    );
    // A "Companies using X" section's items are the page's own list of them;
    // names after "such as" in a sentence may be anything named (services,
    // formats), so they are less sure.
    let confidence = if kind == Some(SectionKind::Company) {
        STATED
    } else {
        ONE_SIDED
    };
    let mut out = Vec::new();
    for company in &companies {
        for &subject in subjects {
            let statement = format!("{company} uses {}.", lookup.display(subject));
            out.push(
                RowDraft::new(subject, Kind::Company, topic.clone(), statement, confidence)
                    .with_value(company.clone()),
            );
        }
    }
    out
}

/// Company names: a labelled item of a "companies" section, or the names listed
/// after "such as" / "used by" in a sentence about who uses a subject.
fn companies(lookup: &Lookup, r: &Folded, kind: Option<SectionKind>) -> Vec<String> {
    if kind == Some(SectionKind::Company) {
        if let Some(label) = r.label()
            && r.s.first
            && is_name(label)
            && !lookup.knows(label)
        {
            return vec![label.to_string()];
        }
        let bare = r.s.text.trim_end_matches(['.', ',', ';']);
        if r.s.listed && r.s.first && is_name(bare) && !lookup.knows(bare) {
            return vec![bare.to_string()];
        }
        // "Zapper - a fast file mover": the name before its tagline.
        if r.s.listed
            && r.s.first
            && let Some((name, _)) = [" - ", " – ", " — ", ": "]
                .iter()
                .find_map(|sep| r.s.text.split_once(sep))
            && is_name(name.trim())
            && !lookup.knows(name.trim())
        {
            return vec![name.trim().to_string()];
        }
    }
    let mut out = Vec::new();
    let context = if kind == Some(SectionKind::Company) {
        &COMPANY_CONTEXT
    } else {
        &COMPANY_NAMED
    };
    if !context.any_in(&r.folded) {
        return out;
    }
    for f in COMPANY_LIST.all_in(&r.folded) {
        for name in names_at(r.original_from(f.end)) {
            if !lookup.knows(&name) && !out.contains(&name) {
                out.push(name);
            }
        }
    }
    if out.is_empty() {
        out = names_before_use(lookup, r);
    }
    out
}

/// "Acme, Foo and Bar use X": the names before a verb of using, when they are all
/// that stands there and a subject follows.
fn names_before_use(lookup: &Lookup, r: &Folded) -> Vec<String> {
    let Some(verb) = USE_VERBS.first_in(r.body_folded()) else {
        return Vec::new();
    };
    let at = verb.start + r.body;
    if !r.subjects().any(|(_, m)| m.start > at) {
        return Vec::new();
    }
    let prefix = r.original(r.body, at);
    let names = names_at(prefix);
    let mut left = prefix.to_string();
    for n in &names {
        left = left.replacen(n.as_str(), "", 1);
    }
    for joiner in LIST_JOINERS.all() {
        left = left.replace(&format!(" {joiner} "), " ");
    }
    if names.is_empty() || left.chars().any(char::is_alphanumeric) {
        return Vec::new();
    }
    names.into_iter().filter(|n| !lookup.knows(n)).collect()
}
