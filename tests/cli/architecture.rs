//! The architecture of `src/`, checked (issue 20): which file uses which, no loop
//! between files, arrows that only point down the layer table, no command that
//! imports another, and the size limits (700 lines a file outside in-file tests, 120
//! lines a function).
//!
//! It reads the source text, not the compiler's view. A file uses another when a path
//! in its code resolves to a module kept in that file (the deepest module on the path
//! that is a file): paths that start with `crate::`, `$crate::`, `super::`, `self::`,
//! the name of a child module or of an imported module, and `claimdb::` in main.rs;
//! `use` trees with their `{…}` groups, attributes and macro calls included. Comments,
//! string and character literals and in-file `#[cfg(test)] mod … { … }` blocks are
//! left out first. `mod child;` is not a use; a re-export (`pub use`) is.
//!
//! `ARCH_LISTING=1 cargo test --test cli architecture -- --nocapture` prints the
//! listing: every file's line count, longest function and uses, then the loops and the
//! violations. The checker works on (path, text) pairs, so the tests at the bottom
//! check it on small made-up crates without touching the disk.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

/// The layers, low to high, by module path prefix (the longest prefix wins). A file
/// may use files of its own rank or lower; an arrow to a higher rank is a violation,
/// and so is a module missing here, so that a new module is placed deliberately.
const LAYERS: &[(&str, u8)] = &[
    ("error", 0),
    ("model", 0),
    ("names", 0),
    ("article", 0),
    ("progress", 0),
    ("rows", 0),
    ("messages", 0),
    ("text", 0),
    ("db", 1),
    ("output", 1),
    ("catalog", 1),
    ("query", 2),
    ("ingest", 2),
    ("answers", 3),
    ("draft", 3),
    ("ask", 4),
    ("publish", 4),
    ("commands", 5),
    ("cli", 5),
    ("complete", 5),
    (CRATE_ROOT, 6),
    (BINARY, 6),
];

/// How lib.rs and main.rs are named in the layer table and the listing.
const CRATE_ROOT: &str = "crate";
const BINARY: &str = "main";

/// Modules outside the layers: `properties` exists only under `#[cfg(test)]` and
/// reaches into every layer to state its properties. (Files declared with
/// `#[cfg(test)] mod x;`, files named `tests.rs` and files under a `tests/` folder
/// are exempt the same way.)
const EXEMPT: &[&str] = &["properties"];

/// Arrows the issue names, beyond the layers: (from, to, why). Module prefixes as in
/// [`LAYERS`]. One command importing another is checked in code (any two files
/// under different `commands::x` and `commands::y`, except from `commands/mod.rs`,
/// the dispatcher), and so is clap in `ask/`.
const FORBIDDEN: &[(&str, &str, &str)] = &[
    (
        "cli",
        "commands",
        "the command line's definition knows no command module (every command imports cli)",
    ),
    (
        "ask",
        "commands",
        "ask answers through the answers layer, not by calling commands",
    ),
    (
        "ask",
        "cli",
        "ask builds typed requests, not clap argument structs",
    ),
    (
        "query",
        "output",
        "the query layer hands rows to a rows::Sink and never names the writer",
    ),
    (
        "answers",
        "output",
        "answers hand rows to a rows::Sink and never name the writer",
    ),
];

/// Loops between files that are accepted, each with the reason, as (files, why). The
/// one candidate: clap_complete's dynamic completion, where `cli.rs` names the
/// completers in `complete.rs` and `complete.rs` needs `cli::Cli` to walk the command
/// line. It is not listed: the lead decides. A listed loop is accepted only when its
/// component is exactly these files; any larger loop through them still fails.
const ALLOWED_CYCLES: &[(&[&str], &str)] = &[];

const MAX_FILE_LINES: usize = 700;
const MAX_FN_LINES: usize = 120;

#[test]
fn src_has_no_loop_no_forbidden_arrow_and_no_oversized_file_or_function() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    read_sources(&root.join("src"), root, &mut sources);
    assert!(
        !sources.is_empty(),
        "no .rs file under {}/src",
        root.display()
    );
    let architecture = Architecture::of(&sources);
    let violations = architecture.violations();
    let asked = std::env::var("ARCH_LISTING").is_ok_and(|v| !v.is_empty() && v != "0");
    if asked {
        println!("{}", architecture.listing(&violations));
    }
    assert!(violations.is_empty(), "{}", report(&violations));
}

/// Every `.rs` file under `dir`, as ("src/a/b.rs", text), in path order.
fn read_sources(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            read_sources(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(root).expect("under the crate");
            let name = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            out.push((name, text));
        }
    }
}

// ---------------------------------------------------------------------------------
// Tokens: the text without comments, with literals reduced to one token each.

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    /// An identifier or keyword; `$crate` is one word.
    Word(String),
    /// A string literal's contents (raw, byte and C strings too).
    Str(String),
    /// A number, a character literal or a lifetime: nothing a path can hold.
    Other,
    /// `::`
    PathSep,
    Punct(char),
}

#[derive(Clone, Debug)]
struct Token {
    tok: Tok,
    line: usize,
}

impl Token {
    fn is(&self, c: char) -> bool {
        self.tok == Tok::Punct(c)
    }

    fn is_sep(&self) -> bool {
        self.tok == Tok::PathSep
    }

    fn word(&self) -> Option<&str> {
        match &self.tok {
            Tok::Word(w) => Some(w),
            _ => None,
        }
    }

    fn is_word(&self, w: &str) -> bool {
        self.word() == Some(w)
    }

    /// True when the token reads `text` (a word, `::` or one punctuation mark).
    fn reads(&self, text: &str) -> bool {
        match &self.tok {
            Tok::Word(w) => w == text,
            Tok::PathSep => text == "::",
            Tok::Punct(c) => text.chars().eq(std::iter::once(*c)),
            Tok::Str(_) | Tok::Other => false,
        }
    }
}

fn char_at(c: &[char], k: usize) -> char {
    c.get(k).copied().unwrap_or('\0')
}

