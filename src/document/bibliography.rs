//! Bibliographies named by front-matter `bibliography:` (pandoc's convention: one file or a
//! list), by LaTeX in the body (`\bibliography{refs}`, natbib's way in an R Markdown manuscript
//! knitted to PDF; `\addbibresource{refs.bib}`, biblatex's), by a Quarto project (`_quarto.yml`, `_metadata.yml`) or a bookdown book (the first
//! chapter of `_bookdown.yml`, or an `index.Rmd` that says `site: bookdown::…`), by the
//! document that pulls a
//! child in (`{{< include >}}`), or by the config; resolved relative to the file that names
//! them. BibTeX/BibLaTeX (`.bib`, `.bibtex`, read with typst's `biblatex` crate), CSL-JSON and
//! CSL-YAML. Each entry keeps its title, identifiers and abstract for the evidence rule.

use super::{
    Citation, CiteSyntax, Document, Ids, ListKind, RefKey, Reference, ReferenceList, Role, Target,
};
use crate::diagnostic::{Diagnostic, Label, Severity};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Rule id for problems with the input itself (unreadable files, broken front matter or
/// bibliography). Always on; never fails silently.
pub const PARSE_ERROR: &str = "parse-error";

/// A bibliography file as named: the name, the folder it is relative to, and the span in the
/// article that names it (empty when a project file or a parent document names it).
struct Named {
    name: String,
    base: PathBuf,
    span: Range<usize>,
    /// What names it, when the article does not (shown in messages).
    by: Option<String>,
}

/// The names in a `bibliography:` value (a string or a list of strings).
fn names_in(v: Option<&serde_json::Value>) -> Vec<String> {
    match v {
        Some(serde_json::Value::String(s)) => vec![s.clone()],
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str())
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

/// What pandoc's `nocite:` asks to print without a citation: `@*` every entry, otherwise
/// the `@key`s written there (a string, or a list of strings).
#[derive(Debug, Default, PartialEq)]
pub struct Nocite {
    pub all: bool,
    pub keys: Vec<String>,
}

impl Nocite {
    /// Whether the entry is printed in the article's reference list by `nocite:`.
    pub fn lists(&self, key: &RefKey) -> bool {
        match key {
            RefKey::Key(k) => self.all || self.keys.iter().any(|n| n == k),
            _ => false,
        }
    }
}

impl Document {
    /// The front matter's `nocite:` field.
    pub fn nocite(&self) -> Nocite {
        let mut out = Nocite::default();
        let fm = self.front_matter.as_ref().and_then(|f| f.value.as_ref());
        for field in names_in(fm.and_then(|v| v.get("nocite"))) {
            for word in field.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
                match word.strip_prefix('@') {
                    Some("*") => out.all = true,
                    Some(k) if !k.is_empty() => out.keys.push(k.to_string()),
                    _ => {}
                }
            }
        }
        out
    }
}

fn named(doc: &Document, base: &Path) -> Vec<Named> {
    let mut out: Vec<Named> = latex_named(doc)
        .into_iter()
        .map(|(name, span)| Named {
            name,
            base: base.to_path_buf(),
            span,
            by: None,
        })
        .collect();
    out.extend(front_matter_named(doc, base));
    out
}

/// The files named by `\bibliography{a,b}` (natbib and plain LaTeX: `.bib` is implied) and
/// `\addbibresource[…]{a.bib}` (biblatex) in the prose of the article, each with the span of
/// its name. A command in code, or escaped (`\\bibliography`), names nothing.
pub fn latex_named(doc: &Document) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    for b in &doc.blocks {
        let src = &doc.text[b.span.clone()];
        // both commands start with a backslash: most blocks have none
        if memchr::memchr(b'\\', src.as_bytes()).is_none() {
            continue;
        }
        for (cmd, implied_ext) in [("\\bibliography", true), ("\\addbibresource", false)] {
            let mut from = 0;
            while let Some(k) = src[from..].find(cmd) {
                let at = from + k;
                from = at + cmd.len();
                if src[..at].ends_with('\\') {
                    continue;
                }
                let mut rest = &src[from..];
                // biblatex options: `\addbibresource[location=remote]{…}`
                if !implied_ext && rest.starts_with('[') {
                    let Some(close) = rest.find(']') else {
                        continue;
                    };
                    rest = &rest[close + 1..];
                }
                let Some(inner) = rest.strip_prefix('{') else {
                    continue;
                };
                let Some(end) = inner.find('}') else { continue };
                let inner_at = b.span.start + (src.len() - inner.len());
                let mut pos = 0;
                for part in inner[..end].split(',') {
                    let name = part.trim();
                    let lead = part.len() - part.trim_start().len();
                    if !name.is_empty() && !name.contains(char::is_whitespace) {
                        let start = inner_at + pos + lead;
                        let file = if implied_ext && Path::new(name).extension().is_none() {
                            format!("{name}.bib")
                        } else {
                            name.to_string()
                        };
                        out.push((file, start..start + name.len()));
                    }
                    pos += part.len() + 1;
                }
            }
        }
    }
    out
}

