//! Author-year citations against a written reference list: "(Smith et al., 2020)",
//! "(Smith & Jones, 2019; Lee, 2021a)", "Smith et al. (2020) showed…", "Smith, Lee, and Park
//! (2020)", resolved by the first author's surname and the year. A narrative name starts a
//! word: "Alexander Borbély (1982)" cites Borbély, not "der Borbély".
//!
//! Precision first: entries are read as author-year only in a list whose entries mostly begin
//! "Surname, I. … (2020)" (or "Surname I, … 2020"), and only in a document that cites nothing
//! by number or footnote (a numbered list whose numbers nothing cites may be author-year);
//! citations are looked for only in such a document.

use super::patterns;
use super::{Citation, CiteSyntax, Document, ListKind, RefKey, Target};
use crate::lexicon_regex::DocRegex;
use std::sync::OnceLock;

struct Patterns {
    paren: DocRegex,
    item: DocRegex,
    narrative: DocRegex,
    year: DocRegex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let [paren, item, narrative, year] = patterns::author_year().map(|p| DocRegex::new(&p));
        Patterns {
            paren,
            item,
            narrative,
            year,
        }
    })
}

/// Words that stand before a year in parentheses without being an author.
const NOT_AUTHORS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "updated",
    "published",
    "revised",
    "accessed",
    "retrieved",
    "copyright",
    "version",
    "edition",
    "since",
    "until",
    "in",
    "from",
    "by",
    "the",
    "and",
    "or",
    "of",
    "to",
    "for",
    "on",
    "at",
    "during",
    "before",
    "after",
    "year",
    "circa",
    "approx",
    "est",
    "founded",
    "established",
    "born",
    "died",
    "ed",
    "eds",
    "vol",
    "no",
    "issue",
    "see",
    "also",
    "et",
    "al",
    "i",
    "we",
    "it",
    "this",
    "that",
    "these",
    "those",
    "between",
    "both",
    "each",
    "as",
];

fn is_author(surname: &str) -> bool {
    !NOT_AUTHORS.contains(&surname.to_lowercase().as_str())
}

/// Lower-case name particles that may open a surname (`van Hees`, `de la Cruz`).
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "da", "del", "della", "di", "du", "dos", "le", "la", "al",
    "el", "ten", "ter", "of",
];

/// Initials (`J.`, `JA`, `J.-P.`): not part of a surname.
fn is_initials(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty()
        && (w.contains('.') && letters.len() <= 3
            || letters.len() <= 3 && letters.iter().all(|c| c.is_uppercase()))
}

/// The first author's name and the year of a reference entry's text, if it reads as an
/// author-year entry: the name is the entry's first author as written, initials dropped
/// ("Smith", "van Hees", "World Health Organization", "Benjamin Recht").
pub fn entry(text: &str) -> Option<(String, String)> {
    let t = text.trim_start().trim_start_matches(['*', '_', '"', '“']);
    if !t.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    let mut cut = t.len().min(400);
    while !t.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &t[..cut];
    // the first author: up to a comma, semicolon, parenthesis, "and"/"&", or a full stop
    // that ends a word of two letters or more
    let mut end = head.len();
    for (i, c) in head.char_indices() {
        let stop = matches!(c, ',' | ';' | '(' | ':')
            || head[i..].starts_with(" and ")
            || head[i..].starts_with(" & ")
            || (c == '.'
                && head[..i]
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .is_some_and(|w| w.chars().count() >= 2 && !is_initials(w)));
        if stop {
            end = i;
            break;
        }
    }
    let mut words: Vec<&str> = head[..end].split_whitespace().collect();
    // "Lowe DA et al." (a Vancouver entry that names one author): stopped at "al."
    if words.len() > 2 && words[words.len() - 2..] == ["et", "al"] {
        words.truncate(words.len() - 2);
    }
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    let name_like = |w: &&str| {
        PARTICLES.contains(w)
            || (w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c)))
    };
    if !words.iter().all(name_like) {
        return None;
    }
    let name: Vec<&str> = words.iter().copied().filter(|w| !is_initials(w)).collect();
    if name.is_empty() || !is_author(name[0]) {
        return None;
    }
    let year = patterns()
        .year
        .captures(&head[end..])?
        .name("year")?
        .as_str()
        .to_string();
    Some((name.join(" "), year))
}

