#!/usr/bin/env bash
# Run fuzz targets for SECS seconds each (default 600), one after another, and fail if any
# found a crash, a hang (an input over 10 s) or an out-of-memory (over 2 GB).
#
#   fuzz/run-all.sh [SECS] [TARGET...]      every target when none is named
#
# Each target's corpus grows in fuzz/corpus/TARGET (kept between runs; the nightly workflow
# caches and uploads it), seeded from the repository's fixtures of that kind. A crashing
# input is written to fuzz/artifacts/TARGET/ and the target's log to fuzz/logs/TARGET.log;
# turn the input into a regression test in tests/regressions/ (see tests/regressions.rs).
# At the end a table gives each target's executions, executions a second and outcome.
# cargo-fuzz needs nightly features: on a stable toolchain RUSTC_BOOTSTRAP=1 unlocks them.
set -u
cd "$(dirname "$0")/.."
secs=${1:-600}
shift $(( $# > 0 ? 1 : 0 ))
all=(markdown text html citations front_matter bibtex csl_json csl_yaml config rule_packs retractions end_to_end)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")
export RUSTC_BOOTSTRAP=1

# seed inputs of each kind: the fixtures, and fuzz/seeds/ for configs and rule packs
seeds() {
  case $1 in
    markdown|citations|end_to_end) find fixtures examples -type f \( -name '*.md' -o -name '*.qmd' -o -name '*.Rmd' \) ;;
    front_matter) find fixtures -type f \( -name '*.qmd' -o -name '*.Rmd' -o -name '*.md' \) ;;
    text) find fixtures -type f -name '*.txt' ;;
    html) find fixtures -type f -name '*.html' ;;
    bibtex) find fixtures -type f -name '*.bib' ;;
    csl_json) find fixtures -type f -name '*.json' ;;
    csl_yaml) find fixtures -type f \( -name '*.yaml' -o -name '*.yml' \) ;;
    config|rule_packs|retractions) find "fuzz/seeds/$1" -type f ;;
  esac
}

echo "building ${#targets[@]} fuzz target(s)"
if ! cargo fuzz build -O; then
  echo "fuzz targets do not build" >&2
  exit 2
fi

mkdir -p fuzz/logs
failed=0
summary=()
for t in "${targets[@]}"; do
  corpus=fuzz/corpus/$t
  mkdir -p "$corpus" "fuzz/artifacts/$t"
  seeds "$t" | while read -r f; do
    [ -s "$f" ] && [ "$(stat -c %s "$f")" -le 65536 ] && cp "$f" "$corpus/seed-$(basename "$f")"
  done
  echo "fuzzing $t for ${secs}s"
  cargo fuzz run -O "$t" "$corpus" -- \
    -max_total_time="$secs" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 > "fuzz/logs/$t.log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "fuzz/logs/$t.log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "fuzz/logs/$t.log" | tail -1)
  if [ "$rc" = 0 ]; then
    outcome=ok
  else
    failed=1
    outcome="FAILED (exit $rc): $(grep -m1 -E 'ERROR: libFuzzer|panicked at|SUMMARY' "fuzz/logs/$t.log" | cut -c1-120)"
    ls -1 "fuzz/artifacts/$t" | sed "s|^|  fuzz/artifacts/$t/|"
  fi
  summary+=("$(printf '%-13s %10s runs %7s exec/s  %s' "$t" "${runs:-?}" "${rate:-?}" "$outcome")")
done

echo
echo "fuzzed for ${secs}s each:"
printf '%s\n' "${summary[@]}"
exit $failed
