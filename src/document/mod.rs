//! The format-independent model every rule reads. Parsed once per file.
//!
//! All spans are byte offsets into `Document::text` (the file as read). Blocks carry a
//! plain-text rendering of their prose (markup and citation markers removed) together with an
//! [`OffsetMap`] back into the source, so that sentences found in plain text keep exact spans.

pub mod author_year;
pub mod bibliography;
pub mod bibtex;
pub mod citations;
pub mod english;
pub mod front_matter;
pub mod html;
pub mod identifiers;
pub mod lines;
pub mod links;
pub mod manubot;
pub mod markdown;
pub mod metadata;
pub mod parent;
pub mod patterns;
pub mod references;
pub mod sentences;
pub mod split;
pub mod text;
pub mod transcript;

pub use lines::LineIndex;

use crate::diagnostic::Diagnostic;
use std::ops::Range;
use std::path::Path;

/// The syntax family an article is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
    Html,
}

impl Format {
    /// The format a path's extension implies, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            // Quarto and R Markdown: Markdown with YAML front matter and code chunks
            "md" | "markdown" | "mdown" | "mkd" | "qmd" | "rmd" | "rmarkdown" => {
                Some(Format::Markdown)
            }
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }
}

/// What kind of prose unit a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Heading(u8),
    Paragraph,
    ListItem,
    Quote,
    TableCell,
}

/// Where a block stands: in the article's prose, or inside a reference entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Prose,
    /// Text of a reference entry (list item, footnote definition, excerpt under a title heading).
    Reference,
    /// A paragraph that is only a bibliographic reference, standing under the text it
    /// sources ("Baek SH et al. JAMA Intern Med. 2021 Jan 1."): not prose, and no entry.
    SourceLine,
    /// A user's turn in a saved chat (under a "You" or "User" label, up to the assistant's
    /// answer): the question put to the assistant, not the article's text.
    Prompt,
}

/// A prose unit with its plain text and the way back to the source.
#[derive(Clone, Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub role: Role,
    pub span: Range<usize>,
    pub text: String,
    pub map: OffsetMap,
    /// Index into `Document::sections` of the innermost section holding the block.
    pub section: Option<usize>,
    /// For list items: the nesting depth (1 = top level); 0 otherwise.
    pub depth: u8,
    /// For list items: the item number as written in the source (`2.` → 2) and its span.
    pub number: Option<(u32, Range<usize>)>,
    /// Raw text pieces and their source ranges, as the parser found them; turned into
    /// `text` and `map` once citation markers are known.
    pub pieces: Vec<(String, Range<usize>)>,
}

impl Block {
    pub fn new(kind: BlockKind, span: Range<usize>) -> Block {
        Block {
            kind,
            role: Role::Prose,
            span,
            text: String::new(),
            map: OffsetMap::default(),
            section: None,
            depth: 0,
            number: None,
            pieces: Vec::new(),
        }
    }
}

/// Maps byte offsets of a block's plain text back to byte offsets of the source.
#[derive(Clone, Debug, Default)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
}

#[derive(Clone, Copy, Debug)]
struct Piece {
    text: usize,
    len: usize,
    src: usize,
    src_len: usize,
}

impl OffsetMap {
    /// Record that `len` bytes of plain text starting at `text` came from `src..src+src_len`.
    /// When the lengths agree the mapping is exact byte for byte; otherwise the piece maps
    /// as a whole (an entity, an escape).
    pub fn push(&mut self, text: usize, len: usize, src: usize, src_len: usize) {
        self.pieces.push(Piece {
            text,
            len,
            src,
            src_len,
        });
    }

    fn find(&self, t: usize, end: bool) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| {
            if end {
                p.text + p.len < t
            } else {
                p.text + p.len <= t
            }
        });
        self.pieces.get(i).or_else(|| self.pieces.last())
    }

    /// Source offset of the plain-text offset `t` taken as a start.
    pub fn start(&self, t: usize) -> usize {
        match self.find(t, false) {
            Some(p) if t < p.text => p.src,
            Some(p) if p.len == p.src_len => p.src + (t - p.text).min(p.len),
            Some(p) if t >= p.text + p.len => p.src + p.src_len,
            Some(p) => p.src,
            None => 0,
        }
    }

    /// Source offset of the plain-text offset `t` taken as an (exclusive) end.
    pub fn end(&self, t: usize) -> usize {
        match self.find(t, true) {
            Some(p) if t <= p.text => p.src,
            Some(p) if p.len == p.src_len => p.src + (t - p.text).min(p.len),
            Some(p) => p.src + p.src_len,
            None => 0,
        }
    }

    pub fn range(&self, r: Range<usize>) -> Range<usize> {
        let s = self.start(r.start);
        let e = self.end(r.end).max(s);
        s..e
    }

    /// Plain-text offsets where a later line of the source begins (after a soft or hard line
    /// break), given the document's source.
    pub fn line_starts(&self, src: &str) -> Vec<usize> {
        self.pieces
            .windows(2)
            .filter(|w| {
                src.get(w[0].src..w[1].src)
                    .is_some_and(|between| between.contains('\n'))
            })
            .map(|w| w[1].text)
            .collect()
    }
}

