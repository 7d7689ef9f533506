//! Sources named without a marker: links, scholarly identifiers, authors and year.
//!
//! AI answers, research reports and health pages often cite with no reference list at all:
//! a link numbered or labelled as the source (`[2](https://…)`, `[Lee et al., 2015](…)`),
//! a link into a scholarly index (a DOI, PubMed), a link on the claim's own words
//! (`[a review of 43 trials](https://…)`) or naming the work (`a [study](…)`), an identifier
//! in parentheses (`(PMID: 31234567)`), or the authors and year in the text (`Morgan et al.
//! (2025)`).
//! [`names_its_source`] reads all of them, once per sentence, into
//! [`Sentence::names_source`](super::Sentence); the markers of `citations.rs` stay the
//! citations that resolve against a reference list.

/// One link of a sentence's source text: Markdown `[label](url)` or HTML
/// `<a href="url">label</a>`, web addresses only.
#[derive(Clone, Copy, Debug)]
pub struct Link<'a> {
    pub label: &'a str,
    pub url: &'a str,
    /// The source text before the label (back to the previous link).
    pub before: &'a str,
    /// The source text right after the link (after its `)` or `</a>`).
    pub after: &'a str,
    /// A Markdown image, `![…](…)`: its text describes a picture.
    pub image: bool,
}

/// The web links in `src`, Markdown ones first, then HTML ones.
pub fn links(src: &str) -> Vec<Link<'_>> {
    let mut out = Vec::new();
    // Markdown: `[label](http…)`; the label runs back to the nearest `[` (a label may hold
    // brackets of its own: `([[PDF] Title](…))`)
    let mut rest = src;
    while let Some(k) = rest.find("](http") {
        let head = &rest[..k];
        let tail = &rest[k + 2..];
        let url = &tail[..tail.find([')', ' ']).unwrap_or(tail.len())];
        let (before, label) = match head.rfind('[') {
            Some(open) => (&head[..open], &head[open + 1..]),
            None => ("", ""),
        };
        let after = &tail[url.len()..];
        out.push(Link {
            label,
            url,
            before,
            after: after.strip_prefix(')').unwrap_or(after),
            image: before.ends_with('!'),
        });
        rest = tail;
    }
    // HTML: `<a href="https://…" …>label</a>`
    let mut rest = src;
    while let Some(k) = rest.find("<a ") {
        let before = &rest[..k];
        rest = &rest[k + 3..];
        let Some(h) = rest.find("href=") else { break };
        let tag_end = rest.find('>').unwrap_or(rest.len());
        if h > tag_end {
            continue;
        }
        let value = rest[h + 5..tag_end].trim_start_matches(['"', '\'']);
        let url = &value[..value.find(['"', '\'', ' ']).unwrap_or(value.len())];
        let body = rest.get(tag_end + 1..).unwrap_or("");
        let close = body.find("</a>").unwrap_or(body.len());
        if url.starts_with("http") {
            out.push(Link {
                label: &body[..close],
                url,
                before,
                after: body.get(close + 4..).unwrap_or(""),
                image: false,
            });
        }
    }
    out
}

/// Whether a sentence's source names the source of what it says: a link that cites (see
/// [`cites`]) or a scholarly identifier or bare address in parentheses or brackets.
pub fn names_its_source(src: &str) -> bool {
    (src.contains("http") && links(src).iter().any(cites))
        || names_an_identifier(src)
        || names_authors_and_year(src)
        || points_into_a_recording(src)
}

