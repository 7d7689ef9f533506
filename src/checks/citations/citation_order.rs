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
//! A list numbered in some other order throughout (more than three jumps) is one finding, at
//! the first jump, that counts the rest: a finding for every entry of a 170-entry list says
//! nothing more than one does.
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
        let mut jumps: Vec<Diagnostic> = Vec::new();
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
                    jumps.push(
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
        if jumps.len() > MAX_JUMPS {
            let more = jumps.len() - 1;
            let mut first = jumps.swap_remove(0);
            first.message = format!(
                "{}, and {more} more references are cited before lower-numbered ones: the list is not numbered in order of first citation",
                first.message
            );
            first.help = Some(
                "renumber the list in order of first citation (`--fix` does it), or turn citation-order off if the house style orders references otherwise".into(),
            );
            out.push(first);
        } else {
            out.extend(jumps);
        }
    }
    out
}

/// More jumps than this in one list are reported as one finding.
const MAX_JUMPS: usize = 3;

#[cfg(test)]
mod tests {
    use crate::checks::testing::run;

    const LIST: &str =
        "\n\n## References\n\n1. A.\n2. B.\n3. C.\n4. D.\n5. E.\n6. F.\n7. G.\n8. H.\n";

    #[test]
    fn up_to_three_jumps_are_reported_one_by_one() {
        let t = format!("A [1]. B [3]. C [2]. D [5]. E [4]. F [6]. G [7]. H [8].{LIST}");
        let d = run("citation-order", &t, "a.md");
        let msgs: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            msgs,
            vec![
                "reference 3 is cited before reference 2",
                "reference 5 is cited before reference 4"
            ]
        );
    }

    #[test]
    fn a_list_numbered_in_another_order_is_one_finding_at_the_first_jump() {
        let t = format!("A [2]. B [4]. C [6]. D [8]. E [1]. F [3]. G [5]. H [7].{LIST}");
        let d = run("citation-order", &t, "a.md");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&t[d[0].span.clone()], "2");
        assert_eq!(
            d[0].message,
            "reference 2 is cited before reference 1, and 3 more references are cited before lower-numbered ones: the list is not numbered in order of first citation"
        );
    }
}
