// The served page loads the package in headless Chromium and shows the ruleset.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, serve } from './server.mjs';

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

test('the page loads the wasm module and shows the ruleset version', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const response = await page.goto(`${server.url}/`);
  assert.match(response.headers()['content-security-policy'], /'wasm-unsafe-eval'/);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
  const ruleset = (await (await fetch(`${server.url}/v1/ruleset`)).json()).ruleset;
  assert.match(await page.textContent('#status'), new RegExp(`ruleset ${ruleset.replaceAll('.', '\\.')}`));
  assert.deepEqual(errors, []);
});

test('Ctrl-C stops the server cleanly', async () => {
  assert.equal((await server.stop('SIGINT')).code, 0);
  server = null;
});