/// `src` with its reference-style links (`[Sakima 2019][sakima2019]`) written inline
/// (`[Sakima 2019](https://doi.org/…)`), their addresses read from the definitions
/// (`[sakima2019]: https://doi.org/… "title"`, `defs`: label and source text, labels compared
/// as CommonMark does, case-insensitively); `None` when it has none that give a web address.
pub fn with_reference_links_inline(src: &str, defs: &[(&str, &str)]) -> Option<String> {
    if defs.is_empty() || !src.contains("][") {
        return None;
    }
    let url_of = |label: &str| {
        let (_, def) = defs
            .iter()
            .find(|(l, _)| l.eq_ignore_ascii_case(label.trim()))?;
        let url = def.split_once("]:")?.1.trim_start();
        let url = url.strip_prefix('<').unwrap_or(url);
        let url = &url[..url.find(['>', ' ', '\t', '\n']).unwrap_or(url.len())];
        url.starts_with("http").then_some(url)
    };
    let mut out = String::with_capacity(src.len() + 64);
    let mut rest = src;
    let mut changed = false;
    while let Some(k) = rest.find("][") {
        let tail = &rest[k + 2..];
        let Some(close) = tail.find(']') else { break };
        match url_of(&tail[..close]) {
            Some(url) if close > 0 => {
                out.push_str(&rest[..k]);
                out.push_str("](");
                out.push_str(url);
                out.push(')');
                rest = &tail[close + 1..];
                changed = true;
            }
            _ => {
                out.push_str(&rest[..k + 1]);
                rest = &rest[k + 1..];
            }
        }
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// Whether a sentence points at a moment of the recording it summarises: `[01:14:38]` in
/// brackets, or `[14:38]` as a link's text (`[14:38](https://…)`, an anchor's
/// `>[14:38]</a>`): a podcast or video summary's citation. (A bare `[1:10]` is a ratio.)
fn points_into_a_recording(src: &str) -> bool {
    src.match_indices('[').any(|(k, _)| {
        let rest = &src[k + 1..];
        let Some(close) = rest.find(']') else {
            return false;
        };
        let linked = src[..k].ends_with('>') || rest[close + 1..].starts_with('(');
        is_timestamp(&rest[..close], if linked { 2 } else { 3 })
    })
}

/// Whether `s` is a time of day or a position in a recording of at least `parts` parts:
/// `1:14:38`, `01:14:38` (three), `14:38` (two): one or two digits, then two digits after
/// each colon.
pub fn is_timestamp(s: &str, parts: usize) -> bool {
    let p: Vec<&str> = s.split(':').collect();
    (parts..=3).contains(&p.len())
        && (1..=2).contains(&p[0].len())
        && p[1..].iter().all(|x| x.len() == 2)
        && p.iter().all(|x| x.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a sentence names the work it reports by its authors and year, "et al." and the
/// year after it: "Morgan et al. (2025) found…", "**Lee et al. (2019)**: 30% of…", "(Park et
/// al., 2021)", "Rahimi et al. (Malar J 2017)"; or two authors, "(Tembo & Ruiz, 2018)",
/// "as Tembo and Ruiz (2018) reviewed". Read even where no reference list resolves it (a
/// literature synthesis that cites only in its prose): the claim is attributed, and whether
/// the work is listed is the citation rules' question.
pub fn names_authors_and_year(src: &str) -> bool {
    // full-width parentheses, as writers of Chinese and Japanese type them in English text
    // ("…worldwide（Joseph et al., 2022)"), read as the ASCII ones with the space before
    if src.contains(['（', '）']) {
        let ascii = src
            .replace('（', " (")
            .replace('）', ") ")
            .replace('，', ", ")
            .replace('；', "; ");
        return et_al_and_year(&ascii) || two_authors_and_year(&ascii);
    }
    et_al_and_year(src) || two_authors_and_year(src)
}

/// A year that closes a citation at the start of `s`: "2018)", "2018a)", "2018;", "2018,".
fn closing_year(s: &str) -> bool {
    let y = s.as_bytes();
    let tail = &y[y.len().min(4)..];
    let tail = tail
        .strip_prefix(b"a")
        .or(tail.strip_prefix(b"b"))
        .unwrap_or(tail);
    y.len() >= 4
        && (y.starts_with(b"19") || y.starts_with(b"20"))
        && y[..4].iter().all(u8::is_ascii_digit)
        && matches!(tail.first(), Some(b')' | b';' | b','))
}

/// Two capitalised surnames joined by "and" or "&" with the year: inside a parenthesis,
/// "(Tembo & Ruiz, 2018)", or in the text with the year in parentheses where a verb of
/// reporting or "as"/"by" frames it, "as Tembo and Ruiz (2018) reviewed", "Tembo and Ruiz
/// (2018) found". ("Deaths in England and Wales (2019) rose", "January and March, 2020",
/// are not.)
fn two_authors_and_year(src: &str) -> bool {
    const NOT_NAMES: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Spring",
        "Summer",
        "Autumn",
        "Winter",
    ];
    const REPORTING: &[&str] = &[
        "found",
        "reported",
        "showed",
        "shown",
        "reviewed",
        "noted",
        "concluded",
        "suggested",
        "described",
        "observed",
        "estimated",
        "demonstrated",
        "argued",
        "proposed",
        "identified",
        "defined",
        "recommended",
        "examined",
        "studied",
        "compared",
    ];
    let surname = |w: &str| {
        let w = w.trim_matches(['*', '_', '(', '[', ',']);
        w.len() >= 2
            && w.starts_with(|c: char| c.is_uppercase())
            && w.chars()
                .skip(1)
                .all(|c| c.is_lowercase() || matches!(c, '-' | '\''))
            && !NOT_NAMES.contains(&w)
    };
    static JOINS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 2]> =
        std::sync::LazyLock::new(|| [" and ", " & "].map(memchr::memmem::Finder::new));
    // (most sentences have no year after a parenthesis or comma: nothing to look for)
    let b = src.as_bytes();
    let year_after = memchr::memchr2_iter(b'(', b',', b).any(|i| {
        let r = src[i + 1..].trim_start_matches(' ').as_bytes();
        r.len() >= 4 && (r.starts_with(b"19") || r.starts_with(b"20"))
    });
    if !year_after {
        return false;
    }
    JOINS.iter().any(|finder| {
        let join_len = finder.needle().len();
        finder.find_iter(b).any(|k| {
            let head = &src[..k];
            let before = head.rsplit(char::is_whitespace).next().unwrap_or("");
            let after = &src[k + join_len..];
            let (second, rest) = after.split_once(char::is_whitespace).unwrap_or((after, ""));
            if !surname(before) || !surname(second) {
                return false;
            }
            if before.trim_start_matches(['*', '_']).starts_with('(') {
                // "(Tembo & Ruiz, 2018)"
                return second.ends_with(',') && closing_year(rest);
            }
            let Some(year) = rest.strip_prefix('(') else {
                return false;
            };
            let framed = head[..head.len() - before.len()]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| ["as", "by"].contains(&w.to_ascii_lowercase().as_str()))
                || year
                    .split_once(')')
                    .and_then(|(_, r)| r.split_whitespace().next())
                    .is_some_and(|w| {
                        REPORTING.contains(&w.trim_matches(|c: char| !c.is_alphabetic()))
                    });
            framed && closing_year(year)
        })
    })
}

/// "Morgan et al. (2025)", "(Park _et al._, 2021)", "Rahimi et al. (Malar J 2017)".
fn et_al_and_year(src: &str) -> bool {
    static ET_AL: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("et al"));
    ET_AL.find_iter(src.as_bytes()).any(|k| {
        let surname = src[..k]
            .trim_end_matches([' ', ',', '_', '*'])
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .trim_start_matches(['*', '_', '(', '[']);
        let after = src[k + 5..].trim_start_matches(['.', ',', ' ', '*', '_', '(', '[']);
        // a journal before the year in the parenthesis: up to three capitalised words
        let mut year = after;
        let lead = &src[k + 5..src.len() - after.len()];
        if lead.contains('(') {
            for _ in 0..3 {
                match year.split_once(' ') {
                    Some((w, r))
                        if w.starts_with(|c: char| c.is_uppercase())
                            && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '&') =>
                    {
                        year = r.trim_start();
                    }
                    _ => break,
                }
            }
        }
        let y = year.as_bytes();
        surname.starts_with(|c: char| c.is_uppercase())
            && y.len() >= 4
            && (y.starts_with(b"19") || y.starts_with(b"20"))
            && y[..4].iter().all(u8::is_ascii_digit)
            && y.get(4).is_none_or(|b| !b.is_ascii_digit())
    })
}

