//! `--diff REF`: keep only findings whose primary span starts on a line added or changed since
//! the git ref. Runs `git diff --unified=0 REF -- FILES` and reads the hunk headers; a file git
//! does not track (new, untracked, ignored or outside the repository) counts as wholly changed.

use crate::diagnostic::FileReport;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A git repository and a ref that resolves to a commit in it.
pub struct GitDiff {
    top: PathBuf,
    reference: String,
}

/// Changed lines of one file: 1-based, inclusive ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changes {
    All,
    Lines(Vec<(usize, usize)>),
}

impl Changes {
    pub fn contains(&self, line: usize) -> bool {
        match self {
            Changes::All => true,
            Changes::Lines(r) => r.iter().any(|&(a, b)| a <= line && line <= b),
        }
    }
}

fn git(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.current_dir(dir)
        .env("GIT_LITERAL_PATHSPECS", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE");
    c
}

fn run(mut c: Command) -> Result<(bool, String, String), String> {
    let out = c
        .output()
        .map_err(|e| format!("--diff needs git, which could not be run: {e}"))?;
    Ok((
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).trim().to_string(),
    ))
}

impl GitDiff {
    /// Find the repository holding `cwd` and check that `reference` names a commit.
    pub fn open(cwd: &Path, reference: &str) -> Result<GitDiff, String> {
        let mut c = git(cwd);
        c.args(["rev-parse", "--show-toplevel"]);
        let (ok, out, err) = run(c)?;
        if !ok {
            return Err(format!(
                "--diff needs a git repository, and {} is not in one ({err})",
                cwd.display()
            ));
        }
        let top = PathBuf::from(out.trim_end_matches(['\n', '\r']));
        let top = top.canonicalize().unwrap_or(top);
        if reference.is_empty() || reference.starts_with('-') {
            return Err(format!("--diff: `{reference}` is not a git ref"));
        }
        let mut c = git(&top);
        c.args(["rev-parse", "--verify", "--quiet"])
            .arg(format!("{reference}^{{commit}}"));
        let (ok, _, _) = run(c)?;
        if !ok {
            return Err(format!(
                "--diff: `{reference}` does not name a commit in the repository at {}",
                top.display()
            ));
        }
        Ok(GitDiff {
            top,
            reference: reference.to_string(),
        })
    }

    /// The changed lines of each file, keyed by the path as given.
    pub fn changes(&self, files: &[&str]) -> Result<HashMap<String, Changes>, String> {
        let mut result = HashMap::new();
        // path relative to the repository top, with forward slashes → path as given
        let mut inside: Vec<(String, String)> = Vec::new();
        for &f in files {
            let rel = Path::new(f)
                .canonicalize()
                .ok()
                .and_then(|c| c.strip_prefix(&self.top).ok().map(Path::to_path_buf))
                .map(|r| r.to_string_lossy().replace('\\', "/"));
            match rel {
                Some(r) => inside.push((r, f.to_string())),
                None => {
                    result.insert(f.to_string(), Changes::All);
                }
            }
        }
        for chunk in inside.chunks(200) {
            let rels: Vec<&str> = chunk.iter().map(|(r, _)| r.as_str()).collect();
            let mut c = git(&self.top);
            c.args(["ls-files", "-z", "--full-name", "--"]).args(&rels);
            let (ok, out, err) = run(c)?;
            if !ok {
                return Err(format!("--diff: git ls-files failed: {err}"));
            }
            let tracked: HashSet<&str> = out.split('\0').filter(|s| !s.is_empty()).collect();
            let mut c = git(&self.top);
            c.args([
                "-c",
                "core.quotePath=false",
                "diff",
                "--no-color",
                "--no-ext-diff",
                "--no-textconv",
                "--unified=0",
                "--src-prefix=a/",
                "--dst-prefix=b/",
                &self.reference,
                "--",
            ])
            .args(&rels);
            let (ok, out, err) = run(c)?;
            if !ok {
                return Err(format!("--diff: git diff failed: {err}"));
            }
            let hunks = parse_diff(&out);
            for (rel, given) in chunk {
                let changes = if !tracked.contains(rel.as_str()) {
                    Changes::All
                } else {
                    Changes::Lines(hunks.get(rel).cloned().unwrap_or_default())
                };
                result.insert(given.clone(), changes);
            }
        }
        Ok(result)
    }
}