/// A sentence of prose with the citations that cover it.
#[derive(Clone, Debug)]
pub struct Sentence {
    pub span: Range<usize>,
    pub block: usize,
    /// Byte range of the sentence inside `blocks[block].text`.
    pub text_range: Range<usize>,
    /// Indices into `Document::citations` of the markers inside or right after the sentence.
    pub citations: Vec<usize>,
    /// It names its source without a marker: a link that cites it, a scholarly identifier or
    /// its authors and year (see [`links::names_its_source`]), or a chat tool's citation
    /// token.
    pub names_source: bool,
    /// A chat tool's tokens in the sentence (spans relative to `span.start`), read once here
    /// for `names_source` and `assistant-artifact`.
    pub chat_tokens: Vec<links::ChatToken>,
}

/// How a citation was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CiteSyntax {
    /// `[1]`, `[1,2]`, `[1-3]`, `[[1]]`
    Bracket,
    /// `[[1](#cit/…)]` and linked ranges
    Linked,
    /// `¹²`
    Superscript,
    /// `<sup>1</sup>`
    SupTag,
    /// `[^1]`
    Footnote,
    /// `[@key]`, `[see @a, p. 33; -@b]`
    Pandoc,
    /// `@key` in running text (pandoc's narrative citation), `@key [p. 33]`
    Narrative,
    /// LaTeX (natbib, biblatex) in R Markdown and Quarto: `\citep{a, b}`, `\citet[p. 3]{a}`
    Latex,
    /// `… melanoma 1, 2, 3.` in scraped text
    Bare,
    /// `…competitions.1 It…`: a number glued after the full stop, where an export flattened a
    /// superscript (Google Docs, AI "deep research" reports)
    Glued,
    /// "(Smith et al., 2020)", "Smith et al. (2020)" against a written reference list
    AuthorYear,
    /// MediaWiki `<ref>source</ref>`, `<ref name="x">source</ref>`, `<ref name="x" />`
    WikiRef,
    /// `(1)`, `(3, 4)`, `(5–7)` when a document uses them consistently as citations
    Paren,
}

impl CiteSyntax {
    pub fn is_numeric(self) -> bool {
        !matches!(
            self,
            CiteSyntax::Footnote
                | CiteSyntax::Pandoc
                | CiteSyntax::Narrative
                | CiteSyntax::Latex
                | CiteSyntax::AuthorYear
                | CiteSyntax::WikiRef
        )
    }
    /// A citation key: pandoc's, bracketed or narrative, or LaTeX's.
    pub fn is_keyed(self) -> bool {
        matches!(
            self,
            CiteSyntax::Pandoc | CiteSyntax::Narrative | CiteSyntax::Latex
        )
    }
    pub fn describe(self) -> &'static str {
        match self {
            CiteSyntax::Bracket => "bracketed number",
            CiteSyntax::Linked => "linked number",
            CiteSyntax::Superscript => "superscript number",
            CiteSyntax::SupTag => "<sup> number",
            CiteSyntax::Footnote => "footnote",
            CiteSyntax::Pandoc => "citation key",
            CiteSyntax::Narrative => "narrative citation key",
            CiteSyntax::Latex => "LaTeX citation",
            CiteSyntax::Bare => "bare number",
            CiteSyntax::Glued => "number after the full stop",
            CiteSyntax::AuthorYear => "author-year citation",
            CiteSyntax::WikiRef => "<ref> tag",
            CiteSyntax::Paren => "number in parentheses",
        }
    }
}

/// The name a citation uses for a reference.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RefKey {
    Num(u32),
    Footnote(String),
    Key(String),
    /// First author's surname and year as written: "Smith 2020a".
    AuthorYear(String),
}

impl std::fmt::Display for RefKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RefKey::Num(n) => write!(f, "{n}"),
            RefKey::Footnote(k) => write!(f, "^{k}"),
            RefKey::Key(k) => write!(f, "@{k}"),
            RefKey::AuthorYear(k) => write!(f, "{k}"),
        }
    }
}

/// One name inside a marker; a range `[1-3]` expands to three targets sharing the span.
#[derive(Clone, Debug)]
pub struct Target {
    pub key: RefKey,
    pub span: Range<usize>,
    /// Index into `Document::references` once resolved.
    pub resolved: Option<usize>,
    /// A number implied by a range (`2` in `[1-3]`) rather than written.
    pub interior: bool,
}