/// A chat tool's token in a text (see [`patterns::CHAT_TOKEN`](super::patterns::CHAT_TOKEN)).
#[derive(Clone, Debug, PartialEq)]
pub struct ChatToken {
    pub span: std::ops::Range<usize>,
    /// It stands for a source (`cite…`, `oaicite`, `【4†source】`, `[cite: 3]`), though the
    /// source is not in the article; not markup such as `entity` or `[cite_start]`.
    pub cites: bool,
}

crate::lexicon_regex::doc_regex!(chat_token_re = super::patterns::CHAT_TOKEN);

/// The chat tools' tokens in `src`, in order.
pub fn chat_tokens(src: &str) -> Vec<ChatToken> {
    // each form holds one of these (searchers built once): most texts have none
    static NEEDLES: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 3]> =
        std::sync::LazyLock::new(|| {
            ["cite", "†", "\u{E201}"].map(|n| memchr::memmem::Finder::new(n.as_bytes()))
        });
    if NEEDLES.iter().all(|f| f.find(src.as_bytes()).is_none()) {
        return Vec::new();
    }
    chat_token_re()
        .find_iter(src)
        .map(|m| {
            let t = m.as_str();
            let markup = t
                .strip_prefix('\u{E200}')
                .is_some_and(|rest| !rest.starts_with("cite"))
                || t.starts_with("[cite_");
            ChatToken {
                span: m.start()..m.end(),
                cites: !markup,
            }
        })
        .collect()
}

