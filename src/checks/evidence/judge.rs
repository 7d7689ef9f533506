//! Does a source sentence assert the proposition an article says has no evidence?

use super::statement::Statement;
use super::{EvidenceLexicon, JudgeWeights, fragment, stem, tokens};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::RefCell;
use std::rc::Rc;

/// One sentence of a cited source.
#[derive(Debug, Clone, Copy)]
pub struct SourceSentence<'a> {
    /// Index of the source (reference) the sentence comes from.
    pub source: usize,
    pub text: &'a str,
}

/// A source sentence that asserts the denied claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub source: usize,
    /// Index into the slice given to [`Judge::judge`].
    pub sentence_index: usize,
    /// Concepts of the claim found in the sentence, for the message.
    pub matched: Vec<String>,
    pub score: f32,
}

/// Decides whether any source sentence asserts `claim`.
///
/// The interface a stronger judge (a small local entailment model, say) implements to
/// replace [`LexicalJudge`] without touching the rule:
///
/// - `claim` is the denied proposition X of an absence statement, as written in the article
///   ("maintenance chemotherapy improves survival duration", "the use of thalidomide in
///   patients with advanced cancer"); [`Statement::parse`] cuts it into parts, and the rule
///   only asks about claims that parse.
/// - `sources` are sentences that assert something ([`super::asserts`]: titles that only
///   name a topic, headings and questions are dropped before), each tagged with the source it
///   comes from; sentences of one source are adjacent and in reading order.
/// - The answer is the one sentence that asserts X: the same relation, in the same
///   direction, about the same intervention, outcome and population, without negation,
///   hedging or a null result. `None` when no sentence does, and when in doubt: a finding
///   tells an editor their article denies what its source says.
pub trait Judge {
    fn judge(&self, claim: &str, sources: &[SourceSentence]) -> Option<Verdict>;
}

/// Concept matching with negation, direction, number and quantifier checks.
#[derive(Debug, Clone, Copy)]
pub struct LexicalJudge<'l> {
    lex: &'l EvidenceLexicon,
}

impl Default for LexicalJudge<'static> {
    fn default() -> Self {
        Self::new()
    }
}

/// Ways the best source sentence disagrees with the claim.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Disagreement {
    /// One is negated (or reports a null result, or the source sentence says evidence is
    /// lacking) and the other is not.
    pub negation: bool,
    /// increase vs decrease
    pub direction: bool,
    /// good vs bad outcome
    pub valence: bool,
    /// A number in the claim appears nowhere in the source.
    pub number: bool,
    /// The claim uses "only", "all", "most"... and the source does not.
    pub quantifier: bool,
    /// The claim says "domestic" where the source says only "international".
    pub antonym: bool,
    /// The source hedges ("may", "might") and the claim does not.
    pub hedge: bool,
    /// The source says the matter is open or unstudied and the claim does not.
    pub uncertain: bool,
    /// The relation is missing from the sentence, a recommendation's source reports no
    /// benefit, or a part is missing from a source of one sentence.
    pub part: bool,
    /// A content part (intervention, outcome, population) is missing from the best
    /// sentence of a source that gives more: an abstract names a part in one sentence and
    /// reports on it in another, so this never vetoes (`part_penalty`, 0 by default).
    pub content: bool,
    /// The source compares the same two things the other way round, or finds no difference
    /// where the claim finds one (or the reverse).
    pub comparison: bool,
}

/// Full reasoning behind a judgement, for messages and debugging.
#[derive(Debug, Clone)]
pub struct Assessment {
    pub source: usize,
    pub sentence_index: usize,
    pub coverage: f32,
    /// Weighted share of the claim's concepts found anywhere in the same source.
    pub source_coverage: f32,
    pub score: f32,
    pub matched: Vec<String>,
    pub disagreement: Disagreement,
}

/// A statement as the judge compares it: whether only a reported benefit contradicts it,
/// and each part's analysis with whether that part is the relation.
type StatementParts = (bool, Vec<(Rc<Analysis>, Role)>);

/// Which part of a statement an analysis is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The intervention or exposure: an abstract names it once and then says "the
    /// treatment", so any sentence of the same source may hold it.
    Intervention,
    /// The relation: words of good or bad outcome are compared as valence there.
    Relation,
    /// The outcome or the population: in the sentence itself.
    Content,
}

/// Source sentences analysed once ([`LexicalJudge::prepare`]).
#[derive(Debug, Default)]
pub struct Prepared(Vec<Rc<Analysis>>);

impl Prepared {
    /// The analyses of several prepared lists, one after another (as their sources are).
    pub fn concat<'p>(parts: impl IntoIterator<Item = &'p Prepared>) -> Prepared {
        Prepared(
            parts
                .into_iter()
                .flat_map(|p| p.0.iter().cloned())
                .collect(),
        )
    }
}

/// A text reduced to what the judge compares.
#[derive(Debug, Default)]
struct Analysis {
    /// content key -> display word
    keys: HashMap<String, String>,
    stems: HashSet<String>,
    /// concepts indicated by measured markers ("crp" indicates inflammation): a source
    /// holds them, a claim does not
    indicated: HashSet<String>,
    /// content keys that are direction words ("higher", "reduces")
    directional: HashSet<String>,
    /// content keys that are words of good or bad outcome ("benefit", "harm")
    valenced: HashSet<String>,
    /// number intervals (a point is lo == hi)
    numbers: Vec<(f64, f64)>,
    negated: bool,
    /// the sentence says what a study did, not what it found ("we evaluated the effects of
    /// X"): it may name a part of the claim for another sentence, never support it itself
    procedure: bool,
    /// content keys inside the scope of a negation or null-result cue
    negated_keys: HashSet<String>,
    null_result: bool,
    hedged: bool,
    uncertain: bool,
    up: usize,
    down: usize,
    good: usize,
    bad: usize,
    quantifier_groups: HashSet<usize>,
    quantified: bool,
    /// "only", "solely": the sentence restricts what it reports
    restricted: bool,
    /// a comparison: the content keys of its clause before its link ("than", "compared
    /// with") and after it, to the end of the clause
    compared: Option<(HashSet<String>, HashSet<String>)>,
    /// the direction of the clause that holds the comparison link (1 up, -1 down, 0 none):
    /// "both masks reduced spread, although the surgical mask was more effective than the
    /// cloth one" compares the masks upwards, whatever the other clause says
    compared_sign: i32,
    /// a comparison that finds no difference ("as likely as", "similar")
    equal: bool,
    /// the clauses (split at punctuation and at "whereas", "while", "but", "although"):
    /// each one's content keys and its counts of up and down words
    clauses: Vec<(HashSet<String>, usize, usize)>,
    /// content key -> the direction of the direction word next to it (up to four words
    /// before it in its clause, else up to three after): "a decreased likelihood of death"
    /// lowers death. 0 when its mentions disagree or one has no direction word next to it.
    local_dir: HashMap<String, i32>,
    /// the sentence itself says evidence is lacking ("there is currently no evidence for
    /// intrauterine infection in women who…"): it reports no finding
    absent: bool,
}

