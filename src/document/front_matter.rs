//! YAML (`---`), TOML (`+++`) and JSON (`{` … `}`, as Hugo reads it) front matter: the
//! block's span, its parsed value, and the spans of its top-level keys (for metadata and
//! diagnostics).

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrontMatterKind {
    Yaml,
    Toml,
    /// Hugo's: the file starts with `{`, and the object ends at a line that is `}` alone.
    Json,
}

/// A top-level key of the front matter with the span of its (scalar) value.
#[derive(Clone, Debug)]
pub struct FrontMatterKey {
    pub name: String,
    pub key_span: Range<usize>,
    pub value_span: Range<usize>,
    /// The scalar value as written, quotes removed; empty for nested values.
    pub value: String,
}

#[derive(Clone, Debug)]
pub struct FrontMatter {
    pub kind: FrontMatterKind,
    /// The whole block, delimiters included.
    pub span: Range<usize>,
    /// The text between the delimiters.
    pub body: Range<usize>,
    /// The parsed value; `None` when it does not parse (see `error`).
    pub value: Option<serde_json::Value>,
    pub error: Option<String>,
    pub keys: Vec<FrontMatterKey>,
}

impl FrontMatter {
    /// Find front matter at the very start of `text` and parse it.
    pub fn detect(text: &str) -> Option<FrontMatter> {
        let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let t = &text[start..];
        if t.starts_with('{') {
            return Self::detect_json(text, start);
        }
        let (kind, delim) = if t.starts_with("---") {
            (FrontMatterKind::Yaml, "---")
        } else if t.starts_with("+++") {
            (FrontMatterKind::Toml, "+++")
        } else {
            return None;
        };
        let first_end = t.find('\n')?;
        if t[..first_end].trim_end() != delim {
            return None;
        }
        let body_start = start + first_end + 1;
        let mut pos = body_start;
        let mut close = None;
        for line in text[body_start..].split_inclusive('\n') {
            let l = line.trim_end();
            if l == delim || (kind == FrontMatterKind::Yaml && l == "...") {
                close = Some((pos, pos + line.len()));
                break;
            }
            pos += line.len();
        }
        let (body_end, end) = close?;
        let body = &text[body_start..body_end];
        let (value, error) = match kind {
            FrontMatterKind::Yaml => match serde_saphyr::from_str::<serde_json::Value>(body) {
                Ok(v) => (Some(v), None),
                Err(e) => (None, Some(first_line(&e.to_string()))),
            },
            FrontMatterKind::Toml => match toml::from_str::<toml::Table>(body) {
                Ok(v) => (serde_json::to_value(v).ok(), None),
                Err(e) => (None, Some(first_line(e.message()))),
            },
            FrontMatterKind::Json => unreachable!("JSON front matter is read by detect_json"),
        };
        let keys = top_level_keys(text, body_start..body_end, kind);
        Some(FrontMatter {
            kind,
            span: start..end,
            body: body_start..body_end,
            value,
            error,
            keys,
        })
    }

    /// Hugo's JSON front matter: an object opened by the file's first byte (`{` then a line
    /// break, a space or a `"`, never a template's `{{` or `{%`) and closed by the first line
    /// that is `}` alone; the braces are part of the value.
    fn detect_json(text: &str, start: usize) -> Option<FrontMatter> {
        let t = &text[start..];
        if !matches!(
            t.as_bytes().get(1),
            Some(b'\n' | b'\r' | b' ' | b'\t' | b'"')
        ) {
            return None;
        }
        let mut pos = start;
        let mut close = None;
        for line in t.split_inclusive('\n') {
            if pos > start && line.trim_end() == "}" {
                close = Some((pos + line.trim_end().len(), pos + line.len()));
                break;
            }
            pos += line.len();
        }
        let (body_end, end) = close?;
        let (value, error) = match serde_json::from_str::<serde_json::Value>(&text[start..body_end])
        {
            Ok(v) if v.is_object() => (Some(v), None),
            Ok(_) => (None, Some("not a JSON object".to_string())),
            Err(e) => (None, Some(first_line(&e.to_string()))),
        };
        let keys = json_keys(text, start..body_end, value.as_ref());
        Some(FrontMatter {
            kind: FrontMatterKind::Json,
            span: start..end,
            body: start..body_end,
            value,
            error,
            keys,
        })
    }

    pub fn key(&self, name: &str) -> Option<&FrontMatterKey> {
        self.keys.iter().find(|k| k.name == name)
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).trim().to_string()
}

