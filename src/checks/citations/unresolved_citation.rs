//! # unresolved-citation
//!
//! **What it catches:** a citation marker that names a reference no list in its scope defines:
//! `[6]` when the reference list has five entries, a footnote `[^x]` with no definition, a
//! pandoc key `[@smith2020]` missing from the bibliography, or markers in an article that has
//! no reference list at all. An article that names works by author and year ("Morgan et al.
//! (2025)", "(Lee et al., 2019)") and lists none of them gets one finding, at the first,
//! counting the works (three works at least, in an article with no web link).
//!
//! **Why it matters:** a reader who follows the marker finds nothing; the claim it was meant to
//! support is, in effect, unsourced. Numbers are read as written in the source: deleting entry
//! `2.` from a list leaves `[2]` unresolved even though a renderer would renumber the list.
//!
//! A Manubot key that is an identifier (`[@doi:10.…]`, `@pmid:…`, `@arxiv:…`) names its work
//! by itself; a `[@tag:Name]` key needs the manuscript's tag map (`citation-tags.tsv` beside
//! the file, or a `[@tag:Name]: doi:10.…` definition), and is reported when neither maps it.
//!
//! A number that is itself a link to a page outside the article (`[\[3\]](https://…)`,
//! `[[3]](https://…)`, as research assistants and converted pages write them), or that ends
//! the text of one (`[**as high as 11.5 percent** [2]](https://…)`), or in HTML the text of an
//! `<a href="https://…">` (a report saved from Word as a web page), names its source by its
//! address: it is not reported when no reference list is in its scope.
//!
//! A number implied inside a range (`9` in `[8–10]`) that the list lacks is reported by
//! `malformed-citation` instead: the range runs over a gap in the list's numbering.
//!
//! **Scope:** a numbered list serves the part of the article from the previous list to its own
//! end (articles that restart numbering in every section), the last list also serves what
//! follows it; footnotes and bibliographies serve the whole article.
//!
//! **Example:**
//! ```markdown
//! Salt raises blood pressure [3].
//!
//! ## References
//! 1. …
//! 2. …
//! ```
//! reports `[3]`: "cites reference 3, but the reference list has entries 1–2".
//!
//! When the bibliography cannot be read, its markers cannot be checked: that is one finding,
//! at the first marker, counting the rest (the file's `parse-error` says why).
//!
//! **Options:** none.

use crate::checks::{Context, NoOptions, Reads, Rule, join_keys, parse_options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Citation, CiteSyntax, Document, ListKind, RefKey};

pub static RULE: Rule = Rule {
    id: "unresolved-citation",
    family: "citations",
    summary: "a marker names a reference that no list in scope defines, or there is no reference list",
    source: include_str!("unresolved_citation.rs"),
    default_severity: Severity::Error,
    reads: Reads::REFERENCES,
    parse_options: parse_options::<NoOptions>,
    options: &[],
    check,
};

fn describe_list(doc: &Document, list: usize) -> String {
    let mut nums: Vec<u32> = doc.lists[list]
        .entries
        .iter()
        .filter_map(|&r| match doc.references[r].key {
            RefKey::Num(n) => Some(n),
            _ => None,
        })
        .collect();
    if nums.is_empty() {
        let n = doc.lists[list].entries.len();
        let footnotes = doc.lists[list]
            .entries
            .iter()
            .all(|&r| matches!(doc.references[r].key, RefKey::Footnote(_)));
        return if footnotes && n == 1 {
            "one footnote definition (`[^1]: …`) and no numbered entry".to_string()
        } else if footnotes {
            format!("{n} footnote definitions (`[^1]: …`) and no numbered entry")
        } else {
            format!("{n} entries and no numbered one")
        };
    }
    nums.sort_unstable();
    nums.dedup();
    if nums.len() == 1 {
        return format!("one entry ({})", nums[0]);
    }
    // compact runs: "entries 1–3, 5"
    let mut runs: Vec<String> = Vec::new();
    let mut i = 0;
    while i < nums.len() {
        let mut j = i;
        while j + 1 < nums.len() && nums[j + 1] == nums[j] + 1 {
            j += 1;
        }
        runs.push(if j > i {
            format!("{}–{}", nums[i], nums[j])
        } else {
            nums[i].to_string()
        });
        i = j + 1;
    }
    if runs.len() > 6 {
        return format!(
            "{} entries ({}–{}, with gaps)",
            nums.len(),
            nums[0],
            nums[nums.len() - 1]
        );
    }
    format!("entries {}", runs.join(", "))
}

