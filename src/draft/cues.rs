//! The English cue words `draft` reads sentences with. Only ordinary English lives
//! here: every subject, topic, category and company name comes from the catalogue
//! or the article itself.

use crate::draft::SectionKind;

/// Heading words that set the kind of what stands under the heading, most specific
/// first.
pub const SECTION_CUES: [(SectionKind, &[&str]); 8] = [
    (
        SectionKind::ProCon,
        &[
            "pros and cons",
            "advantages and disadvantages",
            "strengths and weaknesses",
            "benefits and drawbacks",
            "pros cons",
        ],
    ),
    (
        SectionKind::Company,
        &[
            "companies",
            "company",
            "who uses",
            "who use",
            "used by",
            "customers",
            "organizations using",
            "organisations using",
            "adopters",
            "in production at",
        ],
    ),
    (
        SectionKind::Limitation,
        &[
            "limitations",
            "limitation",
            "drawbacks",
            "challenges",
            "shortcomings",
            "caveats",
            "weaknesses",
            "pitfalls",
        ],
    ),
    (
        SectionKind::Con,
        &[
            "cons",
            "disadvantages",
            "downsides",
            "criticism",
            "criticisms",
        ],
    ),
    (
        SectionKind::Pro,
        &[
            "pros",
            "advantages",
            "benefits",
            "strengths",
            "why use",
            "why choose",
        ],
    ),
    (
        SectionKind::UseCase,
        &[
            "use cases",
            "use case",
            "when to use",
            "when to choose",
            "best for",
            "ideal for",
            "good fit",
        ],
    ),
    (
        SectionKind::Faq,
        &["faq", "faqs", "frequently asked", "questions"],
    ),
    (
        SectionKind::Feature,
        &[
            "features",
            "feature",
            "built in",
            "components",
            "capabilities",
        ],
    ),
];

/// Headings whose labelled items are features ("Key Features of X"), where a
/// "Built-in Components and Extensibility" heading may hold pros and cons.
pub const FEATURE_HEADINGS: &[&str] = &["features", "feature", "capabilities"];

/// Stance cues, most specific first. Strong cues alone make a sentence a feature
/// claim; weak ones ("offers", "includes") only set the stance of topics after them.
pub const LACKS: &[&str] = &[
    "does not come with",
    "doesn't come with",
    "do not come with",
    "don't come with",
    "does not include",
    "doesn't include",
    "does not ship",
    "doesn't ship",
    "does not have",
    "doesn't have",
    "does not provide",
    "doesn't provide",
    "does not offer",
    "doesn't offer",
    "does not support",
    "doesn't support",
    "no built in",
    "no native",
    "not built in",
    "without built in",
    "lacks",
    "lack of",
    "lacking",
    "missing",
    "not included",
    "not supported",
];

pub const LIMITED: &[&str] = &[
    "limited",
    "historically",
    "partial",
    "partially",
    "lagged",
    "lags",
    "basic support",
    "experimental",
    "not mature",
];

pub const EXTENSION: &[&str] = &[
    "through extensions",
    "via extensions",
    "with extensions",
    "extensions available",
    "extensions are available",
    "extension",
    "extensions",
    "plugin",
    "plugins",
    "plug in",
    "plug ins",
    "third party",
    "add on",
    "add ons",
    "manual addition",
    "manually",
    "integrated separately",
    "integrate",
    "integrating",
    "external libraries",
    "external library",
];

pub const BUILTIN: &[&str] = &[
    "built in",
    "builtin",
    "out of the box",
    "ships with",
    "ship with",
    "shipped with",
    "natively with",
    "natively",
    "native",
    "batteries included",
    "first class",
    "comes with",
    "come with",
    "includes",
    "include",
    "including",
    "you get",
];

pub const WEAK_BUILTIN: &[&str] = &[
    "offers",
    "offer",
    "provides",
    "provide",
    "has",
    "supports",
    "support for",
];

/// Words that make a sentence about which subject uses something.
pub const COMPANY_CONTEXT: &[&str] = &[
    "companies",
    "company",
    "organizations",
    "organisations",
    "websites",
    "businesses",
    "enterprises",
    "used by",
    "use",
    "uses",
    "using",
    "employ",
    "employs",
    "utilize",
    "utilizes",
    "rely on",
    "relies on",
    "adopted",
    "trusted by",
    "runs on",
    "run on",
    "customers",
    "powered by",
    "in production",
];

/// Words after which a list of company names starts.
pub const COMPANY_LIST: &[&str] = &[
    "such as",
    "like",
    "including",
    "used by",
    "e.g",
    "for example",
    "trusted by",
    "powered by",
    "include",
];

