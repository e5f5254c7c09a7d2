// The cross-department task board, driven as a user would: a request split
// into one task per department by the template of its category (built in,
// then the workspace's own) and resolved only with a reason while tasks are
// open; cards moved by drag and drop and by keyboard, announced, and in the
// same order after a reload (as stored) and in another tab; a WIP limit
// exceeded and flagged in colour and in words; filters read from and
// written to the address; a due date that reads the same day in
// Asia/Shanghai and America/Los_Angeles; a big board that puts only what is
// seen in the page while the keyboard and printing reach every card.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startApp, goto, waitSaved, assertNoErrors, createWorkspace, nav, captureDownload, recordErrors } from './lib/app.mjs';
import { boardSnapshot } from '../bench/board-data.mjs';

const app = await startApp(after);

/** Every task record stored in IndexedDB, parsed. */
async function storedTasks(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('baton');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      const all = await new Promise((resolve, reject) => {
        const q = db.transaction('tasks').objectStore('tasks').getAll();
        q.onsuccess = () => resolve(q.result.map((t) => JSON.parse(t)));
        q.onerror = () => reject(q.error);
      });
      return all;
    } finally {
      db.close();
    }
  });
}

async function newRequest(page, { title, customer = '', category = '' }) {
  await nav(page, 'New request');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Customer name').fill(customer);
  await page.getByLabel('Category').fill(category);
  await page.getByTestId('create-request').click();
  await page.getByRole('heading', { level: 1, name: new RegExp(` ${title}$`) }).waitFor();
}

/** The titles of the cards of one cell (lane × column) in screen order. */
const cellTitles = (page, lane, column) =>
  page.locator(`[data-cell][data-lane="${lane}"][data-column="${column}"] li:not([hidden]) [data-testid=card-title]`).allInnerTexts();

const card = (page, title) => page.locator('li[data-task]').filter({ has: page.getByTestId('card-title').getByText(title, { exact: true }) });

async function addTask(page, column, title, department) {
  const head = page.locator(`[data-testid=col-head][data-column="${column}"]`);
  if (!(await head.getByTestId('add-task-title').isVisible())) await head.getByTestId('add-task').click();
  await head.getByTestId('add-task-title').fill(title);
  if (department) await head.getByTestId('add-task-department').selectOption({ label: department });
  await head.getByTestId('add-task-submit').click();
  await card(page, title).waitFor();
}

/** The lane key (department id) of the lane whose heading starts with `name`. */
async function laneKey(page, name) {
  return page.getByTestId('lane').filter({ has: page.getByRole('heading', { name: new RegExp(`^${name}`) }) }).getAttribute('data-lane');
}

