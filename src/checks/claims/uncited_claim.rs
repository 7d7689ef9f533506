//! # uncited-claim
//!
//! **What it catches:** a sentence that asserts something a reader would want sourced (a
//! statistic, a research finding, a causal or comparative claim, a generalisation) with no
//! citation in its scope. The message names the signals that made it a claim.
//!
//! **Why it matters:** unsourced claims are where errors and hallucinations hide, above all in
//! AI-drafted health content.
//!
//! **How a sentence is judged:** two opinions must agree.
//! 1. The lexicon (`rules/claims.toml`) reads it as a claim. Signals for: research reporting
//!    ("studies have shown"), numbers that state facts (30%, odds ratios, p-values, doses,
//!    survival figures), causal and comparative predicates ("reduces the risk of", "more
//!    effective than"), generalisations ("most patients", "first-line"). Signals against:
//!    questions, advice to the reader ("ask your doctor"), the writer's hedged opinion,
//!    first-person process talk, disclaimers, page chrome, definitions of terms.
//! 2. A model of how editors cite (`rules/claims-model.tsv`, a logistic regression over words
//!    and word pairs with numbers as classes and where the sentence stands,
//!    fitted on which sentences of NCI's PDQ summaries their editorial boards cited) gives it
//!    a probability of at least `threshold` (0.4). The model is calibrated to each article's
//!    own habit: in an article that cites nearly every sentence, the one left uncited is more
//!    likely an omission, so its log-odds rise until the expected number of cited sentences
//!    matches the article's (never lowered: an article that cites little is no evidence that
//!    its claims need no source). `citelint train` fits a team's own model (README).
//!
//! The message names the claim's signals in the sentence's own words ("states an effect
//! ('reduces'); gives a figure (35%)"); when no such signal stands out, it quotes what the
//! sentence asserts, its verb and the words completing it ("states a fact ('is poorly
//! understood')"), or, for a verb it does not know, the sentence's opening words ("states a
//! fact ('These models provide simple representations…')"). A sentence led by a short label
//! ("**Clinical Correlation:** Two patients improved…") is read from after its label: the
//! label names a topic, and its words are not what the sentence asserts.
//!
//! Not judged, because they are not prose claims: headings, table cells (also the rows of a
//! pipe table written without its `|---|` row), reference entries,
//! metadata lines ("Last updated: …"), the page's word on its own review ("this content is
//! pending human review", "All articles are reviewed by our clinical team": `review-pending`
//! reads them), header blocks of label lines (`**Project:** …`,
//! `**Author:** …`, `**Date:** …`, one per line), questions, figure and table captions and
//! cross-references ("Figure 2 shows…", "See Table 3"), a table's note (the paragraph under
//! it, in italics as a whole, labelled "Note:" or "Abbreviations:", or each paragraph under
//! it that opens with a footnote's mark, `[a]`, `<sup>b</sup>`, `†`), author, affiliation and
//! correspondence lines (a list of names marked `Name^1^`), a user's turns in a saved chat
//! (under `## You`, `**User:**`, `You said:` when the assistant's turns are labelled too:
//! `[transcripts]` in `rules/english.toml`), dates, times and log lines, bibliographic fragments ("2020;12(3):45"),
//! the document's account of its own work, in any document ("We found…", "Our results
//! suggest…", "This meta-analysis suggests…", "The aim of this study…", "…met our criteria",
//! "We recommend…"; also after a short label, "Clinical summary: This review…"), with the
//! past-tense sentences that follow it in its paragraph and attribute nothing to other work
//! ("The difference between study groups was not significant."); its account of its own
//! limits, the rest of the paragraph after "Our review has some caveats" or, in a manuscript,
//! "This study has several limitations." ("First, the nurses came from one hospital…") and
//! the list such a lead-in opens; in a manuscript, whole Methods and Results sections
//! (`[sections] manuscript-parts`, skipped only in a manuscript: elsewhere "Methods of
//! Nutrition Therapy" is a topic), and a statistics paper's "Data" and "Model" when it also
//! reports and discusses its results (`manuscript-data-parts`); a sentence in which the
//! writer reads the article's own figure or table ("According to Figure 1, we can see…",
//! Quarto's `@fig-x`); and in its Discussion and Conclusion a
//! sentence whose main clause is in the past tense and that attributes nothing to other work:
//! "The association was strongest in women", "Internal validation showed that…", or that is
//! hedged and points at the manuscript's own results, the authors' reading of them ("This
//! change suggests that…", "One explanation may be…"; not "Smoking may cause most lung
//! cancers", nor "It has been suggested…"); headings in
//! `[sections] manuscript` and `discussion`; a part's title may also be a paragraph of bold
//! words alone, `**Statistical Analysis**`, `**Results**`, as in a manuscript written without
//! headings: it names the paragraphs under it down to the next such title or heading, and two
//! different ones of `[sections] manuscript` mark a manuscript), sentences in administrative
//! sections (`[sections] skip` in `rules/claims.toml`: About This…, Changes to…, Latest
//! Updates…, Disclaimer, a page's teasers for its others, Read This Next, …) or in a paragraph led by such a label in bold (a structured
//! abstract's `**Methods**: …`; outside a manuscript only a part's whole name, not
//! `**Limitations of risk models:**`), in an R Markdown or Quarto analysis the paragraph right
//! under a chunk that runs (it reports what the chunk computed: "Data were extracted from 139
//! studies"; not under a `setup`, `include=FALSE` or `child=` chunk), a sentence whose value
//! the document computes inline (`` `r round(prev, 1)` ``, `` `{python} n` ``) and a data
//! dictionary's items (`` - `dose_mg`, `int`: the daily dose ``), and an assistant's talk about its own process, a sentence or a
//! whole reasoning paragraph (reported by `assistant-artifact`; the reasoning between
//! `<think>` tags does not count in the article's citing habit either). The patterns are
//! `[not-prose]` in `rules/claims.toml`.
//!
//! **Citation scope:** a citation covers its sentence (a marker right after the full stop
//! counts; so does a link that cites: numbered, `[2](https://…)` or `[Source 2](https://…)`,
//! the way AI answers and research reports cite; author and year, `[Lee et al., 2015](…)`; or
//! into a scholarly work (a DOI, PubMed, a trial registry, a journal's article page); a link, Markdown or HTML `<a href>`, that puts a
//! phrase of the claim itself on a page of another site, the way health pages cite ("…
//! pills [work by suppressing the brain's signals](https://…)", or names the kind of work,
//! "a [study](https://…) found…"; a name, a page title or "read more" is not one); authors
//! and year named in the sentence, `Morgan et al. (2025)` or `(Park et al., 2021)`, even
//! where no reference list resolves them (whether the work is listed is for the citation
//! rules); a link standing alone right after the full stop,
//! `… treatment. ([Friend et al., 2011](https://…))`, cites the sentence before it; so does a
//! link in parentheses, `… decline ([Neurology, 2021](https://…)).`, or into a quoted passage
//! of a page, `#:~:text=`; and a scholarly identifier in brackets, `(PMC9659594)`,
//! `(PMID: 31234567)`, `(doi:10.1000/xyz)`). A `Sources:` label followed by links, under the
//! paragraphs of an entry, sources those paragraphs back to the entry's heading; so does a
//! heading that links to its source (`### [Title](https://…)`, a digest's entry) for the text
//! under it, down to the next heading, when none of that text cites on its own; so does a
//! reference written as a paragraph of its own under the text it sources ("Maria Lopez
//! Garcia et al. Lancet Rheumatol. 2019 Mar 4.", "Source: Okafor N. Title. BMJ.
//! 2020;368:m112."), back to the heading or the previous such line; a source line with a
//! link right under a heading (`*Source: WHO - https://…*`, "Adapted from [the CDC
//! page](https://…)") sources the section it opens, down to the next heading of its level or
//! above, when none of that text cites on its own; a document that opens with its source
//! (a "Source Information" or "Original Source" section with the source's link, nothing but
//! the title before it: a summary of one guideline or paper) is sourced by it as a whole,
//! when none of its text cites on its own; and in a
//! document with no marker at all, each of two or more headed source lists ("### Sources"
//! closing every section of a knowledge base) sources its parent section. A sentence that continues a cited one in the same paragraph ("These findings…")
//! is covered by it, and so is one that says it again ("In other words, …", "That is, …")
//! without a figure of its own, or one that goes on about the work the cited sentence
//! introduced by its abbreviation ("…the Global Action Plan (GAP-BH) [4]. The GAP-BH
//! groups…"; not a gene or substance named in passing);
//! a sentence opening with an inference ("Therefore, …", "Thus, …") is the
//! writer's own conclusion and is not. A summary sentence ("In summary, …", "Overall, …")
//! restates what came before and is covered when any earlier sentence carries a citation;
//! so is a sentence of a section that sums up the article (`[sections] summary`:
//! "Conclusion", "Key Takeaways", …) once the body has cited, unless it gives a figure the
//! text before the section never gave (a new figure is a new claim).
//! A study is often described over several sentences with one citation, and that citation
//! covers the whole description. Forwards: after a cited sentence that reports a study ("In a
//! randomized trial of 500 women…[4]", or a citation closing a description that named one:
//! "A study followed 56 children. These children had no … .[4]"), the following sentences of
//! the paragraph written in the past tense ("Survival was 80% vs. 70%."; "did not have" and
//! "failed to improve" are past) are its results, up to the first sentence in the present
//! tense, the report of another study ("Another trial found…", "In a cohort of…"), the next
//! citation or the end of the paragraph; results listed as items under the study ("…[4]"
//! then "- Survival was 80%…", "- This study showed that…") continue it the same way. After a
//! remark of another kind, a past-tense sentence that takes the study up again ("Among those
//! who…", "In this group…", "…measured in the study, …") is again its result. A study
//! introduced without a citation ("A prospective study evaluated…") is sourced by the next
//! citation of its paragraph when no other study is introduced before it, with the
//! past-tense sentences between. A paragraph that goes on with the results after a
//! paragraph break, a table or its caption is still the study's when every sentence of it is
//! in the past tense and one takes the study up again ("This study also showed…", "…during
//! the trial"). Backwards: an uncited
//! sentence is covered by the citation of the next sentence in its paragraph when that
//! sentence points back to it with a definite noun phrase ("The trial…", "These patients…",
//! "In this cohort…", "This increase…"; a bare "It" or "This can…" is not enough); and a run
//! of past-tense sentences ending in a cited past-tense one is covered when one of them names
//! the study ("A trial enrolled 500 women. Median age was 54. Survival was 80% vs. 70%.[3]");
//! so is a statement whose next sentence gives a cited example of it ("For example, a trial
//! of 116 adults…[1]") or bears it out ("Indeed, …", "In particular, …", "Specifically,
//! …"). A general statement followed by a cited one on the same topic is
//! not covered otherwise: sharing words is not sourcing.
//! List items introduced by a cited lead-in ("…with these outcomes:[1]") are
//! covered when none of the items carries a citation of its own, and so is the paragraph
//! right after a cited lead-in paragraph ("…shows this:[7]" and then the figures). A cited
//! label on a line of its own sources what it heads when none of that cites on its own: a
//! paragraph that only attributes ("As per the EASL 2018 guidelines:", "According to
//! (Lee, 2020):"), the text under it down to the next heading; a label opening a paragraph
//! ("**As per KSN 2022 guidelines:**" and a recommendation a line), those lines and the list
//! right after them. A
//! paragraph or a list item whose only citation closes it ("…. …. ….[3]") was sourced as a
//! whole: the citation covers every sentence of it. So are one to three uncited sentences
//! between two citations of the same source in one paragraph ("… surgery.[3] Most recovered
//! within weeks. … rehabilitation.[3]"): the writer is still drawing on that source; not an
//! inference or a contrast ("Therefore, …", "As a result, …", "In contrast, …"), the
//! writer's own turn, nor the report of another study ("A 2019 cohort found…"). A paragraph
//! with no citation at all is judged sentence by sentence.
//!
//! **Example:** in an article that cites its other sentences, `About 40% of adults over seventy
//! have low vitamin D levels by the end of winter.` reports "Gives a figure (40% of adults)
//! without a citation".
//!
//! **Options:** `threshold` (probability from 0 to 1, default the model's own, 0.4: lower
//! flags more; 0 lets the lexicon decide alone), `model` (a file written by `citelint train`,
//! relative to `citelint.toml`; default the built-in model), `scope` (`sentence` (default) or
//! `paragraph`: any citation in a paragraph covers all of it).

