//! Absence-of-evidence statements checked against the sources they cite.
//!
//! [`find_absence`] finds "there is no evidence that X" (and related forms) in a
//! sentence and returns the denied proposition X. A [`Judge`] then decides whether
//! one of the cited source sentences asserts X; [`LexicalJudge`] is the built-in one.
//! Every word list lives in `rules/evidence.toml`, compiled once.

pub mod absence;
pub mod evidence_contradiction;
pub mod judge;
pub mod statement;

pub use absence::{Absence, AbsenceKind, find_absence};
pub use judge::{Judge, LexicalJudge, SourceSentence, Verdict};
pub use statement::{Form, Statement, asserts, findings};

use crate::lexicon_regex::LexRegex as Regex;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use std::ops::Range;
use std::sync::OnceLock;

/// The lexicon shipped with the rule.
pub const BUILTIN_LEXICON: &str = include_str!("../../../rules/evidence.toml");

#[derive(Debug, Deserialize)]
pub(crate) struct RawLexicon {
    absence: RawAbsence,
    judge: JudgeWeights,
    words: RawWords,
    direction: RawDirection,
    concepts: RawConcepts,
    antonyms: RawAntonyms,
    #[serde(default)]
    statement: RawStatement,
    #[serde(default)]
    markers: RawMarkers,
    #[serde(default)]
    sources: RawSources,
}

/// `[sources]`: how a source's text is read.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawSources {
    setup_labels: Vec<String>,
    finding_labels: Vec<String>,
    procedure: Vec<String>,
    finding_verbs: Vec<String>,
}

/// `[statement]`: the words the statement model reads parts with.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawStatement {
    relation_verbs: Vec<String>,
    auxiliaries: Vec<String>,
    relation_nouns: Vec<String>,
    relation_links: Vec<String>,
    use_heads: Vec<String>,
    population_links: Vec<String>,
    population_nouns: Vec<String>,
    empty_heads: Vec<String>,
    benefit_nouns: Vec<String>,
    report_verbs: Vec<String>,
    irregular_past: Vec<String>,
}

/// `[markers]`: measured markers and the concept each indicates.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawMarkers {
    groups: Vec<Vec<String>>,
}

use crate::lexicon_patterns::RawAbsence;

/// Weights of the lexical judge (`[judge]` in the lexicon).
#[derive(Debug, Clone, Deserialize)]
pub struct JudgeWeights {
    /// Minimum weighted share of the claim's concepts found in one source sentence.
    pub min_coverage: f32,
    /// A verdict is returned when coverage less penalties reaches this value.
    pub threshold: f32,
    /// How many best-covering sentences of a source are read together for
    /// direction, outcome, quantifier and antonym checks.
    pub context_sentences: usize,
    pub negation_penalty: f32,
    pub direction_penalty: f32,
    pub valence_penalty: f32,
    pub number_penalty: f32,
    pub quantifier_penalty: f32,
    pub antonym_penalty: f32,
    pub hedge_penalty: f32,
    /// The source only says the question is open ("remains unclear", "whether … is
    /// unknown"): it reports nothing, so by default this vetoes.
    pub uncertainty_penalty: f32,
    /// Minimum weighted share of each content part of the statement (intervention,
    /// outcome, population) found in the source sentence itself; at least one word always.
    #[serde(default)]
    pub part_coverage: f32,
    /// Penalty for a content part (intervention, outcome, population) missing from the best
    /// sentence of a source that gives more than one sentence; a missing relation, and any
    /// part missing from a one-sentence source, veto.
    #[serde(default = "veto")]
    pub part_penalty: f32,
}

fn veto() -> f32 {
    1.0
}

