// Export and import of a whole workspace as a `.baton.json` snapshot:
// - export: the file name `<name>-<YYYY-MM-DD>.baton.json` (date in UTC, as
//   docs/snapshot-format.md says) and its content (format, version, counts);
// - into an empty browser (a new context, so no IndexedDB, no localStorage):
//   import through the preview → the same requests, statuses and trail; an
//   export from there equals the first one apart from `exported_at`;
// - a malformed file and a wrong-typed value are refused with a specific
//   message (JSON path, expected/found) and change nothing, also after reload.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';

import {
  startApp, goto, waitSaved, assertNoErrors, nav, readStored, captureDownload,
} from './lib/app.mjs';

// 04:30 on 3 November in Shanghai is still 2 November in UTC: the file name
// must carry the UTC date.
const T = new Date('2026-11-02T20:30:00Z');
const ZONE = 'Asia/Shanghai';
const SAMPLE_NAME = 'Sample — Harbour Outfitters';
const FILE_NAME = 'Sample-—-Harbour-Outfitters-2026-11-02.baton.json';

const app = await startApp(after);

/** Every request as the interface shows it: its list row, status and trail. */
async function readUi(page) {
  await nav(page, 'Requests');
  const table = page.getByTestId('request-table');
  await table.waitFor();
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())),
  );
  const count = await page.getByTestId('result-count').innerText();
  const detail = {};
  for (const row of rows) {
    const n = row[0];
    await table.locator(`a[href="/requests/${n}"]`).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^#${n} `) }).waitFor();
    detail[n] = {
      heading: await page.getByRole('heading', { level: 1 }).innerText(),
      status: await page.getByTestId('status').innerText(),
      satisfaction: await page.getByTestId('satisfaction').innerText(),
      timeline: await page.getByTestId('timeline').locator('li').allInnerTexts(),
    };
    await page.getByRole('link', { name: '← All requests' }).click();
    await table.waitFor();
  }
  return { count, rows, detail };
}

/** Chooses a file in a file input, given as text. */
async function chooseFile(page, testid, name, text) {
  await page.getByTestId(testid).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
}

const withoutExportedAt = (json) => ({ ...json, exported_at: undefined });

let first; // { name, text, json } of the first export
let uiA; // readUi of the browser that exported

// The importing browser, kept for the error cases.
let pageB;
let errorsB;

test('export: file name with the UTC date, format, version and counts', async () => {
  const { page, errors } = await app.newPage({ locale: 'en-US', timezoneId: ZONE });
  await page.clock.install({ time: T });
  await goto(page, app.url + '/', errors);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('workspace-name').filter({ hasText: SAMPLE_NAME }).waitFor();
  await waitSaved(page);
  uiA = await readUi(page);
  assert.equal(uiA.count, 'Showing 1–42 of 42');
  assert.equal(uiA.rows.length, 42);
  assert.ok(new Set(uiA.rows.map((r) => r[5])).size >= 5, 'the sample has requests in most states');

  await nav(page, 'Data');
  first = await captureDownload(page, () => page.getByTestId('export').click());
  assert.match(first.name, /^.+-\d{4}-\d{2}-\d{2}\.baton\.json$/);
  assert.equal(first.name, FILE_NAME, 'file name: sanitised workspace name and the export date in UTC');
  await page.getByRole('status').filter({ hasText: `Downloaded ${first.name}` }).waitFor();

  first.json = JSON.parse(first.text);
  const j = first.json;
  assert.equal(j.format, 'baton.workspace');
  assert.equal(j.version, 2);
  assert.match(j.exported_at, /^2026-11-02T20:3\d:\d\d(\.\d+)?Z$/);
  assert.equal(j.workspace.name, SAMPLE_NAME);
  assert.equal(j.workspace.departments.length, 4);
  assert.equal(j.workspace.members.length, 8);
  assert.equal(j.requests.length, 42);
  assert.equal(j.workspace.next_number, 43);
  assert.ok(first.text.endsWith('}\n'), 'pretty-printed, ending with a newline');

  // Every request's trail in the file is the trail the interface shows.
  const stored = await readStored(page);
  assert.equal(j.events.length, stored.events.length, 'every stored event is exported');
  for (const r of j.requests) {
    const ui = uiA.detail[String(r.number)];
    assert.ok(ui, `request #${r.number} is listed`);
    assert.equal(j.events.filter((e) => e.request === r.id).length, ui.timeline.length, `trail of #${r.number}`);
  }
  // Statuses in the file match the list (labels → keys).
  const label = { New: 'new', 'In progress': 'in_progress', 'Waiting for customer': 'waiting_for_customer', Resolved: 'resolved', Closed: 'closed', Reopened: 'reopened' };
  for (const row of uiA.rows) {
    const r = j.requests.find((x) => String(x.number) === row[0]);
    assert.equal(r.status, label[row[5]], `status of #${row[0]}`);
    assert.equal(r.title, row[1]);
  }
  assertNoErrors(errors);
  await page.context().close();
});

