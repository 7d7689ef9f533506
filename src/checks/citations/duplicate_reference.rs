//! # duplicate-reference
//!
//! **What it catches:** two entries of one reference list that share a number or key, or that
//! point at the same source (the same DOI, PMID or URL).
//!
//! **Why it matters:** a marker that could mean either entry is ambiguous, and a source listed
//! twice inflates the apparent evidence.
//!
//! A key defined twice in a bibliography file (`.bib`) that the article cites is reported
//! where the article names the file, with labels on both definitions in it (a shared file is
//! reported by the articles that cite the key, not by every article that names it); shared
//! DOIs in a bibliography file are not reported (the file is shared and often merged from
//! several sources).
//!
//! A number repeated after the list starts its numbering again at 1 (sub-lists under
//! sub-headings of the reference section) is not a duplicate; a shared DOI or PMID still is.
//!
//! Two author-year entries with one key ("Archer 2000") that are different works (their DOIs
//! or PMIDs differ, or most of the shorter entry's words are not in the longer) are reported
//! as ambiguous rather than listed twice, with the help to tell them apart by letters (2000a,
//! 2000b); two anonymous works ("Unknown (2009).") only when a citation names their key.
//!
//! A shared URL counts only when the two entries also read alike (many different works link
//! to one search page or portal); a shared DOI or PMID always counts. Addresses are compared
//! as the page they name: `http://` and `https://`, with or without `www.`, are one page.
//!
//! **Example:** entries `3.` and `7.` both carry `doi:10.1000/xyz123`: reports entry 7 with a
//! label on entry 3.
//!
//! **Options:** none.

use crate::checks::{Context, NoOptions, Reads, Rule, parse_options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, ListKind, RefKey};
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    id: "duplicate-reference",
    family: "citations",
    summary: "two entries share a number/key, or the same DOI/PMID/URL",
    source: include_str!("duplicate_reference.rs"),
    default_severity: Severity::Warning,
    reads: Reads::REFERENCES,
    parse_options: parse_options::<NoOptions>,
    options: &[],
    check,
};

fn check(doc: &Document, _cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // Manubot merges keys that name one work (`@doi:…` and a tag mapped to it) into one
    // reference when it builds: nothing is listed twice
    for list in doc.lists.iter().filter(|l| l.kind != ListKind::Manubot) {
        let mut keys: HashMap<String, usize> = HashMap::new();
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut highest = 0;
        for &r in &list.entries {
            let e = &doc.references[r];
            // a list whose numbering starts again at 1 (sub-lists under sub-headings: "Trials
            // included", "Trials excluded") repeats its numbers by design
            let written = e.path.is_none().then(|| written_number(doc, r)).flatten();
            if written == Some(1) && highest >= 1 {
                keys.retain(|_, &mut first| !matches!(doc.references[first].key, RefKey::Num(_)));
            }
            highest = highest.max(written.unwrap_or(0));
            let k = e.key.to_string();
            let mut d = None;
            if let Some(&first) = keys.get(&k) {
                if let Some(path) = &e.path {
                    // a shared bibliography: reported in the articles that cite the key
                    if cited(doc, first) {
                        out.push(twice_in_file(doc, list, first, r, path));
                    }
                    continue;
                }
                let other = &doc.references[first];
                d = if !matches!(e.key, RefKey::AuthorYear(_)) || one_work(other, e) {
                    Some((first, format!("reference {k} is listed twice"), MERGE))
                } else if unnamed(&k) && !cited(doc, first) {
                    // "Unknown (2009)." twice: two anonymous works, not one listed twice (a
                    // citation of either is still ambiguous)
                    None
                } else {
                    // two works of one author and year: not a duplicate, but no citation
                    // can tell them apart
                    Some((
                        first,
                        format!(
                            "two different works are both {k}: a citation of {k} cannot say which it means"
                        ),
                        "add a letter to each year (2000a, 2000b), in the entries and in the citations",
                    ))
                };
            } else {
                keys.insert(k.clone(), r);
                let candidates = [
                    e.ids.doi.as_ref().map(|v| ("DOI", v.clone())),
                    e.ids.pmid.as_ref().map(|v| ("PMID", v.clone())),
                    e.ids
                        .url
                        .as_ref()
                        .filter(|_| e.ids.doi.is_none() && e.ids.pmid.is_none())
                        .map(|v| ("URL", v.trim_end_matches('/').to_string())),
                ];
                for (kind, v) in candidates.into_iter().flatten() {
                    let id = format!("{kind} {v}");
                    // one page by `http` and `https`, with and without `www.`
                    let same = match kind {
                        "URL" => format!("{kind} {}", page_of(&v)),
                        _ => id.clone(),
                    };
                    if let Some(&first) = ids.get(&same) {
                        // a shared URL alone (a search page, a guideline portal) is not
                        // enough: the entries must also read alike
                        if kind == "URL" && !same_words(&doc.references[first].text, &e.text) {
                            continue;
                        }
                        let fk = &doc.references[first].key;
                        d = Some((
                            first,
                            format!("reference {k} is the same source as reference {fk} ({id})"),
                            MERGE,
                        ));
                        break;
                    }
                    ids.insert(same, r);
                }
            }
            if let Some((first, msg, help)) = d {
                let mut diag = Diagnostic::new(RULE.id, e.span.clone(), msg).help(help);
                if list.kind != ListKind::Bibliography {
                    diag = diag.label(doc.references[first].span.clone(), "first listed here");
                }
                if e.path.is_some() {
                    continue; // bibliography spans live in another file
                }
                out.push(diag);
            }
        }
    }
    out
}