/// Remove from one report the findings whose primary span starts outside its changed lines
/// (`changes` from [`GitDiff::changes`]; a file not in it counts as wholly changed).
pub fn filter_report(changes: &HashMap<String, Changes>, r: &mut FileReport) -> usize {
    let ch = changes.get(&r.path).cloned().unwrap_or(Changes::All);
    let before = r.diagnostics.len();
    let text = &r.text;
    r.diagnostics
        .retain(|d| ch.contains(git_line(text, d.span.start)));
    before - r.diagnostics.len()
}

/// The 1-based line of byte `at` as git counts lines (ended by `\n` only).
pub fn git_line(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text.as_bytes()[..at]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Added-line ranges per destination path from `git diff --unified=0` output.
pub fn parse_diff(out: &str) -> HashMap<String, Vec<(usize, usize)>> {
    let mut map: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    let mut current: Option<String> = None;
    for line in out.lines() {
        if let Some(rest) = line.strip_prefix("+++ ") {
            let name = unquote(rest.trim_end_matches('\t'));
            current = name.strip_prefix("b/").map(str::to_string);
            if let Some(c) = &current {
                map.entry(c.clone()).or_default();
            }
        } else if line.starts_with("@@ ")
            && let Some(c) = &current
            && let Some(range) = hunk_added(line)
        {
            map.entry(c.clone()).or_default().push(range);
        }
    }
    map
}

/// `@@ -a,b +c,d @@` → the added lines `c..=c+d-1`, or `None` for a pure deletion.
fn hunk_added(line: &str) -> Option<(usize, usize)> {
    let plus = line.split(' ').find(|w| w.starts_with('+'))?;
    let plus = &plus[1..];
    let (start, count) = match plus.split_once(',') {
        Some((s, n)) => (s.parse::<usize>().ok()?, n.parse::<usize>().ok()?),
        None => (plus.parse::<usize>().ok()?, 1),
    };
    (count > 0).then(|| (start, start + count - 1))
}

/// Undo git's C-style quoting of unusual file names (`"b/caf\303\251.md"`).
fn unquote(s: &str) -> String {
    let Some(inner) = s.strip_prefix('"').and_then(|s| s.strip_suffix('"')) else {
        return s.to_string();
    };
    let mut bytes = Vec::new();
    let b = inner.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 1 < b.len() {
            i += 1;
            match b[i] {
                b'n' => bytes.push(b'\n'),
                b't' => bytes.push(b'\t'),
                b'r' => bytes.push(b'\r'),
                b'a' => bytes.push(7),
                b'b' => bytes.push(8),
                b'f' => bytes.push(12),
                b'v' => bytes.push(11),
                b'0'..=b'7' if i + 2 < b.len() => {
                    let oct = std::str::from_utf8(&b[i..i + 3]).unwrap_or("0");
                    bytes.push(u8::from_str_radix(oct, 8).unwrap_or(b'?'));
                    i += 2;
                }
                c => bytes.push(c),
            }
        } else {
            bytes.push(b[i]);
        }
        i += 1;
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks() {
        let out = "diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n@@ -3 +3 @@\n-a\n+b\n@@ -10,2 +9,0 @@\n-c\n-d\n@@ -20,0 +21,3 @@\n+e\n+f\n+g\n\
diff --git a/\"caf\\303\\251 q.md\" b/\"caf\\303\\251 q.md\"\n--- /dev/null\n+++ \"b/caf\\303\\251 q.md\"\n@@ -0,0 +1,2 @@\n+x\n+y\n";
        let m = parse_diff(out);
        assert_eq!(m["x.md"], vec![(3, 3), (21, 23)]);
        assert_eq!(m["café q.md"], vec![(1, 2)]);
        assert!(Changes::Lines(m["x.md"].clone()).contains(22));
        assert!(!Changes::Lines(m["x.md"].clone()).contains(9));
    }

    #[test]
    fn lines_count_newlines() {
        assert_eq!(git_line("a\nb\r\nc", 0), 1);
        assert_eq!(git_line("a\nb\r\nc", 5), 3);
    }
}
