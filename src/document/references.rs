//! Reference lists: numbered lists under a References-like heading (one per section where the
//! article restarts numbering; a `<div class="footnotes">`-like container heads one too, and a
//! thematic break with no numbered entry after it ends one), `### Title [^key]` entries with
//! excerpts, footnote definitions,
//! numeric link definitions and front-matter `references:`; their scopes; and resolution of
//! every citation target against the list in scope.

use super::patterns;
use super::{BlockKind, Document, Ids, ListKind, RefKey, Reference, ReferenceList, Role};
use crate::lexicon_regex::{DocRegex, doc_regex};
use memchr::memmem;
use std::ops::Range;
use std::sync::OnceLock;

/// Heading titles that introduce a reference list.
const TITLES: &[&str] = &[
    "references",
    "reference",
    "reference list",
    "sources",
    "source",
    "sources and references",
    "sources of information",
    "sources consulted",
    "sources cited",
    "references cited",
    "references and notes",
    "notes and references",
    "bibliography",
    "works cited",
    "literature cited",
    "cited literature",
    "citations",
    "selected references",
    "key references",
    "footnotes",
    "list of references",
    "list of sources",
    "list of works cited",
    // the sources tab of Healthline Media's pages (Healthline, Medical News Today), kept by
    // every copy of them
    "how we reviewed this article",
    // Chinese (traditional and simplified) and Japanese
    "參考文獻",
    "参考文献",
    "參考資料",
    "参考资料",
];

/// The reference lists that source their sections by where they stand: in a document with no
/// citation marker at all, two or more lists under their own "Sources" headings ("### Sources"
/// closing each section of a knowledge base). Each one sources the section it closes; none is an
/// article's reference list waiting for markers.
pub fn placed_lists(doc: &Document) -> Vec<usize> {
    if !doc.citations.is_empty() {
        return Vec::new();
    }
    // titled "Sources": a section's "References" in a document without markers is a
    // reference list whose markers were lost
    let placed: Vec<usize> = (0..doc.lists.len())
        .filter(|&l| {
            doc.lists[l]
                .heading
                .as_ref()
                .is_some_and(|h| is_sources_title(&doc.text[h.clone()]))
                && doc.lists[l].kind != ListKind::Bibliography
                && !doc.lists[l].entries.is_empty()
        })
        .collect();
    if placed.len() >= 2 {
        placed
    } else {
        Vec::new()
    }
}

/// Is this title "Sources" ("Source:", "### Sources", "Key sources"): a list of an entry's or
/// a section's own sources rather than the article's reference list?
pub fn is_sources_title(title: &str) -> bool {
    let t = super::normalise_title(title.trim_matches(|c: char| !c.is_alphanumeric()));
    matches!(t.as_str(), "sources" | "source" | "key sources")
}

/// The title an HTML container's opening tag gives the reference list inside it, and the
/// range of the name that says so: `<div class="footnotes">` (Hugo, Jekyll, pandoc),
/// `<section id="references">`, `<div id="refs">` (pandoc's citeproc), a `role` of
/// `doc-endnotes` or `doc-bibliography`. A page converted to Markdown keeps such a `<div>`
/// around entries written as paragraphs with no heading over them.
pub fn container_title(tag: &str) -> Option<(&'static str, Range<usize>)> {
    let t = tag.trim_start();
    let lead = tag.len() - t.len();
    let name_end = t
        .strip_prefix('<')?
        .find(|c: char| !c.is_ascii_alphanumeric())?
        + 1;
    if !matches!(
        t[1..name_end].to_ascii_lowercase().as_str(),
        "div" | "section" | "aside" | "footer"
    ) {
        return None;
    }
    let close = t.find('>')?;
    let attrs = &t[..close];
    for attr in ["class=", "id=", "role="] {
        let mut from = 0;
        while let Some(i) = attrs[from..].find(attr) {
            let at = from + i;
            from = at + attr.len();
            // a whole attribute name (`data-id=` is not `id=`)
            if !attrs[..at].ends_with([' ', '\t', '\n']) {
                continue;
            }
            let q = attrs[from..].chars().next()?;
            let (start, end) = match q {
                '"' | '\'' => {
                    let s = from + 1;
                    (s, s + attrs[s..].find(q)?)
                }
                _ => (
                    from,
                    from + attrs[from..]
                        .find([' ', '>', '/'])
                        .unwrap_or(attrs.len() - from),
                ),
            };
            let mut at_word = start;
            for word in attrs[start..end].split(' ') {
                let title = match word.to_ascii_lowercase().as_str() {
                    "footnotes" | "endnotes" | "doc-endnotes" => Some("Footnotes"),
                    "references" | "refs" | "bibliography" | "doc-bibliography" => {
                        Some("References")
                    }
                    _ => None,
                };
                if let Some(title) = title {
                    return Some((title, lead + at_word..lead + at_word + word.len()));
                }
                at_word += word.len() + 1;
            }
        }
    }
    None
}

/// Whether an entry's source text reads as a source: it has an address or identifier, a
/// year, or "et al.".
fn names_a_source(text: &str) -> bool {
    let has_year = text.as_bytes().windows(4).enumerate().any(|(i, w)| {
        (w.starts_with(b"19") || w.starts_with(b"20"))
            && w.iter().all(u8::is_ascii_digit)
            && !text.as_bytes().get(i + 4).is_some_and(u8::is_ascii_digit)
            && !(i > 0 && text.as_bytes()[i - 1].is_ascii_digit())
    });
    has_year
        || text.contains("http")
        || text.contains("www.")
        || text.contains("et al")
        || text.contains("doi:")
        || text.contains("doi.org")
        || text.contains("DOI")
        || text.contains("PMID")
}

/// Is this heading title one that introduces a reference list?
pub fn is_reference_title(title: &str) -> bool {
    // decorations: "📚 References 📖🔗", "— Sources —"
    let title = title.trim_matches(|c: char| !c.is_alphanumeric() && c != '{' && c != '}');
    // pandoc heading attributes: `# References {.unnumbered}`, `# References {-}`
    let title = match title
        .trim_end()
        .strip_suffix('}')
        .and_then(|t| t.rfind('{').map(|i| &t[..i]))
    {
        Some(t) => t,
        None => title,
    };
    let t = super::normalise_title(title);
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
    // a note in parentheses after the title that names a style, an order or a selection:
    // "References (APA 7th edition)", "Sources (in order of citation)"; not "Sources (of
    // vitamin D)", a food list, nor "Sources (key foods)"
    const NOTES: &[&str] = &[
        "apa",
        "mla",
        "ama",
        "vancouver",
        "harvard",
        "chicago",
        "ieee",
        "style",
        "edition",
        "format",
        "selected",
        "selection",
        "order",
        "alphabetical",
        "numbered",
        "cited",
        "abridged",
        "partial",
    ];
    let t = match t.split_once(" (") {
        Some((before, note))
            if !before.is_empty()
                && note
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| NOTES.contains(&w)) =>
        {
            before
        }
        _ => t,
    };
    TITLES.contains(&t)
        || qualified_title(t)
        || t.split_once(" list of ").is_some_and(|(before, after)| {
            // "Comprehensive list of references", "Full list of sources"
            !before.contains(' ') && TITLES.contains(&format!("list of {after}").as_str())
        })
}

/// A reference-list word with a word or two that qualify it, in English or in another
/// language ("Scientific references", "Referencias seleccionadas", "Bibliografía
/// consultada"); not a sentence that mentions one ("See the references").
fn qualified_title(t: &str) -> bool {
    const LIST: &[&str] = &[
        "references",
        "bibliography",
        "referencias",
        "referências",
        "références",
        "riferimenti",
        "bibliografía",
        "bibliografia",
        "bibliographie",
        "literaturverzeichnis",
    ];
    const NOT: &[&str] = &[
        "see", "the", "our", "these", "read", "view", "all", "more", "show", "hide", "to", "of",
        "for", "with", "and", "or", "in", "on", "cross", "no", "add", "check", "edit",
    ];
    let words: Vec<&str> = t.split(' ').collect();
    words.len() <= 3
        && words.iter().filter(|w| LIST.contains(w)).count() == 1
        && !words.iter().any(|w| NOT.contains(w))
}

