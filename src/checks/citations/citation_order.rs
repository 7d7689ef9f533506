//! # citation-order
//!
//! **What it catches:** numbered citations whose numbers do not first appear in order, as the
//! Vancouver and AMA styles require: after `[1]` and `[2]`, the next new reference cited
//! should be `[3]`.
//!
//! **Why it matters:** in numbered styles the list is ordered by first citation; a marker that
//! jumps ahead usually means an entry was inserted or deleted without renumbering.
//!
//! Off in the `general` profile (many house styles number references otherwise).
//!
//! **Example:** `A [1]. B [3]. C [2].` reports `[3]`: "reference 3 is cited before reference 2".
//!
//! **Options:** none.

use crate::checks::{Context, NoOptions, Reads, Rule, parse_options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, ListKind, RefKey};
use std::collections::HashSet;

pub static RULE: Rule = Rule {
    id: "citation-order",
    family: "citations",
    summary: "numbered citations first appear out of order (Vancouver/AMA)",
    source: include_str!("citation_order.rs"),
    default_severity: Severity::Info,
    reads: Reads::REFERENCES,
    parse_options: parse_options::<NoOptions>,
    options: &[],
    check,
};

fn check(doc: &Document, _cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (l, list) in doc.lists.iter().enumerate() {
        if list.kind != ListKind::Numbered {
            continue;
        }
        let mut seen: HashSet<u32> = HashSet::new();
        let mut next = 1u32;
        for c in doc.citations.iter().filter(|c| c.list == Some(l)) {
            for t in &c.targets {
                let RefKey::Num(n) = t.key else { continue };
                if t.resolved.is_none() || !seen.insert(n) {
                    continue;
                }
                if n > next {
                    let skipped = if n == next + 1 {
                        format!("reference {next}")
                    } else {
                        format!("references {next}–{}", n - 1)
                    };
                    out.push(
                        Diagnostic::new(
                            RULE.id,
                            t.span.clone(),
                            format!("reference {n} is cited before {skipped}"),
                        )
                        .help("number references in the order they are first cited"),
                    );
                }
                while seen.contains(&next) {
                    next += 1;
                }
            }
        }
    }
    out
}