impl Target {
    /// A reference number written in the marker.
    pub fn num(n: u32, span: Range<usize>) -> Target {
        Target {
            key: RefKey::Num(n),
            span,
            resolved: None,
            interior: false,
        }
    }
    /// Member `n` of the range `a..=b`; interior unless it is an endpoint.
    pub fn in_range(n: u32, a: u32, b: u32, span: Range<usize>) -> Target {
        Target {
            key: RefKey::Num(n),
            span,
            resolved: None,
            interior: n != a && n != b,
        }
    }
}

/// A citation marker.
#[derive(Clone, Debug)]
pub struct Citation {
    pub span: Range<usize>,
    pub syntax: CiteSyntax,
    pub targets: Vec<Target>,
    /// A problem with the marker itself: reversed or empty range, `[0]`.
    pub malformed: Option<String>,
    /// The reference list consulted for numbered targets (index into `Document::lists`).
    pub list: Option<usize>,
}

/// What kind of reference list it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    /// A numbered list (or `### Title [^k]` entries) under a References-like heading.
    Numbered,
    /// Markdown footnote definitions, or link reference definitions with numeric labels.
    Footnotes,
    /// `references:` in the front matter.
    FrontMatter,
    /// A CSL-JSON bibliography file.
    Bibliography,
    /// MediaWiki `<ref>` tags: each carries its own source text where it is first used.
    WikiRefs,
    /// Manubot keys that name their work (`@doi:…`, `@pmid:…`; `@tag:…` through the tag
    /// map): one entry a key cited (see `manubot`).
    Manubot,
}

/// A reference list and the part of the document it serves.
#[derive(Clone, Debug)]
pub struct ReferenceList {
    pub kind: ListKind,
    /// The heading over the list, if any.
    pub heading: Option<Range<usize>>,
    /// Span of the list in this file (for a bibliography: the `bibliography:` field).
    pub span: Range<usize>,
    /// The part of this file whose markers resolve against the list.
    pub scope: Range<usize>,
    pub entries: Vec<usize>,
    /// For a bibliography: its path as named.
    pub file: Option<String>,
    /// For a bibliography that could not be read: why (its markers cannot be checked).
    pub unreadable: Option<String>,
    /// For a bibliography the article does not name itself: what names it (`_quarto.yml`,
    /// the document that includes this one, the config).
    pub named_by: Option<String>,
}

impl ReferenceList {
    /// A list that serves the whole document (footnotes, front matter, a bibliography).
    pub fn whole_document(
        kind: ListKind,
        span: Range<usize>,
        doc_len: usize,
        entries: Vec<usize>,
        file: Option<String>,
    ) -> ReferenceList {
        ReferenceList {
            kind,
            heading: None,
            span,
            scope: 0..doc_len,
            entries,
            file,
            unreadable: None,
            named_by: None,
        }
    }
}

/// Identifiers found in a reference entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ids {
    pub doi: Option<String>,
    pub pmid: Option<String>,
    pub url: Option<String>,
}

/// One reference entry.
#[derive(Clone, Debug)]
pub struct Reference {
    pub key: RefKey,
    /// Span in this file; for bibliography entries, the span in `path`.
    pub span: Range<usize>,
    /// Span of the key as written (the `2.` of a list item), for labels; empty where no key
    /// was written (a bullet's place in an unnumbered list, an entry's first author).
    pub key_span: Range<usize>,
    /// Plain text of the entry: title, journal, excerpt.
    pub text: String,
    pub title: Option<String>,
    pub ids: Ids,
    /// Abstract, from a bibliography.
    pub abstract_text: Option<String>,
    /// What the entry quotes of its source beyond the citation itself: the paragraphs, lists
    /// and quotations under a list item or title heading, the text a footnote definition owns,
    /// a front-matter `excerpt:`/`quote:`.
    pub excerpt: Option<String>,
    /// Identifiers written in the entry or its bibliography fields, valid or not.
    pub identifiers: Vec<identifiers::Identifier>,
    pub list: usize,
    /// Set when the entry lives in another file (a bibliography).
    pub path: Option<String>,
    /// For an entry of a bibliography file: its 1-based line there.
    pub line: Option<u32>,
}

impl Reference {
    /// The source's text as the article gives it: the entry (title, journal, excerpt) then
    /// the abstract, the entry ended as a sentence of its own so that a title that only names
    /// a topic stays one.
    pub fn source_text(&self) -> String {
        let mut t = self.text.trim_end().to_string();
        if let Some(a) = &self.abstract_text {
            if !t.is_empty() {
                if !t.ends_with(['.', '!', '?']) {
                    t.push('.');
                }
                t.push(' ');
            }
            t.push_str(a);
        }
        t
    }

