// The settings page in headless Chromium against `telehealth-rules serve`:
// the issue-6 flows, as a provider would do them (fields found by their
// labels), plus the server's enforcement, XSS payloads, axe and screenshots.
//
//   cargo build --bin telehealth-rules && bash scripts/build-pkg.sh
//   node --test --test-concurrency=1 tests/js/page.test.mjs
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { launchChromium, startServer } from './server.mjs';
import {
  addCredential, addLicense, addLocation, assertClean, chooseLanguage, goTo, holdFile, holdIdle, openPage, outcomeText,
  packageRequests, runIdle, screenshot, setSessionStart, settled, textOf, wasmIn,
} from './page-helpers.mjs';

const EASTERN = 'Eastern time (New York, Washington DC)';
const PACIFIC = 'Pacific time (Los Angeles, Seattle)';
const SAFE_LINKS = 'https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fdoxy.me%2Fdrsmith&data=x&reserved=0';
const ZOOM_START = 'https://zoom.us/s/1234567890?zak=abc';
const ZOOM_MEETING = 'https://zoom.us/j/1234567890';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens the page; the test body gets `{page, context}` and the page must stay free of errors and dialogs. */
function pageTest(name, body, options = {}) {
  test(name, async () => {
    const { page, context, problems } = await openPage(browser, server.url, options);
    try {
      await body({ page, context });
      assertClean(problems);
    } finally {
      await context.close();
    }
  });
}

const saved = (page, name) => page.evaluate((key) => localStorage.getItem(`telehealth-rules/v1/${key}`), name);

pageTest('typing a link one character at a time updates the message after each keystroke', async ({ page }) => {
  const link = page.getByLabel('Default telehealth link');
  const status = page.locator('#link-status');
  const target = 'https://doxy.me/drsmith';
  await link.focus();
  for (let i = 0; i < target.length; i += 1) {
    await link.pressSequentially(target[i]);
    await settled(page, 'link');
    const typed = target.slice(0, i + 1);
    assert.equal(await link.inputValue(), typed);
    // Reward early, punish late: no error while the link is still a plausible
    // beginning (`https://do`, `https://doxy.me/`), success as soon as it is good.
    assert.equal(await link.getAttribute('aria-invalid'), 'false', `no error shown for ${typed}`);
    const expected = typed.length > 'https://doxy.me/'.length ? 'This Doxy.me link can be used.' : 'Keep typing';
    assert.match(await status.innerText(), new RegExp(expected.replace('.', '\\.')), `status for ${typed}`);
  }
  assert.match(await page.locator('#platform').innerText(), /Platform: Doxy\.me[\s\S]*waiting room/);

  // Leaving a half-typed link shows what was held back.
  await link.fill('');
  await link.pressSequentially('https://doxy.me');
  await settled(page, 'link');
  assert.equal(await link.getAttribute('aria-invalid'), 'false');
  await link.press('Tab');
  await textOf(page.locator('#link-messages'), /not a meeting room/);
  assert.equal(await link.getAttribute('aria-invalid'), 'true');

  // A dangerous value is flagged at once, while the provider is still in the field.
  await link.fill('');
  await link.pressSequentially('javascript:a');
  await settled(page, 'link');
  await textOf(page.locator('#link-messages'), /"javascript:" does not open a video session/);
  assert.equal(await link.evaluate((input) => input === document.activeElement), true);
  assert.equal(await link.getAttribute('aria-invalid'), 'true');
});

pageTest('pasting an Outlook Safe Links URL offers the inner link, and one click makes it acceptable', async ({ page }) => {
  const link = page.getByLabel('Default telehealth link');
  await link.focus();
  await page.evaluate((text) => navigator.clipboard.writeText(text), SAFE_LINKS);
  await page.keyboard.press('ControlOrMeta+V');
  await settled(page, 'link');
  assert.equal(await link.inputValue(), SAFE_LINKS);
  await textOf(page.locator('#link-messages'), /wrapped by Outlook Safe Links/);
  assert.equal(await link.getAttribute('aria-invalid'), 'true');

  await page.getByRole('button', { name: 'Use https://doxy.me/drsmith' }).click();
  await settled(page, 'link');
  assert.equal(await link.inputValue(), 'https://doxy.me/drsmith');
  await textOf(page.locator('#link-status'), /This Doxy\.me link can be used\./);
  assert.equal(await link.getAttribute('aria-invalid'), 'false');
  assert.equal(await page.locator('#link-messages').innerText(), '');
  // Focus returns to the field, since the button is gone.
  assert.equal(await link.evaluate((input) => input === document.activeElement), true);
  // The statements to confirm are now offered, in plain words.
  await page.getByLabel('I have signed a Business Associate Agreement (BAA) with Doxy.me').waitFor();
}, { permissions: ['clipboard-read', 'clipboard-write'] });