fn is_ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_ident_continue(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn tokenize(text: &str) -> Vec<Token> {
    let c: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < c.len() {
        let start = i;
        let tok = if c[i].is_whitespace() {
            i += 1;
            None
        } else if c[i] == '/' && char_at(&c, i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
            None
        } else if c[i] == '/' && char_at(&c, i + 1) == '*' {
            i = block_comment_end(&c, i);
            None
        } else if let Some((contents, end)) = string_literal(&c, i) {
            i = end;
            Some(Tok::Str(contents))
        } else if c[i] == '\'' || (c[i] == 'b' && char_at(&c, i + 1) == '\'') {
            i = char_or_lifetime_end(&c, if c[i] == 'b' { i + 1 } else { i });
            Some(Tok::Other)
        } else if c[i] == '$' && word_at(&c, i + 1) == "crate" {
            i += 6;
            Some(Tok::Word("$crate".to_string()))
        } else if is_ident_start(c[i]) {
            // A raw identifier (`r#type`) is the word without its `r#`.
            if c[i] == 'r' && char_at(&c, i + 1) == '#' {
                i += 2;
            }
            let word = word_at(&c, i);
            i += word.chars().count();
            Some(Tok::Word(word))
        } else if c[i].is_ascii_digit() {
            i += 1;
            while is_ident_continue(char_at(&c, i))
                || (char_at(&c, i) == '.' && char_at(&c, i + 1).is_ascii_digit())
            {
                i += 1;
            }
            Some(Tok::Other)
        } else if c[i] == ':' && char_at(&c, i + 1) == ':' {
            i += 2;
            Some(Tok::PathSep)
        } else {
            i += 1;
            Some(Tok::Punct(c[start]))
        };
        if let Some(tok) = tok {
            tokens.push(Token { tok, line });
        }
        line += c[start..i].iter().filter(|&&ch| ch == '\n').count();
    }
    tokens
}

fn word_at(c: &[char], i: usize) -> String {
    c[i.min(c.len())..]
        .iter()
        .take_while(|&&ch| is_ident_continue(ch))
        .collect()
}

/// The index after a (nested) block comment that starts at `i`.
fn block_comment_end(c: &[char], mut i: usize) -> usize {
    let mut depth = 0;
    while i < c.len() {
        if c[i] == '/' && char_at(c, i + 1) == '*' {
            depth += 1;
            i += 2;
        } else if c[i] == '*' && char_at(c, i + 1) == '/' {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    i
}

/// A string literal at `i` (`"…"`, `r"…"`, `r#"…"#`, `b"…"`, `br#"…"#`, `c"…"`): its
/// contents and the index after it.
fn string_literal(c: &[char], i: usize) -> Option<(String, usize)> {
    let mut j = i;
    if matches!(c[j], 'b' | 'c') {
        j += 1;
    }
    let raw = char_at(c, j) == 'r';
    let mut hashes = 0;
    if raw {
        j += 1;
        while char_at(c, j) == '#' {
            hashes += 1;
            j += 1;
        }
    }
    if char_at(c, j) != '"' {
        return None;
    }
    let body = j + 1;
    let mut k = body;
    while k < c.len() {
        if !raw && c[k] == '\\' {
            k += 2;
            continue;
        }
        if c[k] == '"' && (1..=hashes).all(|h| char_at(c, k + h) == '#') {
            return Some((c[body..k].iter().collect(), k + 1 + hashes));
        }
        k += 1;
    }
    Some((c[body.min(c.len())..].iter().collect(), c.len()))
}

/// The index after a character literal or a lifetime that starts at the quote `q`.
fn char_or_lifetime_end(c: &[char], q: usize) -> usize {
    if char_at(c, q + 1) == '\\' {
        // '\n', '\'', '\u{…}': the escaped character, then up to the closing quote.
        let mut j = q + 3;
        while j < c.len() && c[j] != '\'' {
            j += 1;
        }
        return j + 1;
    }
    if char_at(c, q + 2) == '\'' {
        return q + 3;
    }
    let mut j = q + 1;
    while is_ident_continue(char_at(c, j)) {
        j += 1;
    }
    j
}

/// The index of the bracket that closes the one at `open` (`{`, `[` or `(`).
fn matching(t: &[Token], open: usize) -> Option<usize> {
    let (o, c) = match &t[open].tok {
        Tok::Punct('{') => ('{', '}'),
        Tok::Punct('[') => ('[', ']'),
        Tok::Punct('(') => ('(', ')'),
        _ => return None,
    };
    let mut depth = 0usize;
    for (k, token) in t.iter().enumerate().skip(open) {
        if token.is(o) {
            depth += 1;
        } else if token.is(c) {
            depth -= 1;
            if depth == 0 {
                return Some(k);
            }
        }
    }
    None
}

/// True when the tokens from `i` read `words`, one token each.
fn reads_at(t: &[Token], i: usize, words: &[&str]) -> bool {
    words
        .iter()
        .enumerate()
        .all(|(k, w)| t.get(i + k).is_some_and(|token| token.reads(w)))
}

const CFG_TEST: &[&str] = &["#", "[", "cfg", "(", "test", ")", "]"];

/// Skips outer attributes and a visibility (`pub`, `pub(crate)`) from `j`.
fn skip_attributes_and_visibility(t: &[Token], mut j: usize) -> usize {
    loop {
        if reads_at(t, j, &["#", "["]) {
            match matching(t, j + 1) {
                Some(end) => j = end + 1,
                None => return t.len(),
            }
        } else if t.get(j).is_some_and(|x| x.is_word("pub")) {
            j += 1;
            if t.get(j).is_some_and(|x| x.is('(')) {
                j = matching(t, j).map_or(t.len(), |end| end + 1);
            }
        } else {
            return j;
        }
    }
}

/// The in-file test modules: token ranges (inclusive) of `#[cfg(test)] mod x { … }`
/// from the attribute to the closing brace, and the names of `#[cfg(test)] mod x;`.
fn test_modules(t: &[Token]) -> (Vec<(usize, usize)>, Vec<String>) {
    let mut blocks = Vec::new();
    let mut files = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !reads_at(t, i, CFG_TEST) {
            i += 1;
            continue;
        }
        let j = skip_attributes_and_visibility(t, i + CFG_TEST.len());
        if t.get(j).is_some_and(|x| x.is_word("mod"))
            && let Some(name) = t.get(j + 1).and_then(Token::word)
        {
            if t.get(j + 2).is_some_and(|x| x.is('{'))
                && let Some(end) = matching(t, j + 2)
            {
                blocks.push((i, end));
                i = end + 1;
                continue;
            }
            if t.get(j + 2).is_some_and(|x| x.is(';')) {
                files.push(name.to_string());
            }
        }
        i += 1;
    }
    (blocks, files)
}

/// True when the item at `i` carries an outer attribute that contains `name`.
fn has_attribute(t: &[Token], i: usize, name: &str) -> bool {
    let mut end = i;
    while end >= 1 && t[end - 1].is(']') {
        let mut depth = 0usize;
        let mut open = None;
        for k in (0..end).rev() {
            if t[k].is(']') {
                depth += 1;
            } else if t[k].is('[') {
                depth -= 1;
                if depth == 0 {
                    open = Some(k);
                    break;
                }
            }
        }
        let Some(open) = open else { return false };
        if t[open..end].iter().any(|x| x.is_word(name)) {
            return true;
        }
        if open == 0 || !t[open - 1].is('#') {
            return false;
        }
        end = open - 1;
    }
    false
}

// ---------------------------------------------------------------------------------
// One source file.

struct SourceFile {
    /// "src/ask/answer.rs"
    path: String,
    /// `["ask", "answer"]`; empty for lib.rs (and main.rs, which is `binary`).
    module: Vec<String>,
    binary: bool,
    /// Declared `#[cfg(test)] mod x;`, named tests.rs, under a tests/ folder, or
    /// inside such a module.
    test_only: bool,
    lines: usize,
    /// Lines inside in-file `#[cfg(test)] mod … { … }` blocks.
    test_lines: usize,
    /// The tokens outside those blocks.
    code: Vec<Token>,
    children: Vec<Child>,
    /// `mod x { … }` outside tests: (name, open brace, closing brace) in `code`.
    inline_modules: Vec<(String, usize, usize)>,
    /// `#[macro_export] macro_rules! x` defined here.
    exported_macros: Vec<String>,
    /// Every `macro_rules! x` defined here.
    local_macros: Vec<String>,
    functions: Vec<Function>,
}

/// A `mod x;` declaration.
struct Child {
    name: String,
    test: bool,
    path_attribute: Option<String>,
}

#[derive(Clone, Debug)]
struct Function {
    name: String,
    line: usize,
    lines: usize,
}

impl SourceFile {
    fn parse(path: &str, text: &str) -> SourceFile {
        let tokens = tokenize(text);
        let (blocks, test_children) = test_modules(&tokens);
        let mut code = Vec::new();
        let mut next = 0;
        for &(start, end) in &blocks {
            code.extend_from_slice(&tokens[next..start]);
            next = end + 1;
        }
        code.extend_from_slice(&tokens[next..]);
        let test_lines = blocks
            .iter()
            .map(|&(start, end)| tokens[end].line - tokens[start].line + 1)
            .sum();
        let (module, binary) = module_of_path(path);
        let in_tests = path.ends_with("/tests.rs") || path.contains("/tests/");
        let inner_cfg_test = (0..tokens.len())
            .any(|i| reads_at(&tokens, i, &["#", "!", "[", "cfg", "(", "test", ")", "]"]));
        let mut file = SourceFile {
            path: path.to_string(),
            module,
            binary,
            test_only: in_tests || inner_cfg_test,
            lines: text.lines().count(),
            test_lines,
            children: Vec::new(),
            inline_modules: Vec::new(),
            exported_macros: Vec::new(),
            local_macros: Vec::new(),
            functions: functions(&code),
            code,
        };
        file.read_declarations(&test_children);
        file
    }

    /// Child modules, inline modules and macro definitions.
    fn read_declarations(&mut self, test_children: &[String]) {
        let t = &self.code;
        let mut path_attribute = None;
        for i in 0..t.len() {
            if reads_at(t, i, &["#", "[", "path", "="])
                && let Some(Tok::Str(p)) = t.get(i + 4).map(|x| &x.tok)
            {
                path_attribute = Some(p.clone());
            }
            if t[i].is_word("mod")
                && let Some(name) = t.get(i + 1).and_then(Token::word)
            {
                if t.get(i + 2).is_some_and(|x| x.is(';')) {
                    self.children.push(Child {
                        name: name.to_string(),
                        test: test_children.iter().any(|c| c == name),
                        path_attribute: path_attribute.take(),
                    });
                } else if t.get(i + 2).is_some_and(|x| x.is('{'))
                    && let Some(end) = matching(t, i + 2)
                {
                    self.inline_modules.push((name.to_string(), i + 2, end));
                }
            }
            if t[i].is(';') || t[i].is('{') || t[i].is('}') {
                path_attribute = None;
            }
            if reads_at(t, i, &["macro_rules", "!"])
                && let Some(name) = t.get(i + 2).and_then(Token::word)
            {
                self.local_macros.push(name.to_string());
                if has_attribute(t, i, "macro_export") {
                    self.exported_macros.push(name.to_string());
                }
            }
        }
    }

    /// Lines outside in-file test modules.
    fn code_lines(&self) -> usize {
        self.lines - self.test_lines
    }

    fn longest_function(&self) -> Option<&Function> {
        self.functions.iter().max_by_key(|f| f.lines)
    }
}

/// The module a file holds by its place: `src/lib.rs` is the crate root, `src/a.rs`
/// and `src/a/mod.rs` are `a`, `src/a/b.rs` is `a::b`; `src/main.rs` is the binary.
fn module_of_path(path: &str) -> (Vec<String>, bool) {
    let relative = path.strip_prefix("src/").unwrap_or(path);
    let relative = relative.strip_suffix(".rs").unwrap_or(relative);
    match relative {
        "main" => (Vec::new(), true),
        "lib" => (Vec::new(), false),
        _ => {
            let mut parts: Vec<String> = relative.split('/').map(String::from).collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            (parts, false)
        }
    }
}

/// Every `fn` with a body, measured from the `fn` keyword's line to its closing brace.
fn functions(t: &[Token]) -> Vec<Function> {
    let mut found = Vec::new();
    for i in 0..t.len() {
        if !t[i].is_word("fn") {
            continue;
        }
        let Some(name) = t.get(i + 1).and_then(Token::word) else {
            continue;
        };
        // The body is the first `{` outside parentheses and brackets (`[u8; 4]` has a
        // `;` that does not end a declaration).
        let mut depth = 0i32;
        let mut body = None;
        for (k, token) in t.iter().enumerate().skip(i + 2) {
            match token.tok {
                Tok::Punct('(' | '[') => depth += 1,
                Tok::Punct(')' | ']') => depth -= 1,
                Tok::Punct('{') if depth == 0 => {
                    body = Some(k);
                    break;
                }
                Tok::Punct(';') if depth == 0 => break,
                _ => {}
            }
        }
        if let Some(end) = body.and_then(|open| matching(t, open)) {
            found.push(Function {
                name: name.to_string(),
                line: t[i].line,
                lines: t[end].line - t[i].line + 1,
            });
        }
    }
    found
}

// ---------------------------------------------------------------------------------
// The graph: files, the modules they hold, and every use of one file by another.

/// One use of a file by another, where it is written.
#[derive(Clone, Debug)]
struct Edge {
    from: usize,
    to: usize,
    line: usize,
    /// The path as written, e.g. `crate::ingest::Problem` or `crate::stderr_line!`.
    via: String,
}

/// A name that stands for a module in a file: a child module, or a module imported
/// by `use` (then `declared_at` is the `use` line, and an import never used as a
/// path's start still counts as a use of that module there).
struct Binding {
    module: Vec<String>,
    declared_at: Option<(usize, String)>,
    used: bool,
}

/// Where a path leads: the file, the deepest module on it, and whether every
/// segment was a module (then a `use` of it imports a module, not an item).
struct Target {
    file: usize,
    module: Vec<String>,
    whole: bool,
}

struct UseLeaf {
    path: Vec<String>,
    binding: Option<String>,
    glob: bool,
    line: usize,
}

struct Architecture {
    files: Vec<SourceFile>,
    /// Module path (of the library crate) -> the file that holds it.
    modules: HashMap<Vec<String>, usize>,
    /// `#[macro_export]` macro name -> the file that defines it.
    exported_macros: HashMap<String, usize>,
    edges: Vec<Edge>,
}

impl Architecture {
    fn of(sources: &[(impl AsRef<str>, impl AsRef<str>)]) -> Architecture {
        let files: Vec<SourceFile> = sources
            .iter()
            .map(|(path, text)| SourceFile::parse(path.as_ref(), text.as_ref()))
            .collect();
        let mut architecture = Architecture {
            files,
            modules: HashMap::new(),
            exported_macros: HashMap::new(),
            edges: Vec::new(),
        };
        architecture.place_modules();
        let mut edges = Vec::new();
        for f in 0..architecture.files.len() {
            edges.extend(architecture.uses_of(f));
        }
        architecture.edges = edges;
        architecture
    }

    /// Applies `#[path]` attributes, registers every module and inline module, and
    /// marks the files that exist only for tests.
    fn place_modules(&mut self) {
        let mut moved = Vec::new();
        for file in &self.files {
            for child in &file.children {
                if let Some(p) = &child.path_attribute {
                    let dir = file.path.rsplit_once('/').map_or("", |(d, _)| d);
                    let target = join_path(dir, p);
                    let mut module = file.module.clone();
                    module.push(child.name.clone());
                    moved.push((target, module));
                }
            }
        }
        for (target, module) in moved {
            if let Some(file) = self.files.iter_mut().find(|f| f.path == target) {
                file.module = module;
            }
        }
        for (f, file) in self.files.iter().enumerate() {
            if !file.binary {
                self.modules.insert(file.module.clone(), f);
            }
            for name in &file.exported_macros {
                self.exported_macros.insert(name.clone(), f);
            }
        }
        for f in 0..self.files.len() {
            let file = &self.files[f];
            if file.binary {
                continue;
            }
            for (name, open, _) in &file.inline_modules {
                let mut module = self.module_at(f, *open);
                module.push(name.clone());
                self.modules.insert(module, f);
            }
        }
        self.mark_test_only();
    }

    /// Files declared `#[cfg(test)] mod x;` and every file below one are test code.
    fn mark_test_only(&mut self) {
        let mut test_modules: Vec<Vec<String>> = Vec::new();
        for file in self.files.iter().filter(|f| !f.binary) {
            for child in file.children.iter().filter(|c| c.test) {
                let mut module = file.module.clone();
                module.push(child.name.clone());
                test_modules.push(module);
            }
            if file.test_only {
                test_modules.push(file.module.clone());
            }
        }
        for file in self.files.iter_mut().filter(|f| !f.binary) {
            if test_modules.iter().any(|m| file.module.starts_with(m)) {
                file.test_only = true;
            }
        }
    }

    /// The module at token `i` of file `f`, inside the inline modules around it.
    fn module_at(&self, f: usize, i: usize) -> Vec<String> {
        let file = &self.files[f];
        let mut module = file.module.clone();
        for (name, open, close) in &file.inline_modules {
            if *open < i && i < *close {
                module.push(name.clone());
            }
        }
        module
    }

    /// Where a path written in file `f`, in module `at`, leads; `None` for a path
    /// outside the crate (`std::…`, `clap::…`).
    fn resolve(
        &self,
        f: usize,
        at: &[String],
        path: &[String],
        scope: &HashMap<String, Binding>,
    ) -> Option<Target> {
        let file = &self.files[f];
        let itself = Target {
            file: f,
            module: Vec::new(),
            whole: false,
        };
        let (base, rest) = match path.first()?.as_str() {
            "crate" | "$crate" | "self" | "super" if file.binary => return Some(itself),
            "crate" | "$crate" => (Vec::new(), &path[1..]),
            "claimdb" if file.binary => (Vec::new(), &path[1..]),
            "self" => (at.to_vec(), &path[1..]),
            "super" => {
                let ups = path.iter().take_while(|s| *s == "super").count();
                if ups > at.len() {
                    return None;
                }
                (at[..at.len() - ups].to_vec(), &path[ups..])
            }
            name => (scope.get(name)?.module.clone(), &path[1..]),
        };
        let mut module = base;
        let mut consumed = 0;
        for segment in rest {
            module.push(segment.clone());
            if self.modules.contains_key(&module) {
                consumed += 1;
            } else {
                module.pop();
                break;
            }
        }
        Some(Target {
            file: *self.modules.get(&module)?,
            module,
            whole: consumed == rest.len(),
        })
    }

    /// Every use file `f` makes of other files.
    fn uses_of(&self, f: usize) -> Vec<Edge> {
        let file = &self.files[f];
        let code = &file.code;
        let mut scope: HashMap<String, Binding> = HashMap::new();
        if !file.binary {
            for child in &file.children {
                let mut module = file.module.clone();
                module.push(child.name.clone());
                if self.modules.contains_key(&module) {
                    let binding = Binding {
                        module,
                        declared_at: None,
                        used: false,
                    };
                    scope.insert(child.name.clone(), binding);
                }
            }
        }
        let mut edges = Vec::new();
        let mut in_use = vec![false; code.len()];
        let mut i = 0;
        while i < code.len() {
            let starts_use = code[i].is_word("use") && !(i > 0 && code[i - 1].is_sep());
            if !starts_use {
                i += 1;
                continue;
            }
            let mut leaves = Vec::new();
            let mut end = parse_use_tree(code, i + 1, &[], &mut leaves);
            while end < code.len() && !code[end].is(';') {
                end += 1;
            }
            in_use[i..=end.min(code.len() - 1)].fill(true);
            let at = self.module_at(f, i);
            for leaf in leaves {
                self.use_leaf(f, &at, leaf, &mut scope, &mut edges);
            }
            i = end + 1;
        }
        for (i, _) in in_use.iter().enumerate().filter(|(_, used)| !**used) {
            self.path_at(f, i, &mut scope, &mut edges);
        }
        for binding in scope.values() {
            if let (Some((line, via)), false) = (&binding.declared_at, binding.used) {
                let to = self.modules[&binding.module];
                edges.push(Edge {
                    from: f,
                    to,
                    line: *line,
                    via: via.clone(),
                });
            }
        }
        edges.retain(|e| e.to != e.from);
        edges.sort_by(|a, b| (a.line, a.to, &a.via).cmp(&(b.line, b.to, &b.via)));
        edges
    }

    /// One imported path of a `use`: an item or glob is a use of its file here; a
    /// module becomes a name whose later paths are the uses.
    fn use_leaf(
        &self,
        f: usize,
        at: &[String],
        leaf: UseLeaf,
        scope: &mut HashMap<String, Binding>,
        edges: &mut Vec<Edge>,
    ) {
        let Some(target) = self.resolve(f, at, &leaf.path, scope) else {
            return;
        };
        if let Some(binding) = scope.get_mut(&leaf.path[0]) {
            binding.used = true;
        }
        let mut via = leaf.path.join("::");
        if leaf.glob {
            via.push_str("::*");
        }
        match leaf.binding {
            Some(name) if target.whole && !leaf.glob && !target.module.is_empty() => {
                let binding = Binding {
                    module: target.module,
                    declared_at: Some((leaf.line, via)),
                    used: false,
                };
                scope.insert(name, binding);
            }
            _ => edges.push(Edge {
                from: f,
                to: target.file,
                line: leaf.line,
                via,
            }),
        }
    }

    /// A path or macro call that starts at token `i`, outside `use`, if it leads to a
    /// file of the crate.
    fn path_at(
        &self,
        f: usize,
        i: usize,
        scope: &mut HashMap<String, Binding>,
        edges: &mut Vec<Edge>,
    ) {
        let file = &self.files[f];
        let t = &file.code;
        let Some(first) = t[i].word() else { return };
        let after_path = i > 0 && (t[i - 1].is_sep() || t[i - 1].is('.'));
        if after_path {
            return;
        }
        let calls_macro = |k: usize| {
            t.get(k).is_some_and(|x| x.is('!'))
                && t.get(k + 1)
                    .is_some_and(|x| x.is('(') || x.is('[') || x.is('{'))
        };
        // A macro exported at the crate root, called by its bare name.
        if calls_macro(i + 1)
            && !file.binary
            && !file.local_macros.iter().any(|m| m == first)
            && let Some(&to) = self.exported_macros.get(first)
        {
            let via = format!("{first}!");
            edges.push(Edge {
                from: f,
                to,
                line: t[i].line,
                via,
            });
            return;
        }
        let starts_path = matches!(first, "crate" | "$crate" | "self" | "super")
            || (file.binary && first == "claimdb")
            || scope.contains_key(first);
        if !starts_path || !t.get(i + 1).is_some_and(Token::is_sep) {
            return;
        }
        let mut path = vec![first.to_string()];
        let mut k = i + 1;
        while t.get(k).is_some_and(Token::is_sep) {
            let Some(segment) = t.get(k + 1).and_then(Token::word) else {
                break;
            };
            path.push(segment.to_string());
            k += 2;
        }
        let is_macro = calls_macro(k);
        let root = matches!(first, "crate" | "$crate") || (file.binary && first == "claimdb");
        let exported = (is_macro && root && path.len() == 2)
            .then(|| self.exported_macros.get(&path[1]))
            .flatten();
        // A called path ends in a function (`crate::text::outline(…)` is the function
        // text/mod.rs re-exports, not the module of the same name).
        let called = path.len() > 1 && t.get(k).is_some_and(|x| x.is('('));
        let module_part = if called || is_macro {
            &path[..path.len() - 1]
        } else {
            &path[..]
        };
        let to = match exported {
            Some(&to) => Some(to),
            None => self
                .resolve(f, &self.module_at(f, i), module_part, scope)
                .map(|target| target.file),
        };
        let imported_at = scope.get_mut(first).and_then(|binding| {
            binding.used = true;
            binding.declared_at.as_ref().map(|(line, _)| *line)
        });
        if let Some(to) = to {
            let mut via = path.join("::") + if is_macro { "!" } else { "" };
            if let Some(line) = imported_at {
                let _ = write!(via, ", `{first}` imported at line {line}");
            }
            edges.push(Edge {
                from: f,
                to,
                line: t[i].line,
                via,
            });
        }
    }

    fn name(&self, f: usize) -> String {
        let file = &self.files[f];
        if file.binary {
            BINARY.to_string()
        } else if file.module.is_empty() {
            CRATE_ROOT.to_string()
        } else {
            file.module.join("::")
        }
    }

    fn rank(&self, f: usize) -> Option<u8> {
        let name = self.name(f);
        LAYERS
            .iter()
            .filter(|(prefix, _)| under(&name, prefix))
            .max_by_key(|(prefix, _)| prefix.len())
            .map(|&(_, rank)| rank)
    }

    /// True when the arrow goes to a higher rank (and neither end is exempt).
    fn points_up(&self, from: usize, to: usize) -> bool {
        if self.exempt(from) || self.exempt(to) {
            return false;
        }
        matches!((self.rank(from), self.rank(to)), (Some(low), Some(high)) if low < high)
    }

    fn exempt(&self, f: usize) -> bool {
        let name = self.name(f);
        self.files[f].test_only || EXEMPT.iter().any(|prefix| under(&name, prefix))
    }

    /// Each pair of files with a use between them: every use, in line order.
    fn arrows(&self) -> BTreeMap<(usize, usize), Vec<&Edge>> {
        let mut arrows: BTreeMap<(usize, usize), Vec<&Edge>> = BTreeMap::new();
        for edge in &self.edges {
            arrows.entry((edge.from, edge.to)).or_default().push(edge);
        }
        arrows
    }

    /// The strongly connected components of more than one file, each sorted by path.
    fn loops(&self) -> Vec<Vec<usize>> {
        self.loops_through(|_, _| true)
    }

    /// The loops made by the arrows `keep` keeps.
    fn loops_through(&self, keep: impl Fn(usize, usize) -> bool) -> Vec<Vec<usize>> {
        let mut next = vec![Vec::new(); self.files.len()];
        for &(from, to) in self.arrows().keys() {
            if keep(from, to) {
                next[from].push(to);
            }
        }
        let mut loops: Vec<Vec<usize>> = strongly_connected(&next)
            .into_iter()
            .filter(|component| component.len() > 1)
            .map(|mut component| {
                component.sort_by(|&a, &b| self.files[a].path.cmp(&self.files[b].path));
                component
            })
            .collect();
        loops.sort_by(|a, b| self.files[a[0]].path.cmp(&self.files[b[0]].path));
        loops
    }

    /// The shortest way round from the component's first file back to it.
    fn example_loop(&self, component: &[usize]) -> Vec<&Edge> {
        let start = component[0];
        let arrows = self.arrows();
        let mut came_by: HashMap<usize, &Edge> = HashMap::new();
        let mut queue = std::collections::VecDeque::from([start]);
        while let Some(at) = queue.pop_front() {
            for (&(from, to), uses) in arrows.range((at, 0)..(at + 1, 0)) {
                debug_assert_eq!(from, at);
                if !component.contains(&to) || came_by.contains_key(&to) {
                    continue;
                }
                came_by.insert(to, uses[0]);
                if to == start {
                    let mut path = vec![uses[0]];
                    let mut back = from;
                    while back != start {
                        let edge = came_by[&back];
                        path.push(edge);
                        back = edge.from;
                    }
                    path.reverse();
                    return path;
                }
                queue.push_back(to);
            }
        }
        Vec::new()
    }

    fn violations(&self) -> Vec<Violation> {
        self.violations_allowing(ALLOWED_CYCLES)
    }

    /// Every violation, accepting the loops in `allowed_cycles`.
    fn violations_allowing(&self, allowed_cycles: &[(&[&str], &str)]) -> Vec<Violation> {
        let mut found = Vec::new();
        self.check_loops(allowed_cycles, &mut found);
        self.check_arrows(&mut found);
        self.check_sizes(&mut found);
        found.sort_by_key(|v| (v.rule, v.file().to_string(), v.line()));
        found
    }

    fn check_loops(&self, allowed_cycles: &[(&[&str], &str)], found: &mut Vec<Violation>) {
        for component in self.loops() {
            let paths: Vec<&str> = component
                .iter()
                .map(|&f| self.files[f].path.as_str())
                .collect();
            let allowed = allowed_cycles.iter().any(|(files, _)| {
                files.len() == paths.len() && files.iter().all(|p| paths.contains(p))
            });
            if allowed {
                continue;
            }
            let mut message = format!(
                "{} files use each other: {}\n      for example: ",
                paths.len(),
                paths.join(", ")
            );
            for edge in self.example_loop(&component) {
                let from = &self.files[edge.from].path;
                let _ = write!(message, "{from}:{} ({}) -> ", edge.line, edge.via);
            }
            message.push_str(paths[0]);
            found.push(Violation {
                rule: Rule::Loop,
                place: paths[0].to_string(),
                message,
            });
        }
    }

    fn check_arrows(&self, found: &mut Vec<Violation>) {
        for (f, file) in self.files.iter().enumerate() {
            if !self.exempt(f) && self.rank(f).is_none() {
                found.push(Violation {
                    rule: Rule::Unplaced,
                    place: file.path.clone(),
                    message: format!(
                        "module `{}` is not in the layer table: add it to LAYERS in \
                         tests/cli/architecture.rs",
                        self.name(f)
                    ),
                });
            }
        }
        for (&(from, to), uses) in &self.arrows() {
            if self.exempt(from) || self.exempt(to) {
                continue;
            }
            let place = format!("{}:{}", self.files[from].path, uses[0].line);
            let more = match uses.len() {
                1 => String::new(),
                n => format!(" (and {} more)", n - 1),
            };
            let what = format!(
                "{} uses {} ({}){more}",
                self.name(from),
                self.files[to].path,
                uses[0].via
            );
            if self.points_up(from, to) {
                let (low, high) = (self.rank(from), self.rank(to));
                let (low, high) = (low.unwrap_or_default(), high.unwrap_or_default());
                found.push(Violation {
                    rule: Rule::Upward,
                    place: place.clone(),
                    message: format!("{what}: rank {low} uses rank {high}"),
                });
            }
            for why in self.forbidden(from, to) {
                found.push(Violation {
                    rule: Rule::Named,
                    place: place.clone(),
                    message: format!("{what}: {why}"),
                });
            }
        }
        self.check_clap_in_ask(found);
    }

    /// Why the arrow from `from` to `to` is one the issue forbids by name, if it is.
    fn forbidden(&self, from: usize, to: usize) -> Vec<String> {
        let (a, b) = (self.name(from), self.name(to));
        let mut why: Vec<String> = FORBIDDEN
            .iter()
            .filter(|(x, y, _)| under(&a, x) && under(&b, y))
            .map(|(_, _, reason)| reason.to_string())
            .collect();
        let (m, n) = (&self.files[from].module, &self.files[to].module);
        let command = |m: &[String]| (m.len() >= 2 && m[0] == "commands").then(|| m[1].clone());
        if let (Some(x), Some(y)) = (command(m), command(n))
            && x != y
        {
            why.push(format!(
                "command `{x}` imports command `{y}` (only commands/mod.rs, the dispatcher, \
                 may name commands; put what they share in a lower layer)"
            ));
        }
        why
    }

    /// ask/ speaks no clap: no `clap::` path, no `use clap`.
    fn check_clap_in_ask(&self, found: &mut Vec<Violation>) {
        for (f, file) in self.files.iter().enumerate() {
            if !under(&self.name(f), "ask") || self.exempt(f) {
                continue;
            }
            let t = &file.code;
            let mut last_line = 0;
            for i in 0..t.len() {
                let Some(word) = t[i].word() else { continue };
                let is_clap = word == "clap" || word.starts_with("clap_");
                let in_path =
                    t.get(i + 1).is_some_and(Token::is_sep) || (i > 0 && t[i - 1].is_word("use"));
                if is_clap && in_path && t[i].line != last_line {
                    last_line = t[i].line;
                    found.push(Violation {
                        rule: Rule::Named,
                        place: format!("{}:{}", file.path, t[i].line),
                        message: format!(
                            "{} uses the `{word}` crate: ask takes no clap type",
                            self.name(f)
                        ),
                    });
                }
            }
        }
    }

    fn check_sizes(&self, found: &mut Vec<Violation>) {
        for file in &self.files {
            if file.code_lines() > MAX_FILE_LINES {
                let tests = match file.test_lines {
                    0 => String::new(),
                    n => format!(" (and {n} in in-file tests)"),
                };
                found.push(Violation {
                    rule: Rule::FileSize,
                    place: file.path.clone(),
                    message: format!(
                        "{} lines outside tests{tests}; the limit is {MAX_FILE_LINES}",
                        file.code_lines()
                    ),
                });
            }
            if file.test_only {
                continue;
            }
            for function in file.functions.iter().filter(|f| f.lines > MAX_FN_LINES) {
                found.push(Violation {
                    rule: Rule::FunctionSize,
                    place: format!("{}:{}", file.path, function.line),
                    message: format!(
                        "fn {} has {} lines; the limit is {MAX_FN_LINES}",
                        function.name, function.lines
                    ),
                });
            }
        }
    }

    /// The dependency listing: every file's size, longest function and uses, then the
    /// loops and the violations.
    fn listing(&self, violations: &[Violation]) -> String {
        let arrows = self.arrows();
        let mut out = format!(
            "Dependency listing of src/: {} files, {} arrows between files ({} uses)\n",
            self.files.len(),
            arrows.len(),
            self.edges.len()
        );
        for (f, file) in self.files.iter().enumerate() {
            let rank = match (self.exempt(f), self.rank(f)) {
                (true, _) => "exempt".to_string(),
                (false, Some(rank)) => format!("rank {rank}"),
                (false, None) => "not in the layer table".to_string(),
            };
            let tests = match file.test_lines {
                0 => String::new(),
                n => format!(" (+{n} in tests)"),
            };
            let longest = file.longest_function().map_or(String::new(), |l| {
                format!(
                    ", longest fn {} {} lines (line {})",
                    l.name, l.lines, l.line
                )
            });
            let _ = writeln!(
                out,
                "\n{} [{}, {rank}]: {} lines{tests}{longest}",
                file.path,
                self.name(f),
                file.code_lines()
            );
            for (&(_, to), uses) in arrows.range((f, 0)..(f + 1, 0)) {
                let more = match uses.len() {
                    1 => String::new(),
                    n => format!(" (+{} more)", n - 1),
                };
                let _ = writeln!(
                    out,
                    "    -> {} (line {}: {}){more}",
                    self.files[to].path, uses[0].line, uses[0].via
                );
            }
        }
        let sections = [
            (
                "Loops (strongly connected components of more than one file)",
                self.loops(),
            ),
            (
                "Loops left once every arrow up the layers is cut (each needs an arrow \
                 within one layer removed)",
                self.loops_through(|from, to| !self.points_up(from, to)),
            ),
        ];
        for (title, loops) in sections {
            let _ = writeln!(out, "\n{title}:");
            if loops.is_empty() {
                out.push_str("  none\n");
            }
            for component in &loops {
                let paths: Vec<&str> = component
                    .iter()
                    .map(|&f| self.files[f].path.as_str())
                    .collect();
                let _ = writeln!(out, "  {} files: {}", paths.len(), paths.join(", "));
            }
        }
        out.push('\n');
        out.push_str(&report(violations));
        out
    }
}

/// True when module `name` is `prefix` or inside it.
fn under(name: &str, prefix: &str) -> bool {
    name == prefix
        || name
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with("::"))
}

/// `dir/relative`, with `.` and `..` applied.
fn join_path(dir: &str, relative: &str) -> String {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in relative.split('/') {
        match part {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    parts.join("/")
}

/// Reads a `use` tree from `i` with the path so far in `prefix`, pushing one leaf per
/// imported path; returns the index after the tree.
fn parse_use_tree(
    t: &[Token],
    mut i: usize,
    prefix: &[String],
    leaves: &mut Vec<UseLeaf>,
) -> usize {
    let mut path = prefix.to_vec();
    if t.get(i).is_some_and(Token::is_sep) {
        i += 1;
    }
    loop {
        let Some(token) = t.get(i) else { return i };
        if token.is('{') {
            i += 1;
            loop {
                match t.get(i) {
                    None => return i,
                    Some(x) if x.is('}') => return i + 1,
                    Some(x) if x.is(',') => i += 1,
                    Some(_) => {
                        let next = parse_use_tree(t, i, &path, leaves);
                        i = next.max(i + 1);
                    }
                }
            }
        }
        if token.is('*') {
            leaves.push(UseLeaf {
                path,
                binding: None,
                glob: true,
                line: token.line,
            });
            return i + 1;
        }
        let Some(word) = token.word() else { return i };
        path.push(word.to_string());
        i += 1;
        if t.get(i).is_some_and(Token::is_sep) {
            i += 1;
            continue;
        }
        let mut binding = Some(word.to_string());
        if t.get(i).is_some_and(|x| x.is_word("as")) {
            binding = t
                .get(i + 1)
                .and_then(Token::word)
                .filter(|name| *name != "_")
                .map(String::from);
            i += 2;
        }
        if word == "self" {
            // `{self}` in a group imports the group's module under its own name.
            path.pop();
            if binding.as_deref() == Some("self") {
                binding = path.last().cloned();
            }
        }
        if !path.is_empty() {
            leaves.push(UseLeaf {
                path,
                binding,
                glob: false,
                line: token.line,
            });
        }
        return i;
    }
}

/// Tarjan's strongly connected components of the graph `next` (node -> successors).
fn strongly_connected(next: &[Vec<usize>]) -> Vec<Vec<usize>> {
    struct Search<'g> {
        next: &'g [Vec<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on_stack: Vec<bool>,
        stack: Vec<usize>,
        counter: usize,
        components: Vec<Vec<usize>>,
    }

    fn visit(s: &mut Search, v: usize) {
        s.index[v] = Some(s.counter);
        s.low[v] = s.counter;
        s.counter += 1;
        s.stack.push(v);
        s.on_stack[v] = true;
        for k in 0..s.next[v].len() {
            let w = s.next[v][k];
            match s.index[w] {
                None => {
                    visit(s, w);
                    s.low[v] = s.low[v].min(s.low[w]);
                }
                Some(index) if s.on_stack[w] => s.low[v] = s.low[v].min(index),
                Some(_) => {}
            }
        }
        if Some(s.low[v]) == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack[w] = false;
                component.push(w);
                if w == v {
                    break;
                }
            }
            s.components.push(component);
        }
    }

    let n = next.len();
    let mut search = Search {
        next,
        index: vec![None; n],
        low: vec![0; n],
        on_stack: vec![false; n],
        stack: Vec::new(),
        counter: 0,
        components: Vec::new(),
    };
    for v in 0..n {
        if search.index[v].is_none() {
            visit(&mut search, v);
        }
    }
    search.components
}

