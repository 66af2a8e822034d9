// The API (documented in index.d.ts): requests in, the Rust modules' JSON
// reports out; no rule lives here. `modules.keystroke(name)` and
// `modules.records(name)` give a loaded module (`name`: the caller, for the
// error when it is not loaded). checkLink and checkInstructions use the
// keystroke module only, so they never wait for the records module.
import { ruleset } from './ruleset.js';

export function bind({ keystroke, records }) {
  function check(request) {
    const w = records('check');
    let text;
    try {
      text = JSON.stringify(request) ?? 'null';
    } catch (error) {
      return invalid(`The request cannot be written as JSON (${error?.message ?? error}).`);
    }
    return JSON.parse(w.checkJson(text));
  }

  function checkJson(text) {
    return records('checkJson').checkJson(typeof text === 'string' ? text.toWellFormed() : String(text));
  }

  function checkLink(input, options) {
    if (!isOptions(options)) return badOptions('checkLink', options, '{asOf}');
    const asOf = options?.asOf;
    if (typeof input === 'string' && isText(asOf)) {
      return JSON.parse(keystroke('checkLink').checkLinkJson(input.toWellFormed(), asOf ?? ''));
    }
    // A mistyped call: the records module's decoder names the field at fault.
    return check({ kind: 'link', input, as_of: asOf });
  }

  function checkInstructions(input, options) {
    if (!isOptions(options)) return badOptions('checkInstructions', options, '{link, asOf}');
    const { link, asOf } = options ?? {};
    if (isText(input) && isText(link) && isText(asOf)) {
      const w = keystroke('checkInstructions');
      return JSON.parse(w.checkInstructionsJson((input ?? '').toWellFormed(), link?.toWellFormed(), asOf ?? ''));
    }
    return check({ kind: 'instructions', input, link, as_of: asOf });
  }

  function checkKind(kind, name, shape) {
    return (request) => {
      records(name); // not loaded: the error names this function
      if (!isObject(request)) return invalid(`${name}() takes an object like ${shape}, not ${describe(request)}.`);
      const { asOf, ...rest } = request;
      return check({ ...rest, kind, ...(asOf === undefined ? {} : { as_of: asOf }) });
    };
  }

  // A stored record in, the change (or `{report}` when it is not a record) or null out.
  function audit(record) {
    const w = records('audit');
    let text;
    try {
      text = typeof record === 'string' ? record.toWellFormed() : (JSON.stringify(record) ?? 'null');
    } catch (error) {
      return { report: invalid(`The record cannot be written as JSON (${error?.message ?? error}).`) };
    }
    return JSON.parse(w.auditJson(text));
  }

  return {
    check,
    audit,
    checkJson,
    checkLink,
    checkInstructions,
    checkLocation: checkKind('location', 'checkLocation', '{state, zip?, country?}'),
    checkContinuity: checkKind('continuity', 'checkContinuity', '{location, provider, client}'),
    checkSession: checkKind('session', 'checkSession', '{session_start or session_date, modality, payment, location, provider, client}'),
  };
}

export const notReady = (name) =>
  new Error(`telehealth-rules: ${name}() was called before its wasm module was loaded. Call init() once and await it first: \`await init(); ${name}(...)\`.`);

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const isOptions = (value) => value == null || isObject(value);
const isText = (value) => value == null || typeof value === 'string';
const describe = (value) =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : value === undefined ? 'undefined' : `a ${typeof value}`;
const badOptions = (name, options, shape) => invalid(`${name}()'s options must be an object like ${shape}, not ${describe(options)}.`);

// An invalid_request report for a mistake the modules never see, in the
// shape and field order of the Rust InvalidRequestReport.
function invalid(message) {
  return {
    kind: 'invalid_request',
    verdict: 'reject',
    findings: [{ code: 'invalid_request', severity: 'error', field: '', message }],
    ruleset,
  };
}