use super::engine as claims;
use super::model::Shape;
use crate::checks::content::assistant_artifact as assistant;
use crate::checks::{Context, Lexicon, Reads, Rule, RuleOption, parse_options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{BlockKind, CiteSyntax, Document, Role};

pub static RULE: Rule = Rule {
    id: "uncited-claim",
    family: "claims",
    summary: "a sentence asserting a check-worthy claim has no citation in its scope",
    source: include_str!("uncited_claim.rs"),
    default_severity: Severity::Warning,
    reads: Reads {
        text: false,
        sentences: true,
        metadata: true,
        references: false,
        lexicons: &[Lexicon::Claims, Lexicon::Assistant],
    },
    parse_options: parse_options::<Options>,
    options: &[
        RuleOption {
            name: "threshold",
            kind: "number",
            help: "probability at or above which an uncited sentence is reported (default: the model's own)",
        },
        RuleOption {
            name: "model",
            kind: "path",
            help: "a model file written by `citelint train`, relative to citelint.toml (default: the built-in model)",
        },
        RuleOption {
            name: "scope",
            kind: "\"sentence\" | \"paragraph\"",
            help: "what one citation covers (default sentence)",
        },
    ],
    check,
};

/// `[rules.uncited-claim]`. (`model` is read by the config loader, which resolves it against
/// the config file's folder and loads it into the run's lexicons.)
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    threshold: Option<Probability>,
    scope: Option<Scope>,
    #[allow(dead_code)]
    model: Option<String>,
}

/// A number from 0 to 1.
#[derive(Clone, Copy, Debug, serde::Deserialize)]
#[serde(try_from = "f64")]
struct Probability(f32);

impl TryFrom<f64> for Probability {
    type Error = String;
    fn try_from(v: f64) -> Result<Self, String> {
        if (0.0..=1.0).contains(&v) {
            Ok(Probability(v as f32))
        } else {
            Err(format!("threshold {v} is not a probability (0 to 1)"))
        }
    }
}

/// What one citation covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
enum Scope {
    Sentence,
    Paragraph,
}

/// A sentence the rule judges: its index in `doc.sentences`, whether a citation in its scope
/// covers it, and where it stands.
#[derive(Clone, Debug)]
pub struct Judged {
    pub index: usize,
    /// The sentence carries a citation of its own.
    pub cited: bool,
    /// A citation in its scope covers it (its own, or one the scope rules extend to it).
    pub covered: bool,
    pub shape: Shape,
    /// The lexicon's reading of it.
    pub score: claims::ClaimScore,
    /// Where its claim starts in its text: after a short label that names its topic
    /// ("**Clinical Correlation:** The authors cited…"), whose words are not what it asserts.
    pub claim_start: usize,
}

impl Judged {
    /// The part of the sentence's text that is judged: all of it, or what follows its label.
    pub fn claim<'a>(&self, doc: &'a Document) -> &'a str {
        &doc.sentence_text(&doc.sentences[self.index])[self.claim_start..]
    }
}

