//! Markdown (CommonMark + GFM footnotes and tables, YAML/TOML front matter) into blocks.

use super::{Block, BlockKind, Document, Role};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

#[derive(Clone, Copy, PartialEq)]
enum Container {
    Item,
    Quote,
    Footnote,
}

struct Builder<'a> {
    src: &'a str,
    blocks: Vec<Block>,
    current: Option<Block>,
    stack: Vec<Container>,
    code: Vec<Range<usize>>,
    footnotes: Vec<(String, Range<usize>)>,
    /// `<think>`-style regions: the one open, and those closed.
    think_open: Option<usize>,
    traces: Vec<Range<usize>>,
    /// In an HTML block, after the close of a reasoning region: its other lines are prose.
    after_trace: bool,
    /// Where the current block's last link or emphasis closes: a list item's text ends
    /// there when its last words are a link (`… by mouth. [\[1\]](https://…)`).
    inline_end: usize,
}

impl Builder<'_> {
    fn flush(&mut self) {
        if let Some(mut b) = self.current.take() {
            if b.pieces.iter().all(|(t, _)| t.trim().is_empty()) {
                return;
            }
            if b.kind == BlockKind::ListItem {
                let end = b.pieces.last().map(|p| p.1.end).unwrap_or(b.span.end);
                b.span.end = end.max(self.inline_end).max(b.span.start);
            }
            b.span.end = b.span.start + self.src[b.span.clone()].trim_end().len();
            if self.stack.contains(&Container::Footnote) {
                b.role = Role::Reference;
            }
            if b.kind == BlockKind::Paragraph && is_pipe_rows(&self.src[b.span.clone()]) {
                b.kind = BlockKind::TableCell;
            }
            self.blocks.push(b);
        }
    }

    fn open(&mut self, kind: BlockKind, span: Range<usize>) {
        self.flush();
        self.inline_end = 0;
        let mut b = Block::new(kind, span);
        b.depth = self.stack.iter().filter(|c| **c == Container::Item).count() as u8;
        self.current = Some(b);
    }

    fn prose_kind(&self) -> BlockKind {
        match self
            .stack
            .iter()
            .rev()
            .find(|c| matches!(c, Container::Item | Container::Quote))
        {
            Some(Container::Item) => BlockKind::ListItem,
            Some(Container::Quote) => BlockKind::Quote,
            _ => BlockKind::Paragraph,
        }
    }

    fn piece(&mut self, text: &str, range: Range<usize>) {
        if self.current.is_none() {
            let kind = self.prose_kind();
            self.open(kind, range.clone());
        }
        if let Some(b) = self.current.as_mut() {
            b.pieces.push((text.to_string(), range));
        }
    }
}

/// A paragraph whose every line is a pipe-table row (`| a | b |`: a `|` first, and another
/// after it) that is not parsed as a table, having no `|---|` delimiter row under a header:
/// its lines are cells, not prose.
fn is_pipe_rows(text: &str) -> bool {
    text.starts_with('|')
        && text.lines().all(|l| {
            let l = l.trim();
            l.is_empty() || l.strip_prefix('|').is_some_and(|r| r.contains('|'))
        })
}

/// A line that opens with a bullet character and a space (`• `, `◦ `, `▪ `, `‣ `, `● `): a
/// list typed by hand, each line its own item.
fn opens_bullet_line(rest: &str) -> bool {
    let mut it = rest.trim_start_matches([' ', '\t']).chars();
    matches!(
        it.next(),
        Some('\u{2022}' | '\u{25E6}' | '\u{25AA}' | '\u{2023}' | '\u{25CF}')
    ) && matches!(it.next(), Some(' ' | '\t'))
}

