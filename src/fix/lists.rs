//! Rewriting one numbered reference list and every marker that resolves against it: entries
//! put in a new order (some dropped, some merged into another), each marker's numbers
//! rewritten in the marker's own style. Everything outside the markers and the list stays as it
//! is. A list or marker that cannot be rewritten with certainty is an `Err` with the reason.

use super::Edit;
use crate::document::{BlockKind, CiteSyntax, Document, Format, ListKind, RefKey};
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// The new shape of a list: `order` holds the entries kept (reference indices) in their new
/// order, numbered from 1; `merged` sends an entry that is dropped to the entry that replaces it.
pub struct Reshape {
    pub list: usize,
    pub order: Vec<usize>,
    pub merged: HashMap<usize, usize>,
}

/// Can the list be rewritten at all? Its entries' numbers as written, in list order.
pub fn numbered_entries(doc: &Document, l: usize) -> Result<Vec<u32>, String> {
    if doc.format == Format::Html {
        return Err("reference lists in HTML are not rewritten".into());
    }
    let list = doc.lists.get(l).ok_or("no such list")?;
    if list.kind != ListKind::Numbered {
        return Err("only numbered reference lists are rewritten".into());
    }
    // numeric link definitions (`[1]: https://…`) or numbered front-matter references beside
    // the list: a renumbered `[1]` would take another definition's link
    if doc.lists.iter().any(|o| {
        o.kind != ListKind::Numbered
            && o.entries
                .iter()
                .any(|&r| matches!(doc.references[r].key, RefKey::Num(_)))
    }) {
        return Err("another list of the article also numbers its entries".into());
    }
    let mut nums = Vec::new();
    for &r in &list.entries {
        match doc.references[r].key {
            RefKey::Num(n) if n > 0 => nums.push(n),
            _ => return Err("the reference list has entries that are not numbered".into()),
        }
    }
    let mut sorted = nums.clone();
    sorted.sort_unstable();
    sorted.dedup();
    if sorted.len() != nums.len() {
        return Err("the reference list gives one number to two entries".into());
    }
    Ok(nums)
}

/// The markers that resolve against list `l`, checked: every one numbered, well formed and
/// resolved. Indices into `doc.citations`.
pub fn markers_of(doc: &Document, l: usize) -> Result<Vec<usize>, String> {
    let list = &doc.lists[l];
    let mut out = Vec::new();
    for (i, c) in doc.citations.iter().enumerate() {
        let uses = c.list == Some(l)
            || c.targets
                .iter()
                .any(|t| t.resolved.is_some_and(|r| doc.references[r].list == l));
        if !uses {
            continue;
        }
        let shown = doc.text[c.span.clone()].trim();
        if !c.syntax.is_numeric() {
            return Err(format!("the marker `{shown}` is not a number"));
        }
        if c.malformed.is_some() {
            return Err(format!("the marker `{shown}` is malformed"));
        }
        if c.span.start < list.span.end && list.span.start < c.span.end {
            return Err(format!("the marker `{shown}` stands inside the list"));
        }
        for t in &c.targets {
            match t.resolved {
                Some(r) if doc.references[r].list == l => {}
                _ => {
                    return Err(format!(
                        "the marker `{shown}` names {}, which the list does not resolve",
                        t.key
                    ));
                }
            }
        }
        out.push(i);
    }
    unread_brackets(doc, l)?;
    Ok(out)
}

/// The marker that holds byte `at` (markers are sorted and do not overlap).
pub(super) fn citation_at(doc: &Document, at: usize) -> Option<usize> {
    let i = doc.citations.partition_point(|c| c.span.start <= at);
    let i = i.checked_sub(1)?;
    doc.citations[i].span.contains(&at).then_some(i)
}

/// The blocks that start in `range` (blocks are in document order).
fn blocks_in(doc: &Document, range: Range<usize>) -> &[crate::document::Block] {
    let from = doc.blocks.partition_point(|b| b.span.start < range.start);
    let to = doc
        .blocks
        .partition_point(|b| b.span.start < range.end)
        .max(from);
    &doc.blocks[from..to]
}

/// A bracketed number in the list's scope that the parser did not take for a citation
/// (`[3]` before a `[label]`, in an unusual spot) may still mean an entry: renumbering would
/// leave it pointing at another source, so the list is not touched.
fn unread_brackets(doc: &Document, l: usize) -> Result<(), String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"\[\s*[0-9]{1,3}(?:\s*[-–—,;]\s*[0-9]{1,3})*\s*\]").expect("bracket")
    });
    let list = &doc.lists[l];
    for b in blocks_in(doc, list.scope.clone())
        .iter()
        .filter(|b| b.role == crate::document::Role::Prose && !list.span.contains(&b.span.start))
    {
        let region = &doc.text[b.span.clone()];
        for m in re.find_iter(region) {
            let at = b.span.start + m.start();
            let after = &region[m.end()..];
            if doc.in_code(at) || after.starts_with(['(', ':']) || citation_at(doc, at).is_some() {
                continue;
            }
            return Err(format!("`{}` is not read as a citation", m.as_str()));
        }
    }
    Ok(())
}