test('import into empty storage: same requests, statuses, trail; a new export equals the first', async () => {
  assert.ok(first, 'the export test ran');
  ({ page: pageB, errors: errorsB } = await app.newPage({ locale: 'en-US', timezoneId: ZONE }));
  const page = pageB;
  await page.clock.install({ time: T });
  await goto(page, app.url + '/', errorsB);
  await page.getByRole('heading', { level: 1, name: 'Welcome to Baton' }).waitFor();
  assert.deepEqual(await readStored(page), { workspaces: [], requests: [], events: [] }, 'a new context starts empty');

  // The preview says what will come in; nothing is stored before confirming.
  await chooseFile(page, 'import-json', first.name, first.text);
  const preview = page.getByTestId('import-preview');
  await preview.waitFor();
  assert.equal(await page.getByTestId('preview-requests').innerText(), '42');
  assert.match(await preview.innerText(), new RegExp(`File\\s+${first.name}`));
  assert.match(await preview.innerText(), new RegExp(`Workspace\\s+${SAMPLE_NAME}`));
  assert.match(await preview.innerText(), new RegExp(`Trail events\\s+${first.json.events.length}\\b`));
  assert.match(await preview.innerText(), /Departments \/ members\s+4 \/ 8/);
  assert.equal((await readStored(page)).workspaces.length, 0, 'nothing stored before the import is confirmed');
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('workspace-name').filter({ hasText: SAMPLE_NAME }).waitFor();
  await waitSaved(page);

  const uiB = await readUi(page);
  assert.deepEqual(uiB, uiA, 'the imported workspace shows the same requests, statuses and trails');

  await nav(page, 'Data');
  const second = await captureDownload(page, () => page.getByTestId('export').click());
  assert.equal(second.name, FILE_NAME);
  const secondJson = JSON.parse(second.text);
  assert.deepEqual(withoutExportedAt(secondJson), withoutExportedAt(first.json), 'the two exports differ only in exported_at');
  const dropExportedAt = (text) => text.replace(/^ {2}"exported_at": ".*",$/m, '');
  assert.equal(dropExportedAt(second.text), dropExportedAt(first.text), 'byte for byte apart from exported_at');
  assertNoErrors(errorsB);
});

/** What must not change when an import is refused. */
async function snapshotOfState(page) {
  return { stored: await readStored(page), list: await page.getByTestId('result-count').innerText() };
}

test('a malformed JSON file is refused with its position; nothing changes', async () => {
  const page = pageB;
  assert.ok(page, 'the import test ran');
  await nav(page, 'Requests');
  const before = await snapshotOfState(page);

  await nav(page, 'Data');
  const cut = first.text.slice(0, 200); // cut short in the middle of the workspace object
  await chooseFile(page, 'import-json', 'cut.baton.json', cut);
  const box = page.getByTestId('import-error');
  await box.waitFor();
  const text = await box.innerText();
  assert.match(text, /This file is not JSON\./);
  assert.match(text, /cut\.baton\.json: at line \d+, column \d+: expected a JSON document \(a Baton snapshot\), found the end of the file/);
  assert.match(text, /Nothing was imported; your stored data is unchanged\./);
  assert.equal(await box.getAttribute('role'), 'alert');
  assert.equal(await page.getByTestId('import-preview').count(), 0, 'no preview for a refused file');

  // Not JSON at all.
  await chooseFile(page, 'import-json', 'notes.baton.json', 'hello, not json');
  await box.filter({ hasText: 'notes.baton.json' }).waitFor();
  assert.match(await box.innerText(), /This file is not JSON\.[\s\S]*notes\.baton\.json: at line 1, column 1: expected a JSON document/);

  await nav(page, 'Requests');
  assert.deepEqual(await snapshotOfState(page), before, 'nothing stored or shown changed');
  assertNoErrors(errorsB);
});

