//! # assistant-artifact
//!
//! **What it catches:** an AI assistant's talk about its own process left in the article: "I
//! will search for relevant research papers instead", "As an AI language model, …", "Based on
//! the search results, …"; its reasoning trace ("Let's see… The user is asking about …",
//! "Next, I should review …", "Hold on, I should verify …", "Hmm, wait, I initially …",
//! "Putting this together, I should conclude …"), in blockquotes, plain paragraphs,
//! `<think>` tags or under a "Reasoning" or "Thinking" heading; and chat left in the answer
//! ("Please confirm:", "If you confirm the drug name, I can …", "Would you like me to …", "I
//! can't find a drug named …", "As of my knowledge cutoff …", "I hope this helps"); an
//! agent's transcript ("I'll help you research …", "Let me first analyze your question …",
//! "Does this outline address what you're looking for?", "The report has been saved to
//! ./report.md", "Here is the article with embedded backlinks:"); and a
//! chat tool's tokens copied with the answer (`:contentReference[oaicite:0]{index=0}`,
//! `【4†source】`, ChatGPT's `cite…turn0search1` and `entity…` markup, Gemini's `[cite: 3]`;
//! read by the document layer, `links::chat_tokens`), each reported at the token: a citing
//! one stands for a source the article does not give (its sentence counts as cited for
//! `uncited-claim`, so the missing source is reported once, here). Gemini's `[cite: 3]` is
//! no token where the article keeps the numbered `Sources:` list it points into: there it is
//! a citation like `[3]`.
//!
//! **Why it matters:** such text shows that the answer was generated and pasted without an
//! edit, and it often sits next to claims the assistant did not actually check.
//!
//! **How it matches:** the patterns in `rules/assistant.toml` (regular expressions, compiled
//! once, matched case-insensitively) against the plain text of every prose sentence, quoted
//! words blanked (a quotation is someone else speaking). Reference entries and their excerpts
//! are the sources speaking and are never read. A paragraph of reasoning (a strong cue such as
//! "the user is asking", "wait, let me verify", "I initially said", or two weaker ones such
//! as "I should review", "Next, I will", "I first thought"; a pause such as "Wait," does not
//! count in a question, which a writer asks the reader) is reported once, at the whole paragraph; in a
//! run of blockquote paragraphs that holds two traces or more, a paragraph with one weaker cue
//! is a trace too, and when two thirds of the run are traces all of it is. A trace that
//! something declares (every paragraph under a "Chain of thought" heading, or between
//! `<think>` tags) is reported once, over all its paragraphs. Other sentences
//! (chat, process notes) are reported one by one, with the words that matched named.
//! A research paper's "we" and advice to the reader ("ask your doctor to confirm") are not
//! matched.
//!
//! **Example:** `There are no official guidelines to assist in answering this question. I will
//! search for relevant research papers instead.` reports both sentences; `> Let me first
//! confirm the dose. Hold on, I should verify the label.` reports the paragraph once.
//!
//! **Options:** none.

