//! Manubot's citation keys. A Manubot manuscript cites a work by a persistent identifier
//! written in the key (`[@doi:10.1056/NEJMp1006304]`, `@pmid:…`, `@pmcid:…`, `@arxiv:…`,
//! `@isbn:…`, `@url:…`, `@wikidata:…`) and Manubot fetches the metadata when it builds; a
//! `@tag:Name` key goes through the manuscript's tag map: a link definition in the text
//! (`[@tag:Name]: doi:10.…`) or `citation-tags.tsv` (`tag<TAB>citation`) beside the file, as
//! Manubot's `content/` folder keeps it. Every such key cited is an entry of one list, so
//! its markers resolve, and an identifier written in the text (the key's, a definition's) is
//! checked like any entry's. A tag no map gives stays unresolved. Not in an article that
//! names a bibliography or `references:`: pandoc resolves its keys there only.

use super::{Document, ListKind, RefKey, Reference, ReferenceList};
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

/// The prefixes of keys that are identifiers.
const IDENTIFIER_PREFIXES: [&str; 7] = ["doi", "pmid", "pmcid", "arxiv", "isbn", "url", "wikidata"];

/// The file a Manubot manuscript maps its tags in.
pub const TAG_FILE: &str = "citation-tags.tsv";

/// Whether a citation key names its work by itself: `doi:10.…`, `pmid:123`, … with
/// something after the colon.
pub fn is_identifier_key(key: &str) -> bool {
    key.split_once(':').is_some_and(|(prefix, rest)| {
        !rest.is_empty()
            && IDENTIFIER_PREFIXES
                .iter()
                .any(|p| p.eq_ignore_ascii_case(prefix))
    })
}

/// The tag of a `tag:Name` key.
pub fn tag_of(key: &str) -> Option<&str> {
    let (prefix, rest) = key.split_once(':')?;
    (prefix.eq_ignore_ascii_case("tag") && !rest.is_empty()).then_some(rest)
}

/// The tag map of a file: its `[@tag:Name]: citation` link definitions, then the rows of
/// `citation-tags.tsv` in its folder (when files are read). Each tag maps to its citation
/// (`doi:10.…`) and, for a definition, the span of the definition.
fn tag_map(doc: &Document, read_files: bool) -> (HashMap<String, (String, Range<usize>)>, bool) {
    let mut map = HashMap::new();
    for (label, span) in &doc.link_defs {
        let Some(tag) = label.strip_prefix('@').and_then(tag_of) else {
            continue;
        };
        // `[@tag:Name]: doi:10.…`: the destination after the colon that closes the label
        let line = &doc.text[span.clone()];
        let Some(close) = line.find("]:") else {
            continue;
        };
        let target = line[close + 2..].trim().to_string();
        map.entry(tag.to_string()).or_insert((target, span.clone()));
    }
    let mut file = false;
    if read_files {
        let dir = Path::new(&doc.path).parent().unwrap_or(Path::new(""));
        if let Ok(bytes) = std::fs::read(dir.join(TAG_FILE)) {
            file = true;
            let text = String::from_utf8_lossy(&bytes);
            for line in text.trim_start_matches('\u{feff}').lines() {
                let Some((tag, citation)) = line.split_once('\t') else {
                    continue;
                };
                let (tag, citation) = (tag.trim(), citation.trim());
                if tag.is_empty() || citation.is_empty() || tag == "tag" {
                    continue;
                }
                map.entry(tag.to_string())
                    .or_insert((citation.to_string(), 0..0));
            }
        }
    }
    (map, file)
}

