//! Identifiers written in reference entries and bibliography fields: DOI, PMID, PMCID, trial
//! registrations (ClinicalTrials.gov NCT, ISRCTN, EudraCT), ISBN and arXiv ids. Found as
//! written, valid or not: whether one can be valid is for the rules to judge.
//!
//! In running text an identifier is found only where something says what it is: a label
//! (`doi:`, `PMID:`, `ISBN`, `arXiv:`, `EudraCT`), a resolver's address (`doi.org/`,
//! `pubmed.ncbi.nlm.nih.gov/`, `arxiv.org/abs/`) or its own prefix (`NCT`, `ISRCTN`, `PMC`).

use super::patterns;
use crate::lexicon_regex::{DocRegex, Match};
use std::ops::Range;
use std::sync::OnceLock;

/// What an identifier names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IdKind {
    Doi,
    Pmid,
    Pmcid,
    Nct,
    Isrctn,
    Eudract,
    Isbn,
    Arxiv,
}

impl IdKind {
    pub fn name(self) -> &'static str {
        match self {
            IdKind::Doi => "DOI",
            IdKind::Pmid => "PMID",
            IdKind::Pmcid => "PMCID",
            IdKind::Nct => "ClinicalTrials.gov id",
            IdKind::Isrctn => "ISRCTN",
            IdKind::Eudract => "EudraCT number",
            IdKind::Isbn => "ISBN",
            IdKind::Arxiv => "arXiv id",
        }
    }
}

/// One identifier as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identifier {
    pub kind: IdKind,
    /// The identifier itself, without its label or resolver address (`10.1000/x`, `12345678`,
    /// `NCT01234567`, `978-0-12-345678-9`).
    pub value: String,
    /// Where the value stands (for an entry of a bibliography file: the entry's span there).
    pub span: Range<usize>,
}

fn patterns() -> &'static [(IdKind, DocRegex)] {
    static P: OnceLock<Vec<(IdKind, DocRegex)>> = OnceLock::new();
    P.get_or_init(|| {
        use IdKind::*;
        [Doi, Pmid, Pmcid, Nct, Isrctn, Eudract, Isbn, Arxiv]
            .into_iter()
            .zip(patterns::IDENTIFIERS)
            .map(|(kind, p)| (kind, DocRegex::new(p)))
            .collect()
    })
}

