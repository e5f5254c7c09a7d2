// Maturity self-assessments, driven as a facilitator would: a round of the
// built-in model with three respondents answering in turn on one device
// (nothing shown between them), the results table and radar chart with
// values worked out by hand, a second round giving the team's trend, a
// model exported and imported back, a questionnaire imported with its
// report, response forms by file, and the built-in model in Chinese.
//
// Answers (first question of each dimension only; levels 1–5):
//              roles  process  tools  mechanisms  culture
//   Ana          2       3       4        1          5
//   Bo           4       3       4        2          5
//   Cy           3       3       1        3          4
// Means: 3.00, 3.00, 3.00, 2.00, 4.67; population sd: 0.82, 0.00, 1.41,
// 0.82, 0.47. Overall: (3 + 3 + 3 + 2 + 4.667) / 5 = 3.13 → level 3.
// Disagreements (two levels or more apart): roles, tools, mechanisms.
// Weakest: mechanisms (2.00), then roles (3.00, first of the ties).

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { startApp, goto, waitSaved, assertNoErrors, createWorkspace, nav, captureDownload, REPO_ROOT } from './lib/app.mjs';

const ATOS = path.resolve(REPO_ROOT, '../shared/realdata/maturity_devops_questions_atos.json');
const ATOS_SMALL = path.join(REPO_ROOT, 'tests/fixtures/maturity-atos-small.json');

const app = await startApp(after);
const { page, errors } = await app.newPage({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });

const KEYS = ['roles.1', 'process.1', 'tools.1', 'mechanisms.1', 'culture.1'];

async function gotoMaturity() {
  await nav(page, 'Maturity');
  await page.getByRole('heading', { level: 1, name: 'Maturity self-assessments' }).waitFor();
}

async function startRound(period) {
  await gotoMaturity();
  await page.getByTestId('round-team').selectOption({ label: 'Desk A' });
  await page.getByTestId('round-period').fill(period);
  await page.getByTestId('start-round').click();
  await page.getByRole('heading', { level: 1, name: `Desk A · ${period}` }).waitFor();
}

/** One respondent answers the first question of each dimension. */
async function answer(name, levels) {
  await page.getByTestId('respondent').fill(name);
  for (const [i, key] of KEYS.entries()) {
    if (levels[i] === null) continue;
    const question = page.getByTestId(`question-${key}`);
    // Nothing is chosen when a respondent starts: earlier answers are not shown.
    assert.equal(await question.locator('input:checked').count(), 0, `${name}: ${key} starts empty`);
    await question.getByRole('radio').nth(levels[i] - 1).check();
  }
  await page.getByTestId('send-answers').click();
  await page.getByTestId('pass-on').waitFor();
}

