// CSV import through the interface with the project's own fixture
// tests/fixtures/tickets-small.csv (BOM, CRLF, Chinese headers and values,
// a quoted two-line cell, bad rows): the mapping step, a change of a value
// mapping, the report with the skipped and flagged row numbers, and the
// imported requests in the list, the detail and the dashboard.
//
// The fixture's rows are described in tests/csv_import.rs (small_fixture);
// its times are Beijing time, so the browser runs in Asia/Shanghai and the
// suggested time-zone offset must be +8.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { startApp, goto, waitSaved, assertNoErrors, createWorkspace, nav, readStored, REPO_ROOT } from './lib/app.mjs';

const FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/tickets-small.csv');

const app = await startApp(after);

test('small CSV: mapping, a value mapping change, report, Chinese titles, dashboard', async () => {
  const { page, errors } = await app.newPage({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });
  await goto(page, app.url + '/', errors);
  await createWorkspace(page, 'Desk');
  await nav(page, 'Data');

  await page.getByTestId('import-csv').setInputFiles(FIXTURE);
  const mapping = page.getByTestId('csv-mapping');
  await mapping.waitFor();

  // The suggested mapping, column by column (header → what it holds).
  const held = [];
  for (let i = 0; i < 13; i++) {
    held.push(await page.getByTestId(`map-${i}`).locator('option:checked').innerText());
  }
  assert.deepEqual(held, [
    'Ticket number in the other system', 'Title', 'Description', 'Customer name', 'Customer contact',
    'Channel', 'Urgency', 'Status', 'Tags', 'Created at', 'First response at', 'Resolved at', 'Satisfaction (1–5)',
  ]);
  // Each select is labelled by its column.
  assert.equal(await page.getByLabel('What the column “标题” holds').locator('option:checked').innerText(), 'Title');
  assert.equal(
    await mapping.getByLabel('Time zone of the times in the file (hours from UTC)').inputValue(),
    '8',
    'the browser’s offset is suggested',
  );

  // Value mappings: 微信 is suggested as Chat; change it to Social media.
  const wechat = mapping.getByLabel('微信 (1)');
  assert.equal(await wechat.locator('option:checked').innerText(), 'Chat');
  await wechat.selectOption({ label: 'Social media' });
  assert.equal(await wechat.locator('option:checked').innerText(), 'Social media');
  assert.equal(await mapping.getByLabel('紧急 (1)').locator('option:checked').innerText(), 'Critical');
  assert.equal(await mapping.getByLabel('已关闭 (1)').locator('option:checked').innerText(), 'Closed');

  await page.getByTestId('csv-run').click();
  const report = page.getByTestId('csv-report');
  await report.waitFor({ timeout: 20_000 });
  assert.match(await report.innerText(), /Import report: tickets-small\.csv/);
  assert.equal(await page.getByTestId('report-read').innerText(), '12');
  assert.equal(await page.getByTestId('report-imported').innerText(), '9');
  assert.equal(await page.getByTestId('report-flagged').innerText(), '2');
  assert.equal(await page.getByTestId('report-skipped').innerText(), '3');
  assert.deepEqual(await page.getByTestId('report-skips').locator('li').allInnerTexts(), [
    'Empty row: 1 — rows 12',
    'No title and no description: 1 — rows 4',
    'Same ticket number as an earlier row: 1 — rows 11',
  ]);
  assert.deepEqual(await page.getByTestId('report-flags').locator('li').allInnerTexts(), [
    'Resolved before the first response: 1 — rows 5',
    'Ends before it was created: 1 — rows 6',
  ]);
  const notes = await page.getByTestId('report-notes').locator('li').allInnerTexts();
  for (const n of [
    'Title taken from the description: 1 — rows 3',
    'Unreadable time in “创建时间” left empty: 1 — rows 8',
    'Rating outside 1–5 left empty: 1 — rows 7',
    'Extra cells ignored: 1 — rows 9',
    'Row ends before “满意度”: 1 — rows 10',
  ]) {
    assert.ok(notes.includes(n), `report note ${JSON.stringify(n)} in ${JSON.stringify(notes)}`);
  }

  // Imported into a new workspace named after the file, which is now open.
  await page.getByTestId('workspace-name').filter({ hasText: 'tickets-small' }).waitFor();
  await waitSaved(page);
  const stored = await readStored(page);
  assert.equal(stored.workspaces.length, 2, 'the first workspace is still there');
  const rec = stored.workspaces.find((w) => w.value.meta.name === 'tickets-small').value;
  assert.equal(rec.requests, 9);

  await nav(page, 'Requests');
  assert.equal(await page.getByTestId('result-count').innerText(), 'Showing 1–9 of 9');
  const table = page.getByTestId('request-table');
  await table.getByRole('link', { name: '打印机卡纸 🖨️' }).waitFor();
  const row = async (title) => table.locator('tbody tr', { has: page.getByRole('link', { name: title, exact: true }) }).locator('td').allInnerTexts();
  assert.deepEqual(await row('退货咨询'), ['7', '退货咨询', '赵敏', 'Social media', 'Medium', 'In progress', '', '', '']);
  assert.deepEqual(await row('打印机卡纸 🖨️'), ['1', '打印机卡纸 🖨️', '王芳', 'Phone', 'High', 'In progress', 'Breached', '', '']);
  assert.deepEqual(await row('Cannot log in to the portal'), ['3', 'Cannot log in to the portal', '李雷', 'Chat', 'Low', 'New', 'Breached', '', '']);
  // SLA lights: long past their targets; #7's creation time was unreadable, so it has no clocks.
  // Numbers follow the imported rows (row 4 was skipped, so row 8 is #7).
  // The flagged ones are marked in the list.
  assert.match((await row('发票抬头错误'))[1], /发票抬头错误\s*flagged/);
  assert.equal(await table.locator('tbody tr').filter({ hasText: 'Short row 短行' }).count(), 1);
  assert.equal(await table.getByText('Same ticket again').count(), 0, 'the duplicate row was skipped');

  // Detail: times read as Beijing time, the two-line description, the trail.
  await table.getByRole('link', { name: '打印机卡纸 🖨️' }).click();
  await page.getByRole('heading', { level: 1, name: '#1 打印机卡纸 🖨️' }).waitFor();
  const facts = await page.locator('dl.facts').innerText();
  assert.match(facts, /Created\s+2026-11-02 09:00/);
  assert.equal(await page.getByTestId('first-response').innerText(), '2026-11-02 09:20');
  assert.match(await page.locator('.description').innerText(), /纸卡在第二个纸盒。\n客户下午三点后才在办公室。/);
  assert.deepEqual(await page.getByTestId('timeline').locator('.what').allInnerTexts(), [
    'Imported from tickets-small.csv row 1 (编号 T-1)',
  ]);

  // Dashboard, from the fixture's table (see tests/csv_import.rs).
  await nav(page, 'Dashboard');
  const fig = async (id) => (await page.getByTestId(id).innerText()).trim();
  assert.equal(await fig('fig-total-value'), '9');
  // First response: 10, 20, 30, 60 min over 9 (2 flagged, the rest lack a time).
  assert.equal(await fig('fig-frt-median'), '20 min');
  assert.equal(await fig('fig-frt-p90'), '1 h 0 min');
  assert.equal(await fig('fig-frt-n'), 'n = 4 of 9');
  // Resolution of the 4 closed: 1 h, 24 h, 24 h and a flagged one.
  assert.equal(await fig('fig-res-median'), '1 d 0 h');
  assert.equal(await fig('fig-res-n'), 'n = 3 of 4');
  // Ratings 5, 3, 4 (the 9 was left empty) over 4 closed.
  assert.equal(await fig('fig-csat-value'), '4.00');
  assert.equal(await fig('fig-csat-n'), 'n = 3 of 4');
  assert.equal(await fig('fig-fcr-value'), '100.0 %');
  assert.equal(await fig('fig-fcr-n'), 'n = 4 of 4');
  assert.equal(
    await page.getByTestId('flag-note').innerText(),
    '2 request(s) carry a data-quality flag and are left out of duration figures (1 resolved before their first response).',
  );
  assertNoErrors(errors);
});

