#!/usr/bin/env bash
# Frame timing of the release build in headless Chromium, with the team's
# harness (../shared/perf/measure.mjs): p95 frame interval, long tasks,
# main-thread busy %, at the `default` and `stress` presets while playing, and
# at `stress` paused (what the page costs at rest).
# Usage: scripts/perf.sh [RUNS]   (results in target/perf/results.jsonl)
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
[ -n "${SKIP_BUILD:-}" ] || trunk build --release --locked >/dev/null
port=8098
python3 -m http.server "$port" --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done
cat > target/perf/suite.json <<JSON
{ "runs": $runs, "window": 10, "warmup": 3, "viewport": "1400x900",
  "targets": [
    { "label": "default", "url": "http://127.0.0.1:$port/?preset=default&play=1",
      "actions": [ { "waitFor": "[data-testid=records-layer]" } ] },
    { "label": "stress", "url": "http://127.0.0.1:$port/?preset=stress&play=1",
      "actions": [ { "waitFor": "[data-testid=records-layer]" } ] },
    { "label": "stress-paused", "url": "http://127.0.0.1:$port/?preset=stress",
      "actions": [ { "waitFor": "[data-testid=records-layer]" } ] }
  ] }
JSON
cd target/perf && node measure.mjs --suite suite.json --out results.jsonl --table --mute-console