#[derive(Debug, Deserialize)]
struct RawWords {
    stop: Vec<String>,
    negation: Vec<String>,
    pseudo_negation: Vec<String>,
    null_result: Vec<String>,
    hedge: Vec<String>,
    #[serde(default)]
    pseudo_hedge: Vec<String>,
    uncertainty: Vec<String>,
    quantifiers: Vec<String>,
    #[serde(default)]
    restrictive: Vec<String>,
    quantifier_groups: Vec<Vec<String>>,
    #[serde(default)]
    comparison_links: Vec<String>,
    #[serde(default)]
    equality: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawDirection {
    up: Vec<String>,
    down: Vec<String>,
    good: Vec<String>,
    bad: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawConcepts {
    groups: Vec<Vec<String>>,
}

#[derive(Debug, Deserialize)]
struct RawAntonyms {
    pairs: Vec<[String; 2]>,
    sets: Vec<Vec<String>>,
    prefixes: Vec<String>,
}

/// Tags a phrase (a run of stemmed tokens) can carry.
#[derive(Debug, Default, Clone)]
pub(crate) struct PhraseTable {
    /// stemmed phrase -> value
    map: HashMap<Vec<String>, usize>,
    /// first stem -> length of the longest phrase that starts with it: most words start
    /// none, and are passed over with one lookup
    first: HashMap<String, usize>,
    /// the length of the longest phrase
    longest: usize,
}

impl PhraseTable {
    fn insert(&mut self, phrase: &str, value: usize) {
        let key = stems(phrase);
        if key.is_empty() {
            return;
        }
        let longest = self.first.entry(key[0].clone()).or_default();
        *longest = (*longest).max(key.len());
        self.longest = self.longest.max(key.len());
        self.map.entry(key).or_insert(value);
    }

    fn from_list(list: &[String]) -> Self {
        let mut t = PhraseTable::default();
        for p in list {
            t.insert(p, 0);
        }
        t
    }

    /// The length of the longest phrase: [`PhraseTable::longest_at`] reads no stem past
    /// `i` + this.
    pub(crate) fn longest(&self) -> usize {
        self.longest
    }

    /// Longest phrase starting at `i`: (length, value).
    pub(crate) fn longest_at(&self, stems: &[String], i: usize) -> Option<(usize, usize)> {
        let top = (*self.first.get(stems.get(i)?)?).min(stems.len() - i);
        (1..=top)
            .rev()
            .find_map(|n| self.map.get(&stems[i..i + n]).map(|v| (n, *v)))
    }

    /// Every (start, len, value) of the leftmost-longest matches.
    pub(crate) fn find_all(&self, stems: &[String]) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < stems.len() {
            if let Some((n, v)) = self.longest_at(stems, i) {
                out.push((i, n, v));
                i += n;
            } else {
                i += 1;
            }
        }
        out
    }

    /// Per value `0..n`: the distinct [`fragment`]s of the first stems of its phrases.
    fn fragments_by_value(&self, n: usize) -> Vec<Vec<String>> {
        let mut out = vec![Vec::new(); n];
        for (key, &v) in &self.map {
            if let (Some(first), Some(list)) = (key.first(), out.get_mut(v)) {
                let f = fragment(first);
                if !list.contains(&f) {
                    list.push(f);
                }
            }
        }
        out
    }

    pub(crate) fn contains_any(&self, stems: &[String]) -> bool {
        (0..stems.len()).any(|i| self.longest_at(stems, i).is_some())
    }
}

/// Compiled lexicon: the regexes that find absence statements, and (through `Deref`) the
/// word tables the judge and the statement model read, [`EvidenceTables`].
#[derive(Debug)]
pub struct EvidenceLexicon {
    /// A word of every evidence noun, study noun and post-trigger: a sentence without any of
    /// them holds no absence statement, and skips the three searches.
    pub(crate) gate_re: Regex,
    pub(crate) pre_re: Regex,
    /// `pre_re` up to its optional linker (see [`absence::find_absence`])
    pub(crate) pre_head_re: Regex,
    pub(crate) study_re: Regex,
    pub(crate) post_re: Regex,
    pub(crate) bare_re: Regex,
    pub(crate) subject_re: Regex,
    pub(crate) terminator_re: Regex,
    pub(crate) opener_re: Regex,
    pub(crate) pseudo_re: Regex,
    pub(crate) finding_re: Regex,
    pub(crate) post_needs_subject: HashSet<String>,
    /// weak denials ("insufficient evidence"), "it is unknown whether", conditions before a
    /// trigger ("in the absence of evidence") and endings of X that belong to the trigger
    pub(crate) weak_re: Regex,
    pub(crate) unknown_re: Regex,
    pub(crate) conditional_re: Regex,
    pub(crate) tail_re: Regex,
    /// The word tables: read with the patterns for a rule pack's lexicon; for the built-in
    /// one, from `rules/evidence.toml` when first needed (only after an absence statement is
    /// found: a file without one never parses the lexicon).
    tables: OnceLock<EvidenceTables>,
}

/// The word tables of an [`EvidenceLexicon`].
#[derive(Debug)]
pub struct EvidenceTables {
    /// Weights of [`LexicalJudge`].
    pub weights: JudgeWeights,
    pub(crate) stop: HashSet<String>,
    pub(crate) negation: PhraseTable,
    pub(crate) pseudo_negation: PhraseTable,
    pub(crate) null_result: PhraseTable,
    pub(crate) hedge: PhraseTable,
    pub(crate) pseudo_hedge: PhraseTable,
    pub(crate) uncertainty: PhraseTable,
    pub(crate) quantifiers: PhraseTable,
    pub(crate) restrictive: PhraseTable,
    /// "than", "compared with": what comes before is compared with what comes after
    pub(crate) comparison_links: PhraseTable,
    /// "as likely", "similar", "the same": a comparison that finds no difference
    pub(crate) equality: PhraseTable,
    /// quantifier phrase -> group index
    pub(crate) quantifier_groups: PhraseTable,
    pub(crate) up: PhraseTable,
    pub(crate) down: PhraseTable,
    pub(crate) good: PhraseTable,
    pub(crate) bad: PhraseTable,
    /// phrase -> concept index
    pub(crate) concepts: PhraseTable,
    /// display name of each concept
    pub(crate) concept_names: Vec<String>,
    /// per concept: the fragments (see [`fragment`]) of the first words of its phrases
    pub(crate) concept_fragments: Vec<Vec<String>>,
    /// stem -> stems of its antonyms
    pub(crate) antonyms: HashMap<String, Vec<String>>,
    /// negative prefixes ("un", "non")
    pub(crate) negative_prefixes: Vec<String>,
    /// The statement model's word tables (`[statement]`).
    pub(crate) relation_verbs: PhraseTable,
    pub(crate) auxiliaries: PhraseTable,
    pub(crate) relation_nouns: PhraseTable,
    pub(crate) relation_links: HashSet<String>,
    pub(crate) use_heads: PhraseTable,
    pub(crate) population_links: HashSet<String>,
    pub(crate) population_nouns: PhraseTable,
    pub(crate) empty_heads: HashSet<String>,
    pub(crate) benefit_nouns: PhraseTable,
    /// reporting verbs and irregular past forms, as written
    pub(crate) report_verbs: HashSet<String>,
    pub(crate) irregular_past: HashSet<String>,
    /// marker phrase -> index into `marker_keys`
    pub(crate) markers: PhraseTable,
    /// per marker group: the content key of the concept it indicates
    pub(crate) marker_keys: Vec<String>,
    /// a structured abstract's section labels ("background", "results"), lower case, each
    /// with whether its section reports what was found
    pub(crate) section_labels: HashMap<String, bool>,
    /// the most words a section label has
    pub(crate) section_label_words: usize,
    /// the last word of each section label (a label ends with one of them)
    pub(crate) section_label_ends: HashSet<String>,
    /// Phrases of a study's procedure ("we evaluated", "were randomized").
    pub(crate) procedure: PhraseTable,
    /// Verbs that report a finding ("found", "showed").
    pub(crate) finding_verbs: PhraseTable,
}

/// Error from reading a lexicon.
#[derive(Debug)]
pub struct LexiconError(pub String);

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "evidence lexicon: {}", self.0)
    }
}

