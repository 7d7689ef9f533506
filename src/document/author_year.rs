//! Author-year citations against a written reference list: "(Smith et al., 2020)",
//! "(Smith & Jones, 2019; Lee, 2021a)", "Smith et al. (2020) showed…", "Smith, Lee, and Park
//! (2020)", resolved by the first author's surname and the year. A narrative name starts a
//! word: "Alexander Borbély (1982)" cites Borbély, not "der Borbély". "et al." may be in
//! italics (`_et al._`, `*et al.*`), and a narrative citation after "et al." may name its
//! journal before the year ("Rahimi et al. (Malar J 2017)"). Entries typed one a line with no
//! blank line between them, which Markdown joins into one paragraph, are one entry a line
//! when every line reads as one. AI research reports cite in square brackets ("[NIST, 2025]",
//! "[The Quantum Insider, 2024]"), and an organisation may be named in several words
//! ("(World Health Organization, 2020)"): these are read only where they name a listed entry,
//! and an entry's leading "The" is not part of its name.
//!
//! Precision first: entries are read as author-year only in a list whose entries mostly begin
//! "Surname, I. … (2020)" (or "Surname I, … 2020"), and only where the part of the document
//! the list serves cites nothing by number or footnote (a numbered list whose numbers nothing
//! cites may be author-year); citations are looked for only where such a list exists.

use super::patterns;
use super::{BlockKind, Citation, CiteSyntax, Document, ListKind, RefKey, Target};
use crate::lexicon_regex::DocRegex;
use std::sync::OnceLock;

struct Patterns {
    bracket: DocRegex,
    org_words: DocRegex,
    paren: DocRegex,
    item: DocRegex,
    narrative: DocRegex,
    year: DocRegex,
    org_item: DocRegex,
    org_narrative: DocRegex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let [paren, item, narrative, year, org_item, org_narrative] =
            patterns::author_year().map(|p| DocRegex::new(&p));
        let [bracket, org_words] = patterns::author_year_bracket().map(|p| DocRegex::new(&p));
        Patterns {
            bracket,
            org_words,
            paren,
            item,
            narrative,
            year,
            org_item,
            org_narrative,
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

/// Whether `name` reads as an organisation named in two to six words: each capitalised, or a
/// joining word ("World Health Organization", "Centers for Disease Control and Prevention").
fn org_words(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            ["of", "for", "and", "on", "the", "&"].contains(w)
                || (w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || "&'’-".contains(c)))
        })
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
    // an organisation written with its article ("The Quantum Insider. (2024, September 4)."),
    // every word of its name capitalised (not a title: "The Future of Quantum Computing")
    if (2..=4).contains(&words.len())
        && words[0] == "The"
        && words[1..]
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        words.remove(0);
    }
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    let name_like = |w: &&str| {
        PARTICLES.contains(w)
            || (w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || "-‐‑'’.".contains(c)))
    };
    if !words.iter().all(name_like) {
        return None;
    }
    let name: Vec<&str> = words.iter().copied().filter(|w| !is_initials(w)).collect();
    if name.is_empty() || !is_author(name[0]) {
        return None;
    }
    // the first year, or the first from 1900 on when one follows an older-looking number
    // ("… in 1650 patients. Lancet. 1998;351:1755.")
    let years: Vec<&str> = patterns()
        .year
        .captures_iter(&head[end..])
        .filter_map(|c| c.name("year").map(|y| y.as_str()))
        .collect();
    let year = years
        .iter()
        .find(|y| !before_1900(y))
        .or(years.first())?
        .to_string();
    Some((name.join(" "), year))
}

/// A year before 1900 ("1856"): read as a citation's only where an entry lists it, since
/// "Men (1742)" or "Europe (1650)" is more often a count than a work.
fn before_1900(year: &str) -> bool {
    year.starts_with("15")
        || year.starts_with("16")
        || year.starts_with("17")
        || year.starts_with("18")
}