test('a request split into tasks by template, resolved only with a reason while tasks are open', async () => {
  const { page, errors } = await app.newPage({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });
  await goto(page, `${app.url}/?clock=2026-11-02T01:00:00Z`, errors);
  await createWorkspace(page, 'Board split');
  await newRequest(page, { title: 'Printer jams after repair', customer: '张伟', category: 'Complaint' });

  // The built-in complaint template: one task per department, in English.
  await page.getByTestId('split-open').click();
  assert.equal(await page.getByTestId('split-source').innerText(), 'Template: Built-in: complaint');
  const steps = await page.getByTestId('split-form').locator('li').allInnerTexts();
  assert.deepEqual(steps.map((s) => s.trim()), [
    'Service: Call the customer back and apologise due in 1 day(s)',
    'Technical: Find the cause of the fault due in 2 day(s)',
    'Sales: Offer a gesture of goodwill due in 2 day(s)',
  ]);
  // Leave out the sales step: two tasks.
  await page.getByTestId('split-step').nth(2).uncheck();
  assert.equal(await page.getByTestId('split-create').innerText(), 'Create 2 tasks');
  await page.getByTestId('split-create').click();
  await page.getByTestId('task-row').nth(1).waitFor();
  const rows = await page.getByTestId('task-row').allInnerTexts();
  assert.deepEqual(rows.map((r) => r.split('\t').map((c) => c.trim())), [
    ['Call the customer back and apologise', 'To do', 'Service', '', '2026-11-03', '0/2'],
    ['Find the cause of the fault', 'To do', 'Technical', '', '2026-11-04', '0/2'],
  ]);
  assert.equal((await page.getByTestId('tasks-progress').innerText()).trim(), '0 of 2 tasks done');
  const trail = await page.getByTestId('timeline').locator('li').allInnerTexts();
  assert.ok(trail.some((l) => l.endsWith('Split into 2 tasks')), trail.join('\n'));
  assert.ok(trail.some((l) => l.endsWith('Task “Find the cause of the fault” added to To do')), trail.join('\n'));
  await waitSaved(page);

  // Resolving while both are open: refused without a reason, recorded with one.
  await page.getByTestId('resolve-summary').fill('Roller replaced');
  assert.equal(await page.getByTestId('open-tasks-note').innerText(), '2 task(s) of this request are still open.');
  await page.getByTestId('resolve').click();
  assert.equal(await page.getByTestId('action-error').innerText(), 'Reason is required.');
  await page.getByTestId('resolve-open-reason').fill('客户已满意，不需要补偿');
  await page.getByTestId('resolve').click();
  await page.getByTestId('status').filter({ hasText: 'Resolved' }).waitFor();
  const after = await page.getByTestId('timeline').locator('li').allInnerTexts();
  assert.ok(after.some((l) => l.endsWith('Resolved with 2 task(s) still open — 客户已满意，不需要补偿')), after.join('\n'));
  await waitSaved(page);

  // The workspace's own template for complaints, started from the built-in one.
  await nav(page, 'Board');
  await page.getByRole('link', { name: 'Board settings' }).click();
  await page.getByTestId('template-new').click();
  await page.getByTestId('template-category').fill('complaint');
  await page.getByTestId('template-builtin').selectOption({ label: 'Built-in: complaint' });
  await page.getByTestId('template-step').nth(2).getByRole('button', { name: 'Remove this task' }).click();
  await page.getByTestId('template-step').nth(0).getByLabel('Title').fill('回电客户');
  await page.getByTestId('template-save').click();
  await page.getByTestId('template-list').getByText('complaint — Service: 回电客户 · Technical: Find the cause of the fault').waitFor();
  await newRequest(page, { title: 'Second complaint', category: 'COMPLAINT' });
  await page.getByTestId('split-open').click();
  assert.equal(await page.getByTestId('split-source').innerText(), 'Template of this workspace: complaint');
  await page.getByTestId('split-create').click();
  await page.getByTestId('task-row').nth(1).waitFor();
  assert.equal(await page.getByTestId('task-row').first().locator('td').first().innerText(), '回电客户');
  await waitSaved(page);
  // Lanes by request: each request's tasks together, with its progress.
  await page.getByTestId('task-row').first().getByRole('link').click();
  await page.getByTestId('task-panel').waitFor();
  assert.equal(new URL(page.url()).searchParams.get('lanes'), 'request');
  const notes = await page.getByTestId('lane').evaluateAll((ls) => ls.map((l) => l.querySelector('h2').innerText.replace(/\s+/g, ' ').trim()));
  assert.deepEqual(notes, ['#1 Printer jams after repair 0 of 2 done', '#2 Second complaint 0 of 2 done']);
  assertNoErrors(errors);
});

