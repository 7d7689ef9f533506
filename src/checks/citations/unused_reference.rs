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

#[cfg(test)]
mod tests {
    use crate::checks::testing::run;
    const R: &str = "unused-reference";

    #[test]
    fn a_title_heading_finding_ends_at_the_heading() {
        let t = "Claim [^a].\n\n## References\n\n### Cited [^a]. J (2020). High credibility.\n\nText.\n\n---\n\n### Never cited [^b]. J (2021). Low credibility.\n\nRegarding treatment, the guideline lists:\n\n- **Drug A**\n- **Drug B**\n\n1. one\n2. two\n";
        let d = run(R, t, "a.md");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            &t[d[0].span.clone()],
            "### Never cited [^b]. J (2021). Low credibility."
        );
    }

    #[test]
    fn a_footnote_definition_finding_ends_at_its_text() {
        let t =
            "Claim.[^a]\n\n[^a]: Cited.\n\n[^b]: Never cited, with a long title.\n\n\n\nAfter.\n";
        let d = run(R, t, "a.md");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            &t[d[0].span.clone()],
            "[^b]: Never cited, with a long title."
        );
    }
}
