//! Plain text (as scraped from web pages) into blocks: blank lines separate paragraphs, each
//! bullet (`•`, `-`, `*`, `·`, `1.`) is a list item, short title-like lines are headings, and a
//! line such as `Last updated: …` stays a block of its own.

use super::{Block, BlockKind, Document};

const BULLETS: [char; 5] = ['•', '-', '*', '·', '–'];

enum LineKind {
    Bullet {
        depth: u8,
        body: usize,
        number: Option<(u32, std::ops::Range<usize>)>,
    },
    Heading,
    Plain,
}

fn classify(line: &str, at: usize) -> LineKind {
    let indent = line.len() - line.trim_start().len();
    let t = line.trim_start();
    if let Some(c) = t.chars().next() {
        if BULLETS.contains(&c) {
            let rest = &t[c.len_utf8()..];
            if rest.starts_with([' ', '\t']) {
                let body = indent + c.len_utf8() + (rest.len() - rest.trim_start().len());
                return LineKind::Bullet {
                    depth: 1 + (indent / 4) as u8,
                    body,
                    number: None,
                };
            }
        }
        if let Some((n, span)) = super::markdown::item_number(line, indent) {
            let after = &line[span.end + 1..];
            if after.starts_with([' ', '\t']) {
                let body = span.end + 1 + (after.len() - after.trim_start().len());
                return LineKind::Bullet {
                    depth: 1,
                    body,
                    number: Some((n, at + span.start..at + span.end)),
                };
            }
        }
    }
    if looks_like_heading(t) {
        LineKind::Heading
    } else {
        LineKind::Plain
    }
}

/// A short line with no sentence punctuation that starts with a capital: a title.
pub fn looks_like_heading(t: &str) -> bool {
    let t = t.trim();
    let words = t.split_whitespace().count();
    let first = t.chars().next();
    !t.is_empty()
        && t.len() <= 80
        && words <= 10
        && matches!(first, Some(c) if c.is_uppercase())
        && !t.ends_with(['.', ',', ';', ':', '!', '?', ')', ']'])
        && !t.contains(": ")
        && !t.chars().last().is_some_and(|c| c.is_ascii_digit())
}

pub fn parse(doc: &mut Document) {
    let text = doc.text.as_str();
    let mut blocks: Vec<Block> = Vec::new();
    let mut pos = 0;
    let mut prev_blank = true;
    for raw in text.split_inclusive(['\n']) {
        let line_start = pos;
        pos += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        // a lone CR also ends a line: treat each CR-separated part as its own line
        let mut sub = line_start;
        for part in line.split('\r') {
            let at = sub;
            sub += part.len() + 1;
            if part.trim().is_empty() {
                prev_blank = true;
                continue;
            }
            let lead = part.len() - part.trim_start().len();
            let body = part.trim();
            match classify(part, at) {
                LineKind::Bullet {
                    depth,
                    body: off,
                    number,
                } => {
                    let content = part[off..].trim_end();
                    let mut b =
                        Block::new(BlockKind::ListItem, at + lead..at + part.trim_end().len());
                    b.depth = depth;
                    b.number = number;
                    b.pieces
                        .push((content.to_string(), at + off..at + off + content.len()));
                    blocks.push(b);
                }
                kind => {
                    let span = at + lead..at + lead + body.len();
                    let continues = !prev_blank
                        && matches!(kind, LineKind::Plain)
                        && body.chars().next().is_some_and(|c| c.is_lowercase())
                        && blocks.last().is_some_and(|b| {
                            matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading(_))
                                && !b
                                    .pieces
                                    .last()
                                    .is_some_and(|p| p.0.ends_with(['.', '!', '?', ':']))
                        });
                    if continues {
                        let b = blocks.last_mut().expect("checked above");
                        b.kind = BlockKind::Paragraph;
                        b.pieces.push((" ".to_string(), span.start - 1..span.start));
                        b.pieces.push((body.to_string(), span.clone()));
                        b.span.end = span.end;
                    } else {
                        let k = if matches!(kind, LineKind::Heading) {
                            BlockKind::Heading(2)
                        } else {
                            BlockKind::Paragraph
                        };
                        let mut b = Block::new(k, span.clone());
                        b.pieces.push((body.to_string(), span));
                        blocks.push(b);
                    }
                }
            }
            prev_blank = false;
        }
    }
    doc.blocks = blocks;
    super::finish_structure(doc);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, ParseOptions};

    fn blocks(t: &str) -> Vec<(BlockKind, String)> {
        let d = Document::parse(
            "a.txt",
            t.to_string(),
            Format::Text,
            &ParseOptions::default(),
        );
        d.blocks
            .iter()
            .map(|b| (b.kind, d.text[b.span.clone()].to_string()))
            .collect()
    }

    #[test]
    fn bullets_headings_and_meta_lines() {
        let b = blocks(
            "Sleep and Memory\n\nLast updated: March 3, 2025\n  • Naps help some adults recall words.\n  • Another point here.\n",
        );
        assert_eq!(b[0].0, BlockKind::Heading(2));
        assert_eq!(
            b[1],
            (BlockKind::Paragraph, "Last updated: March 3, 2025".into())
        );
        assert_eq!(b[2].0, BlockKind::ListItem);
        assert_eq!(b[2].1, "• Naps help some adults recall words.");
        assert_eq!(b.len(), 4);
    }

    #[test]
    fn wrapped_lines_join_one_paragraph() {
        let b = blocks("The trial enrolled adults who\nwere over sixty years old.\n");
        assert_eq!(b.len(), 1);
        assert_eq!(
            b[0].1,
            "The trial enrolled adults who\nwere over sixty years old."
        );
    }
}
