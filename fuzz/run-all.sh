#!/usr/bin/env bash
# Run every fuzz target for SECS seconds, two at a time; crashes are kept in artifacts/ and the
# run continues (fork mode). Usage: fuzz/run-all.sh [SECS]
set -u
cd "$(dirname "$0")/.."
secs=${1:-600}
run() {
  for t in "$@"; do
    RUSTC_BOOTSTRAP=1 cargo fuzz run -O "$t" "fuzz/corpus/$t" -- \
      -max_total_time="$secs" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
      -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
      > "fuzz/logs/$t.log" 2>&1
    echo "$t done rc=$?" >> fuzz/logs/status
  done
}
mkdir -p fuzz/logs
run markdown html citations config &
run text front_matter bibliography &
wait
