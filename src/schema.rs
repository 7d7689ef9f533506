//! What `citelint.toml` accepts, described once and written two ways: the JSON Schema that
//! editors use to complete and check the file (`citelint schema`, kept in the repository as
//! `citelint.schema.json` for SchemaStore), and the commented starting config `citelint init`
//! writes. Both come from [`KEYS`] and the rule registry (ids, summaries, options), so a new
//! rule or option appears in both without an edit here.

use crate::checks::{self, RuleOption};
use crate::profile::Profile;
use serde_json::{Value, json};

/// Where the committed schema is published (its `$id`, and the `#:schema` line of `init`).
pub const SCHEMA_URL: &str =
    "https://raw.githubusercontent.com/citelint/citelint/main/citelint.schema.json";

/// The type of a top-level key's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Profile,
    RuleIds,
    Strings,
    Bool,
    Rules,
    Overrides,
}

/// A top-level key of `citelint.toml`.
pub struct Key {
    pub name: &'static str,
    pub kind: Kind,
    pub help: &'static str,
    /// the commented example line `init` writes (none for the profile and the tables)
    pub example: &'static str,
}

/// Every top-level key, in the order `init` writes them.
pub const KEYS: &[Key] = &[
    Key {
        name: "profile",
        kind: Kind::Profile,
        help: "The rule profile: which rules run, their severities, what the metadata rules require.",
        example: "",
    },
    Key {
        name: "select",
        kind: Kind::RuleIds,
        help: "Run exactly these rules (replaces the profile's set).",
        example: r#"select = ["unresolved-citation", "uncited-claim"]"#,
    },
    Key {
        name: "ignore",
        kind: Kind::RuleIds,
        help: "Never run these rules.",
        example: r#"ignore = ["citation-order"]"#,
    },
    Key {
        name: "extensions",
        kind: Kind::Strings,
        help: "File extensions linted when walking folders (default: md, markdown, qmd, rmd, txt, html, htm).",
        example: r#"extensions = ["md", "qmd", "html"]"#,
    },
    Key {
        name: "bare-numbers",
        kind: Kind::Bool,
        help: "Recognise bare trailing numbers (`… melanoma 1, 2.`) as citations in every format.",
        example: "bare-numbers = true",
    },
    Key {
        name: "bibliography",
        kind: Kind::Strings,
        help: "CSL-JSON or BibTeX bibliographies used when an article names none, relative to the article.",
        example: r#"bibliography = ["refs.bib"]"#,
    },
    Key {
        name: "html-main",
        kind: Kind::Strings,
        help: "Where the article text of an HTML page is: simple selectors (`tag`, `#id`, `.class`) tried before article, main and body.",
        example: r##"html-main = ["#content"]"##,
    },
    Key {
        name: "retractions",
        kind: Kind::Strings,
        help: "Retraction lists for retracted-reference, relative to the config file: the Retraction Watch CSV or one DOI per line. Read once per run; no network.",
        example: r#"retractions = ["retraction-watch.csv"]"#,
    },
    Key {
        name: "rule-packs",
        kind: Kind::Strings,
        help: "Extra rule packs (TOML lexicons), relative to the config file.",
        example: r#"rule-packs = ["house.toml"]"#,
    },
    Key {
        name: "rules",
        kind: Kind::Rules,
        help: "Per-rule severity and options: [rules.ID].",
        example: "",
    },
    Key {
        name: "overrides",
        kind: Kind::Overrides,
        help: "Per-path settings: [[overrides]] with paths (globs relative to the config file) and profile, select, ignore, rules.",
        example: "",
    },
];

/// The keys an `[[overrides]]` entry takes besides `paths`.
const OVERRIDE_KEYS: &[&str] = &["profile", "select", "ignore", "rules"];

