// The API (documented in index.d.ts): requests in, the Rust module's JSON
// reports out; no rule lives here. `wasm(name)` gives the loaded module.

export function bind(wasm) {
  function check(request) {
    const w = wasm('check');
    let text;
    try {
      text = JSON.stringify(request) ?? 'null';
    } catch (error) {
      return invalid(w, `The request cannot be written as JSON (${error?.message ?? error}).`);
    }
    return JSON.parse(w.checkJson(text));
  }

  function checkJson(text) {
    return wasm('checkJson').checkJson(typeof text === 'string' ? text.toWellFormed() : String(text));
  }

  function checkLink(input, options) {
    const w = wasm('checkLink');
    if (!isOptions(options)) return badOptions(w, 'checkLink', options, '{asOf}');
    const asOf = options?.asOf;
    if (typeof input === 'string' && (asOf == null || typeof asOf === 'string')) {
      return JSON.parse(w.checkLinkJson(input.toWellFormed(), asOf ?? ''));
    }
    return check({ kind: 'link', input, as_of: asOf });
  }

  function checkInstructions(input, options) {
    const w = wasm('checkInstructions');
    if (!isOptions(options)) return badOptions(w, 'checkInstructions', options, '{link, asOf}');
    return check({ kind: 'instructions', input, link: options?.link, as_of: options?.asOf });
  }

  function checkKind(kind, name, shape) {
    return (request) => {
      const w = wasm(name);
      if (!isObject(request)) return invalid(w, `${name}() takes an object like ${shape}, not ${describe(request)}.`);
      const { asOf, ...rest } = request;
      return check({ ...rest, kind, ...(asOf === undefined ? {} : { as_of: asOf }) });
    };
  }

  // A stored record in, the change (or `{report}` when it is not a record) or null out.
  function audit(record) {
    const w = wasm('audit');
    let text;
    try {
      text = typeof record === 'string' ? record.toWellFormed() : (JSON.stringify(record) ?? 'null');
    } catch (error) {
      return { report: invalid(w, `The record cannot be written as JSON (${error?.message ?? error}).`) };
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
    checkSession: checkKind('session', 'checkSession', '{session_date, modality, payment, location, provider, client}'),
  };
}

export const notReady = (name) =>
  new Error(`telehealth-rules: ${name}() was called before the wasm module was loaded. Call init() once and await it first: \`await init(); ${name}(...)\`.`);

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const isOptions = (value) => value == null || isObject(value);
const describe = (value) =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : value === undefined ? 'undefined' : `a ${typeof value}`;
const badOptions = (w, name, options, shape) => invalid(w, `${name}()'s options must be an object like ${shape}, not ${describe(options)}.`);

// The module's invalid_request report, for a mistake it never sees.
function invalid(w, message) {
  const report = JSON.parse(w.checkJson('null'));
  Object.assign(report.findings[0], { field: '', message });
  return report;
}
