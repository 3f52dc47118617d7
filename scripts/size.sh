#!/usr/bin/env bash
# Where the release bundle's bytes go: gzip -9 size of each shipped file, then
# twiggy's view of the final wasm summed by crate and by function family, and
# the largest subtrees of its call graph (dominators).
#
#   scripts/size.sh [--no-build] [FAMILIES]
#
# Builds with scripts/build.sh unless --no-build (then it reads the last build:
# dist/ and trunk's wasm-bindgen output in target/wasm-bindgen/release). The
# twiggy input is that output put through wasm-opt -Oz like trunk does, but with
# -g so function names survive; without -g it is byte-identical to the shipped
# file (the line "same as dist" checks it).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:${TOOLS_PREFIX:-$HOME/.local}/bin:$PATH"

build=1
if [ "${1:-}" = "--no-build" ]; then build=0; shift; fi
families="${1:-40}"
# twiggy is only needed here, so it is installed here rather than by setup.sh (CI skips it).
TWIGGY_VERSION=0.8.0
if ! twiggy --version 2>/dev/null | grep -qx "twiggy-opt $TWIGGY_VERSION"; then
  echo "size: building twiggy $TWIGGY_VERSION (about 2 min)" >&2
  cargo install twiggy --version "=$TWIGGY_VERSION" --locked >&2
fi

[ "$build" = 0 ] || scripts/build.sh >&2

echo "## Shipped files (gzip -9)"
echo
echo "| file | raw | gzip -9 |"
echo "|---|---:|---:|"
raw=0; gz=0
for f in dist/*.wasm dist/*.js dist/*.css; do
  [ -e "$f" ] || continue
  r=$(stat -c %s "$f"); g=$(gzip -9 -c "$f" | wc -c)
  raw=$((raw + r)); gz=$((gz + g))
  printf '| %s | %s | %s |\n' "${f#dist/}" "$r" "$g"
done
printf '| **total** | %s | **%s** |\n' "$raw" "$gz"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# trunk's wasm-bindgen output, before its wasm-opt run; it still has names.
bindgen=target/wasm-bindgen/release/kafka-visualiser_bg.wasm
wasm-opt -Oz -g "$bindgen" -o "$work/named.wasm"
wasm-opt -Oz "$bindgen" -o "$work/stripped.wasm"
shipped=$(ls dist/*.wasm 2>/dev/null | head -1)
echo
echo "twiggy input: $(stat -c %s "$work/stripped.wasm") B without names; dist: $(stat -c %s "$shipped") B$(cmp -s "$work/stripped.wasm" "$shipped" && echo ' (same as dist)')"

twiggy top -f json "$work/named.wasm" >"$work/top.json"
echo
echo "## Final wasm by crate and by function family (raw bytes)"
node scripts/size-report.mjs "$work/top.json" "$families"

echo
echo "## Largest subtrees of the call graph (twiggy top --retained: bytes only reachable through the item)"
echo
echo '```text'
# Crate hashes dropped; the function table, which reaches everything, and the names left out.
twiggy top --retained -n 33 "$work/named.wasm" | sed -E 's/\[[0-9a-f]{6,16}\]//g' \
  | grep -vE 'table\[0\]|elem\[0\]|"function names"' | cut -c1-170
echo '```'
