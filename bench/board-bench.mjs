// The task board's figures (see docs/benchmarks.md):
// - board_render_5000_ms: on a stored 5,000-card board (lanes by department,
//   four columns), from clicking "Board" in the navigation until the board is
//   shown and laid out: every cell with the cards in its view (cells window
//   their cards) and the counts of all 5,000 (median of 3). The board loads on
//   demand, so this first opening after a page load includes fetching its
//   files (from a server on this machine).
// - board_render_again_5000_ms: the same, opened a second time in the same
//   page load (back to the request list, then "Board" again): the files are
//   in, so this is the board's own rendering (median of 3).
// - board_filter_keystroke_5000_ms: one character typed into the board's
//   search until the filtered board is laid out (median of 7 keystrokes).
// - board_move_persist_5000_ms: the app's own measure of saving one card moved
//   by keyboard (median of 15 moves).
// - board_render_vanilla_5000_ms: the same 5,000 cards put in the DOM naively
//   by bench/board-vanilla.html, to the same end point, in the same run.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from '../e2e/lib/server.mjs';
import { newPage } from '../e2e/lib/browser.mjs';
import { boardSnapshot } from './board-data.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.ceil(s.length / 2) - 1];
};

export async function boardBench({ browser, server, tmp, print, openApp, importSnapshot }) {
  const snapBoard = path.join(tmp, 'board-5000.baton.json');
  writeFileSync(snapBoard, JSON.stringify(boardSnapshot(5000)));
  const { context, page } = await openApp(browser, server.url);
  await page.setViewportSize({ width: 1400, height: 900 });
  await importSnapshot(page, snapBoard, 'Board 5000');
  const { render, again } = await boardRender(page, server.url);
  print('board_render_5000_ms', Math.round(median(render)));
  print('board_render_again_5000_ms', Math.round(median(again)));
  const filter = await boardFilter(page);
  print('board_filter_keystroke_5000_ms', median(filter).toFixed(2));
  const moves = await boardMove(page);
  print('board_move_persist_5000_ms', median(moves).toFixed(2));
  await context.close();

  const vanilla = await startServer({ root: BENCH });
  const naive = [];
  try {
    for (let i = 0; i < 3; i++) {
      const { context: c, page: p } = await newPage(browser, { viewport: { width: 1400, height: 900 } });
      await p.goto(`${vanilla.url}/board-vanilla.html?n=5000`);
      await p.waitForFunction(() => window.__renderMs !== undefined, null, { timeout: 60_000 });
      const [ms, cards] = await p.evaluate(() => [window.__renderMs, window.__cards]);
      if (cards !== 5000) throw new Error(`the naive board shows ${cards} cards`);
      naive.push(ms);
      await c.close();
    }
  } finally {
    await vanilla.close();
  }
  print('board_render_vanilla_5000_ms', Math.round(median(naive)));
  const r = (xs) => xs.map((x) => x.toFixed(1)).join(', ');
  console.log(`[bench] board render runs ${r(render)}; again ${r(again)}; keystrokes ${r(filter)}; move saves ${r(moves)}; naive runs ${r(naive)}`);
}

/** Click "Board" in the navigation; the time until the board is shown and laid out. */
async function openBoard(page) {
  return page.evaluate(async () => {
    const link = [...document.querySelectorAll('nav a')].find((a) => a.getAttribute('href') === '/board');
    const t0 = performance.now();
    link.click();
    const ready = () =>
      document.querySelector('[data-testid=board-count]')?.textContent.includes('5000') &&
      document.querySelectorAll('[data-cell]').length === 16 &&
      [...document.querySelectorAll('[data-cell]')].every((c) => c.querySelector('[data-testid=card], .cell-empty:not([hidden])'));
    while (!ready()) {
      await new Promise((r) => setTimeout(r, 0));
    }
    document.querySelector('[data-testid=board]').getBoundingClientRect();
    void document.body.offsetHeight;
    return performance.now() - t0;
  });
}

/**
 * Three page loads of: click "Board" on the request list (first opening,
 * with its files fetched), back to the list, "Board" again.
 */
async function boardRender(page, base) {
  const render = [];
  const again = [];
  for (let i = 0; i < 3; i++) {
    await page.goto(base + '/');
    await page.locator('[data-testid=request-table]').waitFor({ timeout: 60_000 });
    render.push(await openBoard(page));
    await page.evaluate(() => [...document.querySelectorAll('nav a')].find((a) => a.getAttribute('href') === '/').click());
    await page.locator('[data-testid=request-table]').waitFor({ timeout: 60_000 });
    again.push(await openBoard(page));
  }
  return { render, again };
}

/**
 * "task 12" typed one character at a time into the board's search: every
 * card matches the first five characters, about 1,100 "task 1" and 111
 * "task 12". Each time from the input event until the board is filtered and
 * laid out (the app's updates run as tasks and microtasks right after it).
 */
async function boardFilter(page) {
  const { out, shown } = await page.evaluate(async () => {
    const input = document.querySelector('[data-testid=board-search]');
    const times = [];
    let text = '';
    for (const ch of 'task 12') {
      text += ch;
      const t0 = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => setTimeout(r, 0));
      document.querySelector('[data-testid=board]').getBoundingClientRect();
      void document.body.offsetHeight;
      times.push(performance.now() - t0);
    }
    const visible = document.querySelector('[data-testid=board-count]').textContent;
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return { out: times, shown: visible };
  });
  if (!shown.includes('111 ')) throw new Error(`"task 12" left "${shown}", expected 111 cards`);
  return out;
}

/** The app's own save time of 15 keyboard moves of one card, down and up. */
async function boardMove(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid=board-count]')?.textContent === '5000 tasks');
  await page.locator('[data-cell][data-column=todo] li[data-task] .board-card').first().focus();
  await page.keyboard.press('Space');
  const times = [];
  for (let i = 0; i < 15; i++) {
    const before = await page.locator('[data-testid=save-status]').getAttribute('data-saves');
    await page.keyboard.press(i % 2 ? 'ArrowUp' : 'ArrowDown');
    await page.waitForFunction(
      (prev) => {
        const el = document.querySelector('[data-testid=save-status]');
        return el && el.getAttribute('data-saves') !== prev && el.textContent.includes('saved');
      },
      before,
      { timeout: 30_000 },
    );
    times.push(Number(await page.locator('[data-testid=save-status]').getAttribute('data-last-save-ms')));
  }
  await page.keyboard.press('Space');
  return times;
}
