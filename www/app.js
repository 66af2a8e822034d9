import { init, ruleset } from '/pkg/index.js';

const status = document.getElementById('status');
try {
  await init();
  status.textContent = `Telehealth rules loaded (ruleset ${ruleset}).`;
  document.body.dataset.ready = 'true';
} catch (error) {
  status.textContent = `The telehealth rules could not be loaded: ${error.message}`;
}