impl std::error::Error for LexiconError {}

fn re(pattern: &str) -> Result<Regex, LexiconError> {
    crate::lexicon_regex::compile(pattern).map_err(|e| LexiconError(e.to_string()))
}

impl EvidenceLexicon {
    /// The built-in lexicon, compiled on first use.
    pub fn builtin() -> &'static EvidenceLexicon {
        static LEX: OnceLock<EvidenceLexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            // the absence patterns as `build.rs` assembled them from `[absence]`: no TOML is
            // read until a sentence holds an absence statement
            EvidenceLexicon::with_absence(
                builtin_absence::PATTERNS,
                builtin_absence::POST_NEEDS_SUBJECT,
                OnceLock::new(),
            )
            .expect("built-in evidence lexicon is valid")
        })
    }

    /// The lexicon of the absence patterns `p` (in the order of
    /// [`crate::lexicon_patterns::AbsencePatterns::all`]), with `tables`.
    fn with_absence(
        p: [&str; 15],
        post_needs_subject: &[impl AsRef<str>],
        tables: OnceLock<EvidenceTables>,
    ) -> Result<EvidenceLexicon, LexiconError> {
        let [
            gate,
            pre,
            pre_head,
            study,
            post,
            bare,
            subject,
            terminator,
            opener,
            pseudo,
            finding,
            weak,
            unknown,
            conditional,
            tail,
        ] = p;
        Ok(EvidenceLexicon {
            gate_re: re(gate)?,
            pre_re: re(pre)?,
            pre_head_re: re(pre_head)?,
            study_re: re(study)?,
            post_re: re(post)?,
            bare_re: re(bare)?,
            subject_re: re(subject)?,
            terminator_re: re(terminator)?,
            opener_re: re(opener)?,
            pseudo_re: re(pseudo)?,
            finding_re: re(finding)?,
            post_needs_subject: post_needs_subject
                .iter()
                .map(|s| s.as_ref().split_whitespace().collect::<Vec<_>>().join(" "))
                .collect(),
            weak_re: re(weak)?,
            unknown_re: re(unknown)?,
            conditional_re: re(conditional)?,
            tail_re: re(tail)?,
            tables,
        })
    }

    /// Every pattern of the lexicon.
    #[cfg(test)]
    pub(crate) fn regexes(&self) -> impl Iterator<Item = &Regex> {
        [
            &self.gate_re,
            &self.pre_re,
            &self.pre_head_re,
            &self.study_re,
            &self.post_re,
            &self.bare_re,
            &self.subject_re,
            &self.terminator_re,
            &self.opener_re,
            &self.pseudo_re,
            &self.finding_re,
            &self.weak_re,
            &self.unknown_re,
            &self.conditional_re,
            &self.tail_re,
        ]
        .into_iter()
    }

    /// Compile a lexicon from TOML text in the format of `rules/evidence.toml`.
    pub fn parse(text: &str) -> Result<EvidenceLexicon, LexiconError> {
        let raw = raw_lexicon(text)?;
        let a = &raw.absence;
        let p = crate::lexicon_patterns::absence(a);
        let lex = EvidenceLexicon::with_absence(
            p.all(),
            &a.post_needs_evidence_subject,
            OnceLock::new(),
        )?;
        let _ = lex.tables.set(EvidenceTables::new(raw));
        Ok(lex)
    }
}