pageTest('a Zoom start link is refused with its message, next to the field and in the summary', async ({ page }) => {
  const link = page.getByLabel('Default telehealth link');
  await link.fill(ZOOM_START);
  await settled(page, 'link');
  const message = await textOf(page.locator('#link-messages'), /Zoom start link/);
  assert.match(message, /anyone who opens it joins as the host/);
  assert.equal(await link.getAttribute('aria-invalid'), 'true');
  assert.match(await link.getAttribute('aria-describedby'), /\blink-messages\b/);
  assert.equal(await page.locator('#attestations-group').isHidden(), true);

  await page.getByRole('button', { name: 'Save settings' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.waitFor();
  assert.match(await summary.innerText(), /Zoom start link/);
  // The summary's link takes the provider to the field.
  await summary.getByRole('link', { name: /Zoom start link/ }).click();
  assert.equal(await link.evaluate((input) => input === document.activeElement), true);
  assert.equal(await saved(page, 'settings'), null);
});

pageTest('saving settings needs every statement ticked, is checked by the server and survives a reload', async ({ page }) => {
  const link = page.getByLabel('Default telehealth link');
  await link.fill(ZOOM_MEETING);
  await page.getByLabel('Instructions for clients (optional)').fill('Join 5 minutes early, from a private room.');
  await settled(page, 'instructions');
  await textOf(page.locator('#platform'), /Settings > Meeting > Security/);

  await page.getByRole('button', { name: 'Save settings' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.waitFor();
  assert.match(await summary.innerText(), /signed a BAA with Zoom[\s\S]*waiting room[\s\S]*audio and video/);

  await page.getByLabel('I have signed a Business Associate Agreement (BAA) with Zoom').check();
  await page.getByLabel('The waiting room is on by default, so clients wait until I let them in').check();
  await page.getByLabel('My sessions on this link use both audio and video').check();
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().endsWith('/v1/check') && r.postDataJSON()?.kind === 'link'),
    page.getByRole('button', { name: 'Save settings' }).click(),
  ]);
  assert.equal(request.method(), 'POST');
  assert.equal(request.headers()['content-type'], 'application/json');
  assert.deepEqual(request.postDataJSON(), { kind: 'link', input: ZOOM_MEETING });
  await textOf(page.locator('#settings-saved'), /Settings saved/);
  assert.equal(await page.locator('#settings-summary').isHidden(), true);

  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await link.inputValue(), ZOOM_MEETING);
  assert.equal(await page.getByLabel('Instructions for clients (optional)').inputValue(),
    'Join 5 minutes early, from a private room.');
  assert.equal(await page.getByLabel('My sessions on this link use both audio and video').isChecked(), true);

  // The preview shows the saved link and instructions to clients.
  await goTo(page, 'Preview');
  assert.match(await page.locator('#preview-reminder').innerText(), /Join by video: https:\/\/zoom\.us\/j\/1234567890/);
  assert.match(await page.locator('#preview-confirmation').innerText(), /Join 5 minutes early, from a private room\./);
  assert.match(await page.locator('#preview-calendar').innerText(),
    /LOCATION:https:\/\/zoom\.us\/j\/1234567890[\s\S]*Join 5 minutes early\\, from a private room\./);
  assert.match(await page.locator('#preview-state').innerText(), /your saved settings/);
});

pageTest("the portal's built-in telehealth needs no link, and the preview and calendar say the portal creates it", async ({ page }) => {
  const builtIn = page.getByLabel("Use the portal's built-in telehealth");
  await builtIn.check();
  assert.equal(await page.getByLabel('Default telehealth link').isHidden(), true);
  assert.equal(await page.locator('#platform').isHidden(), true);
  assert.equal(await page.locator('#attestations-group').isHidden(), true);
  await page.getByLabel('Instructions for clients (optional)').fill('Join 5 minutes early, from a private room.');
  await settled(page, 'instructions');

  // No link is checked: the server is asked about the instructions only.
  const kinds = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/v1/check')) kinds.push(r.postDataJSON()?.kind);
  });
  await page.getByRole('button', { name: 'Save settings' }).click();
  await textOf(page.locator('#settings-saved'), /built-in telehealth: it creates the link for each session/);
  assert.deepEqual(kinds, ['instructions']);
  assert.deepEqual(JSON.parse(await saved(page, 'settings')),
    { mode: 'portal', link: '', instructions: 'Join 5 minutes early, from a private room.', attestations: [], platformKey: '' });

  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await builtIn.isChecked(), true);
  assert.equal(await page.getByLabel('Default telehealth link').isHidden(), true);

  await goTo(page, 'Preview');
  assert.match(await page.locator('#preview-reminder').innerText(), /Join by video: The session link is created by the portal/);
  assert.match(await page.locator('#preview-confirmation').innerText(), /Join\s+The session link is created by the portal/);
  const calendar = await page.locator('#preview-calendar').innerText();
  assert.match(calendar, /DESCRIPTION:Telehealth: the session link is created by the portal's built-in telehealth\./);
  assert.doesNotMatch(calendar, /LOCATION:/);
  assert.match(await page.locator('#preview-state').innerText(), /built-in telehealth[\s\S]*your saved settings/);

  // Back to a link of one's own: the link is asked for and checked again.
  await goTo(page, 'Telehealth link');
  await page.getByLabel('Use my own telehealth link').check();
  const link = page.getByLabel('Default telehealth link');
  assert.equal(await link.isVisible(), true);
  await link.fill(ZOOM_MEETING);
  await textOf(page.locator('#platform'), /Settings > Meeting > Security/);
  await goTo(page, 'Preview');
  assert.match(await page.locator('#preview-state').innerText(), /changes you have not saved/);
});

pageTest('Save is refused by the server for a request the page was tampered into sending', async ({ page }) => {
  // Stands in for a page whose own checks were bypassed: the good link the
  // page checked becomes a Zoom start link on its way to the server.
  await page.route('**/v1/check', async (route) => {
    const body = route.request().postDataJSON();
    if (body.kind === 'link') body.input = ZOOM_START;
    await route.continue({ postData: JSON.stringify(body) });
  });
  await page.getByLabel('Default telehealth link').fill('https://doxy.me/drsmith');
  await page.getByLabel('I have signed a Business Associate Agreement (BAA) with Doxy.me').check();
  await page.getByLabel('My sessions on this link use both audio and video').check();
  await page.getByRole('button', { name: 'Save settings' }).click();

  const summary = page.getByRole('alert').filter({ hasText: 'The server did not save your settings' });
  await summary.waitFor();
  assert.match(await summary.innerText(), /Zoom start link: anyone who opens it joins as the host/);
  assert.match(await page.locator('#link-messages').innerText(), /Zoom start link/);
  assert.equal(await page.locator('#settings-saved').isHidden(), true);
  assert.equal(await saved(page, 'settings'), null);
});

