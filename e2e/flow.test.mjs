// The main path of a request, driven as a user would: first run → create a
// workspace → add members → act as one → record a request (empty title
// refused next to the field) → assign → first response → resolve → close
// with a rating of 4 → the trail and the dashboard show exactly that; a reload
// keeps everything.
//
// Time is Playwright's fake clock: installed before the app loads and moved
// forward between steps, so the durations shown are known to the minute.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';

import {
  startApp, goto, waitSaved, assertNoErrors, createWorkspace, nav, readStored,
} from './lib/app.mjs';

const T0 = new Date('2026-11-02T01:00:00Z'); // 09:00 in Asia/Shanghai
const ZONE = 'Asia/Shanghai';
const TITLE = 'Printer jams on tray 2';
const SUMMARY = 'Replaced the tray 2 roller; test prints fine.';

const app = await startApp(after);
const { page, errors } = await app.newPage({ locale: 'en-US', timezoneId: ZONE });

/** Texts of the timeline entries, newest first. */
async function timeline() {
  return page.getByTestId('timeline').locator('li').allInnerTexts();
}

test('a request from creation to a rated close; trail and dashboard show it', async () => {
  await page.clock.install({ time: T0 });
  await goto(page, app.url + '/', errors);

  // First run: the welcome screen with its three ways in.
  await assert.doesNotReject(
    page.getByRole('heading', { level: 1, name: 'Welcome to Baton' }).waitFor(),
    'the welcome heading is shown on first run',
  );
  assert.equal(await page.getByTestId('open-sample').innerText(), 'Open the sample workspace');
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0, 'no navigation before a workspace exists');

  // An empty workspace name is refused.
  await page.getByTestId('create-workspace').click();
  assert.equal(await page.locator('#new-ws-error').innerText(), 'Give the workspace a name.');

  await createWorkspace(page, 'Front desk');
  assert.equal(await page.getByTestId('workspace-name').innerText(), 'Front desk');
  await page.getByRole('heading', { level: 2, name: 'No requests yet' }).waitFor();

  // Settings: two members in the (default) first department.
  await nav(page, 'Settings');
  for (const name of ['Li Na', 'Wang Wei']) {
    await page.getByLabel('New member').fill(name);
    await page.getByTestId('add-member').click();
    await page.getByTestId('member-list').getByRole('cell', { name, exact: true }).waitFor();
  }
  assert.deepEqual(
    await page.getByTestId('member-list').locator('tbody tr td:first-child').allInnerTexts(),
    ['Li Na', 'Wang Wei'],
  );
  // This browser acts as Li Na.
  await page.getByLabel('Acting as').selectOption({ label: 'Li Na' });
  await waitSaved(page);

  // New request: an empty title gives the error next to the field.
  await nav(page, 'New request');
  await page.getByRole('heading', { level: 1, name: 'New request' }).waitFor();
  await page.getByTestId('create-request').click();
  const titleError = page.getByTestId('title-error');
  await titleError.filter({ hasText: /./ }).waitFor();
  assert.equal(await titleError.innerText(), 'Title is required.');
  const titleInput = page.getByLabel('Title');
  assert.equal(await titleInput.getAttribute('aria-invalid'), 'true');
  assert.match(await titleInput.getAttribute('aria-describedby'), /\bnr-title-error\b/, 'the error is tied to the field');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'nr-title', 'focus moves to the title');
  assert.equal(new URL(page.url()).pathname, '/requests/new', 'nothing was created');

  await titleInput.fill(TITLE);
  assert.equal(await page.locator('#nr-title-help').innerText(), `${TITLE.length} / 200 characters`);
  await page.getByLabel('Description').fill('Paper jams in the second tray.\nCustomer is in after 3 pm.');
  await page.getByLabel('Customer name').fill('Wang Fang');
  await page.getByLabel('Customer contact (phone, e-mail…)').fill('wang.fang@example.cn');
  await page.getByLabel('Channel').selectOption({ label: 'Email' });
  await page.getByLabel('Urgency').selectOption({ label: 'High' });
  await page.getByLabel('Category').fill('Hardware');
  await page.getByLabel('Tags').fill('printer, tray');
  // The owner defaults to the acting member.
  assert.equal(await page.getByLabel('First-contact owner').locator('option:checked').innerText(), 'Li Na');
  await page.getByTestId('create-request').click();

  await page.waitForURL('**/requests/1');
  await page.getByRole('heading', { level: 1, name: `#1 ${TITLE}` }).waitFor();
  assert.equal(await page.getByTestId('status').innerText(), 'New');
  assert.equal(await page.getByTestId('owner').innerText(), 'Li Na');
  assert.equal(await page.getByTestId('handler').innerText(), 'Li Na', 'the owner handles it first');
  assert.equal(await page.getByTestId('first-response').innerText(), 'unknown');
  await waitSaved(page);

  // 5 minutes later: hand it to Wang Wei. A reassignment needs a reason.
  await page.clock.fastForward('05:00');
  await page.getByRole('heading', { level: 3, name: 'Reassign' }).waitFor();
  await page.getByTestId('assignee').selectOption({ label: 'Wang Wei' });
  await page.getByTestId('assign').click();
  assert.equal(await page.getByTestId('action-error').innerText(), 'A reassignment needs a reason.');
  assert.equal(await page.getByTestId('handler').innerText(), 'Li Na');
  await page.getByLabel('Reason (required)').fill('Hardware specialist');
  await page.getByTestId('assign').click();
  await page.getByTestId('handler').filter({ hasText: 'Wang Wei' }).waitFor();
  assert.equal(await page.getByTestId('action-error').innerText(), '');

  // 15 minutes after creation: the first response.
  await page.clock.fastForward('10:00');
  await page.getByTestId('first-response-button').click();
  await page.getByTestId('status').filter({ hasText: 'In progress' }).waitFor();
  assert.equal(await page.getByTestId('first-response').innerText(), '2026-11-02 09:15');
  assert.equal(await page.getByTestId('first-response-button').count(), 0, 'the button goes once recorded');

  // Resolving needs a summary: an empty one is refused with a message.
  await page.clock.fastForward('01:45:00'); // 2 h after creation
  await page.getByTestId('resolve').click();
  assert.equal(await page.getByTestId('action-error').innerText(), 'Resolution summary is required.');
  assert.equal(await page.getByTestId('status').innerText(), 'In progress');
  await page.getByTestId('resolve-summary').fill(SUMMARY);
  await page.getByTestId('resolve').click();
  await page.getByTestId('status').filter({ hasText: 'Resolved' }).waitFor();

  // Close with a rating of 4.
  await page.clock.fastForward('10:00');
  await page.getByTestId('rating').selectOption({ label: '4 / 5' });
  await page.getByTestId('close').click();
  await page.getByTestId('status').filter({ hasText: 'Closed' }).waitFor();
  assert.equal(await page.getByTestId('satisfaction').innerText(), '4 / 5');
  await waitSaved(page);

  // The trail lists every step, newest first, with time and actor.
  const items = await timeline();
  assert.deepEqual(items, [
    '2026-11-02 11:10 Li Na Closed with a rating of 4 / 5',
    '2026-11-02 11:10 Li Na Resolved → Closed',
    `2026-11-02 11:00 Li Na In progress → Resolved — ${SUMMARY}`,
    '2026-11-02 09:15 Li Na New → In progress',
    '2026-11-02 09:15 Li Na First response recorded',
    '2026-11-02 09:05 Li Na Reassigned from Li Na to Wang Wei — Hardware specialist',
    '2026-11-02 09:00 Li Na Request #1 created',
  ]);

  // The list shows the request once, closed.
  await nav(page, 'Requests');
  assert.equal(await page.getByTestId('result-count').innerText(), 'Showing 1–1 of 1');
  const row = page.getByTestId('request-table').locator('tbody tr');
  assert.equal(await row.count(), 1);
  assert.deepEqual(await row.locator('td').allInnerTexts(), ['1', TITLE, 'Wang Fang', 'Email', 'High', 'Closed', 'Met', 'Li Na', 'Wang Wei']);
  // One page: both pager buttons are there, labelled, and disabled.
  const pager = page.getByRole('navigation', { name: 'Pages' });
  assert.equal(await pager.innerText(), 'Previous page\nPage 1 of 1\nNext page');
  assert.equal(await pager.getByRole('button', { name: 'Previous page', exact: true }).isDisabled(), true);
  assert.equal(await page.getByTestId('next-page').innerText(), 'Next page');
  assert.equal(await page.getByTestId('next-page').isDisabled(), true);

  // The dashboard: exact figures.
  await nav(page, 'Dashboard');
  await page.getByTestId('dashboard').waitFor();
  const fig = async (id) => (await page.getByTestId(id).innerText()).trim();
  assert.equal(await fig('fig-total-value'), '1');
  assert.equal(await fig('fig-frt-median'), '15 min');
  assert.equal(await fig('fig-frt-p90'), '15 min');
  assert.equal(await fig('fig-frt-n'), 'n = 1 of 1');
  assert.equal(await fig('fig-res-median'), '2 h 0 min');
  assert.equal(await fig('fig-res-p90'), '2 h 0 min');
  assert.equal(await fig('fig-res-n'), 'n = 1 of 1');
  assert.equal(await fig('fig-rafr-median'), '1 h 45 min');
  assert.equal(await fig('fig-rafr-n'), 'n = 1 of 1');
  assert.equal(await fig('fig-fcr-value'), '100.0 %');
  assert.equal(await fig('fig-fcr-n'), 'n = 1 of 1');
  assert.equal(await fig('fig-csat-value'), '4.00');
  assert.equal(await fig('fig-csat-n'), 'n = 1 of 1');
  assert.equal(await fig('fig-handling-value'), '1.00');
  assert.match(await page.getByTestId('fig-csat').innerText(), /100\.0 % rated 4 or 5/);
  // Breakdown by channel: only Email has requests.
  assert.deepEqual(
    await page.getByTestId('by-channel').locator('tbody tr').allInnerTexts(),
    ['Email\t1\t15 min · n = 1 of 1\t2 h 0 min · n = 1 of 1\t1 h 45 min · n = 1 of 1\t100.0 % · n = 1 of 1\t4.00 · n = 1 of 1'],
  );

  assertNoErrors(errors);
});