fn raw_lexicon(text: &str) -> Result<RawLexicon, LexiconError> {
    toml::from_str(text).map_err(|e| LexiconError(e.to_string()))
}

/// The built-in lexicon's absence patterns, assembled by `build.rs`.
mod builtin_absence {
    include!(concat!(env!("OUT_DIR"), "/builtin_absence.rs"));
}

impl std::ops::Deref for EvidenceLexicon {
    type Target = EvidenceTables;

    fn deref(&self) -> &EvidenceTables {
        // only the built-in lexicon is made without its tables
        self.tables
            .get_or_init(|| EvidenceTables::new(crate::builtin_rules::builtin_rules!("evidence")))
    }
}

impl EvidenceTables {
    /// The word tables of a lexicon read from TOML.
    fn new(raw: RawLexicon) -> EvidenceTables {
        let w = &raw.words;
        let mut quantifier_groups = PhraseTable::default();
        for (i, g) in w.quantifier_groups.iter().enumerate() {
            for p in g {
                quantifier_groups.insert(p, i);
            }
        }
        let mut concepts = PhraseTable::default();
        let mut concept_names = Vec::new();
        for (i, g) in raw.concepts.groups.iter().enumerate() {
            concept_names.push(g.first().cloned().unwrap_or_default());
            for p in g {
                concepts.insert(p, i);
            }
        }
        let mut antonyms: HashMap<String, Vec<String>> = HashMap::default();
        let mut pairs: Vec<(String, String)> = raw
            .antonyms
            .pairs
            .iter()
            .map(|[x, y]| (x.clone(), y.clone()))
            .collect();
        for set in &raw.antonyms.sets {
            for (i, x) in set.iter().enumerate() {
                for y in &set[i + 1..] {
                    pairs.push((x.clone(), y.clone()));
                }
            }
        }
        for (x, y) in pairs {
            let (x, y) = (stem(&x), stem(&y));
            if x != y {
                antonyms.entry(x.clone()).or_default().push(y.clone());
                antonyms.entry(y).or_default().push(x);
            }
        }
        let st = &raw.statement;
        let set = |l: &[String]| l.iter().map(|w| stem(w)).collect::<HashSet<String>>();
        let mut markers = PhraseTable::default();
        let mut marker_keys = Vec::new();
        for (i, g) in raw.markers.groups.iter().enumerate() {
            let Some(first) = g.first() else { continue };
            let fk = stems(first);
            let key = match concepts.map.get(&fk) {
                Some(c) => format!("c{c}"),
                None => fk.join(" "),
            };
            marker_keys.push(key);
            for p in &g[1..] {
                markers.insert(p, i);
            }
        }
        let src = &raw.sources;
        // label (lower case, words one space apart) -> whether its section reports findings
        let mut section_labels: HashMap<String, bool> = HashMap::default();
        for (list, finding) in [(&src.setup_labels, false), (&src.finding_labels, true)] {
            for l in list {
                let l = l
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase();
                section_labels.insert(l, finding);
            }
        }
        let section_label_words = section_labels
            .keys()
            .map(|l| l.split(' ').count())
            .max()
            .unwrap_or(0);
        let section_label_ends = section_labels
            .keys()
            .filter_map(|l| l.rsplit(' ').next())
            .map(str::to_string)
            .collect();
        EvidenceTables {
            section_labels,
            section_label_words,
            section_label_ends,
            procedure: PhraseTable::from_list(&src.procedure),
            finding_verbs: PhraseTable::from_list(&src.finding_verbs),
            relation_verbs: PhraseTable::from_list(&st.relation_verbs),
            auxiliaries: PhraseTable::from_list(&st.auxiliaries),
            relation_nouns: PhraseTable::from_list(&st.relation_nouns),
            relation_links: set(&st.relation_links),
            use_heads: PhraseTable::from_list(&st.use_heads),
            population_links: set(&st.population_links),
            population_nouns: PhraseTable::from_list(&st.population_nouns),
            empty_heads: set(&st.empty_heads),
            benefit_nouns: PhraseTable::from_list(&st.benefit_nouns),
            report_verbs: st.report_verbs.iter().cloned().collect(),
            irregular_past: st.irregular_past.iter().cloned().collect(),
            markers,
            marker_keys,
            weights: raw.judge,
            stop: w.stop.iter().map(|s| stem(s)).collect(),
            negation: PhraseTable::from_list(&w.negation),
            pseudo_negation: PhraseTable::from_list(&w.pseudo_negation),
            null_result: PhraseTable::from_list(&w.null_result),
            hedge: PhraseTable::from_list(&w.hedge),
            pseudo_hedge: PhraseTable::from_list(&w.pseudo_hedge),
            uncertainty: PhraseTable::from_list(&w.uncertainty),
            quantifiers: PhraseTable::from_list(&w.quantifiers),
            restrictive: PhraseTable::from_list(&w.restrictive),
            comparison_links: PhraseTable::from_list(&w.comparison_links),
            equality: PhraseTable::from_list(&w.equality),
            quantifier_groups,
            up: PhraseTable::from_list(&raw.direction.up),
            down: PhraseTable::from_list(&raw.direction.down),
            good: PhraseTable::from_list(&raw.direction.good),
            bad: PhraseTable::from_list(&raw.direction.bad),
            concept_fragments: concepts.fragments_by_value(concept_names.len()),
            concepts,
            concept_names,
            antonyms,
            negative_prefixes: raw.antonyms.prefixes,
        }
    }
}

