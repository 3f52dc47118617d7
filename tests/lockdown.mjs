// A locked-down page (docs/embed.md, "Content Security Policy") and the panic
// overlay (src/panic_overlay.rs), in headless Chromium:
//  - the shipped dist/: its CSP allows no inline script but trunk's hashed loader and
//    no eval; 30 s of play of each preset and a lesson cause no CSP violation and no
//    request outside the page's origin; no cookies; local storage holds only the
//    settings and the lesson progress; with storage throwing, the app still mounts,
//    plays and opens a lesson;
//  - a `--features panic-test` build (`#panic-at=<ms>` panics in the reducer): the
//    overlay appears in the page's language with focus in it, its reproduction
//    replays with `kafka-sim run` to its duration, and Restart reloads the app.
//
//   node tests/lockdown.mjs DIST_DIR PANIC_TEST_DIST_DIR   (scripts/test.sh builds both)

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { start } from './serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] || path.join(root, 'dist'));
const panicDist = path.resolve(process.argv[3] || path.join(root, 'target', 'dist-panic-test'));
const PLAY_MS = Number(process.env.LOCKDOWN_PLAY_MS || 30000);
// Everything the app may keep in local storage (src/components/app.rs, src/lesson_view.rs).
const STORAGE_KEYS = ['kafka-visualiser.welcomed', 'kafka-visualiser.progress'];

const { base, browser, check, finish } = await start({
  mounts: () => ({ '/app/': dist, '/panic/': panicDist }),
});

// The CSP as shipped.
// The minifier may reorder the <meta>'s attributes.
const meta = (fs.readFileSync(path.join(dist, 'index.html'), 'utf8').match(/<meta[^>]*Content-Security-Policy[^>]*>/i) || [''])[0];
const csp = (meta.match(/content="([^"]*)"/) || [])[1] || '';
const scriptSrc = (csp.match(/script-src ([^;]*)/) || [])[1] || '';
check(/default-src 'self'/.test(csp), `the page sets a CSP with default-src 'self' (${csp})`);
check(/'sha256-[A-Za-z0-9+/=]+'/.test(scriptSrc) && !/'unsafe-inline'|'unsafe-eval'/.test(scriptSrc), `script-src has the loader's hash, no 'unsafe-inline' or 'unsafe-eval' (${scriptSrc})`);
check(!/https?:|\*/.test(csp), 'the CSP names no other origin');
const wasmHas = (dir, s) => fs.readdirSync(dir).filter((f) => f.endsWith('.wasm')).some((f) => fs.readFileSync(path.join(dir, f)).includes(s));
check(!wasmHas(dist, 'panic-test: injected'), 'the shipped bundle has no panic trigger');

// CSP violations are collected from the start of every document.
const watchCsp = () => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
};

async function open(context, url) {
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  return { page, errors, requests };
}

const simTime = (page) => page.locator('[data-testid=sim-time]').textContent({ timeout: 30000 });

