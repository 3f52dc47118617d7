// Time travel in a real browser (issue 15): play 20 s of the default preset,
// kill broker 1 at 8 s, then scrub back to 5 s: broker 1 is alive and every
// replica's LEO (`data-leo`) equals what `kafka-sim run --until-ms 5000`
// reports for the same run (exported from the app); forward to 15 s: it is
// dead. A mark jumps to just before its moment; step back and back to live
// work; acting in the past forks the run ("forked at …" in the log).
//
//   node tests/timeline.mjs [DIST_DIR]     (scripts/test.sh runs it on the release build)

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { start } from './serve.mjs';

const { root, base, browser, check, finish } = await start();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/index.html?seed=7&speed=10&tab=inspector&lang=en`);
  const tl = '[data-testid=timeline]';
  await page.waitForSelector(tl, { timeout: 30000 });
  const time = () => page.$eval(tl, (e) => +e.dataset.timeMs);
  const playUntil = async (ms) => {
    await page.click('[data-testid=play-pause]');
    await page.waitForFunction(([s, m]) => +document.querySelector(s).dataset.timeMs >= m, [tl, ms], { timeout: 60000 });
    await page.click('[data-testid=play-pause]');
  };
  const seek = async (ms) => {
    await page.locator('[data-testid=timeline-range]').fill(String(ms));
    await page.waitForFunction(([s, m]) => +document.querySelector(s).dataset.timeMs === m, [tl, ms], { timeout: 10000 });
  };
  const dead = () => page.$eval('[data-testid=broker-1]', (e) => e.classList.contains('broker--down'));
  const leos = () => page.$$eval('[data-testid^=replica-]', (rs) => Object.fromEntries(rs.map((r) => [r.dataset.testid, +r.dataset.leo])));

  await playUntil(8000);
  const killAt = await time();
  await page.locator('[data-testid=broker-1]').dispatchEvent('click');
  await page.click('[data-testid=action-kill-broker]');
  await playUntil(20000);
  const end = await page.$eval(tl, (e) => +e.dataset.endMs);
  check(end >= 20000 && (await dead()), `played to ${end} ms with broker 1 killed at ${killAt} ms`);
  const crash = await page.$$eval('[data-testid=timeline-mark-crash]', (ms) => ms.map((m) => +m.dataset.tMs));
  check(crash.includes(killAt), `a crash mark at ${killAt} ms (${crash})`);

  // The app's own export: the same run as a `kafka-sim run` scenario.
  await page.click('[data-testid=tab-config]');
  await page.click('[data-testid=export-scenario]');
  const json = await page.$eval('[data-testid=scenario-json]', (t) => t.value);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-')), 'run.json');
  fs.writeFileSync(file, json);
  const cli = (until) => {
    const out = execFileSync('cargo', ['run', '--locked', '-q', '-p', 'kafka-sim-cli', '--bin', 'kafka-sim', '--', 'run', file, '--until-ms', String(until)],
      { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
    const summary = JSON.parse(out.trim().split('\n').pop());
    const map = {};
    for (const p of summary.partitions) for (const [b, leo] of Object.entries(p.log_end_offsets)) map[`replica-${p.topic}-${p.partition}-${b}`] = leo;
    return map;
  };
  await page.click('[data-testid=tab-inspector]');

  await seek(5000);
  check(!(await dead()), 'scrubbed back to 5 s: broker 1 is alive');
  const at5 = await leos();
  const want5 = cli(5000);
  check(JSON.stringify(at5) === JSON.stringify(Object.fromEntries(Object.keys(at5).map((k) => [k, want5[k]]))) && Object.keys(at5).length === Object.keys(want5).length,
    `LEOs at 5 s equal kafka-sim run --until-ms 5000 (${JSON.stringify(at5)})`);
  check(await page.$eval(tl, (e) => e.classList.contains('timeline--past')), 'the timeline says it shows the past');

  await seek(15000);
  check(await dead(), 'forward to 15 s: broker 1 is dead');
  const at15 = await leos();
  const want15 = cli(15000);
  check(Object.keys(at15).every((k) => at15[k] === want15[k]), 'LEOs at 15 s equal kafka-sim run --until-ms 15000');

  // A mark jumps to just before its moment (one step of 100 ms).
  await page.locator('[data-testid=timeline-mark-crash]').first().click();
  await page.waitForFunction(([s, m]) => +document.querySelector(s).dataset.timeMs === m, [tl, killAt - 100], { timeout: 10000 }).catch(() => {});
  check((await time()) === killAt - 100 && !(await dead()), `the crash mark jumps to ${killAt - 100} ms (${await time()})`);
  check((await page.locator('[data-testid=timeline-named]').count()) === 1, 'the mark is named in words');
  await page.click('[data-testid=step-back]');
  check((await time()) === killAt - 200, 'step back goes one step earlier');
  await page.keyboard.press('ArrowLeft');
  await page.waitForTimeout(200);
  check((await time()) === killAt - 300, '← goes one more step back');
  await page.click('[data-testid=back-to-live]');
  check((await time()) === end && !(await page.$eval(tl, (e) => e.classList.contains('timeline--past'))), 'back to live returns to the latest time');

  // Acting in the past forks the run there.
  await seek(6000);
  await page.locator('[data-testid=broker-2]').dispatchEvent('click');
  await page.click('[data-testid=action-kill-broker]');
  const forked = await page.$eval(tl, (e) => [+e.dataset.timeMs, +e.dataset.endMs]);
  check(forked[0] === 6000 && forked[1] === 6000, `a command at 6 s forks there (${forked})`);
  await page.click('[data-testid=tab-events]');
  const log = await page.$eval('[data-testid=event-log]', (e) => e.textContent);
  check(/Forked at 6\.0 s/.test(log), 'the event log says "Forked at 6.0 s"');
  check(errors.length === 0, `no page errors${errors.length ? ': ' + errors.join('; ') : ''}`);
} catch (e) {
  check(false, `the test stopped: ${e}`);
} finally {
  await finish('timeline');
}
