#!/usr/bin/env bash
# The release bundle as shipped, into dist/: `trunk build --release` with the
# standard library rebuilt for size (-Zbuild-std, feature optimize_for_size: a
# small sort, smaller formatting and collections code; ~26 KB less gzip), panic
# locations left out (-Zlocation-detail=none: a panic still reports its message,
# without file:line; ~9 KB) and CSS and HTML minified (trunk --minify; its JS
# minifier cannot parse wasm-bindgen's loader, warns and keeps it as is).
# See docs/benchmarks.md, "Release bundle".
#
#   scripts/build.sh [extra trunk args]
#
# -Zbuild-std is unstable: RUSTC_BOOTSTRAP=1 enables it on the pinned stable
# toolchain for this command only (needs the rust-src component and the std
# crates' sources, both installed by scripts/setup.sh). A plain
# `trunk build --release` still works and gives the same app, ~26 KB larger.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:${TOOLS_PREFIX:-$HOME/.local}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
# Only the wasm32 crates see RUSTFLAGS (cargo is given --target), not build scripts.
export RUSTFLAGS="${RUSTFLAGS:-} -Zlocation-detail=none"

# DIST=dir builds elsewhere (tests/lockdown.mjs's panic-test build).
dist="${DIST:-dist}"
rm -rf "$dist"
# trunk's JS minifier cannot parse wasm-bindgen's loader: drop that one warning.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! trunk build --release --locked --minify --dist "$dist" "$@" >"$log" 2>&1; then
  cat "$log" >&2
  echo "build: trunk build --release failed (output above)" >&2
  exit 1
fi
grep -v "Failed to minify JS" "$log" | tail -n 3 || true

# The Content-Security-Policy (index.html) allows trunk's one inline <script> (it
# starts the wasm) by its sha256 instead of 'unsafe-inline', which only `trunk serve`
# keeps. Fails when the page does not have exactly one inline script.
node - "$dist/index.html" <<'JS'
const fs = require('fs'), crypto = require('crypto');
const file = process.argv[2];
let html = fs.readFileSync(file, 'utf8');
const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\ssrc=/.test(m[1]));
if (inline.length !== 1) throw new Error(`${file}: ${inline.length} inline scripts, expected trunk's loader alone`);
const hash = `'sha256-${crypto.createHash('sha256').update(inline[0][2], 'utf8').digest('base64')}'`;
const before = html;
html = html.replace(/(script-src [^;"]*)'unsafe-inline'/, `$1${hash}`);
if (html === before) throw new Error(`${file}: no script-src 'unsafe-inline' to replace in the CSP`);
fs.writeFileSync(file, html);
JS
