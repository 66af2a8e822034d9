// A browser bundle (webpack 5, no loader or plugin for the package): webpack
// copies the .wasm files it finds through `new URL(..., import.meta.url)`;
// checkLink needs only the keystroke module.
import { initKeystroke, checkLink } from 'telehealth-rules';

initKeystroke().then(
  () => {
    const report = checkLink('doxy.me/drsmith');
    document.getElementById('out').textContent = `${report.verdict} ${report.findings[0].code} ${report.findings[0].fix}`;
    document.body.dataset.ready = 'true';
  },
  (error) => {
    document.getElementById('out').textContent = error.message;
    document.body.dataset.ready = 'error';
  },
);
