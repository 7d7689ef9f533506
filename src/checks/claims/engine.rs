//! Claim scoring for the `uncited-claim` rule: how strongly does one sentence assert
//! something a reader would want a source for?
//!
//! The lexicon lives in `rules/claims.toml` (weights and phrase lists a domain expert can
//! edit); it is compiled once into an automaton for the phrases (the built-in list's a DFA
//! `build.rs` built, see `lexicon_regex::PhraseSet`) and one
//! regular expression per group for the patterns.

use std::ops::Range;
use std::sync::OnceLock;

use crate::lexicon_regex::{LexRegex as Regex, PhraseSet, Prefilter};
use serde::Deserialize;

/// Score at or above which a sentence counts as a check-worthy claim.
pub const DEFAULT_THRESHOLD: f32 = 0.4;

pub const BUILTIN_TOML: &str = include_str!("../../../rules/claims.toml");

/// What a signal says about the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignalKind {
    /// Reports research or data ("studies have shown", "according to").
    Research,
    /// States a statistic (percentages, ratios, p-values, doses, sample sizes).
    Statistic,
    /// Mentions a specific number or date.
    Quantity,
    /// Causal or effect predicate ("reduces the risk of", "leads to").
    Causal,
    /// Comparison ("more effective than", "higher risk").
    Comparative,
    /// Generalisation or standing fact ("most patients", "first-line", "the leading cause").
    Generalisation,
    /// Names specific people, organisations, places or substances mid-sentence.
    Entity,
    /// A question.
    Question,
    /// Advice or instruction to the reader.
    Instruction,
    /// The writer's hedged opinion or non-committal framing.
    Hedge,
    /// First-person process or opinion talk.
    FirstPerson,
    /// Disclaimer ("not medical advice", "consult your doctor").
    Disclaimer,
    /// Navigation or page chrome ("Click here", "Read more").
    Chrome,
    /// A quotation attributed in-line to its speaker.
    Attributed,
    /// Vague, evaluative language that asserts little ("plays a crucial role", "various").
    Vague,
    /// Topic, summary or signposting sentence ("This article discusses", "In summary").
    Topic,
    /// Too short to assert anything, or a lead-in ending in a colon.
    Fragment,
}

impl SignalKind {
    /// Whether the kind speaks for a claim.
    pub fn is_positive(self) -> bool {
        matches!(
            self,
            Self::Research
                | Self::Statistic
                | Self::Quantity
                | Self::Causal
                | Self::Comparative
                | Self::Generalisation
                | Self::Entity
        )
    }

    fn index(self) -> usize {
        self as usize
    }

    const COUNT: usize = Self::Fragment as usize + 1;
}

/// One piece of evidence found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Signal {
    pub kind: SignalKind,
    /// Byte range inside the sentence.
    pub span: Range<usize>,
    pub weight: f32,
}

/// The score of one sentence and the signals that made it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimScore {
    pub score: f32,
    pub signals: Vec<Signal>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LexiconFile {
    settings: Settings,
    #[serde(default)]
    sections: SectionsFile,
    #[serde(default)]
    group: Vec<GroupFile>,
    #[serde(default, rename = "not-prose")]
    not_prose: NotProseFile,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct NotProseFile {
    /// Patterns of sentences that are not prose claims (captions, log lines, …).
    #[serde(default)]
    patterns: Vec<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SectionsFile {
    /// Heading prefixes (case-insensitive) of administrative sections whose text is not
    /// checked for claims.
    #[serde(default)]
    skip: Vec<String>,
    /// Headings (case-insensitive, whole or followed by "and …") that make a document a
    /// research manuscript reporting its own work.
    #[serde(default)]
    manuscript: Vec<String>,
    /// Heading prefixes of a manuscript's sections that report its own work (methods,
    /// results, limits): skipped in a manuscript only, where they are the manuscript's own.
    #[serde(default, rename = "manuscript-parts")]
    manuscript_parts: Vec<String>,
    /// The same, matched only as the whole heading ("Limitations", not "Limitations of
    /// Current Screening Tests").
    #[serde(default, rename = "manuscript-parts-whole")]
    manuscript_parts_whole: Vec<String>,
    /// A statistics paper's own "Data" and "Model" (whole headings): skipped only in a
    /// manuscript with its results and their discussion, where the words cannot be a topic.
    #[serde(default, rename = "manuscript-data-parts")]
    manuscript_data_parts: Vec<String>,
    /// Headings of page chrome skipped only as the whole heading ("Read This Next", not "Read
    /// Next Steps After a Diagnosis").
    #[serde(default, rename = "skip-whole")]
    skip_whole: Vec<String>,
    /// Heading prefixes of a manuscript's sections that restate its own findings.
    #[serde(default)]
    discussion: Vec<String>,
    /// Heading prefixes of sections that sum up what the article said before them.
    #[serde(default)]
    summary: Vec<String>,
    /// Whole headings of a section naming the one source a document summarises.
    #[serde(default)]
    source: Vec<String>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Settings {
    base: f32,
    min_words: usize,
    short_weight: f32,
    lead_in_weight: f32,
    unterminated_weight: f32,
    entity_weight: f32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupFile {
    kind: SignalKind,
    weight: f32,
    #[serde(default)]
    phrases: Vec<String>,
    #[serde(default)]
    patterns: Vec<String>,
    #[serde(default)]
    case_sensitive: bool,
}

/// A compiled lexicon. Build it once ([`ClaimLexicon::builtin`] or
/// [`ClaimLexicon::from_toml`]) and share it.
pub struct ClaimLexicon {
    settings: Settings,
    /// Lower-cased heading prefixes of sections not checked for claims.
    skip_sections: Vec<String>,
    manuscript_parts: Vec<String>,
    manuscript_parts_whole: Vec<String>,
    manuscript_data_parts: Vec<String>,
    skip_whole: Vec<String>,
    /// Lower-cased headings of a manuscript's own sections, and of its discussion.
    manuscript_sections: Vec<String>,
    discussion_sections: Vec<String>,
    summary_sections: Vec<String>,
    source_sections: Vec<String>,
    /// All phrases of all groups; pattern id -> (kind, weight, prefix match).
    phrases: Option<PhraseSet>,
    phrase_info: Vec<(SignalKind, f32, bool)>,
    /// One combined regex per group that has patterns.
    patterns: Vec<(SignalKind, f32, Regex)>,
    /// Which of `patterns` can match a sentence at all (the built-in groups' only).
    prefilter: Option<Prefilter>,
    /// Sentences that are not prose claims at all (`[not-prose]`), in parts.
    not_prose: Vec<Regex>,
}

impl std::fmt::Debug for ClaimLexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClaimLexicon")
            .field("phrases", &self.phrase_info.len())
            .field("pattern_groups", &self.patterns.len())
            .finish()
    }
}

impl ClaimLexicon {
    /// The lexicon shipped in `rules/claims.toml`, compiled on first use.
    pub fn builtin() -> &'static ClaimLexicon {
        static LEX: OnceLock<ClaimLexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            ClaimLexicon::from_file(crate::builtin_rules::builtin_rules!("claims"))
                .expect("built-in claims lexicon is valid")
        })
    }

    /// Parses and compiles a lexicon in the `rules/claims.toml` format.
    pub fn from_toml(src: &str) -> Result<Self, String> {
        ClaimLexicon::from_file(toml::from_str(src).map_err(|e| e.to_string())?)
    }

    /// Compiles a read lexicon.
    fn from_file(file: LexiconFile) -> Result<Self, String> {
        let mut words: Vec<String> = Vec::new();
        let mut phrase_info = Vec::new();
        let mut patterns = Vec::new();
        let mut sources = Vec::new();
        for (gi, g) in file.group.iter().enumerate() {
            if !g.weight.is_finite() {
                return Err(format!("group {gi}: weight is not a number"));
            }
            for p in &g.phrases {
                let (text, prefix) = crate::lexicon_patterns::claim_phrase(p);
                if text.is_empty() {
                    return Err(format!("group {gi}: empty phrase"));
                }
                words.push(text.to_string());
                phrase_info.push((g.kind, g.weight, prefix));
            }
            if !g.patterns.is_empty() {
                let src = crate::lexicon_patterns::claim_group(&g.patterns, g.case_sensitive);
                let re = crate::lexicon_regex::compile(&src)
                    .map_err(|e| format!("group {gi} ({:?}): {e}", g.kind))?;
                patterns.push((g.kind, g.weight, re));
                sources.push(src);
            }
        }
        let phrases = if words.is_empty() {
            None
        } else {
            Some(PhraseSet::new(&words)?)
        };
        let not_prose = crate::lexicon_patterns::not_prose(&file.not_prose.patterns)
            .iter()
            .map(|p| crate::lexicon_regex::compile(p).map_err(|e| format!("[not-prose]: {e}")))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ClaimLexicon {
            not_prose,
            settings: file.settings,
            skip_sections: lower_headings(&file.sections.skip),
            manuscript_parts: lower_headings(&file.sections.manuscript_parts),
            manuscript_parts_whole: lower_headings(&file.sections.manuscript_parts_whole),
            manuscript_data_parts: lower_headings(&file.sections.manuscript_data_parts),
            skip_whole: lower_headings(&file.sections.skip_whole),
            manuscript_sections: lower_headings(&file.sections.manuscript),
            discussion_sections: lower_headings(&file.sections.discussion),
            summary_sections: lower_headings(&file.sections.summary),
            source_sections: lower_headings(&file.sections.source),
            phrases,
            phrase_info,
            patterns,
            prefilter: Prefilter::prebuilt(&sources),
        })
    }
}

impl ClaimLexicon {
    /// Every pattern of the lexicon.
    #[cfg(test)]
    pub(crate) fn regexes(&self) -> impl Iterator<Item = &Regex> {
        self.patterns
            .iter()
            .map(|(_, _, re)| re)
            .chain(&self.not_prose)
    }

    /// Whether the sentence is not a prose claim at all: a question, a caption or
    /// cross-reference, an author or affiliation line, a log line, a bibliographic fragment,
    /// a manuscript's account of its own work (`[not-prose]` in `rules/claims.toml`).
    /// A sentence led by a short label ("Clinical summary: This meta-analysis suggests…") is
    /// read both whole and from after its label.
    pub fn not_prose(&self, sentence: &str) -> bool {
        let test = |s: &str| self.not_prose.iter().any(|re| re.is_match(s));
        test(sentence) || after_label(sentence).is_some_and(test) || shown_in_figure(sentence)
    }

    /// Whether a section with this heading is administrative ("About This Summary",
    /// "Changes to This Summary", "Contact Us"): its text is not checked for claims.
    pub fn skips_section(&self, title: &str) -> bool {
        Self::heading_in(&self.skip_sections, title)
            || self.skip_whole.contains(&heading_words(title))
    }

    /// Whether a section of a research manuscript reports the manuscript's own work
    /// ("Methods", "Results", "Study Limitations"): skipped only in a manuscript (see
    /// `marks_manuscript`); elsewhere "Methods of Nutrition Therapy" is a topic to judge.
    pub fn skips_manuscript_part(&self, title: &str) -> bool {
        Self::heading_in(&self.manuscript_parts, title)
            || self.manuscript_parts_whole.contains(&heading_words(title))
    }

    /// Whether a section is a statistics paper's own "Data" or "Model" (the whole heading),
    /// skipped only in a manuscript that also reports and discusses its results.
    pub fn skips_data_part(&self, title: &str) -> bool {
        self.manuscript_data_parts.contains(&heading_words(title))
    }

    /// Whether a label is a manuscript part's name as a whole ("Results", "Limitations"),
    /// the way a quoted structured abstract writes it in any document: not a topic that
    /// opens with one ("Limitations of risk models").
    pub fn names_manuscript_part(&self, label: &str) -> bool {
        let t = heading_words(label);
        self.manuscript_parts.contains(&t)
    }

    /// A heading that starts with one of `list` (numbering such as "2." or "IV." aside), or
    /// a short one that ends in one ("Professional Medical Disclaimer", "Summary/Abstract").
    fn heading_in(list: &[String], title: &str) -> bool {
        let t = heading_words(title);
        // "About This Summary"; and a short title ending in one: "Professional Medical
        // Disclaimer" (not a long question that happens to end in "funding")
        let short = t.split_whitespace().count() <= 4;
        list.iter().any(|h| {
            t.starts_with(h.as_str())
                || (short
                    && t.strip_suffix(h.as_str())
                        .is_some_and(|head| head.ends_with([' ', '/'])))
        })
    }
}

