//! Baselines: adopt citelint on an existing corpus without fixing every old finding first.
//!
//! `--write-baseline FILE` records today's findings; `--baseline FILE` then reports only
//! findings that are not in it. A finding is identified by a fingerprint, not by its line
//! number, so it survives lines moving: FNV-1a 64 over the rule id, the path and the text of the
//! line under the primary span (whitespace collapsed, digits kept), plus an occurrence counter
//! that tells apart repeats of the same rule on identical lines of one file.
//! Suppressed findings are neither recorded nor matched.

use crate::diagnostic::FileReport;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The baseline file: a versioned list of entries; only `fingerprint` is used for matching, the
/// other fields help a person reading or reviewing the file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub fingerprint: String,
    pub path: String,
    pub rule: String,
    pub line: usize,
    pub message: String,
}

/// FNV-1a, 64 bits: small, stable across platforms and releases.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The line holding byte `at`, whitespace runs collapsed to one space, trimmed.
pub fn context_line(text: &str, at: usize) -> String {
    let at = crate::document::lines::floor_char(text, at.min(text.len()));
    let start = text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let end = text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i);
    text[start..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn normal_path(p: &str) -> String {
    let p = p.replace('\\', "/");
    p.strip_prefix("./").unwrap_or(&p).to_string()
}

/// Fingerprints of the shown findings of one report, in order, each with the index of its
/// diagnostic in `r.diagnostics`.
pub fn fingerprints(r: &FileReport) -> Vec<(usize, String)> {
    let path = normal_path(&r.path);
    let mut seen: HashMap<u64, u32> = HashMap::new();
    // one context per line, not one per finding: 200,000 findings on a 10 MB line
    let lines = crate::document::LineIndex::new(&r.text);
    let mut contexts: HashMap<usize, String> = HashMap::new();
    r.diagnostics
        .iter()
        .enumerate()
        .filter(|(_, d)| d.suppressed.is_none())
        .map(|(i, d)| {
            let key = format!(
                "{}\0{}\0{}",
                d.rule,
                path,
                contexts
                    .entry(lines.line_of(d.span.start.min(r.text.len())))
                    .or_insert_with(|| context_line(&r.text, d.span.start))
            );
            let base = fnv1a64(key.as_bytes());
            let n = seen.entry(base).or_default();
            let occurrence = *n;
            *n += 1;
            let full = fnv1a64(format!("{key}\0{occurrence}").as_bytes());
            (i, format!("{full:016x}"))
        })
        .collect()
}

/// The baseline of these reports.
pub fn build(reports: &[FileReport]) -> Baseline {
    let mut findings = Vec::new();
    for r in reports {
        let lines = crate::document::LineIndex::new(&r.text);
        for (i, fingerprint) in fingerprints(r) {
            let d = &r.diagnostics[i];
            findings.push(Entry {
                fingerprint,
                path: normal_path(&r.path),
                rule: d.rule.to_string(),
                line: lines.line_col(&r.text, d.span.start).line,
                message: d.message.clone(),
            });
        }
    }
    Baseline {
        version: 1,
        findings,
    }
}

pub fn write(path: &Path, reports: &[FileReport]) -> Result<usize, String> {
    let b = build(reports);
    let mut s = serde_json::to_string_pretty(&b).map_err(|e| e.to_string())?;
    s.push('\n');
    std::fs::write(path, s)
        .map_err(|e| format!("cannot write baseline {}: {e}", path.display()))?;
    Ok(b.findings.len())
}

pub fn read(path: &Path) -> Result<HashSet<String>, String> {
    let s = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read baseline {}: {e}", path.display()))?;
    let b: Baseline = serde_json::from_str(&s).map_err(|e| {
        format!(
            "baseline {} is not a citelint baseline: {e}",
            path.display()
        )
    })?;
    if b.version != 1 {
        return Err(format!(
            "baseline {} has version {}; this citelint reads version 1",
            path.display(),
            b.version
        ));
    }
    Ok(b.findings.into_iter().map(|e| e.fingerprint).collect())
}

/// Drop the shown findings whose fingerprints are in `known`; returns how many were dropped.
pub fn filter(reports: &mut [FileReport], known: &HashSet<String>) -> usize {
    let mut dropped = 0;
    for r in reports.iter_mut() {
        let drop: HashSet<usize> = fingerprints(r)
            .into_iter()
            .filter(|(_, f)| known.contains(f))
            .map(|(i, _)| i)
            .collect();
        dropped += drop.len();
        let mut i = 0;
        r.diagnostics.retain(|_| {
            i += 1;
            !drop.contains(&(i - 1))
        });
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_reference_values() {
        assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn context_collapses_whitespace() {
        let t = "one\r\n  Salt\t raises   BP [3].  \nthree";
        assert_eq!(
            context_line(t, t.find("BP").unwrap()),
            "Salt raises BP [3]."
        );
        assert_eq!(context_line(t, 0), "one");
        assert_eq!(context_line(t, t.len()), "three");
    }
}
