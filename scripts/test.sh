#!/usr/bin/env bash
# Every check, fast ones first: the README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
# A caller's BLESS=1 would rewrite the golden files instead of comparing them, and a
# KAFKA_SIM_SEED would narrow the property tests (properties.rs) to one seed: neither
# belongs in CI.
unset BLESS KAFKA_SIM_SEED

# The release bundle's ceiling: gzip -9 of dist/*.wasm + *.js + *.css, in bytes.
# A ratchet: lower it when the bundle shrinks; raising it is a reviewed change to
# this line (no environment override). 396 KiB since 2026-12-06 (404,728 B then):
# issue 12's course added ~70 KB (lesson text alone is 23.8 KB gzip) and its
# scenario import ~52 KB (serde's readers with the CLI's messages) on top of
# 284,741 B, while this session's size work took 14.6 KB back. Issue 11's goal of
# 200 KiB is blocked on that conflict (docs/benchmarks.md, "The course's cost").
# 444 KiB since issue 13 (454,105 B then, +49.2 KB): chapter 1 (its text, the
# systems diagram's data and its SVG component, ~21.5 KB), several topics on the
# stage (~6 KB), the byte accounting, the Brokers tab, the offset reset dry run,
# kafka-topics --create and ch3's two cost steps (~21.7 KB).
# 450 KiB since issue 14's first part (459,784 B then): the panic overlay with its
# kept reproduction (+3.1 KB) and the accessible stage (names that start with the
# visible text, keyboard handlers, the records' text summary: +2.2 KB).
# 455 KiB since issue 14's second part (464,664 B then, +4.9 KB): the simulated
# disk (its log_dir_failed event, the broker card's disk-full reason and the
# config panel's field, each in en and ko: ~3 KB of text), the chunked record
# store and the guards that stop timers after a panic.
# 481 KiB since issue 15's first part (492,358 B then, +27.7 KB): time travel
# (kafka_sim::timeline, the app's travel.rs and the timeline component, and their
# en/ko texts: +15.4 KB) and compare mode (kafka_sim::compare, the compare page
# and its texts: +12.3 KB).
# 494 KiB since issue 15's second part (504,996 B then, +12.6 KB): compare mode's
# shared timeline (each copy's history, seeks in slices, play on and fork of all
# copies, the copies replaying the learner's script with Setting::adapt, in
# slices with its progress shown, the marks labelled by copy, landing a seek or
# the opening before an action: +11 KB), a stage per copy and the add buttons
# acting on every copy (+1.5 KB), and scrubbing in slices
# (kafka_sim::timeline::Replay).
BUNDLE_BUDGET_BYTES=505856

scripts/setup.sh

export PATH="$HOME/.cargo/bin:${TOOLS_PREFIX:-$HOME/.local}/bin:$PATH"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
export TRUNK_SKIP_VERSION_CHECK=true
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
fail() { printf '\033[1;31mFAILED: %s\033[0m\n' "$*" >&2; exit 1; }

step "kafka-sim stays free of web dependencies, clocks and ambient randomness"
sim_deps=$(cargo tree --locked -p kafka-sim -e normal,build --prefix none --format '{p}') \
  || fail "cargo tree -p kafka-sim failed (output above)"
grep -q '^kafka-sim ' <<<"$sim_deps" || fail "cargo tree printed no kafka-sim line: cannot check its dependencies"
# grep exits 1 when nothing matches: that is the passing case.
web_deps=$(grep -E '^(yew|web-sys|js-sys|wasm-bindgen|gloo|getrandom|rand) ' <<<"$sim_deps" || true)
[ -z "$web_deps" ] || fail "kafka-sim depends on $(echo "$web_deps" | tr '\n' ' '): keep web code in the app and randomness in kafka_sim::rng"
# Code lines only (comments may name Java's HashMap when explaining Kafka's order).
if grep -rnE 'Instant::now|SystemTime|thread_rng|rand::|getrandom|HashMap|HashSet|std::thread' crates/sim/src \
  | grep -vE '^[^:]+:[0-9]+:\s*//'; then
  fail "crates/sim must not read a clock, use ambient randomness, threads or hash-ordered maps (lines above)"
fi

step "cargo fmt --check"
cargo fmt --all --check || fail "formatting: run 'cargo fmt --all'"

step "clippy (host)"
cargo clippy --locked --workspace --all-targets -- -D warnings
step "clippy (wasm32)"
cargo clippy --locked --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings

step "native tests (whole workspace, incl. doctests)"
cargo test --locked --workspace

step "wasm32 tests: kafka-sim under Node, the app in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown -p kafka-sim --test determinism
cargo test --locked --target wasm32-unknown-unknown -p kafka-visualiser --tests

step "release bundle (scripts/build.sh: opt-level z, LTO, std rebuilt for size, wasm-opt)"
scripts/build.sh
size_report=$(scripts/bundle-size.sh dist) \
  || { printf '%s\n' "$size_report"; fail "the release bundle in dist/ is incomplete (see above); budget ${BUNDLE_BUDGET_BYTES} B gzip"; }
printf '%s\n' "$size_report"
gz=$(sed -n 's/^total: [0-9]* B raw, \([0-9]*\) B gzip$/\1/p' <<<"$size_report")
[ -n "$gz" ] || fail "scripts/bundle-size.sh printed no total line"
echo "bundle size: gzip ${gz} B, budget ${BUNDLE_BUDGET_BYTES} B (.wasm + .js + .css in dist/)"
[ "$gz" -le "$BUNDLE_BUDGET_BYTES" ] \
  || fail "the release bundle is ${gz} B gzip, over the budget of ${BUNDLE_BUDGET_BYTES} B (BUNDLE_BUDGET_BYTES in scripts/test.sh)"

step "browser tests on the release build: the host-page API (embed.mjs), lockdown, time travel, compare mode, accessibility"
node tests/embed.mjs dist || fail "the embed test failed (checks above)"
DIST=target/dist-panic-test scripts/build.sh --features panic-test && node tests/lockdown.mjs dist target/dist-panic-test || fail "the lockdown test failed (checks above)"
node tests/timeline.mjs dist || fail "the time-travel browser test failed (checks above)"
node tests/compare.mjs dist || fail "the compare-mode browser test failed (checks above)"
node tests/a11y.mjs dist || fail "the accessibility audit (axe-core, WCAG 2.1 A/AA) found serious violations (above)"

echo
echo "all checks passed"
