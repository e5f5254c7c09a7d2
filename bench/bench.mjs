// Benchmarks for Baton. Prints one `name: value` line per figure.
// Expects a release build in dist/ (bench/run.sh builds it first).
//
// Every timing is taken inside the real app in headless Chromium:
// - csv_import_8469_ms: choosing the real CSV until the mapping is shown, plus
//   pressing "Import" until the report is shown and everything is stored.
// - first_render_10k_ms: navigation start until the first page of the request
//   list is in the DOM, with a 10,000-request workspace already stored.
// - persist_one_edit_{100,10k}_ms: the app's own measure of one save (collect
//   the changed records, one IndexedDB transaction), median of 15 comments.
// - dashboard_10k_ms: the app's own measure of computing the dashboard figures
//   over 10,000 requests (median of 5 visits).

import { readdirSync, readFileSync, existsSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zlib } from 'node:zlib';

import { startServer } from '../e2e/lib/server.mjs';
import { launchBrowser, newPage } from '../e2e/lib/browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const REAL_CSV = path.resolve(ROOT, '../shared/realdata/customer_support_tickets_kaggle_suraj520.csv');

function distWasmFile() {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/index.html not found: run trunk build --release first');
  }
  const wasm = readdirSync(DIST).filter((f) => f.endsWith('_bg.wasm'));
  if (wasm.length !== 1) {
    throw new Error(`expected exactly one dist/*_bg.wasm, found ${wasm.length}: ${wasm.join(', ')}`);
  }
  return path.join(DIST, wasm[0]);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.ceil(s.length / 2) - 1];
};

/** Size of the app's WebAssembly after gzip -9 (what a static host sends). */
function wasmGzipBytes() {
  const bytes = readFileSync(distWasmFile());
  return gzipSync(bytes, { level: zlib.Z_BEST_COMPRESSION }).length;
}

/** A valid snapshot (docs/snapshot-format.md) with `n` requests. */
function syntheticSnapshot(n) {
  const hex = (i) => i.toString(16).padStart(12, '0');
  const id = (kind, i) => `0190a000-0000-7000-8${kind}00-${hex(i)}`;
  const t0 = Date.parse('2026-01-05T08:00:00Z');
  const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const builtins = ['sales', 'service', 'marketing', 'technical'];
  const departments = builtins.map((b, i) => ({ id: id('1', i + 1), name: '', builtin: b }));
  const members = Array.from({ length: 12 }, (_, i) => ({
    id: id('2', i + 1),
    name: `Member ${i + 1}`,
    department: departments[i % 4].id,
    active: true,
  }));
  const channels = ['phone', 'email', 'chat', 'visit', 'social', 'other'];
  const urgencies = ['low', 'medium', 'high', 'critical'];
  const statuses = ['new', 'in_progress', 'waiting_for_customer', 'resolved', 'closed'];
  const requests = [];
  const events = [];
  for (let i = 0; i < n; i++) {
    const created = t0 + i * 600_000;
    const status = statuses[i % statuses.length];
    const done = status === 'resolved' || status === 'closed';
    const answered = status !== 'new';
    const owner = members[i % members.length].id;
    const rid = id('3', i + 1);
    requests.push({
      id: rid,
      number: i + 1,
      title: `Request ${i + 1}: printer on floor ${i % 9} jams — 打印机卡纸`,
      description: 'The customer reports the printer jams on the second tray after about twenty pages. 客户说第二个纸盒打印二十页左右就卡纸。',
      customer: { name: `Customer ${i % 700}`, contact: `customer${i % 700}@example.com` },
      channel: channels[i % channels.length],
      category: ['hardware', 'billing', 'complaint', 'promotion'][i % 4],
      urgency: urgencies[i % urgencies.length],
      tags: ['printer', `floor-${i % 9}`],
      preferences: 'Call after 3 pm',
      owner,
      handler: owner,
      previous_handlers: [],
      status,
      created_at: iso(created),
      first_response_at: answered ? iso(created + 900_000) : null,
      resolved_at: done ? iso(created + 7_200_000) : null,
      closed_at: status === 'closed' ? iso(created + 9_000_000) : null,
      resolution: done ? 'Replaced the pick-up roller' : '',
      satisfaction: status === 'closed' ? 1 + (i % 5) : null,
      reopen_count: 0,
      return_count: 0,
      comments: [],
      flags: [],
      updated_at: iso(created + 9_000_000),
    });
    events.push({
      id: id('4', i + 1),
      at: iso(created),
      actor: owner,
      request: rid,
      change: { type: 'request_created', number: i + 1, title: `Request ${i + 1}` },
    });
  }
  return {
    format: 'baton.workspace',
    version: 1,
    exported_at: iso(t0 + n * 600_000),
    workspace: {
      id: `0190a000-0000-7000-8000-${hex(n)}`,
      name: `Bench ${n}`,
      created_at: iso(t0),
      next_number: n + 1,
      departments,
      members,
    },
    requests,
    events,
  };
}

async function openApp(browser, url) {
  const { context, page, errors } = await newPage(browser, { locale: 'en-US', timezoneId: 'UTC' });
  await page.goto(url + '/', { waitUntil: 'load' });
  await page.waitForSelector('[data-app-ready]', { state: 'attached', timeout: 30_000 });
  return { context, page, errors };
}

