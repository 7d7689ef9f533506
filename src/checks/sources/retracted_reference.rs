//! # retracted-reference
//!
//! **What it catches:** a reference whose DOI is on a retraction list the config names:
//!
//! ```toml
//! retractions = ["retraction-watch.csv", "extra.txt"]
//! ```
//!
//! The paths are relative to `citelint.toml`. A list is the Retraction Watch dataset as
//! Crossref distributes it (a CSV; the columns `OriginalPaperDOI`, `RetractionNature`,
//! `RetractionDate` and `Reason` are found by its header) or a text file with one DOI per line
//! (`#` starts a comment). A reference's DOI is read from its text, a `doi.org` link or a
//! bibliography field, and compared without case and without `doi:` or `https://doi.org/`.
//!
//! A retraction is reported at the rule's severity (an error by default); an expression of
//! concern or a correction one step lower (a warning), with the notice's nature, date and
//! reasons in the message. A reinstatement is not reported. No network: the lists are local
//! files, read once per run, streaming (a 200 MB list is never held whole); a list that is
//! missing or malformed stops the run with one error naming the file and the line.
//!
//! **Why it matters:** a retracted paper cited as evidence misleads readers, and health
//! articles keep citing retracted studies for years after the notice.
//!
//! **Example:** reference 4 with `doi:10.1000/xyz.123`, listed in the CSV as a Retraction of
//! 3/14/2021 for "Falsification/Fabrication of Data", reports "reference 4 was retracted
//! (Retraction, 3/14/2021: Falsification/Fabrication of Data)".
//!
//! **Options:** none; the lists are named by the top-level `retractions` key of the config.

use super::retractions::{Nature, doi_key};
use super::{entry_label, first_citation};
use crate::checks::{Context, NoOptions, Reads, Rule, parse_options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::document::identifiers::IdKind;

pub static RULE: Rule = Rule {
    id: "retracted-reference",
    family: "sources",
    summary: "a reference whose DOI is on a retraction list the config names",
    source: include_str!("retracted_reference.rs"),
    default_severity: Severity::Error,
    reads: Reads::REFERENCES,
    parse_options: parse_options::<NoOptions>,
    options: &[],
    check,
};

fn check(doc: &Document, cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(list) = cx.lexicons.retractions().filter(|l| !l.is_empty()) else {
        return out;
    };
    for (r, e) in doc.references.iter().enumerate() {
        // every DOI the entry carries: its identifiers (with their spans), then the ones read
        // from its text, a link or a field
        let mut dois: Vec<(String, Option<std::ops::Range<usize>>)> = e
            .identifiers
            .iter()
            .filter(|i| i.kind == IdKind::Doi)
            .map(|i| (doi_key(&i.value), Some(i.span.clone())))
            .collect();
        for d in [
            e.ids.doi.as_deref(),
            e.ids.url.as_deref().filter(|u| u.contains("doi.org/")),
        ]
        .into_iter()
        .flatten()
        {
            let k = doi_key(d);
            if !dois.iter().any(|(x, _)| *x == k) {
                dois.push((k, None));
            }
        }
        let Some((doi, at, notice)) = dois
            .iter()
            .find_map(|(d, at)| list.get(d).map(|n| (d, at, n)))
        else {
            continue;
        };
        let what = match notice.nature {
            Nature::Retraction => "was retracted",
            Nature::Concern => "is under an expression of concern",
            Nature::Correction => "has a correction notice",
        };
        let mut detail = notice.nature_text().to_string();
        if !notice.date.is_empty() {
            detail.push_str(&format!(", {}", notice.date));
        }
        let reasons = notice.reasons();
        if !reasons.is_empty() {
            detail.push_str(&format!(": {reasons}"));
        }
        let message = format!(
            "reference {} {what} ({detail}); DOI {doi} is listed in `{}`, line {}",
            e.key, notice.file, notice.line
        );
        let (span, in_file) = match (&e.path, at) {
            (None, Some(at)) => (at.clone(), false),
            (None, None) => (e.span.clone(), false),
            (Some(_), _) => match first_citation(doc, r) {
                Some(c) => (c, true),
                None => continue,
            },
        };
        let mut d = Diagnostic::new(RULE.id, span, message).help(match notice.nature {
            Nature::Retraction => "remove the claim that rests on it, or cite it only as retracted; read the notice first",
            _ => "read the notice and check that the claim resting on it still holds",
        });
        d.milder = notice.nature != Nature::Retraction;
        if in_file {
            d.labels
                .push(entry_label(doc, r, format!("the entry with DOI {doi}")));
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::checks::packs::Lexicons;
    use crate::checks::sources::retractions::Retractions;
    use crate::document::{Document, Format, ParseOptions};

    fn run(text: &str, list: &str) -> Vec<crate::diagnostic::Diagnostic> {
        let mut r = Retractions::default();
        r.read(list.as_bytes(), "rw.csv", true).unwrap();
        let mut lexicons = Lexicons::default();
        lexicons.set_retractions(r);
        let doc = Document::parse(
            "a.md",
            text.to_string(),
            Format::Markdown,
            &ParseOptions::default(),
        );
        let cx = crate::checks::Context {
            today: "2026-11-24".parse().unwrap(),
            options: &crate::checks::NoOptions {},
            profile: crate::profile::get("medical").unwrap(),
            lexicons: &lexicons,
        };
        (super::RULE.check)(&doc, &cx)
    }

    const LIST: &str = "OriginalPaperDOI,RetractionNature,RetractionDate,Reason\n10.1000/RETRACTED.1,Retraction,3/14/2021 0:00,;+Falsification/Fabrication of Data;\n10.1000/concern.2,Expression of concern,1/2/2020 0:00,\n";

    #[test]
    fn listed_dois_are_reported_by_nature() {
        let t = "# T\n\nA [1]. B [2]. C [3].\n\n## References\n\n1. Roe J. A trial. doi: 10.1000/retracted.1\n2. Li A. A cohort. [link](https://doi.org/10.1000/Concern.2)\n3. Ng B. A review. doi:10.1000/fine.3\n";
        let d = run(t, LIST);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(&t[d[0].span.clone()], "10.1000/retracted.1");
        assert!(
            d[0].message.contains(
                "was retracted (Retraction, 3/14/2021: Falsification/Fabrication of Data)"
            ),
            "{}",
            d[0].message
        );
        assert!(!d[0].milder && d[1].milder);
        assert!(
            d[1].message.contains("expression of concern"),
            "{}",
            d[1].message
        );
    }

    #[test]
    fn no_list_no_finding() {
        let t = "# T\n\nA [1].\n\n## References\n\n1. Roe J. A trial. doi: 10.1000/retracted.1\n";
        assert!(run(t, "OriginalPaperDOI\n").is_empty());
    }
}
