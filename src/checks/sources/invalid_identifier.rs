//! # invalid-identifier
//!
//! **What it catches:** an identifier in a reference entry or a bibliography field that
//! cannot be valid, whatever it was meant to name:
//! - a DOI that does not start `10.` and a registrant code of four digits or more, or has
//!   nothing after the `/`, or writes its prefix twice (`10.1016/10.1016/j.…`, a paste error);
//! - a PMID that is not one to eight digits, or is zero; a PMCID that is not `PMC` and one
//!   to eight digits;
//! - a ClinicalTrials.gov id that is not `NCT` and eight digits; an ISRCTN that is not
//!   `ISRCTN` and eight digits; a EudraCT number that is not `YYYY-NNNNNN-CC` from 2004 on;
//! - an ISBN without 10 or 13 digits, whose check digit is wrong, or an ISBN-13 that does
//!   not start 978 or 979;
//! - an arXiv id with a month that does not exist, from before arXiv's ids or after today,
//!   or with a sequence of the wrong length for its month (four digits to 2014, five since).
//!
//! **How it finds them:** only where something says what the identifier is: a label
//! (`doi:`, `PMID:`, `ISBN`, `arXiv:`, `EudraCT`), a resolver's address (`doi.org/`,
//! `pubmed.ncbi.nlm.nih.gov/`, `arxiv.org/abs/`), its own prefix (`NCT`, `ISRCTN`, `PMC`) or a
//! bibliography field (`doi`, `pmid`, `pmcid`, `isbn`, an arXiv `eprint`). An entry of a
//! bibliography file is reported where the article first cites it (a shared file's other
//! entries are other articles' business), with a label on the entry.
//!
//! **Why it matters:** an identifier that cannot resolve sends the reader nowhere, and a
//! mistyped one often names a different paper: readers and editors check sources through
//! them.
//!
//! **Example:** `3. Roe J. Statins in the elderly. PMID: 123456789.` reports "the PMID
//! `123456789` cannot be valid: it has 9 digits; PMIDs have one to eight". `ISBN
//! 978-0-306-40615-6` reports the check digit (it should be 7).
//!
//! **Options:** none.

