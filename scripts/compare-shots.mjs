// Screenshots of compare mode (issue 15): en and ko, 1280 px and 390 px, light
// and dark, after the acks story (slow P0's followers, kill P0's leader).
//   node scripts/compare-shots.mjs [DIST_DIR] [OUT_DIR]   (default dist, target/shots)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] || path.join(root, 'dist'));
const out = path.resolve(process.argv[3] || path.join(root, 'target', 'shots'));
fs.mkdirSync(out, { recursive: true });
const prefix = process.env.TOOLS_PREFIX || path.join(process.env.HOME, '.local');
const { chromium } = createRequire(path.join(prefix, 'lib', 'node_modules', 'x.js'))('playwright-core');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = http.createServer((req, res) => {
  const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const file = path.join(dist, p === '/' ? 'index.html' : p);
  if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const until = (page, ms) => page.waitForFunction((ms) => Number(document.querySelector('[data-testid=compare-view]')?.dataset.tMs || 0) >= ms, ms, { timeout: 60000 });
const sizes = [[1280, 900, 'wide'], [390, 844, 'phone']];
if (process.env.TABLET) sizes.push([768, 900, 'tablet']);
for (const [w, h, tag] of sizes) {
  for (const lang of ['en', 'ko']) {
    for (const scheme of ['light', 'dark']) {
      const ctx = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await ctx.newPage();
      await page.goto(`${base}/?compare=acks&tab=inspector&speed=10&lang=${lang}`);
      await page.waitForSelector('[data-testid=compare-run-3]');
      await page.click('[data-testid=play-pause]');
      await until(page, 5000);
      await page.click('[data-testid=compare-slow-p0]');
      await until(page, 7000);
      await page.click('[data-testid=compare-kill-leader]');
      await until(page, 12000);
      await page.click('[data-testid=play-pause]');
      const file = path.join(out, `compare-${tag}-${lang}-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      await ctx.close();
    }
  }
}
await browser.close();
server.close();
