#!/usr/bin/env bash
# Memory soak: plays the `stress` preset at 10× in headless Chromium for N minutes
# and prints, every minute, the simulated time, the JS heap (CDP
# Runtime.getHeapUsage) and the wasm linear memory (the module's exported
# Memory's buffer.byteLength), as a Markdown table. A benchmark, not a test
# (scripts/test.sh does not run it); docs/benchmarks.md "Memory" has results.
#
#   scripts/soak.sh [MINUTES] [DIST_DIR]     (defaults: 30, dist/ — build it first with scripts/build.sh)
#
# Needs playwright-core under $TOOLS_PREFIX/lib/node_modules (scripts/setup.sh)
# and Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
minutes="${1:-30}"
dist="$(cd "${2:-$root/dist}" && pwd)"
[ -f "$dist/index.html" ] || { echo "no $dist/index.html: run scripts/build.sh first" >&2; exit 1; }
exec node --input-type=module - "$minutes" "$dist" <<'JS'
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [minutes, dist] = [Number(process.argv[2]), process.argv[3]];
const prefix = process.env.TOOLS_PREFIX || path.join(process.env.HOME, '.local');
const { chromium } = createRequire(path.join(prefix, 'lib', 'node_modules', 'x.js'))('playwright-core');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = http.createServer((req, res) => {
  const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).slice(1) || 'index.html';
  const file = path.join(dist, rel);
  if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
// Keep every wasm Memory the page instantiates (wasm-bindgen's module exports one).
await page.addInitScript(() => {
  window.__wasmMemories = [];
  const orig = WebAssembly.instantiateStreaming;
  const keep = (res) => {
    for (const v of Object.values(res.instance.exports)) if (v instanceof WebAssembly.Memory) window.__wasmMemories.push(v);
    return res;
  };
  WebAssembly.instantiateStreaming = (...a) => orig(...a).then(keep);
  const origI = WebAssembly.instantiate;
  WebAssembly.instantiate = (...a) => origI(...a).then((r) => (r.instance ? keep(r) : r));
});
const cdp = await page.context().newCDPSession(page);
const port = server.address().port;
await page.goto(`http://127.0.0.1:${port}/?preset=stress&play=1&speed=10&tab=inspector`);
await page.waitForFunction(() => window.__wasmMemories.length > 0, null, { timeout: 60000 });
const MB = 1024 * 1024;
const simTime = () => page.evaluate(() => document.querySelector('[data-testid=sim-time]')?.textContent.trim() ?? '?');
const sample = async (minute) => {
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasmMemories.reduce((n, m) => n + m.buffer.byteLength, 0));
  console.log(`| ${minute} | ${await simTime()} | ${(usedSize / MB).toFixed(1)} | ${(wasm / MB).toFixed(1)} |`);
};
console.log('| minute | simulated s | JS heap MB | wasm memory MB |');
console.log('|---:|---:|---:|---:|');
await sample(0);
for (let m = 1; m <= minutes; m++) {
  await page.waitForTimeout(60000);
  await sample(m);
}
await browser.close();
server.close();
JS
