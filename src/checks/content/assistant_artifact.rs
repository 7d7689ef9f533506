//! # assistant-artifact
//!
//! **What it catches:** an AI assistant's talk about its own process left in the article: "I
//! will search for relevant research papers instead", "As an AI language model, …", "Let me
//! first confirm …", "I need to verify …", "There are no official guidelines to assist in
//! answering this question", "Based on the search results, …".
//!
//! **Why it matters:** such sentences show that the text was generated and pasted without an
//! edit, and they often sit next to claims the assistant did not actually check.
//!
//! **How it matches:** the patterns in `rules/assistant.toml` (regular expressions, compiled
//! once, matched case-insensitively) against the plain text of every prose sentence. Each
//! sentence is reported once, with the words that matched named in the message.
//!
//! **Example:** `There are no official guidelines to assist in answering this question. I will
//! search for relevant research papers instead.` reports both sentences.
//!
//! **Options:** none.

use crate::checks::{Context, NoOptions, Reads, Rule, parse_options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use regex::Regex;
use serde::Deserialize;
use std::sync::OnceLock;

pub static RULE: Rule = Rule {
    id: "assistant-artifact",
    family: "content",
    summary: "an assistant's talk about its own process left in the text",
    source: include_str!("assistant_artifact.rs"),
    default_severity: Severity::Warning,
    reads: Reads {
        sentences: true,
        metadata: false,
        references: false,
        lexicons: &[crate::checks::Lexicon::Assistant],
    },
    parse_options: parse_options::<NoOptions>,
    options: &[],
    check,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    regex: String,
    what: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Lexicon {
    pattern: Vec<Entry>,
}

/// The compiled patterns of `rules/assistant.toml` (plus any rule packs): all of them in one
/// alternation (group names dropped, so that two patterns may share one), so that a sentence
/// with none costs one search; each on its own, with what it finds, compiled only when the
/// alternation matches (most runs never need them). A `RegexSet` was a fifth slower on PDQ.
pub struct AssistantLexicon {
    any: Regex,
    patterns: Vec<(String, String, OnceLock<Option<Regex>>)>,
}

impl AssistantLexicon {
    /// Whether any pattern matches `text`.
    pub fn matches(&self, text: &str) -> bool {
        self.any.is_match(text)
    }

    /// The first pattern (in lexicon order) that matches `text`: the match and what it finds.
    pub fn first<'t>(&self, text: &'t str) -> Option<(regex::Match<'t>, &str)> {
        if !self.matches(text) {
            return None;
        }
        self.patterns.iter().find_map(|(src, what, re)| {
            // valid: it compiled as part of the alternation
            re.get_or_init(|| build(src).ok())
                .as_ref()?
                .find(text)
                .map(|m| (m, what.as_str()))
        })
    }
}

/// Size limit of one pattern's compiled form.
const SIZE_LIMIT: usize = 1 << 20;

fn build(pattern: &str) -> Result<Regex, regex::Error> {
    crate::lexicon_regex::builder(pattern)
        .size_limit(SIZE_LIMIT)
        .build()
}

/// `pattern` with its named groups `(?P<n>…)` / `(?<n>…)` made non-capturing `(?:…)`.
fn unnamed_groups(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    let mut depth = 0usize;
    while let Some(c) = rest.chars().next() {
        if c == '\\' {
            let n = rest[1..].chars().next().map_or(0, char::len_utf8);
            out.push_str(&rest[..1 + n]);
            rest = &rest[1 + n..];
            continue;
        }
        if depth == 0 {
            let named = ["(?P<", "(?<"].iter().find_map(|open| {
                let after = rest.strip_prefix(open)?;
                let end = after.find('>').filter(|_| !after.starts_with(['=', '!']))?;
                Some(&after[end + 1..])
            });
            if let Some(after) = named {
                out.push_str("(?:");
                rest = after;
                continue;
            }
        }
        match c {
            '[' => depth += 1,
            ']' if depth > 0 => depth -= 1,
            _ => {}
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Compile an assistant lexicon from TOML (`[[pattern]] regex = "…" what = "…"`).
pub fn compile(src: &str) -> Result<AssistantLexicon, String> {
    let l: Lexicon = toml::from_str(src).map_err(|e| e.message().to_string())?;
    let patterns: Vec<(String, String, OnceLock<Option<Regex>>)> = l
        .pattern
        .into_iter()
        .map(|e| (format!("(?i){}", e.regex), e.what, OnceLock::new()))
        .collect();
    // each pattern parsed on its own, for an error that names it
    for (src, _, _) in &patterns {
        regex_syntax::Parser::new()
            .parse(src)
            .map_err(|err| format!("assistant pattern `{src}`: {err}"))?;
    }
    let joined = patterns
        .iter()
        .map(|(src, _, _)| format!("(?:{})", unnamed_groups(src)))
        .collect::<Vec<_>>()
        .join("|");
    let any = crate::lexicon_regex::builder(&joined)
        .size_limit(SIZE_LIMIT * patterns.len().max(1))
        .build()
        .map_err(|e| format!("assistant patterns: {e}"))?;
    Ok(AssistantLexicon { any, patterns })
}

pub const BUILTIN: &str = include_str!("../../../rules/assistant.toml");

pub fn builtin() -> &'static AssistantLexicon {
    static L: OnceLock<AssistantLexicon> = OnceLock::new();
    L.get_or_init(|| compile(BUILTIN).expect("rules/assistant.toml is valid"))
}

fn check(doc: &Document, cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        let text = doc.sentence_text(s);
        let Some((m, what)) = cx.lexicons.assistant().first(text) else {
            continue;
        };
        let b = &doc.blocks[s.block];
        let at = s.text_range.start;
        let words = b.map.range(at + m.start()..at + m.end());
        let trimmed = text.trim();
        let lead = text.len() - text.trim_start().len();
        let span = b.map.range(at + lead..at + lead + trimmed.len());
        let mut d = Diagnostic::new(
            RULE.id,
            span,
            format!(
                "an assistant's note about its own process was left in the article: \u{201c}{trimmed}\u{201d}"
            ),
        )
        .help("delete the sentence; if it hides a gap (no guideline, no source found), say so in the article's own voice");
        if words != d.span {
            d = d.label(words, what);
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn group_names_are_dropped_outside_classes_only() {
        use super::unnamed_groups;
        assert_eq!(unnamed_groups(r"a(?P<who>b(?<x>c))"), "a(?:b(?:c))");
        assert_eq!(unnamed_groups(r"[(?P<]\(?P<x>"), r"[(?P<]\(?P<x>");
        assert_eq!(unnamed_groups("(?:é)"), "(?:é)");
    }

    use crate::checks::testing::run;
    const R: &str = "assistant-artifact";

    #[test]
    fn finds_process_talk() {
        let t = "# Q\n\nThere are no guidelines. I will search for relevant research papers instead.\n\nAs an AI language model, I cannot give advice.\n\nLet me first confirm the dose.\n";
        let d = run(R, t, "a.md");
        assert_eq!(d.len(), 3, "{d:?}");
        assert_eq!(
            &t[d[0].span.clone()],
            "I will search for relevant research papers instead."
        );
    }

    #[test]
    fn ordinary_prose_is_left_alone() {
        let t = "# Q\n\nPatients will search for answers online. Doctors need to verify doses. Let us consider the trial.\n";
        assert!(run(R, t, "a.md").is_empty());
    }
}
