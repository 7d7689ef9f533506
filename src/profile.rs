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
    /// Settings for the metadata rules; read by `crate::document::metadata`.
    #[serde(default)]
    pub metadata: toml::Table,
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
        let mut m: BTreeMap<String, Profile> =
            toml::from_str(include_str!("../rules/profiles.toml"))
                .expect("rules/profiles.toml is valid");
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
}
