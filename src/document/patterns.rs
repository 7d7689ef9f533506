//! The document layer's regular expressions (citations, reference lists, identifiers,
//! metadata dates and reviewers, author-year citations, the figures of `unsupported-figure`),
//! in one place so that `build.rs` can build their automata before the program runs (it
//! includes this file: keep it free of the crate's own items). [`all`] lists every one;
//! the program compiles each with [`crate::lexicon_regex::DocRegex`], which finds the
//! prebuilt automata by the exact string.

/// A pandoc citation key: letters, digits and `_`, with internal punctuation; or any text in
/// braces (`@{doe.2020:x}`). Group `braced` or `plain`.
pub const KEY: &str =
    r"(?:\{(?P<braced>[^{}\s@]+)\}|(?P<plain>[\p{L}\p{N}_]+(?:[:.#$%&\-+?<>~/]+[\p{L}\p{N}_]+)*))";

/// Every citation marker syntax but the bare and parenthesised numbers, one named group each,
/// as an alternation in five parts by the character that starts the marker (`[`, `<`, `\`,
/// `@`, a superscript digit): no two parts match at the same position, so the leftmost match
/// of the whole is the leftmost of the parts' (one DFA for all would be too big to build).
/// Within a part the alternatives keep their order.
pub const CITATION: [&str; 5] = [
    concat!(
        // linked: [[1](#a)] [[1](#a),[2](#b)] [[4](#a)-[7](#b)]
        r"(?P<linked>\[\s*\[[0-9]{1,4}\]\([^)\s]*\)(?:\s*[,;\-–—]\s*\[[0-9]{1,4}\]\([^)\s]*\))*\s*\])",
        // a bare markdown link whose text is a number: [3](#ref-3)
        r"|(?P<link1>\[[0-9]{1,4}\]\(#[^)\s]*\))",
        // a link whose text is a bracketed number written escaped, as HTML-to-Markdown
        // converters write a page's `<a href=…>[36]</a>`: [\[36\]](https://…), [\[2, 3\]](…),
        // and two numbers in one link, [\[2\]\[9\]](…)
        r#"|(?P<esc>\[(?:\\\[\s*[0-9]{1,4}(?:\s*[-–—,;]\s*[0-9]{1,4})*\s*\\\])+\]\([^)\s]*(?:\s+"[^"]*")?\))"#,
        // [[1]] and [[1, 2]]
        r"|(?P<double>\[\[\s*[0-9]{1,4}(?:\s*[-–—,;]\s*[0-9]{1,4})*\s*\]\](?:[^(]|$))",
        // [^note] (not a definition)
        r"|(?P<foot>\[\^[^\]\s]+\])",
        // [@key], [see @key, p. 3; @other]
        r"|(?P<pandoc>\[[^\[\]@]*-?@[^\s\[\]@;,.][^\[\]]*\])",
        // [1], [1, 2], [1-3], [1–3]
        r"|(?P<bracket>\[\s*[0-9]{1,4}(?:\s*[-–—,;]\s*[0-9]{1,4})*\s*\])",
        // \[1\], \[2, 3\]: brackets escaped, as converters from HTML or Word write a
        // citation so that Markdown prints it as typed
        r"|(?P<escbr>\\\[\s*[0-9]{1,4}(?:\s*[-–—,;]\s*[0-9]{1,4})*\s*\\\])",
        // [Source #5, #12], [#3], [Ref 4], [Sources 1, 2]: a number labelled as a source, the
        // way research assistants and some CMSs write them
        r"|(?P<labeled>\[(?i:sources?|refs?\.?|references?)?\s*#\s*[0-9]{1,4}(?:\s*[-–—,;]\s*#?\s*[0-9]{1,4})*\s*\]",
        r"|\[(?i:sources?|refs?\.?|references?)\s+[0-9]{1,4}(?:\s*[-–—,;]\s*[0-9]{1,4})*\s*\]",
        // [cite: 3], [cite: 1, 2]: Gemini's markers, numbers of the "Sources:" list it
        // writes under its answer (kept where most of their numbers are entries of a
        // numbered list: `citations::scan`)
        r"|\[cite:\s*[0-9]{1,4}(?:\s*,\s*[0-9]{1,4})*\s*\])",
    ),
    concat!(
        // <sup>1</sup>, <sup>[1, 2]</sup>, <sup><a href=…>1</a></sup>
        r"(?P<sup><sup>\s*(?:<a(?-u:\b)[^>]*>)?\s*\[?\s*[0-9]{1,4}(?:\s*[-–—,;]\s*[0-9]{1,4})*\s*\]?\s*(?:</a>)?\s*</sup>)",
        // <a href="#ref-1">1</a>, <a href="#ref-1">[1]</a>: an in-page link whose text is a number
        r##"|(?P<aref><a(?-u:\b)[^>]*(?-u:\b)href\s*=\s*["']?#[^>]*>\s*\[?\s*[0-9]{1,4}(?:\s*[-–—,;]\s*[0-9]{1,4})*\s*\]?\s*</a>)"##,
        // <ref>source</ref>, <ref name="x">source</ref>, <ref name="x" />
        r##"|(?P<wiki><ref(?:\s+(?:name|group|follow|details)\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>/]+))*\s*(?:/>|>(?s:.)*?</ref\s*>))"##,
    ),
    // \citep{a, b}, \citet[p. 3]{a}, \parencite*{a} (natbib, biblatex)
    r"(?P<latex>\\(?:cite|citep|citet|citealp|citealt|citeauthor|citeyear|parencite|textcite|autocite|footcite|smartcite|supercite)\*?(?:\[[^\[\]{}]*\]){0,2}\{[^{}\s]+(?:\s*,\s*[^{}\s,]+)*\s*\})",
    // @key and @{key} in running text (checked in `narrative`)
    r"(?P<narr>@(?:\{[^{}\s@]+\}|[\p{L}\p{N}_]))",
    // ¹², ¹⁻³, ¹,²
    r"(?P<super>[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:\s?[,⁻–-]\s?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*)",
];

