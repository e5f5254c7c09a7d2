// The Chinese interface: with a zh-CN browser the app speaks Chinese, the
// sample workspace opens with Chinese content, every page renders without a
// missing translation (no "common.xxx" keys, no stray English words), and the
// language switch goes to English and back, remembered across reloads.
// A screenshot of the Chinese dashboard goes to /tmp/baton-zh.png.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { startApp, goto, waitSaved, assertNoErrors, REPO_ROOT } from './lib/app.mjs';

const SCREENSHOT = '/tmp/baton-zh.png';
const zh = Object.fromEntries(
  ['common', 'requests', 'detail', 'dashboard', 'data', 'settings', 'routing', 'sla', 'responsibility', 'alerts', 'maturity', 'handoff', 'board'].map((ns) => [
    ns,
    JSON.parse(readFileSync(path.join(REPO_ROOT, 'locales/zh', `${ns}.json`), 'utf8')),
  ]),
);
const CJK = /[\u4e00-\u9fff]/;
// Latin words that belong in the Chinese interface: the product name, the
// language switch, file types and the sample's own abbreviations.
// Time zone names (IANA) are data, and the clock's address syntax is shown as it is typed.
const ALLOWED_LATIN = new Set([
  'Baton', 'English', 'baton.json', 'CSV', 'MB', 'VIP', 'GPS', 'logo', 'RACI', 'IANA', 'Asia', 'Shanghai',
  'clock', 'speed', 'baton-model.json', 'Atos', 'DevOps', 'JSON',
]);

const app = await startApp(after);
const { page, errors } = await app.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

/** Problems with the visible text: translation keys or English words. */
async function untranslated() {
  const text = await page.evaluate(() => document.body.innerText);
  const keys = text.match(/\b(common|requests|detail|dashboard|data|settings|routing|sla|responsibility|alerts|maturity|handoff|board)\.[a-z_]+\b/g) || [];
  const latin = [...new Set(text.match(/[A-Za-z][A-Za-z.@_-]{2,}/g) || [])].filter((w) => !ALLOWED_LATIN.has(w));
  return { keys, latin };
}

async function assertTranslated(where) {
  assert.deepEqual(await untranslated(), { keys: [], latin: [] }, `untranslated text on ${where}`);
}

const navLink = (name) => page.getByRole('navigation', { name: zh.common.nav_label }).getByRole('link', { name, exact: true });

async function goNav(name, h1) {
  await navLink(name).click();
  await page.getByRole('heading', { level: 1, name: h1, exact: true }).waitFor();
}