doc_regex!(leading_marker = patterns::LEADING_MARKER);

doc_regex!(heading_marker = patterns::HEADING_MARKER);

/// Does the text open with a reference entry's number (`[1] …`, `1. …`)?
pub fn opens_with_entry_number(text: &str) -> bool {
    leading_marker().is_match(text)
}

/// The literals every match of an entry pattern holds: the DOI's `10.`, the address's
/// `http`, and (lower-cased, as the PMID pattern reads without case) "pmid", the `_uid` of
/// `list_uids=` and "pubmed".
fn entry_literals() -> &'static [memmem::Finder<'static>; 5] {
    static F: OnceLock<[memmem::Finder<'static>; 5]> = OnceLock::new();
    F.get_or_init(|| ["10.", "http", "pmid", "_uid", "pubmed"].map(memmem::Finder::new))
}

/// Where a search of `src` for the entry PMID pattern starts: no match starts more than five
/// bytes before the first "pmid", `_uid` or "pubmed" of `src` with its ASCII letters
/// lower-cased (`list_uids=`, or `liſt_uids=` as a case fold; `/pubmed/`); `None` where
/// there is none of them.
fn pmid_search_start(src: &str) -> Option<usize> {
    let lower = src.to_ascii_lowercase();
    let first = entry_literals()[2..]
        .iter()
        .filter_map(|n| n.find(lower.as_bytes()))
        .min()?;
    Some(super::identifiers::boundary_before(
        src,
        first.saturating_sub(5),
    ))
}

/// Identifiers in an entry's source text.
pub fn find_ids(src: &str) -> Ids {
    static R: OnceLock<(DocRegex, DocRegex, DocRegex)> = OnceLock::new();
    let (doi, pmid, url) = R.get_or_init(|| {
        (
            DocRegex::new(patterns::ENTRY_DOI),
            DocRegex::new(patterns::ENTRY_PMID),
            DocRegex::new(patterns::ENTRY_URL),
        )
    });
    // substring tests first: most entries carry one identifier or none
    let maybe_pmid = [
        "list_uids=",
        "pubmed",
        "PubMed",
        "PUBMED",
        "pmid",
        "PMID",
        "Pmid",
    ]
    .iter()
    .any(|n| src.contains(n));
    // each search starts at the first place a match can: a DOI or an address at its
    // literal, a PMID as `pmid_search_start` says
    let f = entry_literals();
    Ids {
        // (the DOI pattern's group is its whole match; the PMID pattern's is its digits at
        // the end, with none before them: read without a capture engine)
        doi: f[0]
            .find(src.as_bytes())
            .and_then(|at| doi.find_from(src, at))
            .map(|m| m.as_str().trim_end_matches(['.', ',', ';']).to_lowercase()),
        pmid: maybe_pmid
            .then(|| pmid_search_start(src))
            .flatten()
            .and_then(|at| pmid.find_from(src, at))
            .and_then(|m| m.from_first_digit())
            .map(|m| m.as_str().to_string()),
        url: f[1]
            .find(src.as_bytes())
            .and_then(|at| url.find_from(src, at))
            .map(|m| m.as_str().trim_end_matches(['.', ',', ';']).to_string()),
    }
}

struct Pending {
    key: RefKey,
    /// What a finding about the entry points at: a title heading, a list item, a definition.
    span: Range<usize>,
    /// The entry with everything it owns (its excerpt), where identifiers are looked for.
    body: Range<usize>,
    key_span: Range<usize>,
    text: String,
    title: Option<String>,
    /// The text under the entry (see `Reference::excerpt`).
    excerpt: String,
}

/// How a reference section writes its entries.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `### Title [^key]. Journal (Year).` headings, each owning the excerpt under it.
    Headings,
    /// An ordered list: its numbered items own the unnumbered lists and paragraphs under them.
    Ordered,
    /// A bulleted list (its items may carry `[1]` in their text): the bullets are the entries,
    /// a numbered list under one is its excerpt.
    Items,
}

fn entry_style(
    doc: &Document,
    members: &[usize],
    min_depth: u8,
    heading: usize,
    numbers: bool,
) -> Style {
    let blocks = || members.iter().map(|&i| &doc.blocks[i]);
    if blocks().any(|b| {
        matches!(b.kind, BlockKind::Heading(_))
            && b.span.start != heading
            && heading_key(&doc.text[b.span.clone()], numbers).is_some()
    }) {
        return Style::Headings;
    }
    let first_item = blocks().find(|b| {
        (b.kind == BlockKind::ListItem && b.depth == min_depth && starts_item(doc, b))
            || empty_item_number(doc, b).is_some()
    });
    match first_item {
        Some(b) if b.number.is_some() || b.kind == BlockKind::Paragraph => Style::Ordered,
        _ => Style::Items,
    }
}

/// Whether the text between two blocks holds a thematic break: a line of three or more `-`,
/// `*` or `_` (spaces allowed between them) and nothing else.
/// Whether a heading among a list's entries, with `after` the list's blocks after it, labels a
/// group of entries: the next block that is no heading is a list item ("### Trials included"
/// over its entries) or a word or two ("None"), or there is none. A heading over a paragraph
/// ("#### Link and notes" and the entry's DOI) is the entry's own.
fn group_label(doc: &Document, after: &[usize]) -> bool {
    let Some(&next) = after
        .iter()
        .find(|&&j| !matches!(doc.blocks[j].kind, BlockKind::Heading(_)))
    else {
        return true;
    };
    let b = &doc.blocks[next];
    let text = super::plain_pieces(b);
    b.kind == BlockKind::ListItem
        || (b.kind == BlockKind::Paragraph
            && text.split_whitespace().count() <= 3
            && !text.contains(|c: char| c.is_ascii_digit() || matches!(c, ':' | '/' | '.')))
}

fn thematic_break(between: &str) -> bool {
    between.lines().any(|l| {
        let mut marks = l.chars().filter(|c| !c.is_whitespace());
        let first = marks.next();
        matches!(first, Some('-' | '*' | '_'))
            && marks.clone().all(|c| Some(c) == first)
            && marks.count() >= 2
    })
}

/// The number of an empty ordered item right before paragraph `b`, and its span: a page
/// converted to Markdown that writes each entry as `1.` on a line of its own and the
/// reference as the paragraph after it (NCBI Bookshelf, StatPearls).
fn empty_item_number(doc: &Document, b: &super::Block) -> Option<(u32, Range<usize>)> {
    if b.kind != BlockKind::Paragraph || doc.format != super::Format::Markdown {
        return None;
    }
    let before = doc.text[..b.span.start].trim_end();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = &before[line_start..];
    let digits = line.strip_suffix('.')?;
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    // a blank line between the number and the paragraph (else the paragraph is the item's)
    if !doc.text[line_start + line.len()..b.span.start].contains("\n\n") {
        return None;
    }
    Some((digits.parse().ok()?, line_start..line_start + digits.len()))
}