/** Imports a snapshot from the first-run screen; it opens as the workspace `name`. */
async function importSnapshot(page, file, name) {
  const input = page.locator('[data-testid=import-json]').first();
  await input.setInputFiles(file);
  await page.locator('[data-testid=import-confirm]').click({ timeout: 60_000 });
  await page.locator('[data-testid=workspace-name]', { hasText: name }).waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid=save-status]')?.textContent.includes('saved'));
}

async function openSampleOrFirst(page) {
  if (await page.locator('[data-testid=open-sample]').count()) {
    await page.locator('[data-testid=open-sample]').first().click();
  }
  await page.locator('[data-testid=workspace-name]').waitFor();
}

/** Median save time of `repeats` comments on request #1. */
async function persistOneEdit(page, base, repeats = 15) {
  await page.goto(base + '/requests/1');
  await page.locator('[data-testid=comment-text]').waitFor();
  const times = [];
  for (let i = 0; i < repeats; i++) {
    const before = await page.locator('[data-testid=save-status]').getAttribute('data-saves');
    await page.locator('[data-testid=comment-text]').fill(`bench comment ${i}`);
    await page.locator('[data-testid=comment]').click();
    await page.waitForFunction(
      (prev) => {
        const el = document.querySelector('[data-testid=save-status]');
        return el && el.getAttribute('data-saves') !== prev && el.textContent.includes('saved');
      },
      before,
      { timeout: 30_000 },
    );
    times.push(Number(await page.locator('[data-testid=save-status]').getAttribute('data-last-save-ms')));
  }
  return median(times);
}

async function main() {
  const figures = [];
  const print = (name, value) => {
    console.log(`${name}: ${value}`);
    figures.push([name, value]);
  };
  print('wasm_gzip_bytes', wasmGzipBytes());

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'baton-bench-'));
  const snap100 = path.join(tmp, 'bench-100.baton.json');
  const snap10k = path.join(tmp, 'bench-10k.baton.json');
  writeFileSync(snap100, JSON.stringify(syntheticSnapshot(100)));
  writeFileSync(snap10k, JSON.stringify(syntheticSnapshot(10_000)));

  const server = await startServer({ root: DIST });
  const browser = await launchBrowser();
  try {
    // CSV import of the real file.
    if (existsSync(REAL_CSV)) {
      const { context, page } = await openApp(browser, server.url);
      await openSampleOrFirst(page);
      await page.goto(server.url + '/data');
      const input = page.locator('[data-testid=import-csv]');
      await input.waitFor();
      const t0 = await page.evaluate(() => performance.now());
      await input.setInputFiles(REAL_CSV);
      await page.locator('[data-testid=csv-mapping]').waitFor({ timeout: 60_000 });
      const t1 = await page.evaluate(() => performance.now());
      const t2 = await page.evaluate(() => performance.now());
      await page.locator('[data-testid=csv-run]').click();
      await page.locator('[data-testid=csv-report]').waitFor({ timeout: 120_000 });
      await page.waitForFunction(() => document.querySelector('[data-testid=save-status]')?.textContent.includes('saved'));
      const t3 = await page.evaluate(() => performance.now());
      print('csv_import_8469_ms', Math.round(t1 - t0 + (t3 - t2)));
      await context.close();
    } else {
      console.log(`csv_import_8469_ms: skipped (${REAL_CSV} not present)`);
    }

    // 100-request workspace: one edit.
    {
      const { context, page } = await openApp(browser, server.url);
      await importSnapshot(page, snap100, 'Bench 100');
      print('persist_one_edit_100_ms', (await persistOneEdit(page, server.url)).toFixed(2));
      await context.close();
    }

    // 10,000-request workspace: first render, one edit, dashboard.
    {
      const { context, page } = await openApp(browser, server.url);
      await importSnapshot(page, snap10k, 'Bench 10000');
      // Record when the first row of the list appears, from navigation start.
      await page.addInitScript(() => {
        const obs = new MutationObserver(() => {
          if (document.querySelector('[data-testid=request-table] tbody tr') && !window.__firstRowAt) {
            window.__firstRowAt = performance.now();
            obs.disconnect();
          }
        });
        obs.observe(document, { childList: true, subtree: true });
      });
      const renders = [];
      for (let i = 0; i < 3; i++) {
        await page.goto(server.url + '/');
        await page.waitForFunction(() => window.__firstRowAt, null, { timeout: 60_000 });
        renders.push(await page.evaluate(() => window.__firstRowAt));
      }
      print('first_render_10k_ms', Math.round(median(renders)));
      print('persist_one_edit_10k_ms', (await persistOneEdit(page, server.url)).toFixed(2));
      const dash = [];
      for (let i = 0; i < 5; i++) {
        await page.goto(server.url + '/dashboard');
        await page.locator('[data-testid=fig-total-value]').waitFor({ timeout: 60_000 });
        dash.push(Number(await page.locator('[data-testid=dashboard]').getAttribute('data-compute-ms')));
      }
      print('dashboard_10k_ms', median(dash).toFixed(2));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error(`bench: ERROR ${err.stack || err.message}`);
  process.exitCode = 1;
});