impl LexicalJudge<'static> {
    /// A judge with the built-in lexicon.
    pub fn new() -> Self {
        Self::with_lexicon(EvidenceLexicon::builtin())
    }
}

impl<'l> LexicalJudge<'l> {
    pub fn with_lexicon(lex: &'l EvidenceLexicon) -> Self {
        LexicalJudge { lex }
    }

    fn weights(&self) -> &JudgeWeights {
        &self.lex.weights
    }

    /// [`Self::analyse_text`], memoised per thread: an article's sentences are judged against
    /// every absence statement, and an editor re-lints after each keystroke with most
    /// sentences unchanged.
    fn analyse(&self, text: &str) -> Rc<Analysis> {
        const CAP: usize = 512;
        thread_local! {
            static CACHE: RefCell<HashMap<(usize, String), Rc<Analysis>>> = RefCell::new(HashMap::default());
        }
        let key = (
            self.lex as *const EvidenceLexicon as usize,
            text.to_string(),
        );
        if let Some(a) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
            return a;
        }
        let a = Rc::new(self.analyse_text(text));
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() >= CAP {
                c.clear();
            }
            c.insert(key, a.clone());
        });
        a
    }

    fn analyse_text(&self, text: &str) -> Analysis {
        let lex = self.lex;
        let toks = tokens(text);
        let raw: Vec<String> = toks.iter().map(|(w, _)| w.clone()).collect();
        let stems: Vec<String> = raw.iter().map(|w| stem(w)).collect();
        // a clause boundary (punctuation) just before token i
        let boundary: Vec<bool> = (0..toks.len())
            .map(|i| {
                i > 0
                    && text[toks[i - 1].1.end..toks[i].1.start]
                        .contains([',', ';', ':', '(', ')', '[', ']', '—'])
            })
            .collect();
        let mut a = Analysis {
            stems: stems.iter().cloned().collect(),
            procedure: super::statement::describes_procedure(&stems, lex),
            ..Analysis::default()
        };
        let mut used = vec![false; stems.len()];
        let mut key_at: Vec<Option<String>> = vec![None; stems.len()];

        // concepts first: "no symptoms" is a concept, not a negation
        for (i, n, c) in lex.concepts.find_all(&stems) {
            let key = format!("c{c}");
            a.keys
                .entry(key.clone())
                .or_insert_with(|| lex.concept_names[c].clone());
            for j in i..i + n {
                used[j] = true;
                key_at[j] = Some(key.clone());
            }
            if lex.up.longest_at(&stems, i).is_some() || lex.down.longest_at(&stems, i).is_some() {
                a.directional.insert(key.clone());
            }
            if lex.good.longest_at(&stems, i).is_some() || lex.bad.longest_at(&stems, i).is_some() {
                a.valenced.insert(key.clone());
            }
        }

        // measured markers indicate a concept; the marker stays a word of its own
        for (i, _, g) in lex.markers.find_all(&stems) {
            if key_at[i].is_none()
                && let Some(k) = lex.marker_keys.get(g)
            {
                a.indicated.insert(k.clone());
            }
        }

        // negation and null-result cues, with look-alikes ("not only") removed
        let pseudo: HashSet<usize> = lex
            .pseudo_negation
            .find_all(&stems)
            .iter()
            .flat_map(|(i, n, _)| *i..*i + *n)
            .collect();
        // a negation binds to its own clause: inside a relative clause about people ("who
        // did not", "whose treatment did not": mostly the comparison group; only right after
        // the pronoun, as in "patients who recover do not ..." the negation is the main
        // verb's) or on the far side of a comparison ("lower
        // than in patients who did not", "compared with those whose treatment did not
        // include") it denies nothing the sentence reports of its subject. "Which" often
        // refers to the intervention ("the drug, which did not lower…") and keeps its
        // negation, as does a comparison that opens the clause ("compared with placebo, X
        // did not").
        let links: HashSet<usize> = lex
            .comparison_links
            .find_all(&stems)
            .iter()
            .map(|(i, _, _)| *i)
            .collect();
        // a parenthesis ends no clause: "higher among patients with the condition (19.5%)
        // compared with those without it (1.6%)" still compares
        let hard: Vec<bool> = (0..toks.len())
            .map(|i| {
                boundary[i]
                    && text[toks[i - 1].1.end..toks[i].1.start].contains([',', ';', ':', '—'])
            })
            .collect();
        let subordinate = |i: usize| {
            let mut k = i;
            while k > 0 && !hard[k] {
                k -= 1;
                let opens = k == 0 || hard[k];
                if (matches!(raw[k].as_str(), "who" | "whose" | "whom") && i - k <= 2)
                    || (links.contains(&k) && !opens)
                {
                    return true;
                }
            }
            false
        };
        let mut cues: Vec<(usize, usize)> = Vec::new();
        for table in [&lex.negation, &lex.null_result] {
            for (i, n, _) in table.find_all(&stems) {
                if !pseudo.contains(&i)
                    && !(i..i + n).any(|j| key_at[j].is_some())
                    && !subordinate(i)
                {
                    cues.push((i, n));
                }
            }
        }
        a.negated = !cues.is_empty();
        // NegEx-style scope: a few words either side, not across punctuation
        let mut scope = vec![false; stems.len()];
        for &(i, n) in &cues {
            for u in used.iter_mut().skip(i).take(n) {
                *u = true;
            }
            let mut j = i + n;
            while j < stems.len() && j < i + n + 6 && !boundary[j] {
                scope[j] = true;
                j += 1;
            }
            let mut j = i;
            while j > 0 && j + 3 > i && !boundary[j] {
                j -= 1;
                scope[j] = true;
            }
        }
        a.null_result = lex.null_result.contains_any(&stems);
        // a hedge word, unless it opens a phrase that hedges nothing ("could not")
        a.hedged = lex
            .hedge
            .find_all(&stems)
            .iter()
            .any(|(i, _, _)| lex.pseudo_hedge.longest_at(&stems, *i).is_none());
        a.uncertain = lex.uncertainty.contains_any(&stems);
        a.up = lex.up.find_all(&stems).len();
        a.down = lex.down.find_all(&stems).len();
        a.good = lex.good.find_all(&stems).len();
        a.bad = lex.bad.find_all(&stems).len();
        for (_, _, g) in lex.quantifier_groups.find_all(&stems) {
            a.quantifier_groups.insert(g);
        }
        a.quantified = lex.quantifiers.contains_any(&stems);
        a.restricted = lex.restrictive.contains_any(&stems);

        // numbers as intervals: "1 million", "10-20", "between 10 and 20", "2 to 3"
        let mut nums: Vec<(usize, f64, f64)> = Vec::new();
        let mut i = 0;
        while i < raw.len() {
            if let Some((lo, hi)) = number_value(&raw[i]) {
                used[i] = true;
                let (mut lo, mut hi) = (lo, hi);
                if let Some(m) = raw.get(i + 1).and_then(|w| multiplier(w)) {
                    lo *= m;
                    hi *= m;
                    used[i + 1] = true;
                    i += 1;
                }
                nums.push((i, lo, hi));
            }
            i += 1;
        }
        let mut k = 0;
        while k < nums.len() {
            let (i, lo, hi) = nums[k];
            if let Some(&(i2, lo2, hi2)) = nums.get(k + 1) {
                let joined = i2 == i + 2 && matches!(raw[i + 1].as_str(), "to" | "or")
                    || (i2 == i + 2 && raw[i + 1] == "and" && i > 0 && raw[i - 1] == "between");
                if joined {
                    a.numbers.push((lo.min(lo2), hi.max(hi2)));
                    k += 2;
                    continue;
                }
            }
            a.numbers.push((lo, hi));
            k += 1;
        }

        for (i, s) in stems.iter().enumerate() {
            if used[i] || lex.stop.contains(s) || s.chars().count() < 3 {
                continue;
            }
            if !s.chars().any(|c| c.is_alphabetic()) {
                continue;
            }
            a.keys.entry(s.clone()).or_insert_with(|| raw[i].clone());
            key_at[i] = Some(s.clone());
            if lex.up.longest_at(&stems, i).is_some() || lex.down.longest_at(&stems, i).is_some() {
                a.directional.insert(s.clone());
            }
            if lex.good.longest_at(&stems, i).is_some() || lex.bad.longest_at(&stems, i).is_some() {
                a.valenced.insert(s.clone());
            }
        }
        // clauses: a direction word speaks of what its own clause names ("children were
        // less susceptible than adults, while older people were more susceptible")
        let mut clause_of = vec![0usize; stems.len()];
        let mut c = 0;
        for i in 1..stems.len() {
            if boundary[i]
                || matches!(
                    raw[i].as_str(),
                    "whereas" | "while" | "but" | "although" | "though"
                )
            {
                c += 1;
            }
            clause_of[i] = c;
        }
        if !stems.is_empty() {
            a.clauses = vec![(HashSet::default(), 0, 0); c + 1];
        }
        for (i, k) in key_at.iter().enumerate() {
            if let Some(k) = k {
                a.clauses[clause_of[i]].0.insert(k.clone());
            }
        }
        for (i, _, _) in lex.up.find_all(&stems) {
            a.clauses[clause_of[i]].1 += 1;
        }
        for (i, _, _) in lex.down.find_all(&stems) {
            a.clauses[clause_of[i]].2 += 1;
        }
        // "twice as likely", "three times as many": a ratio, not an equality
        a.equal = lex.equality.find_all(&stems).iter().any(|(i, _, _)| {
            !(*i > 0 && matches!(raw[i - 1].as_str(), "twice" | "thrice" | "times" | "half"))
        });
        a.absent = super::find_absence(text, lex).is_some();
        // the direction word next to each mention of a content key
        let mut dir_at = vec![0i32; stems.len()];
        for (table, sign) in [(&lex.up, 1), (&lex.down, -1)] {
            for (i, n, _) in table.find_all(&stems) {
                for d in dir_at.iter_mut().skip(i).take(n) {
                    *d = sign;
                }
            }
        }
        let same_clause = |x: usize, y: usize| clause_of[x] == clause_of[y];
        for (j, k) in key_at.iter().enumerate() {
            let Some(k) = k else { continue };
            if dir_at[j] != 0 || a.directional.contains(k) {
                continue;
            }
            let before = (j.saturating_sub(4)..j)
                .rev()
                .take_while(|&b| same_clause(b, j) && !boundary[b + 1])
                .find(|&b| dir_at[b] != 0);
            let after = (j + 1..stems.len().min(j + 4))
                .take_while(|&f| same_clause(f, j) && !boundary[f])
                .find(|&f| dir_at[f] != 0);
            let sign = before.or(after).map_or(0, |x| dir_at[x]);
            // every mention must agree; one with no direction word next to it counts as none
            let e = a.local_dir.entry(k.clone()).or_insert(sign);
            if *e != sign {
                *e = 0;
            }
        }
        if let Some((at, n, _)) = lex.comparison_links.find_all(&stems).first().copied() {
            // the comparison's own clause: from its start to the link, and on to its end
            let start = (0..at)
                .rev()
                .find(|&j| clause_of[j] != clause_of[at])
                .map_or(0, |j| j + 1);
            let (_, up, down) = a.clauses[clause_of[at]];
            a.compared_sign = (up as i32 - down as i32).signum();
            let before: HashSet<String> = key_at[start..at].iter().flatten().cloned().collect();
            let end = (at + n..stems.len())
                .find(|&j| j > at + n && boundary[j])
                .unwrap_or(stems.len());
            let after: HashSet<String> = key_at[at + n..end].iter().flatten().cloned().collect();
            a.compared = Some((before, after));
        }
        a.negated_keys = key_at
            .iter()
            .zip(&scope)
            .filter(|(_, s)| **s)
            .filter_map(|(k, _)| k.clone())
            .collect();
        a
    }

    /// Judge with every detail of the reasoning. Returns the assessment of the
    /// best-covering sentence even when it does not assert the claim.
    pub fn assess(&self, claim: &str, sources: &[SourceSentence]) -> Option<Assessment> {
        let c = self.analyse(claim);
        if c.keys.is_empty() {
            return None;
        }
        let st = self.statement(claim)?;
        let sents: Vec<Rc<Analysis>> = sources.iter().map(|s| self.analyse(s.text)).collect();
        self.assess_analysed(&c, &st, sources, &sents)
    }

    /// The claim's statement and an analysis of each of its content parts.
    /// Each part comes with whether it is the relation: words of good or bad outcome are
    /// compared there as valence, not as content.
    fn statement(&self, claim: &str) -> Option<StatementParts> {
        let st = Statement::parse(claim, self.lex)?;
        let mut parts: Vec<(Rc<Analysis>, Role)> = st
            .parts(claim)
            .into_iter()
            .filter(|(n, _)| *n != "relation")
            .map(|(n, t)| {
                let role = if n == "intervention" {
                    Role::Intervention
                } else {
                    Role::Content
                };
                (self.analyse(t), role)
            })
            .filter(|(a, _)| !a.keys.is_empty())
            .collect();
        // the relation's own words, less auxiliaries, hedges and direction words (compared
        // as direction)
        if let Some(r) = st.relation_text(claim) {
            let lex = self.lex;
            let a = self.analyse(r);
            let own = a.keys.keys().any(|k| {
                let one = [k.clone()];
                !a.directional.contains(k)
                    && !a.valenced.contains(k)
                    && lex.auxiliaries.longest_at(&one, 0).is_none()
                    && lex.hedge.longest_at(&one, 0).is_none()
            });
            if own {
                parts.push((a, Role::Relation));
            }
        }
        Some((st.benefit, parts))
    }

    /// A cheap necessary condition for a sentence to hold every concept of `claim` (coverage
    /// 1 in [`Assessment`]): for each of the claim's keys, a list of fragments of which one
    /// must occur in the sentence's [`fragment_text`]. `None` when the claim has no keys.
    /// The article's own cited sentences must cover a claim whole, so a rule can skip
    /// analysing those that fail this.
    pub fn required_fragments(&self, claim: &str) -> Option<Vec<Vec<String>>> {
        let c = self.analyse(claim);
        if c.keys.is_empty() {
            return None;
        }
        let concept = |k: &str| {
            k.strip_prefix('c')
                .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|d| d.parse::<usize>().ok())
        };
        Some(
            c.keys
                .keys()
                .map(|k| match concept(k) {
                    // the concept, or a word that is literally "c12"
                    Some(i) => {
                        let mut alts = vec![k.clone()];
                        alts.extend(
                            self.lex
                                .concept_fragments
                                .get(i)
                                .into_iter()
                                .flatten()
                                .cloned(),
                        );
                        alts
                    }
                    None => vec![fragment(k)],
                })
                .collect(),
        )
    }

    /// Analyse source sentences once, to judge several claims against them with
    /// [`LexicalJudge::assess_prepared`].
    pub fn prepare(&self, sources: &[SourceSentence]) -> Prepared {
        Prepared(sources.iter().map(|s| self.analyse(s.text)).collect())
    }

    /// [`LexicalJudge::assess`] against sentences analysed by [`LexicalJudge::prepare`]
    /// (the same `sources`): the same result without analysing them again.
    pub fn assess_prepared(
        &self,
        claim: &str,
        sources: &[SourceSentence],
        prepared: &Prepared,
    ) -> Option<Assessment> {
        let c = self.analyse(claim);
        if c.keys.is_empty() {
            return None;
        }
        let st = self.statement(claim)?;
        self.assess_analysed(&c, &st, sources, &prepared.0)
    }

    fn assess_analysed(
        &self,
        c: &Analysis,
        st: &StatementParts,
        sources: &[SourceSentence],
        sents: &[Rc<Analysis>],
    ) -> Option<Assessment> {
        let w = self.weights();

        // on-topic words that fill every sentence of a source tell little
        let mut df: HashMap<&str, usize> = HashMap::default();
        for s in sents {
            for k in c.keys.keys() {
                if has_key(s, k) {
                    *df.entry(k.as_str()).or_default() += 1;
                }
            }
        }
        let n = sents.len().max(1) as f32;
        let weight = |k: &str| 1.0 - 0.5 * (*df.get(k).unwrap_or(&0) as f32 / n);
        let total: f32 = c.keys.keys().map(|k| weight(k)).sum();

        // numbers anywhere in the same source
        let mut source_numbers: HashMap<usize, Vec<(f64, f64)>> = HashMap::default();
        for (s, a) in sources.iter().zip(sents) {
            source_numbers
                .entry(s.source)
                .or_default()
                .extend(a.numbers.iter().copied());
        }

        // coverage of the claim's concepts by each sentence
        let mut scored: Vec<(usize, f32, Vec<String>)> = Vec::new();
        for (idx, s) in sents.iter().enumerate() {
            let mut matched = Vec::new();
            let mut got = 0.0;
            for (k, shown) in &c.keys {
                if has_key(s, k) {
                    got += weight(k);
                    matched.push(shown.clone());
                }
            }
            matched.sort();
            let coverage = if total > 0.0 { got / total } else { 0.0 };
            scored.push((idx, coverage, matched));
        }
        // best first; earlier sentence on ties
        scored.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        // every content part of the statement must be in the sentence itself
        let (needs_benefit, parts) = st;
        // the roles of the parts missing from sentence `a`
        let missing = |a: &Analysis, same: &[&Analysis]| -> Vec<Role> {
            parts
                .iter()
                .filter(|(p, role)| {
                    let relation = &(*role == Role::Relation);
                    // direction words are compared as direction, not as content
                    let keys = || {
                        p.keys.keys().filter(|k| {
                            let one = [(*k).clone()];
                            !(p.directional.contains(*k) || *relation && p.valenced.contains(*k))
                                && self.lex.auxiliaries.longest_at(&one, 0).is_none()
                                && self.lex.hedge.longest_at(&one, 0).is_none()
                        })
                    };
                    let all: f32 = keys().map(|k| weight(k)).sum();
                    if all == 0.0 {
                        return false;
                    }
                    let held = |x: &Analysis| {
                        let got: f32 = keys().filter(|k| has_key(x, k)).map(|k| weight(k)).sum();
                        got > 0.0 && got >= w.part_coverage * all
                    };
                    !(held(a) || (*role == Role::Intervention && same.iter().any(|x| held(x))))
                })
                .map(|(_, role)| *role)
                .collect()
        };
        // a recommendation needs a reported benefit: a good outcome, or a bad one lowered
        let benefit = |a: &Analysis| a.good > a.bad || (a.down > a.up && a.bad > 0);
        let mut best: Option<Assessment> = None;
        for (idx, coverage, matched) in scored.iter().take(8).cloned() {
            if sents[idx].procedure {
                continue;
            }
            let src = sources[idx].source;
            // the sentence and its runners-up from the same source
            let context: Vec<&Analysis> = std::iter::once(&*sents[idx])
                .chain(
                    scored
                        .iter()
                        .filter(|(i, _, _)| *i != idx && sources[*i].source == src)
                        .take(w.context_sentences.max(1) - 1)
                        .map(|(i, _, _)| &*sents[*i]),
                )
                .collect();
            let mut d = self.disagree(c, &context, &source_numbers[&src]);
            let a = &*sents[idx];
            let same: Vec<&Analysis> = sources
                .iter()
                .zip(sents)
                .filter(|(x, _)| x.source == src)
                .map(|(_, a)| &**a)
                .collect();
            let gone = missing(a, &same);
            // a one-sentence source (a title, an article's own sentence) must hold every part
            let soft = same.len() > 1 && !gone.contains(&Role::Relation);
            d.part = (!gone.is_empty() && !soft) || (*needs_benefit && !benefit(a));
            d.content = !gone.is_empty() && soft;
            let found: f32 = c
                .keys
                .keys()
                .filter(|k| same.iter().any(|a| has_key(a, k)))
                .map(|k| weight(k))
                .sum();
            let source_coverage = if total > 0.0 { found / total } else { 0.0 };
            let mut score = coverage;
            for (on, p) in [
                (d.negation, w.negation_penalty),
                (d.direction, w.direction_penalty),
                (d.valence, w.valence_penalty),
                (d.number, w.number_penalty),
                (d.quantifier, w.quantifier_penalty),
                (d.antonym, w.antonym_penalty),
                (d.hedge, w.hedge_penalty),
                (d.uncertain, w.uncertainty_penalty),
                (d.part, 1.0),
                (d.content, w.part_penalty),
                (d.comparison, 1.0),
            ] {
                if on {
                    score -= p;
                }
            }
            let this = Assessment {
                source: src,
                sentence_index: idx,
                coverage,
                source_coverage,
                score,
                matched,
                disagreement: d,
            };
            if best.as_ref().is_none_or(|b| this.score > b.score) {
                best = Some(this);
            }
        }
        best
    }

    /// `ctx[0]` is the best-covering sentence, the rest its runners-up.
    fn disagree(
        &self,
        c: &Analysis,
        ctx: &[&Analysis],
        source_numbers: &[(f64, f64)],
    ) -> Disagreement {
        let s = ctx[0];
        // the source counts as negated only where a negation touches the claim's concepts
        let s_neg = c
            .keys
            .keys()
            .any(|k| has_key(s, k) && key_in(s.negated_keys.iter(), k))
            || s.absent;
        let sum = |f: fn(&Analysis) -> usize| ctx.iter().map(|a| f(a)).sum::<usize>();
        let sign = |up: usize, down: usize| (up as i32 - down as i32).signum();
        let cd = sign(c.up, c.down);
        let sd = sign(sum(|a| a.up), sum(|a| a.down));
        // and the direction of the best sentence's clause that names most of the claim
        // (every clause tied with it the same): opposite to the claim's, it contradicts
        // even when the sentence as a whole has words of both directions
        let held =
            |keys: &HashSet<String>| c.keys.keys().filter(|k| key_in(keys.iter(), k)).count();
        let most = s.clauses.iter().map(|x| held(&x.0)).max().unwrap_or(0);
        let clause_signs: HashSet<i32> = s
            .clauses
            .iter()
            .filter(|x| most > 0 && held(&x.0) == most)
            .map(|x| sign(x.1, x.2))
            .collect();
        let clause_opposite = clause_signs.len() == 1 && clause_signs.contains(&-cd) && cd != 0;
        let cv = sign(c.good, c.bad);
        let sv = sign(sum(|a| a.good), sum(|a| a.bad));
        let number = c
            .numbers
            .iter()
            .any(|x| !source_numbers.iter().any(|y| agree(*x, *y)));
        // the claim says "only" ("all", "most") and the sentence that reports it does not
        // (a neighbouring sentence's "most" quantifies something else), or the source
        // restricts ("only those supervised improved") what the claim says in general
        let quantifier = c
            .quantifier_groups
            .iter()
            .any(|g| !s.quantifier_groups.contains(g))
            || (s.restricted && !c.restricted);
        let in_ctx = |x: &str| ctx.iter().any(|a| a.stems.contains(x));
        let opposite = |x: &str, y: &str| in_ctx(y) && !c.stems.contains(y) && !in_ctx(x);
        let antonym = c.stems.iter().any(|x| {
            let listed = self
                .lex
                .antonyms
                .get(x)
                .is_some_and(|ys| ys.iter().any(|y| opposite(x, y)));
            // "ineffective" against "effective", "pregnant" against "nonpregnant"
            let prefixed = self.lex.negative_prefixes.iter().any(|p| {
                let base = x.strip_prefix(p.as_str()).filter(|b| b.len() >= 5);
                base.is_some_and(|b| opposite(x, b))
                    || (x.len() >= 5 && opposite(x, &format!("{p}{x}")))
            });
            listed || prefixed
        });
        // "X more than Y" against "Y more than X" (the same direction, the sides swapped)
        let swapped = match (&c.compared, &s.compared) {
            (Some((cb, ca)), Some((sb, sa))) => {
                let first = cb.iter().filter(|k| !ca.contains(*k));
                let second = ca.iter().filter(|k| !cb.contains(*k));
                let on = |set: &HashSet<String>, k: &String| key_in(set.iter(), k);
                first.clone().any(|k| on(sa, k) && !on(sb, k))
                    && second.clone().any(|k| on(sb, k) && !on(sa, k))
                    && cd == s.compared_sign
            }
            _ => false,
        };
        // "as likely as" against "more likely than", either way round: a claim of no
        // difference ("the same", "in line with") needs a sentence that reports none
        let unequal =
            (c.equal && !s.equal) || (s.equal && !c.equal && (c.compared.is_some() || cd != 0));
        // a key of the claim that the sentence moves the other way wherever it names it
        // ("can increase the likelihood of death" against "a decreased likelihood of death
        // despite higher superinfection rates")
        let local_opposite = c.local_dir.iter().any(|(k, cs)| {
            *cs != 0
                && s.local_dir
                    .iter()
                    .any(|(sk, ss)| *ss == -*cs && key_in(std::iter::once(sk), k))
        });
        Disagreement {
            comparison: swapped || unequal,
            negation: c.negated != s_neg,
            direction: (cd != 0 && sd != 0 && cd != sd) || clause_opposite || local_opposite,
            valence: cv != 0 && sv != 0 && cv != sv,
            number,
            quantifier,
            antonym,
            hedge: s.hedged && !c.hedged,
            uncertain: s.uncertain && !c.uncertain,
            part: false,
            content: false,
        }
    }
}