/// A paragraph that is only a bibliographic reference: "Seon Ha Baek et al. JAMA Intern
/// Med. 2021 Jan 1.", "Source: Lee K, Park J. Title. Lancet. 2020;395:12-19.", "Smith, J.,
/// & Lee, K. (2019). Title. Journal." It opens as an author-year entry (after an optional
/// "Source:" label or dash) and then shows a reference's form where prose would go on:
/// "et al." right after the first authors' names and before a capitalised word (a title or
/// a journal, where prose goes on with a verb); or its first year closing a list of names
/// in parentheses, APA's "(2019)."; or its first year right after a full stop and followed
/// by a month or by the volume, Vancouver's "Med. 2021 Jan", "BMJ. 2020;368". At most 60
/// words. (Whether it stands under the text it sources is the caller's to check.)
pub fn source_line(text: &str) -> bool {
    let mut t = text.trim().trim_start_matches(['-', '–', '—', '(', ' ']);
    for label in ["source:", "sources:", "reference:", "ref:", "citation:"] {
        if t.get(..label.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(label))
        {
            t = t[label.len()..].trim_start();
        }
    }
    if t.split_whitespace().nth(60).is_some() || entry(t).is_none() {
        return false;
    }
    let et_al = t.find("et al.").is_some_and(|i| {
        names_only(&t[..i])
            && t[i + 6..]
                .trim_start_matches([' ', ','])
                .starts_with(|c: char| c.is_uppercase())
    });
    let Some(end) = years(t).next() else {
        return false;
    };
    let (head, rest) = (&t[..end - 4], &t[end..]);
    let apa = head.strip_suffix('(').is_some_and(names_only)
        && rest
            .trim_start_matches(|c: char| c.is_ascii_lowercase())
            .starts_with(").");
    et_al || apa || (head.ends_with(". ") && vancouver_date(rest))
}

/// Whether a text is only a list of names: capitalised words, initials, name particles,
/// "and", "&", commas.
fn names_only(t: &str) -> bool {
    t.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .all(|w| {
            matches!(w, "and" | "&")
                || PARTICLES.contains(&w)
                || w.starts_with(|c: char| c.is_uppercase())
        })
}

/// What follows a year in a Vancouver entry: a month ("2021 Jan") or the volume after a
/// semicolon ("2020;395", "2019; 12(3)").
fn vancouver_date(rest: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    rest.trim_start_matches(' ')
        .strip_prefix(';')
        .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        || rest.strip_prefix(' ').is_some_and(|r| {
            MONTHS
                .iter()
                .any(|m| r.starts_with(m) && !r[m.len()..].starts_with(|c: char| c.is_alphabetic()))
        })
}

/// The end offsets of the four-digit years (1900–2099) standing as words in `t`.
fn years(t: &str) -> impl Iterator<Item = usize> + '_ {
    let b = t.as_bytes();
    (0..b.len().saturating_sub(3)).filter_map(move |i| {
        let digits = b[i..i + 4].iter().all(u8::is_ascii_digit);
        let century = matches!(&b[i..i + 2], b"19" | b"20");
        let alone = (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        (digits && century && alone).then_some(i + 4)
    })
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

/// Is a cited key an organisation's acronym and a year ("AHA/ASA 2023")?
pub fn is_organisation(cited: &str) -> bool {
    let name = cited.rsplit_once(' ').map_or(cited, |(n, _)| n);
    name.chars().filter(|c| c.is_uppercase()).count() >= 2
        && name
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '/' || c == '-')
}

/// Does an organisation's cited key ("KSEBPR/KSN 2022") name this entry? The entry gives the
/// year, and one part of the acronym as a word ("EASL Clinical Practice Guidelines…") or as
/// the initials of a run of its capitalised words, small words skipped ("Korean Society of
/// Nephrology" for KSN).
pub fn names_organisation(cited: &str, entry_text: &str) -> bool {
    let Some((name, year)) = cited.rsplit_once(' ') else {
        return false;
    };
    let words: Vec<&str> = entry_text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if !words.contains(&year.trim_end_matches(|c: char| c.is_ascii_lowercase())) {
        return false;
    }
    const SMALL: &[&str] = &[
        "of", "the", "for", "and", "on", "in", "de", "la", "du", "der",
    ];
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    name.split(['/', '-'])
        .filter(|part| part.len() >= 2)
        .any(|part| {
            words.contains(&part)
                || (0..words.len()).filter(|&i| capital(words[i])).any(|i| {
                    let mut initials = String::new();
                    for w in &words[i..] {
                        if capital(w) {
                            initials.extend(w.chars().next());
                        } else if !SMALL.contains(w) {
                            break;
                        }
                        if initials.len() >= part.len() {
                            break;
                        }
                    }
                    initials == part
                })
        })
}

