//! Words a page sets as code (`zapper`) or as a link's text ([zapper]).

/// The longest span [`coded_spans`] keeps.
pub const CODED_LEN: usize = 64;

/// Every text of at most [`CODED_LEN`] bytes that `source` writes between two
/// backticks or between `[` and `]` with neither inside: a word without those
/// marks is one of them exactly when [`in_code`] finds it.
pub fn coded_spans(source: &str) -> foldhash::HashSet<String> {
    let mut spans = foldhash::HashSet::default();
    let mut keep = |from: usize, to: usize| {
        if to - from <= CODED_LEN {
            spans.insert(source[from..to].to_string());
        }
    };
    let ticks: Vec<usize> = memchr::memchr_iter(b'`', source.as_bytes()).collect();
    for pair in ticks.windows(2) {
        keep(pair[0] + 1, pair[1]);
    }
    let mut open = None;
    for at in memchr::memchr2_iter(b'[', b']', source.as_bytes()) {
        if source.as_bytes()[at] == b'[' {
            open = Some(at);
        } else if let Some(from) = open.take() {
            keep(from + 1, at);
        }
    }
    spans
}

/// True when the page sets `word` as code or as a link's text: "`zapper`",
/// "[zapper]".
pub fn in_code(source: &str, word: &str) -> bool {
    let found =
        |needle: String| memchr::memmem::find(source.as_bytes(), needle.as_bytes()).is_some();
    found(format!("`{word}`")) || found(format!("[{word}]"))
}
