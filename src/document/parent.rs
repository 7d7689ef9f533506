//! The document that pulls this one in as a child. A Quarto or R Markdown manuscript is often
//! split into parts that a main file includes (Quarto's `{{< include _methods.qmd >}}`, a
//! knitr chunk's `child = "methods.Rmd"` or Quarto's `#| child: 02-methods.qmd`), from its
//! own folder or the one above (`{{< include paper/intro.qmd >}}`): a part
//! is not an article of its own. It is cited from the main file's bibliography, it carries
//! no disclaimer or review line of its own (the main file's page or document does), and it
//! is a manuscript's part when the manuscript its main file assembles is one.

use std::path::{Path, PathBuf};

/// The main file that includes a child document.
#[derive(Clone, Debug)]
pub struct Parent {
    pub path: PathBuf,
    /// The main file's front matter, parsed (its `bibliography:`, its `format:`).
    pub front_matter: Option<serde_json::Value>,
    /// The heading titles of the assembled document: the main file's and every part's it
    /// includes from its folder, in the order the files are read.
    pub headings: Vec<String>,
}

/// Whether the file at `path` may be a child: Quarto or R Markdown, or named `_x` (Quarto's
/// convention for files that are only included). Reading a plain Markdown article's siblings
/// for every article of a large folder would be quadratic.
pub fn may_be_child(path: &str) -> bool {
    let underscored = Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('_'));
    super::is_literate(path) || underscored
}

/// The file that includes `path` as a child, if one does: a Quarto or R Markdown file in the
/// same folder, or in the folder above (`{{< include paper/intro.qmd >}}` from `index.qmd`),
/// whose include, resolved from its own folder, is this file. Of several, the first (by
/// name) that names a bibliography, else the first.
pub fn find(path: &Path) -> Option<Parent> {
    let target = canonical(path);
    let here = path.parent().unwrap_or(Path::new(""));
    let up = if here.as_os_str().is_empty() {
        PathBuf::from("..")
    } else {
        here.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    for dir in [here.to_path_buf(), up] {
        let mains = mains_in(&dir);
        let mut including = mains
            .iter()
            .filter(|m| m.key != target && m.includes.contains(&target));
        let Some(first) = including.clone().next() else {
            continue;
        };
        let names_bibliography = |m: &&Main| {
            m.front_matter
                .as_ref()
                .is_some_and(|v| v.get("bibliography").is_some())
        };
        let m = including.find(names_bibliography).unwrap_or(first);
        return Some(Parent {
            path: m.path.clone(),
            front_matter: m.front_matter.clone(),
            headings: m.headings.clone(),
        });
    }
    None
}

/// A file of a folder that includes others.
struct Main {
    /// As shown: the folder as given, joined with the file's name.
    path: PathBuf,
    /// Its path on disk, to compare with.
    key: PathBuf,
    front_matter: Option<serde_json::Value>,
    /// Its headings and those of every part it includes.
    headings: Vec<String>,
    /// The parts it includes, by their paths on disk.
    includes: Vec<PathBuf>,
}

/// The files of a folder that include others, read once per folder and run (a folder of a
/// thousand parts is read once, not once per part).
fn mains_in(dir: &Path) -> std::sync::Arc<Vec<Main>> {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock};
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, Arc<Vec<Main>>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let key = canonical(dir);
    if let Some(found) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return found.clone();
    }
    let read = Arc::new(read_mains(dir));
    cache
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(key, read.clone());
    read
}

fn read_mains(dir: &Path) -> Vec<Main> {
    let shown = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = std::fs::read_dir(shown) else {
        return Vec::new();
    };
    let mut names: Vec<std::ffi::OsString> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .filter(|n| {
            Path::new(n)
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ["qmd", "rmd", "md"].contains(&e.to_ascii_lowercase().as_str()))
        })
        .collect();
    names.sort();
    names.truncate(1000);
    let mut out = Vec::new();
    for name in names {
        let p = dir.join(&name);
        let Some(text) = super::bibliography::read_small(&p) else {
            continue;
        };
        let children = children(&text);
        if children.is_empty() {
            continue;
        }
        let base = p.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut headings = atx_headings(&text);
        for c in &children {
            if let Some(t) = super::bibliography::read_small(&base.join(c)) {
                headings.extend(atx_headings(&t));
            }
        }
        out.push(Main {
            key: canonical(&p),
            includes: children.iter().map(|c| canonical(&base.join(c))).collect(),
            front_matter: super::front_matter::FrontMatter::detect(&text).and_then(|f| f.value),
            headings,
            path: p,
        });
    }
    out
}