/// The written form of an author-year key: "Smith 2020a".
fn key(surname: &str, year: &str) -> RefKey {
    RefKey::AuthorYear(format!("{surname} {year}"))
}

/// Comparable form of a surname: lower case, letters only, common accents folded.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            c => c,
        })
        .collect()
}

/// Does a cited key name this entry? The cited surname (folded) is the entry's first-author
/// name or a run of its words (`Recht` for "Benjamin Recht", `Hees` or `van Hees` for "van
/// Hees"); same year, or the cited year without the entry's letter.
pub fn matches(cited: &str, entry: &str) -> bool {
    let (cs, cy) = cited.rsplit_once(' ').unwrap_or((cited, ""));
    let (es, ey) = entry.rsplit_once(' ').unwrap_or((entry, ""));
    let year_ok = cy == ey || (cy.len() == 4 && ey.len() == 5 && ey.starts_with(cy));
    let c = fold(cs);
    if !year_ok || c.is_empty() {
        return false;
    }
    let words: Vec<&str> = es.split_whitespace().collect();
    (0..words.len()).any(|i| (i + 1..=words.len()).any(|j| fold(&words[i..j].join(" ")) == c))
}

/// Turn qualifying reference lists into author-year lists (their entries keyed by surname and
/// year), then find the author-year citations of the prose. Runs after `citations::scan`,
/// before `references::resolve`.
pub fn collect(doc: &mut Document) {
    if doc.citations.iter().any(|c| !c.syntax.is_keyed()) {
        return; // a document citing by number or footnote keeps its lists numeric
    }
    for l in 0..doc.lists.len() {
        let list = &doc.lists[l];
        if list.kind != ListKind::Numbered || list.entries.len() < 2 {
            continue;
        }
        let read: Vec<Option<(String, String)>> = list
            .entries
            .iter()
            .map(|&r| entry(&doc.references[r].text))
            .collect();
        let n = read.iter().filter(|r| r.is_some()).count();
        if n * 10 < read.len() * 6 {
            continue;
        }
        for (&r, k) in doc.lists[l].entries.clone().iter().zip(read) {
            if let Some((s, y)) = k {
                doc.references[r].key = key(&s, &y);
            }
        }
    }
    let any = doc
        .references
        .iter()
        .any(|r| matches!(r.key, RefKey::AuthorYear(_)));
    if any {
        scan(doc);
    }
}

/// Find "(Smith et al., 2020; Lee, 2021a)" and "Smith et al. (2020)" in prose blocks.
fn scan(doc: &mut Document) {
    let p = patterns();
    let src = doc.text.as_str();
    let mut found: Vec<Citation> = Vec::new();
    for b in super::citations::prose_text_blocks(doc) {
        let region = &src[b.span.clone()];
        if !region.contains('(') {
            continue;
        }
        for m in p.narrative.captures_iter(region) {
            // (the match may open with the character before the name: a name starts a word,
            // so "Alexander Borbély" is not "der Borbély")
            let sur = m.name("sur").expect("sur");
            let at = b.span.start + sur.start();
            let end = b.span.start + m.get(0).expect("match").end();
            let sur = sur.as_str();
            if !is_author(sur) || doc.in_code(at) {
                continue;
            }
            let mut c = citation(at..end, CiteSyntax::AuthorYear);
            for y in m.name("years").expect("years").as_str().split(',') {
                c.targets.push(target(sur, y.trim(), at..end));
            }
            found.push(c);
        }
        for m in p.paren.captures_iter(region) {
            let whole = m.get(0).expect("match");
            let at = b.span.start + whole.start();
            if doc.in_code(at)
                || found
                    .iter()
                    .any(|c| c.span.end > at && c.span.start < at + whole.len())
            {
                continue;
            }
            let body = m.name("body").expect("body");
            let mut c = citation(at..at + whole.len(), CiteSyntax::AuthorYear);
            let mut pos = body.start();
            for item in body.as_str().split(';') {
                let item_at = b.span.start + pos;
                pos += item.len() + 1;
                let Some(i) = p.item.captures(item) else {
                    continue;
                };
                let sur = i.name("sur").expect("sur").as_str();
                if !is_author(sur) {
                    continue;
                }
                let span = item_at + (item.len() - item.trim_start().len())
                    ..item_at + item.trim_end().len();
                for y in i.name("years").expect("years").as_str().split(',') {
                    c.targets.push(target(sur, y.trim(), span.clone()));
                }
            }
            if !c.targets.is_empty() {
                found.push(c);
            }
        }
    }
    if found.is_empty() {
        return;
    }
    doc.citations.extend(found);
    doc.citations.sort_by_key(|c| c.span.start);
}

