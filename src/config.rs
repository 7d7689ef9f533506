//! `citelint.toml`: found by walking up from the working directory, or named by `--config`.
//! Unknown keys and bad values are errors with a span into the file.

use crate::checks::{self, Rule};
use crate::diagnostic::Severity;
use crate::document::ParseOptions;
use crate::profile::{self, Profile};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

pub const FILE_NAME: &str = "citelint.toml";

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FileConfig {
    /// `general` or `medical` (default).
    pub profile: Option<Spanned<String>>,
    /// Run exactly these rules (replaces the profile's set).
    pub select: Option<Vec<Spanned<String>>>,
    /// Never run these rules.
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
    /// File extensions linted when walking folders.
    pub extensions: Option<Vec<String>>,
    /// Recognise bare trailing numbers (`… melanoma 1, 2.`) as citations in every format.
    #[serde(default)]
    pub bare_numbers: bool,
    /// CSL-JSON bibliographies used when an article names none, relative to the article.
    #[serde(default)]
    pub bibliography: Vec<String>,
    /// Where the article text of an HTML page is: simple selectors (`tag`, `#id`, `.class`)
    /// tried before `article`, `main` and `body`.
    #[serde(default)]
    pub html_main: Vec<String>,
    /// Retraction lists (a Retraction Watch CSV, or one DOI per line), relative to the config
    /// file: `retracted-reference` reports the references they list.
    #[serde(default)]
    pub retractions: Vec<Spanned<String>>,
    /// Extra rule packs (TOML lexicons), relative to the config file.
    #[serde(default)]
    pub rule_packs: Vec<Spanned<String>>,
    /// Per-rule severity and options: `[rules.uncited-claim] severity = "error"`.
    #[serde(default)]
    pub rules: BTreeMap<String, Spanned<toml::Table>>,
    /// Per-path settings: `[[overrides]] paths = ["drafts/**"] ignore = ["stale-review"]`.
    #[serde(default)]
    pub overrides: Vec<Override>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Override {
    pub paths: Vec<Spanned<String>>,
    pub profile: Option<Spanned<String>>,
    pub select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
    #[serde(default)]
    pub rules: BTreeMap<String, Spanned<toml::Table>>,
}

/// A config problem, with the file and the span to show.
#[derive(Debug)]
pub struct ConfigError {
    pub path: String,
    pub text: String,
    pub span: Option<Range<usize>>,
    pub message: String,
}

/// A loaded config and where it came from.
#[derive(Debug, Default)]
pub struct Config {
    pub file: FileConfig,
    pub path: Option<PathBuf>,
    /// The lexicons, extended by the rule packs the config names.
    pub lexicons: crate::checks::packs::Lexicons,
    overrides: Vec<(globset::GlobSet, usize)>,
}

/// Options given on the command line; they win over the file.
#[derive(Debug, Default, Clone)]
pub struct CliOverrides {
    pub profile: Option<String>,
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
    pub today: Option<jiff::civil::Date>,
}

/// Everything one file is linted with.
pub struct Settings {
    pub profile: &'static Profile,
    pub lexicons: crate::checks::packs::Lexicons,
    /// The run's rules with their severity and typed options.
    pub rules: Vec<(&'static Rule, Severity, checks::Options)>,
    pub parse: ParseOptions,
    pub today: jiff::civil::Date,
}

/// Look for `citelint.toml` in `start` and its ancestors.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let p = d.join(FILE_NAME);
        if p.is_file() {
            return Some(p);
        }
        dir = d.parent();
    }
    None
}

fn err(
    path: &str,
    text: &str,
    span: Option<Range<usize>>,
    message: impl Into<String>,
) -> ConfigError {
    ConfigError {
        path: path.to_string(),
        text: text.to_string(),
        span,
        message: message.into(),
    }
}