pageTest('"Calif." resolves to California, a location is saved once, and the list survives a reload', async ({ page }) => {
  await goTo(page, 'Client locations');
  const screen = page.locator('#locations');
  const state = screen.getByLabel('State, district or territory');
  await state.pressSequentially('Calif.');
  await settled(page, 'state');
  assert.equal(await textOf(screen.locator('#state-status'), /California/), 'California (CA)');
  await screen.getByLabel('ZIP code (optional)').fill('94110');
  await screen.getByRole('button', { name: 'Save location' }).click();
  await textOf(screen.locator('#locations-saved'), /California \(CA\) is saved/);
  assert.match(await screen.locator('#locations-list').innerText(), /California \(CA\)\s+ZIP code 94110/);

  // The same jurisdiction, written differently, is refused at once and on save.
  await state.fill('CA');
  await settled(page, 'state');
  await textOf(screen.locator('#state-messages'), /California is already one of Alex Rivera's saved locations/);
  await screen.getByRole('button', { name: 'Save location' }).click();
  await screen.getByRole('alert').filter({ hasText: 'already one of' }).waitFor();
  assert.equal(await screen.locator('#locations-list li').count(), 1);

  // A typo gets a fix button once the provider leaves the field.
  await state.fill('');
  await state.pressSequentially('Texs');
  await settled(page, 'state');
  assert.equal(await state.getAttribute('aria-invalid'), 'false', 'held back while typing');
  await state.press('Tab');
  await screen.getByRole('button', { name: 'Use Texas' }).click();
  await settled(page, 'state');
  assert.equal(await state.inputValue(), 'TX');
  assert.equal(await textOf(screen.locator('#state-status'), /Texas/), 'Texas (TX)');

  // A ZIP in another state is a warning, not a refusal.
  await screen.getByLabel('ZIP code (optional)').fill('10001');
  await settled(page, 'zip');
  await textOf(screen.locator('#zip-messages'), /10001 is in New York, not Texas/);

  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.match(await page.locator('#locations-list').innerText(), /California \(CA\)/);
});

pageTest('each continuity outcome is reached from the Confirm session form', async ({ page }) => {
  await goTo(page, 'Client locations');
  await addLocation(page, 'New York');
  await goTo(page, 'Confirm session');
  const screen = page.locator('#session');
  await screen.getByLabel('Where the client was during the session').selectOption({ label: 'New York' });
  // The date is today's (the default); the start time and time zone are needed to confirm.
  await setSessionStart(page, { time: '10:00', zone: EASTERN });
  const license = await addLicense(page, { state: 'N.Y.', type: 'LCSW', expires: '2099-06-30' });
  assert.equal(await textOf(license.locator('.status'), /New York/), 'New York');
  const credential = await addCredential(page, { state: 'New York', status: 'Active', effective: '2020-01-01' });

  assert.match(await outcomeText(page, 'confirm'), /Confirm the session[\s\S]*licensed and credentialed in New York/);
  await screen.getByRole('button', { name: 'Confirm session' }).click();
  await textOf(screen.locator('#session-saved'), /Session confirmed/);

  await credential.getByLabel('Status').selectOption({ label: 'Pending' });
  assert.match(await outcomeText(page, 'await_credentialing'), /Await credentialing[\s\S]*not complete yet/);
  // Insurance cannot be billed until credentialing is done: refused at once.
  await textOf(screen.locator('#payment-messages'), /cannot be billed to insurance/);

  await credential.getByRole('button', { name: 'Remove credential 1' }).click();
  let text = await outcomeText(page, 'begin_credentialing');
  assert.match(text, /Begin credentialing[\s\S]*Private pay is not allowed/);
  // Without in-network insurance, the client may pay privately meanwhile.
  await screen.getByLabel("Client's insurance").selectOption({ label: 'No insurance' });
  await screen.getByLabel('Private pay').check();
  text = await outcomeText(page, 'begin_credentialing');
  assert.match(text, /Private pay is allowed for this client in New York/);
  await screen.getByRole('button', { name: 'Confirm session' }).click();
  await textOf(screen.locator('#session-saved'), /paid by private pay/);

  await license.getByLabel('Status').selectOption({ label: 'Expired' });
  assert.match(await outcomeText(page, 'refer'), /Refer the client[\s\S]*provider licensed in New York[\s\S]*not allowed/);
  await screen.getByRole('button', { name: 'Confirm session' }).click();
  const summary = screen.getByRole('alert').filter({ hasText: 'There is a problem' });
  assert.match(await textOf(summary, /not licensed|license/), /New York/);

  // Audio-only sessions are refused at once.
  await license.getByLabel('Status').selectOption({ label: 'Active' });
  await screen.getByLabel('Audio only').check();
  await textOf(screen.locator('#modality-messages'), /Audio-only sessions are not permitted/);

  // The licenses are kept in this browser.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.locator('#session').getByRole('group', { name: 'License 1' }).getByLabel('State', { exact: true })
    .inputValue(), 'N.Y.');
});

/** The session request the page sends when Confirm session is pressed (the page's checks passed). */
async function confirmAndCapture(page) {
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().endsWith('/v1/check') && r.postDataJSON()?.kind === 'session'),
    page.locator('#session').getByRole('button', { name: 'Confirm session' }).click(),
  ]);
  return request.postDataJSON();
}

/** Presses Confirm session, expects the page's own error summary, and returns it. */
async function confirmRefused(page, pattern) {
  const screen = page.locator('#session');
  await screen.getByRole('button', { name: 'Confirm session' }).click();
  const summary = screen.getByRole('alert').filter({ hasText: 'There is a problem' });
  await textOf(summary, pattern);
  return summary;
}

/** A client with saved locations, and the Confirm session screen open with the first one chosen. */
async function sessionFor(page, states) {
  await goTo(page, 'Client locations');
  for (const state of states) await addLocation(page, state);
  await goTo(page, 'Confirm session');
  await page.locator('#session').getByLabel('Where the client was during the session').selectOption({ label: states[0] });
}

const isoDay = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

pageTest('a license issued after the session date does not count for it; one issued before does', async ({ page }) => {
  await sessionFor(page, ['New York']);
  const screen = page.locator('#session');
  await setSessionStart(page, { date: '2026-08-15', time: '10:00', zone: EASTERN });
  await addCredential(page, { state: 'NY', effective: '2020-01-01' });
  const license = await addLicense(page, { state: 'NY', type: 'LCSW', issued: '2026-09-01', expires: '2028-06-30' });
  const text = await outcomeText(page, 'refer');
  assert.match(text, /Refer the client[\s\S]*issued on 2026-09-01, after 2026-08-15: it did not authorize practice there/);
  assert.equal(await screen.locator('#outcome-messages [data-code="license_inactive"]').count(), 1);

  // Confirm is refused; the summary leads to the license row.
  const summary = await confirmRefused(page, /issued on 2026-09-01/);
  await summary.getByRole('link', { name: /issued on 2026-09-01/ }).click();
  assert.equal(await license.getByLabel('Basis').evaluate((e) => e === document.activeElement), true);

  await license.getByLabel('Issued on (optional)').fill('2026-08-15');
  assert.match(await outcomeText(page, 'confirm'), /Confirm the session/);
  const sent = await confirmAndCapture(page);
  assert.equal(sent.session_start, '2026-08-15T10:00:00-04:00');
  assert.equal(sent.session_date, undefined);
  assert.deepEqual(sent.provider.licenses,
    [{ jurisdiction: 'NY', type: 'LCSW', basis: 'state_license', status: 'active', issued: '2026-08-15', expires: '2028-06-30' }]);
  await textOf(screen.locator('#session-saved'), /Session confirmed/);
  assert.match(await screen.locator('#session-saved').innerText(),
    /Saturday, August 15, 2026 at 10:00\sAM Eastern Daylight Time \(UTC−04:00\)/);
});