/// Lower-cased word tokens with their byte ranges. Hyphenated words stay whole
/// ("sars-cov-2"); a number keeps its decimal point and thousands commas; `%` is a token.
pub(crate) fn tokens(text: &str) -> Vec<(String, Range<usize>)> {
    let mut words = String::new();
    token_spans(text, &mut words)
        .into_iter()
        .map(|(w, r)| (words[w].to_string(), r))
        .collect()
}

/// The [`tokens`] of `text` without a string each: every token lower-cased into `words`
/// (cleared first), one after another; for each, its range there and its byte range in
/// `text`.
pub(crate) fn token_spans(text: &str, words: &mut String) -> Vec<(Range<usize>, Range<usize>)> {
    words.clear();
    words.reserve(text.len());
    let b = text.as_bytes();
    // the character at `i` (a char boundary), read without decoding where it is ASCII
    let char_at = |i: usize| match b.get(i) {
        Some(&a) if a.is_ascii() => Some(char::from(a)),
        _ => text[i..].chars().next(),
    };
    // (room for most texts' tokens, allocated once)
    let mut out = Vec::with_capacity((text.len() / 4 + 4).min(1024));
    let mut i = 0;
    let is_word = |c: char| c.is_alphanumeric();
    while i < text.len() {
        let c = char_at(i).unwrap_or(' ');
        if c == '%' {
            words.push('%');
            out.push((words.len() - 1..words.len(), i..i + 1));
            i += 1;
            continue;
        }
        if !is_word(c) {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut j = i;
        while j < text.len() {
            if b[j].is_ascii_alphanumeric() {
                j += 1;
                continue;
            }
            let d = char_at(j).unwrap_or(' ');
            if is_word(d) {
                j += d.len_utf8();
                continue;
            }
            // inner joiners: hyphen, apostrophe, decimal point or comma between digits
            let next = || char_at(j + d.len_utf8());
            let prev_digit = j > 0 && b[j - 1].is_ascii_digit();
            let joins = match d {
                '-' | '\'' | '’' => next().is_some_and(is_word),
                '.' | ',' | '·' => prev_digit && next().is_some_and(|n| n.is_ascii_digit()),
                _ => false,
            };
            if joins {
                j += d.len_utf8();
            } else {
                break;
            }
        }
        let raw = &text[start..j];
        let from = words.len();
        if raw.is_ascii() {
            // the same as below, without allocations: most words are ASCII
            words.push_str(raw);
            words[from..].make_ascii_lowercase();
        } else {
            // (`str::to_lowercase`: a final sigma is `ς`, as no `char` lower-casing knows)
            words.extend(raw.to_lowercase().chars().map(|c| match c {
                '’' => '\'',
                '·' => '.',
                c => c,
            }));
        }
        if words[from..].ends_with("'s") {
            words.truncate(words.len() - 2);
        }
        out.push((from..words.len(), start..j));
        i = j;
    }
    out
}

/// The [`stem`]s of the [`tokens`] of `text`.
pub(crate) fn stems(text: &str) -> Vec<String> {
    let mut words = String::new();
    token_spans(text, &mut words)
        .into_iter()
        .map(|(w, _)| stem(&words[w]))
        .collect()
}

/// Lower-cased words of `text` (see [`tokens`]).
#[cfg(test)]
pub(crate) fn words(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|(w, _)| w).collect()
}