/// The sentences `uncited-claim` judges, in order: prose that is not a heading, a table
/// cell, a question, a caption or cross-reference, an author or affiliation line, a log
/// line, a bibliographic fragment, a manuscript's account of its own work, page metadata
/// or an administrative section; each with
/// whether a citation covers it. The trainer reads the same sentences.
pub fn judged(
    doc: &Document,
    lexicons: &crate::checks::packs::Lexicons,
    paragraph_scope: bool,
) -> Vec<Judged> {
    let lex = lexicons.claims();
    let n = doc.sentences.len();
    // a sentence's own citation: a marker, or a link or identifier naming its source
    let cites: Vec<bool> = doc
        .sentences
        .iter()
        .map(|s| !s.citations.is_empty() || s.names_source)
        .collect();
    let mut covered = vec![false; n];
    // which blocks carry any citation
    let mut block_cited = vec![false; doc.blocks.len()];
    for (s, &c) in doc.sentences.iter().zip(&cites) {
        if c {
            block_cited[s.block] = true;
        }
    }
    let mut cited_before = false;
    // a covered sentence that reports a study, or continues such a report
    let mut in_study = vec![false; n];
    // the sentences that open the report of another study ("Another trial enrolled…")
    let mut intro = vec![false; n];
    // the last citation of the paragraph (or of the item the list continues) reported a study
    let mut open_study = false;
    for i in 0..n {
        let s = &doc.sentences[i];
        let text = doc.sentence_text(s);
        let same_as_prev = i > 0 && doc.sentences[i - 1].block == s.block;
        // the results of a study are often listed as items under it ("…[24]" then "- OS was
        // longer…"): a list item continues the block right before it
        let item_after_prev = i > 0
            && doc.blocks[s.block].kind == BlockKind::ListItem
            && doc.sentences[i - 1].block + 1 == s.block;
        let another_study = claims::introduces_study(text);
        intro[i] = another_study;
        if !(same_as_prev || item_after_prev) || another_study {
            open_study = false;
        }
        if cites[i] || (paragraph_scope && block_cited[s.block]) {
            covered[i] = true;
            cited_before = true;
            // a citation closing a study's description reports that study even when its own
            // sentence does not name it ("A study followed 56 children. These patients had
            // no … .[36]")
            in_study[i] = claims::reports_study(text)
                || ((claims::reports_past(text) || claims::refers_back_to_study(text))
                    && names_study_before(doc, &cites, i));
            open_study = in_study[i];
            continue;
        }
        // (a restatement that gives a figure the sentence before it did not is a new claim)
        let restates = || {
            claims::restates_previous(text) && {
                let prev = doc.sentence_text(&doc.sentences[i - 1]);
                figures(text).all(|f| has_figure(prev, f))
            }
        };
        // "The GAP-BH groups…" after the cited sentence that introduced it ("…(GAP-BH) [4]")
        let names_cited = || {
            cites[i - 1]
                && claims::definite_abbreviation(text)
                    .is_some_and(|a| introduces(&doc.text[doc.sentences[i - 1].span.clone()], a))
        };
        if same_as_prev
            && covered[i - 1]
            && (claims::continues_previous(text) || restates() || names_cited())
        {
            covered[i] = true;
            in_study[i] = in_study[i - 1] || claims::reports_study(text);
        }
        // results of a cited study reported in the sentences after it, up to the report of
        // another study
        if (same_as_prev || item_after_prev)
            && in_study[i - 1]
            && claims::reports_past(text)
            && !another_study
        {
            covered[i] = true;
            in_study[i] = true;
        }
        // the cited study taken up again after a remark of another kind, or in an item under
        // it: "Among those who did not …, 0.7% had …", "- This study demonstrated that …"
        if !covered[i]
            && open_study
            && claims::resumes_study(text)
            && (claims::reports_past(text) || (item_after_prev && in_study[i - 1]))
        {
            covered[i] = true;
            in_study[i] = true;
        }
        if cited_before && claims::summarises_previous(text) {
            covered[i] = true;
        }
    }
    // a paragraph that goes on with the results of the study cited at the end of the one
    // before, after a paragraph break or a table ("…(FUTURE I and II).[7]", a table, then
    // "This study also demonstrated… No cases were identified during the trial."): every
    // sentence in the past tense, none cited, one naming the study again
    let mut i = 0;
    while i < n {
        let b = doc.sentences[i].block;
        let j = (i..n).find(|&k| doc.sentences[k].block != b).unwrap_or(n);
        // the prose sentence before the paragraph, past tables and captions
        let before = || {
            (0..i).rev().find(|&k| {
                let kb = &doc.blocks[doc.sentences[k].block];
                kb.role == Role::Prose
                    && kb.kind != BlockKind::TableCell
                    && !is_caption(&doc.text[kb.span.clone()])
            })
        };
        let continues = doc.blocks[b].kind == BlockKind::Paragraph
            && (i..j).all(|k| {
                let t = doc.sentence_text(&doc.sentences[k]);
                !cites[k] && !intro[k] && claims::reports_past(t)
            })
            && (i..j).any(|k| claims::resumes_study(doc.sentence_text(&doc.sentences[k])))
            && before().is_some_and(|k| {
                in_study[k] && doc.blocks[doc.sentences[k].block].section == doc.blocks[b].section
            });
        if continues {
            for k in i..j {
                covered[k] = true;
                in_study[k] = true;
            }
        }
        i = j;
    }
    // backward: a sentence the next cited sentence of its paragraph continues
    let mut back = vec![false; n];
    for i in (0..n.saturating_sub(1)).rev() {
        let (s, t) = (&doc.sentences[i], &doc.sentences[i + 1]);
        let t_sourced = back[i + 1] || cites[i + 1];
        if covered[i] || s.block != t.block || !t_sourced {
            continue;
        }
        // "The trial…", "These patients…", "In this cohort…" after the sentence that named them;
        // "For example, a trial…" after the statement it is the evidence for, "Indeed, …" or
        // "In particular, …" after the one it bears out
        let t_text = doc.sentence_text(t);
        if claims::refers_back_to_study(t_text)
            || claims::gives_example(t_text)
            || claims::bears_out_previous(t_text)
        {
            covered[i] = true;
            back[i] = true;
        }
    }
    // backward: one study described over several past-tense sentences, cited at the end
    for k in 0..n {
        let t = &doc.sentences[k];
        let t_sourced = back[k] || cites[k];
        if !t_sourced || !claims::reports_past(doc.sentence_text(t)) {
            continue;
        }
        let mut j = k;
        while j > 0
            && !covered[j - 1]
            && doc.sentences[j - 1].block == t.block
            && claims::reports_past(doc.sentence_text(&doc.sentences[j - 1]))
        {
            j -= 1;
        }
        if j < k && (j..=k).any(|m| claims::reports_study(doc.sentence_text(&doc.sentences[m]))) {
            for flag in &mut covered[j..k] {
                *flag = true;
            }
        }
    }
    // backward: a study introduced without a citation ("A prospective study evaluated…") is
    // sourced by the next citation of its paragraph when no other study is introduced before
    // it; the past-tense and anaphoric sentences between are its description
    for i in 0..n {
        if covered[i] || !intro[i] {
            continue;
        }
        let b = doc.sentences[i].block;
        let k = (i + 1..n)
            .take_while(|&k| doc.sentences[k].block == b)
            .find(|&k| cites[k] || intro[k]);
        if let Some(k) = k.filter(|&k| cites[k] && !intro[k]) {
            covered[i] = true;
            for (flag, s) in covered[i + 1..k].iter_mut().zip(&doc.sentences[i + 1..k]) {
                let t = doc.sentence_text(s);
                if !*flag && (claims::reports_past(t) || claims::resumes_study(t)) {
                    *flag = true;
                }
            }
        }
    }
    // a paragraph closed by its only citation: the writer sourced the paragraph as a whole
    {
        let mut i = 0;
        while i < n {
            let b = doc.sentences[i].block;
            let mut j = i;
            while j < n && doc.sentences[j].block == b {
                j += 1;
            }
            let last = j - 1;
            if j - i >= 2
                && matches!(
                    doc.blocks[b].kind,
                    BlockKind::Paragraph | BlockKind::Quote | BlockKind::ListItem
                )
                && cites[last]
                && !cites[i..last].iter().any(|&c| c)
            {
                for flag in &mut covered[i..last] {
                    *flag = true;
                }
            }
            i = j;
        }
    }
    // a few uncited sentences between two citations of the same source in one paragraph
    // ("… surgery.[3] Most recovered within weeks. … rehabilitation.[3]"): the writer is
    // still drawing on that source; not an inference or a contrast ("Therefore, …", "In
    // contrast, …"), the writer's own turn, nor the report of another study
    for (p, q) in sandwiches(doc, &cites) {
        for k in p + 1..q {
            covered[k] |= !intro[k] && !claims::turns(doc.sentence_text(&doc.sentences[k]));
        }
    }
    // a cited label on a line of its own ("**As per the EASL 2018 guidelines:**", "According
    // to the ADA 2024 standards:") sources what it heads, when none of that cites on its own:
    // a paragraph that is only an attribution ("As per…", "According to…"), the text under
    // it down to the next heading (a lead-in such as "…include the following:[1]" sources
    // only its list, above); a label opening a paragraph (then a recommendation a line), the
    // lines under it and the list right after it
    // (each paragraph once, at its first sentence)
    for i in 0..n {
        let b = doc.sentences[i].block;
        let block = &doc.blocks[b];
        if (i > 0 && doc.sentences[i - 1].block == b)
            || block.kind != BlockKind::Paragraph
            || block.role != Role::Prose
            || doc.sentences[i].citations.is_empty()
        {
            continue;
        }
        let src = &doc.text[block.span.clone()];
        let Some(eol) = src.find('\n') else {
            let alone = doc.sentences.get(i + 1).is_none_or(|s| s.block != b);
            if alone && attribution_label(doc.sentence_text(&doc.sentences[i])) {
                let to = doc.blocks[b + 1..]
                    .iter()
                    .position(|x| matches!(x.kind, BlockKind::Heading(_)))
                    .map_or(doc.blocks.len(), |k| b + 1 + k);
                cover_uncited_entry(doc, &cites, &mut covered, b + 1..to, n);
            }
            continue;
        };
        let label = src[..eol].trim_end().trim_end_matches(['*', '_']);
        let cited_label = label.ends_with(':')
            && doc.sentences[i]
                .citations
                .iter()
                .any(|&c| doc.citations[c].span.start < block.span.start + eol);
        if !cited_label {
            continue;
        }
        // its own sentences, then those of the list items right after it
        let (mut to, mut last) = (i + 1, b);
        while to < n {
            let k = doc.sentences[to].block;
            if k != last
                && !doc.blocks[last + 1..=k]
                    .iter()
                    .all(|x| x.kind == BlockKind::ListItem)
            {
                break;
            }
            (to, last) = (to + 1, k);
        }
        if !cites[i + 1..to].iter().any(|&c| c) {
            for flag in &mut covered[i + 1..to] {
                *flag = true;
            }
        }
    }
    // a source list under an entry ("Sources:" and links) sources the paragraphs above it,
    // back to the entry's heading or the previous such list, when none of them cites on its
    // own (an entry that cites sentence by sentence keeps that scope)
    for b in source_list_labels(doc) {
        let from = entry_start(doc, b);
        cover_uncited_entry(doc, &cites, &mut covered, from..b, n);
        // the list's items are the sources themselves ("* Barakat et al., *Strength &
        // Conditioning Journal* (2020) – Review of…"), not claims
        let end = doc.blocks[b + 1..]
            .iter()
            .position(|x| x.kind != BlockKind::ListItem)
            .map_or(doc.blocks.len(), |k| b + 1 + k);
        let first = doc.sentences.partition_point(|s| s.block <= b);
        let last = doc.sentences.partition_point(|s| s.block < end).max(first);
        for flag in &mut covered[first..last] {
            *flag = true;
        }
    }
    // a source line right under a heading ("*Source: WHO - https://…*", "Adapted from
    // [the CDC page](https://…)") sources the section it opens, down to the next heading of
    // its level or above, when none of that text cites on its own
    for b in 1..doc.blocks.len() {
        let (BlockKind::Heading(level), BlockKind::Paragraph) =
            (doc.blocks[b - 1].kind, doc.blocks[b].kind)
        else {
            continue;
        };
        let src = &doc.text[doc.blocks[b].span.clone()];
        let line = src[..src.find('\n').unwrap_or(src.len())]
            .trim_start_matches(['*', '_', ' '])
            .to_ascii_lowercase();
        let opens = [
            "source:",
            "sources:",
            "source -",
            "adapted from ",
            "data from ",
        ]
        .iter()
        .any(|p| line.starts_with(p));
        if !opens || !line.contains("http") {
            continue;
        }
        let to = doc.blocks[b + 1..]
            .iter()
            .position(|x| matches!(x.kind, BlockKind::Heading(l) if l <= level))
            .map_or(doc.blocks.len(), |k| b + 1 + k);
        cover_uncited_entry(doc, &cites, &mut covered, b + 1..to, n);
    }
    // a document that opens with its source ("## Source Information" and the source's link
    // right under the title: a summary of one guideline or paper) is sourced by it as a
    // whole, when none of its text cites on its own
    if let Some(from) = opening_source(doc, lex) {
        cover_uncited_entry(doc, &cites, &mut covered, from..doc.blocks.len(), n);
    }
    // lists that source their sections by where they stand (a "### Sources" closing each
    // section of a document with no marker): each sources the section it closes, from its
    // parent heading down, when none of that text cites on its own
    for l in crate::document::references::placed_lists(doc) {
        let Some(h) = doc.lists[l].heading.as_ref().map(|r| r.start) else {
            continue;
        };
        let Some(b) = doc.blocks.iter().position(|x| x.span.start == h) else {
            continue;
        };
        let parent = doc.blocks[b]
            .section
            .and_then(|s| doc.sections[s].parent)
            .map(|p| doc.sections[p].heading.start);
        let from = parent
            .and_then(|p| doc.blocks.iter().position(|x| x.span.start == p))
            .map_or(0, |k| k + 1);
        cover_uncited_entry(doc, &cites, &mut covered, from..b, n);
    }
    // a reference written as a paragraph of its own under a study's summary ("Seon Ha Baek
    // et al. JAMA Intern Med. 2021 Jan 1.") sources the text above it, back to the heading
    // or the previous source line, when none of that text cites on its own
    for (b, block) in doc.blocks.iter().enumerate() {
        if block.role == Role::SourceLine {
            cover_uncited_entry(doc, &cites, &mut covered, entry_start(doc, b)..b, n);
        }
    }
    // a line that only names the source, `(Source: [WHO](https://…))`, closing the text of
    // a section sources that text back to the heading, when none of it cites on its own
    for (i, sent) in doc.sentences.iter().enumerate() {
        let t = doc.sentence_text(sent).trim_start_matches(['(', ' ']);
        let labelled = t.get(..8).is_some_and(|h| {
            h.eq_ignore_ascii_case("source: ") || h.eq_ignore_ascii_case("sources:")
        });
        if !labelled || !cites[i] {
            continue;
        }
        let from = entry_start(doc, sent.block + 1);
        cover_uncited_entry(doc, &cites, &mut covered, from..sent.block + 1, i);
    }
    // a heading that links to its source (`### [Global survey of sleep](https://…)`, a
    // digest's entry) sources the text under it, down to the next heading, when none of that
    // text cites on its own
    for (h, block) in doc.blocks.iter().enumerate() {
        // (not a page's title linking to its site)
        if !matches!(block.kind, BlockKind::Heading(2..))
            || !links_out(&doc.text[block.span.clone()])
        {
            continue;
        }
        let to = doc.blocks[h + 1..]
            .iter()
            .position(|b| matches!(b.kind, BlockKind::Heading(_)))
            .map_or(doc.blocks.len(), |k| h + 1 + k);
        cover_uncited_entry(doc, &cites, &mut covered, h + 1..to, n);
    }
    // a lead-in ending in a colon and the list after it: a list that cites item by item
    // ("When EEG is unavailable, studies suggest:" and every item with its citation) sources
    // its lead-in; a cited lead-in sources a list none of whose items cites
    let mut lead_in_covers = vec![false; doc.blocks.len()];
    for items in list_runs(doc) {
        let Some(li) = lead_in(doc, items.start) else {
            continue;
        };
        // the items at the list's own depth (a nested item belongs to the one above)
        let depth = doc.blocks[items.start].depth;
        let each_cites = items
            .clone()
            .all(|k| doc.blocks[k].depth != depth || block_cited[k]);
        if each_cites && doc.blocks[items.start - 1].kind == BlockKind::Paragraph {
            covered[li] = true;
        } else if covered[li] && !items.clone().any(|k| block_cited[k]) {
            for flag in &mut lead_in_covers[items] {
                *flag = true;
            }
        }
    }
    // the same for a paragraph: "The trial's age-stratified analysis shows this:[7]" and
    // then the figures, in the next prose block (an HTML comment or a chart between them
    // is not prose), when that paragraph cites nothing itself
    for b in 1..doc.blocks.len() {
        if doc.blocks[b].kind != BlockKind::Paragraph
            || doc.blocks[b].role != Role::Prose
            || block_cited[b]
        {
            continue;
        }
        let Some(lead) = (0..b).rev().find(|&k| doc.blocks[k].role == Role::Prose) else {
            continue;
        };
        if doc.blocks[lead].kind != BlockKind::Paragraph {
            continue;
        }
        if let Some(li) = doc.sentences.iter().rposition(|s| s.block == lead)
            && covered[li]
            && doc
                .sentence_text(&doc.sentences[li])
                .trim_end()
                .ends_with(':')
        {
            lead_in_covers[b] = true;
        }
    }
    // a manuscript written without headings sets its parts' names as bold paragraphs
    // ("**Statistical Analysis**", "**Results**"): each names the paragraphs under it, down
    // to the next such title or heading
    let mut part_titles: Vec<Option<&str>> = Vec::with_capacity(doc.blocks.len());
    let mut current: Option<(&str, Option<usize>)> = None;
    for b in &doc.blocks {
        let title = (b.kind == BlockKind::Paragraph)
            .then(|| bold_title(&doc.text[b.span.clone()]))
            .flatten();
        if let Some(t) = title {
            current = Some((t, b.section));
        } else if matches!(b.kind, BlockKind::Heading(_))
            || current.is_some_and(|(_, sec)| sec != b.section)
        {
            current = None;
        }
        part_titles.push(current.map(|(t, _)| t).filter(|_| title.is_none()));
    }
    let manuscript = doc
        .own_sections()
        .any(|sec| lex.marks_manuscript(&sec.title))
        || two_parts(lex, part_titles.iter().flatten().copied())
        // a part of a manuscript its main file assembles ("05-conclusion.qmd" of a paper
        // with Methods and Results parts)
        || doc
            .parent
            .as_ref()
            .is_some_and(|p| two_parts(lex, p.headings.iter().map(String::as_str)));
    // administrative sections ("About This Summary", "Changes to This Summary"), and a
    // research manuscript's account of its own work ("Methods", "Results")
    // (the document's title, a first heading of level 1 longer than a section's name, names
    // its topic: "Open Questions About Long COVID in Children" is not an agenda section)
    // ("Data" and "Model" only in a manuscript that reports and discusses its results: a
    // health page's "## Data" after a "## Findings" is its content)
    let reports_and_discusses =
        manuscript && crate::checks::metadata::reports_its_own_work(doc, lex);
    let skipped: Vec<bool> = doc
        .sections
        .iter()
        .enumerate()
        .map(|(k, sec)| {
            let title = k == 0 && sec.level == 1 && sec.title.split_whitespace().count() > 4;
            !title
                && (lex.skips_section(&sec.title)
                    || (manuscript && lex.skips_manuscript_part(&sec.title))
                    || (reports_and_discusses && lex.skips_data_part(&sec.title)))
        })
        .collect();
    let in_skipped = |sec: Option<usize>| under_flagged(doc, &skipped, sec);
    // a research manuscript's discussion restates its own findings ("The association was
    // strongest in women"): a past-tense sentence that attributes nothing to other work
    let discussing: Vec<bool> = doc
        .sections
        .iter()
        .map(|sec| manuscript && lex.discusses_findings(&sec.title))
        .collect();
    let in_discussion = |sec: Option<usize>| under_flagged(doc, &discussing, sec);
    // a section that sums up the article ("Conclusion", "Key Takeaways") restates what the
    // body sourced, once the body has cited something before it; a figure the body never
    // gave is a new claim there
    let summing: Vec<bool> = doc
        .sections
        .iter()
        .map(|sec| lex.sums_up(&sec.title))
        .collect();
    if let Some(first) = cites.iter().position(|&c| c) {
        for (i, s) in doc.sentences.iter().enumerate().skip(first + 1) {
            let Some(sec) = doc.blocks[s.block].section else {
                continue;
            };
            if !under_flagged(doc, &summing, Some(sec)) {
                continue;
            }
            let body = &doc.text[..doc.sections[sec].heading.start];
            if figures(doc.sentence_text(s)).all(|f| has_figure(body, f)) {
                covered[i] = true;
            }
        }
    }
    // a paragraph led by a bold label is a part of a structured abstract or a section
    // written without a heading ("**Methods**: …"); skipped as that section would be (a
    // quoted abstract's "**Results**:" in any document)
    let labelled_skip: Vec<bool> = doc
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let src = &doc.text[b.span.clone()];
            // (a manuscript's own part by its heading's rule; elsewhere only a part's whole
            // name, "**Results**:", not a topic opening with one)
            bold_label(src).is_some_and(|l| {
                lex.skips_section(l)
                    || if manuscript {
                        lex.skips_manuscript_part(l)
                    } else {
                        lex.names_manuscript_part(l)
                    }
            }) || part_titles[i].is_some_and(|l| {
                lex.skips_section(l) || (manuscript && lex.skips_manuscript_part(l))
            }) || is_caption(src)
                || label_lines(doc, b)
                || table_note(doc, i)
                // an analysis document's own results, reported under the chunk that
                // computed them, and its data dictionary
                || b.kind == BlockKind::Paragraph && doc.follows_chunk(b)
                || b.kind == BlockKind::ListItem && defines_code_term(src)
        })
        .collect();
    let mut out = Vec::new();
    // the last sentence was the document's own voice ("This meta-analysis suggests…", "Our
    // results show…"), and the index of its block
    let mut own_voice: Option<usize> = None;
    // the block of a sentence announcing the document's own limits, and the last list item
    // it leads into
    let (mut own_limits, mut own_limits_to): (Option<usize>, Option<usize>) = (None, None);
    for (i, s) in doc.sentences.iter().enumerate() {
        let block = &doc.blocks[s.block];
        let own_before = own_voice.take() == Some(s.block);
        if in_skipped(block.section)
            || labelled_skip[s.block]
            || block.role != Role::Prose
            || matches!(block.kind, BlockKind::Heading(_) | BlockKind::TableCell)
            || states_metadata(doc, &s.span)
            || states_review(doc.sentence_text(s))
            || author_list(&doc.text[s.span.clone()])
            || flattened_table(doc.sentence_text(s))
            || computes_inline(doc, &s.span)
            // an assistant's reasoning between `<think>` tags is not the article's text
            // (assistant-artifact reports it), nor is it counted in the article's citing habit;
            // a tag never closed (a mention of `<think>` in prose, a cut trace) hides nothing
            || doc
                .traces
                .iter()
                .any(|t| t.end < doc.text.len() && t.contains(&s.span.start))
        {
            continue;
        }
        let text = doc.sentence_text(s);
        // the document's account of its own limits: the rest of the paragraph that announces
        // them, and the list it leads into (a cited sentence there is still judged)
        if !cites[i] && own_limits.is_some_and(|b| b == s.block) {
            continue;
        }
        if claims::announces_own_limits(text, manuscript) {
            let mut last = s.block;
            if text.trim_end().ends_with(':') {
                while doc
                    .blocks
                    .get(last + 1)
                    .is_some_and(|x| x.kind == BlockKind::ListItem)
                {
                    last += 1;
                }
            }
            own_limits_to = Some(last);
            own_limits = Some(s.block);
            if !cites[i] {
                continue;
            }
        }
        if !cites[i]
            && own_limits_to.is_some_and(|to| s.block > own_limits.unwrap_or(to) && s.block <= to)
        {
            continue;
        }
        if lex.not_prose(text) {
            if claims::speaks_of_itself(text) {
                own_voice = Some(s.block);
            }
            continue;
        }
        // a past-tense sentence that attributes nothing to other work restates the
        // document's own findings in its discussion, or right after the document spoke of
        // itself in the same paragraph ("This meta-analysis suggests… The difference was
        // not significant."); in a manuscript's discussion, a hedged sentence about its own
        // results is the authors' reading of them ("This change suggests that…")
        let discussing = manuscript
            && (in_discussion(block.section)
                || part_titles[s.block].is_some_and(|t| lex.discusses_findings(t)));
        if !cites[i]
            && ((discussing || own_before) && claims::restates_own_finding(text)
                || discussing && claims::interprets_own_finding(text))
        {
            if own_before {
                own_voice = Some(s.block);
            }
            continue;
        }
        let first = i == 0 || doc.sentences[i - 1].block != s.block;
        let last = i + 1 == n || doc.sentences[i + 1].block != s.block;
        let claim = claims::after_label(text).unwrap_or(text);
        let claim_start = text.len() - claim.len();
        let score = claims::score_sentence(claim, lex);
        out.push(Judged {
            index: i,
            cited: cites[i],
            covered: covered[i] || lead_in_covers[s.block],
            shape: Shape {
                list_item: block.kind == BlockKind::ListItem,
                quote: block.kind == BlockKind::Quote,
                first,
                last,
                signals: claims::model_kinds(claim, &score),
            },
            score,
            claim_start,
        });
    }
    out
}

