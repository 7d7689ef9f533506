//! The English words the parser knows (`rules/english.toml`, compiled in): the sentence
//! splitter's abbreviations and openers, and the words a number after which is part of the
//! sentence rather than a citation, and the web addresses of scholarly works.

use serde::Deserialize;
use std::sync::OnceLock;

/// The contents of `rules/english.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct English {
    pub sentences: Sentences,
    pub citations: Citations,
    pub transcripts: Transcripts,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Sentences {
    /// The full stop after these never ends a sentence.
    pub never_final: Vec<String>,
    /// These take a number after them (`No. 5`).
    pub numeric_prefix: Vec<String>,
    /// These end a sentence only when an opener follows.
    pub maybe_final: Vec<String>,
    /// Words that typically open a sentence.
    pub openers: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Citations {
    /// A number after these ("stage 2") is not a citation.
    pub number_heads: Vec<String>,
    /// Addresses of scholarly works: a part of the address, or a host and a part of the
    /// path, space-separated.
    pub scholarly_addresses: Vec<String>,
    /// Words of a group label in a reference list that make its entries an inventory.
    pub inventory_labels: Vec<String>,
    /// Words for what an inventory lists (studies, trials, reviews).
    pub inventory_objects: Vec<String>,
}

/// Whether `url` is the address of a scholarly work (`[citations] scholarly-addresses`).
pub fn scholarly(url: &str) -> bool {
    let url = url.to_ascii_lowercase();
    words()
        .citations
        .scholarly_addresses
        .iter()
        .any(|e| match e.split_once(' ') {
            Some((host, path)) => url
                .find(host)
                .is_some_and(|k| url[k + host.len()..].contains(path)),
            None => url.contains(e.as_str()),
        })
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Transcripts {
    /// Labels of the user's turns in a saved chat (`You`, `User`).
    pub user_labels: Vec<String>,
    /// Labels of the assistant's turns (`ChatGPT`, `Assistant`).
    pub assistant_labels: Vec<String>,
}

pub fn words() -> &'static English {
    static W: OnceLock<English> = OnceLock::new();
    W.get_or_init(|| crate::builtin_rules::builtin_rules!("english"))
}

/// Is `word` one of `list`?
pub fn listed(list: &[String], word: &str) -> bool {
    list.iter().any(|w| w == word)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_built_in_words_load() {
        let w = super::words();
        assert!(super::listed(&w.sentences.never_final, "e.g"));
        assert!(super::listed(&w.citations.number_heads, "stage"));
    }

    #[test]
    fn scholarly_addresses_are_article_pages() {
        use super::scholarly;
        for url in [
            "https://jamanetwork.com/journals/jamanetworkopen/fullarticle/2820833",
            "https://www.thelancet.com/journals/landia/article/PIIS2213-8587(19)30192-1/fulltext",
            "https://www.nature.com/articles/s41591-022-01234-5",
            "https://www.nejm.org/doi/full/10.1056/NEJMoa2032183",
            "https://academic.oup.com/jcem/article/106/3/e1106/6046156",
            "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3120182/",
        ] {
            assert!(scholarly(url), "{url}");
        }
        // a journal's home, a search, a news page
        for url in [
            "https://jamanetwork.com/",
            "https://www.thelancet.com/coronavirus",
            "https://www.nature.com/news",
            "https://academic.oup.com/jcem",
            "https://www.cdc.gov/diabetes/index.html",
        ] {
            assert!(!scholarly(url), "{url}");
        }
    }
}
