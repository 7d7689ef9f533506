//! Profiles (`rules/profiles.toml`, compiled in): which rules run, their severities, and the
//! settings of the metadata rules.

use crate::diagnostic::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

pub const DEFAULT_PROFILE: &str = "medical";

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Profile {
    #[serde(skip)]
    pub name: String,
    pub description: String,
    #[serde(default)]
    pub disabled: Vec<String>,
    #[serde(default)]
    pub severity: BTreeMap<String, String>,
    /// Settings for the metadata rules (`[NAME.metadata]`).
    #[serde(default)]
    pub metadata: MetadataSettings,
}

/// A profile's settings for the metadata rules; a rule's own options take precedence.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MetadataSettings {
    /// The fields `missing-review-metadata` asks for.
    #[serde(default)]
    pub require: Vec<Required>,
    /// Whether `missing-disclaimer` asks for a disclaimer.
    #[serde(default)]
    pub require_disclaimer: bool,
    /// `stale-review`: how many days old the review/update date may be.
    pub max_review_age_days: Option<i64>,
    /// Read 05/12/2025 as May 12 (true) or 5 December (false).
    #[serde(default = "yes")]
    pub month_first: bool,
    /// Section titles that are a disclaimer (matched as words in the title).
    #[serde(default)]
    pub disclaimer_headings: Vec<String>,
    /// Sentences that are a disclaimer wherever they stand.
    #[serde(default)]
    pub disclaimer_phrases: Vec<String>,
}

fn yes() -> bool {
    true
}

impl Default for MetadataSettings {
    fn default() -> MetadataSettings {
        MetadataSettings {
            require: Vec::new(),
            require_disclaimer: false,
            max_review_age_days: None,
            month_first: true,
            disclaimer_headings: Vec::new(),
            disclaimer_phrases: Vec::new(),
        }
    }
}

/// A metadata field `missing-review-metadata` can require.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Required {
    /// A last reviewed or last updated date.
    ReviewDate,
    /// A named human reviewer.
    Reviewer,
}

impl Profile {
    pub fn severity_of(&self, rule: &str) -> Option<Severity> {
        self.severity.get(rule).and_then(|s| Severity::parse(s))
    }
    pub fn enables(&self, rule: &str) -> bool {
        !self.disabled.iter().any(|d| d == rule)
    }
}

/// The built-in profiles.
pub fn builtin() -> &'static BTreeMap<String, Profile> {
    static P: OnceLock<BTreeMap<String, Profile>> = OnceLock::new();
    P.get_or_init(|| {
        let mut m: BTreeMap<String, Profile> = crate::builtin_rules::builtin_rules!("profiles");
        for (k, p) in m.iter_mut() {
            p.name = k.clone();
        }
        m
    })
}

pub fn get(name: &str) -> Option<&'static Profile> {
    builtin().get(name)
}

#[cfg(test)]
mod tests {
    #[test]
    fn builtin_profiles_name_only_known_rules() {
        for p in super::builtin().values() {
            for id in p.disabled.iter().chain(p.severity.keys()) {
                assert!(
                    crate::checks::is_known(id) || crate::checks::PLANNED.contains(&id.as_str()),
                    "profile {} names unknown rule {id}",
                    p.name
                );
            }
            for s in p.severity.values() {
                assert!(
                    crate::diagnostic::Severity::parse(s).is_some(),
                    "bad severity {s}"
                );
            }
        }
        assert!(super::get(super::DEFAULT_PROFILE).is_some());
    }

    #[test]
    fn profile_metadata_settings_are_typed() {
        let bad = "[p]\ndescription = \"x\"\n[p.metadata]\nrequire = [\"reviewr\"]\n";
        let e =
            toml::from_str::<std::collections::BTreeMap<String, super::Profile>>(bad).unwrap_err();
        assert!(e.message().contains("reviewr"), "{}", e.message());
        let bad = "[p]\ndescription = \"x\"\n[p.metadata]\nmax-review-age = 3\n";
        assert!(toml::from_str::<std::collections::BTreeMap<String, super::Profile>>(bad).is_err());
        let medical = super::get("medical").unwrap();
        assert_eq!(medical.metadata.max_review_age_days, Some(365));
        assert!(medical.metadata.require_disclaimer && medical.metadata.month_first);
    }
}