/// Where a document that opens with its source starts its text, that section's lines
/// included (they name the source, they are no claims): a section of `[sections] source`
/// ("Source Information", "Original Source", …; nothing but headings before it) whose text
/// links to the source. `None` otherwise.
fn opening_source(doc: &Document, lex: &claims::ClaimLexicon) -> Option<usize> {
    let h = doc
        .blocks
        .iter()
        .position(|b| !matches!(b.kind, BlockKind::Heading(_)))?
        .checked_sub(1)?;
    let sec = doc.blocks[h].section?;
    if doc.sections[sec].heading.start != doc.blocks[h].span.start
        || !lex.names_source(&doc.sections[sec].title)
    {
        return None;
    }
    let end = doc.blocks[h + 1..]
        .iter()
        .position(|b| matches!(b.kind, BlockKind::Heading(_)))
        .map_or(doc.blocks.len(), |k| h + 1 + k);
    doc.blocks[h + 1..end]
        .iter()
        .any(|b| doc.text[b.span.clone()].contains("http"))
        .then_some(h + 1)
}

/// Whether `hay` introduces the abbreviation `abbr` the way a name is introduced: in
/// parentheses or brackets after its expansion, "(GAP-BH)", "(BCAC; …)", "[KM-GBF, @key]".
/// A gene or a substance named in passing ("…a BRCA1 variant…") is not introduced.
fn introduces(hay: &str, abbr: &str) -> bool {
    hay.match_indices(abbr).any(|(k, _)| {
        hay[..k].ends_with(['(', '[']) && hay[k + abbr.len()..].starts_with([')', ']', ',', ';'])
    })
}

