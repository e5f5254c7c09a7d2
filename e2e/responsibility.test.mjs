// First-contact ownership and the 三不管 zones, driven as a user would:
// ownership moves only when the receiver accepts (and never silently: a
// member with accountable requests cannot be deactivated without naming who
// takes over); the responsibility matrix insists on exactly one accountable
// department; orphans, customers followed by several teams and likely
// duplicates are listed, and a duplicate is merged keeping both trails.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';

import { startApp, goto, waitSaved, assertNoErrors, createWorkspace, nav } from './lib/app.mjs';

const app = await startApp(after);
const { page, errors } = await app.newPage({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });

async function addMember(name, department) {
  await page.getByLabel('New member').fill(name);
  await page.getByTestId('member-department').selectOption({ label: department });
  await page.getByTestId('add-member').click();
  await page.getByTestId('member-list').getByRole('cell', { name, exact: true }).waitFor();
}

async function newRequest({ title, customer = '', contact = '', category = '' }) {
  await nav(page, 'New request');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Customer name').fill(customer);
  await page.getByLabel('Customer contact (phone, e-mail…)').fill(contact);
  await page.getByLabel('Category').fill(category);
  await page.getByTestId('create-request').click();
  await page.getByRole('heading', { level: 1, name: new RegExp(` ${title}$`) }).waitFor();
}

const actAs = (name) => page.getByLabel('Acting as').selectOption({ label: name });
const timeline = () => page.getByTestId('timeline').locator('li').allInnerTexts();