    /// Does the article give text of the source beyond its citation (an excerpt or an
    /// abstract)? A title, authors and journal say nothing a quotation or a figure could be
    /// checked against.
    pub fn has_source_text(&self) -> bool {
        let some = |t: &Option<String>| t.as_deref().is_some_and(|t| !t.trim().is_empty());
        some(&self.excerpt) || some(&self.abstract_text)
    }

    /// What the article gives of the source beyond its citation: the excerpt, then the
    /// abstract (empty when [`Reference::has_source_text`] is false).
    pub fn given_text(&self) -> String {
        [self.excerpt.as_deref(), self.abstract_text.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A heading and the part of the document it governs.
#[derive(Clone, Debug)]
pub struct Section {
    pub level: u8,
    pub title: String,
    pub heading: Range<usize>,
    pub span: Range<usize>,
    pub parent: Option<usize>,
}

/// Where a metadata field was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetaSource {
    FrontMatter,
    Body,
    HtmlMeta,
    JsonLd,
    /// The file's name (`2018-12-30-post.md`): no span in the text.
    FileName,
}

/// A named metadata field (`last_reviewed`, `reviewed_by`, `status`, …) with the span of its value.
#[derive(Clone, Debug)]
pub struct MetaField {
    /// The canonical name (see `crate::document::metadata` for the aliases).
    pub name: String,
    /// The key as written.
    pub raw_key: String,
    pub value: String,
    pub span: Range<usize>,
    pub source: MetaSource,
}

/// The parsed document.
#[derive(Clone, Debug)]
pub struct Document {
    pub path: String,
    pub text: String,
    pub format: Format,
    pub lines: LineIndex,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    pub citations: Vec<Citation>,
    pub lists: Vec<ReferenceList>,
    pub references: Vec<Reference>,
    pub sections: Vec<Section>,
    pub metadata: Vec<MetaField>,
    /// HTML comments (`<!-- … -->`): not prose, but they carry suppressions.
    pub comments: Vec<Range<usize>>,
    /// Non-prose regions (code, front matter): never scanned for citations or claims.
    pub code: Vec<Range<usize>>,
    /// Front matter, if the document has one: its span and its parsed value.
    pub front_matter: Option<front_matter::FrontMatter>,
    /// Problems found while parsing (broken front matter, an unreadable bibliography).
    pub problems: Vec<Diagnostic>,
    /// Markdown footnote definitions: label and span.
    pub footnote_defs: Vec<(String, Range<usize>)>,
    /// Markdown link reference definitions (`[1]: https://…`): label and span.
    pub link_defs: Vec<(String, Range<usize>)>,
    /// Regions the source marks as an assistant's reasoning (`<think>…</think>`).
    pub traces: Vec<Range<usize>>,
    /// In HTML, the contents of links to pages outside the article (`<a href="https://…">`):
    /// a marker that ends one's text names its source the way `[\[3\]](https://…)` does
    /// (see `unresolved-citation`).
    pub out_links: Vec<Range<usize>>,
    /// `assistant-artifact`'s findings, which `missing-ai-disclosure` reads too.
    pub(crate) assistant_findings: Memo<Vec<Diagnostic>>,
    /// For each section, whether its heading is over an assistant's reasoning.
    pub(crate) trace_sections: Memo<Vec<bool>>,
    /// The main file that includes this one as a part (see [`parent`]).
    pub parent: Option<parent::Parent>,
    /// For a Quarto or R Markdown file, the type of the Quarto project it belongs to
    /// (`manuscript`, `book`, `website`: `project: type:` in `_quarto.yml`).
    pub quarto_project: Option<String>,
}

/// What two rules (or every sentence of one) read of a document, computed once with one
/// lexicon, by the first that needs it. The lexicon's address is the key: a run reads each
/// document with one, and another lexicon computes its own value afresh.
#[derive(Clone, Debug, Default)]
pub struct Memo<T>(std::sync::OnceLock<(usize, T)>);

impl<T: Clone> Memo<T> {
    pub fn get<L>(&self, lexicon: &L, make: impl Fn() -> T) -> std::borrow::Cow<'_, T> {
        let key = lexicon as *const L as usize;
        match self.0.get_or_init(|| (key, make())) {
            (k, v) if *k == key => std::borrow::Cow::Borrowed(v),
            _ => std::borrow::Cow::Owned(make()),
        }
    }
}

/// Options that change how a document is parsed.
#[derive(Clone, Debug)]
pub struct ParseOptions {
    /// Make the plain text of the blocks even when no rule reads sentences or metadata.
    pub text: bool,
    /// Split prose into sentences (off when no enabled rule reads sentences).
    pub sentences: bool,
    /// Collect metadata fields (off when no enabled rule reads them).
    pub metadata: bool,
    /// Recognise bare trailing numbers (`… melanoma 1, 2.`) as citations in every format.
    pub bare_numbers: bool,
    /// Extra bibliography files named by the config, relative to the article.
    pub bibliographies: Vec<String>,
    /// Read bibliography files from disk (off for in-memory linting without a path).
    pub read_files: bool,
    /// HTML: selectors (`tag`, `#id`, `.class`) of the element that holds the article, tried
    /// before `article`, `main` and `body`.
    pub html_main: Vec<String>,
}

impl Default for ParseOptions {
    fn default() -> ParseOptions {
        ParseOptions {
            text: true,
            sentences: true,
            metadata: true,
            bare_numbers: false,
            bibliographies: Vec::new(),
            read_files: false,
            html_main: Vec::new(),
        }
    }
}

impl Document {
    fn empty(path: &str, text: String, format: Format) -> Document {
        Document {
            path: path.to_string(),
            lines: LineIndex::new(&text),
            text,
            format,
            blocks: Vec::new(),
            sentences: Vec::new(),
            citations: Vec::new(),
            lists: Vec::new(),
            references: Vec::new(),
            sections: Vec::new(),
            metadata: Vec::new(),
            comments: Vec::new(),
            code: Vec::new(),
            front_matter: None,
            problems: Vec::new(),
            footnote_defs: Vec::new(),
            link_defs: Vec::new(),
            traces: Vec::new(),
            out_links: Vec::new(),
            assistant_findings: Memo::default(),
            trace_sections: Memo::default(),
            parent: None,
            quarto_project: None,
        }
    }