fn front_matter_named(doc: &Document, base: &Path) -> Vec<Named> {
    let Some(fm) = &doc.front_matter else {
        return Vec::new();
    };
    let span = fm
        .key("bibliography")
        .map(|k| k.value_span.clone())
        .unwrap_or(fm.span.clone());
    names_in(fm.value.as_ref().and_then(|v| v.get("bibliography")))
        .into_iter()
        .map(|name| Named {
            name,
            base: base.to_path_buf(),
            span: span.clone(),
            by: None,
        })
        .collect()
}

/// Files larger than this are not read as bibliographies.
const MAX_BIB_BYTES: u64 = 32 << 20;

/// Read a small YAML file (a Quarto project or metadata file) as a value.
pub(super) fn read_yaml(path: &Path) -> Option<serde_json::Value> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > 1 << 20 {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    serde_saphyr::from_str::<serde_json::Value>(&text).ok()
}

/// The bibliography a project gives the article: `_metadata.yml` in its folder, or the
/// nearest `_quarto.yml` (Quarto) or `_bookdown.yml` (bookdown: the first chapter's
/// bibliography) in its folder or above.
fn from_project(dir: &Path) -> Vec<Named> {
    let meta = dir.join("_metadata.yml");
    if let Some(v) = read_yaml(&meta) {
        let names = names_in(v.get("bibliography"));
        if !names.is_empty() {
            return with_base(names, dir, &meta);
        }
    }
    let mut at = Some(dir);
    for _ in 0..32 {
        let Some(d) = at else { break };
        let project = d.join("_quarto.yml");
        if project.is_file() {
            let v = read_yaml(&project);
            return with_base(
                names_in(v.as_ref().and_then(|v| v.get("bibliography"))),
                d,
                &project,
            );
        }
        let book = d.join("_bookdown.yml");
        if book.is_file() {
            return from_book(&book, d);
        }
        // a bookdown book without `_bookdown.yml`: its `index.Rmd` says `site: bookdown::…`
        // and every chapter beside it is merged after it
        let index = d.join("index.Rmd");
        if index.is_file() {
            let fm = read_small(&index)
                .and_then(|t| super::front_matter::FrontMatter::detect(&t))
                .and_then(|f| f.value);
            let site = fm
                .as_ref()
                .and_then(|v| v.get("site"))
                .and_then(|v| v.as_str());
            if site.is_some_and(|s| s.contains("bookdown")) {
                return with_base(
                    names_in(fm.as_ref().and_then(|v| v.get("bibliography"))),
                    d,
                    &index,
                );
            }
        }
        at = d.parent().filter(|p| !p.as_os_str().is_empty());
    }
    Vec::new()
}