/// Fixed strings to look for, each with its searcher built once (`memmem::find` builds one
/// on every call, which was most of its cost here).
struct Needles(Vec<memchr::memmem::Finder<'static>>);

impl Needles {
    fn new(needles: &[&'static str]) -> Needles {
        Needles(
            needles
                .iter()
                .map(|n| memchr::memmem::Finder::new(*n))
                .collect(),
        )
    }

    /// Whether any of them occurs in `hay`.
    fn any_in(&self, hay: &str) -> bool {
        self.0.iter().any(|f| f.find(hay.as_bytes()).is_some())
    }

    /// Where the first of them occurs in `hay`, if any does.
    fn first_in(&self, hay: &str) -> Option<usize> {
        self.0.iter().filter_map(|f| f.find(hay.as_bytes())).min()
    }
}

/// The char boundary at or before `i` of `text`.
pub(super) fn boundary_before(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Where the search for the identifiers of kind `i` (in the order of `patterns`) starts in
/// `text` (`lower`: `text` with ASCII letters lower-cased), or `None` where it holds none.
/// A pattern runs only when its label or prefix is there: most entries hold one or two kinds
/// of identifier, and running all eight on each was a few percent of a PDQ run. The
/// case-insensitive labels are looked for in `lower`; none holds an `s` or a `k`, the only
/// ASCII letters that case folding also matches with other characters (`ſ`, the Kelvin
/// sign), so no match is missed. No match starts earlier than `reach` bytes before the first
/// label (`dx.doi.org/`; `list_uids=`, or `liſt_uids=` as a case fold; `/pubmed/`): the
/// text before that is not searched.
fn search_start(i: usize, text: &str, lower: &str) -> Option<usize> {
    // each kind's labels or prefixes, whether they are looked for in `lower`, and `reach`
    static N: OnceLock<[(Needles, bool, usize); 8]> = OnceLock::new();
    let needles = N.get_or_init(|| {
        [
            (Needles::new(&["doi"]), true, 3),
            (Needles::new(&["pmid", "_uid", "pubmed"]), true, 5),
            (Needles::new(&["pmc"]), true, 0),
            (Needles::new(&["NCT"]), false, 0),
            (Needles::new(&["ISRCTN"]), false, 0),
            (Needles::new(&["eudract"]), true, 0),
            (Needles::new(&["ISBN"]), false, 0),
            (Needles::new(&["arxiv"]), true, 0),
        ]
    });
    let (n, folded, reach) = &needles[i];
    let first = n.first_in(if *folded { lower } else { text })?;
    Some(boundary_before(text, first.saturating_sub(*reach)))
}

/// Cheap test before the patterns: text with none of these holds no identifier.
fn may_hold(text: &str) -> bool {
    static N: OnceLock<Needles> = OnceLock::new();
    N.get_or_init(|| {
        Needles::new(&[
            "doi",
            "DOI",
            "Doi",
            "PM",
            "pm",
            "Pm",
            "pubmed",
            "list_uids",
            "NCT",
            "ISRCTN",
            "ISBN",
            "rXiv",
            "rxiv",
            "RXIV",
            "udra",
            "UDRA",
        ])
    })
    .any_in(text)
}

/// Every identifier in `text` (an entry's source), spans offset by `base`.
pub fn scan(text: &str, base: usize) -> Vec<Identifier> {
    let mut out = Vec::new();
    if !may_hold(text) {
        return out;
    }
    // (each kind searched from its first label or prefix: `search_start`)
    let lower = text.to_ascii_lowercase();
    for (i, (kind, re)) in patterns().iter().enumerate() {
        let Some(from) = search_start(i, text, &lower) else {
            continue;
        };
        for m in re.find_iter_from(text, from) {
            let Some(g) = value_group(*kind, re, text, m) else {
                continue;
            };
            let value = trim_value(*kind, g.as_str());
            if value.is_empty() {
                continue;
            }
            let span = base + g.start()..base + g.start() + value.len();
            // one place named twice (`PMCID: PMC123`): the first reading counts
            if out.iter().any(|o: &Identifier| {
                o.kind == *kind && o.span.start <= span.start && span.start < o.span.end
            }) {
                continue;
            }
            out.push(Identifier {
                kind: *kind,
                value: decode_slashes(*kind, value),
                span,
            });
        }
    }
    out.sort_by_key(|i| i.span.start);
    out
}

/// The group `v` (else `w`) of the match `m` of `kind`'s pattern `re`. The DOI and PMID
/// patterns write no digit before `v`, which opens with one and ends the match; the NCT and
/// ISRCTN patterns' `v` is their whole match (between `\b`s): those are read without a
/// capture engine, which was most of the cost of a reference list's identifiers.
fn value_group<'h>(kind: IdKind, re: &DocRegex, text: &'h str, m: Match<'h>) -> Option<Match<'h>> {
    match kind {
        IdKind::Doi | IdKind::Pmid => m.from_first_digit(),
        IdKind::Nct | IdKind::Isrctn => Some(m),
        _ => {
            let c = re.captures_of(text, m);
            c.name("v").or_else(|| c.name("w"))
        }
    }
}

/// A DOI taken from an address may have its slashes percent-encoded (`doi.org/10.1089%2Facm.2014.0177`,
/// as publishers' share links write them): the DOI is the decoded one.
fn decode_slashes(kind: IdKind, value: &str) -> String {
    if kind == IdKind::Doi && value.contains('%') {
        value.replace("%2F", "/").replace("%2f", "/")
    } else {
        value.to_string()
    }
}

/// The identifier a structured field holds (a CSL `DOI`, a BibTeX `isbn`, a front-matter
/// `pmid`), by the field's name; `span` is where it is shown.
pub fn from_field(name: &str, value: &str, span: Range<usize>) -> Option<Identifier> {
    let kind = match name.to_ascii_lowercase().as_str() {
        "doi" => IdKind::Doi,
        "pmid" => IdKind::Pmid,
        "pmcid" => IdKind::Pmcid,
        "isbn" => IdKind::Isbn,
        "arxiv" => IdKind::Arxiv,
        _ => return None,
    };
    let v = value.trim();
    let v = match kind {
        IdKind::Doi => strip_doi_prefix(v),
        // a library catalogue's qualifier after the number ("9780199754038 (hardcover alk.
        // paper)", "0-19-975403-X : pbk.") is not part of it
        IdKind::Isbn => {
            // (a label written into the field, "ISBN: 978-…", "ISBN-13 978-…", is not either)
            let v = match v.get(..4).filter(|h| h.eq_ignore_ascii_case("isbn")) {
                Some(_) => {
                    let r = &v[4..];
                    let r = r.strip_prefix("-13").or(r.strip_prefix("-10")).unwrap_or(r);
                    r.trim_start_matches([' ', ':'])
                }
                None => v,
            };
            // nor a second number after a whole first one: a print and an electronic ISBN
            // in one field ("978-3-319-19424-0 978-3-319-19425-7"), the first is read
            // (a number written with spaces, "978 0 306 40615 7", is one)
            let digits = |t: &str| {
                t.bytes()
                    .filter(|b| b.is_ascii_digit() || *b == b'X' || *b == b'x')
                    .count()
            };
            let whole = |i: usize| matches!(digits(&v[..i]), 10 | 13) && digits(&v[i..]) >= 10;
            let qualifier = v.char_indices().find(|&(i, c)| {
                matches!(c, '(' | ':' | ';' | ',')
                    || (c == ' '
                        && (v[i + 1..].starts_with(|c: char| c.is_alphabetic()) || whole(i)))
            });
            qualifier.map_or(v, |(i, _)| &v[..i]).trim_end()
        }
        _ => v,
    };
    let v = trim_value(kind, v);
    (!v.is_empty()).then(|| Identifier {
        kind,
        value: decode_slashes(kind, v),
        span,
    })
}

/// A DOI without `doi:` or a resolver's address.
pub fn strip_doi_prefix(v: &str) -> &str {
    let v = v.trim();
    for p in [
        "https://doi.org/",
        "http://doi.org/",
        "https://dx.doi.org/",
        "http://dx.doi.org/",
        "doi.org/",
        "doi:",
    ] {
        // `get`: the prefix's length may fall inside a character of `v` ("10.5555њ…")
        if v.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)) {
            return v[p.len()..].trim_start();
        }
    }
    v
}

/// The value without the punctuation that ends the sentence or the markup around it: a
/// trailing `.`, `,`, `;`, `:`, a closing bracket it does not open, a Markdown link's `](`.
fn trim_value(kind: IdKind, v: &str) -> &str {
    let mut v = v;
    if let Some(i) = v.find("](") {
        v = &v[..i];
    }
    loop {
        let before = v;
        v = v.trim_end_matches(['.', ',', ';', ':', '"', '\'', '*', '_']);
        for (open, close) in [('(', ')'), ('[', ']'), ('{', '}')] {
            if v.ends_with(close) && v.matches(open).count() < v.matches(close).count() {
                v = &v[..v.len() - 1];
            }
        }
        if v == before {
            break;
        }
    }
    if kind == IdKind::Arxiv {
        v = v.strip_suffix(".pdf").unwrap_or(v);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The identifier patterns searched from `search_start` find every match a search from
    /// the start finds: on every fixture text and built texts (cases, `ſ`, non-ASCII
    /// neighbours).
    #[test]
    fn searches_start_before_every_match() {
        let mut texts = crate::lexicon_regex::fixture_texts();
        for l in [
            "doi:",
            "DOI ",
            "dx.doi.org/",
            "DX.DOI.ORG/",
            "PMID: ",
            "pmid",
            "list_uids=",
            "liſt_uids=",
            "LIST_UIDS=",
            "LIſT_UIDS=",
            "pubmed.ncbi.nlm.nih.gov/",
            "/PubMed/",
            "PMCID: ",
            "PMC",
            "NCT",
            "ISRCTN",
            "EudraCT ",
            "ISBN ",
            "arXiv:",
            "arxiv.org/abs/",
        ] {
            for (a, b) in [("", ""), ("é", "é"), ("ſ", ""), ("x ", " y"), ("日本", "")] {
                texts.push(format!("{a}{l}1234567{b} {l}10.1000/x"));
            }
        }
        texts.push("see https://a.b/c and 10.1000/xyz, http://doi.org/10.1/x".into());
        for t in &texts {
            let lower = t.to_ascii_lowercase();
            for (i, (kind, re)) in patterns().iter().enumerate() {
                let all: Vec<_> = re.find_iter(t).map(|m| m.range()).collect();
                let from = search_start(i, t, &lower);
                let found: Vec<_> = from
                    .map(|f| re.find_iter_from(t, f).map(|m| m.range()).collect())
                    .unwrap_or_default();
                assert_eq!(found, all, "{kind:?} in {t:?}");
            }
        }
    }

    /// The groups read without a capture engine (`value_group`, the reference entries' DOI
    /// and PMID in `references::find_ids`, a linked citation's number) are the capture
    /// groups, on every match in the fixtures and in built texts (cases, spaces, glued and
    /// non-ASCII neighbours).
    #[test]
    fn groups_read_by_hand_are_the_capture_groups() {
        let mut texts = crate::lexicon_regex::fixture_texts();
        let labels = [
            "doi:",
            "DOI: ",
            "doi ",
            "Doi:\u{a0}",
            "https://doi.org/",
            "dx.doi.org/",
            "PMID:",
            "pmid ",
            "PMID\u{2003}",
            "list_uids=",
            "pubmed.ncbi.nlm.nih.gov/",
            "/pubmed/",
            "PubMed: ",
            "pmid",
            "NCT",
            "ISRCTN",
            "é NCT",
            "ñ",
        ];
        let values = [
            "10.1000/xyz.1",
            "12345678",
            "1234",
            "0123456789abc",
            "10.1089%2Facm",
            "é1",
        ];
        for l in labels {
            for v in values {
                for (a, b) in [
                    ("", ""),
                    ("Ab ", " cd."),
                    ("x", "é"),
                    ("é ", ")"),
                    ("[", "]"),
                ] {
                    texts.push(format!("{a}{l}{v}{b}"));
                    texts.push(format!("{a}{}{v}{b}", l.to_uppercase()));
                }
            }
        }
        texts.push("[[1](#a)-[22](#b)] [3](#r3) [4567](x) [12345](#y) [é](#z)".into());
        for t in &texts {
            for (kind, re) in patterns() {
                for m in re.find_iter(t) {
                    let c = re.captures_of(t, m);
                    let want = c.name("v").or_else(|| c.name("w")).map(|g| g.range());
                    let got = value_group(*kind, re, t, m).map(|g| g.range());
                    assert_eq!(got, want, "{kind:?} in {t:?}");
                }
            }
            let pmid = DocRegex::new(patterns::ENTRY_PMID);
            for m in pmid.find_iter(t) {
                let want = pmid.captures_of(t, m).get(1).map(|g| g.range());
                assert_eq!(m.from_first_digit().map(|g| g.range()), want, "{t:?}");
            }
            let doi = DocRegex::new(patterns::ENTRY_DOI);
            for m in doi.find_iter(t) {
                assert_eq!(
                    doi.captures_of(t, m).get(1).map(|g| g.range()),
                    Some(m.range())
                );
            }
            let linked = DocRegex::new(patterns::LINKED_ITEM);
            for m in linked.find_iter(t) {
                let digits = m.as_str()[1..]
                    .bytes()
                    .take_while(u8::is_ascii_digit)
                    .count();
                let want = linked.captures_of(t, m).get(1).map(|g| g.range());
                assert_eq!(Some(m.start() + 1..m.start() + 1 + digits), want, "{t:?}");
            }
        }
    }

    fn found(t: &str) -> Vec<(IdKind, String)> {
        scan(t, 0).into_iter().map(|i| (i.kind, i.value)).collect()
    }

    #[test]
    fn labels_are_found_in_any_case_and_beside_other_scripts() {
        // the labels' own test before each pattern must not hide what the pattern finds
        assert_eq!(
            found("Lee – “Trial” DOI 10.1/ab; Pmid 123; pmcid 99; ARXIV 2101.1"),
            vec![
                (IdKind::Doi, "10.1/ab".to_string()),
                (IdKind::Pmid, "123".to_string()),
                (IdKind::Pmcid, "99".to_string()),
                (IdKind::Arxiv, "2101.1".to_string()),
            ]
        );
        assert_eq!(
            found("https://x.org/?cmd=Retrieve&list_uids=7654321"),
            vec![(IdKind::Pmid, "7654321".to_string())]
        );
        assert!(found("Hoover ISBN: none. Not a DOI.").is_empty());
    }

    #[test]
    fn labels_addresses_and_prefixes() {
        let t = "Roe J. A trial. doi: 10.1000/xyz.1 (2020). PMID: 12345678. PMCID: PMC1234567. NCT01234567; ISRCTN12345678. EudraCT 2010-012345-12. ISBN 978-0-306-40615-7. arXiv:2101.00001v2.";
        assert_eq!(
            found(t),
            vec![
                (IdKind::Doi, "10.1000/xyz.1".into()),
                (IdKind::Pmid, "12345678".into()),
                (IdKind::Pmcid, "PMC1234567".into()),
                (IdKind::Nct, "NCT01234567".into()),
                (IdKind::Isrctn, "ISRCTN12345678".into()),
                (IdKind::Eudract, "2010-012345-12".into()),
                (IdKind::Isbn, "978-0-306-40615-7".into()),
                (IdKind::Arxiv, "2101.00001v2".into()),
            ]
        );
        let spans = scan(t, 10);
        assert_eq!(
            &t[spans[0].span.start - 10..spans[0].span.end - 10],
            "10.1000/xyz.1"
        );
    }

    #[test]
    fn percent_encoded_doi_slashes_are_decoded() {
        let ids = scan(
            "https://doi.org/10.1089%2Facm.2014.0177 and doi.org/10.7759%2fcureus.5797",
            0,
        );
        let values: Vec<&str> = ids.iter().map(|i| i.value.as_str()).collect();
        assert_eq!(values, ["10.1089/acm.2014.0177", "10.7759/cureus.5797"]);
        // the span is still what the text wrote
        assert_eq!(ids[0].span, 16..39);
    }

    #[test]
    fn addresses_and_markup() {
        assert_eq!(
            found("[doi](https://doi.org/10.1016/S0140-6736(20)30183-5))."),
            vec![(IdKind::Doi, "10.1016/S0140-6736(20)30183-5".into())]
        );
        assert_eq!(
            found(
                "https://pubmed.ncbi.nlm.nih.gov/31234567/ and https://arxiv.org/pdf/1706.03762.pdf"
            ),
            vec![
                (IdKind::Pmid, "31234567".into()),
                (IdKind::Arxiv, "1706.03762".into())
            ]
        );
        // words that merely contain the letters are not labels
        assert!(found("Doing well; pmids and ISBNs; the doors").is_empty());
    }

    #[test]
    fn fields() {
        let i = from_field("DOI", "https://doi.org/10.1000/ABC", 3..4).unwrap();
        assert_eq!(
            (i.kind, i.value.as_str(), i.span),
            (IdKind::Doi, "10.1000/ABC", 3..4)
        );
        assert!(from_field("title", "x", 0..0).is_none());
        assert!(from_field("isbn", "  ", 0..0).is_none());
        for (field, isbn) in [
            ("9780199754038 (hardcover alk. paper)", "9780199754038"),
            ("0-19-975403-X : pbk.", "0-19-975403-X"),
            ("978-0-306-40615-7", "978-0-306-40615-7"),
            ("0-19-975403-X pbk.", "0-19-975403-X"),
            ("0490749d-5a1e", "0490749d-5a1e"),
            ("ISBN: 978-0-306-40615-8", "978-0-306-40615-8"),
            ("ISBN-13 9780306406157 (pbk.)", "9780306406157"),
            ("978-3-319-19424-0 978-3-319-19425-7", "978-3-319-19424-0"),
            ("978 0 306 40615 7", "978 0 306 40615 7"),
        ] {
            let id = from_field("isbn", field, 0..0).expect(field);
            assert_eq!(id.value, isbn, "{field}");
        }
    }
}
