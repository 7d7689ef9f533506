#!/usr/bin/env bash
# End-to-end check of citelint as a pre-commit hook, with the real `pre-commit` from PyPI.
#
# 1. `pre-commit validate-manifest .pre-commit-hooks.yaml`: the manifest users consume.
# 2. A temporary git repository with a `repo: local` hook, `language: system`, pointing at the
#    freshly built target/release/citelint. Why not the published hook (`language: rust`)?
#    pre-commit would clone this repository from its git URL and `cargo install` it there,
#    and in CI only package registries are reachable, not GitHub. The local hook runs the same
#    command (`citelint check FILES`) on the same file types, so it exercises what users get.
# 3. Committing a bad article must fail and show the diagnostics; a good one must pass.
# Exits non-zero on any deviation. Tools are cached in $CITELINT_TOOL_CACHE
# (default: target/gate-tools). Run from anywhere: tests/pre-commit.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${CITELINT_TOOL_CACHE:-$ROOT/target/gate-tools}
PRE_COMMIT_VERSION=4.2.0
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "pre-commit.sh: FAIL: $*" >&2; exit 1; }

BIN=${CITELINT_BIN:-$ROOT/target/release/citelint}
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
if [ -z "${CITELINT_BIN:-}" ]; then
  (cd "$ROOT" && cargo build --release --quiet)
fi
[ -x "$BIN" ] || fail "no citelint binary at $BIN"

VENV="$CACHE/pre-commit-venv"
if [ ! -x "$VENV/bin/pre-commit" ]; then
  echo "installing pre-commit==$PRE_COMMIT_VERSION (PyPI) into $VENV"
  mkdir -p "$CACHE"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "pre-commit==$PRE_COMMIT_VERSION"
fi
PC="$VENV/bin/pre-commit"
# keep pre-commit's own cache out of the user's home
export PRE_COMMIT_HOME="$WORK/pre-commit-home"

# 1. the published manifest
"$PC" validate-manifest "$ROOT/.pre-commit-hooks.yaml" || fail "invalid .pre-commit-hooks.yaml"
grep -q "^- id: citelint$" "$ROOT/.pre-commit-hooks.yaml" || fail "hook id is not citelint"

# 2. a repository using the hook
REPO="$WORK/repo"
mkdir "$REPO"
cd "$REPO"
git init -q
git config user.name "citelint test"
git config user.email "test@example.com"
git config commit.gpgsign false
# the hook's settings, taken from the manifest, but run from the local binary
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: local
    hooks:
      - id: citelint
        name: citelint
        entry: '"$BIN" check'
        language: system
        files: '\.(md|markdown|txt|html?)$'
        pass_filenames: true
YAML
"$PC" validate-config .pre-commit-config.yaml || fail "invalid generated config"
git add .pre-commit-config.yaml
git commit -q --no-verify -m "config"
"$PC" install >/dev/null

# 3a. a bad article: the commit fails and the diagnostics are shown
cat >bad.md <<'MD'
# Salt

Salt raises blood pressure [3].

## References
1. Smith J. Sodium intake and hypertension. Lancet. 2020.
MD
git add bad.md
set +e
git commit -q -m "bad article" >"$WORK/bad.log" 2>&1
rc=$?
set -e
cat "$WORK/bad.log"
[ "$rc" != 0 ] || fail "the bad article was committed"
grep -q "unresolved-citation" "$WORK/bad.log" || fail "no diagnostics shown for the bad article"
grep -q "bad.md:3:28" "$WORK/bad.log" || fail "diagnostic location not shown"
[ -z "$(git log --format=%s | grep 'bad article' || true)" ] || fail "bad commit exists"

# 3b. a good article: the commit passes (the bad one unstaged)
git reset -q bad.md
rm bad.md
today=$(date +%F)
cat >good.md <<MD
---
lastReviewed: $today
reviewedBy: Dr. Ada Osei, MD
---
# Water

Drinking water is common [1].

## References
1. Doe A. Water. Nature. 2019.

## Disclaimer

This article is for educational purposes only and is not a substitute for professional medical advice.
MD
git add good.md
git commit -q -m "good article" >"$WORK/good.log" 2>&1 || { cat "$WORK/good.log"; fail "the good article was rejected"; }
cat "$WORK/good.log"
# (no `grep -q` in a pipe: under pipefail its early exit can fail `git log` with SIGPIPE)
grep -q "good article" <<<"$(git log --format=%s)" || fail "good commit missing"
# a non-article file is not passed to the hook
printf 'print(1)\n' >tool.py
git add tool.py
git commit -q -m "not an article" >/dev/null 2>&1 || fail "a non-article file was checked"
echo "pre-commit.sh: OK"
