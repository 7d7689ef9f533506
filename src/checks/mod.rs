//! The rule registry. One file per rule; each file's leading `//!` comment is the rule's
//! documentation, printed by `citelint rule ID`.

pub mod citations;
pub mod claims;
pub mod content;
pub mod evidence;
pub mod metadata;
pub mod packs;
pub mod sources;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::any::Any;
use std::borrow::Cow;
use std::sync::Arc;

/// What a rule reads besides the document: the date, its options, the profile.
pub struct Context<'a> {
    pub today: jiff::civil::Date,
    /// The rule's options (`[rules.ID]` without `severity`), parsed into its typed struct.
    pub options: &'a (dyn Any + Send + Sync),
    pub profile: &'a crate::profile::Profile,
    /// The lexicons: built in, or extended by the config's rule packs.
    pub lexicons: &'a packs::Lexicons,
}

impl Context<'_> {
    /// The rule's typed options; the defaults when the run holds none of this type.
    pub fn options<T: Any + Clone + Default>(&self) -> Cow<'_, T> {
        match self.options.downcast_ref::<T>() {
            Some(o) => Cow::Borrowed(o),
            None => Cow::Owned(T::default()),
        }
    }
}

/// A rule's options as parsed from the config: the rule's own typed struct.
pub type Options = Arc<dyn Any + Send + Sync>;

/// Parse a `[rules.ID]` table (without `severity`) into the options struct `T`: unknown keys
/// and bad values are errors.
pub fn parse_options<T>(table: toml::Table) -> Result<Options, String>
where
    T: DeserializeOwned + Send + Sync + 'static,
{
    toml::Value::Table(table)
        .try_into::<T>()
        .map(|o| Arc::new(o) as Options)
        .map_err(|e| e.message().to_string())
}

/// The options of a rule that takes none.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoOptions {}

/// An option a rule accepts in `[rules.ID]`.
pub struct RuleOption {
    pub name: &'static str,
    pub kind: &'static str,
    pub help: &'static str,
}

/// A compiled lexicon a rule uses; the run compiles the ones its rules need at start-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lexicon {
    Claims,
    Evidence,
    Assistant,
}

/// What a rule reads of a document beyond blocks and citations: a run parses only what its
/// rules read.
#[derive(Clone, Copy, Debug)]
pub struct Reads {
    /// The plain text of every block, `Block::text` (made when a rule reads it, sentences or
    /// metadata).
    pub text: bool,
    /// `Document::sentences` (skipped when no rule of the run reads them).
    pub sentences: bool,
    /// `Document::metadata` (skipped when no rule of the run reads it).
    pub metadata: bool,
    /// `Document::references` (always parsed; said for the reader).
    pub references: bool,
    pub lexicons: &'static [Lexicon],
}

impl Reads {
    /// Blocks and citations only.
    pub const NOTHING_MORE: Reads = Reads {
        text: false,
        sentences: false,
        metadata: false,
        references: false,
        lexicons: &[],
    };
    /// The reference lists (the citations family).
    pub const REFERENCES: Reads = Reads {
        references: true,
        ..Reads::NOTHING_MORE
    };
    /// Sentences with their citations, and the references they cite (the sources family).
    pub const CITED_SENTENCES: Reads = Reads {
        sentences: true,
        references: true,
        ..Reads::NOTHING_MORE
    };
    /// The plain text of the blocks, with no sentences.
    pub const TEXT: Reads = Reads {
        text: true,
        ..Reads::NOTHING_MORE
    };
    /// The metadata fields.
    pub const METADATA: Reads = Reads {
        metadata: true,
        ..Reads::NOTHING_MORE
    };
}

/// A rule: its stable id, family, summary, documentation and check function.
pub struct Rule {
    pub id: &'static str,
    pub family: &'static str,
    pub summary: &'static str,
    /// The rule file's source; its leading `//!` lines are the documentation.
    pub source: &'static str,
    pub default_severity: Severity,
    pub reads: Reads,
    /// The options it accepts: names for the config's error messages.
    pub options: &'static [RuleOption],
    /// Parses its `[rules.ID]` table into its typed options struct.
    pub parse_options: fn(toml::Table) -> Result<Options, String>,
    pub check: fn(&Document, &Context) -> Vec<Diagnostic>,
}

