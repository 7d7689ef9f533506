//! HTML articles: a small, forgiving tag scanner (never panics on malformed input) that keeps
//! exact byte offsets into the file.
//!
//! - The article is the first element matching the configured selectors (`tag`, `#id`,
//!   `.class`), else `<article>`, else `<main>`, else `<body>`, else the whole file.
//! - Blocks: `h1`–`h6` (headings), `p`, `li` (list items; in an `<ol>` numbered from its `start`
//!   attribute, so reference lists under a References heading are found), `blockquote`,
//!   `td`/`th`, and text that sits directly in a `div` or `section`. `script`, `style`, `nav`,
//!   `header`, `footer`, `aside`, `form`, `noscript`, `template` and `svg` are skipped, except a
//!   `footer` or `aside` that holds a References-like heading: it is read as a section, after
//!   the article when it stands outside it.
//! - Entities are decoded; a piece whose decoded text differs from the source (an entity, a run
//!   of whitespace collapsed to one space) maps to its source range as a whole.
//! - `<meta name|property|itemprop content>` tags and schema.org JSON-LD (`lastReviewed`,
//!   `reviewedBy`, `dateModified`, `datePublished`, `creativeWorkStatus`) become metadata
//!   fields wherever they are in the file.

use crate::document::metadata::{self, canonical, is_group, json_names, keyed_field};
use crate::document::{Block, BlockKind, Document, MetaField, MetaSource, ParseOptions};
use std::ops::Range;

#[derive(Clone, Debug)]
struct Attr {
    name: String,
    value: String,
    span: Range<usize>,
}

#[derive(Clone, Debug)]
enum Tok {
    Text(Range<usize>),
    Start {
        name: String,
        span: Range<usize>,
        attrs: Vec<Attr>,
        self_closing: bool,
    },
    End {
        name: String,
        span: Range<usize>,
    },
    /// The content of a raw-text element (`script`, `style`, `textarea`, `title`).
    Raw(Range<usize>),
    Other,
}

impl Tok {
    fn attr(&self, n: &str) -> Option<&Attr> {
        match self {
            Tok::Start { attrs, .. } => attrs.iter().find(|a| a.name == n),
            _ => None,
        }
    }
}

const RAW: &[&str] = &["script", "style", "textarea", "title", "xmp"];
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
const SKIP: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg",
    "button", "select", "iframe", "head", "title", "textarea",
];
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "table",
    "tr",
    "td",
    "th",
    "thead",
    "tbody",
    "tfoot",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "pre",
    "hr",
    "body",
    "html",
    "details",
    "summary",
    "caption",
    "address",
    "center",
];

fn is_name_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':' | b'.')
}

