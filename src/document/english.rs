//! The English words the parser knows (`rules/english.toml`, compiled in): the sentence
//! splitter's abbreviations and openers, and the words a number after which is part of the
//! sentence rather than a citation.

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
}