test('zh-CN: Chinese interface, Chinese sample, every page translated; screenshot', async () => {
  await goto(page, app.url + '/', errors);
  await page.getByRole('heading', { level: 1, name: zh.common.welcome_title }).waitFor();
  assert.equal(zh.common.welcome_title, '欢迎使用 Baton');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.equal(await page.getByTestId('open-sample').innerText(), '打开示例工作区');
  await assertTranslated('the welcome screen');

  await page.getByTestId('open-sample').click();
  await page.getByTestId('workspace-name').filter({ hasText: '示例 — 港湾户外' }).waitFor();
  await waitSaved(page, zh.common.saved);
  assert.equal(await page.getByTestId('save-status').innerText(), '已全部保存');
  const links = await page.getByRole('navigation', { name: '主导航' }).getByRole('link').allInnerTexts();
  assert.deepEqual(links.map((l) => l.replace(/\s*\d+$/, '')), ['请求', '新建请求', '我的需求', '看板', '交接', '仪表盘', '职责', '成熟度', '预警', '数据', '设置']);

  // The list: 42 requests with Chinese titles, customers and statuses.
  await page.getByRole('heading', { level: 1, name: zh.requests.title, exact: true }).waitFor();
  assert.equal(await page.getByTestId('result-count').innerText(), '显示第 1–42 条，共 42 条');
  const rows = await page.getByTestId('request-table').locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())),
  );
  assert.equal(rows.length, 42);
  const statuses = new Set(Object.entries(zh.common).filter(([k]) => k.startsWith('status_')).map(([, v]) => v));
  for (const r of rows) {
    assert.match(r[1], CJK, `title of #${r[0]} is Chinese: ${r[1]}`);
    assert.match(r[2], CJK, `customer of #${r[0]} is Chinese: ${r[2]}`);
    assert.ok(statuses.has(r[5]), `status of #${r[0]} is a Chinese status: ${r[5]}`);
  }
  await assertTranslated('the request list');

  // A detail page per status, with its trail in Chinese.
  const seen = new Set();
  for (const r of rows) {
    if (seen.has(r[5])) continue;
    seen.add(r[5]);
    await page.getByTestId('request-table').locator(`a[href="/requests/${r[0]}"]`).click();
    await page.getByRole('heading', { level: 1, name: `#${r[0]} ${r[1]}` }).waitFor();
    assert.equal(await page.getByTestId('status').innerText(), r[5]);
    const trail = await page.getByTestId('timeline').locator('.what').allInnerTexts();
    assert.ok(trail.length >= 1);
    for (const line of trail) assert.match(line, CJK, `trail line of #${r[0]} is Chinese: ${line}`);
    await assertTranslated(`request #${r[0]} (${r[5]})`);
    await page.getByRole('link', { name: zh.detail.back }).click();
    await page.getByTestId('request-table').waitFor();
  }
  assert.equal(seen.size, 6, 'the sample has a request in every status');

  // Messages from refused actions are Chinese too.
  const open = rows.find((r) => r[5] === zh.common.status_in_progress && r[8] !== '');
  await page.getByTestId('request-table').locator(`a[href="/requests/${open[0]}"]`).click();
  await page.getByRole('heading', { level: 1, name: `#${open[0]} ${open[1]}` }).waitFor();
  const other = (await page.getByTestId('assignee').locator('option').allInnerTexts()).find((n) => n !== open[8] && CJK.test(n) && n !== zh.detail.choose);
  await page.getByTestId('assignee').selectOption({ label: other });
  await page.getByTestId('assign').click();
  assert.equal(await page.getByTestId('action-error').innerText(), '改派需要填写原因。');
  await page.getByTestId('comment').click();
  assert.equal(await page.getByTestId('action-error').innerText(), '请填写备注。');
  await assertTranslated('a request with refused actions');

  await goNav('新建请求', zh.requests.new_title);
  await page.getByTestId('create-request').click();
  assert.equal(await page.getByTestId('title-error').innerText(), '请填写标题。');
  await assertTranslated('the new request form');

  await goNav('仪表盘', zh.dashboard.title);
  const median = await page.getByTestId('fig-frt-median').innerText();
  assert.match(median, /^\d+ (秒|分钟|小时 \d+ 分钟|天 \d+ 小时)$/, `a Chinese duration: ${median}`);
  assert.match(await page.getByTestId('fig-frt-n').innerText(), /^n = \d+ \/ 42$/);
  await assertTranslated('the dashboard');
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  assert.ok(statSync(SCREENSHOT).size > 20_000, `${SCREENSHOT} holds a rendered page`);

  await goNav('数据', zh.data.title);
  await page.getByTestId('storage-use').filter({ hasText: /./ }).waitFor();
  await assertTranslated('the data page');
  await goNav('设置', zh.settings.title);
  await assertTranslated('the settings page');

  // The pages of routing, SLA, responsibility, alerts and my requests.
  const sub = (name) => page.getByRole('navigation', { name: zh.settings.subnav_label }).getByRole('link', { name, exact: true });
  await sub(zh.settings.sub_routing).click();
  await page.getByRole('heading', { level: 1, name: zh.routing.title, exact: true }).waitFor();
  assert.equal(await page.getByTestId('rule-row').count(), 3, 'the sample has three routing rules');
  await assertTranslated('the routing page');
  await sub(zh.settings.sub_sla).click();
  await page.getByRole('heading', { level: 1, name: zh.sla.title, exact: true }).waitFor();
  assert.equal(await page.getByTestId('cal-hours').inputValue(), '09:00–12:00, 13:30–18:00');
  await assertTranslated('the calendar and SLA page');
  await goNav('职责', zh.responsibility.title);
  assert.equal(await page.getByTestId('raci-row').count() >= 3, true);
  await assertTranslated('the responsibility page');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: /^预警/ }).click();
  await page.getByRole('heading', { level: 1, name: zh.alerts.title, exact: true }).waitFor();
  await assertTranslated('the alerts page');
  await goNav('我的需求', zh.responsibility.mine_title);
  await assertTranslated('my requests');
  await goNav('成熟度', zh.maturity.title);
  await assertTranslated('the maturity page');
  await page.getByTestId('round-list').getByRole('link').first().click();
  await page.getByTestId('results').waitFor();
  await assertTranslated('a maturity round');
  // Handoffs: the inbox (three sample handoffs wait, one of them here) and the templates.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: /^交接/ }).click();
  await page.getByRole('heading', { level: 1, name: zh.handoff.inbox_title, exact: true }).waitFor();
  await page.getByTestId('inbox-department').selectOption({ label: '服务' });
  assert.equal(await page.getByTestId('inbox').getByTestId('inbox-row').count(), 1);
  await assertTranslated('the handoff inbox');
  const handoffSub = (name) => page.getByRole('navigation', { name: zh.handoff.subnav_label }).getByRole('link', { name, exact: true });
  await handoffSub(zh.handoff.sub_templates).click();
  await page.getByRole('heading', { level: 1, name: zh.handoff.templates_title, exact: true }).waitFor();
  assert.equal(await page.getByTestId('template-row').count(), 6);
  await page.getByTestId('edit-template').first().click();
  await page.getByTestId('template-editor').waitFor();
  await assertTranslated('the handoff template editor');
  // The board, a card's details and the board's settings.
  await goNav('看板', zh.board.title);
  assert.equal(await page.getByTestId('board-count').innerText(), '共 11 个任务');
  await assertTranslated('the board');
  await page.getByTestId('card').first().click();
  await page.getByTestId('task-panel').waitFor();
  await assertTranslated('a task');
  await page.getByTestId('task-close').click();
  await page.getByRole('link', { name: zh.board.settings_link }).click();
  await page.getByRole('heading', { level: 1, name: zh.board.settings_title, exact: true }).waitFor();
  await assertTranslated('the board settings');
  await goNav('设置', zh.settings.title);
  assertNoErrors(errors);
});