test('three respondents on one device; the results table and radar show the hand-computed values', async () => {
  await goto(page, app.url + '/', errors);
  await createWorkspace(page, 'Assessment');
  await nav(page, 'Settings');
  await page.getByLabel('New team').fill('Desk A');
  await page.getByTestId('team-department').selectOption({ label: 'Service' });
  await page.getByTestId('add-team').click();
  await waitSaved(page);

  await gotoMaturity();
  await page.getByTestId('no-rounds').waitFor();
  // A period is needed.
  await page.getByTestId('round-team').selectOption({ label: 'Desk A' });
  await page.getByTestId('start-round').click();
  assert.equal(await page.getByTestId('round-error').innerText(), 'Enter a period, such as 2026 Q4.');
  await startRound('2026 Q4');
  await page.getByTestId('results-waiting').getByText('Results show once 3 responses are in; 0 so far.').waitFor();

  await page.getByTestId('answer-here').click();
  // The first level of a scale question reads with its name and what it looks like.
  const first = page.getByTestId('question-roles.1');
  assert.match(await first.locator('legend').innerText(), /is it clear who owns it from start to finish\?/);
  assert.match(await first.locator('label').first().innerText(), /^1 Initial — Nobody owns it/);
  // Without a name the form is refused in a named round.
  await first.getByRole('radio').nth(1).check();
  await page.getByTestId('send-answers').click();
  assert.equal(await page.getByTestId('answer-error').innerText(), 'Enter your name (the round is not anonymous).');
  await first.getByRole('radio').nth(1).uncheck().catch(() => {});
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('[data-app-ready]', { state: 'attached' });
  await page.getByTestId('answer-here').click();

  await answer('Ana', [2, 3, 4, 1, 5]);
  await page.getByTestId('next-respondent').click();
  await answer('Bo', [4, 3, 4, 2, 5]);
  await page.getByTestId('next-respondent').click();
  await answer('Cy', [3, 3, 1, 3, 4]);
  await page.getByTestId('finish-answering').click();
  await waitSaved(page);

  assert.deepEqual(await page.getByTestId('respondents').locator('li').allInnerTexts(), ['Ana Remove', 'Bo Remove', 'Cy Remove']);
  assert.equal(await page.getByTestId('overall').innerText(), 'Overall 3.13 — level 3 Defined (5 of 5 dimensions scored)');
  const rows = await page.getByTestId('result-table').locator('tbody tr').allInnerTexts();
  assert.deepEqual(rows, [
    'Organisation and roles\t3.00\t0.82 (2.00–4.00)\t3 / 12',
    'Process and handoffs\t3.00\t0.00 (3.00–3.00)\t3 / 15',
    'Tools and data\t3.00\t1.41 (1.00–4.00)\t3 / 12',
    'Mechanisms and incentives\t2.00\t0.82 (1.00–3.00)\t3 / 12',
    'Culture and capability\t4.67\t0.47 (4.00–5.00)\t3 / 12',
  ]);
  // The radar: the same numbers as its text alternative, and its shape. On a
  // 420-unit square with a radius of 140 for level 5, roles (3.00, straight
  // up) sits at (210, 210 − 84).
  const radar = page.getByTestId('radar').locator('svg');
  assert.equal(
    await radar.getAttribute('aria-label'),
    'Desk A · 2026 Q4: Organisation and roles 3.00, Process and handoffs 3.00, Tools and data 3.00, Mechanisms and incentives 2.00, Culture and capability 4.67',
  );
  const points = await radar.locator('polygon[data-series="0"]').getAttribute('points');
  assert.equal(points.split(' ')[0], '210.0,126.0');
  assert.equal(points.split(' ').length, 5);

  const disagreements = await page.getByTestId('disagreements').locator('li').allInnerTexts();
  assert.equal(disagreements.length, 3);
  assert.match(disagreements[0], /who owns it from start to finish\?: answers from 2.00 to 4.00$/);
  const suggested = await page.getByTestId('suggestions').locator(':scope > li > strong').allInnerTexts();
  assert.deepEqual(suggested, ['Mechanisms and incentives', 'Organisation and roles']);
  // The self-rating beside what the workspace measures (nothing yet).
  assert.match(await page.getByTestId('beside').innerText(), /Organisation and roles\t3\.00\t\nOrphan rate: no data\nMulti-team follow-up rate: no data/);
  assert.match(await page.getByTestId('beside').innerText(), /Process and handoffs\t3\.00\t\nRouting accuracy: no data\nHandoff completeness: no data\nBounce-back rate: no data/);

  // One click makes an improvement action a task on the board, labelled with the round.
  const firstAction = page.getByTestId('suggestions').locator('li li').first();
  const actionText = await firstAction.getByTestId('action').innerText();
  // Three clicks quicker than a redraw still make one task, and the
  // keyboard focus moves to the link that replaces the button.
  await firstAction.getByTestId('action-make-task').focus();
  await firstAction.getByTestId('action-make-task').evaluate((b) => { b.click(); b.click(); b.click(); });
  await firstAction.getByTestId('action-task-link').waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'action-task-link');
  assert.equal(await page.getByTestId('suggestions').getByTestId('action-make-task').count(), await page.getByTestId('suggestions').getByTestId('action').count() - 1);
  await waitSaved(page);
  const roundUrl = page.url();
  await firstAction.getByTestId('action-task-link').click();
  await page.waitForURL(/\/board\?label=maturity/);
  await page.getByTestId('card-title').first().waitFor();
  const titles = await page.getByTestId('card-title').allInnerTexts();
  assert.deepEqual(titles, [actionText]);
  assert.equal(await page.getByTestId('task-title').inputValue(), actionText);
  // The task belongs to the round's team's department.
  assert.notEqual(await page.getByTestId('task-department').inputValue(), '');
  await goto(page, roundUrl);
  await page.getByTestId('suggestions').getByTestId('action-task-link').first().waitFor();
  // In the other language the action is still known to be on the board (its
  // label was written in English): no second task can be made from it.
  const makeButtons = await page.getByTestId('suggestions').getByTestId('action-make-task').count();
  await page.locator('button.lang-switch').click();
  await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
  assert.equal(await page.getByTestId('suggestions').getByTestId('action-task-link').count(), 1);
  assert.equal(await page.getByTestId('suggestions').getByTestId('action-make-task').count(), makeButtons);
  await page.locator('button.lang-switch').click();
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' });

  // Exports: JSON and CSV with the same figures.
  const json = await captureDownload(page, () => page.getByTestId('export-json').click());
  assert.equal(json.name, 'Desk-A-2026-Q4-results.json');
  const results = JSON.parse(json.text);
  assert.equal(results.overall.level, 3);
  assert.deepEqual(results.dimensions.map((d) => d.mean), [3, 3, 3, 2, 4.67]);
  const csv = await captureDownload(page, () => page.getByTestId('export-csv').click());
  assert.match(csv.text.split('\n')[1], /^dimension,roles,,Organisation and roles,3\.00,0\.82,2\.00,4\.00,3,12,/);
  assertNoErrors(errors);
});