fn tokenize(t: &str) -> Vec<Tok> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut text_start = 0;
    let push_text = |out: &mut Vec<Tok>, s: usize, e: usize| {
        if e > s {
            out.push(Tok::Text(s..e));
        }
    };
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &t[i..];
        if rest.starts_with("<!--") {
            push_text(&mut out, text_start, i);
            let e = t[i + 4..]
                .find("-->")
                .map(|j| i + 4 + j + 3)
                .unwrap_or(b.len());
            out.push(Tok::Other);
            i = e;
            text_start = i;
            continue;
        }
        // Word's stand-in for a list bullet where lists are not supported (`<![if
        // !supportLists]>o&nbsp;<![endif]>`): the list item says it already (unclosed, only
        // the marker itself is skipped)
        const ENDIF: &[u8] = b"<![endif]>";
        if rest.starts_with("<![if !supportLists]>")
            && let Some(j) = rest.as_bytes()[..rest.len().min(2000)]
                .windows(ENDIF.len())
                .position(|w| w == ENDIF)
        {
            push_text(&mut out, text_start, i);
            out.push(Tok::Other);
            i += j + ENDIF.len();
            text_start = i;
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            push_text(&mut out, text_start, i);
            let e = t[i..].find('>').map(|j| i + j + 1).unwrap_or(b.len());
            out.push(Tok::Other);
            i = e;
            text_start = i;
            continue;
        }
        let end_tag = rest.starts_with("</");
        let name_at = if end_tag { i + 2 } else { i + 1 };
        if name_at >= b.len() || !b[name_at].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        push_text(&mut out, text_start, i);
        let mut j = name_at;
        while j < b.len() && is_name_char(b[j]) {
            j += 1;
        }
        let name = t[name_at..j].to_ascii_lowercase();
        // attributes
        let mut attrs = Vec::new();
        let mut self_closing = false;
        loop {
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j >= b.len() {
                break;
            }
            if b[j] == b'>' {
                j += 1;
                break;
            }
            if b[j] == b'/' {
                self_closing = b.get(j + 1) == Some(&b'>');
                j += 1;
                continue;
            }
            let an = j;
            while j < b.len() && !b[j].is_ascii_whitespace() && !matches!(b[j], b'=' | b'>') {
                if b[j] == b'/' && b.get(j + 1) == Some(&b'>') {
                    break;
                }
                j += 1;
            }
            if j == an {
                j += 1; // a stray character: skip it
                continue;
            }
            let aname = t[an..j].to_ascii_lowercase();
            let mut k = j;
            while k < b.len() && b[k].is_ascii_whitespace() {
                k += 1;
            }
            if k < b.len() && b[k] == b'=' {
                k += 1;
                while k < b.len() && b[k].is_ascii_whitespace() {
                    k += 1;
                }
                let (vs, ve, next) = if k < b.len() && (b[k] == b'"' || b[k] == b'\'') {
                    let q = b[k];
                    let e = b[k + 1..]
                        .iter()
                        .position(|&c| c == q)
                        .map(|p| k + 1 + p)
                        .unwrap_or(b.len());
                    (k + 1, e, (e + 1).min(b.len()))
                } else {
                    let mut e = k;
                    while e < b.len() && !b[e].is_ascii_whitespace() && b[e] != b'>' {
                        e += 1;
                    }
                    (k, e, e)
                };
                let raw = &t[vs..ve];
                attrs.push(Attr {
                    name: aname,
                    value: decode(raw).into_iter().map(|p| p.0).collect(),
                    span: vs..ve,
                });
                j = next;
            } else {
                attrs.push(Attr {
                    name: aname,
                    value: String::new(),
                    span: j..j,
                });
            }
        }
        let span = i..j;
        if end_tag {
            out.push(Tok::End { name, span });
            i = j;
            text_start = i;
            continue;
        }
        let raw = RAW.contains(&name.as_str()) && !self_closing;
        out.push(Tok::Start {
            name: name.clone(),
            span,
            attrs,
            self_closing,
        });
        i = j;
        if raw {
            let close = format!("</{name}");
            let lower_rest = t[i..].to_ascii_lowercase();
            let e = lower_rest.find(&close).map(|p| i + p).unwrap_or(b.len());
            out.push(Tok::Raw(i..e));
            i = e;
        }
        text_start = i;
    }
    push_text(&mut out, text_start, b.len());
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(h) => u32::from_str_radix(h, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "micro" => 'µ',
        "le" => '≤',
        "ge" => '≥',
        "ne" => '≠',
        "asymp" => '≈',
        "minus" => '−',
        "alpha" => 'α',
        "beta" => 'β',
        "gamma" => 'γ',
        "delta" => 'δ',
        "kappa" => 'κ',
        "mu" => 'μ',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "ccedil" => 'ç',
        "sup1" => '¹',
        "sup2" => '²',
        "sup3" => '³',
        _ => return None,
    })
}

/// `raw` with its character references (`&amp;`, `&#8805;`) decoded; unknown ones stay as written.
pub fn decode_entities(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_string();
    }
    decode(raw).into_iter().map(|(t, _)| t).collect()
}

/// Decode `raw` into pieces: (decoded text, byte range within `raw`). Literal runs decode to
/// themselves; each entity is its own piece.
fn decode(raw: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut lit = 0;
    let mut i = 0;
    let b = raw.as_bytes();
    while i < b.len() {
        if b[i] == b'&' {
            let end = raw[i + 1..]
                .char_indices()
                .take(32)
                .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '#'))
                .map(|(k, c)| (i + 1 + k, c));
            if let Some((e, ';')) = end
                && let Some(c) = entity(&raw[i + 1..e])
            {
                if i > lit {
                    out.push((raw[lit..i].to_string(), lit..i));
                }
                out.push((c.to_string(), i..e + 1));
                i = e + 1;
                lit = i;
                continue;
            }
        }
        i += 1;
    }
    if lit < b.len() {
        out.push((raw[lit..].to_string(), lit..b.len()));
    }
    out
}