    /// Parse `text` (the file at `path`) once into the model every rule reads.
    pub fn parse(path: &str, text: String, format: Format, opts: &ParseOptions) -> Document {
        let mut doc = Document::empty(path, text, format);
        match format {
            Format::Markdown => markdown::parse(&mut doc),
            Format::Text => text::parse(&mut doc),
            Format::Html => html::parse(&mut doc, opts),
        }
        if let Some(err) = doc.front_matter.as_ref().and_then(|f| f.error.clone()) {
            let span = doc
                .front_matter
                .as_ref()
                .map(|f| f.body.clone())
                .unwrap_or(0..0);
            let mut d = Diagnostic::new(bibliography::PARSE_ERROR, span, format!("the front matter does not parse: {err}"))
                .help("fix the front matter; its fields (dates, reviewers, bibliography) are ignored until it parses");
            d.severity = crate::diagnostic::Severity::Error;
            doc.problems.push(d);
        }
        references::collect(&mut doc);
        citations::scan(&mut doc, opts);
        author_year::collect(&mut doc);
        references::collect_wiki_refs(&mut doc);
        references::collect_front_matter(&mut doc);
        // a part of a document assembled by another file: Quarto or R Markdown, with no
        // title of its own
        if opts.read_files
            && parent::may_be_child(&doc.path)
            && doc
                .front_matter
                .as_ref()
                .and_then(|f| f.value.as_ref())
                .is_none_or(|v| v.get("title").is_none())
        {
            doc.parent = parent::find(std::path::Path::new(&doc.path));
        }
        if opts.read_files && is_literate(&doc.path) {
            doc.quarto_project = parent::quarto_project_type(std::path::Path::new(&doc.path));
        }
        bibliography::load(&mut doc, opts);
        bibliography::bare_keys(&mut doc);
        manubot::collect(&mut doc, opts.read_files);
        author_year::collect_unlisted(&mut doc);
        references::assign_scopes(&mut doc);
        references::resolve(&mut doc);
        transcript::mark(&mut doc);
        // plain text and sentences, when an enabled rule reads them (metadata reads block text)
        if opts.text || opts.sentences || opts.metadata {
            sentences::build(&mut doc, opts.sentences);
        }
        if opts.metadata {
            metadata::collect(&mut doc);
        }
        doc
    }

    /// Plain text of a sentence.
    pub fn sentence_text(&self, s: &Sentence) -> &str {
        &self.blocks[s.block].text[s.text_range.clone()]
    }

    /// The sections whose headings are the document's own: not a heading inside a block quote
    /// (a quoted prompt's "## Research Objectives", a quoted abstract's "## Results").
    pub fn own_sections(&self) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(|s| {
            let line = self.text[..s.heading.start]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            !self.text[line..s.heading.end].trim_start().starts_with('>')
        })
    }

