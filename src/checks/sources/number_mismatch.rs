//! # number-mismatch
//!
//! **What it catches:** a figure in a sentence that cites a source (a percentage, a ratio
//! such as an HR, OR or RR and its confidence interval, a count of participants, a dose) that
//! the text the article gives of the cited source (an excerpt under the entry, a bibliography
//! abstract) does not contain in any equivalent form, while that text does state figures of
//! the same kind.
//!
//! **Equivalent forms:** `35%` = `35 percent` = `0.35`; `4,120` = `4120`; `0.5 g` = `500 mg`;
//! a figure written with fewer decimals than the source's matches its rounding (`35%` for
//! `34.8%`). A percentage that is the difference or the relative change of two percentages of
//! the source (`a 43% relative reduction` from 21% to 12%), or the change a ratio of the source
//! states (`30% lower` for an HR of 0.70), is derived, not missing. A figure
//! whose number the source writes anywhere, in any role, is not reported either.
//!
//! **What is never a figure:** years, section numbers, reference numbers and other bare
//! numbers: a number is a figure only with a percent sign, a ratio's name, a participant noun
//! (`patients`, `women`, `n = 120`) or a dose unit. A `95%` before `CI` is a confidence level.
//!
//! **When it stays silent:** when a cited source has only a title (the figure may be in the
//! part of the source the article does not give), when the source's text states no figure of
//! that kind, and when the sentence cites several sources and one has only a title.
//!
//! **Why it matters:** a wrong figure attributed to a real source is the hardest error for a
//! reader to catch, and a common one in AI-written health answers.
//!
//! **Example:** `Anaemia at term fell to 9% with daily iron [1].` where the excerpt under
//! reference 1 says "Anaemia at term fell from 21 percent with placebo to 12 percent with
//! daily iron" reports `9%`, with a label listing the reference's percentages: 21 percent,
//! 12 percent.
//!
//! **Options:** none.

