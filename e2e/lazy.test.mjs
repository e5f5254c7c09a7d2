// Pages loaded on demand (src/pages/lazy.rs): the requests list needs the
// main WebAssembly file only; a request's page and the dashboard are fetched
// in the background once it is shown; a page such as Maturity fetches its own
// file when it is first opened; a page whose file cannot be fetched says so, and opening
// it again once the network is back shows it.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';

import { startApp, goto, assertNoErrors, createWorkspace, nav } from './lib/app.mjs';

const app = await startApp(after);

test('on-demand pages fetch their file on first opening, and say so when it cannot be fetched', async () => {
  const { page, errors } = await app.newPage({ locale: 'en-US', timezoneId: 'UTC' });
  const wasm = [];
  page.on('request', (req) => {
    if (new URL(req.url()).pathname.endsWith('.wasm')) wasm.push(new URL(req.url()).pathname);
  });
  await goto(page, app.url + '/', errors);
  await createWorkspace(page, 'Lazy pages');
  wasm.length = 0;
  // The requests list is shown from the main file alone: the on-demand files
  // (here blocked until the list is up) are not waited for.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const hold = async (route) => {
    await held;
    await route.continue();
  };
  await page.route(/-(split|chunk)_[a-z_0-9]+\.wasm$/, hold);
  await page.goto(app.url + '/');
  await page.waitForSelector('[data-app-ready]', { state: 'attached' });
  await page.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
  assert.equal(wasm.filter((p) => p.endsWith('_bg.wasm')).length, 1, `main file fetched: ${wasm}`);
  // Then, a second later, a request's page and the dashboard are fetched in
  // the background, and nothing else.
  const prefetched = Promise.all([
    page.waitForResponse(/-split_detail\.wasm$/, { timeout: 15_000 }),
    page.waitForResponse(/-split_dashboard\.wasm$/, { timeout: 15_000 }),
  ]);
  release();
  await prefetched;
  await page.waitForLoadState('networkidle');
  await page.unroute(/-(split|chunk)_[a-z_0-9]+\.wasm$/, hold);
  const first = wasm.splice(0).filter((p) => /-split_/.test(p)).map((p) => p.replace(/^.*-split_/, ''));
  assert.deepEqual(first.sort(), ['dashboard.wasm', 'detail.wasm'], 'prefetched after the list is shown');

  await nav(page, 'Maturity');
  await page.getByRole('heading', { level: 1, name: 'Maturity self-assessments' }).waitFor();
  assert.ok(wasm.some((p) => /-split_maturity\.wasm$/.test(p)), `maturity file fetched: ${wasm}`);

  // The alerts page's file cannot be fetched: a message, no crash.
  const block = (route) => route.abort('internetdisconnected');
  await page.route(/-split_alerts\.wasm$/, block);
  await nav(page, 'Alerts');
  await page.getByTestId('page-load-failed').waitFor();
  assert.match(await page.getByTestId('page-load-failed').innerText(), /could not be loaded/);
  await page.unroute(/-split_alerts\.wasm$/, block);
  await nav(page, 'Requests');
  await nav(page, 'Alerts');
  await page.getByRole('heading', { level: 1, name: 'Early warnings' }).waitFor();
  // The failed fetch is logged to the console by the loader; nothing else.
  assertNoErrors(errors, [/split_alerts|failed to load|Failed to fetch|TypeError/i]);
  await page.context().close();
});