fn marker_text(doc: &Document, c: &Citation) -> String {
    doc.text[c.span.clone()].trim().to_string()
}

/// The keys of a marker that resolve to no entry (a range's interior numbers aside).
fn missing_of(c: &Citation) -> Vec<&RefKey> {
    c.targets
        .iter()
        .filter(|t| t.resolved.is_none() && !t.interior && t.key != RefKey::Num(0))
        .map(|t| &t.key)
        .collect()
}

/// The finding for an article that cites works by author and year and lists none of them.
/// Is the marker a link to a page outside the article, or the last words of one's text? In
/// HTML, does it end the text of an `<a href="https://…">`? (A saved chat's `file:` upload counts: the
/// marker names where its source is, whether or not a reader can open it.)
fn links_out(doc: &Document, c: &Citation) -> bool {
    let outside = |s: &str| s.starts_with("](http") || s.starts_with("](file:");
    let marker = &doc.text[c.span.clone()];
    let own =
        c.syntax == CiteSyntax::Linked && (marker.contains("](http") || marker.contains("](file:"));
    let closes = || outside(doc.text[c.span.end..].trim_start_matches([' ', '*', '_']));
    // (the marker ends the link's text: only tags and spaces after it, as in Markdown)
    let in_html_link = || {
        doc.out_links.iter().any(|l| {
            l.start <= c.span.start
                && c.span.end <= l.end
                && only_tags(&doc.text[c.span.end..l.end])
        })
    };
    own || (c.syntax == CiteSyntax::Bracket && closes()) || in_html_link()
}

/// Whether HTML source holds nothing but tags, spaces and `&nbsp;`.
fn only_tags(s: &str) -> bool {
    let mut rest = s;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("&nbsp;") {
            rest = r;
        } else if rest.starts_with('<') {
            match rest.find('>') {
                Some(e) => rest = &rest[e + 1..],
                None => return false,
            }
        } else {
            return rest.is_empty();
        }
    }
}

fn unlisted_finding(doc: &Document, first: &Citation) -> Diagnostic {
    let works =
        crate::document::author_year::works(doc.citations.iter().filter(|c| c.list.is_none()));
    Diagnostic::new(
        RULE.id,
        first.span.clone(),
        format!(
            "`{}` is the first of {works} works cited by author and year, but the article has no reference list",
            marker_text(doc, first),
        ),
    )
    .help("add a References section listing each cited work (authors, year, title, journal, DOI or link)")
}

