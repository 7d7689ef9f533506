//! # unused-reference
//!
//! **What it catches:** a reference entry that no marker in its scope cites; a footnote
//! definition nobody references; a whole reference list with no marker anywhere (reported once,
//! at its heading).
//!
//! **Why it matters:** an uncited entry is either a leftover from an earlier draft or a source
//! whose claim lost its marker; either way the reader cannot tell what it supports.
//! Bibliography files are exempt by default: they are shared between articles and hold more
//! than one article cites (pandoc prints only the entries a document cites).
//!
//! An entry whose address the text links to (`[source: [FDA](https://www.fda.gov/…)]`, the
//! same address written whole outside the list) is cited by that link. An author-year entry
//! is cited by a line that names its first author and its year in a form no citation reads
//! (a heading "### Key study (Mashour, 2024)", a timeline row "| 2004 | Tononi proposes IIT
//! |") or by a heading with its year and its title ("### Placebo and Depression (2024)").
//!
//! An entry under a group label inside its list that names a review's inventory of studies
//! ("### Randomized controlled trials included", "#### Studies awaiting classification") is
//! listed for the record and not reported.
//!
//! An author-year reference list that nothing in the article cites is not reported: it is a
//! book's or site's reference page whose chapters cite it. Nor are lists that source their
//! sections by where they stand: in a document with no marker at all, two or more lists
//! under their own headings (a knowledge base's "### Sources" closing each section). Nor a
//! bullet list the markers before it cannot mean, because they cite numbers past its end and the
//! list after it has them ("### Video References", four links, amid markers up to `[22]`):
//! a reading list beside the cited one.
//!
//! **Example:** a list with entries 1–4 where the text cites only `[1]`, `[2]` and `[4]`
//! reports entry 3.
//!
//! **Options:** `bibliography` (boolean, default false): also report entries of bibliography
//! files (`.bib`, CSL-JSON, CSL-YAML) that the article never cites, for an article that owns
//! its bibliography; entries its front matter's `nocite:` names (`@*` names all) are printed
//! by pandoc without a citation and are not reported.

use crate::checks::{Context, Reads, Rule, RuleOption, parse_options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, ListKind, RefKey, Reference, ReferenceList};

pub static RULE: Rule = Rule {
    id: "unused-reference",
    family: "citations",
    summary: "a reference entry is never cited",
    source: include_str!("unused_reference.rs"),
    default_severity: Severity::Warning,
    reads: Reads::REFERENCES,
    parse_options: parse_options::<Options>,
    options: &[RuleOption {
        name: "bibliography",
        kind: "boolean",
        help: "also report never-cited entries of bibliography files (default false: they are shared)",
    }],
    check,
};

/// `[rules.unused-reference]`.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    #[serde(default)]
    bibliography: bool,
}