/// A bookdown book merges its chapters into one document: the bibliography its first file
/// (`rmd_files[0]`, else `index.Rmd`) names serves every chapter.
fn from_book(book: &Path, dir: &Path) -> Vec<Named> {
    let first = read_yaml(book)
        .and_then(|v| {
            v.get("rmd_files")
                .and_then(|f| f.as_array())
                .and_then(|a| a.first())
                .and_then(|f| f.as_str())
                .map(str::to_string)
        })
        .unwrap_or_else(|| "index.Rmd".to_string());
    let path = dir.join(first);
    let Some(text) = read_small(&path) else {
        return Vec::new();
    };
    let fm = super::front_matter::FrontMatter::detect(&text);
    let names = names_in(
        fm.as_ref()
            .and_then(|f| f.value.as_ref())
            .and_then(|v| v.get("bibliography")),
    );
    with_base(names, dir, &path)
}

/// A book's file of at most 4 MB, as text.
pub(super) fn read_small(path: &Path) -> Option<String> {
    if std::fs::metadata(path).map_or(true, |m| !m.is_file() || m.len() > 4 << 20) {
        return None;
    }
    std::fs::read_to_string(path).ok()
}

fn with_base(names: Vec<String>, base: &Path, by: &Path) -> Vec<Named> {
    names
        .into_iter()
        .map(|name| Named {
            name,
            base: base.to_path_buf(),
            span: 0..0,
            by: Some(by.to_string_lossy().to_string()),
        })
        .collect()
}

/// The bibliography of the main file that pulls this one in as a child (see
/// [`super::parent`]), relative to the main file's folder.
fn from_parent(parent: &super::parent::Parent) -> Vec<Named> {
    let names = names_in(
        parent
            .front_matter
            .as_ref()
            .and_then(|v| v.get("bibliography")),
    );
    let dir = parent.path.parent().unwrap_or(Path::new(""));
    with_base(names, dir, &parent.path)
}

pub fn load(doc: &mut Document, opts: &super::ParseOptions) {
    let base: PathBuf = Path::new(&doc.path)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut files = named(doc, &base);
    let cites_keys = doc.citations.iter().any(|c| c.syntax.is_keyed());
    let names_none = files.is_empty()
        && doc
            .front_matter
            .as_ref()
            .and_then(|f| f.value.as_ref())
            .is_none_or(|v| v.get("references").is_none());
    if names_none && cites_keys && opts.read_files {
        files = from_project(&base);
        // a child document: the main file that includes it names the bibliography
        if files.is_empty()
            && opts.bibliographies.is_empty()
            && let Some(parent) = &doc.parent
        {
            files = from_parent(parent);
        }
    }
    if files.is_empty() && cites_keys {
        files.extend(opts.bibliographies.iter().map(|b| Named {
            name: b.clone(),
            base: base.clone(),
            span: 0..0,
            by: Some("the config".to_string()),
        }));
    }
    if files.is_empty() || !opts.read_files {
        return;
    }
    for Named {
        name,
        base,
        span,
        by,
    } in files
    {
        let path = base.join(&name);
        let shown = path.to_string_lossy().to_string();
        match read_bibliography(&path, &shown) {
            Ok((items, text)) => {
                push(doc, items, &text, shown, span);
                if let Some(l) = doc.lists.last_mut() {
                    l.named_by = by;
                }
            }
            Err((msg, at)) => {
                let label = at.map(|r| {
                    let mut l = Label::new(r, "the bibliography stops parsing here");
                    l.path = Some(shown.clone());
                    l
                });
                problem(doc, span.clone(), msg.clone(), label);
                let len = doc.text.len();
                let mut list = ReferenceList::whole_document(
                    ListKind::Bibliography,
                    span,
                    len,
                    Vec::new(),
                    Some(shown),
                );
                list.unreadable = Some(msg);
                list.named_by = by;
                doc.lists.push(list);
            }
        }
    }
}

