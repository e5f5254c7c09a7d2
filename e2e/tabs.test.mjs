// Two tabs (pages of one browser context) on the same workspace:
// - a change saved in tab A shows in tab B without a reload;
// - edits made in both tabs back to back (on different requests and on the
//   same request) all end up stored;
// - when B still has unsaved changes while A saves (B's writes are held back
//   by a failing IDBObjectStore.put, see quota.test.mjs), B re-applies its
//   changes on top of A's and says so (data-testid notice); a change that can
//   no longer be applied is named in the notice, never dropped silently.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';

import {
  startApp, goto, waitSaved, assertNoErrors, createWorkspace, nav, readStored, recordErrors,
} from './lib/app.mjs';

const app = await startApp(after);
const { context, page: a, errors } = await app.newPage({ locale: 'en-US', timezoneId: 'UTC' });
await context.addInitScript(() => {
  window.__failPuts = false;
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    if (window.__failPuts) throw new DOMException('quota', 'QuotaExceededError');
    return put.apply(this, args);
  };
});
let b;

// Headless Chromium renders only the page in front at full speed; a page
// behind it gets an animation frame about once a second, which makes every
// Playwright action on it wait. Each step brings its page to the front.
const front = (page) => page.bringToFront();

async function createRequest(page, title) {
  await front(page);
  await nav(page, 'New request');
  await page.getByLabel('Title').fill(title);
  await page.getByTestId('create-request').click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`^#\\d+ ${title}$`) }).waitFor();
}

async function openRequest(page, title) {
  await front(page);
  await nav(page, 'Requests');
  await page.getByTestId('request-table').getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(` ${title}$`) }).waitFor();
}

async function comment(page, text) {
  await front(page);
  await page.getByTestId('comment-text').fill(text);
  await page.getByTestId('comment').click();
}

/** Comments stored for the request titled `title`. */
async function storedComments(page, title) {
  const s = await readStored(page);
  const r = s.requests.find((x) => x.value.title === title);
  return r.value.comments.map((c) => c.text).sort();
}

const trail = (page) => page.getByTestId('timeline').locator('.what').allInnerTexts();

test('a change saved in tab A appears in tab B without reload', async () => {
  await goto(a, app.url + '/', errors);
  await createWorkspace(a, 'Shared desk');
  await createRequest(a, 'Alpha');
  await createRequest(a, 'Beta');
  await waitSaved(a);

  b = await context.newPage();
  recordErrors(b, errors);
  await goto(b, app.url + '/', errors);
  await b.getByTestId('workspace-name').filter({ hasText: 'Shared desk' }).waitFor();
  assert.equal(await b.getByTestId('result-count').innerText(), 'Showing 1–2 of 2');

  // A new request made in A appears in B's list.
  await createRequest(a, 'Gamma');
  await waitSaved(a);
  await b.getByTestId('request-table').getByRole('link', { name: 'Gamma' }).waitFor({ timeout: 5_000 });
  assert.equal(await b.getByTestId('result-count').innerText(), 'Showing 1–3 of 3');
  assert.match(await b.getByTestId('notice').innerText(), /This workspace was updated in another tab/);
  await front(b);
  await b.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();

  // A comment made in A appears in B's open detail page.
  await openRequest(b, 'Alpha');
  await openRequest(a, 'Alpha');
  await comment(a, 'From tab A');
  await b.getByTestId('timeline').getByText('From tab A').waitFor({ timeout: 5_000 });
  assertNoErrors(errors);
});

test('text being typed in tab B survives a change to the same request from tab A', async () => {
  await openRequest(a, 'Alpha');
  await openRequest(b, 'Alpha');
  await front(b);
  await b.getByTestId('comment-text').fill('Half-written in tab B');
  await b.getByTestId('comment-text').focus();
  await comment(a, 'Meanwhile in tab A');
  await waitSaved(a);
  await b.getByTestId('timeline').getByText('Meanwhile in tab A').waitFor({ timeout: 5_000 });
  assert.equal(await b.getByTestId('comment-text').inputValue(), 'Half-written in tab B', 'the typed text is kept');
  assert.equal(await b.evaluate(() => document.activeElement?.dataset.testid), 'comment-text', 'focus stays in the field');
  await front(b);
  await b.getByTestId('comment').click();
  await waitSaved(b);
  assert.equal(await b.getByTestId('action-error').innerText(), '');
  assert.deepEqual(await storedComments(b, 'Alpha'), ['From tab A', 'Half-written in tab B', 'Meanwhile in tab A']);
  assertNoErrors(errors);
});