/// The key a heading names (`[^key]` or `[12]`, or with `numbers` the number it opens with:
/// `### 3. Title`) and its range inside the heading's source.
fn heading_key(src: &str, numbers: bool) -> Option<(RefKey, Range<usize>)> {
    let body = src.trim_start_matches(['#', ' ', '\t']);
    let at = src.len() - body.len();
    let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if numbers
        && (1..=3).contains(&digits)
        && src.starts_with('#')
        && (body[digits..].starts_with(". ") || body[digits..].starts_with(") "))
    {
        let n = body[..digits].parse().ok()?;
        return Some((RefKey::Num(n), at..at + digits));
    }
    let c = heading_marker().captures(src)?;
    let g = c.get(1).or(c.get(2))?;
    let key = match c.get(1) {
        Some(f) => RefKey::Footnote(f.as_str().to_string()),
        None => RefKey::Num(g.as_str().parse().unwrap_or(0)),
    };
    Some((key, g.range()))
}

/// Where the number `n` (a leading marker's digits) is first written in block `b`'s source.
fn written_at(doc: &Document, b: &super::Block, n: &str) -> usize {
    doc.text[b.span.clone()]
        .find(n)
        .map_or(b.span.start, |o| b.span.start + o)
}

/// The entries of a paragraph whose every line (two or more) opens with a number, `[1] …`
/// or `1. …`: one entry per line, spanning the line.
fn marker_lines(doc: &Document, b: &super::Block) -> Option<Vec<Pending>> {
    line_entries(doc, b, |body| {
        let c = leading_marker().captures(body)?;
        let g = c.get(1).or(c.get(2))?;
        let key = RefKey::Num(g.as_str().parse().unwrap_or(0));
        Some((key, g.range(), c.get(0).map_or(0, |m| m.end())))
    })
}

/// The entries of a paragraph whose every line (two or more) is an author-year entry
/// ("Khan S, Uddin MN, et al. Title. J Env. 2020;29:1."): entries typed one a line with no
/// blank line between them, which Markdown joins into one paragraph.
fn author_lines(doc: &Document, b: &super::Block) -> Option<Vec<Pending>> {
    line_entries(doc, b, |body| {
        let (sur, year) = super::author_year::entry(body.trim())?;
        Some((RefKey::AuthorYear(format!("{sur} {year}")), 0..0, 0))
    })
}

/// One entry a line of a paragraph of two lines or more, when `read` finds one on every line:
/// its key, the key's place in the line, and where the entry's text starts.
fn line_entries(
    doc: &Document,
    b: &super::Block,
    read: impl Fn(&str) -> Option<(RefKey, Range<usize>, usize)>,
) -> Option<Vec<Pending>> {
    let raw = &doc.text[b.span.clone()];
    if !raw.contains('\n') {
        return None;
    }
    let mut out = Vec::new();
    let mut at = b.span.start;
    for line in raw.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let body = line.trim_end_matches(|c: char| c.is_whitespace() || c == '\\');
        if body.trim().is_empty() {
            continue;
        }
        let (key, key_at, text_at) = read(body)?;
        out.push(Pending {
            key,
            span: start..start + body.len(),
            body: start..start + body.len(),
            key_span: start + key_at.start..start + key_at.end,
            text: body[text_at..].trim().to_string(),
            title: None,
            excerpt: String::new(),
        });
    }
    (out.len() >= 2).then_some(out)
}

/// The bold label a bullet opens with, `- **Summary:** …` or `- __Link__: …`: a short label
/// (four words at most) that a colon closes, inside the bold or right after it.
fn field_label<'a>(doc: &'a Document, b: &super::Block) -> Option<&'a str> {
    let src = doc.text[b.span.clone()]
        .strip_prefix(['-', '*', '+'])?
        .trim_start();
    let mark = src.get(..2).filter(|m| *m == "**" || *m == "__")?;
    let close = src[2..].find(mark)? + 2;
    let inner = src[2..close].trim();
    let label = match inner.strip_suffix(':') {
        Some(l) => l,
        None if src[close + 2..].starts_with(':') => inner,
        None => return None,
    };
    let words = label.split_whitespace().count();
    ((1..=4).contains(&words) && !label.contains(['[', ']', '(', ')'])).then_some(label.trim())
}

/// Whether the bullets of a section at `members` are all fields (`field_label`) whose labels
/// repeat: each label written twice or more on average (every entry's "Summary:", "Link:").
/// Bullets whose labels mostly differ ("**NICE:** …", "**WHO:** …", "**NICE:** …") are
/// entries of their own.
fn all_fields(doc: &Document, members: &[usize]) -> bool {
    let mut labels = Vec::new();
    for &i in members {
        let b = &doc.blocks[i];
        if b.kind == BlockKind::ListItem && starts_item(doc, b) {
            match field_label(doc, b) {
                Some(l) => labels.push(l.to_lowercase()),
                None => return false,
            }
        }
    }
    let all = labels.len();
    labels.sort();
    labels.dedup();
    all >= 2 && labels.len() * 2 <= all
}

/// The number of the item that a nested item starts on the same line of (`23. 1. Title`:
/// 23, with its span), when nothing but that number stands before it.
fn glued_item_number(doc: &Document, b: &super::Block) -> Option<(u32, Range<usize>)> {
    let (_, inner) = b.number.as_ref()?;
    let line = doc.text[..inner.start].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &doc.text[line..inner.start];
    let lead = prefix.len() - prefix.trim_start().len();
    let (n, span) = super::markdown::item_number(&doc.text, line + lead)?;
    // (a nested item on a line of its own reads its own number: no item stands before it)
    let after = doc.text.get(span.end + 1..inner.start)?;
    (!after.is_empty() && after.trim().is_empty()).then_some((n, span))
}

/// Does this list-item block begin its item (rather than continue it with a second paragraph)?
fn starts_item(doc: &Document, b: &super::Block) -> bool {
    if doc.format != super::Format::Markdown {
        return true;
    }
    let rest = &doc.text[b.span.start..];
    rest.starts_with(['-', '*', '+'])
        || super::markdown::item_number(&doc.text, b.span.start).is_some()
}

