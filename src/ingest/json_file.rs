//! Reading JSON claims files (one array of claim objects), whole or streamed one
//! object at a time, each record with the line its object starts on; an object
//! that repeats a key, or is longer than a claim can be, is a problem.

use serde::Deserialize;

use crate::ingest::record::{ClaimRecord, Located, MAX_ROW_BYTES, Problem};

/// Reads a JSON array of claim objects, reporting every bad object with the line
/// it starts on.
pub fn read_json_claims(text: &str) -> Result<Vec<Located<ClaimRecord>>, Vec<Problem>> {
    let values: Vec<serde_json::Value> = match serde_json::from_str(text) {
        Ok(serde_json::Value::Array(values)) => values,
        Ok(_) => {
            return Err(vec![Problem::new(
                1,
                "the file must hold one JSON array of claim objects",
            )]);
        }
        Err(e) => {
            return Err(vec![Problem::new(
                e.line() as u64,
                format!("not valid JSON: {e}"),
            )]);
        }
    };
    let lines = object_lines(text);
    let mut records = Vec::with_capacity(values.len());
    let mut problems = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(0);
        match serde_json::from_value::<ClaimRecord>(value) {
            Ok(record) => records.push(Located { line, record }),
            Err(e) => problems.push(Problem::new(line, format!("claim {}: {e}", i + 1))),
        }
    }
    if problems.is_empty() {
        Ok(records)
    } else {
        Err(problems)
    }
}

/// Reads a JSON array of claim objects from `reader` one object at a time, handing
/// each record (with the line its object starts on), or the problem with it, to
/// `each`, which returns false to stop. The bytes read so far are passed along for
/// progress. No object may be longer than [`MAX_ROW_BYTES`]: memory stays bounded
/// whatever the file holds.
pub fn json_claims_from<R: std::io::Read>(
    reader: R,
    mut each: impl FnMut(u64, Result<Located<ClaimRecord>, Problem>) -> bool,
) -> Result<(), Problem> {
    use serde::de::{Deserializer as _, SeqAccess, Visitor};
    use std::rc::Rc;

    let state = Rc::new(JsonState::default());
    let tracker = JsonTracker {
        inner: reader,
        state: Rc::clone(&state),
    };
    struct Claims<'s, F> {
        state: &'s JsonState,
        each: F,
    }
    impl<'de, F: FnMut(u64, Result<Located<ClaimRecord>, Problem>) -> bool> Visitor<'de>
        for Claims<'_, F>
    {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("one JSON array of claim objects")
        }
        fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
            let mut n = 0u64;
            while let Some(element) = seq.next_element::<Element>()? {
                n += 1;
                let line = self.state.element_line.get();
                let row = match element.repeated {
                    Some(key) => Err(Problem::new(
                        line,
                        format!("claim {n}: the key \"{key}\" appears twice"),
                    )),
                    None => serde_json::from_value::<ClaimRecord>(element.value)
                        .map(|record| Located { line, record })
                        .map_err(|e| Problem::new(line, format!("claim {n}: {e}"))),
                };
                if !(self.each)(self.state.bytes.get(), row) {
                    return Ok(());
                }
            }
            Ok(())
        }
    }
    let mut de = serde_json::Deserializer::from_reader(tracker);
    let visitor = Claims {
        state: &state,
        each: &mut each,
    };
    let outcome = de.deserialize_seq(visitor).and_then(|()| de.end());
    outcome.map_err(|e| {
        let line = if e.is_io() {
            state.line.get()
        } else {
            e.line() as u64
        };
        if e.is_data() {
            Problem::new(1, "the file must hold one JSON array of claim objects")
        } else {
            Problem::new(line, format!("not valid JSON: {e}"))
        }
    })?;
    Ok(())
}

/// One element of a JSON claims array, and the first key its object repeats:
/// serde_json would keep the last value of a repeated key without a word.
struct Element {
    value: serde_json::Value,
    repeated: Option<String>,
}

impl Element {
    fn plain(value: serde_json::Value) -> Element {
        Element {
            value,
            repeated: None,
        }
    }
}