/// A sentence that says where something is shown: "An algorithm for … is presented in
/// [Figure 1](#…)", "Doses are listed in Table 2." (the whole sentence, with no comma, colon
/// or semicolon before it: not "Mortality was 30% higher, and the ratios are shown in Table
/// 2"). Written by hand: as a pattern among `[not-prose]` its automaton is too big to build.
fn shown_in_figure(sentence: &str) -> bool {
    const VERBS: &[&str] = &[
        "shown",
        "presented",
        "illustrated",
        "summarized",
        "summarised",
        "listed",
        "given",
        "described",
        "depicted",
        "outlined",
        "provided",
    ];
    const PLACES: &[&str] = &[
        "figure", "figures", "fig.", "figs.", "table", "tables", "appendix", "box",
    ];
    let head = sentence.split([',', ';', ':']).next().unwrap_or("");
    // (the place named at all, before the words are split: most sentences name none)
    const NAMES: &[&str] = &[
        "igure", "Fig", "fig.", "Table", " table", "ppendix", "Box", " box",
    ];
    if !NAMES.iter().any(|n| head.contains(n)) {
        return false;
    }
    let words: Vec<&str> = head.split_whitespace().collect();
    // "is presented in [Figure 1", "are listed in Table 2", "is given in Appendix B2"
    words.windows(5).any(|w| {
        let place = w[3].trim_start_matches('[').to_ascii_lowercase();
        let number = w[4].trim_start_matches(['[', '(']);
        matches!(w[0], "is" | "are")
            && VERBS.contains(&w[1])
            && w[2] == "in"
            && PLACES.contains(&place.as_str())
            && (number.starts_with(|c: char| c.is_ascii_digit())
                || (number.starts_with(|c: char| c.is_ascii_uppercase()) && number.len() <= 3))
    })
}

fn lower_headings(list: &[String]) -> Vec<String> {
    list.iter()
        .map(|h| h.trim().to_lowercase())
        .filter(|h| !h.is_empty())
        .collect()
}

/// A heading's words, lower-cased, without numbering ("2.", "II.") or attributes ("{#sec-x}").
fn heading_words(title: &str) -> String {
    let t = title.split('{').next().unwrap_or("");
    let mut t = t.trim_start_matches(|c: char| !c.is_alphanumeric());
    // numbering: "2", "2.1.", "8-", "IV." (a Roman numeral only with its full stop or bracket:
    // "Introduction" and "Interpretation" start with one)
    if let Some(first) = t.split_whitespace().next() {
        let core = first.trim_end_matches(['.', ')', ':', '-']);
        let arabic = core.starts_with(|c: char| c.is_ascii_digit())
            && core.chars().all(|c| c.is_ascii_digit() || c == '.');
        let roman = core.len() < first.len() && core.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
        if !core.is_empty() && (arabic || roman) {
            t = t[first.len()..].trim_start_matches(|c: char| !c.is_alphanumeric());
        }
    }
    let t = t.trim_end_matches(|c: char| !c.is_alphanumeric());
    if !t.is_ascii() {
        let t = t.to_lowercase();
        return t.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    // ASCII (most headings): lower-cased word by word into one string, without the
    // lower-cased copy, the list of words and the join
    let mut out = String::with_capacity(t.len());
    for w in t.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        let at = out.len();
        out.push_str(w);
        out[at..].make_ascii_lowercase();
    }
    out
}

impl ClaimLexicon {
    /// Whether a heading names a research manuscript's own part ("Methods", "Materials and
    /// Methods", "Results and Analysis"), not a topic ("Methods of Risk Presentation").
    pub fn marks_manuscript(&self, title: &str) -> bool {
        let t = heading_words(title);
        self.manuscript_sections.iter().any(|h| {
            t.strip_prefix(h.as_str()).is_some_and(|rest| {
                rest.is_empty() || rest.starts_with(" and ") || rest.starts_with(" & ")
            })
        })
    }

    /// Whether a heading opens a manuscript's discussion of its findings ("Discussion",
    /// "Conclusions", "Summary and Interpretation").
    pub fn discusses_findings(&self, title: &str) -> bool {
        let t = heading_words(title);
        self.discussion_sections
            .iter()
            .any(|h| t.starts_with(h.as_str()))
    }

    /// Whether a heading opens a section that sums up the article ("Conclusion", "Key
    /// Takeaways", "Summary of the Evidence for …").
    pub fn sums_up(&self, title: &str) -> bool {
        let t = heading_words(title);
        self.summary_sections
            .iter()
            .any(|h| t.starts_with(h.as_str()))
    }

    /// Whether a heading names the one source a document summarises ("Source Information").
    pub fn names_source(&self, title: &str) -> bool {
        let t = heading_words(title);
        let t = t.trim_end_matches(':');
        self.source_sections.iter().any(|h| t == h)
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Scores one sentence (plain text, citation markers already removed).
pub fn score_sentence(sentence: &str, lex: &ClaimLexicon) -> ClaimScore {
    let mut signals: Vec<Signal> = Vec::new();
    let bytes = sentence.as_bytes();
    if let Some(set) = &lex.phrases {
        let mut found = Vec::new();
        set.occurrences(sentence, &mut found);
        for (p, s, mut e) in found {
            let (kind, weight, prefix) = lex.phrase_info[p];
            if s > 0 && is_word_byte(bytes[s - 1]) {
                continue;
            }
            if prefix {
                while e < bytes.len() && is_word_byte(bytes[e]) {
                    e += 1;
                }
            } else if e < bytes.len() && is_word_byte(bytes[e]) {
                continue;
            }
            if !sentence.is_char_boundary(e) {
                continue;
            }
            signals.push(Signal {
                kind,
                span: s..e,
                weight,
            });
        }
    }
    let ascii = sentence.is_ascii();
    // the groups that can match at all: one pass over the sentence instead of one a group
    let maybe = lex
        .prefilter
        .as_ref()
        .map_or(u64::MAX, |p| p.candidates(sentence));
    for (i, (kind, weight, re)) in lex.patterns.iter().enumerate() {
        if i < 64 && maybe & (1 << i) == 0 {
            continue;
        }
        for m in re.find_iter(sentence) {
            if !ascii && !crate::lexicon_regex::unicode_edges(sentence, m.range()) {
                continue;
            }
            if *kind == SignalKind::FirstPerson && roman_numeral_one(sentence, m.range()) {
                continue;
            }
            if matches!(kind, SignalKind::Quantity | SignalKind::Statistic)
                && (part_of_a_name(sentence, m.start())
                    || clock_time(sentence, m.range())
                    || section_number(sentence, m.range()))
            {
                continue;
            }
            signals.push(Signal {
                kind: *kind,
                span: m.range(),
                weight: *weight,
            });
        }
    }
    let st = &lex.settings;
    let words = if ascii {
        // `split_whitespace` on ASCII text, without decoding: the runs of bytes other than
        // the ASCII white space (tab to carriage return, space)
        let white = |b: u8| b == b' ' || (b'\t'..=b'\r').contains(&b);
        let mut n = 0;
        let mut prev_white = true;
        for &b in bytes {
            let w = white(b);
            n += usize::from(prev_white && !w);
            prev_white = w;
        }
        n
    } else {
        sentence.split_whitespace().count()
    };
    if words < st.min_words {
        signals.push(Signal {
            kind: SignalKind::Fragment,
            span: 0..sentence.len(),
            weight: st.short_weight,
        });
    }
    let trimmed = sentence.trim_end_matches(|c: char| c.is_whitespace() || c == '*' || c == '_');
    if trimmed.ends_with(':') {
        signals.push(Signal {
            kind: SignalKind::Fragment,
            span: trimmed.len() - 1..trimmed.len(),
            weight: st.lead_in_weight,
        });
    }
    let last = sentence
        .trim_end_matches(|c: char| c.is_whitespace() || "\"')]}*_\u{201D}\u{2019}".contains(c))
        .chars()
        .next_back();
    if !matches!(last, Some('.' | '!' | '?' | ':' | '\u{2026}') | None) {
        signals.push(Signal {
            kind: SignalKind::Fragment,
            span: 0..sentence.len(),
            weight: st.unterminated_weight,
        });
    }
    if let Some(span) = first_entity(sentence) {
        signals.push(Signal {
            kind: SignalKind::Entity,
            span,
            weight: st.entity_weight,
        });
    }
    // Longest first at each start, then drop matches of a kind inside another of the same kind.
    signals.sort_by_key(|s| (s.span.start, std::cmp::Reverse(s.span.end)));
    let mut kept_end = [0usize; SignalKind::COUNT];
    signals.retain(|s| {
        let k = s.kind.index();
        if kept_end[k] > 0 && s.span.end <= kept_end[k] {
            return false;
        }
        kept_end[k] = s.span.end;
        true
    });
    ClaimScore {
        score: combine(st.base, &signals),
        signals,
    }
}

/// base + the strongest signal of each kind (most positive for kinds for a claim, most
/// negative for kinds against).
fn combine(base: f32, signals: &[Signal]) -> f32 {
    let mut best = [0f32; SignalKind::COUNT];
    for s in signals {
        let b = &mut best[s.kind.index()];
        if s.weight.abs() > b.abs() {
            *b = s.weight;
        }
    }
    base + best.iter().sum::<f32>()
}

/// Whether the number at `start` is joined to a word by a hyphen, as in a name: "COVID-19",
/// "IL-6", "HLH-94", "SARS-CoV-2", or numbers a kind after "type", "stage", "grade", "phase",
/// "class" or "tier" ("type 2 diabetes", "a phase 3 trial"), or a standard's number ("FIPS
/// 203", "ISO 9001"). Such a number counts nothing.
fn part_of_a_name(sentence: &str, start: usize) -> bool {
    let b = sentence.as_bytes();
    if !b.get(start).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    (start >= 2 && b[start - 1] == b'-' && b[start - 2].is_ascii_alphabetic())
        || Some(sentence[..start].trim_end_matches(char::is_whitespace))
            .filter(|head| head.len() < start)
            .is_some_and(|head| {
                let word = head
                    .rsplit(|c: char| !c.is_ascii_alphabetic())
                    .next()
                    .unwrap_or("");
                ["type", "stage", "grade", "phase", "class", "tier"]
                    .iter()
                    .any(|w| word.eq_ignore_ascii_case(w))
                    // a standard's or report series' number ("FIPS 203", "NIST IR 8545")
                    || STANDARD_SERIES.contains(&word)
            })
}

/// Series whose documents are named by number, written in capitals.
const STANDARD_SERIES: &[&str] = &[
    "FIPS", "ISO", "IEC", "RFC", "IEEE", "ASTM", "ANSI", "NISTIR", "IR", "SP",
];

/// Whether the number at `span` numbers a section or a version: three parts or more
/// ("9.1.2", "v2.4.1"), or two parts opening the sentence before a capitalised title
/// ("11.3 Impact on National Security:", not "2.5 Million adults…"). It counts nothing.
fn section_number(sentence: &str, span: Range<usize>) -> bool {
    let b = sentence.as_bytes();
    let part = |c: &u8| c.is_ascii_digit() || *c == b'.';
    let start = span.start - b[..span.start].iter().rev().take_while(|c| part(c)).count();
    // the run of digits and points the match starts in ("16.9" of "16.9%.50", where a
    // footnote number follows the figure)
    let end = span.start + b[span.start..].iter().take_while(|c| part(c)).count();
    let number = sentence[start..end].trim_end_matches('.');
    let dots = number.bytes().filter(|&c| c == b'.').count();
    if dots >= 2 && !number.contains("..") {
        return true;
    }
    let opens = sentence[..start]
        .bytes()
        .all(|c| !c.is_ascii_alphanumeric() && c != b'(' && c != b'$');
    let next = sentence[end..].trim_start();
    let word = next
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    dots == 1
        && opens
        && sentence[end..].starts_with(' ')
        && next.chars().next().is_some_and(char::is_uppercase)
        && !["Million", "Billion", "Thousand", "Percent", "Per", "Times"].contains(&word)
}

/// Whether the number at `span` is part of a time of day or a position in a recording,
/// `01:14:38` (a podcast summary's pointer into its source): hours, minutes and seconds,
/// two digits after each colon. It counts nothing.
fn clock_time(sentence: &str, span: Range<usize>) -> bool {
    let b = sentence.as_bytes();
    let time = |c: &u8| c.is_ascii_digit() || *c == b':';
    let start = span.start - b[..span.start].iter().rev().take_while(|c| time(c)).count();
    let end = span.end + b[span.end..].iter().take_while(|c| time(c)).count();
    crate::document::links::is_timestamp(&sentence[start..end], 3)
}

/// Whether the "I" at `span` is the Roman numeral of "type I diabetes", "phase I/II",
/// "stage I", "Tomb I" rather than the pronoun: it follows a capitalised word or a word
/// that takes a numeral, or is joined to another numeral by "/", "-" or "–".
fn roman_numeral_one(sentence: &str, span: Range<usize>) -> bool {
    if &sentence[span.clone()] != "I" {
        return false;
    }
    const TAKES_NUMERAL: &[&str] = &[
        "type",
        "types",
        "phase",
        "phases",
        "stage",
        "stages",
        "grade",
        "grades",
        "class",
        "classes",
        "step",
        "part",
        "category",
        "level",
        "tier",
        "schedule",
        "chapter",
        "study",
        "trial",
        "arm",
        "group",
        "section",
        "volume",
        "table",
        "figure",
        "appendix",
        "complex",
        "collagen",
        "interferon",
        "war",
        "cohort",
        "series",
        "zone",
        "degree",
    ];
    let after = &sentence[span.end..];
    if after.starts_with(['/', '-', '\u{2013}']) {
        return true;
    }
    let before = sentence[..span.start].trim_end();
    let prev = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    let Some(c0) = prev.chars().next() else {
        return false;
    };
    if before.ends_with([',', ';', ':', '.']) {
        return false;
    }
    // A capitalised word counts only mid-sentence: "When I started" is the pronoun.
    let mid_sentence = before
        .rfind(prev)
        .is_some_and(|at| before[..at].chars().any(char::is_alphanumeric));
    (c0.is_uppercase() && mid_sentence) || TAKES_NUMERAL.contains(&prev.to_lowercase().as_str())
}

/// The first capitalised word or acronym that is not the sentence's first word, the
/// pronoun "I", or the first word after a colon or an opening quote.
fn first_entity(sentence: &str) -> Option<Range<usize>> {
    if sentence.is_ascii() {
        first_entity_ascii(sentence.as_bytes())
    } else {
        first_entity_chars(sentence)
    }
}

/// [`first_entity`], read by characters.
fn first_entity_chars(sentence: &str) -> Option<Range<usize>> {
    let mut first = true;
    let mut after_break = false;
    let mut pos = 0;
    for word in sentence.split_inclusive(char::is_whitespace) {
        let start = pos;
        pos += word.len();
        let core_start = word.find(|c: char| c.is_alphanumeric()).map(|i| start + i);
        let was_first = first || after_break;
        let t = word.trim_end();
        after_break = t.ends_with(':') || t.ends_with(';');
        let Some(cs) = core_start else { continue };
        first = false;
        if was_first || sentence[start..cs].contains(['"', '\u{201C}']) {
            continue;
        }
        let core = sentence[cs..start + t.len()].trim_end_matches(|c: char| !c.is_alphanumeric());
        let mut chars = core.chars();
        let Some(c0) = chars.next() else { continue };
        if c0.is_uppercase() && core != "I" && !core.starts_with("I'") {
            return Some(cs..cs + core.len());
        }
    }
    None
}

/// [`first_entity`] of an ASCII sentence, read by bytes: the same words (the runs up to and
/// with one white-space byte), the same tests, without decoding a character at a time (a
/// tenth of sentence scoring).
fn first_entity_ascii(b: &[u8]) -> Option<Range<usize>> {
    let white = |c: u8| c == b' ' || (b'\t'..=b'\r').contains(&c);
    let mut first = true;
    let mut after_break = false;
    let mut start = 0;
    while start < b.len() {
        // the word is `b[start..end]`; without its white space, `b[start..t_end]`
        let t_end = b[start..]
            .iter()
            .position(|&c| white(c))
            .map_or(b.len(), |k| start + k);
        let end = (t_end + 1).min(b.len());
        let word_start = start;
        start = end;
        let t = &b[word_start..t_end];
        let core_start = t
            .iter()
            .position(u8::is_ascii_alphanumeric)
            .map(|i| word_start + i);
        let was_first = first || after_break;
        after_break = matches!(t.last(), Some(b':' | b';'));
        let Some(cs) = core_start else { continue };
        first = false;
        if was_first || b[word_start..cs].contains(&b'"') {
            continue;
        }
        let mut ce = t_end;
        while ce > cs && !b[ce - 1].is_ascii_alphanumeric() {
            ce -= 1;
        }
        let core = &b[cs..ce];
        if core[0].is_ascii_uppercase() && core != b"I" && !core.starts_with(b"I'") {
            return Some(cs..ce);
        }
    }
    None
}

impl ClaimScore {
    /// Whether the sentence counts as a check-worthy claim at `threshold`.
    pub fn is_claim(&self, threshold: f32) -> bool {
        self.score >= threshold
    }
}

/// Why a reported sentence reads as a claim, in its own words: its two strongest telling
/// lexicon signals ("states an effect ('reduced mortality'); gives a figure (35%)"), else
/// "states a fact". Returns the reason and the bytes of its strongest part.
impl ClaimScore {
    pub fn explain(&self, sentence: &str) -> (String, Option<Range<usize>>) {
        explain(sentence, self)
    }
}

fn explain(sentence: &str, score: &ClaimScore) -> (String, Option<Range<usize>>) {
    let mut parts: Vec<String> = Vec::new();
    let mut strongest = None;
    let mut used: Vec<(SignalKind, Range<usize>)> = Vec::new();
    let mut pos: Vec<&Signal> = score
        .signals
        .iter()
        .filter(|s| s.weight > 0.0 && telling(sentence, s))
        .collect();
    // strongest first; of equal weight, the first in the sentence, then the longer phrase
    pos.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then(a.span.start.cmp(&b.span.start))
            .then(b.span.end.cmp(&a.span.end))
    });
    // a statistic and a bare quantity are both "a figure"
    let family = |k: SignalKind| match k {
        SignalKind::Quantity => SignalKind::Statistic,
        k => k,
    };
    for s in pos {
        let overlaps = used
            .iter()
            .any(|(_, r)| r.start < s.span.end && s.span.start < r.end);
        if parts.len() == 2 || overlaps || used.iter().any(|(k, _)| *k == family(s.kind)) {
            continue;
        }
        let span = whole_number(sentence, s.span.clone());
        used.push((family(s.kind), span.clone()));
        let text = sentence.get(span.clone()).unwrap_or("").trim();
        parts.push(match s.kind {
            SignalKind::Research => format!("reports research ('{text}')"),
            SignalKind::Quantity if is_year(text) => format!("gives a date ({text})"),
            SignalKind::Statistic | SignalKind::Quantity => format!("gives a figure ({text})"),
            SignalKind::Causal => format!("states an effect ('{text}')"),
            SignalKind::Comparative => format!("makes a comparison ('{text}')"),
            _ => format!("makes a general claim ('{text}')"),
        });
        strongest.get_or_insert(span);
    }
    if parts.is_empty() {
        // no telling signal: quote what the sentence asserts, its finite verb and the
        // words that complete it ("is poorly understood"), so the finding is in the
        // article's own words
        match predicate(sentence) {
            Some(r) => (
                format!("states a fact ('{}')", &sentence[r.clone()]),
                Some(r),
            ),
            // a verb the tense lists do not know ("orchestrates", "beats"): the
            // sentence's opening words
            // (quoted, not labelled: they name the sentence, not what makes it a claim)
            None => match opening(sentence) {
                Some(r) => (format!("states a fact ('{}…')", &sentence[r]), None),
                None => ("states a fact".to_string(), None),
            },
        }
    } else {
        (parts.join("; "), strongest)
    }
}

