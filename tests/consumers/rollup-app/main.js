// A browser bundle (Rollup with @web/rollup-plugin-import-meta-assets, which
// copies what `new URL(..., import.meta.url)` points at, as Vite and webpack do).
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