/// Find reference lists, mark their blocks as references, and create the entries.
pub fn collect(doc: &mut Document) {
    for s in 0..doc.sections.len() {
        if !is_reference_title(&doc.sections[s].title) {
            continue;
        }
        let sec = doc.sections[s].clone();
        // nested reference sections are handled by their own heading
        if sec
            .parent
            .is_some_and(|p| is_reference_title(&doc.sections[p].title))
        {
            continue;
        }
        let mut entries: Vec<Pending> = Vec::new();
        let mut members: Vec<usize> = Vec::new();
        let mut min_depth = u8::MAX;
        // what follows a footnote definition is that definition's (see `owned_by_definitions`)
        let first_def = doc
            .footnote_defs
            .iter()
            .map(|d| d.1.start)
            .filter(|&at| at >= sec.span.start && at < sec.span.end)
            .min()
            .unwrap_or(sec.span.end);
        for (i, b) in doc.blocks.iter().enumerate() {
            if b.span.start < sec.span.start || b.span.start >= first_def || b.role != Role::Prose {
                continue;
            }
            // `4. **[cite: 2, 49]** Title…`: Gemini's index of the numbered sources it lists
            // under it, whose numbers its `[cite: n]` markers give; a row is prose that cites
            // those sources, not an entry of its own
            if b.kind == BlockKind::ListItem
                && doc.text[b.span.clone()].contains(super::citations::GEMINI)
                && leading_marker()
                    .remove_first(&super::plain_pieces(b))
                    .trim_start()
                    .starts_with(super::citations::GEMINI)
            {
                continue;
            }
            if b.kind == BlockKind::ListItem {
                min_depth = min_depth.min(b.depth);
            }
            members.push(i);
        }
        // `### 1. Title` headings are entries only in a section that writes no entry as a
        // list item or a numbered paragraph (else they group the list: "### 1. Reviews")
        // (bullets that are each a field of the heading's entry, `- **Summary:** …`, the
        // same labels under entry after entry, are no entries of their own)
        let fields = all_fields(doc, &members);
        let numbers = !members.iter().any(|&i| {
            let b = &doc.blocks[i];
            b.kind == BlockKind::ListItem && !fields
                || b.kind == BlockKind::Paragraph
                    && leading_marker().is_match(&super::plain_pieces(b))
        });
        let style = entry_style(doc, &members, min_depth, sec.heading.start, numbers);
        let mut ordinal = 0u32;
        // entries written as `1.` and a paragraph own nothing else: a list or heading after
        // them is the page's chrome (contents, share buttons, related articles)
        let (mut chrome, mut numbered_paragraphs) = (false, false);
        // a heading between list entries (a group's label, "#### New studies undergoing
        // review" and its "None") ends the entry before it: what follows it is no more of
        // that entry's text or span (see `group_label`)
        let mut after_label = false;
        // a thematic break the list does not go on after: where its members end
        let mut end_at = members.len();
        for (k, &i) in members.iter().enumerate() {
            let b = &doc.blocks[i];
            let text = super::plain_pieces(b);
            if b.span.start == sec.heading.start {
                continue;
            }
            if style == Style::Ordered
                && matches!(b.kind, BlockKind::ListItem | BlockKind::Heading(_))
                && numbered_paragraphs
            {
                chrome = true;
            }
            if chrome {
                continue;
            }
            // `[1] https://…  ⏎ [2] https://…`: one paragraph of entries held apart by hard
            // line breaks, the way AI reports write their sources
            if b.kind == BlockKind::Paragraph
                && style != Style::Headings
                && let Some(lines) = marker_lines(doc, b)
            {
                ordinal += lines.len() as u32;
                entries.extend(lines);
                continue;
            }
            // APA or Vancouver entries one a line, in one paragraph
            if b.kind == BlockKind::Paragraph
                && style != Style::Headings
                && min_depth == u8::MAX
                && !leading_marker().is_match(&text)
                && let Some(lines) = author_lines(doc, b)
            {
                ordinal += lines.len() as u32;
                entries.extend(lines);
                continue;
            }
            // `1.` alone on its line, the entry the paragraph after it
            let numbered_paragraph = match style {
                Style::Ordered => empty_item_number(doc, b),
                _ => None,
            };
            let mut glued_at = None;
            let new_entry = match b.kind {
                // `23. 1. Improving Care…`: an entry whose title opens with a number, which
                // Markdown reads as a list nested in item 23; the entry is item 23
                BlockKind::ListItem
                    if style == Style::Ordered
                        && b.depth == min_depth.saturating_add(1)
                        && let Some((n, span)) = glued_item_number(doc, b) =>
                {
                    ordinal += 1;
                    glued_at = Some(span.start);
                    Some((RefKey::Num(n), span))
                }
                BlockKind::ListItem
                    if style != Style::Headings
                        && b.depth == min_depth
                        && starts_item(doc, b)
                        && (b.number.is_some() == (style == Style::Ordered)) =>
                {
                    ordinal += 1;
                    let (key, key_span) = match &b.number {
                        Some((n, span)) => (RefKey::Num(*n), span.clone()),
                        // `- [3] Smith…`: the number written after the bullet
                        None => match leading_marker().captures(&text) {
                            Some(c) => {
                                let g = c.get(1).or(c.get(2)).expect("group");
                                (RefKey::Num(g.as_str().parse().unwrap_or(0)), {
                                    let at = written_at(doc, b, g.as_str());
                                    at..at + g.len()
                                })
                            }
                            // a bullet's place in the list: a number no one wrote, so its
                            // key span is empty (see `Reference::key_span`)
                            None => (RefKey::Num(ordinal), b.span.start..b.span.start),
                        },
                    };
                    Some((key, key_span))
                }
                BlockKind::Paragraph if numbered_paragraph.is_some() => {
                    ordinal += 1;
                    numbered_paragraphs = true;
                    numbered_paragraph.map(|(n, span)| (RefKey::Num(n), span))
                }
                // APA-style entries written as paragraphs: "Smith, J. (2020). Title."
                BlockKind::Paragraph
                    if style != Style::Headings
                        && min_depth == u8::MAX
                        && !leading_marker().is_match(&text) =>
                {
                    super::author_year::entry(&text).map(|(s, y)| {
                        (
                            RefKey::AuthorYear(format!("{s} {y}")),
                            b.span.start..b.span.start,
                        )
                    })
                }
                BlockKind::Paragraph if style != Style::Headings => {
                    leading_marker().captures(&text).map(|c| {
                        let g = c.get(1).or(c.get(2)).expect("group");
                        let at = written_at(doc, b, g.as_str());
                        (
                            RefKey::Num(g.as_str().parse().unwrap_or(0)),
                            at..at + g.len(),
                        )
                    })
                }
                BlockKind::Heading(_) => heading_key(&doc.text[b.span.clone()], numbers)
                    .map(|(key, g)| (key, b.span.start + g.start..b.span.start + g.end)),
                _ => None,
            };
            match new_entry {
                Some((key, key_span)) => {
                    let clean = leading_marker().remove_first(&text);
                    let title = match b.kind {
                        BlockKind::Heading(_) => {
                            Some(heading_marker().remove_all(&clean).trim().to_string())
                        }
                        _ => None,
                    };
                    after_label = false;
                    entries.push(Pending {
                        key,
                        // (`23. 1. Title`: the entry starts at its own number, before the
                        // nested item's block)
                        span: glued_at.unwrap_or(b.span.start)..b.span.end,
                        body: b.span.clone(),
                        key_span,
                        text: clean,
                        title,
                        excerpt: String::new(),
                    });
                }
                None if k > 0
                    && (!entries.is_empty()
                        || members[..k]
                            .iter()
                            .any(|&j| doc.blocks[j].span.start != sec.heading.start))
                    && thematic_break(
                        &doc.text[doc.blocks[members[k - 1]].span.end..b.span.start],
                    )
                    && !members[k + 1..].iter().any(|&j| {
                        let x = &doc.blocks[j];
                        x.number.is_some() || leading_marker().is_match(&super::plain_pieces(x))
                    }) =>
                {
                    // `---` and then what is no entry (a disclaimer, "Key limitations:" and
                    // its bullets) and no numbered entry after it: the list ended at the rule
                    // (between entries, or before a group's label and its entries, a rule
                    // only separates them)
                    end_at = k;
                    break;
                }
                None if style != Style::Headings
                    && (after_label
                        || matches!(b.kind, BlockKind::Heading(_))
                            && group_label(doc, &members[k + 1..])) =>
                {
                    after_label = true;
                }
                None => {
                    // text under an entry is its own: an excerpt's lists, quotes, tables and
                    // bold labels are never entries of their own
                    // under a list entry, only what is nested in it (indented, a quote, a
                    // list) quotes the source: a paragraph at the margin after the list is a
                    // note on the list ("All links accessed in May")
                    let line_start = doc.text[..b.span.start].rfind('\n').map_or(0, |i| i + 1);
                    let nested = style == Style::Headings
                        || b.kind != BlockKind::Paragraph
                        || doc.text[line_start..b.span.start].starts_with([' ', '\t', '>']);
                    if let Some(e) = entries.last_mut() {
                        e.text.push(' ');
                        e.text.push_str(&text);
                        if nested {
                            if !e.excerpt.is_empty() {
                                e.excerpt.push(' ');
                            }
                            e.excerpt.push_str(&text);
                        }
                        e.body.end = e.body.end.max(b.span.end);
                        // a title heading's span is the heading; a list entry's grows with
                        // the paragraphs that continue it
                        if style != Style::Headings {
                            e.span.end = e.span.end.max(b.span.end);
                        }
                    }
                }
            }
        }
        members.truncate(end_at);
        if entries.is_empty() {
            continue;
        }
        // "Sources" also heads a text about anything else ("### Sources" of omega-3: a
        // paragraph, then fish, flax, walnuts): a bulleted list after a paragraph there is a
        // reference list only when most entries name a source
        let lead_in = members
            .iter()
            .map(|&i| &doc.blocks[i])
            .find(|b| b.span.start != sec.heading.start)
            .is_some_and(|b| b.kind == BlockKind::Paragraph);
        // …and headings that only open with a number (`### 1. Citrus fruit`) are entries
        // only when most of them name a source as well
        let numbered_headings = style == Style::Headings
            && entries
                .iter()
                .all(|e| !doc.text[..e.key_span.start].ends_with(['[', '^']));
        if (is_sources_title(&sec.title) && style == Style::Items && lead_in || numbered_headings)
            && entries
                .iter()
                .filter(|e| names_a_source(&doc.text[e.body.clone()]))
                .count()
                * 2
                < entries.len()
        {
            continue;
        }
        for &i in &members {
            if doc.blocks[i].span.start != sec.heading.start {
                doc.blocks[i].role = Role::Reference;
            }
        }
        let span = entries
            .first()
            .map(|e| e.span.start)
            .unwrap_or(sec.span.start)
            ..entries.last().map(|e| e.body.end).unwrap_or(sec.span.end);
        push_list(
            doc,
            ListKind::Numbered,
            Some(sec.heading.clone()),
            span,
            entries,
            None,
        );
    }
    // footnote definitions
    let defs = std::mem::take(&mut doc.footnote_defs);
    if !defs.is_empty() {
        let mut entries = Vec::new();
        let owned = owned_by_definitions(doc, &defs);
        for (d, (label, span)) in defs.iter().enumerate() {
            let inside = |b: &super::Block| b.span.start >= span.start && b.span.end <= span.end;
            let text: String = doc
                .blocks
                .iter()
                .enumerate()
                .filter(|(i, b)| inside(b) || owned.get(*i) == Some(&Some(d)))
                .map(|(_, b)| super::plain_pieces(b))
                .collect::<Vec<_>>()
                .join(" ");
            // what the definition owns outside its own text is an excerpt of the source
            let excerpt: String = doc
                .blocks
                .iter()
                .enumerate()
                .filter(|(i, b)| !inside(b) && owned.get(*i) == Some(&Some(d)))
                .map(|(_, b)| super::plain_pieces(b))
                .collect::<Vec<_>>()
                .join(" ");
            let key_span = span.start + 2..span.start + 2 + label.len();
            entries.push(Pending {
                key: RefKey::Footnote(label.clone()),
                span: span.clone(),
                body: span.clone(),
                key_span,
                text,
                title: None,
                excerpt,
            });
        }
        let span =
            defs.first().map(|d| d.1.start).unwrap_or(0)..defs.last().map(|d| d.1.end).unwrap_or(0);
        push_list(doc, ListKind::Footnotes, None, span, entries, None);
    }
    doc.footnote_defs = defs;
    // numeric link reference definitions: `[1]: https://…`
    let numeric: Vec<(u32, Range<usize>)> = doc
        .link_defs
        .iter()
        .filter_map(|(l, s)| l.parse::<u32>().ok().map(|n| (n, s.clone())))
        .collect();
    if !numeric.is_empty() {
        let entries = numeric
            .iter()
            .map(|(n, s)| Pending {
                key: RefKey::Num(*n),
                span: s.clone(),
                body: s.clone(),
                key_span: s.start + 1..s.start + 1 + n.to_string().len(),
                text: doc.text[s.clone()].to_string(),
                title: None,
                excerpt: String::new(),
            })
            .collect::<Vec<_>>();
        let span = numeric[0].1.start..numeric[numeric.len() - 1].1.end;
        push_list(doc, ListKind::Footnotes, None, span, entries, None);
    }
}

