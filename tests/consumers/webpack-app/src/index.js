// A browser bundle (webpack 5, no loader or plugin for the package): webpack
// copies the .wasm file it finds through `new URL(..., import.meta.url)`.
import { init, checkLink } from 'telehealth-rules';

init().then(
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
