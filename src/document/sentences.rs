//! Builds each prose block's plain text (citation markers removed, an offset map back to the
//! source), splits it into sentences and attaches every citation to the sentence it covers: a
//! marker inside a sentence, or right after its full stop (`claim.[1]`), belongs to it.

use super::{Document, OffsetMap, Role, Sentence};
use std::ops::Range;

/// Remove `cuts` (sorted source ranges) from the block's pieces, building text and map.
fn plain(pieces: &[(String, Range<usize>)], cuts: &[Range<usize>]) -> (String, OffsetMap) {
    let mut text = String::new();
    let mut map = OffsetMap::default();
    for (t, r) in pieces {
        // cuts are sorted and do not overlap: only a window can touch this piece (a linear
        // scan per piece made a 10 MB paragraph quadratic)
        let lo = cuts.partition_point(|c| c.end <= r.start);
        let hi = cuts.partition_point(|c| c.start < r.end).max(lo);
        let overlapping: Vec<&Range<usize>> = cuts[lo..hi]
            .iter()
            .filter(|c| c.start < r.end && r.start < c.end)
            .collect();
        if overlapping.is_empty() {
            map.push(text.len(), t.len(), r.start, r.len());
            text.push_str(t);
            continue;
        }
        if t.len() != r.len() {
            continue; // an inexact piece inside a marker: drop it whole
        }
        let mut pos = r.start;
        for c in overlapping
            .iter()
            .map(|c| c.start.max(r.start)..c.end.min(r.end))
        {
            if c.start > pos {
                let sub = &t[pos - r.start..c.start - r.start];
                map.push(text.len(), sub.len(), pos, sub.len());
                text.push_str(sub);
            }
            pos = pos.max(c.end);
        }
        if pos < r.end {
            let sub = &t[pos - r.start..];
            map.push(text.len(), sub.len(), pos, sub.len());
            text.push_str(sub);
        }
    }
    (text, map)
}

/// A sentence that starts with emphasised words (`**Fatigue** rises…`) starts at the opening
/// `**`, not between it and the closing one: the span takes in the emphasis markers that open
/// right before it when it holds their closing run and not a second opening one.
fn balance_emphasis(src: &str, span: Range<usize>) -> Range<usize> {
    let before = &src[..span.start];
    let run = before.len() - before.trim_end_matches(['*', '_']).len();
    if run == 0 || run > 3 {
        return span;
    }
    let marker = &before[before.len() - run..];
    let opener = before[..before.len() - run]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    let inside = src[span.clone()].matches(marker).count();
    if opener && inside % 2 == 1 {
        span.start - run..span.end
    } else {
        span
    }
}

/// Plain text for every block; sentences only when `split` (a run whose rules read none
/// skips the split).
pub fn build(doc: &mut Document, split: bool) {
    let cuts: Vec<Range<usize>> = doc.citations.iter().map(|c| c.span.clone()).collect();
    // reference-style links' definitions, for the sources sentences name through them
    let def_texts: Vec<(String, String)> = doc
        .link_defs
        .iter()
        .map(|(l, span)| (l.clone(), doc.text[span.clone()].to_string()))
        .collect();
    let defs: Vec<(&str, &str)> = def_texts
        .iter()
        .map(|(l, t)| (l.as_str(), t.as_str()))
        .collect();
    let mut sentences = Vec::new();
    for bi in 0..doc.blocks.len() {
        let span = doc.blocks[bi].span.clone();
        let lo = cuts.partition_point(|c| c.end <= span.start);
        let hi = cuts.partition_point(|c| c.start < span.end);
        let (text, map) = plain(&doc.blocks[bi].pieces, &cuts[lo..hi.max(lo)]);
        let b = &mut doc.blocks[bi];
        b.text = text;
        b.map = map;
        // a paragraph that is only a reference, under a paragraph or list of the text it
        // sources (or under another such line); not a byline under the title
        let under_text = bi > 0 && {
            let above = &doc.blocks[bi - 1];
            matches!(
                above.kind,
                super::BlockKind::Paragraph | super::BlockKind::ListItem
            ) && above.role != Role::Reference
        };
        let b = &mut doc.blocks[bi];
        if under_text
            && b.role == Role::Prose
            && b.kind == super::BlockKind::Paragraph
            && lo >= hi
            && super::author_year::source_line(&b.text)
        {
            b.role = Role::SourceLine;
        }
        if !split || b.role != Role::Prose {
            continue;
        }
        let first = sentences.len();
        for r in super::split::split_sentences(&b.text) {
            let src = balance_emphasis(&doc.text, b.map.range(r.clone()));
            let mut chat_tokens = super::links::chat_tokens(&doc.text[src.clone()]);
            // a token read as a citation (Gemini's `[cite: 3]` over a numbered list) is one
            chat_tokens.retain(|t| {
                !cuts[lo..hi.max(lo)]
                    .iter()
                    .any(|c| c.start == src.start + t.span.start)
            });
            // a sentence that ends on a link's text with no full stop ("…found
            // [here](https://…)" closing a paragraph) is read with the link's address
            let tail = &doc.text[src.end..];
            let read_to = match tail.strip_prefix("](http") {
                Some(rest) => src.end + 6 + rest.find([')', '\n']).map_or(rest.len(), |k| k + 1),
                None => src.end,
            };
            let names_source = chat_tokens.iter().any(|t| t.cites)
                || super::links::names_its_source(&doc.text[src.start..read_to])
                || super::links::with_reference_links_inline(&doc.text[src.start..read_to], &defs)
                    .is_some_and(|inline| super::links::names_its_source(&inline));
            sentences.push(Sentence {
                span: src,
                block: bi,
                text_range: r,
                citations: Vec::new(),
                names_source,
                chat_tokens,
            });
        }
        if sentences.len() == first {
            continue;
        }
        for c in lo..hi.max(lo) {
            let at = doc.citations[c].span.start;
            let mine = &sentences[first..];
            // the sentence holding the marker, else the last one that ends before it
            // (sentences are in source order: a binary search, not a scan per marker)
            let next = mine.partition_point(|s| s.span.end <= at);
            let k = match mine.get(next) {
                Some(s) if s.span.start <= at => next,
                _ => next.saturating_sub(1),
            };
            sentences[first + k].citations.push(c);
        }
        // `…outpatient treatment. ([Friend et al., 2011](https://…))`: a source link standing
        // alone after the full stop is the citation of the sentence it follows
        for i in first + 1..sentences.len() {
            if (sentences[i].names_source || !sentences[i].citations.is_empty())
                && super::links::only_a_link(&doc.text[sentences[i].span.clone()])
            {
                sentences[i - 1].names_source = true;
            }
        }
    }
    doc.sentences = sentences;
}