/// Does a start tag match a simple selector: `tag`, `#id`, `.class`, `tag.class`?
fn matches_selector(tok: &Tok, sel: &str) -> bool {
    let Tok::Start { name, .. } = tok else {
        return false;
    };
    let sel = sel.trim();
    if let Some(id) = sel.strip_prefix('#') {
        return tok.attr("id").is_some_and(|a| a.value == id);
    }
    let (tag, class) = match sel.split_once('.') {
        Some((t, c)) => (t, Some(c)),
        None => (sel, None),
    };
    (tag.is_empty() || tag.eq_ignore_ascii_case(name))
        && class.is_none_or(|c| {
            tok.attr("class")
                .is_some_and(|a| a.value.split_whitespace().any(|x| x == c))
        })
}

/// The index of the token that closes the element opened at `k`, if it is closed.
fn matching_end(toks: &[Tok], k: usize) -> Option<usize> {
    let Tok::Start { name, .. } = &toks[k] else {
        return None;
    };
    let mut depth = 0usize;
    for (j, t) in toks.iter().enumerate().skip(k) {
        match t {
            Tok::Start {
                name: n,
                self_closing: false,
                ..
            } if n == name => depth += 1,
            Tok::End { name: n, .. } if n == name => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
    }
    None
}

/// Footers and asides that hold a reference list (a References-like heading inside them) are
/// not page furniture: they are renamed to sections so they are read, and their token ranges
/// returned (those outside the article's region are read after it).
fn reference_furniture(toks: &mut [Tok], src: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let is_furniture = matches!(&toks[k], Tok::Start { name, self_closing: false, .. } if name == "footer" || name == "aside");
        if !is_furniture {
            k += 1;
            continue;
        }
        let end = matching_end(toks, k).unwrap_or(toks.len() - 1);
        let mut heading: Option<String> = None;
        let mut holds = false;
        for t in &toks[k..=end] {
            match t {
                Tok::Start { name, .. }
                    if matches!(name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") =>
                {
                    heading = Some(String::new())
                }
                Tok::Text(r) => {
                    if let Some(h) = heading.as_mut() {
                        h.push_str(&src[r.clone()]);
                    }
                }
                Tok::End { name, .. }
                    if matches!(name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") =>
                {
                    if let Some(h) = heading.take()
                        && crate::document::references::is_reference_title(&decode_entities(&h))
                    {
                        holds = true;
                    }
                }
                _ => {}
            }
        }
        if holds {
            for j in [k, end] {
                match &mut toks[j] {
                    Tok::Start { name, .. } | Tok::End { name, .. } => *name = "section".into(),
                    _ => {}
                }
            }
            out.push(k..end + 1);
        }
        k = end + 1;
    }
    out
}

/// The token range of the article's main content.
fn main_region(toks: &[Tok], selectors: &[String]) -> Range<usize> {
    let defaults = ["article", "main", "body"].map(String::from);
    for sel in selectors.iter().chain(defaults.iter()) {
        let Some(start) = toks.iter().position(|t| matches_selector(t, sel)) else {
            continue;
        };
        if !matches!(&toks[start], Tok::Start { .. }) {
            continue;
        }
        let end = matching_end(toks, start).unwrap_or(toks.len());
        return start + 1..end;
    }
    0..toks.len()
}

struct Elem {
    name: String,
    number: Option<(u32, Range<usize>)>,
}

struct Builder<'a> {
    src: &'a str,
    blocks: Vec<Block>,
    current: Option<Block>,
    stack: Vec<Elem>,
    /// `(ordered, next number)` for each open list.
    lists: Vec<(bool, u32)>,
    skip: usize,
}

impl Builder<'_> {
    fn flush(&mut self) {
        if let Some(mut b) = self.current.take() {
            while b.pieces.last().is_some_and(|p| p.0.trim().is_empty()) {
                b.pieces.pop();
            }
            if b.pieces.is_empty() {
                return;
            }
            let last = b.pieces.last().map(|p| p.1.end).unwrap_or(b.span.end);
            b.span.end = b.span.end.max(last);
            self.blocks.push(b);
        }
    }

    fn kind(&self) -> BlockKind {
        for e in self.stack.iter().rev() {
            match e.name.as_str() {
                "h1" => return BlockKind::Heading(1),
                "h2" => return BlockKind::Heading(2),
                "h3" => return BlockKind::Heading(3),
                "h4" => return BlockKind::Heading(4),
                "h5" => return BlockKind::Heading(5),
                "h6" => return BlockKind::Heading(6),
                "li" => return BlockKind::ListItem,
                "blockquote" => return BlockKind::Quote,
                "td" | "th" => return BlockKind::TableCell,
                _ => {}
            }
        }
        BlockKind::Paragraph
    }

    fn text(&mut self, r: Range<usize>) {
        if self.skip > 0 {
            return;
        }
        let raw = &self.src[r.clone()];
        for (t, pr) in decode(raw) {
            let at = r.start + pr.start;
            if t.len() != pr.len() {
                // an entity: one piece
                self.piece(t, at..r.start + pr.end);
                continue;
            }
            // split literal text at whitespace runs, collapsing each to one space
            let mut lit = 0;
            let bytes = t.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i].is_ascii_whitespace() {
                    let mut j = i;
                    while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                        j += 1;
                    }
                    if i > lit {
                        self.piece(t[lit..i].to_string(), at + lit..at + i);
                    }
                    self.piece(" ".into(), at + i..at + j);
                    lit = j;
                    i = j;
                } else {
                    i += 1;
                }
            }
            if lit < t.len() {
                self.piece(t[lit..].to_string(), at + lit..at + t.len());
            }
        }
    }

    fn piece(&mut self, t: String, r: Range<usize>) {
        let blank = t.trim().is_empty();
        match self.current.as_mut() {
            None if blank => {}
            None => {
                let kind = self.kind();
                let mut b = Block::new(kind, r.start..r.end);
                if kind == BlockKind::ListItem {
                    b.depth = self.stack.iter().filter(|e| e.name == "li").count() as u8;
                    if let Some(li) = self.stack.iter_mut().rev().find(|e| e.name == "li") {
                        b.number = li.number.take();
                    }
                }
                b.pieces.push((t, r));
                self.current = Some(b);
            }
            Some(b) => {
                if blank && b.pieces.last().is_some_and(|p| p.0.ends_with(' ')) {
                    return;
                }
                b.span.end = b.span.end.max(r.end);
                b.pieces.push((t, r));
            }
        }
    }

    /// An inline tag inside an open block: the block's span covers it (so `<sup>1</sup>` is
    /// scanned whole); `<br>` is a space.
    fn inline(&mut self, name: &str, span: Range<usize>) {
        if self.skip > 0 {
            return;
        }
        if name == "br" {
            self.piece(" ".into(), span);
            return;
        }
        if let Some(b) = self.current.as_mut() {
            b.span.end = b.span.end.max(span.end);
        }
    }

    fn close(&mut self, name: &str) {
        if let Some(k) = self.stack.iter().rposition(|e| e.name == name) {
            for e in self.stack.drain(k..) {
                if SKIP.contains(&e.name.as_str()) {
                    self.skip = self.skip.saturating_sub(1);
                }
                if matches!(e.name.as_str(), "ol" | "ul") {
                    self.lists.pop();
                }
            }
        }
    }
}

