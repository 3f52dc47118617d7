// The host-page API in a real browser (docs/embed.md): dist/ is served under a
// sub-path (/kafka-visualiser/) next to docs/embed-example.html, which is loaded
// in headless Chromium at two frame sizes. The test waits for `ready` and the
// first `step`, drives the frame with the page's buttons (goto, next, back),
// answers a question inside the frame, checks the `answer` message against the
// verdict on screen, checks that junk messages change nothing, and that embed
// mode fits the frame without scrolling.
//
//   node tests/embed.mjs [DIST_DIR]      (scripts/test.sh runs it after the release build)

import path from 'node:path';
import { start } from './serve.mjs';

const requested = [];
const { base, browser, check, finish } = await start({
  mounts: (root, dist) => ({ '/embed-example.html': path.join(root, 'docs', 'embed-example.html'), '/kafka-visualiser/': dist }),
  onRequest: (p) => requested.push(p),
});

async function waitFor(page, predicate, arg, what, timeout = 30000) {
  try {
    await page.waitForFunction(predicate, arg, { timeout });
    return true;
  } catch {
    check(false, `${what} (timed out)`);
    return false;
  }
}

const lastOf = (type) => (t) => {
  const ms = window.received.filter((m) => m.type === t);
  return ms[ms.length - 1] || null;
};

try {
  for (const [w, h] of [[800, 600], [390, 700]]) {
    const page = await browser.newPage({ viewport: { width: Math.max(w + 40, 500), height: h + 400 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/embed-example.html`);
    await page.evaluate(([w, h]) => {
      const f = document.getElementById('vis');
      f.style.width = `${w}px`;
      f.style.height = `${h}px`;
    }, [w, h]);
    const tag = `${w}x${h}:`;
    if (!(await waitFor(page, () => window.received.some((m) => m.type === 'ready'), null, `${tag} ready arrives`))) continue;
    check(true, `${tag} ready arrives`);
    await waitFor(page, () => window.received.some((m) => m.type === 'step'), null, `${tag} the first step is reported`);
    const first = await page.evaluate(lastOf('step'), 'step');
    check(first && first.lesson === 'ch2' && first.step === 1 && first.steps >= 5, `${tag} step message ch2 1/${first && first.steps}`);

    const frame = page.frames().find((f) => f.url().includes('/kafka-visualiser/'));
    check(!!frame, `${tag} the app loads from the sub-path /kafka-visualiser/`);
    const lesson = frame.locator('[data-testid=lesson]');
    check((await lesson.getAttribute('data-step')) === '1', `${tag} the lesson panel shows step 1`);
    // Embed mode: only the stage and the lesson panel, no page scrolling inside the frame.
    const fit = await frame.evaluate(() => {
      const e = document.scrollingElement;
      return { sh: e.scrollHeight, ch: e.clientHeight, sw: e.scrollWidth, cw: e.clientWidth,
        tabs: !!document.querySelector('[role=tablist]'), header: !!document.querySelector('.header') };
    });
    check(fit.sh <= fit.ch + 1 && fit.sw <= fit.cw + 1, `${tag} fits the frame (${fit.sw}x${fit.sh} in ${fit.cw}x${fit.ch})`);
    check(!fit.tabs && !fit.header, `${tag} embed mode hides the header and the side tabs`);

    // goto from the host page.
    await page.click('button[data-lesson=ch2][data-step="3"]');
    await waitFor(page, () => { const m = window.received.filter((m) => m.type === 'step').pop(); return m && m.step === 3; }, null, `${tag} goto ch2 step 3 is reported`);
    check((await lesson.getAttribute('data-step')) === '3', `${tag} goto opens step 3 in the frame`);

    // Answer the question inside the frame; the answer message matches the verdict.
    const choice = frame.locator('[data-testid=lesson-choice-1]');
    if (await choice.count()) {
      await choice.click();
      await waitFor(page, () => window.received.some((m) => m.type === 'answer'), null, `${tag} an answer is reported`);
      const answer = await page.evaluate(lastOf('answer'), 'answer');
      const shown = await frame.locator('[data-testid=lesson-verdict]').getAttribute('data-correct', { timeout: 30000 });
      check(answer && answer.lesson === 'ch2' && answer.step === 3 && String(answer.correct) === shown,
        `${tag} answer message (correct=${answer && answer.correct}) matches the verdict on screen (${shown})`);
    } else {
      check(false, `${tag} step 3 of ch2 has a question`);
    }

    // next and back from the host page.
    await page.click('button[data-command=next]');
    await waitFor(page, () => window.received.filter((m) => m.type === 'step').pop().step === 4, null, `${tag} next reports step 4`);
    await page.click('button[data-command=back]');
    await waitFor(page, () => window.received.filter((m) => m.type === 'step').pop().step === 3, null, `${tag} back reports step 3`);

    // Junk is ignored: other targets, unknown commands, bad steps.
    const before = await page.evaluate(() => window.received.length);
    await page.evaluate(() => {
      const w = document.getElementById('vis').contentWindow;
      for (const m of [{ target: 'other', command: 'next' }, { target: 'kafka-visualiser', command: 'explode' },
        { target: 'kafka-visualiser', command: 'goto', lesson: 'ch2', step: 99 }, 'next', null, 42]) w.postMessage(m, '*');
    });
    await page.waitForTimeout(500);
    const after = await page.evaluate(() => window.received.length);
    check(after === before && (await lesson.getAttribute('data-step')) === '3', `${tag} junk messages change nothing`);
    check(errors.length === 0, `${tag} no page errors${errors.length ? ': ' + errors.join('; ') : ''}`);
    await page.close();
  }
  // The browser's own favicon probe of the host page is not the app's.
  const outside = requested.filter((p) => p !== '/embed-example.html' && p !== '/favicon.ico' && !p.startsWith('/kafka-visualiser/'));
  check(outside.length === 0, `every request stays under the sub-path${outside.length ? ': ' + outside.join(', ') : ''}`);
} catch (e) {
  check(false, `the test threw: ${e.stack || e}`);
}
await finish('embed');