/// The sentence's predicate: its first finite verb (a present or past form of
/// [`PRESENT`] or [`PAST`]) and up to six words after it in the same clause, with
/// trailing function words dropped ("have a single MYC rearrangement", "is poorly
/// understood"). `None` when there is no such verb or nothing completes it.
fn predicate(sentence: &str) -> Option<Range<usize>> {
    let (present, past) = tense_sets();
    let mut ws = words(sentence);
    // the first finite verb not of a relative clause ("patients who are treated…")
    let mut prev = "";
    let verb = ws.find(|&w| {
        let relative = matches!(prev, "who" | "which" | "that" | "whom" | "whose");
        prev = w;
        !relative && (in_list(w, present) || in_list(w, past))
    })?;
    clause_from(sentence, verb, ws)
}

/// The sentence's opening words: up to seven, in its first clause ("These models provide
/// low-dimensional representations"), for a sentence whose verb the tense lists do not know.
/// `None` for fewer than three. A connective set off by a comma ("Therefore, early
/// exercise shortens…") is passed over: the clause after it is what the sentence says.
fn opening(sentence: &str) -> Option<Range<usize>> {
    fn after(sentence: &str, w: &str) -> usize {
        w.as_ptr() as usize - sentence.as_ptr() as usize + w.len()
    }
    let clause = |w| {
        clause_from(sentence, w, words(&sentence[after(sentence, w)..]))
            .filter(|r| sentence[r.clone()].split_whitespace().count() >= 3)
    };
    const CONNECTIVES: &[&str] = &[
        "therefore",
        "thus",
        "hence",
        "however",
        "moreover",
        "furthermore",
        "additionally",
        "consequently",
        "indeed",
        "overall",
        "finally",
        "also",
        "still",
        "meanwhile",
        "similarly",
        "notably",
        "importantly",
        "interestingly",
        "instead",
        "nevertheless",
        "nonetheless",
        "accordingly",
        "likewise",
        "conversely",
        "today",
        "currently",
        "historically",
        "traditionally",
        "first",
        "second",
        "third",
        "lastly",
        "yet",
        "so",
    ];
    let mut ws = words(sentence);
    let first = ws.next()?;
    clause(first).or_else(|| {
        // a connective set off by a comma ("Therefore, early exercise shortens…"); not a
        // list's first item ("Obesity, diabetes and smoking…")
        (sentence[after(sentence, first)..].starts_with(',')
            && CONNECTIVES.contains(&first.to_ascii_lowercase().as_str()))
        .then(|| clause(ws.next()?))
        .flatten()
    })
}

/// `first` (a word of `sentence`) and up to six words after it in the same clause, with
/// trailing function words dropped. `None` when nothing follows `first`.
fn clause_from<'a>(
    sentence: &'a str,
    first: &'a str,
    ws: impl Iterator<Item = &'a str>,
) -> Option<Range<usize>> {
    const TRAILING: &[&str] = &[
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with", "by", "from",
        "that", "than", "as", "but", "be", "been", "not", "also",
    ];
    static SETS: [WordSet; 1] = [OnceLock::new()];
    let trailing = set_of(&SETS[0], TRAILING);
    let base = sentence.as_ptr() as usize;
    let at = |w: &str| w.as_ptr() as usize - base;
    let start = at(first);
    let mut ends = vec![start + first.len()];
    let mut last = start + first.len();
    for w in ws.take(6) {
        // the clause goes on only across spaces: a comma, bracket or colon ends it, and so
        // does a clause of its own ("tumors that extend…", "…because it…")
        if !sentence[last..at(w)].chars().all(char::is_whitespace)
            || matches!(
                w,
                "that"
                    | "which"
                    | "who"
                    | "whose"
                    | "where"
                    | "when"
                    | "because"
                    | "while"
                    | "although"
                    | "whereas"
                    | "if"
                    | "unless"
            )
        {
            break;
        }
        last = at(w) + w.len();
        ends.push(last);
    }
    // drop trailing function words: "is made in a" → "is made"
    while ends.len() > 1 {
        let k = ends.len() - 1;
        let from = sentence[..ends[k]]
            .rfind(char::is_whitespace)
            .map_or(0, |i| i + 1);
        if in_list(&sentence[from..ends[k]], trailing) {
            ends.pop();
        } else {
            break;
        }
    }
    (ends.len() > 1).then(|| start..ends[ends.len() - 1])
}

/// A signal's span widened so that it does not end inside a number: "sensitivity of 0" of
/// "sensitivity of 0.59" becomes the whole figure.
fn whole_number(sentence: &str, mut span: Range<usize>) -> Range<usize> {
    let b = sentence.as_bytes();
    while span.end < b.len()
        && span.end > span.start
        && b[span.end - 1].is_ascii_digit()
        && (b[span.end].is_ascii_digit()
            || (matches!(b[span.end], b'.' | b',')
                && b.get(span.end + 1).is_some_and(u8::is_ascii_digit)))
    {
        span.end += 1;
        while span.end < b.len() && b[span.end].is_ascii_digit() {
            span.end += 1;
        }
    }
    span
}

