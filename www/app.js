// The provider's telehealth pages: wires the five screens together and
// switches between them by the address's #hash, so each screen has a link
// that works with the keyboard, the Back button and a reload.
//
// Nothing here waits for the rules: every screen renders from the HTML and
// what this browser saved. The link screen comes first: its modules are
// preloaded by the HTML, and so are the keystroke rules (link,
// instructions), which boot.js starts at once. The other screens' modules
// (the preview's too) are fetched next, and the
// records rules (locations, licenses, sessions) once the keystroke rules are
// in and the browser is idle, or at once when a screen that needs them is
// opened (rules.js).

import { byId, el } from './dom.js';
import * as rules from './rules.js';
import { checkContinuity } from './rules.js';
import { setupSettings } from './settings.js';

/** The client whose locations and session are shown (one, for this page). */
const CLIENT = { name: 'Alex Rivera', firstName: 'Alex' };

/** Each screen's title: the tab's name first, then where it sits. */
const SCREENS = {
  settings: 'Telehealth link – Settings',
  preview: 'Preview – Settings',
  locations: `Virtual session locations – ${CLIENT.name}`,
  profile: 'Licenses and credentialing – Your profile',
  session: `Confirm session – ${CLIENT.name}`,
};

/** The screens whose fields the records rules check. */
const RECORDS_SCREENS = new Set(['locations', 'profile', 'session']);

/** What a screen opened by another screen's action focuses (else its heading). */
let focusNext = null;
/** The screens after the link screen are set up (their modules loaded). */
let screensReady = false;

const status = byId('status');
start();

function start() {
  for (const name of document.querySelectorAll('.client-name')) name.textContent = CLIENT.name;
  // The preview is drawn once its module is in, from the latest draft of the settings.
  let draft = null;
  let renderPreview = null;
  const settings = setupSettings({
    onChange: (next) => {
      draft = next;
      renderPreview?.(draft, CLIENT);
    },
  });
  const first = screenInAddress() ?? 'settings';
  showScreen(first, { focus: false });

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
  afterFirstPaint(() => loadRules('keystroke'));

  import('./screens.js').then(
    ({ renderPreview: preview, setupLocations, setupProfile, setupSession }) => {
      renderPreview = preview;
      renderPreview(draft, CLIENT);
      // Screens refer to each other; these are filled in below, before any event can fire.
      let locations = null;
      let session = null;
      const profile = setupProfile({
        onChange: () => {
          session?.update();
          locations?.refresh();
        },
      });
      locations = setupLocations({
        client: CLIENT,
        onChange: () => session?.refreshLocations(),
        describe: (code) => continuityAt(code, profile),
      });
      session = setupSession({
        client: CLIENT,
        locations: () => locations.locations(),
        profile,
        open,
        clientLanguage: settings.language,
        onCoverageChange: () => locations.refresh(),
      });
      locations.refresh();
      rules.onReady('records', () => locations.refresh());
      screensReady = true;
      // The address may have changed while these modules were on their way.
      showScreen(screenInAddress() ?? first, { focus: false });
      window.addEventListener('hashchange', () => {
        // Skip links and summary links also use #hash; only screen names switch screens.
        const id = screenInAddress();
        if (id) showScreen(id, { focus: true });
      });
      afterFirstPaint(() => {
        document.body.dataset.painted = 'true';
        performance.mark('telehealth-rules:painted');
        // The records module waits for the keystroke module, so it never takes bandwidth from a pasted
        // link's check on a slow connection (a screen that needs it loads it at once).
        rules.load('keystroke').finally(() => whenIdle(() => rules.preloadRecords().then(allReady, failed)));
      });
    },
    failed,
  );
}

function loadRules(name) {
  return rules.load(name).then(allReady, failed);
}

function allReady() {
  if (rules.isReady('keystroke') && rules.isReady('records')) document.body.dataset.ready = 'true';
}

function failed(error) {
  status.textContent = `The telehealth rules could not be loaded, so nothing can be checked. Reload the page to try again. (${error.message})`;
  status.setAttribute('role', 'alert');
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

/** What seeing the client at `code` would mean, from the provider's profile, as nodes (null before the rules are in). */
function continuityAt(code, profile) {
  if (!rules.isReady('records')) return null;
  if (!profile.hasLicenses()) {
    return [`Add your licenses to see whether you can see ${CLIENT.firstName} here. `,
      el('a', { class: 'link', href: '#profile', text: 'Go to licenses and credentialing' })];
  }
  const report = checkContinuity({
    location: code,
    provider: profile.provider(),
    client: { coverage: byId('coverage').value },
  });
  const place = report.jurisdiction?.name ?? code;
  const pay = report.private_pay === 'allowed' ? 'private pay allowed' : 'private pay not allowed';
  const line = {
    confirm: `You can see ${CLIENT.firstName} here: licensed and credentialed in ${place}.`,
    begin_credentialing: `Licensed in ${place}, not credentialed: start credentialing to bill insurance here (${pay}).`,
    await_credentialing: `Licensed in ${place}, credentialing pending (${pay}).`,
    refer: `None of your licenses authorizes you in ${place} today. `,
  }[report.outcome];
  if (!line) return null;
  return report.outcome === 'refer'
    ? [line, el('a', { class: 'link', href: '#profile', text: 'Check your licenses' })]
    : [line];
}

function screenInAddress() {
  const id = decodeURIComponent(location.hash.slice(1));
  return Object.hasOwn(SCREENS, id) ? id : null;
}

/**
 * Opens screen `id` for an action on another screen; `target()` gives the
 * element to focus there (made after the screen shows), else its heading.
 */
function open(id, target) {
  focusNext = target;
  if (screenInAddress() === id) showScreen(id, { focus: true });
  else location.hash = id;
}

function showScreen(id, { focus }) {
  // The screens that check with the records rules load them when first opened.
  if (RECORDS_SCREENS.has(id) && screensReady) loadRules('records');
  for (const screen of document.querySelectorAll('.screen')) screen.hidden = screen.id !== id;
  for (const link of document.querySelectorAll('.screens-link')) {
    if (link.getAttribute('href') === `#${id}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${SCREENS[id]} – Sigmund`;
  const target = focusNext?.();
  focusNext = null;
  // Moving focus to the new heading (or the field an action leads to) tells screen reader users the screen changed.
  if (target) {
    target.focus({ preventScroll: true });
    (target.closest('.row, .form-group') ?? target).scrollIntoView({ block: 'start' });
  } else if (focus) {
    byId(`${id}-title`).focus();
  }
}