test('ownership moves only on acceptance; deactivating an owner asks who takes over', async () => {
  await goto(page, `${app.url}/?clock=2026-11-02T01:00:00Z`, errors);
  await createWorkspace(page, 'Ownership');
  await nav(page, 'Settings');
  await page.getByLabel('New team').fill('Desk A');
  await page.getByTestId('team-department').selectOption({ label: 'Service' });
  await page.getByTestId('add-team').click();
  await page.getByLabel('New team').fill('Desk B');
  await page.getByTestId('team-department').selectOption({ label: 'Service' });
  await page.getByTestId('add-team').click();
  await addMember('Ana', 'Service');
  await addMember('Bo', 'Service');
  await addMember('Cy', 'Sales');
  await page.getByTestId('member-row').filter({ hasText: 'Ana' }).getByTestId('member-team').selectOption({ label: 'Desk A' });
  await waitSaved(page);
  await page.getByTestId('member-row').filter({ hasText: 'Bo' }).getByTestId('member-team').selectOption({ label: 'Desk B' });
  await waitSaved(page);

  // My requests needs to know who I am.
  await nav(page, 'My requests');
  await page.getByTestId('mine-no-actor').waitFor();
  await actAs('Ana');
  await newRequest({ title: 'Tent returned', customer: 'Li', contact: 'li@example.com', category: 'returns' });
  assert.equal(await page.getByTestId('owner').innerText(), 'Ana');

  // Offer it to Bo: a reason is needed, and nothing moves until Bo accepts.
  await page.getByTestId('ownership-to').selectOption({ label: 'Bo' });
  await page.getByTestId('offer-ownership').click();
  assert.equal(await page.getByTestId('ownership-form').getByRole('alert').innerText(), 'Reason is required.');
  await page.getByTestId('ownership-reason').fill('Going on leave');
  await page.getByTestId('offer-ownership').click();
  await page.getByTestId('ownership-offer').waitFor();
  assert.match(await page.getByTestId('ownership-offer').innerText(), /Waiting for Bo to accept: Going on leave/);
  assert.equal(await page.getByTestId('owner').innerText(), 'Ana', 'not before acceptance');
  // Ana cannot accept for Bo, but, having offered it, may withdraw it.
  assert.equal(await page.getByTestId('accept-ownership').count(), 0);
  assert.equal((await page.getByTestId('decline-ownership').innerText()).trim(), 'Withdraw the offer');
  // A third member may neither decline nor withdraw it.
  await actAs('Cy');
  assert.match(await page.getByTestId('not-offer-party').innerText(), /^Only Bo \(to decline it\)/);
  assert.equal(await page.getByTestId('decline-ownership').count(), 0);

  await actAs('Bo');
  await nav(page, 'My requests');
  const offers = page.getByTestId('offers');
  await offers.waitFor();
  assert.match(await offers.innerText(), /#1 Tent returned — offered by Ana: Going on leave/);
  await page.getByTestId('accept-offer').click();
  await page.getByTestId('accountable').getByRole('link', { name: 'Tent returned' }).waitFor();
  await waitSaved(page);
  await page.getByTestId('accountable').getByRole('link', { name: 'Tent returned' }).click();
  assert.equal(await page.getByTestId('owner').innerText(), 'Bo');
  assert.equal(await page.getByTestId('handler').innerText(), 'Ana', 'ownership is not the work');
  const trail = await timeline();
  assert.match(trail[0], /Bo Bo accepted first-contact ownership$/);
  assert.match(trail[1], /Ana Ownership offered to Bo — Going on leave$/);

  // Bo owns an open request: deactivating Bo asks who takes it over.
  await nav(page, 'Settings');
  await page.getByTestId('member-row').filter({ hasText: 'Bo' }).getByTestId('member-active').click();
  const handover = page.getByTestId('handover');
  await handover.waitFor();
  assert.match(await handover.innerText(), /Bo is first-contact owner or handler of 1 open request\(s\)\. Who takes them over\?/);
  await page.getByTestId('handover-to').selectOption({ label: 'Cy' });
  await page.getByTestId('handover-confirm').click();
  await handover.waitFor({ state: 'detached' });
  await waitSaved(page);
  assert.equal(await page.getByTestId('member-row').filter({ hasText: 'Bo' }).getByTestId('member-active').isChecked(), false);
  await nav(page, 'Requests');
  await page.getByRole('link', { name: 'Tent returned' }).click();
  assert.equal(await page.getByTestId('owner').innerText(), 'Cy');
  assert.match((await timeline())[0], /Ownership moved from Bo to Cy — member deactivated$/);
  assertNoErrors(errors);
});

test('the responsibility matrix needs exactly one accountable department; the request shows its row', async () => {
  await actAs('Ana');
  await nav(page, 'Responsibility');
  // "returns" is in use with nobody accountable: it is listed and marked.
  const row = page.getByTestId('raci-row').filter({ hasText: 'returns' });
  await row.waitFor();
  assert.match(await row.locator('th').innerText(), /returns\s+nobody accountable/);
  await row.getByLabel('returns · Sales').selectOption({ label: 'A · Accountable' });
  await row.getByLabel('returns · Service').selectOption({ label: 'A · Accountable' });
  await row.getByTestId('raci-save').click();
  assert.equal(await row.getByRole('alert').innerText(), '“returns” needs exactly one Accountable department; 2 are chosen.');
  await row.getByLabel('returns · Service').selectOption({ label: 'R · Responsible' });
  await row.getByTestId('raci-save').click();
  await page.getByTestId('raci-row').filter({ hasText: 'returns' }).filter({ hasNotText: 'nobody accountable' }).waitFor();
  await waitSaved(page);
  await nav(page, 'Requests');
  await page.getByRole('link', { name: 'Tent returned' }).click();
  assert.equal(await page.getByTestId('raci-line').innerText(), 'Responsible: Service · Accountable: Sales');
  assertNoErrors(errors);
});

test('orphans, customers followed by several teams, and a duplicate merged with both trails kept', async () => {
  // Li's second request is taken by Ana (desk A) while Cy (sales) owns the first.
  await newRequest({ title: 'Tent returned again', customer: 'Li', contact: 'LI@example.com ', category: 'returns' });
  // A request nobody is accountable for.
  await page.getByLabel('Acting as').selectOption({ label: '(nobody)' });
  await newRequest({ title: 'Voicemail with no name' });
  assert.equal(await page.getByTestId('owner').innerText(), '—');
  await waitSaved(page);

  await nav(page, 'Responsibility');
  assert.match(await page.getByTestId('orphans').innerText(), /#3 Voicemail with no name — nobody is accountable/);
  assert.match(await page.getByTestId('multi-team').innerText(), /Li — Sales, Desk A: #1 Tent returned #2 Tent returned again/);
  const dup = page.getByTestId('duplicates');
  assert.match(await dup.innerText(), /Li: #1 Tent returned · #2 Tent returned again/);

  await nav(page, 'Dashboard');
  assert.equal((await page.getByTestId('fig-orphans-value').innerText()).trim(), '33.3 %');
  assert.equal((await page.getByTestId('fig-orphans-n').innerText()).trim(), 'n = 1 of 3');
  assert.equal((await page.getByTestId('fig-multi-value').innerText()).trim(), '100.0 %');

  await nav(page, 'Responsibility');
  await page.getByRole('button', { name: 'Merge #2 into #1' }).click();
  await page.getByTestId('duplicates').waitFor({ state: 'detached' });
  await waitSaved(page);
  await nav(page, 'Requests');
  await page.getByRole('link', { name: 'Tent returned again' }).click();
  assert.equal(await page.getByTestId('status').innerText(), 'Closed');
  assert.match(await page.getByTestId('merge-info').innerText(), /Merged as a duplicate into #1/);
  await page.getByTestId('merge-info').getByRole('link', { name: '#1' }).click();
  await page.getByRole('heading', { level: 1, name: '#1 Tent returned' }).waitFor();
  assert.match(await page.getByTestId('merge-info').innerText(), /Merged into this request: #2/);
  const trail = await timeline();
  assert.match(trail[0], /Request #2 merged into this one$/);
  assert.ok(trail.some((t) => /#2: Request #2 created$/.test(t)), 'the merged request’s trail is shown with it');
  // The merged duplicate leaves the figures: one customer, one team now.
  await nav(page, 'Dashboard');
  assert.equal((await page.getByTestId('fig-multi-value').innerText()).trim(), '0.0 %');
  assertNoErrors(errors);
});
