// Calm validation: when to show what the rules say about a value being typed.
// The rules judge every keystroke; this module decides when to say so.
//
// - A field is `typing` after a keystroke, `complete` when its value arrived
//   whole (a paste, a fix, autofill), when the provider leaves it or stops
//   typing for a moment, and `submitted` after Save or Confirm.
// - While typing, only settled findings show: with the rules' typing mode
//   (contract v1.2 "Values being typed": `typing: true` on the request,
//   `final` on each finding, `settled` on the report) those marked final;
//   from a package without that mode, those a continuation cannot remove by
//   the page's own reading (STILL_A_BEGINNING below). Provisional errors and
//   success wait until the value is complete.
// - One announcement per settled change: nothing is said while typing unless
//   a settled error appears.

import { announce, byId } from './dom.js';

/** How long typing may pause before the value counts as complete. */
export const PAUSE_MS = 900;

/** "Nothing entered yet" is only an error once the provider tries to save. */
const REQUIRED = new Set(['empty', 'location_required']);

// For a package without the typing mode: what a half-typed value has on its
// way to a good one, by code, and whether the value still looks like such a
// beginning.
const isSchemePrefix = (v) => ['https://', 'http://'].some((scheme) => scheme.startsWith(v.toLowerCase()));
// `https://doxy.m`, `zoom`: a site name with nothing after it yet.
const isHostBeingTyped = (v) => /^(https?:\/\/)?[a-z0-9.-]*$/i.test(v);
// `https://zoom.us/`: the room name is the next thing to type.
const isRoomNext = (v) => /^https?:\/\/[^/?#\s]+\/?$/i.test(v);
// Shorter than any valid meeting ID: Zoom /j/ has 9-11 digits, /my/ 5 or more
// characters, a Meet code is xxx-xxxx-xxx.
const isMeetingIdBeingTyped = (v) =>
  /\/j\/\d{0,8}$/.test(v) || /\/my\/[a-z0-9.]{0,4}$/i.test(v)
  || /meet\.google\.com\/[a-z]{0,3}(-[a-z]{0,4}(-[a-z]{0,2})?)?$/i.test(v);
const STILL_A_BEGINNING = {
  not_a_url: (v) => isSchemePrefix(v) || isHostBeingTyped(v),
  unknown_platform: isHostBeingTyped,
  not_a_meeting_link: (v) => isHostBeingTyped(v) || isRoomNext(v),
  malformed_meeting_id: isMeetingIdBeingTyped,
  unknown_jurisdiction: (v) => /^[a-z .]*$/i.test(v),
  zip_malformed: (v) => /^\d{0,4}$|^\d{5}-\d{0,3}$/.test(v),
  // The page's own finding: "Tex" may be on its way to "Texas", which is saved.
  already_saved: () => true,
};

/** Whether a report was made in the rules' typing mode (it then says whether it is settled). */
export const hasTypingMode = (report) => typeof report?.settled === 'boolean';

/**
 * Splits a report's findings into those to show now, and says whether the
 * value is still provisional (`waiting`: findings or success held back).
 * `report` tells whether the rules' typing mode answered.
 */
export function judge(findings, report, value, phase) {
  const v = value.trim();
  const typing = phase === 'typing';
  const provisional = (finding) => {
    if (finding.severity === 'info') return false;
    if (hasTypingMode(report) && finding.final !== undefined) return finding.final === false;
    return STILL_A_BEGINNING[finding.code]?.(v) ?? false;
  };
  const waits = (finding) => {
    if (phase === 'submitted') return false;
    if (REQUIRED.has(finding.code)) return true;
    return typing && provisional(finding);
  };
  const held = findings.filter(waits);
  // A note about a half-typed value ("punctuation removed" for `http:`) would only confuse.
  const shown = findings.filter((f) => !waits(f) && !(held.length > 0 && f.severity === 'info'));
  // While typing, success is not said either: the value may not be finished.
  const waiting = held.length > 0 || (typing && v !== '');
  return { shown, waiting };
}

/** A field judged as it is typed: its elements, and its phase. */
export function typedField(id) {
  return {
    input: byId(id), group: byId(`${id}-group`), messages: byId(`${id}-messages`), status: byId(`${id}-status`),
    fixes: byId(`${id}-fixes`), phase: 'complete', previous: byId(id).value, report: null, said: '', pause: null,
  };
}

/**
 * The phase after an input event: `typing` for keystrokes, `complete` when
 * the value arrived in one piece (paste, drop, autofill, a fix).
 */
function phaseOfInput(event, previousValue) {
  const whole = /^insertFrom(Paste|Drop)|^insertReplacementText/.test(event.inputType ?? '');
  const jumped = event.target.value.length - previousValue.length > 1;
  return whole || jumped ? 'complete' : 'typing';
}

/**
 * Keeps each field's phase as the provider types: `onInput` runs after every
 * input event; leaving a field that was being typed, or pausing, makes it
 * `complete` and runs `onSettle`.
 */
export function watchTyping(fields, onInput, onSettle) {
  for (const f of fields) {
    f.previous = f.input.value;
    const settle = () => {
      clearTimeout(f.pause);
      if (f.phase === 'typing') {
        f.phase = 'complete';
        onSettle(f);
      }
    };
    f.input.addEventListener('input', (event) => {
      f.phase = phaseOfInput(event, f.previous);
      f.previous = f.input.value;
      clearTimeout(f.pause);
      if (f.phase === 'typing') f.pause = setTimeout(settle, PAUSE_MS);
      onInput(f);
    });
    f.input.addEventListener('blur', settle);
  }
}

/**
 * Enter in a field whose one suggestion is on show (a fix button after it)
 * takes that suggestion, as the button would, instead of submitting the form.
 */
export function enterAccepts(f) {
  f.input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    const buttons = f.fixes ? [...f.fixes.querySelectorAll('button')] : [];
    if (buttons.length !== 1) return;
    event.preventDefault();
    buttons[0].click();
  });
}

/** Puts a value into a field the way a fix button does: arrived whole, judged in full. */
export function takeValue(f, value) {
  clearTimeout(f.pause);
  f.input.value = value;
  f.previous = value;
  f.phase = 'complete';
}

/** Announces a field's settled message when it changes; says nothing for a value still provisional. */
export function sayOnce(f, text, { waiting = false } = {}) {
  if (waiting && !text) return;
  if (text === f.said) return;
  f.said = text;
  announce(text);
}
