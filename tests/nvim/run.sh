#!/usr/bin/env bash
# Drive `citelint server` from a headless Neovim and compare what the editor holds with the
# CLI's `--format json`. Installs Neovim from Debian's packages when missing; builds release.
# Exits non-zero on any mismatch.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if ! command -v nvim >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
  else
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
  fi
fi
nvim --version | sed -n 1p

(cd "$root" && cargo build --release --quiet --bin citelint)
bin="${CARGO_TARGET_DIR:-$root/target}/release/citelint"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# a folder of its own: no citelint.toml above it changes the result
cp "$here/fixture.md" "$work/fixture.md"
(cd "$work" && "$bin" check --format json fixture.md >expected.json) || [ $? -eq 1 ]

status=0
for enc in utf-16 utf-8; do
  # copy afresh: each run edits its buffer (never saved, but start clean anyway)
  cp "$here/fixture.md" "$work/fixture.md"
  if CITELINT_BIN="$bin" FIXTURE="$work/fixture.md" EXPECTED="$work/expected.json" ENCODING="$enc" \
    timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile $here/check.lua" </dev/null; then
    echo "nvim $enc: ok"
  else
    echo "nvim $enc: FAILED" >&2
    status=1
  fi
done
exit $status
