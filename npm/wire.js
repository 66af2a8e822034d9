// Reads the keystroke module's compact wire (src/wire.rs) into the report
// object JSON.parse would give for the same report, rendering the messages
// and platform texts from `catalog` (one locale's, as messages/<locale>.js
// exports it): no JSON is built in wasm and none is parsed here.
import { platformTexts, renderMessage } from './render.js';
import { ruleset } from './ruleset.js';

const COLON = 58; // ':'
const ZERO = 48; // '0'
const NULL = 126; // '~'

/** The report on `wire`, its texts from `catalog` (and a host's `override`: {messages, terms}). */
export function fromWire(wire, catalog, override) {
  let at = 0;
  // Digits up to ':' read as char codes: no substring and no Number() per
  // token (a keystroke reads about twenty tokens).
  const count = () => {
    let n = 0;
    for (let c = wire.charCodeAt(at++); c !== COLON && at <= wire.length; c = wire.charCodeAt(at++)) n = n * 10 + c - ZERO;
    return n;
  };
  const text = () => {
    if (wire.charCodeAt(at) === NULL) {
      at += 1;
      return null;
    }
    const n = count();
    at += n;
    return wire.slice(at - n, at);
  };
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
    findings.push(finding);
  }
  if (kind !== 'link') return { kind, verdict, findings, ruleset };
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
  return { kind, verdict, findings, normalized, platform, attestations, ruleset };
}