impl<'de> Deserialize<'de> for Element {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Element, D::Error> {
        use serde::de::{MapAccess, SeqAccess, Visitor};
        use serde_json::Value;
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Element;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a claim object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Element, A::Error> {
                let mut object = serde_json::Map::new();
                let mut repeated = None;
                while let Some(key) = map.next_key::<String>()? {
                    let value = map.next_value::<Value>()?;
                    if object.contains_key(&key) && repeated.is_none() {
                        repeated = Some(key.clone());
                    }
                    object.insert(key, value);
                }
                Ok(Element {
                    value: Value::Object(object),
                    repeated,
                })
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Element, A::Error> {
                Value::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))
                    .map(Element::plain)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Element, E> {
                Ok(Element::plain(v.into()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Element, E> {
                Ok(Element::plain(v.into()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Element, E> {
                Ok(Element::plain(v.into()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Element, E> {
                Ok(Element::plain(v.into()))
            }
            fn visit_str<E>(self, v: &str) -> Result<Element, E> {
                Ok(Element::plain(v.into()))
            }
            fn visit_unit<E>(self) -> Result<Element, E> {
                Ok(Element::plain(Value::Null))
            }
        }
        d.deserialize_any(V)
    }
}

/// Where a JSON claims file is being read: what `JsonTracker` sees pass.
#[derive(Default)]
struct JsonState {
    line: std::cell::Cell<u64>,
    bytes: std::cell::Cell<u64>,
    /// The line the element of the top-level array being read starts on.
    element_line: std::cell::Cell<u64>,
    depth: std::cell::Cell<u32>,
    in_string: std::cell::Cell<bool>,
    escaped: std::cell::Cell<bool>,
    /// True between the array's `[` or a `,` at depth 1 and the next element.
    expecting: std::cell::Cell<bool>,
    /// Bytes of the element being read.
    element_bytes: std::cell::Cell<usize>,
}

/// Passes a JSON text through, noting the line each top-level element starts on
/// (as [`object_lines`] does for a whole text) and refusing an element longer than
/// [`MAX_ROW_BYTES`].
struct JsonTracker<R> {
    inner: R,
    state: std::rc::Rc<JsonState>,
}

impl<R: std::io::Read> std::io::Read for JsonTracker<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let s = &*self.state;
        for &b in &buf[..n] {
            s.bytes.set(s.bytes.get() + 1);
            if s.line.get() == 0 {
                s.line.set(1);
            }
            if b == b'\n' {
                s.line.set(s.line.get() + 1);
            }
            if s.depth.get() >= 1 {
                s.element_bytes.set(s.element_bytes.get() + 1);
                if s.element_bytes.get() > MAX_ROW_BYTES {
                    return Err(std::io::Error::other(format!(
                        "the claim starting on line {} is longer than {} MiB",
                        s.element_line.get(),
                        MAX_ROW_BYTES >> 20
                    )));
                }
            }
            if s.in_string.get() {
                match (s.escaped.get(), b) {
                    (true, _) => s.escaped.set(false),
                    (false, b'\\') => s.escaped.set(true),
                    (false, b'"') => s.in_string.set(false),
                    _ => {}
                }
                continue;
            }
            if s.expecting.get() && s.depth.get() == 1 && !b.is_ascii_whitespace() && b != b']' {
                s.element_line.set(s.line.get());
                s.element_bytes.set(0);
                s.expecting.set(false);
            }
            match b {
                b'"' => s.in_string.set(true),
                b'[' | b'{' => {
                    s.depth.set(s.depth.get() + 1);
                    if s.depth.get() == 1 {
                        s.expecting.set(true);
                    }
                }
                b']' | b'}' => s.depth.set(s.depth.get().saturating_sub(1)),
                b',' if s.depth.get() == 1 => s.expecting.set(true),
                _ => {}
            }
        }
        Ok(n)
    }
}

/// The line each element of a top-level JSON array starts on.
fn object_lines(text: &str) -> Vec<u64> {
    let (mut depth, mut line, mut in_string, mut escaped) = (0u32, 1u64, false, false);
    // True between the array's `[` or a `,` at depth 1 and the next element.
    let mut expecting = false;
    let mut starts = Vec::new();
    for ch in text.chars() {
        if ch == '\n' {
            line += 1;
        }
        if in_string {
            match (escaped, ch) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        if expecting && depth == 1 && !ch.is_whitespace() && ch != ']' {
            starts.push(line);
            expecting = false;
        }
        match ch {
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                if depth == 1 {
                    expecting = true;
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            ',' if depth == 1 => expecting = true,
            _ => {}
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_problems_carry_the_line_of_their_object() {
        let text = "[\n  {\"subject\": \"a\", \"kind\": \"pro\", \"topic\": \"t\",\n   \"statement\": \"s\", \"quote\": \"q\"},\n  {\"subject\": \"b\"}\n]";
        let problems = read_json_claims(text).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 4);
        assert!(
            problems[0].message.contains("missing field"),
            "{problems:?}"
        );
        assert_eq!(
            object_lines("[{\"a\": \"}{[\"}, 10,\n \"x,y\", true]"),
            vec![1, 1, 2, 2]
        );
    }
}
