// Reads a keystroke report's tokens (io.js reads them off the compact wire,
// src/wire.rs) into the report object JSON.parse would give for the same
// report, rendering the messages and platform texts from `catalog` (one
// locale's, as messages/<locale>.js exports it): no JSON is built in wasm
// and none is parsed here.
import { platformTexts, renderMessage } from './render.js';
import { ruleset } from './ruleset.js';

/** The report `tokens` hold (`count()`: a number, `text()`: a string or null), its texts from `catalog` (and a host's `override`: {messages, terms}). */
export function fromWire({ count, text }, catalog, override) {
  const kind = text();
  const verdict = text();
  const findings = [];
  for (let n = count(); n > 0; n--) {
    const code = text();
    const severity = text();
    const field = text();
    const fix = text();
    const params = {};
    for (let p = count(); p > 0; p--) params[text()] = text();
    const finding = { code, severity, field, message: renderMessage(catalog, code, params, override), params };
    if (fix !== null) finding.fix = fix;
    flag(finding, 'final');
    findings.push(finding);
  }
  const report = { kind, verdict, findings };
  if (kind === 'link') link(report);
  flag(report, 'settled');
  report.ruleset = ruleset;
  return report;

  // A flag word: 0 absent (the value is not being typed), 1 false, 2 true.
  function flag(object, key) {
    const word = count();
    if (word) object[key] = word > 1;
  }

  function link(report) {
    const normalized = text();
    const id = text();
    let platform = null;
    if (id !== null) {
      const name = text();
      const waitingRoom = text();
      const texts = platformTexts(catalog, id, text()) ?? { guidance: '', baa: '' };
      platform = { id, name, waiting_room: waitingRoom, guidance: texts.guidance, baa: texts.baa };
    }
    const attestations = [];
    for (let n = count(); n > 0; n--) attestations.push(text());
    Object.assign(report, { normalized, platform, attestations });
  }
}