fn is_year(text: &str) -> bool {
    text.len() == 4
        && (text.starts_with("19") || text.starts_with("20"))
        && text.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a signal says something a reader recognises as a claim: not a capitalised word
/// (an entity), and not a bare number that labels something ("Figure 2", "stage 3", "(2)").
fn telling(sentence: &str, s: &Signal) -> bool {
    match s.kind {
        SignalKind::Research
        | SignalKind::Statistic
        | SignalKind::Causal
        | SignalKind::Comparative
        | SignalKind::Generalisation => true,
        SignalKind::Quantity => {
            let text = &sentence[s.span.clone()];
            let digits = text.chars().filter(char::is_ascii_digit).count();
            let before = sentence[..s.span.start]
                .trim_end_matches(|c: char| c.is_whitespace() || c == '(')
                .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let labels = matches!(
                before.trim_end_matches('.'),
                "figure"
                    | "fig"
                    | "table"
                    | "section"
                    | "chapter"
                    | "step"
                    | "page"
                    | "appendix"
                    | "box"
                    | "stage"
                    | "grade"
                    | "type"
                    | "phase"
                    | "level"
                    | "part"
                    | "item"
            );
            !labels && (digits >= 2 || text.contains('%'))
        }
        _ => false,
    }
}

/// Scores `sentence` with the built-in lexicon.
pub fn score(sentence: &str) -> ClaimScore {
    score_sentence(sentence, ClaimLexicon::builtin())
}

/// The feature names of the lexicon's signal kinds in the model, by [`SignalKind`] index:
/// a statistic and a telling quantity are both "a figure".
pub const MODEL_KIND_FEATURES: [&str; SignalKind::COUNT] = [
    "lex:research",
    "lex:figure",
    "lex:figure",
    "lex:effect",
    "lex:comparison",
    "lex:general",
    "lex:entity",
    "lex:question",
    "lex:advice",
    "lex:hedge",
    "lex:first-person",
    "lex:disclaimer",
    "lex:chrome",
    "lex:attributed",
    "lex:vague",
    "lex:topic",
    "lex:fragment",
];

/// The kinds of a sentence's lexicon signals that the model reads, one bit per
/// [`SignalKind`] index: every kind against a claim, and the kinds for one when they tell
/// (the ones a message would name: not a bare entity, a year or "Figure 2").
pub fn model_kinds(sentence: &str, score: &ClaimScore) -> u32 {
    let mut bits = 0u32;
    for s in &score.signals {
        let k = if s.kind == SignalKind::Quantity {
            SignalKind::Statistic
        } else {
            s.kind
        };
        if !s.kind.is_positive() || telling(sentence, s) {
            bits |= 1 << k.index();
        }
    }
    bits
}

/// Whether a sentence directly continues the one before it ("These findings…", "This
/// effect…", "Such…", "They…"), so that a citation on the previous sentence covers it.
pub fn continues_previous(sentence: &str) -> bool {
    let s = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
    let mut words = s.split(|c: char| c.is_whitespace() || c == ',');
    let w0 = words.next().unwrap_or("");
    let w1 = words.next().unwrap_or("").to_ascii_lowercase();
    match w0 {
        "These" | "This" | "Those" | "Such" | "They" | "Their" | "Its" | "Both" | "Here" => true,
        "It" => !expletive_it(s),
        "The" => matches!(
            w1.as_str(),
            "latter"
                | "former"
                | "same"
                | "authors"
                | "study"
                | "trial"
                | "cohort"
                | "investigators"
                | "researchers"
                | "analysis"
                | "meta-analysis"
                | "review"
        ),
        "In" | "Among" => {
            let w2 = words.next().unwrap_or("").to_ascii_lowercase();
            matches!(w1.as_str(), "this" | "that" | "these" | "those")
                && matches!(
                    w2.trim_end_matches(',').trim_end_matches('s'),
                    "study"
                        | "studie"
                        | "trial"
                        | "cohort"
                        | "analysis"
                        | "analyse"
                        | "review"
                        | "population"
                        | "patient"
                        | "participant"
                        | "series"
                        | "group"
                )
        }
        _ => false,
    }
}

/// The abbreviation a sentence opens with as a definite name ("The GAP-BH groups…", "To
/// achieve this, the KM-GBF contains…", after at most one short clause set off by a comma):
/// a named thing (a framework, a trial, an agency) that the sentence goes on to describe.
/// A bare abbreviation ("LDL causes…") names a substance or a measure, not a work, and is
/// not returned.
pub fn definite_abbreviation(sentence: &str) -> Option<&str> {
    let s = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
    let rest = s.strip_prefix("The ").or_else(|| match s.find(", ") {
        Some(k) if s[..k].split_whitespace().count() <= 4 => s[k + 2..].strip_prefix("the "),
        _ => None,
    })?;
    let word = rest
        .split([' ', ',', ';', ':', ')', '\'', '’', '"', '”'])
        .next()?;
    // two capitals or more, the first leading ("GAP-BH", "NordICC", "COVID-19")
    let capitals = word.bytes().filter(u8::is_ascii_uppercase).count();
    let name = capitals >= 2
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'&');
    name.then_some(word)
}

/// Whether a sentence opens by pointing back to a study, its population or its result with
/// a definite noun phrase ("The trial…", "These patients…", "In this cohort…", "This
/// increase…"): the thing it talks about was introduced by the sentence before. A bare
/// pronoun ("It…", "This can…") is not enough, since it may pick up any earlier idea.
pub fn refers_back_to_study(sentence: &str) -> bool {
    const NOUNS: &[&str] = &[
        "study",
        "studies",
        "trial",
        "trials",
        "cohort",
        "cohorts",
        "analysis",
        "analyses",
        "meta-analysis",
        "review",
        "series",
        "survey",
        "registry",
        "investigators",
        "researchers",
        "authors",
        "patients",
        "participants",
        "subjects",
        "women",
        "men",
        "children",
        "survivors",
        "families",
        "carriers",
        "group",
        "groups",
        "arm",
        "arms",
        "population",
        "sample",
        "findings",
        "finding",
        "results",
        "result",
        "data",
        "effect",
        "effects",
        "increase",
        "decrease",
        "reduction",
        "difference",
        "differences",
        "association",
        "observation",
        "benefit",
        "rate",
        "rates",
    ];
    let s = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
    let mut words = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    let mut w0 = words.next().unwrap_or("");
    if w0 == "In" || w0 == "Among" || w0 == "Of" {
        w0 = words.next().unwrap_or("");
    }
    let det = w0.to_ascii_lowercase();
    if !matches!(det.as_str(), "the" | "this" | "these" | "those" | "that") {
        return false;
    }
    // "These patients", "these 120 patients", "this randomized trial": the noun comes first or
    // after one modifier
    words
        .take(2)
        .any(|w| NOUNS.contains(&w.to_ascii_lowercase().trim_end_matches(['.', ';', ':'])))
}

/// Whether a sentence takes up again a study the paragraph has cited, after a remark of
/// another kind: it opens with a definite reference to it ([`refers_back_to_study`]), with
/// "Among those…", "Of these…", or names it anywhere as "the study", "this trial" ("…; when
/// expanded to the genes included in the study, sensitivity was 70%").
pub fn resumes_study(sentence: &str) -> bool {
    if refers_back_to_study(sentence) {
        return true;
    }
    let s = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
    const HEADS: &[&str] = &["Among those", "Among these", "Of those", "Of these"];
    if HEADS
        .iter()
        .any(|h| s.starts_with(h) && s[h.len()..].starts_with([' ', ',']))
    {
        return true;
    }
    let mut det = false;
    for w in words(s) {
        if det && matches!(w, "study" | "trial" | "cohort" | "meta-analysis") {
            return true;
        }
        det = matches!(w, "the" | "this" | "The" | "This");
    }
    false
}

/// The rest of a sentence led by a short label of one to four words and a colon, the first
/// capitalised ("Clinical summary: This review…", "Key finding: …").
pub fn after_label(sentence: &str) -> Option<&str> {
    let colon = sentence.bytes().take(48).position(|b| b == b':')?;
    let label = sentence[..colon].trim();
    let words = label.split_whitespace().count();
    let rest = &sentence[colon + 1..];
    ((1..=4).contains(&words)
        && label.starts_with(|c: char| c.is_uppercase())
        && label
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-'))
        && rest.starts_with(' '))
    .then(|| rest.trim_start())
}

/// Whether a sentence speaks of the document itself or its authors: "our", "we", or "this",
/// "the present" or "the current" up to two words before a word for the work ("this
/// meta-analysis", "the present systematic review").
pub fn speaks_of_itself(sentence: &str) -> bool {
    const WORK: &[&str] = &[
        "study",
        "review",
        "meta-analysis",
        "analysis",
        "report",
        "paper",
        "article",
        "work",
        "manuscript",
        "survey",
    ];
    // words since the last "this", "present" or "current"
    let mut since: Option<usize> = None;
    for w in words(sentence) {
        let lower = w.to_ascii_lowercase();
        let lower = lower.as_str();
        if matches!(lower, "our" | "we") || (since.is_some_and(|n| n <= 2) && WORK.contains(&lower))
        {
            return true;
        }
        since = if matches!(lower, "this" | "present" | "current") {
            Some(0)
        } else {
            since.map(|n| n + 1)
        };
    }
    false
}

/// Whether a sentence announces the document's own limits ("Our review has some
/// weaknesses:", "The present analysis has caveats"; in a manuscript also "This study has
/// several limitations."): the sentences after it in its paragraph ("First, the sample…";
/// "Second, sleep is self-reported…"), and the items it leads into, are the authors' account
/// of their own work. Elsewhere "this study" is the study just cited ("Limitations of this
/// study included…" in a review of the evidence).
pub fn announces_own_limits(sentence: &str, manuscript: bool) -> bool {
    const LIMITS: [&str; 4] = ["limitation", "weakness", "shortcoming", "caveat"];
    // (most sentences name none of the words: looked for in one pass first)
    static FIND: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let find = FIND.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(LIMITS)
            .expect("four words")
    });
    if !find.is_match(sentence) {
        return false;
    }
    let mut limits = false;
    let mut own = false;
    for w in words(sentence) {
        limits |= LIMITS
            .iter()
            .any(|p| w.len() >= p.len() && w[..p.len()].eq_ignore_ascii_case(p));
        own |= ["our", "we", "present", "current"]
            .iter()
            .any(|o| w.eq_ignore_ascii_case(o));
    }
    limits && (own || manuscript) && speaks_of_itself(sentence)
}

/// Whether a sentence of a manuscript's discussion restates the manuscript's own finding: its
/// main clause is in the past tense ("The association was strongest in women", "Internal
/// validation showed that the model is…") and it attributes nothing to other work (no
/// "studies", "previous", "et al.", "reported", "the literature"; "this study" and "our
/// cohort" are its own).
pub fn restates_own_finding(sentence: &str) -> bool {
    own_reading(sentence).is_some_and(|past| past || reports_past(sentence))
}