pageTest('a license suspended after the session date still counts for that session', async ({ page }) => {
  await sessionFor(page, ['New York']);
  const screen = page.locator('#session');
  await setSessionStart(page, { date: '2026-09-15', time: '16:00', zone: EASTERN });
  await addCredential(page, { state: 'NY', effective: '2020-01-01' });
  const license = await addLicense(page, { state: 'NY', type: 'LMHC', status: 'Suspended', since: '2026-10-01' });
  assert.match(await outcomeText(page, 'confirm'), /Confirm the session/);
  const sent = await confirmAndCapture(page);
  assert.deepEqual(sent.provider.licenses,
    [{ jurisdiction: 'NY', type: 'LMHC', basis: 'state_license', status: 'suspended', status_since: '2026-10-01' }]);
  await textOf(screen.locator('#session-saved'), /Session confirmed/);

  // Suspended before the session: refused, and renewing is not the advice.
  await license.getByLabel('Since (optional)').fill('2026-09-01');
  const text = await outcomeText(page, 'refer');
  assert.match(text, /has been suspended since 2026-09-01, so it does not authorize practice there on 2026-09-15/);
  assert.equal(await screen.locator('#outcome-messages [data-code="license_inactive"]').count(), 1);
  await confirmRefused(page, /suspended since 2026-09-01/);

  // Revoked, surrendered and pending are offered too.
  const statuses = await license.getByLabel('Status', { exact: true }).locator('option').allInnerTexts();
  assert.deepEqual(statuses, ['Active', 'Expired', 'Suspended', 'Revoked', 'Surrendered', 'Pending']);
});

pageTest('the session date is the client\'s: 21:30 in Los Angeles on a license\'s last day confirms, the same moment in New York does not', async ({ page }) => {
  await sessionFor(page, ['California', 'New York']);
  const screen = page.locator('#session');
  await addLicense(page, { state: 'CA', type: 'LCSW', expires: '2026-06-30' });
  await addLicense(page, { state: 'NY', type: 'LCSW', expires: '2026-06-30' });
  await addCredential(page, { state: 'CA', effective: '2020-01-01' });
  await addCredential(page, { state: 'NY', effective: '2020-01-01' });

  // The client in Los Angeles: 21:30 on 30 June, their date, the license's last day.
  await setSessionStart(page, { date: '2026-06-30', time: '21:30', zone: PACIFIC });
  await textOf(screen.locator('#session-zone-status'), /sent as 2026-06-30T21:30:00-07:00/);
  assert.match(await outcomeText(page, 'confirm'), /Confirm the session/);
  const sent = await confirmAndCapture(page);
  assert.equal(sent.session_start, '2026-06-30T21:30:00-07:00');
  await textOf(screen.locator('#session-saved'), /Session confirmed/);

  // A client in New York at that very moment: 00:30 on 1 July on their clock, a day too late.
  await screen.getByLabel('Where the client was during the session').selectOption({ label: 'New York' });
  await setSessionStart(page, { date: '2026-07-01', time: '00:30', zone: EASTERN });
  await textOf(screen.locator('#session-zone-status'), /Eastern Daylight Time, UTC−04:00 on that date: sent as 2026-07-01T00:30:00-04:00/);
  assert.match(await outcomeText(page, 'refer'), /New York license expired on 2026-06-30, before 2026-07-01/);
  assert.equal(await screen.locator('#outcome-messages [data-code="license_expired"]').count(), 1);
  await confirmRefused(page, /expired on 2026-06-30/);
});

pageTest('a compact privilege that does not count says why, in the outcome and the summary', async ({ page }) => {
  await sessionFor(page, ['New York']);
  const screen = page.locator('#session');
  await setSessionStart(page, { date: '2026-10-06', time: '09:00', zone: EASTERN });
  await addLicense(page, { state: 'OH', type: 'LPC', profession: 'Counselor', expires: '2028-06-30' });
  const privilege = await addLicense(page, {
    state: 'NY', type: 'LPC', basis: 'Compact privilege', compact: 'Counseling Compact', issued: '2026-01-01',
  });
  await addCredential(page, { state: 'NY', effective: '2020-01-01' });
  const text = await outcomeText(page, 'refer');
  assert.match(text, /Refer the client/);
  const reason = screen.locator('#outcome-messages [data-code="compact_privilege_invalid"]');
  assert.equal(await reason.count(), 1);
  // The message names the reason (which one depends on the compact data); it is announced with the outcome.
  const message = await reason.locator('.message-text').evaluate((p) => p.lastChild.textContent);
  assert.match(message, /compact privilege|Counseling Compact/i);
  assert.match(await reason.innerText(), /^Error:/);
  await page.waitForFunction((m) => document.getElementById('announcer').textContent.includes(m), message);

  // The summary leads to the privilege's row, not to the first license.
  const summary = await confirmRefused(page, /Counseling Compact|privilege/);
  await summary.getByRole('link').filter({ hasText: /Counseling Compact|privilege/ }).first().click();
  assert.equal(await privilege.getByLabel('Basis').evaluate((e) => e === document.activeElement), true);

  // The compact is asked for only for a compact privilege, and sent only then.
  const sent = await page.evaluate(() => JSON.parse(localStorage.getItem('telehealth-rules/v1/provider')).licenses[1]);
  assert.equal(sent.compact, 'counseling');
  await privilege.getByLabel('Basis').selectOption({ label: 'State license' });
  assert.equal(await privilege.getByLabel('Compact').isHidden(), true);
  assert.match(await outcomeText(page, 'confirm'), /Confirm the session/);
});

