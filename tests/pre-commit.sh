#!/usr/bin/env bash
# End-to-end check of citelint as a pre-commit hook, with the real `pre-commit` from PyPI.
#
# 1. `pre-commit validate-manifest`: the manifests users consume (.pre-commit-hooks.yaml, the
#    Rust route, and pre-commit-mirror/.pre-commit-hooks.yaml, the no-Rust route).
# 2. The Rust route: a temporary git repository with a `repo: local` hook, `language: system`,
#    pointing at the freshly built target/release/citelint. Why not the published hook
#    (`language: rust`)? pre-commit would clone this repository from its git URL and `cargo
#    install` it there, and in CI only package registries are reachable, not GitHub. The local
#    hook runs the same command (`citelint check FILES`) on the same file types.
# 3. The no-Rust route, from a locally built wheel (the one PyPI would serve) with no `cargo` or
#    `rustc` on PATH (and a `cargo` on PATH that fails the test if called): the hook
#    repository made from pre-commit-mirror/ (`language: python`, depends on citelint-cli), and
#    a `repo: local` hook with `language: python` and the wheel as its dependency.
# In each: committing a bad article must fail and show the diagnostics; a good one must pass.
# Exits non-zero on any deviation. Tools are cached in $CITELINT_TOOL_CACHE (default:
# target/gate-tools). $CITELINT_BIN names the binary and $CITELINT_WHEEL_DIR a folder holding
# the wheel (both are built when not given). Run from anywhere: tests/pre-commit.sh
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
if [ -n "${CITELINT_WHEEL_DIR:-}" ]; then
  CITELINT_WHEEL_DIR=$(cd "$CITELINT_WHEEL_DIR" && pwd) || fail "no folder $CITELINT_WHEEL_DIR"
fi

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

# 1. the published manifests
for m in .pre-commit-hooks.yaml pre-commit-mirror/.pre-commit-hooks.yaml; do
  "$PC" validate-manifest "$ROOT/$m" || fail "invalid $m"
  grep -q "^- id: citelint$" "$ROOT/$m" || fail "hook id in $m is not citelint"
done
grep -q "^  language: python$" "$ROOT/pre-commit-mirror/.pre-commit-hooks.yaml" \
  || fail "the no-Rust hook is not language: python"

# One route: a fresh repository whose .pre-commit-config.yaml is $2 (named $1 in messages);
# a bad article is refused with its diagnostics shown, a good one and a non-article pass.
scenario() {
local name=$1 config=$2
echo "== pre-commit route: $name"
REPO="$WORK/repo-$name"
mkdir "$REPO"
cd "$REPO"
git init -q
git config user.name "citelint test"
git config user.email "test@example.com"
git config commit.gpgsign false
printf '%s\n' "$config" >.pre-commit-config.yaml
"$PC" validate-config .pre-commit-config.yaml || fail "$name: invalid generated config"
git add .pre-commit-config.yaml
git commit -q --no-verify -m "config"
"$PC" install >/dev/null

# a bad article: the commit fails and the diagnostics are shown
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
[ "$rc" != 0 ] || fail "$name: the bad article was committed"
grep -q "unresolved-citation" "$WORK/bad.log" || fail "$name: no diagnostics shown for the bad article"
grep -q "bad.md:3:28" "$WORK/bad.log" || fail "$name: diagnostic location not shown"
[ -z "$(git log --format=%s | grep 'bad article' || true)" ] || fail "$name: bad commit exists"

# a good article: the commit passes (the bad one unstaged)
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
git commit -q -m "good article" >"$WORK/good.log" 2>&1 || { cat "$WORK/good.log"; fail "$name: the good article was rejected"; }
cat "$WORK/good.log"
# (no `grep -q` in a pipe: under pipefail its early exit can fail `git log` with SIGPIPE)
grep -q "good article" <<<"$(git log --format=%s)" || fail "$name: good commit missing"
# a non-article file is not passed to the hook
printf 'print(1)\n' >tool.py
git add tool.py
git commit -q -m "not an article" >/dev/null 2>&1 || fail "$name: a non-article file was checked"
cd "$WORK"
}