/// Whether a sentence of a manuscript's discussion is its authors' reading of their own
/// findings: hedged ("…suggests that…", "…may be…", "…may also reflect…"), pointing at the
/// manuscript's own work ("this", "these", "our", "we", "the results", "the association",
/// "the estimates", "one explanation"), and attributing nothing to other work, as
/// [`restates_own_finding`] reads it, nor to an unnamed other voice ("it has been
/// suggested", "evidence suggests", "experts"). A hedged general claim ("Smoking may cause
/// most lung cancers") is still judged.
pub fn interprets_own_finding(sentence: &str) -> bool {
    const HEDGES: &[&str] = &[
        "may",
        "might",
        "could",
        "suggest",
        "suggests",
        "suggested",
        "suggesting",
        "appears",
        "appear",
        "likely",
        "possibly",
        "perhaps",
        "presumably",
        "plausibly",
    ];
    const OWN: &[&str] = &[
        "this",
        "these",
        "our",
        "we",
        "result",
        "results",
        "finding",
        "findings",
        "association",
        "associations",
        "difference",
        "differences",
        "estimate",
        "estimates",
        "observed",
        "explanation",
        "hypothesis",
        "pattern",
        "trend",
    ];
    const VOICES: &[&str] = &["been", "evidence", "experts", "colleagues", "data"];
    static SETS: [WordSet; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let (hedges, own, voices) = (
        set_of(&SETS[0], HEDGES),
        set_of(&SETS[1], OWN),
        set_of(&SETS[2], VOICES),
    );
    let (mut hedged, mut ours) = (false, false);
    for w in words(sentence) {
        if in_list(w, voices) {
            return false;
        }
        hedged |= in_list(w, hedges);
        ours |= in_list(w, own);
    }
    hedged && ours && own_reading(sentence).is_some()
}

/// How a sentence of a manuscript's discussion reads when it attributes nothing to other
/// work: whether its main clause is in the past tense (its first finite verb; `false` when
/// none is found). `None` when it names other work.
fn own_reading(sentence: &str) -> Option<bool> {
    const OTHERS: &[&str] = &[
        "studies",
        "trial",
        "trials",
        "literature",
        "previous",
        "previously",
        "prior",
        "earlier",
        "others",
        "reported",
        "et",
        "researchers",
        "authors",
        "investigators",
        "meta-analysis",
        "meta-analyses",
        "review",
        "reviews",
        "guidelines",
        "historically",
        "traditionally",
        "once",
    ];
    const OWN: &[&str] = &["this", "our", "present", "current"];
    static SETS: [WordSet; 2] = [OnceLock::new(), OnceLock::new()];
    let (others, own) = (set_of(&SETS[0], OTHERS), set_of(&SETS[1], OWN));
    let (present, past) = tense_sets();
    // the first finite verb of the list decides the main clause's tense
    let mut main: Option<bool> = None;
    let mut after_aux = false;
    let mut prev = "";
    // a "study" not marked as the manuscript's own, unless the next word names a part of it
    let mut outside_study = false;
    for w in words(sentence) {
        if in_list(w, others) {
            return None;
        }
        if std::mem::take(&mut outside_study)
            && !matches!(
                w,
                "groups" | "group" | "arms" | "arm" | "period" | "visit" | "visits"
            )
        {
            return None;
        }
        // "study", "cohort", "sample": the manuscript's own when "this", "our", "present"
        // ("the study groups", "the study period": a part of it)
        if matches!(w, "study" | "cohort" | "sample" | "analysis") && !in_list(prev, own) {
            if w != "study" {
                return None;
            }
            outside_study = true;
        }
        if main.is_none() && !after_aux {
            if in_list(w, present) {
                main = Some(false);
            } else if in_list(w, past) {
                main = Some(true);
            }
        }
        after_aux = w.eq_ignore_ascii_case("did") || w == "not" || w == "to";
        prev = w;
    }
    (!outside_study).then_some(main.unwrap_or(false))
}

/// Whether a sentence opens the report of another study, named with an indefinite article
/// near its start ("Another study found…", "In a trial of 82 women…", "One study…"): it is
/// not the result of the study before it. ("Two studies…" after a meta-analysis are a part of
/// it, and so are "the four trials that…".)
pub fn introduces_study(sentence: &str) -> bool {
    const DETS: &[&str] = &["a", "an", "another", "one", "several", "other", "some"];
    const NOUNS: &[&str] = &[
        "study",
        "studies",
        "trial",
        "trials",
        "meta-analysis",
        "review",
        "survey",
        "series",
    ];
    static SETS: [WordSet; 2] = [OnceLock::new(), OnceLock::new()];
    let (dets, nouns) = (set_of(&SETS[0], DETS), set_of(&SETS[1], NOUNS));
    // words since an indefinite determiner, among the first six
    let mut since: Option<usize> = None;
    let mut definite = false;
    for w in words(sentence).take(6) {
        if since.is_some_and(|k| k < 4) && in_list(w, nouns) {
            return true;
        }
        // "Three of the eight studies", "The four studies that…": studies already named
        let def = matches!(w, "the" | "The" | "these" | "These" | "those" | "Those");
        since = if def {
            None
        } else if in_list(w, dets) && !definite {
            Some(0)
        } else {
            since.map(|k| k + 1)
        };
        definite = def;
    }
    false
}

/// Whether a sentence reports a specific piece of research: it names a study, a trial, a
/// cohort or its investigators, or describes how one was run ("were randomly assigned").
pub fn reports_study(sentence: &str) -> bool {
    const WORDS: &[&str] = &[
        "study",
        "studies",
        "trial",
        "trials",
        "cohort",
        "cohorts",
        "meta-analysis",
        "meta-analyses",
        "analysis",
        "review",
        "survey",
        "series",
        "investigators",
        "researchers",
        "authors",
        "participants",
        "enrolled",
        "randomized",
        "randomised",
        "randomly",
        "case-control",
        "registry",
    ];
    static SET: WordSet = OnceLock::new();
    let set = set_of(&SET, WORDS);
    words(sentence).any(|w| in_list(w, set))
}

/// Verbs of the past tense, the register of study results.
const PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "found",
    "showed",
    "shown",
    "saw",
    "fell",
    "rose",
    "grew",
    "led",
    "took",
    "gave",
    "became",
    "began",
    "lost",
    "kept",
    "ran",
    "underwent",
    "chose",
];
/// Verbs of the present tense, the register of standing claims.
const PRESENT: &[&str] = &[
    "is",
    "are",
    "has",
    "have",
    "can",
    "may",
    "might",
    "should",
    "must",
    "will",
    "does",
    "do",
    "remains",
    "remain",
    "appears",
    "appear",
    "seems",
    "seem",
    "suggests",
    "suggest",
    "indicates",
    "indicate",
    "include",
    "includes",
    "occurs",
    "occur",
    "causes",
    "cause",
    "leads",
    "lead",
    "reduces",
    "increases",
    "improves",
    "recommend",
    "recommends",
];

/// The sets of [`PRESENT`] and [`PAST`] verbs.
fn tense_sets() -> (&'static Words, &'static Words) {
    static SETS: [WordSet; 2] = [OnceLock::new(), OnceLock::new()];
    (set_of(&SETS[0], PRESENT), set_of(&SETS[1], PAST))
}

/// Whether a sentence reports in the past tense ("Survival was 80%…", "The rate fell…"),
/// the register of study results, with no present-tense verb of a standing claim ("is",
/// "are", "can", "may", "suggests"). General statements are in the present tense.
pub fn reports_past(sentence: &str) -> bool {
    const NOT_PAST: &[&str] = &["need", "based", "advanced", "limited", "red", "bed", "feed"];
    // which of the three lists each word is in, read with one lookup a word (it was three)
    const IS_PRESENT: u8 = 1;
    const IS_PAST: u8 = 2;
    const IS_NOT_PAST: u8 = 4;
    static TENSE: OnceLock<rustc_hash::FxHashMap<&'static [u8], u8>> = OnceLock::new();
    let tense = TENSE.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for (list, bit) in [
            (PRESENT, IS_PRESENT),
            (PAST, IS_PAST),
            (NOT_PAST, IS_NOT_PAST),
        ] {
            for w in list {
                *m.entry(w.as_bytes()).or_insert(0) |= bit;
            }
        }
        m
    });
    let mut past = false;
    // a present form after "did", "not" or "to" is an infinitive ("did not have", "failed to
    // improve"): the auxiliary before "not" is judged on its own
    let mut after_aux = false;
    for w in words(sentence) {
        let lists = lists_of(w, tense);
        if lists & IS_PRESENT != 0 && !after_aux {
            return false;
        }
        after_aux = w.eq_ignore_ascii_case("did") || w == "not" || w == "to";
        let ed = w.len() >= 5 && w.as_bytes()[w.len() - 2..].eq_ignore_ascii_case(b"ed");
        if lists & IS_PAST != 0 || (ed && lists & IS_NOT_PAST == 0) {
            past = true;
        }
    }
    past
}

/// The lists `w` is in, in any case, as [`in_list`] reads them: the bits of `w` lower-cased in
/// `lists` (0 for a word in none).
fn lists_of(w: &str, lists: &rustc_hash::FxHashMap<&'static [u8], u8>) -> u8 {
    let mut buf = [0u8; 24];
    lower_ascii(w, &mut buf).map_or(0, |lower| lists.get(lower).copied().unwrap_or(0))
}

/// The words of `s` (letters, digits, hyphens), not lower-cased: compare with [`in_list`].
/// ASCII bytes are classified by a table ([`WORD_BYTE`]), with the position kept in a local
/// while a run is scanned; another character is decoded out of line ([`wide_class`]).
fn words(s: &str) -> impl Iterator<Item = &str> + '_ {
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        // skip to the next word character
        let mut j = i;
        loop {
            let &c = b.get(j)?;
            match WORD_BYTE[c as usize] {
                WORD => break,
                NOT_WORD => j += 1,
                _ => {
                    let (word, len) = wide_class(s, j);
                    if word {
                        break;
                    }
                    j += len;
                }
            }
        }
        let start = j;
        while let Some(&c) = b.get(j) {
            match WORD_BYTE[c as usize] {
                WORD => j += 1,
                NOT_WORD => break,
                _ => {
                    let (word, len) = wide_class(s, j);
                    if !word {
                        break;
                    }
                    j += len;
                }
            }
        }
        i = j;
        Some(&s[start..j])
    })
}

/// [`WORD_BYTE`]'s classes: an ASCII letter, digit or hyphen; another ASCII byte; a byte of a
/// non-ASCII character (decoded by [`wide_class`]).
const NOT_WORD: u8 = 0;
const WORD: u8 = 1;
const WIDE: u8 = 2;
/// The class of each byte for [`words`].
static WORD_BYTE: [u8; 256] = {
    let mut t = [NOT_WORD; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b >= 0x80 {
            WIDE
        } else if b.is_ascii_alphanumeric() || b == b'-' {
            WORD
        } else {
            NOT_WORD
        };
        c += 1;
    }
    t
};

/// Whether the non-ASCII character at `i` of `s` is a word character, and its length.
#[cold]
#[inline(never)]
fn wide_class(s: &str, i: usize) -> (bool, usize) {
    let ch = s[i..].chars().next().unwrap_or(' ');
    (ch.is_alphanumeric(), ch.len_utf8())
}

/// A word list as a set, made on first use.
type WordSet = OnceLock<Words>;

/// A set of lower-case ASCII words, with a test ([`Shapes`]) that rejects most words that are
/// not in it before they are lower-cased and hashed.
struct Words {
    set: rustc_hash::FxHashSet<&'static [u8]>,
    shapes: Shapes,
}

impl Words {
    fn new(list: &'static [&'static str]) -> Words {
        Words {
            set: list.iter().map(|w| w.as_bytes()).collect(),
            shapes: Shapes::of(list),
        }
    }
}

/// The lengths and first bytes of the words of some lists, derived from the lists
/// themselves: a word whose length or lower-cased first byte no word of the lists has is
/// in none of them, in any case.
struct Shapes {
    /// bit `n`: some word has `n` bytes (for `n` < 32)
    lens: u32,
    /// bit `b`: some word starts with the ASCII byte `b`
    firsts: u128,
    /// some word is empty
    empty: bool,
}

impl Shapes {
    fn of(list: &[&str]) -> Shapes {
        let mut s = Shapes {
            lens: 0,
            firsts: 0,
            empty: false,
        };
        for w in list {
            s.lens |= 1u32.checked_shl(w.len() as u32).unwrap_or(0);
            match w.as_bytes().first() {
                Some(&b) if b.is_ascii() => s.firsts |= 1 << b,
                Some(_) => {}
                None => s.empty = true,
            }
        }
        s
    }

    /// Whether `w` may be one of the words in some case: false only if none has its length
    /// or its first byte lower-cased (a word of 32 bytes or more passes the length test).
    fn may_hold(&self, w: &str) -> bool {
        let b = w.as_bytes();
        let Some(&c) = b.first() else {
            return self.empty;
        };
        (b.len() >= 32 || self.lens & (1 << b.len()) != 0)
            && c.is_ascii()
            && self.firsts & (1 << c.to_ascii_lowercase()) != 0
    }
}

fn set_of(cell: &'static WordSet, list: &'static [&'static str]) -> &'static Words {
    cell.get_or_init(|| Words::new(list))
}

/// Whether `w` is in `set` (lower-case ASCII words), in any case: lower-cased on the stack,
/// one hash lookup, for a word whose length and first letter some word of the set has.
/// These run on every sentence of the article.
fn in_list(w: &str, set: &Words) -> bool {
    if !set.shapes.may_hold(w) {
        return false;
    }
    let mut buf = [0u8; 24];
    lower_ascii(w, &mut buf).is_some_and(|lower| set.set.contains(lower))
}

/// `w` lower-cased in `buf`, if it is ASCII and fits (the lists' words do).
fn lower_ascii<'b>(w: &str, buf: &'b mut [u8; 24]) -> Option<&'b [u8]> {
    if w.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    Some(lower)
}

/// Whether a sentence opens as a summary of what came before ("In summary,", "Overall,",
/// "Taken together,"): it restates content, so an earlier citation covers it.
pub fn summarises_previous(sentence: &str) -> bool {
    const HEADS: &[&str] = &[
        "In summary",
        "In sum,",
        "In conclusion",
        "In short,",
        "In brief,",
        "Overall,",
        "All in all",
        "Altogether,",
        "Taken together",
        "To summarize",
        "To summarise",
        "To sum up",
        "To conclude",
        "Summing up",
        "In a nutshell",
    ];
    opens_with(sentence, HEADS)
}