    /// Whether block `b` stands right after a chunk that knitr or Quarto runs (```` ```{r} ````,
    /// ```` ```{python} ````), nothing between them: in an analysis document, the text that
    /// reports what the chunk computed ("Data have been extracted from 139 studies."). Only in an
    /// `.Rmd` or `.qmd` file; a chunk that shows or runs nothing, or only sets up
    /// (`include=FALSE`, `eval=FALSE`, `#| include: false`, `child=`, `setup`), reports nothing.
    pub fn follows_chunk(&self, b: &Block) -> bool {
        let notebook = is_literate(&self.path);
        let i = self.code.partition_point(|r| r.end <= b.span.start);
        let Some(r) = i.checked_sub(1).map(|i| &self.code[i]).filter(|_| notebook) else {
            return false;
        };
        let fence = self.text[r.clone()].trim_start();
        let info = fence.trim_start_matches(['`', '~']);
        // the options on the fence (`{r, include=FALSE}`) and Quarto's `#| include: false`
        // lines, without spaces
        let options: String = info
            .lines()
            .enumerate()
            .take_while(|(k, l)| *k == 0 || l.trim_start().starts_with("#|"))
            .flat_map(|(_, l)| l.chars().filter(|c| !c.is_whitespace()))
            .collect::<String>()
            .to_ascii_lowercase();
        fence.len() - info.len() >= 3
            && info.starts_with('{')
            && info[1..].starts_with(|c: char| c.is_ascii_alphabetic())
            && ![
                "include=f",
                "include:f",
                "eval=f",
                "eval:f",
                "child=",
                "child:",
                "setup",
            ]
            .iter()
            .any(|o| options.contains(o))
            && self.text[r.end..b.span.start].trim().is_empty()
    }

    /// Is this byte offset inside code or front matter? (`finish_structure` leaves `code`
    /// sorted and without overlaps.)
    pub fn in_code(&self, at: usize) -> bool {
        let i = self.code.partition_point(|r| r.start <= at);
        i > 0 && self.code[i - 1].contains(&at)
    }

    /// The innermost section containing `at`.
    pub fn section_at(&self, at: usize) -> Option<usize> {
        // sections are in document order and nest: the innermost one holding `at` is the last
        // one that starts at or before it, or one of that section's ancestors
        let mut k = self
            .sections
            .partition_point(|s| s.span.start <= at)
            .checked_sub(1);
        while let Some(i) = k {
            if self.sections[i].span.contains(&at) {
                return Some(i);
            }
            k = self.sections[i].parent;
        }
        None
    }

    /// Prose blocks only.
    pub fn prose(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.role == Role::Prose)
    }
}

/// Steps every format parser ends with: HTML comments, the section tree, and each block's
/// section.
pub fn finish_structure(doc: &mut Document) {
    if let Some(fm) = &doc.front_matter
        && doc.code.iter().all(|r| r.start != fm.span.start)
    {
        doc.code.push(fm.span.clone());
    }
    // front matter the Markdown parser did not take as such (a blank line after the opening
    // `---`) is still not prose
    if let Some(fm) = doc.front_matter.as_ref().map(|f| f.span.clone()) {
        doc.blocks.retain(|b| !fm.contains(&b.span.start));
    }
    doc.code.sort_by_key(|r| r.start);
    // merge overlapping ranges (a `<code>` inside a `<pre>`) so lookups can binary-search
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(doc.code.len());
    for r in std::mem::take(&mut doc.code) {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    doc.code = merged;
    find_comments(doc);
    promote_title_lines(doc);
    let headings: Vec<(usize, u8, String, Range<usize>)> = doc
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b.kind {
            BlockKind::Heading(l) => Some((i, l, plain_pieces(b), b.span.clone())),
            _ => None,
        })
        .collect();
    let mut sections: Vec<Section> = Vec::with_capacity(headings.len());
    for (k, (_, level, title, span)) in headings.iter().enumerate() {
        let mut end = headings[k + 1..]
            .iter()
            .find(|h| h.1 <= *level)
            .map(|h| h.3.start)
            .unwrap_or(doc.text.len());
        // a heading made of a container's opening tag (`<div class="footnotes">`, see
        // `references::container_title`) ends where the container closes
        if doc.format == Format::Markdown
            && let Some(close) = container_close(&doc.text, span.start, end)
        {
            end = close;
        }
        let parent = (0..sections.len())
            .rev()
            .find(|&j| sections[j].level < *level && sections[j].span.end >= end);
        sections.push(Section {
            level: *level,
            title: title.trim().to_string(),
            heading: span.clone(),
            span: span.start..end,
            parent,
        });
    }
    doc.sections = sections;
    for i in 0..doc.blocks.len() {
        let at = doc.blocks[i].span.start;
        doc.blocks[i].section = doc.section_at(at);
    }
}

