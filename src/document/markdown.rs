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
}

impl Builder<'_> {
    fn flush(&mut self) {
        if let Some(mut b) = self.current.take() {
            if b.pieces.iter().all(|(t, _)| t.trim().is_empty()) {
                return;
            }
            if b.kind == BlockKind::ListItem {
                let end = b.pieces.last().map(|p| p.1.end).unwrap_or(b.span.end);
                b.span.end = end.max(b.span.start);
            }
            b.span.end = b.span.start + self.src[b.span.clone()].trim_end().len();
            if self.stack.contains(&Container::Footnote) {
                b.role = Role::Reference;
            }
            self.blocks.push(b);
        }
    }

    fn open(&mut self, kind: BlockKind, span: Range<usize>) {
        self.flush();
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
/// `html` opens one, closes one, and the text beside the tag.
fn trace_tag(html: &str) -> (bool, bool, &str) {
    let t = html.trim();
    let lower = t.to_ascii_lowercase();
    for name in ["think", "thinking", "reasoning"] {
        let open = format!("<{name}>");
        let close = format!("</{name}>");
        let (o, c) = (lower.find(&open), lower.find(&close));
        if o.is_some() || c.is_some() {
            let from = o.map_or(0, |o| o + open.len());
            let to = c.unwrap_or(t.len()).max(from);
            return (o.is_some(), c.is_some(), &t[from..to]);
        }
    }
    (false, false, t)
}

impl Builder<'_> {
    /// A line of HTML: opens or closes a reasoning region, or, inside one, is its prose.
    fn html_line(&mut self, html: &str, range: Range<usize>) {
        let (open, close, rest) = trace_tag(html);
        if open && self.think_open.is_none() {
            self.think_open = Some(range.start);
        }
        if self.think_open.is_some()
            && !rest.trim().is_empty()
            && !rest.trim_start().starts_with('<')
        {
            let at = range.start + html.find(rest).unwrap_or(0);
            if self.current.as_ref().is_some_and(|c| !c.pieces.is_empty()) {
                self.piece(" ", at..at);
            }
            self.piece(rest, at..at + rest.len());
        }
        if close && let Some(start) = self.think_open.take() {
            self.traces.push(start..range.end);
        }
    }
}

pub fn parse(doc: &mut Document) {
    let src = doc.text.as_str();
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    opts.insert(Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS);
    let mut b = Builder {
        src,
        blocks: Vec::new(),
        current: None,
        stack: Vec::new(),
        code: Vec::new(),
        footnotes: Vec::new(),
        think_open: None,
        traces: Vec::new(),
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
                    skip = skip.saturating_sub(1)
                }
                TagEnd::CodeBlock | TagEnd::MetadataBlock(_) => skip = skip.saturating_sub(1),
                TagEnd::Image => skip = skip.saturating_sub(1),
                TagEnd::List(_) | TagEnd::Table | TagEnd::TableHead | TagEnd::TableRow => b.flush(),
                _ => {}
            },
            Event::Text(t) if skip == 0 => b.piece(&t, range),
            Event::Code(t) if skip == 0 => {
                b.code.push(range.clone());
                b.piece(&t, range);
            }
            Event::FootnoteReference(label) if skip == 0 => b.piece(&format!("[^{label}]"), range),
            Event::SoftBreak | Event::HardBreak if skip == 0 => b.piece(" ", range),
            Event::InlineHtml(h) if skip == 0 && h.trim_start().starts_with("<br") => {
                b.piece(" ", range);
            }
            Event::Html(h) | Event::InlineHtml(h) => b.html_line(&h, range),
            Event::Rule => b.flush(),
            _ => {}
        }
    }
    b.flush();
    let link_defs: Vec<(String, Range<usize>)> = iter
        .reference_definitions()
        .iter()
        .map(|(label, def)| (label.to_string(), def.span.clone()))
        .collect();
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
    doc.footnote_defs = footnotes;
    doc.link_defs = link_defs;
    if let Some(fm) = super::front_matter::FrontMatter::detect(&doc.text) {
        doc.front_matter = Some(fm);
    }
    super::finish_structure(doc);
}
