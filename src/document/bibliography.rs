//! CSL-JSON bibliographies named by front-matter `bibliography:` (pandoc's convention) or by
//! the config, resolved relative to the article. Each entry keeps its title, identifiers and
//! abstract for the evidence rule.

use super::{Document, Ids, ListKind, RefKey, Reference, ReferenceList};
use crate::diagnostic::{Diagnostic, Severity};
use std::path::{Path, PathBuf};

/// Rule id for problems with the input itself (unreadable files, broken front matter or
/// bibliography). Always on; never fails silently.
pub const PARSE_ERROR: &str = "parse-error";

fn named(doc: &Document) -> Vec<(String, std::ops::Range<usize>)> {
    let Some(fm) = &doc.front_matter else {
        return Vec::new();
    };
    let span = fm
        .key("bibliography")
        .map(|k| k.value_span.clone())
        .unwrap_or(fm.span.clone());
    match fm.value.as_ref().and_then(|v| v.get("bibliography")) {
        Some(serde_json::Value::String(s)) => vec![(s.clone(), span)],
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str())
            .map(|s| (s.to_string(), span.clone()))
            .collect(),
        _ => Vec::new(),
    }
}

pub fn load(doc: &mut Document, opts: &super::ParseOptions) {
    let mut files = named(doc);
    let cites_keys = doc
        .citations
        .iter()
        .any(|c| c.syntax == super::CiteSyntax::Pandoc);
    if files.is_empty() && cites_keys {
        let span = 0..0;
        files.extend(
            opts.bibliographies
                .iter()
                .map(|b| (b.clone(), span.clone())),
        );
    }
    if files.is_empty() || !opts.read_files {
        return;
    }
    let base: PathBuf = Path::new(&doc.path)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    for (name, span) in files {
        let path = base.join(&name);
        let shown = path.to_string_lossy().to_string();
        let text = match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(e) => {
                    problem(
                        doc,
                        span,
                        format!(
                            "bibliography `{shown}` is not valid UTF-8 (at byte {})",
                            e.utf8_error().valid_up_to()
                        ),
                    );
                    continue;
                }
            },
            Err(e) => {
                problem(
                    doc,
                    span,
                    format!("cannot read bibliography `{shown}`: {}", io_reason(&e)),
                );
                continue;
            }
        };
        match parse_csl(&text) {
            Ok(items) => push(doc, items, &text, shown, span),
            Err(msg) => problem(
                doc,
                span,
                format!("bibliography `{shown}` is not CSL-JSON: {msg}"),
            ),
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn problem(doc: &mut Document, span: std::ops::Range<usize>, msg: String) {
    let mut d = Diagnostic::new(PARSE_ERROR, span, msg)
        .help("bibliography: names a CSL-JSON file (an array of items with `id`, `title`, `abstract`), relative to the article");
    d.severity = Severity::Error;
    doc.problems.push(d);
}

/// One CSL-JSON item, the fields citelint reads.
pub struct CslItem {
    pub id: String,
    pub title: Option<String>,
    pub abstract_text: Option<String>,
    pub container: Option<String>,
    pub ids: Ids,
}

pub fn parse_csl(text: &str) -> Result<Vec<CslItem>, String> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let arr = match &v {
        serde_json::Value::Array(a) => a,
        serde_json::Value::Object(o) => match o.get("items").and_then(|i| i.as_array()) {
            Some(a) => a,
            None => return Err("expected an array of items".into()),
        },
        _ => return Err("expected an array of items".into()),
    };
    let mut out = Vec::with_capacity(arr.len());
    for (i, item) in arr.iter().enumerate() {
        let o = item
            .as_object()
            .ok_or_else(|| format!("item {} is not an object", i + 1))?;
        let s = |k: &str| {
            o.get(k)
                .and_then(|v| v.as_str())
                .map(|s| s.trim().to_string())
        };
        // prose fields may hold CSL rich text: entities and a few inline tags
        let prose = |k: &str| s(k).map(|t| plain_rich_text(&t));
        let id = match o.get("id") {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => return Err(format!("item {} has no `id`", i + 1)),
        };
        out.push(CslItem {
            id,
            title: prose("title"),
            abstract_text: prose("abstract"),
            container: prose("container-title"),
            ids: Ids {
                doi: s("DOI").map(|d| d.to_lowercase()),
                pmid: s("PMID"),
                url: s("URL"),
            },
        });
    }
    Ok(out)
}

