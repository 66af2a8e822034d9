// The provider's telehealth pages: wires the four screens together and
// switches between them by the address's #hash, so each screen has a link
// that works with the keyboard, the Back button and a reload.
//
// Nothing here waits for the rules: every screen renders from the HTML and
// what this browser saved, and the wasm modules are fetched after the first
// paint (rules.js): the keystroke rules (link, instructions) as soon as the
// browser is idle or a link field is focused, the records rules (locations,
// continuity, session) once the keystroke rules are in and the browser is
// idle again, or at once when a screen that needs them is opened.

import { byId } from './dom.js';
import { setupLanguage } from './language.js';
import { setupLocations } from './locations.js';
import { renderPreview } from './preview.js';
import { setupProvider } from './provider.js';
import * as rules from './rules.js';
import { checkContinuity } from './rules.js';
import { setupSession } from './session.js';
import { setupSettings } from './settings.js';
import { NEXT_STEP } from './wording.js';

/** The client whose locations and session are shown (one, for this page). */
const CLIENT = { name: 'Alex Rivera', firstName: 'Alex' };

const SCREENS = {
  settings: 'Locations – Settings',
  preview: 'Preview – Settings',
  locations: `Virtual session locations – ${CLIENT.name}`,
  session: `Confirm session – ${CLIENT.name}`,
};

/** The screens whose fields the records rules check. */
const RECORDS_SCREENS = new Set(['locations', 'session']);

const status = byId('status');
start();

function start() {
  for (const name of document.querySelectorAll('.client-name')) name.textContent = CLIENT.name;

  // Screens refer to each other; these are filled in below, before any event can fire.
  let settings = null;
  let locations = null;
  let session = null;
  setupLanguage({
    onChange: () => {
      // The rules answer in the new language: check everything on screen again.
      settings.update();
      locations.update();
      locations.refresh();
      session.update();
      provider.recheck();
    },
  });
  const provider = setupProvider({
    onChange: () => {
      session?.update();
      locations?.refresh();
    },
  });
  settings = setupSettings({ onChange: (draft) => renderPreview(draft, CLIENT, rules.getLocale()) });
  locations = setupLocations({
    client: CLIENT,
    onChange: () => session?.refreshLocations(),
    describe: (code) => continuityAt(code, provider),
  });
  session = setupSession({
    client: CLIENT,
    locations: () => locations.locations(),
    provider,
    onCoverageChange: () => locations.refresh(),
  });
  locations.refresh();

  byId('loading').hidden = true;
  showScreen(screenInAddress() ?? 'settings', { focus: false });
  window.addEventListener('hashchange', () => {
    // Skip links and summary links also use #hash; only screen names switch screens.
    const id = screenInAddress();
    if (id) showScreen(id, { focus: true });
  });

  // A link field focused before the keystroke rules are in asks for them at once.
  for (const id of ['link', 'instructions']) {
    byId(id).addEventListener('focus', () => loadRules('keystroke'), { once: true });
  }
  rules.onReady('keystroke', () => {
    status.textContent = `Checked by the telehealth rules, ruleset ${rules.ruleset()}.`;
    document.body.dataset.keystroke = 'ready';
  });
  rules.onReady('records', () => {
    document.body.dataset.records = 'ready';
  });
  afterFirstPaint(() => {
    document.body.dataset.painted = 'true';
    performance.mark('telehealth-rules:painted');
    whenIdle(() => {
      loadRules('keystroke').finally(() => rules.preloadRecords().then(allReady, failed));
    });
  });
}

function loadRules(name) {
  return rules.load(name).then(allReady, failed);
}

function allReady() {
  if (rules.isReady('keystroke') && rules.isReady('records')) document.body.dataset.ready = 'true';
}

function failed(error) {
  const message = `The telehealth rules could not be loaded, so nothing can be checked. Reload the page to try again. (${error.message})`;
  byId('loading').textContent = message;
  byId('loading').hidden = false;
  status.textContent = message;
}

/** Runs `callback` once the frame with the rendered screen has been painted. */
function afterFirstPaint(callback) {
  // A requestAnimationFrame callback runs just before a paint; a task queued from it runs after that paint.
  requestAnimationFrame(() => setTimeout(callback, 0));
}

/** Runs `callback` when the browser is idle, or after half a second at the latest. */
function whenIdle(callback) {
  if (window.requestIdleCallback) requestIdleCallback(callback, { timeout: 500 });
  else setTimeout(callback, 1);
}

/** What seeing the client at `code` would mean, from the licenses typed on the Confirm session screen. */
function continuityAt(code, provider) {
  if (!rules.isReady('records')) return null;
  const report = checkContinuity({
    location: code,
    provider: { licenses: provider.licenses(), credentials: provider.credentials() },
    client: { coverage: byId('coverage').value },
  });
  const step = NEXT_STEP[report.outcome];
  if (!step) return null;
  const pay = report.private_pay === 'allowed' ? 'private pay allowed' : 'private pay not allowed';
  return `Your next step: ${step.here} (${pay}).`;
}

function screenInAddress() {
  const id = decodeURIComponent(location.hash.slice(1));
  return Object.hasOwn(SCREENS, id) ? id : null;
}

function showScreen(id, { focus }) {
  // The screens that check with the records rules load them when first opened.
  if (RECORDS_SCREENS.has(id)) loadRules('records');
  for (const screen of document.querySelectorAll('.screen')) screen.hidden = screen.id !== id;
  for (const link of document.querySelectorAll('.screens-link')) {
    if (link.getAttribute('href') === `#${id}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${SCREENS[id]} – Sigmund`;
  // Moving focus to the new heading tells screen reader users the screen changed.
  if (focus) byId(`${id}-title`).focus();
}
