//! Human output in the layout rustc, codespan-reporting and ruff users know: a header with the
//! severity, rule and message, the source lines with the primary span underlined `^^^` and
//! secondary labels `---`, then notes and a help line.
//!
//! Written by hand rather than through codespan-reporting: that crate prints every source line
//! in full, one formatted character at a time, and PDQ paragraphs are single lines of 500 to
//! 1,500 characters; rendering was half of the instructions of an `uncited-claim` run. Here a
//! line longer than [`MAX_COLS`] is cut to a window around its labels, marked with `…`, and a
//! span over several lines underlines its first and last line with the ones between elided.

use super::{End, Renderer, Summary, shown};
use crate::diagnostic::{Diagnostic, FileReport, Severity};
use crate::document::LineIndex;
use crate::document::lines::floor_char;
use unicode_width::UnicodeWidthChar;

/// Lines longer than this (in bytes) are never measured in full (SARIF uses it too).
pub(crate) const LONG_LINE: usize = 4096;
/// Source lines wider than this (in columns) are cut to a window around their labels.
pub const MAX_COLS: usize = 140;
/// Columns of context kept before a label when a line is cut.
const LEAD: usize = 24;

struct Paint {
    on: bool,
}

impl Paint {
    fn put(&self, out: &mut String, code: &str, text: &str) {
        if self.on {
            out.push_str(code);
            out.push_str(text);
            out.push_str("\x1b[0m");
        } else {
            out.push_str(text);
        }
    }
}

const BOLD: &str = "\x1b[1m";
const BLUE: &str = "\x1b[34m";
const CYAN: &str = "\x1b[36m";

fn severity_style(s: Severity) -> (&'static str, &'static str) {
    match s {
        Severity::Error => ("error", "\x1b[1;31m"),
        Severity::Warning => ("warning", "\x1b[1;33m"),
        Severity::Info => ("note", "\x1b[1;32m"),
    }
}

/// `--format human`; `color` adds ANSI colours.
pub struct Human {
    pub color: bool,
}

impl Renderer for Human {
    fn file(&self, r: FileReport) -> super::Piece {
        let mut p = super::Piece::default();
        render_report(&r, self.color, &mut p.body);
        p
    }
    fn finish(&self, end: End) -> String {
        summary_line(end.summary, self.color)
    }
}

/// Render every report and the summary line; `color` adds ANSI colours. The same bytes as
/// the streamed output (`super::stream`), which is what the CLI writes.
pub fn render(reports: &[FileReport], color: bool) -> String {
    super::stream::render_all(&Human { color }, reports)
}

/// The closing line: "Found 3 problems (…) in 2 files checked." or "All clear: …".
pub fn summary_line(s: &Summary, color: bool) -> String {
    let line = if s.diagnostics == 0 {
        format!(
            "All clear: {} file{} checked, no findings.",
            s.files,
            plural(s.files)
        )
    } else {
        format!(
            "Found {} problem{} ({} error{}, {} warning{}, {} info) in {} file{} checked.",
            s.diagnostics,
            plural(s.diagnostics),
            s.errors,
            plural(s.errors),
            s.warnings,
            plural(s.warnings),
            s.infos,
            s.files,
            plural(s.files)
        )
    };
    let mut out = String::new();
    Paint { on: color }.put(&mut out, BOLD, &line);
    out.push('\n');
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// One file's shown diagnostics, appended to `out`.
pub fn render_report(r: &FileReport, color: bool, out: &mut String) {
    let mut shown = shown(r).peekable();
    if shown.peek().is_none() {
        return;
    }
    let lines = LineIndex::new(&r.text);
    for d in shown {
        render_diagnostic(r, &lines, d, &Paint { on: color }, out);
    }
}

/// A problem outside any article (an invalid config file): "error: MESSAGE" and, when there
/// is a span, the config line underlined.
pub fn render_error_at(
    path: &str,
    text: &str,
    message: &str,
    span: Option<std::ops::Range<usize>>,
    color: bool,
) -> String {
    let paint = Paint { on: color };
    let mut out = String::new();
    match span {
        Some(span) => {
            let mut d = Diagnostic::new("", span, message);
            d.severity = Severity::Error;
            let r = FileReport {
                path: path.to_string(),
                text: text.to_string(),
                diagnostics: Vec::new(),
            };
            render_diagnostic(&r, &LineIndex::new(text), &d, &paint, &mut out);
        }
        None => {
            let (word, style) = severity_style(Severity::Error);
            paint.put(&mut out, style, word);
            out.push_str(": ");
            paint.put(&mut out, BOLD, message);
            out.push_str("\n\n");
        }
    }
    out
}

/// One underline: a byte range within one line.
struct Piece<'a> {
    line: usize,
    /// byte offsets into the file, both within `line`
    start: usize,
    end: usize,
    primary: bool,
    message: Option<&'a str>,
}