/// A path on disk (symbolic links followed), or as written when it cannot be resolved.
fn canonical(path: &Path) -> PathBuf {
    let shown = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    std::fs::canonicalize(shown).unwrap_or_else(|_| lexical(path))
}

/// A path with `.` dropped and `..` applied to the part before it (no file system access).
fn lexical(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// The type of the Quarto project a file belongs to (`project: type: manuscript` in the
/// nearest `_quarto.yml` of its folder or one above): `manuscript`, `book`, `website`…
pub fn quarto_project_type(path: &Path) -> Option<String> {
    let path = canonical(path);
    let mut at = path.parent();
    for _ in 0..32 {
        let d = at?;
        let shown = if d.as_os_str().is_empty() {
            Path::new(".")
        } else {
            d
        };
        let project = shown.join("_quarto.yml");
        if project.is_file() {
            return super::bibliography::read_yaml(&project)?
                .get("project")?
                .get("type")?
                .as_str()
                .map(str::to_ascii_lowercase);
        }
        at = d.parent();
    }
    None
}

/// The paths, as written, of the files a document includes as children: Quarto's `{{< include x.qmd >}}`,
/// knitr's `child = "x.Rmd"` on a chunk's header and Quarto's `#| child: x.qmd` (or
/// `#| child: "x.qmd"`) in a chunk.
pub fn children(text: &str) -> Vec<String> {
    let mut out: Vec<String> = super::markdown::includes(text);
    for (i, _) in text.match_indices("child") {
        let rest = text[i + 5..].trim_start_matches([' ', '\t']);
        let value = if let Some(r) = rest.strip_prefix('=') {
            // knitr: `child = "x.Rmd"` (quoted)
            let r = r.trim_start();
            let Some(q) = r.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                continue;
            };
            let inner = &r[1..];
            inner.find(q).map(|end| &inner[..end])
        } else if let Some(r) = rest.strip_prefix(':') {
            // Quarto's chunk option, on a `#|` line
            let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
            if !text[line_start..i].trim_start().starts_with("#|") {
                continue;
            }
            let v = r.lines().next().unwrap_or("").trim();
            Some(v.trim_matches(['"', '\'']))
        } else {
            None
        };
        if let Some(name) = value.filter(|v| !v.is_empty()) {
            out.push(name.to_string());
        }
    }
    out
}

/// The titles of a text's ATX headings (`# Methods`, `## 2. Results {#sec-results}`) outside
/// fenced code.
fn atx_headings(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut fence: Option<&str> = None;
    for line in text.lines() {
        let t = line.trim_start();
        if let Some(f) = fence {
            if t.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if t.starts_with("```") {
            fence = Some("```");
            continue;
        }
        if t.starts_with("~~~") {
            fence = Some("~~~");
            continue;
        }
        let hashes = t.bytes().take_while(|b| *b == b'#').count();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with([' ', '\t']) {
            out.push(t[hashes..].trim().trim_end_matches('#').trim().to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn children_are_read_in_the_three_forms() {
        let text = "{{< include _intro.qmd >}}\n\n```{r child = \"sub/methods.Rmd\"}\n```\n\n\
                    ```{r}\n#| child: 03-results.qmd\n```\n\n```{r}\n#| child: \"04-discussion.qmd\"\n```\n";
        assert_eq!(
            children(text),
            [
                "_intro.qmd",
                "sub/methods.Rmd",
                "03-results.qmd",
                "04-discussion.qmd"
            ]
        );
        // the word in prose, or a `child:` key outside a chunk option, names no child
        assert!(children("Each child: a person under 18.\nchild = unquoted.Rmd\n").is_empty());
    }

    #[test]
    fn paths_resolve_lexically() {
        assert_eq!(lexical(Path::new("a/./b/../c.qmd")), Path::new("a/c.qmd"));
        assert_eq!(
            lexical(&Path::new("paper").join("../use_cases/x.qmd")),
            Path::new("use_cases/x.qmd")
        );
        assert_eq!(lexical(Path::new("../up.qmd")), Path::new("../up.qmd"));
    }

    #[test]
    fn headings_outside_code() {
        let text = "# Methods\n\n```r\n# a comment\n```\n\n## 2. Results ##\nText\n#hashtag\n";
        assert_eq!(atx_headings(text), ["Methods", "2. Results"]);
    }
}
