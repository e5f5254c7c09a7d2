// Headless Chromium for end-to-end tests: Debian's /usr/bin/chromium driven by
// playwright-core (never a downloaded browser). Every launch gets a fresh,
// empty profile from Playwright, so tests do not share storage.
//
//   const browser = await launchBrowser();
//   const { page, errors } = await newPage(browser, { locale: 'en-US' });
//   await page.goto(url);
//   assert.deepEqual(errors, []);
//   await browser.close();

import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Flags for running as root on a machine with a closed network.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launch headless Chromium.
 * @param {import('playwright-core').LaunchOptions} [options] extra launch options
 */
export async function launchBrowser(options = {}) {
  const { args = [], ...rest } = options;
  return chromium.launch({
    headless: true,
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...args],
    ...rest,
  });
}

/**
 * Open a page in a fresh browser context (its own storage) and record every
 * console error and uncaught page error into `errors`.
 *
 * @param {import('playwright-core').Browser} browser
 * @param {{locale?: string, timezoneId?: string} & import('playwright-core').BrowserContextOptions} [options]
 * @returns {Promise<{context: import('playwright-core').BrowserContext,
 *                    page: import('playwright-core').Page,
 *                    errors: string[]}>}
 */
export async function newPage(browser, { locale = 'en-US', timezoneId = 'UTC', ...contextOptions } = {}) {
  const context = await browser.newContext({ locale, timezoneId, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      const where = loc?.url ? ` (${loc.url}:${loc.lineNumber})` : '';
      errors.push(`console.error: ${msg.text()}${where}`);
    }
  });
  page.on('pageerror', (err) => {
    errors.push(`pageerror: ${err?.stack || err?.message || String(err)}`);
  });
  return { context, page, errors };
}