pageTest('a session dated two days ahead is refused next to its date until it has taken place', async ({ page }) => {
  await sessionFor(page, ['New York']);
  const screen = page.locator('#session');
  await addLicense(page, { state: 'NY', type: 'LCSW' });
  await addCredential(page, { state: 'NY', effective: '2020-01-01' });
  await setSessionStart(page, { date: isoDay(2), time: '10:00', zone: EASTERN });
  const messages = screen.locator('#session-date-messages [data-code="session_in_future"]');
  await textOf(messages, /confirm a session once it has taken place/);
  assert.equal(await screen.getByLabel('Date', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.match(await outcomeText(page, 'confirm'), /Confirm the session once it has taken place/);

  const summary = await confirmRefused(page, /once it has taken place/);
  await summary.getByRole('link', { name: /once it has taken place/ }).click();
  assert.equal(await screen.getByLabel('Date', { exact: true }).evaluate((e) => e === document.activeElement), true);

  // Yesterday is fine.
  await setSessionStart(page, { date: isoDay(-1) });
  await page.waitForFunction(() => document.getElementById('session-date').getAttribute('aria-invalid') === 'false');
  assert.equal(await screen.locator('#session-date-messages').innerText(), '');
  await confirmAndCapture(page);
  await textOf(screen.locator('#session-saved'), /Session confirmed/);
});

pageTest('the start time, the client\'s time zone and a temporary permit\'s last day are asked for next to their fields', async ({ page }) => {
  await sessionFor(page, ['New York']);
  const screen = page.locator('#session');
  await setSessionStart(page, { date: '2026-10-06' });
  await addCredential(page, { state: 'NY', effective: '2020-01-01' });
  const permit = await addLicense(page, { state: 'NY', type: 'LCSW', basis: 'Temporary permit' });
  // A temporary permit always has a last day: the message sits under that field.
  // Named as the provider sees it: the field's label and the row's number, not its path in the request.
  assert.equal(await textOf(permit.locator('[data-code="invalid_request"]'), /temporary permit always has a last day/),
    'Error:\n"Valid through" of license 1 is required for a temporary permit: a temporary permit always has a last day.');
  const lastDay = permit.getByLabel('Valid through (optional)');
  assert.equal(await lastDay.getAttribute('aria-invalid'), 'true');
  assert.match(await lastDay.getAttribute('aria-describedby'), /\blicenses-0-expires-messages\b/);

  const summary = await confirmRefused(page, /Enter the time the session started/);
  // In the order of the fields on the screen.
  assert.match(await summary.innerText(), /started[\s\S]*Choose the client's time zone[\s\S]*temporary permit always has a last day/);
  await summary.getByRole('link', { name: /temporary permit/ }).click();
  assert.equal(await lastDay.evaluate((e) => e === document.activeElement), true);
  await summary.getByRole('link', { name: /time zone/ }).click();
  assert.equal(await screen.getByLabel("Client's time zone").evaluate((e) => e === document.activeElement), true);
  assert.equal(await screen.getByLabel('Start time').getAttribute('aria-invalid'), 'true');

  await lastDay.fill('2026-12-31');
  await setSessionStart(page, { time: '08:15', zone: 'Hawaii time (Honolulu)' });
  await screen.getByLabel('Where you were during the session (optional)').fill('Calif.');
  await textOf(screen.locator('#provider-location-status'), /California/);
  const sent = await confirmAndCapture(page);
  assert.equal(sent.session_start, '2026-10-06T08:15:00-10:00');
  assert.equal(sent.provider_location, 'CA');
  assert.equal(sent.provider.licenses[0].basis, 'temporary_permit');
  await textOf(screen.locator('#session-saved'), /Session confirmed/);
});

pageTest('licenses saved before contract v1.1 still load, with the new fields left out', async ({ page }) => {
  await page.evaluate(() => localStorage.setItem('telehealth-rules/v1/provider', JSON.stringify({
    licenses: [{ jurisdiction: 'NY', type: 'LCSW', basis: 'state_license', status: 'active', expires: '2099-06-30' }],
    credentials: [{ jurisdiction: 'NY', status: 'active', effective: '2020-01-01' }],
  })));
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await sessionFor(page, ['New York']);
  const license = page.locator('#session').getByRole('group', { name: 'License 1' });
  assert.equal(await license.getByLabel('License type (optional)').inputValue(), 'LCSW');
  assert.equal(await license.getByLabel('Profession').inputValue(), '');
  assert.equal(await license.getByLabel('Issued on (optional)').inputValue(), '');
  assert.match(await outcomeText(page, 'confirm'), /Confirm the session/);
  await setSessionStart(page, { time: '11:00', zone: EASTERN });
  const sent = await confirmAndCapture(page);
  assert.deepEqual(sent.provider.licenses,
    [{ jurisdiction: 'NY', type: 'LCSW', basis: 'state_license', status: 'active', expires: '2099-06-30' }]);
  // An edit saves the row with every field.
  await license.getByLabel('Profession').selectOption({ label: 'Social worker' });
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('telehealth-rules/v1/provider')).licenses[0]);
  assert.equal(stored.profession, 'social_worker');
  assert.equal(stored.issued, '');
});

const XSS = [
  '<img src=x onerror="window.__xss=1">',
  '"><script>window.__xss=1</script>',
  'javascript:window.__xss=1',
  '<svg onload="window.__xss=1">',
  "'><iframe src=javascript:alert(1)>",
  '<img src=x onerror=alert(1)>',
  'https://doxy.me/drsmith"><img src=x onerror=alert(1)>',
];

pageTest('XSS payloads typed into every field never run and show as text', async ({ page }) => {
  await goTo(page, 'Confirm session');
  await page.getByRole('button', { name: 'Add a license' }).click();
  await page.getByRole('button', { name: 'Add a credential' }).click();
  const license = page.locator('#session').getByRole('group', { name: 'License 1' });
  const credential = page.locator('#session').getByRole('group', { name: 'Credential 1' });
  const fields = [
    ['Telehealth link', page.getByLabel('Default telehealth link'), 'Save settings'],
    ['Telehealth link', page.getByLabel('Instructions for clients (optional)'), 'Save settings'],
    ['Client locations', page.getByLabel('State, district or territory'), 'Save location'],
    ['Client locations', page.getByLabel('ZIP code (optional)'), 'Save location'],
    ['Confirm session', license.getByLabel('State', { exact: true }), 'Confirm session'],
    ['Confirm session', license.getByLabel('License type (optional)'), 'Confirm session'],
    ['Confirm session', credential.getByLabel('State', { exact: true }), 'Confirm session'],
    ['Confirm session', page.getByLabel('Where you were during the session (optional)'), 'Confirm session'],
  ];
  for (const [screen, field, button] of fields) {
    await goTo(page, screen);
    for (const [index, payload] of XSS.entries()) {
      // Typed key by key once per field, pasted-style (fill) for the rest.
      if (index === 0) {
        await field.fill('');
        await field.pressSequentially(payload);
      } else {
        await field.fill(payload);
      }
      await field.press('Tab');
      await page.getByRole('button', { name: button }).click();
    }
  }
  await goTo(page, 'Preview');
  // The last instructions payload is shown to clients as the text it is.
  assert.ok((await page.locator('#preview-reminder').textContent()).includes(XSS.at(-1)));

  const injected = await page.evaluate(() => ({
    flag: window.__xss,
    scripts: document.scripts.length,
    handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    foreign: document.querySelectorAll('main img, main svg, main iframe, main script').length,
  }));
  assert.deepEqual(injected, { flag: undefined, scripts: 1, handlers: 0, foreign: 0 });
});

pageTest('the page works with the keyboard alone', async ({ page }) => {
  // The skip link comes first, then the screens.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to main content');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Client locations');
  // A focused link is clearly marked (yellow background).
  assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).backgroundColor), 'rgb(255, 221, 0)');
  await page.keyboard.press('Enter');
  await page.locator('#locations-title:focus').waitFor();

  // Type a state, tab past the ZIP to Save, press Enter.
  while (!(await page.evaluate(() => document.activeElement.id === 'state'))) await page.keyboard.press('Tab');
  await page.keyboard.type('Calif.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Save location');
  await page.keyboard.press('Enter');
  await textOf(page.locator('#locations-saved'), /California \(CA\) is saved/);
});