/// The top-level keys of a JSON object at `body` (`{` … `}`): each `"name":` at depth one,
/// with the span of its scalar value (a string's without its quotes; its value unescaped from
/// the parsed object).
fn json_keys(
    text: &str,
    body: Range<usize>,
    value: Option<&serde_json::Value>,
) -> Vec<FrontMatterKey> {
    let b = text.as_bytes();
    let mut keys = Vec::new();
    let mut depth = 0usize;
    // the string that closed last, and where
    let mut last_string: Option<Range<usize>> = None;
    let mut i = body.start;
    while i < body.end {
        match b[i] {
            b'"' => {
                let from = i + 1;
                let mut j = from;
                while j < body.end && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                let to = j.min(body.end);
                last_string = Some(from..to);
                i = to + 1;
                continue;
            }
            b':' if depth == 1 => {
                if let Some(k) = last_string.take() {
                    let name = text[k.clone()].to_string();
                    let mut v = i + 1;
                    while v < body.end && b[v].is_ascii_whitespace() {
                        v += 1;
                    }
                    let scalar = value.and_then(|o| o.get(&name));
                    let (val, vspan) = match b.get(v) {
                        Some(b'"') => {
                            let mut j = v + 1;
                            while j < body.end && b[j] != b'"' {
                                j += if b[j] == b'\\' { 2 } else { 1 };
                            }
                            let raw = v + 1..j.min(body.end);
                            let s = scalar
                                .and_then(|x| x.as_str())
                                .map_or_else(|| text[raw.clone()].to_string(), str::to_string);
                            (s, raw)
                        }
                        Some(b'{' | b'[') | None => (String::new(), v..v),
                        Some(_) => {
                            let len = text[v..body.end]
                                .find([',', '}', '\n', '\r'])
                                .unwrap_or(body.end - v);
                            let raw = text[v..v + len].trim_end();
                            (raw.to_string(), v..v + raw.len())
                        }
                    };
                    keys.push(FrontMatterKey {
                        name,
                        key_span: k,
                        value_span: vspan,
                        value: val,
                    });
                }
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            b',' => last_string = None,
            _ => {}
        }
        i += 1;
    }
    keys
}

fn top_level_keys(text: &str, body: Range<usize>, kind: FrontMatterKind) -> Vec<FrontMatterKey> {
    let sep = match kind {
        FrontMatterKind::Yaml => ':',
        FrontMatterKind::Toml | FrontMatterKind::Json => '=',
    };
    let mut keys = Vec::new();
    let mut pos = body.start;
    for line in text[body.clone()].split_inclusive('\n') {
        let l = line.trim_end_matches(['\n', '\r']);
        let first = l.chars().next();
        if matches!(first, Some(c) if c.is_ascii_alphabetic() || c == '_' || c == '"' || c == '\'')
            && let Some(i) = l.find(sep)
        {
            let name = l[..i].trim().trim_matches(['"', '\'']).to_string();
            // YAML's plain keys may hold spaces ("Publication Date: 2025-10-30")
            let space = kind == FrontMatterKind::Yaml;
            let valid = !name.is_empty()
                && name.chars().all(|c| {
                    c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '@') || (space && c == ' ')
                });
            if valid {
                let raw = &l[i + 1..];
                let lead = raw.len() - raw.trim_start().len();
                let mut v = raw.trim();
                // strip a trailing YAML comment
                if let Some(h) = v.find(" #") {
                    v = v[..h].trim_end();
                }
                let vstart = pos + i + 1 + lead;
                let (value, vspan) = unquote(v, vstart);
                keys.push(FrontMatterKey {
                    name,
                    key_span: pos..pos + i,
                    value_span: vspan,
                    value,
                });
            }
        }
        pos += line.len();
    }
    keys
}

fn unquote(v: &str, at: usize) -> (String, Range<usize>) {
    let b = v.as_bytes();
    if b.len() >= 2 && (b[0] == b'"' || b[0] == b'\'') && b[b.len() - 1] == b[0] {
        return (v[1..v.len() - 1].to_string(), at + 1..at + v.len() - 1);
    }
    (v.to_string(), at..at + v.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_keys_have_value_spans() {
        let t = "---\ntitle: A page\nlastReviewed: '2025-12-30'\ntags:\n- a\n---\n# Body\n";
        let fm = FrontMatter::detect(t).unwrap();
        assert_eq!(fm.kind, FrontMatterKind::Yaml);
        let k = fm.key("lastReviewed").unwrap();
        assert_eq!(&t[k.value_span.clone()], "2025-12-30");
        assert_eq!(fm.value.as_ref().unwrap()["title"], "A page");
        assert_eq!(
            &t[fm.span.clone()],
            "---\ntitle: A page\nlastReviewed: '2025-12-30'\ntags:\n- a\n---\n"
        );
    }

    #[test]
    fn broken_yaml_is_reported_not_fatal() {
        let t = "---\ntitle: [unclosed\n---\ntext\n";
        let fm = FrontMatter::detect(t).unwrap();
        assert!(fm.value.is_none());
        assert!(fm.error.is_some());
    }

    #[test]
    fn toml_front_matter() {
        let t = "+++\ntitle = \"x\"\nupdated = 2025-01-02\n+++\nbody";
        let fm = FrontMatter::detect(t).unwrap();
        assert_eq!(fm.kind, FrontMatterKind::Toml);
        assert_eq!(fm.key("updated").unwrap().value, "2025-01-02");
        assert!(fm.value.is_some());
    }

    #[test]
    fn json_front_matter() {
        let t = "{\n    \"title\": \"Sleep \\u2013 a guide\",\n    \"tags\": [\"a\", \"b\"],\n    \"page_id\": 12,\n    \"date\": \"2024-05-01\"\n}\n\n# Body {with braces}\n";
        let fm = FrontMatter::detect(t).unwrap();
        assert_eq!(fm.kind, FrontMatterKind::Json);
        assert!(fm.error.is_none());
        assert_eq!(&t[fm.span.clone()], &t[..t.find("\n\n#").unwrap() + 1]);
        let names: Vec<&str> = fm.keys.iter().map(|k| k.name.as_str()).collect();
        assert_eq!(names, ["title", "tags", "page_id", "date"]);
        assert_eq!(fm.key("title").unwrap().value, "Sleep \u{2013} a guide");
        let d = fm.key("date").unwrap();
        assert_eq!(&t[d.value_span.clone()], "2024-05-01");
        assert_eq!(fm.key("page_id").unwrap().value, "12");
        // a template tag or a brace in prose is not front matter
        assert!(FrontMatter::detect("{% include x %}\n}\n").is_none());
        assert!(FrontMatter::detect("{{ page.title }}\n}\n").is_none());
        assert!(FrontMatter::detect("{\"a\": 1} and text\n").is_none());
    }

    #[test]
    fn unclosed_front_matter_is_not_front_matter() {
        assert!(FrontMatter::detect("---\ntitle: x\nno end").is_none());
    }
}
