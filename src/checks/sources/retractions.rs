//! Retraction lists named by `retractions = [...]` in `citelint.toml`, read once per run: the
//! Retraction Watch dataset as Crossref distributes it (a CSV whose columns are found by
//! header: `OriginalPaperDOI`, `RetractionNature`, `RetractionDate`, `Reason`), or a text file
//! with one DOI per line (`#` starts a comment). Read streaming, a record at a time, so a
//! 200 MB list costs its DOIs in memory, not its size; only the columns used are decoded.

use crate::document::identifiers::strip_doi_prefix;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::sync::Arc;

/// What a notice says about a paper, most serious first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Nature {
    Retraction,
    Concern,
    Correction,
}

/// One listed DOI. Kept small: a list has tens of thousands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub nature: Nature,
    /// The notice's date as written, without a midnight time ("3/14/2021").
    pub date: Box<str>,
    /// The reasons as the list writes them (`;+A;+B;`); see [`Notice::reasons`].
    pub reason: Box<str>,
    /// The list it is on, as the config names it, and the line.
    pub file: Arc<str>,
    pub line: u64,
}

impl Notice {
    /// The nature as Retraction Watch names it.
    pub fn nature_text(&self) -> &'static str {
        match self.nature {
            Nature::Retraction => "Retraction",
            Nature::Concern => "Expression of concern",
            Nature::Correction => "Correction",
        }
    }

    /// The reasons written "A, B", cut to 200 characters.
    pub fn reasons(&self) -> String {
        clean_reason(&self.reason)
    }
}

/// Every DOI of the run's lists, compared without case and prefixes.
#[derive(Debug, Default)]
pub struct Retractions {
    by_doi: FxHashMap<Box<str>, Notice>,
}

/// A DOI as the lists are keyed: lower case, without `doi:` or a resolver's address, without a
/// final full stop.
pub fn doi_key(doi: &str) -> String {
    strip_doi_prefix(doi.trim())
        .trim_end_matches(['.', ',', ';'])
        .to_lowercase()
}

impl Retractions {
    pub fn len(&self) -> usize {
        self.by_doi.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_doi.is_empty()
    }

    /// The notice for a DOI, if it is listed.
    pub fn get(&self, doi: &str) -> Option<&Notice> {
        self.by_doi.get(doi_key(doi).as_str())
    }

    /// Add a notice; a DOI listed twice keeps its most serious notice.
    pub fn insert(&mut self, doi: &str, notice: Notice) {
        self.insert_key(doi_key(doi), notice);
    }

    /// [`Retractions::insert`] with the DOI already a key.
    fn insert_key(&mut self, key: String, notice: Notice) {
        match self.by_doi.get_mut(key.as_str()) {
            Some(old) if old.nature <= notice.nature => {}
            Some(old) => *old = notice,
            None => {
                self.by_doi.insert(key.into_boxed_str(), notice);
            }
        }
    }

    /// Read one list (`shown` is its name in messages). `Err` names the file and the line.
    pub fn load(&mut self, path: &Path, shown: &str) -> Result<(), String> {
        let file = std::fs::File::open(path).map_err(|e| {
            let why = match e.kind() {
                std::io::ErrorKind::NotFound => "no such file".to_string(),
                std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                _ => e.to_string(),
            };
            format!("cannot read retraction list `{shown}`: {why}")
        })?;
        if path.is_dir() {
            return Err(format!("retraction list `{shown}` is a folder, not a file"));
        }
        let csv = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        self.read(BufReader::with_capacity(1 << 18, file), shown, csv)
    }

