//! `--format sarif`: SARIF 2.1.0, one run. `tool.driver.rules` lists every rule with its
//! documentation; results carry byte offsets and character columns
//! (`columnKind: unicodeCodePoints`), secondary labels become `relatedLocations`, and findings
//! silenced by a suppression comment are kept with `suppressions: [{kind: "inSource"}]`.

use super::{End, Piece, Renderer};
use crate::checks;
use crate::diagnostic::{Diagnostic, FileReport, Severity};
use crate::document::LineIndex;
use crate::document::lines::floor_char;
use serde_json::{Value, json};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/citelint/citelint";

/// A rule as SARIF describes it: catalogue rules and the engine's built-in ids.
struct RuleMeta {
    id: &'static str,
    short: String,
    full: String,
    doc: String,
    level: &'static str,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Plain-text sentences end with a period (SARIF2001); messages that end otherwise get one.
fn sentence(s: &str) -> String {
    let t = s.trim_end();
    match t.chars().last() {
        Some('.' | '!' | '?') => t.to_string(),
        Some(_) => format!("{t}."),
        None => String::new(),
    }
}

/// The first paragraph of a rule doc that is not a heading, without its bold lead-in.
fn first_paragraph(doc: &str) -> String {
    let mut para = Vec::new();
    for line in doc.lines() {
        let l = line.trim();
        if l.starts_with('#') {
            continue;
        }
        if l.is_empty() {
            if para.is_empty() {
                continue;
            }
            break;
        }
        para.push(l);
    }
    let p = para.join(" ");
    let p = match p.strip_prefix("**") {
        Some(rest) => match rest.split_once("**") {
            Some((_, after)) => after.trim_start().to_string(),
            None => p.clone(),
        },
        None => p,
    };
    p.replace('`', "")
}

fn rules() -> Vec<RuleMeta> {
    let mut out: Vec<RuleMeta> = checks::RULES
        .iter()
        .map(|r| {
            let doc = r.doc();
            RuleMeta {
                id: r.id,
                short: sentence(r.summary),
                full: sentence(&first_paragraph(&doc)),
                doc,
                level: level(r.default_severity),
            }
        })
        .collect();
    for (id, what) in checks::BUILTIN_IDS {
        let text = sentence(&format!("Reported by citelint itself when {what}"));
        out.push(RuleMeta {
            id,
            short: text.clone(),
            full: text.clone(),
            doc: text,
            level: "error",
        });
    }
    out
}

/// A path as a SARIF URI: relative paths stay relative (forward slashes); absolute ones become
/// `file://` URIs. Characters outside the URI grammar are percent-encoded.
pub fn path_uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    let (prefix, rest) = if p.starts_with('/') {
        ("file://", p.as_str())
    } else if p.len() >= 3
        && p.as_bytes()[0].is_ascii_alphabetic()
        && p.as_bytes()[1] == b':'
        && p.as_bytes()[2] == b'/'
    {
        ("file:///", p.as_str())
    } else {
        ("", p.as_str())
    };
    let mut out = String::from(prefix);
    for (i, b) in rest.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'.' | b'_' | b'~' | b'/' | b'!' | b'$' | b'&' | b'\''
            )
            || matches!(b, b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' | b'@')
            || (b == b':' && (i == 1 && !prefix.is_empty()));
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn region(r: &FileReport, lines: &LineIndex, span: &std::ops::Range<usize>) -> Value {
    let start = floor_char(&r.text, span.start.min(r.text.len()));
    let end = floor_char(&r.text, span.end.min(r.text.len())).max(start);
    let a = lines.line_col(&r.text, start);
    let b = lines.line_col(&r.text, end);
    json!({
        "startLine": a.line,
        "startColumn": a.column,
        "endLine": b.line,
        "endColumn": b.column,
        "byteOffset": start,
        "byteLength": end - start,
        "snippet": {"text": &r.text[start..end]},
    })
}

/// The whole lines holding a span, for viewers that show context (SARIF2011).
fn context_region(r: &FileReport, lines: &LineIndex, span: &std::ops::Range<usize>) -> Value {
    let start = floor_char(&r.text, span.start.min(r.text.len()));
    let end = floor_char(&r.text, span.end.min(r.text.len())).max(start);
    let first = lines.line_of(start);
    let last = lines.line_of(end);
    let from = lines.line_start(first);
    let to = if last + 1 < lines.line_count() {
        lines.line_start(last + 1)
    } else {
        r.text.len()
    };
    if to - from > super::human::LONG_LINE {
        // a minified page or a 10 MB paragraph: no context rather than the line per finding
        return Value::Null;
    }
    let body = r.text[from..to].trim_end_matches(['\n', '\r']);
    let to = (from + body.len()).max(end);
    let body = &r.text[from..to];
    let b = lines.line_col(&r.text, to);
    json!({
        "startLine": first + 1,
        "startColumn": 1,
        "endLine": b.line,
        "endColumn": b.column,
        "byteOffset": from,
        "byteLength": to - from,
        "snippet": {"text": body},
    })
}

fn result(r: &FileReport, lines: &LineIndex, d: &Diagnostic, rule_index: Option<usize>) -> Value {
    let uri = path_uri(&r.path);
    let mut message = sentence(&d.message);
    if let Some(h) = &d.help {
        message.push(' ');
        message.push_str(&sentence(&format!("Help: {h}")));
    }
    let mut o = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": {"text": message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": uri},
                "region": region(r, lines, &d.span),
            }
        }],
    });
    let context = context_region(r, lines, &d.span);
    let primary = &o["locations"][0]["physicalLocation"]["region"];
    // a context region must be a proper superset of the region (SARIF1008)
    if !context.is_null() && context["byteOffset"] != primary["byteOffset"]
        || context["byteLength"] != primary["byteLength"]
    {
        o["locations"][0]["physicalLocation"]["contextRegion"] = context;
    }
    if let Some(i) = rule_index {
        o["ruleIndex"] = json!(i);
    }
    if !d.labels.is_empty() {
        let related: Vec<Value> = d
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let (uri, region) = match &l.path {
                    // a label into another file (a bibliography): byte offsets only
                    Some(p) => (
                        path_uri(p),
                        json!({"byteOffset": l.span.start, "byteLength": l.span.end.saturating_sub(l.span.start)}),
                    ),
                    None => (uri.clone(), region(r, lines, &l.span)),
                };
                json!({
                    "id": i + 1,
                    "physicalLocation": {"artifactLocation": {"uri": uri}, "region": region},
                    "message": {"text": sentence(&l.message)},
                })
            })
            .collect();
        o["relatedLocations"] = json!(related);
    }
    if let Some(reason) = &d.suppressed {
        let mut s = json!({"kind": "inSource"});
        if !reason.trim().is_empty() {
            s["justification"] = json!(reason);
        }
        o["suppressions"] = json!([s]);
    }
    o
}

