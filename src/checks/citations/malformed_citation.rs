//! # malformed-citation
//!
//! **What it catches:** markers that cannot be right as written: a range that runs backwards
//! (`[5-3]`), a range naming one reference (`[4-4]`), reference `[0]`; gaps in a list's written
//! numbering (`1.`, `2.`, `4.`), a range that runs over such a gap (`[1–3]` when entry 2 is
//! missing); and an article that mixes numbered markers with author-key
//! citations (`[@smith2020]`); a bibliography's keys in brackets without `@` (`[smith2020]`,
//! which pandoc prints as written).
//!
//! **Why it matters:** each is a typo or an editing accident that makes some marker point at
//! the wrong source.
//!
//! **Example:** `Coffee raises alertness [7–4].` reports "the range 7–4 runs backwards".
//!
//! **Options:** none.

use crate::checks::{Context, NoOptions, Reads, Rule, parse_options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, ListKind, RefKey};

pub static RULE: Rule = Rule {
    id: "malformed-citation",
    family: "citations",
    summary: "reversed or empty ranges, [0], gaps in written reference numbering, mixed styles, bibliography keys without @",
    source: include_str!("malformed_citation.rs"),
    default_severity: Severity::Warning,
    reads: Reads::REFERENCES,
    parse_options: parse_options::<NoOptions>,
    options: &[],
    check,
};

fn check(doc: &Document, _cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for c in &doc.citations {
        if let Some(p) = &c.malformed {
            out.push(
                Diagnostic::new(
                    RULE.id,
                    c.span.clone(),
                    format!("`{}`: {p}", doc.text[c.span.clone()].trim()),
                )
                .help(if c.syntax.is_keyed() {
                    let keys: Vec<String> = c.targets.iter().map(|t| t.key.to_string()).collect();
                    format!("write it as a citation: `[{}]`", keys.join("; "))
                } else {
                    "write ranges low to high, e.g. [3–5]".to_string()
                }),
            );
        }
    }
    for c in &doc.citations {
        let gaps: Vec<String> = c
            .targets
            .iter()
            .filter(|t| t.interior && t.resolved.is_none())
            .map(|t| t.key.to_string())
            .collect();
        if !gaps.is_empty() && c.list.is_some() {
            let what = if gaps.len() == 1 {
                "reference"
            } else {
                "references"
            };
            out.push(
                Diagnostic::new(
                    RULE.id,
                    c.span.clone(),
                    format!(
                        "the range `{}` runs over {what} {}, which the reference list does not define",
                        doc.text[c.span.clone()].trim(),
                        gaps.join(", ")
                    ),
                )
                .help("restore the missing entries, or cite only the references that exist"),
            );
        }
    }
    for list in doc.lists.iter().filter(|l| l.kind == ListKind::Numbered) {
        let mut prev: Option<u32> = None;
        for &r in &list.entries {
            // a number only a bullet's place gave (`- Smith J…`) cannot jump, and an entry
            // keyed another way (by its author and year, in an article that cites so) may be
            // the number between
            let RefKey::Num(n) = doc.references[r].key else {
                prev = None;
                continue;
            };
            if doc.references[r].key_span.is_empty() {
                prev = None;
                continue;
            }
            if let Some(p) = prev
                && n > p + 1
            {
                let gap = if n == p + 2 {
                    format!("{}", p + 1)
                } else {
                    format!("{}–{}", p + 1, n - 1)
                };
                out.push(
                    Diagnostic::new(
                        RULE.id,
                        doc.references[r].key_span.clone(),
                        format!("the reference list jumps from {p} to {n}; {gap} is missing"),
                    )
                    .help("renumber the list, or restore the missing entry"),
                );
            }
            prev = Some(n);
        }
    }
    let numeric = doc.citations.iter().find(|c| c.syntax.is_numeric());
    let keyed = doc.citations.iter().find(|c| c.syntax.is_keyed());
    if let (Some(n), Some(k)) = (numeric, keyed) {
        let (first, second) = if n.span.start < k.span.start {
            (n, k)
        } else {
            (k, n)
        };
        out.push(
            Diagnostic::new(
                RULE.id,
                second.span.clone(),
                format!(
                    "the article mixes citation styles: {} here, {} earlier",
                    second.syntax.describe(),
                    first.syntax.describe()
                ),
            )
            .label(first.span.clone(), "first marker of the other style")
            .help("use one citation style throughout the article"),
        );
    }
    out
}