/// The edits that give list `shape.list` its new shape.
pub fn reshape(doc: &Document, shape: &Reshape) -> Result<Vec<Edit>, String> {
    let l = shape.list;
    numbered_entries(doc, l)?;
    let markers = markers_of(doc, l)?;
    // the new number of every entry (merged ones: the number of the entry that replaces them)
    let mut number: HashMap<usize, u32> = HashMap::new();
    for (i, &r) in shape.order.iter().enumerate() {
        number.insert(r, i as u32 + 1);
    }
    for (&from, &to) in &shape.merged {
        let n = *number
            .get(&to)
            .ok_or("an entry is merged into one that is dropped")?;
        number.insert(from, n);
    }
    let mut edits = Vec::new();
    let defaults = Defaults::of(doc, &markers);
    for &m in &markers {
        let c = &doc.citations[m];
        let mut changed = false;
        let mut new = Vec::new();
        for t in &c.targets {
            let r = t.resolved.ok_or("an unresolved marker")?;
            let RefKey::Num(old) = t.key else {
                return Err("a marker names a reference by key".into());
            };
            let n = *number
                .get(&r)
                .ok_or_else(|| format!("reference {old} is cited but would be removed"))?;
            changed |= n != old;
            new.push(n);
        }
        if !changed {
            continue;
        }
        new.sort_unstable();
        new.dedup();
        edits.push(rewrite_marker(doc, m, &new, &defaults)?);
    }
    edits.push(rewrite_list(doc, l, &shape.order, &number)?);
    edits.retain(|e| doc.text[e.range.clone()] != e.text);
    Ok(edits)
}

/// Separators and dashes the article writes, for markers that have none of their own.
struct Defaults {
    sep: HashMap<SyntaxKind, String>,
    dash: HashMap<SyntaxKind, String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum SyntaxKind {
    Plain,
    Super,
    Linked,
}

fn kind(s: CiteSyntax) -> SyntaxKind {
    match s {
        CiteSyntax::Superscript => SyntaxKind::Super,
        CiteSyntax::Linked => SyntaxKind::Linked,
        _ => SyntaxKind::Plain,
    }
}

impl Defaults {
    fn of(doc: &Document, markers: &[usize]) -> Defaults {
        let mut d = Defaults {
            sep: HashMap::new(),
            dash: HashMap::new(),
        };
        for &m in markers {
            let c = &doc.citations[m];
            let k = kind(c.syntax);
            if let Ok(parts) = parts_of(doc, m) {
                if let Some(s) = parts.seps.first() {
                    d.sep.entry(k).or_insert_with(|| s.clone());
                }
                if let Some(s) = parts.dashes.first() {
                    d.dash.entry(k).or_insert_with(|| s.clone());
                }
            }
        }
        d
    }
}

/// A marker taken apart: where its numbers are written (`body`), the separators between
/// items and the dashes inside ranges, whether it holds a range of two.
struct Parts {
    body: Range<usize>,
    seps: Vec<String>,
    dashes: Vec<String>,
    ranges: Vec<(u32, u32)>,
    /// for linked markers: the anchor before the number (`#cit/section_2.`)
    anchor: Option<String>,
}

fn linked_item() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"\[([0-9]{1,4})\]\(([^)\s]*)\)").expect("linked item"))
}

pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c)
}

pub(super) fn digit_value(s: &str) -> Option<u32> {
    let mut n: u32 = 0;
    for c in s.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            _ => "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|x| x == c)? as u32,
        };
        n = n.checked_mul(10)?.checked_add(d)?;
    }
    Some(n)
}