/// Whether a link cites the sentence it stands in:
/// - it leads to a scholarly work (a DOI, PubMed, PMC, a trial registry, a preprint server, a
///   journal's article page: `[citations] scholarly-addresses` in `rules/english.toml`);
/// - its text is a number or a numbered label (`[2]`, `[Source 2]`, `[ref. 4]`), or names
///   authors and a year (`[Reynolds et al., 2021]`);
/// - it is labelled as the source (`Source: [World Health Organization](…)`), set in
///   parentheses the way research assistants cite (`… decline ([Neurology, 2021](…))`), or
///   leads into a quoted passage (`#:~:text=`, the words the source says);
/// - its text is a phrase of the claim (three words or more, mostly in lower case, one of
///   them a word that joins others: `[suppresses the brain's signals](…)`, `[a 2019
///   study](…)`) on a page of another site (an address with a path), or names the kind of
///   work it is (`a [study](…)`, `[this review](…)`).
///
/// A name ("the [heart foundation](…)"), a page title ("Managing Cancer Care"), a call to
/// action ("read more"), a site's root page or an image's description does not.
pub fn cites(link: &Link) -> bool {
    if super::english::scholarly(link.url) {
        return true;
    }
    if numbered(link.label) || names_author_year(link.label) {
        return true;
    }
    // (only the end of the text before the link is read: "…Source:" or "…Sources:")
    let before = link.before.trim_end().as_bytes();
    let tail = &before[before.len().saturating_sub(8)..];
    let tail = tail.to_ascii_lowercase();
    if tail.ends_with(b"source:") || tail.ends_with(b"sources:") {
        return true;
    }
    let in_parens = link.before.trim_end_matches('[').ends_with('(') && link.after.starts_with(')');
    if in_parens || link.url.contains("#:~:text=") {
        return true;
    }
    !link.image && (states_the_claim(link.label, link.url) || names_a_study(link))
}

/// The path of a web address, after its host ("" for a site's root).
fn url_path(url: &str) -> &str {
    url.split_once("://")
        .map_or("", |(_, rest)| rest.split_once('/').map_or("", |(_, p)| p))
}