/// `--format sarif`: one log over every report, kept until the end.
pub struct Sarif;

impl Renderer for Sarif {
    fn file(&self, r: FileReport) -> Piece {
        Piece::keep(r)
    }
    fn finish(&self, end: End) -> String {
        render(end.reports)
    }
}

/// Render every report, suppressed findings included, as one SARIF log.
pub fn render(reports: &[FileReport]) -> String {
    let rules = rules();
    let descriptors: Vec<Value> = rules
        .iter()
        .map(|m| {
            json!({
                "id": m.id,
                "name": pascal(m.id),
                "shortDescription": {"text": m.short},
                "fullDescription": {"text": m.full},
                "help": {"text": m.doc, "markdown": m.doc},
                "defaultConfiguration": {"level": m.level},
            })
        })
        .collect();
    let mut results = Vec::new();
    for r in reports {
        let lines = LineIndex::new(&r.text);
        for d in &r.diagnostics {
            let idx = rules.iter().position(|m| m.id == d.rule);
            results.push(result(r, &lines, d, idx));
        }
    }
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "citelint",
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": INFORMATION_URI,
                "rules": descriptors,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

/// `unresolved-citation` → `UnresolvedCitation`: SARIF's friendly rule name.
fn pascal(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect::<String>(),
                None => String::new(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot() {
        let reports = crate::render::sample_reports();
        insta::assert_snapshot!(render(&reports));
    }

    #[test]
    fn uris() {
        assert_eq!(path_uri("docs/a b.md"), "docs/a%20b.md");
        assert_eq!(path_uri("docs\\x.md"), "docs/x.md");
        assert_eq!(path_uri("/tmp/é.md"), "file:///tmp/%C3%A9.md");
        assert_eq!(path_uri("C:\\w\\a.md"), "file:///C:/w/a.md");
        assert_eq!(path_uri("a:b#c?.md"), "a%3Ab%23c%3F.md");
    }
}
