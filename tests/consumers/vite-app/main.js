// A small provider-portal form, as a frontend engineer would write it: the
// package imported by name, init() awaited once (here by three "components"
// at once), then synchronous checks on every keystroke.
import {
  init, check, checkJson, checkLink, checkInstructions, checkLocation, checkContinuity, checkSession, loadLocale, ruleset,
} from 'telehealth-rules';

// Exposed for the test (tests/js/consumers.test.mjs), which drives the page.
window.telehealthRules = { init, check, checkJson, checkLink, checkInstructions, checkLocation, checkContinuity, checkSession, loadLocale, ruleset };

// Wrong use the engineer should be told about: a call before init().
try {
  checkLink('https://doxy.me/drsmith');
  window.beforeInit = { threw: false };
} catch (error) {
  window.beforeInit = { threw: true, isError: error instanceof Error, message: error.message };
}

const status = document.getElementById('status');
const input = document.getElementById('link');
const verdict = document.getElementById('verdict');
const list = document.getElementById('findings');

function render() {
  const report = checkLink(input.value);
  verdict.value = report.verdict;
  list.replaceChildren(
    ...report.findings.map((f) => {
      const item = document.createElement('li');
      item.dataset.code = f.code;
      item.textContent = f.fix ? `${f.message} Suggested: ${f.fix}` : f.message;
      return item;
    }),
  );
}

// Three components that each need the rules, starting at the same time.
Promise.all([init(), init(), init()]).then(
  () => {
    status.textContent = `Telehealth rules ready (ruleset ${ruleset}).`;
    input.addEventListener('input', render);
    document.body.dataset.ready = 'true';
  },
  (error) => {
    status.textContent = `The telehealth rules could not be loaded: ${error.message}`;
    document.body.dataset.ready = 'error';
  },
);
