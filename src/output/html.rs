//! `--format html`: one self-contained page (inline CSS, no script, no network) with
//! each result set as a table. Stances and answers are coloured; cells that carry
//! citations (`Cell::Marks`, the feature matrix) show each stance as a coloured label
//! with its citation and quote. Every piece of text from the data is escaped, and
//! control characters are shown as `\xNN` rather than passed through.

use std::io::{self, Write};

use crate::rows::{Cell, Mark};

/// Colours shared by the labels, the matrix cells and the legend.
const CSS: &str = "\
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0}
body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--fg);margin:1.5rem;background:#fff}
h1{font-size:1.25rem;margin:0 0 .75rem}
table{border-collapse:collapse;margin:0 0 1rem;width:100%}
th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f6f8fa;position:sticky;top:0}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.quote,.mark q{color:var(--muted);font-style:italic}
td.cite,.mark cite{font-style:normal;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;white-space:nowrap}
.ctl{font-family:ui-monospace,monospace;background:#eee;color:#b00}
.note{color:var(--muted)}
.label{display:inline-block;border-radius:3px;padding:0 .35rem;font-weight:600}
.stance-builtin,.answer-yes{background:#dafbe1}
.stance-extension{background:#fff1c2}
.stance-limited{background:#f1e4ff}
.stance-lacks,.answer-no{background:#ffe2e0}
.stance-depends{background:#ddeeff}
.answer-conflicting,.conflicting{background:repeating-linear-gradient(135deg,#fff 0 6px,#ffe2e0 6px 12px)}
.answer-unknown,.answer-no-claim,.stance-unknown{color:var(--muted)}
td.marks{min-width:9rem}
td.marks.empty{background:#f6f8fa}
.mark{margin:0 0 .35rem}
.mark:last-child{margin:0}
.mark q{display:block;font-size:.85em}
.legend span{margin-right:.5rem}
@media print{body{margin:0;font-size:10px}thead{display:table-header-group}tr{break-inside:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
";

/// The stances and answers that get a colour class; anything else is plain text.
const CLASSED: &[&str] = &[
    "builtin",
    "extension",
    "limited",
    "lacks",
    "depends",
    "unknown",
];
const ANSWERS: &[&str] = &["yes", "no", "conflicting", "unknown", "no claim"];

pub(super) fn page_start(w: &mut impl Write, title: &str) -> io::Result<()> {
    write!(
        w,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"claimdb\">\n<title>{t}</title>\n<style>\n{CSS}</style>\n\
         </head>\n<body>\n<h1>{t}</h1>\n",
        t = escape(title)
    )
}

pub(super) fn page_end(w: &mut impl Write, legend: bool) -> io::Result<()> {
    if legend {
        w.write_all(
            b"<p class=\"legend note\">Stances: <span class=\"label stance-builtin\">builtin</span>\
              <span class=\"label stance-extension\">extension</span>\
              <span class=\"label stance-limited\">limited</span>\
              <span class=\"label stance-lacks\">lacks</span>\
              <span class=\"label conflicting\">conflicting claims</span></p>\n",
        )?;
    }
    w.write_all(b"</body>\n</html>\n")
}

pub(super) fn table_start(w: &mut impl Write, names: &[String]) -> io::Result<()> {
    w.write_all(b"<table>\n<thead><tr>")?;
    for name in names {
        write!(w, "<th scope=\"col\">{}</th>", escape(name))?;
    }
    w.write_all(b"</tr></thead>\n<tbody>\n")
}

pub(super) fn table_end(w: &mut impl Write) -> io::Result<()> {
    w.write_all(b"</tbody>\n</table>\n")
}

/// One row. Returns true when a coloured stance was shown (so the page gets a legend).
pub(super) fn row<'c>(
    w: &mut impl Write,
    names: &[String],
    cells: impl Iterator<Item = &'c Cell<'c>>,
) -> io::Result<bool> {
    let mut coloured = false;
    w.write_all(b"<tr>")?;
    for (name, cell) in names.iter().zip(cells) {
        match cell {
            Cell::Null => w.write_all(b"<td></td>")?,
            Cell::Int(_) | Cell::Real(_) => {
                write!(w, "<td class=\"num\">{}</td>", escape(&cell.to_text()))?
            }
            Cell::Text(t) => {
                // `a_stance`, `b_quote` (conflicts) read like `stance` and `quote`.
                let role = name.rsplit('_').next().unwrap_or(name);
                let class = match role {
                    "stance" if CLASSED.contains(&t.as_ref()) => {
                        coloured = true;
                        format!(" class=\"stance-{t}\"")
                    }
                    "answer" if ANSWERS.contains(&t.as_ref()) => {
                        format!(" class=\"answer-{}\"", t.replace(' ', "-"))
                    }
                    "quote" | "cite" | "snippet" => format!(" class=\"{role}\""),
                    _ => String::new(),
                };
                write!(w, "<td{class}>{}</td>", escape(t))?;
            }
            Cell::Marks(marks) => {
                coloured |= !marks.is_empty();
                marks_cell(w, marks)?;
            }
        }
    }
    w.write_all(b"</tr>\n")?;
    Ok(coloured)
}

/// A matrix cell: coloured by its first stance (hatched when the claims conflict),
/// each stance a label with its first citation, how many more claims back it, and
/// the quote.
fn marks_cell(w: &mut impl Write, marks: &[Mark]) -> io::Result<()> {
    let conflicting = marks.iter().any(|m| m.conflicting);
    let class = match marks.first() {
        None => "marks empty".to_string(),
        Some(_) if conflicting => "marks conflicting".to_string(),
        Some(m) if CLASSED.contains(&m.label.as_str()) => format!("marks stance-{}", m.label),
        Some(_) => "marks".to_string(),
    };
    write!(w, "<td class=\"{class}\">")?;
    if marks.is_empty() {
        w.write_all(b"<span class=\"note\">no claim</span>")?;
    }
    if conflicting {
        w.write_all(b"<strong>conflicting</strong>")?;
    }
    for m in marks {
        let label_class = if CLASSED.contains(&m.label.as_str()) {
            format!("label stance-{}", m.label)
        } else {
            "label".to_string()
        };
        write!(
            w,
            "<div class=\"mark\"><span class=\"{label_class}\">{}</span> <cite>{}</cite>",
            escape(&m.label),
            escape(&m.cite)
        )?;
        if m.more > 0 {
            write!(w, " <span class=\"note\">+{} more</span>", m.more)?;
        }
        if !m.quote.is_empty() {
            write!(w, "<q>{}</q>", escape(&m.quote))?;
        }
        w.write_all(b"</div>")?;
    }
    w.write_all(b"</td>")
}

pub(super) fn note(w: &mut impl Write, text: &str) -> io::Result<()> {
    writeln!(w, "<p class=\"note\">{}</p>", escape(text))
}

/// Text as HTML: `<`, `>`, `&` and quotes escaped; line breaks kept as `<br>`; other
/// control characters and the bidirectional overrides that could make text read
/// differently from what it is shown as `\xNN` / `\u{NNNN}` in a marked span.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => out.push_str("<br>"),
            '\t' => out.push(' '),
            c if c.is_control() || is_bidi_control(c) => {
                let code = u32::from(c);
                if code < 0x100 {
                    out.push_str(&format!("<span class=\"ctl\">\\x{code:02x}</span>"));
                } else {
                    out.push_str(&format!("<span class=\"ctl\">\\u{{{code:04x}}}</span>"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// The page's heading: the command line as typed, without the options that only
/// choose where and how the output goes.
pub(super) fn title_from_args() -> String {
    let mut words = vec!["claimdb".to_string()];
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        let arg = arg.to_string_lossy().into_owned();
        let with_value = ["--format", "-o", "--output", "--db", "--color"];
        if with_value.contains(&arg.as_str()) {
            args.next();
            continue;
        }
        if arg.starts_with("--format=")
            || arg.starts_with("--output=")
            || arg.starts_with("--db=")
            || arg.starts_with("--color=")
            || (arg.starts_with("-o") && arg.len() > 2)
            || arg == "--csv-raw"
            || arg == "--bom"
        {
            continue;
        }
        words.push(arg);
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_control_characters_are_escaped() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(
            escape("a\x1b[31mb\x07"),
            "a<span class=\"ctl\">\\x1b</span>[31mb<span class=\"ctl\">\\x07</span>"
        );
        assert_eq!(escape("one\r\ntwo\nthree"), "one<br>two<br>three");
        assert_eq!(
            escape("x\u{202e}y"),
            "x<span class=\"ctl\">\\u{202e}</span>y"
        );
        assert_eq!(escape("lone\rCR"), "lone<span class=\"ctl\">\\x0d</span>CR");
    }
}