/// One list of the Manubot keys the file cites (see the module's documentation). Nothing
/// when it cites none.
pub fn collect(doc: &mut Document, read_files: bool) {
    // a pandoc or Quarto article with a bibliography resolves its keys there only
    if doc
        .lists
        .iter()
        .any(|l| matches!(l.kind, ListKind::Bibliography | ListKind::FrontMatter))
    {
        return;
    }
    let keyed = |k: &str| is_identifier_key(k) || tag_of(k).is_some();
    let cited: Vec<(String, Range<usize>, Range<usize>)> = doc
        .citations
        .iter()
        .filter(|c| c.syntax.is_keyed())
        .flat_map(|c| c.targets.iter().map(move |t| (c, t)))
        .filter_map(|(c, t)| match &t.key {
            RefKey::Key(k) if keyed(k) => Some((k.clone(), c.span.clone(), t.span.clone())),
            _ => None,
        })
        .collect();
    if cited.is_empty() {
        return;
    }
    let needs_map = cited.iter().any(|(k, ..)| tag_of(k).is_some());
    let (map, from_file) = if needs_map {
        tag_map(doc, read_files)
    } else {
        (HashMap::new(), false)
    };
    let list = doc.lists.len();
    let mut entries = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (key, marker, key_span) in &cited {
        if seen.contains(&key.as_str()) {
            continue;
        }
        seen.push(key);
        let (text, scanned) = match tag_of(key) {
            Some(tag) => match map.get(tag) {
                // a definition in the text: its identifier is checked where it is written
                Some((citation, span)) if !span.is_empty() => (citation.clone(), span.clone()),
                Some((citation, _)) => (citation.clone(), 0..0),
                None => continue,
            },
            None => (key.clone(), key_span.clone()),
        };
        let identifiers = if scanned.is_empty() {
            Vec::new()
        } else {
            super::identifiers::scan(&doc.text[scanned.clone()], scanned.start)
        };
        entries.push(doc.references.len());
        doc.references.push(Reference {
            key: RefKey::Key(key.clone()),
            span: marker.clone(),
            key_span: key_span.clone(),
            ids: super::references::find_ids(&text),
            text,
            title: None,
            abstract_text: None,
            excerpt: None,
            identifiers,
            list,
            path: None,
            line: None,
        });
    }
    let len = doc.text.len();
    doc.lists.push(ReferenceList {
        kind: ListKind::Manubot,
        heading: None,
        span: 0..0,
        scope: 0..len,
        entries,
        file: from_file.then(|| TAG_FILE.to_string()),
        unreadable: None,
        named_by: None,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, ParseOptions};

    fn doc(t: &str) -> Document {
        let opts = ParseOptions {
            read_files: false,
            ..ParseOptions::default()
        };
        Document::parse("content/05.x.md", t.to_string(), Format::Markdown, &opts)
    }

    #[test]
    fn identifier_keys_and_tags_are_told_apart() {
        assert!(is_identifier_key("doi:10.1056/NEJMp1006304"));
        assert!(is_identifier_key("PMID:123"));
        assert!(is_identifier_key("arxiv:1409.0473"));
        assert!(!is_identifier_key("doi:"));
        assert!(!is_identifier_key("smith2020"));
        assert!(!is_identifier_key("tag:Tu1996"));
        assert_eq!(tag_of("tag:Tu1996"), Some("Tu1996"));
        assert_eq!(tag_of("tag:"), None);
        assert_eq!(tag_of("doi:10.1/x"), None);
    }

    #[test]
    fn identifier_keys_resolve_and_unmapped_tags_do_not() {
        let d = doc(
            "Nets beat regression [@doi:10.1016/j.jclinepi.1996.01.002; @pmid:8892489].\n\nThe model won [@tag:Mayr2016].\n\nIt was tuned [@tag:Nowhere].\n\n[@tag:Mayr2016]: doi:10.3389/fenvs.2015.00080\n",
        );
        let resolved: Vec<(String, bool)> = d
            .citations
            .iter()
            .flat_map(|c| &c.targets)
            .map(|t| (t.key.to_string(), t.resolved.is_some()))
            .collect();
        assert_eq!(
            resolved,
            vec![
                ("@doi:10.1016/j.jclinepi.1996.01.002".to_string(), true),
                ("@pmid:8892489".to_string(), true),
                ("@tag:Mayr2016".to_string(), true),
                ("@tag:Nowhere".to_string(), false),
            ]
        );
        let l = d
            .lists
            .iter()
            .find(|l| l.kind == ListKind::Manubot)
            .unwrap();
        assert_eq!(l.entries.len(), 3);
        let mayr = &d.references[l.entries[2]];
        assert_eq!(mayr.ids.doi.as_deref(), Some("10.3389/fenvs.2015.00080"));
        assert_eq!(mayr.text, "doi:10.3389/fenvs.2015.00080");
    }

    #[test]
    fn an_article_with_references_resolves_its_keys_there_only() {
        let d = doc(
            "---\nreferences:\n  - id: lee2020\n    title: A trial\n---\nNets won [@doi:10.1000/abc; @lee2020].\n",
        );
        assert!(d.lists.iter().all(|l| l.kind != ListKind::Manubot));
        let resolved: Vec<bool> = d.citations[0]
            .targets
            .iter()
            .map(|t| t.resolved.is_some())
            .collect();
        assert_eq!(resolved, vec![false, true]);
    }
}