test('cards move by drag and drop and by keyboard, are announced, and stay put after a reload', async () => {
  const { page, errors } = await app.newPage({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1400, height: 1000 } });
  await goto(page, `${app.url}/`, errors);
  await createWorkspace(page, 'Board moves');
  await nav(page, 'Board');
  await page.getByTestId('board-empty').waitFor();
  for (const t of ['Alpha 甲', 'Bravo 乙', 'Charlie 丙']) await addTask(page, 'todo', t, 'Service');
  await waitSaved(page);
  const service = await laneKey(page, 'Service');
  assert.deepEqual(await cellTitles(page, service, 'todo'), ['Alpha 甲', 'Bravo 乙', 'Charlie 丙']);

  // Drag Charlie above Alpha with the mouse.
  await page.locator(`[data-cell][data-lane="${service}"][data-column="todo"]`).scrollIntoViewIfNeeded();
  const from = await card(page, 'Charlie 丙').locator('.board-card').boundingBox();
  const to = await card(page, 'Alpha 甲').locator('.board-card').boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + 20, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 8, { steps: 8 });
  await page.mouse.up();
  await page.getByTestId('board-announce').filter({ hasText: '“Charlie 丙” is in To do (Service), 1 of 3.' }).waitFor();
  assert.deepEqual(await cellTitles(page, service, 'todo'), ['Charlie 丙', 'Alpha 甲', 'Bravo 乙']);
  await waitSaved(page);

  // Drag Bravo into the empty Waiting cell of its lane.
  const bravo = await card(page, 'Bravo 乙').locator('.board-card').boundingBox();
  const waiting = await page.locator(`[data-cell][data-lane="${service}"][data-column="waiting"]`).boundingBox();
  await page.mouse.move(bravo.x + bravo.width / 2, bravo.y + bravo.height / 2);
  await page.mouse.down();
  await page.mouse.move(waiting.x + waiting.width / 2, waiting.y + waiting.height / 2, { steps: 10 });
  await page.mouse.up();
  await page.getByTestId('board-announce').filter({ hasText: '“Bravo 乙” is in Waiting (Service), 1 of 1.' }).waitFor();
  await waitSaved(page);

  // By keyboard: focus Alpha, pick it up with Space, right to Doing, put it down.
  await card(page, 'Alpha 甲').locator('.board-card').focus();
  await page.keyboard.press('Space');
  await page.getByTestId('board-announce').filter({ hasText: '“Alpha 甲” picked up.' }).waitFor();
  assert.equal(await card(page, 'Alpha 甲').locator('.board-card').getAttribute('aria-pressed'), 'true');
  await page.keyboard.press('ArrowRight');
  await page.getByTestId('board-announce').filter({ hasText: '“Alpha 甲” is in Doing (Service), 1 of 1.' }).waitFor();
  // The card keeps the focus where it went: up is refused at the top of Doing.
  await page.keyboard.press('ArrowUp');
  await page.getByTestId('board-announce').filter({ hasText: 'Already at the top of its column.' }).waitFor();
  await page.keyboard.press('Space');
  await page.getByTestId('board-announce').filter({ hasText: '“Alpha 甲” put down.' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.closest('li')?.innerText.includes('Alpha 甲')), true);
  // Arrow keys alone move the focus: left from Alpha to Charlie, in To do.
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.activeElement?.closest('li')?.querySelector('[data-testid=card-title]')?.innerText === 'Charlie 丙');
  await waitSaved(page);
  assert.deepEqual(await cellTitles(page, service, 'todo'), ['Charlie 丙']);
  assert.deepEqual(await cellTitles(page, service, 'doing'), ['Alpha 甲']);
  assert.deepEqual(await cellTitles(page, service, 'waiting'), ['Bravo 乙']);

  // Two more in Doing and a keyboard move within the column; Escape puts a card back.
  await addTask(page, 'doing', 'Delta 丁', 'Service');
  await addTask(page, 'doing', 'Echo 戊', 'Service');
  await card(page, 'Echo 戊').locator('.board-card').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowUp');
  await page.getByTestId('board-announce').filter({ hasText: '“Echo 戊” is in Doing (Service), 2 of 3.' }).waitFor();
  await page.keyboard.press('ArrowUp');
  await page.getByTestId('board-announce').filter({ hasText: '“Echo 戊” is in Doing (Service), 1 of 3.' }).waitFor();
  await page.keyboard.press('Space');
  await card(page, 'Delta 丁').locator('.board-card').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowUp');
  await page.getByTestId('board-announce').filter({ hasText: '“Delta 丁” is in Doing (Service), 2 of 3.' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('board-announce').filter({ hasText: '“Delta 丁” put back where it was.' }).waitFor();
  const expected = ['Echo 戊', 'Alpha 甲', 'Delta 丁'];
  await page.waitForFunction(
    ([lane, want]) => [...document.querySelectorAll(`[data-cell][data-lane="${lane}"][data-column="doing"] [data-testid=card-title]`)].map((e) => e.innerText).join('|') === want,
    [service, expected.join('|')],
  );
  await waitSaved(page);

  // After a reload every card is where it was left, as stored.
  await page.reload();
  await page.getByTestId('board').waitFor();
  await card(page, 'Echo 戊').waitFor();
  assert.deepEqual(await cellTitles(page, service, 'todo'), ['Charlie 丙']);
  assert.deepEqual(await cellTitles(page, service, 'doing'), expected);
  assert.deepEqual(await cellTitles(page, service, 'waiting'), ['Bravo 乙']);
  const stored = await storedTasks(page);
  const doing = stored.filter((t) => t.column === 'doing').sort((a, b) => a.position - b.position).map((t) => t.title);
  assert.deepEqual(doing, expected);
  // The trail of a card says where it went.
  await card(page, 'Alpha 甲').locator('.board-card').click();
  const lines = await page.getByTestId('task-trail').locator('li').allInnerTexts();
  assert.ok(lines.some((l) => l.endsWith('Task “Alpha 甲” moved from To do to Doing')), lines.join('\n'));
  assert.ok(new URL(page.url()).searchParams.get('task'));
  await page.getByTestId('task-close').click();
  assertNoErrors(errors);
});

