//! The sources family: citations checked against what the article gives of their sources
//! (the excerpt under an entry, a bibliography abstract), against identifiers' own rules and
//! against retraction lists. Deterministic: no network, no model.

pub mod figures;
pub mod invalid_identifier;
pub mod number_mismatch;
pub mod quote_mismatch;
pub mod retracted_reference;
pub mod retractions;

use crate::diagnostic::Label;
use crate::document::{Document, Sentence};
use std::ops::Range;

/// The references a sentence cites, resolved, each once, in the order cited.
pub fn cited_references(doc: &Document, s: &Sentence) -> Vec<usize> {
    let mut refs: Vec<usize> = Vec::new();
    for &c in &s.citations {
        for r in doc.citations[c].targets.iter().filter_map(|t| t.resolved) {
            if !refs.contains(&r) {
                refs.push(r);
            }
        }
    }
    refs
}

/// "reference 2" or "references 2, 5".
pub fn named(doc: &Document, refs: &[usize]) -> String {
    let keys: Vec<String> = refs
        .iter()
        .map(|&r| doc.references[r].key.to_string())
        .collect();
    if keys.len() == 1 {
        format!("reference {}", keys[0])
    } else {
        format!("references {}", keys.join(", "))
    }
}

/// The first marker in the article that cites reference `r`.
pub fn first_citation(doc: &Document, r: usize) -> Option<Range<usize>> {
    doc.citations.iter().find_map(|c| {
        c.targets
            .iter()
            .find(|t| t.resolved == Some(r))
            .map(|t| t.span.clone())
    })
}

/// A label on reference `r`'s entry (in the article, or in its bibliography file).
pub fn entry_label(doc: &Document, r: usize, message: String) -> Label {
    let e = &doc.references[r];
    Label {
        span: e.span.clone(),
        message,
        path: e.path.clone(),
    }
}

/// `s` cut to about `max` characters, with an ellipsis when cut.
pub fn shorten(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}