/// Pairs of cited sentences `(p, q)` of one paragraph, list item or quotation with one to
/// three uncited sentences between them, whose markers name a reference in common.
fn sandwiches(doc: &Document, cites: &[bool]) -> Vec<(usize, usize)> {
    const MOST_BETWEEN: usize = 3;
    let keys = |i: usize| {
        doc.sentences[i]
            .citations
            .iter()
            .flat_map(|&c| doc.citations[c].targets.iter().map(|t| &t.key))
    };
    let mut out = Vec::new();
    let mut last: Option<usize> = None;
    for q in (0..doc.sentences.len()).filter(|&q| cites[q]) {
        let b = doc.sentences[q].block;
        if let Some(p) = last.filter(|&p| doc.sentences[p].block == b)
            && (2..=MOST_BETWEEN + 1).contains(&(q - p))
            && matches!(
                doc.blocks[b].kind,
                BlockKind::Paragraph | BlockKind::Quote | BlockKind::ListItem
            )
            && keys(p).any(|k| keys(q).any(|l| l == k))
        {
            out.push((p, q));
        }
        last = Some(q);
    }
    out
}

/// The runs of consecutive list-item blocks, as block index ranges.
fn list_runs(doc: &Document) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut b = 0;
    while b < doc.blocks.len() {
        let start = b;
        while b < doc.blocks.len() && doc.blocks[b].kind == BlockKind::ListItem {
            b += 1;
        }
        if b > start {
            out.push(start..b);
        } else {
            b += 1;
        }
    }
    out
}

