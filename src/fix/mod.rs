//! `--fix`: the edits that mend what some citation rules find, computed from the parsed
//! [`Document`] and the findings, never by the rules themselves.
//!
//! A fix runs in passes: mend malformed ranges, merge duplicate entries, (unsafe) drop unused
//! entries, renumber in order of first citation; after each pass the text is parsed again and
//! checked: every marker must cite the same source text as before (or, for a merge, the entry
//! it was merged into; for a mended range, the range it now names). A pass that would change
//! what a marker cites abandons the whole file: nothing of it is written. A list or marker that
//! cannot be rewritten with certainty (a marker that does not resolve, a malformed one, entries
//! written as headings, HTML) is left as it is, with the reason.

pub mod diff;
pub mod file;
mod lists;
pub mod write;

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::document::{Document, Format, ListKind, RefKey};
use lists::Reshape;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

/// Replace `range` of the text with `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub text: String,
}

/// Whether a fix may run under `--fix` alone or needs `--unsafe-fixes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Safety {
    Safe,
    Unsafe,
}

/// The rules whose findings `--fix` mends, how safely, and what the fix does.
pub const FIXES: &[(&str, Safety, &str)] = &[
    (
        "malformed-citation",
        Safety::Safe,
        "a reversed range is turned round ([5–3] → [3–5], when every number in it is listed), a one-item range becomes its number ([4–4] → [4]) and a bibliography's key in brackets gets its @ ([RN12] → [@RN12])",
    ),
    (
        "duplicate-reference",
        Safety::Safe,
        "entries of a numbered list with the same DOI or PMID are merged into the first, their markers pointed at it, and the list renumbered",
    ),
    (
        "unused-reference",
        Safety::Unsafe,
        "an uncited entry of a numbered list is removed and the list renumbered (unsafe: the entry may have lost its marker by mistake)",
    ),
    (
        "citation-order",
        Safety::Safe,
        "citations are renumbered in order of first appearance and the reference list reordered to match, per list scope; every marker keeps citing the same source",
    ),
];

/// How `--fix` treats a rule's findings: `None` when it has no fix.
pub fn fixability(rule: &str) -> Option<(Safety, &'static str)> {
    FIXES
        .iter()
        .find(|(id, _, _)| *id == rule)
        .map(|&(_, s, what)| (s, what))
}

/// Apply edits (any order, none overlapping) to `text`; `None` when two overlap or one lies
/// outside the text or inside a character.
pub fn apply(text: &str, edits: &[Edit]) -> Option<String> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in sorted {
        if e.range.start < at
            || e.range.end < e.range.start
            || !text.is_char_boundary(e.range.start)
            || !text.is_char_boundary(e.range.end)
            || e.range.end > text.len()
        {
            return None;
        }
        out.push_str(&text[at..e.range.start]);
        out.push_str(&e.text);
        at = e.range.end;
    }
    out.push_str(&text[at..]);
    Some(out)
}

/// What the article cites: for every marker, the texts of the entries it resolves to (or the
/// key it names, unresolved); for every list, its entries' texts.
#[derive(Debug, PartialEq, Eq)]
struct Print {
    markers: Vec<Vec<String>>,
    lists: Vec<Vec<String>>,
}

fn print(doc: &Document) -> Print {
    let markers = doc
        .citations
        .iter()
        .map(|c| {
            let mut v: Vec<String> = c
                .targets
                .iter()
                .map(|t| match t.resolved {
                    Some(r) => doc.references[r].text.clone(),
                    None => format!("\u{0}unresolved {}", t.key),
                })
                .collect();
            v.sort();
            v.dedup();
            v
        })
        .collect();
    let lists = doc
        .lists
        .iter()
        .map(|l| {
            let mut v: Vec<String> = l
                .entries
                .iter()
                .map(|&r| doc.references[r].text.clone())
                .collect();
            v.sort();
            v
        })
        .collect();
    Print { markers, lists }
}

/// How a pass changes what the article cites.
#[derive(Default)]
struct Expect {
    /// an entry's text → the text of the entry it was merged into
    merged: HashMap<String, String>,
    /// entries removed: list and text
    dropped: Vec<(usize, String)>,
    /// markers that now name other numbers: their entries' texts
    markers: HashMap<usize, Vec<String>>,
}