use crate::checks::{Context, NoOptions, Reads, Rule, parse_options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{BlockKind, Document, Role};
use crate::lexicon_patterns;
use crate::lexicon_regex::{LexRegex, Prefilter};
use regex::Regex;
use serde::Deserialize;
use std::borrow::Cow;
use std::sync::OnceLock;

pub static RULE: Rule = Rule {
    id: "assistant-artifact",
    family: "content",
    summary: "an assistant's talk about its own process left in the text",
    source: include_str!("assistant_artifact.rs"),
    default_severity: Severity::Warning,
    reads: Reads {
        text: false,
        sentences: true,
        metadata: false,
        references: false,
        lexicons: &[crate::checks::Lexicon::Assistant],
    },
    parse_options: parse_options::<NoOptions>,
    options: &[],
    check,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    regex: String,
    what: String,
    /// For reasoning cues: one is enough to call a paragraph a trace.
    #[serde(default)]
    strong: bool,
    /// The pattern does not count in a sentence that ends with a question mark (a writer's
    /// rhetorical "Wait, is that true?" is no pause to check an answer).
    #[serde(default)]
    not_in_question: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Lexicon {
    pattern: Vec<Entry>,
    #[serde(default)]
    reasoning: Vec<Entry>,
    #[serde(default)]
    trace_headings: Vec<String>,
}

/// One list of patterns: all of them in alternations (group names dropped, so that two
/// patterns may share one; a few alternations, see `lexicon_patterns::MATCH_CHUNK`), so that a
/// sentence with none costs a few DFA searches; each on its own, with what it finds,
/// compiled only when an alternation matches (most runs never need them). A `RegexSet` was a
/// fifth slower on PDQ. The built-in alternations are prebuilt (`build.rs`).
struct Group {
    any: Vec<LexRegex>,
    /// which of `any` can match a text at all (the built-in lists of several only)
    prefilter: Option<Prefilter>,
    patterns: Vec<Pattern>,
}

/// One pattern of a group: its source, what it shows, whether it is strong and whether it
/// counts in a question, and the regex (compiled when first needed).
struct Pattern {
    src: String,
    what: String,
    strong: bool,
    not_in_question: bool,
    re: OnceLock<Option<Regex>>,
}

impl Group {
    fn compile(entries: Vec<Entry>) -> Result<Group, String> {
        let patterns: Vec<Pattern> = entries
            .into_iter()
            .map(|e| Pattern {
                src: lexicon_patterns::assistant_entry(&e.regex),
                what: e.what,
                strong: e.strong,
                not_in_question: e.not_in_question,
                re: OnceLock::new(),
            })
            .collect();
        let srcs: Vec<String> = patterns.iter().map(|p| p.src.clone()).collect();
        let parts = lexicon_patterns::assistant_any(&srcs);
        let prefilter = Prefilter::prebuilt(&parts);
        let any = parts
            .iter()
            .zip(srcs.chunks(lexicon_patterns::MATCH_CHUNK))
            .map(|(joined, part)| {
                LexRegex::with_size_limit(joined, SIZE_LIMIT * part.len()).map_err(|e| {
                    // an error that names the pattern, if one alone does not parse
                    part.iter()
                        .find_map(|src| {
                            regex_syntax::Parser::new()
                                .parse(src)
                                .err()
                                .map(|err| format!("assistant pattern `{src}`: {err}"))
                        })
                        .unwrap_or_else(|| format!("assistant patterns: {e}"))
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Group {
            any,
            prefilter,
            patterns,
        })
    }

    fn matches(&self, text: &str) -> bool {
        let maybe = self
            .prefilter
            .as_ref()
            .map_or(u64::MAX, |p| p.candidates(text));
        self.any
            .iter()
            .enumerate()
            .any(|(i, a)| (i >= 64 || maybe & (1 << i) != 0) && a.is_match(text))
    }

    /// Every pattern that matches `text`, in lexicon order: the match, what it finds, and
    /// whether it is strong.
    fn each<'t, 's>(
        &'s self,
        text: &'t str,
    ) -> impl Iterator<Item = (regex::Match<'t>, &'s str, bool)> + use<'t, 's> {
        let any = self.matches(text);
        let question = text.trim_end().ends_with('?');
        self.patterns
            .iter()
            .filter(move |p| any && !(question && p.not_in_question))
            .filter_map(move |p| {
                // valid: it compiled as part of the alternation
                p.re.get_or_init(|| build(&p.src).ok())
                    .as_ref()?
                    .find(text)
                    .map(|m| (m, p.what.as_str(), p.strong))
            })
    }
}

/// The compiled `rules/assistant.toml` (plus any rule packs).
pub struct AssistantLexicon {
    sentences: Group,
    reasoning: Group,
    trace_headings: Vec<String>,
}

impl AssistantLexicon {
    /// Every alternation of the lexicon.
    #[cfg(test)]
    pub(crate) fn regexes(&self) -> impl Iterator<Item = &LexRegex> {
        self.sentences.any.iter().chain(&self.reasoning.any)
    }

    /// Whether a sentence pattern (process talk, chat) matches `text`.
    pub fn matches(&self, text: &str) -> bool {
        self.sentences.matches(text)
    }

    /// The first sentence pattern (in lexicon order) that matches `text`: the match and what
    /// it finds.
    pub fn first<'t>(&self, text: &'t str) -> Option<(regex::Match<'t>, &str)> {
        self.sentences.each(text).next().map(|(m, w, _)| (m, w))
    }

    /// The reasoning cues in `text` (a sentence, leading space trimmed): how many strong
    /// ones, how many weaker ones, and the first with what it shows.
    fn cues<'t>(&self, text: &'t str) -> (usize, usize, Option<(regex::Match<'t>, &str)>) {
        let (mut strong, mut weak) = (0, 0);
        let (mut first_strong, mut first_weak) = (None, None);
        for (m, what, s) in self.reasoning.each(text) {
            if s {
                strong += 1;
                first_strong = first_strong.or(Some((m, what)));
            } else {
                weak += 1;
                first_weak = first_weak.or(Some((m, what)));
            }
        }
        (strong, weak, first_strong.or(first_weak))
    }

    /// Is this heading title one over an assistant's reasoning?
    fn is_trace_heading(&self, title: &str) -> bool {
        self.trace_headings
            .iter()
            .any(|h| crate::document::title_is(title, h))
    }
}

/// Size limit of one pattern's compiled form.
const SIZE_LIMIT: usize = 1 << 20;

fn build(pattern: &str) -> Result<Regex, regex::Error> {
    crate::lexicon_regex::builder(pattern)
        .size_limit(SIZE_LIMIT)
        .build()
}

/// Compile an assistant lexicon from TOML (`[[pattern]]` and `[[reasoning]]` entries with
/// `regex` and `what`, `trace_headings`).
pub fn compile(src: &str) -> Result<AssistantLexicon, String> {
    compile_lexicon(toml::from_str(src).map_err(|e| e.message().to_string())?)
}

/// Compile a read assistant lexicon.
fn compile_lexicon(l: Lexicon) -> Result<AssistantLexicon, String> {
    Ok(AssistantLexicon {
        sentences: Group::compile(l.pattern)?,
        reasoning: Group::compile(l.reasoning)?,
        trace_headings: l.trace_headings,
    })
}

pub const BUILTIN: &str = include_str!("../../../rules/assistant.toml");

pub fn builtin() -> &'static AssistantLexicon {
    static L: OnceLock<AssistantLexicon> = OnceLock::new();
    L.get_or_init(|| {
        compile_lexicon(crate::builtin_rules::builtin_rules!("assistant"))
            .expect("rules/assistant.toml is valid")
    })
}

/// `text` with every quotation blanked (same byte length): quoted words are someone else
/// speaking, never the assistant.
pub(crate) fn mask_quotes(text: &str) -> std::borrow::Cow<'_, str> {
    // no `"` nor `“` (memchr: most sentences have neither, and a char search decodes them;
    // the `“` searcher built once, not on every call)
    static OPENING: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("\u{201c}"));
    let b = text.as_bytes();
    if memchr::memchr(b'"', b).is_none() && OPENING.find(b).is_none() {
        return std::borrow::Cow::Borrowed(text);
    }
    // a character is blanked when it stands inside quotes and does not close them; only the
    // quotation marks change the state, so the text between two of them is copied or blanked
    // whole (with as many spaces as it has bytes)
    let mut out = b.to_vec();
    let mut inside = false;
    let mut run = 0;
    let mut at = 0;
    while let Some(k) = memchr::memchr2(b'"', 0xE2, &b[at..]) {
        let p = at + k;
        let (opens, closes, len) = match b[p..] {
            [b'"', ..] => (!inside, inside, 1),
            // “ and ”
            [0xE2, 0x80, 0x9C, ..] => (true, false, 3),
            [0xE2, 0x80, 0x9D, ..] => (false, true, 3),
            _ => {
                at = p + 1;
                continue;
            }
        };
        if inside {
            out[run..p].fill(b' ');
            if !closes {
                out[p..p + len].fill(b' ');
            }
        }
        inside = opens || (inside && !closes);
        run = p + len;
        at = run;
    }
    if inside {
        out[run..].fill(b' ');
    }
    std::borrow::Cow::Owned(String::from_utf8(out).expect("whole characters blanked"))
}

/// What one paragraph (a prose block with sentences) holds.
struct Para {
    block: usize,
    sentences: std::ops::Range<usize>,
    strong: usize,
    weak: usize,
    /// The first reasoning cue: its range in the block's text and what it shows.
    cue: Option<(std::ops::Range<usize>, String)>,
    /// Sentences that are artifacts on their own: sentence index, words, what they show.
    hits: Vec<(usize, std::ops::Range<usize>, String)>,
    trace: bool,
    /// What declares it a trace, when something does: the section whose heading names it
    /// ("Chain of thought") or the `<think>` tags around it. Its paragraphs are one trace.
    declared: Option<Declared>,
    /// The declared trace it stands in, a subsection's heading included: what one finding
    /// covers.
    within: Option<Declared>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Declared {
    Heading(usize),
    Tags(usize),
}

fn read_paragraphs(doc: &Document, lex: &AssistantLexicon) -> Vec<Para> {
    let mut out: Vec<Para> = Vec::new();
    for (k, s) in doc.sentences.iter().enumerate() {
        if out.last().is_none_or(|p| p.block != s.block) {
            out.push(Para {
                block: s.block,
                sentences: k..k,
                strong: 0,
                weak: 0,
                cue: None,
                hits: Vec::new(),
                trace: false,
                declared: None,
                within: None,
            });
        }
        let p = out.last_mut().expect("pushed");
        p.sentences.end = k + 1;
        let text = doc.sentence_text(s);
        let masked = mask_quotes(text);
        let at = s.text_range.start;
        if let Some((m, what)) = lex.first(&masked) {
            p.hits
                .push((k, at + m.start()..at + m.end(), what.to_string()));
        }
        let lead = masked.len() - masked.trim_start().len();
        let (strong, weak, cue) = lex.cues(&masked[lead..]);
        p.strong += strong;
        p.weak += weak;
        if let Some((m, what)) = cue
            && (p.cue.is_none() || (strong > 0 && p.strong == strong))
        {
            let o = at + lead;
            p.cue = Some((o + m.start()..o + m.end(), what.to_string()));
        }
    }
    out
}

/// A cheap first test for the block of sentence `k`: could it be part of a reasoning trace?
/// [`mark_traces`] makes a paragraph a trace only when it has a cue of its own, stands in a
/// blockquote, under a trace heading or between `<think>` tags; this checks just that.
pub fn may_be_trace(doc: &Document, lex: &AssistantLexicon, k: usize) -> bool {
    let b = doc.sentences[k].block;
    let block = &doc.blocks[b];
    if block.kind == BlockKind::Quote || doc.traces.iter().any(|r| r.contains(&block.span.start)) {
        return true;
    }
    if under_trace_heading(doc, &trace_sections(doc, lex), b) {
        return true;
    }
    let first = doc.sentences[..k]
        .iter()
        .rposition(|s| s.block != b)
        .map_or(0, |i| i + 1);
    doc.sentences[first..]
        .iter()
        .take_while(|s| s.block == b)
        .any(|s| {
            let masked = mask_quotes(doc.sentence_text(s));
            let (strong, weak, _) = lex.cues(masked.trim_start());
            strong + weak > 0
        })
}

/// For each section of `doc`, whether its own heading is over a reasoning trace: read once
/// per document (not once per paragraph, nor per sentence that `may_be_trace` tests).
fn trace_sections<'d>(doc: &'d Document, lex: &AssistantLexicon) -> Cow<'d, [bool]> {
    let flags = doc.trace_sections.get(lex, || {
        doc.sections
            .iter()
            .map(|s| lex.is_trace_heading(&s.title))
            .collect()
    });
    match flags {
        Cow::Borrowed(v) => Cow::Borrowed(v),
        Cow::Owned(v) => Cow::Owned(v),
    }
}

