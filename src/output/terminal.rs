//! What reaches a person's terminal: text from the data with its control
//! characters shown escaped, and stances in colour.

use std::borrow::Cow;

/// Text from the data, made safe to show on a terminal: control characters (ESC,
/// BEL, CR, backspace, the C1 controls, ...) and the Unicode bidirectional
/// overrides are shown escaped (`\x1b`, `\u{202e}`), so no escape sequence (colours,
/// OSC 8 links, OSC 52 clipboard writes) and no reordering reaches the terminal.
/// Line breaks and tabs stay. The one rule for the human formats and for error
/// messages; the machine formats carry the data exactly.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !unsafe_char(c) {
            safe.push(c);
        } else if (c as u32) < 0x100 {
            safe.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            safe.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    Cow::Owned(safe)
}

/// A field bound for the output: through [`for_terminal`] when a person's terminal
/// is the output, exact (borrowed as it came) otherwise.
pub fn terminal_safe(terminal: bool, field: Cow<'_, str>) -> Cow<'_, str> {
    if !terminal {
        return field;
    }
    match for_terminal(&field) {
        Cow::Borrowed(_) => field,
        Cow::Owned(safe) => Cow::Owned(safe),
    }
}

/// A stance in its table colour (anything else unchanged).
pub fn colour_stance(stance: &str) -> String {
    let code = match stance {
        "builtin" => "32",
        "extension" => "33",
        "limited" => "35",
        "lacks" => "31",
        _ => return stance.to_string(),
    };
    format!("\x1b[{code}m{stance}\x1b[0m")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_escaped_only_for_a_terminal() {
        let field = || Cow::Borrowed("a\u{1b}]52;c;x\u{7}b");
        assert_eq!(terminal_safe(false, field()), field());
        assert_eq!(terminal_safe(true, field()), "a\\x1b]52;c;x\\x07b");
    }

    #[test]
    fn control_characters_are_shown_escaped() {
        assert_eq!(for_terminal("plain\ttext\nline"), "plain\ttext\nline");
        assert_eq!(for_terminal("a\x1b[31mred"), "a\\x1b[31mred");
        assert_eq!(
            for_terminal("\x1b]8;;http://x\x07link\x1b]8;;\x07"),
            "\\x1b]8;;http://x\\x07link\\x1b]8;;\\x07"
        );
        assert_eq!(for_terminal("c1\u{9b}2J cr\r"), "c1\\x9b2J cr\\x0d");
        assert_eq!(for_terminal("abc\u{202e}cba"), "abc\\u{202e}cba");
    }
}
