// A static server for a built dist/ on a free loopback port, for the browser
// tests (no network beyond the page's own origin).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

/// Serves `mounts` and resolves to { base, close }. `mounts` is a dist folder
/// (served at /) or an object of URL prefix → folder (a prefix ending in /)
/// or → file (an exact path), e.g. the app under a sub-path beside a host
/// page. `onRequest` sees every path asked for.
export async function serve(mounts, onRequest = () => {}) {
  const table = Object.entries(typeof mounts === 'string' ? { '/': mounts } : mounts).map(([p, d]) => [p, path.resolve(d)]);
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url, 'http://x').pathname;
    onRequest(pathname);
    const mount = table.find(([p]) => (p.endsWith('/') ? pathname.startsWith(p) : pathname === p));
    let file = null;
    if (mount && !mount[0].endsWith('/')) file = mount[1];
    else if (mount) {
      file = path.join(mount[1], decodeURIComponent(pathname.slice(mount[0].length)) || 'index.html');
      if (!file.startsWith(mount[1])) file = null;
    }
    if (!file || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
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
/// or dist/; `mounts(root, dist)` to serve more, see `serve`), Chromium
/// launched, and a `check` that prints and counts; `finish(name)` closes both
/// and exits 1 if a check failed.
export async function start({ mounts, onRequest } = {}) {
  const { createRequire } = await import('node:module');
  const { fileURLToPath } = await import('node:url');
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const prefix = process.env.TOOLS_PREFIX || path.join(process.env.HOME, '.local');
  const { chromium } = createRequire(path.join(prefix, 'lib', 'node_modules', 'x.js'))('playwright-core');
  const dist = path.resolve(process.argv[2] || path.join(root, 'dist'));
  const { base, close } = await serve(mounts ? mounts(root, dist) : dist, onRequest);
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
  return { root, dist, base, browser, check, finish };
}