fn citation(span: std::ops::Range<usize>, syntax: CiteSyntax) -> Citation {
    Citation {
        span,
        syntax,
        targets: Vec::new(),
        malformed: None,
        list: None,
    }
}

fn target(surname: &str, year: &str, span: std::ops::Range<usize>) -> Target {
    Target {
        key: key(surname, year),
        span,
        resolved: None,
        interior: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, ParseOptions};

    #[test]
    fn entries_read_as_author_year() {
        assert_eq!(
            entry("Honda, K., Tanaka, M., & Ito, S. (2005). Title. Journal, 3, 1–9."),
            Some(("Honda".into(), "2005".into()))
        );
        assert_eq!(
            entry("van Hees VT, Fang Z. Autocalibration. J Appl Physiol. 2014;117:738."),
            Some(("van Hees".into(), "2014".into()))
        );
        assert_eq!(
            entry("Benjamin Recht and Ludwig Schmidt. 2019. Do classifiers generalize? In ICML."),
            Some(("Benjamin Recht".into(), "2019".into()))
        );
        assert_eq!(
            entry("World Health Organization. (2021a). Guideline on salt."),
            Some(("World Health Organization".into(), "2021a".into()))
        );
        assert_eq!(
            entry("Okafor BT et al. *Walking after surgery.* **J Rehab**, 2022."),
            Some(("Okafor".into(), "2022".into()))
        );
        assert_eq!(entry("1. Smith J. Title. 2020."), None);
        // a long entry cut inside a multi-byte character does not panic
        assert_eq!(
            entry(&format!("Smith, J. {}é (2020).", "x".repeat(398))),
            None
        );
        assert_eq!(entry("See the guideline for details."), None);
    }

    #[test]
    fn keys_match_by_surname_and_year() {
        assert!(matches("Smith 2020", "Smith 2020"));
        assert!(matches("Muller 2019", "Müller 2019"));
        assert!(matches("Lee 2021", "Lee 2021a"));
        assert!(matches("Recht 2019", "Benjamin Recht 2019"));
        assert!(matches("van Hees 2014", "van Hees 2014") && matches("Hees 2014", "van Hees 2014"));
        assert!(!matches("Lee 2021b", "Lee 2021a"));
        assert!(!matches("Smith 2021", "Smith 2020"));
    }

    #[test]
    fn citations_in_prose() {
        let t = "Salt raised pressure (Smith et al., 2020). Two trials agree (Smith & Jones, 2019; Lee, 2021a).\nMadsen et al. (2002) showed it. Rules changed (2019) and (n = 40) and (95% CI 1.2–2.0) and (March, 2020).\n\n## References\n\n- Smith, J., Patel, R. (2020). Salt. J Hyp.\n- Smith, J. & Jones, K. (2019). Salt again. J Hyp.\n- Lee, A. (2021a). Water. J Ren.\n- Madsen, P. (2002). Sodium. Med J.\n";
        let d = Document::parse("t.md", t.into(), Format::Markdown, &ParseOptions::default());
        let got: Vec<(String, Vec<Option<usize>>)> = d
            .citations
            .iter()
            .map(|c| {
                (
                    t[c.span.clone()].to_string(),
                    c.targets.iter().map(|t| t.resolved).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("(Smith et al., 2020)".to_string(), vec![Some(0)]),
                (
                    "(Smith & Jones, 2019; Lee, 2021a)".to_string(),
                    vec![Some(1), Some(2)]
                ),
                ("Madsen et al. (2002)".to_string(), vec![Some(3)]),
            ]
        );
    }

    #[test]
    fn numbered_documents_keep_numbered_lists() {
        let t = "Salt raised pressure [1] (Smith et al., 2020).\n\n## References\n\n- Smith, J. (2020). Salt. J Hyp.\n- Lee, A. (2021). Water. J Ren.\n";
        let d = Document::parse("t.md", t.into(), Format::Markdown, &ParseOptions::default());
        assert!(d.references.iter().all(|r| matches!(r.key, RefKey::Num(_))));
        assert_eq!(d.citations.len(), 1);
    }
}