fn render_diagnostic(
    r: &FileReport,
    lines: &LineIndex,
    d: &Diagnostic,
    paint: &Paint,
    out: &mut String,
) {
    let text = r.text.as_str();
    let (word, style) = severity_style(d.severity);
    paint.put(out, style, word);
    if !d.rule.is_empty() {
        paint.put(out, style, &format!("[{}]", d.rule));
    }
    out.push_str(": ");
    paint.put(out, BOLD, &d.message);
    out.push('\n');

    let clamp = |s: &std::ops::Range<usize>| {
        let a = floor_char(text, s.start.min(text.len()));
        let b = floor_char(text, s.end.min(text.len())).max(a);
        a..b
    };
    let mut pieces: Vec<Piece> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    split_label(text, lines, clamp(&d.span), true, None, &mut pieces);
    for l in &d.labels {
        match &l.path {
            None => split_label(
                text,
                lines,
                clamp(&l.span),
                false,
                Some(&l.message),
                &mut pieces,
            ),
            Some(p) => notes.push(format!("{p}: {}", l.message)),
        }
    }
    if let Some(h) = &d.help {
        notes.push(format!("help: {h}"));
    }
    // lines in order; within a line, by start
    pieces.sort_by_key(|p| (p.line, p.start, !p.primary));
    let width = digits(pieces.iter().map(|p| p.line + 1).max().unwrap_or(1));
    let pad = " ".repeat(width + 1);

    let at = lines.line_col(text, clamp(&d.span).start);
    paint.put(out, BLUE, &format!("{pad}┌─"));
    out.push_str(&format!(" {}:{}:{}\n", r.path, at.line, at.column));
    gutter(out, paint, &pad, "│");

    let mut i = 0;
    while i < pieces.len() {
        let line = pieces[i].line;
        let mut j = i;
        while j < pieces.len() && pieces[j].line == line {
            j += 1;
        }
        render_line(
            text,
            lines,
            line,
            &pieces[i..j],
            width,
            &pad,
            d.severity,
            paint,
            out,
        );
        if let Some(next) = pieces.get(j) {
            match next.line - line {
                1 => {}
                2 => render_line(
                    text,
                    lines,
                    line + 1,
                    &[],
                    width,
                    &pad,
                    d.severity,
                    paint,
                    out,
                ),
                _ => gutter(out, paint, &pad, "·"),
            }
        }
        i = j;
    }
    if !notes.is_empty() {
        gutter(out, paint, &pad, "│");
    }
    for n in &notes {
        paint.put(out, BLUE, &format!("{pad}="));
        out.push(' ');
        let mut first = true;
        for part in n.split('\n') {
            if !first {
                out.push('\n');
                out.push_str(&pad);
                out.push_str("  ");
            }
            out.push_str(part);
            first = false;
        }
        out.push('\n');
    }
    out.push('\n');
}

fn gutter(out: &mut String, paint: &Paint, pad: &str, mark: &str) {
    out.push_str(pad);
    paint.put(out, BLUE, mark);
    out.push('\n');
}

fn digits(mut n: usize) -> usize {
    let mut d = 1;
    while n >= 10 {
        n /= 10;
        d += 1;
    }
    d
}

/// The line's byte range without its line ending.
fn line_range(text: &str, lines: &LineIndex, line: usize) -> std::ops::Range<usize> {
    let start = lines.line_start(line);
    let mut end = if line + 1 < lines.line_count() {
        lines.line_start(line + 1)
    } else {
        text.len()
    };
    let b = text.as_bytes();
    while end > start && matches!(b[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    start..end
}

/// A label as underlines: one piece on a one-line span; the first and the last line of a
/// longer one (the message goes under the last).
fn split_label<'a>(
    text: &str,
    lines: &LineIndex,
    span: std::ops::Range<usize>,
    primary: bool,
    message: Option<&'a str>,
    pieces: &mut Vec<Piece<'a>>,
) {
    let first = lines.line_of(span.start);
    // a span ending right after a newline ends on the line before
    let last_at = if span.end > span.start {
        span.end - 1
    } else {
        span.end
    };
    let last = lines.line_of(last_at).max(first);
    let first_range = line_range(text, lines, first);
    if first == last {
        pieces.push(Piece {
            line: first,
            start: span.start.min(first_range.end),
            end: span.end.min(first_range.end),
            primary,
            message,
        });
        return;
    }
    pieces.push(Piece {
        line: first,
        start: span.start.min(first_range.end),
        end: first_range.end,
        primary,
        message: None,
    });
    let last_range = line_range(text, lines, last);
    pieces.push(Piece {
        line: last,
        start: last_range.start,
        end: span.end.min(last_range.end),
        primary,
        message,
    });
}

fn char_width(c: char) -> usize {
    match c {
        '\t' => 4,
        c if c.is_control() => 1,
        c => c.width().unwrap_or(0),
    }
}

fn push_visible(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '\t' => out.push_str("    "),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
}

fn columns(s: &str) -> usize {
    if s.is_ascii() && !s.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return s.len();
    }
    s.chars().map(char_width).sum()
}