/// `[RN54]`, `[RN54][RN55]`, `[smith2020; lee2021]`: a bibliography's keys (a file's or the
/// front matter's `references:`) in brackets
/// without the `@` pandoc needs. Pandoc prints them as written, so the reader sees a code,
/// not a citation; the writer meant one. Each becomes a citation of those entries (the
/// sentence is sourced) that `malformed-citation` reports. Only where every key in the
/// brackets is one of the bibliography's, holds a letter, and the brackets are not a link
/// (`[text](…)`, `[text]: …`), an image or a footnote.
pub fn bare_keys(doc: &mut Document) {
    let keys: std::collections::HashSet<&str> = doc
        .lists
        .iter()
        .filter(|l| matches!(l.kind, ListKind::Bibliography | ListKind::FrontMatter))
        .flat_map(|l| &l.entries)
        .filter_map(|&r| match &doc.references[r].key {
            RefKey::Key(k) => Some(k.as_str()),
            _ => None,
        })
        .collect();
    if keys.is_empty() {
        return;
    }
    // link labels as Markdown matches them: case and runs of spaces aside
    let label = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let link_labels: std::collections::HashSet<String> =
        doc.link_defs.iter().map(|(l, _)| label(l)).collect();
    let src = doc.text.as_str();
    let mut found = Vec::new();
    for b in doc.blocks.iter().filter(|b| b.role == Role::Prose) {
        let region = &src[b.span.clone()];
        for (i, _) in region.match_indices('[') {
            let at = b.span.start + i;
            let inner_start = i + 1;
            let Some(len) = region[inner_start..].find([']', '[', '\n']) else {
                continue;
            };
            let close = inner_start + len;
            if region.as_bytes()[close] != b']' || len == 0 || doc.in_code(at) {
                continue;
            }
            let before = region[..i].chars().next_back();
            let after = &region[close + 1..];
            // an image, an escaped bracket, a footnote, a wiki link `[[x]]`, a link `[x](…)`
            // or a link definition `[x]: …`, a comment
            if matches!(before, Some('!' | '\\' | '^' | '@' | '['))
                || after.starts_with(['(', ':', ']'])
                || doc.comments.iter().any(|r| r.contains(&at))
            {
                continue;
            }
            let inner = &region[inner_start..close];
            let is_link_label = |s: &str| link_labels.contains(&label(s));
            // `[RN12]` over a link definition `[RN12]: https://…` is a link, and so is
            // `[text][label]` (a reference link's text) when `label` is defined
            let next_label = after
                .strip_prefix('[')
                .and_then(|r| r.find(']').map(|e| &r[..e]));
            if is_link_label(inner) || next_label.is_some_and(is_link_label) {
                continue;
            }
            let mut targets = Vec::new();
            let mut off = inner_start;
            let mut all = true;
            for part in inner.split([';', ',']) {
                let key = part.trim();
                let lead = part.len() - part.trim_start().len();
                // (a task box `[x]` is no key)
                if key.chars().count() < 2
                    || !key.chars().any(|c| c.is_alphabetic())
                    || !keys.contains(key)
                {
                    all = false;
                    break;
                }
                let k = b.span.start + off + lead;
                targets.push(Target {
                    key: RefKey::Key(key.to_string()),
                    span: k..k + key.len(),
                    resolved: None,
                    interior: false,
                });
                off += part.len() + 1;
            }
            let span = at..b.span.start + close + 1;
            if !all
                || doc
                    .citations
                    .iter()
                    .any(|c| c.span.start < span.end && span.start < c.span.end)
            {
                continue;
            }
            let names: Vec<&str> = targets.iter().map(|t| &src[t.span.clone()]).collect();
            let what = if names.len() == 1 { "entry" } else { "entries" };
            found.push(Citation {
                span,
                syntax: CiteSyntax::Pandoc,
                targets,
                malformed: Some(format!(
                    "names the bibliography {what} {} without `@`, so pandoc prints the brackets as written",
                    names.join(", ")
                )),
                list: None,
            });
        }
    }
    if !found.is_empty() {
        doc.citations.extend(found);
        doc.citations.sort_by_key(|c| c.span.start);
    }
}

