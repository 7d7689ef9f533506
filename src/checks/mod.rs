//! The rule registry. One file per rule; each file's leading `//!` comment is the rule's
//! documentation, printed by `citelint rule ID`.

pub mod citations;
pub mod claims;
pub mod content;
pub mod evidence;
pub mod metadata;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;

/// What a rule reads besides the document: the date, its options, the profile.
pub struct Context<'a> {
    pub today: jiff::civil::Date,
    /// The rule's options table from the config (`[rules.ID]`), without `severity`.
    pub options: &'a toml::Table,
    pub profile: &'a crate::profile::Profile,
    /// The lexicons: built in, or extended by the config's rule packs.
    pub lexicons: crate::packs::Lexicons,
}

impl Context<'_> {
    pub fn f32_option(&self, name: &str, default: f32) -> f32 {
        match self.options.get(name) {
            Some(toml::Value::Float(f)) => *f as f32,
            Some(toml::Value::Integer(i)) => *i as f32,
            _ => default,
        }
    }
    pub fn str_option<'b>(&'b self, name: &str, default: &'b str) -> &'b str {
        self.options
            .get(name)
            .and_then(|v| v.as_str())
            .unwrap_or(default)
    }
    pub fn bool_option(&self, name: &str, default: bool) -> bool {
        self.options
            .get(name)
            .and_then(|v| v.as_bool())
            .unwrap_or(default)
    }
}

/// The strings of a TOML array value (non-strings skipped); empty when absent.
pub fn string_list(v: Option<&toml::Value>) -> Vec<String> {
    v.and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// An option a rule accepts in `[rules.ID]`.
pub struct RuleOption {
    pub name: &'static str,
    pub kind: &'static str,
    pub help: &'static str,
}

/// A rule: its stable id, family, summary, documentation and check function.
pub struct Rule {
    pub id: &'static str,
    pub family: &'static str,
    pub summary: &'static str,
    /// The rule file's source; its leading `//!` lines are the documentation.
    pub source: &'static str,
    pub default_severity: Severity,
    pub options: &'static [RuleOption],
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
    &content::assistant_artifact::RULE,
];

/// Ids reported by the engine itself rather than by a rule.
pub const BUILTIN_IDS: &[(&str, &str)] = &[
    (
        crate::document::bibliography::PARSE_ERROR,
        "the input itself is broken: unreadable or binary file, invalid UTF-8, front matter or bibliography that does not parse",
    ),
    (
        crate::suppress::INVALID_SUPPRESSION,
        "a suppression comment names a rule that does not exist",
    ),
];

/// Rules that read `Document::sentences`; a run without any skips the sentence split.
pub fn reads_sentences(id: &str) -> bool {
    matches!(
        id,
        "uncited-claim" | "evidence-contradiction" | "assistant-artifact" | "review-pending"
    )
}

/// Rules that read `Document::metadata`; a run without any skips collecting it.
pub fn reads_metadata(id: &str) -> bool {
    matches!(
        id,
        "uncited-claim"
            | "missing-disclaimer"
            | "missing-review-metadata"
            | "review-pending"
            | "stale-review"
    )
}

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
        let options = toml::Table::new();
        let cx = super::Context {
            today: today.parse().expect("date"),
            options: &options,
            profile: crate::profile::get(profile).expect("profile"),
            lexicons: crate::packs::Lexicons::default(),
        };
        (super::find(id).expect("rule").check)(&doc, &cx)
    }

    /// With the medical profile, judged on 2026-11-24.
    pub fn run(id: &str, text: &str, path: &str) -> Vec<Diagnostic> {
        run_with(id, text, path, "medical", "2026-11-24")
    }
}