test('a second round of the team gives its trend, and the two can be overlaid', async () => {
  await startRound('2027 Q1');
  await page.getByTestId('answer-here').click();
  for (const name of ['Ana', 'Bo', 'Cy']) {
    await answer(name, [4, null, null, null, null]);
    await page.getByTestId('next-respondent').click();
  }
  await page.getByRole('button', { name: 'Cancel' }).click();
  await waitSaved(page);
  const trend = await page.getByTestId('trend').locator('tbody tr').allInnerTexts();
  assert.equal(trend[0], 'Organisation and roles\t3.00\t4.00\t+1.00');
  assert.equal(trend[1], 'Process and handoffs\t3.00\t—\t—');
  assert.equal(trend.at(-1), 'Overall\t3.13\t4.00\t+0.87');
  await page.getByTestId('compare-with').selectOption({ label: 'Desk A · 2026 Q4' });
  const overlay = await page.getByTestId('overlay').locator('tbody tr').allInnerTexts();
  assert.equal(overlay[0], 'Organisation and roles\t4.00\t3.00\t-1.00');
  assert.equal(await page.getByTestId('radar').locator('polygon[data-series]').count(), 2);
  assertNoErrors(errors);
});

test('response forms by file: a bad answer is refused with its place; good forms are taken in', async () => {
  await gotoMaturity();
  await page.getByTestId('round-team').selectOption({ label: 'Desk A' });
  await page.getByTestId('round-period').fill('2027 Q2');
  await page.getByTestId('round-anonymous').check();
  await page.getByTestId('start-round').click();
  await page.getByRole('heading', { level: 1, name: 'Desk A · 2027 Q2' }).waitFor();
  const blank = await captureDownload(page, () => page.getByTestId('download-form').click());
  const form = JSON.parse(blank.text);
  assert.equal(form.format, 'baton.maturity-response');
  assert.equal(form.respondent, null, 'anonymous: no name asked');
  assert.equal(form.questions.length, 21);
  const filled = (answers) => Buffer.from(JSON.stringify({ ...form, answers }), 'utf8');
  await page.getByTestId('import-forms').setInputFiles([
    { name: 'one.json', mimeType: 'application/json', buffer: filled({ 'roles.1': 5 }) },
    { name: 'two.json', mimeType: 'application/json', buffer: filled({ 'roles.1': 9 }) },
  ]);
  await page.getByTestId('respond-error').filter({ hasText: /./ }).waitFor();
  assert.equal(
    await page.getByTestId('respond-error').innerText(),
    'Nothing was imported: two.json: at answers.roles.1: expected a level from 1 to 5, found the number 9',
  );
  await page.getByTestId('results-waiting').getByText('0 so far').waitFor();
  await page.getByTestId('import-forms').setInputFiles(
    [5, 4, 3].map((l, i) => ({ name: `f${i}.json`, mimeType: 'application/json', buffer: filled({ 'roles.1': l }) })),
  );
  await page.getByRole('status').filter({ hasText: '3 form(s) imported.' }).waitFor();
  assert.equal(await page.getByTestId('result-table').locator('tbody tr').first().innerText(), 'Organisation and roles\t4.00\t0.82 (3.00–5.00)\t3 / 12');
  // Anonymous: nobody's answers or names are listed.
  assert.equal(await page.getByTestId('respondents').count(), 0);
  assertNoErrors(errors);
});