/// Whether block `b` stands under a heading that `trace_heading` marks (or under its
/// subsections).
fn under_trace_heading(doc: &Document, trace_heading: &[bool], b: usize) -> bool {
    trace_heading_over(doc, trace_heading, b).is_some()
}

/// The section whose heading `trace_heading` marks over block `b` (its own or an ancestor).
fn trace_heading_over(doc: &Document, trace_heading: &[bool], b: usize) -> Option<usize> {
    let mut s = doc.blocks[b].section;
    while let Some(i) = s {
        if trace_heading[i] {
            return Some(i);
        }
        s = doc.sections[i].parent;
    }
    None
}

/// For each block of `doc`, whether it is a paragraph of an assistant's reasoning trace (see
/// [`mark_traces`]): other rules leave such paragraphs to this one.
pub fn trace_blocks(doc: &Document, lex: &AssistantLexicon) -> Vec<bool> {
    let mut paras = read_paragraphs(doc, lex);
    mark_traces(doc, lex, &mut paras);
    let mut out = vec![false; doc.blocks.len()];
    for p in paras.iter().filter(|p| p.trace) {
        out[p.block] = true;
    }
    out
}

/// Decide which paragraphs are reasoning traces: a strong cue or two weaker ones; every
/// paragraph under a trace heading; in a run of blockquote paragraphs holding two traces or
/// more, each paragraph with a cue, and every paragraph when two thirds of the run are traces.
fn mark_traces(doc: &Document, lex: &AssistantLexicon, paras: &mut [Para]) {
    let trace_heading = trace_sections(doc, lex);
    let in_trace_tags = |b: usize| {
        let at = doc.blocks[b].span.start;
        doc.traces.iter().position(|r| r.contains(&at))
    };
    for p in paras.iter_mut() {
        p.within = trace_heading_over(doc, &trace_heading, p.block)
            .map(Declared::Heading)
            .or_else(|| in_trace_tags(p.block).map(Declared::Tags));
        // (a trace heading's own subsection headings are not the trace)
        let heading = matches!(doc.blocks[p.block].kind, BlockKind::Heading(_));
        p.declared = p
            .within
            .filter(|d| !heading || matches!(d, Declared::Tags(_)));
        p.trace = p.strong > 0 || p.weak >= 2 || p.declared.is_some();
    }
    let is_quote = |p: &Para| doc.blocks[p.block].kind == BlockKind::Quote;
    let mut i = 0;
    while i < paras.len() {
        if !is_quote(&paras[i]) {
            i += 1;
            continue;
        }
        // a run: quote paragraphs with no other prose between them
        let mut j = i + 1;
        while j < paras.len()
            && is_quote(&paras[j])
            && doc.blocks[paras[j - 1].block + 1..paras[j].block]
                .iter()
                .all(|b| b.role != Role::Prose || b.kind == BlockKind::Quote)
        {
            j += 1;
        }
        let run = &mut paras[i..j];
        let traces = run.iter().filter(|p| p.trace).count();
        if traces >= 2 {
            for p in run.iter_mut() {
                p.trace |= p.weak > 0;
            }
            let traces = run.iter().filter(|p| p.trace).count();
            if traces * 3 >= run.len() * 2 {
                run.iter_mut().for_each(|p| p.trace = true);
            }
        }
        i = j;
    }
}