/// A web address as the page it names: without its scheme (`http://`, `https://`), a
/// leading `www.` or a default port (`:80`, `:443`), its host in lower case (`http://drc.bmj.com/content/13` and
/// `https://drc.bmj.com/content/13` are one page).
fn page_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let host = host
        .strip_suffix(":443")
        .or(host.strip_suffix(":80"))
        .unwrap_or(host);
    format!("{host}{path}")
}

/// The number an entry's list item carries as written (`2.` → 2), as the parser read it.
fn written_number(doc: &Document, r: usize) -> Option<u32> {
    let at = doc.references[r].span.start;
    // blocks are in source order
    let b = doc.blocks.partition_point(|b| b.span.start < at);
    let block = doc.blocks.get(b).filter(|b| b.span.start == at)?;
    block.number.as_ref().map(|(n, _)| *n)
}

/// Does a marker of the article resolve to this entry?
fn cited(doc: &Document, r: usize) -> bool {
    doc.citations
        .iter()
        .any(|c| c.targets.iter().any(|t| t.resolved == Some(r)))
}

/// A key defined twice in a bibliography file: reported at the `bibliography:` field, or,
/// when the article names none (the file comes from the project, the config or the main
/// file that includes this one), at the article's first citation of the key; with labels
/// into the file.
fn twice_in_file(
    doc: &Document,
    list: &crate::document::ReferenceList,
    first: usize,
    again: usize,
    path: &str,
) -> Diagnostic {
    let (a, b) = (&doc.references[first], &doc.references[again]);
    let line =
        |e: &crate::document::Reference| e.line.map(|l| format!(" (line {l})")).unwrap_or_default();
    let key = match &b.key {
        crate::document::RefKey::Key(k) => k.clone(),
        k => k.to_string(),
    };
    let at = if list.span.is_empty() {
        doc.citations
            .iter()
            .flat_map(|c| &c.targets)
            .find(|t| t.resolved == Some(first))
            .map_or(list.span.clone(), |t| t.span.clone())
    } else {
        list.span.clone()
    };
    let mut d = Diagnostic::new(
        RULE.id,
        at,
        format!(
            "the bibliography `{}` defines the key `{key}` twice{}",
            list.file.clone().unwrap_or_default(),
            b.line
                .map(|l| format!(" (again on line {l})"))
                .unwrap_or_default()
        ),
    )
    .help(
        "keep one entry per key: markers resolve to the first, and pandoc warns about the second",
    );
    for (e, msg) in [
        (a, format!("first defined here{}", line(a))),
        (b, format!("defined again here{}", line(b))),
    ] {
        let mut l = crate::diagnostic::Label::new(e.key_span.clone(), msg);
        l.path = Some(path.to_string());
        d.labels.push(l);
    }
    d
}

const MERGE: &str = "merge the two entries and point every marker at one of them";

/// Whether two entries with one author-year key are one work: not two different DOIs or
/// PMIDs, and most of the shorter entry's words in the longer (a copy, or the same work
/// formatted twice, one with more detail), not two titles of one author and year.
fn one_work(a: &crate::document::Reference, b: &crate::document::Reference) -> bool {
    let differ = |x: &Option<String>, y: &Option<String>| {
        x.as_ref()
            .zip(y.as_ref())
            .is_some_and(|(x, y)| !x.eq_ignore_ascii_case(y))
    };
    if differ(&a.ids.doi, &b.ids.doi) || differ(&a.ids.pmid, &b.ids.pmid) {
        return false;
    }
    let (a, b) = (words(&a.text), words(&b.text));
    let a: std::collections::HashSet<&String> = a.iter().collect();
    let b: std::collections::HashSet<&String> = b.iter().collect();
    let shared = a.intersection(&b).count();
    let fewer = a.len().min(b.len());
    fewer == 0 || shared * 10 >= fewer * 8
}

/// An author-year key with no author: "Unknown 2009", "Anonymous 1929", "Anon 2001".
fn unnamed(key: &str) -> bool {
    let name = key.rsplit_once(' ').map_or(key, |(n, _)| n);
    ["unknown", "anonymous", "anon", "anon."].contains(&name.to_lowercase().as_str())
}

/// Do two entries read alike (same words and numbers, case and punctuation aside)? Editions,
/// versions and patent numbers keep otherwise equal entries apart. Entries that differ only
/// in their opening, the first author ("Taquet, M., et al. (2021). Long COVID: …" and
/// "Davis, H. E., et al. (2021). Long COVID: …" at one address), read alike when the rest
/// (at least eight words, four fifths of the shorter entry) is the same: one work cited
/// twice with another author's name, not two works.
fn same_words(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    if a == b {
        return true;
    }
    let shared = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let fewer = a.len().min(b.len());
    shared >= 8 && shared * 5 >= fewer * 4
}

/// An entry's words, lower-cased, in order; an address's scheme and `www` are not words of
/// it (`http://www.…` and `https://…` are one page).
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !matches!(w.as_str(), "http" | "https" | "www"))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_address_is_the_page_it_names() {
        let one = super::page_of("https://example.org/soap");
        for same in [
            "http://example.org/soap",
            "http://WWW.Example.org/soap",
            "https://example.org:443/soap",
            "http://www.example.org:80/soap",
        ] {
            assert_eq!(super::page_of(same), one, "{same}");
        }
        // the path keeps its case, and a query is part of the page
        assert_ne!(super::page_of("https://example.org/Soap"), one);
        assert_ne!(super::page_of("https://example.org/soap?id=2"), one);
    }
}