/// The number written at the start of a list item (`12.` or `12)`), with its span.
pub fn item_number(src: &str, at: usize) -> Option<(u32, Range<usize>)> {
    let rest = &src[at..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 9 {
        return None;
    }
    match rest.as_bytes().get(digits) {
        Some(b'.') | Some(b')') => {}
        _ => return None,
    }
    let n = rest[..digits].parse().ok()?;
    Some((n, at..at + digits))
}

/// Tags that wrap an assistant's reasoning (`<think>`, `<thinking>`, `<reasoning>`): whether
/// `html` opens one, closes one, the text beside the tag, and the text after a closing tag.
fn trace_tag(html: &str) -> (bool, bool, &str, &str) {
    let t = html.trim();
    // (a comment that names the tag is a note, not the tag)
    if t.starts_with("<!--") {
        return (false, false, t, "");
    }
    let lower = t.to_ascii_lowercase();
    for name in ["think", "thinking", "reasoning"] {
        let open = format!("<{name}>");
        let close = format!("</{name}>");
        let (o, c) = (lower.find(&open), lower.find(&close));
        if o.is_some() || c.is_some() {
            let from = o.map_or(0, |o| o + open.len());
            let to = c.unwrap_or(t.len()).max(from);
            let after = c.map_or("", |c| &t[(c + close.len()).max(from)..]);
            return (o.is_some(), c.is_some(), &t[from..to], after);
        }
    }
    (false, false, t, "")
}

impl Builder<'_> {
    /// Text of an HTML line that is prose (not a tag), added to the current block.
    fn html_text(&mut self, html: &str, text: &str, range: &Range<usize>) {
        if text.trim().is_empty() || text.trim_start().starts_with('<') {
            return;
        }
        let at = range.start + html.find(text).unwrap_or(0);
        if self.current.as_ref().is_some_and(|c| !c.pieces.is_empty()) {
            self.piece(" ", at..at);
        }
        self.piece(text, at..at + text.len());
    }

    /// A line of HTML: opens or closes a reasoning region, or, inside one, is its prose. The
    /// answer written right after a closing tag (`</think>` and the answer's first line with
    /// no blank line between, which Markdown reads as one HTML block) is prose of its own.
    fn html_line(&mut self, html: &str, range: Range<usize>, may_open: bool) {
        let (open, close, rest, after) = trace_tag(html);
        let open = open && may_open;
        if open && self.think_open.is_none() {
            self.think_open = Some(range.start);
        }
        if self.think_open.is_some() || (self.after_trace && !open) {
            self.html_text(html, rest, &range);
        }
        if close && let Some(start) = self.think_open.take() {
            // (`after` is a part of `html`: the trace ends where it begins)
            let end = if after.is_empty() {
                range.end
            } else {
                range.start + (after.as_ptr() as usize - html.as_ptr() as usize)
            };
            self.traces.push(start..end);
            self.flush();
            self.after_trace = true;
            self.html_text(html, after, &range);
        }
    }
}