// ---------------------------------------------------------------------------------
// Violations and the report.

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Rule {
    Loop,
    Upward,
    Named,
    Unplaced,
    FileSize,
    FunctionSize,
}

impl Rule {
    const ALL: [Rule; 6] = [
        Rule::Loop,
        Rule::Upward,
        Rule::Named,
        Rule::Unplaced,
        Rule::FileSize,
        Rule::FunctionSize,
    ];

    fn title(self) -> &'static str {
        match self {
            Rule::Loop => "loops between files",
            Rule::Upward => "arrows up the layers",
            Rule::Named => {
                "forbidden arrows (command to command, cli to commands, ask to commands/cli/clap)"
            }
            Rule::Unplaced => "modules missing from the layer table",
            Rule::FileSize => "files over 700 lines outside tests",
            Rule::FunctionSize => "functions over 120 lines",
        }
    }
}

#[derive(Debug)]
struct Violation {
    rule: Rule,
    /// `src/file.rs` or `src/file.rs:line`.
    place: String,
    message: String,
}

impl Violation {
    fn file(&self) -> &str {
        self.place.split(':').next().unwrap_or("")
    }

    fn line(&self) -> usize {
        self.place
            .split(':')
            .nth(1)
            .and_then(|l| l.parse().ok())
            .unwrap_or(0)
    }
}