/// The sentence that leads into the list starting at block `start`: the last sentence of the
/// block before, when it ends in a colon.
fn lead_in(doc: &Document, start: usize) -> Option<usize> {
    let before = start.checked_sub(1)?;
    let li = doc.sentences.iter().rposition(|s| s.block == before)?;
    doc.sentence_text(&doc.sentences[li])
        .trim_end()
        .ends_with(':')
        .then_some(li)
}

/// A citation written the way the article cites most often, for the help line: `[3]`,
/// `[^3]`, `[@key]`, `(Author, 2020)`, …; `[3]` when it cites nothing by marker, a link when
/// it cites only by links.
fn citation_example(doc: &Document) -> std::borrow::Cow<'static, str> {
    let mut counts: Vec<(CiteSyntax, usize)> = Vec::new();
    for c in &doc.citations {
        match counts.iter_mut().find(|(k, _)| *k == c.syntax) {
            Some((_, n)) => *n += 1,
            None => counts.push((c.syntax, 1)),
        }
    }
    // the most used; the first written among equals
    let most = counts.iter().rev().max_by_key(|(_, n)| *n).map(|(k, _)| *k);
    // numbers in brackets as the article writes them most: `[[3]]`, `[cite: 3]`
    if most == Some(CiteSyntax::Bracket) {
        let mut shapes: Vec<(String, usize)> = Vec::new();
        for c in doc
            .citations
            .iter()
            .filter(|c| c.syntax == CiteSyntax::Bracket)
        {
            let Some(shape) = bracket_shape(&doc.text[c.span.clone()]) else {
                continue;
            };
            match shapes.iter_mut().find(|(k, _)| *k == shape) {
                Some((_, n)) => *n += 1,
                None => shapes.push((shape, 1)),
            }
        }
        if let Some((shape, _)) = shapes.into_iter().rev().max_by_key(|(_, n)| *n) {
            return shape.into();
        }
    }
    match most {
        Some(CiteSyntax::Footnote) => "`[^3]`",
        Some(CiteSyntax::Pandoc | CiteSyntax::Narrative) => "`[@key]`",
        Some(CiteSyntax::Latex) => "`\\cite{key}`",
        Some(CiteSyntax::AuthorYear) => "`(Author, 2020)`",
        Some(CiteSyntax::SupTag) => "`<sup>3</sup>`",
        Some(CiteSyntax::Superscript | CiteSyntax::Glued) => "`³`",
        Some(CiteSyntax::Paren) => "`(3)`",
        Some(CiteSyntax::WikiRef) => "`<ref>…</ref>`",
        Some(_) => "`[3]`",
        // (a sentence naming its source by authors and year, or by a link)
        None if doc.sentences.iter().any(|s| {
            s.names_source
                && crate::document::links::names_authors_and_year(&doc.text[s.span.clone()])
        }) =>
        {
            "`(Author et al., 2020)`"
        }
        None if doc.sentences.iter().any(|s| s.names_source) => "a link to the source",
        None => "`[3]`",
    }
    .into()
}

/// A bracketed marker with its numbers written as one, `3`: `[[1,14]]` gives `` `[[3]]` ``,
/// `[cite: 1, 2]` gives `` `[cite: 3]` ``; `None` for a marker of another shape.
fn bracket_shape(marker: &str) -> Option<String> {
    let first = marker.find(|c: char| c.is_ascii_digit())?;
    let last = marker.rfind(|c: char| c.is_ascii_digit())?;
    let (open, close) = (&marker[..first], &marker[last + 1..]);
    let plain = |s: &str| {
        s.chars()
            .all(|c| c.is_ascii_alphabetic() || "[]: ".contains(c))
    };
    (marker.len() <= 40 && open.starts_with('[') && plain(open) && plain(close))
        .then(|| format!("`{open}3{close}`"))
}

/// A header block: a paragraph of two or more lines, each a short label and its value
/// (`**Project:** Cadence`, `**Author:** …`, `**Date:** 2026-05-18`): page metadata, not prose.
fn label_lines(doc: &Document, b: &crate::document::Block) -> bool {
    if b.kind != BlockKind::Paragraph || !b.text.contains(':') {
        return false;
    }
    let starts = b.map.line_starts(&doc.text);
    !starts.is_empty()
        && std::iter::once(0)
            .chain(starts.iter().copied())
            .all(|at| claims::after_label(b.text[at..].trim_start()).is_some())
}

/// A heading's source text links out of the page: a Markdown link or an `<a href>` to an
/// `http(s)` address (not an anchor in the page).
fn links_out(src: &str) -> bool {
    src.contains("](http") || src.contains("href=\"http") || src.contains("href='http")
}

/// Whether two different manuscript parts are among these titles ("**Results**" twice may be
/// one part's sub-headings).
fn two_parts<'a>(lex: &claims::ClaimLexicon, titles: impl Iterator<Item = &'a str>) -> bool {
    let mut marked: Vec<&str> = titles.filter(|t| lex.marks_manuscript(t)).collect();
    marked.sort_unstable();
    marked.dedup();
    marked.len() >= 2
}

/// Whether a sentence of an R Markdown or Quarto file reports a value the document computes
/// in line (`` `r round(prev, 1)` ``, `` `{python} share` ``): its own result. The inline
/// chunks are among the code the parser set aside.
fn computes_inline(doc: &Document, span: &std::ops::Range<usize>) -> bool {
    crate::document::is_literate(&doc.path)
        && doc.code.iter().any(|r| {
            span.contains(&r.start)
                && crate::document::markdown::is_inline_chunk(doc.text[r.clone()].trim_matches('`'))
        })
}

/// A manuscript's list of authors, each name marked with its affiliation as a pandoc
/// superscript (`Ana Ruiz^1^, Tom Berg^1,2^, Li Wei^2^ ^\*^`): two marks glued to the end of
/// a word, each `^` … `^` holding only digits, commas, dashes, asterisks and spaces.
fn author_list(src: &str) -> bool {
    let b = src.as_bytes();
    let mut marks = 0;
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'^', &b[i..]) {
        let at = i + k;
        let Some(len) = b[at + 1..].iter().take(12).position(|&c| c == b'^') else {
            i = at + 1;
            continue;
        };
        let inner = &b[at + 1..at + 1 + len];
        let glued = at > 0 && b[at - 1].is_ascii_alphabetic();
        if glued
            && inner.iter().any(u8::is_ascii_digit)
            && inner
                .iter()
                .all(|c| c.is_ascii_digit() || matches!(c, b',' | b'-' | b'*' | b'\\' | b' '))
        {
            marks += 1;
            if marks == 2 {
                return true;
            }
        }
        i = at + 2 + len;
    }
    false
}

/// Whether a "sentence" is the rows of a table whose markup was lost (a PDF or web page
/// copied as text): six or more figures making at least a third of its words, and no full
/// stop at the end ("Fischer et al  LD vs ED  86% (66%–95%) (19/22) 95% (78%–99%) …
/// Not statistically significant"). A sentence of results ends with its full stop.
fn flattened_table(text: &str) -> bool {
    let end = text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | ')'));
    if end.ends_with(['.', '!', '?', ':', ';']) {
        return false;
    }
    let (mut figures, mut words) = (0usize, 0usize);
    for w in text.split_whitespace() {
        words += 1;
        if w.bytes().any(|b| b.is_ascii_digit()) {
            figures += 1;
        }
    }
    figures >= 6 && figures * 3 >= words
}

/// Marks covered the sentences before sentence `end` whose blocks lie in `blocks` (an entry
/// sourced by a list, a label or a linked heading), when none of them cites on its own: an
/// entry that cites sentence by sentence keeps that scope.
fn cover_uncited_entry(
    doc: &Document,
    cites: &[bool],
    covered: &mut [bool],
    blocks: std::ops::Range<usize>,
    end: usize,
) {
    // (sentences are in block order: the entry's are one run, found by binary search)
    let lo = doc.sentences.partition_point(|s| s.block < blocks.start);
    let hi = doc.sentences.partition_point(|s| s.block < blocks.end);
    let entry = lo..hi.min(end).max(lo);
    if !cites[entry.clone()].contains(&true) {
        covered[entry].fill(true);
    }
}

/// The first block of the entry that ends before block `b`: the block after the last
/// heading, reference entry or source line before `b` (or the document's first block).
fn entry_start(doc: &Document, b: usize) -> usize {
    (0..b)
        .rev()
        .find(|&k| {
            matches!(doc.blocks[k].kind, BlockKind::Heading(_)) || doc.blocks[k].role != Role::Prose
        })
        .map_or(0, |k| k + 1)
}

/// The figures written in `text`: runs of digits with their decimal points and thousands
/// separators ("10", "1.5", "57,000").
fn figures(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map(|f| f.trim_matches(['.', ',']))
        .filter(|f| f.bytes().any(|b| b.is_ascii_digit()))
}