test('the language switch goes to English and back; the choice survives a reload', async () => {
  const button = page.getByRole('button', { name: zh.common.switch_language_label });
  assert.equal(await button.innerText(), 'English');
  await button.click();
  await page.getByRole('heading', { level: 1, name: 'Settings', exact: true }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  const links = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
  assert.deepEqual(
    links.map((l) => l.replace(/\s*\d+$/, '')),
    ['Requests', 'New request', 'My requests', 'Board', 'Handoffs', 'Dashboard', 'Responsibility', 'Maturity', 'Alerts', 'Data', 'Settings'],
  );
  const toChinese = page.getByRole('button', { name: 'Switch the interface to Chinese' });
  assert.equal(await toChinese.innerText(), '中文');

  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('[data-app-ready]', { state: 'attached' });
  await page.getByRole('heading', { level: 1, name: 'Settings', exact: true }).waitFor();
  assert.equal(await page.getByTestId('save-status').innerText(), 'All changes saved');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'English is kept over the browser’s zh-CN');

  await toChinese.click();
  await page.getByRole('heading', { level: 1, name: zh.settings.title, exact: true }).waitFor();
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('[data-app-ready]', { state: 'attached' });
  await page.getByRole('heading', { level: 1, name: zh.settings.title, exact: true }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await assertTranslated('the settings page after switching back');
  assertNoErrors(errors);
});
