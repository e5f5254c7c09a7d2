// The real helpdesk export in ../shared/realdata (8,469 tickets) imported
// through the interface with the suggested mapping; the report and the
// dashboard are compared with figures this test computes itself from the
// file with csv-parse, following /work/shared/METRICS.md:
// - percentiles are nearest-rank (rank ceil(p/100 × n)) on whole seconds;
// - rows resolved before their first response are flagged and left out of
//   duration figures;
// - "resolution after first response" = Time to Resolution − First Response
//   Time, over the resolved/closed rows that are not flagged.
// Skips, saying so, when the file is absent.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

import { startApp, goto, waitSaved, assertNoErrors, createWorkspace, nav, readStored, REPO_ROOT } from './lib/app.mjs';

const FILE_NAME = 'customer_support_tickets_kaggle_suraj520.csv';
const FILE = path.resolve(REPO_ROOT, '../shared/realdata', FILE_NAME);

/** Nearest rank, METRICS.md: the value at rank ceil(p/100 × n) of the sorted list. */
function nearestRank(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.min(Math.max(Math.ceil((p * sorted.length) / 100), 1), sorted.length);
  return sorted[rank - 1];
}

/** The interface's duration format (src/components/labels.rs fmt_duration), English. */
function fmtDuration(secs) {
  const d = Math.floor(secs / 86400);
  const h = Math.floor((secs % 86400) / 3600);
  const m = Math.floor((secs % 3600) / 60);
  const s = secs % 60;
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min`;
  return `${s} s`;
}

/** Everything expected, read from the file independently of the app. */
function expected(text) {
  const rows = parse(text, { columns: true, skip_empty_lines: false, bom: true });
  // "2023-06-01 12:15:36" without a zone: the difference does not depend on it.
  const time = (s) => (s && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(s) ? Date.parse(s.replace(' ', 'T') + 'Z') / 1000 : null);
  let flagged = 0;
  const done = [];
  const afterFirst = [];
  const ratings = [];
  for (const r of rows) {
    const first = time(r['First Response Time']);
    const resolved = time(r['Time to Resolution']);
    const isFlagged = first !== null && resolved !== null && resolved < first;
    if (isFlagged) flagged++;
    const isDone = r['Ticket Status'] === 'Closed';
    if (isDone) done.push(r);
    if (isDone && !isFlagged && first !== null && resolved !== null) afterFirst.push(resolved - first);
    const rating = r['Customer Satisfaction Rating'].trim();
    if (rating !== '') {
      const v = Number(rating);
      if (Number.isInteger(v) && v >= 1 && v <= 5) ratings.push({ v, done: isDone });
    }
  }
  afterFirst.sort((a, b) => a - b);
  const sum = ratings.reduce((a, r) => a + r.v, 0);
  const rateable = done.length + ratings.filter((r) => !r.done).length;
  // Nothing in the file is reopened or handed back: every closed row is a first-contact resolution.
  const fcrTenths = done.length ? Math.floor((2 * done.length * 1000 + done.length) / (2 * done.length)) : null;
  return {
    rows: rows.length,
    flagged,
    done: done.length,
    withResolvedTime: rows.filter((r) => time(r['Time to Resolution']) !== null).length,
    afterFirst,
    rafrMedian: nearestRank(afterFirst, 50),
    rafrP90: nearestRank(afterFirst, 90),
    csatMean: (sum / ratings.length).toFixed(2),
    csatN: ratings.length,
    csatOf: rateable,
    fcr: `${Math.floor(fcrTenths / 10)}.${fcrTenths % 10} %`,
  };
}

test('real helpdesk CSV (8,469 rows): report and dashboard equal an independent reading', async (t) => {
  if (!existsSync(FILE)) {
    t.skip(`skipped: ${FILE} is absent (the shared real data folder is not present on this machine)`);
    return;
  }
  const exp = expected(readFileSync(FILE, 'utf8'));
  // The figures the brief and the dataset README state, as a check of this reading itself.
  assert.equal(exp.rows, 8469);
  assert.equal(exp.flagged, 1365);
  assert.equal(exp.rafrMedian, 22740);
  assert.equal(exp.withResolvedTime, exp.done, 'exactly the closed rows have a resolution time');

  const app = await startApp(after);
  const { page, errors } = await app.newPage({ locale: 'en-US', timezoneId: 'UTC' });
  await goto(page, app.url + '/', errors);
  await createWorkspace(page, 'Desk');
  await nav(page, 'Data');

  const started = Date.now();
  await page.getByTestId('import-csv').setInputFiles(FILE);
  await page.getByTestId('csv-mapping').waitFor({ timeout: 20_000 });
  // The suggested mapping needs no change (see tests/csv_real.rs).
  assert.equal(await page.getByLabel('What the column “Ticket Subject” holds').locator('option:checked').innerText(), 'Title');
  assert.equal(await page.getByLabel('What the column “Time to Resolution” holds').locator('option:checked').innerText(), 'Resolved at');
  assert.equal(await page.getByLabel('What the column “Customer Age” holds').locator('option:checked').innerText(), '(ignore)');
  await page.getByTestId('csv-run').click();
  await page.getByTestId('csv-report').waitFor({ timeout: 60_000 });
  await page.getByTestId('workspace-name').filter({ hasText: FILE_NAME.replace(/\.csv$/, '') }).waitFor({ timeout: 30_000 });
  await waitSaved(page, undefined, 60_000);
  t.diagnostic(`import through the interface: ${Date.now() - started} ms`);

  assert.equal(await page.getByTestId('report-read').innerText(), String(exp.rows));
  assert.equal(await page.getByTestId('report-imported').innerText(), String(exp.rows));
  assert.equal(await page.getByTestId('report-flagged').innerText(), String(exp.flagged));
  assert.equal(await page.getByTestId('report-skipped').innerText(), '0');
  assert.match(
    await page.getByTestId('report-flags').innerText(),
    new RegExp(`Resolved before the first response: ${exp.flagged} — rows 4, `),
  );
  assert.equal(await page.getByTestId('report-skips').count(), 0);

  // Everything is stored.
  const stored = await readStored(page);
  const rec = stored.workspaces.find((w) => w.value.meta.name === FILE_NAME.replace(/\.csv$/, '')).value;
  assert.equal(rec.requests, exp.rows);
  assert.equal(stored.requests.filter((r) => r.key[0] === rec.meta.id).length, exp.rows);

  await page.getByRole('link', { name: 'See the figures on the dashboard' }).click();
  await page.getByTestId('dashboard').waitFor();
  const fig = async (id) => (await page.getByTestId(id).innerText()).trim();
  assert.equal(await fig('fig-total-value'), String(exp.rows));
  assert.equal(await fig('fig-csat-value'), exp.csatMean);
  assert.equal(await fig('fig-csat-n'), `n = ${exp.csatN} of ${exp.csatOf}`);
  assert.equal(await fig('fig-rafr-median'), fmtDuration(exp.rafrMedian));
  assert.equal(await fig('fig-rafr-median'), '6 h 19 min');
  assert.equal(await fig('fig-rafr-p90'), fmtDuration(exp.rafrP90));
  assert.equal(await fig('fig-rafr-n'), `n = ${exp.afterFirst.length} of ${exp.done}`);
  assert.match(await page.getByTestId('fig-rafr').innerText(), new RegExp(`excluded: 0 negative, ${exp.flagged} flagged`));
  assert.equal(await fig('fig-fcr-value'), exp.fcr);
  assert.equal(await fig('fig-fcr-n'), `n = ${exp.done} of ${exp.done}`);
  // No creation times in the source: no first response or resolution time.
  assert.equal(await fig('fig-frt-median'), 'no data');
  assert.equal(await fig('fig-res-median'), 'no data');
  assert.match(await fig('flag-note'), new RegExp(`^${exp.flagged} request\\(s\\) carry a data-quality flag`));

  // The list pages through all of them, 50 at a time.
  await nav(page, 'Requests');
  const count = page.getByTestId('result-count');
  assert.equal(await count.innerText(), `Showing 1–50 of ${exp.rows}`);
  const pager = page.getByRole('navigation', { name: 'Pages' });
  assert.match(await pager.innerText(), new RegExp(`Page 1 of ${Math.ceil(exp.rows / 50)}`));
  assert.equal(await page.getByTestId('next-page').isDisabled(), false);
  await page.getByTestId('next-page').click();
  await count.filter({ hasText: `Showing 51–100 of ${exp.rows}` }).waitFor();
  assert.equal(await page.getByTestId('request-table').locator('tbody tr').count(), 50);
  assert.equal(await page.getByTestId('request-table').locator('tbody tr td:first-child').first().innerText(), String(exp.rows - 50));
  await pager.getByRole('button', { name: 'Previous page', exact: true }).click();
  await count.filter({ hasText: `Showing 1–50 of ${exp.rows}` }).waitFor();
  // A search narrows it down and goes back to the first page.
  await page.getByTestId('next-page').click();
  await page.getByTestId('search').fill('#4');
  await count.filter({ hasText: /^Showing 1–\d+ of \d+$/ }).waitFor();
  assert.match(await pager.innerText(), /Page 1 of/);
  assertNoErrors(errors);
});
