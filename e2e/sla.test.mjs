// SLA clocks on business hours, run twice with the browser in two different
// time zones (Asia/Shanghai and America/Los_Angeles) on a workspace whose
// calendar is in Asia/Shanghai with a lunch break: the due times, the
// traffic lights (always with their word) and the remaining business time
// must read the same in both, and a request must turn yellow then red as the
// app's clock moves.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';

import { startApp, goto, waitSaved, assertNoErrors, createWorkspace, nav } from './lib/app.mjs';

const START = '2026-11-02T01:00:00Z'; // Monday 09:00 in Asia/Shanghai, Sunday 17:00 in Los Angeles

const app = await startApp(after);

for (const zone of ['Asia/Shanghai', 'America/Los_Angeles']) {
  test(`SLA due times and lights with the browser in ${zone}`, async () => {
    const { page, errors } = await app.newPage({ locale: 'en-US', timezoneId: zone });
    const sub = (name) => page.getByRole('navigation', { name: 'Settings pages' }).getByRole('link', { name, exact: true });
    const toSla = async () => {
      await nav(page, 'Settings');
      await sub('Calendar and SLA').click();
      await page.getByRole('heading', { level: 1, name: 'Calendar and SLA' }).waitFor();
    };
    await goto(page, `${app.url}/?clock=${START}`, errors);
    await createWorkspace(page, `SLA in ${zone}`);

    // The workspace's calendar: Shanghai, lunch from 12:00 to 13:30. A new
    // workspace starts in the browser's zone.
    await toSla();
    assert.equal(await page.getByTestId('cal-zone').inputValue(), zone);
    await page.getByTestId('cal-zone').fill('Mars/Olympus');
    await page.getByTestId('save-calendar').click();
    assert.equal(
      await page.getByTestId('cal-error').innerText(),
      'The calendar cannot be used: unknown time zone "Mars/Olympus": expected an IANA name such as Asia/Shanghai',
    );
    await page.getByTestId('cal-zone').fill('Asia/Shanghai');
    await page.getByTestId('cal-hours').fill('09:00-12:00, 13:30–12:00');
    await page.getByTestId('save-calendar').click();
    assert.equal(
      await page.getByTestId('cal-error').innerText(),
      'The calendar cannot be used: opening span 2: 13:30–12:00 must start before it ends',
    );
    await page.getByTestId('cal-hours').fill('09:00-12:00, 13:30–18:00');
    await page.getByTestId('save-calendar').click();
    await page.getByTestId('calendar-form').getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await waitSaved(page);
    assert.equal(await page.getByTestId('clock-now').innerText(), '2026-11-02 09:00 Asia/Shanghai');

    // A critical request at 09:00: first response in 1 h (10:00); resolution
    // in 4 business hours: 09:00–12:00 is 3 h, then 13:30–14:30.
    await nav(page, 'New request');
    await page.getByLabel('Title').fill('Cash register down');
    await page.getByLabel('Urgency').selectOption({ label: 'Critical' });
    await page.getByTestId('create-request').click();
    await page.getByRole('heading', { level: 1, name: '#1 Cash register down' }).waitFor();
    const cell = async (id) => (await page.getByTestId(id).innerText()).trim();
    assert.equal(await cell('sla-fr-due'), '2026-11-02 10:00 Asia/Shanghai');
    assert.equal(await cell('sla-res-due'), '2026-11-02 14:30 Asia/Shanghai');
    assert.equal(await cell('sla-fr-light'), 'On track');
    assert.equal(await page.getByTestId('sla-fr-light').locator('[data-light]').getAttribute('data-light'), 'green');
    assert.match(await cell('sla-fr-left'), /^(1 h|59 min) left$/);
    await waitSaved(page);

    // 09:50: 50 of 60 minutes gone, past the 75 % warning share: yellow.
    await toSla();
    await page.getByTestId('clock-start').fill('2026-11-02T09:50');
    await page.getByTestId('clock-run').click();
    await page.getByTestId('clock-now').filter({ hasText: '2026-11-02 09:50 Asia/Shanghai' }).waitFor();
    await nav(page, 'Requests');
    assert.equal(await page.getByTestId('row-light').first().innerText(), 'At risk');
    await page.getByRole('link', { name: 'Cash register down' }).click();
    assert.equal(await cell('sla-fr-light'), 'At risk');
    assert.match(await cell('sla-fr-left'), /^(10|9) min left$/);

    // One hour on: 10:50, first response overdue: red.
    await toSla();
    await page.getByTestId('clock-plus-hour').click();
    await page.getByTestId('clock-now').filter({ hasText: '2026-11-02 10:50 Asia/Shanghai' }).waitFor();
    await nav(page, 'Requests');
    assert.equal(await page.getByTestId('row-light').first().innerText(), 'Breached');
    assert.equal(await page.getByTestId('row-light').first().locator('[data-light]').getAttribute('data-light'), 'red');
    await page.getByTestId('filter-sla').selectOption({ label: 'At risk or breached' });
    assert.equal(await page.getByTestId('result-count').innerText(), 'Showing 1–1 of 1');
    await page.getByRole('link', { name: 'Cash register down' }).click();
    assert.equal(await cell('sla-fr-light'), 'Breached');
    assert.match(await cell('sla-fr-left'), /^(50|49) min overdue$/);

    // Waiting for the customer stops the clocks: the resolution due time is
    // unknown until work goes on.
    await page.getByTestId('first-response-button').click();
    await page.getByTestId('sla-fr-light').filter({ hasText: 'Met late' }).waitFor();
    await page.getByTestId('wait').click();
    await page.getByTestId('sla-res-due').filter({ hasText: 'stopped while waiting for the customer' }).waitFor();
    assert.equal(await cell('sla-res-light'), 'Paused');
    // Lunch (12:00–13:30) is not business time: resumed at 13:30 after waiting
    // from 10:50, the resolution clock has used 1 h 50 min, so it is due at
    // 13:30 + 2 h 10 min = 15:40.
    await toSla();
    await page.getByTestId('clock-start').fill('2026-11-02T13:30');
    await page.getByTestId('clock-run').click();
    await page.getByTestId('clock-now').filter({ hasText: '2026-11-02 13:30' }).waitFor();
    await nav(page, 'Requests');
    await page.getByRole('link', { name: 'Cash register down' }).click();
    await page.getByTestId('start-work').click();
    await page.getByTestId('sla-res-due').filter({ hasText: 'Asia/Shanghai' }).waitFor();
    assert.match(await cell('sla-res-due'), /^2026-11-02 15:4\d Asia\/Shanghai$/);
    assert.equal(await cell('sla-res-light'), 'On track');
    await waitSaved(page);

    // A holiday file with a bad line is refused with the line; a good one is added.
    await toSla();
    await page.getByTestId('cal-holidays-file').setInputFiles({
      name: 'holidays.csv', mimeType: 'text/csv', buffer: Buffer.from('date,name\n2026-10-01,国庆节\n10/02/2026,National Day\n', 'utf8'),
    });
    await page.getByTestId('cal-error').filter({ hasText: /./ }).waitFor();
    assert.equal(await cell('cal-error'), 'holidays.csv: line 3: expected a date like 2026-10-01, found "10/02/2026"');
    await page.getByTestId('cal-holidays-file').setInputFiles({
      name: 'holidays.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeffdate,name\r\n2026-10-01,国庆节\r\n2026-10-02,国庆节\r\n', 'utf8'),
    });
    await page.getByTestId('cal-error').filter({ hasText: '2 new date(s)' }).waitFor();
    assert.equal(await page.getByTestId('cal-holidays').inputValue(), '2026-10-01\n2026-10-02');
    await page.getByTestId('save-calendar').click();
    await page.getByTestId('calendar-form').getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await waitSaved(page);
    assertNoErrors(errors);
    await page.context().close();
  });
}