const SCREENS = [
  ['settings', 'Telehealth link'],
  ['preview', 'Preview'],
  ['locations', 'Client locations'],
  ['session', 'Confirm session'],
];

/** Fills every screen with a believable provider's data, so checks and screenshots show the page at work. */
async function fillIn(page) {
  await goTo(page, 'Client locations');
  await addLocation(page, 'New York', '10001');
  await addLocation(page, 'Calif.', '94110');
  await goTo(page, 'Confirm session');
  await page.locator('#session').getByLabel('Where the client was during the session').selectOption({ label: 'New York' });
  await setSessionStart(page, { time: '18:30', zone: EASTERN });
  await page.getByLabel('Where you were during the session (optional)').fill('NY');
  await addLicense(page, { state: 'NY', type: 'LCSW', issued: '2019-05-01', expires: '2099-06-30' });
  await addLicense(page, {
    state: 'CA', type: 'LCSW', basis: 'Compact privilege', compact: 'Social Work Licensure Compact',
    status: 'Suspended', since: '2026-03-01',
  });
  await addCredential(page, { state: 'NY', effective: '2025-01-01' });
  await outcomeText(page, 'confirm');
  await goTo(page, 'Telehealth link');
  await page.getByLabel('Default telehealth link').fill('https://zoom.us/j/1234567890');
  await page.getByLabel('Instructions for clients (optional)').fill('Join 5 minutes early from a private, quiet room.');
  await page.getByLabel('I have signed a Business Associate Agreement (BAA) with Zoom').check();
}

pageTest('axe finds no serious or critical violations on each screen; screenshots are written', async ({ page }) => {
  await fillIn(page);
  // Show an error state on the settings screen too: a held-back error after Save.
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
  for (const [id, link] of SCREENS) {
    await goTo(page, link);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], id);
    await screenshot(page, id);
  }
});