test('a WIP limit can be exceeded and is flagged in colour and in words', async () => {
  const { page, errors } = await app.newPage({ locale: 'en-US', timezoneId: 'UTC' });
  await goto(page, `${app.url}/`, errors);
  await createWorkspace(page, 'Board WIP');
  await nav(page, 'Board');
  await page.getByRole('link', { name: 'Board settings' }).click();
  const row = page.locator('[data-testid=column-row][data-column=doing]');
  await row.getByTestId('column-wip').fill('0');
  await row.getByTestId('column-save').click();
  assert.equal(await page.getByTestId('columns-error').innerText(), 'A WIP limit is a whole number from 1 to 10000, or empty for no limit.');
  await row.getByTestId('column-wip').fill('2');
  await row.getByTestId('column-save').click();
  await waitSaved(page);
  // A column of the team's own goes before Done.
  await page.getByTestId('new-column').fill('Review 复核');
  await page.getByTestId('add-column').click();
  await page.getByTestId('column-row').nth(4).waitFor();
  assert.deepEqual(await page.getByTestId('column-name').evaluateAll((is) => is.map((i) => i.value || i.placeholder)), ['To do', 'Doing', 'Waiting', 'Review 复核', 'Done']);
  await waitSaved(page);
  await page.getByRole('link', { name: '← Back to the board' }).click();
  assert.deepEqual(
    (await page.getByTestId('col-head').locator('.col-name').allInnerTexts()),
    ['To do', 'Doing', 'Waiting', 'Review 复核', 'Done'],
  );
  const head = page.locator('[data-testid=col-head][data-column=doing]');
  for (const t of ['One', 'Two']) await addTask(page, 'doing', t, 'Sales');
  assert.equal(await head.getByTestId('wip').innerText(), '2 / 2');
  assert.equal(await head.getByTestId('wip-over').count(), 0, 'at the limit is not over it');
  await addTask(page, 'doing', 'Three', 'Sales');
  assert.equal(await head.getByTestId('wip').innerText(), '3 / 2');
  assert.equal(await head.getByTestId('wip-over').innerText(), 'Over the WIP limit');
  assert.match(await head.getAttribute('class'), /wip-over/);
  const colour = await head.getByTestId('wip').evaluate((e) => getComputedStyle(e).color);
  assert.equal(colour, 'rgb(179, 38, 30)');
  // A lane limit: Sales may have 2 open tasks.
  await page.getByRole('link', { name: 'Board settings' }).click();
  await page.getByTestId('lane-limits').getByLabel('Department: Sales').fill('2');
  await page.getByTestId('lane-limits').locator('li').filter({ hasText: 'Department: Sales' }).getByRole('button', { name: 'Save' }).click();
  await waitSaved(page);
  await page.getByRole('link', { name: '← Back to the board' }).click();
  const sales = page.getByTestId('lane').filter({ has: page.getByRole('heading', { name: /^Sales/ }) });
  assert.equal((await sales.getByTestId('lane-note').innerText()).trim(), '3 open / limit 2 — Over the WIP limit');
  await waitSaved(page);
  assertNoErrors(errors);
});

