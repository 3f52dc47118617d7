// Compare mode (issue 15) in headless Chromium, on the shipped dist/:
//  - `?compare=acks` opens three copies (acks=0, 1, all) with their strips;
//  - played, then "slow P0's followers" and "kill P0's leader" from compare
//    mode's command bar (every copy at the same simulated time): acks=1 shows
//    acked-but-lost > 0, acks=all 0 (chapter 3's lesson side by side), and
//    the acked-lost metric is marked as differing;
//  - one timeline for every copy: scrubbing back shows them all before the
//    failure, ← steps back, back to live returns;
//  - the `compare` button opens it from the explorer's time; the setting
//    picker switches it; a bad
//    `?compare=` gives the URL notice; close goes back to the stage;
//  - no page errors, no request outside the page's origin.
//
//   node tests/compare.mjs [DIST_DIR]

import { start } from './serve.mjs';

const { base, browser, check, finish } = await start();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const errors = [];
const foreign = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('request', (r) => {
  if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreign.push(r.url());
});

const run = (k) => page.locator(`[data-testid=compare-run-${k}]`);
const attr = async (k, name) => Number(await run(k).getAttribute(`data-${name}`));
const downCount = (k) => run(k).locator('.compare-broker--down').count();
const simTime = async () => Number((await page.getAttribute('[data-testid=compare-view]', 'data-t-ms')) || 0);

// A shared compare link on a first visit goes straight to compare mode (no
// welcome over it), and Esc closes it.
{
  const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await fresh.goto(`${base}/?compare=acks`);
  await fresh.waitForSelector('[data-testid=compare-run-3]', { timeout: 30000 });
  check((await fresh.locator('[data-testid=welcome]').count()) === 0, 'a ?compare= link skips the first visit\'s welcome');
  await fresh.keyboard.press('Escape');
  await fresh.waitForTimeout(300);
  check((await fresh.locator('[data-testid=compare-view]').count()) === 0, 'Esc closes compare mode');
  await fresh.close();
}

// Speed 5: 5 simulated steps per update.
await page.goto(`${base}/?compare=acks&tab=inspector&speed=5`);
await page.waitForSelector('[data-testid=compare-run-3]', { timeout: 30000 });
const settings = [];
for (const k of [1, 2, 3]) settings.push(await run(k).getAttribute('data-setting'));
check(JSON.stringify(settings) === JSON.stringify(['acks=0', 'acks=1', 'acks=all']), `?compare=acks opens acks=0, 1, all (${settings})`);
check((await page.locator('[data-testid=compare-run-4]').count()) === 0, 'three copies, no fourth');
check((await page.inputValue('[data-testid=compare-broker]')) === '1', 'the broker picker starts on broker 1');
check((await page.getAttribute('[data-testid=compare]', 'aria-pressed')) === 'true', 'the compare button shows compare mode is on');

// Play ~5 simulated s, then slow P0's followers, play ~2 s, kill P0's leader.
const playUntil = async (ms) => {
  await page.waitForFunction((ms) => Number(document.querySelector('[data-testid=compare-view]')?.dataset.tMs || 0) >= ms, ms, { timeout: 60000 });
};
await page.click('[data-testid=play-pause]');
await playUntil(5000);
await page.click('[data-testid=compare-slow-p0]');
const slowedAt = await simTime();
await playUntil(slowedAt + 2000);
await page.click('[data-testid=compare-kill-leader]');
const killedAt = await simTime();
await playUntil(killedAt + 15000);
await page.click('[data-testid=play-pause]');
const lost = [await attr(1, 'acked-lost'), await attr(2, 'acked-lost'), await attr(3, 'acked-lost')];
const acked = [await attr(1, 'acked'), await attr(2, 'acked'), await attr(3, 'acked')];
check(lost[1] > 0, `acks=1 lost acknowledged records after the leader failed (acked-lost ${lost[1]} of ${acked[1]})`);
check(lost[2] === 0 && acked[2] > 0, `acks=all lost none (acked-lost ${lost[2]} of ${acked[2]})`);
check(acked[0] === 0 && lost[0] === 0, `acks=0 acknowledges nothing (acked ${acked[0]})`);
const dupes = [await attr(1, 'duplicates'), await attr(2, 'duplicates'), await attr(3, 'duplicates')];
check(dupes.every((d) => Number.isFinite(d)), `data-duplicates on every copy (${dupes})`);
const differs = await run(2).locator('.metric--differs').count();
check(differs >= 2, `the metrics that differ are marked (${differs} on acks=1)`);
const cue = await run(2).locator('.metric--differs .visually-hidden').first().textContent();
check(/differs/.test(cue || ''), `a difference is said, not only coloured ("${cue}")`);
const replicas = await Promise.all([1, 2, 3].map((k) => run(k).locator('.compare-run__stage [data-testid^=replica-][data-leo]').count()));
check(replicas.every((n) => n === 9), `each copy draws its stage: 9 replicas with data-leo (${replicas})`);
check(killedAt > slowedAt && slowedAt >= 5000, `commands given at one simulated time (slowed ${slowedAt} ms, killed ${killedAt} ms)`);

