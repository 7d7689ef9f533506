//! Suppression comments:
//! `<!-- citelint-disable-next-line ID[, ID] -- reason -->`,
//! `<!-- citelint-disable ID -->` … `<!-- citelint-enable ID -->`, and
//! `<!-- citelint-disable-file ID -- reason -->`. No id means every rule.
//!
//! The pass also judges the comments themselves: `invalid-suppression` (an id that is not a
//! rule) and `unused-suppression` (a comment that suppressed nothing; see that rule's docs).

use crate::checks::content::unused_suppression;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use std::ops::Range;

pub use crate::checks::INVALID_SUPPRESSION;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    NextLine,
    Disable,
    Enable,
    File,
}

#[derive(Debug)]
struct Directive {
    kind: Kind,
    /// the known rule ids it names (none: every rule, unless `named`)
    rules: Vec<String>,
    /// where each of `rules` is written
    rule_spans: Vec<Range<usize>>,
    /// it names ids, known or not: with no known one it suppresses nothing
    named: bool,
    reason: Option<String>,
    span: Range<usize>,
}

fn parse(doc: &Document) -> (Vec<Directive>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut bad = Vec::new();
    for c in &doc.comments {
        let raw = &doc.text[c.clone()];
        let inner = raw
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim();
        let Some(rest) = inner.strip_prefix("citelint-") else {
            continue;
        };
        let (word, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let kind = match word {
            "disable-next-line" => Kind::NextLine,
            "disable" => Kind::Disable,
            "enable" => Kind::Enable,
            "disable-file" => Kind::File,
            _ => {
                bad.push(invalid(
                    c.clone(),
                    format!("unknown suppression directive `citelint-{word}`"),
                ));
                continue;
            }
        };
        let (ids, reason) = match args.split_once("--") {
            Some((i, r)) => (i, Some(r.trim().to_string()).filter(|r| !r.is_empty())),
            None => (args, None),
        };
        let mut rules = Vec::new();
        let mut rule_spans = Vec::new();
        let mut named = false;
        // offsets into `raw` of each id, in order (the directive word comes before them)
        let mut from = raw.find(word).map_or(0, |o| o + word.len());
        for id in ids
            .split([',', ' '])
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            named = true;
            let at = match raw[from..].find(id) {
                Some(o) => {
                    from += o + id.len();
                    c.start + from - id.len()..c.start + from
                }
                None => c.clone(),
            };
            if crate::checks::is_known(id) {
                rules.push(id.to_string());
                rule_spans.push(at);
            } else {
                bad.push(invalid(
                    at,
                    format!("`{id}` is not a citelint rule; this suppression has no effect for it"),
                ));
            }
        }
        out.push(Directive {
            kind,
            rules,
            rule_spans,
            named,
            reason,
            span: c.clone(),
        });
    }
    (out, bad)
}

fn invalid(span: Range<usize>, msg: String) -> Diagnostic {
    let mut d =
        Diagnostic::new(INVALID_SUPPRESSION, span, msg).help("`citelint rules` lists the rule ids");
    d.severity = Severity::Warning;
    d
}

fn applies(d: &Directive, rule: &str) -> bool {
    if d.rules.is_empty() {
        // a comment naming only ids that do not exist suppresses nothing
        return !d.named;
    }
    d.rules.iter().any(|r| r == rule)
}

/// The directive that suppresses `diag`, if any (`explicit`: only one that names its rule).
fn suppressor(
    doc: &Document,
    dirs: &[Directive],
    diag: &Diagnostic,
    explicit: bool,
) -> Option<usize> {
    let line = doc.lines.line_of(diag.span.start);
    let mut active: Option<usize> = None;
    for (i, d) in dirs.iter().enumerate() {
        if !applies(d, diag.rule) || (explicit && d.rules.is_empty()) {
            continue;
        }
        match d.kind {
            Kind::File => return Some(i),
            Kind::NextLine => {
                let end_line = doc.lines.line_of(d.span.end.saturating_sub(1));
                let mut target = end_line + 1;
                while target < doc.lines.line_count()
                    && doc.text[doc.lines.line_start(target)..]
                        .lines()
                        .next()
                        .is_some_and(|l| l.trim().is_empty())
                {
                    target += 1;
                }
                if line == target || (line == end_line && diag.span.start >= d.span.end) {
                    return Some(i);
                }
            }
            Kind::Disable if d.span.end <= diag.span.start => active = Some(i),
            Kind::Enable if d.span.end <= diag.span.start => active = None,
            _ => {}
        }
    }
    active
}

/// What the suppression pass knows of the run.
pub struct Audit<'a> {
    /// the ids of the rules that ran: a comment about a rule that did not run is not judged
    pub running: &'a [&'static str],
    /// `unused-suppression`'s severity and options, when it runs
    pub unused: Option<(Severity, &'a unused_suppression::Options)>,
}

/// Mark suppressed diagnostics (keeping the reason) and add findings for bad directives and,
/// when `unused-suppression` runs, for suppressions that suppressed nothing.
pub fn apply(doc: &Document, diags: &mut Vec<Diagnostic>, audit: &Audit) {
    let (dirs, bad) = parse(doc);
    // the rules each directive suppressed a finding of
    let mut used: Vec<Vec<&'static str>> = vec![Vec::new(); dirs.len()];
    if !dirs.is_empty() {
        for diag in diags.iter_mut() {
            if let Some(i) = suppressor(doc, &dirs, diag, false) {
                diag.suppressed = Some(dirs[i].reason.clone().unwrap_or_default());
                used[i].push(diag.rule);
            }
        }
    }
    diags.extend(bad);
    if let Some((severity, options)) = audit.unused {
        for mut d in unused(&dirs, &used, audit.running, options) {
            d.severity = severity;
            // only a comment that names unused-suppression silences it: a blanket comment
            // that suppressed nothing must not hide its own report
            if let Some(i) = suppressor(doc, &dirs, &d, true) {
                d.suppressed = Some(dirs[i].reason.clone().unwrap_or_default());
            }
            diags.push(d);
        }
    }
}

fn unused(
    dirs: &[Directive],
    used: &[Vec<&'static str>],
    running: &[&str],
    options: &unused_suppression::Options,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let finding = |span: Range<usize>, msg: String, help: String| {
        Diagnostic::new(unused_suppression::ID, span, msg).help(help)
    };
    for (d, used) in dirs.iter().zip(used) {
        if d.kind == Kind::Enable {
            continue;
        }
        if options.require_reason && d.reason.is_none() {
            out.push(finding(
                d.span.clone(),
                "this suppression comment gives no reason".into(),
                "write why after `--`, e.g. `<!-- citelint-disable-next-line uncited-claim -- the source is in the caption -->`".into(),
            ));
        }
        if d.rules.is_empty() {
            if !d.named && used.is_empty() {
                out.push(finding(
                    d.span.clone(),
                    "this suppression comment suppressed nothing".into(),
                    "remove it: it would hide the next finding here without anyone deciding so"
                        .into(),
                ));
            }
            continue;
        }
        for (id, span) in d.rules.iter().zip(&d.rule_spans) {
            let judged = id != unused_suppression::ID
                && (running.contains(&id.as_str())
                    || crate::checks::BUILTIN_IDS.iter().any(|(b, _)| b == id));
            if judged && !used.contains(&id.as_str()) {
                let help = if d.rules.len() == 1 {
                    "remove the comment".to_string()
                } else {
                    format!("remove `{id}` from the comment")
                };
                out.push(finding(
                    span.clone(),
                    format!("`{id}` is suppressed here, but no `{id}` finding was found"),
                    help,
                ));
            }
        }
    }
    out
}