test('models: export and import back, a questionnaire with its report', async () => {
  await gotoMaturity();
  const exported = await captureDownload(page, () =>
    page.getByRole('button', { name: 'Export the model Cross-department collaboration maturity' }).click(),
  );
  const model = JSON.parse(exported.text);
  assert.equal(model.format, 'baton.maturity-model');
  // A broken copy is refused with the place; the good one comes in as a new model.
  const broken = structuredClone(model);
  broken.model.dimensions[1].questions[0].levels.pop();
  await page.getByTestId('import-model').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await page.getByTestId('model-error').filter({ hasText: /./ }).waitFor();
  assert.match(await page.getByTestId('model-error').innerText(), /^broken\.json: at model\.dimensions\[1\]\.questions\[0\]\.levels: expected/);
  await page.getByTestId('import-model').setInputFiles({ name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(exported.text) });
  await page.getByTestId('model-report').getByText('model.json: model added.').waitFor();
  assert.equal(await page.getByTestId('model-row').count(), 2);

  const source = existsSync(ATOS) ? ATOS : ATOS_SMALL;
  if (source === ATOS_SMALL) console.log(`# ${ATOS} not present: importing the project's own small questionnaire instead`);
  await page.getByTestId('import-atos').setInputFiles(source);
  const report = page.getByTestId('model-report');
  await report.getByText(/section\(s\)/).waitFor();
  if (source === ATOS) {
    assert.match(await report.innerText(), /8 section\(s\), 75 entries, 74 question\(s\) imported, 1 text\(s\) skipped/);
    assert.match(await report.innerText(), /Section Introduction: text 1 skipped/);
  }
  assert.equal(await page.getByTestId('model-row').count(), 3);
  await waitSaved(page);
  assertNoErrors(errors);
});

test('the Chinese interface shows the built-in model in Chinese', async () => {
  const { page: zhPage, errors: zhErrors } = await app.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await goto(zhPage, app.url + '/', zhErrors);
  await zhPage.getByTestId('open-sample').click();
  await zhPage.getByTestId('workspace-name').filter({ hasText: '示例 — 港湾户外' }).waitFor();
  await zhPage.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '成熟度', exact: true }).click();
  await zhPage.getByRole('heading', { level: 1, name: '协同成熟度评估' }).waitFor();
  await zhPage.getByTestId('round-list').getByRole('link').first().click();
  await zhPage.getByTestId('results').waitFor();
  assert.match(await zhPage.getByTestId('result-table').innerText(), /组织与角色/);
  await zhPage.getByTestId('answer-here').click();
  assert.equal(await zhPage.getByTestId('question-roles.1').locator('legend').innerText(), '当一个客户请求需要多个部门处理时，是否清楚由谁从头到尾负责？');
  assert.match(await zhPage.getByTestId('question-roles.1').locator('label').first().innerText(), /^1 初始 — 没有人负责/);
  assert.match(readFileSync(path.join(REPO_ROOT, 'locales/zh/maturity.json'), 'utf8'), /协同成熟度评估/);
  assertNoErrors(zhErrors);
  await zhPage.context().close();
});