try {
  for (const preset of ['default', 'shop', 'stress']) {
    const context = await browser.newContext();
    await context.addInitScript(watchCsp);
    const { page, errors, requests } = await open(context, `${base}/app/index.html?preset=${preset}&play=1&speed=10`);
    const t0 = await simTime(page);
    await page.waitForTimeout(PLAY_MS);
    const t1 = await simTime(page);
    check(t0 !== t1, `${preset}: plays (${t0} -> ${t1})`);
    // A lesson, played to its end, in the same document.
    await page.goto(`${base}/app/index.html?lesson=ch2&step=1`);
    await page.click('[data-testid=lesson-play]', { timeout: 30000 });
    await page.waitForTimeout(3000);
    // Chapter 1's diagram replaces the stage: the records layer unmounts with
    // an animation frame pending (it must cancel it, not leave it to call a
    // dropped closure).
    await page.goto(`${base}/app/index.html?lesson=ch1&step=1`);
    await page.waitForSelector('[data-testid=pipelines]', { timeout: 30000 }).catch(() => {});
    await page.waitForTimeout(1000);
    const violations = await page.evaluate(() => window.__violations);
    check(violations.length === 0, `${preset} + a lesson: no CSP violation${violations.length ? ': ' + violations.join('; ') : ''}`);
    const outside = requests.filter((u) => !u.startsWith(`${base}/`));
    check(requests.length > 0 && outside.length === 0, `${preset}: ${requests.length} requests, none outside the page's origin${outside.length ? ': ' + outside.join(', ') : ''}`);
    const { cookie, keys } = await page.evaluate(() => ({ cookie: document.cookie, keys: Object.keys(localStorage) }));
    check(cookie === '', `${preset}: no cookies`);
    const extra = keys.filter((k) => !STORAGE_KEYS.includes(k));
    check(extra.length === 0, `${preset}: local storage keys ${JSON.stringify(keys)} are settings and progress only`);
    check(errors.length === 0, `${preset}: no page errors${errors.length ? ': ' + errors.join('; ') : ''}`);
    await context.close();
  }

  // Storage that throws on any access (a sandboxed frame, blocked site data).
  {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, { get() { throw new DOMException('blocked', 'SecurityError'); } });
      }
    });
    const { page, errors } = await open(context, `${base}/app/index.html?play=1&speed=10`);
    const t0 = await simTime(page);
    await page.waitForTimeout(2000);
    check(t0 !== (await simTime(page)), 'storage blocked: the app mounts and plays');
    await page.goto(`${base}/app/index.html?lesson=ch2&step=1`);
    const lesson = page.locator('[data-testid=lesson]');
    check((await lesson.getAttribute('data-step', { timeout: 30000 })) === '1', 'storage blocked: a lesson opens');
    check(errors.length === 0, `storage blocked: no page errors${errors.length ? ': ' + errors.join('; ') : ''}`);
    await context.close();
  }

  // The panic overlay.
  for (const lang of ['en', 'ko']) {
    const context = await browser.newContext();
    const { page, errors } = await open(context, `${base}/panic/index.html?seed=7&speed=10&tab=events&lang=${lang}#panic-at=3000`);
    await page.click('[data-testid=add-consumer]', { timeout: 30000 });
    await page.click('[data-testid=play-pause]');
    const dialog = page.locator('.panic [role=alertdialog]');
    await dialog.waitFor({ timeout: 30000 }).catch(() => {});
    check((await dialog.count()) === 1, `${lang}: a panic shows the overlay`);
    if (!(await dialog.count())) {
      await context.close();
      continue;
    }
    // Behind the overlay nothing calls into the dead app any more: the play
    // timer and the records layer's frames stop (panic_overlay::crashed).
    const afterPanic = errors.length;
    await page.waitForTimeout(2000);
    check(errors.length === afterPanic, `${lang}: no errors after the panic (${errors.slice(afterPanic, afterPanic + 2).join(' | ')})`);
    const shown = await page.evaluate(() => {
      const d = document.querySelector('.panic [role=alertdialog]');
      return {
        lang: d.closest('[lang]').getAttribute('lang'),
        title: document.getElementById(d.getAttribute('aria-labelledby')).textContent,
        focus: d.contains(document.activeElement) && document.activeElement.tagName,
        inert: [...document.body.children].filter((c) => !c.classList.contains('panic')).every((c) => c.inert),
        repro: d.querySelector('textarea').value,
      };
    });
    check(shown.lang === lang && (lang === 'ko' ? /[가-힣]/ : /stopped/).test(shown.title), `${lang}: the overlay speaks ${lang} (${shown.title})`);
    check(shown.focus === 'BUTTON' && shown.inert, `${lang}: focus is in the dialog, the page behind is inert`);
    await page.keyboard.press('Shift+Tab');
    const other = await page.evaluate(() => document.activeElement.dataset.act);
    check(other === 'restart', `${lang}: the keyboard reaches Restart (${other})`);
    let scenario = null;
    try {
      scenario = JSON.parse(shown.repro);
    } catch (e) {
      check(false, `${lang}: the reproduction is JSON (${e})`);
    }
    if (scenario) {
      check(scenario.duration_ms >= 3000 && scenario.seed === 7 && scenario.script.some((s) => s.do === 'add_consumer'),
        `${lang}: the reproduction has the seed, the command and the time (${scenario.duration_ms} ms)`);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'repro-')), 'repro.json');
      fs.writeFileSync(file, shown.repro);
      const out = execFileSync('cargo', ['run', '--locked', '-q', '-p', 'kafka-sim-cli', '--bin', 'kafka-sim', '--', 'run', file],
        { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
      const summary = JSON.parse(out.trim().split('\n').pop());
      check(summary.t_ms === scenario.duration_ms, `${lang}: kafka-sim run replays it to ${summary.t_ms} ms`);
    }
    if (lang === 'en') {
      await page.click('.panic [data-act=restart]');
      await page.waitForLoadState('load');
      await page.waitForSelector('[data-testid=sim-time]', { timeout: 30000 }).catch(() => {});
      check((await page.locator('.panic').count()) === 0 && (await page.locator('[data-testid=sim-time]').count()) === 1,
        'Restart reloads the app');
    }
    await context.close();
  }
} catch (e) {
  check(false, `the test threw: ${e.stack || e}`);
}
await finish('lockdown');
