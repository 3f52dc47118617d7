#!/usr/bin/env bash
# Size of the release bundle as a browser downloads it: every .wasm, .js and .css in
# a trunk dist directory (default dist/), raw and gzip -9, per file and in total.
# The last line is `total: <raw> B raw, <gzip> B gzip`. Exits non-zero when one of
# the three kinds is missing, so a broken build never measures as small.
# Usage: scripts/bundle-size.sh [dist-dir]
set -euo pipefail
dir="${1:-dist}"
[ -d "$dir" ] || { echo "bundle-size: no directory $dir (run trunk build --release first)" >&2; exit 1; }

raw_total=0
gz_total=0
for ext in wasm js css; do
  found=0
  for f in "$dir"/*."$ext"; do
    [ -e "$f" ] || continue
    found=1
    raw=$(stat -c %s "$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    printf '%10d B raw %10d B gzip  %s\n' "$raw" "$gz" "$f"
    raw_total=$((raw_total + raw))
    gz_total=$((gz_total + gz))
  done
  [ "$found" = 1 ] || { echo "bundle-size: no .$ext file in $dir" >&2; exit 1; }
done
echo "total: ${raw_total} B raw, ${gz_total} B gzip"