fn check(doc: &Document, cx: &Context) -> Vec<Diagnostic> {
    let with_bibliography = cx.options::<Options>().bibliography;
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
    // an entry whose address the text links to (`[source: [FDA](https://…)]`) is cited by
    // that link; one the text names ("### Key study (Mashour, 2024)") is used, but a loose
    // match like that does not make a list no citation reads one whose other entries are
    // reported
    for (l, list) in doc.lists.iter().enumerate() {
        if list.kind == ListKind::Bibliography {
            continue;
        }
        for &r in &list.entries {
            if cited[r] {
                continue;
            }
            if linked_in_text(doc, list.span.clone(), r) {
                cited[r] = true;
                consulted[l] = true;
            } else if named_in_text(doc, list.span.clone(), r) {
                cited[r] = true;
            }
        }
    }
    let placed = crate::document::references::placed_lists(doc);
    let mut out = Vec::new();
    for (l, list) in doc.lists.iter().enumerate() {
        if list.entries.is_empty() || placed.contains(&l) {
            continue;
        }
        if list.kind == ListKind::Bibliography {
            if with_bibliography {
                out.extend(unused_in_bibliography(doc, list, &cited));
            }
            continue;
        }
        // an author-year list nothing cites is a reference page of a book or site (its
        // chapters cite it), or cited in a form citelint does not read: not reported
        let author_year = list
            .entries
            .iter()
            .any(|&r| matches!(doc.references[r].key, RefKey::AuthorYear(_)));
        if !consulted[l] && author_year {
            continue;
        }
        // a reading list whose part of the document went to the list after it (see
        // `references::assign_scopes`)
        if !consulted[l] && list.kind == ListKind::Numbered && list.scope.is_empty() {
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
            if in_inventory(doc, list, e) {
                continue;
            }
            // two works of one author and year ("Archer 2000" twice): a citation of the key
            // may mean either (`duplicate-reference` reports that it cannot say which)
            if matches!(e.key, RefKey::AuthorYear(_))
                && list
                    .entries
                    .iter()
                    .any(|&o| o != r && cited[o] && doc.references[o].key == e.key)
            {
                continue;
            }
            let what = match list.kind {
                ListKind::Footnotes => {
                    format!("footnote `{}` is defined but never referenced", e.key)
                }
                // a bullet's place is no name the writer gave it: quote the entry's opening
                _ if matches!(e.key, RefKey::Num(_)) && e.key_span.is_empty() => {
                    format!("the entry “{}” is never cited", opening_words(&e.text, 60))
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

/// Whether entry `e` stands under a group label inside its list that names the review's
/// inventory of studies ("### Randomized controlled trials included"; `[citations]
/// inventory-labels` in `rules/english.toml`).
fn in_inventory(doc: &Document, list: &ReferenceList, e: &Reference) -> bool {
    let after = list.heading.as_ref().map_or(list.span.start, |h| h.end);
    let words = &crate::document::english::words().citations;
    doc.section_at(e.span.start)
        .map(|k| &doc.sections[k])
        .filter(|s| s.heading.start >= after)
        .is_some_and(|s| {
            let title = s.title.to_lowercase();
            let has = |list: &[String]| {
                title
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| list.iter().any(|l| l == w))
            };
            has(&words.inventory_labels) && has(&words.inventory_objects)
        })
}

/// Whether the text outside the list links to entry `r`'s address: the address written
/// whole (not the start of a longer one) somewhere before or after the list, not in a block
/// quote.
fn linked_in_text(doc: &Document, list: std::ops::Range<usize>, r: usize) -> bool {
    let e = &doc.references[r];
    let Some(url) = e.ids.url.as_deref().map(|u| u.trim_end_matches('/')) else {
        return false;
    };
    // a bare site ("https://www.who.int") names a publisher, not a work
    if url.len() < 12
        || !url
            .split_once("://")
            .is_some_and(|(_, rest)| rest.contains('/'))
    {
        return false;
    }
    let whole = |text: &str, base: usize| {
        memchr::memmem::find_iter(text.as_bytes(), url.as_bytes()).any(|i| {
            let at = base + i;
            let after = &doc.text[at + url.len()..];
            let after = after.strip_prefix('/').unwrap_or(after);
            // a quoted copy of the list (`> **Links** – <https://…>`) cites nothing
            let line = doc.text[..at].rfind('\n').map_or(0, |n| n + 1);
            let inside = |rs: &[std::ops::Range<usize>]| rs.iter().any(|r| r.contains(&at));
            // a sentence's own punctuation may follow the address ("See https://….")
            let after = after.strip_prefix(['.', ',', ';', ':']).unwrap_or(after);
            !e.span.contains(&at)
                && !doc.text[line..at].trim_start().starts_with('>')
                // not in code, a comment or another list ("## Further reading")
                && !inside(&doc.code)
                && !inside(&doc.comments)
                && !doc.lists.iter().any(|l| l.span.contains(&at))
                && after.chars().next().is_none_or(|c| {
                    c.is_whitespace() || matches!(c, ')' | ']' | '>' | '"' | '\'' | '|')
                })
        })
    };
    whole(&doc.text[..list.start], 0) || whole(&doc.text[list.end..], list.end)
}

/// The first words of `text`, up to about `max` bytes, with "…" when cut.
fn opening_words(text: &str, max: usize) -> String {
    let t = text.trim();
    if t.len() <= max {
        return t.to_string();
    }
    let mut cut = max;
    while !t.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &t[..cut];
    let head = head.rfind(' ').map_or(head, |i| &head[..i]);
    format!("{}…", head.trim_end_matches([',', ';', ':', '.']))
}

/// Words of a heading that say nothing of the work it names.
const FUNCTION_WORDS: &[&str] = &[
    "from", "with", "into", "over", "about", "between", "after", "before", "during", "under",
    "this", "that", "these", "those", "their", "than", "what", "when", "which", "where", "does",
];

/// Whether the text outside the list names author-year entry `r` in a form no citation
/// pattern reads, on one line: its first author's surname and its year ("### Key study
/// (Mashour, 2024)", a timeline row "| 2004 | Tononi proposes IIT |", "Schwartz's 2002
/// book"), or, on a heading with its year, its title ("### Placebo, Neuroplasticity, and
/// Depression (2024)": three words or more, every one of them in the entry). Not in a
/// citation read as one, code, comments, a block quote or another list.
fn named_in_text(doc: &Document, list: std::ops::Range<usize>, r: usize) -> bool {
    let e = &doc.references[r];
    let RefKey::AuthorYear(key) = &e.key else {
        return false;
    };
    let Some((surname, year)) = key.rsplit_once(' ') else {
        return false;
    };
    let year = year
        .get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
    let Some(year) = year else {
        return false;
    };
    let bounded = |line: &str, at: usize, len: usize| {
        !line[..at].ends_with(char::is_alphanumeric)
            && !line[at + len..].starts_with(char::is_alphanumeric)
    };
    let has_year = |line: &str| {
        memchr::memmem::find_iter(line.as_bytes(), year.as_bytes()).any(|i| bounded(line, i, 4))
    };
    let elsewhere = |at: usize| {
        let inside = |rs: &[std::ops::Range<usize>]| rs.iter().any(|r| r.contains(&at));
        let line = doc.text[..at].rfind('\n').map_or(0, |n| n + 1);
        list.contains(&at)
            // a citation read as one names the entry it resolves to ("Lindqvist, Maret,
            // and Ozturk (1999)" is not Ozturk's own 1999 paper)
            || doc.citations.iter().any(|c| c.span.contains(&at))
            || inside(&doc.code)
            || inside(&doc.comments)
            || doc.lists.iter().any(|l| l.span.contains(&at))
            || doc.text[line..at].trim_start().starts_with('>')
    };
    let line_at = |at: usize| {
        let start = doc.text[..at].rfind('\n').map_or(0, |n| n + 1);
        let end = doc.text[at..].find('\n').map_or(doc.text.len(), |n| at + n);
        (start, &doc.text[start..end])
    };
    let by_name = memchr::memmem::find_iter(doc.text.as_bytes(), surname.as_bytes()).any(|at| {
        let (start, line) = line_at(at);
        !elsewhere(at) && bounded(line, at - start, surname.len()) && has_year(line)
    });
    if by_name {
        return true;
    }
    let entry = doc.text[e.span.clone()].to_lowercase();
    doc.sections.iter().any(|sec| {
        let heading = &doc.text[sec.heading.clone()];
        if elsewhere(sec.heading.start) || !has_year(heading) {
            return false;
        }
        let words: Vec<String> = sec
            .title
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| w.chars().count() >= 4 && !w.starts_with(|c: char| c.is_ascii_digit()))
            .map(str::to_lowercase)
            .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()))
            .collect();
        words.len() >= 3 && words.iter().all(|w| entry.contains(w.as_str()))
    })
}

/// Never-cited entries of a bibliography file: reported where the article names the file,
/// with a label on the entry in the file.
fn unused_in_bibliography(
    doc: &Document,
    list: &crate::document::ReferenceList,
    cited: &[bool],
) -> Vec<Diagnostic> {
    let file = list.file.clone().unwrap_or_default();
    // pandoc prints what `nocite:` names without a citation
    let nocite = doc.nocite();
    list.entries
        .iter()
        .filter(|&&r| !cited[r] && !nocite.lists(&doc.references[r].key))
        .map(|&r| {
            let e = &doc.references[r];
            let at = e.line.map(|l| format!(" (line {l})")).unwrap_or_default();
            let mut label = crate::diagnostic::Label::new(
                e.key_span.clone(),
                format!("`{}` is defined here{at}", e.key),
            );
            label.path = e.path.clone();
            let mut d = Diagnostic::new(
                RULE.id,
                list.span.clone(),
                format!(
                    "entry `{}` of the bibliography `{file}` is never cited",
                    e.key
                ),
            )
            .help("cite it where it supports the text, or remove it from the bibliography");
            d.labels.push(label);
            d
        })
        .collect()
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
    fn a_bullet_entry_is_named_by_its_opening_words_not_its_place() {
        let t = "Claim [1].\n\n## References\n\n- First source title. Publisher, 2015.\n- Second source, with a much longer title that runs on past sixty bytes. Publisher.\n";
        let d = run(R, t, "a.md");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].message,
            "the entry “Second source, with a much longer title that runs on past…” is never cited"
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