/// A window of a line: bytes `start..end`, with `…` before or after when cut.
struct Window {
    start: usize,
    end: usize,
    cut_before: bool,
    cut_after: bool,
}

/// The window of `line` (byte range) that shows `from..`: the whole line when it fits in
/// [`MAX_COLS`], else [`LEAD`] columns before `from` and up to [`MAX_COLS`] in all.
fn window(text: &str, line: std::ops::Range<usize>, from: usize) -> Window {
    // a char is at most 4 bytes and, but for zero-width marks, at least one column: a line
    // over 4 × MAX_COLS bytes is not measured, it is cut
    if line.len() <= MAX_COLS
        || (line.len() <= 4 * MAX_COLS && columns(&text[line.clone()]) <= MAX_COLS)
    {
        return Window {
            start: line.start,
            end: line.end,
            cut_before: false,
            cut_after: false,
        };
    }
    // the window is bounded in bytes too: zero-width characters take no columns
    let mut start = from;
    let mut cols = 0;
    for (i, c) in text[line.start..from].char_indices().rev() {
        cols += char_width(c);
        if cols > LEAD || from - (line.start + i) > 4 * LEAD {
            break;
        }
        start = line.start + i;
    }
    // do not cut a word in half at the left edge
    if start > line.start
        && let Some(sp) = text[start..from].find(' ')
    {
        start += sp + 1;
    }
    let budget = MAX_COLS - 2;
    let mut used = 0;
    let mut end = line.end;
    for (i, c) in text[start..line.end].char_indices() {
        used += char_width(c);
        if used > budget || i + c.len_utf8() > 4 * MAX_COLS {
            end = start + i;
            break;
        }
    }
    Window {
        start,
        end,
        cut_before: start > line.start,
        cut_after: end < line.end,
    }
}

#[allow(clippy::too_many_arguments)]
fn render_line(
    text: &str,
    lines: &LineIndex,
    line: usize,
    pieces: &[Piece],
    width: usize,
    pad: &str,
    severity: Severity,
    paint: &Paint,
    out: &mut String,
) {
    let range = line_range(text, lines, line);
    let number = format!("{:>width$} │", line + 1);
    if pieces.is_empty() {
        let w = window(text, range.clone(), range.start);
        source_row(text, &w, &number, paint, out);
        return;
    }
    // pieces that fit one window share a source row; a piece beyond it starts a new one
    let mut k = 0;
    while k < pieces.len() {
        let w = window(text, range.clone(), pieces[k].start);
        source_row(text, &w, &number, paint, out);
        while k < pieces.len() && (pieces[k].start < w.end || pieces[k].start == range.end) {
            underline(text, &w, &pieces[k], pad, severity, paint, out);
            k += 1;
        }
    }
}

fn source_row(text: &str, w: &Window, number: &str, paint: &Paint, out: &mut String) {
    paint.put(out, BLUE, number);
    out.push(' ');
    if w.cut_before {
        out.push('…');
    }
    push_visible(out, &text[w.start..w.end]);
    if w.cut_after {
        out.push('…');
    }
    // no trailing space on an empty line
    while out.ends_with(' ') {
        out.pop();
    }
    out.push('\n');
}