test('filters live in the address, and a link reproduces the view', async () => {
  const { page, errors } = await app.newPage({ locale: 'en-US', timezoneId: 'UTC' });
  await goto(page, `${app.url}/`, errors);
  await createWorkspace(page, 'Board filters');
  await nav(page, 'Board');
  await addTask(page, 'todo', '打印机卡纸 回电', 'Service');
  await addTask(page, 'todo', 'Refund the deposit', 'Sales');
  await addTask(page, 'doing', 'Printer part order', 'Sales');
  await waitSaved(page);
  // Typing a search writes it into the address.
  await page.getByTestId('board-search').fill('printer');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'printer');
  assert.equal(await page.getByTestId('board-count').innerText(), 'Showing 1 of 3 tasks');
  await page.getByTestId('filter-department').selectOption({ label: 'Sales' });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('dept'));
  const link = page.url();
  // The link, opened fresh, gives the same view: one card, the others hidden.
  await goto(page, `${app.url}/`, errors);
  await goto(page, link, errors);
  await page.getByTestId('board').waitFor();
  assert.equal(await page.getByTestId('board-search').inputValue(), 'printer');
  assert.equal(await page.getByTestId('filter-department').locator('option:checked').innerText(), 'Sales');
  assert.equal(await page.getByTestId('board-count').innerText(), 'Showing 1 of 3 tasks');
  const visible = await page.locator('li[data-task]:not([hidden]) [data-testid=card-title]').allInnerTexts();
  assert.deepEqual(visible, ['Printer part order']);
  // Chinese text in the address, and lanes by assignee, from a hand-written link.
  await goto(page, `${app.url}/board?q=${encodeURIComponent('卡纸')}&lanes=assignee`, errors);
  await page.getByTestId('board').waitFor();
  assert.deepEqual(await page.locator('li[data-task]:not([hidden]) [data-testid=card-title]').allInnerTexts(), ['打印机卡纸 回电']);
  assert.equal(await page.getByTestId('board-lanes').locator('option:checked').innerText(), 'Assignee');
  await page.getByTestId('clear-filters').click();
  await page.waitForFunction(() => !new URL(location.href).searchParams.get('q'));
  assert.equal(await page.getByTestId('board-count').innerText(), '3 tasks');
  // Labels, set on a card's details, filter too.
  await card(page, 'Refund the deposit').locator('.board-card').click();
  await page.getByTestId('task-labels').fill('vip, 退款');
  await page.getByTestId('task-save').click();
  await page.getByTestId('task-panel').getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await page.getByTestId('task-close').click();
  await page.getByTestId('filter-label').selectOption({ label: '退款' });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('label') === '退款');
  assert.deepEqual(await page.locator('li[data-task]:not([hidden]) [data-testid=card-title]').allInnerTexts(), ['Refund the deposit']);
  assert.equal(await page.getByTestId('board-count').innerText(), 'Showing 1 of 3 tasks');
  assertNoErrors(errors);
});

