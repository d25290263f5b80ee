//! The vocabulary of claims: kinds and stances, as stored and as typed.

use std::fmt;
use std::str::FromStr;

/// What sort of statement a claim is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// Something the subject has, lacks or gets through extensions (carries a stance)
    Feature,
    /// A company that uses the subject (carries the company name as its value)
    Company,
    /// A listed limitation
    Limitation,
    /// A listed advantage
    Pro,
    /// A listed disadvantage
    Con,
    /// Something the subject suits
    UseCase,
    /// A fact with a value: creator, year, licence, what it is based on, architecture
    Fact,
    /// A verdict between two subjects: the subject favoured, `versus` the other one
    Comparison,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Feature,
        Kind::Company,
        Kind::Limitation,
        Kind::Pro,
        Kind::Con,
        Kind::UseCase,
        Kind::Fact,
        Kind::Comparison,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Feature => "feature",
            Kind::Company => "company",
            Kind::Limitation => "limitation",
            Kind::Pro => "pro",
            Kind::Con => "con",
            Kind::UseCase => "use-case",
            Kind::Fact => "fact",
            Kind::Comparison => "comparison",
        }
    }

    /// Kinds whose claims must name something in `value`.
    pub fn needs_value(self) -> bool {
        matches!(self, Kind::Company | Kind::Fact)
    }
}

/// A claim's position on its topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Stance {
    /// Ships with the subject
    Builtin,
    /// Available through extensions or manual integration
    Extension,
    /// Present only in a limited form
    Limited,
    /// Claimed to be missing
    Lacks,
    /// Comparisons only: an "it depends" verdict that favours neither side
    Depends,
}

impl Stance {
    pub const ALL: [Stance; 5] = [
        Stance::Builtin,
        Stance::Extension,
        Stance::Limited,
        Stance::Lacks,
        Stance::Depends,
    ];

    /// The stances a feature can take (every one but `depends`).
    pub const FEATURE: [Stance; 4] = [
        Stance::Builtin,
        Stance::Extension,
        Stance::Limited,
        Stance::Lacks,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Builtin => "builtin",
            Stance::Extension => "extension",
            Stance::Limited => "limited",
            Stance::Lacks => "lacks",
            Stance::Depends => "depends",
        }
    }
}

fn parse_one_of<T: Copy>(s: &str, all: &[T], name: fn(T) -> &'static str) -> Result<T, String> {
    all.iter().copied().find(|v| name(*v) == s).ok_or_else(|| {
        let names: Vec<&str> = all.iter().map(|v| name(*v)).collect();
        format!("'{s}' is not one of {}", names.join(", "))
    })
}

impl FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Kind, String> {
        parse_one_of(s, &Kind::ALL, Kind::as_str)
    }
}

impl FromStr for Stance {
    type Err = String;
    fn from_str(s: &str) -> Result<Stance, String> {
        parse_one_of(s, &Stance::ALL, Stance::as_str)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `which has` or `which lacks`: what a question asks of a topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Polarity {
    Has,
    Lacks,
}

/// The canned reports analysts export (`claimdb report NAME`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    FeatureMatrix,
    Companies,
    Limitations,
    ProsCons,
    UseCases,
    Comparisons,
    Conflicts,
    Sources,
}

impl Report {
    pub const ALL: [Report; 8] = [
        Report::FeatureMatrix,
        Report::Companies,
        Report::Limitations,
        Report::ProsCons,
        Report::UseCases,
        Report::Comparisons,
        Report::Conflicts,
        Report::Sources,
    ];

    /// The name typed on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Report::FeatureMatrix => "feature-matrix",
            Report::Companies => "companies",
            Report::Limitations => "limitations",
            Report::ProsCons => "pros-cons",
            Report::UseCases => "use-cases",
            Report::Comparisons => "comparisons",
            Report::Conflicts => "conflicts",
            Report::Sources => "sources",
        }
    }

    /// What the report holds: its line in `claimdb report` and in `--help`.
    pub fn description(self) -> &'static str {
        match self {
            Report::FeatureMatrix => {
                "Topic x subject: each subject's stances on each feature, with citations"
            }
            Report::Companies => "Every company named as using a subject, with what for",
            Report::Limitations => "Every listed limitation",
            Report::ProsCons => "Every pro and con, listed or not",
            Report::UseCases => "What each subject suits",
            Report::Comparisons => {
                "Verdicts between subjects: which one the articles favour, on what, or that it depends"
            }
            Report::Conflicts => "Pairs of claims in tension",
            Report::Sources => "The articles, with claim counts",
        }
    }
}

/// Written by hand so that the names and descriptions above are the only copy:
/// the command line and the report listing read the same text.
impl clap::ValueEnum for Report {
    fn value_variants<'a>() -> &'a [Self] {
        &Report::ALL
    }
    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name()).help(self.description()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_the_schema() {
        let schema = include_str!("../migrations/0003_checks_without_in_lists.sql");
        for kind in Kind::ALL {
            assert_eq!(kind.as_str().parse::<Kind>(), Ok(kind));
            assert!(
                schema.contains(&format!("'{kind}'")),
                "{kind} not in schema"
            );
        }
        for stance in Stance::ALL {
            assert_eq!(stance.as_str().parse::<Stance>(), Ok(stance));
            assert!(
                schema.contains(&format!("'{stance}'")),
                "{stance} not in schema"
            );
        }
        assert!("Feature".parse::<Kind>().is_err());
    }
}
