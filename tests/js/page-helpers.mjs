// Helpers for the page tests (page.test.mjs): a fresh browser context per
// test with console errors, page errors and dialogs recorded, waits that
// follow the page's own signals instead of fixed sleeps, and the steps that
// several tests share.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const resultsDir = resolve(import.meta.dirname, '../../test-results');

/**
 * Opens the page in a new context (its own localStorage) and waits until it
 * has painted its first screen: the rules (wasm) load after that, so a test
 * that types at once types before they are in, as a quick provider would.
 * `problems` collects console errors, uncaught errors and any dialog (an XSS
 * payload that ran would open one). `before(context)` runs before the page
 * loads (init scripts, routes).
 */
export async function openPage(browser, url, { width = 1100, height = 900, permissions = [], before } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  if (permissions.length) await context.grantPermissions(permissions, { origin: url });
  const page = await context.newPage();
  const problems = { console: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.console.push(message.text());
  });
  page.on('pageerror', (error) => problems.console.push(error.message));
  page.on('dialog', (dialog) => {
    problems.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  await before?.(context, page);
  await page.goto(`${url}/`);
  await page.waitForSelector('body[data-painted="true"]');
  return { page, context, problems };
}

/** Nothing went wrong in the page: no console error, no uncaught error, no dialog. */
export function assertClean(problems) {
  assert.deepEqual(problems.console, [], 'console errors');
  assert.deepEqual(problems.dialogs, [], 'dialogs opened');
}

/** Goes to a screen by its link in the navigation, as a provider would. */
export async function goTo(page, linkName) {
  const link = page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: linkName });
  await link.click();
  await page.waitForFunction((href) => {
    const screen = document.getElementById(href.slice(1));
    return screen && !screen.hidden;
  }, await link.getAttribute('href'));
}

/** Waits until the messages shown for the field with `id` are those for its current value. */
export async function settled(page, id) {
  await page.waitForFunction((fieldId) => {
    const input = document.getElementById(fieldId);
    return input?.closest('.form-group')?.dataset.checked === input.value;
  }, id);
}

/** Waits for a locator to contain text matching `pattern`, and returns that text. */
export async function textOf(locator, pattern) {
  await locator.filter({ hasText: pattern }).first().waitFor();
  return locator.first().innerText();
}

export async function screenshot(page, name) {
  await mkdir(resultsDir, { recursive: true });
  await page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true });
}

/** Saves a client location through the form and waits for the server's answer. */
export async function addLocation(page, state, zip = '') {
  const screen = page.locator('#locations');
  await screen.getByLabel('State, district or territory').fill(state);
  if (zip) await screen.getByLabel('ZIP code (optional)').fill(zip);
  await screen.getByRole('button', { name: 'Save location' }).click();
  await screen.locator('#locations-saved').filter({ hasText: 'Location saved' }).waitFor();
}

/**
 * Adds a license row on the Licenses and credentialing screen (opened when
 * need be) and fills it in, as a provider would: the fields are given by
 * their labels' option texts; those not given keep their defaults.
 */
export async function addLicense(page, {
  state, basis = 'State license', compact = '', privilege = '', type = '', profession = '', level = '', status = 'Active',
  since = '', from = '', through = '',
}) {
  await goTo(page, 'Licenses and credentialing');
  const screen = page.locator('#profile');
  await screen.getByRole('button', { name: 'Add a license' }).click();
  const row = screen.getByRole('group', { name: /^License \d+$/ }).last();
  await row.getByLabel('State', { exact: true }).fill(state);
  await row.getByLabel('License or privilege').selectOption({ label: basis });
  if (compact) await row.getByLabel('Compact').selectOption({ label: compact });
  if (privilege) await row.getByLabel('PSYPACT privilege').selectOption({ label: privilege });
  if (type) await row.getByLabel('Title on the license (optional)').fill(type);
  if (profession) await row.getByLabel('Profession').selectOption({ label: profession });
  if (level) await row.getByLabel('Level').selectOption({ label: level });
  await row.getByLabel('Status', { exact: true }).selectOption({ label: status });
  if (since) await row.getByLabel('Status since').fill(since);
  if (from) await row.getByLabel('Valid from').fill(from);
  if (through) await row.getByLabel('Valid through').fill(through);
  // Leaving the row judges it.
  await page.keyboard.press('Tab');
  return row;
}