/// Whether a sentence turns from what came before: an inference ("Therefore, …", "As a
/// result, …", "Early exercise therefore shortens…"), the writer's own conclusion, or a
/// contrast ("However, …", "In contrast, …"), other evidence; not a source's claim carried on.
pub fn turns(sentence: &str) -> bool {
    const HEADS: &[&str] = &[
        "Therefore",
        "Thus",
        "Hence",
        "Consequently",
        "As a result",
        "Accordingly",
        "So,",
        "So ",
        "This means",
        "However",
        "In contrast",
        "By contrast",
        "Conversely",
        "On the other hand",
        "But ",
        "Yet ",
    ];
    opens_with(sentence, HEADS)
        || sentence
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w == "therefore" || w == "thus")
}

/// Whether a sentence's first words (after any punctuation or markup) are one of `heads`.
fn opens_with(sentence: &str, heads: &[&str]) -> bool {
    let s = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
    heads.iter().any(|h| s.starts_with(h))
}

/// "For example, a trial of 300 adults…", "For instance, …": a sentence that gives an example
/// of the one before it, so its citation is the evidence for that statement too.
pub fn gives_example(sentence: &str) -> bool {
    const HEADS: &[&str] = &[
        "For example",
        "For instance",
        "E.g.",
        "As an example",
        "As one example",
        "To give an example",
        "One example",
    ];
    opens_with(sentence, HEADS)
}

/// "Indeed, the evidence behind…", "In particular, …", "Specifically, …": a sentence that
/// bears out or spells out the one before it, so its citation sources that statement too.
pub fn bears_out_previous(sentence: &str) -> bool {
    const HEADS: &[&str] = &[
        "Indeed,",
        "In fact,",
        "Specifically,",
        "More specifically,",
        "In particular,",
        "Namely,",
    ];
    opens_with(sentence, HEADS)
}

/// "In other words, …", "That is, …", "Put simply, …": a sentence that says the one before
/// it again, so whatever sources that one sources it.
pub fn restates_previous(sentence: &str) -> bool {
    const HEADS: &[&str] = &[
        "In other words",
        "That is,",
        "Put simply",
        "Simply put",
        "Put differently",
        "Put another way",
        "Stated differently",
        "In simpler terms",
        "In plain terms",
    ];
    opens_with(sentence, HEADS)
}