    /// Read a list from `input`: CSV when `csv` or when its first line names
    /// `OriginalPaperDOI`, else one DOI per line.
    pub fn read(&mut self, mut input: impl BufRead, shown: &str, csv: bool) -> Result<(), String> {
        let err = |line: u64, msg: &str| format!("retraction list `{shown}`, line {line}: {msg}");
        let file: Arc<str> = shown.into();
        let mut record = Vec::with_capacity(4096);
        let mut line: u64 = 0;
        let start =
            next_record(&mut input, &mut record, &mut line).map_err(|e| err(line.max(1), &e))?;
        let Some(first_line) = start else {
            return Ok(()); // an empty list lists nothing
        };
        if record.iter().take(8192).any(|&b| b == 0) {
            return Err(err(first_line, "the file looks binary (a NUL byte)"));
        }
        let header = record.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&record);
        let mut columns = Vec::new();
        fields(header, &mut columns).map_err(|e| err(first_line, e))?;
        let find = |name: &str| {
            columns.iter().position(|f| {
                unquote(&header[f.clone()]).is_ok_and(|v| v.trim().eq_ignore_ascii_case(name))
            })
        };
        match find("OriginalPaperDOI") {
            Some(doi) => {
                let nature = find("RetractionNature");
                let date = find("RetractionDate");
                let reason = find("Reason");
                let width = columns.len();
                let mut f = Vec::with_capacity(width);
                while let Some(at) =
                    next_record(&mut input, &mut record, &mut line).map_err(|e| err(line, &e))?
                {
                    if record.iter().all(|b| b.is_ascii_whitespace()) {
                        continue;
                    }
                    fields(&record, &mut f).map_err(|e| err(at, e))?;
                    if f.len() != width {
                        return Err(err(
                            at,
                            &format!("{} fields where the header has {width}", f.len()),
                        ));
                    }
                    let get = |i: Option<usize>| -> Result<Cow<'_, str>, String> {
                        match i {
                            Some(i) => unquote(&record[f[i].clone()]).map_err(|e| err(at, e)),
                            None => Ok(Cow::Borrowed("")),
                        }
                    };
                    let d = get(Some(doi))?;
                    let key = doi_key(&d);
                    if !key.starts_with("10.") {
                        continue; // "unavailable": a notice without a DOI to match
                    }
                    let n = get(nature)?;
                    let n = n.trim();
                    let has = |w: &str| {
                        n.as_bytes()
                            .windows(w.len())
                            .any(|x| x.eq_ignore_ascii_case(w.as_bytes()))
                    };
                    let kind = if n.is_empty() || has("retraction") {
                        Nature::Retraction
                    } else if has("concern") {
                        Nature::Concern
                    } else if has("correction") || has("erratum") {
                        Nature::Correction
                    } else {
                        continue; // a reinstatement: the paper stands
                    };
                    let notice = Notice {
                        nature: kind,
                        date: get(date)?.trim().trim_end_matches(" 0:00").trim().into(),
                        reason: get(reason)?.trim().into(),
                        file: file.clone(),
                        line: at,
                    };
                    self.insert_key(key, notice);
                }
            }
            None if csv => {
                return Err(err(
                    first_line,
                    "no `OriginalPaperDOI` column in the header (a Retraction Watch CSV names its columns in its first line)",
                ));
            }
            None => {
                // one DOI per line; the first line is a DOI too
                let mut at = first_line;
                loop {
                    let text = std::str::from_utf8(&record)
                        .map_err(|_| err(at, "not valid UTF-8"))?
                        .trim();
                    if !text.is_empty() && !text.starts_with('#') {
                        let key = doi_key(text);
                        if !key.starts_with("10.")
                            || !key.contains('/')
                            || key.contains(char::is_whitespace)
                        {
                            return Err(err(
                                at,
                                &format!(
                                    "`{}` is not a DOI (one DOI per line, `#` for comments)",
                                    shorten(text)
                                ),
                            ));
                        }
                        self.insert_key(
                            key,
                            Notice {
                                nature: Nature::Retraction,
                                date: "".into(),
                                reason: "".into(),
                                file: file.clone(),
                                line: at,
                            },
                        );
                    }
                    match next_line(&mut input, &mut record, &mut line)
                        .map_err(|e| err(line, &e))?
                    {
                        Some(l) => at = l,
                        None => break,
                    }
                }
            }
        }
        Ok(())
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_string()
    }
}

/// Reasons as Retraction Watch writes them (`;+Falsification of Data;+Misconduct;`), joined
/// with commas and cut to 200 characters.
fn clean_reason(r: &str) -> String {
    let joined = r
        .split(';')
        .map(|p| p.trim().trim_start_matches('+').trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    if joined.chars().count() > 200 {
        format!("{}…", joined.chars().take(200).collect::<String>())
    } else {
        joined
    }
}

/// Read one line into `buf` (without its line ending); its 1-based number, or `None` at the end.
fn next_line(
    input: &mut impl BufRead,
    buf: &mut Vec<u8>,
    line: &mut u64,
) -> Result<Option<u64>, String> {
    buf.clear();
    let n = input
        .read_until(b'\n', buf)
        .map_err(|e| format!("cannot read: {e}"))?;
    if n == 0 {
        return Ok(None);
    }
    *line += 1;
    while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        buf.pop();
    }
    Ok(Some(*line))
}

/// Read one CSV record into `buf`: a line, and the lines after it while a quoted field is
/// open. The 1-based line it starts on, or `None` at the end.
fn next_record(
    input: &mut impl BufRead,
    buf: &mut Vec<u8>,
    line: &mut u64,
) -> Result<Option<u64>, String> {
    let Some(start) = next_line(input, buf, line)? else {
        return Ok(None);
    };
    let mut quotes = memchr::memchr_iter(b'"', buf).count();
    let mut more = Vec::new();
    while quotes % 2 == 1 {
        // a quoted field runs on: its line break is part of it
        let Some(_) = next_line(input, &mut more, line)? else {
            return Err(format!(
                "a quoted field opened on line {start} is never closed"
            ));
        };
        buf.push(b'\n');
        buf.extend_from_slice(&more);
        quotes += memchr::memchr_iter(b'"', &more).count();
        // bounded: a record is a notice, not a file
        if buf.len() > 1 << 20 {
            return Err(format!(
                "the record that starts on line {start} is longer than 1 MB"
            ));
        }
    }
    Ok(Some(start))
}