fn parts_of(doc: &Document, m: usize) -> Result<Parts, String> {
    let c = &doc.citations[m];
    let whole = &doc.text[c.span.clone()];
    if c.syntax == CiteSyntax::Linked {
        return linked_parts(doc, m);
    }
    let start = c
        .targets
        .iter()
        .map(|t| t.span.start)
        .min()
        .ok_or("empty")?;
    let end = c.targets.iter().map(|t| t.span.end).max().ok_or("empty")?;
    let body = &doc.text[start..end];
    // the body holds numbers, separators and dashes only
    if !body
        .chars()
        .all(|ch| is_digit(ch) || ",; \t-–—⁻".contains(ch))
    {
        return Err(format!("cannot read the marker `{}`", whole.trim()));
    }
    let mut seps = Vec::new();
    let mut dashes = Vec::new();
    let mut ranges = Vec::new();
    // tokens: runs of digits and runs of what lies between them
    let mut nums: Vec<(u32, Range<usize>)> = Vec::new();
    let mut i = 0;
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    while i < chars.len() {
        let s = chars[i].0;
        let digit = is_digit(chars[i].1);
        let mut j = i;
        while j < chars.len() && is_digit(chars[j].1) == digit {
            j += 1;
        }
        let e = chars.get(j).map_or(body.len(), |x| x.0);
        if digit {
            nums.push((digit_value(&body[s..e]).ok_or("a number too large")?, s..e));
        }
        i = j;
    }
    for w in nums.windows(2) {
        let between = &body[w[0].1.end..w[1].1.start];
        if between.contains(['-', '–', '—', '⁻']) {
            dashes.push(between.to_string());
            ranges.push((w[0].0, w[1].0));
        } else {
            seps.push(between.to_string());
        }
    }
    Ok(Parts {
        body: start..end,
        seps,
        dashes,
        ranges,
        anchor: None,
    })
}

fn linked_parts(doc: &Document, m: usize) -> Result<Parts, String> {
    let c = &doc.citations[m];
    let whole = &doc.text[c.span.clone()];
    if whole.starts_with('<') {
        return Err(format!(
            "the HTML link `{}` is not renumbered",
            whole.trim()
        ));
    }
    let items: Vec<regex::Captures> = linked_item().captures_iter(whole).collect();
    let first = items.first().ok_or("a linked marker without links")?;
    let last = items.last().ok_or("a linked marker without links")?;
    let mut anchor: Option<String> = None;
    for it in &items {
        let n = &it[1];
        let a = &it[2];
        let prefix = a
            .strip_suffix(n)
            .filter(|p| !p.ends_with(|c: char| c.is_ascii_digit()));
        let Some(prefix) = prefix else {
            return Err(format!(
                "the link `{}` does not end its anchor with its number",
                &it[0]
            ));
        };
        match &anchor {
            Some(p) if p != prefix => {
                return Err(format!("the marker `{}` mixes anchors", whole.trim()));
            }
            _ => anchor = Some(prefix.to_string()),
        }
    }
    let mut seps = Vec::new();
    let mut dashes = Vec::new();
    let mut ranges = Vec::new();
    for w in items.windows(2) {
        let (a, b) = (w[0].get(0).expect("m"), w[1].get(0).expect("m"));
        let between = &whole[a.end()..b.start()];
        if !between.chars().all(|ch| ",; \t-–—".contains(ch)) {
            return Err(format!("cannot read the marker `{}`", whole.trim()));
        }
        if between.contains(['-', '–', '—']) {
            dashes.push(between.to_string());
            ranges.push((w[0][1].parse().unwrap_or(0), w[1][1].parse().unwrap_or(0)));
        } else {
            seps.push(between.to_string());
        }
    }
    let at = c.span.start;
    Ok(Parts {
        body: at + first.get(0).expect("m").start()..at + last.get(0).expect("m").end(),
        seps,
        dashes,
        ranges,
        anchor,
    })
}

/// The marker `m` rewritten to name `new` (sorted, distinct), in its own style.
fn rewrite_marker(doc: &Document, m: usize, new: &[u32], d: &Defaults) -> Result<Edit, String> {
    let c = &doc.citations[m];
    let k = kind(c.syntax);
    let p = parts_of(doc, m)?;
    let sep = p
        .seps
        .first()
        .or(d.sep.get(&k))
        .cloned()
        .unwrap_or_else(|| if k == SyntaxKind::Plain { ", " } else { "," }.to_string());
    let dash = p
        .dashes
        .first()
        .or(d.dash.get(&k))
        .cloned()
        .unwrap_or_else(|| {
            match k {
                SyntaxKind::Super => "⁻",
                SyntaxKind::Linked => "-",
                SyntaxKind::Plain => "–",
            }
            .to_string()
        });
    // ranges only where the marker wrote one; a range of two only where it wrote one
    let min_run = if p.ranges.is_empty() {
        usize::MAX
    } else if p.ranges.iter().any(|&(a, b)| b == a + 1) {
        2
    } else {
        3
    };
    let mut groups: Vec<(u32, u32)> = Vec::new();
    for &n in new {
        match groups.last_mut() {
            Some((_, b)) if *b + 1 == n => *b = n,
            _ => groups.push((n, n)),
        }
    }
    let num = |n: u32| -> String {
        let s = n.to_string();
        match k {
            SyntaxKind::Super => s
                .chars()
                .map(|c| {
                    "⁰¹²³⁴⁵⁶⁷⁸⁹"
                        .chars()
                        .nth(c as usize - '0' as usize)
                        .unwrap_or(c)
                })
                .collect(),
            SyntaxKind::Linked => {
                format!("[{n}]({}{n})", p.anchor.as_deref().unwrap_or(""))
            }
            SyntaxKind::Plain => s,
        }
    };
    let mut items: Vec<String> = Vec::new();
    for (a, b) in groups {
        let len = (b - a + 1) as usize;
        if len >= min_run {
            items.push(format!("{}{dash}{}", num(a), num(b)));
        } else {
            items.extend((a..=b).map(num));
        }
    }
    if c.syntax == CiteSyntax::Linked
        && items.len() > 1
        && !doc.text[c.span.clone()].starts_with("[[")
        && !doc.text[c.span.clone()].starts_with("[ ")
    {
        return Err("a single link cannot name several references".into());
    }
    Ok(Edit {
        range: p.body,
        text: items.join(&sep),
    })
}

