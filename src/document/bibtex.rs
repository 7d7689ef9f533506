//! BibTeX and BibLaTeX files, read with typst's `biblatex` crate at its raw level: every entry
//! with its span, duplicate keys kept (so `duplicate-reference` can report them), `@string`
//! abbreviations expanded, and TeX markup in titles and abstracts reduced to plain text.

use super::Ids;
use super::bibliography::CslItem;
use biblatex::{RawBibliography, RawChunk, Spanned};
use std::collections::HashMap;
use std::ops::Range;

/// The items of a `.bib` file, in file order; or what is wrong and where.
pub fn parse(text: &str) -> Result<Vec<CslItem>, (String, Range<usize>)> {
    let raw = RawBibliography::parse(text).map_err(|e| {
        let at = e.span.start.min(text.len())..e.span.end.min(text.len());
        (format!("{} (line {})", e.kind, line_of(text, at.start)), at)
    })?;
    let abbr: HashMap<String, &[Spanned<RawChunk>]> = raw
        .abbreviations
        .iter()
        .map(|p| (p.key.v.to_ascii_lowercase(), p.value.v.as_slice()))
        .collect();
    let mut out = Vec::with_capacity(raw.entries.len());
    let mut budget = expansion_budget(text);
    for e in &raw.entries {
        let fields: HashMap<String, String> =
            e.v.fields
                .iter()
                .map(|p| {
                    (
                        p.key.v.to_ascii_lowercase(),
                        field_text(&p.value.v, &abbr, 0, &mut budget),
                    )
                })
                .collect();
        let get = |k: &str| {
            fields
                .get(k)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let pmid = get("pmid").or_else(|| {
            get("eprinttype")
                .filter(|t| t.eq_ignore_ascii_case("pubmed"))
                .and(get("eprint"))
        });
        let doi = get("doi").map(|d| {
            let d = d.to_lowercase();
            d.trim_start_matches("https://doi.org/")
                .trim_start_matches("http://dx.doi.org/")
                .to_string()
        });
        out.push(CslItem {
            id: e.v.key.v.to_string(),
            span: Some(e.v.key.span.clone()),
            title: get("title"),
            abstract_text: get("abstract"),
            container: get("journaltitle")
                .or_else(|| get("journal"))
                .or_else(|| get("booktitle")),
            ids: Ids {
                doi,
                pmid,
                url: get("url"),
            },
            identifiers: identifier_fields(&fields),
        });
    }
    Ok(out)
}

/// The identifier fields of an entry: `doi`, `pmid`, `pmcid`, `isbn`, and `eprint` when
/// `eprinttype`/`archiveprefix` says arXiv.
fn identifier_fields(fields: &HashMap<String, String>) -> Vec<super::identifiers::Identifier> {
    let arxiv = ["eprinttype", "archiveprefix"].iter().any(|k| {
        fields
            .get(*k)
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("arxiv"))
    });
    let mut out: Vec<_> = ["doi", "pmid", "pmcid", "isbn"]
        .iter()
        .filter_map(|k| super::identifiers::from_field(k, fields.get(*k)?, 0..0))
        .collect();
    if arxiv && let Some(e) = fields.get("eprint") {
        out.extend(super::identifiers::from_field("arxiv", e, 0..0));
    }
    out
}

fn line_of(text: &str, at: usize) -> usize {
    memchr::memchr_iter(b'\n', &text.as_bytes()[..at.min(text.len())]).count() + 1
}

/// How much `@string` expansion a file may cost: chunks expanded plus bytes they produce.
/// Abbreviations that refer to each other many times over (`@string{a = b # b # b # …}`,
/// `@string{b = a # a # a # …}`) would otherwise expand exponentially in the depth; an
/// ordinary file (a journal name used by every entry) stays far below this.
fn expansion_budget(text: &str) -> usize {
    text.len().saturating_mul(8).saturating_add(1 << 20)
}

/// A field's value as plain text: its pieces joined, abbreviations expanded (to a small depth:
/// an `@string` may refer to another, and within the file's expansion `budget`; past either,
/// an abbreviation stays as its name), TeX reduced.
fn field_text(
    chunks: &[Spanned<RawChunk>],
    abbr: &HashMap<String, &[Spanned<RawChunk>]>,
    depth: u8,
    budget: &mut usize,
) -> String {
    let mut out = String::new();
    for c in chunks {
        if depth > 0 && *budget == 0 {
            break;
        }
        match &c.v {
            RawChunk::Normal(s) => {
                let text = plain_tex(s);
                if depth > 0 {
                    *budget = budget.saturating_sub(text.len() + 1);
                }
                out.push_str(&text);
            }
            RawChunk::Abbreviation(a) => match abbr.get(&a.to_ascii_lowercase()) {
                Some(v) if depth < 4 && *budget > 0 => {
                    *budget -= 1;
                    out.push_str(&field_text(v, abbr, depth + 1, budget));
                }
                // undefined (a month, `jan`), too deep, or over budget: the name as written
                _ => {
                    if depth > 0 {
                        *budget = budget.saturating_sub(a.len() + 1);
                    }
                    out.push_str(a);
                }
            },
        }
    }
    out
}