/// `text` cut to about `max` bytes at a character boundary, with an ellipsis when cut.
fn excerpt(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}\u{2026}", text[..end].trim_end())
}

fn check(doc: &Document, cx: &Context) -> Vec<Diagnostic> {
    // `missing-ai-disclosure` reports the same findings: they are read once per document
    let lex = cx.lexicons.assistant();
    doc.assistant_findings
        .get(lex, || findings(doc, lex))
        .into_owned()
}

fn findings(doc: &Document, lex: &AssistantLexicon) -> Vec<Diagnostic> {
    let mut paras = read_paragraphs(doc, lex);
    mark_traces(doc, lex, &mut paras);
    let mut out = chat_tokens(doc);
    let mut i = 0;
    while i < paras.len() {
        let p = &paras[i];
        let b = &doc.blocks[p.block];
        if p.trace {
            // the paragraphs of one declared trace (under its heading, between its tags),
            // one after another, are one finding
            let mut j = i + 1;
            while p.declared.is_some() && j < paras.len() && paras[j].within == p.declared {
                j += 1;
            }
            let end = &paras[j - 1];
            let first = &doc.sentences[p.sentences.start];
            let last = &doc.sentences[end.sentences.end - 1];
            let start_text = doc.sentence_text(first);
            let lead = start_text.len() - start_text.trim_start().len();
            let end_text = doc.sentence_text(last);
            let trail = end_text.len() - end_text.trim_end().len();
            let from = first.text_range.start + lead;
            let to = last.text_range.end - trail;
            let span = if j == i + 1 {
                b.map.range(from..to)
            } else {
                b.map.range(from..from).start..doc.blocks[end.block].map.range(to..to).end
            };
            let opening = excerpt(start_text.trim(), 100);
            let whole = match (j - i, p.declared) {
                (1, _) => String::new(),
                (_, Some(Declared::Heading(sec))) => format!(
                    "the whole section under \u{201c}{}\u{201d}; ",
                    doc.sections[sec].title
                ),
                _ => "all of it between its <think> tags; ".to_string(),
            };
            let mut d = Diagnostic::new(
                RULE.id,
                span,
                format!(
                    "an assistant's reasoning was left in the article ({whole}it plans, checks or corrects its own answer): \u{201c}{opening}\u{201d}"
                ),
            )
            .help("delete the reasoning trace; keep only the answer, in the article's own voice");
            if let Some((q, (words, what))) = paras[i..j]
                .iter()
                .find_map(|q| q.cue.as_ref().map(|c| (q, c)))
            {
                d = d.label(doc.blocks[q.block].map.range(words.clone()), what.clone());
            }
            out.push(d);
            i = j;
            continue;
        }
        for (k, words, what) in &p.hits {
            let s = &doc.sentences[*k];
            let text = doc.sentence_text(s);
            let at = s.text_range.start;
            let trimmed = text.trim();
            let lead = text.len() - text.trim_start().len();
            let span = b.map.range(at + lead..at + lead + trimmed.len());
            let words = b.map.range(words.clone());
            let mut d = Diagnostic::new(
                RULE.id,
                span,
                format!(
                    "an assistant's note about its own process was left in the article: \u{201c}{trimmed}\u{201d}"
                ),
            )
            .help("delete the sentence; if it hides a gap (no guideline, no source found), say so in the article's own voice");
            if words != d.span {
                d = d.label(words, what.clone());
            }
            out.push(d);
        }
        i += 1;
    }
    out
}

