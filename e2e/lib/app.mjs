// Helpers shared by the end-to-end tests: start the static server and the
// browser for one test file, wait for the app, drive a few common steps, and
// read what is really stored in IndexedDB.
//
// Every test file calls `startApp()` once (its own server and browser).

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from './server.mjs';
import { launchBrowser, newPage } from './browser.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.join(REPO_ROOT, 'dist');

/** English save-status texts (locales/en/common.json). */
export const SAVED_EN = 'All changes saved';
export const NOT_SAVED_EN = 'Not saved';

/**
 * Starts a server of dist/ and a browser; both are closed by `after`.
 * @param {(fn: () => any) => void} after  the node:test `after` hook (or t.after)
 * @param {{args?: string[]}} [options] extra Chromium flags
 */
export async function startApp(after, { args = [] } = {}) {
  assert.ok(
    existsSync(path.join(DIST, 'index.html')),
    `dist/index.html not found in ${DIST}: run trunk build --release first`,
  );
  const server = await startServer({ root: DIST });
  const browser = await launchBrowser({ args });
  after(async () => {
    await browser.close();
    await server.close();
  });
  const open = async (opts) => {
    const made = await newPage(browser, opts);
    // Fail fast: every step of this app answers well within a few seconds.
    made.context.setDefaultTimeout(10_000);
    return made;
  };
  return { server, browser, url: server.url, newPage: open };
}

/** Records console/page errors of a further page (newPage does it for the first). */
export function recordErrors(page, errors = []) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err?.stack || err?.message || String(err)}`));
  return errors;
}

/** Waits until the app has left its loading phase. */
export async function waitReady(page, errors = []) {
  try {
    await page.waitForSelector('[data-app-ready]', { state: 'attached', timeout: 20_000 });
  } catch (err) {
    err.message += `\nerrors recorded while loading:\n${errors.join('\n') || '(none)'}`;
    throw err;
  }
}

export async function goto(page, url, errors = []) {
  await page.goto(url, { waitUntil: 'load' });
  await waitReady(page, errors);
}

/** Waits until the save indicator says everything is stored. */
export async function waitSaved(page, text = SAVED_EN, timeout = 10_000) {
  await page.getByTestId('save-status').filter({ hasText: text }).waitFor({ timeout });
}

/** Asserts that no console or page error was recorded (apart from `allowed` patterns). */
export function assertNoErrors(errors, allowed = [], what = 'console or page errors') {
  const unexpected = errors.filter((e) => !allowed.some((re) => re.test(e)));
  assert.deepEqual(unexpected, [], what);
}

/** Creates a workspace from the welcome screen (or Settings) and waits until it is open and stored. */
export async function createWorkspace(page, name) {
  await page.getByTestId('new-workspace-name').fill(name);
  await page.getByTestId('create-workspace').click();
  await page.getByTestId('workspace-name').filter({ hasText: name }).waitFor();
  await waitSaved(page);
}

/** Clicks a link of the main navigation by its visible name. */
export async function nav(page, name) {
  await page.getByRole('navigation', { name: /Main|主导航|主要/ }).getByRole('link', { name, exact: true }).click();
}

/**
 * Everything stored in IndexedDB `baton`, parsed: { workspaces: [{key, rec}],
 * requests: [{key, value}], events: [{key, value}] }, sorted by key.
 */
export async function readStored(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('baton');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      const names = ['workspaces', 'requests', 'events'];
      if (!names.every((n) => db.objectStoreNames.contains(n))) return { workspaces: [], requests: [], events: [] };
      const tx = db.transaction(names, 'readonly');
      const all = (name) =>
        new Promise((resolve, reject) => {
          const store = tx.objectStore(name);
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () =>
            resolve(keys.result.map((k, i) => ({ key: k, value: JSON.parse(values.result[i]) })));
          values.onerror = () => reject(values.error);
        });
      const [workspaces, requests, events] = await Promise.all(names.map(all));
      return { workspaces, requests, events };
    } finally {
      db.close();
    }
  });
}

/** Reads a download (Playwright Download) as text. */
export async function downloadText(download) {
  const stream = await download.createReadStream();
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

/** Clicks `trigger` and returns { name, text } of the download it starts. */
export async function captureDownload(page, trigger) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), trigger()]);
  return { name: download.suggestedFilename(), text: await downloadText(download) };
}