/// One item of a linked citation: `[1](#a)`.
pub const LINKED_ITEM: &str = r"\[([0-9]{1,4})\]\([^)\s]*\)";

/// A key inside a pandoc citation.
pub fn pandoc_key() -> String {
    format!(r"(?:^|[\s;\[,(])-?@{KEY}")
}

/// A key at the start of a narrative citation.
pub fn narrative_key() -> String {
    format!(r"^@{KEY}")
}

/// A group of numbers right before the full stop that ends a line or sentence.
pub const BARE: &str = r"(?P<word>[A-Za-z\u{00C0}-\u{024F}][A-Za-z\u{00C0}-\u{024F}\-]*\)?|\))[ \t]+(?P<nums>[0-9]{1,3}(?:[ \t]*,[ \t]*[0-9]{1,3})*)[ \t]*(?:\.(?:\s|$)|$)";

/// A bracketed citation starting the text.
pub const NEXT_BRACKET: &str = r"^\[\s*[0-9]{1,4}(?:\s*[-–—,;]\s*[0-9]{1,4})*\s*\]";

/// `(1)`, `(3, 4)`, `(5–7)` closing a clause.
pub const PAREN_NUMBERS: &str = r"(?P<word>[\p{L}\p{N}%’'\)\]]+[.,]?)?[ \t]?\((?P<nums>[0-9]{1,3}(?:[ \t]*[,–\-][ \t]*[0-9]{1,3})*)\)(?P<after>[.,;:]|[ \t]*$|[ \t]*\n)";

/// Numbers glued after a sentence's full stop.
pub const GLUED: &str = r"(?P<word>\p{L}[\p{L}\-]+|[0-9]%|\))[\x22”’]?\.(?P<nums>[0-9]{1,3}(?:,[0-9]{1,3})*)(?:[ \t]+\p{Lu}|[ \t]*(?:\n|$))";

/// A chat tool's citation or markup token copied with an answer: ChatGPT's
/// `\u{E200}cite\u{E202}turn20search0\u{E201}` (private-use characters around it; other
/// markup such as `entity` in the same form), the same with those characters lost
/// (`citeturn0search1`), `:contentReference[oaicite:0]{index=0}` and `【4†source】`;
/// Gemini's `[cite: 3]` and `[cite_start]`.
pub const CHAT_TOKEN: &str = concat!(
    r"\x{E200}[a-z_]+(?:\x{E202}[^\x{E200}\x{E201}\x{E202}]*)*\x{E201}",
    r"|\bcite(?:turn[0-9]+(?:search|news|view|file|image|academia)[0-9]+)+",
    r"|(?::contentReference)?\[oaicite:[0-9]+\](?:\{index=[0-9]+\})?",
    r"|【[0-9]+(?::[0-9]+)?†[^】]*】",
    r"|\[cite:\s*[0-9]+(?:\s*,\s*[0-9]+)*\]|\[cite_(?:start|end)\]",
);