/// A link whose text is the study or report the sentence draws on, named by its kind with a
/// determiner in the text or right before it ("There was a [study](https://…) that…",
/// "[this review](…)", "the [research](…)", "a [2019 sports medicine review](…)"), on a
/// page with a path: the writer points at the source. A bare word is not one ("you can
/// [report](…) side effects", "our [guidelines](…)"), nor a named kind ("the [Annual
/// Report](…)") or a term's definition ("a [randomized trial](…/glossary/…)").
fn names_a_study(link: &Link) -> bool {
    const KINDS: &[&str] = &[
        "study",
        "studies",
        "research",
        "trial",
        "trials",
        "review",
        "meta-analysis",
        "report",
        "survey",
        "analysis",
        "paper",
        "evidence",
        "data",
        "guidelines",
        "guideline",
    ];
    const DETERMINERS: &[&str] = &[
        "a", "one", "this", "the", "that", "another", "recent", "new",
    ];
    let label = link.label.trim().to_ascii_lowercase();
    let words: Vec<&str> = label.split_whitespace().collect();
    let Some((last, rest)) = words.split_last() else {
        return false;
    };
    // the determiner in the link's text or right before it: "a [study](…)", not "you can
    // [report](…) side effects" or "our [guidelines](…)"
    let before = link
        .before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let path = url_path(link.url).trim_matches('/');
    if path.is_empty() || words.len() > 4 || !KINDS.contains(last) {
        return false;
    }
    let (named, qualifiers) = match rest.first() {
        Some(w) if DETERMINERS.contains(w) => (true, &rest[1..]),
        _ => (DETERMINERS.contains(&before.as_str()), rest),
    };
    // the kind qualified in lower case or by its year ("a [recent sports medicine review]",
    // "a [2019 study]"), not by a name; a term's page in a glossary defines the word
    let qualified = qualifiers.iter().all(|w| {
        DETERMINERS.contains(w)
            || (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            || w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
    });
    // a qualifier other than a determiner ("sports medicine") must be in lower case, and the
    // page must not define the term; "[The New Study]" is qualified by determiners only
    let original: Vec<&str> = link.label.split_whitespace().collect();
    let only_determiners = qualifiers.iter().all(|w| DETERMINERS.contains(w));
    let lower_case = original[..original.len() - 1].iter().all(|w| {
        !w.starts_with(|c: char| c.is_uppercase())
            || DETERMINERS.contains(&w.to_ascii_lowercase().as_str())
    });
    let defines = ["glossary", "definition", "dictionary", "/wiki/"]
        .iter()
        .any(|w| link.url.to_ascii_lowercase().contains(w));
    named && qualified && (only_determiners || (lower_case && !defines))
}

/// A link's text that is a number or a numbered label: `2`, `Source 2`, `ref. #4`.
fn numbered(label: &str) -> bool {
    let label = label.trim().to_ascii_lowercase();
    let label = [
        "sources",
        "source",
        "reference",
        "citation",
        "ref.",
        "ref",
        "cite",
    ]
    .iter()
    .find_map(|w| label.strip_prefix(w))
    .unwrap_or(&label)
    .trim_start_matches([' ', '#']);
    (1..=3).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_digit())
}

/// A link's text that is a phrase of the claim, on a page of another site (see [`cites`]).
fn states_the_claim(label: &str, url: &str) -> bool {
    const ACTIONS: &[&str] = &[
        "click here",
        "read more",
        "learn more",
        "find out more",
        "see more",
        "more info",
        "here",
        "this page",
        "this article",
        "this link",
        "website",
        "our website",
    ];
    const JOINING: &[&str] = &[
        "the", "a", "an", "of", "in", "on", "to", "by", "for", "with", "and", "or", "is", "are",
        "was", "were", "can", "may", "that", "than", "from", "their", "its",
    ];
    let label = label.trim();
    if url_path(url).trim_matches('/').is_empty()
        || ACTIONS.contains(&label.to_ascii_lowercase().as_str())
        || label.contains("://")
        || label.starts_with("www.")
    {
        return false;
    }
    let words: Vec<&str> = label
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    // a page's title ("Managing Cancer Care") names where to go, not what is claimed
    let capitalised = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    // a phrase of the sentence, not a noun for a place to go ("advanced clinical trial
    // search"): it holds a word that joins others
    let joins = words
        .iter()
        .any(|w| JOINING.contains(&w.to_ascii_lowercase().as_str()));
    words.len() >= 3 && capitalised * 2 < words.len() && joins
}

/// Whether a sentence's source is one Markdown link and nothing else, in parentheses or
/// not: `([Friend et al., 2011](https://…))`, `[WHO fact sheet](https://…).` Such a
/// "sentence" is the citation of the one before it.
pub fn only_a_link(src: &str) -> bool {
    let t = src.trim().trim_end_matches('.').trim_end();
    let t = t
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(t)
        .trim();
    t.starts_with('[')
        && t.ends_with(')')
        && t.matches("](").count() == 1
        && t.find("](")
            .is_some_and(|k| !t[k + 2..t.len() - 1].contains([' ', '(', ')']))
}