/// The text inside the element that token `k` opens, up to its end tag (see
/// [`matching_end`]; at most a few hundred tokens in).
fn own_text(src: &str, toks: &[Tok], k: usize) -> String {
    let end = matching_end(toks, k).unwrap_or(toks.len()).min(k + 400);
    let mut out = String::new();
    for t in &toks[(k + 1).min(end)..end] {
        if let Tok::Text(r) = t {
            out.push_str(&src[r.clone()]);
            out.push(' ');
        }
    }
    out
}

/// Whether a block's text reads as a reader's disclaimer: it speaks of medical or clinical
/// advice, a doctor, a diagnosis or treatment (a cookie banner or an affiliate note does not).
fn reads_as_disclaimer(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "doctor",
        "medical",
        "clinical",
        "clinician",
        "physician",
        "advice",
        "guidance",
        "diagnos",
        "treatment",
        "professional",
    ];
    let t = text.to_lowercase();
    t.chars().filter(|c| c.is_alphabetic()).count() >= 20 && WORDS.iter().any(|w| t.contains(w))
}

pub fn parse(doc: &mut Document, opts: &ParseOptions) {
    let mut toks = tokenize(&doc.text);
    let mut fields = Vec::new();
    let mut code = Vec::new();
    // metadata anywhere in the file
    for (k, t) in toks.iter().enumerate() {
        match t {
            Tok::Start { name, .. } if name == "meta" => {
                let key = t
                    .attr("name")
                    .or(t.attr("property"))
                    .or(t.attr("itemprop"))
                    .or(t.attr("http-equiv"));
                if let (Some(key), Some(content)) = (key, t.attr("content"))
                    && (canonical(&key.value).is_some()
                        || key.value.eq_ignore_ascii_case("disclaimer"))
                {
                    let mut f = keyed_field(
                        &key.value,
                        &content.value,
                        content.span.clone(),
                        MetaSource::HtmlMeta,
                    );
                    if f.name == metadata::REVIEWED_BY && is_group(&f.value) {
                        f.name = metadata::REVIEW_BOARD.into();
                    }
                    if f.name.eq_ignore_ascii_case("disclaimer") {
                        f.name = "disclaimer".into();
                    }
                    fields.push(f);
                }
            }
            // `<div class="disclaimer">…</div>`, `<aside id="medical-disclaimer">`: a block the
            // page marks as its disclaimer, shown, whose own text reads as one (not a cookie
            // banner's or an affiliate note's "disclaimer")
            Tok::Start { name, span, .. }
                if ["div", "section", "aside", "p", "footer"].contains(&name.as_str())
                    && ["class", "id"].iter().any(|a| {
                        t.attr(a).is_some_and(|v| {
                            v.value.split_whitespace().any(|c| {
                                c.split(['-', '_'])
                                    .any(|w| w.eq_ignore_ascii_case("disclaimer"))
                            })
                        })
                    })
                    && t.attr("hidden").is_none()
                    && !t.attr("style").is_some_and(|v| {
                        v.value
                            .replace(' ', "")
                            .to_ascii_lowercase()
                            .contains("display:none")
                    })
                    && reads_as_disclaimer(&own_text(&doc.text, &toks, k)) =>
            {
                fields.push(keyed_field(
                    "disclaimer",
                    name,
                    span.clone(),
                    MetaSource::HtmlMeta,
                ));
            }
            Tok::Start { name, .. } if name == "time" => {
                // <time itemprop="dateModified" datetime="2025-01-02">
                if let (Some(p), Some(dt)) = (t.attr("itemprop"), t.attr("datetime"))
                    && canonical(&p.value).is_some()
                {
                    fields.push(keyed_field(
                        &p.value,
                        &dt.value,
                        dt.span.clone(),
                        MetaSource::HtmlMeta,
                    ));
                } else if let Some(dt) = t.attr("datetime")
                    && t.attr("itemprop").is_none()
                    && !fields.iter().any(|f| f.name == metadata::PUBLISHED)
                {
                    // the first plain `<time datetime>` of a page is its date (a byline's
                    // "Published <time …>"); it counts only when no review or update date
                    // is given
                    fields.push(keyed_field(
                        "published",
                        &dt.value,
                        dt.span.clone(),
                        MetaSource::HtmlMeta,
                    ));
                }
            }
            Tok::Raw(r) => {
                code.push(r.clone());
                let is_ld = k > 0
                    && toks[k - 1].attr("type").is_some_and(|a| {
                        a.value.trim().eq_ignore_ascii_case("application/ld+json")
                    });
                if is_ld {
                    json_ld(&doc.text, r.clone(), &mut fields);
                }
            }
            _ => {}
        }
    }
    doc.out_links = out_links(&toks);
    word_generator(&doc.text, &mut fields);
    let furniture = reference_furniture(&mut toks, &doc.text);
    let region = main_region(&toks, &opts.html_main);
    // reference lists in a footer or aside outside the article are read after it
    let mut order: Vec<usize> = region.clone().collect();
    for f in &furniture {
        if f.start >= region.end {
            order.extend(f.clone());
        }
    }
    let mut bld = Builder {
        src: &doc.text,
        blocks: Vec::new(),
        current: None,
        stack: Vec::new(),
        lists: Vec::new(),
        skip: 0,
    };
    for t in order.iter().map(|&k| &toks[k]) {
        match t {
            Tok::Text(r) => bld.text(r.clone()),
            Tok::Start {
                name,
                span,
                self_closing,
                ..
            } => {
                let n = name.as_str();
                let block = BLOCKS.contains(&n);
                if block {
                    bld.flush();
                    // implied ends: a block closes an open <p>; <li> closes the previous <li>
                    if bld.stack.last().is_some_and(|e| e.name == "p") {
                        bld.close("p");
                    }
                    if n == "li" {
                        let li = bld.stack.iter().rposition(|e| e.name == "li");
                        let list = bld
                            .stack
                            .iter()
                            .rposition(|e| e.name == "ol" || e.name == "ul");
                        if let (Some(a), b) = (li, list)
                            && b.is_none_or(|b| a > b)
                        {
                            bld.close("li");
                        }
                    }
                    if matches!(n, "td" | "th")
                        && let Some(a) = bld
                            .stack
                            .iter()
                            .rposition(|e| e.name == "td" || e.name == "th")
                    {
                        let name = bld.stack[a].name.clone();
                        bld.close(&name);
                    }
                } else {
                    bld.inline(n, span.clone());
                }
                if VOID.contains(&n) || *self_closing {
                    continue;
                }
                if SKIP.contains(&n) {
                    bld.flush();
                    bld.skip += 1;
                }
                let mut number = None;
                match n {
                    "ol" => {
                        let start = t
                            .attr("start")
                            .and_then(|a| a.value.trim().parse::<u32>().ok())
                            .unwrap_or(1);
                        bld.lists.push((true, start));
                    }
                    "ul" => bld.lists.push((false, 1)),
                    "li" => {
                        if let Some((true, next)) = bld.lists.last_mut() {
                            let v = t
                                .attr("value")
                                .and_then(|a| a.value.trim().parse::<u32>().ok())
                                .unwrap_or(*next);
                            *next = v + 1;
                            number = Some((v, span.clone()));
                        }
                    }
                    _ => {}
                }
                bld.stack.push(Elem {
                    name: name.clone(),
                    number,
                });
            }
            Tok::End { name, span } => {
                let n = name.as_str();
                if BLOCKS.contains(&n) || SKIP.contains(&n) {
                    bld.flush();
                } else {
                    bld.inline(n, span.clone());
                }
                bld.close(n);
            }
            Tok::Raw(_) | Tok::Other => {}
        }
    }
    bld.flush();
    doc.blocks = bld.blocks;
    doc.code.extend(code);
    doc.metadata.extend(fields);
    crate::document::finish_structure(doc);
}