impl LexicalJudge<'_> {
    /// [`Judge::judge`] against sentences analysed by [`LexicalJudge::prepare`] (the same
    /// `sources`): the same verdict without analysing them again.
    pub fn judge_prepared(
        &self,
        claim: &str,
        sources: &[SourceSentence],
        prepared: &Prepared,
    ) -> Option<Verdict> {
        let w = self.weights();
        let a = self.assess_prepared(claim, sources, prepared)?;
        (a.coverage >= w.min_coverage && a.score >= w.threshold).then_some(Verdict {
            source: a.source,
            sentence_index: a.sentence_index,
            matched: a.matched,
            score: a.score,
        })
    }
}

impl Judge for LexicalJudge<'_> {
    fn judge(&self, claim: &str, sources: &[SourceSentence]) -> Option<Verdict> {
        let w = self.weights();
        let a = self.assess(claim, sources)?;
        (a.coverage >= w.min_coverage && a.score >= w.threshold).then_some(Verdict {
            source: a.source,
            sentence_index: a.sentence_index,
            matched: a.matched,
            score: a.score,
        })
    }
}

fn has_key(a: &Analysis, k: &str) -> bool {
    a.keys.contains_key(k) || a.indicated.contains(k) || key_in(a.keys.keys(), k)
}

fn key_in<'a>(mut keys: impl Iterator<Item = &'a String>, k: &str) -> bool {
    let concept = |x: &str| x.starts_with('c') && x[1..].chars().all(|c| c.is_ascii_digit());
    if concept(k) {
        return keys.any(|x| x == k);
    }
    // light fuzzy match: one stem is a prefix of the other, five letters at least
    keys.any(|x| {
        if x == k {
            return true;
        }
        let (short, long) = if x.len() < k.len() {
            (x.as_str(), k)
        } else {
            (k, x.as_str())
        };
        short.len() >= 5 && long.starts_with(short)
    })
}