/// All violations in one block, grouped by rule.
fn report(violations: &[Violation]) -> String {
    if violations.is_empty() {
        return "Violations: none\n".to_string();
    }
    let counts: Vec<String> = Rule::ALL
        .iter()
        .map(|&rule| (rule, violations.iter().filter(|v| v.rule == rule).count()))
        .filter(|&(_, n)| n > 0)
        .map(|(rule, n)| format!("{} {n}", rule.title().split(" (").next().unwrap_or("")))
        .collect();
    let mut out = format!(
        "src/ breaks the architecture rules in {} places ({}):\n",
        violations.len(),
        counts.join(", ")
    );
    for rule in Rule::ALL {
        let of_rule: Vec<&Violation> = violations.iter().filter(|v| v.rule == rule).collect();
        if of_rule.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{} ({}):", rule.title(), of_rule.len());
        for violation in of_rule {
            let _ = writeln!(out, "  {}: {}", violation.place, violation.message);
        }
    }
    out
}

// ---------------------------------------------------------------------------------
// The checker, on small made-up crates.

mod checker {
    use super::*;

    fn arrows_of(files: &[(&str, &str)]) -> Vec<(String, String)> {
        let architecture = Architecture::of(files);
        let mut arrows: Vec<(String, String)> = architecture
            .arrows()
            .keys()
            .map(|&(from, to)| {
                let path = |f: usize| architecture.files[f].path.clone();
                (path(from), path(to))
            })
            .collect();
        arrows.sort();
        arrows
    }