// One timeline for every copy: scrubbing back shows all of them before the
// slow-down and the kill (nothing lost yet anywhere), ← steps back, and back
// to live shows the losses again.
const tl = '[data-testid=compare-view] [data-testid=timeline]';
const end = Number(await page.getAttribute(tl, 'data-end-ms'));
check(end === (await simTime()), `the shared timeline ends at the copies' time (${end})`);
check((await page.locator(`${tl} [data-testid=timeline-mark-crash]`).count()) >= 1, 'the leader kill is marked on it');
const scrubTo = async (ms) => {
  await page.locator(`${tl} [data-testid=timeline-range]`).fill(String(ms));
  await page.waitForFunction(([s, m]) => +document.querySelector(s).dataset.timeMs === m && +document.querySelector('[data-testid=compare-view]').dataset.tMs === m, [tl, ms], { timeout: 10000 });
};
await scrubTo(slowedAt - 1000);
const pastLost = [await attr(1, 'acked-lost'), await attr(2, 'acked-lost'), await attr(3, 'acked-lost')];
const pastDown = await Promise.all([1, 2, 3].map(downCount));
check(pastLost.every((n) => n === 0) && pastDown.every((n) => n === 0), `scrubbed to ${slowedAt - 1000} ms: every copy as it was then (lost ${pastLost}, brokers down ${pastDown})`);
await page.keyboard.press('ArrowLeft');
const stepped = await page.waitForFunction((m) => +document.querySelector('[data-testid=compare-view]').dataset.tMs === m, slowedAt - 1100, { timeout: 10000 }).then(() => true, () => false);
check(stepped, `← steps every copy back one step (${await simTime()})`);
await page.click(`${tl} [data-testid=back-to-live]`);
await page.waitForFunction((m) => +document.querySelector('[data-testid=compare-view]').dataset.tMs === m, end, { timeout: 10000 });
check((await attr(2, 'acked-lost')) === lost[1], `back to live shows the losses again (${await attr(2, 'acked-lost')})`);

// Kill and restart a picked broker in every copy (the picker keeps its value):
// the last broker that is up in every copy.
const down = async () => Promise.all([1, 2, 3].map(downCount));
const downBefore = await down();
const upEverywhere = await page.evaluate(() => {
  const ups = [1, 2, 3].map((k) => [...document.querySelectorAll(`[data-testid=compare-run-${k}] .compare-broker:not(.compare-broker--down)`)].map((e) => e.textContent.trim().slice(1)));
  return ups[0].filter((b) => ups.every((u) => u.includes(b))).pop();
});
await page.selectOption('[data-testid=compare-broker]', upEverywhere);
await page.click('[data-testid=compare-kill-broker]');
await page.waitForFunction((n) => document.querySelectorAll('[data-testid=compare-run-3] .compare-broker--down').length === n, downBefore[2] + 1);
check((await page.inputValue('[data-testid=compare-broker]')) === upEverywhere, 'the broker picker keeps its value after the update');
const downAfter = await down();
check(downAfter.every((n, i) => n === downBefore[i] + 1), `kill broker ${upEverywhere} takes it down in every copy (${downBefore} -> ${downAfter})`);
// A broker restarted before the controller fenced it registers once its
// session has expired (KRaft): play until it is back.
await page.click('[data-testid=compare-restart-broker]');
await page.click('[data-testid=play-pause]');
await page.waitForFunction((n) => document.querySelectorAll('[data-testid=compare-run-3] .compare-broker--down').length === n, downBefore[2]);
await page.click('[data-testid=play-pause]');
check(JSON.stringify(await down()) === JSON.stringify(downBefore), `restart broker ${upEverywhere} brings it back in every copy`);

// The picker switches the setting; close goes back to the stage.
await page.selectOption('[data-testid=compare-setting]', 'unclean');
await page.waitForFunction(() => document.querySelector('[data-testid=compare-run-1]')?.dataset.setting === 'unclean.leader.election.enable=false');
check((await page.locator('[data-testid=compare-run-3]').count()) === 0, 'unclean compares two copies');
await page.click('[data-testid=compare-close]');
await page.waitForSelector('[data-testid=records-layer]');
check((await page.locator('[data-testid=compare-view]').count()) === 0, 'close goes back to the stage');
// Compare from the learner's run: the copies start at the explorer's time,
// with its commands replayed (none here), and say so.
await page.click('[data-testid=play-pause]');
await page.waitForFunction(() => +document.querySelector('[data-testid=timeline]').dataset.timeMs >= 2000, null, { timeout: 30000 });
await page.click('[data-testid=play-pause]');
const explorerAt = Number(await page.getAttribute('[data-testid=timeline]', 'data-time-ms'));
await page.click('[data-testid=compare]');
await page.waitForSelector('[data-testid=compare-run-3]');
check((await run(3).getAttribute('data-setting')) === 'acks=all', 'the compare button opens it (on acks)');
check((await simTime()) === explorerAt, `the copies start at the explorer's time (${await simTime()} = ${explorerAt})`);
const replayed = (await page.textContent('[data-testid=compare-replayed]')) || '';
check(replayed.includes((explorerAt / 1000).toFixed(1)), `and say where they started ("${replayed}")`);

// A bad setting name in the URL is a notice naming the allowed ones.
await page.goto(`${base}/?compare=linger&tab=inspector`);
await page.waitForSelector('[data-testid=url-notice]');
const notice = await page.textContent('[data-testid=url-notice]');
check(/compare/.test(notice) && /min_isr/.test(notice), `?compare=linger is refused with the allowed names ("${notice.trim().slice(0, 120)}")`);
check((await page.locator('[data-testid=compare-view]').count()) === 0, 'and compare mode stays closed');

check(errors.length === 0, `no page errors ${errors.join(' | ')}`);
check(foreign.length === 0, `no request outside the page's origin ${foreign.join(' ')}`);
await finish('compare');