fn check(doc: &Document, _cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let any_list = !doc.lists.is_empty();
    // markers of a bibliography that could not be read: one finding for them all, at the
    // first (the file's parse-error says why; a finding per key repeats it)
    let unreadable = |c: &Citation, missing: &[&RefKey]| {
        matches!(missing.first(), Some(RefKey::Key(_)))
            && c.list.is_some_and(|l| doc.lists[l].unreadable.is_some())
    };
    let mut unchecked = vec![0usize; doc.lists.len()];
    for c in &doc.citations {
        if unreadable(c, &missing_of(c)) {
            unchecked[c.list.unwrap_or_default()] += 1;
        }
    }
    let mut told = vec![false; doc.lists.len()];
    // author-year citations in an article that lists no work: one finding, at the first
    let unlisted = |c: &Citation| {
        c.list.is_none()
            && c.targets
                .iter()
                .any(|t| matches!(t.key, RefKey::AuthorYear(_)))
    };
    let mut unlisted_told = false;
    for c in &doc.citations {
        let missing = missing_of(c);
        if missing.is_empty() {
            continue;
        }
        if unlisted(c) {
            if !std::mem::replace(&mut unlisted_told, true) {
                out.push(unlisted_finding(doc, c));
            }
            continue;
        }
        if unreadable(c, &missing) {
            let l = c.list.unwrap_or_default();
            if std::mem::replace(&mut told[l], true) {
                continue;
            }
        }
        // `[\[3\]](https://…)`, `[[3]](https://…)`, `[**a finding** [3]](https://…)` with no
        // list in scope: a number that links to its source outside the page names that source
        // itself; a reader who follows it finds the work
        if c.list.is_none() && links_out(doc, c) {
            continue;
        }
        let keys = join_keys(&missing);
        let marker = marker_text(doc, c);
        let d = match (&missing[0], c.list) {
            (RefKey::Num(_), None) if !any_list || c.syntax.is_numeric() => Diagnostic::new(
                RULE.id,
                c.span.clone(),
                format!("`{marker}` cites reference {keys}, but the article has no reference list"),
            )
            .help("add a References section with a numbered list of the sources, or remove the marker"),
            (RefKey::Num(_), Some(l)) => {
                let list = &doc.lists[l];
                let what = if missing.len() == 1 { "reference" } else { "references" };
                let mut d = Diagnostic::new(
                    RULE.id,
                    c.span.clone(),
                    format!(
                        "`{marker}` cites {what} {keys}, but the reference list in scope has {}",
                        describe_list(doc, l)
                    ),
                )
                .help(format!("add the missing {} ({keys}) to the list, or correct the number", if missing.len() == 1 { "entry" } else { "entries" }));
                let at = list.heading.clone().unwrap_or(list.span.clone());
                if list.kind != ListKind::Bibliography {
                    d = d.label(at, "the reference list consulted");
                }
                d
            }
            (RefKey::Footnote(k), _) if c.syntax == crate::document::CiteSyntax::WikiRef => {
                Diagnostic::new(
                    RULE.id,
                    c.span.clone(),
                    format!("`{marker}` reuses the source named `{k}`, but no `<ref name=\"{k}\">…</ref>` gives it"),
                )
                .help("give the source once as `<ref name=\"…\">source</ref>`, or correct the name")
            }
            (RefKey::Footnote(_), _) => Diagnostic::new(
                RULE.id,
                c.span.clone(),
                format!("footnote `{marker}` has no definition"),
            )
            .help(format!("add a definition line `[{}]: …` for it", missing[0])),
            (RefKey::Key(_), Some(l)) if doc.lists[l].unreadable.is_some() => Diagnostic::new(
                RULE.id,
                c.span.clone(),
                format!(
                    "`{marker}`{} cannot be checked: the bibliography `{}`{} could not be read",
                    match unchecked[l] {
                        0 | 1 => String::new(),
                        2 => " and 1 more citation".to_string(),
                        k => format!(" and {} more citations", k - 1),
                    },
                    doc.lists[l].file.clone().unwrap_or_default(),
                    doc.lists[l].named_by.as_ref().map(|b| format!(" (named by `{b}`)")).unwrap_or_default()
                ),
            )
            .label(doc.lists[l].span.clone(), "the bibliography named here")
            .help("fix the bibliography file (see the parse-error finding); its keys are checked once it reads"),
            (RefKey::Key(k), Some(l)) if doc.lists[l].kind == ListKind::Bibliography => {
                let files: Vec<String> = doc
                    .lists
                    .iter()
                    .filter(|b| b.kind == ListKind::Bibliography)
                    .filter_map(|b| b.file.as_ref().map(|f| format!("`{f}`")))
                    .collect();
                let by = doc.lists[l]
                    .named_by
                    .as_ref()
                    .map(|b| format!(" (named by `{b}`)"))
                    .unwrap_or_default();
                let which = if files.len() > 1 {
                    format!("the bibliographies {}{by}", files.join(", "))
                } else {
                    format!("the bibliography `{}`{by}", doc.lists[l].file.clone().unwrap_or_default())
                };
                let mut d = Diagnostic::new(
                    RULE.id,
                    c.span.clone(),
                    format!("no entry of {which} has the key `{k}`"),
                )
                .help("check the key's spelling, or add the entry to the bibliography");
                // a bibliography a Quarto project or a parent document names has no span here
                if !doc.lists[l].span.is_empty() {
                    d = d.label(doc.lists[l].span.clone(), "the bibliography consulted");
                }
                d
            }
            (RefKey::Key(_), Some(l))
                if doc.lists[l].kind == ListKind::Manubot
                    && missing.iter().all(|k| matches!(k, RefKey::Key(k) if crate::document::manubot::tag_of(k).is_some())) =>
            {
                let tags: Vec<String> = missing
                    .iter()
                    .map(|k| match k {
                        RefKey::Key(k) => format!("`{}`", crate::document::manubot::tag_of(k).unwrap_or(k)),
                        k => format!("`{k}`"),
                    })
                    .collect();
                let (what, it) = if tags.len() == 1 { ("the tag", "it") } else { ("the tags", "them") };
                let tags = tags.join(", ");
                let msg = match &doc.lists[l].file {
                    Some(f) => format!("`{marker}` cites {what} {tags}, but `{f}` beside the article does not map {it}"),
                    None => format!("`{marker}` cites {what} {tags}, but no `[@tag:…]: …` definition or `{}` beside the article maps {it}", crate::document::manubot::TAG_FILE),
                };
                Diagnostic::new(RULE.id, c.span.clone(), msg)
                    .help("map the tag to the work's identifier (a `citation-tags.tsv` row `Name<TAB>doi:10.…`, or `[@tag:Name]: doi:10.…`), or cite the identifier itself (`@doi:10.…`)")
            }
            (RefKey::Key(_), Some(l)) if doc.lists[l].kind == ListKind::Manubot => Diagnostic::new(
                RULE.id,
                c.span.clone(),
                format!("`{marker}` cites {keys}, but the article names no bibliography for it, and it is not a Manubot identifier (`@doi:10.…`) or mapped tag"),
            )
            .help("cite the work by its identifier (`@doi:10.…`, `@pmid:…`), map the tag in `citation-tags.tsv`, or name a bibliography"),
            (RefKey::Key(k), Some(l)) => Diagnostic::new(
                RULE.id,
                c.span.clone(),
                format!("no entry of the front-matter `references:` has the key `{k}`"),
            )
            .label(doc.lists[l].span.clone(), "the references consulted"),
            (RefKey::AuthorYear(_), l) => {
                let names: Vec<String> = missing
                    .iter()
                    .map(|k| match k.to_string().rsplit_once(' ') {
                        Some((who, year)) => format!("{who} ({year})"),
                        None => k.to_string(),
                    })
                    .collect();
                let mut d = Diagnostic::new(
                    RULE.id,
                    c.span.clone(),
                    format!(
                        "`{marker}` cites {}, but no entry of the reference list has that first author and year",
                        names.join(" and ")
                    ),
                )
                .help("check the name and year against the reference list, or add the entry");
                if let Some(l) = l {
                    let list = &doc.lists[l];
                    d = d.label(list.heading.clone().unwrap_or(list.span.clone()), "the reference list consulted");
                }
                d
            }
            (RefKey::Key(_), None) | (RefKey::Num(_), None) => Diagnostic::new(
                RULE.id,
                c.span.clone(),
                format!("`{marker}` cites {keys}, but the article names no bibliography or reference list for it"),
            )
            .help("name a bibliography in the front matter (`bibliography: refs.bib`, BibTeX, CSL-JSON or CSL-YAML) or add `references:`"),
        };
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run;

    #[test]
    fn a_number_against_footnotes_says_they_are_footnotes() {
        let t = "# Light\n\nBright light eased winter low mood in adults²[^1].\n\n[^1]: https://www.example.org/light\n";
        let d = run("unresolved-citation", t, "a.md");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].message,
            "`²` cites reference 2, but the reference list in scope has one footnote definition (`[^1]: …`) and no numbered entry"
        );
    }
}