#[cfg(test)]
mod tests {
    use crate::document::{Document, Format, ParseOptions};

    fn doc(t: &str, f: Format) -> Document {
        Document::parse("a.md", t.to_string(), f, &ParseOptions::default())
    }

    #[test]
    fn markers_after_the_full_stop_belong_to_the_sentence_before() {
        let d = doc(
            "Salt raises blood pressure.[1] Water is wet.\n\n## References\n\n1. A study.\n",
            Format::Markdown,
        );
        assert_eq!(d.sentences.len(), 3, "{:?}", d.sentences);
        assert_eq!(
            d.sentence_text(&d.sentences[0]),
            "Salt raises blood pressure."
        );
        assert_eq!(d.sentences[0].citations, vec![0]);
        assert!(d.sentences[1].citations.is_empty());
    }

    #[test]
    fn a_sentence_opening_with_bold_words_starts_at_the_markers() {
        let t = "Fatigue is common. **Fatigue** rises during treatment. *Rest* helps **a little**.\n\n- **Exercise** helps.\n";
        let d = doc(t, Format::Markdown);
        let spans: Vec<&str> = d.sentences.iter().map(|s| &t[s.span.clone()]).collect();
        assert_eq!(
            spans,
            vec![
                "Fatigue is common.",
                "**Fatigue** rises during treatment.",
                "*Rest* helps **a little**.",
                "**Exercise** helps."
            ]
        );
    }

    #[test]
    fn sentence_spans_point_into_the_source() {
        let t = "Intro *bold* text [2] here. Next one [[3](#x)].";
        let d = doc(t, Format::Markdown);
        let s0 = &d.sentences[0];
        assert_eq!(&t[s0.span.clone()], "Intro *bold* text [2] here.");
        assert_eq!(d.sentence_text(s0), "Intro bold text  here.");
        assert_eq!(&t[d.sentences[1].span.clone()], "Next one [[3](#x)].");
        assert_eq!(d.sentences[1].citations.len(), 1);
    }

    #[test]
    fn a_source_link_standing_alone_cites_the_sentence_before_it() {
        let t = "Visits fell by a third. ([Friend et al., 2011](https://example.org/study))\n\nNurses stayed. Care improved. See [the society](https://example.org/home).\n";
        let d = doc(t, Format::Markdown);
        let named: Vec<(&str, bool)> = d
            .sentences
            .iter()
            .map(|s| (&t[s.span.clone()], s.names_source))
            .collect();
        assert_eq!(
            named,
            vec![
                ("Visits fell by a third.", true),
                ("([Friend et al., 2011](https://example.org/study))", true),
                ("Nurses stayed.", false),
                ("Care improved.", false),
                ("See [the society](https://example.org/home).", false),
            ]
        );
    }

    #[test]
    fn a_superscript_that_is_no_citation_is_not_glued_to_its_number() {
        let t = "Cultures reached 10<sup>7</sup> cells by 1995<sup>2</sup>.\n\n## References\n\n1. A.\n2. B.\n";
        let d = doc(t, Format::Markdown);
        assert_eq!(
            d.sentence_text(&d.sentences[0]),
            "Cultures reached 10^7 cells by 1995."
        );
        assert_eq!(d.sentences[0].citations.len(), 1);
    }

    #[test]
    fn a_forced_line_break_or_a_bullet_line_ends_a_sentence() {
        let t = "From: the clinic <br/>\nAsthma affects many children\nin cities.\n\nSeen in:  \nHalf of all wards\n\u{2022} Rates rose in 2023\n\u{2022} Wards closed\nin winter\n";
        let d = doc(t, Format::Markdown);
        let spans: Vec<&str> = d.sentences.iter().map(|s| &t[s.span.clone()]).collect();
        assert_eq!(
            spans,
            vec![
                "From: the clinic",
                "Asthma affects many children\nin cities.",
                "Seen in:",
                "Half of all wards",
                "\u{2022} Rates rose in 2023",
                "\u{2022} Wards closed\nin winter",
            ]
        );
    }
}