    fn arrow(from: &str, to: &str) -> (String, String) {
        (from.to_string(), to.to_string())
    }

    fn violations_of(files: &[(&str, &str)], rule: Rule) -> Vec<Violation> {
        Architecture::of(files)
            .violations()
            .into_iter()
            .filter(|v| v.rule == rule)
            .collect()
    }

    const ROOT: (&str, &str) = ("src/lib.rs", "pub mod db;\npub mod ingest;\npub mod ask;\n");

    #[test]
    fn a_loop_between_two_files_is_found() {
        let files = [
            ROOT,
            (
                "src/db.rs",
                "use crate::ingest::Record;\npub fn open() {}\n",
            ),
            (
                "src/ingest.rs",
                "pub struct Record;\nfn f() { crate::db::open(); }\n",
            ),
            ("src/ask.rs", "use crate::db;\nfn f() { db::open(); }\n"),
        ];
        let architecture = Architecture::of(&files);
        let loops: Vec<Vec<&str>> = architecture
            .loops()
            .iter()
            .map(|c| {
                c.iter()
                    .map(|&f| architecture.files[f].path.as_str())
                    .collect()
            })
            .collect();
        assert_eq!(loops, [["src/db.rs", "src/ingest.rs"]]);
        let found = violations_of(&files, Rule::Loop);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("src/db.rs:1 (crate::ingest::Record) -> src/ingest.rs:2 (crate::db::open) -> src/db.rs"), "{}", found[0].message);
    }

    #[test]
    fn an_allowed_loop_passes_only_as_exactly_its_files() {
        let root = (
            "src/lib.rs",
            "pub mod cli;\npub mod complete;\npub mod db;\n",
        );
        let cli = ("src/cli.rs", "fn f() { crate::complete::names(); }\n");
        let complete = ("src/complete.rs", "use crate::cli::Cli;\n");
        let allowed: &[(&[&str], &str)] = &[(&["src/cli.rs", "src/complete.rs"], "clap")];
        let loops = |files: &[(&str, &str)]| -> usize {
            let architecture = Architecture::of(files);
            let found = architecture.violations_allowing(allowed);
            found.iter().filter(|v| v.rule == Rule::Loop).count()
        };
        assert_eq!(loops(&[root, cli, complete]), 0);
        // A larger loop through the same two files is not the one allowed.
        let complete = (
            "src/complete.rs",
            "use crate::cli::Cli;\nuse crate::db::Db;\n",
        );
        let db = ("src/db.rs", "fn f() { crate::cli::parse(); }\n");
        assert_eq!(loops(&[root, cli, complete, db]), 1);
    }

    #[test]
    fn an_arrow_up_the_layers_is_found_and_one_down_is_not() {
        let files = [
            ROOT,
            (
                "src/db.rs",
                "pub fn f() -> crate::ask::Answer { todo!() }\n",
            ),
            ("src/ask.rs", "pub struct Answer;\nuse crate::db::f;\n"),
            ("src/ingest.rs", ""),
        ];
        let found = violations_of(&files, Rule::Upward);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].place, "src/db.rs:1");
        assert!(
            found[0].message.contains("rank 1 uses rank 4"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_use_group_leads_to_the_deepest_file_on_each_path() {
        let root = ("src/lib.rs", "pub mod a;\npub mod x;\n");
        let a = ("src/a/mod.rs", "pub mod b;\npub fn d() {}\n");
        let b = ("src/a/b.rs", "pub struct C;\n");
        let user = ("src/x.rs", "use crate::a::{b::C, d};\n");
        assert_eq!(
            arrows_of(&[root, a, b, user]),
            [
                arrow("src/x.rs", "src/a/b.rs"),
                arrow("src/x.rs", "src/a/mod.rs")
            ]
        );
        // `d` as a module of its own: the import is a use of its file.
        let a = ("src/a/mod.rs", "pub mod b;\npub mod d;\n");
        let d = ("src/a/d.rs", "pub fn f() {}\n");
        assert_eq!(
            arrows_of(&[root, a, b, d, user]),
            [
                arrow("src/x.rs", "src/a/b.rs"),
                arrow("src/x.rs", "src/a/d.rs")
            ]
        );
        // `self` in a group names the module; its uses are where the name is used.
        let user = (
            "src/x.rs",
            "use crate::a::{self, b::C};\nfn f() { a::d::f(); }\n",
        );
        assert_eq!(
            arrows_of(&[root, a, b, d, user]),
            [
                arrow("src/x.rs", "src/a/b.rs"),
                arrow("src/x.rs", "src/a/d.rs")
            ]
        );
        // Nested groups, `super`, and a child module's name.
        let user = ("src/a/d.rs", "use super::{b::{self as bee}, *};\n");
        let a = ("src/a/mod.rs", "pub mod b;\npub mod d;\nfn f() { b::C; }\n");
        assert_eq!(
            arrows_of(&[root, a, b, user]),
            [
                arrow("src/a/d.rs", "src/a/b.rs"),
                arrow("src/a/d.rs", "src/a/mod.rs"),
                arrow("src/a/mod.rs", "src/a/b.rs"),
            ]
        );
    }

    #[test]
    fn paths_in_strings_comments_and_test_modules_are_not_uses() {
        let text = r####"
//! Uses crate::db::open in a doc comment.
/* crate::db /* nested */ crate::db */
fn f() -> &'static str {
    let _c = '"'; let _d = '\''; let _e = b'"';
    let _ = r#"crate::db::open() and a " quote"#;
    "crate::db::open()"
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::open;
}
"####;
        let files = [
            ROOT,
            ("src/ingest.rs", text),
            ("src/db.rs", "pub fn open() {}\n"),
        ];
        assert_eq!(arrows_of(&files), Vec::<(String, String)>::new());
        // The same path in code is a use.
        let files = [
            ROOT,
            ("src/ingest.rs", "fn f() { crate::db::open() }\n"),
            files[2],
        ];
        assert_eq!(arrows_of(&files), [arrow("src/ingest.rs", "src/db.rs")]);
    }

    #[test]
    fn macros_exported_at_the_root_are_uses_of_the_file_that_defines_them() {
        let root = (
            "src/lib.rs",
            "#[macro_export]\nmacro_rules! say { () => {} }\npub mod db;\npub mod ask;\n",
        );
        let files = [
            root,
            ("src/db.rs", "fn f() { say!(); }\n"),
            (
                "src/ask.rs",
                "#[derive(Debug)]\nstruct A;\nfn f() { crate::say!(); }\n",
            ),
        ];
        assert_eq!(
            arrows_of(&files),
            [
                arrow("src/ask.rs", "src/lib.rs"),
                arrow("src/db.rs", "src/lib.rs")
            ]
        );
        // Defined in a leaf with #[macro_export], a call is a use of that leaf.
        let root = ("src/lib.rs", "#[macro_use]\nmod say;\npub mod db;\n");
        let leaf = (
            "src/say.rs",
            "#[macro_export]\nmacro_rules! say { () => {} }\n",
        );
        let files = [
            root,
            leaf,
            ("src/db.rs", "fn f() { crate::say!(); say!(); }\n"),
        ];
        assert_eq!(arrows_of(&files), [arrow("src/db.rs", "src/say.rs")]);
    }

    #[test]
    fn forbidden_arrows_are_named() {
        let files = [
            (
                "src/lib.rs",
                "pub mod commands;\npub mod cli;\npub mod ask;\n",
            ),
            (
                "src/commands/mod.rs",
                "mod a;\nmod b;\nfn run() { a::run(); b::run(); }\n",
            ),
            (
                "src/commands/a.rs",
                "pub fn run() { crate::commands::b::run() }\n",
            ),
            ("src/commands/b.rs", "pub fn run() {}\n"),
            (
                "src/cli.rs",
                "pub struct Cli { r: crate::commands::b::R }\n",
            ),
            (
                "src/ask.rs",
                "use clap::Parser;\nfn f(_: clap::ArgMatches) {}\n",
            ),
        ];
        let found: Vec<String> = violations_of(&files, Rule::Named)
            .into_iter()
            .map(|v| v.place)
            .collect();
        assert_eq!(
            found,
            [
                "src/ask.rs:1",
                "src/ask.rs:2",
                "src/cli.rs:1",
                "src/commands/a.rs:1",
            ]
        );
    }

    #[test]
    fn a_long_function_and_a_long_file_are_measured_without_their_tests() {
        let body = "    let x = 1;\n".repeat(128);
        let tests = format!("#[cfg(test)]\nmod tests {{\n    fn long() {{\n{body}    }}\n}}\n");
        let text = format!("fn short() {{}}\n\nfn long(\n    x: [u8; 4],\n) {{\n{body}}}\n{tests}");
        let files = [ROOT, ("src/db.rs", text.as_str())];
        let architecture = Architecture::of(&files);
        let db = &architecture.files[1];
        let longest = db.longest_function().expect("two functions");
        assert_eq!(
            (longest.name.as_str(), longest.line, longest.lines),
            ("long", 3, 132)
        );
        assert_eq!(
            db.functions.len(),
            2,
            "the test module's fn is not measured"
        );
        assert_eq!(db.code_lines(), 134);
        assert_eq!(db.test_lines, 133);
        let found = violations_of(&files, Rule::FunctionSize);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].place, "src/db.rs:3");
        assert!(violations_of(&files, Rule::FileSize).is_empty());
        // 701 lines outside tests is one too many, whatever the tests add.
        let text = format!("{}{tests}", "const X: u8 = 1;\n".repeat(701));
        let found = violations_of(&[ROOT, ("src/db.rs", &text)], Rule::FileSize);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].message.starts_with("701 lines outside tests"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn modules_missing_from_the_layer_table_are_named_and_test_files_are_exempt() {
        let files = [
            (
                "src/lib.rs",
                "pub mod db;\npub mod gadgets;\n#[cfg(test)]\nmod properties;\n",
            ),
            ("src/db.rs", "#[cfg(test)]\nmod tests;\n"),
            ("src/db/tests.rs", "use crate::gadgets::G;\n"),
            ("src/gadgets.rs", "pub struct G;\n"),
            ("src/properties.rs", "use crate::gadgets::G;\n"),
        ];
        let found: Vec<String> = violations_of(&files, Rule::Unplaced)
            .into_iter()
            .map(|v| v.place)
            .collect();
        assert_eq!(found, ["src/gadgets.rs"]);
    }
}