# 2. the Rust route: the hook's settings, taken from the manifest, run from the local binary
scenario system "repos:
  - repo: local
    hooks:
      - id: citelint
        name: citelint
        entry: '\"$BIN\" check'
        language: system
        files: '\\.(md|markdown|txt|html?)\$'
        pass_filenames: true"

# 3. the no-Rust route
WHEELS="$WORK/wheels"
mkdir -p "$WHEELS"
if [ -n "${CITELINT_WHEEL_DIR:-}" ]; then
  cp "$CITELINT_WHEEL_DIR"/citelint_cli-*.whl "$WHEELS"/ || fail "no citelint_cli wheel in $CITELINT_WHEEL_DIR"
else
  MATURIN_VENV="$CACHE/maturin-venv"
  if [ ! -x "$MATURIN_VENV/bin/maturin" ]; then
    python3 -m venv "$MATURIN_VENV"
    "$MATURIN_VENV/bin/pip" install --quiet --disable-pip-version-check "maturin>=1.7,<2"
  fi
  (cd "$ROOT" && CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}" \
    "$MATURIN_VENV/bin/maturin" build --release --quiet -o "$WHEELS")
fi
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$ROOT/Cargo.toml" | head -1)
ls "$WHEELS"/citelint_cli-"$version"-*.whl >/dev/null || fail "no wheel of version $version"
# the hook repository's build backend, fetched now: the hooks install with no index at all,
# so the wheel pip installs is this one and not a download
"$VENV/bin/pip" download --quiet --disable-pip-version-check --dest "$WHEELS" "setuptools>=61"
export PIP_NO_INDEX=1 PIP_FIND_LINKS="$WHEELS"

# the hook repository, as published from pre-commit-mirror/ at this version
MIRROR="$WORK/citelint-pre-commit"
cp -r "$ROOT/pre-commit-mirror" "$MIRROR"
grep -q "citelint-cli==$version\"" "$MIRROR/pyproject.toml" || fail "pre-commit-mirror does not pin citelint-cli==$version"
git -C "$MIRROR" init -q
git -C "$MIRROR" add -A
git -C "$MIRROR" -c user.name=t -c user.email=t@example.com -c commit.gpgsign=false commit -q -m mirror
git -C "$MIRROR" tag "v$version"

# no cargo or rustc: PATH without the folders that hold them, and first a folder whose `cargo`
# records who called it (a build from source would). pip asks `rustc --version` for its
# user agent; with no rustc on PATH it leaves it out.
POISON="$WORK/poison"
mkdir "$POISON"
for tool in cargo; do
  cat >"$POISON/$tool" <<SH
#!/bin/sh
echo "$tool \$* was called by: \$(tr '\\0' ' ' </proc/\$PPID/cmdline)" >>"$POISON/called"
exit 99
SH
  chmod +x "$POISON/$tool"
done
CLEAN_PATH=$POISON
IFS=: read -ra dirs <<<"$PATH"
for d in "${dirs[@]}"; do
  [ -x "$d/cargo" ] || [ -x "$d/rustc" ] || CLEAN_PATH="$CLEAN_PATH:$d"
done
export PATH=$CLEAN_PATH
[ "$(command -v cargo)" = "$POISON/cargo" ] || fail "cargo still on PATH"

scenario python-hook-repo "repos:
  - repo: $MIRROR
    rev: v$version
    hooks:
      - id: citelint"
scenario python-local "repos:
  - repo: local
    hooks:
      - id: citelint
        name: citelint
        entry: citelint check
        language: python
        additional_dependencies: [citelint-cli==$version]
        files: '\\.(md|markdown|txt|html?)\$'"
[ ! -e "$POISON/called" ] || fail "$(cat "$POISON/called")"
echo "pre-commit.sh: OK"
