// The provider's telehealth pages: loads the rules (wasm) once, then wires
// the four screens together and switches between them by the address's #hash,
// so each screen has a link that works with the keyboard, the Back button and
// a reload.

import { checkContinuity, init, ruleset } from '/pkg/index.js';
import { byId } from './dom.js';
import { setupLocations } from './locations.js';
import { renderPreview } from './preview.js';
import { setupProvider } from './provider.js';
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

const status = byId('status');
try {
  await init();
  start();
  status.textContent = `Checked by the telehealth rules, ruleset ${ruleset}.`;
  document.body.dataset.ready = 'true';
} catch (error) {
  const message = `The telehealth rules could not be loaded, so nothing can be checked. Reload the page to try again. (${error.message})`;
  byId('loading').textContent = message;
  status.textContent = message;
}

function start() {
  for (const name of document.querySelectorAll('.client-name')) name.textContent = CLIENT.name;

  // Screens refer to each other; these are filled in below, before any event can fire.
  let locations = null;
  let session = null;
  const provider = setupProvider({
    onChange: () => {
      session?.update();
      locations?.refresh();
    },
  });
  setupSettings({ onChange: (draft) => renderPreview(draft, CLIENT) });
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
}

/** What seeing the client at `code` would mean, from the licenses typed on the Confirm session screen. */
function continuityAt(code, provider) {
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
  for (const screen of document.querySelectorAll('.screen')) screen.hidden = screen.id !== id;
  for (const link of document.querySelectorAll('.screens-link')) {
    if (link.getAttribute('href') === `#${id}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${SCREENS[id]} – Sigmund`;
  // Moving focus to the new heading tells screen reader users the screen changed.
  if (focus) byId(`${id}-title`).focus();
}
