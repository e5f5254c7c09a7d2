// Smoke test: the release build in dist/ loads in headless Chromium, the app
// marks itself ready ([data-app-ready]) and nothing is logged as an error.
// Builds nothing itself: scripts/test.sh runs `trunk build --release` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from './lib/server.mjs';
import { launchBrowser, newPage } from './lib/browser.mjs';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');

test('app loads from dist/ without console or page errors', async (t) => {
  assert.ok(
    existsSync(path.join(DIST, 'index.html')),
    `dist/index.html not found in ${DIST}: run trunk build --release first`,
  );

  const server = await startServer({ root: DIST });
  t.after(() => server.close());
  const browser = await launchBrowser();
  t.after(() => browser.close());

  const { page, errors } = await newPage(browser, { locale: 'en-US', timezoneId: 'UTC' });
  await page.goto(server.url + '/', { waitUntil: 'load' });
  try {
    await page.waitForSelector('[data-app-ready]', { state: 'attached', timeout: 20_000 });
  } catch (err) {
    err.message += `\nerrors recorded while loading:\n${errors.join('\n') || '(none)'}`;
    throw err;
  }

  assert.deepEqual(errors, [], 'console errors or page errors while loading the app');
});