/// Where the HTML container opened at `at` closes (its first `</name`), when it closes before
/// `limit`; `None` when `at` opens no container `references::container_title` reads.
fn container_close(text: &str, at: usize, limit: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    references::container_title(&rest[..rest.find('\n').unwrap_or(rest.len())])?;
    let tag = rest.strip_prefix('<')?;
    let len = tag.find(|c: char| !c.is_ascii_alphanumeric())?;
    let close = format!("</{}", &tag[..len]);
    let from = at + 1 + len;
    let i = text.get(from..limit)?.find(close.as_str())?;
    Some(from + i)
}

/// A paragraph that is nothing but a reference-list title ("**References**", "Works cited",
/// "Sources:") with the entries right after it is that list's heading: word processors, Google
/// Docs and AI research exports set the title in bold or as a plain line, not as a heading.
/// In Markdown and text the title may also be the last line of the paragraph before the list
/// ("…further research.\nWorks cited\n1. …"); that line is split off. The title becomes a
/// level-6 heading, so its section ends at the next heading of any level and never takes in
/// the article's own sections after it.
fn promote_title_lines(doc: &mut Document) {
    let mut i = 0;
    while i < doc.blocks.len() {
        // "Citations:" as the first line of the paragraph that holds the entries, one per
        // line ("[1] https://…"): the way chat assistants export an answer's sources
        if let Some(cut) = title_over_entries(doc, &doc.blocks[i]) {
            split_block(doc, i, cut, false);
            i += 2;
            continue;
        }
        if i + 1 == doc.blocks.len() {
            break;
        }
        let (b, next) = (&doc.blocks[i], &doc.blocks[i + 1]);
        if b.kind != BlockKind::Paragraph
            || !matches!(next.kind, BlockKind::ListItem | BlockKind::Paragraph)
        {
            i += 1;
            continue;
        }
        // "Sources:" over a bulleted list of links is an entry's own source list (see
        // `uncited-claim`), not the article's numbered reference list
        let numbered = next.number.is_some();
        let is_title = |t: &str| {
            t.len() <= 60
                && references::is_reference_title(t)
                && (numbered || !references::is_sources_title(t))
        };
        // (a title is short: longer paragraphs are not joined into a string to find out)
        if b.span.len() <= 120 && {
            let whole = plain_pieces(b);
            !whole.contains('\n') && is_title(&whole)
        } {
            doc.blocks[i].kind = BlockKind::Heading(6);
            i += 1;
            continue;
        }
        let src = doc.text[b.span.clone()].trim_end();
        let cut = src.rfind('\n').map(|p| b.span.start + p + 1);
        match cut {
            Some(cut)
                if doc.format != Format::Html
                    && is_title(&doc.text[cut..b.span.start + src.len()]) =>
            {
                split_block(doc, i, cut, true);
                i += 2;
            }
            _ => i += 1,
        }
    }
}

/// Where the entries start in a paragraph whose first line is a reference-list title and
/// whose next line opens with an entry number (`[1] …`, `1. …`).
fn title_over_entries(doc: &Document, b: &Block) -> Option<usize> {
    if b.kind != BlockKind::Paragraph || doc.format == Format::Html || b.span.len() < 12 {
        return None;
    }
    let src = &doc.text[b.span.clone()];
    let nl = src.find('\n')?;
    let title = src[..nl].trim_end_matches(|c: char| c.is_whitespace() || c == '\\');
    let rest = &src[nl + 1..];
    (title.len() <= 60
        && references::is_reference_title(title)
        && references::opens_with_entry_number(rest))
    .then_some(b.span.start + nl + 1)
}

/// Split block `i` at `cut` into two: the part before stays, the part from `cut` on follows
/// it as a block of its own, a level-6 heading when `title_after` (a title line at the end)
/// or else a paragraph after a heading made of the first part.
fn split_block(doc: &mut Document, i: usize, cut: usize, title_after: bool) {
    let b = &mut doc.blocks[i];
    let (before, after): (Vec<_>, Vec<_>) = std::mem::take(&mut b.pieces)
        .into_iter()
        .partition(|p| p.1.start < cut);
    // the soft break before the cut ends nothing
    let before: Vec<_> = before
        .into_iter()
        .filter(|p| p.1.start < cut - 1 || p.0.trim() != "")
        .collect();
    let end = before.iter().map(|p| p.1.end).max().unwrap_or(b.span.start);
    let (first, second) = if title_after {
        (BlockKind::Paragraph, BlockKind::Heading(6))
    } else {
        (BlockKind::Heading(6), BlockKind::Paragraph)
    };
    let mut tail = Block::new(second, cut..b.span.end);
    tail.pieces = after;
    b.kind = first;
    b.pieces = before;
    b.span = b.span.start..end;
    doc.blocks.insert(i + 1, tail);
}