/// Whether `text` writes the figure `f` as a figure of its own (not inside a longer number).
fn has_figure(text: &str, f: &str) -> bool {
    text.match_indices(f).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + f.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

/// Whether section `sec` or one of its parents is flagged.
fn under_flagged(doc: &Document, flags: &[bool], mut sec: Option<usize>) -> bool {
    while let Some(k) = sec {
        if flags[k] {
            return true;
        }
        sec = doc.sections[k].parent;
    }
    false
}

fn check(doc: &Document, cx: &Context) -> Vec<Diagnostic> {
    let o = cx.options::<Options>();
    let paragraph_scope = o.scope == Some(Scope::Paragraph);
    let model = cx.lexicons.claims_model();
    let threshold = o.threshold.map_or(model.threshold, |p| p.0);
    let mut out = Vec::new();
    let judged = judged(doc, cx.lexicons, paragraph_scope);
    // the model calibrated to this article's own citing habit (see model::document_shift)
    let cited = judged.iter().filter(|j| j.cited).count();
    let use_model = threshold > 0.0;
    // the model's log-odds of each judged sentence, computed once
    let logits: Vec<f32> = if use_model {
        judged
            .iter()
            .map(|j| model.logit(j.claim(doc), j.shape))
            .collect()
    } else {
        Vec::new()
    };
    let shift = super::model::document_shift(&logits, cited);
    let traces = std::cell::OnceCell::new();
    let example = std::cell::OnceCell::new();
    for (k, j) in judged.iter().enumerate() {
        if j.covered {
            continue;
        }
        let s = &doc.sentences[j.index];
        let block = &doc.blocks[s.block];
        let text = doc.sentence_text(s);
        let score = &j.score;
        // two opinions must agree: the lexicon's sense of a claim, and the model of what
        // editors cite; an assistant's talk about its own process, a sentence or a whole
        // reasoning paragraph, is reported by assistant-artifact (the whole document's traces
        // are found only once a candidate's paragraph could be one)
        if !score.is_claim(claims::DEFAULT_THRESHOLD)
            || (use_model && super::model::sigmoid(logits[k] + shift) < threshold)
            || cx.lexicons.assistant().matches(text)
            || (assistant::may_be_trace(doc, cx.lexicons.assistant(), j.index)
                && traces.get_or_init(|| assistant::trace_blocks(doc, cx.lexicons.assistant()))
                    [s.block])
        {
            continue;
        }
        let (reason, strongest) = score.explain(j.claim(doc));
        let example = example.get_or_init(|| citation_example(doc));
        let mut d = Diagnostic::new(
            RULE.id,
            s.span.clone(),
            format!("{} without a citation", capitalise_first(&reason)),
        )
        .help(format!(
            "cite a source for it (e.g. {example}), or rephrase it as the article's own hedged view"
        ));
        if let Some(r) = strongest {
            let from = s.text_range.start + j.claim_start + r.start;
            let to = s.text_range.start + j.claim_start + r.end;
            let span = block.map.range(from..to);
            if span.start < span.end && span != s.span {
                d = d.label(span, "this is what makes it a claim");
            }
        }
        out.push(d);
    }
    out
}

/// Whether the uncited sentences right before cited sentence `i` in its block, back to the
/// block's previous citation, name a study: the citation closes that study's description.
fn names_study_before(doc: &Document, cites: &[bool], i: usize) -> bool {
    let b = doc.sentences[i].block;
    (0..i)
        .rev()
        .take_while(|&j| doc.sentences[j].block == b && !cites[j])
        .any(|j| claims::reports_study(doc.sentence_text(&doc.sentences[j])))
}

fn capitalise_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Is block `i` a table's note: the paragraph right under a table, set in italics as a
/// whole (`*Cohort: … Values are per ear.*`), labelled as a note ("Note:", "Notes.",
/// "Abbreviations:") or opening with a footnote's mark (`[a]`, `<sup>b</sup>`, `^c^`, `†`),
/// or a paragraph with such a mark right after another note? It describes the table, as a
/// caption does.
fn table_note(doc: &Document, i: usize) -> bool {
    let b = &doc.blocks[i];
    if b.kind != BlockKind::Paragraph || i == 0 {
        return false;
    }
    let src = doc.text[b.span.clone()].trim();
    if doc.blocks[i - 1].kind != BlockKind::TableCell {
        // a later note of a table ("[a] …" then "[b] …"): marked, and so is every paragraph
        // back to the table (a few at most)
        let marked = |k: usize| {
            doc.blocks[k].kind == BlockKind::Paragraph
                && footnote_mark(&doc.text[doc.blocks[k].span.clone()])
        };
        let first = (i.saturating_sub(8)..=i)
            .rev()
            .take_while(|&k| marked(k))
            .last();
        return first.is_some_and(|k| k > 0 && doc.blocks[k - 1].kind == BlockKind::TableCell);
    }
    if footnote_mark(src) {
        return true;
    }
    let italic = ["*", "_"]
        .iter()
        .any(|m| src.starts_with(m) && !src.starts_with("**") && src.ends_with(m));
    let label = src.trim_start_matches(['*', '_']);
    let labelled = ["note", "notes", "abbreviations"].iter().any(|w| {
        label
            .get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w))
            && label[w.len()..]
                .trim_start_matches(['*', '_'])
                .starts_with([':', '.'])
    });
    italic || labelled
}

/// Whether a paragraph opens with a table footnote's mark: a letter in brackets or raised
/// (`[a]`, `<sup>b</sup>`, `^c^`) or a dagger, double dagger or section sign.
fn footnote_mark(src: &str) -> bool {
    let s = src.trim_start();
    let letter = |rest: &str, close: &str| {
        rest.len() > close.len()
            && rest.as_bytes()[0].is_ascii_lowercase()
            && rest[1..].starts_with(close)
    };
    s.strip_prefix('[').is_some_and(|r| letter(r, "]"))
        || s.strip_prefix("<sup>").is_some_and(|r| letter(r, "</sup>"))
        || s.strip_prefix('^').is_some_and(|r| letter(r, "^"))
        || s.starts_with(['†', '‡', '§'])
}

/// Whether a paragraph is a figure or table caption: it opens with the label and its number
/// followed by a full stop, colon or dash (`Figure 10. The pathway…`, `**Table 2:** Trials…`);
/// every sentence of it belongs to the caption. "Figure 2 shows…" is a sentence, not a caption.
fn is_caption(src: &str) -> bool {
    let s = src.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '#'));
    let lower = s.get(..s.len().min(24)).unwrap_or("").to_ascii_lowercase();
    let Some(rest) = [
        "supplementary figure",
        "supplementary table",
        "figure",
        "fig.",
        "table",
    ]
    .iter()
    .find_map(|w| lower.strip_prefix(w)) else {
        return false;
    };
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix(|c: char| c.is_ascii_uppercase())
        .unwrap_or(rest);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return false;
    }
    let after = rest[digits..]
        .trim_start_matches(|c: char| c.is_ascii_lowercase() || matches!(c, '*' | '_'));
    after.starts_with(['.', ':', '|', '—', '–']) || after.starts_with(" -")
}

/// The label block of each source list written under the paragraphs it sources: a paragraph
/// that is only `Sources:` (or `**References:**`, …), not a heading, followed by a block that
/// links to a source.
fn source_list_labels(doc: &Document) -> Vec<usize> {
    let mut out = Vec::new();
    for (b, block) in doc.blocks.iter().enumerate() {
        // (a title line the parser read as the list's heading, "Sources:" with the links
        // after it, is still a label; a heading written as one is not)
        let src = doc.text[block.span.clone()].trim_start();
        if matches!(block.kind, BlockKind::Heading(_))
            && (src.starts_with(['#', '<']) || src.contains('\n'))
        {
            continue;
        }
        let label = doc.text[block.span.clone()]
            .trim()
            .trim_matches(|c: char| matches!(c, '*' | '_'))
            .trim_end_matches([':', '*', '_', ' '])
            .to_ascii_lowercase();
        let is_label = matches!(
            label.as_str(),
            "source" | "sources" | "reference" | "references" | "citations" | "key sources"
        );
        if is_label
            && doc.blocks.get(b + 1).is_some_and(|n| {
                // the item's line: its span may stop before a trailing link's target
                let end = doc.text[n.span.end..]
                    .find('\n')
                    .map_or(doc.text.len(), |k| n.span.end + k);
                let line = &doc.text[n.span.start..end];
                // a link, or a work named by its authors and year ("Barakat et al.,
                // *Journal* (2020) – …", "Murphy & Koehler (2021), …")
                line.contains("http")
                    || n.kind == BlockKind::ListItem && (et_al(line) || paren_year(line))
            })
        {
            out.push(b);
        }
    }
    out
}

/// Whether `text` writes "et al" as words ("Smith et al.", not "Sweet almonds" or "diet alone").
fn et_al(text: &str) -> bool {
    text.match_indices("et al").any(|(at, _)| {
        text[..at].ends_with([' ', '\u{a0}', '_', '*'])
            && !text[at + 5..].starts_with(|c: char| c.is_alphanumeric())
    })
}

/// Whether `text` holds a year in parentheses: `(2020)`, `(1998a)`.
fn paren_year(text: &str) -> bool {
    text.match_indices('(').any(|(at, _)| {
        let rest = &text.as_bytes()[at + 1..];
        rest.len() >= 5
            && (rest.starts_with(b"19") || rest.starts_with(b"20"))
            && rest[2..4].iter().all(u8::is_ascii_digit)
            && (rest[4] == b')' || rest[4].is_ascii_lowercase() && rest.get(5) == Some(&b')'))
    })
}