/// Under a References-like heading, the prose that follows a footnote definition without
/// being indented into it (an excerpt's paragraphs, lists, quotes, tables) belongs to that
/// definition up to the next one or the next heading: marked as reference text, and the index
/// of its definition returned for each block.
fn owned_by_definitions(doc: &mut Document, defs: &[(String, Range<usize>)]) -> Vec<Option<usize>> {
    let mut owner = vec![None; doc.blocks.len()];
    let in_reference_section = |doc: &Document, mut s: Option<usize>| {
        while let Some(i) = s {
            if is_reference_title(&doc.sections[i].title) {
                return true;
            }
            s = doc.sections[i].parent;
        }
        false
    };
    let mut order: Vec<usize> = (0..defs.len()).collect();
    order.sort_by_key(|&d| defs[d].1.start);
    for (k, &d) in order.iter().enumerate() {
        let end = defs[d].1.end;
        let next = order
            .get(k + 1)
            .map_or(doc.text.len(), |&n| defs[n].1.start);
        let first = doc.blocks.partition_point(|b| b.span.start < end);
        for (b, o) in doc.blocks[first..].iter().zip(&mut owner[first..]) {
            if b.span.start >= next || matches!(b.kind, BlockKind::Heading(_)) {
                break;
            }
            if b.role == Role::Prose && in_reference_section(doc, b.section) {
                *o = Some(d);
            }
        }
    }
    for (i, o) in owner.iter().enumerate() {
        if o.is_some() {
            doc.blocks[i].role = Role::Reference;
        }
    }
    owner
}

fn push_list(
    doc: &mut Document,
    kind: ListKind,
    heading: Option<Range<usize>>,
    span: Range<usize>,
    entries: Vec<Pending>,
    file: Option<String>,
) {
    let list = doc.lists.len();
    let mut idx = Vec::with_capacity(entries.len());
    for e in entries {
        idx.push(doc.references.len());
        let ids = find_ids(&doc.text[e.body.clone()]);
        // a list item's block ends with its last text: a link's address after it
        // (`[DOI](https://doi.org/…)`) is still the entry's, up to the end of the line
        let line_end = doc.text[e.body.end..]
            .find('\n')
            .map_or(doc.text.len(), |i| e.body.end + i);
        let identifiers = super::identifiers::scan(&doc.text[e.body.start..line_end], e.body.start);
        let excerpt = e.excerpt.trim();
        doc.references.push(Reference {
            key: e.key,
            span: e.span,
            key_span: e.key_span,
            title: e.title,
            text: e.text,
            ids,
            abstract_text: None,
            excerpt: (!excerpt.is_empty()).then(|| excerpt.to_string()),
            identifiers,
            list,
            path: None,
            line: None,
        });
    }
    doc.lists.push(ReferenceList {
        kind,
        heading,
        span: span.clone(),
        scope: 0..doc.text.len(),
        entries: idx,
        file,
        unreadable: None,
        named_by: None,
    });
}

/// MediaWiki `<ref>source</ref>` tags: each tag with content is an entry (its text, title and
/// identifiers from the content) in one list; `<ref name="x" />` reuses a named one.
pub fn collect_wiki_refs(doc: &mut Document) {
    let mut entries = Vec::new();
    for c in &doc.citations {
        if c.syntax != super::CiteSyntax::WikiRef {
            continue;
        }
        let whole = &doc.text[c.span.clone()];
        let Some(open) = whole.find('>') else {
            continue;
        };
        if whole[..=open].ends_with("/>") {
            continue;
        }
        let close = whole.rfind("</ref").unwrap_or(whole.len());
        let body = c.span.start + open + 1..c.span.start + close.max(open + 1);
        let Some(t) = c.targets.first() else { continue };
        if entries.iter().any(|e: &Pending| e.key == t.key) {
            continue; // the same name defined twice: the first counts
        }
        let text = super::html::decode_entities(doc.text[body.clone()].trim());
        entries.push(Pending {
            key: t.key.clone(),
            span: c.span.clone(),
            body,
            key_span: t.span.clone(),
            text,
            title: None,
            excerpt: String::new(),
        });
    }
    if entries.is_empty() {
        return;
    }
    let span = entries[0].span.start..entries[entries.len() - 1].span.end;
    push_list(doc, ListKind::WikiRefs, None, span, entries, None);
    let l = doc.lists.len() - 1;
    doc.lists[l].scope = 0..doc.text.len();
}

