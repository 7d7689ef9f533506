//! Saved chats. A transcript labels each turn with its speaker: a heading (`## You`,
//! `#### ChatGPT:`), a line of its own (`**User:**`, `You said:`) or a label opening the turn
//! (`**Human:** What is …?`). The labels are `[transcripts]` in `rules/english.toml`. A file
//! with a label of each side is a transcript, and what the user wrote (from a user's label to
//! the next label, or to the next heading as high as the label's) is the question put to the
//! assistant, not the article's text: its blocks get [`Role::Prompt`], so no rule judges them
//! as the article's prose.

use super::{BlockKind, Document, Role};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speaker {
    User,
    Assistant,
}

/// The speaker a block's text opens by naming, when the name is all of its first line or is
/// followed by a colon: "You", "User:", "ChatGPT said:", "Human: What is …".
pub fn speaker(text: &str) -> Option<Speaker> {
    let line = text.trim_start().lines().next().unwrap_or("");
    let line = line.trim_start_matches(['*', '_', '#', ' ']);
    // a label is short: a line with no mark in its first 40 bytes is not one (and is not
    // searched to its end)
    let mut head = line.len().min(40);
    while !line.is_char_boundary(head) {
        head -= 1;
    }
    let end = match line[..head].find([':', '*', '_']) {
        Some(e) => e,
        None if head == line.len() => line.len(),
        None => return None,
    };
    let name = line[..end].trim();
    let rest = line[end..].trim_start_matches(['*', '_']);
    let colon = rest.starts_with(':');
    let rest = rest
        .trim_start_matches(':')
        .trim_matches(['*', '_', ' ', '\t']);
    if name.is_empty() || name.len() > 32 || !(colon || rest.is_empty()) {
        return None;
    }
    let name = name.to_lowercase();
    let name = name.strip_suffix(" said").unwrap_or(&name).trim_end();
    let t = &super::english::words().transcripts;
    if super::english::listed(&t.user_labels, name) {
        Some(Speaker::User)
    } else if super::english::listed(&t.assistant_labels, name) {
        Some(Speaker::Assistant)
    } else {
        None
    }
}

/// The first characters of a block's text as the parser read it (emphasis and heading marks
/// gone): enough for a label.
fn opening(doc: &Document, b: usize) -> String {
    let mut s = String::new();
    for (piece, _) in &doc.blocks[b].pieces {
        // (no more than 64 bytes of a piece: a paragraph may be one long piece)
        let mut end = piece.len().min(64);
        while !piece.is_char_boundary(end) {
            end -= 1;
        }
        s.push_str(&piece[..end]);
        if s.len() >= 48 || s.contains('\n') {
            break;
        }
    }
    s
}

/// Marks the user's turns of a transcript [`Role::Prompt`].
pub fn mark(doc: &mut Document) {
    let mut labels: Vec<(usize, Speaker)> = Vec::new();
    for b in 0..doc.blocks.len() {
        let block = &doc.blocks[b];
        if block.role != Role::Prose || block.kind == BlockKind::TableCell {
            continue;
        }
        if let Some(who) = speaker(&opening(doc, b)) {
            labels.push((b, who));
        }
    }
    if !(labels.iter().any(|l| l.1 == Speaker::User)
        && labels.iter().any(|l| l.1 == Speaker::Assistant))
    {
        return;
    }
    for (k, &(b, who)) in labels.iter().enumerate() {
        if who != Speaker::User {
            continue;
        }
        let next = labels.get(k + 1).map_or(doc.blocks.len(), |l| l.0);
        // a heading label's turn ends at the next heading as high as it
        let end = match doc.blocks[b].kind {
            BlockKind::Heading(level) => (b + 1..next)
                .find(|&i| matches!(doc.blocks[i].kind, BlockKind::Heading(l) if l <= level))
                .unwrap_or(next),
            _ => next,
        };
        for block in &mut doc.blocks[b..end] {
            if block.role == Role::Prose && !matches!(block.kind, BlockKind::Heading(_)) {
                block.role = Role::Prompt;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Speaker, speaker};

    #[test]
    fn labels_of_each_side() {
        assert_eq!(speaker("You"), Some(Speaker::User));
        assert_eq!(speaker("User:"), Some(Speaker::User));
        assert_eq!(speaker("You said:"), Some(Speaker::User));
        assert_eq!(speaker("Human: What is a cataract?"), Some(Speaker::User));
        assert_eq!(speaker("**User:** Is it safe?"), Some(Speaker::User));
        assert_eq!(speaker("ChatGPT said:\nSure."), Some(Speaker::Assistant));
        assert_eq!(speaker("#### ChatGPT:"), Some(Speaker::Assistant));
        assert_eq!(speaker("Claude"), Some(Speaker::Assistant));
        // a name with words after it and no colon is a sentence, not a label
        assert_eq!(speaker("You can ask your doctor."), None);
        assert_eq!(speaker("AI tools are common."), None);
        assert_eq!(speaker("Users: 40 people"), None);
        assert_eq!(speaker("Results: the lens was clear."), None);
        // only a line's first 40 bytes can hold a label
        let long = format!("User: {}", "the lens is clear ".repeat(20));
        assert_eq!(speaker(&long), Some(Speaker::User));
        assert_eq!(speaker(&"a sentence with no label ".repeat(5)), None);
        assert_eq!(
            speaker("Cataract surgery is one of the commonest operations: it"),
            None
        );
    }
}