/// A piece of text that every word whose [`stem`] is `stem` contains, in the word's
/// [`fragment_text`] form: `stem` only strips suffixes and adds at most one letter, so all
/// but its last character starts the word; at most four characters are kept, which also
/// covers the judge's prefix matching of long stems. Empty (found everywhere) for stems with
/// characters other than ASCII ones.
pub(crate) fn fragment(stem: &str) -> String {
    if !stem.is_ascii() {
        return String::new();
    }
    stem[..stem.len().saturating_sub(1).min(4)].to_string()
}

/// `text` lower-cased as [`tokens`] does it, for finding [`fragment`]s.
pub(crate) fn fragment_text(text: &str) -> String {
    text.to_lowercase().replace('’', "'").replace('·', ".")
}

/// Light suffix stripping, enough to make "increases", "increased" and "increasing" meet.
pub fn stem(word: &str) -> String {
    let mut s = String::new();
    stem_into(word, &mut s);
    s
}

/// [`stem`] written into `s` (cleared first), which keeps its allocation: a caller that
/// stems many words reuses its strings.
pub(crate) fn stem_into(word: &str, s: &mut String) {
    s.clear();
    if word.is_ascii() {
        s.push_str(word);
        s.make_ascii_lowercase();
    } else {
        s.push_str(&word.to_lowercase());
    }
    if s.len() <= 3 || !s.bytes().all(|c| c.is_ascii_alphabetic()) {
        return;
    }
    // "-ies" and "-ied" become "-y" where three letters or more are left
    if (s.ends_with("ies") || s.ends_with("ied")) && s.len() - 2 >= 3 {
        s.truncate(s.len() - 3);
        s.push('y');
    } else if ["sses", "uses", "xes", "ches", "shes"]
        .iter()
        .any(|x| s.ends_with(x))
    {
        s.truncate(s.len() - 2);
    } else if s.ends_with('s')
        && !s.ends_with("ss")
        && !s.ends_with("us")
        && !s.ends_with("is")
        && !s.ends_with("ous")
    {
        s.pop();
    } else if s.len() > 5 && s.ends_with("ing") {
        s.truncate(s.len() - 3);
        undouble(s);
    } else if s.len() > 4 && s.ends_with("ed") && !s.ends_with("eed") {
        s.truncate(s.len() - 2);
        undouble(s);
    } else if s.len() > 5 && s.ends_with("ly") {
        s.truncate(s.len() - 2);
    }
    if s.len() > 4 && s.ends_with('e') {
        s.pop();
    }
}