test('a due date is the same day in Asia/Shanghai and America/Los_Angeles', async () => {
  // Tuesday 1 Dec 2026 02:00 UTC: 10:00 on the 1st in Shanghai, 18:00 on 30 Nov in Los Angeles.
  const clock = '2026-12-01T02:00:00Z';
  const sh = await app.newPage({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });
  await goto(sh.page, `${app.url}/?clock=${clock}`, sh.errors);
  await createWorkspace(sh.page, 'Due dates');
  await nav(sh.page, 'Board');
  await addTask(sh.page, 'todo', 'Call back 回电', 'Service');
  await addTask(sh.page, 'todo', 'Ship the part', 'Sales');
  const setDue = async (page, title, date) => {
    await card(page, title).locator('.board-card').click();
    await page.getByTestId('task-due').fill(date);
    await page.getByTestId('task-save').click();
    await page.getByTestId('task-panel').getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.getByTestId('task-close').click();
  };
  await setDue(sh.page, 'Call back 回电', '2026-11-30');
  await setDue(sh.page, 'Ship the part', '2026-12-01');
  const dueOf = (page, title) => card(page, title).getByTestId('card-due').innerText();
  // Overdue where the workspace works (Shanghai): the 30th is past, the 1st is today.
  assert.equal(await dueOf(sh.page, 'Call back 回电'), 'Due 2026-11-30 · Overdue');
  assert.equal(await dueOf(sh.page, 'Ship the part'), 'Due 2026-12-01');
  await sh.page.getByTestId('filter-overdue').check();
  assert.deepEqual(await sh.page.locator('li[data-task]:not([hidden]) [data-testid=card-title]').allInnerTexts(), ['Call back 回电']);
  await waitSaved(sh.page);
  const file = await captureDownload(sh.page, async () => {
    await nav(sh.page, 'Data');
    await sh.page.getByTestId('export').click();
  });
  const tasks = JSON.parse(file.text).tasks.map((t) => [t.title, t.due]);
  assert.deepEqual(tasks, [['Call back 回电', '2026-11-30'], ['Ship the part', '2026-12-01']]);
  assertNoErrors(sh.errors);

  // The same workspace opened in Los Angeles, where it is still the 30th.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-board-'));
  const snapshot = path.join(dir, file.name);
  writeFileSync(snapshot, file.text);
  const la = await app.newPage({ locale: 'en-US', timezoneId: 'America/Los_Angeles' });
  await goto(la.page, `${app.url}/?clock=${clock}`, la.errors);
  await la.page.getByTestId('import-json').first().setInputFiles(snapshot);
  await la.page.getByTestId('import-confirm').click();
  await la.page.getByTestId('workspace-name').filter({ hasText: 'Due dates' }).waitFor();
  await nav(la.page, 'Board');
  // Overdue here too: "today" is the workspace's (Shanghai's), not the viewer's.
  assert.equal(await dueOf(la.page, 'Call back 回电'), 'Due 2026-11-30 · Overdue');
  assert.equal(await dueOf(la.page, 'Ship the part'), 'Due 2026-12-01');
  await la.page.getByTestId('filter-overdue').check();
  assert.deepEqual(await la.page.locator('li[data-task]:not([hidden]) [data-testid=card-title]').allInnerTexts(), ['Call back 回电']);
  // A date picked in Los Angeles is stored and shown as that date too.
  await la.page.getByTestId('filter-overdue').uncheck();
  await card(la.page, 'Ship the part').locator('.board-card').click();
  assert.equal(await la.page.getByTestId('task-due').inputValue(), '2026-12-01');
  await la.page.getByTestId('task-due').fill('2026-12-24');
  await la.page.getByTestId('task-save').click();
  await la.page.getByTestId('task-panel').getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await la.page.getByTestId('task-close').click();
  assert.equal(await dueOf(la.page, 'Ship the part'), 'Due 2026-12-24');
  await waitSaved(la.page);
  const stored = await storedTasks(la.page);
  assert.deepEqual(stored.map((t) => t.due).sort(), ['2026-11-30', '2026-12-24']);
  assertNoErrors(la.errors);
});

