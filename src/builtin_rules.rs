//! The built-in TOML files of `rules/`, read from the JSON that `build.rs` wrote of them:
//! parsing the TOML was a twelfth of a run on one article (issue #21), JSON reads in a
//! fraction of that. A rule pack from the user's config is still TOML, parsed at run time.

use serde::de::DeserializeOwned;

/// `rules/NAME.toml` read as `T`, from its JSON (see [`read`]).
macro_rules! builtin_rules {
    ($name:literal) => {
        $crate::builtin_rules::read(
            include_str!(concat!(env!("OUT_DIR"), "/rules-", $name, ".json")),
            $name,
        )
    };
}
pub(crate) use builtin_rules;

/// The built-in rules file `name` as `T`, from `json`, its JSON. Panics if it does not read
/// (a test reads every one).
pub(crate) fn read<T: DeserializeOwned>(json: &str, name: &str) -> T {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("rules/{name}.toml: {e}"))
}

#[cfg(test)]
mod tests {
    use std::fmt::Debug;

    /// The JSON reads as the TOML does (the same values, every float bit for bit: `Debug`
    /// prints the shortest form that reads back to the same float).
    fn same<T: serde::de::DeserializeOwned + Debug>(toml: &str, json: T) {
        let from_toml: T = toml::from_str(toml).unwrap();
        assert_eq!(format!("{from_toml:#?}"), format!("{json:#?}"));
    }

    #[test]
    fn built_in_rules_read_from_json_as_from_toml() {
        use crate::checks::{claims::engine, content::assistant_artifact, evidence};
        same::<assistant_artifact::Lexicon>(
            assistant_artifact::BUILTIN,
            builtin_rules!("assistant"),
        );
        same::<engine::LexiconFile>(engine::BUILTIN_TOML, builtin_rules!("claims"));
        same::<crate::document::english::English>(
            include_str!("../rules/english.toml"),
            builtin_rules!("english"),
        );
        same::<evidence::RawLexicon>(evidence::BUILTIN_LEXICON, builtin_rules!("evidence"));
        same::<crate::document::metadata::Pack>(
            include_str!("../rules/metadata.toml"),
            builtin_rules!("metadata"),
        );
        same::<crate::checks::content::placeholder_text::Lexicon>(
            crate::checks::content::placeholder_text::BUILTIN,
            builtin_rules!("placeholders"),
        );
        same::<std::collections::BTreeMap<String, crate::profile::Profile>>(
            include_str!("../rules/profiles.toml"),
            builtin_rules!("profiles"),
        );
    }
}
