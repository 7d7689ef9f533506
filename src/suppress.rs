//! Suppression comments:
//! `<!-- citelint-disable-next-line ID[, ID] -- reason -->`,
//! `<!-- citelint-disable ID -->` … `<!-- citelint-enable ID -->`, and
//! `<!-- citelint-disable-file ID -- reason -->`. No id means every rule.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use std::ops::Range;

pub use crate::checks::INVALID_SUPPRESSION;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    NextLine,
    Disable,
    Enable,
    File,
}

#[derive(Debug)]
struct Directive {
    kind: Kind,
    rules: Vec<String>,
    reason: Option<String>,
    span: Range<usize>,
}

fn parse(doc: &Document) -> (Vec<Directive>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut bad = Vec::new();
    for c in &doc.comments {
        let raw = &doc.text[c.clone()];
        let inner = raw
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim();
        let Some(rest) = inner.strip_prefix("citelint-") else {
            continue;
        };
        let (word, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let kind = match word {
            "disable-next-line" => Kind::NextLine,
            "disable" => Kind::Disable,
            "enable" => Kind::Enable,
            "disable-file" => Kind::File,
            _ => {
                bad.push(invalid(
                    c.clone(),
                    format!("unknown suppression directive `citelint-{word}`"),
                ));
                continue;
            }
        };
        let (ids, reason) = match args.split_once("--") {
            Some((i, r)) => (i, Some(r.trim().to_string()).filter(|r| !r.is_empty())),
            None => (args, None),
        };
        let mut rules = Vec::new();
        for id in ids
            .split([',', ' '])
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            if crate::checks::is_known(id) {
                rules.push(id.to_string());
            } else {
                let at = raw
                    .find(id)
                    .map(|o| c.start + o..c.start + o + id.len())
                    .unwrap_or(c.clone());
                bad.push(invalid(
                    at,
                    format!("`{id}` is not a citelint rule; this suppression has no effect for it"),
                ));
            }
        }
        out.push(Directive {
            kind,
            rules,
            reason,
            span: c.clone(),
        });
    }
    (out, bad)
}

fn invalid(span: Range<usize>, msg: String) -> Diagnostic {
    let mut d =
        Diagnostic::new(INVALID_SUPPRESSION, span, msg).help("`citelint rules` lists the rule ids");
    d.severity = Severity::Warning;
    d
}

fn applies(d: &Directive, rule: &str) -> bool {
    d.rules.is_empty() || d.rules.iter().any(|r| r == rule)
}

/// Mark suppressed diagnostics (keeping the reason) and add findings for bad directives.
pub fn apply(doc: &Document, diags: &mut Vec<Diagnostic>) {
    let (dirs, bad) = parse(doc);
    if !dirs.is_empty() {
        for diag in diags.iter_mut() {
            let line = doc.lines.line_of(diag.span.start);
            let mut hit: Option<&Directive> = None;
            let mut active: Option<&Directive> = None;
            for d in &dirs {
                if !applies(d, diag.rule) {
                    continue;
                }
                match d.kind {
                    Kind::File => hit = Some(d),
                    Kind::NextLine => {
                        let end_line = doc.lines.line_of(d.span.end.saturating_sub(1));
                        let mut target = end_line + 1;
                        while target < doc.lines.line_count()
                            && doc.text[doc.lines.line_start(target)..]
                                .lines()
                                .next()
                                .is_some_and(|l| l.trim().is_empty())
                        {
                            target += 1;
                        }
                        if line == target || (line == end_line && diag.span.start >= d.span.end) {
                            hit = Some(d);
                        }
                    }
                    Kind::Disable if d.span.end <= diag.span.start => active = Some(d),
                    Kind::Enable if d.span.end <= diag.span.start => active = None,
                    _ => {}
                }
                if hit.is_some() {
                    break;
                }
            }
            if let Some(d) = hit.or(active) {
                diag.suppressed = Some(d.reason.clone().unwrap_or_default());
            }
        }
    }
    diags.extend(bad);
}
