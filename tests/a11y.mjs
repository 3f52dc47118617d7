// Accessibility audit in a real browser: axe-core's WCAG 2.1 A and AA rules on
// every view the app has (the stage, each side tab, a lesson step, chapter 1's
// diagram, embed mode, and three at phone width), in English and Korean, light and dark. Fails on any
// serious or critical violation and prints each (rule, target, summary); minor
// and moderate ones are printed too.
//
//   node tests/a11y.mjs [DIST_DIR]      (scripts/test.sh runs it after the release build)
//   A11Y_ONLY=events node tests/a11y.mjs   audits only the views whose name contains "events"

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] || path.join(root, 'dist'));
const prefix = process.env.TOOLS_PREFIX || path.join(process.env.HOME, '.local');
// Both installed by scripts/setup.sh under $TOOLS_PREFIX/lib/node_modules.
const need = createRequire(path.join(prefix, 'lib', 'node_modules', 'x.js'));
const { chromium } = need('playwright-core');
const axeSource = fs.readFileSync(need.resolve('axe-core/axe.min.js'), 'utf8');

const { base, close } = await serve(dist);

// The stage runs two seconds at 10× and is paused, so the log, the lag charts
// and the logs' cells have content and nothing moves while axe reads the page.
const RUN = 'play=1&speed=10';
const VIEWS = [
  { name: 'main', query: RUN, ready: '.topology', welcome: true },
  { name: 'inspector', query: `${RUN}&tab=inspector`, ready: '.topology' },
  { name: 'inspector-broker', query: `${RUN}&tab=inspector`, ready: '.topology', click: '[data-testid=broker-1]' },
  { name: 'inspector-partition', query: `${RUN}&tab=inspector`, ready: '.topology', click: '[data-testid^=replica-][data-testid$="-0-1"]' },
  { name: 'inspector-member', query: `${RUN}&tab=inspector`, ready: '.topology', click: '[data-testid^=consumer-]' },
  { name: 'events', query: `${RUN}&tab=events`, ready: '[data-testid=event-log]' },
  { name: 'config', query: `${RUN}&tab=config`, ready: '.topology' },
  { name: 'lag', query: `${RUN}&tab=lag`, ready: '.topology' },
  { name: 'brokers', query: `${RUN}&tab=brokers`, ready: '.topology' },
  { name: 'course', query: `${RUN}&tab=course`, ready: '.topology' },
  { name: 'lesson-ch2-2', query: 'lesson=ch2&step=2', ready: '[data-testid=lesson]' },
  { name: 'lesson-ch1-1', query: 'lesson=ch1&step=1', ready: '[data-testid=pipelines]' },
  { name: 'embed-ch2-3', query: 'lesson=ch2&step=3&embed=1', ready: '[data-testid=lesson]' },
  // A phone (390 px): the stage shortens its labels there ("B1"), and their
  // accessible names must still start with what is visible.
  { name: 'phone-main', query: `${RUN}&tab=inspector`, ready: '.topology', width: 390 },
  { name: 'phone-lesson-ch3-1', query: 'lesson=ch3&step=1', ready: '[data-testid=lesson]', width: 390 },
  { name: 'compare', query: `${RUN}&tab=inspector&compare=acks`, ready: '[data-testid=compare-run-3]' },
  { name: 'phone-compare', query: `${RUN}&tab=inspector&compare=unclean`, ready: '[data-testid=compare-run-2]', width: 390 },
  { name: 'phone-brokers', query: `${RUN}&tab=brokers&preset=shop`, ready: '.topology', width: 390 },
];
const only = process.env.A11Y_ONLY;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

const tally = new Map(); // rule -> { impact, nodes, views }
let blocking = 0;
let failures = 0;

async function audit(page) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        summary: (n.failureSummary || '').split('\n').filter((l) => l.trim() && !/^Fix (any|all)/.test(l)).map((l) => l.trim())[0] || '',
      })),
    }));
  });
}

try {
  for (const lang of ['en', 'ko']) {
    for (const colorScheme of ['light', 'dark']) {
      // bypassCSP: the page's own Content-Security-Policy (rightly) refuses the
      // injected axe script; tests/lockdown.mjs checks that policy separately.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme, bypassCSP: true });
      for (const view of VIEWS) {
        if (only && !view.name.includes(only)) continue;
        const tag = `${view.name} ${lang} ${colorScheme}`;
        const page = await context.newPage();
        if (view.width) await page.setViewportSize({ width: view.width, height: 844 });
        const errors = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        // A fresh visit greets once (the welcome dialog): audited on the main view only.
        await page.addInitScript((greet) => {
          if (greet) localStorage.clear();
          else localStorage.setItem('kafka-visualiser.welcomed', '1');
        }, !!view.welcome);
        await page.goto(`${base}/?lang=${lang}&${view.query}`);
        try {
          await page.waitForSelector(view.ready, { timeout: 30000 });
        } catch {
          console.log(`FAIL ${tag}: ${view.ready} never appeared${errors.length ? ': ' + errors.join('; ') : ''}`);
          failures++;
          await page.close();
          continue;
        }
        if (view.query.includes('play=1')) {
          await page.waitForTimeout(2000);
          // Not a pointer click: the welcome dialog covers the bar on a first visit.
          await page.locator('[data-testid=play-pause]').dispatchEvent('click');
        }
        if (view.click) {
          await page.locator(view.click).first().dispatchEvent('click');
          await page.waitForSelector('.inspector .insp__title', { timeout: 10000 }).catch(() => {});
        }
        // Let the spotlight's and the panels' transitions end.
        await page.waitForTimeout(700);
        const violations = await audit(page);
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        blocking += serious.length;
        console.log(`${serious.length ? 'FAIL' : 'ok  '} ${tag}: ${violations.length} rule(s) violated, ${serious.length} serious or critical`);
        for (const v of violations) {
          const t = tally.get(v.id) || { impact: v.impact, nodes: 0, views: 0 };
          t.nodes += v.nodes.length;
          t.views += 1;
          tally.set(v.id, t);
          console.log(`     ${v.impact} ${v.id}: ${v.help} (${v.nodes.length} element(s))`);
          for (const n of v.nodes.slice(0, 5)) console.log(`       ${n.target} — ${n.summary}`);
          if (v.nodes.length > 5) console.log(`       … and ${v.nodes.length - 5} more`);
        }
        // Reported, not failed on: the app's own errors are other tests' business.
        if (errors.length) console.log(`warn ${tag}: page errors: ${errors.join('; ')}`);
        await page.close();
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  close();
}

console.log('\nper rule (views it fails in, elements over all views):');
for (const [id, t] of [...tally].sort()) console.log(`  ${t.impact.padEnd(8)} ${id}: ${t.views} view(s), ${t.nodes} element(s)`);
if (blocking || failures) {
  console.error(`a11y: ${blocking} serious or critical violation(s), ${failures} other failure(s)`);
  process.exit(1);
}
console.log('a11y: no serious or critical violations');