/// A rule option's type, from the `kind` its rule declares. `None`: a kind this function does
/// not know (a test keeps every declared kind known).
pub fn option_schema(o: &RuleOption) -> Option<Value> {
    let kind = o.kind.trim();
    let t = match kind {
        "bool" | "boolean" => json!({"type": "boolean"}),
        "integer" => json!({"type": "integer"}),
        "number" => json!({"type": "number"}),
        "path" | "string" => json!({"type": "string"}),
        "list of strings" => json!({"type": "array", "items": {"type": "string"}}),
        // `"a" | "b"`
        _ if kind.starts_with('"') => {
            let values: Vec<&str> = kind
                .split('|')
                .map(|v| v.trim().trim_matches('"'))
                .collect();
            json!({"enum": values})
        }
        _ => return None,
    };
    let mut t = t;
    t["description"] = json!(o.help);
    Some(t)
}

fn profile_description(profiles: impl Iterator<Item = &'static Profile>) -> String {
    profiles
        .map(|p| format!("{}: {}", p.name, p.description))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The JSON Schema (draft-07, as SchemaStore takes it) of `citelint.toml`.
pub fn schema() -> Value {
    let ids: Vec<&str> = checks::RULES.iter().map(|r| r.id).collect();
    let profiles: Vec<&String> = crate::profile::builtin().keys().collect();
    let mut rules = serde_json::Map::new();
    for r in checks::RULES {
        let mut props = serde_json::Map::new();
        props.insert("severity".into(), json!({"$ref": "#/definitions/severity"}));
        for o in r.options {
            props.insert(
                o.name.into(),
                option_schema(o).unwrap_or_else(|| json!({"description": o.help})),
            );
        }
        rules.insert(
            r.id.into(),
            json!({
                "description": format!("{}: {} (`citelint rule {}`)", r.id, r.summary, r.id),
                "type": "object",
                "properties": props,
                "additionalProperties": false,
            }),
        );
    }
    let mut properties = serde_json::Map::new();
    for k in KEYS {
        let v = match k.kind {
            Kind::Profile => json!({"$ref": "#/definitions/profile"}),
            Kind::RuleIds => json!({"type": "array", "items": {"$ref": "#/definitions/rule-id"}}),
            Kind::Strings => json!({"type": "array", "items": {"type": "string"}}),
            Kind::Bool => json!({"type": "boolean", "default": false}),
            Kind::Rules => json!({"$ref": "#/definitions/rules"}),
            Kind::Overrides => {
                let mut o = serde_json::Map::new();
                o.insert(
                    "paths".into(),
                    json!({
                        "description": "Globs, relative to the config file, of the files these settings are for.",
                        "type": "array",
                        "items": {"type": "string"},
                    }),
                );
                for name in OVERRIDE_KEYS {
                    o.insert((*name).into(), properties[*name].clone());
                }
                json!({
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": o,
                        "required": ["paths"],
                        "additionalProperties": false,
                    },
                })
            }
        };
        let mut v = v;
        v["description"] = json!(k.help);
        properties.insert(k.name.into(), v);
    }
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_URL,
        "title": "citelint.toml",
        "description": "Configuration of citelint, a linter for claim–citation consistency in health and science articles.",
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
        "definitions": {
            "profile": {
                "description": profile_description(crate::profile::builtin().values()),
                "enum": profiles,
            },
            "rule-id": {"enum": ids},
            "severity": {"enum": ["error", "warning", "info"]},
            "rules": {
                "type": "object",
                "properties": rules,
                "additionalProperties": false,
            },
        },
    })
}

/// `citelint schema`'s output: the schema as committed in `citelint.schema.json`.
pub fn schema_text() -> String {
    let mut s = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    s.push('\n');
    s
}