fn expected(before: &Print, e: &Expect) -> Print {
    let markers = before
        .markers
        .iter()
        .enumerate()
        .map(|(i, v)| {
            if let Some(m) = e.markers.get(&i) {
                let mut m = m.clone();
                m.sort();
                m.dedup();
                return m;
            }
            let mut v: Vec<String> = v
                .iter()
                .map(|t| e.merged.get(t).cloned().unwrap_or_else(|| t.clone()))
                .collect();
            v.sort();
            v.dedup();
            v
        })
        .collect();
    let mut lists = before.lists.clone();
    for (l, text) in &e.dropped {
        if let Some(list) = lists.get_mut(*l)
            && let Some(i) = list.iter().position(|t| t == text)
        {
            list.remove(i);
        }
    }
    Print { markers, lists }
}

/// One pass: the edits, what they change, and how many findings they mend.
struct Plan {
    rule: &'static str,
    findings: usize,
    edits: Vec<Edit>,
    expect: Expect,
}

/// A plan, the reason a fix is not possible, or nothing to do.
enum Step {
    Plan(Plan),
    Skip(String),
}

/// Options of a fix run.
#[derive(Clone, Copy, Debug, Default)]
pub struct FixOptions {
    /// Also apply unsafe fixes.
    pub unsafe_fixes: bool,
}

/// What fixing a text came to.
#[derive(Clone, Debug, Default)]
pub struct Fixed {
    pub text: String,
    /// findings mended, by rule
    pub fixed: BTreeMap<&'static str, usize>,
    /// fixes not made, and why
    pub skipped: Vec<String>,
}

/// The findings a fix can mend: the fixable rules of the run, suppressions honoured.
fn findings(doc: &Document, settings: &Settings, only: Option<&str>) -> Vec<Diagnostic> {
    let mut diags = crate::run_rules(doc, settings, |rule| {
        fixability(rule.id).is_some() && only.is_none_or(|o| o == rule.id)
    });
    // suppressions honoured, none audited: unused ones are the lint run's to report
    let audit = crate::suppress::Audit {
        running: &[],
        unused: None,
    };
    crate::suppress::apply(doc, &mut diags, &audit);
    diags.retain(|d| d.suppressed.is_none() && fixability(d.rule).is_some());
    diags
}

/// Fix `text` (the file `path`): every safe fix (and the unsafe ones when asked) of the run's
/// enabled rules, pass by pass. On any doubt the text comes back unchanged.
pub fn fix_text(
    path: &str,
    text: &str,
    format: Format,
    settings: &Settings,
    opts: FixOptions,
) -> Fixed {
    fix_with(path, text, format, settings, opts, None)
}

/// One pass of [`fix_text`] for the findings of `rule` that overlap `at` (an editor's quick
/// fix for one finding).
pub fn fix_one(
    path: &str,
    text: &str,
    format: Format,
    settings: &Settings,
    opts: FixOptions,
    rule: &str,
    at: Range<usize>,
) -> Fixed {
    fix_with(path, text, format, settings, opts, Some((rule, at)))
}