/// The byte ranges of a record's fields (quotes included), into `out` (reused: one
/// allocation for the whole list). Jumps from one comma or quote to the next.
fn fields(record: &[u8], out: &mut Vec<std::ops::Range<usize>>) -> Result<(), &'static str> {
    out.clear();
    let mut start = 0;
    loop {
        if record.get(start) == Some(&b'"') {
            // a quoted field: up to the quote that is not doubled
            let mut i = start + 1;
            loop {
                let Some(q) = memchr::memchr(b'"', &record[i..]) else {
                    return Err("a quoted field is never closed");
                };
                i += q + 1;
                if record.get(i) == Some(&b'"') {
                    i += 1; // an escaped quote
                    continue;
                }
                break;
            }
            match record.get(i) {
                None => {
                    out.push(start..i);
                    return Ok(());
                }
                Some(b',') => {
                    out.push(start..i);
                    start = i + 1;
                }
                Some(_) => return Err("text after a closing quote"),
            }
        } else {
            match memchr::memchr(b',', &record[start..]) {
                Some(c) => {
                    out.push(start..start + c);
                    start += c + 1;
                }
                None => {
                    out.push(start..record.len());
                    return Ok(());
                }
            }
        }
    }
}

/// A field's text: quotes removed, `""` as `"`; borrowed unless it escapes a quote.
fn unquote(f: &[u8]) -> Result<Cow<'_, str>, &'static str> {
    let s = std::str::from_utf8(f).map_err(|_| "not valid UTF-8")?;
    Ok(
        match s.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
            Some(inner) if inner.contains("\"\"") => Cow::Owned(inner.replace("\"\"", "\"")),
            Some(inner) => Cow::Borrowed(inner),
            None => Cow::Borrowed(s),
        },
    )
}

/// A list read from memory (the tests').
#[cfg(test)]
fn list(text: &str, csv: bool) -> Result<Retractions, String> {
    let mut r = Retractions::default();
    r.read(text.as_bytes(), "list", csv)?;
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "\u{feff}Record ID,Title,OriginalPaperDOI,RetractionNature,RetractionDate,Reason,Notes\n\
1,\"A trial, with a comma\",10.1000/ABC.1,Retraction,3/14/2021 0:00,;+Falsification/Fabrication of Data;+Misconduct;,\n\
2,\"Quoted \"\"title\"\"\nover two lines\",https://doi.org/10.1000/xyz,Expression of concern,1/2/2020 0:00,;+Concerns/Issues About Data;,note\n\
3,Lost,unavailable,Retraction,1/1/2019 0:00,,\n\
4,Back,10.1000/back,Reinstatement,1/1/2022 0:00,,\n\
5,Fixed,10.1000/ABC.1,Correction,1/1/2018 0:00,,\n";

    #[test]
    fn the_retraction_watch_csv() {
        let r = list(CSV, true).unwrap();
        assert_eq!(r.len(), 2);
        let n = r.get("doi:10.1000/abc.1").unwrap();
        assert_eq!(n.nature, Nature::Retraction, "the most serious notice wins");
        assert_eq!(&*n.date, "3/14/2021");
        assert_eq!(n.reasons(), "Falsification/Fabrication of Data, Misconduct");
        assert_eq!(n.line, 2);
        let c = r.get("10.1000/XYZ").unwrap();
        assert_eq!((c.nature, c.line), (Nature::Concern, 3));
        assert!(r.get("10.1000/back").is_none());
    }

    #[test]
    fn a_text_list() {
        let r = list(
            "# retracted\n10.1000/One\n\nhttps://doi.org/10.1000/two.\n",
            false,
        )
        .unwrap();
        assert_eq!(r.len(), 2);
        assert!(r.get("10.1000/one").is_some() && r.get("10.1000/TWO").is_some());
    }

    #[test]
    fn malformed_lists_name_the_line() {
        let e = list("10.1000/one\nnot a doi\n", false).unwrap_err();
        assert!(e.contains("line 2") && e.contains("not a doi"), "{e}");
        let e = list("Title,OriginalPaperDOI\n\"open,10.1000/x\n", true).unwrap_err();
        assert!(e.contains("line 2") && e.contains("never closed"), "{e}");
        let e = list("Title,OriginalPaperDOI\na,10.1000/x,extra\n", true).unwrap_err();
        assert!(e.contains("line 2") && e.contains("3 fields"), "{e}");
        let e = list("Title,DOI\na,10.1000/x\n", true).unwrap_err();
        assert!(
            e.contains("line 1") && e.contains("OriginalPaperDOI"),
            "{e}"
        );
        let e = list("Title,OriginalPaperDOI\n\"a\"b,10.1000/x\n", true).unwrap_err();
        assert!(e.contains("line 2"), "{e}");
        assert!(list("", true).unwrap().is_empty());
    }
}