/// Whether a path names an R Markdown or Quarto file (`.Rmd`, `.qmd`, any case), whose
/// code chunks knitr or Quarto runs.
pub fn is_literate(path: &str) -> bool {
    std::path::Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("rmd") || e.eq_ignore_ascii_case("qmd"))
}

/// The text of a block's raw pieces joined, before citation markers are removed.
pub fn plain_pieces(b: &Block) -> String {
    b.pieces.iter().map(|p| p.0.as_str()).collect()
}

fn find_comments(doc: &mut Document) {
    let t = &doc.text;
    let mut from = 0;
    while let Some(i) = t[from..].find("<!--") {
        let s = from + i;
        let e = t[s + 4..]
            .find("-->")
            .map(|j| s + 4 + j + 3)
            .unwrap_or(t.len());
        if !doc.in_code(s) {
            doc.comments.push(s..e);
        }
        from = e;
    }
}

/// Whether [`normalise_title`]`(title)` equals `name` ignoring ASCII case, without
/// building the normalised title when `name` is ASCII (headings are compared for every
/// sentence of some rules).
pub fn title_is(title: &str, name: &str) -> bool {
    if !name.is_ascii() {
        return name.eq_ignore_ascii_case(&normalise_title(title));
    }
    let mut want = name.bytes();
    let core = title.trim().trim_end_matches(':').trim();
    for (i, word) in core.split_whitespace().enumerate() {
        if i > 0 && want.next() != Some(b' ') {
            return false;
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            // a non-ASCII letter never equals an ASCII name
            if !c.is_ascii() || want.next().map(|b| b.to_ascii_lowercase()) != Some(c as u8) {
                return false;
            }
        }
    }
    want.next().is_none()
}

/// Turn a heading title into a comparable form: lower case, no trailing colon or markers.
pub fn normalise_title(t: &str) -> String {
    t.trim()
        .trim_end_matches(':')
        .trim()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod promoted_titles {
    use super::{BlockKind, Document, Format, ParseOptions};

    fn headings(t: &str) -> Vec<String> {
        let d = Document::parse(
            "t",
            t.to_string(),
            Format::Markdown,
            &ParseOptions::default(),
        );
        d.blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Heading(_)))
            .map(|b| d.text[b.span.clone()].to_string())
            .collect()
    }

    #[test]
    fn a_reference_title_line_over_its_list_is_the_lists_heading() {
        assert_eq!(
            headings("Text.[1]\n\n**References**\n\n1. Doe. Sleep.\n"),
            vec!["**References**"]
        );
        // the last line of a paragraph, as research exports write it
        assert_eq!(
            headings("Text ends here.\nWorks cited\n1. Doe. Sleep.\n"),
            vec!["Works cited"]
        );
        let d = Document::parse(
            "t",
            "Text ends here.[1]\nWorks cited\n1. Doe. Sleep.\n".to_string(),
            Format::Markdown,
            &ParseOptions::default(),
        );
        assert_eq!(d.lists.len(), 1);
        assert_eq!(d.citations[0].targets[0].resolved, Some(0));
        assert_eq!(d.blocks[0].text, "Text ends here.");
        // not a title: other words, a sentence, nothing after it, or an entry's own
        // bulleted source links
        assert!(headings("**Key points**\n\n- One.\n").is_empty());
        assert!(headings("References are listed below.\n\n1. Doe.\n").is_empty());
        assert!(headings("Text.\n\n**References**\n").is_empty());
        assert!(headings("Sources:\n\n- [Trial](https://example.org/a)\n").is_empty());
        assert_eq!(
            headings("Sources:\n\n1. [Trial](https://example.org/a)\n"),
            vec!["Sources:"]
        );
    }
}

#[cfg(test)]
mod title_tests {
    use super::{normalise_title, title_is};

    #[test]
    fn title_is_agrees_with_normalise_title() {
        let titles = [
            "Reasoning",
            "  Thought   Process: ",
            "Thought\tprocess::",
            "THINKING",
            "Thinking aloud",
            "",
            "   ",
            "\u{212A}eep", // Kelvin sign lowercases to an ASCII k
            "ΣΟΦΙΑ",
            "İnternal reasoning",
            "reasoning trace",
            "reasoning  trace :",
            "Reasoningtrace",
        ];
        let names = [
            "reasoning",
            "thought process",
            "thinking",
            "keep",
            "",
            "σοφια",
            "reasoning trace",
            "thought  process",
            " reasoning",
        ];
        for t in titles {
            for n in names {
                assert_eq!(
                    title_is(t, n),
                    n.eq_ignore_ascii_case(&normalise_title(t)),
                    "{t:?} vs {n:?}"
                );
            }
        }
        assert!(title_is("  Thought   Process: ", "thought process"));
        assert!(title_is("\u{212A}eep", "keep"));
        assert!(!title_is("Thinking aloud", "thinking"));
    }
}