/// Is this entry a guideline of the cited key's year (its text gives the year and says
/// "guideline", "recommendations", "consensus" or "position statement")?
pub fn guideline_of_year(cited: &str, entry_text: &str) -> bool {
    let year = cited.rsplit_once(' ').map_or("", |(_, y)| y);
    let lower = entry_text.to_lowercase();
    !year.is_empty()
        && entry_text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == year)
        && [
            "guideline",
            "recommendation",
            "consensus",
            "position statement",
        ]
        .iter()
        .any(|g| lower.contains(g))
}

/// Turn qualifying reference lists into author-year lists (their entries keyed by surname and
/// year), then find the author-year citations of the prose. Runs after `citations::scan`,
/// before `references::resolve`.
pub fn collect(doc: &mut Document) {
    super::references::assign_scopes(doc); // the numbered lists' scopes, known from here on
    // the parts of the document served by a numbered list and citing by number or footnote:
    // their lists stay numeric (an AI report pasted together section by section may cite
    // "[1]" under one list and "[NIST, 2025]" under the next), and "Shor et al. (1994)
    // showed… [1]" there is a mention, not a citation of another part's list
    let numeric: Vec<std::ops::Range<usize>> = doc
        .lists
        .iter()
        .filter(|l| {
            l.kind == ListKind::Numbered
                && doc
                    .citations
                    .iter()
                    .any(|c| !c.syntax.is_keyed() && l.scope.contains(&c.span.start))
        })
        .map(|l| l.scope.clone())
        .collect();
    for l in 0..doc.lists.len() {
        let list = &doc.lists[l];
        // one entry is enough under a heading of its own ("## References" over the one
        // work a short piece cites)
        if list.kind != ListKind::Numbered
            || list.entries.is_empty()
            || (list.entries.len() < 2 && list.heading.is_none())
            || numeric.contains(&list.scope)
        {
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
        let mut found = find(doc);
        found.retain(|c| !numeric.iter().any(|s| s.contains(&c.span.start)));
        add(doc, found);
    }
}

/// Author-year citations in an article that lists no work at all: no reference list,
/// footnote, bibliography or front-matter `references:`, no marker of any kind, no heading
/// that would introduce a list ("References", "Sources") and no web link. An AI literature
/// synthesis that names thirty studies as "Morgan et al. (2025)" and lists none of them
/// leaves its reader nothing to look them up by. They become citations that resolve to
/// nothing, for `unresolved-citation` to report. Runs after every list is known
/// (`bibliography::load`).
///
/// Precision first: only "et al." citations count ("Morgan et al. (2025)", "(Lee et al.,
/// 2019)"): "Johnson & Johnson (2020)", "(Tokyo, 2021)" or "Surname (2020)" name companies,
/// places and events as often as works; an article with any web link may list its sources as
/// links under a heading of its own ("Further reading") or link each claim; and three works
/// at least, so a post naming a study or two in passing is left alone.
pub fn collect_unlisted(doc: &mut Document) {
    if !doc.lists.is_empty()
        || !doc.citations.is_empty()
        || doc.text.contains("http")
        || introduces_a_list(doc)
    {
        return;
    }
    let mut found = find(doc);
    found.retain(|c| doc.text[c.span.clone()].contains("et al"));
    if works(&found) >= 3 {
        add(doc, found);
    }
}

/// How many distinct works these citations name.
pub fn works<'a>(citations: impl IntoIterator<Item = &'a Citation>) -> usize {
    let mut keys: Vec<&RefKey> = citations
        .into_iter()
        .flat_map(|c| c.targets.iter().map(|t| &t.key))
        .collect();
    keys.sort_unstable_by_key(|k| k.to_string());
    keys.dedup();
    keys.len()
}