/// The kind of bibliography a file holds, from its extension or, failing that, its first
/// character.
#[derive(Clone, Copy, PartialEq)]
enum BibKind {
    Bibtex,
    CslJson,
    CslYaml,
}

fn bib_kind(path: &Path, text: &str) -> BibKind {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("bib" | "bibtex" | "biblatex") => BibKind::Bibtex,
        Some("json") => BibKind::CslJson,
        Some("yaml" | "yml") => BibKind::CslYaml,
        _ => match text.trim_start().chars().next() {
            Some('[' | '{') => BibKind::CslJson,
            Some('@' | '%') => BibKind::Bibtex,
            _ => BibKind::CslYaml,
        },
    }
}

/// Why a bibliography cannot be read, and where in it, when the parser says.
type Unreadable = (String, Option<Range<usize>>);

/// Read and parse one bibliography file: its items and text, or the reason it cannot be read
/// and, when the parser says where, the span in the file.
fn read_bibliography(path: &Path, shown: &str) -> Result<(Vec<CslItem>, String), Unreadable> {
    let meta = std::fs::metadata(path).map_err(|e| {
        (
            format!("cannot read bibliography `{shown}`: {}", io_reason(&e)),
            None,
        )
    })?;
    if !meta.is_file() {
        return Err((
            format!("bibliography `{shown}` is not a regular file"),
            None,
        ));
    }
    if meta.len() > MAX_BIB_BYTES {
        return Err((format!("bibliography `{shown}` is larger than 32 MB"), None));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        (
            format!("cannot read bibliography `{shown}`: {}", io_reason(&e)),
            None,
        )
    })?;
    if let Some(nul) = memchr::memchr(0, &bytes[..bytes.len().min(8192)]) {
        return Err((
            format!("bibliography `{shown}` looks binary (a NUL byte at offset {nul})"),
            Some(nul..nul + 1),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        (
            format!("bibliography `{shown}` is not valid UTF-8 (at byte {at})"),
            Some(at..at + 1),
        )
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    let items = match bib_kind(path, &text) {
        BibKind::Bibtex => super::bibtex::parse(&text).map_err(|(msg, at)| {
            (
                format!("bibliography `{shown}` is not valid BibTeX: {msg}"),
                Some(at),
            )
        })?,
        BibKind::CslJson => parse_csl(&text).map_err(|msg| {
            (
                format!("bibliography `{shown}` is not CSL-JSON: {msg}"),
                None,
            )
        })?,
        BibKind::CslYaml => parse_csl_yaml(&text).map_err(|msg| {
            (
                format!("bibliography `{shown}` is not CSL-YAML: {msg}"),
                None,
            )
        })?,
    };
    Ok((items, text))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn problem(doc: &mut Document, span: Range<usize>, msg: String, label: Option<Label>) {
    let mut d = Diagnostic::new(PARSE_ERROR, span, msg)
        .help("bibliography: names a BibTeX (.bib), CSL-JSON (.json) or CSL-YAML (.yaml) file, relative to the article; its markers cannot be checked until it reads");
    d.labels.extend(label);
    d.severity = Severity::Error;
    doc.problems.push(d);
}

/// One CSL-JSON item, the fields citelint reads.
pub struct CslItem {
    pub id: String,
    /// Where the item's key stands in the file, when the parser knows (BibTeX).
    pub span: Option<Range<usize>>,
    pub title: Option<String>,
    pub abstract_text: Option<String>,
    pub container: Option<String>,
    pub ids: Ids,
    /// Identifier fields (DOI, PMID, PMCID, ISBN, arXiv), spans empty until placed.
    pub identifiers: Vec<super::identifiers::Identifier>,
}

pub fn parse_csl(text: &str) -> Result<Vec<CslItem>, String> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    csl_items(&v)
}

/// CSL-YAML, as pandoc writes it: a `references:` list (optionally between `---` lines), or
/// a bare list of items.
pub fn parse_csl_yaml(text: &str) -> Result<Vec<CslItem>, String> {
    let body = text.trim_start().strip_prefix("---").unwrap_or(text);
    let body = match body.rfind("\n---").or_else(|| body.rfind("\n...")) {
        Some(i) if body[i + 4..].trim().is_empty() => &body[..i],
        _ => body,
    };
    let v: serde_json::Value = serde_saphyr::from_str(body).map_err(|e| {
        let e = e.to_string();
        e.lines().next().unwrap_or(&e).to_string()
    })?;
    let v = match v {
        serde_json::Value::Object(mut o) if o.contains_key("references") => {
            o.remove("references").unwrap_or_default()
        }
        v => v,
    };
    csl_items(&v)
}

fn csl_items(v: &serde_json::Value) -> Result<Vec<CslItem>, String> {
    let arr = match &v {
        serde_json::Value::Array(a) => a,
        serde_json::Value::Object(o) => match o.get("items").and_then(|i| i.as_array()) {
            Some(a) => a,
            None => return Err("expected an array of items".into()),
        },
        _ => return Err("expected an array of items".into()),
    };
    let mut out = Vec::with_capacity(arr.len());
    for (i, item) in arr.iter().enumerate() {
        let o = item
            .as_object()
            .ok_or_else(|| format!("item {} is not an object", i + 1))?;
        let s = |k: &str| {
            o.get(k)
                .and_then(|v| v.as_str())
                .map(|s| s.trim().to_string())
        };
        // prose fields may hold CSL rich text: entities and a few inline tags
        let prose = |k: &str| s(k).map(|t| plain_rich_text(&t));
        let id = match o.get("id") {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => return Err(format!("item {} has no `id`", i + 1)),
        };
        out.push(CslItem {
            id,
            span: None,
            title: prose("title"),
            abstract_text: prose("abstract"),
            container: prose("container-title"),
            ids: Ids {
                doi: s("DOI").or(s("doi")).map(|d| d.to_lowercase()),
                pmid: s("PMID"),
                url: s("URL"),
            },
            identifiers: o
                .iter()
                .filter_map(|(k, v)| super::identifiers::from_field(k, &json_scalar(v)?, 0..0))
                .collect(),
        });
    }
    Ok(out)
}

/// A string or number field's text (CSL-JSON may write a PMID as a number).
fn json_scalar(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The plain text of a CSL rich-text field: the inline tags CSL allows (`<i>`, `<b>`, `<sup>`,
/// `<sub>`, `<span …>`, `<sc>`) dropped and character references decoded, so that a
/// bibliography abstract reads like the same text in a Markdown list item.
pub fn plain_rich_text(raw: &str) -> String {
    const TAGS: [&str; 6] = ["i", "b", "sup", "sub", "span", "sc"];
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let tag = after.strip_prefix('/').unwrap_or(after);
        let name_len = tag
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(tag.len());
        let name = &tag[..name_len];
        let end = tag.find('>');
        let known = TAGS.iter().any(|t| t.eq_ignore_ascii_case(name))
            && tag[name_len..].starts_with([' ', '>', '/'])
            && end.is_some_and(|e| !tag[..e].contains('<'));
        if let (true, Some(e)) = (known, end) {
            rest = &tag[e + 1..];
        } else {
            out.push('<');
            rest = after;
        }
    }
    out.push_str(rest);
    super::html::decode_entities(&out)
}

fn push(doc: &mut Document, items: Vec<CslItem>, text: &str, shown: String, span: Range<usize>) {
    let list = doc.lists.len();
    let mut idx = Vec::with_capacity(items.len());
    // Items are found in file order, searching on from the previous one: a search from the
    // start for every item made a 100,000-entry bibliography quadratic. An id written
    // differently from its JSON form (a number) gets an empty span; after a few misses the
    // search stops, so misses cannot make it quadratic either.
    let (mut cursor, mut misses) = (0, 0);
    let mut line_at: (usize, u32) = (0, 1);
    for it in items {
        let needle = serde_json::to_string(&it.id).unwrap_or_default();
        let entry_span = match it.span.clone() {
            Some(s) => s,
            None => {
                let found = (misses < 16)
                    .then(|| text[cursor..].find(&needle))
                    .flatten()
                    // CSL-YAML writes ids unquoted
                    .or_else(|| (misses < 16).then(|| text[cursor..].find(&it.id)).flatten());
                match found {
                    Some(i) => {
                        let len = if text[cursor + i..].starts_with(&needle) {
                            needle.len()
                        } else {
                            it.id.len()
                        };
                        cursor += i + len;
                        cursor - len..cursor
                    }
                    None => {
                        misses += 1;
                        cursor..cursor
                    }
                }
            }
        };
        // lines counted on from the previous entry: linear over the file
        if entry_span.start >= line_at.0 {
            line_at.1 += memchr::memchr_iter(b'\n', &text.as_bytes()[line_at.0..entry_span.start])
                .count() as u32;
            line_at.0 = entry_span.start;
        }
        let body = [it.title.clone(), it.container.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        idx.push(doc.references.len());
        doc.references.push(Reference {
            key: RefKey::Key(it.id),
            span: entry_span.clone(),
            key_span: entry_span.clone(),
            text: body,
            title: it.title,
            ids: it.ids,
            abstract_text: it.abstract_text,
            excerpt: None,
            identifiers: it
                .identifiers
                .into_iter()
                .map(|mut i| {
                    i.span = entry_span.clone();
                    i
                })
                .collect(),
            list,
            path: Some(shown.clone()),
            line: Some(line_at.1),
        });
    }
    let len = doc.text.len();
    doc.lists.push(ReferenceList::whole_document(
        ListKind::Bibliography,
        span,
        len,
        idx,
        Some(shown),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nocite_names_keys_or_everything() {
        let read = |fm: &str| {
            let t = format!("---\n{fm}\n---\nText.\n");
            Document::parse(
                "t.md",
                t,
                super::super::Format::Markdown,
                &Default::default(),
            )
            .nocite()
        };
        let n = read("nocite: |\n  @lee2020, @kim2019; @park");
        assert_eq!(n.keys, ["lee2020", "kim2019", "park"]);
        assert!(!n.all);
        assert!(n.lists(&RefKey::Key("kim2019".into())));
        assert!(!n.lists(&RefKey::Key("kim".into())));
        // a numbered entry is never a bibliography key
        assert!(!n.lists(&RefKey::Num(1)));
        let all = read("nocite: '@*'");
        assert!(all.all && all.lists(&RefKey::Key("anything".into())));
        assert_eq!(read("title: x"), Nocite::default());
        assert_eq!(read("nocite: [\"@a\", \"@b\"]").keys, ["a", "b"]);
    }

    #[test]
    fn rich_text_fields_read_as_plain_text() {
        assert_eq!(
            plain_rich_text("Adults aged &#8805;65 years &amp; <i>in vitro</i> H<sub>2</sub>O"),
            "Adults aged ≥65 years & in vitro H2O"
        );
        // comparisons and unknown tags stay as written
        assert_eq!(plain_rich_text("p<0.05 and a <b"), "p<0.05 and a <b");
        assert_eq!(plain_rich_text("<em>x</em> &bogus;"), "<em>x</em> &bogus;");
        let items = parse_csl(
            r#"[{"id": "a", "title": "T &lt; U", "abstract": "Up &#x2265;2 <sup>a</sup>"}]"#,
        )
        .unwrap();
        assert_eq!(items[0].title.as_deref(), Some("T < U"));
        assert_eq!(items[0].abstract_text.as_deref(), Some("Up ≥2 a"));
    }
}