/// `references:` in the front matter: strings, or objects with id/title/url/doi/abstract.
pub fn collect_front_matter(doc: &mut Document) {
    let Some(fm) = &doc.front_matter else { return };
    let Some(items) = fm
        .value
        .as_ref()
        .and_then(|v| v.get("references"))
        .and_then(|v| v.as_array())
    else {
        return;
    };
    let span = fm
        .key("references")
        .map(|k| k.key_span.clone())
        .unwrap_or(fm.span.clone());
    let list = doc.lists.len();
    let mut idx = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let (key, text, title, abstract_text, excerpt) = match item {
            serde_json::Value::String(s) => {
                (RefKey::Num(i as u32 + 1), s.clone(), None, None, None)
            }
            serde_json::Value::Object(o) => {
                let get = |k: &str| o.get(k).and_then(|v| v.as_str()).map(str::to_string);
                let key = match o.get("id") {
                    Some(serde_json::Value::Number(n)) => {
                        RefKey::Num(n.as_u64().unwrap_or(0) as u32)
                    }
                    Some(serde_json::Value::String(s)) => match s.parse::<u32>() {
                        Ok(n) => RefKey::Num(n),
                        Err(_) => RefKey::Key(s.clone()),
                    },
                    _ => RefKey::Num(i as u32 + 1),
                };
                let title = get("title");
                let text = [
                    title.clone(),
                    get("container-title").or(get("journal")),
                    get("excerpt").or(get("quote")),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
                (
                    key,
                    text,
                    title,
                    get("abstract"),
                    get("excerpt").or(get("quote")),
                )
            }
            _ => continue,
        };
        let raw = item.to_string();
        idx.push(doc.references.len());
        doc.references.push(Reference {
            key,
            span: span.clone(),
            key_span: span.clone(),
            text,
            title,
            ids: find_ids(&raw),
            abstract_text,
            excerpt,
            identifiers: front_matter_ids(item, &span),
            list,
            path: None,
            line: None,
        });
    }
    let len = doc.text.len();
    doc.lists.push(ReferenceList::whole_document(
        ListKind::FrontMatter,
        span,
        len,
        idx,
        None,
    ));
}

/// The identifiers of a front-matter reference: its `doi`, `pmid`, `isbn`… fields, or those
/// written in a plain string; shown at the `references:` key.
fn front_matter_ids(
    item: &serde_json::Value,
    span: &Range<usize>,
) -> Vec<super::identifiers::Identifier> {
    use super::identifiers::{from_field, scan};
    let mut ids = match item {
        serde_json::Value::String(s) => scan(s, 0),
        serde_json::Value::Object(o) => o
            .iter()
            .filter_map(|(k, v)| from_field(k, v.as_str()?, 0..0))
            .chain(
                ["url", "URL", "note"]
                    .iter()
                    .filter_map(|k| o.get(*k)?.as_str())
                    .flat_map(|t| scan(t, 0)),
            )
            .collect(),
        _ => Vec::new(),
    };
    for i in &mut ids {
        i.span = span.clone();
    }
    ids
}

/// Numbered lists serve the part of the document from the end of the previous numbered list
/// to their own end (PDQ restarts numbering in every section); the last list also serves what
/// follows it. Other lists serve the whole document.
pub fn assign_scopes(doc: &mut Document) {
    let len = doc.text.len();
    let mut numbered: Vec<usize> = (0..doc.lists.len())
        .filter(|&i| doc.lists[i].kind == ListKind::Numbered)
        .collect();
    numbered.sort_by_key(|&i| doc.lists[i].span.start);
    let mut start = 0;
    for (k, &i) in numbered.iter().enumerate() {
        let end = if k + 1 == numbered.len() {
            len
        } else {
            doc.lists[i].span.end
        };
        doc.lists[i].scope = start..end;
        start = end;
    }
    // a bullet list that cannot be the one its part of the document cites: most of the
    // numbers cited there are past its end and within the list after it ("### Video
    // References", four links, after markers [5]-[22] and before the 22-entry list); the
    // part goes to the list after it. Latest first, so a run of such lists passes it on.
    for k in (0..numbered.len().saturating_sub(1)).rev() {
        let (i, scope) = (numbered[k], doc.lists[numbered[k]].scope.clone());
        // (the next list with a part of its own that cites, or the last: a reading list
        // after this one that passed its part on holds an empty one, and one whose part
        // cites nothing, a second reading list in a row, is passed over)
        let last = numbered[numbered.len() - 1];
        let Some(&j) = numbered[k + 1..].iter().find(|&&j| {
            let part = &doc.lists[j].scope;
            !part.is_empty()
                && (j == last || doc.citations.iter().any(|c| part.contains(&c.span.start)))
        }) else {
            continue;
        };
        let highest = |l: usize| {
            doc.lists[l]
                .entries
                .iter()
                .filter_map(|&r| match doc.references[r].key {
                    RefKey::Num(n) => Some(n),
                    _ => None,
                })
                .max()
                .unwrap_or(0)
        };
        let (own, next) = (highest(i), highest(j));
        let cited: Vec<u32> = doc
            .citations
            .iter()
            .filter(|c| scope.contains(&c.span.start))
            .flat_map(|c| &c.targets)
            .filter_map(|t| match t.key {
                RefKey::Num(n) if !t.interior => Some(n),
                _ => None,
            })
            .collect();
        let past = cited.iter().filter(|&&n| n > own && n <= next).count();
        // a bullet list: numbered by place only, not by the writer (a numbered list that
        // lost its last entry is still the list its part cites)
        let bullets = doc.lists[i]
            .entries
            .iter()
            .all(|&r| doc.references[r].key_span.is_empty());
        if bullets && 2 * past > cited.len() {
            doc.lists[j].scope.start = scope.start;
            doc.lists[i].scope = scope.start..scope.start;
        }
    }
}