/// A chat tool's token as a reader can see it: the private-use characters around ChatGPT's
/// tokens print as nothing, so they are shown as `·`; a long token is cut to 60 bytes.
pub(crate) fn shown(token: &str) -> String {
    let seen: String = token
        .chars()
        .map(|c| {
            if ('\u{E000}'..='\u{F8FF}').contains(&c) {
                '·'
            } else {
                c
            }
        })
        .collect();
    excerpt(&seen, 60)
}

/// A chat tool's tokens in the prose, each reported at the token.
fn chat_tokens(doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        if doc.blocks[s.block].role != Role::Prose {
            continue;
        }
        for t in &s.chat_tokens {
            let span = s.span.start + t.span.start..s.span.start + t.span.end;
            let shown = shown(&doc.text[span.clone()]);
            let (message, help) = if t.cites {
                (
                    "a chat tool's citation token was left in the article (the source it stands for is not in it)",
                    "replace it with a citation of the source it stands for, or delete it",
                )
            } else {
                (
                    "a chat tool's markup was left in the article",
                    "delete it, keeping in plain words what it marks up",
                )
            };
            out.push(
                Diagnostic::new(RULE.id, span, format!("{message}: \u{201c}{shown}\u{201d}"))
                    .help(help),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    /// The sentence alternations' prefilter never rules out one that matches (see
    /// `lexicon_regex::assert_prefilter_keeps_matches`).
    #[test]
    fn sentence_prefilter_never_rules_out_a_match() {
        let lex = super::builtin();
        let group = &lex.sentences;
        let filter = group.prefilter.as_ref().expect("a built-in prefilter");
        let any: Vec<_> = group.any.iter().collect();
        crate::lexicon_regex::assert_prefilter_keeps_matches(filter, &any, &[]);
    }

    #[test]
    fn group_names_are_dropped_outside_classes_only() {
        use crate::lexicon_patterns::unnamed_groups;
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
    fn a_reasoning_paragraph_is_reported_once_at_the_paragraph() {
        let t = "# Q\n\n> Let me first confirm the dose. Hold on, I should verify the label. Then I will compare brands.\n\nThe dose is 5 mg.\n";
        let d = run(R, t, "a.md");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            &t[d[0].span.clone()],
            "Let me first confirm the dose. Hold on, I should verify the label. Then I will compare brands."
        );
    }

    #[test]
    fn a_run_of_trace_paragraphs_is_reported_paragraph_by_paragraph() {
        let t = "# Q\n\n> The user is asking about iron.\n\n> I should review the label.\n\n> Wait, let me verify the dose.\n\n> Final answer: 65 mg.\n\nIron is absorbed best on an empty stomach.\n";
        let d = run(R, t, "a.md");
        assert_eq!(d.len(), 4, "{d:?}");
    }

    #[test]
    fn quotations_papers_and_advice_are_left_alone() {
        let t = "# Q\n\nThe nurse said \"let me double-check the chart, I initially thought it was 5 mg\" at the handover.\n\nWe need to verify these findings in larger trials. Ask your doctor to confirm the dose. Please confirm your appointment by phone.\n";
        assert!(run(R, t, "a.md").is_empty(), "{:?}", run(R, t, "a.md"));
    }

    #[test]
    fn chat_left_in_the_answer_is_found() {
        let t = "# Q\n\nPlease confirm: the exact drug name. If you meant a different drug, I can summarize it once you clarify. Would you like me to compare them?\n";
        assert_eq!(run(R, t, "a.md").len(), 3);
    }

    #[test]
    fn quotes_are_blanked_byte_for_byte() {
        let m = super::mask_quotes("a \u{201c}Let me é\u{201d} b \"x\" c");
        assert_eq!(m.len(), "a \u{201c}Let me é\u{201d} b \"x\" c".len());
        assert!(!m.contains("Let") && !m.contains('x') && m.ends_with(" c"));
    }

    /// The masking read the text char by char before: the same result.
    #[test]
    fn quotes_are_blanked_as_char_by_char() {
        let by_char = |text: &str| {
            let mut out = String::new();
            let mut inside = false;
            for c in text.chars() {
                let blank = inside;
                match c {
                    '"' => inside = !inside,
                    '\u{201c}' => inside = true,
                    '\u{201d}' => inside = false,
                    _ => {}
                }
                if blank && inside {
                    out.extend(std::iter::repeat_n(' ', c.len_utf8()));
                } else {
                    out.push(c);
                }
            }
            out
        };
        for t in [
            "a \"b\" c \"d",
            "“a “b” c” – “é” \"“x\"” y",
            "no “close – é",
            "\"\"\"",
            "” lone “",
        ] {
            assert_eq!(super::mask_quotes(t), by_char(t), "{t}");
        }
    }

    #[test]
    fn ordinary_prose_is_left_alone() {
        let t = "# Q\n\nPatients will search for answers online. Doctors need to verify doses. Let us consider the trial.\n";
        assert!(run(R, t, "a.md").is_empty());
    }

    /// An agent's transcript (s23): taking up the request, narrating, asking about the
    /// outline, saying where it saved the report, introducing the rewritten text.
    #[test]
    fn an_agents_transcript_is_found() {
        for s in [
            "I'll help you research the safety of statins in older adults.",
            "Let me first analyze your question and develop a detailed research plan.",
            "Does this outline address what you're looking for?",
            "Are there any aspects you'd like me to emphasize in the report?",
            "Let me update the outline to focus on adverse events.",
            "Now I'll begin the research process, starting with Section 1.",
            "I have now completed comprehensive research on all three areas.",
            "The full report with citations has been saved to ./report.md for your reference.",
            "Here is the article with embedded backlinks:",
            "Here's the revised summary you asked for:",
        ] {
            let t = format!("# Q\n\n{s}\n");
            assert_eq!(run(R, &t, "a.md").len(), 1, "{s}");
        }
    }

    /// The same words as a writer or a patient uses them.
    #[test]
    fn a_writers_plans_and_questions_are_left_alone() {
        for s in [
            // each is one change away from an agent's words: the pattern's own limit
            "In this post, I'll help you understand how statins work.",
            "In this guide, I'll help you find information you can trust.",
            "As a medical librarian, I can help you research your condition.",
            "If you're new to running, let me create a plan for you.",
            "Does my plan cover physical therapy after surgery?",
            "Does the draft address the concerns raised in the consultation?",
            "Tell me which topics you'd like me to focus on next month.",
            "In September I will start my research on childhood asthma.",
            "I have now completed my research on the history of the clinic.",
            "The signed consent form has been saved as consent.pdf in the study folder.",
            "Interview transcripts have been saved as .docx files on a secure drive.",
            "Here is the list of foods to avoid:",
            "Here is the updated summary of our visiting hours:",
            "Here is the report with the full results for 2023:",
            "Here's the final version of the leaflet you asked for.",
        ] {
            let t = format!("# Q\n\n{s}\n");
            assert!(
                run(R, &t, "a.md").is_empty(),
                "{s}: {:?}",
                run(R, &t, "a.md")
            );
        }
    }
}
