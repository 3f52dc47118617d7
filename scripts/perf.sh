#!/usr/bin/env bash
# Frame timing of the release build in headless Chromium, with the team's
# harness (../shared/perf/measure.mjs): p95 frame interval, long tasks,
# main-thread busy %, at the `default`, `stress` and `shop` presets while playing,
# at `stress` paused (what the page costs at rest) and in compare mode (three
# copies of `default`, acks 0/1/all, at 1x and 10x).
# Usage: scripts/perf.sh [RUNS]   (results in target/perf/results.jsonl; tab=… in the
#   URLs skips the first visit's welcome, which a fresh profile would show)
#        BEFORE_DIR=path/to/old/dist scripts/perf.sh [RUNS]
#   also measures an older build's `stress` (playing and paused) in the same
#   run, interleaved with this one's, so machine drift hits both alike.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:${TOOLS_PREFIX:-$HOME/.local}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
runs="${1:-3}"
harness=../shared/perf
[ -f "$harness/measure.mjs" ] || { echo "perf: $harness/measure.mjs not found (the team's shared/ folder)" >&2; exit 1; }
mkdir -p target/perf
cp "$harness/measure.mjs" target/perf/
if [ ! -d target/perf/node_modules/playwright-core ]; then
  echo "perf: installing playwright-core (uses the system Chromium; no browser download)"
  (cd target/perf && npm init -y >/dev/null && npm install --no-audit --no-fund --silent playwright-core@1)
fi
[ -n "${SKIP_BUILD:-}" ] || scripts/build.sh >/dev/null
port=8098
python3 -m http.server "$port" --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
server=$!
before_targets=""
if [ -n "${BEFORE_DIR:-}" ]; then
  [ -f "$BEFORE_DIR/index.html" ] || { echo "perf: BEFORE_DIR=$BEFORE_DIR has no index.html" >&2; exit 1; }
  python3 -m http.server 8099 --bind 127.0.0.1 --directory "$BEFORE_DIR" >/dev/null 2>&1 &
  before_server=$!
  before_targets=',
    { "label": "stress-before", "url": "http://127.0.0.1:8099/?preset=stress&play=1&tab=inspector",
      "actions": [ { "waitFor": "[data-testid=records-layer]" } ] },
    { "label": "stress-paused-before", "url": "http://127.0.0.1:8099/?preset=stress&tab=inspector",
      "actions": [ { "waitFor": "[data-testid=records-layer]" } ] },
    { "label": "compare-10x-before", "url": "http://127.0.0.1:8099/?preset=default&compare=acks&play=1&speed=10",
      "actions": [ { "waitFor": "[data-testid=compare-run-3]" } ] }'
fi
trap 'kill $server ${before_server:-} 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done
cat > target/perf/suite.json <<JSON
{ "runs": $runs, "window": 10, "warmup": 3, "viewport": "1400x900",
  "targets": [
    { "label": "default", "url": "http://127.0.0.1:$port/?preset=default&play=1&tab=inspector",
      "actions": [ { "waitFor": "[data-testid=records-layer]" } ] },
    { "label": "stress", "url": "http://127.0.0.1:$port/?preset=stress&play=1&tab=inspector",
      "actions": [ { "waitFor": "[data-testid=records-layer]" } ] },
    { "label": "shop", "url": "http://127.0.0.1:$port/?preset=shop&play=1&tab=inspector",
      "actions": [ { "waitFor": "[data-testid=records-layer]" } ] },
    { "label": "stress-paused", "url": "http://127.0.0.1:$port/?preset=stress&tab=inspector",
      "actions": [ { "waitFor": "[data-testid=records-layer]" } ] },
    { "label": "compare", "url": "http://127.0.0.1:$port/?preset=default&compare=acks&play=1",
      "actions": [ { "waitFor": "[data-testid=compare-run-3]" } ] },
    { "label": "compare-10x", "url": "http://127.0.0.1:$port/?preset=default&compare=acks&play=1&speed=10",
      "actions": [ { "waitFor": "[data-testid=compare-run-3]" } ] }$before_targets
  ] }
JSON
cd target/perf && node measure.mjs --suite suite.json --out results.jsonl --table --mute-console