fn underline(
    text: &str,
    w: &Window,
    p: &Piece,
    pad: &str,
    severity: Severity,
    paint: &Paint,
    out: &mut String,
) {
    let start = p.start.clamp(w.start, w.end);
    let end = p.end.clamp(start, w.end);
    let lead = columns(&text[w.start..start]) + usize::from(w.cut_before);
    let mut marks = columns(&text[start..end]);
    if p.end > w.end {
        marks += 1; // under the `…`
    }
    let marks = marks.max(1);
    out.push_str(pad);
    paint.put(out, BLUE, "│");
    out.push(' ');
    out.extend(std::iter::repeat_n(' ', lead));
    let (mark, style) = if p.primary {
        ('^', severity_style(severity).1)
    } else {
        ('-', CYAN)
    };
    let run: String = std::iter::repeat_n(mark, marks).collect();
    paint.put(out, style, &run);
    if let Some(m) = p.message {
        out.push(' ');
        paint.put(out, style, m);
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(text: &str, diags: Vec<Diagnostic>) -> FileReport {
        FileReport {
            path: "a.md".into(),
            text: text.into(),
            diagnostics: diags,
        }
    }

    fn span(text: &str, needle: &str) -> std::ops::Range<usize> {
        let s = text.find(needle).unwrap();
        s..s + needle.len()
    }

    #[test]
    fn underline_sits_under_the_span_with_wide_and_multibyte_characters() {
        let text = "Café 東京 rises [9].\n";
        let d = Diagnostic::new("unresolved-citation", span(text, "[9]"), "bad");
        let out = render(&[report(text, vec![d])], false);
        let rows: Vec<&str> = out.lines().collect();
        let src = rows.iter().find(|l| l.starts_with("1 │")).unwrap();
        let marks = rows.iter().find(|l| l.contains('^')).unwrap();
        // "Café " is 5 columns, "東京 " 5, "rises " 6: the carets start at column 16
        assert_eq!(marks.find('^').unwrap() - "  │ ".len(), 16, "{out}");
        assert_eq!(marks.matches('^').count(), 3);
        assert!(src.ends_with("rises [9]."));
        // the locus counts characters, as the JSON output does: 14 before the marker
        assert!(rows[1].contains("a.md:1:15"), "{out}");
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let words = "word ".repeat(300);
        let text = format!("{words}The claim sits here. {words}\n");
        let d = Diagnostic::new(
            "uncited-claim",
            span(&text, "The claim sits here."),
            "claim",
        );
        let out = render(&[report(&text, vec![d])], false);
        let src = out.lines().find(|l| l.starts_with("1 │")).unwrap();
        assert!(src.contains("…word") && src.ends_with('…'), "{src}");
        assert!(
            src.chars().count() <= MAX_COLS + 8,
            "{}",
            src.chars().count()
        );
        let marks = out.lines().find(|l| l.contains('^')).unwrap();
        let col = marks.chars().position(|c| c == '^').unwrap();
        let under: String = src.chars().skip(col).take(20).collect();
        assert_eq!(under, "The claim sits here.");
    }

    #[test]
    fn zero_width_characters_do_not_widen_the_window() {
        let filler = "\u{200B}".repeat(20_000);
        let text = format!("{filler}[1]{filler}\n");
        let d = Diagnostic::new("unresolved-citation", span(&text, "[1]"), "m");
        let out = render(&[report(&text, vec![d])], false);
        assert!(out.len() < 8 * MAX_COLS * 4, "{} bytes", out.len());
        assert!(out.contains("[1]"));
    }

    #[test]
    fn multi_line_spans_underline_first_and_last_line() {
        let text = "intro\nThe first half\nof the claim\nends here.\nafter\n";
        let d = Diagnostic::new(
            "uncited-claim",
            span(text, "first half\nof the claim\nends here."),
            "claim",
        )
        .label(span(text, "after"), "next");
        let out = render(&[report(text, vec![d])], false);
        assert!(
            out.contains("2 │ The first half\n  │     ^^^^^^^^^^\n"),
            "{out}"
        );
        // line 3 sits between two shown lines: printed without marks
        assert!(
            out.contains("3 │ of the claim\n4 │ ends here.\n  │ ^^^^^^^^^^\n"),
            "{out}"
        );
        assert!(out.contains("5 │ after\n  │ ----- next\n"), "{out}");
    }

    #[test]
    fn distant_lines_are_elided_and_notes_follow() {
        let text = "a [1]\n\n\n\n\n\n\n\n\n\n\n## References\n";
        let d = Diagnostic::new("unresolved-citation", span(text, "[1]"), "no list")
            .label(span(text, "## References"), "consulted")
            .help("add it");
        let out = render(&[report(text, vec![d])], false);
        assert!(
            out.contains(" 1 │ a [1]\n   │   ^^^\n   ·\n12 │ ## References\n   │ ------------- consulted\n   │\n   = help: add it\n"),
            "{out}"
        );
    }

    #[test]
    fn colour_only_when_asked() {
        let text = "x [2]\n";
        let d = Diagnostic::new("unresolved-citation", span(text, "[2]"), "m");
        assert!(!render(&[report(text, vec![d.clone()])], false).contains('\x1b'));
        assert!(render(&[report(text, vec![d])], true).contains("\x1b[1;33mwarning"));
    }
}