/** Adds a credential row on the Licenses and credentialing screen and fills it in. */
export async function addCredential(page, { state, status = 'Active', effective = '' }) {
  await goTo(page, 'Licenses and credentialing');
  const screen = page.locator('#profile');
  await screen.getByRole('button', { name: 'Add a credential' }).click();
  const row = screen.getByRole('group', { name: /^Credential \d+$/ }).last();
  await row.getByLabel('State', { exact: true }).fill(state);
  await row.getByLabel('Status').selectOption({ label: status });
  if (effective) await row.getByLabel('Effective from').fill(effective);
  return row;
}

/** Enters when the session started, on the client's clock: `zone` is the time zone's label. */
export async function setSessionStart(page, { date = '', time = '', zone = '' }) {
  const screen = page.locator('#session');
  if (date) await screen.getByLabel('Date', { exact: true }).fill(date);
  if (time) await screen.getByLabel('Start time').fill(time);
  if (zone) await screen.getByLabel("Client's time zone").selectOption({ label: zone });
}

/** Waits for the decision at the top of Confirm session to be about `outcome`, and returns its text. */
export async function decisionText(page, outcome) {
  const panel = page.locator(`#decision[data-outcome="${outcome}"]`);
  await panel.waitFor();
  return panel.innerText();
}

/** The label of the main button of Confirm session, once it is `label`. */
export async function mainButton(page, label) {
  const button = page.locator('#session-confirm');
  await button.filter({ hasText: label }).waitFor();
  return button;
}

/**
 * For `openPage({before})`: records every text the page's live region
 * (#announcer) is given, so a test can count announcements;
 * `announcements(page)` reads them.
 */
export async function recordAnnouncements(context) {
  await context.addInitScript(() => {
    window.__announced = [];
    document.addEventListener('DOMContentLoaded', () => {
      const region = document.getElementById('announcer');
      new MutationObserver(() => {
        if (region.textContent) window.__announced.push(region.textContent);
      }).observe(region, { childList: true, characterData: true, subtree: true });
    });
  });
}

export const announcements = (page) => page.evaluate(() => window.__announced);

/**
 * For `openPage({before})`: the browser never reports being idle on its own;
 * `runIdle(page)` runs what was waiting for idle. Lets a test see what each
 * trigger (focus, opening a screen, idle) fetches by itself.
 */
export async function holdIdle(context) {
  await context.addInitScript(() => {
    const waiting = [];
    window.requestIdleCallback = (callback) => waiting.push(callback);
    window.__runIdle = () => {
      for (const callback of waiting.splice(0)) callback({ didTimeout: false, timeRemaining: () => 50 });
    };
  });
}

export const runIdle = (page) => page.evaluate(() => window.__runIdle());

/**
 * Records the path of every request the page makes for its scripts and the package's wasm, in order: under
 * /build/ (the built page, scripts/build-www.mjs, which carries the package's JavaScript and wasm) and under
 * /pkg/ (the package as published, which the built page never asks for).
 */
export function packageRequests(page) {
  const paths = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/pkg/') || pathname.startsWith('/build/')) paths.push(pathname);
  });
  return paths;
}

export const wasmIn = (paths) => paths.filter((path) => path.endsWith('.wasm'));

/**
 * Holds the responses for `file` (such as 'keystroke_bg.wasm') until
 * `release()` is called, so a test can type while the module is on its way.
 */
export async function holdFile(context, file) {
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  await context.route(new RegExp(`/(pkg|build)/${file.replace(/\./g, '\\.')}$`), async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Chooses the language for clients on the Telehealth link screen (`English` or `Español`); Save keeps it. */
export async function chooseLanguage(page, name) {
  await goTo(page, 'Telehealth link');
  await page.getByLabel('Language for clients').selectOption({ label: name });
}