/// The plain text of a CSL rich-text field: the inline tags CSL allows (`<i>`, `<b>`, `<sup>`,
/// `<sub>`, `<span …>`, `<sc>`) dropped and character references decoded, so that a
/// bibliography abstract reads like the same text in a Markdown list item.
pub fn plain_rich_text(raw: &str) -> String {
    const TAGS: [&str; 6] = ["i", "b", "sup", "sub", "span", "sc"];
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let tag = after.strip_prefix('/').unwrap_or(after);
        let name_len = tag
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(tag.len());
        let name = &tag[..name_len];
        let end = tag.find('>');
        let known = TAGS.iter().any(|t| t.eq_ignore_ascii_case(name))
            && tag[name_len..].starts_with([' ', '>', '/'])
            && end.is_some_and(|e| !tag[..e].contains('<'));
        if let (true, Some(e)) = (known, end) {
            rest = &tag[e + 1..];
        } else {
            out.push('<');
            rest = after;
        }
    }
    out.push_str(rest);
    super::html::decode_entities(&out)
}

fn push(
    doc: &mut Document,
    items: Vec<CslItem>,
    text: &str,
    shown: String,
    span: std::ops::Range<usize>,
) {
    let list = doc.lists.len();
    let mut idx = Vec::with_capacity(items.len());
    // Items are found in file order, searching on from the previous one: a search from the
    // start for every item made a 100,000-entry bibliography quadratic. An id written
    // differently from its JSON form (a number) gets an empty span; after a few misses the
    // search stops, so misses cannot make it quadratic either.
    let (mut cursor, mut misses) = (0, 0);
    for it in items {
        let needle = serde_json::to_string(&it.id).unwrap_or_default();
        let found = (misses < 16)
            .then(|| text[cursor..].find(&needle))
            .flatten();
        let entry_span = match found {
            Some(i) => {
                cursor += i + needle.len();
                cursor - needle.len()..cursor
            }
            None => {
                misses += 1;
                cursor..cursor
            }
        };
        let body = [it.title.clone(), it.container.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        idx.push(doc.references.len());
        doc.references.push(Reference {
            key: RefKey::Key(it.id),
            span: entry_span.clone(),
            key_span: entry_span,
            text: body,
            title: it.title,
            ids: it.ids,
            abstract_text: it.abstract_text,
            list,
            path: Some(shown.clone()),
        });
    }
    let len = doc.text.len();
    doc.lists.push(ReferenceList::whole_document(
        ListKind::Bibliography,
        span,
        len,
        idx,
        Some(shown),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rich_text_fields_read_as_plain_text() {
        assert_eq!(
            plain_rich_text("Adults aged &#8805;65 years &amp; <i>in vitro</i> H<sub>2</sub>O"),
            "Adults aged ≥65 years & in vitro H2O"
        );
        // comparisons and unknown tags stay as written
        assert_eq!(plain_rich_text("p<0.05 and a <b"), "p<0.05 and a <b");
        assert_eq!(plain_rich_text("<em>x</em> &bogus;"), "<em>x</em> &bogus;");
        let items = parse_csl(
            r#"[{"id": "a", "title": "T &lt; U", "abstract": "Up &#x2265;2 <sup>a</sup>"}]"#,
        )
        .unwrap();
        assert_eq!(items[0].title.as_deref(), Some("T < U"));
        assert_eq!(items[0].abstract_text.as_deref(), Some("Up ≥2 a"));
    }
}