/// A short sentence that only attributes what follows, ending in a colon: "As per the EASL
/// 2018 guidelines:", "According to the ADA standards (2024):".
fn attribution_label(text: &str) -> bool {
    let t = text.trim();
    let lower = t.to_lowercase();
    t.ends_with(':')
        && t.split_whitespace().count() <= 12
        && [
            "as per ",
            "per ",
            "according to ",
            "based on ",
            "adapted from ",
            "in line with ",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// The label of a paragraph that opens with one in bold, followed by a colon:
/// `**Methods**: …`, `**Methods:** …`, `__Results__: …`.
fn bold_label(src: &str) -> Option<&str> {
    let src = src.trim_start();
    let mark = ["**", "__"].into_iter().find(|m| src.starts_with(m))?;
    let rest = &src[2..];
    let end = rest.find(mark)?;
    let inner = &rest[..end];
    let after = &rest[end + 2..];
    let label = match inner.strip_suffix(':') {
        Some(l) => l,
        None if after.starts_with(':') => inner,
        None => return None,
    };
    let label = label.trim();
    let words = label.split_whitespace().count();
    (1..=4).contains(&words).then_some(label)
}

/// A paragraph that is one bold run of one to six words and nothing else (`**Statistical
/// Analysis**`, `__Results__`): a part's title set without a heading. Not with a colon
/// (`**Key Findings:**` labels the list under it, not a part of the document).
fn bold_title(src: &str) -> Option<&str> {
    let src = src.trim();
    let mark = ["**", "__"].into_iter().find(|m| src.starts_with(m))?;
    let inner = src[2..].strip_suffix(mark)?.trim();
    if inner.ends_with(':') {
        return None;
    }
    let words = inner.split_whitespace().count();
    ((1..=6).contains(&words) && !inner.contains(mark) && !inner.contains('\n')).then_some(inner)
}

/// A list item that defines a name of the document's own code or data: it opens with the
/// name as inline code, and nothing but code, commas and spaces stands before its first colon
/// or comma ("- `Study`, `string`: Primary key…", "- `Mixed`, if both types were studied").
fn defines_code_term(src: &str) -> bool {
    let item = src
        .trim_start()
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['-', '*', '+', '.', ')'])
        .trim_start();
    if !item.starts_with('`') {
        return false;
    }
    // (the name and its type before a colon or comma within 120 bytes)
    let Some(sep) = item.find([':', ',']).filter(|&k| k <= 120) else {
        return false;
    };
    let head = &item[..sep];
    let mut rest = head;
    while let Some(open) = rest.find('`') {
        if !rest[..open].trim().is_empty() {
            return false;
        }
        let Some(close) = rest[open + 1..].find('`') else {
            return false;
        };
        rest = rest[open + 1 + close + 1..].trim_start_matches([',', ' ']);
    }
    rest.trim().is_empty()
}

/// Whether a sentence is about the page's own review: a banner ("this content is pending
/// human review") or an assurance ("All articles are reviewed for accuracy by our clinical
/// team") that names the page or its articles. `review-pending` reads them; they assert
/// nothing about health. ("A new lozenge is still pending review by the FDA" is judged.)
fn states_review(text: &str) -> bool {
    const PAGE: &[&str] = &[
        "content",
        "article",
        "page",
        "site",
        "post",
        "information",
        "guide",
    ];
    let pack = crate::document::metadata::pack();
    (pack.banner_ac.find_iter(text).next().is_some()
        || pack.assurance_ac.find_iter(text).next().is_some())
        && text.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
            PAGE.iter()
                .any(|p| w == *p || w.strip_suffix('s') == Some(p))
        })
}

/// A sentence that carries a metadata field ("Medically reviewed by …", "Last updated: …")
/// is page furniture, judged by the metadata rules, not a claim.
fn states_metadata(doc: &Document, span: &std::ops::Range<usize>) -> bool {
    doc.metadata.iter().any(|m| {
        m.source == crate::document::MetaSource::Body
            && m.span.start < span.end
            && span.start < m.span.end
    })
}

#[cfg(test)]
mod tests {
    use super::{defines_code_term, footnote_mark, judged, label_lines};

    #[test]
    fn a_label_is_not_part_of_the_claim_and_review_banners_are_not_judged() {
        let t = "# Notes\n\n- **Clinical Correlation:** Two patients improved on the drug.\n\nNote: this content is pending human review and may change.\n\nSalt raises blood pressure.\n\nA zinc lozenge is pending review by the FDA.\n";
        let doc = Document::parse(
            "a.md",
            t.to_string(),
            Format::Markdown,
            &ParseOptions::default(),
        );
        let lexicons = crate::checks::packs::Lexicons::default();
        let claims: Vec<&str> = judged(&doc, &lexicons, false)
            .iter()
            .map(|j| j.claim(&doc))
            .collect();
        assert_eq!(
            claims,
            [
                "Two patients improved on the drug.",
                "Salt raises blood pressure.",
                "A zinc lozenge is pending review by the FDA."
            ]
        );
    }

    #[test]
    fn a_data_dictionary_item_defines_a_code_term() {
        for item in [
            "- `Study`, `string`: Primary key for the study in this project.",
            "  - `Mixed`, if both disease types were studied.",
            "1. `dose_mg`: the daily dose, which doubles the risk above 40 mg.",
            "* `a`, `b`, `c`: the three arms",
        ] {
            assert!(defines_code_term(item), "{item}");
        }
        for item in [
            "- Metformin: lowers hepatic glucose output by a third.",
            "- **Metformin**: lowers hepatic glucose output by a third.",
            "- Use `metformin` first: it lowers glucose output by a third.",
            "- `metformin` lowers glucose output by a third.",
            "- `unclosed: the dose",
            // no colon or comma near the start, and text that is not ASCII across byte 120
            "- `dose_mg` 每日剂量（毫克），超过四十毫克时心脏病风险增加一倍，这一结果来自多项随机对照试验，并在老年人群中得到验证。",
        ] {
            assert!(!defines_code_term(item), "{item}");
        }
    }
    use crate::document::{Document, Format, ParseOptions};

    #[test]
    fn the_help_line_cites_the_way_the_article_does() {
        let ex = |t: &str| {
            let d = Document::parse(
                "a.md",
                t.to_string(),
                Format::Markdown,
                &ParseOptions::default(),
            );
            super::citation_example(&d)
        };
        assert_eq!(
            ex("Salt raises pressure.[^1]\n\n[^1]: A study.\n"),
            "`[^3]`"
        );
        assert_eq!(
            ex("Salt raises pressure [1].\n\n## References\n\n1. A study.\n"),
            "`[3]`"
        );
        assert_eq!(
            ex("Salt raises pressure ([source 1](https://example.org/salt)).\n"),
            "a link to the source"
        );
        assert_eq!(ex("Salt raises pressure.\n"), "`[3]`");
        // numbers in brackets, written the article's way
        assert_eq!(
            ex("Salt raises pressure [[1,4]].\n\n## References\n\n1. A.\n2. B.\n3. C.\n4. D.\n"),
            "`[[3]]`"
        );
        assert_eq!(
            ex("Salt raises pressure [cite: 1, 2].\n\n## Sources\n\n1. A.\n2. B.\n"),
            "`[cite: 3]`"
        );
        // the shape written most, not the first one
        assert_eq!(
            ex(
                "Salt raises pressure [[1]]. It hardens arteries [2]. It thickens the heart [3].\n\n## References\n\n1. A.\n2. B.\n3. C.\n"
            ),
            "`[3]`"
        );
    }

    #[test]
    fn a_header_block_of_label_lines_is_not_prose() {
        let t = "# T\n\n**Project:** Cadence (staffing)  \n**Date:** 2026-05-18  \n**Scope:** Home care, 2015 to 2026\n\nSummary: Night shifts raise the risk of falls by 20%.\nRates were higher in winter.\n";
        let d = Document::parse(
            "a.md",
            t.to_string(),
            Format::Markdown,
            &ParseOptions::default(),
        );
        let header: Vec<bool> = d.blocks.iter().map(|b| label_lines(&d, b)).collect();
        // the header block, not the title, and not a paragraph whose first line alone is labelled
        assert_eq!(header, vec![false, true, false]);
    }
    #[test]
    fn a_table_footnote_opens_with_its_mark() {
        for t in [
            "[a] Low-quality evidence.",
            "<sup>b</sup> Two trials.",
            "^c^ Per ear.",
            "† Adjusted.",
        ] {
            assert!(footnote_mark(t), "{t}");
        }
        for t in [
            "[1] Smith J. Title.",
            "[ab] Two letters.",
            "a) first",
            "[A] Capital.",
            "<sup>",
            "[é] x",
            "^",
        ] {
            assert!(!footnote_mark(t), "{t}");
        }
    }
}
