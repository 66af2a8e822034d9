import { announce, byId } from './dom.js';

// "Reward early, punish late": which of a report's findings to show while the
// provider is still typing. The rules judge every keystroke; this module only
// decides when to say so. A good value is confirmed at once. An error about a
// value that is still a plausible beginning (`https://do`, `Texa`, `941`)
// waits until the value arrives whole (a paste, a fix), the field loses
// focus, or Save is pressed. A dangerous value is flagged at once, however
// unfinished it looks.

/** Flagged the moment they appear: such a link could expose a client or hand over the meeting. */
export const DANGEROUS = new Set([
  'host_start_link', 'unsupported_scheme', 'credentials_in_url', 'lookalike_characters', 'lookalike_host',
  'consumer_platform', 'public_platform', 'wrapped_link', 'url_shortener', 'audio_only',
  'markup_not_allowed', 'audio_only_not_permitted',
]);

/** "Nothing entered yet" is only an error once the provider tries to save. */
const REQUIRED = new Set(['empty', 'location_required']);

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

/** For each code that a half-typed value has on its way to a good one: does the value still look like such a beginning? */
const STILL_A_BEGINNING = {
  not_a_url: (v) => isSchemePrefix(v) || isHostBeingTyped(v),
  unknown_platform: isHostBeingTyped,
  not_a_meeting_link: (v) => isHostBeingTyped(v) || isRoomNext(v),
  malformed_meeting_id: isMeetingIdBeingTyped,
  unknown_jurisdiction: (v) => /^[a-z .]*$/i.test(v),
  zip_malformed: (v) => /^\d{0,4}$|^\d{5}-\d{0,3}$/.test(v),
};

/**
 * The phase a field is in after an input event: `typing` for keystrokes,
 * `complete` when the value arrived in one piece (paste, drop, autofill).
 */
export function phaseOfInput(event, previousValue) {
  const whole = /^insertFrom(Paste|Drop)|^insertReplacementText/.test(event.inputType ?? '');
  const jumped = event.target.value.length - previousValue.length > 1;
  return whole || jumped ? 'complete' : 'typing';
}

/**
 * Splits findings into those to show now and whether any wait. `phase` is
 * `typing`, `complete` (pasted, fixed, left or loaded) or `submitted` (a
 * save attempt: everything shows).
 */
export function reveal(findings, value, phase) {
  const v = value.trim();
  const waits = (finding) => {
    if (phase === 'submitted' || finding.severity === 'info' || DANGEROUS.has(finding.code)) return false;
    if (REQUIRED.has(finding.code)) return true;
    return phase === 'typing' && (STILL_A_BEGINNING[finding.code]?.(v) ?? false);
  };
  const waiting = findings.filter(waits);
  // A note about a half-typed value ("punctuation removed" for `http:`) would only confuse.
  const shown = findings.filter((f) => !waits(f) && !(waiting.length > 0 && f.severity === 'info'));
  return { shown, waiting: waiting.length > 0 };
}

/** A field judged as it is typed: its elements, and its phase (see `phaseOfInput`). */
export function typedField(id) {
  return {
    input: byId(id), group: byId(`${id}-group`), messages: byId(`${id}-messages`), status: byId(`${id}-status`),
    phase: 'complete', previous: byId(id).value, report: null, said: '',
  };
}

/**
 * Keeps each field's phase as the provider types: `onInput` runs after every
 * input event; leaving a field that was being typed makes it `complete` (what
 * was held back shows now) and runs `onSettle`.
 */
export function watchTyping(fields, onInput, onSettle) {
  for (const f of fields) {
    f.previous = f.input.value;
    f.input.addEventListener('input', (event) => {
      f.phase = phaseOfInput(event, f.previous);
      f.previous = f.input.value;
      onInput();
    });
    f.input.addEventListener('blur', () => {
      if (f.phase === 'typing') {
        f.phase = 'complete';
        onSettle();
      }
    });
  }
}

/** Puts a value into a field the way a fix button does: arrived whole, judged in full. */
export function takeValue(f, value) {
  f.input.value = value;
  f.previous = value;
  f.phase = 'complete';
}

/** Announces a field's message when it changes, not after every key. */
export function sayOnce(f, text) {
  if (text === f.said) return;
  f.said = text;
  announce(text);
}