fn close(x: f64, y: f64) -> bool {
    let m = x.abs().max(y.abs());
    (x - y).abs() <= 0.5_f64.max(0.05 * m)
}

/// A claim's number (or range) agrees with a source number (or range).
fn agree(c: (f64, f64), s: (f64, f64)) -> bool {
    let inside = |y: f64| (c.0 <= y && y <= c.1) || close(c.0, y) || close(c.1, y);
    inside(s.0) || inside(s.1) || (close(c.0, s.0) && close(c.1, s.1))
}

fn parse_num(w: &str) -> Option<f64> {
    let clean: String = w.chars().filter(|c| *c != ',').collect();
    clean.parse().ok()
}

fn number_value(w: &str) -> Option<(f64, f64)> {
    if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        // "10-20" is a range; "30-day", "60,000-year": the numeric part
        let mut parts = w.split('-');
        let lo = parse_num(parts.next()?)?;
        let hi = parts.next().and_then(parse_num).unwrap_or(lo);
        return Some((lo.min(hi), lo.max(hi)));
    }
    let v = match w {
        "two" | "twice" => 2.0,
        "three" | "thrice" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" | "dozen" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    };
    Some((v, v))
}

fn multiplier(w: &str) -> Option<f64> {
    match w {
        "hundred" => Some(100.0),
        "thousand" => Some(1e3),
        "million" | "millions" => Some(1e6),
        "billion" | "billions" => Some(1e9),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::evidence::{EvidenceLexicon, find_absence, stem};
    use crate::document::split::split_sentences;

    fn src(texts: &[&'static str]) -> Vec<SourceSentence<'static>> {
        texts
            .iter()
            .map(|t| SourceSentence { source: 0, text: t })
            .collect()
    }

    fn judged(claim: &str, texts: &[&'static str]) -> Option<Verdict> {
        LexicalJudge::new().judge(claim, &src(texts))
    }

    /// The rule end to end: absence statement, then the judge on the source text.
    fn contradicted(statement: &str, source: &'static str) -> bool {
        let a = find_absence(statement, EvidenceLexicon::builtin()).expect("absence found");
        let claim = a.claim_text(statement);
        let sents: Vec<SourceSentence> = split_sentences(source)
            .into_iter()
            .map(|r| SourceSentence {
                source: 0,
                text: &source[r],
            })
            .collect();
        LexicalJudge::new().judge(&claim, &sents).is_some()
    }

    const BACKGROUND: &str = "Skin tumours are treated in many ways.";

    #[test]
    fn required_fragments_pass_every_fully_covering_sentence() {
        let j = LexicalJudge::new();
        let passes = |claim: &str, sentence: &str| {
            let text = crate::checks::evidence::fragment_text(sentence);
            j.required_fragments(claim)
                .unwrap()
                .iter()
                .all(|alts| alts.iter().any(|f| text.contains(f.as_str())))
        };
        let claim = "cryotherapy increases the aggressiveness of melanoma";
        for s in [
            "Cryoablation promoted metastasis of melanoma in mice.",
            "CRYOSURGERY ENHANCED THE PROGRESSION OF MELANOMAS.",
            "Cryotherapies increased melanoma aggressiveness [2].",
        ] {
            let a = j.assess(claim, &src(&[s])).unwrap();
            assert!(a.coverage >= 0.999, "{s}: {a:?}");
            assert!(passes(claim, s), "{s}");
        }
        // no word of the melanoma concept: skipped without analysis
        let s = "Cryoablation promoted metastasis of sarcoma in mice.";
        assert!(j.assess(claim, &src(&[s])).unwrap().coverage < 0.999);
        assert!(!passes(claim, s));
        assert!(j.required_fragments("the of").is_none());
    }

    #[test]
    fn explicit_contradiction_through_synonyms_is_caught() {
        let v = judged(
            "cryotherapy increases melanoma aggressiveness",
            &[
                BACKGROUND,
                "Cryoablation promoted metastasis of melanoma in mice.",
            ],
        )
        .expect("contradiction caught");
        assert_eq!(v.sentence_index, 1);
        assert!(
            v.matched.iter().any(|m| m == "cryotherapy"),
            "{:?}",
            v.matched
        );
        assert!(
            v.matched.iter().any(|m| m == "aggressiveness"),
            "{:?}",
            v.matched
        );
    }

    #[test]
    fn every_trigger_form_is_contradicted_by_an_explicit_source() {
        let source = "We studied 40 mice with grafted tumours. Cryosurgery enhanced the metastatic spread of melanoma.";
        for s in [
            "There is no direct evidence to suggest that cryotherapy increases the aggressiveness of melanoma [1].",
            "There is no evidence that cryotherapy promotes melanoma progression [1].",
            "To date, there is no published evidence that cryotherapy increases melanoma metastasis [1].",
            "No studies have shown that cryotherapy increases melanoma aggressiveness [1].",
            "Cryotherapy has not been shown to increase the aggressiveness of melanoma [1].",
            "Evidence that cryotherapy increases melanoma metastasis is lacking [1].",
        ] {
            assert!(contradicted(s, source), "missed: {s}");
        }
    }

    #[test]
    fn negated_and_null_sources_do_not_assert() {
        let claim = "cryotherapy increases melanoma aggressiveness";
        for s in [
            "Cryotherapy did not increase the aggressiveness of melanoma.",
            "There was no significant difference in melanoma progression after cryotherapy.",
            "Cryoablation was not associated with melanoma metastasis.",
        ] {
            assert_eq!(judged(claim, &[BACKGROUND, s]), None, "source: {s}");
        }
    }

    #[test]
    fn hedged_source_is_weaker_support() {
        let j = LexicalJudge::new();
        let claim = "cryotherapy increases melanoma aggressiveness";
        let plain = j
            .assess(
                claim,
                &src(&["Cryotherapy increased melanoma aggressiveness."]),
            )
            .unwrap();
        let hedged = j
            .assess(
                claim,
                &src(&["Cryotherapy might increase melanoma aggressiveness."]),
            )
            .unwrap();
        assert!(hedged.disagreement.hedge && !plain.disagreement.hedge);
        assert!(hedged.score < plain.score);
    }

    #[test]
    fn number_mismatch_is_not_support() {
        let claim = "the vaccine prevented 90 percent of infections";
        assert!(
            judged(
                claim,
                &["The vaccine prevented 90% of infections in adults."]
            )
            .is_some()
        );
        assert!(
            judged(
                claim,
                &["The vaccine prevented ninety percent of infections."]
            )
            .is_some()
        );
        assert_eq!(
            judged(
                claim,
                &["The vaccine prevented 52% of infections in adults."]
            ),
            None
        );
        // a range holds a value inside it
        assert!(
            judged(
                "the attack rate in households was 10-20 percent",
                &["The household attack rate was 12·4% among contacts."]
            )
            .is_some()
        );
    }

    #[test]
    fn direction_mismatch_is_not_support() {
        let claim = "the drug increases blood pressure";
        assert!(judged(claim, &["The drug raised blood pressure in most users."]).is_some());
        assert_eq!(
            judged(claim, &["The drug lowered blood pressure in most users."]),
            None
        );
    }

    #[test]
    fn direction_is_read_in_the_clause_that_names_the_claim() {
        let claim = "the vaccine raises antibody levels in children";
        let j = LexicalJudge::new();
        let a = j
            .assess(
                claim,
                &src(&["The vaccine lowered antibody levels in children, whereas it raised them in adults."]),
            )
            .unwrap();
        assert!(a.disagreement.direction, "{a:?}");
        assert!(
            judged(
                claim,
                &["The vaccine raised antibody levels in children, whereas it lowered them in adults."]
            )
            .is_some()
        );
    }

    #[test]
    fn quantifier_and_antonym_mismatch_is_not_support() {
        assert_eq!(
            judged(
                "only older adults develop severe illness",
                &["Severe illness developed in older adults and in some children."]
            ),
            None
        );
        assert!(
            judged(
                "older adults develop severe illness",
                &["Severe illness developed in older adults and in some children."]
            )
            .is_some()
        );
        assert_eq!(
            judged(
                "the outbreak was driven by domestic transmission",
                &["The outbreak was driven by international transmission."]
            ),
            None
        );
        assert_eq!(
            judged(
                "the ointment was ineffective against the rash",
                &["The ointment was effective against the rash."]
            ),
            None
        );
    }

    #[test]
    fn negated_claim_needs_a_negated_source() {
        let claim = "cats cannot catch the virus";
        assert_eq!(
            judged(claim, &["Cats can catch the virus from owners."]),
            None
        );
        assert!(judged(claim, &["Cats could not catch the virus in our trials."]).is_some());
    }

    #[test]
    fn a_negation_after_the_relative_clause_is_the_main_verbs() {
        let j = LexicalJudge::new();
        // "who finish a marathon" is the subject's relative clause; "do not have" its verb
        let a = j.analyse_text("Runners who finish a marathon do not have high enzyme levels.");
        assert!(a.negated, "{:?}", a.negated_keys);
        // right after "who" the negation is the comparison group's
        let b = j.analyse_text("Enzyme levels were lower in runners who did not train.");
        assert!(!b.negated);
    }

    #[test]
    fn a_quantifier_must_be_in_the_reporting_sentence() {
        let claim = "ginger prevents seasickness in most passengers";
        // the neighbour's "most" quantifies the crossings, not the passengers
        assert_eq!(
            judged(
                claim,
                &[
                    "Ginger prevented seasickness in passengers on a ferry.",
                    "Most crossings took place in calm weather.",
                ]
            ),
            None
        );
        assert!(
            judged(
                claim,
                &["Ginger prevented seasickness in most passengers on a ferry."]
            )
            .is_some()
        );
    }

    #[test]
    fn a_part_missing_from_one_sentence_of_an_abstract_weakens_without_vetoing() {
        let j = LexicalJudge::new();
        let claim = "nightly melatonin shortens sleep latency in shift workers";
        let abstract_ = src(&[
            "We enrolled 120 shift workers and gave them melatonin or placebo.",
            "Nightly melatonin shortened sleep latency compared with placebo.",
        ]);
        let a = j.assess(claim, &abstract_).unwrap();
        assert!(a.disagreement.content && !a.disagreement.part, "{a:?}");
        assert!(j.judge(claim, &abstract_).is_some());
        // a one-sentence source must hold every part
        let title = src(&["Nightly melatonin shortens sleep latency."]);
        assert!(j.assess(claim, &title).unwrap().disagreement.part);
        assert!(j.judge(claim, &title).is_none());
    }

    #[test]
    fn a_direction_word_speaks_of_the_words_next_to_it() {
        let claim = "the antiviral can increase the hazard of death in ventilated patients";
        let j = LexicalJudge::new();
        // the sentence as a whole goes both ways; the hazard of death goes down
        let s = "The antiviral was associated with a 40% reduction in the hazard of death despite higher rates of infection.";
        let a = j.assess(claim, &src(&[s])).unwrap();
        assert!(a.disagreement.direction, "{a:?}");
        let b = j.analyse_text("a decreased likelihood of death despite higher rates of infection");
        let death = b.keys.iter().find(|(_, w)| *w == "die").unwrap().0;
        assert_eq!(b.local_dir.get(death), Some(&-1), "{:?}", b.local_dir);
        // mentions that disagree, or one with no direction word next to it, give none
        let c = j.analyse_text("less wheezing in children, more wheezing in adults");
        assert_eq!(
            c.local_dir.get(&stem("wheezing")),
            Some(&0),
            "{:?}",
            c.local_dir
        );
        let d = j.analyse_text("less wheezing in children; wheezing in adults");
        assert_eq!(
            d.local_dir.get(&stem("wheezing")),
            Some(&0),
            "{:?}",
            d.local_dir
        );
        assert!(
            judged(
                claim,
                &[
                    "We followed 212 ventilated patients at four hospitals.",
                    "The antiviral was associated with a higher hazard of death.",
                ]
            )
            .is_some()
        );
    }

    #[test]
    fn a_comparison_is_read_in_its_own_clause() {
        let j = LexicalJudge::new();
        let s = "Both masks reduced droplets, although paper masks were more effective than cotton masks.";
        let a = j.analyse_text(s);
        // the comparison's clause goes up, the sentence as a whole neither way
        assert_eq!(a.compared_sign, 1);
        assert_eq!(a.up, a.down);
        let (before, _) = a.compared.as_ref().unwrap();
        assert!(!before.contains(&stem("reduced")), "{before:?}");
        let claim = "cotton masks are more effective than paper masks";
        let v = j.assess(claim, &src(&[s])).unwrap();
        assert!(v.disagreement.comparison, "{v:?}");
        // the same comparison the same way round
        let same = "Both masks reduced droplets, although cotton masks were more effective than paper masks.";
        let v = j.assess(claim, &src(&[same])).unwrap();
        assert!(!v.disagreement.comparison, "{v:?}");
    }

    #[test]
    fn a_source_that_denies_evidence_reports_nothing() {
        let claim = "older adults develop severe asthma after a viral infection";
        let s = "Findings from this small series suggest that there is currently no evidence of lasting airway damage from the virus in older adults who develop severe asthma after the infection.";
        let j = LexicalJudge::new();
        assert!(j.analyse_text(s).absent);
        let a = j
            .assess(
                claim,
                &src(&["We reviewed the records of a regional clinic.", s]),
            )
            .unwrap();
        assert!(a.disagreement.negation, "{a:?}");
        assert!(
            !j.analyse_text("Older adults developed severe asthma after the infection.")
                .absent
        );
    }

    #[test]
    fn a_parenthesis_closes_no_clause() {
        let j = LexicalJudge::new();
        // "those without" is the comparison group, after a parenthesis as before one
        let a = j.analyse_text(
            "Deaths were 9 times higher among adults with kidney disease (18.2%) compared with those without kidney disease (2.0%).",
        );
        assert!(!a.negated);
        let b = j.analyse_text(
            "Deaths were 9 times higher among adults with kidney disease compared with those without kidney disease.",
        );
        assert!(!b.negated);
        // a comma still opens a clause: "compared with X, Y did not" is the main verb's
        let c = j.analyse_text("Compared with placebo, the drug did not lower deaths.");
        assert!(c.negated);
    }

    #[test]
    fn a_ratio_is_not_an_equality() {
        let j = LexicalJudge::new();
        assert!(
            !j.analyse_text("Smokers were twice as likely to be admitted.")
                .equal
        );
        assert!(
            !j.analyse_text("Smokers were three times as likely to be admitted.")
                .equal
        );
        assert!(
            j.analyse_text("Smokers were as likely to be admitted as non-smokers.")
                .equal
        );
    }

    #[test]
    fn a_degree_adverb_in_the_relation_asks_nothing_of_the_source() {
        let claim = "the rate of falls is much lower in yoga classes";
        let sources = [
            "We followed 500 older adults in community programmes.",
            "The rate of falls was lower in yoga classes than in walking groups.",
        ];
        let v = judged(claim, &sources);
        assert!(
            v.is_some(),
            "{:?}",
            LexicalJudge::new().assess(claim, &src(&sources))
        );
    }

    #[test]
    fn a_part_named_in_another_sentence_costs_nothing_beyond_coverage() {
        let j = LexicalJudge::new();
        let claim = "nightly melatonin shortens sleep latency in shift workers";
        let a = j
            .assess(
                claim,
                &src(&[
                    "We enrolled 120 shift workers and gave them melatonin or placebo.",
                    "Nightly melatonin shortened sleep latency compared with placebo.",
                ]),
            )
            .unwrap();
        assert!(a.disagreement.content, "{a:?}");
        assert!((a.score - a.coverage).abs() < 1e-6, "{a:?}");
    }

    #[test]
    fn off_topic_source_is_not_support() {
        assert_eq!(
            judged(
                "cryotherapy increases melanoma aggressiveness",
                &["Hand washing lowers the spread of influenza in schools."]
            ),
            None
        );
    }
}