/// The number that starts a reference entry: `[1]`, `\[1\]` (escaped), `1.`, `1)`; a
/// bracketed number may be followed by an arrow instead of a space (`[48]=>https://…`).
pub const LEADING_MARKER: &str =
    r"^\s*(?:\\?\[([0-9]{1,4})\\?\](?:\s*(?:=>|->|→)\s*|\s+)|([0-9]{1,4})[.)]\s+)";

/// The marker of a reference written as a heading.
pub const HEADING_MARKER: &str = r"\[\^([^\]\s]+)\]|\[([0-9]{1,4})\]";

/// A reference entry's identifiers: DOI, PMID and address.
pub const ENTRY_DOI: &str = r#"\b(10\.[0-9]{4,9}/(?:[^\s"'<>\]\(\)]|\([^\s"'<>\]\(\)]*\))+)"#;
pub const ENTRY_PMID: &str =
    r"(?i)(?:\bpmid:?\s*|list_uids=|pubmed\.ncbi\.nlm\.nih\.gov/|/pubmed/)([0-9]{4,9})";
/// (a parenthesised part stays in the address, `…/PIIS0140-6736(21)00229-5/fulltext`, not a
/// `)` that closes a Markdown link around it)
pub const ENTRY_URL: &str = r#"https?://(?:[^\s<>"'\(\)\]]|\([^\s<>"'\(\)\]]*\))+"#;

/// The identifiers of `document::identifiers`, in the order of its kinds: DOI, PMID, PMCID,
/// NCT, ISRCTN, EudraCT, ISBN, arXiv.
pub const IDENTIFIERS: [&str; 8] = [
    r"(?i)(?:\bdoi(?::\s*|\s+)|\b(?:dx\.)?doi\.org/)(?P<v>[0-9][^\s<>]*)",
    r"(?i)(?:\bpmid\b(?::\s*|\s+)|list_uids=|pubmed\.ncbi\.nlm\.nih\.gov/|/pubmed/)(?P<v>[0-9][0-9A-Za-z]*)",
    r"(?i:\bpmcid\b(?::\s*|\s+))(?P<v>(?:PMC)?[0-9]\S*)|\b(?P<w>PMC[0-9]+)\b",
    r"\b(?P<v>NCT[0-9]+)\b",
    r"\b(?P<v>ISRCTN[0-9]+)\b",
    r"(?i:\beudract\b(?:\s+(?:number|no\.?|n[o°]))?(?::\s*|\s+))(?P<v>[0-9][0-9-]*[0-9])",
    r"\bISBN(?:-1[03])?(?::\s*|\s+)(?P<v>[0-9][0-9Xx-]*[0-9Xx])",
    r"(?i:\barxiv(?::\s*|\s+)|\barxiv\.org/(?:abs|pdf)/)(?P<v>(?:[A-Za-z-]+(?:\.[A-Za-z-]+)?/)?[0-9][0-9.]*(?:v[0-9]+)?)",
];

const MONTHS: &str = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/// The metadata date forms: ISO, month first, day first, numeric, month and year.
pub fn dates() -> [String; 5] {
    [
        // (the hyphens as typed, or as a language model writes them: U+2010–U+2013, U+2212)
        String::from(
            r"\b(?P<y>[0-9]{4})[-\x{2010}-\x{2013}\x{2212}](?P<m>[0-9]{1,2})[-\x{2010}-\x{2013}\x{2212}](?P<d>[0-9]{1,2})",
        ),
        format!(r"(?i)\b{MONTHS}\.?\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>[0-9]{{4}})"),
        format!(
            r"(?i)\b(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}\.?,?\s+(?P<y>[0-9]{{4}})"
        ),
        String::from(r"\b(?P<a>[0-9]{1,2})[/.](?P<b>[0-9]{1,2})[/.](?P<y>[0-9]{4})"),
        format!(r"(?i)\b{MONTHS}\.?,?\s+(?P<y>[0-9]{{4}})"),
    ]
}

/// "The lead reviewers for X are:" / "Medical reviewers:" over a list of names.
pub const REVIEWER_LIST: &str =
    r"(?i)\b(?:lead |medical |clinical |expert )?reviewers?\b[^.]{0,120}:\s*$";
/// "… reviewed … by the/our X Board".
pub const REVIEWED_BY_BOARD: &str =
    r"\b[Rr]eviewed\b[^.;]{0,80}?\bby\s+(?:the\s+|our\s+)?(?P<who>[A-Z][^.;()]{0,150})";
/// "This article was medically reviewed by Dr. Jane Roe" inside a sentence.
pub const REVIEWED_BY: &str = r"\b(?:[Mm]edically|[Cc]linically) reviewed by\s+(?P<who>(?:Dr\.?\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}(?:,\s*(?:[A-Z][A-Za-z.-]{1,6}))*)";

