#!/usr/bin/env bash
# Simulation throughput, native and wasm32-wasip1 under Node (docs/benchmarks.md).
#
#   scripts/bench.sh [SIM_SECONDS] [REPETITIONS]      (defaults 100 and 5)
#
# Both builds use the workspace's release profile, the one the app ships
# (opt-level "z", LTO, one codegen unit). OPT_LEVEL=3 measures opt-level 3 instead.
# Builds go to $CARGO_TARGET_DIR (default: target/).
#
# The figure to quote is the median wall-clock rate, measured on an otherwise idle
# machine. On a busy machine wall time mostly measures the other processes, so the
# script also prints records per CPU-second (user + sys time of the whole process:
# for wasm that includes Node's start-up and compilation).
set -euo pipefail
cd "$(dirname "$0")/.."

SIM_SECONDS="${1:-100}"
REPETITIONS="${2:-5}"
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
if [[ -n "${OPT_LEVEL:-}" ]]; then
  export CARGO_PROFILE_RELEASE_OPT_LEVEL="$OPT_LEVEL"
fi

if ! rustup target list --installed | grep -qx wasm32-wasip1; then
  echo "installing the wasm32-wasip1 target (rustup target add wasm32-wasip1)" >&2
  rustup target add wasm32-wasip1
fi

echo "building (release profile, opt-level ${OPT_LEVEL:-as configured})" >&2
cargo build --quiet --release --example throughput --example lesson_open -p kafka-sim
cargo build --quiet --release --example throughput --example lesson_open -p kafka-sim --target wasm32-wasip1

# Runs "$@", prints its output, and leaves the output in $out and the CPU seconds
# (user + sys) in $cpu.
timed() {
  local times
  times="$(mktemp)"
  local TIMEFORMAT='%U %S'
  { time "$@" >"$times.out"; } 2>"$times"
  out="$(cat "$times.out")"
  cpu="$(awk '{print $1 + $2}' "$times")"
  rm -f "$times" "$times.out"
  echo "$out"
}

# Field 2 of the "median:" line, and records per CPU-second over all runs.
median() { awk '/^median:/ {print $2}' <<<"$1"; }
per_cpu() { awk -v cpu="$2" '/records produced/ {n += $3} END {printf "%.0f", n / cpu}' <<<"$1"; }

echo "== native ($(uname -m)), ${SIM_SECONDS} simulated s x ${REPETITIONS}"
timed "$TARGET_DIR/release/examples/throughput" "$SIM_SECONDS" "$REPETITIONS"
native="$(median "$out")"
native_cpu="$(per_cpu "$out" "$cpu")"

echo "== wasm32-wasip1 under Node $(node --version)"
timed node --no-warnings scripts/run-wasi.mjs \
  "$TARGET_DIR/wasm32-wasip1/release/examples/throughput.wasm" "$SIM_SECONDS" "$REPETITIONS"
wasm="$(median "$out")"
wasm_cpu="$(per_cpu "$out" "$cpu")"

echo
printf 'native: %s records/s (median wall), %s records per CPU-second\n' "$native" "$native_cpu"
printf 'wasm:   %s records/s (median wall), %s records per CPU-second\n' "$wasm" "$wasm_cpu"
awk -v n="$native" -v w="$wasm" -v nc="$native_cpu" -v wc="$wasm_cpu" \
  'BEGIN { printf "native/wasm: %.2fx wall, %.2fx CPU\n", n / w, nc / wc }'
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

# Opening any lesson step (a replay from the seed) must take at most 100 ms.
echo
echo "== opening each lesson step, ms (median of ${REPETITIONS}); native"
"$TARGET_DIR/release/examples/lesson_open" "$REPETITIONS"
echo "== the same, wasm32-wasip1 under Node"
node --no-warnings scripts/run-wasi.mjs "$TARGET_DIR/wasm32-wasip1/release/examples/lesson_open.wasm" "$REPETITIONS"