test('a CSV whose mapping lacks a title column is refused before anything is imported', async () => {
  const { page, errors } = await app.newPage({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });
  await goto(page, app.url + '/', errors);
  await createWorkspace(page, 'Desk');
  await nav(page, 'Data');
  await page.getByTestId('import-csv').setInputFiles(FIXTURE);
  await page.getByTestId('csv-mapping').waitFor();
  // Take away both title sources.
  await page.getByTestId('map-1').selectOption({ label: '(ignore)' });
  await page.getByTestId('map-2').selectOption({ label: '(ignore)' });
  const before = await readStored(page);
  await page.getByTestId('csv-run').click();
  const problems = page.getByTestId('csv-problems');
  await problems.waitFor();
  assert.match(await problems.innerText(), /The mapping is not complete yet:/);
  assert.deepEqual(await problems.locator('li').allInnerTexts(), [
    'No column holds “Title”: choose it for one of the columns “编号”, “标题”, “Ticket Description”, “客户”, “Customer Email”, “渠道”, “优先级”, “状态”, “产品”, “创建时间”, “首次响应时间”, “解决时间”, “满意度”.',
  ]);
  assert.equal(await page.getByTestId('csv-report').count(), 0);
  assert.deepEqual(await readStored(page), before, 'nothing imported');
  assert.equal(await page.getByTestId('workspace-name').innerText(), 'Desk');
  assertNoErrors(errors);
});