test('a reload keeps the request, its status, rating and trail', async () => {
  const before = await readStored(page);
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('[data-app-ready]', { state: 'attached' });
  assert.equal(await page.getByTestId('workspace-name').innerText(), 'Front desk');
  assert.equal(await page.getByLabel('Acting as').locator('option:checked').innerText(), 'Li Na', 'acting-as is remembered');

  await nav(page, 'Requests');
  assert.equal(await page.getByTestId('result-count').innerText(), 'Showing 1–1 of 1');
  await page.getByRole('link', { name: TITLE }).click();
  await page.waitForURL('**/requests/1');
  await page.getByRole('heading', { level: 1, name: `#1 ${TITLE}` }).waitFor();
  assert.equal(await page.getByTestId('status').innerText(), 'Closed');
  assert.equal(await page.getByTestId('satisfaction').innerText(), '4 / 5');
  assert.equal(await page.getByTestId('handler').innerText(), 'Wang Wei');
  assert.equal(await page.getByTestId('first-response').innerText(), '2026-11-02 09:15');
  assert.equal((await timeline()).length, 7);
  assert.equal((await timeline())[0], '2026-11-02 11:10 Li Na Closed with a rating of 4 / 5');

  // Stored: one workspace, one request, its events; nothing changed by the reload.
  const after = await readStored(page);
  assert.deepEqual(after, before, 'a reload writes nothing');
  assert.equal(after.workspaces.length, 1);
  assert.equal(after.requests.length, 1);
  const rec = after.workspaces[0].value;
  assert.equal(rec.requests, 1);
  assert.equal(rec.events, after.events.length);
  const stored = after.requests[0].value;
  assert.equal(stored.status, 'closed');
  assert.equal(stored.satisfaction, 4);
  assert.match(stored.created_at, /^2026-11-02T01:00:0\d(\.\d+)?Z$/, 'created at the fake clock time, in UTC');
  assert.equal(after.events.filter((e) => e.value.request === stored.id).length, 7);

  await page.getByRole('link', { name: 'Dashboard' }).click();
  assert.equal((await page.getByTestId('fig-csat-value').innerText()).trim(), '4.00');
  assert.equal((await page.getByTestId('fig-frt-median').innerText()).trim(), '15 min');

  assertNoErrors(errors);
});
