//! # quote-mismatch
//!
//! **What it catches:** a direct quotation (in straight or curly quotation marks, four words
//! or more) in a sentence that cites a source, where the article gives text of that source
//! beyond its title (an excerpt under the entry, a bibliography abstract) and the quoted words
//! are not in that text.
//!
//! **How it compares:** case, runs of whitespace, dashes (`-`, `–`, `—`) and quotation marks
//! are normalised on both sides, and the punctuation that opens or closes a quotation is not
//! compared. `…` or `...` in a quotation is a gap, and so is `[an editorial insertion]`: the
//! parts around them must appear in the source in the same order. The secondary label quotes
//! the source sentence that shares most words with the quotation.
//!
//! **When it stays silent:** when a cited source has only a title (and journal, authors,
//! year): there is nothing to compare with, and the quotation may come from the part of the
//! source the article does not give. The same when the sentence cites several sources and one
//! of them has only a title. Quotations of fewer than four words (a term, a scare quote) are
//! not compared, nor a value given to a code (`1="3 or more days"`).
//!
//! **Why it matters:** a quotation tells the reader "the source says exactly this". Studies of
//! AI-written medical answers find many quotations that no cited source contains.
//!
//! **Example:** `The authors concluded that "naps of 20 minutes restore alertness in night
//! workers" [2].` with an excerpt under reference 2 reading "Naps of 30 minutes restored
//! alertness in night-shift nurses." reports the quotation, with a label quoting that
//! sentence.
//!
//! **Options:** none.

