// A static server for a built dist/ on a free loopback port, for the browser
// tests (no network beyond the page's own origin).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

/// Serves `dist` and resolves to { base, close }.
export async function serve(dist) {
  const root = path.resolve(dist);
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).slice(1) || 'index.html';
    const file = path.join(root, rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/// What every browser test starts with: the built app served (`process.argv[2]`
/// or dist/), Chromium launched, and a `check` that prints and counts;
/// `finish(name)` closes both and exits 1 if a check failed.
export async function start() {
  const { createRequire } = await import('node:module');
  const { fileURLToPath } = await import('node:url');
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const prefix = process.env.TOOLS_PREFIX || path.join(process.env.HOME, '.local');
  const { chromium } = createRequire(path.join(prefix, 'lib', 'node_modules', 'x.js'))('playwright-core');
  const { base, close } = await serve(process.argv[2] || path.join(root, 'dist'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  let failures = 0;
  const check = (ok, what) => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failures++;
  };
  const finish = async (name) => {
    await browser.close();
    close();
    if (failures) {
      console.log(`${name}: ${failures} check(s) failed`);
      process.exit(1);
    }
    console.log(`${name}: all checks passed`);
  };
  return { root, base, browser, check, finish };
}