test('a card moved in one tab moves in the other without a reload', async () => {
  const { context, page, errors } = await app.newPage({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1400, height: 1000 } });
  await goto(page, `${app.url}/`, errors);
  await createWorkspace(page, 'Board tabs');
  await nav(page, 'Board');
  await addTask(page, 'todo', 'One', 'Sales');
  await addTask(page, 'todo', 'Two', 'Sales');
  await waitSaved(page);
  const sales = await laneKey(page, 'Sales');
  const other = await context.newPage();
  const otherErrors = recordErrors(other);
  await goto(other, `${app.url}/board`, otherErrors);
  await card(other, 'Two').waitFor();
  await card(page, 'Two').locator('.board-card').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.getByTestId('board-announce').filter({ hasText: '“Two” is in Doing (Sales), 1 of 1.' }).waitFor();
  await page.keyboard.press('Space');
  await waitSaved(page);
  await other.waitForFunction(
    (lane) => [...document.querySelectorAll(`[data-cell][data-lane="${lane}"][data-column="doing"] [data-testid=card-title]`)].map((e) => e.innerText).join('|') === 'Two',
    sales,
  );
  assert.deepEqual(await cellTitles(other, sales, 'todo'), ['One']);
  await other.getByTestId('notice').waitFor();
  assertNoErrors(errors);
  assertNoErrors(otherErrors);
});

test('a big board puts only what is seen in the page, yet the keyboard and printing reach every card', async () => {
  const { page, errors } = await app.newPage({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1400, height: 900 } });
  await goto(page, `${app.url}/`, errors);
  // 400 cards; the To do cell of Service holds 40 of them (bench/board-data.mjs).
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-board-'));
  const file = path.join(dir, 'board-400.baton.json');
  writeFileSync(file, JSON.stringify(boardSnapshot(400)));
  await page.getByTestId('import-json').first().setInputFiles(file);
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('workspace-name').filter({ hasText: 'Board 400' }).waitFor();
  await nav(page, 'Board');
  await page.getByTestId('board-count').filter({ hasText: '400 tasks' }).waitFor();
  const rendered = () => page.locator('li[data-task]').count();
  const few = await rendered();
  assert.ok(few > 0 && few < 200, `${few} cards in the page`);
  const service = await laneKey(page, 'Service');
  const cell = page.locator(`[data-cell][data-lane="${service}"][data-column="todo"]`);
  assert.equal(await cell.getAttribute('aria-label'), 'To do · Service: 40 tasks');
  const first = cell.locator('li[data-task]').first();
  assert.deepEqual([await first.getAttribute('aria-posinset'), await first.getAttribute('aria-setsize')], ['1', '40']);
  // Down the arrow keys to the 40th card: the cell scrolls and the focus follows.
  await first.locator('.board-card').focus();
  for (let i = 2; i <= 40; i++) {
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction((n) => document.activeElement?.closest('li')?.getAttribute('aria-posinset') === String(n), i);
  }
  const last = await page.evaluate(() => document.activeElement.closest('li').querySelector('[data-testid=card-title]').innerText);
  assert.equal(last, 'Find the cause of the fault — task 386 任务');
  // For printing every cell puts all its cards in the page, and afterwards only what is seen again.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForFunction(() => document.querySelectorAll('li[data-task]').length === 400);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.waitForFunction(() => document.querySelectorAll('li[data-task]').length < 200);
  assertNoErrors(errors);
});
