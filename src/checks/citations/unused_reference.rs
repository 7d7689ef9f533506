//! # unused-reference
//!
//! **What it catches:** a reference entry that no marker in its scope cites; a footnote
//! definition nobody references; a whole reference list with no marker anywhere (reported once,
//! at its heading).
//!
//! **Why it matters:** an uncited entry is either a leftover from an earlier draft or a source
//! whose claim lost its marker; either way the reader cannot tell what it supports.
//! Bibliography files are exempt: they are shared between articles and hold more than one
//! article cites.
//!
//! **Example:** a list with entries 1–4 where the text cites only `[1]`, `[2]` and `[4]`
//! reports entry 3.
//!
//! **Options:** none.

use crate::checks::{Context, NoOptions, Reads, Rule, parse_options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, ListKind};

pub static RULE: Rule = Rule {
    id: "unused-reference",
    family: "citations",
    summary: "a reference entry is never cited",
    source: include_str!("unused_reference.rs"),
    default_severity: Severity::Warning,
    reads: Reads::REFERENCES,
    parse_options: parse_options::<NoOptions>,
    options: &[],
    check,
};

fn check(doc: &Document, _cx: &Context) -> Vec<Diagnostic> {
    let mut cited = vec![false; doc.references.len()];
    let mut consulted = vec![false; doc.lists.len()];
    for c in &doc.citations {
        if let Some(l) = c.list {
            consulted[l] = true;
        }
        for t in &c.targets {
            if let Some(r) = t.resolved {
                cited[r] = true;
                consulted[doc.references[r].list] = true;
            }
        }
    }
    let mut out = Vec::new();
    for (l, list) in doc.lists.iter().enumerate() {
        if list.kind == ListKind::Bibliography || list.entries.is_empty() {
            continue;
        }
        if !consulted[l] && list.entries.len() > 1 {
            let at = list.heading.clone().unwrap_or(list.span.clone());
            out.push(
                Diagnostic::new(
                    RULE.id,
                    at,
                    format!(
                        "none of the {} entries of this reference list is cited in the text",
                        list.entries.len()
                    ),
                )
                .help("add markers where the sources support the text, or drop the list"),
            );
            continue;
        }
        for &r in &list.entries {
            if cited[r] {
                continue;
            }
            let e = &doc.references[r];
            let what = match list.kind {
                ListKind::Footnotes => {
                    format!("footnote `{}` is defined but never referenced", e.key)
                }
                _ => format!("reference {} is never cited", e.key),
            };
            out.push(
                Diagnostic::new(RULE.id, e.span.clone(), what)
                    .help("cite it where it supports the text, or remove the entry"),
            );
        }
    }
    out
}