use super::{entry_label, first_citation};
use crate::checks::{Context, NoOptions, Reads, Rule, parse_options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::document::identifiers::{IdKind, Identifier};

pub static RULE: Rule = Rule {
    id: "invalid-identifier",
    family: "sources",
    summary: "a DOI, PMID, PMCID, trial id, ISBN or arXiv id that cannot be valid",
    source: include_str!("invalid_identifier.rs"),
    default_severity: Severity::Warning,
    reads: Reads::REFERENCES,
    parse_options: parse_options::<NoOptions>,
    options: &[],
    check,
};

fn check(doc: &Document, cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (r, e) in doc.references.iter().enumerate() {
        for id in &e.identifiers {
            let Some(why) = invalid(id, cx.today) else {
                continue;
            };
            let message = format!(
                "the {} `{}` of reference {} cannot be valid: {why}",
                id.kind.name(),
                id.value,
                e.key
            );
            let help = format!(
                "copy the {} from the source's own page or its record (Crossref, PubMed, the registry)",
                id.kind.name()
            );
            let d = match &e.path {
                None => Diagnostic::new(RULE.id, id.span.clone(), message),
                Some(path) => {
                    // an entry of a bibliography file: where the article relies on it
                    let Some(at) = first_citation(doc, r) else {
                        continue;
                    };
                    let mut d = Diagnostic::new(RULE.id, at, message);
                    d.labels.push(entry_label(
                        doc,
                        r,
                        format!("the entry in `{path}` with the {}", id.kind.name()),
                    ));
                    d
                }
            };
            out.push(d.help(help));
        }
    }
    out
}

/// Why `id` cannot be valid, or `None` when it can.
pub fn invalid(id: &Identifier, today: jiff::civil::Date) -> Option<String> {
    let v = id.value.as_str();
    match id.kind {
        IdKind::Doi => doi(v),
        IdKind::Pmid => digits(v, "PMIDs have one to eight digits"),
        IdKind::Pmcid => {
            let rest = v.strip_prefix("PMC").or_else(|| v.strip_prefix("pmc"));
            match rest {
                Some(d) => digits(d, "a PMCID is `PMC` and one to eight digits"),
                None => Some("a PMCID is `PMC` and one to eight digits".into()),
            }
        }
        IdKind::Nct => fixed(
            v,
            "NCT",
            "a ClinicalTrials.gov id is `NCT` and eight digits",
        ),
        IdKind::Isrctn => fixed(v, "ISRCTN", "an ISRCTN is `ISRCTN` and eight digits"),
        IdKind::Eudract => eudract(v, today),
        IdKind::Isbn => isbn(v),
        IdKind::Arxiv => arxiv(v, today),
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn doi(v: &str) -> Option<String> {
    let Some(rest) = v.strip_prefix("10.") else {
        return Some("a DOI starts with `10.`".into());
    };
    let Some((prefix, suffix)) = rest.split_once('/') else {
        return Some("a DOI has a `/` between its prefix and suffix".into());
    };
    let registrant = prefix.split('.').next().unwrap_or("");
    if !all_digits(registrant) || !prefix.split('.').all(all_digits) {
        return Some("its prefix after `10.` must be digits".into());
    }
    if registrant.len() < 4 {
        return Some(format!(
            "its registrant code `{registrant}` has {} digits; DOI prefixes have four or more",
            registrant.len()
        ));
    }
    if suffix.trim().is_empty() {
        return Some("it has nothing after the `/`".into());
    }
    // `10.1016/10.1016/j.x`: a copy that pasted the prefix into the suffix
    if suffix
        .strip_prefix("10.")
        .and_then(|s| s.strip_prefix(prefix))
        .is_some_and(|s| s.starts_with('/'))
    {
        return Some(format!("its prefix `10.{prefix}/` is written twice"));
    }
    None
}

/// One to eight digits, not zero.
fn digits(v: &str, what: &str) -> Option<String> {
    if !all_digits(v) {
        return Some(format!("it is not all digits; {what}"));
    }
    if v.len() > 8 {
        return Some(format!("it has {} digits; {what}", v.len()));
    }
    if v.bytes().all(|b| b == b'0') {
        return Some("it is zero".into());
    }
    None
}

/// A prefix and exactly eight digits.
fn fixed(v: &str, prefix: &str, what: &str) -> Option<String> {
    let d = v.strip_prefix(prefix).unwrap_or(v);
    if all_digits(d) && d.len() == 8 {
        None
    } else {
        Some(format!("it has {} digits; {what}", d.len()))
    }
}

fn eudract(v: &str, today: jiff::civil::Date) -> Option<String> {
    let parts: Vec<&str> = v.split('-').collect();
    let shape = parts.len() == 3
        && parts.iter().all(|p| all_digits(p))
        && parts[0].len() == 4
        && parts[1].len() == 6
        && parts[2].len() == 2;
    if !shape {
        return Some("a EudraCT number is written YYYY-NNNNNN-CC".into());
    }
    let year: i16 = parts[0].parse().unwrap_or(0);
    if year < 2004 || year > today.year() {
        return Some(format!(
            "its year {year} is outside the register's years (2004 to {})",
            today.year()
        ));
    }
    None
}

fn isbn(v: &str) -> Option<String> {
    let chars: Vec<char> = v.chars().filter(|c| *c != '-' && *c != ' ').collect();
    let digit = |c: char| c.to_digit(10);
    match chars.len() {
        10 => {
            if chars[..9].iter().any(|c| !c.is_ascii_digit()) {
                return Some("only its last character may be X".into());
            }
            let sum: u32 = chars[..9]
                .iter()
                .enumerate()
                .map(|(i, c)| (10 - i as u32) * digit(*c).unwrap_or(0))
                .sum();
            let check = (11 - sum % 11) % 11;
            let want = if check == 10 {
                'X'
            } else {
                char::from_digit(check, 10).unwrap_or('0')
            };
            if chars[9].to_ascii_uppercase() != want {
                return Some(format!(
                    "its check digit is {} but should be {want}",
                    chars[9]
                ));
            }
            None
        }
        13 => {
            if chars.iter().any(|c| !c.is_ascii_digit()) {
                return Some("an ISBN-13 is all digits".into());
            }
            let s: String = chars.iter().collect();
            if !s.starts_with("978") && !s.starts_with("979") {
                return Some("an ISBN-13 starts with 978 or 979".into());
            }
            let sum: u32 = chars[..12]
                .iter()
                .enumerate()
                .map(|(i, c)| digit(*c).unwrap_or(0) * if i % 2 == 0 { 1 } else { 3 })
                .sum();
            let want = (10 - sum % 10) % 10;
            if digit(chars[12]) != Some(want) {
                return Some(format!(
                    "its check digit is {} but should be {want}",
                    chars[12]
                ));
            }
            None
        }
        // fewer: an ISBN written with spaces ("978 0 12 …") read only to its first group
        n if n < 8 => None,
        n => Some(format!("it has {n} characters; an ISBN has 10 or 13")),
    }
}

fn arxiv(v: &str, today: jiff::civil::Date) -> Option<String> {
    let v = match v.rfind('v') {
        Some(i) if i > 0 && all_digits(&v[i + 1..]) => &v[..i],
        _ => v,
    };
    let month_ok = |m: u32| (1..=12).contains(&m);
    if let Some((archive, num)) = v.split_once('/') {
        // the old scheme: `hep-th/9901001`, `math.GT/0309136`
        if archive.is_empty() || !all_digits(num) || num.len() != 7 {
            return Some("an old-style arXiv id is an archive, `/` and seven digits".into());
        }
        let (yy, mm): (u32, u32) = (
            num[..2].parse().unwrap_or(0),
            num[2..4].parse().unwrap_or(0),
        );
        if !month_ok(mm) {
            return Some(format!("its month {mm:02} does not exist"));
        }
        if (8..91).contains(&yy) {
            return Some(format!(
                "old-style ids run from 1991 to March 2007, not {yy:02}"
            ));
        }
        return None;
    }
    let Some((yymm, seq)) = v.split_once('.') else {
        return Some("an arXiv id is YYMM.NNNNN".into());
    };
    if yymm.len() != 4 || !all_digits(yymm) || !all_digits(seq) {
        return Some("an arXiv id is YYMM.NNNNN".into());
    }
    let (yy, mm): (i32, u32) = (
        yymm[..2].parse().unwrap_or(0),
        yymm[2..].parse().unwrap_or(0),
    );
    if !month_ok(mm) {
        return Some(format!("its month {mm:02} does not exist"));
    }
    let ym = yy * 100 + mm as i32;
    if ym < 704 {
        return Some("ids of this form start in April 2007 (0704)".into());
    }
    let now = (today.year() as i32 % 100) * 100 + today.month() as i32;
    if ym > now {
        return Some(format!("{yymm} is a month still to come"));
    }
    let want = if ym < 1501 { 4 } else { 5 };
    if seq.len() != want {
        return Some(format!(
            "ids from {yymm} have {want} digits after the dot, not {}",
            seq.len()
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(kind: IdKind, v: &str) -> Option<String> {
        let id = Identifier {
            kind,
            value: v.to_string(),
            span: 0..0,
        };
        invalid(&id, "2026-11-24".parse().unwrap())
    }

    #[test]
    fn valid_identifiers_pass() {
        for (k, v) in [
            (IdKind::Doi, "10.1000/xyz.1"),
            (IdKind::Doi, "10.1016/S0140-6736(20)30183-5"),
            (IdKind::Doi, "10.12345.6/abc"),
            (IdKind::Pmid, "12345678"),
            (IdKind::Pmid, "1"),
            (IdKind::Pmcid, "PMC1234567"),
            (IdKind::Nct, "NCT01234567"),
            (IdKind::Isrctn, "ISRCTN12345678"),
            (IdKind::Eudract, "2010-012345-12"),
            (IdKind::Isbn, "978-0-306-40615-7"),
            (IdKind::Isbn, "0-306-40615-2"),
            (IdKind::Isbn, "0-8044-2957-X"),
            (IdKind::Arxiv, "2101.00001v2"),
            (IdKind::Arxiv, "1412.1234"),
            (IdKind::Arxiv, "hep-th/9901001"),
            (IdKind::Isbn, "978"),
            (IdKind::Arxiv, "math.GT/0309136"),
        ] {
            assert_eq!(check(k, v), None, "{k:?} {v}");
        }
    }

    #[test]
    fn invalid_identifiers_say_why() {
        for (k, v, why) in [
            (IdKind::Doi, "10.123/abc", "registrant code `123`"),
            (IdKind::Doi, "10.1000", "a `/`"),
            (IdKind::Doi, "1038/nm.1234", "starts with `10.`"),
            (
                IdKind::Doi,
                "10.1016/10.1016/j.ajem.2015.08.039",
                "prefix `10.1016/` is written twice",
            ),
            (IdKind::Pmid, "123456789", "9 digits"),
            (IdKind::Pmid, "0", "zero"),
            (IdKind::Pmid, "12a45", "not all digits"),
            (IdKind::Pmcid, "PMC123456789", "9 digits"),
            (IdKind::Nct, "NCT0123456", "7 digits"),
            (IdKind::Isrctn, "ISRCTN123456789", "9 digits"),
            (IdKind::Eudract, "2001-012345-12", "year 2001"),
            (IdKind::Eudract, "2010-12345-12", "YYYY-NNNNNN-CC"),
            (IdKind::Isbn, "978-0-306-40615-6", "should be 7"),
            (IdKind::Isbn, "0-306-40615-3", "should be 2"),
            (IdKind::Isbn, "977-0-306-40615-7", "978 or 979"),
            (IdKind::Isbn, "0-306-40615-22", "11 characters"),
            (IdKind::Arxiv, "2313.01234", "month 13"),
            (IdKind::Arxiv, "1412.12345", "4 digits"),
            (IdKind::Arxiv, "2001.1234", "5 digits"),
            (IdKind::Arxiv, "2712.01234", "to come"),
            (IdKind::Arxiv, "0612.1234", "April 2007"),
        ] {
            let got = check(k, v).unwrap_or_default();
            assert!(got.contains(why), "{k:?} {v}: {got}");
        }
    }
}