use super::{cited_references, entry_label, named, shorten};
use crate::checks::{Context, NoOptions, Reads, Rule, parse_options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{BlockKind, Document, Role};
use std::ops::Range;

pub static RULE: Rule = Rule {
    id: "quote-mismatch",
    family: "sources",
    summary: "a quotation attributed to a cited source does not appear in that source's text",
    source: include_str!("quote_mismatch.rs"),
    default_severity: Severity::Warning,
    reads: Reads::CITED_SENTENCES,
    parse_options: parse_options::<NoOptions>,
    options: &[],
    check,
};

/// Quotations of fewer words are terms or scare quotes, not compared.
const MIN_WORDS: usize = 4;

fn check(doc: &Document, _cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // only articles that give some source's text can have a finding
    if !doc.references.iter().any(|r| r.has_source_text()) {
        return out;
    }
    let mut normalised: Vec<Option<String>> = vec![None; doc.references.len()];
    for (bi, b) in doc.prose() {
        if matches!(b.kind, BlockKind::Heading(_) | BlockKind::TableCell) || b.role != Role::Prose {
            continue;
        }
        for q in quotations(&b.text) {
            let inner = &b.text[q.inner.clone()];
            if words(inner).len() < MIN_WORDS {
                continue;
            }
            // the sentences the quotation stands in, and the one where it ends: their citations
            let refs: Vec<usize> = doc
                .sentences
                .iter()
                .filter(|s| {
                    s.block == bi
                        && s.text_range.start < q.outer.end
                        && q.outer.start < s.text_range.end
                })
                .flat_map(|s| cited_references(doc, s))
                .fold(Vec::new(), |mut v, r| {
                    if !v.contains(&r) {
                        v.push(r);
                    }
                    v
                });
            if refs.is_empty() || refs.iter().any(|&r| !doc.references[r].has_source_text()) {
                continue;
            }
            let parts = segments(inner);
            if parts.is_empty() {
                continue;
            }
            let found = refs.iter().any(|&r| {
                let text = normalised[r]
                    .get_or_insert_with(|| normalise(&doc.references[r].source_text()));
                in_order(text, &parts)
            });
            if found {
                continue;
            }
            let whose = named(doc, &refs);
            let mut d = Diagnostic::new(
                RULE.id,
                b.map.range(q.outer.clone()),
                format!(
                    "the quotation \u{201c}{}\u{201d} is not in the text the article gives of {whose}",
                    shorten(inner, 120)
                ),
            )
            .help("quote the source's words exactly (mark cuts with … and insertions with [ ]), or paraphrase without quotation marks");
            for &r in &refs {
                let message = match closest_sentence(&doc.references[r].given_text(), inner) {
                    Some(s) => format!(
                        "closest in reference {}: \u{201c}{}\u{201d}",
                        doc.references[r].key,
                        shorten(&s, 160)
                    ),
                    None => format!(
                        "reference {} has no sentence with these words",
                        doc.references[r].key
                    ),
                };
                d.labels.push(entry_label(doc, r, message));
            }
            out.push(d);
        }
    }
    out
}

/// A quotation in a block's text: the range with its marks, and inside them.
struct Quotation {
    outer: Range<usize>,
    inner: Range<usize>,
}

/// Quotations in `text`: `“…”`, `"…"`, and `‘…’` where the marks cannot be apostrophes (the
/// opening one after a space or bracket, the closing one not before a letter). Unclosed
/// marks open nothing.
fn quotations(text: &str) -> Vec<Quotation> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let prev = i.checked_sub(1).map(|k| chars[k].1);
        let close = match c {
            '\u{201c}' => Some('\u{201d}'),
            '"' => Some('"'),
            '\u{2018}' if prev.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p)) => {
                Some('\u{2019}')
            }
            _ => None,
        };
        let Some(close) = close else {
            i += 1;
            continue;
        };
        let end = (i + 1..chars.len()).find(|&k| {
            chars[k].1 == close
                && (close != '\u{2019}' || chars.get(k + 1).is_none_or(|n| !n.1.is_alphanumeric()))
        });
        match end {
            Some(k) => {
                let e = chars[k].0;
                // a value given to a code (`1="3 or more days"`, `1 = "…"`) quotes nobody
                let mut before = chars[..i].iter().rev().take(2).map(|p| p.1);
                let assigned = before.find(|c| *c != ' ') == Some('=');
                if !assigned {
                    out.push(Quotation {
                        outer: at..e + close.len_utf8(),
                        inner: at + c.len_utf8()..e,
                    });
                }
                i = k + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// Words of `s`: runs of letters and digits, lower case.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// `s` compared loosely: lower case, one space for any whitespace, one `-` for any dash,
/// quotation marks dropped, `’` as `'`.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars() {
        let c = match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{2018}' | '\u{2019}' | '\u{2032}' => '\'',
            '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' => continue,
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out.trim_end().to_string()
}

/// The parts of a quotation that must appear in the source, in order: split at ellipses and
/// at bracketed insertions, normalised, the punctuation at their edges dropped.
fn segments(inner: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut depth = 0usize;
    let mut rest = inner;
    while let Some(c) = rest.chars().next() {
        let gap = if rest.starts_with("...") {
            rest = &rest[3..];
            true
        } else if rest.starts_with(". . .") {
            rest = &rest[5..];
            true
        } else {
            rest = &rest[c.len_utf8()..];
            match c {
                '\u{2026}' => true,
                '[' => {
                    depth += 1;
                    true
                }
                ']' => {
                    depth = depth.saturating_sub(1);
                    true
                }
                _ => {
                    if depth == 0 {
                        cur.push(c);
                    }
                    false
                }
            }
        };
        if gap {
            parts.push(std::mem::take(&mut cur));
        }
    }
    parts.push(cur);
    parts
        .iter()
        .map(|p| {
            normalise(p)
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// Do the parts appear in `text` in order, each on word boundaries?
fn in_order(text: &str, parts: &[String]) -> bool {
    let mut from = 0;
    for p in parts {
        let mut found = None;
        let mut at = from;
        while let Some(i) = text[at..].find(p.as_str()) {
            let s = at + i;
            let e = s + p.len();
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            if edge(before) && edge(after) {
                found = Some(e);
                break;
            }
            at = s + p.chars().next().map_or(1, char::len_utf8);
        }
        match found {
            Some(e) => from = e,
            None => return false,
        }
    }
    true
}

/// The sentence of `source` that shares most words with `quote`, if any shares one that is
/// not a short function word.
fn closest_sentence(source: &str, quote: &str) -> Option<String> {
    let all = words(quote);
    let q: Vec<&String> = all.iter().filter(|w| w.len() > 3).collect();
    // word pairs in the quote's order: the sentence it was misquoted from shares runs of words
    let pairs: Vec<(&String, &String)> = all.iter().zip(all.iter().skip(1)).collect();
    let mut best: Option<(usize, Range<usize>)> = None;
    for r in crate::document::split::split_sentences(source) {
        let w = words(&source[r.clone()]);
        let words_shared = q.iter().filter(|x| w.contains(x)).count();
        let pairs_shared = w
            .iter()
            .zip(w.iter().skip(1))
            .filter(|(a, b)| pairs.contains(&(a, b)))
            .count();
        let shared = if words_shared > 0 {
            words_shared + 2 * pairs_shared
        } else {
            0
        };
        if shared > 0 && best.as_ref().is_none_or(|b| shared > b.0) {
            best = Some((shared, r));
        }
    }
    best.map(|(_, r)| source[r].trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_sentence_shares_runs_of_words_not_only_words() {
        // both sentences hold every word of the quote; the second holds them in its order
        let source = "Objective: in children, the colds that zinc lozenges prevent were counted. \
                      Conclusion: zinc lozenges prevent colds in children.";
        assert_eq!(
            closest_sentence(source, "zinc lozenges may prevent colds in children").as_deref(),
            Some("Conclusion: zinc lozenges prevent colds in children.")
        );
        assert_eq!(closest_sentence(source, "nothing alike here at all"), None);
    }

    #[test]
    fn quotations_and_apostrophes() {
        let t = "The nurses’ view: “rest helps a lot here” and \"naps are fine\" and ‘short ones work best’ but don’t.";
        let q: Vec<&str> = quotations(t).iter().map(|q| &t[q.inner.clone()]).collect();
        assert_eq!(
            q,
            [
                "rest helps a lot here",
                "naps are fine",
                "short ones work best"
            ]
        );
        assert!(quotations("an unclosed “quote here").is_empty());
        // values given to codes are not quotations
        let t = r#"coded as 1="three or more days" and 0 = "fewer than three days", as "the survey put it""#;
        let q: Vec<&str> = quotations(t).iter().map(|q| &t[q.inner.clone()]).collect();
        assert_eq!(q, ["the survey put it"]);
    }

    #[test]
    fn gaps_insertions_and_normalising() {
        let src = normalise(
            "Short naps \u{2014} of 20 minutes \u{2014} restored alertness in night-shift nurses, the authors wrote.",
        );
        assert!(in_order(
            &src,
            &segments("short naps - of 20 minutes - restored alertness")
        ));
        assert!(in_order(
            &src,
            &segments("Short naps … restored alertness in night\u{2013}shift nurses.")
        ));
        assert!(in_order(
            &src,
            &segments("[they] restored alertness in night-shift nurses")
        ));
        assert!(!in_order(
            &src,
            &segments("restored alertness … short naps")
        ));
        assert!(!in_order(
            &src,
            &segments("naps of 30 minutes restored alertness")
        ));
        // words, not parts of words
        assert!(!in_order(
            &normalise("the unrested nurses"),
            &segments("rested nurses")
        ));
    }
}

#[cfg(test)]
mod rule_tests {
    use crate::checks::testing::run;

    const ARTICLE: &str = "# Iron\n\nThe authors wrote that \"QUOTE\" [1].\n\n## References\n\n1. Adeyemi T. Daily iron in pregnancy. Example J. 2022.\n\n   Daily iron in the second trimester prevents most anaemia at term.\n";

    #[test]
    fn an_excerpt_under_a_numbered_entry_is_compared() {
        let good = ARTICLE.replace(
            "QUOTE",
            "daily iron in the second trimester prevents most anaemia",
        );
        assert!(run("quote-mismatch", &good, "a.md").is_empty());
        let bad = ARTICLE.replace(
            "QUOTE",
            "daily iron in the first trimester prevents all anaemia",
        );
        let d = run("quote-mismatch", &bad, "a.md");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            &bad[d[0].span.clone()],
            "\"daily iron in the first trimester prevents all anaemia\""
        );
        // without the excerpt the entry is a citation only: nothing to compare with
        let cut = bad.replace(
            "\n   Daily iron in the second trimester prevents most anaemia at term.\n",
            "",
        );
        assert!(run("quote-mismatch", &cut, "a.md").is_empty());
    }
}