/// Resolve every target; record which list each citation consulted.
pub fn resolve(doc: &mut Document) {
    // organisations cited by acronym ("AHA/ASA 2023"): an entry one of them names is not
    // another's guideline of the same year
    let organisations: Vec<String> = doc
        .citations
        .iter()
        .flat_map(|c| &c.targets)
        .filter_map(|t| match &t.key {
            RefKey::AuthorYear(k) if super::author_year::is_organisation(k) => Some(k.clone()),
            _ => None,
        })
        .collect();
    for c in 0..doc.citations.len() {
        let at = doc.citations[c].span.start;
        let numbered = doc
            .lists
            .iter()
            .position(|l| l.kind == ListKind::Numbered && l.scope.contains(&at));
        let mut consulted = None;
        for t in 0..doc.citations[c].targets.len() {
            let key = doc.citations[c].targets[t].key.clone();
            let candidates: Vec<usize> = match &key {
                RefKey::Num(_) => match numbered {
                    Some(l) => vec![l],
                    None => (0..doc.lists.len())
                        .filter(|&l| doc.lists[l].kind != ListKind::Numbered)
                        .collect(),
                },
                RefKey::Footnote(_) if doc.citations[c].syntax == super::CiteSyntax::WikiRef => (0
                    ..doc.lists.len())
                    .filter(|&l| doc.lists[l].kind == ListKind::WikiRefs)
                    .collect(),
                RefKey::Footnote(_) => (0..doc.lists.len())
                    .filter(|&l| {
                        doc.lists[l].kind == ListKind::Footnotes
                            || doc.lists[l].kind == ListKind::Numbered
                    })
                    .collect(),
                // the list whose part of the document holds the citation first (an AI report
                // pasted together section by section lists the same work under each section)
                RefKey::AuthorYear(_) => {
                    let mut ls: Vec<usize> = (0..doc.lists.len())
                        .filter(|&l| {
                            doc.lists[l].kind == ListKind::Numbered
                                && doc.lists[l].entries.iter().any(|&r| {
                                    matches!(doc.references[r].key, RefKey::AuthorYear(_))
                                })
                        })
                        .collect();
                    ls.sort_by_key(|&l| !doc.lists[l].scope.contains(&at));
                    ls
                }
                RefKey::Key(_) => (0..doc.lists.len())
                    .filter(|&l| {
                        matches!(
                            doc.lists[l].kind,
                            ListKind::FrontMatter | ListKind::Bibliography | ListKind::Manubot
                        )
                    })
                    .collect(),
            };
            let mut hit = None;
            for &l in &candidates {
                let same = |r: usize| match (&key, &doc.references[r].key) {
                    (RefKey::AuthorYear(c), RefKey::AuthorYear(e)) => {
                        super::author_year::matches(c, e)
                    }
                    (k, e) => k == e,
                };
                // an acronym names the entry it heads ("NIST. (2025)."), else one that names it
                // in its text ("Moody, D. (2025). … NIST.", "EASL Clinical Practice Guidelines")
                let names = |r: usize| match &key {
                    RefKey::AuthorYear(c) if super::author_year::is_organisation(c) => {
                        super::author_year::names_organisation(c, &doc.references[r].text)
                    }
                    _ => false,
                };
                let entries = &doc.lists[l].entries;
                let found = entries
                    .iter()
                    .find(|&&r| same(r))
                    .or_else(|| entries.iter().find(|&&r| names(r)));
                if let Some(&r) = found {
                    hit = Some(r);
                    consulted = Some(l);
                    break;
                }
            }
            // "(ERA-EDTA/ESE/ESICM 2014)" where the entry names no society: the list's only
            // guideline of that year
            if let RefKey::AuthorYear(k) = &key
                && hit.is_none()
                && super::author_year::is_organisation(k)
            {
                let mut of_year = candidates.iter().flat_map(|&l| {
                    doc.lists[l]
                        .entries
                        .iter()
                        .map(move |&r| (l, r))
                        .filter(|&(_, r)| {
                            let text = &doc.references[r].text;
                            super::author_year::guideline_of_year(k, text)
                                && !organisations
                                    .iter()
                                    .any(|o| super::author_year::names_organisation(o, text))
                        })
                });
                if let (Some((l, r)), None) = (of_year.next(), of_year.next()) {
                    hit = Some(r);
                    consulted = Some(l);
                }
            }
            if consulted.is_none() {
                // a key missing from the files that read may be in one that did not
                consulted = candidates
                    .iter()
                    .copied()
                    .find(|&l| doc.lists[l].unreadable.is_some())
                    .or(candidates.first().copied());
            }
            doc.citations[c].targets[t].resolved = hit;
        }
        doc.citations[c].list = consulted;
    }
}

#[cfg(test)]
mod tests {
    use crate::document::{Document, Format, ListKind, ParseOptions, RefKey, Role};