test('a wrong-typed value is refused with its JSON path; nothing changes, also after reload', async () => {
  const page = pageB;
  assert.ok(page, 'the import test ran');
  await nav(page, 'Requests');
  const before = await snapshotOfState(page);
  const rowsBefore = await page.getByTestId('request-table').locator('tbody tr').allInnerTexts();

  const bad = structuredClone(first.json);
  bad.requests[0].urgency = 5;
  await nav(page, 'Data');
  await chooseFile(page, 'import-json', 'typed.baton.json', JSON.stringify(bad, null, 2));
  const box = page.getByTestId('import-error');
  await box.filter({ hasText: 'typed.baton.json' }).waitFor();
  const text = await box.innerText();
  assert.match(text, /A value in the file has the wrong type\./);
  assert.match(text, /typed\.baton\.json: at requests\[0\]\.urgency: expected .*low, medium, high, critical.*, found 5/);
  assert.equal(await page.getByTestId('import-preview').count(), 0);

  // A valid file for the same workspace, but with one wrong type further in,
  // even with "replace" in mind, changes nothing either.
  const bad2 = structuredClone(first.json);
  bad2.requests[3].title = 'changed';
  bad2.events[5].at = 12;
  await chooseFile(page, 'import-json', 'typed2.baton.json', JSON.stringify(bad2));
  await box.filter({ hasText: 'typed2.baton.json' }).waitFor();
  assert.match(await box.innerText(), /typed2\.baton\.json: at events\[5\]\.at: expected .*, found 12/);

  // A file that is JSON but not a snapshot at all says so about the whole file.
  await chooseFile(page, 'import-json', 'empty.baton.json', '[]');
  await box.filter({ hasText: 'empty.baton.json' }).waitFor();
  const whole = await box.innerText();
  assert.match(whole, /empty\.baton\.json: expected .+, found an array of 0 item\(s\)/);
  assert.doesNotMatch(whole, / at /, 'no place inside the file is named');

  await nav(page, 'Requests');
  assert.deepEqual(await snapshotOfState(page), before, 'nothing stored or shown changed');

  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('[data-app-ready]', { state: 'attached' });
  await page.getByTestId('request-table').waitFor();
  assert.deepEqual(await snapshotOfState(page), before, 'still unchanged after a reload');
  assert.deepEqual(await page.getByTestId('request-table').locator('tbody tr').allInnerTexts(), rowsBefore);
  assert.equal((await readStored(page)).workspaces.length, 1, 'no half-imported workspace appeared');
  assertNoErrors(errorsB);
});

test('the same file imported twice as new workspaces gives two names that tell them apart', async () => {
  const page = pageB;
  assert.ok(page, 'the import test ran');
  await nav(page, 'Data');
  await chooseFile(page, 'import-json', first.name, first.text);
  await page.getByTestId('import-preview').waitFor();
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('workspace-name').filter({ hasText: `${SAMPLE_NAME} (2)` }).waitFor();
  await waitSaved(page);
  await nav(page, 'Settings');
  await page.getByTestId('workspace-list').locator('tbody tr').nth(1).waitFor();
  const names = await page.getByTestId('workspace-list').locator('tbody tr td:first-child').allInnerTexts();
  const shown = names.map((n) => n.replace(/\s+/g, ' ').trim());
  assert.equal(shown.length, 2, shown.join(' | '));
  assert.ok(shown.some((n) => n === SAMPLE_NAME), shown.join(' | '));
  assert.ok(shown.some((n) => n.startsWith(`${SAMPLE_NAME} (2)`)), shown.join(' | '));
  assert.equal((await readStored(page)).workspaces.length, 2);
  assertNoErrors(errorsB);
});
