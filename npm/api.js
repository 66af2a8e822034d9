// The package's JavaScript API over the wasm module. Thin on purpose: every
// function builds a request, hands JSON text to the one Rust entry point and
// parses the JSON report it returns, so the answer is byte for byte the one
// the server computes. No rule lives here.

let wasm = null;

/** Called by the entry points once the wasm module is instantiated. */
export function attach(module) {
  wasm = module;
}

function ready(name) {
  if (wasm === null) {
    throw new Error(`telehealth-rules: ${name}() was called before the module was ready. Call (and await) init() first.`);
  }
  return wasm;
}

/** Checks any request (`{kind: ...}`) and returns its report. Never throws once initialized. */
export function check(request) {
  const w = ready('check');
  let text;
  try {
    // `undefined`, functions and symbols have no JSON form: sent as null,
    // which the module reports as "must be a JSON object".
    text = JSON.stringify(request) ?? 'null';
  } catch {
    text = ''; // cycles and BigInt: reported as not valid JSON
  }
  return JSON.parse(w.checkJson(text));
}

/**
 * Checks one request given as JSON text and returns the report as JSON text:
 * the exact bytes the HTTP service and the CLI produce (for servers that pass
 * request bodies through).
 */
export function checkJson(text) {
  const w = ready('checkJson');
  return w.checkJson(typeof text === 'string' ? text.toWellFormed() : String(text));
}

/** Checks the provider's default telehealth link, as typed or pasted. */
export function checkLink(input, options = {}) {
  const w = ready('checkLink');
  const asOf = options?.asOf;
  if (typeof input === 'string' && (asOf === undefined || typeof asOf === 'string')) {
    // Lone UTF-16 surrogates have no UTF-8 form; make them visible U+FFFD.
    return JSON.parse(w.checkLinkJson(input.toWellFormed(), asOf ?? ''));
  }
  return check({ kind: 'link', input, as_of: asOf });
}

/** Checks the instructions shown to clients; `options.link` is the current telehealth link. */
export function checkInstructions(input, options = {}) {
  ready('checkInstructions');
  return check({ kind: 'instructions', input, link: options?.link, as_of: options?.asOf });
}

/** Checks a client's virtual-session location: `{state, zip?, country?}`. */
export function checkLocation(location) {
  ready('checkLocation');
  return check(withKind('location', location));
}

/** Decides whether the provider can see the client where the client is. */
export function checkContinuity(request) {
  ready('checkContinuity');
  return check(withKind('continuity', request));
}

/** Checks one telehealth session before it is confirmed. */
export function checkSession(request) {
  ready('checkSession');
  return check(withKind('session', request));
}

function withKind(kind, request) {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    return request; // reported as "must be a JSON object"
  }
  const { asOf, ...rest } = request;
  return { ...rest, kind, ...(asOf === undefined ? {} : { as_of: asOf }) };
}