/// A surname: capitalised, with particles (`van Hees`, `de la Cruz`) and hyphens.
const NAME: &str = r"(?:(?:van|von|der|den|de|da|del|della|di|du|dos|le|la|al|el|ten|ter)\s+)*\p{Lu}[\p{L}'’\-\u{2010}\u{2011}]*\p{L}";
/// "et al.", also in italics as scientific writing sets it (`_et al._`, `*et al.*`).
const ET_AL: &str = r"(?:[_*]{1,2}et\s+al\.?[_*]{1,2}|et\s+al\.?)";
/// A journal named before the year in a narrative citation's parenthesis: "Lachat et al.
/// (PNAS 2018)", "(Lancet Neurol 2019)": one to three capitalised words.
const JOURNAL: &str = r"\p{Lu}[\p{L}.&]*(?:\s+\p{Lu}[\p{L}.&]*){0,2}";
/// A year as an author-year citation writes it (`2020`, `2021a`, `n.d.`), from 1500 on
/// (a history of medicine cites "(Bucknill, 1856)").
const YEAR: &str = r"(?:(?:1[5-9]|20)\d{2}[a-z]?|n\.\s?d\.)";

/// Author-year citations: a parenthesis holding a year, one item of it, a narrative
/// citation, and a year in a reference entry's head.
pub fn author_year() -> [String; 6] {
    [
        format!(r"\((?P<body>[^()\n]*?{YEAR}[^()\n]*?)\)"),
        format!(
            r"^\s*(?:(?:see(?: also)?|e\.g\.,?|cf\.|for example,?|reviewed in|as in)\s+)?(?P<sur>{NAME})(?P<rest>\s+{ET_AL}|\s+(?:and|&)\s+{NAME}|(?:,\s+{NAME})+,?\s+(?:and|&)\s+{NAME})?,?\s+(?P<years>{YEAR}(?:\s*,\s*{YEAR})*)(?:,\s*(?:p|pp|ch|chap|fig|table)\.?\s*[\w\-–]+)?\s*$"
        ),
        format!(
            r"(?:^|[^\p{{L}}'’\-\u{{2010}}\u{{2011}}])(?P<sur>{NAME})(?P<rest>\s+{ET_AL}|\s+(?:and|&)\s+{NAME}|(?:,\s+{NAME})+,?\s+(?:and|&)\s+{NAME})?\s+\((?:(?P<journal>{JOURNAL})\s+)?(?P<years>{YEAR}(?:\s*,\s*{YEAR})*)(?:,\s*(?:p|pp)\.?\s*[\w\-–]+)?\)"
        ),
        format!(r"(?:^|[\s(,.])(?P<year>{YEAR})(?:$|[\s),.;:])"),
        // an organisation's acronym and a year as an item of a parenthesis: "AHA/ASA 2023"
        format!(r"^\s*(?P<sur>{ORG}),?\s+(?P<years>{YEAR})\s*$"),
        // …and in running text, naming its guideline or ending a clause: "as per the EASL
        // 2018 guidelines", "according to ERA-EDTA/ESE/ESICM 2014 recommendations",
        // "according to AHA/ASA 2023:"
        format!(
            r"(?i:\b(?:per|to|by|from|in|with|under)\s+(?:the\s+)?)(?P<sur>{ORG})\s+(?P<years>{YEAR})(?:\s+(?i:guidelines?|recommendations?|consensus|statement|criteria|classification|update)\b|\s*[:,;.)])"
        ),
    ]
}

/// Author-year citations in square brackets, as AI research reports write them ("[NIST,
/// 2025]", "[The Quantum Insider, 2024; Lee, 2021]"): the bracket (not a link's text, a
/// reference definition or a footnote), and an item naming an organisation in several
/// words ("World Health Organization, 2020", "The Quantum Insider, 2024"; its words are
/// checked by `author_year::org_words`), read only where it names a listed entry.
pub fn author_year_bracket() -> [String; 2] {
    [
        format!(r"\[(?P<body>[^\[\]\n^]*?{YEAR}[^\[\]\n]*?)\](?P<after>[(\[:]?)"),
        format!(r"^\s*(?:[Tt]he\s+)?(?P<sur>\p{{Lu}}[^,;()\[\]\n]*?),?\s+(?P<years>{YEAR})\s*$"),
    ]
}

/// An organisation's acronym as a citation writes it: two capitals or more, parts joined by
/// `/` or `-` ("EASL", "AHA/ASA", "ERA-EDTA/ESE/ESICM").
const ORG: &str = r"\p{Lu}[\p{Lu}0-9]*\p{Lu}[\p{Lu}0-9]*(?:[/\-]\p{Lu}[\p{Lu}0-9]*)*";

