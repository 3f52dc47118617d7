#!/usr/bin/env bash
# Time travel's cost in the browser (issue 15): plays `stress` at 10× for
# SECONDS of wall time (default 60: 10 simulated minutes), pauses, and prints
# the wasm memory with that history kept, then the time of 30 seeks spread
# over the run (input event to the frame that shows it) and the long tasks
# (> 50 ms) seen while dragging across the whole timeline both ways, then
# compare mode opened at the end of the run (its copies replay all of it). A
# benchmark, not a test; docs/benchmarks.md "Time travel" has results.
#
#   scripts/timeline-bench.sh [SECONDS] [DIST_DIR]    (build dist/ first: scripts/build.sh)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-60}"
dist="$(cd "${2:-$root/dist}" && pwd)"
[ -f "$dist/index.html" ] || { echo "no $dist/index.html: run scripts/build.sh first" >&2; exit 1; }
cd "$root"
exec node --input-type=module - "$seconds" "$dist" <<'JS'
import path from 'node:path';
import { createRequire } from 'node:module';
import { serve } from './tests/serve.mjs';
const [seconds, dist] = [Number(process.argv[2]), process.argv[3]];
const prefix = process.env.TOOLS_PREFIX || path.join(process.env.HOME, '.local');
const { chromium } = createRequire(path.join(prefix, 'lib', 'node_modules', 'x.js'))('playwright-core');
const { base, close } = await serve(dist);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
// Keep every wasm Memory the page instantiates (as scripts/soak.sh does).
await page.addInitScript(() => {
  window.__wasmMemories = [];
  const keep = (res) => {
    for (const v of Object.values(res.instance.exports)) if (v instanceof WebAssembly.Memory) window.__wasmMemories.push(v);
    return res;
  };
  const orig = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = (...a) => orig(...a).then(keep);
  const origI = WebAssembly.instantiate;
  WebAssembly.instantiate = (...a) => origI(...a).then((r) => (r.instance ? keep(r) : r));
});
await page.goto(`${base}/index.html?preset=stress&play=1&speed=10&tab=inspector`);
await page.waitForSelector('[data-testid=timeline]');
await page.waitForTimeout(seconds * 1000);
await page.click('[data-testid=play-pause]');
const wasmMb = () => page.evaluate(() => (window.__wasmMemories.reduce((n, m) => n + m.buffer.byteLength, 0) / 1024 / 1024).toFixed(1));
const end = await page.$eval('[data-testid=timeline]', (e) => +e.dataset.endMs);
console.log(`stress at 10x for ${seconds} s wall: history ${end / 1000} simulated s, wasm memory ${await wasmMb()} MB`);
const times = [];
for (let i = 0; i < 30; i++) {
  const t = Math.round((end * (i + 0.5)) / 30 / 100) * 100;
  const ms = await page.evaluate(async (t) => {
    const input = document.querySelector('[data-testid=timeline-range]');
    const t0 = performance.now();
    input.value = String(t);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // A long seek lands after a few slices (one task each): wait for the
    // frame that shows it.
    const tl = document.querySelector('[data-testid=timeline]');
    for (let f = 0; f < 300; f++) {
      await new Promise((r) => requestAnimationFrame(r));
      if (+tl.dataset.timeMs === t) return performance.now() - t0;
    }
    return -1;
  }, t);
  times.push(ms);
}
times.sort((a, b) => a - b);
console.log(`seek (30 times, input to the frame that shows it): median ${times[15].toFixed(1)} ms, max ${times[29].toFixed(1)} ms${times[0] < 0 ? ' (some seeks did not land!)' : ''}`);
// Dragging: 120 positions, one a frame, back from the end and forward from
// the start; long tasks (> 50 ms) seen while doing it and just after.
for (const dir of ['back', 'forward']) {
  const long = await page.evaluate(async ([end, dir]) => {
    const seen = [];
    const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => seen.push(e.duration)));
    obs.observe({ type: 'longtask', buffered: false });
    const input = document.querySelector('[data-testid=timeline-range]');
    const stride = Math.max(100, Math.round(end / 120 / 100) * 100);
    for (let i = 0; i <= 120; i++) {
      const t = dir === 'back' ? Math.max(0, end - i * stride) : Math.min(end, i * stride);
      input.value = String(t);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(r));
    }
    await new Promise((r) => setTimeout(r, 500));
    obs.disconnect();
    return seen;
  }, [end, dir]);
  console.log(`dragging ${dir === 'back' ? 'end -> start' : 'start -> end'} (120 positions, one a frame): ${long.length} long task(s)${long.length ? ', longest ' + Math.max(...long).toFixed(0) + ' ms' : ''}`);
}
// Compare mode opened at the end of that run: the three copies replay the
// whole run (in slices, nothing drawn until they arrive), then draw.
{
  await page.evaluate(() => { window.__lt = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__lt.push(e.duration))).observe({ type: 'longtask' }); });
  const t0 = Date.now();
  await page.click('[data-testid=compare]');
  let ms = 0;
  for (;;) {
    await page.waitForTimeout(100);
    const [at, text] = await page.evaluate(() => [+document.querySelector('[data-testid=compare-view]')?.dataset.tMs, document.querySelector('[data-testid=compare-replayed]')?.textContent || '']);
    ms = at;
    if ((at === end && !text.includes('Replaying')) || Date.now() - t0 > 300000) break;
  }
  const wall = Date.now() - t0;
  await page.waitForTimeout(500);
  const lt = await page.evaluate(() => window.__lt);
  console.log(`compare (acks, 3 copies) opened at ${ms / 1000} s of ${end / 1000} s in ${(wall / 1000).toFixed(1)} s wall; long tasks: ${lt.length}${lt.length ? ', longest ' + Math.max(...lt).toFixed(0) + ' ms' : ''}; wasm memory then ${await wasmMb()} MB`);
}
await browser.close();
close();
JS
