#!/usr/bin/env bash
# --fix against real articles: every reference list of the PDQ corpus shuffled (markers,
# anchors and entries renumbered together by a random permutation, so each marker still cites
# the same entry), then `citelint check --fix`; checks that every marker of the result cites
# the same entry text as in the original, and prints score.py's corpus figures for the result.
#
#   bench/pdq-fix-roundtrip.sh [BIN]      # default target/release/citelint
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/release/citelint}
PDQ=${PDQ:-/work/shared/corpus/pdq}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 bench/pdq_shuffle.py shuffle "$PDQ" "$WORK/shuffled"
cp -r "$WORK/shuffled" "$WORK/fixed"
"$BIN" check --fix "$WORK/fixed" >/dev/null 2>"$WORK/fix.err" || true
grep -v '^fixed ' "$WORK/fix.err" | sed "s|$WORK/||" || true
tail -1 "$WORK/fix.err"
python3 bench/pdq_shuffle.py compare "$PDQ" "$WORK/fixed"
python3 "$(dirname "$PDQ")/../eval/score.py" corpus --bin "$BIN" --dir "$WORK/fixed"