/// TeX markup reduced to the text a reader sees: braces dropped, `\&` and friends unescaped,
/// accent commands dropped (`{\"o}` → `o`), other commands dropped keeping their arguments
/// (`\emph{in vitro}` → `in vitro`), `~` a space, `--` an en dash.
pub fn plain_tex(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' | '}' => {}
            '~' => out.push(' '),
            '\\' => match chars.peek().copied() {
                Some(n) if "&%$#_{}~^ ".contains(n) => {
                    chars.next();
                    out.push(n);
                }
                Some(n) if "\"'`^~=.".contains(n) => {
                    chars.next(); // an accent: keep the letter it sits on
                }
                Some(n) if n.is_ascii_alphabetic() => {
                    let mut name = String::new();
                    while let Some(&n) = chars.peek() {
                        if !n.is_ascii_alphabetic() {
                            break;
                        }
                        name.push(n);
                        chars.next();
                    }
                    match name.as_str() {
                        "ss" => out.push('ß'),
                        "o" => out.push('ø'),
                        "ae" => out.push('æ'),
                        "textendash" => out.push('–'),
                        "textemdash" => out.push('—'),
                        _ => {}
                    }
                    // a command's own space is not text
                    if chars.peek() == Some(&' ') && !name.is_empty() && name.len() > 1 {
                        chars.next();
                    }
                }
                _ => {}
            },
            '-' if chars.peek() == Some(&'-') => {
                chars.next();
                if chars.peek() == Some(&'-') {
                    chars.next();
                    out.push('—');
                } else {
                    out.push('–');
                }
            }
            c if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_keep_keys_spans_ids_and_duplicates() {
        let t = "@string{jn = {Sleep Journal}}\n@article{kim2019,\n  title = {Naps and {REM} sleep in \\emph{shift} workers},\n  journal = jn,\n  doi = {10.1000/ABC},\n  abstract = {Naps \\& alertness -- a trial.}\n}\n\n@misc{kim2019, title = {Again}}\n";
        let items = parse(t).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].id, "kim2019");
        assert_eq!(&t[items[0].span.clone().unwrap()], "kim2019");
        assert_eq!(
            items[0].title.as_deref(),
            Some("Naps and REM sleep in shift workers")
        );
        assert_eq!(items[0].container.as_deref(), Some("Sleep Journal"));
        assert_eq!(items[0].ids.doi.as_deref(), Some("10.1000/abc"));
        assert_eq!(
            items[0].abstract_text.as_deref(),
            Some("Naps & alertness – a trial.")
        );
        assert_eq!(items[1].id, "kim2019");
    }

    #[test]
    fn broken_files_are_errors_with_a_span() {
        for t in [
            "@article{a, title = {unclosed\n",
            "@@@",
            "@article{",
            "\u{0}\u{1}binary",
        ] {
            if let Err((msg, at)) = parse(t) {
                assert!(at.end <= t.len(), "{msg}");
            }
        }
        assert!(parse("@article{a, title = {unclosed\n").is_err());
    }

    #[test]
    fn string_macros_in_a_loop_expand_within_the_budget() {
        // a refers to b 500 times and b to a 500 times: 500^4 chunks if nothing stopped it
        let a = vec!["b"; 500].join(" # ");
        let b = vec!["a"; 500].join(" # ");
        let t = format!(
            "@string{{a = {a}}}\n@string{{b = {b}}}\n@string{{me = me # me}}\n\
             @article{{k1, title = a # {{ tail}}, journal = me}}\n\
             @article{{k2, title = {{Plain}}, journal = jan}}\n"
        );
        let items = parse(&t).unwrap();
        assert_eq!(items.len(), 2);
        let title = items[0].title.as_deref().unwrap();
        assert!(title.len() <= 2 * expansion_budget(&t), "{}", title.len());
        assert!(title.ends_with("tail"), "the literal part is kept");
        assert_eq!(items[0].container.as_deref(), Some("me"));
        // over budget or not, later entries are read as usual
        assert_eq!(items[1].title.as_deref(), Some("Plain"));
        assert_eq!(items[1].container.as_deref(), Some("jan"));
    }

    #[test]
    fn accents_and_commands() {
        assert_eq!(plain_tex("M{\\\"u}ller and G\\'omez"), "Muller and Gomez");
        assert_eq!(plain_tex("50\\% of \\textit{E. coli}"), "50% of E. coli");
    }
}