/// "It is estimated that…", "It is known that…": an expletive "it" opens a new claim.
fn expletive_it(s: &str) -> bool {
    const HEADS: &[&str] = &[
        "It is estimated",
        "It is known",
        "It is believed",
        "It is thought",
        "It is well",
        "It is widely",
        "It is generally",
        "It is commonly",
        "It is important",
        "It is essential",
        "It is also",
        "It is possible",
        "It is not",
        "It is recommended",
        "It has been",
        "It was",
        "It can be",
        "It may be",
    ];
    opens_with(s, HEADS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_limits_are_announced_by_the_document_not_by_a_study_it_cites() {
        assert!(announces_own_limits("Our review has two caveats:", false));
        assert!(announces_own_limits(
            "The present analysis has some weaknesses.",
            false
        ));
        // "this study" is the manuscript's own only in a manuscript; in a review of the
        // evidence it is the study just cited
        assert!(announces_own_limits(
            "This study has several limitations.",
            true
        ));
        assert!(!announces_own_limits(
            "Limitations of this study included its size.",
            false
        ));
        // the document speaking of itself about something else
        assert!(!announces_own_limits(
            "Our survey reached 400 nurses.",
            true
        ));
        // in capitals, as a heading-like lead-in writes it
        assert!(announces_own_limits("OUR REVIEW HAS TWO CAVEATS:", false));
    }

    /// [`heading_words`] as it was: lower-cased whole, split and joined.
    fn heading_words_joined(title: &str) -> String {
        let t = title.split('{').next().unwrap_or("");
        let mut t = t.trim_start_matches(|c: char| !c.is_alphanumeric());
        // numbering: "2", "2.1.", "8-", "IV." (a Roman numeral only with its full stop or bracket:
        // "Introduction" and "Interpretation" start with one)
        if let Some(first) = t.split_whitespace().next() {
            let core = first.trim_end_matches(['.', ')', ':', '-']);
            let arabic = core.starts_with(|c: char| c.is_ascii_digit())
                && core.chars().all(|c| c.is_ascii_digit() || c == '.');
            let roman =
                core.len() < first.len() && core.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
            if !core.is_empty() && (arabic || roman) {
                t = t[first.len()..].trim_start_matches(|c: char| !c.is_alphanumeric());
            }
        }
        let t = t
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        t.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn heading_words_equal_the_joined_reading() {
        let mut titles: Vec<String> = [
            "",
            "  ",
            "2.1. Methods",
            "IV. RESULTS  and\tDISCUSSION ",
            "Intro\u{000B}Duction",
            "About  This Summary {#sec-x}",
            "ΟΔΟΣ ΣΑΣ",
            "Étude  Cas",
            "x\u{00a0}Y",
            "8- Key:",
        ]
        .map(String::from)
        .to_vec();
        for t in crate::lexicon_regex::fixture_texts() {
            titles.extend(t.lines().map(String::from));
        }
        for t in &titles {
            assert_eq!(heading_words(t), heading_words_joined(t), "{t:?}");
        }
    }

    /// `in_list` as it was before its length and first-byte test: lower-cased, one lookup.
    fn in_list_by_lookup(w: &str, set: &Words) -> bool {
        let mut buf = [0u8; 24];
        lower_ascii(w, &mut buf).is_some_and(|lower| set.set.contains(lower))
    }

    #[test]
    fn in_list_equals_a_lookup_of_every_word() {
        // lists of the engine, and one with a capital, a non-ASCII and an empty word
        const ODD: &[&str] = &["Study", "étude", "", "x", "a-b", "twenty-four-letter-words"];
        let lists = [Words::new(PRESENT), Words::new(PAST), Words::new(ODD)];
        let mut words: Vec<String> = [
            "",
            "X",
            "x",
            "A-B",
            "STUDY",
            "study",
            "Study",
            "étude",
            "ÉTUDE",
            "was",
            "WAS",
            "Were",
            "wasn't",
            "twenty-four-letter-words",
            "TWENTY-FOUR-LETTER-WORDS",
            "a-word-of-thirty-two-bytes-long-",
            "a-word-of-thirty-three-bytes-long",
        ]
        .map(String::from)
        .to_vec();
        for t in crate::lexicon_regex::fixture_texts() {
            words.extend(words_by_chars(&t).into_iter().map(String::from));
            words.extend(t.split_whitespace().map(String::from));
        }
        let mut held = 0;
        for set in &lists {
            for w in &words {
                let old = in_list_by_lookup(w, set);
                assert_eq!(in_list(w, set), old, "{w:?}");
                held += usize::from(old);
            }
        }
        // the comparison met words of the lists, not only others
        assert!(held > 100, "{held}");
    }

    /// The words as the character-at-a-time reading finds them: runs of ASCII letters,
    /// digits and hyphens and non-ASCII alphanumerics.
    fn words_by_chars(s: &str) -> Vec<&str> {
        let word = |c: char| {
            c.is_ascii_alphanumeric() || c == '-' || (!c.is_ascii() && c.is_alphanumeric())
        };
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in s.char_indices() {
            match (word(c), start) {
                (true, None) => start = Some(i),
                (false, Some(st)) => {
                    out.push(&s[st..i]);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(st) = start {
            out.push(&s[st..]);
        }
        out
    }

    #[test]
    fn words_by_table_equal_words_by_chars() {
        let mut texts = crate::lexicon_regex::fixture_texts();
        texts.extend(
            [
                "",
                "-",
                " a",
                "a ",
                "état-major, naïve café — 3.5% (n=12) x\u{00a0}y",
                "Ünïcödé–dash\u{2019}s ſ Kelvin \u{212a} 日本語 テスト ١٢٣",
                "trailing é",
                "é",
                "\u{200b}zero\u{200b}width",
            ]
            .map(String::from),
        );
        for t in &texts {
            assert_eq!(words(t).collect::<Vec<_>>(), words_by_chars(t), "{t:?}");
        }
    }

    #[test]
    fn first_entity_reads_ascii_by_bytes_as_by_characters() {
        for s in [
            "",
            " ",
            "Aspirin lowers the risk.",
            "In 2020, the WHO said so.",
            "The trial (NCT01) by Smith found it.",
            "Note: Vitamin D helps;  Zinc does not.",
            "He said \"Paris is big\" and Rome too.",
            "I think I'm right, and I' is odd; Bob? Yes.",
            "the\tcat\r\nSat on\x0bthe Mat",
            "first: second: Third fourth",
            "a b:  C d",
            "lower case only here",
            "(Aspirin) and [Bayer]-made pills.",
        ] {
            assert_eq!(
                first_entity_ascii(s.as_bytes()),
                first_entity_chars(s),
                "{s:?}"
            );
        }
    }

    fn kinds(s: &str) -> Vec<SignalKind> {
        let mut k: Vec<_> = score(s).signals.iter().map(|x| x.kind).collect();
        k.dedup();
        k
    }

    fn has(s: &str, kind: SignalKind) -> bool {
        score(s).signals.iter().any(|x| x.kind == kind)
    }

    fn span_text(s: &str, kind: SignalKind) -> Vec<&str> {
        score(s)
            .signals
            .iter()
            .filter(|x| x.kind == kind)
            .map(|x| &s[x.span.clone()])
            .collect()
    }

    /// The built-in groups' prefilter never rules out a group that matches (see
    /// `lexicon_regex::assert_prefilter_keeps_matches`), here also on claims sentences.
    #[test]
    fn group_prefilter_never_rules_out_a_match() {
        let lex = ClaimLexicon::builtin();
        let filter = lex
            .prefilter
            .as_ref()
            .expect("the built-in groups have a prefilter");
        let groups: Vec<&Regex> = lex.patterns.iter().map(|(_, _, re)| re).collect();
        let sentences = [
            "Studies show that aspirin lowers the risk by 20%.",
            "STUDIES SHOW it.",
            "ſtudies ſhow that it works.",
            "The \u{212A}ey finding: it can cause harm.",
            "Smoking can cause cancer; the causes of it are many.",
            "Smoking can CAUSE cancer.",
            "It is important to consult your doctor.",
            "It\u{2019}s best to ask.",
            "This summary was revised.",
            "\u{201C}It helps a lot, really,\u{201D} she said.",
            "Lymphedema means swelling.",
            "In the provided context, passage #2 says so.",
            "I think so. My view. Let\u{2019}s see.",
            "Δ9-THC and β2 agonists in µg/kg.",
            "é cause à the firſt",
            "xcause causex _cause cause_ 9cause",
        ];
        crate::lexicon_regex::assert_prefilter_keeps_matches(filter, &groups, &sentences);
    }

    #[test]
    fn builtin_lexicon_compiles() {
        let lex = ClaimLexicon::builtin();
        assert!(lex.phrase_info.len() > 100);
        // build.rs lists the phrases as `from_toml` does: its DFA is the one searched
        assert!(lex.phrases.as_ref().is_some_and(PhraseSet::is_prebuilt));
        assert!(lex.patterns.len() >= 8);
    }

    #[test]
    fn statistics_are_found_with_spans() {
        let s = "About 30% of patients relapsed within two years.";
        assert_eq!(span_text(s, SignalKind::Statistic), vec!["30% of patients"]);
        let s = "The hazard ratio was 0.71 (95% CI 0.60 to 0.84; p < .001).";
        let got = span_text(s, SignalKind::Statistic);
        assert!(got.contains(&"hazard ratio"), "{got:?}");
        assert!(got.contains(&"95% CI"), "{got:?}");
        assert!(got.contains(&"p < .001"), "{got:?}");
        let s = "Children received 5 mg/kg twice daily in a trial of n = 120.";
        let got = span_text(s, SignalKind::Statistic);
        assert_eq!(got, vec!["5 mg/kg", "n = 120"]);
        let s = "Roughly 1 in 8 women will develop the disease.";
        assert_eq!(span_text(s, SignalKind::Statistic), vec!["1 in 8"]);
        let s = "The 5-year survival rate is close to 60 percent for stage II.";
        let got = span_text(s, SignalKind::Statistic);
        assert_eq!(got, vec!["5-year survival", "60 percent"]);
    }

    #[test]
    fn figures_keep_their_ranges_and_decimal_commas() {
        for (s, want) in [
            ("Adults took 1,000 mg of the drug each day.", "1,000 mg"),
            ("Cheese held up to 17,16 mg/kg of histamine.", "17,16 mg/kg"),
            (
                "About 18–22% of adults had some hearing loss.",
                "18–22% of adults",
            ),
            ("The usual dose is 0.5-1 mg at night.", "0.5-1 mg"),
            ("Blood pressure fell by 5 mmHg in the trial.", "5 mmHg"),
        ] {
            assert_eq!(span_text(s, SignalKind::Statistic), vec![want], "{s}");
        }
    }

    #[test]
    fn cause_counts_as_a_verb_not_as_the_noun_of_a_definition() {
        for (s, want) in [
            (
                "Statins cause muscle pain in some adults.",
                vec!["Statins cause"],
            ),
            ("Long flights can cause swollen ankles.", vec!["can cause"]),
            (
                "Smoking is the main cause of lung cancer.",
                vec!["cause of"],
            ),
            ("Sunburn causes peeling within days.", vec!["causes"]),
        ] {
            assert_eq!(span_text(s, SignalKind::Causal), want, "{s}");
        }
        for s in [
            "Pain with no clear underlying cause that lasts for months.",
            "This cause has its supporters among nurses.",
            "Its cause is still unknown to doctors.",
        ] {
            assert!(!has(s, SignalKind::Causal), "{s}");
        }
    }

    #[test]
    fn research_reporting() {
        let s = "Several studies have shown that regular walking lowers blood pressure.";
        assert_eq!(
            span_text(s, SignalKind::Research),
            vec!["studies have shown"]
        );
        assert!(has(s, SignalKind::Causal));
        let sc = score(s);
        assert!(sc.is_claim(DEFAULT_THRESHOLD));
        assert_eq!(
            sc.explain(s).0,
            "reports research ('studies have shown'); states an effect ('lowers')"
        );
    }

    #[test]
    fn causal_comparative_generalisation() {
        let s = "Metformin is the first-line drug for most patients with type 2 diabetes.";
        assert!(has(s, SignalKind::Generalisation));
        let s = "Statins are more effective than diet alone at lowering cholesterol.";
        assert_eq!(
            span_text(s, SignalKind::Comparative),
            vec!["more effective", "than"]
        );
        let s = "Smoking during pregnancy increases the risk of low birth weight.";
        assert!(has(s, SignalKind::Causal));
        assert!(score(s).is_claim(DEFAULT_THRESHOLD));
    }

    #[test]
    fn questions_and_instructions_are_not_claims() {
        for s in [
            "What does this mean for people who already take the drug?",
            "Talk to your pharmacist before combining these medicines.",
            "Consider keeping a diary of your symptoms for two weeks.",
            "Ask your doctor whether screening makes sense for you.",
            "Please read the leaflet that comes with the pack.",
        ] {
            let sc = score(s);
            assert!(!sc.is_claim(DEFAULT_THRESHOLD), "{s}: {sc:?}");
        }
        assert!(has(
            "Is the vaccine safe for children?",
            SignalKind::Question
        ));
        assert_eq!(
            kinds("Avoid alcohol while taking this medicine."),
            vec![SignalKind::Instruction]
        );
    }

    #[test]
    fn opinion_disclaimer_chrome_topic() {
        for s in [
            "I think the new guidance is a sensible compromise overall.",
            "This article discusses the options available after a diagnosis.",
            "This information is not medical advice and is no substitute for care.",
            "Click here to read more about our editorial process.",
            "Here are the main points to weigh before deciding on surgery.",
            "The right choice ultimately depends on the individual and their goals.",
        ] {
            let sc = score(s);
            assert!(!sc.is_claim(DEFAULT_THRESHOLD), "{s}: {sc:?}");
        }
        assert!(has(
            "I think the new guidance is a sensible compromise overall.",
            SignalKind::FirstPerson
        ));
        assert!(has(
            "Skip to content and find the latest updates.",
            SignalKind::Chrome
        ));
    }

    #[test]
    fn attributed_quote() {
        let s = "\"We were surprised by how quickly it worked,\" said the lead nurse.";
        assert!(has(s, SignalKind::Attributed));
    }

    #[test]
    fn plain_statement_passes_short_fragment_does_not() {
        let s = "The pancreas produces insulin in clusters of specialised cells.";
        assert!(score(s).is_claim(DEFAULT_THRESHOLD));
        let s = "Treatment options.";
        let sc = score(s);
        assert!(!sc.is_claim(DEFAULT_THRESHOLD));
        assert_eq!(sc.signals[0].kind, SignalKind::Fragment);
        let s = "The main types of treatment are the following:";
        assert!(!score(s).is_claim(DEFAULT_THRESHOLD));
        // Headings, captions and table cells carry no terminal punctuation.
        let s = "Dietary Supplements and Their Interactions With Common Drugs";
        assert!(!score(s).is_claim(DEFAULT_THRESHOLD));
    }

    #[test]
    fn entity_detection() {
        let s = "Tamoxifen was approved by the FDA for prevention.";
        assert_eq!(span_text(s, SignalKind::Entity), vec!["FDA"]);
        let s = "I am sure it is fine.";
        assert!(span_text(s, SignalKind::Entity).is_empty());
    }

    #[test]
    fn word_boundaries_and_prefixes() {
        // "than" must not match inside "thank"; "cause*" matches "causes".
        let s = "We thank the nurses who helped.";
        assert!(span_text(s, SignalKind::Comparative).is_empty());
        let s = "Excess sodium causes fluid retention in some people.";
        assert_eq!(span_text(s, SignalKind::Causal), vec!["causes"]);
    }

    #[test]
    fn model_kind_features_follow_the_kinds() {
        assert_eq!(
            MODEL_KIND_FEATURES[SignalKind::Research.index()],
            "lex:research"
        );
        assert_eq!(
            MODEL_KIND_FEATURES[SignalKind::Quantity.index()],
            "lex:figure"
        );
        assert_eq!(
            MODEL_KIND_FEATURES[SignalKind::Instruction.index()],
            "lex:advice"
        );
        assert_eq!(
            MODEL_KIND_FEATURES[SignalKind::Fragment.index()],
            "lex:fragment"
        );
        // a figure tells; "Figure 2" and a bare year do not
        let s = "About 30% of adults lose muscle.";
        assert_eq!(
            model_kinds(s, &score(s)) & (1 << SignalKind::Statistic.index()),
            1 << SignalKind::Statistic.index()
        );
        let s = "See Figure 2 for the design.";
        assert_eq!(
            model_kinds(s, &score(s)) & (1 << SignalKind::Statistic.index()),
            0
        );
    }

    #[test]
    fn explain_quotes_the_predicate() {
        let s = "The natural history of the disease in adults is poorly understood.";
        let (reason, span) = score(s).explain(s);
        assert_eq!(reason, "states a fact ('is poorly understood')");
        assert_eq!(&s[span.unwrap()], "is poorly understood");
        // the clause ends at a comma; trailing function words are dropped
        assert_eq!(
            predicate("Regimens have varied, and some use radiation."),
            Some(9..20)
        );
        assert_eq!(
            predicate("An assumption is made in a trial of chemotherapy.")
                .map(|r| &"An assumption is made in a trial of chemotherapy."[r]),
            Some("is made in a trial of chemotherapy")
        );
        // a relative clause's verb is not the sentence's
        assert_eq!(predicate("Patients who are treated early recover."), None);
        // a verb with nothing after it in its clause says nothing
        assert_eq!(predicate("Cure rates are, overall, high."), None);
        // a verb the tense lists do not know: the sentence's opening words
        let s = "These models provide simple representations of the clock.";
        let (reason, span) = score(s).explain(s);
        assert_eq!(
            reason,
            "states a fact ('These models provide simple representations…')"
        );
        assert_eq!(span, None);
        assert_eq!(opening("Light helps, mostly."), None);
    }

    #[test]
    fn explain_without_positive_signals() {
        let s = "The clinic opens early on weekdays for blood tests.";
        assert_eq!(
            score(s).explain(s),
            (
                "states a fact ('The clinic opens early on weekdays…')".to_string(),
                None
            )
        );
        // a connective set off by a comma is passed over
        let s = "Therefore, early exercise shortens the hospital stay by two days.";
        assert_eq!(
            score(s).explain(s),
            (
                "states a fact ('early exercise shortens the hospital stay…')".to_string(),
                None
            )
        );
        // a list's first item is no connective: "Obesity" alone is too short to quote
        let s = "Obesity, diabetes and smoking shorten life.";
        assert_eq!(score(s).explain(s).0, "states a fact");
        // nothing to quote: a bare "states a fact"
        let s = "Rest, mostly.";
        assert_eq!(score(s).explain(s), ("states a fact".to_string(), None));
    }

    #[test]
    fn explanations_never_name_a_bare_label_or_a_capitalised_word() {
        // "Figure 2" labels a figure; "Denmark" is a capitalised word
        let s = "The programme in Denmark enrols 40% of eligible adults, see Figure 2.";
        let (why, at) = score(s).explain(s);
        assert_eq!(why, "gives a figure (40% of eligible)");
        assert_eq!(&s[at.unwrap()], "40% of eligible");
        // a statistic and the bare number inside it are one figure, named once
        let s = "About 12% of adults take five or more medicines.";
        assert_eq!(score(s).explain(s).0, "gives a figure (12% of adults)");
        // a figure is never cut at its decimal point
        assert_eq!(whole_number("a sensitivity of 0.59 and", 2..18), 2..21);
        assert_eq!(whole_number("1,200 adults", 0..1), 0..5);
        assert_eq!(whole_number("in 2020.", 3..7), 3..7);
    }

    #[test]
    fn continuation_sentences() {
        assert!(continues_previous("These findings suggest a dose effect."));
        assert!(continues_previous("This effect was stronger in women."));
        assert!(continues_previous("They also reported fewer infections."));
        assert!(continues_previous("Such changes are reversible."));
        assert!(continues_previous("It also lowered triglycerides."));
        assert!(!continues_previous(
            "It is estimated that 5% of adults are affected."
        ));
        assert!(!continues_previous("Thesaurus entries are not evidence."));
        assert!(!continues_previous("Vitamin D supports bone health."));
        // An inference is the writer's own claim, not the cited one restated.
        assert!(!continues_previous(
            "Therefore, screening should start earlier."
        ));
        assert!(!continues_previous("Thus, the drug is safe in pregnancy."));
    }

    #[test]
    fn definite_abbreviations() {
        assert_eq!(
            definite_abbreviation("The GAP-BH groups the targets into 14 categories."),
            Some("GAP-BH")
        );
        assert_eq!(
            definite_abbreviation("To achieve this, the KM-GBF contains 23 targets."),
            Some("KM-GBF")
        );
        assert_eq!(
            definite_abbreviation("The PLCO's results were null."),
            Some("PLCO")
        );
        assert_eq!(
            definite_abbreviation("The NordICC invited adults."),
            Some("NordICC")
        );
        assert_eq!(
            definite_abbreviation("The NordICC, a pragmatic trial, shows…"),
            Some("NordICC")
        );
        assert_eq!(
            definite_abbreviation("“The NordICC” trial…"),
            Some("NordICC")
        );
        assert_eq!(definite_abbreviation("LDL causes atherosclerosis."), None);
        assert_eq!(definite_abbreviation("The Lancet published it."), None);
        assert_eq!(definite_abbreviation("The A group improved."), None);
        assert_eq!(
            definite_abbreviation("In a large cohort of older adults, the WHO found…"),
            None
        );
    }

    #[test]
    fn study_reports_and_anaphors() {
        assert!(reports_study("A randomized trial enrolled 500 women."));
        assert!(reports_study("In this cohort, relapse was rare."));
        assert!(!reports_study("Vitamin D supports bone health."));
        assert!(reports_past(
            "Five-year survival was 80% in the treatment arm."
        ));
        assert!(reports_past(
            "The degree of risk corresponded to the amount of freckling."
        ));
        assert!(!reports_past(
            "Geriatric patients are more susceptible to sedation."
        ));
        assert!(!reports_past(
            "Patients treated with surgery may need lower doses."
        ));
        assert!(refers_back_to_study(
            "The trial was stopped early for benefit."
        ));
        assert!(refers_back_to_study(
            "These 120 patients were followed for 5 years."
        ));
        assert!(refers_back_to_study("In this cohort, relapse was rare."));
        assert!(refers_back_to_study(
            "This increase inhibits prolyl hydroxylases."
        ));
        assert!(!refers_back_to_study(
            "It is also linked to fewer gallstones."
        ));
        assert!(!refers_back_to_study("This can lead to delays."));
        assert!(!refers_back_to_study(
            "The patient's heart rate is 120 beats per minute."
        ));
        assert!(continues_previous(
            "In these patients, the drug was well tolerated."
        ));
        assert!(continues_previous(
            "The trial also reported fewer infections."
        ));
        // an infinitive after "did", "not" or "to" is not the present tense
        assert!(reports_past(
            "Patients who did not have diabetes gained the most."
        ));
        assert!(reports_past(
            "Few participants failed to complete the course."
        ));
        assert!(!reports_past("Participants have diabetes."));
    }

    #[test]
    fn a_hedged_reading_of_own_results_is_the_authors_and_named_work_is_not() {
        assert!(interprets_own_finding(
            "This marked change suggests that body weight shapes the association."
        ));
        assert!(interprets_own_finding(
            "One explanation may be the modelling of age as a linear term."
        ));
        // it leans on other work, or hedges nothing
        assert!(!interprets_own_finding(
            "Previous studies suggest that body weight shapes the association."
        ));
        assert!(!interprets_own_finding(
            "Smith et al. may have measured weight differently."
        ));
        assert!(!interprets_own_finding(
            "Body weight shapes the association."
        ));
        // a hedged general claim, or one voiced by others unnamed
        assert!(!interprets_own_finding(
            "Smoking may cause up to 90% of lung cancers."
        ));
        assert!(!interprets_own_finding(
            "It has been suggested that gut bacteria may mediate this effect."
        ));
        assert!(!interprets_own_finding(
            "Evidence suggests that this vitamin may reduce fractures."
        ));
    }

    #[test]
    fn a_label_names_a_manuscript_part_only_as_a_whole() {
        let lex = ClaimLexicon::builtin();
        assert!(lex.names_manuscript_part("Results:"));
        assert!(!lex.names_manuscript_part("Results of the trial"));
        // a bare "Limitations" is a manuscript's own only as its whole heading, and only in
        // a manuscript (outside one, "**Limitations:** Home tests miss…" is content)
        assert!(lex.skips_manuscript_part("4.2 Limitations"));
        assert!(!lex.skips_manuscript_part("Limitations of Current Screening Tests"));
        assert!(!lex.names_manuscript_part("Limitations"));
    }

    #[test]
    fn a_manuscript_restates_its_own_findings() {
        assert!(restates_own_finding(
            "The association was strongest in the youngest pupils."
        ));
        assert!(restates_own_finding(
            "Internal validation showed that the score is well calibrated."
        ));
        assert!(restates_own_finding(
            "In this study, screen use was linked to shorter sleep."
        ));
        assert!(!restates_own_finding(
            "Previous studies found that blue light suppressed melatonin."
        ));
        assert!(!restates_own_finding(
            "Smith et al. observed a similar effect."
        ));
        assert!(!restates_own_finding(
            "A large cohort study found the same association."
        ));
        assert!(!restates_own_finding(
            "Short sleep increases the risk of low mood."
        ));
        // the parts of a study are its own ("the study groups"); a study is not
        assert!(restates_own_finding(
            "The difference between study groups was not significant."
        ));
        assert!(!restates_own_finding(
            "A study found that screen use was linked to shorter sleep."
        ));
        assert!(speaks_of_itself(
            "Clinical summary: This meta-analysis suggests no benefit."
        ));
        assert!(speaks_of_itself(
            "The present systematic review pooled nine trials."
        ));
        assert!(speaks_of_itself("Based on these data we advise caution."));
        assert!(!speaks_of_itself(
            "This drug was studied in a review of nine trials."
        ));
        assert_eq!(
            after_label("Clinical summary: This meta-analysis suggests no benefit."),
            Some("This meta-analysis suggests no benefit.")
        );
        assert_eq!(after_label("Note that the ratio was 3:1 in women."), None);
        assert_eq!(after_label("In 2019: rates rose."), None);
        // a label with letters beyond ASCII, and no colon within reach
        assert_eq!(
            after_label("Résumé clinique: This review found no benefit."),
            Some("This review found no benefit.")
        );
        assert_eq!(
            after_label("Épidémiologie des maladies infectieuses chez l’enfant: une revue"),
            None
        );
        let lex = ClaimLexicon::builtin();
        assert!(lex.marks_manuscript("Materials and Methods"));
        assert!(lex.marks_manuscript("3. Results and Analysis {#sec-results}"));
        assert!(!lex.marks_manuscript("Methods of Risk Presentation"));
        // a research proposal's plan, numbered "8-"
        assert!(lex.marks_manuscript("8- Research Methodology"));
        assert!(lex.skips_manuscript_part("Scope of the study"));
        assert!(lex.discusses_findings("Discussion and Conclusion"));
        assert!(lex.discusses_findings("Conclusions"));
        assert!(!lex.discusses_findings("Background"));
    }

    #[test]
    fn another_study_and_the_study_again() {
        assert!(introduces_study("Another study found lower rates."));
        assert!(introduces_study(
            "In a randomized trial of 82 women, pain fell."
        ));
        assert!(introduces_study("One small study reported nausea."));
        assert!(!introduces_study(
            "Three of the eight studies found a benefit."
        ));
        assert!(!introduces_study(
            "The four studies that used a higher dose agreed."
        ));
        assert!(!introduces_study(
            "Survival was 80% in a subset of patients."
        ));
        assert!(resumes_study(
            "Among those who did not finish, 5% relapsed."
        ));
        assert!(resumes_study(
            "When measured in the study, adherence was high."
        ));
        assert!(resumes_study("In this cohort, relapse was rare."));
        assert!(!resumes_study("Salt is added to most bread."));
        assert!(!resumes_study(
            "Among patients in general, relapse is rare."
        ));
    }

    #[test]
    fn meta_discourse_about_sources() {
        for s in [
            "The provided context does not describe the dosing schedule in detail.",
            "The passages given do not say how long the effect lasts.",
            "More detail on the trial design is in Passage ID 2.",
        ] {
            let sc = score(s);
            assert!(has(s, SignalKind::Topic), "{s}");
            assert!(!sc.is_claim(DEFAULT_THRESHOLD), "{s}: {sc:?}");
        }
    }

    #[test]
    fn legends_and_bibliographic_entries_are_fragments() {
        for s in [
            "N2 = Metastasis in four or more regional lymph nodes.",
            "HR = hazard ratio; CI = confidence interval; OS = overall survival.",
            "Okafor NB, Lindqvist P, et al.: Early mobilisation after hip surgery.",
        ] {
            assert!(has(s, SignalKind::Fragment), "{s}");
            assert!(!score(s).is_claim(DEFAULT_THRESHOLD), "{s}");
        }
    }

    #[test]
    fn administrative_sections() {
        let lex = ClaimLexicon::builtin();
        assert!(lex.skips_section("About This Summary"));
        assert!(lex.skips_section("Changes to This Summary (03/14/2025)"));
        assert!(lex.skips_section("contact us"));
        assert!(!lex.skips_section("Treatment of Stage II Disease"));
        // a title of two names, the second administrative; a research agenda
        assert!(lex.skips_section("Summary/Abstract"));
        assert!(!lex.skips_section("Summary/Discussion"));
        assert!(lex.skips_section("5. Future Directions"));
        assert!(lex.skips_section("Challenges and Future Directions"));
        assert!(!lex.skips_section("Next Steps After Diagnosis"));
        assert!(!lex.skips_section("Future risk of a second cancer"));
    }

    #[test]
    fn a_sentence_saying_where_a_figure_shows_something() {
        assert!(shown_in_figure(
            "An algorithm for assessing back pain is presented in [Figure 1](#f1)."
        ));
        assert!(shown_in_figure("Doses are listed in Table 2."));
        assert!(shown_in_figure(
            "The search strategy is given in Appendix B2."
        ));
        assert!(!shown_in_figure(
            "Mortality was 30% higher in boys, and the ratios are shown in Table 2."
        ));
        assert!(!shown_in_figure("Doses are listed in the table below."));
        assert!(!shown_in_figure("Risk is presented in figures of speech."));
    }

    #[test]
    fn sentences_that_bear_out_or_restate_the_one_before() {
        assert!(bears_out_previous(
            "Indeed, the evidence behind the guide concerns heart disease."
        ));
        assert!(bears_out_previous(
            "**In particular,** older adults lose muscle faster."
        ));
        assert!(!bears_out_previous("Indeed it rained."));
        assert!(!bears_out_previous(
            "In particular cases the dose is halved."
        ));
        assert!(restates_previous(
            "In other words, habits before the study confound the effect."
        ));
        assert!(restates_previous("That is, the trial was too small."));
        assert!(!restates_previous("That is the largest trial so far."));
    }

    #[test]
    fn summary_sentences() {
        assert!(summarises_previous(
            "In summary, exercise lowers blood pressure."
        ));
        assert!(summarises_previous(
            "Overall, the evidence favours early treatment."
        ));
        assert!(summarises_previous(
            "Taken together, these results point one way."
        ));
        assert!(!summarises_previous("Overall survival was 14 months."));
        assert!(!summarises_previous(
            "Summary statistics were not reported."
        ));
    }

    #[test]
    fn a_position_in_a_recording_is_not_a_figure() {
        let lex = ClaimLexicon::builtin();
        let s = "Stimulants aid focus [01:14:38].";
        assert!(
            score_sentence(s, lex)
                .signals
                .iter()
                .all(|g| g.kind != SignalKind::Quantity && g.kind != SignalKind::Statistic)
        );
        assert!(clock_time(s, 22..24));
        assert!(!clock_time("The ratio was 3:1 in women.", 14..15));
    }

    #[test]
    fn a_section_or_network_number_is_not_a_figure() {
        for s in [
            "9.1.2 Photon Detectors: single-photon detectors receive the states.",
            "**11.3 Impact on National Security:** states plan their transition.",
            "The release notes of version 2.4.1 list the changes to the scheduler.",
            "The network serves uses from grid protection to 5G security.",
            "The key scheme was published as FIPS 203 and described in NIST IR 8545.",
        ] {
            assert!(!has(s, SignalKind::Quantity), "{s}");
            assert!(!has(s, SignalKind::Statistic), "{s}");
        }
        for s in [
            "11.3 percent of adults reported poor sleep in the survey.",
            "The mean score rose from 11.3 to 14.2 over the year.",
            "Adults need about 5 g of salt a day at most.",
            "2.5 Million adults live with the condition in the region.",
            "Training on one dataset improved another's score by 16.9%.50 It held.",
        ] {
            assert!(
                has(s, SignalKind::Quantity) || has(s, SignalKind::Statistic),
                "{s}"
            );
        }
    }

    #[test]
    fn a_number_joined_to_a_name_is_not_a_figure() {
        for s in [
            "Masks became common during the COVID-19 pandemic in many countries.",
            "Blood levels of IL-6 rise during infection in older adults.",
        ] {
            assert!(!has(s, SignalKind::Quantity), "{s}");
            assert!(!has(s, SignalKind::Statistic), "{s}");
        }
        for s in [
            "Insulin is indicated for type 1 diabetes and most advanced type 2 cases.",
            "Stage 3 disease is treated with surgery in older adults.",
            // (a narrow no-break space, as language models write it)
            "Insulin suits most advanced type\u{202f}2 cases.",
        ] {
            assert!(!has(s, SignalKind::Quantity), "{s}");
        }
        assert!(has(
            "Type 2 diabetes affects 9 adults in 100.",
            SignalKind::Quantity
        ));
        assert!(has(
            "A half-life of 2 hours (2.1 \u{b1} 3 h) in sera.",
            SignalKind::Quantity
        ));
        assert!(has(
            "About 19 patients in the ward had COVID-19 last winter.",
            SignalKind::Quantity
        ));
    }

    #[test]
    fn roman_numeral_is_not_first_person() {
        for s in [
            "Type I diabetes usually starts in childhood.",
            "The drug entered phase I/II trials last year.",
            "Stage I tumours are removed by surgery alone.",
            "The skeleton in Tomb I belonged to an older man.",
        ] {
            assert!(!has(s, SignalKind::FirstPerson), "{s}");
        }
        for s in [
            "I think the results are encouraging.",
            "When I started the treatment the pain eased.",
            "Last year, I changed my diet.",
        ] {
            assert!(has(s, SignalKind::FirstPerson), "{s}");
        }
    }

    #[test]
    fn custom_lexicon_and_errors() {
        let src = r#"
[settings]
base = 0.0
min_words = 1
short_weight = 0.0
lead_in_weight = 0.0
unterminated_weight = 0.0
entity_weight = 0.0

[[group]]
kind = "causal"
weight = 0.8
phrases = ["cures"]
"#;
        let lex = ClaimLexicon::from_toml(src).unwrap();
        let sc = score_sentence("Garlic cures colds.", &lex);
        assert!((sc.score - 0.8).abs() < 1e-6);
        assert!(score_sentence("Garlic is tasty.", &lex).score.abs() < 1e-6);
        assert!(ClaimLexicon::from_toml("[settings]\nbase = 1").is_err());
        let bad = src.replace("phrases = [\"cures\"]", "patterns = [\"(unclosed\"]");
        assert!(ClaimLexicon::from_toml(&bad).is_err());
        let bad = src.replace("kind = \"causal\"", "kind = \"nonsense\"");
        assert!(ClaimLexicon::from_toml(&bad).is_err());
    }
}