/// Whether a sentence names its source by a scholarly identifier or a bare address in
/// parentheses or brackets, the way research assistants built on PubMed Central cite:
/// `(PMC9659594)`, `(PMID: 31234567)`, `[PMID 31234567]`, `(doi:10.1000/xyz)`,
/// `(https://www.who.int/…)`, also among other names (`(Smith 2020; PMC123456)`). A bare
/// number or a word that only mentions PubMed ("searched PubMed (2010–2020)") is not one.
fn names_an_identifier(src: &str) -> bool {
    let bytes = src.as_bytes();
    let mut from = 0;
    while let Some(k) = memchr::memchr2(b'(', b'[', &bytes[from..]).map(|k| from + k) {
        from = k + 1;
        // (a Markdown link's target, `[insulin](https://…)`, is not a citation of its own)
        if bytes[k] == b'(' && k > 0 && bytes[k - 1] == b']' {
            continue;
        }
        let close = if bytes[k] == b'(' { ')' } else { ']' };
        let Some(end) = src[k + 1..].find(close) else {
            break;
        };
        let inside = &src[k + 1..k + 1 + end];
        if inside.split([';', ',']).any(is_identifier) {
            return true;
        }
    }
    false
}

/// One name inside a citation group that is a scholarly identifier (see [`names_an_identifier`]).
fn is_identifier(part: &str) -> bool {
    // every identifier starts with letters ("http", "pmc", "pmid", "doi"): a part without
    // any ("1", "2-4", "12–14") is none, and is not lower-cased into a new string
    if !part.bytes().any(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let p = part.trim().to_ascii_lowercase();
    let p = ["source:", "sources:", "see", "ref:"]
        .iter()
        .find_map(|w| p.strip_prefix(w))
        .unwrap_or(&p)
        .trim_start();
    let digits = |rest: &str, min: usize| {
        let rest = rest.trim_start_matches([':', ' ', '#']);
        let n = rest.bytes().take_while(u8::is_ascii_digit).count();
        n >= min && rest[n..].trim().is_empty()
    };
    if (p.starts_with("https://") || p.starts_with("http://")) && !p.contains(' ') {
        return true;
    }
    if let Some(rest) = p.strip_prefix("pmcid") {
        return digits(
            rest.trim_start_matches([':', ' '])
                .trim_start_matches("pmc"),
            5,
        );
    }
    if let Some(rest) = p.strip_prefix("pmc") {
        return digits(rest, 5);
    }
    if let Some(rest) = p.strip_prefix("pmid") {
        return digits(rest, 5);
    }
    let doi = p
        .strip_prefix("doi")
        .map(|r| r.trim_start_matches([':', ' ']))
        .or_else(|| p.strip_prefix("https://doi.org/"));
    doi.is_some_and(|d| d.starts_with("10.") && d.contains('/') && !d.contains(' '))
}

/// Link text that names authors and a year: "Lee et al., 2015", "Lee and Kim 2015",
/// "Lee, 2015".
fn names_author_year(text: &str) -> bool {
    // (in parentheses or brackets inside the link's text: `[(Nam et al., 2025)](…)`)
    let t = text.trim();
    let t = [('(', ')'), ('[', ']')]
        .iter()
        .find_map(|&(open, close)| t.strip_prefix(open)?.strip_suffix(close))
        .unwrap_or(t)
        .trim();
    let Some(year_at) = t.len().checked_sub(4) else {
        return false;
    };
    let year = t.get(year_at..).unwrap_or("");
    let head = t
        .get(..year_at)
        .unwrap_or("")
        .trim_end_matches([',', ' ', '(']);
    year.bytes().all(|b| b.is_ascii_digit())
        && (year.starts_with("19") || year.starts_with("20"))
        && head.chars().next().is_some_and(char::is_uppercase)
        && head.split_whitespace().count() <= 5
        && (head.contains(" et al") || head.split_whitespace().count() <= 3)
}

#[cfg(test)]
mod tests {
    use super::{chat_tokens, names_its_source, with_reference_links_inline};

    #[test]
    fn reference_style_links_are_read_through_their_definitions() {
        let defs = [
            (
                "Sakima2019",
                "[Sakima2019]: https://doi.org/10.1038/s41440-018-0123-4 \"Title\"",
            ),
            ("home", "[home]: <https://example.org/>"),
            ("local", "[local]: ../notes.md"),
        ];
        let src = "Both [Sakima 2019][sakima2019] and [the site][home] agree; [see][local].";
        assert_eq!(
            with_reference_links_inline(src, &defs).as_deref(),
            Some(
                "Both [Sakima 2019](https://doi.org/10.1038/s41440-018-0123-4) and \
                 [the site](https://example.org/) agree; [see][local]."
            )
        );
        assert!(names_its_source(
            &with_reference_links_inline(src, &defs).unwrap()
        ));
        // no definition that gives an address: nothing to write
        assert_eq!(
            with_reference_links_inline("[see][local] and [x][y]", &defs),
            None
        );
    }

    #[test]
    fn chat_tokens_are_found_and_told_apart() {
        let text = "Cramps ease.\u{E200}cite\u{E202}turn3view0\u{E201} Ask \u{E200}entity\u{E202}[\"org\",\"NHS\"]\u{E201}. Next【4†source】 and [cite: 2, 3] or [cite_start].";
        let got: Vec<(&str, bool)> = chat_tokens(text)
            .into_iter()
            .map(|t| (&text[t.span], t.cites))
            .collect();
        assert_eq!(
            got,
            [
                ("\u{E200}cite\u{E202}turn3view0\u{E201}", true),
                ("\u{E200}entity\u{E202}[\"org\",\"NHS\"]\u{E201}", false),
                ("【4†source】", true),
                ("[cite: 2, 3]", true),
                ("[cite_start]", false),
            ]
        );
        assert!(chat_tokens("Salt raises blood pressure.citeturn0search1")[0].cites);
        // words that hold "cite", and a wiki's tags, are not tokens
        assert!(chat_tokens("Teens recite and excite; [cite] [citation needed] [1]").is_empty());
    }

    #[test]
    fn a_link_on_the_claims_own_words_cites_it() {
        // a phrase of the claim on a page of another site, Markdown or HTML
        assert!(names_its_source(
            "Pills <a href=\"https://example.org/pill/how\" target=\"_blank\">work by suppressing the signals of the brain</a>."
        ));
        assert!(names_its_source(
            "Constipation is common, according to [a review of 43 trials](https://example.org/iron/side-effects)."
        ));
        // an HTML link numbered or into PubMed, as a Markdown one
        assert!(names_its_source(
            "Iron helps.<a href=\"https://pubmed.ncbi.nlm.nih.gov/123/\">PubMed</a>"
        ));
        // a link labelled as the source
        assert!(names_its_source(
            "Rates rose in winter. Sources: [World Health Organization](https://example.org/who/flu)"
        ));
        // a name, a page title, navigation, a site's root, an image or a call to action do not
        assert!(!names_its_source(
            "Risk rose by 27%, as the [heart foundation](https://example.org/heart) explains."
        ));
        assert!(!names_its_source(
            "See the [Managing Cancer Care](https://example.org/care) page."
        ));
        assert!(!names_its_source(
            "Use our [advanced clinical trial search](https://example.org/trials/search) to find trials."
        ));
        assert!(!names_its_source(
            "Risk rose, says [the society for the heart](https://example.org/)."
        ));
        assert!(!names_its_source(
            "![a drawing of the layers of the skin](https://example.org/skin.png) Skin has layers."
        ));
        assert!(!names_its_source(
            "Risk rose. <a href=\"https://example.org/x\">read more</a>"
        ));
    }

    #[test]
    fn a_link_naming_the_work_or_its_authors_cites_it() {
        // the kind of work, on a page of another site
        assert!(names_its_source(
            "There was a [study](https://example.org/news/salt) that tied salt to strokes."
        ));
        assert!(names_its_source(
            "Rates fell by half in [this review](https://example.org/papers/42)."
        ));
        // authors and year in parentheses inside the link's text, any site
        assert!(names_its_source(
            "Clearance reached 53% [(Nam et al., 2025)](https://example.org/journal/article/9)."
        ));
        assert!(names_its_source(
            "No limit applies [(FDA, 2025)](https://example.org/label.pdf)."
        ));
        // a kind qualified in lower case or by a year, after a determiner
        assert!(names_its_source(
            "Rest helps, as a [sports medicine review](https://example.org/papers/7) found."
        ));
        assert!(names_its_source(
            "Sleep improved in [a 2019 pilot study](https://example.org/trials/19)."
        ));
        assert!(names_its_source(
            "Pain fell by 40%, as [The New Study](https://example.org/papers/2) showed."
        ));
        // ...not without one, nor a name, nor a glossary's definition of the term
        assert!(!names_its_source(
            "Ask about [sports medicine review](https://example.org/papers/7) services."
        ));
        assert!(!names_its_source(
            "Rates fell, says the [Cochrane Airways review](https://example.org/papers/7)."
        ));
        assert!(!names_its_source(
            "You may join a [randomized clinical trial](https://example.org/glossary/rct)."
        ));
        // a kind qualified by a name, or a site's root page, is not one
        assert!(!names_its_source(
            "Search [clinical trials](https://example.org/trials) near you."
        ));
        assert!(!names_its_source(
            "Read the [study](https://example.org/) on salt."
        ));
        // a bare word, or a title that ends in a year in brackets of its own
        assert!(!names_its_source(
            "Ibuprofen can bleed; you can [report](https://example.org/safety/report) side effects."
        ));
        assert!(!names_its_source(
            "Cases rose, says the [Annual Report (2023)](https://example.org/annual/2023)."
        ));
    }

    #[test]
    fn authors_and_year_in_the_text_name_the_source() {
        assert!(names_its_source(
            "**Morgan et al. (2025)**: 30% of patients had low ferritin."
        ));
        assert!(names_its_source("Ferritin fell (Park et al., 2021)."));
        assert!(names_its_source("Devi et al. 2017 pooled six trials."));
        // (a name after a line break)
        assert!(names_its_source(
            "as reported by\nMorgan et al. (2025), most had low iron."
        ));
        // no year after it, or no name before it
        assert!(!names_its_source(
            "Morgan et al. found that 30% had low ferritin."
        ));
        assert!(!names_its_source("As noted et al. 2019 was a hard year."));
        assert!(!names_its_source("Morgan et al. (20251) is not a year."));
        // a moment of the recording summarised
        assert!(names_its_source(
            "Focus improved [<a class=\"yt-timestamp\" data-t=\"01:14:38\">[01:14:38]</a>]."
        ));
        assert!(names_its_source(
            "Focus improved [14:38](https://example.org/ep4?t=878)."
        ));
        assert!(!names_its_source("Focus improved [1] at 14:38."));
        // a ratio
        assert!(!names_its_source(
            "Diluted [1:10] bleach kills 99% of bacteria."
        ));
        // in italics, as scientific writing sets it
        assert!(names_its_source("Ferritin fell (Park _et al._, 2021)."));
        assert!(names_its_source("*Devi* *et al.* 2017 pooled six trials."));
        // two authors
        assert!(names_its_source(
            "Flour fortification lowered rates, as Tembo and Ruiz (2018) reviewed."
        ));
        assert!(names_its_source("Rates fell (Tembo & Ruiz, 2018)."));
        // full-width parentheses, glued to the word before them
        assert!(names_its_source(
            "Heart failure affects 64 million people worldwide（Joseph et al., 2022)."
        ));
        assert!(names_its_source("Rates fell（Tembo & Ruiz, 2018）."));
        // with the full-width comma that comes with them
        assert!(names_its_source("Rates fell（Tembo & Ruiz，2018）."));
        assert!(names_its_source("Parsers improved（Nivre et al.，2016）."));
        assert!(!names_its_source(
            "Rates of HFrEF fell（HFrEF，2020 guideline）."
        ));
        assert!(!names_its_source(
            "Heart failure with reduced ejection fraction（HFrEF）is common since 2020."
        ));
        assert!(!names_its_source(
            "Between Monday and Friday (2018 figures) visits rose."
        ));
        assert!(!names_its_source("Iron and Zinc (20181) is not a year."));
        assert!(!names_its_source(
            "Deaths in England and Wales (2019) rose by 20% among older adults."
        ));
        assert!(!names_its_source(
            "Between January and March, 2020, admissions rose 40% in adults."
        ));
        assert!(names_its_source(
            "Tembo and Ruiz (2018) found that rates fell."
        ));
        // a journal before the year
        assert!(names_its_source(
            "Rahimi et al. (Malar J 2017) found that iron cut anaemia by 20%."
        ));
    }
}
