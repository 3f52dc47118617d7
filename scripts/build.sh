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

rm -rf dist
# trunk's JS minifier cannot parse wasm-bindgen's loader: drop that one warning.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! trunk build --release --locked --minify "$@" >"$log" 2>&1; then
  cat "$log" >&2
  echo "build: trunk build --release failed (output above)" >&2
  exit 1
fi
grep -v "Failed to minify JS" "$log" | tail -n 3 || true