test('a CSV with an unclosed quote is refused with its line; a GB18030 file is read and said so', async () => {
  const { page, errors } = await app.newPage({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });
  await goto(page, app.url + '/', errors);
  await createWorkspace(page, 'Desk');
  await nav(page, 'Data');
  const before = await readStored(page);
  await page.getByTestId('import-csv').setInputFiles({
    name: 'broken.csv', mimeType: 'text/csv',
    buffer: Buffer.from('Subject,Priority\r\nPrinter,High\r\n"Unclosed, Low\r\nNext,Low\r\n', 'utf8'),
  });
  await page.getByTestId('csv-error').filter({ hasText: /./ }).waitFor();
  assert.equal(
    await page.getByTestId('csv-error').innerText(),
    'broken.csv, line 3: a quoted cell opens here and is never closed; everything after it would become one cell. Add the closing quote (") and try again.',
  );
  assert.equal(await page.getByTestId('csv-mapping').count(), 0);
  assert.deepEqual(await readStored(page), before, 'nothing changed');

  // A header row with nothing under it is said so, not imported as 0 rows.
  await page.getByTestId('import-csv').setInputFiles({
    name: 'header.csv', mimeType: 'text/csv', buffer: Buffer.from('Subject,Priority\r\n\r\n', 'utf8'),
  });
  await page.getByTestId('csv-error').filter({ hasText: 'header.csv' }).waitFor();
  assert.equal(
    await page.getByTestId('csv-error').innerText(),
    'header.csv: the file has a header row but no data rows under it: nothing to import.',
  );
  assert.equal(await page.getByTestId('csv-mapping').count(), 0);

  // A spreadsheet (a zip archive) saved under a .csv name is not text.
  const xlsx = Buffer.from('504b0304140006000800000021006211ee0a8f0100005a0500001300', 'hex');
  await page.getByTestId('import-csv').setInputFiles({ name: 'sheet.csv', mimeType: 'text/csv', buffer: xlsx });
  await page.getByTestId('csv-error').filter({ hasText: 'sheet.csv' }).waitFor();
  assert.match(await page.getByTestId('csv-error').innerText(), /^sheet\.csv is not a text file/);
  assert.equal(await page.getByTestId('csv-note').count(), 0, 'no note about its encoding');
  assert.equal(await page.getByTestId('csv-mapping').count(), 0);
  assert.deepEqual(await readStored(page), before, 'nothing changed');

  // Excel saves Chinese CSV files in GB18030: read as such, with a note.
  const gbk = Buffer.from('b1eacce22cc7feb5c02cd3c5cfc8bcb60d0ab4f2d3a1bbfabfa8d6bd2cb5e7bbb02cb8df0d0a', 'hex');
  await page.getByTestId('import-csv').setInputFiles({ name: 'excel.csv', mimeType: 'text/csv', buffer: gbk });
  await page.getByTestId('csv-mapping').waitFor();
  assert.equal(await page.getByTestId('csv-note').innerText(), 'excel.csv is not UTF-8; it was read as GB18030 (as Excel saves Chinese CSV files).');
  assert.equal(await page.getByTestId('map-0').locator('option:checked').innerText(), 'Title');
  await page.getByTestId('csv-run').click();
  await page.getByTestId('csv-report').waitFor();
  await waitSaved(page);
  await nav(page, 'Requests');
  await page.getByRole('link', { name: '打印机卡纸' }).waitFor();
  assertNoErrors(errors);
});
