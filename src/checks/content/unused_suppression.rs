//! # unused-suppression
//!
//! **What it catches:** a suppression comment that suppressed nothing: a
//! `citelint-disable-next-line`, a `citelint-disable` range or a `citelint-disable-file` under
//! which no finding of the rules it names was found (as ruff's RUF100 and rumdl's MD087 do).
//! When a comment names several rules, each rule that suppressed nothing is reported at its
//! id; a comment with no id (every rule) is reported when it suppressed nothing at all.
//! Rules that did not run (`--select`, `ignore`, the profile) are never judged: the comment
//! may be for a run that has them. `citelint-enable` is not a suppression; a comment naming
//! only ids that do not exist is `invalid-suppression` instead.
//!
//! **Why it matters:** such a comment is left over from an edit (the claim got its citation,
//! the sentence was rewritten), and it would hide the next finding there without anyone
//! deciding so.
//!
//! **Example:** `<!-- citelint-disable-next-line unresolved-citation -- pending -->` above
//! `Salt raises blood pressure [1].`, where reference 1 exists, is reported at
//! `unresolved-citation`.
//!
//! **Options:** `require-reason` (bool, default false): also report every suppression comment
//! without a reason after `--`, as in
//! `<!-- citelint-disable-next-line uncited-claim -- the source is in the caption -->`.
//!
//! The findings come from the suppression pass itself (`src/suppress.rs`), once every other
//! rule has run; this file is the rule's id, documentation and options. A comment that names
//! `unused-suppression` (`<!-- citelint-disable-file unused-suppression -->`) silences it; a
//! comment with no id does not.

use crate::checks::{Context, Reads, Rule, RuleOption, parse_options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;

pub const ID: &str = "unused-suppression";

pub static RULE: Rule = Rule {
    id: ID,
    family: "content",
    summary: "a suppression comment that suppressed nothing",
    source: include_str!("unused_suppression.rs"),
    default_severity: Severity::Warning,
    reads: Reads::NOTHING_MORE,
    parse_options: parse_options::<Options>,
    options: &[RuleOption {
        name: "require-reason",
        kind: "bool",
        help: "also report suppression comments without a reason after `--` (default false)",
    }],
    check,
};

/// `[rules.unused-suppression]`.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    #[serde(default)]
    pub require_reason: bool,
}

/// Nothing of its own: which suppressions matched is known only once every rule has run, so
/// the findings come from the suppression pass.
fn check(_doc: &Document, _cx: &Context) -> Vec<Diagnostic> {
    Vec::new()
}