    /// A container's class, id or role names a reference list only as a whole word of a
    /// whole attribute.
    #[test]
    fn container_titles() {
        let t = super::container_title;
        assert_eq!(t(r#"<div class="footnotes">"#), Some(("Footnotes", 12..21)));
        assert_eq!(
            t(r#"<section id="refs" class="references csl-bib-body">"#).map(|x| x.0),
            Some("References")
        );
        assert_eq!(t(r#"<div class="note footnotes-end">"#), None);
        assert_eq!(t(r#"<div data-id="references">"#), None);
        assert_eq!(t(r#"<p class="footnotes">"#), None);
        assert_eq!(t("<div>"), None);
        assert_eq!(t("<"), None);
        assert_eq!(t("é<div class=\"refs\">"), None);
    }

    /// The entry patterns searched from where a match can first start find what a search
    /// from the start finds: on every fixture text and built texts (cases, `ſ`, non-ASCII
    /// neighbours).
    #[test]
    fn entry_searches_start_before_every_match() {
        use super::{DocRegex, entry_literals, patterns, pmid_search_start};
        let mut texts = crate::lexicon_regex::fixture_texts();
        for l in [
            "PMID: ",
            "pmid",
            "PMID:\u{a0}",
            "list_uids=",
            "liſt_uids=",
            "LIST_UIDS=",
            "LIſT_UIDS=",
            "pubmed.ncbi.nlm.nih.gov/",
            "/PubMed/",
            "https://x.org/",
            "10.1000/",
            "doi:10.",
        ] {
            for (a, b) in [("", ""), ("é", "é"), ("ſ", ""), ("x ", " y"), ("日本", "")] {
                texts.push(format!("{a}{l}1234567{b} {l}89012"));
            }
        }
        let doi = DocRegex::new(patterns::ENTRY_DOI);
        let pmid = DocRegex::new(patterns::ENTRY_PMID);
        let url = DocRegex::new(patterns::ENTRY_URL);
        let f = entry_literals();
        let range = |m: Option<crate::lexicon_regex::Match>| m.map(|m| m.range());
        for t in &texts {
            let from = |i: usize| f[i].find(t.as_bytes());
            let d = from(0).and_then(|at| doi.find_from(t, at));
            assert_eq!(range(d), range(doi.find(t)), "{t:?}");
            let u = from(1).and_then(|at| url.find_from(t, at));
            assert_eq!(range(u), range(url.find(t)), "{t:?}");
            let p = pmid_search_start(t).and_then(|at| pmid.find_from(t, at));
            assert_eq!(range(p), range(pmid.find(t)), "{t:?}");
        }
    }

    #[test]
    fn qualified_reference_titles_head_lists() {
        for t in [
            "References",
            "## Scientific References",
            "Referencias seleccionadas",
            "Bibliografía consultada",
            "Selected references:",
            "## Comprehensive List of References",
            "List of sources",
            "參考文獻",
            "15. References (APA 7th Edition)",
            "Sources (in order of citation)",
        ] {
            assert!(super::is_reference_title(t), "{t}");
        }
        for t in [
            "See the references",
            "Cross references",
            "Quick reference guide",
            "References to sleep in ancient texts",
            "A short list of references we liked",
            "Comprehensive list of figures",
            "Sources (of vitamin D)",
            "References (see the appendix for more)",
            "Sources (key foods)",
        ] {
            assert!(!super::is_reference_title(t), "{t}");
        }
    }

    fn parse(t: &str) -> Document {
        Document::parse(
            "t.md",
            t.to_string(),
            Format::Markdown,
            &ParseOptions::default(),
        )
    }

    /// The keys of a document's entries, in order.
    fn keys(d: &Document) -> Vec<RefKey> {
        d.references.iter().map(|r| r.key.clone()).collect()
    }

    #[test]
    fn numeric_link_definitions_are_a_list_in_document_order() {
        // pulldown-cmark hands the definitions over from a hash map, in an order that changes
        // from one parse to the next: every parse must give the same list, first to last
        let t = "# F\n\nA [2]. B [1]. C [3].\n\n[1]: https://example.org/a\n[2]: https://example.org/b\n[3]: https://example.org/c\n";
        for _ in 0..20 {
            let d = parse(t);
            let starts: Vec<usize> = d.link_defs.iter().map(|l| l.1.start).collect();
            assert!(starts.is_sorted(), "{starts:?}");
            let l = d
                .lists
                .iter()
                .find(|l| l.kind == ListKind::Footnotes)
                .unwrap();
            assert_eq!(&t[l.span.clone()], &t[t.find("[1]:").unwrap()..t.len() - 1]);
            let keys: Vec<RefKey> = l
                .entries
                .iter()
                .map(|&e| d.references[e].key.clone())
                .collect();
            assert_eq!(keys, [RefKey::Num(1), RefKey::Num(2), RefKey::Num(3)]);
        }
    }

    #[test]
    fn numbers_are_read_as_written_not_renumbered() {
        let d = parse("Text [2].\n\n## References\n\n1. One.\n3. Three.\n");
        assert_eq!(keys(&d), vec![RefKey::Num(1), RefKey::Num(3)]);
        assert!(d.citations[0].targets[0].resolved.is_none());
    }

    #[test]
    fn title_headings_with_excerpts_are_entries() {
        let t = "Claim.[^a1]\n\n## Sources\n\n### Naps and memory [^a1]. Sleep J (2020).\n\nNapping improved recall in students.\n\n### Other [^b2]. X (2021).\n\nMore text.\n";
        let d = parse(t);
        assert_eq!(d.lists.len(), 1);
        assert_eq!(d.lists[0].kind, ListKind::Numbered);
        let first = &d.references[0];
        assert_eq!(first.key, RefKey::Footnote("a1".into()));
        assert!(
            first.text.contains("Napping improved recall"),
            "{}",
            first.text
        );
        assert_eq!(
            first.title.as_deref(),
            Some("Naps and memory . Sleep J (2020).")
        );
        assert!(d.citations[0].targets[0].resolved == Some(0));
    }

    #[test]
    fn numbered_title_headings_are_entries_when_they_name_sources() {
        let t = "Claim [2].\n\n## Sources of Information\n\n### 1. Heart Society 2024 Guideline\n**Summary** – Advises salt below 5 g.\n**Links** – <https://example.org/g>\n\n### 2. \u{201c}Salt and stroke\u{201d} – Stroke J (2023)\n**Confidence** – 90 %\n";
        let d = parse(t);
        assert_eq!(keys(&d), vec![RefKey::Num(1), RefKey::Num(2)]);
        assert_eq!(&t[d.references[0].key_span.clone()], "1");
        assert!(d.references[0].text.contains("below 5 g"));
        assert!(d.citations[0].targets[0].resolved == Some(1));
        // the same shape naming foods, not sources, is the article's text
        let t = "## Sources\n\n### 1. Citrus fruit\n\nOranges hold plenty of vitamin C.\n\n### 2. Peppers\n\nRed peppers hold even more.\n";
        let d = parse(t);
        assert!(d.lists.is_empty(), "{:?}", d.lists);
        assert!(d.blocks.iter().all(|b| b.role != Role::Reference));
        // numbered headings that group a list's entries are not entries themselves
        let t = "A [1]. B [3].\n\n## References\n\n### 1. Trials\n\n1. Roe J. Naps. Sleep J. 2020.\n2. Li A. Tea. Diet J. 2021.\n\n### 2. Reviews\n\n3. Kim S. Review. Rev J. 2019.\n";
        let d = parse(t);
        assert_eq!(
            keys(&d),
            vec![RefKey::Num(1), RefKey::Num(2), RefKey::Num(3)]
        );
        assert!(
            d.references[2].text.contains("Kim S"),
            "{}",
            d.references[2].text
        );
    }

    #[test]
    fn a_title_heading_owns_its_excerpt_lists_quotes_and_tables() {
        let t = "Claim [^a1].\n\n## References\n\n### Guideline [^a1]. J Derm (2015). High credibility.\n\nThe guideline lists:\n\n- **Drug A**\n- **Drug B**\n\n1. first step\n2. second step\n\n> a quoted line\n\n| a | b |\n|-|-|\n| 1 | 2 |\n\n---\n\n### Other [^b2]. X (2021). Low credibility.\n\nMore text.\n";
        let d = parse(t);
        assert_eq!(
            keys(&d),
            vec![RefKey::Footnote("a1".into()), RefKey::Footnote("b2".into())]
        );
        let first = &d.references[0];
        assert!(first.text.contains("Drug B") && first.text.contains("second step"));
        assert!(first.text.contains("quoted line"), "{}", first.text);
        // the entry's span is its heading, not the excerpt under it
        assert_eq!(
            &t[first.span.clone()],
            "### Guideline [^a1]. J Derm (2015). High credibility."
        );
        assert!(d.blocks.iter().all(|b| b.span.start < 20
            || b.role == Role::Reference
            || matches!(b.kind, crate::document::BlockKind::Heading(2))));
    }

    #[test]
    fn an_ordered_entry_owns_the_bullets_under_it() {
        let t = "A [1]. B [2].\n\n## References\n\n1. Smith. Trial. 2020.\n\n- a bullet of its excerpt\n\n2. Jones. Review. 2021.\n";
        let d = parse(t);
        assert_eq!(keys(&d), vec![RefKey::Num(1), RefKey::Num(2)]);
        assert!(d.references[0].text.contains("bullet"));
    }

    #[test]
    fn a_bulleted_entry_owns_the_numbered_list_under_it() {
        let t = "A [1]. B [2].\n\n## Sources\n\n- [1] Smith. Trial. 2020.\n\n1. first point\n2. second point\n\n- [2] Jones. Review. 2021.\n";
        let d = parse(t);
        assert_eq!(keys(&d), vec![RefKey::Num(1), RefKey::Num(2)]);
        assert!(d.references[0].text.contains("second point"));
    }

    #[test]
    fn a_footnote_definition_ends_at_its_text_and_owns_what_follows() {
        let t = "Claim.[^a]\n\n## References\n\n[^a]: Berg P. Naps. Sleep. 2018.\n\n\n- a bullet under it\n\n[^b]: Other.\n";
        let d = parse(t);
        assert_eq!(d.references.len(), 2);
        assert_eq!(
            &t[d.references[0].span.clone()],
            "[^a]: Berg P. Naps. Sleep. 2018."
        );
        assert!(d.references[0].text.contains("bullet under it"));
        assert!(
            d.blocks
                .iter()
                .filter(|b| b.text.contains("bullet"))
                .all(|b| b.role == Role::Reference)
        );
    }

    #[test]
    fn each_section_list_serves_its_own_section() {
        let t = "## A\n\nX [1]. Y [2].\n\n###### References\n\n1. a\n2. b\n\n## B\n\nZ [2].\n\n###### References\n\n1. c\n";
        let d = parse(t);
        assert_eq!(d.lists.len(), 2);
        let resolved: Vec<bool> = d
            .citations
            .iter()
            .map(|c| c.targets[0].resolved.is_some())
            .collect();
        assert_eq!(resolved, vec![true, true, false]);
    }

    #[test]
    fn identifiers_are_found() {
        let ids =
            super::find_ids("Smith. doi:10.1000/ABC.12. PMID: 1234567 https://example.org/x.");
        assert_eq!(ids.doi.as_deref(), Some("10.1000/abc.12"));
        assert_eq!(ids.pmid.as_deref(), Some("1234567"));
        assert_eq!(ids.url.as_deref(), Some("https://example.org/x"));
    }
}

#[cfg(test)]
mod excerpt_tests {
    use crate::document::{Document, Format, ParseOptions};

    #[test]
    fn an_excerpt_is_what_an_entry_nests_or_a_title_heading_owns() {
        let t = "A [1]. B [2].\n\n## References\n\n1. Roe J. Naps. Sleep J. 2020.\n\n   Naps of 20 minutes restored alertness.\n\n2. Li A. Tea. Diet J. 2021.\n\nAll links were accessed in May 2024.\n";
        let d = Document::parse(
            "t.md",
            t.to_string(),
            Format::Markdown,
            &ParseOptions::default(),
        );
        assert_eq!(
            d.references[0].excerpt.as_deref(),
            Some("Naps of 20 minutes restored alertness.")
        );
        assert!(d.references[0].has_source_text());
        assert_eq!(d.references[1].excerpt, None);
        assert!(!d.references[1].has_source_text());
    }
}