for (const [language, suffix] of [['English', ''], ['Español', '-es']]) {
  pageTest(`at 320 px wide every screen fits without sideways scrolling, and axe finds nothing serious (${language})`, async ({ page }) => {
    if (suffix) await chooseLanguage(page, language);
    await fillIn(page);
    for (const [id, link] of SCREENS) {
      await goTo(page, link);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${id} scrolls sideways by ${overflow}px`);
      const { violations } = await new AxeBuilder({ page }).analyze();
      assert.deepEqual(violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id), [], id);
      await screenshot(page, `${id}-320${suffix}`);
    }
  }, { width: 320, height: 800 });
}

// ---- First paint without the rules (issue 14, part 4) ----

/** What a provider saved on an earlier visit: a link, instructions, a location and a license. */
const SAVED = {
  settings: { mode: 'link', link: 'https://doxy.me/drsmith', instructions: 'Join 5 minutes early.', attestations: ['baa_signed'], platformKey: 'doxy_me' },
  locations: [{ code: 'NY', name: 'New York', zip: '10001' }],
  provider: { licenses: [{ jurisdiction: 'NY', type: 'LCSW', basis: 'state_license', status: 'active', expires: '2099-06-30' }], credentials: [] },
};

/** Opens the page with `SAVED` in its storage; `options.before` runs too. Returns openPage's result. */
async function openSaved(options = {}) {
  return openPage(browser, server.url, {
    ...options,
    before: async (context, page) => {
      await context.addInitScript((saved) => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', 'yes');
        for (const [name, value] of Object.entries(saved)) localStorage.setItem(`telehealth-rules/v1/${name}`, JSON.stringify(value));
      }, SAVED);
      await options.before?.(context, page);
    },
  });
}

/** Runs `body` on a page opened by `open`, then checks the page stayed free of errors. */
function openedTest(name, open, body) {
  test(name, async () => {
    const opened = await open();
    try {
      await body(opened);
      assertClean(opened.problems);
    } finally {
      await opened.context.close();
    }
  });
}

let requests;
openedTest('the page paints every screen with its saved values before any wasm; focusing the link fetches the keystroke module only, opening Client locations the records module, each once',
  () => openSaved({ before: async (context, page) => {
    await holdIdle(context);
    requests = packageRequests(page);
  } }),
  async ({ page }) => {
    // Painted: labels and saved values on every screen, and not one request for the package.
    assert.deepEqual(requests, [], 'the package (JavaScript or wasm) is not on the first-paint path');
    assert.equal(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length), 1);
    assert.equal(await page.getByLabel('Default telehealth link').inputValue(), SAVED.settings.link);
    assert.equal(await page.getByLabel('Instructions for clients (optional)').inputValue(), SAVED.settings.instructions);
    assert.equal(await page.locator('#instructions-count').innerText(), 'You have 979 characters remaining');
    assert.equal(await page.getByLabel('Language', { exact: true }).inputValue(), 'en');
    const hidden = await page.evaluate(() => ({
      labels: ['state', 'zip', 'session-date', 'session-location', 'coverage'].map((id) => document.querySelector(`label[for="${id}"]`)?.textContent.trim()),
      locations: document.getElementById('locations-list').textContent,
      license: document.getElementById('licenses-0-jurisdiction')?.value,
      licenseLabel: document.querySelector('label[for="licenses-0-jurisdiction"]')?.textContent,
      choices: [...document.getElementById('session-location').options].map((o) => o.textContent),
      reminder: document.getElementById('preview-reminder').textContent,
    }));
    assert.deepEqual(hidden.labels, ['State, district or territory', 'ZIP code (optional)', 'Date', 'Where the client was during the session', "Client's insurance"]);
    assert.match(hidden.locations, /New York \(NY\)ZIP code 10001/);
    assert.equal(hidden.license, 'NY');
    assert.equal(hidden.licenseLabel, 'State');
    assert.deepEqual(hidden.choices, ['Choose a saved location', 'New York']);
    // The saved link is one the server accepted, so the preview shows it before any check.
    assert.match(hidden.reminder, /Join by video: https:\/\/doxy\.me\/drsmith/);
    assert.equal(await page.locator('#link-group').getAttribute('data-checked'), null, 'nothing judged before the rules are in');

    // Focusing the link fetches the keystroke module, and only it.
    await page.getByLabel('Default telehealth link').focus();
    await page.waitForSelector('body[data-keystroke="ready"]');
    await settled(page, 'link');
    assert.deepEqual(wasmIn(requests), ['/pkg/keystroke_bg.wasm']);
    await textOf(page.locator('#link-status'), /This Doxy\.me link can be used\./);
    assert.equal(await page.getByLabel('I have signed a Business Associate Agreement (BAA) with Doxy.me').isChecked(), true);
    assert.match(await page.locator('#status').innerText(), /Checked by the telehealth rules, ruleset \d/);

    // Opening Client locations fetches the records module; its continuity line then shows.
    await goTo(page, 'Client locations');
    await page.waitForSelector('body[data-records="ready"]');
    assert.deepEqual(wasmIn(requests), ['/pkg/keystroke_bg.wasm', '/pkg/records_bg.wasm']);
    await textOf(page.locator('#locations-list'), /Your next step/);

    // Idle comes later: it fetches nothing again.
    await runIdle(page);
    await page.waitForSelector('body[data-ready="true"]');
    await goTo(page, 'Confirm session');
    await page.locator('#session').getByLabel('Where the client was during the session').selectOption({ label: 'New York' });
    await outcomeText(page, 'begin_credentialing');
    assert.deepEqual(wasmIn(requests), ['/pkg/keystroke_bg.wasm', '/pkg/records_bg.wasm'], 'each module once');
  });

let natural;
openedTest('left alone, the page fetches the keystroke module after its first paint and the records module when idle, each once',
  () => openPage(browser, server.url, { before: (context, page) => {
    natural = packageRequests(page);
  } }),
  async ({ page }) => {
    await page.waitForSelector('body[data-ready="true"]');
    assert.deepEqual(wasmIn(natural), ['/pkg/keystroke_bg.wasm', '/pkg/records_bg.wasm']);
    // By the browser's own timing: every wasm fetch started after the first contentful paint and the page's painted mark.
    const timing = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      painted: performance.getEntriesByName('telehealth-rules:painted')[0]?.startTime,
      wasm: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm'))
        .map((e) => ({ file: new URL(e.name).pathname, start: e.startTime })),
    }));
    assert.equal(typeof timing.fcp, 'number');
    assert.equal(typeof timing.painted, 'number');
    assert.equal(timing.wasm.length, 2);
    for (const { file, start } of timing.wasm) {
      assert.ok(start >= timing.fcp, `${file} fetched at ${start} ms, before the first contentful paint at ${timing.fcp} ms`);
      assert.ok(start >= timing.painted, `${file} fetched at ${start} ms, before the page was painted at ${timing.painted} ms`);
    }
  });

let releaseKeystroke;
let releaseRecords;
openedTest('what is typed while a module is on its way is checked once it arrives: no keystroke lost, Save waits for it',
  () => openPage(browser, server.url, { before: async (context) => {
    await holdIdle(context);
    releaseKeystroke = await holdFile(context, 'keystroke_bg.wasm');
    releaseRecords = await holdFile(context, 'records_bg.wasm');
  } }),
  async ({ page }) => {
    const link = page.getByLabel('Default telehealth link');
    await link.focus(); // asks for the keystroke module, which is held back
    await link.pressSequentially('https://doxy.me/drsmith');
    assert.equal(await link.inputValue(), 'https://doxy.me/drsmith');
    assert.equal(await page.locator('#link-group').getAttribute('data-checked'), null);
    // Waiting more than a moment says so.
    await textOf(page.locator('#link-status'), /Checking the link…/);
    assert.equal(await link.getAttribute('aria-invalid'), null);
    releaseKeystroke();
    await settled(page, 'link');
    await textOf(page.locator('#link-status'), /This Doxy\.me link can be used\./);
    assert.equal(await link.getAttribute('aria-invalid'), 'false');

    // A location typed and saved before the records module is in: saved once it is.
    await goTo(page, 'Client locations');
    await page.getByLabel('State, district or territory').pressSequentially('Calif.');
    await page.getByRole('button', { name: 'Save location' }).click();
    assert.equal(await page.locator('#locations-saved').isHidden(), true);
    releaseRecords();
    await textOf(page.locator('#locations-saved'), /California \(CA\) is saved/);
    assert.equal(await page.getByLabel('State, district or territory').inputValue(), '');
  });

// ---- Language for clients (issue 14, part 3) ----

pageTest('the language switch puts the preview in Spanish, sets lang, is kept across a reload and sends locale with each check', async ({ page }) => {
  await page.getByLabel('Default telehealth link').fill('https://doxy.me/drsmith');
  await page.getByLabel('Instructions for clients (optional)').fill('Conéctese 5 minutos antes.');
  await settled(page, 'instructions');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await chooseLanguage(page, 'Español');
  // The page's own texts stay English and say so; the chosen language is the document's.
  assert.equal(await page.locator('main').getAttribute('lang'), 'en');
  assert.equal(await saved(page, 'language'), '"es"');
  await page.waitForFunction(() => document.getElementById('announcer').textContent.includes('Español'));

  const spanish = async () => {
    await goTo(page, 'Preview');
    const reminder = page.locator('#preview-reminder');
    assert.equal(await reminder.getAttribute('lang'), 'es');
    const text = await reminder.innerText();
    assert.match(text, /^Hola, Alex: le recordamos su sesión de mañana, \S+, \d+ de \S+, a las 10:00\s?a\.\s?m\., con Jordan Smith, LCSW\./);
    assert.match(text, /Únase por video: https:\/\/doxy\.me\/drsmith/);
    assert.match(text, /Antes de unirse: Conéctese 5 minutos antes\./);
    assert.doesNotMatch(text, /undefined|reminder|Join by video/);
    const confirmation = await page.locator('#preview-confirmation').innerText();
    assert.match(confirmation, /^Hola, Alex: su cita está confirmada\./);
    assert.match(confirmation, /Cuándo\s+\S+, \d+ de \S+ de \d{4}, 10:00\s?a\.\s?m\. \(50 minutos\)/);
    assert.match(confirmation, /Dónde\s+Telesalud, por video/);
    assert.match(confirmation, /Cómo unirse\s+https:\/\/doxy\.me\/drsmith/);
    assert.match(confirmation, /También encontrará el enlace en la página Citas de su cuenta\./);
    const calendar = await page.locator('#preview-calendar').innerText();
    assert.match(calendar, /SUMMARY:Sesión con Alex Rivera \(telesalud\)/);
    assert.match(calendar, /DESCRIPTION:Enlace de telesalud: https:\/\/doxy\.me\/drsmith\\n\\nInstrucciones para el cliente: Conéctese 5 minutos antes\./);
    // The note for the provider stays English.
    assert.match(await page.locator('#preview-state').innerText(), /changes you have not saved yet/);
  };
  await spanish();

  // Kept across a reload, before any rules are loaded.
  await page.reload();
  await page.waitForSelector('body[data-painted="true"]');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  assert.equal(await page.getByLabel('Language', { exact: true }).inputValue(), 'es');
  await goTo(page, 'Telehealth link');
  await page.getByLabel('Default telehealth link').fill('https://doxy.me/drsmith');
  await page.getByLabel('Instructions for clients (optional)').fill('Conéctese 5 minutos antes.');
  await settled(page, 'instructions');
  await spanish();

  // The server gets the language with the request it checks.
  await goTo(page, 'Client locations');
  const [spanishRequest] = await Promise.all([
    page.waitForRequest((r) => r.url().endsWith('/v1/check') && r.postDataJSON()?.kind === 'location'),
    addLocation(page, 'New York'),
  ]);
  assert.deepEqual(spanishRequest.postDataJSON(), { kind: 'location', state: 'New York', locale: 'es' });

  // Back to English: English texts, lang="en", and no locale sent.
  await chooseLanguage(page, 'English');
  await goTo(page, 'Preview');
  assert.equal(await page.locator('#preview-reminder').getAttribute('lang'), 'en');
  assert.match(await page.locator('#preview-reminder').innerText(), /^Hi Alex, this is a reminder of your session with Jordan Smith, LCSW, tomorrow,/);
  assert.match(await page.locator('#preview-calendar').innerText(), /SUMMARY:Session with Alex Rivera \(telehealth\)/);
  await goTo(page, 'Client locations');
  const [englishRequest] = await Promise.all([
    page.waitForRequest((r) => r.url().endsWith('/v1/check') && r.postDataJSON()?.kind === 'location'),
    addLocation(page, 'Ohio'),
  ]);
  assert.deepEqual(englishRequest.postDataJSON(), { kind: 'location', state: 'Ohio' });
});

// The package renders Spanish once the message catalog (issue 14, part 3) is merged;
// until then `locale: 'es'` gets English messages (or an invalid_request report).
const rulesInNode = await import('../../pkg/node.js');
const spanishLocation = rulesInNode.checkLocation({ state: 'Texa', locale: 'es' });
const CATALOG = spanishLocation.kind !== 'invalid_request'
  && spanishLocation.findings[0]?.message !== rulesInNode.checkLocation({ state: 'Texa' }).findings[0]?.message
  && rulesInNode.checkLocation({ state: 'NY', locale: 'es' }).kind !== 'invalid_request';
const WAITS_FOR_CATALOG = CATALOG ? false
  : 'waits for the message catalog: the package does not render locale "es" yet (enable by merging the catalog)';

test('in Spanish, the rules\' findings and platform texts come back in Spanish, marked lang="es"', { skip: WAITS_FOR_CATALOG }, async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  try {
    await chooseLanguage(page, 'Español');
    const expected = rulesInNode.checkLink(ZOOM_START, { locale: 'es' }).findings.find((f) => f.code === 'host_start_link').message;
    assert.notEqual(expected, rulesInNode.checkLink(ZOOM_START).findings.find((f) => f.code === 'host_start_link').message);
    const link = page.getByLabel('Default telehealth link');
    await link.fill(ZOOM_START);
    await settled(page, 'link');
    const message = page.locator('#link-messages [data-code="host_start_link"] [lang="es"]');
    assert.equal(await message.textContent(), expected);

    const meeting = rulesInNode.checkLink(ZOOM_MEETING, { locale: 'es' });
    await link.fill(ZOOM_MEETING);
    await settled(page, 'link');
    assert.equal(await page.locator('#platform-baa').textContent(), meeting.platform.baa);

    await goTo(page, 'Client locations');
    const state = page.getByLabel('State, district or territory');
    await state.fill('Texa');
    await state.press('Tab');
    const unknown = rulesInNode.checkLocation({ state: 'Texa', locale: 'es' }).findings[0];
    await page.locator(`#state-messages [data-code="${unknown.code}"] [lang="es"]`).filter({ hasText: unknown.message }).waitFor();

    // Back in English, the same finding is in English again.
    await chooseLanguage(page, 'English');
    await goTo(page, 'Client locations');
    const english = rulesInNode.checkLocation({ state: 'Texa' }).findings[0].message;
    await page.locator(`#state-messages [data-code="${unknown.code}"]`).filter({ hasText: english }).waitFor();
    assertClean(problems);
  } finally {
    await context.close();
  }
});