const NUM: &str = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?";

/// The figures of `unsupported-figure`: percentages, ratios, counts of people, `n =`, doses.
pub fn figures() -> [String; 5] {
    [
        // 35%, 35 percent, 20–30%
        format!(r"(?i)(?:(?P<a>{NUM})\s*%?\s*(?:-|–|—|to)\s*)?(?P<b>{NUM})\s*(?:%|\bper\s?cent\b)"),
        // HR 0.72, odds ratio of 1.4, (95% CI 0.61–0.90)
        String::from(
            r"(?:\b(?:a?HR|a?OR|a?RR|IRR|aIRR)\b|(?i:\b(?:hazard|odds|rate|risk)\s+ratios?\b|\brelative\s+risks?\b))[^0-9;.]{0,25}?(?P<v>[0-9]+\.[0-9]+)(?:[^;]{0,12}?(?:\bCI\b|(?i:confidence\s+interval))[^0-9;]{0,6}(?P<lo>[0-9]+\.[0-9]+)\s*(?:-|–|—|to|,)\s*(?P<hi>[0-9]+\.[0-9]+))?",
        ),
        // 4,120 women, 310 adult patients
        format!(
            r"(?i)(?P<n>{NUM})\s+(?:(?:adult|older|elderly|healthy|eligible|pregnant|postmenopausal|premenopausal|randomi[sz]ed|enrolled|hospitali[sz]ed|consecutive|evaluable|female|male|new|cancer|study)\s+){{0,2}}(?:patients|participants|subjects|women|men|adults|children|people|persons|individuals|volunteers|infants|adolescents|survivors|smokers|residents|nurses|mothers|newborns|neonates|pregnancies)\b"
        ),
        // n = 120
        format!(r"\b[nN]\s*=\s*(?P<n>{NUM})"),
        // 60 mg, 10–20 mg/kg, 400 IU, 2.5 mL
        format!(
            r"(?:(?P<a>{NUM})\s*(?:-|–|—|to)\s*)?(?P<b>{NUM})\s*(?P<u>mg/kg|mg/m2|mg/m²|mg|mcg|µg|μg|g|IU|mL|ml|L)(?:$|[^A-Za-z0-9/²])"
        ),
    ]
}

/// Every number written in a text.
pub const NUMBER: &str = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|\.[0-9]+";

/// The pattern of a metadata body label entry (`[[body]]` in `rules/metadata.toml`): one of
/// its `labels` (the longest first) at the start of a segment, then its separator; a
/// person's `name` after "… by" or a label and a colon.
pub fn body_label(labels: &[String], name: bool) -> String {
    let mut labels: Vec<&String> = labels.iter().collect();
    labels.sort_by_key(|l| std::cmp::Reverse(l.len()));
    let alt = |ls: &[&String]| {
        ls.iter()
            .map(|l| regex_syntax::escape(l).replace(' ', r"\s+"))
            .collect::<Vec<_>>()
            .join("|")
    };
    if name {
        // "Reviewed by X", or "Reviewer: X" (a colon is required without "by")
        let (by, other): (Vec<&String>, Vec<&String>) =
            labels.iter().copied().partition(|l| l.ends_with(" by"));
        format!(
            r"(?i)^(?:(?:{})\s*:?\s*|(?:{})\s*:\s*)",
            alt(&by),
            alt(&other)
        )
    } else {
        format!(r"(?i)^(?:{})\s*(?::|\bon\b|-|–|—)?\s*", alt(&labels))
    }
}

/// Every pattern above, as the program compiles it (but the body labels', which
/// `rules/metadata.toml` holds).
pub fn all() -> Vec<String> {
    let mut out: Vec<String> = CITATION
        .iter()
        .chain(&[
            LINKED_ITEM,
            BARE,
            NEXT_BRACKET,
            PAREN_NUMBERS,
            GLUED,
            LEADING_MARKER,
            HEADING_MARKER,
            CHAT_TOKEN,
            ENTRY_DOI,
            ENTRY_PMID,
            ENTRY_URL,
            REVIEWER_LIST,
            REVIEWED_BY_BOARD,
            REVIEWED_BY,
            NUMBER,
        ])
        .chain(IDENTIFIERS.iter())
        .map(|p| p.to_string())
        .collect();
    out.extend([pandoc_key(), narrative_key()]);
    out.extend(dates());
    out.extend(author_year());
    out.extend(author_year_bracket());
    out.extend(figures());
    out
}