fn fix_with(
    path: &str,
    text: &str,
    format: Format,
    settings: &Settings,
    opts: FixOptions,
    only: Option<(&str, Range<usize>)>,
) -> Fixed {
    let mut out = Fixed {
        text: text.to_string(),
        ..Fixed::default()
    };
    let mut tried: HashSet<(&'static str, usize)> = HashSet::new();
    let rule_only = only.as_ref().map(|(r, _)| *r);
    let at = only.map(|(_, a)| a);
    for _ in 0..256 {
        let doc = Document::parse(path, out.text.clone(), format, &settings.parse);
        let mut diags = findings(&doc, settings, rule_only);
        if let Some(a) = &at {
            diags.retain(|d| {
                d.span.start < a.end.max(a.start + 1) && a.start < d.span.end.max(d.span.start + 1)
            });
        }
        let Some((key, step)) = next_step(&doc, &diags, opts, &tried) else {
            break;
        };
        tried.insert(key);
        let plan = match step {
            Step::Skip(why) => {
                out.skipped.push(why);
                continue;
            }
            Step::Plan(p) => p,
        };
        if plan.edits.is_empty() {
            continue;
        }
        let Some(new) = apply(&out.text, &plan.edits) else {
            out.skipped
                .push(format!("{}: the edits overlap; nothing fixed", plan.rule));
            return abandon(text, out.skipped);
        };
        let after = Document::parse(path, new.clone(), format, &settings.parse);
        let want = expected(&print(&doc), &plan.expect);
        let got = print(&after);
        if got != want {
            out.skipped.push(format!(
                "{}: the fix would change what {}; nothing fixed",
                plan.rule,
                what_changed(&after, &got, &want)
            ));
            return abandon(text, out.skipped);
        }
        out.text = new;
        *out.fixed.entry(plan.rule).or_default() += plan.findings;
        if at.is_some() {
            break; // a quick fix is one pass
        }
    }
    out
}

/// Where a checked pass went wrong, for the message.
fn what_changed(after: &Document, got: &Print, want: &Print) -> String {
    if got.markers.len() != want.markers.len() {
        return format!(
            "the article cites (its {} markers would become {})",
            want.markers.len(),
            got.markers.len()
        );
    }
    match (0..got.markers.len()).find(|&i| got.markers[i] != want.markers[i]) {
        Some(i) => {
            let c = &after.citations[i];
            format!(
                "the marker `{}` on line {} cites",
                after.text[c.span.clone()].trim(),
                after.lines.line_of(c.span.start) + 1
            )
        }
        None => "a reference list holds".to_string(),
    }
}

fn abandon(text: &str, skipped: Vec<String>) -> Fixed {
    Fixed {
        text: text.to_string(),
        fixed: BTreeMap::new(),
        skipped,
    }
}

/// The next pass to run, in order: mend, merge, drop unused (unsafe), renumber.
fn next_step(
    doc: &Document,
    diags: &[Diagnostic],
    opts: FixOptions,
    tried: &HashSet<(&'static str, usize)>,
) -> Option<((&'static str, usize), Step)> {
    let of = |rule: &'static str| diags.iter().filter(move |d| d.rule == rule);
    if !tried.contains(&("malformed-citation", 0))
        && let Some(step) = mend(doc, of("malformed-citation"))
    {
        return Some((("malformed-citation", 0), step));
    }
    // a finding about an entry of a numbered list: the list and the entry
    let entry_at = |d: &Diagnostic| -> Option<(usize, usize)> {
        let r = doc
            .references
            .iter()
            .position(|e| e.path.is_none() && e.span == d.span)?;
        let l = doc.references[r].list;
        (doc.lists[l].kind == ListKind::Numbered).then_some((l, r))
    };
    // merge: the entry reported and the first one listed (the label)
    let mut merges: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for d in of("duplicate-reference") {
        let Some((l, dup)) = entry_at(d) else {
            continue;
        };
        let Some(first) = d.labels.first().and_then(|lb| {
            doc.lists[l]
                .entries
                .iter()
                .copied()
                .find(|&r| doc.references[r].span == lb.span)
        }) else {
            continue;
        };
        let (a, b) = (&doc.references[first].ids, &doc.references[dup].ids);
        let same = (a.doi.is_some() && a.doi == b.doi) || (a.pmid.is_some() && a.pmid == b.pmid);
        if same && doc.references[first].key != doc.references[dup].key {
            merges.entry(l).or_default().push((dup, first));
        }
    }
    if let Some((&l, pairs)) = merges
        .iter()
        .find(|(l, _)| !tried.contains(&("duplicate-reference", **l)))
    {
        return Some((("duplicate-reference", l), merge(doc, l, pairs)));
    }
    if opts.unsafe_fixes {
        let mut unused: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for d in of("unused-reference") {
            if let Some((l, r)) = entry_at(d) {
                unused.entry(l).or_default().push(r);
            }
        }
        if let Some((&l, rs)) = unused
            .iter()
            .find(|(l, _)| !tried.contains(&("unused-reference", **l)))
        {
            return Some((("unused-reference", l), drop_unused(doc, l, rs)));
        }
    }
    let mut lists: BTreeMap<usize, usize> = BTreeMap::new();
    for d in of("citation-order") {
        if let Some(l) = lists::citation_at(doc, d.span.start)
            .filter(|&i| d.span.end <= doc.citations[i].span.end)
            .and_then(|i| doc.citations[i].list)
        {
            *lists.entry(l).or_default() += 1;
        }
    }
    if let Some((&l, &n)) = lists
        .iter()
        .find(|(l, _)| !tried.contains(&("citation-order", **l)))
    {
        return Some((("citation-order", l), renumber(doc, l, n)));
    }
    None
}

/// The line a list starts on, to name it in messages.
fn list_line(doc: &Document, l: usize) -> usize {
    let at = doc.lists[l]
        .heading
        .as_ref()
        .map_or(doc.lists[l].span.start, |h| h.start);
    doc.lines.line_of(at) + 1
}

fn skip(doc: &Document, rule: &str, l: usize, why: String) -> Step {
    Step::Skip(format!(
        "{rule}: the reference list on line {} is left as it is: {why}",
        list_line(doc, l)
    ))
}

/// Renumber list `l` in order of first citation; uncited entries keep their order at the end.
fn renumber(doc: &Document, l: usize, findings: usize) -> Step {
    let markers = match lists::numbered_entries(doc, l).and_then(|_| lists::markers_of(doc, l)) {
        Ok(m) => m,
        Err(why) => return skip(doc, "citation-order", l, why),
    };
    let mut order: Vec<usize> = Vec::new();
    let mut seen = HashSet::new();
    for &m in &markers {
        for t in &doc.citations[m].targets {
            if let Some(r) = t.resolved
                && seen.insert(r)
            {
                order.push(r);
            }
        }
    }
    for &r in &doc.lists[l].entries {
        if seen.insert(r) {
            order.push(r);
        }
    }
    reshape(
        doc,
        "citation-order",
        findings,
        Reshape {
            list: l,
            order,
            merged: HashMap::new(),
        },
        Expect::default(),
    )
}

fn reshape(
    doc: &Document,
    rule: &'static str,
    findings: usize,
    shape: Reshape,
    expect: Expect,
) -> Step {
    match lists::reshape(doc, &shape) {
        Ok(edits) => Step::Plan(Plan {
            rule,
            findings,
            edits,
            expect,
        }),
        Err(why) => skip(doc, rule, shape.list, why),
    }
}

/// Merge each `(duplicate, first)` pair of list `l`: the duplicate goes, its markers name the
/// first; the list keeps its order and is numbered 1…n again.
fn merge(doc: &Document, l: usize, pairs: &[(usize, usize)]) -> Step {
    let mut merged: HashMap<usize, usize> = HashMap::new();
    for &(dup, first) in pairs {
        merged.insert(dup, first);
    }
    // a chain (c → b → a) ends at the entry that stays
    let ends: Vec<(usize, usize)> = merged
        .keys()
        .map(|&d| {
            let mut to = merged[&d];
            let mut steps = 0;
            while let Some(&n) = merged.get(&to) {
                to = n;
                steps += 1;
                if steps > merged.len() {
                    break;
                }
            }
            (d, to)
        })
        .collect();
    let merged: HashMap<usize, usize> = ends.into_iter().filter(|(d, to)| d != to).collect();
    let order = kept(doc, l, |r| !merged.contains_key(&r));
    let mut expect = Expect::default();
    for (&d, &to) in &merged {
        let (dt, tt) = (&doc.references[d].text, &doc.references[to].text);
        if dt != tt {
            expect.merged.insert(dt.clone(), tt.clone());
        }
        expect.dropped.push((l, dt.clone()));
    }
    let n = merged.len();
    reshape(
        doc,
        "duplicate-reference",
        n,
        Reshape {
            list: l,
            order,
            merged,
        },
        expect,
    )
}

/// The entries of list `l` that `keep` keeps, in list order.
fn kept(doc: &Document, l: usize, keep: impl Fn(usize) -> bool) -> Vec<usize> {
    doc.lists[l]
        .entries
        .iter()
        .copied()
        .filter(|&r| keep(r))
        .collect()
}

/// Remove the uncited entries `rs` of list `l` and number the rest 1…n.
fn drop_unused(doc: &Document, l: usize, rs: &[usize]) -> Step {
    match lists::markers_of(doc, l) {
        Ok(m) if m.is_empty() => {
            return skip(
                doc,
                "unused-reference",
                l,
                "nothing cites the list at all".into(),
            );
        }
        Ok(_) => {}
        Err(why) => return skip(doc, "unused-reference", l, why),
    }
    let gone: HashSet<usize> = rs.iter().copied().collect();
    let order = kept(doc, l, |r| !gone.contains(&r));
    let mut expect = Expect::default();
    for &r in rs {
        expect.dropped.push((l, doc.references[r].text.clone()));
    }
    reshape(
        doc,
        "unused-reference",
        gone.len(),
        Reshape {
            list: l,
            order,
            merged: HashMap::new(),
        },
        expect,
    )
}

/// Mend the malformed ranges reported: `[5–3]` → `[3–5]` when every number from 3 to 5 is an
/// entry of the list, `[4–4]` → `[4]`.
fn mend<'a>(doc: &Document, diags: impl Iterator<Item = &'a Diagnostic>) -> Option<Step> {
    let mut edits = Vec::new();
    let mut expect = Expect::default();
    let mut count = 0;
    // (a citation may carry two findings, "mixed styles" and its own: it is mended once)
    let mut seen = std::collections::HashSet::new();
    for d in diags {
        let Some(ci) =
            lists::citation_at(doc, d.span.start).filter(|&i| doc.citations[i].span == d.span)
        else {
            continue;
        };
        if !seen.insert(ci) {
            continue;
        }
        let c = &doc.citations[ci];
        if c.malformed.is_none() || c.syntax == crate::document::CiteSyntax::Linked {
            continue;
        }
        // a bibliography's keys without `@` (`[RN12]` → `[@RN12]`, `[a, b]` → `[@a; @b]`:
        // after a comma pandoc would read the second key as a locator)
        if c.syntax.is_keyed() {
            let texts: Option<Vec<String>> = c
                .targets
                .iter()
                .map(|t| t.resolved.map(|r| doc.references[r].text.clone()))
                .collect();
            if let Some(texts) = texts {
                count += 1;
                let keys: Vec<String> = c.targets.iter().map(|t| t.key.to_string()).collect();
                edits.push(Edit {
                    range: c.span.clone(),
                    text: format!("[{}]", keys.join("; ")),
                });
                expect.markers.insert(ci, texts);
            }
            continue;
        }
        let Some(l) = c.list else { continue };
        let keys: HashMap<u32, usize> = doc.lists[l]
            .entries
            .iter()
            .filter_map(|&r| match doc.references[r].key {
                RefKey::Num(n) => Some((n, r)),
                _ => None,
            })
            .collect();
        let mut spans: Vec<Range<usize>> = c.targets.iter().map(|t| t.span.clone()).collect();
        spans.dedup();
        let mut mine = Vec::new();
        let mut texts: Vec<String> = Vec::new();
        let mut ok = true;
        for s in &spans {
            let item = &doc.text[s.clone()];
            match range_item(item) {
                Some((a, b, ra, rb)) if b <= a => {
                    let text = if a == b {
                        item[ra.clone()].to_string()
                    } else {
                        format!(
                            "{}{}{}",
                            &item[rb.clone()],
                            &item[ra.end..rb.start],
                            &item[ra.clone()]
                        )
                    };
                    for n in b..=a {
                        match keys.get(&n) {
                            Some(&r) => texts.push(doc.references[r].text.clone()),
                            None => ok = false,
                        }
                    }
                    mine.push(Edit {
                        range: s.clone(),
                        text,
                    });
                }
                _ => {
                    for t in c.targets.iter().filter(|t| t.span == *s) {
                        match t.resolved {
                            Some(r) => texts.push(doc.references[r].text.clone()),
                            None => ok = false,
                        }
                    }
                }
            }
        }
        if ok && !mine.is_empty() {
            count += 1;
            edits.extend(mine);
            expect.markers.insert(ci, texts);
        }
    }
    (!edits.is_empty()).then_some(Step::Plan(Plan {
        rule: "malformed-citation",
        findings: count,
        edits,
        expect,
    }))
}

/// `a–b` with both ends as numbers (ASCII or superscript): the two numbers and their ranges in
/// the item.
fn range_item(item: &str) -> Option<(u32, u32, Range<usize>, Range<usize>)> {
    let digit = lists::is_digit;
    let a_end = item.char_indices().find(|&(_, c)| !digit(c))?.0;
    let b_start = item
        .char_indices()
        .rev()
        .find(|&(_, c)| !digit(c))
        .map(|(i, c)| i + c.len_utf8())?;
    if a_end == 0 || b_start >= item.len() || b_start < a_end {
        return None;
    }
    let between = &item[a_end..b_start];
    if !between.contains(['-', '–', '—', '⁻']) || !between.chars().all(|c| " \t-–—⁻".contains(c))
    {
        return None;
    }
    Some((
        lists::digit_value(&item[..a_end])?,
        lists::digit_value(&item[b_start..])?,
        0..a_end,
        b_start..item.len(),
    ))
}