/// Pandoc and Quarto markup that is not prose: fenced-div lines (`::: {.callout-note}`,
/// `:::`) and shortcodes (`{{< include _child.qmd >}}`, also Hugo's); and a template's tags
/// and expressions written on one line (Jinja, Liquid, Zola, Hugo: `{% admonition(…) %}`,
/// `{% end %}`, `{{ load_macro(…) }}`, `{{% note %}}`).
pub fn directives(src: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut pos = 0;
    // (a text without `:::` has no fenced-div line: its lines are not walked)
    let lines = memchr::memmem::find(src.as_bytes(), b":::").map(|_| src.split_inclusive('\n'));
    for line in lines.into_iter().flatten() {
        let t = line.trim_start();
        if t.starts_with(":::") {
            let end = pos + line.trim_end().len();
            out.push(pos + (line.len() - t.len())..end);
        }
        pos += line.len();
    }
    let mut from = 0;
    while let Some(i) = src[from..].find('{') {
        let s = from + i;
        let close = match src.as_bytes().get(s + 1) {
            Some(b'{') if src[s..].starts_with("{{<") => ">}}",
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            _ => {
                from = s + 1;
                continue;
            }
        };
        match src[s + 2..].find(close) {
            Some(j) if !src[s..s + 2 + j].contains('\n') => {
                let end = s + 2 + j + close.len();
                out.push(s..end);
                from = end;
            }
            _ => from = s + 2,
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

/// The files a Quarto document pulls in with `{{< include FILE >}}`, as written.
pub fn includes(src: &str) -> Vec<String> {
    directives(src)
        .into_iter()
        .filter_map(|r| {
            let t = src[r].strip_prefix("{{<")?.strip_suffix(">}}")?.trim();
            let rest = t.strip_prefix("include")?;
            let name = rest.trim().trim_matches(['"', '\'']);
            (!name.is_empty() && rest.starts_with(char::is_whitespace)).then(|| name.to_string())
        })
        .collect()
}

/// Inline code that knitr or Quarto runs: `` `r x` ``, `` `{r} x` ``, `` `{python} x` ``.
pub(crate) fn is_inline_chunk(code: &str) -> bool {
    code.starts_with("r ")
        || (code.starts_with('{')
            && code
                .find('}')
                .is_some_and(|i| i < 16 && code[1..i].chars().all(|c| c.is_ascii_alphanumeric())))
}

/// The words a Quarto cross-reference renders as: `@fig-x` → "Figure", `@tbl-x` → "Table".
fn cross_ref_word(prefix: &str) -> &'static str {
    match prefix {
        "fig" => "Figure",
        "tbl" => "Table",
        "sec" => "Section",
        "eq" => "Equation",
        "lst" => "Listing",
        _ => "Box",
    }
}

impl Builder<'_> {
    /// A text piece holding `@`: Quarto cross-references in it (`@fig-onset`) read as what
    /// they render to ("Figure 1"), so that "see @fig-onset" reads as a pointer, not a claim.
    fn text_with_cross_refs(&mut self, t: &str, range: Range<usize>) {
        let exact = range.len() == t.len() && self.src.get(range.clone()) == Some(t);
        if !exact {
            return self.piece(t, range);
        }
        let mut last = 0;
        for (i, _) in t.match_indices('@') {
            if i < last
                || t[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric())
            {
                continue;
            }
            let rest = &t[i + 1..];
            let len = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(rest.len());
            let key = rest[..len].trim_end_matches(['-', '_']);
            if !super::citations::is_cross_ref(key) {
                continue;
            }
            let prefix = key.split('-').next().unwrap_or("");
            if i > last {
                self.piece(&t[last..i], range.start + last..range.start + i);
            }
            let end = i + 1 + key.len();
            self.piece(
                &format!("{} 1", cross_ref_word(prefix)),
                range.start + i..range.start + end,
            );
            last = end;
        }
        if last < t.len() {
            self.piece(&t[last..], range.start + last..range.end);
        }
    }
}

pub fn parse(doc: &mut Document) {
    // JSON front matter (Hugo's) is not a metadata block to pulldown-cmark: hide its text
    let front_matter = super::front_matter::FrontMatter::detect(&doc.text);
    let src = doc.text.as_str();
    let mut hidden = directives(src);
    if let Some(fm) = front_matter
        .as_ref()
        .filter(|f| f.kind == super::front_matter::FrontMatterKind::Json)
    {
        hidden.retain(|h| h.start >= fm.span.end);
        hidden.insert(0, fm.span.clone());
    }
    let is_hidden = |r: &Range<usize>| {
        let i = hidden.partition_point(|h| h.end <= r.start);
        hidden
            .get(i)
            .is_some_and(|h| h.start <= r.start && r.end <= h.end)
    };
    let hidden_in = |r: &Range<usize>| {
        let i = hidden.partition_point(|h| h.end <= r.start);
        let end = r.end;
        hidden[i..].iter().take_while(move |h| h.start < end)
    };
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    opts.insert(Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS);
    // `$…$` and `$$…$$` (pandoc, Quarto, R Markdown): a formula is not prose, and its numbers
    // are not figures; a price (`$5 to $10`) is not math (a closing `$` follows no space)
    opts.insert(Options::ENABLE_MATH);
    let mut b = Builder {
        src,
        blocks: Vec::new(),
        current: None,
        stack: Vec::new(),
        code: Vec::new(),
        footnotes: Vec::new(),
        think_open: None,
        traces: Vec::new(),
        after_trace: false,
        inline_end: 0,
    };
    // Depth of constructs whose text is not prose (code, HTML blocks, metadata, images).
    let mut skip = 0usize;
    let mut iter = Parser::new_ext(src, opts).into_offset_iter();
    for (event, range) in iter.by_ref() {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {
                    let reuse = matches!(&b.current, Some(c) if c.kind == BlockKind::ListItem && c.pieces.is_empty());
                    if !reuse {
                        let kind = b.prose_kind();
                        b.open(kind, range);
                    }
                }
                Tag::Heading { level, .. } => b.open(BlockKind::Heading(level as u8), range),
                Tag::TableCell => b.open(BlockKind::TableCell, range),
                Tag::Item => {
                    b.flush();
                    b.stack.push(Container::Item);
                    b.open(BlockKind::ListItem, range.clone());
                    if let Some(c) = b.current.as_mut() {
                        c.number = item_number(src, range.start);
                    }
                }
                Tag::BlockQuote(_) => {
                    b.flush();
                    b.stack.push(Container::Quote);
                }
                Tag::FootnoteDefinition(label) => {
                    b.flush();
                    b.stack.push(Container::Footnote);
                    // a definition ends at its text, not at the blank lines after it
                    let end = range.start + src[range.clone()].trim_end().len();
                    b.footnotes.push((label.to_string(), range.start..end));
                }
                Tag::CodeBlock(_) | Tag::MetadataBlock(_) => {
                    b.flush();
                    b.code.push(range);
                    skip += 1;
                }
                Tag::HtmlBlock => {
                    b.flush();
                    // `<div class="footnotes">` over entries written as paragraphs: the
                    // list's heading (a level-6 one, ending at the next heading or where the
                    // container closes, see `finish_structure`)
                    let html = &src[range.clone()];
                    let line = &html[..html.find('\n').unwrap_or(html.len())];
                    if skip == 0
                        && b.stack.is_empty()
                        && let Some((title, at)) = super::references::container_title(line)
                    {
                        b.open(BlockKind::Heading(6), range.start..range.start + line.len());
                        let at = range.start + at.start..range.start + at.end;
                        b.piece(title, at);
                        b.flush();
                    }
                    skip += 1;
                }
                Tag::Image { .. } => skip += 1,
                Tag::List(_) | Tag::Table(_) | Tag::TableHead | Tag::TableRow => b.flush(),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell => b.flush(),
                TagEnd::Item => {
                    b.flush();
                    b.stack.pop();
                }
                TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition => {
                    b.flush();
                    b.stack.pop();
                }
                TagEnd::HtmlBlock => {
                    b.flush();
                    b.after_trace = false;
                    skip = skip.saturating_sub(1)
                }
                TagEnd::CodeBlock | TagEnd::MetadataBlock(_) => skip = skip.saturating_sub(1),
                TagEnd::Image => skip = skip.saturating_sub(1),
                TagEnd::List(_) | TagEnd::Table | TagEnd::TableHead | TagEnd::TableRow => b.flush(),
                TagEnd::Link | TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough
                    if skip == 0 =>
                {
                    b.inline_end = range.end;
                }
                _ => {}
            },
            Event::Text(_) if skip == 0 && is_hidden(&range) => {}
            // a shortcode beside text in one run (`{{% stat %}} **29)** …`, `…[29] {{% /stat
            // %}}`): only the text outside it is prose
            Event::Text(t)
                if skip == 0
                    && range.len() == t.len()
                    && src.get(range.clone()) == Some(&*t)
                    && hidden_in(&range).next().is_some() =>
            {
                let mut at = range.start;
                for h in hidden_in(&range) {
                    if h.start > at {
                        b.piece(&src[at..h.start], at..h.start);
                    }
                    at = at.max(h.end);
                }
                if at < range.end {
                    b.piece(&src[at..range.end], at..range.end);
                }
            }
            Event::Text(t) if skip == 0 && t.contains('@') => b.text_with_cross_refs(&t, range),
            Event::Text(t) if skip == 0 => b.piece(&t, range),
            // knitr and Quarto inline code (`r x`, `{python} y`) is a computed value, not prose
            Event::Code(t) if skip == 0 && is_inline_chunk(&t) => {
                b.code.push(range.clone());
            }
            Event::InlineMath(_) | Event::DisplayMath(_) if skip == 0 => {
                b.code.push(range.clone());
            }
            Event::Code(t) if skip == 0 => {
                b.code.push(range.clone());
                b.piece(&t, range);
            }
            Event::FootnoteReference(label) if skip == 0 => b.piece(&format!("[^{label}]"), range),
            // a line break the writer forced (`<br>`, two trailing spaces, a backslash) ends
            // what came before it: a byline or a title line is not the first words of the
            // sentence under it; so does a soft break before a line opened by a bullet
            // character (`• `), which Markdown does not read as a list item
            Event::SoftBreak if skip == 0 && opens_bullet_line(&src[range.end..]) => {
                b.piece("\n\n", range)
            }
            Event::SoftBreak if skip == 0 => b.piece(" ", range),
            Event::HardBreak if skip == 0 => b.piece("\n\n", range),
            Event::InlineHtml(h) if skip == 0 && h.trim_start().starts_with("<br") => {
                b.piece("\n\n", range);
            }
            // a superscript that is not a citation (a power, `10<sup>7</sup>`) is not glued
            // to the number before it: "10^7", not "107" (a marker's cut drops the `^`)
            Event::InlineHtml(h)
                if skip == 0
                    && h.get(..4).is_some_and(|t| t.eq_ignore_ascii_case("<sup"))
                    && h[4..].starts_with(['>', ' ']) =>
            {
                b.piece("^", range);
            }
            Event::Html(h) => b.html_line(&h, range, true),
            // a tag in the middle of a line ("…shown after a <think> tag.") is written about,
            // not a reasoning region that opens
            Event::InlineHtml(h) => {
                let line = doc.text[..range.start].rfind('\n').map_or(0, |i| i + 1);
                let opens = doc.text[line..range.start].trim().is_empty();
                b.html_line(&h, range, opens)
            }
            Event::Rule => b.flush(),
            _ => {}
        }
    }
    b.flush();
    // pulldown-cmark keeps them in a hash map: put them back in document order, so the list
    // they make runs from the first to the last (its span was reversed in some orders) and
    // entries come out the same way on every run
    let mut link_defs: Vec<(String, Range<usize>)> = iter
        .reference_definitions()
        .iter()
        .map(|(label, def)| (label.to_string(), def.span.clone()))
        .collect();
    link_defs.sort_by_key(|(_, span)| span.start);
    let Builder {
        blocks,
        code,
        footnotes,
        mut traces,
        think_open,
        ..
    } = b;
    // an unclosed reasoning tag runs to the end
    if let Some(start) = think_open {
        traces.push(start..doc.text.len());
    }
    doc.traces = traces;
    doc.blocks = blocks;
    doc.code = code;
    doc.code.extend(hidden);
    doc.footnote_defs = footnotes;
    doc.link_defs = link_defs;
    if let Some(fm) = front_matter {
        doc.front_matter = Some(fm);
    }
    super::finish_structure(doc);
}