fn undouble(s: &mut String) {
    let b = s.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z') {
        s.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`stem`] as it was before [`stem_into`]: a new string for each step.
    fn stem_by_allocation(word: &str) -> String {
        let w = if word.is_ascii() {
            word.to_ascii_lowercase()
        } else {
            word.to_lowercase()
        };
        if w.len() <= 3 || !w.chars().all(|c| c.is_ascii_alphabetic()) {
            return w;
        }
        let mut s = w;
        let strip = |s: &str, suf: &str, rep: &str| -> Option<String> {
            s.strip_suffix(suf).map(|r| format!("{r}{rep}"))
        };
        if let Some(r) = strip(&s, "ies", "y").filter(|r| r.len() >= 3) {
            s = r;
        } else if let Some(r) = strip(&s, "ied", "y").filter(|r| r.len() >= 3) {
            s = r;
        } else if ["sses", "uses", "xes", "ches", "shes"]
            .iter()
            .any(|x| s.ends_with(x))
        {
            s.truncate(s.len() - 2);
        } else if s.ends_with('s')
            && !s.ends_with("ss")
            && !s.ends_with("us")
            && !s.ends_with("is")
            && !s.ends_with("ous")
        {
            s.pop();
        } else if s.len() > 5 && s.ends_with("ing") {
            s.truncate(s.len() - 3);
            undouble(&mut s);
        } else if s.len() > 4 && s.ends_with("ed") && !s.ends_with("eed") {
            s.truncate(s.len() - 2);
            undouble(&mut s);
        } else if s.len() > 5 && s.ends_with("ly") {
            s.truncate(s.len() - 2);
        }
        if s.len() > 4 && s.ends_with('e') {
            s.pop();
        }
        s
    }

    #[test]
    fn stem_into_equals_the_allocating_stem() {
        let mut words: Vec<String> = [
            "ies",
            "ties",
            "dies",
            "cries",
            "cried",
            "flies",
            "studies",
            "Studied",
            "IES",
            "classes",
            "buses",
            "boxes",
            "matches",
            "wishes",
            "viruses",
            "is",
            "this",
            "news",
            "running",
            "stopped",
            "agreed",
            "falling",
            "buzzed",
            "quickly",
            "fly",
            "made",
            "naïve",
            "ÉTUDES",
            "Σίσυφος",
            "covid-19",
            "a1c",
            "x",
            "",
        ]
        .map(String::from)
        .to_vec();
        for t in crate::lexicon_regex::fixture_texts() {
            words.extend(tokens(&t).into_iter().map(|(w, _)| w));
            words.extend(t.split_whitespace().map(String::from));
        }
        let mut s = String::from("left over from the last word");
        for w in &words {
            stem_into(w, &mut s);
            assert_eq!(s, stem_by_allocation(w), "{w:?}");
            assert_eq!(stem(w), s);
        }
    }

    #[test]
    fn builtin_lexicon_compiles() {
        let lex = EvidenceLexicon::builtin();
        assert!(lex.concept_names.len() > 50);
        assert!(lex.stop.contains("the"));
    }

    #[test]
    fn builtin_absence_patterns_are_the_lexicons() {
        // `build.rs` assembled the built-in absence patterns from the same TOML
        let (built, read) = (
            EvidenceLexicon::builtin(),
            EvidenceLexicon::parse(BUILTIN_LEXICON).unwrap(),
        );
        let debug = |l: &EvidenceLexicon| l.regexes().map(|r| format!("{r:?}")).collect::<Vec<_>>();
        assert_eq!(debug(built), debug(&read));
        assert_eq!(built.post_needs_subject, read.post_needs_subject);
        assert!(!built.post_needs_subject.is_empty());
    }

    #[test]
    fn stems_meet() {
        for (a, b) in [
            ("increases", "increased"),
            ("increasing", "increase"),
            ("studies", "study"),
            ("viruses", "virus"),
            ("reduces", "reducing"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} vs {b}");
        }
        assert_ne!(stem("increase"), stem("decrease"));
    }

    #[test]
    fn tokens_keep_numbers_and_names() {
        let t = words("SARS-CoV-2 levels fell by 3,199 units (12.5%) in Smith's cohort.");
        assert_eq!(
            t,
            vec![
                "sars-cov-2",
                "levels",
                "fell",
                "by",
                "3,199",
                "units",
                "12.5",
                "%",
                "in",
                "smith",
                "cohort"
            ]
        );
    }
}
