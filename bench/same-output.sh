#!/usr/bin/env bash
# Byte-identical output check between two builds: every format over the PDQ corpus, fixtures/
# and examples/, with a fixed date. Compares stdout, stderr and the exit code.
#
#   bench/same-output.sh OLD_BIN NEW_BIN     # e.g. a release build of main, target/release/citelint
set -uo pipefail
cd "$(dirname "$0")/.."
old=${1:?old binary}; new=${2:?new binary}
PDQ=${PDQ:-/work/shared/corpus/pdq}
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
fail=0
for target in "$PDQ" fixtures examples; do
  for f in human json json-lines sarif github junit; do
    for which in old new; do
      bin=${!which}
      "$bin" check --format "$f" --today 2026-11-29 "$target" >"$out/$which.out" 2>"$out/$which.err"
      echo "exit $?" >>"$out/$which.err"
    done
    if cmp -s "$out/old.out" "$out/new.out" && cmp -s "$out/old.err" "$out/new.err"; then
      echo "same       $f  $target ($(wc -c <"$out/new.out") bytes)"
    else
      echo "DIFFERENT  $f  $target"; fail=1
      diff "$out/old.out" "$out/new.out" | head -20
      diff "$out/old.err" "$out/new.err" | head -5
    fi
  done
done
exit $fail
