// The browser build carries no time zone data: SLA arithmetic reads offsets
// from the browser (Intl). A workspace in America/New_York, with the browser
// itself in Asia/Tokyo (so its own zone cannot help), must place due times
// correctly across the fall-back change of Sunday 1 November 2026: the
// instants stored are checked in UTC, the times shown in New York time.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';

import { startApp, goto, waitSaved, assertNoErrors, createWorkspace, nav, readStored } from './lib/app.mjs';

// Friday 30 Oct 2026 16:00 EDT (UTC-4). The simulated clock runs on from
// there, so the request is created a few seconds later.
const START = '2026-10-30T20:00:00Z';

/** `iso` is at most a minute after `expected`. */
function justAfter(iso, expected, what) {
  const d = Date.parse(iso) - Date.parse(expected);
  assert.ok(d >= 0 && d < 60_000, `${what}: ${iso}, expected ${expected} plus a few seconds`);
}

const app = await startApp(after);

test('due times in America/New_York across the daylight saving change, computed in the browser', async () => {
  const { page, errors } = await app.newPage({ locale: 'en-US', timezoneId: 'Asia/Tokyo' });
  const cell = async (id) => (await page.getByTestId(id).innerText()).trim();
  const toSla = async () => {
    await nav(page, 'Settings');
    await page.getByRole('navigation', { name: 'Settings pages' }).getByRole('link', { name: 'Calendar and SLA', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Calendar and SLA' }).waitFor();
  };
  await goto(page, `${app.url}/?clock=${START}`, errors);
  await createWorkspace(page, 'New York desk');

  await toSla();
  // Zone names are case-sensitive, as in the tz database, and offsets are not names.
  for (const bad of ['america/new_york', '+05:00']) {
    await page.getByTestId('cal-zone').fill(bad);
    await page.getByTestId('save-calendar').click();
    await page.getByTestId('cal-error').filter({ hasText: `unknown time zone "${bad}"` }).waitFor();
  }
  await page.getByTestId('cal-zone').fill('America/New_York');
  await page.getByTestId('cal-hours').fill('08:00-18:00');
  await page.getByTestId('save-calendar').click();
  await page.getByTestId('calendar-form').getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await waitSaved(page);
  // 20:00Z is 16:00 in New York (EDT).
  assert.equal(await cell('clock-now'), '2026-10-30 16:00 America/New_York');

  // Critical: first response in 1 business hour (Fri 17:00 EDT = 21:00Z);
  // resolution in 4: 2 h on Friday, then Monday 08:00 EST + 2 h = 10:00 EST = 15:00Z.
  await nav(page, 'New request');
  await page.getByLabel('Title').fill('Card reader offline');
  await page.getByLabel('Urgency').selectOption({ label: 'Critical' });
  await page.getByTestId('create-request').click();
  await page.getByRole('heading', { level: 1, name: '#1 Card reader offline' }).waitFor();
  assert.equal(await cell('sla-fr-due'), '2026-10-30 17:00 America/New_York');
  assert.equal(await cell('sla-res-due'), '2026-11-02 10:00 America/New_York');
  await waitSaved(page);
  const stored = (await readStored(page)).requests.map((r) => r.value);
  assert.equal(stored.length, 1);
  justAfter(stored[0].sla.first_response.due_at, '2026-10-30T21:00:00Z', 'first response due');
  justAfter(stored[0].sla.resolution.due_at, '2026-11-02T15:00:00Z', 'resolution due');

  // Monday 08:00 New York time is 13:00Z (EST, UTC-5): 2 business hours left.
  await toSla();
  await page.getByTestId('clock-start').fill('2026-11-02T08:00');
  await page.getByTestId('clock-run').click();
  await page.getByTestId('clock-now').filter({ hasText: '2026-11-02 08:00 America/New_York' }).waitFor();
  await nav(page, 'Requests');
  await page.getByRole('link', { name: 'Card reader offline' }).click();
  assert.match(await cell('sla-res-left'), /^(2 h|1 h 59 min) left$/);
  assertNoErrors(errors);
  await page.context().close();
});