/// Whether a heading or a paragraph of its own ("**References:**") would introduce a list.
fn introduces_a_list(doc: &Document) -> bool {
    doc.sections
        .iter()
        .any(|s| super::references::is_reference_title(&s.title))
        || doc.blocks.iter().any(|b| {
            b.kind == BlockKind::Paragraph
                && b.text.len() <= 40
                && super::references::is_reference_title(&b.text)
        })
}

fn add(doc: &mut Document, found: Vec<Citation>) {
    if found.is_empty() {
        return;
    }
    doc.citations.extend(found);
    doc.citations.sort_by_key(|c| c.span.start);
}

/// Find "(Smith et al., 2020; Lee, 2021a)" and "Smith et al. (2020)" in prose blocks.
fn find(doc: &Document) -> Vec<Citation> {
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
            // (a journal before the year only after "et al.": "Lachat et al. (PNAS 2018)")
            let journal_alone = m.name("journal").is_some()
                && !m.name("rest").is_some_and(|r| {
                    r.as_str()
                        .split_whitespace()
                        .any(|w| w.trim_matches(['_', '*', '.']) == "al")
                });
            if !is_author(sur) || doc.in_code(at) || journal_alone {
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
                let Some(i) = p.item.captures(item).or_else(|| p.org_item.captures(item)) else {
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
    // "[NIST, 2025]", "(World Health Organization, 2020)": a bracket's items, and a
    // parenthesis's organisation named in several words, where they name a listed entry
    for b in super::citations::prose_text_blocks(doc) {
        let region = &src[b.span.clone()];
        if !region.contains('[') && !region.contains('(') {
            continue;
        }
        let parens = p
            .paren
            .captures_iter(region)
            .map(|m| (m.get(0), m.name("body"), ""));
        let brackets = p.bracket.captures_iter(region).map(|m| {
            (
                m.get(0),
                m.name("body"),
                m.name("after").map_or("", |a| a.as_str()),
            )
        });
        for (whole, body, after) in brackets.chain(parens) {
            let (Some(whole), Some(body)) = (whole, body) else {
                continue;
            };
            let at = b.span.start + whole.start();
            let bracket = region[whole.range()].starts_with('[');
            // a link `[…](…)` or `[…][…]` is read as a link; `[…]:` is a link's
            // definition only where it opens its line ("…in 2024 [NIST, 2024]: it" cites)
            let opens_line = region[..whole.start()]
                .rsplit('\n')
                .next()
                .is_some_and(|l| l.trim().is_empty());
            let span = at..at + whole.len();
            if (after == ":" && opens_line || after == "(" || after == "[") || doc.in_code(at) {
                continue;
            }
            // a parenthesis already read for its surnames may also name an organisation
            // in several words: "(Smith, 2020; World Health Organization, 2022)"
            let same = found.iter().position(|c| c.span == span);
            if same.is_none()
                && found
                    .iter()
                    .any(|c| c.span.end > span.start && c.span.start < span.end)
            {
                continue;
            }
            let mut c = match same {
                Some(i) => found.swap_remove(i),
                None => citation(span, CiteSyntax::AuthorYear),
            };
            let mut pos = body.start();
            for item in body.as_str().split(';') {
                let item_at = b.span.start + pos;
                pos += item.len() + 1;
                let several = || {
                    p.org_words
                        .captures(item)
                        .filter(|i| i.name("sur").is_some_and(|s| org_words(s.as_str())))
                };
                let read = if bracket {
                    p.item
                        .captures(item)
                        .or_else(|| p.org_item.captures(item))
                        .or_else(several)
                } else {
                    several()
                };
                let Some(i) = read else {
                    continue;
                };
                let sur = i.name("sur").expect("sur").as_str();
                let span = item_at + (item.len() - item.trim_start().len())
                    ..item_at + item.trim_end().len();
                if c.targets.iter().any(|t| t.span == span) {
                    continue;
                }
                for y in i.name("years").expect("years").as_str().split(',') {
                    if is_author(sur) && listed(doc, sur, y.trim()) {
                        c.targets.push(target(sur, y.trim(), span.clone()));
                    }
                }
            }
            c.targets.sort_by_key(|t| t.span.start);
            if !c.targets.is_empty() {
                found.push(c);
            }
        }
    }
    // "as per the EASL 2018 guidelines": an organisation's guideline named with its year
    for b in super::citations::prose_text_blocks(doc) {
        let region = &src[b.span.clone()];
        for m in p.org_narrative.captures_iter(region) {
            let (org, years) = (m.name("sur").expect("sur"), m.name("years").expect("years"));
            let span = b.span.start + org.start()..b.span.start + years.end();
            if doc.in_code(span.start)
                || found
                    .iter()
                    .any(|c| c.span.end > span.start && c.span.start < span.end)
            {
                continue;
            }
            let mut c = citation(span.clone(), CiteSyntax::AuthorYear);
            c.targets.push(target(org.as_str(), years.as_str(), span));
            found.push(c);
        }
    }
    // a year before 1900 cites only a work the lists hold ("(Bucknill, 1856)"), not "Men
    // (1742)"
    for c in &mut found {
        c.targets.retain(|t| match &t.key {
            RefKey::AuthorYear(k) => k
                .rsplit_once(' ')
                .is_none_or(|(sur, year)| !before_1900(year) || listed(doc, sur, year)),
            _ => true,
        });
    }
    found.retain(|c| !c.targets.is_empty());
    found
}

/// Whether an author-year entry of the document's lists is the work `surname` and `year`
/// name (by [`matches`], or an acronym by [`names_organisation`]).
fn listed(doc: &Document, surname: &str, year: &str) -> bool {
    let cited = format!("{surname} {year}");
    doc.references.iter().any(|r| match &r.key {
        RefKey::AuthorYear(k) => {
            matches(&cited, k) || (is_organisation(&cited) && names_organisation(&cited, &r.text))
        }
        _ => false,
    })
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
    fn a_reference_standing_alone_is_a_source_line_and_prose_is_not() {
        for line in [
            "Maria Lopez Garcia et al. Lancet Neurol. 2019 Mar 4.",
            "Source: Okafor N, Brandt L. Cycling and knee pain. BMJ. 2018;360:k112.",
            "— Tanaka, H., & Weiss, R. (2017). Walking speed in older adults. Gerontology, 4, 2.",
            "Okafor N et al. Title of a trial. N Engl J Med. 2020.",
        ] {
            assert!(source_line(line), "{line}");
        }
        for prose in [
            "Okafor et al. (2020) found that cycling eased knee pain.",
            "Okafor et al. reported in 2020 that cycling eased knee pain.",
            "Brandt and colleagues followed 300 cyclists from 2015 to 2020.",
            "In March 2020 Jan Brandt opened the clinic.",
            // a year or "et al." further on, in prose that opens with a name
            "Brandt, a cardiologist in Oslo, linked cycling to less knee pain (2019).",
            "However, rates rose again after 2019; 40% of adults now sleep poorly.",
            "Okafor, a GP in Leeds, led the work with Brandt et al. The trial ran until 2019.",
            "Lopez Garcia et al. Lancet Neurol. 2019 Mar 4."
                .repeat(8)
                .as_str(),
        ] {
            assert!(!source_line(prose), "{prose}");
        }
    }

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
    fn organisations_match_by_acronym_or_initials_and_year() {
        let kidney = "Lee Y, Yoo KD. Korean Society of Nephrology 2022 Recommendations on hyponatremia. Kidney Res. 2022;41:393.";
        assert!(is_organisation("KSEBPR/KSN 2022") && is_organisation("ERA-EDTA/ESE 2014"));
        assert!(!is_organisation("Smith 2020") && !is_organisation("A 2020"));
        assert!(names_organisation("KSEBPR/KSN 2022", kidney));
        assert!(!names_organisation("KSN 2021", kidney), "another year");
        assert!(!names_organisation("KSR 2022", kidney), "other initials");
        let liver = "European Association for the Study of the Liver. EASL Clinical Practice Guidelines. J Hepatol. 2018;69:406.";
        assert!(names_organisation("EASL 2018", liver));
        assert!(guideline_of_year("ESE 2018", liver) && !guideline_of_year("ESE 2019", liver));
        assert!(
            guideline_of_year("ESE 2022", kidney),
            "'Recommendations' names a guideline"
        );
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