use super::figures::{Figure, Kind, figures, numbers, same};
use super::{cited_references, entry_label, named, shorten};
use crate::checks::{Context, NoOptions, Reads, Rule, parse_options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{BlockKind, Document, Role};

pub static RULE: Rule = Rule {
    id: "number-mismatch",
    family: "sources",
    summary: "a figure in a cited sentence is not in the cited source's text, which states figures of that kind",
    source: include_str!("number_mismatch.rs"),
    default_severity: Severity::Warning,
    reads: Reads::CITED_SENTENCES,
    parse_options: parse_options::<NoOptions>,
    options: &[],
    check,
};

/// What the article gives of one source: its text, figures and every number written.
struct Source {
    text: String,
    figures: Vec<Figure>,
    numbers: Vec<f64>,
}

fn check(doc: &Document, _cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if !doc.references.iter().any(|r| r.has_source_text()) {
        return out;
    }
    let mut sources: Vec<Option<Source>> = (0..doc.references.len()).map(|_| None).collect();
    for s in &doc.sentences {
        let b = &doc.blocks[s.block];
        if s.citations.is_empty()
            || b.role != Role::Prose
            || matches!(b.kind, BlockKind::Heading(_) | BlockKind::TableCell)
        {
            continue;
        }
        let text = doc.sentence_text(s);
        let found = figures(text);
        if found.is_empty() {
            continue;
        }
        let refs = cited_references(doc, s);
        if refs.is_empty() || refs.iter().any(|&r| !doc.references[r].has_source_text()) {
            continue;
        }
        for &r in &refs {
            if sources[r].is_none() {
                let text = doc.references[r].source_text();
                sources[r] = Some(Source {
                    figures: figures(&text),
                    numbers: numbers(&text),
                    text,
                });
            }
        }
        let cited: Vec<(usize, &Source)> = refs
            .iter()
            .filter_map(|&r| sources[r].as_ref().map(|x| (r, x)))
            .collect();
        for f in &found {
            let of_kind = |src: &Source| -> Vec<Figure> {
                src.figures
                    .iter()
                    .filter(|g| g.kind == f.kind)
                    .cloned()
                    .collect()
            };
            if cited.iter().all(|(_, src)| of_kind(src).is_empty()) {
                continue;
            }
            if cited.iter().any(|(_, src)| stated(f, src)) {
                continue;
            }
            let shown = &text[f.range.clone()];
            let whose = named(doc, &refs);
            let at = s.text_range.start;
            let span = b.map.range(at + f.range.start..at + f.range.end);
            let mut d = Diagnostic::new(
                RULE.id,
                span,
                format!(
                    "the figure \u{201c}{shown}\u{201d} is not in the text the article gives of {whose}, which states other {}",
                    f.kind.plural()
                ),
            )
            .help("check the figure against the source; if it comes from another source, cite that one");
            for (r, src) in &cited {
                let mut listed: Vec<String> = Vec::new();
                for g in of_kind(src) {
                    let w = src.text[g.range.clone()].to_string();
                    if !listed.contains(&w) {
                        listed.push(w);
                    }
                }
                if listed.is_empty() {
                    continue;
                }
                let list = shorten(&listed.join(", "), 160);
                d.labels.push(entry_label(
                    doc,
                    *r,
                    format!(
                        "reference {} states {}: {list}",
                        doc.references[*r].key,
                        f.kind.plural()
                    ),
                ));
            }
            out.push(d);
        }
    }
    out
}

/// Does the source state figure `f` in some equivalent form?
fn stated(f: &Figure, src: &Source) -> bool {
    let of_kind = || src.figures.iter().filter(|g| g.kind == f.kind);
    if of_kind().any(|g| same(f.value, f.decimals, g.value)) {
        return true;
    }
    // the number written anywhere, in any role (a proportion 0.35 for 35%, a count in a table)
    if src.numbers.iter().any(|&n| {
        same(f.written, f.decimals, n)
            || (f.kind == Kind::Percent && same(f.value, f.decimals, n * 100.0))
    }) {
        return true;
    }
    // a percentage derived from a ratio of the source ("30% lower" for HR 0.70)
    if f.kind == Kind::Percent
        && src
            .figures
            .iter()
            .filter(|g| g.kind == Kind::Ratio)
            .any(|g| same(f.value, f.decimals, (g.value - 1.0).abs() * 100.0))
    {
        return true;
    }
    // a percentage derived from two of the source's: a difference or a relative change
    if f.kind == Kind::Percent {
        let p: Vec<f64> = of_kind().map(|g| g.value).collect();
        for &a in &p {
            for &b in &p {
                if a != b
                    && (same(f.value, f.decimals, (a - b).abs())
                        || (b > 0.0 && same(f.value, f.decimals, ((a - b) / b).abs() * 100.0)))
                {
                    return true;
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run;

    const ARTICLE: &str = "# Iron\n\nSENTENCE [1].\n\n## References\n\n1. Adeyemi T. Daily iron in pregnancy. Example J. 2022.\n\n   In 1,240 women, anaemia at term fell from 21 percent to 12.4 percent with 60 mg of iron (HR 0.55, 95% CI 0.41 to 0.74).\n";

    fn findings(sentence: &str) -> Vec<String> {
        let t = ARTICLE.replace("SENTENCE", sentence);
        run("number-mismatch", &t, "a.md")
            .iter()
            .map(|d| t[d.span.clone()].to_string())
            .collect()
    }

    #[test]
    fn figures_the_source_states_in_any_form_pass() {
        for s in [
            "Anaemia fell to 12% from 21% in 1240 women",
            "Daily iron (0.06 g) lowered the hazard (HR 0.55; 95% CI 0.41–0.74)",
            "That is a 41% relative reduction, or 9 percentage points",
            "Iron lowered the hazard by 45% (HR 0.55)",
            "Anaemia at term fell to 12.4% in 2019 patients were followed",
        ] {
            assert!(findings(s).is_empty(), "{s}: {:?}", findings(s));
        }
    }

    #[test]
    fn figures_the_source_does_not_state_are_reported() {
        assert_eq!(
            findings("Anaemia fell to 7% in 1,420 women"),
            ["7%", "1,420 women"]
        );
        assert_eq!(
            findings("The odds ratio was 0.65 with 80 mg"),
            ["0.65", "80 mg"]
        );
        // a kind the source states no figure of: silent
        assert!(findings("A syrup of 5 mL was given").is_empty());
    }
}