test('back-to-back edits in both tabs, on different requests and on the same one, are all stored', async () => {
  await openRequest(a, 'Alpha');
  await openRequest(b, 'Beta');
  await waitSaved(a);
  await waitSaved(b);
  // Different requests, at the same moment.
  await Promise.all([comment(a, 'A on Alpha'), comment(b, 'B on Beta')]);
  await Promise.all([waitSaved(a), waitSaved(b)]);

  // The same request, at the same moment.
  await openRequest(b, 'Alpha');
  await Promise.all([comment(a, 'A again on Alpha'), comment(b, 'B on Alpha')]);
  await Promise.all([waitSaved(a), waitSaved(b)]);
  // Let any re-read after the other tab's save finish.
  await a.waitForTimeout(500);

  assert.deepEqual(
    await storedComments(a, 'Alpha'),
    ['A again on Alpha', 'A on Alpha', 'B on Alpha', 'From tab A', 'Half-written in tab B', 'Meanwhile in tab A'].sort(),
  );
  assert.deepEqual(await storedComments(a, 'Beta'), ['B on Beta']);
  // Both tabs show everything.
  for (const page of [a, b]) {
    await openRequest(page, 'Alpha');
    for (const text of ['From tab A', 'A on Alpha', 'A again on Alpha', 'B on Alpha']) {
      await page.getByTestId('timeline').getByText(text, { exact: false }).waitFor({ timeout: 5_000 });
    }
  }
  // After a reload, the same.
  await b.reload({ waitUntil: 'load' });
  await b.waitForSelector('[data-app-ready]', { state: 'attached' });
  await openRequest(b, 'Alpha');
  const texts = await trail(b);
  for (const text of ['From tab A', 'A on Alpha', 'A again on Alpha', 'B on Alpha']) {
    assert.ok(texts.includes(`Comment: ${text}`), `${text} after reload: ${JSON.stringify(texts)}`);
  }
  const s = await readStored(b);
  assert.equal(s.workspaces[0].value.events, s.events.length, 'the record counts every stored event');
  assertNoErrors(errors);
});

test('B has unsaved changes while A saves: B re-applies them on top and says so', async () => {
  await openRequest(a, 'Gamma');
  await openRequest(b, 'Beta');
  await waitSaved(b);

  // B's writes are held back: its change stays pending.
  await b.evaluate(() => { window.__failPuts = true; });
  await comment(b, 'B pending on Beta');
  await b.getByTestId('save-warning').waitFor();
  // A saves meanwhile.
  await comment(a, 'A on Gamma');
  await waitSaved(a);
  // B can write again and retries.
  await b.evaluate(() => { window.__failPuts = false; });
  await front(b);
  await b.getByTestId('save-warning').getByRole('button', { name: 'Try again now' }).click();
  await waitSaved(b);
  const notice = b.getByTestId('notice');
  await notice.filter({ hasText: /your changes were applied on top of theirs and saved/ }).waitFor({ timeout: 5_000 });
  assert.equal(await notice.getAttribute('role'), 'status');

  assert.deepEqual(await storedComments(a, 'Gamma'), ['A on Gamma']);
  assert.deepEqual(await storedComments(a, 'Beta'), ['B on Beta', 'B pending on Beta']);
  // B shows A's change too.
  await openRequest(b, 'Gamma');
  await b.getByTestId('timeline').getByText('A on Gamma').waitFor();
  await front(b);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  assertNoErrors(errors);
});

test('B’s pending change that no longer applies after A’s save is named in the notice', async () => {
  await openRequest(a, 'Gamma');
  await openRequest(b, 'Gamma');
  await waitSaved(a);
  await waitSaved(b);

  // B records the first response on Gamma, but cannot store it yet.
  await b.evaluate(() => { window.__failPuts = true; });
  await front(b);
  await b.getByTestId('first-response-button').click();
  await b.getByTestId('status').filter({ hasText: 'In progress' }).waitFor();
  await b.getByTestId('save-warning').waitFor();
  // Meanwhile A records it first and resolves the request.
  await front(a);
  await a.getByTestId('first-response-button').click();
  await a.getByTestId('resolve-summary').fill('Done in tab A');
  await a.getByTestId('resolve').click();
  await a.getByTestId('status').filter({ hasText: 'Resolved' }).waitFor();
  await waitSaved(a);

  await b.evaluate(() => { window.__failPuts = false; });
  await front(b);
  await b.getByTestId('save-warning').getByRole('button', { name: 'Try again now' }).click();
  const notice = b.getByTestId('notice');
  await notice.filter({ hasText: /could not be applied/ }).waitFor({ timeout: 5_000 });
  const text = await notice.innerText();
  assert.match(text, /Another tab changed this workspace at the same time\. These changes of yours could not be applied on top of theirs:/);
  // Why it was refused, in the interface's words (locales/en/common.json).
  assert.match(text, /could not be applied on top of theirs: Request #3 is Resolved: this is only possible on an open request\./);
  await waitSaved(b);
  // B now shows A's version; storage holds A's version once.
  assert.equal(await b.getByTestId('status').innerText(), 'Resolved');
  const s = await readStored(b);
  const gamma = s.requests.find((x) => x.value.title === 'Gamma').value;
  assert.equal(gamma.status, 'resolved');
  assert.equal(s.events.filter((e) => e.value.request === gamma.id && e.value.change.type === 'first_response_recorded').length, 1);
  assert.equal(s.workspaces[0].value.events, s.events.length);
  assertNoErrors(errors);
});