impl Rule {
    /// The rule's documentation: the `//!` comment at the top of its file.
    pub fn doc(&self) -> String {
        self.source
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .map(|l| {
                l.strip_prefix("//! ")
                    .unwrap_or(l.strip_prefix("//!").unwrap_or(l))
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Its options with every default.
    pub fn default_options(&self) -> Options {
        (self.parse_options)(toml::Table::new()).unwrap_or_else(|_| Arc::new(NoOptions {}))
    }
}

/// Every rule, in catalogue order.
pub static RULES: &[&Rule] = &[
    &citations::unresolved_citation::RULE,
    &citations::unused_reference::RULE,
    &citations::duplicate_reference::RULE,
    &citations::citation_order::RULE,
    &citations::malformed_citation::RULE,
    &claims::uncited_claim::RULE,
    &evidence::evidence_contradiction::RULE,
    &metadata::missing_disclaimer::RULE,
    &metadata::missing_review_metadata::RULE,
    &metadata::stale_review::RULE,
    &metadata::review_pending::RULE,
    &metadata::missing_ai_disclosure::RULE,
    &content::assistant_artifact::RULE,
    &content::placeholder_text::RULE,
    &content::unused_suppression::RULE,
    &sources::quote_mismatch::RULE,
    &sources::number_mismatch::RULE,
    &sources::invalid_identifier::RULE,
    &sources::retracted_reference::RULE,
];

/// The id of a suppression comment that names a rule that does not exist.
pub const INVALID_SUPPRESSION: &str = "invalid-suppression";

/// Ids reported by the engine itself rather than by a rule.
pub const BUILTIN_IDS: &[(&str, &str)] = &[
    (
        crate::document::bibliography::PARSE_ERROR,
        "the input itself is broken: unreadable or binary file, invalid UTF-8, front matter or bibliography that does not parse",
    ),
    (
        INVALID_SUPPRESSION,
        "a suppression comment names a rule that does not exist",
    ),
];

pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

pub fn is_known(id: &str) -> bool {
    find(id).is_some() || BUILTIN_IDS.iter().any(|(b, _)| *b == id)
}

/// Format a list of keys as "1, 2, 3".
pub fn join_keys<T: std::fmt::Display>(keys: &[T]) -> String {
    keys.iter()
        .map(|k| k.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Catalogue ids whose rules are not in this build yet; profiles may name them.
pub const PLANNED: &[&str] = &[];

#[cfg(test)]
mod tests {
    #[test]
    fn every_listed_option_is_a_field_of_the_typed_options() {
        for rule in super::RULES {
            if rule.options.is_empty() {
                assert!(
                    rule.default_options().is::<super::NoOptions>(),
                    "{}",
                    rule.id
                );
            }
            for o in rule.options {
                // a table is no option's type: the error must be about the value, not the name
                let t = toml::Table::from_iter([(
                    o.name.to_string(),
                    toml::Value::Table(toml::Table::new()),
                )]);
                let e = (rule.parse_options)(t).err().unwrap_or_default();
                assert!(
                    !e.is_empty() && !e.contains("unknown field"),
                    "{}: option `{}`: {e}",
                    rule.id,
                    o.name
                );
            }
            let t = toml::Table::from_iter([(
                "no-such-option".to_string(),
                toml::Value::Boolean(true),
            )]);
            assert!(
                (rule.parse_options)(t).is_err(),
                "{}: unknown options must be rejected",
                rule.id
            );
        }
    }
}

/// Run one rule over a text in memory (unit tests of the rules).
#[cfg(test)]
pub mod testing {
    use crate::diagnostic::Diagnostic;
    use crate::document::{Document, Format, ParseOptions};

    pub fn run_with(
        id: &str,
        text: &str,
        path: &str,
        profile: &str,
        today: &str,
    ) -> Vec<Diagnostic> {
        let format = Format::from_path(std::path::Path::new(path)).unwrap_or(Format::Markdown);
        let doc = Document::parse(path, text.to_string(), format, &ParseOptions::default());
        let rule = super::find(id).expect("rule");
        let options = rule.default_options();
        let cx = super::Context {
            today: today.parse().expect("date"),
            options: &*options,
            profile: crate::profile::get(profile).expect("profile"),
            lexicons: &super::packs::Lexicons::default(),
        };
        (rule.check)(&doc, &cx)
    }

    /// With the medical profile, judged on 2026-11-24.
    pub fn run(id: &str, text: &str, path: &str) -> Vec<Diagnostic> {
        run_with(id, text, path, "medical", "2026-11-24")
    }
}