/// Wrap `text` into `# ` comment lines of at most 96 columns.
fn comment(text: &str, out: &mut String) {
    let mut line = String::from("#");
    for word in text.split_whitespace() {
        if line.len() + 1 + word.len() > 96 && line.len() > 1 {
            out.push_str(&line);
            out.push('\n');
            line = String::from("#");
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
}

/// The commented `citelint.toml` that `citelint init` writes for `profile`: the profile set,
/// every other key and every rule's severity and options as commented examples.
pub fn init_text(profile: &Profile) -> String {
    let mut out = format!(
        "#:schema {SCHEMA_URL}\n\
         # citelint configuration, written by `citelint init`. `citelint check` finds it in this\n\
         # folder and the folders below (or name it with --config). Unknown keys are errors.\n\
         # Uncomment a line to use it; `citelint rule ID` documents each rule and its options.\n\n"
    );
    for k in KEYS {
        match k.kind {
            Kind::Profile => {
                comment(k.help, &mut out);
                for p in crate::profile::builtin().values() {
                    comment(&format!("\"{}\": {}", p.name, p.description), &mut out);
                }
                out.push_str(&format!("profile = \"{}\"\n\n", profile.name));
            }
            Kind::Rules => {
                comment(
                    &format!(
                        "{} The rules of the \"{}\" profile, at their severity in it:",
                        k.help, profile.name
                    ),
                    &mut out,
                );
                out.push('\n');
                for r in checks::RULES {
                    let on = profile.enables(r.id);
                    let severity = profile.severity_of(r.id).unwrap_or(r.default_severity);
                    out.push_str(&format!("# [rules.{}]\n", r.id));
                    comment(r.summary, &mut out);
                    if on {
                        out.push_str(&format!("# severity = \"{}\"\n", severity.as_str()));
                    } else {
                        out.push_str(&format!(
                            "# (off in this profile: add it to `select` to run it; severity \"{}\")\n",
                            severity.as_str()
                        ));
                    }
                    for o in r.options {
                        comment(
                            &format!("option {} ({}): {}", o.name, o.kind, o.help),
                            &mut out,
                        );
                    }
                    out.push('\n');
                }
            }
            Kind::Overrides => {
                comment(k.help, &mut out);
                out.push_str(
                    "# [[overrides]]\n# paths = [\"drafts/**\"]\n# ignore = [\"stale-review\"]\n",
                );
            }
            _ => {
                comment(k.help, &mut out);
                out.push_str(&format!("# {}\n\n", k.example));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_kind_has_a_type() {
        for r in checks::RULES {
            for o in r.options {
                assert!(
                    option_schema(o).is_some(),
                    "{}: option `{}` has kind `{}`, which the schema does not know",
                    r.id,
                    o.name,
                    o.kind
                );
            }
        }
    }

    /// The config loader names the keys it accepts when it meets an unknown one: they must be
    /// exactly [`KEYS`], and every example must be accepted.
    #[test]
    fn the_keys_are_the_ones_the_config_accepts() {
        let e = crate::config::Config::parse("t.toml", "no-such-key = 1\n").unwrap_err();
        let mut accepted: Vec<&str> = e.message.split('`').skip(3).step_by(2).collect();
        accepted.sort();
        let mut ours: Vec<&str> = KEYS.iter().map(|k| k.name).collect();
        ours.sort();
        assert_eq!(accepted, ours, "{}", e.message);
        for k in KEYS.iter().filter(|k| !k.example.is_empty()) {
            crate::config::Config::parse("t.toml", k.example)
                .unwrap_or_else(|e| panic!("{}: {}", k.example, e.message));
        }
    }

    #[test]
    fn init_writes_a_config_that_loads_with_its_profile() {
        for p in crate::profile::builtin().values() {
            let text = init_text(p);
            let c = crate::config::Config::parse("citelint.toml", &text)
                .unwrap_or_else(|e| panic!("{}: {}", p.name, e.message));
            assert_eq!(
                c.file.profile.as_ref().map(|s| s.get_ref().as_str()),
                Some(p.name.as_str())
            );
            // each commented example line, uncommented, is a valid config too
            for line in text.lines() {
                let Some(body) = line.strip_prefix("# ") else {
                    continue;
                };
                if (body.contains(" = [") && !body.starts_with("paths"))
                    || body.starts_with("bare-numbers")
                {
                    crate::config::Config::parse("t.toml", body)
                        .unwrap_or_else(|e| panic!("{body}: {}", e.message));
                }
            }
            for r in checks::RULES {
                assert!(text.contains(&format!("# [rules.{}]\n", r.id)), "{}", r.id);
            }
        }
    }
}