/// The contents of the links to pages outside the article: `<a href="https://…">` (or
/// `file:`, a saved chat's upload) up to its `</a>`, or, when it is not closed, to the next
/// `<a>` (links do not nest) or the next block's tag.
fn out_links(toks: &[Tok]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        let Tok::Start { name, span, .. } = t else {
            continue;
        };
        let outside = name == "a"
            && t.attr("href").is_some_and(|h| {
                let h = h.value.trim_start().as_bytes();
                ["http://", "https://", "file:"]
                    .iter()
                    .any(|p| h.len() >= p.len() && h[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
            });
        if !outside {
            continue;
        }
        let end = toks[k + 1..].iter().find_map(|t| match t {
            Tok::End { name, span } | Tok::Start { name, span, .. }
                if name == "a" || BLOCKS.contains(&name.as_str()) =>
            {
                Some(span.start)
            }
            _ => None,
        });
        if let Some(e) = end {
            out.push(span.end..e);
        }
    }
    out
}

/// The tool that generated a document Word saved as a web page, from its custom document
/// properties (`<o:generator dt:dt="string">ChatGPT Deep Research</o:generator>`, inside the
/// conditional comment Word writes in the head).
fn word_generator(text: &str, out: &mut Vec<MetaField>) {
    const OPEN: &str = "<o:generator";
    // only among the document's properties, not a page that shows the tag in its text
    let Some(props) = text.find("<o:CustomDocumentProperties>") else {
        return;
    };
    let Some(at) = text[props..].find(OPEN).map(|i| props + i) else {
        return;
    };
    if text[props..at].contains("</o:CustomDocumentProperties>") {
        return;
    }
    let rest = &text[at + OPEN.len()..];
    let Some(gt) = rest.find('>') else {
        return;
    };
    let vstart = at + OPEN.len() + gt + 1;
    let Some(len) = text[vstart..].find("</o:generator>") else {
        return;
    };
    let value = text[vstart..vstart + len].trim();
    if !value.is_empty() && value.len() <= 200 && !value.contains('<') {
        let lead = text[vstart..].len() - text[vstart..].trim_start().len();
        let s = vstart + lead..vstart + lead + value.len();
        out.push(keyed_field("generator", value, s, MetaSource::HtmlMeta));
    }
}

/// Metadata from a JSON-LD script: walks `@graph`, `mainEntity` and arrays.
fn json_ld(text: &str, r: Range<usize>, out: &mut Vec<MetaField>) {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(&text[r.clone()]) else {
        return;
    };
    let mut cursors = std::collections::BTreeMap::new();
    walk_ld(text, &r, &v, &mut cursors, out, 0);
}

/// Where the next `"key"` of the script was last found, per key (JSON objects are read in key
/// order, not file order).
type Cursors = std::collections::BTreeMap<String, usize>;

/// The span of `value` (as written) after the next `"key"`; the key's span if the value is not
/// written literally.
fn locate(
    text: &str,
    r: &Range<usize>,
    key: &str,
    value: &str,
    cursors: &mut Cursors,
) -> Range<usize> {
    let cursor = cursors.entry(key.to_string()).or_insert(r.start);
    let hay = &text[*cursor..r.end];
    let Some(k) = hay.find(&format!("\"{key}\"")) else {
        return r.start..r.start;
    };
    let kstart = *cursor + k;
    let after = kstart + key.len() + 2;
    let span = match text[after..r.end].find(value) {
        Some(i) if !value.is_empty() => after + i..after + i + value.len(),
        _ => kstart..after,
    };
    *cursor = after;
    span
}

fn walk_ld(
    text: &str,
    r: &Range<usize>,
    v: &serde_json::Value,
    cursor: &mut Cursors,
    out: &mut Vec<MetaField>,
    depth: usize,
) {
    if depth > 8 {
        return;
    }
    match v {
        serde_json::Value::Array(a) => {
            for x in a {
                walk_ld(text, r, x, cursor, out, depth + 1);
            }
        }
        serde_json::Value::Object(o) => {
            for (k, val) in o {
                if matches!(k.as_str(), "@graph" | "mainEntity" | "mainEntityOfPage") {
                    walk_ld(text, r, val, cursor, out, depth + 1);
                    continue;
                }
                let Some(canon) = canonical(k) else { continue };
                if canon == metadata::REVIEWED_BY {
                    let org = |x: &serde_json::Value| {
                        x.get("@type")
                            .and_then(|t| t.as_str())
                            .is_some_and(|t| t == "Organization" || t.ends_with("Organization"))
                    };
                    let items: Vec<&serde_json::Value> = match val {
                        serde_json::Value::Array(a) => a.iter().collect(),
                        x => vec![x],
                    };
                    for item in items {
                        for name in json_names(item) {
                            let mut c = cursor.clone();
                            let span = locate(text, r, k, &name, &mut c);
                            let group = org(item) || is_group(&name);
                            out.push(MetaField {
                                name: if group {
                                    metadata::REVIEW_BOARD
                                } else {
                                    metadata::REVIEWED_BY
                                }
                                .into(),
                                raw_key: k.clone(),
                                value: name,
                                span,
                                source: MetaSource::JsonLd,
                            });
                        }
                    }
                } else if let Some(s) = val.as_str() {
                    let span = locate(text, r, k, s, cursor);
                    let mut f = keyed_field(k, s, span.clone(), MetaSource::JsonLd);
                    if span.len() != s.len() {
                        f.span = span;
                    }
                    out.push(f);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    fn doc(t: &str) -> Document {
        Document::parse(
            "a.html",
            t.to_string(),
            Format::Html,
            &ParseOptions::default(),
        )
    }

    #[test]
    fn blocks_with_exact_spans_and_entities() {
        let t = "<html><head><title>X</title><style>p{}</style></head><body><nav><p>Menu</p></nav>\n<article><h1>Salt &amp; blood   pressure</h1>\n<p>Salt raises <b>blood</b> pressure.<sup>1</sup></p><ol start=\"3\"><li>One</li><li>Two</li></ol></article><footer><p>Foot</p></footer></body></html>";
        let d = doc(t);
        let texts: Vec<&str> = d.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Salt & blood pressure",
                "Salt raises blood pressure.",
                "One",
                "Two"
            ]
        );
        assert_eq!(d.blocks[0].kind, BlockKind::Heading(1));
        let b = &d.blocks[0];
        let i = b.text.find('&').unwrap();
        assert_eq!(&t[b.map.range(i..i + 1)], "&amp;");
        let i = b.text.find("pressure").unwrap();
        assert_eq!(&t[b.map.range(i..i + 8)], "pressure");
        assert_eq!(d.citations.len(), 1);
        assert_eq!(&t[d.citations[0].span.clone()], "<sup>1</sup>");
        assert_eq!(d.blocks[2].number.as_ref().map(|n| n.0), Some(3));
        assert_eq!(d.blocks[3].number.as_ref().map(|n| n.0), Some(4));
    }

    #[test]
    fn linked_citations_resolve_against_an_ol_reference_list() {
        let t = "<main><p>Claim one.<a href=\"#ref-1\">[1]</a> Claim two.<sup><a href=\"#cite-2\">2</a></sup> Claim three <a href=\"#ref-1\">1</a>.</p><h2>References</h2><ol><li id=\"ref-1\">A. Study.</li><li>B. Study.</li></ol></main>";
        let d = doc(t);
        assert_eq!(d.citations.len(), 3, "{:?}", d.citations);
        assert!(
            d.citations
                .iter()
                .all(|c| c.targets.iter().all(|x| x.resolved.is_some()))
        );
        assert_eq!(d.references.len(), 2);
    }

    #[test]
    fn meta_and_json_ld() {
        let t = r#"<html><head><meta name="last-modified" content="2025-03-04"><script type="application/ld+json">{"@context":"https://schema.org","@type":"MedicalWebPage","lastReviewed":"2025-01-02","reviewedBy":{"@type":"Person","name":"Ana Li, MD"},"creativeWorkStatus":"Published"}</script></head><body><p>Text.</p></body></html>"#;
        let d = doc(t);
        let get = |n: &str| {
            d.metadata
                .iter()
                .find(|m| m.name == n)
                .map(|m| &t[m.span.clone()])
        };
        assert_eq!(get(metadata::LAST_UPDATED), Some("2025-03-04"));
        assert_eq!(get(metadata::LAST_REVIEWED), Some("2025-01-02"));
        assert_eq!(get(metadata::REVIEWED_BY), Some("Ana Li, MD"));
        assert_eq!(get(metadata::REVIEW_STATUS), Some("Published"));
    }

    #[test]
    fn word_exports_lose_their_bullets_and_keep_their_generator_and_links() {
        let t = "<html><head><!--[if gte mso 9]><xml><o:CustomDocumentProperties>\n<o:generator dt:dt=\"string\">ChatGPT Deep Research</o:generator>\n</o:CustomDocumentProperties></xml><![endif]--></head><body>\n<p class=MsoListParagraph><![if !supportLists]><span>o<span>&nbsp;&nbsp; </span></span><![endif]>Cisplatin at 75 mg/m2.<a\nhref=\"https://example.org/trial\"><span\nlang=EN>[4]</span></a> Then<a href=\"#n2\">[5]</a>.</p>\n</body></html>";
        let d = doc(t);
        assert!(
            d.blocks[0]
                .text
                .trim()
                .starts_with("Cisplatin at 75 mg/m2.")
        );
        assert_eq!(d.citations.len(), 2);
        let g = d.metadata.iter().find(|f| f.name == "generator").unwrap();
        assert_eq!(g.value, "ChatGPT Deep Research");
        assert_eq!(&t[g.span.clone()], "ChatGPT Deep Research");
        // the contents of the outside link only, not the page's own anchor
        assert_eq!(d.out_links.len(), 1);
        assert_eq!(&t[d.out_links[0].clone()], "<span\nlang=EN>[4]</span>");
        // an unclosed link ends at the next block; a page that shows the tag is no property
        let t = "<p><a href=\"https://example.org/x\">Menu<p>Rates fell [1].</p><pre>&lt;o:generator&gt;</pre><p>&lt;o:generator>GPT</o:generator></p>";
        let d = doc(t);
        assert_eq!(&t[d.out_links[0].clone()], "Menu");
        assert!(d.metadata.iter().all(|f| f.name != "generator"));
    }

    #[test]
    fn malformed_html_never_panics() {
        for t in [
            "<",
            "<p",
            "<p class=\"x",
            "</",
            "<!--",
            "<a href=x>&#xZZ;&#99999999;&amp",
            "<ol start=x><li>é</li>",
            "<script>unclosed",
            "<p>a</li></ol></p></div>",
            "<td>x<td>y",
            "&",
            "<br/><br>text<img src=a>",
            "<p><![if !supportLists]>o",
            "<![if !supportLists]><![endif]>",
        ] {
            let _ = doc(t);
        }
    }
}