impl Config {
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let shown = path.to_string_lossy().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| {
            err(
                &shown,
                "",
                None,
                format!("cannot read config `{shown}`: {e}"),
            )
        })?;
        let mut c = Config::parse(&shown, &text)?;
        c.path = Some(path.to_path_buf());
        if !c.file.rule_packs.is_empty() {
            let names: Vec<String> = c
                .file
                .rule_packs
                .iter()
                .map(|p| p.get_ref().clone())
                .collect();
            let base = path.parent().unwrap_or(Path::new("."));
            c.lexicons = crate::checks::packs::load(&names, base)
                .map_err(|(i, msg)| err(&shown, &text, Some(c.file.rule_packs[i].span()), msg))?;
        }
        c.load_retractions(path.parent().unwrap_or(Path::new(".")), &text)?;
        if let Some(table) = c.file.rules.get("uncited-claim")
            && let Some(v) = table.get_ref().get("model")
        {
            let span = find_key(&text, "model", table.span().start);
            let Some(name) = v.as_str() else {
                return Err(err(
                    &shown,
                    &text,
                    Some(span),
                    "`model` must be a path (a string)",
                ));
            };
            let base = path.parent().unwrap_or(Path::new("."));
            let file = base.join(name);
            let src = std::fs::read_to_string(&file).map_err(|e| {
                err(
                    &shown,
                    &text,
                    Some(span.clone()),
                    format!("cannot read model `{name}`: {e}"),
                )
            })?;
            let model = crate::checks::claims::model::Model::parse(&src).map_err(|e| {
                err(
                    &shown,
                    &text,
                    Some(span.clone()),
                    format!("model `{name}` is not a citelint model: {e}"),
                )
            })?;
            c.lexicons.set_claims_model(model);
        }
        Ok(c)
    }

    /// Read the retraction lists the config names, relative to `base` (the config's folder);
    /// `text` is the config as written, for the error's span.
    pub fn load_retractions(&mut self, base: &Path, text: &str) -> Result<(), ConfigError> {
        if self.file.retractions.is_empty() {
            return Ok(());
        }
        let shown = self
            .path
            .as_ref()
            .map(|p| p.to_string_lossy().to_string())
            .unwrap_or_else(|| FILE_NAME.to_string());
        let mut list = crate::checks::sources::retractions::Retractions::default();
        for name in &self.file.retractions {
            list.load(&base.join(name.get_ref()), name.get_ref())
                .map_err(|msg| err(&shown, text, Some(name.span()), msg))?;
        }
        self.lexicons.set_retractions(list);
        Ok(())
    }

    pub fn parse(shown: &str, text: &str) -> Result<Config, ConfigError> {
        let file: FileConfig = toml::from_str(text)
            .map_err(|e| err(shown, text, e.span(), e.message().to_string()))?;
        let check_profile = |p: &Option<Spanned<String>>| -> Result<(), ConfigError> {
            if let Some(p) = p
                && profile::get(p.get_ref()).is_none()
            {
                return Err(err(
                    shown,
                    text,
                    Some(p.span()),
                    format!(
                        "unknown profile `{}`; the profiles are: {}",
                        p.get_ref(),
                        profile::builtin()
                            .keys()
                            .cloned()
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
            Ok(())
        };
        let check_ids = |ids: &[Spanned<String>]| -> Result<(), ConfigError> {
            for id in ids {
                if checks::find(id.get_ref()).is_none() {
                    return Err(err(
                        shown,
                        text,
                        Some(id.span()),
                        format!(
                            "unknown rule `{}`; `citelint rules` lists them",
                            id.get_ref()
                        ),
                    ));
                }
            }
            Ok(())
        };
        let check_rules =
            |rules: &BTreeMap<String, Spanned<toml::Table>>| -> Result<(), ConfigError> {
                for (id, table) in rules {
                    let Some(rule) = checks::find(id) else {
                        let span = find_key(text, id, table.span().start);
                        return Err(err(
                            shown,
                            text,
                            Some(span),
                            format!("unknown rule `{id}` in [rules]; `citelint rules` lists them"),
                        ));
                    };
                    for (k, v) in table.get_ref() {
                        let span = find_key(text, k, table.span().start);
                        if k == "severity" {
                            if v.as_str().and_then(Severity::parse).is_none() {
                                return Err(err(
                                    shown,
                                    text,
                                    Some(span),
                                    "severity must be \"error\", \"warning\" or \"info\"",
                                ));
                            }
                        } else if let Some(option) = rule.options.iter().find(|o| o.name == k) {
                            let one = toml::Table::from_iter([(k.clone(), v.clone())]);
                            if let Err(e) = (rule.parse_options)(one) {
                                let detail = if e.starts_with("invalid type") {
                                    format!("expected {}, found {}", option.kind, describe(v))
                                } else {
                                    e
                                };
                                return Err(err(
                                    shown,
                                    text,
                                    Some(value_span(text, span)),
                                    format!("bad value for option `{k}` of rule `{id}`: {detail}"),
                                ));
                            }
                        } else {
                            let known = rule.options.iter().map(|o| o.name).collect::<Vec<_>>();
                            let hint = if known.is_empty() {
                                "it takes no options besides `severity`".to_string()
                            } else {
                                format!("its options are: severity, {}", known.join(", "))
                            };
                            return Err(err(
                                shown,
                                text,
                                Some(span),
                                format!("unknown option `{k}` for rule `{id}`; {hint}"),
                            ));
                        }
                    }
                }
                Ok(())
            };
        check_profile(&file.profile)?;
        if let Some(s) = &file.select {
            check_ids(s)?;
        }
        check_ids(&file.ignore)?;
        check_rules(&file.rules)?;
        let mut overrides = Vec::new();
        for (i, o) in file.overrides.iter().enumerate() {
            check_profile(&o.profile)?;
            if let Some(s) = &o.select {
                check_ids(s)?;
            }
            check_ids(&o.ignore)?;
            check_rules(&o.rules)?;
            let mut b = globset::GlobSetBuilder::new();
            for p in &o.paths {
                let g = globset::Glob::new(p.get_ref())
                    .map_err(|e| err(shown, text, Some(p.span()), format!("bad glob: {e}")))?;
                b.add(g);
            }
            let set = b
                .build()
                .map_err(|e| err(shown, text, None, e.to_string()))?;
            overrides.push((set, i));
        }
        Ok(Config {
            file,
            path: None,
            lexicons: crate::checks::packs::Lexicons::default(),
            overrides,
        })
    }

    /// The extensions walked in folders.
    pub fn extensions(&self) -> Vec<String> {
        self.file.extensions.clone().unwrap_or_else(|| {
            ["md", "markdown", "qmd", "rmd", "txt", "html", "htm"]
                .iter()
                .map(|s| s.to_string())
                .collect()
        })
    }

    /// Resolve the settings for one file.
    pub fn settings_for(&self, path: &str, cli: &CliOverrides) -> Settings {
        let rel = self.relative(path);
        let matching: Vec<&Override> = self
            .overrides
            .iter()
            .filter(|(set, _)| set.is_match(&rel))
            .map(|(_, i)| &self.file.overrides[*i])
            .collect();
        let mut pname = self.file.profile.as_ref().map(|p| p.get_ref().clone());
        for o in &matching {
            if let Some(p) = &o.profile {
                pname = Some(p.get_ref().clone());
            }
        }
        if let Some(p) = &cli.profile {
            pname = Some(p.clone());
        }
        let profile = pname
            .as_deref()
            .and_then(profile::get)
            .unwrap_or_else(|| profile::get(profile::DEFAULT_PROFILE).expect("default profile"));
        let mut selected: Vec<&'static Rule> = match (
            &cli.select,
            matching.iter().rev().find_map(|o| o.select.as_ref()),
            &self.file.select,
        ) {
            (Some(s), _, _) => s.iter().filter_map(|id| checks::find(id)).collect(),
            (None, Some(s), _) | (None, None, Some(s)) => s
                .iter()
                .filter_map(|id| checks::find(id.get_ref()))
                .collect(),
            (None, None, None) => checks::RULES
                .iter()
                .copied()
                .filter(|r| profile.enables(r.id))
                .collect(),
        };
        let ignored: Vec<String> = self
            .file
            .ignore
            .iter()
            .chain(matching.iter().flat_map(|o| o.ignore.iter()))
            .map(|s| s.get_ref().clone())
            .chain(cli.ignore.iter().cloned())
            .collect();
        selected.retain(|r| !ignored.iter().any(|i| i == r.id));
        let rules: Vec<(&'static Rule, Severity, checks::Options)> = selected
            .into_iter()
            .map(|r| {
                let mut opts = toml::Table::new();
                for t in std::iter::once(&self.file.rules).chain(matching.iter().map(|o| &o.rules))
                {
                    if let Some(t) = t.get(r.id) {
                        for (k, v) in t.get_ref() {
                            opts.insert(k.clone(), v.clone());
                        }
                    }
                }
                let sev = opts
                    .remove("severity")
                    .and_then(|v| v.as_str().and_then(Severity::parse))
                    .or_else(|| profile.severity_of(r.id))
                    .unwrap_or(r.default_severity);
                // every value was checked when the config was read
                let opts = (r.parse_options)(opts).unwrap_or_else(|_| r.default_options());
                (r, sev, opts)
            })
            .collect();
        let parse = ParseOptions {
            text: rules.iter().any(|r| r.0.reads.text),
            sentences: rules.iter().any(|r| r.0.reads.sentences),
            metadata: rules.iter().any(|r| r.0.reads.metadata),
            bare_numbers: self.file.bare_numbers,
            bibliographies: self.file.bibliography.clone(),
            read_files: true,
            html_main: self.file.html_main.clone(),
        };
        Settings {
            profile,
            lexicons: self.lexicons.clone(),
            parse,
            rules,
            today: cli.today.unwrap_or_else(local_today),
        }
    }

    fn relative(&self, path: &str) -> String {
        let p = Path::new(path);
        let base = self
            .path
            .as_ref()
            .and_then(|c| c.parent())
            .map(Path::to_path_buf);
        // a file that is not on disk (standard input named by `--stdin-filename`): its folder
        let canonical = p
            .canonicalize()
            .or_else(|e| match (p.parent(), p.file_name()) {
                (Some(dir), Some(name)) => {
                    let dir = if dir.as_os_str().is_empty() {
                        Path::new(".")
                    } else {
                        dir
                    };
                    dir.canonicalize().map(|d| d.join(name))
                }
                _ => Err(e),
            });
        if let Some(base) = base
            && let (Ok(a), Ok(b)) = (canonical, base.canonicalize())
            && let Ok(r) = a.strip_prefix(&b)
        {
            return r.to_string_lossy().to_string();
        }
        path.trim_start_matches("./").to_string()
    }
}

/// Span of `key` as written at or after `from` (a table header or key line).
fn find_key(text: &str, key: &str, from: usize) -> Range<usize> {
    let from = from.min(text.len());
    let hay = &text[from..];
    for (i, _) in hay.match_indices(key) {
        let before = hay[..i].chars().next_back();
        let after = hay[i + key.len()..].chars().next();
        let bounded =
            |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '-' || c == '_'));
        if bounded(before) && bounded(after) {
            return from + i..from + i + key.len();
        }
    }
    // a table like [rules.ID] starts before its span
    match text.find(key) {
        Some(i) => i..i + key.len(),
        None => from..from,
    }
}

/// The span of the value written after the key at `key` (`key = VALUE`): a quoted string, a
/// bracketed array, or a bare word; the key itself when the line is not of that shape.
fn value_span(text: &str, key: Range<usize>) -> Range<usize> {
    let rest = &text[key.end..];
    let Some(eq) = rest.find(|c: char| !c.is_whitespace() || c == '\n') else {
        return key;
    };
    if !rest[eq..].starts_with('=') {
        return key;
    }
    let after = &rest[eq + 1..];
    let lead = after.len() - after.trim_start_matches([' ', '\t']).len();
    let start = key.end + eq + 1 + lead;
    let v = &text[start..];
    let len = match v.chars().next() {
        Some(q @ ('"' | '\'')) => v[1..].find(q).map_or(v.len(), |i| i + 2),
        Some('[') => {
            let mut depth = 0usize;
            let mut end = v.len();
            for (i, c) in v.char_indices() {
                match c {
                    '[' => depth += 1,
                    ']' => {
                        depth -= 1;
                        if depth == 0 {
                            end = i + 1;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            end
        }
        _ => v
            .find(|c: char| c.is_whitespace() || c == '#' || c == ',' || c == '}')
            .unwrap_or(v.len()),
    };
    if len == 0 { key } else { start..start + len }
}

/// A TOML value as an error message names it.
fn describe(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => format!("the string {s:?}"),
        toml::Value::Integer(i) => format!("the integer {i}"),
        toml::Value::Float(f) => format!("the number {f}"),
        toml::Value::Boolean(b) => format!("{b}"),
        toml::Value::Datetime(d) => format!("the date {d}"),
        toml::Value::Array(_) => "a list".to_string(),
        toml::Value::Table(_) => "a table".to_string(),
    }
}

/// Today's date where the linter runs. The zone is read once: on Unix without `TZ`, from the
/// `/etc/localtime` TZif file directly (asking jiff for the system zone walks the whole
/// zoneinfo database first, a few milliseconds of a one-article run); the date is read on
/// every call, so a language server left running past midnight moves on with it.
pub fn local_today() -> jiff::civil::Date {
    static ZONE: std::sync::OnceLock<Option<jiff::tz::TimeZone>> = std::sync::OnceLock::new();
    let zone = ZONE.get_or_init(|| {
        if std::env::var_os("TZ").is_some() {
            return None;
        }
        let bytes = std::fs::read("/etc/localtime").ok()?;
        jiff::tz::TimeZone::tzif("localtime", &bytes).ok()
    });
    match zone {
        Some(tz) => jiff::Timestamp::now().to_zoned_datetime(tz.clone()).date(),
        None => jiff::ZonedDateTime::now().date(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_today_is_the_system_zone_date() {
        // read through /etc/localtime directly; jiff's own system zone must agree
        let before = jiff::ZonedDateTime::now().date();
        let today = local_today();
        let after = jiff::ZonedDateTime::now().date();
        assert!(
            today == before || today == after,
            "{today} vs {before}/{after}"
        );
    }

    #[test]
    fn unknown_key_has_a_span() {
        let t = "profile = \"general\"\ncolour = true\n";
        let e = Config::parse("c.toml", t).unwrap_err();
        assert_eq!(&t[e.span.clone().unwrap()], "colour");
        assert!(e.message.contains("colour"), "{}", e.message);
    }

    #[test]
    fn unknown_rule_and_option_and_profile() {
        let t = "[rules.uncited-citation]\nseverity = \"error\"\n";
        let e = Config::parse("c.toml", t).unwrap_err();
        assert_eq!(&t[e.span.unwrap()], "uncited-citation");
        let t = "[rules.unresolved-citation]\nthreshold = 3\n";
        let e = Config::parse("c.toml", t).unwrap_err();
        assert_eq!(&t[e.span.unwrap()], "threshold");
        let t = "profile = \"legal\"\n";
        let e = Config::parse("c.toml", t).unwrap_err();
        assert_eq!(&t[e.span.unwrap()], "\"legal\"");
        let t = "[rules.unused-reference]\nseverity = \"fatal\"\n";
        assert!(
            Config::parse("c.toml", t)
                .unwrap_err()
                .message
                .contains("severity")
        );
    }

    #[test]
    fn bad_option_values_are_errors_with_a_span() {
        let cases = [
            (
                "[rules.uncited-claim]\nthreshold = \"high\"\n",
                "\"high\"",
                "expected number, found the string \"high\"",
            ),
            (
                "[rules.uncited-claim]\nscope = \"paragrah\"  # typo\n",
                "\"paragrah\"",
                "unknown variant `paragrah`",
            ),
            (
                "[rules.stale-review]\nmax-age-days = 1.5\n",
                "1.5",
                "expected integer",
            ),
            (
                "[rules.missing-review-metadata]\nrequire = [\"reviewr\"]\n",
                "[\"reviewr\"]",
                "unknown variant `reviewr`",
            ),
            (
                "[rules.evidence-contradiction]\nin-article = \"yes\"\n",
                "\"yes\"",
                "expected bool",
            ),
            (
                "[rules.missing-disclaimer]\nphrases = \"not advice\"\n",
                "\"not advice\"",
                "expected list of strings",
            ),
            (
                "[[overrides]]\npaths = [\"a/**\"]\n[overrides.rules.uncited-claim]\nthreshold = true\n",
                "true",
                "expected number",
            ),
        ];
        for (t, at, msg) in cases {
            let e = Config::parse("c.toml", t).unwrap_err();
            assert_eq!(&t[e.span.clone().unwrap()], at, "{t}");
            assert!(e.message.contains(msg), "{t}: {}", e.message);
        }
        let good = "[rules.uncited-claim]\nthreshold = 1\nscope = \"paragraph\"\n";
        assert!(Config::parse("c.toml", good).is_ok());
    }

    #[test]
    fn any_value_of_any_option_is_accepted_or_an_error_with_a_span() {
        let values = [
            "1",
            "-3",
            "0.5",
            "1e400",
            "nan",
            "true",
            "\"\"",
            "\"é]\"",
            "'x'",
            "[]",
            "[1, \"a\"]",
            "[\n  \"reviewer\",\n  \"x\"\n]",
            "{}",
            "{ a = 1 }",
            "1979-05-27",
            "\"\"\"a\nb\"\"\"",
        ];
        for rule in checks::RULES {
            for o in rule.options {
                for v in values {
                    for t in [
                        format!("[rules.{}]\n{} = {v} # note\n", rule.id, o.name),
                        format!("[rules]\n{} = {{ {} = {v} }}\n", rule.id, o.name),
                    ] {
                        if let Err(e) = Config::parse("c.toml", &t) {
                            let span = e.span.clone().unwrap_or(0..0);
                            assert!(t.get(span).is_some(), "{t}: {e:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn overrides_apply_by_glob() {
        let t = "ignore = [\"citation-order\"]\n[rules.unused-reference]\nseverity = \"error\"\n[[overrides]]\npaths = [\"drafts/**\"]\nignore = [\"unused-reference\"]\n";
        let c = Config::parse("c.toml", t).unwrap();
        let cli = CliOverrides::default();
        let main = c.settings_for("posts/a.md", &cli);
        let ids: Vec<&str> = main.rules.iter().map(|r| r.0.id).collect();
        assert!(ids.contains(&"unused-reference") && !ids.contains(&"citation-order"));
        assert_eq!(
            main.rules
                .iter()
                .find(|r| r.0.id == "unused-reference")
                .unwrap()
                .1,
            Severity::Error
        );
        let draft = c.settings_for("drafts/b.md", &cli);
        assert!(!draft.rules.iter().any(|r| r.0.id == "unused-reference"));
    }
}