/// Verbs that follow a company at the start of "Acme uses X".
pub const USE_VERBS: &[&str] = &[
    "use",
    "uses",
    "used",
    "employ",
    "employs",
    "utilize",
    "utilizes",
    "rely on",
    "relies on",
    "run",
    "runs",
    "adopted",
    "chose",
    "built",
];

pub const USE_CASE: &[&str] = &[
    "ideal for",
    "well suited",
    "suited for",
    "suited to",
    "suitable for",
    "good choice for",
    "excellent choice for",
    "great choice for",
    "better choice for",
    "popular choice for",
    "go to choice",
    "often chosen for",
    "chosen for",
    "tailored for",
    "good for",
    "great for",
    "perfect for",
    "best for",
    "strong candidate for",
    "a good fit for",
    "designed for",
    "meant for",
    "recommended for",
    "is used for",
    "can be used for",
    "beneficial for",
    "advantageous for",
    "ideal choice",
    "excellent choice",
    "good choice",
    "suitable if",
    "go to",
];

/// Words that speak well or ill of what they describe.
pub const POSITIVE: &[&str] = &[
    "easy",
    "easier",
    "easily",
    "simple",
    "simplicity",
    "flexible",
    "flexibility",
    "freedom",
    "fast",
    "faster",
    "quick",
    "quickly",
    "efficient",
    "efficiently",
    "scalable",
    "secure",
    "robust",
    "powerful",
    "mature",
    "strong",
    "active",
    "large",
    "excellent",
    "ideal",
    "good",
    "great",
    "better",
    "best",
    "lightweight",
    "versatile",
    "versatility",
    "extensible",
    "extensibility",
    "rapid",
    "rapidly",
    "reliable",
    "reliability",
    "stability",
    "productive",
    "productivity",
    "customizable",
    "customization",
    "friendly",
    "gentle",
    "gentler",
    "advantage",
    "advantageous",
    "beneficial",
    "strength",
    "strengths",
    "highly",
    "comprehensive",
    "seamlessly",
    "proven",
    "adept",
    "accelerate",
    "speed up",
    "saves time",
    "less time",
    "less overhead",
    "reduced need",
    "high performance",
];

pub const NEGATIVE: &[&str] = &[
    "limited",
    "limiting",
    "limitation",
    "limitations",
    "lack",
    "lacks",
    "lagged",
    "overhead",
    "overheads",
    "steep",
    "steeper",
    "overwhelming",
    "cumbersome",
    "inefficient",
    "not",
    "n't",
    "issues",
    "problem",
    "problems",
    "challenging",
    "difficult",
    "harder",
    "hard",
    "slow",
    "slower",
    "overkill",
    "reliant",
    "heavily",
    "drawback",
    "less control",
    "less flexible",
    "less ideal",
    "fewer",
    "smaller community",
    "additional effort",
    "more effort",
    "more work",
    "more time",
    "requires time",
    "required",
    "too",
    "downside",
    "weakness",
    "costly",
    "complex",
    "limits",
    "confines",
    "requires a good understanding",
];

/// Comparative forms that make a sentence a comparison even without "than".
pub const COMPARATIVES: &[&str] = &[
    "easier", "harder", "faster", "slower", "simpler", "better", "worse", "lighter", "heavier",
    "steeper", "gentler", "stronger", "weaker", "safer", "cheaper", "quicker", "greater", "higher",
    "lower", "richer", "smaller", "larger", "bigger", "more", "less", "fewer",
];

/// Comparatives that speak against the subject they describe.
pub const NEGATIVE_COMPARATIVES: &[&str] = &[
    "harder", "slower", "worse", "heavier", "steeper", "weaker", "less", "fewer",
];

/// "Unlike X, Y ...": the other side comes first.
pub const CONTRASTS: &[&str] = &["unlike", "in contrast to", "contrary to", "as opposed to"];

/// Markers before the side a comparison is made against.
pub const AGAINST: &[&str] = &[
    "than",
    "compared to",
    "compared with",
    "unlike",
    "like",
    "similar to",
    "over",
    "versus",
    "vs",
    "in contrast to",
    "as opposed to",
];

/// An explicit "it depends" verdict.
pub const DEPENDS: &[&str] = &[
    "one size fits all",
    "it depends",
    "depends on",
    "no clear winner",
    "neither is better",
];

/// Words between coordinated subjects ("A, B and C").
pub const COORDINATORS: &[&str] = &["and", "or", "&", "as well as"];

/// Words that refer to every subject at once.
pub const BOTH: &[&str] = &["both", "all three", "the two", "each of them"];

/// Verbs of making, before the names of who made something.
pub const MADE_BY: &[&str] = &[
    "created by",
    "developed by",
    "written by",
    "founded by",
    "designed by",
    "invented by",
    "built by",
    "maintained by",
    "started by",
];

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