/// Where an entry's number is written, found in the source when the parser did not say.
fn key_range(doc: &Document, r: usize, chunk: &Range<usize>) -> Result<Range<usize>, String> {
    let e = &doc.references[r];
    let RefKey::Num(n) = e.key else {
        return Err("an entry without a number".into());
    };
    let want = n.to_string();
    if e.key_span.start < e.key_span.end {
        if doc.text.get(e.key_span.clone()) == Some(want.as_str())
            && chunk.start <= e.key_span.start
            && e.key_span.end <= chunk.end
        {
            return Ok(e.key_span.clone());
        }
        return Err(format!("cannot find the number of entry {n}"));
    }
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"^(?:[-*+][ \t]+)?(?:\[([0-9]{1,4})\]|([0-9]{1,4})[.)])").expect("entry number")
    });
    let src = &doc.text[chunk.clone()];
    let caps = re
        .captures(src)
        .ok_or_else(|| format!("cannot find the number of entry {n}"))?;
    let g = caps.get(1).or(caps.get(2)).expect("group");
    if g.as_str() != want {
        return Err(format!("cannot find the number of entry {n}"));
    }
    Ok(chunk.start + g.start()..chunk.start + g.end())
}

/// The list rewritten: the entries in `order`, renumbered, in the places the old entries held.
fn rewrite_list(
    doc: &Document,
    l: usize,
    order: &[usize],
    number: &HashMap<usize, u32>,
) -> Result<Edit, String> {
    let list = &doc.lists[l];
    if order.is_empty() {
        return Err("the list would be left empty".into());
    }
    // an entry runs to the end of its last line, and of the lines of the blocks it owns (an
    // item's span may stop inside a link at the end of its line)
    let eol = |at: usize| doc.text[at..].find('\n').map_or(doc.text.len(), |i| at + i);
    let mut chunks: Vec<Range<usize>> = Vec::new();
    for (i, &r) in list.entries.iter().enumerate() {
        let e = &doc.references[r];
        if e.path.is_some() || e.span.end > doc.text.len() || e.span.start >= e.span.end {
            return Err("an entry outside the file".into());
        }
        let block = blocks_in(doc, e.span.start..e.span.start + 1).first();
        if block.is_some_and(|b| matches!(b.kind, BlockKind::Heading(_))) {
            return Err("entries written as headings are not reordered".into());
        }
        let next = list
            .entries
            .get(i + 1)
            .map_or(list.span.end, |&n| doc.references[n].span.start);
        let mut end = eol(e.span.end - 1);
        for b in blocks_in(doc, e.span.start + 1..next)
            .iter()
            .filter(|b| b.role == crate::document::Role::Reference && b.span.end > b.span.start)
        {
            end = end.max(eol(b.span.end - 1));
        }
        let raw = &doc.text[e.span.start..end];
        chunks.push(e.span.start..e.span.start + raw.trim_end().len());
    }
    for w in chunks.windows(2) {
        if w[1].start < w[0].end {
            return Err("the entries overlap".into());
        }
        if !doc.text[w[0].end..w[1].start].trim().is_empty() {
            return Err("text stands between the entries".into());
        }
    }
    let index: HashMap<usize, usize> = list
        .entries
        .iter()
        .enumerate()
        .map(|(i, &r)| (r, i))
        .collect();
    let mut out = String::new();
    for (k, &r) in order.iter().enumerate() {
        let i = *index.get(&r).ok_or("an entry of another list")?;
        let chunk = &chunks[i];
        let key = key_range(doc, r, chunk)?;
        let n = number.get(&r).ok_or("an entry without a new number")?;
        out.push_str(&doc.text[chunk.start..key.start]);
        out.push_str(&n.to_string());
        out.push_str(&doc.text[key.end..chunk.end]);
        if k + 1 < order.len() {
            out.push_str(&doc.text[chunks[k].end..chunks[k + 1].start]);
        }
    }
    let range = chunks[0].start..chunks[chunks.len() - 1].end;
    Ok(Edit { range, text: out })
}
